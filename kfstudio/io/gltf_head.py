"""glTF 2.0 heads: write a :class:`Head` as ``.glb`` with ARKit-named morph targets, and load user heads.

Writing (:func:`save_gltf_head`) produces one mesh with one triangle primitive: ``POSITION``,
``NORMAL``, ``COLOR_0`` (the part colour of each vertex), ``_PART`` (the part id as a float, an
application-specific attribute) and one morph target per blendshape the head has, stored as *sparse*
accessors (only the vertices a shape moves). Target names (ARKit camelCase) are in
``mesh.extras.targetNames``; part names, part colours and pivots in ``mesh.extras.kfstudio``.
The buffer building is in :class:`GlbBuilder` / :func:`add_head_mesh` so that other writers (the
animated glTF exporter) can reuse it.

Reading (:func:`load_gltf_head`) accepts ``.glb`` and ``.gltf`` (embedded data URIs or files next to
it), merges every triangle primitive reached from the default scene (node transforms applied), names
parts after materials (base colour = ``baseColorFactor``), and maps morph targets to channels by name
(any spelling :func:`kfstudio.channels.lookup` accepts, or a mapping file). The reader and writer
are the project's own small GLB/JSON code (numpy + the standard library).
"""

from __future__ import annotations

import base64
import json
import struct
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from kfstudio.channels import ARKIT_NAMES, NUM_BLENDSHAPES, UnknownChannelError, lookup
from kfstudio.io.atomic import atomic_write_bytes
from kfstudio.rig.head import Head, HeadFormatError

__all__ = [
    "GlbBuilder",
    "glb_bytes",
    "MissingShapesWarning",
    "add_head_mesh",
    "head_to_gltf",
    "save_gltf_head",
    "load_gltf_head",
    "load_mapping",
    "read_gltf",
]

_GLB_MAGIC = b"glTF"
_CHUNK_JSON = 0x4E4F534A
_CHUNK_BIN = 0x004E4942
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
_COMPONENTS: dict[int, type[Any]] = {5120: np.int8, 5121: np.uint8, 5122: np.int16, 5123: np.uint16, 5125: np.uint32, 5126: np.float32}
_CODE_OF = {np.dtype(v): k for k, v in _COMPONENTS.items()}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}


class MissingShapesWarning(UserWarning):
    """A loaded head lacks some ARKit blendshapes (they are listed in ``Head.missing``)."""


# ---- writing -------------------------------------------------------------------------------------------------


class GlbBuilder:
    """Collects binary data, buffer views and accessors for one glTF buffer."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self._size = 0
        self.buffer_views: list[dict] = []
        self.accessors: list[dict] = []

    def add_view(self, data: bytes, target: int | None = None) -> int:
        pad = (-self._size) % 4
        if pad:
            self._chunks.append(b"\x00" * pad)
            self._size += pad
        view = {"buffer": 0, "byteOffset": self._size, "byteLength": len(data)}
        if target is not None:
            view["target"] = target
        self._chunks.append(data)
        self._size += len(data)
        self.buffer_views.append(view)
        return len(self.buffer_views) - 1

    def add_accessor(self, array: np.ndarray, kind: str, target: int | None = None, min_max: bool = False) -> int:
        """Add a dense accessor for ``array`` (rows = elements) and return its index."""
        array = np.ascontiguousarray(array)
        view = self.add_view(array.tobytes(), target)
        acc = {"bufferView": view, "componentType": _CODE_OF[array.dtype], "count": int(len(array)), "type": kind}
        if min_max:
            flat = array.reshape(len(array), -1)
            acc["min"] = flat.min(axis=0).tolist()
            acc["max"] = flat.max(axis=0).tolist()
        self.accessors.append(acc)
        return len(self.accessors) - 1

    def add_sparse_vec3(self, count: int, indices: np.ndarray, values: np.ndarray) -> int:
        """Add a VEC3 float accessor of ``count`` zeros except ``values`` at ``indices`` (sorted)."""
        order = np.argsort(indices, kind="stable")
        idx = np.ascontiguousarray(indices[order], dtype=np.uint32)
        val = np.ascontiguousarray(values[order], dtype=np.float32)
        lo = np.minimum(val.min(axis=0), 0.0) if len(val) else np.zeros(3)
        hi = np.maximum(val.max(axis=0), 0.0) if len(val) else np.zeros(3)
        acc = {"componentType": 5126, "count": int(count), "type": "VEC3", "min": lo.tolist(), "max": hi.tolist()}
        if len(idx):
            acc["sparse"] = {
                "count": int(len(idx)),
                "indices": {"bufferView": self.add_view(idx.tobytes()), "componentType": 5125},
                "values": {"bufferView": self.add_view(val.tobytes())},
            }
        self.accessors.append(acc)
        return len(self.accessors) - 1

    def blob(self) -> bytes:
        data = b"".join(self._chunks)
        return data + b"\x00" * ((-len(data)) % 4)

    def gltf_json(self, **top) -> dict:
        """The glTF JSON with this builder's buffer, views and accessors plus the given top-level keys."""
        out: dict[str, Any] = {"asset": {"version": "2.0", "generator": "kfstudio"}}
        out.update(top)
        size = len(self.blob())
        if size:
            out["buffers"] = [{"byteLength": size}]
        if self.buffer_views:
            out["bufferViews"] = self.buffer_views
        if self.accessors:
            out["accessors"] = self.accessors
        return out


