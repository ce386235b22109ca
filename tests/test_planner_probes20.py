"""Planner fixes from fresh probes (stop 31): a line typed without punctuation is read clause by clause.
Each case is read by the real planner and its values asserted, with controls that the rule does not split a
part from the words that describe it or from its verb. The sentences are written for these tests, not taken
from the corpus.
"""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner
from kfstudio.generation.semantic.layer import Reading, combine
from kfstudio.generation.planner.text import tokenize

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ----------------------------------------------------------------------------- run-on lines
@pytest.mark.parametrize("text, want", [
    ("huge toothy grin eyes crinkled", "huge toothy grin , eyes crinkled"),
    ("mouth wide open gulping air lids heavy brows tipped up", "mouth wide open gulping air , lids heavy , brows tipped up"),
    ("lips pressed brows down", "lips pressed , brows down"),
])
def test_a_line_without_punctuation_breaks_before_a_part_that_starts_a_clause(text, want):
    assert " ".join(tokenize(text, run_on=True)) == want


@pytest.mark.parametrize("text", [
    "she rolls her eyes at him",          # the part after its verb and possessive
    "smiling eyes crinkled",              # a participle that describes the part
    "wide eyes locked straight ahead",    # an adjective that describes the part
    "a firm mouth and a knotted brow raised",
])
def test_a_part_stays_with_the_words_that_describe_it(text):
    assert "," not in tokenize(text, run_on=True)


def test_a_punctuated_line_is_read_as_written():
    assert tokenize("grin. eyes crinkled lips pressed", run_on=True) == ["grin", ".", "eyes", "crinkled", "lips", "pressed"]


def test_a_lexicon_phrase_is_never_split():
    assert tokenize("cry eyes out") == ["cry", "eyes", "out"]  # the lexicon's "cry one's eyes out"
    assert tokenize("cry eyes out", run_on=True) == ["cry", ",", "eyes", "out"]  # as a description it would be


def test_a_run_on_line_moves_each_part_as_its_own_clause_says(planner):
    p = planner.plan("she hops off the treadmill mouth wide open gulping air lids heavy brows tipped up")
    assert v(p, "JawOpen") >= 0.3, p.explanation
    assert both(p, "EyeBlink") >= 0.2, p.explanation     # the lids are heavy, not the mouth
    assert v(p, "BrowInnerUp") >= 0.15, p.explanation
    p = planner.plan("crying no lips pressed together brows level")
    assert both(p, "MouthPress") >= 0.2, p.explanation


# ----------------------------------------------------------------------------- misspellings inside phrases
@pytest.mark.parametrize("text, typed, meant", [
    ("smiel with teh eyes only", "smiel", "smile"),
    ("He's not so much lughing as wheezing", "lughing", "laughing"),    # the inflection kept
    ("cornesr wrenched down", "cornesr", "corners"),                   # a swap keeps every typed letter
    ("LOKS UP", "LOKS", "LOOKS"),                                      # capitals kept
])
def test_a_misspelt_word_is_written_as_meant_before_any_rule_reads_it(planner, text, typed, meant):
    fixed, fixes = planner._lemmatizer.spelling_fixed(text)
    assert (typed, meant.lower()) in fixes and meant in fixed


@pytest.mark.parametrize("text", ["she hums a long 'mmmm'", "jawL .3 / mouthL .25", "eyez wide", "lol she smiles"])
def test_speech_rig_names_and_shorthand_are_left_as_typed(planner, text):
    assert planner._lemmatizer.spelling_fixed(text) == (text, [])


def test_a_phrase_rule_reads_a_misspelt_phrase(planner):
    # "smile with the eyes only" is the smile in the eyes: the cheeks lift and the mouth stays still
    p = planner.plan("smiel with teh eyes only")
    assert both(p, "CheekSquint") >= 0.2 and both(p, "MouthSmile") == 0, p.explanation
    assert any("'smiel' read as 'smile'" in line for line in p.explanation)
    p = planner.plan("the kid hates the broccoli, he push the tongue out and colse the eyes")
    assert both(p, "EyeBlink") >= 0.5 and v(p, "TongueOut") >= 0.3, p.explanation


@pytest.mark.parametrize("typed, meant", [("waches", ""), ("smiile", "smile"), ("brrows", "brow"), ("faades", "fade")])
def test_a_typed_letter_is_dropped_only_when_no_word_needs_one_put_back(planner, typed, meant):
    # "waches" is "watches" (a letter left out), not "aches"; a doubled letter is still typed twice by mistake
    assert planner._lemmatizer.correct(typed) == meant


# ----------------------------------------------------------------------------- "than ever", "never seen him happier"
@pytest.mark.parametrize("text, stem, plain", [
    ("angrier than I've ever seen him", "BrowDown", "angry"),
    ("happier than ever", "MouthSmile", "happy"),
    ("never seen him happier", "MouthSmile", "happy"),
    ("I've never seen him laugh so hard", "MouthSmile", "he laughs"),
    ("I have never seen her smile like that", "MouthSmile", "she smiles"),
])
def test_a_feeling_beyond_any_seen_before_is_at_its_most(planner, text, stem, plain):
    assert both(planner.plan(text), stem) > both(planner.plan(plain), stem) > 0


@pytest.mark.parametrize("text", ["she had never seen him cry", "he watches her laugh"])
def test_someone_elses_expression_is_still_not_the_subjects(planner, text):
    assert not planner.plan(text).values.any()


