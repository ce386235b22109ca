"""Independent FBX / glTF readers for the export tests, each run as its own program or library:

* the Autodesk FBX SDK, through ``FBX2glTF`` (npm ``fbx2gltf``, statically linked with FBX SDK 2019.2):
  the FBX is converted and the glTF it writes is read back (:func:`fbx_sdk`);
* assimp: its command line (``assimp info``, Debian ``assimp-utils``) and its C API through ctypes
  (``libassimp.so.5``; :func:`assimp_cli`, :func:`assimp_read`);
* ufbx (PyPI), strict load and its own curve evaluation (:func:`ufbx_read`, in a child process:
  the 0.0.x binding may crash while tearing a scene down);
* three.js ``FBXLoader`` / ``GLTFLoader`` and the Khronos glTF Validator under Node
  (``tests/js``, :func:`three_read`, :func:`gltf_validate`).

Every reader returns plain numpy data: ``{"weights": {shape name: (T,) values},
"rotations": {node name: (T, 4) quaternions x y z w}, "props": {name: (T,) values}}`` at the times
asked for (or at the reader's own sample times, returned as ``"times"``). A reader that is not
installed skips the test with a message naming it (:func:`need`).

:func:`old_writer_fbx` reproduces the record layout of the FBX writer before issue 14 (objects without
children not closed by a null record; Shape geometries without ``Normals``): the fixture that
``kfstudio check`` must flag.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js"
NODE_MODULES = JS / "node_modules"
TIMEOUT = 120


# ============================================================================ availability


def _fbx2gltf_binary() -> Path | None:
    tool = NODE_MODULES / "fbx2gltf" / "bin" / "Linux" / "FBX2glTF"
    if not tool.is_file() or sys.platform != "linux":
        return None
    if not os.access(tool, os.X_OK):  # npm does not keep the execute bit of the packaged binary
        try:
            tool.chmod(tool.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            copy = Path(tempfile.gettempdir()) / "kfstudio-FBX2glTF"
            shutil.copyfile(tool, copy)
            copy.chmod(0o755)
            return copy
    return tool


def _libassimp():
    for name in ("libassimp.so.5", "libassimp.so"):
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def _has_node_package(name: str) -> bool:
    return shutil.which("node") is not None and (NODE_MODULES / name / "package.json").is_file()


def _has_ufbx() -> bool:
    try:
        import ufbx  # noqa: F401
    except ImportError:
        return False
    return True


_WHY = {
    "fbx-sdk": ("FBX2glTF (the FBX SDK)", "npm ci in tests/js (package fbx2gltf)"),
    "assimp": ("the assimp command line", "Debian package assimp-utils"),
    "libassimp": ("the assimp library (C API)", "Debian package libassimp5"),
    "ufbx": ("ufbx", "pip install ufbx"),
    "three": ("three.js", "npm ci in tests/js (package three)"),
    "gltf-validator": ("the Khronos glTF Validator", "npm ci in tests/js (package gltf-validator)"),
}


def available(reader: str) -> bool:
    if reader == "fbx-sdk":
        return _fbx2gltf_binary() is not None
    if reader == "assimp":
        return shutil.which("assimp") is not None
    if reader == "libassimp":
        return _libassimp() is not None
    if reader == "ufbx":
        return _has_ufbx()
    if reader == "three":
        return _has_node_package("three")
    if reader == "gltf-validator":
        return _has_node_package("gltf-validator")
    raise ValueError(reader)


def need(reader: str) -> None:
    """Skip the calling test, naming the reader and how to install it, when it is absent."""
    if not available(reader):
        what, how = _WHY[reader]
        pytest.skip(f"{what} is not installed ({how}; ./dev test installs it)")


# ============================================================================ glTF reading

_COMPONENTS = {5120: np.int8, 5121: np.uint8, 5122: np.int16, 5123: np.uint16, 5125: np.uint32, 5126: np.float32}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT4": 16}


def read_gltf(path: Path) -> tuple[dict, list[bytes]]:
    """(JSON, buffers) of a ``.gltf`` (external or data buffers) or ``.glb``."""
    data = Path(path).read_bytes()
    if data[:4] == b"glTF":
        length = int.from_bytes(data[12:16], "little")
        gltf = json.loads(data[20:20 + length])
        rest = data[20 + length:]
        return gltf, [rest[8:8 + int.from_bytes(rest[:4], "little")]] if rest else []
    gltf = json.loads(data)
    buffers = [(Path(path).parent / b["uri"]).read_bytes() for b in gltf.get("buffers", [])]
    return gltf, buffers


def accessor(gltf: dict, buffers: list[bytes], index: int) -> np.ndarray:
    a = gltf["accessors"][index]
    view = gltf["bufferViews"][a["bufferView"]]
    dtype = np.dtype(_COMPONENTS[a["componentType"]])
    width = _WIDTH[a["type"]]
    start = view.get("byteOffset", 0) + a.get("byteOffset", 0)
    stride = view.get("byteStride", 0) or dtype.itemsize * width
    raw = buffers[view["buffer"]]
    rows = [np.frombuffer(raw, dtype, width, start + i * stride) for i in range(a["count"])] if stride != dtype.itemsize * width \
        else [np.frombuffer(raw, dtype, a["count"] * width, start)]
    out = np.concatenate(rows).astype(np.float64)
    return out.reshape(a["count"], width) if width > 1 else out


def gltf_tracks(gltf: dict, buffers: list[bytes]) -> dict:
    """The first animation of a glTF as ``{"weights": {name: (times, (T,) values)}, "rotations":
    {node: (times, (T, 4))}}`` (LINEAR samplers; morph target names from the target accessors'
    names or the mesh's ``extras.targetNames``)."""
    out = {"weights": {}, "rotations": {}}
    anim = gltf["animations"][0]
    for channel in anim["channels"]:
        sampler = anim["samplers"][channel["sampler"]]
        assert sampler.get("interpolation", "LINEAR") == "LINEAR", sampler
        node = gltf["nodes"][channel["target"]["node"]]
        times = accessor(gltf, buffers, sampler["input"])
        values = accessor(gltf, buffers, sampler["output"])
        if channel["target"]["path"] == "rotation":
            out["rotations"][node["name"]] = (times, values)
        elif channel["target"]["path"] == "weights":
            mesh = gltf["meshes"][node["mesh"]]
            names = mesh.get("extras", {}).get("targetNames")
            if names is None:
                names = [gltf["accessors"][t["POSITION"]].get("name", "") for t in mesh["primitives"][0]["targets"]]
            values = values.reshape(len(times), len(names))
            for j, name in enumerate(names):
                out["weights"][name] = (times, values[:, j])
    return out


# ============================================================================ the FBX SDK


def fbx_sdk(fbx: Path, bake: str = "bake30") -> dict:
    """Convert ``fbx`` with FBX2glTF (the FBX SDK) and read its animation back; also returns the
    converter's log as ``"log"`` and its node names as ``"nodes"``."""
    tool = _fbx2gltf_binary()
    out_dir = Path(tempfile.mkdtemp(prefix="kfs-fbxsdk-"))
    try:
        proc = subprocess.run([str(tool), "--anim-framerate", bake, "--input", str(fbx), "--output", str(out_dir / "out")],
                              capture_output=True, text=True, timeout=TIMEOUT)
        log = proc.stdout + proc.stderr
        if proc.returncode != 0:
            raise AssertionError(f"FBX2glTF failed on {fbx}:\n{log}")
        gltf_path = next(out_dir.rglob("*.gltf"))
        gltf, buffers = read_gltf(gltf_path)
        result = gltf_tracks(gltf, buffers) if gltf.get("animations") else {"weights": {}, "rotations": {}}
        result["log"] = log
        result["nodes"] = [n.get("name") for n in gltf["nodes"]]
        result["gltf"] = gltf
        return result
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
        fbm = Path(fbx).with_suffix(".fbm")
        shutil.rmtree(fbm, ignore_errors=True)


# ============================================================================ assimp


def assimp_cli(path: Path) -> tuple[str, list[str]]:
    """(``assimp info -l`` output, its Error lines that concern the file — the post-processing
    step ``info`` runs to compute tangents fails on any mesh without UVs and is left out)."""
    proc = subprocess.run(["assimp", "info", str(path), "-l"], capture_output=True, text=True, timeout=TIMEOUT)
    text = proc.stdout + proc.stderr
    errors = [ln for ln in text.splitlines() if ln.startswith("Error") and "compute tangents" not in ln]
    if proc.returncode != 0:
        errors.append(f"assimp info exited with status {proc.returncode}")
    return text, errors


class _AiString(ctypes.Structure):
    _fields_ = [("length", ctypes.c_uint32), ("data", ctypes.c_char * 1024)]

    def text(self) -> str:
        return self.data[: self.length].decode("utf-8", "replace")


class _AiVectorKey(ctypes.Structure):
    _fields_ = [("time", ctypes.c_double), ("value", ctypes.c_float * 3)]


class _AiQuatKey(ctypes.Structure):
    _fields_ = [("time", ctypes.c_double), ("value", ctypes.c_float * 4)]  # w x y z


class _AiNodeAnim(ctypes.Structure):
    _fields_ = [("name", _AiString),
                ("num_position", ctypes.c_uint), ("position", ctypes.POINTER(_AiVectorKey)),
                ("num_rotation", ctypes.c_uint), ("rotation", ctypes.POINTER(_AiQuatKey)),
                ("num_scaling", ctypes.c_uint), ("scaling", ctypes.POINTER(_AiVectorKey)),
                ("pre", ctypes.c_int), ("post", ctypes.c_int)]


class _AiMorphKey(ctypes.Structure):
    _fields_ = [("time", ctypes.c_double), ("values", ctypes.POINTER(ctypes.c_uint)),
                ("weights", ctypes.POINTER(ctypes.c_double)), ("count", ctypes.c_uint)]


class _AiMorphAnim(ctypes.Structure):
    _fields_ = [("name", _AiString), ("num_keys", ctypes.c_uint), ("keys", ctypes.POINTER(_AiMorphKey))]


class _AiAnimation(ctypes.Structure):
    _fields_ = [("name", _AiString), ("duration", ctypes.c_double), ("ticks_per_second", ctypes.c_double),
                ("num_channels", ctypes.c_uint), ("channels", ctypes.POINTER(ctypes.POINTER(_AiNodeAnim))),
                ("num_mesh_channels", ctypes.c_uint), ("mesh_channels", ctypes.c_void_p),
                ("num_morph", ctypes.c_uint), ("morph", ctypes.POINTER(ctypes.POINTER(_AiMorphAnim)))]


class _AiAnimMesh(ctypes.Structure):
    _fields_ = [("name", _AiString)]  # only the leading name is read


class _AiMesh(ctypes.Structure):
    _fields_ = [("primitive_types", ctypes.c_uint), ("num_vertices", ctypes.c_uint), ("num_faces", ctypes.c_uint),
                ("vertices", ctypes.c_void_p), ("normals", ctypes.c_void_p), ("tangents", ctypes.c_void_p),
                ("bitangents", ctypes.c_void_p), ("colors", ctypes.c_void_p * 8), ("uvs", ctypes.c_void_p * 8),
                ("uv_components", ctypes.c_uint * 8), ("faces", ctypes.c_void_p), ("num_bones", ctypes.c_uint),
                ("bones", ctypes.c_void_p), ("material", ctypes.c_uint), ("name", _AiString),
                ("num_anim_meshes", ctypes.c_uint), ("anim_meshes", ctypes.POINTER(ctypes.POINTER(_AiAnimMesh)))]


class _AiMetadataEntry(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("data", ctypes.c_void_p)]


class _AiMetadata(ctypes.Structure):
    _fields_ = [("num", ctypes.c_uint), ("keys", ctypes.POINTER(_AiString)), ("values", ctypes.POINTER(_AiMetadataEntry))]


class _AiNode(ctypes.Structure):
    pass


_AiNode._fields_ = [("name", _AiString), ("transform", ctypes.c_float * 16), ("parent", ctypes.POINTER(_AiNode)),
                    ("num_children", ctypes.c_uint), ("children", ctypes.POINTER(ctypes.POINTER(_AiNode))),
                    ("num_meshes", ctypes.c_uint), ("meshes", ctypes.POINTER(ctypes.c_uint)),
                    ("metadata", ctypes.POINTER(_AiMetadata))]


class _AiScene(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_uint), ("root", ctypes.POINTER(_AiNode)),
                ("num_meshes", ctypes.c_uint), ("meshes", ctypes.POINTER(ctypes.POINTER(_AiMesh))),
                ("num_materials", ctypes.c_uint), ("materials", ctypes.c_void_p),
                ("num_animations", ctypes.c_uint), ("animations", ctypes.POINTER(ctypes.POINTER(_AiAnimation)))]


