import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kfstudio import channels as ch
from kfstudio.animation import Animation, Interp, Keyframe, Tangent, UndoStack
from kfstudio.animation import commands as cmd

JAW = ch.channel_index("JawOpen")
SMILE_L = ch.channel_index("MouthSmileLeft")
SMILE_R = ch.channel_index("MouthSmileRight")


def _anim(n=4, seed=0) -> Animation:
    rng = np.random.default_rng(seed)
    kfs = [Keyframe(float(i), f"beat {i}", rng.uniform(ch.LOWER, ch.UPPER)) for i in range(n)]
    return Animation(kfs, fps=30)


def test_evaluate_exact_at_keyframes_and_shape():
    a = _anim()
    vals = a.evaluate([k.time for k in a.keyframes])
    assert vals.shape == (4, 61)
    assert np.allclose(vals, [k.values for k in a.keyframes])
    assert a.evaluate(0.0).shape == (61,)


def test_sparse_keys_make_independent_curves():
    keyed = np.zeros(61, bool)
    keyed[JAW] = True
    v = np.zeros(61)
    v[JAW] = 1.0
    a = Animation([Keyframe(0, "a"), Keyframe(2, "b", v, keyed=keyed), Keyframe(4, "c")], fps=30)
    # JawOpen has keys at 0, 2, 4; the other channels only at 0 and 4 (all zero)
    assert a.evaluate(2.0)[JAW] == pytest.approx(1.0)
    t, values, ids = a.channel_keys("JawOpen")
    assert list(t) == [0, 2, 4]
    assert len(a.channel_keys("EyeBlinkLeft")[0]) == 2


def test_hold_keeps_pose():
    v = np.zeros(61)
    v[JAW] = 0.8
    a = Animation([Keyframe(0, "open", v, hold=1.0), Keyframe(3, "closed")])
    assert a.evaluate(0.5)[JAW] == pytest.approx(0.8)
    assert a.evaluate(1.0)[JAW] == pytest.approx(0.8)
    assert 0 < a.evaluate(2.0)[JAW] < 0.8


def test_mute_and_clamp():
    a = _anim()
    a.channel_muted[JAW] = True
    a.touch()
    assert np.all(a.evaluate(np.linspace(0, 3, 20))[:, JAW] == 0)
    assert np.any(a.evaluate(np.linspace(0, 3, 20), apply_mute=False)[:, JAW] != 0)


def test_frame_times_cover_duration():
    a = _anim()
    a.duration = 10.0
    t = a.frame_times(60)
    assert t[0] == 0 and t[-1] == pytest.approx(10.0) and len(t) == 601


def test_commands_undo_redo_basic():
    a = _anim()
    stack = UndoStack(a)
    start = a.copy()
    uid = a.keyframes[1].uid
    assert stack.push(cmd.set_values(a, uid, {"JawOpen": 0.25}))
    assert a.find(uid).values[JAW] == 0.25 and a.find(uid).edited[JAW]
    assert stack.push(cmd.move_keyframes(a, [uid], 0.5))
    assert a.find(uid).time == 1.5
    assert stack.undo_text == "Move keyframe"
    stack.undo()
    stack.undo()
    assert a.same_as(start)
    stack.redo()
    stack.redo()
    assert a.find(uid).time == 1.5
    assert not stack.push(cmd.set_values(a, uid, {"JawOpen": 0.25}))  # no-op edits are not recorded


def test_macro_is_one_undo_step():
    a = _anim()
    stack = UndoStack(a)
    start = a.copy()
    uid = a.keyframes[0].uid
    stack.begin_macro("Drag")
    for i in range(10):
        stack.push(cmd.set_keyframe_time(a, uid, 0.1 * i))
    stack.end_macro()
    assert stack.index == 1
    stack.undo()
    assert a.same_as(start)


