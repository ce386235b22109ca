"""Explicit channel values typed in a description: ``jawOpen 0.6``, ``mouthSmile_L 80%``,
``AU12 at 40%``, ``smile L .3``, ``HeadYaw -0.2``, ``60% blink``.

A technical artist who types a number beside a channel means that number. :func:`read_specs` finds
such pairs and returns them with the rest of the text, which the planner reads as usual; the planner
then sets the named channels exactly (nothing scales them afterwards), and a description made only
of values leaves every other channel at rest.

What counts as a channel here:

* a rig name of one of the 61 channels, in any common spelling (``jawOpen``, ``JawOpen``,
  ``eyeBlink_L``, ``mouthSmileRight``, ``HeadYaw``; see :func:`kfstudio.channels.lookup`), or a
  blendshape name without its side (``mouthSmile``: both sides);
* a FACS action unit code (``AU12``, ``AU 4``): the unit's channels at that level;
* a short word an animator uses for a shape (``jaw``, ``smile``, ``blink``, ``brows up``, ``pucker``,
  ``head down``, ``chin up`` … see :data:`WORDS`), with an optional side (``L``/``R``/``left``/``right``, the
  face's own side); ``head`` with a side is a turn that way (``head R 10``).

What counts as a value: ``0.6``, ``.6``, ``60%``, ``60 percent``, and after a rig name or an AU also
a whole number up to 100 (``jawOpen 60`` = 0.6); a connector may stand between name and value
(``at``, ``=``, ``:``, ``@``, ``to``, or a verb of level: ``smile settles @ .4``,
``jaw drops to 0.7``). Values are clamped to the channel's range ([0, 1] for
blendshapes, [-1, 1] for head and eye rotations). A number followed by a unit (``3 times``,
``2 s``, ``45 frames``) is never a value, and after a plain word only a decimal, a percentage or a round number of
tens that ends its clause (``brow L up 60,``, ``jaw 40``) is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import channels as ch
from .facs import AU_TABLE, expand_targets
from .text import vertical_arrows

__all__ = ["Spec", "SpecReading", "read_specs", "WORDS"]

#: Shape words (lower case, as word tuples) -> channel keys ("{S}" = both sides) at full value ("-": negative).
WORDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("jaw",): ("JawOpen",),
    ("jaw", "open"): ("JawOpen",),
    ("mouth", "open"): ("JawOpen",),
    ("open", "mouth"): ("JawOpen",),
    ("smile",): ("MouthSmile{S}",),
    ("frown",): ("MouthFrown{S}",),
    ("blink",): ("EyeBlink{S}",),
    ("eyes", "closed"): ("EyeBlink{S}",),
    ("eye", "closed"): ("EyeBlink{S}",),
    ("eyes", "shut"): ("EyeBlink{S}",),
    ("squint",): ("EyeSquint{S}",),
    ("eyes", "wide"): ("EyeWide{S}",),
    ("wide", "eyes"): ("EyeWide{S}",),
    ("brows", "up"): ("BrowInnerUp", "BrowOuterUp{S}"),
    ("brow", "up"): ("BrowInnerUp", "BrowOuterUp{S}"),
    ("brow", "raise"): ("BrowInnerUp", "BrowOuterUp{S}"),
    ("brows", "raised"): ("BrowInnerUp", "BrowOuterUp{S}"),
    ("raised", "brows"): ("BrowInnerUp", "BrowOuterUp{S}"),
    ("inner", "brows"): ("BrowInnerUp",),
    ("inner", "brow"): ("BrowInnerUp",),
    # "brows: inner up .5, outer up .2", "brow inner up .4"
    ("inner", "up"): ("BrowInnerUp",),
    ("brow", "inner", "up"): ("BrowInnerUp",),
    ("brows", "inner", "up"): ("BrowInnerUp",),
    ("inner", "brow", "up"): ("BrowInnerUp",),
    ("inner", "brows", "up"): ("BrowInnerUp",),
    ("outer", "up"): ("BrowOuterUp{S}",),
    ("brow", "outer", "up"): ("BrowOuterUp{S}",),
    ("brows", "outer", "up"): ("BrowOuterUp{S}",),
    # "lids .3", "L lid .6": how far the upper lid comes down
    ("lids",): ("EyeBlink{S}",),
    ("lid",): ("EyeBlink{S}",),
    ("brows", "down"): ("BrowDown{S}",),
    ("brow", "down"): ("BrowDown{S}",),
    ("brow", "lower"): ("BrowDown{S}",),
    ("furrow",): ("BrowDown{S}",),
    ("pucker",): ("MouthPucker",),
    ("funnel",): ("MouthFunnel",),
    ("sneer",): ("NoseSneer{S}",),
    ("cheek", "puff"): ("CheekPuff",),
    ("puff",): ("CheekPuff",),
    ("cheeks",): ("CheekSquint{S}",),
    ("gaze", "down"): ("EyeLookDown{S}",),
    ("gaze", "up"): ("EyeLookUp{S}",),
    ("tongue",): ("TongueOut",),
    ("tongue", "out"): ("TongueOut",),
    # a head pitched down or up ("head down 20%", "chin up .3"): HeadPitch is positive down; "-" marks the negative
    ("head", "down"): ("HeadPitch",),
    ("head", "up"): ("-HeadPitch",),
    ("head", "back"): ("-HeadPitch",),
    ("chin", "down"): ("HeadPitch",),
    ("chin", "up"): ("-HeadPitch",),
    # "head R 10", "head L .2": a head with a side and nothing else is turned that way
    ("head",): ("HeadYaw",),
    ("head", "turn"): ("HeadYaw",),
    ("head", "yaw"): ("HeadYaw",),
    ("head", "pitch"): ("HeadPitch",),
    ("head", "tilt"): ("HeadRoll",),
    ("head", "roll"): ("HeadRoll",),
    # an animator's "roll R .2" is the head's roll; a roll of the eyes or lips named before it is theirs
    ("roll",): ("HeadRoll",),
    ("eye", "roll"): ("EyeLookUp{S}",),
    ("eyes", "roll"): ("EyeLookUp{S}",),
    ("lip", "roll"): ("MouthRollLower", "MouthRollUpper"),
    ("lips", "roll"): ("MouthRollLower", "MouthRollUpper"),
    ("press",): ("MouthPress{S}",),
    ("lip", "press"): ("MouthPress{S}",),
    ("lips", "press"): ("MouthPress{S}",),
    ("lips", "pressed"): ("MouthPress{S}",),
    ("dimple",): ("MouthDimple{S}",),
    ("stretch",): ("MouthStretch{S}",),
    ("lip", "stretch"): ("MouthStretch{S}",),
    ("roll", "lower"): ("MouthRollLower",),
    ("lower", "roll"): ("MouthRollLower",),
    ("roll", "upper"): ("MouthRollUpper",),
    ("upper", "roll"): ("MouthRollUpper",),
    ("shrug", "lower"): ("MouthShrugLower",),
    ("lower", "shrug"): ("MouthShrugLower",),
    ("chin", "raise"): ("MouthShrugLower",),
    ("shrug", "upper"): ("MouthShrugUpper",),
    ("upper", "shrug"): ("MouthShrugUpper",),
    ("upper", "lip", "up"): ("MouthUpperUp{S}",),
    ("upper", "lip", "raise"): ("MouthUpperUp{S}",),
    ("lower", "lip", "down"): ("MouthLowerDown{S}",),
    ("cheek", "squint"): ("CheekSquint{S}",),
    # "R mouth corner up .3", "corners down 20%"
    **{(*mouth, corner, way): (shape,) for mouth in ((), ("mouth",)) for corner in ("corner", "corners")
       for way, shape in (("up", "MouthSmile{S}"), ("down", "MouthFrown{S}"))},
    ("cheek", "raise"): ("CheekSquint{S}",),
    ("jaw", "forward"): ("JawForward",),
    ("jaw", "fwd"): ("JawForward",),
}
_LONGEST = max(len(k) for k in WORDS)
#: shape words that name a channel only with a side beside them ("head R 10")
_SIDED_ONLY = frozenset({("head",)})
_SIDES = {"l": "Left", "left": "Left", "r": "Right", "right": "Right"}
#: Parts named between a side and its shape ("L eye squint .4", "left eye blink 1", "R mouth corner up .3"): the side
#: is still the shape's
_SIDE_PARTS = frozenset("eye eyes brow brows eyebrow eyebrows lid lids eyelid eyelids mouth corner corners lip lips cheek"
                        " cheeks nostril nostrils".split())
_CONNECTORS = {"at", "=", ":", "@", "to", "->", "of", "only"} | set(
    "settle settles stay stays hold holds ease eases drop drops rise rises go goes relax relaxes fall falls"
    " open opens lift lifts is build builds grow grows ramp ramps climb climbs creep creeps come comes peak peaks"
    " reach reaches swell swells".split())
#: "L brow only, up .6": the part and its direction with "only" between them (read as "L brow up .6": a value typed
#: alone leaves the rest at rest anyway)
_ONLY_BETWEEN_RE = re.compile(
    r"(?i)\b((?:brows?|eyebrows?|lids?|eyelids?|eyes?|corners?|jaw|smile|lips?|mouth|head)\s*)only\s*,?\s*"
    r"(up|down|open|shut|closed|wide|out|in|left|right|l|r)\b")
_UNITS = re.compile(r"^(?:x|times?|s|secs?|seconds?|ms|f|frames?|fps|deg|degrees?|°|min|minutes?|beats?)$", re.IGNORECASE)
_RIG_PREFIX = re.compile(r"^(?:eye|jaw|mouth|brow|cheek|nose|tongue|head|lefteye|righteye)[a-z]", re.IGNORECASE)
#: Abbreviations animators type inside a rig name ("jawFwd", "browOuterUpLft", "mouthSmile_Rt", "jawfwd")
_RIG_ABBREV = {"fwd": "Forward", "lft": "Left", "lt": "Left", "rgt": "Right", "rt": "Right", "dn": "Down"}
_RIG_ABBREV_RE = re.compile(r"(?i:fwd|lft|rgt|dn)(?=[A-Z_]|$)|(?<=[a-z_])(?:Lt|Rt|LT|RT)$")
_TOKEN = re.compile(
    r"(?P<num>(?<![\w.])[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)(?:\s*(?:%|percent\b|per\s?cent\b))?)"
    r"|(?P<word>[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*)"
    r"|(?P<punct>->|\S)"
)


@dataclass(frozen=True)
class Spec:
    """One explicit value: the text as typed and the channel values it sets."""

    text: str
    values: dict[int, float]


@dataclass
class SpecReading:
    """The explicit values of a description and what is left of it."""

    specs: list[Spec] = field(default_factory=list)
    #: the description with the values' text replaced by commas (the planner reads it as usual)
    rest: str = ""
    #: True when nothing but values (and filler such as "and", "only", "with") was written
    only_values: bool = False

    @property
    def values(self) -> dict[int, float]:
        out: dict[int, float] = {}
        for s in self.specs:
            out.update(s.values)
        return out


@dataclass
class _Tok:
    kind: str
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _number(tok: _Tok, whole_ok: bool, round_ok: bool = False) -> float | None:
    """The value of a number token, or None when it cannot be a channel value. ``round_ok``: a round number
    of tens (10 to 100) is a percentage too, as the last thing of its clause after a shape ("brow L up 60,")."""
    text = tok.text.replace("\u2212", "-")
    percent = bool(re.search(r"%|percent|per\s?cent", text))
    digits = re.match(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)", text)
    if not digits:
        return None
    v = float(digits.group(0))
    if percent:
        return v / 100.0
    if "." in digits.group(0):
        return v
    if v in (0.0, 1.0):
        return v
    if whole_ok and abs(v) <= 100:
        return v / 100.0
    if round_ok and v in _ROUND_LEVELS:
        return v / 100.0
    return None


#: the round numbers an animator writes as levels after a shape ("jaw 40", "smile L 60, R 20")
_ROUND_LEVELS = frozenset(float(x) for x in range(10, 101, 10))


def _ends_clause(toks: list[_Tok], n: int) -> bool:
    """Token ``n`` is the last of its clause: nothing after it, or a comma, semicolon, full stop, '+', '/', ')', 'and'
    or 'then'."""
    return n + 1 == len(toks) or toks[n + 1].text in (",", ";", "+", ")", ".", "/") or toks[n + 1].low in ("and", "then")


def _one_side(channels: dict[int, float], side: str | None) -> dict[int, float]:
    """``channels`` without those of the other side than ``side`` (all of them when no side is given)."""
    if not side:
        return channels
    other = "Left" if side == "Right" else "Right"
    # a head turn or roll has no sides but a direction: positive toward the face's right, so "L" turns it the other way
    return {i: (-v if side == "Left" and ch.CHANNELS[i].name in _DIRECTED else v)
            for i, v in channels.items() if not ch.CHANNELS[i].name.endswith(other)}


_DIRECTED = frozenset({"HeadYaw", "HeadRoll"})


def _rig_channels(word: str) -> dict[int, float] | None:
    """Channel indices (value 1) of a rig name, or None. A blendshape name without its side stands
    for both sides."""
    if not _RIG_PREFIX.match(word):
        return None
    try:
        return {ch.lookup(word).index: 1.0}
    except KeyError:
        pass
    short = _RIG_ABBREV_RE.sub(lambda m: _RIG_ABBREV[m.group(0).lower()], word)
    if short != word:
        return _rig_channels(short)
    try:
        return {ch.lookup(word + "Left").index: 1.0, ch.lookup(word + "Right").index: 1.0}
    except KeyError:
        return None


def _unit(keys: tuple[str, ...]) -> dict[int, float]:
    """The channels of a shape word's keys at full value (a key marked "-" at -1)."""
    return expand_targets({k.lstrip("-"): -1.0 if k.startswith("-") else 1.0 for k in keys})


