"""Sculpting the default head's neutral mesh (units: centimetres; the caller converts to metres).

The skin is a star-shaped surface: a smooth implicit solid (a smooth union of ellipsoids and capsules
for cranium, face, jaw, neck, cheekbones, brow ridge, nose, lips, chin and ears) is sampled by rays
from a point at mouth height, on a latitude/longitude grid whose columns and rows are packed toward
the face. The row at the mouth height is split between the corners so the lips can part; the lip
edges roll inward. Eye sockets are carved so separate eyeballs show through, covered by separate
upper and lower eyelid shells. Teeth, a tongue and a mouth cavity sit behind the lips.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.ndimage import gaussian_filter
from scipy.spatial import cKDTree

from models.procedural_head.mesh import (
    capped_grid_faces,
    grid_faces,
    orient_outward,
    smoothstep,
    uv_sphere,
)

# ---- proportions (cm) -----------------------------------------------------------------------------
MOUTH_Y = -6.25  # height of the lip line
MOUTH_HALF_WIDTH = 2.35
RAY_ORIGIN = np.array([0.0, MOUTH_Y, 0.0])
EYE_X, EYE_Y, EYE_RADIUS = 3.2, 0.2, 1.3
EYE_OPEN_HALF_ANGLE = 0.85  # beta0: half width of the lid opening, radians around the eye centre
LID_BETA_EXTENT = 1.15  # lid shells reach this far sideways
LID_ALPHA_EXTENT = 1.05  # ... and this far up/down
JAW_PIVOT = np.array([0.0, -2.6, -0.8])
NECK_PIVOT = np.array([0.0, -11.0, -1.5])
NECK_RADII = (5.6, 5.0)  # half width and half depth of the neck
NECK_Z = -1.9


@dataclass
class Sculpt:
    """The neutral head in centimetres plus what the shape builders need to know about it."""

    verts: np.ndarray
    faces: np.ndarray
    part: np.ndarray
    mirror: np.ndarray
    lip_side: np.ndarray  # +1 upper-lip side of the mouth split, -1 lower side, 0 elsewhere
    groups: dict[str, np.ndarray]
    lid_beta: np.ndarray  # per vertex: eye-local azimuth for lid vertices (0 elsewhere)
    lid_u: np.ndarray  # per vertex: 0 at the lid margin .. 1 at the shell's far edge
    eye_centers: np.ndarray
    part_names: tuple[str, ...]
    extras: dict = field(default_factory=dict)


# ---- implicit solid ---------------------------------------------------------------------------------


def _ellipsoid(p, c, r):
    q = (p - c) / r
    k0 = np.linalg.norm(q, axis=-1)
    k1 = np.linalg.norm(q / r, axis=-1)
    return k0 * (k0 - 1.0) / np.maximum(k1, 1e-9)


def _capsule(p, a, b, ra, rb):
    a, b = np.asarray(a, float), np.asarray(b, float)
    ba = b - a
    h = np.clip(np.einsum("...i,i->...", p - a, ba) / ba.dot(ba), 0, 1)
    d = np.linalg.norm(p - a - h[..., None] * ba, axis=-1)
    return d - (ra + (rb - ra) * h)


def _neck(p):
    """A rounded vertical cylinder from inside the skull down to the collar (the cut end is out of frame)."""
    d_r = np.hypot(p[..., 0] / NECK_RADII[0], (p[..., 2] - NECK_Z) / NECK_RADII[1]) - 1.0
    d_r = d_r * min(NECK_RADII)
    d_y = np.abs(p[..., 1] + 12.5) - 8.5
    return np.minimum(np.maximum(d_r, d_y), 0.0) + np.hypot(np.maximum(d_r, 0), np.maximum(d_y, 0))


def _smin(a, b, k):
    h = np.clip(0.5 + 0.5 * (b - a) / k, 0.0, 1.0)
    return b * (1 - h) + a * h - k * h * (1 - h)


def head_sdf(p: np.ndarray) -> np.ndarray:
    """Approximate signed distance to the head solid (negative inside); symmetric in X.

    Proportions follow the classic construction: the eyes at half the height from chin to crown, and
    brow line, nose base and chin dividing the face into near thirds.
    """
    p = np.asarray(p, dtype=np.float64)
    q = p.copy()
    q[..., 0] = np.abs(q[..., 0])  # sculpt the left half, mirror the right
    d = _ellipsoid(p, (0, 1.7, -1.3), (7.5, 8.5, 9.5))  # cranium
    d = _smin(d, _ellipsoid(p, (0, -2.6, 1.8), (6.2, 6.2, 6.4)), 2.0)  # mid face
    d = _smin(d, _ellipsoid(p, (0, -6.9, 2.6), (5.1, 3.0, 5.0)), 1.8)  # jaw
    d = _smin(d, _ellipsoid(p, (0, -8.8, 5.5), (2.4, 1.25, 1.8)), 1.0)  # chin
    d = _smin(d, _capsule(q, (5.2, -4.6, -0.8), (2.3, -8.9, 4.4), 1.0, 1.0), 2.2)  # jaw line
    d = _smin(d, _neck(p), 2.4)
    d = _smin(d, _ellipsoid(q, (3.9, -1.9, 4.6), (2.2, 1.5, 2.3)), 1.2)  # cheekbones
    d = _smin(d, _ellipsoid(q, (3.4, -4.4, 4.0), (2.4, 2.4, 2.6)), 2.2)  # cheeks
    d = _smin(d, _ellipsoid(p, (0, 1.75, 5.2), (5.6, 1.5, 2.6)), 1.2)  # brow ridge
    d = _smin(d, _capsule(p, (0, 0.6, 7.0), (0, -3.1, 9.3), 0.75, 1.05), 0.7)  # nose bridge to tip
    d = _smin(d, _ellipsoid(q, (1.05, -3.55, 8.2), (0.75, 0.6, 0.75)), 0.35)  # nostril wings
    d = _smin(d, _ellipsoid(p, (0, -5.55, 8.0), (2.45, 0.8, 0.95)), 0.5)  # upper lip
    d = _smin(d, _ellipsoid(p, (0, -6.9, 7.8), (2.2, 0.75, 0.95)), 0.5)  # lower lip
    d = _smin(d, _ellipsoid(q, (7.2, -0.9, -1.0), (0.75, 2.6, 1.5)), 1.3)  # ears
    return d


def _march(origin: np.ndarray, dirs: np.ndarray, r_max: float = 30.0, step: float = 0.2) -> np.ndarray:
    """Outermost distance along each ray where the solid begins (coarse march inward, then bisection)."""
    n = len(dirs)
    hit = np.full(n, np.nan)
    r = r_max
    while r > 0 and np.isnan(hit).any():
        todo = np.isnan(hit)
        inside = head_sdf(origin + dirs[todo] * r) < 0
        idx = np.flatnonzero(todo)[inside]
        hit[idx] = r
        r -= step
    lo = hit.copy()
    hi = hit + step
    for _ in range(24):
        mid = 0.5 * (lo + hi)
        inside = head_sdf(origin + dirs * mid[:, None]) < 0
        lo = np.where(inside, mid, lo)
        hi = np.where(inside, hi, mid)
    return 0.5 * (lo + hi)


# ---- skin ----------------------------------------------------------------------------------------------


def _azimuths(n: int) -> np.ndarray:
    s = -1.0 + 2.0 * np.arange(n) / n
    a = 0.4
    return np.pi * (a * s + (1 - a) * s**3)


def _polar_angles(n: int) -> tuple[np.ndarray, int]:
    """Ring angles from +Y, packed around the face, with one ring exactly at the mouth (pi/2)."""
    fine = np.linspace(0, np.pi, 4001)
    density = 0.45 + np.exp(-(((fine - 1.25) / 0.62) ** 2)) + 0.6 * np.exp(-(((fine - np.pi / 2) / 0.12) ** 2))
    cum = np.concatenate([[0], np.cumsum(0.5 * (density[1:] + density[:-1]) * np.diff(fine))])
    targets = np.linspace(0, cum[-1], n + 2)[1:-1]
    polar = np.interp(targets, cum, fine)
    k = int(np.argmin(np.abs(polar - np.pi / 2)))
    polar[k] = np.pi / 2
    return polar, k


@dataclass
class _Skin:
    verts: np.ndarray
    faces: np.ndarray
    mirror: np.ndarray
    lip_side: np.ndarray
    rows: int
    cols: int


def build_skin(rows: int = 118, cols: int = 144) -> _Skin:
    polar, k_mouth = _polar_angles(rows)
    az = _azimuths(cols)
    P, A = np.meshgrid(polar, az, indexing="ij")
    dirs = np.stack([np.sin(P) * np.sin(A), np.cos(P), np.sin(P) * np.cos(A)], axis=-1).reshape(-1, 3)
    dirs = np.concatenate([dirs, [[0, 1, 0], [0, -1, 0]]])
    radius = _march(RAY_ORIGIN, dirs)
    verts = RAY_ORIGIN + dirs * radius[:, None]
    n_grid = rows * cols
    top, bottom = n_grid, n_grid + 1
    faces = capped_grid_faces(rows, cols, top, bottom)  # rows run down, columns toward +X: outward

    # mirror map: column j <-> cols - j
    col = np.arange(cols)
    mcol = (cols - col) % cols
    grid_mirror = (np.arange(rows)[:, None] * cols + mcol[None, :]).ravel()
    mirror = np.concatenate([grid_mirror, [top, bottom]])

    verts = _roll_lip_edges(verts, rows, cols, k_mouth)
    verts, faces, mirror, lip_side = _split_mouth(verts, faces, mirror, rows, cols, k_mouth)
    return _Skin(verts, faces, mirror, lip_side, rows, cols)


def _mouth_span(x: np.ndarray) -> np.ndarray:
    """1 between the mouth corners, falling smoothly to exactly 0 at the corners."""
    return 1.0 - smoothstep(0.55, 1.0, np.abs(x) / MOUTH_HALF_WIDTH)


def _roll_lip_edges(verts, rows, cols, k_mouth):
    """Pull the skin next to the mouth line back into the mouth so the lips have rounded edges."""
    v = verts.copy()
    grid = v[: rows * cols].reshape(rows, cols, 3)
    front = grid[..., 2] > 4.0
    dist = np.abs(grid[..., 1] - MOUTH_Y)
    depth = 0.55 * (1.0 - smoothstep(0.0, 0.45, dist)) * _mouth_span(grid[..., 0]) * front
    grid[..., 2] -= depth
    # the edge rolls in: vertices close to the mouth line gather toward it as they go back
    grid[..., 1] = MOUTH_Y + (grid[..., 1] - MOUTH_Y) * (1.0 - 0.9 * depth)
    v[: rows * cols] = grid.reshape(-1, 3)
    return v


def _split_mouth(verts, faces, mirror, rows, cols, k_mouth):
    """Duplicate the mouth-line vertices between the corners: upper-lip faces keep the originals."""
    grid_x = verts[: rows * cols].reshape(rows, cols, 3)[k_mouth, :, 0]
    grid_z = verts[: rows * cols].reshape(rows, cols, 3)[k_mouth, :, 2]
    cols_in = np.flatnonzero((_mouth_span(grid_x) > 0) & (grid_z > 4.0))
    originals = k_mouth * cols + cols_in
    n = len(verts)
    dup_of = {int(o): n + i for i, o in enumerate(originals)}
    verts = np.concatenate([verts, verts[originals]])
    # faces whose vertices are all on rows >= k_mouth and touch the mouth row belong to the lower lip
    row_of = np.full(len(verts), -1)
    row_of[: rows * cols] = np.arange(rows * cols) // cols
    fr = row_of[faces]
    lower = (fr.min(axis=1) >= k_mouth) & (fr.max(axis=1) == k_mouth + 1)
    f = faces[lower]
    remap = np.arange(len(verts))
    remap[originals] = n + np.arange(len(originals))
    faces = faces.copy()
    faces[lower] = remap[f]
    col_of = originals % cols
    mirror_cols = (cols - col_of) % cols
    pos_of_col = {int(c): i for i, c in enumerate(col_of)}
    dup_mirror = np.array([n + pos_of_col[int(c)] for c in mirror_cols])
    mirror = np.concatenate([mirror, dup_mirror])
    lip_side = np.zeros(len(verts), dtype=np.int8)
    r = row_of[: rows * cols]
    near = np.abs(verts[: rows * cols, 1] - MOUTH_Y) < 3.0
    lip_side[: rows * cols][near & (r <= k_mouth)] = 1
    lip_side[: rows * cols][near & (r > k_mouth)] = -1
    lip_side[n:] = -1
    assert len(dup_of) == len(originals)
    return verts, faces, mirror, lip_side


# ---- eyes and lids ---------------------------------------------------------------------------------------


def lid_margins(beta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elevation (radians, about the eye centre) of the upper and lower lid margins of the LEFT eye.

    ``beta`` is the azimuth about the eye centre, positive toward the outer corner (+X).
    """
    b = np.clip(beta / EYE_OPEN_HALF_ANGLE, -1, 1)
    opening = np.clip(1.0 - b * b, 0.0, 1.0)
    tilt = 0.06 * b
    return tilt + 0.40 * opening**0.6, tilt - 0.29 * opening**0.75


