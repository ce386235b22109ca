"""Small helpers shared by the benchmark modules of :mod:`kfstudio.bench`.

Every row of ``kfstudio bench`` is a dict made here: :func:`measure` (warm-up, then timed repeats),
:func:`result` (from samples measured some other way, e.g. inside a child process) or
:func:`skipped` (a figure that cannot be measured on this machine). :func:`normalise` is what the
runner applies to every row before printing it, so that rows from other modules have the same keys.
"""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable

__all__ = ["QUICK_ENV", "ROW_KEYS", "is_quick", "repeats", "measure", "result", "skipped", "normalise"]

#: set to "1" by ``kfstudio bench --quick``: fewer repetitions, the slowest 16x rows skipped
QUICK_ENV = "KFSTUDIO_BENCH_QUICK"
#: the keys every row has
ROW_KEYS = ("name", "unit", "median", "min", "max", "target", "passed")


def is_quick() -> bool:
    """True when the benchmarks run in quick mode (``kfstudio bench --quick``)."""
    return os.environ.get(QUICK_ENV) == "1"


def repeats(full: int, quick: int) -> int:
    """``quick`` repetitions in quick mode, else ``full``."""
    return quick if is_quick() else full


def result(name: str, samples: list[float], target: float | None, unit: str = "ms", *,
           higher_is_better: bool = False, **extra) -> dict:
    """A benchmark row: name, unit, median, min, max, target and passed.

    ``passed`` is True without a target; otherwise the median must be at most the target (at least
    the target with ``higher_is_better``, e.g. frames per second).
    """
    median = statistics.median(samples)
    if target is None:
        passed = True
    else:
        passed = median >= target if higher_is_better else median <= target
    return {"name": name, "unit": unit, "median": median, "min": min(samples), "max": max(samples),
            "target": target, "passed": bool(passed), **extra}


def measure(name: str, fn: Callable[[], object], *, target_ms: float | None, repeats: int = 7, warmup: int = 1,
            **extra) -> dict:
    """Time ``fn`` ``repeats`` times after ``warmup`` untimed calls; returns :func:`result` in ms."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000.0)
    return result(name, samples, target_ms, **extra)


def skipped(name: str, reason: str, *, unit: str = "ms", target: float | None = None, **extra) -> dict:
    """A row for a figure not measured here (no display, no model, left out by ``--quick``)."""
    return {"name": name, "unit": unit, "median": None, "min": None, "max": None, "target": target,
            "passed": True, "skipped": reason, **extra}


def _plain(value):
    """JSON-safe value: NaN/inf become None, numpy scalars become Python numbers."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def normalise(row: dict, fallback_name: str = "") -> dict:
    """``row`` with every key of :data:`ROW_KEYS` present and JSON-safe values; a skipped row
    has ``passed`` True and no figures (whatever its module put there)."""
    out = {k: _plain(v) for k, v in row.items()}
    out.setdefault("name", fallback_name)
    out.setdefault("unit", "ms")
    for key in ("median", "min", "max", "target"):
        out.setdefault(key, None)
    if out.get("skipped"):
        out.update(median=None, min=None, max=None, passed=True)
    else:
        out["passed"] = bool(out.get("passed", False))
    return out
