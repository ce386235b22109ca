"""Exports read back by a real reader: Blender (the ``bpy`` wheel) imports our FBX and GLB headless.

Each file is imported once (``bpy_check.py`` dumps what Blender made of it) and compared with the
project's own evaluation: shape key names, key counts, every shape key at every frame (within
1e-3) and the world rotation of the head and eyes. Blender is Z-up: its importers rotate the Y-up
scene by ``C`` (+90 degrees about X); the FBX importer puts ``C`` on the objects (world = C R),
the glTF importer converts the local axes too (world = C R C^T).
"""

import json

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.io.export import export_animation
from kfstudio.script_sync import generate_animation
from kfstudio.rig.evaluate import pose_matrix

from bpy_env import BpyUnavailable, bpy_python, run_in_blender

HERE = __import__("pathlib").Path(__file__).resolve().parent
FPS = 30.0
C = np.array([[1.0, 0, 0], [0, 0, -1], [0, 1, 0]])
SCRIPT = "[0.0] neutral, looking at the camera\n[1.0] she smiles warmly\n[2.2] surprised, jaw drops\n"


@pytest.fixture(scope="module")
def blender():
    try:
        return bpy_python()
    except BpyUnavailable as exc:
        pytest.skip(f"Blender as a Python module is unavailable: {exc}")


@pytest.fixture(scope="module")
def anim():
    a, _ = generate_animation(SCRIPT, fps=FPS)
    # Give the head and eyes a pose at every keyframe so that the rotations are exercised.
    poses = [(0.0, 0.0, 0.0, 0.0, 0.0), (0.3, -0.15, 0.1, 0.25, 0.2), (-0.2, 0.2, -0.1, -0.3, -0.15)]
    for k, (yaw, pitch, roll, eye_yaw, eye_pitch) in zip(a.keyframes, poses):
        for name, value in (("HeadYaw", yaw), ("HeadPitch", pitch), ("HeadRoll", roll),
                            ("LeftEyeYaw", eye_yaw), ("RightEyeYaw", eye_yaw),
                            ("LeftEyePitch", eye_pitch), ("RightEyePitch", eye_pitch)):
            k.values[ch.channel_index(name)] = value
    a.touch()
    return a


def import_in_blender(tmp_path_factory, anim, head, name, **options) -> dict:
    folder = tmp_path_factory.mktemp("blender")
    src, dst = folder / name, folder / (name + ".json")
    export_animation(anim, src, head=head, fps=FPS, **options)
    run_in_blender(HERE / "bpy_check.py", src, dst, FPS)
    return json.loads(dst.read_text())


@pytest.fixture(scope="module")
def fbx_report(blender, tmp_path_factory, anim, head):
    return import_in_blender(tmp_path_factory, anim, head, "head.fbx")


@pytest.fixture(scope="module")
def glb_report(blender, tmp_path_factory, anim, head):
    return import_in_blender(tmp_path_factory, anim, head, "head.glb")


def shape_key_curves(report) -> dict[str, dict]:
    out = {}
    for c in report["curves"]:
        if c["owner"] == "Head:shape_keys":
            out[c["data_path"].split('"')[1]] = c
    return out


def check_baked(report, anim, *, local_axes: bool):
    times, values = anim.sample(FPS)
    assert report["fps"] == pytest.approx(FPS)
    assert report["objects"]["Head"]["shape_keys"] == ["Basis", *ch.ARKIT_NAMES[:52]]
    assert report["objects"]["LeftEye"]["parent"] == "Head" and report["objects"]["RightEye"]["parent"] == "Head"
    curves = shape_key_curves(report)
    assert sorted(curves) == sorted(ch.ARKIT_NAMES[:52])
    for c in curves.values():
        assert len(c["frames"]) == len(times)
        np.testing.assert_allclose(c["frames"], np.arange(len(times)), atol=1e-3)
    frames = report["frames"]
    assert [r["frame"] for r in frames] == list(range(len(times)))
    got = np.array([[r["shape_keys"]["Head"][n] for n in ch.ARKIT_NAMES[:52]] for r in frames])
    np.testing.assert_allclose(got, values[:, :52], atol=1e-3)
    i = ch.channel_index
    for f, row in enumerate(frames):
        v = values[f]
        head_r = pose_matrix(v[i("HeadYaw")], v[i("HeadPitch")], v[i("HeadRoll")])
        for node, r in (("Head", head_r),
                        ("LeftEye", head_r @ pose_matrix(v[i("LeftEyeYaw")], v[i("LeftEyePitch")], v[i("LeftEyeRoll")])),
                        ("RightEye", head_r @ pose_matrix(v[i("RightEyeYaw")], v[i("RightEyePitch")], v[i("RightEyeRoll")]))):
            want = C @ r @ C.T if local_axes else C @ r
            m = np.array(row["matrix_world"][node])[:3, :3]
            m = m / np.linalg.norm(m, axis=0)  # importers may scale units; compare rotations only
            np.testing.assert_allclose(m, want, atol=1e-3, err_msg=f"{node} at frame {f}")


def test_blender_imports_baked_fbx(fbx_report, anim):
    check_baked(fbx_report, anim, local_axes=False)


def test_blender_imports_baked_glb(glb_report, anim):
    check_baked(glb_report, anim, local_axes=True)


def test_blender_imports_curves_fbx_as_custom_properties(blender, tmp_path_factory, anim, head):
    """Blender's importer reads the 61 user properties (not their animation, which it does not import)."""
    report = import_in_blender(tmp_path_factory, anim, head, "curves.fbx", mode="curves")
    (obj,) = report["objects"].items()
    name, info = obj
    assert name == "KeyframeFaceCurves" and info["type"] == "EMPTY"
    assert info["custom_props"] == list(ch.NAMES)


def test_blender_imports_unbaked_exports_with_the_document_keys(blender, tmp_path_factory, anim, head):
    """Unbaked files carry the document's keys; Blender keeps their count and values at the keys, and
    only approximates between them (its FBX importer makes keys linear, its glTF importer recomputes
    Bezier handles), so between keys it is only checked to stay near the curve."""
    key_times = sorted({k.time for k in anim.keyframes} | {k.time + k.hold for k in anim.keyframes if k.hold > 0})
    key_frames = np.array(key_times) * FPS
    want_at_keys = anim.evaluate(np.array(key_times))
    times, values = anim.sample(FPS)
    for name in ("unbaked.fbx", "unbaked.glb"):
        report = import_in_blender(tmp_path_factory, anim, head, name, bake=False)
        curves = shape_key_curves(report)
        assert sorted(curves) == sorted(ch.ARKIT_NAMES[:52]), name
        for s, arkit in enumerate(ch.ARKIT_NAMES[:52]):
            c = curves[arkit]
            np.testing.assert_allclose(c["frames"], key_frames, atol=1e-3, err_msg=f"{name} {arkit}")
            np.testing.assert_allclose(c["values"], want_at_keys[:, s], atol=1e-3, err_msg=f"{name} {arkit}")
        rows = [r["frame"] for r in report["frames"]]  # from the first key to the last
        got = np.array([[r["shape_keys"]["Head"][n] for n in ch.ARKIT_NAMES[:52]] for r in report["frames"]])
        np.testing.assert_allclose(got, values[rows, :52], atol=0.1, err_msg=name)  # measured: 0.07
