"""Dilation, groups, transposed convolution and global average pooling: the same checks as the rest."""

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import cnnlib
from cnnlib import reference, symbolic


@st.composite
def dilated_grouped(draw):
    """(A_prev, W, b, stride, padding, dilation, groups) that fit together, shapes non-square."""
    groups = draw(st.integers(1, 3))
    c_in, c_out = groups * draw(st.integers(1, 2)), groups * draw(st.integers(1, 2))
    k1, k2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    d1, d2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    p1, p2 = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    s1, s2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h = draw(st.integers(max(1, d1 * (k1 - 1) + 1 - 2 * p1), 8))
    w = draw(st.integers(max(1, d2 * (k2 - 1) + 1 - 2 * p2), 8))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    A_prev = rng.standard_normal((draw(st.integers(1, 2)), h, w, c_in))
    W = rng.standard_normal((k1, k2, c_in // groups, c_out))
    return A_prev, W, rng.standard_normal(c_out), (s1, s2), (p1, p2), (d1, d2), groups


@given(dilated_grouped())
def test_dilated_grouped_conv_matches_reference_and_finite_differences(cfg):
    A_prev, W, b, *conf = cfg
    Z = cnnlib.conv_forward(A_prev, W, b, *conf)
    np.testing.assert_allclose(Z, reference.conv_forward(A_prev, W, b, *conf), rtol=1e-12, atol=1e-12)
    dZ = np.random.default_rng(1).standard_normal(Z.shape)
    fast = cnnlib.conv_backward(dZ, A_prev, W, *conf)
    for x, y in zip(fast, reference.conv_backward(dZ, A_prev, W, *conf)):
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-12)
    E = lambda A, W, b: np.sum(dZ * cnnlib.conv_forward(A, W, b, *conf))
    assert cnnlib.gradcheck(lambda x: E(x, W, b), A_prev, fast[0]) < 1e-7
    assert cnnlib.gradcheck(lambda x: E(A_prev, x, b), W, fast[1]) < 1e-7


def test_dilation_output_size_and_effective_kernel():
    # a 3x3 kernel with dilation 2 spans 5x5: the same output size as a 5x5 kernel
    A_prev = np.zeros((1, 9, 7, 1))
    Z = cnnlib.conv_forward(A_prev, np.zeros((3, 3, 1, 1)), np.zeros(1), dilation=2)
    assert Z.shape == (1, 5, 3, 1) == (1, cnnlib.output_size(9, 3, d=2), cnnlib.output_size(7, 3, d=2), 1)
    assert cnnlib.output_size(9, 5) == 5
    # dilation d equals a (f-1)d+1 kernel with zeros between the taps
    rng = np.random.default_rng(0)
    A_prev, W = rng.integers(-5, 6, (2, 9, 8, 2)), rng.integers(-5, 6, (3, 2, 2, 3))
    W_spread = np.zeros((5, 3, 2, 3), dtype=int)
    W_spread[::2, ::2] = W
    b = np.zeros(3, dtype=int)
    assert np.array_equal(cnnlib.conv_forward(A_prev, W, b, 1, 1, 2), cnnlib.conv_forward(A_prev, W_spread, b, 1, 1))


def test_groups_are_independent_convolutions():
    rng = np.random.default_rng(0)
    A_prev, W, b = rng.integers(-5, 6, (2, 5, 5, 6)), rng.integers(-5, 6, (3, 3, 2, 9)), rng.integers(-5, 6, 9)
    Z = cnnlib.conv_forward(A_prev, W, b, padding=1, groups=3)
    for g in range(3):  # group g: input channels 2g, 2g+1 -> output channels 3g .. 3g+2
        part = cnnlib.conv_forward(
            A_prev[..., 2 * g : 2 * g + 2], W[..., 3 * g : 3 * g + 3], b[3 * g : 3 * g + 3], padding=1
        )
        assert np.array_equal(Z[..., 3 * g : 3 * g + 3], part)
    # depthwise: groups == n_C_prev, one 3x3 kernel per channel
    D = rng.integers(-5, 6, (3, 3, 1, 6))
    Z = cnnlib.conv_forward(A_prev, D, np.zeros(6, dtype=int), groups=6)
    for c in range(6):
        assert np.array_equal(Z[0, :, :, c], cnnlib.correlate2d(A_prev[0, :, :, c], D[:, :, 0, c]))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_grouped_dilated_dtype_is_preserved(dtype):
    rng = np.random.default_rng(0)
    A_prev, W, b = (rng.standard_normal(s).astype(dtype) for s in ((2, 9, 9, 8), (3, 3, 2, 8), (8,)))
    Z = cnnlib.conv_forward(A_prev, W, b, 2, 1, 2, 4)
    assert Z.dtype == dtype and all(g.dtype == dtype for g in cnnlib.conv_backward(Z, A_prev, W, 2, 1, 2, 4))


@st.composite
def transposed(draw):
    """(X, W, b, stride, padding, output_padding, dilation, groups) for a valid transposed convolution."""
    A_prev, W, b, stride, padding, dilation, groups = draw(dilated_grouped())
    Z_shape = cnnlib.conv_forward(A_prev, W, np.zeros(W.shape[3]), stride, padding, dilation, groups).shape
    span = [dilation[a] * (W.shape[a] - 1) + 1 for a in (0, 1)]
    output_padding = tuple((A_prev.shape[1 + a] + 2 * padding[a] - span[a]) % stride[a] for a in (0, 1))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return (
        rng.standard_normal(Z_shape),
        W,
        rng.standard_normal(A_prev.shape[3]),
        stride,
        padding,
        output_padding,
        dilation,
        groups,
        A_prev.shape,
    )


@given(transposed())
def test_transposed_conv_is_the_input_gradient_of_conv(cfg):
    X, W, b, stride, padding, output_padding, dilation, groups, A_shape = cfg
    conf = (stride, padding, output_padding, dilation, groups)
    Y = cnnlib.conv_transpose_forward(X, W, b, *conf)
    assert Y.shape == A_shape  # output_padding picks the size the convolution came from
    # defined as the gradient of conv_forward with respect to its input ...
    dA_prev = cnnlib.conv_backward(X, np.zeros(A_shape), W, stride, padding, dilation, groups)[0]
    np.testing.assert_allclose(Y, dA_prev + b, rtol=1e-12, atol=1e-12)
    # ... so it is the adjoint: <conv(A), X> == <A, conv_transpose(X)>
    A = np.random.default_rng(2).standard_normal(A_shape)
    lhs = np.sum(cnnlib.conv_forward(A, W, np.zeros(W.shape[3]), stride, padding, dilation, groups) * X)
    assert lhs == pytest.approx(np.sum(A * (Y - b)), rel=1e-10, abs=1e-10)
    np.testing.assert_allclose(Y, reference.conv_transpose_forward(X, W, b, *conf), rtol=1e-12, atol=1e-12)
    dY = np.random.default_rng(3).standard_normal(Y.shape)
    grads = cnnlib.conv_transpose_backward(dY, X, W, *conf)
    for x, y in zip(grads, reference.conv_transpose_backward(dY, X, W, *conf)):
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-12)
    E = lambda X, W, b: np.sum(dY * cnnlib.conv_transpose_forward(X, W, b, *conf))
    assert cnnlib.gradcheck(lambda x: E(x, W, b), X, grads[0]) < 1e-7
    assert cnnlib.gradcheck(lambda x: E(X, x, b), W, grads[1]) < 1e-7
    assert cnnlib.gradcheck(lambda x: E(X, W, x), b, grads[2]) < 1e-7


