"""The keyframe timeline (ruler, playhead, one marker per keyframe) and real-time playback.

:class:`Timeline` draws a time ruler, a marker per keyframe labelled with its description (the whole
text on hover), an optional thumbnail of the head at each keyframe, the play range and the playhead.
A keyframe generated from another text (stale) gets a red ring; one left with the planner's draft,
not refined by the learned layer (generation stopped between the two stages), a dashed light-blue
ring with a "D" tag, and says so in its tooltip.
Mouse: click or drag on the ruler scrubs; click a marker to select it (Ctrl adds), drag it to retime
(snapped to frames, ONE undo step per drag, Escape cancels); drag on empty track to select a range
(it becomes the loop range); double-click keys the pose; wheel zooms around the pointer; the context
menu adds, duplicates, deletes, refines and re-proposes keyframes.

:class:`Playback` plays at the document fps against the wall clock: when drawing a frame takes too
long, frames are dropped, time is never slowed.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from ..animation import commands as cmd
from .session import EditorSession

__all__ = ["Timeline", "Playback", "ThumbnailCache"]

RULER_H = 22
THUMB = 56
MARKER_Y = RULER_H + THUMB + 14
LEFT = 8
_BG = QColor(38, 40, 44)
_TRACK = QColor(46, 48, 53)
_RULER = QColor(30, 31, 35)
_TEXT = QColor(200, 203, 210)
_DIM = QColor(120, 124, 132)
_KEY = QColor(232, 185, 70)
_KEY_SEL = QColor(255, 240, 160)
_KEY_SPARSE = QColor(150, 160, 175)
_PLAYHEAD = QColor(230, 70, 60)
_RANGE = QColor(90, 140, 220, 45)
_PENDING = QColor(240, 173, 78)
_STALE = QColor(217, 83, 79)
_DRAFT = QColor(91, 192, 222)  # a dashed light-blue ring: the planner's draft, not refined

#: The tooltip's note on a keyframe left with the planner's draft (see Timeline.set_draft).
DRAFT_TIP = "planner draft — not refined by the learned layer; Refine to refine it"


def _diamond_sprite(style: str, r: float, dpr: float) -> QPixmap:
    """A key diamond of half-size ``r`` in ``style`` ("sparse", "described", "pending", "selected"),
    pre-rendered at device pixel ratio ``dpr`` (cached). The pixmap is ``2 * r + 4`` pixels wide,
    the diamond centred in it."""
    key = (style, r, dpr)
    sprite = _SPRITES.get(key)
    if sprite is None:
        side = 2 * r + 4
        sprite = QPixmap(int(math.ceil(side * dpr)), int(math.ceil(side * dpr)))
        sprite.setDevicePixelRatio(dpr)
        sprite.fill(Qt.transparent)
        p = QPainter(sprite)
        p.setRenderHint(QPainter.Antialiasing)
        if style == "pending":
            p.setPen(QPen(_PENDING, 2))
            p.setBrush(Qt.NoBrush)
        elif style == "stale":  # values generated from another text: a red outline around grey
            p.setPen(QPen(_STALE, 2))
            p.setBrush(QBrush(_KEY_SPARSE))
        else:
            color = {"selected": _KEY_SEL, "described": _KEY, "sparse": _KEY_SPARSE}[style]
            p.setPen(QPen(color.darker(160), 1))
            p.setBrush(QBrush(color))
        c = side / 2
        p.drawPolygon([QPointF(c, c - r), QPointF(c + r, c), QPointF(c, c + r), QPointF(c - r, c)])
        p.end()
        _SPRITES[key] = sprite
    return sprite


_SPRITES: dict[tuple, QPixmap] = {}


def _next_described_times(kfs: list) -> list[float | None]:
    """For each keyframe of ``kfs`` (sorted by time), the time of the next one with a description."""
    out: list[float | None] = [None] * len(kfs)
    nxt = None
    for i in range(len(kfs) - 1, -1, -1):
        out[i] = nxt
        if kfs[i].description:
            nxt = kfs[i].time
    return out


class ThumbnailCache:
    """Head thumbnails per keyframe, re-rendered only when that keyframe's pose changes.

    ``render(values) -> QImage | None`` does the drawing (the viewport provides it); renders are
    spread over timer ticks, one per tick, so the GUI never stalls on a batch of them.
    """

    def __init__(self, render: Callable[[np.ndarray], QImage | None] | None = None) -> None:
        self.render = render
        self._images: dict[str, tuple[bytes, QImage]] = {}
        self._wanted: dict[str, np.ndarray] = {}

    def get(self, uid: str, values: np.ndarray) -> QImage | None:
        """The cached image if it matches ``values``; otherwise queue a render and return the old one."""
        key = np.asarray(values, dtype=np.float32).tobytes()
        hit = self._images.get(uid)
        if hit is not None and hit[0] == key:
            return hit[1]
        if self.render is not None:
            self._wanted[uid] = np.array(values, dtype=np.float64)
        return hit[1] if hit else None

    @property
    def has_work(self) -> bool:
        return bool(self._wanted) and self.render is not None

    def render_one(self) -> bool | None:
        """Render one queued thumbnail: True when done, False when the renderer is not ready (kept
        queued), None when there is nothing to render."""
        if not self.has_work:
            return None
        uid, values = next(iter(self._wanted.items()))
        image = self.render(values)
        if image is None:
            return False
        del self._wanted[uid]
        self._images[uid] = (np.asarray(values, dtype=np.float32).tobytes(), image)
        return True

    def prune(self, alive: set[str]) -> None:
        for uid in [u for u in self._images if u not in alive]:
            del self._images[uid]
        for uid in [u for u in self._wanted if u not in alive]:
            del self._wanted[uid]


class Playback(QObject):
    """Plays the session's document in real time (dropping frames, never slowing time)."""

    frameShown = Signal(float)

    def __init__(self, session: EditorSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loop = True
        self.range: tuple[float, float] | None = None  # play range; None = the whole document
        self.speed = 1.0  # playback speed (1 = real time)
        self.frames_shown = 0
        self._timer = QTimer(self)  # single shot, aimed at the start of the next frame (see _tick)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._origin = 0.0
        session.playingChanged.connect(self._on_playing)

    def bounds(self) -> tuple[float, float]:
        start, end = 0.0, self.session.end_time
        if self.range is not None and self.range[1] - self.range[0] > 0.5 / self.session.fps:
            start, end = self.range
        return start, end

    def toggle(self) -> None:
        self.session.set_playing(not self.session.playing)

    def set_speed(self, speed: float) -> None:
        """Play at ``speed`` times real time (from the current time on, when playing)."""
        speed = float(speed)
        if not (math.isfinite(speed) and speed > 0):
            raise ValueError(f"playback speed must be a positive number, got {speed!r}")
        if self.session.playing:
            self._origin = self.session.time
            self._clock.start()
        self.speed = speed
        if self.session.playing:
            self._timer.start(0)  # the pending tick was aimed at the next frame at the old speed

    @Slot(bool)
    def _on_playing(self, playing: bool) -> None:
        if playing:
            start, end = self.bounds()
            if not start <= self.session.time < end - 0.5 / self.session.fps:
                self.session.set_time(start)
            self._origin = self.session.time
            self._clock.start()
            self.frames_shown = 0
            self._tick()
        else:
            self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        start, end = self.bounds()
        t = self._origin + self._clock.nsecsElapsed() * 1e-9 * self.speed
        if t >= end:
            if not self.loop:
                self.session.set_time(end)
                self.session.set_playing(False)
                return
            t = start + (t - start) % max(end - start, 1e-6)
            self._origin, t = t, t
            self._clock.start()
        fps = self.session.fps
        frame = math.floor(t * fps + 1e-6)
        frame_t = frame / fps
        if frame_t != self.session.time:
            self.session.set_time(frame_t)
            self.frames_shown += 1
            self.frameShown.emit(frame_t)
        if self.session.playing:
            # The next tick is due when the next frame starts (a timer sampling at a fixed rate found each new
            # frame up to half a frame late, and on a busy machine that lateness dropped frames).
            now = self._origin + self._clock.nsecsElapsed() * 1e-9 * self.speed
            wait_s = ((frame + 1) / fps - now) / self.speed
            self._timer.start(max(0, math.ceil(wait_s * 1e3)))


class Timeline(QWidget):
    """Keyframe timeline (see the module docstring)."""

    #: "refine" / "repropose" asked for keyframe ids (the main window routes it to the controller)
    regenerateRequested = Signal(list, str)
    #: the play range changed (None = whole document)
    rangeChanged = Signal(object)

    def __init__(self, session: EditorSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.thumbnails = ThumbnailCache()
        self.pending: set[str] = set()  # keyframes being generated (drawn hollow)
        self.stale: set[str] = set()  # keyframes whose values come from another text (red outline)
        self.draft: set[str] = set()  # keyframes left with the planner's draft (dashed blue ring)
        self.play_range: tuple[float, float] | None = None
        self.axis = None  # a shared TimeAxis (see link_axis); else the span lives here
        self._view = (0.0, 5.0)
        self._span: tuple[float, float] | None = None  # cached _pixel_span
        self._auto_fit = True
        self._drag: dict | None = None
        self._playhead_x = 0.0  # where the playhead was last drawn (for partial repaints)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.ClickFocus)
        self.setMinimumHeight(MARKER_Y + 34)
        self.font_small = QFont(self.font())
        self.font_small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        session.documentChanged.connect(self._on_document_changed)
        session.timeChanged.connect(self._on_time_changed)
        session.selectionChanged.connect(self.update)
        session.timeDisplayChanged.connect(self.update)
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(15)
        self._thumb_timer.timeout.connect(self._render_thumbnail)
        self._on_document_changed()

    # ------------------------------------------------------------------ geometry
    @property
    def view(self) -> tuple[float, float]:
        """The visible time span (the shared axis's, when linked)."""
        return self.axis.range if self.axis is not None else self._view

    @view.setter
    def view(self, span: tuple[float, float]) -> None:
        self._view = (float(span[0]), float(span[1]))
        if self.axis is not None:
            self.axis.set_range(*self._view)

    def link_axis(self, axis) -> None:
        """Share ``axis`` (a :class:`~.time_axis.TimeAxis`) with the curve editor and the dope sheet."""
        self.axis = axis
        axis.set_range(*self._view)
        axis.changed.connect(self._on_axis_changed)

    @Slot()
    def _on_axis_changed(self) -> None:
        if self.axis.range != self._view:  # zoomed or panned in another view: keep that view
            self._view = self.axis.range
            self._auto_fit = False
        self._span = None
        self.update()

    def resizeEvent(self, event) -> None:
        self._span = None
        super().resizeEvent(event)

    def moveEvent(self, event) -> None:
        self._span = None
        super().moveEvent(event)

    def _pixel_span(self) -> tuple[float, float]:
        """The x pixels (left, right) the visible span maps onto: the shared axis's reference view's
        plot area when it lies across this widget (so times line up with it), else the own width.
        Cached until the axis, or this widget's geometry, changes."""
        if self._span is None:
            self._span = self._compute_pixel_span()
        return self._span

    def _compute_pixel_span(self) -> tuple[float, float]:
        if self.axis is not None:
            origin = self.mapToGlobal(QPointF(0, 0)).x()
            for ref in self.axis.reference_extents():
                left, right = ref[0] - origin, ref[1] - origin
                if -1 <= left < right <= self.width() + 1:
                    return left, right
        return LEFT, self.width() - LEFT

    def frame_all(self) -> None:
        end = max(self.session.end_time, 1.0)
        self.view = (-0.02 * end, end * 1.04)
        self._auto_fit = True
        self.update()

    @property
    def px_per_s(self) -> float:
        left, right = self._pixel_span()
        return max(1e-6, (right - left) / max(self.view[1] - self.view[0], 1e-6))

    def x_of(self, t: float) -> float:
        return self._pixel_span()[0] + (t - self.view[0]) * self.px_per_s

    def t_of(self, x: float) -> float:
        return self.view[0] + (x - self._pixel_span()[0]) / self.px_per_s

    def marker_at(self, pos: QPointF) -> str | None:
        """Id of the keyframe whose marker (diamond, label or thumbnail) is under ``pos``."""
        if pos.y() < RULER_H:
            return None
        reach = THUMB / 2 if pos.y() < MARKER_Y - 8 else 9.0
        best, best_d = None, math.inf
        for k in self.session.anim.keyframes:
            d = abs(self.x_of(k.time) - pos.x())
            if d <= reach and d < best_d:
                best, best_d = k.uid, d
        return best

    # ------------------------------------------------------------------ model → view
    @Slot()
    def _on_document_changed(self) -> None:
        self.thumbnails.prune({k.uid for k in self.session.anim.keyframes})
        if self._auto_fit and self._drag is None:
            self.frame_all()
        self.update()
        if self.thumbnails.render is not None:
            self._thumb_timer.start()

    @Slot(float)
    def _on_time_changed(self, t: float) -> None:
        if self.session.playing and not self.view[0] <= t <= self.view[1]:
            span = self.view[1] - self.view[0]
            self.view = (t - 0.05 * span, t + 0.95 * span)
            self.update()
        else:  # only the strips under the old and the new playhead need repainting
            for x in (self._playhead_x, self.x_of(t)):
                self.update(int(x) - 8, 0, 17, self.height())
        self._playhead_x = self.x_of(t)

    def _render_thumbnail(self) -> None:
        if self.session.playing or self._drag is not None:
            return  # keep playback and drags smooth; resume afterwards
        done = self.thumbnails.render_one()
        if done is None:
            self._thumb_timer.stop()
        else:
            self._thumb_timer.setInterval(15 if done else 300)  # not ready: try again later
        if done:
            self.update()

    def set_thumbnail_renderer(self, render: Callable[[np.ndarray], QImage | None] | None) -> None:
        self.thumbnails.render = render
        self._on_document_changed()

    def set_pending(self, uids) -> None:
        self.pending = set(uids)
        self.update()

    def set_stale(self, uids) -> None:
        """Mark keyframes whose values were generated from another text (see
        :func:`kfstudio.script_sync.stale_keyframes`)."""
        uids = set(uids)
        if uids != self.stale:
            self.stale = uids
            self.update()

    def set_draft(self, uids) -> None:
        """Mark keyframes whose values are the planner's draft, not refined by the learned layer
        (see :meth:`GenerationController.drafts <kfstudio.ui.worker.GenerationController.drafts>`)."""
        uids = set(uids)
        if uids != self.draft:
            self.draft = uids
            self.update()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), _BG)
        p.fillRect(QRectF(0, RULER_H, w, h - RULER_H), _TRACK)
        doc_end = self.session.end_time
        p.fillRect(QRectF(self.x_of(doc_end), RULER_H, w, h - RULER_H), _BG)
        if self.play_range is not None:
            a, b = self.play_range
            p.fillRect(QRectF(self.x_of(a), RULER_H, self.x_of(b) - self.x_of(a), h - RULER_H), _RANGE)
        exposed = event.rect()
        self._paint_ruler(p, w, exposed.left(), exposed.right())
        self._paint_markers(p, h)
        x = self._playhead_x = self.x_of(self.session.time)
        p.setPen(QPen(_PLAYHEAD, 2))
        p.drawLine(QPointF(x, 0), QPointF(x, h))
        p.setBrush(_PLAYHEAD)
        p.drawPolygon([QPointF(x - 6, 0), QPointF(x + 6, 0), QPointF(x, 9)])
        if self._drag and self._drag["kind"] == "range":
            a, b = sorted((self._drag["t0"], self._drag["t1"]))
            p.setPen(QPen(QColor(120, 170, 255), 1, Qt.DashLine))
            p.setBrush(Qt.NoBrush)
            p.drawRect(QRectF(self.x_of(a), RULER_H + 1, self.x_of(b) - self.x_of(a), h - RULER_H - 2))
        p.end()

    #: Widest time label in pixels (drawn right of its tick): ticks this far left of an exposed strip are drawn too.
    _LABEL_W = 110

    def _paint_ruler(self, p: QPainter, w: int, left: float | None = None, right: float | None = None) -> None:
        """The ruler's ticks and labels; only those that reach the strip ``left``..``right`` (pixels; the whole
        width when not given), so that the strips repainted under a moving playhead cost a few ticks."""
        p.fillRect(QRectF(0, 0, w, RULER_H), _RULER)
        fps = self.session.fps
        mode = self.session.time_display
        # A label spacing of at least 70 px (100 for timecodes), in "nice" steps (frames, then seconds; whole frames
        # when times are shown as frames or timecode).
        if mode == "seconds":
            steps = [1 / fps, 2 / fps, 5 / fps, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]
        else:
            steps = [n / fps for n in (1, 2, 5, 10, 15)] + [1, 2, 5, 10, 30, 60, 120, 300]
        room = 100 if mode == "timecode" else 70  # px between labels (a timecode is wider)
        step = next((s for s in steps if s * self.px_per_s >= room), steps[-1])
        minor = step / 5 if step >= 5 / fps else 1 / fps
        p.setFont(self.font_small)
        first = self.view[0] if left is None else max(self.view[0], self.t_of(left - self._LABEL_W))
        last = self.view[1] if right is None else min(self.view[1], self.t_of(right + 1))
        t0 = math.floor(first / minor) * minor
        n = int((last - t0) / minor) + 2
        for i in range(min(n, 4000)):
            t = t0 + i * minor
            x = self.x_of(t)
            major = abs(t / step - round(t / step)) < 1e-6
            p.setPen(_TEXT if major else _DIM)
            p.drawLine(QPointF(x, RULER_H - (9 if major else 4)), QPointF(x, RULER_H))
            if major and t >= -1e-9:
                label = self.session.format_time(max(t, 0.0), decimals=2 if step < 1 else 0)
                p.drawText(QPointF(x + 3, 12), label)

    def _paint_markers(self, p: QPainter, h: int) -> None:
        """Holds, thumbnails, labels, then the diamonds (pre-rendered sprites, one per style).

        Where markers crowd, a thumbnail is drawn only where it does not overlap the previous one
        (the selected keyframes always get theirs) and a label only where at least an ellipsis fits;
        hovering a marker shows its whole text. This keeps long documents quick to paint.
        """
        anim = self.session.anim
        selected = set(self.session.selected_keyframes)
        fm = QFontMetrics(self.font_small)
        p.setFont(self.font_small)
        kfs = sorted(anim.keyframes, key=lambda k: k.time)
        next_described = _next_described_times(kfs)
        diamonds: dict[str, list[tuple[float, float]]] = {}  # style -> (x, half-size)
        last_thumb = -math.inf
        for i, k in enumerate(kfs):
            x = self.x_of(k.time)
            if x < -THUMB or x > self.width() + THUMB:
                continue
            if k.hold > 0:
                p.fillRect(QRectF(x, MARKER_Y - 2, k.hold * self.px_per_s, 4), QColor(232, 185, 70, 90))
            is_selected = k.uid in selected
            if x - last_thumb >= THUMB + 2 or is_selected:  # every keyframe, K-keyed ones too, where room
                last_thumb = x
                self._paint_thumbnail(p, x, k, is_selected)
            diamonds.setdefault(self._diamond_style(k, selected), []).append((x, 7 if k.description else 4))
            if k.description:
                nxt = next_described[i]
                room = (self.x_of(nxt) - x - 10) if nxt is not None else self.width() - x - 10
                if room < 12 and not is_selected:
                    continue  # no room for even an ellipsis: the tooltip shows the text
                text = fm.elidedText(k.description, Qt.ElideRight, int(max(room, 24)))
                p.setPen(_KEY_SEL if is_selected else _TEXT)
                p.drawText(QPointF(x - 4, MARKER_Y + 20), text)
        dpr = self.devicePixelRatioF()
        for style in ("sparse", "described", "stale", "pending", "selected"):  # the selection on top
            for x, r in diamonds.get(style, ()):
                sprite = _diamond_sprite(style, r, dpr)
                half = sprite.width() / dpr / 2
                p.drawPixmap(QPointF(x - half, MARKER_Y - half), sprite)
        if self.stale:  # a red ring, selected or not: values generated from another text
            p.setPen(QPen(_STALE, 2))
            p.setBrush(Qt.NoBrush)
            for k in kfs:
                if k.uid in self.stale and k.uid not in self.pending:
                    p.drawEllipse(QPointF(self.x_of(k.time), MARKER_Y), 11.0, 11.0)
        if self.draft:  # a dashed blue ring and a "D" tag: the planner's draft, not refined
            ring = QPen(_DRAFT, 2, Qt.CustomDashLine)
            ring.setDashPattern([2.0, 1.5])
            for k in kfs:
                if k.uid in self.draft and k.uid not in self.pending and k.uid not in self.stale:
                    x = self.x_of(k.time)
                    p.setPen(ring)
                    p.setBrush(Qt.NoBrush)
                    p.drawEllipse(QPointF(x, MARKER_Y), 11.0, 11.0)
                    tag = QRectF(x + 7, MARKER_Y - 19, 11, 11)
                    p.setPen(Qt.NoPen)
                    p.setBrush(QBrush(_DRAFT))
                    p.drawRoundedRect(tag, 2, 2)
                    p.setPen(_BG)
                    p.drawText(tag, Qt.AlignCenter, "D")

    def _paint_thumbnail(self, p: QPainter, x: float, k, is_selected: bool) -> None:
        image = self.thumbnails.get(k.uid, k.values)
        target = QRectF(x - THUMB / 2, RULER_H + 6, THUMB, THUMB)
        if image is not None:
            p.drawImage(target, image)
            p.setPen(QPen(_KEY_SEL if is_selected else _DIM, 1))
        else:
            p.setPen(QPen(_DIM, 1, Qt.DotLine))
        p.setBrush(Qt.NoBrush)
        p.drawRect(target)

    def _diamond_style(self, k, selected: set[str]) -> str:
        if k.uid in self.pending:
            return "pending"
        if k.uid in selected:
            return "selected"
        if k.uid in self.stale:
            return "stale"
        return "described" if k.description else "sparse"

    def marker_tooltip(self, uid: str) -> str:
        """What hovering a keyframe's marker shows: its time, its whole text and its state."""
        k = self.session.anim.find(uid)
        note = ""
        if uid in self.stale:
            note = "  (stale: values from another text)"
        elif uid in self.draft:
            note = f"  ({DRAFT_TIP})"
        return f"{self.session.format_time(k.time)}  {k.description or '(key without description)'}{note}"

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:
        pos = event.position()
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        if pos.y() < RULER_H:
            self._drag = {"kind": "scrub"}
            self.session.set_time(self.session.snap(self.t_of(pos.x())))
            return
        uid = self.marker_at(pos)
        if uid is None:
            t = self.t_of(pos.x())
            self._drag = {"kind": "range", "t0": t, "t1": t}
            return
        sel = list(self.session.selected_keyframes)
        if event.modifiers() & Qt.ControlModifier:
            sel = [u for u in sel if u != uid] if uid in sel else sel + [uid]
        elif uid not in sel:
            sel = [uid]
        self.session.select_keyframes(sel)
        if uid in sel:
            k = self.session.anim.find(uid)
            self._drag = {"kind": "move", "uid": uid, "origin": k.time, "x0": pos.x(), "started": False}

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        drag = self._drag
        if drag is None:
            uid = self.marker_at(pos)
            if uid is not None:
                QToolTip.showText(event.globalPosition().toPoint(), self.marker_tooltip(uid), self)
            else:
                QToolTip.hideText()
            return
        if drag["kind"] == "scrub":
            self.session.set_time(self.session.snap(max(0.0, self.t_of(pos.x()))))
        elif drag["kind"] == "range":
            drag["t1"] = self.t_of(pos.x())
            self.update()
        elif drag["kind"] == "move":
            self._drag_move(drag, pos.x())

    def _drag_move(self, drag: dict, x: float) -> None:
        if not drag["started"]:
            if abs(x - drag["x0"]) < 3:
                return
            drag["started"] = True
            n = len(self.session.selected_keyframes)
            self.session.begin_drag("Move keyframe" if n == 1 else f"Move {n} keyframes")
        anim = self.session.anim
        target = self.session.snap(max(0.0, drag["origin"] + (x - drag["x0"]) / self.px_per_s))
        try:
            current = anim.find(drag["uid"]).time
        except KeyError:
            return
        delta = target - current
        if delta:
            self.session.push(cmd.move_keyframes(anim, self.session.selected_keyframes, delta, snap=True))
            self.session.set_time(target)

    def mouseReleaseEvent(self, event) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        if drag["kind"] == "move" and drag["started"]:
            self.session.end_drag()
        elif drag["kind"] == "range":
            a, b = sorted((drag["t0"], drag["t1"]))
            if (b - a) * self.px_per_s < 3:  # a click on empty track
                self.session.select_keyframes([])
                self.session.set_time(self.session.snap(max(0.0, a)))
                self.set_play_range(None)
            else:
                a, b = max(0.0, self.session.snap(a)), self.session.snap(b)
                self.session.select_keyframes([k.uid for k in self.session.anim.keyframes if a <= k.time <= b])
                self.set_play_range((a, b))
        self.update()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self._drag is not None:
            if self._drag["kind"] == "move" and self._drag["started"]:
                self.session.cancel_drag()
            self._drag = None
            self.update()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.marker_at(event.position()) is None and event.position().y() >= RULER_H:
            self.add_keyframe(self.session.snap(max(0.0, self.t_of(event.position().x()))))

    def wheelEvent(self, event) -> None:
        factor = 0.85 ** (event.angleDelta().y() / 120)
        t = self.t_of(event.position().x())
        a, b = self.view
        self.view = (t - (t - a) * factor, t + (b - t) * factor)
        self._auto_fit = False
        self.update()

    def set_play_range(self, rng: tuple[float, float] | None) -> None:
        self.play_range = rng
        self.rangeChanged.emit(rng)
        self.update()

    # ------------------------------------------------------------------ edits
    def add_keyframe(self, t: float | None = None) -> None:
        """Key the current pose at ``t`` (default: the playhead)."""
        t = self.session.time if t is None else t
        self.session.push(cmd.key_pose(self.session.anim, t))
        k = self.session.anim.keyframe_at(t)
        if k is not None:
            self.session.select_keyframes([k.uid])

    def duplicate_selected(self) -> None:
        """Copy the first selected keyframe to the playhead (or one second later if it is there)."""
        k = self.session.current_keyframe
        if k is None:
            return
        t = self.session.snap(self.session.time)
        if abs(t - k.time) < 0.5 / self.session.fps:
            t = k.time + 1.0
        edit = cmd.duplicate_keyframe(self.session.anim, k.uid, t)
        if self.session.push(edit):
            new = next(iter(set(edit.after) - {k.uid}))
            self.session.select_keyframes([new])

    def delete_selected(self) -> None:
        self.session.push(cmd.delete_keyframes(self.session.anim, self.session.selected_keyframes))

    def contextMenuEvent(self, event) -> None:
        uid = self.marker_at(QPointF(event.pos()))
        t = self.session.snap(max(0.0, self.t_of(event.pos().x())))
        if uid is not None and uid not in self.session.selected_keyframes:
            self.session.select_keyframes([uid])
        menu = QMenu(self)
        menu.addAction("Add keyframe here", lambda: self.add_keyframe(t))
        sel = list(self.session.selected_keyframes)
        if sel:
            menu.addAction("Duplicate at playhead", self.duplicate_selected)
            menu.addAction("Delete", self.delete_selected)
            menu.addSeparator()
            menu.addAction("Refine (keep hand edits)", lambda: self.regenerateRequested.emit(sel, "refine"))
            menu.addAction("Re-propose (replace all but locked)", lambda: self.regenerateRequested.emit(sel, "repropose"))
        menu.addSeparator()
        menu.addAction("Clear play range", lambda: self.set_play_range(None))
        menu.addAction("Frame all", self.frame_all)
        menu.exec(event.globalPos())
