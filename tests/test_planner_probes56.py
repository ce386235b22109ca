"""Planner fixes of stop 56: a quoted word the face reacts to ("blinks at 'pass'", "at the word 'overtime'",
"listening to 'we need to talk'") is a cue, not a sound it makes; and a drawn-out "lmaooo" beside a described face is
the typist's laugh, as "lmao" already was. Each case is read by the real planner and its values asserted, with
controls where the same words keep their old reading. The sentences are written for these tests, not taken from the
corpus.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner
from kfstudio.generation.visemes import find_speech

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


@pytest.mark.parametrize("text", [
    "flinches at 'deadline'",
    "Her smile freezes at the word 'budget'.",
    "he goes pale at the name 'Margaret'",
    "stony face, listening to 'we have decided to go another way'",
    "Hearing 'you're hired', she just blinks.",
    "overhears 'that's the one who cried' and keeps stirring her coffee",
    "eyes narrow at the mention of 'refund'",
    "REACTS TO 'SURPRISE!' WITH A FLAT STARE",
])
def test_a_quoted_word_the_face_reacts_to_is_not_said(planner, text):
    assert find_speech(text) is None
    p = planner.plan(text)
    assert v(p, "JawOpen") <= 0.15 and v(p, "MouthFunnel") <= 0.05, text  # ("freezes" is a little startled: jaw 0.13)
    assert not any(line.startswith("sound ") for line in p.explanation), p.explanation


@pytest.mark.parametrize("text, viseme", [
    ("she mouths 'no' at him", "O"),
    ("he shouts 'stop' at the dog", "aa"),
    ("lips rounding on 'you'", "U"),
    ("jaw dropped on the 'ow'", "O"),
    ("'Who?' she whispers, glancing at the door", "U"),
    ("says 'wow' to the crowd", "U"),
])
def test_a_quoted_word_that_is_said_still_shapes_the_mouth(planner, text, viseme):
    shape = find_speech(text)
    assert shape is not None and shape.viseme == viseme, (text, shape)
    p = planner.plan(text)
    assert any(line.startswith("sound ") for line in p.explanation), p.explanation


@pytest.mark.parametrize("text", [
    "awkward smile and wave lmaooo",
    "couldnt keep a straight face, small smirk LMFAOOO",
])
def test_a_drawn_out_lmao_beside_a_face_is_the_typists(planner, text):
    p = planner.plan(text)
    assert v(p, "JawOpen") <= 0.1, (text, v(p, "JawOpen"))
    assert both(p, "MouthSmile") > 0.2


@pytest.mark.parametrize("text", ["lmaooo", "LMFAOOOO"])
def test_a_drawn_out_lmao_alone_is_still_a_laugh(planner, text):
    p = planner.plan(text)
    assert v(p, "JawOpen") >= 0.4 and both(p, "MouthSmile") >= 0.6, (text, p.explanation)


@pytest.mark.parametrize("text", ["wheezing, cant even breathe lmaooo", "im wheezing lol", "she wheezes so hard lol"])
def test_wheezing_beside_a_laugh_cue_is_laughter(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.6 and v(p, "JawOpen") >= 0.4, (text, p.explanation)


def test_wheezing_without_a_laugh_cue_is_not_laughter(planner):
    p = planner.plan("wheezing at the top of the stairs, mouth wide")
    assert both(p, "MouthSmile") <= 0.1


@pytest.mark.parametrize("text", ["a flat smile for the photographer", "tiny flat grin, eyes elsewhere", "a flat, polite smile",
                                  "she laughs flatly", "a dry half-smile"])
def test_a_flat_or_dry_smile_leaves_the_cheeks_out(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.1 and both(p, "CheekSquint") <= 0.1, (text, p.explanation)


def test_a_warm_smile_keeps_its_cheeks(planner):
    p = planner.plan("a broad warm smile")
    assert both(p, "CheekSquint") >= 0.2


@pytest.mark.parametrize("text", ["Warming up in the wings, she hums a scale.", "the choir warms up, lips together",
                                  "WARMING UP BEFORE THE RACE, JAW LOOSE"])
def test_warming_up_is_getting_ready_not_warmth(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") <= 0.05 and both(p, "CheekSquint") <= 0.05, (text, p.explanation)


@pytest.mark.parametrize("text", ["she warms up to him, a small smile", "his smile warms"])
def test_warming_to_someone_is_still_warmth(planner, text):
    assert both(planner.plan(text), "MouthSmile") >= 0.2


@pytest.mark.parametrize("text", ["a lip trill: 'brrrrr'", "'Brrr!' at the bus stop"])
def test_brrr_is_a_lip_trill(planner, text):
    shape = find_speech(text)
    assert shape is not None and shape.viseme == "PP", shape
    p = planner.plan(text)
    assert both(p, "MouthPress") >= 0.3 and v(p, "JawOpen") <= 0.15, p.explanation  # the lips together, not an open "ah"


def test_laffing_is_laughing(planner):
    p = planner.plan("laffing w head bak")
    assert both(p, "MouthSmile") >= 0.5 and v(p, "JawOpen") >= 0.3


@pytest.mark.parametrize("text", ["her look stopped under a raised right eyebrow", "his gaze stops on her, one brow raised"])
def test_a_look_that_stops_somewhere_does_not_undo_what_follows(planner, text):
    p = planner.plan(text)
    assert max(both(p, "BrowOuterUp"), v(p, "BrowInnerUp")) >= 0.3, (text, p.explanation)


def test_a_stopped_smile_is_still_gone(planner):
    assert both(planner.plan("she stopped smiling"), "MouthSmile") <= 0.05


@pytest.mark.parametrize("text", ["his eyes travel back up to her face", "eyes come back up to the man's face, brows level"])
def test_back_up_to_a_face_is_level(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookUp") <= 0.1 and abs(v(p, "LeftEyePitch")) <= 0.05, (text, p.explanation)


def test_back_up_to_the_ceiling_is_still_up(planner):
    assert both(planner.plan("eyes drift back up to the ceiling"), "EyeLookUp") >= 0.2


@pytest.mark.parametrize("text", ["smile with your eyes not your mouth", "she smiles with her eyes not her lips"])
def test_a_smile_with_the_eyes_not_the_mouth_leaves_the_mouth(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") <= 0.05 and both(p, "CheekSquint") >= 0.1, (text, p.explanation)


# boundaries a review found: each reads as it did before the stop's rules
@pytest.mark.parametrize("text", ["mouths along at 'amen', eyes down", "Her voice breaks at 'goodbye', eyes wet.",
                                  "she sings along and belts at 'FREE', eyes shut", "We hear 'mmhm' from her as she nods"])
def test_a_quote_voiced_in_its_own_clause_is_said(text):
    assert find_speech(text) is not None, text


def test_a_sound_verb_beside_a_heard_quote_still_sounds():
    shape = find_speech("Hearing 'Jingle Bells', she hums along, eyes closed")
    assert shape is not None and shape.viseme == "PP"


@pytest.mark.parametrize("text", ["bent over wheezing after the stairs lol", "her lips are dry smile anyway so happy",
                                  "her face warms up when he walks in", "she watches his eyes not his lips, grinning",
                                  "my tyre went flat haha huge genuine grin eyes crinkling"])
def test_the_boundaries_of_the_stops_rules(planner, text):
    p = planner.plan(text)
    if "stairs" in text:
        assert both(p, "MouthSmile") <= 0.05, p.explanation  # out of breath, not laughing
    else:
        assert both(p, "MouthSmile") >= 0.5 and (both(p, "CheekSquint") >= 0.3 or "lips" in text), (text, p.explanation)


def test_back_up_to_the_face_of_a_cliff_is_up(planner):
    assert both(planner.plan("glances down at the climb, then back up to the face of the cliff above"), "EyeLookUp") >= 0.2
