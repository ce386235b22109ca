"""The 3D viewport: the head at the playhead, drawn by vispy inside the Qt window.

The head is one :data:`kfstudio.render.visual.HeadMesh` node whose vertex buffers are overwritten in place
for every new pose, so scrubbing and playback cost one rig evaluation and one draw. Camera: a
turntable (left-drag orbits at :data:`ORBIT_DEG_PER_PX`, right-drag or wheel zooms, Shift+drag pans);
:meth:`Viewport.frame_face`, front, three-quarter and side views. :meth:`Viewport.render_thumbnail` draws any pose offscreen into a small image
with the same GL context (for the timeline).

Playback speed on software OpenGL (llvmpipe) is bound by the pixels shaded: while the document plays,
the scene is drawn into an offscreen buffer of at most :data:`PLAYBACK_PIXELS` pixels and stretched
over the canvas (:class:`ScaledDraw`), fewer (down to :data:`PLAYBACK_PIXELS_MIN`) on a machine whose frames come
late (:func:`adapt_playback_pixels`, checked every few frames while playing); the full resolution comes back on the
first frame after playback stops. Scrubbing does the same: a pose that follows another within :data:`SETTLE_MS` is drawn small,
and the head is drawn again at full size once the playhead rests for that long.

The triangles, not the pixels, are most of a frame's cost on llvmpipe: a head is drawn with its back faces culled
(half the triangles rasterised) once :meth:`Viewport._check_culling` has found, from :data:`CULL_CHECK_VIEWS` with
the jaw open, that no back face ever shows (:mod:`kfstudio.render.sides`); a head that fails, or is wound inside
out, is drawn from both sides as before.

The canvas sits in a native window of its own embedded in the dock (``createWindowContainer``), built
on the viewport's first show: a top-level window holding a QOpenGLWidget is recomposited through OpenGL
as a whole every frame, which on software GL cost ~10 ms a frame for the whole editor window. Keys
pressed while that window has the focus are matched against the editor window's shortcuts.

vispy is imported when a :class:`Viewport` is built, never at module import. A platform that cannot
host an OpenGL canvas (``QT_QPA_PLATFORM=offscreen``) gets a :class:`ViewportPlaceholder` instead.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from .. import channels as ch
from .session import EditorSession

__all__ = ["Viewport", "ViewportPlaceholder", "ScaledDraw", "can_host_gl", "load_head_file", "PLAYBACK_PIXELS",
           "PLAYBACK_PIXELS_MIN", "adapt_playback_pixels", "SETTLE_MS"]

_FOV = 22.0
_BACKGROUND = (0.105, 0.11, 0.125, 1.0)
#: Most pixels shaded per frame during playback (about 400 × 300); the image is stretched to the canvas.
PLAYBACK_PIXELS = 90_000
#: Fewest pixels shaded per frame during playback: where frames still come late the budget stops shrinking here.
PLAYBACK_PIXELS_MIN = 30_000
#: New poses drawn between two checks of whether playback keeps up with the document's frame rate.
_ADAPT_FRAMES = 12


def adapt_playback_pixels(budget: int, intervals_ms: list[float], period_ms: float) -> int:
    """The pixel budget for the next frames of playback: a quarter smaller (down to :data:`PLAYBACK_PIXELS_MIN`)
    where the median time between new poses in ``intervals_ms`` is over 5 % late on the document's frame period,
    else unchanged. Software OpenGL is bound by the pixels it shades, so a slower machine plays in real time at a
    coarser image (the full image comes back when playback stops)."""
    if not intervals_ms:
        return budget
    if float(np.median(intervals_ms)) > 1.05 * period_ms:
        return max(PLAYBACK_PIXELS_MIN, int(budget * 0.75))
    return budget
#: A playhead at rest this long (ms) after a scrub is drawn again at full resolution.
SETTLE_MS = 150

_BLIT_VERTEX = """
attribute vec2 a_position;
varying vec2 v_uv;
void main() {
    v_uv = 0.5 * (a_position + 1.0);
    gl_Position = vec4(a_position, 0.0, 1.0);
}
"""
_BLIT_FRAGMENT = """
uniform sampler2D u_image;
varying vec2 v_uv;
void main() {
    gl_FragColor = vec4(texture2D(u_image, v_uv).rgb, 1.0);
}
"""


class ScaledDraw:
    """Draws a vispy ``SceneCanvas`` at a fraction of its resolution, then stretches the image over it.

    ``scale`` is the linear factor (1 = draw normally). The offscreen colour texture and depth buffer
    are kept between frames and rebuilt only when the canvas size or the scale changes.
    """

    def __init__(self, canvas) -> None:
        from vispy import gloo

        self.canvas = canvas
        self.scale = 1.0
        self._gloo = gloo
        self._fbo = None
        self._shape: tuple[int, int] | None = None
        self._blit = gloo.Program(_BLIT_VERTEX, _BLIT_FRAGMENT)
        self._blit["a_position"] = np.array([[-1, -1], [1, -1], [-1, 1], [1, 1]], dtype=np.float32)
        canvas.events.draw.disconnect(canvas.on_draw)
        canvas.events.draw.connect(self.on_draw)

    def offscreen_shape(self) -> tuple[int, int]:
        """(height, width) in pixels of the offscreen image for the current canvas size and scale."""
        w, h = self.canvas.physical_size
        return max(1, round(h * self.scale)), max(1, round(w * self.scale))

    def on_draw(self, event) -> None:
        canvas = self.canvas
        if self.scale >= 0.999 or canvas._fb_stack:  # full size, or inside canvas.render()
            canvas.on_draw(event)
            return
        # Pushing and popping the framebuffer reconfigures the canvas transforms, which asks for
        # another draw: swallow those requests while drawing this frame.
        canvas._update_pending = True
        try:
            self._draw_scaled()
        finally:
            canvas._update_pending = False

    def read_small(self, width: int) -> np.ndarray:
        """The scene drawn offscreen ``width`` pixels wide (the canvas's aspect) and read back, (H, W, 4) uint8;
        the canvas itself is not touched."""
        gloo = self._gloo
        w, h = self.canvas.physical_size
        shape = (max(1, round(h * width / max(w, 1))), width)
        fbo = gloo.FrameBuffer(color=gloo.RenderBuffer(shape + (4,)), depth=gloo.RenderBuffer(shape))
        canvas = self.canvas
        canvas.set_current()
        canvas._update_pending = True  # (as in on_draw)
        fbo.activate()
        try:
            canvas.context.set_viewport(0, 0, shape[1], shape[0])
            canvas._draw_scene()
            return fbo.read()
        finally:
            fbo.deactivate()
            canvas.context.set_viewport(0, 0, *canvas.physical_size)
            canvas._update_pending = False

    def _draw_scaled(self) -> None:
        canvas = self.canvas
        shape = self.offscreen_shape()
        if shape != self._shape:
            gloo = self._gloo
            texture = gloo.Texture2D(shape=shape + (4,), interpolation="linear")
            self._fbo = gloo.FrameBuffer(color=texture, depth=gloo.RenderBuffer(shape))
            self._blit["u_image"] = texture
            self._shape = shape
        # The framebuffer is bound directly, not through canvas.push_fbo: the scene's transforms end
        # in normalised device coordinates, which the smaller viewport maps onto the smaller image,
        # and re-configuring vispy's transform system twice a frame cost about 3 ms.
        context = canvas.context
        self._fbo.activate()
        try:
            context.set_viewport(0, 0, shape[1], shape[0])
            canvas._draw_scene()
        finally:
            self._fbo.deactivate()
            context.set_viewport(0, 0, *canvas.physical_size)
        self._gloo.set_state(depth_test=False, blend=False, cull_face=False)
        self._blit.draw("triangle_strip")


def can_host_gl() -> bool:
    """False on Qt platforms without OpenGL windows (offscreen, minimal)."""
    platform = QGuiApplication.platformName() or os.environ.get("QT_QPA_PLATFORM", "")
    return platform not in ("offscreen", "minimal", "vnc")


def load_head_file(path: str | Path) -> tuple[object, list[str]]:
    """A head from a ``.npz`` (the project's own archive) or a glTF/GLB file with morph targets, and
    the warnings to show (the ARKit shapes a glTF head lacks). Bad files raise ``ValueError`` (the
    readers' errors name the file) or ``OSError``."""
    p = Path(path)
    if p.suffix.lower() in (".gltf", ".glb"):
        import warnings

        from ..io.gltf_head import load_gltf_head

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the missing shapes are returned and shown instead
            head = load_gltf_head(p)
        missing = list(head.missing)
        if missing:
            return head, [f"{p.name} has no shape for {len(missing)} of the 52 ARKit channels "
                          f"(they will not move): {', '.join(missing)}"]
        return head, []
    from ..rig.head import load_head_npz

    return load_head_npz(p), []


#: Orbit speed: degrees the head turns per pixel of mouse drag (vispy's turntable turns 0.5°, so a
#: 100 px drag spun the head by 50-75°: hard to aim at a view; 0.27 gives 27° per 100 px).
ORBIT_DEG_PER_PX = 0.27
THREE_QUARTER_AZIMUTH = 40.0  # degrees from the front (toward the character's right)
#: Width in pixels of the images :meth:`Viewport._check_culling` draws.
CULL_CHECK_WIDTH = 320
#: (azimuth, elevation) in degrees from which :meth:`Viewport._check_culling` looks for back faces that show.
CULL_CHECK_VIEWS = ((0.0, 4.0), (THREE_QUARTER_AZIMUTH, 8.0), (-THREE_QUARTER_AZIMUTH, 8.0), (90.0, 2.0),
                    (-90.0, 2.0), (0.0, -20.0), (0.0, 30.0))
_TURNTABLE = None


def _turntable(scene):
    """vispy's TurntableCamera at :data:`ORBIT_DEG_PER_PX` (the class is built on first use: vispy is
    imported lazily)."""
    global _TURNTABLE
    if _TURNTABLE is None:

        class GentleTurntable(scene.cameras.TurntableCamera):
            def _update_rotation(self, event):
                p1 = event.mouse_event.press_event.pos
                p2 = event.mouse_event.pos
                if self._event_value is None:
                    self._event_value = self.azimuth, self.elevation
                d = (p2 - p1) * ORBIT_DEG_PER_PX  # event positions are logical pixels
                self.azimuth = self._event_value[0] - d[0]
                self.elevation = self._event_value[1] + d[1]

        _TURNTABLE = GentleTurntable
    return _TURNTABLE


class ViewportPlaceholder(QLabel):
    """Stands in for the viewport where OpenGL is unavailable (tests, remote sessions)."""

    def __init__(self, reason: str, parent=None) -> None:
        super().__init__(f"3D viewport unavailable: {reason}", parent)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(200, 160)

    def frame_face(self) -> None:
        pass


class Viewport(QWidget):
    """vispy canvas showing the session's head at the playhead (see the module docstring)."""

    def __init__(self, session: EditorSession, head=None, parent=None) -> None:
        super().__init__(parent)
        from vispy import app as vispy_app

        vispy_app.use_app("pyside6")
        self.session = session
        # The canvas (a QOpenGLWidget) lives in a native window of its own, embedded here: a window
        # holding a QOpenGLWidget is recomposited through OpenGL as a whole on every frame, which on
        # software GL cost the editor ~10 ms a frame; now only this small window is. The canvas can
        # only be created once that window is on screen: see _build_canvas (first show).
        # Embedding a native window makes the container's ancestors native, and by default their
        # siblings too: the other docks then get native windows of their own, and a menu or dialog
        # opened from one of them warns "QWidgetWindow(... "dock_timelineWindow") must be a top level
        # window". Only the ancestors need to be native.
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontCreateNativeWidgetSiblings, True)
        self._holder = QWidget()
        self._holder.setObjectName("viewportWindow")
        self._holder.winId()
        self._container = QWidget.createWindowContainer(self._holder.windowHandle(), self)
        self._container.setMinimumSize(240, 200)
        self.destroyed.connect(self._holder.deleteLater)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._container)
        self.canvas = None
        self.view = None
        self.scaled = None
        self.mesh = None
        self.rig = None
        #: whether the head shown is drawn with back faces culled (:meth:`_check_culling`); None until checked
        self.back_faces_culled: bool | None = None
        self._pending_head = head
        self.draws = 0  # canvas draws
        self.frames_drawn = 0  # draws that showed a new pose (what playback fps counts)
        self.playback_pixels = PLAYBACK_PIXELS  # this machine's budget while playing (adapt_playback_pixels)
        self._frame_times: list[float] = []
        self._pose_pending = False
        self._last_pose_at = -1.0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._draw_full)
        self.last_pose_ms = 0.0
        self._shown_key: tuple | None = None
        session.timeChanged.connect(self.refresh)
        session.documentChanged.connect(self.refresh)
        session.playingChanged.connect(self._on_playing)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.canvas is None:
            self._build_canvas()
        elif self.mesh is not None and self.back_faces_culled is None:  # hidden when its head came
            QTimer.singleShot(0, self, self._check_culling)

    def _build_canvas(self) -> None:
        """Create the vispy canvas in the (now visible) embedded window, then the head."""
        from vispy import scene

        self._holder.show()
        # autoswap off: a QOpenGLWidget is composited by Qt; swapping its context ourselves only cost time.
        self.canvas = scene.SceneCanvas(keys=None, bgcolor=_BACKGROUND, show=False, parent=self._holder, autoswap=False)
        self.canvas.native.setMinimumSize(240, 200)
        holder_layout = QVBoxLayout(self._holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.canvas.native)
        self.scaled = ScaledDraw(self.canvas)
        self.view = self.canvas.central_widget.add_view()
        self.view.camera = _turntable(scene)(fov=_FOV, up="+y")
        self.view.camera.depth_value = 10.0
        self.canvas.events.draw.connect(self._count_draw)
        # The embedded window is a top-level of its own, outside the editor window's shortcuts:
        # keys pressed while the viewport has the focus are matched against the editor's actions.
        self.canvas.native.installEventFilter(self)
        head, self._pending_head = self._pending_head, None
        self.set_head(head)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.KeyPress and obj is getattr(self.canvas, "native", None):
            action = self.shortcut_action(QKeySequence(event.keyCombination()))
            if action is not None:
                action.trigger()
                return True
        return super().eventFilter(obj, event)

    def shortcut_action(self, keys: QKeySequence):
        """The enabled action whose shortcut is ``keys`` of the window holding the viewport, or of the
        windows above it (a floating dock's editor window), or None."""
        window = self.window()
        if window is self:
            return None
        while window is not None:
            for action in window.actions():
                if action.isEnabled() and any(s.matches(keys) == QKeySequence.ExactMatch for s in action.shortcuts()):
                    return action
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return None

    # ------------------------------------------------------------------ head
    def set_head(self, head=None) -> None:
        """Show another head (default: the bundled one) and frame its face."""
        if self.canvas is None:  # not shown yet: used when the canvas is built
            self._pending_head = head
            return
        from ..rig.evaluate import Rig
        from ..rig.head import default_head
        from ..render.visual import HeadMesh

        head = default_head() if head is None else head
        self.rig = Rig(head)
        wireframe = bool(self.mesh is not None and self.mesh.wireframe)
        if self.mesh is not None:
            self.mesh.parent = None
        positions, normals = self.rig.evaluate(ch.NEUTRAL.copy())
        self.mesh = HeadMesh(head, positions, normals, wireframe=wireframe, parent=self.view.scene)
        self.back_faces_culled = None
        QTimer.singleShot(0, self, self._check_culling)  # once the first frame is on screen
        from ..render.offscreen import face_vertices

        self._neutral = face_vertices(head)
        self._shown_key = None
        self.front_view()
        self.refresh()

    def _check_culling(self, mesh=None, view: int = 0) -> None:
        """Draw this head with back faces culled (half the triangles rasterised) only if, with the jaw open,
        no back face shows from any of :data:`CULL_CHECK_VIEWS` (:func:`kfstudio.render.sides.back_faces_show`);
        a head with no inside to its mouth, or wound inside out, is drawn from both sides as before. One view
        per turn of the event loop (each about the time of one frame), the shown pose and camera restored
        after each."""
        from ..render.sides import back_faces_show
        from ..render.visual import FACING_MODE, SHADED_MODE

        mesh = self.mesh if mesh is None else mesh
        if mesh is None or mesh is not self.mesh or not self.canvas.native.isVisible():
            return  # another head came meanwhile (it has its own check), or nothing to draw into
        if not mesh.can_cull:  # every part drawn from both sides anyway: nothing to check
            mesh.cull = self.back_faces_culled = False
            return
        values = ch.NEUTRAL.copy()
        values[ch.channel_index("JawOpen")] = 1.0
        cam = self.view.camera
        saved = (cam.center, cam.distance, cam.azimuth, cam.elevation)
        try:
            mesh.set_pose(*self.rig.evaluate(values))
            mesh.mode = FACING_MODE
            self.set_view(*CULL_CHECK_VIEWS[view])
            shows = back_faces_show(self.scaled.read_small(CULL_CHECK_WIDTH))
        except Exception:  # no image to judge by: draw both sides, as always
            shows = True
        finally:
            mesh.mode = SHADED_MODE
            cam.center, cam.distance, cam.azimuth, cam.elevation = saved
            # the pose shown again, directly: refresh() would take the check's quick succession of poses for a scrub
            # (a small image until it settles) and count a new frame drawn
            mesh.set_pose(*self.rig.evaluate(self.session.pose()))
        if not shows and view + 1 < len(CULL_CHECK_VIEWS):
            QTimer.singleShot(0, self, lambda: self._check_culling(mesh, view + 1))
            return
        mesh.cull = self.back_faces_culled = not shows
        self.canvas.update()

    # ------------------------------------------------------------------ camera
    def _framing(self) -> tuple[tuple[float, float, float], float]:
        # the face: crown to chin (render.offscreen.face_vertices), fitted with a small margin
        lo, hi = self._neutral.min(axis=0), self._neutral.max(axis=0)
        centre = (lo + hi) / 2
        half = 0.5 * max(hi[1] - lo[1], hi[0] - lo[0]) * 1.04
        distance = half / math.tan(math.radians(_FOV / 2)) + (hi[2] - lo[2]) / 2
        return tuple(float(c) for c in centre), float(distance)

    def set_view(self, azimuth: float, elevation: float = 4.0) -> None:
        """Look from ``azimuth`` degrees (0 = front, 90 = the character's right side)."""
        if self.mesh is None:
            return
        cam = self.view.camera
        centre, distance = self._framing()
        cam.center = centre
        cam.distance = distance
        cam.azimuth, cam.elevation = 90.0 - azimuth, elevation  # vispy's azimuth 0 looks along +X
        self.canvas.update()

    def frame_face(self) -> None:
        """Centre and fit the face, keeping the current direction of view."""
        if self.mesh is None:
            return
        cam = self.view.camera
        self.set_view(90.0 - cam.azimuth, cam.elevation)

    def front_view(self) -> None:
        self.set_view(0.0)

    def side_view(self) -> None:
        self.set_view(90.0, 2.0)

    def three_quarter_view(self) -> None:
        """Halfway between front and side, a little from above: the portrait view."""
        self.set_view(THREE_QUARTER_AZIMUTH, 8.0)

    def set_wireframe(self, on: bool) -> None:
        if self.mesh is None:
            return
        self.mesh.wireframe = bool(on)
        self.mesh.update()

    # ------------------------------------------------------------------ pose
    def playback_scale(self) -> float:
        """Linear drawing scale used while playing: at most :attr:`playback_pixels` pixels shaded (at most
        :data:`PLAYBACK_PIXELS`, fewer where this machine's frames came late)."""
        if self.canvas is None:
            return 1.0
        w, h = self.canvas.physical_size
        return min(1.0, math.sqrt(self.playback_pixels / max(w * h, 1)))

    @Slot(bool)
    def _on_playing(self, playing: bool) -> None:
        """Draw fewer pixels while playing; full size again when playback stops."""
        self._settle.stop()
        self._frame_times = []
        if playing:  # a budget shrunk by a busy moment grows back a little each time playback starts
            self.playback_pixels = min(PLAYBACK_PIXELS, int(self.playback_pixels * 1.25))
        if self.canvas is None:
            return
        self.scaled.scale = self.playback_scale() if playing else 1.0
        self.canvas.update()

    @Slot()
    def refresh(self, *_args) -> None:
        """Pose the head at the playhead (skipped when that pose is already shown)."""
        key = (self.session.anim.version, self.session.time, id(self.session.anim))
        if key == self._shown_key or self.mesh is None:
            return
        self._shown_key = key
        start = time.perf_counter()
        if not self.session.playing and start - self._last_pose_at < SETTLE_MS / 1e3:
            self.scaled.scale = self.playback_scale()  # scrubbing: small while moving
            self._settle.start()
        self._last_pose_at = start
        positions, normals = self.rig.evaluate(self.session.pose())
        self.mesh.set_pose(positions, normals)
        self.last_pose_ms = (time.perf_counter() - start) * 1e3
        self._pose_pending = True
        self.canvas.update()

    @Slot()
    def _draw_full(self) -> None:
        """The playhead rests: draw at full resolution again (not while playing)."""
        if self.canvas is not None and not self.session.playing and self.scaled.scale != 1.0:
            self.scaled.scale = 1.0
            self.canvas.update()

    def _count_draw(self, _event) -> None:
        self.draws += 1
        if self._pose_pending:
            self._pose_pending = False
            self.frames_drawn += 1
            if self.session.playing:
                self._adapt_to_frame_rate()

    def _adapt_to_frame_rate(self) -> None:
        """Every :data:`_ADAPT_FRAMES` new poses while playing, shade fewer pixels if they came late."""
        self._frame_times.append(time.perf_counter())
        if len(self._frame_times) <= _ADAPT_FRAMES:
            return
        times = np.asarray(self._frame_times)
        self._frame_times = self._frame_times[-1:]
        budget = adapt_playback_pixels(self.playback_pixels, list(np.diff(times) * 1e3), 1e3 / max(self.session.fps, 1.0))
        if budget != self.playback_pixels:
            self.playback_pixels = budget
            self.scaled.scale = self.playback_scale()

    def render_thumbnail(self, values: np.ndarray, size: int = 112) -> QImage | None:
        """An image of the head in ``values`` from the front, drawn offscreen; the view is restored."""
        if self.mesh is None or not self.canvas.native.isVisible() or min(self.canvas.size) < 120:
            return None
        cam = self.view.camera
        saved = (cam.center, cam.distance, cam.azimuth, cam.elevation)
        try:
            positions, normals = self.rig.evaluate(np.asarray(values, dtype=np.float64))
            self.mesh.set_pose(positions, normals)
            centre, distance = self._framing()
            # crop to the face: brows to chin, a little closer than the whole head
            lo, hi = self._neutral.min(axis=0), self._neutral.max(axis=0)
            centre = (centre[0], centre[1] - 0.09 * (hi[1] - lo[1]), centre[2])
            cam.center, cam.distance, cam.azimuth, cam.elevation = centre, distance * 0.72, 90.0, 4.0
            # (vispy's render(size=...) draws an empty image here and render(region=...) drifts:
            # render the whole canvas 1:1, crop the centre square, scale it with Qt.)
            full = self.canvas.render(alpha=False)
            h, w = full.shape[:2]
            side = min(w, h)
            y0, x0 = (h - side) // 2, (w - side) // 2
            pixels = np.ascontiguousarray(full[y0:y0 + side, x0:x0 + side])
        except Exception:
            return None
        finally:
            cam.center, cam.distance, cam.azimuth, cam.elevation = saved
            self._shown_key = None
            self.refresh()
        h, w = pixels.shape[:2]
        fmt = QImage.Format_RGB888 if pixels.shape[2] == 3 else QImage.Format_RGBA8888
        image = QImage(pixels.data, w, h, pixels.strides[0], fmt)
        return image.scaled(size, size, Qt.KeepAspectRatio, Qt.SmoothTransformation)
