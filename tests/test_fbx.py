"""The binary FBX writer: encoding read back by the project's reader, scene structure, bad input."""

import struct
import warnings
import zlib

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import Animation, Interp, Keyframe, Tangent
from kfstudio.io.export import ExportError, ExportWarning, export_animation, prepare_curves
from kfstudio.io.export_curves import KTIME_PER_SECOND
from kfstudio.io.fbx import (
    FOOTER_MAGIC,
    F32,
    HEADER,
    I16,
    I64,
    FbxFormatError,
    FbxNode,
    build_scene,
    encode_fbx,
    read_fbx,
)
from kfstudio.rig.head import Head


def small_head(missing=()) -> Head:
    """An octahedron face and two tetrahedron eyes with one shape per channel (none for ``missing``)."""
    face_v = np.array([[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]], np.float32) * 0.1
    face_f = np.array([[0, 2, 4], [2, 1, 4], [1, 3, 4], [3, 0, 4], [2, 0, 5], [1, 2, 5], [3, 1, 5], [0, 3, 5]])
    tet = np.array([[0, 0, 0.01], [0.01, 0, 0], [-0.01, 0, 0], [0, 0.01, 0]], np.float32)
    tet_f = np.array([[0, 1, 3], [0, 3, 2], [0, 2, 1], [1, 2, 3]])
    left, right = tet + [0.03, 0.02, 0.08], tet + [-0.03, 0.02, 0.08]
    vertices = np.concatenate([face_v, left, right])
    faces = np.concatenate([face_f, tet_f + 6, tet_f + 10])
    part = np.array([0] * 6 + [1] * 8, np.uint8)
    names = [ch.ARKIT_NAMES[i] for i in range(52)]
    indices = [np.array([i % 6]) if names[i] not in missing else np.zeros(0, np.int32) for i in range(52)]
    deltas = [np.array([[0.0, 0.01 * (1 + i % 3), 0.0]]) if names[i] not in missing else np.zeros((0, 3)) for i in range(52)]
    return Head(
        name="tiny", vertices=vertices, faces=faces, part=part, part_names=("skin", "eye"),
        colors=np.array([[0.8, 0.6, 0.5, 1.0], [1.0, 1.0, 1.0, 1.0]]), shape_indices=indices, shape_deltas=deltas,
        neck_pivot=[0, -0.05, 0], eye_centers=[[0.03, 0.02, 0.08], [-0.03, 0.02, 0.08]],
        eye_vertices=(np.arange(6, 10), np.arange(10, 14)), jaw_pivot=[0, 0, 0], missing=list(missing),
    )


def posed_animation(seed=3, times=(0.0, 0.4, 1.1, 1.5), fps=30.0) -> Animation:
    rng = np.random.default_rng(seed)
    kfs = []
    for t in times:
        v = rng.uniform(0, 1, ch.NUM_CHANNELS)
        v[52:] = rng.uniform(-0.5, 0.5, 9)
        kfs.append(Keyframe(t, "", v))
    return Animation(kfs, fps=fps)


def objects_by(root: FbxNode, kind: str, sub: str | None = None) -> list[FbxNode]:
    objs = root.find("Objects").find_all(kind)
    return [o for o in objs if sub is None or o.props[2] == sub]


def connections(root: FbxNode) -> list[list]:
    return [c.props for c in root.find("Connections").children]


def curve_of(root: FbxNode, curve_node_id: int, channel: str) -> FbxNode:
    ids = {o.props[0]: o for o in objects_by(root, "AnimationCurve")}
    for kind, child, parent, *prop in connections(root):
        if kind == "OP" and parent == curve_node_id and prop == [channel]:
            return ids[child]
    raise AssertionError(f"no curve {channel} on curve node {curve_node_id}")


# ------------------------------------------------------------------------------------- encoding


def test_every_property_type_round_trips():
    arrays = [np.arange(5, dtype=np.float32), np.linspace(0, 1, 300), np.arange(-3, 400, dtype=np.int32),
              np.array([1, 2 ** 40], dtype=np.int64), np.array([True, False, True])]
    node = FbxNode("Thing", [True, I16(-7), 123456, I64(2 ** 40), F32(1.5), 2.25, "héllo", b"\x00\x01raw", *arrays],
                   [FbxNode("Child", [1]), FbxNode("Empty")])
    root = read_fbx(encode_fbx([node, FbxNode("Second", ["x"])]))
    assert [c.name for c in root.children] == ["Thing", "Second"]
    thing = root.children[0]
    assert thing.props[:8] == [True, -7, 123456, 2 ** 40, 1.5, 2.25, "héllo", b"\x00\x01raw"]
    for got, want in zip(thing.props[8:], arrays):
        assert got.dtype == want.dtype and np.array_equal(got, want)
    assert [c.name for c in thing.children] == ["Child", "Empty"]
    assert thing.children[0].props == [1]


