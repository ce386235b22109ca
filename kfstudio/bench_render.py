"""Benchmarks of offscreen rendering (wired into ``kfstudio bench`` by the CLI).

``bench_render_frame`` times one full frame of the default head at 512x512: evaluating the rig,
updating the vertex buffers, drawing with software OpenGL and reading the pixels back. The target
is the playback budget of DESIGN.md §4 (at least 24 frames a second, so at most 41.7 ms a frame);
it applies to the plain frame. The 2x supersampled frame is what stills (``kfstudio render``) use and
has no target: it is reported so that its cost is visible.
"""

from __future__ import annotations

import time

import numpy as np

from kfstudio import channels
from kfstudio.benchutil import result

FRAME_TARGET_MS = 1000.0 / 24.0


def _poses(n: int) -> np.ndarray:
    """A repeatable sequence of varied poses (random blendshape weights, small head/eye turns)."""
    rng = np.random.default_rng(24)
    values = np.zeros((n, channels.NUM_CHANNELS))
    values[:, : channels.NUM_BLENDSHAPES] = rng.uniform(0.0, 0.6, (n, channels.NUM_BLENDSHAPES))
    values[:, channels.NUM_BLENDSHAPES :] = rng.uniform(-0.3, 0.3, (n, channels.NUM_POSE))
    return values


def bench_render_frame(frames: int = 30, size=(512, 512)) -> list[dict]:
    """Offscreen frame time at ``size``: without and with 2x supersampling."""
    from kfstudio.rig.head import default_head
    from kfstudio.rig.render import Renderer, as_rig

    rig = as_rig(default_head())
    results = []
    for supersample in (1, 2):
        renderer = Renderer(rig, size, supersample=supersample)
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
        label = f"render frame {size[0]}x{size[1]}" + (f" ({supersample}x supersampled)" if supersample > 1 else "")
        results.append(result(label, samples, FRAME_TARGET_MS if supersample == 1 else None))
    return results


if __name__ == "__main__":
    for r in bench_render_frame():
        print(r)
