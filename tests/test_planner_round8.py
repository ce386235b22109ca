"""Round 8 of the planner: word senses and scopes a blind QA pass on fresh descriptions found wrong.

Every probe sentence is written here for the rule it checks (none is a QA or corpus line); the real
planner reads it and the values it gives are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# --- word senses -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sign", [("Her head dips down a little.", 1), ("he tips his head down a touch", 1),
                                        ("The head tilts back a bit.", -1), ("his head tilts up a fraction", -1)])
def test_a_tilt_down_or_back_with_a_size_is_a_pitch_not_a_roll(planner, text, sign):
    p = planner.plan(text)
    assert sign * v(p, "HeadPitch") >= 0.05
    assert abs(v(p, "HeadRoll")) < 0.05


def test_a_direction_before_an_article_of_size_stays_a_direction(planner):
    small = planner.plan("Her brows go up a touch.")
    assert 0.1 <= v(small, "BrowOuterUpLeft") < v(planner.plan("Her brows go up."), "BrowOuterUpLeft")
    # ... while a preposition before a noun is still no movement ("part in a gasp")
    assert v(planner.plan("His lips part in a gasp."), "HeadPitch") > -0.15


@pytest.mark.parametrize("text", ["His chin puckers.", "the chin is puckered, the corners pulled down"])
def test_a_puckered_chin_is_the_chin_raiser_not_a_jaw_thrust(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthShrugLower") >= 0.3
    assert v(p, "JawForward") < 0.05


def test_puckered_lips_still_pucker(planner):
    assert v(planner.plan("She puckers her lips."), "MouthPucker") >= 0.4


@pytest.mark.parametrize("text", ["Her jaw goes slack.", "and then his mouth just went slack"])
def test_a_mouth_that_goes_slack_hangs_open(planner, text):
    p = planner.plan(text)
    assert 0.15 <= v(p, "JawOpen") <= 0.5


def test_brows_that_go_slack_relax(planner):
    p = planner.plan("The brows go slack.")
    assert v(p, "BrowDownLeft") == 0 and v(p, "BrowInnerUp") == 0
    assert "brows" in p.understood
