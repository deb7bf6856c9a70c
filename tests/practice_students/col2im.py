"""Students of col2im (chapter 08)."""

import math

import numpy as np

NAME = "col2im"


def _strides(stride):
    return (stride, stride) if isinstance(stride, int) else stride


def loops(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    dA_pad = np.zeros(padded_shape, dtype=dcols.dtype)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                row = (e * n_H + i) * n_W + j
                for u in range(k1):
                    for v in range(k2):
                        for c in range(n_C):
                            col = (u * k2 + v) * n_C + c
                            dA_pad[e, i * s1 + u, j * s2 + v, c] += dcols[row, col]
    return dA_pad


def by_offset(dcols, padded_shape, k1, k2, stride):
    s1, s2 = np.broadcast_to(stride, 2)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    d = dcols.reshape(m, n_H, n_W, k1, k2, n_C)
    dA_pad = np.zeros(padded_shape, dtype=dcols.dtype)
    for u in range(k1):
        for v in range(k2):
            dA_pad[:, u : u + (n_H - 1) * s1 + 1 : s1, v : v + (n_W - 1) * s2 + 1 : s2] += d[:, :, :, u, v]
    return dA_pad


def by_window(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    out = np.zeros(padded_shape)
    windows = dcols.reshape(m, n_H, n_W, k1, k2, n_C)
    for e, i, j in np.ndindex(m, n_H, n_W):
        out[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2] += windows[e, i, j]
    return out


def assigns(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    out = np.zeros(padded_shape)
    windows = dcols.reshape(m, n_H, n_W, k1, k2, n_C)
    for e, i, j in np.ndindex(m, n_H, n_W):
        out[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2] = windows[e, i, j]
    return out


def assigns_by_offset(dcols, padded_shape, k1, k2, stride):
    s1, s2 = np.broadcast_to(stride, 2)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    d = dcols.reshape(m, n_H, n_W, k1, k2, n_C)
    dA_pad = np.zeros(padded_shape, dtype=dcols.dtype)
    for u in range(k1):
        for v in range(k2):
            dA_pad[:, u : u + (n_H - 1) * s1 + 1 : s1, v : v + (n_W - 1) * s2 + 1 : s2] = d[:, :, :, u, v]
    return dA_pad


def channel_major(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    d = dcols.reshape(m, n_H, n_W, n_C, k1, k2)
    dA_pad = np.zeros(padded_shape, dtype=dcols.dtype)
    for u in range(k1):
        for v in range(k2):
            dA_pad[:, u : u + (n_H - 1) * s1 + 1 : s1, v : v + (n_W - 1) * s2 + 1 : s2] += d[:, :, :, :, u, v]
    return dA_pad


def no_stride(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    out = np.zeros(padded_shape)
    windows = dcols.reshape(m, n_H, n_W, k1, k2, n_C)
    for e, i, j in np.ndindex(m, n_H, n_W):
        out[e, i : i + k1, j : j + k2] += windows[e, i, j]
    return out


def column_first(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = (H - k1) // s1 + 1, (W - k2) // s2 + 1
    out = np.zeros(padded_shape)
    row = 0
    for e in range(m):
        for j in range(n_W):
            for i in range(n_H):
                out[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2] += dcols[row].reshape(k1, k2, n_C)
                row += 1
    return out


def rounds_up(dcols, padded_shape, k1, k2, stride):
    s1, s2 = _strides(stride)
    m, H, W, n_C = padded_shape
    n_H, n_W = math.ceil((H - k1) / s1) + 1, math.ceil((W - k2) / s2) + 1
    out = np.zeros(padded_shape)
    for e, i, j in np.ndindex(m, n_H, n_W):
        row = (e * n_H + i) * n_W + j
        out[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2] += dcols[row].reshape(k1, k2, n_C)
    return out


CORRECT = [loops, by_offset, by_window]
WRONG = {
    "c2i_overwrite": assigns,
    "c2i_overwrite_by_offset": assigns_by_offset,
    "c2i_channels_first_columns": channel_major,
    "c2i_stride_ignored": no_stride,
    "c2i_columns_before_rows": column_first,
    "c2i_ceil_windows": rounds_up,
}
