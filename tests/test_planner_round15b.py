"""Round 15b of the planner: general readings of English the dev split showed missing (informal, negation,
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


# --- a line typed mostly in capitals is shouted as a whole, no word of it stressed --------------------

@pytest.mark.parametrize("caps, lower", [
    ("SHE FROWNS AT THE SCREEN lol", "she frowns at the screen lol"),
    ("HE LOOKS UP AT THE CEILING, very faintly.", "he looks up at the ceiling, very faintly."),
])
def test_a_line_mostly_in_capitals_reads_as_in_lower_case(planner, caps, lower):
    a, b = planner.plan(caps).values, planner.plan(lower).values
    assert abs(a - b).max() < 1e-6


def test_one_word_in_capitals_among_lower_case_ones_is_still_stressed(planner):
    assert v(planner.plan("she FROWNS at the screen"), "BrowDownLeft") > v(planner.plan("she frowns at the screen"), "BrowDownLeft")


# --- understatement: a delight denied is displeasure held in --------------------------------------------

@pytest.mark.parametrize("text", [
    "The teacher is not impressed by the excuse.",
    "he isn't exactly thrilled about the rota",
    "Grandma was not best pleased with the muddy boots.",
    "less than amused by the prank",
])
def test_a_denied_delight_presses_the_lips(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.15 and v(p, "MouthSmileLeft") == 0


def test_a_concession_or_a_neutral_pair_is_no_displeasure(planner):
    assert v(planner.plan("a smile that is polite if not thrilled"), "MouthSmileLeft") >= 0.3
    assert v(planner.plan("she is not amused, not annoyed either, just watching"), "EyeBlinkLeft") < 0.1


# --- a face's colour in a simile ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["he stood there as pale as a sheet", "her face white as a ghost"])
def test_pale_as_a_sheet_is_dread(planner, text):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") >= 0.3 and v(p, "MouthPressLeft") >= 0.2


def test_red_as_a_beetroot_is_a_blush_and_with_rage_is_anger(planner):
    blush = planner.plan("the boy went quiet, as red as a beetroot")
    assert v(blush, "MouthSmileLeft") > 0 and v(blush, "BrowDownLeft") < 0.1
    assert v(planner.plan("red as a tomato with rage"), "BrowDownLeft") >= 0.4


# --- "not quite a smile": nearly the movement, a slight one of it -------------------------------------

@pytest.mark.parametrize("text", ["the clerk gives him not quite a smile", "her mouth makes not quite a grin"])
def test_not_quite_a_smile_is_a_slight_smile(planner, text):
    assert 0.15 <= v(planner.plan(text), "MouthSmileLeft") <= 0.45


def test_almost_but_not_quite_is_fainter(planner):
    faint = v(planner.plan("almost, but not quite, a grin"), "MouthSmileLeft")
    assert 0.05 <= faint < v(planner.plan("not quite a grin"), "MouthSmileLeft")


def test_not_quite_a_frown_lowers_the_brows_only(planner):
    p = planner.plan("not quite a frown")
    assert v(p, "BrowDownLeft") >= 0.2 and v(p, "MouthFrownLeft") == 0


def test_not_quite_a_laugh_is_held_in(planner):
    p = planner.plan("not quite a laugh")
    assert v(p, "MouthSmileLeft") >= 0.2 and v(p, "MouthPressLeft") >= 0.2 and v(p, "JawOpen") < 0.1


def test_not_quite_something_else_is_left_alone(planner):
    assert v(planner.plan("not quite right, but a smile"), "MouthSmileLeft") >= 0.4


# --- a gulp ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["*gulp*", "the exam paper lands on his desk. he gulps."])
def test_a_gulp_is_a_nervous_swallow(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthPressLeft") >= 0.2 and v(p, "BrowInnerUp") >= 0.2 and v(p, "EyeWideLeft") >= 0.15


def test_gulping_a_drink_is_no_nerves(planner):
    p = planner.plan("she gulps down her lemonade")
    assert v(p, "EyeWideLeft") == 0 and v(p, "BrowInnerUp") == 0
