"""Round 15a of the planner: general readings of English the dev split showed missing (idiom, prose, subtext,
body, change and context lines).

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


# --- a scene's emotion given as a flatness: numb, hollow, empty --------------------------------------------

@pytest.mark.parametrize("emotion", ["numb", "hollow", "empty, emptied out"])
def test_a_flat_emotion_alone_is_a_slack_low_face(planner, emotion):
    p = planner.plan("He sets the cup on the sill.", emotion=emotion)
    assert v(p, "BrowInnerUp") >= 0.15 and both(p, "EyeBlink") >= 0.1 and both(p, "EyeLookDown") >= 0.1
    assert both(p, "MouthSmile") == 0


def test_a_flat_word_beside_a_feeling_leaves_that_feeling_leading(planner):
    p = planner.plan("She turns the key.", emotion="numb terror")
    assert both(p, "EyeWide") >= 0.2 and both(p, "EyeBlink") < 0.1


# --- a movement checked at the end of the line is cut short -------------------------------------------------

@pytest.mark.parametrize("text", ["he chuckles, then checks himself", "a wide grin; she catches herself.",
                                  "he begins to laugh and thinks better of it"])
def test_a_movement_checked_at_the_end_ends_near_rest(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") < 0.1 and v(p, "JawOpen") < 0.1
    assert both(p, "MouthPress") >= 0.1


@pytest.mark.parametrize("text", ["she catches herself and grins anyway", "he half smiles but checks himself a moment, then grins"])
def test_checking_oneself_before_more_words_keeps_what_follows(planner, text):
    assert both(planner.plan(text), "MouthSmile") >= 0.3


@pytest.mark.parametrize("text", ["he stops himself from giggling", "she stopped herself from laughing"])
def test_stopping_oneself_from_a_laugh_is_no_checked_end_and_still_holds_it_back(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthPress") >= 0.15 and v(p, "JawOpen") < 0.1


# --- a put-on smile: too late, or the kind one gives someone ------------------------------------------------

@pytest.mark.parametrize("text", ["she giggles at his pun a second too late", "he smiles, one beat too late"])
def test_a_laugh_or_smile_that_comes_too_late_leaves_the_cheeks_out(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.3 and both(p, "CheekSquint") < 0.15


@pytest.mark.parametrize("text", ["the sort of smile you give a traffic warden", "that kind of grin one puts on for the in-laws",
                                  "a smile people save for their bank manager"])
def test_a_smile_one_gives_someone_is_a_social_smile(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.3 and both(p, "CheekSquint") < 0.15


def test_the_kind_of_a_thing_is_no_kindness_and_kind_of_still_hedges(planner):
    p = planner.plan("the kind of stare you give a wasp")
    assert both(p, "MouthSmile") == 0
    hedged, plain = planner.plan("she is kind of happy"), planner.plan("she is happy")
    assert 0 < both(hedged, "MouthSmile") < both(plain, "MouthSmile")


# --- a relative clause on another person, without a comma -----------------------------------------------------

@pytest.mark.parametrize("text", ["scowling at the busker who beams at her", "she frowns at the old man who laughs and waves"])
def test_a_relative_clause_without_a_comma_is_the_other_persons_face(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowDown") >= 0.3 and both(p, "MouthSmile") < 0.1


def test_a_relative_clause_ends_where_the_next_beat_starts(planner):
    p = planner.plan("she scowls at the waiter who shrugs then she bursts out laughing")
    assert both(p, "MouthSmile") >= 0.3


def test_a_subjects_own_clause_still_moves_the_face(planner):
    assert both(planner.plan("the girl who grins at the camera"), "MouthSmile") >= 0.3


# --- a feeling named first and then said to be hidden -------------------------------------------------------

@pytest.mark.parametrize("text", ["furious, hiding it", "a stab of envy, masked", "panic pushed down", "fear held in",
                                  "sad, holding a brave face"])
def test_a_feeling_said_to_be_hidden_is_held_in_check(planner, text):
    assert both(planner.plan(text), "MouthPress") >= 0.2


@pytest.mark.parametrize("emotion", ["heartbroken, hiding it", "terror, pushed down"])
def test_a_hidden_feeling_in_the_emotion_field_presses_the_lips(planner, emotion):
    assert both(planner.plan("She pours the tea.", emotion=emotion), "MouthPress") >= 0.15


def test_a_thing_that_is_hidden_is_no_held_feeling(planner):
    p = planner.plan("the letter, hidden in a drawer; she grins")
    assert both(p, "MouthSmile") >= 0.5 and both(p, "MouthPress") < 0.2


# --- content, exasperated and proud have faces of their own ---------------------------------------------------

@pytest.mark.parametrize("text", ["the cat looks utterly content by the fire", "a contented look"])
def test_content_is_heavy_lids_over_a_small_smile(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeBlink") >= 0.3 and 0.15 <= both(p, "MouthSmile") <= 0.45


def test_a_content_scene_lowers_the_lids_of_a_vague_line(planner):
    p = planner.plan("He stretches his legs out.", emotion="contentment")
    assert both(p, "EyeBlink") >= 0.2 and both(p, "MouthSmile") >= 0.15


@pytest.mark.parametrize("text", ["she is exasperated with the printer", "exasperation"])
def test_exasperation_rolls_the_eyes_up_with_the_lips_pressed(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookUp") >= 0.25 and both(p, "MouthPress") >= 0.2


def test_pride_smiles_with_the_cheeks(planner):
    p = planner.plan("She claps from the front row.", emotion="proud")
    assert both(p, "MouthSmile") >= 0.2 and both(p, "CheekSquint") >= 0.15


# --- a feeling's tilt of the head keeps its side --------------------------------------------------------------

@pytest.mark.parametrize("text, sign", [("a baffled tilt to the left", -1), ("an intrigued tilt to her right", 1)])
def test_a_feelings_tilt_tilts_the_head_to_the_side_named(planner, text, sign):
    p = planner.plan(text)
    assert sign * v(p, "HeadRoll") >= 0.15
    assert abs(both(p, "BrowOuterUp") - min(v(p, "BrowOuterUpLeft"), v(p, "BrowOuterUpRight"))) < 0.05  # the feeling on both sides


def test_a_tilt_with_a_size_word_before_it_is_still_a_plain_tilt(planner):
    assert v(planner.plan("a slight tilt to the left"), "HeadRoll") < 0


# --- idioms of a feeling -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["my stomach dropped and my heart sank into my boots", "her heart sinks into her socks"])
def test_a_heart_that_sinks_into_something_is_sadness_not_a_change(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "MouthFrown") >= 0.2


def test_a_face_that_sinks_into_a_frown_is_still_a_change(planner):
    p = planner.plan("her smile sinks into a frown")
    assert both(p, "MouthSmile") < 0.1


@pytest.mark.parametrize("text", ["the whole room held its breath", "they held their breath", "nobody dared breathe",
                                  "she stood there not breathing"])
def test_a_held_breath_in_the_past_or_not_breathing_presses_the_lips(planner, text):
    assert both(planner.plan(text), "MouthPress") >= 0.25


def test_not_being_able_to_breathe_is_still_out_of_breath(planner):
    assert v(planner.plan("after the stairs he can't breathe"), "JawOpen") >= 0.2


@pytest.mark.parametrize("text", ["like a terrier with a bone over the parking fine", "a dog with a bone, that one, lips set"])
def test_a_dog_with_a_bone_is_set_and_determined(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowDown") >= 0.25 and both(p, "MouthPress") >= 0.25


@pytest.mark.parametrize("text", ["shuffling about like a zombie at the bus stop", "she was a wet lettuce all morning"])
def test_a_zombie_or_a_wet_lettuce_is_listless(planner, text):
    assert both(planner.plan(text), "EyeBlink") >= 0.3


@pytest.mark.parametrize("text", ["when the teacher shouted, his face went very small", "her face grows small under the stares"])
def test_a_face_that_goes_small_shrinks_with_shame(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeLookDown") >= 0.2 and v(p, "BrowInnerUp") >= 0.2


@pytest.mark.parametrize("text", ["with a face as long as a fiddle", "the striker was sick as a parrot", "long as a wet week, that face"])
def test_a_long_face_and_sick_as_a_parrot_are_glum(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "MouthFrown") >= 0.25


def test_smelling_something_off_is_disgust(planner):
    p = planner.plan("he sniffs the milk like he's smelt something off")
    assert both(p, "NoseSneer") >= 0.3


def test_winning_the_lottery_is_delight(planner):
    p = planner.plan("she looked as if she had won the jackpot")
    assert both(p, "MouthSmile") >= 0.5 and both(p, "EyeWide") >= 0.15


@pytest.mark.parametrize("text", ["grinning like the cat that ate the canary", "a face like a smacked arse all through lunch",
                                  "the beetle-browed clerk glares", "a pearl-clutching gasp"])
def test_more_idioms_of_a_feeling_read(planner, text):
    p = planner.plan(text)
    assert max(both(p, "MouthSmile"), both(p, "BrowDown"), both(p, "EyeWide")) >= 0.3


def test_clamming_up_shuts_the_lips(planner):
    assert both(planner.plan("asked about the money, he clams up"), "MouthPress") >= 0.3


@pytest.mark.parametrize("text", ["mum's been dark on dad since breakfast", "he is dark on me again"])
def test_dark_on_someone_is_cross(planner, text):
    assert both(planner.plan(text), "BrowDown") >= 0.3


def test_a_dark_place_is_no_anger(planner):
    assert both(planner.plan("the hall is dark on the far side; she smiles"), "BrowDown") < 0.1


# --- feelings a scene's emotion names that read as nothing ------------------------------------------------------

@pytest.mark.parametrize("emotion, stem, least", [("overwhelmed", "BrowInnerUp", 0.3), ("stage fright", "EyeWide", 0.3),
                                                   ("protective", "BrowDown", 0.15)])
def test_more_feelings_of_a_scene_colour_a_vague_line(planner, emotion, stem, least):
    p = planner.plan("She opens the door.", emotion=emotion)
    value = v(p, stem) if stem == "BrowInnerUp" else both(p, stem)
    assert value >= least


# --- an empty thing is no empty face -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["she stares at the empty cot", "an empty glass in his hand"])
def test_an_empty_thing_lets_the_scenes_feeling_colour_the_line(planner, text):
    p = planner.plan(text, emotion="grief")
    assert v(p, "BrowInnerUp") >= 0.2


def test_an_empty_face_is_still_blank(planner):
    p = planner.plan("a totally empty face", emotion="grief")
    assert v(p, "BrowInnerUp") < 0.1


@pytest.mark.parametrize("text", ["the suspect glances to his left", "our main suspect sits very still, eyes down"])
def test_a_suspect_is_a_person_not_suspicion(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") < 0.1 and both(p, "BrowDown") < 0.1


def test_suspecting_someone_is_still_suspicion(planner):
    assert both(planner.plan("she suspects him"), "EyeSquint") >= 0.2


@pytest.mark.parametrize("text", ["dozing in the deckchair, fast asleep", "he pretends to be asleep when she checks on him"])
def test_asleep_is_the_eyes_shut(planner, text):
    assert both(planner.plan(text), "EyeBlink") >= 0.8


def test_half_asleep_is_half_shut_and_not_asleep_is_open(planner):
    assert 0.3 <= both(planner.plan("half asleep over the paperwork"), "EyeBlink") <= 0.7
    assert both(planner.plan("he is not asleep, just staring"), "EyeBlink") < 0.2
