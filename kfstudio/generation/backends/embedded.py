"""The ``"embedded"`` backend: the offline rule-based planner behind the :class:`Backend` protocol."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from kfstudio import channels
from kfstudio.generation.backend import CancelFn, KeyframeRequest, KeyframeResult, error_result


class EmbeddedBackend:
    """Proposes keyframes with :class:`kfstudio.generation.planner.EmbeddedPlanner` (no model, CPU)."""

    name = "embedded"
    device = "cpu"
    chains_previous = True  # reads the previous keyframe's values ("more", "holds it", continuity)

    def __init__(self) -> None:
        from kfstudio.generation.planner import EmbeddedPlanner

        self._planner = EmbeddedPlanner()

    def propose(
        self, requests: Sequence[KeyframeRequest], cancel: CancelFn | None = None
    ) -> Iterator[KeyframeResult]:
        for request in requests:
            if cancel is not None and cancel():
                return
            yield self._propose_one(request)

    def _propose_one(self, request: KeyframeRequest) -> KeyframeResult:
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
        return KeyframeResult(
            values=channels.clamp(plan.values),
            repairs=[],
            explanation=list(plan.explanation),
            seconds=time.perf_counter() - start,
            index=request.index,
        )

    def close(self) -> None:
        """Nothing to release."""

    def __repr__(self) -> str:
        return "EmbeddedBackend()"
