"""Planner fixes of stop 43: common words of feeling that were read as nothing ("infuriated", "morose",
"flummoxed") read as the feeling of their nearest word, and so do the words of what a thing does to whoever feels it
("how embarrassing", "so frustrating"), mildly beside someone else's noun ("reads the devastating news"); words with a
second sense stay unread ("a naughty child", "excruciating awkwardness"). A face that "twists in rage" is contorted,
not turned. A face said to show nothing ("expressionless", "no reaction", "he gives nothing away") is a poker face
alone, the lips lightly set whatever the intensity word, and takes no colour from the script's emotion; beside a
movement, a typed value, a look or an exception said right after it, it is the rest of the face at rest; "no reaction
to her smile" still denies the smile. Idioms and phrasings found wrong by fresh probes: hands at the temples (a
headache), "so over it" (fed up), a blank stare, a smile that "is gone", a size word before a name ("Tiny Oskar's
lip"), eyes that swing up, air gulped in, blinking oneself awake, "a raised eyebrow" (one brow), wiped tears, shaking
like a leaf (fear), crossed eyes, turning to face the camera, "almost amused", "could have smiled but didn't", lips
that thin, a face that flushes with anger, a breath drawn through the teeth. Each case is read by the real planner and
its values asserted, with controls the rules must not reach. The sentences are written for these tests, not taken
from the corpus.
"""

from __future__ import annotations

import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner

from probes import v

