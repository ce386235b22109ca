"""Speech and sound shapes (kfstudio.generation.visemes) and how the planner shows them."""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.generation import visemes as vz
from kfstudio.generation.planner import EmbeddedPlanner


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


def v(values, name: str) -> float:
    return float(values[ch.channel_index(name)])


@pytest.mark.parametrize("text, viseme", [
    ("She mouths 'no' at him.", "O"),
    ("A long 'mmm' of approval.", "PP"),
    ("He goes 'shh'.", "CH"),
    ("'Please,' she begs.", "I"),
    ("She mouths 'why?' at him.", "U"),  # the rounded onset is the most visible shape
    ("Her lips meet for the 'm' in 'mother'.", "PP"),  # a named letter wins over the word
    ("'Stop.' The final P seals his lips.", "PP"),
    ("'Say aah,' says the dentist.", "aa"),
    ("'Boo!' he yells.", "U"),
    ("'Psst,' she whispers.", "SS"),
    ("'fff-' he starts to swear.", "FF"),
    ("The tongue shows on the 'th' of 'think'.", "TH"),
    ("She hums to herself.", "PP"),
    ("'Hey!' he calls.", "E"),
])
def test_characteristic_viseme(text, viseme):
    shape = vz.find_speech(text)
    assert shape is not None and shape.viseme == viseme, shape


def test_no_speech_without_a_sound():
    assert vz.find_speech("She's smiling at the kids' drawings.") is None
    assert vz.find_speech("He frowns.") is None


def test_loud_and_mouthed_scale_the_shape():
    loud, soft = vz.find_speech("'NO!' he shouts."), vz.find_speech("She mouths 'no'.")
    assert loud.viseme == soft.viseme == "O" and loud.scale > 1.0 > soft.scale
    assert v(vz.shape_values(loud), "JawOpen") > v(vz.shape_values(soft), "JawOpen")


def test_every_phoneme_has_a_viseme_with_a_shape():
    assert set(vz.PHONEME_VISEME.values()) <= set(vz.VISEMES) == set(vz.VISEME_SHAPES)
    for name in vz.VISEMES:
        vals = vz.shape_values(vz.SpeechShape(name, name, name, 1.0, "test"))
        assert np.all(vals >= ch.LOWER) and np.all(vals <= ch.UPPER)
        assert v(vals, "MouthClose") <= v(vals, "JawOpen") + 1e-9


def test_pronunciation_dictionary_and_letter_rule_fallback(monkeypatch):
    vz.pronounce.cache_clear()
    if vz.dictionary_available():
        phones, source = vz.pronounce("please")
        assert source == "dictionary" and phones == ("P", "L", "IY1", "Z")
    # Without the package the letter rules still give a stressed vowel.
    monkeypatch.setattr(vz, "_dictionary_text", lambda: None)
    vz.pronounce.cache_clear()
    try:
        phones, source = vz.pronounce("moon")
        assert source == "letter rules" and phones == ("M", "UW1", "N")
        assert vz.word_viseme("moon")[0] == "U"
        assert vz.word_viseme("cheese")[0] == "I"
    finally:
        vz.pronounce.cache_clear()


def test_planner_shows_the_sound_and_keeps_the_expression_around_it(planner):
    no = planner.plan("She mouths 'no' at him across the room.")
    assert v(no.values, "MouthFunnel") >= 0.3 and v(no.values, "JawOpen") >= 0.2
    assert no.found_movement and "mouth" in no.understood
    assert any("viseme O" in line for line in no.explanation)

    mmm = planner.plan("A long 'mmm' of approval as he tastes the sauce.")
    assert v(mmm.values, "MouthPressLeft") >= 0.3 and v(mmm.values, "JawOpen") <= 0.15
    assert v(mmm.values, "MouthClose") <= v(mmm.values, "JawOpen")

    shh = planner.plan("He goes 'shh', brows knitted.")
    assert v(shh.values, "MouthFunnel") >= 0.3 and v(shh.values, "MouthPucker") >= 0.25
    assert v(shh.values, "BrowDownLeft") >= 0.2  # the brows keep the expression


def test_quoted_words_are_said_not_directions(planner):
    said = planner.plan("'Stop smiling,' she says, grinning.")
    assert v(said.values, "MouthSmileLeft") >= 0.2  # 'stop' is inside the quote: not a negation
    plain = planner.plan("She stops smiling.")
    assert v(plain.values, "MouthSmileLeft") < 0.05


def test_rounded_sound_reduces_a_wide_smile():
    smile = ch.NEUTRAL.copy()
    smile[ch.channel_index("MouthSmileLeft")] = smile[ch.channel_index("MouthSmileRight")] = 0.8
    out = vz.blend(smile, vz.find_speech("'Ooh!'"))
    assert v(out, "MouthSmileLeft") == pytest.approx(0.4) and v(out, "MouthPucker") > 0.4
    closed = vz.blend(np.where(np.arange(61) == ch.channel_index("JawOpen"), 0.7, 0.0), vz.find_speech("'mmm'"))
    assert v(closed, "JawOpen") <= 0.2 and v(closed, "MouthPressLeft") >= 0.4


def test_interjections_colour_the_face_around_the_sound(planner):
    ew = planner.plan("An 'ew' face at the mouldy sandwich.")
    assert v(ew.values, "NoseSneerLeft") >= 0.2 and v(ew.values, "MouthFunnel") >= 0.2  # disgust around an 'ew' mouth
    assert vz.interjection_words("'Aww,' she coos.") == "tender"
    assert vz.interjection_words("'Stop!' he says.") == ""


def test_a_word_mouthed_without_quotes_is_read():
    shape = vz.find_speech("(mouthing sorry)")
    assert shape is not None and shape.text == "sorry" and shape.scale < 1.0
    shape = vz.find_speech("he mouths NO without making a sound")
    assert shape is not None and shape.viseme == "O" and shape.scale < 1.0  # capitals name the word, not a shout
    assert vz.find_speech("she mouths the words to the song") is None
    assert vz.find_speech("mouths something to him") is None


def test_planner_gives_a_mouthed_word_its_shape():
    from kfstudio.generation.planner import EmbeddedPlanner

    values = EmbeddedPlanner().plan("(mouthing sorry)").values
    assert values[ch.channel_index("JawOpen")] >= 0.15


def test_a_shouted_w_word_keeps_its_rounding_before_a_closer_vowel():
    assert vz.find_speech("He shouts 'wait' after the bus.").viseme == "U"
    assert vz.find_speech("'WHAT?!' he shouts").viseme == "aa"  # an open vowel shows when shouted
    values = EmbeddedPlanner().plan("He shouts 'wait' after the bus.").values
    assert values[ch.channel_index("MouthPucker")] >= 0.3


def test_a_sentence_said_is_not_coloured_by_its_first_interjection():
    assert vz.interjection_words("She says 'oh, what a shame' with a smirk.") == ""
    assert vz.interjection_words("'Oh wow,' she says") != ""


def test_a_repeated_interjection_keeps_its_feeling():
    assert vz.interjection_words("She goes 'ha ha ha', head thrown back.") != ""
