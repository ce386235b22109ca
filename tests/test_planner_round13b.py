"""Round 13b of the planner: general readings of English the dev split showed missing (informal, negation,
gaze, terse, speech, KeyframeFace-style and intensity lines).

Every probe sentence is written here for the rule it checks (none is a corpus line); the real planner
reads it and the values it gives are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# --- a whisper rounds the lips a little -------------------------------------------------------------

@pytest.mark.parametrize("text", ["He whispers the address to the driver.", "whispering to the kid beside her",
                                  "she leans in and whispers a secret"])
def test_a_whisper_rounds_the_lips_a_little(planner, text):
    plan = planner.plan(text)
    assert 0.1 <= v(plan, "MouthFunnel") <= 0.3
    assert v(plan, "JawOpen") < 0.2


def test_a_whisper_of_a_smile_is_still_an_intensity_not_speech(planner):
    plan = planner.plan("the whisper of a smile")
    assert v(plan, "MouthFunnel") < 0.05
    assert v(plan, "MouthSmileLeft") > 0.05


# --- a look over the shoulder turns the head most of the way --------------------------------------------

@pytest.mark.parametrize("text,sign", [("He looks back over his left shoulder at the gate.", -1),
                                       ("glancing over her right shoulder as the door slams", 1)])
def test_a_look_over_the_shoulder_turns_the_head_far(planner, text, sign):
    plan = planner.plan(text)
    assert sign * v(plan, "HeadYaw") >= 0.3
    side = "Left" if sign < 0 else "Right"
    assert v(plan, f"EyeLookOut{side}") >= 0.3


def test_a_plain_sideways_look_keeps_the_head_small(planner):
    assert abs(v(planner.plan("He looks to his left."), "HeadYaw")) < 0.2
