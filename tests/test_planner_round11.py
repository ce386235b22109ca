"""Round 11 of the planner: FACS codes written without "AU", as coders write them.

Every probe is written here for the rule it checks; the real planner reads it and its values are asserted.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


@pytest.mark.parametrize("text, on, off", [
    ("45E R only", "EyeBlinkRight", "EyeBlinkLeft"),  # AU45 (blink) is in the table since round 13b
    ("43E L only", "EyeBlinkLeft", "EyeBlinkRight"),
    ("L12", "MouthSmileLeft", "MouthSmileRight"),
    ("R12B", "MouthSmileRight", "MouthSmileLeft"),
    ("12C R", "MouthSmileRight", "MouthSmileLeft"),
])
def test_a_bare_code_with_a_side_moves_that_side(planner, text, on, off):
    p = planner.plan(text)
    assert v(p, on) >= 0.3 and v(p, off) <= 0.05, (text, p.explanation)


def test_a_plus_joined_list_of_bare_codes_is_read_as_action_units(planner):
    p = planner.plan("1+2+5B")
    assert v(p, "BrowInnerUp") >= 0.3 and v(p, "BrowOuterUpLeft") >= 0.3 and v(p, "EyeWideLeft") >= 0.1
    assert v(p, "EyeWideLeft") < v(p, "BrowInnerUp")  # 5 at level B, the brows at the default level


@pytest.mark.parametrize("text", ["a 2D look, nothing moves", "Take 4B.", "She counts 12 sheep."])
def test_numbers_in_prose_are_not_codes(planner, text):
    p = planner.plan(text)
    assert not (abs(p.values) > 0.05).any(), (text, p.explanation)


def test_a_typo_that_dropped_a_letter_is_read_before_one_that_changed_a_letter(planner):
    # "lauh" is one edit from "laugh" (a letter dropped) and from "lash" (a letter changed)
    assert planner._lemmatizer.correct("lauh") == "laugh"
    p = planner.plan("Her lauh fills the room.")
    assert v(p, "MouthSmileLeft") >= 0.3 and v(p, "JawOpen") >= 0.2, p.explanation


@pytest.mark.parametrize("text", ["(deadpan) I love it.", "MARCUS (flatly) You're a genius, really."])
def test_a_one_line_screenplay_reads_the_parenthetical_not_the_dialogue(planner, text):
    p = planner.plan(text)  # the spoken "love" / "genius" is not the face: the parenthetical is
    assert v(p, "MouthSmileLeft") <= 0.05 and v(p, "MouthSmileRight") <= 0.05, p.explanation


@pytest.mark.parametrize("text", ["(beat) She smiles.", "(smiling) You came back."])
def test_a_parenthetical_before_an_action_or_with_a_face_keeps_both(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") >= 0.3
