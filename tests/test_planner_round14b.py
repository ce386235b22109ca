"""Round 14b of the planner: general readings of English the dev split showed missing (informal, negation,
gaze, terse, speech, KeyframeFace-style and intensity lines).

Every probe sentence is written here for the rule it checks (none is a corpus line); the real planner
reads it and the values it gives are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# --- 'so much as' emphasises a negation; it is no clause break and no size ---------------------------

@pytest.mark.parametrize("text, stem", [
    ("he never so much as looks up from his book", "EyeLookUp"),
    ("she crossed the room without so much as a smile", "MouthSmile"),
    ("not so much as a frown from the judge", "MouthFrown"),
    ("he didn't as much as blink", "EyeBlink"),
])
def test_so_much_as_keeps_the_negation_on_the_movement(planner, text, stem):
    assert both(planner.plan(text), stem) < 0.05


def test_as_much_as_without_a_negator_is_still_a_size(planner):
    assert v(planner.plan("he grins as much as he can"), "MouthSmileLeft") >= 0.6


def test_without_a_glance_negates_the_glance_not_the_lips_after_it(planner):
    plan = planner.plan("he strode by without so much as a glance, jaw set")
    assert v(plan, "MouthPressLeft") >= 0.2


# --- a negation ends with its own verb before 'and' -------------------------------------------------------

@pytest.mark.parametrize("text, channel, sign", [
    ("he acts as if he did not hear and looks away to his right", "HeadYaw", 1),
    ("she refuses to answer and smiles", "MouthSmileLeft", 1),
    ("he doesn't wait and frowns", "MouthFrownLeft", 1),
])
def test_a_negation_with_its_own_verb_stops_at_and(planner, text, channel, sign):
    assert sign * v(planner.plan(text), channel) >= 0.1


@pytest.mark.parametrize("text, stem", [("he does not smile and frown", "MouthSmile"), ("no smile and no frown", "MouthFrown")])
def test_a_negated_movement_before_and_is_still_negated(planner, text, stem):
    assert both(planner.plan(text), stem) < 0.05


# --- an ear turned toward a side turns the face away from it ------------------------------------------

@pytest.mark.parametrize("text, sign", [
    ("he turns his left ear to the window on his left, listening", 1),
    ("she turns her right ear toward the hallway", -1),
    ("turning an ear toward the radio on his left, eyes down", 1),
])
def test_an_ear_turned_to_a_side_turns_the_face_the_other_way(planner, text, sign):
    plan = planner.plan(text)
    assert sign * v(plan, "HeadYaw") >= 0.2
    assert abs(v(plan, "LeftEyeYaw")) < 0.1  # the ear points, not the eyes


@pytest.mark.parametrize("text, sign", [("she turns her head to the left", -1), ("he glances at the girl on his right", 1)])
def test_a_turn_or_a_look_without_an_ear_goes_to_the_side_named(planner, text, sign):
    plan = planner.plan(text)
    assert sign * (v(plan, "HeadYaw") + v(plan, "LeftEyeYaw")) >= 0.15


# --- a part or half of the face said to stay at rest, or to be the only one that moves --------------------

@pytest.mark.parametrize("text", ["scared, mouth zeroed", "afraid; lower face neutral", "frightened, lower half dead",
                                  "terrified, mouth relaxed shut", "upper face only: scared", "scared, upper half only"])
def test_the_mouth_held_at_rest_takes_no_part_of_the_feeling(planner, text):
    plan = planner.plan(text)
    assert both(plan, "MouthStretch") < 0.05 and v(plan, "JawOpen") < 0.05
    assert v(plan, "BrowInnerUp") >= 0.3  # the upper face still shows it


@pytest.mark.parametrize("text", ["only the mouth: puzzled", "puzzled, mouth only"])
def test_only_the_mouth_keeps_the_brows_out_of_a_feeling(planner, text):
    plan = planner.plan(text)
    assert both(plan, "BrowDown") < 0.05 and v(plan, "BrowInnerUp") < 0.05
    assert both(plan, "MouthPress") >= 0.05


@pytest.mark.parametrize("text, channel", [("the brows lower still", "BrowDownLeft"), ("lower lids up, squinting", "EyeSquintLeft"),
                                           ("scared, and only the eyes and mouth move", "MouthStretchLeft"),
                                           ("lids still shut, she frowns", "EyeBlinkLeft"),
                                           ("a polite smile, only the eyes a bit wide", "MouthSmileLeft"),
                                           ("a slight grimace, lips only, brows calm", "MouthStretchLeft"),
                                           ("chin still down, he lifts only his eyes, sheepish", "EyeLookUpLeft"),
                                           ("delight in the eyes only, mouth flat", "CheekSquintLeft")])
def test_lower_as_a_verb_or_a_lid_and_only_with_two_parts_hold_nothing(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.2


# --- text-speak 'r' after a plural subject is "are"; lips zipped are pressed shut ---------------------------

@pytest.mark.parametrize("text", ["my lips r zipped", "her lips r zipped shut lol"])
def test_lips_r_zipped_are_pressed_not_pushed_right(planner, text):
    plan = planner.plan(text)
    assert v(plan, "MouthRight") < 0.05
    assert both(plan, "MouthPress") >= 0.2


def test_brows_r_up_are_both_brows(planner):
    plan = planner.plan("ok the brows r up")
    assert v(plan, "BrowOuterUpLeft") >= 0.3 and v(plan, "BrowOuterUpRight") >= 0.3


@pytest.mark.parametrize("text, on, off", [("brow up r", "BrowOuterUpRight", "BrowOuterUpLeft"),
                                           ("squint eyes r .5", "EyeSquintRight", "EyeSquintLeft"),
                                           ("smile r", "MouthSmileRight", "MouthSmileLeft")])
def test_a_lone_r_at_the_end_or_before_a_value_is_still_the_right_side(planner, text, on, off):
    plan = planner.plan(text)
    assert v(plan, on) >= 0.3 and v(plan, off) < 0.05


# --- parts joined by 'and' share the verb, and are held still together ---------------------------------------

@pytest.mark.parametrize("text, head, eye", [
    ("her head and eyes whip to the left", ("HeadYaw", -1), ("LeftEyeYaw", -1)),
    ("his chin and eyes drop to the floor", ("HeadPitch", 1), ("LeftEyePitch", 1)),
    ("head and eyes swing right", ("HeadYaw", 1), ("LeftEyeYaw", 1)),
])
def test_head_and_eyes_joined_by_and_both_move(planner, text, head, eye):
    plan = planner.plan(text)
    assert head[1] * v(plan, head[0]) >= 0.15
    assert eye[1] * v(plan, eye[0]) >= 0.15


@pytest.mark.parametrize("text", ["a big frown, lids and brows perfectly still", "frowning; the eyes, lids and brows stay unchanged",
                                  "frown on the mouth, brows & eyes dead"])
def test_parts_listed_with_and_are_all_held_still(planner, text):
    plan = planner.plan(text)
    assert both(plan, "BrowDown") < 0.05 and both(plan, "EyeSquint") < 0.05
    assert both(plan, "MouthFrown") >= 0.2


def test_a_comma_list_without_and_holds_only_the_last_part(planner):
    plan = planner.plan("worried brows, wide eyes, mouth relaxed")
    assert both(plan, "EyeWide") >= 0.25


# --- a frown on the mouth is its corners pulled down ----------------------------------------------------------

@pytest.mark.parametrize("text", ["a frown on the lips only", "frowning mouth, nothing else", "mouth frowns"])
def test_a_frown_on_the_mouth_pulls_the_corners_down(planner, text):
    plan = planner.plan(text)
    assert both(plan, "MouthFrown") >= 0.3 and v(plan, "MouthPucker") < 0.05


@pytest.mark.parametrize("text", ["frowning brows", "her forehead frowns"])
def test_frowning_brows_still_knit(planner, text):
    assert both(planner.plan(text), "BrowDown") >= 0.3


# --- a question answered 'no' denies what it asks about ----------------------------------------------------

@pytest.mark.parametrize("text, stem", [
    ("Pleased? Not by any stretch. Brows pulled down.", "MouthSmile"),
    ("Scared? Not her. Chin up, lips pressed.", "EyeWide"),
    ("sad? far from it. brows up", "MouthFrown"),
    ("r u laughing? nope. lips pressed", "MouthSmile"),
    ("Frowning? Him? Anything but. Brows up.", "BrowDown"),
])
def test_a_question_answered_no_denies_what_it_asks(planner, text, stem):
    assert both(planner.plan(text), stem) < 0.1


def test_a_question_answered_yes_keeps_it(planner):
    assert both(planner.plan("Smiling? Yes, a little."), "MouthSmile") >= 0.2


def test_r_u_at_the_start_is_a_question_not_the_right_side(planner):
    plan = planner.plan("r u kidding me, eyes wide")
    assert both(plan, "EyeWide") >= 0.3 and abs(v(plan, "EyeWideLeft") - v(plan, "EyeWideRight")) < 0.05


# --- a '+' lists the items of a note; between two parts it joins them ------------------------------------------

def test_a_plus_between_items_keeps_each_item_its_own(planner):
    plan = planner.plan("squint + lips rolled in")
    assert both(plan, "EyeSquint") >= 0.3  # the squint is the eyes', not the lips'
    assert v(plan, "MouthRollLower") >= 0.3


def test_a_plus_between_two_parts_moves_both(planner):
    plan = planner.plan("eyes + head down")
    assert v(plan, "HeadPitch") >= 0.15 and v(plan, "LeftEyePitch") >= 0.15


def test_a_plus_in_facs_codes_is_left_alone(planner):
    assert both(planner.plan("AU1+2"), "BrowOuterUp") >= 0.3


# --- eyes locked on something are fixed, not squeezed; a hanging mouth hangs open; lids hardly lifted stay low ---

@pytest.mark.parametrize("text", ["her eyes locked on the screen", "gaze locked dead ahead, eyes wide"])
def test_locked_eyes_are_a_fixed_look_not_a_squeeze(planner, text):
    plan = planner.plan(text)
    assert both(plan, "EyeBlink") < 0.1 and both(plan, "EyeSquint") < 0.1


def test_a_locked_jaw_still_clenches(planner):
    assert both(planner.plan("his jaw locked"), "MouthPress") >= 0.2


@pytest.mark.parametrize("text", ["mouth hanging, eyes glazed", "his jaw hangs"])
def test_a_hanging_mouth_hangs_open_not_down_at_the_corners(planner, text):
    plan = planner.plan(text)
    assert v(plan, "JawOpen") >= 0.2 and both(plan, "MouthFrown") < 0.1


def test_a_hanging_head_still_drops(planner):
    assert v(planner.plan("her head hanging"), "HeadPitch") >= 0.2


@pytest.mark.parametrize("text", ["she barely lifts her lids", "he scarcely raises his eyelids at the noise"])
def test_lids_hardly_lifted_stay_heavy(planner, text):
    plan = planner.plan(text)
    assert both(plan, "EyeBlink") >= 0.3 and both(plan, "EyeWide") < 0.1


def test_lids_lifted_slightly_still_widen_a_little(planner):
    assert both(planner.plan("her lids lift slightly"), "EyeWide") >= 0.2


def test_dosnt_is_does_not(planner):
    assert both(planner.plan("she dosnt smile"), "MouthSmile") < 0.05


# --- laughing eyes, 'like mad', eyes left out of a laugh, things that light up ----------------------------------

@pytest.mark.parametrize("text", ["her eyes are laughing but the mouth stays pressed", "laughing eyes, lips pressed flat"])
def test_laughing_eyes_are_a_laugh_in_the_eyes_not_the_mouth(planner, text):
    plan = planner.plan(text)
    assert both(plan, "CheekSquint") >= 0.2
    assert both(plan, "MouthSmile") < 0.1 and v(plan, "JawOpen") < 0.1


def test_a_laugh_with_eyes_shut_is_still_a_laugh(planner):
    assert both(planner.plan("he laughs, eyes shut"), "MouthSmile") >= 0.4


@pytest.mark.parametrize("text", ["grinning like mad", "she beams like crazy"])
def test_like_mad_is_a_size_not_anger(planner, text):
    plan = planner.plan(text)
    assert both(plan, "MouthSmile") >= 0.8 and both(plan, "BrowDown") < 0.1


def test_a_laugh_with_the_eyes_uninvolved_leaves_the_cheeks_down(planner):
    plan = planner.plan("a polite laugh, mouth open, eyes uninvolved")
    assert both(plan, "CheekSquint") < 0.25 and both(plan, "MouthSmile") >= 0.2


@pytest.mark.parametrize("text", ["she glances down as her phone lights up", "the screen lights up; he looks left"])
def test_a_thing_that_lights_up_is_no_smile(planner, text):
    assert both(planner.plan(text), "MouthSmile") < 0.1


def test_a_face_that_lights_up_still_smiles(planner):
    assert both(planner.plan("the boy lights up when he sees the cake"), "MouthSmile") >= 0.4


# --- '(left side only)' after a movement puts all of it on that side; 'less a X than a Y' is the Y ---------------

@pytest.mark.parametrize("text, on, off", [("narrowed eyes (left side only)", "EyeSquintLeft", "EyeSquintRight"),
                                           ("a frown, right side only", "MouthFrownRight", "MouthFrownLeft")])
def test_a_side_only_clause_puts_the_movement_before_on_that_side(planner, text, on, off):
    plan = planner.plan(text)
    assert v(plan, on) >= 0.3 and v(plan, off) < 0.05


def test_a_side_named_without_only_keeps_a_symmetric_movement_whole(planner):
    plan = planner.plan("narrowed eyes, left side hitched higher")
    assert v(plan, "EyeSquintRight") >= 0.3


@pytest.mark.parametrize("text, gone, kept", [("less a smile than a grimace", "MouthSmileLeft", "MouthStretchLeft"),
                                              ("it was less a glare than a squint", "BrowDownLeft", "EyeSquintLeft"),
                                              ("not so much a frown as a pout", "BrowDownLeft", "MouthShrugLower")])
def test_less_a_x_than_a_y_is_the_y(planner, text, gone, kept):
    plan = planner.plan(text)
    assert v(plan, gone) < 0.2 and v(plan, kept) >= 0.2


def test_less_wide_than_before_is_still_a_comparison(planner):
    assert both(planner.plan("eyes wide, a little less wide than before"), "EyeWide") >= 0.2


# --- 'a jolt of pain': how a feeling comes is no expression of its own ------------------------------------------

@pytest.mark.parametrize("text", ["a sudden jolt of pain", "she feels a jolt of disgust"])
def test_a_jolt_of_a_feeling_is_that_feeling_not_surprise(planner, text):
    plan = planner.plan(text)
    assert both(plan, "EyeWide") < 0.1 and both(plan, "BrowOuterUp") < 0.1


def test_a_jolt_alone_is_still_a_startle(planner):
    assert both(planner.plan("he jolts"), "EyeWide") >= 0.3


# --- the lids named win over an expression's: widened eyes take no grimace squint, a squint no surprise ------------

def test_eyes_said_to_widen_keep_no_squint_from_a_grimace(planner):
    plan = planner.plan("a grimace, eyes widening, looking left")
    assert both(plan, "EyeWide") >= 0.3 and both(plan, "EyeSquint") < 0.05


def test_eyes_said_to_squint_keep_no_wide_eyes_from_shock(planner):
    plan = planner.plan("shocked, but squinting hard")
    assert both(plan, "EyeSquint") >= 0.3 and both(plan, "EyeWide") < 0.05


def test_one_eye_said_open_leaves_the_other_eyes_squint(planner):
    plan = planner.plan("left eye narrowed, right eye open")
    assert v(plan, "EyeSquintLeft") >= 0.3


# --- 'sober' is no sob, 'number' nothing numb; a part 'barely moving' stays at rest ------------------------------

def test_a_sober_face_does_not_sob(planner):
    plan = planner.plan("a sober look, lips lightly pressed")
    assert v(plan, "BrowInnerUp") < 0.1 and both(plan, "MouthFrown") < 0.1


def test_a_part_barely_moving_stays_at_rest(planner):
    plan = planner.plan("a wide grin, the cheeks hardly moving")
    assert both(plan, "CheekSquint") < 0.05 and both(plan, "MouthSmile") >= 0.4


# --- a large size said last sizes the movement before it ------------------------------------------------------------

@pytest.mark.parametrize("text", ["a little smile that keeps growing until it's huge", "a small frown. then enormous."])
def test_a_large_size_said_last_sizes_the_movement_before(planner, text):
    plan = planner.plan(text)
    assert max(both(plan, "MouthSmile"), both(plan, "MouthFrown")) >= 0.7


def test_a_small_size_said_last_stays_an_overall_phrase(planner):
    assert both(planner.plan("a wide grin, just barely"), "MouthSmile") >= 0.1


def test_a_mouth_barely_moving_as_it_speaks_keeps_its_smile(planner):
    assert both(planner.plan("she murmurs goodnight, mouth barely moving, a gentle smile"), "MouthSmile") >= 0.2


# --- 'to her face' is where a look goes, not a face that moves ----------------------------------------------------

@pytest.mark.parametrize("text", ["his gaze lifts to her face", "she glances up at his face"])
def test_a_face_a_look_goes_to_does_not_lift_the_head(planner, text):
    plan = planner.plan(text)
    assert abs(v(plan, "HeadPitch")) < 0.05 and v(plan, "LeftEyePitch") <= -0.1


def test_a_face_that_turns_up_still_lifts_the_head(planner):
    assert v(planner.plan("her face turns up to the sun"), "HeadPitch") <= -0.15


# --- 'half-lidded' names the lids itself --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["half-lidded, R corner up", "heavy-lidded and smug"])
def test_half_lidded_lowers_the_lids_without_naming_eyes(planner, text):
    assert both(planner.plan(text), "EyeBlink") >= 0.3


# --- the meme spellings of angry and the '>(' face ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["angery", "so angy rn", ">("])
def test_meme_anger_lowers_the_brows(planner, text):
    assert both(planner.plan(text), "BrowDown") >= 0.3


@pytest.mark.parametrize("text", ["a pained grimace, one eye half open", "wincing, right eye open just a crack"])
def test_eyes_merely_open_keep_the_grimace_squint(planner, text):
    assert both(planner.plan(text), "EyeSquint") >= 0.2
