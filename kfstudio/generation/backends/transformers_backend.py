"""The ``"transformers"`` backend: a local causal language model under constrained decoding.

The model is a local directory (``config.json`` + weights) or a ``.gguf`` file (loaded with the
``gguf`` package, de-quantised once and cached as safetensors in a user cache folder), optionally
with a PEFT LoRA adapter directory such as KeyframeFace's Qwen3-14B adapter. Nothing is fetched:
loading runs with ``local_files_only=True`` and ``HF_HUB_OFFLINE=1``.

The prompt is the model's chat template applied to :func:`keyframeface.build_messages` (with
``enable_thinking=False`` for Qwen3 templates). Decoding follows :mod:`.constrained`: the JSON
skeleton ``{"Keyframe_one":{"EyeBlinkLeft":`` ... ``}}`` is fed, only the 61 numbers are chosen by
the model, each within its channel's range, so every response is a complete, valid keyframe in the
adapter's exact format. Eye rotations are further limited to the direction their ``EyeLook*``
blendshapes already chose, so the parser never has to repair the gaze. Keyframes of one call are
batched (left padding, one KV cache, several tokens fed per row and step).

torch and transformers are imported when a backend is created, never at module import.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kfstudio import channels
from kfstudio.generation import keyframeface
from kfstudio.generation.backend import (
    BackendError,
    CancelFn,
    KeyframeRequest,
    KeyframeResult,
    error_result,
)
from kfstudio.generation.backends.constrained import DecodingError, KeyframeDecoder, TokenTable

__all__ = ["TransformersBackend", "channel_range", "default_cache_dir", "encode_in_context"]

_DTYPES = {
    "float32": "float32", "fp32": "float32", "float": "float32",
    "float64": "float64", "fp64": "float64", "double": "float64",
    "bfloat16": "bfloat16", "bf16": "bfloat16",
    "float16": "float16", "fp16": "float16", "half": "float16",
}  # fmt: skip
_EYE_ROTATIONS = tuple(
    channels.channel_index(n) for n in ("LeftEyeYaw", "LeftEyePitch", "RightEyeYaw", "RightEyePitch")
)


def default_cache_dir() -> Path:
    """``$KFSTUDIO_CACHE_DIR``, else ``$XDG_CACHE_HOME/kfstudio``, else ``~/.cache/kfstudio``."""
    if os.environ.get("KFSTUDIO_CACHE_DIR"):
        return Path(os.environ["KFSTUDIO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kfstudio"


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """Forbid Hugging Face Hub downloads while loading (restores the environment afterwards)."""
    keys = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    saved = {k: os.environ.get(k) for k in keys}
    os.environ.update({k: "1" for k in keys})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _check_model_path(model: Any) -> Path:
    if not model or not isinstance(model, (str, os.PathLike)):
        raise BackendError("transformers backend: option 'model' must be a local model directory or .gguf file")
    path = Path(model).expanduser()
    if not path.exists():
        raise BackendError(
            f"transformers backend: model not found: {path} "
            "(give a local directory or .gguf file; models are never downloaded)"
        )
    if path.is_dir() and not (path / "config.json").is_file():
        raise BackendError(f"transformers backend: {path} is not a model directory (no config.json)")
    if path.is_file() and path.suffix.lower() != ".gguf":
        raise BackendError(f"transformers backend: {path} is a file but not a .gguf model")
    return path


def _check_adapter_path(adapter: Any) -> Path | None:
    if adapter is None or adapter == "":
        return None
    path = Path(adapter).expanduser()
    if not path.is_dir():
        raise BackendError(f"transformers backend: adapter folder not found: {path}")
    if not (path / "adapter_config.json").is_file():
        raise BackendError(f"transformers backend: {path} is not a PEFT adapter (no adapter_config.json)")
    return path


class TransformersBackend:
    """Proposes keyframes with a local Hugging Face causal LM (see the module docstring).

    Options: ``model`` (directory or ``.gguf`` file), ``adapter`` (PEFT LoRA folder), ``device``
    (``"auto"``: CUDA when available, else CPU), ``dtype`` (``"auto"``: bfloat16/float16 on CUDA,
    float32 on CPU; or ``"float32"``, ``"float64"``, ``"bfloat16"``, ``"float16"``),
    ``trust_remote_code``, ``max_batch`` (keyframes decoded together), ``decimals`` (at most 2 or 3
    per number), ``temperature`` (0 = greedy), ``seed``, ``torch_threads`` (calls
    ``torch.set_num_threads``; the editor's worker passes 1), ``merge_adapter`` (fold the LoRA into
    the weights for speed), ``cache_dir`` (where converted GGUF models are kept), ``gaze_consistent``.
    """

    name = "transformers"

    def __init__(
        self,
        model: str | os.PathLike,
        adapter: str | os.PathLike | None = None,
        device: str = "auto",
        dtype: str = "auto",
        trust_remote_code: bool = False,
        max_batch: int = 8,
        decimals: int = 2,
        temperature: float = 0.0,
        seed: int | None = None,
        torch_threads: int | None = None,
        merge_adapter: bool = True,
        cache_dir: str | os.PathLike | None = None,
        gaze_consistent: bool = True,
    ) -> None:
        self.model_path = _check_model_path(model)
        self.adapter_path = _check_adapter_path(adapter)
        if not isinstance(max_batch, int) or max_batch < 1:
            raise BackendError(f"transformers backend: max_batch must be a positive integer, got {max_batch!r}")
        if decimals not in (1, 2, 3, 4):
            raise BackendError(f"transformers backend: decimals must be 1 to 4, got {decimals!r}")
        if not temperature >= 0:
            raise BackendError(f"transformers backend: temperature must be >= 0, got {temperature!r}")
        self.max_batch = max_batch
        self.decimals = decimals
        self.temperature = float(temperature)
        self.gaze_consistent = bool(gaze_consistent)
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
        self.notes: list[str] = []  # what happened while loading (cache use, conversions)
        self._torch = _import_torch()
        if torch_threads is not None:
            self._torch.set_num_threads(int(torch_threads))
        self.device = self._resolve_device(device)
        self._dtype = self._resolve_dtype(dtype)
        self._generator = self._torch.Generator(device="cpu")
        if seed is not None:
            self._generator.manual_seed(int(seed))
        self._model, self._tokenizer = self._load(trust_remote_code, merge_adapter)
        self._pad_id = self._pick_pad_id()
        try:
            self._table = TokenTable.from_tokenizer(self._tokenizer)
        except DecodingError as exc:
            raise BackendError(f"transformers backend: {self.model_path}: {exc}") from None
        self._encoded: dict[str, list[int]] = {}
        self._index_tensors: dict[tuple[int, ...], Any] = {}

    # ------------------------------------------------------------------ loading

    def _resolve_device(self, device: str) -> str:
        torch = self._torch
        device = str(device or "auto").lower()
        if device == "auto":
            return "cuda:0" if torch.cuda.is_available() else "cpu"
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise BackendError(f"transformers backend: device {device!r} requested but CUDA is not available")
        try:
            torch.device(device)
        except (RuntimeError, ValueError):
            raise BackendError(f"transformers backend: unknown device {device!r}") from None
        return "cuda:0" if device == "cuda" else device

    def _resolve_dtype(self, dtype: str) -> Any:
        torch = self._torch
        key = str(dtype or "auto").lower().removeprefix("torch.")
        if key == "auto":
            if self.device.startswith("cuda"):
                return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
            return torch.float32
        if key not in _DTYPES:
            raise BackendError(
                f"transformers backend: unknown dtype {dtype!r}; use auto, {', '.join(sorted(set(_DTYPES.values())))}"
            )
        return getattr(torch, _DTYPES[key])

    def _load(self, trust_remote_code: bool, merge_adapter: bool) -> tuple[Any, Any]:
        with _offline():
            try:
                from transformers import AutoModelForCausalLM, AutoTokenizer
            except ImportError as exc:
                raise BackendError(f"transformers backend needs the 'transformers' package: {exc}") from None
            source, extra = self._weights_source(AutoModelForCausalLM, AutoTokenizer, trust_remote_code)
            common = {"local_files_only": True, "trust_remote_code": bool(trust_remote_code), **extra}
            try:
                tokenizer = AutoTokenizer.from_pretrained(source, **common)
                model = AutoModelForCausalLM.from_pretrained(source, dtype=self._dtype, **common)
            except (OSError, ValueError, KeyError) as exc:
                raise BackendError(f"transformers backend: cannot load model {self.model_path}: {exc}") from None
            if self.adapter_path is not None:
                model = self._attach_adapter(model, merge_adapter)
        # transformers types PreTrainedModel.to through functools.wraps (_Wrapped), which loses the bound self
        model.to(self.device)  # type: ignore[arg-type]
        model.eval()
        return model, tokenizer

    def _weights_source(self, model_cls: Any, tokenizer_cls: Any, trust_remote_code: bool) -> tuple[str, dict]:
        """Where to load from: the directory itself, or the cached conversion of a GGUF file."""
        if self.model_path.is_dir():
            return str(self.model_path), {}
        cached = self._gguf_cache_path()
        if (cached / "complete").is_file():
            self.notes.append(f"loaded the converted GGUF model from {cached}")
            return str(cached), {}
        folder, file = str(self.model_path.parent), self.model_path.name
        try:
            tokenizer = tokenizer_cls.from_pretrained(folder, gguf_file=file, local_files_only=True)
            model = model_cls.from_pretrained(folder, gguf_file=file, local_files_only=True)
        except (OSError, ValueError, KeyError, ImportError) as exc:
            raise BackendError(f"transformers backend: cannot read GGUF file {self.model_path}: {exc}") from None
        if self._save_conversion(model, tokenizer, cached):
            return str(cached), {}
        return folder, {"gguf_file": file}

    def _gguf_cache_path(self) -> Path:
        stat = self.model_path.stat()
        ident = f"{self.model_path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        digest = hashlib.sha1(ident.encode()).hexdigest()[:12]
        return self.cache_dir / "gguf" / f"{self.model_path.stem}-{digest}"

    def _save_conversion(self, model: Any, tokenizer: Any, target: Path) -> bool:
        """Save a de-quantised GGUF model as safetensors (atomically); False if it cannot be saved."""
        model.hf_quantizer = None  # the weights are plain tensors once de-quantised
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        temporary = target.with_name(target.name + f".tmp{os.getpid()}")
        try:
            temporary.mkdir(parents=True, exist_ok=True)
            model.save_pretrained(temporary)
            tokenizer.save_pretrained(temporary)
            (temporary / "complete").write_text(str(self.model_path) + "\n", encoding="utf-8")
            if target.exists():
                import shutil

                shutil.rmtree(target)
            os.replace(temporary, target)
        except OSError as exc:
            self.notes.append(f"could not cache the converted GGUF model in {target}: {exc}")
            return False
        self.notes.append(f"converted {self.model_path.name} once; cached in {target}")
        return True

    def _attach_adapter(self, model: Any, merge: bool) -> Any:
        try:
            from peft import PeftModel
        except ImportError as exc:
            raise BackendError(f"transformers backend: loading an adapter needs the 'peft' package: {exc}") from None
        try:
            model = PeftModel.from_pretrained(model, str(self.adapter_path), is_trainable=False)
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise BackendError(
                f"transformers backend: adapter {self.adapter_path} does not fit model {self.model_path}: {exc}"
            ) from None
        return model.merge_and_unload() if merge else model

    def _pick_pad_id(self) -> int:
        tok = self._tokenizer
        for candidate in (tok.pad_token_id, tok.eos_token_id, 0):
            if isinstance(candidate, list):
                candidate = candidate[0] if candidate else None
            if candidate is not None:
                return int(candidate)
        return 0

    # ------------------------------------------------------------------ prompts and grammar

    def prompt_text(self, request: KeyframeRequest) -> str:
        """The exact text fed to the model before the response."""
        messages = keyframeface.build_messages(
            request.descriptions, request.index, request.background, request.emotion
        )
        if not getattr(self._tokenizer, "chat_template", None):
            return "\n\n".join(m["content"] for m in messages) + "\n\n"
        return self._tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True, enable_thinking=False
        )

    def _encode(self, text: str) -> list[int]:
        found = self._encoded.get(text)
        if found is None:
            found = self._encoded[text] = encode_in_context(self._tokenizer, text)
        return found

    def _ranges(self, slot: int, decoded: Sequence[float]) -> tuple[float, float]:
        return channel_range(slot, decoded, self.gaze_consistent)

    def _decoder(self, request: KeyframeRequest) -> KeyframeDecoder:
        return KeyframeDecoder(
            key=keyframeface.keyframe_key(request.index),
            names=channels.NAMES,
            table=self._table,
            encode=self._encode,
            ranges=self._ranges,
            decimals=self.decimals,
        )

    # ------------------------------------------------------------------ decoding

    def propose(
        self, requests: Sequence[KeyframeRequest], cancel: CancelFn | None = None
    ) -> Iterator[KeyframeResult]:
        requests = list(requests)
        for start in range(0, len(requests), self.max_batch):
            if cancel is not None and cancel():
                return
            batch = requests[start : start + self.max_batch]
            done = 0
            try:
                for result in self._run_batch(batch, cancel):
                    done += 1
                    yield result
            except Exception as exc:  # a model failure must not end the caller's loop
                message = f"{type(exc).__name__}: {exc}"
                for request in batch[done:]:
                    done += 1
                    yield error_result(request, f"transformers backend failed: {message}")
            if done < len(batch):  # the batch stopped early: it was cancelled
                return

    def _run_batch(self, batch: list[KeyframeRequest], cancel: CancelFn | None) -> Iterator[KeyframeResult]:
        torch = self._torch
        began = time.perf_counter()
        decoders = [self._decoder(r) for r in batch]
        rows = [self._encode(self.prompt_text(r)) + d.start() for r, d in zip(batch, decoders)]
        step = _BatchStepper(self._model, torch, self.device, self._pad_id)
        logits = step.prefill(rows)
        yielded = 0
        while yielded < len(batch):
            if cancel is not None and cancel():
                return
            chunks = [[] if d.done else d.take(self._choose(logits[b], d.choices())) for b, d in enumerate(decoders)]
            while yielded < len(batch) and decoders[yielded].done:
                share = (time.perf_counter() - began) / len(batch)
                yield self._result(batch[yielded], decoders[yielded], share)
                yielded += 1
            if yielded < len(batch):
                logits = step.extend(chunks)

    def _choose(self, logits: Any, choices: tuple[int, ...]) -> int:
        torch = self._torch
        index = self._index_tensors.get(choices)
        if index is None:
            index = self._index_tensors[choices] = torch.tensor(choices, dtype=torch.long, device=logits.device)
        scores = logits.index_select(0, index).float()
        if self.temperature <= 0:
            return choices[int(torch.argmax(scores))]
        probs = torch.softmax(scores / self.temperature, dim=0).cpu()
        return choices[int(torch.multinomial(probs, 1, generator=self._generator))]

    def _result(self, request: KeyframeRequest, decoder: KeyframeDecoder, seconds: float) -> KeyframeResult:
        raw = decoder.text
        parsed = keyframeface.parse_response(raw, request.previous, index=request.index)
        full = len(self._encode(raw))
        explanation = [
            f"{self._describe()}: {decoder.sampled} tokens chosen by the model, {decoder.forced} forced "
            f"by the keyframe grammar (the response is {full} tokens when tokenised whole)"
        ]
        return KeyframeResult(
            values=parsed.values,
            repairs=list(parsed.repairs),
            explanation=explanation,
            tokens=decoder.sampled,
            seconds=seconds,
            raw=raw,
            error=None if parsed.ok else "the model response held no channel values",
            index=request.index,
            info={"forced_tokens": decoder.forced, "response_tokens": full},
        )

    def _describe(self) -> str:
        text = self.model_path.name
        if self.adapter_path is not None:
            text += f" + {self.adapter_path.name}"
        return f"{text} on {self.device}"

    def close(self) -> None:
        """Drop the model and tokenizer (frees their memory once nothing else refers to them)."""
        self._model = None
        self._tokenizer = None
        if self.device.startswith("cuda"):
            self._torch.cuda.empty_cache()

    def __repr__(self) -> str:
        adapter = f", adapter={str(self.adapter_path)!r}" if self.adapter_path else ""
        return f"TransformersBackend(model={str(self.model_path)!r}{adapter}, device={self.device!r})"


def encode_in_context(tokenizer: Any, text: str, anchor: str = "0") -> list[int]:
    """Token ids of ``text`` as it reads after other text (here: after a number).

    Encoding a piece on its own can add what a tokenizer puts at the start of a text, such as
    SentencePiece's prefix space (``'▁,'``). The piece is encoded after ``anchor`` and the
    anchor's tokens are removed; when the two merge into other tokens, the piece is encoded alone.
    """
    alone = list(tokenizer.encode(text, add_special_tokens=False))
    prefix = list(tokenizer.encode(anchor, add_special_tokens=False))
    joined = list(tokenizer.encode(anchor + text, add_special_tokens=False))
    if joined[: len(prefix)] == prefix and tokenizer.decode(joined[len(prefix):]) == text:
        return joined[len(prefix) :]
    return alone


def channel_range(slot: int, decoded: Sequence[float], gaze_consistent: bool = True) -> tuple[float, float]:
    """Allowed ``(lo, hi)`` for channel ``slot`` (KeyframeFace convention) given the values before it.

    The channel's own range, and for eye yaw/pitch with ``gaze_consistent``, only the direction
    that :func:`keyframeface.reconcile_gaze` would accept given the ``EyeLook*`` values decoded.
    """
    lo, hi = float(channels.LOWER[slot]), float(channels.UPPER[slot])
    if gaze_consistent and slot in _EYE_ROTATIONS:
        if _contradicts_gaze(decoded, slot, +0.5):
            hi = 0.0
        if _contradicts_gaze(decoded, slot, -0.5):
            lo = 0.0
    return lo, hi


def _contradicts_gaze(decoded: Sequence[float], slot: int, probe: float) -> bool:
    """True when an eye rotation of ``probe`` (KeyframeFace convention) at ``slot`` would be
    flipped by :func:`keyframeface.reconcile_gaze` given the look blendshapes decoded so far."""
    kf = np.zeros(channels.NUM_CHANNELS)
    kf[: len(decoded)] = decoded
    kf[slot] = probe
    llf = keyframeface.from_kf_pitch(kf)
    fixed, _ = keyframeface.reconcile_gaze(llf)
    return bool(np.sign(fixed[slot]) != np.sign(llf[slot]))


def _import_torch() -> Any:
    try:
        import torch
    except ImportError as exc:
        raise BackendError(f"transformers backend needs the 'torch' package: {exc}") from None
    return torch


class _BatchStepper:
    """Feeds rows of tokens of different lengths through one model with one KV cache.

    Every input is right-aligned (padding first, masked out), so each row's last real token sits
    in the last column and only that column's logits are computed (``logits_to_keep=1``; the
    vocabulary projection is a large share of a small model's work). The cache may therefore hold
    masked holes; positions count real tokens only.
    """

    def __init__(self, model: Any, torch: Any, device: str, pad_id: int):
        self.model, self.torch, self.device, self.pad_id = model, torch, device, pad_id
        self.past: Any = None  # torch tensors once prefill() ran
        self.mask: Any = None
        self.next_position: Any = None

    def prefill(self, rows: list[list[int]]) -> Any:
        ids, mask, lengths = self._right_aligned(rows)
        self.mask = mask
        self.next_position = self.torch.zeros(len(rows), dtype=self.torch.long, device=self.device)
        return self._forward(ids, mask, lengths)

    def extend(self, chunks: list[list[int]]) -> Any:
        ids, mask, lengths = self._right_aligned(chunks)
        self.mask = self.torch.cat([self.mask, mask], dim=1)
        return self._forward(ids, mask, lengths)

    def _right_aligned(self, rows: list[list[int]]) -> tuple[Any, Any, Any]:
        torch = self.torch
        width = max(1, max(len(r) for r in rows))
        ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for b, row in enumerate(rows):
            if row:
                ids[b, width - len(row) :] = torch.tensor(row, dtype=torch.long)
                mask[b, width - len(row) :] = 1
        lengths = torch.tensor([len(r) for r in rows], dtype=torch.long)
        return ids.to(self.device), mask.to(self.device), lengths.to(self.device)

    def _forward(self, ids: Any, mask: Any, lengths: Any) -> Any:
        torch = self.torch
        width = ids.shape[1]
        # real token j of a row (counted from its first real token) gets position next + j
        offsets = torch.arange(width, device=ids.device)[None, :] - (width - lengths)[:, None]
        positions = (self.next_position[:, None] + offsets).clamp(min=0)
        self.next_position = self.next_position + lengths
        with torch.inference_mode():
            out = self.model(
                input_ids=ids,
                attention_mask=self.mask,
                position_ids=positions,
                past_key_values=self.past,
                use_cache=True,
                logits_to_keep=1,
            )
        self.past = out.past_key_values
        return out.logits[:, -1]
