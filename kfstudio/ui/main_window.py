"""The main window: dockable panels around one :class:`EditorSession`, menus, toolbar and file handling.

Panels (all dockable, layout kept in QSettings): Script, 3D Viewport, Timeline, Curves, Channels,
Keyframe inspector. For a fast start (``defer_panels=True``) the panels that pull in large libraries
(the curve editor and channel list: pyqtgraph; the viewport: vispy and the head) start as placeholders
and are built right after the window's first paint; :meth:`MainWindow.after_first_paint` queues more
work for that moment. File actions go through :mod:`kfstudio.io.project` and :mod:`kfstudio.script_sync`;
errors from files are shown in a message box naming the file, never raised.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QStandardPaths, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

import kfstudio

from ..resources import EXAMPLE_SCRIPT
from ..animation.document import Animation
from ..io.project import ProjectError, load_project, save_project
from .inspector import Inspector
from .preferences import Preferences, PreferencesDialog, app_settings
from .recovery import RecoveryManager, find_recovery, restore_edit
from .script_panel import ScriptPanel
from .session import EditorSession
from .shortcuts import HELP_ONLY, SHORTCUTS, ShortcutsDialog
from .time_fields import TimeSpinBox
from .timeline import Playback, Timeline
from .worker import GenerationController

__all__ = ["MainWindow", "EXAMPLE_SCRIPT", "MAX_RECENT", "DEFAULT_CURVES", "moving_channels"]

MAX_RECENT = 8
DEFAULT_CURVES = 8  # channels shown in the curve editor when the user has not chosen any
_FILE_ERRORS = (OSError, ValueError)  # ProjectError, CSVFormatError, InputError derive from ValueError
#: Folders of the installed program: never proposed for the user's files.
_PROGRAM_DIRS = (Path(kfstudio.__file__).resolve().parent,)


def _inside_program(folder: Path) -> bool:
    folder = Path(folder).resolve()
    return any(folder == d or folder.is_relative_to(d) for d in _PROGRAM_DIRS)


def moving_channels(anim: Animation, count: int = DEFAULT_CURVES) -> list[int]:
    """The (at most) ``count`` channels whose keyframe values span the largest range, in channel order;
    channels that do not move are left out."""
    import numpy as np

    if len(anim.keyframes) < 2:
        return []
    values = np.stack([k.values for k in anim.keyframes])
    span = values.max(axis=0) - values.min(axis=0)
    order = [int(c) for c in np.argsort(-span, kind="stable")[:count] if span[c] > 1e-3]
    return sorted(order)


def _heavy_panel(module: str, session: EditorSession) -> QWidget:
    """The curve editor or the channel list. They import pyqtgraph, so they are imported when first
    built (right after the window shows) to keep start-up fast."""
    if module == "curve_editor":
        from .curve_editor import CurveEditor

        return CurveEditor(session)
    from .channel_list import ChannelList

    return ChannelList(session)


class _Loading(QLabel):
    """Stands in for a panel that is built right after the window first shows."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setAlignment(Qt.AlignCenter)
        self.setEnabled(False)


