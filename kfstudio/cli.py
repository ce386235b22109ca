"""The ``kfstudio`` command.

``kfstudio`` alone opens the editor on the bundled example script; the subcommands work without
a display and never import Qt. Bad input ends with ``kfstudio: error: ...`` naming the file, line
or field, and exit status 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from . import RESOURCES, __version__

EXAMPLE_SCRIPT = RESOURCES / "examples" / "interview_anxiety.txt"


class CLIError(Exception):
    """An error to report to the user as ``kfstudio: error: <message>`` (exit status 2)."""


# ---------------------------------------------------------------------------- helpers


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


def _add_backend_options(p: argparse.ArgumentParser) -> None:
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


def _backend_from_args(args) -> object:
    from .generation.backend import backend_from_config

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


def _check_output(path: str, allowed: Iterable[str]) -> Path:
    p = Path(path)
    allowed = tuple(allowed)
    if p.suffix.lower() not in allowed:
        raise CLIError(f"{p}: unsupported output type {p.suffix or '(none)'!r}; use {', '.join(allowed)}")
    if p.parent and not p.parent.exists():
        raise CLIError(f"{p}: the folder {p.parent} does not exist")
    return p


# ---------------------------------------------------------------------------- subcommands


EXPORT_SUFFIXES = (".csv", ".fbx", ".glb")


def _add_export_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("FBX / glTF options")
    g.add_argument("--mode", choices=["head", "curves"], default="head",
                   help="head: the head mesh with its 52 blendshapes and rotating head/eye nodes (default); "
                   "curves: FBX only, the 61 channels as animated custom properties of one node, to retarget onto your own rig")
    g.add_argument("--bake", action=argparse.BooleanOptionalAction, default=True,
                   help="one key per frame (default; what Blender needs), or --no-bake for the document's keys with their tangents")
    g.add_argument("--head", metavar="FILE.glb", help="export this glTF head instead of the default head")
    p.add_argument("--secondary", action="store_true",
                   help="add natural blinks, small gaze saccades and head sway on top of the keys (baked; default: the project's setting, off)")


def _start_seconds(value: str | None, anim) -> float:
    """``--start`` in seconds: a number of seconds or a timecode; by default the time an imported
    capture started at (so a round trip keeps its timecode), else 0."""
    if value is None:
        return float(anim.settings.get("import", {}).get("start", 0.0))
    from .io.llf_csv import parse_timecode

    try:
        seconds = parse_timecode(value) if ":" in value else float(value)
    except ValueError:
        raise CLIError(f"--start {value!r}: expected seconds (e.g. 12.5) or a timecode HH:MM:SS:FF.fff") from None
    if not (seconds >= 0 and seconds < 1e7):
        raise CLIError(f"--start {value!r}: expected a time of 0 or more seconds")
    return seconds


def _fps(text: str) -> float:
    """argparse type of --fps: a frame rate above 0 and at most 1000."""
    try:
        fps = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < fps <= 1000:
        raise argparse.ArgumentTypeError(f"{text} is not a frame rate (above 0, at most 1000)")
    return fps


def _export(anim, out: Path, args) -> str:
    """Write ``anim`` to ``out`` in the format of its suffix; returns a one-line summary."""
    import warnings

    from .io.export import ExportWarning, export_animation

    if getattr(args, "secondary", False):
        from .animation.secondary import SETTINGS_KEY

        motion = anim.secondary
        motion.enabled = motion.in_export = True
        anim.settings[SETTINGS_KEY] = motion.to_dict()
    head = None
    if getattr(args, "head", None):
        from .rig.gltf_head import load_gltf_head

        head = load_gltf_head(args.head)
    start = _start_seconds(getattr(args, "start", None), anim)
    if out.suffix.lower() == ".csv":
        from .pipeline import export_csv

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


def cmd_export(args) -> int:
    from .io.project import load_project

    out = _check_output(args.output, EXPORT_SUFFIXES)
    anim = load_project(args.project)
    summary = _export(anim, out, args)
    print(f"wrote {out} ({summary})", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from .io.project import save_project
    from .pipeline import import_capture

    out = _check_output(args.output, [".kfs"])
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


def _request_from_line(obj) -> tuple[list[str], int, str, str, bool]:
    """(descriptions, index, background, emotion, is_keyframeface) of one batch line."""
    from .generation.keyframeface import parse_request

    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    if "messages" in obj:
        descs, index, background, emotion = parse_request(obj)
        return descs, index, background, emotion, True
    desc = obj.get("description")
    if not isinstance(desc, str) or not desc.strip():
        raise ValueError("missing 'description' (a non-empty string) or 'messages' (a KeyframeFace request)")
    seq = obj.get("sequence")
    if seq is None:
        descs, index = [desc], 0
    else:
        if not isinstance(seq, list) or not all(isinstance(s, str) for s in seq):
            raise ValueError("'sequence' must be a list of strings")
        descs = list(seq)
        if desc in descs:
            index = descs.index(desc)
        else:
            descs, index = descs + [desc], len(descs)
    for f in ("background", "emotion"):
        if not isinstance(obj.get(f, ""), str):
            raise ValueError(f"'{f}' must be a string")
    return descs, index, obj.get("background", ""), obj.get("emotion", ""), False


def _flat(values) -> dict:
    from . import channels as ch

    return {name: round(float(v), 6) for name, v in zip(ch.NAMES, values)}


def _batch(args, backend, out) -> int:
    from .generation.backend import KeyframeRequest, propose_checked
    from .generation.keyframeface import format_response

    path = Path(args.batch)
    try:
        f = sys.stdin.buffer if args.batch == "-" else path.open("rb")
    except OSError as e:
        raise CLIError(f"{path}: {e.strerror or e}") from None
    failures = 0
    progress = Progress(None, "keyframes")
    chunk: list[tuple[int, KeyframeRequest | None, bool, str]] = []

    def flush() -> None:
        nonlocal failures
        reqs = [r for _, r, _, _ in chunk if r is not None]
        results = iter(propose_checked(backend, reqs)) if reqs else iter(())
        for lineno, req, is_kf, err in chunk:
            if req is None:
                out.write(json.dumps({"error": err}) + "\n")
                continue
            res = next(results)
            if res.error:
                failures += 1
                print(f"{path}:{lineno}: {res.error}", file=sys.stderr)
            if is_kf:
                out.write(format_response(res.values, req.index, decimals=4) + "\n")
            else:
                out.write(json.dumps(_flat(res.values)) + "\n")
            progress.step()
        out.flush()
        chunk.clear()

    with f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                descs, index, background, emotion, is_kf = _request_from_line(json.loads(line))
                chunk.append((lineno, KeyframeRequest(descs, index, background, emotion), is_kf, ""))
            except RecursionError:
                failures += 1
                msg = f"{path}:{lineno}: the JSON is nested too deeply"
                print(msg, file=sys.stderr)
                chunk.append((lineno, None, False, msg))
            except (ValueError, KeyError) as e:  # JSON and UTF-8 decoding errors are ValueErrors
                failures += 1
                msg = f"{path}:{lineno}: {e}"
                print(msg, file=sys.stderr)
                chunk.append((lineno, None, False, msg))
            if len(chunk) >= 32:
                flush()
        flush()
    progress.close()
    return 1 if failures else 0


def cmd_keyframe(args) -> int:
    if not args.batch and not (args.description or "").strip():
        raise CLIError("give a DESCRIPTION (not empty) or --batch FILE.jsonl")
    backend = _backend_from_args(args)
    try:
        if args.batch:
            return _batch(args, backend, sys.stdout)
        from .generation.backend import KeyframeRequest, propose_checked

        seq = list(args.sequence or [])
        descs = seq + [args.description] if args.description not in seq else seq
        req = KeyframeRequest(descs or [args.description], (descs or [args.description]).index(args.description), args.background or "", args.emotion or "")
        res = next(propose_checked(backend, [req]))
        if res.error:
            print(f"warning: {res.error}", file=sys.stderr)
        if args.explain:
            for line in res.explanation:
                print(line, file=sys.stderr)
        if backend.name == "embedded" and not res.explanation:
            print("warning: no word of the description was recognised; the face stays neutral", file=sys.stderr)
        if (res.info.get("semantic") or {}).get("closest_reading"):
            print(f"warning: nothing in the description was understood with confidence; proposing the closest reading: "
                  f"{res.info['semantic']['nearest']!r}", file=sys.stderr)
        print(json.dumps(_flat(res.values), indent=None if args.compact else 1))
        return 0
    finally:
        backend.close()


def cmd_generate(args) -> int:
    from .generation.script import parse_script
    from .io.project import save_project
    from .pipeline import generate_animation, read_script

    out = _check_output(args.output, (".kfs",) + EXPORT_SUFFIXES)
    src = Path(args.script)
    text = read_script(src)
    backend = _backend_from_args(args)
    progress = Progress(None, "keyframes")
    try:
        def on_progress(done, total, result):
            progress.total = total
            progress.step()
            if result.error:
                print(f"\nwarning: keyframe {done}: {result.error}", file=sys.stderr)

        for warning in parse_script(text, str(src)).warnings:
            print(f"warning: {warning}", file=sys.stderr)
        anim, results = generate_animation(text, backend, fps=args.fps if args.fps is not None else 30.0,
                                           progress=on_progress, source=str(src))
    finally:
        progress.close()
        backend.close()
    if not anim.keyframes:
        raise CLIError(f"{src}: the script has no keyframe lines")
    if out.suffix.lower() == ".kfs":
        if args.secondary:
            from .animation.secondary import SETTINGS_KEY, SecondaryMotion

            anim.settings[SETTINGS_KEY] = SecondaryMotion(enabled=True, in_export=True).to_dict()
        save_project(anim, out)
    else:
        _export(anim, out, args)
    repaired = sum(1 for r in results if r.repairs)
    print(f"wrote {out}: {len(anim.keyframes)} keyframes, {anim.duration:.2f} s"
          + (f", {repaired} responses repaired" if repaired else ""), file=sys.stderr)
    return 0


def cmd_channels(args) -> int:
    from . import channels as ch

    for c in ch.CHANNELS:
        print(f"{c.index:2d}  {c.name:<20} {c.arkit:<20} {c.group:<10} [{c.lower:g}, {c.upper:g}]  {c.meaning}")
    return 0


def cmd_edit(args) -> int:
    return _run_editor(args.file)


def cmd_bench(args) -> int:
    from .bench import run_benchmarks

    return run_benchmarks(json_output=args.json, only=args.only, quick=args.quick, blender=args.blender)


def _run_editor(path: str | None) -> int:
    try:
        from .ui.app import run_editor
    except ImportError as e:
        if "kfstudio.ui.app" in str(e) or "PySide6" in str(e) or "vispy" in str(e) or "pyqtgraph" in str(e):
            return _editor_unavailable(path, e)
        raise
    return run_editor(path)


def _editor_unavailable(path: str | None, err: Exception) -> int:
    """Without the editor (Qt not installed), show what the editor would open, from the CLI."""
    from .pipeline import load_animation

    print(f"kfstudio: the editor is not available ({err}); install it with: pip install -e '.[ui]'", file=sys.stderr)
    src = Path(path) if path else EXAMPLE_SCRIPT
    anim = load_animation(src)
    print(f"{src.name}: {len(anim.keyframes)} keyframes, {anim.duration:.2f} s at {anim.fps:g} fps")
    from . import channels as ch

    for k in anim.keyframes:
        top = sorted(range(61), key=lambda i: -abs(k.values[i]))[:5]
        strongest = ", ".join(f"{ch.NAMES[i]} {k.values[i]:.2f}" for i in top if abs(k.values[i]) > 0.01)
        print(f"  {k.time:6.2f}s  {k.description[:60]:<60}  {strongest}")
    return 0


# ---------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kfstudio",
        description="KeyframeFace Studio: write a script, get facial keyframes (61 ARKit / Live Link Face channels), edit, export. "
        "Run without a command to open the editor on the bundled example.",
    )
    p.add_argument("--version", action="version", version=f"kfstudio {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    e = sub.add_parser("edit", help="open the editor (on a script, project or capture)", description="Open the editor.")
    e.add_argument("file", nargs="?", help="a script (.txt), project (.kfs) or Live Link Face capture (.csv); default: the bundled example")
    e.set_defaults(func=cmd_edit)

    x = sub.add_parser("export", help="export a project as Live Link Face CSV, FBX or glTF",
                       description="Export a project's animation: Live Link Face CSV (one row per frame), binary FBX 7.4 or glTF 2.0 (.glb).")
    x.add_argument("project", help="the project (.kfs)")
    x.add_argument("-o", "--output", required=True, help="the file to write: .csv, .fbx or .glb")
    x.add_argument("--fps", type=_fps, help="frame rate of the rows / baked keys (default: the project's)")
    x.add_argument("--start", default=None,
                   help="time of the first frame: seconds or a timecode HH:MM:SS:FF.fff (default: the start of an imported capture, else 0)")
    _add_export_options(x)
    x.set_defaults(func=cmd_export)

    i = sub.add_parser("import", help="import a Live Link Face CSV capture as a project", description="Read a Live Link Face capture into a project.")
    i.add_argument("capture", help="the capture (.csv)")
    i.add_argument("-o", "--output", required=True, help="the project to write (.kfs)")
    i.add_argument("--tolerance", type=float, default=None,
                   help="reduce the dense capture to sparse keys, each channel within this tolerance of every frame (e.g. 0.01); default: keep every frame")
    i.set_defaults(func=cmd_import)

    k = sub.add_parser("keyframe", help="propose the 61 channel values of one description (or a JSONL batch)",
                       description="Print one JSON object of the 61 channels (Live Link Face names) for a description. "
                       "With --batch, read one request per line and write one JSON object per line, in order.")
    k.add_argument("description", nargs="?", help="what the face does, e.g. 'a slight smile, eyes narrowed'")
    k.add_argument("--background", help="the scene's background")
    k.add_argument("--emotion", help="the script's emotion")
    k.add_argument("--sequence", nargs="*", help="the other keyframe descriptions of the script, in order (context)")
    k.add_argument("--batch", metavar="FILE.jsonl", help="requests, one per line: {description, background, emotion, sequence} or a KeyframeFace request {messages}; - reads standard input")
    k.add_argument("--explain", action="store_true", help="print which words set which channels (standard error)")
    k.add_argument("--compact", action="store_true", help="print the JSON on one line")
    _add_backend_options(k)
    k.set_defaults(func=cmd_keyframe)

    g = sub.add_parser("generate", help="make a whole animation from a script", description="Plan and propose every keyframe of a script.")
    g.add_argument("script", help="the script (.txt)")
    g.add_argument("-o", "--output", required=True, help="the file to write: a project (.kfs), Live Link Face CSV (.csv), FBX (.fbx) or glTF (.glb)")
    g.add_argument("--fps", type=_fps, help="frame rate (default 30)")
    _add_export_options(g)
    _add_backend_options(g)
    g.set_defaults(func=cmd_generate)

    try:
        from .render_cli import add_render_parser, run_render

        r = add_render_parser(sub)
        r.set_defaults(func=run_render)
    except ImportError:  # pragma: no cover - render module missing from a partial install
        pass

    from .eval_cli import add_parser as add_eval_parser
    add_eval_parser(sub)
    from .train_cli import add_parser as add_train_parser
    add_train_parser(sub)

    b = sub.add_parser("bench", help="measure every performance figure against its target", description="Run the benchmarks.")
    b.add_argument("--json", action="store_true", help="one JSON object per figure (name, unit, median, min, max, target, passed)")
    b.add_argument("--only", metavar="SUBSTRING", help="run only the benchmarks whose module.function name contains this (e.g. export, rig., stall)")
    b.add_argument("--quick", action="store_true", help="fewer repetitions; the slowest 16x scaling rows are skipped (each says so)")
    b.add_argument("--blender", action="store_true", help="also time Blender's own FBX/glTF exporters on the same animation (needs the bpy venv; minutes)")
    b.set_defaults(func=cmd_bench)

    c = sub.add_parser("channels", help="list the 61 channels with their groups, ranges and meanings", description="List the channels.")
    c.set_defaults(func=cmd_channels)
    return p


def _known_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [CLIError, ValueError, KeyError, OSError]
    try:
        from .generation.backend import BackendError

        errors.append(BackendError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _run_editor(None)
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. piped into head
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except _known_errors() as e:
        msg = e.args[0] if isinstance(e, KeyError) and e.args else str(e)
        print(f"kfstudio: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kfstudio: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
