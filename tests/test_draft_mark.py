"""Keyframes left with the planner's draft after Stop generation are marked (timeline, Keyframe tab).

The draft is recorded in the document (``settings["planner_draft"]``: a digest of the values the
planner's stage left, per keyframe) by the planner stage's proposal edit and cleared by the
refinement's, so undo and redo bring the mark back with the values, a hand edit of the values takes
it away, and a saved project keeps it. Real session, real MainWindow and timeline, real worker
thread and embedded backend; the gate of test_worker_refine holds the second stage.
"""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio import script_sync
from kfstudio.animation import Animation, Keyframe
from kfstudio.animation import commands as cmd
from kfstudio.io import project
from kfstudio.io.project import ProjectError, load_project, save_project

SCRIPT = """Background: She has just heard that the project she led for two years was cancelled.
Emotion: Hidden disappointment.

0s: Her eyebrows hit the ceiling.
1s: He looks like he swallowed a lemon.
2s: She gives him a look that could curdle milk.
"""

JAW = ch.NAMES.index("JawOpen")


# ---------------------------------------------------------------------- the model (no Qt)
def _doc() -> tuple[Animation, list[str]]:
    anim = Animation()
    edit, uids = script_sync.sync_keyframes(anim, SCRIPT)
    edit.redo(anim)
    return anim, uids


def _propose(anim: Animation, uids: list[str], value: float, stage: str | None) -> cmd.Edit:
    kfs, _idx, _bg, _emo, keys = script_sync.generation_targets(anim, uids)
    context = {k.uid: keys[i] for i, k in enumerate(kfs) if k.uid in uids}
    values = np.zeros(ch.NUM_CHANNELS)
    values[JAW] = value
    edit = script_sync.proposal_edit(anim, {u: values for u in uids}, context, stage=stage)
    edit.redo(anim)
    return edit


def test_the_planner_stage_records_the_draft_and_the_refinement_clears_it():
    anim, uids = _doc()
    planner = _propose(anim, uids, 0.3, "planner")
    assert sorted(script_sync.draft_keyframes(anim)) == sorted(uids)
    refined = _propose(anim, uids[:1], 0.4, "refined")
    assert sorted(script_sync.draft_keyframes(anim)) == sorted(uids[1:])
    refined.undo(anim)  # undo brings the draft back with its values
    assert sorted(script_sync.draft_keyframes(anim)) == sorted(uids)
    refined.redo(anim)
    one_stage = _propose(anim, uids[1:2], 0.5, None)  # a one-stage proposal is no draft either
    assert script_sync.draft_keyframes(anim) == [uids[2]]
    one_stage.undo(anim)
    refined.undo(anim)
    planner.undo(anim)
    assert script_sync.draft_keyframes(anim) == [] and script_sync.DRAFT not in anim.settings


def test_a_refinement_that_changes_nothing_still_clears_the_draft():
    anim, uids = _doc()
    _propose(anim, uids, 0.3, "planner")
    _propose(anim, uids, 0.3, "refined")
    assert script_sync.draft_keyframes(anim) == []


def test_a_hand_edit_of_the_values_ends_the_draft_and_its_undo_restores_it():
    anim, uids = _doc()
    _propose(anim, uids, 0.3, "planner")
    edit = cmd.set_values(anim, uids[0], {JAW: 0.9})
    edit.redo(anim)
    assert uids[0] not in script_sync.draft_keyframes(anim)
    edit.undo(anim)
    assert uids[0] in script_sync.draft_keyframes(anim)
    lock = cmd.set_keyframe_lock(anim, uids[0], [JAW])  # a lock leaves the values the planner's
    lock.redo(anim)
    assert uids[0] in script_sync.draft_keyframes(anim)


def test_a_stale_keyframe_is_marked_stale_not_draft():
    anim, uids = _doc()
    _propose(anim, uids, 0.3, "planner")
    edit, _ = script_sync.sync_keyframes(anim, SCRIPT.replace("look that could curdle milk", "warm smile"))
    edit.redo(anim)
    stale = script_sync.stale_keyframes(anim)
    assert stale and not set(stale) & set(script_sync.draft_keyframes(anim))


def test_a_saved_project_keeps_the_draft(tmp_path):
    anim, uids = _doc()
    _propose(anim, uids, 0.123456789012345, "planner")
    _propose(anim, uids[:1], 0.2, "refined")
    save_project(anim, tmp_path / "a.kfs")
    loaded = load_project(tmp_path / "a.kfs")
    assert sorted(script_sync.draft_keyframes(loaded)) == sorted(uids[1:])
    assert project.DRAFT_KEY == script_sync.DRAFT


