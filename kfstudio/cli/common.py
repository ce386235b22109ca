"""What the subcommands share: the error they raise, the progress bar, backend and export options."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kfstudio.generation.backend import Backend

__all__ = [
    "CLIError",
    "Progress",
    "EXPORT_SUFFIXES",
    "add_backend_options",
    "backend_from_args",
    "check_output",
    "add_export_options",
    "start_seconds",
    "fps_type",
    "export_to",
]


class CLIError(Exception):
    """An error to report to the user as ``kfstudio: error: <message>`` (exit status 2)."""


class Progress:
    """A one-line progress bar on standard error, shown only when it is a terminal."""

    def __init__(self, total: int | None, label: str, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total, self.label, self.done = total, label, 0
        self._last = 0.0

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done == self.total):
            self._last = now
            if self.total:
                frac = self.done / self.total
                bar = "#" * int(frac * 30)
                self.stream.write(f"\r{self.label} [{bar:<30}] {self.done}/{self.total}")
            else:
                self.stream.write(f"\r{self.label} {self.done}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def add_backend_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("generation backend")
    g.add_argument("--backend", default=None, choices=["embedded", "transformers", "openai"],
                   help="who proposes the keyframe values (default: embedded, offline)")
    g.add_argument("--backend-config", metavar="FILE.json", help="backend options as a JSON object, e.g. {\"backend\": \"openai\", \"base_url\": ...}")
    g.add_argument("--model", metavar="PATH", help="transformers: a local model folder or .gguf file")
    g.add_argument("--adapter", metavar="PATH", help="transformers: a PEFT LoRA adapter folder (e.g. KeyframeFace's)")
    g.add_argument("--device", metavar="DEV", help="transformers: auto (default), cpu, cuda, cuda:1 ...")
    g.add_argument("--base-url", metavar="URL", help="openai: the server's base URL, e.g. http://localhost:8000/v1")
    g.add_argument("--server-model", metavar="NAME", help="openai: the model name the server serves")
    g.add_argument("--trust-remote-code", action="store_true", help="transformers: allow the model folder's own code to run (off by default)")


def backend_from_args(args) -> Backend:
    from kfstudio.generation.backend import backend_from_config

    config: dict = {}
    if getattr(args, "backend_config", None):
        p = Path(args.backend_config)
        try:
            config = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CLIError(f"{p}: no such file") from None
        except json.JSONDecodeError as e:
            raise CLIError(f"{p}: invalid JSON at line {e.lineno}, column {e.colno} ({e.msg})") from None
        if not isinstance(config, dict):
            raise CLIError(f"{p}: expected a JSON object of backend options")
    if args.backend:
        config["backend"] = args.backend
    name = config.get("backend", "embedded")
    for opt, key in (("model", "model"), ("adapter", "adapter"), ("device", "device")):
        if getattr(args, opt, None):
            if name != "transformers":
                raise CLIError(f"--{opt} is an option of the transformers backend (use --backend transformers)")
            config[key] = getattr(args, opt)
    if args.trust_remote_code:
        config["trust_remote_code"] = True
    for opt, key in (("base_url", "base_url"), ("server_model", "model")):
        if getattr(args, opt, None):
            if name != "openai":
                raise CLIError(f"--{opt.replace('_', '-')} is an option of the openai backend (use --backend openai)")
            config[key] = getattr(args, opt)
    return backend_from_config(config)


def check_output(path: str, allowed: Iterable[str]) -> Path:
    p = Path(path)
    allowed = tuple(allowed)
    if p.suffix.lower() not in allowed:
        raise CLIError(f"{p}: unsupported output type {p.suffix or '(none)'!r}; use {', '.join(allowed)}")
    if p.parent and not p.parent.exists():
        raise CLIError(f"{p}: the folder {p.parent} does not exist")
    return p


EXPORT_SUFFIXES = (".csv", ".fbx", ".glb")


def add_export_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("FBX / glTF options")
    g.add_argument("--mode", choices=["head", "curves"], default="head",
                   help="head: the head mesh with its 52 blendshapes and rotating head/eye nodes (default); "
                   "curves: FBX only, the 61 channels as animated custom properties of one node, to retarget onto your own rig")
    g.add_argument("--bake", action=argparse.BooleanOptionalAction, default=True,
                   help="one key per frame (default; what Blender needs), or --no-bake for the document's keys with their tangents")
    g.add_argument("--head", metavar="FILE.glb", help="export this glTF head instead of the default head")
    p.add_argument("--secondary", action="store_true",
                   help="add natural blinks, small gaze saccades and head sway on top of the keys (baked; default: off, or a .kfs project's own setting)")


def start_seconds(value: str | None, anim) -> float:
    """``--start`` in seconds: a number of seconds or a timecode; by default the time an imported
    capture started at (so a round trip keeps its timecode), else 0."""
    if value is None:
        return float(anim.settings.get("import", {}).get("start", 0.0))
    from kfstudio.io.llf_csv import parse_timecode

    try:
        seconds = parse_timecode(value) if ":" in value else float(value)
    except ValueError:
        raise CLIError(f"--start {value!r}: expected seconds (e.g. 12.5) or a timecode HH:MM:SS:FF.fff") from None
    if not (seconds >= 0 and seconds < 1e7):
        raise CLIError(f"--start {value!r}: expected a time of 0 or more seconds")
    return seconds


def fps_type(text: str) -> float:
    """argparse type of --fps: a frame rate above 0 and at most 1000."""
    try:
        fps = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < fps <= 1000:
        raise argparse.ArgumentTypeError(f"{text} is not a frame rate (above 0, at most 1000)")
    return fps


def export_to(anim, out: Path, args) -> str:
    """Write ``anim`` to ``out`` in the format of its suffix; returns a one-line summary."""
    import warnings

    from kfstudio.io.export import ExportWarning, export_animation

    if getattr(args, "secondary", False):
        from kfstudio.animation.secondary import SETTINGS_KEY

        motion = anim.secondary
        motion.enabled = motion.in_export = True
        anim.settings[SETTINGS_KEY] = motion.to_dict()
    head = None
    if getattr(args, "head", None):
        from kfstudio.io.gltf_head import load_gltf_head

        head = load_gltf_head(args.head)
    start = start_seconds(getattr(args, "start", None), anim)
    if out.suffix.lower() == ".csv":
        from kfstudio.io.capture import export_csv

        rows = export_csv(anim, out, fps=args.fps, start=start)
        return f"{rows} frames at {args.fps or anim.fps:g} fps"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        export_animation(anim, out, mode=args.mode, bake=args.bake, fps=args.fps, start=start, head=head)
    for w in caught:
        if issubclass(w.category, ExportWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    how = "baked at " + f"{args.fps or anim.fps:g} fps" if args.bake else "document keys with tangents"
    return f"{args.mode} mode, {how}"
