"""Planner fixes from fresh probes (stop 36): an attempt not to laugh (or cry, or yawn) that fails shows what it was
against; "she doesn't smile, but her eyes do" smiles with the eyes; "looks him dead in the eye" is a steady look at
him, not dead eyes; lips pursed to one side with the verb ("purses his lips to the right") shift that way. Each case
is read by the real planner and its values asserted, with controls the rule must not reach. The sentences are written
for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ----------------------------------------------------------------------------- an attempt that fails
@pytest.mark.parametrize("text", ["He tries not to laugh and fails.", "She tried hard not to laugh, but failed.",
                                  "He tries and fails not to laugh."])
def test_a_failed_attempt_not_to_laugh_laughs(planner, text):
    p = planner.plan(text)
    held = planner.plan("He tries not to laugh.")
    assert both(p, "MouthSmile") > 0.5 and v(p, "JawOpen") > 0.3, p.explanation
    assert both(p, "MouthSmile") > both(held, "MouthSmile") + 0.25, p.explanation
    assert both(p, "MouthPress") < 0.1, p.explanation


def test_fails_completely_is_a_full_laugh(planner):
    p = planner.plan("He tries not to laugh and fails completely.")
    plain = planner.plan("He tries not to laugh and fails.")
    assert both(p, "MouthSmile") > both(plain, "MouthSmile"), p.explanation


def test_a_failed_attempt_not_to_yawn_yawns(planner):
    p = planner.plan("She tries her best not to yawn, but fails.")
    assert v(p, "JawOpen") > 0.5, p.explanation


def test_an_attempt_that_holds_stays_held(planner):
    p = planner.plan("He tries not to laugh, and he manages it.")  # control: nothing failed
    assert both(p, "MouthSmile") < 0.35 and both(p, "MouthPress") > 0.1, p.explanation


# ----------------------------------------------------------------------------- the eyes do what the mouth does not
@pytest.mark.parametrize("text", ["She doesn't smile, but her eyes do.", "He isn't smiling, but his eyes are.",
                                  "Her mouth doesn't smile but her eyes do."])
def test_eyes_that_smile_when_the_mouth_does_not(planner, text):
    p = planner.plan(text)
    assert both(p, "CheekSquint") > 0.3 and both(p, "EyeSquint") > 0.2, p.explanation
    assert both(p, "MouthSmile") == 0.0, p.explanation


def test_not_smiling_with_eyes_that_are_something_else(planner):
    p = planner.plan("She doesn't smile, but her eyes are wet.")  # control: the eyes are not smiling
    assert both(p, "CheekSquint") < 0.2, p.explanation


# ----------------------------------------------------------------------------- looking someone in the eye
@pytest.mark.parametrize("text", ["She looks him dead in the eye.", "He looks the inspector straight in the eye.",
                                  "She stares him square in the eyes."])
def test_looking_someone_in_the_eye_is_a_steady_look(planner, text):
    p = planner.plan(text)
    assert "gaze" in p.understood, p.explanation
    assert both(p, "EyeBlink") == 0.0 and both(p, "EyeLookDown") == 0.0, p.explanation


def test_dead_eyes_are_not_a_look_in_the_eye(planner):
    p = planner.plan("He stares at the floor, dead-eyed.")  # control: the rewrite needs 'in the eye'
    assert both(p, "EyeLookDown") > 0.2, p.explanation


# ----------------------------------------------------------------------------- pursed to one side, said with the verb
@pytest.mark.parametrize("text, side", [("He purses his lips to the right.", "Right"), ("She puckers her lips to the left.", "Left"),
                                        ("He pouts his lips to one side.", "Left")])
def test_lips_pursed_to_a_side_shift_that_way(planner, text, side):
    p = planner.plan(text)
    assert v(p, f"Mouth{side}") > 0.3 and v(p, "MouthPucker") > 0.3, p.explanation


def test_pursed_lips_alone_do_not_shift(planner):
    p = planner.plan("He purses his lips.")  # control
    assert v(p, "MouthLeft") == 0.0 and v(p, "MouthRight") == 0.0 and v(p, "MouthPucker") > 0.3, p.explanation
