"""The KeyframeFace request and response format (Qwen3-14B + LoRA adapter).

Requests are chat messages built byte for byte like the released examples::

    system: SYSTEM_PROMPT
    user:   Keyframe Description Sequence:
            - Keyframe One: <description 1>
            - Keyframe Two: <description 2>

            Background: <background>
            Emotion: <emotion>

            Task Instruction: Generate the facial expression parameters for Keyframe Two.

Keyframes are numbered with English number words (:func:`number_word`): ``One`` ... ``Nineteen``,
``Twenty``, ``Twenty-One`` (hyphenated compounds), ``One Hundred``, ``One Hundred Five``,
``Two Thousand Twelve`` (no "and"). The response key is the lower-cased word with spaces and
hyphens turned into underscores (:func:`keyframe_key`): ``Keyframe_one``, ``Keyframe_twenty_one``.

Responses are JSON objects ``{"Keyframe_one": {"EyeBlinkLeft": 0.0, ...}}``. The model's text is
untrusted: :func:`parse_response` never raises, reads what it can, clamps it, fills the rest from
the previous keyframe (or neutral) and lists every repair it made.

Pitch sign: KeyframeFace gives a lowered gaze a *negative* eye pitch (the example for "the gaze is
lowered" has ``EyeLookDownLeft`` 0.2 with ``LeftEyePitch`` -0.2, and for "the gaze rises"
``EyeLookUpLeft`` 0.1 with ``LeftEyePitch`` +0.1), while Live Link Face uses positive = down.
The same example lowers the head with the gaze and gives ``HeadPitch`` -0.1, so KeyframeFace
reads pitch as "positive = up" for the head as well: :func:`from_kf_pitch` negates
``HeadPitch``, ``LeftEyePitch`` and ``RightEyePitch``, and :func:`to_kf_pitch` is the same
(self-inverse) mapping. Yaw and roll are passed through unchanged (the examples give no evidence of
a different convention).

Gaze consistency: after the pitch mapping, :func:`reconcile_gaze` checks that each eye's rotation
points the same way as its ``EyeLook*`` blendshapes. When both clearly disagree in *direction*, the
blendshapes are trusted (they are the primary, description-driven output and they shape the lids)
and the rotation's sign is flipped, which is recorded as a repair. Magnitude mismatches (a
downward pitch with ``EyeLookDown`` at 0, say) are left alone.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from kfstudio import channels as ch

__all__ = [
    "SYSTEM_PROMPT",
    "KeyframeFaceFormatError",
    "ParsedKeyframe",
    "PITCH_INDICES",
    "number_word",
    "parse_number_word",
    "keyframe_key",
    "build_messages",
    "build_request_line",
    "parse_request",
    "read_requests",
    "parse_response",
    "format_response",
    "to_kf_pitch",
    "from_kf_pitch",
    "reconcile_gaze",
]

SYSTEM_PROMPT = (
    "You are a professional facial animator. Generate all 61 ARKit facial parameters for exactly "
    "one requested semantic keyframe. The first 52 blendshapes are in [0,1], and the final 9 "
    "head/eye pose parameters are in [-1,1]. Return strict JSON only in the form "
    '{"Keyframe_x":{...}}.'
)

_SEQUENCE_HEADER = "Keyframe Description Sequence:"
_TASK_PREFIX = "Task Instruction: Generate the facial expression parameters for Keyframe "

#: Channels whose sign differs between KeyframeFace (positive = up) and Live Link Face (positive = down).
PITCH_INDICES = np.array(
    [ch.channel_index(n) for n in ("HeadPitch", "LeftEyePitch", "RightEyePitch")], dtype=np.intp
)
PITCH_INDICES.setflags(write=False)

#: Most characters of a response that are examined (a full response is about 2,700 characters).
MAX_RESPONSE_CHARS = 200_000
#: Most name/value pairs read from one response.
MAX_PAIRS = 2_000
_MAX_DEPTH = 32
_MAX_LISTED = 8  # names quoted in one repair message


class KeyframeFaceFormatError(ValueError):
    """A KeyframeFace request (or request file) is malformed; the message names the field or line."""


# --------------------------------------------------------------------------- number words

_UNITS = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()


def number_word(n: int) -> str:
    """English number word for ``n`` >= 1, capitalised as in the KeyframeFace prompts.

    1 -> ``"One"``, 21 -> ``"Twenty-One"``, 105 -> ``"One Hundred Five"``,
    2012 -> ``"Two Thousand Twelve"``. Raises ``ValueError`` outside 1..999,999.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise ValueError(f"keyframe number must be an integer, got {n!r}")
    n = int(n)
    if not 1 <= n < 1_000_000:
        raise ValueError(f"keyframe number must be between 1 and 999999, got {n}")
    return _words(n)


