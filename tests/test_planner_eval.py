"""Quality of the embedded planner on a hand-written evaluation set (tests/planner_eval.jsonl).

Each line is one case written the way animators describe keyframes (not in the lexicon's phrasing):

* ``high`` / ``low``: channel -> threshold, expecting value >= / <= threshold;
* ``abs_high`` / ``abs_low``: the same on the absolute value (direction left open);
* ``asym``: ``[a, b, d]`` expecting |a - b| >= d (a one-sided action, side left open);
* ``previous``: a description planned first and passed as the previous keyframe, with
  ``greater_than_previous`` / ``less_than_previous`` channel lists;
* ``pair``: two descriptions and a channel, expecting the first below the second (intensity order).

Lines starting with ``//`` are comments (why a block of cases was added). The share of expectations
met must reach 0.99.
"""

from __future__ import annotations

import json
from pathlib import Path


from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner

EVAL_FILE = Path(__file__).resolve().parent / "planner_eval.jsonl"
REQUIRED_SHARE = 0.99


def load_cases() -> list[dict]:
    cases = []
    for number, line in enumerate(EVAL_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):  # "//" lines say why a block was added
            case = json.loads(line)
            case["line"] = number
            cases.append(case)
    return cases


def check_case(planner: EmbeddedPlanner, case: dict) -> list[tuple[str, bool]]:
    """(expectation text, met) for every expectation of one case."""
    def val(values, name):
        return float(values[ch.channel_index(name)])

    if "pair" in case:
        weak, strong = (planner.plan(d).values for d in case["pair"])
        name = case["channel"]
        return [(f"{case['pair'][0]!r} < {case['pair'][1]!r} on {name}", val(weak, name) < val(strong, name))]
    previous = planner.plan(case["previous"]).values if "previous" in case else None
    values = planner.plan(
        case["description"], emotion=case.get("emotion", ""), background=case.get("background", ""), previous=previous
    ).values
    checks = []
    for name, t in case.get("high", {}).items():
        checks.append((f"{name} >= {t}", val(values, name) >= t))
    for name, t in case.get("low", {}).items():
        checks.append((f"{name} <= {t}", val(values, name) <= t))
    for name, t in case.get("abs_high", {}).items():
        checks.append((f"|{name}| >= {t}", abs(val(values, name)) >= t))
    for name, t in case.get("abs_low", {}).items():
        checks.append((f"|{name}| <= {t}", abs(val(values, name)) <= t))
    for a, b, d in case.get("asym", []):
        checks.append((f"|{a} - {b}| >= {d}", abs(val(values, a) - val(values, b)) >= d))
    for name in case.get("greater_than_previous", []):
        checks.append((f"{name} > previous", val(values, name) > val(previous, name) + 1e-6))
    for name in case.get("less_than_previous", []):
        checks.append((f"{name} < previous", val(values, name) < val(previous, name) - 1e-6))
    return [(f"line {case['line']}: {case.get('description', '')!r}: {text}", ok) for text, ok in checks]


def evaluate(planner: EmbeddedPlanner | None = None) -> tuple[float, list[str]]:
    planner = planner or EmbeddedPlanner()
    results = [r for case in load_cases() for r in check_case(planner, case)]
    failures = [text for text, ok in results if not ok]
    return 1.0 - len(failures) / len(results), failures


def test_eval_set_is_substantial():
    cases = load_cases()
    assert len(cases) >= 80
    assert sum("pair" in c for c in cases) >= 5
    assert sum(bool(c.get("emotion")) for c in cases) >= 5


def test_planner_meets_eval_share():
    share, failures = evaluate()
    print(f"\nplanner evaluation: {share:.3f} of expectations met ({len(failures)} missed)")
    for text in failures:
        print("  missed:", text)
    assert share >= REQUIRED_SHARE, f"share {share:.3f} < {REQUIRED_SHARE}"


if __name__ == "__main__":  # python tests/test_planner_eval.py prints the misses
    share, failures = evaluate()
    print("\n".join(failures))
    print(f"share {share:.3f}")
