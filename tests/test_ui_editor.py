"""The editor on real widgets (offscreen): script → worker thread → keyframes, timeline drags, locks,
rapid typing, crash recovery and the unsaved-changes question."""

from __future__ import annotations

import threading

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio.animation import commands as cmd  # noqa: E402
from kfstudio.generation.backend import KeyframeRequest, create_backend, propose_script  # noqa: E402
from kfstudio.generation.script import parse_script  # noqa: E402
from kfstudio.io.project import load_project  # noqa: E402
from kfstudio.ui import recovery  # noqa: E402
from kfstudio.ui.main_window import MainWindow  # noqa: E402
from kfstudio.ui.timeline import MARKER_Y  # noqa: E402

SCRIPT = """Background: A nurse hears good news after a long shift.
Emotion: Tired relief.

0.0s: The eyes close slowly and the shoulders drop.
1.0s: A wide smile spreads and the brows lift.
2.0s: The jaw drops open in a surprised laugh.
"""


@pytest.fixture
def window(editor_window):
    return editor_window


def type_script(qtbot, w, text: str) -> None:
    w.script_panel.editor.setPlainText(text)
    qtbot.waitUntil(lambda: not w.script_panel.debounce.isActive(), timeout=3000)
    qtbot.waitUntil(lambda: not w.controller.busy and w.session.anim.script == text, timeout=10000)


def script_keyframes(w):
    return [k for k in w.session.anim.keyframes if k.description]


def test_typing_generates_keyframes_through_the_worker_thread(qtbot, window):
    seen_threads = []
    window.controller.worker.proposed.connect(lambda *a: seen_threads.append(threading.get_ident()), Qt.DirectConnection)
    type_script(qtbot, window, SCRIPT)
    kfs = script_keyframes(window)
    beats = parse_script(SCRIPT).beats
    assert [k.description for k in kfs] == [b.description for b in beats]
    # Values are the backend's proposals for this script (not neutral placeholders).
    backend = create_backend("embedded")
    expected = [r.values for r in propose_script(backend, [b.description for b in beats], parse_script(SCRIPT).background, parse_script(SCRIPT).emotion)]
    for k, v in zip(kfs, expected):
        assert np.abs(k.values - v).max() < 1e-9
        assert np.abs(k.values).max() > 0
    # Proposals were made off the GUI thread, and they are one undo step with the script edit.
    assert seen_threads and all(t != threading.main_thread().ident for t in seen_threads)
    assert window.session.stack.undo_text == "Edit script" and window.session.stack.index == 1
    window.session.undo()
    assert window.session.anim.script == "" and not script_keyframes(window)
    window.session.redo()
    for k, v in zip(script_keyframes(window), expected):
        assert np.abs(k.values - v).max() < 1e-9


def test_drag_in_timeline_retimes_keyframe_and_undo_restores(qtbot, window):
    type_script(qtbot, window, SCRIPT)
    tl = window.timeline
    tl.frame_all()
    k = script_keyframes(window)[1]
    before = k.time
    undo_depth = window.session.stack.index
    x0 = int(tl.x_of(before))
    target = before + 0.5
    x1 = int(round(tl.x_of(target)))
    qtbot.mousePress(tl, Qt.LeftButton, pos=QPoint(x0, MARKER_Y))
    for x in np.linspace(x0, x1, 6)[1:]:
        qtbot.mouseMove(tl, QPoint(int(x), MARKER_Y))
    qtbot.mouseRelease(tl, Qt.LeftButton, pos=QPoint(x1, MARKER_Y))
    moved = window.session.anim.find(k.uid).time
    assert abs(moved - target) <= 1.0 / tl.px_per_s + 1e-9 + 0.5 / window.session.fps
    assert moved * window.session.fps == pytest.approx(round(moved * window.session.fps))  # snapped to a frame
    assert window.session.stack.index == undo_depth + 1  # the whole drag is one step
    window.session.undo()
    assert window.session.anim.find(k.uid).time == before


def test_locked_channel_survives_regeneration(qtbot, window):
    type_script(qtbot, window, SCRIPT)
    k = script_keyframes(window)[1]
    jaw = ch.channel_index("JawOpen")
    smile = ch.channel_index("MouthSmileLeft")
    window.session.push(cmd.set_values(window.session.anim, k.uid, {jaw: 0.77}))
    window.session.push(cmd.set_keyframe_lock(window.session.anim, k.uid, [jaw], True))
    window.session.push(cmd.set_values(window.session.anim, k.uid, {smile: 0.0123}, edited=False))
    window.regenerate([k.uid], "repropose")
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10000)
    after = window.session.anim.find(k.uid)
    assert after.values[jaw] == pytest.approx(0.77)  # locked: kept even by a re-propose
    assert after.values[smile] != pytest.approx(0.0123)  # not locked: regenerated
    # And editing the script (which regenerates the neighbours) keeps it too.
    type_script(qtbot, window, SCRIPT.replace("A wide smile spreads", "A broad grin spreads"))
    assert window.session.anim.find(k.uid).values[jaw] == pytest.approx(0.77)


