"""Scoring any backend on an evaluation file (``kfstudio eval``).

Two kinds of file:

**Constraint files** (one JSON object per line) state what a face must do, not its exact values.
Two line formats are read, line by line, and may be mixed:

* the planner evaluation format (``tests/planner_eval.jsonl``): ``description`` (+ ``background``,
  ``emotion``, ``previous``) with ``high`` / ``low`` (channel -> threshold, value >= / <=),
  ``abs_high`` / ``abs_low`` (the same on |value|), ``asym`` (``[a, b, d]``: |a - b| >= d),
  ``greater_than_previous`` / ``less_than_previous`` (channel lists, against the keyframe planned
  for ``previous``), ``margins`` (``[[a, b, d]]``: a - b >= d, one channel clearly above another), an
  intensity pair ``{"pair": [weaker, stronger], "channel": ...}``, or a context pair
  ``{"description": ..., "context_pair": [{"background": ..., "emotion": ...}, {...}], "channel": ...}``
  (the same description gives a higher value on ``channel`` in the second context).
  ``high`` and ``abs_high`` are the channels that define the expression: high priority.
* the corpus format (``models/corpus``; a line with ``family`` or ``targets``): ``targets`` (channel ->
  value an animator would give, unlisted = 0), ``key`` (the defining channels), ``low`` (channel ->
  maximum), optional ``asym`` and ``style``, or an intensity pair line. Expectations derived from it:

  - each ``key`` channel reaches half its target (high priority); a pose channel (head/eye rotation)
    must have the target's sign and at least half its magnitude;
  - every other target of magnitude >= 0.3 reaches 0.3 x target (normal priority; same sign rule);
  - ``low``: value <= maximum (|value| for a pose channel); ``asym`` as above;
  - ``pair``: the weaker description gives a lower value (|value| for a pose channel) on ``channel``.

  A case *asks for movement* when it has a target, a ``high``/``abs_high``/``asym`` expectation, or
  is the stronger side of a pair; a proposal for it whose 61 values all stay below 0.02 in magnitude
  is an **empty face**.

**KeyframeFace pairs**: request lines (``{"messages": [...]}``, the released dataset's request format)
and the reference responses, either in a second file (``{"response": "<model text>"}`` per line, in
the same order) or inside each request line as its last ``assistant`` message. Scores: mean absolute
error per channel, per channel group and overall, and the share of channel values within 0.1 of the
reference (Live Link Face convention; KeyframeFace's pitch sign is converted on reading).

Backends are scored through a *predictor*: a function from a list of :class:`Query` to one (61,)
array each. :func:`backend_predictor` wraps any :class:`~kfstudio.generation.backend.Backend`
(one batched ``propose`` call per round, so model backends batch); :func:`zero_predictor` is the
all-neutral baseline. Nothing here imports Qt, torch or the network.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kfstudio import channels as ch

__all__ = [
    "EvalFileError",
    "Query",
    "Expectation",
    "Case",
    "Predictor",
    "family_split",
    "read_jsonl",
    "case_from_line",
    "load_cases",
    "is_keyframeface_file",
    "backend_predictor",
    "zero_predictor",
    "function_predictor",
    "ConstraintReport",
    "evaluate_constraints",
    "PairReport",
    "load_keyframeface_pairs",
    "evaluate_pairs",
    "EMPTY_THRESHOLD",
    "KEY_SHARE",
    "OTHER_SHARE",
    "OTHER_MIN",
]

EMPTY_THRESHOLD = 0.02  # a face whose every |value| is below this shows nothing
KEY_SHARE = 0.5  # a defining channel must reach this share of its target
OTHER_SHARE = 0.3  # other targets must reach this share ...
OTHER_MIN = 0.3  # ... when the target is at least this large
WITHIN = 0.1  # KeyframeFace pairs: a value this close to the reference counts as right

_POSE = np.array([c.is_pose for c in ch.CHANNELS])


class EvalFileError(ValueError):
    """An evaluation file cannot be read; the message names the file, the line and the field."""


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Query:
    """One keyframe to propose: a description in its context (and optionally the keyframe before)."""

    description: str
    background: str = ""
    emotion: str = ""
    previous: tuple[float, ...] | None = None  # 61 values, when the case compares with a previous keyframe
    sequence: tuple[str, ...] = ()  # the whole script's descriptions (KeyframeFace requests); () = just this one
    index: int = 0


#: A predictor maps queries to one (61,) array each, in order (Live Link Face convention).
Predictor = Callable[[Sequence[Query]], list[np.ndarray]]


@dataclass
class Expectation:
    """One checkable statement about a proposal."""

    kind: str  # ge, le, abs_ge, abs_le, sign_ge (same sign, |v| >= t), asym, margin, gt_prev, lt_prev, pair
    channel: str
    threshold: float = 0.0
    other: str = ""  # asym: the second channel
    priority: str = "normal"  # "high" for the channels that define the expression

    def text(self) -> str:
        c, t = self.channel, self.threshold
        return {
            "ge": f"{c} >= {t:.3g}",
            "le": f"{c} <= {t:.3g}",
            "abs_ge": f"|{c}| >= {t:.3g}",
            "abs_le": f"|{c}| <= {t:.3g}",
            "sign_ge": f"{c} {'>=' if t >= 0 else '<='} {t:.3g}",
            "asym": f"|{c} - {self.other}| >= {t:.3g}",
            "margin": f"{c} - {self.other} >= {t:.3g}",
            "gt_prev": f"{c} > previous",
            "lt_prev": f"{c} < previous",
            "pair": f"weaker < stronger on {c}",
        }[self.kind]

    def check(self, values: np.ndarray, previous: np.ndarray | None = None, weaker: np.ndarray | None = None) -> tuple[bool, float]:
        """(met, shortfall): shortfall is how far the value is from meeting it (0 when met)."""
        i = ch.channel_index(self.channel)
        v = float(values[i])
        t = self.threshold
        if self.kind == "ge":
            gap = t - v
        elif self.kind == "le":
            gap = v - t
        elif self.kind == "abs_ge":
            gap = t - abs(v)
        elif self.kind == "abs_le":
            gap = abs(v) - t
        elif self.kind == "sign_ge":
            gap = abs(t) - v * math.copysign(1.0, t)
        elif self.kind == "asym":
            gap = t - abs(v - float(values[ch.channel_index(self.other)]))
        elif self.kind == "margin":
            gap = t - (v - float(values[ch.channel_index(self.other)]))
        elif self.kind in ("gt_prev", "lt_prev"):
            p = float(previous[i]) if previous is not None else 0.0
            gap = (p - v + 1e-6) if self.kind == "gt_prev" else (v - p + 1e-6)
        elif self.kind == "pair":
            w = float(weaker[i]) if weaker is not None else 0.0
            if _POSE[i]:
                w, v = abs(w), abs(v)
            gap = w - v + 1e-6
        else:  # pragma: no cover - kinds are fixed by the readers
            raise ValueError(f"unknown expectation kind {self.kind!r}")
        return gap <= 1e-9, max(0.0, gap)


@dataclass
class Case:
    """One line of a constraint file."""

    source: str  # "FILE:LINE"
    description: str
    background: str = ""
    emotion: str = ""
    style: str = ""
    family: str = ""
    previous: str | None = None  # description planned first as the previous keyframe
    weaker: str | None = None  # pair lines: the weaker description (``description`` is the stronger)
    weaker_context: tuple[str, str] | None = None  # (background, emotion) of the weaker side, when it differs
    expectations: list[Expectation] = field(default_factory=list)
    asks_movement: bool = False

    @property
    def is_pair(self) -> bool:
        return self.weaker is not None


def family_split(family: str) -> str:
    """The corpus split of a description family: crc32 % 10 in 0-5 train, 6-7 dev, 8-9 test."""
    r = zlib.crc32(family.encode("utf-8")) % 10
    return "train" if r <= 5 else "dev" if r <= 7 else "test"


def read_jsonl(path: str | Path) -> list[tuple[int, dict]]:
    """(line number, object) of every non-empty line; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvalFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read: {exc}") from None
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(f"{path}:{lineno}: invalid JSON at column {exc.colno} ({exc.msg})") from None
        except RecursionError:
            raise EvalFileError(f"{path}:{lineno}: the JSON is nested too deeply") from None
        if not isinstance(obj, dict):
            raise EvalFileError(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}")
        out.append((lineno, obj))
    return out


