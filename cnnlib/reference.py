"""Reference implementations: plain loops that read like the book's formulas.

Each function is the formula of its chapter written out index for index, with
the source's names: ``(i, j)`` an output position, ``(m, n)`` an offset inside
the kernel or pooling window, ``c_prev``/``c`` input/output channels, and ``e``
the example in the batch. Out-of-range reads of the input are the zero padding.

They are slow on purpose and run on any element type with ``+`` and ``*``,
including ``dtype=object`` arrays of SymPy symbols, which is how the book
derives gradients symbolically. The vectorised functions at the top level of
``cnnlib`` are tested equal to these.
"""

from __future__ import annotations

import numpy as np

from .shapes import as_array, check_grad, conv_shapes, pool_shapes

__all__ = ["correlate2d", "convolve2d", "conv_forward", "conv_backward", "pool_forward", "pool_backward"]


def _zeros(shape, *arrays):
    """Zeros with the dtype the arrays combine to (``object`` stays ``object``)."""
    return np.zeros(shape, dtype=np.result_type(*arrays))


def _at(A, e, r, q, c):
    """``A[e, r, q, c]``, or the padding value 0 when ``(r, q)`` is off the input."""
    return A[e, r, q, c] if 0 <= r < A.shape[1] and 0 <= q < A.shape[2] else 0


def _max(values):
    """Largest of ``values``; a symbolic ``sympy.Max`` when they cannot be compared."""
    try:
        return max(values)
    except TypeError:
        import sympy

        return sympy.Max(*values)


def correlate2d(I, K):
    """``out[i, j] = sum_{m=0}^{k1-1} sum_{n=0}^{k2-1} I[i + m, j + n] * K[m, n]`` ('valid')."""
    I, K = as_array(I, "I", 2, "(h, w)"), as_array(K, "K", 2, "(k1, k2)")
    (h, w), (k1, k2) = I.shape, K.shape
    if k1 > h or k2 > w:
        raise ValueError(f"K {K.shape} is larger than I {I.shape}; 'valid' correlation needs it to fit")
    out = _zeros((h - k1 + 1, w - k2 + 1), I, K)
    for i in range(h - k1 + 1):
        for j in range(w - k2 + 1):
            for m in range(k1):
                for n in range(k2):
                    out[i, j] += I[i + m, j + n] * K[m, n]
    return out


def convolve2d(I, K):
    """``out[i, j] = sum_{m=0}^{k1-1} sum_{n=0}^{k2-1} I[i - m, j - n] * K[m, n]`` ('full')."""
    I, K = as_array(I, "I", 2, "(h, w)"), as_array(K, "K", 2, "(k1, k2)")
    (h, w), (k1, k2) = I.shape, K.shape
    out = _zeros((h + k1 - 1, w + k2 - 1), I, K)
    for i in range(h + k1 - 1):
        for j in range(w + k2 - 1):
            for m in range(k1):
                for n in range(k2):
                    if 0 <= i - m < h and 0 <= j - n < w:
                        out[i, j] += I[i - m, j - n] * K[m, n]
    return out


def conv_forward(A_prev, W, b, stride=1, padding=0):
    """``Z[e,i,j,c] = sum_{c_prev,m,n} A_prev[e, i*s1+m-p1, j*s2+n-p2, c_prev] W[m,n,c_prev,c] + b[c]``.

    Shapes as in :func:`cnnlib.conv_forward`.
    """
    A_prev, W, b, (s1, s2), (p1, p2), out = conv_shapes(A_prev, W, b, stride, padding)
    k1, k2, n_C_prev, n_C = W.shape
    Z = _zeros(out, A_prev, W, b)
    for e in range(out[0]):
        for i in range(out[1]):
            for j in range(out[2]):
                for c in range(n_C):
                    z = b[c]
                    for c_prev in range(n_C_prev):
                        for m in range(k1):
                            for n in range(k2):
                                a = _at(A_prev, e, i * s1 + m - p1, j * s2 + n - p2, c_prev)
                                z = z + a * W[m, n, c_prev, c]
                    Z[e, i, j, c] = z
    return Z


