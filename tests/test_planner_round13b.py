"""Round 13b of the planner: general readings of English the dev split showed missing (informal, negation,
gaze, terse, speech, KeyframeFace-style and intensity lines).

Every probe sentence is written here for the rule it checks (none is a corpus line); the real planner
reads it and the values it gives are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# --- a whisper rounds the lips a little -------------------------------------------------------------

@pytest.mark.parametrize("text", ["He whispers the address to the driver.", "whispering to the kid beside her",
                                  "she leans in and whispers a secret"])
def test_a_whisper_rounds_the_lips_a_little(planner, text):
    plan = planner.plan(text)
    assert 0.1 <= v(plan, "MouthFunnel") <= 0.3
    assert v(plan, "JawOpen") < 0.2


def test_a_whisper_of_a_smile_is_still_an_intensity_not_speech(planner):
    plan = planner.plan("the whisper of a smile")
    assert v(plan, "MouthFunnel") < 0.05
    assert v(plan, "MouthSmileLeft") > 0.05


# --- a look over the shoulder turns the head most of the way --------------------------------------------

@pytest.mark.parametrize("text,sign", [("He looks back over his left shoulder at the gate.", -1),
                                       ("glancing over her right shoulder as the door slams", 1)])
def test_a_look_over_the_shoulder_turns_the_head_far(planner, text, sign):
    plan = planner.plan(text)
    assert sign * v(plan, "HeadYaw") >= 0.3
    side = "Left" if sign < 0 else "Right"
    assert v(plan, f"EyeLookOut{side}") >= 0.3


def test_a_plain_sideways_look_keeps_the_head_small(planner):
    assert abs(v(planner.plan("He looks to his left."), "HeadYaw")) < 0.2


@pytest.mark.parametrize("text,sign", [("an over-the-left-shoulder glance at the camera", -1),
                                       ("Over-the-right-shoulder look, mouth closed.", 1)])
def test_an_over_the_shoulder_compound_is_the_same_look(planner, text, sign):
    assert sign * v(planner.plan(text), "HeadYaw") >= 0.3


# --- peeking round a corner leans and turns the head that way --------------------------------------------

@pytest.mark.parametrize("text,sign", [("The burglar peeks round the corner to his left.", -1),
                                       ("she peeps around the wall to her right, mouth shut", 1),
                                       ("He looks round the corner to his right, very carefully.", 1)])
def test_peeking_round_a_corner_turns_and_tilts_the_head_that_way(planner, text, sign):
    plan = planner.plan(text)
    assert sign * v(plan, "HeadYaw") >= 0.2
    assert sign * v(plan, "HeadRoll") >= 0.1


def test_peering_around_a_room_is_not_a_corner_peek(planner):
    assert abs(v(planner.plan("peering around the room"), "HeadRoll")) < 0.05


# --- a look just past the lens toward a side is a sideways look; a head facing front does not turn ------------

@pytest.mark.parametrize("text,side", [("gaze just off the lens, a touch camera left", "Right"),
                                       ("She looks just past the camera, a little to camera right.", "Left")])
def test_a_look_just_past_the_lens_goes_to_the_side_named(planner, text, side):
    other = "Left" if side == "Right" else "Right"
    plan = planner.plan(text)
    assert v(plan, f"EyeLookOut{side}") >= 0.1
    assert v(plan, f"EyeLookOut{other}") < 0.05


@pytest.mark.parametrize("text", ["he looks to his right, head straight", "eyes slide left, head facing front",
                                  "she glances to her left, head square to the camera"])
def test_a_head_facing_front_keeps_a_sideways_look_to_the_eyes(planner, text):
    plan = planner.plan(text)
    assert abs(v(plan, "HeadYaw")) < 0.01
    assert max(v(plan, "EyeLookOutLeft"), v(plan, "EyeLookOutRight")) >= 0.3


def test_a_head_facing_front_keeps_its_chin_movement(planner):
    assert v(planner.plan("head facing front, chin tucked down, eyes to the left"), "HeadPitch") >= 0.1


def test_a_head_turned_straight_to_a_side_still_turns(planner):
    assert v(planner.plan("head turned straight to the right"), "HeadYaw") >= 0.2


# --- FACS codes: a side letter after an AU code; AU45 (blink); a code never typo-read as another ----------

@pytest.mark.parametrize("text,on,off", [("AU4R only", "BrowDownRight", "BrowDownLeft"),
                                         ("au12l, the rest neutral", "MouthSmileLeft", "MouthSmileRight"),
                                         ("AU6L + AU12L", "MouthSmileLeft", "MouthSmileRight")])
def test_an_au_code_with_a_side_letter_moves_that_side(planner, text, on, off):
    plan = planner.plan(text)
    assert v(plan, on) >= 0.3
    assert v(plan, off) <= 0.05


def test_a_note_opening_on_a_code_reads_in_capitals_too(planner):
    plan = planner.plan("4 ON R ONLY")
    assert v(plan, "BrowDownRight") >= 0.3 and v(plan, "BrowDownLeft") <= 0.05


def test_au45_is_a_blink_not_a_head_movement(planner):
    plan = planner.plan("AU45")
    assert v(plan, "EyeBlinkLeft") >= 0.5 and v(plan, "EyeBlinkRight") >= 0.5
    assert abs(v(plan, "HeadPitch")) < 0.01


def test_an_unknown_au_code_is_not_read_as_a_neighbouring_code(planner):
    assert abs(v(planner.plan("AU47"), "HeadPitch")) < 0.01 and abs(v(planner.plan("AU49"), "HeadPitch")) < 0.01


# --- reaction slang, however long it is drawn out ------------------------------------------------------

@pytest.mark.parametrize("text", ["sheeeeesh", "Sheesh, look at that car"])
def test_sheesh_rounds_the_lips_and_lifts_the_brows(planner, text):
    plan = planner.plan(text)
    assert v(plan, "MouthFunnel") >= 0.2 and v(plan, "BrowInnerUp") >= 0.3


@pytest.mark.parametrize("text", ["pog", "that play was POGGERS"])
def test_pog_is_a_jaw_dropped_amazement(planner, text):
    plan = planner.plan(text)
    assert v(plan, "JawOpen") >= 0.35 and v(plan, "EyeWideLeft") >= 0.3


@pytest.mark.parametrize("text", ["yaaass", "yasss, she got the job"])
def test_yass_is_a_cheering_open_grin(planner, text):
    plan = planner.plan(text)
    assert v(plan, "MouthSmileLeft") >= 0.4 and v(plan, "JawOpen") >= 0.2


def test_a_code_denied_in_capitals_is_denied(planner):
    assert v(planner.plan("25 W/O 26"), "JawOpen") <= 0.06


# --- emoji and kaomoji: the face holding back tears, the 👁👄👁 stare, the table flip, the shrug, ^_^; ---------

def test_the_face_holding_back_tears_lifts_the_inner_brows_and_presses_the_lips(planner):
    plan = planner.plan("\U0001F979 when they read my name out")
    assert v(plan, "BrowInnerUp") >= 0.4 and v(plan, "MouthPressLeft") >= 0.15


@pytest.mark.parametrize("text", ["\U0001F441\U0001F444\U0001F441 at the bill", "\U0001F441\ufe0f\U0001F444\U0001F441\ufe0f"])
def test_the_eye_mouth_eye_stare_is_wide_eyes_and_a_slack_mouth(planner, text):
    plan = planner.plan(text)
    assert v(plan, "EyeWideLeft") >= 0.3 and 0.075 <= v(plan, "JawOpen") <= 0.3


def test_the_table_flip_is_a_furious_yell(planner):
    plan = planner.plan("my code broke again (\u256F\u00B0\u25A1\u00B0)\u256F\uFE35 \u253B\u2501\u253B")
    assert v(plan, "JawOpen") >= 0.4 and v(plan, "BrowDownLeft") >= 0.3


def test_the_shrug_kaomoji_lifts_the_brows_and_pushes_the_lower_lip_up(planner):
    plan = planner.plan("no clue \u00AF\\_(\u30C4)_/\u00AF")
    assert v(plan, "BrowOuterUpLeft") >= 0.3 and v(plan, "MouthShrugLower") >= 0.3


def test_a_sweat_drop_on_a_happy_kaomoji_is_nervous(planner):
    plan = planner.plan("^_^; sure thing")
    assert v(plan, "BrowInnerUp") >= 0.3 and v(plan, "MouthSmileLeft") >= 0.3
    assert v(plan, "BrowDownLeft") <= 0.1


def test_au42_is_a_slit_and_au44_a_squint(planner):
    slit, squint = planner.plan("AU42"), planner.plan("AU44")
    assert 0.4 <= v(slit, "EyeBlinkLeft") < 0.9
    assert v(squint, "EyeSquintLeft") >= 0.4 and v(squint, "EyeBlinkLeft") < 0.1


# --- 'quick' on a look is its speed, not its size ---------------------------------------------------------

@pytest.mark.parametrize("text", ["a quick glance down at her phone", "he glances down briefly"])
def test_a_quick_look_still_reaches_where_it_looks(planner, text):
    assert v(planner.plan(text), "EyeLookDownLeft") >= 0.3


def test_a_quick_smile_stays_small(planner):
    assert v(planner.plan("a quick smile"), "MouthSmileLeft") <= 0.45


# --- eyes that follow the head go to its side ---------------------------------------------------------------

@pytest.mark.parametrize("text,side", [("head snaps left, eyes with it", "Left"),
                                       ("face turned to her right, eyes following", "Right"),
                                       ("chin toward camera right, eyes going the same way", "Left")])
def test_eyes_that_follow_the_head_look_to_its_side(planner, text, side):
    other = "Left" if side == "Right" else "Right"
    plan = planner.plan(text)
    assert v(plan, f"EyeLookOut{side}") >= 0.3
    assert v(plan, f"EyeLookOut{other}") < 0.05


def test_eyes_that_follow_something_else_get_no_side(planner):
    plan = planner.plan("eyes follow the ball")
    assert v(plan, "EyeLookOutLeft") < 0.05 and v(plan, "EyeLookOutRight") < 0.05


# --- 'that way' sends the head or eyes to the side named before ------------------------------------------------

@pytest.mark.parametrize("text,sign", [("He naps by the door on his right, head slumped that way.", 1),
                                       ("asleep on the bus, window to her left, head slumped the same way", -1)])
def test_that_way_is_the_side_last_named(planner, text, sign):
    assert sign * v(planner.plan(text), "HeadRoll") >= 0.15


def test_a_mouth_that_stays_that_way_gets_no_side(planner):
    plan = planner.plan("his mouth fell open on the left and stayed that way")
    assert abs(v(plan, "HeadYaw")) < 0.05


# --- an animator's head roll is a tilt --------------------------------------------------------------------

@pytest.mark.parametrize("text,sign", [("head roll right, eyes shut", 1), ("chin down + roll L", -1),
                                       ("head rolls to the left", -1)])
def test_a_head_roll_tilts_toward_the_shoulder(planner, text, sign):
    plan = planner.plan(text)
    assert sign * v(plan, "HeadRoll") >= 0.15
    assert abs(v(plan, "HeadYaw")) < 0.05


def test_an_eye_roll_is_not_a_head_roll(planner):
    assert abs(v(planner.plan("she rolls her eyes to the left"), "HeadRoll")) < 0.1
