"""Convolution layer: vectorised == reference loops == finite differences, plus named corner cases."""

import numpy as np
import pytest
from hypothesis import given

import cnnlib
from cnnlib import reference

from conftest import conv_configs


def upstream(Z, seed=1):
    return np.random.default_rng(seed).standard_normal(Z.shape)


@given(conv_configs())
def test_forward_matches_reference(cfg):
    A_prev, W, b, stride, padding = cfg
    Z = cnnlib.conv_forward(A_prev, W, b, stride, padding)
    np.testing.assert_allclose(Z, reference.conv_forward(A_prev, W, b, stride, padding), rtol=1e-12, atol=1e-12)


@given(conv_configs())
def test_backward_matches_reference(cfg):
    A_prev, W, b, stride, padding = cfg
    dZ = upstream(cnnlib.conv_forward(A_prev, W, b, stride, padding))
    fast = cnnlib.conv_backward(dZ, A_prev, W, stride, padding)
    slow = reference.conv_backward(dZ, A_prev, W, stride, padding)
    for name, x, y in zip(("dA_prev", "dW", "db"), fast, slow):
        assert x.shape == y.shape, name
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-12, err_msg=name)


@given(conv_configs(max_batch=2, max_channels=2, max_side=5))
def test_backward_matches_finite_differences(cfg):
    A_prev, W, b, stride, padding = cfg
    dZ = upstream(cnnlib.conv_forward(A_prev, W, b, stride, padding))
    dA_prev, dW, db = cnnlib.conv_backward(dZ, A_prev, W, stride, padding)
    E = lambda A, W, b: np.sum(dZ * cnnlib.conv_forward(A, W, b, stride, padding))
    assert cnnlib.gradcheck(lambda x: E(x, W, b), A_prev, dA_prev) < 1e-7
    assert cnnlib.gradcheck(lambda x: E(A_prev, x, b), W, dW) < 1e-7
    assert cnnlib.gradcheck(lambda x: E(A_prev, W, x), b, db) < 1e-7


# Corner cases that broke other teaching implementations, each by name.
CORNERS = {
    "padding 0": dict(shape=(2, 6, 5, 2), k=(3, 2), stride=1, padding=0),
    "stride larger than kernel": dict(shape=(1, 9, 8, 2), k=(2, 2), stride=3, padding=0),
    "(n + 2p - f) not divisible by s": dict(shape=(2, 8, 7, 1), k=(3, 3), stride=2, padding=(1, 0)),
    "kernel equal to the input": dict(shape=(2, 4, 3, 2), k=(4, 3), stride=1, padding=0),
    "kernel equal to the padded input": dict(shape=(1, 2, 2, 1), k=(4, 4), stride=1, padding=1),
    "1x1 kernel": dict(shape=(2, 5, 4, 3), k=(1, 1), stride=1, padding=0),
    "1x1 kernel with stride": dict(shape=(1, 5, 6, 2), k=(1, 1), stride=2, padding=0),
    "non-square everything": dict(shape=(2, 7, 5, 2), k=(3, 2), stride=(2, 1), padding=(0, 2)),
    "many channels (gather path)": dict(shape=(1, 5, 5, 9), k=(3, 3), stride=1, padding=1),
    "padding wider than the kernel": dict(shape=(1, 3, 3, 9), k=(2, 2), stride=1, padding=3),
}


@pytest.mark.parametrize("case", CORNERS.values(), ids=CORNERS.keys())
def test_corner_cases(case):
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal(case["shape"])
    W = rng.standard_normal((*case["k"], case["shape"][3], 3))
    b = rng.standard_normal(3)
    Z = cnnlib.conv_forward(A_prev, W, b, case["stride"], case["padding"])
    np.testing.assert_allclose(Z, reference.conv_forward(A_prev, W, b, case["stride"], case["padding"]), atol=1e-12)
    dZ = upstream(Z)
    grads = cnnlib.conv_backward(dZ, A_prev, W, case["stride"], case["padding"])
    for x, y in zip(grads, reference.conv_backward(dZ, A_prev, W, case["stride"], case["padding"])):
        np.testing.assert_allclose(x, y, atol=1e-12)
    E = lambda x: np.sum(dZ * cnnlib.conv_forward(x, W, b, case["stride"], case["padding"]))
    assert cnnlib.gradcheck(E, A_prev, grads[0]) < 1e-7


