"""The ``kfstudio render`` subcommand: draw a pose, or a contact sheet of keyframes, to a PNG file.

::

    kfstudio render (SCRIPT | PROJECT.kfs) [--time T | --keyframe N] [--set CHANNEL=VALUE ...]
                    [--values-json FILE] [--head FILE.glb] [--view front|three-quarter|side]
                    [--size WxH] [--sheet] [--columns N] [--wireframe] -o OUT.png
    kfstudio render --shapes [--head FILE.glb] [--view V] [--size WxH] -o SHEET.png

The animation comes from ``kfstudio.script_sync.load_animation`` (a script is planned, a project is
loaded); without a script or project, ``--values-json`` and ``--set`` pose the neutral face. With
``--sheet`` every keyframe is drawn in a grid, labelled with its time and description, and
``--size`` is the size of one cell; ``--shapes`` draws the rig's 52 blendshapes the same way. :func:`add_parser` registers the subcommand on an
``argparse`` sub-parser set and :func:`run_render` carries it out (exit status 0 on success, 1
when rendering is impossible, 2 for bad input).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

import numpy as np

from kfstudio import channels

__all__ = [
    "RenderArgumentError",
    "add_parser",
    "run_render",
    "parse_size",
    "parse_assignment",
    "load_values_json",
    "format_label",
]

_VIEWS = ("front", "three-quarter", "side")
_DEFAULT_SIZE = "512x512"
_DEFAULT_SHEET_CELL = "200x240"


class RenderArgumentError(ValueError):
    """Bad input to ``kfstudio render`` (a size, a ``--set``, a values file); the message says which."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``render`` subcommand to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    p = subparsers.add_parser(
        "render",
        help="render a pose or a contact sheet of keyframes to PNG",
        description="Render the head offscreen (no display needed) for one pose or every keyframe.",
    )
    p.add_argument("source", nargs="?", help="a script (.txt) or a project (.kfs) to take the animation from")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--time", type=float, metavar="T", help="render the animation at T seconds")
    when.add_argument("--keyframe", type=int, metavar="N", help="render keyframe N (0-based; the default is 0)")
    p.add_argument("--set", dest="assignments", action="append", default=[], metavar="CHANNEL=VALUE",
                   help="override one channel (any spelling, e.g. jawOpen=0.6); repeatable")
    p.add_argument("--values-json", type=Path, metavar="FILE",
                   help='a JSON object of channel values, e.g. {"JawOpen": 0.5, "HeadYaw": -0.2}')
    p.add_argument("--head", type=Path, metavar="FILE.glb", help="a glTF head to draw instead of the default head")
    p.add_argument("--view", default="front", help="front, three-quarter or side (default front)")
    p.add_argument("--size", default=None, metavar="WxH",
                   help=f"image size, or one sheet cell's size with --sheet (default {_DEFAULT_SIZE}, "
                   f"{_DEFAULT_SHEET_CELL} per cell)")
    p.add_argument("--sheet", action="store_true", help="draw every keyframe side by side, labelled")
    p.add_argument("--shapes", action="store_true",
                   help="draw the head's 52 blendshapes at weight 1 side by side (to check a rig)")
    p.add_argument("--columns", type=int, default=None, metavar="N", help="columns of the sheet")
    p.add_argument("--wireframe", action="store_true", help="overlay the mesh edges")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png", help="the PNG to write")
    p.set_defaults(func=run_render)
    return p


# --------------------------------------------------------------------------------------------
# Argument parsing helpers


def parse_size(text: str) -> tuple[int, int]:
    """``"640x480"`` -> ``(640, 480)``; raises :class:`RenderArgumentError` otherwise."""
    m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", str(text))
    if not m:
        raise RenderArgumentError(f"bad size {text!r}: expected WIDTHxHEIGHT in pixels, e.g. 512x512")
    w, h = int(m.group(1)), int(m.group(2))
    if not (16 <= w <= 8192 and 16 <= h <= 8192):
        raise RenderArgumentError(f"bad size {text!r}: each side must be between 16 and 8192 pixels")
    return w, h


