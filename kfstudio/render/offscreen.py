"""Offscreen rendering of the head: single images, labelled contact sheets, PNG files.

Rendering needs an OpenGL context without a window. :func:`select_backend` tries, in order, vispy's
EGL backend (Mesa's surfaceless platform, no display needed), OSMesa, and, when ``DISPLAY`` is set
(for example under ``xvfb-run``), a windowed Qt or GLFW backend with a hidden canvas; the environment
variable ``KFSTUDIO_GL`` (e.g. ``osmesa`` or ``egl,osmesa``) replaces that list. If a vispy
application already exists in the process (the editor's Qt app) it is reused. When nothing works,
:class:`RenderUnavailableError` says which Debian packages to install.

EGL cannot start once Qt has created its own GL contexts in the same process (docs/architecture.md, platform facts); a
process in that situation can render through a child process with :func:`render_in_subprocess`,
which runs this module as a worker (``python -m kfstudio.render.offscreen REQUEST.json``).

vispy is imported lazily, inside the functions that need it, so importing this module is cheap.

Views look at the face from the front, from three-quarters toward the character's right (the camera
swings 35 degrees toward the face's right side, so that cheek faces the viewer) and from the
character's right side (the profile faces image right). The framing is computed once from the neutral
head, so a moving head stays put in the frame.
"""

from __future__ import annotations

import ctypes.util
import glob
import json
import math
import os
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kfstudio import channels
from kfstudio.io.gltf_head import load_gltf_head
from kfstudio.rig.evaluate import Rig
from kfstudio.rig.head import default_head

__all__ = [
    "RenderUnavailableError",
    "RenderRequestError",
    "VIEWS",
    "Renderer",
    "select_backend",
    "as_rig",
    "render_image",
    "face_vertices",
    "render_part_map",
    "render_sheet",
    "blendshape_frames",
    "write_png",
    "read_png",
    "load_head",
    "render_in_subprocess",
    "run_request",
]

#: Camera (azimuth, elevation) in degrees for each named view; azimuth turns the camera toward the
#: character's right (-X) side.
VIEWS: dict[str, tuple[float, float]] = {
    "front": (0.0, 4.0),
    "three-quarter": (35.0, 8.0),
    "side": (90.0, 3.0),
}

BACKGROUND = (0.105, 0.11, 0.125, 1.0)
_FOV = 22.0
_MARGIN = 1.08
_LABEL_HEIGHT_FRACTION = 0.17  # of a sheet cell, for the label strip
_GUTTER = 2
_GL_DEPTH_COMPONENT24 = 0x81A6

_INSTALL_HINT = (
    "install Mesa's headless OpenGL (Debian/Ubuntu: `apt-get install libegl1 libegl-mesa0 "
    "libgl1-mesa-dri` for EGL, or `apt-get install libosmesa6` for OSMesa), or run under a "
    "virtual X server (`apt-get install xvfb`, then `xvfb-run kfstudio ...`)"
)


class RenderUnavailableError(RuntimeError):
    """No OpenGL context can be created in this process; the message says what to install."""


class RenderRequestError(ValueError):
    """A render was asked for with bad arguments (unknown view, bad size, wrong value count)."""


# --------------------------------------------------------------------------------------------
# Backend selection


_selected_backend: str | None = None


def _candidate_backends() -> list[str]:
    """Backends to try, in order; ``KFSTUDIO_GL`` (comma-separated vispy names) overrides the list."""
    chosen = os.environ.get("KFSTUDIO_GL", "").strip()
    if chosen:
        return [name.strip() for name in chosen.split(",") if name.strip()]
    names = ["egl", "osmesa"]
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        names += ["pyside6", "pyqt6", "glfw"]
    return names