class MainWindow(QMainWindow):
    """The editor window (see the module docstring).

    ``viewport``: build the vispy viewport (default: when the Qt platform can host OpenGL).
    ``recovery_dir``: where autosaves go (default :func:`recovery.default_recovery_dir`).
    ``defer_panels``: build the curve editor and channel list after the first paint (see the module
    docstring); by default they are built at once.
    """

    def __init__(self, session: EditorSession | None = None, *, viewport: bool | None = None,
                 recovery_dir: Path | None = None, autosave_ms: int | None = None,
                 defer_panels: bool = False) -> None:
        super().__init__()
        self.first_paint_at: float | None = None  # time.perf_counter() of the first paint
        self._after_paint: list = []
        self.setObjectName("KeyframeFaceStudio")
        self.settings = app_settings()
        self.prefs = Preferences.load(self.settings)
        self.session = session or EditorSession(Animation(fps=self.prefs.fps))
        self.controller = GenerationController(self.session, self.prefs.backend_config(), parent=self)
        self.playback = Playback(self.session, self)
        self.recovery = RecoveryManager(self.session, recovery_dir, **({"interval_ms": autosave_ms} if autosave_ms else {}), parent=self)
        self.action_map: dict[str, QAction] = {}
        #: Name proposed for an untitled document's files: the script or capture it came from.
        self.document_stem: str | None = None
        self._closed = False
        self.docks: dict[str, QDockWidget] = {}
        self._build_panels(viewport, defer_panels)
        self._build_actions()
        self._build_menus()
        self._connect()
        self.resize(1500, 920)
        self._restore_layout()
        self._update_title()
        self._update_undo_actions()

    # ------------------------------------------------------------------ construction
    def _dock(self, key: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _build_panels(self, viewport: bool | None, defer_panels: bool) -> None:
        from .viewport import ViewportPlaceholder, can_host_gl

        self.setDockNestingEnabled(True)
        self.script_panel = ScriptPanel(self.session, self.controller)
        self.timeline = Timeline(self.session)
        self.inspector = Inspector(self.session)
        if defer_panels:
            self.curve_editor = _Loading("loading the curve editor …")
            self.channel_list = _Loading("loading the channels …")
            self._after_paint.append(self.build_deferred_panels)
        else:
            self.curve_editor = _heavy_panel("curve_editor", self.session)
            self.channel_list = _heavy_panel("channel_list", self.session)
        self._want_viewport = can_host_gl() if viewport is None else viewport
        self.viewport = _Loading("loading the 3D viewport …") if self._want_viewport else ViewportPlaceholder("this display has no OpenGL (offscreen)")
        central = QWidget()
        central.setMaximumSize(0, 0)
        self.setCentralWidget(central)
        script = self._dock("script", "Script", self.script_panel, Qt.LeftDockWidgetArea)
        view = self._dock("viewport", "3D Viewport", self.viewport, Qt.RightDockWidgetArea)
        channels = self._dock("channels", "Channels", self.channel_list, Qt.RightDockWidgetArea)
        timeline = self._dock("timeline", "Timeline", self.timeline, Qt.BottomDockWidgetArea)
        curves = self._dock("curves", "Curves", self.curve_editor, Qt.BottomDockWidgetArea)
        inspector = self._dock("inspector", "Keyframe", self.inspector, Qt.RightDockWidgetArea)
        self.splitDockWidget(view, channels, Qt.Horizontal)
        self.tabifyDockWidget(channels, inspector)
        channels.raise_()
        self.splitDockWidget(timeline, curves, Qt.Vertical)
        def default_sizes() -> None:
            # The head gets about half the window's height (at least a third), the timeline room for its
            # thumbnails and the curves the rest. The empty central widget keeps zero width but must be
            # free to grow in height: with a zero maximum height it pinned the dock row above the bottom
            # docks to its minimum height, whatever sizes were asked for (and the splitter could not
            # give the head more room either).
            central.setMaximumHeight(16777215)
            height = max(self.height(), 600)
            self.resizeDocks([script, view, channels], [400, 760, 320], Qt.Horizontal)
            self.resizeDocks([timeline, curves], [150, max(170, int(0.26 * height))], Qt.Vertical)

        self._default_sizes = default_sizes
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

    def build_deferred_panels(self) -> None:
        """Replace the curve editor and channel list placeholders by the real panels."""
        for attr, dock in (("channel_list", "channels"), ("curve_editor", "curves")):
            old = getattr(self, attr)
            if not isinstance(old, _Loading):
                continue
            widget = _heavy_panel(attr, self.session)
            setattr(self, attr, widget)
            self.docks[dock].setWidget(widget)
            old.deleteLater()

    def after_first_paint(self, fn) -> None:
        """Run ``fn()`` once the window has painted for the first time (at once if it already has)."""
        if self.first_paint_at is not None:
            QTimer.singleShot(0, self, fn)
        else:
            self._after_paint.append(fn)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.first_paint_at is None:
            self.first_paint_at = time.perf_counter()
            work, self._after_paint = self._after_paint, []
            for fn in work:
                QTimer.singleShot(0, self, fn)
            if self._want_viewport and not hasattr(self.viewport, "set_head"):
                QTimer.singleShot(0, self.build_viewport)

    def build_viewport(self) -> None:
        """Replace the placeholder by the vispy viewport (after the window shows: vispy and the head load)."""
        if not self._want_viewport or hasattr(self.viewport, "set_head"):
            return
        from .viewport import Viewport, ViewportPlaceholder

        try:
            viewport = Viewport(self.session, parent=self.docks["viewport"])  # built in its window
        except Exception as exc:  # no GL, no head: the rest of the editor still works
            viewport = ViewportPlaceholder(f"{type(exc).__name__}: {exc}")
        old, self.viewport = self.viewport, viewport
        self.docks["viewport"].setWidget(viewport)
        old.deleteLater()
        if hasattr(viewport, "render_thumbnail"):
            self.timeline.set_thumbnail_renderer(viewport.render_thumbnail)
        self.action_map["wireframe"].setChecked(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            QTimer.singleShot(50, self, self._default_sizes)  # once the window has its size

    def _action(self, key: str, text: str, slot, *, shortcut_id: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        sid = shortcut_id or key
        if sid in SHORTCUTS and sid not in HELP_ONLY:
            action.setShortcut(QKeySequence(SHORTCUTS[sid][0]))
            action.setToolTip(f"{text} ({SHORTCUTS[sid][0]})")
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.action_map[key] = action
        return action

    def _build_actions(self) -> None:
        a = self._action
        a("new", "&New", self.new_document)
        a("open", "&Open…", self.open_dialog)
        a("save", "&Save", self.save)
        a("save_as", "Save &As…", self.save_as)
        a("import_csv", "&Import Live Link Face CSV…", self.import_dialog)
        a("export_csv", "&Export Live Link Face CSV…", self.export_dialog)
        a("export_fbx", "Export &FBX…", lambda: self.export_model_dialog("fbx"))
        a("export_gltf", "Export &glTF…", lambda: self.export_model_dialog("glb"))
        a("preferences", "&Preferences…", self.edit_preferences)
        a("quit", "&Quit", self.close)
        a("undo", "&Undo", self.undo)
        a("redo", "&Redo", self.redo)
        a("delete", "&Delete keyframes", self.delete_selection)
        a("duplicate", "D&uplicate keyframe", self.timeline.duplicate_selected)
        a("key_pose", "&Key pose", lambda: self.timeline.add_keyframe())
        a("refine", "&Refine keyframe", lambda: self.regenerate_selected("refine"))
        a("repropose", "Re-&propose keyframe", lambda: self.regenerate_selected("repropose"))
        a("regenerate_all", "Re-propose &all keyframes", self.regenerate_all)
        a("play", "&Play / Pause", self.playback.toggle)
        a("loop", "&Loop", lambda on: setattr(self.playback, "loop", on), checkable=True).setChecked(True)
        a("prev_frame", "Previous frame", lambda: self.session.step_frames(-1))
        a("next_frame", "Next frame", lambda: self.session.step_frames(1))
        a("prev_key", "Previous keyframe", lambda: self.session.jump_keyframe(-1))
        a("next_key", "Next keyframe", lambda: self.session.jump_keyframe(1))
        a("frame_all", "&Frame all", self.frame_all)
        a("front_view", "Front view", lambda: getattr(self.viewport, "front_view", lambda: None)())
        a("side_view", "Side view", lambda: getattr(self.viewport, "side_view", lambda: None)())
        a("wireframe", "&Wireframe", lambda on: getattr(self.viewport, "set_wireframe", lambda _on: None)(on), checkable=True)
        a("load_head", "Load &head…", self.load_head_dialog)
        a("shortcuts", "&Keyboard shortcuts", lambda: ShortcutsDialog(self).exec())
        a("go_to_time", "&Go to time…", self.focus_go_to)
        for mode in ("seconds", "frames", "timecode"):
            a(f"time_{mode}", f"Show time as {mode}", lambda _on=False, m=mode: self.set_time_display(m), checkable=True)
        a("about", "&About", lambda: QMessageBox.about(self, "KeyframeFace Studio", "KeyframeFace Studio: write a script, get facial keyframes, edit them, export curves."))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("&File")
        for key in ("new", "open"):
            m.addAction(self.action_map[key])
        self.recent_menu = m.addMenu("Open &Recent")
        for key in ("save", "save_as", None, "import_csv", "export_csv", "export_fbx", "export_gltf", None, "preferences", None, "quit"):
            m.addSeparator() if key is None else m.addAction(self.action_map[key])
        m = bar.addMenu("&Edit")
        for key in ("undo", "redo", None, "key_pose", "duplicate", "delete", None, "refine", "repropose", "regenerate_all"):
            m.addSeparator() if key is None else m.addAction(self.action_map[key])
        m = bar.addMenu("&Playback")
        for key in ("play", "loop", None, "prev_frame", "next_frame", "prev_key", "next_key", "go_to_time"):
            m.addSeparator() if key is None else m.addAction(self.action_map[key])
        m = bar.addMenu("&View")
        for key in ("frame_all", "front_view", "side_view", "wireframe", None, "load_head"):
            m.addSeparator() if key is None else m.addAction(self.action_map[key])
        m.addSeparator()
        shown = m.addMenu("Show &time as")
        for mode in ("seconds", "frames", "timecode"):
            shown.addAction(self.action_map[f"time_{mode}"])
        panels = m.addMenu("&Panels")
        for dock in self.docks.values():
            panels.addAction(dock.toggleViewAction())
        m = bar.addMenu("&Help")
        m.addAction(self.action_map["shortcuts"])
        m.addAction(self.action_map["about"])
        tb = self.addToolBar("Main")
        tb.setObjectName("toolbar_main")
        for key in ("new", "open", "save", None, "undo", "redo", None, "play", "loop", None, "key_pose", "refine", "repropose", None, "export_csv"):
            tb.addSeparator() if key is None else tb.addAction(self.action_map[key])
        tb.addSeparator()
        self.go_to = TimeSpinBox(self.session)  # the playhead's time; type any time form to go there
        self.go_to.setObjectName("goToTime")
        self.go_to.setMinimumWidth(110)
        self.go_to.valueChanged.connect(lambda t: self.session.set_time(t) if abs(t - self.session.time) > 1e-9 else None)
        self.go_to.invalidTime.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.session.slowTimeChanged.connect(self._show_time_in_go_to)
        tb.addWidget(self.go_to)
        self._rebuild_recent_menu()

    def _connect(self) -> None:
        s = self.session
        s.undoStateChanged.connect(self._update_undo_actions)
        s.undoStateChanged.connect(self._update_title)
        s.pathChanged.connect(self._update_title)
        s.slowTimeChanged.connect(self._update_status)
        s.documentChanged.connect(self._update_status)
        s.playingChanged.connect(lambda on: self.action_map["play"].setText("&Pause" if on else "&Play"))
        self.timeline.regenerateRequested.connect(self.regenerate)
        self.timeline.rangeChanged.connect(lambda rng: setattr(self.playback, "range", rng))
        self.inspector.regenerateRequested.connect(self.regenerate)
        self.inspector.duplicateRequested.connect(self.timeline.duplicate_selected)
        self.inspector.description_handler = self.edit_description
        self.controller.started.connect(lambda _job, uids: self.timeline.set_pending(uids))
        self.controller.applied.connect(lambda *_: self.timeline.set_pending(self.controller.pending))
        self.controller.done.connect(lambda *_: self.timeline.set_pending(()))
        self.controller.done.connect(lambda *_: self.show_moving_channels())
        s.documentChanged.connect(self._update_stale)
        s.drag_finishers.append(self._retime_script_lines)
        s.dragStarted.connect(self.script_panel.commit_pending)
        s.timeDisplayChanged.connect(self._update_status)
        self.set_time_display(self.prefs.time_display)
        self.controller.stateChanged.connect(self._update_stale)

    # ------------------------------------------------------------------ time
    def focus_go_to(self) -> None:
        self.go_to.setFocus()
        self.go_to.selectAll()

    def _show_time_in_go_to(self, t: float) -> None:
        if not self.go_to.hasFocus():
            blocked = self.go_to.blockSignals(True)
            self.go_to.setValue(t)
            self.go_to.blockSignals(blocked)

    def set_time_display(self, mode: str) -> None:
        """Show times as seconds, frames or timecode in every panel (kept in the preferences)."""
        self.session.set_time_display(mode)
        for m in ("seconds", "frames", "timecode"):
            self.action_map[f"time_{m}"].setChecked(m == mode)
        if self.prefs.time_display != mode:
            self.prefs.time_display = mode
            self.prefs.save(self.settings)
        self._update_status()

    def _retime_script_lines(self, before) -> None:
        """After a drag moved script keyframes, their lines follow (in the same undo step)."""
        from .. import script_sync

        self.session.push(script_sync.retime_edit(self.session.anim, before))

    # ------------------------------------------------------------------ one history
    def undo(self) -> bool:
        """Undo on the editor's one history (typed script text is committed first)."""
        return self.script_panel.undo()

    def redo(self) -> bool:
        return self.script_panel.redo()

    @Slot()
    def _update_stale(self, *_args) -> None:
        """Mark keyframes whose values were generated from another text (timeline, inspector)."""
        from .. import script_sync

        stale = set(script_sync.stale_keyframes(self.session.anim))  # cached parse: cheap per change
        self.timeline.set_stale(stale)
        self.inspector.set_stale(stale)

    # ------------------------------------------------------------------ state display
    @Slot()
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.title}{' *' if self.session.modified else ''} — KeyframeFace Studio")

    @Slot()
    def _update_undo_actions(self) -> None:
        st = self.session.stack
        self.action_map["undo"].setEnabled(st.can_undo)
        self.action_map["redo"].setEnabled(st.can_redo)
        self.action_map["undo"].setText(f"&Undo {st.undo_text}" if st.can_undo else "&Undo")
        self.action_map["redo"].setText(f"&Redo {st.redo_text}" if st.can_redo else "&Redo")

    @Slot()
    def _update_status(self, *_args) -> None:
        s = self.session
        self.status_label.setText(f"{s.format_time(s.time)} · {len(s.anim.keyframes)} keyframes · {s.fps:g} fps")

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    def show_warning(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # ------------------------------------------------------------------ documents
    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.session.modified:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to {self.session.title}?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save,
        )
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def set_document(self, anim: Animation, path: Path | None = None) -> None:
        self.controller.cancel()
        self.session.set_playing(False)
        self.session.set_document(anim, path)
        self.document_stem = None
        self.timeline.frame_all()
        self.timeline.set_play_range(None)
        getattr(self.viewport, "frame_face", lambda: None)()
        self.session.set_visible_channels([])  # another document: its own moving channels
        self.show_moving_channels()

    def new_document(self) -> None:
        if self.confirm_discard():
            self.set_document(Animation(fps=self.prefs.fps))

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open", str(self._last_dir()), "KeyframeFace projects (*.kfs);;Scripts (*.txt);;All files (*)")
        if path:
            self.open_path(Path(path), confirm=False)

    def open_path(self, path: Path, *, confirm: bool = True) -> bool:
        """Open a project (``.kfs``) or a script (any text file: its keyframes are generated)."""
        if confirm and not self.confirm_discard():
            return False
        path = Path(path)
        try:
            if path.suffix.lower() == ".kfs":
                self.set_document(load_project(path), path)
            elif path.suffix.lower() == ".csv":
                return self.import_path(path)
            else:
                self.open_script(path.read_text(encoding="utf-8-sig"))
                self.document_stem = path.stem
        except _FILE_ERRORS as exc:
            self.show_error("Cannot open", str(exc) if str(path) in str(exc) else f"{path}: {exc}")
            return False
        self._add_recent(path)
        return True

    def open_script(self, text: str) -> None:
        """A new untitled document generated from a script text (shown progressively)."""
        self.set_document(Animation(fps=self.prefs.fps))
        self.script_panel.editor.setPlainText(text)
        self.script_panel.commit_text()
        self.session.stack.clear()  # the generated draft is the starting point, not an edit
        self.controller.done.connect(self._mark_draft_clean, Qt.SingleShotConnection)

    @Slot()
    def _mark_draft_clean(self) -> None:
        """The first generation of a freshly opened script is not an unsaved change to confirm."""
        stack = self.session.stack
        if stack.index == 1 and stack.undo_text == "Generate keyframes" and not stack.can_redo:
            stack.clear()

    def save(self) -> bool:
        if self.session.path is None or self.session.path.suffix.lower() != ".kfs":
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        start = self.proposed_path(".kfs", "untitled")
        path, _ = QFileDialog.getSaveFileName(self, "Save As", str(start), "KeyframeFace projects (*.kfs)")
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".kfs":
            path = path.with_suffix(".kfs")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from .. import script_sync

        self.script_panel.commit_pending()
        try:
            save_project(self.session.anim, path)
        except _FILE_ERRORS as exc:
            self.show_error("Cannot save", f"{path}: {exc}")
            return False
        self.session.mark_saved(path)
        self.recovery.discard()
        self._add_recent(path)
        stale = script_sync.stale_keyframes(self.session.anim)
        if stale:  # never silently: the file records it (provenance), and the user is told
            n = len(stale)
            self.statusBar().showMessage(
                f"Saved {path} — {n} keyframe{'s are' if n != 1 else ' is'} stale (values from another text; "
                "marked red on the timeline, recorded in the file)", 10000)
        else:
            self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def import_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Import Live Link Face CSV", str(self._last_dir()), "Live Link Face CSV (*.csv)")
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        from ..io.capture import import_capture

        try:
            anim = import_capture(path, self.prefs.import_tolerance or None)
        except _FILE_ERRORS as exc:
            self.show_error("Cannot import", str(exc) if str(path) in str(exc) else f"{path}: {exc}")
            return False
        self.set_document(anim, None)
        self.document_stem = path.stem
        self.statusBar().showMessage(f"Imported {path.name}: {len(anim.keyframes)} keyframes", 6000)
        return True

    def export_dialog(self) -> None:
        start = self.proposed_path(".csv")
        path, _ = QFileDialog.getSaveFileName(self, "Export Live Link Face CSV", str(start), "Live Link Face CSV (*.csv)")
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> bool:
        from ..io.capture import export_csv

        try:
            rows = export_csv(self.session.anim, path)
        except _FILE_ERRORS as exc:
            self.show_error("Cannot export", f"{path}: {exc}")
            return False
        self.statusBar().showMessage(f"Exported {rows} frames to {path}", 6000)
        return True

    def export_model_dialog(self, kind: str) -> bool:
        """Ask for the options and the file of an FBX (``kind`` "fbx") or glTF ("glb") export."""
        from .export_dialog import ExportDialog, ExportOptions

        name = "FBX" if kind == "fbx" else "glTF"
        dialog = ExportDialog(f"Export {name}", ExportOptions(fps=self.session.fps), self)
        if not dialog.exec():
            return False
        start = self.proposed_path(f".{kind}")
        path, _ = QFileDialog.getSaveFileName(self, f"Export {name}", str(start), f"{name} (*.{kind})")
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != f".{kind}":
            path = path.with_suffix(f".{kind}")
        return self.export_model(path, dialog.options())

    def export_model(self, path: Path, options) -> bool:
        """Write an FBX or GLB (by ``path``'s suffix) with ``options``; errors are shown, never raised."""
        from ..io.export import ExportError, export_animation

        head = getattr(getattr(self.viewport, "rig", None), "head", None)  # the head shown, if loaded
        try:
            export_animation(self.session.anim, path, mode=options.mode, bake=options.bake, fps=options.fps, head=head)
        except (ExportError, *_FILE_ERRORS) as exc:
            self.show_error("Cannot export", str(exc) if str(path.name) in str(exc) else f"{path}: {exc}")
            return False
        self.statusBar().showMessage(f"Exported {path}", 6000)
        return True

    def load_head_dialog(self) -> None:
        if not hasattr(self.viewport, "set_head"):
            self.show_error("No viewport", "The 3D viewport is not available on this display.")
            return
        path, _ = QFileDialog.getOpenFileName(self, "Load head", str(self._last_dir()), "Heads (*.glb *.gltf *.npz)")
        if path:
            self.load_head(Path(path))

    def load_head(self, path: Path) -> bool:
        """Show the head in ``path`` in the viewport; errors and missing shapes are shown, never raised."""
        from .viewport import load_head_file

        try:
            head, warnings = load_head_file(path)
            self.viewport.set_head(head)
        except (*_FILE_ERRORS, KeyError) as exc:
            self.show_error("Cannot load head", str(exc) if str(path.name) in str(exc) else f"{path}: {exc}")
            return False
        for text in warnings:
            self.show_warning("Head loaded with missing shapes", text)
        self.statusBar().showMessage(f"Head loaded from {path.name}" + (" (some shapes missing)" if warnings else ""), 8000)
        return True

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
        p = str(Path(path).resolve())
        files = [p] + [f for f in self.recent_files() if f != p]
        self.settings.setValue("recent_files", files[:MAX_RECENT])
        if not _inside_program(Path(p).parent):  # an example opened from the program is no working folder
            self.settings.setValue("last_dir", str(Path(p).parent))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for f in self.recent_files():
            self.recent_menu.addAction(Path(f).name, lambda f=f: self.open_path(Path(f))).setToolTip(f)
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def _last_dir(self) -> Path:
        """The folder the user last opened or saved in, else their documents folder (or home); never
        a folder of the installed program."""
        last = self.settings.value("last_dir", "")
        if last and Path(str(last)).is_dir() and not _inside_program(Path(str(last))):
            return Path(str(last))
        return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or Path.home())

    def proposed_path(self, suffix: str, untitled: str = "animation") -> Path:
        """Where a Save As / Export dialog starts: next to the document's file, else named after the
        script or capture it came from (``untitled`` when none) in :meth:`_last_dir`."""
        path = self.session.path
        if path is not None and not _inside_program(path.parent):
            return path.with_suffix(suffix)
        stem = path.stem if path is not None else (self.document_stem or untitled)
        return self._last_dir() / f"{stem}{suffix}"

    # ------------------------------------------------------------------ editing actions
    def delete_selection(self) -> None:
        self.timeline.delete_selected()

    def edit_description(self, uid: str, text: str) -> bool:
        """Describe keyframe ``uid`` as ``text`` in the script and the keyframe, as one undo step.

        A script keyframe's line is rewritten and the script synced (the keyframe keeps its id, locks
        and hand edits; it and its neighbours are refined from the new text). A keyframe made by hand
        gets a new script line. False (and a status message) when the script cannot take it.
        """
        from ..script_sync import describe_keyframe

        if self.script_panel.debounce.isActive():
            self.script_panel.commit_text()  # typed text first, so it is not overwritten
        new, edit = describe_keyframe(self.session.anim, uid, text)
        if new is None and edit is None:
            self.statusBar().showMessage("The description was not changed: the script has no line for it (or it would not read back as one line).", 8000)
            self.inspector.refresh()
            return False
        if new is not None:
            self.controller.sync_script(new)
            return True
        pushed = self.session.push(edit)
        self.controller.regenerate([uid], mode="refine", label="Refine keyframe",
                                   into=self.session.stack.top if pushed else None)
        return True

    def regenerate(self, uids: list, mode: str) -> None:
        label = "Refine keyframe" if mode == "refine" else "Re-propose keyframe"
        self.controller.regenerate(uids, mode=mode, label=label if len(uids) == 1 else label + "s")

    def regenerate_selected(self, mode: str) -> None:
        k = self.session.current_keyframe
        uids = list(self.session.selected_keyframes) or ([k.uid] if k is not None else [])
        if uids:
            self.regenerate(uids, mode)

    def regenerate_all(self) -> None:
        self.regenerate([k.uid for k in self.session.anim.keyframes if k.description], "repropose")

    def show_moving_channels(self, count: int = DEFAULT_CURVES) -> None:
        """When no channel is chosen for the curve editor, show the ``count`` that move most."""
        if not self.session.visible_channels:
            channels = moving_channels(self.session.anim, count)
            if channels:
                self.session.set_visible_channels(channels)
                getattr(self.curve_editor, "frame_all", lambda: None)()

    def frame_all(self) -> None:
        self.timeline.frame_all()
        getattr(self.viewport, "frame_face", lambda: None)()
        getattr(self.curve_editor, "frame_all", lambda: None)()

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec():
            self.prefs = dialog.preferences()
            self.prefs.save(self.settings)
            self.controller.set_config(self.prefs.backend_config())
            self.set_time_display(self.prefs.time_display)

    # ------------------------------------------------------------------ start-up and shutdown
    def offer_recovery(self) -> bool:
        """If a recovery copy exists, ask to restore it; True when it was restored."""
        found = find_recovery(self.recovery.folder)
        if found is None:
            self.recovery.resolve()
            return False
        name = found.original.name if found.original else "an untitled document"
        answer = QMessageBox.question(
            self, "Recover unsaved work",
            f"KeyframeFace Studio did not close normally. Restore the unsaved changes to {name}?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes,
        )
        if answer != QMessageBox.Yes:
            self.recovery.discard()
            return False
        base, path = Animation(fps=found.anim.fps), None
        if found.original is not None and found.original.exists():
            try:
                base, path = load_project(found.original), found.original
            except ProjectError:
                pass
        self.set_document(base, path)
        self.recovery.resolve()
        self.session.push(restore_edit(self.session.anim, found.anim))
        return True

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._layout_restored = isinstance(state, QByteArray) and self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if self._closed:
            event.accept()
            return
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        self.session.set_playing(False)
        self.controller.shutdown()
        self.recovery.timer.stop()
        self.recovery.discard()
        self._closed = True
        event.accept()
