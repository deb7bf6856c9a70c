"""Reference implementations: plain loops that read like the book's formulas.

Each function is the formula of its chapter written out index for index, with
the book's names: ``(i, j)`` an output position, ``(u, v)`` an offset inside
the kernel or pooling window, ``c_prev``/``c`` input/output channels, and ``e``
the example in the batch. Out-of-range reads of the input are the zero padding.

They are slow on purpose and run on any element type with ``+`` and ``*``,
including ``dtype=object`` arrays of SymPy symbols, which is how the book
derives gradients symbolically. The vectorised functions at the top level of
``cnnlib`` are tested equal to these. Both follow one dtype rule
(:mod:`cnnlib.dtypes`): the loops run on the inputs converted to the dtype
the rule computes in, and return the dtype it gives.
"""

from __future__ import annotations

import numpy as np

from .dtypes import (
    absmax,
    check_exact,
    check_exact_backward,
    check_exact_forward,
    check_exact_transpose,
    dtype_rule,
    ieee,
    maximum_of,
)
from .shapes import (
    as_pair,
    check_grad,
    check_map,
    check_pair,
    conv_shapes,
    pool_shapes,
    transpose_shapes,
    uncrop,
    uncropped_shape,
)

__all__ = [
    "conv_backward",
    "conv_forward",
    "conv_transpose_backward",
    "conv_transpose_forward",
    "convolve2d",
    "correlate2d",
    "global_avg_pool_backward",
    "global_avg_pool_forward",
    "pool_backward",
    "pool_forward",
]


def _zeros(shape, *arrays):
    """Zeros with the dtype the arrays combine to (``object`` stays ``object``)."""
    return np.zeros(
        shape, dtype=np.result_type(*[a for a in arrays if a is not None])
    )


def _working(*arrays, mean=False):
    """The arrays in the dtype they compute in, and the dtype to return (:mod:`cnnlib.dtypes`)."""
    compute, result = dtype_rule(*arrays, mean=mean)
    return [
        None if a is None else a.astype(compute, copy=False) for a in arrays
    ], result


def _at(A, e, r, q, c):
    """``A[e, r, q, c]``, or the padding value 0 when ``(r, q)`` is off the input."""
    return (
        A[e, r, q, c] if 0 <= r < A.shape[1] and 0 <= q < A.shape[2] else 0
    )


def _max(values):
    """Largest of ``values``: the first NaN if there is one, a symbolic ``sympy.Max`` if they cannot be compared."""
    best = values[0]
    for v in values[1:]:
        best = maximum_of(best, v)
    return best


def _first_max(values):
    """Index of the first maximum of ``values``, or of the first NaN if there is one (as ``np.argmax``)."""
    best = 0
    for k, v in enumerate(values):
        if v != v:  # NaN is the only value unequal to itself
            return k
        if v > values[best]:
            best = k
    return best


def _pair(I, K):
    """The checks of :func:`cnnlib.correlate2d`, and the dtype rule."""
    return check_pair(I, K, 2)


@ieee
def correlate2d(I, K):
    """'valid' cross-correlation,
    ``out[i, j] = sum_{u=0}^{k1-1} sum_{v=0}^{k2-1} I[i+u, j+v] * K[u, v]``.
    """
    I, K, result = _pair(I, K)
    (h, w), (k1, k2) = I.shape, K.shape
    if k1 > h or k2 > w:
        raise ValueError(
            f"K {K.shape} is larger than I {I.shape}; "
            "'valid' correlation needs it to fit"
        )
    out = _zeros((h - k1 + 1, w - k2 + 1), I, K)
    for i in range(h - k1 + 1):
        for j in range(w - k2 + 1):
            for u in range(k1):
                for v in range(k2):
                    out[i, j] += I[i + u, j + v] * K[u, v]
    return out.astype(result, copy=False)


