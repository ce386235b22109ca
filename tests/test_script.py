"""Script parsing, keyframe timing and canonical text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfstudio.resources import EXAMPLES
from kfstudio.generation import keyframeface as kf
from kfstudio.generation.script import (
    Beat,
    Script,
    ScriptError,
    assign_times,
    beat_spans,
    parse_script,
    script_to_text,
)


SPEC_EXAMPLE = """\
Background: A student waits outside an interview room and tries to hide their anxiety.
Emotion: Anxiety concealed by a restrained smile.

0.0s: The gaze is lowered, the inner brows lift slightly, and the lips press together with visible tension.
1.5s: The gaze rises and both mouth corners form a small restrained smile while the brows remain worried.
The eyes close for a moment.
"""


def _parse(text: str) -> Script:
    return parse_script(text, "test.txt")


def test_spec_example():
    s = _parse(SPEC_EXAMPLE)
    assert s.background == "A student waits outside an interview room and tries to hide their anxiety."
    assert s.emotion == "Anxiety concealed by a restrained smile."
    assert [(b.time, b.line) for b in s.beats] == [(0.0, 4), (1.5, 5), (None, 6)]
    assert s.beats[2].description == "The eyes close for a moment."
    assert s.warnings == []
    times = assign_times(s)
    assert times[:2] == [0.0, 1.5] and times[2] > 1.5


@pytest.mark.parametrize(
    "line, time",
    [
        ("1.5s: Smile.", 1.5),
        ("1.5 s - Smile.", 1.5),
        ("1.5 sec: Smile.", 1.5),
        ("2 seconds | Smile.", 2.0),
        ("@1.5 Smile.", 1.5),
        ("@ 1.5s: Smile.", 1.5),
        ("00:01.5 Smile.", 1.5),
        ("00:01.5: Smile.", 1.5),
        ("01:02.25 - Smile.", 62.25),
        ("00:01:02.5: Smile.", 62.5),
        ("[1.5] Smile.", 1.5),
        ("[1.5s]: Smile.", 1.5),
        ("(00:02) Smile.", 2.0),
        ("1.5: Smile.", 1.5),
        (".5s: Smile.", 0.5),
        ("- 1.5s: Smile.", 1.5),
        ("3. 1.5s: Smile.", 1.5),
    ],
)
def test_time_forms(line, time):
    s = _parse("0.0s: Start.\n" + line)
    assert s.beats[-1].description == "Smile."
    assert s.beats[-1].time == time


def test_time_range_gives_hold():
    b = _parse("0-1.5s: Smile wide.").beats[0]
    assert (b.time, b.hold, b.description) == (0.0, 1.5, "Smile wide.")


@pytest.mark.parametrize(
    "line, hold, description",
    [
        ("1s: Smile. hold 0.5s", 0.5, "Smile."),
        ("1s: Smile, hold for 2 seconds.", 2.0, "Smile"),
        ("1s: Smile (hold 0.5s)", 0.5, "Smile"),
        ("1s: Smile [hold 0.25] widely", 0.25, "Smile widely"),
        ("1s: She holds her breath.", None, "She holds her breath."),
        ("1s: The smile holds 1.5 s", 1.5, "The smile"),
    ],
)
def test_hold_annotations(line, hold, description):
    b = _parse(line).beats[0]
    assert (b.hold, b.description) == (hold, description)


def test_hold_on_its_own_line_applies_to_the_beat_above():
    s = _parse("0s: Smile.\nhold 0.7s\n1s: Frown.")
    assert [b.hold for b in s.beats] == [0.7, None]
    assert any("hold with no keyframe" in w for w in _parse("hold 1s\n0s: Smile.").warnings)


def test_headers_any_case_synonyms_comments_and_bullets():
    text = """\
# A comment line
BACKGROUND = A quiet office.   # trailing comment
mood - Bored.
setting: At night.

