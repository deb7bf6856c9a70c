"""Max and average pooling: the argument checks and the dtype rule, then the plain path or a fast route.

Forward (window ``(i, j)`` starts at row ``i*s1`` and column ``j*s2``)::

    max:  A[e, i, j, c] = max_{u, v} A_prev[e, i*s1 + u, j*s2 + v, c]
    avg:  A[e, i, j, c] = 1/(k1*k2) * sum_{u, v} A_prev[e, i*s1 + u, j*s2 + v, c]

There is no padding: windows that would run past the edge are dropped (floor),
and the rows and columns only they would have covered get zero gradient.

The computing is done by :func:`cnnlib.plain.pool_forward` and
:func:`cnnlib.plain.pool_backward`, the code chapters 04 and 06 show. The
backward pass first tries the routes of :mod:`cnnlib.routes` for windows
without ties (:func:`_routed`); ``tests/test_routes.py`` holds them equal to
the plain path.
"""

from __future__ import annotations

import numpy as np

from . import plain
from .dtypes import absmax, check_exact, dtype_rule, ieee
from .routes import max_pool_tiled, max_pool_untied, tiles
from .shapes import check_grad, check_map, pool_shapes

__all__ = ["pool_forward", "pool_backward"]


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
    A_prev, size, stride, _ = pool_shapes(A_prev, size, stride, mode)
    if mode == "max":
        return plain.pool_forward(A_prev, size, stride, "max")
    compute, result = dtype_rule(A_prev, mean=True)
    A = plain.pool_forward(
        A_prev.astype(compute, copy=False), size, stride, "avg"
    )
    return A.astype(result, copy=False)


@ieee
def pool_backward(dA, A_prev, size, stride=None, mode="max"):
    """Backward pass of a pooling layer.

    Max pooling sends each window's gradient to the **first** maximum of the
    window in row-major order (the choice of ``numpy.argmax``, and of PyTorch's
    max-pooling layer on the CPU), or to its first NaN if it has one (which
    the forward pass returned); the other entries of the window get nothing
    from it. Average pooling spreads it evenly,
    ``dA / (k1*k2)`` to each entry. Where windows overlap (``stride < size``)
    the contributions add up.

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
    if (
        compute == np.int64
    ):  # a pixel is in at most ceil(k/s) windows along each axis
        covers = -(-size[0] // stride[0]) * -(-size[1] // stride[1])
        check_exact("dA", absmax(dA) * covers)
    dA = dA.astype(compute, copy=False)
    dA_prev = _routed(dA, A_prev, size, stride, mode)
    if dA_prev is None:
        dA_prev = plain.pool_backward(dA, A_prev, size, stride, mode)
    return dA_prev.astype(result, copy=False)


def _routed(dA, A_prev, size, stride, mode):
    """``dA_prev`` by a fast route, or None where none applies (a tie, a NaN, symbols, gaps between windows).

    avg with ``stride == size``: the windows tile the input, one broadcast copy. max: without ties "the first
    maximum" is "the maximum", so :func:`cnnlib.routes.max_pool_tiled` (tiles) and
    :func:`cnnlib.routes.max_pool_untied` (overlapping windows) send ``dA`` wherever the input equals its
    window's maximum, and report a tie instead of guessing.
    """
    tiled, overlap = (
        stride == size,
        stride[0] < size[0] or stride[1] < size[1],
    )
    if mode == "avg":
        if not tiled:
            return None
        dA_prev = np.zeros(A_prev.shape, dtype=dA.dtype)
        tiles(dA_prev, dA.shape, size)[...] = (dA / (size[0] * size[1]))[
            :, :, None, :, None, :
        ]
        return dA_prev
    if not (tiled or overlap):
        return None
    A = plain.pool_forward(A_prev, size, stride, "max")
    dA_prev = np.zeros(A_prev.shape, dtype=dA.dtype)
    if tiled and max_pool_tiled(dA, A_prev, A, dA_prev, size):
        return dA_prev
    if overlap and max_pool_untied(dA, A_prev, A, dA_prev, size, stride):
        return dA_prev
    return None


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
    A = A_prev.astype(compute, copy=False).sum(axis=(1, 2)) / (
        A_prev.shape[1] * A_prev.shape[2]
    )
    return A.astype(result, copy=False)


@ieee
def global_avg_pool_backward(dA, A_prev):
    """Backward pass of global average pooling: every pixel gets
    ``dA / (n_H_prev*n_W_prev)``.

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
    share = (
        dA.astype(compute, copy=False) / (A_prev.shape[1] * A_prev.shape[2])
    ).astype(result, copy=False)
    return np.broadcast_to(share[:, None, None, :], A_prev.shape).copy()