def _au_channels(word: str) -> dict[int, float] | None:
    """The channels of a FACS code (``AU12``) at the unit's full level, or None."""
    m = re.fullmatch(r"(?i)au(\d{1,2})", word)
    if not m or int(m.group(1)) not in AU_TABLE:
        return None
    return expand_targets(AU_TABLE[int(m.group(1))].targets)


def _phrase_ending(toks: list[_Tok], end: int) -> tuple[int, dict[int, float], bool] | None:
    """A channel phrase whose last token is ``toks[end]``: (first token index, unit values, rig/AU)."""
    side = None
    j = end
    if toks[j].kind == "word" and toks[j].low in _SIDES and j > 0:  # "smile L"
        side, j = _SIDES[toks[j].low], j - 1
    elif toks[j].kind == "word" and toks[j].low in ("both", "bilat", "bilateral") and j > 0:  # "EyeWide both 1.0": both sides
        j -= 1
    found = _phrase_at(toks, j, side, backward=True)
    if found is None:
        return None
    first, unit, rig = found
    before = first - 1
    while before > 0 and first - before <= 2 and toks[before].kind == "word" and toks[before].low in _SIDE_PARTS:
        before -= 1  # "L eye squint": the part between the side and the shape
    if side is None and before >= 0 and toks[before].kind == "word" and toks[before].low in _SIDES and not rig:
        side, first = _SIDES[toks[before].low], before  # "left smile", "L eye squint"
        found = _phrase_at(toks, j, side, backward=True)
        unit = found[1] if found else unit
    return first, unit, rig


