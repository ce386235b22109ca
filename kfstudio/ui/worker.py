"""The background generation worker and its GUI-thread controller.

:class:`GenerationWorker` lives in one :class:`~PySide6.QtCore.QThread`. It owns the backend (created
there, so a backend that imports torch does so off the GUI thread), runs one :class:`GenerationJob` at a
time and reports each proposal through signals; it never touches a widget or the document. The
keyframes are chained by :func:`kfstudio.generation.backend.propose_script` (the same function the
command line uses): a backend that reads the previous keyframe gets them one at a time, a model
backend all at once. Between results the worker rests a little (:meth:`GenerationWorker._yield_gil`)
so that Python-heavy generation leaves the GUI thread its share of the interpreter lock.

:class:`GenerationController` lives in the GUI thread. It turns a script edit into a document edit
(:func:`kfstudio.script_sync.sync_keyframes`), sends the keyframes to (re)generate to the worker, and
applies the proposals as they arrive, so the animator sees keyframes fill in progressively. The GUI
thread's share of that work is bounded: proposals arriving within :data:`APPLY_INTERVAL_MS` are applied
together, in slices of at most about :data:`SLICE_BUDGET_MS` of work per event-loop turn, and the views
hear of them at most every :data:`VIEW_INTERVAL_MS` (more for long documents;
:meth:`EditorSession.coalesced`).

One history: the proposals a script edit causes are folded into that edit's undo step
(:meth:`UndoStack.amend <kfstudio.animation.commands.UndoStack.amend>`, which records a new step in
its place and never changes a recorded one), so one Undo takes back the text and the values it
produced together. A regeneration asked for on its own (Refine) is one step of its own. When the
step the proposals belong to is no longer on top (something else was done meanwhile), the rest of
them form a step of their own; when it was undone, the job is cancelled (its keyframes are gone or
hold their old text again) and resumes if that step is redone. Keyframes whose values come from
another text are never hidden: :func:`kfstudio.script_sync.stale_keyframes` finds them and the
views mark them.

Two stages (the embedded backend with its learned layer): the worker first proposes the job's
keyframes with the planner alone (:meth:`EmbeddedBackend.draft
<kfstudio.generation.backends.embedded.EmbeddedBackend.draft>`, milliseconds), and they are applied
as above; then, in the same thread and the same job, it proposes them again with the learned layer,
chained on the refined values exactly as the command line chains them, so the final values equal
``kfstudio generate``'s. The refinement amends the same undo step (one Undo takes back the text,
the planner's values and their refinement), but only for a keyframe the user left alone in
between: when its values, locks (its own or the channel's) or text changed since the planner's
values were applied, its refinement is dropped. A keyframe still waiting for its refinement when a
newer request retires the job is proposed again by the newer job. With the layer off there is
only the first stage.

Each job goes through named states (:class:`JobState`): RUNNING while the worker proposes,
REFINING while it refines (the status says "refining …"), DRAINING once it ended and proposals
wait to be applied, FINISHING while the views catch up, then
back to IDLE; a newer request or a cancel makes a job stale, and the worker's cancel check stops it
between keyframes (late results are dropped).
"""

from __future__ import annotations

import enum
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEventLoop, QObject, QThread, QTimer, Signal, Slot

from .. import script_sync
from ..animation.commands import Command
from .session import EditorSession

__all__ = ["GenerationJob", "GenerationWorker", "GenerationController", "JobState", "APPLY_INTERVAL_MS", "SLICE_BUDGET_MS"]

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


class JobState(enum.Enum):
    """Where the controller's current job is (see the module docstring)."""

    IDLE = "idle"  # no job
    RUNNING = "running"  # the worker proposes; proposals are applied as they arrive
    REFINING = "refining"  # the worker refines the planner's proposals with the learned layer (stage 2)
    DRAINING = "draining"  # the worker ended the job; queued proposals are still being applied
    FINISHING = "finishing"  # all applied; the views catch up, then the job is done


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
    #: propose in two stages when the backend has a fast draft (the planner first, then the learned
    #: layer's refinement); False: one step, as the command line does
    staged: bool = False


