"""Live Link Face captures and the animation document: a capture read as keyframes, an animation written
as one CSV row per frame."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .. import channels as ch
from ..animation import Animation, Interp, Keyframe

__all__ = ["capture_to_animation", "import_capture", "export_csv"]



def capture_to_animation(capture, tolerance: float | None = None, *, source: str = "") -> Animation:
    """An animation from a :class:`~kfstudio.io.llf_csv.Capture`.

    With ``tolerance`` None every frame becomes a keyframe keying all channels (linear
    interpolation reproduces the capture exactly at its frames). With a tolerance, each channel
    keeps only the keys needed for linear interpolation to stay within the tolerance of every
    captured frame (:func:`kfstudio.io.keyreduce.reduce_keys`); keyframes are made at the union of
    those times, each keying only the channels that have a key there.
    """
    from .keyreduce import reduce_keys

    times = np.asarray(capture.times, dtype=np.float64)
    values = ch.clamp(capture.values)
    warnings = list(capture.warnings)
    clamped = int(np.count_nonzero(values != np.asarray(capture.values, dtype=np.float64)))
    if clamped:
        warnings.append(f"{clamped} values outside their channel's range were clamped on import")
    n = len(times)
    keyed = np.ones((n, ch.NUM_CHANNELS), dtype=bool)
    if tolerance is not None:
        keys = reduce_keys(times, values, tolerance)
        keyed[:] = False
        for c, idx in enumerate(keys):
            keyed[idx, c] = True
    linear = np.full(ch.NUM_CHANNELS, Interp.LINEAR, dtype=np.int8)
    kfs = [
        Keyframe(float(times[i]), "", values[i], keyed=keyed[i], interp=linear)
        for i in np.flatnonzero(keyed.any(axis=1))
    ]
    anim = Animation(kfs, fps=capture.fps, duration=float(times[-1] - times[0]) if n else 0.0)
    anim.settings["import"] = {
        "source": source,
        "start": float(capture.start),
        "fps": float(capture.fps),
        "frames": int(n),
        "tolerance": tolerance,
        "missing_channels": list(capture.missing),
        "warnings": warnings,
    }
    return anim


def import_capture(path: str | os.PathLike, tolerance: float | None = None) -> Animation:
    """Read a Live Link Face CSV into an animation (see :func:`capture_to_animation`).

    Raises :class:`kfstudio.io.llf_csv.CSVFormatError` naming the line and column of a bad file.
    """
    from .llf_csv import read_csv

    if tolerance is not None and not (np.isfinite(tolerance) and tolerance >= 0):
        raise ValueError(f"tolerance must be a number >= 0, got {tolerance!r}")
    return capture_to_animation(read_csv(path), tolerance, source=Path(path).name)


def export_csv(anim: Animation, path: str | os.PathLike, fps: float | None = None, start: float | str = 0.0) -> int:
    """Write the animation as Live Link Face CSV, one row per frame; returns the number of rows."""
    from .llf_csv import write_csv

    fps = anim.fps if fps is None else float(fps)
    if not anim.keyframes:
        raise ValueError("the animation has no keyframes: nothing to export")
    _, values = anim.sample(fps)
    write_csv(path, values, fps, start=start)
    return len(values)
