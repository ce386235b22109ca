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
from .time_axis import TimeAxis
from .time_fields import TimeSpinBox
from .timeline import Playback, Timeline
from .worker import GenerationController

__all__ = ["MainWindow", "EXAMPLE_SCRIPT", "MAX_RECENT", "DEFAULT_CURVES", "moving_channels"]

MAX_RECENT = 8
DEFAULT_CURVES = 8  # channels shown in the curve editor when the user has not chosen any
SPEEDS = (0.25, 0.5, 1.0, 2.0)  # playback speeds of the Playback › Speed menu
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
    if module == "dope_sheet":
        from .dope_sheet import DopeSheet

        return DopeSheet(session)
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
        #: The title of an untitled document made from a file (a capture CSV, a script): its file name.
        self.document_name: str | None = None
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
        if area is not None:  # None: the caller places it (tabifies it with another dock)
            self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _build_panels(self, viewport: bool | None, defer_panels: bool) -> None:
        from .viewport import ViewportPlaceholder, can_host_gl

        self.setDockNestingEnabled(True)
        self.script_panel = ScriptPanel(self.session, self.controller)
        self.timeline = Timeline(self.session)
        self.time_axis = TimeAxis(parent=self)  # one time axis: timeline, curves and dope sheet
        self.timeline.link_axis(self.time_axis)
        self.inspector = Inspector(self.session)
        if defer_panels:
            self.curve_editor = _Loading("loading the curve editor …")
            self.dope_sheet = _Loading("loading the dope sheet …")
            self.channel_list = _Loading("loading the channels …")
            self._after_paint.append(self.build_deferred_panels)
        else:
            self.curve_editor = _heavy_panel("curve_editor", self.session)
            self.channel_list = _heavy_panel("channel_list", self.session)
            self.dope_sheet = _heavy_panel("dope_sheet", self.session)
            self._attach_panel(self.curve_editor)
            self._attach_panel(self.dope_sheet)
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
        # The dope sheet starts closed (View › Dope sheet, Ctrl+Shift+D, opens it as a tab beside the
        # curves): tabified before the window is laid out, Qt left a stale second tab bar over the
        # curves, and a tabbed curves dock no longer takes the sizes asked for.
        dope = self._dock("dope", "Dope Sheet", self.dope_sheet, Qt.BottomDockWidgetArea)
        dope.hide()
        dope.toggleViewAction().toggled.connect(lambda on: on and QTimer.singleShot(0, self, self.show_dope_sheet))

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
        for attr, dock in (("channel_list", "channels"), ("curve_editor", "curves"), ("dope_sheet", "dope")):
            old = getattr(self, attr)
            if not isinstance(old, _Loading):
                continue
            widget = _heavy_panel(attr, self.session)
            self._attach_panel(widget)
            setattr(self, attr, widget)
            self.docks[dock].setWidget(widget)
            old.deleteLater()

    def _attach_panel(self, widget: QWidget) -> None:
        """Put a time panel (curves, dope sheet) on the shared time axis; its G/S transforms report
        in the status bar."""
        if hasattr(widget, "link_axis"):
            widget.link_axis(self.time_axis)
        transform = getattr(widget, "transform", None)
        if transform is not None:
            transform.statusChanged.connect(lambda text: self.statusBar().showMessage(text) if text else self.statusBar().clearMessage())

    def _ask(self, dialog_fn, *args, **kwargs):
        """Run a static file dialog (``QFileDialog.getOpenFileName`` ...) parented to this window, then
        activate this window again: under X11 the focus otherwise stays with the closed dialog and the
        window's shortcuts (Ctrl+O, Ctrl+Q ...) do nothing until it is clicked."""
        try:
            return dialog_fn(self, *args, **kwargs)
        finally:
            QTimer.singleShot(0, self, self._reactivate)

    def _reactivate(self) -> None:
        if self.isVisible() and not self._closed:
            self.activateWindow()
            self.raise_()

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

    @Slot()
    def split_line_into_beats(self) -> bool:
        """Split the script line at the cursor, a description that narrates a change, into one line per
        beat (one undo step, like any script edit); the status bar says when that line narrates none."""
        if self.script_panel.split_line_into_beats():
            return True
        self.statusBar().showMessage("The line at the cursor narrates no change (\"at first …, then …\"): nothing to split", 8000)
        return False

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
        a("stop_generation", "S&top generation", self.controller.stop).setEnabled(False)
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
        a("copy", "&Copy keys / pose", self.copy_selection)
        a("copy_pose", "Copy &pose at playhead", self.copy_pose)
        a("paste", "&Paste at playhead", self.paste)
        a("fps", "&Frame rate…", self.frame_rate_dialog)
        a("split_beats", "Split line into &beats", self.split_line_into_beats)
        a("go_start", "Go to &start", lambda: self.go_to_end(False))
        a("go_end", "Go to &end", lambda: self.go_to_end(True))
        a("go_start_alt", "Go to start", lambda: self.go_to_end(False))
        a("go_end_alt", "Go to end", lambda: self.go_to_end(True))
        a("range_start", "Play range &start at playhead", lambda: self.set_range_end(False))
        a("range_end", "Play range &end at playhead", lambda: self.set_range_end(True))
        a("range_clear", "&Clear play range", lambda: self.timeline.set_play_range(None))
        a("speed_down", "Slower", lambda: self.step_speed(-1))
        a("speed_up", "Faster", lambda: self.step_speed(1))
        a("three_quarter_view", "Three-quarter view", lambda: getattr(self.viewport, "three_quarter_view", lambda: None)())
        a("dope_sheet", "&Dope sheet", self.show_dope_sheet)
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
        for key in ("undo", "redo", None, "copy", "copy_pose", "paste", None, "key_pose", "duplicate", "delete", None,
                    "refine", "repropose", "regenerate_all", "stop_generation", "split_beats", None, "fps"):
            m.addSeparator() if key is None else m.addAction(self.action_map[key])
        m = bar.addMenu("&Playback")
        for key in ("play", "loop", None, "prev_frame", "next_frame", "prev_key", "next_key", "go_to_time", "go_start",
                    "go_end", None, "range_start", "range_end", "range_clear"):
            m.addSeparator() if key is None else m.addAction(self.action_map[key])
        self.speed_menu = m.addMenu("Speed")
        self.speed_actions = {}
        for speed in SPEEDS:
            act = self.speed_menu.addAction(f"{speed:g}x", lambda speed=speed: self.set_speed(speed))
            act.setCheckable(True)
            act.setChecked(speed == 1.0)
            self.speed_actions[speed] = act
        self.speed_menu.addSeparator()
        self.speed_menu.addAction(self.action_map["speed_down"])
        self.speed_menu.addAction(self.action_map["speed_up"])
        m = bar.addMenu("&View")
        for key in ("frame_all", "front_view", "three_quarter_view", "side_view", "wireframe", None, "dope_sheet", None, "load_head"):
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
        self.controller.stopped.connect(lambda *_: self.show_moving_channels())
        s.documentChanged.connect(self._update_stale)
        s.drag_finishers.append(self._retime_script_lines)
        s.dragStarted.connect(self.script_panel.commit_pending)
        s.timeDisplayChanged.connect(self._update_status)
        self.set_time_display(self.prefs.time_display)
        self.controller.stateChanged.connect(self._update_stale)
        self.controller.stateChanged.connect(self._on_generation_state)
        self._on_generation_state(self.controller.state)

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

    @Slot(object)
    def _on_generation_state(self, _state) -> None:
        """Stop generation is offered while a job runs; a job that ended without finishing (stopped,
        superseded) leaves no keyframe marked as pending."""
        busy = self.controller.busy
        self.action_map["stop_generation"].setEnabled(busy)
        if not busy:
            self.timeline.set_pending(())

    @Slot()
    def _update_stale(self, *_args) -> None:
        """Mark keyframes whose values were generated from another text, and those left with the
        planner's draft, not refined by the learned layer (timeline, inspector)."""
        from .. import script_sync

        stale = set(script_sync.stale_keyframes(self.session.anim))  # cached parse: cheap per change
        self.timeline.set_stale(stale)
        self.inspector.set_stale(stale)
        draft = set(self.controller.drafts())
        self.timeline.set_draft(draft)
        self.inspector.set_draft(draft)

    # ------------------------------------------------------------------ state display
    @Slot()
    def _update_title(self) -> None:
        # An imported capture or an opened script is untitled (Save asks where), named after its file.
        name = self.session.title if self.session.path is not None or not self.document_name else self.document_name
        self.setWindowTitle(f"{name}{' *' if self.session.modified else ''} — KeyframeFace Studio")

    @Slot()
    def _update_undo_actions(self) -> None:
        st = self.session.stack
        self.action_map["undo"].setEnabled(st.can_undo)
        self.action_map["redo"].setEnabled(st.can_redo)
        for key, can, text in (("undo", st.can_undo, st.undo_text), ("redo", st.can_redo, st.redo_text)):
            action = self.action_map[key]
            label = f"&{key.capitalize()} {text}" if can else f"&{key.capitalize()}"
            action.setText(label)  # the menu names the step ...
            action.setIconText(key.capitalize())  # ... the toolbar button keeps its width
            action.setToolTip(f"{label.replace('&', '')} ({SHORTCUTS[key][0]})")

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
        self.document_name = None
        self._update_title()
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
        path, _ = self._ask(QFileDialog.getOpenFileName, "Open", str(self._last_dir()), "KeyframeFace projects (*.kfs);;Scripts (*.txt);;All files (*)")
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
                self.document_name = path.name
                self._update_title()
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
        path, _ = self._ask(QFileDialog.getSaveFileName, "Save As", str(start), "KeyframeFace projects (*.kfs)")
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
        path, _ = self._ask(QFileDialog.getOpenFileName, "Import Live Link Face CSV", str(self._last_dir()), "Live Link Face CSV (*.csv)")
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
        self.document_name = path.name
        self._update_title()
        self.statusBar().showMessage(f"Imported {path.name}: {len(anim.keyframes)} keyframes", 6000)
        return True

    def export_dialog(self) -> None:
        start = self.proposed_path(".csv")
        path, _ = self._ask(QFileDialog.getSaveFileName, "Export Live Link Face CSV", str(start), "Live Link Face CSV (*.csv)")
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
        path, _ = self._ask(QFileDialog.getSaveFileName, f"Export {name}", str(start), f"{name} (*.{kind})")
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
        path, _ = self._ask(QFileDialog.getOpenFileName, "Load head", str(self._last_dir()), "Heads (*.glb *.gltf *.npz)")
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

    # ------------------------------------------------------------------ keys: clipboard, time, fps
    def copy_selection(self) -> bool:
        """Copy the selected keys, else the pose of the selected keyframe (or the one at the playhead)."""
        from ..animation import clipboard
        from .key_tools import copy_to_clipboard

        anim = self.session.anim
        alive = {k.uid for k in anim.keyframes}
        keys = [(u, c) for u, c in self.session.selected_keys if u in alive]
        if keys:
            copy_to_clipboard(clipboard.keys_payload(anim, keys))
            self.statusBar().showMessage(f"Copied {len(keys)} key{'s' if len(keys) != 1 else ''}", 4000)
            return True
        k = self.session.current_keyframe
        if k is None:
            return self.copy_pose()
        copy_to_clipboard(clipboard.pose_payload(k.values, anim.fps))
        self.statusBar().showMessage(f"Copied the pose of the keyframe at {k.time:.2f} s", 4000)
        return True

    def copy_pose(self) -> bool:
        """Copy the whole pose at the playhead."""
        from ..animation import clipboard
        from .key_tools import copy_to_clipboard

        copy_to_clipboard(clipboard.pose_payload(self.session.anim.evaluate(self.session.time), self.session.fps))
        self.statusBar().showMessage(f"Copied the pose at {self.session.time:.2f} s", 4000)
        return True

    def paste(self) -> bool:
        """Paste the clipboard's keys (from the playhead on) or pose (keyed at the playhead): one undo step."""
        from ..animation import clipboard
        from .key_tools import clipboard_payload

        try:
            payload = clipboard_payload()
            edit = clipboard.paste_edit(self.session.anim, payload, self.session.time)
        except clipboard.ClipboardError as exc:
            self.statusBar().showMessage(f"Nothing pasted: {exc}", 8000)
            return False
        if not self.session.push(edit):
            self.statusBar().showMessage("Nothing pasted: the keys are already there (or their channels are locked)", 6000)
            return False
        if edit.keys_after:
            self.session.select_keys(edit.keys_after)
        return True

    def go_to_end(self, end: bool) -> None:
        """Move the playhead to the start or the end of the play range (else of the document)."""
        a, b = self.playback.bounds()
        self.session.set_time(self.session.snap(b if end else a))

    def set_range_end(self, end: bool) -> None:
        """Set the play range's start or end at the playhead (the other end kept, else the document's)."""
        t = self.session.snap(self.session.time)
        a, b = self.timeline.play_range or (0.0, self.session.end_time)
        a, b = (a, t) if end else (t, b)
        if b - a < 1.0 / self.session.fps:
            a, b = (a, a + 1.0 / self.session.fps) if end else (b - 1.0 / self.session.fps, b)
        self.timeline.set_play_range((max(0.0, a), b))

    def set_speed(self, speed: float) -> None:
        self.playback.set_speed(speed)
        for s, act in self.speed_actions.items():
            act.setChecked(s == speed)
        self.statusBar().showMessage(f"Playback speed {speed:g}x", 3000)

    def step_speed(self, direction: int) -> None:
        i = min(range(len(SPEEDS)), key=lambda j: abs(SPEEDS[j] - self.playback.speed))
        self.set_speed(SPEEDS[min(max(i + direction, 0), len(SPEEDS) - 1)])

    def frame_rate_dialog(self) -> bool:
        from .key_tools import FpsDialog

        dialog = FpsDialog(self.session.fps, self)
        if not dialog.exec():
            return False
        fps, keep = dialog.choice()
        return self.change_fps(fps, keep)

    def change_fps(self, fps: float, keep: str = "times") -> bool:
        """Change the document's frame rate, keeping key times or frame numbers (one undo step)."""
        from ..animation import commands as cmd

        return self.session.push(cmd.change_fps(self.session.anim, fps, keep=keep))

    def show_dope_sheet(self) -> None:
        """Show the dope sheet as a tab beside the curves (on the same time axis)."""
        dock, curves = self.docks["dope"], self.docks["curves"]
        if dock not in self.tabifiedDockWidgets(curves) and not dock.isFloating():
            self.tabifyDockWidget(curves, dock)
        dock.show()
        dock.raise_()

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
