"""Fuzzing :func:`kfstudio.generation.keyframeface.parse_response` with hypothesis.

Invariants for any input: it never raises, never reaches its internal-error guard, and returns 61
finite values inside the channel ranges. For damaged but real-looking responses, every complete
name/value pair that precedes the damage is read exactly.

The default run tries a few hundred cases per property; ``--run-slow`` tries thousands.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfstudio import channels as ch
from kfstudio.generation import keyframeface as kf

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Eye rotations may be sign-corrected by reconcile_gaze, so exactness is checked on the others.
_ROTATIONS = {"LeftEyePitch", "RightEyePitch", "LeftEyeYaw", "RightEyeYaw"}


def check_invariants(parsed: kf.ParsedKeyframe) -> None:
    v = parsed.values
    assert isinstance(v, np.ndarray) and v.shape == (61,) and v.dtype == np.float64
    assert np.isfinite(v).all()
    assert (v >= ch.LOWER).all() and (v <= ch.UPPER).all()
    assert all(isinstance(r, str) and r for r in parsed.repairs)
    assert not any(r.startswith("internal parser error") for r in parsed.repairs), parsed.repairs
    assert parsed.ok == (parsed.found > 0)
    assert 0 <= parsed.found <= 61


names = st.sampled_from(ch.NAMES + ch.ARKIT_NAMES + ("MouthSmile", "eye_blink_L", "JAWOPEN", "foo", "Keyframe_two"))
numbers = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10**30, 10**30)
values = numbers | st.text(max_size=8) | st.none() | st.booleans() | numbers.map(str) | st.lists(numbers, max_size=2)
channel_objects = st.dictionaries(names, values, max_size=70)
wrappers = st.sampled_from(["Keyframe_one", "Keyframe_x", "keyframe one", "KEYFRAME_TWENTY_ONE", "result", None])


@st.composite
def damaged_responses(draw) -> str:
    """Realistic model output with random damage: wrappers, prose, fences, think, quotes, cuts."""
    obj = draw(channel_objects)
    wrapper = draw(wrappers)
    if wrapper is not None:
        obj = {wrapper: obj}
    text = json.dumps(obj, allow_nan=True, indent=draw(st.sampled_from([None, 0, 2])))
    if draw(st.booleans()):
        text = text.replace('"', "'")
    if draw(st.booleans()):
        text = text.replace("}", ",}")
    if draw(st.booleans()):
        text = f"```json\n{text}\n```"
    if draw(st.booleans()):
        text = draw(st.text(max_size=30)) + text + draw(st.text(max_size=30))
    if draw(st.booleans()):
        text = "<think>" + draw(st.text(max_size=40)) + draw(st.sampled_from(["</think>", ""])) + text
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


previous = st.none() | st.lists(numbers, min_size=61, max_size=61).map(np.array) | st.just(np.ones(3))


def _run_any_text(text, prev):
    check_invariants(kf.parse_response(text, previous=prev))


def _run_damaged(text, prev, index):
    check_invariants(kf.parse_response(text, previous=prev, index=index))


@st.composite
def truncated_clean(draw):
    """A well-formed in-range response cut at a random point, with the values it held."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    v = np.round(rng.uniform(ch.LOWER, ch.UPPER), draw(st.integers(1, 6)))
    text = kf.format_response(v, draw(st.integers(0, 30)))
    return v, text[: draw(st.integers(0, len(text)))]


def _run_truncated(case):
    values, text = case
    parsed = kf.parse_response(text)
    check_invariants(parsed)
    # Every pair complete before the cut point (followed by a comma or the closing brace) is exact.
    for i, name in enumerate(ch.NAMES):
        if name in _ROTATIONS:
            continue
        token = f'"{name}":'
        at = text.find(token)
        if at < 0:
            continue
        rest = text[at + len(token) :]
        if "," in rest or "}" in rest:
            assert parsed.values[i] == values[i], (name, text[-80:])
    assert parsed.found >= text.count(",") - 1 if text.count(",") > 1 else True


@FAST
@given(st.text(max_size=400), previous)
def test_any_text_never_raises(text, prev):
    _run_any_text(text, prev)


@FAST
@given(damaged_responses(), previous, st.none() | st.integers(-2, 40))
def test_damaged_responses_never_raise(text, prev, index):
    _run_damaged(text, prev, index)


@FAST
@given(truncated_clean())
def test_truncated_clean_responses_keep_complete_pairs(case):
    _run_truncated(case)


@FAST
@given(st.binary(max_size=300))
def test_bytes_never_raise(data):
    check_invariants(kf.parse_response(data))


@pytest.mark.slow
@SLOW
@given(st.text(max_size=2000), previous)
def test_any_text_never_raises_slow(text, prev):
    _run_any_text(text, prev)


@pytest.mark.slow
@SLOW
@given(damaged_responses(), previous, st.none() | st.integers(-2, 40))
def test_damaged_responses_never_raise_slow(text, prev, index):
    _run_damaged(text, prev, index)


@pytest.mark.slow
@SLOW
@given(truncated_clean())
def test_truncated_clean_responses_keep_complete_pairs_slow(case):
    _run_truncated(case)


@pytest.mark.slow
@pytest.mark.timeout(120)  # a catastrophic (exponential) case would hang: the run fails instead
def test_pathological_inputs_are_parsed():
    """Inputs built to stress the regular expressions and the JSON decoder parse to valid results."""
    cases = [
        "{" * 100_000,
        "[" * 50_000 + "]" * 50_000,
        '{"a":' * 20_000,
        "'" * 100_000,
        "a:" * 100_000,
        '"' + "x" * 100_000,
        '{"Keyframe_one":{' + ",".join(f'"JawOpen":{i % 10 / 10}' for i in range(50_000)) + "}}",
        "<think>" * 10_000,
        "1" * 300_000,
    ]
    for text in cases:
        check_invariants(kf.parse_response(text))
