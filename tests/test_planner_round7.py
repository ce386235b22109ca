"""Round 7 of the planner: entries recalibrated against the annotated corpus (train split).

Each test is a probe sentence written here (not a corpus line) for one recalibrated entry; the
thresholds are what the corpus annotators give for that movement across many description families.
"""

from __future__ import annotations

import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


def value(planner: EmbeddedPlanner, text: str, name: str, **kwargs) -> float:
    return float(planner.plan(text, **kwargs).values[ch.channel_index(name)])


def test_an_open_mouth_drops_the_lower_lip_with_the_jaw(planner):
    assert value(planner, "Her mouth falls open.", "JawOpen") >= 0.25
    assert value(planner, "Her mouth falls open.", "MouthLowerDownLeft") >= 0.2
    assert value(planner, "Her mouth falls open.", "MouthLowerDownRight") >= 0.2


def test_parted_lips_open_the_jaw_a_little_not_a_lot(planner):
    jaw = value(planner, "His lips part.", "JawOpen")
    assert 0.1 <= jaw < value(planner, "His mouth falls open.", "JawOpen")


def test_a_laugh_narrows_the_eyes_and_opens_the_lips(planner):
    assert value(planner, "She laughs.", "EyeSquintLeft") >= 0.35
    assert value(planner, "She laughs.", "MouthLowerDownLeft") >= 0.3
    assert value(planner, "She laughs.", "MouthSmileLeft") >= 0.6


@pytest.mark.parametrize("text", ["He grimaces.", "A face of pure pain."])
def test_pain_and_a_grimace_lift_the_inner_brows_against_the_knit(planner, text):
    assert value(planner, text, "BrowInnerUp") >= 0.3
    assert value(planner, text, "BrowDownLeft") >= 0.3  # the knit stays: AU1+4, not a surprised brow


def test_crying_half_closes_and_tightens_the_eyes(planner):
    assert value(planner, "She cries.", "EyeBlinkLeft") >= 0.25
    assert value(planner, "She cries.", "EyeSquintLeft") >= 0.35
    assert value(planner, "She cries.", "MouthStretchLeft") >= 0.2
    assert value(planner, "She cries.", "BrowInnerUp") >= 0.5


def test_pressed_lips_push_the_chin_up(planner):
    assert value(planner, "He presses his lips together.", "MouthPressLeft") >= 0.35
    assert value(planner, "He presses his lips together.", "MouthShrugLower") >= 0.18
    # ... but the chin does not outweigh the press itself
    assert value(planner, "He presses his lips together.", "MouthShrugLower") < value(
        planner, "He presses his lips together.", "MouthPressLeft")
