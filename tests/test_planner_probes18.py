"""Planner fixes from fresh probes and from the planner's dev misses after corpus round 9 (stop 29). Each
case is read by the real planner and its values asserted, with a control that the rule does not reach
too far.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner
from kfstudio.generation.visemes import find_speech

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ----------------------------------------------------------------------------- directions
@pytest.mark.parametrize("text, yaw, pitch", [("head turns left and up", -1, -1), ("chin goes right and down", 1, 1)])
def test_a_head_turned_to_a_side_and_up_or_down_does_both(planner, text, yaw, pitch):
    p = planner.plan(text)
    assert v(p, "HeadYaw") * yaw > 0.2 and v(p, "HeadPitch") * pitch > 0.2, p.explanation


def test_a_head_cocked_to_the_side_rolls_without_turning(planner):
    p = planner.plan("She cocks her head to the side, curious.")
    assert abs(v(p, "HeadRoll")) > 0.15 and v(p, "HeadYaw") == 0, p.explanation


@pytest.mark.parametrize("text", ["chin tilted back", "head drawn back", "He pulls his head back from the smell"])
def test_a_head_drawn_or_tilted_back_goes_back(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadPitch") < -0.1 and v(p, "HeadRoll") == 0, p.explanation


def test_a_nose_up_is_wrinkled_with_the_head_a_little_back(planner):
    p = planner.plan("nose up, face away")
    assert both(p, "NoseSneer") >= 0.4 and v(p, "HeadPitch") < -0.1, p.explanation


# ----------------------------------------------------------------------------- words of manner, not feeling
@pytest.mark.parametrize("text", ["He is typing furiously.", "She furiously scribbles notes."])
def test_working_furiously_is_focus_not_fury(planner, text):
    p = planner.plan(text)
    assert 0.2 <= both(p, "BrowDown") <= 0.5 and both(p, "NoseSneer") == 0 and both(p, "MouthUpperUp") == 0, p.explanation


def test_nodding_furiously_is_eager(planner):
    p = planner.plan("She nods furiously.")
    assert v(p, "HeadPitch") > 0.1 and both(p, "BrowDown") == 0, p.explanation


def test_a_glare_that_is_furious_stays_angry(planner):
    assert both(planner.plan("He glares furiously at her."), "BrowDown") >= 0.7


@pytest.mark.parametrize("text", ["grinning non-stop", "she laughs nonstop"])
def test_non_stop_is_no_stop(planner, text):
    assert both(planner.plan(text), "MouthSmile") >= 0.5


# ----------------------------------------------------------------------------- negation
def test_without_denies_what_follows_not_the_smile_before(planner):
    p = planner.plan("she smiles sort of without much behind it")
    assert both(p, "MouthSmile") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["Without turning, he checks the left edge of the room.", "her eyes fall closed, without squeezing"])
def test_without_a_movement_still_denies_it(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadYaw") == 0 and both(p, "EyeSquint") == 0, p.explanation


def test_a_double_negation_is_the_thing_itself(planner):
    assert both(planner.plan("not not smiling tiny smile tho"), "MouthSmile") >= 0.15


def test_what_is_excepted_from_a_denial_stays(planner):
    p = planner.plan("the queen receives the news without a flicker apart from one slow blink")
    assert both(p, "EyeBlink") >= 0.5, p.explanation


@pytest.mark.parametrize("text", ["a confident guide's smile under a lost worried brow", "She looks lost, brows up."])
def test_lost_as_an_adjective_denies_nothing(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3, p.explanation


def test_a_smile_that_is_lost_is_still_gone(planner):
    assert both(planner.plan("She has lost her smile."), "MouthSmile") == 0


@pytest.mark.parametrize("text", ["no cap she is smiling", "stop the cap, squinty eyes, half smirk"])
def test_no_cap_is_emphasis_not_a_denial(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") > 0.2, p.explanation


# ----------------------------------------------------------------------------- smiles and mouths
def test_a_side_named_twice_without_a_comma_keeps_each_verb(planner):
    p = planner.plan("crooked - l side smiles r side sags")
    assert v(p, "MouthSmileLeft") >= 0.3 and v(p, "MouthSmileRight") == 0, p.explanation


@pytest.mark.parametrize("text", ["showing all thirty-two, proper", "my cousin was showing all 32 teeth"])
def test_all_thirty_two_teeth_is_the_widest_grin(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.7 and both(p, "CheekSquint") >= 0.3, p.explanation


def test_an_age_is_no_grin(planner):
    assert both(planner.plan("She is 32 years old and smiles."), "MouthSmile") <= 0.6


@pytest.mark.parametrize("text", ["He presses his lips together over a grin.", "He clamps his lips over a laugh."])
def test_lips_pressed_on_a_smile_hold_it_back(planner, text):
    p = planner.plan(text)
    assert 0.15 <= both(p, "MouthSmile") <= 0.45 and both(p, "MouthPress") >= 0.2 and both(p, "MouthFrown") == 0, p.explanation
    assert v(p, "JawOpen") <= 0.05


@pytest.mark.parametrize("text", ["an open smile", "ciao bella, open smile"])
def test_an_open_smile_parts_the_lips(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.4 and v(p, "JawOpen") >= 0.15, p.explanation


@pytest.mark.parametrize("text", ["yada yada yada, mouth going, eyes up at the ceiling", "Lips moving on nothing, brows lifted"])
def test_a_mouth_going_is_talking(planner, text):
    p = planner.plan(text)
    assert v(p, "JawOpen") >= 0.15 and v(p, "MouthLeft") == 0, p.explanation


def test_a_mouth_moving_to_one_side_keeps_its_side(planner):
    p = planner.plan("mouth moving a little to one side")
    assert v(p, "MouthLeft") + v(p, "MouthRight") > 0.2 and v(p, "JawOpen") == 0, p.explanation


def test_gargling_opens_the_mouth_under_a_head_tipped_back(planner):
    p = planner.plan("He tips his head all the way back to gargle, eyes on the ceiling.")
    assert v(p, "JawOpen") >= 0.2 and v(p, "HeadPitch") < -0.1, p.explanation


# ----------------------------------------------------------------------------- brows, lids, eyes
@pytest.mark.parametrize("text, stem", [("his brows had come down", "BrowDown"), ("her brows slowly came down", "BrowDown"),
                                        ("He kept smiling, but his brows had come down.", "BrowDown")])
def test_a_movement_with_an_auxiliary_or_adverb_between_still_reaches_its_part(planner, text, stem):
    p = planner.plan(text)
    assert both(p, stem) >= 0.4, p.explanation


def test_brows_that_have_gone_up_are_raised_not_relaxed(planner):
    p = planner.plan("her brows have gone up")
    assert v(p, "BrowInnerUp") >= 0.4 and both(p, "BrowOuterUp") >= 0.4, p.explanation


def test_brows_locked_low_are_lowered_not_held_at_rest(planner):
    assert both(planner.plan("I remember his jaw: shoved forward, lips tight, brows locked low."), "BrowDown") >= 0.4
    assert both(planner.plan("brows locked, eyes wide"), "BrowDown") == 0


def test_the_worried_brow_of_a_meek_line_and_timid_words(planner):
    p = planner.plan("He's so meek he wouldn't say boo to a goose.")
    assert both(p, "EyeLookDown") > 0 or v(p, "HeadPitch") > 0, p.explanation


@pytest.mark.parametrize("text", ["Smile held, eyelids fluttering, brows knitting faintly.", "his eyes flutter"])
def test_fluttering_lids_drop_a_little(planner, text):
    p = planner.plan(text)
    assert 0.15 <= both(p, "EyeBlink") <= 0.5, p.explanation


def test_lids_half_down_are_half_closed_not_a_look_down(planner):
    p = planner.plan("he counts to ten lids half down gaze lifted")
    assert 0.3 <= both(p, "EyeBlink") <= 0.6 and v(p, "LeftEyePitch") < 0, p.explanation


@pytest.mark.parametrize("text", ["mad scientist face: bug eyes, manic grin", "organ-stop eyes bulging wide, brows hoisted to the hairline",
                                  "The smile stayed nailed in place, but the whites were showing all around his eyes."])
def test_bulging_eyes_and_showing_whites_are_wide(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeWide") >= 0.4, p.explanation


def test_a_plus_list_keeps_every_item_apart(planner):
    p = planner.plan("head tilt R + squint + mouth to the L, judging the canvas")
    assert both(p, "EyeSquint") >= 0.4 and v(p, "MouthLeft") >= 0.3 and both(p, "MouthPress") == 0, p.explanation
    joined = planner.plan("eyes + head up")
    assert v(joined, "HeadPitch") < -0.1 and v(joined, "LeftEyePitch") < -0.1


# ----------------------------------------------------------------------------- speech
@pytest.mark.parametrize("text", ["the captain's mouth falls open", "the harbourmaster's mouth falls open", "I mouth the words"])
def test_a_possessive_before_mouth_is_no_letter_shape(text):
    assert find_speech(text) is None


@pytest.mark.parametrize("text, phoneme", [("an O mouth", "O"), ("lips in an EE shape", "EE"), ("an s sound", "S")])
def test_a_letter_shape_named_is_still_read(text, phoneme):
    found = find_speech(text)
    assert found is not None and found.phoneme == phoneme


def test_a_possessive_mouth_falls_open_wide(planner):
    p = planner.plan("the harbourmaster's mouth falls open")
    assert v(p, "JawOpen") >= 0.25 and both(p, "MouthStretch") < 0.1, p.explanation


# ----------------------------------------------------------------------------- later additions
@pytest.mark.parametrize("text, side", [("lips pursed and pulled left", "Left"), ("pursed lips to the right", "Right"),
                                        ("mouth shoved over to her left", "Left"), ("mouth goes to the side like hmmm idk", "Left")])
def test_a_mouth_pushed_to_a_side_shifts_there(planner, text, side):
    p = planner.plan(text)
    assert v(p, f"Mouth{side}") >= 0.3, p.explanation


def test_a_pursed_mouth_pushed_to_a_side_stays_pursed(planner):
    assert v(planner.plan("pursed lips to the left"), "MouthPucker") >= 0.4


def test_pulled_back_lips_are_no_shift(planner):
    p = planner.plan("lips pulled back")
    assert v(p, "MouthLeft") == 0 and v(p, "MouthRight") == 0


@pytest.mark.parametrize("text", ["gaze fixed down on the notes", "she takes notes, eyes down"])
def test_notes_are_no_negation(planner, text):
    p = planner.plan(text)
    assert v(p, "LeftEyePitch") > 0.1, p.explanation


@pytest.mark.parametrize("text", ["eyes a bit down", "no tears, no frown. heavy lids, eyes a bit down, unfocused"])
def test_a_size_between_a_part_and_its_direction(planner, text):
    p = planner.plan(text)
    assert 0.05 < v(p, "LeftEyePitch") < 0.2, p.explanation


def test_a_mouth_like_a_cats_bum_is_pursed(planner):
    p = planner.plan("Mum's mouth went like a cat's bum the minute I mentioned the tattoo.")
    assert v(p, "MouthPucker") >= 0.3, p.explanation


def test_a_puffed_chest_puffs_no_cheeks(planner):
    p = planner.plan("He puffs his chest and smirks.")
    assert v(p, "CheekPuff") == 0 and both(p, "MouthSmile") > 0.2, p.explanation
    assert v(planner.plan("he puffs out his cheeks"), "CheekPuff") >= 0.5


def test_a_scoff_is_scornful(planner):
    p = planner.plan("She scoffs.")
    assert both(p, "MouthSmile") > 0.2 and both(p, "MouthDimple") > 0.2, p.explanation


@pytest.mark.parametrize("text", ["lips pressed and pulled thin", "lips pulled thin and wide, brows up"])
def test_lips_pulled_thin_are_stretched(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthStretch") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["grin → oh-no teeth-clench, wide eyes", "oh-no face", "uh oh"])
def test_oh_no_is_alarm_not_a_denial(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeWide") >= 0.3, p.explanation


def test_a_quoted_oh_no_is_speech(planner):
    p = planner.plan("she whispers 'oh no'")
    assert v(p, "JawOpen") >= 0.1 and both(p, "EyeWide") < 0.3, p.explanation


@pytest.mark.parametrize("text", ["lips rolled tightly inward", "🤐 not saying anything", "he zipped his lips"])
def test_lips_rolled_in_or_zipped(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthRollLower") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["the lower lip is caught under the teeth", "lower lip gnawed, inner brows lifted", "chewing her lip"])
def test_a_lower_lip_caught_or_chewed_is_bitten(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthRollLower") >= 0.3 and v(p, "MouthRollUpper") < 0.1, p.explanation


def test_eyes_named_for_their_lids_still_lead_the_turn(planner):
    p = planner.plan("head turned hard to his left, eyes squeezed half shut")
    assert v(p, "HeadYaw") < -0.2 and v(p, "LeftEyeYaw") < -0.1, p.explanation
    kept = planner.plan("head turns left, eyes on the door ahead")
    assert v(kept, "LeftEyeYaw") >= 0


@pytest.mark.parametrize("text", ["He strains against the stuck door.", "Straining.", "sheer exertion",
                                  "happy singing -> key change -> strain for the high note"])
def test_bodily_effort_screws_up_the_face_and_clamps_the_lips(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.4 and both(p, "BrowDown") >= 0.3 and both(p, "MouthPress") >= 0.3, p.explanation
    assert both(p, "MouthSmile") == 0


@pytest.mark.parametrize("text", ["eyes straining upward", "she strains to hear the whisper", "a strained smile",
                                  "toffee-stuck jaw: lips pressed, chewing strain, brows up"])
def test_straining_eyes_ears_or_a_strained_smile_are_no_effort(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") < 0.4 and both(p, "BrowDown") < 0.3, p.explanation


def test_eyes_gone_unfocused_are_not_denied(planner):
    p = planner.plan("when the dust clears his eyes have gone unfocused")
    assert both(p, "EyeBlink") >= 0.2, p.explanation
    assert both(planner.plan("the smile is gone"), "MouthSmile") == 0


# ----------------------------------------------------------------------------- rewrites leave the lexicon alone
#: Lexicon phrases the text's normalisation turns into other words on purpose (an idiom spelt out, a spelling, shorthand)
_PHRASES_REWRITTEN_ON_PURPOSE = {
    "butter would not melt", "inner corner of the brow", "outer corner of the brow", "ever so slightly", "ever so slight",
    "air in cheek", "air in the cheek", "air into cheek", "air into her cheek", "air into his cheek", "air into one cheek",
    "air into the cheek", "mad", "yuck", "smiley", "stage left", "stage right", "try hard not to", "try not to",
}


def test_the_text_rewrites_change_no_other_lexicon_phrase():
    """The lexicon's own phrases are read through the same normalisation as descriptions (``Lemmatizer.phrase``): a
    rewrite that changes one ("bug eyed" into "eyes bulging", "strain" into a face of effort) silently changes what
    the lexicon matches. Each rewrite must leave the other phrases as they are."""
    from kfstudio.generation.planner import lexicon as lx
    from kfstudio.generation.planner import text as t

    phrases = {p for table in (lx.EXPRESSION_WORDS, lx.PARTS, lx.ACTIONS, lx.INTENSITY, lx.SIDE_WORDS, lx.NEGATION_BEFORE,
                               lx.NEGATION_AFTER, lx.MORE, lx.LESS, lx.HOLD, lx.NEUTRAL_WORDS, lx.ONE_SIDED_WORDS, lx.BOTH_WORDS)
               for p in table}
    # (the whole normalisation a description goes through, every rewrite stage and table of it, not only the rewrites
    # of rounds 5, 6 and 15b: stop 43 found 'gulp in air' eaten by a rewrite and dead entries beside the rules that read them)
    changed = {p for p in phrases if " ".join(t.normalize(p).split()) != p.strip()}
    assert changed == _PHRASES_REWRITTEN_ON_PURPOSE


def test_a_terse_list_of_bare_movement_words(planner):
    p = planner.plan("Press, squint, flare.")
    assert both(p, "MouthPress") >= 0.3 and both(p, "EyeSquint") >= 0.4 and both(p, "NoseSneer") >= 0.15, p.explanation
    assert both(planner.plan("she presses the button"), "MouthPress") == 0


def test_words_said_through_the_teeth_are_said_clenched(planner):
    p = planner.plan("HELENA (sweetly, through her teeth) Of course I don't mind.")
    assert both(p, "MouthPress") >= 0.2 and both(p, "BrowDown") >= 0.15, p.explanation
    whistle = planner.plan("he whistles through his teeth")
    assert v(whistle, "MouthPucker") >= 0.4 and both(whistle, "MouthStretch") == 0


def test_sour_as_a_lemon_puckers(planner):
    p = planner.plan("Sour as a lemon, that face of his.")
    assert v(p, "MouthPucker") >= 0.3, p.explanation


@pytest.mark.parametrize("text, stem", [("her bottom lip trembled like a jelly that hadn't set", "MouthShrugLower"),
                                        ("he stares like a man who hasn't slept in days", "EyeWide")])
def test_a_denial_inside_a_simile_denies_nothing_of_the_face(planner, text, stem):
    p = planner.plan(text)
    assert (v(p, stem) if stem == "MouthShrugLower" else both(p, stem)) >= 0.15, p.explanation


@pytest.mark.parametrize("text, stem", [("I'm cream crackered.", "EyeBlink"), ("He's in a right strop.", "BrowDown"),
                                        ("She's a bit peaky.", "EyeBlink")])
def test_british_slang_for_tired_sulky_and_peaky(planner, text, stem):
    p = planner.plan(text)
    assert v(p, f"{stem}Left") > 0.1 and v(p, f"{stem}Left") == pytest.approx(v(p, f"{stem}Right")), p.explanation
