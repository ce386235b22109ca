"""Planner round 6: general failure patterns a second QA animator found on fresh descriptions (issue 11).

Each rule is checked on probe sentences written for this file (not the QA's own lines), with the real
planner and its real tables.
"""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio.generation.planner import EmbeddedPlanner
from probes import both, v
from kfstudio.generation.planner.text import normalize


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()



# --- pattern 2: word senses and motion verbs -------------------------------------------------------------

@pytest.mark.parametrize("text", ["His eyes locked on the stranger across the bar.", "She locks eyes with her rival and glares."])
def test_eyes_locking_on_someone_is_a_fixed_gaze_not_shut_eyes(planner, text):
    plan = planner.plan(text)
    assert both(plan, "EyeBlink") <= 0.15


def test_a_cold_look_with_other_adjectives_is_no_shiver(planner):
    plan = planner.plan("He answers with a cold, level stare.")
    assert both(plan, "MouthStretch") <= 0.05


@pytest.mark.parametrize("text", ["His smile turned to stone.", "Her gaze hardens as he keeps talking."])
def test_hardening_into_stone_is_a_cold_flat_look_not_a_head_turn(planner, text):
    plan = planner.plan(text)
    assert abs(v(plan, "HeadYaw")) <= 0.05
    assert both(plan, "EyeSquint") >= 0.2 or both(plan, "MouthPress") >= 0.15


@pytest.mark.parametrize("text", ["The old sergeant leans in to listen.", "She leaned toward him to hear better."])
def test_leaning_in_brings_the_head_forward_without_a_roll(planner, text):
    plan = planner.plan(text)
    assert abs(v(plan, "HeadRoll")) <= 0.05
    assert v(plan, "HeadPitch") > 0.0


def test_tipping_sideways_is_a_roll_only(planner):
    plan = planner.plan("Her head tilts sideways to the left, puzzled.")
    assert abs(v(plan, "HeadRoll")) >= 0.15
    assert abs(v(plan, "HeadYaw")) <= 0.05


def test_dawning_understanding_is_comprehension_not_sympathy(planner):
    plan = planner.plan("His puzzlement slowly turns into understanding.")
    assert both(plan, "MouthPress") <= 0.1
    assert both(plan, "BrowOuterUp") >= 0.15


@pytest.mark.parametrize("text", ["SERGEANT KOWALSKI smiles thinly.", "Later. MARTA nods once."])
def test_a_screenplay_name_in_capitals_is_not_stress(planner, text):
    assert "very" not in normalize(text)
    plain = text.replace("SERGEANT KOWALSKI", "Sergeant Kowalski").replace("MARTA", "Marta")
    assert np.allclose(planner.plan(text).values, planner.plan(plain).values)


@pytest.mark.parametrize("text", ["she flashes a BIG smile", "WIDE eyes, brows up"])
def test_a_word_in_capitals_among_lower_case_ones_is_still_stress(text):
    assert "very" in normalize(text)


def test_an_off_screen_characters_line_is_not_this_face(planner):
    plan = planner.plan("TOMAS (V.O.) laughs loudly. Clara stays still, eyes down.")
    assert both(plan, "MouthSmile") <= 0.05
    assert v(plan, "JawOpen") <= 0.05


# --- pattern 3: masking ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["He keeps his voice level, but he's livid inside.", "Inwardly furious, she thanks the clerk."])
def test_anger_held_inside_leaks_faintly_behind_pressed_lips(planner, text):
    plan = planner.plan(text)
    assert 0.08 <= both(plan, "BrowDown") <= 0.3
    assert both(plan, "MouthPress") >= 0.15


def test_a_secret_pleasure_is_a_suppressed_smile_not_a_full_one(planner):
    plan = planner.plan("The boy is secretly thrilled about the snow day.")
    assert 0.08 <= both(plan, "MouthSmile") <= 0.3
    assert both(plan, "CheekSquint") <= 0.2


def test_deep_down_is_hidden_too(planner):
    plan = planner.plan("Deep down, she's terrified of the interview.")
    assert both(plan, "EyeWide") <= 0.3
    assert v(plan, "BrowInnerUp") <= 0.3


