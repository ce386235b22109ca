"""Small mesh-building helpers for the head generator: grids, UV spheres, falloffs, rotations."""

from __future__ import annotations

import numpy as np


def grid_faces(rows: int, cols: int, wrap: bool = False, flip: bool = False) -> np.ndarray:
    """Triangles of a ``rows`` x ``cols`` vertex grid (row-major ids), optionally wrapping the columns.

    With ``flip=False`` a grid whose rows run top to bottom and columns left to right (seen from the
    side the faces should face) gives counter-clockwise triangles.
    """
    r = np.arange(rows - 1)[:, None]
    c = np.arange(cols if wrap else cols - 1)[None, :]
    c1 = (c + 1) % cols
    a = r * cols + c
    b = r * cols + c1
    d = (r + 1) * cols + c
    e = (r + 1) * cols + c1
    t1 = np.stack([a, d, e], axis=-1).reshape(-1, 3)
    t2 = np.stack([a, e, b], axis=-1).reshape(-1, 3)
    faces = np.concatenate([t1, t2]).astype(np.int32)
    return faces[:, ::-1].copy() if flip else faces


def capped_grid_faces(rows: int, cols: int, top: int, bottom: int) -> np.ndarray:
    """Faces of a column-wrapped grid closed by two pole vertices ``top`` and ``bottom``."""
    faces = [grid_faces(rows, cols, wrap=True)]
    c = np.arange(cols)
    c1 = (c + 1) % cols
    faces.append(np.stack([np.full(cols, top), c, c1], axis=-1))
    last = (rows - 1) * cols
    faces.append(np.stack([np.full(cols, bottom), last + c1, last + c], axis=-1))
    return np.concatenate(faces).astype(np.int32)


def uv_sphere(polar: np.ndarray, segments: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit sphere with its poles on +Z (front) and -Z (back).

    ``polar`` lists the ring angles from +Z (strictly between 0 and pi, increasing), so rings can be
    packed where detail is needed. Returns (vertices, faces, polar angle from +Z per vertex); faces
    are counter-clockwise from outside.
    """
    polar = np.asarray(polar, dtype=np.float64)
    rings = len(polar)
    az = np.linspace(0, 2 * np.pi, segments, endpoint=False)
    P, A = np.meshgrid(polar, az, indexing="ij")
    ring_pts = np.stack([np.sin(P) * np.cos(A), np.sin(P) * np.sin(A), np.cos(P)], axis=-1).reshape(-1, 3)
    verts = np.concatenate([ring_pts, [[0, 0, 1], [0, 0, -1]]])
    n = len(ring_pts)
    faces = capped_grid_faces(rings, segments, n, n + 1)
    polar_all = np.concatenate([P.ravel(), [0.0, np.pi]])
    faces = orient_outward(verts, faces, np.zeros(3))
    return verts, faces, polar_all


def orient_outward(verts: np.ndarray, faces: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Flip the whole face list if most faces point toward ``centre`` (for star-shaped pieces)."""
    v = verts[faces]
    n = np.cross(v[:, 1] - v[:, 0], v[:, 2] - v[:, 0])
    outward = np.einsum("ij,ij->i", n, v.mean(axis=1) - centre)
    return faces if np.sum(outward > 0) >= np.sum(outward < 0) else faces[:, ::-1].copy()


def smoothstep(e0, e1, x):
    """Hermite step from 0 at ``e0`` to 1 at ``e1`` (either order), clamped."""
    t = np.clip((np.asarray(x, dtype=np.float64) - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def bump(p: np.ndarray, centre, radii) -> np.ndarray:
    """Compactly supported smooth falloff: 1 at ``centre``, exactly 0 outside the ellipsoid ``radii``."""
    q = (p - np.asarray(centre, dtype=np.float64)) / np.asarray(radii, dtype=np.float64)
    t2 = np.einsum("ij,ij->i", q, q)
    return np.where(t2 < 1.0, (1.0 - t2) ** 3, 0.0)


def rot_x(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def rot_y(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])


def rot_z(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def rotate_about(p: np.ndarray, pivot, matrix: np.ndarray) -> np.ndarray:
    """Points ``p`` rotated by ``matrix`` about ``pivot``."""
    pivot = np.asarray(pivot, dtype=np.float64)
    return (p - pivot) @ matrix.T + pivot
