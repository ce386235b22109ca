"""Round 9 of the planner: what the bundled examples and a blind QA pass showed wrong.

Every probe sentence is written here for the rule it checks (none is a QA or corpus line); the real
planner reads it and the values it gives are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


@pytest.mark.parametrize("text, corner", [("L eye winks, R corner up", "MouthSmileRight"),
                                          ("right eye winks and the left corner of the mouth rises", "MouthSmileLeft")])
def test_a_wink_named_first_does_not_hold_the_other_corner_a_later_clause_lifts(planner, text, corner):
    p = planner.plan(text)
    assert v(p, corner) >= 0.4
    assert max(v(p, "EyeBlinkLeft"), v(p, "EyeBlinkRight")) >= 0.9


@pytest.mark.parametrize("text", ["Her left brow is hoisted high.", "his brows soar"])
def test_hoisted_and_soaring_brows_are_raised(planner, text):
    p = planner.plan(text)
    assert max(v(p, "BrowOuterUpLeft"), v(p, "BrowOuterUpRight")) >= 0.4


def test_a_twitch_is_smaller_than_a_pull_unless_a_size_is_said(planner):
    twitch = v(planner.plan("the corner of her mouth twitches up"), "MouthSmileLeft")
    pull = v(planner.plan("the corner of her mouth pulls up"), "MouthSmileLeft")
    assert 0.15 <= twitch <= 0.7 * pull
    assert v(planner.plan("the corner of her mouth twitches up hard"), "MouthSmileLeft") >= 0.7


@pytest.mark.parametrize("start", ["begin to", "starts to", "starting to"])
def test_a_movement_that_begins_is_not_at_its_peak(planner, start):
    begun = planner.plan(f"his lips {start} curl into a smile")
    full = planner.plan("his lips curl into a smile")
    assert 0.1 <= v(begun, "MouthSmileLeft") < 0.75 * v(full, "MouthSmileLeft")