def test_header_footer_and_record_layout():
    data = encode_fbx([FbxNode("A", [1], [FbxNode("B", [2.0])])])
    assert data.startswith(HEADER) and struct.unpack_from("<I", data, 23)[0] == 7400
    assert data.endswith(FOOTER_MAGIC) and len(data) % 16 == 0
    # Footer tail: 4 zero bytes, the version, 120 zero bytes, then the magic.
    tail = data[-(16 + 120 + 4 + 4):-16]
    assert tail[:4] == b"\0" * 4 and struct.unpack("<I", tail[4:8])[0] == 7400 and tail[8:] == b"\0" * 120
    end, nprops, plen, nlen = struct.unpack_from("<IIIB", data, 27)
    assert (nprops, plen, nlen, data[40:41]) == (1, 5, 1, b"A")
    # A has children, so its record closes with a 13-byte null record right before its end offset.
    assert data[end - 13:end] == b"\0" * 13
    assert data[end:end + 13] == b"\0" * 13  # the top-level list's own null record


def test_large_arrays_are_zlib_compressed():
    big = np.arange(10000, dtype=np.float64)
    data = encode_fbx([FbxNode("V", [big])])
    code_at = 27 + 13 + 1
    assert data[code_at:code_at + 1] == b"d"
    count, encoding, size = struct.unpack_from("<III", data, code_at + 1)
    assert (count, encoding) == (10000, 1)
    raw = zlib.decompress(data[code_at + 13:code_at + 13 + size])
    assert np.array_equal(np.frombuffer(raw, "<f8"), big)


def test_reader_rejects_damaged_files():
    data = encode_fbx([FbxNode("A", [1])])
    with pytest.raises(FbxFormatError, match="header"):
        read_fbx(b"not an fbx" + data)
    with pytest.raises(FbxFormatError, match="footer"):
        read_fbx(data[:-5])


# ------------------------------------------------------------------------------------- scenes


def test_head_scene_structure_and_baked_curves(tmp_path):
    anim = posed_animation()
    path = tmp_path / "head.fbx"
    export_animation(anim, path, head=small_head(), fps=30)
    root = read_fbx(path.read_bytes())
    settings = {p.props[0]: p.props[4:] for p in root.find("GlobalSettings").find("Properties70").children}
    assert settings["UpAxis"] == [1] and settings["UnitScaleFactor"] == [100.0] and settings["TimeMode"] == [6]
    models = {m.props[1].split("\x00")[0]: m for m in objects_by(root, "Model")}
    assert set(models) == {"Head", "LeftEye", "RightEye"}
    channels = objects_by(root, "Deformer", "BlendShapeChannel")
    assert [c.props[1].split("\x00")[0] for c in channels] == list(ch.ARKIT_NAMES[:52])
    shapes = objects_by(root, "Geometry", "Shape")
    assert len(shapes) == 52 and all(s.find("Indexes").props[0].dtype == np.int32 for s in shapes)
    assert len(objects_by(root, "Material")) == 2  # the face's skin, each eye's white

    times, values = anim.sample(30)
    ktimes = np.round(times * KTIME_PER_SECOND).astype(np.int64)
    links = connections(root)
    for i, channel in enumerate(channels):
        node_id = next(c for k, c, p, *prop in links if k == "OP" and p == channel.props[0] and prop == ["DeformPercent"])
        curve = curve_of(root, node_id, "d|DeformPercent")
        assert np.array_equal(curve.find("KeyTime").props[0], ktimes)
        np.testing.assert_allclose(curve.find("KeyValueFloat").props[0], 100 * values[:, i], atol=1e-4)
        assert curve.find("KeyAttrFlags").props[0].tolist() == [0x4]  # linear
        assert curve.find("KeyAttrRefCount").props[0].tolist() == [len(times)]

    head_id = models["Head"].props[0]
    rot_node = next(c for k, c, p, *prop in links if k == "OP" and p == head_id and prop == ["Lcl Rotation"])
    yaw = values[:, ch.channel_index("HeadYaw")]
    np.testing.assert_allclose(curve_of(root, rot_node, "d|Y").find("KeyValueFloat").props[0], -np.degrees(yaw), atol=1e-3)
    order = {p.props[0]: p.props[4:] for p in models["Head"].find("Properties70").children}
    assert order["RotationOrder"] == [4] and order["RotationActive"] == [1]
    # The eyes hang under the head model.
    assert [head_id] == [p for k, c, p, *_ in links if k == "OO" and c == models["LeftEye"].props[0]]


