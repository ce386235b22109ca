"""``kfstudio export`` and ``kfstudio import``: projects to Live Link Face CSV, FBX or glTF, and captures to projects."""

from __future__ import annotations

import sys

from kfstudio.cli.common import EXPORT_SUFFIXES, add_export_options, check_output, export_to, fps_type

__all__ = ["add_parser", "cmd_export", "cmd_import"]


def cmd_export(args) -> int:
    from kfstudio.io.project import load_project

    out = check_output(args.output, EXPORT_SUFFIXES)
    anim = load_project(args.project)
    summary = export_to(anim, out, args)
    print(f"wrote {out} ({summary})", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from kfstudio.io.project import save_project
    from kfstudio.io.capture import import_capture

    out = check_output(args.output, [".kfs"])
    anim = import_capture(args.capture, args.tolerance)
    save_project(anim, out)
    info = anim.settings["import"]
    keys = sum(int(k.keyed.sum()) for k in anim.keyframes)
    print(
        f"wrote {out}: {info['frames']} frames at {anim.fps:g} fps, {len(anim.keyframes)} keyframes, "
        f"{keys} channel keys ({keys / max(1, info['frames'] * 61):.1%} of the capture's samples)",
        file=sys.stderr,
    )
    for warning in info["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def add_parser(sub) -> None:
    """Add ``export`` and ``import`` to the subcommands."""
    x = sub.add_parser("export", help="export a project as Live Link Face CSV, FBX or glTF",
                       description="Export a project's animation: Live Link Face CSV (one row per frame), binary FBX 7.4 or glTF 2.0 (.glb).")
    x.add_argument("project", help="the project (.kfs)")
    x.add_argument("-o", "--output", required=True, help="the file to write: .csv, .fbx or .glb")
    x.add_argument("--fps", type=fps_type, help="frame rate of the rows / baked keys (default: the project's)")
    x.add_argument("--start", default=None,
                   help="time of the first frame: seconds or a timecode HH:MM:SS:FF.fff (default: the start of an imported capture, else 0)")
    add_export_options(x)
    x.set_defaults(func=cmd_export)

    i = sub.add_parser("import", help="import a Live Link Face CSV capture as a project", description="Read a Live Link Face capture into a project.")
    i.add_argument("capture", help="the capture (.csv)")
    i.add_argument("-o", "--output", required=True, help="the project to write (.kfs)")
    i.add_argument("--tolerance", type=float, default=None,
                   help="reduce the dense capture to sparse keys, each channel within this tolerance of every frame (e.g. 0.01); default: keep every frame")
    i.set_defaults(func=cmd_import)
