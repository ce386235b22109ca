"""The 52 ARKit blendshapes of the default head, sculpted as localised displacement fields.

Every field is built in centimetres on the neutral :class:`~models.procedural_head.sculpt.Sculpt`.
Only the character's LEFT side (and the unpaired shapes) are sculpted; each Right shape is the mirror
image of its Left partner through the vertex mirror map, and unpaired shapes are symmetrised, so the
pairs match exactly. Falloffs have compact support, so each shape stores only the vertices it moves.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from kfstudio.channels import ARKIT_NAMES, CHANNELS, NUM_BLENDSHAPES
from models.procedural_head.mesh import rot_x, rotate_about, smoothstep
from models.procedural_head.sculpt import (
    JAW_PIVOT,
    MOUTH_HALF_WIDTH,
    MOUTH_Y,
    Sculpt,
    from_eye_angles,
    lid_alpha,
    lid_margins,
    lid_radius,
)

FLIP = np.array([-1.0, 1.0, 1.0])
JAW_OPEN_ANGLE = 0.42  # radians at jawOpen = 1


class _Ctx:
    """Per-vertex masks and coordinates shared by the shape builders."""

    def __init__(self, s: Sculpt):
        self.s = s
        self.v = s.verts
        self.x, self.y, self.z = s.verts.T
        n = len(s.verts)
        self.n = n

        def mask(*names):
            m = np.zeros(n, bool)
            for name in names:
                m[s.groups[name]] = True
            return m

        self.mask = mask
        self.skin = mask("skin")
        self.front = (self.skin | mask("brow_l", "brow_r")) & (self.z > 3.0)
        self.upper = s.lip_side == 1
        self.lower = s.lip_side == -1

    def zeros(self):
        return np.zeros((self.n, 3))

    def bump2(self, cx, cy, rx, ry, where=None):
        """Falloff over the face seen from the front (x, y), limited to front skin by default."""
        t2 = ((self.x - cx) / rx) ** 2 + ((self.y - cy) / ry) ** 2
        w = np.where(t2 < 1, (1 - t2) ** 3, 0.0)
        return w * (self.front if where is None else where)

    def lip(self, side: int, half_width=MOUTH_HALF_WIDTH + 0.9, reach=1.6):
        """Weight of the upper (+1) or lower (-1) lip: 1 on the lip, 0 beyond ``reach`` cm from the line."""
        # a rounded-rectangle falloff (superellipse), so the edges of the moved region leave no corners
        r4 = (self.x / half_width) ** 4 + ((self.y - MOUTH_Y) / reach) ** 4
        w = 1 - smoothstep(0.6, 1.0, r4**0.25)
        return w * self.front * (self.s.lip_side == side)

    def corner(self, rx=1.7, ry=1.5):
        """Falloff around the left mouth corner."""
        return self.bump2(MOUTH_HALF_WIDTH, MOUTH_Y, rx, ry)


def jaw_weight(c: _Ctx) -> np.ndarray:
    """How much each vertex follows the jaw (1 = rigidly with the mandible)."""
    y, z = c.y, c.z
    # out on the cheeks the band between skin that stays and skin that follows the jaw widens, so
    # jaw movements shear the cheek smoothly instead of folding it along a line
    side = smoothstep(MOUTH_HALF_WIDTH, MOUTH_HALF_WIDTH + 3.0, np.abs(c.x))
    base = smoothstep(MOUTH_Y + 1.0 + 1.5 * side, MOUTH_Y - 1.4 - 2.0 * side, y)
    # around the mouth the split decides: lower-lip side goes with the jaw, upper-lip side stays
    near = (1 - smoothstep(0.7, 1.05, np.abs(c.x) / MOUTH_HALF_WIDTH)) * (1 - smoothstep(0.7, 1.5, np.abs(y - MOUTH_Y)))
    target = np.where(c.s.lip_side == -1, 1.0, np.where(c.s.lip_side == 1, 0.0, base))
    w = base + near * (target - base)
    # the jaw fades out toward the hinge at the back and down the throat below the chin, over several
    # centimetres, so the skin between chin and neck stretches evenly instead of folding
    w = w * smoothstep(-1.5, 3.5, z) * smoothstep(-14.5, -9.0, y)
    w = w * c.skin
    w[c.mask("teeth_lower", "tongue")] = 1.0
    cav = c.mask("inner_mouth")
    w[cav] = smoothstep(MOUTH_Y + 0.4, MOUTH_Y - 1.2, y[cav])
    return w


def _rotation_delta(c: _Ctx, weight, pivot, matrix):
    return (rotate_about(c.v, pivot, matrix) - c.v) * weight[:, None]


def jaw_open(c: _Ctx):
    return _rotation_delta(c, jaw_weight(c), JAW_PIVOT, rot_x(JAW_OPEN_ANGLE))


def jaw_left(c: _Ctx):
    d = c.zeros()
    d[:, 0] = 0.85 * jaw_weight(c)
    return d


def jaw_forward(c: _Ctx):
    d = c.zeros()
    d[:, 2] = 0.75 * jaw_weight(c)
    return d


# ---- eyes -------------------------------------------------------------------------------------------------


def _lid_delta(c: _Ctx, upper_top=None, lower_bottom=None, turn=0.0, upper_radius_gain=0.0):
    """Move the left eye's lid margins to new elevations (functions of beta) and optionally turn them.

    The far edges of the shells stay put; ``turn`` rotates the margins about the eye's vertical axis
    (radians, toward +X); ``upper_radius_gain`` lifts the upper lid off the eye (for blinks).
    """
    s = c.s
    centre = s.eye_centers[0]
    d = c.zeros()
    for upper, name in ((True, "lid_upper_l"), (False, "lid_lower_l")):
        idx = s.groups[name]
        beta, u = s.lid_beta[idx], s.lid_u[idx]
        t0, b0 = lid_margins(beta)
        new_beta = beta + turn * (1 - u)
        t1, b1 = lid_margins(new_beta)
        top = upper_top(beta, t0, b0) if (upper and upper_top) else t1
        bottom = lower_bottom(beta, t0, b0) if (not upper and lower_bottom) else b1
        alpha = lid_alpha(beta, u, upper, top=top, bottom=bottom)
        radius = lid_radius(u, upper)
        if upper:
            radius = radius * (1 + upper_radius_gain * (1 - u))
        d[idx] = from_eye_angles(new_beta, alpha, radius, centre) - c.v[idx]
    return d


def _eye_skin(c: _Ctx, dy_above=0.0, dy_below=0.0):
    """Skin above/below the left eye following the lids a little."""
    ex, ey = c.s.eye_centers[0, :2]
    d = c.zeros()
    d[:, 1] += dy_above * c.bump2(ex, ey + 1.5, 2.3, 1.2)
    d[:, 1] += dy_below * c.bump2(ex, ey - 1.4, 2.2, 1.1)
    return d


def eye_blink(c: _Ctx):
    meet = lambda beta, t0, b0: b0 + 0.18 * (t0 - b0)  # noqa: E731
    d = _lid_delta(c, upper_top=meet, lower_bottom=meet, upper_radius_gain=0.05)
    return d + _eye_skin(c, dy_above=-0.18, dy_below=0.05)


def eye_look_down(c: _Ctx):
    d = _lid_delta(c, upper_top=lambda b, t0, b0: t0 - 0.28 * (t0 - b0), lower_bottom=lambda b, t0, b0: b0 - 0.08)
    return d + _eye_skin(c, dy_above=-0.12, dy_below=-0.1)


def eye_look_up(c: _Ctx):
    d = _lid_delta(c, upper_top=lambda b, t0, b0: t0 + 0.4 * (t0 - b0), lower_bottom=lambda b, t0, b0: b0 + 0.15 * (t0 - b0))
    return d + _eye_skin(c, dy_above=0.2)


def eye_look_in(c: _Ctx):
    return _lid_delta(c, turn=-0.16)


def eye_look_out(c: _Ctx):
    return _lid_delta(c, turn=0.16)


def eye_squint(c: _Ctx):
    d = _lid_delta(c, upper_top=lambda b, t0, b0: t0 - 0.12 * (t0 - b0), lower_bottom=lambda b, t0, b0: b0 + 0.45 * (t0 - b0))
    ex, ey = c.s.eye_centers[0, :2]
    d[:, 1] += 0.3 * c.bump2(ex + 0.2, ey - 1.9, 2.4, 1.3)
    d[:, 0] -= 0.15 * c.bump2(ex + 1.8, ey, 1.0, 1.4)
    return d


def eye_wide(c: _Ctx):
    gap = lambda t0, b0: t0 - b0  # noqa: E731
    d = _lid_delta(c, upper_top=lambda b, t0, b0: t0 + 0.45 * gap(t0, b0), lower_bottom=lambda b, t0, b0: b0 - 0.12 * gap(t0, b0))
    return d + _eye_skin(c, dy_above=0.22)


# ---- mouth ------------------------------------------------------------------------------------------------


def mouth_close(c: _Ctx):
    """The lips come together without the jaw: the lower lip gives back 55 % of a full jawOpen's
    movement and the upper lip comes down 45 % of its drop at the centre (so jawOpen + mouthClose
    closes the lips); alone, the lips press into each other, as in ARKit."""
    jaw = jaw_open(c)
    w_lo = c.lip(-1, reach=1.5)
    w_up = c.lip(+1, reach=1.4)
    at_centre = jaw[c.lower & (np.abs(c.x) < 0.3) & (np.abs(c.y - MOUTH_Y) < 0.3) & c.front].mean(axis=0)
    return -0.55 * jaw * w_lo[:, None] + 0.45 * at_centre * w_up[:, None]


def mouth_funnel(c: _Ctx):
    d = c.zeros()
    w = np.maximum(c.lip(1, reach=1.5), c.lip(-1, reach=1.7))
    d[:, 2] += 0.55 * w
    d[:, 0] -= 0.28 * c.x * w
    centre_open = 1 - smoothstep(0.0, MOUTH_HALF_WIDTH * 0.9, np.abs(c.x))
    d[:, 1] += (0.35 * c.lip(1, reach=1.2) - 0.5 * c.lip(-1, reach=1.4)) * centre_open
    return d


def mouth_pucker(c: _Ctx):
    d = c.zeros()
    w = np.maximum(c.lip(1, reach=1.8), c.lip(-1, reach=2.0))
    d[:, 2] += 0.85 * w
    d[:, 0] -= 0.42 * c.x * w
    d[:, 1] -= 0.2 * (c.y - MOUTH_Y) * w
    return d


def mouth_left(c: _Ctx):
    d = c.zeros()
    w = c.bump2(0.4, MOUTH_Y, 4.2, 2.4)
    d[:, 0] += 0.9 * w
    return d


def mouth_smile(c: _Ctx):
    d = c.zeros()
    w = c.corner(2.1, 2.0)
    d[:, 0] += 0.45 * w
    d[:, 1] += 0.75 * w
    d[:, 2] -= 0.35 * w
    cheek = c.bump2(MOUTH_HALF_WIDTH + 0.9, MOUTH_Y + 2.6, 2.0, 1.8)
    d[:, 1] += 0.3 * cheek
    d[:, 2] += 0.15 * cheek
    return d


def mouth_frown(c: _Ctx):
    d = c.zeros()
    w = c.corner(1.9, 2.0)
    d[:, 1] -= 0.7 * w
    d[:, 0] += 0.12 * w
    return d


def mouth_dimple(c: _Ctx):
    d = c.zeros()
    w = c.corner(1.5, 1.3)
    d[:, 0] += 0.3 * w
    d[:, 2] -= 0.45 * w
    dimple = c.bump2(MOUTH_HALF_WIDTH + 0.7, MOUTH_Y + 0.1, 0.6, 0.6)
    d[:, 2] -= 0.25 * dimple
    return d


def mouth_stretch(c: _Ctx):
    d = c.zeros()
    w = c.corner(2.1, 1.8)
    d[:, 0] += 0.7 * w
    d[:, 1] -= 0.35 * w
    lo = c.lip(-1, reach=2.0) * smoothstep(-0.5, MOUTH_HALF_WIDTH, c.x)
    d[:, 1] -= 0.25 * lo
    return d


def _roll(c: _Ctx, side: int, angle: float, hinge_dy: float):
    w = c.lip(side, reach=1.5)
    pivot = np.array([0.0, MOUTH_Y + hinge_dy, 7.6])
    return _rotation_delta(c, w, pivot, rot_x(angle))


def mouth_roll_lower(c: _Ctx):
    return _roll(c, -1, -0.9, -1.0)


def mouth_roll_upper(c: _Ctx):
    return _roll(c, +1, 0.9, 1.0)


def mouth_shrug_lower(c: _Ctx):
    d = c.zeros()
    w = c.lip(-1, reach=2.0)
    chin = c.bump2(0.0, MOUTH_Y - 3.6, 2.6, 1.8)
    d[:, 1] += 0.4 * w + 0.3 * chin
    d[:, 2] += 0.3 * w + 0.15 * chin
    return d


def mouth_shrug_upper(c: _Ctx):
    d = c.zeros()
    w = c.lip(+1, reach=1.8)
    d[:, 1] += 0.35 * w
    d[:, 2] += 0.3 * w
    return d


def mouth_press(c: _Ctx):
    d = c.zeros()
    side = smoothstep(-0.6, 1.0, c.x)
    up = c.lip(+1, reach=1.3) * side
    lo = c.lip(-1, reach=1.4) * side
    d[:, 1] += -0.22 * up + 0.25 * lo
    d[:, 2] -= 0.25 * (up + lo)
    return d


def mouth_lower_down(c: _Ctx):
    d = c.zeros()
    w = c.lip(-1, reach=2.0) * c.bump2(1.0, MOUTH_Y, 2.2, 3.0)
    d[:, 1] -= 0.75 * w
    d[:, 2] -= 0.1 * w
    return d


def mouth_upper_up(c: _Ctx):
    d = c.zeros()
    w = c.lip(+1, reach=2.0) * c.bump2(0.95, MOUTH_Y, 2.0, 3.0)
    d[:, 1] += 0.65 * w
    d[:, 2] += 0.05 * w
    return d


# ---- brows, cheeks, nose, tongue -------------------------------------------------------------------------------


def brow_down(c: _Ctx):
    d = c.zeros()
    w = c.bump2(2.9, 2.3, 3.2, 1.8)
    inner = c.bump2(1.4, 2.0, 1.6, 1.4)
    d[:, 1] -= 0.5 * w
    d[:, 0] -= 0.3 * inner
    d[:, 2] += 0.15 * inner
    return d


def brow_inner_up(c: _Ctx):
    d = c.zeros()
    w = c.bump2(1.5, 2.2, 2.0, 2.2) + c.bump2(-1.5, 2.2, 2.0, 2.2)
    forehead = c.bump2(0.0, 4.0, 3.4, 2.2)
    d[:, 1] += 0.6 * w + 0.2 * forehead
    return d


def brow_outer_up(c: _Ctx):
    d = c.zeros()
    w = c.bump2(4.6, 2.5, 2.2, 2.0)
    d[:, 1] += 0.6 * w
    return d


def cheek_puff(c: _Ctx):
    """Both cheeks blow outward (+-X) and a little forward, widening the face's outline; lips push out."""
    d = c.zeros()
    for sx in (1.0, -1.0):
        w = c.bump2(sx * 4.5, MOUTH_Y + 0.5, 3.2, 2.9, where=c.skin & (c.z > -1.0))
        w = w * smoothstep(-1.0, 1.5, c.z)  # the back of the jaw stays
        d[:, 0] += sx * 1.2 * w
        d[:, 2] += 0.4 * w
    lips = np.maximum(c.lip(1), c.lip(-1))
    d[:, 2] += 0.25 * lips
    return d


