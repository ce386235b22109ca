"""``kfstudio check``: the FBX written before issue 14 is flagged, every file the writers make passes,
CSV and .kfs problems are reported; the command prints one line per finding and exits 0, 1 or 2."""

import json
import struct
import subprocess
import sys
import warnings

import numpy as np
import pytest

import readers
from kfstudio import channels as ch
from kfstudio.io.check import CheckError, Finding, check_file, strict_failure
from kfstudio.io.export import ExportWarning, export_animation, prepare_curves
from kfstudio.io.fbx import FbxNode, encode_fbx
from kfstudio.io.llf_csv import write_csv
from kfstudio.io.project import save_project
from test_fbx import posed_animation, small_head


def run(*args, rc=None):
    p = subprocess.run([sys.executable, "-m", "kfstudio", "check", *map(str, args)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    if rc is not None:
        assert p.returncode == rc, (p.returncode, p.stdout[-2000:], p.stderr[-2000:])
    return p


@pytest.fixture(scope="module")
def old_fbx(tmp_path_factory):
    """A head-mode FBX as the writer made it before issue 14 (three keyframes, small head)."""
    anim = posed_animation(times=(0.0, 0.5, 1.0))
    curves = prepare_curves(anim, fps=30.0)
    path = tmp_path_factory.mktemp("old") / "old_writer_head.fbx"
    path.write_bytes(readers.old_writer_fbx(curves, mode="head", head=small_head()))
    return path


@pytest.fixture(scope="module")
def new_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("new")
    anim = posed_animation(times=(0.0, 0.5, 1.0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExportWarning)
        files = {
            "head": export_animation(anim, out / "head.fbx", head=small_head()),
            "head_unbaked": export_animation(anim, out / "head_unbaked.fbx", head=small_head(), bake=False),
            "curves": export_animation(anim, out / "curves.fbx", mode="curves"),
            "glb": export_animation(anim, out / "head.glb", head=small_head()),
            "csv": export_animation(anim, out / "take.csv"),
        }
    save_project(anim, out / "take.kfs")
    files["kfs"] = out / "take.kfs"
    return files


def errors(findings):
    return [f for f in findings if f.severity == "error"]


# ----------------------------------------------------------------------------- FBX


def test_old_writer_fbx_is_flagged_for_its_unclosed_layer_and_shapes_without_normals(old_fbx):
    findings = check_file(old_fbx)
    assert strict_failure(findings)
    text = [str(f) for f in errors(findings)]
    assert any("AnimationLayer 'BaseLayer'" in t and "null record" in t for t in text), text
    assert any("52 Shape geometries have no Normals" in t for t in text), text
    assert len(text) == 2, text  # nothing else is wrong with it


def test_old_writer_fbx_really_fails_in_strict_readers(old_fbx):
    """The fixture reproduces the defect the users met: the FBX SDK sees no key, assimp no animation."""
    readers.need("fbx-sdk")
    readers.need("libassimp")
    sdk = readers.fbx_sdk(old_fbx)
    assert "[18446744073709551615 - 18446744073709551615]" in sdk["log"]
    got = readers.assimp_read(old_fbx)
    assert any("expected compound scope" in m for m in got["log"]), got["log"][:10]
    assert not got["weights"] and not got["rotations"]


def test_every_file_the_writers_make_passes(new_files):
    for kind, path in new_files.items():
        findings = check_file(path)
        assert not strict_failure(findings), (kind, [str(f) for f in errors(findings)])
        assert all(isinstance(f, Finding) and f.severity in ("error", "warning", "info") for f in findings)


def test_fbx_report_says_what_a_reader_sees(new_files):
    text = "\n".join(str(f) for f in check_file(new_files["head"]))
    assert "52 blend shape channels; 52 of the 52 ARKit shapes" in text
    assert "frame rate 30 fps" in text
    assert "61 animation curves, 61 to 61 keys each" in text  # 2 s at 30 fps (keys to 1 s, then a tail)
    assert "animated: 52 blend shapes, 3 rotations" in text
    assert "frames 0 to 60 at 30 fps" in text
    curves = "\n".join(str(f) for f in check_file(new_files["curves"]))
    assert "61 animated custom properties, 61 of them Live Link Face / ARKit channels" in curves


def test_fbx_with_an_unclosed_object_or_missing_pieces(tmp_path):
    # An object without children written by a writer that does not close it, a curve whose key
    # counts disagree and a connection to a missing object.
    objects = FbxNode("Objects", children=[
        FbxNode("AnimationCurve", [7, "\x00\x01AnimCurve", ""], [
            FbxNode("KeyTime", [np.array([0, 10, 20], np.int64)]),
            FbxNode("KeyValueFloat", [np.array([0, 1], np.float32)]),
        ]),
    ])
    conns = FbxNode("Connections", children=[FbxNode("C", ["OO", 7, 99])])
    settings = FbxNode("GlobalSettings", children=[FbxNode("Version", [1000])])
    data = encode_fbx([settings, objects, conns])
    path = tmp_path / "bad.fbx"
    path.write_bytes(data)
    text = [str(f) for f in errors(check_file(path))]
    assert any("3 key times but 2 values" in t for t in text), text
    assert any("connection(s) name objects that do not exist" in t for t in text), text


def test_keys_outside_the_take_are_a_warning(tmp_path):
    from kfstudio.io.fbx import build_scene

    curves = prepare_curves(posed_animation(times=(0.0, 0.5, 1.0)), fps=30.0)
    nodes = build_scene(curves, mode="curves")
    stack = next(o for o in next(n for n in nodes if n.name == "Objects").children if o.name == "AnimationStack")
    for p in stack.find("Properties70").children:
        if p.props[0] == "LocalStop":
            p.props[4] = type(p.props[4])(p.props[4] // 4)  # the take now ends at 0.5 s
    path = tmp_path / "short_take.fbx"
    path.write_bytes(encode_fbx(nodes))
    findings = check_file(path)
    assert not strict_failure(findings)
    assert any(f.severity == "warning" and "outside the take's span" in f.message for f in findings)


def test_truncated_fbx_is_an_error_not_a_crash(new_files, tmp_path):
    data = new_files["head"].read_bytes()
    path = tmp_path / "cut.fbx"
    path.write_bytes(data[: len(data) // 2])
    findings = check_file(path)
    assert strict_failure(findings)
    assert any("unreadable records" in f.message for f in findings)


def test_damaged_files_give_findings_never_a_crash(new_files, tmp_path):
    rng = np.random.default_rng(14)
    for kind in ("head", "curves", "glb"):
        data = new_files[kind].read_bytes()
        for i in range(60):
            b = bytearray(data)
            if i % 3 == 0:
                b = b[: int(rng.integers(0, len(b)))]
            else:
                for p in rng.integers(0, len(b), size=int(rng.integers(1, 6))):
                    b[p] = int(rng.integers(0, 256))
            path = tmp_path / f"damaged{new_files[kind].suffix}"
            path.write_bytes(bytes(b))
            try:
                findings = check_file(path)
            except CheckError:
                continue  # not recognisable as the format any more
            assert all(isinstance(f, Finding) for f in findings)


# ----------------------------------------------------------------------------- GLB


def test_damaged_glb_is_an_error(new_files, tmp_path):
    data = bytearray(new_files["glb"].read_bytes())
    (json_len,) = struct.unpack_from("<I", data, 12)
    gltf = json.loads(data[20:20 + json_len])
    gltf["animations"][0]["samplers"][0]["output"] = gltf["animations"][0]["samplers"][1]["output"]
    text = json.dumps(gltf).encode()
    text += b" " * (-len(text) % 4)
    rest = data[20 + json_len:]
    new = b"glTF" + struct.pack("<II", 2, 12 + 8 + len(text) + len(rest)) + struct.pack("<I4s", len(text), b"JSON") + text + rest
    path = tmp_path / "bad.glb"
    path.write_bytes(new)
    assert any("output values for" in f.message for f in errors(check_file(path)))


# ----------------------------------------------------------------------------- CSV and .kfs


def test_capture_with_dropped_frames_is_reported(capture_csv):
    findings = check_file(capture_csv)
    assert not strict_failure(findings)
    text = "\n".join(str(f) for f in findings)
    assert "dropped frames" in text
    assert "fps (from the timecode spacing)" in text


def test_csv_gap_and_bad_row(tmp_path):
    t = np.arange(30) / 30.0
    t = np.delete(t, [10, 11, 12])  # three dropped frames
    values = np.zeros((len(t), ch.NUM_CHANNELS))
    values[:, 17] = np.linspace(0, 1, len(t))
    path = tmp_path / "gap.csv"
    write_csv(path, values, 30.0, times=t)
    findings = check_file(path)
    assert any("about 3 dropped frames in 1 gaps" in f.message for f in findings), [str(f) for f in findings]
    assert any("1 of 61 channels move" in f.message for f in findings)
    lines = path.read_text().splitlines()
    lines[5] = ",".join(lines[5].split(",")[:-3])  # a row that lost its last columns
    path.write_text("\n".join(lines) + "\n")
    bad = errors(check_file(path))
    assert bad and bad[0].where.startswith("line 6"), [str(f) for f in bad]


def test_kfs_good_and_damaged(new_files, tmp_path):
    text = "\n".join(str(f) for f in check_file(new_files["kfs"]))
    assert "project: 3 keyframes" in text
    broken = tmp_path / "broken.kfs"
    broken.write_text(new_files["kfs"].read_text()[:-40])
    assert strict_failure(check_file(broken))


def test_unreadable_input_raises(tmp_path):
    with pytest.raises(CheckError, match="no such file"):
        check_file(tmp_path / "absent.fbx")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CheckError, match="unknown kind of file"):
        check_file(tmp_path / "notes.txt")
    (tmp_path / "fake.fbx").write_bytes(b"PK\x03\x04 not an fbx at all")
    with pytest.raises(CheckError, match="not a binary FBX"):
        check_file(tmp_path / "fake.fbx")


# ----------------------------------------------------------------------------- the command


def test_command_flags_the_old_fbx_with_status_1(old_fbx):
    p = run(old_fbx, rc=1)
    lines = p.stdout.splitlines()
    assert any(ln.startswith(f"{old_fbx}: error: Objects > AnimationLayer:") for ln in lines), p.stdout
    assert lines[-1] == f"{old_fbx}: 2 errors, 0 warnings: a strict reader would fail"
    for ln in lines[:-1]:
        assert ln.split(": ", 2)[1] in ("error", "warning", "info"), ln


def test_command_passes_new_files_and_reports_unreadable_ones(new_files, tmp_path):
    p = run(*new_files.values(), rc=0)
    assert p.stdout.count(": passes") == len(new_files)
    quiet = run("--quiet", new_files["head"], rc=0)
    assert ": info:" not in quiet.stdout
    p = run(tmp_path / "absent.fbx", new_files["head"], rc=2)
    assert p.stderr.startswith("kfstudio: error: ") and "absent.fbx: no such file" in p.stderr
    assert f"{new_files['head']}: 0 errors" in p.stdout  # the other files are still checked