def conv_backward(dZ, A_prev, W, stride=1, padding=0):
    """The three gradients of a convolution layer, each as a sum over what it touched.

    ``dW[m,n,c_prev,c] = sum_{e,i,j} A_prev[e, i*s1+m-p1, j*s2+n-p2, c_prev] dZ[e,i,j,c]``

    ``db[c] = sum_{e,i,j} dZ[e,i,j,c]``

    ``dA_prev[e,r,q,c_prev] = sum_{c,m,n} dZ[e,i,j,c] W[m,n,c_prev,c]`` over the
    ``(m, n)`` with ``i = (r + p1 - m) / s1`` and ``j = (q + p2 - n) / s2``
    whole numbers inside the output (the windows that read pixel ``(r, q)``).
    """
    A_prev, W, _, (s1, s2), (p1, p2), out = conv_shapes(A_prev, W, None, stride, padding)
    dZ = check_grad(dZ, "dZ", out)
    n_ex, n_H, n_W, n_C = out
    k1, k2, n_C_prev, _ = W.shape
    dW = _zeros(W.shape, A_prev, dZ)
    db = _zeros((n_C,), dZ)
    dA_prev = _zeros(A_prev.shape, W, dZ)
    for c in range(n_C):
        for e in range(n_ex):
            for i in range(n_H):
                for j in range(n_W):
                    db[c] += dZ[e, i, j, c]
        for c_prev in range(n_C_prev):
            for m in range(k1):
                for n in range(k2):
                    for e in range(n_ex):
                        for i in range(n_H):
                            for j in range(n_W):
                                a = _at(A_prev, e, i * s1 + m - p1, j * s2 + n - p2, c_prev)
                                dW[m, n, c_prev, c] += a * dZ[e, i, j, c]
    for e in range(n_ex):
        for r in range(A_prev.shape[1]):
            for q in range(A_prev.shape[2]):
                for c_prev in range(n_C_prev):
                    for c in range(n_C):
                        for m in range(k1):
                            for n in range(k2):
                                i, i_rem = divmod(r + p1 - m, s1)
                                j, j_rem = divmod(q + p2 - n, s2)
                                if i_rem == 0 and j_rem == 0 and 0 <= i < n_H and 0 <= j < n_W:
                                    dA_prev[e, r, q, c_prev] += dZ[e, i, j, c] * W[m, n, c_prev, c]
    return dA_prev, dW, db


def pool_forward(A_prev, size, stride=None, mode="max"):
    """``A[e,i,j,c]`` = max, or mean, of ``A_prev[e, i*s1+m, j*s2+n, c]`` over ``0 <= m < k1, 0 <= n < k2``."""
    A_prev, (k1, k2), (s1, s2), out = pool_shapes(A_prev, size, stride, mode)
    A = np.empty(out, dtype=np.result_type(A_prev, 1.0) if mode == "avg" else A_prev.dtype)
    for e in range(out[0]):
        for i in range(out[1]):
            for j in range(out[2]):
                for c in range(out[3]):
                    window = [A_prev[e, i * s1 + m, j * s2 + n, c] for m in range(k1) for n in range(k2)]
                    A[e, i, j, c] = _max(window) if mode == "max" else sum(window) / (k1 * k2)
    return A


def pool_backward(dA, A_prev, size, stride=None, mode="max"):
    """Route each window's ``dA`` back: all of it to the window's first maximum
    (row-major), or ``dA / (k1*k2)`` to every entry; overlapping windows add up.

    For ``mode="max"`` the values of ``A_prev`` must be comparable numbers;
    ``dA`` may be symbolic.
    """
    A_prev, (k1, k2), (s1, s2), out = pool_shapes(A_prev, size, stride, mode)
    dA = check_grad(dA, "dA", out)
    dA_prev = np.zeros(A_prev.shape, dtype=np.result_type(dA, 1.0) if mode == "avg" else np.result_type(dA, A_prev))
    for e in range(out[0]):
        for i in range(out[1]):
            for j in range(out[2]):
                for c in range(out[3]):
                    if mode == "avg":
                        for m in range(k1):
                            for n in range(k2):
                                dA_prev[e, i * s1 + m, j * s2 + n, c] += dA[e, i, j, c] / (k1 * k2)
                        continue
                    best = (0, 0)
                    for m in range(k1):
                        for n in range(k2):
                            if A_prev[e, i * s1 + m, j * s2 + n, c] > A_prev[e, i * s1 + best[0], j * s2 + best[1], c]:
                                best = (m, n)
                    dA_prev[e, i * s1 + best[0], j * s2 + best[1], c] += dA[e, i, j, c]
    return dA_prev
