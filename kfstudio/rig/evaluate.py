"""Rig evaluation: 61 channel values -> posed vertex positions and unit normals.

Order of operations in :meth:`Rig.evaluate`:

1. **Gaze.** Each eye's yaw/pitch/roll come from the eye pose channels (radians, Live Link Face
   signs: yaw > 0 turns the gaze toward the face's right, i.e. -X; pitch > 0 turns it down). When all
   six eye pose values are exactly 0 the gaze is derived from the ``eyeLook*`` weights instead
   (weight 1 = :data:`LOOK_YAW` / :data:`LOOK_PITCH` radians), so ARKit-only data still moves the eyes.
2. **Lids follow the gaze.** The ``eyeLook*`` weights used for the lids are raised to at least
   ``gaze angle / full angle * LID_FOLLOW`` (a maximum, so data that already carries both does not
   count twice).
3. **mouthClose** acts as in ARKit: it closes the lips against ``jawOpen`` and never acts alone. Its
   effective weight is ``min(mouthClose, jawOpen)`` (the shape is authored as the correction that closes
   the lips of a fully open jaw).
4. **Blendshapes.** ``neutral + sum(w_i * delta_i)`` over the 52 sparse shapes (one sparse
   matrix-vector product). With all weights 0 the result is the neutral mesh exactly. The jaw is a
   shape (``jawOpen`` rotates the lower face, lower teeth and tongue about the head's ``jaw_pivot``).
5. **Eyes.** Eyeball vertices rotate about their eye centre by ``Ry(-yaw) @ Rx(pitch) @ Rz(roll)``.
6. **Head.** Head yaw/pitch/roll (channel value x :data:`HEAD_RADIANS_PER_UNIT` radians) rotate the
   head about ``neck_pivot`` by the same matrix form; the neck below the pivot blends smoothly to
   unrotated at its base.
7. **Normals**: area-weighted face normals summed per vertex, then normalised. :meth:`Rig.evaluate`
   updates them incrementally, with the same result as a full recomputation up to float rounding:
   the neutral face and vertex normals are cached; only the faces touched by the active blendshapes
   get new face normals, whose differences are added to the cached vertex sums; eyeballs and the rigid
   part of the head turn their normals by the same rotation as their vertices; only the faces of the
   neck's blend zone are recomputed after the head turns. :meth:`Rig.normals` is the full computation.

Rotation matrices act on column vectors: ``Rx(a)`` turns +Z toward -Y (down) for a > 0, ``Ry(a)``
turns +Z toward +X, ``Rz(a)`` turns +Y toward -X (the top of the head toward the face's right).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kfstudio.channels import EYE_LOOK_PITCH, EYE_LOOK_YAW, NUM_BLENDSHAPES, NUM_CHANNELS, channel_index
from kfstudio.rig.head import Head

__all__ = ["Rig", "HEAD_RADIANS_PER_UNIT", "LOOK_YAW", "LOOK_PITCH", "LID_FOLLOW", "pose_matrix"]

#: Head pose channels are multiplied by this to get radians (so -1..1 is about -57..57 degrees).
HEAD_RADIANS_PER_UNIT = 1.0
#: Eye yaw (radians) implied by an eyeLookIn/Out weight of 1 when no eye pose is given.
LOOK_YAW = EYE_LOOK_YAW
#: Eye pitch (radians) implied by an eyeLookUp/Down weight of 1 when no eye pose is given.
LOOK_PITCH = EYE_LOOK_PITCH
#: How far the lids follow the gaze: fraction of the eyeLook* shape at the full angle.
LID_FOLLOW = 0.6

_I = {n: channel_index(n) for n in (
    "JawOpen", "MouthClose",
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


class _FaceSet:
    """A fixed set of faces, laid out for fast repeated normal computation."""

    def __init__(self, faces: np.ndarray, ids: np.ndarray, num_vertices: int, neutral_normals: np.ndarray | None,
                 scratch: tuple[np.ndarray, ...] | None = None):
        n = len(ids)
        picked = np.take(faces, ids, axis=0)
        self.ids = ids
        self.corners = tuple(picked.T.astype(np.intp))  # one contiguous index row per corner
        # work space: views into shared scratch arrays when given (sets in a cache come and go)
        if scratch is None:
            scratch = (np.empty((n, 3), dtype=np.float32), np.empty((n, 3), dtype=np.float32), np.empty((n, 3), dtype=np.float32))
        self.buffers = tuple(b[:n] for b in scratch)
        self.neutral = np.take(neutral_normals, ids, axis=0) if neutral_normals is not None else None
        # vertex sums of these faces' normals: incidence @ face values, as a CSC matrix built directly
        # (three entries per face column), so a cache miss during playback stays cheap
        self.incidence = sp.csc_matrix(
            (np.ones(3 * n, dtype=np.float32), picked.reshape(-1), np.arange(0, 3 * n + 1, 3, dtype=np.int32)),
            shape=(num_vertices, n),
        )

    def normals(self, positions: np.ndarray) -> np.ndarray:
        """Area-weighted (unnormalised) normals of these faces at ``positions`` (a reused buffer)."""
        p0, e1, e2 = self.buffers
        np.take(positions, self.corners[0], axis=0, out=p0)
        np.take(positions, self.corners[1], axis=0, out=e1)
        np.take(positions, self.corners[2], axis=0, out=e2)
        e1 -= p0
        e2 -= p0
        return _cross(e1, e2, out=p0)


def _cross(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Row-wise cross product of (N, 3) arrays into ``out`` (which may be ``a`` or ``b``: all three
    components are computed before any is written)."""
    x = a[:, 1] * b[:, 2] - a[:, 2] * b[:, 1]
    y = a[:, 2] * b[:, 0] - a[:, 0] * b[:, 2]
    z = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
    out[:, 0], out[:, 1], out[:, 2] = x, y, z
    return out


