"""The ``.kfs`` project file: versioned JSON with the script, keyframes, curves and settings.

Layout (version 1)::

    {
      "format": "kfstudio-project",
      "version": 1,
      "fps": 30.0,
      "duration": null,                  # null = up to the last key plus one second
      "script": "Background: ...",
      "channels": ["EyeBlinkLeft", ...], # the order of every per-channel list below
      "channel_locked": ["JawOpen"],     # names
      "channel_muted": [],
      "settings": {...},                 # backend, export options, secondary motion, provenance,
                                         # planner_draft ({keyframe id: values digest}) ... (JSON values)
      "keyframes": [
        {"id": "3f2a...", "time": 0.0, "hold": 0.0, "description": "...",
         "values": [61 numbers], "keyed": "all" | [names], "locked": [names], "edited": [names],
         "interp": "bezier" | [61 of "constant"/"linear"/"bezier"],
         "tangent": "auto-clamped" | [61 of "auto-clamped"/"free"/"flat"],
         "in_slope": [61] (only when some tangent is free), "out_slope": [61]}
      ]
    }

Saving is atomic: the text goes to a temporary file in the same folder, is flushed and fsynced, and
replaces the target with one rename, so a crash or kill mid-save leaves the previous file intact.
Loading checks everything and raises :class:`ProjectError` naming the file and the field.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from .. import channels as ch
from ..animation import Animation, Interp, Keyframe, Tangent
from ..animation.secondary import SETTINGS_KEY as SECONDARY_KEY
from ..animation.secondary import SecondaryMotion

#: The settings key of the keyframes left with the planner's draft (``script_sync.DRAFT``; io may not
#: import script_sync, which imports io). Saved and loaded as it is: a reloaded project still marks them.
DRAFT_KEY = "planner_draft"
from .atomic import atomic_write_text

__all__ = ["FORMAT", "VERSION", "ProjectError", "to_dict", "from_dict", "save_project", "load_project"]

FORMAT = "kfstudio-project"
VERSION = 1

_INTERP_NAMES = {Interp.CONSTANT: "constant", Interp.LINEAR: "linear", Interp.BEZIER: "bezier"}
_TANGENT_NAMES = {Tangent.AUTO_CLAMPED: "auto-clamped", Tangent.FREE: "free", Tangent.FLAT: "flat"}
_INTERP_CODES = {v: k for k, v in _INTERP_NAMES.items()}
_TANGENT_CODES = {v: k for k, v in _TANGENT_NAMES.items()}


class ProjectError(ValueError):
    """A project file that cannot be read; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike | None, message: str):
        self.path = None if path is None else str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


# ---------------------------------------------------------------------------- writing


def _names(mask: np.ndarray) -> list[str]:
    return [ch.NAMES[i] for i in np.flatnonzero(mask)]


def _codes_out(codes: np.ndarray, names: dict) -> str | list[str]:
    if np.all(codes == codes[0]):
        return names[int(codes[0])]
    return [names[int(c)] for c in codes]


def _num(x: float) -> float:
    # Shortest repr that round-trips exactly (json writes floats with repr).
    return float(x)


def to_dict(anim: Animation) -> dict:
    """The JSON-ready dictionary of an animation (see the module docstring)."""
    kfs = []
    for k in anim.keyframes:
        d: dict[str, Any] = {
            "id": k.uid,
            "time": _num(k.time),
            "hold": _num(k.hold),
            "description": k.description,
            "values": [_num(v) for v in k.values],
            "keyed": "all" if k.keyed.all() else _names(k.keyed),
            "locked": _names(k.locked),
            "edited": _names(k.edited),
            "interp": _codes_out(k.interp, _INTERP_NAMES),
            "tangent": _codes_out(k.tangent, _TANGENT_NAMES),
        }
        if np.any(k.tangent == Tangent.FREE):
            d["in_slope"] = [_num(v) for v in k.in_slope]
            d["out_slope"] = [_num(v) for v in k.out_slope]
        kfs.append(d)
    return {
        "format": FORMAT,
        "version": VERSION,
        "fps": anim.fps,
        "duration": anim.explicit_duration,
        "script": anim.script,
        "channels": list(ch.NAMES),
        "channel_locked": _names(anim.channel_locked),
        "channel_muted": _names(anim.channel_muted),
        "settings": anim.settings,
        "keyframes": kfs,
    }


