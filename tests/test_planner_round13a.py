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
