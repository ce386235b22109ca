"""The curve editor: the visible channels' curves over time, with their keys (pyqtgraph).

What the animator does here, and how it reaches the document (always through the session's undo
stack, never by changing the document directly):

* **drag keys** (left button on a key) in time and value: times snap to frames (toolbar "Snap"),
  values are clamped to the channel's range; one drag is one undo step (``begin_drag`` on press,
  the move re-applied from the keys' start positions on every mouse move, ``end_drag`` on release,
  Escape or a right click cancels). The rules live in :func:`commands.move_keys` (Qt-free): a key
  dragged off its keyframe lands on the keyframe at the new time, or on a new keyframe keying only
  that channel. The key marks and the tangent handles own their drags (:class:`_DraggableMarks`,
  pyqtgraph's ROI pattern of started / changed / finished / cancelled signals); the view box keeps
  panning, the rubber band and playhead scrubbing.
* **select**: click a key (Shift-click toggles it), Shift-drag a rubber band (Shift+Ctrl adds to the
  selection), click empty space to deselect. A plain left drag on empty space pans, the wheel zooms,
  right drag zooms per axis.
* **interpolation** (constant / linear / bezier) and **tangents** (auto-clamped / flat / free) of the
  selected keys: toolbar, context menu (right click), or T / V for a menu at the cursor. Selected
  keys show their bezier handles; dragging a handle makes the key's tangents free (in and out stay
  aligned), one undo step per drag.
* **frame all** (F or Home) and **frame selection** (Shift+F or period), **delete keys** (Delete, X),
  **mirror left/right** (Ctrl+M) the keyframes of the selected keys, **smooth** the selected keys,
  **lock / mute** the channels of the selected keys (or the visible channels).

Locked channels are drawn faded and their keys cannot be selected or moved; muted channels are
drawn dashed (they play and export as 0, their keys stay editable).

Drawing is incremental: on a document change the curves are re-sampled once for all channels
(vectorised, one sample per frame plus the key times), and only the curves whose samples changed
get new data; keys are sprites stamped from numpy arrays in one call per style. Redraws triggered
by document changes are coalesced to one per event-loop turn, done in a turn of their own;
only the shown channels are sampled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QCursor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QDoubleSpinBox, QGraphicsItem, QGraphicsRectItem, QMenu, QToolBar, QVBoxLayout, QWidget

from .. import channels as ch
from ..animation import commands
from ..animation.curves import Interp, Tangent
from .channel_list import channel_color
from .time_fields import install_time_axis
from .time_axis import AxisLinkedPlot, PickingViewBox

__all__ = ["CurveEditor", "key_help", "sample_times", "sample_channels"]

PICK_RADIUS_PX = 7.0  # how close (pixels) a click must be to a key to hit it
KEY_SIZE = 7  # pixels
SELECTED_KEY_SIZE = 9
_BACKGROUND = QColor(38, 40, 44)  # the timeline's colours
_PLAYHEAD = QColor(230, 70, 60)
HANDLE_MAX_KEYS = 200  # tangent handles are drawn while at most this many keys are selected
LEGEND_MAX = 12  # a legend names the curves when at most this many are shown
KEY_MIN_SPACING_PX = 4.0  # key marks are drawn only when keyframes are at least this far apart on average
_KEY_COLOR = QColor("#e6e6e6")
_SELECTED_COLOR = QColor("#ffcc33")
_LOCKED_COLOR = QColor(95, 95, 95)
_HANDLE_COLOR = QColor(200, 200, 200)
MAX_FRAME_SAMPLES = 12000  # long documents are drawn from every n-th frame (keys always exact)
_FAR = 1.0e4  # curves are extended flat this far (s) beyond the document, as the curves hold there


def sample_times(anim) -> np.ndarray:
    """Times at which to sample the curves of ``anim`` for drawing.

    Every frame of the document (every n-th frame when there are more than :data:`MAX_FRAME_SAMPLES`),
    every key time (and hold end), and a point just before each key so that constant segments draw
    as crisp steps; extended flat far beyond both ends.
    """
    frames = anim.frame_times()
    if frames.size > MAX_FRAME_SAMPLES:
        frames = frames[:: int(np.ceil(frames.size / MAX_FRAME_SAMPLES))]
    keys = np.array([t for k in anim.keyframes for t in ((k.time, k.time + k.hold) if k.hold > 0 else (k.time,))])
    eps = 1e-6
    t = np.unique(np.concatenate([frames, keys, keys - eps]))
    return np.concatenate([[t[0] - _FAR], t, [t[-1] + _FAR]])


def sample_channels(anim, times: np.ndarray, channels) -> np.ndarray:
    """Values of ``channels`` of ``anim`` at ``times`` (sorted), mute ignored: (T, len(channels))."""
    return anim.evaluate(times, channels=channels, apply_mute=False)


def key_help() -> list[tuple[str, str]]:
    """(key, what it does) of the curve editor's own keys, active while the plot has the focus."""
    from PySide6.QtGui import QKeySequence

    rows = []
    for (key, shift), command in CurveEditor._KEYS.items():
        combo = QKeySequence((Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier) | key)
        rows.append((combo.toString(), CurveEditor.KEY_HELP[command]))
    rows.append(("Ctrl+M", "Curves: mirror the selected keyframes left/right"))
    rows.append(("Shift+drag", "Curves: box-select keys (Shift+Ctrl+drag adds)"))
    return rows


@dataclass
class _Handle:
    """A bezier tangent handle of a selected key: ``side`` -1 (incoming) or +1 (outgoing)."""

    uid: str
    c: int
    side: int
    t: float  # the key
    v: float
    ht: float  # the handle's end, a third of the way to the neighbouring key
    hv: float


