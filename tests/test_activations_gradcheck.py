"""Activations' derivatives, and the gradient checker itself."""

import numpy as np
import pytest

import cnnlib


@pytest.mark.parametrize("name", ["relu", "sigmoid", "tanh", "identity"])
def test_derivatives_match_finite_differences(name):
    g, dg = cnnlib.ACTIVATIONS[name]
    Z = np.random.default_rng(0).standard_normal((2, 3, 3, 2)) * 3
    Z[np.abs(Z) < 1e-3] = 0.5  # keep ReLU's kink out of reach of eps
    assert cnnlib.gradcheck(lambda z: np.sum(g(z)), Z, dg(Z)) < 1e-7


def test_sigmoid_is_stable_for_large_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = cnnlib.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    assert s.tolist() == [0.0, 0.5, 1.0]


@pytest.mark.parametrize("name", ["relu", "sigmoid", "tanh", "identity"])
def test_float32_stays_float32(name):
    g, dg = cnnlib.ACTIVATIONS[name]
    Z = np.ones(3, np.float32)
    assert g(Z).dtype == dg(Z).dtype == np.float32


def test_gradcheck_catches_a_wrong_gradient():
    x = np.array([1.0, -2.0, 3.0])
    f = lambda v: np.sum(v**2)
    assert cnnlib.gradcheck(f, x, 2 * x) < 1e-9
    assert cnnlib.gradcheck(f, x, x) > 0.1
    assert cnnlib.relative_error(np.zeros(2), np.zeros(2)) == 0.0
    with pytest.raises(ValueError, match="same shape"):
        cnnlib.relative_error(np.zeros(2), np.zeros(3))
