"""Behaviour of the embedded planner on real descriptions (no mocks: the real lexicon and tables)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner, Plan, explain
from kfstudio.generation.planner.text import ExpansionTableError, load_expansion

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


def v(plan: Plan, name: str) -> float:
    return float(plan.values[ch.channel_index(name)])


def test_plan_shape_range_and_explanation(planner):
    plan = planner.plan("She smiles warmly and tilts her head")
    assert plan.values.shape == (61,) and plan.values.dtype == np.float64
    assert np.all(plan.values >= ch.LOWER) and np.all(plan.values <= ch.UPPER)
    assert v(plan, "MouthSmileLeft") > 0.4 and v(plan, "HeadRoll") != 0
    assert any("MouthSmile" in line for line in plan.explanation)


def test_inflections_are_understood(planner):
    base = planner.plan("smile").values
    for form in ("smiles", "smiling", "smiled"):
        assert np.allclose(planner.plan(form).values, base), form


def test_intensity_words_order(planner):
    levels = [v(planner.plan(f"the inner brows lift {w}"), "BrowInnerUp") for w in ("barely", "slightly", "clearly", "fully")]
    assert levels == sorted(levels) and levels[0] < levels[-1]
    assert "'slightly' x0.35" in " ".join(planner.explain("the inner brows lift slightly"))


def test_face_own_sides(planner):
    left = planner.plan("winks the left eye")
    assert v(left, "EyeBlinkLeft") > 0.8 and v(left, "EyeBlinkRight") < 0.1
    right = planner.plan("the right corner of the mouth curls up")
    assert v(right, "MouthSmileRight") > 0.3 and v(right, "MouthSmileLeft") < 0.05
    lopsided = planner.plan("a lopsided smile")
    assert abs(v(lopsided, "MouthSmileLeft") - v(lopsided, "MouthSmileRight")) > 0.3


def test_negation_and_fading(planner):
    for text in ("does not smile", "without smiling", "the smile fades", "stops smiling", "no longer smiling"):
        plan = planner.plan(text, previous=planner.plan("a big smile").values)
        assert v(plan, "MouthSmileLeft") < 0.05, text


def test_gaze_sets_rotation_and_look_shapes_consistently(planner):
    down = planner.plan("eyes drop to the floor")
    assert v(down, "LeftEyePitch") > 0.1 and v(down, "EyeLookDownLeft") > 0.2 and v(down, "EyeLookUpLeft") == 0
    left = planner.plan("glances to the left")
    assert v(left, "LeftEyeYaw") < -0.1 and v(left, "EyeLookOutLeft") > 0.2 and v(left, "EyeLookInRight") > 0.2
    assert v(left, "EyeLookOutRight") == 0 and v(left, "EyeLookInLeft") == 0


def test_head_directions(planner):
    assert v(planner.plan("nods"), "HeadPitch") > 0.1
    assert v(planner.plan("raises the chin"), "HeadPitch") < -0.1
    assert v(planner.plan("turns the head to the right"), "HeadYaw") > 0.1
    assert v(planner.plan("turns the head to the left"), "HeadYaw") < -0.1


def test_blink_cancels_wide_eyes_and_mouth_close_bounded(planner):
    plan = planner.plan("eyes wide, then closes the eyes")
    assert v(plan, "EyeBlinkLeft") > 0.8 and v(plan, "EyeWideLeft") == 0
    for text in ("lips pressed, jaw clenched", "mouth hangs open", "chews"):
        p = planner.plan(text)
        assert v(p, "MouthClose") <= v(p, "JawOpen") + 1e-12


def test_emotion_colours_vague_descriptions(planner):
    sad = planner.plan("holds the look", emotion="deep sadness")
    happy = planner.plan("holds the look", emotion="joy")
    assert v(sad, "BrowInnerUp") > 0.3 and v(sad, "MouthFrownLeft") > 0.2
    assert v(happy, "MouthSmileLeft") > 0.3 and v(happy, "BrowInnerUp") < 0.1


def test_comparatives_follow_previous(planner):
    prev = planner.plan("a slight smile").values
    more = planner.plan("smiles more", previous=prev)
    less = planner.plan("smiles less", previous=prev)
    assert v(less, "MouthSmileLeft") < prev[ch.channel_index("MouthSmileLeft")] < v(more, "MouthSmileLeft")


def test_hold_carries_previous(planner):
    prev = planner.plan("brows knitted, lips pressed").values
    plan = planner.plan("keeps the expression", previous=prev)
    assert np.allclose(plan.values[ch.channel_index("BrowDownLeft")], prev[ch.channel_index("BrowDownLeft")])


def test_hold_carries_nothing_into_a_region_the_line_moves(planner):
    prev = planner.plan("eyes squeezed shut, mouth stretched wide, brows knitted").values
    plan = planner.plan("Her eyes blink open slowly, still heavy.", previous=prev)
    # the eyes are read anew: the squeeze is not carried into them ...
    assert v(plan, "EyeSquintLeft") < 0.05 and v(plan, "EyeBlinkLeft") < prev[ch.channel_index("EyeBlinkLeft")]
    # ... and "still heavy" is said of the eyes: the brows and mouth of the squeeze are not carried either
    assert v(plan, "BrowDownLeft") < 0.05 and v(plan, "MouthStretchLeft") < 0.05
    # a hold said of another part carries that part; one said of the rest carries every region the line leaves
    plan = planner.plan("Her eyes blink open; the mouth stays that way.", previous=prev)
    assert v(plan, "MouthStretchLeft") == pytest.approx(prev[ch.channel_index("MouthStretchLeft")])
    assert v(plan, "BrowDownLeft") < 0.05
    plan = planner.plan("Her eyes blink open and she holds the rest.", previous=prev)
    assert v(plan, "BrowDownLeft") == pytest.approx(prev[ch.channel_index("BrowDownLeft")])
    assert v(plan, "MouthStretchLeft") == pytest.approx(prev[ch.channel_index("MouthStretchLeft")])
    assert v(plan, "EyeSquintLeft") < 0.05


def test_module_explain_function():
    lines = explain("the inner brows lift slightly")
    assert any("BrowInnerUp" in line for line in lines)


def test_keyframeface_example_descriptions(planner):
    path = SHARED / "keyframeface" / "example_request.jsonl"
    if not path.exists():
        pytest.skip(f"shared KeyframeFace examples not found at {path}")
    first = json.loads(path.read_text().splitlines()[0])["messages"][1]["content"]
    lines = [line.split(":", 1)[1].strip() for line in first.splitlines() if line.startswith("- Keyframe")]
    one = planner.plan(lines[0], emotion="Anxiety concealed by a restrained smile")
    assert v(one, "EyeLookDownLeft") > 0.1 and v(one, "BrowInnerUp") > 0.15 and v(one, "MouthPressLeft") > 0.2
    two = planner.plan(lines[1], emotion="Anxiety concealed by a restrained smile", previous=one.values)
    assert v(two, "MouthSmileLeft") > 0.15 and v(two, "EyeLookUpLeft") > 0.1 and v(two, "BrowInnerUp") > 0.15


def test_bad_expansion_table_names_file(tmp_path):
    bad = tmp_path / "expansion.json"
    bad.write_text('{"lemmas": {"smiles": "smile"},\n "synonyms": {"beam": "smile"}}')
    with pytest.raises(ExpansionTableError, match="synonyms.beam"):
        load_expansion(bad)
    bad.write_text('{"lemmas": \n{')
    with pytest.raises(ExpansionTableError, match="line 2"):
        load_expansion(bad)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "!!!,,;;", "ÜBER-élan naïve — ✨", "not not no never", "left right left right", "smile " * 300, "a\nb\tc"],
)
def test_odd_text_gives_valid_values(planner, text):
    plan = planner.plan(text, emotion=text, background=text, context=[text, text], index=1)
    assert plan.values.shape == (61,) and np.all(np.isfinite(plan.values))
    assert np.all(plan.values >= ch.LOWER) and np.all(plan.values <= ch.UPPER)


def test_previous_of_wrong_length_is_rejected_clearly(planner):
    with pytest.raises(ValueError, match="61 channel values, got 5"):
        planner.plan("smile", previous=np.zeros(5))


def test_suppressed_action_is_weak_not_absent(planner):
    full = v(planner.plan("she laughs"), "MouthSmileLeft")
    held = v(planner.plan("she tries not to laugh"), "MouthSmileLeft")
    assert 0 < held < full


def test_unknown_words_are_read_through_the_expansion_table(planner):
    from kfstudio.generation.planner.lexicon import EXPRESSION_WORDS

    table = load_expansion()
    assert table.synonyms, "the generated expansion table (models/build_expansion.py) is missing or empty"
    known = planner._lemmatizer.known
    base = planner._lemmatizer.base
    pairs = [(w, t) for w, (t, _) in sorted(table.synonyms.items()) if t in EXPRESSION_WORDS and base(w) not in known][:20]
    assert pairs
    for word, target in pairs:
        plan = planner.plan(word)
        assert np.allclose(plan.values, planner.plan(target).values), (word, target)
        assert any(f"read as '{target}'" in line for line in plan.explanation)


def test_expansion_lemmas_cover_irregular_forms(planner):
    assert np.allclose(planner.plan("her brows rose").values, planner.plan("her brows rise").values)
    assert v(planner.plan("her brows rose"), "BrowInnerUp") > 0.2


# --- planner2: general readings (issue 11) ---------------------------------------------------------


def test_flat_or_straight_mouth_is_pressed(planner):
    for text in ("her eyes narrow, mouth flat", "eyes narrowed, lips straight", "mouth pulled flat"):
        plan = planner.plan(text)
        assert v(plan, "MouthPressLeft") >= 0.2 and v(plan, "MouthPressRight") >= 0.2, text
        assert v(plan, "JawOpen") <= 0.05, text
    assert v(planner.plan("she looks straight at the camera"), "MouthPressLeft") == 0.0


def test_head_turn_without_direction_turns_to_the_face_right(planner):
    for text in ("she refuses with a turn of the head", "head turning away", "shaking his head"):
        assert v(planner.plan(text), "HeadYaw") > 0.1, text
    assert v(planner.plan("turns the head to the left"), "HeadYaw") < -0.1
    assert v(planner.plan("turns the head to the right"), "HeadYaw") > 0.1


def test_a_single_laugh_is_a_count_not_a_side(planner):
    plan = planner.plan("He barks a single laugh.")
    assert v(plan, "MouthSmileLeft") >= 0.4 and v(plan, "MouthSmileRight") >= 0.4
    plan = planner.plan("a single brow lifts")
    assert abs(v(plan, "BrowOuterUpLeft") - v(plan, "BrowOuterUpRight")) >= 0.3


def test_thin_or_tight_smile_is_a_smile_over_pressed_lips(planner):
    for text in ("a tight smile", "a thin smile", "the smile had gone thin and tight"):
        plan = planner.plan(text)
        assert 0.15 <= v(plan, "MouthSmileLeft") <= 0.45, text
        assert v(plan, "MouthPressLeft") >= 0.2 and v(plan, "MouthPressRight") >= 0.2, text
    assert v(planner.plan("the smile is gone"), "MouthSmileLeft") == 0.0
    # a closed smile rests the lips lightly together (corpus, round 8), far below a tight smile's press
    assert v(planner.plan("a big smile"), "MouthPressLeft") <= 0.2 < v(planner.plan("a tight smile"), "MouthPressLeft")


def test_clenched_teeth_keep_the_jaw_shut_even_for_a_shouted_sound(planner):
    plan = planner.plan("He hisses 'yes!' through clenched teeth, fist pumping.")
    assert v(plan, "JawOpen") <= 0.05
    assert v(plan, "MouthStretchLeft") >= 0.2  # the grit itself stays
    assert v(planner.plan("he says 'yes!'"), "JawOpen") >= 0.2


def test_one_before_an_expression_counts(planner):
    plan = planner.plan("The queen receives the news without a flicker, apart from one slow blink.")
    assert v(plan, "EyeBlinkLeft") >= 0.5 and v(plan, "EyeBlinkRight") >= 0.5
    plan = planner.plan("one eye closes")
    assert abs(v(plan, "EyeBlinkLeft") - v(plan, "EyeBlinkRight")) >= 0.5


def test_eyes_barely_open_are_mostly_shut_and_wide_awake_eyes_are_open(planner):
    for text in ("running on fumes, eyes barely open", "eyes slightly open"):
        plan = planner.plan(text)
        assert v(plan, "EyeBlinkLeft") >= 0.4 and v(plan, "EyeWideLeft") <= 0.05, text
    assert v(planner.plan("her eyes open wide"), "EyeWideLeft") >= 0.5
    plan = planner.plan("wide awake, not drowsy")
    assert 0.15 <= v(plan, "EyeWideLeft") <= 0.5 and v(plan, "EyeBlinkLeft") <= 0.05


def test_eyes_that_stay_cold_take_no_part_in_the_smile(planner):
    for text in ("She smiles, but her eyes stay cold.", "The salesman flashes a huge grin, eyes calculating and flat.",
                 "Her sales smile is bright and wide; the eyes don't crinkle at all."):
        plan = planner.plan(text)
        assert v(plan, "MouthSmileLeft") >= 0.4, text
        assert v(plan, "CheekSquintLeft") <= 0.2 and v(plan, "EyeSquintLeft") <= 0.15, text
        assert v(plan, "BrowDownLeft") <= 0.1, text  # 'cold' here is the eyes', not a second emotion
        assert {"eyes", "cheeks"} <= plan.understood, text
    assert v(planner.plan("she smiles warmly"), "CheekSquintLeft") >= 0.25


def test_a_single_mouth_corner_moves_one_side(planner):
    plan = planner.plan("the corner of his mouth turns down")
    assert abs(v(plan, "MouthFrownLeft") - v(plan, "MouthFrownRight")) >= 0.3
    plan = planner.plan("the corners of her mouth curl up")
    assert v(plan, "MouthSmileLeft") >= 0.3 and v(plan, "MouthSmileRight") >= 0.3
    assert v(planner.plan("the right corner of her mouth lifts"), "MouthSmileRight") >= 0.3


def test_lose_negates_only_what_follows_it(planner):
    plan = planner.plan("He tries to look sympathetic about his rival losing.")
    assert v(plan, "BrowInnerUp") >= 0.1
    assert v(planner.plan("she loses the smile"), "MouthSmileLeft") == 0.0


def test_worry_sadness_and_crying_raise_the_inner_brows_without_lowering_them(planner):
    for text in ("worried brows", "she is sad", "he cries", "she sobs", "he looks anxious"):
        plan = planner.plan(text)
        assert v(plan, "BrowInnerUp") >= 0.3, text
        assert v(plan, "BrowDownLeft") <= 0.1, text
    assert v(planner.plan("he frowns"), "BrowDownLeft") >= 0.25


def test_crying_next_to_a_laugh_does_not_fuse_with_it_or_turn_it_sad(planner):
    for text in ("instead of crying she laughs", "she isn't crying — she's laughing so hard she's tearing up.", "cry-laughing"):
        plan = planner.plan(text)
        assert v(plan, "MouthSmileLeft") >= 0.4 and v(plan, "MouthFrownLeft") <= 0.05, text
    assert v(planner.plan("she cries"), "MouthFrownLeft") >= 0.3


def test_eyes_that_do_not_open_stay_closed(planner):
    for text in ("she doesn't open her eyes, just smiles a little.", "without opening her eyes, she smiles"):
        plan = planner.plan(text)
        assert v(plan, "EyeBlinkLeft") >= 0.5 and v(plan, "EyeBlinkRight") >= 0.5, text
    assert v(planner.plan("his eyes don't widen"), "EyeBlinkLeft") == 0.0


def test_eyes_squeezed_shut_are_squeezed_not_just_closed(planner):
    plan = planner.plan("eyes squeezed shut")
    assert v(plan, "EyeBlinkLeft") >= 0.8 and v(plan, "EyeSquintLeft") >= 0.4 and v(plan, "CheekSquintLeft") >= 0.3
    plan = planner.plan("her eyes close")
    assert v(plan, "EyeBlinkLeft") >= 0.8 and v(plan, "EyeSquintLeft") <= 0.05
    assert v(planner.plan("lips squeezed shut"), "MouthPressLeft") >= 0.2


def test_a_suppressed_or_hidden_smile_is_held_back(planner):
    for text in ("caught looking, looks down, suppressed grin", "a concealed smile", "a muffled laugh"):
        plan = planner.plan(text)
        assert 0.1 <= v(plan, "MouthSmileLeft") <= 0.45 and v(plan, "MouthPressLeft") >= 0.15, text
        assert v(plan, "JawOpen") <= 0.1, text


@pytest.mark.parametrize("text, channel", [
    ("The umpire is shouting right in his face.", "JawOpen"),
    ("She beamed right at the jury.", "MouthSmileLeft"),
    ("He frowns right back at her.", "BrowDownLeft"),
])
def test_right_as_an_adverb_is_not_a_side(planner, text, channel):
    plan = planner.plan(text)
    assert v(plan, channel) > 0.1
    assert v(plan, channel) == pytest.approx(v(plan, ch.CHANNELS[ch.channel_index(channel)].mirror))


@pytest.mark.parametrize("text, yaw", [
    ("She turns her head to the right at the door.", "HeadYaw"),
    ("His eyes dart right at the noise.", "LeftEyeYaw"),
])
def test_right_after_a_movement_or_a_side_word_stays_a_direction(planner, text, yaw):
    assert v(planner.plan(text), yaw) > 0.1
