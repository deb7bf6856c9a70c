"""The convolution layer as the chapters show it: im2col, one matrix product, col2im.

This is the general path: stride, padding and any number of channels, with
one group and no dilation. Its ``windows``, ``im2col`` and ``col2im`` are
the library's only ones: they take a dilation too (chapter 10), and every
route of :mod:`cnnlib.routes` uses them. :func:`cnnlib.conv_forward` and
:func:`cnnlib.conv_backward` check their arguments, apply the dtype rule
(:mod:`cnnlib.dtypes`) and then run this code; a few special cases take a
faster route instead (one input channel, the stride-1 input gradient,
dilation, groups, depthwise: see :mod:`cnnlib.routes`), each tested equal to
this one. The arguments here are already checked: ``stride`` and ``padding``
are pairs, ``W`` has shape ``(k1, k2, n_C_prev, n_C)``.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .dtypes import matmul, maximum
from .shapes import offset_view, zero_pad

__all__ = [
    "col2im",
    "conv_backward",
    "conv_forward",
    "im2col",
    "pool_backward",
    "pool_forward",
    "windows",
]


def windows(A_pad, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """Every window of ``A_pad``, a read-only view (no copy).

    Shape ``(m, n_H, n_W, k1, k2, n_C)``; entry ``[e, i, j, u, v, c]`` is
    ``A_pad[e, i*s1 + u*d1, j*s2 + v*d2, c]``: the view steps ``s1`` rows
    from one window to the next and ``d1`` rows inside a window (the
    dilation of chapter 10; 1 until then). An axis with a single window
    never steps, so its stride, maybe huge, is not used.
    """
    sm, sh, sw, sc = A_pad.strides
    s1 = stride[0] if n_H > 1 else 0
    s2 = stride[1] if n_W > 1 else 0
    shape = (A_pad.shape[0], n_H, n_W, k1, k2, A_pad.shape[3])
    steps = (sm, sh * s1, sw * s2, sh * dilation[0], sw * dilation[1], sc)
    return as_strided(A_pad, shape, steps, writeable=False)


def im2col(
    A_pad, k1, k2, stride, n_H, n_W, empty=np.empty, dilation=(1, 1)
):
    """The windows of ``A_pad`` as the rows of a matrix.

    Shape ``(m*n_H*n_W, k1*k2*n_C)``: row ``(e, i, j)`` holds window
    ``(i, j)`` of example ``e``, column ``(u, v, c)`` its entry
    ``A_pad[e, i*s1 + u*d1, j*s2 + v*d2, c]``. ``empty(shape, dtype)``
    supplies the memory the windows are copied into.
    """
    m, _, _, n_C = A_pad.shape
    cols = empty((m, n_H, n_W, k1, k2, n_C), A_pad.dtype)
    np.copyto(cols, windows(A_pad, k1, k2, stride, n_H, n_W, dilation))
    return cols.reshape(m * n_H * n_W, k1 * k2 * n_C)


def col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """The adjoint of :func:`im2col`: rows back onto the pixels they read.

    A pixel read by several windows receives the sum of their gradients.
    One whole-array addition per kernel offset ``(u, v)``: offset
    ``(u, v)`` of every window at once.
    """
    e, _, _, n_C = padded_shape
    dA_pad = np.zeros(padded_shape, dtype=dcols.dtype)
    d = dcols.reshape(e, n_H, n_W, k1, k2, n_C)
    for u in range(k1):
        for v in range(k2):
            at_offset = offset_view(
                dA_pad, u * dilation[0], v * dilation[1], stride, n_H, n_W
            )
            at_offset += d[:, :, :, u, v, :]
    return dA_pad


def conv_forward(A_prev, W, b, stride, padding, empty=np.empty):
    """``Z = cols @ W2 + b``, shape ``(m, n_H, n_W, n_C)``.

    ``cols`` is ``im2col`` of the padded input, ``W2`` holds the filters
    as columns. ``matmul`` is ``@`` (cnnlib's version keeps
    ``0 * inf = NaN``, see :mod:`cnnlib.dtypes`).
    """
    k1, k2, _, n_C = W.shape
    A_pad = zero_pad(A_prev, padding)
    m, h_pad, w_pad, _ = A_pad.shape
    n_H = (h_pad - k1) // stride[0] + 1
    n_W = (w_pad - k2) // stride[1] + 1
    cols = im2col(A_pad, k1, k2, stride, n_H, n_W, empty)
    W2 = W.reshape(-1, n_C)  # the filters as columns
    Z = matmul(cols, W2)
    if b is not None:
        Z += b
    return Z.reshape(m, n_H, n_W, n_C)


def conv_backward(dZ, A_prev, W, stride, padding, empty=np.empty):
    """``(dA_prev, dW, db)`` from the im2col matrix of the forward pass.

    ``dZ2`` is ``dZ`` with one row per window, ``(m*n_H*n_W, n_C)``;
    ``dW = cols.T @ dZ2`` and ``dcols = dZ2 @ W2.T``. The rows of ``dcols``
    are the windows' gradients: col2im adds them up on the padded input,
    and the padding is cropped off.
    """
    k1, k2, _, n_C = W.shape
    _, n_H, n_W, _ = dZ.shape
    A_pad = zero_pad(A_prev, padding)
    dZ2 = dZ.reshape(-1, n_C)
    W2 = W.reshape(-1, n_C)
    cols = im2col(A_pad, k1, k2, stride, n_H, n_W, empty)
    dW = matmul(cols.T, dZ2).reshape(W.shape)
    db = dZ2.sum(axis=0)
    dcols = matmul(dZ2, W2.T)
    dA_pad = col2im(dcols, A_pad.shape, k1, k2, stride, n_H, n_W)
    (p1, p2), (_, h, w, _) = padding, A_prev.shape
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w], dW, db


# -- pooling: one pass per window offset (u, v) -------------------------------------


def pool_forward(A_prev, size, stride, mode):
    """``A``, shape ``(m, n_H, n_W, n_C)``: the max or the mean of every
    window.

    ``win[:, :, :, u, v]`` is entry ``(u, v)`` of every window at once: one
    whole-array maximum (or sum) per offset. ``maximum`` is ``np.maximum``
    (a NaN wins; on SymPy symbols it builds ``Max``).
    """
    k1, k2 = size
    n_H = (A_prev.shape[1] - k1) // stride[0] + 1
    n_W = (A_prev.shape[2] - k2) // stride[1] + 1
    win = windows(
        A_prev, k1, k2, stride, n_H, n_W
    )  # (m, n_H, n_W, k1, k2, n_C)
    A = win[:, :, :, 0, 0].copy()  # offset (0, 0) of every window
    for u, v in list(np.ndindex(k1, k2))[
        1:
    ]:  # the other offsets, row-major
        if mode == "max":
            A = maximum(A, win[:, :, :, u, v])
        else:
            A += win[:, :, :, u, v]
    return A if mode == "max" else A / (k1 * k2)


def pool_backward(dA, A_prev, size, stride, mode):
    """``dA_prev``, shape of ``A_prev``: each window's ``dA`` sent back to
    its entries.

    One pass per offset ``(u, v)``, in row-major order. avg: every entry gets
    ``dA / (k1*k2)``. max: only the first maximum of each window gets ``dA``;
    ``taken`` marks the windows whose maximum an earlier offset held. ``+=``:
    where windows overlap, their contributions add up.
    """
    k1, k2 = size
    _, n_H, n_W, _ = dA.shape
    dA_prev = np.zeros(A_prev.shape, dtype=dA.dtype)
    if mode == "max":
        win = windows(A_prev, k1, k2, stride, n_H, n_W)
        A = pool_forward(A_prev, size, stride, "max")
        taken = np.zeros(dA.shape, dtype=bool)
    for u, v in np.ndindex(k1, k2):  # row-major: (0, 0), (0, 1), ...
        target = offset_view(
            dA_prev, u, v, stride, n_H, n_W
        )  # (u, v) of every window
        if mode == "avg":
            target += dA / (k1 * k2)
        else:
            first = (
                is_max(win[:, :, :, u, v], A) & ~taken
            )  # a maximum, none before
            taken |= first
            target += np.where(first, dA, 0)
    return dA_prev


def is_max(x, A):
    """Where ``x`` equals the window maximum ``A``, or is NaN (then so is ``A``)."""
    if x.dtype.kind == "f":
        return (x == A) | np.isnan(x)
    if x.dtype.kind == "O":
        same = np.frompyfunc(
            lambda v, a: bool(v == a or v != v), 2, 1
        )  # v != v: NaN
        return same(x, A).astype(bool)
    return x == A
