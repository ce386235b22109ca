"""Planner fixes of stop 47. A feeling held in ("angry, but he hides it", "dread underneath") presses the lips and
leaves the lower lip where it is: only a smile or a laugh held back rolls it in.
Each case is read by the real planner and its values asserted, with controls the rules must not reach. The sentences
are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ------------------------------------------------------------------------------------------ a feeling held in
@pytest.mark.parametrize("description, emotion", [
    ("He is livid but hides it.", ""),
    ("She stifles her disgust.", ""),
    ("The clerk stamps the form.", "courteous, seething underneath"),
    ("He adjusts his tie.", "pleasant, terrified beneath the surface"),
])
def test_a_feeling_held_in_presses_the_lips_without_rolling_them_in(planner, description, emotion):
    p = planner.plan(description, emotion=emotion)
    assert both(p, "MouthPress") >= 0.2, p.explanation
    assert v(p, "MouthRollLower") <= 0.06, p.explanation


@pytest.mark.parametrize("description", ["She bites back a grin.", "He stifles a laugh."])
def test_a_smile_or_laugh_held_back_still_rolls_the_lower_lip_in(planner, description):
    p = planner.plan(description)
    assert both(p, "MouthPress") >= 0.2, p.explanation
    assert v(p, "MouthRollLower") >= 0.2, p.explanation
