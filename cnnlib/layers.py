"""A small network built from the book's functions: layers, a loss and an optimiser.

Each layer is a plain object with two methods. ``forward(x)`` computes the
output and records what the backward pass will need; ``backward(d)`` takes
``dE/d(output)`` and returns ``dE/d(input)``, storing the gradients of the
layer's parameters in ``grads()``, in the same order as ``params()``. The
convolution and pooling layers call :func:`cnnlib.conv_backward` and
:func:`cnnlib.pool_backward`: the formulas derived in the book, nothing else.

**Forward passes.** A call of ``forward`` from outside any layer is one
*forward pass*; the layers it runs record one entry for each time they are
used, and ``backward`` takes those entries back last in, first out. So one
layer object may appear several times in a network (one ``ReLU`` after two
convolutions, one ``Conv`` applied twice to share its weights): each use gets
its own backward, and the gradients of a parameter used twice add up, as in
every framework. ``grads()`` hold the gradients of the last pass that was
backpropagated.

**Evaluating.** ``predict(x)`` computes the same output and records nothing:
use it for validation batches and accuracy, at any time, also between a
``forward`` and its ``backward``. A ``forward`` while an earlier pass still
waits for its backward raises ``RuntimeError`` instead of silently mixing
the two passes' inputs (``clear()`` drops the waiting pass).

Layout as in the rest of cnnlib: images ``(m, n_H, n_W, n_C)``, conv weights
``(k1, k2, n_C_prev, n_C)``; dense weights ``(n_in, n_out)``.
"""

from __future__ import annotations

import numbers
import threading

import numpy as np

from .activations import relu, relu_derivative
from .conv import conv_backward, conv_forward
from .dtypes import dtype_rule, ieee, matmul
from .pool import pool_backward, pool_forward
from .shapes import as_array, as_int, as_pair, as_real

__all__ = [
    "Conv",
    "ReLU",
    "MaxPool",
    "Flatten",
    "Dense",
    "Sequential",
    "SGD",
    "he_init",
    "softmax_cross_entropy",
]

_now = threading.local()  # the forward pass under way: its number, the layers it touched, recording or not
_passes = iter(range(1, 2**62))


def he_init(shape, fan_in, rng, dtype=np.float32):
    """Normal weights with variance ``2 / fan_in`` (He et al., 2015), suited to ReLU layers."""
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(
        dtype
    )


def _generator(rng):
    """A ``numpy.random.Generator``, or one seeded by the non-negative int ``rng``."""
    if isinstance(rng, np.random.Generator):
        return rng
    if (
        isinstance(rng, numbers.Integral)
        and not isinstance(rng, (bool, np.bool_))
        and rng >= 0
    ):
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"rng must be a numpy.random.Generator or a non-negative int seed, got {rng!r}"
    )


def _float_dtype(dtype):
    try:
        dtype = np.dtype(dtype)
    except TypeError:
        raise TypeError(
            f"dtype must be a floating-point type such as np.float32, got {dtype!r}"
        ) from None
    if dtype.kind != "f":
        raise TypeError(
            f"dtype must be a floating-point type such as np.float32 (weights would be rounded), got {dtype}"
        )
    return dtype


class Layer:
    """A layer without parameters; subclasses define ``_forward`` and ``_backward``.

    ``_forward(x)`` returns ``(output, cache)``; ``_backward(d, cache)`` returns
    ``dE/d(input)`` and adds the parameter gradients into ``grads()``.
    """

    def params(self):
        return []

    def grads(self):
        return []

    def forward(self, x):
        """The output for ``x``, recording what :meth:`backward` needs (see the module docstring)."""
        if not getattr(_now, "recording", True):
            return self._forward(x)[0]
        outermost = getattr(_now, "number", None) is None
        if outermost:
            _now.number, _now.touched = next(_passes), []
        try:
            tape = self.__dict__.setdefault("_tape", [])
            if tape and tape[-1][0] != _now.number:
                raise RuntimeError(
                    f"{type(self).__name__}.forward: an earlier forward pass is still waiting for its backward. "
                    "Use predict(x) to evaluate without recording, or clear() to drop the waiting pass."
                )
            out, cache = self._forward(x)
            tape.append((_now.number, cache, out.shape))
            _now.touched.append(self)
            return out
        except BaseException:
            if (
                outermost
            ):  # a pass that failed half-way leaves nothing behind
                for layer in _now.touched:
                    layer._tape[:] = [
                        entry
                        for entry in layer._tape
                        if entry[0] != _now.number
                    ]
            raise
        finally:
            if outermost:
                _now.number = _now.touched = None

    def backward(self, d):
        """``dE/d(input)`` for ``d = dE/d(output)`` of this layer's most
        recent recorded use."""
        tape = self.__dict__.get("_tape")
        if not tape:
            raise RuntimeError(
                f"{type(self).__name__}.backward called before forward "
                "(or twice for one forward)"
            )
        number, cache, shape = tape[-1]
        d = as_array(d, "d", None)
        if d.shape != shape:
            raise ValueError(
                f"{type(self).__name__}.backward: d must have the output's "
                f"shape {shape}, got {d.shape}"
            )
        tape.pop()
        if (
            self.__dict__.get("_grads_of") != number
        ):  # the first backward of a new pass: gradients start at 0
            for g in self.grads():
                g[...] = 0
            self._grads_of = number
        return self._backward(d, cache)

    def predict(self, x):
        """The output for ``x``, recording nothing: for evaluation, safe at any time."""
        before = getattr(_now, "recording", True)
        _now.recording = False
        try:
            return self._forward(x)[0]
        finally:
            _now.recording = before

    def clear(self):
        """Drop every recorded forward pass of this layer (and, in a Sequential, of its layers)."""
        self.__dict__.get("_tape", []).clear()