def test_smiling_so_someone_wont_worry_is_a_social_smile_with_a_leak(planner):
    plan = planner.plan("He grins so his little sister won't be frightened.")
    assert 0.2 <= both(plan, "MouthSmile") <= 0.5
    assert both(plan, "CheekSquint") <= 0.1
    assert 0.05 <= v(plan, "BrowInnerUp") <= 0.3


def test_inside_as_a_place_is_not_masking(planner):
    assert "faintly" not in normalize("She walks inside the house, smiling.")


# --- pattern 4: someone else's feeling -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["She hears the angry neighbours arguing downstairs.", "He waves at the delighted kids."])
def test_an_emotion_adjective_on_someone_else_is_not_the_subjects_face(planner, text):
    plan = planner.plan(text)
    assert both(plan, "BrowDown") <= 0.05 and both(plan, "MouthSmile") <= 0.05 and both(plan, "CheekSquint") <= 0.05


def test_the_subjects_own_emotion_adjective_still_counts(planner):
    plan = planner.plan("The angry neighbour slams the door.")
    assert both(plan, "BrowDown") >= 0.4
    plan = planner.plan("She answers with an angry glare.")
    assert both(plan, "BrowDown") >= 0.4


def test_looking_at_another_persons_scared_face(planner):
    plan = planner.plan("He glances at her scared face and smiles reassuringly.")
    assert both(plan, "EyeWide") <= 0.1 and v(plan, "BrowInnerUp") <= 0.2
    assert both(plan, "MouthSmile") >= 0.3


def test_a_stimulus_adjective_gets_a_mild_reaction(planner):
    plan = planner.plan("She scrolls past a terrifying headline.")
    assert 0.05 <= both(plan, "EyeWide") <= 0.35


# --- pattern 5: mouth interior, blush, corner of the eye, FACS names ----------------------------------------

@pytest.mark.parametrize("text", ["Smirking, she jams her tongue into her left cheek.", "His tongue presses against his cheek as he thinks."])
def test_the_tongue_in_the_cheek_stays_inside_the_mouth(planner, text):
    plan = planner.plan(text)
    assert v(plan, "TongueOut") <= 0.2
    assert v(plan, "JawOpen") <= 0.1
    assert 0.05 <= v(plan, "CheekPuff") <= 0.3


def test_the_tongue_over_the_teeth_is_not_out(planner):
    plan = planner.plan("He slides his tongue across his front teeth, thinking.")
    assert v(plan, "TongueOut") <= 0.2 and v(plan, "JawOpen") <= 0.1


@pytest.mark.parametrize("text", ["Heat crept into her cheeks.", "His face turns bright red.", "She blushed furiously."])
def test_a_blush_is_embarrassment_not_a_cheek_suck(planner, text):
    plan = planner.plan(text)
    assert v(plan, "MouthPucker") <= 0.05 and both(plan, "CheekSquint") <= 0.2
    assert both(plan, "EyeLookDown") >= 0.1 or both(plan, "MouthSmile") >= 0.1


@pytest.mark.parametrize("side", ["left", "right"])
def test_out_of_the_corner_of_one_eye_turns_the_eyes_to_that_side(planner, side):
    plan = planner.plan(f"She eyes the dog warily out of the corner of her {side} eye.")
    sign = 1.0 if side == "right" else -1.0
    assert sign * v(plan, "LeftEyeYaw") >= 0.4 and sign * v(plan, "RightEyeYaw") >= 0.4
    assert abs(v(plan, "HeadYaw")) <= 0.05


@pytest.mark.parametrize("text,channel", [
    ("dimpler on both sides", "MouthDimpleLeft"), ("lip corner puller, strong", "MouthSmileRight"),
    ("lip corner depressor", "MouthFrownLeft"), ("chin raiser", "MouthShrugLower"),
])
def test_facs_action_unit_names(planner, text, channel):
    plan = planner.plan(text)
    assert v(plan, channel) >= 0.4
    assert abs(v(plan, "HeadPitch")) <= 0.05


