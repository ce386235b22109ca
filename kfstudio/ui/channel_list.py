"""The channel list: the 61 channels grouped as in :data:`kfstudio.channels.GROUPS`.

A tree (group → channel) with, per channel, a colour swatch (the colour of its curve in the curve
editor), its value at the playhead (editable: typing a value keys it), and lock and mute toggles.
A filter box above the tree keeps the channels whose Live Link Face or ARKit name contains the typed
text (any case), or that the text names in any rig spelling (``eyeBlink_L``).

Selecting channels (or a whole group) sets :attr:`EditorSession.visible_channels`, the channels the
curve editor draws. Every change goes through the session's undo stack.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
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
from ..animation import commands

__all__ = ["ChannelList", "channel_color", "set_channel_value", "matches_filter"]

COL_NAME, COL_VALUE, COL_LOCK, COL_MUTE = range(4)
_CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1  # channel index on channel items, -1 on group items


def _pair_rank(c: int) -> int:
    """Rank of a channel's left/right pair among all pairs (unpaired channels count as a pair)."""
    firsts = sorted({min(i, int(ch.MIRROR_INDEX[i])) for i in range(ch.NUM_CHANNELS)})
    return firsts.index(min(c, int(ch.MIRROR_INDEX[c])))


_PAIR_COUNT = len({min(i, int(ch.MIRROR_INDEX[i])) for i in range(ch.NUM_CHANNELS)})
_COLORS: list[QColor] = []


def channel_color(c: int) -> QColor:
    """The colour of channel ``c``: mirror pairs share a hue, the right side is lighter."""
    if not _COLORS:
        for i in range(ch.NUM_CHANNELS):
            hue = (_pair_rank(i) * 0.381966) % 1.0  # golden-ratio steps keep neighbours apart
            light = 0.72 if ch.CHANNELS[i].side == "right" else 0.55
            _COLORS.append(QColor.fromHslF(hue, 0.75, light))
    return QColor(_COLORS[c])


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
        self._syncing = False  # True while the widget writes its own items (ignore their signals)

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
        for col in (COL_VALUE, COL_LOCK, COL_MUTE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.group_items: dict[str, QTreeWidgetItem] = {}
        self.channel_items: list[QTreeWidgetItem] = []
        self._build_items()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

        self.filter_edit.textChanged.connect(self.apply_filter)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        self.tree.itemChanged.connect(self._on_item_changed)
        session.documentChanged.connect(self.refresh)
        session.timeChanged.connect(self._on_time)
        session.selectionChanged.connect(self._sync_selection_from_session)
        self.refresh()
        self._sync_selection_from_session()

    # ------------------------------------------------------------------ building
    def _build_items(self) -> None:
        self._syncing = True
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
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEditable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(COL_LOCK, Qt.CheckState.Unchecked)
                item.setCheckState(COL_MUTE, Qt.CheckState.Unchecked)
                item.setToolTip(COL_LOCK, "Lock: regeneration and edits leave this channel alone")
                item.setToolTip(COL_MUTE, "Mute: the channel plays and exports as 0")
                self.channel_items.append(item)
            g.setExpanded(True)
        self.channel_items.sort(key=lambda it: it.data(COL_NAME, _CHANNEL_ROLE))
        self._syncing = False

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
        self._syncing = True
        try:
            for c, item in enumerate(self.channel_items):
                self._set_check(item, COL_LOCK, bool(anim.channel_locked[c]))
                self._set_check(item, COL_MUTE, bool(anim.channel_muted[c]))
        finally:
            self._syncing = False
        self._show_values()

    @staticmethod
    def _set_check(item: QTreeWidgetItem, col: int, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if item.checkState(col) != state:
            item.setCheckState(col, state)

    @Slot(float)
    def _on_time(self, _t: float) -> None:
        self._show_values()

    def _show_values(self) -> None:
        anim = self.session.anim
        values = self._raw_pose()
        muted = anim.channel_muted
        grey, normal = QBrush(QColor(128, 128, 128)), QBrush()
        self._syncing = True
        try:
            for c, item in enumerate(self.channel_items):
                text = f"{values[c]:.3f}"
                if item.text(COL_VALUE) != text:
                    item.setText(COL_VALUE, text)
                item.setForeground(COL_VALUE, grey if (muted[c] or anim.channel_locked[c]) else normal)
        finally:
            self._syncing = False

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

    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._syncing or column not in (COL_LOCK, COL_MUTE):
            return
        c = item.data(COL_NAME, _CHANNEL_ROLE)
        on = item.checkState(column) == Qt.CheckState.Checked
        flag = {"locked": on} if column == COL_LOCK else {"muted": on}
        self.session.push(commands.set_channel_flags(self.session.anim, [c], **flag))

    def set_value(self, c: int, value: float) -> bool:
        """Set channel ``c`` at the playhead (see :func:`set_channel_value`); refreshes the shown value."""
        changed = set_channel_value(self.session, c, value)
        self._show_values()
        return changed

    def set_flags(self, c: int, *, locked: bool | None = None, muted: bool | None = None) -> bool:
        """Lock or mute one channel (undoable)."""
        return self.session.push(commands.set_channel_flags(self.session.anim, [c], locked=locked, muted=muted))

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
