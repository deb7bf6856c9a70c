"""Depthwise convolution (one input channel per group) without im2col.

With one input channel per group the matrix products of an ordinary
convolution shrink to scalars times whole maps: the layer is ``k1*k2``
broadcast multiply-adds, one per kernel offset. They run a few examples at a
time, so that the ``k1*k2`` passes over a block of the batch stay in the
processor's cache instead of streaming the whole batch from memory each time.
"""

from __future__ import annotations

import numpy as np

from .shapes import offset_view

__all__ = ["depthwise_backward", "depthwise_forward", "is_depthwise"]

BLOCK_BYTES = 2**18  # about this much output per block of examples


def is_depthwise(W, groups, dtype):
    """One input channel per group: done as k1*k2 broadcast multiply-adds, no im2col."""
    return groups > 1 and W.shape[2] == 1 and np.dtype(dtype).kind != "O"


def _blocks(m, per_example):
    """Slices of the batch, each about BLOCK_BYTES of output."""
    step = max(1, BLOCK_BYTES // max(per_example, 1))
    return [slice(e, min(e + step, m)) for e in range(0, m, step)]


def _taps(W, G):
    """``W[i, j, 0]`` as ``(G, M)`` per offset (``M`` filters per channel), or ``(G,)`` when ``M == 1``."""
    k1, k2, _, n_C = W.shape
    return W[:, :, 0, :] if n_C == G else W[:, :, 0, :].reshape(k1, k2, G, n_C // G)


def depthwise_forward(A_pad, W, stride, dilation, out):
    """``Z[..., g*M + o] = sum_{m,n} A_pad at offset (m*d1, n*d2)[..., g] * W[m, n, 0, g*M + o]``."""
    k1, k2, _, n_C = W.shape
    G = A_pad.shape[3]
    taps = _taps(W, G)
    Z = np.zeros(out, dtype=np.result_type(A_pad, W))
    for block in _blocks(out[0], Z[0].nbytes):
        Z_b, A_b = Z[block], A_pad[block]
        term = np.empty_like(Z_b).reshape(*Z_b.shape[:3], *taps.shape[2:])
        for i in range(k1):
            for j in range(k2):
                window = offset_view(A_b, i * dilation[0], j * dilation[1], stride, out[1], out[2])
                np.multiply(window if n_C == G else window[..., None], taps[i, j], out=term)
                Z_b += term.reshape(Z_b.shape)
    return Z


def depthwise_backward(dZ, A_pad, W, stride, padding, dilation, A_shape):
    """``(dA_prev, dW)`` of a depthwise convolution, offset by offset."""
    k1, k2, _, n_C = W.shape
    m, n_H, n_W, _ = dZ.shape
    G = A_shape[3]
    taps = _taps(W, G)
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_pad))
    for block in _blocks(m, dZ[0].nbytes):
        dZ_b, A_b, dA_b = dZ[block], A_pad[block], dA_pad[block]
        dZ_t = dZ_b if n_C == G else dZ_b.reshape(*dZ_b.shape[:3], *taps.shape[2:])
        term = np.empty(dZ_t.shape, dtype=np.result_type(dZ, W, A_pad))
        for i in range(k1):
            for j in range(k2):
                window = offset_view(A_b, i * dilation[0], j * dilation[1], stride, n_H, n_W)
                target = offset_view(dA_b, i * dilation[0], j * dilation[1], stride, n_H, n_W)
                np.multiply(window if n_C == G else window[..., None], dZ_t, out=term)
                dW[i, j, 0] += term.reshape(-1, n_C).sum(axis=0)
                np.multiply(dZ_t, taps[i, j], out=term)
                target += term if n_C == G else term.sum(axis=-1)
    p1, p2 = padding
    return dA_pad[:, p1 : p1 + A_shape[1], p2 : p2 + A_shape[2], :], dW
