"""Inputs a demanding user passes: each case here gave a wrong answer or a raw error before, and must not again.

Grouped as in the issue that collected them: A layer objects, B integer and
half-precision data, C NaN in max pooling, D transposed convolution, E
argument edge cases, F one convention for dtypes and copies.
"""

import numpy as np
import pytest

import cnnlib
from cnnlib import layers as L
from cnnlib import reference


def _set(p, v):
    p[...] = v


def gradients_match_finite_differences(net, x, y):
    """Backprop through ``net`` once; compare the input and every parameter gradient with central differences."""
    loss = lambda: L.softmax_cross_entropy(net.predict(x), y)[0]
    dx = net.backward(L.softmax_cross_entropy(net.forward(x), y)[1])
    errors = [cnnlib.gradcheck(lambda v: L.softmax_cross_entropy(net.predict(v), y)[0], x, dx)]
    for p, g in zip(net.params(), net.grads(), strict=True):
        old = p.copy()
        errors.append(cnnlib.gradcheck(lambda v, p=p: _set(p, v) or loss(), old, g))
        p[...] = old  # numerical_gradient leaves p at its last perturbed value
    return max(errors)


# --- A. Layer objects ---------------------------------------------------------------------------


def test_one_relu_used_twice_gives_the_true_input_gradient():
    rng = np.random.default_rng(0)
    relu = L.ReLU()
    net = L.Sequential(
        L.Conv(3, 3, 1, 2, padding=1, rng=rng, dtype=np.float64),
        relu,
        L.Conv(3, 3, 2, 2, padding=1, rng=rng, dtype=np.float64),
        relu,
        L.Flatten(),
        L.Dense(2 * 4 * 4, 3, rng=rng, dtype=np.float64),
    )
    for p in net.params():
        p[...] = rng.standard_normal(p.shape) * 0.5
    assert gradients_match_finite_differences(net, rng.standard_normal((2, 4, 4, 1)), np.array([0, 2])) < 1e-6


def test_one_conv_used_twice_shares_its_weights_and_their_gradients_add_up():
    rng = np.random.default_rng(1)
    shared = L.Conv(3, 3, 2, 2, padding=1, rng=rng, dtype=np.float64)
    net = L.Sequential(shared, L.ReLU(), shared, L.Flatten(), L.Dense(2 * 4 * 4, 3, rng=rng, dtype=np.float64))
    shared.b[...] = rng.standard_normal(2)
    assert len(net.params()) == 4  # W and b of the shared conv once, then the dense layer's
    assert gradients_match_finite_differences(net, rng.standard_normal((2, 4, 4, 2)), np.array([1, 2])) < 1e-6


def test_a_shared_dense_layer_adds_up_its_gradients():
    rng = np.random.default_rng(2)
    dense = L.Dense(4, 4, rng=rng, dtype=np.float64)
    net = L.Sequential(dense, L.ReLU(), dense)
    assert gradients_match_finite_differences(net, rng.standard_normal((3, 4)), np.array([0, 3, 1])) < 1e-6


def test_evaluating_between_forward_and_backward_changes_nothing():
    rng = np.random.default_rng(3)
    net = L.Sequential(L.Conv(3, 3, 1, 2, rng=rng, dtype=np.float64), L.ReLU(), L.Flatten())
    x, x_val, G = rng.standard_normal((2, 5, 5, 1)), rng.standard_normal((2, 5, 5, 1)), rng.standard_normal((2, 18))
    net.forward(x)
    dx = net.backward(G)
    expected = [g.copy() for g in net.grads()]
    net.forward(x)
    net.predict(x_val)  # a validation batch of the same shape, in between
    np.testing.assert_array_equal(net.backward(G), dx)
    for g, e in zip(net.grads(), expected, strict=True):
        np.testing.assert_array_equal(g, e)


def test_a_second_forward_before_backward_is_refused_not_mixed_up():
    rng = np.random.default_rng(4)
    net = L.Sequential(L.Conv(2, 2, 1, 1, rng=rng), L.ReLU())
    net.forward(np.ones((1, 3, 3, 1)))
    with pytest.raises(RuntimeError, match=r"still waiting for its backward\. Use predict\(x\) to evaluate"):
        net.forward(np.zeros((1, 3, 3, 1)))
    net.clear()
    net.forward(np.zeros((1, 3, 3, 1)))  # after clear() it starts afresh
    net.backward(np.ones((1, 2, 2, 1)))
    with pytest.raises(RuntimeError, match=r"backward called before forward \(or twice for one forward\)"):
        net.backward(np.ones((1, 2, 2, 1)))


def test_gradients_are_those_of_the_last_pass_not_a_running_sum():
    rng = np.random.default_rng(5)
    conv = L.Conv(2, 2, 1, 1, rng=rng, dtype=np.float64)
    x, G = rng.standard_normal((1, 3, 3, 1)), rng.standard_normal((1, 2, 2, 1))
    for _ in range(3):
        conv.forward(x)
        conv.backward(G)
    np.testing.assert_allclose(conv.dW, cnnlib.conv_backward(G, x, conv.W)[1])


def test_a_forward_that_fails_half_way_leaves_nothing_waiting():
    rng = np.random.default_rng(6)
    net = L.Sequential(L.Conv(2, 2, 1, 1, rng=rng), L.Flatten(), L.Dense(5, 2, rng=rng))
    with pytest.raises(ValueError, match=r"Dense expects input of shape \(m, 5\), got \(1, 4\)"):
        net.forward(np.ones((1, 3, 3, 1)))
    assert net.forward(np.ones((1, 6, 2, 1))).shape == (1, 2)  # no "still waiting" from the failed pass


@pytest.mark.parametrize(
    "make", [lambda d: L.Conv(3, 3, 1, 1, rng=0, dtype=d), lambda d: L.Dense(2, 2, rng=0, dtype=d)]
)
@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.uint8, bool, "not a dtype"])
def test_layers_refuse_weights_that_cannot_hold_their_values(make, dtype):
    with pytest.raises(TypeError, match=r"dtype must be a floating-point type"):
        make(dtype)


def test_layers_take_an_int_seed_and_name_a_bad_rng():
    assert np.array_equal(
        L.Conv(3, 3, 1, 2, rng=42).W, L.Conv(3, 3, 1, 2, rng=np.random.default_rng(42)).W
    )  # the seed of a new generator
    for bad in ("42", 1.5, True, -1, None):
        with pytest.raises(TypeError, match=r"rng must be a numpy\.random\.Generator or a non-negative int seed"):
            L.Dense(2, 2, rng=bad)


def test_layers_take_nested_lists_as_the_functions_do():
    rng = np.random.default_rng(7)
    dense = L.Dense(3, 2, rng=rng, dtype=np.float64)
    x = [[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]]
    np.testing.assert_allclose(dense.forward(x), np.array(x) @ dense.W)
    assert dense.backward([[1.0, 0.0], [0.0, 1.0]]).shape == (2, 3)
    assert L.Flatten().predict([[[1, 2]], [[3, 4]]]).tolist() == [[1, 2], [3, 4]]
    with pytest.raises(TypeError, match=r"X must be an array of numbers, could not convert it"):
        dense.predict([[1.0, 2.0, 3.0], [1.0]])


def test_backward_names_a_gradient_of_the_wrong_shape():
    rng = np.random.default_rng(8)
    for layer, x in ((L.Dense(3, 2, rng=rng), np.ones((4, 3))), (L.ReLU(), np.ones((2, 3)))):
        layer.forward(x)
        with pytest.raises(ValueError, match=r"backward: d must have the output's shape \(\d, \d\), got \(1, \d\)"):
            layer.backward(np.ones((1, layer.predict(x).shape[1])))  # numpy would broadcast it


def test_sgd_refuses_a_gradient_of_the_wrong_shape_and_bad_settings():
    p = np.zeros((2, 3))
    opt = L.SGD([p], lr=0.1)
    for g in (np.ones(3), np.ones((1, 3)), np.ones((3, 2))):
        with pytest.raises(ValueError, match=r"grads\[0\] must have its parameter's shape \(2, 3\)"):
            opt.step([g])
    with pytest.raises(ValueError, match=r"one gradient per parameter, 1, got 2"):
        opt.step([np.ones((2, 3))] * 2)
    assert not p.any()  # nothing was applied
    for kwargs, error in [
        (dict(lr="0.1"), TypeError),
        (dict(lr=None), TypeError),
        (dict(lr=0), ValueError),
        (dict(lr=float("nan")), ValueError),
        (dict(momentum=True), TypeError),
        (dict(momentum=1.0), ValueError),
    ]:
        with pytest.raises(error, match=rf"{next(iter(kwargs))} must be a real number"):
            L.SGD([p], **kwargs)
    with pytest.raises(TypeError, match=r"params\[0\] must be a writeable floating-point ndarray"):
        L.SGD([np.zeros(2, dtype=int)])


def test_softmax_cross_entropy_names_an_empty_batch():
    with pytest.raises(ValueError, match=r"logits must hold at least one example"):
        L.softmax_cross_entropy(np.zeros((0, 10)), np.zeros(0, dtype=int))
    with pytest.raises(TypeError, match=r"logits must hold bool, int, float values"):
        L.softmax_cross_entropy(np.array([["a", "b"]]), np.array([0]))


# --- B. Integer and half-precision data ---------------------------------------------------------


def test_integer_images_are_computed_exactly():
    img = np.full((1, 3, 3, 1), 200, dtype=np.uint8)
    K = np.ones((3, 3), dtype=np.uint8)
    for fn in (cnnlib.conv_forward, reference.conv_forward):
        Z = fn(img, K[:, :, None, None], None)
        assert Z.dtype == np.int64 and Z.item() == 1800
    for fn in (cnnlib.correlate2d, reference.correlate2d, cnnlib.convolve2d, reference.convolve2d):
        assert fn(img[0, :, :, 0], K).max() == 1800
    for fn in (cnnlib.pool_forward, reference.pool_forward):
        A = fn(np.full((1, 2, 2, 1), 200, dtype=np.uint8), 2, mode="avg")
        assert A.dtype == np.float64 and A.item() == 200.0
        assert fn(img, 3).dtype == np.uint8  # a maximum keeps the input's dtype
    assert cnnlib.global_avg_pool_forward(img).item() == 200.0


def test_integers_too_large_for_exact_int64_are_refused():
    big = np.full((1, 2, 2, 1), 2**40, dtype=np.int64)
    with pytest.raises(ValueError, match=r"A_prev, W and b hold integers so large .* pass them as float64"):
        cnnlib.conv_forward(big, big.reshape(2, 2, 1, 1), None)
    with pytest.raises(ValueError, match=r"I and K hold integers so large"):
        cnnlib.correlate2d(big[0, :, :, 0], big[0, :, :, 0])
    exact = cnnlib.conv_forward(big // 2**10, np.ones((2, 2, 1, 1), dtype=np.int64), None)
    assert exact.item() == 4 * 2**30  # large but safe values are still exact


def test_half_precision_is_accumulated_in_float32():
    A = np.full((1, 2, 2, 1), 30000, dtype=np.float16)
    for fn in (cnnlib.pool_forward, reference.pool_forward):
        out = fn(A, 2, mode="avg")
        assert out.dtype == np.float16 and out.item() == 30000
    assert cnnlib.global_avg_pool_forward(A).item() == 30000
    ones = np.ones((1, 64, 64, 1), dtype=np.float16)  # 4096 terms: a float16 running sum stalls at 2048
    assert cnnlib.conv_forward(ones, np.ones((64, 64, 1, 1), dtype=np.float16), None).item() == 4096


# --- C. NaN in max pooling ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "stride", "shape"),
    [(2, None, (1, 4, 4, 2)), (3, 1, (1, 5, 5, 2)), (2, 3, (2, 7, 6, 1)), ((2, 3), (1, 2), (1, 5, 7, 3))],
    ids=["tiled", "overlapping", "gaps", "non-square"],
)
def test_max_pool_sends_a_window_with_nan_to_its_first_nan(size, stride, shape):
    rng = np.random.default_rng(9)
    A_prev = rng.integers(-3, 4, size=shape).astype(float)  # ties, too
    flat = A_prev.reshape(-1)
    flat[rng.choice(flat.size, size=flat.size // 6, replace=False)] = np.nan
    flat[rng.choice(flat.size, size=flat.size // 8, replace=False)] = np.inf
    flat[rng.choice(flat.size, size=flat.size // 8, replace=False)] = -np.inf
    A = cnnlib.pool_forward(A_prev, size, stride)
    np.testing.assert_array_equal(A, reference.pool_forward(A_prev, size, stride))
    dA = rng.integers(-9, 10, size=A.shape).astype(float)  # sums of overlapping windows are exact
    got = cnnlib.pool_backward(dA, A_prev, size, stride)
    np.testing.assert_array_equal(got, reference.pool_backward(dA, A_prev, size, stride))
    # the rule, window by window: all of dA to np.argmax of the window, which picks the first NaN
    k1, k2 = (size, size) if isinstance(size, int) else size
    s1, s2 = (k1, k2) if stride is None else ((stride, stride) if isinstance(stride, int) else stride)
    expected = np.zeros_like(A_prev)
    for e, i, j, c in np.ndindex(*A.shape):
        window = A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c]
        m, n = divmod(int(np.argmax(window)), k2)
        expected[e, i * s1 + m, j * s2 + n, c] += dA[e, i, j, c]
        assert np.isnan(A[e, i, j, c]) == np.isnan(window).any()
    np.testing.assert_array_equal(got, expected)


# --- D. Transposed convolution ------------------------------------------------------------------


def test_output_padding_past_the_stride_gives_rows_that_hold_only_the_bias():
    rng = np.random.default_rng(10)
    X, W, b = rng.standard_normal((2, 3, 4, 2)), rng.standard_normal((2, 2, 3, 2)), rng.standard_normal(3)
    kwargs = dict(stride=1, padding=0, output_padding=1, dilation=2)
    Y = cnnlib.conv_transpose_forward(X, W, b, **kwargs)
    assert (
        Y.shape
        == (2, 3 + 2 + 1, 4 + 2 + 1, 3)
        == (2, *(cnnlib.conv_transpose_output_size(n, 2, 0, 1, 1, 2) for n in (3, 4)), 3)
    )
    np.testing.assert_allclose(Y, reference.conv_transpose_forward(X, W, b, **kwargs), atol=1e-12)
    np.testing.assert_allclose(Y[:, -1], np.broadcast_to(b, Y[:, -1].shape))  # the last row: bias only
    # the adjoint of the convolution it transposes, <Y - b, A> == <X, conv(A)>, on the rows X covers
    A = rng.standard_normal(Y.shape)
    conv_A = cnnlib.conv_forward(A, W, None, stride=1, dilation=2)[:, :3, :4]
    assert np.isclose(np.sum((Y - b) * A), np.sum(X * conv_A))
    dY = rng.standard_normal(Y.shape)
    got = cnnlib.conv_transpose_backward(dY, X, W, **kwargs)
    for g, r in zip(got, reference.conv_transpose_backward(dY, X, W, **kwargs), strict=True):
        np.testing.assert_allclose(g, r, atol=1e-12)
    f = lambda v: np.sum(dY * cnnlib.conv_transpose_forward(v, W, b, **kwargs))
    assert cnnlib.gradcheck(f, X, got[0]) < 1e-8
    assert cnnlib.gradcheck(lambda v: np.sum(dY * cnnlib.conv_transpose_forward(X, v, b, **kwargs)), W, got[1]) < 1e-8


@pytest.mark.parametrize("fn", [cnnlib.conv_transpose_forward, reference.conv_transpose_forward])
@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (dict(output_padding="1"), TypeError, r"output_padding must be a non-negative int or a pair of them, got '1'"),
        (dict(output_padding=None), TypeError, r"output_padding must be a non-negative int .* got None"),
        (dict(output_padding=2), ValueError, r"output_padding must be an int in \[0, max\(s, d\)\) = \[0, 2\), got 2"),
        (dict(groups=2), ValueError, r"groups=2 must divide X's 3 channels"),
        (dict(X=np.zeros((1, 0, 3, 3))), ValueError, r"X must have at least one row, column and channel"),
        (dict(b=np.zeros(3)), ValueError, r"b must have shape \(2,\), one bias per output channel"),
    ],
)
def test_transposed_errors_speak_of_X(fn, change, error, message):
    args = dict(X=np.zeros((1, 3, 3, 3)), W=np.zeros((2, 2, 2, 3)), b=np.zeros(2), stride=2) | change
    with pytest.raises(error, match=message) as caught:
        fn(**args)
    assert "A_prev" not in str(caught.value)


# --- E. Argument edge cases ---------------------------------------------------------------------


def test_b_none_means_no_bias():
    rng = np.random.default_rng(11)
    A, W = rng.standard_normal((2, 5, 5, 3)), rng.standard_normal((3, 3, 3, 4))
    for fn in (cnnlib.conv_forward, reference.conv_forward):
        np.testing.assert_array_equal(fn(A, W, None, stride=2, padding=1), fn(A, W, np.zeros(4), stride=2, padding=1))
    X = rng.standard_normal((1, 2, 2, 4))
    for fn in (cnnlib.conv_transpose_forward, reference.conv_transpose_forward):
        np.testing.assert_array_equal(fn(X, W, None, stride=2), fn(X, W, np.zeros(3), stride=2))


@pytest.mark.parametrize("channels", [1, 2, 8])
def test_a_stride_larger_than_any_input_is_a_single_window(channels):
    rng = np.random.default_rng(12)
    A, W = rng.standard_normal((2, 4, 5, channels)), rng.standard_normal((3, 3, channels, 2))
    for stride in (2**60, (2**60, 1), 10**30):
        Z = cnnlib.conv_forward(A, W, None, stride=stride)
        np.testing.assert_allclose(Z, reference.conv_forward(A, W, None, stride=stride), atol=1e-12)
        dZ = rng.standard_normal(Z.shape)
        for g, r in zip(cnnlib.conv_backward(dZ, A, W, stride), reference.conv_backward(dZ, A, W, stride), strict=True):
            np.testing.assert_allclose(g, r, atol=1e-12)
        P = cnnlib.pool_forward(A, 2, stride)
        np.testing.assert_array_equal(P, reference.pool_forward(A, 2, stride))


def test_an_impossibly_large_padding_is_named():
    A, W = np.zeros((1, 4, 4, 2)), np.zeros((3, 3, 2, 1))
    for fn, args in [
        (cnnlib.conv_forward, (A, W, None, 1, 10**30)),
        (cnnlib.conv_backward, (np.zeros((1, 2, 2, 1)), A, W, 1, (10**30, 0))),
        (cnnlib.pad, (A, 10**30)),
    ]:
        with pytest.raises(ValueError, match=r"padding=\(10{30}, \d+\) would make an array of shape .*: too large"):
            fn(*args)


def test_numpy_arrays_and_numpy_scalars_as_stride_size_and_padding():
    rng = np.random.default_rng(13)
    A, W = rng.standard_normal((1, 6, 7, 2)), rng.standard_normal((2, 3, 2, 1))
    expected = cnnlib.conv_forward(A, W, None, (2, 1), (1, 0))
    for stride, padding in [(np.array([2, 1]), np.array([1, 0])), ([np.int8(2), 1], (np.uint64(1), np.int64(0)))]:
        np.testing.assert_array_equal(cnnlib.conv_forward(A, W, None, stride, padding), expected)
    np.testing.assert_array_equal(cnnlib.pool_forward(A, np.array([2, 3])), cnnlib.pool_forward(A, (2, 3)))
    for bad in (np.array([2.0, 1.0]), np.array([True, True]), np.array([[2, 1]]), np.array([2, 1, 1])):
        with pytest.raises(TypeError, match=r"stride must be a positive int or a pair of them"):
            cnnlib.conv_forward(A, W, None, stride=bad)


def test_an_empty_kernel_or_map_is_refused():
    for fn in (cnnlib.correlate2d, cnnlib.convolve2d, reference.correlate2d, reference.convolve2d):
        with pytest.raises(ValueError, match=r"K must not be empty, got shape \(0, 2\)"):
            fn(np.ones((3, 3)), np.ones((0, 2)))
    for fn in (cnnlib.correlate1d, cnnlib.convolve1d):
        with pytest.raises(ValueError, match=r"K must not be empty"):
            fn(np.ones(3), np.ones(0))
    for fn in (cnnlib.global_avg_pool_forward, reference.global_avg_pool_forward):
        with pytest.raises(ValueError, match=r"A_prev must have at least one row, column and channel"):
            fn(np.ones((2, 0, 0, 3)))


def test_an_empty_batch_gives_empty_results():
    A, W = np.zeros((0, 5, 5, 2)), np.zeros((3, 3, 2, 4))
    Z = cnnlib.conv_forward(A, W, np.zeros(4), padding=1)
    dA, dW, db = cnnlib.conv_backward(Z, A, W, padding=1)
    assert (Z.shape, dA.shape, dW.shape, db.shape) == ((0, 5, 5, 4), A.shape, W.shape, (4,))
    assert not dW.any() and not db.any()
    assert cnnlib.pool_backward(cnnlib.pool_forward(A, 2), A, 2).shape == A.shape


# --- F. Conventions -----------------------------------------------------------------------------


def test_every_gradient_of_one_call_has_one_dtype():
    rng = np.random.default_rng(14)
    A, W = rng.standard_normal((1, 4, 4, 2)).astype(np.float32), rng.standard_normal((2, 2, 2, 3))
    dZ = np.ones((1, 3, 3, 3), dtype=np.float32)
    assert {g.dtype for g in cnnlib.conv_backward(dZ, A, W)} == {np.dtype(np.float64)}
    assert {g.dtype for g in reference.conv_backward(dZ, A, W)} == {np.dtype(np.float64)}
    dP = np.ones((1, 2, 2, 2), dtype=np.float32)
    assert {cnnlib.pool_backward(dP, A, 2, mode=mode).dtype for mode in ("max", "avg")} == {np.dtype(np.float32)}


def test_results_are_always_new_arrays():
    A = np.ones((1, 3, 3, 1))
    for out in (cnnlib.pad(A, 0), cnnlib.rot180(A[0, :, :, 0]), cnnlib.identity(A)):
        assert not np.shares_memory(out, A)


@pytest.mark.parametrize("bad", ["1", None, 1.0, -1])
def test_conv_transpose_output_size_names_output_padding(bad):
    with pytest.raises((TypeError, ValueError), match=r"output_padding must be a non-negative int, got"):
        cnnlib.conv_transpose_output_size(3, 2, 0, 2, bad)


def test_the_checking_helpers_name_their_arguments():
    with pytest.raises(TypeError, match=r"f must be a function of one array"):
        cnnlib.numerical_gradient(None, np.zeros(2))
    for eps, error in (("1e-6", TypeError), (0, ValueError), (-1e-6, ValueError), (np.inf, ValueError)):
        with pytest.raises(error, match=r"eps must be a real number in \(0, inf\)"):
            cnnlib.gradcheck(np.sum, np.zeros(2), np.ones(2), eps=eps)
    with pytest.raises(TypeError, match=r"x must hold bool, int, float values"):
        cnnlib.numerical_gradient(np.sum, np.array(["a"]))
    with pytest.raises(ValueError, match=r"a and b must have the same shape"):
        cnnlib.relative_error(np.zeros(2), np.zeros(3))
    from cnnlib import symbolic

    with pytest.raises(TypeError, match=r"name must be a str"):
        symbolic.symbol_array(3, (2,))
    with pytest.raises(ValueError, match=r"shape must be a tuple of non-negative ints"):
        symbolic.symbol_array("a", (2, -1))


def test_im2col_and_col2im_name_a_geometry_that_does_not_fit():
    A = np.zeros((1, 4, 4, 2))
    with pytest.raises(ValueError, match=r"n_H=3 windows of 3 taps reach 5 pixels, but A_pad has 4"):
        cnnlib.im2col(A, 3, 3, 1, 3, 2)
    with pytest.raises(ValueError, match=r"dcols must have shape \(4, 18\), one row per window"):
        cnnlib.col2im(np.zeros((4, 9)), A.shape, 3, 3, 1, 2, 2)


def test_the_data_helpers_name_their_arguments():
    from cnnlib.data import load_digits, minibatches

    for bad, error in ((0, ValueError), (1.5, ValueError), ("0.2", TypeError), (True, TypeError)):
        with pytest.raises(error, match=r"test_size must be a real number in \(0, 1\)"):
            load_digits(test_size=bad)
    with pytest.raises(ValueError, match=r"batch_size must be a positive int, got 0"):
        minibatches(10, 0, np.random.default_rng(0))
    with pytest.raises(TypeError, match=r"rng must be a numpy\.random\.Generator"):
        minibatches(10, 3, 0)
    assert sorted(np.concatenate(minibatches(10, 3, np.random.default_rng(0)))) == list(range(10))


def test_gradcheck_names_a_function_that_does_not_return_a_scalar():
    with pytest.raises(TypeError, match=r"f must return a scalar, got an array of shape \(2,\)"):
        cnnlib.numerical_gradient(lambda v: v * 2, np.zeros(2))
    with pytest.raises(TypeError, match=r"f must return a number, got 'x'"):
        cnnlib.numerical_gradient(lambda v: "x", np.zeros(2))
