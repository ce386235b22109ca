"""The dope sheet: the keys of every channel, group and of the whole document on rows, over the
shared time axis.

Rows: "Summary" (every keyframe), then each channel group followed by its channels. A key on a group
or summary row stands for the keys of its channels at that keyframe. The animator:

* **selects** keys: click (Shift toggles), drag a box on empty space (Shift or Ctrl adds), Ctrl+A all,
  click on empty space clears;
* **moves** them in time by dragging a key (snapped to frames; one undo step; Esc or a right click
  cancels), or with G (grab) and **scales** them about the playhead with S, typing a number while
  transforming (frames for G, a factor for S; Enter or a click confirms, Esc cancels) — see
  :mod:`.key_tools`;
* **deletes** them (Delete, Backspace or X).

Every edit is one of :mod:`kfstudio.animation.commands` (``move_keys``, ``scale_keys``,
``delete_channel_keys``) pushed on the session's undo stack. The middle button pans, the wheel zooms
time (with the timeline and the curve editor: :class:`~.time_axis.TimeAxis`), Shift+wheel or the
scroll bar scrolls the rows. Keys of locked channels are drawn faded and cannot be picked.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsRectItem, QHBoxLayout, QScrollBar, QWidget

from .. import channels as ch
from ..animation import commands
from .curve_editor import PICK_RADIUS_PX, _DraggableMarks, _KeyMarks
from .time_axis import AxisLinkedPlot, PickingViewBox

__all__ = ["DopeSheet", "dope_rows", "KEY_HELP"]

ROW_PX = 18  # height of a row in pixels
_BACKGROUND = QColor(38, 40, 44)
_PLAYHEAD = QColor(230, 70, 60)
_KEY = QColor(200, 203, 210)
_GROUP_KEY = QColor(232, 185, 70)
_SELECTED = QColor("#ffcc33")
_LOCKED = QColor(95, 95, 95)

#: (key, what it does) of the dope sheet's own keys (active while it has the focus).
KEY_HELP = [
    ("Ctrl+A", "Dope sheet: select all keys"),
    ("Drag", "Dope sheet: move keys in time (box-select on empty space; Shift or Ctrl adds)"),
]


def dope_rows() -> list[tuple[str, list[int], str]]:
    """The rows: (label, channel indices, kind "summary" / "group" / "channel"), top to bottom."""
    rows = [("Summary", list(range(ch.NUM_CHANNELS)), "summary")]
    for group in ch.GROUPS:
        members = ch.group_indices(group)
        rows.append((group.capitalize(), members, "group"))
        rows.extend(("   " + ch.NAMES[c], [c], "channel") for c in members)
    return rows


class _Diamonds:
    """Key marks drawn as diamonds (a mixin for the curve editor's mark items)."""

    def _sprite_for(self, dpr: float) -> QPixmap:
        if self._sprite is None or self._sprite.devicePixelRatio() != dpr:
            side = int(np.ceil(self._size + 3))
            pix = QPixmap(int(side * dpr), int(side * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(self._outline, 1.2))
            p.setBrush(QBrush(self._fill))
            c, r = side / 2.0, self._size / 2.0
            p.drawPolygon([QPointF(c, c - r), QPointF(c + r, c), QPointF(c, c + r), QPointF(c - r, c)])
            p.end()
            self._sprite = pix
        return self._sprite


class _DiamondMarks(_Diamonds, _DraggableMarks):
    """Draggable diamond key marks."""


class _StaticDiamonds(_Diamonds, _KeyMarks):
    """Diamond key marks that take no mouse events (the selection and locked keys)."""


class _DopeViewBox(PickingViewBox):
    """The dope sheet's plot area: the wheel zooms time only; Shift+wheel scrolls the rows."""

    def __init__(self, sheet: "DopeSheet") -> None:
        super().__init__(sheet._on_click, sheet._on_box_drag)
        self._sheet = sheet

    def wheelEvent(self, ev, axis=None) -> None:
        if ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._sheet.scroll_rows(-int(np.sign(ev.delta())) * 3)
            ev.accept()
            return
        super().wheelEvent(ev, axis=0)  # the wheel zooms time only


class DopeSheet(AxisLinkedPlot, QWidget):
    """The dope sheet (see the module docstring)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snap_to_frames = True
        self.rows = dope_rows()
        self._row_chans = [np.asarray(c, dtype=int) for _l, c, _k in self.rows]
        self.view = _DopeViewBox(self)
        self.plot = pg.PlotWidget(viewBox=self.view, background=_BACKGROUND)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.hideButtons()
        self.view.setMouseEnabled(x=True, y=False)
        self.view.invertY(True)
        self.view.disableAutoRange()
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        bottom = self.plot.getAxis("bottom")
        bottom.enableAutoSIPrefix(False)
        from .time_fields import install_time_axis

        install_time_axis(self.plot, session)  # seconds / frames / timecode, as every panel
        left = self.plot.getAxis("left")
        left.setWidth(150)
        left.setStyle(tickLength=0)
        self._stripes = []
        for i, (_label, _c, kind) in enumerate(self.rows):
            if kind != "channel":
                band = QGraphicsRectItem(QRectF(-1e4, i - 0.5, 2e4, 1.0))
                band.setPen(QPen(Qt.PenStyle.NoPen))
                band.setBrush(QBrush(QColor(255, 255, 255, 16 if kind == "group" else 26)))
                band.setZValue(-5)
                self.view.addItem(band, ignoreBounds=True)
        self.playhead = pg.InfiniteLine(0.0, angle=90, movable=False, pen=pg.mkPen(_PLAYHEAD, width=2))
        self.playhead.setZValue(20)
        self.view.addItem(self.playhead, ignoreBounds=True)
        self.locked_item = _StaticDiamonds(_LOCKED, 8)
        self.keys_item = _DiamondMarks(_KEY, 9)
        self.selected_item = _StaticDiamonds(_SELECTED, 11)
        for z, item in enumerate((self.locked_item, self.keys_item, self.selected_item)):
            item.setZValue(9 + z)
            self.view.addItem(item)
        self.keys_item.sigDragStarted.connect(self._on_drag_started)
        self.keys_item.sigDragChanged.connect(self._on_drag_changed)
        self.keys_item.sigDragFinished.connect(self._on_drag_finished)
        self.keys_item.sigDragCancelled.connect(self._on_drag_cancelled)
        self._band = QGraphicsRectItem()
        pen = QPen(QColor("#ffcc33"))
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self._band.setPen(pen)
        self._band.setBrush(QBrush(QColor(255, 204, 51, 40)))
        self._band.setZValue(30)
        self._band.hide()
        self.view.addItem(self._band, ignoreBounds=True)
        self._band_origin: QPointF | None = None
        self._box = False
        self._drag: dict | None = None

        self.scrollbar = QScrollBar(Qt.Orientation.Vertical)
        self.scrollbar.valueChanged.connect(self._show_rows)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot)
        layout.addWidget(self.scrollbar)

        # The table of drawn keys: row, keyframe index, time (one entry per mark of keys_item).
        self._pt_row = np.zeros(0, dtype=int)
        self._pt_kf = np.zeros(0, dtype=int)
        self._pt_t = np.zeros(0)
        self._kf_uids: list[str] = []
        self._keyed = np.zeros((0, ch.NUM_CHANNELS), dtype=bool)  # editable keys (locked excluded)
        self._drawn: tuple | None = None
        self._init_axis_link()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_if_shown)

        self.plot.installEventFilter(self)
        from .key_tools import KeyTransform

        self.transform = KeyTransform(session, self.plot, self._to_data, self.editable_selected_keys,
                                      snap=lambda: self.snap_to_frames, parent=self)
        session.documentChanged.connect(self._refresh_timer.start)
        session.documentReplaced.connect(self._refresh_if_shown)
        session.selectionChanged.connect(self._style_if_shown)
        session.timeChanged.connect(self.playhead.setValue)
        self.view.sigResized.connect(lambda *_: self._show_rows(self.scrollbar.value()))
        self.view.setXRange(0.0, 5.0, padding=0)
        self.refresh()
        self._show_rows(0)
        self.playhead.setValue(session.time)

    # ================================================================== rows and the axis
    def _visible_row_count(self) -> int:
        return max(1, int(self.view.height() // ROW_PX)) if self.view.height() > 0 else 12

    @Slot(int)
    def _show_rows(self, first: int) -> None:
        n = self._visible_row_count()
        self.scrollbar.setRange(0, max(0, len(self.rows) - n))
        self.scrollbar.setPageStep(n)
        first = min(max(0, first), self.scrollbar.maximum())
        self.view.setYRange(first - 0.5, first - 0.5 + n, padding=0)
        ticks = [(i, self.rows[i][0]) for i in range(first, min(len(self.rows), first + n + 1))]
        self.plot.getAxis("left").setTicks([ticks, []])

    def scroll_rows(self, delta: int) -> None:
        self.scrollbar.setValue(self.scrollbar.value() + delta)

    def scroll_to_row(self, row: int) -> None:
        n = self._visible_row_count()
        if not self.scrollbar.value() <= row < self.scrollbar.value() + n:
            self.scrollbar.setValue(row)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()  # a hidden sheet (a tab behind the curves) skips the document's changes

    # ================================================================== drawing
    @Slot()
    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    @Slot()
    def _style_if_shown(self) -> None:
        if self.isVisible():
            self._style()

    def refresh(self) -> None:
        """Rebuild the key table from the document (if it changed) and draw it."""
        anim = self.session.anim
        state = (id(anim), anim.version)
        if state == self._drawn:
            return
        self._drawn = state
        kfs = anim.keyframes
        self._kf_uids = [k.uid for k in kfs]
        keyed = np.array([k.keyed for k in kfs], dtype=bool).reshape(len(kfs), ch.NUM_CHANNELS)
        times = np.array([k.time for k in kfs], dtype=np.float64)
        locked = anim.channel_locked
        self._keyed = keyed & ~locked
        rows, kfi, lrows, lkfi = [], [], [], []
        for r, chans in enumerate(self._row_chans):
            editable = self._keyed[:, chans].any(axis=1)
            idx = np.flatnonzero(editable)
            rows.append(np.full(idx.size, r))
            kfi.append(idx)
            frozen = np.flatnonzero(keyed[:, chans].any(axis=1) & ~editable)
            lrows.append(np.full(frozen.size, r))
            lkfi.append(frozen)
        self._pt_row = np.concatenate(rows) if rows else np.zeros(0, dtype=int)
        self._pt_kf = np.concatenate(kfi) if kfi else np.zeros(0, dtype=int)
        self._pt_t = times[self._pt_kf] if times.size else np.zeros(0)
        self.keys_item.set_points(self._pt_t, self._pt_row.astype(np.float64))
        lr, lk = np.concatenate(lrows), np.concatenate(lkfi)
        self.locked_item.set_points(times[lk] if times.size else np.zeros(0), lr.astype(np.float64))
        self._style()

    def _selected_matrix(self) -> np.ndarray:
        sel = np.zeros_like(self._keyed)
        index = {u: i for i, u in enumerate(self._kf_uids)}
        for u, c in self.session.selected_keys:
            i = index.get(u)
            if i is not None:
                sel[i, c] = True
        return sel

    def selected_mask(self) -> np.ndarray:
        """Which drawn keys are selected: every editable key they stand for is selected."""
        sel = self._selected_matrix()
        mask = np.zeros(self._pt_row.size, dtype=bool)
        for r, chans in enumerate(self._row_chans):
            on = self._pt_row == r
            if on.any():
                k = self._pt_kf[on]
                keyed, chosen = self._keyed[np.ix_(k, chans)], sel[np.ix_(k, chans)]
                mask[on] = np.all(chosen | ~keyed, axis=1)
        return mask

    @Slot()
    def _style(self) -> None:
        if self._drawn != (id(self.session.anim), self.session.anim.version):
            self.refresh()
            return
        mask = self.selected_mask()
        self.selected_item.set_points(self._pt_t[mask], self._pt_row[mask].astype(np.float64))

    # ================================================================== keys and selection
    def keys_of(self, points) -> list[tuple[str, int]]:
        """The (keyframe id, channel) keys the drawn keys ``points`` (indices) stand for."""
        out = []
        for p in np.atleast_1d(points):
            k, chans = int(self._pt_kf[p]), self._row_chans[int(self._pt_row[p])]
            out.extend((self._kf_uids[k], int(c)) for c in chans[self._keyed[k, chans]])
        return list(dict.fromkeys(out))

    def key_points(self) -> list[tuple[int, float]]:
        """The drawn (editable) keys as (row, time) — for tests and tools."""
        self.refresh()
        return list(zip(self._pt_row.tolist(), self._pt_t.tolist()))

    def point_at(self, row: int, t: float) -> int:
        """Index of the drawn key on ``row`` nearest ``t``."""
        self.refresh()
        on = np.flatnonzero(self._pt_row == row)
        return int(on[np.argmin(np.abs(self._pt_t[on] - t))])

    def data_to_widget(self, t: float, row: float):
        """The pixel of the plot's viewport showing (time ``t``, row ``row``) — for tests and tools."""
        return self.plot.mapFromScene(self.view.mapViewToScene(QPointF(float(t), float(row))))

    def _to_data(self, pos: QPointF) -> tuple[float, float]:
        p = self.view.mapSceneToView(self.plot.mapToScene(QPointF(pos).toPoint()))
        return p.x(), p.y()

    def row_index(self, label: str) -> int:
        return next(i for i, (name, _c, _k) in enumerate(self.rows) if name.strip() == label)

    def _pick(self, scene_pos: QPointF) -> int | None:
        i, d2 = self.keys_item.pick(scene_pos)
        return i if i is not None and d2 <= PICK_RADIUS_PX**2 else None

    def _on_click(self, ev) -> bool:
        if ev.button() == Qt.MouseButton.RightButton and self._drag is not None:
            ev.accept()
            self.keys_item.cancel()
            return True
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        ev.accept()
        self.plot.setFocus()
        p = self._pick(ev.scenePos())
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        sel = list(self.session.selected_keys)
        if p is None:
            if not shift:
                self.session.select_keys([])
            return True
        keys = self.keys_of(p)
        if shift:
            chosen = set(sel)
            if all(k in chosen for k in keys):
                self.session.select_keys([k for k in sel if k not in set(keys)])
            else:
                self.session.select_keys(sel + keys)
        else:
            self.session.select_keys(keys)
        return True

    def _on_box_drag(self, ev) -> bool:
        """A left drag on empty space: the rubber band (Shift or Ctrl adds to the selection)."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        if ev.isStart():
            self._box = True
            self._band_origin = self.view.mapSceneToView(ev.buttonDownScenePos())
            self.plot.setFocus()
        if not self._box:
            return False
        ev.accept()
        pos = self.view.mapSceneToView(ev.scenePos())
        rect = QRectF(self._band_origin, pos).normalized()
        self._band.setRect(rect)
        self._band.show()
        if ev.isFinish():
            self._band.hide()
            self._box = False
            add = bool(ev.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier))
            self.select_in_rect(rect, add=add)
        return True

    def select_in_rect(self, rect: QRectF, add: bool = False) -> None:
        """Select the keys inside ``rect`` (time × rows)."""
        self.refresh()
        r = rect.normalized()
        inside = (self._pt_t >= r.left()) & (self._pt_t <= r.right()) & (self._pt_row >= r.top()) & (self._pt_row <= r.bottom())
        keys = self.keys_of(np.flatnonzero(inside))
        self.session.select_keys((list(self.session.selected_keys) if add else []) + keys)

    def select_all(self) -> None:
        self.refresh()
        self.session.select_keys(self.keys_of(np.flatnonzero(self._pt_row == 0)))

    def editable_selected_keys(self) -> list[tuple[str, int]]:
        anim = self.session.anim
        alive = {k.uid: k for k in anim.keyframes}
        return [(u, c) for u, c in self.session.selected_keys if u in alive and alive[u].keyed[c] and not anim.channel_locked[c]]

    def delete_selected_keys(self) -> bool:
        return self.session.push(commands.delete_channel_keys(self.session.anim, self.editable_selected_keys()))

    # ================================================================== dragging keys in time
    @Slot(int, object)
    def _on_drag_started(self, i: int, modifiers) -> None:
        keys = self.keys_of(i)
        sel = list(self.session.selected_keys)
        if not set(keys) <= set(sel):
            sel = sel + keys if modifiers & Qt.KeyboardModifier.ShiftModifier else keys
            self.session.select_keys(sel)
        keys = self.editable_selected_keys()
        label = "Move key" if len(keys) == 1 else f"Move {len(keys)} keys"
        self._drag = {"keys": keys, "label": label, "base": self.session.anim.copy(), "applied": None}
        self.session.begin_drag(label)
        self.plot.setFocus()

    @Slot(int, object, object)
    def _on_drag_changed(self, _i: int, delta, _pos) -> None:
        drag = self._drag
        if drag is None:
            return
        base, keys = drag["base"], drag["keys"]
        targets = commands.move_targets(base, keys, delta[0], 0.0, snap=self.snap_to_frames)
        if targets == drag["applied"]:
            return
        if drag["applied"] is not None:
            self.session.cancel_drag()
            self.session.begin_drag(drag["label"])
        drag["applied"] = targets
        edit = commands.move_keys(base, keys, delta[0], 0.0, snap=self.snap_to_frames, label=drag["label"])
        if edit is not None and self.session.push(edit):
            self.session.select_keys(edit.keys_after)
        else:
            self.session.select_keys(keys)

    @Slot(int)
    def _on_drag_finished(self, _i: int) -> None:
        if self._drag is not None:
            self._drag = None
            self.session.end_drag()

    @Slot(int)
    def _on_drag_cancelled(self, _i: int) -> None:
        drag, self._drag = self._drag, None
        if drag is not None:
            self.session.cancel_drag()
            self.session.select_keys(drag["keys"])

    @property
    def dragging(self) -> bool:
        return self._drag is not None or self._box

    # ================================================================== keyboard
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        if obj is self.plot and ev.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key, mods = ev.key(), ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            command = None
            if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_X):
                command = self.delete_selected_keys
            elif mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Escape and self._drag is not None:
                command = self.keys_item.cancel
            elif mods == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_A:
                command = self.select_all
            if command is not None:
                ev.accept()
                if ev.type() == QEvent.Type.KeyPress:
                    command()
                return True
        return super().eventFilter(obj, ev)
