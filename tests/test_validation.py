"""Every bad argument fails with a ValueError/TypeError that names it and says what was expected."""

import numpy as np
import pytest

import cnnlib
from cnnlib import reference

A = np.zeros((2, 5, 5, 3))
W = np.zeros((3, 3, 3, 4))
b = np.zeros(4)
Z = np.zeros((2, 3, 3, 4))
P = np.zeros((2, 2, 2, 3))  # 2x2 max pool of A

CONV = [cnnlib.conv_forward, reference.conv_forward]
CONV_BACK = [cnnlib.conv_backward, reference.conv_backward]
POOL = [cnnlib.pool_forward, reference.pool_forward]
POOL_BACK = [cnnlib.pool_backward, reference.pool_backward]

CONV_CASES = [
    (dict(stride=0), ValueError, r"stride must be a positive int or a pair of them, got 0"),
    (dict(stride=-1), ValueError, r"stride must be a positive int .* got -1"),
    (dict(stride=1.5), TypeError, r"stride must be a positive int .* got 1\.5"),
    (dict(stride=2.0), TypeError, r"stride must be a positive int .* got 2\.0"),
    (dict(stride=True), TypeError, r"stride must be a positive int .* got True"),
    (dict(stride=(1, 0)), ValueError, r"stride .* got \(1, 0\)"),
    (dict(stride=(1, 2, 3)), TypeError, r"stride .* got \(1, 2, 3\)"),
    (dict(padding=-1), ValueError, r"padding must be a non-negative int or a pair of them, got -1"),
    (dict(padding="same"), TypeError, r"padding must be a non-negative int .* got 'same'"),
    (dict(W=np.zeros((6, 6, 3, 4))), ValueError, r"kernel \(6, 6\) is larger than the padded input \(5, 5\)"),
    (dict(W=np.zeros((3, 3, 2, 4))), ValueError, r"W has 2 input channels \(W.shape\[2\]\) but A_prev has 3"),
    (dict(b=np.zeros(3)), ValueError, r"b must have shape \(4,\), one bias per filter, got \(3,\)"),
    (dict(b=np.zeros((1, 4))), ValueError, r"b must have 1 dimensions \(n_C,\), got shape \(1, 4\)"),
    (
        dict(A_prev=np.zeros((5, 5, 3))),
        ValueError,
        r"A_prev must have 4 dimensions \(m, n_H_prev, n_W_prev, n_C_prev\)",
    ),
    (
        dict(W=np.zeros((3, 3, 3))),
        ValueError,
        r"W must have 4 dimensions \(k1, k2, n_C_prev // groups, n_C\), got shape",
    ),
    (
        dict(A_prev=np.full((2, 5, 5, 3), "x")),
        TypeError,
        r"A_prev must hold bool, int, float or object \(SymPy\) values, got dtype <U1",
    ),
]


@pytest.mark.parametrize("fn", CONV)
@pytest.mark.parametrize(("change", "error", "message"), CONV_CASES)
def test_conv_forward_rejects(fn, change, error, message):
    args = dict(A_prev=A, W=W, b=b, stride=1, padding=0) | change
    with pytest.raises(error, match=message):
        fn(**args)


@pytest.mark.parametrize("fn", CONV_BACK)
@pytest.mark.parametrize(("change", "error", "message"), [c for c in CONV_CASES if "b" not in c[0]])
def test_conv_backward_rejects(fn, change, error, message):
    args = dict(dZ=Z, A_prev=A, W=W, stride=1, padding=0) | change
    with pytest.raises(error, match=message):
        fn(**args)


@pytest.mark.parametrize("fn", CONV_BACK)
@pytest.mark.parametrize("dZ", [np.zeros((2, 4, 4, 4)), np.zeros((2, 3, 3, 5)), np.zeros((1, 3, 3, 4))])
def test_conv_backward_rejects_dZ_of_the_wrong_shape(fn, dZ):
    with pytest.raises(ValueError, match=r"dZ must have the forward output's shape \(2, 3, 3, 4\), got"):
        fn(dZ, A, W)


POOL_CASES = [
    (dict(size=0), ValueError, r"size must be a positive int or a pair of them, got 0"),
    (dict(size=2.5), TypeError, r"size must be a positive int .* got 2\.5"),
    (dict(size=(6, 2)), ValueError, r"size \(6, 2\) is larger than the input \(5, 5\)"),
    (dict(stride=0), ValueError, r"stride must be a positive int .* got 0"),
    (dict(stride=(1, -2)), ValueError, r"stride .* got \(1, -2\)"),
    (dict(mode="mean"), ValueError, r"mode must be 'max' or 'avg', got 'mean'"),
    (dict(A_prev=np.zeros((5, 5))), ValueError, r"A_prev must have 4 dimensions \(m, n_H_prev, n_W_prev, n_C\)"),
]


@pytest.mark.parametrize("fn", POOL)
@pytest.mark.parametrize(("change", "error", "message"), POOL_CASES)
def test_pool_forward_rejects(fn, change, error, message):
    with pytest.raises(error, match=message):
        fn(**(dict(A_prev=A, size=2, stride=None, mode="max") | change))


@pytest.mark.parametrize("fn", POOL_BACK)
@pytest.mark.parametrize(("change", "error", "message"), POOL_CASES)
def test_pool_backward_rejects(fn, change, error, message):
    with pytest.raises(error, match=message):
        fn(**(dict(dA=P, A_prev=A, size=2, stride=None, mode="max") | change))


@pytest.mark.parametrize("fn", POOL_BACK)
def test_pool_backward_rejects_dA_of_the_wrong_shape(fn):
    with pytest.raises(ValueError, match=r"dA must have the forward output's shape \(2, 2, 2, 3\), got \(2, 3, 3, 3\)"):
        fn(np.zeros((2, 3, 3, 3)), A, 2)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((5, 0), ValueError, r"f must be a positive int, got 0"),
        ((5, 3, -1), ValueError, r"p must be a non-negative int, got -1"),
        ((5, 3, 0, 0), ValueError, r"s must be a positive int, got 0"),
        ((5.0, 3), TypeError, r"n must be a positive int, got 5\.0"),
        ((3, 6, 1), ValueError, r"window f=6 is larger than the padded input n \+ 2p = 5"),
    ],
)
def test_output_size_rejects(args, error, message):
    with pytest.raises(error, match=message):
        cnnlib.output_size(*args)


def test_correlation_rejects_wrong_rank_and_rot180_needs_two_axes():
    with pytest.raises(ValueError, match=r"I must have 2 dimensions \(h, w\)"):
        cnnlib.correlate2d(np.zeros(4), np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"K must have at least 2 dimensions"):
        cnnlib.rot180(np.zeros(3))
    with pytest.raises(ValueError, match=r"K \(length 4\) is longer than I \(length 3\)"):
        cnnlib.correlate1d(np.zeros(3), np.zeros(4))


def test_pad_validates():
    with pytest.raises(ValueError, match=r"padding must be a non-negative int"):
        cnnlib.pad(A, -2)
    assert cnnlib.pad(A, (1, 2)).shape == (2, 7, 9, 3)
