"""Round 8 of the planner: word senses and scopes a blind QA pass on fresh descriptions found wrong.

Every probe sentence is written here for the rule it checks (none is a QA or corpus line); the real
planner reads it and the values it gives are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


# --- word senses -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sign", [("Her head dips down a little.", 1), ("he tips his head down a touch", 1),
                                        ("The head tilts back a bit.", -1), ("his head tilts up a fraction", -1)])
def test_a_tilt_down_or_back_with_a_size_is_a_pitch_not_a_roll(planner, text, sign):
    p = planner.plan(text)
    assert sign * v(p, "HeadPitch") >= 0.05
    assert abs(v(p, "HeadRoll")) < 0.05


def test_a_direction_before_an_article_of_size_stays_a_direction(planner):
    small = planner.plan("Her brows go up a touch.")
    assert 0.1 <= v(small, "BrowOuterUpLeft") < v(planner.plan("Her brows go up."), "BrowOuterUpLeft")
    # ... while a preposition before a noun is still no movement ("part in a gasp")
    assert v(planner.plan("His lips part in a gasp."), "HeadPitch") > -0.15


@pytest.mark.parametrize("text", ["His chin puckers.", "the chin is puckered, the corners pulled down"])
def test_a_puckered_chin_is_the_chin_raiser_not_a_jaw_thrust(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthShrugLower") >= 0.3
    assert v(p, "JawForward") < 0.05


def test_puckered_lips_still_pucker(planner):
    assert v(planner.plan("She puckers her lips."), "MouthPucker") >= 0.4


@pytest.mark.parametrize("text", ["Her jaw goes slack.", "and then his mouth just went slack"])
def test_a_mouth_that_goes_slack_hangs_open(planner, text):
    p = planner.plan(text)
    assert 0.15 <= v(p, "JawOpen") <= 0.5


def test_brows_that_go_slack_relax(planner):
    p = planner.plan("The brows go slack.")
    assert v(p, "BrowDownLeft") == 0 and v(p, "BrowInnerUp") == 0
    assert "brows" in p.understood


# --- extreme wording ---------------------------------------------------------------------------------

def test_size_words_in_a_clause_of_their_own_size_the_next_movement(planner):
    plain = both(planner.plan("a grin"), "MouthSmile")
    stacked = both(planner.plan("a truly gigantic, ear-splitting grin"), "MouthSmile")
    assert stacked >= 0.9 > plain
    # ... but a clause with words of its own ("a bit dark on ...") sizes nothing
    assert both(planner.plan("the coffee was a bit bitter, a grin"), "MouthSmile") >= plain


@pytest.mark.parametrize("text", ["as happy as anyone could possibly be", "as angry as humanly possible"])
def test_as_much_as_anyone_can_be_is_the_most(planner, text):
    word = "happy" if "happy" in text else "angry"
    assert planner.plan(text).values.max() > planner.plan(f"{word}").values.max()


def test_one_hundred_percent_is_full_strength(planner):
    assert both(planner.plan("smiling, one hundred percent"), "MouthSmile") > both(planner.plan("smiling"), "MouthSmile")


def test_doing_ones_best_not_to_laugh_holds_a_laugh_back(planner):
    held = planner.plan("He is doing his level best not to laugh.")
    assert 0.1 <= both(held, "MouthSmile") < both(planner.plan("He laughs."), "MouthSmile")


# --- negated or hidden parts stay still ----------------------------------------------------------------

def test_cold_eyes_under_a_laugh_keep_the_cheeks_and_lids_out(planner):
    p = planner.plan("She giggles, but her eyes are icy.")
    assert both(p, "MouthSmile") >= 0.4
    assert both(p, "CheekSquint") < 0.15 and both(p, "EyeSquint") < 0.15


@pytest.mark.parametrize("text, still", [
    ("Eyes snap wide, forehead not moving at all.", "Brow"),
    ("The brows remain neutral and the lips press into a line while she thinks.", "BrowDown"),
    ("He smirks; the rest of his face stays completely still.", "EyeSquint"),
])
def test_a_part_said_to_stay_still_is_held_at_rest(planner, text, still):
    p = planner.plan(text)
    names = [n for n in ("BrowDownLeft", "BrowInnerUp", "BrowOuterUpLeft", "EyeSquintLeft", "EyeSquintRight") if n.startswith(still)]
    assert all(v(p, n) == 0 for n in names)
    assert p.held is not None and all(p.held[__import__("kfstudio").channels.channel_index(n)] for n in names)


def test_a_part_beside_still_ones_still_moves(planner):
    p = planner.plan("Everything above the mouth stays still; the lips press tight.")
    assert both(p, "MouthPress") >= 0.3
    assert v(planner.plan("Her brows still raised, she listens."), "BrowInnerUp") >= 0.3  # "still" = yet


# --- a side of the face is not a direction -------------------------------------------------------------

@pytest.mark.parametrize("text", ["Her left eye squeezes half shut.", "the right corner of the mouth dips"])
def test_a_one_sided_movement_holds_the_gaze_and_head_straight(planner, text):
    from kfstudio import channels as ch

    p = planner.plan(text)
    assert p.held is not None
    for name in ("LeftEyeYaw", "RightEyeYaw", "EyeLookOutLeft", "EyeLookInRight", "HeadYaw"):
        assert p.held[ch.channel_index(name)] and v(p, name) == 0


def test_a_one_sided_movement_with_a_glance_still_turns_the_eyes(planner):
    p = planner.plan("Her left brow lifts as she glances to the left.")
    assert v(p, "LeftEyeYaw") < -0.1


# --- more word senses ----------------------------------------------------------------------------------

def test_a_side_named_after_a_one_sided_expression_is_its_side_not_a_head_turn(planner):
    p = planner.plan("a lopsided smirk, right side pulled higher")
    assert v(p, "MouthSmileRight") > v(p, "MouthSmileLeft")
    assert abs(v(p, "HeadYaw")) < 0.05


def test_looking_down_the_nose_lifts_the_chin_and_lowers_the_eyes(planner):
    p = planner.plan("He looks down his nose at the waiter.")
    assert v(p, "HeadPitch") <= -0.12 and v(p, "LeftEyePitch") >= 0.12
    assert both(p, "MouthSmile") < 0.1 and both(p, "MouthDimple") < 0.1


def test_squinting_up_raises_the_eyes(planner):
    p = planner.plan("She squints up at the scoreboard.")
    assert both(p, "EyeSquint") >= 0.4 and v(p, "LeftEyePitch") <= -0.1


def test_a_mock_feeling_is_the_feeling_played_not_mockery(planner):
    p = planner.plan("a mock-horrified gasp")
    assert both(p, "EyeWide") >= 0.3
    assert both(p, "MouthDimple") < 0.1 and both(p, "MouthSmile") < 0.1


@pytest.mark.parametrize("text", ["She shoots him a look.", "he shot her a glance across the table"])
def test_a_look_shot_at_someone_does_not_go_up(planner, text):
    p = planner.plan(text)
    assert v(p, "LeftEyePitch") > -0.05 and v(p, "HeadPitch") > -0.05


def test_a_jaw_dropping_to_the_floor_drops_all_the_way(planner):
    assert v(planner.plan("Her jaw practically drops to the floor."), "JawOpen") >= 0.8
    assert v(planner.plan("Her jaw drops."), "JawOpen") < 0.6


# --- a narrated change shows where it ends ---------------------------------------------------------------

def test_a_change_told_with_at_first_and_gradually_ends_in_the_last_state(planner):
    p = planner.plan("At first she beams; slowly the beam drains into a vacant stare.")
    assert both(p, "MouthSmile") < 0.1
    assert len(p.beats) >= 2


def test_catching_oneself_ends_the_movement_before_it(planner):
    p = planner.plan("She starts to giggle, checks herself and presses her lips together.")
    assert both(p, "MouthSmile") < 0.1 and both(p, "MouthPress") >= 0.3


# --- a sound said with the lips pressed keeps them pressed -------------------------------------------------

@pytest.mark.parametrize("text", ["her lips press shut on the 'b' of 'bye'", "He mutters 'sure' through tight lips."])
def test_a_sound_said_with_pressed_or_tight_lips_keeps_them_so(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthPress") >= 0.15
    assert v(p, "JawOpen") <= 0.1


def test_a_sound_said_with_an_open_mouth_still_opens_it(planner):
    assert v(planner.plan("she says 'wow' with her mouth wide open"), "JawOpen") >= 0.3


def test_a_side_after_a_symmetric_expression_does_not_turn_the_head(planner):
    p = planner.plan("A wolfish grin, a touch higher on the right side.")
    assert min(v(p, "MouthSmileLeft"), v(p, "MouthSmileRight")) >= 0.2
    assert abs(v(p, "HeadYaw")) < 0.05


# --- entries recalibrated on the train split (corpus medians where the entry is read) ------------------------

def test_an_open_jaw_drops_the_lower_lip(planner):
    assert both(planner.plan("He lets his jaw hang open."), "MouthLowerDown") >= 0.2


def test_a_closed_mouth_presses_the_lips(planner):
    assert both(planner.plan("She keeps her mouth closed."), "MouthPress") >= 0.22


def test_knit_brows_keep_some_inner_raise_below_the_lowering(planner):
    p = planner.plan("a furrowed brow")
    assert 0.15 <= v(p, "BrowInnerUp") < v(p, "BrowDownLeft")


def test_boredom_droops_the_lids_and_presses_the_lips_without_a_sideways_gaze(planner):
    p = planner.plan("He looks utterly bored.")
    assert both(p, "EyeBlink") >= 0.25 and both(p, "MouthPress") >= 0.1
    assert abs(v(p, "LeftEyeYaw")) < 0.05


def test_a_closed_smile_rests_the_lips_together_an_open_one_does_not(planner):
    closed = planner.plan("He smiles at the baby.")
    assert both(closed, "MouthPress") >= 0.1
    assert both(planner.plan("She smiles with her lips parted."), "MouthPress") == 0


def test_rounded_lips_open_the_jaw_a_little(planner):
    assert 0.1 <= v(planner.plan("Her lips round."), "JawOpen") <= 0.3


def test_widened_eyes_lift_the_inner_brows(planner):
    assert v(planner.plan("His eyes widen."), "BrowInnerUp") >= 0.18


def test_a_smile_over_sadness_keeps_the_corners_up(planner):
    p = planner.plan("a plucky smile despite the grief")
    assert both(p, "MouthSmile") > 1.5 * both(p, "MouthFrown")
    assert v(p, "BrowInnerUp") >= 0.3  # the sadness stays in the brows


def test_a_sound_of_understanding_is_not_a_surprise(planner):
    p = planner.plan("an 'aah' of sudden realisation")
    assert both(p, "EyeWide") < 0.4
    assert v(p, "JawOpen") >= 0.2


def test_lids_at_half_mast_droop(planner):
    assert both(planner.plan("his eyelids at half-mast"), "EyeBlink") >= 0.3


def test_a_corner_yanked_to_one_side_shifts_the_mouth(planner):
    p = planner.plan("the mouth corner jerks to the left")
    assert v(p, "MouthLeft") >= 0.2


@pytest.mark.parametrize("text", ["Her brows draw slightly together.", "his eyebrows pull a little together"])
def test_brows_drawn_together_with_a_size_between_are_knit(planner, text):
    p = planner.plan(text)
    assert 0.15 <= v(p, "BrowDownLeft") <= 0.45


def test_lips_held_together_press_and_teeth_together_shut_the_jaw_without_a_frown(planner):
    assert both(planner.plan("lips held together"), "MouthPress") >= 0.25
    p = planner.plan("teeth together, lips drawn back")
    assert v(p, "JawOpen") <= 0.05 and both(p, "MouthStretch") >= 0.3
    assert both(p, "BrowDown") == 0


def test_puckered_lips_round_a_little_and_a_pushed_out_lip_turns_the_corners_down(planner):
    assert v(planner.plan("her lips are puckered"), "MouthFunnel") >= 0.18
    assert both(planner.plan("his lower lip pushes out"), "MouthFrown") >= 0.15


def test_the_rest_of_the_face_is_not_held_when_the_moving_part_was_not_read(planner):
    p = planner.plan("She goes quiet: mouth buttoned, the rest of her face blank.")
    assert p.held is None or not p.held[__import__("kfstudio").channels.channel_index("BrowInnerUp")]


def test_on_that_side_is_the_side_named_before(planner):
    p = planner.plan("Her left brow dips and the mouth corner drops on that side too.")
    assert v(p, "MouthFrownLeft") >= 0.3 and v(p, "MouthFrownRight") < 0.05


def test_one_side_of_a_part_said_to_stay_still_holds_that_side_only(planner):
    plan = planner.plan("Her right brow stays put while the left one climbs.")
    assert v(plan, "BrowOuterUpLeft") > 0.3 and v(plan, "BrowOuterUpRight") == 0.0
    assert plan.held is not None and plan.held[ch.channel_index("BrowOuterUpRight")]
    assert not plan.held[ch.channel_index("BrowOuterUpLeft")]


def test_a_line_that_holds_the_keyframe_before_reads_the_regions_it_carries(planner):
    prev = planner.plan("a warm smile").values
    plan = planner.plan("she holds it", previous=prev)
    assert "mouth" in plan.understood and v(plan, "MouthSmileLeft") == pytest.approx(prev[ch.channel_index("MouthSmileLeft")])