def test_curves_mode_has_61_animated_user_properties(tmp_path):
    anim = posed_animation()
    path = tmp_path / "curves.fbx"
    export_animation(anim, path, mode="curves", fps=24, start=2.0)
    root = read_fbx(path.read_bytes())
    (model,) = objects_by(root, "Model")
    assert model.props[2] == "Null"
    user = [p.props for p in model.find("Properties70").children if p.props[3] == "A+U"]
    assert [u[0] for u in user] == list(ch.NAMES)
    times, values = anim.sample(24)
    links = connections(root)
    for c, name in enumerate(ch.NAMES):
        node_id = next(cid for k, cid, p, *prop in links if k == "OP" and p == model.props[0] and prop == [name])
        curve = curve_of(root, node_id, f"d|{name}")
        np.testing.assert_array_equal(curve.find("KeyTime").props[0], np.round((times + 2.0) * KTIME_PER_SECOND))
        np.testing.assert_allclose(curve.find("KeyValueFloat").props[0], values[:, c], atol=1e-6)


def test_unbaked_keys_carry_interpolation_and_slopes():
    kfs = [Keyframe(0.0, "", np.zeros(61)), Keyframe(1.0, "", np.full(61, 0.5)), Keyframe(2.0, "", np.full(61, 0.2))]
    kfs[1].interp[:] = Interp.LINEAR
    kfs[0].tangent[:] = Tangent.FREE
    kfs[0].out_slope[:] = 0.8
    anim = Animation(kfs, fps=30)
    root = read_fbx(encode_fbx(build_scene(prepare_curves(anim, bake=False), mode="curves")))
    curve = objects_by(root, "AnimationCurve")[0]  # EyeBlinkLeft
    assert curve.find("KeyTime").props[0].tolist() == [0, KTIME_PER_SECOND, 2 * KTIME_PER_SECOND]
    flags = curve.find("KeyAttrFlags").props[0]
    assert flags[0] & 0x8 and flags[0] & 0x400 and flags[1] & 0x4  # cubic/user, then linear
    data = curve.find("KeyAttrDataFloat").props[0].reshape(-1, 4)
    assert data[0, 0] == pytest.approx(0.8)  # right slope of key 0 (value per second)
    assert curve.find("KeyAttrRefCount").props[0].tolist() == [1, 1, 1]


# ------------------------------------------------------------------------------------- bad input


def test_bad_input_gives_clear_errors_and_writes_nothing(tmp_path):
    target = tmp_path / "out.fbx"
    with pytest.raises(ExportError, match="no keyframes"):
        export_animation(Animation(), target, mode="curves")
    anim = posed_animation()
    anim.keyframes[1].values[5] = np.nan
    anim.touch()
    with pytest.raises(ExportError, match="EyeSquintLeft"):
        export_animation(anim, target, mode="curves")
    zero = Animation([Keyframe(0.0, "")], duration=0.0)
    with pytest.raises(ExportError, match="zero-length"):
        export_animation(zero, target, mode="curves")
    with pytest.raises(ExportError, match="fps"):
        export_animation(posed_animation(), target, mode="curves", fps=0)
    with pytest.raises(ExportError, match="unknown export mode"):
        export_animation(posed_animation(), target, mode="bones")
    with pytest.raises(ExportError, match="unknown export format"):
        export_animation(posed_animation(), tmp_path / "out.abc")
    with pytest.raises(ExportError, match="does not exist"):
        export_animation(posed_animation(), tmp_path / "nope" / "out.fbx")
    assert list(tmp_path.iterdir()) == []


def test_head_without_some_shapes_leaves_them_out_with_a_warning(tmp_path):
    head = small_head(missing=("tongueOut", "cheekPuff"))
    path = tmp_path / "partial.fbx"
    with pytest.warns(ExportWarning, match="tongueOut"):
        export_animation(posed_animation(), path, head=head)
    names = [c.props[1].split("\x00")[0] for c in objects_by(read_fbx(path.read_bytes()), "Deformer", "BlendShapeChannel")]
    assert len(names) == 50 and "tongueOut" not in names and "cheekPuff" not in names
    none = small_head(missing=tuple(ch.ARKIT_NAMES[:52]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ExportError, match="none of the 52"):
            export_animation(posed_animation(), tmp_path / "none.fbx", head=none)


def test_bench_export_rows_for_a_short_take():
    from kfstudio.bench.export import bench_export

    rows = bench_export(minutes=0.05, fps=30, blender=False, repeats=1)
    assert [r["name"].split()[1] for r in rows] == ["FBX", "GLB"]
    for r in rows:
        assert r["unit"] == "ms" and 0 < r["min"] <= r["median"] <= r["max"] and r["size_mb"] > 0


def test_csv_suffix_goes_through_the_live_link_face_writer(tmp_path):
    from kfstudio.io.llf_csv import read_csv

    anim = posed_animation()
    path = export_animation(anim, tmp_path / "take.csv", fps=30)
    capture = read_csv(path)
    times, values = anim.sample(30)
    assert len(capture.times) == len(times)
    np.testing.assert_allclose(capture.values, values, atol=1e-6)