@pytest.mark.parametrize("bad", [["x"], {"k": 3}, "abc"])
def test_a_bad_draft_record_is_a_clear_error(tmp_path, bad):
    anim = Animation([Keyframe(0.0, "a")])
    anim.settings[script_sync.DRAFT] = bad
    save_project(anim, tmp_path / "bad.kfs")
    with pytest.raises(ProjectError, match=r"bad\.kfs.*settings\.planner_draft: expected an object"):
        load_project(tmp_path / "bad.kfs")


# ---------------------------------------------------------------------- the editor
@pytest.fixture
def layer_on():
    from kfstudio.generation import semantic

    if semantic.disabled_by_env() or semantic.shared_layer() is None:
        pytest.skip(f"the learned layer is off: {semantic.notice() or 'KFSTUDIO_SEMANTIC=off'}")


@pytest.fixture
def gate(monkeypatch):
    """Holds the second stage (the learned layer's proposals, in the worker's thread) until ``gate.set()``."""
    import threading

    from kfstudio.generation.backends.embedded import EmbeddedBackend

    event = threading.Event()
    full = EmbeddedBackend.propose

    def gated(self, requests, cancel=None):
        if threading.current_thread() is not threading.main_thread():
            assert event.wait(20), "the test never opened the gate"
        yield from full(self, requests, cancel)

    monkeypatch.setattr(EmbeddedBackend, "propose", gated)
    yield event
    event.set()


def _stop_between_the_stages(qtbot, w) -> list[str]:
    """Type the script, wait for the planner's 3 proposals (the refinement held), press Stop."""
    from PySide6.QtCore import Qt

    from kfstudio.ui.worker import JobState

    w.script_panel.editor.setPlainText(SCRIPT)
    w.script_panel.commit_text()
    c = w.controller
    qtbot.waitUntil(lambda: c.state is JobState.REFINING and not c.pending and len(c.unrefined) == 3, timeout=10000)
    assert not w.timeline.draft  # on their way to the refinement: not marked yet
    qtbot.mouseClick(w.script_panel.stop_button, Qt.LeftButton)
    assert "3 keep the planner's draft" in w.script_panel.indicator.text()
    return [k.uid for k in script_sync.script_keyframes(w.session.anim)]


def _ring_pixels(w, uid: str) -> int:
    """How many pixels of the draft ring's colour the timeline shows around ``uid``'s marker."""
    from kfstudio.ui import timeline as tl

    tl_w = w.timeline
    image = tl_w.grab().toImage()
    dpr = image.devicePixelRatio()
    x0 = tl_w.x_of(w.session.anim.find(uid).time)
    want = tl._DRAFT
    count = 0
    for dx in range(-14, 20):
        for dy in range(-20, 15):
            px, py = int((x0 + dx) * dpr), int((tl.MARKER_Y + dy) * dpr)
            if 0 <= px < image.width() and 0 <= py < image.height():
                c = image.pixelColor(px, py)
                if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 40:
                    count += 1
    return count


def test_stop_marks_the_drafts_in_the_timeline_and_the_keyframe_tab(qtbot, editor_window, gate, layer_on):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip

    from kfstudio.ui import timeline as tl

    w = editor_window
    uids = _stop_between_the_stages(qtbot, w)
    qtbot.waitUntil(lambda: w.timeline.draft == set(uids), timeout=5000)
    assert not w.timeline.stale
    assert all(_ring_pixels(w, u) > 20 for u in uids)  # drawn, at each marker
    assert tl.DRAFT_TIP in w.timeline.marker_tooltip(uids[1])
    assert "planner draft — not refined by the learned layer; Refine to refine it" == tl.DRAFT_TIP
    x = int(w.timeline.x_of(w.session.anim.find(uids[1]).time))
    qtbot.mouseMove(w.timeline, QPoint(x, tl.MARKER_Y))  # hovering shows it
    qtbot.waitUntil(lambda: tl.DRAFT_TIP in QToolTip.text(), timeout=3000)
    w.session.select_keyframes([uids[1]])
    w.session.set_time(w.session.anim.find(uids[1]).time)
    qtbot.waitUntil(lambda: w.inspector.uid == uids[1] and w.inspector.draft_label.isVisibleTo(w.inspector), timeout=3000)
    gate.set()  # the stopped job's refinement never lands: the marks stay
    qtbot.wait(0)
    assert w.timeline.draft == set(uids)
    w.undo()  # the Stop's step: the script edit and its planner values
    qtbot.waitUntil(lambda: not w.timeline.draft, timeout=3000)
    assert not script_sync.script_keyframes(w.session.anim)
    w.redo()  # the drafts are back with the values (and nothing is refined behind the animator's back)
    qtbot.waitUntil(lambda: w.timeline.draft == set(uids), timeout=3000)
    assert not w.controller.busy


