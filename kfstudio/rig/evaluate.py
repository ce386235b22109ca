"""Rig evaluation: 61 channel values -> posed vertex positions and unit normals.

Order of operations in :meth:`Rig.evaluate`:

1. **Gaze.** Each eye's yaw/pitch/roll come from the eye pose channels (radians, Live Link Face
   signs: yaw > 0 turns the gaze toward the face's right, i.e. -X; pitch > 0 turns it down). When all
   six eye pose values are exactly 0 the gaze is derived from the ``eyeLook*`` weights instead
   (weight 1 = :data:`LOOK_YAW` / :data:`LOOK_PITCH` radians), so ARKit-only data still moves the eyes.
2. **Lids follow the gaze.** The ``eyeLook*`` weights used for the lids are raised to at least
   ``gaze angle / full angle * LID_FOLLOW`` (a maximum, so data that already carries both does not
   count twice).
3. **Blendshapes.** ``neutral + sum(w_i * delta_i)`` over the 52 sparse shapes (one sparse
   matrix-vector product). With all weights 0 the result is the neutral mesh exactly. The jaw is a
   shape (``jawOpen`` rotates the lower face, lower teeth and tongue about the head's ``jaw_pivot``).
4. **Eyes.** Eyeball vertices rotate about their eye centre by ``Ry(-yaw) @ Rx(pitch) @ Rz(roll)``.
5. **Head.** Head yaw/pitch/roll (channel value x :data:`HEAD_RADIANS_PER_UNIT` radians) rotate the
   head about ``neck_pivot`` by the same matrix form; the neck below the pivot blends smoothly to
   unrotated at its base.
6. **Normals**: area-weighted face normals summed per vertex through a precomputed sparse
   vertex-face matrix, then normalised.

Rotation matrices act on column vectors: ``Rx(a)`` turns +Z toward -Y (down) for a > 0, ``Ry(a)``
turns +Z toward +X, ``Rz(a)`` turns +Y toward -X (the top of the head toward the face's right).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kfstudio.channels import NUM_BLENDSHAPES, NUM_CHANNELS, channel_index
from kfstudio.rig.head import Head

__all__ = ["Rig", "HEAD_RADIANS_PER_UNIT", "LOOK_YAW", "LOOK_PITCH", "LID_FOLLOW", "pose_matrix"]

#: Head pose channels are multiplied by this to get radians (so -1..1 is about -57..57 degrees).
HEAD_RADIANS_PER_UNIT = 1.0
#: Eye yaw (radians) implied by an eyeLookIn/Out weight of 1 when no eye pose is given.
LOOK_YAW = 0.6
#: Eye pitch (radians) implied by an eyeLookUp/Down weight of 1 when no eye pose is given.
LOOK_PITCH = 0.45
#: How far the lids follow the gaze: fraction of the eyeLook* shape at the full angle.
LID_FOLLOW = 0.6

_I = {n: channel_index(n) for n in (
    "EyeLookDownLeft", "EyeLookInLeft", "EyeLookOutLeft", "EyeLookUpLeft",
    "EyeLookDownRight", "EyeLookInRight", "EyeLookOutRight", "EyeLookUpRight",
    "HeadYaw", "HeadPitch", "HeadRoll",
    "LeftEyeYaw", "LeftEyePitch", "LeftEyeRoll", "RightEyeYaw", "RightEyePitch", "RightEyeRoll",
)}


def pose_matrix(yaw: float, pitch: float, roll: float) -> np.ndarray:
    """Rotation for a yaw/pitch/roll in radians with the Live Link Face signs (see module docstring)."""
    cy, sy = np.cos(-yaw), np.sin(-yaw)
    cp, sp_ = np.cos(pitch), np.sin(pitch)
    cr, sr = np.cos(roll), np.sin(roll)
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rx = np.array([[1, 0, 0], [0, cp, -sp_], [0, sp_, cp]])
    rz = np.array([[cr, -sr, 0], [sr, cr, 0], [0, 0, 1]])
    return ry @ rx @ rz


def _shape_matrix(head: Head) -> sp.csr_matrix:
    """(3V, 52) sparse matrix whose column i is blendshape i flattened."""
    rows, cols, vals = [], [], []
    for i, (idx, d) in enumerate(zip(head.shape_indices, head.shape_deltas)):
        r = (idx[:, None].astype(np.int64) * 3 + np.arange(3)).ravel()
        rows.append(r)
        cols.append(np.full(len(r), i, dtype=np.int64))
        vals.append(d.ravel())
    n = 3 * head.num_vertices
    m = sp.coo_matrix(
        (np.concatenate(vals).astype(np.float32), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n, NUM_BLENDSHAPES),
    ).tocsr()
    m.eliminate_zeros()
    return m


def _vertex_face_matrix(num_vertices: int, faces: np.ndarray) -> sp.csr_matrix:
    """(V, F) incidence matrix: vertex normals = this @ face normals."""
    f = faces.astype(np.int64)
    rows = f.ravel()
    cols = np.repeat(np.arange(len(f)), 3)
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(num_vertices, len(f)))


class Rig:
    """Evaluates a :class:`Head` for arrays of 61 channel values."""

    def __init__(self, head: Head):
        self.head = head
        self.neutral = np.ascontiguousarray(head.vertices, dtype=np.float32)
        self._neutral_flat = self.neutral.reshape(-1)
        self._shapes = _shape_matrix(head)
        self._vf = _vertex_face_matrix(head.num_vertices, head.faces)
        self._f0, self._f1, self._f2 = (np.ascontiguousarray(head.faces[:, k]) for k in range(3))
        self._edge_buffers = tuple(np.empty((len(head.faces), 3), dtype=np.float32) for _ in range(3))
        self._neck_weight = self._neck_blend()
        self.shapes_nnz = int(self._shapes.nnz)

    def _neck_blend(self) -> np.ndarray:
        """Per-vertex weight of the head rotation: 1 above the neck pivot, 0 at the neck's base."""
        y = self.neutral[:, 1]
        pivot = float(self.head.neck_pivot[1])
        base = float(y.min())
        t = np.clip((y - base) / max(pivot - base, 1e-9), 0.0, 1.0)
        return (t * t * (3 - 2 * t)).astype(np.float32)[:, None]

    # -- the pieces ---------------------------------------------------------------------------------------

    @staticmethod
    def gaze(values: np.ndarray) -> np.ndarray:
        """(2, 3) yaw, pitch, roll in radians of the left and right eye for these channel values."""
        v = values
        g = np.array(
            [[v[_I["LeftEyeYaw"]], v[_I["LeftEyePitch"]], v[_I["LeftEyeRoll"]]],
             [v[_I["RightEyeYaw"]], v[_I["RightEyePitch"]], v[_I["RightEyeRoll"]]]],
            dtype=np.float64,
        )
        if np.any(g != 0):
            return g
        return np.array([
            [LOOK_YAW * (v[_I["EyeLookInLeft"]] - v[_I["EyeLookOutLeft"]]),
             LOOK_PITCH * (v[_I["EyeLookDownLeft"]] - v[_I["EyeLookUpLeft"]]), 0.0],
            [LOOK_YAW * (v[_I["EyeLookOutRight"]] - v[_I["EyeLookInRight"]]),
             LOOK_PITCH * (v[_I["EyeLookDownRight"]] - v[_I["EyeLookUpRight"]]), 0.0],
        ])

    @staticmethod
    def shape_weights(values: np.ndarray, gaze: np.ndarray) -> np.ndarray:
        """The 52 weights applied to the mesh: the blendshape channels with the lids following the gaze."""
        w = np.array(values[:NUM_BLENDSHAPES], dtype=np.float32)
        for side, (yaw, pitch, _) in zip(("Left", "Right"), gaze):
            toward_nose = yaw if side == "Left" else -yaw  # left eye: +yaw (toward -X) is inward
            follow = {
                "EyeLookIn" + side: toward_nose / LOOK_YAW,
                "EyeLookOut" + side: -toward_nose / LOOK_YAW,
                "EyeLookDown" + side: pitch / LOOK_PITCH,
                "EyeLookUp" + side: -pitch / LOOK_PITCH,
            }
            for name, amount in follow.items():
                if amount > 0:
                    i = _I[name]
                    w[i] = max(w[i], LID_FOLLOW * min(amount, 1.0))
        return w

    def apply_shapes(self, weights: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """Neutral + weighted sparse deltas, (V, 3) float32 (``out`` reused when given)."""
        if out is None:
            out = np.empty_like(self.neutral)
        flat = out.reshape(-1)
        if np.any(weights):
            np.add(self._neutral_flat, self._shapes @ np.asarray(weights, dtype=np.float32), out=flat)
        else:
            flat[:] = self._neutral_flat
        return out

    def apply_eyes(self, positions: np.ndarray, gaze: np.ndarray) -> None:
        for centre, idx, (yaw, pitch, roll) in zip(self.head.eye_centers, self.head.eye_vertices, gaze):
            if idx.size == 0 or (yaw == 0 and pitch == 0 and roll == 0):
                continue
            r = pose_matrix(yaw, pitch, roll).astype(np.float32)
            positions[idx] = (positions[idx] - centre) @ r.T + centre

    def apply_head(self, positions: np.ndarray, yaw: float, pitch: float, roll: float) -> None:
        if yaw == 0 and pitch == 0 and roll == 0:
            return
        s = HEAD_RADIANS_PER_UNIT
        r = pose_matrix(yaw * s, pitch * s, roll * s).astype(np.float32)
        c = self.head.neck_pivot
        rotated = (positions - c) @ r.T + c
        rotated -= positions
        rotated *= self._neck_weight
        positions += rotated

    def normals(self, positions: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """Unit vertex normals (area-weighted) of the mesh at ``positions``."""
        e0, e1, e2 = self._edge_buffers
        np.take(positions, self._f0, axis=0, out=e0)
        np.take(positions, self._f1, axis=0, out=e1)
        np.take(positions, self._f2, axis=0, out=e2)
        e1 -= e0
        e2 -= e0
        vn = self._vf @ np.cross(e1, e2)
        length = np.sqrt(np.einsum("ij,ij->i", vn, vn))
        if out is None:
            out = np.empty_like(positions)
        np.divide(vn, length[:, None], out=out, where=length[:, None] > 0)
        out[length == 0] = (0.0, 0.0, 1.0)  # a vertex in no face (or only degenerate ones)
        return out

    # -- all of it -----------------------------------------------------------------------------------------

    def evaluate(self, values, out_positions: np.ndarray | None = None, out_normals: np.ndarray | None = None):
        """Posed ``(positions, normals)``, both (V, 3) float32, for 61 channel values."""
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        if values.shape != (NUM_CHANNELS,):
            raise ValueError(f"expected {NUM_CHANNELS} channel values, got {values.size}")
        gaze = self.gaze(values)
        weights = self.shape_weights(values, gaze)
        positions = self.apply_shapes(weights, out_positions)
        self.apply_eyes(positions, gaze)
        self.apply_head(positions, values[_I["HeadYaw"]], values[_I["HeadPitch"]], values[_I["HeadRoll"]])
        normals = self.normals(positions, out_normals)
        return positions, normals
