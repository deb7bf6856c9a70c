"""A small network built from the book's functions: layers, a loss and an optimiser.

Each layer is a plain object with two methods. ``forward(x)`` computes the
output and keeps what the backward pass will need; ``backward(d)`` takes
``dE/d(output)`` and returns ``dE/d(input)``, storing the gradients of the
layer's parameters in ``grads()``, in the same order as ``params()``. The
convolution and pooling layers call :func:`cnnlib.conv_backward` and
:func:`cnnlib.pool_backward`: the formulas derived in the book, nothing else.

Layout as in the rest of cnnlib: images ``(m, n_H, n_W, n_C)``, conv weights
``(k1, k2, n_C_prev, n_C)``; dense weights ``(n_in, n_out)``.
"""

from __future__ import annotations

import numpy as np

from .activations import relu, relu_derivative
from .conv import conv_backward, conv_forward
from .pool import pool_backward, pool_forward
from .shapes import as_pair

__all__ = ["Conv", "ReLU", "MaxPool", "Flatten", "Dense", "Sequential", "SGD", "he_init", "softmax_cross_entropy"]


def he_init(shape, fan_in, rng, dtype=np.float32):
    """Normal weights with variance ``2 / fan_in`` (He et al., 2015), suited to ReLU layers."""
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(dtype)


def _positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive int, got {value!r}")
    return int(value)


class Layer:
    """A layer without parameters; subclasses override ``forward`` and ``backward``."""

    def params(self):
        return []

    def grads(self):
        return []

    def _cached(self, name):
        value = getattr(self, name, None)
        if value is None:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        return value


class Conv(Layer):
    """Convolution layer: ``Z = A_prev ⊗ W + b`` through :func:`cnnlib.conv_forward`.

    Parameters
    ----------
    k1, k2 : int
        Kernel height and width.
    c_in, c_out : int
        Input channels ``n_C_prev`` and filters ``n_C``.
    stride, padding : int or (int, int)
    rng : numpy.random.Generator
        For the He initialisation of ``W``; ``b`` starts at zero.
    dtype : float32 (fast) or float64 (for gradient checks)
    """

    def __init__(self, k1, k2, c_in, c_out, stride=1, padding=0, *, rng, dtype=np.float32):
        k1, k2, c_in, c_out = (
            _positive_int(v, n) for v, n in zip((k1, k2, c_in, c_out), ("k1", "k2", "c_in", "c_out"))
        )
        self.stride = as_pair(stride, "stride", minimum=1)
        self.padding = as_pair(padding, "padding", minimum=0)
        self.W = he_init((k1, k2, c_in, c_out), k1 * k2 * c_in, rng, dtype)
        self.b = np.zeros(c_out, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def forward(self, A_prev):
        """``A_prev`` (m, n_H_prev, n_W_prev, c_in) -> ``Z`` (m, n_H, n_W, c_out)."""
        self.A_prev = A_prev
        return conv_forward(A_prev, self.W, self.b, self.stride, self.padding)

    def backward(self, dZ):
        """``dZ`` (m, n_H, n_W, c_out) -> ``dA_prev``; stores ``dW`` and ``db``."""
        dA_prev, self.dW, self.db = conv_backward(dZ, self._cached("A_prev"), self.W, self.stride, self.padding)
        return dA_prev

    def params(self):
        return [self.W, self.b]

    def grads(self):
        return [self.dW, self.db]


class ReLU(Layer):
    """``A = max(Z, 0)``; backward multiplies by ``g'(Z)`` (:func:`cnnlib.relu_derivative`)."""

    def forward(self, Z):
        self.Z = Z
        return relu(Z)

    def backward(self, dA):
        return dA * relu_derivative(self._cached("Z"))


class MaxPool(Layer):
    """Max pooling through :func:`cnnlib.pool_forward`; ``stride`` defaults to ``size``."""

    def __init__(self, size, stride=None):
        self.size = as_pair(size, "size", minimum=1)
        self.stride = self.size if stride is None else as_pair(stride, "stride", minimum=1)

    def forward(self, A_prev):
        self.A_prev = A_prev
        return pool_forward(A_prev, self.size, self.stride, "max")

    def backward(self, dA):
        return pool_backward(dA, self._cached("A_prev"), self.size, self.stride, "max")


class Flatten(Layer):
    """``(m, n_H, n_W, n_C)`` -> ``(m, n_H*n_W*n_C)``, and back for the gradient."""

    def forward(self, x):
        self.shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, d):
        return d.reshape(self._cached("shape"))


