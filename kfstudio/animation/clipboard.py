"""Copied keys and poses as a JSON payload (the clipboard format), Qt-free.

A payload is a JSON object::

    {"format": "kfstudio-clipboard", "version": 1, "kind": "keys" | "pose", "fps": 30.0,
     "keys": [{"channel": "JawOpen", "dt": 0.0, "value": 0.6, "interp": 2, "tangent": 0,
               "in_slope": 0.0, "out_slope": 0.0}, ...]}        # kind "keys"
     "values": {"JawOpen": 0.6, ...}                              # kind "pose"

Channels are named (any spelling :func:`kfstudio.channels.lookup` accepts), so payloads travel
between documents and programs; ``dt`` is seconds after the first copied key. :func:`parse` checks a
payload and names the field that is wrong (:class:`ClipboardError`).
"""

from __future__ import annotations

import json
import math
from typing import Iterable

import numpy as np

from .. import channels as ch
from . import commands
from .document import Animation

__all__ = ["MIME_TYPE", "FORMAT", "ClipboardError", "keys_payload", "pose_payload", "dumps", "parse", "paste_edit"]

MIME_TYPE = "application/x-kfstudio-clipboard+json"
FORMAT = "kfstudio-clipboard"
VERSION = 1


class ClipboardError(ValueError):
    """A clipboard text that is not a usable payload (the message names the field)."""


def keys_payload(anim: Animation, keys: Iterable[tuple[str, int]]) -> dict:
    """The payload of channel keys ``(keyframe id, channel)`` of ``anim``."""
    rows = []
    for uid, c in dict.fromkeys(keys):
        k = anim.find(uid)
        if k.keyed[c]:
            rows.append((k.time, int(c), k))
    if not rows:
        raise ClipboardError("no keys to copy")
    t0 = min(t for t, _c, _k in rows)
    out = [
        {
            "channel": ch.NAMES[c],
            "dt": t - t0,
            "value": float(k.values[c]),
            "interp": int(k.interp[c]),
            "tangent": int(k.tangent[c]),
            "in_slope": float(k.in_slope[c]),
            "out_slope": float(k.out_slope[c]),
        }
        for t, c, k in sorted(rows, key=lambda r: (r[0], r[1]))
    ]
    return {"format": FORMAT, "version": VERSION, "kind": "keys", "fps": anim.fps, "keys": out}


def pose_payload(values: np.ndarray, fps: float = 30.0) -> dict:
    """The payload of a whole pose (61 values)."""
    values = np.asarray(values, dtype=np.float64)
    if values.shape != (ch.NUM_CHANNELS,):
        raise ClipboardError(f"a pose has {ch.NUM_CHANNELS} values, got shape {values.shape}")
    return {"format": FORMAT, "version": VERSION, "kind": "pose", "fps": float(fps),
            "values": {ch.NAMES[c]: float(values[c]) for c in range(ch.NUM_CHANNELS)}}


def dumps(payload: dict) -> str:
    return json.dumps(payload, indent=1)


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ClipboardError(f"{where}: expected a finite number, got {value!r}")
    return float(value)


def _channel(name, where: str) -> int:
    if not isinstance(name, str):
        raise ClipboardError(f"{where}: expected a channel name, got {name!r}")
    try:
        return ch.lookup(name).index
    except (KeyError, ValueError) as exc:
        raise ClipboardError(f"{where}: unknown channel {name!r}") from exc


def parse(text: str) -> dict:
    """Check a clipboard text and return its payload with channel indices (``ClipboardError`` if it is
    not one: the message names the field)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise ClipboardError(f"not a KeyframeFace Studio clipboard (not JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ClipboardError(f"not a KeyframeFace Studio clipboard (\"format\" is not {FORMAT!r})")
    if data.get("version") != VERSION:
        raise ClipboardError(f"\"version\": expected {VERSION}, got {data.get('version')!r}")
    kind = data.get("kind")
    if kind == "keys":
        keys = data.get("keys")
        if not isinstance(keys, list) or not keys:
            raise ClipboardError("\"keys\": expected a non-empty list")
        out = []
        for i, key in enumerate(keys):
            where = f"keys[{i}]"
            if not isinstance(key, dict):
                raise ClipboardError(f"{where}: expected an object")
            row = {"channel": _channel(key.get("channel"), f"{where}.channel"),
                   "dt": _number(key.get("dt", 0.0), f"{where}.dt"),
                   "value": _number(key.get("value"), f"{where}.value")}
            if row["dt"] < 0:
                raise ClipboardError(f"{where}.dt: must be >= 0, got {row['dt']!r}")
            for f, allowed in (("interp", (0, 1, 2)), ("tangent", (0, 1, 2))):
                if f in key:
                    if key[f] not in allowed or isinstance(key[f], bool):
                        raise ClipboardError(f"{where}.{f}: expected one of {allowed}, got {key[f]!r}")
                    row[f] = int(key[f])
            for f in ("in_slope", "out_slope"):
                if f in key:
                    row[f] = _number(key[f], f"{where}.{f}")
            out.append(row)
        return {"kind": "keys", "keys": out}
    if kind == "pose":
        values = data.get("values")
        if not isinstance(values, dict) or not values:
            raise ClipboardError("\"values\": expected an object of channel: value")
        return {"kind": "pose", "values": {_channel(n, f"values.{n}"): _number(v, f"values.{n}") for n, v in values.items()}}
    raise ClipboardError(f"\"kind\": expected \"keys\" or \"pose\", got {kind!r}")


def paste_edit(anim: Animation, payload: dict, time: float):
    """The edit pasting a parsed payload at ``time`` (keys from there on; a pose keyed there)."""
    if payload["kind"] == "keys":
        return commands.paste_keys(anim, payload["keys"], time)
    return commands.paste_pose(anim, time, payload["values"])