# --- pattern 6: intensity words in their own noun phrase ---------------------------------------------------

def test_a_size_word_on_a_thing_is_not_an_intensity(planner):
    small_thing = planner.plan("He frowns at the tiny screws in his palm.")
    plain = planner.plan("He frowns at the screws in his palm.")
    assert np.allclose(small_thing.values, plain.values)
    assert both(planner.plan("a tiny frown"), "BrowDown") < both(plain, "BrowDown")


def test_pace_idioms_are_not_diminutives(planner):
    plan = planner.plan("Her jaw drops inch by inch.")
    assert v(plan, "JawOpen") >= 0.4


def test_over_the_top_only_as_the_whole_idiom(planner):
    plan = planner.plan("She peeks over the top of her newspaper, smiling.")
    assert both(plan, "MouthSmile") <= 0.7
    assert both(planner.plan("a smile, way over the top"), "MouthSmile") >= 0.8


@pytest.mark.parametrize("slang", ["insanely", "crazy", "ridiculously"])
def test_slang_intensifiers_push_a_feeling_up(planner, slang):
    assert both(planner.plan(f"{slang} angry"), "BrowDown") > both(planner.plan("angry"), "BrowDown") + 0.1


def test_an_intensity_word_before_a_comma_scales_a_size_idiom(planner):
    assert v(planner.plan("a massive, jaw-dropping yell"), "JawOpen") > v(planner.plan("a jaw-dropping yell"), "JawOpen")


# --- pattern 7: negation scope -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["She can't wipe the silly smirk off her face.", "He just couldn't get the grin off his face."])
def test_cant_wipe_an_expression_off_is_a_strong_positive(planner, text):
    assert both(planner.plan(text), "MouthSmile") >= 0.5


def test_a_negation_in_the_next_subjects_clause_stays_there(planner):
    plan = planner.plan("He beams and she does not say a word.")
    assert both(plan, "MouthSmile") >= 0.4


@pytest.mark.parametrize("text", ["She couldn't meet his gaze.", "He won't look at them, hands in his pockets."])
def test_not_meeting_someones_eyes_looks_down_and_away(planner, text):
    plan = planner.plan(text)
    assert both(plan, "EyeLookDown") >= 0.15


def test_not_looking_at_a_thing_is_still_a_negated_look(planner):
    plan = planner.plan("She won't look at the spider; her eyes go to the ceiling.")
    assert both(plan, "EyeLookDown") <= 0.05


# --- pattern 8: time cues ----------------------------------------------------------------------------------

def test_an_earlier_state_before_now_is_over(planner):
    plan = planner.plan("She was laughing a minute ago; now she looks scared.")
    assert both(plan, "MouthSmile") <= 0.05 and both(plan, "CheekSquint") <= 0.05
    assert both(plan, "EyeWide") >= 0.2 or v(plan, "BrowInnerUp") >= 0.2


def test_before_the_smile_reaches_the_mouth_it_is_a_trace(planner):
    plan = planner.plan("Her cheeks lift well before the grin reaches her mouth.")
    assert both(plan, "MouthSmile") <= 0.2


def test_about_to_is_the_anticipation_at_about_half(planner):
    full = v(planner.plan("He yawns."), "JawOpen")
    about = v(planner.plan("He is about to yawn."), "JawOpen")
    assert 0.3 * full <= about <= 0.75 * full


@pytest.mark.parametrize("text", ["She blinks repeatedly, stunned.", "a flurry of rapid blinks, brows up"])
def test_repeated_blinks_leave_the_eyes_mostly_open(planner, text):
    assert both(planner.plan(text), "EyeBlink") <= 0.35
    assert both(planner.plan("She blinks."), "EyeBlink") >= 0.8


# --- pattern 10: an emotion word on a smile modulates it ----------------------------------------------------

@pytest.mark.parametrize("text", ["He gives a sardonic little smile.", "She smiles bitterly at the news."])
def test_a_bitter_smile_is_small_lopsided_and_pressed_not_anger(planner, text):
    plan = planner.plan(text)
    assert both(plan, "BrowDown") <= 0.15
    assert 0.1 <= both(plan, "MouthSmile") <= 0.45
    assert abs(v(plan, "MouthSmileLeft") - v(plan, "MouthSmileRight")) >= 0.1
    assert both(plan, "MouthPress") >= 0.1