def _prepare_environment() -> None:
    """Point EGL at Mesa's surfaceless platform and OSMesa at a versioned library if needed."""
    os.environ.setdefault("EGL_PLATFORM", "surfaceless")
    if "OSMESA_LIBRARY" not in os.environ and ctypes.util.find_library("OSMesa") is None:
        found = sorted(glob.glob("/usr/lib/*/libOSMesa.so.*") + glob.glob("/usr/lib/libOSMesa.so.*"))
        if found:
            os.environ["OSMESA_LIBRARY"] = found[0]


def _probe(name: str) -> None:
    """Check a backend's native library before ``vispy.app`` (and with it ``vispy.gloo``) is imported.

    OSMesa supplies its own GL functions, so vispy must be told to load them from libOSMesa before
    ``vispy.gloo`` first loads an OpenGL library; raises if that can no longer be arranged.
    """
    if name == "egl":
        from vispy.ext import egl

        egl.eglInitialize(egl.eglGetDisplay())
    elif name == "osmesa":
        if "vispy.gloo.gl" in sys.modules and not os.environ.get("VISPY_GL_LIB", "").count("OSMesa"):
            raise RuntimeError("vispy already loaded another OpenGL library in this process")
        from vispy.ext import osmesa  # noqa: F401  (loads libOSMesa, raising if it is absent)
        from vispy.util.osmesa_gl import fix_osmesa_gl_lib

        fix_osmesa_gl_lib()


def select_backend() -> str:
    """Choose (once per process) and return the vispy backend used for offscreen rendering.

    Raises :class:`RenderUnavailableError` when no backend can create an OpenGL context.
    """
    global _selected_backend
    if _selected_backend is not None:
        return _selected_backend
    app_module = sys.modules.get("vispy.app._default_app")
    if app_module is not None and app_module.default_app is not None:
        _selected_backend = app_module.default_app.backend_name
        return _selected_backend
    _prepare_environment()
    failures = []
    for name in _candidate_backends():
        try:
            _probe(name)
            from vispy.app import use_app

            use_app(name)
        except Exception as exc:  # vispy raises RuntimeError/ImportError/OSError per backend
            failures.append(f"{name}: {_first_line(exc)}")
            continue
        _selected_backend = name
        return name
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        failures.append("no DISPLAY for a windowed backend")
    raise RenderUnavailableError(
        "no offscreen OpenGL is available (" + "; ".join(failures) + "). To fix it, " + _INSTALL_HINT
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[-1] if text else ''}".strip()


# --------------------------------------------------------------------------------------------
# Rig handling and framing


def as_rig(head_or_rig):
    """Return a rig (``.head`` + ``.evaluate(values)``) for a ``Head`` or pass a rig through."""
    if hasattr(head_or_rig, "evaluate") and hasattr(head_or_rig, "head"):
        return head_or_rig
    return Rig(head_or_rig)


def _check_values(values) -> np.ndarray:
    v = np.asarray(values, dtype=np.float64)
    if v.shape != (channels.NUM_CHANNELS,):
        raise RenderRequestError(
            f"expected {channels.NUM_CHANNELS} channel values, got an array of shape {v.shape}"
        )
    return channels.clamp(v)


def _check_view(view: str) -> tuple[float, float]:
    try:
        return VIEWS[view]
    except KeyError:
        raise RenderRequestError(f"unknown view {view!r}; views are {', '.join(VIEWS)}") from None


def _check_size(size) -> tuple[int, int]:
    try:
        w, h = (int(s) for s in size)
    except (TypeError, ValueError):
        raise RenderRequestError(f"size must be (width, height) in pixels, got {size!r}") from None
    if not (16 <= w <= 8192 and 16 <= h <= 8192):
        raise RenderRequestError(f"size must be between 16 and 8192 pixels a side, got {w}x{h}")
    return w, h


