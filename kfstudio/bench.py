"""``kfstudio bench``: every performance figure of the project, measured in one process.

Each module ``kfstudio/bench_<area>.py`` exposes functions ``bench_<figure>()`` that return a row
(or a list of rows) made by :func:`kfstudio.benchutil.result`. This runner imports them all, runs
them in order, and prints a table (or JSON lines with ``--json``). A benchmark that cannot run
here (no display, no model) returns a row with ``skipped`` set; one that fails reports its error.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import traceback

import kfstudio

__all__ = ["discover", "run_benchmarks"]


def discover() -> list[tuple[str, object]]:
    """(qualified name, function) of every ``bench_*`` function in ``kfstudio.bench_*`` modules."""
    found = []
    for info in sorted(pkgutil.iter_modules(kfstudio.__path__), key=lambda m: m.name):
        if not info.name.startswith("bench_"):
            continue
        mod = importlib.import_module(f"kfstudio.{info.name}")
        for attr in getattr(mod, "__all__", None) or sorted(dir(mod)):
            fn = getattr(mod, attr, None)
            if attr.startswith("bench_") and callable(fn):
                found.append((f"{info.name[6:]}.{attr[6:]}", fn))
    return found


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def run_benchmarks(*, json_output: bool = False, only: str | None = None, quick: bool = False, blender: bool = False) -> int:
    """Run the benchmarks; returns 0 when every figure that ran met its target, else 1.

    ``quick`` asks for fewer repetitions (``KFSTUDIO_BENCH_QUICK``); ``blender`` adds the side-by-side
    runs of Blender's own exporters (``KFSTUDIO_BENCH_BLENDER``), which take minutes.
    """
    import os

    if quick:
        os.environ["KFSTUDIO_BENCH_QUICK"] = "1"
    if blender:
        os.environ["KFSTUDIO_BENCH_BLENDER"] = "1"
    rows = []
    for qualname, fn in discover():
        if only and only not in qualname:
            continue
        try:
            out = fn()
        except Exception as e:  # a broken benchmark is reported, the others still run
            out = {"name": qualname, "unit": "", "median": None, "min": None, "max": None, "target": None,
                   "passed": False, "error": f"{type(e).__name__}: {e}"}
            if os.environ.get("KFSTUDIO_BENCH_DEBUG"):
                traceback.print_exc()
        for row in out if isinstance(out, list) else [out]:
            rows.append(row)
            if json_output:
                print(json.dumps(row), flush=True)
            else:
                status = "skipped" if row.get("skipped") else ("ok" if row.get("passed") else "MISSED")
                if row.get("error"):
                    status = "ERROR " + row["error"]
                print(f"{row['name']:<48} {_fmt(row.get('median')):>10} {row.get('unit', ''):<6} "
                      f"[{_fmt(row.get('min'))} .. {_fmt(row.get('max'))}]  target {_fmt(row.get('target'))}  {status}", flush=True)
    failed = [r for r in rows if not r.get("passed") and not r.get("skipped")]
    if not json_output:
        print(f"{len(rows) - len(failed)} of {len(rows)} figures within target", file=sys.stderr)
    return 1 if failed else 0
