"""Curve colours of the 61 channels: colour-blind safe, neighbours apart, left/right pairs related.

Each left/right pair (a channel and its mirror; an unpaired channel is a pair of its own) gets a base
hue from Okabe & Ito's colour-blind-safe set, cycling in an order that puts the hues that look alike
to deuteranopes and protanopes (orange and vermillion, the two blues) far apart, so that channels next
to each other in the channel list never share a hue. The face's left side is drawn in the base colour,
the right side in a lighter tint of it: the same family, told apart by lightness, which survives every
kind of colour blindness. Plain Python: the Qt layer turns the RGB triples into colours.

:func:`delta_e` and :func:`simulate` (Machado et al. 2009, severity 1) let tests check the claims.
"""

from __future__ import annotations

import numpy as np

from .. import channels as ch

__all__ = ["BASE_COLORS", "channel_rgb", "channel_hex", "palette", "delta_e", "simulate", "to_lab"]

#: Okabe-Ito hues in the order pairs take them (alike-looking hues far apart in the cycle).
BASE_COLORS: tuple[tuple[int, int, int], ...] = (
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky blue
    (204, 121, 167),  # reddish purple
    (240, 228, 66),  # yellow
    (0, 114, 178),  # blue
    (0, 158, 115),  # bluish green
    (213, 94, 0),  # vermillion
)
RIGHT_TINT = 0.5  # the right side: this far from the base colour toward white
DARK_LIFT = 0.25  # dark bases are lifted toward white (readable on the editor's dark background)


def _pair_ranks() -> list[int]:
    firsts = sorted({min(i, int(ch.MIRROR_INDEX[i])) for i in range(ch.NUM_CHANNELS)})
    return [firsts.index(min(i, int(ch.MIRROR_INDEX[i]))) for i in range(ch.NUM_CHANNELS)]


def _mix(rgb, target, amount: float) -> tuple[int, int, int]:
    return tuple(int(round(a + (b - a) * amount)) for a, b in zip(rgb, target))  # type: ignore[return-value]


def palette() -> list[tuple[int, int, int]]:
    """The 61 channels' colours as (r, g, b) in 0..255, in channel order."""
    out = []
    for c, rank in enumerate(_pair_ranks()):
        base = BASE_COLORS[rank % len(BASE_COLORS)]
        if to_lab(base)[0] < 50:
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
