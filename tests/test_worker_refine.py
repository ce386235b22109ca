"""The editor's worker in two stages (issue 11): the planner's proposal first, then the learned layer's
refinement, amending the same undo step, never over what the user changed in between.

Real session, real controller and worker thread, the real embedded backend with its learned layer.
A gate (a threading.Event around the embedded backend's full proposal, which only the second stage
calls) holds the refinement back where a test has to act between the two stages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from kfstudio import channels as ch  # noqa: E402
from kfstudio import script_sync  # noqa: E402
from kfstudio.animation import commands as cmd  # noqa: E402
from kfstudio.generation import semantic  # noqa: E402
from kfstudio.generation.backend import create_backend, propose_script  # noqa: E402
from kfstudio.generation.backends.embedded import EmbeddedBackend  # noqa: E402
from kfstudio.io.project import load_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """Background: She has just heard that the project she led for two years was cancelled.
Emotion: Hidden disappointment.

0s: Her eyebrows hit the ceiling.
1s: He looks like he swallowed a lemon.
2s: She gives him a look that could curdle milk.
"""

# the same script with its last line rewritten
SCRIPT_B = SCRIPT.replace("She gives him a look that could curdle milk.", "His face lights up.")

JAW = ch.NAMES.index("JawOpen")

@pytest.fixture
def layer_on():
    if semantic.disabled_by_env() or semantic.shared_layer() is None:
        pytest.skip(f"the learned layer is off: {semantic.notice() or 'KFSTUDIO_SEMANTIC=off'}")


def cli_values(script: str, tmp_path: Path) -> list[np.ndarray]:
    """The keyframe values ``kfstudio generate`` writes for ``script`` (a fresh process), in time order."""
    src = tmp_path / f"script{abs(hash(script)) % 10**6}.txt"
    src.write_text(script, encoding="utf-8")
    out = src.with_suffix(".kfs")
    env = {k: v for k, v in os.environ.items() if k != "KFSTUDIO_SEMANTIC"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "kfstudio", "generate", str(src), "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    anim = load_project(out)
    return [k.values.copy() for k in script_sync.script_keyframes(anim)]


def planner_values(script: str) -> list[np.ndarray]:
    """What the planner alone proposes for the script (chained as the CLI chains it)."""
    from kfstudio.generation.script import parse_script

    parsed = parse_script(script)
    descs = [k.description for k in parsed.beats]
    backend = create_backend("embedded", semantic=False)
    return [r.values for r in propose_script(backend, descs, parsed.background, parsed.emotion)]


def values_of(session) -> list[np.ndarray]:
    return [k.values.copy() for k in script_sync.script_keyframes(session.anim)]


@pytest.fixture
def gate(monkeypatch):
    """Holds the second stage (the learned layer's proposals, in the worker's thread) until ``gate.set()``."""
    event = threading.Event()
    full = EmbeddedBackend.propose

    def gated(self, requests, cancel=None):
        if threading.current_thread() is not threading.main_thread():  # the worker's thread only
            assert event.wait(20), "the test never opened the gate"
        yield from full(self, requests, cancel)

    monkeypatch.setattr(EmbeddedBackend, "propose", gated)
    yield event
    event.set()


@pytest.fixture
def editor(qtbot, layer_on, any_editor):
    return any_editor


@pytest.fixture
def any_editor(qtbot):
    from kfstudio.ui.session import EditorSession
    from kfstudio.ui.worker import GenerationController

    session = EditorSession()
    controller = GenerationController(session, {"backend": "embedded"})
    log: list[tuple] = []
    controller.stateChanged.connect(lambda state: log.append(("state", state.value)))
    controller.applied.connect(lambda _job, uid: log.append(("applied", uid)))
    controller.refined.connect(lambda _job, uid: log.append(("refined", uid)))
    controller.status.connect(lambda text: log.append(("status", text)))
    yield session, controller, log
    assert controller.shutdown(10000)


def wait_stage_one(qtbot, controller, n: int) -> None:
    """The planner's proposals of ``n`` keyframes are applied and the worker refines (held by the gate)."""
    from kfstudio.ui.worker import JobState

    qtbot.waitUntil(lambda: controller.state is JobState.REFINING and not controller.pending
                    and len(controller.unrefined) == n, timeout=10000)


