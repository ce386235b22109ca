"""The ``kfstudio`` command.

``kfstudio`` alone opens the editor on the bundled example script; the subcommands work without
a display and never import Qt. Bad input ends with ``kfstudio: error: ...`` naming the file, line
or field, and exit status 2 — never a traceback.

One module per group of subcommands, each with an ``add_parser(subparsers)`` that registers its
commands (and their ``func``):

* :mod:`.files` — ``export``, ``import``;
* :mod:`.generate` — ``keyframe``, ``generate``;
* :mod:`.render` — ``render``;
* :mod:`.eval` — ``eval`` (score a backend on an evaluation file); :mod:`.train` — ``train`` (the learned layer);
* :mod:`.tools` — ``edit``, ``bench``, ``channels``;
* :mod:`.check` — ``check``;
* :mod:`.common` — what they share (errors, progress, backend and export options).
"""

from __future__ import annotations

import argparse
import os
import sys

from kfstudio import __version__
from kfstudio.cli import check, eval, files, generate, render, tools, train
from kfstudio.cli.common import CLIError
from kfstudio.generation.backend import BackendError

__all__ = ["build_parser", "main", "CLIError"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kfstudio",
        description="KeyframeFace Studio: write a script, get facial keyframes (61 ARKit / Live Link Face channels), edit, export. "
        "Run without a command to open the editor on the bundled example.",
    )
    p.add_argument("--version", action="version", version=f"kfstudio {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    tools.add_edit_parser(sub)
    files.add_parser(sub)
    generate.add_parser(sub)
    render.add_parser(sub)
    eval.add_parser(sub)
    train.add_parser(sub)
    tools.add_parser(sub)
    check.add_parser(sub)
    return p


#: Errors reported as ``kfstudio: error: <message>`` with exit status 2.
KNOWN_ERRORS: tuple[type[BaseException], ...] = (CLIError, ValueError, KeyError, OSError, BackendError)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return tools.run_editor(None)
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. piped into head
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except KNOWN_ERRORS as e:
        msg = e.args[0] if isinstance(e, KeyError) and e.args else str(e)
        print(f"kfstudio: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kfstudio: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
