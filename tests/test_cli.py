"""The kfstudio command, run as a user runs it (a real subprocess, real files)."""

import json
import subprocess
import sys

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.io.llf_csv import read_csv
from kfstudio.io.project import load_project

EXAMPLE = """Background: A quiet office late at night.
Emotion: tired but amused
0s: the eyes are half closed and the head tilts down
1.2s: a slow lopsided smile on the left side
2.5s: the jaw drops open in a wide yawn
"""


def run(*args, stdin=None, check_rc=0):
    p = subprocess.run([sys.executable, "-m", "kfstudio", *args], capture_output=True, text=True, input=stdin, timeout=300)
    if check_rc is not None:
        assert p.returncode == check_rc, (p.returncode, p.stdout[-2000:], p.stderr[-2000:])
    assert "Traceback" not in p.stderr
    return p


def test_help_lists_every_subcommand():
    out = run("--help").stdout
    for sub in ("edit", "export", "import", "keyframe", "generate", "render", "bench", "channels"):
        assert f"    {sub}" in out


def test_cli_does_not_import_qt():
    code = "import sys; from kfstudio.cli import main; main(['channels']); bad = [m for m in ('PySide6', 'vispy', 'pyqtgraph', 'torch') if m in sys.modules]; sys.exit(1 if bad else 0)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr


def test_generate_export_import_round_trip(tmp_path):
    script = tmp_path / "shot.txt"
    script.write_text(EXAMPLE)
    kfs = tmp_path / "shot.kfs"
    run("generate", str(script), "-o", str(kfs))
    anim = load_project(kfs)
    assert [round(k.time, 3) for k in anim.keyframes] == [0.0, 1.2, 2.5]
    csv = tmp_path / "shot.csv"
    run("export", str(kfs), "-o", str(csv), "--fps", "60")
    cap = read_csv(csv)
    assert cap.fps == 60 and len(cap.times) == len(anim.frame_times(60))
    np.testing.assert_allclose(cap.values, anim.evaluate(cap.times), atol=1e-6)
    # import it back as a project and export again: same values at every frame
    kfs2 = tmp_path / "back.kfs"
    run("import", str(csv), "-o", str(kfs2))
    csv2 = tmp_path / "back.csv"
    run("export", str(kfs2), "-o", str(csv2))
    cap2 = read_csv(csv2)
    np.testing.assert_allclose(cap2.values, cap.values, atol=1e-6)


def test_import_real_capture_with_tolerance(tmp_path, capture_csv):
    out = tmp_path / "cap.kfs"
    p = run("import", str(capture_csv), "-o", str(out), "--tolerance", "0.01")
    assert "channel keys" in p.stderr
    anim = load_project(out)
    cap = read_csv(capture_csv)
    err = np.abs(anim.evaluate(cap.times) - ch.clamp(cap.values)).max()
    assert err <= 0.01 + 1e-9
    keys = sum(int(k.keyed.sum()) for k in anim.keyframes)
    assert keys < 0.5 * cap.values.size  # a real reduction


def test_keyframe_prints_61_named_values():
    p = run("keyframe", "a wide grin with raised brows", "--compact")
    d = json.loads(p.stdout)
    assert list(d) == list(ch.NAMES)
    assert d["MouthSmileLeft"] > 0.3 and d["MouthSmileRight"] > 0.3


def test_keyframe_batch_keeps_order_and_reports_bad_lines(tmp_path):
    req = tmp_path / "req.jsonl"
    kf_request = json.dumps({"messages": [
        {"role": "system", "content": "x"},
        {"role": "user", "content": "Keyframe Description Sequence:\n- Keyframe One: a big smile.\n- Keyframe Two: a deep frown.\n\nBackground: b\nEmotion: e\n\nTask Instruction: Generate the facial expression parameters for Keyframe Two."},
    ]})
    req.write_text("\n".join([
        json.dumps({"description": "the jaw drops open"}),
        "{not json",
        kf_request,
        json.dumps({"description": "smiles", "emotion": "joy", "sequence": ["frowns", "smiles"]}),
    ]) + "\n")
    p = run("keyframe", "--batch", str(req), check_rc=1)
    lines = [json.loads(l) for l in p.stdout.splitlines()]
    assert len(lines) == 4
    assert lines[0]["JawOpen"] > 0.3
    assert "error" in lines[1] and ":2:" in lines[1]["error"]
    assert list(lines[2]) == ["Keyframe_two"] and len(lines[2]["Keyframe_two"]) == 61
    assert f"{req}:2:" in p.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (("export", "missing.kfs", "-o", "out.csv"), "missing.kfs: no such file"),
        (("import", "missing.csv", "-o", "out.kfs"), "missing.csv"),
        (("generate", "missing.txt", "-o", "out.kfs"), "missing.txt: no such file"),
        (("export", "x.kfs", "-o", "out.doc"), "unsupported output type"),
        (("keyframe", "smile", "--backend", "transformers", "--model", "/nowhere/model"), "/nowhere/model"),
    ],
)
def test_errors_are_clear_and_exit_2(tmp_path, args, message):
    p = run(*args, check_rc=2)
    assert p.stderr.startswith("kfstudio: error:") and message in p.stderr


def test_bad_csv_names_line_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    header = "Timecode,BlendShapeCount," + ",".join(ch.NAMES)
    row = "00:00:00:00.000,61," + ",".join(["0.1"] * 61)
    broken = "00:00:00:02.000,61," + ",".join(["0.1"] * 20 + ["oops"] + ["0.1"] * 40)
    bad.write_text("\n".join([header, row, broken]) + "\n")
    p = run("import", str(bad), "-o", str(tmp_path / "x.kfs"), check_rc=2)
    assert "bad.csv" in p.stderr and "line 3" in p.stderr and ch.NAMES[20] in p.stderr


def test_generate_and_export_fbx_and_glb(tmp_path):
    from pygltflib import GLTF2

    from kfstudio.io.fbx import read_fbx

    script = tmp_path / "shot.txt"
    script.write_text(EXAMPLE)
    fbx = tmp_path / "shot.fbx"
    run("generate", str(script), "-o", str(fbx))
    root = read_fbx(fbx.read_bytes())
    assert root.props == [7400]
    objects = next(n for n in root.children if n.name == "Objects")
    channels = [n for n in objects.children if n.name == "Deformer" and n.props[2] == "BlendShapeChannel"]
    assert len(channels) == 52
    kfs = tmp_path / "shot.kfs"
    run("generate", str(script), "-o", str(kfs))
    glb = tmp_path / "shot.glb"
    p = run("export", str(kfs), "-o", str(glb), "--no-bake")
    assert "document keys" in p.stderr
    gltf = GLTF2().load(str(glb))
    names = gltf.meshes[0].extras["targetNames"]
    assert "jawOpen" in names and len(gltf.animations) == 1
    p = run("export", str(kfs), "-o", str(tmp_path / "c.glb"), "--mode", "curves", check_rc=2)
    assert "curves" in p.stderr
