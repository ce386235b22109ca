"""Planner fixes of stop 46. A scene's feeling said to be held in ("sad, composed", "alarm, kept quiet", "panicky,
holding it in", "hurt, refusing to show it") keeps the lips pressed and the mouth shut, beside the feeling itself;
a holding that fails ("can't keep a straight face") or a laugh held back (read by its own rule) is left as it was.
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
@pytest.mark.parametrize("emotion, feeling", [
    ("frightened, keeping it together", "EyeWide"),
    ("shocked but composed", "EyeWide"),
    ("heartbroken, refusing to show it", "BrowInnerUp"),
    ("terror behind a calm face", "EyeWide"),
    ("quietly devastated, stiff upper lip", "BrowInnerUp"),
    ("panicking, holding it in", "EyeWide"),
])
def test_a_scene_feeling_held_in_presses_the_lips_and_shuts_the_mouth(planner, emotion, feeling):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert both(p, "MouthPress") >= 0.3, p.explanation
    assert v(p, "JawOpen") <= 0.05, p.explanation
    kept = v(p, feeling) if feeling == "BrowInnerUp" else both(p, feeling)
    assert kept > 0.3, p.explanation  # the feeling itself stays


@pytest.mark.parametrize("emotion", ["frightened", "heartbroken", "terror"])
def test_the_same_feeling_not_held_in_opens_no_pressed_lips(planner, emotion):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert both(p, "MouthPress") < 0.2, p.explanation


@pytest.mark.parametrize("emotion", ["scared, can't keep a straight face", "grief, composure cracking"])
def test_a_holding_that_fails_is_not_held_in(planner, emotion):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert both(p, "MouthPress") < 0.3, p.explanation


def test_a_described_mouth_is_kept_over_the_scene_feeling(planner):
    p = planner.plan("He opens his mouth to answer.", emotion="afraid, keeping quiet")
    assert v(p, "JawOpen") > 0.15, p.explanation