def test_rapid_typing_ends_matching_the_final_text(qtbot, window):
    lines = [
        "The eyes narrow with suspicion.",
        "The lips press together hard.",
        "A sudden laugh opens the jaw.",
    ]
    final = ""
    for i in range(100):
        final = "Emotion: Mixed.\n\n" + "\n".join(f"{j:.1f}s: {lines[(i + j) % 3]} {i}" for j in range(3)) + "\n"
        window.script_panel.editor.setPlainText(final)
        # Let the debounce fire now and then, so that stale jobs get cancelled mid-way.
        qtbot.wait(15 if i % 25 else 400)
    qtbot.waitUntil(lambda: not window.script_panel.debounce.isActive(), timeout=3000)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=15000)
    script = parse_script(final)
    kfs = script_keyframes(window)
    assert [k.description for k in kfs] == [b.description for b in script.beats]
    assert window.controller.out_of_date() == []
    backend = create_backend("embedded")
    for i, k in enumerate(kfs):
        prev = kfs[i - 1].values if i else None
        request = KeyframeRequest([b.description for b in script.beats], i, script.background, script.emotion, previous=prev)
        res = next(iter(backend.propose([request])))
        assert np.abs(k.values - res.values).max() < 1e-9
    window.close()
    assert not window.controller.thread_running


def test_recovery_file_written_and_offered(qtbot, tmp_path, monkeypatch):
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    folder = tmp_path / "recovery"
    w = MainWindow(viewport=False, recovery_dir=folder, autosave_ms=50)
    qtbot.addWidget(w)
    type_script(qtbot, w, SCRIPT)
    assert w.session.modified
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=5000)  # proposals arrive in batches
    recovered = folder / recovery.PROJECT_NAME
    qtbot.waitUntil(lambda: recovered.exists() and load_project(recovered).same_as(w.session.anim), timeout=3000)
    saved = load_project(recovered)
    # Simulate a crash: the window goes away without a normal close.
    w.controller.shutdown()
    w.recovery.timer.stop()
    w2 = MainWindow(viewport=False, recovery_dir=folder)
    qtbot.addWidget(w2)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    assert w2.offer_recovery()
    assert asked and "Restore" in asked[0]
    assert w2.session.anim.script == SCRIPT
    assert [k.description for k in w2.session.anim.keyframes] == [k.description for k in saved.keyframes]
    assert w2.session.modified  # restored work is unsaved work
    w2.session.undo()
    assert not w2.session.anim.keyframes
    w2.session.stack.set_clean()
    w2.close()
    assert not (folder / recovery.PROJECT_NAME).exists()


def _crashed_session_copy(folder):
    """What a crashed editor leaves behind: a recovery copy written by its RecoveryManager."""
    from kfstudio.animation.document import Animation
    from kfstudio.ui.session import EditorSession

    session = EditorSession(Animation(fps=30))
    for t in (0.4, 1.3):
        session.push(cmd.key_pose(session.anim, t))
    manager = recovery.RecoveryManager(session, folder)
    assert manager.autosave()
    manager.timer.stop()
    return session.anim


@pytest.mark.parametrize("fast_start", [True, False])
def test_recovery_offered_at_start_before_anything_discards_it(qtbot, tmp_path, monkeypatch, fast_start):
    from kfstudio.ui.app import create_window

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    folder = tmp_path / "recovery"
    crashed = _crashed_session_copy(folder)
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append((text, (folder / recovery.PROJECT_NAME).exists()))
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    w = create_window(None, viewport=False, recovery_dir=folder, fast_start=fast_start)  # loads the example script
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "Restore" in asked[0][0] and asked[0][1], "the copy must still be there when it is offered"
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=10000)
    assert [k.time for k in w.session.anim.keyframes] == [k.time for k in crashed.keyframes]
    assert w.session.modified and w.session.stack.undo_text == "Restore recovered work"
    assert len(asked) == 1
    w.session.stack.set_clean()
    w.close()