def _words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} Hundred" + (f" {_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{_words(thousands)} Thousand" + (f" {_words(rest)}" if rest else "")


def _word_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@lru_cache(maxsize=1)
def _word_table() -> dict[str, int]:
    return {_word_key(_words(n)): n for n in range(1, 1000)}


def parse_number_word(text: str) -> int | None:
    """Inverse of :func:`number_word`, tolerant of case and separators.

    ``"Two"``, ``"two"``, ``"twenty_one"``, ``"Twenty-One"``, ``"21"`` -> the number; ``None``
    when the text is not a number from 1 to 999 (e.g. ``"x"``).
    """
    key = _word_key(str(text))
    if key.isdigit():
        n = int(key[:7])
        return n if n >= 1 else None
    return _word_table().get(key)


def keyframe_key(index: int) -> str:
    """Response key for the 0-based keyframe ``index``: 0 -> ``"Keyframe_one"``, 20 -> ``"Keyframe_twenty_one"``."""
    return "Keyframe_" + re.sub(r"[ \-]", "_", number_word(index + 1).lower())


# --------------------------------------------------------------------------- requests


def _one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) to single spaces so one entry stays one line."""
    return " ".join(str(text).split())


def build_messages(
    descriptions: Sequence[str], index: int, background: str = "", emotion: str = ""
) -> list[dict]:
    """Chat messages asking for keyframe ``index`` (0-based) of ``descriptions``.

    The text matches the released KeyframeFace examples byte for byte. Whitespace runs inside
    descriptions, background and emotion are collapsed to one space (a newline would break the
    list); an empty background or emotion gives a bare ``Background:`` / ``Emotion:`` line.
    """
    descriptions = [_one_line(d) for d in descriptions]
    if not descriptions:
        raise ValueError("a KeyframeFace request needs at least one keyframe description")
    if not 0 <= index < len(descriptions):
        raise ValueError(f"keyframe index {index} out of range for {len(descriptions)} descriptions")
    lines = [_SEQUENCE_HEADER]
    lines += [f"- Keyframe {number_word(i + 1)}: {d}" for i, d in enumerate(descriptions)]
    user = "\n".join(lines) + "\n\n"
    user += _labelled("Background", background) + "\n" + _labelled("Emotion", emotion) + "\n\n"
    user += f"{_TASK_PREFIX}{number_word(index + 1)}."
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def _labelled(label: str, text: str) -> str:
    text = _one_line(text)
    return f"{label}: {text}" if text else f"{label}:"


def build_request_line(
    descriptions: Sequence[str], index: int, background: str = "", emotion: str = ""
) -> str:
    """One JSONL line ``{"messages": [...]}`` serialised as in the released example file."""
    messages = build_messages(descriptions, index, background, emotion)
    return json.dumps({"messages": messages}, ensure_ascii=False, separators=(",", ":"))


_ENTRY_RE = re.compile(r"^- Keyframe ([A-Za-z0-9 \-]+?): ?(.*)$")


def parse_request(obj: dict | str) -> tuple[list[str], int, str, str]:
    """Inverse of :func:`build_messages`: ``(descriptions, index, background, emotion)``.

    ``obj`` is a decoded request ``{"messages": [...]}`` (or its JSON text). Raises
    :class:`KeyframeFaceFormatError` naming the field when it is not a KeyframeFace request.
    """
    if isinstance(obj, (str, bytes)):
        try:
            obj = json.loads(obj)
        except json.JSONDecodeError as exc:
            raise KeyframeFaceFormatError(f"request is not JSON: {exc}") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
        raise KeyframeFaceFormatError("request: expected an object with a 'messages' list")
    messages = obj["messages"]
    users = [
        i for i, m in enumerate(messages) if isinstance(m, dict) and m.get("role") == "user"
    ]
    if not users:
        raise KeyframeFaceFormatError("messages: no message with role 'user'")
    where = f"messages[{users[0]}].content"
    content = messages[users[0]].get("content")
    if not isinstance(content, str):
        raise KeyframeFaceFormatError(f"{where}: expected a string")
    return _parse_user_content(content, where)


def _parse_user_content(content: str, where: str) -> tuple[list[str], int, str, str]:
    lines = content.split("\n")
    if not lines or lines[0].strip() != _SEQUENCE_HEADER:
        raise KeyframeFaceFormatError(f"{where}: does not start with {_SEQUENCE_HEADER!r}")
    descriptions: list[str] = []
    background = emotion = None
    task = None
    for lineno, line in enumerate(lines[1:], start=2):
        text = line.strip()
        if not text:
            continue
        m = _ENTRY_RE.match(text)
        if m and background is None and task is None:
            number = parse_number_word(m.group(1))
            if number != len(descriptions) + 1:
                raise KeyframeFaceFormatError(
                    f"{where}, line {lineno}: expected Keyframe {number_word(len(descriptions) + 1)},"
                    f" found Keyframe {m.group(1)}"
                )
            descriptions.append(m.group(2).strip())
        elif text.startswith("Background:"):
            background = text[len("Background:") :].strip()
        elif text.startswith("Emotion:"):
            emotion = text[len("Emotion:") :].strip()
        elif text.startswith(_TASK_PREFIX.split(" Keyframe ")[0]):
            task = (lineno, text)
        else:
            raise KeyframeFaceFormatError(f"{where}, line {lineno}: unexpected text {text[:60]!r}")
    if not descriptions:
        raise KeyframeFaceFormatError(f"{where}: no '- Keyframe One: ...' lines")
    if task is None:
        raise KeyframeFaceFormatError(f"{where}: missing the 'Task Instruction:' line")
    return descriptions, _task_index(task, len(descriptions), where), background or "", emotion or ""


def _task_index(task: tuple[int, str], count: int, where: str) -> int:
    lineno, text = task
    m = re.search(r"Keyframe ([A-Za-z0-9 \-]+?)\.?$", text)
    number = parse_number_word(m.group(1)) if m else None
    if number is None:
        raise KeyframeFaceFormatError(f"{where}, line {lineno}: cannot read the requested keyframe")
    if number > count:
        raise KeyframeFaceFormatError(
            f"{where}, line {lineno}: asks for keyframe {number} of {count}"
        )
    return number - 1


def read_requests(path: str | Path) -> list[tuple[list[str], int, str, str]]:
    """Read a KeyframeFace request JSONL file; errors name the file and line."""
    path = Path(path)
    out = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyframeFaceFormatError(f"{path}: cannot read: {exc}") from None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(parse_request(line))
        except KeyframeFaceFormatError as exc:
            raise KeyframeFaceFormatError(f"{path}, line {lineno}: {exc}") from None
    return out


# --------------------------------------------------------------------------- pitch convention


def to_kf_pitch(values: np.ndarray) -> np.ndarray:
    """Live Link Face -> KeyframeFace convention: negate head and eye pitch (last axis = 61 channels)."""
    out = np.array(values, dtype=np.float64, copy=True)
    out[..., PITCH_INDICES] = -out[..., PITCH_INDICES] + 0.0  # + 0.0 turns -0.0 into 0.0
    return out


def from_kf_pitch(values: np.ndarray) -> np.ndarray:
    """KeyframeFace -> Live Link Face convention (the same negation; the mapping is its own inverse)."""
    return to_kf_pitch(values)


# --------------------------------------------------------------------------- gaze consistency

_I = ch.channel_index
# (eye label, pitch index, yaw index, look-down, look-up, look-toward-face-right, look-toward-face-left)
_EYES = (
    ("left", _I("LeftEyePitch"), _I("LeftEyeYaw"), _I("EyeLookDownLeft"), _I("EyeLookUpLeft"),
     _I("EyeLookInLeft"), _I("EyeLookOutLeft")),
    ("right", _I("RightEyePitch"), _I("RightEyeYaw"), _I("EyeLookDownRight"), _I("EyeLookUpRight"),
     _I("EyeLookOutRight"), _I("EyeLookInRight")),
)
_MIN_ROTATION = 0.02  # radians below which a rotation has no clear direction
_MIN_LOOK = 0.05  # blendshape difference below which the lids have no clear direction


def reconcile_gaze(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Make each eye's rotation point the same way as its ``EyeLook*`` blendshapes.

    ``values`` are 61 channels in Live Link Face convention. Where rotation and blendshapes clearly
    disagree in direction (rotation beyond 0.02 and blendshape difference beyond 0.05, opposite
    signs), the rotation's sign is flipped. Returns the corrected copy and one note per fix.
    """
    out = np.array(values, dtype=np.float64, copy=True)
    notes = []
    for eye, pitch, yaw, down, up, to_right, to_left in _EYES:
        for axis, rot, plus, minus, meaning in (
            ("pitch", pitch, down, up, "down"),
            ("yaw", yaw, to_right, to_left, "toward the face's right"),
        ):
            look = out[plus] - out[minus]
            if abs(out[rot]) >= _MIN_ROTATION and abs(look) >= _MIN_LOOK and out[rot] * look < 0:
                notes.append(
                    f"{ch.NAMES[rot]} {out[rot]:+.3g} contradicted the {eye} eye's look blendshapes "
                    f"({ch.NAMES[plus]} {out[plus]:.3g}, {ch.NAMES[minus]} {out[minus]:.3g}; positive "
                    f"{axis} = {meaning}): sign flipped"
                )
                out[rot] = -out[rot]
    return out, notes