_POKER_CHANNELS = {ch.channel_index(n) for n in ("MouthPressLeft", "MouthPressRight", "MouthShrugLower", "MouthShrugUpper")}


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ------------------------------------------------------------------------------------------ words of feeling
@pytest.mark.parametrize("text", ["She's infuriated.", "a surly look", "he's being cantankerous again", "tetchy"])
def test_words_of_anger_read_as_anger(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowDownLeft") > 0.3 and v(p, "BrowDownRight") > 0.3, p.explanation
    assert v(p, "MouthSmileLeft") < 0.05, p.explanation


def test_infuriated_is_as_strong_as_furious(planner):
    assert v(planner.plan("she's infuriated"), "BrowDownLeft") == pytest.approx(v(planner.plan("she's furious"), "BrowDownLeft"))


@pytest.mark.parametrize("text, channel", [
    ("a morose stare out of the window", "BrowInnerUp"),
    ("utterly demoralised", "MouthFrownLeft"),
    ("He's dumbstruck.", "EyeWideLeft"),
    ("She looks flummoxed.", "BrowInnerUp"),
    ("a snooty glance", "HeadPitch"),
])
def test_other_words_of_feeling_are_read(planner, text, channel):
    p = planner.plan(text)
    assert p.found_movement and abs(v(p, channel)) > 0.05, p.explanation


@pytest.mark.parametrize("text, felt", [
    ("ugh, how embarrassing", "she's embarrassed"),
    ("this is so frustrating", "she's frustrated"),
    ("terrifying!", "she's terrified"),
    ("what a fascinating idea", "she's fascinated"),
    ("the whole day was exhausting", "she's exhausted"),
])
def test_what_a_thing_does_reads_as_the_feeling_it_gives(planner, text, felt):
    p, q = planner.plan(text), planner.plan(felt)
    assert p.found_movement, p.explanation
    top = ch.CHANNELS[int(abs(q.values).argmax())].name
    assert v(p, top) == pytest.approx(v(q, top), abs=0.15) and v(p, top) > 0.1, (p.explanation, q.explanation)


def test_beside_someone_else_s_noun_the_feeling_is_a_mild_reaction(planner):
    mild, own = planner.plan("He reads the devastating news."), planner.plan("It's devastating.")
    assert 0.05 < v(mild, "BrowInnerUp") < v(own, "BrowInnerUp"), (mild.explanation, own.explanation)


@pytest.mark.parametrize("text", ["a naughty child", "an excruciating silence", "eyes stuck up-left on the screen"])
def test_words_with_a_second_sense_are_not_read_as_a_feeling(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") < 0.05 and v(p, "BrowDownLeft") < 0.05 and v(p, "EyeSquintLeft") < 0.05, p.explanation
    assert abs(v(p, "HeadPitch")) < 0.05, p.explanation


# ---------------------------------------------------------------------------------------- a contorted face
@pytest.mark.parametrize("text", ["His face twists in rage.", "his features twist in pain"])
def test_a_face_twisting_with_a_feeling_is_not_a_head_turn(planner, text):
    p = planner.plan(text)
    assert abs(v(p, "HeadYaw")) < 0.05 and v(p, "BrowDownLeft") > 0.3, p.explanation


def test_a_face_twisted_away_still_turns(planner):
    p = planner.plan("He twists his face away.")
    assert abs(v(p, "HeadYaw")) > 0.2, p.explanation


# ------------------------------------------------------------------------------ a face that shows nothing
@pytest.mark.parametrize("text", ["Expressionless.", "No reaction at all.", "She shows no emotion.", "Her face gives nothing away.",
                                  "impassive", "he is totally unmoved"])
def test_a_face_that_shows_nothing_is_a_poker_face(planner, text):
    p = planner.plan(text)
    poker = planner.plan("poker face")
    assert p.found_movement and v(p, "MouthPressLeft") == pytest.approx(v(poker, "MouthPressLeft")), p.explanation
    assert max(abs(float(x)) for i, x in enumerate(p.values) if i not in _POKER_CHANNELS) < 0.01, p.explanation


def test_a_face_that_shows_nothing_takes_no_colour_from_the_emotion(planner):
    p = planner.plan("No reaction.", background="Her rival wins the prize.", emotion="bitter envy")
    coloured = planner.plan("She watches.", background="Her rival wins the prize.", emotion="bitter envy")
    assert max(abs(coloured.values)) > 0.1, coloured.explanation  # (the control: the emotion colours a vague line)
    assert v(p, "BrowDownLeft") < 0.01 and v(p, "EyeSquintLeft") < 0.01 and v(p, "MouthPressLeft") > 0.1, p.explanation


@pytest.mark.parametrize("text, channel", [
    ("Expressionless except her left eye narrows a little.", "EyeSquintLeft"),
    ("He tilts his head to the left, no reaction.", "HeadRoll"),
    ("no expression, head pitch 0.3", "HeadPitch"),
])
def test_beside_a_movement_it_is_the_rest_of_the_face_at_rest(planner, text, channel):
    p = planner.plan(text)
    assert abs(v(p, channel)) > 0.1, p.explanation
    assert v(p, "MouthPressLeft") < 0.01 and v(p, "MouthPressRight") < 0.01, p.explanation


@pytest.mark.parametrize("text, denied", [
    ("No reaction to her smile.", "MouthSmileLeft"),
    ("She shows no expression of surprise.", "EyeWideLeft"),
])
def test_no_reaction_to_a_movement_denies_that_movement(planner, text, denied):
    p = planner.plan(text)
    assert v(p, denied) < 0.05, p.explanation


def test_an_exception_the_planner_cannot_read_leaves_the_rest_at_rest_without_colour(planner):
    p = planner.plan("Expressionless except for his eyes.", background="Her rival wins the prize.", emotion="bitter envy")
    assert not p.values.any(), p.explanation


def test_a_look_read_beside_a_face_that_shows_nothing_takes_its_lips(planner):
    p = planner.plan("Expressionless, she reads the letter.")
    assert v(p, "LeftEyePitch") > 0.05 and v(p, "MouthPressLeft") < 0.01, p.explanation
    p = planner.plan("expressionless, lips pressed tight, head pitch 0.3")
    assert v(p, "MouthPressLeft") > 0.3, p.explanation  # (lips named as pressed stay pressed)


def test_a_poker_face_named_as_such_keeps_its_lips_beside_a_movement(planner):
    p = planner.plan("poker face, eyebrows up")
    assert v(p, "MouthPressLeft") > 0.1 and v(p, "BrowOuterUpLeft") > 0.2, p.explanation


# ------------------------------------------------------------------------------------- idioms of the body
@pytest.mark.parametrize("text", ["He rubs his temples.", "she massages her temples", "his temples throb",
                                  "She presses two fingers to her temple."])
def test_hands_at_the_temples_are_a_headache(planner, text):
    p, ache = planner.plan(text), planner.plan("a headache")
    assert v(p, "EyeSquintLeft") >= v(ache, "EyeSquintLeft") - 0.05 and v(p, "BrowDownLeft") > 0.2, p.explanation
    assert v(p, "MouthSmileLeft") < 0.05, p.explanation


def test_a_temple_that_is_a_building_is_no_headache(planner):
    assert not planner.plan("the temple bells ring").values.any()


@pytest.mark.parametrize("text", ["He's over it.", "im over it", "She's had it up to here."])
def test_being_over_it_is_being_fed_up(planner, text):
    p, fed = planner.plan(text), planner.plan("fed up")
    assert v(p, "MouthPressLeft") > 0.2 and v(p, "BrowDownLeft") == pytest.approx(v(fed, "BrowDownLeft"), abs=0.1), p.explanation


@pytest.mark.parametrize("text", ["When this is over it will be fine, she smiles.", "She frowns over it."])
def test_what_is_over_or_over_it_otherwise_is_not_fed_up(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeLookUpLeft") < 0.05 and abs(v(p, "LeftEyePitch")) < 0.05, p.explanation


@pytest.mark.parametrize("text", ["He stares blankly into space.", "a blank stare", "she stared blankly at the screen"])
def test_a_blank_stare_sees_nothing_and_is_not_wide_eyed(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeWideLeft") < 0.05 and v(p, "EyeBlinkLeft") > 0.15, p.explanation


def test_a_plain_stare_is_still_a_stare(planner):
    assert v(planner.plan("He stares at her."), "EyeWideLeft") > 0.1


# ------------------------------------------------------------------------------------------ a smile that goes
@pytest.mark.parametrize("text", ["The smile is gone.", "his grin is gone"])
def test_a_smile_that_is_gone_leaves_a_straight_face(planner, text):
    p, faded = planner.plan(text), planner.plan("Her smile fades.")
    assert v(p, "MouthSmileLeft") < 0.01 and v(p, "MouthPressLeft") > 0.1, p.explanation
    assert v(p, "MouthPressLeft") == pytest.approx(v(faded, "MouthPressLeft")), p.explanation


def test_what_is_gone_in_a_clause_of_its_own_is_not_the_smile(planner):
    p = planner.plan("She smiles thinly while the landlord explains why the deposit is gone.")
    assert v(p, "MouthSmileLeft") > 0.2, p.explanation
    assert v(planner.plan("He grins when the rain is gone."), "MouthSmileLeft") > 0.2


# ------------------------------------------------------------------------------ the size of the one who moves
@pytest.mark.parametrize("text, plain", [
    ("Tiny Mira's bottom lip trembles.", "Her bottom lip trembles."),
    ("big Tom's grin", "his grin"),
])
def test_a_size_word_before_a_name_s_possessive_is_not_the_movement_s(planner, text, plain):
    p, q = planner.plan(text), planner.plan(plain)
    assert p.values == pytest.approx(q.values), (p.explanation, q.explanation)


def test_a_size_word_before_the_movement_still_scales_it(planner):
    assert v(planner.plan("a tiny smile"), "MouthSmileLeft") < v(planner.plan("a smile"), "MouthSmileLeft")


# ------------------------------------------------------------------------------------ a gaze that swings
@pytest.mark.parametrize("text", ["His eyes swing up to the ceiling.", "her eyes swivel down to the floor"])
def test_eyes_that_swing_up_or_down_do_not_also_turn_to_a_side(planner, text):
    p = planner.plan(text)
    assert abs(v(p, "LeftEyeYaw")) < 0.05 and abs(v(p, "LeftEyePitch")) > 0.15, p.explanation


def test_eyes_that_swing_to_a_side_still_turn(planner):
    p = planner.plan("his eyes swing left")
    assert abs(v(p, "LeftEyeYaw")) > 0.2, p.explanation


# ------------------------------------------------------------------------------------------ air gulped in
@pytest.mark.parametrize("text", ["He gulps in air.", "gulping in air after the sprint"])
def test_air_gulped_in_is_out_of_breath_not_a_nervous_swallow(planner, text):
    p, gulp = planner.plan(text), planner.plan("he gulps")
    assert v(p, "JawOpen") > 0.3 and v(p, "MouthPressLeft") < 0.05, p.explanation
    assert v(gulp, "MouthPressLeft") > 0.2 and v(gulp, "JawOpen") < 0.05, gulp.explanation


# ---------------------------------------------------------------------------------------- blinking awake
@pytest.mark.parametrize("text", ["He yawns, then blinks himself awake.", "she blinks the sleep away"])
def test_blinking_oneself_awake_ends_with_the_eyes_open(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeBlinkLeft") < 0.1 and v(p, "EyeBlinkRight") < 0.1, p.explanation


def test_a_plain_blink_still_shuts_the_eyes(planner):
    assert v(planner.plan("he blinks"), "EyeBlinkLeft") > 0.8


# ---------------------------------------------------------------------------------------- a raised eyebrow
@pytest.mark.parametrize("text", ["She says 'hmm?' with a raised eyebrow.", "he gives her an arched eyebrow", "she gives him a raised brow"])
def test_a_raised_eyebrow_is_one_brow(planner, text):
    p = planner.plan(text)
    assert abs(v(p, "BrowOuterUpLeft") - v(p, "BrowOuterUpRight")) > 0.3, p.explanation


def test_a_slightly_raised_eyebrow_keeps_its_degree_and_raised_eyebrows_are_both(planner):
    p = planner.plan("with a slightly raised eyebrow")
    assert 0.1 < v(p, "BrowOuterUpLeft") < 0.45 and v(p, "BrowOuterUpRight") < 0.05, p.explanation
    p = planner.plan("raised eyebrows")
    assert v(p, "BrowOuterUpLeft") > 0.3 and v(p, "BrowOuterUpRight") > 0.3, p.explanation


# ------------------------------------------------------------------------------------------- tears wiped
@pytest.mark.parametrize("text", ["He wipes a tear from his cheek.", "she is wiping her eyes"])
def test_wiping_tears_or_eyes_shows_the_tears(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") > 0.3 and v(p, "EyeWideLeft") < 0.05, p.explanation


def test_a_smile_wiped_off_is_still_gone_and_someone_else_s_eyes_are_not_wet(planner):
    assert v(planner.plan("he wipes the smile off his face"), "MouthSmileLeft") < 0.05
    assert not planner.plan("He wipes the eyes of the doll.").values.any()


# ------------------------------------------------------------------------------------------ shaking with fear
@pytest.mark.parametrize("text", ["She's shaking like a leaf.", "he's trembling all over", "quaking in his boots"])
def test_shaking_like_a_leaf_is_fear(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeWideLeft") > 0.3 and v(p, "BrowInnerUp") > 0.3 and v(p, "MouthSmileLeft") < 0.05, p.explanation


def test_a_head_that_shakes_is_no_fear(planner):
    assert v(planner.plan("he shakes his head"), "EyeWideLeft") < 0.05


# ---------------------------------------------------------------------------------- crossed eyes, facing front
@pytest.mark.parametrize("text", ["Eyes cross, goofy face.", "his eyes crossing at the tip of his nose"])
def test_eyes_that_cross_are_cross_eyed(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeLookInLeft") > 0.3 and v(p, "EyeLookInRight") > 0.3, p.explanation


def test_eyes_that_cross_the_room_are_not_cross_eyed(planner):
    assert v(planner.plan("her eyes cross the room"), "EyeLookInLeft") < 0.05


@pytest.mark.parametrize("text", ["She turns to face the camera.", "he turns back towards the lens"])
def test_turning_to_face_the_camera_ends_facing_front(planner, text):
    p = planner.plan(text)
    assert abs(v(p, "HeadYaw")) < 0.05 and abs(v(p, "LeftEyeYaw")) < 0.05, p.explanation


def test_turning_to_face_someone_still_turns(planner):
    assert abs(v(planner.plan("he turns to face her"), "HeadYaw")) > 0.2


# ------------------------------------------------------------------------------------ almost, could have
def test_almost_a_feeling_is_somewhat_of_it(planner):
    p, full = planner.plan("She looks almost amused."), planner.plan("She looks amused.")
    assert 0.1 < v(p, "MouthSmileLeft") < v(full, "MouthSmileLeft") - 0.1, p.explanation


@pytest.mark.parametrize("text", ["He could have smiled, but didn't.", "she might have laughed but did not"])
def test_what_could_have_happened_but_did_not_does_not_show(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") < 0.05, p.explanation


def test_what_could_have_been_beside_a_smile_keeps_the_smile(planner):
    assert v(planner.plan("it could have been worse, she smiles"), "MouthSmileLeft") > 0.3


# ---------------------------------------------------------------------------------------------- lips that thin
@pytest.mark.parametrize("text", ["Her lips thin.", "his mouth thinned to a line", "flared nostrils, lips pressed thin"])
def test_lips_that_thin_are_pressed_as_firmly_as_lips_that_press(planner, text):
    p, pressed = planner.plan(text), planner.plan("her lips press together")
    assert v(p, "MouthPressLeft") >= v(pressed, "MouthPressLeft") - 0.02, p.explanation


def test_a_thin_smile_is_still_a_small_one(planner):
    assert v(planner.plan("a thin smile"), "MouthSmileLeft") < v(planner.plan("a smile"), "MouthSmileLeft")


# ------------------------------------------------------------------------- a flush of anger, a hiss of pain
def test_a_face_that_flushes_with_anger_is_anger_not_a_blush(planner):
    p = planner.plan("His face flushes with anger.")
    assert v(p, "BrowDownLeft") > 0.3 and v(p, "MouthSmileLeft") < 0.05, p.explanation
    assert v(planner.plan("her cheeks flush red"), "MouthSmileLeft") > 0.1  # (a blush is still a blush)


@pytest.mark.parametrize("text", ["He sucks in a breath through his teeth.", "she draws a breath through her teeth"])
def test_a_breath_drawn_through_the_teeth_is_the_hiss_of_pain_not_a_gasp(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthStretchLeft") > 0.3 and v(p, "EyeWideLeft") < 0.05, p.explanation