def _phrase_starting(toks: list[_Tok], start: int) -> tuple[int, dict[int, float], bool] | None:
    """A channel phrase whose first token is ``toks[start]``: (last token index, unit values, rig/AU)."""
    side = None
    i = start
    if toks[i].kind == "word" and toks[i].low in _SIDES and i + 1 < len(toks):
        side, i = _SIDES[toks[i].low], i + 1
    found = _phrase_at(toks, i, side, backward=False)
    skip = i
    while side is not None and found is None and skip - i < 2 and skip + 1 < len(toks) and toks[skip].low in _SIDE_PARTS:
        skip += 1  # ".4 L eye squint": the part between the side and the shape
        found = _phrase_at(toks, skip, side, backward=False)
    if found is None:
        return None
    i = skip
    last, unit, rig = found
    if side is None and last + 1 < len(toks) and toks[last + 1].kind == "word" and toks[last + 1].low in _SIDES and not rig:
        side, last = _SIDES[toks[last + 1].low], last + 1
        found = _phrase_at(toks, i, side, backward=False)
        unit = found[1] if found else unit
    return last, unit, rig


def _phrase_at(toks: list[_Tok], k: int, side: str | None, backward: bool):
    """The longest phrase that ends (backward) or starts at token ``k``."""
    if toks[k].kind != "word":
        return None
    for channels in (_rig_channels(toks[k].text), _au_channels(toks[k].text)):
        if channels:
            return k, _one_side(channels, side), True
    for n in range(_LONGEST + 1, 0, -1):
        lo, hi = (k - n + 1, k) if backward else (k, k + n - 1)
        if lo < 0 or hi >= len(toks) or any(t.kind != "word" for t in toks[lo : hi + 1]):
            continue
        words = tuple(t.low for t in toks[lo : hi + 1])
        said = side
        inside = [w for w in words[1:-1] if w in _SIDES]
        if len(inside) == 1 and side is None:  # "brow L up .5": the side written inside the shape's words
            said = _SIDES[inside[0]]
            words = tuple(w for w in words if w != inside[0])
        elif n > _LONGEST:
            continue
        keys = WORDS.get(words) or (WORDS.get(words[:-1] + (words[-1][:-1],)) if words[-1].endswith("s") else None)
        if keys and words in _SIDED_ONLY and not said:
            continue  # "head .3" names no direction
        if keys:
            return (lo if backward else hi), _one_side(_unit(keys), said), False
    return None


