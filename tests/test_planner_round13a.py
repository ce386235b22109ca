"""Round 13a of the planner: readings of figurative, prose, subtext, bodily and narrated descriptions the dev
split showed missing.

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


# --- a smile under a sad or worried brow is put on -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "He smiles at the visitors, his brows up in the middle.",
    "a polite little grin under a worried brow",
    "smiling for the school photo with sad eyebrows",
    "She keeps smiling while her inner brows rise.",
])
def test_a_smile_under_a_sad_brow_leaves_the_cheeks_out(planner, text):
    values = planner.plan(text)
    assert v(values, "MouthSmileLeft") >= 0.2
    assert v(values, "CheekSquintLeft") <= 0.1


@pytest.mark.parametrize("text", [
    "a smile under worried brows, cheeks lifted",
    "he laughs, inner brows up",
    "a proud smile, the inner brows rising",
    "smiling through tears, brows tilted up",
    "a wobbly smile, inner brows up, eyes narrowed",
])
def test_a_sad_brow_smile_with_warm_cheeks_eyes_or_a_laugh_keeps_them(planner, text):
    assert v(planner.plan(text), "CheekSquintLeft") >= 0.15


def test_a_smile_with_no_sad_brow_keeps_its_cheeks(planner):
    assert v(planner.plan("She smiles at the visitors."), "CheekSquintLeft") >= 0.2


# --- brows said to go up take no frown from squeezed or narrowed eyes ----------------------------------

@pytest.mark.parametrize("text", [
    "eyes screwed shut, brows shooting up",
    "His lids tighten while the inner brows lift.",
    "She squeezes her eyes closed and raises her eyebrows high.",
])
def test_raised_brows_keep_a_squeeze_frownless(planner, text):
    values = planner.plan(text)
    assert v(values, "EyeSquintLeft") >= 0.3
    assert v(values, "BrowDownLeft") <= 0.05


@pytest.mark.parametrize("text", ["eyes screwed shut", "she squints, one brow up"])
def test_a_squeeze_without_both_brows_raised_still_frowns(planner, text):
    assert v(planner.plan(text), "BrowDownLeft") >= 0.1


# --- 'left' as the verb leave ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "She frowned and left the kitchen.",
    "He had left his glasses upstairs and squinted at the menu.",
])
def test_left_as_the_verb_leave_names_no_side(planner, text):
    values = planner.plan(text)
    stem = "BrowDown" if "frown" in text else "EyeSquint"
    assert v(values, f"{stem}Left") == pytest.approx(v(values, f"{stem}Right"))
    assert v(values, f"{stem}Right") >= 0.2


@pytest.mark.parametrize("text", ["The grin left her face.", "his smile has left the chat"])
def test_a_smile_that_left_the_face_is_gone(planner, text):
    values = planner.plan(text)
    assert max(v(values, "MouthSmileLeft"), v(values, "MouthSmileRight")) <= 0.05


def test_a_smile_that_never_left_the_face_stays(planner):
    values = planner.plan("The smirk never left her lips.")
    assert max(v(values, "MouthSmileLeft"), v(values, "MouthSmileRight")) >= 0.3


def test_brows_so_high_they_nearly_left_the_forehead_are_as_high_as_they_go(planner):
    values = planner.plan("Her brows climbed so high they almost left her forehead.")
    assert v(values, "BrowOuterUpLeft") >= 0.85 and v(values, "BrowOuterUpRight") >= 0.85


@pytest.mark.parametrize("text", ["a wink with her left eye", "he looks up and left"])
def test_left_as_a_side_still_names_one(planner, text):
    values = planner.plan(text)
    pairs = [("EyeBlinkLeft", "EyeBlinkRight"), ("EyeLookOutLeft", "EyeLookOutRight")]
    assert any(abs(v(values, a) - v(values, b)) >= 0.2 for a, b in pairs)


# --- brows as high as they go lift the lids -------------------------------------------------------------

@pytest.mark.parametrize("text", ["His eyebrows shot up to his hairline.", "her brows hit the ceiling"])
def test_brows_as_high_as_they_go_widen_the_eyes(planner, text):
    assert v(planner.plan(text), "EyeWideLeft") >= 0.2


@pytest.mark.parametrize("text", [
    "brows up",
    "His eyebrows shot up to his hairline; nothing else moved.",
    "brows to the hairline, eyes narrowed",
    "a huge grin, brows up to the hairline",
    "brows to the hairline, the eyes stay as they are",
])
def test_brows_not_at_the_top_or_with_eyes_said_keep_the_lids(planner, text):
    assert v(planner.plan(text), "EyeWideLeft") <= 0.05


# --- a smile in the eyes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Her eyes are smiling even if her mouth isn't.", "poker face, but smiling eyes"])
def test_smiling_eyes_are_a_smile_in_the_eyes_not_the_mouth(planner, text):
    values = planner.plan(text)
    assert v(values, "CheekSquintLeft") >= 0.3 and v(values, "EyeSquintLeft") >= 0.15
    assert v(values, "MouthSmileLeft") <= 0.1


@pytest.mark.parametrize("text", ["a closed-eye smile", "her eyes smile and her mouth does too", "she smiles, eyes shut"])
def test_other_eye_smiles_still_move_the_mouth(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.2


# --- a sound said in an earlier beat is over ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Her 'ooh' turns into a wide grin.",
    "He goes 'oh!' at first, and then he settles into a calm smile.",
])
def test_a_sound_in_an_earlier_beat_leaves_no_mouth_shape(planner, text):
    values = planner.plan(text)
    assert v(values, "MouthFunnel") <= 0.05 and v(values, "MouthPucker") <= 0.05
    assert v(values, "MouthSmileLeft") >= 0.3


def test_a_sound_in_the_last_beat_still_shapes_the_mouth(planner):
    values = planner.plan("She frowns at first, then goes 'ooh'.")
    assert v(values, "MouthFunnel") + v(values, "MouthPucker") >= 0.3


def test_a_sound_held_by_the_last_beat_keeps_its_mouth(planner):
    values = planner.plan("She goes 'aah' and her eyes clench shut for a moment; she keeps them shut.")
    assert v(values, "JawOpen") >= 0.2


# --- a smile said to be gone takes the happy feeling with it ---------------------------------------------

@pytest.mark.parametrize("text", [
    "His delight wears off, the grin gone, mouth flat.",
    "Her excitement drains, the smile disappears.",
])
def test_a_gone_smile_takes_its_happy_feeling_and_leaves_a_sad_face(planner, text):
    values = planner.plan(text)
    assert v(values, "MouthSmileLeft") <= 0.05 and v(values, "CheekSquintLeft") <= 0.05
    assert v(values, "BrowInnerUp") >= 0.15


@pytest.mark.parametrize("text", ["She is happy and smiling.", "He is happy, though the smile fades a little."])
def test_a_happy_feeling_with_a_smile_that_stays_keeps_it(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.3


# --- 'catching flies' is a vacant hanging jaw, not astonishment ------------------------------------------

def test_catching_flies_hangs_the_jaw_without_surprise(planner):
    values = planner.plan("The boy stood at the window catching flies.")
    assert v(values, "JawOpen") >= 0.2
    assert v(values, "EyeWideLeft") <= 0.05 and v(values, "BrowOuterUpLeft") <= 0.05


# --- half the face is one side of it -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Half his face screws up in a wince.", "half of her face winces"])
def test_half_the_face_is_one_side_at_full_strength(planner, text):
    values = planner.plan(text)
    assert abs(v(values, "EyeSquintLeft") - v(values, "EyeSquintRight")) >= 0.3
    assert max(v(values, "EyeSquintLeft"), v(values, "EyeSquintRight")) >= 0.45


def test_a_half_smile_is_still_a_half_smile(planner):
    values = planner.plan("a half smile")
    assert max(v(values, "MouthSmileLeft"), v(values, "MouthSmileRight")) >= 0.3


def test_the_upper_half_of_the_face_is_no_side(planner):
    values = planner.plan("his mouth corners drop, the upper half of his face unbothered")
    assert v(values, "MouthFrownLeft") == pytest.approx(v(values, "MouthFrownRight"))
    assert v(values, "MouthFrownRight") >= 0.2


# --- an eye open as usual is at rest ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["His left eye winks shut, the right eye open as usual.", "right eye stays open normally"])
def test_an_eye_open_as_usual_is_not_widened(planner, text):
    values = planner.plan(text)
    assert v(values, "EyeWideLeft") <= 0.05 and v(values, "EyeWideRight") <= 0.05


def test_eyes_open_wide_still_widen(planner):
    assert v(planner.plan("her eyes open wide"), "EyeWideLeft") >= 0.3