def _channel(name: Any, where: str, field_name: str) -> str:
    if not isinstance(name, str):
        raise EvalFileError(f"{where}: field '{field_name}': channel name must be a string, got {name!r}")
    try:
        return ch.lookup(name).name
    except (KeyError, ValueError):
        raise EvalFileError(f"{where}: field '{field_name}': unknown channel {name!r}") from None


def _number(value: Any, where: str, field_name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise EvalFileError(f"{where}: field '{field_name}': expected a number, got {value!r}")
    return float(value)


def _text(obj: dict, key: str, where: str, required: bool = False) -> str:
    value = obj.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise EvalFileError(f"{where}: field '{key}' must be a string")
    if required and not value.strip():
        raise EvalFileError(f"{where}: field '{key}' is missing or empty")
    return value


def _mapping(obj: dict, key: str, where: str) -> dict[str, float]:
    value = obj.get(key, {})
    if not isinstance(value, dict):
        raise EvalFileError(f"{where}: field '{key}' must be an object of channel -> number")
    return {_channel(k, where, key): _number(v, where, f"{key}.{k}") for k, v in value.items()}


def _names(obj: dict, key: str, where: str) -> list[str]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise EvalFileError(f"{where}: field '{key}' must be a list of channel names")
    return [_channel(k, where, key) for k in value]


def _asym(obj: dict, where: str) -> list[Expectation]:
    value = obj.get("asym", [])
    if not isinstance(value, list):
        raise EvalFileError(f"{where}: field 'asym' must be a list of [channel, channel, difference]")
    out = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 3):
            raise EvalFileError(f"{where}: field 'asym': expected [channel, channel, difference], got {item!r}")
        a, b = _channel(item[0], where, "asym"), _channel(item[1], where, "asym")
        out.append(Expectation("asym", a, _number(item[2], where, "asym"), other=b, priority="high"))
    return out


