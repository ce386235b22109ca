"""Benchmarks of rig evaluation on the default head (wired into ``kfstudio bench`` by the CLI)."""

from __future__ import annotations

import time

import numpy as np

from kfstudio.channels import NUM_BLENDSHAPES, NUM_CHANNELS

#: Target for the 52 blendshapes on the default head (DESIGN.md section 4).
SHAPES_TARGET_MS = 1.0
#: Target for a full pose (shapes, eyes, head, normals): well inside one 60 fps frame.
FULL_TARGET_MS = 8.0


def _timed(fn, poses: np.ndarray, repeats: int) -> np.ndarray:
    times = []
    for r in range(repeats):
        values = poses[r % len(poses)]
        t0 = time.perf_counter()
        fn(values)
        times.append((time.perf_counter() - t0) * 1000.0)
    return np.asarray(times)


def _result(name: str, times: np.ndarray, target: float) -> dict:
    median = float(np.median(times))
    return {"name": name, "unit": "ms", "median": median, "min": float(times.min()), "max": float(times.max()),
            "target": target, "passed": median <= target}


def bench_rig_eval(repeats: int = 300, seed: int = 0) -> list[dict]:
    """Time rig evaluation of random poses (all 52 weights active) on the default head."""
    from kfstudio.rig.evaluate import Rig
    from kfstudio.rig.head import default_head

    head = default_head()
    rig = Rig(head)
    rng = np.random.default_rng(seed)
    poses = np.zeros((32, NUM_CHANNELS))
    poses[:, :NUM_BLENDSHAPES] = rng.uniform(0.05, 1.0, (32, NUM_BLENDSHAPES))
    poses[:, NUM_BLENDSHAPES:] = rng.uniform(-0.4, 0.4, (32, NUM_CHANNELS - NUM_BLENDSHAPES))
    out_p = np.empty_like(head.vertices)
    out_n = np.empty_like(head.vertices)
    weights = poses[:, :NUM_BLENDSHAPES].astype(np.float32)
    for v in poses[:4]:  # warm up caches and lazy scipy paths
        rig.evaluate(v, out_p, out_n)
    shapes = _timed(lambda w: rig.apply_shapes(w, out_p), weights, repeats)
    full = _timed(lambda v: rig.evaluate(v, out_p, out_n), poses, repeats)
    n = head.num_vertices
    return [
        _result(f"rig: 52 blendshapes ({n} vertices)", shapes, SHAPES_TARGET_MS),
        _result(f"rig: full pose incl. eyes, head, normals ({n} vertices)", full, FULL_TARGET_MS),
    ]


if __name__ == "__main__":
    for r in bench_rig_eval():
        print(f"{r['name']}: median {r['median']:.3f} ms (min {r['min']:.3f}, max {r['max']:.3f}, "
              f"target {r['target']}) {'ok' if r['passed'] else 'MISSED'}")
