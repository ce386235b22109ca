"""Eyeballs made by the builder: a sphere per eye with sclera, iris and pupil rings around the front
pole, and a cornea bulging slightly in front of the iris (its shine gives the highlight)."""

from __future__ import annotations

import numpy as np

IRIS_ANGLE = np.radians(32.0)   # half-angle of the iris seen from the eye centre
PUPIL_ANGLE = np.radians(12.0)
CORNEA_BULGE = 0.10             # of the radius, at the front pole


def eyeball(centre: np.ndarray, radius: float, rings: int = 18, segments: int = 28):
    """``(vertices, triangles, kind)`` of one eyeball looking down +Z; kind 0 sclera, 1 iris, 2 pupil.

    Rings are denser toward the front so the iris and pupil edges are round; the back is coarse."""
    # polar angles from the front pole: fine steps across the cornea, coarser behind
    front = np.concatenate([np.linspace(0, PUPIL_ANGLE, 4)[1:], np.linspace(PUPIL_ANGLE, IRIS_ANGLE, 5)[1:],
                            np.linspace(IRIS_ANGLE, np.radians(60), 4)[1:]])
    back = np.linspace(np.radians(60), np.pi, rings - len(front) + 1)[1:-1]
    theta = np.concatenate([front, back])
    phi = np.linspace(0, 2 * np.pi, segments, endpoint=False)
    t, p = np.meshgrid(theta, phi, indexing="ij")
    r = np.full_like(t, radius)
    # the cornea: a smooth cap in front of the iris
    cap = np.clip(1 - t / (IRIS_ANGLE * 1.15), 0, 1)
    r = r * (1 + CORNEA_BULGE * cap ** 2)
    ring_pts = np.stack([r * np.sin(t) * np.cos(p), r * np.sin(t) * np.sin(p), r * np.cos(t)], axis=-1).reshape(-1, 3)
    front_pole = np.array([[0, 0, radius * (1 + CORNEA_BULGE)]])
    back_pole = np.array([[0, 0, -radius]])
    verts = np.concatenate([front_pole, ring_pts, back_pole]) + centre
    nr = len(theta)
    tris = []
    ring = lambda i, j: 1 + i * segments + (j % segments)  # noqa: E731
    for j in range(segments):
        tris.append((0, ring(0, j), ring(0, j + 1)))
    for i in range(nr - 1):
        for j in range(segments):
            a, b, c, d = ring(i, j), ring(i + 1, j), ring(i + 1, j + 1), ring(i, j + 1)
            tris += [(a, b, c), (a, c, d)]
    last = len(verts) - 1
    for j in range(segments):
        tris.append((ring(nr - 1, j), last, ring(nr - 1, j + 1)))
    tris = np.array(tris, dtype=np.int64)
    angle = np.concatenate([[0.0], t.reshape(-1), [np.pi]])
    kind = np.where(angle < PUPIL_ANGLE - 1e-6, 2, np.where(angle < IRIS_ANGLE - 1e-6, 1, 0))
    return verts, tris, kind
