"""Fault injection (issue 7): kills during save, failing writes, and backends that misbehave.

* A real subprocess saving a project is killed with SIGKILL at random moments: the file on disk is
  always one of the two versions it writes, never damaged (the long run is
  ``kfstudio.bench.kill_during_save``; a sample runs here).
* A write that fails part-way (disk full at fsync, a rename refused) leaves the previous file
  byte-identical and no temporary file behind.
* Backends that crash inside ``propose``, return garbage, NaN or wrong shapes, yield too few results
  or hang never crash the caller of :func:`kfstudio.script_sync.generate_animation`, and — through the
  editor's worker thread — never freeze the UI (a QTimer keeps ticking) or change the user's keyframes.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.bench.robustness import kill_trials, long_animation
from kfstudio.generation.backend import BACKENDS, KeyframeRequest, KeyframeResult
from kfstudio.io import atomic
from kfstudio.io.project import load_project, save_project
from kfstudio.script_sync import generate_animation

SCRIPT = "0.0s: the brows lift\n1.0s: a wide smile spreads\n2.0s: the eyes close slowly"

# ------------------------------------------------------------------------------------------ saves


def test_kill_during_save_sample(tmp_path):
    """Six real kills at random moments of a save loop: the file is always version A or B."""
    counts = kill_trials(6, tmp_path, seed=1, keyframes=150)
    assert counts["damaged"] == 0, counts
    assert counts["a"] + counts["b"] == 6


@pytest.mark.slow
def test_kill_during_save_long(tmp_path):
    counts = kill_trials(100, tmp_path, seed=2)
    assert counts["damaged"] == 0, counts


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_failed_write_leaves_previous_file(tmp_path, monkeypatch, failing):
    """A save that fails part-way raises, leaves the old bytes and removes its temporary file."""
    path = tmp_path / "doc.kfs"
    save_project(long_animation(20, 40.0, seed=3), path)
    old = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class FullFile:
            def __init__(self, f):
                self.f = f

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, data):
                self.f.write(data[: len(data) // 2])
                boom()

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullFile(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(atomic.os, failing, boom)
    with pytest.raises(OSError):
        save_project(long_animation(30, 60.0, seed=4), path)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.kfs"]
    load_project(path)


# ------------------------------------------------------------------------------------------ backends


class FaultyBackend:
    """A backend that misbehaves in one way (``mode``), for fault injection.

    Modes: ``raise`` (an exception on the second keyframe), ``nan``, ``inf``, ``short`` (60 values),
    ``matrix`` ((2, 61) values), ``strings``, ``none`` (yields None), ``few`` (yields nothing),
    ``extra`` (two results per request), ``hang`` (blocks until cancelled, polling ``cancel``),
    ``hang_hard`` (blocks ``seconds`` whatever ``cancel`` says).
    """

    name = "faulty"
    device = "cpu"

    def __init__(self, mode: str = "raise", seconds: float = 1.0) -> None:
        self.mode = mode
        self.seconds = seconds
        self.closed = False

    def _values(self):
        return {
            "nan": np.full(ch.NUM_CHANNELS, np.nan),
            "inf": np.where(np.arange(ch.NUM_CHANNELS) % 2, np.inf, -np.inf),
            "short": np.full(ch.NUM_CHANNELS - 1, 0.5),
            "matrix": np.full((2, ch.NUM_CHANNELS), 0.5),
            "strings": ["garbage"] * ch.NUM_CHANNELS,
        }[self.mode]

    #: set when a backend starts proposing (the worker thread reached the model)
    entered = threading.Event()

    def propose(self, requests: Sequence[KeyframeRequest], cancel=None) -> Iterator[KeyframeResult]:
        FaultyBackend.entered.set()
        for n, request in enumerate(requests):
            if self.mode == "raise" and (n == 1 or len(requests) == 1):
                raise RuntimeError("the model crashed")
            if self.mode == "few":
                return
            if self.mode == "none":
                yield None  # type: ignore[misc]
                continue
            if self.mode == "hang":
                while not (cancel and cancel()):
                    time.sleep(0.01)
                return
            if self.mode == "hang_hard":
                time.sleep(self.seconds)
                return
            values = np.full(ch.NUM_CHANNELS, 0.25) if self.mode in ("raise", "extra") else self._values()
            result = KeyframeResult(values=values, repairs=[], explanation=[], index=request.index)
            yield result
            if self.mode == "extra":
                yield result

    def close(self) -> None:
        self.closed = True


GARBAGE_MODES = ["raise", "nan", "inf", "short", "matrix", "strings", "none", "few", "extra"]


@pytest.mark.parametrize("mode", GARBAGE_MODES)
def test_generate_animation_survives_a_faulty_backend(mode):
    """Whatever the backend does, the caller gets a whole, finite animation and one result per keyframe,
    the failures marked as errors (the Backend protocol's promise, enforced by the caller)."""
    backend = FaultyBackend(mode)
    try:
        anim, results = generate_animation(SCRIPT, backend)
    except Exception as exc:  # noqa: BLE001 - the property under test
        pytest.fail(f"generate_animation raised {type(exc).__name__}: {exc} for a backend in mode {mode!r}")
    assert [k.description for k in anim.keyframes] == ["the brows lift", "a wide smile spreads", "the eyes close slowly"]
    values = np.array([k.values for k in anim.keyframes])
    assert np.isfinite(values).all() and (values >= ch.LOWER).all() and (values <= ch.UPPER).all()
    assert np.isfinite(anim.evaluate(np.linspace(0, 2, 9))).all()
    assert len(results) == 3, f"{len(results)} results for 3 keyframes"
    if mode not in ("nan", "inf", "extra"):  # NaN/inf are repaired by clamping; 'extra' has valid values
        assert any(getattr(r, "error", None) for r in results), "a failure went unreported"


def test_generate_animation_with_a_valid_backend_is_unchanged():
    """Control: the same checks pass for a well-behaved backend (so the faulty cases are meaningful)."""
    anim, results = generate_animation(SCRIPT)
    assert len(anim.keyframes) == 3 and len(results) == 3 and all(r.ok for r in results)
    assert np.isfinite(np.array([k.values for k in anim.keyframes])).all()


# ------------------------------------------------------------------------------------------ the editor's worker

worker_mod = pytest.importorskip("kfstudio.ui.worker", reason="the editor's worker needs PySide6")


@pytest.fixture
def faulty_registered(monkeypatch):
    """Make ``{"backend": "faulty", "mode": ...}`` resolve to :class:`FaultyBackend` (this module)."""
    monkeypatch.setitem(BACKENDS, "faulty", (__name__, "FaultyBackend"))


@pytest.fixture
def editor(qtbot, faulty_registered):
    """A session whose document was generated by the embedded planner, with one locked, hand-edited value."""
    from kfstudio.animation import commands as cmd
    from kfstudio.ui.session import EditorSession
    from kfstudio.ui.worker import GenerationController

    session = EditorSession()
    controller = GenerationController(session, {"backend": "embedded"})
    controller.sync_script(SCRIPT)
    qtbot.waitUntil(lambda: not controller.busy, timeout=10000)
    first = session.anim.keyframes[0]
    values = first.values.copy()
    values[ch.NAMES.index("JawOpen")] = 0.77
    session.push(cmd.set_values(session.anim, first.uid, values))
    session.push(cmd.set_keyframe_lock(session.anim, first.uid, ["JawOpen"]))
    yield session, controller
    controller.shutdown(3000)


class Ticker:
    """Counts the ticks of a 10 ms QTimer in the GUI thread and keeps the longest gap between ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks, self.longest, self._last = 0, 0.0, time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last, self.ticks = now, self.ticks + 1

    def stop(self) -> None:
        self.timer.stop()


@pytest.mark.parametrize("mode", GARBAGE_MODES + ["hang", "hang_hard"])
def test_worker_survives_a_faulty_backend(qtbot, editor, mode):
    """Regenerating with a faulty backend: the UI keeps ticking, the locked value and the keyframes
    survive, the failure is reported as an error text, and the editor works again afterwards."""
    session, controller = editor
    before = session.anim.copy()
    locked_uid = session.anim.keyframes[0].uid
    errors: list[str] = []
    controller.error.connect(errors.append)
    controller.set_config({"backend": "faulty", "mode": mode, "seconds": 0.6})
    ticker = Ticker()
    FaultyBackend.entered.clear()
    controller.regenerate([k.uid for k in session.anim.keyframes], mode="refine")
    if mode.startswith("hang"):
        qtbot.waitUntil(FaultyBackend.entered.is_set, timeout=10000)  # the worker is inside the model
        assert controller.busy
        # the worker thread ends the job (the soft hang at its cancel check, the hard one when its
        # sleep ends) before the next job may start
        with qtbot.waitSignal(controller.worker.finished, timeout=10000):
            controller.cancel()
    else:
        qtbot.waitUntil(lambda: not controller.busy, timeout=10000)
    qtbot.waitUntil(lambda: ticker.ticks >= 5, timeout=5000)
    ticker.stop()
    assert ticker.ticks >= 5 and ticker.longest < 0.25, f"the GUI thread stalled ({ticker.longest * 1000:.0f} ms)"
    anim = session.anim
    assert [k.uid for k in anim.keyframes] == [k.uid for k in before.keyframes]
    assert anim.find(locked_uid).values[ch.NAMES.index("JawOpen")] == 0.77
    values = np.array([k.values for k in anim.keyframes])
    assert np.isfinite(values).all() and (values >= ch.LOWER).all() and (values <= ch.UPPER).all()
    if mode in ("raise", "short", "matrix", "strings", "none"):
        assert errors, "the failure was not reported"
    # The editor is usable afterwards: undo returns to the state before, a good backend works again.
    while session.stack.index > 0 and not anim.same_as(before):
        session.undo()
    assert anim.same_as(before)
    controller.set_config({"backend": "embedded"})
    controller.regenerate([k.uid for k in anim.keyframes], mode="refine")
    qtbot.waitUntil(lambda: not controller.busy, timeout=10000)
    assert anim.find(locked_uid).values[ch.NAMES.index("JawOpen")] == 0.77