def _camera_axes(azimuth: float, elevation: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Right, up and toward-viewer unit vectors of a camera orbiting the +Y axis."""
    a, e = math.radians(azimuth), math.radians(elevation)
    toward = np.array([-math.sin(a) * math.cos(e), math.sin(e), math.cos(a) * math.cos(e)])
    right = np.array([math.cos(a), 0.0, math.sin(a)])
    up = np.cross(toward, right)
    return right, up, toward


_NECK_SHOWN = 0.15  # how much neck to frame below the neck pivot, as a fraction of the head's height above it
_CHIN_BELOW_EYES = 1.0  # with eyes: frame down to this many times the eyes-to-crown height below the eyes
_CROWN_ABOVE_EYES = 0.85  # ... and up to this fraction of it above the eyes (the face, not the whole skull)


def face_vertices(head) -> np.ndarray:
    """The neutral vertices the camera frames: the face and skull, from the crown to just under the chin
    (a head with eye centres), or the head and a little neck below the neck pivot (a head without)."""
    vertices = np.asarray(head.vertices, dtype=np.float32)
    top = float(vertices[:, 1].max())
    eyes = getattr(head, "eye_centers", None)
    if eyes is not None and np.asarray(eyes).size == 6:
        eye_y = float(np.asarray(eyes, dtype=np.float32).reshape(2, 3)[:, 1].mean())
        if top > eye_y:
            span = top - eye_y
            y = vertices[:, 1]
            kept = vertices[(y >= eye_y - _CHIN_BELOW_EYES * span) & (y <= eye_y + _CROWN_ABOVE_EYES * span)]
            if len(kept) >= 4:
                return kept
    pivot = getattr(head, "neck_pivot", None)
    if pivot is None:
        return vertices
    pivot_y = float(np.asarray(pivot).reshape(3)[1])
    cut = pivot_y - _NECK_SHOWN * (top - pivot_y)
    kept = vertices[vertices[:, 1] >= cut]
    return kept if len(kept) >= 4 else vertices


_framed_vertices = face_vertices


@dataclass(frozen=True)
class _Framing:
    center: np.ndarray
    distance: float


def _frame(vertices: np.ndarray, azimuth: float, elevation: float, aspect: float) -> _Framing:
    """Camera target and distance that fit the head's projected outline in a view of this aspect."""
    right, up, toward = _camera_axes(azimuth, elevation)
    across, along_up, depth = vertices @ right, vertices @ up, vertices @ toward
    lo = np.array([across.min(), along_up.min()])
    hi = np.array([across.max(), along_up.max()])
    mid = (lo + hi) / 2.0
    center = mid[0] * right + mid[1] * up + (depth.min() + depth.max()) / 2.0 * toward
    half_w, half_h = (hi - lo) / 2.0
    tan_half = math.tan(math.radians(_FOV) / 2.0)
    half_extent = max(half_h, half_w / aspect) * _MARGIN
    front = depth.max() - (depth.min() + depth.max()) / 2.0
    return _Framing(center=center, distance=float(half_extent / tan_half + front))


# --------------------------------------------------------------------------------------------
# The renderer


class Renderer:
    """One offscreen canvas drawing one rig; reuse it to render many poses quickly.

    ``size`` is the output image size (width, height); the scene is drawn ``supersample`` times
    larger and box-filtered down for smooth edges.
    """

    def __init__(self, head_or_rig, size=(512, 512), *, supersample: int = 2):
        self.rig = as_rig(head_or_rig)
        self.head = self.rig.head
        self.size = _check_size(size)
        if supersample not in (1, 2, 3, 4):
            raise RenderRequestError(f"supersample must be 1 to 4, got {supersample!r}")
        self.supersample = supersample
        self.backend = select_backend()
        self._framed = _framed_vertices(self.head)
        self._build_scene()

    # -- scene -----------------------------------------------------------------------------
    def _build_scene(self) -> None:
        from vispy import gloo, scene

        from kfstudio.render.visual import HeadMesh

        w, h = self.size
        s = self.supersample
        self._fb_size = (w * s, h * s)
        try:
            self.canvas = scene.SceneCanvas(size=self._fb_size, show=False, bgcolor=BACKGROUND,
                                            dpi=96 * s)
        except Exception as exc:
            raise RenderUnavailableError(
                f"the {self.backend} backend could not create an OpenGL context "
                f"({_first_line(exc)}). To fix it, {_INSTALL_HINT}"
            ) from exc
        self.view = scene.widgets.ViewBox(parent=self.canvas.scene)
        # depth_value 10 puts the clipping planes at distance / 10 and distance * 10 (vispy's default,
        # a ratio of about 3000, leaves too little depth precision to separate eyelids from eyes).
        self.view.camera = scene.cameras.TurntableCamera(fov=_FOV, up="+y")
        self.view.camera.depth_value = 10.0
        positions, normals = self.rig.evaluate(channels.NEUTRAL.copy())
        self.mesh = HeadMesh(self.head, positions, normals, parent=self.view.scene)
        self._labels = [
            scene.visuals.Text("", color=(0.92, 0.92, 0.94, 1), parent=self.canvas.scene,
                               anchor_x="center", anchor_y="center", font_size=7, bold=bold)
            for bold in (True, False)
        ]
        self._fbos: dict[tuple[int, int], object] = {}
        self._gloo = gloo

    def _layout(self, label_lines: int, view: str) -> None:
        """Place the 3D view (above a label strip when there are labels) and aim the camera."""
        fw, fh = self._fb_size
        strip = int(round(fh * _LABEL_HEIGHT_FRACTION)) if label_lines else 0
        self.view.pos = (0, 0)
        self.view.size = (fw, fh - strip)
        azimuth, elevation = _check_view(view)
        framing = _frame(self._framed, azimuth, elevation, fw / max(fh - strip, 1))
        cam = self.view.camera
        cam.azimuth, cam.elevation = 90.0 - azimuth, elevation  # vispy's azimuth 0 looks along +X
        cam.center = tuple(float(c) for c in framing.center)
        cam.distance = framing.distance
        for i, text in enumerate(self._labels):
            text.visible = i < label_lines
            text.pos = (fw / 2.0, fh - strip + strip * (i + 0.5) / 2.0)

    def _fbo(self):
        fbo = self._fbos.get(self._fb_size)
        if fbo is None:
            g = self._gloo
            fbo = g.FrameBuffer(color=g.RenderBuffer(self._fb_size[::-1]),
                                depth=g.RenderBuffer(self._fb_size[::-1], format=_GL_DEPTH_COMPONENT24))
            self._fbos[self._fb_size] = fbo
        return fbo

    def _draw(self) -> np.ndarray:
        """Draw the scene into the persistent framebuffer and read it back (full resolution)."""
        canvas = self.canvas
        canvas.set_current()
        fbo = self._fbo()
        canvas.push_fbo(fbo, (0, 0), self._fb_size)
        try:
            canvas.context.clear(color=BACKGROUND, depth=True)
            canvas.draw_visual(canvas.scene)
            return fbo.read()
        finally:
            canvas.pop_fbo()

    def _downsample(self, image: np.ndarray) -> np.ndarray:
        """Box-filter the supersampled image down to the output size (rounded mean of s x s blocks)."""
        s = self.supersample
        if s == 1:
            return image
        h, w = image.shape[0] // s, image.shape[1] // s
        total = np.zeros((h, w, image.shape[2]), np.uint16)
        for dy in range(s):
            for dx in range(s):
                total += image[dy : h * s : s, dx : w * s : s]
        total += (s * s) // 2
        return (total // (s * s)).astype(np.uint8)

    # -- public ----------------------------------------------------------------------------
    def set_values(self, values) -> None:
        """Pose the head from 61 channel values (clamped to their ranges)."""
        positions, normals = self.rig.evaluate(_check_values(values))
        self.mesh.set_pose(positions, normals)

    def render(self, values, *, view: str = "front", wireframe: bool = False,
               label: str | tuple[str, ...] | None = None) -> np.ndarray:
        """Render one pose; returns an (h, w, 4) uint8 RGBA image (row 0 at the top).

        ``label`` (one string, or up to two lines as a tuple) is drawn in a strip under the head.
        """
        from kfstudio.render.visual import SHADED_MODE

        lines = _label_lines(label)
        self.set_values(values)
        self._layout(len(lines), view)
        for text, line in zip(self._labels, lines):
            text.text = _fit_text(line, self.size[0], bold=text is self._labels[0])
        self.mesh.wireframe = wireframe
        self.mesh.mode = SHADED_MODE
        return self._downsample(self._draw())

    def part_map(self, values, *, view: str = "front") -> np.ndarray:
        """Which part covers each pixel: an (H, W) int16 map of part indices, -1 for background.

        Drawn without shading or anti-aliasing at the supersampled resolution (``size`` times
        ``supersample``), so it lines up pixel for pixel with a shaded render's full-resolution
        image.
        """
        from kfstudio.render.visual import PART_ID_MODE, SHADED_MODE

        self.set_values(values)
        self._layout(0, view)
        self.mesh.wireframe = False
        self.mesh.mode = PART_ID_MODE
        try:
            image = self._draw()
        finally:
            self.mesh.mode = SHADED_MODE
        ids = image[..., 0].astype(np.int16) - 1
        ids[image[..., 1] > 0] = -1  # part pixels have no green; the background colour has
        return ids

    def close(self) -> None:
        """Release the canvas and its GL resources."""
        self.canvas.close()


def _label_lines(label) -> tuple[str, ...]:
    if label is None:
        return ()
    if isinstance(label, str):
        lines = tuple(part for part in label.split("\n") if part)
    else:
        lines = tuple(str(part) for part in label)
    if len(lines) > 2:
        raise RenderRequestError(f"a label has at most two lines, got {len(lines)}")
    return lines


def _fit_text(text: str, width_px: int, *, bold: bool) -> str:
    """Shorten text with an ellipsis so it fits a cell about ``width_px`` output pixels wide."""
    char_px = 6.4 if bold else 6.0  # OpenSans at 7 pt and 96 dpi, average advance
    limit = max(4, int(width_px / char_px) - 1)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# --------------------------------------------------------------------------------------------
# Convenience functions with a cached renderer

_CACHE_SIZE = 3
_cache: list[Renderer] = []  # most recently used last


def _renderer_for(head_or_rig, size, supersample: int = 2) -> Renderer:
    """A renderer for this head/rig, size and supersampling, reusing a recent one that matches."""
    size = _check_size(size)
    for r in _cache:
        if r.size == size and r.supersample == supersample and (head_or_rig is r.rig or head_or_rig is r.head):
            _cache.remove(r)
            _cache.append(r)
            return r
    renderer = Renderer(head_or_rig, size, supersample=supersample)
    _cache.append(renderer)
    while len(_cache) > _CACHE_SIZE:
        _cache.pop(0).close()
    return renderer


def render_image(head_or_rig, values, *, view: str = "front", size=(512, 512),
                 wireframe: bool = False) -> np.ndarray:
    """Render one pose of a ``Head`` or rig; returns an (h, w, 4) uint8 RGBA image."""
    return _renderer_for(head_or_rig, size).render(values, view=view, wireframe=wireframe)


def render_part_map(head_or_rig, values, *, view: str = "front", size=(256, 256)) -> np.ndarray:
    """Part index under each pixel ((h, w) int16, -1 for background) for one pose."""
    return _renderer_for(head_or_rig, size, supersample=1).part_map(values, view=view)


def render_sheet(head_or_rig, frames, *, columns: int | None = None, size_per=(200, 240),
                 view: str = "front") -> np.ndarray:
    """Draw every ``(values, label)`` frame in a grid, each labelled under its head.

    A label is a string (a newline splits it into a bold first line and a second line) or a
    tuple of up to two lines. ``columns`` defaults to a roughly square grid. Returns an RGBA
    uint8 image.
    """
    frames = list(frames)
    if not frames:
        raise RenderRequestError("a contact sheet needs at least one frame")
    n = len(frames)
    columns = int(columns) if columns else max(1, math.ceil(math.sqrt(n * 1.2)))
    if columns < 1:
        raise RenderRequestError(f"columns must be at least 1, got {columns}")
    rows = math.ceil(n / columns)
    renderer = _renderer_for(head_or_rig, size_per)
    w, h = renderer.size
    sheet = np.empty((rows * h + (rows + 1) * _GUTTER, columns * w + (columns + 1) * _GUTTER, 4), np.uint8)
    sheet[:] = (np.array((0.05, 0.05, 0.06, 1.0)) * 255).astype(np.uint8)
    for i, (values, label) in enumerate(frames):
        r, c = divmod(i, columns)
        y = _GUTTER + r * (h + _GUTTER)
        x = _GUTTER + c * (w + _GUTTER)
        sheet[y : y + h, x : x + w] = renderer.render(values, view=view, label=label)
    return sheet


def blendshape_frames(weight: float = 1.0) -> list[tuple[np.ndarray, tuple[str, str]]]:
    """One ``(values, label)`` frame per ARKit blendshape at ``weight``, for a shape contact sheet.

    MouthClose acts only against JawOpen (as in ARKit, see :mod:`kfstudio.rig.evaluate`): its frame
    sets both, so it shows the lips closed over an open jaw."""
    frames = []
    jaw = channels.channel_index("JawOpen")
    for channel in channels.CHANNELS[: channels.NUM_BLENDSHAPES]:
        values = channels.NEUTRAL.copy()
        values[channel.index] = weight
        label = f"{channel.group} {weight:g}"
        if channel.name == "MouthClose":
            values[jaw] = weight
            label += " + JawOpen"
        frames.append((values, (channel.name, label)))
    return frames


# --------------------------------------------------------------------------------------------
# PNG files


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {2: 3, 6: 4}  # colour type -> samples per pixel (8-bit RGB, RGBA)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_png(path, image: np.ndarray) -> Path:
    """Write an (h, w, 3|4) uint8 image as an 8-bit PNG; returns the path."""
    path = Path(path)
    image = np.ascontiguousarray(image, dtype=np.uint8)
    if image.ndim != 3 or image.shape[2] not in (3, 4):
        raise RenderRequestError(f"an image must be (h, w, 3) or (h, w, 4), got {image.shape}")
    h, w, c = image.shape
    rows = np.concatenate([np.zeros((h, 1), np.uint8), image.reshape(h, w * c)], axis=1)  # filter 0
    header = struct.pack(">IIBBBBB", w, h, 8, 6 if c == 4 else 2, 0, 0, 0)
    data = (_PNG_SIGNATURE + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 6)) + _png_chunk(b"IEND", b""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_png(path) -> np.ndarray:
    """Read an 8-bit, non-interlaced RGB or RGBA PNG into an (h, w, 3|4) uint8 array."""
    path = Path(path)
    data = path.read_bytes()
    if not data.startswith(_PNG_SIGNATURE):
        raise RenderRequestError(f"{path}: not a PNG file")
    pos, idat, header = len(_PNG_SIGNATURE), [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise RenderRequestError(f"{path}: PNG without an IHDR chunk")
    w, h, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in _PNG_CHANNELS or interlace:
        raise RenderRequestError(f"{path}: only 8-bit non-interlaced RGB/RGBA PNGs are supported")
    c = _PNG_CHANNELS[colour]
    raw = np.frombuffer(zlib.decompress(b"".join(idat)), np.uint8).reshape(h, 1 + w * c)
    return _unfilter(raw[:, 0], raw[:, 1:], c).reshape(h, w, c)


def _unfilter(filters: np.ndarray, rows: np.ndarray, bpp: int) -> np.ndarray:
    """Undo PNG's per-row filters (None, Sub, Up, Average, Paeth)."""
    out = np.zeros(rows.shape, np.uint8)
    prev = np.zeros(rows.shape[1], np.int32)
    for y, kind in enumerate(filters):
        line = rows[y].astype(np.int32)
        if kind == 0:
            cur = line
        elif kind == 1:
            cur = np.cumsum(line.reshape(-1, bpp), axis=0).reshape(-1) % 256
        elif kind == 2:
            cur = (line + prev) % 256
        else:
            cur = line.copy()
            for x in range(len(cur)):
                a = cur[x - bpp] if x >= bpp else 0
                b = prev[x]
                if kind == 3:
                    cur[x] = (cur[x] + (a + b) // 2) % 256
                else:
                    cc = prev[x - bpp] if x >= bpp else 0
                    p = a + b - cc
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - cc)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else cc)
                    cur[x] = (cur[x] + pred) % 256
        out[y] = cur
        prev = cur
    return out


# --------------------------------------------------------------------------------------------
# Rendering in a child process


def render_in_subprocess(request: dict, *, timeout: float = 300.0) -> Path:
    """Render in a fresh Python process (for callers whose own GL state rules out EGL).

    ``request`` keys: ``output`` (PNG path), ``frames`` (list of ``[values, label]``, values being
    61 numbers, label a string or null), optional ``head`` (a .glb/.gltf path; default head
    otherwise), ``view``, ``size`` ([w, h], per cell for sheets), ``wireframe``, ``sheet`` (bool),
    ``columns``. Returns the output path; raises :class:`RenderUnavailableError` or
    :class:`RenderRequestError` with the worker's message on failure.
    """
    payload = json.dumps(request)
    proc = subprocess.run(
        [sys.executable, "-m", "kfstudio.render.offscreen", "-"],
        input=payload, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONPATH": _package_root() + os.pathsep + os.environ.get("PYTHONPATH", "")},
    )
    if proc.returncode == 0:
        return Path(request["output"])
    message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit status {proc.returncode}"
    if proc.returncode == 3:
        raise RenderUnavailableError(message)
    raise RenderRequestError(message)


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def load_head(path=None):
    """The default head, or the glTF head at ``path``."""
    if path is None:
        return default_head()
    if not Path(path).exists():
        raise RenderRequestError(f"{path}: no such head file")
    return load_gltf_head(path)


def run_request(request: dict) -> Path:
    """Carry out one render request (the format of :func:`render_in_subprocess`)."""
    try:
        output = request["output"]
        frames = [(np.asarray(v, dtype=np.float64), label) for v, label in request["frames"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise RenderRequestError(f"bad render request: missing or malformed field ({exc})") from None
    head = load_head(request.get("head"))
    size = request.get("size", (512, 512))
    view = request.get("view", "front")
    if request.get("sheet"):
        image = render_sheet(head, frames, columns=request.get("columns"), size_per=size, view=view)
    else:
        if len(frames) != 1:
            raise RenderRequestError(f"a single image needs exactly one frame, got {len(frames)}")
        values, label = frames[0]
        renderer = _renderer_for(head, size)
        image = renderer.render(values, view=view, wireframe=bool(request.get("wireframe")), label=label)
    return write_png(output, image)


def main(argv: list[str] | None = None) -> int:
    """Worker entry point: ``python -m kfstudio.render.offscreen REQUEST.json`` (``-`` reads stdin)."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m kfstudio.render.offscreen REQUEST.json|-", file=sys.stderr)
        return 2
    source = argv[0]
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        request = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"cannot read render request {source}: {exc}", file=sys.stderr)
        return 2
    try:
        run_request(request)
    except RenderUnavailableError as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
