"""A whole animation from a script, and any file the command line accepts read as an animation."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..animation import Animation
from ..io.capture import import_capture
from .sync import generation_targets, proposal_edit, sync_keyframes

__all__ = ["InputError", "generate_animation", "load_animation", "read_script"]


class InputError(ValueError):
    """A file given on the command line that cannot be used; the message names it."""


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
    from ..generation.backend import create_backend, propose_script

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


def load_animation(path: str | os.PathLike, *, backend=None, tolerance: float | None = None) -> Animation:
    """An animation from a ``.kfs`` project, a Live Link Face ``.csv`` or a script text file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".kfs":
        from ..io.project import load_project

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
