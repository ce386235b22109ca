"""The script panel: the animator's text, debounced into keyframes by the generation worker.

Typing restarts a short timer; when it fires, :meth:`GenerationController.sync_script` updates the
keyframes (one undoable "Edit script" step, which the proposals it causes are folded into) and the
worker re-proposes only those whose text or context changed. The box has no undo history of its own:
Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) in it commit what was typed since the last pause and then undo / redo
on the editor's one history, so the box and the document never diverge. Lines whose keyframe is still being generated are tinted; a status line tells what
is being generated, on which backend and device, and shows the last backend error; beside it, a Stop
button (Ctrl+.) stops the generation while one runs. Under it, the
script's own problems are listed: the parser's warnings, a hint when no line makes a keyframe, and a
script the parser refuses (a negative time), which is then not applied.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit, QToolButton, QVBoxLayout, QWidget

from ..script_sync import script_with_description  # noqa: F401  (moved to script_sync; kept importable)
from .session import EditorSession
from .worker import GenerationController

__all__ = ["ScriptPanel", "DEBOUNCE_MS", "NO_BEATS_HINT", "script_with_description", "script_hints"]

NO_BEATS_HINT = "no keyframe lines found — write one description per line, e.g. `1.0s: she smiles`"
_NO_BEATS_WARNING = "no keyframe descriptions found"  # parse_script's own words, replaced by the hint

DEBOUNCE_MS = 350
_PENDING = QColor(255, 196, 0, 60)
_DOT = {"idle": "#5cb85c", "busy": "#f0ad4e", "error": "#d9534f"}


class ScriptPanel(QWidget):
    """Script editor + generation status indicator."""

    def __init__(self, session: EditorSession, controller: GenerationController, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("scriptEditor")
        self.editor.setPlaceholderText(
            "Background: who and where\nEmotion: the feeling underneath\n\n0.0s: what the face does first\n1.5s: what it does next …"
        )
        font = QFont("monospace")
        font.setStyleHint(QFont.TypeWriter)
        self.editor.setFont(font)
        self.editor.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.editor.setUndoRedoEnabled(False)  # one history: the editor's (see the module docstring)
        self.editor.installEventFilter(self)
        self.indicator = QLabel()
        self.indicator.setObjectName("generationStatus")
        self.indicator.setWordWrap(True)
        self.indicator.setTextFormat(Qt.RichText)
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("stopGeneration")
        self.stop_button.setText("Stop")
        self.stop_button.setToolTip("Stop the generation (Ctrl+.): what was proposed so far stays")
        self.stop_button.clicked.connect(controller.stop)
        self.stop_button.setVisible(controller.busy)
        controller.stateChanged.connect(lambda *_: self.stop_button.setVisible(controller.busy))
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.indicator, 1)
        status_row.addWidget(self.stop_button, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.editor, 1)
        layout.addLayout(status_row)
        self.error_label = QLabel()
        self.error_label.setObjectName("generationError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.RichText)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.hints = QLabel()
        self.hints.setObjectName("scriptHints")
        self.hints.setWordWrap(True)
        self.hints.setTextFormat(Qt.PlainText)
        self.hints.setStyleSheet(f"color: {_DOT['busy']}")
        self.hints.hide()
        layout.addWidget(self.hints)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.commit_text)
        self._updating = False
        self.editor.textChanged.connect(self._on_text_changed)
        session.documentChanged.connect(self._on_document_changed)
        controller.started.connect(self._on_started)
        self._highlight_timer = QTimer(self)  # coalesces the per-keyframe "applied" signals
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(0)
        self._highlight_timer.timeout.connect(self._highlight_pending)
        controller.applied.connect(lambda *_: self._highlight_timer.start())
        controller.done.connect(lambda *_: self._show("idle", controller.backend_label))
        controller.status.connect(self._on_status)
        controller.error.connect(self._show_error)
        self._on_document_changed()
        self._show("idle", "embedded planner ready" if not session.anim.keyframes else controller.backend_label)

    def sizeHint(self) -> QSize:
        return QSize(400, 560)

    # ------------------------------------------------------------------ one history
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Undo / redo keys in the box go to the editor's history (after committing typed text)."""
        if obj is self.editor and event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress):
            action = ("undo" if event.matches(QKeySequence.Undo)
                      else "redo" if event.matches(QKeySequence.Redo) or _is_ctrl_y(event) else None)
            if action is not None:
                event.accept()
                if event.type() == QEvent.KeyPress:
                    self.undo() if action == "undo" else self.redo()
                return True
        return super().eventFilter(obj, event)

    def commit_pending(self) -> None:
        """Commit the text typed since the last pause, if any (before an undo, a save …)."""
        if self.debounce.isActive():
            self.commit_text()

    def undo(self) -> bool:
        self.commit_pending()
        return self.session.undo()

    def redo(self) -> bool:
        self.commit_pending()
        return self.session.redo()

    # ------------------------------------------------------------------ text → document
    @Slot()
    def _on_text_changed(self) -> None:
        if not self._updating:
            self.debounce.start()

    @Slot()
    def commit_text(self) -> None:
        """Send the text to the controller now (the debounce timer calls this)."""
        from ..generation.script import ScriptError

        self.debounce.stop()
        self.error_label.hide()
        text = self.editor.toPlainText()
        try:
            hints = script_hints(text, self.session.fps)
        except ScriptError as exc:  # the keyframes stay as they were until the line is fixed
            self._show_hints([])
            self._show_error(_without_source(str(exc)))
            return
        self._show_hints(hints)
        self.controller.sync_script(text)

    def split_line_into_beats(self) -> bool:
        """Split the line at the cursor into one line per beat (see
        :func:`kfstudio.script_sync.lines.split_into_beats`) and commit the text; False when that line
        narrates no change."""
        from ..script_sync.lines import split_into_beats

        line = self.editor.textCursor().blockNumber() + 1
        text = split_into_beats(self.editor.toPlainText(), line, self.session.fps)
        if text is None:
            return False
        self.editor.setPlainText(text)
        self.commit_text()
        return True

    def _show_hints(self, hints: list[str]) -> None:
        self.hints.setText("\n".join(f"⚠ {h}" for h in hints))
        self.hints.setVisible(bool(hints))

    @Slot()
    def _on_document_changed(self) -> None:
        """Show the document's script when it changed elsewhere (undo, open), keeping the cursor."""
        text = self.session.anim.script
        if self.debounce.isActive() or text == self.editor.toPlainText():
            return
        cursor = self.editor.textCursor()
        position = cursor.position()
        self._updating = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._updating = False
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.editor.setTextCursor(cursor)
        self._refresh_hints(text)  # e.g. a line retimed by a drag now comes after a later one

    def _refresh_hints(self, text: str) -> None:
        from ..generation.script import ScriptError

        try:
            self._show_hints(script_hints(text, self.session.fps))
        except ScriptError:
            self._show_hints([])

    # ------------------------------------------------------------------ indicator
    @Slot(int, list)
    def _on_started(self, _job: int, uids: list) -> None:
        self._show("busy", f"generating {len(uids)} keyframe{'s' if len(uids) != 1 else ''} …")
        self._highlight_pending()

    @Slot(str)
    def _on_status(self, text: str) -> None:
        self._show("busy" if self.controller.busy else "idle", text)

    def _show(self, state: str, text: str) -> None:
        """Show the generation state (idle / busy) with a coloured dot."""
        self.state = state
        short = text if len(text) < 160 else text[:157] + "…"
        self.indicator.setText(f'<span style="color:{_DOT[state]}">●</span> {_escape(short)}')
        self.indicator.setToolTip(text)
        if state != "busy":
            self._highlight_pending()

    def _show_error(self, text: str) -> None:
        """Show a backend error under the status (until the next edit); never raises."""
        self.error_label.setText(f'<span style="color:{_DOT["error"]}">● {_escape(text[:300])}</span>')
        self.error_label.setToolTip(text)
        self.error_label.show()

    def _highlight_pending(self) -> None:
        """Tint the lines whose keyframe is waiting for its proposal (beats matched to keyframes by order)."""
        from ..generation.script import ScriptError
        from ..script_sync import parsed_script, script_keyframes

        self._highlight_timer.stop()
        pending = self.controller.pending
        selections = []
        if pending:
            try:
                beats = parsed_script(self.editor.toPlainText(), self.session.fps).beats
            except ScriptError:
                beats = []
            kfs = script_keyframes(self.session.anim)
            if [b.description for b in beats] == [k.description for k in kfs]:
                document = self.editor.document()
                for beat, k in zip(beats, kfs):
                    if k.uid in pending:
                        sel = QTextEdit.ExtraSelection()
                        sel.format.setBackground(_PENDING)
                        sel.format.setProperty(QTextFormat.FullWidthSelection, True)
                        sel.cursor = QTextCursor(document.findBlock(beat.span[0]))
                        selections.append(sel)
        self.editor.setExtraSelections(selections)


def script_hints(text: str, fps: float = 30.0) -> list[str]:
    """What the animator should know about ``text`` as a script: :data:`NO_BEATS_HINT` when it has
    words but no keyframe line, and the parser's warnings (e.g. "line 3: a time with no description").
    Raises :class:`~kfstudio.generation.script.ScriptError` for a script the parser refuses."""
    from ..generation.script import parse_script

    script = parse_script(text, fps=fps)
    hints = [NO_BEATS_HINT] if not script.beats and text.strip() else []
    return hints + [_without_source(w) for w in script.warnings if not w.endswith(_NO_BEATS_WARNING)]


def _without_source(message: str) -> str:
    """A parser message without the ``<script>`` name (the panel is the script)."""
    for prefix in ("<script>, ", "<script>: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _is_ctrl_y(event) -> bool:
    return event.key() == Qt.Key_Y and event.modifiers() & Qt.ControlModifier and not event.modifiers() & Qt.ShiftModifier


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