def _vertex_normals(head: Head) -> np.ndarray:
    from kfstudio.rig.evaluate import Rig

    return Rig(head).normals(head.vertices)


def add_head_mesh(builder: GlbBuilder, head: Head, material: int = 0) -> dict:
    """Build the glTF mesh object of ``head`` (buffers go into ``builder``); returns the mesh dict.

    The mesh's morph targets are the head's non-empty shapes, named in ``extras.targetNames``.
    """
    n = head.num_vertices
    attrs = {
        "POSITION": builder.add_accessor(head.vertices, "VEC3", ARRAY_BUFFER, min_max=True),
        "NORMAL": builder.add_accessor(_vertex_normals(head).astype(np.float32), "VEC3", ARRAY_BUFFER),
        "COLOR_0": builder.add_accessor(head.vertex_colors().astype(np.float32), "VEC4", ARRAY_BUFFER),
        "_PART": builder.add_accessor(head.part.astype(np.float32), "SCALAR", ARRAY_BUFFER),
    }
    indices = builder.add_accessor(head.faces.astype(np.uint32).reshape(-1), "SCALAR", ELEMENT_ARRAY_BUFFER)
    names, targets = [], []
    for i in range(NUM_BLENDSHAPES):
        if len(head.shape_indices[i]) == 0:
            continue
        names.append(ARKIT_NAMES[i])
        targets.append({"POSITION": builder.add_sparse_vec3(n, head.shape_indices[i], head.shape_deltas[i])})
    primitive: dict[str, Any] = {"attributes": attrs, "indices": indices, "material": material, "mode": 4}
    if targets:
        primitive["targets"] = targets
    extras = {
        "targetNames": names,
        "kfstudio": {
            "part_names": list(head.part_names),
            "part_colors": head.colors.tolist(),
            "neck_pivot": head.neck_pivot.tolist(),
            "jaw_pivot": head.jaw_pivot.tolist(),
            "eye_centers": head.eye_centers.tolist(),
        },
    }
    mesh: dict[str, Any] = {"name": head.name, "primitives": [primitive], "extras": extras}
    if targets:
        mesh["weights"] = [0.0] * len(targets)
    return mesh


def head_to_gltf(head: Head) -> tuple[dict, bytes]:
    """The glTF JSON and binary buffer of a static head."""
    b = GlbBuilder()
    mesh = add_head_mesh(b, head, material=0)
    material = {"name": "vertex_colors", "pbrMetallicRoughness": {"baseColorFactor": [1, 1, 1, 1],
                                                                  "metallicFactor": 0.0, "roughnessFactor": 0.7}}
    gltf = b.gltf_json(scene=0, scenes=[{"nodes": [0]}], nodes=[{"name": head.name, "mesh": 0}],
                       meshes=[mesh], materials=[material])
    return gltf, b.blob()


