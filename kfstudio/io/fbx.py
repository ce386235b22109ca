"""Binary FBX 7.4 writer (and a small reader), written from the public description of the format.

Encoding (:func:`encode_fbx`)
    A 27-byte header (``Kaydara FBX Binary  \\x00\\x1a\\x00`` + uint32 version 7400), then node records:
    uint32 absolute end offset, uint32 property count, uint32 property bytes, uint8 name length,
    name, the typed properties, the nested records and, when the record is a scope, a 13-byte null
    record that closes its nested list. A record is a scope when it has nested records, when it has
    no properties, when it is an object (a child of ``Objects``), or when it is one of
    :data:`SCOPE_NAMES`: the FBX SDK expects those closed even when empty (``kfstudio check``
    flags files that are not). The top level ends with a null record and the footer (a 16-byte id,
    zero padding that makes the file a multiple of 16 bytes, 4 zero bytes, the version, 120 zero
    bytes and a 16-byte magic). Properties: ``C`` bool, ``Y`` int16 (:class:`I16`),
    ``I`` int32 (Python int), ``L`` int64 (:class:`I64`), ``F`` float32 (:class:`F32`), ``D``
    float64 (Python float), ``S`` string, ``R`` bytes, and numpy arrays ``b i l f d``; arrays
    larger than :data:`COMPRESS_MIN_BYTES` are zlib-compressed unless wrapped in
    :class:`Uncompressed` (curve values, which hardly compress). An array object used by many nodes
    (the shared key times of baked curves) is encoded once.

Scene (:func:`build_scene`, :func:`write_fbx`)
    Metres with +Y up (``UnitScaleFactor`` 100: one unit is 100 cm), the frame rate in
    ``GlobalSettings`` (``TimeMode``, ``CustomFrameRate``), one animation stack and layer. Mode
    *head*: three Mesh models (face with a ``BlendShape`` deformer whose ``BlendShapeChannel`` s
    carry ARKit camelCase names and ``Shape`` geometries of sparse offsets, with zero normal
    offsets, which assimp requires; the two eyeballs as children of the face), one material per head part, ``DeformPercent`` curves (0-100) and
    ``Lcl Rotation`` curves in degrees with rotation order ``eEulerZXY`` (see
    :mod:`kfstudio.io.export` for the pose conventions). Mode *curves*: one Null model with the 61
    channels as animated user properties (``A+U``) named with the Live Link Face names.
    Baked curves have linear keys; unbaked curves keep the document's interpolation with user
    tangents (``KeyAttrDataFloat`` right slope / next left slope, per second).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import channels as ch
from ..animation import Interp
from .atomic import atomic_write_bytes
from .export_curves import (
    KTIME_PER_SECOND,
    ChannelCurve,
    ExportCurves,
    ExportError,
    present_shapes,
    rotation_factors,
    split_head,
)

__all__ = [
    "FbxNode",
    "I16",
    "I64",
    "F32",
    "Uncompressed",
    "FbxFormatError",
    "encode_fbx",
    "read_fbx",
    "build_scene",
    "write_fbx",
    "COMPRESS_MIN_BYTES",
]

VERSION = 7400
HEADER = b"Kaydara FBX Binary  \x00\x1a\x00"
#: The id/creation-time/footer triple that FBX files written at a fixed time carry.
FILE_ID = bytes.fromhex("28b32aebb624ccc2bfc8b02aa92bfcf1")
CREATION_TIME = "1970-01-01 10:00:00:000"
FOOTER_ID = bytes.fromhex("fabcab09d0c8d466b176fb831cf7267e")
FOOTER_MAGIC = bytes.fromhex("f85a8c6adef5d97eece90ce3758f290b")
NULL_RECORD = b"\x00" * 13
#: Records that are always closed as a scope (a nested list, ended by a null record) even when they
#: have properties and no children: the FBX SDK reads every object of ``Objects`` as a scope (its
#: ASCII form is ``Kind: id, "name", "class" {...}``) and fails to read an ``AnimationLayer`` or
#: ``AnimationStack`` that is not one (no key in any curve, "expected compound scope").
SCOPE_NAMES = frozenset({"AnimationStack", "AnimationLayer"})
#: Arrays with more bytes than this are zlib-compressed.
COMPRESS_MIN_BYTES = 512
COMPRESS_LEVEL = 1

# FbxAnimCurveDef key attribute flags.
_INTERP_FLAG = {Interp.CONSTANT: 0x2, Interp.LINEAR: 0x4, Interp.BEZIER: 0x8}
_TANGENT_USER_BREAK = 0x400 | 0x800
#: Both tangent weights 1/3 (two uint16 of 3333), stored as the bit pattern of a float32.
_DEFAULT_WEIGHTS = np.array([0x0D050D05], dtype=np.int32).view(np.float32)[0]
# TimeMode enum values for common rates; anything else is "custom" (14) with CustomFrameRate.
_TIME_MODES = {120.0: 1, 100.0: 2, 60.0: 3, 50.0: 4, 48.0: 5, 30.0: 6, 1000.0: 12, 96.0: 15, 72.0: 16, 24.0: 11}
_ROTATION_ORDER_ZXY = 4


class I16(int):
    """An int written as FBX ``Y`` (int16)."""


class I64(int):
    """An int written as FBX ``L`` (int64)."""


class F32(float):
    """A float written as FBX ``F`` (float32)."""


class Uncompressed:
    """Wraps a numpy array that is written without zlib even when large (data that hardly compresses,
    such as per-frame curve values, where compressing would cost more time than it saves space)."""

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray):
        self.array = array


class FbxFormatError(ValueError):
    """Bytes that are not a binary FBX file this reader understands."""


@dataclass
class FbxNode:
    """One FBX node record: a name, typed properties and child nodes."""

    name: str
    props: list = field(default_factory=list)
    children: list["FbxNode"] = field(default_factory=list)
    #: read from a file: whether a null record ended its nested list (what strict readers expect of
    #: nodes with children); unused when writing
    closed: bool = False

    def add(self, name: str, *props, children=None) -> "FbxNode":
        """Append a child ``name`` with ``props`` and return it."""
        node = FbxNode(name, list(props), list(children or []))
        self.children.append(node)
        return node

    def find(self, name: str) -> "FbxNode | None":
        return next((c for c in self.children if c.name == name), None)

    def find_all(self, name: str) -> list["FbxNode"]:
        return [c for c in self.children if c.name == name]


# ============================================================================ encoding

_ARRAY_CODES = {np.dtype("<f4"): b"f", np.dtype("<f8"): b"d", np.dtype("<i4"): b"i",
                np.dtype("<i8"): b"l", np.dtype("bool"): b"b"}


class _Encoder:
    def __init__(self):
        self.out = bytearray()
        self._array_cache: dict[int, tuple[np.ndarray, bytes]] = {}

    def _array(self, a: np.ndarray, compress: bool = True) -> bytes:
        cached = self._array_cache.get(id(a))
        if cached is not None and cached[0] is a:
            return cached[1]
        arr = np.ascontiguousarray(a)
        if arr.dtype.kind == "f" and arr.dtype.itemsize not in (4, 8):
            arr = arr.astype("<f8")
        arr = arr.astype(arr.dtype.newbyteorder("<"), copy=False)
        code = _ARRAY_CODES.get(arr.dtype)
        if code is None:
            raise TypeError(f"FBX has no array type for {arr.dtype}")
        raw = arr.tobytes()
        encoding = 0
        if compress and len(raw) > COMPRESS_MIN_BYTES:
            raw, encoding = zlib.compress(raw, COMPRESS_LEVEL), 1
        blob = code + struct.pack("<III", arr.size, encoding, len(raw)) + raw
        self._array_cache[id(a)] = (a, blob)
        return blob

    def _prop(self, p) -> bytes:
        if isinstance(p, np.ndarray):
            return self._array(p)
        if isinstance(p, Uncompressed):
            return self._array(p.array, compress=False)
        if isinstance(p, bool):
            return b"C" + (b"\x01" if p else b"\x00")
        if isinstance(p, I16):
            return b"Y" + struct.pack("<h", p)
        if isinstance(p, I64):
            return b"L" + struct.pack("<q", p)
        if isinstance(p, (int, np.integer)):
            return b"I" + struct.pack("<i", p)
        if isinstance(p, F32):
            return b"F" + struct.pack("<f", p)
        if isinstance(p, (float, np.floating)):
            return b"D" + struct.pack("<d", p)
        if isinstance(p, str):
            b = p.encode("utf-8")
            return b"S" + struct.pack("<I", len(b)) + b
        if isinstance(p, (bytes, bytearray)):
            return b"R" + struct.pack("<I", len(p)) + bytes(p)
        raise TypeError(f"cannot write {type(p).__name__} as an FBX property")

    def node(self, n: FbxNode, scope: bool = False) -> None:
        name = n.name.encode("ascii")
        props = b"".join(self._prop(p) for p in n.props)
        start = len(self.out)
        self.out += struct.pack("<IIIB", 0, len(n.props), len(props), len(name)) + name + props
        objects = n.name == "Objects"
        for child in n.children:
            self.node(child, scope=objects)
        if n.children or not n.props or scope or n.name in SCOPE_NAMES:
            self.out += NULL_RECORD
        end = len(self.out)
        if end > 0xFFFFFFFF:
            raise ExportError("the FBX file would exceed 4 GiB, the limit of FBX 7.4 offsets")
        struct.pack_into("<I", self.out, start, end)


def encode_fbx(nodes: list[FbxNode]) -> bytes:
    """The bytes of a binary FBX 7.4 file holding the top-level ``nodes``."""
    enc = _Encoder()
    enc.out += HEADER + struct.pack("<I", VERSION)
    for n in nodes:
        enc.node(n)
    enc.out += NULL_RECORD + FOOTER_ID
    # Padding so that the whole file (after the fixed-size tail below) is a multiple of 16 bytes.
    enc.out += b"\x00" * ((-len(enc.out)) % 16)
    enc.out += b"\x00" * 4 + struct.pack("<I", VERSION) + b"\x00" * 120 + FOOTER_MAGIC
    return bytes(enc.out)


# ============================================================================ reading (for checks)

_SCALARS = {b"Y": "<h", b"C": "<?", b"I": "<i", b"F": "<f", b"D": "<d", b"L": "<q"}
_ARRAYS = {b"f": "<f4", b"d": "<f8", b"l": "<i8", b"i": "<i4", b"b": "bool"}


def _read_props(data: bytes, pos: int, count: int, name: str) -> tuple[list, int]:
    props: list = []
    for _ in range(count):
        if pos >= len(data):
            raise FbxFormatError(f"record {name!r} runs past the end of the file")
        code = data[pos : pos + 1]
        pos += 1
        if code in _SCALARS:
            fmt = _SCALARS[code]
            props.append(struct.unpack_from(fmt, data, pos)[0])
            pos += struct.calcsize(fmt)
        elif code in _ARRAYS:
            n, encoding, size = struct.unpack_from("<III", data, pos)
            pos += 12
            raw = data[pos : pos + size]
            pos += size
            if encoding == 1:
                try:
                    raw = zlib.decompress(raw)
                except zlib.error as e:
                    raise FbxFormatError(f"record {name!r}: a compressed array cannot be inflated ({e})") from None
            dtype = np.dtype(_ARRAYS[code])
            if len(raw) < n * dtype.itemsize:
                raise FbxFormatError(f"record {name!r}: an array holds fewer bytes than its {n} items")
            props.append(np.frombuffer(raw, dtype, n))
        elif code in (b"S", b"R"):
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
            raw = data[pos : pos + size]
            pos += size
            props.append(raw.decode("utf-8", "replace") if code == b"S" else bytes(raw))
        else:
            raise FbxFormatError(f"record {name!r}: unknown property type {code!r} at byte {pos - 1}")
    return props, pos


def _read_node(data: bytes, pos: int, wide: bool, path: str) -> tuple[FbxNode | None, int]:
    """The node record at ``pos`` (None for a null record) and the position after it."""
    head = 25 if wide else 13
    if pos + head > len(data):
        raise FbxFormatError(f"a record header at byte {pos} runs past the end of the file")
    end, nprops, _plen = struct.unpack_from("<QQQ" if wide else "<III", data, pos)
    nlen = data[pos + head - 1]
    if end == 0 and nprops == 0 and nlen == 0:
        return None, pos + head
    if end > len(data) or end <= pos:
        raise FbxFormatError(f"a record at byte {pos} ends at byte {end}, outside the file")
    pos += head
    name = data[pos : pos + nlen].decode("ascii", "replace")
    pos += nlen
    props, pos = _read_props(data, pos, nprops, name)
    node = FbxNode(name, props)
    here = f"{path} > {name}" if path else name
    while pos < end:
        child, pos = _read_node(data, pos, wide, here)
        if child is None:
            node.closed = True
            break
        node.children.append(child)
    if pos != end:
        raise FbxFormatError(f"{here}: its nested records end at byte {pos}, not at its end offset {end}")
    return node, end


def read_nodes(data: bytes) -> tuple[int, list[FbxNode]]:
    """The version and the top-level nodes of a binary FBX (32-bit records before 7500, 64-bit from
    7500), read strictly: a record that runs past its end or the file's raises
    :class:`FbxFormatError` naming it. The header magic and the footer are not checked here."""
    if len(data) < 27:
        raise FbxFormatError("the file ends inside the FBX header")
    (version,) = struct.unpack_from("<I", data, 23)
    wide = version >= 7500
    nodes: list[FbxNode] = []
    pos = 27
    while True:
        node, pos = _read_node(data, pos, wide, "")
        if node is None:
            break
        nodes.append(node)
    return version, nodes


def read_fbx(data: bytes) -> FbxNode:
    """Parse a binary FBX into a root :class:`FbxNode` whose children are the top-level nodes;
    ``root.props`` holds ``[version]``. Checks the header and the footer magic."""
    if not data.startswith(HEADER):
        raise FbxFormatError("not a binary FBX file (bad header)")
    if not data.endswith(FOOTER_MAGIC):
        raise FbxFormatError("FBX footer magic missing (truncated file?)")
    version, nodes = read_nodes(data)
    return FbxNode("", [version], nodes)


# ============================================================================ scene building


def _p(name: str, kind: str, label: str, flags: str, *values) -> FbxNode:
    """A ``P`` record of a Properties70 block."""
    return FbxNode("P", [name, kind, label, flags, *values])


def _ktime(seconds) -> np.ndarray:
    return np.round(np.asarray(seconds, dtype=np.float64) * KTIME_PER_SECOND).astype(np.int64)


class _Scene:
    """Accumulates objects, connections and definition counts."""

    def __init__(self):
        self.objects = FbxNode("Objects")
        self.connections = FbxNode("Connections")
        self.counts: dict[str, int] = {}
        self._next_id = 1_000_000
        self._ktime_cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def new_id(self) -> I64:
        self._next_id += 1
        return I64(self._next_id)

    def add(self, kind: str, name: str, cls: str, sub: str, children=()) -> I64:
        oid = self.new_id()
        self.objects.add(kind, oid, f"{name}\x00\x01{cls}", sub, children=children)
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return oid

    def oo(self, child: int, parent: int) -> None:
        self.connections.add("C", "OO", I64(child), I64(parent))

    def op(self, child: int, parent: int, prop: str) -> None:
        self.connections.add("C", "OP", I64(child), I64(parent), prop)

    def ktimes(self, times: np.ndarray) -> np.ndarray:
        """KTime array of ``times``, the same array object for the same input (shared encoding)."""
        hit = self._ktime_cache.get(id(times))
        if hit is None or hit[0] is not times:
            hit = (times, _ktime(times))
            self._ktime_cache[id(times)] = hit
        return hit[1]

    # -- animation -------------------------------------------------------------------------------------
    def curve(self, c: ChannelCurve, scale: float, parent: int, channel: str) -> None:
        """An AnimationCurve of ``c`` times ``scale`` connected to curve node ``parent``."""
        values = (c.values * scale).astype(np.float32)
        k = len(c.times)
        if np.all(c.interp[:-1] == Interp.LINEAR) or k == 1:
            flags = np.array([_INTERP_FLAG[Interp.LINEAR]], np.int32)
            data = np.array([0, 0, _DEFAULT_WEIGHTS, 0], np.float32)
            refs = np.array([k], np.int32)
        else:
            flags = np.array([_INTERP_FLAG[Interp(i)] for i in c.interp], np.int32)
            flags[c.interp == Interp.BEZIER] |= _TANGENT_USER_BREAK
            data = np.zeros((k, 4), np.float32)
            data[:, 0] = c.slope_out * scale
            data[:-1, 1] = c.slope_in[1:] * scale
            data[:, 2] = _DEFAULT_WEIGHTS
            data = data.reshape(-1)
            refs = np.ones(k, np.int32)
        cid = self.add("AnimationCurve", "", "AnimCurve", "", children=[
            FbxNode("Default", [float(values[0])]),
            FbxNode("KeyVer", [4009]),
            FbxNode("KeyTime", [self.ktimes(c.times)]),
            FbxNode("KeyValueFloat", [Uncompressed(values)]),
            FbxNode("KeyAttrFlags", [flags]),
            FbxNode("KeyAttrDataFloat", [data]),
            FbxNode("KeyAttrRefCount", [refs]),
        ])
        self.op(cid, parent, channel)

    def curve_node(self, name: str, channels: list[tuple[str, float]], layer: int, target: int, prop: str) -> I64:
        """An AnimationCurveNode animating property ``prop`` of ``target``; ``channels`` are
        (sub-channel name, default value)."""
        props = FbxNode("Properties70", children=[_p(f"d|{n}", "Number", "", "A", float(v)) for n, v in channels])
        nid = self.add("AnimationCurveNode", name, "AnimCurveNode", "", children=[props])
        self.oo(nid, layer)
        self.op(nid, target, prop)
        return nid


def _model(scene: _Scene, name: str, kind: str, translation, user_props=()) -> I64:
    props = FbxNode("Properties70", children=[
        _p("RotationActive", "bool", "", "", 1),
        _p("RotationOrder", "enum", "", "", _ROTATION_ORDER_ZXY),
        _p("InheritType", "enum", "", "", 1),
        _p("DefaultAttributeIndex", "int", "Integer", "", 0),
        _p("Lcl Translation", "Lcl Translation", "", "A", *map(float, translation)),
        _p("Lcl Rotation", "Lcl Rotation", "", "A", 0.0, 0.0, 0.0),
        _p("Lcl Scaling", "Lcl Scaling", "", "A", 1.0, 1.0, 1.0),
        *user_props,
    ])
    return scene.add("Model", name, "Model", kind, children=[
        FbxNode("Version", [232]), props, FbxNode("Shading", [True]), FbxNode("Culling", ["CullingOff"])])


def _mesh_geometry(scene: _Scene, part) -> tuple[I64, list[int]]:
    """The Geometry of a mesh part and the head part ids of its materials, in slot order."""
    head = part.head
    faces = head.faces.astype(np.int32).copy()
    faces[:, 2] = ~faces[:, 2]  # the last index of each polygon is stored as -(index + 1)
    used = np.unique(head.part[head.faces[:, 0]]) if len(head.faces) else np.zeros(0, np.int64)
    slot = np.zeros(max(len(head.part_names), 1), np.int32)
    slot[used] = np.arange(len(used))
    face_material = slot[head.part[head.faces[:, 0]]] if len(head.faces) else np.zeros(0, np.int32)
    children = [
        FbxNode("GeometryVersion", [124]),
        FbxNode("Vertices", [head.vertices.astype(np.float64).reshape(-1)]),
        FbxNode("PolygonVertexIndex", [faces.reshape(-1)]),
        FbxNode("LayerElementNormal", [0], [
            FbxNode("Version", [101]), FbxNode("Name", [""]),
            FbxNode("MappingInformationType", ["ByVertice"]), FbxNode("ReferenceInformationType", ["Direct"]),
            FbxNode("Normals", [part.normals.astype(np.float64).reshape(-1)]),
        ]),
        FbxNode("LayerElementMaterial", [0], [
            FbxNode("Version", [101]), FbxNode("Name", [""]),
            FbxNode("MappingInformationType", ["ByPolygon"]), FbxNode("ReferenceInformationType", ["IndexToDirect"]),
            FbxNode("Materials", [face_material.astype(np.int32)]),
        ]),
        FbxNode("Layer", [0], [
            FbxNode("Version", [100]),
            FbxNode("LayerElement", children=[FbxNode("Type", ["LayerElementNormal"]), FbxNode("TypedIndex", [0])]),
            FbxNode("LayerElement", children=[FbxNode("Type", ["LayerElementMaterial"]), FbxNode("TypedIndex", [0])]),
        ]),
    ]
    gid = scene.add("Geometry", part.name, "Geometry", "Mesh", children=children)
    return gid, [int(u) for u in used]


def _material(scene: _Scene, name: str, rgba) -> I64:
    r, g, b, a = (float(x) for x in rgba)
    props = FbxNode("Properties70", children=[
        _p("DiffuseColor", "Color", "", "A", r, g, b),
        _p("DiffuseFactor", "Number", "", "A", 1.0),
        _p("TransparencyFactor", "Number", "", "A", 1.0 - a),
        _p("Opacity", "double", "Number", "", a),
        # A phong material carries its specular exponent (assimp's validator warns without one).
        _p("ShininessExponent", "Number", "", "A", 20.0),
    ])
    return scene.add("Material", name, "Material", "", children=[
        FbxNode("Version", [102]), FbxNode("ShadingModel", ["phong"]), FbxNode("MultiLayer", [0]), props])


def _blend_shapes(scene: _Scene, part, geometry: int, curves: ExportCurves, layer: int) -> None:
    head = part.head
    deformer = scene.add("Deformer", part.name, "Deformer", "BlendShape", children=[FbxNode("Version", [100])])
    scene.oo(deformer, geometry)
    for s in present_shapes(head):
        name = ch.ARKIT_NAMES[s]
        channel = scene.add("Deformer", name, "SubDeformer", "BlendShapeChannel", children=[
            FbxNode("Version", [100]),
            FbxNode("DeformPercent", [0.0]),
            FbxNode("FullWeights", [np.array([100.0])]),
            FbxNode("Properties70", children=[_p("DeformPercent", "Number", "", "A", 0.0)]),
        ])
        scene.oo(channel, deformer)
        deltas = head.shape_deltas[s].astype(np.float64).reshape(-1)
        shape = scene.add("Geometry", name, "Geometry", "Shape", children=[
            FbxNode("Version", [100]),
            FbxNode("Indexes", [head.shape_indices[s].astype(np.int32)]),
            FbxNode("Vertices", [deltas]),
            # Normal offsets: required by assimp (up to 5.4) and expected by the FBX SDK; zero
            # offsets leave the base normals, as Blender's exporter does.
            FbxNode("Normals", [np.zeros_like(deltas)]),
        ])
        scene.oo(shape, channel)
        node = scene.curve_node("DeformPercent", [("DeformPercent", 0.0)], layer, channel, "DeformPercent")
        scene.curve(curves.curves[s], 100.0, node, "d|DeformPercent")


def _rotation_curves(scene: _Scene, model: int, node_name: str, curves: ExportCurves, layer: int) -> None:
    node = scene.curve_node("R", [("X", 0.0), ("Y", 0.0), ("Z", 0.0)], layer, model, "Lcl Rotation")
    for axis, (c, degrees) in zip("XYZ", rotation_factors(node_name)):
        scene.curve(curves.curves[c], degrees, node, f"d|{axis}")


def _head_objects(scene: _Scene, curves: ExportCurves, head, layer: int) -> None:
    ids: dict[str, int] = {}
    materials: dict[int, int] = {}  # head part id -> Material object, shared by the meshes
    for part in split_head(head):
        has_mesh = len(part.head.faces) > 0
        model = _model(scene, part.name, "Mesh" if has_mesh else "Null", part.translation)
        ids[part.name] = model
        scene.oo(model, ids[part.parent] if part.parent else 0)
        if has_mesh:
            geometry, used = _mesh_geometry(scene, part)
            scene.oo(geometry, model)
            for u in used:
                if u not in materials:
                    materials[u] = _material(scene, head.part_names[u], head.colors[u])
                scene.oo(materials[u], model)
            if part.name == "Head":
                _blend_shapes(scene, part, geometry, curves, layer)
        else:
            attr = scene.add("NodeAttribute", part.name, "NodeAttribute", "Null",
                             children=[FbxNode("TypeFlags", ["Null"])])
            scene.oo(attr, model)
        _rotation_curves(scene, model, part.name, curves, layer)


def _curve_objects(scene: _Scene, curves: ExportCurves, layer: int) -> None:
    user = [_p(name, "Number", "", "A+U", float(curves.frame_values[0, c])) for c, name in enumerate(ch.NAMES)]
    model = _model(scene, "KeyframeFaceCurves", "Null", (0.0, 0.0, 0.0), user)
    scene.oo(model, 0)
    attr = scene.add("NodeAttribute", "KeyframeFaceCurves", "NodeAttribute", "Null",
                     children=[FbxNode("TypeFlags", ["Null"])])
    scene.oo(attr, model)
    for c, name in enumerate(ch.NAMES):
        node = scene.curve_node(name, [(name, float(curves.frame_values[0, c]))], layer, model, name)
        scene.curve(curves.curves[c], 1.0, node, f"d|{name}")


def _header(creator: str) -> list[FbxNode]:
    stamp = FbxNode("CreationTimeStamp", children=[FbxNode(n, [v]) for n, v in (
        ("Version", 1000), ("Year", 1970), ("Month", 1), ("Day", 1), ("Hour", 10), ("Minute", 0),
        ("Second", 0), ("Millisecond", 0))])
    ext = FbxNode("FBXHeaderExtension", children=[
        FbxNode("FBXHeaderVersion", [1003]), FbxNode("FBXVersion", [VERSION]), FbxNode("EncryptionType", [0]),
        stamp, FbxNode("Creator", [creator])])
    return [ext, FbxNode("FileId", [FILE_ID]), FbxNode("CreationTime", [CREATION_TIME]), FbxNode("Creator", [creator])]


def _global_settings(curves: ExportCurves) -> FbxNode:
    fps = curves.fps
    mode = _TIME_MODES.get(fps, 14)
    props = [
        _p("UpAxis", "int", "Integer", "", 1), _p("UpAxisSign", "int", "Integer", "", 1),
        _p("FrontAxis", "int", "Integer", "", 2), _p("FrontAxisSign", "int", "Integer", "", 1),
        _p("CoordAxis", "int", "Integer", "", 0), _p("CoordAxisSign", "int", "Integer", "", 1),
        _p("OriginalUpAxis", "int", "Integer", "", 1), _p("OriginalUpAxisSign", "int", "Integer", "", 1),
        _p("UnitScaleFactor", "double", "Number", "", 100.0),
        _p("OriginalUnitScaleFactor", "double", "Number", "", 100.0),
        _p("TimeMode", "enum", "", "", mode),
        _p("TimeProtocol", "enum", "", "", 2),
        _p("TimeSpanStart", "KTime", "Time", "", I64(_ktime(curves.start))),
        _p("TimeSpanStop", "KTime", "Time", "", I64(_ktime(curves.stop))),
        _p("CustomFrameRate", "double", "Number", "", float(fps)),
    ]
    return FbxNode("GlobalSettings", children=[FbxNode("Version", [1000]), FbxNode("Properties70", children=props)])


def _definitions(counts: dict[str, int]) -> FbxNode:
    kinds = {"GlobalSettings": 1, **counts}
    node = FbxNode("Definitions", children=[FbxNode("Version", [100]), FbxNode("Count", [sum(kinds.values())])])
    for kind, n in kinds.items():
        node.add("ObjectType", kind, children=[FbxNode("Count", [n])])
    return node


def build_scene(curves: ExportCurves, *, mode: str = "head", head=None, creator: str = "KeyframeFace Studio") -> list[FbxNode]:
    """The top-level FBX nodes of an export (see the module docstring for the two modes)."""
    scene = _Scene()
    start, stop = I64(_ktime(curves.start)), I64(_ktime(curves.stop))
    stack = scene.add("AnimationStack", "Take 001", "AnimStack", "", children=[FbxNode("Properties70", children=[
        _p("LocalStart", "KTime", "Time", "", start), _p("LocalStop", "KTime", "Time", "", stop),
        _p("ReferenceStart", "KTime", "Time", "", start), _p("ReferenceStop", "KTime", "Time", "", stop)])])
    layer = scene.add("AnimationLayer", "BaseLayer", "AnimLayer", "")
    scene.oo(layer, stack)
    if mode == "head":
        if head is None:
            raise ExportError("mode 'head' needs a head")
        _head_objects(scene, curves, head, layer)
    elif mode == "curves":
        _curve_objects(scene, curves, layer)
    else:
        raise ExportError(f"unknown FBX export mode {mode!r}; use 'head' or 'curves'")
    document = FbxNode("Documents", children=[FbxNode("Count", [1]), FbxNode("Document", [scene.new_id(), "", "Scene"], [
        FbxNode("Properties70", children=[_p("SourceObject", "object", "", ""),
                                          _p("ActiveAnimStackName", "KString", "", "", "Take 001")]),
        FbxNode("RootNode", [I64(0)])])])
    takes = FbxNode("Takes", children=[FbxNode("Current", ["Take 001"]), FbxNode("Take", ["Take 001"], [
        FbxNode("FileName", ["Take_001.tak"]), FbxNode("LocalTime", [start, stop]),
        FbxNode("ReferenceTime", [start, stop])])])
    return [*_header(creator), _global_settings(curves), document, FbxNode("References"),
            _definitions(scene.counts), scene.objects, scene.connections, takes]


def write_fbx(path, curves: ExportCurves, *, mode: str = "head", head=None) -> None:
    """Write an animation's prepared ``curves`` (:func:`kfstudio.io.export_curves.prepare_curves`) as a
    binary FBX file (atomically)."""
    atomic_write_bytes(Path(path), encode_fbx(build_scene(curves, mode=mode, head=head)))
