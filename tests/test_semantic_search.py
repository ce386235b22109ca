"""The dev search of the combination settings (`kfstudio train`): one setting at a time, far fewer candidates than the
full product of their values, and it finds the best where the settings do not interact."""

from __future__ import annotations

import itertools

from kfstudio.generation.semantic.train import SETTINGS_AXES, search_settings


def counting(score):
    seen: dict[tuple, float] = {}

    def score_of(s: dict) -> float:
        key = tuple(sorted(s.items()))
        if key not in seen:
            seen[key] = score(s)
        return seen[key]
    return score_of, seen


START = {"mode": "max", "gain": 1.4, "floor": 0.06, "read_all": 1.0, "vague": 1.0, "fill": 0.4, "intensity": 0.25}
BEST = {"gain": 1.2, "floor": 0.1, "read_all": 0.5, "vague": 0.0, "fill": 0.25, "intensity": 0.12}


def separable(s: dict) -> float:
    return -sum((s[k] - v) ** 2 for k, v in BEST.items())


def test_the_search_finds_the_best_of_settings_that_do_not_interact_with_few_candidates():
    score_of, seen = counting(separable)
    found = search_settings(score_of, SETTINGS_AXES, START)
    assert {k: found[k] for k in BEST} == BEST and found["mode"] == "max"
    product = 1
    for values in SETTINGS_AXES.values():
        product *= len(values)
    assert len(seen) <= 30 < product == 729


def test_the_search_climbs_where_settings_interact_and_never_ends_worse_than_it_starts():
    def coupled(s: dict) -> float:  # fill pays only with a high gain
        return s["fill"] * (s["gain"] - 1.3) + 0.1 * s["read_all"] - s["floor"]
    score_of, _ = counting(coupled)
    found = search_settings(score_of, SETTINGS_AXES, START)
    assert coupled(found) >= coupled(START)
    every = [dict(START, **dict(zip(SETTINGS_AXES, values))) for values in itertools.product(*SETTINGS_AXES.values())]
    assert coupled(found) == max(coupled(s) for s in every)


def test_a_tie_keeps_the_value_it_started_from():
    score_of, _ = counting(lambda s: 0.0)
    assert search_settings(score_of, SETTINGS_AXES, START) == START
