"""Planner fixes of stop 46. A scene's feeling said to be held in ("sad, composed", "alarm, kept quiet", "panicky,
holding it in", "hurt, refusing to show it") keeps the lips pressed and the mouth shut, beside the feeling itself;
a holding that fails ("can't keep a straight face") or a laugh held back (read by its own rule) is left as it was.
A face made down or up at something ("she glares down at the form", "smiling up at him") looks there; notes, a label, a
letter or a newspaper lie below the eyes as a phone does; "she read the letter" (past) reads as "reads" does. A line
that only turns the head or the eyes leaves the rest of the face to the scene's feeling in full. A knit or a frown
denied leaves the brows level under a squint.
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
    ("devastated, keeping it together", "BrowInnerUp"),
    ("panicking, holding it in", "EyeWide"),
])
def test_a_scene_feeling_held_in_presses_the_lips_and_shuts_the_mouth(planner, emotion, feeling):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert both(p, "MouthPress") >= 0.3, p.explanation
    assert v(p, "JawOpen") <= 0.05, p.explanation
    kept = v(p, feeling) if feeling == "BrowInnerUp" else both(p, feeling)
    assert kept > 0.3, p.explanation  # the feeling itself stays


@pytest.mark.parametrize("emotion", ["petrified", "heartbroken", "terror"])  # (a scene's plain fright presses them: stop 50)
def test_the_same_feeling_not_held_in_opens_no_pressed_lips(planner, emotion):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert both(p, "MouthPress") < 0.2, p.explanation


@pytest.mark.parametrize("emotion", ["scared, can't keep a straight face", "grief, composure cracking"])
def test_a_holding_that_fails_is_not_held_in(planner, emotion):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert both(p, "MouthPress") < 0.3, p.explanation


@pytest.mark.parametrize("emotion", ["masked ball, delighted", "hiding from the rain, happy", "her date doesn't show up, hurt",
                                     "losing her composure, panicked", "stops hiding it, furious"])
def test_words_of_hiding_said_of_other_things_hold_nothing_in(planner, emotion):
    p = planner.plan("He folds the towel.", emotion=emotion)
    assert not any("held in" in line for line in p.explanation), p.explanation


def test_a_held_in_disgust_keeps_its_raised_lip(planner):
    p = planner.plan("He folds the towel.", emotion="disgusted, keeping it civil")
    assert both(p, "MouthPress") >= 0.3 and both(p, "MouthUpperUp") > 0.2, p.explanation


def test_a_failure_elsewhere_in_the_feeling_does_not_undo_the_holding(planner):
    p = planner.plan("He folds the towel.", emotion="sad but composed, after the failed audition")
    assert both(p, "MouthPress") >= 0.3, p.explanation


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


@pytest.mark.parametrize("text, stem", [
    ("the boy beams up at his mother, eyes dropping to his pocket", "EyeLookDown"),
    ("she scowls at her phone, glancing up at him", "EyeLookUp"),
    ("he smiles down at his son and looks up at the sky", "EyeLookUp"),
])
def test_eyes_sent_elsewhere_later_go_there(planner, text, stem):
    p = planner.plan(text)
    assert both(p, stem) > 0.2, p.explanation


def test_eyes_that_light_up_are_no_look(planner):
    p = planner.plan("he grins down at the puppy, eyes lighting up")
    assert both(p, "EyeLookDown") > 0.2, p.explanation


@pytest.mark.parametrize("text", ["he walks past without smiling down at the kid", "he grins at the floor manager",
                                  "she smiles at the map on the wall", "the stars twinkle down at her as she smiles"])
def test_no_look_down_where_none_is_made(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookDown") < 0.05, p.explanation


@pytest.mark.parametrize("text", ["eyes on her notes", "he glances at the label", "she peers at the newspaper",
                                  "He read the letter twice.", "she skims the memo", "he pores over the contract"])
def test_papers_below_the_eyes_are_looked_down_at(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookDown") > 0.15, p.explanation


@pytest.mark.parametrize("text", ["she read the room", "he read her face", "He read the situation instantly.",
                                  "She read it on his face.", "he skims a stone across the lake"])
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


@pytest.mark.parametrize("text", ["she frowns, but no scowl", "not a scowl, just a frown", "he winces, no frown"])
def test_a_movement_that_lowers_the_brows_of_its_own_keeps_them(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowDown") > 0.3, p.explanation


def test_a_denied_feeling_does_not_level_the_brows(planner):
    p = planner.plan("it isn't pain, it's effort: teeth gritted, eyes screwed up")
    assert both(p, "BrowDown") > 0.1, p.explanation


def test_a_tightened_jaw_beside_a_denied_frown_leaves_the_brows_level(planner):
    p = planner.plan("He doesn't frown, but his jaw tightens.")
    assert both(p, "BrowDown") < 0.02, p.explanation


@pytest.mark.parametrize("text", ["Anything but pleased, she regards the gift.", "ANYTHING BUT A LAUGH: MOUTH PRESSED INTO A LINE."])
def test_anything_but_at_the_start_or_in_capitals_denies(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") < 0.05 and both(p, "CheekSquint") < 0.05, p.explanation
