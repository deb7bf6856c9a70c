"""Activations g and their derivatives g', each derivative beside its function.

The conv layer's backward pass stops at dE/dZ; the step to the layer below,
``dZ_prev = dA_prev * g'(Z_prev)``, needs g' evaluated at the stored ``Z_prev``.
"""

from __future__ import annotations

import numpy as np

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


def relu(Z):
    """``max(Z, 0)``, elementwise."""
    return np.maximum(Z, 0)


def _float_dtype(Z):
    return Z.dtype if Z.dtype.kind == "f" else np.float64


def relu_derivative(Z):
    """``1`` where ``Z > 0``, else ``0`` (the value 0 at ``Z == 0``, as frameworks use)."""
    Z = np.asarray(Z)
    return (Z > 0).astype(_float_dtype(Z))


def sigmoid(Z):
    """``1 / (1 + exp(-Z))``, computed without overflow for large ``|Z|``."""
    Z = np.asarray(Z)
    E = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1 / (1 + E), E / (1 + E))


def sigmoid_derivative(Z):
    """``sigmoid(Z) * (1 - sigmoid(Z))``."""
    S = sigmoid(Z)
    return S * (1 - S)


def tanh(Z):
    """``tanh(Z)``, elementwise."""
    return np.tanh(Z)


def tanh_derivative(Z):
    """``1 - tanh(Z)**2``."""
    return 1 - np.tanh(Z) ** 2


def identity(Z):
    """``Z`` itself (a linear layer)."""
    return np.array(Z, copy=True)


def identity_derivative(Z):
    """``1`` everywhere."""
    Z = np.asarray(Z)
    return np.ones(Z.shape, dtype=_float_dtype(Z))


ACTIVATIONS = {
    "relu": (relu, relu_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "identity": (identity, identity_derivative),
}
