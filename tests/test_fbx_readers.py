"""Exported FBX and GLB files read by independent readers: the Autodesk FBX SDK (FBX2glTF), assimp
(command line and C API), ufbx, three.js and the Khronos glTF Validator (see tests/readers.py).

Each reader's values at frame times are compared with the document: blend weights within 1e-3,
rotations within 0.01 degrees, for baked and unbaked exports at 24, 25, 30 and 60 fps, with a start
offset and with secondary motion baked in. The files are written once per module."""

import warnings
from dataclasses import dataclass

import numpy as np
import pytest
from scipy.spatial.transform import Rotation

import readers
from kfstudio import channels as ch
from kfstudio.animation import Animation, Interp, Keyframe
from kfstudio.io.check import check_file, strict_failure
from kfstudio.io.export import ExportWarning, export_animation, prepare_curves
from kfstudio.io.export_curves import ROTATION_NODES
from kfstudio.rig.evaluate import HEAD_RADIANS_PER_UNIT
from test_fbx import small_head

WEIGHT_TOL = 1e-3
DEGREE_TOL = 0.01
SHAPES = ch.ARKIT_NAMES[:52]


def make_animation(fps: float, secondary: bool) -> Animation:
    """2.2 s, five keyframes, every interpolation: channels by thirds leave the second keyframe
    bezier, linear or constant (key times chosen off every frame grid so that no step falls on a
    sampled time)."""
    rng = np.random.default_rng(14)
    kfs = []
    for t in (0.0, 0.41, 1.13, 1.57, 2.2):
        v = rng.uniform(0.0, 1.0, ch.NUM_CHANNELS)
        v[52:] = rng.uniform(-0.4, 0.4, 9)
        k = Keyframe(t, "", v)
        if t == 0.41:
            k.interp = np.array([(Interp.BEZIER, Interp.LINEAR, Interp.CONSTANT)[c % 3] for c in range(ch.NUM_CHANNELS)], np.int8)
        kfs.append(k)
    anim = Animation(kfs, fps=fps)
    if secondary:
        anim.settings["secondary"] = {"enabled": True, "in_export": True, "seed": 5, "blink_rate": 40.0}
    return anim


@dataclass
class Case:
    name: str
    fps: float
    bake: bool
    start: float
    secondary: bool
    anim: Animation = None
    curves: object = None
    files: dict = None

    @property
    def offset(self) -> float:
        return self.start - self.anim.start

    def expected(self, t) -> np.ndarray:
        """(T, 61) document values at export times ``t`` as the exported curves carry them:
        baked, linear between frames; unbaked, the document's own curves."""
        t = np.asarray(t, dtype=np.float64)
        if self.bake:
            ft, fv = self.curves.frame_times, self.curves.frame_values
            return np.stack([np.interp(t, ft, fv[:, c]) for c in range(ch.NUM_CHANNELS)], axis=1)
        return self.anim.evaluate(t - self.offset)

    def key_times(self) -> np.ndarray:
        """Export times of the document's keys (where every reader's value is exact)."""
        return np.array([k.time for k in self.anim.keyframes]) + self.offset


CASES = [
    Case("24fps-baked", 24.0, True, 0.0, False),
    Case("25fps-unbaked-start", 25.0, False, 1.5, False),
    Case("30fps-baked-secondary-start", 30.0, True, 0.5, True),
    Case("60fps-unbaked", 60.0, False, 0.0, False),
]
IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    head = small_head()
    built = {}
    for case in CASES:
        c = Case(case.name, case.fps, case.bake, case.start, case.secondary)
        c.anim = make_animation(c.fps, c.secondary)
        c.curves = prepare_curves(c.anim, fps=c.fps, bake=c.bake, start=c.start)
        c.files = {}
        kw = dict(fps=c.fps, bake=c.bake, start=c.start)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExportWarning)
            c.files["head"] = export_animation(c.anim, out / f"{c.name}-head.fbx", head=head, **kw)
            c.files["curves"] = export_animation(c.anim, out / f"{c.name}-curves.fbx", mode="curves", **kw)
            c.files["glb"] = export_animation(c.anim, out / f"{c.name}.glb", head=head, **kw)
        built[c.name] = c
    return built


@pytest.fixture(scope="module")
def default_head_files(tmp_path_factory):
    """The bundled default head (25k vertices, 52 sculpted shapes), baked at 30 fps."""
    out = tmp_path_factory.mktemp("default-head")
    anim = make_animation(30.0, False)
    return anim, export_animation(anim, out / "head.fbx"), export_animation(anim, out / "head.glb")


# ----------------------------------------------------------------------------- comparisons


