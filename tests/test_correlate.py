"""Cross-correlation, convolution and the 180-degree turn that links them."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import cnnlib
from cnnlib import reference

small_ints = st.integers(-5, 5)


@given(
    arrays(np.int64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=small_ints),
    arrays(np.int64, st.tuples(st.integers(1, 4), st.integers(1, 4)), elements=small_ints),
)
def test_2d_matches_reference_exactly(I, K):
    assert np.array_equal(cnnlib.convolve2d(I, K), reference.convolve2d(I, K))
    if K.shape[0] <= I.shape[0] and K.shape[1] <= I.shape[1]:
        assert np.array_equal(cnnlib.correlate2d(I, K), reference.correlate2d(I, K))


@given(
    arrays(np.int64, st.integers(1, 8), elements=small_ints), arrays(np.int64, st.integers(1, 5), elements=small_ints)
)
def test_1d_matches_numpy(I, K):
    assert np.array_equal(cnnlib.convolve1d(I, K), np.convolve(I, K, mode="full"))
    if len(K) <= len(I):
        assert np.array_equal(cnnlib.correlate1d(I, K), np.correlate(I, K, mode="valid"))


@given(
    arrays(np.int64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=small_ints),
    arrays(np.int64, st.tuples(st.integers(1, 4), st.integers(1, 4)), elements=small_ints),
)
def test_convolution_is_commutative_and_is_padded_correlation_with_turned_kernel(I, K):
    k1, k2 = K.shape
    padded = np.pad(I, ((k1 - 1, k1 - 1), (k2 - 1, k2 - 1)))
    assert np.array_equal(cnnlib.convolve2d(I, K), cnnlib.correlate2d(padded, cnnlib.rot180(K)))
    assert np.array_equal(cnnlib.convolve2d(I, K), cnnlib.convolve2d(K, I))


def test_rot180_equals_three_recipes():
    for shape in [(3, 3), (2, 4), (4, 4)]:
        K = np.arange(np.prod(shape)).reshape(shape)
        turned = cnnlib.rot180(K)
        assert np.array_equal(turned, np.rot90(K, 2))
        assert np.array_equal(turned, np.flipud(np.fliplr(K)))
        if shape[0] == shape[1]:  # flips about both diagonals need a square kernel
            n = shape[0]
            main = np.array([[K[j, i] for j in range(n)] for i in range(n)])
            anti = np.array([[main[n - 1 - j, n - 1 - i] for j in range(n)] for i in range(n)])
            assert np.array_equal(turned, anti)
    W = np.arange(24).reshape(2, 3, 2, 2)
    assert np.array_equal(cnnlib.rot180(W)[:, :, 1, 0], cnnlib.rot180(W[:, :, 1, 0]))


def test_hand_example():
    I = np.arange(9).reshape(3, 3)
    K = np.arange(4).reshape(2, 2)
    assert cnnlib.correlate2d(I, K).tolist() == [[19, 25], [37, 43]]
    assert cnnlib.convolve2d(I, K).tolist() == [[0, 0, 1, 2], [0, 5, 11, 11], [6, 23, 29, 23], [12, 32, 37, 24]]


@pytest.mark.parametrize("fn", [cnnlib.correlate2d, reference.correlate2d])
def test_valid_correlation_needs_the_kernel_to_fit(fn):
    with pytest.raises(ValueError, match=r"K \(3, 1\) is larger than I \(2, 2\)"):
        fn(np.ones((2, 2)), np.ones((3, 1)))
