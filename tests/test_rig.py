"""Rig evaluation on the committed default head: neutral exactness, gaze and head pose signs."""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio.channels import NUM_CHANNELS, channel_index


def values(**named):
    v = np.zeros(NUM_CHANNELS)
    for name, x in named.items():
        v[channel_index(name)] = x
    return v


def test_weight_zero_is_neutral_exactly(head, rig):
    pos, nrm = rig.evaluate(np.zeros(NUM_CHANNELS))
    assert pos.dtype == np.float32 and pos.shape == head.vertices.shape
    assert np.array_equal(pos, head.vertices)
    assert np.allclose(np.linalg.norm(nrm, axis=1), 1.0, atol=1e-4)


def test_setting_a_shape_then_zero_returns_to_neutral(head, rig):
    out_p = np.empty_like(head.vertices)
    out_n = np.empty_like(head.vertices)
    rig.evaluate(values(JawOpen=1.0, MouthSmileLeft=0.7), out_p, out_n)
    assert not np.array_equal(out_p, head.vertices)
    pos, _ = rig.evaluate(np.zeros(NUM_CHANNELS), out_p, out_n)
    assert pos is out_p
    assert np.array_equal(out_p, head.vertices)


def test_default_head_is_big_enough(head):
    assert head.num_vertices >= 10_000
    assert head.missing == []
    assert all(len(i) > 0 for i in head.shape_indices)


def _pupil_centre(head, pos, side):
    pid = head.part_id(f"pupil_{side}")
    return pos[head.part == pid].mean(axis=0)


@pytest.mark.parametrize("side, prefix", [("l", "LeftEye"), ("r", "RightEye")])
def test_eye_yaw_positive_turns_toward_face_right(head, rig, side, prefix):
    neutral = _pupil_centre(head, head.vertices, side)
    pos, _ = rig.evaluate(values(**{prefix + "Yaw": 0.4}))
    moved = _pupil_centre(head, pos, side) - neutral
    assert moved[0] < -0.002  # toward -X, the face's right


@pytest.mark.parametrize("side, prefix", [("l", "LeftEye"), ("r", "RightEye")])
def test_eye_pitch_positive_looks_down(head, rig, side, prefix):
    neutral = _pupil_centre(head, head.vertices, side)
    pos, _ = rig.evaluate(values(**{prefix + "Pitch": 0.3}))
    assert (_pupil_centre(head, pos, side) - neutral)[1] < -0.002


def test_head_pose_rotates_about_neck(head, rig):
    nose_tip = int(np.argmax(np.where(head.part == 0, head.vertices[:, 2], -np.inf)))
    p0 = head.vertices[nose_tip]
    yaw, _ = rig.evaluate(values(HeadYaw=0.3))
    assert yaw[nose_tip, 0] < p0[0] - 0.01  # turns toward the face's right (-X)
    pitch, _ = rig.evaluate(values(HeadPitch=0.3))
    assert pitch[nose_tip, 1] < p0[1] - 0.005  # chin toward chest: the nose drops
    top = int(np.argmax(head.vertices[:, 1]))
    roll, _ = rig.evaluate(values(HeadRoll=0.3))
    assert roll[top, 0] < head.vertices[top, 0] - 0.01  # top of the head toward the face's right
    # distance to the neck pivot is kept for a vertex above the pivot (a rotation)
    c = head.neck_pivot
    assert np.isclose(np.linalg.norm(yaw[nose_tip] - c), np.linalg.norm(p0 - c), atol=1e-5)


def test_incremental_normals_match_a_full_recomputation(head, rig):
    """evaluate() updates normals only where shapes, eyes and the neck blend change them; the result
    must be the same as computing every normal from the posed positions."""
    rng = np.random.default_rng(7)
    out_p = np.empty_like(head.vertices)
    out_n = np.empty_like(head.vertices)
    for trial in range(12):
        v = np.zeros(NUM_CHANNELS)
        active = rng.choice(52, size=rng.integers(1, 52), replace=False)
        v[active] = rng.uniform(0.0, 1.0, len(active))
        if trial % 3:
            v[52:] = rng.uniform(-0.5, 0.5, NUM_CHANNELS - 52)  # head and eye turns too
        pos, nrm = rig.evaluate(v, out_p, out_n)
        full = rig.normals(pos)
        assert np.abs(nrm - full).max() < 1e-3, f"trial {trial}"
    # and back at neutral, the cached neutral normals are used unchanged
    pos, nrm = rig.evaluate(np.zeros(NUM_CHANNELS), out_p, out_n)
    np.testing.assert_allclose(nrm, rig.normals(head.vertices), atol=1e-5)


def test_head_turn_turns_the_normals_with_the_head(head, rig):
    nose_tip = int(np.argmax(np.where(head.part == 0, head.vertices[:, 2], -np.inf)))
    _, n0 = rig.evaluate(np.zeros(NUM_CHANNELS))
    n0 = n0[nose_tip].copy()
    _, n1 = rig.evaluate(values(HeadYaw=0.5))
    assert n1[nose_tip, 0] < n0[0] - 0.3  # the nose now points toward the face's right (-X)
