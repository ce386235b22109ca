"""The animation document: semantic keyframes and the 61 curves they define.

A :class:`Keyframe` is a moment of the performance: a time, the description the animator wrote
(or the model was given), the 61 channel values, and per channel

* ``keyed``  — whether this keyframe sets a key on that channel's curve (a keyframe made by a model
  keys all 61; a sparse key made in the curve editor or by a capture reduction keys only some),
* ``locked`` — the animator locked the value: regeneration never changes it,
* ``edited`` — the animator edited the value by hand: regeneration keeps it unless asked to
  re-propose,
* ``interp`` / ``tangent`` / ``in_slope`` / ``out_slope`` — the key's interpolation and tangents.

A keyframe may also *hold* its pose for ``hold`` seconds (a second key with the same values).

The curve of channel *c* is made of the keyframes that key *c*, in time order. The document is the
single source of truth; curves are derived and cached. Edits go through :mod:`.commands` so that each
one is undoable; code that changes a document directly must call :meth:`Animation.touch`.
"""

from __future__ import annotations

import copy
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

import numpy as np

from .. import channels as ch
from .curves import Interp, Tangent, evaluate_keys, resolve_slopes, segment_coefficients

__all__ = ["Keyframe", "Animation", "CurveGroup", "new_uid"]

N = ch.NUM_CHANNELS


_uid_lock = threading.Lock()
_last_uid_stamp = 0


