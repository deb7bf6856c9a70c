"""Pooling: vectorised == reference loops == finite differences; ties, overlaps and remainders by name."""

import numpy as np
import pytest
from hypothesis import given

import cnnlib
from cnnlib import reference

from conftest import pool_configs


@given(pool_configs())
def test_forward_and_backward_match_reference(cfg):
    A_prev, size, stride, mode = cfg
    A = cnnlib.pool_forward(A_prev, size, stride, mode)
    np.testing.assert_allclose(A, reference.pool_forward(A_prev, size, stride, mode), rtol=1e-12, atol=1e-12)
    dA = np.random.default_rng(1).standard_normal(A.shape)
    np.testing.assert_allclose(
        cnnlib.pool_backward(dA, A_prev, size, stride, mode),
        reference.pool_backward(dA, A_prev, size, stride, mode),
        rtol=1e-12,
        atol=1e-12,
    )


@given(pool_configs(max_side=6))
def test_backward_matches_finite_differences(cfg):
    A_prev, size, stride, mode = cfg  # continuous random values: no ties, no kinks within eps
    dA = np.random.default_rng(1).standard_normal(cnnlib.pool_forward(A_prev, size, stride, mode).shape)
    grad = cnnlib.pool_backward(dA, A_prev, size, stride, mode)
    E = lambda x: np.sum(dA * cnnlib.pool_forward(x, size, stride, mode))
    assert cnnlib.gradcheck(E, A_prev, grad) < 1e-7


def one(A):
    return np.asarray(A, dtype=float).reshape(1, *np.shape(A), 1)


def test_max_hand_example_and_routing():
    A_prev = one([[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 3, 2], [2, 6, 1, 1]])
    assert cnnlib.pool_forward(A_prev, 2)[0, :, :, 0].tolist() == [[4, 5], [6, 3]]
    dA = one([[10, 20], [30, 40]])
    assert cnnlib.pool_backward(dA, A_prev, 2)[0, :, :, 0].tolist() == [
        [0, 0, 0, 0],
        [10, 0, 0, 20],
        [0, 0, 40, 0],
        [0, 30, 0, 0],
    ]


def test_avg_spreads_evenly():
    A_prev = one(np.arange(16).reshape(4, 4))
    assert cnnlib.pool_forward(A_prev, 2, mode="avg")[0, :, :, 0].tolist() == [[2.5, 4.5], [10.5, 12.5]]
    grad = cnnlib.pool_backward(one([[4, 8], [12, 16]]), A_prev, 2, mode="avg")[0, :, :, 0]
    assert grad.tolist() == [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]]


def test_ties_go_to_the_first_maximum_in_row_major_order():
    A_prev = one([[7, 7], [7, 7]])
    assert cnnlib.pool_backward(one([[1.0]]), A_prev, 2)[0, :, :, 0].tolist() == [[1, 0], [0, 0]]
    A_prev = one([[0, 5], [5, 1]])  # tie between (0, 1) and (1, 0): (0, 1) comes first
    assert cnnlib.pool_backward(one([[2.0]]), A_prev, 2)[0, :, :, 0].tolist() == [[0, 2], [0, 0]]
    # the same choice numpy.argmax makes on the flattened window
    rng = np.random.default_rng(0)
    A_prev = rng.integers(0, 2, size=(3, 4, 4, 2)).astype(float)
    grad = cnnlib.pool_backward(np.ones((3, 2, 2, 2)), A_prev, 2)
    for e, i, j, c in np.ndindex(3, 2, 2, 2):
        window = A_prev[e, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2, c]
        expected = np.zeros(4)
        expected[np.argmax(window)] = 1
        np.testing.assert_array_equal(grad[e, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2, c].ravel(), expected)


def test_overlapping_windows_add_up():
    A_prev = one([[1, 2, 1], [2, 9, 2], [1, 2, 1]])  # the 9 is the maximum of all four 2x2 windows
    grad = cnnlib.pool_backward(one([[1, 2], [3, 4]]), A_prev, 2, stride=1)
    assert grad[0, :, :, 0].tolist() == [[0, 0, 0], [0, 10, 0], [0, 0, 0]]
    grad = cnnlib.pool_backward(one([[4, 4], [4, 4]]), A_prev, 2, stride=1, mode="avg")
    assert grad[0, :, :, 0].tolist() == [[1, 2, 1], [2, 4, 2], [1, 2, 1]]


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_rows_that_do_not_fit_are_dropped_and_get_zero_gradient(mode):
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((2, 5, 7, 3))  # 2x2 windows: the last row and column do not fit
    A = cnnlib.pool_forward(A_prev, 2, mode=mode)
    assert A.shape == (2, 2, 3, 3)
    grad = cnnlib.pool_backward(np.ones_like(A), A_prev, 2, mode=mode)
    assert not grad[:, 4, :, :].any() and not grad[:, :, 6, :].any()
    assert grad[:, :4, :6, :].sum() == pytest.approx(A.size)


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_preserved(mode, dtype):
    A_prev = np.random.default_rng(0).standard_normal((2, 4, 4, 3)).astype(dtype)
    A = cnnlib.pool_forward(A_prev, 2, 1, mode)
    assert A.dtype == dtype
    assert cnnlib.pool_backward(A, A_prev, 2, 1, mode).dtype == dtype


@given(pool_configs())
def test_ties_everywhere_match_the_reference(cfg):
    """Values in {0, 1, 2}: most windows tie, so every fast path must fall back to first-maximum routing."""
    A_prev, size, stride, mode = cfg
    A_prev = np.floor(np.abs(A_prev) * 1.5).clip(0, 2)
    dA = np.random.default_rng(1).standard_normal(cnnlib.pool_forward(A_prev, size, stride, mode).shape)
    np.testing.assert_allclose(
        cnnlib.pool_backward(dA, A_prev, size, stride, mode),
        reference.pool_backward(dA, A_prev, size, stride, mode),
        rtol=1e-12,
        atol=1e-12,
    )


def test_overlapping_windows_with_a_tie_fall_back_to_the_first_maximum():
    A_prev = one([[1, 5, 1], [5, 1, 1], [1, 1, 0]])  # window (0, 0) ties at (0, 1), (1, 0); (1, 1) three ways
    grad = cnnlib.pool_backward(one([[1, 10], [100, 1000]]), A_prev, 2, stride=1)
    assert grad[0, :, :, 0].tolist() == [[0, 11, 0], [100, 1000, 0], [0, 0, 0]]
    np.testing.assert_array_equal(grad, reference.pool_backward(one([[1, 10], [100, 1000]]), A_prev, 2, stride=1))
