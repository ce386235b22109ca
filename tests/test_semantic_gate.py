"""The per-region gate between the planner and the learned head: its fit, how ``combine`` uses it, its
files (old weight files without a gate still load and keep the fixed rule) and ``kfstudio train``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kfstudio import channels as ch

from conftest import skip_without_learned_layer  # noqa: E402
from probes import value as v  # noqa: E402

skip_without_learned_layer()

from kfstudio.generation.planner import EmbeddedPlanner  # noqa: E402
from kfstudio.generation.semantic.gate import CHOICES, N_FEATURES, Gate, fit_gate  # noqa: E402
from kfstudio.generation.semantic.layer import REGION_MASKS, Reading, SemanticLayer, combine  # noqa: E402
from kfstudio.generation.semantic.model import REGIONS, WEIGHTS_FILE, ModelFileError, SemanticModel  # noqa: E402


def _favouring(choice: int, regions=REGIONS) -> Gate:
    """A gate whose bias picks ``choice`` in ``regions`` (the rule elsewhere)."""
    w = np.zeros((len(REGIONS), N_FEATURES, len(CHOICES)))
    for r in regions:
        w[REGIONS.index(r), 0, choice] = 10.0
    return Gate(w, np.zeros(N_FEATURES), np.ones(N_FEATURES), margin=0.5)


def _reading(values: np.ndarray, text: str) -> Reading:
    return Reading(np.asarray(values, dtype=np.float64), 0.6, "a corpus line", np.zeros(ch.NUM_CHANNELS), 0.0,
                   np.zeros(ch.NUM_CHANNELS), text, "", "")


# ---------------------------------------------------------------------------- fit
def test_fit_gate_learns_which_source_to_trust_from_a_feature():
    """Rows where feature 5 is high are better served by the learned values, rows where it is low by
    the rule; the fitted gate chooses so on rows it was not fit on."""
    rng = np.random.default_rng(3)

    def rows(n):
        x = rng.normal(size=(n, len(REGIONS), N_FEATURES))
        x[:, :, 0] = 1.0
        met = np.zeros((n, len(REGIONS), len(CHOICES)))
        learned_better = x[:, :, 5] > 0.3
        met[:, :, 0] = np.where(learned_better, 1, 3)
        met[:, :, 1] = 1
        met[:, :, 2] = np.where(learned_better, 4, 0)
        return x, met, learned_better

    x, met, _ = rows(600)
    gate = fit_gate(x, met, steps=400)
    xt, mt, better = rows(300)
    choices = np.array([gate.choose(row)[0] for row in xt])
    assert np.mean(np.where(better, choices == 2, choices == 0)) > 0.95
    got = np.take_along_axis(mt, choices[..., None], 2).sum()
    assert got > 1.2 * mt[:, :, 0].sum()  # better than always keeping the rule


# ---------------------------------------------------------------------------- combine
def test_gate_replaces_a_region_and_says_so():
    planner = EmbeddedPlanner()
    d = "she goes all quiet and wistful, the corners of her mouth barely lifting"
    plan = planner.plan(d)
    learned = np.zeros(ch.NUM_CHANNELS)
    learned[ch.channel_index("BrowInnerUp")] = 0.5
    learned[ch.channel_index("MouthFrownLeft")] = learned[ch.channel_index("MouthFrownRight")] = 0.4
    r = _reading(learned, d)
    rule = combine(plan, r, {})
    gated = combine(plan, r, {}, None, _favouring(2, ["mouth"]))
    mouth = REGION_MASKS["mouth"]
    if plan.found_movement and not plan.unknown_words and "mouth" in plan.understood:
        pytest.skip("the planner read every word of this line: its regions are protected")
    assert v(gated.values, "MouthFrownLeft") == pytest.approx(0.4)
    assert np.allclose(gated.values[~mouth], rule.values[~mouth])  # the other regions as the rule gave them
    assert gated.info["gate"] == {"mouth": "learned"}
    assert "mouth" in gated.info["learned_regions"] and "mouth" not in gated.info["planner_regions"]
    assert any("gate trusts the learned layer" in line and "mouth" in line for line in gated.explanation)
    # a gate that keeps the rule everywhere changes nothing
    same = combine(plan, r, {}, None, _favouring(0))
    assert np.array_equal(same.values, rule.values) and same.explanation == rule.explanation


def test_a_faint_learned_smile_is_not_added_to_a_mouth_the_planner_read():
    """The gate gives a read mouth ("she screams 'aaaah'") to the learned values: their jaw and stretch are taken, a
    faint smile beside them is not (a clear one is), and the explanation says so."""
    d = "she screams 'aaaah' as the car skids"
    plan = EmbeddedPlanner().plan(d)
    assert "mouth" in plan.understood and v(plan.values, "MouthSmileLeft") == 0
    learned = np.zeros(ch.NUM_CHANNELS)
    learned[ch.channel_index("JawOpen")] = 0.8
    learned[ch.channel_index("MouthStretchLeft")] = learned[ch.channel_index("MouthStretchRight")] = 0.6
    for faint, kept in ((0.15, False), (0.35, True)):
        learned[ch.channel_index("MouthSmileLeft")] = learned[ch.channel_index("MouthSmileRight")] = faint
        for choice in (2, 3):  # the learned values, the larger of the two
            gated = combine(plan, _reading(learned, d), {}, None, _favouring(choice, ["mouth"]))
            assert v(gated.values, "JawOpen") >= 0.8 - 1e-9  # (the larger: the planner's 0.9)
            assert v(gated.values, "MouthSmileLeft") == pytest.approx(faint if kept else 0.0)
            assert any("faint learned smile" in line for line in gated.explanation) is not kept
    # the larger side decides for both: no lopsided smile is left behind
    learned[ch.channel_index("MouthSmileLeft")], learned[ch.channel_index("MouthSmileRight")] = 0.22, 0.18
    both_kept = combine(plan, _reading(learned, d), {}, None, _favouring(2, ["mouth"]))
    assert v(both_kept.values, "MouthSmileRight") == pytest.approx(0.18)
    learned[ch.channel_index("MouthSmileRight")] = 0.15
    # with the floor at 0, the faint smile is taken as before
    learned[ch.channel_index("MouthSmileLeft")] = 0.15
    off = combine(plan, _reading(learned, d), {"gate_smile_floor": 0.0}, None, _favouring(2, ["mouth"]))
    assert v(off.values, "MouthSmileLeft") == pytest.approx(0.15)


def test_regions_of_a_fully_read_description_stay_the_planners():
    d = "The left brow raises and the right eye closes."
    plan = EmbeddedPlanner().plan(d)
    assert plan.found_movement and not plan.unknown_words
    learned = np.full(ch.NUM_CHANNELS, 0.0)
    learned[ch.channel_index("BrowDownLeft")] = learned[ch.channel_index("EyeWideRight")] = 0.8
    gated = combine(plan, _reading(learned, d), {}, None, _favouring(2))
    for r in plan.understood:
        m = REGION_MASKS[r]
        assert np.allclose(gated.values[m], combine(plan, _reading(learned, d), {}).values[m]), r
    assert v(gated.values, "BrowDownLeft") < 0.1 and v(gated.values, "EyeWideRight") < 0.1


def test_what_a_hold_word_carried_over_stays_as_the_keyframe_before_had_it():
    """"she holds it" after a smile: the gate may trust the learned layer in every region, the carried smile stays."""
    planner = EmbeddedPlanner()
    before = planner.plan("she smiles warmly").values
    plan = planner.plan("she holds it", previous=before)
    assert plan.carried is not None and plan.carried.any()
    learned = np.zeros(ch.NUM_CHANNELS)
    learned[ch.channel_index("MouthPressLeft")] = learned[ch.channel_index("MouthPressRight")] = 0.5
    learned[ch.channel_index("BrowDownLeft")] = learned[ch.channel_index("BrowDownRight")] = 0.5
    gated = combine(plan, _reading(learned, "she holds it"), {}, None, _favouring(2))
    assert np.allclose(gated.values[plan.carried], before[plan.carried])
    assert not any("gate trusts the learned layer" in line for line in gated.explanation)


def test_the_gate_never_makes_an_empty_face():
    d = "he looks like he swallowed a lemon"
    plan = EmbeddedPlanner().plan(d)
    learned = np.zeros(ch.NUM_CHANNELS)
    learned[ch.channel_index("NoseSneerLeft")] = learned[ch.channel_index("NoseSneerRight")] = 0.5
    r = _reading(learned, d)
    rule = combine(plan, r, {})
    assert np.abs(rule.values).max() >= 0.05
    gated = combine(plan, r, {}, None, _favouring(1))  # the planner's values everywhere: nothing
    assert np.abs(gated.values).max() >= 0.05


# ---------------------------------------------------------------------------- files
def _tiny_model(gate: Gate | None) -> SemanticModel:
    rng = np.random.default_rng(0)
    f = 2 * 384  # description and context vectors
    return SemanticModel((rng.normal(size=(2, f, 5)) / 20).astype(np.float32), np.zeros((2, 5), np.float32),
                         rng.normal(size=(2, 5, ch.NUM_CHANNELS)).astype(np.float32) * 0.5,
                         np.zeros((2, ch.NUM_CHANNELS), np.float32), np.eye(384, dtype=np.float32)[:2],
                         np.zeros((2, ch.NUM_CHANNELS)), ["one", "two"], uses_plan=False, gate=gate)


def test_gate_is_written_and_read_back(tmp_path):
    rng = np.random.default_rng(1)
    gate = Gate(rng.normal(size=(len(REGIONS), N_FEATURES, len(CHOICES))), rng.normal(size=N_FEATURES), rng.uniform(0.5, 2, N_FEATURES), 0.25)
    _tiny_model(gate).save(tmp_path, {"name": "t"})
    back = SemanticModel.load(tmp_path)
    assert back.gate is not None and back.gate.margin == 0.25
    x = rng.normal(size=(len(REGIONS), N_FEATURES))
    assert np.allclose(back.gate.logits(x), gate.logits(x), atol=1e-4)
    assert json.loads((tmp_path / "model_card.json").read_text(encoding="utf-8"))["gate"]["margin"] == 0.25
    # spread between the networks comes with every prediction
    mean, spread = back.predict_spread(rng.normal(size=(3, back.n_features)))
    assert mean.shape == spread.shape == (3, ch.NUM_CHANNELS) and (spread > 0).any()


def test_weights_without_a_gate_still_load_and_keep_the_rule(tmp_path, encoder):
    _tiny_model(None).save(tmp_path, {"name": "old"})
    from safetensors.numpy import load_file

    assert not any(k.startswith("gate") for k in load_file(str(tmp_path / WEIGHTS_FILE)))
    model = SemanticModel.load(tmp_path)
    assert model.gate is None
    layer = SemanticLayer(model, encoder)
    d = "her eyebrows hit the ceiling"
    plan = EmbeddedPlanner().plan(d)
    got = layer.refine(plan, d)
    r = layer.read_many([plan], [d], [""], [""])[0]
    assert np.array_equal(got.values, combine(plan, r, layer.settings, layer.unnegated(plan, d, "", "", r)).values)
    assert "gate" not in got.info


def test_a_damaged_gate_is_refused_naming_the_file(tmp_path):
    from safetensors.numpy import load_file, save_file

    gate = Gate(np.zeros((len(REGIONS), N_FEATURES, len(CHOICES))), np.zeros(N_FEATURES), np.ones(N_FEATURES))
    _tiny_model(gate).save(tmp_path, {"name": "t"})
    t = load_file(str(tmp_path / WEIGHTS_FILE))
    t["gate_w"] = np.zeros((len(REGIONS), N_FEATURES - 1, len(CHOICES)), np.float32)
    save_file(t, str(tmp_path / WEIGHTS_FILE), metadata={"format": "1"})
    with pytest.raises(ModelFileError, match=r"semantic_head\.safetensors.*gate_w"):
        SemanticModel.load(tmp_path)


# ---------------------------------------------------------------------------- kfstudio train
_NAMES = ["Anna", "The old man", "Her brother", "The nurse", "A tired clerk", "The widow", "Our hero", "The boy", "The singer",
          "Grandpa", "The waitress", "A soldier", "The bride", "The coach", "My aunt", "The janitor", "The pilot", "A stranger",
          "The teacher", "The mayor", "The baker", "A girl"]
_PLACES = ["at the graveside", "over the telegram", "beside the empty crib", "reading the letter", "after the verdict",
           "at the farewell", "as the ship leaves", "holding the old photo", "in the rain", "at the hospital door", "by the grave",
           "on the station platform", "under the grey sky", "at the wake", "next to the ruins", "at the bus stop",
           "in the dark hallway", "by the window", "with the eviction notice", "after the phone call", "at the memorial", "alone"]


def _write_corpus_folder(folder: Path) -> None:
    """A corpus whose annotator reads "smiles" in a sad scene as a brave frown: the planner reads a smile
    (its mouth region stays the rule's), the head learns the frown; train.jsonl 16 lines, dev.jsonl 6."""
    folder.mkdir()
    rows = [{"family": f"sadsmile-{i}", "style": "subtext", "description": f"{n} smiles {p}.",
             "targets": {"MouthFrownLeft": 0.6, "MouthFrownRight": 0.6, "BrowInnerUp": 0.5},
             "key": ["MouthFrownLeft", "MouthFrownRight"], "low": {"MouthSmileLeft": 0.1, "MouthSmileRight": 0.1}}
            for i, (n, p) in enumerate(zip(_NAMES, _PLACES))]
    for split, part in (("train", rows[:16]), ("dev", rows[16:])):
        (folder / f"{split}.jsonl").write_text("".join(json.dumps(dict(r, split=split)) + "\n" for r in part), encoding="utf-8")


def test_train_fits_a_gate_out_of_fold_and_keeps_it_only_when_it_helps(tmp_path, encoder, monkeypatch):
    from safetensors.numpy import load_file

    from kfstudio.generation.semantic import train as tr

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _write_corpus_folder(tmp_path / "corpus")

    def fit(out):
        card = tr.train([tmp_path / "corpus"], tmp_path / out, steps=300, ensemble=2, quiet=True, encoder=encoder, tune=False)
        written = json.loads((tmp_path / out / "model_card.json").read_text(encoding="utf-8"))
        assert written["gate"]["kept"] == card["gate"]["kept"]
        return card, written, SemanticModel.load(tmp_path / out), load_file(str(tmp_path / out / WEIGHTS_FILE))

    # the gate learns to trust the head's frown over the planner's smile: far more of dev is met...
    card, written, model, tensors = fit("guarded")
    info = card["gate"]
    assert info["folds"] == tr.GATE_FOLDS
    assert info["training_rows"] == 16  # every training line read once, by a head that was not fit on it
    best = max(c["dev"]["share"] for c in info["candidates"])
    assert best >= info["dev_rule"]["share"] + 0.3
    # ... but it would also turn the smiles of tests/planner_eval.jsonl into frowns: not kept, and the card
    # says why: every margin tried in favour of the rule, with its guard share below the bar
    assert not info["kept"] and model.gate is None and not any(k.startswith("gate") for k in tensors)
    tried = [t for c in info["candidates"] for t in c.get("margins", [])]
    assert tried and all(t["guard_share"] < tr.GUARD_SHARE for t in tried)
    assert max(t["margin"] for t in tried) == tr.GATE_MARGINS[-1]
    assert written["dev"]["combined"] == info["dev_rule"]

    # without that guard set it is kept, written, read back and used
    monkeypatch.setattr(tr, "GUARD_FILES", [])
    card, written, model, tensors = fit("kept")
    info = card["gate"]
    assert info["kept"] and model.gate is not None and "gate_w" in tensors
    assert written["dev"]["combined"] == info["dev_with_gate"] and info["dev_with_gate"]["share"] >= best - 1e-9
    layer = SemanticLayer(model, encoder)
    d = "The fisherman smiles at the empty harbour."
    plan = EmbeddedPlanner().plan(d)
    assert "mouth" in plan.understood and v(plan.values, "MouthSmileLeft") > 0.2
    got = layer.refine(plan, d)
    assert v(got.values, "MouthFrownLeft") > v(got.values, "MouthSmileLeft") + 0.1
    assert got.info["gate"].get("mouth") == "learned"
    assert any("gate trusts the learned layer" in line for line in got.explanation)
