"""Depthwise convolution (one input channel per group) without im2col.

With one input channel per group the matrix products of an ordinary
convolution shrink to scalars times whole maps: the layer is ``k1*k2``
broadcast multiply-adds, one per kernel offset, over the full batch.
"""

from __future__ import annotations

import numpy as np

from .shapes import offset_view

__all__ = ["depthwise_backward", "depthwise_forward", "is_depthwise"]


def is_depthwise(W, groups, dtype):
    """One input channel per group: done as k1*k2 broadcast multiply-adds, no im2col."""
    return groups > 1 and W.shape[2] == 1 and np.dtype(dtype).kind != "O"


def depthwise_forward(A_pad, W, stride, dilation, out):
    """``Z[..., g*M + o] = sum_{m,n} A_pad at offset (m*d1, n*d2)[..., g] * W[m, n, 0, g*M + o]``."""
    k1, k2, _, n_C = W.shape
    G = A_pad.shape[3]
    Z = np.zeros(out, dtype=np.result_type(A_pad, W))
    term = np.empty_like(Z)  # one buffer for every offset's product: no fresh memory per offset
    for i in range(k1):
        for j in range(k2):
            window = offset_view(A_pad, i * dilation[0], j * dilation[1], stride, out[1], out[2])
            if n_C == G:  # one filter per channel: plain 4-D broadcasting, long inner loops
                np.multiply(window, W[i, j, 0], out=term)
            else:  # M = n_C / G filters per channel
                np.multiply(window[..., None], W[i, j, 0].reshape(G, -1), out=term.reshape(*out[:3], G, -1))
            Z += term
    return Z


def depthwise_backward(dZ, A_pad, W, stride, padding, dilation, A_shape):
    """``(dA_prev, dW)`` of a depthwise convolution, offset by offset."""
    k1, k2, _, n_C = W.shape
    m, n_H, n_W, _ = dZ.shape
    G = A_shape[3]
    dZ5 = dZ.reshape(m, n_H, n_W, G, n_C // G)
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_pad))
    term = np.empty(dZ.shape, dtype=np.result_type(dZ, W, A_pad))
    term5 = term.reshape(dZ5.shape)
    ones = np.ones(m * n_H * n_W, dtype=term.dtype)  # column sums as a GEMV, much faster than sum(axis=0)
    for i in range(k1):
        for j in range(k2):
            window = offset_view(A_pad, i * dilation[0], j * dilation[1], stride, n_H, n_W)
            target = offset_view(dA_pad, i * dilation[0], j * dilation[1], stride, n_H, n_W)
            if n_C == G:
                dW[i, j, 0] = np.einsum("ehwc,ehwc->c", window, dZ)
                np.multiply(dZ, W[i, j, 0], out=term)
                target += term
            else:
                np.multiply(window[..., None], dZ5, out=term5)
                dW[i, j, 0] = ones @ term.reshape(-1, n_C)
                np.multiply(dZ5, W[i, j, 0].reshape(G, -1), out=term5)
                target += term5.sum(axis=-1)
    p1, p2 = padding
    return dA_pad[:, p1 : p1 + A_shape[1], p2 : p2 + A_shape[2], :], dW