class _Final:
    """The worker's notice that a keyframe's planner proposal is final: the learned layer that
    was to refine it turned out missing (stage "final", no values)."""

    info = {"stage": "final"}
    explanation = None
    error = ""


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
    #: job id: the first stage ended and the refinement (stage 2) begins
    refining = Signal(int)
    #: a human-readable state: "loading backend …", "generating 2/5 on cpu …", "refining 1/5 …"
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
        """Propose the job's keyframes (chained by :func:`~kfstudio.generation.backend.propose_script`)."""
        if self.is_stale(job.job_id):
            self.finished.emit(job.job_id, 0)
            return
        done = 0
        try:
            backend = self._ensure_backend(job.config)
            make_draft = getattr(backend, "draft", None) if job.staged else None
            draft = make_draft() if callable(make_draft) else None
            done = self._run_stage(job, draft if draft is not None else backend, "planner" if draft is not None else None)
            total = len(job.indices)
            if draft is not None and done == total and not self.is_stale(job.job_id):
                self.refining.emit(job.job_id)
                self.status.emit(f"refining {total} keyframe{'s' if total != 1 else ''} with the learned layer …")
                if getattr(backend, "semantic_active", True):  # loads the layer (here, off the GUI thread)
                    self._run_stage(job, backend, "refined")
                else:  # the layer turned out missing: the planner's values are final, not a draft
                    final = _Final()
                    for i in job.indices:
                        self._post(job.job_id, job.uids[i], None, final)
        except Exception as exc:  # never let a backend bug kill the thread
            self.error.emit(f"generation failed: {type(exc).__name__}: {exc}")
        self.finished.emit(job.job_id, done)

    def _run_stage(self, job: GenerationJob, backend, stage: str | None) -> int:
        """Propose the job's keyframes with ``backend`` and post them; returns how many were made.

        ``stage`` tags the results (``result.info["stage"]``): None (one step), "planner" (the first
        of two stages) or "refined" (the second: a refinement that failed is not posted, the
        planner's proposal stays)."""
        from ..generation.backend import propose_script

        chained = getattr(backend, "chains_previous", False)
        verb = "refining" if stage == "refined" else "generating"
        total = len(job.indices)
        results = propose_script(
            backend, job.descriptions, job.background, job.emotion,
            cancel=lambda: self.is_stale(job.job_id),
            locked=job.locked or None, indices=job.indices, current=job.values or None,
        )
        first = job.descriptions[job.indices[0]][:60] if total else ""
        self._progress(f"{verb} 1/{total} on {backend.device}: {first}" if chained
                       else f"{verb} {total} keyframes on {backend.device}")
        began = time.perf_counter()
        done = 0
        for i, result in zip(job.indices, results):
            if stage is not None:
                result.info = dict(result.info or {}, stage=stage)
            if result.error:
                self.error.emit(f"keyframe {i + 1}: {result.error}" + ("; the planner's values kept" if stage == "refined" else ""))
            if not (result.error and stage == "refined"):
                self._post(job.job_id, job.uids[i], result.values, result)
            done += 1
            if done < total:
                nxt = job.indices[done]
                self._progress(f"{verb} {done + 1}/{total} on {backend.device}: {job.descriptions[nxt][:60]}"
                               if chained else f"{'refined' if stage == 'refined' else 'generated'} {done}/{total} on {backend.device}")
            self._yield_gil(time.perf_counter() - began)
            began = time.perf_counter()
            if self.is_stale(job.job_id):
                break
        return done

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
    """GUI-thread side: script sync, job dispatch and progressive application in one undo step."""

    #: job id, keyframe ids being generated
    started = Signal(int, list)
    #: job id, keyframe id (a proposal was applied; with two stages, the planner's)
    applied = Signal(int, str)
    #: job id, keyframe id (the learned layer's refinement of that keyframe was applied, stage 2)
    refined = Signal(int, str)
    #: job id (the job ended; not emitted for stale jobs)
    done = Signal(int)
    #: status text for the indicator
    status = Signal(str)
    #: the animator stopped the generation (:meth:`stop`): how many keyframes keep the planner's draft
    stopped = Signal(int)
    #: an error text for the indicator (shown, never raised)
    error = Signal(str)
    #: the job's state changed (a :class:`JobState`)
    stateChanged = Signal(object)
    _submit = Signal(object)

    def __init__(self, session: EditorSession, config: dict | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.config = dict(config or {"backend": "embedded"})
        self.backend_label = "not loaded"
        self.pending: set[str] = set()  # keyframes the running job still has to propose
        self.last_error = ""
        self.state = JobState.IDLE
        self._job_id = 0
        self._active: int | None = None  # id of the current job (None when IDLE)
        self._mode = "refine"
        self._label = "Regenerate keyframes"
        self._context: dict[str, str] = {}
        #: proposals waiting to be applied: (keyframe id, values, stage, explanation); stage is None
        #: (one step), "planner", "refined" (see :meth:`GenerationWorker._run_stage`) or "final"
        #: (values None: the planner's stay, the layer is missing)
        self._queued: list[tuple[str, np.ndarray, str | None, list[str]]] = []
        #: keyframes whose planner proposal was applied and whose refinement has not come yet, with
        #: what they looked like right after (see :meth:`_untouched`)
        self._unrefined: dict[str, tuple] = {}
        #: keyframes left waiting for their refinement by a job that a Re-propose retired: proposed
        #: again (refine mode) once that Re-propose is done, if still untouched
        self._deferred: dict[str, tuple] = {}
        #: keyframes whose refinement was dropped because the user changed them in between
        self.dropped: list[str] = []
        self._context_all: dict[str, str] = {}
        #: the undo step this job's proposals are folded into (see the module docstring)
        self._step: Command | None = None
        #: a job cancelled because its step was undone: (step, keyframe ids, mode, label), resumed on redo
        #: (keyframes still to refine are kept with what they looked like, see :meth:`_untouched`)
        self._interrupted: tuple[Command, list[str], str, str, dict[str, tuple]] | None = None
        self._job_size = 0  # keyframes the running job was asked to propose
        self._recheck = False  # a job was superseded or cancelled: look for stale keyframes at the end
        self._ms_per_proposal = 0.2  # measured cost of applying one proposal (sizes the slices)
        self._finished_count: int | None = None  # proposals made, once the worker ended the job
        self._thread = QThread()
        self._thread.setObjectName("kfstudio-generation")
        self.worker = GenerationWorker()
        self.worker.moveToThread(self._thread)
        self._submit.connect(self.worker.run)
        self.worker.resultsReady.connect(self._on_results_ready)
        self.worker.finished.connect(self._on_finished)
        self.worker.refining.connect(self._on_refining)
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
        session.undoStateChanged.connect(self._on_history_changed)
        session.documentReplaced.connect(self._forget_interrupted)
        self._thread.start()

    # ------------------------------------------------------------------ state
    @property
    def busy(self) -> bool:
        return self.state is not JobState.IDLE

    def _set_state(self, state: JobState) -> None:
        if state is not self.state:
            self.state = state
            self.stateChanged.emit(state)

    # ------------------------------------------------------------------ requests
    def set_config(self, config: dict) -> None:
        """Use another backend from the next job on."""
        self.config = dict(config)

    def sync_script(self, text: str) -> list[str]:
        """Apply a script edit to the document (one undo step) and regenerate what it made stale,
        folding the proposals into that step; returns the ids regenerated."""
        if text == self.session.anim.script and self.busy:
            return sorted(self.pending)  # nothing new: the running job goes on
        self._retire_job()  # the running job's proposals belong to the text before this edit
        edit, uids = script_sync.sync_keyframes(self.session.anim, text)
        step = edit if self.session.push(edit) else None
        self.regenerate(uids, mode="refine", label="Generate keyframes", into=step)
        return uids

    def out_of_date(self) -> list[str]:
        """Script keyframes whose values were not generated from their current text and context."""
        return script_sync.stale_keyframes(self.session.anim)

    @property
    def unrefined(self) -> set[str]:
        """Keyframes showing the planner's proposal while their refinement is on its way."""
        return set(self._unrefined)

    def drafts(self) -> list[str]:
        """Keyframes left with the planner's draft, their refinement not on its way (a Stop between
        the stages, a refinement that failed): :func:`script_sync.draft_keyframes` less those the
        running job still proposes or refines. The views mark them."""
        busy = self.pending | set(self._unrefined) | set(self._deferred) if self.busy else set()
        return [u for u in script_sync.draft_keyframes(self.session.anim) if u not in busy]

    def regenerate(self, uids, mode: str = "refine", label: str = "Regenerate keyframes",
                   into: Command | None = None) -> int | None:
        """Propose the given script keyframes again (``mode`` "refine" or "repropose"); returns the job id.

        The proposals are folded into the undo step ``into`` while it is on top of the history, else
        they form one step named ``label``. Any job still running becomes stale; the keyframes it
        left waiting for their refinement (and untouched since) are proposed again by this job when
        it refines. With no keyframe to propose nothing starts (None).
        """
        self._retire_job()
        self._interrupted = None
        carried = [u for u in self._unrefined if self._untouched(u)]
        if mode != "refine":  # a Re-propose would clear their hand edits: they are proposed after it
            self._deferred.update((u, self._unrefined[u]) for u in carried if u not in set(uids))
            carried = []
        self._unrefined = {}
        if carried:
            uids = list(uids)
            uids += [u for u in carried if u not in set(uids)]
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
            staged=True,
        )
        self.dropped = []
        self._active, self._mode, self._label, self._step = job.job_id, mode, label, into
        self._context_all = dict(zip(job.uids, job.context))
        self._job_size = len(idx)
        self.pending = {job.uids[i] for i in idx}
        self._set_state(JobState.RUNNING)
        self.started.emit(job.job_id, sorted(self.pending))
        self._submit.emit(job)
        return job.job_id

    def cancel(self) -> None:
        """Make the running job stale (its remaining keyframes are not proposed, nor refined)."""
        self._retire_job()
        self._interrupted = None
        self._unrefined, self._deferred = {}, {}

    def stop(self) -> bool:
        """The animator stops the generation (Edit › Stop generation); False when none was running.

        What was proposed so far stays, in its undo step. Keyframes not proposed yet keep their old
        values and stay out of date (marked stale, as any keyframe whose text changed); those
        waiting for the learned layer keep the planner's draft. The status line counts both, and
        the next script edit, Refine or Re-propose picks them up again."""
        if not self.busy:
            return False
        waiting = {u for u in self._unrefined if self._untouched(u)} - self.pending
        self.cancel()
        stale = len(self.out_of_date())
        parts = ["generation stopped"]
        if stale:
            parts.append(f"{stale} keyframe{'s' if stale != 1 else ''} out of date (marked ⚠; Refine to generate)")
        if waiting:
            parts.append(f"{len(waiting)} keep{'s' if len(waiting) == 1 else ''} the planner's draft, not refined")
        self.status.emit(" · ".join(parts + [self.backend_label]))
        self.stopped.emit(len(waiting))
        return True

    def _retire_job(self) -> None:
        """Apply what the current job proposed so far, make it stale and forget it (state IDLE)."""
        self._recheck |= self._active is not None
        self._job_id += 1
        self.worker.latest = self._job_id  # makes a running job stale at its next check
        if self._active is not None:
            self._apply_queued(budget_ms=None)
        self._active = None
        self._finished_count = None
        self.pending = set()
        self._context, self._queued = {}, []
        self._step = None
        self._next_slice.stop()
        self._batch.stop()
        self._set_state(JobState.IDLE)

    @Slot()
    def _on_history_changed(self) -> None:
        """Undo took back the step the running job belongs to: stop the job (its keyframes hold
        their old text again, or are gone); Redo brings it back: resume it."""
        stack = self.session.stack
        if self._step is not None and self._active is not None and stack.top is not self._step and stack.is_undone(self._step):
            step, uids, mode, label = self._step, sorted(self.pending), self._mode, self._label
            self._queued = []  # proposals for a text that is no longer there
            self._retire_job()
            unrefined, self._unrefined = self._unrefined, {}
            self._recheck = False
            self._interrupted = (step, uids, mode, label, unrefined)
            self.status.emit(f"generation stopped: its edit was undone · {self.backend_label}")
            return
        if self._interrupted is not None and stack.top is self._interrupted[0] and not stack.in_macro:
            step, uids, mode, label, unrefined = self._interrupted
            self._interrupted = None
            QTimer.singleShot(0, lambda: self._resume(step, uids, mode, label, unrefined))

    def _resume(self, step: Command, uids: list[str], mode: str, label: str, unrefined: dict[str, tuple]) -> None:
        """Go on with a job whose step was undone and is redone: the keyframes it had not proposed
        (out of date again) and those whose refinement had not come (back as the planner left them)."""
        if self.session.stack.top is step and not self.busy:
            stale = set(script_sync.stale_keyframes(self.session.anim))
            again = [u for u in uids if u in stale]
            again += [u for u, before in unrefined.items() if u not in stale and self._untouched(u, before)]
            self.regenerate(again, mode=mode, label=label, into=step)

    @Slot()
    def _forget_interrupted(self) -> None:
        self._interrupted = None

    # ------------------------------------------------------------------ results (GUI thread)
    @Slot()
    def _on_results_ready(self) -> None:
        """Queue the worker's new proposals of the current job (those of stale jobs are dropped)."""
        fresh = []
        for job_id, uid, values, result in self.worker.take_results():
            if job_id != self._active:
                continue
            stage = (getattr(result, "info", None) or {}).get("stage")
            explanation = [str(line) for line in (getattr(result, "explanation", None) or [])]
            fresh.append((uid, None if values is None else np.asarray(values, dtype=np.float64), stage, explanation))
            if stage not in ("refined", "final"):  # a refinement's explanation is shown once it is applied
                self.session.explanations[uid] = explanation
        self._queued.extend(fresh)
        if fresh and not self._batch.isActive() and not self._next_slice.isActive():
            self._batch.start()

    @Slot()
    def _apply_queued(self, budget_ms: float | None = SLICE_BUDGET_MS) -> None:
        """Apply queued proposals: about ``budget_ms`` worth of them (all with None); the rest in the
        next event-loop turn. The views hear of it through :meth:`EditorSession.coalesced`. Once the
        queue is empty and the worker has ended the job, the job is finished in a later turn."""
        if not self._queued:
            self._finish_when_drained()
            return
        if self.session.stack.in_macro:  # the user is dragging: never fold proposals into the drag
            if budget_ms is None:
                return  # the job is being retired: its keyframes are looked at again later
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

    def _apply_slice(self, queued: list[tuple[str, np.ndarray, str | None, list[str]]]) -> None:
        applied: list[str] = []
        refined: list[str] = []
        interval = VIEW_INTERVAL_MS + VIEW_MS_PER_KEYFRAME * len(self.session.anim.keyframes)
        with self.session.coalesced(interval):
            run: dict[str, tuple[np.ndarray, list[str]]] = {}
            run_stage: str | None = None
            for uid, values, stage, explanation in queued:  # consecutive proposals of one stage together
                if run and stage != run_stage:
                    self._apply_run(run_stage, run, applied, refined)
                    run = {}
                run_stage = stage
                run[uid] = (values, explanation)
            if run:
                self._apply_run(run_stage, run, applied, refined)
        job_id = self._active if self._active is not None else -1
        for uid in applied:
            self.applied.emit(job_id, uid)
        for uid in refined:
            self.refined.emit(job_id, uid)

    def _apply_run(self, stage: str | None, run: dict[str, tuple[np.ndarray, list[str]]],
                   applied: list[str], refined: list[str]) -> None:
        """Apply proposals of one stage: the planner's (or a one-step backend's) as they are; the
        refinements only to keyframes the user left alone since the planner's values were applied.
        Stage "final" (no values: the layer is missing) keeps the planner's values and only clears
        their draft record, for the keyframes left alone."""
        if stage == "final":
            batch = {}
            for uid in run:
                if self._untouched(uid):
                    batch[uid] = self.session.anim.find(uid).values.copy()
                self._unrefined.pop(uid, None)
                self._context[uid] = self._context_all.get(uid, "")
            if batch:
                self._apply_step(batch, stage)
            return
        if stage == "refined":
            batch = {}
            for uid, (values, explanation) in run.items():
                if self._untouched(uid):
                    batch[uid] = values
                    self.session.explanations[uid] = explanation
                else:  # edited, locked, retexted or deleted meanwhile: the user's state stays
                    self.dropped.append(uid)
                self._unrefined.pop(uid, None)
        else:
            batch = {uid: values for uid, (values, _) in run.items()}
            for uid in batch:
                self.pending.discard(uid)
        for uid in batch:
            self._context[uid] = self._context_all.get(uid, "")
        if batch:
            self._apply_step(batch, stage)
        if stage == "planner":
            for uid in batch:
                snap = self._snapshot(uid)
                if snap is not None:
                    self._unrefined[uid] = snap
        (refined if stage == "refined" else applied).extend(batch)

    def _snapshot(self, uid: str) -> tuple | None:
        """What the user can change about a keyframe: its values, locks (its own and the channel's),
        hand-edit flags, text and the context its values were generated from (None when it is gone)."""
        anim = self.session.anim
        try:
            k = anim.find(uid)
        except KeyError:
            return None
        prov = anim.settings.get(script_sync.PROVENANCE, {}).get(uid)
        return (k.values.copy(), k.locked | anim.channel_locked, k.edited.copy(), k.description, prov)

    def _untouched(self, uid: str, before: tuple | None = None) -> bool:
        """The keyframe still is as the planner's proposal left it (``before``, default: what was
        recorded when it was applied): its refinement may be applied."""
        before = self._unrefined.get(uid) if before is None else before
        now = self._snapshot(uid)
        if before is None or now is None:
            return False
        return (np.array_equal(before[0], now[0]) and np.array_equal(before[1], now[1])
                and np.array_equal(before[2], now[2]) and before[3:] == now[3:])

    def _apply_step(self, batch: dict[str, np.ndarray], stage: str | None = None) -> None:
        """Apply one batch of proposals of ``stage``: folded into the job's step while it is on top,
        else a new step (which later batches are folded into). The planner's draft is recorded in
        the document (:data:`script_sync.DRAFT`) and the refinement clears it, in the same edit."""
        stack, anim = self.session.stack, self.session.anim
        context = {uid: self._context[uid] for uid in batch}
        edit = script_sync.proposal_edit(anim, batch, context, mode=self._mode, label=self._label, stage=stage)
        if edit is None:
            return
        merged = stack.amend(self._step, edit) if self._step is not None else None
        if merged is not None:
            self._step = merged
        elif self.session.push(edit):
            self._step = stack.top

    @Slot(int)
    def _on_refining(self, job_id: int) -> None:
        if job_id == self._active and self.state is JobState.RUNNING:
            self._set_state(JobState.REFINING)

    @Slot(int, int)
    def _on_finished(self, job_id: int, count: int) -> None:
        if job_id != self._active:
            return
        self._on_results_ready()  # the job's last proposals, if their notice is still on its way
        self._finished_count = count
        self._set_state(JobState.DRAINING)
        if not self._queued:
            self._finish_when_drained()
        elif not self._batch.isActive() and not self._next_slice.isActive() and not self._retry.isActive():
            self._next_slice.start()

    def _finish_when_drained(self) -> None:
        """Once the job's last proposal is applied, finish it in a later event-loop turn (its views'
        refresh and the check for keyframes still out of date each get a turn of their own)."""
        if self.state is JobState.DRAINING and not self._queued:
            self._set_state(JobState.FINISHING)
            job_id, count = self._active, self._finished_count or 0
            QTimer.singleShot(0, lambda: self._finish_job(job_id, count))

    def _finish_job(self, job_id: int, count: int) -> None:
        if job_id != self._active or self.state is not JobState.FINISHING:
            return  # a newer request took over meanwhile
        if self.session.has_deferred_change:  # let the views catch up first, in this turn
            self.session.flush_changes()
            QTimer.singleShot(0, lambda: self._finish_job(job_id, count))
            return
        step = self._step
        self._active, self._step, self._finished_count = None, None, None
        self.pending = set()
        self._unrefined = {}  # not refined (the layer is off or failed): the planner's values stay
        self._set_state(JobState.IDLE)
        kept = (f" · {len(self.dropped)} not refined: changed meanwhile, your edit kept" if self.dropped else "")
        self.status.emit(f"{count} keyframe{'s' if count != 1 else ''} generated{kept} · {self.backend_label}")
        # Keyframes can only be left out of date when a job was superseded or cancelled, or this one
        # stopped early; the check re-matches the whole script, so it is skipped otherwise.
        recheck = bool(count) and (self._recheck or count < self._job_size)
        self._recheck = False
        stale = self.out_of_date() if recheck else []
        deferred, self._deferred = self._deferred, {}
        stale += [u for u, before in deferred.items() if u not in stale and self._untouched(u, before)]
        if stale:  # e.g. a keyframe whose job was superseded by a refine of another one
            self.regenerate(stale, mode="refine", label="Generate keyframes",
                            into=step if self.session.stack.top is step else None)
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
        """Process events until no job is running (for scripted use); False on timeout."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(int(timeout * 1000))
        while self.busy and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.AllEvents | QEventLoop.WaitForMoreEvents, 20)
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