def test_output_shape_formula_and_hand_example():
    # d2l.ai's example, by hand: [[0,1,2],[3,4,5],[6,7,8]] (x) [[0,1],[2,3]] = [[19,25],[37,43]]
    A_prev = np.arange(9).reshape(1, 3, 3, 1)
    W = np.arange(4).reshape(2, 2, 1, 1)
    Z = cnnlib.conv_forward(A_prev, W, np.zeros(1, dtype=int))
    assert Z[0, :, :, 0].tolist() == [[19, 25], [37, 43]]
    assert Z.dtype.kind == "i"
    Z = cnnlib.conv_forward(np.zeros((2, 11, 9, 1)), np.zeros((3, 4, 1, 5)), np.zeros(5), (2, 3), (1, 2))
    assert Z.shape == (2, cnnlib.output_size(11, 3, 1, 2), cnnlib.output_size(9, 4, 2, 3), 5) == (2, 6, 4, 5)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_preserved(dtype):
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((2, 6, 6, 9)).astype(dtype)  # 9 channels: the gather path
    W = rng.standard_normal((3, 3, 9, 2)).astype(dtype)
    b = np.zeros(2, dtype)
    for stride, channels in ((1, 9), (2, 9), (1, 1)):
        A, Wc = A_prev[..., :channels], W[:, :, :channels]
        Z = cnnlib.conv_forward(A, Wc, b, stride, 1)
        assert Z.dtype == dtype
        assert all(g.dtype == dtype for g in cnnlib.conv_backward(Z, A, Wc, stride, 1))


def test_float32_agrees_with_float64():
    rng = np.random.default_rng(0)
    A_prev, W, b = rng.standard_normal((2, 8, 8, 3)), rng.standard_normal((3, 3, 3, 4)), rng.standard_normal(4)
    Z64 = cnnlib.conv_forward(A_prev, W, b, 1, 1)
    Z32 = cnnlib.conv_forward(A_prev.astype(np.float32), W.astype(np.float32), b.astype(np.float32), 1, 1)
    np.testing.assert_allclose(Z32, Z64, rtol=1e-5, atol=1e-5)


def test_inputs_are_not_modified():
    rng = np.random.default_rng(0)
    A_prev, W, b = rng.standard_normal((1, 5, 5, 2)), rng.standard_normal((2, 2, 2, 2)), rng.standard_normal(2)
    copies = A_prev.copy(), W.copy(), b.copy()
    Z = cnnlib.conv_forward(A_prev, W, b, 2, 1)
    cnnlib.conv_backward(Z, A_prev, W, 2, 1)
    for x, y in zip((A_prev, W, b), copies):
        np.testing.assert_array_equal(x, y)


@pytest.mark.parametrize("n_C_prev", [1, 3, 9])
@pytest.mark.parametrize("stride", [1, 2])
def test_results_never_share_scratch_memory(n_C_prev, stride):
    """cnnlib reuses buffers for its temporaries: a second call must not change the first call's results."""
    rng = np.random.default_rng(0)
    A_prev, W = rng.standard_normal((2, 6, 6, n_C_prev)), rng.standard_normal((3, 3, n_C_prev, 2))
    Z = cnnlib.conv_forward(A_prev, W, np.zeros(2), stride, 1)
    first = cnnlib.conv_backward(Z, A_prev, W, stride, 1)
    kept = [g.copy() for g in (Z, *first)]
    for _ in range(2):  # the same shapes again, and other shapes, through every path
        cnnlib.conv_backward(cnnlib.conv_forward(2 * A_prev, W, np.ones(2), stride, 1), 2 * A_prev, W, stride, 1)
        cnnlib.conv_backward(np.ones((1, 4, 4, 2)), np.ones((1, 4, 4, n_C_prev)), W, 1, 1)
    for x, y in zip((Z, *first), kept):
        np.testing.assert_array_equal(x, y)
        assert not np.shares_memory(x, cnnlib.scratch.scratch("cols", (1,), x.dtype))
