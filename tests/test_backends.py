"""The generation API (requests, results, factory, propose_script), the embedded backend and the
model-free parts of constrained decoding (number grammar, decoder state machine)."""

from __future__ import annotations

import json
import random
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kfstudio import channels
from kfstudio.generation import keyframeface
from kfstudio.generation.backend import (
    Backend,
    BackendError,
    KeyframeRequest,
    KeyframeResult,
    backend_from_config,
    create_backend,
    propose_script,
)
from kfstudio.generation.backends.constrained import (
    DecodingError,
    KeyframeDecoder,
    NumberGrammar,
    TokenTable,
)
from kfstudio.generation.backends.transformers_backend import channel_range

SCRIPT = [
    "The gaze is lowered and the lips press together with tension.",
    "The gaze rises and a small restrained smile forms.",
    "The jaw drops open in surprise, brows raised.",
]


# ---------------------------------------------------------------- requests and the factory


def test_request_validates_its_vectors():
    with pytest.raises(ValueError, match="out of range"):
        KeyframeRequest(["a"], 1)
    with pytest.raises(ValueError, match=r"previous must have shape \(61,\)"):
        KeyframeRequest(["a"], 0, previous=np.zeros(60))
    r = KeyframeRequest(["a", "b"], 1, locked=[0] * 60 + [1])
    assert r.description == "b" and r.locked.dtype == bool and r.locked[-1]


def test_unknown_backend_and_options_are_reported():
    with pytest.raises(BackendError, match="unknown backend 'gpt'.*embedded, openai, transformers"):
        create_backend("gpt")
    with pytest.raises(BackendError, match="unknown option.*'temperature'.*backend 'embedded'"):
        create_backend("embedded", temperature=0.5)
    with pytest.raises(BackendError, match="must be a mapping"):
        backend_from_config(["openai"])
    with pytest.raises(BackendError, match="'backend' must be a string"):
        backend_from_config({"backend": 3})


def test_backend_from_config_builds_the_named_backend():
    backend = backend_from_config({"backend": "openai", "base_url": "http://127.0.0.1:9/v1/", "model": "qwen"})
    assert backend.name == "openai" and backend.device == "http://127.0.0.1:9/v1"
    assert isinstance(backend, Backend)
    assert backend_from_config({}).name == "embedded"