def eye_local_angles(p: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(beta azimuth toward +X, alpha elevation, distance) of points about an eye centre (left eye)."""
    v = p - centre
    beta = np.arctan2(v[:, 0], v[:, 2])
    alpha = np.arctan2(v[:, 1], np.hypot(v[:, 0], v[:, 2]))
    return beta, alpha, np.linalg.norm(v, axis=1)


def from_eye_angles(beta, alpha, dist, centre) -> np.ndarray:
    ca = np.cos(alpha)
    return centre + np.stack([dist * ca * np.sin(beta), dist * np.sin(alpha), dist * ca * np.cos(beta)], axis=-1)


def lid_radius(u: np.ndarray, upper: bool) -> np.ndarray:
    base = 1.04 if upper else 1.03
    return EYE_RADIUS * (base + 0.07 * smoothstep(0.0, 0.15, u) - 0.1 * u**2)


def lid_shell(upper: bool, n_beta: int = 44, n_u: int = 14):
    """Upper or lower lid shell of the left eye as (beta, u) parameters and faces (counter-clockwise)."""
    beta = np.linspace(-LID_BETA_EXTENT, LID_BETA_EXTENT, n_beta)
    u = np.linspace(0.0, 1.0, n_u) ** 1.4
    B, U = np.meshgrid(beta, u, indexing="ij")
    # rows = beta (toward +X), columns = u (away from margin)
    faces = grid_faces(n_beta, n_u, flip=not upper)
    return B.ravel(), U.ravel(), faces


def lid_alpha(beta, u, upper: bool, top=None, bottom=None):
    """Elevation of lid vertices: the margin (u=0) at ``top``/``bottom``, the far edge fixed."""
    if top is None or bottom is None:
        t0, b0 = lid_margins(beta)
        top = t0 if top is None else top
        bottom = b0 if bottom is None else bottom
    if upper:
        return top + (LID_ALPHA_EXTENT - top) * u
    return bottom + (-LID_ALPHA_EXTENT - bottom) * u


def _carve_sockets(verts: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Push skin around the left eye behind the eyeball and lid shells (the right is mirrored later)."""
    beta, alpha, dist = eye_local_angles(verts, centre)
    q = ((beta / (LID_BETA_EXTENT + 0.05)) ** 4 + (alpha / (LID_ALPHA_EXTENT + 0.05)) ** 4) ** 0.25
    w = (1.0 - smoothstep(0.55, 0.95, q)) * (1.0 - smoothstep(1.5, 2.2, dist / EYE_RADIUS))
    w = w * (verts[:, 2] > centre[2] - 1.0)
    target = 0.88 * EYE_RADIUS
    new_dist = np.where(dist > target, dist + w * (target - dist), dist)
    return from_eye_angles(beta, alpha, new_dist, centre)


# ---- mouth interior --------------------------------------------------------------------------------------


def teeth_row(upper: bool, n_along: int = 41, n_around: int = 10):
    """A row of teeth as a rounded band following the dental arch."""
    t = np.linspace(-1, 1, n_along)
    half_w = 2.15
    x = half_w * np.sin(t * 1.35) / np.sin(1.35)
    z_front = 7.25 - 2.6 * (1 - np.cos(t * 1.35)) / (1 - np.cos(1.35))
    if not upper:
        z_front = z_front - 0.18
        x = x * 0.95
    # tangent / outward normal in xz
    dx, dz = np.gradient(x), np.gradient(z_front)
    nrm = np.stack([dz, -dx], axis=-1)
    nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
    # cross-section: a rounded rectangle (height 0.95, thickness 0.55) traced around
    ang = np.linspace(0, 2 * np.pi, n_around, endpoint=False)
    h, th = 0.95, 0.5
    sec_y = 0.5 * h * np.clip(1.25 * np.sin(ang), -1, 1)
    sec_o = 0.5 * th * np.clip(1.25 * np.cos(ang), -1, 1)
    y0 = MOUTH_Y + 0.12 + 0.5 * h if upper else MOUTH_Y - 0.12 - 0.5 * h
    # the teeth are smaller toward the back
    taper = 1.0 - 0.3 * np.abs(t)
    X = x[:, None] + (sec_o[None, :] - 0.5 * th) * nrm[:, 0:1]
    Z = z_front[:, None] + (sec_o[None, :] - 0.5 * th) * nrm[:, 1:2]
    Y = y0 + sec_y[None, :] * taper[:, None]
    if upper:
        Y = Y + (1 - taper[:, None]) * 0.5 * h
    else:
        Y = Y - (1 - taper[:, None]) * 0.5 * h
    verts = np.stack([X, Y, Z], axis=-1).reshape(-1, 3)
    faces = grid_faces(n_along, n_around, wrap=True)
    faces = orient_outward_band(verts, faces, n_along, n_around)
    return verts, faces


def orient_outward_band(verts, faces, n_along, n_around):
    """Orient a swept tube so faces point away from its centre line."""
    centre_line = verts.reshape(n_along, n_around, 3).mean(axis=1)
    v = verts[faces]
    n = np.cross(v[:, 1] - v[:, 0], v[:, 2] - v[:, 0])
    along = faces[:, 0] // n_around
    out = np.einsum("ij,ij->i", n, v.mean(axis=1) - centre_line[along])
    return faces if np.sum(out > 0) >= np.sum(out < 0) else faces[:, ::-1].copy()


def ellipsoid_mesh(centre, radii, rings: int, segments: int):
    polar = np.linspace(0, np.pi, rings + 2)[1:-1]
    v, f, _ = uv_sphere(polar, segments)
    return centre + v * np.asarray(radii), f


def tongue_mesh():
    v, f = ellipsoid_mesh(np.array([0.0, MOUTH_Y - 1.05, 4.9]), (1.65, 0.55, 2.3), 16, 24)
    # flatten the top and bulge the tip a little
    v[:, 1] += 0.15 * np.clip((v[:, 2] - 4.9) / 2.3, 0, 1) ** 2
    return v, f


def mouth_cavity():
    centre = np.array([0.0, MOUTH_Y - 0.6, 4.2])
    v, f = ellipsoid_mesh(centre, (2.7, 2.3, 3.3), 18, 28)
    keep = v[f].mean(axis=1)[:, 2] < 6.9
    f = f[keep][:, ::-1]  # seen from inside
    used = np.unique(f)
    remap = np.full(len(v), -1)
    remap[used] = np.arange(len(used))
    return v[used], remap[f].astype(np.int32)


# ---- assembly --------------------------------------------------------------------------------------------


def _mirror_by_position(v: np.ndarray) -> np.ndarray:
    tree = cKDTree(v)
    d, idx = tree.query(v * np.array([-1.0, 1.0, 1.0]))
    if d.max() > 1e-4:
        raise RuntimeError(f"piece is not mirror-symmetric (max error {d.max():.2e} cm)")
    return idx


class _Builder:
    def __init__(self, part_names):
        self.part_names = part_names
        self.verts, self.faces, self.part, self.mirror = [], [], [], []
        self.groups: dict[str, np.ndarray] = {}
        self.n = 0

    def add(self, name, verts, faces, part, mirror_local=None, mirror_offset=0):
        """Append a piece; ``mirror_local`` maps its vertices to their mirrors (relative to
        ``self.n + mirror_offset``)."""
        start = self.n
        self.verts.append(np.asarray(verts, float))
        self.faces.append(np.asarray(faces) + start)
        part = np.broadcast_to(np.asarray(part), (len(verts),)).astype(np.int16)
        self.part.append(part)
        if mirror_local is None:
            mirror_local = _mirror_by_position(np.asarray(verts, float))
        self.mirror.append(np.asarray(mirror_local) + start + mirror_offset)
        self.groups[name] = np.arange(start, start + len(verts))
        self.n += len(verts)
        return start

    def pid(self, name):
        return self.part_names.index(name)


def build_sculpt(part_names: tuple[str, ...]) -> Sculpt:
    """Build the neutral head (centimetres)."""
    skin = build_skin()
    eye_l = np.array([EYE_X, EYE_Y, 0.0])
    eye_l[2] = _eye_depth(skin.verts, eye_l)
    sv = _carve_sockets(skin.verts, eye_l)
    left = skin.verts[:, 0] >= 0
    carved = skin.verts.copy()
    carved[left] = sv[left]
    mirrored = carved[skin.mirror] * np.array([-1.0, 1.0, 1.0])
    carved[~left] = mirrored[~left]
    b = _Builder(part_names)
    skin_part = _skin_parts(carved, skin.lip_side, b)
    b.add("skin", carved, skin.faces, skin_part, mirror_local=skin.mirror)
    lid_beta = [np.zeros(b.n)]
    lid_u = [np.zeros(b.n)]
    lip_side = [skin.lip_side]

    eye_r = eye_l * np.array([-1.0, 1.0, 1.0])
    flip = np.array([-1.0, 1.0, 1.0])
    # eyeballs: left then right (right = mirror of left, same vertex order)
    polar = np.concatenate([np.linspace(0.05, 0.62, 12), np.linspace(0.72, np.pi - 0.15, 12)])
    ev, ef, epolar = uv_sphere(polar, 36)
    eye_parts_l = np.where(epolar < 0.2, b.pid("pupil_l"), np.where(epolar < 0.5, b.pid("iris_l"), b.pid("eye_white_l")))
    eye_parts_r = np.where(epolar < 0.2, b.pid("pupil_r"), np.where(epolar < 0.5, b.pid("iris_r"), b.pid("eye_white_r")))
    ne = len(ev)
    same = np.arange(ne)
    b.add("eye_l", eye_l + ev * EYE_RADIUS, ef, eye_parts_l, mirror_local=same + ne)
    b.add("eye_r", (eye_l + ev * EYE_RADIUS) * flip, ef[:, ::-1], eye_parts_r, mirror_local=same - ne)
    for _ in range(2):
        lid_beta.append(np.zeros(ne))
        lid_u.append(np.zeros(ne))
        lip_side.append(np.zeros(ne, np.int8))

    for upper in (True, False):
        tag = "upper" if upper else "lower"
        beta, u, lf = lid_shell(upper)
        alpha = lid_alpha(beta, u, upper)
        lv = from_eye_angles(beta, alpha, lid_radius(u, upper), eye_l)
        nl = len(lv)
        lash = upper & (u <= 0.05) & (np.abs(beta) < EYE_OPEN_HALF_ANGLE + 0.05)
        part_l = np.where(lash, b.pid("lash_l"), b.pid("skin"))
        part_r = np.where(lash, b.pid("lash_r"), b.pid("skin"))
        ident = np.arange(nl)
        b.add(f"lid_{tag}_l", lv, lf, part_l, mirror_local=ident + nl)
        b.add(f"lid_{tag}_r", lv * flip, lf[:, ::-1], part_r, mirror_local=ident - nl)
        for _ in range(2):
            lid_beta.append(beta)
            lid_u.append(u)
            lip_side.append(np.zeros(nl, np.int8))

    bv, bf = brow_strip(carved)
    nb = len(bv)
    for side, verts_b, faces_b, mirror_b in (("l", bv, bf, np.arange(nb) + nb), ("r", bv * flip, bf[:, ::-1], np.arange(nb) - nb)):
        b.add(f"brow_{side}", verts_b, faces_b, b.pid(f"brow_{side}"), mirror_local=mirror_b)
        lid_beta.append(np.zeros(nb))
        lid_u.append(np.zeros(nb))
        lip_side.append(np.zeros(nb, np.int8))

    pieces = {
        "teeth_upper": teeth_row(True),
        "teeth_lower": teeth_row(False),
        "tongue": tongue_mesh(),
        "inner_mouth": mouth_cavity(),
    }
    if "hair" in part_names:
        pieces["hair"] = hair_cap()
    for name, (v, f) in pieces.items():
        b.add(name, v, f, b.pid(name))
        lid_beta.append(np.zeros(len(v)))
        lid_u.append(np.zeros(len(v)))
        lip_side.append(np.zeros(len(v), np.int8))

    verts = np.concatenate(b.verts)
    mirror = np.concatenate(b.mirror)
    # exact symmetry: average each vertex with its mirror image
    verts = 0.5 * (verts + verts[mirror] * flip)
    return Sculpt(
        verts=verts,
        faces=np.concatenate(b.faces).astype(np.int32),
        part=np.concatenate(b.part).astype(np.uint8),
        mirror=mirror,
        lip_side=np.concatenate(lip_side),
        groups=b.groups,
        lid_beta=np.concatenate(lid_beta),
        lid_u=np.concatenate(lid_u),
        eye_centers=np.stack([eye_l, eye_r]),
        part_names=part_names,
        extras={"skin_rows": skin.rows, "skin_cols": skin.cols},
    )


HAIR_CENTRE = np.array([0.0, 1.7, -1.3])  # the cranium's centre: the cap is sampled by rays from here
HAIR_THICKNESS = 0.65


def hairline_elevation(around: np.ndarray) -> np.ndarray:
    """Elevation (radians, seen from :data:`HAIR_CENTRE`) of the hairline at an azimuth (0 = front, +-pi = back).

    High on the forehead, just above the ears at the sides, down to the nape at the back.
    """
    a = np.abs(around)
    return 0.37 - 0.38 * smoothstep(0.4, 1.4, a) - 0.72 * smoothstep(1.75, 2.8, a)


def hair_cap(n_around: int = 112, n_up: int = 16):
    """A short hair cap: a shell over the skull whose lower edge follows the hairline smoothly.

    The edge tucks just under the skin, so the hairline is the clean curve where the two surfaces meet.
    Returns (vertices, faces) in centimetres, faces counter-clockwise from outside.
    """
    around = -np.pi + 2 * np.pi * np.arange(n_around) / n_around  # symmetric set: a and -a both present
    t = np.linspace(0.0, 1.0, n_up + 1)[:-1]  # 0 at the hairline; the crown is a pole
    low = hairline_elevation(around)
    A, T = np.meshgrid(around, t, indexing="ij")
    E = low[:, None] + (np.pi / 2 - low[:, None]) * (1 - (1 - T) ** 1.6)
    dirs = np.stack([np.cos(E) * np.sin(A), np.sin(E), np.cos(E) * np.cos(A)], axis=-1)
    dirs = np.concatenate([dirs.transpose(1, 0, 2).reshape(-1, 3), [[0.0, 1.0, 0.0]]])
    radius = _march(HAIR_CENTRE, dirs)
    t_all = np.concatenate([np.repeat(t, n_around), [1.0]])
    thickness = HAIR_THICKNESS * smoothstep(0.0, 0.16, t_all) - 0.08 * (1 - smoothstep(0.0, 0.05, t_all))
    verts = HAIR_CENTRE + dirs * (radius + thickness)[:, None]
    n = n_up * n_around
    rows = grid_faces(n_up, n_around, wrap=True)
    c = np.arange(n_around)
    top = np.stack([np.full(n_around, n), (n_up - 1) * n_around + (c + 1) % n_around, (n_up - 1) * n_around + c], axis=-1)
    faces = orient_outward(verts, np.concatenate([rows, top]).astype(np.int32), HAIR_CENTRE)
    return verts, faces


def brow_strip(skin_verts: np.ndarray, n_along: int = 36, n_across: int = 5):
    """The left brow: a thin arched strip lying just above the skin (faces counter-clockwise)."""
    t = np.linspace(0.0, 1.0, n_along)
    x = 1.05 + 4.5 * t
    yc = 1.75 + 0.6 * np.sin(np.pi * t**0.75) - 0.25 * t
    half = 0.5 * (0.78 * (1 - t) + 0.3 * t) * (0.4 + 0.6 * smoothstep(0.0, 0.12, t))
    across = np.linspace(1.0, -1.0, n_across)  # top row first
    X = np.repeat(x[:, None], n_across, axis=1)
    Y = yc[:, None] + half[:, None] * across[None, :]
    front = skin_verts[skin_verts[:, 2] > 3.0]
    tree = cKDTree(front[:, :2])
    d, idx = tree.query(np.stack([X.ravel(), Y.ravel()], axis=1), k=8)
    w = 1.0 / np.maximum(d, 1e-6)
    z = (front[idx, 2] * w).sum(axis=1) / w.sum(axis=1)
    # the skin samples are a grid: smooth the depth along and across the strip so it has no steps
    z = gaussian_filter(z.reshape(n_along, n_across), sigma=(4.0, 1.0), mode="nearest").ravel()
    lift = 0.06 + 0.08 * (1 - np.abs(across))[None, :].repeat(n_along, axis=0).ravel()
    verts = np.stack([X.ravel(), Y.ravel(), z + lift], axis=1)
    # rows run along the brow toward +X and columns run down: the mirror of a front-facing grid
    faces = grid_faces(n_along, n_across, flip=True)
    return verts, faces


def _eye_depth(skin_verts: np.ndarray, eye: np.ndarray) -> float:
    """Eye centre depth: the eyeball's front stands a quarter radius proud of the unsculpted skin."""
    front = skin_verts[skin_verts[:, 2] > 0]
    d = np.hypot(front[:, 0] - eye[0], front[:, 1] - eye[1])
    z_skin = front[np.argsort(d)[:6], 2].mean()
    return float(z_skin - 0.75 * EYE_RADIUS)


def _skin_parts(v: np.ndarray, lip_side: np.ndarray, b: _Builder) -> np.ndarray:
    """Part id per skin vertex: lips, brows and nostrils are coloured regions of the skin."""
    x, y, z = v[:, 0], v[:, 1], v[:, 2]
    part = np.full(len(v), b.pid("skin"))
    ax = np.abs(x)
    span = np.clip(1 - (x / (MOUTH_HALF_WIDTH * 1.02)) ** 2, 0, 1)
    h_up = 1.15 * span**0.5 - 0.2 * np.exp(-((x / 0.35) ** 2))  # up to the lip's top edge, with a cupid's bow
    h_lo = 1.25 * span**0.6
    front = (z > 5.0) & (ax < MOUTH_HALF_WIDTH * 1.02)
    upper_lip = front & (y >= MOUTH_Y - 0.05) & (y <= MOUTH_Y + h_up) & (lip_side >= 0)
    lower_lip = front & (y <= MOUTH_Y + 0.05) & (y >= MOUTH_Y - h_lo) & (lip_side <= 0)
    part[upper_lip | lower_lip] = b.pid("lips")
    nostril = (((ax - 0.68) / 0.36) ** 2 + ((y + 3.95) / 0.22) ** 2 < 1) & (z > 7.0)
    part[nostril] = b.pid("nostril")
    return part
