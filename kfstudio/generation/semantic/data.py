"""Training examples for the learned layer, read from the formats a user may have.

* the project's annotated corpus lines (``models/corpus/*.jsonl``, see its README): ``description``,
  ``background``, ``emotion``, ``targets`` (unlisted channels = 0); pair lines are skipped;
* KeyframeFace request/response JSONL: a request file (``{"messages": [...]}`` per line) and its
  response file (``{"response": "..."}`` per line, same order), or one file whose lines hold both
  (``{"messages": [...], "response": ...}``);
* ``.kfs`` projects: every keyframe with a description gives one example (its values, the project's
  background and emotion).

Bad input raises :class:`DataError` naming the file, line and field.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from kfstudio import channels as ch
from kfstudio.animation import Animation

__all__ = ["Example", "DataError", "ProjectLoader", "read_examples", "examples_from_animation", "corpus_example", "data_hash"]


class DataError(ValueError):
    """A training file cannot be read (message names file, line and field)."""


@dataclass
class Example:
    description: str
    targets: np.ndarray  # (61,) Live Link Face order and signs
    background: str = ""
    emotion: str = ""
    family: str = ""
    key: list[str] = field(default_factory=list)
    source: str = ""
    low: dict[str, float] = field(default_factory=dict)  # channel -> most allowed (corpus lines)
    variant: str = ""  # corpus variant kind ("weaker", "stronger", "typo", ...), "" for written lines


def corpus_example(obj: dict, where: str = "") -> Example | None:
    """One corpus description line -> Example (None for a pair or context-pair line)."""
    if "pair" in obj or "context_pair" in obj:
        return None
    desc = obj.get("description")
    if not isinstance(desc, str) or not desc.strip():
        raise DataError(f"{where}: 'description' must be a non-empty string")
    targets = obj.get("targets", {})
    if not isinstance(targets, dict):
        raise DataError(f"{where}: 'targets' must be an object")
    v = np.zeros(ch.NUM_CHANNELS)
    for name, value in targets.items():
        try:
            idx = ch.channel_index(name)
        except KeyError:
            raise DataError(f"{where}: 'targets': unknown channel {name!r}") from None
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not np.isfinite(value):
            raise DataError(f"{where}: 'targets.{name}' must be a number")
        v[idx] = float(value)
    return Example(
        description=desc.strip(),
        targets=ch.clamp(v),
        background=str(obj.get("background") or ""),
        emotion=str(obj.get("emotion") or ""),
        family=str(obj.get("family") or ""),
        key=[k for k in (obj.get("key") or []) if k in targets],
        source=where,
        low={k: float(v) for k, v in (obj.get("low") or {}).items() if k in ch.NAMES and isinstance(v, (int, float))},
        variant=str(obj.get("variant") or ""),
    )


def _jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{number}: not JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise DataError(f"{path}:{number}: expected a JSON object")
        yield number, obj


def _keyframeface_examples(requests: list[tuple[int, dict]], responses: list[tuple[int, object]], path: Path, rpath: Path) -> list[Example]:
    from kfstudio.generation import keyframeface as kf

    if len(requests) != len(responses):
        raise DataError(f"{rpath}: {len(responses)} responses for {len(requests)} requests in {path}")
    out = []
    for (n, req), (m, resp) in zip(requests, responses):
        try:
            descriptions, index, background, emotion = kf.parse_request(req)
        except kf.KeyframeFaceFormatError as exc:
            raise DataError(f"{path}:{n}: {exc}") from None
        parsed = kf.parse_response(resp, index=index)
        if not parsed.ok:
            raise DataError(f"{rpath}:{m}: 'response': no channel values found")
        out.append(Example(descriptions[index], parsed.values, background, emotion, family=f"{path.name}:{n}", source=f"{path}:{n}"))
    return out


def _response_text(obj: dict, where: str) -> object:
    for key in ("response", "completion", "output"):
        if key in obj:
            return obj[key]
    msgs = obj.get("messages")
    if isinstance(msgs, list):
        for m in reversed(msgs):
            if isinstance(m, dict) and m.get("role") == "assistant":
                return m.get("content")
    raise DataError(f"{where}: no 'response' field")


def _read_jsonl_file(path: Path) -> list[Example]:
    rows = list(_jsonl(path))
    if not rows:
        return []
    first = rows[0][1]
    if "messages" in first:
        # a request file: responses inline, or in a sibling file named *response*
        for n, obj in rows:
            if not isinstance(obj.get("messages"), list):
                raise DataError(f"{path}:{n}: field 'messages': expected a list of chat messages")
        if any(k in first for k in ("response", "completion", "output")) or any(
            isinstance(m, dict) and m.get("role") == "assistant" for m in first["messages"]
        ):
            return _keyframeface_examples(rows, [(n, _response_text(o, f"{path}:{n}")) for n, o in rows], path, path)
        sibling = path.with_name(path.name.replace("request", "response"))
        if sibling == path or not sibling.is_file():
            raise DataError(f"{path}: KeyframeFace requests without responses (expected {sibling.name} beside it)")
        responses = [(n, _response_text(o, f"{sibling}:{n}")) for n, o in _jsonl(sibling)]
        return _keyframeface_examples(rows, responses, path, sibling)
    if "response" in first and "messages" not in first:
        return []  # the response half of a pair; read with its request file
    out = []
    for n, obj in rows:
        ex = corpus_example(obj, f"{path}:{n}")
        if ex is not None:
            out.append(ex)
    return out


#: Reads a ``.kfs`` project into an :class:`~kfstudio.animation.Animation` (``kfstudio.io.project.load_project``,
#: passed in by the caller: the generation layer does not import the file formats).
ProjectLoader = Callable[[Path], Animation]


def _read_project(path: Path, load_project: ProjectLoader | None) -> list[Example]:
    if load_project is None:
        raise DataError(f"{path}: .kfs projects are read by `kfstudio train` (no project reader was given)")
    try:
        anim = load_project(path)
    except (ValueError, OSError) as exc:  # ProjectError is a ValueError
        raise DataError(f"{path}: {exc}") from None
    return examples_from_animation(anim, path)


def examples_from_animation(anim: Animation, path: Path) -> list[Example]:
    """One example per keyframe with a description, in the context of the animation's script."""
    background = emotion = ""
    if anim.script.strip():
        from kfstudio.generation.script import ScriptError, parse_script

        try:
            script = parse_script(anim.script, str(path))
            background, emotion = script.background, script.emotion
        except ScriptError:
            pass  # the keyframes still teach without their context
    out = []
    for i, kf in enumerate(anim.keyframes):
        if kf.description.strip():
            out.append(Example(kf.description.strip(), np.array(kf.values, dtype=np.float64), background, emotion,
                               family=f"{path.name}:{i}", source=f"{path}#{i}"))
    return out


def read_examples(paths: Iterable[str | Path], load_project: ProjectLoader | None = None) -> list[Example]:
    """Examples from files and folders (a folder: its *.jsonl and *.kfs files, sorted); ``.kfs``
    projects are read with ``load_project``."""
    out: list[Example] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files = sorted([*p.glob("*.jsonl"), *p.glob("*.kfs")])
            if not files:
                raise DataError(f"{p}: no .jsonl or .kfs file in this folder")
        elif p.is_file():
            files = [p]
        else:
            raise DataError(f"{p}: no such file or folder")
        for f in files:
            out.extend(_read_project(f, load_project) if f.suffix == ".kfs" else _read_jsonl_file(f))
    return out


def data_hash(examples: Iterable[Example]) -> str:
    """A short SHA-256 of the examples' text and targets (order-sensitive)."""
    h = hashlib.sha256()
    for ex in examples:
        h.update(json.dumps([ex.description, ex.background, ex.emotion, np.round(ex.targets, 4).tolist()]).encode())
    return h.hexdigest()[:16]