def _pair_case(obj: dict, where: str, corpus: bool) -> Case:
    pair = obj["pair"]
    if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and p.strip() for p in pair)):
        raise EvalFileError(f"{where}: field 'pair' must be [weaker description, stronger description]")
    name = _channel(obj.get("channel"), where, "channel")
    return Case(
        where, pair[1], _text(obj, "background", where), _text(obj, "emotion", where),
        style=_text(obj, "style", where) or ("intensity" if not corpus else ""), family=_text(obj, "family", where),
        weaker=pair[0], expectations=[Expectation("pair", name, priority="normal")], asks_movement=True,
    )


def _context_pair_case(obj: dict, where: str) -> Case:
    pair = obj["context_pair"]
    if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, dict) for p in pair)):
        raise EvalFileError(f"{where}: field 'context_pair' must be [{{background, emotion}}, {{background, emotion}}]")
    ctx = [(_text(p, "background", f"{where}: context_pair"), _text(p, "emotion", f"{where}: context_pair")) for p in pair]
    name = _channel(obj.get("channel"), where, "channel")
    desc = _text(obj, "description", where, required=True)
    return Case(
        where, desc, ctx[1][0], ctx[1][1], style=_text(obj, "style", where) or "context", family=_text(obj, "family", where),
        weaker=desc, weaker_context=ctx[0], expectations=[Expectation("pair", name)], asks_movement=False,
    )