def expected_quaternions(node: str, values: np.ndarray) -> np.ndarray:
    """(T, 4) x y z w of ``node`` computed here, independently of the writers: Euler angles
    X = pitch, Y = -yaw, Z = roll applied Z first, then X, then Y."""
    axes = dict((axis, (ch.channel_index(name), sign)) for axis, name, sign in ROTATION_NODES[node])
    k = HEAD_RADIANS_PER_UNIT if node == "Head" else 1.0
    y, x, z = (values[:, axes[a][0]] * axes[a][1] * k for a in "YXZ")
    return Rotation.from_euler("YXZ", np.stack([y, x, z], axis=1)).as_quat()


def angle_degrees(q1: np.ndarray, q2: np.ndarray) -> np.ndarray:
    r = Rotation.from_quat(q1) * Rotation.from_quat(q2).inv()
    return np.degrees(r.magnitude())


def assert_weights(label: str, got: dict, times: np.ndarray, want: np.ndarray, scale: float = 1.0) -> None:
    missing = [s for s in SHAPES if s not in got]
    assert not missing, f"{label}: no weights for {missing[:5]}... ({len(missing)} shapes)"
    for s, name in enumerate(SHAPES):
        err = np.abs(np.asarray(got[name]) * scale - want[:, s])
        worst = int(np.argmax(err))
        assert err[worst] <= WEIGHT_TOL, f"{label}: {name} at {times[worst]:.4f} s is {got[name][worst] * scale:.5f}, want {want[worst, s]:.5f}"


def assert_rotations(label: str, got: dict, times: np.ndarray, want_values: np.ndarray) -> None:
    for node in ROTATION_NODES:
        assert node in got, f"{label}: no rotation for node {node} (has {sorted(got)})"
        err = angle_degrees(np.asarray(got[node]), expected_quaternions(node, want_values))
        worst = int(np.argmax(err))
        assert err[worst] <= DEGREE_TOL, f"{label}: {node} at {times[worst]:.4f} s is off by {err[worst]:.4f} degrees"


def case_of(cases, request) -> Case:
    return cases[request.param] if hasattr(request, "param") else None


# ----------------------------------------------------------------------------- the FBX SDK


_SDK_BAKE = {24.0: ("bake24", 24.0), 25.0: ("bake30", 30.0), 30.0: ("bake30", 30.0), 60.0: ("bake60", 60.0)}


@pytest.mark.parametrize("name", IDS)
def test_fbx_sdk_reads_head_mode(cases, name):
    readers.need("fbx-sdk")
    case = cases[name]
    bake, _ = _SDK_BAKE[case.fps]
    got = readers.fbx_sdk(case.files["head"], bake)
    assert "18446744073709551615" not in got["log"], got["log"]
    weights = got["weights"]
    times = next(iter(weights.values()))[0]
    assert len(times) > 10, f"the FBX SDK saw {len(times)} keys"
    # FBX2glTF starts its glTF animation at the stack's start: its time 0 is export time `start`.
    t = times + case.start
    want = case.expected(t)
    assert_weights(f"FBX SDK {name}", {k: v for k, (_, v) in weights.items()}, t, want)
    rotations = {k: v for k, (_, v) in got["rotations"].items()}
    assert_rotations(f"FBX SDK {name}", rotations, t, want)


@pytest.mark.parametrize("name", IDS)
def test_fbx_sdk_reads_curves_mode(cases, name):
    """FBX2glTF carries no animated custom property into glTF, so the SDK's own report is checked:
    the take spans the export's frames (not the empty span of a take without keys), and the 61
    properties are on the node with the first frame's values."""
    readers.need("fbx-sdk")
    case = cases[name]
    bake, rate = _SDK_BAKE[case.fps]
    got = readers.fbx_sdk(case.files["curves"], bake)
    line = next(ln for ln in got["log"].splitlines() if ln.startswith("Animation Take 001"))
    first, last = (float(x) for x in line.split("[")[1].rstrip("]").split(" - "))
    span = case.curves.stop - case.curves.start if case.bake else case.key_times()[-1] - case.key_times()[0]
    assert last - first == pytest.approx(span * rate, abs=1.0), line


def test_fbx_sdk_reads_the_default_head(default_head_files):
    readers.need("fbx-sdk")
    anim, fbx, _ = default_head_files
    got = readers.fbx_sdk(fbx, "bake30")
    assert sorted(got["weights"]) == sorted(SHAPES)
    times = next(iter(got["weights"].values()))[0]
    want = anim.evaluate(times)
    assert_weights("FBX SDK default head", {k: v for k, (_, v) in got["weights"].items()}, times, want)
    assert_rotations("FBX SDK default head", {k: v for k, (_, v) in got["rotations"].items()}, times, want)


# ----------------------------------------------------------------------------- assimp


@pytest.mark.parametrize("mode", ["head", "curves"])
def test_assimp_command_line_reads_without_errors(cases, mode):
    readers.need("assimp")
    for case in cases.values():
        text, errors = readers.assimp_cli(case.files[mode])
        assert not errors, f"assimp info {case.files[mode].name}: {errors}"
        assert f"Animations:         {1 if mode == 'head' else 0}" in text, text[-1500:]


