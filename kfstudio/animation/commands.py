"""Undoable edits of an :class:`~.document.Animation`, and an undo stack with no Qt dependency.

Every edit is an :class:`Edit`: it records, for the keyframes it touches (by id), the keyframe before
and after (``None`` = absent), and the document fields it changes. ``redo`` installs the after state,
``undo`` the before state — so undoing any sequence of edits restores the document exactly.

The builder functions below (``add_keyframe``, ``move_keyframes``, ``set_values`` ...) compute an
edit from the current document without changing it; push the result on an :class:`UndoStack` to
apply it. A builder returns ``None`` when the edit would change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .. import channels as ch
from .curves import Interp, Tangent
from .document import Animation, Keyframe, new_uid

__all__ = [
    "Command",
    "Edit",
    "UndoStack",
    "make_edit",
    "add_keyframe",
    "delete_keyframes",
    "duplicate_keyframe",
    "move_keyframes",
    "set_keyframe_time",
    "retime",
    "set_values",
    "set_description",
    "set_hold",
    "set_interpolation",
    "set_tangent",
    "set_keyframe_lock",
    "set_channel_flags",
    "mirror_keyframes",
    "smooth_keys",
    "key_pose",
    "move_channel_key",
    "delete_channel_keys",
    "apply_proposals",
    "replace_keyframes",
    "set_document",
    "set_secondary_motion",
    "KeysEdit",
    "place_keys",
    "move_keys",
    "move_targets",
    "scale_keys",
    "paste_keys",
    "paste_pose",
    "change_fps",
]

_FIELDS = ("fps", "duration", "script", "channel_locked", "channel_muted", "settings")


def _get_field(anim: Animation, name: str):
    if name == "duration":
        return anim.explicit_duration
    v = getattr(anim, name)
    return v.copy() if isinstance(v, (np.ndarray, dict)) else v


def _set_field(anim: Animation, name: str, value) -> None:
    if isinstance(value, (np.ndarray, dict)):
        value = value.copy()
    setattr(anim, name, value)


class Command:
    """An undoable change of an animation."""

    label: str = ""

    def redo(self, anim: Animation) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def undo(self, anim: Animation) -> None:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class Edit(Command):
    """Replace keyframes (by id) and document fields; remembers what it replaced."""

    label: str
    before: dict[str, Keyframe | None] = field(default_factory=dict)
    after: dict[str, Keyframe | None] = field(default_factory=dict)
    fields_before: dict = field(default_factory=dict)
    fields_after: dict = field(default_factory=dict)

    @staticmethod
    def _install(anim: Animation, kfs: Mapping[str, Keyframe | None], fields: Mapping) -> None:
        if kfs:
            anim.keyframes = [k for k in anim.keyframes if k.uid not in kfs]
            anim.keyframes.extend(k.copy() for k in kfs.values() if k is not None)
            anim.sort()
        for name, value in fields.items():
            _set_field(anim, name, value)
        anim.touch()

    def redo(self, anim: Animation) -> None:
        self._install(anim, self.after, self.fields_after)

    def undo(self, anim: Animation) -> None:
        self._install(anim, self.before, self.fields_before)

    def is_noop(self) -> bool:
        for uid in set(self.before) | set(self.after):
            b, a = self.before.get(uid), self.after.get(uid)
            if b is None or a is None:
                if (b is None) != (a is None):
                    return False
            elif not b.same_as(a):
                return False
        for name in self.fields_after:
            b, a = self.fields_before[name], self.fields_after[name]
            if isinstance(a, np.ndarray):
                if not np.array_equal(a, b):
                    return False
            elif a != b:
                return False
        return True


@dataclass
class Macro(Command):
    """Several commands undone and redone as one step."""

    label: str
    commands: list[Command] = field(default_factory=list)

    def redo(self, anim: Animation) -> None:
        for c in self.commands:
            c.redo(anim)

    def undo(self, anim: Animation) -> None:
        for c in reversed(self.commands):
            c.undo(anim)


class UndoStack:
    """Linear undo history of one animation.

    ``push`` applies a command and makes it undoable; ``begin_macro``/``end_macro`` group the
    commands pushed in between into one undo step (e.g. one drag). ``is_clean`` tells whether the
    document matches the last :meth:`set_clean` (the last save).
    """

    def __init__(self, anim: Animation, limit: int = 1000) -> None:
        self.anim = anim
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean: int | None = 0
        self._macros: list[Macro] = []
        self._listeners: list[Callable[["UndoStack"], None]] = []

    # --- observers
    def subscribe(self, fn: Callable[["UndoStack"], None]) -> None:
        self._listeners.append(fn)

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn(self)

    # --- editing
    def push(self, cmd: Command | None) -> bool:
        """Apply ``cmd`` and record it; returns False (and does nothing) for ``None`` or a no-op edit."""
        if cmd is None or (isinstance(cmd, Edit) and cmd.is_noop()):
            return False
        cmd.redo(self.anim)
        if self._macros:
            self._macros[-1].commands.append(cmd)
            return True
        self._record(cmd)
        return True

    def _record(self, cmd: Command) -> None:
        self._done.append(cmd)
        if self._clean is not None and self._clean > len(self._done) - 1:
            self._clean = None  # the saved state was in the discarded redo branch
        self._undone.clear()
        if len(self._done) > self.limit:
            drop = len(self._done) - self.limit
            del self._done[:drop]
            if self._clean is not None:
                self._clean = self._clean - drop if self._clean >= drop else None
        self._notify()

    def amend(self, step: Command, cmd: Command | None) -> Command | None:
        """Apply ``cmd`` as a consequence of ``step``, the command on top, so that both are undone and
        redone as one step (what Qt calls merging): the history records a new :class:`Macro` in
        ``step``'s place; ``step`` itself is never changed. Returns the step now on top (``step``
        when ``cmd`` changes nothing), or ``None`` — and nothing is applied — when ``step`` is not
        on top any more, a redo branch exists or a macro is open (push ``cmd`` as a step of its own
        then). A saved state before the amendment is no longer in the history."""
        if self._macros or self._undone or not self._done or self._done[-1] is not step:
            return None
        if cmd is None or (isinstance(cmd, Edit) and cmd.is_noop()):
            return step
        cmd.redo(self.anim)
        parts = list(step.commands) if isinstance(step, Macro) else [step]
        merged = Macro(step.label, parts + [cmd])
        self._done[-1] = merged
        if self._clean == len(self._done):
            self._clean = None
        self._notify()
        return merged

    def is_undone(self, step: Command) -> bool:
        """True when ``step`` was undone and can be redone."""
        return any(c is step for c in self._undone)

    @property
    def top(self) -> Command | None:
        """The command the next :meth:`undo` undoes (None when there is none)."""
        return self._done[-1] if self._done else None

    def begin_macro(self, label: str) -> None:
        self._macros.append(Macro(label))

    def end_macro(self) -> None:
        macro = self._macros.pop()
        if not macro.commands:
            return
        if self._macros:
            self._macros[-1].commands.append(macro)
        else:
            self._record(macro)

    def cancel_macro(self) -> None:
        """Undo and forget the commands of the open macro (e.g. a drag cancelled with Escape)."""
        macro = self._macros.pop()
        macro.undo(self.anim)

    @property
    def in_macro(self) -> bool:
        return bool(self._macros)

    @property
    def macro_depth(self) -> int:
        """How many macros are open (1 inside one drag)."""
        return len(self._macros)

    def undo(self) -> bool:
        if self._macros or not self._done:
            return False
        cmd = self._done.pop()
        cmd.undo(self.anim)
        self._undone.append(cmd)
        self._notify()
        return True

    def redo(self) -> bool:
        if self._macros or not self._undone:
            return False
        cmd = self._undone.pop()
        cmd.redo(self.anim)
        self._done.append(cmd)
        self._notify()
        return True

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean = 0
        self._notify()

    # --- state
    @property
    def can_undo(self) -> bool:
        return bool(self._done) and not self._macros

    @property
    def can_redo(self) -> bool:
        return bool(self._undone) and not self._macros

    @property
    def undo_text(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].label if self._undone else ""

    @property
    def index(self) -> int:
        return len(self._done)

    def set_clean(self) -> None:
        self._clean = len(self._done)
        self._notify()

    @property
    def is_clean(self) -> bool:
        return self._clean == len(self._done)


# ---------------------------------------------------------------------------- builders


def make_edit(anim: Animation, label: str, changed: Iterable[Keyframe | tuple[str, None]] = (), **fields) -> Edit | None:
    """An :class:`Edit` replacing the given keyframes (copies, matched by id; ``(id, None)`` deletes)
    and document fields, or ``None`` when that changes nothing. The building block of every builder."""
    before: dict[str, Keyframe | None] = {}
    after: dict[str, Keyframe | None] = {}
    current = {k.uid: k for k in anim.keyframes}
    for item in changed:
        uid, kf = (item[0], None) if isinstance(item, tuple) else (item.uid, item)
        old = current.get(uid)
        before[uid] = old.copy() if old is not None else None
        after[uid] = kf.copy() if kf is not None else None
    fb = {name: _get_field(anim, name) for name in fields}
    fa = {name: (v.copy() if isinstance(v, (np.ndarray, dict)) else v) for name, v in fields.items()}
    e = Edit(label, before, after, fb, fa)
    return None if e.is_noop() else e


def _channel(c) -> int:
    return int(c) if isinstance(c, (int, np.integer)) else ch.channel_index(c)


def _channels(cs) -> list[int]:
    if cs is None:
        return list(range(ch.NUM_CHANNELS))
    if isinstance(cs, (int, np.integer, str)):
        cs = [cs]
    return [_channel(c) for c in cs]


def _valid_time(t: float) -> float:
    t = float(t)
    if not np.isfinite(t):
        raise ValueError(f"time must be a finite number, got {t!r}")
    return t


def add_keyframe(anim: Animation, kf: Keyframe, label: str = "Add keyframe") -> Edit | None:
    if any(k.uid == kf.uid for k in anim.keyframes):
        raise ValueError(f"a keyframe with id {kf.uid!r} already exists")
    _valid_time(kf.time)
    return make_edit(anim, label, [kf])


def delete_keyframes(anim: Animation, uids: Iterable[str]) -> Edit | None:
    uids = [u for u in uids if any(k.uid == u for k in anim.keyframes)]
    label = "Delete keyframe" if len(uids) == 1 else f"Delete {len(uids)} keyframes"
    return make_edit(anim, label, [(u, None) for u in uids])


def duplicate_keyframe(anim: Animation, uid: str, time: float) -> Edit | None:
    """A copy of a keyframe's pose (values, keys, tangents, locks) at ``time``.

    The copy has no description: descriptions belong to script lines (a keyframe with one is kept in
    step with its line), and the copy has no line of its own.
    """
    k = anim.find(uid).copy()
    k.uid = new_uid()
    k.time = _valid_time(time)
    k.description = ""
    return make_edit(anim, "Duplicate keyframe", [k])


def move_keyframes(anim: Animation, uids: Iterable[str], delta: float, *, snap: bool = False) -> Edit | None:
    """Shift keyframes in time by ``delta`` seconds (not before 0; optionally snapped to frames)."""
    delta = _valid_time(delta)
    out = []
    for u in uids:
        k = anim.find(u).copy()
        t = max(0.0, k.time + delta)
        k.time = round(t * anim.fps) / anim.fps if snap else t
        out.append(k)
    return make_edit(anim, "Move keyframe" if len(out) == 1 else f"Move {len(out)} keyframes", out)


def set_keyframe_time(anim: Animation, uid: str, time: float) -> Edit | None:
    k = anim.find(uid).copy()
    k.time = max(0.0, _valid_time(time))
    return make_edit(anim, "Retime keyframe", [k])


def retime(anim: Animation, factor: float, *, pivot: float = 0.0, uids: Iterable[str] | None = None) -> Edit | None:
    """Scale keyframe times (and holds) about ``pivot`` by ``factor`` (> 0)."""
    factor = float(factor)
    if not (np.isfinite(factor) and factor > 0):
        raise ValueError(f"retime factor must be a positive number, got {factor!r}")
    sel = set(uids) if uids is not None else None
    out = []
    for k in anim.keyframes:
        if sel is not None and k.uid not in sel:
            continue
        k = k.copy()
        k.time = max(0.0, pivot + (k.time - pivot) * factor)
        k.hold *= factor
        k.in_slope = k.in_slope / factor
        k.out_slope = k.out_slope / factor
        out.append(k)
    fields = {}
    if anim.explicit_duration is not None and sel is None:
        fields["duration"] = anim.explicit_duration * factor
    return make_edit(anim, f"Retime x{factor:g}", out, **fields)


def set_values(
    anim: Animation,
    uid: str,
    values: Mapping[int | str, float] | np.ndarray,
    *,
    edited: bool = True,
    label: str = "Set value",
) -> Edit | None:
    """Set channel values of one keyframe (clamped to range); marks them hand-edited and keyed."""
    k = anim.find(uid).copy()
    if isinstance(values, np.ndarray):
        values = {i: v for i, v in enumerate(values)}
    for c, v in values.items():
        i = _channel(c)
        v = float(v)
        if not np.isfinite(v):
            raise ValueError(f"{ch.NAMES[i]}: value must be a finite number, got {v!r}")
        k.values[i] = min(max(v, ch.LOWER[i]), ch.UPPER[i])
        k.keyed[i] = True
        if edited:
            k.edited[i] = True
    return make_edit(anim, label, [k])


def set_description(anim: Animation, uid: str, text: str) -> Edit | None:
    k = anim.find(uid).copy()
    k.description = str(text)
    return make_edit(anim, "Edit description", [k])


def set_hold(anim: Animation, uid: str, hold: float) -> Edit | None:
    k = anim.find(uid).copy()
    k.hold = max(0.0, _valid_time(hold))
    return make_edit(anim, "Set hold", [k])


def _keys_by_uid(keys: Iterable[tuple[str, int | str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for uid, c in keys:
        out.setdefault(uid, []).append(_channel(c))
    return out


def set_interpolation(anim: Animation, keys: Iterable[tuple[str, int | str]], interp: Interp) -> Edit | None:
    """Set the interpolation of the segments leaving the given (keyframe id, channel) keys."""
    interp = Interp(interp)
    out = []
    for uid, cs in _keys_by_uid(keys).items():
        k = anim.find(uid).copy()
        k.interp[cs] = interp
        out.append(k)
    return make_edit(anim, f"Interpolation: {interp.name.lower()}", out)


def set_tangent(
    anim: Animation,
    keys: Iterable[tuple[str, int | str]],
    mode: Tangent,
    *,
    in_slope: float | None = None,
    out_slope: float | None = None,
) -> Edit | None:
    """Set the tangent mode (and, for free tangents, the slopes in value per second) of keys."""
    mode = Tangent(mode)
    out = []
    for uid, cs in _keys_by_uid(keys).items():
        k = anim.find(uid).copy()
        k.tangent[cs] = mode
        k.interp[cs] = np.where(k.interp[cs] == Interp.CONSTANT, Interp.CONSTANT, Interp.BEZIER)
        if in_slope is not None:
            k.in_slope[cs] = float(in_slope)
        if out_slope is not None:
            k.out_slope[cs] = float(out_slope)
        out.append(k)
    return make_edit(anim, f"Tangents: {mode.name.lower().replace('_', '-')}", out)


def set_keyframe_lock(anim: Animation, uid: str, channels, locked: bool = True) -> Edit | None:
    """Lock (or unlock) channels of one keyframe against regeneration."""
    k = anim.find(uid).copy()
    k.locked[_channels(channels)] = bool(locked)
    return make_edit(anim, "Lock channels" if locked else "Unlock channels", [k])


def set_channel_flags(anim: Animation, channels, *, locked: bool | None = None, muted: bool | None = None) -> Edit | None:
    """Lock or mute whole channels (every keyframe)."""
    cs = _channels(channels)
    fields = {}
    if locked is not None:
        v = anim.channel_locked.copy()
        v[cs] = locked
        fields["channel_locked"] = v
    if muted is not None:
        v = anim.channel_muted.copy()
        v[cs] = muted
        fields["channel_muted"] = v
    words = []
    if locked is not None:
        words.append("Lock" if locked else "Unlock")
    if muted is not None:
        words.append("Mute" if muted else "Unmute")
    return make_edit(anim, f"{' & '.join(words) or 'Change'} channel", **fields)


def mirror_keyframes(anim: Animation, uids: Iterable[str] | None = None) -> Edit | None:
    """Swap left and right on keyframes (values and flags; yaw and roll change sign).

    Locked values stay where they are: a channel locked on the keyframe or on the whole document
    keeps its value and its lock, and its mirror counterpart does not receive it either.
    """
    sel = None if uids is None else set(uids)
    out = []
    m = ch.MIRROR_INDEX
    for k in anim.keyframes:
        if sel is not None and k.uid not in sel:
            continue
        before = k
        k = k.copy()
        # A channel stays put when it or its counterpart is locked (else the lock would move).
        frozen = before.locked | anim.channel_locked
        frozen = frozen | frozen[m]
        swap = np.where(frozen, np.arange(ch.NUM_CHANNELS), m)
        sign = np.where(frozen, 1.0, ch.MIRROR_SIGN)
        k.values = before.values[swap] * sign
        for f in ("keyed", "locked", "edited", "interp", "tangent"):
            setattr(k, f, getattr(before, f)[swap].copy())
        k.in_slope = before.in_slope[swap] * sign
        k.out_slope = before.out_slope[swap] * sign
        k.edited |= k.values != before.values
        out.append(k)
    return make_edit(anim, "Mirror left/right", out)


def smooth_keys(anim: Animation, channels=None, uids: Iterable[str] | None = None, strength: float = 0.5) -> Edit | None:
    """Pull each selected key toward the mean of its neighbours on the same curve (ends stay put)."""
    strength = float(np.clip(strength, 0.0, 1.0))
    sel = None if uids is None else set(uids)
    changed: dict[str, Keyframe] = {}
    for c in _channels(channels):
        times, vals, ids = anim.channel_keys(c)
        if len(ids) < 3:
            continue
        target = vals.copy()
        target[1:-1] = vals[1:-1] + strength * (0.5 * (vals[:-2] + vals[2:]) - vals[1:-1])
        for i in range(1, len(ids) - 1):
            if (sel is not None and ids[i] not in sel) or target[i] == vals[i]:
                continue
            k = changed.get(ids[i]) or anim.find(ids[i]).copy()
            if k.locked[c] or anim.channel_locked[c]:
                continue
            k.values[c] = target[i]
            k.edited[c] = True
            changed[k.uid] = k
    return make_edit(anim, "Smooth keys", changed.values())


def key_pose(anim: Animation, time: float, values: np.ndarray | None = None, description: str = "") -> Edit | None:
    """Key the current pose (or ``values``) at ``time`` on every channel (the K key)."""
    time = max(0.0, _valid_time(time))
    vals = anim.evaluate(time) if values is None else ch.clamp(values)
    existing = anim.keyframe_at(time)
    if existing is not None:
        k = existing.copy()
        changed = (k.values != vals) | ~k.keyed
        k.values = vals.copy()
        k.keyed[:] = True
        k.edited |= changed
        return make_edit(anim, "Key pose", [k])
    return make_edit(anim, "Key pose", [Keyframe(time, description, vals, edited=np.ones(ch.NUM_CHANNELS, bool))])


def move_channel_key(anim: Animation, uid: str, channel, time: float, value: float) -> Edit | None:
    """Move one key of one channel's curve (the curve editor's drag) to (time, value).

    The value is clamped to the channel's range. When the time moves off its keyframe, the key is
    taken off that keyframe and put on the keyframe at the new time (within half a frame), or on a
    new keyframe that keys only this channel.
    """
    c = _channel(channel)
    time = max(0.0, _valid_time(time))
    value = float(np.clip(value, ch.LOWER[c], ch.UPPER[c]))
    src = anim.find(uid).copy()
    if abs(src.time - time) <= 0.5 / anim.fps:
        src.values[c] = value
        src.keyed[c] = True
        src.edited[c] = True
        return make_edit(anim, f"Move key {ch.NAMES[c]}", [src])
    dst = anim.keyframe_at(time)
    if dst is not None and dst.uid == uid:
        dst = None
    src.keyed[c] = False
    changed: list[Keyframe | tuple[str, None]] = [src]
    if dst is None:
        keyed = np.zeros(ch.NUM_CHANNELS, bool)
        keyed[c] = True
        dst = Keyframe(time, "", anim.evaluate(time, apply_mute=False), keyed=keyed)
    else:
        dst = dst.copy()
    for f in ("interp", "tangent", "in_slope", "out_slope"):
        getattr(dst, f)[c] = getattr(src, f)[c]
    dst.values[c] = value
    dst.keyed[c] = True
    dst.edited[c] = True
    changed.append(dst)
    # A keyframe left keying nothing, with no description, disappears.
    if not src.keyed.any() and not src.description:
        changed[0] = (src.uid, None)
    return make_edit(anim, f"Move key {ch.NAMES[c]}", changed)


def delete_channel_keys(anim: Animation, keys: Iterable[tuple[str, int | str]]) -> Edit | None:
    """Remove channel keys (``(keyframe id, channel)`` pairs) from their keyframes' curves.

    Keys of locked channels stay. A keyframe left keying no channel and with no description
    disappears (as in :func:`move_channel_key`).
    """
    changed: list = []
    count = 0
    for uid, cs in _keys_by_uid(keys).items():
        try:
            k = anim.find(uid).copy()
        except KeyError:
            continue
        cs = [c for c in cs if k.keyed[c] and not anim.channel_locked[c]]
        if not cs:
            continue
        k.keyed[cs] = False
        count += len(cs)
        changed.append(k if (k.keyed.any() or k.description) else (k.uid, None))
    return make_edit(anim, "Delete key" if count == 1 else f"Delete {count} keys", changed)


def apply_proposals(
    anim: Animation,
    proposals: Mapping[str, np.ndarray],
    *,
    mode: str = "refine",
    label: str = "Regenerate keyframes",
) -> Edit | None:
    """Write model proposals (keyframe id → 61 values) without overwriting the user's work.

    Locked channels (of the keyframe or of the whole channel) are never changed. In ``"refine"``
    mode hand-edited values are kept too; in ``"repropose"`` mode they are replaced and their
    edited flag cleared.
    """
    if mode not in ("refine", "repropose"):
        raise ValueError(f"mode must be 'refine' or 'repropose', got {mode!r}")
    out = []
    for uid, vals in proposals.items():
        try:
            k = anim.find(uid).copy()
        except KeyError:
            continue  # the keyframe was deleted while the proposal was computed
        vals = ch.clamp(vals)
        keep = k.locked | anim.channel_locked
        if mode == "refine":
            keep = keep | k.edited
        else:
            k.edited &= keep
        k.values = np.where(keep, k.values, vals)
        k.keyed = k.keyed | ~keep
        out.append(k)
    return make_edit(anim, label, out)


def replace_keyframes(anim: Animation, keyframes: Sequence[Keyframe], label: str = "Replace keyframes", **fields) -> Edit | None:
    """Replace every keyframe by ``keyframes`` (and set document ``fields``) as one step."""
    new_ids = {k.uid for k in keyframes}
    changed: list = [(k.uid, None) for k in anim.keyframes if k.uid not in new_ids]
    changed.extend(keyframes)
    return make_edit(anim, label, changed, **fields)


def set_document(anim: Animation, label: str = "Change settings", **fields) -> Edit | None:
    """Change document fields: ``fps``, ``duration``, ``script``, ``settings``, ``channel_locked``, ``channel_muted``."""
    bad = set(fields) - set(_FIELDS)
    if bad:
        raise ValueError(f"unknown document field(s): {', '.join(sorted(bad))}")
    if "fps" in fields:
        fps = float(fields["fps"])
        if not (np.isfinite(fps) and fps > 0):
            raise ValueError(f"fps must be a positive number, got {fields['fps']!r}")
        fields["fps"] = fps
    return make_edit(anim, label, **fields)


def set_secondary_motion(anim: Animation, motion) -> Edit | None:
    """Change the secondary-motion layer's settings (a :class:`~.secondary.SecondaryMotion`)."""
    from .secondary import SETTINGS_KEY

    settings = dict(anim.settings)
    settings[SETTINGS_KEY] = motion.to_dict()
    return make_edit(anim, "Secondary motion", settings=settings)