def test_transposed_output_size_and_checkerboard_overlap():
    assert cnnlib.conv_transpose_output_size(4, 3, 1, 2) == 7
    assert cnnlib.conv_transpose_output_size(4, 3, 1, 2, output_padding=1) == 8
    assert cnnlib.output_size(7, 3, 1, 2) == cnnlib.output_size(8, 3, 1, 2) == 4
    # a 3x3 kernel of ones at stride 2 covers pixels unevenly: the checkerboard
    Y = cnnlib.conv_transpose_forward(np.ones((1, 3, 3, 1)), np.ones((3, 3, 1, 1)), np.zeros(1), stride=2)
    assert Y[0, :4, :4, 0].tolist() == [[1, 1, 2, 1], [1, 1, 2, 1], [2, 2, 4, 2], [1, 1, 2, 1]]
    # kernel size divisible by the stride: even coverage, no checkerboard
    Y = cnnlib.conv_transpose_forward(np.ones((1, 3, 3, 1)), np.ones((4, 4, 1, 1)), np.zeros(1), stride=2, padding=1)
    assert np.all(Y[0, 1:-1, 1:-1, 0] == 4)


def test_global_average_pooling():
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((2, 4, 3, 5))
    A = cnnlib.global_avg_pool_forward(A_prev)
    assert A.shape == (2, 5)
    np.testing.assert_allclose(A, A_prev.mean(axis=(1, 2)), rtol=1e-14)
    np.testing.assert_allclose(A, reference.global_avg_pool_forward(A_prev), rtol=1e-14)
    np.testing.assert_allclose(A, cnnlib.pool_forward(A_prev, (4, 3), mode="avg")[:, 0, 0, :], rtol=1e-14)
    dA = rng.standard_normal(A.shape)
    grad = cnnlib.global_avg_pool_backward(dA, A_prev)
    np.testing.assert_allclose(grad, reference.global_avg_pool_backward(dA, A_prev), rtol=1e-14)
    np.testing.assert_allclose(grad[:, 2, 1, :], dA / 12, rtol=1e-14)
    assert cnnlib.gradcheck(lambda x: np.sum(dA * cnnlib.global_avg_pool_forward(x)), A_prev, grad) < 1e-7
    for dtype in (np.float32, np.float64):
        assert cnnlib.global_avg_pool_backward(dA.astype(dtype), A_prev.astype(dtype)).dtype == dtype
        assert cnnlib.global_avg_pool_forward(A_prev.astype(dtype)).dtype == dtype


