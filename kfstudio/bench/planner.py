"""Latency benchmarks of the embedded planner itself (``kfstudio bench``).

``bench_planner_single()``: one keyframe after warm-up (target 30 ms).
``bench_planner_cold()``: a fresh interpreter importing the planner and planning one keyframe (target 2 s).

Scripts of 8, 32 and 128 keyframes through the embedded backend are timed in
:mod:`kfstudio.bench.backends`.
"""

from __future__ import annotations

import subprocess
import sys
import time

from kfstudio.bench.util import repeats as quick_or_full
from kfstudio.bench.util import result

SCRIPT = [
    "The gaze is lowered, the inner brows lift slightly, and the lips press together with visible tension.",
    "The gaze rises and both mouth corners form a small restrained smile while the brows remain worried.",
    "She winks with her right eye and a crooked grin spreads across her face.",
    "Her eyes go wide, jaw dropping, as she gasps.",
    "He doesn't smile; his brows knit and he glares to the left.",
    "The smile fades and she looks down at her hands.",
    "Holds the look for a beat.",
    "He tilts his head, curious, one eyebrow cocked.",
]
EMOTION = "Anxiety concealed by a restrained smile"


def bench_planner_single(repeats: int | None = None) -> dict:
    """Median time to plan one keyframe (warm planner, varied descriptions)."""
    repeats = repeats or quick_or_full(200, 40)
    from kfstudio.generation.planner import EmbeddedPlanner

    planner = EmbeddedPlanner()
    for d in SCRIPT:
        planner.plan(d, emotion=EMOTION)
    times = []
    for i in range(repeats):
        d = SCRIPT[i % len(SCRIPT)] + ("" if i < len(SCRIPT) else f" take {i}")  # defeat any caching of whole texts
        t0 = time.perf_counter()
        planner.plan(d, emotion=EMOTION, context=SCRIPT, index=i % len(SCRIPT))
        times.append((time.perf_counter() - t0) * 1000)
    return result("embedded planner: plan one keyframe (warm)", times, 30.0)


def bench_planner_cold(repeats: int | None = None) -> dict:
    """A fresh Python process: import the planner, build it and plan one keyframe (first proposal)."""
    code = (
        "import time; t=time.perf_counter();"
        "from kfstudio.generation.planner import EmbeddedPlanner;"
        f"EmbeddedPlanner().plan({SCRIPT[0]!r}, emotion={EMOTION!r});"
        "print((time.perf_counter()-t)*1000)"
    )
    repeats = repeats or quick_or_full(3, 1)
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return result("embedded planner: first proposal in a fresh process (cold start)", times, 2000.0)


def run_all() -> list[dict]:
    return [bench_planner_single(), bench_planner_cold()]


if __name__ == "__main__":
    for r in run_all():
        print(r)
