"""glTF head I/O: round trip of the default head, partial heads, mapping files and bad files."""

from __future__ import annotations

import json
import struct
import warnings

import numpy as np
import pytest

from kfstudio.channels import ARKIT_NAMES, NUM_BLENDSHAPES
from kfstudio.io.gltf_head import (
    GlbBuilder,
    MissingShapesWarning,
    load_gltf_head,
    read_gltf,
    save_gltf_head,
    write_glb,
)
from kfstudio.rig.head import Head, HeadFormatError


@pytest.fixture(scope="module")
def saved(head, tmp_path_factory):
    path = tmp_path_factory.mktemp("glb") / "head.glb"
    save_gltf_head(head, path)
    return path


def test_glb_container_is_valid(saved):
    data = saved.read_bytes()
    magic, version, total = struct.unpack_from("<4sII", data)
    assert magic == b"glTF" and version == 2 and total == len(data)
    gltf, buffers = read_gltf(saved)
    mesh = gltf["meshes"][0]
    assert mesh["extras"]["targetNames"] == list(ARKIT_NAMES[:NUM_BLENDSHAPES])
    assert len(mesh["primitives"][0]["targets"]) == NUM_BLENDSHAPES
    assert len(buffers) == 1 and len(buffers[0]) == gltf["buffers"][0]["byteLength"]


def test_round_trip_keeps_mesh_parts_and_shapes(head, saved):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a complete head warns about nothing
        back = load_gltf_head(saved)
    assert back.missing == []
    np.testing.assert_array_equal(back.vertices, head.vertices)
    np.testing.assert_array_equal(back.faces, head.faces)
    assert back.part_names == head.part_names
    np.testing.assert_array_equal(back.part, head.part)
    np.testing.assert_allclose(back.colors, head.colors)
    for i in range(NUM_BLENDSHAPES):
        np.testing.assert_allclose(back.shape_dense(i), head.shape_dense(i), atol=1e-7, err_msg=ARKIT_NAMES[i])
    for a, b in zip(back.eye_vertices, head.eye_vertices):
        np.testing.assert_array_equal(np.sort(a), np.sort(b))
    np.testing.assert_allclose(back.eye_centers, head.eye_centers, atol=1e-6)


def _tiny_head_glb(path, target_names, material_names=("skin", "eye_l"), transform=None):
    """A two-triangle-primitive head with the given morph target names, written with GlbBuilder."""
    b = GlbBuilder()
    v = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], np.float32)
    prims = []
    for m, name in enumerate(material_names):
        pv = v + np.array([0.5 * m, 0, 0.1 * m], np.float32)
        targets = [{"POSITION": b.add_sparse_vec3(4, np.array([k % 4]), np.array([[0, 0.01 * (k + 1), 0]]))}
                   for k in range(len(target_names))]
        prims.append({"attributes": {"POSITION": b.add_accessor(pv, "VEC3", 34962, min_max=True)},
                      "indices": b.add_accessor(np.array([0, 1, 2, 2, 1, 3], np.uint32), "SCALAR", 34963),
                      "material": m, "targets": targets})
    materials = [{"name": n, "pbrMetallicRoughness": {"baseColorFactor": [0.1 * (i + 1), 0.2, 0.3, 1.0]}}
                 for i, n in enumerate(material_names)]
    node = {"mesh": 0}
    if transform is not None:
        node["scale"] = transform
    gltf = b.gltf_json(scene=0, scenes=[{"nodes": [0]}], nodes=[node], materials=materials,
                       meshes=[{"primitives": prims, "extras": {"targetNames": list(target_names)}}])
    write_glb(path, gltf, b.blob())