def test_the_worker_posts_the_planner_then_the_refinement(layer_on):
    """The worker alone (run in this thread): a staged job yields every keyframe twice, the planner's
    first and then the refinement, which equals the one-step embedded backend (the CLI's)."""
    from kfstudio.generation.script import parse_script
    from kfstudio.ui.worker import GenerationJob, GenerationWorker

    parsed = parse_script(SCRIPT)
    descs = [k.description for k in parsed.beats]
    worker = GenerationWorker()
    stages = []
    worker.refining.connect(lambda job_id: stages.append(("refining", job_id)))
    worker.latest = 1
    job = GenerationJob(1, {"backend": "embedded"}, descs, [0, 1, 2], ["a", "b", "c"], [""] * 3,
                        background=parsed.background, emotion=parsed.emotion, staged=True)
    try:
        worker.run(job)
        taken = worker.take_results()
    finally:
        worker.close()
    assert [(uid, r.info["stage"]) for _job, uid, _v, r in taken] == [
        ("a", "planner"), ("b", "planner"), ("c", "planner"), ("a", "refined"), ("b", "refined"), ("c", "refined")]
    assert stages == [("refining", 1)]
    planner = planner_values(SCRIPT)
    full = [r.values for r in propose_script(create_backend("embedded"), descs, parsed.background, parsed.emotion)]
    for i in range(3):
        np.testing.assert_array_equal(taken[i][2], planner[i])
        np.testing.assert_array_equal(taken[3 + i][2], full[i])
    assert any(not np.allclose(planner[i], full[i]) for i in range(3)), "the layer should change this script"


def test_planner_first_then_refinement_equals_the_cli_and_is_one_undo_step(qtbot, editor, gate, tmp_path):
    session, controller, log = editor
    before_steps = session.stack.top
    controller.sync_script(SCRIPT)
    wait_stage_one(qtbot, controller, 3)
    # stage 1 on screen: the planner's values, the job says it refines
    planner = planner_values(SCRIPT)
    for got, want in zip(values_of(session), planner):
        np.testing.assert_allclose(got, want, atol=1e-12)
    assert ("state", "refining") in log
    assert not any(e[0] == "refined" for e in log)
    uids = [k.uid for k in script_sync.script_keyframes(session.anim)]
    assert not any(line.startswith("semantic:") for u in uids for line in session.explanations[u])
    step_after_stage_one = session.stack.top
    gate.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)

    kinds = [e for e in log if e[0] in ("applied", "refined")]
    assert all(any(line.startswith("semantic:") for line in session.explanations[u]) for u in uids)
    assert [e for e in kinds if e[0] == "applied"] == [("applied", u) for u in uids]
    assert sorted(e[1] for e in kinds if e[0] == "refined") == sorted(uids)
    last_applied = max(i for i, e in enumerate(kinds) if e[0] == "applied")
    first_refined = min(i for i, e in enumerate(kinds) if e[0] == "refined")
    assert last_applied < first_refined
    states = [e[1] for e in log if e[0] == "state"]
    assert states.index("running") < states.index("refining") < states.index("idle")
    assert any("refining" in e[1] for e in log if e[0] == "status")
    assert controller.dropped == [] and not controller.unrefined

    final = values_of(session)
    cli = cli_values(SCRIPT, tmp_path)
    assert len(final) == len(cli) == 3
    for got, want in zip(final, cli):
        np.testing.assert_allclose(got, want, atol=1e-6)
    assert any(not np.allclose(f, p, atol=1e-6) for f, p in zip(final, planner))
    assert not script_sync.stale_keyframes(session.anim)

    # one undo step: the text, the planner's values and the refinement together
    assert session.stack.top is not step_after_stage_one  # the refinement amended it (a new record in its place)
    assert session.undo()
    assert session.stack.top is before_steps
    assert session.anim.script == "" and not script_sync.script_keyframes(session.anim)
    assert session.redo()
    for got, want in zip(values_of(session), cli):
        np.testing.assert_allclose(got, want, atol=1e-6)


