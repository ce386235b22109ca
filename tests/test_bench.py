"""``kfstudio bench``: the rows' schema from a real run, error rows, the private display, scaling heads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from kfstudio import bench
from kfstudio.bench import util as benchutil

REPO = Path(__file__).resolve().parents[1]


def _bench_json(*args: str) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", benchutil.QUICK_ENV)}
    out = subprocess.run([sys.executable, "-m", "kfstudio", "bench", "--quick", "--json", *args],
                         capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def _check_schema(row: dict) -> None:
    assert set(benchutil.ROW_KEYS) <= set(row), row
    assert isinstance(row["name"], str) and row["name"] and isinstance(row["unit"], str)
    assert isinstance(row["passed"], bool)
    if row.get("skipped"):
        assert row["passed"] is True and row["median"] is None
        return
    assert "error" not in row, row
    assert row["min"] <= row["median"] <= row["max"]
    if row["target"] is None:
        assert row["passed"] is True
    elif row["unit"] != "fps":
        assert row["passed"] == (row["median"] <= row["target"])


def test_quick_json_run_of_cheap_figures_has_the_agreed_schema():
    rows = _bench_json("--only", "core.")
    names = [r["name"] for r in rows]
    assert len(rows) == 5 and len(set(names)) == 5
    for row in rows:
        _check_schema(row)
    scaling = [r for r in rows if "compile + evaluation" in r["name"]]
    assert [n for r in scaling for n in ("(1x)", "(4x)", "(16x)") if n in r["name"]] == ["(1x)", "(4x)", "(16x)"]


def test_quick_run_of_the_proposal_scaling_rows():
    rows = _bench_json("--only", "backends.embedded")
    for row in rows:
        _check_schema(row)
    assert [r.get("keyframes") for r in rows] == [None, 8, 32, 128]
    assert all(r["target"] == 30.0 for r in rows)


def test_a_failing_benchmark_is_an_error_row_and_the_others_still_run(monkeypatch, capsys):
    calls = []

    def broken():
        calls.append("broken")
        raise RuntimeError("the model file is gone")

    def fine():
        calls.append("fine")
        return benchutil.result("a fine figure", [1.0, 2.0, 3.0], 10.0)

    def not_here():
        calls.append("not_here")
        return {"name": "needs a display", "unit": "fps", "median": float("nan"), "target": 24.0,
                "passed": False, "skipped": "no DISPLAY"}

    monkeypatch.setattr(bench, "discover", lambda: [("x.broken", broken), ("x.fine", fine), ("x.not_here", not_here)])
    code = bench.run_benchmarks(json_output=True, display=False)
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert calls == ["broken", "fine", "not_here"]
    assert code == 1
    error, ok, skipped = rows
    assert error["name"] == "x.broken" and error["passed"] is False and "the model file is gone" in error["error"]
    assert ok["name"] == "a fine figure" and ok["median"] == 2.0 and ok["passed"] is True
    assert skipped["passed"] is True and skipped["median"] is None and skipped["skipped"] == "no DISPLAY"
    for row in rows:
        assert set(benchutil.ROW_KEYS) <= set(row)


def test_table_output_marks_errors_skips_and_misses(monkeypatch, capsys):
    monkeypatch.setattr(bench, "discover", lambda: [
        ("x.slow", lambda: benchutil.result("slow figure", [5.0], 1.0)),
        ("x.gone", lambda: benchutil.skipped("gone figure", "no model here")),
    ])
    assert bench.run_benchmarks(display=False) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("slow figure") and out[0].endswith("MISSED")
    assert out[1].startswith("gone figure") and out[1].endswith("skipped: no model here")


def test_only_filters_by_qualified_name(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(bench, "discover", lambda: [
        ("a.one", lambda: ran.append("one") or benchutil.result("one", [1.0], None)),
        ("b.two", lambda: ran.append("two") or benchutil.result("two", [1.0], None)),
    ])
    assert bench.run_benchmarks(json_output=True, only="b.", display=False) == 0
    assert ran == ["two"]


def test_discover_finds_every_bench_module():
    modules = {q.split(".")[0] for q, _ in bench.discover()}
    expected = {p.stem for p in (REPO / "kfstudio" / "bench").glob("*.py")} - {"__init__"} - bench._NOT_BENCHMARKS
    assert modules <= expected and {"core", "rig", "render", "export", "csv", "backends", "ui"} <= modules


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_private_display_starts_and_stops_an_xvfb(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    with bench.private_display() as display:
        assert display and display.startswith(":") and os.environ["DISPLAY"] == display
        socket = Path("/tmp/.X11-unix") / f"X{display[1:]}"
        assert socket.exists()
        probe = subprocess.run([sys.executable, "-c", "import os; print(os.environ['DISPLAY'])"],
                               capture_output=True, text=True, check=True)
        assert probe.stdout.strip() == display
    assert "DISPLAY" not in os.environ
    for _ in range(50):  # the server removes its socket as it exits
        if not socket.exists():
            break
        time.sleep(0.1)
    assert not socket.exists()


def test_private_display_leaves_an_existing_display_alone(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":12345")
    with bench.private_display() as display:
        assert display == ":12345"
    assert os.environ["DISPLAY"] == ":12345"


def test_normalise_makes_rows_json_safe():
    row = benchutil.normalise({"name": "n", "median": np.float64(2.0), "min": 1.0, "max": float("inf"),
                               "target": None, "passed": np.bool_(True), "canvas": (np.int64(3), 4)})
    assert json.loads(json.dumps(row, allow_nan=False)) == {
        "name": "n", "unit": "ms", "median": 2.0, "min": 1.0, "max": None, "target": None, "passed": True, "canvas": [3, 4]}


def test_result_higher_is_better():
    assert benchutil.result("fps", [30.0, 20.0, 25.0], 24.0, unit="fps", higher_is_better=True)["passed"] is True
    assert benchutil.result("fps", [10.0, 20.0, 22.0], 24.0, unit="fps", higher_is_better=True)["passed"] is False


def test_subdivided_head_keeps_the_surface_and_the_shapes():
    from kfstudio.bench.rig import subdivide_head
    from kfstudio.rig.evaluate import Rig
    from kfstudio.rig.head import default_head

    head = default_head()
    finer = subdivide_head(head)
    assert len(finer.faces) == 4 * len(head.faces)
    assert 3.5 * head.num_vertices < finer.num_vertices < 4.5 * head.num_vertices
    n = head.num_vertices
    values = np.zeros(61)
    values[:52] = np.linspace(0.1, 0.9, 52)
    coarse_p, _ = Rig(head).evaluate(values)
    fine_p, _ = Rig(finer).evaluate(values)
    # the original vertices move exactly as before
    np.testing.assert_allclose(fine_p[:n], coarse_p, atol=1e-5)
    # each new vertex lies at the midpoint of a posed edge: the mean of two posed original vertices
    assert np.isfinite(fine_p).all()
    moved = [len(i) for i in finer.shape_indices]
    assert all(m >= len(i) for m, i in zip(moved, head.shape_indices))
    assert all(len(e_f) > len(e) for e_f, e in zip(finer.eye_vertices, head.eye_vertices))
