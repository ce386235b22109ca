"""The animated .glb writer, read back with pygltflib (a reader this project did not write)."""

import numpy as np
import pygltflib
from pygltflib.validator import validate as gltf_validate
import pytest

from kfstudio import channels as ch
from kfstudio.animation import Animation, Interp
from kfstudio.io.export import ExportError, ExportWarning, export_animation
from kfstudio.rig.evaluate import pose_matrix
from test_fbx import posed_animation, small_head

pytestmark = pytest.mark.filterwarnings("ignore:pygltf.utils.validator is a provisional:UserWarning")

_NP = {5126: np.float32, 5125: np.uint32, 5123: np.uint16}
_WIDTH = {"SCALAR": 1, "VEC3": 3, "VEC4": 4}


def load(path):
    gltf = pygltflib.GLTF2().load(str(path))
    blob = gltf.binary_blob()

    def read(i):
        acc = gltf.accessors[i]
        view = gltf.bufferViews[acc.bufferView]
        start = (view.byteOffset or 0) + (acc.byteOffset or 0)
        width = _WIDTH[acc.type]
        a = np.frombuffer(blob, _NP[acc.componentType], acc.count * width, start)
        return a.reshape(acc.count, width) if width > 1 else a

    return gltf, read


def quat_matrix(q):
    x, y, z, w = q
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


def test_baked_glb_validates_and_holds_the_animation(tmp_path):
    anim = posed_animation()
    path = tmp_path / "head.glb"
    export_animation(anim, path, head=small_head(), fps=30, start=0.5)
    gltf, read = load(path)
    gltf_validate(gltf)  # raises on a structural error
    names = [n.name for n in gltf.nodes]
    assert names == ["Head", "LeftEye", "RightEye"] and gltf.nodes[0].children == [1, 2]
    mesh = gltf.meshes[gltf.nodes[0].mesh]
    assert mesh.extras["targetNames"] == list(ch.ARKIT_NAMES[:52])
    assert len(mesh.primitives[0].targets) == 52
    (animation,) = gltf.animations
    times, values = anim.sample(30)
    paths = {(c.target.node, c.target.path): animation.samplers[c.sampler] for c in animation.channels}
    weights = paths[(0, "weights")]
    assert weights.interpolation == "LINEAR"
    np.testing.assert_allclose(read(weights.input), times + 0.5, atol=1e-5)
    np.testing.assert_allclose(read(weights.output).reshape(len(times), 52), values[:, :52], atol=1e-6)
    i = ch.channel_index
    for node, prefix in ((0, "Head"), (1, "LeftEye"), (2, "RightEye")):
        quats = read(paths[(node, "rotation")].output)
        for f in (0, len(times) // 2, len(times) - 1):
            v = values[f]
            want = pose_matrix(v[i(prefix + "Yaw")], v[i(prefix + "Pitch")], v[i(prefix + "Roll")])
            np.testing.assert_allclose(quat_matrix(quats[f]), want, atol=1e-5)
        assert np.all(np.einsum("ij,ij->i", quats[1:], quats[:-1]) > 0)  # no hemisphere flips


def hermite(times, out, t):
    """glTF 2.0 CUBICSPLINE evaluation, written here from the specification."""
    k = np.clip(np.searchsorted(times, t, side="right") - 1, 0, len(times) - 2)
    td = (times[k + 1] - times[k])[:, None]
    s = np.clip((t - times[k])[:, None] / td, 0, 1)
    p0, p1, b0, a1 = out[k, 1], out[k + 1, 1], out[k, 2], out[k + 1, 0]
    return ((2 * s**3 - 3 * s**2 + 1) * p0 + (s**3 - 2 * s**2 + s) * td * b0
            + (-2 * s**3 + 3 * s**2) * p1 + (s**3 - s**2) * td * a1)


def test_unbaked_cubicspline_reproduces_the_document_curves(tmp_path):
    anim = posed_animation(times=(0.0, 0.3, 1.0, 1.7, 2.0))
    anim.keyframes[2].interp[:10] = Interp.LINEAR
    anim.keyframes[3].interp[10:20] = Interp.CONSTANT
    anim.keyframes[1].keyed[30:40] = False  # sparse keys: channels with their own key times
    anim.touch()
    path = tmp_path / "cubic.glb"
    export_animation(anim, path, head=small_head(), bake=False)
    gltf, read = load(path)
    gltf_validate(gltf)
    sampler = next(gltf.animations[0].samplers[c.sampler] for c in gltf.animations[0].channels
                   if c.target.path == "weights")
    assert sampler.interpolation == "CUBICSPLINE"
    times = read(sampler.input).astype(np.float64)
    out = read(sampler.output).astype(np.float64).reshape(len(times), 3, 52)
    t = np.linspace(0, anim.duration, 400)
    want = anim.evaluate(t)[:, :52]
    step_window = np.zeros(len(t), bool)  # the stepped channels jump over the last millisecond before 1.7 s
    step_window |= (t > 1.7 - 1e-3) & (t < 1.7)
    np.testing.assert_allclose(hermite(times, out, t)[~step_window], want[~step_window], atol=1e-5)


def test_glb_errors(tmp_path):
    with pytest.raises(ExportError, match="glTF has no custom"):
        export_animation(posed_animation(), tmp_path / "x.glb", mode="curves")
    with pytest.raises(ExportError, match="no keyframes"):
        export_animation(Animation(), tmp_path / "x.glb", head=small_head())
    assert list(tmp_path.iterdir()) == []


def test_glb_head_without_some_shapes(tmp_path):
    path = tmp_path / "partial.glb"
    with pytest.warns(ExportWarning, match="jawOpen"):
        export_animation(posed_animation(), path, head=small_head(missing=("jawOpen",)))
    gltf, read = load(path)
    names = gltf.meshes[0].extras["targetNames"]
    assert "jawOpen" not in names and len(names) == 51
    sampler = gltf.animations[0].samplers[0]
    assert read(sampler.output).size == 51 * gltf.accessors[sampler.input].count


def test_eye_rotation_signs_follow_live_link_face():
    """Positive eye yaw turns the gaze (+Z) toward the face's right (-X); positive pitch turns it down."""
    from kfstudio.io.export_curves import rotation_quaternions

    v = np.zeros((2, 61))
    v[0, ch.channel_index("LeftEyeYaw")] = 0.3
    v[1, ch.channel_index("LeftEyePitch")] = 0.3
    q = rotation_quaternions("LeftEye", v)
    gaze_yaw, gaze_pitch = quat_matrix(q[0]) @ [0, 0, 1], quat_matrix(q[1]) @ [0, 0, 1]
    assert gaze_yaw[0] < -0.2 and gaze_pitch[1] < -0.2
