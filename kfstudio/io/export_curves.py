"""What every animation writer shares: the document's curves prepared for export, pose channels as
node rotations, and the head split into nodes. :mod:`kfstudio.io.export` is the front that picks a writer.


Curves
    *Baked* curves have one key per frame at the export frame rate (the values of
    :meth:`Animation.evaluate` there, linear in between): what Blender needs, since its FBX
    importer treats keys as linear. *Unbaked* curves are the document's own keys per channel, with the
    interpolation that leaves each key and the resolved tangent slopes (value per second), so a
    reader that honours cubic keys reproduces the document's Hermite curves. Exported times are
    ``start + (t - anim.start)``: the first frame of the document lands on ``start`` seconds.

Pose channels → node rotations (the same in every exporter, matching :class:`kfstudio.rig.Rig`)
    The rig rotates by ``R = Ry(-yaw) @ Rx(pitch) @ Rz(roll)`` (column vectors, right-handed, +Y up,
    +Z toward the viewer): the roll is applied first, then the pitch, then the yaw. As node Euler
    angles that is X = +pitch, Y = -yaw, Z = +roll, applied in the order Z, X, Y (FBX rotation
    order ``eEulerZXY``). The head uses HeadYaw/HeadPitch/HeadRoll times
    :data:`kfstudio.rig.evaluate.HEAD_RADIANS_PER_UNIT`; each eye uses its own
    ``*EyeYaw/*EyePitch/*EyeRoll`` in radians. Eyes are children of the head, so the head turns
    them too. The pose channels are exported as they are: the rig's display aids (gaze derived
    from ``eyeLook*`` weights when every eye pose value is 0, lids following the gaze) are not baked
    into the files, which carry the channels themselves.

Head
    The exported head is split into three meshes: the face (everything but the eyeballs, with the
    blendshapes), pivoted at ``neck_pivot``, and one mesh per eyeball pivoted at its eye centre.
    Shapes the head lacks (``Head.missing`` or empty) are left out of the file with an
    :class:`ExportWarning`; a head with none of the 52 shapes is an :class:`ExportError`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from .. import channels as ch
from ..animation import Animation, Interp
from ..animation.curves import segment_coefficients

if TYPE_CHECKING:
    from ..rig.head import Head

__all__ = [
    "ExportError",
    "ExportWarning",
    "ChannelCurve",
    "ExportCurves",
    "HeadPart",
    "ROTATION_NODES",
    "check_animation",
    "prepare_curves",
    "split_head",
    "euler_degrees",
    "rotation_quaternions",
]

#: Seconds are multiplied by this to get FBX KTime ticks.
KTIME_PER_SECOND = 46186158000



class ExportError(ValueError):
    """An animation, head or option that cannot be exported; the message says what and where."""


class ExportWarning(UserWarning):
    """Something was left out of an export (e.g. shapes the head does not have)."""


@dataclass
class ChannelCurve:
    """Keys of one channel as written to a file.

    ``times`` (K,) seconds (export time, increasing), ``values`` (K,), ``interp`` (K,) the
    :class:`~kfstudio.animation.Interp` of the segment leaving each key, ``slope_in`` /
    ``slope_out`` (K,) tangent slopes in value per second. Baked curves share one ``times`` array
    (the same object) so writers can encode it once.
    """

    times: np.ndarray
    values: np.ndarray
    interp: np.ndarray
    slope_in: np.ndarray
    slope_out: np.ndarray

    def scaled(self, factor: float) -> "ChannelCurve":
        """The curve times ``factor`` (values and slopes; the interpolation is unchanged)."""
        return ChannelCurve(self.times, self.values * factor, self.interp,
                            self.slope_in * factor, self.slope_out * factor)

    def evaluate(self, t: np.ndarray, side: Literal["left", "right"] = "right") -> tuple[np.ndarray, np.ndarray]:
        """(value, slope per second) at times ``t``; ``side="left"`` takes the slope of the segment
        that ends at a key time, ``"right"`` the one that leaves it. The curve holds its end values."""
        t = np.asarray(t, dtype=np.float64)
        k = len(self.times)
        if k == 1:
            return np.full(t.shape, self.values[0]), np.zeros(t.shape)
        seg = np.clip(np.searchsorted(self.times, t, side=side) - 1, 0, k - 2)
        t0, t1 = self.times[seg], self.times[seg + 1]
        h = t1 - t0
        s = np.clip((t - t0) / h, 0.0, 1.0)
        coef = segment_coefficients(self.times, self.values[None], self.interp[None],
                                    self.slope_in[None], self.slope_out[None])[:, :, 0]
        a, b, c, d = coef[:, seg]
        value = a + s * (b + s * (c + s * d))
        slope = (b + s * (2.0 * c + 3.0 * s * d)) / h
        # The curve is flat before its first key and after its last (a key's own side included).
        if side == "left":
            flat = (t <= self.times[0]) | (t > self.times[-1])
        else:
            flat = (t < self.times[0]) | (t >= self.times[-1])
        value = np.where(t >= self.times[-1], self.values[-1], value)
        slope = np.where(flat, 0.0, slope)
        return value, slope


@dataclass
class ExportCurves:
    """The 61 channel curves of one export, and the sampled frames they came from.

    ``frame_times`` (T,) export seconds of every frame, ``frame_values`` (T, 61) the document's
    values there, ``curves`` the 61 :class:`ChannelCurve` (baked: one key per frame), ``fps`` the
    export frame rate, ``bake`` whether the curves are baked, ``start``/``stop`` the time span.
    """

    frame_times: np.ndarray
    frame_values: np.ndarray
    curves: list[ChannelCurve]
    fps: float
    bake: bool

    @property
    def start(self) -> float:
        return float(self.frame_times[0])

    @property
    def stop(self) -> float:
        return float(self.frame_times[-1])


# --------------------------------------------------------------------------------------------- curves


def check_animation(anim: Animation, fps: float) -> None:
    """Raise :class:`ExportError` unless ``anim`` can be exported at ``fps`` (keyframes, length, rate)."""
    if not isinstance(anim, Animation):
        raise ExportError(f"expected an Animation, got {type(anim).__name__}")
    if not anim.keyframes:
        raise ExportError("the animation has no keyframes: nothing to export")
    if not (np.isfinite(fps) and fps > 0):
        raise ExportError(f"fps must be a positive number, got {fps!r}")
    for k in anim.keyframes:
        if not np.isfinite(k.time) or not np.isfinite(k.hold):
            raise ExportError(f"keyframe {k.uid} has a non-finite time ({k.time!r}, hold {k.hold!r})")
        bad = ~np.isfinite(k.values) | ~np.isfinite(k.in_slope) | ~np.isfinite(k.out_slope)
        if bad.any():
            c = int(np.flatnonzero(bad)[0])
            raise ExportError(f"keyframe at {k.time:g} s has a non-finite value or slope on channel {ch.NAMES[c]}")
    if not (np.isfinite(anim.duration) and anim.duration > 0):
        raise ExportError(f"the animation is zero-length (duration {anim.duration!r} s): nothing to export")


def _document_curves(anim: Animation, offset: float) -> list[ChannelCurve]:
    """The document's own keys of every channel (times shifted by ``offset``).

    Reads the animation's compiled curves (holds expanded, tangents resolved). Channels without
    keys, and muted channels, become one key of 0.
    """
    out: list[ChannelCurve | None] = [None] * ch.NUM_CHANNELS
    # The compiled form is (times, channel indices, values, interp, slope_in, slope_out, coef, flag).
    for kt, cidx, v, ip, sin, sout, *_ in anim.curves():
        times = kt + offset
        for row, c in enumerate(cidx):
            if kt.size and not anim.channel_muted[c]:
                out[c] = ChannelCurve(times, v[row].copy(), ip[row].astype(np.int8), sin[row].copy(), sout[row].copy())
    t0 = np.array([anim.start + offset])
    flat = ChannelCurve(t0, np.zeros(1), np.full(1, Interp.LINEAR, np.int8), np.zeros(1), np.zeros(1))
    return [c if c is not None else flat for c in out]


def prepare_curves(anim: Animation, *, fps: float | None = None, bake: bool = True, start: float = 0.0) -> ExportCurves:
    """Check ``anim`` and compute the curves every writer needs (see the module docstring).

    Raises :class:`ExportError` for an empty, zero-length or non-finite animation or a bad fps.
    """
    fps = anim.fps if fps is None else fps
    try:
        fps = float(fps)
        start = float(start)
    except (TypeError, ValueError):
        raise ExportError(f"fps and start must be numbers, got {fps!r} and {start!r}") from None
    if not np.isfinite(start):
        raise ExportError(f"start must be a finite number of seconds, got {start!r}")
    check_animation(anim, fps)
    doc_times, values = anim.sample(fps)
    if not np.isfinite(values).all():
        row, c = np.argwhere(~np.isfinite(values))[0]
        raise ExportError(f"channel {ch.NAMES[c]} evaluates to a non-finite value at {doc_times[row]:g} s")
    offset = start - anim.start
    times = doc_times + offset
    if bake:
        linear = np.full(len(times), Interp.LINEAR, np.int8)
        zero = np.zeros(len(times))
        curves = [ChannelCurve(times, values[:, c], linear, zero, zero) for c in range(ch.NUM_CHANNELS)]
    else:
        if anim.secondary.in_export:
            warnings.warn(
                "secondary motion (blinks, saccades, sway) is only exported baked; these curves carry the keys without it",
                ExportWarning, stacklevel=2,
            )
        curves = _document_curves(anim, offset)
    return ExportCurves(times, values, curves, fps, bool(bake))


# --------------------------------------------------------------------------------------------- rotations

#: Node name → ((axis, channel name, sign) for X, Y, Z Euler angles). Angles in radians are
#: sign x channel x (HEAD_RADIANS_PER_UNIT for the head, 1 for the eyes); see the module docstring.
ROTATION_NODES: dict[str, tuple[tuple[str, str, float], ...]] = {
    "Head": (("X", "HeadPitch", 1.0), ("Y", "HeadYaw", -1.0), ("Z", "HeadRoll", 1.0)),
    "LeftEye": (("X", "LeftEyePitch", 1.0), ("Y", "LeftEyeYaw", -1.0), ("Z", "LeftEyeRoll", 1.0)),
    "RightEye": (("X", "RightEyePitch", 1.0), ("Y", "RightEyeYaw", -1.0), ("Z", "RightEyeRoll", 1.0)),
}


def _radians_per_unit(node: str) -> float:
    from ..rig.evaluate import HEAD_RADIANS_PER_UNIT

    return HEAD_RADIANS_PER_UNIT if node == "Head" else 1.0


def rotation_factors(node: str) -> list[tuple[int, float]]:
    """(channel index, degrees per channel unit) of the X, Y and Z Euler angles of ``node``."""
    k = np.degrees(_radians_per_unit(node))
    return [(ch.channel_index(name), sign * k) for _, name, sign in ROTATION_NODES[node]]


def euler_degrees(node: str, values: np.ndarray) -> np.ndarray:
    """(T, 3) Euler angles X, Y, Z in degrees of ``node`` for (T, 61) channel values."""
    return np.stack([values[:, c] * f for c, f in rotation_factors(node)], axis=1)


def _axis_quats(axis: int, angles: np.ndarray) -> np.ndarray:
    q = np.zeros((len(angles), 4))
    q[:, axis] = np.sin(angles / 2)
    q[:, 3] = np.cos(angles / 2)
    return q


def _quat_mul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Hamilton product of (T, 4) quaternions stored x, y, z, w."""
    ax, ay, az, aw = a.T
    bx, by, bz, bw = b.T
    return np.stack([
        aw * bx + ax * bw + ay * bz - az * by,
        aw * by - ax * bz + ay * bw + az * bx,
        aw * bz + ax * by - ay * bx + az * bw,
        aw * bw - ax * bx - ay * by - az * bz,
    ], axis=1)