class _KeyMarks(pg.GraphicsObject):
    """Round key marks (a fill colour with a dark outline, sizes in pixels) at (time, value) points.

    One pre-rendered sprite is stamped at every visible point with a single
    ``drawPixmapFragments`` call filled from numpy arrays: thousands of keys cost a few
    milliseconds, where ``ScatterPlotItem`` (per-spot bookkeeping) took tens. Clicks pass through
    to the view box, which picks keys itself.
    """

    def __init__(self, fill: QColor, size: float, outline: QColor = QColor(15, 15, 15)) -> None:
        super().__init__()
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self._size = float(size)
        self._fill, self._outline = QColor(fill), QColor(outline)
        self._sprite: QPixmap | None = None
        self._fragments = pg.Qt.internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._bounds = QRectF()

    def _sprite_for(self, dpr: float) -> QPixmap:
        if self._sprite is None or self._sprite.devicePixelRatio() != dpr:
            side = int(np.ceil(self._size + 3))
            pix = QPixmap(int(side * dpr), int(side * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(self._outline, 1.5))
            p.setBrush(QBrush(self._fill))
            r = self._size / 2.0
            p.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r)
            p.end()
            self._sprite = pix
        return self._sprite

    def set_points(self, x: np.ndarray, y: np.ndarray) -> None:
        self.prepareGeometryChange()
        self._x = np.asarray(x, dtype=np.float64)
        self._y = np.asarray(y, dtype=np.float64)
        if self._x.size:
            self._bounds = QRectF(self._x.min(), self._y.min(), np.ptp(self._x), np.ptp(self._y))
        else:
            self._bounds = QRectF()
        self.update()

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x, self._y

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()  # the pixel margin of the bounding rect changed

    def boundingRect(self) -> QRectF:
        if not self._x.size:
            return QRectF()
        px, py = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
        m = self._size + 2.0
        return self._bounds.adjusted(-m * px, -m * py, m * px, m * py)

    def paint(self, painter, *_args) -> None:
        if not self._x.size:
            return
        tr = painter.transform()  # item (time, value) -> device pixels
        px = tr.m11() * self._x + tr.m21() * self._y + tr.m31()
        py = tr.m12() * self._x + tr.m22() * self._y + tr.m32()
        device = painter.device()
        m = self._size
        shown = (px >= -m) & (px <= device.width() + m) & (py >= -m) & (py <= device.height() + m)
        if not shown.any():
            return
        dpr = device.devicePixelRatioF()
        sprite = self._sprite_for(dpr)
        self._fragments.resize(int(shown.sum()))
        frags = self._fragments.ndarray()
        frags[:, 0] = px[shown]
        frags[:, 1] = py[shown]
        frags[:, 2:6] = [0.0, 0.0, sprite.width(), sprite.height()]  # source rect in sprite pixels
        frags[:, 6:10] = [1.0 / dpr, 1.0 / dpr, 0.0, 1.0]  # scale x, scale y, rotation, opacity
        painter.save()
        painter.resetTransform()
        painter.drawPixmapFragments(*self._fragments.drawargs(), sprite)
        painter.restore()

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()


class _DraggableMarks(_KeyMarks):
    """Key marks that own their drags, in the manner of pyqtgraph's ``ROI`` and ``TargetItem``.

    A press within :data:`PICK_RADIUS_PX` of a mark (the nearest one, ``accepts(i)`` permitting) starts
    a drag; ``sigDragStarted(index, modifiers)``, ``sigDragChanged(index, (dt, dv), (t, v))`` and
    ``sigDragFinished(index)`` report it in data coordinates (time, value). ``cancel()`` — Escape, or a
    right click during the drag — ends it with ``sigDragCancelled(index)``; the rest of that drag is
    ignored. A press elsewhere is left to the items below (the view box pans or box-selects).
    """

    sigDragStarted = Signal(int, object)
    sigDragChanged = Signal(int, object, object)
    sigDragFinished = Signal(int)
    sigDragCancelled = Signal(int)

    def __init__(self, fill: QColor, size: float, accepts=None) -> None:
        super().__init__(fill, size)
        self.accepts = accepts or (lambda _i: True)
        self.dragging: int | None = None
        self._cancelled = False

    def pick(self, scene_pos: QPointF) -> tuple[int | None, float]:
        """The mark nearest ``scene_pos`` that ``accepts`` allows, and its squared pixel distance."""
        if not self._x.size or not self.isVisible():
            return None, np.inf
        tr = self.sceneTransform()
        sx = tr.m11() * self._x + tr.m21() * self._y + tr.m31()
        sy = tr.m12() * self._x + tr.m22() * self._y + tr.m32()
        d2 = (sx - scene_pos.x()) ** 2 + (sy - scene_pos.y()) ** 2
        for i in np.argsort(d2)[:8]:
            if self.accepts(int(i)):
                return int(i), float(d2[i])
        return None, np.inf

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            i, d2 = self.pick(ev.buttonDownScenePos())
            if i is None or d2 > PICK_RADIUS_PX**2:
                ev.ignore()
                return
            self.dragging, self._cancelled = i, False
            ev.accept()
            self.sigDragStarted.emit(i, ev.modifiers())
        if self.dragging is None:
            ev.ignore()
            return
        ev.accept()
        i = self.dragging
        if not self._cancelled:
            pos, down = ev.pos(), ev.buttonDownPos()
            self.sigDragChanged.emit(i, (pos.x() - down.x(), pos.y() - down.y()), (pos.x(), pos.y()))
        if ev.isFinish():
            self.dragging = None
            if not self._cancelled:
                self.sigDragFinished.emit(i)

    def mouseClickEvent(self, ev) -> None:
        if self.dragging is not None and ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.cancel()
        else:
            ev.ignore()

    def cancel(self) -> bool:
        """End the drag in progress (True if there was one); its changes are for the listener to undo."""
        if self.dragging is None or self._cancelled:
            return False
        self._cancelled = True
        self.sigDragCancelled.emit(self.dragging)
        return True


class _Curve(pg.PlotCurveItem):
    """A curve whose bounding rect comes from bounds the editor already knows (the sample times and
    the values' extent), plus a few pixels for the pen: pyqtgraph's own recomputes the data bounds
    and the pixel size of every curve on every repaint after new data (about half the redraw of 52
    curves)."""

    _bounds_data: tuple[float, float, float, float] | None = None

    def set_bounds(self, t0: float, t1: float, lo: float, hi: float) -> None:
        self.prepareGeometryChange()
        self._bounds_data = (t0, t1, lo, hi)
        self._bounds_rect = None

    def viewTransformChanged(self) -> None:
        self._bounds_rect = None  # the pen's margin in data units changed
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        if self._bounds_data is None:
            return super().boundingRect()
        if getattr(self, "_bounds_rect", None) is None:
            t0, t1, lo, hi = self._bounds_data
            px, py = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
            m = 3.0  # pixels: the pen and antialiasing
            self._bounds_rect = QRectF(t0 - m * px, lo - m * py, (t1 - t0) + 2 * m * px, (hi - lo) + 2 * m * py)
        return self._bounds_rect