class Conv(Layer):
    """Convolution layer: ``Z = A_prev ⊗ W + b`` through
    :func:`cnnlib.conv_forward`.

    Parameters
    ----------
    k1, k2 : int
        Kernel height and width.
    c_in, c_out : int
        Input channels ``n_C_prev`` and filters ``n_C``.
    stride, padding : int or (int, int)
    rng : numpy.random.Generator or int
        For the He initialisation of ``W`` (an int seeds a new generator);
        ``b`` starts at zero.
    dtype : float32 (fast) or float64 (for gradient checks)
    """

    def __init__(
        self,
        k1,
        k2,
        c_in,
        c_out,
        stride=1,
        padding=0,
        *,
        rng,
        dtype=np.float32,
    ):
        k1, k2, c_in, c_out = (
            as_int(v, n, minimum=1)
            for v, n in zip(
                (k1, k2, c_in, c_out), ("k1", "k2", "c_in", "c_out")
            )
        )
        self.stride = as_pair(stride, "stride", minimum=1)
        self.padding = as_pair(padding, "padding", minimum=0)
        dtype = _float_dtype(dtype)
        self.W = he_init(
            (k1, k2, c_in, c_out), k1 * k2 * c_in, _generator(rng), dtype
        )
        self.b = np.zeros(c_out, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def _forward(self, A_prev):
        A_prev = as_array(
            A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, c_in)"
        )
        return conv_forward(
            A_prev, self.W, self.b, self.stride, self.padding
        ), A_prev

    def _backward(self, dZ, A_prev):
        """``dA_prev``; ``dW`` and ``db`` are added to the layer's gradients
        (a shared layer sums its uses)."""
        dA_prev, dW, db = conv_backward(
            dZ, A_prev, self.W, self.stride, self.padding
        )
        self.dW += dW
        self.db += db
        return dA_prev

    def params(self):
        return [self.W, self.b]

    def grads(self):
        return [self.dW, self.db]


class ReLU(Layer):
    """``A = max(Z, 0)``; backward multiplies by ``g'(Z)``
    (:func:`cnnlib.relu_derivative`)."""

    def _forward(self, Z):
        Z = as_array(Z, "Z", None)
        return relu(Z), Z

    def _backward(self, dA, Z):
        return dA * relu_derivative(Z)


class MaxPool(Layer):
    """Max pooling through :func:`cnnlib.pool_forward`; ``stride`` defaults
    to ``size``."""

    def __init__(self, size, stride=None):
        self.size = as_pair(size, "size", minimum=1)
        self.stride = (
            self.size
            if stride is None
            else as_pair(stride, "stride", minimum=1)
        )

    def _forward(self, A_prev):
        A_prev = as_array(
            A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C)"
        )
        return pool_forward(A_prev, self.size, self.stride, "max"), A_prev

    def _backward(self, dA, A_prev):
        return pool_backward(dA, A_prev, self.size, self.stride, "max")


class Flatten(Layer):
    """``(m, n_H, n_W, n_C)`` -> ``(m, n_H*n_W*n_C)``, and back for the gradient."""

    def _forward(self, x):
        x = as_array(x, "x", None)
        if x.ndim < 2:
            raise ValueError(
                f"Flatten expects a batch (m, ...) of at least 2 dimensions, got shape {x.shape}"
            )
        return x.reshape(len(x), -1), x.shape

    def _backward(self, d, shape):
        return d.reshape(shape)


