"""``kfstudio train``: fit the learned semantic layer on a corpus (CPU, minutes) and write its weights."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_parser", "run"]


def _default_corpus() -> Path:
    """The project's corpus in a checkout (``models/corpus`` beside the package); an installed wheel
    has none, so ``--corpus`` is needed there."""
    return Path(__file__).resolve().parents[2] / "models" / "corpus"


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "train", help="fit the learned semantic layer on a corpus (CPU, minutes)",
        description="Fit the learned semantic layer (sentence encoder + small head) and write "
        "semantic_head.safetensors and model_card.json. Input: the project's corpus folder "
        "(train/dev/test.jsonl), corpus-format .jsonl files, KeyframeFace request/response .jsonl "
        "(responses inline or in the *response* file beside the requests) or .kfs projects whose "
        "keyframes carry descriptions. Use the result with KFSTUDIO_SEMANTIC_MODEL=OUT.",
    )
    p.add_argument("--corpus", nargs="+", metavar="DIR|FILE", help="training data (default: the project's models/corpus)")
    p.add_argument("--out", metavar="DIR", default="semantic-model", help="folder to write (default: ./semantic-model)")
    p.add_argument("--steps", type=int, default=3000, help="optimiser steps per network (default 3000)")
    p.add_argument("--ensemble", type=int, default=3, help="networks averaged (default 3)")
    p.add_argument("--hidden", type=int, default=256, help="hidden units (default 256)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-planner-features", action="store_true", help="read the sentence vectors only, not the planner's values")
    p.add_argument("--no-tune", action="store_true", help="keep the default combination settings (no search on dev)")
    p.add_argument("--no-refit", action="store_true",
                   help="write the head fit on train alone (default: after choosing the settings on dev, fit it again on train+dev)")
    p.add_argument("--no-gate", action="store_true",
                   help="no per-region gate between the planner and the head (default: fit one on out-of-fold readings of "
                   "train and keep it when it meets more of dev)")
    p.add_argument("--test", action="store_true", help="also score the test split (do this once, at the end)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    from kfstudio.generation.semantic.encoder import EncoderUnavailable
    from kfstudio.generation.semantic.train import TrainError, train
    from kfstudio.io.project import load_project

    if not args.corpus and not _default_corpus().is_dir():
        print("kfstudio: error: no --corpus given, and the project's corpus (models/corpus in a checkout of the "
              "repository) is not here; pass --corpus FILE|DIR ...", file=sys.stderr)
        return 2
    corpus = args.corpus or [_default_corpus()]
    for c in corpus:
        if not Path(c).exists():
            print(f"kfstudio: error: {c}: no such file or folder", file=sys.stderr)
            return 2
    try:
        card = train(corpus, args.out, uses_plan=not args.no_planner_features, hidden=args.hidden, steps=args.steps,
                     ensemble=args.ensemble, seed=args.seed, tune=not args.no_tune, evaluate_test=args.test, quiet=args.quiet,
                     load_project=load_project, refit=not args.no_refit, gate=not args.no_gate)
    except (TrainError, EncoderUnavailable) as exc:
        print(f"kfstudio: error: {exc}", file=sys.stderr)
        return 2
    sizes = card["split_sizes"]
    print(f"wrote {Path(args.out) / 'semantic_head.safetensors'} and model_card.json "
          f"(train {sizes['train']}, dev {sizes['dev']}, test {sizes['test']} examples; {card['seconds']} s)")
    for split in ("dev", "test"):
        s = card.get(split)
        if s and "combined" in s:
            print(f"{split}: planner alone {s['planner']['share']:.3f} (high {s['planner']['high_share']:.3f}, empty {s['planner']['empty']}); "
                  f"combined {s['combined']['share']:.3f} (high {s['combined']['high_share']:.3f}, empty {s['combined']['empty']})")
        elif s:
            print(f"{split}: {s}")
    g = card.get("gate")
    if g and g.get("kept"):
        d = g["dev_with_gate"]
        print(f"gate: kept (dev with it {d['share']:.3f}, high {d['high_share']:.3f}, empty {d['empty']}; "
              f"tests/planner_eval.jsonl {g.get('planner_eval_share_with_gate', float('nan')):.3f})")
    elif g:
        print("gate: not kept (it did not meet more of dev, or broke the planner's own set)")
    return 0