class CurveEditor(AxisLinkedPlot, QWidget):
    """The graph editor of the visible channels (see the module docstring)."""

    leads_axis = True  # its first range (the document framed) becomes the shared axis range

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snap_to_frames = True
        self.view = PickingViewBox(self._on_click, self._on_drag)
        self.plot = pg.PlotWidget(viewBox=self.view, background=_BACKGROUND)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", "time (s)")
        self.plot.setLabel("left", "value")
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
            # The axes (with the grid they draw) change only when the view moves: cached as a pixmap,
            # a redraw after an edit blits them instead of re-drawing every tick, label and grid line.
            self.plot.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        install_time_axis(self.plot, session)  # seconds / frames / timecode, as every panel
        self.plot.hideButtons()
        self.view.disableAutoRange()
        # Top-left and see-through: at the top right it hid the ends of the curves (the document's
        # end is where the animator looks after a generation).
        # Top right: after "frame all" that is the held tail after the last key, where curves are flat.
        # Opaque and stacked above the view's contents: curves must not show through the names.
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor=(210, 212, 218), brush=(30, 31, 35, 235))
        self.legend.setZValue(self.view.childGroup.zValue() + 100)
        self._legend_state: tuple | None = None

        # The editor drags the playhead itself (see _on_drag), so that keys under it stay pickable.
        self.playhead = pg.InfiniteLine(0.0, angle=90, movable=False, pen=pg.mkPen(_PLAYHEAD, width=2))
        self.playhead.setZValue(20)
        self.view.addItem(self.playhead, ignoreBounds=True)
        # Keys: the editable ones, those of locked channels (faded), and the selection on top.
        self.keys_item = self._marks(_KEY_COLOR, KEY_SIZE, 10, draggable=True)
        self.locked_keys_item = self._marks(_LOCKED_COLOR, KEY_SIZE, 9)
        self.selected_keys_item = self._marks(_SELECTED_COLOR, SELECTED_KEY_SIZE, 11)
        self.handle_lines = pg.PlotCurveItem(pen=pg.mkPen(_HANDLE_COLOR, width=1), connect="pairs", skipFiniteCheck=True)
        self.handle_lines.setZValue(12)
        self.view.addItem(self.handle_lines)
        self.handles_item = self._marks(_HANDLE_COLOR, 6, 13, draggable=True)
        self._handles: list[_Handle] = []
        self._band = QGraphicsRectItem()
        band_pen = QPen(QColor("#ffcc33"))
        band_pen.setCosmetic(True)
        band_pen.setStyle(Qt.PenStyle.DashLine)
        self._band.setPen(band_pen)
        self._band.setBrush(QBrush(QColor(255, 204, 51, 40)))
        self._band.setZValue(30)
        self._band.hide()
        self.view.addItem(self._band, ignoreBounds=True)

        self._curves: dict[int, pg.PlotCurveItem] = {}
        self._curve_state: dict[int, tuple] = {}  # channel -> (locked, muted) drawn
        self._drawn_y: dict[int, np.ndarray] = {}
        self._times: np.ndarray | None = None
        self._values: np.ndarray | None = None  # (T, 61) samples, mute ignored (sampled channels only)
        self._sampled: tuple | None = None  # (id(anim), version) of the samples
        self._sampled_channels: set[int] = set()
        self._drawn: tuple | None = None  # (id(anim), version, channels) of curves and keys
        self._key_t = np.zeros(0)
        self._key_v = np.zeros(0)
        self._key_c = np.zeros(0, dtype=int)
        self._key_uid: list[str] = []
        self._keyframe_times = np.zeros(0)  # sorted times of all keyframes (for the key density)
        self._key_item_index = np.zeros(0, dtype=int)  # keys_item's points -> rows of the key table
        self._key_drag: dict | None = None  # the key drag in progress (see _on_key_drag_started)
        self._handle_drag: _Handle | None = None
        self._view_drag: str | None = None  # "box", "playhead" or "cancelled" (a cancelled band)
        for item, prefix in ((self.keys_item, "_on_key_drag_"), (self.handles_item, "_on_handle_drag_")):
            item.sigDragStarted.connect(getattr(self, prefix + "started"))
            item.sigDragChanged.connect(getattr(self, prefix + "changed"))
            item.sigDragFinished.connect(getattr(self, prefix + "finished"))
            item.sigDragCancelled.connect(getattr(self, prefix + "cancelled"))
        self._band_origin: QPointF | None = None
        self._init_axis_link()  # the shared time axis (see link_axis)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.toolbar = QToolBar(self)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.plot)
        self.plot.installEventFilter(self)
        self.plot.viewport().installEventFilter(self)
        self._press_modifiers = Qt.KeyboardModifier.NoModifier  # held when the last button went down

        from .key_tools import KeyTransform

        self.transform = KeyTransform(session, self.plot, self._to_data, self.editable_selected_keys, use_value=True,
                                      snap=lambda: self.snap_to_frames, parent=self)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        session.documentChanged.connect(self._schedule_refresh)
        session.documentReplaced.connect(self._on_document_replaced)
        session.selectionChanged.connect(self._on_selection_changed)
        session.timeChanged.connect(self._on_time)
        self.view.sigXRangeChanged.connect(lambda *_: self._update_key_density())
        self.view.sigResized.connect(lambda *_: self._update_key_density())
        self.refresh()
        self.frame_all()
        self._on_time(session.time)

    def _marks(self, fill: QColor, size: float, z: float, draggable: bool = False) -> _KeyMarks:
        item = _DraggableMarks(fill, size) if draggable else _KeyMarks(fill, size)
        item.setZValue(z)
        self.view.addItem(item)
        return item

    # ================================================================== actions
    def _action(self, text: str, slot, tip: str, shortcut: str | None = None) -> QAction:
        act = QAction(text, self)
        act.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        if slot is not None:
            act.triggered.connect(lambda _checked=False: slot())  # not slot(checked)
        return act

    def _build_actions(self) -> None:
        self.interp_actions = {
            Interp.CONSTANT: self._action("Constant", lambda: self.set_interpolation(Interp.CONSTANT), "Interpolation of the selected keys: constant (step)"),
            Interp.LINEAR: self._action("Linear", lambda: self.set_interpolation(Interp.LINEAR), "Interpolation of the selected keys: linear"),
            Interp.BEZIER: self._action("Bezier", lambda: self.set_interpolation(Interp.BEZIER), "Interpolation of the selected keys: bezier (smooth)"),
        }
        self.tangent_actions = {
            Tangent.AUTO_CLAMPED: self._action("Auto", lambda: self.set_tangent(Tangent.AUTO_CLAMPED), "Tangents: auto-clamped (smooth, no overshoot)"),
            Tangent.FLAT: self._action("Flat", lambda: self.set_tangent(Tangent.FLAT), "Tangents: flat (ease in and out)"),
            Tangent.FREE: self._action("Free", lambda: self.set_tangent(Tangent.FREE), "Tangents: free (keep the current slopes)"),
        }
        self.frame_all_action = self._action("Frame all", self.frame_all, "Frame all curves", "F")
        self.frame_selection_action = self._action("Frame sel.", self.frame_selection, "Frame the selected keys", "Shift+F")
        self.delete_action = self._action("Delete", self.delete_selected_keys, "Delete the selected keys", "Delete")
        self.mirror_action = self._action("Mirror L/R", self.mirror_selected, "Swap left and right on the keyframes of the selected keys", "Ctrl+M")
        self.smooth_action = self._action("Smooth", self.smooth_selected, "Smooth the selected keys (all keys of the visible channels if none)")
        self.lock_action = self._action("Lock", self.toggle_lock, "Lock / unlock the channels of the selected keys (or the visible channels)")
        self.mute_action = self._action("Mute", self.toggle_mute, "Mute / unmute the channels of the selected keys (or the visible channels)")
        self.snap_action = self._action("Snap", None, "Snap key times (and the playhead) to frames while dragging")
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(True)
        self.snap_action.toggled.connect(self._set_snap)
        tb = self.toolbar
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for group in (self.interp_actions, self.tangent_actions):
            for act in group.values():
                tb.addAction(act)
            tb.addSeparator()
        for act in (self.frame_all_action, self.frame_selection_action, None, self.delete_action, self.mirror_action, self.smooth_action, None, self.lock_action, self.mute_action, self.snap_action):
            tb.addSeparator() if act is None else tb.addAction(act)
        tb.addSeparator()
        # The selected key's frame and value, typed (Blender's "Active Keyframe" fields).
        self.key_frame_box = QDoubleSpinBox()
        self.key_frame_box.setRange(0.0, 1e6)
        self.key_frame_box.setDecimals(0)
        self.key_frame_box.setPrefix("frame ")
        self.key_frame_box.setToolTip("Frame of the selected key (several keys: they move together)")
        self.key_value_box = QDoubleSpinBox()
        self.key_value_box.setRange(-1.0, 1.0)
        self.key_value_box.setDecimals(3)
        self.key_value_box.setSingleStep(0.05)
        self.key_value_box.setPrefix("value ")
        self.key_value_box.setToolTip("Value of the selected key(s)")
        for box in (self.key_frame_box, self.key_value_box):
            box.setKeyboardTracking(False)  # one edit per Enter / focus change, not per digit
            box.setAccelerated(True)
            tb.addWidget(box)
        self.key_frame_box.valueChanged.connect(self._on_key_frame_typed)
        self.key_value_box.valueChanged.connect(self._on_key_value_typed)
        self._updating_fields = False

    @Slot(bool)
    def _set_snap(self, on: bool) -> None:
        self.snap_to_frames = bool(on)

    def _interp_menu(self, parent: QMenu | None = None) -> QMenu:
        menu = QMenu("Interpolation", parent or self)
        for act in self.interp_actions.values():
            menu.addAction(act)
        return menu

    def _tangent_menu(self, parent: QMenu | None = None) -> QMenu:
        menu = QMenu("Tangents", parent or self)
        for act in self.tangent_actions.values():
            menu.addAction(act)
        return menu

    def context_menu(self) -> QMenu:
        """The right-click menu (built afresh; its actions are the toolbar's)."""
        menu = QMenu(self)
        menu.addMenu(self._interp_menu(menu))
        menu.addMenu(self._tangent_menu(menu))
        menu.addSeparator()
        for act in (self.delete_action, self.mirror_action, self.smooth_action):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.frame_all_action, self.frame_selection_action, self.lock_action, self.mute_action):
            menu.addAction(act)
        return menu

    # ================================================================== keyboard
    _KEYS = {
        (Qt.Key.Key_F, False): "frame_all",
        (Qt.Key.Key_F, True): "frame_selection",
        (Qt.Key.Key_Period, False): "frame_selection",
        (Qt.Key.Key_Delete, False): "delete_selected_keys",
        (Qt.Key.Key_Backspace, False): "delete_selected_keys",
        (Qt.Key.Key_X, False): "delete_selected_keys",
        (Qt.Key.Key_T, False): "_popup_interp",
        (Qt.Key.Key_V, False): "_popup_tangent",
        (Qt.Key.Key_Escape, False): "cancel_drag",
    }

    #: What each key command does, for Help > Keyboard shortcuts (see :func:`key_help`).
    KEY_HELP = {
        "frame_all": "Curves: frame all keys",
        "frame_selection": "Curves: frame the selected keys",
        "delete_selected_keys": "Curves: delete the selected keys",
        "_popup_interp": "Curves: interpolation menu (constant, linear, bezier)",
        "_popup_tangent": "Curves: tangent menu (auto-clamped, flat, free)",
        "cancel_drag": "Curves: cancel the drag in progress",
    }

    def _key_command(self, ev) -> str | None:
        mods = ev.modifiers()
        if ev.key() == Qt.Key.Key_M and mods == Qt.KeyboardModifier.ControlModifier:
            return "mirror_selected"
        if mods & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return None
        return self._KEYS.get((ev.key(), bool(mods & Qt.KeyboardModifier.ShiftModifier)))

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        """Keys of the plot (they win over window shortcuts while the plot has the focus), and the
        modifiers held at each mouse press (which decide what a drag does)."""
        if ev.type() == QEvent.Type.MouseButtonPress and obj is self.plot.viewport():
            self._press_modifiers = ev.modifiers()
        if obj is self.plot and ev.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            name = self._key_command(ev)
            if name is not None:
                ev.accept()
                if ev.type() == QEvent.Type.KeyPress:
                    getattr(self, name)()
                return True
        return super().eventFilter(obj, ev)

    def _popup_interp(self) -> None:
        self._interp_menu().popup(QCursor.pos())

    def _popup_tangent(self) -> None:
        self._tangent_menu().popup(QCursor.pos())

    # ================================================================== drawing
    @Slot()
    def _schedule_refresh(self) -> None:
        """Redraw in a later event-loop turn of its own (a zero timer, not a posted call, so the
        other views' updates of the same change are not done in the same turn)."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    @Slot()
    def _on_document_replaced(self) -> None:
        self.refresh()
        self.frame_all()

    def _ensure_samples(self, channels) -> None:
        """Sample the given channels if the document changed or they are not sampled yet (the
        other channels are left unsampled: only the shown curves cost anything)."""
        anim = self.session.anim
        state = (id(anim), anim.version)
        if state != self._sampled:
            times = sample_times(anim)
            if self._times is None or not np.array_equal(times, self._times):
                self._times = times
                self._drawn_y.clear()  # every curve needs new x data
            self._values = np.zeros((times.size, ch.NUM_CHANNELS))
            self._sampled, self._sampled_channels = state, set()
        missing = [c for c in channels if c not in self._sampled_channels]
        if missing:
            self._values[:, missing] = sample_channels(anim, self._times, missing)
            self._sampled_channels.update(missing)

    def _wanted_state(self) -> tuple:
        anim = self.session.anim
        return (id(anim), anim.version, tuple(self.session.visible_channels))

    def refresh(self) -> None:
        """Bring curves and keys up to date with the document and the visible channels (if stale)."""
        state = self._wanted_state()
        if state == self._drawn:
            return
        channels = state[2]
        self._ensure_samples(channels)
        for c in [c for c in self._curves if c not in channels]:
            self.view.removeItem(self._curves.pop(c))
            self._drawn_y.pop(c, None)
            self._curve_state.pop(c, None)
        for c in channels:
            self._draw_curve(c)
        self._update_keys(channels)
        self._update_legend(channels)
        self._drawn = state
        self._update_handles()
        if hasattr(self, "key_frame_box"):
            self._update_key_fields()

    def _update_legend(self, channels: tuple[int, ...]) -> None:
        """Name the curves (when few are shown), or say how to show some (when none are)."""
        state = (channels, tuple(self._curve_state.get(c) for c in channels))
        if state == self._legend_state:
            return
        self._legend_state = state
        self.legend.clear()
        if len(channels) <= LEGEND_MAX:
            for c in channels:
                self.legend.addItem(self._curves[c], ch.NAMES[c])
        self.legend.setVisible(0 < len(channels) <= LEGEND_MAX)
        self.plot.setTitle(None if channels else "Select channels in the Channels panel to edit their curves", color="#9a9ea8")

    def _draw_curve(self, c: int) -> None:
        anim = self.session.anim
        curve = self._curves.get(c)
        if curve is None:
            curve = _Curve(skipFiniteCheck=True)
            self.view.addItem(curve)
            self._curves[c] = curve
        look = (bool(anim.channel_locked[c]), bool(anim.channel_muted[c]))
        if self._curve_state.get(c) != look:
            color = channel_color(c)
            if look[0]:
                color.setAlphaF(0.4)
            pen = pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine if look[1] else Qt.PenStyle.SolidLine)
            curve.setPen(pen)
            self._curve_state[c] = look
        y = self._values[:, c]
        old = self._drawn_y.get(c)
        if old is None or not np.array_equal(old, y):
            y = y.copy()
            curve.setData(self._times, y)
            curve.set_bounds(self._times[0], self._times[-1], float(y.min()), float(y.max()))
            self._drawn_y[c] = y

    def _update_keys(self, channels: tuple[int, ...]) -> None:
        """Rebuild the table of drawn keys (channel by channel, in time order) and draw them."""
        kfs = self.session.anim.keyframes  # kept sorted by time
        if not kfs or not channels:
            self._key_t, self._key_v = np.zeros(0), np.zeros(0)
            self._key_c, self._key_uid = np.zeros(0, dtype=int), []
        else:
            chans = np.asarray(channels, dtype=int)
            keyed = np.array([k.keyed[chans] for k in kfs]).T  # (C, K)
            ci, ki = np.nonzero(keyed)
            times = np.array([k.time for k in kfs])
            values = np.array([k.values[chans] for k in kfs])  # (K, C)
            uids = [k.uid for k in kfs]
            self._key_t = times[ki]
            self._key_v = values[ki, ci]
            self._key_c = chans[ci]
            self._key_uid = [uids[i] for i in ki.tolist()]
        self._keyframe_times = np.array([k.time for k in kfs]) if kfs else np.zeros(0)
        locked = self.session.anim.channel_locked[self._key_c]
        self._key_item_index = np.flatnonzero(~locked)
        self.keys_item.set_points(x=self._key_t[~locked], y=self._key_v[~locked])
        self.locked_keys_item.set_points(x=self._key_t[locked], y=self._key_v[locked])
        self._style_keys()
        self._update_key_density()

    @property
    def keys_drawn(self) -> bool:
        """Whether the key marks are drawn (False: keys too dense to tell apart, curves only)."""
        return self.keys_item.isVisible()

    def _update_key_density(self) -> None:
        """Hide the key marks when the keyframes in view are closer than :data:`KEY_MIN_SPACING_PX`
        on average (a dense capture would be a wall of dots); selected keys are always drawn."""
        lo, hi = self.view.viewRange()[0]
        shown = int(np.searchsorted(self._keyframe_times, hi, "right") - np.searchsorted(self._keyframe_times, lo, "left"))
        width = self.view.width()
        drawn = width <= 0 or shown * KEY_MIN_SPACING_PX <= width
        self.keys_item.setVisible(drawn)
        self.locked_keys_item.setVisible(drawn)

    def _selected_mask(self) -> np.ndarray:
        selected = set(self.session.selected_keys)
        if not selected:
            return np.zeros(self._key_t.size, dtype=bool)
        return np.fromiter(((u, c) in selected for u, c in zip(self._key_uid, self._key_c.tolist())), dtype=bool, count=self._key_t.size)

    def _style_keys(self) -> None:
        """Draw the selected keys highlighted on top of the others."""
        mask = self._selected_mask()
        self.selected_keys_item.set_points(x=self._key_t[mask], y=self._key_v[mask])

    def _update_handles(self) -> None:
        """Compute and draw the bezier handles of the selected keys (of visible, unlocked channels)."""
        visible = set(self.session.visible_channels)
        keys = [k for k in self.editable_selected_keys() if k[1] in visible]
        self._handles = self._compute_handles(keys) if len(keys) <= HANDLE_MAX_KEYS else []
        ht = np.array([h.ht for h in self._handles])
        hv = np.array([h.hv for h in self._handles])
        self.handles_item.set_points(ht, hv)
        if self._handles:
            lx = np.array([(h.t, h.ht) for h in self._handles]).ravel()
            ly = np.array([(h.v, h.hv) for h in self._handles]).ravel()
            self.handle_lines.setData(lx, ly)
        else:
            self.handle_lines.setData([], [])

    def _compute_handles(self, keys: list[tuple[str, int]]) -> list[_Handle]:
        if not keys:
            return []
        anim = self.session.anim
        kfs = [anim.find(u) for u, _c in keys]
        times = np.array([k.time for k in kfs])
        n, h = len(keys), 1e-5
        # The slopes the curve really has at each key (whatever its tangent mode), in one evaluation.
        samples = anim.evaluate(np.concatenate([times - h, times, times + h]), apply_mute=False)
        out = []
        for i, ((uid, c), kf) in enumerate(zip(keys, kfs)):
            idx = np.flatnonzero(self._key_c == c)
            ct = self._key_t[idx]
            j = int(np.searchsorted(ct, kf.time))
            t, v = kf.time, float(kf.values[c])
            if j + 1 < ct.size and kf.interp[c] == Interp.BEZIER:
                dt = (ct[j + 1] - t) / 3.0
                slope = (samples[2 * n + i, c] - samples[n + i, c]) / h
                out.append(_Handle(uid, c, +1, t, v, t + dt, v + slope * dt))
            if j > 0 and anim.find(self._key_uid[idx[j - 1]]).interp[c] == Interp.BEZIER:
                dt = (t - ct[j - 1]) / 3.0
                slope = (samples[n + i, c] - samples[i, c]) / h
                out.append(_Handle(uid, c, -1, t, v, t - dt, v - slope * dt))
        return out

    def handle_positions(self) -> list[tuple[str, int, int, float, float]]:
        """The drawn tangent handles as (keyframe id, channel, side, time, value) — for tests and tools."""
        self.refresh()
        return [(h.uid, h.c, h.side, h.ht, h.hv) for h in self._handles]

    def _update_key_fields(self) -> None:
        """Show the first selected key's frame and value (disabled when no key is selected)."""
        keys = self.editable_selected_keys()
        self._updating_fields = True
        try:
            for box in (self.key_frame_box, self.key_value_box):
                box.setEnabled(bool(keys))
            if keys:
                uid, c = keys[0]
                k = self.session.anim.find(uid)
                self.key_frame_box.setValue(round(k.time * self.session.fps, 3))
                self.key_value_box.setRange(float(ch.LOWER[c]), float(ch.UPPER[c]))
                self.key_value_box.setValue(float(k.values[c]))
        finally:
            self._updating_fields = False

    @Slot(float)
    def _on_key_frame_typed(self, frame: float) -> None:
        """Move the selected keys so that the first lands on ``frame`` (one undo step)."""
        keys = self.editable_selected_keys()
        if self._updating_fields or not keys:
            return
        anim = self.session.anim
        dt = frame / anim.fps - anim.find(keys[0][0]).time
        edit = commands.move_keys(anim, keys, dt, 0.0, snap=False, label="Set key frame")
        if self.session.push(edit):
            self.session.select_keys(edit.keys_after)

    @Slot(float)
    def _on_key_value_typed(self, value: float) -> None:
        """Set the value of the selected keys (one undo step)."""
        keys = self.editable_selected_keys()
        if self._updating_fields or not keys:
            return
        anim = self.session.anim
        targets = [(u, c, anim.find(u).time, value) for u, c in keys]
        self.session.push(commands.place_keys(anim, targets, snap=False, label="Set key value"))

    @Slot()
    def _on_selection_changed(self) -> None:
        if self._drawn != self._wanted_state():
            self.refresh()  # draws the selection too
        else:
            self._style_keys()
            self._update_handles()
        self._update_key_fields()

    @Slot(float)
    def _on_time(self, t: float) -> None:
        if self.playhead.value() != t:
            self.playhead.blockSignals(True)
            self.playhead.setValue(t)
            self.playhead.blockSignals(False)

    def _scrub(self, t: float) -> None:
        """Move the session's playhead to ``t`` (snapped to a frame when snapping is on)."""
        self.session.set_time(self.session.snap(t) if self.snap_to_frames else t)

    def _near_playhead(self, scene_pos: QPointF) -> bool:
        x, _y = self._view_to_scene_arrays(np.array([self.session.time]), np.array([0.0]))
        return abs(float(x[0]) - scene_pos.x()) <= PICK_RADIUS_PX * 0.75

    # ================================================================== geometry
    def _view_to_scene_arrays(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        tr = self.view.childGroup.sceneTransform()
        return tr.m11() * x + tr.m21() * y + tr.m31(), tr.m12() * x + tr.m22() * y + tr.m32()

    def _to_data(self, pos: QPointF) -> tuple[float, float]:
        p = self.view.mapSceneToView(self.plot.mapToScene(QPointF(pos).toPoint()))
        return p.x(), p.y()

    def data_to_widget(self, t: float, v: float):
        """The pixel of the plot's viewport showing (time ``t``, value ``v``) — for tests and tools."""
        scene = self.view.mapViewToScene(QPointF(float(t), float(v)))
        return self.plot.mapFromScene(scene)

    def key_positions(self) -> list[tuple[str, int, float, float]]:
        """The drawn keys as (keyframe id, channel, time, value)."""
        self.refresh()
        return list(zip(self._key_uid, self._key_c.tolist(), self._key_t.tolist(), self._key_v.tolist()))

    def key_at(self, scene_pos: QPointF) -> tuple[str, int] | None:
        """The (keyframe id, channel) key drawn nearest ``scene_pos`` within :data:`PICK_RADIUS_PX`, if any.

        Keys of locked channels cannot be picked.
        """
        key, d2 = self._nearest_key(scene_pos)
        return key if d2 <= PICK_RADIUS_PX**2 else None

    def _nearest_key(self, scene_pos: QPointF) -> tuple[tuple[str, int] | None, float]:
        """The pickable key nearest ``scene_pos`` and its squared pixel distance."""
        self.refresh()
        if not self._key_t.size:
            return None, np.inf
        sx, sy = self._view_to_scene_arrays(self._key_t, self._key_v)
        d2 = (sx - scene_pos.x()) ** 2 + (sy - scene_pos.y()) ** 2
        d2[self.session.anim.channel_locked[self._key_c]] = np.inf
        i = int(np.argmin(d2))
        return (self._key_uid[i], int(self._key_c[i])), float(d2[i])

    def keys_in_rect(self, rect: QRectF) -> list[tuple[str, int]]:
        """Pickable keys inside a rectangle given in data coordinates (time, value)."""
        self.refresh()
        r = rect.normalized()
        inside = (
            (self._key_t >= r.left()) & (self._key_t <= r.right()) & (self._key_v >= r.top()) & (self._key_v <= r.bottom())
        )
        inside &= ~self.session.anim.channel_locked[self._key_c]
        return [(self._key_uid[i], int(self._key_c[i])) for i in np.flatnonzero(inside)]

    # ================================================================== mouse
    @Slot(object)
    def _on_hover(self, scene_pos: QPointF) -> None:
        """Tooltip naming the key under the cursor: channel, time, frame and value."""
        key = self.key_at(scene_pos) if not self.dragging else None
        if key is None:
            self.plot.viewport().setToolTip("")
            return
        uid, c = key
        k = self.session.anim.find(uid)
        frame = k.time * self.session.anim.fps
        where = f"frame {frame:.0f}" if abs(frame - round(frame)) < 1e-6 else f"frame {frame:.2f}"
        text = f"{ch.NAMES[c]}\n{k.time:.3f} s ({where})\nvalue {k.values[c]:.3f}"
        if k.description:
            text += f"\n{k.description[:80]}"
        self.plot.viewport().setToolTip(text)

    def _on_click(self, ev) -> bool:
        """Select keys on left click; context menu on right click. True when handled."""
        if ev.button() == Qt.MouseButton.RightButton and (self._key_drag is not None or self._handle_drag is not None):
            ev.accept()
            self.cancel_drag()  # a right click during a drag cancels it (as in pyqtgraph's ROI)
            return True
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        key = self.key_at(ev.scenePos())
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            sel = list(self.session.selected_keys)
            if key is None:
                if not shift:
                    self.session.select_keys([])
            elif shift:
                self.session.select_keys([k for k in sel if k != key] if key in sel else sel + [key])
            else:
                self.session.select_keys([key])
            self.plot.setFocus()
            return True
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            if key is not None and key not in self.session.selected_keys:
                self.session.select_keys([key])
            self.context_menu().popup(ev.screenPos().toPoint())
            return True
        return False

    def _on_drag(self, ev) -> bool:
        """The view's own drags: the rubber band (Shift) and playhead scrubbing (left button). Key and
        handle drags belong to their items (:class:`_DraggableMarks`). False lets the ViewBox pan."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        if ev.isStart():
            self._view_drag = None
            if self._press_modifiers & Qt.KeyboardModifier.ShiftModifier:
                self._view_drag = "box"
                self._band_origin = self.view.mapSceneToView(ev.buttonDownScenePos())
            elif self._near_playhead(ev.buttonDownScenePos()):
                self._view_drag = "playhead"
            else:
                return False
            self.plot.setFocus()
        if self._view_drag is None:
            return False
        ev.accept()
        pos = self.view.mapSceneToView(ev.scenePos())
        if self._view_drag == "box":
            rect = QRectF(self._band_origin, pos).normalized()
            self._band.setRect(rect)
            self._band.show()
            if ev.isFinish():
                self._band.hide()
                add = bool(self._press_modifiers & Qt.KeyboardModifier.ControlModifier)
                picked = self.keys_in_rect(rect)
                self.session.select_keys((list(self.session.selected_keys) if add else []) + picked)
        elif self._view_drag == "playhead":
            self._scrub(pos.x())
        if ev.isFinish():
            self._view_drag = None
        return True

    @property
    def dragging(self) -> bool:
        """Whether a key, handle, rubber-band or playhead drag is in progress."""
        return self._key_drag is not None or self._handle_drag is not None or self._view_drag is not None

    # --- key drags (the keys item reports them; the edit is commands.move_keys from the start)
    def _editable_key(self, i: int) -> tuple[str, int]:
        j = int(self._key_item_index[i])
        return self._key_uid[j], int(self._key_c[j])

    @Slot(int, object)
    def _on_key_drag_started(self, i: int, modifiers) -> None:
        key = self._editable_key(i)
        sel = list(self.session.selected_keys)
        if key not in sel:
            sel = sel + [key] if modifiers & Qt.KeyboardModifier.ShiftModifier else [key]
            self.session.select_keys(sel)
        keys = [(u, c) for u, c, _t, _v in commands.move_targets(self.session.anim, sel, 0.0, 0.0, snap=False)]
        label = "Move key" if len(keys) == 1 else f"Move {len(keys)} keys"
        self._key_drag = {"keys": keys, "label": label, "applied": None, "base": self.session.anim.copy()}
        self.session.begin_drag(label)
        self.plot.setFocus()

    @Slot(int, object, object)
    def _on_key_drag_changed(self, _i: int, delta, _pos) -> None:
        """Re-apply the move from the keys' start positions (one growing undo step); nothing is done
        while the snapped targets stay the same."""
        drag = self._key_drag
        if drag is None:
            return
        base = drag["base"]  # the document as the drag found it
        targets = commands.move_targets(base, drag["keys"], delta[0], delta[1], snap=self.snap_to_frames)
        if targets == drag["applied"]:
            return
        session = self.session
        if drag["applied"] is not None:
            session.cancel_drag()  # back to the start positions
            session.begin_drag(drag["label"])
        drag["applied"] = targets
        edit = commands.move_keys(base, drag["keys"], delta[0], delta[1], snap=self.snap_to_frames, label=drag["label"])
        if edit is None or not session.push(edit):
            session.select_keys(drag["keys"])  # back at the start: nothing to apply
            return
        session.select_keys(edit.keys_after)

    @Slot(int)
    def _on_key_drag_finished(self, _i: int) -> None:
        if self._key_drag is not None:
            self._key_drag = None
            self.session.end_drag()

    @Slot(int)
    def _on_key_drag_cancelled(self, _i: int) -> None:
        drag, self._key_drag = self._key_drag, None
        if drag is not None:
            self.session.cancel_drag()
            self.session.select_keys(drag["keys"])

    # --- tangent handle drags
    @Slot(int, object)
    def _on_handle_drag_started(self, i: int, _modifiers) -> None:
        self._handle_drag = self._handles[i]
        self.session.begin_drag("Edit tangent")
        self.plot.setFocus()

    @Slot(int, object, object)
    def _on_handle_drag_changed(self, _i: int, _delta, pos) -> None:
        """Point the key's tangent at ``pos``: free tangents, in and out aligned."""
        handle = self._handle_drag
        if handle is None:
            return
        t, v = pos
        reach = max(handle.side * (t - handle.t), 1e-4)  # the handle cannot cross its key
        slope = handle.side * (v - handle.v) / reach
        self.session.push(commands.set_tangent(self.session.anim, [(handle.uid, handle.c)], Tangent.FREE, in_slope=slope, out_slope=slope))

    @Slot(int)
    def _on_handle_drag_finished(self, _i: int) -> None:
        if self._handle_drag is not None:
            self._handle_drag = None
            self.session.end_drag()

    @Slot(int)
    def _on_handle_drag_cancelled(self, _i: int) -> None:
        if self._handle_drag is not None:
            self._handle_drag = None
            self.session.cancel_drag()

    def cancel_drag(self) -> None:
        """Escape: undo the key or handle drag in progress (everything goes back where it started),
        or drop the rubber band."""
        if not (self.keys_item.cancel() or self.handles_item.cancel()) and self._view_drag == "box":
            self._band.hide()
            self._view_drag = "cancelled"

    # ================================================================== commands
    def editable_selected_keys(self) -> list[tuple[str, int]]:
        """Selected keys that exist and whose channel is not locked."""
        anim = self.session.anim
        alive = {k.uid: k for k in anim.keyframes}
        return [(u, c) for u, c in self.session.selected_keys if u in alive and alive[u].keyed[c] and not anim.channel_locked[c]]

    def set_interpolation(self, interp: Interp) -> bool:
        """Set the interpolation of the segments leaving the selected keys (one undo step)."""
        keys = self.editable_selected_keys()
        return bool(keys) and self.session.push(commands.set_interpolation(self.session.anim, keys, interp))

    def set_tangent(self, mode: Tangent) -> bool:
        """Set the tangent type of the selected keys; "free" starts from the slopes currently shown."""
        keys = self.editable_selected_keys()
        if not keys:
            return False
        anim = self.session.anim
        if Tangent(mode) != Tangent.FREE:
            return self.session.push(commands.set_tangent(anim, keys, mode))
        # Free: freeze each key's current effective slopes so the curve does not jump.
        self.session.begin_drag("Tangents: free")
        for uid, c in keys:
            s_in, s_out = self._current_slopes(c, anim.find(uid).time)
            self.session.push(commands.set_tangent(self.session.anim, [(uid, c)], Tangent.FREE, in_slope=s_in, out_slope=s_out))
        self.session.end_drag()
        return True

    def _current_slopes(self, c: int, t: float) -> tuple[float, float]:
        """Slopes (value per second) of channel ``c``'s curve arriving at and leaving ``t``."""
        h = 1e-5
        before, at, after = self.session.anim.evaluate(np.array([t - h, t, t + h]), apply_mute=False)[:, c]
        return float((at - before) / h), float((after - at) / h)

    def delete_selected_keys(self) -> bool:
        """Unkey the selected keys (one undo step)."""
        return self.session.push(commands.delete_channel_keys(self.session.anim, self.editable_selected_keys()))

    def _selected_uids(self) -> list[str]:
        uids = [u for u, _c in self.session.selected_keys]
        return list(dict.fromkeys(uids or self.session.selected_keyframes))

    def mirror_selected(self) -> bool:
        """Swap left and right on the keyframes of the selected keys (else the selected keyframes)."""
        uids = self._selected_uids()
        return bool(uids) and self.session.push(commands.mirror_keyframes(self.session.anim, uids))

    def smooth_selected(self, strength: float = 0.5) -> bool:
        """Smooth the selected keys toward their neighbours (all keys of the visible channels if none)."""
        keys = self.editable_selected_keys()
        anim = self.session.anim
        if not keys:
            chans = [c for c in self.session.visible_channels if not anim.channel_locked[c]]
            return bool(chans) and self.session.push(commands.smooth_keys(anim, chans, strength=strength))
        by_channel: dict[int, list[str]] = {}
        for uid, c in keys:
            by_channel.setdefault(c, []).append(uid)
        self.session.begin_drag("Smooth keys")
        changed = False
        for c, uids in by_channel.items():
            changed |= self.session.push(commands.smooth_keys(self.session.anim, [c], uids, strength=strength))
        self.session.end_drag()
        return changed

    def _target_channels(self) -> list[int]:
        chans = sorted({c for _u, c in self.session.selected_keys})
        return chans or list(self.session.visible_channels)

    def toggle_lock(self) -> bool:
        """Lock the target channels, or unlock them when all are locked."""
        chans = self._target_channels()
        if not chans:
            return False
        lock = not bool(self.session.anim.channel_locked[chans].all())
        return self.session.push(commands.set_channel_flags(self.session.anim, chans, locked=lock))

    def toggle_mute(self) -> bool:
        """Mute the target channels, or unmute them when all are muted."""
        chans = self._target_channels()
        if not chans:
            return False
        mute = not bool(self.session.anim.channel_muted[chans].all())
        return self.session.push(commands.set_channel_flags(self.session.anim, chans, muted=mute))

    # ================================================================== the shared time axis
    # ================================================================== framing
    def frame_all(self) -> None:
        """Show the whole document in time and the visible curves' value extent."""
        self.refresh()
        anim = self.session.anim
        t0, t1 = anim.start, anim.start + max(anim.duration, 1.0)
        chans = list(self.session.visible_channels)
        if chans and self._values is not None:
            inside = (self._times >= t0) & (self._times <= t1)
            block = self._values[inside][:, chans]
            lo, hi = float(block.min()), float(block.max())
        else:
            lo, hi = 0.0, 1.0
        self._set_range(t0, t1, lo, hi)

    def frame_selection(self) -> None:
        """Show the selected keys (or everything, when none is selected)."""
        self.refresh()
        mask = self._selected_mask()
        if not mask.any():
            self.frame_all()
            return
        t, v = self._key_t[mask], self._key_v[mask]
        self._set_range(float(t.min()), float(t.max()), float(v.min()), float(v.max()))

    def _set_range(self, t0: float, t1: float, lo: float, hi: float) -> None:
        fps = self.session.anim.fps
        if t1 - t0 < 10 / fps:
            mid = 0.5 * (t0 + t1)
            t0, t1 = mid - 5 / fps, mid + 5 / fps
        if hi - lo < 0.1:
            mid = 0.5 * (lo + hi)
            lo, hi = mid - 0.05, mid + 0.05
        self.view.setRange(xRange=(t0, t1), yRange=(lo, hi), padding=0.06)
