"""``kfstudio bench``: every performance figure of the project, measured in one process.

Each module ``kfstudio/bench/<area>.py`` exposes functions ``bench_<figure>()`` that return a row
(or a list of rows) made by :mod:`kfstudio.bench.util`. This runner imports them all, runs them in
order, and prints a table (or one JSON object per line with ``--json``). A benchmark that cannot run
here (no display, no model) returns a row with ``skipped`` set; one that raises is reported as an
error row (``passed`` False) and the others still run.

When ``DISPLAY`` is unset and ``Xvfb`` is on ``PATH``, the runner starts a private X server for the
duration of the run (a free display number chosen by Xvfb itself), so that the figures that need a
display (the viewport's playback) are measured too; it is stopped at the end.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import traceback

from kfstudio.bench.util import QUICK_ENV, normalise

__all__ = ["discover", "run_benchmarks", "private_display"]

XVFB_SCREEN = "1600x1000x24"
#: Modules of this package that hold no benchmarks (helpers).
_NOT_BENCHMARKS = frozenset({"util", "tiny_model", "batch_memory", "kill_during_save"})


def discover() -> list[tuple[str, object]]:
    """(qualified name, function) of every ``bench_*`` function in the ``kfstudio.bench.*`` modules."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in _NOT_BENCHMARKS:
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        for attr in getattr(mod, "__all__", None) or sorted(dir(mod)):
            fn = getattr(mod, attr, None)
            if attr.startswith("bench_") and callable(fn):
                found.append((f"{info.name}.{attr[6:]}", fn))
    return found


@contextlib.contextmanager
def private_display(timeout: float = 10.0):
    """Run the block with ``DISPLAY`` set to a private Xvfb server, if ``DISPLAY`` is unset and
    ``Xvfb`` is installed; otherwise leave the environment as it is. Yields the display name used
    (or None). The server is terminated when the block ends."""
    xvfb = shutil.which("Xvfb")
    if os.environ.get("DISPLAY") or xvfb is None:
        yield os.environ.get("DISPLAY")
        return
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it to the pipe once it accepts clients
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", XVFB_SCREEN, "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        number = _read_display_number(read_fd, timeout)
        if number is None:
            yield None
            return
        os.environ["DISPLAY"] = f":{number}"
        try:
            yield os.environ["DISPLAY"]
        finally:
            os.environ.pop("DISPLAY", None)
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _read_display_number(fd: int, timeout: float) -> str | None:
    """The display number Xvfb writes to ``fd`` (None if it writes nothing within ``timeout``)."""
    import select

    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], timeout)
        chunk = os.read(fd, 16) if ready else b""
        if not chunk:
            return None
        data += chunk
    return data.strip().decode() or None


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def _status(row: dict) -> str:
    if row.get("error"):
        return "ERROR " + row["error"]
    if row.get("skipped"):
        return "skipped: " + row["skipped"]
    return "ok" if row["passed"] else "MISSED"


def _table_line(row: dict) -> str:
    return (f"{row['name']:<90} {_fmt(row['median']):>10} {row['unit']:<6} "
            f"[{_fmt(row['min'])} .. {_fmt(row['max'])}]  target {_fmt(row['target'])}  {_status(row)}")


def _run_one(qualname: str, fn) -> list[dict]:
    """The rows of one benchmark function; an exception becomes one error row."""
    try:
        out = fn()
    except Exception as e:  # a broken benchmark is reported, the others still run
        if os.environ.get("KFSTUDIO_BENCH_DEBUG"):
            traceback.print_exc()
        out = {"name": qualname, "unit": "", "passed": False, "error": f"{type(e).__name__}: {e}"}
    return [normalise(row, qualname) for row in (out if isinstance(out, list) else [out])]


def run_benchmarks(*, json_output: bool = False, only: str | None = None, quick: bool = False,
                   blender: bool = False, display: bool = True) -> int:
    """Run the benchmarks; returns 0 when every figure that ran met its target, else 1.

    ``only`` keeps the benchmarks whose qualified name (``module.figure``, e.g. ``rig.rig_eval``)
    contains it. ``quick`` asks for fewer repetitions (``KFSTUDIO_BENCH_QUICK``); ``blender`` adds
    the side-by-side runs of Blender's own exporters (``KFSTUDIO_BENCH_BLENDER``), which take minutes.
    ``display`` lets the runner start a private Xvfb when there is no display (see
    :func:`private_display`).
    """
    if quick:
        os.environ[QUICK_ENV] = "1"
    if blender:
        os.environ["KFSTUDIO_BENCH_BLENDER"] = "1"
    rows = []
    with private_display() if display else contextlib.nullcontext():
        for qualname, fn in discover():
            if only and only not in qualname:
                continue
            for row in _run_one(qualname, fn):
                rows.append(row)
                print(json.dumps(row) if json_output else _table_line(row), flush=True)
    failed = [r for r in rows if not r["passed"]]
    if not json_output:
        print(f"{len(rows) - len(failed)} of {len(rows)} figures within target or skipped", file=sys.stderr)
    return 1 if failed else 0
