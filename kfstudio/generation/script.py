"""The animator's script: plain text in, a timed sequence of keyframe descriptions out.

A script looks like this::

    Background: A student waits outside an interview room and tries to hide their anxiety.
    Emotion: Anxiety concealed by a restrained smile.

    0.0s: The gaze is lowered, the inner brows lift slightly, and the lips press together.
    1.5s: The gaze rises and both mouth corners form a small restrained smile. (hold 0.5s)
    The eyes close for a moment.

Rules, line by line:

* ``Background:`` / ``Emotion:`` headers, in any case (``Setting``, ``Scene`` and ``Context`` also
  mean background; ``Mood`` and ``Feeling`` mean emotion), separated by ``:``, ``=`` or `` - ``.
* ``#`` at the start of a line or after a space starts a comment; ``\\#`` is a literal ``#``.
  More generally a backslash makes the next character literal: a line starting with ``\\`` is
  never read as a header, bullet or time, and ``\\hold`` is not a hold annotation.
* Bullets ``-``, ``*``, ``+``, ``•`` and ``1.`` / ``1)`` are dropped.
* Time prefixes: ``1.5s:``, ``1.5 s -``, ``1.5 sec:``, ``@1.5``, ``@1.5s``, ``[1.5]``, ``(1.5s)``,
  ``00:01.5`` (``[hh:]mm:ss[.fff]``), ``1.5:`` (a decimal point is needed without a unit, so
  ``1:`` stays a list number), and ranges ``0-1.5s:`` (time 0, hold 1.5 s). A decimal comma
  works too (``1,5s:``). Frames at the document's fps: ``45f:``, ``45 frames -``, ``frame 120:``,
  ``@f120``, ``[45f]``; timecodes ``00:00:01:12`` (``HH:MM:SS:FF``). A bare number with a unit
  needs a separator after it (``:``, ``-``, ``|``, ``)``), so prose such as ``2 seconds later
  she smiles`` is not a time. A line that starts like a time but cannot be read (``45x:``,
  ``@soon``, ``frame ten:``) gets a warning naming it; it is then taken as text.
* Each beat keeps its time as written (:attr:`Beat.spec`, a
  :class:`~kfstudio.animation.timefmt.TimeSpec`) and resolved to seconds at the ``fps`` given to
  :func:`parse_script` (:attr:`Beat.time`).
* Holds: ``(hold 0.5s)`` or ``[hold 0.5]`` anywhere, ``hold 0.5s`` / ``holds for 0.5 seconds``
  at the end of a line, or alone on a line (then it applies to the keyframe above).
* In a *structured* script (one with at least one time or bullet) each remaining line is one
  keyframe; an indented line continues the line above.
* A script without any time or bullet is *prose*: it is split into beats at sentence ends and at
  the clauses joined by ``then``, ``and then``, ``finally``, ``before``, ``after that``,
  ``afterwards``, ``;`` and before ``suddenly``. A line break ends a sentence unless the next line
  starts in lower case. Fragments of fewer than two words stay with the clause before them.

Explicit times that go backwards are not an error: the keyframes are reordered by time (each
untimed line travelling with the timed line above it) and a warning names the lines, so that
:func:`assign_times` can keep every explicit time exactly and still return non-decreasing times.
A negative time or hold is the one contradiction that raises :class:`ScriptError`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy as np

from ..animation.timefmt import HINT as _TIME_HINT
from ..animation.timefmt import TimeSpec, spec_from_match

__all__ = [
    "Beat",
    "Script",
    "ScriptError",
    "parse_script",
    "assign_times",
    "script_to_text",
    "beat_spans",
    "DEFAULT_FPS",
]

#: The fps a script's frames and timecodes are read at when the caller names none.
DEFAULT_FPS = 30.0


class ScriptError(ValueError):
    """Contradictory script input; the message names the source and line."""


@dataclass
class Beat:
    """One keyframe of the script.

    ``time`` and ``hold`` are the seconds the animator wrote (None when not given); ``line`` is the
    1-based source line where the beat starts; ``span`` the (start, end) character offsets of its
    description in the source text. ``line`` and ``span`` say where a beat came from, so they are
    not part of equality (a script equals its re-parsed canonical text).
    """

    description: str
    time: float | None = None
    hold: float | None = None
    line: int = field(default=0, compare=False)
    span: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)
    #: the time as written (unit and style), None when the line has none
    spec: TimeSpec | None = field(default=None, compare=False, repr=False)
    #: source offsets of the time's number (and of a range's end): where a new time is written
    time_span: tuple[int, int] | None = field(default=None, compare=False, repr=False)
    end_span: tuple[int, int] | None = field(default=None, compare=False, repr=False)


@dataclass
class Script:
    """A parsed script: header texts, the beats in time order, and human-readable warnings."""

    background: str = ""
    emotion: str = ""
    beats: list[Beat] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list, compare=False)

    @property
    def descriptions(self) -> list[str]:
        return [b.description for b in self.beats]


# --------------------------------------------------------------------------- patterns

_NUM = r"\d+(?:[.,]\d*)?|\.\d+"
_TC = r"\d{1,2}:\d{1,2}:\d{1,2}[:;]\d{1,3}"  # HH:MM:SS:FF
_TIMECODE = rf"{_TC}|(?:\d+:)?\d{{1,2}}:\d{{1,2}}(?:[.,]\d+)?"
_UNIT = r"(?P<unit>seconds?|secs?|s|frames?|fr|f)\b"
_SEP = r"(?:[:\-–—|)]|\.(?=\s))"
_VALUE = rf"(?P<neg>-)?(?P<t>{_TIMECODE}|{_NUM})"
_RANGE = rf"(?:\s*(?:-|–|—|to)\s*(?P<end>{_TIMECODE}|{_NUM})\s*(?:{_UNIT.replace('unit', 'eunit')})?)?"
_FRAME_WORD = r"(?P<fword>frames?|fr)\s*"

_TIME_FORMS = [
    # [1.5] (1.5s) [00:01.5] [0-1.5s] [45f] (frame 45)
    re.compile(rf"[\[(]\s*(?:{_FRAME_WORD})?{_VALUE}\s*(?:{_UNIT})?{_RANGE}\s*[\])]\s*(?:{_SEP}\s*)?", re.I),
    # @1.5  @ 1.5s:  @f120  @120f
    re.compile(rf"@\s*(?P<fpre>f\s*)?{_VALUE}\s*(?:{_UNIT})?{_RANGE}\s*(?:{_SEP}\s*|\s+|$)", re.I),
    # frame 120:  frames 45 -
    re.compile(rf"{_FRAME_WORD}{_VALUE}\s*(?:{_SEP}\s*|$)", re.I),
    # 00:01.5:  1:02.5 -  00:01.5 text  00:00:01:12
    re.compile(rf"(?P<neg>-)?(?P<t>{_TIMECODE}){_RANGE}\s*(?:{_SEP}\s*|\s+|$)", re.I),
    # 0-1.5s:  (a range with the unit after its end)
    re.compile(rf"{_VALUE}\s*(?:-|–|—|to)\s*(?P<end>{_NUM})\s*{_UNIT}\s*(?:{_SEP}\s*|$)", re.I),
    # 1.5s:  1.5 s -  2 seconds |  45f:  1,5s:
    re.compile(rf"{_VALUE}\s*{_UNIT}{_RANGE}\s*(?:{_SEP}\s*|$)", re.I),
    # 1.5:  1,5:  (a decimal point or comma is required without a unit)
    re.compile(rf"(?P<neg>-)?(?P<t>\d*[.,]\d+|\d+[.,]\d*){_RANGE}\s*:\s*", re.I),
]
#: The start of a line that looks like a time but is none of the forms above (warned about).
_TIMEISH = re.compile(
    r"(?P<x>@\s*\S+|[\[(]\s*\d[^\])]{0,16}[\])]|(?:frames?|fr)\s+[^\s:]+|\d[\d.,:;]*\s*[^\W\d_]{1,8})\s*[:|]"
    r"|(?P<y>\d+(?:[.,:;]\d+){2,}[.,:;]?\d*)\s*[:|\-]|(?P<z>@\S+)(?=\s|$)", re.I
)
_BULLET = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s+")
_HEADER = re.compile(
    r"(?P<key>background|setting|scene|context|emotions?|mood|feelings?)\s*(?:[:=]|\s[-–—]\s)\s*", re.I
)
_HEADER_FIELD = {"background": "background", "setting": "background", "scene": "background",
                 "context": "background", "emotion": "emotion", "emotions": "emotion", "mood": "emotion",
                 "feeling": "emotion", "feelings": "emotion"}
_HOLD_NUM = rf"(?P<neg>-)?(?P<h>{_NUM})\s*(?:{_UNIT})?"
_HOLD_BRACKET = re.compile(rf"\s*[\[(]\s*(?<!\\)\bholds?(?:\s+for)?\s*[:=]?\s*{_HOLD_NUM}\s*[\])]", re.I)
_HOLD_END = re.compile(rf"[\s,;]*(?<!\\)\bholds?(?:\s+for)?\s*[:=]?\s*{_HOLD_NUM}\s*[.!]?\s*$", re.I)
_HOLD_ALONE = re.compile(rf"\s*[\[(]?\s*holds?(?:\s+for)?\s*[:=]?\s*{_HOLD_NUM}\s*[\])]?\s*[.!]?\s*$", re.I)

_CONNECTIVE = re.compile(
    r"\s*;\s*|,?\s+(?:and\s+)?(?:then|finally|after\s+that|afterwards|before)\b,?\s*(?=\w)|,?\s+(?:and\s+)?(?=suddenly\b)",
    re.I,
)
_LEADING_CONNECTIVE = re.compile(r"^(?:and\s+then|then|finally|after\s+that|afterwards)\b,?\s*", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n\s*\n\s*|\n(?=\s*[^a-z\s])")


# --------------------------------------------------------------------------- small helpers


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _clean(text: str) -> str:
    return " ".join(_unescape(text).split())


def _comment_start(line: str) -> int:
    """Index of the first unescaped ``#`` at the start or after whitespace, else len(line)."""
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c == "#" and (i == 0 or line[i - 1].isspace()):
            return i
        i += 1
    return len(line)


