"""One time axis: the timeline and the curve editor zoom and pan together, playheads line up (real window)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("pyqtgraph")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio.animation.document import Animation, Keyframe  # noqa: E402


def _doc() -> Animation:
    kfs = []
    for i, t in enumerate((0.0, 1.0, 2.5, 4.0)):
        v = np.zeros(ch.NUM_CHANNELS)
        v[ch.channel_index("JawOpen")] = 0.2 * i
        kfs.append(Keyframe(t, f"pose {i}", v))
    return Animation(kfs, fps=30.0)


def playhead_gap(w) -> float:
    """Global x distance (pixels) between the timeline's and the curve editor's playheads."""
    t = w.session.time
    timeline_x = w.timeline.mapToGlobal(QPointF(w.timeline.x_of(t), 0)).x()
    return abs(timeline_x - w.curve_editor.global_x(t))


@pytest.fixture
def window(qtbot, editor_window):
    w = editor_window
    w.set_document(_doc())
    w.session.set_time(1.3)
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.curve_editor.plot_extent() is not None)
    return w


def test_timeline_and_curves_share_one_axis_and_playheads_line_up(qtbot, window):
    w = window
    tl, ce = w.timeline, w.curve_editor
    qtbot.waitUntil(lambda: playhead_gap(w) <= 1.0)
    assert tl.view == pytest.approx(tuple(ce.view.viewRange()[0]))
    # Zoom on the timeline (wheel): the curves follow.
    before = tl.view[1] - tl.view[0]
    pos = QPointF(tl.x_of(2.0), 60)
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    ev = QWheelEvent(pos, tl.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(tl, ev)
    span = tl.view[1] - tl.view[0]
    assert span == pytest.approx(before * 0.85**2)  # zoomed in two wheel steps
    assert tuple(ce.view.viewRange()[0]) == pytest.approx(tl.view)
    assert playhead_gap(w) <= 1.0
    # Pan the curves (a drag on empty space): the timeline follows.
    vp = ce.plot.viewport()
    zoomed = tl.view
    (_a, _b), (lo, hi) = ce.view.viewRange()
    start = ce.data_to_widget(tl.view[0] + 0.1 * span, lo + 0.93 * (hi - lo))  # empty space, top left
    assert ce.key_at(ce.plot.mapToScene(start)) is None
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dx in (20, 60, 120):
        qtbot.wait(12)  # pyqtgraph drops moves closer than 10 ms apart
        qtbot.mouseMove(vp, start + QPoint(dx, 0))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(120, 0))
    panned = tuple(ce.view.viewRange()[0])
    assert panned[0] < zoomed[0] - 0.1 and panned[1] - panned[0] == pytest.approx(span)  # dragged right: earlier times
    assert tl.view == pytest.approx(panned)
    assert w.time_axis.range == pytest.approx(panned)
    for t in (0.4, 1.3, 2.0):
        w.session.set_time(t)
        assert playhead_gap(w) <= 1.0, t
    # An edit does not re-frame a view the animator zoomed or panned.
    from kfstudio.animation import commands

    tl.frame_all()  # the timeline fits the document after edits again ...
    ce.view.setXRange(1.0, 2.0, padding=0)  # ... until the animator zooms in the curves
    w.session.push(commands.set_hold(w.session.anim, w.session.anim.keyframes[1].uid, 0.2))
    qtbot.waitUntil(lambda: ce._drawn is not None and ce._drawn[1] == w.session.anim.version)
    assert tl.view == pytest.approx((1.0, 2.0)) and tuple(ce.view.viewRange()[0]) == pytest.approx((1.0, 2.0))
    # Frame all (View menu) and a resized window keep them aligned too.
    w.action_map["frame_all"].trigger()
    assert tl.view == pytest.approx(tuple(ce.view.viewRange()[0]))
    assert playhead_gap(w) <= 1.0
    w.resize(1200, 850)
    qtbot.waitUntil(lambda: playhead_gap(w) <= 1.0)
