"""The ``kfstudio check`` subcommand: what a strict reader will see in FBX, glTF/GLB, Live Link Face
CSV and ``.kfs`` files.

::

    kfstudio check FILE [FILE ...] [--quiet]

One line per finding, ``FILE: SEVERITY: [WHERE: ]MESSAGE`` (severity ``error``, ``warning`` or
``info``), then one summary line per file. Exit status 0 when every file passes, 1 when a strict
reader would fail on one of them (any ``error`` finding), 2 when a file cannot be checked at all
(``kfstudio: error: ...`` on standard error). The checks are in :mod:`kfstudio.io.check`.
"""

from __future__ import annotations

import sys

__all__ = ["add_parser", "run"]


def add_parser(subparsers):
    """Add the ``check`` subcommand to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    p = subparsers.add_parser(
        "check",
        help="check FBX, glTF/GLB, Live Link Face CSV and .kfs files as a strict reader would",
        description="Report what a strict reader (the Autodesk FBX SDK, assimp, Unreal's importer) will see in "
        "each file: shapes mapped to ARKit, key counts, frame range and rate, animated channels, and problems. "
        "Exit status 1 when a strict reader would fail, 2 when a file cannot be read.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=".fbx, .glb, .gltf, .csv (Live Link Face) or .kfs")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors and warnings only")
    p.set_defaults(func=run)
    return p


def run(args) -> int:
    """Carry out ``kfstudio check`` for parsed ``args``; returns the exit status."""
    from kfstudio.io.check import CheckError, check_file, strict_failure

    status = 0
    for name in args.files:
        try:
            findings = check_file(name)
        except CheckError as e:
            print(f"kfstudio: error: {e}", file=sys.stderr)
            status = 2
            continue
        for f in findings:
            if args.quiet and f.severity == "info":
                continue
            print(f"{name}: {f}")
        errors = sum(f.severity == "error" for f in findings)
        warnings = sum(f.severity == "warning" for f in findings)
        counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        if strict_failure(findings):
            print(f"{name}: {counts}: a strict reader would fail")
            status = max(status, 1)
        else:
            print(f"{name}: {counts}: passes")
    sys.stdout.flush()
    return status
