"""``kfstudio eval FILE``: score a backend on an evaluation file (see :mod:`kfstudio.generation.evaluate`).

Constraint files (``tests/planner_eval.jsonl``, the corpus under ``models/corpus``) give a table of
expectations met overall, on the high-priority (defining) channels and per style, with the count of
empty faces. KeyframeFace request files with reference responses give mean absolute errors per channel
group and the share of values within 0.1. ``--baseline`` adds the all-neutral face beside the backend.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> argparse.ArgumentParser:
    from kfstudio.cli.common import add_backend_options

    p = subparsers.add_parser(
        "eval", help="score a backend on an evaluation file (constraints or KeyframeFace pairs)",
        description="Score a backend on an evaluation file. Constraint files (one JSON object per line: the "
        "planner evaluation format or the corpus format) give the share of expectations met, overall, on the "
        "defining channels and per style, and the number of empty faces. KeyframeFace request files (lines "
        "{\"messages\": [...]}) with reference responses (--responses, or an assistant message in each line) "
        "give the mean absolute error per channel and group and the share of values within 0.1.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="constraint .jsonl files or folders of them, or one KeyframeFace request .jsonl")
    p.add_argument("--responses", metavar="FILE.jsonl",
                   help="KeyframeFace reference responses, one per request line (default: a file named like the requests "
                   "with 'request' replaced by 'response', when it exists)")
    p.add_argument("--split", choices=["train", "dev", "test"],
                   help="keep only the corpus lines of this split (by family: crc32 %% 10 in 0-5 train, 6-7 dev, 8-9 test)")
    p.add_argument("--style", action="append", help="keep only this style (repeatable)")
    p.add_argument("--baseline", action="store_true", help="also score the all-neutral face (a column beside the backend)")
    p.add_argument("--failures", type=int, default=10, metavar="N", help="list the N worst misses (default 10; 0: none)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--min-share", type=float, metavar="S", help="exit with status 1 when the share of expectations met is below S")
    add_backend_options(p)
    p.set_defaults(func=run)
    return p


def _responses_for(path: Path, given: str | None) -> Path | None:
    if given:
        return Path(given)
    if "request" in path.name:
        guess = path.with_name(path.name.replace("request", "response"))
        if guess.exists():
            return guess
    return None


def run(args) -> int:
    from kfstudio.cli.common import CLIError, Progress
    from kfstudio.cli.common import backend_from_args
    from kfstudio.generation import evaluate as ev

    paths = [Path(f) for f in args.files]
    for p in paths:
        if not p.exists():
            raise CLIError(f"{p}: no such file")
    try:
        kf = [p for p in paths if p.is_file() and ev.is_keyframeface_file(p)]
        if kf and len(paths) > 1:
            raise CLIError(f"{kf[0]}: score a KeyframeFace request file on its own")
        if kf:
            items = ev.load_keyframeface_pairs(kf[0], _responses_for(kf[0], args.responses))
        else:
            cases = ev.load_cases(paths)
            if args.split:
                cases = [c for c in cases if c.family and ev.family_split(c.family) == args.split]
            if args.style:
                cases = [c for c in cases if c.style in set(args.style)]
            if not cases:
                raise CLIError("no case left to score" + (" after --split/--style" if args.split or args.style else ""))
    except ev.EvalFileError as exc:
        raise CLIError(str(exc)) from None

    backend = backend_from_args(args)
    errors: list[str] = []
    try:
        predict = ev.backend_predictor(backend, errors)
        label = backend.name
        if kf:
            chain = bool(getattr(backend, "chains_previous", False))
            pair_reports = [ev.evaluate_pairs(items, ev.zero_predictor, label="all-zero")] if args.baseline else []
            pair_reports.append(ev.evaluate_pairs(items, predict, label=label, chain=chain))
            pair_reports[-1].errors = errors
            share = pair_reports[-1].within
            if args.json:
                print(json.dumps({"kind": "keyframeface", "reports": [r.as_dict() for r in pair_reports]}, indent=1))
            else:
                print(ev.format_pair_table(pair_reports))
        else:
            progress = Progress(None, "cases")

            def step(done: int, total: int) -> None:
                progress.total = total
                progress.step(done - progress.done)

            reports = [ev.evaluate_constraints(cases, ev.zero_predictor, label="all-zero")] if args.baseline else []
            try:
                reports.append(ev.evaluate_constraints(cases, predict, label=label, progress=step))
            finally:
                progress.close()
            main = reports[-1]
            main.errors = errors
            share = main.overall.share
            if args.json:
                out: dict[str, Any] = {"kind": "constraints", "files": [str(p) for p in paths], "reports": [r.as_dict() for r in reports]}
                for r in out["reports"]:
                    r["failures"] = r["failures"][: max(args.failures, 0)] if args.failures >= 0 else r["failures"]
                print(json.dumps(out, indent=1))
            else:
                print(ev.format_constraint_table(reports))
                o = main.overall
                print(f"\n{label}: {o.met}/{o.total} expectations met ({100 * o.share:.1f}%), "
                      f"{o.high_met}/{o.high_total} high-priority ({100 * o.high_share:.1f}%), "
                      f"{o.empty} empty faces of {o.movement_cases} asking for movement")
                if args.failures > 0 and main.failures:
                    print(f"\n{min(args.failures, len(main.failures))} worst misses ({label}):")
                    for f in main.failures[: args.failures]:
                        print(f"  {f.source}: [{f.style or '-'}] {f.description[:90]}: {f.expectation} (got {f.value:.2f}"
                              f"{', high priority' if f.priority == 'high' else ''})")
                if main.empty and args.failures > 0:
                    print(f"\nempty faces ({len(main.empty)}):")
                    for e in main.empty[: args.failures]:
                        print(f"  {e}")
        for e in errors[:5]:
            print(f"warning: {e}", file=sys.stderr)
        if len(errors) > 5:
            print(f"warning: ... and {len(errors) - 5} more backend errors", file=sys.stderr)
    finally:
        backend.close()
    if args.min_share is not None and share < args.min_share:
        return 1
    return 0
