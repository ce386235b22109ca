"""The curve editor and the channel list, driven like a user would (pytest-qt, offscreen).

Mouse events are real Qt events sent to the plot's viewport at the pixels where the ViewBox draws
the keys; edits are checked on the document, on its evaluated curves and on an exported CSV file.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("pyqtgraph")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QDoubleSpinBox  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio.animation import commands  # noqa: E402
from kfstudio.animation.curves import Interp, Tangent  # noqa: E402
from kfstudio.animation.document import Animation, Keyframe  # noqa: E402
from kfstudio.io.llf_csv import read_csv, write_csv  # noqa: E402
from kfstudio.ui.channel_list import COL_LOCK, COL_MUTE, COL_VALUE, ChannelList  # noqa: E402
from kfstudio.ui.curve_editor import MAX_FRAME_SAMPLES, CurveEditor, sample_times  # noqa: E402
from kfstudio.ui.session import EditorSession  # noqa: E402

FPS = 30.0
JAW = ch.channel_index("JawOpen")
SMILE_L = ch.channel_index("MouthSmileLeft")
YAW = ch.channel_index("HeadYaw")
JAW_KEYS = [(0.0, 0.1), (1.0, 0.6), (2.0, 0.2)]


def make_animation() -> Animation:
    kfs = []
    for i, (t, v) in enumerate(JAW_KEYS):
        values = np.zeros(ch.NUM_CHANNELS)
        values[JAW] = v
        values[SMILE_L] = 0.3 + 0.1 * i
        values[YAW] = -0.2 * i
        kfs.append(Keyframe(t, f"pose {i}", values))
    return Animation(kfs, fps=FPS)


@pytest.fixture
def session(qtbot):
    s = EditorSession(make_animation())
    s.set_visible_channels([JAW, SMILE_L])
    return s


@pytest.fixture
def editor(qtbot, session):
    w = CurveEditor(session)
    qtbot.addWidget(w)
    w.resize(900, 520)
    w.show()
    qtbot.waitExposed(w)
    w.frame_all()
    return w


def jaw_key(anim: Animation, t: float):
    """The keyframe keying JawOpen at ``t`` (within half a frame)."""
    ks = [k for k in anim.keyframes if k.keyed[JAW] and abs(k.time - t) <= 0.5 / anim.fps]
    assert len(ks) == 1, ks
    return ks[0]


def move(qtbot, editor, pos: QPoint) -> None:
    """A mouse move, spaced like a real one (pyqtgraph drops moves closer than 10 ms apart)."""
    qtbot.wait(12)
    qtbot.mouseMove(editor.plot.viewport(), pos)


def drag(qtbot, editor, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 4):
    vp = editor.plot.viewport()
    move(qtbot, editor, start)  # hover first, as a hand does
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifier, start)
    for i in range(1, steps + 1):
        move(qtbot, editor, start + (end - start) * (i / steps))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, end)


def exported(anim: Animation, tmp_path, name: str) -> np.ndarray:
    path = tmp_path / name
    write_csv(path, anim.sample(FPS)[1], FPS)
    return read_csv(path).values


# ------------------------------------------------------------------------------ curve editor


def test_dragging_a_key_changes_value_and_exported_csv_and_one_undo_restores(qtbot, editor, session, tmp_path):
    anim = session.anim
    original = anim.copy()
    before_csv = exported(anim, tmp_path, "before.csv")
    start = editor.data_to_widget(1.0, 0.6)
    end = editor.data_to_widget(1.0, 0.35)
    drag(qtbot, editor, start, end)

    k = jaw_key(anim, 1.0)
    assert k.time == 1.0  # a vertical drag keeps the key's time
    assert 0.3 < k.values[JAW] < 0.4
    assert k.edited[JAW]
    assert session.stack.index == 1  # the whole drag is one undo step
    after_csv = exported(anim, tmp_path, "after.csv")
    frame = int(round(1.0 * FPS))
    assert after_csv[frame, JAW] == pytest.approx(k.values[JAW], abs=1e-9)  # 10 decimals
    assert abs(before_csv[frame, JAW] - 0.6) < 1e-9
    changed = np.flatnonzero(np.any(np.abs(after_csv - before_csv) > 1e-12, axis=0))
    assert changed.tolist() == [JAW]  # no other channel moved

    assert session.undo()
    assert anim.same_as(original)
    assert np.array_equal(exported(anim, tmp_path, "undone.csv"), before_csv)


def test_drag_in_time_snaps_to_frames_and_moves_the_key_to_a_new_keyframe(qtbot, editor, session):
    anim = session.anim
    # 0.37 s is 11.1 frames: the key must land exactly on frame 11 (or a neighbour), not between.
    start = editor.data_to_widget(1.0, 0.6)
    end = editor.data_to_widget(1.37, 0.6)
    drag(qtbot, editor, start, end)
    times = anim.channel_keys(JAW)[0]
    assert len(times) == 3
    moved = times[1]
    assert 1.3 < moved < 1.45
    assert moved * FPS == pytest.approx(round(moved * FPS), abs=1e-9)
    # The smile key of the original keyframe stayed where it was.
    assert 1.0 in anim.channel_keys(SMILE_L)[0].tolist()
    # The dragged key is still selected, under its new keyframe.
    (uid, c), = session.selected_keys
    assert c == JAW and anim.find(uid).time == moved


def test_without_snapping_the_key_lands_between_frames(qtbot, editor, session):
    editor.snap_action.trigger()  # toggle snapping off, as the toolbar button does
    assert not editor.snap_to_frames
    drag(qtbot, editor, editor.data_to_widget(1.0, 0.6), editor.data_to_widget(1.37, 0.6))
    moved = session.anim.channel_keys(JAW)[0][1]
    assert abs(moved * FPS - round(moved * FPS)) > 1e-3


def test_drag_clamps_values_to_the_channel_range(qtbot, editor, session):
    anim = session.anim
    session.set_visible_channels([JAW, YAW])
    editor.view.setRange(xRange=(-0.5, 2.5), yRange=(-3.0, 3.0), padding=0)
    # Dragged far above its range, JawOpen stops at its upper bound 1.0 ...
    drag(qtbot, editor, editor.data_to_widget(1.0, 0.6), editor.data_to_widget(1.0, 2.5))
    assert jaw_key(anim, 1.0).values[JAW] == ch.UPPER[JAW] == 1.0
    # ... a blendshape stops at 0 going down, a pose channel at -1.
    drag(qtbot, editor, editor.data_to_widget(0.0, 0.1), editor.data_to_widget(0.0, -2.5))
    assert jaw_key(anim, 0.0).values[JAW] == 0.0
    drag(qtbot, editor, editor.data_to_widget(2.0, -0.4), editor.data_to_widget(2.0, -2.5))
    assert anim.channel_keys(YAW)[1][-1] == -1.0
    assert session.stack.index == 3
    samples = anim.sample()[1]
    assert samples[:, JAW].min() >= 0.0 and samples[:, JAW].max() <= 1.0


def test_escape_cancels_a_drag(qtbot, editor, session):
    anim = session.anim
    original = anim.copy()
    vp = editor.plot.viewport()
    start = editor.data_to_widget(1.0, 0.6)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dy in (10, 30, 60):
        move(qtbot, editor, start + QPoint(0, dy))
    assert not anim.same_as(original)
    qtbot.keyClick(editor.plot, Qt.Key.Key_Escape)
    move(qtbot, editor, start + QPoint(0, 90))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, 90))
    assert anim.same_as(original)
    assert not session.stack.can_undo


def test_right_click_cancels_a_drag_and_a_multi_key_drag_is_one_undo_step(qtbot, editor, session):
    from PySide6.QtWidgets import QApplication

    anim = session.anim
    original = anim.copy()
    vp = editor.plot.viewport()
    start = editor.data_to_widget(1.0, 0.6)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dy in (10, 30, 60):
        move(qtbot, editor, start + QPoint(0, dy))
    assert editor.dragging and not anim.same_as(original)
    qtbot.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, 60))
    assert anim.same_as(original) and QApplication.activePopupWidget() is None  # cancelled, no menu
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, 60))
    assert anim.same_as(original) and not session.stack.can_undo and not editor.dragging
    # Two keys of two channels dragged together (the keys item owns the drag): one undo step.
    k1 = jaw_key(anim, 1.0)
    session.select_keys([(k1.uid, JAW), (k1.uid, SMILE_L)])
    drag(qtbot, editor, editor.data_to_widget(1.0, 0.6), editor.data_to_widget(1.0, 0.5))  # the axis may have resized
    assert anim.find(k1.uid).values[JAW] == pytest.approx(0.5, abs=0.02)
    assert anim.find(k1.uid).values[SMILE_L] == pytest.approx(0.3, abs=0.02)
    assert session.stack.index == 1 and session.stack.undo_text == "Move 2 keys"
    session.undo()
    assert anim.same_as(original)


def test_click_selects_and_box_select_picks_the_keys_inside(qtbot, editor, session):
    anim = session.anim
    vp = editor.plot.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, editor.data_to_widget(2.0, 0.2))
    assert session.selected_keys == [(jaw_key(anim, 2.0).uid, JAW)]
    # Click on empty space clears.
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, editor.data_to_widget(1.5, 0.05))
    assert session.selected_keys == []
    # Shift-drag a band around t in [0.5, 2.5], values [0.15, 0.62]: JawOpen and smile at 1.0 and 2.0.
    drag(qtbot, editor, editor.data_to_widget(0.5, 0.62), editor.data_to_widget(2.5, 0.15), Qt.KeyboardModifier.ShiftModifier)
    smile_t, smile_v, smile_ids = anim.channel_keys(SMILE_L)
    expected = {(jaw_key(anim, 1.0).uid, JAW), (jaw_key(anim, 2.0).uid, JAW)}
    expected |= {(u, SMILE_L) for t, v, u in zip(smile_t, smile_v, smile_ids) if 0.5 <= t <= 2.5 and 0.15 <= v <= 0.62}
    assert set(session.selected_keys) == expected
    assert len(expected) == 4
    assert session.stack.index == 0  # selecting is not an edit


def test_interpolation_buttons_change_the_evaluated_curve(qtbot, editor, session):
    anim = session.anim
    k0 = jaw_key(anim, 0.0)
    session.select_keys([(k0.uid, JAW)])
    mid = 0.25
    bezier = anim.evaluate(mid)[JAW]
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.interp_actions[Interp.LINEAR]), Qt.MouseButton.LeftButton)
    assert anim.evaluate(mid)[JAW] == pytest.approx(0.1 + 0.25 * (0.6 - 0.1))
    assert anim.evaluate(mid)[JAW] != pytest.approx(bezier)
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.interp_actions[Interp.CONSTANT]), Qt.MouseButton.LeftButton)
    assert anim.evaluate(0.99)[JAW] == pytest.approx(0.1)
    # The other segment (leaving the key at 1 s) and the other channel are untouched.
    assert anim.evaluate(1.5)[JAW] == pytest.approx(bezier_reference()(1.5)[JAW])
    # The drawn curve follows.
    editor.refresh()
    x, y = editor._curves[JAW].getData()
    i = np.searchsorted(x, 0.99)
    assert y[i] == pytest.approx(0.1)
    assert session.undo() and session.undo()
    assert anim.evaluate(mid)[JAW] == pytest.approx(bezier)


def bezier_reference():
    ref = make_animation()
    return ref.evaluate


def test_tangent_flat_changes_curve_and_free_keeps_it_until_edited(qtbot, editor, session):
    anim = session.anim
    # The smile keys rise 0.3, 0.4, 0.5: the middle one has a non-zero auto-clamped slope.
    smile_uid = anim.channel_keys(SMILE_L)[2][1]
    session.select_keys([(smile_uid, SMILE_L)])
    t = np.linspace(0.6, 1.4, 9)
    auto = anim.evaluate(t)[:, SMILE_L]
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.tangent_actions[Tangent.FREE]), Qt.MouseButton.LeftButton)
    assert anim.find(smile_uid).tangent[SMILE_L] == Tangent.FREE
    assert np.allclose(anim.evaluate(t)[:, SMILE_L], auto, atol=1e-4)  # free starts from the shown slope
    assert session.stack.index == 1
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.tangent_actions[Tangent.FLAT]), Qt.MouseButton.LeftButton)
    assert anim.find(smile_uid).tangent[SMILE_L] == Tangent.FLAT
    assert not np.allclose(anim.evaluate(t)[:, SMILE_L], auto, atol=1e-3)
    h = 1e-4
    slope = (anim.evaluate(1.0 + h)[SMILE_L] - anim.evaluate(1.0 - h)[SMILE_L]) / (2 * h)
    assert abs(slope) < 1e-3


def test_dragging_a_tangent_handle_frees_and_tilts_the_tangent_in_one_undo_step(qtbot, editor, session):
    anim = session.anim
    original = anim.copy()
    smile_uid = anim.channel_keys(SMILE_L)[2][1]  # the middle smile key, 0.4 at 1 s
    qtbot.mouseClick(editor.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, editor.data_to_widget(1.0, 0.4))
    assert session.selected_keys == [(smile_uid, SMILE_L)]
    handles = {side: (t, v) for uid, c, side, t, v in editor.handle_positions() if (uid, c) == (smile_uid, SMILE_L)}
    assert set(handles) == {-1, +1}
    out_t, out_v = handles[+1]
    assert out_t == pytest.approx(1.0 + 1.0 / 3.0)
    slope_before = (out_v - 0.4) / (out_t - 1.0)
    assert slope_before == pytest.approx(0.1, abs=0.02)  # auto-clamped between 0.3, 0.4, 0.5
    # Pull the outgoing handle up: the tangent becomes free and steeper, on both sides.
    drag(qtbot, editor, editor.data_to_widget(out_t, out_v), editor.data_to_widget(out_t, out_v + 0.1))
    k = anim.find(smile_uid)
    assert k.tangent[SMILE_L] == Tangent.FREE
    assert k.out_slope[SMILE_L] == pytest.approx(k.in_slope[SMILE_L])
    assert k.out_slope[SMILE_L] > slope_before + 0.15
    assert anim.evaluate(1.1)[SMILE_L] > original.evaluate(1.1)[SMILE_L]
    assert anim.evaluate(0.9)[SMILE_L] < original.evaluate(0.9)[SMILE_L]
    assert session.stack.index == 1
    session.undo()
    assert anim.same_as(original)


def test_curve_editor_keys_win_over_window_shortcuts_while_it_has_focus(qtbot, session):
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    fired = []
    delete_keyframes = QAction("Delete keyframes", window)
    delete_keyframes.setShortcut(QKeySequence("Delete"))
    delete_keyframes.triggered.connect(lambda: fired.append("window"))
    window.addAction(delete_keyframes)
    editor = CurveEditor(session)
    window.setCentralWidget(editor)
    window.resize(900, 520)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    editor.frame_all()
    k1 = jaw_key(session.anim, 1.0)
    qtbot.mouseClick(editor.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, editor.data_to_widget(1.0, 0.6))
    assert session.selected_keys == [(k1.uid, JAW)]
    assert editor.plot.hasFocus()
    qtbot.keyClick(editor.plot, Qt.Key.Key_Delete)
    assert fired == []  # the window's Delete did not fire ...
    assert not session.anim.find(k1.uid).keyed[JAW]  # ... the key was deleted instead


def test_hover_names_the_key_and_an_empty_editor_says_what_to_do(qtbot, editor, session):
    move(qtbot, editor, editor.data_to_widget(1.0, 0.6))
    tip = editor.plot.viewport().toolTip()
    assert "JawOpen" in tip and "frame 30" in tip and "0.600" in tip
    assert not editor.plot.getPlotItem().titleLabel.isVisible() or not editor.plot.getPlotItem().titleLabel.text
    session.set_visible_channels([])
    assert "Select channels" in editor.plot.getPlotItem().titleLabel.text
    assert editor.key_positions() == []


def test_right_click_selects_the_key_and_opens_the_menu_with_the_same_actions(qtbot, editor, session):
    from PySide6.QtWidgets import QApplication, QMenu

    k2 = jaw_key(session.anim, 2.0)
    qtbot.mouseClick(editor.plot.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, editor.data_to_widget(2.0, 0.2))
    assert session.selected_keys == [(k2.uid, JAW)]
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    titles = [a.text() for a in menu.actions()]
    assert "Interpolation" in titles and "Tangents" in titles and "Delete" in titles
    menu.close()
    # The menu's actions are the toolbar's: triggering Linear from the submenu sets it on that key.
    interp_menu = next(a.menu() for a in menu.actions() if a.text() == "Interpolation")
    next(a for a in interp_menu.actions() if a.text() == "Linear").trigger()
    assert session.anim.find(k2.uid).interp[JAW] == Interp.LINEAR


def test_delete_key_unkeys_it_with_undo(qtbot, editor, session):
    anim = session.anim
    original = anim.copy()
    k1 = jaw_key(anim, 1.0)
    qtbot.mouseClick(editor.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, editor.data_to_widget(1.0, 0.6))
    assert session.selected_keys == [(k1.uid, JAW)]
    qtbot.keyClick(editor.plot, Qt.Key.Key_Delete)
    assert anim.channel_keys(JAW)[0].tolist() == [0.0, 2.0]
    assert anim.find(k1.uid).keyed[SMILE_L]  # the keyframe keeps its other keys
    assert anim.evaluate(1.0)[JAW] == pytest.approx(0.15, abs=0.06)  # now between 0.1 and 0.2
    assert session.selected_keys == []
    assert session.undo()
    assert anim.same_as(original)


def test_delete_channel_keys_removes_an_empty_keyframe_and_skips_locked_channels(session):
    anim = session.anim
    only = Keyframe(3.0, "", np.zeros(ch.NUM_CHANNELS), keyed=np.eye(ch.NUM_CHANNELS, dtype=bool)[JAW])
    session.push(commands.add_keyframe(anim, only))
    edit = commands.delete_channel_keys(anim, [(only.uid, JAW)])
    assert edit is not None and edit.label == "Delete key"
    session.push(edit)
    assert all(k.uid != only.uid for k in anim.keyframes)
    anim_locked = make_animation()
    anim_locked.channel_locked[JAW] = True
    assert commands.delete_channel_keys(anim_locked, [(anim_locked.keyframes[1].uid, JAW)]) is None


def test_locked_channel_keys_cannot_be_dragged(qtbot, editor, session):
    anim = session.anim
    session.push(commands.set_channel_flags(anim, [JAW], locked=True))
    original = anim.copy()
    drag(qtbot, editor, editor.data_to_widget(1.0, 0.6), editor.data_to_widget(1.0, 0.3))
    assert anim.same_as(original)
    assert session.selected_keys == []


def test_mirror_smooth_lock_mute_buttons(qtbot, editor, session):
    anim = session.anim
    k1 = jaw_key(anim, 1.0)
    smile_r = ch.channel_index("MouthSmileRight")
    session.select_keys([(k1.uid, SMILE_L)])
    before = k1.values.copy()
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.mirror_action), Qt.MouseButton.LeftButton)
    after = anim.find(k1.uid).values
    assert after[smile_r] == pytest.approx(before[SMILE_L]) and after[SMILE_L] == pytest.approx(before[smile_r])
    assert after[YAW] == pytest.approx(-before[YAW])
    session.undo()

    session.select_keys([(k1.uid, JAW)])
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.smooth_action), Qt.MouseButton.LeftButton)
    smoothed = anim.find(k1.uid).values[JAW]
    assert smoothed == pytest.approx(0.6 + 0.5 * (0.5 * (0.1 + 0.2) - 0.6))
    assert jaw_key(anim, 0.0).values[JAW] == 0.1  # ends stay

    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.mute_action), Qt.MouseButton.LeftButton)
    assert anim.channel_muted.tolist() == [c == JAW for c in range(ch.NUM_CHANNELS)]
    assert np.all(anim.sample()[1][:, JAW] == 0.0)
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.mute_action), Qt.MouseButton.LeftButton)
    assert not anim.channel_muted.any()
    qtbot.mouseClick(editor.toolbar.widgetForAction(editor.lock_action), Qt.MouseButton.LeftButton)
    assert anim.channel_locked[JAW] and anim.channel_locked.sum() == 1


def test_frame_all_shows_every_key(qtbot, editor, session):
    editor.view.setRange(xRange=(10, 11), yRange=(5, 6), padding=0)
    editor.plot.setFocus()
    qtbot.keyClick(editor.plot, Qt.Key.Key_F)
    (x0, x1), (y0, y1) = editor.view.viewRange()
    for _u, _c, t, v in editor.key_positions():
        assert x0 <= t <= x1 and y0 <= v <= y1
    session.select_keys([(jaw_key(session.anim, 2.0).uid, JAW)])
    editor.frame_selection()
    (x0, x1), _ = editor.view.viewRange()
    assert x0 < 2.0 < x1 and x1 - x0 < 1.0


def test_curves_follow_visible_channels_and_only_changed_curves_are_redrawn(qtbot, editor, session):
    assert sorted(editor._curves) == [JAW, SMILE_L]
    smile_y = editor._drawn_y[SMILE_L]
    session.push(commands.set_values(session.anim, jaw_key(session.anim, 1.0).uid, {JAW: 0.5}))
    qtbot.waitUntil(lambda: editor._drawn is not None and editor._drawn[1] == session.anim.version)
    assert editor._drawn_y[SMILE_L] is smile_y  # untouched curve not re-sent
    x, y = editor._curves[JAW].getData()
    assert y[np.searchsorted(x, 1.0)] == pytest.approx(0.5)
    session.set_visible_channels([YAW])
    assert sorted(editor._curves) == [YAW]


def test_playhead_follows_the_session_and_drives_it(qtbot, editor, session):
    session.set_time(1.5)
    assert editor.playhead.value() == pytest.approx(1.5)
    p = editor.data_to_widget(1.5, 0.4)
    drag(qtbot, editor, p, editor.data_to_widget(0.52, 0.4))
    assert session.time == pytest.approx(round(0.52 * FPS) / FPS, abs=1.5 / FPS)
    assert session.time * FPS == pytest.approx(round(session.time * FPS))
    assert session.stack.index == 0


def test_sample_times_keep_every_key_and_bound_long_documents():
    anim = make_animation()
    t = sample_times(anim)
    assert np.all(np.diff(t) > 0)
    frames = anim.frame_times()
    assert np.isin(frames, t).all()  # short documents: every frame
    for k in anim.keyframes:
        assert k.time in t and np.any(np.abs(t - (k.time - 1e-6)) < 1e-12)  # the step point before it
    long = Animation([Keyframe(float(s), "", np.full(ch.NUM_CHANNELS, 0.1 * (s % 3))) for s in range(0, 600, 7)], fps=60.0)
    t = sample_times(long)
    assert long.frame_times().size > 2 * MAX_FRAME_SAMPLES
    assert t.size <= MAX_FRAME_SAMPLES + 2 * len(long.keyframes) + 2
    assert np.isin([k.time for k in long.keyframes], t).all()


# ------------------------------------------------------------------------------ channel list


@pytest.fixture
def channel_list(qtbot, session):
    w = ChannelList(session)
    qtbot.addWidget(w)
    w.resize(360, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def edit_value(qtbot, channel_list, c: int, text: str) -> None:
    """Type a value into the value cell of channel ``c`` and press Enter, as a user would."""
    item = channel_list.channel_items[c]
    channel_list.tree.scrollToItem(item)
    channel_list.tree.editItem(item, COL_VALUE)
    box = channel_list.tree.findChild(QDoubleSpinBox)
    assert box is not None
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: channel_list.tree.state() != channel_list.tree.State.EditingState)


def test_channel_list_shows_values_at_the_playhead(qtbot, channel_list, session):
    assert channel_list.channel_items[JAW].text(COL_VALUE) == "0.100"
    session.set_time(1.0)
    assert channel_list.channel_items[JAW].text(COL_VALUE) == "0.600"
    assert channel_list.channel_items[YAW].text(COL_VALUE) == "-0.200"


def test_channel_list_edit_sets_the_keyframe_value_with_undo(qtbot, channel_list, session):
    anim = session.anim
    original = anim.copy()
    session.set_time(1.0)
    edit_value(qtbot, channel_list, JAW, "0.25")
    assert jaw_key(anim, 1.0).values[JAW] == pytest.approx(0.25)
    assert jaw_key(anim, 1.0).edited[JAW]
    assert channel_list.channel_items[JAW].text(COL_VALUE) == "0.250"
    assert session.stack.index == 1
    session.undo()
    assert anim.same_as(original)
    assert channel_list.channel_items[JAW].text(COL_VALUE) == "0.600"


def test_channel_list_edit_between_keyframes_keys_the_pose(qtbot, channel_list, session):
    anim = session.anim
    session.set_time(0.5)
    pose = anim.evaluate(0.5)
    edit_value(qtbot, channel_list, SMILE_L, "0.9")
    assert len(anim.keyframes) == 4
    k = anim.keyframe_at(0.5)
    assert k.values[SMILE_L] == pytest.approx(0.9)
    others = np.arange(ch.NUM_CHANNELS) != SMILE_L
    assert np.allclose(k.values[others], pose[others])
    session.undo()
    assert len(anim.keyframes) == 3


def test_channel_list_value_is_clamped_to_the_range(qtbot, channel_list, session):
    session.set_time(2.0)
    edit_value(qtbot, channel_list, JAW, "7")
    assert jaw_key(session.anim, 2.0).values[JAW] <= 1.0


def test_filter_box_filters_by_either_spelling(qtbot, channel_list):
    qtbot.keyClicks(channel_list.filter_edit, "jawopen")
    assert channel_list.shown_channels() == [JAW]
    assert channel_list.group_items["eyes"].isHidden() and not channel_list.group_items["jaw"].isHidden()
    channel_list.filter_edit.clear()
    qtbot.keyClicks(channel_list.filter_edit, "mouthSmile")
    assert channel_list.shown_channels() == [SMILE_L, ch.channel_index("MouthSmileRight")]
    channel_list.filter_edit.clear()
    qtbot.keyClicks(channel_list.filter_edit, "eyeBlink_L")  # a rig spelling
    assert channel_list.shown_channels() == [ch.channel_index("EyeBlinkLeft")]
    channel_list.filter_edit.clear()
    assert len(channel_list.shown_channels()) == ch.NUM_CHANNELS


def test_selecting_channels_and_groups_sets_visible_channels(qtbot, channel_list, session):
    tree = channel_list.tree
    tree.clearSelection()
    item = channel_list.channel_items[YAW]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert session.visible_channels == [YAW]
    group = channel_list.group_items["jaw"]
    tree.scrollToItem(group)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, tree.visualItemRect(group).center())
    assert session.visible_channels == ch.group_indices("jaw")
    session.set_visible_channels([SMILE_L])
    assert channel_list.selected_channels() == [SMILE_L]


def click_cell(qtbot, channel_list, c: int, column: int) -> None:
    item = channel_list.channel_items[c]
    channel_list.tree.scrollToItem(item)
    rect = channel_list.tree.visualItemRect(item)
    x = channel_list.tree.header().sectionViewportPosition(column) + channel_list.tree.header().sectionSize(column) // 2
    qtbot.mouseClick(channel_list.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, rect.center().y()))


def test_lock_and_mute_icons_toggle_undoable_flags_without_changing_the_selection(qtbot, channel_list, session):
    anim = session.anim
    visible = list(session.visible_channels)
    click_cell(qtbot, channel_list, YAW, COL_MUTE)
    assert anim.channel_muted[YAW] and channel_list.is_muted_shown(YAW)
    assert channel_list.channel_items[YAW].text(COL_VALUE) == "0.000"  # the value it would play (t = 0)
    qtbot.wait(300)  # not a double click
    click_cell(qtbot, channel_list, YAW, COL_LOCK)
    assert anim.channel_locked[YAW] and channel_list.is_locked_shown(YAW)
    assert session.visible_channels == visible  # clicking an icon did not select the channel
    assert session.stack.index == 2
    session.undo()
    assert not anim.channel_locked[YAW] and not channel_list.is_locked_shown(YAW)
    session.undo()
    assert not anim.channel_muted[YAW] and not channel_list.is_muted_shown(YAW)


def test_locked_channel_value_cannot_be_edited(qtbot, channel_list, session):
    session.push(commands.set_channel_flags(session.anim, [JAW], locked=True))
    original = session.anim.copy()
    item = channel_list.channel_items[JAW]
    channel_list.tree.editItem(item, COL_VALUE)
    assert channel_list.tree.findChild(QDoubleSpinBox) is None
    assert not channel_list.set_value(JAW, 0.9)
    assert session.anim.same_as(original)


def test_dense_keys_draw_curves_only_until_zoomed_in(qtbot, editor, session):
    assert editor.keys_drawn  # three keys: dots
    times = np.arange(1500) / FPS  # a capture keyed on every frame, 50 s
    kfs = []
    for t in times:
        values = np.zeros(ch.NUM_CHANNELS)
        values[JAW] = 0.5 + 0.4 * np.sin(3.0 * t)
        kfs.append(Keyframe(float(t), "", values))
    session.set_document(Animation(kfs, fps=FPS))
    session.set_visible_channels([JAW])
    editor.refresh()
    editor.frame_all()
    assert editor.view.width() / len(times) < 4  # denser than one key per 4 px
    assert not editor.keys_drawn and not editor.locked_keys_item.isVisible()
    assert editor._curves[JAW].isVisible()
    editor.view.setXRange(10.0, 11.0, padding=0)  # 30 keys across the view
    assert editor.keys_drawn
    editor.view.setXRange(0.0, 50.0, padding=0)
    assert not editor.keys_drawn


def test_legend_is_stacked_above_the_curves(editor):
    legend = editor.legend
    assert legend.isVisible() and legend.parentItem() is editor.view
    assert legend.zValue() > editor.view.childGroup.zValue()  # the curves live in the child group
    assert legend.opts["brush"].color().alpha() >= 220


def test_help_lists_every_curve_editor_key(qtbot):
    from kfstudio.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    for key in ("F", "Home", "Shift+F", ".", "Del", "Backspace", "X", "T", "V", "Esc", "Ctrl+M", "Shift+drag", "Space", "Ctrl+Z"):
        assert key in listed, key


def test_grab_in_the_curve_editor_moves_keys_in_time_and_value_as_one_step(qtbot, editor, session):
    anim = session.anim
    original = anim.copy()
    k1 = jaw_key(anim, 1.0)
    session.select_keys([(k1.uid, JAW)])
    vp = editor.plot.viewport()
    start = editor.data_to_widget(1.0, 0.6)
    move(qtbot, editor, start)
    editor.plot.setFocus()
    assert editor.transform.start("grab", cursor=start)
    move(qtbot, editor, editor.data_to_widget(1.5, 0.3))
    qtbot.keyClick(editor.plot, Qt.Key.Key_Return)
    t, v, _ = anim.channel_keys(JAW)
    assert t[1] == pytest.approx(1.5, abs=1.5 / FPS) and t[1] * FPS == pytest.approx(round(t[1] * FPS))
    assert v[1] == pytest.approx(0.3, abs=0.02)
    assert session.stack.index == 1 and session.stack.undo_text == "Grab key"
    session.undo()
    assert anim.same_as(original)
    # Typed: G 6 Enter moves the key 6 frames later and keeps its value.
    session.select_keys([(k1.uid, JAW)])
    qtbot.keyClick(editor.plot, Qt.Key.Key_G)
    qtbot.keyClicks(editor.plot, "6")
    qtbot.keyClick(editor.plot, Qt.Key.Key_Return)
    t, v, _ = anim.channel_keys(JAW)
    assert t.tolist() == pytest.approx([0.0, 1.2, 2.0]) and v[1] == pytest.approx(0.6)
