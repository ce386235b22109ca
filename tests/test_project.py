import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import Animation, Interp, Keyframe, Tangent, UndoStack
from kfstudio.animation import commands as cmd
from kfstudio.io.project import ProjectError, load_project, save_project, to_dict


def _rich_animation() -> Animation:
    rng = np.random.default_rng(7)
    a = Animation([Keyframe(i * 0.7, f"beat {i} — “quoted” ünïcode", rng.uniform(ch.LOWER, ch.UPPER)) for i in range(5)], fps=24, script="Emotion: joy\n0s: smile")
    s = UndoStack(a)
    uid = a.keyframes[1].uid
    s.push(cmd.set_tangent(a, [(uid, 3), (uid, 7)], Tangent.FREE, in_slope=0.3, out_slope=-0.2))
    s.push(cmd.set_interpolation(a, [(a.keyframes[2].uid, 5)], Interp.CONSTANT))
    s.push(cmd.set_keyframe_lock(a, uid, ["JawOpen", "HeadYaw"]))
    s.push(cmd.set_values(a, a.keyframes[3].uid, {"BrowInnerUp": 0.123456789012345}))
    s.push(cmd.set_channel_flags(a, ["TongueOut"], muted=True, locked=True))
    s.push(cmd.set_hold(a, a.keyframes[0].uid, 0.25))
    keyed = np.zeros(61, bool)
    keyed[[0, 17]] = True
    s.push(cmd.add_keyframe(a, Keyframe(5.0, "", np.full(61, 0.5), keyed=keyed)))
    a.settings = {"backend": {"name": "embedded"}, "export": {"fps": 60}}
    a.duration = 6.5
    return a


def test_round_trip_is_exact(tmp_path):
    a = _rich_animation()
    p = tmp_path / "shot.kfs"
    save_project(a, p)
    b = load_project(p)
    assert b.same_as(a)
    t = np.linspace(0, 6.5, 200)
    np.testing.assert_array_equal(a.evaluate(t), b.evaluate(t))
    assert json.loads(p.read_text("utf-8"))["version"] == 1


def test_channels_in_another_order_and_spelling_load(tmp_path):
    a = _rich_animation()
    d = to_dict(a)
    perm = np.random.default_rng(0).permutation(61)
    d["channels"] = [ch.ARKIT_NAMES[i] for i in perm]
    for k in d["keyframes"]:
        k["values"] = [k["values"][i] for i in perm]
        for f in ("in_slope", "out_slope"):
            if f in k:
                k[f] = [k[f][i] for i in perm]
        for f in ("interp", "tangent"):
            if isinstance(k[f], list):
                k[f] = [k[f][i] for i in perm]
    p = tmp_path / "perm.kfs"
    p.write_text(json.dumps(d))
    assert load_project(p).same_as(a)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(version=99), "newer KeyframeFace Studio"),
        (lambda d: d.update(format="something-else"), "not a KeyframeFace Studio project"),
        (lambda d: d["keyframes"][1].update(values=[0.1] * 60), "keyframes[1].values: expected a list of 61 numbers"),
        (lambda d: d["keyframes"][0]["values"].__setitem__(17, "x"), "keyframes[0].values[17]"),
        (lambda d: d["keyframes"][2].update(time=-1), "keyframes[2].time"),
        (lambda d: d["keyframes"][2].update(interp="cubic"), "keyframes[2].interp"),
        (lambda d: d["keyframes"][0].update(locked=["JawOpne"]), "did you mean 'JawOpen'"),
        (lambda d: d["keyframes"][0]["values"].__setitem__(0, 3.0), "EyeBlinkLeft = 3.0 is outside"),
        (lambda d: d["keyframes"][1].update(id=d["keyframes"][0]["id"]), "duplicate keyframe id"),
        (lambda d: d.update(fps=0), "fps: must be greater than 0"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, mutate, message):
    d = to_dict(_rich_animation())
    mutate(d)
    p = tmp_path / "bad.kfs"
    p.write_text(json.dumps(d))
    with pytest.raises(ProjectError) as e:
        load_project(p)
    assert message in str(e.value) and "bad.kfs" in str(e.value)


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe garbage", b'{"format": "kfstudio-project", "version": 1, "keyframes": [', b"[1, 2, 3]", b"NaN"])
def test_damaged_files(tmp_path, content):
    p = tmp_path / "damaged.kfs"
    p.write_bytes(content)
    with pytest.raises(ProjectError, match="damaged.kfs"):
        load_project(p)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="no such file"):
        load_project(tmp_path / "nope.kfs")


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    a = _rich_animation()
    p = tmp_path / "shot.kfs"
    save_project(a, p)
    old = p.read_bytes()
    b = a.copy()
    b.keyframes[0].values[:] = np.nan  # not serialisable as strict JSON
    with pytest.raises(ValueError):
        save_project(b, p)
    assert p.read_bytes() == old
    assert [f.name for f in tmp_path.iterdir()] == ["shot.kfs"]  # no temporary file left behind


_WRITER = r"""
import sys, numpy as np
from kfstudio.animation import Animation, Keyframe
from kfstudio.io.project import save_project
path = sys.argv[1]
rng = np.random.default_rng(0)
i = 0
print("ready", flush=True)
while True:   # save big documents over and over until killed
    n = 400 + (i % 3) * 200
    a = Animation([Keyframe(j * 0.05, "x" * 200, rng.uniform(0, 1, 61) * [1] * 52 + [0] * 9) for j in range(n)], script=f"version {i}")
    save_project(a, path)
    i += 1
"""


def test_kill_during_save_leaves_a_loadable_file(tmp_path):
    """A real subprocess saving in a loop is killed at random moments; the file always loads."""
    p = tmp_path / "shot.kfs"
    save_project(Animation([Keyframe(0, "first")], script="version -1"), p)
    rng = np.random.default_rng(1)
    for trial in range(6):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(p)], stdout=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(float(rng.uniform(0.05, 0.6)))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        a = load_project(p)  # never damaged: the old or a new complete version
        assert a.script.startswith("version ")
    leftovers = [f.name for f in tmp_path.iterdir() if f.name != "shot.kfs"]
    # temporary files of killed saves may remain; they never replace the project
    assert all(name.startswith(".shot.kfs.") for name in leftovers)


def test_leftovers_of_killed_saves_are_cleaned_up(tmp_path):
    p = tmp_path / "shot.kfs"
    old = tmp_path / ".shot.kfs.abc123.tmp"
    fresh = tmp_path / ".shot.kfs.def456.tmp"
    old.write_text("partial")
    fresh.write_text("partial")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    save_project(_rich_animation(), p)
    assert not old.exists()  # a killed save's leftover
    assert fresh.exists()  # may be another process's save in progress
    assert load_project(p).fps == 24
