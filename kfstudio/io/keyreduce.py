"""Reducing densely sampled curves (a capture, a baked animation) to sparse linear keys.

:func:`reduce_keys` chooses, for each channel, the samples to keep as keys so that linear
interpolation through them stays within a tolerance of every original sample. It splits
segments at their worst sample, as Ramer-Douglas-Peucker does, but measures the error
vertically (in channel units, at the sample's own time) rather than as a distance in the plane,
because time and channel value have different units. All pending segments of all channels are
processed together, one vectorised pass per level of splitting.
"""

from __future__ import annotations

import numpy as np

__all__ = ["reduce_keys", "evaluate_keys"]


def _check_inputs(times: np.ndarray, values: np.ndarray, tolerance: float | np.ndarray):
    t = np.asarray(times, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    if t.ndim != 1 or t.size == 0:
        raise ValueError(f"times must be a non-empty 1-D array, got shape {t.shape}")
    if v.ndim != 2 or v.shape[0] != t.size:
        raise ValueError(f"values must have shape ({t.size}, channels) to match times, got {v.shape}")
    if not (np.all(np.isfinite(t)) and np.all(np.isfinite(v))):
        raise ValueError("times and values must be finite")
    if np.any(np.diff(t) <= 0):
        raise ValueError("times must be strictly increasing")
    tol = np.asarray(tolerance, dtype=np.float64)
    if tol.ndim == 0:
        tol = np.full(v.shape[1], float(tol))
    if tol.shape != (v.shape[1],):
        raise ValueError(f"tolerance must be a number or have shape ({v.shape[1]},), got {tol.shape}")
    if not np.all(np.isfinite(tol)) or np.any(tol < 0):
        raise ValueError("tolerance must be finite and >= 0")
    return t, v, tol


def _worst_samples(t, rows, channel, start, end):
    """For each segment (channel, start, end) with interior samples: its largest vertical error
    against the line from ``start`` to ``end`` and the index of the first sample reaching it.

    ``rows`` is the values transposed to ``(C, N)`` and flattened, so one channel is contiguous.
    """
    n = t.size
    interior = end - start - 1
    offsets = np.concatenate(([0], np.cumsum(interior)[:-1]))
    segment = np.repeat(np.arange(start.size), interior)
    index = np.arange(segment.size) + np.repeat(start + 1 - offsets, interior)
    base = channel * n
    t0 = t[start]
    v0 = rows[base + start]
    slope = (rows[base + end] - v0) / (t[end] - t0)
    # Same form as np.interp, so the bound holds for whoever checks with it.
    line = np.repeat(slope, interior) * (t[index] - np.repeat(t0, interior)) + np.repeat(v0, interior)
    error = np.abs(rows[index + np.repeat(base, interior)] - line)
    worst = np.maximum.reduceat(error, offsets)
    at_worst = np.flatnonzero(error == np.repeat(worst, interior))
    # at_worst is sorted and segments are contiguous: the first hit of each segment starts a run
    owner = segment[at_worst]
    first = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1])))
    return worst, index[at_worst[first]]


def reduce_keys(times: np.ndarray, values: np.ndarray, tolerance: float | np.ndarray) -> list[np.ndarray]:
    """Indices of the samples to keep as linear keys, per channel.

    ``times`` is ``(N,)`` strictly increasing, ``values`` ``(N, C)`` (C = 61 for a capture) and
    ``tolerance`` a number or a ``(C,)`` array in channel units. Returns ``C`` sorted ``intp``
    arrays; for each channel, linear interpolation through the kept samples (as ``np.interp``
    computes it) differs from every original sample of that channel by at most its tolerance.
    The first and last samples are always kept, so a constant channel keeps exactly those two (one
    when ``N == 1``). The result is not guaranteed to be the fewest keys possible: segments are
    split at their worst sample until every segment is within tolerance.
    """
    t, v, tol = _check_inputs(times, values, tolerance)
    n, n_channels = v.shape
    last = n - 1
    endpoints = np.unique(np.array([0, last], dtype=np.intp))
    if last < 2:
        return [endpoints.copy() for _ in range(n_channels)]
    rows = np.ascontiguousarray(v.T).ravel()
    channel = np.arange(n_channels)
    start = np.zeros(n_channels, dtype=np.intp)
    end = np.full(n_channels, last, dtype=np.intp)
    new_keys = []  # (channel, index) pairs found by splitting
    while channel.size:
        worst, split = _worst_samples(t, rows, channel, start, end)
        over = worst > tol[channel]
        channel, start, end, split = channel[over], start[over], end[over], split[over]
        new_keys.append((channel, split))
        # both halves of each split segment, keeping only those with interior samples
        channel = np.concatenate((channel, channel))
        start, end = np.concatenate((start, split)), np.concatenate((split, end))
        has_interior = end - start > 1
        channel, start, end = channel[has_interior], start[has_interior], end[has_interior]
    return _collect(n_channels, endpoints, new_keys)


def _collect(n_channels: int, endpoints: np.ndarray, new_keys: list) -> list[np.ndarray]:
    """Per channel, the endpoints plus the split indices (each channel's splits are distinct)."""
    channels = np.concatenate([c for c, _ in new_keys])
    indices = np.concatenate([i for _, i in new_keys]).astype(np.intp)
    order = np.lexsort((indices, channels))
    channels, indices = channels[order], indices[order]
    bounds = np.searchsorted(channels, np.arange(n_channels + 1))
    return [
        np.concatenate(([endpoints[0]], indices[bounds[c] : bounds[c + 1]], [endpoints[-1]]))
        for c in range(n_channels)
    ]


def evaluate_keys(times: np.ndarray, values: np.ndarray, keys: list[np.ndarray]) -> np.ndarray:
    """Linear interpolation through each channel's kept samples, at every time of ``times``.

    The inverse check of :func:`reduce_keys`: ``evaluate_keys(t, v, reduce_keys(t, v, tol))``
    differs from ``v`` by at most ``tol`` per channel.
    """
    t = np.asarray(times, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    out = np.empty_like(v)
    for c, k in enumerate(keys):
        out[:, c] = np.interp(t, t[k], v[k, c])
    return out