@pytest.mark.parametrize("name", IDS)
def test_assimp_library_reads_head_mode(cases, name):
    readers.need("libassimp")
    case = cases[name]
    got = readers.assimp_read(case.files["head"])
    problems = [m for m in got["log"] if m.startswith(("Error", "Warn"))]
    assert not problems, problems
    assert sorted(got["mesh_shapes"]) == sorted(SHAPES)
    # assimp resamples every curve linearly onto its key times: compare where it has keys.
    # Its times start at the stack's first key (assimp drops the start offset).
    weights = got["weights"]
    times = weights[SHAPES[0]][0]
    first = case.curves.start if case.bake else case.key_times()[0]
    t = times + first
    want = case.expected(t)
    assert_weights(f"assimp {name}", {k: v for k, (_, v) in weights.items()}, t, want)
    rot_t = got["rotations"]["Head"][0] + first
    assert_rotations(f"assimp {name}", {k: v for k, (_, v) in got["rotations"].items()}, rot_t, case.expected(rot_t))


def test_assimp_library_reads_curves_mode_properties(cases):
    """assimp turns FBX user properties into node metadata (it has no animated properties): all 61
    are there with the first frame's values."""
    readers.need("libassimp")
    for case in cases.values():
        got = readers.assimp_read(case.files["curves"])
        assert not [m for m in got["log"] if m.startswith(("Error", "Warn"))]
        meta = got["metadata"]["KeyframeFaceCurves"]
        first = case.curves.frame_values[0]
        for c, name in enumerate(ch.NAMES):
            assert meta[name] == pytest.approx(first[c], abs=1e-6), name


# ----------------------------------------------------------------------------- ufbx


@pytest.mark.parametrize("name", IDS)
def test_ufbx_strict_reads_both_modes(cases, name):
    readers.need("ufbx")
    case = cases[name]
    t = case.curves.frame_times
    want = case.expected(t)
    head = readers.ufbx_read(case.files["head"], t)
    assert "error" not in head, head.get("error")
    assert head["fps"] == pytest.approx(case.fps)
    assert head["span"] == pytest.approx([case.curves.start, case.curves.stop], abs=1e-6)
    assert_weights(f"ufbx {name}", head["weights"], t, want)
    assert_rotations(f"ufbx {name}", head["rotations"], t, want)
    curves = readers.ufbx_read(case.files["curves"], t)
    assert "error" not in curves, curves.get("error")
    assert sorted(curves["props"]) == sorted(ch.NAMES)
    for c, prop in enumerate(ch.NAMES):
        err = np.abs(curves["props"][prop] - want[:, c])
        assert err.max() <= WEIGHT_TOL, f"ufbx {name}: {prop} off by {err.max():.5f} at {t[int(np.argmax(err))]:.3f} s"


# ----------------------------------------------------------------------------- three.js


@pytest.mark.parametrize("name", IDS)
def test_three_js_reads_glb_and_head_fbx(cases, name):
    readers.need("three")
    case = cases[name]
    # three.js plays a clip from 0: its time 0 is the glTF's time 0, which is export time 0.
    t = case.curves.frame_times
    want = case.expected(t)
    glb = readers.three_read(case.files["glb"], t)
    assert_weights(f"three.js GLB {name}", glb["weights"], t, want)
    assert_rotations(f"three.js GLB {name}", glb["rotations"], t, want)
    # FBXLoader reads keys and interpolates linearly: exact at every frame of a baked file, at the
    # document's keys of an unbaked one.
    t_fbx = t if case.bake else case.key_times()
    fbx = readers.three_read(case.files["head"], t_fbx)
    assert fbx["clips"] and fbx["clips"][0]["tracks"] > 52
    want = case.expected(t_fbx)
    assert_weights(f"three.js FBX {name}", fbx["weights"], t_fbx, want)
    assert_rotations(f"three.js FBX {name}", fbx["rotations"], t_fbx, want)


# ----------------------------------------------------------------------------- glTF Validator


def test_gltf_validator_reports_nothing_on_every_glb(cases, default_head_files, tmp_path):
    readers.need("gltf-validator")
    from kfstudio.io.gltf_head import save_gltf_head
    from kfstudio.rig.head import default_head

    head_glb = tmp_path / "head.glb"
    save_gltf_head(default_head(), head_glb)
    files = [c.files["glb"] for c in cases.values()] + [default_head_files[2], head_glb]
    for f in files:
        issues = readers.gltf_validate(f)["issues"]
        assert issues["numErrors"] == 0 and issues["numWarnings"] == 0, (f.name, issues["messages"][:5])


# ----------------------------------------------------------------------------- kfstudio check


def test_kfstudio_check_passes_every_file_the_writer_makes(cases, default_head_files):
    files = [f for c in cases.values() for f in c.files.values()] + list(default_head_files[1:])
    for f in files:
        findings = check_file(f)
        assert not strict_failure(findings), (f.name, [str(x) for x in findings if x.severity == "error"])