def rotation_quaternions(node: str, values: np.ndarray) -> np.ndarray:
    """(T, 4) unit quaternions (x, y, z, w) of ``node`` for (T, 61) values: ``qY * qX * qZ``,
    with consecutive quaternions in the same hemisphere (so linear interpolation takes the short way)."""
    x, y, z = np.radians(euler_degrees(node, values)).T
    q = _quat_mul(_quat_mul(_axis_quats(1, y), _axis_quats(0, x)), _axis_quats(2, z))
    flips = np.einsum("ij,ij->i", q[1:], q[:-1]) < 0
    sign = np.concatenate([[1.0], np.where(np.cumsum(flips) % 2, -1.0, 1.0)])
    return q * sign[:, None]


# --------------------------------------------------------------------------------------------- head


@dataclass
class HeadPart:
    """One exported mesh: a sub-head whose vertices are relative to ``pivot`` (head coordinates).

    ``parent`` is the name of the parent node ("" for the root); ``translation`` its position
    relative to the parent's pivot.
    """

    name: str
    head: Head  # vertices relative to the pivot
    normals: np.ndarray
    pivot: np.ndarray
    parent: str
    translation: np.ndarray


def _sub_head(head, keep: np.ndarray, name: str, pivot: np.ndarray):
    """The vertices ``keep`` (bool mask) of ``head`` as a Head, moved by ``-pivot``, shapes re-indexed."""
    from ..rig.head import Head

    new_index = np.full(head.num_vertices, -1, dtype=np.int64)
    new_index[keep] = np.arange(int(keep.sum()))
    faces = head.faces[keep[head.faces].all(axis=1)]
    indices, deltas = [], []
    for idx, d in zip(head.shape_indices, head.shape_deltas):
        inside = keep[idx]
        indices.append(new_index[idx[inside]])
        deltas.append(d[inside])
    return Head(
        name=name, vertices=head.vertices[keep] - pivot, faces=new_index[faces], part=head.part[keep],
        part_names=head.part_names, colors=head.colors, shape_indices=indices, shape_deltas=deltas,
        neck_pivot=head.neck_pivot - pivot, eye_centers=head.eye_centers - pivot,
        eye_vertices=(np.zeros(0, np.int32), np.zeros(0, np.int32)), jaw_pivot=head.jaw_pivot - pivot,
        missing=list(head.missing),
    )


