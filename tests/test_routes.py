"""Each special route of cnnlib.routes equals the plain path of cnnlib.plain (or, where the plain path has no
such feature, the reference loops), and the dispatcher sends each case where it says."""

import numpy as np
import pytest

import cnnlib
from cnnlib import plain, reference, routes
from cnnlib.routes import FEW_CHANNELS, route

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
    ("groups", "dilation", "c_prev", "c_out", "stride", "expected"),
    [
        (1, (2, 1), 3, 2, (2, 1), "groups and dilation"),
        (2, (1, 1), 4, 6, (2, 1), "groups and dilation"),
        (4, (2, 2), 4, 4, (2, 1), "depthwise"),
        (4, (1, 1), 4, 4, (1, 1), "depthwise"),  # dA_prev gathered, through the depthwise forward
        (3, (1, 1), 3, 6, (2, 1), "groups and dilation"),  # two filters per channel
        (2, (1, 2), 16, 4, (1, 1), "groups and dilation"),  # 8 channels per group: gathered
    ],
)
def test_groups_dilation_and_depthwise_equal_the_loops(groups, dilation, c_prev, c_out, stride, expected):
    rng = np.random.default_rng(groups)
    A = rng.integers(-3, 4, size=(2, 7, 6, c_prev))
    W = rng.integers(-3, 4, size=(3, 2, c_prev // groups, c_out))
    conf = dict(stride=stride, padding=(1, 2), dilation=dilation, groups=groups)
    assert route(A, W, stride, dilation, groups, "forward") == expected
    assert route(A, W, stride, dilation, groups, "backward") == expected
    Z = cnnlib.conv_forward(A, W, None, **conf)
    np.testing.assert_array_equal(Z, reference.conv_forward(A, W, None, **conf))
    dZ = rng.integers(-3, 4, size=Z.shape)
    for got, want in zip(
        cnnlib.conv_backward(dZ, A, W, **conf), reference.conv_backward(dZ, A, W, **conf), strict=True
    ):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(
    ("c_prev", "c_out", "stride", "groups", "branch"),
    [
        (1, 4, (1, 1), 1, "few channels"),
        (3, 4, (2, 1), 1, "few channels"),
        (FEW_CHANNELS, 4, (1, 1), 1, "gather"),
        (FEW_CHANNELS + 1, 3, (2, 2), 1, "scatter"),
        (4, 6, (2, 1), 2, "scatter by group"),
        (4, 4, (2, 2), 4, "depthwise scatter"),
        (4, 4, (1, 1), 4, "gather"),
    ],
)
def test_the_one_input_gradient_route_equals_the_plain_path(c_prev, c_out, stride, groups, branch):
    """``routes.input_gradient`` takes each of its branches and equals ``plain.conv_backward`` group by group."""
    rng = np.random.default_rng(c_prev + 10 * groups)
    padding = (1, 2)
    A = rng.integers(-3, 4, size=(2, 7, 6, c_prev))
    W = rng.integers(-3, 4, size=(3, 2, c_prev // groups, c_out))
    gathers = routes._gathers(W, stride, groups)
    assert gathers == (branch == "gather")
    Z = cnnlib.conv_forward(A, W, None, stride, padding, groups=groups)
    dZ = rng.integers(-3, 4, size=Z.shape)
    got = routes.input_gradient(dZ, A.shape, W, stride, padding, (1, 1), groups)
    C_g, M = c_prev // groups, c_out // groups
    want = np.concatenate(
        [
            plain.conv_backward(
                dZ[..., g * M : (g + 1) * M],
                A[..., g * C_g : (g + 1) * C_g],
                W[..., g * M : (g + 1) * M],
                stride,
                padding,
            )[0]
            for g in range(groups)
        ],
        axis=3,
    )
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(
    ("shape", "size", "stride", "taken"),
    [
        ((2, 6, 8, 3), (2, 2), (2, 2), "tiled"),
        ((2, 7, 9, 3), (2, 3), (2, 3), "tiled"),  # rows and columns left over
        ((2, 7, 7, 3), (3, 3), (2, 2), "untied"),
        ((2, 7, 7, 3), (3, 2), (1, 2), "untied"),
        ((2, 8, 8, 3), (2, 2), (3, 3), "general"),  # gaps between the windows: no route
    ],
)
def test_each_max_pool_route_equals_the_general_path(monkeypatch, shape, size, stride, taken):
    rng = np.random.default_rng(3)
    A = rng.permutation(np.arange(np.prod(shape), dtype=float)).reshape(shape)  # distinct: no ties
    Y = cnnlib.pool_forward(A, size, stride)
    dA = rng.integers(-9, 10, size=Y.shape).astype(float)  # sums exact in any order
    calls = []
    for name in ("max_pool_tiled", "max_pool_untied"):
        real = getattr(routes, name)
        monkeypatch.setattr(cnnlib.pool, name, lambda *a, real=real, name=name: calls.append(name) or real(*a))
    routed = cnnlib.pool_backward(dA, A, size, stride)
    assert calls == {"tiled": ["max_pool_tiled"], "untied": ["max_pool_untied"], "general": []}[taken]
    for name in ("max_pool_tiled", "max_pool_untied"):
        monkeypatch.setattr(cnnlib.pool, name, lambda *a: False)
    np.testing.assert_array_equal(routed, cnnlib.pool_backward(dA, A, size, stride))
    np.testing.assert_array_equal(routed, reference.pool_backward(dA, A, size, stride))


def test_a_tie_sends_max_pooling_to_the_general_path():
    A = np.zeros((1, 4, 4, 1))  # every window is a tie: the first entry of each gets the gradient
    dA = np.ones((1, 2, 2, 1))
    dA_prev = np.zeros_like(A)
    assert not routes.max_pool_tiled(dA, A, cnnlib.pool_forward(A, 2), dA_prev, (2, 2))
    np.testing.assert_array_equal(cnnlib.pool_backward(dA, A, 2), reference.pool_backward(dA, A, 2))


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
