"""What keeps the GUI thread responsive while the worker generates: coalesced document-change
notices, proposals taken from the worker in one notice, sampling only the shown curves, and a legend
that leaves the curves visible (pytest-qt, offscreen, real widgets and documents)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("pyqtgraph")

from PySide6.QtCore import QPointF  # noqa: E402

from kfstudio import channels as ch  # noqa: E402
from kfstudio import script_sync  # noqa: E402
from kfstudio.animation import commands  # noqa: E402
from kfstudio.animation.curves import Tangent  # noqa: E402
from kfstudio.animation.document import Animation, Keyframe  # noqa: E402
from kfstudio.bench.ui import long_script  # noqa: E402
from kfstudio.ui import worker as worker_module  # noqa: E402
from kfstudio.ui.curve_editor import CurveEditor, sample_channels, sample_times  # noqa: E402
from kfstudio.ui.session import EditorSession  # noqa: E402
from kfstudio.ui.worker import GenerationController  # noqa: E402

JAW = ch.channel_index("JawOpen")


def _animation(n: int = 12) -> Animation:
    rng = np.random.default_rng(3)
    kfs = [Keyframe(0.4 * i, f"pose {i}", rng.uniform(ch.LOWER, ch.UPPER) * 0.5) for i in range(n)]
    anim = Animation(kfs, fps=30.0)
    # free tangents (may overshoot: evaluation clamps) and a sparse channel on part of the keys
    commands.set_tangent(anim, [(kfs[3].uid, JAW)], Tangent.FREE, in_slope=9.0, out_slope=9.0).redo(anim)
    commands.delete_channel_keys(anim, [(k.uid, 5) for k in kfs[::2]]).redo(anim)
    return anim


def test_sample_channels_equals_evaluate_for_any_subset():
    anim = _animation()
    t = sample_times(anim)
    full = anim.evaluate(t, apply_mute=False)
    for chans in ([JAW], [5, JAW, 60], list(range(0, 61, 3)), list(range(61))):
        np.testing.assert_allclose(sample_channels(anim, t, chans), full[:, chans], atol=1e-12)


def test_coalesced_changes_emit_once_later_and_plain_edits_at_once(qtbot):
    session = EditorSession(_animation())
    seen = []
    session.documentChanged.connect(lambda: seen.append(session.anim.version))
    kfs = session.anim.keyframes
    with session.coalesced(30):
        for k in kfs[:5]:
            session.push(commands.set_values(session.anim, k.uid, {JAW: 0.5}))
    assert seen == [] and session.has_deferred_change
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=1000)
    assert seen == [session.anim.version] and not session.has_deferred_change
    with session.coalesced(10_000):
        session.push(commands.set_values(session.anim, kfs[6].uid, {JAW: 0.1}))
    session.push(commands.set_values(session.anim, kfs[7].uid, {JAW: 0.2}))  # a user's edit: at once
    assert len(seen) == 2 and not session.has_deferred_change
    assert session.undo() and len(seen) == 3


def test_the_worker_posts_one_notice_per_batch_of_untaken_proposals():
    """A notice is posted only when the outbox was empty: however many proposals pile up before the
    GUI thread takes them, they cost it one event (the worker runs here in the test's thread, so
    nothing takes them while it runs)."""
    from kfstudio.ui.worker import GenerationJob, GenerationWorker

    worker = GenerationWorker()
    notices = []
    worker.resultsReady.connect(lambda: notices.append(1))  # same thread: a direct call
    descriptions = [f"line {i}: she smiles a little more" for i in range(20)]

    def job(job_id):
        worker.latest = job_id
        return GenerationJob(job_id, {"backend": "embedded"}, descriptions, list(range(20)),
                             [f"k{i}" for i in range(20)], [""] * 20)

    try:
        worker.run(job(1))
        assert len(notices) == 1
        taken = worker.take_results()
        assert [uid for _job, uid, _v, _r in taken] == [f"k{i}" for i in range(20)]
        assert worker.take_results() == []
        worker.run(job(2))  # the outbox was emptied: the next batch gets one notice of its own
        assert len(notices) == 2 and len(worker.take_results()) == 20
    finally:
        worker.close()


def test_proposals_and_the_script_edit_are_one_undo_step(qtbot, monkeypatch):
    # Without the worker's rests between keyframes, results arrive faster than the GUI takes them.
    monkeypatch.setattr(worker_module, "MAX_REST_S", 0.0)
    session = EditorSession(Animation(fps=30.0))
    controller = GenerationController(session)
    try:
        notices = []
        controller.worker.resultsReady.connect(lambda: notices.append(1))
        with qtbot.waitSignal(controller.done, timeout=30000):
            controller.sync_script(long_script(60))
        made = [k for k in session.anim.keyframes if k.description]
        assert len(made) == 60 and notices
        assert all(np.any(k.values != 0) for k in made)
        assert session.stack.undo_text == "Edit script" and session.stack.index == 1
        assert script_sync.stale_keyframes(session.anim) == []  # all up to date
        assert session.undo()  # the edit and the whole generation are one step
        assert session.anim.script == "" and not session.anim.keyframes
        assert session.redo()
        assert script_sync.stale_keyframes(session.anim) == []
        assert [k.uid for k in session.anim.keyframes if k.description] == [k.uid for k in made]
    finally:
        assert controller.shutdown()


def test_curve_editor_samples_only_the_shown_channels(qtbot):
    session = EditorSession(_animation())
    session.set_visible_channels([JAW])
    editor = CurveEditor(session)
    qtbot.addWidget(editor)
    editor.refresh()
    assert editor._sampled_channels == {JAW}
    session.push(commands.set_values(session.anim, session.anim.keyframes[2].uid, {JAW: 0.9}))
    editor.refresh()
    assert editor._sampled_channels == {JAW}
    _t, y = editor._curves[JAW].getData()
    expected = session.anim.evaluate(editor._times, apply_mute=False)[:, JAW]
    np.testing.assert_allclose(y, expected)


def test_legend_covers_only_the_held_tail_after_the_last_key(qtbot):
    session = EditorSession(_animation())
    session.set_visible_channels([JAW, 5, 20])
    editor = CurveEditor(session)
    qtbot.addWidget(editor)
    editor.resize(900, 500)
    editor.show()
    qtbot.waitExposed(editor)
    editor.frame_all()
    legend = editor.legend.sceneBoundingRect()
    view = editor.view.sceneBoundingRect()
    assert editor.legend.isVisible() and view.contains(legend)
    last_key = max(k.time + k.hold for k in session.anim.keyframes)
    last_key_x = editor.view.mapViewToScene(QPointF(last_key, 0.0)).x()
    assert legend.left() > last_key_x  # no key or moving segment under it


class RecordingModel:
    """A stand-in model backend (no ``chains_previous``): records the size of every call."""

    name = "recording"
    device = "cpu"
    calls: list[int] = []

    def __init__(self) -> None:
        from kfstudio.generation.backends.embedded import EmbeddedBackend

        self._planner = EmbeddedBackend()

    def propose(self, requests, cancel=None):
        RecordingModel.calls.append(len(requests))
        yield from self._planner.propose(requests, cancel)

    def close(self) -> None:
        pass


def test_a_model_backend_gets_the_whole_job_in_one_call(qtbot, monkeypatch):
    from kfstudio.generation.backend import BACKENDS

    monkeypatch.setitem(BACKENDS, "recording", (__name__, "RecordingModel"))
    RecordingModel.calls = []
    session = EditorSession(Animation(fps=30.0))
    controller = GenerationController(session, {"backend": "recording"})
    try:
        with qtbot.waitSignal(controller.done, timeout=30000):
            controller.sync_script(long_script(12))
        assert RecordingModel.calls == [12]  # batched, not one call per keyframe
        assert len([k for k in session.anim.keyframes if k.description]) == 12
        assert session.stack.undo_text == "Edit script" and session.stack.index == 1
    finally:
        assert controller.shutdown()
