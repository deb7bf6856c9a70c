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

__all__ = ["depthwise_forward", "depthwise_input_gradient", "depthwise_weight_gradient", "is_depthwise"]

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
    """``Z[..., g*M + o] = sum_{u,v} A_pad at offset (u*d1, v*d2)[..., g] * W[u, v, 0, g*M + o]``."""
    k1, k2, _, n_C = W.shape
    G = A_pad.shape[3]
    taps = _taps(W, G)
    Z = np.zeros(out, dtype=np.result_type(A_pad, W))
    for block in _blocks(out[0], Z[:1].nbytes):
        Z_b, A_b = Z[block], A_pad[block]
        term = np.empty_like(Z_b).reshape(*Z_b.shape[:3], *taps.shape[2:])
        for i in range(k1):
            for j in range(k2):
                window = offset_view(A_b, i * dilation[0], j * dilation[1], stride, out[1], out[2])
                np.multiply(window if n_C == G else window[..., None], taps[i, j], out=term)
                Z_b += term.reshape(Z_b.shape)
    return Z


def _per_channel(dZ_b, taps, n_C, G):
    """``dZ`` of a block with its channels split as ``(G, M)`` when there are ``M > 1`` filters per channel."""
    return dZ_b if n_C == G else dZ_b.reshape(*dZ_b.shape[:3], *taps.shape[2:])


def depthwise_input_gradient(dZ, W, stride, padding, dilation, A_shape):
    """``dA_prev``: each offset's taps times ``dZ``, added back where the offset read."""
    k1, k2, _, n_C = W.shape
    m, n_H, n_W, G = *dZ.shape[:3], A_shape[3]
    taps = _taps(W, G)
    (p1, p2), dtype = padding, np.result_type(dZ, W)
    dA_pad = np.zeros((m, A_shape[1] + 2 * p1, A_shape[2] + 2 * p2, G), dtype=dtype)
    for block in _blocks(m, dZ[:1].nbytes):
        dZ_t, dA_b = _per_channel(dZ[block], taps, n_C, G), dA_pad[block]
        term = np.empty(dZ_t.shape, dtype=dtype)
        for i in range(k1):
            for j in range(k2):
                np.multiply(dZ_t, taps[i, j], out=term)
                target = offset_view(dA_b, i * dilation[0], j * dilation[1], stride, n_H, n_W)
                target += term if n_C == G else term.sum(axis=-1)
    return dA_pad[:, p1 : p1 + A_shape[1], p2 : p2 + A_shape[2], :]


def depthwise_weight_gradient(dZ, A_pad, W, stride, dilation):
    """``dW``: for each offset, the input read there times ``dZ``, summed over the batch and the map."""
    k1, k2, _, n_C = W.shape
    m, n_H, n_W, G = *dZ.shape[:3], A_pad.shape[3]
    taps = _taps(W, G)
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_pad))
    for block in _blocks(m, dZ[:1].nbytes):
        dZ_t, A_b = _per_channel(dZ[block], taps, n_C, G), A_pad[block]
        term = np.empty(dZ_t.shape, dtype=dW.dtype)
        for i in range(k1):
            for j in range(k2):
                window = offset_view(A_b, i * dilation[0], j * dilation[1], stride, n_H, n_W)
                if n_C == G:  # one filter per channel: a per-channel dot product
                    dW[i, j, 0] += np.einsum("ehwc,ehwc->c", window, dZ_t)
                else:
                    np.multiply(window[..., None], dZ_t, out=term)
                    dW[i, j, 0] += term.reshape(-1, n_C).sum(axis=0)
    return dW