def case_from_line(obj: dict, where: str) -> Case:
    """Read one constraint line (either format; see the module documentation)."""
    corpus = "family" in obj or "targets" in obj
    if "pair" in obj:
        return _pair_case(obj, where, corpus)
    if "context_pair" in obj:
        return _context_pair_case(obj, where)
    case = Case(
        where, _text(obj, "description", where, required=True), _text(obj, "background", where),
        _text(obj, "emotion", where), style=_text(obj, "style", where), family=_text(obj, "family", where),
    )
    exp = case.expectations
    if corpus:
        targets = _mapping(obj, "targets", where)
        key = _names(obj, "key", where)
        for name in key:
            if name not in targets:
                raise EvalFileError(f"{where}: field 'key': {name} has no target in 'targets'")
        for name, t in targets.items():
            pose = _POSE[ch.channel_index(name)]
            if name in key:
                share, priority = KEY_SHARE, "high"
            elif abs(t) >= OTHER_MIN:
                share, priority = OTHER_SHARE, "normal"
            else:
                continue
            if t == 0:
                continue
            exp.append(Expectation("sign_ge" if pose else "ge", name, share * t, priority=priority))
        for name, t in _mapping(obj, "low", where).items():
            exp.append(Expectation("abs_le" if _POSE[ch.channel_index(name)] else "le", name, t))
        exp.extend(_asym(obj, where))
        case.asks_movement = any(abs(v) > 0 for v in targets.values()) or bool(obj.get("asym"))
    else:
        for name, t in _mapping(obj, "high", where).items():
            exp.append(Expectation("ge", name, t, priority="high"))
        for name, t in _mapping(obj, "abs_high", where).items():
            exp.append(Expectation("abs_ge", name, t, priority="high"))
        for name, t in _mapping(obj, "low", where).items():
            exp.append(Expectation("le", name, t))
        for name, t in _mapping(obj, "abs_low", where).items():
            exp.append(Expectation("abs_le", name, t))
        exp.extend(_asym(obj, where))
        margins = obj.get("margins", [])
        if not isinstance(margins, list) or not all(isinstance(m, list) and len(m) == 3 for m in margins):
            raise EvalFileError(f"{where}: field 'margins' must be a list of [channel, channel, difference]")
        for a, b, d in margins:
            exp.append(Expectation("margin", _channel(a, where, "margins"), _number(d, where, "margins"),
                                   other=_channel(b, where, "margins"), priority="high"))
        if obj.get("previous") is not None:
            case.previous = _text(obj, "previous", where, required=True)
        for name in _names(obj, "greater_than_previous", where):
            exp.append(Expectation("gt_prev", name))
        for name in _names(obj, "less_than_previous", where):
            exp.append(Expectation("lt_prev", name))
        if (exp and not case.previous) and any(e.kind in ("gt_prev", "lt_prev") for e in exp):
            raise EvalFileError(f"{where}: 'greater_than_previous'/'less_than_previous' need a 'previous' description")
        case.asks_movement = any(e.kind in ("ge", "abs_ge", "asym", "margin") and e.threshold > 0 for e in exp)
    if not exp:
        raise EvalFileError(f"{where}: no expectation (give 'targets'/'key'/'low' or 'high'/'low'/'asym'/'pair')")
    return case