def test_apply_proposals_respects_locks_and_hand_edits():
    a = _anim()
    k = a.keyframes[0]
    stack = UndoStack(a)
    stack.push(cmd.set_values(a, k.uid, {"MouthSmileLeft": 0.9}))  # hand edit
    stack.push(cmd.set_keyframe_lock(a, k.uid, ["JawOpen"]))
    stack.push(cmd.set_channel_flags(a, ["MouthSmileRight"], locked=True))
    before = a.find(k.uid).values.copy()
    proposal = np.full(61, 0.5)
    stack.push(cmd.apply_proposals(a, {k.uid: proposal}, mode="refine"))
    after = a.find(k.uid).values
    assert after[SMILE_L] == 0.9 and after[JAW] == before[JAW] and after[SMILE_R] == before[SMILE_R]
    assert after[ch.channel_index("BrowInnerUp")] == 0.5
    stack.push(cmd.apply_proposals(a, {k.uid: proposal}, mode="repropose"))
    after = a.find(k.uid).values
    assert after[SMILE_L] == 0.5 and after[JAW] == before[JAW] and after[SMILE_R] == before[SMILE_R]
    assert not a.find(k.uid).edited[SMILE_L]


def test_mirror_swaps_sides():
    a = _anim()
    k = a.keyframes[2]
    v = k.values.copy()
    UndoStack(a).push(cmd.mirror_keyframes(a, [k.uid]))
    m = a.find(k.uid).values
    assert m[SMILE_R] == v[SMILE_L] and m[SMILE_L] == v[SMILE_R]
    assert m[ch.channel_index("HeadYaw")] == -v[ch.channel_index("HeadYaw")]


def test_smooth_pulls_toward_neighbours():
    vals = [np.zeros(61), np.zeros(61), np.zeros(61)]
    vals[1][JAW] = 1.0
    a = Animation([Keyframe(i, "", v) for i, v in enumerate(vals)])
    UndoStack(a).push(cmd.smooth_keys(a, ["JawOpen"], strength=0.5))
    assert a.keyframes[1].values[JAW] == pytest.approx(0.5)


def test_move_channel_key_to_a_new_time_splits_it_off():
    a = _anim(3)
    stack = UndoStack(a)
    start = a.copy()
    uid = a.keyframes[1].uid
    stack.push(cmd.move_channel_key(a, uid, "JawOpen", 1.5, 0.7))
    assert not a.find(uid).keyed[JAW]
    t, v, ids = a.channel_keys("JawOpen")
    assert 1.5 in t and v[list(t).index(1.5)] == pytest.approx(0.7)
    assert len(a.keyframes) == 4
    stack.undo()
    assert a.same_as(start)


def test_key_pose_adds_or_updates():
    a = _anim(2)
    stack = UndoStack(a)
    stack.push(cmd.key_pose(a, 0.5))
    assert len(a.keyframes) == 3
    np.testing.assert_allclose(a.keyframe_at(0.5).values, a.evaluate(0.5))


def test_invalid_edits_raise_clear_errors():
    a = _anim()
    with pytest.raises(ValueError, match="finite"):
        cmd.set_values(a, a.keyframes[0].uid, {"JawOpen": float("nan")})
    with pytest.raises(KeyError, match="JawOpen"):
        cmd.set_values(a, a.keyframes[0].uid, {"JawOpne": 0.1})
    with pytest.raises(ValueError, match="fps"):
        cmd.set_document(a, fps=0)