# ---------------------------------------------------------------------------- channel keys: move, scale, paste
# The editing rules of the curve editor and the dope sheet: key times snap to frames, values are
# clamped to the channel's range, a key that leaves its keyframe lands on the keyframe at its new
# time (or on a new one keying only its channels), and a keyframe whose every key moves together
# moves as a whole (keeping its id and description). Each builder returns ONE edit computed from the
# document as it is, so a drag re-applied from its start positions stays one undo step.

KeyRef = tuple[str, int]


@dataclass
class KeysEdit(Edit):
    """An :class:`Edit` of channel keys that also says where the keys are afterwards."""

    keys_after: list = field(default_factory=list)  # [(keyframe id, channel)], in the order given


def _snap_time(anim: Animation, t: float, snap: bool) -> float:
    t = max(0.0, float(t))
    return round(t * anim.fps) / anim.fps if snap else t


def _diff_edit(anim: Animation, work: Animation, label: str, keys_after: list, **fields) -> KeysEdit | None:
    """One edit turning ``anim``'s keyframes into ``work``'s (matched by id)."""
    old = {k.uid: k for k in anim.keyframes}
    new = {k.uid: k for k in work.keyframes}
    changed: list = [(u, None) for u in old if u not in new]
    changed += [k for u, k in new.items() if u not in old or not old[u].same_as(k)]
    e = make_edit(anim, label, changed, **fields)
    return None if e is None else KeysEdit(e.label, e.before, e.after, e.fields_before, e.fields_after, keys_after)