def _split_phrase(toks: list[_Tok], name: int, direction: int) -> tuple[int, dict[int, float]] | None:
    """A two-word shape written around its value ("brows .4 up", "jaw .3 open", "L brow .5 down"): (first token
    index, unit values), or None."""
    keys = WORDS.get((toks[name].low, toks[direction].low))
    if not keys:
        return None
    side = None
    first = name
    if name > 0 and toks[name - 1].kind == "word" and toks[name - 1].low in _SIDES:
        side, first = _SIDES[toks[name - 1].low], name - 1
    return first, _one_side(_unit(keys), side)


def read_specs(description: str) -> SpecReading:
    """The explicit channel values in ``description`` (see the module docstring)."""
    text = re.sub(r"(?i)\bAU\s+(\d{1,2})\b", r"AU\1", vertical_arrows(description))
    text = _ONLY_BETWEEN_RE.sub(r"\1\2", text)
    toks = [_Tok(m.lastgroup or "punct", m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    specs: list[Spec] = []
    used: list[tuple[int, int]] = []  # token index ranges taken by a value
    taken: set[int] = set()
    numbers = [n for n, tok in enumerate(toks) if tok.kind == "num" and not (
        n + 1 < len(toks) and toks[n + 1].kind == "word" and _UNITS.match(toks[n + 1].text) and "%" not in tok.text)]  # "3 times"
    found_at: dict[int, tuple[int, int, dict[int, float], float]] = {}
    sided_shape = -1  # the last word of the last shape written with a side ("smile L 0.3"), for "..., R 0.7"
    for n in numbers:  # name first: "jawOpen 0.6", "smile L at 30%", "smile settles @ .4"
        k = n - 1
        while k >= 0 and toks[k].low in _CONNECTORS:
            k -= 1
        found = _phrase_ending(toks, k) if k >= 0 else None
        if found is None and k >= 0 and sided_shape >= 0 and toks[k].low in _SIDES and (k == 0 or toks[k - 1].kind != "word"):
            # "smile L 0.3, R 0.7": a side alone, after a shape written with the other side, is that shape's other side
            again = _phrase_at(toks, sided_shape, _SIDES[toks[k].low], backward=True)
            found = (k, again[1], again[2]) if again is not None and not again[2] else None
        elif found is not None and not found[2]:
            side_after = toks[k].kind == "word" and toks[k].low in _SIDES
            side_before = toks[found[0]].kind == "word" and toks[found[0]].low in _SIDES
            sided_shape = k - 1 if side_after else (k if side_before else -1)
        if found is not None:
            first, unit, rig = found
            value = _number(toks[n], whole_ok=rig, round_ok=_ends_clause(toks, n))
            if value is not None and not any(i in taken for i in range(first, n + 1)):
                found_at[n] = (first, n, unit, value)
                taken.update(range(first, n + 1))
        elif k == n - 1 and k >= 0 and n + 1 < len(toks) and toks[k].kind == toks[n + 1].kind == "word":
            split = _split_phrase(toks, k, n + 1)  # the value inside the shape's words: "brows .4 up", "L lid .6 down"
            value = _number(toks[n], whole_ok=False)
            if split is not None and value is not None and not any(i in taken for i in range(split[0], n + 2)):
                found_at[n] = (split[0], n + 1, split[1], value)
                taken.update(range(split[0], n + 2))
    for n in numbers:  # value first ("60% smile", "0.3 jawOpen"), when no word before owns the number
        if n in found_at or (n > 0 and toks[n - 1].kind == "word" and toks[n - 1].low not in _FILLER):
            continue
        k = n + 1
        while k < len(toks) and toks[k].low in ("of", "a"):
            k += 1
        found = _phrase_starting(toks, k) if k < len(toks) else None
        if found is not None:
            last, unit, rig = found
            value = _number(toks[n], whole_ok=False)
            if value is not None and not any(i in taken for i in range(n, last + 1)):
                found_at[n] = (n, last, unit, value)
                taken.update(range(n, last + 1))
    for n in sorted(found_at):
        first, last, unit, value = found_at[n]
        values = {}
        for i, w in unit.items():
            c = ch.CHANNELS[i]
            values[i] = min(max(value * w, c.lower), c.upper)
        specs.append(Spec(text[toks[first].start : toks[last].end], values))
        used.append((first, last))
    if not specs:
        return SpecReading([], description, False)
    pieces, pos = [], 0
    for first, last in sorted(used):
        pieces.append(text[pos : toks[first].start])
        pieces.append(" , ")
        pos = toks[last].end
    pieces.append(text[pos:])
    rest = "".join(pieces)
    leftover = [t.low for i, t in enumerate(toks) if i not in taken and t.kind == "word"]
    only = all(w in _FILLER for w in leftover)
    return SpecReading(specs, rest, only)


#: Words that may stand beside values without asking for anything more ("jaw 0.5 and smile 0.2 only").
_FILLER = frozenset(
    "and with plus only just also then a the set to at keep keyed key value values both side sides l r left right"
    " of exactly".split()
)