def test_partial_head_lists_missing_channels_and_warns(tmp_path):
    path = tmp_path / "partial.glb"
    _tiny_head_glb(path, ["jawOpen", "EyeBlink_L", "eye_blink_right", "mouthSmileLeft"])
    with pytest.warns(MissingShapesWarning, match="48"):
        h = load_gltf_head(path)
    assert isinstance(h, Head)
    have = {ARKIT_NAMES[i] for i in range(NUM_BLENDSHAPES) if len(h.shape_indices[i])}
    assert have == {"jawOpen", "eyeBlinkLeft", "eyeBlinkRight", "mouthSmileLeft"}
    assert len(h.missing) == 48 and "jawOpen" not in h.missing and "tongueOut" in h.missing
    # materials become parts with their base colours
    assert h.part_names == ("skin", "eye_l")
    np.testing.assert_allclose(h.colors[1], [0.2, 0.2, 0.3, 1.0])
    # both primitives carry the shape: 2 vertices moved (one per primitive)
    jaw = ARKIT_NAMES.index("jawOpen")
    assert len(h.shape_indices[jaw]) == 2


def test_mapping_file_and_node_scale(tmp_path):
    path = tmp_path / "mapped.glb"
    _tiny_head_glb(path, ["JawDrop", "Blink_Left"], transform=[2.0, 2.0, 2.0])
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"JawDrop": "JawOpen", "Blink_Left": "eyeBlinkLeft"}))
    with pytest.warns(MissingShapesWarning):
        h = load_gltf_head(path, mapping)
    jaw = ARKIT_NAMES.index("jawOpen")
    assert h.vertices[:, 0].max() == pytest.approx(3.0)  # (1 + 0.5) * scale 2
    np.testing.assert_allclose(h.shape_deltas[jaw][:, 1], 0.02)  # 0.01 scaled by 2
    assert len(h.shape_indices[ARKIT_NAMES.index("eyeBlinkLeft")]) == 2


def test_bad_mapping_file(tmp_path):
    path = tmp_path / "mapped.glb"
    _tiny_head_glb(path, ["JawDrop"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"JawDrop": "jawOpn"}')
    with pytest.raises(HeadFormatError, match="bad.json.*did you mean 'JawOpen'"):
        load_gltf_head(path, bad)


def test_no_arkit_targets_is_an_error(tmp_path):
    path = tmp_path / "unnamed.glb"
    _tiny_head_glb(path, ["Smile", "Frown"])
    with pytest.raises(HeadFormatError, match="unnamed.glb.*no morph targets"):
        load_gltf_head(path)


def test_glb_without_mesh(tmp_path):
    path = tmp_path / "empty.glb"
    b = GlbBuilder()
    write_glb(path, b.gltf_json(scenes=[{"nodes": []}], scene=0), b"")
    with pytest.raises(HeadFormatError, match="empty.glb.*no mesh"):
        load_gltf_head(path)


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.glb"
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 4000, dtype=np.uint8).tobytes())
    with pytest.raises(HeadFormatError, match="noise.glb.*not a glTF"):
        load_gltf_head(path)


def test_json_that_is_not_gltf(tmp_path):
    path = tmp_path / "other.gltf"
    path.write_text('{"hello": "world"}')
    with pytest.raises(HeadFormatError, match="other.gltf.*asset"):
        load_gltf_head(path)


def test_truncated_glb(saved, tmp_path):
    path = tmp_path / "cut.glb"
    path.write_bytes(saved.read_bytes()[:5000])
    with pytest.raises(HeadFormatError, match="cut.glb.*truncated"):
        load_gltf_head(path)


def test_accessor_past_buffer_end(tmp_path):
    path = tmp_path / "lying.glb"
    _tiny_head_glb(path, ["jawOpen"])
    gltf, buffers = read_gltf(path)
    gltf["accessors"][gltf["meshes"][0]["primitives"][0]["attributes"]["POSITION"]]["count"] = 10_000
    write_glb(path, gltf, buffers[0])
    with pytest.raises(HeadFormatError, match=r"lying.glb: meshes\[0\].primitives\[0\].POSITION"):
        load_gltf_head(path)