_LOG_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_char_p)


class _AiLogStream(ctypes.Structure):
    _fields_ = [("callback", _LOG_CALLBACK), ("user", ctypes.c_char_p)]


_AI_DOUBLE, _AI_FLOAT, _AI_INT32 = 4, 3, 1


def _nodes(node) -> list:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.children[i].contents for i in range(n.num_children))
    return out


def assimp_read(path: Path) -> dict:
    """Load ``path`` with assimp's C API (no post-processing) and return its animation as keys:
    ``{"rotations": {node: (seconds, (K, 4) x y z w)}, "weights": {shape: (seconds, values)},
    "metadata": {node: {key: value}}, "log": [messages], "mesh_shapes": [names]}``."""
    lib = _libassimp()
    lib.aiImportFile.restype = ctypes.POINTER(_AiScene)
    lib.aiImportFile.argtypes = [ctypes.c_char_p, ctypes.c_uint]
    lib.aiGetErrorString.restype = ctypes.c_char_p
    messages: list[str] = []
    callback = _LOG_CALLBACK(lambda msg, user: messages.append(msg.decode("utf-8", "replace").strip()))
    stream = _AiLogStream(callback, None)
    lib.aiEnableVerboseLogging(0)
    lib.aiAttachLogStream(ctypes.byref(stream))
    try:
        scene_p = lib.aiImportFile(str(path).encode(), 0)
        if not scene_p:
            raise AssertionError(f"assimp could not read {path}: {lib.aiGetErrorString().decode()}\n" + "\n".join(messages))
        try:
            scene = scene_p.contents
            out = {"rotations": {}, "weights": {}, "metadata": {}, "log": list(messages), "mesh_shapes": []}
            meshes = [scene.meshes[i].contents for i in range(scene.num_meshes)]
            shapes_of = [[m.anim_meshes[j].contents.name.text() for j in range(m.num_anim_meshes)] for m in meshes]
            out["mesh_shapes"] = [n for names in shapes_of for n in names]
            for node in _nodes(scene.root.contents):
                meta = {}
                if node.metadata:
                    md = node.metadata.contents
                    for i in range(md.num):
                        entry = md.values[i]
                        if entry.type == _AI_DOUBLE:
                            meta[md.keys[i].text()] = ctypes.cast(entry.data, ctypes.POINTER(ctypes.c_double))[0]
                        elif entry.type == _AI_FLOAT:
                            meta[md.keys[i].text()] = ctypes.cast(entry.data, ctypes.POINTER(ctypes.c_float))[0]
                        elif entry.type == _AI_INT32:
                            meta[md.keys[i].text()] = ctypes.cast(entry.data, ctypes.POINTER(ctypes.c_int32))[0]
                out["metadata"][node.name.text()] = meta
            out["num_animations"] = scene.num_animations
            for a in range(scene.num_animations):
                anim = scene.animations[a].contents
                tps = anim.ticks_per_second or 25.0
                for i in range(anim.num_channels):
                    c = anim.channels[i].contents
                    keys = [c.rotation[k] for k in range(c.num_rotation)]
                    t = np.array([k.time for k in keys]) / tps
                    wxyz = np.array([list(k.value) for k in keys], dtype=np.float64)
                    out["rotations"][c.name.text()] = (t, wxyz[:, [1, 2, 3, 0]])
                for i in range(anim.num_morph):
                    m = anim.morph[i].contents
                    mesh = next((j for j, mm in enumerate(meshes) if mm.name.text() == m.name.text()), None)
                    names = shapes_of[mesh] if mesh is not None else next(s for s in shapes_of if s)
                    t = np.array([m.keys[k].time for k in range(m.num_keys)]) / tps
                    w = np.zeros((m.num_keys, len(names)))
                    for k in range(m.num_keys):
                        key = m.keys[k]
                        for j in range(key.count):
                            w[k, key.values[j]] = key.weights[j]
                    for j, name in enumerate(names):
                        out["weights"].setdefault(name, (t, w[:, j]))
            return out
        finally:
            lib.aiReleaseImport(scene_p)
    finally:
        lib.aiDetachLogStream(ctypes.byref(stream))


