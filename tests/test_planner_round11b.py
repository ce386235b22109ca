"""Round 11b of the planner: general readings of English the dev split showed missing.

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


# --- a fading word used as a noun, and 'settle' that arrives -------------------------------------------

@pytest.mark.parametrize("text", ["He giggles like a drain.", "she grins at the fade of the stage lights"])
def test_a_fading_word_after_an_article_is_a_noun_not_a_fading(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.3


@pytest.mark.parametrize("text", ["a small grin settles on his face", "her mouth settles into a smile", "a faint smile settling over him"])
def test_something_that_settles_on_or_into_the_face_arrives(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.2


@pytest.mark.parametrize("text", ["The grin fades.", "his smile drains away", "a smile, then it settles"])
def test_a_fading_or_settling_movement_still_goes(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") < 0.1


# --- a knotted brow ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["his brows knot as he reads", "forehead knotted in thought", "a tight knot between his eyebrows"])
def test_knotted_brows_are_drawn_down_and_together(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowDownLeft") >= 0.3 and v(p, "BrowDownRight") >= 0.3


def test_a_knot_somewhere_else_is_no_brow(planner):
    assert v(planner.plan("he kneads the knot in his calf"), "BrowDownLeft") == 0


# --- the mouth or jaw moved "to one side" ------------------------------------------------------------

@pytest.mark.parametrize("text", ["her lips get pulled to one side", "mouth dragged to one side in doubt"])
def test_a_mouth_moved_to_one_side_shifts_sideways(planner, text):
    p = planner.plan(text)
    assert max(v(p, "MouthLeft"), v(p, "MouthRight")) >= 0.3


def test_a_jaw_moved_to_one_side_shifts_sideways(planner):
    p = planner.plan("his jaw pushed to one side")
    assert max(v(p, "JawLeft"), v(p, "JawRight")) >= 0.3


def test_a_head_tilted_to_one_side_is_still_a_tilt(planner):
    p = planner.plan("the head tilted to one side")
    assert abs(v(p, "HeadRoll")) >= 0.1
    assert v(p, "MouthLeft") == 0 and v(p, "MouthRight") == 0


# --- lips peeled back, and a dropped letter of a double ------------------------------------------------

@pytest.mark.parametrize("text", ["his lips peel back from his teeth", "the dog's lip peeled back, a growl coming"])
def test_lips_peeled_back_bare_the_teeth(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthUpperUpLeft") >= 0.3 and v(p, "MouthUpperUpRight") >= 0.3


def test_lids_peeled_back_are_eyes_held_wide(planner):
    assert v(planner.plan("eyes wet, lids peeled back in shock"), "EyeWideLeft") >= 0.3


def test_peeling_fruit_moves_no_lip(planner):
    assert v(planner.plan("she peels a banana"), "MouthUpperUpLeft") == 0


def test_a_typo_that_drops_one_of_a_double_letter_reads_as_the_doubled_word(planner):
    p = planner.plan("lips peled back over his teeth")
    assert v(p, "MouthUpperUpLeft") >= 0.3
    assert v(p, "BrowInnerUp") < 0.2  # not 'plead'


# --- two negations that cancel -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["I won't pretend I didn't grin at that", "she can't say she wasn't smiling", "I can't deny that he smiled"])
def test_a_denied_denial_is_the_movement(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.3


@pytest.mark.parametrize("text", ["she didn't smile", "I can't say she smiled much", "he said he didn't smile"])
def test_a_single_negation_still_negates(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") < 0.2


# --- "as ... as" comparisons ------------------------------------------------------------------------------

def test_the_first_as_of_a_comparison_opens_no_clause(planner):
    # the fading word belongs to the eyes named with it, not to the grin of the clause before
    p = planner.plan("He grins; his forehead stays as smooth as silk.")
    assert v(p, "MouthSmileLeft") >= 0.3


def test_a_comparison_still_reads_its_adjective(planner):
    assert v(planner.plan("eyes as wide as dinner plates"), "EyeWideLeft") >= 0.6


# --- a whisper is a clause of its own ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["he turns to his right and whispers", "she turns toward the girl on her right and whispers a word"])
def test_a_turn_before_a_whisper_turns_the_head_not_the_lips(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadYaw") >= 0.2
    assert v(p, "MouthRight") == 0 and v(p, "MouthLeft") == 0


def test_a_whisper_still_parts_the_lips(planner):
    assert v(planner.plan("he turns to his right and whispers"), "JawOpen") > 0


# --- a thing placed on the person's side is where the eyes go ----------------------------------------------

@pytest.mark.parametrize("text", ["she grins out the car window on her left", "his eyes keep checking his boss on his left"])
def test_a_thing_on_her_side_draws_the_eyes_and_sides_no_expression(planner, text):
    p = planner.plan(text)
    assert v(p, "LeftEyeYaw") <= -0.1 and v(p, "RightEyeYaw") <= -0.1


def test_a_smile_looking_out_a_window_on_one_side_stays_two_sided(planner):
    p = planner.plan("she grins out the car window on her left")
    assert v(p, "MouthSmileRight") >= 0.3 and v(p, "MouthSmileLeft") >= 0.3


def test_a_face_part_on_her_side_keeps_its_side(planner):
    p = planner.plan("the corner on her right lifts")
    assert v(p, "MouthSmileRight") >= 0.3 and v(p, "MouthSmileLeft") == 0


# --- a second side word before a part that does not move ----------------------------------------------------

def test_a_side_word_before_a_still_part_does_not_move_the_expression_across(planner):
    p = planner.plan("right-sided grin left corner flat")
    assert v(p, "MouthSmileRight") >= 0.3 and v(p, "MouthSmileLeft") < 0.15


def test_a_side_word_before_a_moving_part_is_still_that_parts_side(planner):
    p = planner.plan("left eye winks right brow up")
    assert v(p, "BrowOuterUpRight") >= 0.3 and v(p, "EyeBlinkLeft") >= 0.5


# --- 'everything' moving is the whole face ----------------------------------------------------------------

def test_everything_scrunching_is_the_face_scrunching(planner):
    p = planner.plan("sour sweet: everything scrunches up")
    assert v(p, "EyeSquintLeft") >= 0.3 and v(p, "BrowDownLeft") >= 0.2


def test_everything_else_holding_is_still_a_hold(planner):
    p = planner.plan("the brows lift, everything else holds", previous=None)
    assert v(p, "BrowOuterUpLeft") >= 0.3
    assert v(p, "EyeSquintLeft") == 0


# --- fire in the eyes, steel in the jaw -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["she has fire in her eyes tonight", "steel in his jaw as he signs", "a look with steel in her gaze"])
def test_fire_or_steel_in_the_eyes_or_jaw_is_a_set_determined_face(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowDownLeft") >= 0.25 and v(p, "MouthPressLeft") >= 0.25


def test_a_real_fire_is_no_face(planner):
    assert v(planner.plan("the fire in the hearth crackles"), "BrowDownLeft") == 0


def test_plural_eyes_still_read_as_eyes(planner):
    assert v(planner.plan("eyes shut tight"), "EyeBlinkLeft") >= 0.8


# --- lips sucked in are pressed ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["she sucks her lips in", "lower lip rolled in, thinking"])
def test_lips_sucked_or_rolled_in_are_pressed_too(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.15 and v(p, "MouthPressRight") >= 0.15
    assert max(v(p, "MouthRollLower"), v(p, "MouthRollUpper")) >= 0.3


# --- a sinking heart ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["his heart sank at the score", "my heart drops when I see the bill"])
def test_a_sinking_heart_is_a_sad_face(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and v(p, "MouthFrownLeft") >= 0.2


def test_something_else_sinking_is_no_face(planner):
    assert v(planner.plan("the ship sank at dawn"), "MouthFrownLeft") == 0


# --- air sucked in: out of breath, or through the teeth ------------------------------------------------------

@pytest.mark.parametrize("text", ["after the stairs he is sucking wind", "gasping for air at the top"])
def test_sucking_or_gasping_for_air_opens_the_mouth(planner, text):
    assert v(planner.plan(text), "JawOpen") >= 0.15


def test_air_sucked_through_the_teeth_is_the_pained_hiss(planner):
    p = planner.plan("she sucks air through her teeth at the quote")
    assert v(p, "MouthStretchLeft") >= 0.3 and v(p, "EyeSquintLeft") >= 0.2
    assert v(p, "JawOpen") < 0.2


# --- British idioms of high spirits -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["the whole team is buzzing for Friday", "the puppy was full of beans this morning", "Nan was cock-a-hoop about the win"])
def test_high_spirits_idioms_are_a_happy_face(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.3


def test_a_buzzing_phone_is_no_face(planner):
    assert v(planner.plan("his phone buzzes on the desk"), "MouthSmileLeft") == 0


# --- 'cross' the adjective ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Dad looks cross", "she was cross with the dog", "as cross as a wet cat"])
def test_cross_after_a_linking_word_is_angry(planner, text):
    assert v(planner.plan(text), "BrowDownLeft") >= 0.3


@pytest.mark.parametrize("text", ["she is cross-eyed", "arms crossed, waiting"])
def test_crossed_arms_or_eyes_are_not_anger(planner, text):
    assert v(planner.plan(text), "BrowDownLeft") < 0.2


# --- held-in anger and a kept-straight face -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["she sits there simmering", "a smouldering look across the table"])
def test_held_in_anger_is_brows_down_and_lips_pressed(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowDownLeft") >= 0.25 and v(p, "MouthPressLeft") >= 0.25
    assert v(p, "MouthUpperUpLeft") < 0.1


@pytest.mark.parametrize("text", ["the usher stays po-faced", "stone-faced through the speech"])
def test_a_face_kept_straight_holds_the_lips_together(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.2 and v(p, "MouthSmileLeft") == 0


# --- 'to bits' intensifies ----------------------------------------------------------------------------------

def test_to_bits_after_a_feeling_is_completely_not_a_bit(planner):
    full = v(planner.plan("thrilled to bits"), "MouthSmileLeft")
    little = v(planner.plan("a bit thrilled"), "MouthSmileLeft")
    assert full >= 0.5 and little < full
