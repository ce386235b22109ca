"""The background generation worker and its GUI-thread controller.

:class:`GenerationWorker` lives in one :class:`~PySide6.QtCore.QThread`. It owns the backend (created
there, so a backend that imports torch does so off the GUI thread), runs one :class:`GenerationJob` at a
time and reports each proposal through signals; it never touches a widget or the document. A backend
that reads the previous keyframe (the embedded planner) gets the job's keyframes one at a time, each
after the one before it; a model backend gets the whole job in one call, so it can batch it. Between
results the worker rests a little (:meth:`GenerationWorker._yield_gil`) so that Python-heavy generation
leaves the GUI thread its share of the interpreter lock.

:class:`GenerationController` lives in the GUI thread. It turns a script edit into a document edit
(:func:`kfstudio.script_sync.sync_keyframes`), sends the keyframes to (re)generate to the worker, and
applies the proposals as they arrive, so the animator sees keyframes fill in progressively. The GUI
thread's share of that work is bounded, so a fast backend cannot stall it: proposals arriving within
:data:`APPLY_INTERVAL_MS` are applied together, in slices of at most about :data:`SLICE_BUDGET_MS` of
work per event-loop turn, and the views hear of them at most every :data:`VIEW_INTERVAL_MS` (more
for long documents; :meth:`EditorSession.coalesced`). All the
proposals of one job form ONE undo step: while that step is still on top of the undo stack (nothing
else pushed, no save in between), each batch's edit is applied and appended to it, so a batch costs
in proportion to its own keyframes, not to all proposals so far. Locked and hand-edited channels are kept by
:func:`kfstudio.script_sync.proposal_edit`. A newer request makes older jobs stale: the worker's cancel
check stops them between keyframes and their late results are dropped.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from .. import script_sync
from ..animation.commands import Macro
from .session import EditorSession

__all__ = ["GenerationJob", "GenerationWorker", "GenerationController", "APPLY_INTERVAL_MS", "SLICE_BUDGET_MS"]

#: Longest rest of the worker between keyframes (see :meth:`GenerationWorker._yield_gil`).
MAX_REST_S = 0.03

#: Proposals arriving within this interval are applied together.
APPLY_INTERVAL_MS = 30
#: GUI-thread time (ms) one slice of proposals may take; what is left waits for the next turn.
SLICE_BUDGET_MS = 5.0
#: While a job runs the views redraw at most every VIEW_INTERVAL_MS plus this much per keyframe of
#: the document (a redraw of a long document costs more, and several times more while the worker
#: holds the GIL).
VIEW_INTERVAL_MS = 80
VIEW_MS_PER_KEYFRAME = 1.5
#: The worker's progress statuses are emitted at most this often (seconds).
STATUS_INTERVAL_S = 0.05


@dataclass
class GenerationJob:
    """What the worker needs to propose some keyframes of a script (plain data, no document)."""

    job_id: int
    config: dict  # backend config (see Preferences.backend_config)
    descriptions: list[str]  # every script keyframe, in order (context)
    indices: list[int]  # which ones to propose
    uids: list[str]  # keyframe id of every description
    context: list[str]  # context key of every description (provenance)
    background: str = ""
    emotion: str = ""
    values: list[np.ndarray] = field(default_factory=list)  # current values of every description
    locked: list[np.ndarray] = field(default_factory=list)  # channels kept anyway, per description
    mode: str = "refine"  # "refine" keeps hand edits, "repropose" replaces them


class GenerationWorker(QObject):
    """Runs jobs in the worker thread (see the module docstring)."""

    #: job id, keyframe id, (61,) values, the KeyframeResult (emitted in the worker thread; the
    #: controller does not listen to it, it takes the proposals from :meth:`take_results`)
    proposed = Signal(int, str, object, object)
    #: proposals are waiting in :meth:`take_results` (emitted once until they are taken, so a fast
    #: backend posts one event to the GUI thread, not one per keyframe)
    resultsReady = Signal()
    #: job id, number of proposals made (fewer than asked when cancelled)
    finished = Signal(int, int)
    #: a human-readable state: "loading backend …", "generating 2/5 on cpu …"
    status = Signal(str)
    #: a backend could not be created or failed; the message is shown, never raised
    error = Signal(str)
    #: backend name and device after a backend was created
    backendReady = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # id of the newest job asked for; written by the GUI thread (an atomic int store)
        self._backend = None
        self._config: dict | None = None
        self._lock = threading.Lock()
        self._results: list[tuple[int, str, np.ndarray, object]] = []
        self._status_at = 0.0  # when the last progress status was emitted

    def is_stale(self, job_id: int) -> bool:
        return job_id != self.latest

    def take_results(self) -> list[tuple[int, str, np.ndarray, object]]:
        """The proposals made since the last call, as (job id, keyframe id, values, result) (any thread)."""
        with self._lock:
            out, self._results = self._results, []
        return out

    def _post(self, job_id: int, uid: str, values: np.ndarray, result) -> None:
        self.proposed.emit(job_id, uid, values, result)
        with self._lock:
            notify = not self._results
            self._results.append((job_id, uid, values, result))
        if notify:
            self.resultsReady.emit()

    def _progress(self, text: str) -> None:
        """Emit a progress status, at most every :data:`STATUS_INTERVAL_S` (a status is a GUI-thread event)."""
        now = time.monotonic()
        if now - self._status_at >= STATUS_INTERVAL_S:
            self._status_at = now
            self.status.emit(text)

    def _ensure_backend(self, config: dict):
        if self._backend is not None and config == self._config:
            return self._backend
        from ..generation.backend import backend_from_config, create_backend

        self.close()
        self.status.emit(f"loading backend {config.get('backend', 'embedded')} …")
        try:
            self._backend = backend_from_config(config)
        except Exception as exc:  # a bad path, a missing package: show it, fall back to the planner
            self.error.emit(f"backend {config.get('backend', '?')!r} unavailable ({exc}); using the embedded planner")
            self._backend = create_backend("embedded")
        self._config = dict(config)
        self.backendReady.emit(self._backend.name, str(self._backend.device))
        return self._backend

    @Slot(object)
    def run(self, job: GenerationJob) -> None:
        """Propose the job's keyframes in order; each proposal feeds the next one's ``previous``."""
        if self.is_stale(job.job_id):
            self.finished.emit(job.job_id, 0)
            return
        from ..generation.backend import KeyframeRequest, propose_checked

        done = 0
        try:
            backend = self._ensure_backend(job.config)
            values = [np.array(v, dtype=np.float64) for v in job.values]
            stale = lambda: self.is_stale(job.job_id)  # noqa: E731

            def request(i: int) -> KeyframeRequest:
                return KeyframeRequest(
                    job.descriptions, i, job.background, job.emotion,
                    previous=values[i - 1] if i > 0 else None,
                    locked=job.locked[i] if job.locked else None,
                )

            def take(i: int, result) -> None:
                nonlocal done
                values[i] = result.values
                if result.error:
                    self.error.emit(f"keyframe {i + 1}: {result.error}")
                self._post(job.job_id, job.uids[i], result.values, result)
                done += 1

            if getattr(backend, "chains_previous", False):
                # One at a time, each seeing the one before it (the planner reads "more", "holds it").
                for n, i in enumerate(job.indices):
                    if stale():
                        break
                    self._progress(f"generating {n + 1}/{len(job.indices)} on {backend.device}: {job.descriptions[i][:60]}")
                    began = time.perf_counter()
                    for result in propose_checked(backend, [request(i)], stale):
                        take(i, result)
                    self._yield_gil(time.perf_counter() - began)
            else:
                # A model: the whole job in one call, so the backend can batch it.
                self._progress(f"generating {len(job.indices)} keyframes on {backend.device}")
                requests = [request(i) for i in job.indices]
                began = time.perf_counter()
                for n, result in enumerate(propose_checked(backend, requests, stale)):
                    take(job.indices[n], result)
                    self._progress(f"generated {n + 1}/{len(job.indices)} on {backend.device}")
                    self._yield_gil(time.perf_counter() - began)
                    began = time.perf_counter()
        except Exception as exc:  # never let a backend bug kill the thread
            self.error.emit(f"generation failed: {type(exc).__name__}: {exc}")
        self.finished.emit(job.job_id, done)

    @staticmethod
    def _yield_gil(busy: float) -> None:
        """Rest one and a half times as long as the last keyframe took (at most :data:`MAX_REST_S`).

        Python code in this thread (the embedded planner, a tokenizer) holds the interpreter lock
        and slows every slot of the GUI thread several times over; resting three fifths of the time keeps the
        GUI's share of the lock, so its work stays in budget. A model that spends seconds in torch
        (which releases the lock) loses at most MAX_REST_S per keyframe.
        """
        rest = min(1.5 * busy, MAX_REST_S)
        if rest > 0:
            time.sleep(rest)

    def close(self) -> None:
        """Release the backend (call in the worker thread, or after it stopped)."""
        if self._backend is not None:
            try:
                self._backend.close()
            finally:
                self._backend = None
                self._config = None


class GenerationController(QObject):
    """GUI-thread side: script sync, job dispatch and progressive, single-step application."""

    #: job id, keyframe ids being generated
    started = Signal(int, list)
    #: job id, keyframe id (a proposal was applied)
    applied = Signal(int, str)
    #: job id (the job ended; not emitted for stale jobs)
    done = Signal(int)
    #: status text for the indicator
    status = Signal(str)
    #: an error text for the indicator (shown, never raised)
    error = Signal(str)
    _submit = Signal(object)

    def __init__(self, session: EditorSession, config: dict | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.config = dict(config or {"backend": "embedded"})
        self.backend_label = "not loaded"
        self.pending: set[str] = set()  # keyframes the running job still has to propose
        self.last_error = ""
        self._job_id = 0
        self._active: int | None = None
        self._mode = "refine"
        self._label = "Regenerate keyframes"
        self._proposals: dict[str, np.ndarray] = {}
        self._context: dict[str, str] = {}
        self._queued: list[tuple[str, np.ndarray]] = []
        self._context_all: dict[str, str] = {}
        self._step: Macro | None = None  # this job's undo step, while it is on top of the stack
        self._job_size = 0  # keyframes the running job was asked to propose
        self._recheck = False  # a job was superseded or cancelled: look for stale keyframes at the end
        self._step_index: int | None = None  # stack index right after our step
        self._ms_per_proposal = 0.2  # measured cost of applying one proposal (sizes the slices)
        self._finished: tuple[int, int] | None = None  # (job id, count) once the worker ended the job
        self._thread = QThread()
        self._thread.setObjectName("kfstudio-generation")
        self.worker = GenerationWorker()
        self.worker.moveToThread(self._thread)
        self._submit.connect(self.worker.run)
        self.worker.resultsReady.connect(self._on_results_ready)
        self.worker.finished.connect(self._on_finished)
        self.worker.status.connect(self._on_status)
        self.worker.error.connect(self._on_error)
        self.worker.backendReady.connect(self._on_backend_ready)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(30)
        self._retry.timeout.connect(self._apply_queued)
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(APPLY_INTERVAL_MS)
        self._batch.timeout.connect(self._apply_queued)
        self._next_slice = QTimer(self)  # the rest of a batch, in the next event-loop turn
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._apply_queued)
        self._thread.start()

    # ------------------------------------------------------------------ requests
    @property
    def busy(self) -> bool:
        return self._active is not None

    def set_config(self, config: dict) -> None:
        """Use another backend from the next job on."""
        self.config = dict(config)

    def sync_script(self, text: str) -> list[str]:
        """Apply a script edit to the document and regenerate what it made stale; returns those ids."""
        edit, uids = script_sync.sync_keyframes(self.session.anim, text)
        self.session.push(edit)
        self.regenerate(uids, mode="refine", label="Generate keyframes")
        return uids

    def out_of_date(self) -> list[str]:
        """Script keyframes whose values were not generated from their current text and context."""
        anim = self.session.anim
        if not anim.script.strip():
            return []
        _, uids = script_sync.sync_keyframes(anim, anim.script)
        return uids

    def regenerate(self, uids, mode: str = "refine", label: str = "Regenerate keyframes") -> int | None:
        """Propose the given script keyframes again (``mode`` "refine" or "repropose"); returns the job id.

        Any job still running becomes stale. With no keyframe to propose nothing starts (None).
        """
        self._job_id += 1
        self.worker.latest = self._job_id  # makes any running job stale at its next check
        self._recheck |= self._active is not None
        self._close_job()
        kfs, idx, background, emotion, keys = script_sync.generation_targets(self.session.anim, list(uids))
        if not idx:
            self.status.emit(f"up to date · {self.backend_label}")
            return None
        anim = self.session.anim
        job = GenerationJob(
            job_id=self._job_id,
            config=self.config,
            descriptions=[k.description for k in kfs],
            indices=idx,
            uids=[k.uid for k in kfs],
            context=keys,
            background=background,
            emotion=emotion,
            values=[k.values.copy() for k in kfs],
            locked=[k.locked | anim.channel_locked for k in kfs],
            mode=mode,
        )
        self._active, self._mode, self._label = job.job_id, mode, label
        self._context_all = dict(zip(job.uids, job.context))
        self._job_size = len(idx)
        self.pending = {job.uids[i] for i in idx}
        self.started.emit(job.job_id, sorted(self.pending))
        self._submit.emit(job)
        return job.job_id

    def cancel(self) -> None:
        """Make the running job stale (its remaining keyframes are not proposed)."""
        self._recheck |= self._active is not None
        self._job_id += 1
        self.worker.latest = self._job_id
        self._close_job()

    def _close_job(self) -> None:
        self._flush_queue()
        self._active = None
        self._finished = None
        self.pending = set()
        self._proposals, self._context, self._queued = {}, {}, []
        self._step, self._step_index = None, None
        self._next_slice.stop()

    # ------------------------------------------------------------------ results (GUI thread)
    @Slot()
    def _on_results_ready(self) -> None:
        """Queue the worker's new proposals of the running job (those of stale jobs are dropped)."""
        fresh = [(uid, np.asarray(values, dtype=np.float64))
                 for job_id, uid, values, _result in self.worker.take_results() if job_id == self._active]
        self._queued.extend(fresh)
        if fresh and not self._batch.isActive() and not self._next_slice.isActive():
            self._batch.start()

    def _flush_queue(self) -> None:
        """Apply every queued proposal now, unless the user is in the middle of a drag (then retry
        shortly); used when the job is closed."""
        self._apply_queued(budget_ms=None)

    @Slot()
    def _apply_queued(self, budget_ms: float | None = SLICE_BUDGET_MS) -> None:
        """Apply queued proposals: about ``budget_ms`` worth of them (all with None); the rest in the
        next event-loop turn. The views hear of it through :meth:`EditorSession.coalesced`. Once the
        queue is empty and the worker has ended the job, the job is finished in a later turn."""
        if not self._queued:
            self._finish_when_drained()
            return
        if self.session.stack.in_macro:
            self._retry.start()
            return
        self._batch.stop()
        self._next_slice.stop()
        count = len(self._queued)
        if budget_ms is not None:
            count = max(1, min(count, int(budget_ms / max(self._ms_per_proposal, 1e-3))))
        queued, self._queued = self._queued[:count], self._queued[count:]
        started = time.perf_counter()
        self._apply_slice(queued)
        elapsed_ms = (time.perf_counter() - started) * 1e3
        self._ms_per_proposal = 0.5 * self._ms_per_proposal + 0.5 * elapsed_ms / len(queued)
        if self._queued:
            self._next_slice.start()
        else:
            self._finish_when_drained()

    def _apply_slice(self, queued: list[tuple[str, np.ndarray]]) -> None:
        batch: dict[str, np.ndarray] = {}
        for uid, values in queued:
            batch[uid] = self._proposals[uid] = values
            self._context[uid] = self._context_all.get(uid, "")
            self.pending.discard(uid)
        interval = VIEW_INTERVAL_MS + VIEW_MS_PER_KEYFRAME * len(self.session.anim.keyframes)
        with self.session.coalesced(interval):
            self._apply_step(batch)
        for uid, _ in queued:
            self.applied.emit(self._active if self._active is not None else -1, uid)

    def _apply_step(self, batch: dict[str, np.ndarray]) -> None:
        """Apply one batch of proposals, growing this job's undo step when it is still on top."""
        stack, anim = self.session.stack, self.session.anim
        on_top = (self._step is not None and stack.index == self._step_index
                  and stack.undo_text == self._label and not stack.is_clean)
        if not on_top:  # first batch, or something else happened since: start a step with everything
            edit = script_sync.proposal_edit(anim, self._proposals, self._context, mode=self._mode, label=self._label)
            step = Macro(self._label, [edit]) if edit is not None else None
            if self.session.push(step):
                self._step, self._step_index = step, stack.index
            else:
                self._step, self._step_index = None, None
            return
        context = {uid: self._context[uid] for uid in batch}
        edit = script_sync.proposal_edit(anim, batch, context, mode=self._mode, label=self._label)
        if edit is not None and not edit.is_noop():
            edit.redo(anim)  # the same as UndoStack.push inside a macro: applied, then recorded
            self._step.commands.append(edit)

    @Slot(int, int)
    def _on_finished(self, job_id: int, count: int) -> None:
        if job_id != self._active:
            return
        self._on_results_ready()  # the job's last proposals, if their notice is still on its way
        self._finished = (job_id, count)
        if not self._queued:
            self._finish_when_drained()
        elif not self._batch.isActive() and not self._next_slice.isActive() and not self._retry.isActive():
            self._next_slice.start()

    def _finish_when_drained(self) -> None:
        """Once the job's last proposal is applied, finish it in a later event-loop turn (its views'
        refresh and the check for keyframes still out of date each get a turn of their own)."""
        if self._finished is not None and not self._queued:
            job_id, count = self._finished
            self._finished = None
            QTimer.singleShot(0, lambda: self._finish_job(job_id, count))

    def _finish_job(self, job_id: int, count: int) -> None:
        if job_id != self._active:
            return  # a newer request took over meanwhile
        if self.session.has_deferred_change:  # let the views catch up first, in this turn
            self.session.flush_changes()
            QTimer.singleShot(0, lambda: self._finish_job(job_id, count))
            return
        self._active = None
        self.pending = set()
        self._step, self._step_index = None, None
        self.status.emit(f"{count} keyframe{'s' if count != 1 else ''} generated · {self.backend_label}")
        # Keyframes can only be left out of date when a job was superseded or cancelled, or this one
        # stopped early; the check re-matches the whole script, so it is skipped otherwise.
        recheck = bool(count) and (self._recheck or count < self._job_size)
        self._recheck = False
        stale = self.out_of_date() if recheck else []
        if stale:  # e.g. a keyframe whose job was superseded by a refine of another one
            self.regenerate(stale, mode="refine", label="Generate keyframes")
            return
        self.done.emit(job_id)

    @Slot(str)
    def _on_status(self, text: str) -> None:
        self.status.emit(text)

    @Slot(str)
    def _on_error(self, text: str) -> None:
        self.last_error = text
        self.error.emit(text)

    @Slot(str, str)
    def _on_backend_ready(self, name: str, device: str) -> None:
        self.backend_label = f"{name} on {device}"

    # ------------------------------------------------------------------ lifetime
    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Process events until no job is running (for tests and scripted use); False on timeout."""
        from PySide6.QtCore import QCoreApplication

        end = time.monotonic() + timeout
        while self.busy and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.busy

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel work, stop the thread and release the backend; True when the thread ended."""
        self.cancel()
        self._thread.quit()
        ended = self._thread.wait(timeout_ms)
        if ended:
            self.worker.close()
        return ended

    @property
    def thread_running(self) -> bool:
        return self._thread.isRunning()