def test_importing_the_api_does_not_import_torch():
    code = (
        "import sys; import kfstudio.generation.backend, kfstudio.generation.backends.transformers_backend;"
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


class RecordingBackend:
    """A real Backend implementation that returns each request's previous values (or index)."""

    name = "recording"
    device = "cpu"

    def __init__(self):
        self.requests = []

    def propose(self, requests, cancel=None):
        for r in requests:
            if cancel is not None and cancel():
                return
            self.requests.append(r)
            values = r.previous if r.previous is not None else np.full(61, r.index / 10)
            yield KeyframeResult(values=channels.clamp(values), repairs=[], explanation=[], index=r.index)

    def close(self):
        pass


def test_propose_script_builds_one_request_per_keyframe():
    backend = RecordingBackend()
    first = np.full(61, 0.3)
    results = list(propose_script(backend, SCRIPT, "bg", "joy", previous=first))
    assert [r.index for r in backend.requests] == [0, 1, 2]
    assert all(r.descriptions == SCRIPT and r.background == "bg" and r.emotion == "joy" for r in backend.requests)
    np.testing.assert_array_equal(backend.requests[0].previous, first)
    assert backend.requests[1].previous is None
    assert results[2].values[0] == pytest.approx(0.2)


def test_propose_script_accepts_per_keyframe_rows_and_cancel():
    backend = RecordingBackend()
    rows = [None, np.full(61, 0.5), None]
    locked = np.zeros((3, 61), dtype=bool)
    locked[1, 17] = True
    list(propose_script(backend, SCRIPT, previous=rows, locked=locked))
    assert backend.requests[0].previous is None and backend.requests[1].previous[0] == 0.5
    assert backend.requests[1].locked[17] and not backend.requests[0].locked.any()
    with pytest.raises(ValueError, match="expected 3 rows"):
        list(propose_script(backend, SCRIPT, previous=np.zeros((2, 61))))
    got = list(propose_script(RecordingBackend(), SCRIPT, cancel=lambda: True))
    assert got == []


# ---------------------------------------------------------------- the embedded backend


def test_embedded_backend_proposes_explained_keyframes():
    backend = create_backend("embedded")
    assert isinstance(backend, Backend) and backend.name == "embedded"
    results = list(propose_script(backend, SCRIPT, "an interview", "anxiety"))
    assert [r.index for r in results] == [0, 1, 2]
    for r in results:
        assert r.error is None and r.tokens == 0
        assert r.values.shape == (61,)
        assert np.all(r.values >= channels.LOWER) and np.all(r.values <= channels.UPPER)
        assert r.explanation
    jaw = channels.channel_index("JawOpen")
    assert results[2].values[jaw] > results[0].values[jaw]
    smile = channels.channel_index("MouthSmileLeft")
    assert results[1].values[smile] > results[0].values[smile]


def test_embedded_backend_cancel():
    seen = []
    for r in create_backend("embedded").propose([KeyframeRequest(SCRIPT, i) for i in range(3)], cancel=lambda: len(seen) == 2):
        seen.append(r)
    assert len(seen) == 2


# ---------------------------------------------------------------- the number grammar


def _all_numbers(decimals: int) -> list[str]:
    """Every string the grammar could ever produce (one integer digit, up to ``decimals`` decimals)."""
    out = []
    for sign in ("", "-"):
        for digit in "0123456789":
            out.append(sign + digit)
            for k in range(1, decimals + 1):
                out += [f"{sign}{digit}.{f:0{k}d}" for f in range(10**k)]
    return out


@pytest.mark.parametrize("lo, hi, decimals", [(0, 1, 2), (-1, 1, 2), (-1, 0, 3), (0, 1, 1), (-0.5, 0.25, 2)])
def test_grammar_matches_brute_force(lo, hi, decimals):
    g = NumberGrammar(lo, hi, decimals)
    numbers = _all_numbers(decimals)
    complete = {s for s in numbers if lo <= float(s) <= hi and not (s.startswith("-") and float(s) == 0)}
    assert {s for s in numbers if g.complete(s)} == complete
    prefixes = {s[:i] for s in complete for i in range(len(s) + 1)}
    candidates = {s[:i] for s in numbers for i in range(len(s) + 1)} | {"00", "1.5.", "--", "0..", "+1"}
    assert {s for s in candidates if g.viable(s)} == prefixes


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.-", max_size=7))
def test_grammar_complete_implies_viable_and_in_range(s):
    g = NumberGrammar(-1, 1, 3)
    if g.complete(s):
        assert g.viable(s) and -1 <= float(s) <= 1
    if not g.viable(s):
        assert not any(g.complete(s + t) for t in ("0", "5", ".5", "00", "1"))


# ---------------------------------------------------------------- the decoder state machine


def _char_table(extra: dict[str, int] | None = None):
    """A character-level vocabulary plus merged tokens, as (table, encode)."""
    chars = sorted(set("".join(keyframeface.format_response(channels.NEUTRAL, 0)) + "0123456789.-_abcdefghijklmnopqrstuvwxyz"))
    vocab = {c: i for i, c in enumerate(chars)}
    for text in extra or {}:
        vocab[text] = len(vocab)
    table = TokenTable((i, t) for t, i in vocab.items())
    return table, vocab, (lambda text: [vocab[c] for c in text])


@pytest.mark.parametrize("seed", range(5))
def test_random_walks_through_the_decoder_always_give_a_clean_keyframe(seed):
    merged = {'5,"': 0, "0.": 0, "}}": 0, ',"Eye': 0, "-0.": 0, "25": 0, "1.0": 0}
    table, vocab, encode = _char_table(merged)
    index = seed
    decoder = KeyframeDecoder(
        key=keyframeface.keyframe_key(index), names=channels.NAMES, table=table, encode=encode,
        ranges=channel_range, decimals=2,
    )  # fmt: skip
    fed = decoder.start()
    rng = random.Random(seed)
    while not decoder.done:
        choices = decoder.choices()
        assert choices, decoder.text[-60:]
        fed += decoder.take(rng.choice(choices))
    inverse = {i: t for t, i in vocab.items()}
    assert "".join(inverse[t] for t in fed) == decoder.text  # what was fed is exactly the text
    parsed = keyframeface.parse_response(decoder.text, index=index)
    assert parsed.ok and parsed.repairs == []
    assert list(json.loads(decoder.text)[keyframeface.keyframe_key(index)]) == list(channels.NAMES)
    np.testing.assert_allclose(keyframeface.to_kf_pitch(parsed.values), decoder.values)
    assert decoder.sampled + decoder.forced == len(fed)


def test_gaze_ranges_follow_the_look_blendshapes():
    decoded = np.zeros(55)
    decoded[channels.channel_index("EyeLookDownLeft")] = 0.6  # looking down
    decoded[channels.channel_index("EyeLookOutLeft")] = 0.4  # left eye toward the left ear
    lo, hi = channel_range(channels.channel_index("LeftEyePitch"), decoded)
    # KeyframeFace pitch is positive up: a downward look forbids a positive pitch.
    assert (lo, hi) == (-1.0, 0.0)
    lo, hi = channel_range(channels.channel_index("LeftEyeYaw"), decoded)
    assert (lo, hi) == (-1.0, 0.0)  # yaw is positive toward the face's right
    assert channel_range(channels.channel_index("RightEyeYaw"), decoded) == (-1.0, 1.0)
    assert channel_range(channels.channel_index("LeftEyePitch"), decoded, gaze_consistent=False) == (-1.0, 1.0)
    assert channel_range(0, []) == (0.0, 1.0)


def test_a_tokenizer_without_digits_is_rejected():
    with pytest.raises(DecodingError, match="no token for"):
        TokenTable([(0, "a"), (1, "."), (2, "0")])