def test_sympy_exact_for_dilated_grouped_transposed_and_global_pooling():
    A = symbolic.symbol_array("a", (1, 4, 4, 2))
    W = symbolic.symbol_array("w", (2, 2, 1, 2))
    b = symbolic.symbol_array("b", (2,))
    conf = (1, 1, 2, 2)  # stride 1, padding 1, dilation 2, depthwise
    Z = reference.conv_forward(A, W, b, *conf)
    delta = symbolic.symbol_array("delta", Z.shape)
    E = symbolic.total(delta, Z)
    dA, dW, db = reference.conv_backward(delta, A, W, *conf)
    assert symbolic.same(dA, symbolic.gradient(E, A))
    assert symbolic.same(dW, symbolic.gradient(E, W))
    assert symbolic.same(db, symbolic.gradient(E, b))
    # the vectorised code on SymPy integers equals SymPy's gradient at those integers exactly
    rng = np.random.default_rng(0)
    at = {s: sympy.Integer(int(rng.integers(-9, 10))) for s in E.free_symbols}
    num = np.vectorize(lambda x: sympy.sympify(x).xreplace(at), otypes=[object])
    fast = cnnlib.conv_backward(num(delta), num(A), num(W), *conf)
    for got, want in zip(fast, (dA, dW, db)):
        assert symbolic.same(got, num(want))

    X = symbolic.symbol_array("x", (1, 2, 2, 1))
    Wt = symbolic.symbol_array("w", (3, 3, 1, 1))
    Y = reference.conv_transpose_forward(X, Wt, np.zeros(1, dtype=int), stride=2, padding=1, output_padding=1)
    dY = symbolic.symbol_array("g", Y.shape)
    E = symbolic.total(dY, Y)
    dX, dWt, _ = reference.conv_transpose_backward(dY, X, Wt, 2, 1, 1)
    assert symbolic.same(dX, symbolic.gradient(E, X)) and symbolic.same(dWt, symbolic.gradient(E, Wt))

    A = symbolic.symbol_array("a", (1, 2, 3, 1))
    G = reference.global_avg_pool_forward(A)
    d = symbolic.symbol_array("d", G.shape)
    assert symbolic.same(reference.global_avg_pool_backward(d, A), symbolic.gradient(symbolic.total(d, G), A))


A = np.zeros((2, 5, 5, 4))
W = np.zeros((3, 3, 2, 6))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (dict(dilation=0), ValueError, r"dilation must be a positive int or a pair of them, got 0"),
        (dict(dilation=1.5), TypeError, r"dilation must be a positive int or a pair of them, got 1\.5"),
        (dict(groups=0), ValueError, r"groups must be a positive int, got 0"),
        (dict(groups=(2, 2)), TypeError, r"groups must be a positive int, got \(2, 2\)"),
        (dict(groups=4), ValueError, r"groups=4 must divide both A_prev's 4 channels and W's 6 filters"),
        (dict(groups=1), ValueError, r"W has 2 input channels \(W.shape\[2\]\) but A_prev has 4"),
        (
            dict(groups=2, W=np.zeros((3, 3, 1, 6))),
            ValueError,
            r"W has 1 input channels per group .* A_prev needs 2, but has 4",
        ),
        (
            dict(groups=2, dilation=3),
            ValueError,
            r"dilated kernel, spanning \(7, 7\), is larger than the padded input \(5, 5\)",
        ),
    ],
)
def test_dilation_and_groups_are_validated(kwargs, error, message):
    args = dict(A_prev=A, W=W, b=np.zeros(6), stride=1, padding=0) | kwargs
    for fn in (cnnlib.conv_forward, reference.conv_forward):
        with pytest.raises(error, match=message):
            fn(**args)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            dict(output_padding=2, stride=2),
            ValueError,
            r"output_padding must be an int in \[0, max\(s, d\)\) = \[0, 2\), got 2",
        ),
        (dict(output_padding=-1), ValueError, r"output_padding must be a non-negative int or a pair of them, got -1"),
        (dict(X=np.zeros((1, 3, 3, 2))), ValueError, r"W has 4 filters \(W.shape\[3\]\) but X has 2 channels"),
        (dict(b=np.zeros(3)), ValueError, r"b must have shape \(2,\), one bias per output channel, got \(3,\)"),
        (dict(padding=3), ValueError, r"padding p=3 crops the whole output"),
        (dict(X=np.zeros((3, 3, 4))), ValueError, r"X must have 4 dimensions \(m, n_H, n_W, n_C\)"),
    ],
)
def test_transposed_conv_is_validated(kwargs, error, message):
    args = dict(X=np.zeros((1, 3, 3, 4)), W=np.zeros((3, 3, 2, 4)), b=np.zeros(2), stride=1, padding=0) | kwargs
    for fn in (cnnlib.conv_transpose_forward, reference.conv_transpose_forward):
        with pytest.raises(error, match=message):
            fn(**args)