@ieee
def convolve2d(I, K):
    """'full' convolution,
    ``out[i, j] = sum_{u=0}^{k1-1} sum_{v=0}^{k2-1} I[i-u, j-v] * K[u, v]``.
    """
    I, K, result = _pair(I, K)
    (h, w), (k1, k2) = I.shape, K.shape
    out = _zeros((h + k1 - 1, w + k2 - 1), I, K)
    for i in range(h + k1 - 1):
        for j in range(w + k2 - 1):
            for u in range(k1):
                for v in range(k2):
                    if 0 <= i - u < h and 0 <= j - v < w:
                        out[i, j] += I[i - u, j - v] * K[u, v]
    return out.astype(result, copy=False)


@ieee
def conv_forward(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    """``Z[e,i,j,c] = b[c] + sum_{c_prev,u,v} W[u,v,c_prev,c]`` times
    ``A_prev[e, i*s1+u*d1-p1, j*s2+v*d2-p2, g*C_g+c_prev]``.

    ``g`` is the group of output channel ``c`` and
    ``C_g = n_C_prev / groups`` the input channels of one group; with the
    defaults (no dilation, one group) ``d1 = d2 = 1``, ``g = 0`` and this
    is the book's formula. Shapes as in :func:`cnnlib.conv_forward`.
    """
    A_prev, W, b, (s1, s2), (p1, p2), (d1, d2), groups, out = conv_shapes(
        A_prev, W, b, stride, padding, dilation, groups
    )
    (A_prev, W, b), result = _working(A_prev, W, b)
    if A_prev.dtype == np.int64:
        check_exact_forward(A_prev, W, b)
    k1, k2, C_g, n_C = W.shape
    Z = _zeros(out, A_prev, W, b)
    for e in range(out[0]):
        for i in range(out[1]):
            for j in range(out[2]):
                for c in range(n_C):
                    g = c // (n_C // groups)
                    z = 0 if b is None else b[c]
                    for c_prev in range(C_g):
                        for u in range(k1):
                            for v in range(k2):
                                a = _at(
                                    A_prev,
                                    e,
                                    i * s1 + u * d1 - p1,
                                    j * s2 + v * d2 - p2,
                                    g * C_g + c_prev,
                                )
                                z = z + a * W[u, v, c_prev, c]
                    Z[e, i, j, c] = z
    return Z.astype(result, copy=False)


@ieee
def conv_backward(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    """The three gradients of a convolution layer, each as a sum over what
    it touched.

    ``dW[u,v,c_prev,c] = sum_{e,i,j} dZ[e,i,j,c]`` times
    ``A_prev[e, i*s1+u*d1-p1, j*s2+v*d2-p2, g*C_g+c_prev]``

    ``db[c] = sum_{e,i,j} dZ[e,i,j,c]``

    ``dA_prev[e,r,q,g*C_g+c_prev]`` is
    ``sum_{c in group g, u, v} dZ[e,i,j,c] W[u,v,c_prev,c]`` over the
    ``(u, v)`` with ``i = (r + p1 - u*d1) / s1`` and
    ``j = (q + p2 - v*d2) / s2`` whole numbers inside the output (the
    windows that read pixel ``(r, q)``).
    """
    A_prev, W, _, (s1, s2), (p1, p2), (d1, d2), groups, out = conv_shapes(
        A_prev, W, None, stride, padding, dilation, groups
    )
    dZ = check_grad(dZ, "dZ", out)
    (dZ, A_prev, W), result = _working(dZ, A_prev, W)
    if dZ.dtype == np.int64:
        check_exact_backward(dZ, A_prev, W, groups)
    n_ex, n_H, n_W, n_C = out
    k1, k2, C_g, _ = W.shape
    per_group = n_C // groups
    dW = _zeros(W.shape, A_prev, dZ)
    db = _zeros((n_C,), dZ)
    dA_prev = _zeros(A_prev.shape, W, dZ)
    for c in range(n_C):
        g = c // per_group
        for e in range(n_ex):
            for i in range(n_H):
                for j in range(n_W):
                    db[c] += dZ[e, i, j, c]
        for c_prev in range(C_g):
            for u in range(k1):
                for v in range(k2):
                    for e in range(n_ex):
                        for i in range(n_H):
                            for j in range(n_W):
                                a = _at(
                                    A_prev,
                                    e,
                                    i * s1 + u * d1 - p1,
                                    j * s2 + v * d2 - p2,
                                    g * C_g + c_prev,
                                )
                                dW[u, v, c_prev, c] += a * dZ[e, i, j, c]
    for e in range(n_ex):
        for r in range(A_prev.shape[1]):
            for q in range(A_prev.shape[2]):
                for channel in range(A_prev.shape[3]):
                    g, c_prev = divmod(channel, C_g)
                    for c in range(g * per_group, (g + 1) * per_group):
                        for u in range(k1):
                            for v in range(k2):
                                i, i_rem = divmod(r + p1 - u * d1, s1)
                                j, j_rem = divmod(q + p2 - v * d2, s2)
                                if (
                                    i_rem == 0
                                    and j_rem == 0
                                    and 0 <= i < n_H
                                    and 0 <= j < n_W
                                ):
                                    dA_prev[e, r, q, channel] += (
                                        dZ[e, i, j, c] * W[u, v, c_prev, c]
                                    )
    return (
        dA_prev.astype(result, copy=False),
        dW.astype(result, copy=False),
        db.astype(result, copy=False),
    )


@ieee
def pool_forward(A_prev, size, stride=None, mode="max"):
    """``A[e,i,j,c]`` = max, or mean, of ``A_prev[e, i*s1+u, j*s2+v, c]``
    over ``0 <= u < k1, 0 <= v < k2``.

    The max of a window holding NaN is NaN, as in ``np.max``.
    """
    A_prev, (k1, k2), (s1, s2), out = pool_shapes(
        A_prev, size, stride, mode
    )
    result = A_prev.dtype
    if mode == "avg":
        (A_prev,), result = _working(A_prev, mean=True)
    A = np.empty(out, dtype=A_prev.dtype)
    for e, i, j, c in np.ndindex(*out):  # every output entry
        window = [
            A_prev[e, i * s1 + u, j * s2 + v, c]
            for u, v in np.ndindex(k1, k2)
        ]
        A[e, i, j, c] = (
            _max(window) if mode == "max" else sum(window) / (k1 * k2)
        )
    return A.astype(result, copy=False)


@ieee
def pool_backward(dA, A_prev, size, stride=None, mode="max"):
    """Route each window's ``dA`` back: all of it to the window's first
    maximum (row-major), or ``dA / (k1*k2)`` to every entry; overlapping
    windows add up.

    A window holding NaN sends it all to its first NaN (as ``np.argmax``
    picks it). For ``mode="max"`` the values of ``A_prev`` must be comparable
    numbers; ``dA`` may be symbolic.
    """
    A_prev, (k1, k2), (s1, s2), out = pool_shapes(
        A_prev, size, stride, mode
    )
    dA = check_grad(dA, "dA", out)
    (dA, _), result = _working(dA, A_prev, mean=mode == "avg")
    if dA.dtype == np.int64:
        check_exact("dA", absmax(dA) * -(-k1 // s1) * -(-k2 // s2))
    dA_prev = np.zeros(A_prev.shape, dtype=dA.dtype)
    for e, i, j, c in np.ndindex(*out):  # every window, and its dA
        if mode == "avg":
            for u, v in np.ndindex(k1, k2):
                dA_prev[e, i * s1 + u, j * s2 + v, c] += dA[e, i, j, c] / (
                    k1 * k2
                )
            continue
        window = [
            A_prev[e, i * s1 + u, j * s2 + v, c]
            for u, v in np.ndindex(k1, k2)
        ]
        u, v = divmod(
            _first_max(window), k2
        )  # the first maximum, row-major
        dA_prev[e, i * s1 + u, j * s2 + v, c] += dA[e, i, j, c]
    return dA_prev.astype(result, copy=False)


@ieee
def conv_transpose_forward(
    X, W, b, stride=1, padding=0, output_padding=0, dilation=1, groups=1
):
    """Each input pixel stamps its kernels onto the output: the scatter
    form of ``dE/dA_prev``.

    ``X[e,i,j,c] W[u,v,c_out,c]`` is added to
    ``Y_pad[e, i*s1+u*d1, j*s2+v*d2, g*C_g+c_out]``, then the padding is
    cropped off and ``b`` added. Shapes as in
    :func:`cnnlib.conv_transpose_forward`.
    """

    X, W, b, (s1, s2), (p1, p2), (d1, d2), groups, out = transpose_shapes(
        X, W, b, stride, padding, output_padding, dilation, groups
    )
    (X, W, b), result = _working(X, W, b)
    if X.dtype == np.int64:
        check_exact_transpose(X, W, b, groups=groups)
    k1, k2, C_g, n_C = W.shape
    Y_pad = _zeros((out[0], out[1] + 2 * p1, out[2] + 2 * p2, out[3]), X, W)
    for e in range(X.shape[0]):
        for i in range(X.shape[1]):
            for j in range(X.shape[2]):
                for c in range(n_C):
                    g = c // (n_C // groups)
                    for c_out in range(C_g):
                        for u in range(k1):
                            for v in range(k2):
                                Y_pad[
                                    e,
                                    i * s1 + u * d1,
                                    j * s2 + v * d2,
                                    g * C_g + c_out,
                                ] += X[e, i, j, c] * W[u, v, c_out, c]
    Y = _zeros(out, Y_pad, b)
    for e, r, q, c_out in np.ndindex(*out):
        Y[e, r, q, c_out] = Y_pad[e, r + p1, q + p2, c_out] + (
            0 if b is None else b[c_out]
        )
    return Y.astype(result, copy=False)


@ieee
def global_avg_pool_forward(A_prev):
    """``A[e, c] = 1/(n_H_prev*n_W_prev) * sum_{r,q} A_prev[e, r, q, c]``."""

    (A_prev,), result = _working(check_map(A_prev), mean=True)
    m, h, w, n_C = A_prev.shape
    A = np.empty((m, n_C), dtype=A_prev.dtype)
    for e in range(m):
        for c in range(n_C):
            A[e, c] = sum(
                A_prev[e, r, q, c] for r in range(h) for q in range(w)
            ) / (h * w)
    return A.astype(result, copy=False)


@ieee
def global_avg_pool_backward(dA, A_prev):
    """``dA_prev[e, r, q, c] = dA[e, c] / (n_H_prev*n_W_prev)`` for every pixel ``(r, q)``."""

    A_prev = check_map(A_prev)
    m, h, w, n_C = A_prev.shape
    (dA, _), result = _working(
        check_grad(dA, "dA", (m, n_C)), A_prev, mean=True
    )
    dA_prev = np.zeros(A_prev.shape, dtype=dA.dtype)
    for e, r, q, c in np.ndindex(*A_prev.shape):
        dA_prev[e, r, q, c] = dA[e, c] / (h * w)
    return dA_prev.astype(result, copy=False)


@ieee
def conv_transpose_backward(
    dY, X, W, stride=1, padding=0, output_padding=0, dilation=1, groups=1
):
    """``dX`` is the convolution of ``dY``; ``dW`` the convolution's weight gradient with ``X`` as its ``dZ``.

    Both read ``dY`` put back into the uncropped output (zeros where the
    padding was cropped off), with no padding of their own.
    """

    X, W, _, stride, _, dilation, groups, out = transpose_shapes(
        X, W, None, stride, padding, output_padding, dilation, groups
    )
    (dY, X, W), result = _working(check_grad(dY, "dY", out), X, W)
    if dY.dtype == np.int64:
        check_exact_transpose(X, W, None, dY, groups)
    dY_full = uncrop(
        dY,
        uncropped_shape(X, W, stride, dilation, groups),
        as_pair(padding, "padding", minimum=0),
    )
    dX = conv_forward(dY_full, W, None, stride, 0, dilation, groups)
    dW = conv_backward(X, dY_full, W, stride, 0, dilation, groups)[1]
    db = _zeros((out[3],), dY)
    for e, r, q, c in np.ndindex(*out):
        db[c] += dY[e, r, q, c]
    return (
        dX.astype(result, copy=False),
        dW.astype(result, copy=False),
        db.astype(result, copy=False),
    )