def test_an_edit_or_a_lock_between_the_stages_is_kept(qtbot, editor, gate, tmp_path):
    session, controller, log = editor
    controller.sync_script(SCRIPT)
    wait_stage_one(qtbot, controller, 3)
    kfs = script_sync.script_keyframes(session.anim)
    stage_one = values_of(session)
    # the user edits keyframe 1's jaw and locks a channel of keyframe 2 while the layer refines
    assert session.push(cmd.set_values(session.anim, kfs[0].uid, {JAW: 0.42}))
    assert session.push(cmd.set_keyframe_lock(session.anim, kfs[1].uid, ["MouthPressLeft"]))
    gate.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)

    assert sorted(controller.dropped) == sorted([kfs[0].uid, kfs[1].uid])
    assert "2 not refined: changed meanwhile" in [e for e in log if e[0] == "status"][-1][1]
    now = values_of(session)
    edited = stage_one[0].copy()
    edited[JAW] = 0.42
    np.testing.assert_array_equal(now[0], edited)  # the refinement of an edited keyframe is dropped
    np.testing.assert_array_equal(now[1], stage_one[1])  # ... and of one locked meanwhile
    cli = cli_values(SCRIPT, tmp_path)
    np.testing.assert_allclose(now[2], cli[2], atol=1e-6)  # the untouched one is refined
    assert ("refined", kfs[2].uid) in log and ("refined", kfs[0].uid) not in log
    # the generation's step is no longer on top: the refinement is a step of its own after the user's
    assert session.undo()
    np.testing.assert_array_equal(values_of(session)[2], stage_one[2])
    assert session.anim.find(kfs[1].uid).locked[ch.NAMES.index("MouthPressLeft")]


def test_a_locked_channel_is_untouched_by_both_stages(qtbot, editor, tmp_path):
    session, controller, log = editor
    controller.sync_script(SCRIPT)
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    kfs = script_sync.script_keyframes(session.anim)
    brow = ch.NAMES.index("BrowInnerUp")
    assert session.push(cmd.set_values(session.anim, kfs[1].uid, {brow: 0.9, JAW: 0.05}))
    assert session.push(cmd.set_keyframe_lock(session.anim, kfs[1].uid, ["BrowInnerUp", "JawOpen"]))
    del log[:]
    # a new background: every keyframe is proposed again, in two stages
    script = SCRIPT.replace("was cancelled.", "was cancelled, and her rival got the credit.")
    controller.sync_script(script)
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert ("state", "refining") in log and sum(e[0] == "refined" for e in log) == 3
    k = session.anim.find(kfs[1].uid)
    assert k.values[brow] == 0.9 and k.values[JAW] == 0.05
    cli = cli_values(script, tmp_path)
    free = np.ones(ch.NUM_CHANNELS, bool)
    free[[brow, JAW]] = False
    for got, want in zip(values_of(session), cli):
        np.testing.assert_allclose(got[free], want[free], atol=1e-6)


def test_a_text_edit_between_the_stages_reproposes_what_was_not_refined(qtbot, editor, gate, tmp_path):
    session, controller, log = editor
    controller.sync_script(SCRIPT)
    wait_stage_one(qtbot, controller, 3)
    controller.sync_script(SCRIPT_B)  # retires the job before its refinement came
    gate.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert not controller.unrefined and controller.dropped == []
    assert not script_sync.stale_keyframes(session.anim)
    for got, want in zip(values_of(session), cli_values(SCRIPT_B, tmp_path)):
        np.testing.assert_allclose(got, want, atol=1e-6)
    # still one undo step per script edit: undoing the second gives the first text back
    assert session.undo()
    assert session.anim.script == SCRIPT


@pytest.mark.parametrize("config", [{"backend": "embedded", "semantic": False}, {"backend": "embedded"}])
def test_with_the_layer_off_there_is_one_stage(qtbot, any_editor, config):
    """Off by the backend's option, or (the default config) when KFSTUDIO_SEMANTIC=off or the package is
    missing: one stage, the planner's values."""
    session, controller, log = any_editor
    if config.get("semantic", True) and semantic.shared_layer() is not None:
        pytest.skip("the learned layer is on here (run with KFSTUDIO_SEMANTIC=off)")
    controller.set_config(config)
    controller.sync_script(SCRIPT)
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert ("state", "refining") not in log and not any(e[0] == "refined" for e in log)
    for got, want in zip(values_of(session), planner_values(SCRIPT)):
        np.testing.assert_allclose(got, want, atol=1e-12)


def test_kfstudio_semantic_off_gives_no_draft(monkeypatch):
    monkeypatch.setenv("KFSTUDIO_SEMANTIC", "off")
    assert create_backend("embedded").draft() is None
    monkeypatch.delenv("KFSTUDIO_SEMANTIC")
    assert create_backend("embedded", semantic=False).draft() is None