_KEY_FIELDS = ("interp", "tangent", "in_slope", "out_slope")


def place_keys(
    anim: Animation,
    targets: Sequence[tuple[str, int, float, float]],
    *,
    snap: bool = True,
    label: str | None = None,
) -> KeysEdit | None:
    """Move channel keys ``(keyframe id, channel, new time, new value)`` in one edit.

    Times snap to frames when ``snap`` (never before 0), values are clamped to the channel's range;
    keys of locked channels and keys that do not exist are left alone. A key within half a frame of
    its keyframe stays on it. A keyframe whose every key moves to the same time moves as a whole;
    otherwise a key lands on the keyframe at its new time, or on a new keyframe keying only it. A
    keyframe left keying nothing, with no description, disappears.
    """
    alive = {k.uid: k for k in anim.keyframes}
    moves = []
    for uid, c, t, v in targets:
        c = _channel(c)
        k = alive.get(uid)
        if k is None or not k.keyed[c] or anim.channel_locked[c]:
            continue
        v = float(v)
        if not np.isfinite(v):
            raise ValueError(f"{ch.NAMES[c]}: value must be a finite number, got {v!r}")
        moves.append((uid, c, _snap_time(anim, _valid_time(t), snap), min(max(v, ch.LOWER[c]), ch.UPPER[c])))
    if not moves:
        return None
    n = len(moves)
    label = label or (f"Move key {ch.NAMES[moves[0][1]]}" if n == 1 else f"Move {n} keys")
    work = Animation([k.copy() for k in anim.keyframes], fps=anim.fps)
    wk = {k.uid: k for k in work.keyframes}
    half = 0.5 / anim.fps
    by_src: dict[str, list] = {}
    for m in moves:
        by_src.setdefault(m[0], []).append(m)
    keys_after: dict[tuple[str, int], KeyRef] = {}
    loose = []  # keys that leave their keyframe
    for uid, ms in by_src.items():
        k = wk[uid]
        times = {t for _u, _c, t, _v in ms}
        whole = {c for _u, c, _t, _v in ms} == set(np.flatnonzero(k.keyed).tolist()) and len(times) == 1
        for _u, c, t, v in ms:
            if whole or abs(k.time - t) <= half:
                k.values[c] = v
                k.edited[c] = True
                keys_after[(uid, c)] = (uid, c)
            else:
                loose.append((uid, c, t, v, {f: getattr(k, f)[c] for f in _KEY_FIELDS}))
        if whole:
            t = times.pop()
            if abs(k.time - t) > half or not snap:
                k.time = t
    for uid, c, _t, _v, _attrs in loose:
        wk[uid].keyed[c] = False
    work.sort()
    created: dict[float, Keyframe] = {}
    for uid, c, t, v, attrs in loose:
        dst = created.get(t) or next((k for k in work.keyframes if abs(k.time - t) <= half and k.uid != uid), None)
        if dst is None:
            keyed = np.zeros(ch.NUM_CHANNELS, bool)
            dst = Keyframe(t, "", anim.evaluate(t, apply_mute=False), keyed=keyed)
            work.keyframes.append(dst)
            wk[dst.uid] = dst
            created[t] = dst
        for f, value in attrs.items():
            getattr(dst, f)[c] = value
        dst.values[c] = v
        dst.keyed[c] = True
        dst.edited[c] = True
        keys_after[(uid, c)] = (dst.uid, c)
    sources = set(by_src)
    work.keyframes = [k for k in work.keyframes if k.uid not in sources or k.keyed.any() or k.description]
    work.sort()
    after = [keys_after[(u, c)] for u, c, _t, _v in moves]
    return _diff_edit(anim, work, label, after)


