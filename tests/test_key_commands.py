"""Channel-key editing rules (move, scale, paste, fps change) and the curve palette: Qt-free."""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import commands, palette
from kfstudio.animation.commands import UndoStack
from kfstudio.animation.curves import Interp
from kfstudio.animation.document import Animation, Keyframe

FPS = 30.0
JAW = ch.channel_index("JawOpen")
SMILE_L = ch.channel_index("MouthSmileLeft")
YAW = ch.channel_index("HeadYaw")


def make_animation() -> Animation:
    kfs = []
    for i, (t, v) in enumerate([(0.0, 0.1), (1.0, 0.6), (2.0, 0.2)]):
        values = np.zeros(ch.NUM_CHANNELS)
        values[JAW] = v
        values[SMILE_L] = 0.3 + 0.1 * i
        values[YAW] = -0.2 * i
        kfs.append(Keyframe(t, f"pose {i}", values))
    return Animation(kfs, fps=FPS)


def at(anim, t):
    return next(k for k in anim.keyframes if abs(k.time - t) < 1e-9)


def test_move_keys_snaps_to_frames_clamps_values_and_undoes_in_one_step():
    anim = make_animation()
    original = anim.copy()
    stack = UndoStack(anim)
    k1 = at(anim, 1.0)
    edit = commands.move_keys(anim, [(k1.uid, JAW)], dt=0.517, dv=0.9)
    assert edit.label == "Move key JawOpen"
    assert stack.push(edit)
    t, v, ids = anim.channel_keys(JAW)
    assert t.tolist() == pytest.approx([0.0, round(1.517 * FPS) / FPS, 2.0])
    assert v[1] == 1.0  # clamped to the range
    assert not anim.find(k1.uid).keyed[JAW] and anim.find(k1.uid).keyed[SMILE_L]  # the rest stays
    assert edit.keys_after == [(ids[1], JAW)]
    assert stack.undo() and anim.same_as(original)
    assert stack.redo() and anim.channel_keys(JAW)[1][1] == 1.0


def test_a_shift_under_half_a_frame_keeps_the_time_and_locked_channels_stay():
    anim = make_animation()
    k1 = at(anim, 1.0)
    edit = commands.move_keys(anim, [(k1.uid, JAW)], dt=0.01, dv=-0.1)
    edit.redo(anim)
    assert at(anim, 1.0).values[JAW] == pytest.approx(0.5) and at(anim, 1.0).uid == k1.uid
    anim.channel_locked[JAW] = True
    assert commands.move_keys(anim, [(k1.uid, JAW)], dt=0.5) is None


def test_moving_every_key_of_a_keyframe_moves_the_keyframe_with_its_description():
    anim = make_animation()
    k1 = at(anim, 1.0)
    keys = [(k1.uid, c) for c in range(ch.NUM_CHANNELS)]
    edit = commands.move_keys(anim, keys, dt=0.3)
    edit.redo(anim)
    moved = anim.find(k1.uid)
    assert moved.time == pytest.approx(1.3) and moved.description == "pose 1" and len(anim.keyframes) == 3
    assert edit.keys_after == keys


def test_keys_moved_together_onto_each_other_do_not_collide():
    """Two keys of one channel shifted by one key spacing: the first must not land on the second."""
    anim = make_animation()
    keys = [(at(anim, 0.0).uid, JAW), (at(anim, 1.0).uid, JAW)]
    commands.move_keys(anim, keys, dt=1.0).redo(anim)
    t, v, _ = anim.channel_keys(JAW)
    assert t.tolist() == [1.0, 2.0] and v.tolist() == pytest.approx([0.1, 0.6])  # the key at 2 s took 0.6


def test_scale_keys_about_a_pivot_in_time_and_value():
    anim = make_animation()
    original = anim.copy()
    keys = [(k.uid, JAW) for k in anim.keyframes]
    edit = commands.scale_keys(anim, keys, time_factor=2.0, pivot_time=0.0, value_factor=0.5, pivot_value=0.0)
    assert edit.label == "Scale 3 keys"
    edit.redo(anim)
    t, v, _ = anim.channel_keys(JAW)
    assert t.tolist() == [0.0, 2.0, 4.0] and v.tolist() == pytest.approx([0.05, 0.3, 0.1])
    assert at(anim, 2.0).keyed[SMILE_L]  # the key landed on the keyframe already at 2 s
    edit.undo(anim)
    assert anim.same_as(original)