def glb_bytes(gltf: dict, blob: bytes) -> bytes:
    """A GLB container: 12-byte header, the JSON chunk (space-padded), the BIN chunk (zero-padded)."""
    js = json.dumps(gltf, separators=(",", ":")).encode("utf-8")
    js += b" " * ((-len(js)) % 4)
    blob = blob + b"\x00" * ((-len(blob)) % 4)
    total = 12 + 8 + len(js) + (8 + len(blob) if blob else 0)
    out = [_GLB_MAGIC, struct.pack("<II", 2, total), struct.pack("<II", len(js), _CHUNK_JSON), js]
    if blob:
        out += [struct.pack("<II", len(blob), _CHUNK_BIN), blob]
    return b"".join(out)


def write_glb(path, gltf: dict, blob: bytes) -> None:
    """Write a GLB container (see :func:`glb_bytes`) atomically."""
    atomic_write_bytes(path, glb_bytes(gltf, blob))


def save_gltf_head(head: Head, path) -> None:
    """Write ``head`` as a binary glTF (``.glb``) with ARKit-named morph targets."""
    gltf, blob = head_to_gltf(head)
    write_glb(path, gltf, blob)


# ---- reading -------------------------------------------------------------------------------------------------


def read_gltf(path) -> tuple[dict, list[bytes]]:
    """Parse a ``.glb`` or ``.gltf`` file into (JSON, list of buffer bytes); HeadFormatError if it is not one."""
    path = Path(path)
    data = path.read_bytes()
    if data[:4] == _GLB_MAGIC:
        gltf, bin_chunk = _parse_glb(path, data)
    else:
        try:
            gltf = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise HeadFormatError(path, f"not a glTF file (neither GLB nor glTF JSON: {str(exc)[:120]})") from None
        bin_chunk = None
    if not isinstance(gltf, dict) or not isinstance(gltf.get("asset"), dict):
        raise HeadFormatError(path, "not a glTF file (no 'asset' object)")
    version = str(gltf["asset"].get("version", ""))
    if not version.startswith("2."):
        raise HeadFormatError(path, f"unsupported glTF version {version!r} (need 2.x)")
    buffers = []
    for i, buf in enumerate(gltf.get("buffers", [])):
        uri = buf.get("uri")
        if uri is None:
            if bin_chunk is None:
                raise HeadFormatError(path, f"buffers[{i}] has no uri and the file has no BIN chunk")
            buffers.append(bin_chunk)
        elif uri.startswith("data:"):
            try:
                buffers.append(base64.b64decode(uri.split(",", 1)[1]))
            except (IndexError, ValueError) as exc:
                raise HeadFormatError(path, f"buffers[{i}]: bad data URI ({exc})") from None
        else:
            external = path.parent / uri
            if not external.is_file():
                raise HeadFormatError(path, f"buffers[{i}]: file {uri!r} not found next to it")
            buffers.append(external.read_bytes())
    return gltf, buffers


