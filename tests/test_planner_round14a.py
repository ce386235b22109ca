"""Round 14a of the planner: figurative language, prose, subtext, bodily states and narrated changes.

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


# --- brows that hit the roof ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["the vicar's brows hit the roof", "her eyebrows hitting the roof at the price"])
def test_brows_that_hit_the_roof_go_up_as_far_as_they_go(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.85 and both(p, "BrowOuterUp") >= 0.85
    assert both(p, "BrowDown") == 0


def test_a_person_who_hits_the_roof_loses_their_temper(planner):
    p = planner.plan("Mum hit the roof when she found the dent")
    assert both(p, "BrowDown") >= 0.5 and v(p, "JawOpen") >= 0.3


# --- a put-on smile: stretched, flat, or of the mouth alone -----------------------------------------------

@pytest.mark.parametrize("text", [
    "a bright smile stretched across the host's face",
    "eyebrows up, a stretchy smile for the in-laws",
    "she gives the waiter a flat smile",
    "his grin stretches a little too wide",
])
def test_a_stretched_or_flat_smile_leaves_the_cheeks_out(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.3
    assert both(p, "CheekSquint") <= 0.1


@pytest.mark.parametrize("text", ["a stretched grin, eyes crinkling at the corners", "he laughs, grin stretched wide"])
def test_a_stretched_smile_with_crinkled_eyes_or_a_laugh_keeps_its_cheeks(planner, text):
    assert both(planner.plan(text), "CheekSquint") >= 0.2


@pytest.mark.parametrize("text", [
    "the android smiled with nothing above the mouth",
    "he smiles at the camera, mouth only",
    "she smiled; her eyes did not join in",
    "a smile that was all mouth",
])
def test_a_smile_of_the_mouth_alone_keeps_cheeks_and_lids_still(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.3
    assert both(p, "CheekSquint") <= 0.1 and both(p, "EyeSquint") <= 0.05


def test_a_plain_smile_still_lifts_the_cheeks(planner):
    assert both(planner.plan("she smiles at the waiter"), "CheekSquint") >= 0.2


# --- two verbs sharing one part ("raises and knits her brows") ---------------------------------------------

@pytest.mark.parametrize("text", ["he raises and knits his brows at the question", "she lifts and knits her eyebrows"])
def test_raised_and_knitted_brows_keep_the_raise(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.4 and both(p, "BrowDown") <= 0.3


def test_knitted_brows_alone_still_knit(planner):
    p = planner.plan("he knits his brows at the question")
    assert both(p, "BrowDown") >= 0.4


def test_a_first_verb_with_its_own_part_does_not_take_the_brows(planner):
    p = planner.plan("her lip curled back and her heavy brows came down")
    assert both(p, "BrowDown") >= 0.4 and v(p, "BrowInnerUp") <= 0.1


def test_a_grin_stretched_from_ear_to_ear_is_warm(planner):
    assert both(planner.plan("his grin stretched from ear to ear"), "CheekSquint") >= 0.2


# --- 'crushed' said of a face part is a movement, not the feeling --------------------------------------------

@pytest.mark.parametrize("text", ["the sergeant waited, brows crushed down", "her brows crushed together over the bill"])
def test_crushed_brows_are_lowered_not_sad(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowDown") >= 0.5 and v(p, "BrowInnerUp") <= 0.2
    assert both(p, "MouthFrown") == 0


def test_crushed_shut_eyes_are_squeezed(planner):
    p = planner.plan("eyes crushed shut against the spray")
    assert both(p, "EyeBlink") >= 0.7 and both(p, "EyeSquint") >= 0.4


def test_a_person_who_is_crushed_is_still_sad(planner):
    p = planner.plan("he looked crushed when the letter came")
    assert v(p, "BrowInnerUp") >= 0.4 and both(p, "MouthFrown") >= 0.3


# --- pain beside a one-sided wince shows mostly on that side; 'that side' after a one-sided movement -----------

def test_pain_beside_a_squeezed_eye_favours_that_side(planner):
    p = planner.plan("burnt by the kettle, he keeps chatting, right eye squeezed shut")
    assert v(p, "EyeSquintRight") - v(p, "EyeSquintLeft") >= 0.3
    assert v(p, "BrowDownRight") > v(p, "BrowDownLeft") > 0


def test_pain_with_no_side_stays_on_both(planner):
    p = planner.plan("burnt by the kettle, he winces")
    assert abs(v(p, "EyeSquintLeft") - v(p, "EyeSquintRight")) < 0.05


def test_that_side_after_a_one_sided_movement_is_its_side(planner):
    p = planner.plan("a one-sided grimace from the ulcer, the eye narrowing on that side")
    assert abs(v(p, "EyeSquintLeft") - v(p, "EyeSquintRight")) >= 0.2


# --- brows said to stay still: after 'but', with "won't move", with "keeps ... still" ---------------------------

@pytest.mark.parametrize("text", [
    "squinting into the sun, but the brows are not moving",
    "after the botox he won't move his brows; he narrows his eyes at the screen",
    "she squints but keeps her brows perfectly still",
])
def test_brows_said_to_stay_still_take_no_frown_from_a_squint(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.3
    assert both(p, "BrowDown") == 0 and v(p, "BrowInnerUp") == 0


def test_everything_but_the_brows_still_moves_the_brows(planner):
    p = planner.plan("everything but the brows stays still; brows up")
    assert v(p, "BrowInnerUp") >= 0.4


# --- a body part or a movement that hurts is pain; a laugh that hurts is hurt feelings -------------------------

@pytest.mark.parametrize("text", ["my wrist hurts", "bending it hurts, she grits her teeth", "chewing hurts"])
def test_a_body_part_or_movement_that_hurts_is_pain(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowDown") >= 0.15 and both(p, "EyeSquint") >= 0.15
    assert both(p, "MouthFrown") <= 0.1


@pytest.mark.parametrize("text", ["she looks hurt", "a joke that hurts, and you can see it hurt him"])
def test_hurt_feelings_stay_sad(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "BrowDown") <= 0.1


def test_smiling_so_hard_it_hurts_is_no_pain(planner):
    assert both(planner.plan("grinning so hard it hurts"), "BrowDown") <= 0.1


# --- more words that start the last beat of a narrated change ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "her gaping surprise fades a little before settling on a small closed smile",
    "his shocked gasp closes up into a tight little smile",
    "the belly laugh winds down into a small smile",
])
def test_the_last_beat_after_settling_closing_up_or_winding_down_is_the_keyframe(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.2
    assert v(p, "JawOpen") <= 0.1 and both(p, "EyeWide") <= 0.1


def test_after_that_starts_the_last_beat(planner):
    p = planner.plan("he gasps at the noise, and after that he frowns at the door")
    assert both(p, "BrowDown") >= 0.3 and both(p, "EyeWide") <= 0.1


def test_a_smile_settling_on_a_face_is_still_one_beat(planner):
    assert both(planner.plan("a smile settling on her face"), "MouthSmile") >= 0.2


# --- idioms of a feeling --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["after the night shift he looked like something the cat dragged in",
                                  "bog-eyed at the breakfast table", "bags under her eyes from the exams"])
def test_idioms_of_being_worn_out_lower_the_lids(planner, text):
    assert both(planner.plan(text), "EyeBlink") >= 0.25


@pytest.mark.parametrize("text", ["he looked as though someone had run over his dog",
                                  "a face like she'd lost a pound and found a penny",
                                  "the look of a girl whose dog just died"])
def test_idioms_of_glumness_are_sad(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "MouthFrown") >= 0.2


def test_rolling_in_the_aisles_is_laughter(planner):
    p = planner.plan("the whole pub was rolling in the aisles")
    assert both(p, "MouthSmile") >= 0.5 and v(p, "JawOpen") >= 0.3


@pytest.mark.parametrize("text", ["getting an answer out of him was like pulling teeth", "a pained, constipated face"])
def test_a_strained_face_is_a_grimace(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthStretch") >= 0.3 and both(p, "BrowDown") >= 0.15


# --- brows that meet, a line between the brows; a held breath ------------------------------------------------

@pytest.mark.parametrize("text", ["his brows met over the invoice", "a deep line between her brows",
                                  "her eyebrows meet in the middle as she reads"])
def test_brows_that_meet_or_show_a_line_between_them_are_knitted(planner, text):
    assert both(planner.plan(text), "BrowDown") >= 0.3


def test_a_meeting_is_no_brow_movement(planner):
    p = planner.plan("at the team meeting his eyebrows went up")
    assert both(p, "BrowDown") == 0 and v(p, "BrowInnerUp") >= 0.4


@pytest.mark.parametrize("text", ["she holds her breath as the lid opens", "breath held, waiting for the verdict"])
def test_a_held_breath_presses_the_lips(planner, text):
    assert both(planner.plan(text), "MouthPress") >= 0.2


def test_a_worry_line_is_the_worry_not_a_knit(planner):
    p = planner.plan("a faint worry line between the brows")
    assert v(p, "BrowInnerUp") >= 0.1 and both(p, "BrowDown") <= 0.1


# --- not looking up from something: the eyes stay down on it ---------------------------------------------------

@pytest.mark.parametrize("text", ["he answers without looking up from the crossword", "she doesn't look up from her knitting",
                                  "he won't lift his eyes from the ledger"])
def test_not_looking_up_keeps_the_eyes_down(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookDown") >= 0.2 and both(p, "EyeLookUp") == 0


def test_looking_up_still_looks_up(planner):
    assert both(planner.plan("she looks up from the crossword"), "EyeLookUp") >= 0.2


# --- crinkled or creased eyes are crow's feet, not a frown --------------------------------------------------------

@pytest.mark.parametrize("text", ["a slow grin, crinkling the eyes", "eyes creased at the corners, mouth still",
                                  "her eyes crinkle as the joke lands"])
def test_crinkled_eyes_raise_the_cheeks_without_lowering_the_brows(planner, text):
    p = planner.plan(text)
    assert both(p, "CheekSquint") >= 0.3 and both(p, "BrowDown") == 0


@pytest.mark.parametrize("text", ["a crease between her brows", "his nose crinkles at the smell"])
def test_a_crease_or_crinkle_elsewhere_is_still_a_knit(planner, text):
    p = planner.plan(text)
    assert max(both(p, "BrowDown"), both(p, "NoseSneer")) >= 0.3


# --- out of breath ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["at the top of the hill she can't breathe", "winded after the sprint"])
def test_not_being_able_to_breathe_or_winded_is_out_of_breath(planner, text):
    p = planner.plan(text)
    assert v(p, "JawOpen") >= 0.3 and v(p, "BrowInnerUp") >= 0.2


def test_long_winded_is_no_breathlessness(planner):
    assert v(planner.plan("a long-winded speech"), "JawOpen") == 0


# --- a smile or laugh kept in by what the face does; cheeks that give it away ----------------------------------

@pytest.mark.parametrize("text", ["lips pressed hard against a laugh", "she bites her lip so she won't laugh",
                                  "lips rolled in to keep from giggling", "he purses his lips to kill the grin"])
def test_a_laugh_kept_in_keeps_the_mouth_shut(planner, text):
    p = planner.plan(text)
    assert v(p, "JawOpen") <= 0.1 and both(p, "MouthSmile") <= 0.35
    assert max(both(p, "MouthPress"), v(p, "MouthRollLower")) >= 0.2


def test_a_plain_laugh_still_opens_the_mouth(planner):
    assert v(planner.plan("she laughs at the joke"), "JawOpen") >= 0.3


def test_cheeks_that_give_a_held_back_smile_away_show_it(planner):
    held = planner.plan("trying hard not to smile")
    shown = planner.plan("trying hard not to smile, but her cheeks give her away")
    assert both(shown, "CheekSquint") >= 0.2 > both(held, "CheekSquint")


# --- "only the mouth moves" says which part moves, not that it shifts sideways -----------------------------------

@pytest.mark.parametrize("text", ["only the mouth moves: a small closed smile", "ONLY THE LIPS MOVE, pressing together",
                                  "only his jaw moves, dropping open a little", "nothing moves but her lips, which purse"])
def test_only_the_mouth_moving_is_no_sideways_shift(planner, text):
    p = planner.plan(text)
    assert max(v(p, "MouthLeft"), v(p, "MouthRight"), v(p, "JawLeft"), v(p, "JawRight")) < 0.05


def test_a_mouth_moving_to_a_side_still_shifts(planner):
    assert v(planner.plan("her mouth moves to the left"), "MouthLeft") >= 0.3


# --- watering or streaming eyes squint against it; misty eyes of feeling do not -----------------------------------

@pytest.mark.parametrize("text", ["the chilli hits: eyes streaming", "chopping onions, her eyes are watering"])
def test_watering_or_streaming_eyes_squint(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.25 and both(p, "EyeBlink") >= 0.1


def test_misty_eyes_of_feeling_lift_the_inner_brows_more_than_they_squint(planner):
    p = planner.plan("misty-eyed at the old photo")
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "EyeSquint") < 0.25


# --- eyes pinched or gone thin are narrowed ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["eyes pinched against the smoke", "he stares, eyes gone thin"])
def test_pinched_or_thin_eyes_narrow(planner, text):
    assert both(planner.plan(text), "EyeSquint") >= 0.25