def load_cases(paths: str | Path | Iterable[str | Path]) -> list[Case]:
    """Every case of one or several constraint files (a folder: its ``*.jsonl`` files, sorted)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    cases = []
    for path in files:
        for lineno, obj in read_jsonl(path):
            if "messages" in obj:
                raise EvalFileError(f"{path}:{lineno}: a KeyframeFace request in a constraint file (score it on its own)")
            cases.append(case_from_line(obj, f"{path}:{lineno}"))
    return cases


def is_keyframeface_file(path: str | Path) -> bool:
    """True when the first line of ``path`` is a KeyframeFace request (``{"messages": [...]}``)."""
    for _, obj in read_jsonl(path)[:1]:
        return "messages" in obj
    return False


# --------------------------------------------------------------------------- predictors


def _values(row: Any) -> np.ndarray:
    v = np.asarray(row, dtype=np.float64).reshape(-1)
    if v.shape != (ch.NUM_CHANNELS,):
        raise ValueError(f"a predictor returned {v.size} values, not {ch.NUM_CHANNELS}")
    return v


def zero_predictor(queries: Sequence[Query]) -> list[np.ndarray]:
    """The all-neutral baseline."""
    return [ch.NEUTRAL.copy() for _ in queries]


def function_predictor(fn: Callable[[Query], Any]) -> Predictor:
    """A predictor from a one-query function (e.g. ``lambda q: planner.plan(q.description).values``)."""
    return lambda queries: [_values(fn(q)) for q in queries]


def backend_predictor(backend: Any, errors: list[str] | None = None) -> Predictor:
    """A predictor that asks ``backend`` (one ``propose`` call per batch of queries).

    A failed request gives the backend's fallback (neutral) values; its message is appended to
    ``errors`` when a list is given.
    """
    from .backend import KeyframeRequest, propose_checked

    def predict(queries: Sequence[Query]) -> list[np.ndarray]:
        requests = []
        for q in queries:
            seq = list(q.sequence) or [q.description]
            prev = np.asarray(q.previous, dtype=np.float64) if q.previous is not None else None
            requests.append(KeyframeRequest(seq, q.index if q.sequence else 0, q.background, q.emotion, prev))
        out = []
        for req, res in zip(requests, propose_checked(backend, requests)):
            if res.error and errors is not None:
                errors.append(f"{req.description[:60]!r}: {res.error}")
            out.append(np.asarray(res.values, dtype=np.float64))
        if len(out) != len(requests):
            raise RuntimeError(f"the backend answered {len(out)} of {len(requests)} requests")
        return out

    return predict


# --------------------------------------------------------------------------- constraint scoring


@dataclass
class Tally:
    met: int = 0
    total: int = 0
    high_met: int = 0
    high_total: int = 0
    cases: int = 0
    empty: int = 0
    movement_cases: int = 0

    def add(self, exp: Expectation, ok: bool) -> None:
        self.total += 1
        self.met += ok
        if exp.priority == "high":
            self.high_total += 1
            self.high_met += ok

    @property
    def share(self) -> float:
        return self.met / self.total if self.total else float("nan")

    @property
    def high_share(self) -> float:
        return self.high_met / self.high_total if self.high_total else float("nan")

    def as_dict(self) -> dict:
        return {
            "cases": self.cases, "expectations": self.total, "met": self.met, "share": _r(self.share),
            "high_expectations": self.high_total, "high_met": self.high_met, "high_share": _r(self.high_share),
            "movement_cases": self.movement_cases, "empty_faces": self.empty,
        }


def _r(x: float) -> float | None:
    return None if math.isnan(x) else round(x, 4)


@dataclass
class Failure:
    source: str
    description: str
    style: str
    expectation: str
    priority: str
    value: float
    shortfall: float

    def as_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


@dataclass
class ConstraintReport:
    overall: Tally
    styles: dict[str, Tally]
    failures: list[Failure]  # sorted worst first (high priority, then shortfall)
    empty: list[str]  # sources of the empty faces
    errors: list[str] = field(default_factory=list)
    label: str = ""

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "overall": self.overall.as_dict(),
            "styles": {s: t.as_dict() for s, t in sorted(self.styles.items())},
            "empty_faces": self.empty,
            "failures": [f.as_dict() for f in self.failures],
            "backend_errors": self.errors,
        }


def _predict_all(predict: Predictor, queries: list[Query], batch: int) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for start in range(0, len(queries), batch):
        chunk = queries[start : start + batch]
        got = [_values(v) for v in predict(chunk)]
        if len(got) != len(chunk):
            raise RuntimeError(f"the predictor answered {len(got)} of {len(chunk)} queries")
        out.extend(got)
    return out


def evaluate_constraints(
    cases: Sequence[Case], predict: Predictor, *, batch: int = 64, label: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ConstraintReport:
    """Score ``predict`` on constraint cases: expectations met overall, high-priority and per style."""
    # Round 1: the previous keyframes (planned alone) and the weaker side of pairs.
    first = [Query(c.previous) for c in cases if c.previous] + [
        Query(c.weaker, *(c.weaker_context or (c.background, c.emotion))) for c in cases if c.weaker
    ]
    first_values = iter(_predict_all(predict, first, batch)) if first else iter(())
    prev_of: dict[int, np.ndarray] = {}
    weak_of: dict[int, np.ndarray] = {}
    for k, c in enumerate(cases):
        if c.previous:
            prev_of[k] = next(first_values)
    for k, c in enumerate(cases):
        if c.weaker:
            weak_of[k] = next(first_values)
    # Round 2: the cases themselves.
    queries = [
        Query(c.description, c.background, c.emotion, tuple(prev_of[k]) if k in prev_of else None)
        for k, c in enumerate(cases)
    ]
    values: list[np.ndarray] = []
    for start in range(0, len(queries), batch):
        values.extend(_predict_all(predict, queries[start : start + batch], batch))
        if progress is not None:
            progress(len(values), len(queries))
    overall = Tally()
    styles: dict[str, Tally] = {}
    failures: list[Failure] = []
    empty: list[str] = []
    for k, (c, v) in enumerate(zip(cases, values)):
        style = styles.setdefault(c.style or "(none)", Tally())
        for t in (overall, style):
            t.cases += 1
        if c.asks_movement:
            is_empty = bool(np.all(np.abs(v) < EMPTY_THRESHOLD))
            for t in (overall, style):
                t.movement_cases += 1
                t.empty += is_empty
            if is_empty:
                empty.append(f"{c.source}: {c.description[:80]!r}")
        for e in c.expectations:
            ok, gap = e.check(v, prev_of.get(k), weak_of.get(k))
            overall.add(e, ok)
            style.add(e, ok)
            if not ok:
                if c.weaker_context is not None:
                    desc = f"{c.description!r} in context {c.weaker_context} < in ({c.background!r}, {c.emotion!r})"
                elif c.weaker:
                    desc = f"{c.weaker!r} < {c.description!r}"
                else:
                    desc = repr(c.description)
                failures.append(Failure(c.source, desc, c.style, e.text(), e.priority, float(v[ch.channel_index(e.channel)]), gap))
    failures.sort(key=lambda f: (f.priority != "high", -f.shortfall))
    return ConstraintReport(overall, styles, failures, empty, label=label)


def _pct(x: float | None) -> str:
    return "   -  " if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:5.1f}%"


def format_constraint_table(reports: Sequence[ConstraintReport]) -> str:
    """A text table: one row per style (and overall), one column block per report (backend)."""
    styles = sorted(set().union(*(r.styles for r in reports)))
    head = f"{'style':<12} {'cases':>6}"
    for r in reports:
        head += f" | {r.label[:26]:^26}"
    sub = f"{'':<12} {'':>6}" + "".join(f" | {'met':>7} {'high':>7} {'empty':>9}" for _ in reports)
    lines = [head, sub, "-" * len(sub)]

    def row(name: str, tallies: list[Tally | None]) -> str:
        n = next((t.cases for t in tallies if t is not None), 0)
        s = f"{name:<12} {n:>6}"
        for t in tallies:
            if t is None:
                s += f" | {'':>7} {'':>7} {'':>9}"
            else:
                s += f" | {_pct(t.share):>7} {_pct(t.high_share):>7} {f'{t.empty}/{t.movement_cases}':>9}"
        return s

    for name in styles:
        lines.append(row(name, [r.styles.get(name) for r in reports]))
    lines.append("-" * len(sub))
    lines.append(row("overall", [r.overall for r in reports]))
    return "\n".join(lines)


# --------------------------------------------------------------------------- KeyframeFace pairs


@dataclass
class PairItem:
    source: str
    query: Query
    reference: np.ndarray


def _split_assistant(obj: dict) -> tuple[dict, str | None]:
    """A request line without its trailing assistant message, and that message's text (or None)."""
    messages = obj.get("messages")
    if isinstance(messages, list) and messages and isinstance(messages[-1], dict) and messages[-1].get("role") == "assistant":
        content = messages[-1].get("content")
        return {**obj, "messages": messages[:-1]}, content if isinstance(content, str) else json.dumps(content)
    return obj, None