def _parse_glb(path: Path, data: bytes) -> tuple[dict, bytes | None]:
    if len(data) < 20:
        raise HeadFormatError(path, "truncated GLB header")
    version, total = struct.unpack_from("<II", data, 4)
    if version != 2:
        raise HeadFormatError(path, f"GLB version {version} (need 2)")
    if total > len(data):
        raise HeadFormatError(path, f"truncated GLB ({len(data)} bytes, header says {total})")
    pos, gltf, bin_chunk = 12, None, None
    while pos + 8 <= total:
        length, kind = struct.unpack_from("<II", data, pos)
        chunk = data[pos + 8 : pos + 8 + length]
        if len(chunk) != length:
            raise HeadFormatError(path, "truncated GLB chunk")
        if kind == _CHUNK_JSON and gltf is None:
            try:
                gltf = json.loads(chunk.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
                raise HeadFormatError(path, f"GLB JSON chunk is not valid JSON ({str(exc)[:120]})") from None
        elif kind == _CHUNK_BIN and bin_chunk is None:
            bin_chunk = chunk
        pos += 8 + length
    if gltf is None:
        raise HeadFormatError(path, "GLB without a JSON chunk")
    return gltf, bin_chunk


class _Accessors:
    """Reads accessors (dense, strided, normalised, sparse) as float or int numpy arrays."""

    def __init__(self, path, gltf, buffers):
        self.path, self.gltf, self.buffers = path, gltf, buffers

    def _fail(self, where, problem):
        raise HeadFormatError(self.path, f"{where}: {problem}")

    def _view_bytes(self, view_index, where):
        views = self.gltf.get("bufferViews", [])
        if not (0 <= view_index < len(views)):
            self._fail(where, f"bufferView {view_index} does not exist")
        v = views[view_index]
        b = v.get("buffer", 0)
        if not (0 <= b < len(self.buffers)):
            self._fail(where, f"buffer {b} does not exist")
        start = v.get("byteOffset", 0)
        end = start + v.get("byteLength", 0)
        if end > len(self.buffers[b]):
            self._fail(where, "bufferView reaches past the end of its buffer")
        return self.buffers[b][start:end], v.get("byteStride")

    def _read_raw(self, view, offset, ctype, count, width, where, stride=None):
        dt = np.dtype(_COMPONENTS.get(ctype, np.float32)).newbyteorder("<")
        if ctype not in _COMPONENTS:
            self._fail(where, f"unknown componentType {ctype}")
        data, view_stride = self._view_bytes(view, where)
        elem = dt.itemsize * width
        stride = stride or view_stride or elem
        need = offset + stride * (count - 1) + elem if count else 0
        if need > len(data):
            self._fail(where, "accessor reaches past the end of its bufferView")
        if stride == elem:
            return np.frombuffer(data, dtype=dt, count=count * width, offset=offset).reshape(count, width)
        raw = np.lib.stride_tricks.as_strided(
            np.frombuffer(data, dtype=np.uint8, offset=offset), shape=(count, elem), strides=(stride, 1))
        return np.frombuffer(raw.copy().tobytes(), dtype=dt).reshape(count, width)

    def read(self, index, where) -> np.ndarray:
        accs = self.gltf.get("accessors", [])
        if not isinstance(index, int) or not (0 <= index < len(accs)):
            self._fail(where, f"accessor {index!r} does not exist")
        a = accs[index]
        where = f"{where} (accessors[{index}])"
        width = _WIDTH.get(a.get("type"))
        if width is None:
            self._fail(where, f"unknown accessor type {a.get('type')!r}")
        count, ctype = int(a.get("count", 0)), a.get("componentType")
        if "bufferView" in a:
            out = self._read_raw(a["bufferView"], a.get("byteOffset", 0), ctype, count, width, where).astype(np.float64)
        else:
            out = np.zeros((count, width))
        if a.get("normalized"):
            info = np.iinfo(_COMPONENTS[ctype])
            out = np.maximum(out / info.max, -1.0)
        sparse = a.get("sparse")
        if sparse:
            n = int(sparse["count"])
            si, sv = sparse["indices"], sparse["values"]
            idx = self._read_raw(si["bufferView"], si.get("byteOffset", 0), si["componentType"], n, 1, where)[:, 0]
            val = self._read_raw(sv["bufferView"], sv.get("byteOffset", 0), ctype, n, width, where).astype(np.float64)
            if a.get("normalized"):
                val = np.maximum(val / np.iinfo(_COMPONENTS[ctype]).max, -1.0)
            if n and idx.max() >= count:
                self._fail(where, "sparse index out of range")
            out[idx.astype(np.int64)] = val
        return out


def _node_matrix(node: dict) -> np.ndarray:
    if "matrix" in node:
        return np.array(node["matrix"], dtype=np.float64).reshape(4, 4).T
    m = np.eye(4)
    x, y, z, w = node.get("rotation", [0, 0, 0, 1])
    r = np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])
    m[:3, :3] = r * np.array(node.get("scale", [1, 1, 1]))[None, :]
    m[:3, 3] = node.get("translation", [0, 0, 0])
    return m


