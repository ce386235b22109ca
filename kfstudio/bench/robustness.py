"""Robustness and load figures (issue 7): a long document, kills during save, batch memory.

* :func:`long_animation` — a 500-keyframe, 30-minute document (the load case),
* :func:`kill_trials` — a real subprocess saving a project in a loop, killed with SIGKILL at random
  moments; the file must always be one of the two versions it writes (used by
  ``kfstudio.bench.kill_during_save`` and ``tests/test_faults.py``),
* :func:`batch_peak_rss` — ``kfstudio keyframe --batch`` over N descriptions in a subprocess, and its
  peak resident memory (used by ``kfstudio.bench.batch_memory``),
* :func:`bench_robustness` — the benchmark rows: open, edit, undo, evaluate, export the long document,
  and batch peak memory at 1×, 4× and 16× the descriptions.

Nothing here imports Qt or torch.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from kfstudio import channels as ch
from kfstudio.animation import Animation, Keyframe
from kfstudio.animation import commands as cmd
from kfstudio.bench.util import is_quick, measure, result, skipped

__all__ = ["long_animation", "kill_trials", "save_loop", "batch_peak_rss", "bench_robustness"]

#: targets (ms) for the long document; one edit or undo must fit in a 60 Hz frame
TARGET_OPEN_MS = 500.0
TARGET_EDIT_MS = 16.0
TARGET_UNDO_MS = 16.0
TARGET_PLAYBACK_FRAME_MS = 1.0  # one frame of all 61 channels, a small share of a 16 ms frame
TARGET_EVALUATE_30MIN_MS = 60.0  # target: 20 ms per 10 minutes at 60 fps
TARGET_EXPORT_30MIN_MS = 3000.0  # target: 1 s per 10 minutes at 60 fps
#: peak memory of the default ``keyframe --batch`` (the learned layer on): issue 11's target for it. The rows at 1x, 4x and
#: 16x the descriptions show it bounded. The planner alone (``KFSTUDIO_SEMANTIC=off``) peaks at about 49 MB; the learned
#: layer's encoder, head and ONNX session weigh about 250 MB more (the earlier 300 MB, set for the planner alone, has been
#: exceeded since stop 33)
TARGET_BATCH_RSS_MB = 500.0


#: The folder that holds the ``kfstudio`` package (the checkout, or site-packages): child processes
#: import kfstudio from there.
_PACKAGE_PARENT = Path(__file__).resolve().parents[2]


def long_animation(keyframes: int = 500, duration: float = 1800.0, seed: int = 0) -> Animation:
    """A document of ``keyframes`` described keyframes spread over ``duration`` seconds."""
    rng = np.random.default_rng(seed)
    times = np.sort(rng.uniform(0.0, duration, keyframes))
    times[0], times[-1] = 0.0, duration
    values = ch.clamp(rng.uniform(ch.LOWER, ch.UPPER, (keyframes, ch.NUM_CHANNELS)) * 0.5)
    kfs = [Keyframe(float(t), f"beat {i}: the brows lift and the mouth opens", v) for i, (t, v) in enumerate(zip(times, values))]
    return Animation(kfs, fps=30.0, script="\n".join(f"{t:.3f}s: beat {i}" for i, t in enumerate(times)))


# ---------------------------------------------------------------------------- kills during save


def save_loop(target: str, version_a: str, version_b: str) -> None:
    """Child side of :func:`kill_trials`: load two projects, say ``ready``, then save them over
    ``target`` alternately until killed."""
    from kfstudio.io.project import load_project, save_project

    docs = [load_project(version_a), load_project(version_b)]
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    i = 0
    while True:
        save_project(docs[i % 2], target)
        i += 1


def _child_save_loop(target: Path, a: Path, b: Path) -> subprocess.Popen:
    code = "import sys; from kfstudio.bench.robustness import save_loop; save_loop(*sys.argv[1:4])"
    return subprocess.Popen([sys.executable, "-c", code, str(target), str(a), str(b)], stdout=subprocess.PIPE,
                            cwd=_PACKAGE_PARENT)


def kill_trials(trials: int, folder: str | os.PathLike, *, seed: int = 0, keyframes: int = 200,
                max_delay: float | None = None) -> dict:
    """Kill a process that is saving a project ``trials`` times, at random moments, and check the file.

    Two versions of a ``keyframes``-keyframe project are written to ``folder``; each trial starts
    from version A on disk, starts a child that saves A and B alternately over it, waits a random
    time (up to ``max_delay``, by default two save durations) after the child is ready and kills it
    with SIGKILL. Returns counts: ``a`` / ``b`` (the file was intact and equal to that version),
    ``damaged`` (anything else, or a file :func:`load_project` refuses), ``leftover_tmp`` (temporary
    files a killed save left in the folder), ``save_ms`` (one save's duration) and ``seconds``.
    """
    from kfstudio.io.project import load_project, save_project

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    a, b, target = folder / "version_a.kfs", folder / "version_b.kfs", folder / "target.kfs"
    doc = long_animation(keyframes, duration=keyframes * 2.0, seed=seed)
    save_project(doc, a)
    doc.keyframes[0].description = "version B"
    doc.settings["version"] = "B"
    save_project(doc, b)
    versions = {"a": a.read_bytes(), "b": b.read_bytes()}
    t0 = time.perf_counter()
    save_project(doc, target)
    save_s = time.perf_counter() - t0
    delay = 2.0 * save_s if max_delay is None else max_delay
    rng = random.Random(seed)
    counts = {"trials": trials, "a": 0, "b": 0, "damaged": 0, "leftover_tmp": 0, "save_ms": save_s * 1000.0}
    start = time.perf_counter()
    for _ in range(trials):
        target.write_bytes(versions["a"])
        child = _child_save_loop(target, a, b)
        assert child.stdout is not None  # stdout=PIPE
        try:
            if child.stdout.readline().strip() != b"ready":
                raise RuntimeError("the saving child did not start")
            time.sleep(rng.uniform(0.0, delay))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
        data = target.read_bytes()
        which = next((name for name, v in versions.items() if v == data), None)
        try:
            load_project(target)
        except ValueError:
            which = None
        counts[which or "damaged"] += 1
        leftovers = [p for p in folder.iterdir() if p.name.startswith(".target.kfs.")]
        counts["leftover_tmp"] += len(leftovers)
        for p in leftovers:
            p.unlink()
    counts["seconds"] = time.perf_counter() - start
    return counts


# ---------------------------------------------------------------------------- batch memory


def write_batch(path: str | os.PathLike, n: int) -> None:
    """``n`` varied JSONL requests (plain descriptions and KeyframeFace-style sequences)."""
    words = ["the brows lift", "a wide smile", "the eyes close", "the jaw drops", "lips press together",
             "the gaze turns left", "a sneer", "cheeks puff", "the head tilts down", "a slow blink"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            desc = f"{words[i % len(words)]} and {words[(i * 7 + 3) % len(words)]} ({i})"
            obj: dict = {"description": desc}
            if i % 3 == 0:
                obj["sequence"] = [words[(i + 1) % len(words)], desc]
                obj["emotion"] = "anxiety"
            f.write(json.dumps(obj) + "\n")


# Runs the batch in a grandchild and reports its rusage. A small launcher is needed: a child forked
# straight from a big process (a test run with torch loaded) inherits that process's RSS as its
# starting peak, so wait4 would report the parent's size, not the batch's.
_LAUNCHER = """
import json, os, subprocess, sys, time
src, out, cwd = sys.argv[1:4]
t0 = time.perf_counter()
with open(out, "wb") as sink:
    child = subprocess.Popen([sys.executable, "-m", "kfstudio", "keyframe", "--batch", src],
                             stdout=sink, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"peak_rss_mb": usage.ru_maxrss / 1024.0, "seconds": time.perf_counter() - t0,
                  "returncode": os.waitstatus_to_exitcode(status)}))
