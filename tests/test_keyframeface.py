"""KeyframeFace request building and response parsing, checked against the released examples."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.generation import keyframeface as kf

from conftest import shared_file


def _jsonl(name: str) -> list[str]:
    path = shared_file("keyframeface", name)
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _responses() -> list[str]:
    return [json.loads(line)["response"] for line in _jsonl("example_response.jsonl")]


def _csv_rows() -> list[np.ndarray]:
    path = shared_file("keyframeface", "example_result.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert header[2:] == list(ch.NAMES)
    return [np.array([float(x) for x in line.split(",")[2:]]) for line in lines[1:] if line.strip()]


# ----------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    "n, word",
    [(1, "One"), (2, "Two"), (13, "Thirteen"), (20, "Twenty"), (21, "Twenty-One"), (99, "Ninety-Nine"),
     (100, "One Hundred"), (105, "One Hundred Five"), (342, "Three Hundred Forty-Two"),
     (2012, "Two Thousand Twelve")],
)
def test_number_word(n, word):
    assert kf.number_word(n) == word
    assert kf.parse_number_word(word) == (n if n < 1000 else None)


def test_number_words_are_unique_and_invert():
    words = [kf.number_word(n) for n in range(1, 1000)]
    assert len(set(words)) == len(words)
    for n, w in enumerate(words, start=1):
        assert kf.parse_number_word(w.lower().replace(" ", "_").replace("-", "_")) == n


@pytest.mark.parametrize("bad", [0, -1, 1_000_000, 1.5, True])
def test_number_word_rejects(bad):
    with pytest.raises(ValueError):
        kf.number_word(bad)


def test_keyframe_key():
    assert kf.keyframe_key(0) == "Keyframe_one"
    assert kf.keyframe_key(20) == "Keyframe_twenty_one"
    assert kf.keyframe_key(104) == "Keyframe_one_hundred_five"


# ----------------------------------------------------------------------------- requests


def test_build_request_matches_example_byte_for_byte():
    lines = _jsonl("example_request.jsonl")
    first = json.loads(lines[0])
    user = first["messages"][1]["content"]
    descriptions = [l.split(": ", 1)[1] for l in user.split("\n") if l.startswith("- Keyframe ")]
    background = next(l for l in user.split("\n") if l.startswith("Background: "))[12:]
    emotion = next(l for l in user.split("\n") if l.startswith("Emotion: "))[9:]
    assert first["messages"][0]["content"] == kf.SYSTEM_PROMPT
    for index, line in enumerate(lines):
        obj = {"messages": kf.build_messages(descriptions, index, background, emotion)}
        assert json.dumps(obj, ensure_ascii=False, separators=(",", ":")) == line
        assert kf.build_request_line(descriptions, index, background, emotion) == line


def test_parse_request_inverts_example():
    for index, line in enumerate(_jsonl("example_request.jsonl")):
        descriptions, got_index, background, emotion = kf.parse_request(json.loads(line))
        assert got_index == index
        assert len(descriptions) == 2 and descriptions[0].startswith("The gaze is lowered")
        assert background.startswith("A student waits") and emotion.startswith("Anxiety")
        assert kf.build_request_line(descriptions, got_index, background, emotion) == line


def test_request_round_trip_long_sequence_and_unicode():
    descriptions = [f"Beat {i}: the brows lift — «café» {i}." for i in range(25)]
    line = kf.build_request_line(descriptions, 22, "Un café, la nuit.", "")
    assert "Keyframe Twenty-Three." in line and "Emotion:\\n" in line
    assert "café" in line  # not escaped
    assert kf.parse_request(line) == (descriptions, 22, "Un café, la nuit.", "")


def test_build_messages_collapses_newlines():
    msgs = kf.build_messages(["eyes close\nslowly", "open"], 0, "a\nb", "c")
    assert "- Keyframe One: eyes close slowly\n- Keyframe Two: open\n" in msgs[1]["content"]
    assert kf.parse_request({"messages": msgs}) == (["eyes close slowly", "open"], 0, "a b", "c")


@pytest.mark.parametrize(
    "obj, field",
    [
        ({}, "messages"),
        ({"messages": [{"role": "system", "content": "x"}]}, "role 'user'"),
        ({"messages": [{"role": "user", "content": 3}]}, "messages[0].content"),
        ({"messages": [{"role": "user", "content": "hello"}]}, "Keyframe Description Sequence"),
        ({"messages": [{"role": "user", "content": "Keyframe Description Sequence:\n- Keyframe Two: x\n\nTask Instruction: Generate the facial expression parameters for Keyframe One."}]}, "line 2"),
        ({"messages": [{"role": "user", "content": "Keyframe Description Sequence:\n- Keyframe One: x\n"}]}, "Task Instruction"),
        ({"messages": [{"role": "user", "content": "Keyframe Description Sequence:\n- Keyframe One: x\n\nTask Instruction: Generate the facial expression parameters for Keyframe Three."}]}, "keyframe 3 of 1"),
    ],
)
def test_parse_request_errors_name_the_field(obj, field):
    with pytest.raises(kf.KeyframeFaceFormatError, match=re.escape(field)):
        kf.parse_request(obj)


def test_read_requests_names_file_and_line(tmp_path):
    good = _jsonl("example_request.jsonl")
    path = tmp_path / "req.jsonl"
    path.write_text(good[0] + "\n\n" + good[1] + "\n", encoding="utf-8")
    assert [r[1] for r in kf.read_requests(path)] == [0, 1]
    path.write_text(good[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(kf.KeyframeFaceFormatError, match=r"req\.jsonl, line 2"):
        kf.read_requests(path)
    assert issubclass(kf.KeyframeFaceFormatError, ValueError)


# ----------------------------------------------------------------------------- pitch convention


def test_pitch_mapping_follows_the_example_gaze():
    lowered, raised = (kf.parse_response(r).values for r in _responses())
    i = ch.channel_index
    # "The gaze is lowered": Live Link Face pitch is positive-down, agreeing with EyeLookDown.
    assert lowered[i("EyeLookDownLeft")] > 0 and lowered[i("LeftEyePitch")] > 0
    assert lowered[i("RightEyePitch")] > 0 and lowered[i("HeadPitch")] > 0
    # "The gaze rises": negative pitch, agreeing with EyeLookUp.
    assert raised[i("EyeLookUpLeft")] > 0 and raised[i("LeftEyePitch")] < 0


def test_parsed_examples_equal_csv_with_pitch_flipped():
    rows = _csv_rows()
    for row, response in zip(rows, _responses()):
        values = kf.parse_response(response).values
        np.testing.assert_array_equal(kf.to_kf_pitch(values), row)
        np.testing.assert_array_equal(kf.from_kf_pitch(row), values)


def test_pitch_mapping_is_self_inverse_on_batches():
    rng = np.random.default_rng(1)
    v = rng.uniform(ch.LOWER, ch.UPPER, size=(5, 61))
    np.testing.assert_array_equal(kf.from_kf_pitch(kf.to_kf_pitch(v)), v)
    changed = np.flatnonzero((kf.to_kf_pitch(v) != v).any(axis=0))
    assert [ch.NAMES[c] for c in changed] == ["HeadPitch", "LeftEyePitch", "RightEyePitch"]


# ----------------------------------------------------------------------------- responses


def test_examples_parse_clean_and_format_back_exactly():
    for index, response in enumerate(_responses()):
        parsed = kf.parse_response(response, index=index)
        assert parsed.repairs == [] and parsed.ok and parsed.found == 61
        assert parsed.key == kf.keyframe_key(index)
        assert kf.format_response(parsed.values, index) == response


def test_format_parse_round_trip_random_consistent_values():
    rng = np.random.default_rng(7)
    for index in range(40):
        v = np.round(rng.uniform(ch.LOWER, ch.UPPER), rng.integers(1, 8))
        v, _ = kf.reconcile_gaze(v)
        text = kf.format_response(v, index)
        parsed = kf.parse_response(text, index=index)
        assert parsed.repairs == [], parsed.repairs
        np.testing.assert_array_equal(parsed.values, v)


def test_format_response_decimals_and_errors():
    v = np.full(61, 0.123456)
    assert '"JawOpen":0.12,' in kf.format_response(v, 0, decimals=2)
    with pytest.raises(ValueError, match="61"):
        kf.format_response(np.zeros(60), 0)
    bad = np.zeros(61)
    bad[17] = np.nan
    with pytest.raises(ValueError, match="JawOpen"):
        kf.format_response(bad, 0)


def _values(text, **kw):
    return kf.parse_response(text, **kw)


def _v(parsed, name):
    return parsed.values[ch.channel_index(name)]


def test_wrapped_in_prose_fence_and_think():
    body = kf.format_response(np.full(61, 0.0), 2)
    text = f"<think>\nThe gaze is lowered, so JawOpen: 0.9 maybe.\n</think>\nSure! Here it is:\n```json\n{body}\n```\nHope this helps."
    p = _values(text, index=2)
    assert p.ok and p.found == 61 and p.key == "Keyframe_three"
    assert _v(p, "JawOpen") == 0.0  # the value mentioned while thinking is ignored
    joined = " | ".join(p.repairs)
    assert "<think>" in joined and "code fence" in joined and "around the JSON" in joined


def test_empty_think_block_is_not_a_repair():
    body = kf.format_response(np.zeros(61), 0)
    assert _values("<think>\n\n</think>\n\n" + body).repairs == []


def test_unclosed_think_reads_values_inside():
    p = _values('<think>I will answer {"Keyframe_one": {"JawOpen": 0.7, "EyeBlinkLeft": 0.2')
    assert _v(p, "JawOpen") == 0.7 and _v(p, "EyeBlinkLeft") == 0.0  # last value may be cut: dropped
    assert any("never closed" in r for r in p.repairs)
    assert any("EyeBlinkLeft" in r and "ends inside" in r for r in p.repairs)


def test_spellings_single_quotes_trailing_commas_strings_percent():
    text = "{'keyframe one': {'eyeBlinkLeft': '0.5', 'JAW_OPEN': '30%', 'mouthSmile_L': 0.25, 'BrowInnerUp': 1e-1,},}"
    p = _values(text)
    assert (_v(p, "EyeBlinkLeft"), _v(p, "JawOpen"), _v(p, "MouthSmileLeft"), _v(p, "BrowInnerUp")) == (0.5, 0.3, 0.25, 0.1)
    assert p.key == "keyframe one" and p.found == 4
    joined = " | ".join(p.repairs)
    assert "single quotes" in joined and "trailing commas" in joined and "filled 57" in joined


def test_sideless_and_misspelt_names():
    p = _values('{"Keyframe_one": {"MouthSmile": 0.4, "EyeBlinkLef": 0.6, "Florp": 1}}')
    assert _v(p, "MouthSmileLeft") == _v(p, "MouthSmileRight") == 0.4
    assert _v(p, "EyeBlinkLeft") == 0.6
    joined = " | ".join(p.repairs)
    assert "no side" in joined and "misspelt" in joined and "unknown keys: Florp" in joined


def test_flat_nested_and_record_list():
    flat = _values('{"JawOpen": 0.2}')
    assert _v(flat, "JawOpen") == 0.2 and flat.key is None
    assert any("not wrapped" in r for r in flat.repairs)
    nested = _values('{"result": {"Keyframe_two": {"JawOpen": 0.3}}}')
    assert _v(nested, "JawOpen") == 0.3 and nested.key == "Keyframe_two"
    records = _values('{"Keyframe_one": [{"name": "jawOpen", "value": 0.35}, {"name": "tongueOut", "weight": "0.1"}]}')
    assert _v(records, "JawOpen") == 0.35 and _v(records, "TongueOut") == 0.1


def test_several_keyframes_pick_requested():
    text = '{"Keyframe_one": {"JawOpen": 0.1}, "Keyframe_two": {"JawOpen": 0.5}}'
    assert _v(_values(text), "JawOpen") == 0.1
    p = _values(text, index=1)
    assert _v(p, "JawOpen") == 0.5 and p.key == "Keyframe_two"
    assert any("2 keyframes" in r for r in p.repairs)
    # the same, truncated (no longer JSON): scanned per keyframe span
    p = _values(text[:-14] + " ", index=1)
    assert _v(p, "JawOpen") == 0.0
    assert _v(_values(text[:-2] + ", ", index=1), "JawOpen") == 0.5


def test_wrong_label_is_noted():
    p = _values(kf.format_response(np.zeros(61), 1), index=0)
    assert any("Keyframe_two" in r and "One" in r for r in p.repairs)


def test_out_of_range_nan_inf_null_duplicates():
    text = '{"Keyframe_one": {"JawOpen": 1.7, "HeadYaw": -3, "EyeBlinkLeft": NaN, "EyeBlinkRight": Infinity, "TongueOut": null, "CheekPuff": 0.1, "cheekPuff": 0.2}}'
    prev = np.full(61, 0.05)
    p = _values(text, previous=prev)
    assert _v(p, "JawOpen") == 1.0 and _v(p, "HeadYaw") == -1.0
    assert _v(p, "EyeBlinkLeft") == 0.05  # NaN -> filled from previous
    assert _v(p, "EyeBlinkRight") == 1.0  # +inf -> clamped
    assert _v(p, "TongueOut") == 0.05 and _v(p, "CheekPuff") == 0.2
    joined = " | ".join(p.repairs)
    for part in ("clamped", "NaN", "inf", "TongueOut=null", "duplicate keys", "from the previous keyframe"):
        assert part in joined, part


def test_truncated_response_keeps_complete_pairs():
    full = _responses()[0]
    reference = kf.parse_response(full).values
    cut = full[: full.index('"MouthPressLeft"') + len('"MouthPressLeft":0')]  # cut inside the value 0.4
    prev = np.full(61, 0.5)
    p = kf.parse_response(cut, previous=prev)
    i = ch.channel_index("MouthPressLeft")
    np.testing.assert_array_equal(p.values[:i], reference[:i])
    assert p.values[i] == 0.5 and p.found == i
    assert any("cut off" in r for r in p.repairs)


def test_garbage_gives_fill_and_not_ok():
    prev = np.linspace(-0.5, 0.5, 61)
    for text in ("", "I cannot help with that.", "{}", "[1, 2, 3]", "{{{{", None, 42, b"\xff\xfe"):
        p = kf.parse_response(text, previous=prev)
        assert not p.ok and p.found == 0 and p.repairs
        np.testing.assert_array_equal(p.values, ch.clamp(prev))
    assert np.array_equal(kf.parse_response("nope").values, ch.NEUTRAL)


def test_bad_previous_is_ignored():
    p = kf.parse_response('{"Keyframe_one":{"JawOpen":0.2}}', previous=np.ones(5))
    assert p.values.shape == (61,) and _v(p, "JawOpen") == 0.2


def test_huge_input_is_capped():
    junk = "x" * (kf.MAX_RESPONSE_CHARS + 10)
    p = kf.parse_response('{"Keyframe_one":{"JawOpen":0.2}}' + junk)
    assert _v(p, "JawOpen") == 0.2 and any("read only the first" in r for r in p.repairs)
    many = "{" + ",".join(f'"k{i}": {i}' for i in range(kf.MAX_PAIRS + 50)) + "}"
    assert any("stopped reading" in r for r in kf.parse_response(many).repairs)


def test_reconcile_gaze():
    i = ch.channel_index
    v = np.zeros(61)
    v[i("EyeLookUpRight")] = 0.4
    v[i("RightEyePitch")] = 0.2  # says down, lids say up: flipped
    v[i("EyeLookOutLeft")] = 0.3  # left eye toward the left ear = negative yaw
    v[i("LeftEyeYaw")] = 0.25
    v[i("LeftEyePitch")] = 0.3  # down with no lid evidence: left alone
    out, notes = kf.reconcile_gaze(v)
    assert out[i("RightEyePitch")] == -0.2 and out[i("LeftEyeYaw")] == -0.25
    assert out[i("LeftEyePitch")] == 0.3 and len(notes) == 2
    again, notes = kf.reconcile_gaze(out)
    assert notes == [] and np.array_equal(again, out)