def _mesh_instances(gltf: dict) -> list[tuple[int, np.ndarray]]:
    """(mesh index, world matrix) for every mesh reached from the default scene (or all meshes)."""
    nodes = gltf.get("nodes", [])
    scenes = gltf.get("scenes", [])
    if not scenes:
        return [(i, np.eye(4)) for i in range(len(gltf.get("meshes", [])))]
    roots = scenes[gltf.get("scene", 0) if gltf.get("scene", 0) < len(scenes) else 0].get("nodes", [])
    out, stack = [], [(r, np.eye(4)) for r in roots]
    seen = set()
    while stack:
        i, parent = stack.pop()
        if not (0 <= i < len(nodes)) or i in seen:
            continue
        seen.add(i)
        world = parent @ _node_matrix(nodes[i])
        if "mesh" in nodes[i]:
            out.append((nodes[i]["mesh"], world))
        stack.extend((c, world) for c in nodes[i].get("children", []))
    return out


def load_mapping(path) -> dict[str, str]:
    """Read a JSON mapping file ``{"their target name": "ARKit channel name", ...}``."""
    path = Path(path)
    try:
        mapping = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HeadFormatError(path, f"mapping file is not valid JSON ({exc})") from None
    if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise HeadFormatError(path, "mapping file must be a JSON object of name -> channel name strings")
    for their, ours in mapping.items():
        try:
            if lookup(ours).index >= NUM_BLENDSHAPES:
                raise HeadFormatError(path, f"mapping {their!r} -> {ours!r}: not a blendshape channel")
        except UnknownChannelError as exc:
            raise HeadFormatError(path, f"mapping {their!r}: {exc}") from None
    return mapping


def _channel_of(name: str, mapping: dict[str, str]) -> int | None:
    target = mapping.get(name, name)
    try:
        index = lookup(target).index
    except UnknownChannelError:
        return None
    return index if index < NUM_BLENDSHAPES else None


def load_gltf_head(path, mapping: dict[str, str] | str | Path | None = None) -> Head:
    """Load a glTF/GLB head whose morph targets carry ARKit names (or names listed in ``mapping``).

    ``mapping`` is a dict or the path of a JSON mapping file. Channels without a target are listed in
    ``Head.missing`` and reported with a :class:`MissingShapesWarning`. Raises :class:`HeadFormatError`
    for a file that is not a usable head.
    """
    path = Path(path)
    if isinstance(mapping, (str, Path)):
        mapping = load_mapping(mapping)
    mapping = dict(mapping or {})
    try:
        gltf, buffers = read_gltf(path)
        return _load_head(path, gltf, buffers, mapping)
    except HeadFormatError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, OverflowError, AttributeError, struct.error, MemoryError) as exc:
        # The checks above name the common problems; any other inconsistency of the glTF's JSON
        # (a wrong type, a dangling index) still ends as a clear error, never a traceback.
        raise HeadFormatError(path, f"malformed glTF ({type(exc).__name__}: {str(exc)[:120]})") from None


