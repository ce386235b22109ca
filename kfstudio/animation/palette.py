"""Curve colours of the 61 channels: colour-blind safe, neighbours apart, left/right pairs related.

Each left/right pair (a channel and its mirror; an unpaired channel is a pair of its own) gets a base
colour from Okabe & Ito's colour-blind-safe set: the pairs that move together in most expressions
(:data:`FIRST_PAIRS`) first, all different, then the others, each taking the least used colour that
no channel next to it in the channel list has. The face's left side is drawn in the base colour,
the right side in a lighter tint of it: the same family, told apart by lightness, which survives every
kind of colour blindness. Plain Python: the Qt layer turns the RGB triples into colours.

:func:`delta_e` and :func:`simulate` (Machado et al. 2009, severity 1) let tests check the claims.
"""

from __future__ import annotations

import numpy as np

from .. import channels as ch

__all__ = ["BASE_COLORS", "channel_rgb", "channel_hex", "palette", "delta_e", "simulate", "to_lab"]

#: Okabe-Ito hues (less its dark blue, too close to sky blue once tinted; plus a neutral grey), in the
#: order pairs take them (alike-looking hues far apart).
BASE_COLORS: tuple[tuple[int, int, int], ...] = (
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky blue
    (204, 121, 167),  # reddish purple
    (240, 228, 66),  # yellow
    (0, 158, 115),  # bluish green
    (213, 94, 0),  # vermillion
    (136, 136, 136),  # grey (no hue: told from the others by its lack of colour)
)
#: Pairs that move together in most expressions take the first hues, all different: the curves an
#: animator looks at side by side never share a colour. The other pairs follow in channel order.
FIRST_PAIRS = (
    "EyeBlink", "BrowInnerUp", "EyeWide", "MouthSmile", "BrowOuterUp", "JawOpen", "MouthPress", "CheekSquint",
    "EyeSquint", "BrowDown", "MouthFrown", "MouthStretch", "MouthLowerDown", "MouthUpperUp", "HeadYaw", "HeadPitch",
)
RIGHT_TINT = 0.5  # the right side: this far from the base colour toward white
DARK_LIFT = 0.25  # dark bases are lifted toward white (readable on the editor's dark background)


def _pair_name(c: int) -> str:
    name = ch.NAMES[min(c, int(ch.MIRROR_INDEX[c]))]
    for side in ("Left", "Right"):
        if name.endswith(side):
            return name[: -len(side)]
    return name


def _pair_hues() -> list[int]:
    """Each channel's index into :data:`BASE_COLORS`.

    Pairs take hues in the order :data:`FIRST_PAIRS`, then channel order; each takes the least used
    hue (ties: the next in the cycle) that no channel next to one of its channels already has.
    """
    firsts = sorted({min(i, int(ch.MIRROR_INDEX[i])) for i in range(ch.NUM_CHANNELS)})
    order = [f for f in firsts if _pair_name(f) in FIRST_PAIRS]
    order.sort(key=lambda f: FIRST_PAIRS.index(_pair_name(f)))
    order += [f for f in firsts if f not in order]
    n = len(BASE_COLORS)
    hue: dict[int, int] = {}  # channel -> hue
    used = [0] * n
    for rank, first in enumerate(order):
        members = {first, int(ch.MIRROR_INDEX[first])}
        taken = {hue[j] for c in members for j in (c - 1, c + 1) if j in hue and j not in members}
        choice = min((h for h in range(n) if h not in taken), key=lambda h: (used[h], (h - rank) % n))
        used[choice] += 1
        for c in members:
            hue[c] = choice
    return [hue[c] for c in range(ch.NUM_CHANNELS)]


def _mix(rgb, target, amount: float) -> tuple[int, int, int]:
    return tuple(int(round(a + (b - a) * amount)) for a, b in zip(rgb, target))  # type: ignore[return-value]


def palette() -> list[tuple[int, int, int]]:
    """The 61 channels' colours as (r, g, b) in 0..255, in channel order."""
    out = []
    for c, h in enumerate(_pair_hues()):
        base = BASE_COLORS[h]
        if to_lab(base)[0] < 40:
            base = _mix(base, (255, 255, 255), DARK_LIFT)
        out.append(_mix(base, (255, 255, 255), RIGHT_TINT) if ch.CHANNELS[c].side == "right" else base)
    return out


def channel_rgb(c: int) -> tuple[int, int, int]:
    return _PALETTE[c]


def channel_hex(c: int) -> str:
    return "#%02x%02x%02x" % _PALETTE[c]


# ------------------------------------------------------------------------------ colour science
def _linear(rgb: np.ndarray) -> np.ndarray:
    s = np.asarray(rgb, dtype=np.float64) / 255.0
    return np.where(s <= 0.04045, s / 12.92, ((s + 0.055) / 1.055) ** 2.4)


def _srgb(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(lin, 0.0, 1.0)
    s = np.where(lin <= 0.0031308, lin * 12.92, 1.055 * lin ** (1 / 2.4) - 0.055)
    return s * 255.0


_CVD = {
    "protan": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "tritan": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
}


def simulate(rgb, kind: str) -> np.ndarray:
    """How ``rgb`` (0..255) looks with ``kind`` ("protan", "deutan", "tritan") colour blindness."""
    return _srgb(_linear(rgb) @ _CVD[kind].T)


def to_lab(rgb) -> np.ndarray:
    """CIE L*a*b* (D65) of sRGB ``rgb`` in 0..255."""
    lin = _linear(rgb)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = lin @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def delta_e(a, b, kind: str | None = None) -> float:
    """CIE76 colour difference of two sRGB colours, as seen with ``kind`` colour blindness (or normal)."""
    if kind is not None:
        a, b = simulate(a, kind), simulate(b, kind)
    return float(np.linalg.norm(to_lab(a) - to_lab(b)))


_PALETTE = palette()
