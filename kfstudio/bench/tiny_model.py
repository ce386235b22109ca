"""A tiny, randomly initialised language model for offline tests and benchmarks.

:func:`build_tiny_model` trains a byte-level BPE tokenizer in memory on KeyframeFace-shaped text
(requests and responses made by :mod:`kfstudio.generation.keyframeface`), gives it a ChatML
template, creates a two-layer Qwen2 model with random weights and saves both to a folder that the
``"transformers"`` backend loads by path. Its output is meaningless but exercises the real code
path: tokenizer, chat template, KV cache, batching and constrained decoding. Needs torch,
transformers and tokenizers (imported inside the function).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kfstudio import channels
from kfstudio.generation import keyframeface

__all__ = ["CHAT_TEMPLATE", "build_tiny_model"]

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
_SAMPLE_SCRIPT = [
    "The gaze is lowered and the lips press together.",
    "The gaze rises and a small smile forms.",
    "The jaw drops in surprise.",
    "The eyes close slowly.",
]


def _corpus(rng: np.random.Generator) -> list[str]:
    texts = []
    for i in range(40):
        values = np.round(rng.uniform(channels.LOWER, channels.UPPER), int(rng.integers(1, 4)))
        texts.append(keyframeface.format_response(values, i % 5))
    for i in range(len(_SAMPLE_SCRIPT)):
        texts += [m["content"] for m in keyframeface.build_messages(_SAMPLE_SCRIPT, i, "a room", "calm")]
    return texts


def build_tiny_model(
    path: str | Path, split_digits: bool = True, hidden: int = 48, layers: int = 2, seed: int = 0, style: str = "bytelevel"
) -> Path:
    """Save a tokenizer and a random Qwen2 model to ``path`` (created if needed); returns the path.

    ``style="bytelevel"`` (GPT-2/Qwen-like): ``split_digits=False`` trains the BPE without the
    pre-tokenizer's regex, so its tokens merge digits with punctuation and names
    (``'5,"EyeLookOut'``, ``'Left":0.3'``). ``style="metaspace"`` (SentencePiece/Llama-2-like)
    marks spaces with ``▁`` and prepends one to every text it encodes.
    """
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    path = Path(path)
    tokenizer = Tokenizer(models.BPE())
    if style == "metaspace":
        tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(prepend_scheme="always")
        tokenizer.decoder = decoders.Metaspace(prepend_scheme="always")
        alphabet = sorted(set("".join(_corpus(np.random.default_rng(seed)))) | {"▁"})
    elif style == "bytelevel":
        tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=split_digits)
        tokenizer.decoder = decoders.ByteLevel()
        alphabet = pre_tokenizers.ByteLevel.alphabet()
    else:
        raise ValueError(f"unknown tokenizer style {style!r}")
    trainer = trainers.BpeTrainer(
        vocab_size=700,
        special_tokens=["<|pad|>", "<|im_start|>", "<|im_end|>"],
        initial_alphabet=alphabet,
        show_progress=False,
    )
    tokenizer.train_from_iterator(_corpus(np.random.default_rng(seed)), trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token="<|im_end|>", pad_token="<|pad|>")
    fast.chat_template = CHAT_TEMPLATE
    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=len(fast), hidden_size=hidden, intermediate_size=2 * hidden, num_hidden_layers=layers,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=4096,
    )  # fmt: skip
    Qwen2ForCausalLM(config).save_pretrained(path)
    fast.save_pretrained(path)
    return path