def _response_text(obj: dict, where: str) -> str:
    for key in ("response", "output", "completion", "content"):
        value = obj.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return json.dumps(value)
    _, text = _split_assistant(obj)
    if text is not None:
        return text
    if any(str(k).lower().startswith("keyframe") for k in obj):
        return json.dumps(obj)
    raise EvalFileError(f"{where}: no reference response (expected a 'response' string or a Keyframe_x object)")


def load_keyframeface_pairs(requests: str | Path, responses: str | Path | None = None) -> list[PairItem]:
    """Request lines with their reference keyframes (from ``responses`` or each line's assistant message)."""
    from .keyframeface import KeyframeFaceFormatError, parse_request, parse_response

    requests = Path(requests)
    req_lines = read_jsonl(requests)
    resp_lines = read_jsonl(responses) if responses is not None else None
    if resp_lines is not None and len(resp_lines) != len(req_lines):
        raise EvalFileError(
            f"{responses}: {len(resp_lines)} responses for {len(req_lines)} requests in {requests} (they pair line by line)"
        )
    items = []
    for k, (lineno, obj) in enumerate(req_lines):
        where = f"{requests}:{lineno}"
        obj, inline = _split_assistant(obj)
        if resp_lines is not None:
            rl, robj = resp_lines[k]
            text, rwhere = _response_text(robj, f"{responses}:{rl}"), f"{responses}:{rl}"
        elif inline is not None:
            text, rwhere = inline, where
        else:
            raise EvalFileError(f"{where}: no reference response (give the responses file, or an assistant message in the request)")
        try:
            descs, index, background, emotion = parse_request(obj)
        except KeyframeFaceFormatError as exc:
            raise EvalFileError(f"{where}: {exc}") from None
        parsed = parse_response(text, index=index)
        if not parsed.ok:
            raise EvalFileError(f"{rwhere}: the reference response holds no channel value")
        items.append(PairItem(where, Query(descs[index], background, emotion, None, tuple(descs), index), parsed.values))
    return items