# ----------------------------------------------------------------------------- one part easing into a state
def test_one_part_easing_into_a_state_keeps_what_the_line_said_before_it(planner):
    p = planner.plan("The gaze drifts downward and to the left, the eyelids lower halfway, and the corners of the mouth "
                     "relax into a neutral, contemplative expression.")
    assert both(p, "EyeLookDown") >= 0.15 and v(p, "LeftEyeYaw") < -0.1, p.explanation
    assert both(p, "EyeBlink") >= 0.3, p.explanation


def test_a_face_easing_into_a_state_is_still_a_later_beat(planner):
    p = planner.plan("She grins wide, then her mouth relaxes into a small smile.")
    assert 0 < both(p, "MouthSmile") < 0.5 and p.beats, p.explanation
    p = planner.plan("Her scowl relaxes into a smile.")
    assert both(p, "MouthSmile") >= 0.3 and both(p, "BrowDown") < 0.1, p.explanation


# ----------------------------------------------------------------------------- a size between a verb and its direction
@pytest.mark.parametrize("text, name, sign", [
    ("his head tilts slightly back", "HeadPitch", -1),   # the head tipped back, not rolled
    ("her eyes drift a little down", "LeftEyePitch", 1),  # a look down, not to the side
])
def test_a_size_between_a_verb_and_its_direction_keeps_them_together(planner, text, name, sign):
    p = planner.plan(text)
    assert sign * v(p, name) > 0.05 and v(p, "HeadRoll") == 0 and v(p, "LeftEyeYaw") == 0, p.explanation


# ----------------------------------------------------------------------------- the other side, one eye named after
@pytest.mark.parametrize("text", [
    "He squints his left eye and raises the other eyebrow.",
    "He squints one eye, the left, and raises the opposite eyebrow.",
])
def test_the_other_eyebrow_is_the_side_not_named_before_and_no_look(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeSquintLeft") >= 0.3 and v(p, "EyeSquintRight") < 0.1, p.explanation
    assert v(p, "BrowOuterUpRight") >= 0.3 and v(p, "BrowOuterUpLeft") < 0.1, p.explanation
    assert v(p, "LeftEyeYaw") == 0 and v(p, "LeftEyePitch") == 0, p.explanation  # no look left, no look up


def test_a_part_behind_an_and_still_takes_its_own_movement(planner):
    p = planner.plan("eyes blinking and narrowed behind the fog, eyebrows raised")
    assert both(p, "EyeSquint") >= 0.2 and both(p, "BrowOuterUp") >= 0.2, p.explanation


@pytest.mark.parametrize("word", ["absolutely", "incredibly", "terribly"])
def test_an_intensifier_of_a_feeling_is_read_as_one(planner, word):
    p = planner.plan(f"{word} sad")
    assert any(line.startswith(f"'{word}' x") for line in p.explanation), p.explanation
    assert v(p, "BrowInnerUp") > v(planner.plan("sad"), "BrowInnerUp")


def test_a_line_that_narrates_a_change_keeps_the_level_of_its_last_beat(planner):
    # the learned layer reads "mildly" in the first beat as a weaker line; the planner read the last beat's level
    text = "a slow burn: starts mildly irritated, ends livid"
    plan = planner.plan(text)
    assert plan.beats
    reading = Reading(np.zeros(ch.NUM_CHANNELS), 0.7, "a line", np.zeros(ch.NUM_CHANNELS), intensity=np.log(0.5),
                      description=text)
    res = combine(plan, reading, {"intensity": 0.05})
    assert res.values[ch.channel_index("BrowDownLeft")] == pytest.approx(v(plan, "BrowDownLeft"))


# ----------------------------------------------------------------------------- bad smells, dirty looks
@pytest.mark.parametrize("text", ["she catches a whiff of the bins", "the stench hits her", "it reeks in here"])
def test_a_bad_smell_wrinkles_the_nose(planner, text):
    p = planner.plan(text)
    assert both(p, "NoseSneer") >= 0.4 and both(p, "MouthSmile") == 0, p.explanation


@pytest.mark.parametrize("text", ["a whiff of her perfume", "he stinks at poker", "eyes like ping-pong balls"])
def test_a_smell_word_that_is_no_bad_smell_wrinkles_nothing(planner, text):
    assert both(planner.plan(text), "NoseSneer") == 0


@pytest.mark.parametrize("text", ["she shoots him a dirty look", "gives him the stink-eye"])
def test_a_dirty_look_is_a_glare(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowDown") >= 0.3 and both(p, "EyeSquint") >= 0.3 and both(p, "NoseSneer") == 0, p.explanation


# ----------------------------------------------------------------------------- puckering up, trying and failing, from X to Y
def test_puckering_up_is_the_lips_and_brows_that_pucker_up_still_knit(planner):
    assert v(planner.plan("she puckers up"), "MouthPucker") >= 0.4
    p = planner.plan("her brows pucker up")
    assert both(p, "BrowDown") >= 0.4 and v(p, "MouthPucker") == 0, p.explanation


@pytest.mark.parametrize("text", ["tries to frown but can't stop grinning", "she tries to look stern but can't help smiling"])
def test_what_cannot_be_stopped_wins_over_what_is_tried(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.4 and both(p, "MouthFrown") == 0 and both(p, "BrowDown") == 0, p.explanation


def test_from_one_expression_to_another_ends_in_the_second(planner):
    p = planner.plan("From a smirk to a full belly laugh")
    assert p.beats and v(p, "JawOpen") >= 0.5 and both(p, "MouthDimple") == 0, p.explanation
    assert both(planner.plan("grinning from ear to ear"), "MouthSmile") >= 0.8  # no change
