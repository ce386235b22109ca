"""Which of a head's triangles may be drawn one-sided (back faces culled).

Software OpenGL spends most of a playback frame on triangles (docs/benchmarks.md); culling the ones that
face away from the camera halves that work. Culling is only right where every triangle of a surface is
wound the same way round and that way faces outward: a head read from someone else's file may be wound
either way, or both, and thin open parts (lashes, cards of hair) are seen from both sides. So each part is
checked on its own (:func:`one_sided_faces`):

- *consistent*: no edge is walked in the same direction by two of the part's triangles (two neighbours
  wound alike walk their shared edge in opposite directions);
- *outward*: the signed volume the part's triangles enclose about the part's centre is positive and at least
  :data:`OUTWARD_SHARE` of the unsigned sum (a closed outward surface has 1; a flat or open card near 0;
  an inward-wound surface a negative share).

A part that passes both is drawn one-sided; any other is drawn from both sides. That is not yet enough: an
outward surface may be open where one looks in (a head with no inside to its mouth shows the inside of its
skin between parted lips). :func:`back_faces_show` reads an image drawn in
:data:`kfstudio.render.visual.FACING_MODE` (fronts green, backs red) and says whether any back shows as more
than the one- or two-pixel fringe of a silhouette; the editor culls only a head for which none does.
No OpenGL here: the module is pure numpy, so the rules are tested without a display.
"""

from __future__ import annotations

import numpy as np

__all__ = ["one_sided_faces", "face_parts", "back_faces_show", "OUTWARD_SHARE"]

#: Least share of a part's unsigned enclosed volume that its signed volume must reach to be culled.
OUTWARD_SHARE = 0.5


def face_parts(faces: np.ndarray, part: np.ndarray) -> np.ndarray:
    """Part of each triangle from its corners' parts: the repeated one, else the first corner's."""
    a, b, c = np.asarray(part)[np.asarray(faces)].T
    return np.where((b == c) & (a != b), b, a)


def _wound_alike(faces: np.ndarray) -> bool:
    """True when no directed edge occurs twice among ``faces`` ((F, 3) vertex indices)."""
    start = faces.reshape(-1)
    end = faces[:, [1, 2, 0]].reshape(-1)
    n = int(faces.max()) + 1 if faces.size else 1
    keys = start.astype(np.int64) * n + end
    return len(np.unique(keys)) == len(keys)


def _outward_share(vertices: np.ndarray, faces: np.ndarray) -> float:
    corners = vertices[faces]  # (F, 3, 3)
    centre = corners.reshape(-1, 3).mean(axis=0)
    a, b, c = (corners[:, k] - centre for k in range(3))
    volume = np.einsum("ij,ij->i", a, np.cross(b, c))
    total = float(np.abs(volume).sum())
    return float(volume.sum()) / total if total > 0 else 0.0


def one_sided_faces(vertices: np.ndarray, faces: np.ndarray, part: np.ndarray) -> np.ndarray:
    """A boolean per triangle: True where its part may be drawn with back faces culled (see the module docstring)."""
    vertices = np.asarray(vertices, dtype=np.float64)
    faces = np.asarray(faces, dtype=np.int64)
    of_face = face_parts(faces, part)
    out = np.zeros(len(faces), dtype=bool)
    for p in np.unique(of_face):
        mine = of_face == p
        group = faces[mine]
        out[mine] = _wound_alike(group) and _outward_share(vertices, group) >= OUTWARD_SHARE
    return out


def back_faces_show(image: np.ndarray) -> bool:
    """True when an (H, W, 3 or 4) image drawn in facing mode shows the back of a triangle anywhere other than
    along a silhouette: some red pixel whose eight neighbours are red too (a silhouette's fringe of backs seen
    edge-on is a pixel or two wide, and where two fringes cross the diagonals are not red)."""
    rgb = np.asarray(image)[..., :3].astype(np.int16)
    back = (rgb[..., 0] > 128) & (rgb[..., 1] < 128)
    h, w = back.shape
    core = np.ones((max(h - 2, 0), max(w - 2, 0)), dtype=bool)
    for dy in range(3):
        for dx in range(3):
            core &= back[dy:dy + h - 2, dx:dx + w - 2]
    return bool(core.any())