def split_head(head) -> list[HeadPart]:
    """The face and the two eyeballs of ``head`` as :class:`HeadPart` (eyes without vertices are
    still listed, with an empty mesh, so their rotations are exported). Warns about missing shapes."""
    from ..rig.evaluate import Rig

    if head.num_vertices == 0 or len(head.faces) == 0:
        raise ExportError(f"head {head.name!r} has no triangles")
    present = [len(i) > 0 and ch.ARKIT_NAMES[s] not in head.missing for s, i in enumerate(head.shape_indices)]
    if not any(present):
        raise ExportError(f"head {head.name!r} has none of the 52 ARKit shapes")
    if not all(present):
        absent = [ch.ARKIT_NAMES[s] for s, p in enumerate(present) if not p]
        warnings.warn(ExportWarning(f"head {head.name!r} lacks {len(absent)} shapes, left out of the export: "
                                    + ", ".join(absent)), stacklevel=3)
    normals = Rig(head).normals(head.vertices)
    eye = np.zeros(head.num_vertices, dtype=bool)
    for idx in head.eye_vertices:
        eye[idx] = True
    neck = head.neck_pivot.astype(np.float64)
    parts = [HeadPart("Head", _sub_head(head, ~eye, "Head", neck), normals[~eye], neck, "", neck)]
    for name, idx, centre in zip(("LeftEye", "RightEye"), head.eye_vertices, head.eye_centers.astype(np.float64)):
        keep = np.zeros(head.num_vertices, dtype=bool)
        keep[idx] = True
        parts.append(HeadPart(name, _sub_head(head, keep, name, centre), normals[keep], centre, "Head", centre - neck))
    return parts


def present_shapes(head) -> list[int]:
    """Channel indices (0..51) of the shapes ``head`` has (non-empty and not listed as missing)."""
    return [s for s, i in enumerate(head.shape_indices) if len(i) > 0 and ch.ARKIT_NAMES[s] not in head.missing]