def cheek_squint(c: _Ctx):
    d = c.zeros()
    ex, ey = c.s.eye_centers[0, :2]
    w = c.bump2(ex + 0.4, ey - 2.1, 2.4, 1.6)
    d[:, 1] += 0.45 * w
    d[:, 2] += 0.15 * w
    return d


def nose_sneer(c: _Ctx):
    """The left nostril wing lifts and flares, the skin bunches into a wrinkle along the side of the
    nose bridge, the cheek beside the nose rises and the upper lip follows a little."""
    d = c.zeros()
    wing = c.bump2(1.15, -3.5, 1.25, 1.15)
    d[:, 1] += 0.55 * wing
    d[:, 0] += 0.12 * wing
    d[:, 2] -= 0.08 * wing
    # the wrinkle: a ridge of bunched skin along the bridge's side with a crease just below it
    along = np.array([0.35, 0.94])  # up the side of the nose, slightly outward
    rel_x, rel_y = c.x - 1.05, c.y + 1.5
    t = rel_x * along[0] + rel_y * along[1]
    across = rel_x * along[1] - rel_y * along[0]
    band = (1 - smoothstep(0.0, 1.5, np.abs(t))) * c.front
    ridge = band * np.exp(-((across - 0.05) / 0.28) ** 2)
    crease = band * np.exp(-((across + 0.35) / 0.2) ** 2)
    d[:, 2] += 0.22 * ridge - 0.18 * crease
    d[:, 1] += 0.3 * band * (1 - smoothstep(0.0, 1.2, np.abs(across)))
    cheek = c.bump2(2.3, -2.3, 1.5, 1.2)
    d[:, 1] += 0.2 * cheek
    lip = c.lip(+1, reach=1.8) * c.bump2(0.9, MOUTH_Y, 1.6, 2.5)
    d[:, 1] += 0.2 * lip
    brow = c.bump2(1.3, 1.8, 1.2, 1.0)
    d[:, 1] -= 0.15 * brow
    return d