def _load_head(path: Path, gltf: dict, buffers: list[bytes], mapping: dict[str, str]) -> Head:
    acc = _Accessors(path, gltf, buffers)
    meshes = gltf.get("meshes", [])
    instances = _mesh_instances(gltf)
    if not meshes or not instances:
        raise HeadFormatError(path, "contains no mesh")

    shape_rows: dict[int, tuple[list[np.ndarray], list[np.ndarray]]]
    verts, faces, parts, shape_rows = [], [], [], {i: ([], []) for i in range(NUM_BLENDSHAPES)}
    colors: list[np.ndarray | None] = []  # per primitive: its COLOR_0 (RGBA), or None
    part_names: list[str] = []
    part_colors: list[list[float]] = []
    kf_extras = None
    offset = 0
    for mesh_index, world in instances:
        if not (0 <= mesh_index < len(meshes)):
            raise HeadFormatError(path, f"a node refers to mesh {mesh_index}, which does not exist")
        mesh = meshes[mesh_index]
        names = (mesh.get("extras") or {}).get("targetNames") or []
        kf = (mesh.get("extras") or {}).get("kfstudio")
        for p_index, prim in enumerate(mesh.get("primitives", [])):
            where = f"meshes[{mesh_index}].primitives[{p_index}]"
            if prim.get("mode", 4) != 4 or "POSITION" not in prim.get("attributes", {}):
                continue
            pos = acc.read(prim["attributes"]["POSITION"], where + ".POSITION")
            n = len(pos)
            linear = world[:3, :3]
            verts.append(pos @ linear.T + world[:3, 3])
            if "indices" in prim:
                idx = acc.read(prim["indices"], where + ".indices")[:, 0].astype(np.int64)
            else:
                idx = np.arange(n)
            if len(idx) % 3 or (len(idx) and (idx.min() < 0 or idx.max() >= n)):
                raise HeadFormatError(path, f"{where}: bad triangle indices")
            tri = idx.reshape(-1, 3)
            if np.linalg.det(linear) < 0:
                tri = tri[:, ::-1]
            faces.append(tri + offset)
            part_ids = _primitive_parts(gltf, prim, acc, where, n, kf, part_names, part_colors)
            parts.append(part_ids)
            colors.append(_primitive_colors(acc, prim, where, n))
            if kf is not None:
                kf_extras = kf
            for t_index, target in enumerate(prim.get("targets", [])):
                if "POSITION" not in target:
                    continue
                tname = names[t_index] if t_index < len(names) else f"target_{t_index}"
                ch = _channel_of(tname, mapping)
                if ch is None:
                    continue
                d = acc.read(target["POSITION"], f"{where}.targets[{t_index}]") @ linear.T
                moved = np.flatnonzero(np.abs(d).max(axis=1) > 0)
                shape_rows[ch][0].append(moved + offset)
                shape_rows[ch][1].append(d[moved])
            offset += n
    if not verts or not faces or sum(len(f) for f in faces) == 0:
        raise HeadFormatError(path, "contains no triangle mesh")
    head = _assemble(path, verts, faces, parts, part_names, part_colors, shape_rows, kf_extras)
    if any(c is not None for c in colors):  # painted vertices: keep them (part colours where a primitive has none)
        head.vertex_rgba = np.concatenate([
            c if c is not None else head.colors[p] for c, p in zip(colors, parts)
        ]).astype(np.float32)
    return head


def _primitive_colors(acc, prim, where, n) -> np.ndarray | None:
    """A primitive's ``COLOR_0`` as (n, 4) RGBA in [0, 1], or None when it has none."""
    if "COLOR_0" not in prim["attributes"]:
        return None
    c = np.asarray(acc.read(prim["attributes"]["COLOR_0"], where + ".COLOR_0"), dtype=np.float32)
    if c.ndim != 2 or len(c) != n or c.shape[1] not in (3, 4):
        raise HeadFormatError(acc.path, f"{where}.COLOR_0: expected {n} RGB or RGBA colours")
    if c.shape[1] == 3:
        c = np.concatenate([c, np.ones((n, 1), np.float32)], axis=1)
    return np.clip(np.nan_to_num(c, nan=1.0), 0.0, 1.0)


def _primitive_parts(gltf, prim, acc, where, n, kf, part_names, part_colors) -> np.ndarray:
    """Part id per vertex of a primitive, registering new part names/colours as needed."""
    if kf is not None and "_PART" in prim["attributes"]:
        local = acc.read(prim["attributes"]["_PART"], where + "._PART")[:, 0].astype(np.int64)
        ids = []
        for name, color in zip(kf["part_names"], kf["part_colors"]):
            if name not in part_names:
                part_names.append(name)
                part_colors.append(list(color))
            ids.append(part_names.index(name))
        if local.size and (local.min() < 0 or local.max() >= len(ids)):
            raise HeadFormatError(acc.path, f"{where}._PART: part id out of range")
        return np.asarray(ids)[local]
    materials = gltf.get("materials", [])
    m = prim.get("material")
    if m is not None and 0 <= m < len(materials):
        mat = materials[m]
        name = mat.get("name") or f"material_{m}"
        color = (mat.get("pbrMetallicRoughness") or {}).get("baseColorFactor", [0.8, 0.8, 0.8, 1.0])
    else:
        name, color = "default", [0.8, 0.8, 0.8, 1.0]
    if name not in part_names:
        part_names.append(name)
        part_colors.append(list(color))
    return np.full(n, part_names.index(name))


