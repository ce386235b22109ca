"""Planner fixes of stop 53: a line that lists looks without commas, each word before its part ("pressed lips wide
eyes", "droopy lids big frown"), reads each word with the part it stands before, not with the part before it (which
had made "lids .. big" wide eyes and "lips .. wide" parted lips). Each case is read by the real planner and its values
asserted, with controls whose words come after their parts. The sentences are written for these tests, not taken
from the corpus.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


@pytest.mark.parametrize("text", ["grumpy toddler droopy lids big frown", "monday morning heavy lids huge frown",
                                  "DROOPY LIDS BIG FROWN"])
def test_a_size_before_the_next_look_is_not_the_lids_opening_wide(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeWide") < 0.05, p.explanation
    assert both(p, "EyeBlink") > 0.3, p.explanation
    assert both(p, "MouthFrown") > 0.5, p.explanation


@pytest.mark.parametrize("text", ["holding it together pressed lips wide eyes", "clenched jaw wide eyes",
                                  "pursed lips wide eyes tiny smile"])
def test_a_word_between_two_parts_goes_with_the_part_it_stands_before(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeWide") > 0.5, p.explanation
    assert both(p, "MouthLowerDown") < 0.1, p.explanation  # the lips are not parted by the "wide"


def test_sad_brows_pressed_mouth(planner):
    p = planner.plan("bad news sad brows pressed mouth")
    assert both(p, "MouthPress") > 0.2, p.explanation
    assert both(p, "BrowDown") < 0.15, p.explanation  # "brows pressed" is no knit


@pytest.mark.parametrize(("text", "channel", "low"), [
    ("lips pressed eyes wide", "EyeWide", 0.5),  # each word after its part
    ("a hard swallow lips pressed chin tucks", "MouthPress", 0.2),
    ("brows knit lips pressed", "MouthPress", 0.2),
])
def test_words_after_their_parts_keep_their_reading(planner, text, channel, low):
    p = planner.plan(text)
    assert both(p, channel) > low, p.explanation


# ------------------------------------------------------------------------------------- "nothing else moves"
@pytest.mark.parametrize("text", ["A hiccup: her brows jump, nothing else moves.", "hiccup!! brows jump. nothing else",
                                  "He hiccups; only his brows jump and the rest of his face stays still."])
def test_nothing_else_leaves_a_words_template_out_of_the_regions_not_named(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowOuterUp") > 0.3, p.explanation  # the brows named move
    assert both(p, "EyeWide") < 0.05 and v(p, "JawOpen") < 0.05, p.explanation  # the hiccup's eyes and jaw do not


def test_nothing_else_keeps_what_a_named_part_moves_and_drops_what_it_brings(planner):
    p = planner.plan("Her eyes go wide and nothing else moves.")
    assert both(p, "EyeWide") > 0.3, p.explanation
    assert both(p, "BrowOuterUp") < 0.05 and v(p, "BrowInnerUp") < 0.05, p.explanation  # no brows come with them
    p = planner.plan("nose wrinkles on the left side, nothing else")
    assert v(p, "NoseSneerLeft") > 0.3 and v(p, "MouthUpperUpLeft") > 0.05, p.explanation  # the lip comes with the nose
    assert v(p, "EyeSquintLeft") < 0.05, p.explanation


def test_nothing_else_with_a_look_and_a_mouth_keeps_both(planner):
    p = planner.plan("A sideways look to his right; nothing else moves but a pressed mouth.")
    assert both(p, "MouthPress") > 0.2, p.explanation
    assert abs(v(p, "RightEyeYaw")) > 0.2, p.explanation


def test_nothing_else_with_a_blink_word_leaves_the_feeling_out(planner):
    p = planner.plan("Two slow, stunned blinks; nothing else on her face moved.")
    assert both(p, "EyeBlink") > 0.5, p.explanation
    assert both(p, "BrowOuterUp") < 0.05 and v(p, "JawOpen") < 0.05, p.explanation


@pytest.mark.parametrize("text", ["He hiccups. Nothing else matters to him now.", "He hiccups and has nothing else to say."])
def test_nothing_else_that_is_not_about_the_face_changes_nothing(planner, text):
    p = planner.plan(text)
    assert not any("nothing else moves" in line for line in p.explanation), p.explanation
    assert both(p, "EyeWide") > 0.1, p.explanation  # the hiccup keeps its whole look


# ------------------------------------------------------------------------------- heaven, ceiling, a heaved sigh
@pytest.mark.parametrize("text", ["eyes cast up to heaven", "she looks to heaven for patience", "EYES TO HEAVEN"])
def test_heaven_is_up_not_a_retch(planner, text):
    p = planner.plan(text)
    assert v(p, "LeftEyePitch") < -0.15 and v(p, "RightEyePitch") < -0.15, p.explanation  # the look goes up
    assert both(p, "NoseSneer") < 0.05 and v(p, "JawOpen") < 0.05, p.explanation  # no gag ("heave")


@pytest.mark.parametrize("text", ["He presses his lips and looks up at the ceiling.", "lips pressed and eyes up on the rafters"])
def test_a_place_above_takes_the_look_up_not_the_mouth_corners(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") < 0.05, p.explanation
    assert both(p, "MouthPress") > 0.2 and v(p, "LeftEyePitch") < -0.15, p.explanation


@pytest.mark.parametrize("text", ["brows to the ceiling", "EYEBROWS AT THE CEILING, mouth open"])
def test_brows_to_the_ceiling_still_go_up(planner, text):
    assert both(planner.plan(text), "BrowOuterUp") > 0.4


@pytest.mark.parametrize("text", ["He heaves a heavy sigh.", "she heaves a big sigh and smiles", "He heaves a long sigh."])
def test_a_heaved_sigh_of_any_size_is_a_sigh(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthFunnel") > 0.1 and both(p, "NoseSneer") < 0.05, p.explanation


def test_a_retch_stays_a_retch(planner):
    assert both(planner.plan("He dry heaves over the sink."), "NoseSneer") > 0.2


@pytest.mark.parametrize("text", ["She says nothing else, just smiles warmly.", "nothing else, thanks. he grins",
                                  "Nothing else at all, she said, smiling.",
                                  "her brows knit but the rest of her face stays cheerful and she smiles",
                                  # what a verb takes, or a verb moving something else, is no stillness either
                                  "She smiles and says nothing else.", "He smiles warmly, wanting nothing else.",
                                  "Nothing else moves him like music; he smiles broadly.",
                                  "He smiles, nothing else changed in the room.",
                                  "He wants nothing else, not even cake. He beams."])
def test_nothing_else_said_of_words_or_of_a_feeling_held_leaves_the_smile(planner, text):
    p = planner.plan(text)
    assert not any("nothing else moves" in line for line in p.explanation), p.explanation
    assert both(p, "CheekSquint") > 0.1, p.explanation


def test_nothing_else_leaves_the_head_where_an_earlier_beat_turned_it(planner):
    p = planner.plan("He turns his head left, then his eyes widen, nothing else moves.")
    assert abs(v(p, "HeadYaw")) > 0.1, p.explanation
    assert both(p, "EyeWide") > 0.3 and both(p, "BrowOuterUp") < 0.05, p.explanation


def test_nothing_else_keeps_what_defines_a_named_look(planner):
    p = planner.plan("He sneers; nothing else moves.")
    assert both(p, "NoseSneer") > 0.3, p.explanation
    p = planner.plan("top lip pouts up, nothing else")
    assert v(p, "BrowInnerUp") < 0.05, p.explanation  # a pout's brows are its colour, not the pout