def test_declined_recovery_is_discarded_and_autosave_resumes(qtbot, tmp_path):
    from kfstudio.ui.app import create_window

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    folder = tmp_path / "recovery"
    _crashed_session_copy(folder)
    w = create_window(None, viewport=False, recovery_dir=folder, fast_start=False)
    qtbot.addWidget(w)
    boxes = qtbot._request.node.message_boxes
    assert [b[1] for b in boxes] == ["Recover unsaved work"]  # the conftest answers No
    assert not (folder / recovery.PROJECT_NAME).exists()
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=10000)
    w.session.push(cmd.key_pose(w.session.anim, 0.25))
    assert w.recovery.autosave() and (folder / recovery.PROJECT_NAME).exists()
    w.session.stack.set_clean()
    w.close()


def test_close_with_unsaved_changes_asks(qtbot, window, monkeypatch):
    window.session.push(cmd.key_pose(window.session.anim, 0.5))
    answers = [QMessageBox.Cancel, QMessageBox.Discard]
    asked = []

    def fake_question(*args, **kwargs):
        asked.append(args[1])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    assert not window.close()  # Cancel keeps the window open
    assert window.isVisible() and window.controller.thread_running
    assert window.close()  # Discard closes it
    assert asked == ["Unsaved changes", "Unsaved changes"]
    assert not window.controller.thread_running


def test_save_and_reopen_through_the_window(qtbot, window, tmp_path):
    type_script(qtbot, window, SCRIPT)
    path = tmp_path / "take.kfs"
    assert window.save_to(path)
    assert not window.session.modified
    assert str(path.resolve()) in window.recent_files()
    assert window.open_path(path)
    assert window.session.anim.script == SCRIPT
    out = tmp_path / "take.csv"
    assert window.export_path(out)
    header = out.read_text().splitlines()[0].split(",")
    assert header[:2] == ["Timecode", "BlendShapeCount"] and header[2:] == list(ch.NAMES)


def test_keyboard_steps_and_jumps(qtbot, window):
    type_script(qtbot, window, SCRIPT)
    s = window.session
    s.set_time(0.0)
    window.action_map["next_frame"].trigger()
    assert s.time == pytest.approx(1 / s.fps)
    window.action_map["next_key"].trigger()
    assert s.time == pytest.approx(1.0)
    window.action_map["prev_key"].trigger()
    assert s.time == pytest.approx(0.0)
    n = len(s.anim.keyframes)
    s.set_time(1.5)
    window.action_map["key_pose"].trigger()
    assert len(s.anim.keyframes) == n + 1
    window.action_map["undo"].trigger()
    assert len(s.anim.keyframes) == n


def test_script_problems_are_shown_under_the_status(qtbot, window):
    panel = window.script_panel
    type_script(qtbot, window, "Background: a quiet cafe.\nEmotion: calm.\n")
    assert not panel.hints.isHidden()
    assert "no keyframe lines found — write one description per line, e.g. `1.0s: she smiles`" in panel.hints.text()
    type_script(qtbot, window, SCRIPT)
    assert panel.hints.isHidden() and len(script_keyframes(window)) == 3
    type_script(qtbot, window, SCRIPT + "3.0s:\n")
    assert not panel.hints.isHidden() and "line 7: a time with no description" in panel.hints.text()
    assert "no keyframe lines" not in panel.hints.text()
    before = [k.description for k in script_keyframes(window)]
    panel.editor.setPlainText(SCRIPT + "-1s: she frowns\n")  # the parser refuses it: shown, not applied
    qtbot.waitUntil(lambda: not panel.debounce.isActive(), timeout=3000)
    assert not panel.error_label.isHidden() and "negative time" in panel.error_label.toolTip()
    assert [k.description for k in script_keyframes(window)] == before


def test_default_layout_gives_the_head_a_third_of_the_height_and_the_splitter_moves(qtbot, editor_window):
    w = editor_window
    view, curves = w.docks["viewport"], w.docks["curves"]
    qtbot.waitUntil(lambda: view.height() >= w.height() / 3, timeout=3000)
    assert view.height() < w.height() * 0.7  # timeline and curves keep room
    # the splitter between the head and the docks below still moves both ways (as a drag does)
    before = view.height()
    w.resizeDocks([curves], [curves.height() + 120], Qt.Vertical)
    qtbot.waitUntil(lambda: view.height() < before - 60, timeout=3000)
    w.resizeDocks([curves], [curves.height() - 160], Qt.Vertical)
    qtbot.waitUntil(lambda: view.height() > before + 20, timeout=3000)