# --------------------------------------------------------------------------- responses


@dataclass
class ParsedKeyframe:
    """One parsed model response.

    ``values``: 61 finite values, Live Link Face order and sign convention, clamped to range.
    ``repairs``: every repair made, human-readable (empty for a clean response).
    ``ok``: True when the response gave at least one channel value (False: values are all fill).
    ``key``: the keyframe key as the model wrote it (``"Keyframe_one"``), or None when unwrapped.
    ``found``: how many of the 61 channels were read from the response.
    """

    values: np.ndarray
    repairs: list[str] = field(default_factory=list)
    ok: bool = False
    key: str | None = None
    found: int = 0


class _Pairs(list):
    """A JSON object kept as its (key, value) pairs, so duplicate keys survive decoding."""


_KEYFRAME_KEY_RE = re.compile(r"^\s*key[\s_\-]*frames?(?:[\s_\-]*(.*?))?\s*$", re.IGNORECASE)


def _keyframe_number(key: str) -> int | None:
    m = _KEYFRAME_KEY_RE.match(key)
    return parse_number_word(m.group(1)) if m and m.group(1) else None


def _is_keyframe_key(key: str) -> bool:
    return bool(_KEYFRAME_KEY_RE.match(key))


@lru_cache(maxsize=4096)
def _resolve(name: str) -> tuple[tuple[int, ...], str]:
    """Channel indices a key names, and a note when the name needed interpretation.

    Exact or alternative spellings resolve silently; a side-less name (``MouthSmile``) gives both
    sides; a close misspelling (similarity >= 0.9 to one channel) is accepted with a note.
    """
    name = name.strip()
    if not name or len(name) > 64:
        return (), ""
    try:
        return (ch.lookup(name).index,), ""
    except ch.UnknownChannelError as exc:
        suggestions = exc.suggestions
    sides = []
    for suffix in ("Left", "Right"):
        try:
            sides.append(ch.lookup(name + suffix).index)
        except ch.UnknownChannelError:
            break
    if len(sides) == 2:
        return tuple(sides), f"{name!r} has no side: applied to {ch.NAMES[sides[0]]} and {ch.NAMES[sides[1]]}"
    if suggestions:
        best = suggestions[0]
        if difflib.SequenceMatcher(None, _word_key(name), _word_key(best)).ratio() >= 0.9:
            return (ch.lookup(best).index,), f"read misspelt key {name!r} as {best}"
    return (), ""


