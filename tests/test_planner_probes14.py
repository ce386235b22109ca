"""Planner fixes from a new user's probes (stop 25): descriptions written fresh, in the styles animators
type, whose readings were wrong. Each probe is written here for the rule it checks; the real planner
reads it and its values are asserted, with a control that the rule does not reach too far.
"""

from __future__ import annotations

import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# ----------------------------------------------------------------------------- the whole face settles
@pytest.mark.parametrize("text", ["The expression settles.", "her face settles, very faintly", "His features settle."])
def test_a_settling_face_rests_in_the_scenes_feeling(planner, text):
    p = planner.plan(text, emotion="grief")
    assert v(p, "BrowInnerUp") >= 0.1, p.explanation
    assert both(p, "MouthFrown") >= 0.05, p.explanation
    alone = planner.plan(text)  # no feeling and no keyframe before: the face at rest
    assert not alone.values.any(), alone.explanation


def test_a_settling_face_keeps_part_of_the_keyframe_before(planner):
    laugh = planner.plan("a big belly laugh")
    p = planner.plan("The expression settles.", previous=laugh.values)
    assert 0.3 * both(laugh, "MouthSmile") <= both(p, "MouthSmile") < both(laugh, "MouthSmile")


def test_settling_said_of_a_part_or_beside_a_movement_still_lets_go(planner):
    brows = planner.plan("Her brows settle.", emotion="anger")
    assert both(brows, "BrowDown") == 0.0 and v(brows, "BrowInnerUp") == 0.0, brows.explanation
    scowl = planner.plan("The expression settles into a scowl.")
    assert both(scowl, "BrowDown") >= 0.3, scowl.explanation
    rise = planner.plan("Her face settles and her brows rise.", emotion="anger")
    assert v(rise, "BrowInnerUp") >= 0.3 and both(rise, "BrowDown") == 0.0, rise.explanation


# ----------------------------------------------------------------------------- how people type feelings
@pytest.mark.parametrize("text, stem", [("so angery rn", "BrowDown"), ("angy", "BrowDown"), ("happi", "MouthSmile"),
                                        ("totally suprized", "EyeWide")])
def test_internet_spellings_of_feelings_read_as_the_feeling(planner, text, stem):
    p = planner.plan(text)
    assert both(p, stem) >= 0.3, p.explanation


def test_more_emoticons_read(planner):
    angry = planner.plan("ugh >(")
    assert both(angry, "BrowDown") >= 0.4 and both(angry, "MouthSmile") == 0.0, angry.explanation
    evil = planner.plan("evil plan >:)")
    assert both(evil, "MouthSmile") >= 0.4 and both(evil, "BrowDown") >= 0.3, evil.explanation
    side = planner.plan("he's like >_>")
    assert max(v(side, "EyeLookOutLeft"), v(side, "EyeLookOutRight")) >= 0.2, side.explanation
    tears = planner.plan("happy :')")
    assert both(tears, "MouthSmile") >= 0.3 and v(tears, "BrowInnerUp") >= 0.2, tears.explanation


# ----------------------------------------------------------------------------- what is said to stay, or not to happen
@pytest.mark.parametrize("text, region", [
    ("Jaw drops; the eyebrows stay exactly where they were.", "brows"),
    ("grins, head held in place", "head"),
    ("brows 0, keep the .4 frown", "brows"),
    ("jaw drops, brows at zero", "brows"),
])
def test_a_part_said_to_stay_where_it_was_is_read_at_rest(planner, text, region):
    p = planner.plan(text)
    assert region in p.understood, p.explanation
    assert any("held at rest" in e for e in p.explanation), p.explanation


def test_a_denied_frown_reads_the_brows_at_rest(planner):
    p = planner.plan("it isn't a frown, he's just squinting into the glare")
    assert {"brows", "mouth"} <= p.understood, p.explanation
    assert both(p, "MouthFrown") == 0.0, p.explanation