def _key_positions(anim: Animation, keys: Iterable[tuple[str, int | str]]) -> list[tuple[str, int, float, float]]:
    alive = {k.uid: k for k in anim.keyframes}
    out = []
    for uid, c in keys:
        c = _channel(c)
        k = alive.get(uid)
        if k is not None and k.keyed[c] and not anim.channel_locked[c]:
            out.append((uid, c, k.time, float(k.values[c])))
    return out


def move_targets(
    anim: Animation, keys: Iterable[tuple[str, int | str]], dt: float, dv: float, *, snap: bool = True
) -> list[tuple[str, int, float, float]]:
    """Where :func:`move_keys` puts each (editable) key: ``(keyframe id, channel, time, value)``, times
    snapped and values clamped. With ``snap``, a shift of less than half a frame keeps the times."""
    dt, dv = _valid_time(dt), float(dv)
    keep_time = snap and abs(dt) * anim.fps < 0.5
    out = []
    for uid, c, t, v in _key_positions(anim, keys):
        nt = t if keep_time else _snap_time(anim, t + dt, snap)
        out.append((uid, c, nt, min(max(v + dv, ch.LOWER[c]), ch.UPPER[c])))
    return out


def move_keys(
    anim: Animation,
    keys: Iterable[tuple[str, int | str]],
    dt: float = 0.0,
    dv: float = 0.0,
    *,
    snap: bool = True,
    label: str | None = None,
) -> KeysEdit | None:
    """Shift channel keys by ``dt`` seconds and ``dv`` in value (see :func:`move_targets` and
    :func:`place_keys` for the rules)."""
    return place_keys(anim, move_targets(anim, keys, dt, dv, snap=snap), snap=snap, label=label)