def test_the_editor_window_says_refining_and_shows_the_refined_values(qtbot, editor_window, gate, layer_on, tmp_path):
    w = editor_window
    w.script_panel.editor.setPlainText(SCRIPT)
    w.script_panel.commit_text()
    qtbot.waitUntil(lambda: "refining" in w.script_panel.indicator.text(), timeout=10000)
    assert w.controller.busy and w.script_panel.state == "busy"
    qtbot.waitUntil(lambda: len(w.controller.unrefined) == 3, timeout=10000)
    for got, want in zip(values_of(w.session), planner_values(SCRIPT)):
        np.testing.assert_allclose(got, want, atol=1e-12)
    second = script_sync.script_keyframes(w.session.anim)[1].uid
    w.session.select_keyframes([second])
    qtbot.waitUntil(lambda: w.inspector.uid == second, timeout=5000)
    assert "semantic:" not in w.inspector.why.toPlainText()  # the planner's reading only, so far
    gate.set()
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=20000)
    assert "refining" not in w.script_panel.indicator.text()
    qtbot.waitUntil(lambda: "semantic:" in w.inspector.why.toPlainText(), timeout=5000)  # the Keyframe tab follows
    for got, want in zip(values_of(w.session), cli_values(SCRIPT, tmp_path)):
        np.testing.assert_allclose(got, want, atol=1e-6)


def test_a_repropose_between_the_stages_then_the_rest_is_refined(qtbot, editor, gate, tmp_path):
    session, controller, log = editor
    controller.sync_script(SCRIPT)
    wait_stage_one(qtbot, controller, 3)
    kfs = script_sync.script_keyframes(session.anim)
    # a hand edit made before: a Re-propose of another keyframe must not clear it
    assert session.push(cmd.set_values(session.anim, kfs[2].uid, {JAW: 0.33}))
    controller.regenerate([kfs[1].uid], mode="repropose", label="Re-propose keyframe")
    gate.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert not controller.unrefined
    assert controller.dropped == []
    # kfs[2] was edited after its planner values: not refined, the edit kept; kfs[0] refined afterwards
    assert session.anim.find(kfs[2].uid).values[JAW] == 0.33
    cli = cli_values(SCRIPT, tmp_path)
    now = values_of(session)
    np.testing.assert_allclose(now[0], cli[0], atol=1e-6)
    assert any(line.startswith("semantic:") for line in session.explanations[kfs[0].uid])
    assert any(line.startswith("semantic:") for line in session.explanations[kfs[1].uid])


def test_undo_between_the_stages_stops_the_job_and_redo_refines(qtbot, editor, gate, tmp_path):
    session, controller, log = editor
    controller.sync_script(SCRIPT)
    wait_stage_one(qtbot, controller, 3)
    assert session.undo()  # the script edit and the planner's values go; the refinement must not come
    qtbot.waitUntil(lambda: not controller.busy, timeout=10000)
    assert session.anim.script == "" and not script_sync.script_keyframes(session.anim)
    assert not any(e[0] == "refined" for e in log)
    gate.set()
    assert session.redo()  # back as the planner left them: the refinement follows, into the same step
    qtbot.waitUntil(lambda: sum(e[0] == "refined" for e in log) == 3 and not controller.busy, timeout=20000)
    for got, want in zip(values_of(session), cli_values(SCRIPT, tmp_path)):
        np.testing.assert_allclose(got, want, atol=1e-6)
    assert session.undo() and session.anim.script == ""


def test_a_layer_found_missing_at_the_second_stage_leaves_the_planner_values(qtbot, any_editor, monkeypatch):
    """The first job does not know yet whether the layer loads: when it turns out missing, the planner's
    proposal stays as it is and nothing waits for a refinement."""
    session, controller, log = any_editor
    monkeypatch.setattr(semantic, "shared_layer", lambda: None)  # as when its package is missing
    monkeypatch.setattr(semantic, "notice", lambda: None)  # ... and not tried before this job
    monkeypatch.delenv("KFSTUDIO_SEMANTIC", raising=False)
    controller.sync_script(SCRIPT)
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert not any(e[0] == "refined" for e in log) and not controller.unrefined
    assert not script_sync.stale_keyframes(session.anim)
    for got, want in zip(values_of(session), planner_values(SCRIPT)):
        np.testing.assert_allclose(got, want, atol=1e-12)