class _Reader:
    """Collects channel values and repair notes while a response is being read."""

    def __init__(self) -> None:
        self.raw = np.full(ch.NUM_CHANNELS, np.nan)  # KeyframeFace convention, unclamped
        self.seen = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        self.repairs: list[str] = []
        self.duplicates: list[str] = []
        self.unknown: list[str] = []
        self.unreadable: list[str] = []
        self.nonfinite: list[str] = []
        self.pairs = 0

    def note(self, message: str) -> None:
        if message and message not in self.repairs:
            self.repairs.append(message)

    def add(self, key: str, value: Any, *, report_unknown: bool = True) -> None:
        if self.pairs >= MAX_PAIRS:
            return
        self.pairs += 1
        indices, note = _resolve(str(key))
        if not indices:
            if report_unknown and not _is_keyframe_key(str(key)):
                self.unknown.append(str(key)[:40])
            return
        self.note(note)
        number = _to_float(value)
        label = "/".join(ch.NAMES[i] for i in indices)
        if number is None:
            self.unreadable.append(f"{label}={_short(value)}")
            return
        if math.isnan(number):
            self.nonfinite.append(f"{label}=NaN")
            return
        if math.isinf(number):
            self.nonfinite.append(f"{label}={'+' if number > 0 else '-'}inf")
        for i in indices:
            if self.seen[i]:
                self.duplicates.append(ch.NAMES[i])
            self.seen[i] = True
            self.raw[i] = number

    def summarise(self) -> None:
        """Turn the collected lists into repair messages."""
        _list_note(self, "duplicate keys (the last value kept)", self.duplicates)
        _list_note(self, "ignored unknown keys", self.unknown)
        _list_note(self, "unreadable values (treated as missing)", self.unreadable)
        _list_note(self, "non-finite values (NaN treated as missing, inf clamped)", self.nonfinite)
        if self.pairs >= MAX_PAIRS:
            self.note(f"stopped reading after {MAX_PAIRS} name/value pairs")


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value) if _jsonable(value) else type(value).__name__
    return text if len(text) <= 24 else text[:21] + "..."