def test_paste_keys_and_poses_land_on_frames_and_skip_locked_channels():
    anim = make_animation()
    stack = UndoStack(anim)
    copied = [{"channel": "JawOpen", "dt": 0.0, "value": 0.9, "interp": int(Interp.LINEAR)}, {"channel": JAW, "dt": 0.5, "value": 0.4}]
    assert stack.push(commands.paste_keys(anim, copied, 3.01))
    t, v, _ = anim.channel_keys(JAW)
    assert t.tolist() == pytest.approx([0.0, 1.0, 2.0, 3.0, 3.5]) and v[-2:].tolist() == pytest.approx([0.9, 0.4])
    assert at(anim, 3.0).interp[JAW] == Interp.LINEAR
    assert stack.undo() and len(anim.keyframes) == 3
    anim.channel_locked[YAW] = True
    pose = {c: 0.5 for c in range(ch.NUM_CHANNELS)}
    edit = commands.paste_pose(anim, 1.0, pose)
    assert edit.label == "Paste pose"
    stack.push(edit)
    k = at(anim, 1.0)
    assert k.values[JAW] == 0.5 and k.values[YAW] == pytest.approx(-0.2) and len(anim.keyframes) == 3
    stack.push(commands.paste_pose(anim, 2.5, {JAW: 0.7}))
    new = at(anim, 2.5)
    assert new.keyed.sum() == ch.NUM_CHANNELS - 1 and not new.keyed[YAW] and new.values[JAW] == 0.7  # the whole pose but the locked channel


def test_change_fps_keeps_times_or_frames_in_one_undo_step():
    anim = make_animation()
    anim.keyframes[1].hold = 0.5
    original = anim.copy()
    stack = UndoStack(anim)
    assert stack.push(commands.change_fps(anim, 24, keep="times"))
    assert anim.fps == 24 and [k.time for k in anim.keyframes] == [0.0, 1.0, 2.0]
    stack.undo()
    assert stack.push(commands.change_fps(anim, 60, keep="frames"))
    assert anim.fps == 60 and [k.time for k in anim.keyframes] == [0.0, 0.5, 1.0]
    assert anim.keyframes[1].hold == pytest.approx(0.25)
    assert [round(k.time * anim.fps) for k in anim.keyframes] == [0, 30, 60]
    assert stack.undo() and anim.same_as(original)
    with pytest.raises(ValueError, match="keep"):
        commands.change_fps(anim, 24, keep="seconds")
    with pytest.raises(ValueError, match="fps"):
        commands.change_fps(anim, 0)


# ------------------------------------------------------------------------------ palette
def test_palette_separates_neighbours_even_for_colour_blind_eyes():
    pal = palette.palette()
    assert len(pal) == ch.NUM_CHANNELS
    for i in range(ch.NUM_CHANNELS - 1):
        assert palette.delta_e(pal[i], pal[i + 1]) >= 20, ch.NAMES[i]
        for kind in ("protan", "deutan", "tritan"):
            assert palette.delta_e(pal[i], pal[i + 1], kind) >= 9, (ch.NAMES[i], kind)


def test_left_right_pairs_are_related_but_distinct():
    pal = palette.palette()
    for i in range(ch.NUM_CHANNELS):
        j = int(ch.MIRROR_INDEX[i])
        if j == i:
            continue
        a, b = palette.to_lab(pal[i]), palette.to_lab(pal[j])
        if np.hypot(a[1], a[2]) > 8:  # a chromatic pair: one hue family (the grey pair has no hue)
            hue = np.degrees(np.arctan2(a[2], a[1]) - np.arctan2(b[2], b[1]))
            assert abs((hue + 180) % 360 - 180) < 15, ch.NAMES[i]
        assert palette.delta_e(pal[i], pal[j]) >= 20 and min(palette.delta_e(pal[i], pal[j], k) for k in ("protan", "deutan", "tritan")) >= 9
        assert (ch.CHANNELS[i].side == "right") == (a[0] > b[0])  # the right side is the lighter one


def test_the_pairs_that_move_together_most_have_different_hues():
    firsts = [next(c for c in range(ch.NUM_CHANNELS) if ch.NAMES[c].startswith(name)) for name in palette.FIRST_PAIRS[: len(palette.BASE_COLORS)]]
    cols = [palette.channel_rgb(c) for c in firsts]
    for a in range(len(cols)):
        for b in range(a + 1, len(cols)):
            assert palette.delta_e(cols[a], cols[b]) >= 20, (ch.NAMES[firsts[a]], ch.NAMES[firsts[b]])


def test_the_channels_the_issue_named_no_longer_share_a_colour():
    names = ["EyeWideLeft", "MouthPressLeft", "MouthPressRight", "BrowOuterUpRight", "EyeBlinkLeft", "BrowInnerUp"]
    cols = [palette.channel_rgb(ch.channel_index(n)) for n in names]
    for a in range(len(cols)):
        for b in range(a + 1, len(cols)):
            assert palette.delta_e(cols[a], cols[b]) >= 15, (names[a], names[b])
