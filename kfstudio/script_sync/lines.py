"""Keyframe edits written back into the script's lines (no Qt): a new description, a new time.

The script is the animator's text, so a change made elsewhere (the inspector's description field, a
keyframe dragged on the timeline or in the curve editor) rewrites the line it belongs to, in that
line's own style: ``3s:`` becomes ``3.57s:``, ``@1.5`` becomes ``@3.57``, ``[1.5]`` ``[3.57]``,
``45f:`` ``107f:``, ``frame 45:`` ``frame 107:``, ``1,5s:`` ``3,57s:``, a timecode stays a timecode.
Each function returns the new script text (the caller puts it in the same undo step as the change)
or ``None`` when the script cannot take the change (it does not parse, no longer matches the
keyframes, or would not read back as intended).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..animation import Animation
from ..animation import commands as cmd
from ..animation.commands import Edit
from ..animation.timefmt import TimeSpec, format_like
from .sync import script_keyframes

__all__ = ["LineKey", "split_into_beats", "describe_keyframe", "line_keys", "retime_edit", "script_with_description",
           "script_with_times", "time_prefix"]


@dataclass(frozen=True)
class LineKey:
    """What a script keyframe was when its script last matched it (taken before a drag)."""

    uid: str
    description: str
    time: float


def line_keys(anim: Animation) -> list[LineKey]:
    """The script keyframes of ``anim`` as :class:`LineKey` (cheap: taken at every drag start)."""
    return [LineKey(k.uid, k.description, k.time) for k in script_keyframes(anim)]


def retime_edit(anim: Animation, before: Sequence[LineKey]) -> Edit | None:
    """After script keyframes moved (``before``: as they were), the edit rewriting their lines to the
    new times in each line's own style (None when no line needs it, or the script cannot take it)."""
    old = {k.uid: k.time for k in before}
    moved = {k.uid: k.time for k in anim.keyframes if k.uid in old and k.time != old[k.uid]}
    if not moved:
        return None
    new = script_with_times(anim.script, anim.fps, before, moved)
    return None if new is None else cmd.set_document(anim, "Retime script lines", script=new)


def describe_keyframe(anim: Animation, uid: str, text: str) -> tuple[str | None, Edit | None]:
    """How to describe keyframe ``uid`` as ``text`` in the script and the keyframe.

    A keyframe from the script: ``(new script text, None)``, to be synced (the keyframe keeps its
    id, locks and hand edits; it and its neighbours are then refined). A keyframe made by hand:
    ``(None, edit)`` giving it the description and a new line. ``(None, None)`` when the script
    cannot take it (no line for it, or the text would not read back as one line).
    """
    new = script_with_description(anim, uid, text)
    if new is None:
        return None, None
    k = anim.find(uid)
    if k.description.strip():
        return new, None
    described = k.copy()
    described.description = " ".join(text.split())
    return None, cmd.make_edit(anim, "Describe keyframe", [described], script=new)


def script_with_description(anim: Animation, uid: str, text: str) -> str | None:
    """The document's script with keyframe ``uid``'s line describing it as ``text`` instead.

    A keyframe from the script (it has a description) gets its beat's description replaced in place;
    a keyframe made by hand gets a new line, ``<time>s: <text>`` (in the script's own time style),
    inserted among the beats by time. None when the script does not parse or no longer matches the
    keyframes (then there is no line to change), or when ``text`` would not read back as one beat
    with exactly that description.
    """
    from ..generation.script import ScriptError, parse_script

    text = " ".join(text.split())
    script = anim.script
    described = script_keyframes(anim)
    try:
        beats = parse_script(script, fps=anim.fps).beats if script.strip() else []
    except ScriptError:
        return None
    if len(beats) != len(described) or not text:
        return None
    k = anim.find(uid)
    if k.description.strip():
        j = next(i for i, o in enumerate(described) if o.uid == uid)
        a, b = beats[j].span
        new = script[:a] + text + script[b:]
    else:
        j = sum(1 for o in described if o.time <= k.time)
        line = f"{time_prefix(_dominant_spec(beats), k.time, anim.fps)}{text}\n"
        if j < len(described):
            at = script.rfind("\n", 0, beats[j].span[0]) + 1  # start of the next beat's line
            new = script[:at] + line + script[at:]
        else:
            new = script + ("" if script.endswith("\n") or not script else "\n") + line
    try:
        beats = parse_script(new, fps=anim.fps).beats
    except ScriptError:
        return None
    if len(beats) != len(described) + (0 if k.description.strip() else 1) or beats[j].description != text:
        return None
    return new


