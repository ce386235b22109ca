"""Small helpers shared by the ``kfstudio/bench_*.py`` benchmark modules."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

__all__ = ["measure", "result"]


def result(name: str, samples_ms: list[float], target_ms: float | None, unit: str = "ms", **extra) -> dict:
    """A benchmark row: name, unit, median, min, max, target, passed (median within target)."""
    median = statistics.median(samples_ms)
    return {
        "name": name,
        "unit": unit,
        "median": median,
        "min": min(samples_ms),
        "max": max(samples_ms),
        "target": target_ms,
        "passed": True if target_ms is None else median <= target_ms,
        **extra,
    }


def measure(name: str, fn: Callable[[], object], *, target_ms: float | None, repeats: int = 7, warmup: int = 1, **extra) -> dict:
    """Time ``fn`` ``repeats`` times after ``warmup`` untimed calls; returns :func:`result`."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000.0)
    return result(name, samples, target_ms, **extra)
