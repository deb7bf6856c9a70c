"""Activations g and their derivatives g', each derivative beside its function.

The conv layer's backward pass stops at dE/dZ; the step to the layer below,
``dZ_prev = dA_prev * g'(Z_prev)``, needs g' evaluated at the stored ``Z_prev``.

Every function takes an array of any shape and returns a new one. ``relu``
and ``identity`` keep ``Z``'s dtype (they compute nothing that could round);
the others return ``Z``'s float dtype, or float64 for integers, bools and
object arrays of numbers.
"""

from __future__ import annotations

import numpy as np

from .dtypes import ieee, maximum
from .shapes import as_array

__all__ = [
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
    "identity",
    "identity_derivative",
    "ACTIVATIONS",
]


def _numbers(Z):
    """``Z`` as an array of numbers (any shape)."""
    return as_array(Z, "Z", None)


def _floats(Z):
    """``Z`` in its float dtype, or in float64 (integers, bools, object arrays of numbers)."""
    Z = _numbers(Z)
    if Z.dtype.kind == "f":
        return Z
    try:
        return Z.astype(np.float64)
    except TypeError:  # SymPy symbols
        raise TypeError(
            "Z must hold numbers for this activation, got SymPy symbols"
        ) from None


@ieee
def relu(Z):
    """``max(Z, 0)``, elementwise (NaN stays NaN; SymPy symbols give ``Max(z, 0)``)."""

    Z = _numbers(Z)
    return maximum(Z.copy(), np.zeros(Z.shape, dtype=Z.dtype))


@ieee
def relu_derivative(Z):
    """``1`` where ``Z > 0``, else ``0`` (the value 0 at ``Z == 0``, as frameworks use)."""
    Z = _floats(Z)
    return (Z > 0).astype(Z.dtype)


@ieee
def sigmoid(Z):
    """``1 / (1 + exp(-Z))``, computed without overflow for large ``|Z|``."""
    Z = _floats(Z)
    E = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1 / (1 + E), E / (1 + E))


@ieee
def sigmoid_derivative(Z):
    """``sigmoid(Z) * (1 - sigmoid(Z))``."""
    S = sigmoid(Z)
    return S * (1 - S)


@ieee
def tanh(Z):
    """``tanh(Z)``, elementwise."""
    return np.tanh(_floats(Z))


@ieee
def tanh_derivative(Z):
    """``1 - tanh(Z)**2``."""
    return 1 - np.tanh(_floats(Z)) ** 2


def identity(Z):
    """``Z`` itself (a linear layer), as a new array."""
    return _numbers(Z).copy()


def identity_derivative(Z):
    """``1`` everywhere."""
    Z = _floats(Z)
    return np.ones(Z.shape, dtype=Z.dtype)


ACTIVATIONS = {
    "relu": (relu, relu_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "identity": (identity, identity_derivative),
}
