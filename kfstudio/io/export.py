"""Animation export front: one call for ``.fbx``, ``.glb`` and ``.csv``.

:func:`export_animation` checks the request, prepares the document's curves once
(:func:`kfstudio.io.export_curves.prepare_curves`) and hands them to :mod:`kfstudio.io.fbx` or
:mod:`kfstudio.io.gltf_anim`; a Live Link Face CSV is sampled once per frame by
:func:`kfstudio.io.capture.export_csv`. What the writers share lives in :mod:`kfstudio.io.export_curves`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..animation import Animation
from .capture import export_csv
from .export_curves import ExportCurves, ExportError, ExportWarning, check_animation, prepare_curves
from .fbx import write_fbx
from .gltf_anim import write_glb_animation

__all__ = ["export_animation", "ExportCurves", "ExportError", "ExportWarning", "prepare_curves"]

_SUFFIXES = (".fbx", ".glb", ".csv")
_MODES = ("head", "curves")


def export_animation(
    anim: Animation,
    path: str | os.PathLike,
    *,
    mode: str = "head",
    bake: bool = True,
    fps: float | None = None,
    start: float = 0.0,
    head=None,
) -> Path:
    """Write ``anim`` to ``path``; the suffix chooses the format (``.fbx``, ``.glb`` or ``.csv``).

    ``mode`` "head" writes the head mesh with blendshapes and rotating head/eye nodes (``head``
    defaults to the bundled default head); "curves" writes the 61 channels on one node (FBX:
    animated custom properties; glTF has no such thing, so "curves" is an error there). ``bake``
    writes one key per frame at ``fps`` (default the document's); otherwise the document's keys
    with their tangents. ``start`` is the export time in seconds of the document's first frame.
    CSV ignores ``mode`` and ``bake`` (it is always one row per frame). Returns the path written.
    Raises :class:`ExportError` for anything that cannot be exported; nothing is written then.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise ExportError(f"{path}: unknown export format {suffix or '(no suffix)'!r}; use .fbx, .glb or .csv")
    if mode not in _MODES:
        raise ExportError(f"{path}: unknown export mode {mode!r}; use 'head' or 'curves'")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: folder {path.parent} does not exist")
    if suffix == ".csv":
        check_animation(anim, anim.fps if fps is None else float(fps))
        export_csv(anim, path, fps=fps, start=start)
        return path
    curves = prepare_curves(anim, fps=fps, bake=bake, start=start)
    if mode == "head" and head is None:
        from ..rig.head import default_head

        head = default_head()
    if suffix == ".fbx":
        write_fbx(path, curves, mode=mode, head=head)
    else:
        if mode != "head":
            raise ExportError(f"{path}: glTF has no custom animated properties; use mode 'head' (or .fbx for 'curves')")
        write_glb_animation(path, curves, head)
    return path
