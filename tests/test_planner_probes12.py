"""Planner fixes from a new user's probes (stop 23): descriptions written fresh, in the styles animators
type, whose readings were wrong. Every probe is written here for the rule it checks; the real planner
reads it and its values are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ----------------------------------------------------------------------------- a quote that captions the look
@pytest.mark.parametrize("text, keeps, stem", [
    ('Both brows up and lips pursed: "seriously?"', "MouthPucker", "MouthStretch"),
    ("Heavy lids, a flat pressed mouth: 'marvellous, just marvellous.'", "MouthPressLeft", "MouthFunnel"),
    ("He grins from ear to ear \u2014 'cheese!'", "MouthSmileLeft", "MouthPucker"),
])
def test_a_quote_that_captions_the_look_leaves_the_described_mouth(planner, text, keeps, stem):
    p = planner.plan(text)
    assert v(p, keeps) >= 0.3, p.explanation
    if stem.endswith(("Left", "Right")) or stem in ("MouthFunnel", "MouthPucker"):
        assert v(p, stem) < 0.2, p.explanation
    else:
        assert both(p, stem) < 0.2, p.explanation
    assert any("captions the look" in e for e in p.explanation)


@pytest.mark.parametrize("text", [
    'Both brows up, she mouths: "seriously?"',  # said: the sound shapes the mouth
    'Lips pursed, he whispers "who?"',
    'Eyes wide: "wooow!"',  # the words do not shape the mouth: the sound does
])
def test_a_quote_that_is_said_still_shapes_the_mouth(planner, text):
    p = planner.plan(text)
    assert any(e.startswith("sound ") for e in p.explanation), p.explanation
    assert not any("captions the look" in e for e in p.explanation)


# ----------------------------------------------------------------------------- words of place and manner
def test_in_before_a_possessed_part_is_where_not_cheeks_sucked_in(planner):
    p = planner.plan("Teeth set, a nerve jumping in her cheek.")
    assert v(p, "MouthPucker") < 0.1 and v(p, "MouthFunnel") < 0.1, p.explanation
    sucked = planner.plan("She sucks her cheeks in like a fish.")
    assert v(sucked, "MouthPucker") >= 0.2, sucked.explanation
    drawn = planner.plan("He draws in his cheeks.")  # "in" is the verb's own particle
    assert v(drawn, "MouthPucker") >= 0.2, drawn.explanation


@pytest.mark.parametrize("text", ["Her lids drift shut.", "his eyes slide closed", "eyes fluttering shut"])
def test_eyes_that_drift_shut_close_without_a_glance(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeBlink") >= 0.5, p.explanation
    assert abs(v(p, "LeftEyeYaw")) < 0.05 and both(p, "EyeLookOut") < 0.05 and both(p, "EyeLookIn") < 0.05, p.explanation


def test_eyes_that_drift_somewhere_still_look(planner):
    p = planner.plan("her eyes drift to the door on her left")
    assert both(p, "EyeLookOut") >= 0.2, p.explanation


@pytest.mark.parametrize("text", ["He tips his head to the side, puzzled.", "head tilted sideways like a curious dog"])
def test_a_tilt_to_the_side_rolls_the_head_without_turning_it(planner, text):
    p = planner.plan(text)
    assert abs(v(p, "HeadRoll")) >= 0.15 and abs(v(p, "HeadYaw")) < 0.05, p.explanation


def test_a_turn_to_the_side_still_turns(planner):
    p = planner.plan("She turns her head to the side.")
    assert abs(v(p, "HeadYaw")) >= 0.2, p.explanation


@pytest.mark.parametrize("text", ["Chin in the air, he ignores the waiter.", "nose in the air"])
def test_chin_or_nose_in_the_air_lifts_the_head(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadPitch") <= -0.15, p.explanation  # Live Link Face: pitch < 0 is up


# ----------------------------------------------------------------------------- typed values, idioms, speech
@pytest.mark.parametrize("text, on, off", [
    ("brow R up .4", "BrowOuterUpRight", "BrowOuterUpLeft"),
    ("eyes L closed 70%", "EyeBlinkLeft", "EyeBlinkRight"),
])
def test_a_side_written_inside_a_typed_shape_is_read(planner, text, on, off):
    p = planner.plan(text)
    assert v(p, on) == pytest.approx(float(text.split()[-1].rstrip("%")) / (100 if "%" in text else 1)), p.explanation
    assert v(p, off) == 0.0, p.explanation


@pytest.mark.parametrize("text", ["Her expression is unreadable.", "an inscrutable look"])
def test_an_unreadable_face_is_a_straight_face(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthPress") >= 0.2, p.explanation
    assert both(p, "MouthFrown") < 0.05 and v(p, "BrowInnerUp") < 0.05, p.explanation


def test_on_the_turn_is_going_off_not_a_head_turn(planner):
    p = planner.plan("Faint disgust, like cream that's on the turn.")
    assert abs(v(p, "HeadYaw")) < 0.05 and both(p, "NoseSneer") > 0.05, p.explanation


@pytest.mark.parametrize("text", ["his lips move silently, counting the steps", "her mouth moving in prayer"])
def test_lips_that_move_in_speech_open_a_little_without_shifting(planner, text):
    p = planner.plan(text)
    assert 0.05 <= v(p, "JawOpen") <= 0.25 and v(p, "MouthFunnel") > 0.0, p.explanation
    assert v(p, "MouthLeft") == 0.0 and v(p, "MouthRight") == 0.0 and v(p, "MouthRollLower") == 0.0, p.explanation


def test_lips_that_move_to_a_side_still_shift(planner):
    p = planner.plan("her lips move to the right")
    assert v(p, "MouthRight") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["mouth a thin line", "his lips in a hard line"])
def test_a_mouth_like_a_line_is_pressed(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthPress") >= 0.3, p.explanation


def test_to_no_one_in_particular_negates_nothing(planner):
    p = planner.plan("he shrugs to no one in particular, lips pushed out")
    assert v(p, "MouthPucker") >= 0.3, p.explanation


# ----------------------------------------------------------------------------- a smile that stays, or is in the eyes
@pytest.mark.parametrize("text", ["His grin never wavered.", "Her smile didn't falter once."])
def test_an_expression_that_does_not_falter_stays(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.4, p.explanation


def test_a_mouth_that_does_not_drop_open_stays_shut(planner):
    p = planner.plan("Her brows jump, but her mouth doesn't drop open.")
    assert v(p, "JawOpen") < 0.05, p.explanation


def test_smiling_with_the_eyes_lifts_the_cheeks_and_barely_the_mouth(planner):
    only = planner.plan("She smiles with her eyes only.")
    assert both(only, "CheekSquint") >= 0.2 and both(only, "MouthSmile") == 0.0, only.explanation
    soft = planner.plan("smiling with his eyes, hands in his pockets")
    assert both(soft, "CheekSquint") >= 0.2 and 0.0 < both(soft, "MouthSmile") <= 0.3, soft.explanation
    assert both(soft, "BrowDown") < 0.05, soft.explanation
    shut = planner.plan("She smiles with her eyes closed.")  # the eyes are closed; the smile is the mouth's
    assert both(shut, "EyeBlink") >= 0.6 and both(shut, "MouthSmile") >= 0.4, shut.explanation


def test_gnawing_at_a_lip_bites_it(planner):
    p = planner.plan("He gnaws at his lower lip.")
    assert v(p, "MouthRollLower") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["Soaked and blue-lipped, he shivers.", "her lips going blue in the snow", "blue with cold"])
def test_blue_lips_are_the_cold_not_sadness(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") < 0.2 and both(p, "MouthFrown") < 0.1, p.explanation
    assert v(p, "MouthLeft") == 0.0 and v(p, "MouthRight") == 0.0, p.explanation


def test_feeling_blue_is_still_sad(planner):
    p = planner.plan("He's feeling blue.")
    assert v(p, "BrowInnerUp") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["He bursts into tears.", "she broke down crying", "dissolving into floods of tears"])
def test_bursting_into_tears_is_a_sob_not_a_change_to_sadness(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.5 and both(p, "EyeSquint") >= 0.2 and both(p, "MouthStretch") >= 0.2, p.explanation
    assert not p.beats, p.beats


def test_a_face_that_melts_into_tears_is_still_a_change(planner):
    p = planner.plan("her frown melts into tears")
    assert p.beats and both(p, "BrowDown") < 0.1, p.explanation


def test_a_feeling_beside_parted_lips_does_not_press_them(planner):
    p = planner.plan("The eyes narrow with focus and the lips part as if to speak.")
    assert v(p, "JawOpen") >= 0.1 and both(p, "MouthPress") < 0.05, p.explanation
    assert both(p, "EyeSquint") >= 0.3, p.explanation


def test_a_mouth_down_is_turned_down_not_open(planner):
    p = planner.plan("brows up, mouth down, tears")
    assert both(p, "MouthFrown") >= 0.3 and v(p, "JawOpen") < 0.2, p.explanation
    opened = planner.plan("her mouth drops open")
    assert v(opened, "JawOpen") >= 0.2, opened.explanation


def test_a_brow_movement_on_the_inner_or_outer_edges_moves_only_those(planner):
    inner = planner.plan("the brows lift on the inner edges")
    assert v(inner, "BrowInnerUp") >= 0.3 and both(inner, "BrowOuterUp") == 0.0, inner.explanation
    outer = planner.plan("eyebrows raised at the outer ends")
    assert both(outer, "BrowOuterUp") >= 0.3 and v(outer, "BrowInnerUp") == 0.0, outer.explanation


def test_a_part_that_settles_into_a_neutral_line_rests_beside_the_others(planner):
    p = planner.plan("The gaze drops to the right, the brows relax, and the mouth settles into a neutral line.")
    assert both(p, "EyeLookDown") >= 0.2 and not p.beats, p.explanation
    changed = planner.plan("her smile settles into a frown")
    assert both(changed, "MouthFrown") >= 0.3 and both(changed, "MouthSmile") == 0.0, changed.explanation


@pytest.mark.parametrize("text", ["her eyes turn away from him", "the gaze slides away"])
def test_eyes_that_turn_away_look_away_without_turning_the_head_much(planner, text):
    p = planner.plan(text)
    assert max(both(p, "EyeLookOut"), both(p, "EyeLookIn")) >= 0.2, p.explanation
    assert abs(v(p, "HeadYaw")) <= 0.2, p.explanation


@pytest.mark.parametrize("text, stem", [
    ("She arches a brow so high it nearly leaves her face.", "BrowOuterUp"),
    ("his eyes go so wide they almost pop out of his head", "EyeWide"),
])
def test_a_movement_so_big_it_leaves_the_face_is_as_big_as_it_goes(planner, text, stem):
    p = planner.plan(text)
    assert both(p, stem) >= 0.8, p.explanation


def test_a_smile_that_leaves_the_face_still_fades(planner):
    p = planner.plan("the smile leaves her face")
    assert both(p, "MouthSmile") == 0.0, p.explanation


@pytest.mark.parametrize("text", ['A tight-lipped smile that says "not now".', "a glare which screams 'get out'"])
def test_what_a_look_says_is_not_voiced(planner, text):
    p = planner.plan(text)
    assert not any(e.startswith("sound ") for e in p.explanation), p.explanation
    assert v(p, "MouthFunnel") < 0.1 and v(p, "JawOpen") < 0.1, p.explanation


def test_a_mouth_that_works_soundlessly_moves_as_in_speech(planner):
    p = planner.plan("Her mouth works soundlessly.")
    assert 0.05 <= v(p, "JawOpen") <= 0.25 and both(p, "MouthPress") == 0.0, p.explanation
    clenched = planner.plan("his jaw working")  # a jaw that works is clenching
    assert both(clenched, "MouthPress") >= 0.2, clenched.explanation
