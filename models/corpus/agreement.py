#!/usr/bin/env python3
"""How far a second annotator agrees with the corpus: the ceiling to read the evaluation's figures against.

    python3 models/corpus/agreement.py

``agreement/second_annotator.jsonl`` holds a blind second annotation of 160 written dev lines (one per
family, drawn at random), made from the annotation brief and 30 annotated train lines of other items,
without seeing the corpus's annotation of them. Each side's values are scored with the other side's
expectations, exactly as ``kfstudio eval`` derives them from a corpus line: the second annotator scored by
the corpus (the figure a perfect model of that annotator would get) and the corpus scored by the second
annotator.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio.generation import evaluate as ev  # noqa: E402

HERE = Path(__file__).resolve().parent


def _values(targets: dict) -> np.ndarray:
    v = np.zeros(ch.NUM_CHANNELS)
    for name, x in targets.items():
        v[ch.channel_index(name)] = x
    return v


def score(lines: list[dict], others: list[dict]) -> dict[str, tuple[float, int]]:
    """Share of ``lines``' expectations met by ``others``' values: overall, high priority, per style."""
    met = defaultdict(lambda: [0, 0])
    for i, (line, other) in enumerate(zip(lines, others)):
        case = ev.case_from_line(line, f"line {i + 1}")
        values = _values(other["targets"])
        for e in case.expectations:
            ok = e.check(values)[0]
            for k in ("overall", line["style"]) + (("high",) if e.priority == "high" else ()):
                met[k][0] += ok
                met[k][1] += 1
    return {k: (a / b, b) for k, (a, b) in met.items()}


def main() -> int:
    corpus = {}
    for path in sorted((HERE / "src").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                if "targets" in obj:
                    corpus[(obj["family"], obj["description"])] = obj
    second = [json.loads(x) for x in (HERE / "agreement" / "second_annotator.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    missing = [s["description"] for s in second if (s["family"], s["description"]) not in corpus]
    if missing:
        print(f"agreement: {len(missing)} lines are no longer in the corpus, e.g. {missing[0]!r}", file=sys.stderr)
        return 1
    first = [corpus[(s["family"], s["description"])] for s in second]
    for label, lines, others in (("second annotator scored by the corpus", first, second),
                                 ("corpus scored by the second annotator", second, first)):
        shares = score(lines, others)
        print(f"{label}: {shares['overall'][0]:.1%} of {shares['overall'][1]} expectations, "
              f"high priority {shares['high'][0]:.1%} of {shares['high'][1]}")
        print("  " + ", ".join(f"{k} {v:.0%}" for k, (v, n) in sorted(shares.items()) if k not in ("overall", "high")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