def time_prefix(spec: TimeSpec | None, seconds: float, fps: float) -> str:
    """A whole time prefix for a line that has none, in ``spec``'s style (seconds when None)."""
    number = format_like(spec, seconds, fps)
    style = "s" if spec is None else spec.style
    text = "" if spec is None else spec.text.lstrip()
    if style in ("f",):
        return f"{number}f: "
    if style == "frame":
        return f"frame {number}: "
    if style == "fprefix":
        return f"@f{number} "
    if style in ("tc", "clock"):
        return f"{number} "
    if text.startswith("@"):
        return f"@{number} "
    if text.startswith("["):
        return f"[{number}] "
    if style.startswith("bare"):
        return f"{number}: "
    return f"{number}{'s' if style.startswith('s') else ''}: "


def _dominant_spec(beats) -> TimeSpec | None:
    """The time style most lines of a script use (None: the script has no times)."""
    specs = [b.spec for b in beats if b.spec is not None]
    if not specs:
        return None
    style, _n = Counter((s.style, s.text[:1]) for s in specs).most_common(1)[0]
    return next(s for s in specs if (s.style, s.text[:1]) == style)


def script_with_times(script: str, fps: float, before: Sequence[LineKey], times: Mapping[str, float]) -> str | None:
    """``script`` with the lines of the keyframes in ``times`` (id → new seconds) rewritten to their
    new times, each in its line's own style.

    ``before`` are the script keyframes as they were when the script last matched them (in time
    order: one per beat, same descriptions), so the lines are found even when a keyframe was
    dragged past another. A line with no time gets one in the style most of the script uses, when
    the script is structured (timed or bulleted lines); a prose script, whose sentences share
    lines, is left as it is (the keyframe keeps its time, as before). A range ``0-1.5s`` keeps its
    hold. None when nothing needs rewriting or the script cannot take it.
    """
    from ..generation.script import ScriptError, parse_script

    try:
        beats = parse_script(script, fps=fps).beats
    except ScriptError:
        return None
    if [b.description for b in beats] != [k.description for k in before]:
        return None
    structured = any(b.spec is not None for b in beats)
    dominant = _dominant_spec(beats)
    edits: list[tuple[int, int, str]] = []
    want: dict[str, float] = {}
    for beat, k in zip(beats, before):
        if k.uid not in times:
            continue
        t = float(times[k.uid])
        if beat.time is not None and abs(beat.time - t) < 1e-9:
            continue
        if beat.time_span is not None:
            a, b = beat.time_span
            edits.append((a, b, format_like(beat.spec, t, fps)))
            if beat.end_span is not None and beat.hold is not None:
                a, b = beat.end_span
                edits.append((a, b, format_like(beat.spec, t + beat.hold, fps)))
        elif structured:
            at = beat.span[0]
            edits.append((at, at, time_prefix(dominant, t, fps)))
        else:
            continue
        want[beat.description] = t
    if not edits:
        return None
    new = script
    for a, b, text in sorted(edits, reverse=True):
        new = new[:a] + text + new[b:]
    try:
        after = parse_script(new, fps=fps).beats
    except ScriptError:
        return None
    if sorted(b.description for b in after) != sorted(k.description for k in before):
        return None
    tolerance = 0.5 / fps + 1e-6  # frames and timecodes round to whole frames
    got = {b.description: b.time for b in after}
    for d, t in want.items():
        read = got.get(d)
        if read is None or abs(read - t) > tolerance:
            return None
    return new


def split_into_beats(script: str, line: int, fps: float = 30.0) -> str | None:
    """``script`` with line ``line`` (1-based), a description that narrates a change ("at first she
    beams, then the smile fades; by the end her mouth is a thin line"), split into one line per beat:
    the first keeps the line's time, the others follow untimed (timed from their order). None when
    that line is no keyframe line or narrates no change."""
    from kfstudio.generation.planner.text import split_change_beats
    from kfstudio.generation.script import parse_script

    parsed = parse_script(script, fps=fps)
    beat = next((b for b in parsed.beats if b.line == line), None)
    if beat is None:
        return None
    parts = [p.strip() for p in split_change_beats(beat.description)]
    if len(parts) < 2:
        return None
    start, end = beat.span
    line_end = script.find("\n", end)
    line_end = len(script) if line_end < 0 else line_end
    first = parts[0][:1].upper() + parts[0][1:]
    rest = "".join("\n" + p[:1].upper() + p[1:] for p in parts[1:])
    return script[:start] + first + script[end:line_end] + rest + script[line_end:]
