"""The 52 blendshapes of the default head: symmetry, locality, sides and plausible combinations."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial import cKDTree

from kfstudio.channels import CHANNELS, NUM_BLENDSHAPES, NUM_CHANNELS, channel_index
from kfstudio.rig.evaluate import Rig
from kfstudio.rig.head import default_head

BLENDSHAPES = CHANNELS[:NUM_BLENDSHAPES]
FLIP = np.array([-1.0, 1.0, 1.0])


@pytest.fixture(scope="module")
def head():
    return default_head()


@pytest.fixture(scope="module")
def rig(head):
    return Rig(head)


def _mirror_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Largest distance from a point of mirrored ``a`` to the nearest point of ``b`` (as point sets)."""
    d, _ = cKDTree(b).query(a * FLIP)
    return float(d.max())


def test_neutral_mesh_is_symmetric(head):
    assert _mirror_distance(head.vertices, head.vertices) < 1e-6


@pytest.mark.parametrize("ch", [c for c in BLENDSHAPES if c.side == "left"], ids=lambda c: c.name)
def test_left_right_pairs_are_mirror_images(head, ch):
    right = channel_index(ch.mirror)
    left_pose = head.vertices + head.shape_dense(ch.index)
    right_pose = head.vertices + head.shape_dense(right)
    assert _mirror_distance(left_pose, right_pose) < 1e-5  # 10 micrometres on a 25 cm head


@pytest.mark.parametrize("ch", [c for c in BLENDSHAPES if c.side == ""], ids=lambda c: c.name)
def test_unpaired_shapes_are_symmetric(head, ch):
    pose = head.vertices + head.shape_dense(ch.index)
    assert _mirror_distance(pose, pose) < 1e-5


@pytest.mark.parametrize("ch", BLENDSHAPES, ids=lambda c: c.name)
def test_each_shape_moves_visibly_and_sparsely(head, ch):
    moved = np.linalg.norm(head.shape_deltas[ch.index], axis=1)
    assert moved.max() > 0.002  # at least 2 mm somewhere
    assert len(head.shape_indices[ch.index]) < 0.3 * head.num_vertices
    assert len(np.unique(head.shape_indices[ch.index])) == len(head.shape_indices[ch.index])


def _centroid(head, i):
    d = np.linalg.norm(head.shape_deltas[i], axis=1)
    return (head.vertices[head.shape_indices[i]] * d[:, None]).sum(axis=0) / d.sum()


def _region_of(name: str) -> str:
    if name.startswith("Brow"):
        return "upper"
    if name.startswith(("Jaw", "Mouth", "Tongue")):
        return "lower"
    if name.startswith("Eye"):
        return "eye"
    return "middle"


@pytest.mark.parametrize("ch", BLENDSHAPES, ids=lambda c: c.name)
def test_each_shape_moves_its_own_region(head, ch):
    c = _centroid(head, ch.index)
    eye_y = float(head.eye_centers[:, 1].mean())
    mouth_y = float(head.jaw_pivot[1])  # the hinge sits between the eyes and the mouth
    region = _region_of(ch.name)
    if region == "upper":
        assert c[1] > eye_y + 0.008
    elif region == "lower":
        assert c[1] < eye_y - 0.035
    elif region == "eye":
        eye = head.eye_centers[0 if ch.side == "left" else 1]
        assert np.linalg.norm(c[:2] - eye[:2]) < 0.02
    else:  # cheeks and nose: between the eyes and the mouth line
        assert mouth_y - 0.04 < c[1] < eye_y


SHIFTS = ("JawLeft", "JawRight", "MouthLeft", "MouthRight")


@pytest.mark.parametrize("name", SHIFTS)
def test_jaw_and_mouth_shifts_move_toward_their_side(head, name):
    dx = head.shape_deltas[channel_index(name)][:, 0]
    assert (dx.mean() > 0.001) == name.endswith("Left")  # the character's left is +X
    assert np.abs(dx).max() > 0.005


@pytest.mark.parametrize("ch", [c for c in BLENDSHAPES if c.side and c.name not in SHIFTS], ids=lambda c: c.name)
def test_sided_shapes_move_their_own_side_more(head, ch):
    d = np.linalg.norm(head.shape_deltas[ch.index], axis=1)
    x = head.vertices[head.shape_indices[ch.index], 0]
    plus, minus = d[x > 0].sum(), d[x < 0].sum()
    if ch.side == "left":  # the character's left is +X
        assert plus > 2 * minus
    else:
        assert minus > 2 * plus


def _values(**named):
    v = np.zeros(NUM_CHANNELS)
    for k, x in named.items():
        v[channel_index(k)] = x
    return v


def _lip_gap(head, pos):
    """Largest vertical opening between lip vertices at the middle of the mouth (metres)."""
    lips = head.part == head.part_id("lips")
    near = lips & (np.abs(head.vertices[:, 0]) < 0.003)
    return float(np.diff(np.sort(pos[near, 1])).max())


def test_jaw_open_parts_the_lips_and_mouth_close_closes_them(head, rig):
    closed = _lip_gap(head, rig.evaluate(_values())[0])
    opened = _lip_gap(head, rig.evaluate(_values(JawOpen=1.0))[0])
    both = _lip_gap(head, rig.evaluate(_values(JawOpen=1.0, MouthClose=1.0))[0])
    assert opened > closed + 0.01  # at least a centimetre more
    assert abs(both - closed) < 0.25 * (opened - closed)


@pytest.mark.parametrize("side, name", [("l", "EyeBlinkLeft"), ("r", "EyeBlinkRight")])
def test_blink_brings_the_upper_lid_below_the_pupil(head, rig, side, name):
    lash = head.part == head.part_id(f"lash_{side}")
    pupil = head.part == head.part_id(f"pupil_{side}")
    pos, _ = rig.evaluate(_values(**{name: 1.0}))
    assert head.vertices[lash, 1].mean() > head.vertices[pupil, 1].mean()
    assert pos[lash, 1].mean() < pos[pupil, 1].mean()
    # blink with squint stays closed: the lid does not go back up
    both, _ = rig.evaluate(_values(**{name: 1.0, name.replace("Blink", "Squint"): 1.0}))
    assert both[lash, 1].mean() < head.vertices[pupil, 1].mean()


def test_lids_follow_the_gaze_a_little(head, rig):
    lash = head.part == head.part_id("lash_l")
    down, _ = rig.evaluate(_values(LeftEyePitch=0.4))
    assert down[lash, 1].mean() < head.vertices[lash, 1].mean() - 0.0005


def test_smile_with_cheek_squint_adds_up(head, rig):
    i, j = channel_index("MouthSmileLeft"), channel_index("CheekSquintLeft")
    pos, _ = rig.evaluate(_values(MouthSmileLeft=1.0, CheekSquintLeft=1.0))
    expected = head.vertices + head.shape_dense(i) + head.shape_dense(j)
    np.testing.assert_allclose(pos, expected, atol=1e-6)
