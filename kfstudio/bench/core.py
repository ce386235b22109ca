"""Benchmarks of the animation document: curve evaluation and project saving."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from kfstudio import channels as ch
from kfstudio.animation import Animation, Keyframe
from kfstudio.bench.util import measure, repeats

__all__ = ["bench_evaluate", "bench_evaluate_scaling", "bench_project_save"]


def _animation(minutes: float, keyframes: int, seed: int = 0) -> Animation:
    rng = np.random.default_rng(seed)
    times = np.linspace(0, minutes * 60, keyframes)
    return Animation([Keyframe(t, f"beat {i}", rng.uniform(ch.LOWER, ch.UPPER)) for i, t in enumerate(times)], fps=60)


def bench_evaluate() -> dict:
    """All 61 channels over 10 minutes at 60 fps (36,001 frames), 200 keyframes; target 20 ms."""
    anim = _animation(10, 200)
    t = anim.frame_times(60)
    anim.evaluate(t)
    return measure("curve evaluation: 61 channels x 10 min @ 60 fps, 200 keyframes", lambda: anim.evaluate(t), target_ms=20.0, repeats=repeats(9, 3))


def bench_evaluate_scaling() -> list[dict]:
    """Evaluation cost at 1x, 4x and 16x the duration (and keyframes), including curve compilation."""
    rows = []
    for scale in (1, 4, 16):
        anim = _animation(2.5 * scale, 50 * scale)
        t = anim.frame_times(60)

        def cold(anim=anim, t=t):
            anim.touch()  # drop the compiled curves: measure compile + evaluate
            anim.evaluate(t)

        rows.append(measure(f"curve compile + evaluation: 61 channels x {2.5 * scale:g} min @ 60 fps, {50 * scale} keyframes ({scale}x)", cold, target_ms=None, repeats=repeats(9, 3)))
    return rows


def bench_project_save() -> dict:
    """Atomic save of a 500-keyframe project."""
    from kfstudio.io.project import save_project

    anim = _animation(30, 500)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench.kfs"
        return measure("save project, 500 keyframes", lambda: save_project(anim, path), target_ms=250.0, repeats=repeats(9, 3))
