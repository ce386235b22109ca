"""The head model: a triangle mesh with per-vertex parts, 52 sparse ARKit blendshapes and pose pivots.

Coordinates: metres, +Y up, +Z toward the viewer (the face looks down +Z), the character's LEFT is +X
(image right in a front view). Faces are counter-clockwise seen from outside.

The default head is built by ``models/build_head.py`` from the CC0 MakeHuman hm08 base mesh and the CC0
Face Units ARKit shapes, and committed as ``resources/head/default_head.npz`` (a plain numpy archive, read
with ``allow_pickle=False``; see ``resources/head/README.md``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kfstudio.resources import resource_path
from kfstudio.channels import ARKIT_NAMES, NUM_BLENDSHAPES

__all__ = [
    "Head",
    "HeadFormatError",
    "PARTS",
    "DEFAULT_HEAD_PATH",
    "default_head",
    "save_head_npz",
    "load_head_npz",
]

#: Part names of the default head, in part-id order.
PARTS: tuple[str, ...] = (
    "skin",
    "lips",
    "brow_l",
    "brow_r",
    "nostril",
    "lash_l",
    "lash_r",
    "eye_white_l",
    "iris_l",
    "pupil_l",
    "eye_white_r",
    "iris_r",
    "pupil_r",
    "teeth_upper",
    "teeth_lower",
    "tongue",
    "hair",
)

DEFAULT_HEAD_PATH = resource_path("head", "default_head.npz")
_FORMAT_VERSION = 1


class HeadFormatError(ValueError):
    """A file that cannot be used as a head; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        if len(problem) > 300:  # names and values quoted from a hostile file can be huge
            problem = problem[:200] + " ... " + problem[-60:]
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass
class Head:
    """A deformable head mesh.

    ``shape_indices[i]`` / ``shape_deltas[i]`` hold blendshape ``i`` (ARKit order of
    :data:`kfstudio.channels.CHANNELS`, indices 0..51) as the vertices it moves and their offsets at
    weight 1. A channel the head lacks has empty arrays and is listed in ``missing``.
    """

    name: str
    vertices: np.ndarray
    faces: np.ndarray
    part: np.ndarray
    part_names: tuple[str, ...]
    colors: np.ndarray
    shape_indices: list[np.ndarray]
    shape_deltas: list[np.ndarray]
    neck_pivot: np.ndarray
    eye_centers: np.ndarray
    eye_vertices: tuple[np.ndarray, np.ndarray]
    jaw_pivot: np.ndarray
    missing: list[str] = field(default_factory=list)
    #: Optional (V, 4) per-vertex RGBA (painted skin: lips, brows, hairline); ``None`` = the part colours.
    vertex_rgba: np.ndarray | None = None

    def __post_init__(self) -> None:
        self.vertices = np.ascontiguousarray(self.vertices, dtype=np.float32).reshape(-1, 3)
        self.faces = np.ascontiguousarray(self.faces, dtype=np.int32).reshape(-1, 3)
        self.part = np.ascontiguousarray(self.part, dtype=np.uint8).reshape(-1)
        self.part_names = tuple(str(p) for p in self.part_names)
        self.colors = np.ascontiguousarray(self.colors, dtype=np.float32).reshape(-1, 4)
        self.shape_indices = [np.ascontiguousarray(i, dtype=np.int32).reshape(-1) for i in self.shape_indices]
        self.shape_deltas = [np.ascontiguousarray(d, dtype=np.float32).reshape(-1, 3) for d in self.shape_deltas]
        self.neck_pivot = np.asarray(self.neck_pivot, dtype=np.float32).reshape(3)
        self.eye_centers = np.asarray(self.eye_centers, dtype=np.float32).reshape(2, 3)
        left, right = (np.asarray(e, dtype=np.int32).reshape(-1) for e in self.eye_vertices)
        self.eye_vertices = (left, right)
        self.jaw_pivot = np.asarray(self.jaw_pivot, dtype=np.float32).reshape(3)
        if self.vertex_rgba is not None:
            self.vertex_rgba = np.ascontiguousarray(self.vertex_rgba, dtype=np.float32).reshape(-1, 4)
        self._check()

    def _check(self) -> None:
        n = len(self.vertices)
        if len(self.shape_indices) != NUM_BLENDSHAPES or len(self.shape_deltas) != NUM_BLENDSHAPES:
            raise ValueError(f"a head needs {NUM_BLENDSHAPES} shape slots, got {len(self.shape_indices)}")
        if len(self.part) != n:
            raise ValueError("part must have one entry per vertex")
        if len(self.part_names) != len(self.colors):
            raise ValueError("colors must have one row per part name")
        if self.vertex_rgba is not None and len(self.vertex_rgba) != n:
            raise ValueError("vertex_rgba must have one row per vertex")
        if self.faces.size and (self.faces.min() < 0 or self.faces.max() >= n):
            raise ValueError("face index out of range")
        for i, (idx, d) in enumerate(zip(self.shape_indices, self.shape_deltas)):
            if len(idx) != len(d):
                raise ValueError(f"shape {ARKIT_NAMES[i]}: {len(idx)} indices but {len(d)} deltas")
            if idx.size and (idx.min() < 0 or idx.max() >= n):
                raise ValueError(f"shape {ARKIT_NAMES[i]}: vertex index out of range")

    @property
    def num_vertices(self) -> int:
        return len(self.vertices)

    def shape_dense(self, i: int) -> np.ndarray:
        """Blendshape ``i`` as a dense (V, 3) array of offsets at weight 1."""
        out = np.zeros_like(self.vertices)
        out[self.shape_indices[i]] = self.shape_deltas[i]
        return out

    def part_id(self, name: str) -> int:
        """Id of a part by name (KeyError if the head has no such part)."""
        try:
            return self.part_names.index(name)
        except ValueError:
            raise KeyError(f"head {self.name!r} has no part {name!r}") from None

    def vertex_colors(self) -> np.ndarray:
        """(V, 4) float32 RGBA colour of each vertex: the painted colours when the head has them,
        else the base colour of its part."""
        if self.vertex_rgba is not None:
            return self.vertex_rgba
        return self.colors[self.part]


