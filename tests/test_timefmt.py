"""Time as typed and shown (animation.timefmt), time forms in the script parser, and script lines
rewritten to new times in their own style (script_sync.lines) — pure logic, no Qt."""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio.animation import Animation, Keyframe
from kfstudio.animation import commands as cmd
from kfstudio.animation.timefmt import TimeFormatError, format_like, format_time, parse_time, parse_time_spec
from kfstudio.generation.script import parse_script
from kfstudio.script_sync import line_keys, script_keyframes, script_with_description, script_with_times, sync_keyframes


@pytest.mark.parametrize("text, fps, seconds", [
    ("1.5", 30, 1.5), ("1.5s", 30, 1.5), ("1,5s", 30, 1.5), ("1,5", 30, 1.5), ("2 sec", 30, 2.0),
    ("45f", 30, 1.5), ("45 frames", 24, 45 / 24), ("f45", 30, 1.5), ("frame 120", 30, 4.0), ("@f120", 30, 4.0),
    ("00:00:01:12", 30, 1.4), ("00:00:01:12", 24, 1.5), ("00:00:01;12", 24, 1.5), ("00:01.5", 30, 1.5),
    ("1:02:03", 30, 3723.0), ("  45F ", 30, 1.5),
])
def test_parse_time_reads_seconds_frames_and_timecodes(text, fps, seconds):
    assert parse_time(text, fps) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "soon", "45x", "1.2.3", "frame ten", "-1s", "00:00:01:40"])
def test_parse_time_refuses_what_is_not_a_time_and_says_how_to_write_one(text):
    with pytest.raises(TimeFormatError) as info:
        parse_time(text, 30)
    assert repr(text) in str(info.value) or text.strip() in str(info.value)


def test_format_time_in_each_display_mode():
    assert format_time(1.5, 30, "seconds") == "1.50 s"
    assert format_time(1.5, 30, "frames") == "45f"
    assert format_time(1.5, 30, "timecode") == "00:00:01:15"
    assert format_time(3725.5, 24, "timecode") == "01:02:05:12"
    assert format_time(1.5, 30, "frames", unit=False) == "45"
    for t in (0.0, 1 / 30, 2.5, 61.2):  # what is shown reads back as the same time
        for mode in ("seconds", "frames", "timecode"):
            assert parse_time(format_time(t, 30, mode, decimals=4), 30) == pytest.approx(t, abs=1e-4)


def test_format_like_keeps_each_style():
    fps = 30
    assert format_like(parse_time_spec("3s"), 3.57, fps) == "3.57"
    assert format_like(parse_time_spec("1,5s"), 3.57, fps) == "3,57"
    assert format_like(parse_time_spec("45f"), 3.5, fps) == "105"
    assert format_like(parse_time_spec("frame 45"), 4.0, fps) == "120"
    assert format_like(parse_time_spec("00:00:01:12"), 3.5, fps) == "00:00:03:15"
    assert format_like(parse_time_spec("00:01.5"), 3.57, fps) == "00:03.57"
    assert format_like(parse_time_spec("1.5"), 3.0, fps) == "3.0"  # a bare time keeps its point


SCRIPT_FORMS = """Background: a kitchen
45f: she smiles
frame 120: the brows lift
@f150 the jaw drops
1,5s: a wink
00:00:06:12 she laughs
"""


def test_script_accepts_frames_decimal_commas_and_timecodes_at_the_document_fps():
    script = parse_script(SCRIPT_FORMS, fps=30)
    got = {b.description: b.time for b in script.beats}
    assert got == {"she smiles": 1.5, "the brows lift": 4.0, "the jaw drops": 5.0, "a wink": 1.5,
                   "she laughs": pytest.approx(6.4)}
    assert not [w for w in script.warnings if "cannot be read" in w]
    at24 = {b.description: b.time for b in parse_script(SCRIPT_FORMS, fps=24).beats}
    assert at24["she smiles"] == pytest.approx(45 / 24) and at24["a wink"] == 1.5  # frames follow the fps
    # the prefix never stays in the description (it did: "45f: she smiles" was taken as text)
    assert all(":" not in b.description and not b.description[0].isdigit() for b in script.beats)


@pytest.mark.parametrize("line, token", [("45x: she smiles", "45x"), ("@soon she smiles", "@soon"),
                                         ("frame ten: she smiles", "frame ten"), ("1.2.3: she smiles", "1.2.3")])
def test_a_time_that_cannot_be_read_is_warned_about_with_its_line(line, token):
    script = parse_script(f"0.5s: first\n{line}\n")
    warnings = [w for w in script.warnings if "cannot be read" in w]
    assert len(warnings) == 1 and "line 2" in warnings[0] and repr(token) in warnings[0]


def test_prose_and_list_numbers_are_not_warned_about():
    for text in ("2 seconds later she smiles.", "1: she smiles\n2: she frowns\n", "She smiles. Then she laughs."):
        assert not [w for w in parse_script(text).warnings if "cannot be read" in w]