def _check_channel_value(name: str, value, where: str) -> tuple[int, float]:
    try:
        channel = channels.lookup(name)
    except channels.UnknownChannelError as exc:
        raise RenderArgumentError(f"{where}: {exc}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RenderArgumentError(f"{where}: the value of {channel.name} must be a finite number, got {value!r}")
    if not channel.lower <= value <= channel.upper:
        raise RenderArgumentError(
            f"{where}: {channel.name} = {value} is outside its range [{channel.lower:g}, {channel.upper:g}]"
        )
    return channel.index, float(value)


def parse_assignment(text: str) -> tuple[int, float]:
    """``"jawOpen=0.5"`` -> ``(channel index, 0.5)``; unknown names get a did-you-mean message."""
    name, sep, value_text = str(text).partition("=")
    if not sep or not name.strip():
        raise RenderArgumentError(f"bad --set {text!r}: expected CHANNEL=VALUE, e.g. JawOpen=0.5")
    try:
        value = float(value_text)
    except ValueError:
        raise RenderArgumentError(f"bad --set {text!r}: {value_text!r} is not a number") from None
    return _check_channel_value(name.strip(), value, f"--set {text!r}")


def load_values_json(path) -> dict[int, float]:
    """Read a JSON object mapping channel names (any spelling) to values; returns index -> value."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RenderArgumentError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise RenderArgumentError(f"{path}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise RenderArgumentError(f"{path}: expected a JSON object of channel: value, got {type(data).__name__}")
    out: dict[int, float] = {}
    for name, value in data.items():
        index, v = _check_channel_value(name, value, f"{path}: field {name!r}")
        out[index] = v
    return out


def format_label(time: float, description: str) -> tuple[str, str]:
    """The two label lines of a sheet cell: the time, then the description (or the index)."""
    return f"{time:.2f} s", description.strip() or "(no description)"


# --------------------------------------------------------------------------------------------
# Loading the animation


def _load_animation(path: Path):
    """The animation of a script or project, through ``kfstudio.script_sync.load_animation``."""
    if not path.exists():
        raise RenderArgumentError(f"{path}: no such file")
    from kfstudio.script_sync import load_animation

    return load_animation(path)


def _frames(args, overrides: dict[int, float]) -> list[tuple[np.ndarray, tuple[str, str] | None]]:
    """The (values, label) pairs to draw: one pose, or every keyframe with --sheet."""

    def apply(values) -> np.ndarray:
        v = np.array(values, dtype=np.float64)
        for index, value in overrides.items():
            v[index] = value
        return v

    if args.shapes:
        if args.source is not None or args.time is not None or args.keyframe is not None:
            raise RenderArgumentError("--shapes draws the rig itself; give no script, project, --time or --keyframe")
        from kfstudio.render.offscreen import blendshape_frames

        return [(apply(values), label) for values, label in blendshape_frames()]
    if args.source is None:
        if args.sheet or args.time is not None or args.keyframe is not None:
            raise RenderArgumentError("--sheet, --time and --keyframe need a script or project to render")
        return [(apply(channels.NEUTRAL), None)]
    anim = _load_animation(Path(args.source))
    keyframes = list(anim.keyframes)
    if args.sheet:
        if not keyframes:
            raise RenderArgumentError(f"{args.source}: the animation has no keyframes to draw")
        return [(apply(kf.values), format_label(kf.time, kf.description)) for kf in keyframes]
    if args.time is not None:
        return [(apply(anim.evaluate(np.array([args.time]))[0]), None)]
    n = 0 if args.keyframe is None else args.keyframe
    if not keyframes:
        raise RenderArgumentError(f"{args.source}: the animation has no keyframes")
    if not -len(keyframes) <= n < len(keyframes):
        raise RenderArgumentError(
            f"--keyframe {n}: {args.source} has {len(keyframes)} keyframes (0 to {len(keyframes) - 1})"
        )
    return [(apply(keyframes[n].values), None)]


# --------------------------------------------------------------------------------------------
# The command


def run_render(args) -> int:
    """Carry out ``kfstudio render`` for parsed ``args``; returns the exit status."""
    from kfstudio.render import offscreen as render

    try:
        if args.view not in _VIEWS:
            raise RenderArgumentError(f"unknown view {args.view!r}; views are {', '.join(_VIEWS)}")
        sheet = args.sheet or args.shapes
        size = parse_size(args.size or (_DEFAULT_SHEET_CELL if sheet else _DEFAULT_SIZE))
        if args.columns is not None and args.columns < 1:
            raise RenderArgumentError(f"--columns must be at least 1, got {args.columns}")
        overrides = load_values_json(args.values_json) if args.values_json else {}
        for text in args.assignments:
            index, value = parse_assignment(text)
            overrides[index] = value
        frames = _frames(args, overrides)
        head = render.load_head(args.head)
        if sheet:
            image = render.render_sheet(head, frames, columns=args.columns, size_per=size, view=args.view)
        else:
            image = render.render_image(head, frames[0][0], view=args.view, size=size, wireframe=args.wireframe)
        path = render.write_png(args.output, image)
    except render.RenderUnavailableError as exc:
        print(f"kfstudio render: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:  # our own errors and the loaders' (ProjectError, HeadFormatError)
        print(f"kfstudio render: error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({image.shape[1]}x{image.shape[0]})")
    return 0
