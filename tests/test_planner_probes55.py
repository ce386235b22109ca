"""Planner and combination fixes of stop 55: a smile that slides off, slips away, is wiped off, collapses, or simply
"goes" where its clause ends is gone (as "fades"), and so is a terse "smile off"; a feeling named on the brows is what
they do; a scene's ache is the heart's; and beside a movement, "neutral face" keeps the learned layer's expression out.
Each case is read by the real planner (and the real combination, with a learned reading that moves everything) and its
values asserted, with controls where the same words keep their old reading. The sentences are written for these
tests, not taken from the corpus.
"""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.generation.planner import EmbeddedPlanner
from kfstudio.generation.semantic.layer import Reading, combine

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
    "smile goes \u2013 eyes drop", "smile off -- jaw set", "the smile goes: eyes narrow",
])
def test_a_smile_that_goes_is_gone(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") < 0.1, p.explanation


@pytest.mark.parametrize("text", [
    "the smile goes wide, all teeth",
    "He smiles off the insult.",
    "a smile goes a long way, she beams",
    "the grin goes all the way up to his eyes",
    # (a reviewer's sentences: each had lost its smile to a first version of the rules)
    "She smiles off, pleased.", "MARY smiles off, toward the door.", "grins off and on all through the meeting",
    "his grin went as wide as his face", "his grin went, like, ear to ear", "the smile goes, well, huge",
    "her smile goes and comes back", "her smile goes and goes",
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



@pytest.mark.parametrize(("text", "moved"), [("'all rise' — open jaw, neutral face", "JawOpen"),
                                             ("NEUTRAL FACE, EYES WIDE", "EyeWideLeft")])
def test_a_neutral_face_beside_a_movement_keeps_the_rest_at_rest(planner, text, moved):
    # a learned reading that moves every expression channel: what the combination keeps of it beside "neutral face"
    values = np.zeros(ch.NUM_CHANNELS)
    for name in ("BrowInnerUp", "BrowOuterUpLeft", "BrowOuterUpRight", "MouthSmileLeft", "MouthSmileRight", "CheekSquintLeft",
                 "CheekSquintRight", "NoseSneerLeft", "NoseSneerRight", "EyeLookDownLeft", "EyeLookDownRight"):
        values[ch.channel_index(name)] = 0.5
    plan = planner.plan(text)
    settings = {"mode": "max", "fill": 0.25, "gain": 1.0, "floor": 0.1}
    out = combine(plan, Reading(values, 0.7, "a line", values.copy(), description=text), settings).values
    assert out[ch.channel_index(moved)] > 0.3
    expression = [n for n in ch.NAMES if n.startswith(("Brow", "Mouth", "Cheek", "Nose"))
                  and abs(out[ch.channel_index(n)]) > abs(plan.values[ch.channel_index(n)]) + 0.01]
    assert expression == [], expression
    assert out[ch.channel_index("EyeLookDownLeft")] == pytest.approx(0.5)  # the gaze is no expression: it may move


@pytest.mark.parametrize("text", ["furious, no worried brows", "angry glare, not sad brows, pure rage"])
def test_feeling_brows_that_are_denied_take_nothing_away(planner, text):
    assert both(planner.plan(text), "BrowDown") > 0.5, text


@pytest.mark.parametrize("emotion", ["back aching, exhausted", "helpless laughter, sides aching", "aching from the fight"])
def test_an_ache_of_the_body_in_a_scene_stays_pain(planner, emotion):
    p = planner.plan("She pauses at the window.", emotion=emotion)
    assert both(p, "BrowDown") > 0.1 and both(p, "NoseSneer") > 0.05, p.explanation


@pytest.mark.parametrize(("text", "gone"), [
    ("the grin burnt out, brows low", "MouthSmile"),
    ("Her smile snuffed out like a candle.", "MouthSmile"),
    ("his lips bunched up tight, arms crossed", "MouthSmile"),
    ("She wasn't, shall we say, thrilled: mouth flat.", "MouthSmile"),
])
def test_verbs_with_out_and_up_and_an_aside_before_a_denied_feeling(planner, text, gone):
    assert both(planner.plan(text), gone) < 0.1, text


@pytest.mark.parametrize("text", ["she beams out at the crowd", "She was, shall we say, delighted.", "the smile goes out to everyone"])
def test_the_same_words_that_keep_the_smile(planner, text):
    assert both(planner.plan(text), "MouthSmile") > 0.3, text


@pytest.mark.parametrize("text", ["her stage smile on, eyes on the judges", "Receptionist smile, 'right this way'",
                                  "grin welded on while the boss talks"])
def test_a_smile_put_on_for_work_or_the_stage_keeps_the_cheeks_out(planner, text):
    p = planner.plan(text)
    assert both(p, "MouthSmile") > 0.3 and both(p, "CheekSquint") < 0.1, p.explanation


@pytest.mark.parametrize("text", ["a warm closed-lip smile", "proud dad, big closed smile"])
def test_a_closed_smile_may_be_warm(planner, text):
    assert both(planner.plan(text), "CheekSquint") > 0.2, text
