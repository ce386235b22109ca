"""The curve editor: the visible channels' curves over time, with their keys (pyqtgraph).

What the animator does here, and how it reaches the document (always through the session's undo
stack, never by changing the document directly):

* **drag keys** (left button on a key) in time and value: times snap to frames (toolbar "Snap"),
  values are clamped to the channel's range; one drag is one undo step (``begin_drag`` on press,
  the move re-applied from the keys' start positions on every mouse move, ``end_drag`` on release,
  Escape cancels). A key dragged off its keyframe lands on the keyframe at the new time, or on a new
  keyframe keying only that channel (:func:`commands.move_channel_key`).
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
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QCursor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsRectItem, QMenu, QToolBar, QVBoxLayout, QWidget

from .. import channels as ch
from ..animation import commands
from ..animation.curves import Interp, Tangent
from .channel_list import channel_color
from .time_fields import install_time_axis

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
class _KeyDrag:
    """A key drag in progress: where the dragged keys started."""

    keys: list[tuple[str, int, float, float]]  # (keyframe id, channel, start time, start value)
    label: str
    applied: tuple[float, float] | None = None  # the (time delta, value delta) last applied


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


class _CurveViewBox(pg.ViewBox):
    """A ViewBox that lets the editor handle key picking, key drags and the rubber band first."""

    def __init__(self, editor: "CurveEditor") -> None:
        super().__init__(enableMenu=False)
        self._editor = editor

    def mouseClickEvent(self, ev) -> None:
        if not self._editor._on_click(ev):
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if axis is not None or not self._editor._on_drag(ev):
            super().mouseDragEvent(ev, axis)


class CurveEditor(QWidget):
    """The graph editor of the visible channels (see the module docstring)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snap_to_frames = True
        self.view = _CurveViewBox(self)
        self.plot = pg.PlotWidget(viewBox=self.view, background=_BACKGROUND)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", "time (s)")
        self.plot.setLabel("left", "value")
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
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
        self.keys_item = self._marks(_KEY_COLOR, KEY_SIZE, 10)
        self.locked_keys_item = self._marks(_LOCKED_COLOR, KEY_SIZE, 9)
        self.selected_keys_item = self._marks(_SELECTED_COLOR, SELECTED_KEY_SIZE, 11)
        self.handle_lines = pg.PlotCurveItem(pen=pg.mkPen(_HANDLE_COLOR, width=1), connect="pairs", skipFiniteCheck=True)
        self.handle_lines.setZValue(12)
        self.view.addItem(self.handle_lines)
        self.handles_item = self._marks(_HANDLE_COLOR, 6, 13)
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
        self._drag: _KeyDrag | _Handle | str | None = None  # or "box", "playhead", "cancelled"
        self._band_origin: QPointF | None = None
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

    def _marks(self, fill: QColor, size: float, z: float) -> _KeyMarks:
        item = _KeyMarks(fill, size)
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
        (Qt.Key.Key_Home, False): "frame_all",
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
            curve = pg.PlotCurveItem(skipFiniteCheck=True)
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

    def _handle_at(self, scene_pos: QPointF) -> tuple[_Handle | None, float]:
        """The handle nearest ``scene_pos`` and its squared pixel distance."""
        if not self._handles:
            return None, np.inf
        sx, sy = self._view_to_scene_arrays(np.array([h.ht for h in self._handles]), np.array([h.hv for h in self._handles]))
        d2 = (sx - scene_pos.x()) ** 2 + (sy - scene_pos.y()) ** 2
        i = int(np.argmin(d2))
        return self._handles[i], float(d2[i])

    @Slot()
    def _on_selection_changed(self) -> None:
        if self._drawn != self._wanted_state():
            self.refresh()  # draws the selection too
        else:
            self._style_keys()
            self._update_handles()

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
        key = self.key_at(scene_pos) if self._drag is None else None
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
        """Key drags, the rubber band and playhead scrubbing (left button). False lets the ViewBox pan."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        if ev.isStart():
            self._drag = None
            mods = self._press_modifiers
            down = ev.buttonDownScenePos()
            key, key_d2 = self._nearest_key(down)
            handle, handle_d2 = self._handle_at(down)
            if handle is not None and handle_d2 <= PICK_RADIUS_PX**2 and handle_d2 < key_d2:
                self._drag = handle
                self.session.begin_drag("Edit tangent")
            elif key is not None and key_d2 <= PICK_RADIUS_PX**2:
                self._start_key_drag(key, bool(mods & Qt.KeyboardModifier.ShiftModifier))
            elif mods & Qt.KeyboardModifier.ShiftModifier:
                self._drag = "box"
                self._band_origin = self.view.mapSceneToView(ev.buttonDownScenePos())
            elif self._near_playhead(ev.buttonDownScenePos()):
                self._drag = "playhead"
            else:
                return False
            self.plot.setFocus()
        if self._drag is None:
            return False
        ev.accept()
        pos = self.view.mapSceneToView(ev.scenePos())
        if isinstance(self._drag, _KeyDrag):
            origin = self.view.mapSceneToView(ev.buttonDownScenePos())
            self._move_dragged_keys(pos.x() - origin.x(), pos.y() - origin.y())
            if ev.isFinish():
                self._drag = None
                self.session.end_drag()
        elif isinstance(self._drag, _Handle):
            self._drag_handle(self._drag, pos.x(), pos.y())
            if ev.isFinish():
                self._drag = None
                self.session.end_drag()
        elif self._drag == "box":
            rect = QRectF(self._band_origin, pos).normalized()
            self._band.setRect(rect)
            self._band.show()
            if ev.isFinish():
                self._band.hide()
                self._drag = None
                add = bool(self._press_modifiers & Qt.KeyboardModifier.ControlModifier)
                picked = self.keys_in_rect(rect)
                self.session.select_keys((list(self.session.selected_keys) if add else []) + picked)
        elif self._drag == "playhead":
            self._scrub(pos.x())
            if ev.isFinish():
                self._drag = None
        elif ev.isFinish():  # "cancelled"
            self._drag = None
        return True

    def _drag_handle(self, handle: _Handle, t: float, v: float) -> None:
        """Point the key's tangent at (t, v): free tangents, in and out aligned."""
        reach = max(handle.side * (t - handle.t), 1e-4)  # the handle cannot cross its key
        slope = handle.side * (v - handle.v) / reach
        self.session.push(commands.set_tangent(self.session.anim, [(handle.uid, handle.c)], Tangent.FREE, in_slope=slope, out_slope=slope))

    def _start_key_drag(self, key: tuple[str, int], extend: bool) -> None:
        sel = list(self.session.selected_keys)
        if key not in sel:
            sel = sel + [key] if extend else [key]
            self.session.select_keys(sel)
        anim = self.session.anim
        keys = []
        for uid, c in sel:
            k = anim.find(uid)
            if k.keyed[c] and not anim.channel_locked[c]:
                keys.append((uid, c, k.time, float(k.values[c])))
        self._drag = _KeyDrag(keys, "Move key" if len(keys) == 1 else f"Move {len(keys)} keys")
        self.session.begin_drag(self._drag.label)

    def _target_time(self, t0: float, dt: float) -> float:
        """Where a key that started at ``t0`` goes for a time delta ``dt`` (snapped, not before 0)."""
        fps = self.session.anim.fps
        if self.snap_to_frames:
            if abs(dt) * fps < 0.5:
                return t0  # less than half a frame sideways: the key keeps its time
            return max(0.0, round((t0 + dt) * fps) / fps)
        return max(0.0, t0 + dt)

    def _move_dragged_keys(self, dt: float, dv: float) -> None:
        """Re-apply the drag from the keys' start positions (one growing undo step)."""
        drag = self._drag
        targets = [(uid, c, self._target_time(t0, dt), v0 + dv) for uid, c, t0, v0 in drag.keys]
        applied = tuple((t, float(np.clip(v, ch.LOWER[c], ch.UPPER[c]))) for _u, c, t, v in targets)
        if applied == drag.applied:
            return
        session = self.session
        session.cancel_drag()
        session.begin_drag(drag.label)
        drag.applied = applied
        if all(t == t0 and v == v0 for (t, v), (_u, _c, t0, v0) in zip(applied, drag.keys)):
            session.select_keys([(uid, c) for uid, c, _t, _v in drag.keys])
            return  # back at the start: nothing to apply
        # Move the keys farthest along the drag first so no key lands on one not yet moved.
        order = sorted(range(len(targets)), key=lambda i: drag.keys[i][2], reverse=dt > 0)
        new_sel = []
        for i in order:
            uid, c, t, v = targets[i]
            session.push(commands.move_channel_key(session.anim, uid, c, t, v))
            new_sel.append(self._key_after_move(uid, c, t))
        session.select_keys([k for k in new_sel if k is not None])

    def _key_after_move(self, uid: str, c: int, t: float) -> tuple[str, int] | None:
        """The (keyframe id, channel) holding channel ``c``'s key at ``t`` after a move from keyframe ``uid``."""
        anim = self.session.anim
        tol = 0.5 / anim.fps
        near = [k for k in anim.keyframes if k.keyed[c] and abs(k.time - t) <= tol]
        if not near:
            return None
        same = [k for k in near if k.uid == uid]
        best = same[0] if same else min(near, key=lambda k: abs(k.time - t))
        return best.uid, c

    def cancel_drag(self) -> None:
        """Escape: undo the key or handle drag in progress (everything goes back where it started)."""
        if isinstance(self._drag, _KeyDrag):
            start = [(uid, c) for uid, c, _t, _v in self._drag.keys]
            self.session.cancel_drag()
            self.session.select_keys(start)
            self._drag = "cancelled"
        elif isinstance(self._drag, _Handle):
            self.session.cancel_drag()
            self._drag = "cancelled"
        elif self._drag == "box":
            self._band.hide()
            self._drag = "cancelled"

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