"""


def batch_peak_rss(n: int, folder: str | os.PathLike) -> dict:
    """Run ``python -m kfstudio keyframe --batch`` over ``n`` requests; its peak RSS (from ``wait4``).

    Returns ``{"n", "peak_rss_mb", "seconds", "lines", "returncode"}``; ``lines`` counts the output lines.
    """
    folder = Path(folder)
    src, out = folder / f"batch_{n}.jsonl", folder / f"batch_{n}.out"
    write_batch(src, n)
    launched = subprocess.run([sys.executable, "-c", _LAUNCHER, str(src), str(out), str(_PACKAGE_PARENT)],
                              capture_output=True, text=True, check=True)
    figures = json.loads(launched.stdout)
    with open(out, "rb") as f:
        lines = sum(1 for _ in f)
    return {"n": n, "lines": lines, **figures}


# ---------------------------------------------------------------------------- rows


def _long_document_rows(quick: bool) -> list[dict]:
    from kfstudio.io.llf_csv import write_csv
    from kfstudio.io.project import load_project, save_project

    repeats = 3 if quick else 7
    anim = long_animation()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kfs-bench-") as d:
        path = Path(d) / "long.kfs"
        save_project(anim, path)
        rows.append(measure("long document (500 keyframes, 30 min): open .kfs", lambda: load_project(path),
                            target_ms=TARGET_OPEN_MS, repeats=repeats))
        doc = load_project(path)
        stack = cmd.UndoStack(doc)
        uids = [k.uid for k in doc.keyframes]
        doc.evaluate(0.0)  # compile the curves once, as the editor does when it shows the document
        edit_ms, undo_ms = [], []
        for i in range(100):
            values = doc.keyframes[(i * 37) % len(uids)].values.copy()
            values[17] = (i % 10) / 10.0
            t0 = time.perf_counter()
            stack.push(cmd.set_values(doc, uids[(i * 37) % len(uids)], values))
            doc.evaluate(doc.duration * i / 100.0)  # the viewport redraws after each edit
            edit_ms.append((time.perf_counter() - t0) * 1000.0)
        for _ in range(100):
            t0 = time.perf_counter()
            stack.undo()
            doc.evaluate(0.0)
            undo_ms.append((time.perf_counter() - t0) * 1000.0)
        rows.append(result("long document: one undoable edit + redraw pose (100 edits)", edit_ms, TARGET_EDIT_MS))
        rows.append(result("long document: one undo + redraw pose (undo all 100)", undo_ms, TARGET_UNDO_MS))
        frame_t = iter(np.random.default_rng(1).uniform(0, anim.duration, 10_000))
        rows.append(measure("long document: evaluate one playback frame (61 channels)",
                            lambda: doc.evaluate(next(frame_t)), target_ms=TARGET_PLAYBACK_FRAME_MS, repeats=50))
        times = doc.frame_times(60.0)
        rows.append(measure("long document: evaluate 30 min at 60 fps (108k frames)", lambda: doc.evaluate(times),
                            target_ms=TARGET_EVALUATE_30MIN_MS, repeats=repeats))
        csv_path = Path(d) / "long.csv"

        def export() -> None:
            t, v = doc.sample(60.0)
            write_csv(csv_path, v, 60.0)

        rows.append(measure("long document: export CSV 30 min at 60 fps", export, target_ms=TARGET_EXPORT_30MIN_MS,
                            repeats=1 if quick else 3))
    return rows


def _batch_rows(quick: bool) -> list[dict]:
    rows = []
    sizes = (625, 2500, 10_000)
    with tempfile.TemporaryDirectory(prefix="kfs-batch-") as d:
        for n in sizes:
            if quick and n == sizes[-1]:
                rows.append(skipped(f"keyframe --batch peak RSS, {n} descriptions", "--quick leaves out the largest batch",
                                    unit="MB", target=TARGET_BATCH_RSS_MB))
                continue
            r = batch_peak_rss(n, d)
            rows.append(result(f"keyframe --batch peak RSS, {n} descriptions", [r["peak_rss_mb"]], TARGET_BATCH_RSS_MB,
                               unit="MB", seconds=round(r["seconds"], 2), lines=r["lines"]))
    return rows


def bench_robustness(quick: bool | None = None) -> list[dict]:
    """Benchmark rows for the long document and the batch's peak memory (see the module docstring);
    ``quick`` (default: ``kfstudio bench --quick``) leaves out the 10,000-description batch."""
    quick = is_quick() if quick is None else quick
    return _long_document_rows(quick) + _batch_rows(quick)
