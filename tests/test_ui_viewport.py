"""The viewport's playback drawing (reduced resolution while playing) and the session's 10 Hz
playhead signal that slow views follow during playback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("PySide6")

from kfstudio.animation.document import Animation  # noqa: E402
from kfstudio.ui.session import EditorSession  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def test_slow_time_signal_is_throttled_during_playback_and_exact_otherwise(qtbot):
    session = EditorSession(Animation(fps=30.0))
    seen: list[float] = []
    session.slowTimeChanged.connect(seen.append)
    session.set_time(0.5)
    assert seen == [0.5]  # not playing: every move
    session.set_playing(True)
    seen.clear()
    for i in range(1, 30):  # a burst of frames, far faster than 10 Hz
        session.set_time(0.5 + i / 30)
    assert seen == [0.5 + 1 / 30]  # the first frame at once, the rest held back
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=1000)
    assert seen[-1] == session.time  # then the latest time, once
    qtbot.waitUntil(lambda: not session._slow_timer.isActive(), timeout=1000)  # its interval ran out ...
    assert len(seen) == 2  # ... with nothing new to report
    session.set_time(3.0)
    session.set_time(3.1)
    session.set_playing(False)
    assert seen[-1] == 3.1  # stopping reports where the playhead stopped



#: The start of every child script: the application and wait_until, which processes events until a
#: condition holds (a condition, not a fixed wait) and fails loudly on timeout.
_PRELUDE = r"""
import json, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
def wait_until(cond, timeout=60.0):
    # Process events until cond() holds (a condition, not a fixed wait); fail loudly on timeout.
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("condition not met in %.0f s" % timeout)
        app.processEvents()
        time.sleep(0.002)
"""


def _run_child(script: str, screen: str | None = None, timeout: int = 120) -> tuple[dict, str]:
    """Run a child script under xvfb-run (``screen``: e.g. "1280x1024x24"); its last JSON line and its stderr."""
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    cmd = ["xvfb-run", "-a"] + (["-s", f"-screen 0 {screen}"] if screen else []) + [sys.executable, "-c", script]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-3000:]
    return json.loads(lines[-1]), out.stderr


_CHILD = _PRELUDE + r"""
import json, time
import numpy as np
from PySide6.QtWidgets import QApplication
from kfstudio.animation.document import Animation
from kfstudio.ui.session import EditorSession
from kfstudio.ui.viewport import Viewport, PLAYBACK_PIXELS
session = EditorSession(Animation(fps=30.0))
vp = Viewport(session)
vp.resize(760, 470)
vp.show()
wait_until(lambda: vp.mesh is not None and vp.draws > 0)
def grab():
    img = vp.canvas.native.grabFramebuffer().convertToFormat(vp.canvas.native.grabFramebuffer().Format.Format_RGB888)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width() * 3]
    a = a.reshape(img.height(), img.width(), 3).astype(int)
    bg = a[2, 2]
    return float((np.abs(a - bg).sum(axis=2) > 30).mean())
