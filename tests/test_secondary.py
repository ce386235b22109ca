import json

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import Animation, Keyframe, UndoStack
from kfstudio.animation import commands as cmd
from kfstudio.animation.secondary import SecondaryMotion, apply_secondary, secondary_layer
from kfstudio.io.project import ProjectError, load_project, save_project, to_dict

BLINK_L, BLINK_R = ch.channel_index("EyeBlinkLeft"), ch.channel_index("EyeBlinkRight")


def _anim(seconds=60.0) -> Animation:
    v = np.zeros(61)
    v[ch.channel_index("MouthSmileLeft")] = 0.5
    return Animation([Keyframe(0, "a", v), Keyframe(seconds, "b", v)], fps=30)


def _blink_count(signal: np.ndarray) -> int:
    closed = signal > 0.9
    return int(np.count_nonzero(closed[1:] & ~closed[:-1]) + closed[0])


def test_off_by_default_everywhere():
    a = _anim()
    t = a.frame_times()
    np.testing.assert_array_equal(a.evaluate(t, secondary=True), a.evaluate(t))
    np.testing.assert_array_equal(a.sample()[1], a.evaluate(t))


def test_natural_blink_rate_and_shape():
    t = np.arange(0, 120, 1 / 60)
    layer = secondary_layer(t, SecondaryMotion(enabled=True), 120)
    per_minute = _blink_count(layer["blink"]) / 2
    assert 8 <= per_minute <= 30
    closed = layer["blink"] > 0.5
    runs = np.diff(np.flatnonzero(np.diff(closed.astype(int)) != 0))[::2] / 60  # durations of closures
    assert runs.max() < 0.3


def test_deterministic_per_seed():
    t = np.linspace(0, 30, 900)
    a = secondary_layer(t, SecondaryMotion(seed=3))
    b = secondary_layer(t, SecondaryMotion(seed=3))
    c = secondary_layer(t, SecondaryMotion(seed=4))
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    assert not np.array_equal(a["blink"], c["blink"])


def test_blinks_only_close_further_and_skip_closed_eyes():
    t = np.arange(0, 60, 1 / 30)
    base = np.zeros((t.size, 61))
    base[:, BLINK_L] = 0.3
    out = apply_secondary(base, t, SecondaryMotion(enabled=True, saccades=False, sway=False))
    assert np.all(out[:, BLINK_L] >= 0.3) and out[:, BLINK_L].max() > 0.9
    base[:, [BLINK_L, BLINK_R]] = 1.0  # eyes shut: no blink to add, nothing else changes
    out = apply_secondary(base, t, SecondaryMotion(enabled=True, saccades=False, sway=False))
    np.testing.assert_array_equal(out, base)


def test_saccades_move_rotation_and_look_shapes_together():
    t = np.arange(0, 30, 1 / 30)
    out = apply_secondary(np.zeros((t.size, 61)), t, SecondaryMotion(enabled=True, blinks=False, sway=False, saccade_amplitude=0.1))
    yaw = out[:, ch.channel_index("RightEyeYaw")]
    assert np.abs(yaw).max() > 0.02
    right = yaw > 0.01  # gaze toward the face's right: right eye out, left eye in
    assert np.all(out[right, ch.channel_index("EyeLookOutRight")] > 0)
    assert np.all(out[right, ch.channel_index("EyeLookInLeft")] > 0)
    assert np.all(out[right, ch.channel_index("EyeLookOutLeft")] == 0)
    pitch = out[:, ch.channel_index("LeftEyePitch")]
    down = pitch > 0.01
    assert np.all(out[down, ch.channel_index("EyeLookDownLeft")] > 0)


def test_enabled_layer_is_editable_undoable_and_exported_only_when_asked(tmp_path):
    a = _anim(20)
    stack = UndoStack(a)
    t = a.frame_times()
    stack.push(cmd.set_secondary_motion(a, SecondaryMotion(enabled=True)))
    live = a.evaluate(t, secondary=True)
    assert np.any(live != a.evaluate(t))
    np.testing.assert_array_equal(a.sample()[1], a.evaluate(t))  # not in exports yet
    stack.push(cmd.set_secondary_motion(a, SecondaryMotion(enabled=True, in_export=True)))
    np.testing.assert_allclose(a.sample()[1], live)
    p = tmp_path / "s.kfs"
    save_project(a, p)
    assert load_project(p).secondary == SecondaryMotion(enabled=True, in_export=True)
    stack.undo()
    stack.undo()
    assert a.secondary == SecondaryMotion()
    np.testing.assert_array_equal(a.evaluate(t, secondary=True), a.evaluate(t))


@pytest.mark.parametrize(
    "bad, message",
    [({"blink_rate": 500}, "secondary.blink_rate"), ({"enabled": "yes"}, "secondary.enabled"), ({"wobble": 1}, "unknown setting")],
)
def test_bad_settings_are_clear_errors(tmp_path, bad, message):
    d = to_dict(_anim(2))
    d["settings"]["secondary"] = bad
    p = tmp_path / "bad.kfs"
    p.write_text(json.dumps(d))
    with pytest.raises(ProjectError, match=message):
        load_project(p)


def test_a_longer_animation_keeps_the_motion_it_already_had():
    t = np.linspace(0, 20, 601)
    short = secondary_layer(t, SecondaryMotion(), 20)
    longer = secondary_layer(t, SecondaryMotion(), 40)
    for k in short:
        np.testing.assert_array_equal(short[k], longer[k])
