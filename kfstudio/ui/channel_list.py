"""The channel list: the 61 channels grouped as in :data:`kfstudio.channels.GROUPS`.

A tree (group → channel) with, per channel, a colour swatch (the colour of its curve in the curve
editor), its value at the playhead (editable: double-click and type a value to key it), and lock
(padlock) and mute (speaker) icons that toggle on a click without changing the selection.
A filter box above the tree keeps the channels whose Live Link Face or ARKit name contains the typed
text (any case), or that the text names in any rig spelling (``eyeBlink_L``).

Selecting channels (or a whole group) sets :attr:`EditorSession.visible_channels`, the channels the
curve editor draws. Every change goes through the session's undo stack.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import channels as ch
from ..animation.palette import channel_rgb
from ..animation import commands

__all__ = ["ChannelList", "channel_color", "set_channel_value", "matches_filter"]

COL_NAME, COL_VALUE, COL_LOCK, COL_MUTE = range(4)
_CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1  # channel index on channel items, -1 on group items


def channel_color(c: int) -> QColor:
    """The colour of channel ``c`` (:mod:`kfstudio.animation.palette`: colour-blind safe, neighbours
    apart; mirror pairs share a hue, the right side is a lighter tint)."""
    return QColor(*channel_rgb(c))


_ICONS: dict[tuple[str, bool], QIcon] = {}


def _flag_icon(kind: str, on: bool) -> QIcon:
    """A padlock ("lock") or a speaker ("mute"): bright when the flag is on, faint when off."""
    key = (kind, on)
    if key not in _ICONS:
        pix = QPixmap(16, 16)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = QColor("#f0b040") if (on and kind == "lock") else QColor("#5aa0ff") if on else QColor(120, 124, 132, 110)
        pen = QPen(color, 1.6)
        p.setPen(pen)
        if kind == "lock":
            p.setBrush(QBrush(color))
            p.drawRoundedRect(QRectF(3.5, 7.5, 9, 7), 1.5, 1.5)
            p.setBrush(Qt.BrushStyle.NoBrush)
            shackle = QRectF(5, 2.5, 6, 8) if on else QRectF(7.5, 1.5, 6, 8)  # open: lifted aside
            p.drawArc(shackle, 0, 180 * 16)
            if on:
                p.drawLine(QPointF(5, 6.5), QPointF(5, 8))
                p.drawLine(QPointF(11, 6.5), QPointF(11, 8))
        else:
            p.setBrush(QBrush(color))
            p.drawPolygon(QPolygonF([QPointF(2, 6), QPointF(5, 6), QPointF(9, 2.5), QPointF(9, 13.5), QPointF(5, 10), QPointF(2, 10)]))
            if on:  # muted: a cross where the sound would be
                p.drawLine(QPointF(11, 5.5), QPointF(15, 10.5))
                p.drawLine(QPointF(15, 5.5), QPointF(11, 10.5))
            else:
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawArc(QRectF(7, 4.5, 6, 7), -60 * 16, 120 * 16)
        p.end()
        _ICONS[key] = QIcon(pix)
    return _ICONS[key]


def matches_filter(c: int, text: str) -> bool:
    """Whether channel ``c`` passes the filter ``text`` (substring of either spelling, or a rig name)."""
    text = text.strip()
    if not text:
        return True
    info = ch.CHANNELS[c]
    low = text.lower()
    if low in info.name.lower() or low in info.arkit.lower():
        return True
    try:
        return ch.lookup(text).index == c
    except KeyError:
        return False


def set_channel_value(session, c: int, value: float) -> bool:
    """Set channel ``c`` to ``value`` at the playhead, as one undoable command.

    On the keyframe at the playhead (within half a frame) the value is set and marked hand-edited;
    elsewhere the current pose is keyed there with that value (as the K key does). Locked channels
    are not changed. Returns True when the document changed.
    """
    anim = session.anim
    if anim.channel_locked[c]:
        return False
    value = float(value)
    existing = anim.keyframe_at(session.time)
    if existing is not None:
        return session.push(commands.set_values(anim, existing.uid, {c: value}, label=f"Set {ch.NAMES[c]}"))
    pose = anim.evaluate(session.time, apply_mute=False)
    pose[c] = value
    return session.push(commands.key_pose(anim, session.time, pose))


class _ValueDelegate(QStyledItemDelegate):
    """Edits the value column with a spin box bounded by the channel's range; commits through the list."""

    def __init__(self, owner: "ChannelList") -> None:
        super().__init__(owner.tree)
        self._owner = owner

    def createEditor(self, parent, option, index: QModelIndex):
        c = index.data(_CHANNEL_ROLE)
        if index.column() != COL_VALUE or c is None or c < 0 or self._owner.session.anim.channel_locked[c]:
            return None
        box = QDoubleSpinBox(parent)
        box.setDecimals(3)
        box.setSingleStep(0.01)
        box.setRange(float(ch.LOWER[c]), float(ch.UPPER[c]))
        box.setKeyboardTracking(False)
        return box

    def setEditorData(self, editor: QDoubleSpinBox, index: QModelIndex) -> None:
        c = index.data(_CHANNEL_ROLE)
        editor.setValue(float(self._owner._raw_pose()[c]))

    def setModelData(self, editor: QDoubleSpinBox, model, index: QModelIndex) -> None:
        editor.interpretText()
        self._owner.set_value(index.data(_CHANNEL_ROLE), editor.value())


