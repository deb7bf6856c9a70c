"""Max and average pooling, vectorised over the batch, the channels and the windows.

Forward (window ``(i, j)`` starts at row ``i*s1`` and column ``j*s2``)::

    max:  A[e, i, j, c] = max_{m, n} A_prev[e, i*s1 + m, j*s2 + n, c]
    avg:  A[e, i, j, c] = 1/(k1*k2) * sum_{m, n} A_prev[e, i*s1 + m, j*s2 + n, c]

There is no padding: windows that would run past the edge are dropped (floor),
and the rows and columns only they would have covered get zero gradient.
"""

from __future__ import annotations

import numpy as np

from .shapes import as_array, check_grad, offset_view, pool_shapes

__all__ = ["pool_forward", "pool_backward"]


def _offsets(size):
    """Offsets ``(m, n)`` of a ``k1 x k2`` window, in row-major order."""
    return [(m, n) for m in range(size[0]) for n in range(size[1])]


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
        ``n_H = (n_H_prev - k1) // s1 + 1`` and likewise ``n_W``.
    """
    A_prev, size, stride, out = pool_shapes(A_prev, size, stride, mode)
    (m0, n0), *rest = _offsets(size)
    A = offset_view(A_prev, m0, n0, stride, out[1], out[2]).copy()
    combine = np.maximum if mode == "max" else np.add
    for m, n in rest:
        combine(A, offset_view(A_prev, m, n, stride, out[1], out[2]), out=A)
    return A if mode == "max" else A / (size[0] * size[1])


def pool_backward(dA, A_prev, size, stride=None, mode="max"):
    """Backward pass of a pooling layer.

    Max pooling sends each window's gradient to the **first** maximum of the
    window in row-major order (the choice ``numpy.argmax``, PyTorch and
    TensorFlow make); the other entries of the window get nothing from it.
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
    """
    A_prev, size, stride, out = pool_shapes(A_prev, size, stride, mode)
    dA = check_grad(dA, "dA", out)
    overlap = stride[0] < size[0] or stride[1] < size[1]
    if mode == "avg":
        share = dA / (size[0] * size[1])
        dA_prev = np.zeros(A_prev.shape, dtype=share.dtype)
        if stride == size:  # the windows tile the input: one broadcast copy
            _tiles(dA_prev, out, size)[...] = share[:, :, None, :, None, :]
            return dA_prev
        for m, n in _offsets(size):
            offset_view(dA_prev, m, n, stride, out[1], out[2])[...] += share
        return dA_prev
    A = pool_forward(A_prev, size, stride, "max")
    dA_prev = np.zeros(A_prev.shape, dtype=np.result_type(dA, A_prev))
    if stride == size and _route_tiled(dA, A_prev, A, dA_prev, size):
        return dA_prev
    if overlap and _route_untied(dA, A_prev, A, dA_prev, size, stride):
        return dA_prev
    first = np.empty(out, dtype=bool)  # is offset (m, n) the window's first maximum?
    taken = np.zeros(out, dtype=bool)  # has the window's maximum been found yet?
    for m, n in _offsets(size):
        np.equal(offset_view(A_prev, m, n, stride, out[1], out[2]), A, out=first)
        np.greater(first, taken, out=first)  # a maximum, and no earlier one
        taken |= first
        target = offset_view(dA_prev, m, n, stride, out[1], out[2])
        if overlap:
            target += np.where(first, dA, 0)
        else:  # each input belongs to one window at most: write instead of add
            np.copyto(target, dA, where=first)
    return dA_prev


def _tiles(X, out, size):
    """``X`` cut into its windows when they tile it (stride == size): shape (m, n_H, k1, n_W, k2, n_C), a view."""
    m, n_H, n_W, n_C = out
    k1, k2 = size
    return X[:, : n_H * k1, : n_W * k2].reshape(m, n_H, k1, n_W, k2, n_C)


def _comparable(A):
    """True when the fast routes may try: numbers without NaN (NaN and symbols take the general path)."""
    return A.dtype.kind != "O" and not (A.dtype.kind == "f" and np.isnan(A).any())


def _route_tiled(dA, A_prev, A, dA_prev, size):
    """Max-pool routing in one broadcast when the windows tile the input; False if a window has a tie or NaN.

    Without ties, "the first maximum" is simply "the maximum": ``dA`` goes
    wherever ``A_prev`` equals its window's maximum. Ties (and NaN) are left to
    the general offset-by-offset path, which picks the first one.
    """
    if not _comparable(A):
        return False
    at_max = _tiles(A_prev, A.shape, size) == A[:, :, None, :, None, :]
    if np.count_nonzero(at_max) != A.size:  # every window has >= 1 maximum; more means a tie
        return False
    np.multiply(at_max, dA[:, :, None, :, None, :], out=_tiles(dA_prev, A.shape, size))
    return True


def _route_untied(dA, A_prev, A, dA_prev, size, stride):
    """Max-pool routing offset by offset, assuming no window has a tie; False (and dA_prev zeroed) if one has."""
    if not _comparable(A):
        return False
    at_max, routed, found = np.empty(A.shape, dtype=bool), np.empty_like(dA_prev, shape=A.shape), 0
    for m, n in _offsets(size):
        np.equal(offset_view(A_prev, m, n, stride, A.shape[1], A.shape[2]), A, out=at_max)
        found += np.count_nonzero(at_max)
        np.multiply(at_max, dA, out=routed)
        offset_view(dA_prev, m, n, stride, A.shape[1], A.shape[2])[...] += routed
    if found == A.size:  # one maximum per window
        return True
    dA_prev[...] = 0
    return False


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
    A_prev = as_array(A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C)")
    return A_prev.sum(axis=(1, 2)) / (A_prev.shape[1] * A_prev.shape[2])


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
    A_prev = as_array(A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C)")
    dA = as_array(dA, "dA", 2, "(m, n_C)")
    if dA.shape != (A_prev.shape[0], A_prev.shape[3]):
        raise ValueError(
            f"dA must have the forward output's shape {(A_prev.shape[0], A_prev.shape[3])}, got {dA.shape}"
        )
    share = dA / (A_prev.shape[1] * A_prev.shape[2])
    return np.broadcast_to(share[:, None, None, :], A_prev.shape).copy()
