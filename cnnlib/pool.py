"""Max and average pooling, vectorised over the batch, the channels and the windows.

Forward (window ``(i, j)`` starts at row ``i*s1`` and column ``j*s2``)::

    max:  A[e, i, j, c] = max_{u, v} A_prev[e, i*s1 + u, j*s2 + v, c]
    avg:  A[e, i, j, c] = 1/(k1*k2) * sum_{u, v} A_prev[e, i*s1 + u, j*s2 + v, c]

There is no padding: windows that would run past the edge are dropped (floor),
and the rows and columns only they would have covered get zero gradient.
"""

from __future__ import annotations

import numpy as np

from .dtypes import absmax, check_exact, dtype_rule, ieee, maximum
from .routes import max_pool_tiled, max_pool_untied, tiles
from .shapes import check_grad, check_map, offset_view, pool_shapes

__all__ = ["pool_forward", "pool_backward"]


def _offsets(size):
    """Offsets ``(u, v)`` of a ``k1 x k2`` window, in row-major order."""
    return [(u, v) for u in range(size[0]) for v in range(size[1])]


@ieee
def pool_forward(A_prev, size, stride=None, mode="max"):
    """Forward pass of a pooling layer.

    Parameters
    ----------
    A_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C)
    size : int or (int, int)
        Window ``(k1, k2)``.
    stride : int or (int, int), optional
        Step ``(s1, s2)`` between windows; defaults to ``size`` (no overlap).
    mode : {"max", "avg"}

    Returns
    -------
    A : ndarray, shape (m, n_H, n_W, n_C)
        ``n_H = (n_H_prev - k1) // s1 + 1`` and likewise ``n_W``. Max pooling
        keeps ``A_prev``'s dtype and propagates NaN; average pooling follows
        :mod:`cnnlib.dtypes` (a mean of integers is float64).
    """
    A_prev, size, stride, out = pool_shapes(A_prev, size, stride, mode)
    if mode == "max":
        return _max_pool(A_prev, size, stride, out)
    compute, result = dtype_rule(A_prev, mean=True)
    A_prev = A_prev.astype(compute, copy=False)
    (m0, n0), *rest = _offsets(size)
    A = offset_view(A_prev, m0, n0, stride, out[1], out[2]).copy()
    for u, v in rest:
        A += offset_view(A_prev, u, v, stride, out[1], out[2])
    return (A / (size[0] * size[1])).astype(result, copy=False)


def _max_pool(A_prev, size, stride, out):
    """Max pooling for validated arguments: the maximum over the window offsets, one at a time."""
    (m0, n0), *rest = _offsets(size)
    A = offset_view(A_prev, m0, n0, stride, out[1], out[2]).copy()
    for u, v in rest:
        A = maximum(A, offset_view(A_prev, u, v, stride, out[1], out[2]))
    return A


@ieee
def pool_backward(dA, A_prev, size, stride=None, mode="max"):
    """Backward pass of a pooling layer.

    Max pooling sends each window's gradient to the **first** maximum of the
    window in row-major order (the choice ``numpy.argmax``, PyTorch and
    TensorFlow make), or to its first NaN if it has one (which the forward
    pass returned); the other entries of the window get nothing from it.
    Average pooling spreads it evenly, ``dA / (k1*k2)`` to each entry. Where
    windows overlap (``stride < size``) the contributions add up.

    Parameters
    ----------
    dA : ndarray, shape (m, n_H, n_W, n_C)
        ``dE/dA``, the gradient with respect to the pooling layer's output.
    A_prev, size, stride, mode
        As given to :func:`pool_forward`.

    Returns
    -------
    dA_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C)
        dtype by :mod:`cnnlib.dtypes` from ``dA`` and ``A_prev``, in both modes
        (a mean of integers, ``mode="avg"``, is float64).
    """
    A_prev, size, stride, out = pool_shapes(A_prev, size, stride, mode)
    dA = check_grad(dA, "dA", out)
    compute, result = dtype_rule(dA, A_prev, mean=mode == "avg")
    if compute == np.int64:  # a pixel is in at most ceil(k/s) windows along each axis
        covers = -(-size[0] // stride[0]) * -(-size[1] // stride[1])
        check_exact("dA", absmax(dA) * covers)
    dA = dA.astype(compute, copy=False)
    overlap = stride[0] < size[0] or stride[1] < size[1]
    if mode == "avg":
        share = dA / (size[0] * size[1])
        dA_prev = np.zeros(A_prev.shape, dtype=compute)
        if stride == size:  # the windows tile the input: one broadcast copy
            tiles(dA_prev, out, size)[...] = share[:, :, None, :, None, :]
        else:
            for u, v in _offsets(size):
                offset_view(dA_prev, u, v, stride, out[1], out[2])[...] += share
        return dA_prev.astype(result, copy=False)
    A = _max_pool(A_prev, size, stride, out)
    dA_prev = np.zeros(A_prev.shape, dtype=compute)
    if stride == size and max_pool_tiled(dA, A_prev, A, dA_prev, size):
        return dA_prev.astype(result, copy=False)
    if overlap and max_pool_untied(dA, A_prev, A, dA_prev, size, stride):
        return dA_prev.astype(result, copy=False)
    taken = np.zeros(out, dtype=bool)  # has the window's maximum been found yet?
    for u, v in _offsets(size):
        first = _is_max(offset_view(A_prev, u, v, stride, out[1], out[2]), A)
        np.greater(first, taken, out=first)  # a maximum, and no earlier one
        taken |= first
        target = offset_view(dA_prev, u, v, stride, out[1], out[2])
        if overlap:
            target += np.where(first, dA, 0)
        else:  # each input belongs to one window at most: write instead of add
            np.copyto(target, dA, where=first)
    return dA_prev.astype(result, copy=False)


def _is_max(x, A):
    """Where ``x`` equals the window maximum ``A`` -- or is NaN, which the maximum then is too."""
    if x.dtype.kind == "f":
        return (x == A) | np.isnan(x)
    if x.dtype.kind == "O":
        return np.frompyfunc(lambda v, a: bool(v == a or v != v), 2, 1)(x, A).astype(bool)
    return x == A


@ieee
def global_avg_pool_forward(A_prev):
    """Global average pooling: the mean of each channel over the whole map.

    Parameters
    ----------
    A_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C)

    Returns
    -------
    A : ndarray, shape (m, n_C)
        ``A[e, c] = 1/(n_H_prev*n_W_prev) * sum_{r,q} A_prev[e, r, q, c]``.
    """
    A_prev = check_map(A_prev)
    compute, result = dtype_rule(A_prev, mean=True)
    A = A_prev.astype(compute, copy=False).sum(axis=(1, 2)) / (A_prev.shape[1] * A_prev.shape[2])
    return A.astype(result, copy=False)


@ieee
def global_avg_pool_backward(dA, A_prev):
    """Backward pass of global average pooling: every pixel gets ``dA / (n_H_prev*n_W_prev)``.

    Parameters
    ----------
    dA : ndarray, shape (m, n_C)
    A_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C)

    Returns
    -------
    dA_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C)
    """
    A_prev = check_map(A_prev)
    dA = check_grad(dA, "dA", (A_prev.shape[0], A_prev.shape[3]))
    compute, result = dtype_rule(dA, A_prev, mean=True)
    share = (dA.astype(compute, copy=False) / (A_prev.shape[1] * A_prev.shape[2])).astype(result, copy=False)
    return np.broadcast_to(share[:, None, None, :], A_prev.shape).copy()
