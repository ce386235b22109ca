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
    qtbot.wait(2 * EditorSession.SLOW_TIME_MS)
    assert len(seen) == 2  # nothing new to report
    session.set_time(3.0)
    session.set_time(3.1)
    session.set_playing(False)
    assert seen[-1] == 3.1  # stopping reports where the playhead stopped


_CHILD = r"""
import json, time
import numpy as np
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kfstudio.animation.document import Animation
from kfstudio.ui.session import EditorSession
from kfstudio.ui.viewport import Viewport, PLAYBACK_PIXELS
session = EditorSession(Animation(fps=30.0))
vp = Viewport(session)
vp.resize(760, 470)
vp.show()
for _ in range(60):
    app.processEvents(); time.sleep(0.01)
def grab():
    img = vp.canvas.native.grabFramebuffer().convertToFormat(vp.canvas.native.grabFramebuffer().Format.Format_RGB888)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width() * 3]
    a = a.reshape(img.height(), img.width(), 3).astype(int)
    bg = a[2, 2]
    return float((np.abs(a - bg).sum(axis=2) > 30).mean())
full = grab()
session.set_playing(True)
for _ in range(20):
    app.processEvents(); time.sleep(0.01)
w, h = vp.canvas.physical_size
playing = {"scale": vp.scaled.scale, "shape": list(vp.scaled.offscreen_shape()), "covered": grab()}
session.set_playing(False)
for _ in range(20):
    app.processEvents(); time.sleep(0.01)
print(json.dumps({"full": full, "playing": playing, "after_scale": vp.scaled.scale, "canvas": [w, h],
                  "limit": PLAYBACK_PIXELS, "after": grab()}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_viewport_draws_fewer_pixels_while_playing_and_the_head_stays_visible():
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    out = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-c", _CHILD],
                         capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-2000:]
    res = json.loads(lines[-1])
    w, h = res["canvas"]
    assert res["playing"]["scale"] < 1.0
    sh, sw = res["playing"]["shape"]
    assert sh * sw <= res["limit"] * 1.05 and sh * sw < w * h
    assert res["after_scale"] == 1.0
    # The head covers a similar share of the view when drawn small and stretched as at full size.
    assert res["full"] > 0.05
    assert abs(res["playing"]["covered"] - res["full"]) < 0.25 * res["full"]
    assert abs(res["after"] - res["full"]) < 0.05 * res["full"]


_KEYS_CHILD = r"""
import json, time
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
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
for _ in range(50):
    app.processEvents(); time.sleep(0.01)
vp.canvas.native.setFocus()
QTest.keyClick(vp.canvas.native, Qt.Key_Space)
QTest.keyClick(vp.canvas.native, Qt.Key_J)  # no action: left to the canvas
app.processEvents()
print(json.dumps({"hits": hits, "drawn": vp.draws > 0}))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is not installed (the viewport needs a display)")
def test_editor_shortcuts_work_while_the_viewport_window_has_the_focus():
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    out = subprocess.run(["xvfb-run", "-a", sys.executable, "-c", _KEYS_CHILD],
                         capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-2000:]
    res = json.loads(lines[-1])
    assert res["drawn"]
    assert res["hits"] == ["space"]


_EDITOR_KEYS_CHILD = r"""
import json, os, sys, tempfile, time
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
from kfstudio.animation import commands as cmd
from kfstudio.ui.main_window import MainWindow
win = MainWindow(viewport=True, recovery_dir=tempfile.mkdtemp())
win.session.push(cmd.key_pose(win.session.anim, 0.0))
win.session.push(cmd.key_pose(win.session.anim, 1.0))
win.show()
for _ in range(200):
    app.processEvents(); time.sleep(0.01)
    if hasattr(win.viewport, "canvas") and win.viewport.canvas is not None:
        break
for _ in range(30):
    app.processEvents(); time.sleep(0.01)
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
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    out = subprocess.run(["xvfb-run", "-a", sys.executable, "-c", _EDITOR_KEYS_CHILD],
                         capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-2000:]
    res = json.loads(lines[-1])
    assert res["after_step"] == pytest.approx(res["before"] + 1 / res["fps"])
    assert "Traceback" not in out.stderr and "Error" not in out.stderr, out.stderr[-2000:]
