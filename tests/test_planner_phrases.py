"""The table of the lexicon phrases' lemmas the planner starts from (kfstudio.generation.planner.phrases)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

import numpy as np
import pytest

from kfstudio.generation.planner import EmbeddedPlanner, phrases
from kfstudio.generation.planner.text import EXPANSION_FILE

LINES = [
    "His face lights up when she walks in.",
    "she gives him a look that could curdle milk",
    "a bit less annoyed than a minute ago, brows still low",
    "left eye squints, right brow up, head tilted to the right",
    "no smile at all, just a flat stare",
    "omg lol she's sooo happy rn :D",
]


@pytest.fixture(scope="module")
def fresh() -> EmbeddedPlanner:
    return EmbeddedPlanner(cache=False)


def test_the_shipped_table_is_what_the_current_sources_make(fresh):
    shipped = json.loads(phrases.SHIPPED.read_text(encoding="utf-8"))
    assert shipped["fingerprint"] == phrases.fingerprint(EXPANSION_FILE), (
        "resources/planner/phrases.json is stale: run python3 models/build_phrases.py")
    table = {k: tuple(v) for k, v in shipped["phrases"].items()}
    assert table == fresh.lemmatizer_phrases()


def test_a_planner_from_the_table_plans_as_one_that_read_every_phrase(fresh):
    kept = EmbeddedPlanner()
    for line in LINES:
        a, b = kept.plan(line), fresh.plan(line)
        assert np.array_equal(a.values, b.values), line


def test_another_expansion_table_is_kept_in_the_user_cache_and_read_back(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    own = tmp_path / "expansion.json"
    shutil.copyfile(EXPANSION_FILE, own)
    with own.open("a", encoding="utf-8") as f:
        f.write("\n")  # the same tables, other bytes: another fingerprint than the shipped table's
    digest = phrases.fingerprint(own)
    assert digest and digest != phrases.fingerprint(EXPANSION_FILE)
    assert phrases.load(digest) is None

    first = EmbeddedPlanner(expansion_path=own)
    written = list((tmp_path / "cache" / "kfstudio" / "planner").glob("phrases-*.json"))
    assert len(written) == 1
    assert phrases.load(digest) == fresh.lemmatizer_phrases()
    second = EmbeddedPlanner(expansion_path=own)  # reads the kept table
    for line in LINES:
        assert np.array_equal(first.plan(line).values, second.plan(line).values)
        assert np.array_equal(second.plan(line).values, fresh.plan(line).values)


@pytest.mark.parametrize("content", ["not json", '{"fingerprint": "%s", "phrases": []}',
                                     '{"fingerprint": "%s", "phrases": {"smile": 5}}', '{"fingerprint": "other"}'])
def test_a_damaged_or_foreign_cache_file_is_worked_out_again(tmp_path, monkeypatch, fresh, content):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    own = tmp_path / "expansion.json"
    own.write_bytes(EXPANSION_FILE.read_bytes() + b" ")
    digest = phrases.fingerprint(own)
    path = tmp_path / "kfstudio" / "planner" / f"phrases-{digest[:16]}.json"
    path.parent.mkdir(parents=True)
    path.write_text(content.replace("%s", digest), encoding="utf-8")
    assert phrases.load(digest) is None
    planner = EmbeddedPlanner(expansion_path=own)
    assert np.array_equal(planner.plan(LINES[0]).values, fresh.plan(LINES[0]).values)
    assert phrases.load(digest) == fresh.lemmatizer_phrases()  # and kept again, whole


def test_the_cache_folder_keeps_only_the_newest_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "kfstudio" / "planner"
    digests = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(5)]
    order = {f"phrases-{d[:16]}": i for i, d in enumerate(digests)}
    for d in digests:
        phrases.save(d, {"smile": ("smile",)}, keep=3)
        for p in folder.glob("phrases-*.json"):  # file times a second apart, in the order written
            os.utime(p, (1_000_000 + order[p.stem], 1_000_000 + order[p.stem]))
    assert len(list(folder.glob("phrases-*.json"))) == 3
    assert [phrases.load(d) is not None for d in digests] == [False, False, True, True, True]


def test_an_unwritable_cache_folder_costs_only_the_time(tmp_path, monkeypatch, fresh):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    own = tmp_path / "expansion.json"
    own.write_bytes(EXPANSION_FILE.read_bytes() + b"  ")
    planner = EmbeddedPlanner(expansion_path=own)
    assert np.array_equal(planner.plan(LINES[2]).values, fresh.plan(LINES[2]).values)