* Yawn widely.
1) Rub the eyes \\# not a comment
- Blink twice.
"""
    s = _parse(text)
    assert s.background == "A quiet office. At night."
    assert s.emotion == "Bored."
    assert any("second background" in w for w in s.warnings)
    assert s.descriptions == ["Yawn widely.", "Rub the eyes # not a comment", "Blink twice."]
    assert [b.line for b in s.beats] == [6, 7, 8]


def test_indented_lines_continue_and_blank_lines_separate():
    s = _parse("0s: The brows lift\n   and the eyes widen.\n\n1s: Calm.\nStill calm.")
    assert s.descriptions == ["The brows lift and the eyes widen.", "Calm.", "Still calm."]


def test_time_alone_takes_the_next_line():
    s = _parse("0s:\nThe eyes open.\n2s:")
    assert s.descriptions == ["The eyes open."] and s.beats[0].time == 0.0
    assert any("line 3" in w and "no description" in w for w in s.warnings)


def test_prose_is_split_into_beats():
    text = (
        "She looks down nervously. Then she glances up and smiles; her brows stay worried, "
        "before she suddenly laughs. Finally, the eyes close\nand the head tilts. "
        "After that, she sighs and afterwards she winks! Strengthen the smile."
    )
    s = _parse(text)
    assert s.descriptions == [
        "She looks down nervously.",
        "She glances up and smiles",
        "Her brows stay worried",
        "She suddenly laughs.",
        "The eyes close and the head tilts.",
        "She sighs",
        "She winks!",
        "Strengthen the smile.",
    ]
    assert [b.line for b in s.beats] == [1, 1, 1, 1, 1, 2, 2, 2]
    assert all(b.time is None for b in s.beats)


def test_prose_lines_starting_upper_case_are_separate_beats():
    s = _parse("Background: Kitchen\nShe frowns\nShe smiles\nand laughs")
    assert s.descriptions == ["She frowns", "She smiles and laughs"]


def test_nothing_to_parse():
    for text in ("", "   \n\n", "# only a comment", "Background: x"):
        s = _parse(text)
        assert s.beats == [] and any("no keyframe" in w for w in s.warnings)
        assert assign_times(s) == []


@pytest.mark.parametrize(
    "text, line",
    [("0s: A.\n-1.5s: Smile.", "line 2"), ("@-1 Smile.", "line 1"), ("[-0.5] Smile.", "line 1"),
     ("0s: Smile. hold -1s", "line 1"), ("2-1s: Smile.", "line 1")],
)
def test_contradictions_raise_naming_the_line(text, line):
    with pytest.raises(ScriptError, match=f"test.txt, {line}"):
        _parse(text)
    assert issubclass(ScriptError, ValueError)


def test_backwards_times_are_reordered_with_their_untimed_followers():
    s = _parse("Intro.\n0s: A.\n3s: B.\nB continues.\n1s: C.\n2s: D.")
    assert s.descriptions == ["Intro.", "A.", "C.", "D.", "B.", "B continues."]
    assert any("reordered" in w and "line 5" in w for w in s.warnings)
    times = assign_times(s)
    assert times == sorted(times)
    assert [t for t, b in zip(times, s.beats) if b.time is not None] == [0.0, 1.0, 2.0, 3.0]


# ------------------------------------------------------------------------------ timing


def test_untimed_beats_share_the_interval_by_length():
    s = _parse("0s: Start.\nShort.\nA much longer description of a slow and complicated change of the face.\n10s: End.")
    t = assign_times(s)
    assert t[0] == 0.0 and t[3] == 10.0
    first_gap, second_gap, third_gap = t[1] - t[0], t[2] - t[1], t[3] - t[2]
    assert second_gap > first_gap  # the long description needs longer to arrive
    assert abs(first_gap + second_gap + third_gap - 10.0) < 1e-9


def test_times_without_any_explicit_follow_natural_gaps():
    s = _parse("- Smile.\n- Frown deeply now please.\n- Blink.")
    t = assign_times(s, min_gap=0.5, seconds_per_word=0.2, default_hold=0.25)
    # gap into beat 1: hold 0.25 + max(0.5, 4 words * 0.2); into beat 2: 0.25 + max(0.5, 0.2)
    assert t == pytest.approx([0.0, 1.05, 1.8])


def test_holds_lengthen_gaps_and_trailing_beats_follow_last_explicit():
    base = assign_times(_parse("2s: Smile.\nFrown."))
    held = assign_times(_parse("2s: Smile. (hold 1s)\nFrown."))
    assert base[0] == held[0] == 2.0
    assert held[1] - base[1] == pytest.approx(1.0 - 0.3)


def test_explicit_times_are_exact():
    s = _parse("0.1234567s: A.\nB.\n3.3333333s: C.\nD.")
    t = assign_times(s)
    assert t[0] == 0.1234567 and t[2] == 3.3333333 and t == sorted(t)


# ------------------------------------------------------------------------------ text and spans


def test_canonical_text_round_trips():
    for text in (SPEC_EXAMPLE, "0-1.5s: Smile wide.\n\\# hash\nhold 2s", "A. Then B; C before D."):
        s = _parse(text)
        again = parse_script(script_to_text(s))
        assert again == s
        assert script_to_text(again) == script_to_text(s)


def test_canonical_text_escapes_markup_in_descriptions():
    tricky = [
        "1.5s: starts with a time",
        "- starts with a bullet",
        "Background: looks like a header",
        "has a # hash and a back\\slash",
        "The smile holds 2s",
        "hold 3s",
        "[hold 1] bracketed",
        "@home",
        "2. numbered",
    ]
    s = Script("bg # with hash", "emo", [Beat(d, t, h) for d, t, h in zip(tricky, [None, 1.0] * 5, [None, 0.5] * 5)])
    again = parse_script(script_to_text(s))
    assert again == Script("bg # with hash", "emo", s.beats)


line_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(
    lambda t: " ".join(t.split())
).filter(bool)
beats_strategy = st.lists(
    st.builds(
        Beat,
        line_text,
        st.none() | st.floats(0, 1000, allow_nan=False).map(lambda x: round(x, 3)),
        st.none() | st.floats(0, 10, allow_nan=False).map(lambda x: round(x, 2)),
    ),
    max_size=6,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.just("") | line_text, st.just("") | line_text, beats_strategy)
def test_canonical_text_round_trips_fuzz(background, emotion, beats):
    times = [b.time for b in beats if b.time is not None]
    if times != sorted(times):
        beats.sort(key=lambda b: (b.time is None, b.time or 0))  # keep the fuzz to ordered scripts
        if beats and beats[-1].time is None:
            beats = [b for b in beats if b.time is not None] or beats
    s = Script(background, emotion, beats)
    again = parse_script(script_to_text(s))
    assert (again.background, again.emotion) == (" ".join(background.split()), " ".join(emotion.split()))
    assert again.beats == s.beats


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_parse_never_fails_except_with_script_error(text):
    try:
        s = parse_script(text)
    except ScriptError as exc:
        assert "line" in str(exc)
        return
    times = assign_times(s)
    assert len(times) == len(s.beats) and times == sorted(times)
    assert all(b.description for b in s.beats)
    for start, end in beat_spans(text):
        assert 0 <= start < end <= len(text)


def test_beat_spans_point_at_the_descriptions():
    text = "Background: x\n\n0.0s: The gaze is lowered.  # note\n@1 Smile (hold 1s) broadly.\n  and laugh\n"
    spans = beat_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "The gaze is lowered.",
        "Smile (hold 1s) broadly.\n  and laugh",
    ]
    prose = "She frowns. Then she smiles."
    assert [prose[a:b] for a, b in beat_spans(prose)] == ["She frowns.", "Then she smiles."]
    assert beat_spans("-1s: bad") == []


def test_bom_is_skipped():
    text = "\ufeffEmotion: Joy\n0s: Smile."
    s = parse_script(text)
    assert s.emotion == "Joy"
    a, b = beat_spans(text)[0]
    assert text[a:b] == "Smile."


# ------------------------------------------------------------------------------ examples


def test_example_scripts_parse_cleanly():
    files = sorted(EXAMPLES.glob("*.txt"))
    assert len(files) >= 5
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in files:
        s = parse_script(path.read_text(encoding="utf-8"), str(path))
        assert s.warnings == [], (path.name, s.warnings)
        assert s.background and s.emotion and len(s.beats) >= 2
        assert path.name in readme
        t = assign_times(s)
        assert t == sorted(t) and t[0] == 0.0


def test_interview_example_matches_keyframeface_release(shared):
    path = shared("keyframeface", "example_request.jsonl")
    csv = shared("keyframeface", "example_result.csv")
    s = parse_script((EXAMPLES / "interview_anxiety.txt").read_text(encoding="utf-8"))
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    for index, line in enumerate(lines):
        assert kf.build_request_line(s.descriptions, index, s.background, s.emotion) == line
        assert kf.parse_request(json.loads(line)) == (s.descriptions, index, s.background, s.emotion)
    timecodes = [row.split(",")[0] for row in csv.read_text(encoding="utf-8").splitlines()[1:] if row]
    seconds = [int(tc.split(":")[2]) + int(tc.split(":")[3].split(".")[0]) / 60 for tc in timecodes]
    assert assign_times(s) == seconds


def test_bench_functions_report_well_formed_rows():
    from kfstudio.bench.script import bench_keyframeface, bench_script

    rows = bench_script(repeats=2) + bench_keyframeface(repeats=2)
    assert len(rows) == 7
    for row in rows:
        assert row["unit"] == "ms" and row["min"] <= row["median"] <= row["max"]
        assert row["passed"] == (row["median"] <= row["target"])