def _assemble(path, verts, faces, parts, part_names, part_colors, shape_rows, kf) -> Head:
    v = np.concatenate(verts)
    part = np.concatenate(parts)
    if len(part_names) > 255:
        raise HeadFormatError(path, f"too many materials/parts ({len(part_names)}, at most 255)")
    indices, deltas, missing = [], [], []
    for i in range(NUM_BLENDSHAPES):
        rows, vals = shape_rows[i]
        if rows:
            idx = np.concatenate(rows)
            d = np.concatenate(vals)
            indices.append(idx)
            deltas.append(d)
        else:
            indices.append(np.zeros(0, np.int32))
            deltas.append(np.zeros((0, 3), np.float32))
            missing.append(ARKIT_NAMES[i])
    if len(missing) == NUM_BLENDSHAPES:
        raise HeadFormatError(path, "has no morph targets with ARKit blendshape names (give a mapping file?)")
    eye_vertices, eye_centers = _find_eyes(v, part, part_names)
    lo, hi = v.min(axis=0), v.max(axis=0)
    size = hi - lo
    centre = 0.5 * (lo + hi)
    neck = np.array([centre[0], lo[1] + 0.3 * size[1], centre[2] - 0.1 * size[2]])
    jaw = np.array([centre[0], lo[1] + 0.45 * size[1], centre[2]])
    if kf:
        neck = np.asarray(kf.get("neck_pivot", neck))
        jaw = np.asarray(kf.get("jaw_pivot", jaw))
        eye_centers = np.asarray(kf.get("eye_centers", eye_centers))
    if missing:
        warnings.warn(MissingShapesWarning(f"{path}: head lacks {len(missing)} ARKit shapes: {', '.join(missing)}"),
                      stacklevel=3)
    return Head(
        name=Path(path).stem,
        vertices=v,
        faces=np.concatenate(faces),
        part=part,
        part_names=tuple(part_names),
        colors=np.asarray(part_colors, dtype=np.float32).reshape(-1, 4) if part_colors else np.zeros((0, 4)),
        shape_indices=indices,
        shape_deltas=deltas,
        neck_pivot=neck,
        eye_centers=eye_centers,
        eye_vertices=eye_vertices,
        jaw_pivot=jaw,
        missing=missing,
    )


_EYE_WORDS = ("eye", "iris", "pupil", "cornea", "sclera")


def _find_eyes(v, part, part_names) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Eyeball vertices (parts named like eyes, split by side) and their centres."""
    eye_parts = [i for i, n in enumerate(part_names)
                 if any(w in n.lower() for w in _EYE_WORDS) and "lash" not in n.lower() and "lid" not in n.lower()
                 and "brow" not in n.lower()]
    is_eye = np.isin(part, eye_parts)
    left = np.flatnonzero(is_eye & (v[:, 0] > 0)).astype(np.int32)
    right = np.flatnonzero(is_eye & (v[:, 0] <= 0)).astype(np.int32)
    centers = []
    for idx, sx in ((left, 1.0), (right, -1.0)):
        if len(idx):
            lo, hi = v[idx].min(axis=0), v[idx].max(axis=0)
            c = 0.5 * (lo + hi)
            c[2] = hi[2] - 0.5 * (hi[0] - lo[0])  # centre of a sphere as deep as it is wide
            centers.append(c)
        else:
            lo, hi = v.min(axis=0), v.max(axis=0)
            centers.append([sx * 0.2 * (hi[0] - lo[0]), lo[1] + 0.6 * (hi[1] - lo[1]), hi[2] - 0.15 * (hi[2] - lo[2])])
    return (left, right), np.asarray(centers, dtype=np.float64)
