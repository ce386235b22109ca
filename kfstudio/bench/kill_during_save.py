"""Kill a process at random moments while it saves a project; the file must always be intact.

Usage: python -m kfstudio.bench.kill_during_save [--trials 100] [--keyframes 200] [--seed 0] [--json]

Each trial starts a real subprocess that saves two versions of a project alternately over one file,
kills it with SIGKILL after a random delay, and checks that the file is byte-identical to one of the
two versions and loads. Exit status 1 if any trial left a damaged file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile

from kfstudio.bench.robustness import kill_trials


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--keyframes", type=int, default=200, help="size of the saved project (default 200 keyframes)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="kfs-kill-") as d:
        counts = kill_trials(args.trials, d, seed=args.seed, keyframes=args.keyframes)
    if args.json:
        print(json.dumps(counts))
    else:
        print(f"{counts['trials']} kills during save ({counts['save_ms']:.0f} ms per save): "
              f"{counts['a']} left version A, {counts['b']} version B, {counts['damaged']} damaged; "
              f"{counts['leftover_tmp']} temporary files left by killed saves; {counts['seconds']:.1f} s")
    return 1 if counts["damaged"] else 0


if __name__ == "__main__":
    sys.exit(main())