def test_backward_gradients_of_the_wrong_shape_are_rejected():
    X, Wt = np.zeros((1, 3, 3, 4)), np.zeros((3, 3, 2, 4))
    with pytest.raises(ValueError, match=r"dY must have the forward output's shape \(1, 5, 5, 2\), got \(1, 4, 4, 2\)"):
        cnnlib.conv_transpose_backward(np.zeros((1, 4, 4, 2)), X, Wt)
    with pytest.raises(ValueError, match=r"dA must have the forward output's shape \(2, 4\), got \(4, 2\)"):
        cnnlib.global_avg_pool_backward(np.zeros((4, 2)), A)
    with pytest.raises(ValueError, match=r"A_prev must have 4 dimensions"):
        cnnlib.global_avg_pool_forward(np.zeros((5, 5)))


@pytest.mark.parametrize(
    ("c_in", "c_out", "k", "padding", "dilation", "groups"),
    [(8, 4, (3, 2), 1, 2, 1), (8, 8, (3, 3), 2, (2, 1), 4), (9, 9, (2, 3), 0, 1, 9), (8, 16, (3, 3), 3, 3, 2)],
    ids=["dilated", "grouped+dilated", "depthwise", "grouped, wide padding"],
)
def test_many_channel_stride_1_gather_path_matches_reference(c_in, c_out, k, padding, dilation, groups):
    # n_C_prev >= cnnlib.routes.FEW_CHANNELS at stride 1: dA_prev by full convolution, not col2im
    assert c_in >= cnnlib.routes.FEW_CHANNELS
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((2, 7, 6, c_in))
    W = rng.standard_normal((*k, c_in // groups, c_out))
    conf = (1, padding, dilation, groups)
    dZ = rng.standard_normal(cnnlib.conv_forward(A_prev, W, np.zeros(c_out), *conf).shape)
    for x, y in zip(cnnlib.conv_backward(dZ, A_prev, W, *conf), reference.conv_backward(dZ, A_prev, W, *conf)):
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    ("multiplier", "stride", "expected"),
    [(1, 2, "depthwise"), (1, 1, "depthwise"), (2, 2, "groups and dilation")],
    ids=["depthwise", "depthwise, stride 1 (dA_prev gathered)", "two filters per channel"],
)
def test_depthwise_in_blocks_of_the_batch_matches_reference(monkeypatch, multiplier, stride, expected):
    """Depthwise layers run a few examples at a time; force one example per block and compare."""
    monkeypatch.setattr(cnnlib.routes, "BLOCK_BYTES", 1)
    rng = np.random.default_rng(0)
    A_prev = rng.standard_normal((3, 6, 5, 4))
    W = rng.standard_normal((3, 2, 1, 4 * multiplier))
    conf = (stride, 1, (1, 2), 4)  # stride, padding, dilation, groups
    assert cnnlib.routes.route(A_prev, W, (stride, stride), (1, 2), 4, "backward") == expected
    Z = cnnlib.conv_forward(A_prev, W, np.zeros(W.shape[3]), *conf)
    np.testing.assert_allclose(Z, reference.conv_forward(A_prev, W, np.zeros(W.shape[3]), *conf), atol=1e-12)
    dZ = rng.standard_normal(Z.shape)
    for x, y in zip(cnnlib.conv_backward(dZ, A_prev, W, *conf), reference.conv_backward(dZ, A_prev, W, *conf)):
        np.testing.assert_allclose(x, y, atol=1e-12)