def test_an_onlookers_amusement_is_a_slight_smile(planner):
    plan = planner.plan("He observes the kids arguing over the remote, amused.")
    assert 0.1 <= both(plan, "MouthSmile") <= 0.35


def test_a_smile_spreading_across_the_face_is_no_lip_stretch(planner):
    plan = planner.plan("A warm grin slowly spreads across his face.")
    assert both(plan, "MouthStretch") <= 0.2
    assert both(plan, "MouthSmile") >= 0.5


def test_sparkling_eyes_beside_a_suppressed_laugh_do_not_add_the_smile_back(planner):
    held = planner.plan("He bites back a laugh, eyes sparkling.")
    assert both(held, "MouthSmile") <= 0.35
    assert both(planner.plan("eyes sparkling"), "MouthSmile") >= 0.5


# --- further observations: sounds, compound head directions ---------------------------------------------------

@pytest.mark.parametrize("text", ["The tenor holds a high 'ooh' note.", "She practises the vowel 'oh' in the mirror."])
def test_a_sung_or_pronounced_sound_imposes_no_feeling(planner, text):
    plan = planner.plan(text)
    assert v(plan, "BrowInnerUp") <= 0.05 and both(plan, "EyeWide") <= 0.05
    assert v(plan, "MouthFunnel") + v(plan, "MouthPucker") >= 0.2


def test_a_tongue_click_is_not_a_rounded_mouth(planner):
    plan = planner.plan("He goes 'tch' and looks away.")
    assert v(plan, "MouthFunnel") <= 0.1 and v(plan, "MouthPucker") <= 0.1


@pytest.mark.parametrize("text,yaw_sign,pitch_sign", [("head up-right", 1, -1), ("Chin down and to the left, eyes closed.", -1, 1)])
def test_a_compound_head_direction_keeps_both_turn_and_pitch(planner, text, yaw_sign, pitch_sign):
    plan = planner.plan(text)
    assert yaw_sign * v(plan, "HeadYaw") >= 0.2
    assert pitch_sign * v(plan, "HeadPitch") >= 0.2


@pytest.mark.parametrize("text", ["Her voice goes icy.", "He nods, cold and distant.", "a cold, hard stare"])
def test_an_emotional_coldness_is_a_flat_hard_look_not_a_shiver(planner, text):
    plan = planner.plan(text)
    assert both(plan, "MouthStretch") <= 0.05
    assert both(plan, "EyeSquint") >= 0.2


def test_cold_weather_still_shivers(planner):
    assert both(planner.plan("It's bitterly cold on the platform and she shivers."), "MouthStretch") >= 0.2


def test_a_purpose_clause_with_nobody_hides_what_it_names(planner):
    plan = planner.plan("He chuckles so no one notices he's nervous.")
    assert both(plan, "MouthSmile") <= 0.45
    assert both(plan, "CheekSquint") <= 0.3


def test_a_feeling_held_inside_after_a_leading_inside(planner):
    plan = planner.plan("Inside, he's furious.")
    assert 0.08 <= both(plan, "BrowDown") <= 0.3


def test_a_result_clause_does_not_negate_the_feeling(planner):
    plan = planner.plan("She's so furious she can't get a word out.")
    assert both(plan, "BrowDown") >= 0.4


def test_tipping_the_head_sideways_is_a_roll_only(planner):
    plan = planner.plan("The puppy tilts its head sideways.")
    assert abs(v(plan, "HeadYaw")) <= 0.05 and abs(v(plan, "HeadRoll")) >= 0.15


def test_a_relative_clause_on_someone_else_is_their_face(planner):
    plan = planner.plan("He waves to the postman, who laughs and waves back.")
    assert both(plan, "MouthSmile") <= 0.05 and v(plan, "JawOpen") <= 0.05
    plan = planner.plan("Mara, who is terrified, grips the rail.")
    assert both(plan, "EyeWide") >= 0.3