def test_refine_a_hand_edit_and_undo_redo_move_the_mark(qtbot, editor_window, gate, layer_on):
    w = editor_window
    uids = _stop_between_the_stages(qtbot, w)
    gate.set()
    qtbot.waitUntil(lambda: w.timeline.draft == set(uids), timeout=5000)
    # a hand edit of the values: no longer the planner's draft; undo makes it one again
    assert w.session.push(cmd.set_values(w.session.anim, uids[0], {JAW: 0.77}))
    qtbot.waitUntil(lambda: w.timeline.draft == set(uids[1:]), timeout=3000)
    assert _ring_pixels(w, uids[0]) == 0
    w.undo()
    qtbot.waitUntil(lambda: w.timeline.draft == set(uids), timeout=3000)
    # Refine the second: refined by the learned layer, its mark goes (the others keep theirs)
    refined = []
    w.controller.refined.connect(lambda _job, uid: refined.append(uid))
    w.session.select_keyframes([uids[1]])
    w.action_map["refine"].trigger()
    qtbot.waitUntil(lambda: not w.controller.busy and uids[1] in refined, timeout=20000)
    qtbot.waitUntil(lambda: w.timeline.draft == {uids[0], uids[2]}, timeout=3000)
    assert tl_tip_free(w, uids[1])
    w.undo()  # the Refine's step: the draft is back
    qtbot.waitUntil(lambda: w.timeline.draft == set(uids), timeout=3000)
    w.redo()
    qtbot.waitUntil(lambda: w.timeline.draft == {uids[0], uids[2]}, timeout=3000)


def tl_tip_free(w, uid: str) -> bool:
    from kfstudio.ui import timeline as tl

    return tl.DRAFT_TIP not in w.timeline.marker_tooltip(uid)


def test_a_finished_generation_leaves_no_draft(qtbot, editor_window, layer_on):
    w = editor_window
    w.script_panel.editor.setPlainText(SCRIPT)
    w.script_panel.commit_text()
    qtbot.waitUntil(lambda: len(script_sync.script_keyframes(w.session.anim)) == 3 and not w.controller.busy, timeout=30000)
    assert not w.timeline.draft and not script_sync.draft_keyframes(w.session.anim)
    assert script_sync.DRAFT not in w.session.anim.settings


def test_a_layer_found_missing_leaves_no_draft(qtbot, monkeypatch):
    """The first job learns only at its second stage that the layer is missing: the planner's values
    are then final, not a draft to refine."""
    from kfstudio.generation import semantic
    from kfstudio.ui.session import EditorSession
    from kfstudio.ui.worker import GenerationController

    monkeypatch.setattr(semantic, "shared_layer", lambda: None)
    monkeypatch.setattr(semantic, "notice", lambda: None)
    monkeypatch.delenv("KFSTUDIO_SEMANTIC", raising=False)
    session = EditorSession()
    controller = GenerationController(session, {"backend": "embedded"})
    try:
        applied = []
        controller.applied.connect(lambda _job, uid: applied.append(uid))
        controller.sync_script(SCRIPT)
        qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
        assert len(applied) == 3  # the planner's stage ran: there was a draft to clear
        assert not script_sync.draft_keyframes(session.anim) and not controller.drafts()
        assert session.undo() and session.anim.script == ""  # still one undo step
    finally:
        assert controller.shutdown(10000)


def test_the_record_forgets_deleted_keyframes_at_the_next_proposal():
    anim, uids = _doc()
    _propose(anim, uids, 0.3, "planner")
    cmd.delete_keyframes(anim, [uids[2]]).redo(anim)
    _propose(anim, uids[:1], 0.4, "refined")
    assert set(anim.settings[script_sync.DRAFT]) == {uids[1]}


def test_keyframes_a_repropose_leaves_for_later_are_not_marked_meanwhile(qtbot, gate, layer_on):
    """A Re-propose between the stages defers the other keyframes' refinement until after it: they
    are on their way, not drafts; at the end none is left (refined, or edited by hand)."""
    from kfstudio.ui.session import EditorSession
    from kfstudio.ui.worker import GenerationController, JobState

    session = EditorSession()
    controller = GenerationController(session, {"backend": "embedded"})
    try:
        controller.sync_script(SCRIPT)
        qtbot.waitUntil(lambda: controller.state is JobState.REFINING and len(controller.unrefined) == 3, timeout=10000)
        assert controller.drafts() == []
        kfs = script_sync.script_keyframes(session.anim)
        assert session.push(cmd.set_values(session.anim, kfs[2].uid, {JAW: 0.33}))
        controller.regenerate([kfs[1].uid], mode="repropose", label="Re-propose keyframe")
        assert controller.busy  # (the worker is still held in the first job's refinement)
        assert kfs[0].uid in script_sync.draft_keyframes(session.anim)  # the planner's values, recorded
        assert controller.drafts() == []  # ... but its refinement comes after the Re-propose
        gate.set()
        qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
        assert controller.drafts() == [] and script_sync.draft_keyframes(session.anim) == []
    finally:
        assert controller.shutdown(10000)