# ============================================================================ ufbx (child process)

_UFBX_SCRIPT = r"""
import gc, json, os, sys
import ufbx
gc.disable()  # the 0.0.x binding crashes when the collector frees scene objects
path, times = sys.argv[1], json.loads(sys.argv[2])
out = {"weights": {}, "rotations": {}, "props": {}, "warnings": []}
try:
    scene = ufbx.load_file(path, strict=True, disable_quirks=True)
    out["warnings"] = [w.description for w in scene.metadata.warnings]
    stack = scene.anim_stacks[0]
    anim, layer = stack.anim, stack.layers[0]
    out["fps"] = scene.settings.frames_per_second
    out["span"] = [stack.time_begin, stack.time_end]
    for c in scene.blend_channels:
        out["weights"][c.name] = [c.evaluate_blend_weight(anim, t) for t in times]
    for node in scene.nodes:
        if node.name in ("Head", "LeftEye", "RightEye"):
            rs = [node.evaluate_transform(anim, t).rotation for t in times]
            out["rotations"][node.name] = [[q.x, q.y, q.z, q.w] for q in rs]
        for ap in ufbx.find_anim_props(layer, node):
            if ap.prop_name.startswith(("Lcl ", "DeformPercent")):
                continue
            out["props"][ap.prop_name] = [ufbx.evaluate_anim_value_real(ap.anim_value, t) for t in times]
except Exception as e:
    out["error"] = f"{type(e).__name__}: {e}"
sys.stdout.write(json.dumps(out))
sys.stdout.flush()
os._exit(0)
"""


