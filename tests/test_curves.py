import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kfstudio.animation.curves import Interp, Tangent, auto_clamped_slopes, evaluate_keys, resolve_slopes


def _eval(times, values, interp, t, tangent=Tangent.AUTO_CLAMPED, s_in=None, s_out=None):
    k = len(times)
    ip = np.full(k, interp)
    tg = np.full(k, tangent)
    s_in = np.zeros(k) if s_in is None else np.asarray(s_in, float)
    s_out = np.zeros(k) if s_out is None else np.asarray(s_out, float)
    a, b = resolve_slopes(np.asarray(times, float), np.asarray(values, float), ip, tg, s_in, s_out)
    return evaluate_keys(times, values, ip, a, b, np.asarray(t, float))


def test_exact_values_at_keys_for_every_interpolation():
    times = np.array([0.0, 0.5, 1.3, 2.0])
    values = np.array([0.1, 0.9, 0.2, 0.6])
    for interp in Interp:
        assert np.allclose(_eval(times, values, interp, times), values, atol=1e-12), interp


def test_constant_linear_bezier_between_keys():
    times, values = np.array([0.0, 1.0]), np.array([0.0, 1.0])
    t = np.array([0.25, 0.5, 0.75])
    assert np.allclose(_eval(times, values, Interp.CONSTANT, t), 0.0)
    assert np.allclose(_eval(times, values, Interp.LINEAR, t), t)
    # two keys with flat auto tangents: smoothstep 3s^2 - 2s^3
    assert np.allclose(_eval(times, values, Interp.BEZIER, t), 3 * t**2 - 2 * t**3)


def test_holds_ends():
    times, values = np.array([1.0, 2.0]), np.array([0.3, 0.7])
    assert np.allclose(_eval(times, values, Interp.BEZIER, [-5.0, 0.0, 2.0, 9.0]), [0.3, 0.3, 0.7, 0.7])


def test_auto_clamped_is_flat_at_extremes_and_smooth_between():
    times = np.array([0.0, 1.0, 2.0, 3.0])
    values = np.array([0.0, 1.0, 0.5, 0.7])
    s = auto_clamped_slopes(times, values)
    assert s[1] == 0.0 and s[0] == 0.0 and s[3] == 0.0  # peak at key 1, ends flat
    s = auto_clamped_slopes(times, np.array([0.0, 0.3, 0.6, 1.0]))
    assert s[1] > 0 and s[2] > 0


def test_free_tangents_follow_the_stored_slopes():
    times, values = np.array([0.0, 1.0]), np.array([0.0, 0.0])
    y = _eval(times, values, Interp.BEZIER, [0.001], tangent=Tangent.FREE, s_in=[0, 0], s_out=[2.0, 0])
    assert y[0] == pytest.approx(0.002, rel=0.01)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0.01, 2.0), min_size=1, max_size=11),
    st.lists(st.floats(0.0, 1.0), min_size=12, max_size=12),
)
def test_auto_clamped_never_overshoots(gaps, vals):
    times = np.concatenate([[0.0], np.cumsum(gaps)])
    values = np.array(vals[: len(times)])
    t = np.linspace(times[0], times[-1], 997)
    y = _eval(times, values, Interp.BEZIER, t)
    seg = np.clip(np.searchsorted(times, t, side="right") - 1, 0, len(times) - 2)
    lo = np.minimum(values[seg], values[seg + 1]) - 1e-12
    hi = np.maximum(values[seg], values[seg + 1]) + 1e-12
    assert np.all((y >= lo) & (y <= hi))


def test_sorted_and_unsorted_paths_agree():
    rng = np.random.default_rng(3)
    times = np.sort(rng.uniform(0, 10, 9))
    values = rng.uniform(0, 1, (5, 9))
    interp = rng.integers(0, 3, (5, 9))
    s_in, s_out = rng.normal(size=(5, 9)), rng.normal(size=(5, 9))
    t = np.linspace(-1, 11, 500)
    a = evaluate_keys(times, values, interp, s_in, s_out, t)
    b = evaluate_keys(times, values, interp, s_in, s_out, t[::-1])[::-1]
    assert np.allclose(a, b, atol=1e-12)
