"""The editor's keyboard shortcuts: one table, used to build the actions and the Help list."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

__all__ = ["SHORTCUTS", "shortcut", "ShortcutsDialog"]

#: action id -> (key sequence, what it does). Key sequences use Qt's portable text form.
SHORTCUTS: dict[str, tuple[str, str]] = {
    "new": ("Ctrl+N", "New document"),
    "open": ("Ctrl+O", "Open a project"),
    "save": ("Ctrl+S", "Save"),
    "save_as": ("Ctrl+Shift+S", "Save as"),
    "undo": ("Ctrl+Z", "Undo"),
    "redo": ("Ctrl+Shift+Z", "Redo"),
    "play": ("Space", "Play / pause"),
    "prev_frame": ("Left", "Step one frame back"),
    "next_frame": ("Right", "Step one frame forward"),
    "prev_key": ("Down", "Jump to the previous keyframe"),
    "next_key": ("Up", "Jump to the next keyframe"),
    "key_pose": ("K", "Key the current pose at the playhead"),
    "frame_all": ("F", "Frame all (viewport and curve editor)"),
    "delete": ("Delete", "Delete the selected keyframes or keys"),
    "duplicate": ("Ctrl+D", "Duplicate the selected keyframe at the playhead"),
    "loop": ("L", "Toggle loop playback"),
    "front_view": ("1", "Viewport: front view"),
    "side_view": ("3", "Viewport: side view"),
    "wireframe": ("W", "Viewport: toggle wireframe"),
    "quit": ("Ctrl+Q", "Quit"),
    "copy": ("Ctrl+C", "Copy the selected keys (else the selected keyframe's pose)"),
    "copy_pose": ("Ctrl+Shift+C", "Copy the whole pose at the playhead"),
    "paste": ("Ctrl+V", "Paste keys or a pose at the playhead (also from another document)"),
    "go_start": ("Home", "Go to the start (of the play range, else of the document)"),
    "go_end": ("End", "Go to the end (of the play range, else of the document)"),
    "go_start_alt": ("Shift+Left", "Go to the start"),
    "go_end_alt": ("Shift+Right", "Go to the end"),
    "range_start": ("I", "Play range: start at the playhead"),
    "range_end": ("O", "Play range: end at the playhead"),
    "speed_down": ("[", "Playback speed: slower (0.25x .. 2x)"),
    "speed_up": ("]", "Playback speed: faster"),
    "three_quarter_view": ("2", "Viewport: three-quarter view"),
    "dope_sheet": ("Ctrl+Shift+D", "Show the dope sheet"),
    "stop_generation": ("Ctrl+.", "Stop the generation (what was proposed so far stays)"),
    "go_to_time": ("Ctrl+G", "Go to a time (type 1.5, 45f, frame 45 or 00:00:01:12)"),
    "time_seconds": ("Ctrl+Alt+1", "Show times in seconds"),
    "time_frames": ("Ctrl+Alt+2", "Show times in frames"),
    "time_timecode": ("Ctrl+Alt+3", "Show times as timecode (HH:MM:SS:FF)"),
    "script_undo": ("Ctrl+Z (script box)", "Undo on the editor's one history (commits what was typed first)"),
    "script_redo": ("Ctrl+Shift+Z / Ctrl+Y (script box)", "Redo on the editor's one history"),
}

#: Rows of :data:`SHORTCUTS` that describe keys handled by a widget, not a window action.
HELP_ONLY = ("script_undo", "script_redo")


def shortcut(action_id: str) -> str:
    return SHORTCUTS[action_id][0]


class ShortcutsDialog(QDialog):
    """Help > Keyboard Shortcuts: the window's shortcuts and the curve editor's keys, read-only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        from .curve_editor import key_help
        from .dope_sheet import KEY_HELP as DOPE_KEYS
        from .key_tools import KEY_HELP as TRANSFORM_KEYS

        rows = list(SHORTCUTS.values()) + key_help() + TRANSFORM_KEYS + DOPE_KEYS
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Key", "Action"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        table.resizeColumnToContents(0)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(460, 520)