def _jsonable(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float))


def _list_note(reader: _Reader, what: str, items: list[str]) -> None:
    if not items:
        return
    unique = list(dict.fromkeys(items))
    shown = ", ".join(unique[:_MAX_LISTED])
    more = f" and {len(unique) - _MAX_LISTED} more" if len(unique) > _MAX_LISTED else ""
    reader.note(f"{what}: {shown}{more}")


_NUMBER_RE = re.compile(
    r"^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|nan|inf|infinity)$", re.IGNORECASE
)


def _to_float(value: Any) -> float | None:
    """A float from a JSON number or a numeric string (``"0.3"``, ``"30%"``, ``"NaN"``); None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:  # a huge JSON integer
            return math.copysign(math.inf, value)
    if not isinstance(value, str):
        return None
    text = value.strip().strip("\"'").strip()
    scale = 1.0
    if text.endswith("%"):
        text, scale = text[:-1].rstrip(), 0.01
    if len(text) > 64 or not _NUMBER_RE.match(text):
        return None
    return float(text) * scale


# ---- structured reading (the response is JSON, perhaps after light repair)


def _decode(candidate: str) -> tuple[Any, list[str]] | None:
    """Decode ``candidate`` as JSON, then with light repairs; None when it stays unreadable."""
    attempts: list[tuple[str, list[str]]] = [(candidate, [])]
    repaired, notes = _light_repair(candidate)
    if notes:
        attempts.append((repaired, notes))
    for text, notes in attempts:
        try:
            return json.loads(text, object_pairs_hook=_Pairs), notes
        except (ValueError, RecursionError):
            continue
    return None


_SINGLE_QUOTED_RE = re.compile(r"'([^'\"\\\n]*)'")
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_PY_LITERAL_RE = re.compile(r"\b(None|True|False)\b")


def _light_repair(text: str) -> tuple[str, list[str]]:
    notes = []
    fixed = _SINGLE_QUOTED_RE.sub(r'"\1"', text)
    if fixed != text:
        notes.append("single quotes replaced by double quotes")
    text, fixed = fixed, _TRAILING_COMMA_RE.sub(r"\1", fixed)
    if fixed != text:
        notes.append("trailing commas removed")
    text, fixed = fixed, _PY_LITERAL_RE.sub(lambda m: {"None": "null", "True": "true", "False": "false"}[m.group(1)], fixed)
    if fixed != text:
        notes.append("Python literals (None/True/False) read as JSON")
    return fixed, notes


@dataclass
class _Candidate:
    path: tuple[str, ...]
    pairs: list[tuple[str, Any]]
    channels: int
    key: str | None


def _collect(node: Any, path: tuple[str, ...], key: str | None, out: list[_Candidate], depth: int = 0) -> None:
    """Find every object in a decoded response that holds channel values (document order)."""
    if depth > _MAX_DEPTH or len(out) > 64:
        return
    pairs: list[tuple[str, Any]] | None
    if isinstance(node, _Pairs):
        pairs = list(node)
    elif isinstance(node, list):
        pairs = _records_to_pairs(node)
        if pairs is None:
            for i, item in enumerate(node[:256]):
                _collect(item, path + (f"[{i}]",), key, out, depth + 1)
            return
    else:
        return
    count = sum(1 for k, v in pairs[:MAX_PAIRS] if not isinstance(v, (_Pairs, list)) and _resolve(str(k))[0])
    if count:
        out.append(_Candidate(path, pairs, count, key))
    for k, v in pairs[:MAX_PAIRS]:
        if isinstance(v, (_Pairs, list)):
            child_key = str(k) if _is_keyframe_key(str(k)) else key
            _collect(v, path + (str(k),), child_key, out, depth + 1)


_RECORD_NAME = ("name", "channel", "blendshape", "parameter", "key")
_RECORD_VALUE = ("value", "weight", "amount")


def _records_to_pairs(items: list) -> list[tuple[str, Any]] | None:
    """``[{"name": "JawOpen", "value": 0.3}, ...]`` as pairs; None when the list is not like that."""
    if not items or not all(isinstance(x, _Pairs) for x in items[:MAX_PAIRS]):
        return None
    pairs = []
    for item in items[:MAX_PAIRS]:
        fields = {str(k).lower(): v for k, v in item}
        name = next((fields[k] for k in _RECORD_NAME if isinstance(fields.get(k), str)), None)
        value = next((fields[k] for k in _RECORD_VALUE if k in fields), None)
        if name is None:
            return None
        pairs.append((name, value))
    return pairs


def _choose(candidates: list[_Candidate], index: int | None) -> _Candidate:
    if index is not None:
        wanted = [c for c in candidates if c.key and _keyframe_number(c.key) == index + 1]
        if wanted:
            return wanted[0]
    most = max(c.channels for c in candidates)
    return next(c for c in candidates if c.channels == most)


def _read_structured(decoded: Any, reader: _Reader, index: int | None) -> tuple[bool, str | None]:
    """Read the best channel object of a decoded response: (whether one was found, its keyframe key)."""
    candidates: list[_Candidate] = []
    _collect(decoded, (), None, candidates)
    if not candidates:
        return False, None
    best = _choose(candidates, index)
    keyframes = {c.key for c in candidates if c.key}
    if len(keyframes) > 1:
        reader.note(f"response held {len(keyframes)} keyframes; used {best.key!r}")
    if best.key is None:
        where = ".".join(best.path)
        reader.note(
            f"channels were nested under {where!r} instead of a Keyframe_x object"
            if where
            else "channels were not wrapped in a Keyframe_x object"
        )
    elif best.path and best.path[-1] != best.key:
        reader.note(f"channels were nested under {'.'.join(best.path)!r}")
    elif len(best.path) > 1:
        reader.note(f"the keyframe object was nested under {'.'.join(best.path[:-1])!r}")
    for k, v in best.pairs:
        if isinstance(v, (_Pairs, list)):
            continue
        reader.add(str(k), v)
    return True, best.key


# ---- scanning (the response is not JSON: truncated, or prose with name/value pairs)

_PAIR_RE = re.compile(
    r"""(?:"([^"\n]{1,64})"|'([^'\n]{1,64})'|\b([A-Za-z][A-Za-z0-9_.]{0,63}))"""
    r"""\s*[:=]\s*"""
    r"""("[^"\n]{0,64}"|'[^'\n]{0,64}'|[^\s,;{}\[\]"']{1,64}|[{\[])"""
)


