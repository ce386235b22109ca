"""The Qt side of one open document: the animation, its undo stack, the playhead and the selection.

Every view of the editor (timeline, viewport, curve editor, channel list, inspector, script panel)
holds a reference to one :class:`EditorSession` and listens to its signals; none keeps document state
of its own. Edits go through :meth:`EditorSession.push` with an edit built by
:mod:`kfstudio.animation.commands`, so each one is undoable; a drag is grouped into one undo step
with :meth:`EditorSession.begin_drag` / :meth:`EditorSession.end_drag`. Functions in
:attr:`EditorSession.drag_finishers` run just before a drag's step closes, so what they push (e.g.
the script lines rewritten to the keyframes' new times) is part of the same undo step.

How times are shown (seconds, frames or timecode: :attr:`EditorSession.time_display`) is also kept
here, so that every panel shows them alike (:meth:`EditorSession.format_time`).

The session lives in the GUI thread. The document may be *replaced* (File > New / Open / Import):
views must always read ``session.anim`` and ``session.stack`` afresh instead of caching them;
``documentReplaced`` is emitted first, then ``documentChanged``.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from .. import channels as ch
from ..animation import timefmt
from ..animation.commands import Command, UndoStack
from ..animation.document import Animation
from ..script_sync import LineKey, line_keys

__all__ = ["EditorSession"]


class EditorSession(QObject):
    """One open document and its editing state (see the module docstring)."""

    #: Interval of ``slowTimeChanged`` during playback (10 Hz).
    SLOW_TIME_MS = 100
    #: Changes made inside :meth:`coalesced` emit ``documentChanged`` at most this often.
    COALESCE_MS = 50

    #: After any change of the animation (an edit, an undo or redo, a replaced document).
    documentChanged = Signal()
    #: The animation object itself was replaced (new, open, import); emitted before documentChanged.
    documentReplaced = Signal()
    #: The playhead moved (seconds).
    timeChanged = Signal(float)
    #: The playhead moved, at most every :attr:`SLOW_TIME_MS` during playback (and once when it
    #: stops); for views too costly to update every frame (value lists, inspectors, status text).
    slowTimeChanged = Signal(float)
    #: Selected keyframes, keys or visible channels changed.
    selectionChanged = Signal()
    #: Undo/redo availability, labels or the clean (saved) state changed.
    undoStateChanged = Signal()
    #: Playback started (True) or stopped (False).
    playingChanged = Signal(bool)
    #: The file path of the document changed (Save As, Open).
    pathChanged = Signal()
    #: A drag (one undo step of several pushes) is about to start.
    dragStarted = Signal()
    #: How times are shown changed (``"seconds"``, ``"frames"`` or ``"timecode"``).
    timeDisplayChanged = Signal(str)

    def __init__(self, anim: Animation | None = None, path: str | Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.anim: Animation = Animation()
        self.stack: UndoStack = UndoStack(self.anim)
        self.path: Path | None = None
        self.time: float = 0.0
        self.playing: bool = False
        self.selected_keyframes: list[str] = []
        self.selected_keys: list[tuple[str, int]] = []
        self.visible_channels: list[int] = []
        self._unsubscribe = lambda: None
        self._pose_cache: tuple[int, float, np.ndarray] | None = None
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(self.SLOW_TIME_MS)
        self._slow_timer.timeout.connect(self._on_slow_timer)
        self._slow_pending = False
        self._coalescing = 0  # depth of coalesced() blocks
        self._change_timer = QTimer(self)  # emits the deferred documentChanged of coalesced changes
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(self.COALESCE_MS)
        self._change_timer.timeout.connect(self._emit_deferred_change)
        self._change_deferred = False
        self.time_display = "seconds"
        #: ``fn(script_keyframes_before)`` run before a drag's undo step closes (see the module docstring)
        self.drag_finishers: list[Callable[[list[LineKey]], None]] = []
        self._drag_before: list[LineKey] = []
        #: keyframe id -> why the backend proposed its values (the explanation of the last proposal:
        #: which words the planner read, what the learned layer filled and with what confidence).
        #: Not part of the document: shown by the inspector, forgotten with the document.
        self.explanations: dict[str, list[str]] = {}
        self.set_document(anim if anim is not None else Animation(), path)

    # ------------------------------------------------------------------ document
    def set_document(self, anim: Animation, path: str | Path | None = None) -> None:
        """Replace the document (a new undo history starts, clean); keeps the playhead in range."""
        self._unsubscribe()
        self.anim = anim
        self.explanations = {}
        self.stack = UndoStack(anim)
        self.stack.subscribe(lambda _stack: self.undoStateChanged.emit())
        self._unsubscribe = anim.subscribe(self._on_document_touched)
        self.path = None if path is None else Path(path)
        self._pose_cache = None
        self.selected_keyframes = []
        self.selected_keys = []
        self._change_deferred = False
        self._change_timer.stop()
        self.documentReplaced.emit()
        self.documentChanged.emit()
        self.selectionChanged.emit()
        self.undoStateChanged.emit()
        self.pathChanged.emit()
        self.set_time(min(self.time, self.end_time))

    def _on_document_touched(self, _anim: Animation) -> None:
        self._pose_cache = None
        self._prune_selection()
        if self._coalescing:
            self._change_deferred = True
            if not self._change_timer.isActive():
                self._change_timer.start()
            return
        self._change_deferred = False
        self._change_timer.stop()
        self.documentChanged.emit()

    @contextmanager
    def coalesced(self, interval_ms: int | None = None) -> Iterator[None]:
        """Document changes made inside this block emit ``documentChanged`` later, at most once per
        ``interval_ms`` (default :attr:`COALESCE_MS`) however many there are (for a stream of machine-made edits, such as the
        generation worker's proposals, so the views redraw a bounded number of times). A change made
        outside such a block emits at once, and includes any change still deferred."""
        self._coalescing += 1
        if not self._change_timer.isActive():
            self._change_timer.setInterval(self.COALESCE_MS if interval_ms is None else int(interval_ms))
        try:
            yield
        finally:
            self._coalescing -= 1

    @property
    def has_deferred_change(self) -> bool:
        """True while a coalesced change has not yet been announced by ``documentChanged``."""
        return self._change_deferred

    def flush_changes(self) -> None:
        """Emit a deferred ``documentChanged`` now (if a coalesced change is waiting)."""
        self._change_timer.stop()
        self._emit_deferred_change()

    def _emit_deferred_change(self) -> None:
        if self._change_deferred:
            self._change_deferred = False
            self.documentChanged.emit()

    def _prune_selection(self) -> None:
        """Forget selected keyframes and keys that no longer exist (after a delete or an undo)."""
        alive = {k.uid for k in self.anim.keyframes}
        kfs = [u for u in self.selected_keyframes if u in alive]
        keys = [(u, c) for u, c in self.selected_keys if u in alive and self.anim.find(u).keyed[c]]
        if kfs != self.selected_keyframes or keys != self.selected_keys:
            self.selected_keyframes, self.selected_keys = kfs, keys
            self.selectionChanged.emit()

    def set_path(self, path: str | Path | None) -> None:
        self.path = None if path is None else Path(path)
        self.pathChanged.emit()

    @property
    def modified(self) -> bool:
        """True when the document differs from the last save (or from how it was opened)."""
        return not self.stack.is_clean

    def mark_saved(self, path: str | Path | None = None) -> None:
        """Record that the document was just written (to ``path``, when given)."""
        if path is not None:
            self.set_path(path)
        self.stack.set_clean()

    @property
    def title(self) -> str:
        """The document's display name: the file name, or "Untitled"."""
        return self.path.name if self.path is not None else "Untitled"

    # ------------------------------------------------------------------ editing
    def push(self, edit: Command | None) -> bool:
        """Apply an edit through the undo stack; False (nothing happens) for ``None`` or a no-op."""
        return self.stack.push(edit)

    def undo(self) -> bool:
        return self.stack.undo()

    def redo(self) -> bool:
        return self.stack.redo()

    def begin_drag(self, label: str) -> None:
        """Start grouping pushes into one undo step (mouse press / ``sigRegionChangeStarted``)."""
        if not self.stack.in_macro:
            self.dragStarted.emit()  # e.g. the script box commits what was typed
            self._drag_before = line_keys(self.anim)
        self.stack.begin_macro(label)

    def end_drag(self) -> None:
        """Close the group opened by :meth:`begin_drag` (mouse release / ``sigRegionChangeFinished``)."""
        if self.stack.in_macro:
            if self.stack.macro_depth == 1:
                for fn in list(self.drag_finishers):
                    fn(self._drag_before)
            self.stack.end_macro()
            self.undoStateChanged.emit()

    # ------------------------------------------------------------------ time display
    def set_time_display(self, mode: str) -> None:
        """Show times as ``"seconds"``, ``"frames"`` or ``"timecode"`` in every panel."""
        if mode not in timefmt.DISPLAY_MODES:
            raise ValueError(f"time display must be one of {', '.join(timefmt.DISPLAY_MODES)}, got {mode!r}")
        if mode != self.time_display:
            self.time_display = mode
            self.timeDisplayChanged.emit(mode)

    def format_time(self, t: float, **kwargs) -> str:
        """``t`` seconds as the panels show it (see :func:`kfstudio.animation.timefmt.format_time`)."""
        return timefmt.format_time(t, self.anim.fps, self.time_display, **kwargs)

    def cancel_drag(self) -> None:
        """Undo and forget the pushes since :meth:`begin_drag` (Escape during a drag)."""
        if self.stack.in_macro:
            self.stack.cancel_macro()
            self.undoStateChanged.emit()

    # ------------------------------------------------------------------ playhead
    @property
    def fps(self) -> float:
        return self.anim.fps

    @property
    def end_time(self) -> float:
        """The last time of the document (start + duration), at least one frame."""
        return max(self.anim.start + self.anim.duration, 1.0 / self.anim.fps)

    def set_time(self, t: float) -> None:
        """Move the playhead to ``t`` seconds (not before 0); emits ``timeChanged`` when it moves."""
        t = float(t)
        if not np.isfinite(t):
            return
        t = max(0.0, t)
        if t != self.time:
            self.time = t
            self.timeChanged.emit(t)
            if not self.playing:
                self.slowTimeChanged.emit(t)
            elif not self._slow_timer.isActive():
                self._emit_slow_time()
                self._slow_timer.start()
            else:
                self._slow_pending = True

    def _emit_slow_time(self) -> None:
        self._slow_pending = False
        self.slowTimeChanged.emit(self.time)

    def _on_slow_timer(self) -> None:
        """During playback: emit the latest playhead time once per interval, if it moved."""
        if self._slow_pending:
            self._emit_slow_time()
            self._slow_timer.start()

    def snap(self, t: float) -> float:
        """``t`` rounded to the nearest frame of the document."""
        return round(float(t) * self.anim.fps) / self.anim.fps

    def step_frames(self, n: int) -> None:
        """Move the playhead by ``n`` frames (from the nearest frame)."""
        self.set_time(self.snap(self.time) + n / self.anim.fps)

    def jump_keyframe(self, direction: int) -> bool:
        """Move the playhead to the next (``direction`` > 0) or previous keyframe; False if none."""
        eps = 0.25 / self.anim.fps
        times = sorted({k.time for k in self.anim.keyframes})
        if direction > 0:
            later = [t for t in times if t > self.time + eps]
            target = later[0] if later else None
        else:
            earlier = [t for t in times if t < self.time - eps]
            target = earlier[-1] if earlier else None
        if target is None:
            return False
        self.set_time(target)
        return True

    def pose(self, t: float | None = None) -> np.ndarray:
        """The 61 channel values at ``t`` (default: the playhead), cached per document version."""
        t = self.time if t is None else float(t)
        cache = self._pose_cache
        if cache is not None and cache[0] == self.anim.version and cache[1] == t:
            return cache[2]
        values = self.anim.evaluate(t)
        self._pose_cache = (self.anim.version, t, values)
        return values

    def set_playing(self, playing: bool) -> None:
        if bool(playing) != self.playing:
            self.playing = bool(playing)
            self.playingChanged.emit(self.playing)
            if not self.playing:
                self._slow_timer.stop()
                self._slow_pending = False
                self.slowTimeChanged.emit(self.time)

    # ------------------------------------------------------------------ selection
    def select_keyframes(self, uids: Iterable[str]) -> None:
        uids = list(dict.fromkeys(uids))
        if uids != self.selected_keyframes:
            self.selected_keyframes = uids
            self.selectionChanged.emit()

    def select_keys(self, keys: Iterable[tuple[str, int]]) -> None:
        keys = list(dict.fromkeys((str(u), int(c)) for u, c in keys))
        if keys != self.selected_keys:
            self.selected_keys = keys
            self.selectionChanged.emit()

    def set_visible_channels(self, channels: Iterable[int]) -> None:
        cs = [int(c) for c in dict.fromkeys(channels) if 0 <= int(c) < ch.NUM_CHANNELS]
        if cs != self.visible_channels:
            self.visible_channels = cs
            self.selectionChanged.emit()

    @property
    def current_keyframe(self):
        """The first selected keyframe that exists, else the keyframe at the playhead, else None."""
        for uid in self.selected_keyframes:
            try:
                return self.anim.find(uid)
            except KeyError:
                continue
        return self.anim.keyframe_at(self.time)