def _face_normals(positions: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Area-weighted (unnormalised) normals of ``faces``, float32 (F, 3)."""
    p0 = positions[faces[:, 0]]
    return _cross(positions[faces[:, 1]] - p0, positions[faces[:, 2]] - p0, out=np.empty_like(p0))


def _normalise(raw: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Unit rows of ``raw`` into ``out``; rows of length 0 (a vertex in no face) become +Z."""
    length = np.einsum("ij,ij->i", raw, raw)
    np.sqrt(length, out=length)
    zero = length == 0
    np.maximum(length, np.finfo(length.dtype).tiny, out=length)
    np.reciprocal(length, out=length)
    np.multiply(raw, length[:, None], out=out)
    out[zero] = (0.0, 0.0, 1.0)
    return out


class Rig:
    """Evaluates a :class:`Head` for arrays of 61 channel values."""

    def __init__(self, head: Head):
        self.head = head
        self.neutral = np.ascontiguousarray(head.vertices, dtype=np.float32)
        self._neutral_flat = self.neutral.reshape(-1)
        self._shapes = _shape_matrix(head)
        self._vf = _vertex_face_matrix(head.num_vertices, head.faces)
        self._neck_weight = self._neck_blend()
        self.shapes_nnz = int(self._shapes.nnz)
        self._prepare_incremental_normals()

    def _neck_blend(self) -> np.ndarray:
        """Per-vertex weight of the head rotation: 1 above the neck pivot, 0 at the neck's base."""
        y = self.neutral[:, 1]
        pivot = float(self.head.neck_pivot[1])
        base = float(y.min())
        t = np.clip((y - base) / max(pivot - base, 1e-9), 0.0, 1.0)
        return (t * t * (3 - 2 * t)).astype(np.float32)[:, None]

    def _prepare_incremental_normals(self) -> None:
        """Caches for :meth:`evaluate`: neutral normals, the faces each shape touches, the neck zone."""
        head, faces = self.head, self.head.faces
        n_vertices = head.num_vertices
        self._face_n0 = _face_normals(self.neutral, faces)
        self._vertex_raw0 = np.asarray(self._vf @ self._face_n0, dtype=np.float32)
        self._vertex_raw = np.empty_like(self._vertex_raw0)
        self._rotated = np.empty_like(self.neutral)
        self._rotated_normals = np.empty_like(self.neutral)
        # faces each blendshape touches, as packed bit rows so a union over active shapes is cheap
        touched = np.zeros((NUM_BLENDSHAPES, len(faces)), dtype=bool)
        for i, idx in enumerate(head.shape_indices):
            moved = np.zeros(n_vertices, dtype=bool)
            moved[idx] = True
            touched[i] = moved[faces].any(axis=1)
        self._touched_bits = np.packbits(touched, axis=1)
        self._touched_cache: dict[bytes, _FaceSet] = {}
        self._face_scratch = tuple(np.empty((len(faces), 3), dtype=np.float32) for _ in range(3))
        # the neck's blend zone: its faces are recomputed after a head turn
        rigid = self._neck_weight[:, 0] == 1.0
        self._blend_vertices = np.flatnonzero(~rigid)
        self._neck = _FaceSet(faces, np.flatnonzero((~rigid[faces]).any(axis=1)), n_vertices, None)
        self._neck_before = np.empty((len(self._neck.ids), 3), dtype=np.float32)
        # eyes: normals may simply turn with the eyeball when no face joins it to other vertices
        self._eye_closed = []
        for idx in head.eye_vertices:
            member = np.zeros(n_vertices, dtype=bool)
            member[idx] = True
            inside = member[faces]
            self._eye_closed.append(bool(np.all(inside.any(axis=1) == inside.all(axis=1))))

    _CACHE_SIZE = 16

    def _touched_faces(self, weights: np.ndarray) -> _FaceSet | None:
        """The faces moved by the shapes with non-zero ``weights`` (cached per set of active shapes,
        which changes far less often than the weights during playback)."""
        active = np.asarray(weights) != 0
        if not active.any():
            return None
        key = np.packbits(active).tobytes()
        found = self._touched_cache.get(key)
        if found is None:
            bits = np.bitwise_or.reduce(self._touched_bits[active], axis=0)
            ids = np.flatnonzero(np.unpackbits(bits, count=len(self.head.faces)))
            if len(self._touched_cache) >= self._CACHE_SIZE:
                self._touched_cache.pop(next(iter(self._touched_cache)))
            found = self._touched_cache[key] = _FaceSet(self.head.faces, ids, self.head.num_vertices, self._face_n0,
                                                        self._face_scratch)
        return found

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
        """The 52 weights applied to the mesh: the blendshape channels with the lids following the gaze and
        mouthClose limited by jawOpen."""
        w = np.array(values[:NUM_BLENDSHAPES], dtype=np.float32)
        close, jaw = _I["MouthClose"], _I["JawOpen"]
        w[close] = min(w[close], max(w[jaw], 0.0))
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

    def _eye_rotations(self, gaze: np.ndarray):
        """(eye number, centre, vertex indices, float32 rotation) of each eye that turns."""
        for k, (centre, idx, (yaw, pitch, roll)) in enumerate(zip(self.head.eye_centers, self.head.eye_vertices, gaze)):
            if idx.size and (yaw != 0 or pitch != 0 or roll != 0):
                yield k, centre, idx, pose_matrix(yaw, pitch, roll).astype(np.float32)

    def apply_eyes(self, positions: np.ndarray, gaze: np.ndarray) -> None:
        """Turn each eyeball's vertices about its centre by its yaw/pitch/roll (in place)."""
        for _, centre, idx, r in self._eye_rotations(gaze):
            positions[idx] = (positions[idx] - centre) @ r.T + centre

    def _head_rotation(self, yaw: float, pitch: float, roll: float) -> np.ndarray | None:
        if yaw == 0 and pitch == 0 and roll == 0:
            return None
        s = HEAD_RADIANS_PER_UNIT
        return pose_matrix(yaw * s, pitch * s, roll * s).astype(np.float32)

    def apply_head(self, positions: np.ndarray, yaw: float, pitch: float, roll: float) -> None:
        """Turn the head about the neck pivot (in place), blending to unrotated at the neck's base."""
        r = self._head_rotation(yaw, pitch, roll)
        if r is not None:
            self._rotate_head(positions, r)

    def _rotate_head(self, positions: np.ndarray, r: np.ndarray) -> None:
        c = self.head.neck_pivot
        rotated = self._rotated
        np.matmul(positions, r.T, out=rotated)
        rotated += c - c @ r.T
        blend = self._blend_vertices
        if blend.size:
            start = positions[blend]
            rotated[blend] = start + (rotated[blend] - start) * self._neck_weight[blend]
        positions[:] = rotated

    def normals(self, positions: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """Unit vertex normals (area-weighted) of the mesh at ``positions``, computed from scratch."""
        raw = self._vf @ _face_normals(positions, self.head.faces)
        return _normalise(raw, np.empty_like(positions) if out is None else out)

    # -- all of it -----------------------------------------------------------------------------------------

    def evaluate(self, values, out_positions: np.ndarray | None = None, out_normals: np.ndarray | None = None):
        """Posed ``(positions, normals)``, both (V, 3) float32, for 61 channel values."""
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        if values.shape != (NUM_CHANNELS,):
            raise ValueError(f"expected {NUM_CHANNELS} channel values, got {values.size}")
        gaze = self.gaze(values)
        weights = self.shape_weights(values, gaze)
        positions = self.apply_shapes(weights, out_positions)
        raw = self._shaped_normals(positions, weights)
        exact = True
        for k, centre, idx, r in self._eye_rotations(gaze):
            positions[idx] = (positions[idx] - centre) @ r.T + centre
            if self._eye_closed[k]:
                raw[idx] = raw[idx] @ r.T
            else:
                exact = False  # the eyeball shares faces with other vertices: recompute everything below
        head = self._head_rotation(values[_I["HeadYaw"]], values[_I["HeadPitch"]], values[_I["HeadRoll"]])
        if head is not None:
            np.copyto(self._neck_before, self._neck.normals(positions))
            self._rotate_head(positions, head)
            if exact:
                raw = self._turn_head_normals(raw, head, self._neck_before, self._neck.normals(positions))
        if out_normals is None:
            out_normals = np.empty_like(positions)
        if not exact:
            return positions, self.normals(positions, out_normals)
        return positions, _normalise(raw, out_normals)

    def _shaped_normals(self, positions: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Unnormalised vertex normals after the blendshapes: cached neutral sums plus the changes of the
        faces the active shapes touch."""
        raw = self._vertex_raw
        raw[:] = self._vertex_raw0
        touched = self._touched_faces(weights)
        if touched is not None:
            change = touched.normals(positions)
            change -= touched.neutral
            raw += touched.incidence @ change
        return raw

    def _turn_head_normals(self, raw, r, neck_before, neck_after) -> np.ndarray:
        """Vertex normal sums after a head turn: every face normal turns with the head except the neck
        blend zone's, which are replaced by their recomputed values."""
        turned = self._rotated_normals
        np.matmul(raw, r.T, out=turned)
        neck_after -= neck_before @ r.T
        turned += self._neck.incidence @ neck_after
        return turned
