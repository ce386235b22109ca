"""``kfstudio check``: what a strict reader will see in a file users bring or send.

:func:`check_file` reads an FBX (binary), a glTF/GLB, a Live Link Face CSV or a ``.kfs`` project and
returns :class:`Finding` s — ``error`` (a strict reader such as the Autodesk FBX SDK, assimp or
Unreal's importer fails or loses data), ``warning`` (read, but probably not as meant) or ``info``
(what is in the file: shapes, key counts, frame range and rate, animated channels).
:func:`strict_failure` says whether any finding is an error. Unreadable input (no such file, an
unknown kind of file, bytes that are not the format at all) raises :class:`CheckError`.

The FBX part has its own record reader, independent of :mod:`kfstudio.io.fbx`: it keeps, for every
record, whether a null record closed its nested list, which the FBX SDK requires of every object
and of ``AnimationStack`` / ``AnimationLayer`` records even when they have no children.
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import channels as ch
from .fbx import FOOTER_MAGIC, FbxFormatError, FbxNode, read_nodes

__all__ = ["Finding", "CheckError", "check_file", "strict_failure", "SEVERITIES"]

SEVERITIES = ("error", "warning", "info")
KTIME_PER_SECOND = 46186158000
_FBX_MAGIC = b"Kaydara FBX Binary  \x00"
#: FbxTime::EMode → frames per second (0 default and 14 custom read CustomFrameRate).
_TIME_MODE_FPS = {1: 120.0, 2: 100.0, 3: 60.0, 4: 50.0, 5: 48.0, 6: 30.0, 7: 30.0, 8: 29.97, 9: 29.97, 10: 25.0,
                  11: 24.0, 12: 1000.0, 13: 23.976, 15: 96.0, 16: 72.0, 17: 59.94, 18: 119.88}
_SCOPE_NAMES = {"AnimationStack", "AnimationLayer"}
_LIST_LIMIT = 6


@dataclass(frozen=True)
class Finding:
    """One thing :func:`check_file` found: ``severity`` is 'error', 'warning' or 'info'; ``where``
    names the place (a record path, a line, a JSON pointer), or is empty for the whole file."""

    severity: str
    message: str
    where: str = ""

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {self.severity!r}")

    def __str__(self) -> str:
        return f"{self.severity}: {self.where + ': ' if self.where else ''}{self.message}"


class CheckError(ValueError):
    """A file that cannot be checked at all (missing, unknown kind, not the format it claims)."""


def strict_failure(findings: list[Finding]) -> bool:
    """True when a strict reader would fail on (or lose data from) the checked file."""
    return any(f.severity == "error" for f in findings)


def _names(items, limit: int = _LIST_LIMIT) -> str:
    items = list(items)
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _arkit_channel(name: str) -> int | None:
    """The channel index of a shape or property name in any common spelling (``_L``/``_R``,
    case, namespaces such as ``Face.eyeBlinkLeft`` or ``BlendShape.jawOpen``)."""
    for candidate in (name, name.rsplit(".", 1)[-1], name.rsplit(":", 1)[-1], name.rsplit("|", 1)[-1]):
        try:
            return ch.lookup(candidate).index
        except (KeyError, ValueError, AttributeError):
            continue
    return None


def check_file(path) -> list[Finding]:
    """Check one file; its kind comes from its content (FBX, GLB, glTF JSON) or its suffix
    (``.csv``, ``.kfs``). Raises :class:`CheckError` for a file that cannot be checked."""
    path = Path(path)
    if not path.exists():
        raise CheckError(f"{path}: no such file")
    if path.is_dir():
        raise CheckError(f"{path}: is a folder, not a file")
    try:
        with path.open("rb") as f:
            head = f.read(32)
    except OSError as e:
        raise CheckError(f"{path}: cannot read: {e.strerror or e}") from None
    suffix = path.suffix.lower()
    if head.startswith(_FBX_MAGIC):
        return _FbxCheck(path).run()
    if head.startswith(b"; FBX") or (suffix == ".fbx" and head.lstrip().startswith(b";")):
        raise CheckError(f"{path}: an ASCII FBX file; only binary FBX is checked (export binary FBX)")
    if head.startswith(b"glTF"):
        return _GltfCheck(path).run_glb()
    if suffix == ".gltf":
        return _GltfCheck(path).run_json()
    if suffix == ".csv":
        return _check_csv(path)
    if suffix == ".kfs":
        return _check_kfs(path)
    if suffix in (".fbx", ".glb"):
        raise CheckError(f"{path}: not a binary {suffix[1:].upper()} file (its first bytes are {head[:16]!r})")
    raise CheckError(f"{path}: unknown kind of file {suffix or '(no suffix)'!r}; "
                     "kfstudio check reads .fbx, .glb, .gltf, .csv (Live Link Face) and .kfs")


# ============================================================================ FBX


class _FbxCheck:
    def __init__(self, path: Path):
        self.path = path
        self.findings: list[Finding] = []
        self.data = path.read_bytes()

    def add(self, severity: str, message: str, where: str = "") -> None:
        self.findings.append(Finding(severity, message, where))

    # -- checks ----------------------------------------------------------------------------------
    def run(self) -> list[Finding]:
        data = self.data
        if len(data) < 27:
            self.add("error", "the file ends inside the FBX header")
            return self.findings
        (version,) = struct.unpack_from("<I", data, 23)
        self.add("info", f"binary FBX version {version}")
        try:
            _, roots = read_nodes(data)
        except FbxFormatError as e:
            self.add("error", f"unreadable records: {e}; strict readers reject the file")
            return self.findings
        except (struct.error, ValueError, IndexError):
            self.add("error", "the file ends inside a record; strict readers reject the file")
            return self.findings
        except RecursionError:
            self.add("error", "records nested too deeply; strict readers reject the file")
            return self.findings
        if not data.endswith(FOOTER_MAGIC):
            self.add("warning", "the FBX footer is missing or damaged (truncated file?)")
        self._scopes(roots)
        top = {r.name: r for r in roots}
        for need in ("GlobalSettings", "Objects", "Connections"):
            if need not in top:
                self.add("error", f"no top-level {need} record")
        if "Objects" not in top or "Connections" not in top:
            return self.findings
        try:
            fps = self._settings(top.get("GlobalSettings"))
            self._scene(top["Objects"], top["Connections"], fps)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError) as e:
            self.add("error", f"records of an unexpected form ({type(e).__name__}: {e}); strict readers may reject the file")
        return self.findings

    def _scopes(self, roots: list[FbxNode]) -> None:
        """Records whose nested list a strict reader needs closed by a null record."""
        bad: list[tuple[str, str]] = []

        def walk(rec: FbxNode, path: str, is_object: bool) -> None:
            here = f"{path} > {rec.name}" if path else rec.name
            if (rec.children or is_object or rec.name in _SCOPE_NAMES) and not rec.closed:
                label = rec.name
                if len(rec.props) >= 2 and isinstance(rec.props[1], str):
                    label += f" {rec.props[1].split(chr(0))[0]!r}"
                bad.append((here, label))
            for c in rec.children:
                walk(c, here, rec.name == "Objects")

        for r in roots:
            walk(r, "", False)
        kinds: dict[str, list[str]] = {}
        for here, label in bad:
            kinds.setdefault(here, []).append(label)
        for here, labels in kinds.items():
            self.add("error", f"{len(labels)} record(s) not closed by the 13-byte null record that ends a nested "
                     f"list ({_names(labels)}); the FBX SDK sees no animation and assimp reports "
                     "'expected compound scope'", here)

    def _settings(self, settings: FbxNode | None) -> float | None:
        if settings is None:
            return None
        props = {p.props[0]: p.props[4:] for p in (settings.find("Properties70") or FbxNode("", [])).find_all("P")
                 if p.props and isinstance(p.props[0], str)}
        mode = int(props.get("TimeMode", [0])[0]) if props.get("TimeMode") else 0
        custom = float(props["CustomFrameRate"][0]) if props.get("CustomFrameRate") else None
        fps = _TIME_MODE_FPS.get(mode)
        if fps is None:
            fps = custom if custom and custom > 0 else None
            if fps is None:
                self.add("warning", f"TimeMode {mode} without a positive CustomFrameRate: readers assume 30 fps",
                         "GlobalSettings")
        elif custom and abs(custom - fps) > 1e-3:
            self.add("warning", f"TimeMode {mode} means {fps:g} fps but CustomFrameRate is {custom:g}", "GlobalSettings")
        if fps:
            self.add("info", f"frame rate {fps:g} fps (TimeMode {mode})", "GlobalSettings")
        if props.get("UnitScaleFactor"):
            self.add("info", f"unit: {float(props['UnitScaleFactor'][0]):g} cm, up axis "
                     f"{'XYZ'[int(props.get('UpAxis', [1])[0]) % 3]}", "GlobalSettings")
        return fps

    def _scene(self, objects: FbxNode, connections: FbxNode, fps: float | None) -> None:
        objs: dict[int, FbxNode] = {}
        for o in objects.children:
            if o.props and isinstance(o.props[0], int):
                objs[int(o.props[0])] = o
        parents: dict[int, list[tuple[int, str | None]]] = {}
        children: dict[int, list[tuple[int, str | None]]] = {}
        dangling = []
        for c in connections.find_all("C"):
            if len(c.props) < 3 or not isinstance(c.props[1], int) or not isinstance(c.props[2], int):
                continue
            src, dst = int(c.props[1]), int(c.props[2])
            prop = c.props[3] if len(c.props) > 3 and isinstance(c.props[3], str) else None
            if src not in objs or (dst != 0 and dst not in objs):
                dangling.append(f"{src} -> {dst}")
                continue
            parents.setdefault(src, []).append((dst, prop))
            children.setdefault(dst, []).append((src, prop))
        if dangling:
            self.add("error", f"{len(dangling)} connection(s) name objects that do not exist: {_names(dangling)}",
                     "Connections")

        def name_of(o: FbxNode) -> str:
            return o.props[1].split("\x00")[0] if len(o.props) > 1 and isinstance(o.props[1], str) else "?"

        def sub(o: FbxNode) -> str:
            return o.props[2] if len(o.props) > 2 and isinstance(o.props[2], str) else ""

        by_kind: dict[str, list[int]] = {}
        for oid, o in objs.items():
            by_kind.setdefault(o.name, []).append(oid)

        # Animation stacks and layers.
        stacks = by_kind.get("AnimationStack", [])
        spans = []
        layers = by_kind.get("AnimationLayer", [])
        if not stacks:
            self.add("info", "no animation (no AnimationStack)")
        for s in stacks:
            props = {p.props[0]: p.props[4:] for p in (objs[s].find("Properties70") or FbxNode("", [])).find_all("P")}
            start = props.get("LocalStart", [0])[0] if props.get("LocalStart") else 0
            stop = props.get("LocalStop", [0])[0] if props.get("LocalStop") else 0
            msg = f"take {name_of(objs[s])!r}: {start / KTIME_PER_SECOND:g} s to {stop / KTIME_PER_SECOND:g} s"
            if fps:
                msg += f" (frames {start / KTIME_PER_SECOND * fps:g} to {stop / KTIME_PER_SECOND * fps:g} at {fps:g} fps)"
            self.add("info", msg, "AnimationStack")
            spans.append((start, stop))
            if not any(objs[c].name == "AnimationLayer" for c, _ in children.get(s, [])):
                self.add("error", f"take {name_of(objs[s])!r} has no AnimationLayer: readers see no keys", "AnimationStack")
        for layer in layers:
            if not any(objs[p].name == "AnimationStack" for p, _ in parents.get(layer, []) if p in objs):
                self.add("warning", f"AnimationLayer {name_of(objs[layer])!r} belongs to no AnimationStack", "AnimationLayer")

        # Curves.
        curve_ids = by_kind.get("AnimationCurve", [])
        key_counts = []
        bad_curves = []
        for cid in curve_ids:
            problem, n = self._curve(objs[cid])
            key_counts.append(n)
            if problem:
                bad_curves.append(f"{cid}: {problem}")
            if not any(objs[p].name == "AnimationCurveNode" for p, _ in parents.get(cid, []) if p in objs):
                bad_curves.append(f"{cid}: connected to no AnimationCurveNode")
        if bad_curves:
            self.add("error", f"{len(bad_curves)} broken AnimationCurve(s): {_names(bad_curves, 4)}", "Objects > AnimationCurve")
        if key_counts:
            self.add("info", f"{len(key_counts)} animation curves, {min(key_counts)} to {max(key_counts)} keys each",
                     "Objects > AnimationCurve")
        key_times = [r.props[0] for cid in curve_ids for r in objs[cid].find_all("KeyTime")
                     if r.props and isinstance(r.props[0], np.ndarray) and len(r.props[0])]
        if key_times and len(spans) == 1 and spans[0][1] > spans[0][0]:
            first, last = min(int(t[0]) for t in key_times), max(int(t[-1]) for t in key_times)
            tolerance = KTIME_PER_SECOND / (fps or 30.0)
            if first < spans[0][0] - tolerance or last > spans[0][1] + tolerance:
                self.add("warning", f"keys run from {first / KTIME_PER_SECOND:g} s to {last / KTIME_PER_SECOND:g} s, "
                         "outside the take's span: readers that play the take cut them", "AnimationStack")

        # Animated targets: what each curve node drives.
        animated: dict[str, list[str]] = {"blend shapes": [], "rotations": [], "translations": [], "scales": [], "properties": []}
        node_props: dict[str, list[str]] = {}
        for nid in by_kind.get("AnimationCurveNode", []):
            curves = [c for c, _ in children.get(nid, []) if c in objs and objs[c].name == "AnimationCurve"]
            if not curves:
                continue
            if not any(objs[p].name == "AnimationLayer" for p, _ in parents.get(nid, []) if p in objs):
                self.add("warning", f"AnimationCurveNode {name_of(objs[nid])!r} is in no AnimationLayer: not played",
                         "Objects > AnimationCurveNode")
            for target, prop in parents.get(nid, []):
                if target not in objs or prop is None:
                    continue
                t = objs[target]
                if sub(t) == "BlendShapeChannel" or prop == "DeformPercent":
                    animated["blend shapes"].append(name_of(t))
                elif prop == "Lcl Rotation":
                    animated["rotations"].append(name_of(t))
                elif prop == "Lcl Translation":
                    animated["translations"].append(name_of(t))
                elif prop == "Lcl Scaling":
                    animated["scales"].append(name_of(t))
                else:
                    animated["properties"].append(prop)
                    node_props.setdefault(name_of(t), []).append(prop)
        summary = [f"{len(v)} {k}" for k, v in animated.items() if v]
        if summary:
            self.add("info", "animated: " + ", ".join(summary))
        if animated["rotations"]:
            self.add("info", "rotation curves on " + _names(sorted(set(animated["rotations"]))))
        for node, prop_names in node_props.items():
            arkit_props = [p for p in prop_names if _arkit_channel(p) is not None]
            self.add("info", f"node {node!r}: {len(prop_names)} animated custom properties, {len(arkit_props)} of them "
                     "Live Link Face / ARKit channels")
            if any(re.search("[XYZ]", p) for p in prop_names):
                self.add("info", "three.js FBXLoader does not read animated custom properties (it stops on "
                         "property names containing X, Y or Z); the FBX SDK, ufbx and Blender do", f"node {node!r}")

        # Blend shapes.
        channels = [oid for oid in by_kind.get("Deformer", []) if sub(objs[oid]) == "BlendShapeChannel"]
        if channels:
            names = [name_of(objs[c]) for c in channels]
            mapped = {n: _arkit_channel(n) for n in names}
            arkit = {i for i in mapped.values() if i is not None and i < 52}
            self.add("info", f"{len(channels)} blend shape channels; {len(arkit)} of the 52 ARKit shapes")
            unmapped = [n for n, i in mapped.items() if i is None]
            if unmapped:
                self.add("warning", f"{len(unmapped)} blend shape names are not ARKit names: {_names(unmapped)}")
            not_animated = sorted(set(names) - set(animated["blend shapes"]))
            if stacks and not_animated:
                self.add("info", f"{len(not_animated)} blend shape channels without animation: {_names(not_animated)}")
            for channel in channels:
                shapes = [s for s, _ in children.get(channel, []) if s in objs and sub(objs[s]) == "Shape"]
                if not shapes:
                    self.add("error", f"blend shape channel {name_of(objs[channel])!r} has no Shape geometry", "Deformer")
        missing_normals, bad_shapes = [], []
        for gid in by_kind.get("Geometry", []):
            g = objs[gid]
            if sub(g) != "Shape":
                continue
            idx, verts, normals = g.find("Indexes"), g.find("Vertices"), g.find("Normals")
            if normals is None:
                missing_normals.append(name_of(g))
            n_idx = len(idx.props[0]) if idx is not None and idx.props and isinstance(idx.props[0], np.ndarray) else None
            for arr in (verts, normals):
                if arr is not None and n_idx is not None and arr.props and isinstance(arr.props[0], np.ndarray) \
                        and len(arr.props[0]) != 3 * n_idx:
                    bad_shapes.append(f"{name_of(g)} ({arr.name}: {len(arr.props[0])} values for {n_idx} indices)")
            if idx is None or verts is None:
                bad_shapes.append(f"{name_of(g)} (no {'Indexes' if idx is None else 'Vertices'})")
        if missing_normals:
            self.add("error", f"{len(missing_normals)} Shape geometries have no Normals ({_names(missing_normals)}); "
                     "assimp (up to 5.4) drops those blend shapes", "Objects > Geometry")
        if bad_shapes:
            self.add("error", f"{len(bad_shapes)} malformed Shape geometries: {_names(bad_shapes, 3)}", "Objects > Geometry")
        meshes = [name_of(objs[g]) for g in by_kind.get("Geometry", []) if sub(objs[g]) == "Mesh"]
        if meshes:
            self.add("info", f"{len(meshes)} meshes: {_names(meshes)}")

    @staticmethod
    def _curve(c: FbxNode) -> tuple[str | None, int]:
        def arr(name):
            r = c.find(name)
            return r.props[0] if r is not None and r.props and isinstance(r.props[0], np.ndarray) else None

        times, values = arr("KeyTime"), arr("KeyValueFloat")
        if times is None or values is None:
            return "no KeyTime or KeyValueFloat", 0
        n = len(times)
        if len(values) != n:
            return f"{n} key times but {len(values)} values", n
        if n == 0:
            return "no keys", 0
        if np.any(np.diff(times) <= 0):
            return "key times do not increase", n
        flags, data, refs = arr("KeyAttrFlags"), arr("KeyAttrDataFloat"), arr("KeyAttrRefCount")
        if flags is not None and refs is not None:
            if len(flags) != len(refs):
                return f"{len(flags)} key attribute flags but {len(refs)} reference counts", n
            if int(np.sum(refs)) != n:
                return f"key attribute reference counts add up to {int(np.sum(refs))}, not the {n} keys", n
            if data is not None and len(data) != 4 * len(flags):
                return f"{len(data)} key attribute data values for {len(flags)} attributes (4 each)", n
        if not np.all(np.isfinite(values)):
            return "non-finite key values", n
        return None, n


# ============================================================================ glTF / GLB

_COMPONENT_SIZE = {5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4}
_TYPE_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}


class _GltfCheck:
    def __init__(self, path: Path):
        self.path = path
        self.findings: list[Finding] = []

    def add(self, severity: str, message: str, where: str = "") -> None:
        self.findings.append(Finding(severity, message, where))

    def run_glb(self) -> list[Finding]:
        data = self.path.read_bytes()
        if len(data) < 20:
            self.add("error", "the file ends inside the GLB header")
            return self.findings
        magic, version, length = struct.unpack_from("<4sII", data, 0)
        if version != 2:
            self.add("error", f"GLB container version {version}; glTF 2.0 readers need 2")
            return self.findings
        if length != len(data):
            self.add("error", f"the header says {length} bytes but the file has {len(data)}")
        chunks, pos = [], 12
        while pos + 8 <= len(data):
            clen, ctype = struct.unpack_from("<I4s", data, pos)
            if pos + 8 + clen > len(data):
                self.add("error", f"chunk {ctype!r} at byte {pos} runs past the end of the file")
                return self.findings
            if clen % 4:
                self.add("error", f"chunk {ctype!r} is {clen} bytes, not a multiple of 4 (the spec requires padding)")
            chunks.append((ctype, data[pos + 8:pos + 8 + clen]))
            pos += 8 + clen + (-clen % 4 if clen % 4 else 0)
        if not chunks or chunks[0][0] != b"JSON":
            self.add("error", "the first chunk is not JSON")
            return self.findings
        try:
            gltf = json.loads(chunks[0][1].decode("utf-8").rstrip(" \x00"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            self.add("error", f"the JSON chunk does not parse: {e}")
            return self.findings
        binary = next((c for t, c in chunks[1:] if t == b"BIN\x00"), None)
        self.add("info", f"GLB (glTF binary), {len(data)} bytes")
        return self.run(gltf, {0: binary} if binary is not None else {})

    def run_json(self) -> list[Finding]:
        try:
            gltf = json.loads(self.path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise CheckError(f"{self.path}: not glTF JSON: {e}") from None
        buffers = {}
        for i, b in enumerate(gltf.get("buffers", [])):
            uri = b.get("uri")
            if uri and not uri.startswith("data:"):
                f = self.path.parent / uri
                if f.is_file():
                    buffers[i] = f.read_bytes()
                else:
                    self.add("error", f"buffer {i}: file {uri!r} not found beside the glTF", f"/buffers/{i}")
        return self.run(gltf, buffers)

    def _accessor(self, gltf, buffers, i) -> np.ndarray | None:
        a = gltf["accessors"][i]
        if a.get("componentType") != 5126 or "bufferView" not in a:
            return None
        view = gltf["bufferViews"][a["bufferView"]]
        raw = buffers.get(view.get("buffer"))
        if raw is None:
            return None
        width = _TYPE_WIDTH.get(a.get("type"), 1)
        start = view.get("byteOffset", 0) + a.get("byteOffset", 0)
        stride = view.get("byteStride") or 4 * width
        count = a["count"]
        if stride == 4 * width:
            return np.frombuffer(raw, "<f4", count * width, start).reshape(count, width)
        return np.stack([np.frombuffer(raw, "<f4", width, start + k * stride) for k in range(count)])

    def run(self, gltf: dict, buffers: dict) -> list[Finding]:
        try:
            return self._run(gltf, buffers)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError) as e:
            self.add("error", f"the glTF JSON has an unexpected form ({type(e).__name__}: {e}); readers reject it")
            return self.findings

    def _run(self, gltf: dict, buffers: dict) -> list[Finding]:
        if not isinstance(gltf, dict):
            raise TypeError("the top level is not a JSON object")
        version = str(gltf.get("asset", {}).get("version", ""))
        if not version.startswith("2."):
            self.add("error", f"asset.version is {version!r}; glTF 2.0 readers need '2.0'", "/asset/version")
            return self.findings
        accessors, views, bufs = gltf.get("accessors", []), gltf.get("bufferViews", []), gltf.get("buffers", [])
        for i, v in enumerate(views):
            b = v.get("buffer")
            if not isinstance(b, int) or b >= len(bufs):
                self.add("error", f"buffer view {i} names buffer {b!r}, which does not exist", f"/bufferViews/{i}")
                continue
            if v.get("byteOffset", 0) + v.get("byteLength", 0) > bufs[b].get("byteLength", 0):
                self.add("error", f"buffer view {i} runs past the end of buffer {b}", f"/bufferViews/{i}")
            raw = buffers.get(b)
            if raw is not None and len(raw) < bufs[b].get("byteLength", 0):
                self.add("error", f"buffer {b} declares {bufs[b]['byteLength']} bytes but holds {len(raw)}", f"/buffers/{b}")
        for i, a in enumerate(accessors):
            v = a.get("bufferView")
            if v is None:
                continue
            if not isinstance(v, int) or v >= len(views):
                self.add("error", f"accessor {i} names buffer view {v!r}, which does not exist", f"/accessors/{i}")
                continue
            size = _COMPONENT_SIZE.get(a.get("componentType"), 4) * _TYPE_WIDTH.get(a.get("type"), 1)
            stride = views[v].get("byteStride") or size
            need = a.get("byteOffset", 0) + stride * (a.get("count", 0) - 1) + size
            if a.get("count", 0) and need > views[v].get("byteLength", 0):
                self.add("error", f"accessor {i} reads {need} bytes of a {views[v].get('byteLength', 0)}-byte buffer view",
                         f"/accessors/{i}")
        if strict_failure(self.findings):
            return self.findings
        nodes, meshes = gltf.get("nodes", []), gltf.get("meshes", [])
        for m, mesh in enumerate(meshes):
            prims = mesh.get("primitives", [])
            ntargets = len(prims[0].get("targets", [])) if prims else 0
            if not ntargets:
                continue
            names = mesh.get("extras", {}).get("targetNames")
            if names is None:
                self.add("warning", f"mesh {mesh.get('name', m)!r}: {ntargets} morph targets without extras.targetNames; "
                         "readers name them by number", f"/meshes/{m}")
                continue
            if len(names) != ntargets:
                self.add("error", f"mesh {mesh.get('name', m)!r}: {len(names)} target names for {ntargets} morph targets",
                         f"/meshes/{m}/extras/targetNames")
            mapped = {n: _arkit_channel(n) for n in names}
            arkit = {i for i in mapped.values() if i is not None and i < 52}
            self.add("info", f"mesh {mesh.get('name', m)!r}: {ntargets} morph targets; {len(arkit)} of the 52 ARKit shapes")
            unmapped = [n for n, i in mapped.items() if i is None]
            if unmapped:
                self.add("warning", f"{len(unmapped)} morph target names are not ARKit names: {_names(unmapped)}",
                         f"/meshes/{m}/extras/targetNames")
        anims = gltf.get("animations", [])
        if not anims:
            self.add("info", "no animation")
        for a, anim in enumerate(anims):
            self._animation(gltf, buffers, a, anim, nodes, meshes)
        return self.findings

    def _animation(self, gltf, buffers, a, anim, nodes, meshes) -> None:
        where = f"/animations/{a}"
        samplers = anim.get("samplers", [])
        paths: dict[str, list[str]] = {}
        spans, rates, keys = [], [], []
        accessors = gltf.get("accessors", [])
        for c, channel in enumerate(anim.get("channels", [])):
            s = channel.get("sampler")
            target = channel.get("target", {})
            node = target.get("node")
            if not isinstance(s, int) or s >= len(samplers):
                self.add("error", f"channel {c} names sampler {s!r}, which does not exist", f"{where}/channels/{c}")
                continue
            if not isinstance(node, int) or node >= len(nodes):
                self.add("error", f"channel {c} targets node {node!r}, which does not exist", f"{where}/channels/{c}")
                continue
            sampler = samplers[s]
            interp = sampler.get("interpolation", "LINEAR")
            inp, out = sampler.get("input"), sampler.get("output")
            if not (isinstance(inp, int) and isinstance(out, int) and inp < len(accessors) and out < len(accessors)):
                self.add("error", f"sampler {s} names accessors that do not exist", f"{where}/samplers/{s}")
                continue
            n_in, n_out = accessors[inp].get("count", 0), accessors[out].get("count", 0)
            per_key = 1
            if target.get("path") == "weights":
                mesh = nodes[node].get("mesh")
                prims = meshes[mesh].get("primitives", []) if isinstance(mesh, int) and mesh < len(meshes) else []
                per_key = len(prims[0].get("targets", [])) if prims else 0
                if not per_key:
                    self.add("error", f"channel {c} animates the weights of a node without morph targets", f"{where}/channels/{c}")
                    continue
            expected = n_in * per_key * (3 if interp == "CUBICSPLINE" else 1)
            if n_out != expected:
                self.add("error", f"sampler {s}: {n_out} output values for {n_in} keys (want {expected})", f"{where}/samplers/{s}")
            acc = accessors[inp]
            if "min" not in acc or "max" not in acc:
                self.add("error", f"sampler {s}: its input accessor has no min/max (the spec requires them)", f"/accessors/{inp}")
            times = self._accessor(gltf, buffers, inp)
            if times is not None and len(times):
                t = times[:, 0]
                if np.any(np.diff(t) <= 0):
                    self.add("error", f"sampler {s}: key times do not strictly increase", f"{where}/samplers/{s}")
                elif len(t) > 1:
                    rates.append(1.0 / float(np.median(np.diff(t))))
                spans.append((float(t[0]), float(t[-1])))
                keys.append(len(t))
            paths.setdefault(target.get("path", "?"), []).append(nodes[node].get("name", str(node)))
        name = anim.get("name", a)
        if spans:
            first, last = min(s[0] for s in spans), max(s[1] for s in spans)
            rate = f", about {np.median(rates):.3g} keys per second" if rates else ""
            self.add("info", f"animation {name!r}: {first:g} s to {last:g} s, {min(keys)} to {max(keys)} keys per "
                     f"sampler{rate}", where)
        if paths:
            self.add("info", "animated: " + "; ".join(f"{p} of {_names(v)}" for p, v in paths.items()), where)


# ============================================================================ Live Link Face CSV

_TIMECODE_STRICT = re.compile(r"^\d{2}:\d{2}:\d{2}:\d{2}\.\d{3}$")


def _check_csv(path: Path) -> list[Finding]:
    from .llf_csv import HEADER, CSVFormatError, read_csv

    findings: list[Finding] = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [Finding("error", f"not UTF-8 text (byte {e.start}); Unreal's importer cannot read it")]
    lines = text.split("\n")
    header = lines[0].rstrip("\r")
    if not any(c.strip().lower() == "timecode" for c in header.split(",")):
        raise CheckError(f"{path}: not a Live Link Face CSV (no Timecode column in its first line)")
    try:
        cap = read_csv(path)
    except CSVFormatError as e:
        where = ", ".join(x for x in (f"line {e.line}" if e.line else "", f"column {e.column}" if e.column else "") if x)
        return [Finding("error", e.reason, where)]
    if header != HEADER:
        names = header.split(",")
        if len(names) != len(HEADER.split(",")):
            findings.append(Finding("warning", f"the header has {len(names)} columns; Live Link Face writes "
                                    f"{len(HEADER.split(','))} (Timecode, BlendShapeCount and the 61 channels)", "line 1"))
        else:
            findings.append(Finding("warning", "the header differs from Live Link Face's (column names or order); "
                                    "kfstudio matches columns by name, Unreal's importer may not", "line 1"))
    for w in cap.warnings:
        findings.append(Finding("warning", w))
    rows = [(i + 2, ln.rstrip("\r")) for i, ln in enumerate(lines[1:]) if ln.strip()]
    odd = [n for n, ln in rows if not _TIMECODE_STRICT.match(ln.split(",", 1)[0].strip())]
    if odd:
        findings.append(Finding("warning", f"{len(odd)} timecodes are not in the form HH:MM:SS:FF.fff "
                                f"(lines {_names(odd)})", "column Timecode"))
    widths = {len(ln.split(",")) for _, ln in rows}
    if len(widths) > 1:
        findings.append(Finding("warning", f"rows have different column counts: {sorted(widths)}"))
    n = len(cap.times)
    steps = np.diff(cap.times)
    findings.append(Finding("info", f"{n} frames, {cap.duration:.3f} s, {cap.fps:g} fps (from the timecode spacing)"))
    if steps.size:
        step = 1.0 / cap.fps
        gaps = np.flatnonzero(steps > 1.5 * step)
        if gaps.size:
            dropped = int(np.sum(np.round(steps[gaps] / step) - 1))
            at = [f"{cap.times[g]:.3f} s" for g in gaps]
            findings.append(Finding("warning", f"about {dropped} dropped frames in {gaps.size} gaps (after {_names(at)})",
                                    "column Timecode"))
        uneven = np.flatnonzero((steps < 0.5 * step))
        if uneven.size:
            findings.append(Finding("warning", f"{uneven.size} timecode steps are under half a frame", "column Timecode"))
    moving = [ch.NAMES[c] for c in range(ch.NUM_CHANNELS) if np.ptp(cap.values[:, c]) > 1e-6] if n else []
    findings.append(Finding("info", f"{len(moving)} of 61 channels move"))
    return findings


# ============================================================================ .kfs project


def _check_kfs(path: Path) -> list[Finding]:
    import warnings

    from .project import ProjectError, load_project

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            anim = load_project(path)
    except ProjectError as e:
        message = str(e)
        prefix = f"{path}: "
        return [Finding("error", message[len(prefix):] if message.startswith(prefix) else message)]
    except OSError as e:
        raise CheckError(f"{path}: cannot read: {e.strerror or e}") from None
    findings = [Finding("warning", str(w.message)) for w in caught]
    n = len(anim.keyframes)
    findings.append(Finding("info", f"project: {n} keyframes, {anim.duration:g} s at {anim.fps:g} fps"))
    if n == 0:
        findings.append(Finding("warning", "no keyframes: nothing to export"))
    elif not (np.isfinite(anim.duration) and anim.duration > 0):
        findings.append(Finding("warning", "zero-length animation: exports refuse it"))
    else:
        keyed = int(np.any([k.keyed for k in anim.keyframes], axis=0).sum())
        findings.append(Finding("info", f"{keyed} of 61 channels keyed; {int(anim.channel_muted.sum())} muted"))
    if anim.secondary.in_export:
        findings.append(Finding("info", "secondary motion is baked into exports"))
    return findings
