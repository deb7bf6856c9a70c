"""Each special route of the convolution equals the plain path of cnnlib.plain (or, where the plain path has no
such feature, the reference loops), and the dispatcher sends each case where it says."""

import numpy as np
import pytest

import cnnlib
from cnnlib import plain, reference
from cnnlib.conv import FEW_CHANNELS, route

CASES = [  # (channels in, stride, padding, expected forward route, expected backward route)
    (1, (1, 1), (1, 1), "one channel", "few channels"),
    (1, (2, 3), (0, 2), "one channel", "few channels"),
    (3, (1, 1), (2, 0), "plain", "few channels"),
    (3, (2, 1), (1, 1), "plain", "few channels"),
    (FEW_CHANNELS, (1, 1), (1, 2), "plain", "stride-1 gather"),
    (FEW_CHANNELS + 3, (2, 2), (1, 0), "plain", "plain"),
    (FEW_CHANNELS + 3, (1, 1), (0, 0), "plain", "stride-1 gather"),
]


@pytest.mark.parametrize(("c_prev", "stride", "padding", "fwd", "bwd"), CASES)
def test_every_route_equals_the_plain_path(c_prev, stride, padding, fwd, bwd):
    rng = np.random.default_rng(c_prev * 10 + stride[0])
    A = rng.integers(-3, 4, size=(2, 7, 6, c_prev))  # integers: every route must agree exactly
    W = rng.integers(-3, 4, size=(3, 2, c_prev, 4))
    b = rng.integers(-3, 4, size=4)
    assert route(A, W, stride, (1, 1), 1, "forward") == fwd
    assert route(A, W, stride, (1, 1), 1, "backward") == bwd
    Z = cnnlib.conv_forward(A, W, b, stride, padding)
    np.testing.assert_array_equal(Z, plain.conv_forward(A, W, b, stride, padding))
    dZ = rng.integers(-3, 4, size=Z.shape)
    for got, want in zip(
        cnnlib.conv_backward(dZ, A, W, stride, padding), plain.conv_backward(dZ, A, W, stride, padding), strict=True
    ):
        np.testing.assert_array_equal(got, want)


def test_an_inf_in_W_keeps_the_gather_off():
    W = np.ones((3, 3, FEW_CHANNELS, 2))
    W[0, 0, 0, 0] = np.inf
    assert route(np.ones((1, 5, 5, FEW_CHANNELS)), W, (1, 1), (1, 1), 1, "backward") == "plain"


@pytest.mark.parametrize(
    ("groups", "dilation", "c_prev", "c_out"),
    [(1, (2, 1), 3, 2), (2, (1, 1), 4, 6), (4, (2, 2), 4, 4), (3, (1, 1), 3, 6)],
)
def test_groups_dilation_and_depthwise_equal_the_loops(groups, dilation, c_prev, c_out):
    rng = np.random.default_rng(groups)
    A = rng.integers(-3, 4, size=(2, 7, 6, c_prev))
    W = rng.integers(-3, 4, size=(3, 2, c_prev // groups, c_out))
    conf = dict(stride=(2, 1), padding=(1, 2), dilation=dilation, groups=groups)
    assert route(A, W, (2, 1), dilation, groups, "forward") == "groups and dilation"
    Z = cnnlib.conv_forward(A, W, None, **conf)
    np.testing.assert_array_equal(Z, reference.conv_forward(A, W, None, **conf))
    dZ = rng.integers(-3, 4, size=Z.shape)
    for got, want in zip(
        cnnlib.conv_backward(dZ, A, W, **conf), reference.conv_backward(dZ, A, W, **conf), strict=True
    ):
        np.testing.assert_array_equal(got, want)


def test_the_plain_path_equals_the_loops():
    rng = np.random.default_rng(7)
    A, W, b = (
        rng.integers(-3, 4, size=(2, 6, 7, 3)),
        rng.integers(-3, 4, size=(2, 3, 3, 5)),
        rng.integers(-3, 4, size=5),
    )
    Z = plain.conv_forward(A, W, b, (2, 2), (1, 0))
    np.testing.assert_array_equal(Z, reference.conv_forward(A, W, b, stride=2, padding=(1, 0)))
    dZ = rng.integers(-3, 4, size=Z.shape)
    for got, want in zip(
        plain.conv_backward(dZ, A, W, (2, 2), (1, 0)), reference.conv_backward(dZ, A, W, 2, (1, 0)), strict=True
    ):
        np.testing.assert_array_equal(got, want)