def scale_keys(
    anim: Animation,
    keys: Iterable[tuple[str, int | str]],
    time_factor: float = 1.0,
    value_factor: float = 1.0,
    *,
    pivot_time: float | None = None,
    pivot_value: float | None = None,
    snap: bool = True,
    label: str | None = None,
) -> KeysEdit | None:
    """Scale channel keys' times about ``pivot_time`` and values about ``pivot_value`` (defaults: the
    middle of the keys' span, the mean of their values); see :func:`place_keys` for the rules."""
    tf, vf = float(time_factor), float(value_factor)
    if not (np.isfinite(tf) and np.isfinite(vf)):
        raise ValueError(f"scale factors must be finite numbers, got {time_factor!r}, {value_factor!r}")
    pos = _key_positions(anim, keys)
    if not pos:
        return None
    ts = np.array([p[2] for p in pos])
    vs = np.array([p[3] for p in pos])
    pt = 0.5 * (ts.min() + ts.max()) if pivot_time is None else float(pivot_time)
    pv = float(vs.mean()) if pivot_value is None else float(pivot_value)
    targets = [(u, c, pt + (t - pt) * tf, pv + (v - pv) * vf) for u, c, t, v in pos]
    return place_keys(anim, targets, snap=snap, label=label or f"Scale {len(pos)} key{'s' if len(pos) != 1 else ''}")