def tongue_out(c: _Ctx):
    """The tongue slides forward out between the parted lips, its tip well past the lower lip."""
    d = 0.3 * jaw_open(c)
    t = c.mask("tongue")
    zt = c.z[t]
    reach = smoothstep(zt.min(), zt.max(), zt)
    d[t, 2] += 1.3 + 3.0 * reach
    d[t, 1] += 0.55 * reach
    d[t, 0] = 0.0
    part = c.lip(-1, reach=1.8)
    d[:, 1] -= 0.3 * part
    d[:, 2] += 0.2 * part
    return d


# name -> builder (Left variants; Right ones are mirrored, unpaired ones symmetrised)
BUILDERS: dict[str, Callable[[_Ctx], np.ndarray]] = {
    "EyeBlinkLeft": eye_blink,
    "EyeLookDownLeft": eye_look_down,
    "EyeLookInLeft": eye_look_in,
    "EyeLookOutLeft": eye_look_out,
    "EyeLookUpLeft": eye_look_up,
    "EyeSquintLeft": eye_squint,
    "EyeWideLeft": eye_wide,
    "JawForward": jaw_forward,
    "JawLeft": jaw_left,
    "JawOpen": jaw_open,
    "MouthClose": mouth_close,
    "MouthFunnel": mouth_funnel,
    "MouthPucker": mouth_pucker,
    "MouthLeft": mouth_left,
    "MouthSmileLeft": mouth_smile,
    "MouthFrownLeft": mouth_frown,
    "MouthDimpleLeft": mouth_dimple,
    "MouthStretchLeft": mouth_stretch,
    "MouthRollLower": mouth_roll_lower,
    "MouthRollUpper": mouth_roll_upper,
    "MouthShrugLower": mouth_shrug_lower,
    "MouthShrugUpper": mouth_shrug_upper,
    "MouthPressLeft": mouth_press,
    "MouthLowerDownLeft": mouth_lower_down,
    "MouthUpperUpLeft": mouth_upper_up,
    "BrowDownLeft": brow_down,
    "BrowInnerUp": brow_inner_up,
    "BrowOuterUpLeft": brow_outer_up,
    "CheekPuff": cheek_puff,
    "CheekSquintLeft": cheek_squint,
    "NoseSneerLeft": nose_sneer,
    "TongueOut": tongue_out,
}


