"""Planner fixes of stop 46. A scene's feeling said to be held in ("sad, composed", "alarm, kept quiet", "panicky,
holding it in", "hurt, refusing to show it") keeps the lips pressed and the mouth shut, beside the feeling itself;
a holding that fails ("can't keep a straight face") or a laugh held back (read by its own rule) is left as it was.
A face made down or up at something ("she glares down at the form", "smiling up at him") looks there; notes, a label, a
letter or a newspaper lie below the eyes as a phone does; "she read the letter" (past) reads as "reads" does. A line
that only turns the head or the eyes leaves the rest of the face to the scene's feeling in full.
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


# ------------------------------------------------------------------------------------------ a face made down at something
@pytest.mark.parametrize("text, stem", [
    ("she glares down at the form", "EyeLookDown"),
    ("he scowls down at the boy", "EyeLookDown"),
    ("squinting down at the fine print", "EyeLookDown"),
    ("the nurse smiles down to her left at the baby", "EyeLookDown"),
    ("she smiles up at her father", "EyeLookUp"),
    ("he grins up at the balcony", "EyeLookUp"),
])
def test_a_face_made_down_or_up_at_something_looks_there(planner, text, stem):
    p = planner.plan(text)
    assert both(p, stem) > 0.2, p.explanation


def test_the_verb_keeps_its_own_reading(planner):
    p = planner.plan("she glares down at the form")
    assert both(p, "BrowDown") > 0.3, p.explanation


def test_eyes_sent_elsewhere_later_go_there(planner):
    p = planner.plan("the girl beams up at her teacher, then her eyes drop to the floor")
    assert both(p, "EyeLookDown") > 0.2 and both(p, "EyeLookUp") < 0.05, p.explanation


def test_a_smile_down_the_years_is_not_a_look(planner):
    p = planner.plan("she smiles, down to earth as ever")
    assert both(p, "EyeLookDown") < 0.05, p.explanation


@pytest.mark.parametrize("text", ["eyes on her notes", "he glances at the label", "she peers at the newspaper",
                                  "He read the letter twice.", "she skims the memo", "he pores over the contract"])
def test_papers_below_the_eyes_are_looked_down_at(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookDown") > 0.15, p.explanation


@pytest.mark.parametrize("text", ["she read the room", "he read her face"])
def test_reading_a_room_or_a_face_is_no_look_down(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookDown") < 0.05, p.explanation


# ------------------------------------------------------------------------------------------ blocking lines take the feeling in full
@pytest.mark.parametrize("text", ["She looks down at her hands.", "He turns his head toward the door."])
def test_a_line_that_only_turns_the_head_or_eyes_shows_the_feeling_in_full(planner, text):
    vague = planner.plan("She waits.", emotion="delighted")
    p = planner.plan(text, emotion="delighted")
    assert both(p, "MouthSmile") == pytest.approx(both(vague, "MouthSmile"), abs=0.02), p.explanation


def test_a_line_that_moves_the_face_still_takes_less_of_the_feeling(planner):
    vague = planner.plan("She waits.", emotion="delighted")
    p = planner.plan("Her brows lift.", emotion="delighted")
    assert both(p, "MouthSmile") < 0.8 * both(vague, "MouthSmile"), p.explanation


# ------------------------------------------------------------------------------------------ a knit denied
@pytest.mark.parametrize("text", ["She narrows her eyes at the screen without any knitting of the brows.",
                                  "squinting, but no frown - just the lids",
                                  "not frowning, he squints into the wind"])
def test_a_knit_denied_leaves_the_brows_level_under_a_squint(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") > 0.3, p.explanation
    assert both(p, "BrowDown") < 0.02, p.explanation


def test_brows_the_words_lower_stay_down_beside_a_denied_frown(planner):
    p = planner.plan("eyes narrowed, brows down, no frown on the mouth")
    assert both(p, "BrowDown") > 0.3, p.explanation


def test_a_denied_feeling_does_not_level_the_brows(planner):
    p = planner.plan("it isn't pain, it's effort: teeth gritted, eyes screwed up")
    assert both(p, "BrowDown") > 0.1, p.explanation