@dataclass
class PairReport:
    label: str
    count: int
    mae: float
    within: float  # share of channel values within WITHIN of the reference
    channel_mae: dict[str, float]
    group_mae: dict[str, float]
    worst: list[tuple[str, float]]  # (source, keyframe MAE), worst first
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "label": self.label, "keyframes": self.count, "mae": round(self.mae, 5), "within_0_1": round(self.within, 4),
            "group_mae": {k: round(v, 5) for k, v in self.group_mae.items()},
            "channel_mae": {k: round(v, 5) for k, v in self.channel_mae.items()},
            "worst": [{"source": s, "mae": round(m, 5)} for s, m in self.worst], "backend_errors": self.errors,
        }


def evaluate_pairs(items: Sequence[PairItem], predict: Predictor, *, label: str = "", chain: bool = False, batch: int = 64) -> PairReport:
    """Score ``predict`` against reference keyframes (MAE per channel and group, share within 0.1).

    With ``chain``, keyframes of one script are predicted in order, each seeing the prediction for
    the keyframe before it (for backends that read the previous keyframe, like the planner).
    """
    if not items:
        raise EvalFileError("no KeyframeFace pair to score")
    if chain:
        done: dict[tuple, np.ndarray] = {}
        preds: list[np.ndarray] = [None] * len(items)  # type: ignore[list-item]
        for k in sorted(range(len(items)), key=lambda k: (items[k].query.sequence, items[k].query.index)):
            q = items[k].query
            prev = done.get((q.sequence, q.background, q.emotion, q.index - 1))
            q2 = Query(q.description, q.background, q.emotion, tuple(prev) if prev is not None else None, q.sequence, q.index)
            preds[k] = _values(predict([q2])[0])
            done[(q.sequence, q.background, q.emotion, q.index)] = preds[k]
    else:
        preds = _predict_all(predict, [it.query for it in items], batch)
    pred = np.stack(preds)
    ref = np.stack([it.reference for it in items])
    err = np.abs(pred - ref)
    channel_mae = {name: float(err[:, i].mean()) for i, name in enumerate(ch.NAMES)}
    group_mae = {g: float(err[:, ch.group_indices(g)].mean()) for g in ch.GROUPS}
    per_item = err.mean(axis=1)
    worst = sorted(((items[k].source, float(per_item[k])) for k in range(len(items))), key=lambda x: -x[1])[:10]
    return PairReport(label, len(items), float(err.mean()), float((err <= WITHIN + 1e-9).mean()), channel_mae, group_mae, worst)


def format_pair_table(reports: Sequence[PairReport], top_channels: int = 10) -> str:
    lines = [f"{'':<22}" + "".join(f" {r.label[:14]:>14}" for r in reports)]
    lines.append(f"{'keyframes':<22}" + "".join(f" {r.count:>14d}" for r in reports))
    lines.append(f"{'MAE (all channels)':<22}" + "".join(f" {r.mae:>14.4f}" for r in reports))
    lines.append(f"{'within 0.1':<22}" + "".join(f" {100 * r.within:>13.1f}%" for r in reports))
    lines.append("MAE per group:")
    for g in ch.GROUPS:
        lines.append(f"  {g:<20}" + "".join(f" {r.group_mae[g]:>14.4f}" for r in reports))
    main = reports[-1]
    order = sorted(main.channel_mae, key=lambda n: -main.channel_mae[n])[:top_channels]
    lines.append(f"largest channel errors ({main.label}):")
    for name in order:
        lines.append(f"  {name:<20}" + "".join(f" {r.channel_mae[name]:>14.4f}" for r in reports))
    return "\n".join(lines)
