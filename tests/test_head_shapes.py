"""The 52 blendshapes of the default head: symmetry, locality, sides and plausible combinations."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial import cKDTree

from kfstudio.channels import CHANNELS, NUM_BLENDSHAPES, NUM_CHANNELS, channel_index

BLENDSHAPES = CHANNELS[:NUM_BLENDSHAPES]
FLIP = np.array([-1.0, 1.0, 1.0])


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
    # eyeLookIn/Out move only the lids (about 1 mm): the rig turns the eyeballs themselves
    sideways_look = ch.name.startswith(("EyeLookIn", "EyeLookOut"))
    assert moved.max() > (0.0008 if sideways_look else 0.002)  # at least 2 mm somewhere
    # Face Units' jaw and mouth shapes carry the whole lower face and neck along (sub-millimetre there)
    assert len(head.shape_indices[ch.index]) < 0.6 * head.num_vertices
    assert np.count_nonzero(moved > 0.0005) < 0.45 * head.num_vertices  # jawOpen: the whole lower face
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
    pupil = head.part == head.part_id(f"pupil_{side}")
    # the upper lashes: those above the eye's centre
    lash = (head.part == head.part_id(f"lash_{side}")) & (head.vertices[:, 1] > head.eye_centers[0, 1])
    pos, _ = rig.evaluate(_values(**{name: 1.0}))
    assert head.vertices[lash, 1].mean() > head.vertices[pupil, 1].mean()
    assert pos[lash, 1].mean() < pos[pupil, 1].mean()
    # blink with squint stays closed: the lid does not go back up
    both, _ = rig.evaluate(_values(**{name: 1.0, name.replace("Blink", "Squint"): 1.0}))
    assert both[lash, 1].mean() < head.vertices[pupil, 1].mean()


def test_lids_follow_the_gaze_a_little(head, rig):
    lash = (head.part == head.part_id("lash_l")) & (head.vertices[:, 1] > head.eye_centers[0, 1])
    down, _ = rig.evaluate(_values(LeftEyePitch=0.4))
    assert down[lash, 1].mean() < head.vertices[lash, 1].mean() - 0.0005


def test_smile_with_cheek_squint_adds_up(head, rig):
    i, j = channel_index("MouthSmileLeft"), channel_index("CheekSquintLeft")
    pos, _ = rig.evaluate(_values(MouthSmileLeft=1.0, CheekSquintLeft=1.0))
    expected = head.vertices + head.shape_dense(i) + head.shape_dense(j)
    np.testing.assert_allclose(pos, expected, atol=1e-6)


# ---- the look: proportions, hair, and the shapes an animator must recognise at a glance ---------------


def _part(head, name):
    return head.part == head.part_id(name)


def _face_landmarks(head):
    """Heights (metres) of crown, brow line, nose base and chin, measured on the neutral mesh."""
    v = head.vertices
    skin = _part(head, "skin")
    front_midline = skin & (np.abs(v[:, 0]) < 0.01) & (v[:, 2] > head.eye_centers[:, 2].mean() - 0.01)
    return {
        "crown": float(v[skin | _part(head, "hair"), 1].max()),
        "brow": float(v[_part(head, "brow_l"), 1].mean()),
        "nose_base": float(v[_part(head, "nostril"), 1].mean()),
        "chin": float(v[front_midline, 1].min()),
    }


def test_proportions_follow_the_classic_head_construction(head):
    m = _face_landmarks(head)
    eye_y = float(head.eye_centers[:, 1].mean())
    # the eyes sit at about half the height from chin to crown
    assert 0.45 < (eye_y - m["chin"]) / (m["crown"] - m["chin"]) < 0.55
    # brow line to nose base and nose base to chin are near-equal thirds of the face
    middle, lower = m["brow"] - m["nose_base"], m["nose_base"] - m["chin"]
    assert 0.8 < lower / middle < 1.25
    # a neck of natural width: at least 0.7 of the skull's width at the brow line (above the ears)
    v, skin = head.vertices, _part(head, "skin")
    neck = skin & (np.abs(v[:, 1] - (m["chin"] - 0.03)) < 0.005)
    skull = skin & (np.abs(v[:, 1] - m["brow"]) < 0.005)
    assert np.ptp(v[neck, 0]) > 0.7 * np.ptp(v[skull, 0])


def test_hair_covers_the_crown_and_stays_above_the_brows(head, rig):
    v, hair = head.vertices, _part(head, "hair")
    assert hair.any()
    assert head.part[np.argmax(v[:, 1])] == head.part_id("hair")  # the top of the head is hair
    hair_rgb = head.vertex_colors()[hair, :3].mean(axis=0)
    skin_rgb = head.vertex_colors()[_part(head, "skin"), :3].mean(axis=0)
    assert hair_rgb.sum() < 0.6 * skin_rgb.sum()
    forehead = hair & (np.abs(v[:, 0]) < 0.02) & (v[:, 2] > 0.0)
    assert v[forehead, 1].min() > _face_landmarks(head)["brow"] + 0.015
    # raising the brows wrinkles the forehead but hardly moves the hairline
    pos, _ = rig.evaluate(_values(BrowInnerUp=1.0, BrowOuterUpLeft=1.0, BrowOuterUpRight=1.0))
    assert np.linalg.norm(pos[hair] - v[hair], axis=1).max() < 0.003


@pytest.mark.parametrize("side, up, down", [("l", "BrowOuterUpLeft", "BrowDownLeft"),
                                            ("r", "BrowOuterUpRight", "BrowDownRight")])
def test_painted_brows_ride_on_the_brow_shapes(head, rig, side, up, down):
    brow = _part(head, f"brow_{side}")
    assert brow.sum() > 20
    assert head.vertex_colors()[brow, :3].sum(axis=1).mean() < 0.5 * head.vertex_colors()[_part(head, "skin"), :3].sum(axis=1).mean()
    raised, _ = rig.evaluate(_values(**{up: 1.0}))
    lowered, _ = rig.evaluate(_values(**{down: 1.0}))
    y0 = head.vertices[brow, 1].mean()
    assert raised[brow, 1].mean() > y0 + 0.0015 and lowered[brow, 1].mean() < y0 - 0.0015


def test_tongue_out_comes_out_past_the_lips(head, rig):
    v, tongue, lips = head.vertices, _part(head, "tongue"), _part(head, "lips")
    pos, _ = rig.evaluate(_values(TongueOut=1.0))
    tip = int(np.flatnonzero(tongue)[np.argmax(pos[tongue, 2])])
    assert pos[tip, 2] > v[lips, 2].max() + 0.005  # half a centimetre in front of the lips
    lower_lip = lips & (v[:, 1] < v[lips, 1].mean())
    assert pos[tip, 1] > pos[lower_lip, 1].min()  # out through the mouth, not under the chin


def test_cheek_puff_swells_the_cheeks(head, rig):
    v, skin = head.vertices, _part(head, "skin")
    mouth_y = v[_part(head, "lips"), 1].mean()
    cheeks = skin & (np.abs(v[:, 1] - (mouth_y + 0.01)) < 0.012) & (np.abs(v[:, 0]) > 0.03) & (v[:, 2] > 0.06)
    pos, normals = rig.evaluate(_values(CheekPuff=1.0))
    _, n0 = rig.evaluate(_values())
    outward = np.einsum("ij,ij->i", pos[cheeks] - v[cheeks], n0[cheeks])
    assert outward.max() > 0.004 and outward.mean() > 0.001  # out, not in
    for sign in (1, -1):
        side = cheeks & (sign * v[:, 0] > 0)
        assert np.einsum("ij,ij->i", pos[side] - v[side], n0[side]).max() > 0.004


@pytest.mark.parametrize("name, sign", [("NoseSneerLeft", 1), ("NoseSneerRight", -1)])
def test_nose_sneer_lifts_the_nostril_more_than_the_lip(head, rig, name, sign):
    v = head.vertices
    lips = _part(head, "lips")
    nostril = _part(head, "nostril") & (sign * v[:, 0] > 0)
    upper_lip = lips & (v[:, 1] > v[lips, 1].mean()) & (sign * v[:, 0] > 0)
    pos, _ = rig.evaluate(_values(**{name: 1.0}))
    lift_nostril = (pos[nostril, 1] - v[nostril, 1]).mean()
    lift_lip = (pos[upper_lip, 1] - v[upper_lip, 1]).mean()
    assert lift_nostril > 0.001 and lift_nostril > 1.5 * lift_lip