def _read_scanned(body: str, reader: _Reader, index: int | None) -> str | None:
    """Scan ``body`` for ``name: value`` pairs, restricted to one keyframe's span when it holds several."""
    spans = _keyframe_spans(body)
    key = None
    if spans:
        chosen = spans[0]
        if index is not None:
            chosen = next((s for s in spans if _keyframe_number(s[0]) == index + 1), chosen)
        if len(spans) > 1:
            reader.note(f"response held {len(spans)} keyframes; used {chosen[0]!r}")
        key, start, end = chosen
        body = body[start:end]
    end_of_text = len(body.rstrip())
    truncated = None
    for m in _PAIR_RE.finditer(body):
        name = m.group(1) or m.group(2) or m.group(3)
        value = m.group(4)
        if value in "{[":
            continue
        if m.end() >= end_of_text and not value.endswith(("\"", "'")):
            truncated = name  # the number may have been cut off mid-way
            continue
        reader.add(name, value, report_unknown=m.group(3) is None)
    if truncated is not None:
        reader.note(f"dropped the last value ({truncated}) because the text ends inside it")
    return key


_KEYFRAME_OPEN_RE = re.compile(
    r"""["']?(key[\s_\-]*frame[\s_\-]*[A-Za-z0-9_\- ]{0,40}?)["']?\s*:\s*\{""", re.IGNORECASE
)