def paste_keys(
    anim: Animation,
    keys: Sequence[Mapping],
    time: float,
    *,
    label: str = "Paste keys",
) -> KeysEdit | None:
    """Paste copied channel keys at ``time``: each key is a mapping with ``channel`` (index or name),
    ``dt`` (seconds after the first copied key), ``value`` and optionally ``interp``, ``tangent``,
    ``in_slope``, ``out_slope``. Keys land on the keyframe at their time or on a new keyframe (times
    snapped to frames); locked channels are skipped; values are clamped."""
    time = max(0.0, _valid_time(time))
    work = Animation([k.copy() for k in anim.keyframes], fps=anim.fps)
    half = 0.5 / anim.fps
    after = []
    for key in keys:
        c = _channel(key["channel"])
        if anim.channel_locked[c]:
            continue
        t = _snap_time(anim, time + _valid_time(key.get("dt", 0.0)), True)
        v = float(key["value"])
        if not np.isfinite(v):
            raise ValueError(f"{ch.NAMES[c]}: value must be a finite number, got {v!r}")
        dst = next((k for k in work.keyframes if abs(k.time - t) <= half), None)
        if dst is None:
            dst = Keyframe(t, "", anim.evaluate(t, apply_mute=False), keyed=np.zeros(ch.NUM_CHANNELS, bool))
            work.keyframes.append(dst)
            work.sort()
        dst.values[c] = min(max(v, ch.LOWER[c]), ch.UPPER[c])
        dst.keyed[c] = True
        dst.edited[c] = True
        if "interp" in key:
            dst.interp[c] = Interp(int(key["interp"]))
        if "tangent" in key:
            dst.tangent[c] = Tangent(int(key["tangent"]))
        for f in ("in_slope", "out_slope"):
            if f in key:
                getattr(dst, f)[c] = float(key[f])
        after.append((dst.uid, c))
    return _diff_edit(anim, work, label, after)


