"""Round 12b of the planner: general readings of English (and of animators' notes) the dev split showed missing.

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


# --- FACS codes in a longer note: known by an intensity or side letter ------------------------------------

@pytest.mark.parametrize("text, channel, least", [
    ("2E, keep the inner brows down", "BrowOuterUpLeft", 0.8),
    ("20D — stretch it wide, nothing else", "MouthStretchRight", 0.6),
    ("5C both eyes, jaw stays shut", "EyeWideLeft", 0.5),
    ("lower face: 17B please", "MouthShrugLower", 0.2),
])
def test_a_leveled_code_inside_a_note_is_a_code(planner, text, channel, least):
    assert v(planner.plan(text), channel) >= least


@pytest.mark.parametrize("text, moved, still", [
    ("12R + 14R, the other corner stays", "MouthSmileRight", "MouthSmileLeft"),
    ("r7c, left lid loose", "EyeSquintRight", "EyeSquintLeft"),
    ("2L please", "BrowOuterUpLeft", "BrowOuterUpRight"),
])
def test_a_code_with_a_side_letter_moves_that_side_only(planner, text, moved, still):
    p = planner.plan(text)
    assert v(p, moved) >= 0.3 and v(p, still) < 0.1


def test_each_sided_code_of_a_sum_keeps_its_own_side(planner):
    p = planner.plan("15L + 12R")
    assert v(p, "MouthFrownLeft") >= 0.3 and v(p, "MouthFrownRight") < 0.1
    assert v(p, "MouthSmileRight") >= 0.3 and v(p, "MouthSmileLeft") < 0.1


def test_a_side_said_to_stay_neutral_is_not_the_codes_side(planner):
    p = planner.plan("AU2C + AU1C, left side neutral")
    assert v(p, "BrowOuterUpRight") >= 0.3  # the codes are not put on the left


@pytest.mark.parametrize("text, channel", [("17 only, rest dead", "MouthShrugLower"), ("20 @ 80%", "MouthStretchLeft"),
                                           ("14 on R only", "MouthDimpleRight")])
def test_a_note_opening_on_a_code_reads_it(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.3


def test_a_code_denied_in_a_coded_note_is_held_at_rest(planner):
    p = planner.plan("7C, no 6")
    assert v(p, "EyeSquintLeft") >= 0.5 and v(p, "CheekSquintLeft") < 0.1
    assert v(planner.plan("22C w/o 26"), "JawOpen") < 0.1


@pytest.mark.parametrize("text", ["a 2D look at the camera", "after 2 coffees she smiles", "she smiles at the 2D sketch"])
def test_numbers_in_prose_are_no_codes(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowOuterUpLeft") < 0.3 and v(p, "BrowInnerUp") < 0.3


# --- animators' abbreviations: "dn", "fwd", and inside rig names ("jawFwd", "mouthSmileLft") ----------------

@pytest.mark.parametrize("text, channel", [("brows dn a touch", "BrowDownLeft"), ("both corners dn, sad", "MouthFrownRight"),
                                           ("jaw fwd, teeth showing", "JawForward")])
def test_typed_abbreviations_of_directions_are_read(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.2


@pytest.mark.parametrize("text, channel, value", [("jawFwd .4", "JawForward", 0.4), ("mouthSmileLft 0.3", "MouthSmileLeft", 0.3),
                                                  ("browDn_Rt .6", "BrowDownRight", 0.6), ("jawfwd 20", "JawForward", 0.2)])
def test_a_rig_name_with_an_abbreviation_takes_its_typed_value(planner, text, channel, value):
    assert v(planner.plan(text), channel) == pytest.approx(value)


def test_a_tilt_is_no_abbreviation_of_left(planner):
    assert v(planner.plan("headTilt .3"), "HeadRoll") == pytest.approx(0.3)


# --- a negation that names a part of its own does not reach the next part's movement ------------------------

@pytest.mark.parametrize("text, channel", [("whistling no brow movement eyes shut", "EyeBlinkLeft"),
                                           ("no jaw motion, lips pressed", "MouthPressLeft"),
                                           ("no head movement at all eyes up", "EyeLookUpLeft")])
def test_a_negated_part_leaves_the_next_parts_movement(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.3


@pytest.mark.parametrize("text", ["Neither her lips nor her eyes smile at the joke.", "no smile, eyes down"])
def test_a_negation_of_the_movement_itself_still_denies_it(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") < 0.1


# --- "all the way up/down/back": as far as it goes, in that direction ---------------------------------------

@pytest.mark.parametrize("text, channel, least", [
    ("her eyebrows go all the way up", "BrowInnerUp", 0.8),
    ("eyes roll all the way up, head still", "EyeLookUpLeft", 0.5),
    ("he leans his head all the way back", "HeadPitch", -1.0),
    ("mouth all the way open", "JawOpen", 0.5),
])
def test_all_the_way_keeps_its_direction_and_goes_far(planner, text, channel, least):
    value = v(planner.plan(text), channel)
    assert (value <= -0.25) if least < 0 else (value >= least)


def test_a_smile_all_the_way_up_to_the_eyes_is_no_look_up(planner):
    p = planner.plan("a grin all the way up to her eyes")
    assert v(p, "MouthSmileLeft") >= 0.5 and v(p, "EyeLookUpLeft") == 0


# --- 'straight' before a direction sharpens it; it does not put the gaze on the camera -----------------------

@pytest.mark.parametrize("text, channel", [("she stares straight down at her shoes", "EyeLookDownLeft"),
                                           ("gazing straight up into the rain", "EyeLookUpRight")])
def test_straight_before_a_direction_keeps_the_direction(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.3


def test_straight_at_the_lens_is_still_the_camera(planner):
    p = planner.plan("looking straight at the lens")
    assert v(p, "EyeLookDownLeft") == 0 and v(p, "EyeLookUpLeft") == 0 and v(p, "HeadYaw") == 0


# --- a negated word of speech ("without saying anything", "no words") does not deny the face's movement --------

@pytest.mark.parametrize("text, channel", [("not a word just a scowl", "BrowDownLeft"),
                                           ("she stares him down without saying a thing", "BrowDownLeft"),
                                           ("no need to yell just a frown", "BrowDownRight"),
                                           ("he doesn't speak, jaw hanging open", "JawOpen")])
def test_a_negated_word_of_speech_leaves_the_movement(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.1


def test_a_negated_movement_beside_silence_is_still_denied(planner):
    assert v(planner.plan("no words and no smile"), "MouthSmileLeft") == 0


def test_a_movement_joined_to_the_silence_by_or_is_denied_with_it(planner):
    assert v(planner.plan("she doesn't say anything or smile"), "MouthSmileLeft") == 0


# --- a look from under the brows is a glare up ------------------------------------------------------------

@pytest.mark.parametrize("text", ["he stares at her from under his heavy brows", "she looks up at him from under her eyebrows"])
def test_a_look_from_under_the_brows_glares_up(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowDownLeft") >= 0.3 and v(p, "EyeSquintLeft") >= 0.15 and v(p, "EyeLookUpLeft") >= 0.2


def test_a_look_from_under_a_fringe_is_no_glare(planner):
    assert v(planner.plan("she peeks out from under her fringe"), "BrowDownLeft") < 0.1


# --- a dimple, the chin boss, air in the cheeks, 'nose in the air' -------------------------------------------

def test_a_dimple_on_one_side_dimples_that_side(planner):
    p = planner.plan("a faint dimple shows on his right side")
    assert v(p, "MouthDimpleRight") >= 0.1 and v(p, "MouthDimpleLeft") == 0


def test_a_dimple_in_a_cheek_is_no_cheek_sucked_in(planner):
    p = planner.plan("a dimple appears in his left cheek")
    assert v(p, "MouthDimpleLeft") >= 0.15 and v(p, "MouthPucker") == 0


def test_one_dimple_is_one_side(planner):
    p = planner.plan("one dimple, nothing more")
    assert abs(v(p, "MouthDimpleLeft") - v(p, "MouthDimpleRight")) >= 0.2


def test_cheeks_sucked_in_are_still_sucked_in(planner):
    assert v(planner.plan("he sucks in his cheeks like a fish"), "MouthPucker") >= 0.2


@pytest.mark.parametrize("text", ["her chin boss bunches up", "the chin tightens under the lip"])
def test_the_chin_boss_raised_is_the_chin_raiser_not_the_head(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthShrugLower") >= 0.3 and v(p, "HeadPitch") == 0


@pytest.mark.parametrize("text, side", [("breath held in the cheeks", None), ("air pushed into her left cheek", "Left")])
def test_air_held_in_the_cheeks_puffs_them(planner, text, side):
    assert v(planner.plan(text), "CheekPuff") >= 0.3


def test_nose_in_the_air_tips_the_head_back(planner):
    assert v(planner.plan("she walks past, nose in the air"), "HeadPitch") <= -0.15


# --- a part given only a percentage makes its usual movement -----------------------------------------------

@pytest.mark.parametrize("text, channel, least", [("R brow 60%, L flat", "BrowOuterUpRight", 0.4), ("lids 70%, nothing else", "EyeBlinkLeft", 0.4)])
def test_a_part_with_a_percentage_moves_as_with_a_decimal(planner, text, channel, least):
    assert v(planner.plan(text), channel) >= least


# --- a head that falls onto a shoulder tilts toward it --------------------------------------------------------

@pytest.mark.parametrize("text, sign", [("asleep, her head slumped onto her left shoulder", -1), ("his head droops against the right shoulder", 1)])
def test_a_head_falling_onto_a_shoulder_rolls_toward_it(planner, text, sign):
    assert sign * v(planner.plan(text), "HeadRoll") >= 0.15


# --- a head gesture toward someone on one side turns the head a little that way ------------------------------

def test_a_head_jerked_toward_someone_on_a_side_turns_that_way(planner):
    p = planner.plan("he tips his head toward the guard on his left")
    assert v(p, "HeadYaw") <= -0.1 and v(p, "EyeLookOutLeft") >= 0.1


def test_a_smile_at_someone_on_a_side_moves_only_the_eyes(planner):
    assert v(planner.plan("she smiles at the boy on her right"), "HeadYaw") == 0


# --- a head held facing forward is still, not pushed forward ------------------------------------------------

@pytest.mark.parametrize("text", ["head locked forward, eyes flick left", "face kept to the front, eyes flick left"])
def test_a_head_held_facing_forward_does_not_move(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadPitch") == 0 and v(p, "JawForward") == 0 and v(p, "EyeLookOutLeft") >= 0.2


def test_a_head_pushed_forward_still_comes_forward(planner):
    assert v(planner.plan("head pushed forward"), "HeadPitch") > 0
