"""Planner fixes of stop 50: an overwhelmed scene lifts the inner brows with no knit; resignation presses the lips;
"lowered brows and gaze" lowers both; handwork and a look at something held (sorting, counting, signing, a chess move,
"checks his watch") look down at the hands, also where the scene's feeling gives the eyes a smaller glance down.
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


# ------------------------------------------------------------------------------------------ overwhelmed, resigned
@pytest.mark.parametrize("emotion", ["overwhelmed", "overwhelmed, happy tears", "swamped", "a little overwhelmed, grateful"])
def test_an_overwhelmed_scene_lifts_the_inner_brows_without_a_knit(planner, emotion):
    p = planner.plan("She sets the box on the table.", emotion=emotion)
    assert v(p, "BrowInnerUp") >= 0.2, p.explanation
    assert both(p, "BrowDown") <= 0.05, p.explanation


def test_worry_keeps_its_slight_knit(planner):
    p = planner.plan("She sets the box on the table.", emotion="worried")
    assert both(p, "BrowDown") >= 0.04, p.explanation


@pytest.mark.parametrize("emotion", ["resigned", "quiet resignation", "tired, resigned"])
def test_resignation_presses_the_lips(planner, emotion):
    p = planner.plan("He puts the keys back on the hook.", emotion=emotion)
    assert both(p, "MouthPress") >= 0.15, p.explanation
    assert v(p, "BrowInnerUp") >= 0.15, p.explanation
    assert both(p, "MouthSmile") <= 0.05, p.explanation


def test_plain_sadness_keeps_its_lips_unpressed(planner):
    p = planner.plan("He puts the keys back on the hook.", emotion="sad")
    assert both(p, "MouthPress") <= 0.05, p.explanation


# ------------------------------------------------------------------------------------------ a movement said of two parts
@pytest.mark.parametrize("description, stem", [
    ("Lowered brows and gaze, lips pressed.", "EyeLookDown"),
    ("raised brows and gaze, mouth a little open", "EyeLookUp"),
])
def test_a_movement_said_once_moves_both_parts(planner, description, stem):
    p = planner.plan(description)
    assert both(p, stem) >= 0.25, p.explanation


def test_lowered_brows_and_head_bows_the_head(planner):
    p = planner.plan("lowered brows and head, jaw set")
    assert v(p, "HeadPitch") >= 0.15 and both(p, "BrowDown") >= 0.3, p.explanation


def test_a_second_part_with_its_own_words_keeps_them(planner):
    p = planner.plan("Raised brows and eyes wide.")
    assert both(p, "EyeWide") >= 0.3, p.explanation
    assert both(p, "EyeLookUp") <= 0.05, p.explanation


# ------------------------------------------------------------------------------------------ handwork looks down
@pytest.mark.parametrize("description", [
    "He sorts the receipts into piles.", "She counts the change again.", "He signs the delivery note.",
    "fingers work the tangled laces", "She moves her rook.", "She checks the receipt.", "She folds the napkin.",
    "He makes a quick note.", "She is knitting.", "He checks the boarding pass once more.", "She writes something down.",
])
def test_handwork_and_a_look_at_something_held_look_down(planner, description):
    p = planner.plan(description, emotion="calm")
    assert both(p, "EyeLookDown") >= 0.15, p.explanation
    assert abs(v(p, "LeftEyeYaw")) <= 0.02, p.explanation


@pytest.mark.parametrize("description", [
    "She signs to him across the room.", "He counts to ten.", "She folds her arms.", "He checks the mirror.",
    "She sorts out her brother.", "He checks the room.", "She sorts it out with him.", "He knits his brows.",
    "Brows knitting together, he waits.", "He sorts himself out.", "He signs off the call.", "She works at a bank.",
    "She counts her blessings.", "His expression sharpens into a glare.", "He peels back his lips.",
    "She is in stitches over the joke.", "She takes note.", "She kneads her brow.", "She folds her legs under her.",
    "That really ticks her off.",
])
def test_other_senses_of_those_verbs_leave_the_eyes(planner, description):
    p = planner.plan(description, emotion="calm")
    assert both(p, "EyeLookDown") <= 0.02, p.explanation


def test_a_look_the_words_give_wins_over_the_handwork(planner):
    p = planner.plan("She counts the change and looks up at him.")
    assert both(p, "EyeLookUp") >= 0.2 and both(p, "EyeLookDown") <= 0.02, p.explanation


@pytest.mark.parametrize("emotion", ["mildly hurt", "sad"])
def test_a_feelings_small_glance_down_goes_as_far_as_reading_does(planner, emotion):
    p = planner.plan("She reads the postcard.", emotion=emotion)
    assert both(p, "EyeLookDown") >= 0.2, p.explanation


def test_a_feelings_eye_roll_keeps_the_eyes_up(planner):
    p = planner.plan("He reads the memo.", emotion="exasperated")
    assert both(p, "EyeLookUp") >= 0.2 and both(p, "EyeLookDown") <= 0.02, p.explanation


# ------------------------------------------------------------------------------------------ a scene's quiet fear
@pytest.mark.parametrize("emotion", ["fear", "scared", "frightened, hiding it badly", "afraid of the dark", "FEAR",
                                     "scared, under pressure", "fears for her safety", "afraid, no way out"])
def test_a_scenes_fear_is_quiet(planner, emotion):
    p = planner.plan("He stands by the window.", emotion=emotion)
    assert v(p, "JawOpen") <= 0.05, p.explanation
    assert both(p, "MouthPress") >= 0.15 and v(p, "BrowInnerUp") >= 0.3, p.explanation
    assert 0.15 <= both(p, "EyeWide") <= 0.45, p.explanation


@pytest.mark.parametrize("emotion", ["sudden fear", "terrified", "scared stiff", "pure fear", "thrilled and scared"])
def test_a_sudden_or_extreme_fear_keeps_its_wide_eyes(planner, emotion):
    p = planner.plan("He stands by the window.", emotion=emotion)
    assert both(p, "EyeWide") >= 0.5, p.explanation


def test_a_description_saying_fear_keeps_its_open_fear(planner):
    p = planner.plan("He looks afraid.")
    assert both(p, "EyeWide") >= 0.5 and v(p, "JawOpen") >= 0.1, p.explanation


def test_a_scene_fear_leaking_through_a_poker_face_stays_small(planner):
    p = planner.plan("He looks at the photo.", emotion="poker face, leaking fear")
    assert both(p, "EyeWide") <= 0.2 and v(p, "JawOpen") <= 0.05, p.explanation


def test_trepidation_is_read(planner):
    p = planner.plan("A look of trepidation.")
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "MouthPress") >= 0.15, p.explanation


# ------------------------------------------------------------------------------------------ nausea
@pytest.mark.parametrize("description", ["He looks seasick.", "She feels nauseous.", "green around the gills"])
def test_nausea_lifts_the_inner_brows_over_pressed_lips(planner, description):
    p = planner.plan(description)
    assert v(p, "BrowInnerUp") >= 0.2 and both(p, "MouthPress") >= 0.2, p.explanation
    assert both(p, "NoseSneer") <= 0.25, p.explanation


def test_disgust_keeps_its_sneer(planner):
    p = planner.plan("She looks disgusted.")
    assert both(p, "NoseSneer") >= 0.4, p.explanation


@pytest.mark.parametrize("emotion", ["cold misery", "a cold dread", "cold fear"])
def test_a_feelings_chill_is_not_the_bodys_cold(planner, emotion):
    p = planner.plan("She stands at the window.", emotion=emotion)
    assert both(p, "BrowDown") <= 0.1 and both(p, "EyeSquint") <= 0.05, p.explanation


def test_a_cold_shock_is_the_bodys(planner):
    p = planner.plan("He steps under the shower.", emotion="cold shock")
    assert both(p, "MouthStretch") >= 0.2, p.explanation


# ------------------------------------------------------------------------------------------ a wince, a denied satisfaction
@pytest.mark.parametrize("description", ["She winces.", "a wince as the needle goes in", "He flinches at the noise."])
def test_a_wince_lifts_the_inner_brows_a_little(planner, description):
    p = planner.plan(description)
    assert 0.1 <= v(p, "BrowInnerUp") <= 0.3 and both(p, "EyeSquint") >= 0.3, p.explanation


@pytest.mark.parametrize("description", ["face scrunched in fury", "screw face, low brows"])
def test_a_scrunched_face_is_no_wince(planner, description):
    p = planner.plan(description)
    assert v(p, "BrowInnerUp") <= 0.05 and both(p, "EyeSquint") >= 0.3, p.explanation


@pytest.mark.parametrize("description", ["He won't give the bully the satisfaction of a wince.",
                                         "She refuses to give them the satisfaction of seeing her cry.",
                                         "He would never give his brother the satisfaction of a smile."])
def test_a_satisfaction_refused_is_a_movement_denied(planner, description):
    p = planner.plan(description)
    moved = ("EyeSquint", "MouthSmile", "MouthFrown", "EyeBlink")
    assert all(both(p, stem) <= 0.02 for stem in moved), p.explanation
    assert both(p, "MouthPress") >= 0.1, p.explanation


def test_a_satisfaction_given_is_made(planner):
    p = planner.plan("Finally she gives him the satisfaction of a smile.")
    assert both(p, "MouthSmile") >= 0.3, p.explanation


@pytest.mark.parametrize("emotion", ["not scared, just freezing", "cold, not afraid"])
def test_a_denied_fear_leaves_the_rest_of_the_scene(planner, emotion):
    p = planner.plan("He waits at the bus stop.", emotion=emotion)
    assert both(p, "MouthStretch") >= 0.3, p.explanation  # the cold's stretched lips, not made quiet


def test_a_fear_that_passes_leaves_no_face(planner):
    p = planner.plan("She sits down.", emotion="the fear passes")
    assert both(p, "MouthPress") <= 0.02 and both(p, "EyeWide") <= 0.02, p.explanation
