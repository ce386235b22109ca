"""The planner's explanation (``keyframe --explain``): every channel a rule sets is listed (or counted
as "+N more"), and a negation never claims a channel is 0 while the output keeps it."""

from __future__ import annotations

import re


from kfstudio import channels as ch
from kfstudio.generation.planner.planner import EXPLAIN_MAX, EmbeddedPlanner


def _named(line: str) -> dict[str, float | None]:
    """Channel names in an explanation line, with the value written after them (if any)."""
    return {m.group(1): (float(m.group(2)) if m.group(2) else None)
            for m in re.finditer(r"\b([A-Z][A-Za-z]+)(?: (-?\d+\.\d+))?", line) if m.group(1) in ch.NAMES}


def test_a_negation_names_only_the_channels_the_output_leaves_at_zero():
    plan = EmbeddedPlanner().plan("a broad smile without a laugh")
    line = next(l for l in plan.explanation if "negates" in l)
    zero_part, _, kept_part = line.partition("; kept by")
    for name in _named(zero_part.split("-> 0 on")[1]):
        assert plan.values[ch.channel_index(name)] == 0.0, name
    kept = _named(kept_part)
    assert "MouthSmileLeft" in kept
    for name, value in kept.items():
        assert abs(plan.values[ch.channel_index(name)] - value) < 0.006


def test_every_channel_a_rule_sets_is_listed_or_counted():
    plan = EmbeddedPlanner().plan("she beams with a big open-mouthed laugh, eyes squeezed shut, head thrown back")
    for line in plan.explanation:
        if "->" not in line or "negates" in line:
            continue
        names = _named(line.split("->", 1)[1])
        more = re.search(r"\+(\d+) more", line)
        assert len(names) <= EXPLAIN_MAX
        if more:
            assert len(names) == EXPLAIN_MAX and int(more.group(1)) >= 1
    rule = next(l for l in plan.explanation if "laugh" in l and "negates" not in l)
    listed = len(_named(rule.split("->", 1)[1])) + int((re.search(r"\+(\d+) more", rule) or [0, 0])[1])
    assert listed > 5  # more than the five it used to stop at
