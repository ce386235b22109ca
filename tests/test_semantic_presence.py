"""The learned head's presence and magnitude networks ("does this channel move" apart from "how
much"): a real fit on a small corpus, read on held-out paraphrases; the weights file round trip; an
old weights file without them still loads and reads as before; an incomplete file is refused."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kfstudio import channels as ch

from conftest import skip_without_learned_layer  # noqa: E402
from probes import value as v  # noqa: E402

skip_without_learned_layer()

from kfstudio.generation.semantic.layer import DEFAULT_COMBINE, SemanticLayer, apply_presence, symmetric  # noqa: E402
from kfstudio.generation.semantic.model import WEIGHTS_FILE, ModelFileError, SemanticModel  # noqa: E402


#: family -> (targets, key channels, training lines, held-out paraphrases)
FAMILIES = {
    "smile": ({"MouthSmileLeft": 0.7, "MouthSmileRight": 0.7, "CheekSquintLeft": 0.3, "CheekSquintRight": 0.3},
              ["MouthSmileLeft", "MouthSmileRight"],
              ["She smiles warmly.", "A big happy grin.", "He beams with joy.", "Delighted, all smiles.", "A cheerful smile."],
              ["She grins from ear to ear, overjoyed."]),
    "disgust": ({"NoseSneerLeft": 0.6, "NoseSneerRight": 0.6, "MouthUpperUpLeft": 0.5, "MouthUpperUpRight": 0.5},
                ["NoseSneerLeft", "NoseSneerRight"],
                ["Disgusted by the smell.", "Revolted, nose wrinkled in disgust.", "That stench makes her gag.", "Grossed out.",
                 "He finds the food repulsive."],
                ["He recoils from the rotten odour, repulsed."]),
    "surprise": ({"BrowInnerUp": 0.7, "BrowOuterUpLeft": 0.7, "BrowOuterUpRight": 0.7, "EyeWideLeft": 0.6, "EyeWideRight": 0.6,
                  "JawOpen": 0.4}, ["BrowInnerUp", "JawOpen"],
                 ["Utterly astonished.", "Shocked, jaw dropping.", "She gasps in amazement.", "Total surprise.", "Startled, eyes wide."],
                 ["Stunned and amazed by the news."]),
    "anger": ({"BrowDownLeft": 0.7, "BrowDownRight": 0.7, "EyeSquintLeft": 0.4, "EyeSquintRight": 0.4, "MouthPressLeft": 0.5,
               "MouthPressRight": 0.5}, ["BrowDownLeft", "BrowDownRight"],
              ["Furious glare.", "He is livid, seething.", "Enraged and hostile.", "Boiling with rage.", "An angry scowl."],
              ["She fumes, angry and resentful."]),
}


class NoPlan:
    values = np.zeros(ch.NUM_CHANNELS)
    understood: set = set()


@pytest.fixture(scope="module")
def trained(tmp_path_factory, encoder):
    """A head with presence and magnitude networks, fit by ``train`` on the small corpus."""
    import os

    from kfstudio.generation.semantic.train import train

    tmp = tmp_path_factory.mktemp("presence")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    try:
        lines = [{"family": f"{fam}-{i}", "style": "prose", "description": d, "targets": t, "key": key, "low": {}}
                 for fam, (t, key, train_lines, _) in FAMILIES.items() for i, d in enumerate(train_lines)]
        data = tmp / "data"
        data.mkdir()
        (data / "mine.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        card = train([data], tmp / "out", uses_plan=False, steps=1200, ensemble=1, quiet=True, encoder=encoder, refit=True,
                     presence=True)  # (a set this small is fit without them unless asked)
    finally:
        if old is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old
    return tmp / "out", card


def _read(layer, texts):
    return layer.read_many([NoPlan()] * len(texts), texts, [""] * len(texts), [""] * len(texts))


def test_presence_zeroes_what_does_not_move_and_keeps_what_does_on_held_out_paraphrases(trained, encoder):
    folder, card = trained
    assert "presence networks" in card["head"]["presence"]
    model = SemanticModel.load(folder)
    assert model.presence_w is not None and model.magnitude_w is not None
    layer = SemanticLayer(model, encoder, {"presence": 0.1, "raise": 1.0, "raise_from": 0.1})
    plain = SemanticLayer(model, encoder, {"presence": 0.0, "presence_channels": {}, "raise": 0.0})  # the value head alone
    held_out = [(fam, d) for fam, (_, _, _, ds) in FAMILIES.items() for d in ds]
    texts = [d for _, d in held_out]
    zeroed_somewhere = 0
    for (fam, d), r, r0 in zip(held_out, _read(layer, texts), _read(plain, texts)):
        targets, key = FAMILIES[fam][0], FAMILIES[fam][1]
        assert r.presence is not None and r0.presence is not None
        for name in key:
            assert v(r.presence, name) > 0.5, (d, name, v(r.presence, name))
            assert v(r.values, name) >= 0.5 * targets[name], (d, name, v(r.values, name))
            # a channel that moves is never lowered, only raised towards its value when it moves
            assert v(r.values, name) >= v(r0.values, name) - 1e-9
        others = {n for f, (t, _, _, _) in FAMILIES.items() if f != fam for n in t} - set(targets)
        for name in others:
            if v(r.presence, name) < 0.1:
                assert v(r.values, name) == 0.0, (d, name)
        # the value head alone leaves traces in the other families' channels; the presence output zeroes them
        traces = [n for n in others if abs(v(r0.values, n)) >= 0.005]
        zeroed_somewhere += sum(v(r.values, n) == 0.0 for n in traces)
        assert max(v(r.presence, n) for n in others) < 0.5, (d, {n: round(v(r.presence, n), 2) for n in others})
    assert zeroed_somewhere > 0


def test_an_old_weights_file_without_presence_networks_loads_and_reads_as_before(trained, encoder, tmp_path):
    from safetensors.numpy import load_file, save_file

    folder, _ = trained
    t = load_file(str(folder / WEIGHTS_FILE))
    assert {"presence_w1", "magnitude_w2"} <= set(t)
    old = tmp_path / "old"
    old.mkdir()
    save_file({k: a for k, a in t.items() if not k.startswith(("presence_", "magnitude_"))}, str(old / WEIGHTS_FILE),
              metadata={"format": "1"})
    (old / "model_card.json").write_bytes((folder / "model_card.json").read_bytes())
    model = SemanticModel.load(old)
    assert model.presence_w is None and model.magnitude_w is None
    layer = SemanticLayer(model, encoder)
    assert layer.settings["presence"] == DEFAULT_COMBINE["presence"] > 0  # the setting is on, but has nothing to read
    texts = ["She grins from ear to ear, overjoyed.", "Stunned and amazed by the news."]
    readings = _read(layer, texts)
    assert all(r.presence is None for r in readings)
    x = model.feature_rows(encoder.encode(texts), encoder.encode(["", ""]), None, None)
    # the value head, untouched but for the two sides of a channel at their mean (the words name no side)
    assert np.array_equal(np.array([r.values for r in readings]), symmetric(model.predict(x)))

    # a file with half of the presence networks is refused, naming the missing tensor
    save_file({k: a for k, a in t.items() if k != "presence_b2"}, str(old / WEIGHTS_FILE), metadata={"format": "1"})
    with pytest.raises(ModelFileError, match="presence_b2"):
        SemanticModel.load(old)


def test_apply_presence_thresholds_per_region_and_raises_only_open_channels():
    values = np.zeros((1, ch.NUM_CHANNELS))
    presence = np.full((1, ch.NUM_CHANNELS), 0.3)
    magnitude = np.zeros((1, ch.NUM_CHANNELS))
    i, j, k = ch.channel_index("MouthSmileLeft"), ch.channel_index("BrowDownLeft"), ch.channel_index("JawOpen")
    values[0, [i, j, k]] = 0.2
    magnitude[0, [i, j, k]] = 0.6
    presence[0, j] = 0.05
    open_ = np.ones((1, ch.NUM_CHANNELS), dtype=bool)
    open_[0, k] = False  # as if the planner read the jaw's region
    out = apply_presence(values, presence, {"presence": 0.1, "raise": 0.5, "raise_from": 0.2}, magnitude, open_)
    assert out[0, j] == 0.0  # does not move
    assert out[0, i] == pytest.approx(0.4)  # half way to its value when it moves
    assert out[0, k] == pytest.approx(0.2)  # a region the planner read: not raised
    out = apply_presence(values, presence, {"presence": 0.1, "presence_regions": {"mouth": 0.5}, "raise": 0.0}, magnitude, open_)
    assert out[0, i] == 0.0 and out[0, k] == 0.0  # the mouth's own threshold
    assert out[0, ch.channel_index("BrowInnerUp")] == 0.0 and out[0, j] == 0.0
    assert np.array_equal(apply_presence(values, None, {"presence": 0.5}), values)  # a head without presence networks


def test_apply_presence_keeps_the_gaze_as_read_and_drops_the_less_likely_of_two_antagonists():
    values = np.zeros((2, ch.NUM_CHANNELS))
    presence = np.full((2, ch.NUM_CHANNELS), 0.3)
    magnitude = np.zeros((2, ch.NUM_CHANNELS))
    wide, squint, look = (ch.channel_index(n) for n in ("EyeWideLeft", "EyeSquintLeft", "EyeLookDownLeft"))
    values[:, [wide, squint, look]] = 0.2
    magnitude[:, [wide, squint, look]] = 0.6
    presence[0, wide], presence[0, squint] = 0.9, 0.3  # row 0: wide eyes much likelier than a squint
    presence[1, wide], presence[1, squint] = 0.5, 0.45  # row 1: both about as likely
    settings = {"presence": 0.1, "raise": 1.0, "raise_from": 0.2, "raise_pose": False, "antagonist_presence": 0.7}
    out = apply_presence(values, presence, settings, magnitude)
    assert out[0, wide] == pytest.approx(0.6) and out[0, squint] == 0.0
    assert out[1, wide] == pytest.approx(0.6) and out[1, squint] == pytest.approx(0.6)
    assert out[0, look] == pytest.approx(0.2)  # a glance is not raised: it stays as the value network read it
    out = apply_presence(values, presence, dict(settings, raise_pose=True, antagonist_presence=0.0), magnitude)
    assert out[0, look] == pytest.approx(0.6) and out[0, squint] == pytest.approx(0.6)


def test_a_small_training_set_is_fit_without_presence_networks_unless_asked(tmp_path, encoder, monkeypatch):
    from kfstudio.generation.semantic.train import PRESENCE_MIN_EXAMPLES, train

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lines = [{"family": f"smile-{i}", "style": "prose", "description": d, "targets": FAMILIES["smile"][0], "key": [], "low": {}}
             for i, d in enumerate(FAMILIES["smile"][2])]
    (tmp_path / "mine.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert len(lines) < PRESENCE_MIN_EXAMPLES
    card = train([tmp_path / "mine.jsonl"], tmp_path / "out", uses_plan=False, steps=50, ensemble=1, quiet=True, encoder=encoder)
    assert card["head"]["presence"] == "none"
    assert SemanticModel.load(tmp_path / "out").presence_w is None


def test_a_channel_threshold_drops_that_channel_only_and_only_where_it_is_higher():
    values = np.zeros((1, ch.NUM_CHANNELS))
    presence = np.zeros((1, ch.NUM_CHANNELS))
    names = ("MouthSmileLeft", "MouthSmileRight", "BrowDownLeft", "BrowInnerUp", "JawOpen")
    cols = [ch.channel_index(n) for n in names]
    values[0, cols] = 0.3
    presence[0, cols] = 0.35
    settings = {"presence": 0.1, "presence_channels": {"MouthSmile": 0.4, "BrowInnerUp": 0.05}, "raise": 0.0}
    out = apply_presence(values, presence, settings)
    smile_l, smile_r, brow_down, inner_up, jaw = out[0, cols]
    assert smile_l == 0.0 and smile_r == 0.0  # the stem names both sides; 0.35 is below the smile's 0.4
    assert brow_down == pytest.approx(0.3) and jaw == pytest.approx(0.3)  # other channels keep the overall 0.1
    assert inner_up == pytest.approx(0.3)  # a channel threshold below the overall one does not lower it
    presence[0, ch.channel_index("BrowInnerUp")] = 0.07
    assert apply_presence(values, presence, settings)[0, ch.channel_index("BrowInnerUp")] == 0.0  # still the overall 0.1


@pytest.mark.parametrize(("combine", "message"), [
    ({"presence_channels": {"MouthSmiles": 0.4}}, r"model_card\.json: field 'combine\.presence_channels': 'MouthSmiles' is not a channel"),
    ({"presence_channels": {"JawOpen": 1.5}}, r"'combine\.presence_channels\.JawOpen': expected a number from 0 to 1"),
    ({"presence_regions": {"forehead": 0.3}}, r"'combine\.presence_regions': 'forehead' is not a region"),
    ({"presence_channels": [0.4]}, r"'combine\.presence_channels': expected an object"),
    ({"presence": "high"}, r"'combine\.presence': expected a number from 0 to 1"),
])
def test_a_model_card_with_a_wrong_threshold_is_refused_naming_the_field(tmp_path, combine, message):
    from kfstudio.generation.semantic.model import CARD_FILE
    from kfstudio.generation.semantic.resources import default_model_dir

    shipped = default_model_dir()
    (tmp_path / WEIGHTS_FILE).write_bytes((shipped / WEIGHTS_FILE).read_bytes())
    card = json.loads((shipped / CARD_FILE).read_text(encoding="utf-8"))
    card["combine"].update(combine)
    (tmp_path / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        SemanticModel.load(tmp_path)
    card = json.loads((shipped / CARD_FILE).read_text(encoding="utf-8"))
    card["combine"].update({"presence_channels": {"MouthSmile": 0.4, "EyeBlinkLeft": 0.2}, "presence_regions": {"mouth": 0.2}})
    (tmp_path / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    assert SemanticModel.load(tmp_path).card["combine"]["presence_channels"]["EyeBlinkLeft"] == 0.2  # a single channel by name


def test_cards_written_by_train_carry_the_channel_thresholds_and_older_cards_read_without_them(trained, encoder):
    from kfstudio.generation.semantic.layer import TRAINED_PRESENCE_CHANNELS

    folder, card = trained
    assert card["combine"]["presence_channels"] == TRAINED_PRESENCE_CHANNELS
    model = SemanticModel.load(folder)
    assert SemanticLayer(model, encoder).settings["presence_channels"] == TRAINED_PRESENCE_CHANNELS
    del model.card["combine"]["presence_channels"]  # a card written before them
    older = SemanticLayer(model, encoder)
    assert older.settings["presence_channels"] == {}
    older.settings["presence_channels"]["MouthSmile"] = 0.9  # each layer has its own copy of the defaults
    assert DEFAULT_COMBINE["presence_channels"] == {}
