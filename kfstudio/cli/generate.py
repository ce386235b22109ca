"""``kfstudio keyframe`` (one description, or a JSONL batch) and ``kfstudio generate`` (a whole script)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kfstudio.cli.common import (
    EXPORT_SUFFIXES,
    CLIError,
    Progress,
    add_backend_options,
    add_export_options,
    backend_from_args,
    check_output,
    export_to,
    fps_type,
)

__all__ = ["add_parser", "cmd_keyframe", "cmd_generate"]


def _request_from_line(obj) -> tuple[list[str], int, str, str, bool]:
    """(descriptions, index, background, emotion, is_keyframeface) of one batch line."""
    from kfstudio.generation.keyframeface import parse_request

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
    from kfstudio import channels as ch

    return {name: round(float(v), 6) for name, v in zip(ch.NAMES, values)}


def _batch(args, backend, out) -> int:
    from kfstudio.generation.backend import KeyframeRequest, propose_checked
    from kfstudio.generation.keyframeface import format_response

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
    backend = backend_from_args(args)
    try:
        if args.batch:
            return _batch(args, backend, sys.stdout)
        from kfstudio.generation.backend import KeyframeRequest, propose_checked

        seq = list(args.sequence or [])
        descs = seq + [args.description] if args.description not in seq else seq
        req = KeyframeRequest(descs or [args.description], (descs or [args.description]).index(args.description), args.background or "", args.emotion or "")
        res = next(propose_checked(backend, [req]))
        if res.error:
            print(f"warning: {res.error}", file=sys.stderr)
        if res.info.get("language") and not args.explain:  # --explain prints it among its lines
            print(f"warning: {res.info['language']}", file=sys.stderr)
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
    from kfstudio.generation.script import parse_script
    from kfstudio.io.project import save_project
    from kfstudio.script_sync import generate_animation, read_script

    out = check_output(args.output, (".kfs",) + EXPORT_SUFFIXES)
    src = Path(args.script)
    text = read_script(src)
    backend = backend_from_args(args)
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
            from kfstudio.animation.secondary import SETTINGS_KEY, SecondaryMotion

            anim.settings[SETTINGS_KEY] = SecondaryMotion(enabled=True, in_export=True).to_dict()
        save_project(anim, out)
    else:
        export_to(anim, out, args)
    repaired = sum(1 for r in results if r.repairs)
    print(f"wrote {out}: {len(anim.keyframes)} keyframes, {anim.duration:.2f} s"
          + (f", {repaired} responses repaired" if repaired else ""), file=sys.stderr)
    return 0


def add_parser(sub) -> None:
    """Add ``keyframe`` and ``generate`` to the subcommands."""
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
    add_backend_options(k)
    k.set_defaults(func=cmd_keyframe)

    g = sub.add_parser("generate", help="make a whole animation from a script", description="Plan and propose every keyframe of a script.")
    g.add_argument("script", help="the script (.txt)")
    g.add_argument("-o", "--output", required=True, help="the file to write: a project (.kfs), Live Link Face CSV (.csv), FBX (.fbx) or glTF (.glb)")
    g.add_argument("--fps", type=fps_type, help="frame rate (default 30)")
    add_export_options(g)
    add_backend_options(g)
    g.set_defaults(func=cmd_generate)
