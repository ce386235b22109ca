"""The ``"embedded"`` backend: the offline planner, refined by the learned semantic layer when installed.

The planner (:mod:`kfstudio.generation.planner`) reads the words it knows exactly; the learned layer
(:mod:`kfstudio.generation.semantic`, a sentence encoder and a small head, numpy only) fills the face
regions the planner did not read and proposes the closest reading when nothing was understood. The
layer is loaded on the first proposal; without its package the planner works alone and
:attr:`EmbeddedBackend.notice` says why in one line.

The editor's worker proposes in two stages: :meth:`EmbeddedBackend.draft` gives the planner alone
(milliseconds, no encoder), whose proposals are shown first; the backend itself then proposes the
same keyframes again with the learned layer (planner + layer, chained on the refined values exactly
as the command line chains them), and those amend the first ones.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kfstudio import channels
from kfstudio.generation.backend import BackendError, CancelFn, KeyframeRequest, KeyframeResult, error_result
from kfstudio.generation.language import language_notice

if TYPE_CHECKING:
    from kfstudio.generation.semantic.layer import SemanticLayer


_PREFETCH = 16  # keyframes whose sentences are encoded together


class EmbeddedBackend:
    """Proposes keyframes with the embedded planner and the learned semantic layer (CPU, no network).

    Options: ``semantic`` — True (default: on when installed), False (the planner alone); ``semantic_model``
    — a folder written by ``kfstudio train`` instead of the shipped weights.
    """

    name = "embedded"
    device = "cpu"
    chains_previous = True  # reads the previous keyframe's values ("more", "holds it", continuity)

    def __init__(self, semantic: bool = True, semantic_model: str | None = None) -> None:
        from kfstudio.generation.planner import EmbeddedPlanner

        if not isinstance(semantic, bool):
            raise BackendError(f"backend 'embedded': option 'semantic' must be true or false, got {semantic!r}")
        self._planner = EmbeddedPlanner()
        self._semantic = semantic
        self._semantic_model = semantic_model
        self._layer: SemanticLayer | None = None  # loaded on first use (see _load_layer)
        self._loaded = not semantic
        self.notice: str | None = None
        if semantic_model is not None:
            self._load_layer()  # a named model must exist: fail now, naming the folder

    def _load_layer(self) -> SemanticLayer | None:
        if self._loaded:
            return self._layer
        from kfstudio.generation import semantic

        if self._semantic_model is not None:
            from kfstudio.generation.semantic.encoder import EncoderUnavailable
            from kfstudio.generation.semantic.layer import SemanticLayer
            from kfstudio.generation.semantic.model import ModelFileError

            try:
                self._layer = SemanticLayer.load(self._semantic_model)
            except (EncoderUnavailable, ModelFileError, ImportError) as exc:
                raise BackendError(f"backend 'embedded': semantic_model {self._semantic_model}: {exc}") from None
        else:
            self._layer = semantic.shared_layer()
            self.notice = semantic.notice()
        self._loaded = True
        return self._layer

    @property
    def semantic_active(self) -> bool:
        """Whether the learned layer takes part (loads it on first use)."""
        return self._load_layer() is not None

    def propose(
        self, requests: Sequence[KeyframeRequest], cancel: CancelFn | None = None
    ) -> Iterator[KeyframeResult]:
        return self._proposals(requests, cancel, learned=True)

    def _proposals(self, requests: Sequence[KeyframeRequest], cancel: CancelFn | None, learned: bool) -> Iterator[KeyframeResult]:
        for request in requests:
            if cancel is not None and cancel():
                return
            yield self._propose_one(request, learned)

    def draft(self) -> "PlannerDraft | None":
        """A fast first-stage backend (the planner alone, sharing this backend's planner) whose
        proposals this backend later refines; None when there is nothing to refine (the learned layer
        is turned off by the options or ``KFSTUDIO_SEMANTIC=off``, or it was tried and is missing).
        Never loads the layer."""
        if not self._semantic:
            return None
        if self._loaded and self._layer is None:
            return None
        if not self._loaded and self._semantic_model is None:
            from kfstudio.generation import semantic

            if semantic.disabled_by_env() or semantic.notice() is not None:  # off, or tried and missing
                return None
        return PlannerDraft(self)

    def _prefetch(self, layer, request: KeyframeRequest) -> None:
        """Encode this keyframe's description with the script's next ones in one forward pass, so that
        the following requests (one at a time, as the editor's worker sends them) find them ready."""
        if layer.is_cached(request.description):
            return
        ahead = request.descriptions[request.index : request.index + _PREFETCH]
        try:
            layer.prefetch(ahead, [request.background] * len(ahead), [request.emotion] * len(ahead))
        except Exception:  # noqa: BLE001 - the keyframe itself then reports any failure
            pass

    def _propose_one(self, request: KeyframeRequest, learned: bool = True) -> KeyframeResult:
        start = time.perf_counter()
        try:
            plan = self._planner.plan(
                request.description,
                background=request.background,
                emotion=request.emotion,
                context=request.descriptions,
                index=request.index,
                previous=request.previous,
            )
        except Exception as exc:  # a planner bug must not kill a whole script run
            return error_result(
                request,
                f"embedded planner failed: {type(exc).__name__}: {exc}",
                seconds=time.perf_counter() - start,
            )
        values = plan.values
        explanation = list(plan.explanation)
        info: dict = {"understood": sorted(getattr(plan, "understood", ())), "unknown_words": list(getattr(plan, "unknown_words", []))}
        beats = list(getattr(plan, "beats", []) or [])
        if beats:
            info["beats"] = beats
        foreign = language_notice(request.description)
        if foreign:
            explanation.insert(0, f"warning: {foreign}")
            info["language"] = foreign
        layer = self._load_layer() if self._semantic and learned else None
        if layer is not None:
            self._prefetch(layer, request)
            try:
                combined = layer.refine(plan, request.description, request.background, request.emotion)
            except Exception as exc:  # the learned layer must never cost the planner's proposal
                explanation.append(f"semantic: the learned layer failed ({type(exc).__name__}: {exc}); planner values kept")
            else:
                values = combined.values
                explanation.extend(combined.explanation)
                info["semantic"] = combined.info
        elif self._semantic and learned and self.notice:
            info["semantic"] = {"off": self.notice}
        return KeyframeResult(
            values=channels.clamp(values),
            repairs=[],
            explanation=explanation,
            seconds=time.perf_counter() - start,
            index=request.index,
            info=info,
        )

    def close(self) -> None:
        """Nothing to release (the learned layer is shared by the process)."""

    def __repr__(self) -> str:
        return f"EmbeddedBackend(semantic={self._semantic})"


class PlannerDraft:
    """The first stage of an :class:`EmbeddedBackend` in the editor: the planner alone (see
    :meth:`EmbeddedBackend.draft`). The editor's worker tags its results ``info["stage"] = "planner"``."""

    name = "embedded"
    device = "cpu"
    chains_previous = True

    def __init__(self, backend: EmbeddedBackend) -> None:
        self._backend = backend

    def propose(
        self, requests: Sequence[KeyframeRequest], cancel: CancelFn | None = None
    ) -> Iterator[KeyframeResult]:
        return self._backend._proposals(requests, cancel, learned=False)

    def close(self) -> None:
        """Nothing to release (the planner belongs to the backend)."""
