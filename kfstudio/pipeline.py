"""Glue between files, scripts, backends and the animation document (no Qt).

* :func:`import_capture` — a Live Link Face CSV capture → an :class:`Animation` (dense or reduced keys),
* :func:`export_csv` — an animation → a Live Link Face CSV at any frame rate,
* :func:`sync_keyframes` — after the script text changed: which keyframes to add, update or delete
  (one undoable edit) and which to (re)generate,
* :func:`generate_animation` — a script → a whole generated animation,
* :func:`load_animation` — any file the CLI accepts (``.kfs`` project, ``.csv`` capture, script text).

The editor and the CLI both go through these functions.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from . import channels as ch
from .animation import Animation, Interp, Keyframe
from .animation import commands as cmd
from .animation.commands import Edit

__all__ = [
    "import_capture",
    "capture_to_animation",
    "export_csv",
    "context_key",
    "reading_hold",
    "sync_keyframes",
    "generation_targets",
    "proposal_edit",
    "generate_animation",
    "load_animation",
    "read_script",
    "InputError",
]

#: ``Animation.settings`` key holding, per keyframe id, the context its values were generated from.
PROVENANCE = "generated_from"


class InputError(ValueError):
    """A file given on the command line that cannot be used; the message names it."""


# ---------------------------------------------------------------------------- captures


def capture_to_animation(capture, tolerance: float | None = None, *, source: str = "") -> Animation:
    """An animation from a :class:`~kfstudio.io.llf_csv.Capture`.

    With ``tolerance`` None every frame becomes a keyframe keying all channels (linear
    interpolation reproduces the capture exactly at its frames). With a tolerance, each channel
    keeps only the keys needed for linear interpolation to stay within the tolerance of every
    captured frame (:func:`kfstudio.io.keyreduce.reduce_keys`); keyframes are made at the union of
    those times, each keying only the channels that have a key there.
    """
    from .io.keyreduce import reduce_keys

    times = np.asarray(capture.times, dtype=np.float64)
    values = ch.clamp(capture.values)
    warnings = list(capture.warnings)
    clamped = int(np.count_nonzero(values != np.asarray(capture.values, dtype=np.float64)))
    if clamped:
        warnings.append(f"{clamped} values outside their channel's range were clamped on import")
    n = len(times)
    keyed = np.ones((n, ch.NUM_CHANNELS), dtype=bool)
    if tolerance is not None:
        keys = reduce_keys(times, values, tolerance)
        keyed[:] = False
        for c, idx in enumerate(keys):
            keyed[idx, c] = True
    linear = np.full(ch.NUM_CHANNELS, Interp.LINEAR, dtype=np.int8)
    kfs = [
        Keyframe(float(times[i]), "", values[i], keyed=keyed[i], interp=linear)
        for i in np.flatnonzero(keyed.any(axis=1))
    ]
    anim = Animation(kfs, fps=capture.fps, duration=float(times[-1] - times[0]) if n else 0.0)
    anim.settings["import"] = {
        "source": source,
        "start": float(capture.start),
        "fps": float(capture.fps),
        "frames": int(n),
        "tolerance": tolerance,
        "missing_channels": list(capture.missing),
        "warnings": warnings,
    }
    return anim


def import_capture(path: str | os.PathLike, tolerance: float | None = None) -> Animation:
    """Read a Live Link Face CSV into an animation (see :func:`capture_to_animation`).

    Raises :class:`kfstudio.io.llf_csv.CSVFormatError` naming the line and column of a bad file.
    """
    from .io.llf_csv import read_csv

    if tolerance is not None and not (np.isfinite(tolerance) and tolerance >= 0):
        raise ValueError(f"tolerance must be a number >= 0, got {tolerance!r}")
    return capture_to_animation(read_csv(path), tolerance, source=Path(path).name)


def export_csv(anim: Animation, path: str | os.PathLike, fps: float | None = None, start: float | str = 0.0) -> int:
    """Write the animation as Live Link Face CSV, one row per frame; returns the number of rows."""
    from .io.llf_csv import write_csv

    fps = anim.fps if fps is None else float(fps)
    if not anim.keyframes:
        raise ValueError("the animation has no keyframes: nothing to export")
    _, values = anim.sample(fps)
    write_csv(path, values, fps, start=start)
    return len(values)


# ---------------------------------------------------------------------------- scripts


def context_key(background: str, emotion: str, descriptions: Sequence[str], index: int) -> str:
    """A digest of what a keyframe's proposal depends on: its text, its neighbours, the script's context."""
    prev = descriptions[index - 1] if index > 0 else ""
    nxt = descriptions[index + 1] if index + 1 < len(descriptions) else ""
    text = "\x1f".join((background.strip(), emotion.strip(), prev.strip(), descriptions[index].strip(), nxt.strip()))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


#: How long a new keyframe's expression is held before it eases into the next (seconds), at most,
#: so that it can be read; never more than a third of the gap to the next keyframe.
READING_HOLD = 0.3


def reading_hold(times: Sequence[float], index: int) -> float:
    """The hold a new keyframe gets when its script line names none (see :data:`READING_HOLD`)."""
    if index + 1 < len(times):
        return max(0.0, min(READING_HOLD, (times[index + 1] - times[index]) / 3.0))
    return READING_HOLD


def _script_keyframes(anim: Animation) -> list[Keyframe]:
    """Keyframes that come from script lines (they have a description), in time order."""
    return [k for k in anim.keyframes if k.description.strip()]


def sync_keyframes(anim: Animation, script_text: str, source: str = "<script>") -> tuple[Edit | None, list[str]]:
    """Match the keyframes to a new script text.

    Returns one undoable edit (``None`` if nothing changes) that sets the script text, updates the
    descriptions and times of matched keyframes, adds keyframes for new lines and deletes those
    whose line is gone — keyframes without a description (keys made by hand or imported) are never
    touched — and the ids of the keyframes to (re)generate: new ones and those whose text or
    context (background, emotion, neighbouring lines) changed. Keyframes are matched to lines by
    their order and text, so a keyframe keeps its id, hand edits and locks while its line is edited.
    A line whose explicit time changed moves its keyframe there; otherwise a keyframe keeps its time
    (the animator may have dragged it). New keyframes without an explicit time land on whole frames.
    """
    from .generation.script import assign_times, parse_script

    script = parse_script(script_text, source)
    times = assign_times(script)
    descs = [b.description for b in script.beats]
    old = _script_keyframes(anim)
    old_descs = [k.description for k in old]
    prov = dict(anim.settings.get(PROVENANCE, {}))
    old_times = _explicit_times(anim.script)

    # Align old keyframes with new lines (insertions, deletions, edits in place).
    pairs: dict[int, Keyframe] = {}
    sm = difflib.SequenceMatcher(a=old_descs, b=descs, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for off in range(i2 - i1):
                pairs[j1 + off] = old[i1 + off]
        elif tag == "replace":  # different counts: pair the most similar in order
            for off in range(min(i2 - i1, j2 - j1)):
                pairs[j1 + off] = old[i1 + off]
    matched = {k.uid for k in pairs.values()}

    changed: list = [(k.uid, None) for k in old if k.uid not in matched]
    to_generate: list[str] = []
    new_prov: dict[str, str] = {}
    prev_vals = None
    for j, beat in enumerate(script.beats):
        key = context_key(script.background, script.emotion, descs, j)
        k = pairs.get(j)
        if k is None:
            hold = beat.hold if beat.hold is not None else reading_hold(times, j)
            t = times[j] if beat.time is not None else round(times[j] * anim.fps) / anim.fps
            k = Keyframe(t, beat.description, prev_vals, hold=hold)
        else:
            before = old_times.get(k.description, [])
            line_time_before = before.pop(0) if before else None
            k = k.copy()
            k.description = beat.description
            if beat.time is not None and beat.time != line_time_before:
                k.time = float(beat.time)
            if beat.hold is not None:
                k.hold = float(beat.hold)
        prev_vals = k.values
        new_prov[k.uid] = prov.get(k.uid, "")
        if prov.get(k.uid) != key:
            to_generate.append(k.uid)
        changed.append(k)
    # Provenance is updated when the proposals arrive (see proposal_edit).
    settings = dict(anim.settings)
    settings[PROVENANCE] = new_prov
    edit = cmd.make_edit(anim, "Edit script", changed, script=script_text, settings=settings)
    return edit, to_generate


def _explicit_times(script_text: str) -> dict[str, list[float | None]]:
    """Description → the explicit times its lines had (in order), in a script that parsed before."""
    from .generation.script import parse_script

    out: dict[str, list[float | None]] = {}
    try:
        beats = parse_script(script_text).beats
    except ValueError:
        return out
    for b in beats:
        out.setdefault(b.description, []).append(b.time)
    return out


def generation_targets(anim: Animation, uids: Sequence[str] | None = None) -> tuple[list, list[int], str, str, list[str]]:
    """What a backend needs to (re)generate keyframes of ``anim`` from its script.

    Returns (script keyframes in order, indices of those to generate, background, emotion, context
    keys of all script keyframes). ``uids`` None means all script keyframes.
    """
    from .generation.script import parse_script

    script = parse_script(anim.script)
    kfs = _script_keyframes(anim)
    descs = [k.description for k in kfs]
    keys = [context_key(script.background, script.emotion, descs, i) for i in range(len(kfs))]
    want = None if uids is None else set(uids)
    idx = [i for i, k in enumerate(kfs) if want is None or k.uid in want]
    return kfs, idx, script.background, script.emotion, keys


def proposal_edit(
    anim: Animation,
    proposals: dict[str, np.ndarray],
    context: dict[str, str],
    *,
    mode: str = "refine",
    label: str = "Regenerate keyframes",
) -> Edit | None:
    """One undoable edit applying model proposals (see :func:`commands.apply_proposals`) and
    recording the context each keyframe was generated from, so that it is not regenerated again
    until its text or context changes."""
    settings = dict(anim.settings)
    prov = dict(settings.get(PROVENANCE, {}))
    prov.update(context)
    settings[PROVENANCE] = prov
    edit = cmd.apply_proposals(anim, proposals, mode=mode, label=label)
    if edit is None:
        return cmd.make_edit(anim, label, settings=settings)
    edit.fields_before["settings"] = dict(anim.settings)
    edit.fields_after["settings"] = settings
    return edit


def generate_animation(
    script_text: str,
    backend=None,
    *,
    fps: float = 30.0,
    progress: Callable[[int, int, object], None] | None = None,
    source: str = "<script>",
) -> tuple[Animation, list]:
    """Make a whole animation from a script: keyframes at the script's times, values from ``backend``.

    ``backend`` defaults to the embedded planner. ``progress(done, total, result)`` is called after
    each keyframe. ``source`` names the script in error messages. Returns the animation and the
    list of :class:`KeyframeResult` (repairs, errors).
    """
    from .generation.backend import create_backend, propose_script

    anim = Animation(fps=fps, script="")
    edit, _ = sync_keyframes(anim, script_text, source)
    if edit is not None:
        edit.redo(anim)
    own = backend is None
    backend = create_backend("embedded") if own else backend
    results = []
    try:
        kfs, _, background, emotion, keys = generation_targets(anim)
        descs = [k.description for k in kfs]
        proposals = {}
        for i, res in enumerate(propose_script(backend, descs, background, emotion)):
            proposals[kfs[i].uid] = res.values
            results.append(res)
            if progress is not None:
                progress(i + 1, len(kfs), res)
        e = proposal_edit(anim, proposals, {k.uid: keys[i] for i, k in enumerate(kfs)}, mode="repropose", label="Generate")
        if e is not None:
            e.redo(anim)
    finally:
        if own:
            backend.close()
    return anim, results


# ---------------------------------------------------------------------------- files


def load_animation(path: str | os.PathLike, *, backend=None, tolerance: float | None = None) -> Animation:
    """An animation from a ``.kfs`` project, a Live Link Face ``.csv`` or a script text file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".kfs":
        from .io.project import load_project

        return load_project(p)
    if suffix == ".csv":
        return import_capture(p, tolerance)
    anim, _ = generate_animation(read_script(p), backend, source=str(p))
    return anim


def read_script(path: str | os.PathLike) -> str:
    """The text of a script file; :class:`InputError` naming the file when it cannot be read as text."""
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{p}: not a text file; expected a script (.txt), a project (.kfs) or a capture (.csv)") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None
