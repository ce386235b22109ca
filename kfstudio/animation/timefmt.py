"""Time as animators type and read it: seconds, frames and timecodes (no Qt).

Every place where a time is typed (the script, the inspector's time field, the go-to field) reads it
with :func:`parse_time`, and every panel that shows a time (timeline ruler, curve editor axis,
inspector, status bar) writes it with :func:`format_time` in the user's display mode, so the editor
speaks one language of time.

Accepted forms (case does not matter, spaces are allowed between number and unit):

* seconds: ``1.5``, ``1.5s``, ``1.5 sec``, ``1,5s`` (decimal comma);
* frames at the document's fps: ``45f``, ``45 frames``, ``f45``, ``frame 45``, ``fr 45``;
* a timecode ``HH:MM:SS:FF`` (frames at the document's fps; ``;`` before the frames is accepted);
* a clock time ``[hh:]mm:ss[.fff]``, e.g. ``00:01.5`` or ``1:02:03``.

A time is parsed into a :class:`TimeSpec` (the number and its unit, as typed) and resolved to
seconds with :meth:`TimeSpec.seconds` at the document's fps: a script written in frames keeps its
frames when the fps changes, and :func:`format_like` writes a new time in the style a line used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "DISPLAY_MODES",
    "TimeFormatError",
    "TimeSpec",
    "format_like",
    "format_time",
    "parse_time",
    "parse_time_spec",
]

#: How times are shown: the preference's values.
DISPLAY_MODES = ("seconds", "frames", "timecode")


class TimeFormatError(ValueError):
    """A typed time that cannot be read; the message says what was typed and which forms work."""


HINT = "write 1.5s, 1,5s, 45f, frame 45, f45 or a timecode 00:00:01:15"


@dataclass(frozen=True)
class TimeSpec:
    """A time as it was written.

    ``unit``: ``"s"`` (seconds; ``value`` in seconds), ``"f"`` (frames; ``value`` in frames),
    ``"tc"`` (``HH:MM:SS:FF``: ``value`` whole seconds, ``frames`` the frame part) or ``"clock"``
    (``[hh:]mm:ss.fff``: ``value`` in seconds). ``style`` records how it was spelt, for rewriting:
    ``"s"``, ``"s,"`` (decimal comma), ``"bare"`` (no unit), ``"f"`` (``45f``), ``"fprefix"``
    (``f45``), ``"frame"`` (``frame 45``), ``"tc"``, ``"clock"``.
    """

    value: float
    unit: str = "s"
    frames: float = 0.0
    style: str = "s"
    text: str = ""

    def seconds(self, fps: float) -> float:
        """This time in seconds at ``fps`` frames per second."""
        if self.unit == "f":
            return self.value / fps
        if self.unit == "tc":
            return self.value + self.frames / fps
        return self.value


_NUMBER = r"\d+(?:[.,]\d*)?|[.,]\d+"
_CLOCK = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d+)?"
_TIMECODE = r"\d{1,2}:\d{1,2}:\d{1,2}[:;]\d{1,3}"
_FORMS = [
    ("tc", re.compile(rf"(?P<n>{_TIMECODE})", re.I)),
    ("clock", re.compile(rf"(?P<n>{_CLOCK})", re.I)),
    ("frame", re.compile(rf"(?:frames?|fr)\s*(?P<n>{_NUMBER})", re.I)),
    ("fprefix", re.compile(rf"f\s*(?P<n>{_NUMBER})", re.I)),
    ("f", re.compile(rf"(?P<n>{_NUMBER})\s*(?:frames?|fr|f)\b", re.I)),
    ("s", re.compile(rf"(?P<n>{_NUMBER})\s*(?:seconds?|secs?|s)\b", re.I)),
    ("bare", re.compile(rf"(?P<n>{_NUMBER})", re.I)),
]


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def spec_from_match(style: str, number: str, whole: str = "") -> TimeSpec:
    """A :class:`TimeSpec` from one of the forms' number texts (shared with the script parser)."""
    if style == "tc":
        h, m, s, f = re.split(r"[:;]", number)
        return TimeSpec(int(h) * 3600 + int(m) * 60 + int(s), "tc", float(int(f)), "tc", whole or number)
    if style == "clock":
        total = 0.0
        for part in number.split(":"):
            total = total * 60.0 + _number(part)
        return TimeSpec(total, "clock", 0.0, "clock", whole or number)
    value = _number(number)
    if style in ("frame", "fprefix", "f"):
        return TimeSpec(value, "f", 0.0, style, whole or number)
    comma = "," in number
    if style == "s":
        return TimeSpec(value, "s", 0.0, "s," if comma else "s", whole or number)
    return TimeSpec(value, "s", 0.0, "bare," if comma else "bare", whole or number)


