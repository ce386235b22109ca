"""``kfstudio edit`` (the editor), ``kfstudio bench`` and ``kfstudio channels``."""

from __future__ import annotations

import sys
from pathlib import Path

from kfstudio.resources import EXAMPLE_SCRIPT

__all__ = ["add_edit_parser", "add_parser", "run_editor"]


def cmd_channels(args) -> int:
    from kfstudio import channels as ch

    for c in ch.CHANNELS:
        print(f"{c.index:2d}  {c.name:<20} {c.arkit:<20} {c.group:<10} [{c.lower:g}, {c.upper:g}]  {c.meaning}")
    return 0


def cmd_edit(args) -> int:
    return run_editor(args.file)


def cmd_bench(args) -> int:
    from kfstudio.bench import run_benchmarks

    return run_benchmarks(json_output=args.json, only=args.only, quick=args.quick, blender=args.blender)


#: The third-party packages the editor needs (the ``ui`` extra).
EDITOR_PACKAGES = ("PySide6", "vispy", "pyqtgraph", "superqt")


def run_editor(path: str | None) -> int:
    """Open the editor; without its packages installed, print what it would open instead."""
    import importlib.util

    missing = [name for name in EDITOR_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        return _editor_unavailable(path, f"missing {', '.join(missing)}")
    from kfstudio.ui.app import run_editor as run_qt_editor

    return run_qt_editor(path)


def _editor_unavailable(path: str | None, why: str) -> int:
    """Without the editor (Qt not installed), show what the editor would open, from the CLI."""
    from kfstudio.script_sync import load_animation

    print(f"kfstudio: the editor is not available ({why}); install it with: pip install -e '.[ui]'", file=sys.stderr)
    src = Path(path) if path else EXAMPLE_SCRIPT
    anim = load_animation(src)
    print(f"{src.name}: {len(anim.keyframes)} keyframes, {anim.duration:.2f} s at {anim.fps:g} fps")
    from kfstudio import channels as ch

    for k in anim.keyframes:
        top = sorted(range(61), key=lambda i: -abs(k.values[i]))[:5]
        strongest = ", ".join(f"{ch.NAMES[i]} {k.values[i]:.2f}" for i in top if abs(k.values[i]) > 0.01)
        print(f"  {k.time:6.2f}s  {k.description[:60]:<60}  {strongest}")
    return 0


def add_edit_parser(sub) -> None:
    """Add ``edit`` to the subcommands."""
    e = sub.add_parser("edit", help="open the editor (on a script, project or capture)", description="Open the editor.")
    e.add_argument("file", nargs="?", help="a script (.txt), project (.kfs) or Live Link Face capture (.csv); default: the bundled example")
    e.set_defaults(func=cmd_edit)


def add_parser(sub) -> None:
    """Add ``bench`` and ``channels`` to the subcommands."""

    b = sub.add_parser("bench", help="measure every performance figure against its target", description="Run the benchmarks.")
    b.add_argument("--json", action="store_true", help="one JSON object per figure (name, unit, median, min, max, target, passed)")
    b.add_argument("--only", metavar="SUBSTRING", help="run only the benchmarks whose name (module.figure: the function without its bench_ prefix, e.g. rig.rig_eval) contains this (e.g. export, rig., stall)")
    b.add_argument("--quick", action="store_true", help="fewer repetitions; the slowest 16x scaling rows are skipped (each says so)")
    b.add_argument("--blender", action="store_true", help="also time Blender's own FBX/glTF exporters on the same animation (needs the bpy venv; minutes)")
    b.set_defaults(func=cmd_bench)

    c = sub.add_parser("channels", help="list the 61 channels with their groups, ranges and meanings", description="List the channels.")
    c.set_defaults(func=cmd_channels)
