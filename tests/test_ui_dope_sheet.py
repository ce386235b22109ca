"""The dope sheet, G/S transforms, numeric key fields, copy/paste, fps change and playback keys,
driven on the real widgets (pytest-qt, offscreen). Each edit is checked to be one undo step."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("pyqtgraph")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio.animation import clipboard  # noqa: E402
from kfstudio.animation.document import Animation, Keyframe  # noqa: E402
from kfstudio.ui.dope_sheet import DopeSheet  # noqa: E402
from kfstudio.ui.session import EditorSession  # noqa: E402

FPS = 30.0
JAW = ch.channel_index("JawOpen")
SMILE_L = ch.channel_index("MouthSmileLeft")
BLINK_L = ch.channel_index("EyeBlinkLeft")


def make_animation() -> Animation:
    kfs = []
    for i, t in enumerate((0.0, 1.0, 2.0)):
        v = np.zeros(ch.NUM_CHANNELS)
        v[JAW] = (0.1, 0.6, 0.2)[i]
        v[SMILE_L] = 0.3 + 0.1 * i
        v[BLINK_L] = 0.5 * (i % 2)
        keyed = np.zeros(ch.NUM_CHANNELS, bool)
        keyed[[JAW, SMILE_L, BLINK_L]] = True
        kfs.append(Keyframe(t, f"pose {i}", v, keyed=keyed))
    return Animation(kfs, fps=FPS)


def at(anim, t):
    return next(k for k in anim.keyframes if abs(k.time - t) < 1e-9)


@pytest.fixture
def session(qtbot):
    return EditorSession(make_animation())


@pytest.fixture
def sheet(qtbot, session):
    w = DopeSheet(session)
    qtbot.addWidget(w)
    w.resize(900, 500)
    w.show()
    qtbot.waitExposed(w)
    w.view.setXRange(-0.3, 3.0, padding=0)
    return w


def move(qtbot, widget, pos: QPoint) -> None:
    qtbot.wait(12)  # pyqtgraph drops moves closer than 10 ms apart
    qtbot.mouseMove(widget, pos)


def drag(qtbot, sheet, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 4) -> None:
    vp = sheet.plot.viewport()
    move(qtbot, vp, start)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifier, start)
    for i in range(1, steps + 1):
        move(qtbot, vp, start + (end - start) * (i / steps))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, end)


def test_rows_show_the_keys_of_every_channel_group_and_the_summary(sheet, session):
    rows = {name.strip(): i for i, (name, _c, _k) in enumerate(sheet.rows)}
    assert {"Summary", "Eyes", "Mouth", "EyeBlinkLeft", "JawOpen", "RightEyeRoll"} <= set(rows)
    assert len(sheet.rows) == 1 + len(ch.GROUPS) + ch.NUM_CHANNELS
    points = sheet.key_points()
    for label in ("Summary", "Eyes", "Jaw", "Mouth", "EyeBlinkLeft", "JawOpen", "MouthSmileLeft"):
        assert sorted(t for r, t in points if r == rows[label]) == [0.0, 1.0, 2.0], label
    assert not [t for r, t in points if r == rows["BrowInnerUp"]]  # not keyed: no keys


def test_click_selects_shift_click_adds_and_delete_removes_in_one_step(qtbot, sheet, session):
    anim = session.anim
    original = anim.copy()
    jaw_row, eyes_row = sheet.row_index("JawOpen"), sheet.row_index("Eyes")
    qtbot.mouseClick(sheet.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, sheet.data_to_widget(1.0, jaw_row))
    k1 = at(anim, 1.0)
    assert session.selected_keys == [(k1.uid, JAW)]
    qtbot.mouseClick(sheet.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, sheet.data_to_widget(2.0, eyes_row))
    k2 = at(anim, 2.0)
    assert set(session.selected_keys) == {(k1.uid, JAW), (k2.uid, BLINK_L)}  # the group key stands for its channels
    assert sheet.selected_mask().sum() == 4  # JawOpen and the Jaw group at 1 s, EyeBlinkLeft and Eyes at 2 s
    qtbot.keyClick(sheet.plot, Qt.Key.Key_Delete)
    assert not anim.find(k1.uid).keyed[JAW] and not anim.find(k2.uid).keyed[BLINK_L]
    assert anim.find(k1.uid).keyed[SMILE_L]
    assert session.stack.index == 1
    session.undo()
    assert anim.same_as(original)


def test_box_select_picks_the_keys_inside(qtbot, sheet, session):
    jaw_row = sheet.row_index("JawOpen")
    smile_row = sheet.row_index("MouthSmileLeft")
    drag(qtbot, sheet, sheet.data_to_widget(0.5, jaw_row - 0.4), sheet.data_to_widget(2.5, smile_row + 0.4))
    anim = session.anim
    expected = {(at(anim, t).uid, c) for t in (1.0, 2.0) for c in (JAW, SMILE_L)}
    # Rows between JawOpen and MouthSmileLeft (Mouth group, ...) add nothing outside those channels' keys.
    assert expected <= set(session.selected_keys)
    assert all(c in (JAW, SMILE_L) for _u, c in session.selected_keys)
    assert all(at(anim, 0.0).uid != u for u, _c in session.selected_keys)


def test_dragging_a_key_moves_the_selection_in_time_snapped_as_one_undo_step(qtbot, sheet, session):
    anim = session.anim
    original = anim.copy()
    summary = sheet.row_index("Summary")
    k1 = at(anim, 1.0)
    drag(qtbot, sheet, sheet.data_to_widget(1.0, summary), sheet.data_to_widget(1.42, summary))
    moved = anim.find(k1.uid)  # every key of the keyframe moved: the keyframe moved, description and all
    assert moved.description == "pose 1"
    assert moved.time * FPS == pytest.approx(round(moved.time * FPS)) and 1.3 < moved.time < 1.5
    assert session.stack.index == 1 and session.stack.undo_text == "Move 3 keys"
    session.undo()
    assert anim.same_as(original)


def test_escape_cancels_a_key_drag(qtbot, sheet, session):
    anim = session.anim
    original = anim.copy()
    row = sheet.row_index("JawOpen")
    vp = sheet.plot.viewport()
    start = sheet.data_to_widget(1.0, row)
    move(qtbot, vp, start)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dx in (20, 60, 100):
        move(qtbot, vp, start + QPoint(dx, 0))
    assert not anim.same_as(original)
    qtbot.keyClick(sheet.plot, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(100, 0))
    assert anim.same_as(original) and not session.stack.can_undo


def test_grab_with_typed_frames_and_scale_with_a_typed_factor(qtbot, sheet, session):
    anim = session.anim
    original = anim.copy()
    k1 = at(anim, 1.0)
    session.select_keys([(k1.uid, JAW)])
    sheet.plot.setFocus()
    qtbot.keyClick(sheet.plot, Qt.Key.Key_G)
    assert sheet.transform.active
    qtbot.keyClicks(sheet.plot, "12")
    qtbot.keyClick(sheet.plot, Qt.Key.Key_Return)
    assert not sheet.transform.active
    t, _v, _ids = anim.channel_keys(JAW)
    assert t.tolist() == pytest.approx([0.0, 1.4, 2.0])  # 1 s + 12 frames
    assert session.stack.index == 1 and session.stack.undo_text.startswith("Grab")
    session.undo()
    assert anim.same_as(original)
    # Scale: all JawOpen keys about the playhead (0) by 2, typed; Esc cancels a second one.
    session.set_time(0.0)
    session.select_keys([(k.uid, JAW) for k in anim.keyframes])
    qtbot.keyClick(sheet.plot, Qt.Key.Key_S)
    qtbot.keyClicks(sheet.plot, "2")
    qtbot.keyClick(sheet.plot, Qt.Key.Key_Enter)
    assert anim.channel_keys(JAW)[0].tolist() == [0.0, 2.0, 4.0]
    assert session.stack.index == 1
    after = anim.copy()
    qtbot.keyClick(sheet.plot, Qt.Key.Key_S)
    qtbot.keyClicks(sheet.plot, "3")
    assert anim.channel_keys(JAW)[0].tolist() == [0.0, 6.0, 12.0]  # applied live while typing
    qtbot.keyClick(sheet.plot, Qt.Key.Key_Escape)
    assert anim.same_as(after) and session.stack.index == 1


def test_grab_follows_the_mouse_and_a_right_click_cancels(qtbot, sheet, session):
    anim = session.anim
    original = anim.copy()
    k1 = at(anim, 1.0)
    session.select_keys([(k1.uid, JAW)])
    vp = sheet.plot.viewport()
    row = sheet.row_index("JawOpen")
    start = sheet.data_to_widget(1.0, row)
    move(qtbot, vp, start)
    sheet.plot.setFocus()
    sheet.transform.start("grab", cursor=start)
    move(qtbot, vp, sheet.data_to_widget(1.5, row))
    assert anim.channel_keys(JAW)[0].tolist() == pytest.approx([0.0, 1.5, 2.0], abs=1.5 / FPS)
    qtbot.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, sheet.data_to_widget(1.5, row))
    assert anim.same_as(original) and not session.stack.can_undo


# ------------------------------------------------------------------------------ the main window
def test_window_has_the_dope_sheet_next_to_the_curves_on_the_same_axis(qtbot, editor_window):
    w = editor_window
    w.set_document(make_animation())
    assert not w.docks["dope"].isVisible()  # closed until asked for (View › Dope sheet)
    w.action_map["dope_sheet"].trigger()
    assert w.tabifiedDockWidgets(w.docks["curves"]) == [w.docks["dope"]]
    qtbot.waitUntil(lambda: w.dope_sheet.plot_extent() is not None)
    w.session.set_time(1.0)
    qtbot.waitUntil(lambda: abs(w.timeline.mapToGlobal(w.timeline.rect().topLeft()).x() + w.timeline.x_of(1.0) - w.dope_sheet.global_x(1.0)) <= 1.0)
    assert tuple(w.dope_sheet.view.viewRange()[0]) == pytest.approx(w.timeline.view)


def test_copy_paste_keys_and_poses_between_documents(qtbot, editor_window, tmp_path):
    w = editor_window
    w.set_document(make_animation())
    anim = w.session.anim
    k1 = at(anim, 1.0)
    w.session.select_keys([(k1.uid, JAW), (at(anim, 2.0).uid, JAW)])
    w.action_map["copy"].trigger()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(clipboard.MIME_TYPE) and '"kind": "keys"' in data.text()
    # Another document: paste at 0.5 s (15 frames) — one undo step.
    w.set_document(Animation(fps=FPS))
    w.session.set_time(0.5)
    w.action_map["paste"].trigger()
    new = w.session.anim
    assert new.channel_keys(JAW)[0].tolist() == pytest.approx([0.5, 1.5])
    assert new.channel_keys(JAW)[1].tolist() == pytest.approx([0.6, 0.2])
    assert w.session.stack.index == 1 and w.session.stack.undo_text == "Paste keys"
    w.session.undo()
    assert not new.keyframes
    # A pose, from a keyframe to the playhead (Ctrl+Shift+C copies the pose at the playhead).
    w.set_document(make_animation())
    w.session.set_time(1.0)
    w.action_map["copy_pose"].trigger()
    w.session.set_time(3.0)
    w.action_map["paste"].trigger()
    pasted = w.session.anim.keyframe_at(3.0)
    assert pasted is not None and pasted.values[JAW] == pytest.approx(0.6) and pasted.keyed.all()
    assert w.session.stack.undo_text == "Paste pose"
    # Text that is no payload: nothing happens, the status bar says why.
    QGuiApplication.clipboard().setText("hello")
    index = w.session.stack.index
    assert not w.paste()
    assert w.session.stack.index == index and "Nothing pasted" in w.statusBar().currentMessage()


def test_numeric_fields_set_the_selected_keys_frame_and_value(qtbot, editor_window):
    w = editor_window
    w.set_document(make_animation())
    ce = w.curve_editor
    anim = w.session.anim
    original = anim.copy()
    k1 = at(anim, 1.0)
    w.session.select_keys([(k1.uid, JAW)])
    assert ce.key_frame_box.isEnabled() and ce.key_frame_box.value() == 30 and ce.key_value_box.value() == pytest.approx(0.6)
    ce.key_value_box.lineEdit().selectAll()
    qtbot.keyClicks(ce.key_value_box.lineEdit(), "0.25")
    qtbot.keyClick(ce.key_value_box.lineEdit(), Qt.Key.Key_Return)
    assert anim.find(k1.uid).values[JAW] == pytest.approx(0.25) and w.session.stack.index == 1
    ce.key_frame_box.lineEdit().selectAll()
    qtbot.keyClicks(ce.key_frame_box.lineEdit(), "45")
    qtbot.keyClick(ce.key_frame_box.lineEdit(), Qt.Key.Key_Return)
    assert anim.channel_keys(JAW)[0].tolist() == pytest.approx([0.0, 1.5, 2.0]) and w.session.stack.index == 2
    assert ce.key_frame_box.value() == 45  # follows the moved key
    w.session.undo()
    w.session.undo()
    assert anim.same_as(original)
    w.session.select_keys([])
    assert not ce.key_frame_box.isEnabled()


def test_frame_rate_dialog_keeps_frames_in_one_undo_step(qtbot, editor_window, monkeypatch):
    from kfstudio.ui.key_tools import FpsDialog

    w = editor_window
    w.set_document(make_animation())
    original = w.session.anim.copy()

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.fps_box.lineEdit().selectAll()
        qtbot.keyClicks(dialog.fps_box.lineEdit(), "60")
        qtbot.mouseClick(dialog.keep_frames, Qt.MouseButton.LeftButton)
        assert dialog.choice() == (60.0, "frames")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FpsDialog, "exec", run)
    w.action_map["fps"].trigger()
    anim = w.session.anim
    assert anim.fps == 60 and [k.time for k in anim.keyframes] == [0.0, 0.5, 1.0]
    assert w.session.stack.index == 1
    w.session.undo()
    assert anim.same_as(original)
    assert w.change_fps(24, "times") and anim.fps == 24 and [k.time for k in anim.keyframes] == [0.0, 1.0, 2.0]


def test_go_to_start_end_range_and_speed_keys(qtbot, editor_window):
    w = editor_window
    w.set_document(make_animation())
    s = w.session
    w.timeline.setFocus()
    s.set_time(1.0)
    qtbot.keyClick(w, Qt.Key.Key_End)
    assert s.time == pytest.approx(s.end_time)
    qtbot.keyClick(w, Qt.Key.Key_Home)
    assert s.time == 0.0
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert s.time == pytest.approx(s.end_time)
    s.set_time(0.5)
    qtbot.keyClick(w, Qt.Key.Key_I)
    s.set_time(1.5)
    qtbot.keyClick(w, Qt.Key.Key_O)
    assert w.timeline.play_range == pytest.approx((0.5, 1.5)) and w.playback.range == pytest.approx((0.5, 1.5))
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert s.time == pytest.approx(0.5)  # the start of the play range
    qtbot.keyClick(w, Qt.Key.Key_BracketLeft)
    assert w.playback.speed == 0.5 and w.speed_actions[0.5].isChecked()
    qtbot.keyClick(w, Qt.Key.Key_BracketRight)
    qtbot.keyClick(w, Qt.Key.Key_BracketRight)
    assert w.playback.speed == 2.0
    # At 2x, playback covers the range's second in about half a second of wall time.
    s.set_playing(True)
    qtbot.waitUntil(lambda: w.playback.frames_shown >= 3, timeout=3000)
    elapsed = w.playback._clock.nsecsElapsed() * 1e-9
    played = s.time - w.playback._origin
    assert played == pytest.approx(2.0 * elapsed, abs=2.5 / FPS)
    # a new speed takes effect at once: the next tick, aimed at the next frame at the old speed, is brought forward
    w.playback.set_speed(0.25)
    qtbot.waitUntil(lambda: w.playback._timer.remainingTime() > 0, timeout=3000)  # aimed at a frame 8x further off
    far = w.playback._timer.remainingTime()
    w.playback.set_speed(2.0)
    assert w.playback._timer.remainingTime() < far and w.playback._timer.remainingTime() <= 1
    s.set_playing(False)


def test_help_lists_the_new_keys(qtbot):
    from kfstudio.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    for key in ("G", "S", "Ctrl+C", "Ctrl+Shift+C", "Ctrl+V", "Home", "End", "Shift+Left", "Shift+Right", "I", "O", "[", "]", "2", "Ctrl+A"):
        assert key in listed, key