class ChannelList(QWidget):
    """The channel tree with its filter box (see the module docstring)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._syncing = False  # True while the tree's selection is set to match the session
        self._shown_flags: tuple[np.ndarray, np.ndarray] | None = None  # (locked, muted) drawn

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter channels (jawOpen, EyeBlink, _L ...)")
        self.filter_edit.setClearButtonEnabled(True)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Channel", "Value", "Lock", "Mute"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegateForColumn(COL_VALUE, _ValueDelegate(self))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_LOCK, COL_MUTE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # Fixed width for the values (always "-0.000"-like): resizing to contents re-measured every
        # row on each value change, which cost milliseconds per frame during playback.
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_VALUE, self.fontMetrics().horizontalAdvance("  -0.000  ") + 12)

        self.group_items: dict[str, QTreeWidgetItem] = {}
        self.channel_items: list[QTreeWidgetItem] = []
        self._shown_values: list[tuple[str, bool] | None] = [None] * ch.NUM_CHANNELS  # per row: (text, greyed)
        self._build_items()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

        self.filter_edit.textChanged.connect(self.apply_filter)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        self.tree.viewport().installEventFilter(self)
        session.documentChanged.connect(self.refresh)
        session.slowTimeChanged.connect(self._on_time)  # at most 10 Hz during playback
        session.selectionChanged.connect(self._sync_selection_from_session)
        self.refresh()
        self._sync_selection_from_session()

    # ------------------------------------------------------------------ building
    def _build_items(self) -> None:
        for group in ch.GROUPS:
            g = QTreeWidgetItem(self.tree, [group.capitalize()])
            g.setData(COL_NAME, _CHANNEL_ROLE, -1)
            g.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            font = g.font(COL_NAME)
            font.setBold(True)
            g.setFont(COL_NAME, font)
            self.group_items[group] = g
            for c in ch.group_indices(group):
                info = ch.CHANNELS[c]
                item = QTreeWidgetItem(g, [info.name, "", "", ""])
                for col in range(4):
                    item.setData(col, _CHANNEL_ROLE, c)
                item.setToolTip(COL_NAME, f"{info.name} ({info.arkit}): {info.meaning}")
                item.setIcon(COL_NAME, self._swatch(c))
                item.setTextAlignment(COL_VALUE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)
                item.setIcon(COL_LOCK, _flag_icon("lock", False))
                item.setIcon(COL_MUTE, _flag_icon("mute", False))
                item.setToolTip(COL_LOCK, "Lock (click): regeneration and edits leave this channel alone")
                item.setToolTip(COL_MUTE, "Mute (click): the channel plays and exports as 0")
                self.channel_items.append(item)
            g.setExpanded(True)
        self.channel_items.sort(key=lambda it: it.data(COL_NAME, _CHANNEL_ROLE))

    @staticmethod
    def _swatch(c: int) -> QIcon:
        pix = QPixmap(12, 12)
        pix.fill(channel_color(c))
        return QIcon(pix)

    # ------------------------------------------------------------------ model → view
    def _raw_pose(self) -> np.ndarray:
        """Values at the playhead ignoring mute (what a muted channel would play)."""
        return self.session.anim.evaluate(self.session.time, apply_mute=False)

    @Slot()
    def refresh(self) -> None:
        """Show values, lock and mute states of the current document."""
        anim = self.session.anim
        flags = (anim.channel_locked.copy(), anim.channel_muted.copy())
        if self._shown_flags is None or not all(np.array_equal(a, b) for a, b in zip(flags, self._shown_flags)):
            for c, item in enumerate(self.channel_items):
                item.setIcon(COL_LOCK, _flag_icon("lock", bool(flags[0][c])))
                item.setIcon(COL_MUTE, _flag_icon("mute", bool(flags[1][c])))
            self._shown_flags = flags
        self._show_values()

    def is_locked_shown(self, c: int) -> bool:
        """Whether the list shows channel ``c`` as locked (for tests)."""
        return self._shown_flags is not None and bool(self._shown_flags[0][c])

    def is_muted_shown(self, c: int) -> bool:
        """Whether the list shows channel ``c`` as muted (for tests)."""
        return self._shown_flags is not None and bool(self._shown_flags[1][c])

    @Slot(float)
    def _on_time(self, _t: float) -> None:
        self._show_values()

    def _show_values(self) -> None:
        """Show the values at the playhead (greyed when muted or locked); only the rows whose text
        or shade changed are touched, so an edit elsewhere in time costs almost no Qt calls."""
        anim = self.session.anim
        values = self._raw_pose()
        greyed = anim.channel_muted | anim.channel_locked
        grey, normal = QBrush(QColor(128, 128, 128)), QBrush()
        for c, item in enumerate(self.channel_items):
            shown = (f"{values[c]:.3f}", bool(greyed[c]))
            if self._shown_values[c] != shown:
                item.setText(COL_VALUE, shown[0])
                item.setForeground(COL_VALUE, grey if shown[1] else normal)
                self._shown_values[c] = shown

    @Slot()
    def _sync_selection_from_session(self) -> None:
        wanted = set(self.session.visible_channels)
        if wanted == set(self.selected_channels()):
            return
        self._syncing = True
        try:
            self.tree.clearSelection()
            for c in wanted:
                self.channel_items[c].setSelected(True)
            if wanted:
                self.tree.scrollToItem(self.channel_items[min(wanted)])
        finally:
            self._syncing = False

    # ------------------------------------------------------------------ view → model
    def selected_channels(self) -> list[int]:
        """Channels selected in the tree (a selected group counts as all its shown channels), in index order."""
        out: set[int] = set()
        for item in self.tree.selectedItems():
            c = item.data(COL_NAME, _CHANNEL_ROLE)
            if c >= 0:
                out.add(c)
            else:
                out.update(item.child(i).data(COL_NAME, _CHANNEL_ROLE) for i in range(item.childCount()) if not item.child(i).isHidden())
        return sorted(out)

    @Slot()
    def _on_tree_selection(self) -> None:
        if not self._syncing:
            self.session.set_visible_channels(self.selected_channels())

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        """A click on a lock or mute icon toggles it, without changing which channels are selected."""
        if obj is self.tree.viewport() and ev.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            pos = ev.position().toPoint()
            item = self.tree.itemAt(pos)
            column = self.tree.columnAt(pos.x())
            if item is not None and column in (COL_LOCK, COL_MUTE) and item.data(COL_NAME, _CHANNEL_ROLE) >= 0:
                if ev.type() == QEvent.Type.MouseButtonPress and ev.button() == Qt.MouseButton.LeftButton:
                    self.toggle_flag(item.data(COL_NAME, _CHANNEL_ROLE), "locked" if column == COL_LOCK else "muted")
                return True
        return super().eventFilter(obj, ev)

    def toggle_flag(self, c: int, flag: str) -> bool:
        """Toggle the ``"locked"`` or ``"muted"`` flag of channel ``c`` (undoable)."""
        current = self.session.anim.channel_locked if flag == "locked" else self.session.anim.channel_muted
        return self.session.push(commands.set_channel_flags(self.session.anim, [c], **{flag: not bool(current[c])}))

    def set_value(self, c: int, value: float) -> bool:
        """Set channel ``c`` at the playhead (see :func:`set_channel_value`); refreshes the shown value."""
        changed = set_channel_value(self.session, c, value)
        self._show_values()
        return changed

    @Slot(str)
    def apply_filter(self, text: str | None = None) -> None:
        """Hide channels that do not match the filter text, and groups left empty."""
        text = self.filter_edit.text() if text is None else text
        for group, g in self.group_items.items():
            shown = 0
            for i in range(g.childCount()):
                item = g.child(i)
                ok = matches_filter(item.data(COL_NAME, _CHANNEL_ROLE), text)
                item.setHidden(not ok)
                shown += ok
            g.setHidden(shown == 0)
            if text.strip() and shown:
                g.setExpanded(True)

    def shown_channels(self) -> list[int]:
        """Channels not hidden by the filter, in index order."""
        return [c for c, item in enumerate(self.channel_items) if not item.isHidden()]
