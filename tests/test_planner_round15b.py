"""Round 15b of the planner: general readings of English the dev split showed missing (informal, negation,
gaze, terse, speech, KeyframeFace-style and intensity lines).

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


# --- a line typed mostly in capitals is shouted as a whole, no word of it stressed --------------------

@pytest.mark.parametrize("caps, lower", [
    ("SHE FROWNS AT THE SCREEN lol", "she frowns at the screen lol"),
    ("HE LOOKS UP AT THE CEILING, very faintly.", "he looks up at the ceiling, very faintly."),
])
def test_a_line_mostly_in_capitals_reads_as_in_lower_case(planner, caps, lower):
    a, b = planner.plan(caps).values, planner.plan(lower).values
    assert abs(a - b).max() < 1e-6


def test_one_word_in_capitals_among_lower_case_ones_is_still_stressed(planner):
    assert v(planner.plan("she FROWNS at the screen"), "BrowDownLeft") > v(planner.plan("she frowns at the screen"), "BrowDownLeft")


# --- understatement: a delight denied is displeasure held in --------------------------------------------

@pytest.mark.parametrize("text", [
    "The teacher is not impressed by the excuse.",
    "he isn't exactly thrilled about the rota",
    "Grandma was not best pleased with the muddy boots.",
    "less than amused by the prank",
])
def test_a_denied_delight_presses_the_lips(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.15 and v(p, "MouthSmileLeft") == 0


def test_a_concession_or_a_neutral_pair_is_no_displeasure(planner):
    assert v(planner.plan("a smile that is polite if not thrilled"), "MouthSmileLeft") >= 0.3
    assert v(planner.plan("she is not amused, not annoyed either, just watching"), "EyeBlinkLeft") < 0.1


# --- a face's colour in a simile ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["he stood there as pale as a sheet", "her face white as a ghost"])
def test_pale_as_a_sheet_is_dread(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and v(p, "MouthPressLeft") >= 0.2


def test_red_as_a_beetroot_is_a_blush_and_with_rage_is_anger(planner):
    blush = planner.plan("the boy went quiet, as red as a beetroot")
    assert v(blush, "MouthSmileLeft") > 0 and v(blush, "BrowDownLeft") < 0.1
    assert v(planner.plan("red as a tomato with rage"), "BrowDownLeft") >= 0.4


# --- "not quite a smile": nearly the movement, a slight one of it -------------------------------------

@pytest.mark.parametrize("text", ["the clerk gives him not quite a smile", "her mouth makes not quite a grin"])
def test_not_quite_a_smile_is_a_slight_smile(planner, text):
    assert 0.15 <= v(planner.plan(text), "MouthSmileLeft") <= 0.45


def test_almost_but_not_quite_is_fainter(planner):
    faint = v(planner.plan("almost, but not quite, a grin"), "MouthSmileLeft")
    assert 0.05 <= faint < v(planner.plan("not quite a grin"), "MouthSmileLeft")


def test_not_quite_a_frown_lowers_the_brows_only(planner):
    p = planner.plan("not quite a frown")
    assert v(p, "BrowDownLeft") >= 0.2 and v(p, "MouthFrownLeft") == 0


def test_not_quite_a_laugh_is_held_in(planner):
    p = planner.plan("not quite a laugh")
    assert v(p, "MouthSmileLeft") >= 0.2 and v(p, "MouthPressLeft") >= 0.2 and v(p, "JawOpen") < 0.1


def test_not_quite_something_else_is_left_alone(planner):
    assert v(planner.plan("not quite right, but a smile"), "MouthSmileLeft") >= 0.4


# --- a gulp ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["*gulp*", "the exam paper lands on his desk. he gulps."])
def test_a_gulp_is_a_nervous_swallow(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.2 and v(p, "BrowInnerUp") >= 0.2 and v(p, "EyeWideLeft") >= 0.15


def test_gulping_a_drink_is_no_nerves(planner):
    p = planner.plan("she gulps down her lemonade")
    assert v(p, "EyeWideLeft") == 0 and v(p, "BrowInnerUp") == 0


# --- an animator's note naming a viseme ------------------------------------------------------------------

@pytest.mark.parametrize("text, channel", [
    ("PP viseme on the b", "MouthPressLeft"),
    ("viseme FF, hold two frames", "MouthRollLower"),
    ("f/v viseme", "MouthRollLower"),
    ("the O viseme, a bit lazy", "MouthFunnel"),
    ("viseme: aa", "JawOpen"),
])
def test_a_named_viseme_takes_its_shape(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.2


def test_the_word_viseme_alone_names_no_shape(planner):
    assert abs(planner.plan("the visemes are a bit mushy here").values).max() < 0.02


# --- a typed head roll or turn with a side, and "roll" alone ---------------------------------------------

@pytest.mark.parametrize("text, channel, value", [
    ("head roll L .3", "HeadRoll", -0.3),
    ("head tilt R .15", "HeadRoll", 0.15),
    ("head turn L .4", "HeadYaw", -0.4),
    ("roll L .2, nothing else", "HeadRoll", -0.2),
    ("roll R .1 only", "HeadRoll", 0.1),
])
def test_a_typed_head_roll_or_turn_goes_to_its_side(planner, text, channel, value):
    assert v(planner.plan(text), channel) == pytest.approx(value)


def test_a_typed_eye_or_lip_roll_is_not_the_heads(planner):
    eyes = planner.plan("eye roll .4")
    assert v(eyes, "EyeLookUpLeft") == pytest.approx(0.4) and v(eyes, "HeadRoll") == 0
    lips = planner.plan("lips roll .3")
    assert v(lips, "MouthRollLower") == pytest.approx(0.3) and v(lips, "HeadRoll") == 0


# --- up and down arrows ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, channel", [
    ("L brow \u2193 .4", "BrowDownLeft"),
    ("brows \u2191\u2191, rest neutral", "BrowOuterUpLeft"),
    ("mouth corners \u2b07\ufe0f", "MouthFrownLeft"),
])
def test_up_and_down_arrows_read_as_up_and_down(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.3


def test_a_sideways_arrow_is_still_a_sequence(planner):
    p = planner.plan("smile -> frown")
    assert v(p, "MouthFrownLeft") >= 0.3 and v(p, "MouthSmileLeft") == 0


# --- a rig name without a value, and "to the stop" -------------------------------------------------------

@pytest.mark.parametrize("text, channel", [("JawForward, big", "JawForward"), ("mouthFunnel please", "MouthFunnel"),
                                           ("cheekPuff", "CheekPuff")])
def test_a_rig_name_without_a_value_is_read(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.3


def test_to_the_stop_is_as_far_as_it_goes(planner):
    assert v(planner.plan("jaw forward to the stop"), "JawForward") >= 0.9
    assert v(planner.plan("jaw forward to the stop"), "JawForward") > v(planner.plan("jaw forward"), "JawForward")


def test_stopping_is_still_a_stop(planner):
    p = planner.plan("she stops frowning")
    assert v(p, "BrowDownLeft") == 0 and v(p, "MouthFrownLeft") == 0


# --- head and eyes that turn with no side named go the same way --------------------------------------------

@pytest.mark.parametrize("text", ["she glances sideways, her head turning with it", "turns his head, a sidelong look"])
def test_an_unnamed_turn_of_head_and_eyes_goes_one_way(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadYaw") * v(p, "LeftEyeYaw") > 0


def test_eyes_that_come_back_keep_the_other_way(planner):
    p = planner.plan("head turned, eyes sliding back to him")
    assert v(p, "HeadYaw") * v(p, "LeftEyeYaw") < 0


# --- brows said to stay ("no brow lift", "brows locked") take nothing from wide eyes ---------------------

@pytest.mark.parametrize("text", ["eyes wide open, no brow lift", "lids up .6, brows locked", "big eyes but kill all brow motion"])
def test_brows_kept_out_of_wide_eyes_stay_at_rest(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeWideLeft") >= 0.3 and v(p, "BrowInnerUp") == 0 and v(p, "BrowOuterUpLeft") == 0


def test_wide_eyes_alone_still_lift_the_brows_a_little(planner):
    assert v(planner.plan("eyes wide open"), "BrowInnerUp") > 0


# --- eyes "straight ahead" under a tipped head look straight out of the face ------------------------------

def test_eyes_straight_ahead_under_a_lifted_chin_do_not_look_down(planner):
    p = planner.plan("chin lifted, eyes straight ahead")
    assert v(p, "HeadPitch") < 0 and v(p, "EyeLookDownLeft") == 0


def test_eyes_on_the_camera_under_a_lifted_chin_still_look_down_to_it(planner):
    assert v(planner.plan("chin lifted, looking into the lens"), "EyeLookDownLeft") > 0.2


# --- a feeling "hardly" there is denied; a movement "hardly" made is small ---------------------------------

@pytest.mark.parametrize("text", ["She's hardly surprised by the news.", "he looked hardly bothered", "Hardly shocked, she reads on."])
def test_a_feeling_hardly_there_is_denied(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeWideLeft") == 0 and v(p, "JawOpen") == 0


def test_a_movement_hardly_made_is_still_small(planner):
    assert 0 < v(planner.plan("he hardly smiles at the joke"), "MouthSmileLeft") < 0.3


# --- "one brow" named alone is the raised one ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["unconvinced. one brow.", "just one eyebrow, slowly"])
def test_one_brow_named_alone_is_raised(planner, text):
    p = planner.plan(text)
    assert max(v(p, "BrowOuterUpLeft"), v(p, "BrowOuterUpRight")) >= 0.3
    assert abs(v(p, "BrowOuterUpLeft") - v(p, "BrowOuterUpRight")) >= 0.3


# --- a cry denied leaves the chin still; a cry fought back keeps the chin's effort ---------------------------

@pytest.mark.parametrize("text", ["no tears at the funeral, lips pressed", "not crying, not even a wobble: lips held together"])
def test_a_denied_cry_keeps_the_chin_still(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.2 and v(p, "MouthShrugLower") <= 0.05


@pytest.mark.parametrize("text", ["he won't cry in front of her, lips pressed", "fighting back tears, lips pressed"])
def test_a_cry_fought_back_keeps_the_chin_raise(planner, text):
    assert v(planner.plan(text), "MouthShrugLower") >= 0.15


def test_a_denied_cry_with_a_chin_named_keeps_the_chin(planner):
    assert v(planner.plan("no tears, but her chin crumples"), "MouthShrugLower") >= 0.3


# --- "not impressed, not even a little" is still displeasure ----------------------------------------------

def test_a_denied_delight_stressed_by_not_even_is_still_displeasure(planner):
    assert v(planner.plan("the critic is not impressed, not even slightly"), "MouthPressLeft") >= 0.15


# --- lids that (almost) meet, eyes nearly shut --------------------------------------------------------------

def test_lids_that_meet_close_the_eyes(planner):
    assert v(planner.plan("her eyelids meet"), "EyeBlinkLeft") >= 0.9
    assert 0.6 <= v(planner.plan("his eyelids nearly meet"), "EyeBlinkLeft") < 1.0


@pytest.mark.parametrize("text", ["eyes almost shut with sleep", "lids nearly closed"])
def test_eyes_almost_shut_are_most_of_the_way_closed(planner, text):
    assert 0.6 <= v(planner.plan(text), "EyeBlinkLeft") < v(planner.plan("eyes shut"), "EyeBlinkLeft")


def test_eyes_meeting_someone_close_nothing(planner):
    assert v(planner.plan("his eyes meet hers"), "EyeBlinkLeft") == 0


# --- a smile whose cheeks are denied in so many words keeps none ----------------------------------------------

@pytest.mark.parametrize("text", ["a wide smile for the photo, no cheek lift", "grinning, but no crinkle at all",
                                  "he smiles; his eyes don't join in"])
def test_a_smile_with_its_cheeks_denied_keeps_none(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") >= 0.4 and v(p, "CheekSquintLeft") == 0


def test_a_smile_with_cold_eyes_keeps_a_trace_of_cheek(planner):
    assert 0 < v(planner.plan("she smiles but her eyes stay cold"), "CheekSquintLeft") < 0.1


# --- a vowel's shape named without quotes in a note -------------------------------------------------------------

@pytest.mark.parametrize("text, channel", [("hold on the OO, brows up", "MouthPucker"), ("EE vowel, corners wide", "MouthStretchLeft"),
                                           ("wider on the AH", "JawOpen")])
def test_a_vowel_named_in_a_note_takes_its_shape(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.3


def test_bigger_on_a_vowel_opens_it_more(planner):
    assert v(planner.plan("bigger on the O"), "MouthFunnel") > v(planner.plan("on the O"), "MouthFunnel")


def test_a_capital_o_that_is_no_vowel_moves_nothing(planner):
    assert v(planner.plan("she draws an O on the fogged window"), "JawOpen") < 0.3


# --- eyes that never quite close are half closed, not open ----------------------------------------------------

@pytest.mark.parametrize("text", ["his eyes never quite close", "her lids droop but don't quite meet"])
def test_eyes_that_never_quite_close_are_half_closed(planner, text):
    assert 0.3 <= v(planner.plan(text), "EyeBlinkLeft") <= 0.7


def test_a_door_that_never_quite_closes_moves_no_eyes(planner):
    assert v(planner.plan("the eyes on the door, which never quite closes"), "EyeBlinkLeft") < 0.3


# --- another subject's "stop" ends nothing on this face ---------------------------------------------------------

def test_someone_else_stopping_keeps_the_look(planner):
    p = planner.plan("she says nothing, a long stare from under her brows and the twins stop")
    assert v(p, "BrowDownLeft") >= 0.3


def test_the_expression_itself_stopping_still_goes(planner):
    assert v(planner.plan("she grins and the grin stops"), "MouthSmileLeft") == 0


# --- "the look" a parent gives is the stern, warning look ------------------------------------------------------

@pytest.mark.parametrize("text", ["grandma gives the kids the look", "the look dad gives at the dinner table", "no words. just the look."])
def test_the_look_is_a_stern_warning(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowDownLeft") >= 0.3 and v(p, "MouthPressLeft") >= 0.2


def test_the_look_on_a_face_or_of_a_feeling_is_not_the_warning(planner):
    assert v(planner.plan("the look on her face"), "BrowDownLeft") == 0
    assert v(planner.plan("she gives him the look of a woman betrayed"), "BrowDownLeft") < 0.3


# --- a laugh gone past its sound (a wheeze) is still a laugh -----------------------------------------------------

@pytest.mark.parametrize("text", ["she's not really laughing any more, just wheezing", "the laugh turns into a wheeze"])
def test_a_wheeze_beside_a_laugh_keeps_the_smile(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") >= 0.4 and v(p, "CheekSquintLeft") >= 0.3


def test_a_wheeze_without_a_laugh_is_no_smile(planner):
    assert v(planner.plan("wheezing after the stairs"), "MouthSmileLeft") == 0


# --- eyebrows that wiggle, waggle or bounce are held up ------------------------------------------------------------

@pytest.mark.parametrize("text", ["he waggles his eyebrows at her", "a cheeky eyebrow wiggle", "brows bouncing at the baby"])
def test_wiggling_eyebrows_are_held_up(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowOuterUpLeft") >= 0.3 and v(p, "BrowOuterUpRight") >= 0.3


def test_a_wagging_tail_moves_no_brow(planner):
    assert v(planner.plan("the dog wags its tail"), "BrowOuterUpLeft") == 0