class Dense(Layer):
    """Fully connected layer ``Z = X @ W + b``, ``X`` (m, n_in),
    ``W`` (n_in, n_out), ``Z`` (m, n_out)."""

    def __init__(self, n_in, n_out, *, rng, dtype=np.float32):
        n_in, n_out = (
            as_int(n_in, "n_in", minimum=1),
            as_int(n_out, "n_out", minimum=1),
        )
        dtype = _float_dtype(dtype)
        self.W = he_init((n_in, n_out), n_in, _generator(rng), dtype)
        self.b = np.zeros(n_out, dtype=dtype)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    @ieee
    def _forward(self, X):
        X = as_array(X, "X", None)
        if X.ndim != 2 or X.shape[1] != len(self.W):
            raise ValueError(
                f"Dense expects input of shape (m, {len(self.W)}), "
                f"got {X.shape}"
            )
        return matmul(X, self.W) + self.b, X

    @ieee
    def _backward(self, dZ, X):
        """``dW = X.T @ dZ``, ``db = sum of dZ over the batch``,
        ``dX = dZ @ W.T``."""
        self.dW += matmul(X.T, dZ)
        self.db += dZ.sum(axis=0)
        return matmul(dZ, self.W.T)

    def params(self):
        return [self.W, self.b]

    def grads(self):
        return [self.dW, self.db]


class Sequential(Layer):
    """Layers applied one after the other; backward runs them in reverse.

    A layer may appear more than once (its uses are backpropagated one by
    one); ``params()`` and ``grads()`` list each layer's arrays once.
    """

    def __init__(self, *layers):
        for k, layer in enumerate(layers):
            if not isinstance(layer, Layer):
                raise TypeError(
                    f"Sequential takes layers, got {layer!r} as layer {k}"
                )
        self.layers = list(layers)

    def _forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x, None

    def _backward(self, d, cache):
        for layer in reversed(self.layers):
            d = layer.backward(d)
        return d

    def _unique(self):
        seen, out = set(), []
        for layer in self.layers:
            for leaf in (
                layer._unique()
                if isinstance(layer, Sequential)
                else [layer]
            ):
                if id(leaf) not in seen:
                    seen.add(id(leaf))
                    out.append(leaf)
        return out

    def params(self):
        return [p for layer in self._unique() for p in layer.params()]

    def grads(self):
        return [g for layer in self._unique() for g in layer.grads()]

    def clear(self):
        super().clear()
        for layer in self._unique():
            layer.clear()


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of ``softmax(logits)`` against integer labels,
    and its gradient.

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
    logits = as_array(logits, "logits", 2, "(m, K)", allow_object=False)
    y = as_array(y, "y", None, allow_object=False)
    if y.shape != (len(logits),):
        raise ValueError(
            "logits must be (m, K) and y (m,), "
            f"got {logits.shape} and {y.shape}"
        )
    if len(y) == 0 or logits.shape[1] == 0:
        raise ValueError(
            "logits must hold at least one example and one class, "
            f"got shape {logits.shape}"
        )
    if (
        y.dtype.kind not in "iu"
        or y.min() < 0
        or y.max() >= logits.shape[1]
    ):
        raise ValueError(
            f"y must hold integer labels in 0..{logits.shape[1] - 1}"
        )
    compute, result = dtype_rule(logits, mean=True)
    m, logits = len(y), logits.astype(compute, copy=False)
    with np.errstate(
        all="ignore"
    ):  # NaN or inf logits give a NaN loss, as IEEE arithmetic says
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -float(log_p[np.arange(m), y].mean())
        dlogits = np.exp(log_p)
        dlogits[np.arange(m), y] -= 1
        return loss, (dlogits / m).astype(result, copy=False)


class SGD:
    """Stochastic gradient descent with momentum, updating the parameters
    in place.

    ``v = momentum * v + grad``, then ``p -= lr * v`` (the convention of
    PyTorch); ``momentum=0`` is plain SGD.
    """

    def __init__(self, params, lr=0.01, momentum=0.9):
        self.lr = as_real(lr, "lr", 0, float("inf"))
        self.momentum = as_real(momentum, "momentum", 0, 1, closed_low=True)
        self.params = list(params)
        for k, p in enumerate(self.params):
            if (
                not isinstance(p, np.ndarray)
                or p.dtype.kind != "f"
                or not p.flags.writeable
            ):
                raise TypeError(
                    f"params[{k}] must be a writeable floating-point "
                    f"ndarray, got {type(p).__name__}"
                )
        self.velocity = [np.zeros_like(p) for p in self.params]

    def step(self, grads):
        """One update with ``grads``, a list shaped like ``params`` (each
        gradient exactly its parameter's shape)."""
        grads = list(grads)
        if len(grads) != len(self.params):
            raise ValueError(
                "grads must hold one gradient per parameter, "
                f"{len(self.params)}, got {len(grads)}"
            )
        grads = [
            as_array(g, f"grads[{k}]", None, allow_object=False)
            for k, g in enumerate(grads)
        ]
        for k, (p, g) in enumerate(zip(self.params, grads)):
            if g.shape != p.shape:
                raise ValueError(
                    f"grads[{k}] must have its parameter's shape {p.shape}, "
                    f"got {g.shape}"
                )
        with np.errstate(all="ignore"):
            for p, g, v in zip(self.params, grads, self.velocity):
                v *= self.momentum
                v += g
                p -= self.lr * v