def _keyframe_spans(body: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each ``"Keyframe_x": {`` object in the text, each ending at the next one."""
    opens = [(m.group(1).strip(), m.end()) for m in _KEYFRAME_OPEN_RE.finditer(body)]
    return [
        (key, start, opens[i + 1][1] if i + 1 < len(opens) else len(body))
        for i, (key, start) in enumerate(opens)
    ]


# ---- the entry point


def parse_response(
    text: str | object, previous: np.ndarray | None = None, *, index: int | None = None
) -> ParsedKeyframe:
    """Read one keyframe from a model's response text. Never raises.

    ``text`` is normally a str; bytes are decoded as UTF-8 and any other value (a JSON response
    field holding an object or a number, None) is read as its ``str()``, with a note.

    Accepts code fences, prose around the JSON, Qwen3 ``<think>`` blocks, ``Keyframe_x`` /
    ``Keyframe_one`` / ``keyframe one`` wrappers or flat objects, channel objects nested under other
    keys, channel names in any spelling, single quotes, trailing commas, values as strings,
    out-of-range and non-finite values, truncated JSON (the complete pairs are kept), duplicate keys
    (the last wins, as in JSON) and huge inputs (only the first ``MAX_RESPONSE_CHARS`` characters
    after any reasoning block are read). Channels not given are filled from ``previous`` (Live Link
    Face convention) or neutral. ``index`` (0-based), when given, picks that keyframe out of a
    response holding several and notes a response labelled with another number.

    Returns values in the Live Link Face convention (see :func:`from_kf_pitch`), clamped to range,
    with look blendshapes and eye rotations reconciled (:func:`reconcile_gaze`).
    """
    try:
        return _parse(text, previous, index)
    except Exception as exc:  # last-resort guard; the fuzz tests check it is never reached
        return ParsedKeyframe(
            values=_fill_values(previous),
            repairs=[f"internal parser error ({type(exc).__name__}: {exc}); used the fill values"],
        )


def _fill_values(previous: np.ndarray | None) -> np.ndarray:
    if previous is None:
        return ch.NEUTRAL.copy()
    prev = np.asarray(previous, dtype=np.float64).reshape(-1)
    if prev.shape != (ch.NUM_CHANNELS,):
        return ch.NEUTRAL.copy()
    return ch.clamp(prev)


def _parse(text: Any, previous: np.ndarray | None, index: int | None) -> ParsedKeyframe:
    reader = _Reader()
    if index is not None and (isinstance(index, bool) or not isinstance(index, (int, np.integer)) or index < 0):
        reader.note(f"ignored the invalid keyframe index {index!r}")
        index = None
    body = _as_text(text, reader)
    body = _strip_reasoning(body, reader)
    if len(body) > MAX_RESPONSE_CHARS:
        reader.note(f"response of {len(body)} characters: read only the first {MAX_RESPONSE_CHARS}")
        body = body[:MAX_RESPONSE_CHARS]
    if "```" in body:
        reader.note("removed a ``` code fence")
        body = body.replace("```json", "").replace("```JSON", "").replace("```", "")
    key = _read_body(body, reader, index)
    reader.summarise()
    return _finish(reader, key, previous, index)


def _as_text(text: Any, reader: _Reader) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        reader.note("response was bytes: decoded as UTF-8")
        return bytes(text[: 4 * MAX_RESPONSE_CHARS]).decode("utf-8", errors="replace")
    reader.note(f"response was a {type(text).__name__}, not text")
    return "" if text is None else str(text)[: MAX_RESPONSE_CHARS]


def _strip_reasoning(text: str, reader: _Reader) -> str:
    """Drop a Qwen3 ``<think>...</think>`` block (the answer follows the last ``</think>``)."""
    lower = text.lower()
    close = lower.rfind("</think>")
    if close >= 0:
        skipped = text[:close].replace("<think>", "").strip()
        if skipped:
            reader.note(f"skipped {len(skipped)} characters of <think> reasoning")
        return text[close + len("</think>") :]
    open_ = lower.find("<think>")
    if open_ < 0:
        return text
    before, inside = text[:open_], text[open_ + len("<think>") :]
    if "{" in before or _PAIR_RE.search(before[:MAX_RESPONSE_CHARS]):
        reader.note("ignored an unfinished <think> block after the answer")
        return before
    reader.note("the <think> block never closed: read values from inside it")
    return inside


def _read_body(body: str, reader: _Reader, index: int | None) -> str | None:
    """Read the channel values of ``body`` into ``reader``; returns the keyframe key, if any."""
    start, end = body.find("{"), body.rfind("}")
    decoded = _decode(body[start : end + 1]) if 0 <= start < end else None
    if decoded is not None:
        value, notes = decoded
        found, key = _read_structured(value, reader, index)
        if found:
            for note in notes:
                reader.note(note)
            if body[:start].strip() or body[end + 1 :].strip():
                reader.note("ignored text around the JSON object")
            return key
        reader.note("the JSON held no channel object: scanned the text for name/value pairs")
    elif start < 0:
        reader.note("no JSON object in the response: scanned the text for name/value pairs")
    elif body.count("{") > body.count("}"):
        reader.note("the JSON was cut off: kept the complete name/value pairs")
    else:
        reader.note("the response was not valid JSON: scanned it for name/value pairs")
    return _read_scanned(body, reader, index)


def _finish(reader: _Reader, key: str | None, previous: np.ndarray | None, index: int | None) -> ParsedKeyframe:
    given = reader.seen & ~np.isnan(reader.raw)
    values = _fill_values(previous)
    read = from_kf_pitch(np.where(given, reader.raw, 0.0))
    out_of_range = given & ((read < ch.LOWER) | (read > ch.UPPER))
    values[given] = ch.clamp(read)[given]
    if out_of_range.any():
        shown = [f"{ch.NAMES[i]}={read[i]:.4g}" for i in np.flatnonzero(out_of_range)]
        _list_note(reader, "clamped out-of-range values", shown)
    missing = np.flatnonzero(~given)
    if given.any() and missing.size:
        source = "the previous keyframe" if previous is not None else "neutral"
        names = [ch.NAMES[i] for i in missing]
        _list_note(reader, f"filled {missing.size} missing channels from {source}", names)
    elif not given.any():
        reader.note("no channel values found: used " + ("the previous keyframe" if previous is not None else "neutral"))
    values, gaze_notes = reconcile_gaze(values)
    for note in gaze_notes:
        reader.note(note)
    if key is not None and index is not None and _keyframe_number(key) not in (None, index + 1):
        reader.note(f"response is labelled {key!r} but keyframe {number_word(index + 1)} was requested")
    return ParsedKeyframe(values, reader.repairs, bool(given.any()), key, int(given.sum()))


def format_response(values: np.ndarray, index: int, *, decimals: int | None = None) -> str:
    """The response the adapter would write for ``values`` (Live Link Face convention) at ``index``.

    ``{"Keyframe_one":{"EyeBlinkLeft":0.0,...}}`` with the 61 names in Live Link Face order, pitch
    in KeyframeFace convention, compact separators. Values are written in full (shortest exact
    form) unless ``decimals`` rounds them, so ``parse_response(format_response(v, i))`` gives ``v``
    back exactly for in-range values whose gaze is consistent. Raises ``ValueError`` for a wrong
    number of values or a non-finite value.
    """
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    if v.shape != (ch.NUM_CHANNELS,):
        raise ValueError(f"expected {ch.NUM_CHANNELS} channel values, got {v.size}")
    if not np.isfinite(v).all():
        bad = ", ".join(ch.NAMES[i] for i in np.flatnonzero(~np.isfinite(v))[:_MAX_LISTED])
        raise ValueError(f"cannot write non-finite channel values ({bad})")
    kf = to_kf_pitch(v)
    if decimals is not None:
        kf = np.round(kf, decimals) + 0.0
    body = {name: float(x) for name, x in zip(ch.NAMES, kf)}
    return json.dumps({keyframe_key(index): body}, separators=(",", ":"), allow_nan=False)

