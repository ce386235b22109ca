"""Smaller editor details, on the real window: the toolbar keeps still, K-keyed keyframes get
thumbnails, an imported capture is titled by its file, the Keyframe tab shows its summary unclipped
and its per-channel locks."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio.animation import commands  # noqa: E402
from kfstudio.animation.document import Animation, Keyframe  # noqa: E402

JAW = ch.channel_index("JawOpen")


def _doc() -> Animation:
    kfs = [Keyframe(t, f"pose {i}", np.full(ch.NUM_CHANNELS, 0.1 * i)) for i, t in enumerate((0.0, 1.0, 2.0))]
    return Animation(kfs, fps=30.0)


def test_toolbar_buttons_do_not_shift_when_the_undo_label_grows(qtbot, editor_window):
    w = editor_window
    w.set_document(_doc())
    tb = next(t for t in w.findChildren(type(w.addToolBar("x"))) if t.objectName() == "toolbar_main")
    undo_button = tb.widgetForAction(w.action_map["undo"])
    play_button = tb.widgetForAction(w.action_map["play"])
    before = (undo_button.width(), play_button.x())
    w.session.push(commands.set_description(w.session.anim, w.session.anim.keyframes[1].uid, "a much longer description"))
    assert w.action_map["undo"].text() == "&Undo Edit description"  # the menu names the step
    assert undo_button.text() == "Undo" and "Undo Edit description" in undo_button.toolTip()
    qtbot.waitUntil(lambda: tb.layout().geometry().isValid())
    assert (undo_button.width(), play_button.x()) == before


def test_a_keyframe_keyed_with_k_gets_a_thumbnail(qtbot, editor_window):
    w = editor_window
    w.set_document(_doc())
    rendered = []

    def render(values):
        rendered.append(np.array(values))
        image = QImage(8, 8, QImage.Format.Format_RGB32)
        image.fill(QColor(200, 100, 50))
        return image

    w.timeline.set_thumbnail_renderer(render)
    w.session.set_time(1.5)
    w.timeline.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_K)
    k = w.session.anim.keyframe_at(1.5)
    assert k is not None and not k.description  # keyed by hand: no description
    w.timeline.repaint()
    qtbot.waitUntil(lambda: w.timeline.thumbnails.get(k.uid, k.values) is not None)
    assert any(np.allclose(v, k.values) for v in rendered)


def test_an_imported_capture_is_titled_by_its_file(qtbot, editor_window, capture_csv):
    w = editor_window
    assert w.import_path(capture_csv)
    assert w.windowTitle().startswith(capture_csv.name)
    assert w.session.path is None  # still untitled: Save asks where
    w.set_document(_doc())
    assert w.windowTitle().startswith("Untitled")


def test_keyframe_tab_summary_is_not_clipped_and_shows_per_channel_locks(qtbot, editor_window):
    w = editor_window
    w.set_document(_doc())
    w.docks["inspector"].raise_()
    ins = w.inspector
    s = w.session
    uid = s.anim.keyframes[1].uid
    s.select_keyframes([uid])
    qtbot.waitUntil(lambda: ins.isVisible() and ins.flags.width() > 0)
    label = ins.flags
    s.push(commands.set_keyframe_lock(s.anim, uid, [JAW], True))  # a longer summary
    s.undo()
    wide = w.docks["inspector"].width()
    w.resizeDocks([w.docks["inspector"]], [ins.minimumSizeHint().width()], Qt.Orientation.Horizontal)  # as narrow as it goes
    qtbot.waitUntil(lambda: w.docks["inspector"].width() < wide)
    assert "61/61 keyed" in label.text()
    qtbot.waitUntil(lambda: label.height() >= label.sizeHint().height())  # every line of it fits
    assert label.geometry().right() <= ins.width()
    # Lock JawOpen on this keyframe from the list: one undo step, and the list follows undo.
    item = ins.locks.item(JAW)
    ins.locks.scrollToItem(item)
    rect = ins.locks.visualItemRect(item)
    qtbot.mouseClick(ins.locks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.topLeft() + type(rect.topLeft())(8, rect.height() // 2))
    assert s.anim.find(uid).locked[JAW] and ins.locked_shown() == [JAW]
    assert s.stack.index == 1
    s.undo()
    assert not s.anim.find(uid).locked[JAW] and ins.locked_shown() == []
    # A channel locked on the whole document shows locked (and greyed) on every keyframe.
    s.push(commands.set_channel_flags(s.anim, [JAW], locked=True))
    assert ins.locked_shown() == [JAW] and not (ins.locks.item(JAW).flags() & Qt.ItemFlag.ItemIsEnabled)