def _random_edit(a: Animation, rng: np.random.Generator):
    """One random undoable edit of any kind (or None when it happens to change nothing)."""
    ids = [k.uid for k in a.keyframes]
    pick = lambda: ids[rng.integers(len(ids))]  # noqa: E731
    chans = list(rng.choice(61, size=rng.integers(1, 4), replace=False))
    op = rng.integers(0, 16) if ids else 0
    if op == 0:
        return cmd.add_keyframe(a, Keyframe(float(rng.uniform(0, 10)), "new", rng.uniform(ch.LOWER, ch.UPPER)))
    if op == 1 and len(ids) > 1:
        return cmd.delete_keyframes(a, [pick()])
    if op == 2:
        return cmd.move_keyframes(a, [pick()], float(rng.normal()), snap=bool(rng.integers(2)))
    if op == 3:
        return cmd.set_values(a, pick(), {int(c): float(rng.uniform(-1, 1)) for c in chans})
    if op == 4:
        return cmd.set_interpolation(a, [(pick(), int(c)) for c in chans], Interp(int(rng.integers(3))))
    if op == 5:
        return cmd.set_tangent(a, [(pick(), int(c)) for c in chans], Tangent(int(rng.integers(3))), in_slope=float(rng.normal()), out_slope=float(rng.normal()))
    if op == 6:
        return cmd.set_keyframe_lock(a, pick(), chans, bool(rng.integers(2)))
    if op == 7:
        return cmd.set_channel_flags(a, chans, locked=bool(rng.integers(2)), muted=bool(rng.integers(2)))
    if op == 8:
        return cmd.retime(a, float(rng.uniform(0.5, 2.0)))
    if op == 9:
        return cmd.mirror_keyframes(a, [pick()])
    if op == 10:
        return cmd.smooth_keys(a, chans, strength=float(rng.uniform()))
    if op == 11:
        return cmd.move_channel_key(a, pick(), int(chans[0]), float(rng.uniform(0, 10)), float(rng.uniform(-1, 1)))
    if op == 12:
        return cmd.key_pose(a, float(rng.uniform(0, 10)))
    if op == 13:
        return cmd.apply_proposals(a, {pick(): rng.uniform(ch.LOWER, ch.UPPER)}, mode=["refine", "repropose"][rng.integers(2)])
    if op == 14:
        return cmd.set_description(a, pick(), f"text {rng.integers(1000)}")
    return cmd.set_document(a, fps=float(rng.choice([24, 25, 30, 60])), script=f"s{rng.integers(9)}")


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_undo_redo_property_random_sequences(seed):
    rng = np.random.default_rng(seed)
    a = _anim(5, seed % 1000)
    initial = a.copy()
    stack = UndoStack(a, limit=10_000)
    pushed = 0
    while pushed < 200:
        if stack.push(_random_edit(a, rng)):
            pushed += 1
    final = a.copy()
    final_eval = a.evaluate(np.linspace(0, 12, 50))
    while stack.undo():
        pass
    assert a.same_as(initial)
    while stack.redo():
        pass
    assert a.same_as(final)
    np.testing.assert_array_equal(a.evaluate(np.linspace(0, 12, 50)), final_eval)


def test_clean_state_tracks_saves():
    a = _anim()
    stack = UndoStack(a)
    assert stack.is_clean
    stack.push(cmd.set_description(a, a.keyframes[0].uid, "x"))
    assert not stack.is_clean
    stack.set_clean()
    stack.undo()
    assert not stack.is_clean
    stack.redo()
    assert stack.is_clean


def test_mirror_leaves_locked_channels_and_their_counterparts():
    a = _anim()
    k = a.keyframes[0]
    stack = UndoStack(a)
    stack.push(cmd.set_values(a, k.uid, {"MouthSmileLeft": 0.8, "MouthSmileRight": 0.1, "BrowOuterUpLeft": 0.6, "BrowOuterUpRight": 0.0}))
    stack.push(cmd.set_keyframe_lock(a, k.uid, ["MouthSmileLeft"]))
    stack.push(cmd.mirror_keyframes(a, [k.uid]))
    after = a.find(k.uid)
    assert after.values[SMILE_L] == 0.8 and after.values[SMILE_R] == 0.1  # locked pair untouched
    assert after.locked[SMILE_L] and not after.locked[SMILE_R]
    assert after.values[ch.channel_index("BrowOuterUpRight")] == pytest.approx(0.6)  # the rest mirrored


def test_evaluating_some_channels_matches_all():
    a = _anim(6)
    a.channel_muted[JAW] = True
    a.touch()
    t = np.linspace(0, 5, 400)
    full = a.evaluate(t)
    some = [JAW, 60, SMILE_L, 3]
    np.testing.assert_array_equal(a.evaluate(t, channels=some), full[:, some])
    assert a.evaluate(1.5, channels=[SMILE_R]).shape == (1,)
    np.testing.assert_array_equal(a.evaluate(t, channels=[JAW], apply_mute=False)[:, 0], a.evaluate(t, apply_mute=False)[:, JAW])