def save_head_npz(head: Head, path) -> None:
    """Write a head as a numpy archive (no pickled objects)."""
    counts = np.array([len(i) for i in head.shape_indices], dtype=np.int64)
    meta = {"format": "kfstudio-head", "version": _FORMAT_VERSION, "name": head.name,
            "part_names": list(head.part_names), "missing": list(head.missing)}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = dict(
        meta=np.array(json.dumps(meta)),
        vertices=head.vertices,
        faces=head.faces,
        part=head.part,
        colors=head.colors,
        shape_counts=counts,
        shape_indices=np.concatenate(head.shape_indices).astype(np.int32),
        shape_deltas=np.concatenate(head.shape_deltas).astype(np.float32),
        neck_pivot=head.neck_pivot,
        eye_centers=head.eye_centers,
        eye_vertices_l=head.eye_vertices[0],
        eye_vertices_r=head.eye_vertices[1],
        jaw_pivot=head.jaw_pivot,
    )
    if head.vertex_rgba is not None:  # painted colours, one byte a channel
        arrays["vertex_rgba"] = np.round(np.clip(head.vertex_rgba, 0, 1) * 255).astype(np.uint8)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]  # (numpy types the keyword arguments as allow_pickle)


def load_head_npz(path) -> Head:
    """Read a head written by :func:`save_head_npz`; :class:`HeadFormatError` if it is not one."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except FileNotFoundError:
        raise
    except Exception as exc:  # zipfile/numpy raise many types for a damaged file
        raise HeadFormatError(path, f"not a kfstudio head archive ({exc})") from None
    try:
        meta = json.loads(str(data["meta"]))
        if meta.get("format") != "kfstudio-head":
            raise HeadFormatError(path, "not a kfstudio head archive (format tag missing)")
        splits = np.cumsum(data["shape_counts"])[:-1]
        return Head(
            name=meta["name"],
            vertices=data["vertices"],
            faces=data["faces"],
            part=data["part"],
            part_names=tuple(meta["part_names"]),
            colors=data["colors"],
            shape_indices=np.split(data["shape_indices"], splits),
            shape_deltas=np.split(data["shape_deltas"], splits),
            neck_pivot=data["neck_pivot"],
            eye_centers=data["eye_centers"],
            eye_vertices=(data["eye_vertices_l"], data["eye_vertices_r"]),
            jaw_pivot=data["jaw_pivot"],
            missing=list(meta.get("missing", [])),
            vertex_rgba=(data["vertex_rgba"].astype(np.float32) / 255.0) if "vertex_rgba" in data else None,
        )
    except HeadFormatError:
        raise
    except (KeyError, ValueError, TypeError) as exc:
        raise HeadFormatError(path, f"damaged head archive ({exc})") from None


def default_head() -> Head:
    """The bundled default head, shipped in the package (``kfstudio/resources/head/``); built by the
    project's asset builder under ``models/`` and never written at run time."""
    return load_head_npz(DEFAULT_HEAD_PATH)