def test_crying_denied_beside_a_smile_is_still_denied(planner):
    p = planner.plan("far from crying, she beams")
    assert p.held is not None and p.held[ch.channel_index("BrowInnerUp")], p.explanation  # nothing fills the sad brow in
    assert both(p, "MouthSmile") >= 0.5, p.explanation
    tears = planner.plan("laughing so hard she's crying")  # tears of laughter stay the laugh's
    assert both(tears, "MouthSmile") >= 0.5 and v(tears, "BrowInnerUp") < 0.1, tears.explanation


@pytest.mark.parametrize("text", ["she was the only one smiling", "smiles at every one", "smiles at the little one"])
def test_one_as_someone_is_not_one_side(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") == pytest.approx(v(p, "MouthSmileRight")) and both(p, "MouthSmile") >= 0.2, p.explanation


@pytest.mark.parametrize("text", ["raises one brow", "only one eye opens", "with one eyebrow cocked"])
def test_one_before_a_part_is_still_one_side(planner, text):
    p = planner.plan(text)
    left = sum(v(p, n) for n in ("BrowOuterUpLeft", "EyeWideLeft"))
    right = sum(v(p, n) for n in ("BrowOuterUpRight", "EyeWideRight"))
    assert abs(left - right) >= 0.3, p.explanation


# ----------------------------------------------------------------------------- keeping oneself from a movement
@pytest.mark.parametrize("text, stem", [
    ("She bites her lip to keep from laughing at the eulogy.", "MouthSmile"),
    ("he tries to keep himself from smiling", "MouthSmile"),
    ("she stops herself from crying", "MouthFrown"),
])
def test_keeping_from_a_movement_holds_it_back(planner, text, stem):
    p = planner.plan(text)
    full = planner.plan(text.split("from ")[-1])  # the movement said plainly
    assert 0.0 < both(p, stem) <= 0.5 * both(full, stem), p.explanation
    assert not p.beats, p.beats  # "stops herself from" is no change of state


# ----------------------------------------------------------------------------- a look that travels
@pytest.mark.parametrize("text, side", [
    ("his eyes follow the ball from left to right", "Right"),
    ("her eyes sweep from right to left across the crowd", "Left"),
])
def test_a_look_from_one_side_to_the_other_ends_on_the_second(planner, text, side):
    p = planner.plan(text)
    assert v(p, f"EyeLookOut{side}") >= 0.3, p.explanation
    other = "Left" if side == "Right" else "Right"
    assert v(p, f"EyeLookOut{other}") == 0.0, p.explanation


def test_a_mouth_that_hangs_a_little_open_is_open_not_turned_down(planner):
    p = planner.plan("The lids droop heavily and the mouth hangs slightly open.")
    assert 0.1 <= v(p, "JawOpen") <= 0.35 and both(p, "MouthFrown") == 0.0, p.explanation


def test_lips_gone_blue_with_cold_are_cold_not_sad(planner):
    p = planner.plan("He's so cold his lips have gone blue and his jaw is shaking.")
    assert v(p, "BrowInnerUp") < 0.2 and both(p, "MouthFrown") < 0.1, p.explanation
    assert both(p, "MouthStretch") >= 0.2, p.explanation  # the cold's clenched, stretched mouth
    sad = planner.plan("She's been feeling blue all week.")
    assert v(sad, "BrowInnerUp") >= 0.3, sad.explanation


# ----------------------------------------------------------------------------- the face's colour
@pytest.mark.parametrize("text", ["She turned white as a sheet.", "he went pale", "Tom goes ashen and swallows."])
def test_going_pale_is_dread_not_a_head_turn(planner, text):
    p = planner.plan(text)
    assert v(p, "HeadYaw") == 0.0, p.explanation
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "MouthPress") >= 0.2, p.explanation


def test_lips_or_knuckles_gone_white_are_no_dread(planner):
    lips = planner.plan("lips pressed so hard they go white")
    assert both(lips, "MouthPress") >= 0.3 and v(lips, "BrowInnerUp") == 0.0, lips.explanation
    knuckles = planner.plan("his knuckles turned white")
    assert not knuckles.values.any(), knuckles.explanation


