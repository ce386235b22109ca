"""The keyframe inspector: time, description, hold and locks of the selected keyframe, and its actions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import channels as ch
from ..animation import commands as cmd
from .session import EditorSession
from .time_fields import TimeSpinBox

__all__ = ["Inspector"]


class Inspector(QWidget):
    """Shows and edits the session's current keyframe (the selected one, else the one at the playhead)."""

    regenerateRequested = Signal(list, str)  # keyframe ids, "refine" | "repropose"
    duplicateRequested = Signal()

    def __init__(self, session: EditorSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.uid: str | None = None
        #: ``fn(uid, text)`` applying a description edit to the script too (set by the main window);
        #: without one the description alone is changed.
        self.description_handler = None
        self.title = QLabel("No keyframe selected")
        self.title.setWordWrap(True)
        self.time = TimeSpinBox(session)  # 1.5, 1,5s, 45f, frame 45, 00:00:01:12 … in the display mode
        self.time.setObjectName("keyframeTime")
        self.time_warning = QLabel()
        self.time_warning.setObjectName("timeWarning")
        self.time_warning.setWordWrap(True)
        self.time_warning.setStyleSheet("color: #d9534f")
        self.time_warning.hide()
        self.time.invalidTime.connect(self._on_invalid_time)
        self.hold = TimeSpinBox(session)  # a duration, typed and shown as every time
        self.hold.setRange(0.0, 600.0)
        self.hold.invalidTime.connect(self._on_invalid_time)
        self.description = QLineEdit()
        self.flags = QLabel()
        self.flags.setWordWrap(False)  # two short lines; a wrapped label in a form was cut off
        #: shown when the keyframe's values were generated from another text (a stale keyframe)
        self.stale_label = QLabel("⚠ Stale: these values were generated from another text. Refine to update them.")
        self.stale_label.setObjectName("staleKeyframe")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #d9534f")
        self.stale_label.hide()
        self.stale: set[str] = set()
        #: shown when the keyframe's values are the planner's draft, not refined (a Stop between stages)
        self.draft_label = QLabel("Planner draft: not refined by the learned layer. Refine to refine it.")
        self.draft_label.setObjectName("draftKeyframe")
        self.draft_label.setWordWrap(True)
        self.draft_label.setStyleSheet("color: #5bc0de")
        self.draft_label.hide()
        self.draft: set[str] = set()
        #: why the last proposal gave these values (planner readings, learned-layer fills, confidence)
        self.why = QPlainTextEdit()
        self.why.setObjectName("proposalExplanation")
        self.why.setReadOnly(True)
        self.why.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.why.setPlaceholderText("Why these values: shown after the keyframe is proposed.")
        self.why.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow("Time", self.time)
        form.addRow("", self.time_warning)
        form.addRow("Hold", self.hold)
        form.addRow("Description", self.description)
        form.addRow(self.flags)  # a full-width row of its own: a wrapped label in a form column got clipped
        self.locks = self._build_locks()
        self.refine = QPushButton("Refine")
        self.refine.setToolTip("Regenerate from the description, keeping hand-edited and locked values")
        self.repropose = QPushButton("Re-propose")
        self.repropose.setToolTip("Regenerate everything except locked channels")
        self.lock = QPushButton("Lock all")
        self.lock.setToolTip("Lock every channel of this keyframe against regeneration")
        self.unlock = QPushButton("Unlock all")
        self.duplicate = QPushButton("Duplicate")
        self.delete = QPushButton("Delete")
        buttons = QGridLayout()
        for i, b in enumerate((self.refine, self.repropose, self.lock, self.unlock, self.duplicate, self.delete)):
            buttons.addWidget(b, i // 2, i % 2)
        # The fields scroll when the panel is short: the head above may take the room it needs.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # never cut sideways
        self._scroll, self._content = scroll, content
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.draft_label)
        locks_label = QLabel("Locked on this keyframe (kept by Refine and Re-propose):")
        locks_label.setWordWrap(True)
        layout.addWidget(locks_label)
        layout.addWidget(self.locks, 1)
        why_label = QLabel("Why these values (the last proposal):")
        why_label.setWordWrap(True)
        layout.addWidget(why_label)
        layout.addWidget(self.why)
        layout.addLayout(buttons)

        self.time.valueChanged.connect(self._on_time)
        self.hold.valueChanged.connect(self._on_hold)
        self.description.editingFinished.connect(self._on_description)
        self.refine.clicked.connect(lambda: self._regenerate("refine"))
        self.repropose.clicked.connect(lambda: self._regenerate("repropose"))
        self.lock.clicked.connect(lambda: self._lock(True))
        self.unlock.clicked.connect(lambda: self._lock(False))
        self.duplicate.clicked.connect(self.duplicateRequested)
        self.delete.clicked.connect(lambda: self.uid and self.session.push(cmd.delete_keyframes(self.session.anim, [self.uid])))
        session.documentReplaced.connect(self.clear)
        session.documentChanged.connect(self.refresh)
        session.selectionChanged.connect(self.refresh)
        session.slowTimeChanged.connect(self.refresh)
        session.timeDisplayChanged.connect(self.refresh)
        self._updating = False
        self.refresh()

    def minimumSizeHint(self) -> QSize:
        """As wide as the fields need (nothing is cut sideways), and short: the fields scroll."""
        width = self._content.minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width()
        return QSize(width, 120)

    def sizeHint(self) -> QSize:
        return QSize(400, 240)

    @Slot()
    def refresh(self, *_args) -> None:
        k = self.session.current_keyframe
        self.uid = None if k is None else k.uid
        self.stale_label.setVisible(self.uid is not None and self.uid in self.stale)
        self.draft_label.setVisible(self.uid is not None and self.uid in self.draft and self.uid not in self.stale)
        for w in (self.time, self.hold, self.description, self.refine, self.repropose, self.lock, self.unlock, self.duplicate, self.delete):
            w.setEnabled(k is not None)
        self.refine.setEnabled(k is not None and bool(k.description.strip()))
        self.repropose.setEnabled(k is not None and bool(k.description.strip()))
        self._updating = True
        try:
            if k is None:
                self._show_empty()
                return
            self.title.setText(f"<b>Keyframe at {self.session.format_time(k.time)}</b>")
            self.time.setValue(k.time)
            self.hold.setValue(k.hold)
            if not self.description.hasFocus():
                self.description.setText(k.description)
                self.description.setCursorPosition(0)
            keyed, edited, locked = int(k.keyed.sum()), int(k.edited.sum()), int((k.locked | self.session.anim.channel_locked).sum())
            self.flags.setText(f"Channels: {keyed}/{ch.NUM_CHANNELS} keyed\n{edited} hand-edited · {locked} locked")
            self._refresh_locks(k)
            why = "\n".join(self.session.explanations.get(k.uid, []))
            if why != self.why.toPlainText():
                self.why.setPlainText(why)
        finally:
            self._updating = False

    def set_stale(self, uids) -> None:
        """The keyframes whose values come from another text (see ``script_sync.stale_keyframes``)."""
        self.stale = set(uids)
        self.stale_label.setVisible(self.uid is not None and self.uid in self.stale)
        self.draft_label.setVisible(self.uid is not None and self.uid in self.draft and self.uid not in self.stale)

    def set_draft(self, uids) -> None:
        """The keyframes left with the planner's draft (see ``GenerationController.drafts``)."""
        self.draft = set(uids)
        self.draft_label.setVisible(self.uid is not None and self.uid in self.draft and self.uid not in self.stale)

    @Slot()
    def clear(self) -> None:
        """Forget the shown keyframe (another document was opened), even a description being typed;
        the fields then show the new document's current keyframe, if any."""
        if self.description.hasFocus():
            self.description.clearFocus()  # else refresh() would leave the half-typed text in it
        self._updating = True
        try:
            self._show_empty()
        finally:
            self._updating = False
        self.refresh()

    def _show_empty(self) -> None:
        """Blank fields: no keyframe's values may linger, greyed out, in them."""
        self.title.setText("No keyframe selected")
        self.flags.setText("")
        self._refresh_locks(None)
        self.time.setValue(0.0)
        self.hold.setValue(0.0)
        self.description.clear()
        self.why.clear()

    # ------------------------------------------------------------------ per-channel locks
    def _build_locks(self) -> QListWidget:
        """One checkable row per channel: the keyframe's own lock; a channel locked on the whole
        document shows checked and greyed (unlock it in the Channels panel)."""
        locks = QListWidget()
        locks.setUniformItemSizes(True)
        locks.setMinimumHeight(90)
        for c in range(ch.NUM_CHANNELS):
            item = QListWidgetItem(ch.NAMES[c])
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            locks.addItem(item)
        locks.itemChanged.connect(self._on_lock_item)
        return locks

    def _refresh_locks(self, k) -> None:
        doc = self.session.anim.channel_locked
        state = None if k is None else (k.uid, k.locked.tobytes(), doc.tobytes())
        if state == getattr(self, "_locks_state", False):
            return
        self._locks_state = state
        self.locks.blockSignals(True)
        try:
            self.locks.setEnabled(k is not None)
            for c in range(ch.NUM_CHANNELS):
                item = self.locks.item(c)
                on = k is not None and bool(k.locked[c] or doc[c])
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                flags = Qt.ItemFlag.ItemIsUserCheckable | (Qt.ItemFlag.NoItemFlags if doc[c] else Qt.ItemFlag.ItemIsEnabled)
                item.setFlags(flags)
                item.setText(ch.NAMES[c] + ("  (channel locked)" if doc[c] else ""))
        finally:
            self.locks.blockSignals(False)

    def locked_shown(self) -> list[int]:
        """The channels shown locked (for tests and tools)."""
        return [c for c in range(ch.NUM_CHANNELS) if self.locks.item(c).checkState() == Qt.CheckState.Checked]

    @Slot(QListWidgetItem)
    def _on_lock_item(self, item: QListWidgetItem) -> None:
        if self.uid:
            c = int(item.data(Qt.ItemDataRole.UserRole))
            self._push(cmd.set_keyframe_lock(self.session.anim, self.uid, [c], item.checkState() == Qt.CheckState.Checked))

    def _push(self, edit) -> None:
        if not self._updating and self.uid is not None:
            self.session.push(edit)

    def _on_time(self, value: float) -> None:
        """A typed time moves the keyframe, and its script line follows, as one undo step."""
        self.time_warning.hide()
        if not self._updating and self.uid:
            edit = cmd.set_keyframe_time(self.session.anim, self.uid, self.session.snap(value))
            if edit is not None:
                self.session.begin_drag(edit.label)
                self._push(edit)
                self.session.end_drag()

    def _on_invalid_time(self, message: str) -> None:
        self.time_warning.setText(f"⚠ {message}")
        self.time_warning.show()

    def _on_hold(self, value: float) -> None:
        self.time_warning.hide()
        if not self._updating and self.uid:
            self._push(cmd.set_hold(self.session.anim, self.uid, value))

    def _on_description(self) -> None:
        if self._updating or not self.uid:
            return
        text = self.description.text()
        if text == self.session.anim.find(self.uid).description:
            return
        if self.description_handler is not None:
            self.description_handler(self.uid, text)
        else:
            self._push(cmd.set_description(self.session.anim, self.uid, text))

    def _lock(self, locked: bool) -> None:
        if self.uid:
            self._push(cmd.set_keyframe_lock(self.session.anim, self.uid, None, locked))

    def _regenerate(self, mode: str) -> None:
        if self.uid:
            self.regenerateRequested.emit([self.uid], mode)