def save_project(anim: Animation, path: str | os.PathLike) -> None:
    """Save atomically as a ``.kfs`` project."""
    atomic_write_text(path, json.dumps(to_dict(anim), indent=1, ensure_ascii=False, allow_nan=False) + "\n")


# ---------------------------------------------------------------------------- reading


def _short(value: Any, limit: int = 40) -> str:
    """A value from the file, shortened for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Reader:
    """Validates one project dictionary, raising ProjectError with the JSON path of any problem."""

    def __init__(self, path):
        self.path = path

    def fail(self, where: str, msg: str):
        raise ProjectError(self.path, f"{where}: {msg}" if where else msg)

    def number(self, where: str, v, *, positive=False, nonneg=False) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self.fail(where, f"expected a finite number, got {_short(v)}")
        try:
            v = float(v)  # a huge JSON integer overflows here
        except OverflowError:
            self.fail(where, f"the number {str(v)[:20]}... is too large")
        if not math.isfinite(v):
            self.fail(where, f"expected a finite number, got {v}")
        if positive and v <= 0:
            self.fail(where, f"must be greater than 0, got {v}")
        if nonneg and v < 0:
            self.fail(where, f"must not be negative, got {v}")
        return float(v)

    def channel_map(self, names) -> np.ndarray:
        """File column j → channel index (files may list channels in another order or spelling)."""
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            self.fail("channels", "expected a list of channel names")
        idx = []
        for j, n in enumerate(names):
            try:
                idx.append(ch.channel_index(n))
            except KeyError as e:
                self.fail(f"channels[{j}]", str(e))
        if len(set(idx)) != len(idx):
            self.fail("channels", "a channel is listed twice")
        return np.array(idx, dtype=np.intp)

    def mask(self, where: str, v, default_all=False) -> np.ndarray:
        m = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        if v == "all":
            m[:] = True
            return m
        if v is None:
            m[:] = default_all
            return m
        if not isinstance(v, list):
            self.fail(where, "expected a list of channel names")
        for j, n in enumerate(v):
            if not isinstance(n, str):
                self.fail(f"{where}[{j}]", "expected a channel name")
            try:
                m[ch.channel_index(n)] = True
            except KeyError as e:
                self.fail(f"{where}[{j}]", str(e))
        return m

    def per_channel(self, where: str, v, cmap: np.ndarray, default: float) -> np.ndarray:
        out = np.full(ch.NUM_CHANNELS, default, dtype=np.float64)
        if not isinstance(v, list) or len(v) != len(cmap):
            n = len(v) if isinstance(v, list) else type(v).__name__
            self.fail(where, f"expected a list of {len(cmap)} numbers, got {n}")
        out[cmap] = [self.number(f"{where}[{j}]", x) for j, x in enumerate(v)]
        return out

    def codes(self, where: str, v, table: dict, default: int, cmap: np.ndarray) -> np.ndarray:
        out = np.full(ch.NUM_CHANNELS, default, dtype=np.int8)
        if v is None:
            return out
        if isinstance(v, str):
            if v not in table:
                self.fail(where, f"unknown value {_short(v)}; expected one of {', '.join(table)}")
            out[:] = table[v]
            return out
        if not isinstance(v, list) or len(v) != len(cmap):
            self.fail(where, f"expected one of {', '.join(table)} or a list of {len(cmap)} of them")
        for j, x in enumerate(v):
            if not isinstance(x, str) or x not in table:
                self.fail(f"{where}[{j}]", f"unknown value {_short(x)}; expected one of {', '.join(table)}")
            out[cmap[j]] = table[x]
        return out

    def keyframe(self, i: int, d, cmap: np.ndarray, seen: set) -> Keyframe:
        w = f"keyframes[{i}]"
        if not isinstance(d, dict):
            self.fail(w, "expected an object")
        if "values" not in d:
            self.fail(w, "missing 'values'")
        if "time" not in d:
            self.fail(w, "missing 'time'")
        uid = d.get("id")
        if not isinstance(uid, str) or not uid:
            self.fail(f"{w}.id", "expected a non-empty string")
        if uid in seen:
            self.fail(f"{w}.id", f"duplicate keyframe id {uid!r}")
        seen.add(uid)
        desc = d.get("description", "")
        if not isinstance(desc, str):
            self.fail(f"{w}.description", "expected a string")
        values = self.per_channel(f"{w}.values", d["values"], cmap, 0.0)
        bad = (values < ch.LOWER - 1e-9) | (values > ch.UPPER + 1e-9)
        if bad.any():
            c = int(np.flatnonzero(bad)[0])
            self.fail(f"{w}.values", f"{ch.NAMES[c]} = {values[c]} is outside [{ch.LOWER[c]:g}, {ch.UPPER[c]:g}]")
        kf = Keyframe(
            self.number(f"{w}.time", d["time"], nonneg=True),
            desc,
            values,
            keyed=self.mask(f"{w}.keyed", d.get("keyed", "all")),
            locked=self.mask(f"{w}.locked", d.get("locked")),
            edited=self.mask(f"{w}.edited", d.get("edited")),
            interp=self.codes(f"{w}.interp", d.get("interp"), _INTERP_CODES, Interp.BEZIER, cmap),
            tangent=self.codes(f"{w}.tangent", d.get("tangent"), _TANGENT_CODES, Tangent.AUTO_CLAMPED, cmap),
            in_slope=self.per_channel(f"{w}.in_slope", d["in_slope"], cmap, 0.0) if "in_slope" in d else np.zeros(ch.NUM_CHANNELS),
            out_slope=self.per_channel(f"{w}.out_slope", d["out_slope"], cmap, 0.0) if "out_slope" in d else np.zeros(ch.NUM_CHANNELS),
            hold=self.number(f"{w}.hold", d.get("hold", 0.0), nonneg=True),
            uid=uid,
        )
        return kf

    def animation(self, data) -> Animation:
        if not isinstance(data, dict):
            self.fail("", "not a KeyframeFace Studio project (the file holds no JSON object)")
        if data.get("format") != FORMAT:
            self.fail("format", f"not a KeyframeFace Studio project (expected \"format\": \"{FORMAT}\")")
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            self.fail("version", f"expected an integer, got {_short(version)}")
        if version > VERSION:
            self.fail("version", f"the file is version {version}, made by a newer KeyframeFace Studio; this one reads up to version {VERSION}")
        if version < 1:
            self.fail("version", f"unknown version {version}")
        cmap = self.channel_map(data.get("channels", list(ch.NAMES)))
        fps = self.number("fps", data.get("fps", 30.0), positive=True)
        duration = data.get("duration")
        if duration is not None:
            duration = self.number("duration", duration, nonneg=True)
        script = data.get("script", "")
        if not isinstance(script, str):
            self.fail("script", "expected a string")
        settings = data.get("settings", {})
        if not isinstance(settings, dict):
            self.fail("settings", "expected an object")
        try:
            SecondaryMotion.from_dict(settings.get(SECONDARY_KEY))
        except ValueError as e:
            self.fail("settings", str(e))
        drafts = settings.get(DRAFT_KEY)
        if drafts is not None and (not isinstance(drafts, dict) or not all(isinstance(v, str) for v in drafts.values())):
            self.fail(f"settings.{DRAFT_KEY}", f"expected an object of keyframe ids to value digests (strings), got {_short(drafts)}")
        raw = data.get("keyframes", [])
        if not isinstance(raw, list):
            self.fail("keyframes", "expected a list")
        seen: set = set()
        kfs = [self.keyframe(i, d, cmap, seen) for i, d in enumerate(raw)]
        anim = Animation(kfs, fps=fps, duration=duration, script=script)
        anim.channel_locked = self.mask("channel_locked", data.get("channel_locked"))
        anim.channel_muted = self.mask("channel_muted", data.get("channel_muted"))
        anim.settings = settings
        return anim


def from_dict(data: Any, path: str | os.PathLike | None = None) -> Animation:
    """Build an animation from a project dictionary; raises :class:`ProjectError`."""
    return _Reader(None if path is None else str(path)).animation(data)


def load_project(path: str | os.PathLike) -> Animation:
    """Read a ``.kfs`` file; raises :class:`ProjectError` with a clear message for any problem."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ProjectError(p, "no such file") from None
    except IsADirectoryError:
        raise ProjectError(p, "is a folder, not a project file") from None
    except OSError as e:
        raise ProjectError(p, f"cannot be read: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ProjectError(p, f"not a text file (invalid UTF-8 at byte {e.start}); is it a project file?") from None
    if not text.strip():
        raise ProjectError(p, "the file is empty (damaged or not a project file)")
    try:
        data = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(f"{c} is not allowed")))
    except json.JSONDecodeError as e:
        raise ProjectError(p, f"damaged: invalid JSON at line {e.lineno}, column {e.colno} ({e.msg})") from None
    except (ValueError, RecursionError) as e:
        raise ProjectError(p, f"damaged: {e}") from None
    return from_dict(data, p)
