"""One undo history that never lies (issue 13, item 1), driven through the real window (offscreen).

After every step — script edits typed into the box, the worker's proposals, Ctrl+Z inside the box,
the toolbar's Undo and Redo, Save — each script keyframe's description, time, values and thumbnail
must agree with the script text shown, or the keyframe must be visibly marked stale (timeline and
inspector); the saved file must agree too, or record the keyframe as stale.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QTextCursor  # noqa: E402

from kfstudio import script_sync  # noqa: E402
from kfstudio.generation.backend import create_backend, propose_script  # noqa: E402
from kfstudio.generation.script import parse_script  # noqa: E402
from kfstudio.io.project import load_project  # noqa: E402

SCRIPT = """Background: A nurse hears good news after a long shift.
Emotion: Tired relief.

0.0s: The eyes close slowly.
1.0s: A wide smile spreads and the brows lift.
2.0s: The jaw drops open in a surprised laugh.
"""


@pytest.fixture
def window(editor_window, qtbot):
    w = editor_window
    rendered: list[bytes] = []

    def render(values):  # a stand-in for the GL thumbnail: records what it was asked to draw
        rendered.append(np.asarray(values, dtype=np.float32).tobytes())
        image = QImage(8, 8, QImage.Format_RGB32)
        image.fill(QColor(int(255 * float(np.max(values))), 0, 0))
        return image

    w.timeline.set_thumbnail_renderer(render)
    w.open_script(SCRIPT)
    settle(qtbot, w)
    return w


def settle(qtbot, w) -> None:
    """Wait until typed text is committed and the worker has nothing left to do."""
    qtbot.waitUntil(lambda: not w.script_panel.debounce.isActive(), timeout=5000)
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=20000)


_ORACLE: dict[str, list[np.ndarray]] = {}


def oracle(script_text: str) -> list[np.ndarray]:
    """What the backend proposes for each line of ``script_text``, from scratch."""
    if script_text not in _ORACLE:
        s = parse_script(script_text)
        descs = [b.description for b in s.beats]
        _ORACLE[script_text] = [r.values for r in propose_script(create_backend("embedded"), descs, s.background, s.emotion)]
    return _ORACLE[script_text]


def thumbnail_key(w, uid):
    hit = w.timeline.thumbnails._images.get(uid)
    return None if hit is None else hit[0]


def assert_agrees(qtbot, w) -> None:
    """Each keyframe agrees with the script in the box, or is shown stale where the user looks."""
    settle(qtbot, w)
    text = w.script_panel.editor.toPlainText()
    anim = w.session.anim
    assert anim.script == text, "the box shows another script than the document's"
    beats = parse_script(text).beats
    kfs = script_sync.script_keyframes(anim)
    assert [k.description for k in kfs] == [b.description for b in beats]
    for k, b in zip(kfs, beats):
        if b.time is not None:
            assert k.time == pytest.approx(b.time)
    stale = set(script_sync.stale_keyframes(anim))
    expected = oracle(text)
    for k, v in zip(kfs, expected):
        if k.uid in stale:  # allowed, but only when the user can see it
            assert k.uid in w.timeline.stale, f"{k.description!r} is stale but not marked so on the timeline"
            w.session.select_keyframes([k.uid])
            assert "stale" in w.inspector.stale_label.text().lower() and w.inspector.stale_label.isVisibleTo(w.inspector)
        else:
            assert np.abs(k.values - v).max() < 1e-9, f"{k.description!r}: values from another text"
            assert k.uid not in w.timeline.stale
    # The thumbnails show the current values (rendered on a timer, a few per tick).
    def thumbnails_current():
        w.timeline.repaint()
        return all(thumbnail_key(w, k.uid) == np.asarray(k.values, dtype=np.float32).tobytes() for k in kfs)

    qtbot.waitUntil(thumbnails_current, timeout=5000)


def assert_saved_agrees(w, path) -> None:
    w.save_to(path)
    saved = load_project(path)
    assert saved.script == w.script_panel.editor.toPlainText()
    kfs = script_sync.script_keyframes(saved)
    stale = set(script_sync.stale_keyframes(saved))
    for k, v in zip(kfs, oracle(saved.script)):
        assert k.uid in stale or np.abs(k.values - v).max() < 1e-9, f"saved {k.description!r} with values from another text"
    assert stale == set(script_sync.stale_keyframes(w.session.anim))


def type_into_box(qtbot, w, text: str, *, at_end_of_line: int | None = None) -> None:
    editor = w.script_panel.editor
    editor.setFocus()
    cursor = editor.textCursor()
    if at_end_of_line is None:
        cursor.movePosition(QTextCursor.End)
    else:
        block = editor.document().findBlockByNumber(at_end_of_line)
        cursor.setPosition(block.position() + len(block.text()))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)


def line_of(text: str, words: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if words in line)


def test_undo_of_a_script_edit_reverts_text_and_values_together(qtbot, window, tmp_path):
    w = window
    assert_agrees(qtbot, w)
    before = w.session.anim.script
    type_into_box(qtbot, w, " and a wink", at_end_of_line=line_of(before, "wide smile"))
    assert_agrees(qtbot, w)
    winked = w.session.anim.script
    assert "and a wink" in winked
    assert_saved_agrees(w, tmp_path / "wink.kfs")

    w.action_map["undo"].trigger()  # the toolbar's Undo
    assert w.session.anim.script == before
    assert_agrees(qtbot, w)
    assert_saved_agrees(w, tmp_path / "undone.kfs")
    assert not w.session.stack.can_undo, "the edit and its regeneration were more than one step"

    w.action_map["redo"].trigger()
    assert w.session.anim.script == winked
    assert_agrees(qtbot, w)
    assert_saved_agrees(w, tmp_path / "redone.kfs")


def test_ctrl_z_in_the_box_and_the_toolbar_share_one_history(qtbot, window, tmp_path):
    w = window
    editor = w.script_panel.editor
    start = w.session.anim.script
    type_into_box(qtbot, w, "3.0s: The face goes slack.")
    assert_agrees(qtbot, w)
    slack = w.session.anim.script
    assert len(script_sync.script_keyframes(w.session.anim)) == 4

    qtbot.keyClick(editor, Qt.Key_Z, Qt.ControlModifier)  # undo inside the box
    assert w.session.anim.script == start
    assert_agrees(qtbot, w)
    assert len(script_sync.script_keyframes(w.session.anim)) == 3
    assert_saved_agrees(w, tmp_path / "box_undo.kfs")

    w.action_map["undo"].trigger()  # nothing older than the opened script: text and values stay
    assert w.session.anim.script == start
    assert_agrees(qtbot, w)
    assert_saved_agrees(w, tmp_path / "toolbar_undo.kfs")

    qtbot.keyClick(editor, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # redo inside the box
    assert w.session.anim.script == slack
    assert_agrees(qtbot, w)
    w.action_map["undo"].trigger()
    w.action_map["redo"].trigger()
    assert w.session.anim.script == slack
    assert_agrees(qtbot, w)
    assert_saved_agrees(w, tmp_path / "redo.kfs")


def test_ctrl_z_while_typing_undoes_the_words_typed_since_the_last_pause(qtbot, window):
    w = window
    editor = w.script_panel.editor
    type_into_box(qtbot, w, "3.0s: A slow nod.")
    assert_agrees(qtbot, w)
    start = w.session.anim.script
    type_into_box(qtbot, w, "")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.keyClicks(editor, "4.0s: She looks away.")
    assert w.script_panel.debounce.isActive()  # still typing: not yet a step of its own
    qtbot.keyClick(editor, Qt.Key_Z, Qt.ControlModifier)
    assert editor.toPlainText() == start and w.session.anim.script == start  # one step, not two
    assert_agrees(qtbot, w)
    assert w.session.stack.can_redo and w.session.stack.redo_text == "Edit script"
    assert w.session.stack.can_undo  # the nod is still there to undo


def test_a_generation_undone_alone_is_shown_stale_and_saved_as_stale(qtbot, window, tmp_path):
    """Refine makes a step of its own; undoing it leaves values from an older text: visibly stale."""
    w = window
    kfs = script_sync.script_keyframes(w.session.anim)
    settings = dict(w.session.anim.settings)
    settings[script_sync.PROVENANCE] = {k.uid: "" for k in kfs}  # as if generated from another text
    from kfstudio.animation import commands as cmd

    w.session.push(cmd.make_edit(w.session.anim, "Forget provenance", settings=settings))
    assert_agrees(qtbot, w)  # values match the oracle anyway, but they are marked stale: allowed
    assert set(w.timeline.stale) == {k.uid for k in kfs}
    w.regenerate([k.uid for k in kfs], "refine")
    assert_agrees(qtbot, w)
    assert not w.timeline.stale
    w.action_map["undo"].trigger()
    assert set(w.timeline.stale) == {k.uid for k in kfs}
    assert_agrees(qtbot, w)
    path = tmp_path / "stale.kfs"
    assert_saved_agrees(w, path)
    assert "stale" in w.statusBar().currentMessage().lower()


def test_a_job_goes_through_its_named_states_and_a_newer_edit_retires_it(qtbot):
    from kfstudio.animation import Animation
    from kfstudio.ui.session import EditorSession
    from kfstudio.ui.worker import GenerationController, JobState

    session = EditorSession(Animation(fps=30.0))
    controller = GenerationController(session)
    try:
        states = []
        controller.stateChanged.connect(states.append)
        with qtbot.waitSignal(controller.done, timeout=20000):
            controller.sync_script(SCRIPT)
        from kfstudio.generation import semantic

        refining = [JobState.REFINING] if semantic.shared_layer() is not None else []  # the learned layer's stage
        assert states == [JobState.RUNNING, *refining, JobState.DRAINING, JobState.FINISHING, JobState.IDLE]
        states.clear()
        controller.sync_script(SCRIPT + "3s: She sighs.\n")
        controller.sync_script(SCRIPT + "3s: She sighs deeply.\n")  # the first job is retired at once
        assert states[:3] == [JobState.RUNNING, JobState.IDLE, JobState.RUNNING]
        qtbot.waitUntil(lambda: controller.state is JobState.IDLE, timeout=20000)
        assert script_sync.stale_keyframes(session.anim) == []
        assert session.stack.undo_text == "Edit script"
        session.undo()  # the last edit and its proposals
        assert session.anim.script == SCRIPT + "3s: She sighs.\n"
    finally:
        assert controller.shutdown()
