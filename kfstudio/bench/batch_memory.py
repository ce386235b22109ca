"""Peak memory of ``kfstudio keyframe --batch`` over many descriptions (bounded memory check).

Usage: python -m kfstudio.bench.batch_memory [--sizes 100,1000,10000] [--json]

Each size runs ``python -m kfstudio keyframe --batch FILE`` in a subprocess and reads its peak
resident set size from ``os.wait4``. Memory is bounded when the peak does not grow with the size.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile

from kfstudio.bench.robustness import batch_peak_rss


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100,1000,10000", help="comma-separated numbers of descriptions")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    ok = True
    with tempfile.TemporaryDirectory(prefix="kfs-batch-") as d:
        for n in sizes:
            r = batch_peak_rss(n, d)
            ok &= r["returncode"] == 0 and r["lines"] == n
            if args.json:
                print(json.dumps(r))
            else:
                print(f"{n:>6} descriptions: peak RSS {r['peak_rss_mb']:.1f} MB, {r['seconds']:.1f} s "
                      f"({1000 * r['seconds'] / n:.2f} ms each), {r['lines']} output lines, exit {r['returncode']}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
