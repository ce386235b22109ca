"""Animated binary glTF 2.0 (``.glb``): the head with morph targets, rotating head/eye nodes, one animation.

Nodes: ``Head`` (the face mesh with the morph targets, at ``neck_pivot``) with children ``LeftEye`` and
``RightEye`` (eyeball meshes at their eye centres); see :mod:`kfstudio.io.export` for how the pose
channels become rotations. The meshes are built by :func:`kfstudio.io.gltf_head.add_head_mesh`
(target names in ``mesh.extras.targetNames``, ARKit camelCase; shapes the head lacks are left out).

The animation ("KeyframeFace") has one ``weights`` channel on the head node and one ``rotation``
channel (unit quaternions, x y z w) per node:

* baked: one key per frame, ``LINEAR`` for weights and rotations;
* unbaked: weights are ``CUBICSPLINE`` at the union of the shape channels' key times, with the
  in/out tangents (per second) of the document's curves there, so the Hermite curves are reproduced
  exactly; a constant (stepped) segment becomes a flat segment and a jump over the last millisecond
  before the next key. Rotations are sampled at every frame (``LINEAR``) in both cases, since
  Euler curves have no exact quaternion form.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..animation import Interp
from ..channels import ARKIT_NAMES
from .gltf_head import write_glb
from .export_curves import ExportCurves, ExportError, rotation_quaternions, split_head

__all__ = ["build_gltf_animation", "write_glb_animation", "STEP_SECONDS"]

#: Width of the jump that replaces a constant segment's step in a CUBICSPLINE export.
STEP_SECONDS = 1e-3


def _cubic_weights(curves: ExportCurves, channels: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(times (K,), output (K, 3, N)) of a CUBICSPLINE weights sampler for the shape ``channels``."""
    shape_curves = [curves.curves[c] for c in channels]
    times = [c.times for c in shape_curves]
    for c in shape_curves:
        steps = np.flatnonzero(c.interp[:-1] == Interp.CONSTANT)
        gap = np.diff(c.times)[steps]
        times.append(c.times[steps + 1] - np.minimum(STEP_SECONDS, gap / 2))
    union = np.unique(np.concatenate(times))
    out = np.empty((len(union), 3, len(channels)))
    for j, c in enumerate(shape_curves):
        value, slope_out = c.evaluate(union, side="right")
        _, slope_in = c.evaluate(union, side="left")
        out[:, 0, j], out[:, 1, j], out[:, 2, j] = slope_in, value, slope_out
    return union, out


def build_gltf_animation(curves: ExportCurves, head) -> tuple[dict, bytes]:
    """The glTF JSON and binary buffer of an animated head export."""
    from .gltf_head import GlbBuilder, add_head_mesh

    builder = GlbBuilder()
    nodes: list[dict[str, Any]]
    nodes, meshes, index = [], [], {}
    for part in split_head(head):
        node: dict[str, Any] = {"name": part.name, "translation": [float(x) for x in part.translation]}
        if len(part.head.faces):
            meshes.append(add_head_mesh(builder, part.head, material=0))
            node["mesh"] = len(meshes) - 1
        index[part.name] = len(nodes)
        nodes.append(node)
        if part.parent:
            nodes[index[part.parent]].setdefault("children", []).append(index[part.name])
    face = meshes[nodes[index["Head"]]["mesh"]]
    shape_channels = [ARKIT_NAMES.index(n) for n in face["extras"]["targetNames"]]
    if not shape_channels:
        raise ExportError(f"head {head.name!r}: the face mesh has no morph targets")

    frame_input = builder.add_accessor(curves.frame_times.astype(np.float32), "SCALAR", min_max=True)
    samplers, channels = [], []
    if curves.bake:
        weights = curves.frame_values[:, shape_channels].astype(np.float32).reshape(-1)
        samplers.append({"input": frame_input, "output": builder.add_accessor(weights, "SCALAR"),
                         "interpolation": "LINEAR"})
    else:
        times, out = _cubic_weights(curves, shape_channels)
        samplers.append({"input": builder.add_accessor(times.astype(np.float32), "SCALAR", min_max=True),
                         "output": builder.add_accessor(out.astype(np.float32).reshape(-1), "SCALAR"),
                         "interpolation": "CUBICSPLINE"})
    channels.append({"sampler": 0, "target": {"node": index["Head"], "path": "weights"}})
    for name in ("Head", "LeftEye", "RightEye"):
        quats = rotation_quaternions(name, curves.frame_values).astype(np.float32)
        samplers.append({"input": frame_input, "output": builder.add_accessor(quats, "VEC4"), "interpolation": "LINEAR"})
        channels.append({"sampler": len(samplers) - 1, "target": {"node": index[name], "path": "rotation"}})
    material = {"name": "vertex_colors", "pbrMetallicRoughness": {
        "baseColorFactor": [1, 1, 1, 1], "metallicFactor": 0.0, "roughnessFactor": 0.7}}
    gltf = builder.gltf_json(
        scene=0, scenes=[{"name": "KeyframeFace", "nodes": [index["Head"]]}], nodes=nodes, meshes=meshes,
        materials=[material],
        animations=[{"name": "KeyframeFace", "samplers": samplers, "channels": channels}],
    )
    return gltf, builder.blob()


def write_glb_animation(path, curves: ExportCurves, head) -> None:
    """Write an animated head (prepared ``curves``, see :func:`kfstudio.io.export_curves.prepare_curves`)
    as a ``.glb`` file (atomically)."""
    gltf, blob = build_gltf_animation(curves, head)
    write_glb(path, gltf, blob)
