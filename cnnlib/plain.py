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

from .dtypes import matmul
from .shapes import offset_view, zero_pad

__all__ = ["col2im", "conv_backward", "conv_forward", "im2col", "windows"]


def windows(A_pad, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """Every window of ``A_pad``, a read-only view (no copy).

    Shape ``(m, n_H, n_W, k1, k2, n_C)``; entry ``[e, i, j, u, v, c]`` is
    ``A_pad[e, i*s1 + u*d1, j*s2 + v*d2, c]``: the view steps ``s1`` rows from
    one window to the next and ``d1`` rows inside a window (the dilation of
    chapter 10; 1 until then). An axis with a single window never steps, so
    its stride, maybe huge, is not used.
    """
    sm, sh, sw, sc = A_pad.strides
    s1 = stride[0] if n_H > 1 else 0
    s2 = stride[1] if n_W > 1 else 0
    shape = (A_pad.shape[0], n_H, n_W, k1, k2, A_pad.shape[3])
    steps = (sm, sh * s1, sw * s2, sh * dilation[0], sw * dilation[1], sc)
    return as_strided(A_pad, shape, steps, writeable=False)


def im2col(A_pad, k1, k2, stride, n_H, n_W, empty=np.empty, dilation=(1, 1)):
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
            at_offset = offset_view(dA_pad, u * dilation[0], v * dilation[1], stride, n_H, n_W)
            at_offset += d[:, :, :, u, v, :]
    return dA_pad


def conv_forward(A_prev, W, b, stride, padding, empty=np.empty):
    """``Z = im2col(A_pad) @ W2 + b``, shape ``(m, n_H, n_W, n_C)``.

    ``W2`` holds the filters as columns. ``matmul`` is ``@`` (cnnlib's
    version keeps ``0 * inf = NaN``, see :mod:`cnnlib.dtypes`).
    """
    k1, k2, _, n_C = W.shape
    A_pad = zero_pad(A_prev, padding)
    m, H, W_, _ = A_pad.shape
    n_H = (H - k1) // stride[0] + 1
    n_W = (W_ - k2) // stride[1] + 1
    cols = im2col(A_pad, k1, k2, stride, n_H, n_W, empty)
    Z = matmul(cols, W.reshape(-1, n_C))
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
    cols = im2col(A_pad, k1, k2, stride, n_H, n_W, empty)
    dW = matmul(cols.T, dZ2).reshape(W.shape)
    db = dZ2.sum(axis=0)
    dcols = matmul(dZ2, W.reshape(-1, n_C).T)
    dA_pad = col2im(dcols, A_pad.shape, k1, k2, stride, n_H, n_W)
    (p1, p2), (_, h, w, _) = padding, A_prev.shape
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w], dW, db
