"""Benchmarks of rig evaluation (``kfstudio bench``): the default head, and larger heads made from it.

The scaling rows use the default head subdivided once (about 4x the vertices) and twice (about 16x):
every triangle is split into four at its edge midpoints, and each blendshape's offset at a new vertex
is the mean of the offsets at the edge's two ends, so the shapes move the same surface with more
vertices (:func:`subdivide_head`). Targets (docs/benchmarks.md) apply to the default head; the
larger heads have none and show how the cost grows.
"""

from __future__ import annotations

import time

import numpy as np

from kfstudio.bench.util import is_quick, repeats, result, skipped
from kfstudio.channels import NUM_BLENDSHAPES, NUM_CHANNELS

__all__ = ["subdivide_head", "bench_rig_eval"]

#: Target for the 52 blendshapes on the default head (docs/benchmarks.md).
SHAPES_TARGET_MS = 1.0
#: Target for a full pose (shapes, eyes, head, normals): a quarter of one 60 fps frame.
FULL_TARGET_MS = 4.0


def _edges(faces: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unique edges (E, 2) of a triangle mesh, and for each face its three edge ids (F, 3):
    edge 0 is (v0, v1), edge 1 (v1, v2), edge 2 (v2, v0)."""
    pairs = np.sort(faces[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    edges, inverse = np.unique(pairs, axis=0, return_inverse=True)
    return edges, inverse.reshape(-1, 3)


def subdivide_head(head):
    """``head`` with every triangle split into four at its edge midpoints (about 4x the vertices).

    New vertices take the mean position and mean blendshape offsets of their edge's ends, the part of
    the edge's first end, and belong to an eye when both ends do. Pivots and colours are unchanged.
    """
    from kfstudio.rig.head import Head

    faces = head.faces.astype(np.int64)
    edges, face_edges = _edges(faces)
    n = head.num_vertices
    a, b = edges[:, 0], edges[:, 1]
    mid = n + face_edges  # (F, 3) ids of the midpoints of edges 01, 12, 20
    v0, v1, v2 = faces[:, 0], faces[:, 1], faces[:, 2]
    m01, m12, m20 = mid[:, 0], mid[:, 1], mid[:, 2]
    new_faces = np.concatenate([np.stack(f, axis=1) for f in
                                ((v0, m01, m20), (m01, v1, m12), (m20, m12, v2), (m01, m12, m20))])
    shape_indices, shape_deltas = [], []
    for idx, delta in zip(head.shape_indices, head.shape_deltas):
        dense = np.zeros((n, 3), dtype=np.float32)
        dense[idx] = delta
        full = np.concatenate([dense, 0.5 * (dense[a] + dense[b])])
        moved = np.flatnonzero(full.any(axis=1))
        shape_indices.append(moved)
        shape_deltas.append(full[moved])
    eyes = []
    for idx in head.eye_vertices:
        member = np.zeros(n, dtype=bool)
        member[idx] = True
        eyes.append(np.concatenate([idx, n + np.flatnonzero(member[a] & member[b])]))
    return Head(
        name=f"{head.name} subdivided", vertices=np.concatenate([head.vertices, 0.5 * (head.vertices[a] + head.vertices[b])]),
        faces=new_faces, part=np.concatenate([head.part, head.part[a]]), part_names=head.part_names, colors=head.colors,
        shape_indices=shape_indices, shape_deltas=shape_deltas, neck_pivot=head.neck_pivot, eye_centers=head.eye_centers,
        eye_vertices=(eyes[0], eyes[1]), jaw_pivot=head.jaw_pivot, missing=list(head.missing),
    )


def _poses(n: int, seed: int) -> np.ndarray:
    """Random poses with all 52 weights active and small head/eye turns."""
    rng = np.random.default_rng(seed)
    poses = np.zeros((n, NUM_CHANNELS))
    poses[:, :NUM_BLENDSHAPES] = rng.uniform(0.05, 1.0, (n, NUM_BLENDSHAPES))
    poses[:, NUM_BLENDSHAPES:] = rng.uniform(-0.4, 0.4, (n, NUM_CHANNELS - NUM_BLENDSHAPES))
    return poses


def _timed(fn, inputs: np.ndarray, runs: int) -> list[float]:
    """Milliseconds of ``fn(inputs[r % len(inputs)])`` for ``runs`` calls (varied poses, not one)."""
    samples = []
    for r in range(runs):
        values = inputs[r % len(inputs)]
        t0 = time.perf_counter()
        fn(values)
        samples.append((time.perf_counter() - t0) * 1000.0)
    return samples


def _rows_for(head, label: str, scale: int, runs: int, seed: int) -> list[dict]:
    from kfstudio.rig.evaluate import Rig

    rig = Rig(head)
    poses = _poses(32, seed)
    weights = poses[:, :NUM_BLENDSHAPES].astype(np.float32)
    out_p = np.empty_like(head.vertices)
    out_n = np.empty_like(head.vertices)
    for v in poses[:4]:  # warm-up: caches of touched faces, lazy scipy paths
        rig.evaluate(v, out_p, out_n)
    n = head.num_vertices
    targets = (SHAPES_TARGET_MS, FULL_TARGET_MS) if scale == 1 else (None, None)
    return [
        result(f"rig: 52 blendshapes, {label} ({n} vertices, {scale}x)",
               _timed(lambda w: rig.apply_shapes(w, out_p), weights, runs), targets[0], vertices=n),
        result(f"rig: full pose incl. eyes, head, normals, {label} ({n} vertices, {scale}x)",
               _timed(lambda v: rig.evaluate(v, out_p, out_n), poses, runs), targets[1], vertices=n),
    ]


def bench_rig_eval(runs: int | None = None, seed: int = 0) -> list[dict]:
    """Rig evaluation of random poses on the default head (1x), subdivided once (4x) and twice (16x);
    quick mode skips the 16x head (building it takes a few seconds)."""
    from kfstudio.rig.head import default_head

    runs = runs or repeats(300, 60)
    head = default_head()
    rows = _rows_for(head, "default head", 1, runs, seed)
    head4 = subdivide_head(head)
    rows += _rows_for(head4, "default head subdivided once", 4, max(10, runs // 4), seed)
    label16 = "default head subdivided twice"
    if is_quick():
        rows += [skipped(f"rig: 52 blendshapes, {label16} (16x)", "--quick leaves out the 16x head"),
                 skipped(f"rig: full pose incl. eyes, head, normals, {label16} (16x)", "--quick leaves out the 16x head")]
    else:
        rows += _rows_for(subdivide_head(head4), label16, 16, max(10, runs // 16), seed)
    return rows


if __name__ == "__main__":
    for r in bench_rig_eval():
        print(f"{r['name']}: median {r.get('median')} ms (target {r['target']}) {r.get('skipped') or ''}")