class Dense(Layer):
    """Fully connected layer ``Z = X @ W + b``, ``X`` (m, n_in), ``W`` (n_in, n_out), ``Z`` (m, n_out)."""

    def __init__(self, n_in, n_out, *, rng, dtype=np.float32):
        n_in, n_out = _positive_int(n_in, "n_in"), _positive_int(n_out, "n_out")
        self.W = he_init((n_in, n_out), n_in, rng, dtype)
        self.b = np.zeros(n_out, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def forward(self, X):
        if X.ndim != 2 or X.shape[1] != len(self.W):
            raise ValueError(f"Dense expects input of shape (m, {len(self.W)}), got {X.shape}")
        self.X = X
        return X @ self.W + self.b

    def backward(self, dZ):
        """``dW = X.T @ dZ``, ``db = sum of dZ over the batch``, ``dX = dZ @ W.T``."""
        X = self._cached("X")
        self.dW, self.db = X.T @ dZ, dZ.sum(axis=0)
        return dZ @ self.W.T

    def params(self):
        return [self.W, self.b]

    def grads(self):
        return [self.dW, self.db]


class Sequential(Layer):
    """Layers applied one after the other; backward runs them in reverse."""

    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, d):
        for layer in reversed(self.layers):
            d = layer.backward(d)
        return d

    def params(self):
        return [p for layer in self.layers for p in layer.params()]

    def grads(self):
        return [g for layer in self.layers for g in layer.grads()]


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of ``softmax(logits)`` against integer labels, and its gradient.

    Parameters
    ----------
    logits : ndarray, shape (m, K)
    y : ndarray of int, shape (m,), values in ``0 .. K-1``

    Returns
    -------
    loss : float
        ``-1/m * sum_e log softmax(logits[e])[y[e]]``, computed after
        subtracting each row's maximum, so ``exp`` never overflows.
    dlogits : ndarray, shape (m, K)
        ``(softmax(logits) - onehot(y)) / m``.
    """
    logits, y = np.asarray(logits), np.asarray(y)
    if logits.ndim != 2 or y.shape != (len(logits),):
        raise ValueError(f"logits must be (m, K) and y (m,), got {logits.shape} and {y.shape}")
    if y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= logits.shape[1]:
        raise ValueError(f"y must hold integer labels in 0..{logits.shape[1] - 1}")
    m = len(y)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -float(log_p[np.arange(m), y].mean())
    dlogits = np.exp(log_p)
    dlogits[np.arange(m), y] -= 1
    return loss, dlogits / m


class SGD:
    """Stochastic gradient descent with momentum, updating the parameters in place.

    ``v = momentum * v + grad``, then ``p -= lr * v`` (the convention of PyTorch);
    ``momentum=0`` is plain SGD.
    """

    def __init__(self, params, lr=0.01, momentum=0.9):
        if not lr > 0 or not 0 <= momentum < 1:
            raise ValueError(f"need lr > 0 and 0 <= momentum < 1, got lr={lr!r}, momentum={momentum!r}")
        self.params, self.lr, self.momentum = list(params), lr, momentum
        self.velocity = [np.zeros_like(p) for p in self.params]

    def step(self, grads):
        """One update with ``grads``, a list shaped like ``params``."""
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v *= self.momentum
            v += g
            p -= self.lr * v
