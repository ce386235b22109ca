"""Planner fixes from a new user's probes (stop 27): descriptions written fresh, whose readings were
wrong. Each probe is written here for the rule it checks; the real planner reads it and its values are
asserted, with a control that the rule does not reach too far.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ----------------------------------------------------------------------------- the tip of the tongue
@pytest.mark.parametrize("text", ["tongue tip just out while he sketches", "The tip of her tongue pokes out.",
                                  "his tongue peeks out at the corner", "a grin, tongue just showing"])
def test_the_tip_of_the_tongue_is_a_small_showing(planner, text):
    p = planner.plan(text)
    assert 0.15 <= v(p, "TongueOut") <= 0.4, p.explanation


@pytest.mark.parametrize("text", ["he sticks his tongue out at her", "tongue out, full blep"])
def test_a_tongue_stuck_out_is_still_a_large_one(planner, text):
    assert v(planner.plan(text), "TongueOut") >= 0.7


# ----------------------------------------------------------------------------- "omg" beside a feeling
@pytest.mark.parametrize("text", ["he's soooo mad omg", "omg she's sobbing", "smiling at the puppy omg"])
def test_omg_beside_a_named_feeling_is_emphasis_not_shock(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeWide") < 0.2 and v(p, "BrowOuterUpLeft") < 0.3, p.explanation


@pytest.mark.parametrize("text", ["omg", "omg is that him"])
def test_omg_on_its_own_is_still_amazement(planner, text):
    assert both(planner.plan(text), "EyeWide") >= 0.4


# ----------------------------------------------------------------------------- the skull emoji
@pytest.mark.parametrize("text", ["my brother is FUMING 💀", "who left the milk out 💀 nose all scrunched"])
def test_the_skull_beside_a_described_face_is_no_laugh(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") < 0.1 and v(p, "JawOpen") < 0.3, p.explanation


def test_the_skull_on_its_own_is_laughter(planner):
    assert both(planner.plan("this meme 💀💀"), "MouthSmile") >= 0.4


# ----------------------------------------------------------------------------- a smile so big it hurts
@pytest.mark.parametrize("text", ["beaming so wide my face hurts", "he laughed until his cheeks ached"])
def test_a_smile_that_hurts_is_a_big_smile_not_a_pain(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.6, p.explanation
    assert v(p, "CheekPuff") == 0.0 and both(p, "MouthFrown") < 0.1, p.explanation


def test_cheeks_that_hurt_with_no_smile_are_not_a_smile(planner):
    assert both(planner.plan("her cheeks hurt from the wind"), "MouthSmile") < 0.1


# ----------------------------------------------------------------------------- losing a contest
@pytest.mark.parametrize("text", ["losing the ghost pepper challenge", "he lost the jalapeno eating contest"])
def test_losing_a_contest_does_not_negate_what_follows(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.2, p.explanation


def test_losing_a_smile_still_lets_it_go(planner):
    assert both(planner.plan("she's losing her smile"), "MouthSmile") < 0.1


# ----------------------------------------------------------------------------- missing, absent: gone
@pytest.mark.parametrize("text", ["His trademark sneer is missing tonight.", "the grin was nowhere to be seen"])
def test_a_movement_said_missing_is_gone(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") == 0.0 and both(p, "NoseSneer") == 0.0, p.explanation


def test_something_else_missing_leaves_the_movement(planner):
    assert both(planner.plan("a front tooth is missing, he grins anyway"), "MouthSmile") >= 0.4


# ----------------------------------------------------------------------------- "not the brows" after a movement
@pytest.mark.parametrize("text", ["narrow the eyes, not the brows", "she squints but not with the eyebrows",
                                  "glare from the lids, no brow furrow"])
def test_brows_denied_after_a_movement_stay_level(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.3 and both(p, "BrowDown") == 0.0, p.explanation


def test_not_a_person_after_a_movement_holds_nothing(planner):
    assert both(planner.plan("she glares at the referee, not the coach"), "BrowDown") >= 0.3


# ----------------------------------------------------------------------------- eyes that see nothing
@pytest.mark.parametrize("text", ["Her eyes glazed over halfway through the sermon.", "he's totally zoned out",
                                  "a thousand-yard stare", "He looked straight through her.", "eyes gone glassy"])
def test_unseeing_eyes_are_a_little_heavy(planner, text):
    p = planner.plan(text)
    assert 0.15 <= both(p, "EyeBlink") <= 0.55, p.explanation
    assert both(p, "EyeLookOut") == 0.0 and both(p, "EyeLookIn") == 0.0, p.explanation  # 'right through' is no side


def test_looking_through_a_window_is_no_unseeing_stare(planner):
    assert both(planner.plan("he looks through the window"), "EyeBlink") == 0.0


# ----------------------------------------------------------------------------- one side of the mouth kept flat
def test_one_side_of_the_mouth_kept_flat_takes_no_smile(planner):
    p = planner.plan("He smiles, but the right side of his mouth stays flat.")
    assert v(p, "MouthSmileLeft") >= 0.4 and v(p, "MouthSmileRight") == 0.0, p.explanation


def test_the_whole_mouth_kept_flat_is_not_held_at_rest(planner):
    # a straight mouth held on purpose is a light press (as the corpus annotates it), not an empty face
    p = planner.plan("Through the whole joke her mouth stays flat.")
    assert both(p, "MouthPress") >= 0.2, p.explanation


# ----------------------------------------------------------------------------- the corner of a thing
@pytest.mark.parametrize("text", ["She dog-ears the corner of the page.", "He tucks in the last corner of the sheet.",
                                  "she creases each corner of the flag"])
def test_the_corner_of_a_thing_is_not_the_mouth(planner, text):
    p = planner.plan(text)
    assert p.values.max() == 0.0, p.explanation


@pytest.mark.parametrize("text", ["the corners of his mouth turn up", "one corner of her lips lifts",
                                  "the left corner of his moutth pulls down"])
def test_the_corner_of_the_mouth_still_moves(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") + both(p, "MouthFrown") >= 0.2, p.explanation


# ----------------------------------------------------------------------------- eyes that well up
@pytest.mark.parametrize("text", ["his eyes well up as the band plays", "She's welling up, still smiling."])
def test_eyes_that_well_up_are_wet_not_crying(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.2 and both(p, "MouthFrown") == 0.0, p.explanation


# ----------------------------------------------------------------------------- breath and laughter through the nose
@pytest.mark.parametrize("text", ["She huffs out through her nose, unimpressed.", "a long sigh through the nose"])
def test_a_breath_through_the_nose_keeps_the_lips_shut(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthFunnel") == 0.0 and v(p, "JawOpen") < 0.05 and both(p, "MouthPress") >= 0.2, p.explanation


def test_a_laugh_through_the_nose_is_a_small_closed_smile(planner):
    p = planner.plan("He snickers through his nose at the typo.")
    assert 0.2 <= both(p, "MouthSmile") <= 0.45 and v(p, "JawOpen") < 0.1, p.explanation


def test_a_sigh_without_the_nose_is_still_a_sigh(planner):
    assert v(planner.plan("she sighs heavily"), "MouthFunnel") > 0.0


# ----------------------------------------------------------------------------- blanching
def test_blanching_is_a_start_of_shock(planner):
    p = planner.plan("He blanched when he saw the bill.")
    assert both(p, "EyeWide") >= 0.15 and v(p, "BrowInnerUp") >= 0.15 and both(p, "MouthSmile") == 0.0, p.explanation


def test_blanched_almonds_are_no_face(planner):
    assert planner.plan("she blanches the almonds for the cake").values.max() == 0.0


# ----------------------------------------------------------------------------- a face scrunched or screwed up
@pytest.mark.parametrize("text", ["She scrunched up her entire face at the smell.", "he screwed his face up",
                                  "a screwed-up little face", "his whole face scrunches"])
def test_a_scrunched_face_squeezes_and_does_not_lift_the_head(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.3 and both(p, "BrowDown") >= 0.2, p.explanation
    assert v(p, "HeadPitch") == 0.0, p.explanation  # the 'up' of the phrasal verb


def test_a_nose_screwed_up_still_wrinkles(planner):
    assert both(planner.plan("nose screwed up at the cheese"), "NoseSneer") >= 0.4


# ----------------------------------------------------------------------------- lids and drains that are things
@pytest.mark.parametrize("text", ["He screws the lid back on the jar.", "she lifts the lid of the piano"])
def test_the_lid_of_a_thing_is_no_eyelid(planner, text):
    assert both(planner.plan(text), "EyeBlink") == 0.0


def test_the_drains_are_no_negation(planner):
    p = planner.plan("She wrinkles her nose at the smell of the drains.")
    assert both(p, "NoseSneer") >= 0.3, p.explanation


def test_a_smile_that_drains_away_still_goes(planner):
    assert both(planner.plan("the smile drains away"), "MouthSmile") == 0.0


# ----------------------------------------------------------------------------- one brow up, the other down
@pytest.mark.parametrize("text, up, down", [("L brow up, R brow down", "BrowOuterUpLeft", "BrowDownRight"),
                                            ("his right brow goes up and the left one down", "BrowOuterUpRight", "BrowDownLeft")])
def test_one_brow_up_and_the_other_down_is_no_grief_brow(planner, text, up, down):
    p = planner.plan(text)
    assert v(p, up) >= 0.4 and v(p, down) >= 0.4, p.explanation


def test_both_brows_up_and_together_is_still_the_grief_brow(planner):
    p = planner.plan("her brows draw up and together")
    assert v(p, "BrowInnerUp") >= 0.4 and v(p, "BrowDownLeft") < 0.3, p.explanation


# ----------------------------------------------------------------------------- typed brow and lid values
def test_typed_inner_and_outer_brow_values_and_lids_are_kept(planner):
    p = planner.plan("brows: inner up .45 | outer up .15 | lids: .35 | mouth: frown .3")
    assert v(p, "BrowInnerUp") == pytest.approx(0.45) and v(p, "BrowOuterUpLeft") == pytest.approx(0.15), p.explanation
    assert both(p, "EyeBlink") == pytest.approx(0.35) and both(p, "EyeWide") == 0.0, p.explanation


def test_a_typed_lid_takes_its_side(planner):
    p = planner.plan("R lid .7")
    assert v(p, "EyeBlinkRight") == pytest.approx(0.7) and v(p, "EyeBlinkLeft") == 0.0


@pytest.mark.parametrize("text", ["left eye shut, the right one wide", "her left lid droops and the right one stays up"])
def test_the_other_sides_one_is_the_part_named_before(planner, text):
    p = planner.plan(text)
    assert v(p, "EyeBlinkLeft") >= 0.4 and v(p, "EyeBlinkRight") < 0.1, p.explanation


# ----------------------------------------------------------------------------- someone else's laugh in a time clause
@pytest.mark.parametrize("text", ["She keeps a straight face while the kids giggle.",
                                  "He stays stone-faced as the whole audience laughs.", "while the baby laughs she frowns"])
def test_another_persons_laugh_in_a_time_clause_is_not_the_characters(planner, text):
    assert both(planner.plan(text), "MouthSmile") == 0.0


@pytest.mark.parametrize("text", ["as she laughs, her eyes close", "She grins while her eyes water."])
def test_the_characters_own_clause_still_counts(planner, text):
    assert both(planner.plan(text), "MouthSmile") >= 0.4


def test_the_main_clause_after_another_persons_clause_is_kept(planner):
    p = planner.plan("while the couple shout at each other the mediator frowns")
    assert both(p, "BrowDown") >= 0.2 and v(p, "JawOpen") < 0.2, p.explanation


# ----------------------------------------------------------------------------- anything but calm
@pytest.mark.parametrize("text", ["She's anything but calm.", "far from relaxed, he drums his fingers"])
def test_a_denied_calm_is_agitation(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.2 and both(p, "MouthPress") >= 0.15, p.explanation


# ----------------------------------------------------------------------------- a value written inside the shape's words
@pytest.mark.parametrize("text, channel, value", [("brows .4 up", "BrowInnerUp", 0.4), ("L brow .5 down", "BrowDownLeft", 0.5),
                                                  ("jaw .3 open", "JawOpen", 0.3)])
def test_a_value_between_the_part_and_its_direction_is_typed(planner, text, channel, value):
    p = planner.plan(text)
    assert v(p, channel) == pytest.approx(value), p.explanation


def test_a_side_before_a_split_shape_keeps_the_other_side_still(planner):
    p = planner.plan("L brow .5 down")
    assert v(p, "BrowDownRight") == 0.0


# ----------------------------------------------------------------------------- an emoticon beside the words that say it
@pytest.mark.parametrize("text", ["smol smile :)", "a tiny smile :)", "barely smiling :)"])
def test_an_emoticon_repeating_the_words_does_not_override_their_size(planner, text):
    assert both(planner.plan(text), "MouthSmile") <= 0.36


@pytest.mark.parametrize("text, channel", [(":)", "MouthSmileLeft"), ("sticks tonge out at u :P", "TongueOut")])
def test_an_emoticon_the_words_do_not_say_still_counts(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.5