def ufbx_read(path: Path, times: np.ndarray) -> dict:
    """Load ``path`` with ufbx in strict mode and evaluate blend weights, node rotations and
    animated user properties at ``times`` (seconds)."""
    proc = subprocess.run([sys.executable, "-c", _UFBX_SCRIPT, str(path), json.dumps([float(t) for t in times])],
                          capture_output=True, text=True, timeout=TIMEOUT)
    if not proc.stdout:
        raise AssertionError(f"ufbx crashed on {path} (status {proc.returncode}): {proc.stderr[-2000:]}")
    out = json.loads(proc.stdout)
    for key in ("weights", "rotations", "props"):
        out[key] = {k: np.asarray(v, dtype=np.float64) for k, v in out[key].items()}
    return out


# ============================================================================ Node: three.js, glTF Validator


def _node(script: str, *args: str) -> dict:
    proc = subprocess.run(["node", str(JS / script), *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=JS)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise AssertionError(f"node {script} {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def three_read(path: Path, times: np.ndarray) -> dict:
    """Load ``path`` (.fbx or .glb) with three.js, play its first clip with an AnimationMixer and
    return morph influences by target name and node quaternions at ``times``."""
    out = _node("three_read.mjs", str(path), json.dumps([float(t) for t in times]))
    out["weights"] = {k: np.asarray(v) for k, v in out["weights"].items()}
    out["rotations"] = {k: np.asarray(v) for k, v in out["rotations"].items()}
    return out


def gltf_validate(path: Path) -> dict:
    """The Khronos glTF Validator's report of ``path`` (``issues`` has numErrors, numWarnings, messages)."""
    return _node("validate.mjs", str(path))


# ============================================================================ the writer before issue 14


def old_writer_fbx(curves, *, mode: str = "head", head=None) -> bytes:
    """The bytes the FBX writer produced before issue 14, made with the project's own scene
    builder: a record is closed by a null record only when it has children or no properties
    (so an ``AnimationLayer`` or an empty object is not a scope), and Shape geometries carry no
    ``Normals``."""
    import struct

    from kfstudio.io import fbx

    nodes = fbx.build_scene(curves, mode=mode, head=head)
    for obj in next(n for n in nodes if n.name == "Objects").children:
        if obj.name == "Geometry" and obj.props[2] == "Shape":
            obj.children = [c for c in obj.children if c.name != "Normals"]

    class OldEncoder(fbx._Encoder):
        def node(self, n, scope=False):
            name = n.name.encode("ascii")
            props = b"".join(self._prop(p) for p in n.props)
            start = len(self.out)
            self.out += struct.pack("<IIIB", 0, len(n.props), len(props), len(name)) + name + props
            for child in n.children:
                self.node(child)
            if n.children or not n.props:
                self.out += fbx.NULL_RECORD
            struct.pack_into("<I", self.out, start, len(self.out))

    enc = OldEncoder()
    enc.out += fbx.HEADER + struct.pack("<I", fbx.VERSION)
    for n in nodes:
        enc.node(n)
    enc.out += fbx.NULL_RECORD + fbx.FOOTER_ID
    enc.out += b"\x00" * ((-len(enc.out)) % 16)
    enc.out += b"\x00" * 4 + struct.pack("<I", fbx.VERSION) + b"\x00" * 120 + fbx.FOOTER_MAGIC
    return bytes(enc.out)
