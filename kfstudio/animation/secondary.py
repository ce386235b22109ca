"""Secondary motion: the small involuntary movements that keep a face alive between keyframes.

Three procedural layers, generated from a seed so that they are the same every time:

* **blinks** — both lids close and open (about 0.25 s) at a natural rate (adults at rest blink 15–20
  times a minute), never closer than a second apart; a blink only ever closes the lids further
  (``max`` with the animated blink), and is skipped while the eyes are already mostly closed;
* **saccades** — the gaze jumps by a small angle every second or so, moves in about 40 ms, and holds;
  the eye rotations and the matching ``eyeLook*`` shapes move together;
* **head sway** — a slow, small drift of head yaw, pitch and roll (a sum of low-frequency sines).

The layer sits on top of the keyed curves and is edited on its own (:class:`SecondaryMotion`, kept in
``Animation.settings["secondary"]``): it never changes a key. It is off by default; ``enabled`` shows
it in the editor, ``in_export`` bakes it into exports.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np

from .. import channels as ch

__all__ = ["SecondaryMotion", "secondary_layer", "apply_secondary", "SETTINGS_KEY"]

#: Key of the layer's settings in ``Animation.settings``.
SETTINGS_KEY = "secondary"

_EYE_YAW_MAX, _EYE_PITCH_MAX = ch.EYE_LOOK_YAW, ch.EYE_LOOK_PITCH  # radians at which eyeLook* reach 1
_BLINK = [ch.channel_index("EyeBlinkLeft"), ch.channel_index("EyeBlinkRight")]
_EYE_YAW = [ch.channel_index("LeftEyeYaw"), ch.channel_index("RightEyeYaw")]
_EYE_PITCH = [ch.channel_index("LeftEyePitch"), ch.channel_index("RightEyePitch")]
_HEAD = [ch.channel_index("HeadYaw"), ch.channel_index("HeadPitch"), ch.channel_index("HeadRoll")]
# Look shapes per side: (out, in, up, down). Yaw > 0 turns toward the face's right: the right eye
# looks out, the left eye looks in.
_LOOK = {
    "left": [ch.channel_index(n) for n in ("EyeLookOutLeft", "EyeLookInLeft", "EyeLookUpLeft", "EyeLookDownLeft")],
    "right": [ch.channel_index(n) for n in ("EyeLookOutRight", "EyeLookInRight", "EyeLookUpRight", "EyeLookDownRight")],
}


@dataclass
class SecondaryMotion:
    """Settings of the secondary-motion layer (all JSON-friendly)."""

    enabled: bool = False  # shown in the editor
    in_export: bool = False  # baked into exported curves
    blinks: bool = True
    blink_rate: float = 17.0  # blinks per minute
    blink_duration: float = 0.25  # seconds, closing and opening
    saccades: bool = True
    saccade_amplitude: float = 0.05  # radians, typical jump
    saccade_interval: float = 1.3  # mean seconds between jumps
    sway: bool = True
    sway_amplitude: float = 0.025  # head pose units (radians), typical drift
    seed: int = 0

    _LIMITS = {
        "blink_rate": (0.0, 60.0),
        "blink_duration": (0.08, 1.0),
        "saccade_amplitude": (0.0, 0.3),
        "saccade_interval": (0.2, 10.0),
        "sway_amplitude": (0.0, 0.3),
    }

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data) -> "SecondaryMotion":
        """Settings from a dict (a project file's); raises ValueError naming a bad field."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ValueError("secondary motion settings must be an object")
        known = {f.name: f for f in fields(cls)}
        out = cls()
        for name, value in data.items():
            if name not in known:
                raise ValueError(f"secondary.{name}: unknown setting; known: {', '.join(known)}")
            default = getattr(out, name)
            if isinstance(default, bool):
                if not isinstance(value, bool):
                    raise ValueError(f"secondary.{name}: expected true or false, got {value!r}")
            elif isinstance(default, int):
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValueError(f"secondary.{name}: expected an integer, got {value!r}")
            else:
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
                    raise ValueError(f"secondary.{name}: expected a number, got {value!r}")
                lo, hi = cls._LIMITS[name]
                if not lo <= value <= hi:
                    raise ValueError(f"secondary.{name}: {value} is outside [{lo:g}, {hi:g}]")
                value = float(value)
            setattr(out, name, value)
        return out


def _blink_times(rng: np.random.Generator, end: float, m: SecondaryMotion) -> np.ndarray:
    if m.blink_rate <= 0:
        return np.empty(0)
    mean = 60.0 / m.blink_rate
    gaps = np.maximum(1.0, rng.gamma(4.0, mean / 4.0, size=int(end / 1.0) + 2))
    t = 0.4 + np.cumsum(gaps) - gaps[0]
    return t[t < end]


def _blink_curve(t: np.ndarray, starts: np.ndarray, duration: float) -> np.ndarray:
    """Lid closure 0..1: fast close (40% of the time), slower open."""
    out = np.zeros_like(t)
    if starts.size == 0:
        return out
    idx = np.searchsorted(starts, t, side="right") - 1
    valid = idx >= 0
    u = np.where(valid, (t - starts[np.clip(idx, 0, None)]) / duration, -1.0)
    close = (u >= 0) & (u < 0.4)
    open_ = (u >= 0.4) & (u < 1.0)
    out[close] = np.sin(0.5 * np.pi * u[close] / 0.4)
    out[open_] = np.cos(0.5 * np.pi * (u[open_] - 0.4) / 0.6) ** 2
    return out


def _saccades(rng: np.random.Generator, t: np.ndarray, end: float, m: SecondaryMotion) -> tuple[np.ndarray, np.ndarray]:
    """Gaze offsets (yaw, pitch) that jump to a new small target every interval and hold."""
    count = int(end / max(0.2, m.saccade_interval * 0.5)) + 2
    # Separate streams for when and where, so a longer animation only adds saccades at its end.
    when, where = (np.random.default_rng(seed) for seed in rng.integers(0, 2**63, size=2))
    jumps = 0.3 + np.cumsum(when.exponential(m.saccade_interval, size=count).clip(0.25, None))
    targets = where.normal(0.0, m.saccade_amplitude, size=(count + 1, 2)) * [1.0, 0.6]
    targets[0] = 0.0
    move = 0.04  # a saccade takes about 40 ms
    idx = np.searchsorted(jumps, t, side="right")  # target reached after jump idx-1
    frac = np.ones_like(t)
    prev_jump = np.where(idx > 0, jumps[np.clip(idx - 1, 0, None)], -np.inf)
    moving = (t - prev_jump) < move
    frac[moving] = (t[moving] - prev_jump[moving]) / move
    start = targets[np.clip(idx - 1, 0, None)]
    goal = targets[idx]
    start = np.where((idx > 0)[:, None], start, goal)
    off = start + (goal - start) * frac[:, None]
    return off[:, 0], off[:, 1]


def _sway(rng: np.random.Generator, t: np.ndarray, m: SecondaryMotion) -> np.ndarray:
    """(T, 3) slow head yaw/pitch/roll drift."""
    out = np.zeros((t.size, 3))
    for axis, scale in enumerate((1.0, 0.6, 0.5)):
        freqs = rng.uniform(0.07, 0.35, size=3)
        phases = rng.uniform(0, 2 * np.pi, size=3)
        weights = np.array([1.0, 0.5, 0.25])
        wave = (weights[:, None] * np.sin(2 * np.pi * freqs[:, None] * t + phases[:, None])).sum(axis=0)
        out[:, axis] = m.sway_amplitude * scale * wave / weights.sum()
    return out


def secondary_layer(times, motion: SecondaryMotion, duration: float | None = None) -> dict[str, np.ndarray]:
    """The layer's signals at ``times`` (seconds): ``blink`` (T,) in [0, 1], ``gaze`` (T, 2) yaw/pitch
    offsets in radians, ``head`` (T, 3) yaw/pitch/roll offsets. Each part is zero when switched off.

    Deterministic: the same settings and times give the same layer; ``duration`` (default: the last
    time) only bounds how many events are drawn.
    """
    t = np.atleast_1d(np.asarray(times, dtype=np.float64))
    end = float(max(duration or 0.0, t.max(initial=0.0))) + 1.0
    rng = np.random.default_rng([motion.seed, 0x6B66])
    blink_rng, saccade_rng, sway_rng = (np.random.default_rng(s) for s in rng.integers(0, 2**63, size=3))
    layer = {"blink": np.zeros(t.size), "gaze": np.zeros((t.size, 2)), "head": np.zeros((t.size, 3))}
    if motion.blinks:
        layer["blink"] = _blink_curve(t, _blink_times(blink_rng, end, motion), motion.blink_duration)
    if motion.saccades and motion.saccade_amplitude > 0:
        yaw, pitch = _saccades(saccade_rng, t, end, motion)
        layer["gaze"] = np.stack([yaw, pitch], axis=1)
    if motion.sway and motion.sway_amplitude > 0:
        layer["head"] = _sway(sway_rng, t, motion)
    return layer


def _look_shapes(yaw: np.ndarray, pitch: np.ndarray, side: str) -> np.ndarray:
    """(T, 4) eyeLook out/in/up/down of one eye for a gaze (LLF signs: yaw > 0 right, pitch > 0 down)."""
    toward_right = np.clip(yaw / _EYE_YAW_MAX, 0, 1)
    toward_left = np.clip(-yaw / _EYE_YAW_MAX, 0, 1)
    out, inward = (toward_left, toward_right) if side == "left" else (toward_right, toward_left)
    return np.stack([out, inward, np.clip(-pitch / _EYE_PITCH_MAX, 0, 1), np.clip(pitch / _EYE_PITCH_MAX, 0, 1)], axis=1)


def apply_secondary(values: np.ndarray, times, motion: SecondaryMotion, duration: float | None = None) -> np.ndarray:
    """``values`` (T, 61) with the secondary layer on top (a new array, clamped to the ranges)."""
    v = np.array(values, dtype=np.float64, copy=True)
    scalar = v.ndim == 1
    v = np.atleast_2d(v)
    layer = secondary_layer(times, motion, duration)
    blink = layer["blink"]
    if blink.any():
        already_closed = v[:, _BLINK].max(axis=1) > 0.6
        blink = np.where(already_closed, 0.0, blink)
        v[:, _BLINK] = np.maximum(v[:, _BLINK], blink[:, None])
    gaze = layer["gaze"]
    if gaze.any():
        for side, yaw_c, pitch_c in (("left", _EYE_YAW[0], _EYE_PITCH[0]), ("right", _EYE_YAW[1], _EYE_PITCH[1])):
            before = _look_shapes(v[:, yaw_c], v[:, pitch_c], side)
            v[:, yaw_c] += gaze[:, 0]
            v[:, pitch_c] += gaze[:, 1]
            after = _look_shapes(v[:, yaw_c], v[:, pitch_c], side)
            v[:, _LOOK[side]] += after - before  # the look shapes follow the rotation change
    head = layer["head"]
    if head.any():
        v[:, _HEAD] += head
    v = ch.clamp(v)
    return v[0] if scalar else v
