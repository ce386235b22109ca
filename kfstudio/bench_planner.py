"""Latency benchmarks of the embedded planner (wired into ``kfstudio bench`` by the lead).

``bench_planner_single()``: one keyframe after warm-up (target 30 ms).
``bench_planner_batch100()``: 100 keyframes of a script, each with the previous values (target 3000 ms,
i.e. the per-keyframe target times 100).
``bench_planner_cold()``: a fresh interpreter importing the planner and planning one keyframe (target 2 s).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

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


def _result(name: str, times_ms: list[float], target: float) -> dict:
    median = statistics.median(times_ms)
    return {
        "name": name,
        "unit": "ms",
        "median": round(median, 3),
        "min": round(min(times_ms), 3),
        "max": round(max(times_ms), 3),
        "target": target,
        "passed": median <= target,
    }


def bench_planner_single(repeats: int = 200) -> dict:
    """Median time to plan one keyframe (warm planner, varied descriptions)."""
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
    return _result("planner single keyframe", times, 30.0)


def bench_planner_batch100(repeats: int = 5) -> dict:
    """Time to plan 100 keyframes in sequence, each seeing the previous one's values."""
    from kfstudio.generation.planner import EmbeddedPlanner

    planner = EmbeddedPlanner()
    planner.plan(SCRIPT[0])
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        previous = None
        for i in range(100):
            plan = planner.plan(SCRIPT[i % len(SCRIPT)], emotion=EMOTION, context=SCRIPT, index=i % len(SCRIPT), previous=previous)
            previous = plan.values
        times.append((time.perf_counter() - t0) * 1000)
    return _result("planner 100 keyframes", times, 3000.0)


def bench_planner_cold(repeats: int = 3) -> dict:
    """A fresh Python process: import the planner, build it and plan one keyframe (first proposal)."""
    code = (
        "import time; t=time.perf_counter();"
        "from kfstudio.generation.planner import EmbeddedPlanner;"
        f"EmbeddedPlanner().plan({SCRIPT[0]!r}, emotion={EMOTION!r});"
        "print((time.perf_counter()-t)*1000)"
    )
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return _result("planner first proposal in a fresh process", times, 2000.0)


def run_all() -> list[dict]:
    return [bench_planner_single(), bench_planner_batch100(), bench_planner_cold()]


if __name__ == "__main__":
    for r in run_all():
        print(r)