def paste_pose(
    anim: Animation,
    time: float,
    values: Mapping[int | str, float],
    *,
    label: str = "Paste pose",
) -> KeysEdit | None:
    """Key a copied pose (channel → value) at ``time``: on the keyframe there, or on a new keyframe
    keying every channel (the others hold the curves' values). Locked channels keep their value."""
    keys: list[dict] = [{"channel": c, "dt": 0.0, "value": v} for c, v in values.items()]
    time = _snap_time(anim, time, True)
    if anim.keyframe_at(time) is None:
        # A new keyframe keys the whole pose, as the K key does.
        pose = anim.evaluate(time, apply_mute=False)
        keys = [{"channel": c, "dt": 0.0, "value": float(pose[c])} for c in range(ch.NUM_CHANNELS)] + keys
    return paste_keys(anim, keys, time, label=label)


def change_fps(anim: Animation, fps: float, *, keep: str = "times") -> Edit | None:
    """Change the document's frame rate, keeping key times in seconds (``keep="times"``) or their frame
    numbers (``keep="frames"``: times, holds, slopes and an explicit duration are rescaled)."""
    fps = float(fps)
    if not (np.isfinite(fps) and fps > 0):
        raise ValueError(f"fps must be a positive number, got {fps!r}")
    if keep not in ("times", "frames"):
        raise ValueError(f"keep must be 'times' or 'frames', got {keep!r}")
    label = f"Frame rate {fps:g} fps ({'keep frames' if keep == 'frames' else 'keep times'})"
    if keep == "times" or fps == anim.fps:
        return make_edit(anim, label, fps=fps)
    factor = anim.fps / fps  # new time = frame / new fps = old time * old fps / new fps
    out = []
    for k in anim.keyframes:
        k = k.copy()
        k.time = round(k.time * anim.fps) / fps
        k.hold *= factor
        k.in_slope = k.in_slope / factor
        k.out_slope = k.out_slope / factor
        out.append(k)
    fields = {"fps": fps}
    if anim.explicit_duration is not None:
        fields["duration"] = anim.explicit_duration * factor
    return make_edit(anim, label, out, **fields)
