"""Values typed in a description ("jawOpen 0.6", "smile L 80%", "AU12 at 40%") are kept exactly by the
planner and by the learned layer's combination; numbers that are not channel values are left alone."""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.generation.backend import KeyframeRequest, create_backend
from kfstudio.generation.planner import EmbeddedPlanner
from kfstudio.generation.planner.spec import read_specs

I = ch.channel_index


@pytest.fixture(scope="module")
def planner():
    return EmbeddedPlanner()


@pytest.fixture(scope="module")
def backend():
    """The embedded backend as the CLI and the editor use it (with the learned layer when installed)."""
    b = create_backend("embedded")
    yield b
    b.close()


def propose(backend, text: str, **context) -> np.ndarray:
    return next(iter(backend.propose([KeyframeRequest([text], 0, **context)]))).values


def typed(text: str) -> dict[str, float]:
    return {ch.NAMES[i]: round(v, 4) for i, v in read_specs(text).values.items()}


@pytest.mark.parametrize("text, want", [
    ("jawOpen 0.6", {"JawOpen": 0.6}),
    ("JawOpen=.6", {"JawOpen": 0.6}),
    ("eyeBlink_L 100", {"EyeBlinkLeft": 1.0}),
    ("mouthSmile 35%", {"MouthSmileLeft": 0.35, "MouthSmileRight": 0.35}),
    ("HeadYaw -0.2", {"HeadYaw": -0.2}),
    ("AU12 at 40%", {"MouthSmileLeft": 0.4, "MouthSmileRight": 0.4}),
    ("AU 4 0.5", {"BrowDownLeft": 0.5, "BrowDownRight": 0.5}),
    ("jaw 50%, smile L 80%", {"JawOpen": 0.5, "MouthSmileLeft": 0.8}),
    ("left smile 0.5", {"MouthSmileLeft": 0.5}),
    ("60% blink", {"EyeBlinkLeft": 0.6, "EyeBlinkRight": 0.6}),
    ("smile .85 cheeks .75 jaw .35", {"MouthSmileLeft": 0.85, "MouthSmileRight": 0.85,
                                      "CheekSquintLeft": 0.75, "CheekSquintRight": 0.75, "JawOpen": 0.35}),
    ("smile settles @ .4, ease out", {"MouthSmileLeft": 0.4, "MouthSmileRight": 0.4}),
    ("jawOpen 1.7", {"JawOpen": 1.0}),  # clamped to the channel's range
    # the short names of the other mouth and cheek shapes
    ("press L .4", {"MouthPressLeft": 0.4}),
    ("dimple R .3", {"MouthDimpleRight": 0.3}),
    ("stretch L 50%", {"MouthStretchLeft": 0.5}),
    ("roll lower .5, shrug upper .2", {"MouthRollLower": 0.5, "MouthShrugUpper": 0.2}),
    ("jaw fwd .6", {"JawForward": 0.6}),
    ("cheek raise 40%", {"CheekSquintLeft": 0.4, "CheekSquintRight": 0.4}),
    # a part named between the side and the shape keeps the side (it had set both eyes)
    ("left eye squint 0.4", {"EyeSquintLeft": 0.4}),
    ("L eye squint .4, R eye squint .1", {"EyeSquintLeft": 0.4, "EyeSquintRight": 0.1}),
    ("L eye blink 1", {"EyeBlinkLeft": 1.0}),
    (".4 L eye squint", {"EyeSquintLeft": 0.4}),
    # mouth corners, and "only" between the shape and its value
    ("right mouth corner up 0.3", {"MouthSmileRight": 0.3}),
    ("mouth corners down 20%", {"MouthFrownLeft": 0.2, "MouthFrownRight": 0.2}),
    ("L eye squint only .4", {"EyeSquintLeft": 0.4}),
])
def test_typed_values_are_read(text, want):
    assert typed(text) == want


@pytest.mark.parametrize("text", [
    "she blinks 3 times", "at 2.5s she smiles", "she is 30 years old and smiles", "smile 2",
    "head turns 45 degrees", "AU99 at 40%", "a smile, then 3 quick blinks", "she stretches for .5 seconds",
])
def test_numbers_that_are_no_channel_values_are_left_alone(text):
    assert read_specs(text).specs == []


def test_a_line_of_values_only_sets_those_channels_and_nothing_else(planner, backend):
    for text, want in [("jawOpen 0.6", {"JawOpen": 0.6}),
                       ("jaw 50%, smile L 80%", {"JawOpen": 0.5, "MouthSmileLeft": 0.8}),
                       ("AU12 40% and AU6 20%", None)]:
        plan = planner.plan(text)
        assert plan.found_movement and plan.understood == {"brows", "cheeks", "eyes", "gaze", "head", "mouth", "nose"}
        v = propose(backend, text, background="A wedding", emotion="joy")
        np.testing.assert_allclose(v, plan.values)  # the learned layer adds nothing to a technical line
        if want:
            expected = np.zeros(ch.NUM_CHANNELS)
            for name, value in want.items():
                expected[I(name)] = value
            np.testing.assert_allclose(v, expected)
    assert any("typed explicitly" in line for line in planner.plan("jawOpen 0.6").explanation)


def test_typed_values_beside_words_are_exact_and_the_words_are_read(planner, backend):
    v = propose(backend, "smile 0.3, she blinks")
    assert v[I("MouthSmileLeft")] == pytest.approx(0.3) and v[I("MouthSmileRight")] == pytest.approx(0.3)
    assert v[I("EyeBlinkLeft")] > 0.5 and v[I("EyeBlinkRight")] > 0.5  # "blinks", read from the words
    v = propose(backend, "HeadYaw -0.2 and she smiles warmly")
    assert v[I("HeadYaw")] == pytest.approx(-0.2)
    assert v[I("MouthSmileLeft")] > 0.3
    # an intensity word elsewhere scales what the words say, never the typed value
    v = propose(backend, "jaw 0.4, barely a hint of a frown")
    assert v[I("JawOpen")] == pytest.approx(0.4)
    plan = planner.plan("jaw 0.4, barely a hint of a frown")
    assert plan.exact == {I("JawOpen"): 0.4}


def test_without_a_number_nothing_changes(planner):
    text = "she smiles at him, eyes bright"
    assert read_specs(text).specs == [] and planner.plan(text).exact == {}


def test_welling_eyes_are_tears_not_a_look_up(planner):
    for text in ("her eyes well up", "eyes welling up", "tears well up in her eyes"):
        v = planner.plan(text).values
        assert v[I("BrowInnerUp")] > 0.3, text
        assert v[I("EyeLookUpLeft")] == 0 and v[I("LeftEyePitch")] >= 0, text


def test_a_smile_that_does_not_reach_the_eyes_is_a_smile_without_the_cheeks(planner):
    for text in ("her smile doesn't reach her eyes", "a smile that never reaches his eyes"):
        v = planner.plan(text).values
        assert v[I("MouthSmileLeft")] > 0.2 and v[I("MouthSmileRight")] > 0.2, text
        assert v[I("CheekSquintLeft")] == 0 and v[I("EyeSquintLeft")] == 0, text
