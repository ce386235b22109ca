"""Round 12a of the planner: figurative, prose, subtext, bodily and narrated descriptions the dev split showed missing.

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


# --- "totally gone" after a laugh: helpless with laughter, not the laugh fading ---------------------------

@pytest.mark.parametrize("text", ["howling at the sitcom, totally gone, tears rolling", "she giggles, completely gone",
                                  "he was laughing at the dog, utterly gone"])
def test_a_strong_bare_gone_after_a_laugh_is_helpless_laughter(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") >= 0.6 and v(p, "MouthSmileRight") >= 0.6


@pytest.mark.parametrize("text", ["she laughs, then it's gone", "he laughs. gone.", "a giggle, and the giggle is totally gone"])
def test_a_laugh_that_is_gone_still_goes(planner, text):
    assert v(planner.plan(text), "MouthSmileLeft") < 0.1


# --- a smirk keeps its side beside a feeling ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["She smirks, very pleased with herself", "a half-smile, quietly amused",
                                  "he smirks at the referee, delighted"])
def test_a_feeling_beside_a_smirk_leaves_it_lopsided(planner, text):
    p = planner.plan(text)
    assert v(p, "MouthSmileLeft") - v(p, "MouthSmileRight") >= 0.2


def test_a_feeling_beside_a_smirk_on_the_right_leaves_the_right_higher(planner):
    p = planner.plan("a smirk on the right, pleased")
    assert v(p, "MouthSmileRight") - v(p, "MouthSmileLeft") >= 0.2


def test_a_feeling_beside_a_full_grin_stays_symmetric(planner):
    p = planner.plan("she grins, pleased with herself")
    assert abs(v(p, "MouthSmileLeft") - v(p, "MouthSmileRight")) < 0.05
