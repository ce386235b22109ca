"""Benchmarks of offscreen rendering (wired into ``kfstudio bench`` by the CLI).

``bench_render_frame`` times one full frame of the default head at 256, 512 and 1024 px square: evaluating the rig,
updating the vertex buffers, drawing with software OpenGL and reading the pixels back. The target
is the playback budget (docs/benchmarks.md) (at least 24 frames a second, so at most 41.7 ms a frame);
it applies to the plain frame. The 2x supersampled frame is what stills (``kfstudio render``) use and
has no target: it is reported so that its cost is visible.
"""

from __future__ import annotations

import time

import numpy as np

from kfstudio import channels
from kfstudio.bench.util import is_quick, repeats, result, skipped

FRAME_TARGET_MS = 1000.0 / 24.0


def _poses(n: int) -> np.ndarray:
    """A repeatable sequence of varied poses (random blendshape weights, small head/eye turns)."""
    rng = np.random.default_rng(24)
    values = np.zeros((n, channels.NUM_CHANNELS))
    values[:, : channels.NUM_BLENDSHAPES] = rng.uniform(0.0, 0.6, (n, channels.NUM_BLENDSHAPES))
    values[:, channels.NUM_BLENDSHAPES :] = rng.uniform(-0.3, 0.3, (n, channels.NUM_POSE))
    return values


SIZES = (256, 512, 1024)


def _frame_samples(rig, size: int, supersample: int, frames: int) -> list[float]:
    """Milliseconds per rendered frame of varied poses, after three warm-up frames."""
    from kfstudio.render.offscreen import Renderer

    renderer = Renderer(rig, (size, size), supersample=supersample)
    try:
        poses = _poses(frames + 3)
        for values in poses[:3]:  # warm-up: shader compilation, first buffer uploads
            renderer.render(values)
        samples = []
        for values in poses[3:]:
            t0 = time.perf_counter()
            renderer.render(values)
            samples.append((time.perf_counter() - t0) * 1000.0)
    finally:
        renderer.close()
    return samples


def bench_render_frame(frames: int | None = None) -> list[dict]:
    """Offscreen frame time of the default head at 256, 512 and 1024 px square (1x, 4x, 16x the
    pixels; the playback target applies to all three), and at 512 px with 2x supersampling (stills,
    no target). Quick mode leaves out the 1024 px frame."""
    from kfstudio.rig.head import default_head
    from kfstudio.render.offscreen import RenderUnavailableError, as_rig

    frames = frames or repeats(30, 8)
    rig = as_rig(default_head())
    results = []
    try:
        for i, size in enumerate(SIZES):
            name = f"render frame offscreen {size}x{size} ({4 ** i}x pixels)"
            if size == SIZES[-1] and is_quick():
                results.append(skipped(name, "--quick leaves out the largest frame", target=FRAME_TARGET_MS))
                continue
            results.append(result(name, _frame_samples(rig, size, 1, frames), FRAME_TARGET_MS))
        results.append(result("render still offscreen 512x512 (2x supersampled)", _frame_samples(rig, 512, 2, frames), None))
    except RenderUnavailableError as exc:
        return [skipped("render frame offscreen", f"no OpenGL here: {exc}", target=FRAME_TARGET_MS)]
    return results


if __name__ == "__main__":
    for r in bench_render_frame():
        print(r)