def test_sync_reads_frames_at_the_document_fps():
    anim = Animation(fps=24.0)
    edit, _ = sync_keyframes(anim, "48f: she smiles\n00:00:03:12 she laughs\n")
    edit.redo(anim)
    assert [k.time for k in script_keyframes(anim)] == [pytest.approx(2.0), pytest.approx(3.5)]


def _synced(text: str, fps: float = 30.0) -> Animation:
    anim = Animation(fps=fps)
    edit, _ = sync_keyframes(anim, text)
    edit.redo(anim)
    return anim


@pytest.mark.parametrize("line, t, moved", [
    ("3s: she smiles", 3.57, "3.57s: she smiles"),
    ("@1.5 she smiles", 3.57, "@3.57 she smiles"),
    ("[1.5] she smiles", 3.57, "[3.57] she smiles"),
    ("45f: she smiles", 107 / 30, "107f: she smiles"),
    ("frame 45: she smiles", 107 / 30, "frame 107: she smiles"),
    ("1,5s: she smiles", 3.57, "3,57s: she smiles"),
    ("00:00:01:15 she smiles", 107 / 30, "00:00:03:17 she smiles"),
])
def test_a_moved_keyframe_rewrites_its_line_in_the_line_s_own_style(line, t, moved):
    text = f"Background: a kitchen\n0.5s: she looks up\n{line}\n5s: she laughs\n"
    anim = _synced(text)
    before = line_keys(anim)
    new = script_with_times(anim.script, anim.fps, before, {before[1].uid: t})
    assert new == text.replace(line, moved)
    assert parse_script(new, fps=30).beats[1].time == pytest.approx(t, abs=1e-9)


def test_a_range_keeps_its_hold_and_an_untimed_line_gets_the_script_s_style():
    text = "0-1.5s: she smiles\n- she frowns\n@5 she laughs\n@6 she sighs\n"
    anim = _synced(text)
    before = line_keys(anim)
    new = script_with_times(anim.script, anim.fps, before, {before[0].uid: 0.5, before[1].uid: 2.25})
    assert new == "0.5-2s: she smiles\n- @2.25 she frowns\n@5 she laughs\n@6 she sighs\n"
    beats = parse_script(new).beats
    assert (beats[0].time, beats[0].hold, beats[1].time) == (0.5, 1.5, 2.25)


def test_prose_and_unchanged_times_are_left_alone():
    prose = _synced("She smiles. Then she laughs.")
    before = line_keys(prose)
    assert script_with_times(prose.script, 30.0, before, {before[1].uid: 3.0}) is None
    timed = _synced("1s: she smiles\n2s: she laughs\n")
    before = line_keys(timed)
    assert script_with_times(timed.script, 30.0, before, {before[0].uid: 1.0}) is None
    assert script_with_times("1s: another text\n", 30.0, before, {before[0].uid: 1.5}) is None


def test_a_hand_made_keyframe_described_gets_a_line_in_the_script_s_style():
    anim = _synced("30f: she smiles\n90f: she laughs\n")
    k = Keyframe(2.0, "", np.zeros(61))
    cmd.add_keyframe(anim, k).redo(anim)
    assert script_with_description(anim, k.uid, "she gasps") == "30f: she smiles\n60f: she gasps\n90f: she laughs\n"


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(frames=st.integers(0, 400_000), fps=st.sampled_from([24.0, 25.0, 30.0, 60.0]),
       mode=st.sampled_from(["seconds", "frames", "timecode"]))
def test_every_shown_whole_frame_time_reads_back(frames, fps, mode):
    t = frames / fps
    assert parse_time(format_time(t, fps, mode, decimals=6), fps) == pytest.approx(t, abs=1e-6)


@settings(max_examples=120, deadline=None)
@given(prefix=st.sampled_from(["1s: ", "@1.0 ", "[1.0] ", "30f: ", "frame 30: ", "@f30 ", "1,0s: ", "00:00:01:00 ", "00:01.0 "]),
       frame=st.integers(0, 20_000))
def test_a_line_retimed_in_any_style_reads_back_at_its_new_time(prefix, frame):
    fps = 30.0
    anim = _synced(f"0s: she looks up\n{prefix}she smiles\n")
    before = line_keys(anim)
    t = frame / fps
    new = script_with_times(anim.script, fps, before, {before[1].uid: t})
    if abs(t - before[1].time) < 1e-9:
        assert new is None
        return
    assert new is not None
    beat = next(b for b in parse_script(new, fps=fps).beats if b.description == "she smiles")
    style = parse_script(anim.script).beats[1].spec.style
    exact = style in ("f", "frame", "fprefix", "tc")  # seconds are written to the millisecond
    assert beat.time == pytest.approx(t, abs=1e-9 if exact else 0.0005) and beat.spec.style == style
