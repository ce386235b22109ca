"""A tiny numpy z-buffer rasteriser for checking the generated head without OpenGL.

Orthographic front/side/three-quarter views, Lambert shading with per-vertex colours and normals,
written as PNG with the standard library. For development previews only; the product renders with
vispy (:mod:`kfstudio.render.offscreen`).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from models.procedural_head.mesh import rot_y


def write_png(path, rgb: np.ndarray) -> None:
    """Write an (H, W, 3) uint8 image as PNG."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[i].tobytes() for i in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


def rasterise(positions, normals, faces, colors, size=400, yaw_deg=0.0, bounds=None, background=(40, 44, 52)):
    """Render a mesh; returns an (size, size, 3) uint8 image. ``bounds`` = (cx, cy, half_extent)."""
    R = rot_y(np.radians(yaw_deg))
    p = positions @ R.T
    n = normals @ R.T
    if bounds is None:
        lo, hi = p.min(axis=0), p.max(axis=0)
        bounds = (0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]), 0.55 * max(hi[0] - lo[0], hi[1] - lo[1]))
    cx, cy, half = bounds
    sx = (p[:, 0] - cx) / half * 0.5 * size + 0.5 * size
    sy = 0.5 * size - (p[:, 1] - cy) / half * 0.5 * size
    tri = faces
    x0, x1, x2 = sx[tri[:, 0]], sx[tri[:, 1]], sx[tri[:, 2]]
    y0, y1, y2 = sy[tri[:, 0]], sy[tri[:, 1]], sy[tri[:, 2]]
    area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
    keep = area < 0  # counter-clockwise in world = clockwise in image (y flipped): front-facing
    tri, x0, x1, x2, y0, y1, y2, area = (a[keep] for a in (tri, x0, x1, x2, y0, y1, y2, area))
    span = np.maximum(np.maximum(x0, x1), x2) - np.minimum(np.minimum(x0, x1), x2)
    span = np.maximum(span, np.maximum(np.maximum(y0, y1), y2) - np.minimum(np.minimum(y0, y1), y2))
    frags = []
    k_edges = [0, 3, 6, 12, 24, 48, 96, size + 2]
    for lo_k, hi_k in zip(k_edges[:-1], k_edges[1:]):
        sel = (span >= lo_k) & (span < hi_k)
        if sel.any():
            frags.append(_fragments(hi_k + 2, tri[sel], x0[sel], x1[sel], x2[sel], y0[sel], y1[sel], y2[sel], area[sel], size))
    t = np.concatenate([f[0] for f in frags])
    pix = np.concatenate([f[1] for f in frags])
    b0, b1, b2 = (np.concatenate([f[j] for f in frags]) for j in (2, 3, 4))
    depth = b0 * p[t[:, 0], 2] + b1 * p[t[:, 1], 2] + b2 * p[t[:, 2], 2]
    order = np.argsort(depth)  # far first; nearer fragments overwrite
    pix, t, b0, b1, b2 = pix[order], t[order], b0[order], b1[order], b2[order]
    nrm = b0[:, None] * n[t[:, 0]] + b1[:, None] * n[t[:, 1]] + b2[:, None] * n[t[:, 2]]
    nrm /= np.linalg.norm(nrm, axis=1, keepdims=True) + 1e-12
    col = b0[:, None] * colors[t[:, 0], :3] + b1[:, None] * colors[t[:, 1], :3] + b2[:, None] * colors[t[:, 2], :3]
    light = np.array([0.35, 0.45, 0.82])
    light /= np.linalg.norm(light)
    lam = np.clip(nrm @ light, 0, 1)
    spec = np.clip(nrm[:, 2], 0, 1) ** 24 * 0.15
    shade = col * (0.28 + 0.75 * lam[:, None]) + spec[:, None]
    img = np.empty((size * size, 3), dtype=np.float64)
    img[:] = np.asarray(background) / 255.0
    img[pix] = shade  # later (nearer) writes win with numpy fancy assignment
    return (np.clip(img, 0, 1) * 255).astype(np.uint8).reshape(size, size, 3)


def _fragments(k, tri, x0, x1, x2, y0, y1, y2, area, size):
    """Pixels covered by triangles whose bounding box fits a k x k window (with barycentrics)."""
    bx = np.floor(np.minimum(np.minimum(x0, x1), x2)).astype(int)
    by = np.floor(np.minimum(np.minimum(y0, y1), y2)).astype(int)
    ox, oy = np.meshgrid(np.arange(k), np.arange(k))
    px = bx[:, None] + ox.ravel()[None, :]
    py = by[:, None] + oy.ravel()[None, :]
    cxp, cyp = px + 0.5, py + 0.5
    w0 = ((x1[:, None] - cxp) * (y2[:, None] - cyp) - (x2[:, None] - cxp) * (y1[:, None] - cyp)) / area[:, None]
    w1 = ((x2[:, None] - cxp) * (y0[:, None] - cyp) - (x0[:, None] - cxp) * (y2[:, None] - cyp)) / area[:, None]
    w2 = 1 - w0 - w1
    inside = (w0 >= -1e-6) & (w1 >= -1e-6) & (w2 >= -1e-6) & (px >= 0) & (py >= 0) & (px < size) & (py < size)
    fi, si = np.nonzero(inside)
    return tri[fi], py[fi, si] * size + px[fi, si], w0[fi, si], w1[fi, si], w2[fi, si]


def contact_sheet(images: list[np.ndarray], columns: int) -> np.ndarray:
    h, w, _ = images[0].shape
    rows = (len(images) + columns - 1) // columns
    sheet = np.zeros((rows * h, columns * w, 3), dtype=np.uint8)
    for i, im in enumerate(images):
        r, c = divmod(i, columns)
        sheet[r * h : (r + 1) * h, c * w : (c + 1) * w] = im
    return sheet