# ---------------------------------------------------------------------- Stop generation (Ctrl+.)
def test_stop_between_the_stages_keeps_the_planner_draft_and_says_so(qtbot, editor_window, gate, layer_on):
    """Stop while the learned layer refines: the planner's values stay (in the generation's one undo
    step), no refinement lands afterwards, the status line counts the drafts, and the Stop button and
    action are offered only while a job runs."""
    from PySide6.QtCore import Qt

    w = editor_window
    ended, jobs = [], []
    w.controller.worker.finished.connect(lambda job_id, _count: ended.append(job_id))
    w.controller.started.connect(lambda job_id, _uids: jobs.append(job_id))
    stop = w.action_map["stop_generation"]
    assert not stop.isEnabled() and not w.script_panel.stop_button.isVisible()
    w.script_panel.editor.setPlainText(SCRIPT)
    w.script_panel.commit_text()
    wait_stage_one(qtbot, w.controller, 3)
    assert stop.isEnabled() and w.script_panel.stop_button.isVisible()
    drafts = values_of(w.session)
    stopped = []
    w.controller.stopped.connect(stopped.append)
    qtbot.mouseClick(w.script_panel.stop_button, Qt.LeftButton)
    assert stopped == [3] and not w.controller.busy
    assert "generation stopped" in w.script_panel.indicator.text()
    assert "3 keep the planner's draft" in w.script_panel.indicator.text()
    assert not stop.isEnabled() and not w.script_panel.stop_button.isVisible()
    assert not w.timeline.pending
    assert w.session.visible_channels  # the curves show what moves, as after a finished generation
    gate.set()  # the worker's thread goes on with a job that is now stale: nothing of it may land
    qtbot.waitUntil(lambda: jobs[-1] in ended, timeout=20000)
    qtbot.wait(0)  # let any queued signal of that job reach the controller
    for got, want in zip(values_of(w.session), drafts):
        np.testing.assert_array_equal(got, want)
    w.undo()  # one step: the script edit and its proposals
    assert not script_sync.script_keyframes(w.session.anim)
    assert not w.controller.stop()  # nothing runs: nothing to stop


def test_ctrl_period_stops_the_first_stage_and_refine_finishes_the_rest(qtbot, editor_window, monkeypatch, tmp_path):
    """Stop (its shortcut) while the planner's proposals arrive: the keyframe proposed so far keeps its
    values, the others are out of date and marked stale, and Refine generates them afterwards."""
    from PySide6.QtCore import Qt

    event = threading.Event()
    full = EmbeddedBackend.propose  # with the layer off, the one stage is the planner's

    made = []  # the worker asks for one keyframe at a time (each is chained to the one before)

    def one_then_wait(self, requests, cancel=None):
        for result in full(self, requests, cancel):
            if threading.current_thread() is not threading.main_thread():
                made.append(result)
                if len(made) == 2:
                    assert event.wait(20), "the test never opened the gate"
            yield result

    monkeypatch.setattr(EmbeddedBackend, "propose", one_then_wait)
    w = editor_window
    ended, jobs = [], []
    w.controller.worker.finished.connect(lambda job_id, _count: ended.append(job_id))
    w.controller.started.connect(lambda job_id, _uids: jobs.append(job_id))
    w.controller.set_config({"backend": "embedded", "semantic": False})
    w.script_panel.editor.setPlainText(SCRIPT)
    w.script_panel.commit_text()
    qtbot.waitUntil(lambda: len(w.controller.pending) == 2, timeout=10000)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key_Period, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=5000)
    event.set()
    kfs = script_sync.script_keyframes(w.session.anim)
    stale = set(script_sync.stale_keyframes(w.session.anim))
    assert stale == {kfs[1].uid, kfs[2].uid}
    assert w.timeline.stale == stale
    assert "2 keyframes out of date" in w.script_panel.indicator.text()
    qtbot.waitUntil(lambda: jobs[-1] in ended, timeout=20000)
    qtbot.wait(0)
    assert not np.any(kfs[1].values) and not np.any(kfs[2].values)  # the job's late proposals were dropped
    w.session.select_keyframes([k.uid for k in kfs])
    w.action_map["refine"].trigger()
    qtbot.waitUntil(lambda: not w.controller.busy and not script_sync.stale_keyframes(w.session.anim), timeout=20000)
    for got, want in zip(values_of(w.session), planner_values(SCRIPT)):
        np.testing.assert_allclose(got, want, atol=1e-12)