def new_uid() -> str:
    """A new keyframe id: 16 hex digits that sort in creation order.

    Ids break ties between keyframes at the same time (the later-made one wins on a shared
    channel), so keyframes made from script lines keep the script's order; the microsecond clock
    (made strictly increasing within a process) plus a random tail keeps ids unique across processes.
    """
    global _last_uid_stamp
    with _uid_lock:
        stamp = max(time.time_ns() // 1000, _last_uid_stamp + 1)
        _last_uid_stamp = stamp
    return f"{stamp:013x}"[-13:] + f"{secrets.randbelow(16**3):03x}"


def _floats(v, default: float = 0.0) -> np.ndarray:
    a = np.full(N, default, dtype=np.float64) if v is None else np.array(v, dtype=np.float64)
    if a.shape != (N,):
        raise ValueError(f"expected {N} values, got shape {a.shape}")
    return a


def _flags(v, default: bool = False) -> np.ndarray:
    a = np.full(N, default, dtype=bool) if v is None else np.array(v, dtype=bool)
    if a.shape != (N,):
        raise ValueError(f"expected {N} flags, got shape {a.shape}")
    return a


def _codes(v, default: int) -> np.ndarray:
    a = np.full(N, default, dtype=np.int8) if v is None else np.array(v, dtype=np.int8)
    if a.shape != (N,):
        raise ValueError(f"expected {N} codes, got shape {a.shape}")
    return a


class CurveGroup(NamedTuple):
    """The resolved curves of channels that share their key times (see :meth:`Animation.curves`)."""

    times: np.ndarray  # (K,) key times, strictly increasing (holds expanded into a second key)
    channels: np.ndarray  # (C,) channel indices
    values: np.ndarray  # (C, K) key values
    interp: np.ndarray  # (C, K) interpolation of the segment leaving each key (Interp codes)
    slope_in: np.ndarray  # (C, K) effective tangent slopes, value per second
    slope_out: np.ndarray  # (C, K)
    coef: np.ndarray | None  # (4, K-1, C) power-basis segment coefficients (None for < 2 keys)
    may_overshoot: bool  # some key has free tangents (evaluation clamps to the channel range)


@dataclass(eq=False)
class Keyframe:
    """One semantic keyframe (see the module docstring)."""

    time: float
    description: str = ""
    values: np.ndarray = None  # type: ignore[assignment]
    keyed: np.ndarray = None  # type: ignore[assignment]
    locked: np.ndarray = None  # type: ignore[assignment]
    edited: np.ndarray = None  # type: ignore[assignment]
    interp: np.ndarray = None  # type: ignore[assignment]
    tangent: np.ndarray = None  # type: ignore[assignment]
    in_slope: np.ndarray = None  # type: ignore[assignment]
    out_slope: np.ndarray = None  # type: ignore[assignment]
    hold: float = 0.0
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        self.time = float(self.time)
        if not (np.isfinite(self.time) and self.time >= 0.0):
            raise ValueError(f"a keyframe's time must be a number of seconds >= 0, got {self.time!r}")
        self.hold = max(0.0, float(self.hold))
        self.values = ch.clamp(_floats(self.values))
        self.keyed = _flags(self.keyed, True)
        self.locked = _flags(self.locked)
        self.edited = _flags(self.edited)
        self.interp = _codes(self.interp, Interp.BEZIER)
        self.tangent = _codes(self.tangent, Tangent.AUTO_CLAMPED)
        self.in_slope = _floats(self.in_slope)
        self.out_slope = _floats(self.out_slope)

    def copy(self) -> "Keyframe":
        """An independent copy (arrays copied; no re-validation, the source is already valid)."""
        k = object.__new__(Keyframe)
        d = self.__dict__
        k.__dict__.update({name: (v.copy() if isinstance(v, np.ndarray) else v) for name, v in d.items()})
        return k

    def same_as(self, other: "Keyframe") -> bool:
        """Exact equality of every field (used by tests and by commands to skip no-op edits)."""
        return (
            self.uid == other.uid
            and self.time == other.time
            and self.hold == other.hold
            and self.description == other.description
            and all(
                np.array_equal(getattr(self, f), getattr(other, f))
                for f in ("values", "keyed", "locked", "edited", "interp", "tangent", "in_slope", "out_slope")
            )
        )

    def __repr__(self) -> str:
        d = self.description if len(self.description) < 40 else self.description[:37] + "..."
        return f"Keyframe(t={self.time:g}, {d!r}, uid={self.uid})"


class Animation:
    """Keyframes of the 61 channels, with the script they came from and the document settings."""

    def __init__(
        self,
        keyframes: list[Keyframe] | None = None,
        *,
        fps: float = 30.0,
        duration: float | None = None,
        script: str = "",
    ) -> None:
        if not (np.isfinite(fps) and fps > 0):
            raise ValueError(f"fps must be a positive number, got {fps!r}")
        self.fps = float(fps)
        self._duration = None if duration is None else float(duration)
        self.script = script
        self.keyframes: list[Keyframe] = []
        self.channel_locked = np.zeros(N, dtype=bool)
        self.channel_muted = np.zeros(N, dtype=bool)
        self.settings: dict = {}
        self._version = 0
        self._cache_version = -1
        self._cache: list | None = None
        self._listeners: list[Callable[["Animation"], None]] = []
        for k in keyframes or []:
            self.keyframes.append(k)
        self.sort()

    # ----------------------------------------------------------------- change tracking
    @property
    def version(self) -> int:
        """Increases on every change; views compare it to know when to redraw."""
        return self._version

    def touch(self) -> None:
        """Record a change (invalidates cached curves and notifies listeners)."""
        self._version += 1
        for fn in list(self._listeners):
            fn(self)

    def subscribe(self, fn: Callable[["Animation"], None]) -> Callable[[], None]:
        """Call ``fn(animation)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(fn)
        return lambda: self._listeners.remove(fn) if fn in self._listeners else None

    # ----------------------------------------------------------------- keyframes
    def sort(self) -> None:
        """Keep keyframes in a canonical order: by time, then id (creation order, see :func:`new_uid`)."""
        self.keyframes.sort(key=lambda k: (k.time, k.uid))

    def find(self, uid: str) -> Keyframe:
        for k in self.keyframes:
            if k.uid == uid:
                return k
        raise KeyError(f"no keyframe with id {uid!r}")

    def index_of(self, uid: str) -> int:
        for i, k in enumerate(self.keyframes):
            if k.uid == uid:
                return i
        raise KeyError(f"no keyframe with id {uid!r}")

    def keyframe_at(self, time: float, tolerance: float | None = None) -> Keyframe | None:
        """The keyframe within ``tolerance`` (default half a frame) of ``time``, if any."""
        tol = 0.5 / self.fps if tolerance is None else tolerance
        best = None
        for k in self.keyframes:
            if abs(k.time - time) <= tol and (best is None or abs(k.time - time) < abs(best.time - time)):
                best = k
        return best

    @property
    def duration(self) -> float:
        """Length in seconds: the explicit duration, else the end of the last key plus one second."""
        if self._duration is not None:
            return self._duration
        if not self.keyframes:
            return 0.0
        last = max(k.time + k.hold for k in self.keyframes)
        return max(0.0, last) + 1.0

    @duration.setter
    def duration(self, value: float | None) -> None:
        self._duration = None if value is None else float(value)

    @property
    def explicit_duration(self) -> float | None:
        return self._duration

    @property
    def start(self) -> float:
        """Time of the first frame: always 0 (keyframe times are never negative)."""
        return 0.0

    def frame_times(self, fps: float | None = None) -> np.ndarray:
        """Times of every frame from the start to the end (inclusive) at ``fps`` (default the document's)."""
        fps = self.fps if fps is None else float(fps)
        if not (np.isfinite(fps) and fps > 0):
            raise ValueError(f"fps must be a positive number, got {fps!r}")
        start, end = self.start, self.start + self.duration
        count = int(np.floor((end - start) * fps + 1e-9)) + 1
        return start + np.arange(count, dtype=np.float64) / fps

    # ----------------------------------------------------------------- curves
    def curves(self) -> list[CurveGroup]:
        """The 61 curves as evaluated, grouped by shared key times (cached until the next change).

        Exporters use this to write the document's keys with their resolved tangents.
        """
        return self._compiled()

    def _compiled(self) -> list[CurveGroup]:
        if self._cache_version == self._version and self._cache is not None:
            return self._cache
        kfs = sorted(self.keyframes, key=lambda k: k.time)
        # Expand holds into a second key with the same values and flat tangents.
        times, rows = [], []
        for k in kfs:
            times.append(k.time)
            rows.append((k, False))
            if k.hold > 0:
                times.append(k.time + k.hold)
                rows.append((k, True))
        if not rows:
            self._cache, self._cache_version = [], self._version
            return self._cache
        t = np.array(times)
        order = np.argsort(t, kind="stable")
        t = t[order]
        rows = [rows[i] for i in order]
        keyed = np.array([r[0].keyed for r in rows])  # (K, N)
        values = np.array([r[0].values for r in rows])
        interp = np.array([r[0].interp for r in rows])
        tangent = np.array([np.full(N, Tangent.FLAT, dtype=np.int8) if is_hold else k.tangent for k, is_hold in rows])
        s_in = np.array([r[0].in_slope for r in rows])
        s_out = np.array([r[0].out_slope for r in rows])
        # Group channels by their keyed pattern: one searchsorted per distinct set of key times.
        groups: dict[bytes, list[int]] = {}
        for c in range(N):
            groups.setdefault(keyed[:, c].tobytes(), []).append(c)
        compiled = []
        for pattern, chans in groups.items():
            mask = np.frombuffer(pattern, dtype=bool)
            kt = t[mask]
            # Keys at the same time on one channel: the later keyframe wins.
            if kt.size > 1:
                keep = np.append(np.diff(kt) > 0, True)
            else:
                keep = np.ones(kt.size, dtype=bool)
            idx = np.flatnonzero(mask)[keep]
            kt = t[idx]
            cidx = np.array(chans)
            v = values[np.ix_(idx, cidx)].T
            ip = interp[np.ix_(idx, cidx)].T
            tg = tangent[np.ix_(idx, cidx)].T
            si = s_in[np.ix_(idx, cidx)].T
            so = s_out[np.ix_(idx, cidx)].T
            sin, sout = resolve_slopes(kt, v, ip, tg, si, so)
            coef = segment_coefficients(kt, v, ip, sin, sout) if kt.size > 1 else None
            may_overshoot = bool(np.any(tg == Tangent.FREE))
            compiled.append(CurveGroup(kt, cidx, v, ip, sin, sout, coef, may_overshoot))
        self._cache, self._cache_version = compiled, self._version
        return compiled

    @property
    def secondary(self):
        """The secondary-motion settings (:class:`~.secondary.SecondaryMotion`) of ``settings["secondary"]``."""
        from .secondary import SETTINGS_KEY, SecondaryMotion

        return SecondaryMotion.from_dict(self.settings.get(SETTINGS_KEY))

    def evaluate(self, times, *, apply_mute: bool = True, secondary: bool = False, channels=None) -> np.ndarray:
        """Values of all 61 channels at ``times`` (scalar or (T,) array) → (61,) or (T, 61).

        ``channels`` (indices) evaluates only those, in that order → (C,) or (T, C): what a view
        showing a few curves needs.

        Channels with no key are 0 (neutral); muted channels are 0 unless ``apply_mute`` is False.
        With ``secondary`` the secondary-motion layer (blinks, saccades, sway) is added on top when
        the document has it enabled (see :mod:`.secondary`).
        Curves with free tangents are clamped to each channel's range (they may overshoot between
        keys); the other interpolations never leave the range of their keys.
        """
        scalar = np.ndim(times) == 0
        t = np.atleast_1d(np.asarray(times, dtype=np.float64))
        if channels is not None:
            out = self._evaluate_some(t, np.asarray(channels, dtype=np.intp), apply_mute, secondary)
            return out[0] if scalar else out
        compiled = self._compiled()
        if len(compiled) == 1 and compiled[0][1].size == N:
            kt, cidx, v, ip, sin, sout, coef, over = compiled[0]  # every channel shares its keys
            out = evaluate_keys(kt, v, ip, sin, sout, t, coef)
            if not np.array_equal(cidx, np.arange(N)):
                out = out[:, np.argsort(cidx)]
            if over:
                np.clip(out, ch.LOWER, ch.UPPER, out=out)
        else:
            out = np.zeros((t.shape[0], N), dtype=np.float64)
            for kt, cidx, v, ip, sin, sout, coef, over in compiled:
                if kt.size:
                    block = evaluate_keys(kt, v, ip, sin, sout, t, coef)
                    if over:
                        np.clip(block, ch.LOWER[cidx], ch.UPPER[cidx], out=block)
                    out[:, cidx] = block
        if apply_mute and self.channel_muted.any():
            out[:, self.channel_muted] = 0.0
        if secondary:
            motion = self.secondary
            if motion.enabled:
                from .secondary import apply_secondary

                out = apply_secondary(out, t, motion, self.duration)
        return out[0] if scalar else out

    def _evaluate_some(self, t: np.ndarray, channels: np.ndarray, apply_mute: bool, secondary: bool) -> np.ndarray:
        """(T, C) values of some channels (see :meth:`evaluate`)."""
        if secondary and self.secondary.enabled:  # the layer couples channels: evaluate them all
            return self.evaluate(t, apply_mute=apply_mute, secondary=True)[:, channels]
        out = np.zeros((t.shape[0], channels.size), dtype=np.float64)
        for group in self._compiled():
            hit = np.flatnonzero(np.isin(channels, group.channels))  # columns of out in this group
            if not hit.size or not group.times.size:
                continue
            order = np.argsort(group.channels)
            rows = order[np.searchsorted(group.channels[order], channels[hit])]  # rows of the group
            coef = None if group.coef is None else group.coef[:, :, rows]
            block = evaluate_keys(group.times, group.values[rows], group.interp[rows],
                                  group.slope_in[rows], group.slope_out[rows], t, coef)
            if group.may_overshoot:
                np.clip(block, ch.LOWER[channels[hit]], ch.UPPER[channels[hit]], out=block)
            out[:, hit] = block
        if apply_mute:
            out[:, self.channel_muted[channels]] = 0.0
        return out

    def sample(self, fps: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) at every frame, as exported; see :meth:`frame_times`.

        The secondary-motion layer is included when its ``in_export`` setting is on.
        """
        t = self.frame_times(fps)
        values = self.evaluate(t)
        motion = self.secondary
        if motion.in_export:
            from .secondary import apply_secondary

            values = apply_secondary(values, t, motion, self.duration)
        return t, values

    def channel_keys(self, channel: int | str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Key times, values and keyframe ids of one channel's curve (holds excluded)."""
        c = channel if isinstance(channel, (int, np.integer)) else ch.channel_index(channel)
        ks = [k for k in sorted(self.keyframes, key=lambda k: k.time) if k.keyed[c]]
        return (
            np.array([k.time for k in ks], dtype=np.float64),
            np.array([k.values[c] for k in ks], dtype=np.float64),
            [k.uid for k in ks],
        )

    # ----------------------------------------------------------------- snapshots
    def snapshot(self) -> dict:
        """A deep copy of the whole document state (for tests, autosave and crash recovery)."""
        return {
            "fps": self.fps,
            "duration": self._duration,
            "script": self.script,
            "keyframes": [k.copy() for k in self.keyframes],
            "channel_locked": self.channel_locked.copy(),
            "channel_muted": self.channel_muted.copy(),
            "settings": copy.deepcopy(self.settings),
        }

    def same_as(self, other: "Animation") -> bool:
        """Exact equality of document state (keyframe ids included)."""
        if (self.fps, self._duration, self.script) != (other.fps, other._duration, other.script):
            return False
        if not (np.array_equal(self.channel_locked, other.channel_locked) and np.array_equal(self.channel_muted, other.channel_muted)):
            return False
        if self.settings != other.settings or len(self.keyframes) != len(other.keyframes):
            return False
        return all(a.same_as(b) for a, b in zip(self.keyframes, other.keyframes))

    def copy(self) -> "Animation":
        a = Animation([k.copy() for k in self.keyframes], fps=self.fps, duration=self._duration, script=self.script)
        a.channel_locked = self.channel_locked.copy()
        a.channel_muted = self.channel_muted.copy()
        a.settings = copy.deepcopy(self.settings)
        return a

    def __repr__(self) -> str:
        return f"Animation({len(self.keyframes)} keyframes, {self.duration:.2f}s @ {self.fps:g} fps)"