def mirror_field(d: np.ndarray, mirror: np.ndarray) -> np.ndarray:
    """The mirror image (through x = 0) of a displacement field."""
    out = np.empty_like(d)
    out[mirror] = d * FLIP
    return out


def build_shapes(s: Sculpt, tolerance: float = 1e-5) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """All 52 shapes as sparse (indices, deltas) in centimetres, in channel order."""
    c = _Ctx(s)
    dense: dict[str, np.ndarray] = {}
    for ch in CHANNELS[:NUM_BLENDSHAPES]:
        if ch.name in BUILDERS:
            d = BUILDERS[ch.name](c)
            if ch.mirror == ch.name:
                d = 0.5 * (d + mirror_field(d, s.mirror))
            dense[ch.name] = d
    for ch in CHANNELS[:NUM_BLENDSHAPES]:
        if ch.name not in dense:
            dense[ch.name] = mirror_field(dense[ch.mirror], s.mirror)
    indices, deltas = [], []
    for name in ARKIT_NAMES[:NUM_BLENDSHAPES]:
        d = dense[name[0].upper() + name[1:]]
        idx = np.flatnonzero(np.abs(d).max(axis=1) > tolerance).astype(np.int32)
        indices.append(idx)
        deltas.append(d[idx])
    return indices, deltas
