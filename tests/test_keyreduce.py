"""Dense-to-sparse key reduction: the error bound, the kept endpoints, and key counts."""

from __future__ import annotations


import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from kfstudio.channels import NAMES, NUM_CHANNELS
from kfstudio.io.keyreduce import evaluate_keys, reduce_keys
from kfstudio.io.llf_csv import read_csv



@pytest.fixture(scope="module")
def capture(shared):
    return read_csv(shared("fixtures", "livelinkface_capture.csv"))


def _max_error_per_channel(times, values, keys) -> np.ndarray:
    """Largest |np.interp through the keys - original| per channel, computed here with np.interp."""
    return np.array(
        [np.abs(np.interp(times, times[k], values[k, c]) - values[:, c]).max() for c, k in enumerate(keys)]
    )


def _assert_well_formed(keys, n_samples, n_channels):
    assert len(keys) == n_channels
    for k in keys:
        assert k.dtype.kind == "i"
        assert k[0] == 0 and k[-1] == n_samples - 1
        assert np.all(np.diff(k) > 0)


def test_fixture_within_tolerance_with_far_fewer_keys(capture):
    keys = reduce_keys(capture.times, capture.values, 0.01)
    n = len(capture.times)
    _assert_well_formed(keys, n, NUM_CHANNELS)
    assert _max_error_per_channel(capture.times, capture.values, keys).max() <= 0.01
    total = sum(len(k) for k in keys)
    assert total < 0.2 * n * NUM_CHANNELS
    # the head channels of this capture are constant 0: endpoints only
    for name in ("HeadYaw", "HeadPitch", "HeadRoll"):
        assert len(keys[NAMES.index(name)]) == 2
    # a finer tolerance needs more keys, and every coarse key is also a fine key (same split tree)
    fine = reduce_keys(capture.times, capture.values, 0.001)
    assert _max_error_per_channel(capture.times, capture.values, fine).max() <= 0.001
    assert sum(len(k) for k in fine) > total
    for coarse_keys, fine_keys in zip(keys, fine):
        assert np.isin(coarse_keys, fine_keys).all()


def test_per_channel_tolerance(capture):
    tolerance = np.full(NUM_CHANNELS, 0.05)
    jaw = NAMES.index("JawOpen")
    tolerance[jaw] = 0.002
    keys = reduce_keys(capture.times, capture.values, tolerance)
    errors = _max_error_per_channel(capture.times, capture.values, keys)
    assert np.all(errors <= tolerance)
    uniform = reduce_keys(capture.times, capture.values, 0.05)
    assert len(keys[jaw]) > len(uniform[jaw])
    assert all(np.array_equal(a, b) for c, (a, b) in enumerate(zip(keys, uniform)) if c != jaw)


def test_constant_and_linear_channels_keep_only_endpoints():
    times = np.sort(np.random.default_rng(1).uniform(0, 10, 200))
    values = np.column_stack([np.full(200, 0.3), 0.1 + 0.05 * times, np.zeros(200)])
    keys = reduce_keys(times, values, 1e-12)  # 0 would keep keys for rounding errors of the ramp
    assert [k.tolist() for k in keys] == [[0, 199]] * 3
    assert reduce_keys(times, values[:, [0, 2]], 0.0)[0].tolist() == [0, 199]


def test_zero_tolerance_finds_the_corners_of_a_polyline():
    times = np.arange(60) / 30.0
    corners = np.array([0, 10, 25, 26, 40, 59])
    corner_values = np.array([0.0, 0.8, 0.1, 0.9, 0.9, 0.2])
    values = np.interp(times, times[corners], corner_values)[:, None]
    keys = reduce_keys(times, values, 1e-9)
    # 40 is a corner (flat to falling); all others as well; nothing between them
    assert keys[0].tolist() == corners.tolist()
    assert evaluate_keys(times, values, keys) == pytest.approx(values, abs=1e-9)


def test_a_spike_is_kept():
    times = np.arange(100, dtype=float)
    values = np.zeros((100, 1))
    values[37, 0] = 0.5
    keys = reduce_keys(times, values, 0.01)
    assert keys[0].tolist() == [0, 36, 37, 38, 99]


@pytest.mark.parametrize("n", [1, 2])
def test_one_or_two_samples(n):
    keys = reduce_keys(np.arange(n, dtype=float), np.ones((n, 3)), 0.1)
    assert [k.tolist() for k in keys] == [list(range(n))] * 3


@pytest.mark.parametrize(
    "times, values, tolerance, match",
    [
        (np.arange(5.0), np.zeros((4, 2)), 0.1, "shape"),
        (np.arange(5.0), np.zeros(5), 0.1, "shape"),
        (np.array([0.0, 1.0, 1.0]), np.zeros((3, 2)), 0.1, "increasing"),
        (np.arange(3.0), np.array([[0.0], [np.nan], [0.0]]), 0.1, "finite"),
        (np.arange(3.0), np.zeros((3, 2)), -0.1, "tolerance"),
        (np.arange(3.0), np.zeros((3, 2)), np.ones(3), "tolerance"),
        (np.array([]), np.zeros((0, 2)), 0.1, "non-empty"),
    ],
)
def test_bad_arguments(times, values, tolerance, match):
    with pytest.raises(ValueError, match=match):
        reduce_keys(times, values, tolerance)


@st.composite
def _curves(draw):
    n = draw(st.integers(min_value=1, max_value=150))
    channels = draw(st.integers(min_value=1, max_value=4))
    steps = draw(hnp.arrays(np.float64, n, elements=st.floats(min_value=1e-3, max_value=1.0)))
    times = np.cumsum(steps) + draw(st.floats(min_value=-100, max_value=100))
    values = draw(
        hnp.arrays(np.float64, (n, channels), elements=st.floats(min_value=-2, max_value=2, allow_subnormal=False))
    )
    tolerance = draw(st.floats(min_value=0.0, max_value=0.5))
    return times, values, tolerance


@settings(max_examples=200, deadline=None)
@given(_curves())
def test_error_bound_holds_on_arbitrary_curves(curve):
    times, values, tolerance = curve
    keys = reduce_keys(times, values, tolerance)
    _assert_well_formed(keys, len(times), values.shape[1])
    assert np.all(_max_error_per_channel(times, values, keys) <= tolerance)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.floats(min_value=1e-4, max_value=0.1))
def test_error_bound_on_random_walks(seed, tolerance):
    rng = np.random.default_rng(seed)
    times = np.arange(600) / 60.0
    values = np.cumsum(rng.normal(0, 0.01, (600, NUM_CHANNELS)), axis=0)
    keys = reduce_keys(times, values, tolerance)
    _assert_well_formed(keys, 600, NUM_CHANNELS)
    assert np.all(_max_error_per_channel(times, values, keys) <= tolerance)