#: Longest time or hold a script may name (a day); larger numbers are typing slips.
MAX_SECONDS = 86_400.0


def _seconds(text: str) -> float:
    """Seconds from ``1.5`` or a ``[hh:]mm:ss[.fff]`` timecode (may be huge: see :func:`_checked`)."""
    total = 0.0
    for part in text.split(":"):
        total = total * 60.0 + float(part)
    return total


def _checked(seconds: float, what: str, text: str, where: str, number: int) -> float:
    """``seconds`` if it is a usable time, else a ScriptError naming the line."""
    if not (seconds <= MAX_SECONDS):  # also catches inf and nan
        raise ScriptError(f"{where}, line {number}: {what} {text} is too large (at most {MAX_SECONDS:g} s)")
    return seconds


class _Lines:
    """Maps character offsets of the source to 1-based line numbers."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


# --------------------------------------------------------------------------- line analysis


@dataclass
class _Line:
    number: int
    kind: str  # "blank", "header", "hold", "beat"
    start: int = 0  # description span in the source
    end: int = 0
    time: float | None = None
    hold: float | None = None
    spec: TimeSpec | None = None
    time_span: tuple[int, int] | None = None
    end_span: tuple[int, int] | None = None
    field_name: str = ""  # header field
    marked: bool = False  # had a time or bullet
    indented: bool = False


def _analyse(raw: str, offset: int, number: int, where: str, fps: float = DEFAULT_FPS,
             warnings: list[str] | None = None) -> _Line:
    """Classify one source line; description offsets are absolute in the source."""
    body_end = _comment_start(raw)
    body = raw[:body_end].rstrip()
    stripped = body.lstrip()
    if not stripped:
        return _Line(number, "blank")
    pos = len(body) - len(stripped)
    line = _Line(number, "beat", indented=pos > 0)
    if stripped.startswith("\\"):
        line.start, line.end = offset + pos, offset + len(body)
        return line
    m = _HEADER.match(stripped)
    if m:
        line.kind, line.field_name = "header", _HEADER_FIELD[m.group("key").lower()]
        line.start, line.end = offset + pos + m.end(), offset + len(body)
        return line
    m = _HOLD_ALONE.match(stripped)
    if m:
        line.kind, line.hold = "hold", _hold_value(m, where, number)
        return line
    m = _BULLET.match(stripped)
    if m:
        pos, line.marked = pos + m.end(), True
    start = pos
    pos, line.time, hold, m = _time_prefix(body, pos, where, number, fps, warnings)
    if m is not None:
        line.spec = _spec(m, fps)
        line.time_span = (offset + m.start("t"), offset + m.end("t"))
        if m.groupdict().get("end"):
            line.end_span = (offset + m.start("end"), offset + m.end("end"))
    elif warnings is not None:
        bad = _TIMEISH.match(body, start)
        token = bad and (bad.group("x") or bad.group("y") or bad.group("z") or "").strip()
        if token:
            warnings.append(f"{where}, line {number}: {token!r} looks like a time but cannot be read ({_TIME_HINT}); "
                            "the line is taken as text")
    line.marked = line.marked or line.time is not None
    end, line.hold = _hold_suffix(body, pos, where, number)
    line.hold = hold if line.hold is None else line.hold
    line.start, line.end = offset + pos, offset + end
    return line


def _spec(m: re.Match, fps: float) -> TimeSpec:
    """The time of a matched prefix as written (see :class:`TimeSpec`)."""
    t = m.group("t")
    groups = m.groupdict()
    if re.fullmatch(_TC, t):
        style = "tc"
    elif ":" in t:
        style = "clock"
    elif groups.get("fword"):
        style = "frame"
    elif groups.get("fpre"):
        style = "fprefix"
    elif (groups.get("unit") or "").lower().startswith("f"):
        style = "f"
    elif groups.get("unit"):
        style = "s"
    else:
        style = "bare"
    return spec_from_match(style, t, m.group(0).strip())


def _time_prefix(body: str, pos: int, where: str, number: int, fps: float = DEFAULT_FPS,
                 warnings: list[str] | None = None) -> tuple[int, float | None, float | None, re.Match | None]:
    """Parse a time prefix at ``pos``: (position after it, time in seconds, hold from a range, match)."""
    if body[pos : pos + 1] == "\\":
        return pos, None, None, None
    for form in _TIME_FORMS:
        m = form.match(body, pos)
        if not m:
            continue
        if m.group("neg"):
            raise ScriptError(f"{where}, line {number}: negative time -{m.group('t')} (times start at 0)")
        spec = _spec(m, fps)
        if spec.unit == "tc" and spec.frames >= fps and warnings is not None:
            warnings.append(f"{where}, line {number}: timecode {m.group('t')}: frame {spec.frames:g} is not below "
                            f"{fps:g} (the fps); read as {spec.seconds(fps):g} s")
        time = _checked(spec.seconds(fps), "time", m.group("t"), where, number)
        hold = None
        if m.groupdict().get("end"):
            eunit = (m.groupdict().get("eunit") or m.groupdict().get("unit") or "").lower()
            end_style = "f" if eunit.startswith("f") and ":" not in m.group("end") else ("tc" if re.fullmatch(_TC, m.group("end")) else "clock" if ":" in m.group("end") else "s")
            end = _checked(spec_from_match(end_style, m.group("end")).seconds(fps), "time", m.group("end"), where, number)
            if end < time:
                raise ScriptError(f"{where}, line {number}: time range {m.group('t')}-{m.group('end')} goes backwards")
            hold = end - time
        return m.end(), time, hold, m
    return pos, None, None, None


def _hold_suffix(body: str, pos: int, where: str, number: int) -> tuple[int, float | None]:
    """Find a hold annotation in ``body[pos:]``: (end of the description, hold)."""
    m = _HOLD_BRACKET.search(body, pos)
    if m:
        hold = _hold_value(m, where, number)
        rest = body[m.end() :].strip()
        if not rest:
            return m.start(), hold
        return len(body), hold  # annotation mid-line: the caller removes it from the text
    m = _HOLD_END.search(body, pos)
    if m and m.start() > pos:
        return m.start(), _hold_value(m, where, number)
    return len(body), None


def _hold_value(m: re.Match, where: str, number: int) -> float:
    if m.group("neg"):
        raise ScriptError(f"{where}, line {number}: negative hold -{m.group('h')}")
    return _checked(float(m.group("h")), "hold", m.group("h"), where, number)


def _description(text: str, start: int, end: int) -> str:
    """Description text of a span: bracketed hold annotations removed, escapes undone, spaces collapsed."""
    return _clean(_HOLD_BRACKET.sub("", text[start:end]))


# --------------------------------------------------------------------------- parsing


def parse_script(text: str, source: str = "<script>", fps: float = DEFAULT_FPS) -> Script:
    """Parse a script (see the module docstring for the rules); frames and timecodes are read at
    ``fps`` (the document's).

    Never raises on prose. Raises :class:`ScriptError` naming ``source`` and the line for a
    negative time or hold, or a time range that goes backwards. Everything else that looks
    doubtful (duplicate headers, reordered times, times without descriptions) becomes a warning.
    """
    if not isinstance(text, str):
        raise ScriptError(f"{source}: a script must be text, not {type(text).__name__}")
    lines = []
    offset = 0
    time_warnings: list[str] = []
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        content = raw.rstrip("\r\n")
        lead = 1 if number == 1 and content.startswith("\ufeff") else 0
        lines.append(_analyse(content[lead:], offset + lead, number, source, fps, time_warnings))
        offset += len(raw)
    script = Script()
    script.warnings.extend(time_warnings)
    structured = any(l.marked for l in lines)
    beats = _structured_beats(text, lines, script, source) if structured else _prose_beats(text, lines, script, source)
    script.beats = _order_by_time(beats, script, source)
    if not script.beats:
        script.warnings.append(f"{source}: no keyframe descriptions found")
    if structured:
        script.warnings.extend(_change_hints(script.beats, source))
    return script


#: Words that tell a sequence of states in one line (the ones a hint is given for).
_NARRATION = re.compile(r"\b(?:at first|initially|then|by the end|in the end|finally|afterwards)\b|->|→", re.IGNORECASE)


def _change_hints(beats: list[Beat], source: str) -> list[str]:
    """A hint for each line that narrates a change ("at first ..., then ..., by the end ..."): its one
    keyframe shows where the description ends; each beat can have a line (and a keyframe) of its own."""
    from .planner.text import split_change_beats

    hints = []
    for beat in beats:
        if not _NARRATION.search(beat.description):  # "X fades into Y" alone describes its end state
            continue
        parts = split_change_beats(beat.description)
        if parts:
            shown = " | ".join(p.rstrip(".") for p in parts)
            hints.append(f"{source}, line {beat.line}: narrates a change in {len(parts)} beats ({shown}); its keyframe "
                         f"shows the last. Split the line (Edit › Split line into beats) to key each one")
    return hints


def _set_header(script: Script, name: str, value: str, where: str) -> None:
    old = getattr(script, name)
    if old and value:
        script.warnings.append(f"{where}: a second {name} header: appended to the first")
        value = f"{old} {value}"
    setattr(script, name, value or old)


def _structured_beats(text: str, lines: list[_Line], script: Script, source: str) -> list[Beat]:
    beats: list[Beat] = []
    last: Beat | str | None = None  # the beat or header field that an indented line continues
    header_span: dict[str, tuple[int, int]] = {}
    for line in lines:
        where = f"{source}, line {line.number}"
        if line.kind == "blank":
            last = None
            continue
        if line.kind == "header":
            header_span[line.field_name] = (line.start, line.end)
            _set_header(script, line.field_name, _description(text, line.start, line.end), where)
            last = line.field_name
            continue
        if line.kind == "hold":
            if beats:
                beats[-1].hold = line.hold
            else:
                script.warnings.append(f"{where}: hold with no keyframe above it: ignored")
            continue
        description = _description(text, line.start, line.end)
        pending = beats and not beats[-1].description
        if not line.marked and (line.indented or pending) and last is not None:
            if isinstance(last, str):  # continues a header
                setattr(script, last, f"{getattr(script, last)} {description}".strip())
            else:
                _extend(last, description, line, text)
            continue
        beat = Beat(description, line.time, line.hold, line.number, (line.start, line.end),
                    line.spec, line.time_span, line.end_span)
        beats.append(beat)
        last = beat
    for beat in [b for b in beats if not b.description]:
        script.warnings.append(f"{source}, line {beat.line}: a time with no description: ignored")
    return [b for b in beats if b.description]


def _extend(beat: Beat, description: str, line: _Line, text: str) -> None:
    beat.description = f"{beat.description} {description}".strip()
    beat.span = (beat.span[0] if beat.span[1] > beat.span[0] else line.start, line.end)
    if line.hold is not None:
        beat.hold = line.hold


def _prose_beats(text: str, lines: list[_Line], script: Script, source: str) -> list[Beat]:
    """Split unstructured text into beats: sentences, then clauses joined by sequence words."""
    regions: list[tuple[int, int]] = []
    pending_hold: dict[int, float] = {}
    for line in lines:
        where = f"{source}, line {line.number}"
        if line.kind == "header":
            _set_header(script, line.field_name, _description(text, line.start, line.end), where)
        elif line.kind == "hold":
            if not regions:
                script.warnings.append(f"{where}: hold with no keyframe above it: ignored")
            elif line.hold is not None:
                pending_hold[len(regions) - 1] = line.hold
        elif line.kind == "beat":
            if line.hold is not None:
                pending_hold[len(regions)] = line.hold
            regions.append((line.start, line.end))
        else:
            regions.append((-1, -1))  # paragraph break
    index = _Lines(text)
    beats: list[Beat] = []
    hold_at_region_end = {regions[r][1]: h for r, h in pending_hold.items()}
    for start, end in _clauses(text, regions):
        description = _LEADING_CONNECTIVE.sub("", _description(text, start, end))
        if not description:
            continue
        description = description[0].upper() + description[1:]
        beats.append(Beat(description, None, None, index.line(start), (start, end)))
    _attach_holds(beats, hold_at_region_end)
    return beats


def _attach_holds(beats: list[Beat], hold_at_region_end: dict[int, float]) -> None:
    """A hold written on a prose line applies to the last beat that ends on that line."""
    for region_end, hold in hold_at_region_end.items():
        candidates = [b for b in beats if b.span[1] <= region_end]
        if candidates:
            candidates[-1].hold = hold


def _clauses(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Source spans of the prose clauses, found on a buffer of the description regions."""
    buffer, starts, sources = _prose_buffer(text, regions)

    def to_source(i: int) -> int:
        k = max(0, bisect.bisect_right(starts, i) - 1)
        return sources[k] + (i - starts[k])

    spans = []
    for s_start, s_end in _split(buffer, 0, len(buffer), _SENTENCE_END):
        merged = _merge_fragments(buffer, _split(buffer, s_start, s_end, _CONNECTIVE))
        spans += [(to_source(a), to_source(b - 1) + 1) for a, b in merged]
    return spans


def _merge_fragments(buffer: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces of fewer than two words to the next piece of the sentence (the last: to the one before)."""
    merged: list[tuple[int, int]] = []
    carry = None  # start of a fragment waiting for the next piece
    for start, end in pieces:
        if carry is not None:
            start, carry = carry, None
        if len(buffer[start:end].split()) < 2:
            carry = start
            continue
        merged.append((start, end))
    if carry is not None:
        if merged:
            merged[-1] = (merged[-1][0], pieces[-1][1])
        else:
            merged.append((carry, pieces[-1][1]))
    return merged


def _prose_buffer(text: str, regions: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """Join the regions (paragraph breaks as blank lines); returns the buffer and an offset map."""
    parts: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    length = 0
    for start, end in regions:
        piece = "\n\n" if start < 0 else text[start:end]
        if parts and start >= 0 and not parts[-1].endswith("\n"):
            parts.append("\n")
            length += 1
        starts.append(length)
        sources.append(start if start >= 0 else (sources[-1] if sources else 0))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), starts, sources


def _split(buffer: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    """Non-empty (start, end) pieces of ``buffer[start:end]`` between matches of ``pattern``."""
    pieces, pos = [], start
    for m in pattern.finditer(buffer, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    out = []
    for a, b in pieces:
        while a < b and buffer[a].isspace():
            a += 1
        while b > a and buffer[b - 1].isspace():
            b -= 1
        if b > a and re.search(r"\w", buffer[a:b]):
            out.append((a, b))
    return out


def _order_by_time(beats: list[Beat], script: Script, source: str) -> list[Beat]:
    """Reorder groups (a timed beat and the untimed beats after it) so explicit times never go back."""
    groups: list[list[Beat]] = []
    for beat in beats:
        if beat.time is not None or not groups:
            groups.append([beat])
        else:
            groups[-1].append(beat)
    latest: tuple[float, int] | None = None  # (time, line) of the latest timed group so far
    backwards = []
    for group in groups:
        t = group[0].time
        if t is None:
            continue
        if latest is not None and t < latest[0]:
            backwards.append(f"line {group[0].line} ({t:g} s) comes before line {latest[1]} ({latest[0]:g} s)")
        elif latest is not None and t == latest[0]:
            script.warnings.append(f"{source}, line {group[0].line}: same time as line {latest[1]} ({t:g} s)")
        if latest is None or t >= latest[0]:
            latest = (t, group[0].line)
    if not backwards:
        return beats
    script.warnings.append(f"{source}: times go backwards ({'; '.join(backwards)}): keyframes reordered by time")
    lead = [] if groups[0][0].time is not None else [groups.pop(0)]
    groups.sort(key=lambda g: g[0].time or 0.0)  # every group left is timed; stable: equal times keep their order
    return [b for g in lead + groups for b in g]


# --------------------------------------------------------------------------- timing


def assign_times(
    script: Script, *, min_gap: float = 0.4, seconds_per_word: float = 0.12, default_hold: float = 0.3
) -> list[float]:
    """Seconds for every beat: explicit times kept exactly, the others filled in.

    The natural gap from beat *i* to beat *i + 1* is beat *i*'s hold (``default_hold`` when not
    given) plus the time to perform the change the next description asks for:
    ``max(min_gap, seconds_per_word * words)``. A beat without a time gets 0 when it is first;
    untimed beats between two explicit times share the interval in proportion to their natural gaps;
    untimed beats after the last explicit time follow at their natural gaps. The result is
    non-decreasing because :func:`parse_script` orders beats by their explicit times.
    """
    beats = script.beats
    n = len(beats)
    if n == 0:
        return []
    words = np.array([len(b.description.split()) for b in beats], dtype=np.float64)
    holds = np.array([default_hold if b.hold is None else b.hold for b in beats], dtype=np.float64)
    gaps = holds[:-1] + np.maximum(min_gap, seconds_per_word * words[1:])  # gaps[i]: beat i -> i + 1
    times = np.full(n, np.nan)
    explicit = np.array([b.time is not None for b in beats])
    times[explicit] = [b.time for b in beats if b.time is not None]
    if not explicit[0]:
        times[0] = 0.0
    anchors = np.flatnonzero(~np.isnan(times))
    offsets = np.concatenate([[0.0], np.cumsum(gaps)])  # natural time of each beat from beat 0
    for a, b in zip(anchors[:-1], anchors[1:]):
        if b > a + 1:
            natural = offsets[a : b + 1] - offsets[a]
            times[a + 1 : b] = times[a] + (times[b] - times[a]) * natural[1:-1] / natural[-1]
    last = anchors[-1]
    times[last + 1 :] = times[last] + offsets[last + 1 :] - offsets[last]
    filled = np.round(times, 3)
    filled = np.maximum.accumulate(np.where(explicit, times, filled))
    return [float(b.time) if e and b.time is not None else float(t) for t, e, b in zip(filled, explicit, beats)]


# --------------------------------------------------------------------------- writing


def _format_seconds(t: float) -> str:
    return np.format_float_positional(float(t), trim="0")


def _escape(text: str) -> str:
    """Escape a description so that it reads back as itself in a beat line."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"(^|\s)#", r"\1\\#", text)
    text = re.sub(r"(?i)\b(holds?)\b", lambda m: "\\" + m.group(1), text) if _HOLD_END.search(text) or _HOLD_BRACKET.search(text) else text
    hazard = re.match(r"[\[(@\-–—.\d]|[-*+•]\s", text) or _HEADER.match(text) or _HOLD_ALONE.match(text)
    if hazard and not text.startswith("\\"):  # a leading backslash already makes the line literal
        text = "\\" + text
    return text


def script_to_text(script: Script) -> str:
    """Canonical text of a script; ``parse_script(script_to_text(s))`` gives back ``s``.

    Headers first, a blank line, then one line per beat: ``1.5s: description (hold 0.5s)`` for a
    timed beat and ``- description`` for an untimed one. Text that would read as markup is escaped.
    """
    out = []
    if script.background:
        out.append(f"Background: {_escape_header(script.background)}")
    if script.emotion:
        out.append(f"Emotion: {_escape_header(script.emotion)}")
    if out:
        out.append("")
    for beat in script.beats:
        prefix = "- " if beat.time is None else f"{_format_seconds(beat.time)}s: "
        hold = "" if beat.hold is None else f" (hold {_format_seconds(beat.hold)}s)"
        out.append(prefix + _escape(_clean_for_output(beat.description)) + hold)
    return "\n".join(out) + "\n"


def _clean_for_output(text: str) -> str:
    return " ".join(text.split())


def _escape_header(text: str) -> str:
    return re.sub(r"(^|\s)#", r"\1\\#", " ".join(text.replace("\\", "\\\\").split()))


def beat_spans(text: str, source: str = "<script>") -> list[tuple[int, int]]:
    """(start, end) character offsets in ``text`` of each beat's description, in beat order.

    For the editor to highlight the beat under the playhead. A script that does not parse
    (:class:`ScriptError`) has no spans.
    """
    try:
        return [b.span for b in parse_script(text, source).beats]
    except ScriptError:
        return []
