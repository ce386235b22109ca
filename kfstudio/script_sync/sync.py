"""Keeping keyframes in step with their script (no Qt): which keyframes a new script text adds, moves,
updates or deletes (one undoable edit), which need a new proposal, and how proposals are applied."""

from __future__ import annotations

import difflib
import functools
import hashlib
from collections.abc import Sequence

import numpy as np

from ..animation import Animation, Keyframe
from ..animation import commands as cmd
from ..animation.commands import Edit

__all__ = [
    "PROVENANCE",
    "DRAFT",
    "READING_HOLD",
    "context_key",
    "reading_hold",
    "script_keyframes",
    "sync_keyframes",
    "generation_targets",
    "proposal_edit",
    "stale_keyframes",
    "draft_keyframes",
    "values_digest",
    "parsed_script",
]

#: ``Animation.settings`` key holding, per keyframe id, the context its values were generated from.
PROVENANCE = "generated_from"

#: ``Animation.settings`` key holding, per keyframe id, a digest (:func:`values_digest`) of the values
#: a two-stage generation's first stage (the planner's fast draft) left the keyframe with, until the
#: second stage (the learned layer's refinement) or a one-stage proposal replaces them. Saved with
#: the document, like the provenance; see :func:`draft_keyframes`.
DRAFT = "planner_draft"


def values_digest(values) -> str:
    """A short digest of a keyframe's 61 values (rounded to 1e-9, so a saved and reloaded value and
    -0.0 give the same digest). Cached by the values' bytes: the views ask on every change."""
    raw = np.asarray(values, dtype=np.float64)
    key = raw.tobytes()
    digest = _DIGESTS.get(key)
    if digest is None:
        v = np.round(raw, 9) + 0.0
        digest = hashlib.sha1(np.ascontiguousarray(v).tobytes()).hexdigest()[:16]
        if len(_DIGESTS) >= 4096:
            _DIGESTS.clear()
        _DIGESTS[key] = digest
    return digest


_DIGESTS: dict[bytes, str] = {}


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


def script_keyframes(anim: Animation) -> list[Keyframe]:
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
    from ..generation.script import assign_times, parse_script

    script = parse_script(script_text, source, fps=anim.fps)
    times = assign_times(script)
    descs = [b.description for b in script.beats]
    old = script_keyframes(anim)
    old_descs = [k.description for k in old]
    prov = dict(anim.settings.get(PROVENANCE, {}))
    old_times = _explicit_times(anim.script, anim.fps)

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
    prev_vals: np.ndarray | None = None
    for j, beat in enumerate(script.beats):
        key = context_key(script.background, script.emotion, descs, j)
        k = pairs.get(j)
        if k is None:
            hold = beat.hold if beat.hold is not None else reading_hold(times, j)
            t = times[j] if beat.time is not None else round(times[j] * anim.fps) / anim.fps
            if prev_vals is None:
                k = Keyframe(t, beat.description, hold=hold)
            else:
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


def _explicit_times(script_text: str, fps: float) -> dict[str, list[float | None]]:
    """Description → the explicit times its lines had (in order), in a script that parsed before."""
    from ..generation.script import parse_script

    out: dict[str, list[float | None]] = {}
    try:
        beats = parse_script(script_text, fps=fps).beats
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
    from ..generation.script import parse_script

    script = parse_script(anim.script)
    kfs = script_keyframes(anim)
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
    stage: str | None = None,
) -> Edit | None:
    """One undoable edit applying model proposals (see :func:`commands.apply_proposals`) and
    recording the context each keyframe was generated from, so that it is not regenerated again
    until its text or context changes.

    ``stage`` is the generation stage the proposals come from: ``"planner"`` (the fast first stage
    of two) records each keyframe's resulting values as the planner's draft (:data:`DRAFT`);
    ``"refined"`` (the learned layer's second stage) or None (one stage) clears that record. The
    record is a document setting changed by this same edit, so undo and redo bring it back with
    the values."""
    settings = dict(anim.settings)
    prov = dict(settings.get(PROVENANCE, {}))
    prov.update(context)
    settings[PROVENANCE] = prov
    edit = cmd.apply_proposals(anim, proposals, mode=mode, label=label)
    record = settings.get(DRAFT)
    existing = {k.uid for k in anim.keyframes}
    drafts = {u: d for u, d in record.items() if u in existing} if isinstance(record, dict) else {}
    after = edit.after if edit is not None else {}
    for uid in proposals:
        if stage == "planner":
            k = after.get(uid)
            if k is None:
                try:
                    k = anim.find(uid)
                except KeyError:
                    continue  # deleted while its proposal was computed
            drafts[uid] = values_digest(k.values)
        else:
            drafts.pop(uid, None)
    if drafts:
        settings[DRAFT] = drafts
    else:
        settings.pop(DRAFT, None)
    if edit is None:
        return cmd.make_edit(anim, label, settings=settings)
    edit.fields_before["settings"] = dict(anim.settings)
    edit.fields_after["settings"] = settings
    return edit


def stale_keyframes(anim: Animation) -> list[str]:
    """Script keyframes whose values were not generated from their current text and context (their
    recorded provenance differs): the editor marks them, and a saved file records it (the
    provenance is saved with the document). An unparsable script makes none stale.

    Cheap enough to call on every document change: the parse and the context digests are cached
    per script text (they do not change while proposals arrive)."""
    if not anim.script.strip():
        return []
    try:
        script = parsed_script(anim.script, anim.fps)
    except ValueError:
        return []
    kfs = script_keyframes(anim)
    keys = _context_keys(script.background, script.emotion, tuple(k.description for k in kfs))
    prov = anim.settings.get(PROVENANCE, {})
    return [k.uid for k, key in zip(kfs, keys) if prov.get(k.uid) != key]


def draft_keyframes(anim: Animation) -> list[str]:
    """Keyframes whose values still are the planner's draft (the first of two stages) and were not
    refined by the learned layer (the second): generation was stopped between the stages, or the
    refinement failed. A keyframe stops being one when it is refined or proposed again, when its
    values are edited (by hand or otherwise; undoing that edit makes it one again), and while it is
    stale (its values come from another text: :func:`stale_keyframes` says so instead)."""
    record = anim.settings.get(DRAFT)
    if not isinstance(record, dict) or not record:
        return []
    out = [k.uid for k in anim.keyframes if isinstance(record.get(k.uid), str) and record[k.uid] == values_digest(k.values)]
    if out:
        stale = set(stale_keyframes(anim))
        out = [u for u in out if u not in stale]
    return out


@functools.lru_cache(maxsize=8)
def parsed_script(text: str, fps: float):
    """:func:`~kfstudio.generation.script.parse_script` of ``text`` at ``fps``, cached (the few
    latest texts): for views that read the same script on every change. Do not modify the result."""
    from ..generation.script import parse_script

    return parse_script(text, fps=fps)


@functools.lru_cache(maxsize=8)
def _context_keys(background: str, emotion: str, descriptions: tuple[str, ...]) -> list[str]:
    return [context_key(background, emotion, descriptions, i) for i in range(len(descriptions))]
