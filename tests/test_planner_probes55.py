"""Planner fixes of stop 55: a smile that slides off, slips away, is wiped off, collapses, or simply "goes" where its
clause ends is gone (as "fades"), and so is a terse "smile off". Each case is read by the real planner and its values
asserted, with controls where the same verbs keep the smile ("the smile goes wide", "smiles off the insult"). The
sentences are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from kfstudio.generation.planner import EmbeddedPlanner

from probes import both, v


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


@pytest.mark.parametrize("text", [
    "The grin slides off; jaw tight, eyes wide.",
    "her smile slipped away when the door slammed",
    "THE SMILE IS WIPED OFF HIS FACE",
    "the grin got wiped off the second she walked in",
    "cheque bounces. smile off, flat stare",
    "(smile off) lips pursed",
    "The smile goes, and the eyes narrow.",
    "his grin went as soon as he read it",
    "Her hopeful smile collapses.",
    "the smirk crumbled - brows up",
])
def test_a_smile_that_goes_is_gone(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") < 0.1, p.explanation


@pytest.mark.parametrize("text", [
    "the smile goes wide, all teeth",
    "He smiles off the insult.",
    "a smile goes a long way, she beams",
    "the grin goes all the way up to his eyes",
])
def test_the_same_verbs_that_keep_the_smile(planner, text):
    assert both(planner.plan(text), "MouthSmile") > 0.3, text


def test_a_smile_that_collapses_into_tears_becomes_them(planner):
    p = planner.plan("her smile collapses into tears")
    assert both(p, "MouthSmile") < 0.1, p.explanation
    assert both(p, "MouthFrown") > 0.2, p.explanation


@pytest.mark.parametrize(("text", "other"), [
    ("Stern nod, concerned brows, mouth clamped.", "BrowDown"),
    ("screaming into the phone, mouth wide, worried eyebrows", "BrowOuterUp"),
    ("teeth-clench grin, sad brows", "BrowDown"),
])
def test_a_feeling_named_on_the_brows_is_what_they_do(planner, text, other):
    p = planner.plan(text)
    assert v(p, "BrowInnerUp") > 0.3, p.explanation
    assert both(p, other) < 0.1, p.explanation


@pytest.mark.parametrize("text", ["panic face, wide eyes, worried brows", "scowling, brows knit hard, worried brows"])
def test_wide_eyes_keep_their_lift_and_a_knit_named_on_the_brows_stays(planner, text):
    p = planner.plan(text)
    assert both(p, "BrowOuterUp") > 0.15 or both(p, "BrowDown") > 0.3, p.explanation


def test_a_scenes_ache_is_the_hearts_not_a_body_in_pain(planner):
    p = planner.plan("She pauses at the window.", emotion="tender, aching longing")
    assert v(p, "BrowInnerUp") > 0.2 and both(p, "BrowDown") < 0.1 and both(p, "NoseSneer") < 0.05, p.explanation
    hurt = planner.plan("She pauses at the window.", emotion="aching back, exhausted")
    assert both(hurt, "BrowDown") > 0.1 or both(hurt, "EyeSquint") > 0.2 or both(hurt, "EyeBlink") > 0.2, hurt.explanation