def test_turning_red_is_a_blush_unless_with_anger(planner):
    blush = planner.plan("she turned bright red")
    assert both(blush, "EyeLookDown") >= 0.15 and v(blush, "HeadYaw") == 0.0, blush.explanation
    angry = planner.plan("he went red with anger")
    assert both(angry, "BrowDown") >= 0.4, angry.explanation


@pytest.mark.parametrize("text", [
    "squinting, but the brows are not moving at all",
    "she squints but keeps her eyebrows perfectly still because the sunburn stings",
])
def test_brows_said_still_beside_a_squint_stay_at_rest(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeSquint") >= 0.3, p.explanation
    assert both(p, "BrowDown") == 0.0 and v(p, "BrowInnerUp") == 0.0, p.explanation


def test_everything_but_a_part_still_leaves_that_part_free(planner):
    p = planner.plan("everything but the brows stays still, and the brows shoot up")
    assert v(p, "BrowInnerUp") >= 0.3, p.explanation


# ----------------------------------------------------------------------------- failing to, keeping down, cheeks that do not lift
@pytest.mark.parametrize("text", ["he fails to smile", "not so much as a smile", "she failed to crack a grin"])
def test_failing_to_smile_is_no_smile(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") == 0.0, p.explanation


@pytest.mark.parametrize("text", ["she failed to hide her grin", "he couldn't suppress a giggle"])
def test_failing_to_hide_a_smile_shows_it(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.5, p.explanation


def test_a_grin_kept_down_is_held_back(planner):
    p = planner.plan("his chin bunches up to keep the grin down")
    assert 0.0 < both(p, "MouthSmile") <= 0.3 and v(p, "MouthShrugLower") >= 0.3, p.explanation


@pytest.mark.parametrize("text", ["she smiles but her cheeks don't lift", "a fake smile, the cheeks never lift"])
def test_a_smile_whose_cheeks_do_not_lift_keeps_them_down(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") >= 0.3 and both(p, "CheekSquint") <= 0.1, p.explanation


def test_eyes_that_come_to_rest_on_something_look_there(planner):
    p = planner.plan("Her eyes sweep the room and come to rest on the door at her far left.")
    assert v(p, "EyeLookOutLeft") >= 0.3, p.explanation
    assert not any(e.startswith("'neutral'") for e in p.explanation), p.explanation


def test_unsmiling_is_no_smile_with_the_lips_together(planner):
    p = planner.plan("An unsmiling nod from the guard.")
    assert both(p, "MouthSmile") == 0.0 and both(p, "MouthPress") >= 0.1 and v(p, "HeadPitch") > 0.1, p.explanation


def test_not_looking_up_from_something_keeps_the_eyes_down(planner):
    p = planner.plan("She won't look up from the table.")
    assert both(p, "EyeLookDown") >= 0.3, p.explanation


# ----------------------------------------------------------------------------- a smile that does not come or goes
@pytest.mark.parametrize("text", ["Her smile dies when she sees who's at the door.", "Not amused in the least.",
                                  "she doesn't so much as smirk", "he stopped smiling"])
def test_a_smile_denied_or_gone_leaves_the_lips_lightly_together(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") == 0.0 and 0.1 <= both(p, "MouthPress") <= 0.35, p.explanation


def test_a_smile_that_fades_a_little_or_into_something_else_is_not_a_straight_face(planner):
    p = planner.plan("the smile fades a little")
    assert both(p, "MouthSmile") >= 0.2, p.explanation
    frown = planner.plan("her smile fades into a frown")
    assert both(frown, "MouthFrown") >= 0.3, frown.explanation


@pytest.mark.parametrize("text, stem", [("He hasn't stopped frowning since breakfast.", "MouthFrown"),
                                        ("she never stopped smiling", "MouthSmile")])
def test_not_having_stopped_is_still_doing(planner, text, stem):
    assert both(planner.plan(text), stem) >= 0.3


@pytest.mark.parametrize("text, stem", [("His face darkened at the news.", "BrowDown"), ("Game face on.", "BrowDown"),
                                        ("Sadge", "MouthFrown"), ("KEKW", "MouthSmile"), ("monkaS", "MouthPress")])
def test_idioms_and_emotes_of_a_face_read(planner, text, stem):
    assert both(planner.plan(text), stem) >= 0.2


def test_choked_up_is_sad_with_the_lips_pressed(planner):
    p = planner.plan("He got all choked up at the speech.")
    assert v(p, "BrowInnerUp") >= 0.3 and both(p, "MouthPress") >= 0.2, p.explanation


# ----------------------------------------------------------------------------- more phrasings
@pytest.mark.parametrize("text, channel, low", [
    ("smth smells SO bad in here", "NoseSneerLeft", 0.3),
    ("I had to crane my neck back to meet his eyes", "EyeLookUpLeft", -1.0),  # the head tips back (checked below)
    ("The registrar peers at him over the rims of her bifocals.", "EyeLookUpLeft", 0.2),
    ("he dont understand", "BrowInnerUp", 0.15),
    ("lower lip under top teeth, nothing else", "MouthRollLower", 0.3),
    ("Her eyelids came halfway down like blinds at dusk.", "EyeBlinkLeft", 0.35),
    ("lids halfway down", "EyeBlinkLeft", 0.4),
    ("his nose twitches at the smell", "NoseSneerLeft", 0.15),
    ("nostrils twitch once", "NoseSneerLeft", 0.1),
])
def test_more_everyday_phrasings_read(planner, text, channel, low):
    p = planner.plan(text)
    assert v(p, channel) >= low, p.explanation
    if "crane" in text:
        assert v(p, "HeadPitch") < -0.1, p.explanation


def test_typed_values_for_both_sides(planner):
    p = planner.plan("EyeWide both 1.0")
    assert v(p, "EyeWideLeft") == 1.0 and v(p, "EyeWideRight") == 1.0


def test_a_person_who_freezes_is_caught_by_a_fright(planner):
    p = planner.plan("Old Mr. Finch freezes.")
    assert both(p, "EyeWide") >= 0.15 and v(p, "BrowInnerUp") >= 0.15, p.explanation
    assert not planner.plan("he froze the frame").values.any()  # freezing a thing is no face


def test_going_green_is_queasy_and_green_with_envy_is_envy(planner):
    sick = planner.plan("She went green, like the boat was still rocking.")
    assert both(sick, "MouthPress") >= 0.2 and both(sick, "NoseSneer") >= 0.1, sick.explanation
    envy = planner.plan("She's green with envy.")
    assert both(envy, "EyeSquint") >= 0.2 and both(envy, "NoseSneer") == 0.0, envy.explanation


def test_bricking_it_is_terror(planner):
    p = planner.plan("she was absolutely bricking it")
    assert both(p, "EyeWide") >= 0.4 and v(p, "BrowInnerUp") >= 0.4, p.explanation


def test_a_glare_over_the_glasses_keeps_the_glare(planner):
    p = planner.plan("She glares at him over her glasses.")
    assert both(p, "BrowDown") >= 0.3 and both(p, "EyeLookUp") >= 0.2, p.explanation


@pytest.mark.parametrize("text", ["His eyelids flutter and open halfway.", "her eyes open only a crack"])
def test_eyes_open_halfway_are_half_closed(planner, text):
    p = planner.plan(text)
    assert both(p, "EyeBlink") >= 0.3 and both(p, "EyeWide") == 0.0, p.explanation


@pytest.mark.parametrize("text, channel", [("as wide as her eyes will go", "EyeWideLeft"),
                                           ("as high as his brows can get", "BrowOuterUpLeft")])
def test_as_far_as_a_part_will_go_is_its_limit(planner, text, channel):
    assert v(planner.plan(text), channel) >= 0.9