def parse_time_spec(text: str) -> TimeSpec:
    """Read a typed time (see the module docstring); :class:`TimeFormatError` when it is not one."""
    t = " ".join(str(text).split())
    if t.startswith("@"):
        t = t[1:].strip()
    for style, form in _FORMS:
        m = form.fullmatch(t)
        if m:
            return spec_from_match(style, m.group("n"), t)
    if t.startswith("-"):
        raise TimeFormatError(f"{text!r}: a time cannot be negative")
    raise TimeFormatError(f"{text!r} is not a time ({HINT})")


def parse_time(text: str, fps: float) -> float:
    """Seconds from a typed time at ``fps``; :class:`TimeFormatError` for text that is not a time,
    or a timecode whose frame part is not below the fps."""
    spec = parse_time_spec(text)
    if spec.unit == "tc" and spec.frames >= fps:
        raise TimeFormatError(f"{text!r}: frame {spec.frames:g} of a timecode must be below {fps:g} (the fps)")
    seconds = spec.seconds(fps)
    if not math.isfinite(seconds):
        raise TimeFormatError(f"{text!r} is not a finite time")
    return seconds


def _num(x: float, decimals: int = 3) -> str:
    s = f"{x:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def format_time(seconds: float, fps: float, mode: str = "seconds", *, decimals: int = 2, unit: bool = True) -> str:
    """``seconds`` as the display ``mode`` shows it: ``"1.50 s"``, ``"45f"``, ``"00:00:01:15"``.

    ``decimals`` is the number of decimals of seconds; ``unit`` False leaves the unit out (seconds
    and frames), for tight places such as an axis.
    """
    if mode == "frames":
        frames = seconds * fps
        text = str(int(round(frames))) if abs(frames - round(frames)) < 1e-6 else _num(frames, 2)
        return f"{text}f" if unit else text
    if mode == "timecode":
        return timecode(seconds, fps)
    text = f"{seconds:.{decimals}f}"
    return f"{text} s" if unit else text


def timecode(seconds: float, fps: float) -> str:
    """``HH:MM:SS:FF`` at ``fps`` (frames rounded to the nearest frame)."""
    total = int(round(max(0.0, seconds) * fps))
    per_second = max(1, int(round(fps)))
    s, f = divmod(total, per_second)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}:{f:02d}"


def format_like(spec: TimeSpec | None, seconds: float, fps: float) -> str:
    """The number part of a time written in ``spec``'s style (``None``: seconds), for rewriting a
    script line in its own style: ``3.57`` for ``3s`` / ``@1.5`` / ``[1.5]``, ``3,57`` for ``1,5s``,
    ``107`` for ``45f`` / ``frame 45`` / ``f45``, ``00:00:03:17`` for a timecode, ``00:03.57`` for
    a clock time."""
    style = "s" if spec is None else spec.style
    if style in ("f", "fprefix", "frame"):
        return _num(seconds * fps, 2)
    if style == "tc":
        return timecode(seconds, fps)
    if style == "clock":
        m, s = divmod(seconds, 60.0)
        h, m = divmod(int(m), 60)
        sec = _num(s, 3)
        sec = ("0" + sec) if s < 10 else sec
        hours = h or (spec is not None and spec.text.count(":") >= 2)
        return f"{h}:{m:02d}:{sec}" if hours else f"{m:02d}:{sec}"
    text = _num(seconds, 3)
    if (style.startswith("bare") or style.endswith(",")) and "." not in text:
        text += ".0"  # without a unit a time needs its decimal point (``1:`` is a list number);
        # a decimal comma stays visible (``2,0s``)
    return text.replace(".", ",") if style.endswith(",") else text
