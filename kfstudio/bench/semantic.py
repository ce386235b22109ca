"""Benchmarks of the learned semantic layer (for ``kfstudio bench``).

* the first proposal in a fresh process with the layer on (interpreter start, imports, encoder and
  head loading, one keyframe): target 2 s;
* a warm proposal (planner + encoder + head + combination) of a description never seen before:
  target 30 ms per keyframe (the row names what ran the encoder: ONNX Runtime, or numpy without it);
* the peak memory (RSS) of ``kfstudio keyframe --batch`` on 200 requests: target 500 MB.

Rows are skipped, saying why, when the layer's package is not installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kfstudio.bench.util import is_quick, measure, result, skipped

__all__ = ["bench_semantic_cold", "bench_semantic_warm", "bench_semantic_batch_memory"]

_DESCRIPTIONS = [
    "His face lights up when she walks in.",
    "she gives him a look that could curdle milk",
    "Her eyebrows hit the ceiling.",
    "He looks like he swallowed a lemon.",
    "omg lol she's sooo happy rn :D",
    "The inner brows pull together and up; she mouths 'no'.",
    "At first he grins, then the grin fades and by the end he just stares at the floor.",
    "A long 'mmm' of approval, eyes half closed.",
]


def _unavailable() -> str | None:
    from kfstudio.generation import semantic

    if semantic.disabled_by_env():
        return "the learned layer is off (KFSTUDIO_SEMANTIC=off)"
    try:
        from kfstudio.generation.semantic.encoder import find_model_dir

        find_model_dir()
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except Exception as exc:  # EncoderUnavailable, ImportError
        return f"the learned layer is not installed ({exc})"
    return None


def _env() -> dict:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])  # the folder holding the kfstudio package
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


_COLD = """
import time
t0 = time.perf_counter()
from kfstudio.generation.backend import KeyframeRequest, create_backend
b = create_backend("embedded")
r = next(iter(b.propose([KeyframeRequest([{d!r}], 0)])))
assert "semantic" in r.info and "off" not in r.info["semantic"], r.info
print(time.perf_counter() - t0)
"""


def bench_semantic_cold(repeats: int | None = None) -> list[dict]:
    """Wall time from starting a Python process to its first proposal with the learned layer on."""
    name = "first proposal in a fresh process, learned layer on"
    why = _unavailable()
    if why:
        return [skipped(name, why, unit="s", target=2.0)]
    repeats = repeats or (2 if is_quick() else 5)
    samples, inner = [], []
    for i in range(repeats):
        code = _COLD.format(d=_DESCRIPTIONS[i % len(_DESCRIPTIONS)])
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=120)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            return [skipped(name, f"the child process failed: {proc.stderr.strip()[-300:]}", unit="s", target=2.0)]
        samples.append(wall)
        inner.append(float(proc.stdout.strip().splitlines()[-1]))
    return [result(name, samples, 2.0, unit="s", after_start_s=round(sorted(inner)[len(inner) // 2], 3))]


def bench_semantic_warm(repeats: int | None = None) -> list[dict]:
    """One proposal with a warm layer, on a description it has not encoded before (no cache hit)."""
    name = "warm proposal with the learned layer, new description"
    why = _unavailable()
    if why:
        return [skipped(name, why, target=30.0)]
    from kfstudio.generation.backend import KeyframeRequest, create_backend

    backend = create_backend("embedded")
    next(iter(backend.propose([KeyframeRequest(["warm up"], 0)])))
    counter = iter(range(10**9))

    def one() -> None:
        n = next(counter)
        d = f"{_DESCRIPTIONS[n % len(_DESCRIPTIONS)]} (take {n})"
        next(iter(backend.propose([KeyframeRequest([d], 0, "A small kitchen at night.", "tired")])))

    row = measure(name, one, target_ms=30.0, repeats=repeats or (20 if is_quick() else 100))
    from kfstudio.generation import semantic

    layer = semantic.shared_layer()  # (the one the embedded backend uses)
    return [{**row, "runtime": getattr(getattr(layer, "encoder", None), "runtime", "?")}]


_RSS = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-m", "kfstudio", "keyframe", "--batch", sys.argv[1]], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def bench_semantic_batch_memory(n: int | None = None) -> list[dict]:
    """Peak resident memory of ``kfstudio keyframe --batch`` (learned layer on)."""
    name = "peak memory of keyframe --batch, learned layer on"
    why = _unavailable()
    if why:
        return [skipped(name, why, unit="MB", target=500.0)]
    n = n or (50 if is_quick() else 200)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        lines = [json.dumps({"description": f"{_DESCRIPTIONS[i % len(_DESCRIPTIONS)]} #{i}", "background": "A quiet office.",
                             "emotion": "nervous"}) for i in range(n)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _RSS, str(path)], capture_output=True, text=True, env=_env(), timeout=600)
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        return [skipped(name, f"the batch run failed: {proc.stderr.strip()[-300:]}", unit="MB", target=500.0)]
    mb = int(proc.stdout.strip().splitlines()[-1]) / 1024.0  # ru_maxrss is in KiB on Linux
    return [result(name, [mb], 500.0, unit="MB", keyframes=n, seconds=round(wall, 2))]


if __name__ == "__main__":  # pragma: no cover
    for row in bench_semantic_cold() + bench_semantic_warm() + bench_semantic_batch_memory():
        print(row)
