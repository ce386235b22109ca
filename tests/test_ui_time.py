"""Time in the editor's widgets (offscreen): a dragged keyframe's script line follows in the drag's
undo step, typed times in frames and timecodes (inspector, go-to field), warnings for text that is
not a time, one display mode for ruler, curve axis, inspector and status, and an undo during
generation that stops the job and a redo that resumes it."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from kfstudio import script_sync  # noqa: E402
from kfstudio.generation.script import parse_script  # noqa: E402
from kfstudio.ui.timeline import MARKER_Y  # noqa: E402

SCRIPT = """Background: A nurse hears good news.
Emotion: Tired relief.

0.5s: The eyes close slowly.
45f: A wide smile spreads.
@3 The jaw drops open in a laugh.
"""


@pytest.fixture
def window(editor_window, qtbot):
    w = editor_window
    w.open_script(SCRIPT)
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=20000)
    return w


def drag_keyframe(qtbot, w, uid: str, target: float) -> None:
    tl = w.timeline
    tl.frame_all()
    x0 = int(round(tl.x_of(w.session.anim.find(uid).time)))
    x1 = int(round(tl.x_of(target)))
    qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(x0, MARKER_Y))
    for x in np.linspace(x0, x1, 6)[1:]:
        qtbot.mouseMove(tl, QPoint(int(x), MARKER_Y))
    qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(x1, MARKER_Y))


def line_with(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if words in line)


def test_a_dragged_keyframe_rewrites_its_line_in_its_style_as_one_undo_step(qtbot, window):
    w = window
    k = script_sync.script_keyframes(w.session.anim)[1]
    assert line_with(w.session.anim.script, "smile") == "45f: A wide smile spreads."
    depth = w.session.stack.index
    drag_keyframe(qtbot, w, k.uid, 2.0)
    moved = w.session.anim.find(k.uid).time
    assert moved != 1.5
    frames = round(moved * w.session.fps)
    assert line_with(w.session.anim.script, "smile") == f"{frames}f: A wide smile spreads."
    assert w.script_panel.editor.toPlainText() == w.session.anim.script  # the box shows it
    assert w.session.stack.index == depth + 1  # the drag and the rewrite: one step
    beats = parse_script(w.session.anim.script, fps=w.session.fps).beats
    assert beats[1].time == pytest.approx(moved)
    assert script_sync.stale_keyframes(w.session.anim) == []  # a time is no new text: no regeneration
    assert not w.controller.busy
    w.undo()
    assert w.session.anim.find(k.uid).time == 1.5 and line_with(w.session.anim.script, "smile") == "45f: A wide smile spreads."
    w.redo()
    assert w.session.anim.find(k.uid).time == moved and line_with(w.session.anim.script, "smile").startswith(f"{frames}f:")


def test_the_inspector_takes_frames_and_timecodes_and_warns_about_other_text(qtbot, window):
    w = window
    k = script_sync.script_keyframes(w.session.anim)[2]
    w.session.select_keyframes([k.uid])
    field = w.inspector.time
    first = w.session.stack.index
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "120f")
    qtbot.keyClick(field.lineEdit(), Qt.Key_Return)
    assert w.session.anim.find(k.uid).time == pytest.approx(4.0)
    assert line_with(w.session.anim.script, "laugh") == "@4.0 The jaw drops open in a laugh."
    assert w.session.stack.index == first + 1  # the move and its line: one step
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "00:00:03:15")
    qtbot.keyClick(field.lineEdit(), Qt.Key_Return)
    assert w.session.anim.find(k.uid).time == pytest.approx(3.5)
    depth = w.session.stack.index
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "soonish")
    field.lineEdit().editingFinished.emit()
    assert w.session.anim.find(k.uid).time == pytest.approx(3.5) and w.session.stack.index == depth
    assert w.inspector.time_warning.isVisibleTo(w.inspector) and "not a time" in w.inspector.time_warning.text()
    w.undo()
    assert w.session.anim.find(k.uid).time == pytest.approx(4.0) and "@4.0" in w.session.anim.script


def test_the_go_to_field_moves_the_playhead_to_any_typed_time(qtbot, window):
    w = window
    w.action_map["go_to_time"].trigger()
    qtbot.keyClicks(w.go_to.lineEdit(), "frame 40")
    qtbot.keyClick(w.go_to.lineEdit(), Qt.Key_Return)
    assert w.session.time == pytest.approx(40 / 30)
    w.go_to.lineEdit().selectAll()
    qtbot.keyClicks(w.go_to.lineEdit(), "1,5s")
    qtbot.keyClick(w.go_to.lineEdit(), Qt.Key_Return)
    assert w.session.time == pytest.approx(1.5)


def test_one_display_mode_in_every_panel(qtbot, window):
    w = window
    w.session.set_time(1.5)
    k = script_sync.script_keyframes(w.session.anim)[1]
    w.session.select_keyframes([k.uid])
    axis = w.curve_editor.plot.getAxis("bottom")
    for mode, shown in (("frames", "45f"), ("timecode", "00:00:01:15"), ("seconds", "1.50 s")):
        w.action_map[f"time_{mode}"].trigger()
        assert w.prefs.time_display == mode and w.action_map[f"time_{mode}"].isChecked()
        assert shown in w.status_label.text()
        assert shown in w.inspector.title.text()
        assert w.inspector.time.text().startswith(shown.split(" ")[0][:5])
        assert axis.tickStrings([1.5], 1, 0.5)[0] == {"frames": "45", "timecode": "00:00:01:15", "seconds": "1.50"}[mode]
    w.action_map["time_frames"].trigger()
    from kfstudio.ui.preferences import Preferences

    assert Preferences.load(w.settings).time_display == "frames"  # kept for the next start
    labels = []
    orig = w.timeline._paint_ruler

    positions: list[float] = []

    def spy(p, width, left=None, right=None):  # the ruler's labels, as drawn
        drawn = []
        real = p.drawText
        p.drawText = lambda pos, text: (drawn.append(text), positions.append(pos.x()), real(pos, text))
        try:
            orig(p, width, left, right)
        finally:
            del p.drawText
        labels.extend(drawn)

    w.timeline._paint_ruler = spy
    w.timeline.repaint()
    assert labels and all(label.endswith("f") and label[:-1].isdigit() for label in labels)
    everywhere = len(labels)
    # a strip repainted under a moving playhead draws only the labels that can reach it
    labels.clear()
    positions.clear()
    strip = w.timeline.width() // 2
    w.timeline.repaint(strip - 8, 0, 17, w.timeline.height())
    assert 0 < len(labels) < everywhere
    assert all(strip - 8 - w.timeline._LABEL_W <= x <= strip + 9 + 3 for x in positions)


def test_undo_during_generation_stops_the_job_and_redo_resumes_it(qtbot, window):
    w = window
    editor = w.script_panel.editor
    start = w.session.anim.script
    editor.setPlainText(start + "4s: She wipes a tear and nods.\n5s: She laughs again.\n")
    w.script_panel.commit_text()
    assert w.controller.busy
    w.undo()  # while the worker runs
    assert w.session.anim.script == start and not w.controller.busy
    qtbot.waitUntil(lambda: w.script_panel.editor.toPlainText() == start, timeout=3000)
    assert script_sync.stale_keyframes(w.session.anim) == []
    w.redo()
    qtbot.waitUntil(lambda: not w.controller.busy and not script_sync.stale_keyframes(w.session.anim), timeout=20000)
    assert len(script_sync.script_keyframes(w.session.anim)) == 5
    assert w.session.stack.undo_text == "Edit script"
    w.undo()
    assert w.session.anim.script == start and len(script_sync.script_keyframes(w.session.anim)) == 3


def test_the_new_keys_are_listed_in_help_and_bound(qtbot, window):
    from PySide6.QtGui import QKeySequence

    from kfstudio.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    for keys in ("Ctrl+G", "Ctrl+Alt+1", "Ctrl+Alt+2", "Ctrl+Alt+3", "Ctrl+Z (script box)"):
        assert keys in rows, f"{keys} missing from Help › Keyboard shortcuts"
    assert window.action_map["go_to_time"].shortcut() == QKeySequence("Ctrl+G")
    assert window.action_map["time_frames"].shortcut() == QKeySequence("Ctrl+Alt+2")
    bound = [a.shortcut().toString() for a in window.action_map.values() if not a.shortcut().isEmpty()]
    assert len(bound) == len(set(bound)), "two actions share a key"


def test_a_drag_past_a_later_line_is_told_under_the_script(qtbot, window):
    w = window
    k = script_sync.script_keyframes(w.session.anim)[1]  # 45f, before the @3 line
    drag_keyframe(qtbot, w, k.uid, 4.0)
    assert w.session.anim.find(k.uid).time > 3.0
    assert w.script_panel.hints.isVisibleTo(w.script_panel) and "backwards" in w.script_panel.hints.text()
    assert [b.description for b in parse_script(w.session.anim.script).beats] == [
        x.description for x in script_sync.script_keyframes(w.session.anim)]
