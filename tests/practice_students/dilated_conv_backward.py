"""Students of dilated_conv_backward (chapter 10)."""

import numpy as np

NAME = "dilated_conv_backward"


def _pair(x):
    return (x, x) if np.ndim(x) == 0 else tuple(x)


def scatter(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    (s1, s2), (p1, p2), (d1, d2) = _pair(stride), _pair(padding), _pair(dilation)
    k1, k2 = W.shape[:2]
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e, i, j, c in np.ndindex(dZ.shape):
        # the k1 x k2 taps of window (i, j), d apart
        rows = slice(i * s1, i * s1 + d1 * (k1 - 1) + 1, d1)
        cols = slice(j * s2, j * s2 + d2 * (k2 - 1) + 1, d2)
        dA_pad[e, rows, cols, :] += dZ[e, i, j, c] * W[:, :, :, c]
        dW[:, :, :, c] += dZ[e, i, j, c] * A_pad[e, rows, cols, :]
    db = dZ.sum(axis=(0, 1, 2))
    h, w = A_prev.shape[1:3]
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, db


def by_taps(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    # one vectorised step per kernel tap (u, v): all outputs at once
    (s1, s2), (p1, p2), (d1, d2) = _pair(stride), _pair(padding), _pair(dilation)
    k1, k2, _, _ = W.shape
    _, n_H, n_W, _ = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for u in range(k1):
        for v in range(k2):
            rows = slice(u * d1, u * d1 + s1 * (n_H - 1) + 1, s1)
            cols = slice(v * d2, v * d2 + s2 * (n_W - 1) + 1, s2)
            # A_pad[:, rows, cols, :] is every output's input at tap (u, v)
            dW[u, v] = np.einsum("eijp,eijc->pc", A_pad[:, rows, cols, :], dZ)
            dA_pad[:, rows, cols, :] += dZ @ W[u, v].T
    h, w = A_prev.shape[1:3]
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, dZ.sum(axis=(0, 1, 2))


def gather(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    # dA_prev by equation (44): for each padded pixel, the outputs that read it
    (s1, s2), (p1, p2), (d1, d2) = _pair(stride), _pair(padding), _pair(dilation)
    k1, k2, n_C_prev, n_C = W.shape
    m, n_H, n_W, _ = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    for r in range(A_pad.shape[1]):
        for q in range(A_pad.shape[2]):
            for u in range(k1):
                for v in range(k2):
                    i, ri = divmod(r - u * d1, s1)
                    j, rj = divmod(q - v * d2, s2)
                    if ri == 0 and rj == 0 and 0 <= i < n_H and 0 <= j < n_W:
                        dA_pad[:, r, q, :] += dZ[:, i, j, :] @ W[u, v].T
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for u in range(k1):
        for v in range(k2):
            for i in range(n_H):
                for j in range(n_W):
                    dW[u, v] += A_pad[:, i * s1 + u * d1, j * s2 + v * d2, :].T @ dZ[:, i, j, :]
    h, w = A_prev.shape[1:3]
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, dZ.sum(axis=(0, 1, 2))


def _slices(i, j, start, gap, k):
    return (slice(i * start[0], i * start[0] + gap[0] * (k[0] - 1) + 1, gap[0]),
            slice(j * start[1], j * start[1] + gap[1] * (k[1] - 1) + 1, gap[1]))  # fmt: skip


def _backward(dZ, A_prev, W, stride, padding, dA_taps, dW_taps, starts=None):
    (p1, p2) = _pair(padding)
    k = W.shape[:2]
    starts = starts or _pair(stride)
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e, i, j, c in np.ndindex(dZ.shape):
        rows, cols = _slices(i, j, starts, dA_taps, k)
        dA_pad[e, rows, cols, :] += dZ[e, i, j, c] * W[:, :, :, c]
        rows, cols = _slices(i, j, starts, dW_taps, k)
        dW[:, :, :, c] += dZ[e, i, j, c] * A_pad[e, rows, cols, :]
    h, w = A_prev.shape[1:3]
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, dZ.sum(axis=(0, 1, 2))


def dA_ignores_dilation(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    return _backward(dZ, A_prev, W, stride, padding, (1, 1), _pair(dilation))


def dW_ignores_dilation(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    return _backward(dZ, A_prev, W, stride, padding, _pair(dilation), (1, 1))


def dilated_stride(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    # "dilation spreads things out": the windows step s*d, the taps are neighbours
    (s1, s2), (d1, d2) = _pair(stride), _pair(dilation)
    return _backward(dZ, A_prev, W, stride, padding, (1, 1), (1, 1), starts=(s1 * d1, s2 * d2))


def d_holes(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    # d holes between the taps
    (s1, s2), (p1, p2), (d1, d2) = _pair(stride), _pair(padding), _pair(dilation)
    k1, k2 = W.shape[:2]
    step1, step2 = d1 + 1, d2 + 1
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e in range(dZ.shape[0]):
        for i in range(dZ.shape[1]):
            for j in range(dZ.shape[2]):
                for c in range(dZ.shape[3]):
                    r, q = i * s1, j * s2
                    window = (e, slice(r, r + step1 * (k1 - 1) + 1, step1), slice(q, q + step2 * (k2 - 1) + 1, step2))
                    dA_pad[window] += dZ[e, i, j, c] * W[:, :, :, c]
                    dW[:, :, :, c] += dZ[e, i, j, c] * A_pad[window]
    h, w = A_prev.shape[1:3]
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, dZ.sum(axis=(0, 1, 2))


def size_from_chapter_03(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    # the output size of an undilated layer, computed again
    (s1, s2), (p1, p2), (d1, d2) = _pair(stride), _pair(padding), _pair(dilation)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    n_H = (h + 2 * p1 - k1) // s1 + 1
    n_W = (w + 2 * p2 - k2) // s2 + 1
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    rows = slice(i * s1, i * s1 + d1 * (k1 - 1) + 1, d1)
                    cols = slice(j * s2, j * s2 + d2 * (k2 - 1) + 1, d2)
                    dA_pad[e, rows, cols, :] += dZ[e, i, j, c] * W[:, :, :, c]
                    dW[:, :, :, c] += dZ[e, i, j, c] * A_pad[e, rows, cols, :]
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, dZ.sum(axis=(0, 1, 2))


CORRECT = [scatter, by_taps, gather]
WRONG = {
    "dcb_dA_without_dilation": dA_ignores_dilation,
    "dcb_dW_without_dilation": dW_ignores_dilation,
    "dcb_dilation_in_the_stride": dilated_stride,
    "dcb_taps_d_plus_one_apart": d_holes,
    "dcb_outputs_without_dilation": size_from_chapter_03,
}