full = grab()
draws = vp.draws
session.set_playing(True)
wait_until(lambda: vp.scaled.scale < 1.0 and vp.draws > draws)
w, h = vp.canvas.physical_size
playing = {"scale": vp.scaled.scale, "shape": list(vp.scaled.offscreen_shape()), "covered": grab()}
draws = vp.draws
session.set_playing(False)
wait_until(lambda: vp.scaled.scale == 1.0 and vp.draws > draws)
print(json.dumps({"full": full, "playing": playing, "after_scale": vp.scaled.scale, "canvas": [w, h],
                  "limit": PLAYBACK_PIXELS, "after": grab()}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_viewport_draws_fewer_pixels_while_playing_and_the_head_stays_visible():
    res, stderr = _run_child(_CHILD, "1280x1024x24")
    w, h = res["canvas"]
    assert res["playing"]["scale"] < 1.0
    sh, sw = res["playing"]["shape"]
    assert sh * sw <= res["limit"] * 1.05 and sh * sw < w * h
    assert res["after_scale"] == 1.0
    # The head covers a similar share of the view when drawn small and stretched as at full size.
    assert res["full"] > 0.05
    assert abs(res["playing"]["covered"] - res["full"]) < 0.25 * res["full"]
    assert abs(res["after"] - res["full"]) < 0.05 * res["full"]


_KEYS_CHILD = _PRELUDE + r"""
import json, time
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow
from kfstudio.animation.document import Animation
from kfstudio.ui.session import EditorSession
from kfstudio.ui.viewport import Viewport
session = EditorSession(Animation(fps=30.0))
win = QMainWindow()
hits = []
play = QAction("Play", win)
play.setShortcut(QKeySequence("Space"))
play.triggered.connect(lambda: hits.append("space"))
win.addAction(play)
vp = Viewport(session)
win.setCentralWidget(vp)
win.resize(640, 480)
win.show()
wait_until(lambda: vp.canvas is not None and vp.draws > 0)
vp.canvas.native.setFocus()
QTest.keyClick(vp.canvas.native, Qt.Key_Space)
QTest.keyClick(vp.canvas.native, Qt.Key_J)  # no action: left to the canvas
app.processEvents()
print(json.dumps({"hits": hits, "drawn": vp.draws > 0}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_editor_shortcuts_work_while_the_viewport_window_has_the_focus():
    res, stderr = _run_child(_KEYS_CHILD)
    assert res["drawn"]
    assert res["hits"] == ["space"]


_EDITOR_KEYS_CHILD = _PRELUDE + r"""
import json, os, sys, tempfile, time
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
from kfstudio.animation import commands as cmd
from kfstudio.ui.main_window import MainWindow
win = MainWindow(viewport=True, recovery_dir=tempfile.mkdtemp())
win.session.push(cmd.key_pose(win.session.anim, 0.0))
win.session.push(cmd.key_pose(win.session.anim, 1.0))
win.show()
wait_until(lambda: getattr(win.viewport, "canvas", None) is not None and win.viewport.draws > 0)
native = win.viewport.canvas.native
native.setFocus()
frame = win.session.fps
before = win.session.time
QTest.keyClick(native, Qt.Key_Right)  # next frame
app.processEvents()
after_step = win.session.time
QTest.keyClick(native, Qt.Key_W)  # a key without an action: left to the canvas
app.processEvents()
win.session.stack.set_clean()
win.close()
print(json.dumps({"before": before, "after_step": after_step, "fps": frame}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_editor_window_actions_fire_from_the_viewport_without_errors():
    from kfstudio.ui.shortcuts import SHORTCUTS

    assert SHORTCUTS["next_frame"][0] == "Right"  # the key the child presses
    res, stderr = _run_child(_EDITOR_KEYS_CHILD)
    assert res["after_step"] == pytest.approx(res["before"] + 1 / res["fps"])
    assert "Traceback" not in stderr and "Error" not in stderr, stderr[-2000:]


_CAMERA_CHILD = _PRELUDE + r"""
import json, sys, tempfile, time
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
from kfstudio.animation import commands as cmd
from kfstudio.ui.main_window import MainWindow
from kfstudio.ui.timeline import MARKER_Y
win = MainWindow(viewport=True, recovery_dir=tempfile.mkdtemp())
win.show()
wait_until(lambda: getattr(win.viewport, "mesh", None) is not None and win.viewport.draws > 0)
cam = win.viewport.view.camera
native = win.viewport.canvas.native
c = QPoint(native.width() // 2, native.height() // 2)
az0 = cam.azimuth
QTest.mousePress(native, Qt.LeftButton, Qt.NoModifier, c)
for dx in range(10, 101, 10):
    QTest.mouseMove(native, c + QPoint(dx, 0))
    app.processEvents()
QTest.mouseRelease(native, Qt.LeftButton, Qt.NoModifier, c + QPoint(100, 0))
turned = abs(cam.azimuth - az0)
win.action_map["three_quarter_view"].trigger()
three_quarter = (90.0 - cam.azimuth, cam.elevation)
win.action_map["front_view"].trigger()
front = 90.0 - cam.azimuth
# A menu opened from the timeline dock (Qt warned that dock_timelineWindow must be top level).
win.session.push(cmd.key_pose(win.session.anim, 1.0))
def close_popup():
    popup = QApplication.activePopupWidget()
    popup.close() if popup is not None else QTimer.singleShot(20, close_popup)
QTimer.singleShot(20, close_popup)
pos = QPoint(int(win.timeline.x_of(1.0)), MARKER_Y)
QApplication.sendEvent(win.timeline, QContextMenuEvent(QContextMenuEvent.Mouse, pos, win.timeline.mapToGlobal(pos)))
# After a file dialog closes, the window's shortcuts work at once (Ctrl+Q closes it).
def reject_dialog():
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    dialogs[0].reject() if dialogs else QTimer.singleShot(20, reject_dialog)
QTimer.singleShot(20, reject_dialog)
win.session.stack.set_clean()
win.open_dialog()
wait_until(lambda: QApplication.activeWindow() is win, timeout=10)
QTest.keyClick(win, Qt.Key_Q, Qt.ControlModifier)
wait_until(lambda: not win.isVisible(), timeout=10)
print(json.dumps({"turned": turned, "three_quarter": three_quarter, "front": front, "closed": not win.isVisible()}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_orbit_speed_three_quarter_view_no_dock_warning_and_shortcuts_after_a_file_dialog():
    res, stderr = _run_child(_CAMERA_CHILD, "1600x1000x24", timeout=180)
    assert 25.0 <= res["turned"] <= 30.0  # degrees for a 100 px drag (vispy's own: 50)
    assert res["three_quarter"][0] == pytest.approx(40.0) and res["front"] == pytest.approx(0.0)
    assert res["closed"]
    assert "must be a top level window" not in stderr, stderr[-2000:]


def test_playback_shades_fewer_pixels_where_frames_come_late_and_never_below_the_floor():
    from kfstudio.ui.viewport import PLAYBACK_PIXELS, PLAYBACK_PIXELS_MIN, adapt_playback_pixels

    period = 1000 / 30
    on_time = [period + d for d in (-0.8, 0.4, 0.9, -0.2, 0.6)]
    assert adapt_playback_pixels(PLAYBACK_PIXELS, on_time, period) == PLAYBACK_PIXELS
    late = [period * 1.25] * 12
    budget = PLAYBACK_PIXELS
    seen = []
    for _ in range(10):
        budget = adapt_playback_pixels(budget, late, period)
        seen.append(budget)
    assert seen[0] < PLAYBACK_PIXELS and all(a >= b for a, b in zip(seen, seen[1:]))
    assert seen[-1] == PLAYBACK_PIXELS_MIN
    # one slow frame among on-time ones is no reason to coarsen the image (the median decides)
    assert adapt_playback_pixels(PLAYBACK_PIXELS, on_time + [period * 4], period) == PLAYBACK_PIXELS
    assert adapt_playback_pixels(PLAYBACK_PIXELS, [], period) == PLAYBACK_PIXELS


_CULL_CHILD = _PRELUDE + r"""
import dataclasses, json
import numpy as np
from kfstudio.animation.document import Animation
from kfstudio.rig.head import default_head
from kfstudio.ui.session import EditorSession
from kfstudio.ui.viewport import Viewport
head = default_head()
if HOLE:  # no inside behind the face: the back of the skin shows through the hole
    nose = head.vertices[np.argmax(head.vertices[:, 2])]
    keep = np.linalg.norm(head.vertices[head.faces].mean(axis=1) - nose, axis=1) > 0.03
    head = dataclasses.replace(head, faces=head.faces[keep])
session = EditorSession(Animation(fps=30.0))
vp = Viewport(session, head=head)
vp.resize(640, 480)
vp.show()
wait_until(lambda: vp.back_faces_culled is not None)
def grab():
    draws = vp.draws
    vp.canvas.update()
    wait_until(lambda: vp.draws > draws)
    img = vp.canvas.native.grabFramebuffer().convertToFormat(vp.canvas.native.grabFramebuffer().Format.Format_RGB888)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width() * 3]
    return a.reshape(img.height(), img.width(), 3).astype(int)
scale_after_check = vp.scaled.scale
frames_after_check = vp.frames_drawn
culled = vp.mesh.cull
first = grab()
vp.mesh.cull = not culled
other = grab()
head_px = int((np.abs(first - first[2, 2]).sum(axis=2) > 30).sum())
changed = int((np.abs(first - other).sum(axis=2) > 30).sum())
vp.mesh.cull = culled
# the check again with the wireframe on: its edges must not hide the backs it looks for
vp.set_wireframe(True)
vp.back_faces_culled = None
vp._check_culling()
wait_until(lambda: vp.back_faces_culled is not None)
print(json.dumps({"culled": culled, "mesh_cull": culled, "head_px": head_px, "changed": changed,
                  "camera_azimuth": vp.view.camera.azimuth, "scale_after_check": scale_after_check,
                  "frames_after_check": frames_after_check, "culled_with_wireframe": vp.back_faces_culled}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_back_faces_are_culled_only_for_a_head_whose_backs_never_show_and_the_image_does_not_change():
    res, _ = _run_child("HOLE = False\n" + _CULL_CHILD, timeout=180)
    assert res["culled"] is True and res["mesh_cull"] is True and res["culled_with_wireframe"] is True
    assert res["camera_azimuth"] == 90.0  # the check's views are not left behind: still the front view
    # nor the small image of a scrub, nor frames counted that showed no new pose
    assert res["scale_after_check"] == 1.0 and res["frames_after_check"] <= 1
    # culling changes only the fringe of the silhouette, not what the head looks like
    assert res["head_px"] > 10_000 and res["changed"] < 0.01 * res["head_px"]
    holed, _ = _run_child("HOLE = True\n" + _CULL_CHILD, timeout=180)
    assert holed["culled"] is False and holed["mesh_cull"] is False and holed["culled_with_wireframe"] is False
    # for that head culling would show the background through the hole: the check was right to refuse
    assert holed["changed"] > 200
