"""Benchmarks of Live Link Face CSV input/output and key reduction (for ``kfstudio bench``).

Each ``bench_*`` function returns a dict (or a list of dicts) with ``name``, ``unit`` ("ms"),
``median``, ``min``, ``max``, ``target`` and ``passed`` (median within target), timed by
:func:`kfstudio.bench.util.measure` (a warm-up call, then a few repeats). Inputs are generated here, except the real capture in
``../shared/fixtures/`` next to the repository, which is used where present.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from kfstudio.bench.util import is_quick, measure, skipped
from kfstudio.channels import LOWER, NUM_CHANNELS, UPPER
from kfstudio.io.keyreduce import reduce_keys
from kfstudio.io.llf_csv import read_csv, write_csv

__all__ = ["bench_csv_write", "bench_csv_read", "bench_reduce", "bench_csv_export", "FIXTURE"]

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "livelinkface_capture.csv"  # ../shared of a checkout

_TEN_MINUTES_60FPS = 10 * 60 * 60


def _smooth_take(n_frames: int, seed: int = 0) -> np.ndarray:
    """A capture-like take: smoothed random motion within each channel's range."""
    rng = np.random.default_rng(seed)
    walk = np.cumsum(rng.normal(0.0, 0.02, (n_frames, NUM_CHANNELS)), axis=0)
    kernel = np.hanning(9) / np.hanning(9).sum()
    smooth = np.apply_along_axis(lambda column: np.convolve(column, kernel, mode="same"), 0, walk)
    return np.clip(0.5 + 0.5 * np.sin(smooth), LOWER, UPPER)


def bench_csv_write(repeats: int = 5) -> dict:
    """Writing 10 minutes at 60 fps (36,000 rows x 61 channels); target 1 s."""
    values = _smooth_take(_TEN_MINUTES_60FPS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "take.csv"
        result = measure(
            "write Live Link Face CSV, 10 min @ 60 fps",
            lambda: write_csv(path, values, 60.0, start="10:00:00:00.000"),
            target_ms=1000.0,
            repeats=repeats,
            rows=len(values),
        )
        result["bytes"] = path.stat().st_size
    return result


def bench_csv_read(repeats: int = 5) -> list[dict]:
    """Reading 10 minutes at 60 fps written by :func:`write_csv` (target 1.5 s), and the real
    capture in ``../shared/fixtures`` when present (4,030 rows, target 150 ms)."""
    values = _smooth_take(_TEN_MINUTES_60FPS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "take.csv"
        write_csv(path, values, 60.0)
        results = [measure("read Live Link Face CSV, 10 min @ 60 fps", lambda: read_csv(path), target_ms=1500.0, repeats=repeats)]
    if FIXTURE.exists():
        results.append(measure("read Live Link Face CSV, real capture (fixture)", lambda: read_csv(FIXTURE), target_ms=150.0, repeats=repeats))
    return results


def bench_reduce(repeats: int = 5) -> list[dict]:
    """Key reduction at tolerance 0.01: the real capture when present (target 300 ms) and
    10 minutes of capture-like motion at 60 fps (target 2 s)."""
    results = []
    if FIXTURE.exists():
        capture = read_csv(FIXTURE)
        keys = reduce_keys(capture.times, capture.values, 0.01)
        results.append(
            measure(
                "key reduction at 0.01, real capture (fixture)",
                lambda: reduce_keys(capture.times, capture.values, 0.01),
                target_ms=300.0,
                repeats=repeats,
                keys=sum(len(k) for k in keys),
                values=capture.values.size,
            )
        )
    values = _smooth_take(_TEN_MINUTES_60FPS)
    times = np.arange(len(values)) / 60.0
    keys = reduce_keys(times, values, 0.01)
    results.append(
        measure(
            "key reduction at 0.01, 10 min @ 60 fps",
            lambda: reduce_keys(times, values, 0.01),
            target_ms=2000.0,
            repeats=max(1, repeats // 2),
            warmup=0,  # the call above warmed it
            keys=sum(len(k) for k in keys),
            values=values.size,
        )
    )
    return results


def bench_csv_export(fps: float = 60.0) -> list[dict]:
    """CSV export of the head animation through :func:`kfstudio.io.export.export_animation` (curve
    sampling, then the Live Link Face writer) for 2.5, 10 and 40 minutes (1x, 4x, 16x), with the
    same targets as FBX/GLB (:func:`kfstudio.bench.export.export_target_ms`). Quick mode leaves out
    40 minutes."""
    from kfstudio.bench.export import EXPORT_MINUTES, export_target_ms, export_test_animation, take_label
    from kfstudio.io.export import export_animation

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "take.csv"
        for minutes in EXPORT_MINUTES:
            name = f"export CSV {take_label(minutes, fps)}"
            if minutes == EXPORT_MINUTES[-1] and is_quick():
                rows.append(skipped(name, "--quick leaves out the longest take", target=export_target_ms(minutes)))
                continue
            anim = export_test_animation(minutes, fps)
            rows.append(measure(name, lambda: export_animation(anim, path, fps=fps),
                                target_ms=export_target_ms(minutes), repeats=1 if is_quick() else 3))
            rows[-1]["size_mb"] = round(path.stat().st_size / 2**20, 2)
    return rows


if __name__ == "__main__":  # python -m kfstudio.bench.csv
    for bench in (bench_csv_write, bench_csv_read, bench_reduce, bench_csv_export):
        outcome = bench()
        for row in outcome if isinstance(outcome, list) else [outcome]:
            print(row)
