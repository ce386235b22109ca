"""Crash safety: a recovery copy of unsaved work, written every minute, offered at the next start.

The copy is an ordinary ``.kfs`` project (written atomically by :func:`kfstudio.io.project.save_project`)
next to a small JSON note naming the file it belongs to. It is removed when the document is saved or
closed normally, so a recovery file found at start-up means the editor did not end cleanly. Such a
file is left alone (neither overwritten by an autosave nor removed when the new session's document
is clean) until :meth:`RecoveryManager.resolve` or :meth:`RecoveryManager.discard` is called, i.e.
until the user has answered the offer to restore it (see ``MainWindow.offer_recovery``).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Slot

from ..animation import commands as cmd
from ..animation.document import Animation
from ..io.project import ProjectError, atomic_write_text, load_project, save_project
from .session import EditorSession

__all__ = ["RecoveryManager", "Recovered", "default_recovery_dir", "find_recovery", "restore_edit", "AUTOSAVE_MS"]

AUTOSAVE_MS = 60_000
PROJECT_NAME = "recovery.kfs"
NOTE_NAME = "recovery.json"


def default_recovery_dir() -> Path:
    """``$KFSTUDIO_RECOVERY_DIR``, else the application data folder's ``recovery``."""
    env = os.environ.get("KFSTUDIO_RECOVERY_DIR")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation) or str(Path.home() / ".kfstudio")
    return Path(base) / "recovery"


@dataclass
class Recovered:
    """A recovery copy found on disk."""

    anim: Animation
    original: Path | None  # the file the unsaved work belonged to (None: an untitled document)
    saved_at: float  # time.time() of the autosave


def find_recovery(folder: Path) -> Recovered | None:
    """The recovery copy in ``folder``, or None (also None for a damaged copy, which is set aside)."""
    project = folder / PROJECT_NAME
    if not project.exists():
        return None
    try:
        anim = load_project(project)
    except (ProjectError, OSError):
        project.replace(project.with_suffix(".damaged"))
        return None
    original, saved_at = None, project.stat().st_mtime
    try:
        note = json.loads((folder / NOTE_NAME).read_text(encoding="utf-8"))
        original = Path(note["original"]) if note.get("original") else None
        saved_at = float(note.get("saved_at", saved_at))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return Recovered(anim, original, saved_at)


def restore_edit(current: Animation, recovered: Animation):
    """One undoable edit that turns ``current`` into the recovered document."""
    return cmd.replace_keyframes(
        current,
        [k.copy() for k in recovered.keyframes],
        label="Restore recovered work",
        fps=recovered.fps,
        duration=recovered.explicit_duration,
        script=recovered.script,
        channel_locked=recovered.channel_locked.copy(),
        channel_muted=recovered.channel_muted.copy(),
        settings=dict(recovered.settings),
    )


class RecoveryManager(QObject):
    """Writes the session's document to the recovery folder every ``interval_ms`` while it is unsaved.

    ``pending`` is True while a recovery copy left by an earlier session (found at construction) waits
    for the user's answer; meanwhile this manager neither overwrites nor removes it.
    """

    def __init__(self, session: EditorSession, folder: Path | None = None, interval_ms: int = AUTOSAVE_MS, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = Path(folder) if folder is not None else default_recovery_dir()
        self.last_error = ""
        self.pending = self.project_path.exists()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        session.undoStateChanged.connect(self._on_undo_state)

    @property
    def project_path(self) -> Path:
        return self.folder / PROJECT_NAME

    @Slot()
    def autosave(self) -> bool:
        """Write the recovery copy if the document has unsaved changes; True when written."""
        if self.pending or not self.session.modified:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_project(self.session.anim, self.project_path)
            note = {"original": str(self.session.path) if self.session.path else None, "saved_at": time.time()}
            atomic_write_text(self.folder / NOTE_NAME, json.dumps(note))
        except OSError as exc:
            self.last_error = f"autosave to {self.folder} failed: {exc}"
            return False
        return True

    @Slot()
    def _on_undo_state(self) -> None:
        if not self.pending and not self.session.modified:
            self.discard()

    def resolve(self) -> None:
        """The earlier session's copy has been dealt with (restored, or there was none): from now on
        this manager autosaves and removes the copy as usual."""
        self.pending = False

    def discard(self) -> None:
        """Remove the recovery copy (after a save, a normal close, or a declined restore)."""
        self.pending = False
        for name in (PROJECT_NAME, NOTE_NAME):
            try:
                (self.folder / name).unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass
