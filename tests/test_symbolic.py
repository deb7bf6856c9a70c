"""SymPy: the backward passes are the exact derivatives of E = sum(delta * Z)."""

import numpy as np
import pytest
import sympy
from hypothesis import given, settings

import cnnlib
from cnnlib import reference, symbolic

from conftest import conv_configs

CONV_CASES = [  # (A_prev shape, W shape, stride, padding)
    ((1, 3, 3, 1), (2, 2, 1, 1), 1, 0),
    ((1, 4, 3, 1), (2, 2, 1, 1), (2, 1), (1, 0)),
    ((2, 3, 3, 2), (2, 2, 2, 2), 1, 1),
    ((1, 5, 4, 1), (3, 2, 1, 2), 2, (0, 1)),
]


@pytest.mark.parametrize(("a_shape", "w_shape", "stride", "padding"), CONV_CASES)
def test_conv_backward_is_the_symbolic_gradient(a_shape, w_shape, stride, padding):
    A_prev = symbolic.symbol_array("a", a_shape)
    W = symbolic.symbol_array("w", w_shape)
    b = symbolic.symbol_array("b", w_shape[-1:])
    Z = reference.conv_forward(A_prev, W, b, stride, padding)
    delta = symbolic.symbol_array("delta", Z.shape)
    E = symbolic.total(delta, Z)
    dA_prev, dW, db = reference.conv_backward(delta, A_prev, W, stride, padding)
    assert symbolic.same(dA_prev, symbolic.gradient(E, A_prev))
    assert symbolic.same(dW, symbolic.gradient(E, W))
    assert symbolic.same(db, symbolic.gradient(E, b))

    # the vectorised code, on integers, equals SymPy's gradient at those integers exactly
    rng = np.random.default_rng(0)
    values = {s: int(rng.integers(-9, 10)) for s in E.free_symbols}
    num = lambda X: np.array([int(sympy.sympify(x).xreplace(values)) for x in X.ravel()]).reshape(X.shape)
    fast = cnnlib.conv_backward(num(delta), num(A_prev), num(W), stride, padding)
    for got, want in zip(fast, (dA_prev, dW, db)):
        assert np.array_equal(got, num(want))


def test_a_wrong_gradient_is_caught():
    A_prev = symbolic.symbol_array("a", (1, 3, 3, 1))
    W = symbolic.symbol_array("w", (2, 2, 1, 1))
    Z = reference.conv_forward(A_prev, W, np.zeros(1, dtype=int))
    delta = symbolic.symbol_array("delta", Z.shape)
    E = symbolic.total(delta, Z)
    _, dW, _ = reference.conv_backward(delta, A_prev, W)
    wrong = reference.conv_backward(delta, A_prev, cnnlib.rot180(W))[0]  # the kernel turned the wrong way
    assert not symbolic.same(wrong, symbolic.gradient(E, A_prev))
    assert not symbolic.same(dW * 2, symbolic.gradient(E, W))


@pytest.mark.parametrize(
    ("shape", "size", "stride"), [((1, 4, 4, 1), 2, None), ((1, 4, 5, 1), (2, 3), 1), ((1, 5, 5, 2), 3, 2)]
)
def test_pool_backward_is_the_symbolic_gradient(shape, size, stride):
    rng = np.random.default_rng(3)
    values = rng.permutation(np.prod(shape)).reshape(shape)  # distinct values: no ties
    A_sym = symbolic.symbol_array("a", shape, real=True)
    for mode in ("max", "avg"):
        A = reference.pool_forward(A_sym, size, stride, mode)
        delta = symbolic.symbol_array("delta", A.shape)
        grad = symbolic.gradient(symbolic.total(delta, A), A_sym)
        at = {s: int(v) for s, v in zip(A_sym.ravel(), values.ravel())}
        grad = np.array([sympy.sympify(g).xreplace(at) for g in grad.ravel()], dtype=object).reshape(shape)
        assert symbolic.same(grad, reference.pool_backward(delta, values, size, stride, mode))
        d = np.vectorize(sympy.Integer, otypes=[object])(rng.integers(-9, 10, size=A.shape))  # exact 1/(k1*k2)
        at_d = {s: int(v) for s, v in zip(delta.ravel(), d.ravel())}
        exact = np.array([sympy.sympify(g).xreplace(at_d) for g in grad.ravel()], dtype=object).reshape(shape)
        assert symbolic.same(exact, cnnlib.pool_backward(d, values, size, stride, mode))


def test_symbol_array_names_and_total_checks_shapes():
    a = symbolic.symbol_array("a", (2, 3))
    assert str(a[1, 2]) == "a_{1,2}"
    with pytest.raises(ValueError, match=r"delta must have Z's shape \(2, 3\), got \(3, 2\)"):
        symbolic.total(np.zeros((3, 2)), a)


@settings(max_examples=6, deadline=None)
@given(conv_configs(max_batch=1, max_channels=2, max_side=4))
def test_conv_backward_is_the_symbolic_gradient_on_random_tiny_layers(cfg):
    """Random shapes, strides and paddings: loops on symbols == sympy.diff, vectorised on integers == it too."""
    A_num, W_num, _, stride, padding = cfg
    A_prev = symbolic.symbol_array("a", A_num.shape)
    W = symbolic.symbol_array("w", W_num.shape)
    b = symbolic.symbol_array("b", W_num.shape[-1:])
    Z = reference.conv_forward(A_prev, W, b, stride, padding)
    delta = symbolic.symbol_array("delta", Z.shape)
    E = symbolic.total(delta, Z)
    grads = reference.conv_backward(delta, A_prev, W, stride, padding)
    for X, g in zip((A_prev, W, b), grads):
        assert symbolic.same(g, symbolic.gradient(E, X))
    rng = np.random.default_rng(0)  # every symbol gets a value, also those no output reads
    at = {s: int(rng.integers(-9, 10)) for X in (A_prev, W, delta) for s in X.ravel()}
    num = lambda X: np.array([int(sympy.sympify(x).xreplace(at)) for x in X.ravel()]).reshape(X.shape)
    for got, want in zip(cnnlib.conv_backward(num(delta), num(A_prev), num(W), stride, padding), grads):
        assert np.array_equal(got, num(want))


def test_import_cnnlib_leaves_sympy_until_the_symbolic_functions_are_used():
    """SymPy is most of the import time; a notebook or a checker run that never uses cnnlib.symbolic skips it."""
    import subprocess
    import sys

    code = (
        "import sys, cnnlib; assert 'sympy' not in sys.modules; "
        "cnnlib.symbolic.gradient; assert 'sympy' in sys.modules; "
        "assert 'symbolic' in dir(cnnlib)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
