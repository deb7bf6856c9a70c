"""Students of avg_pool_backward (chapter 06)."""

import numpy as np

NAME = "avg_pool_backward"


def _pair(x):
    return (x, x) if np.ndim(x) == 0 else tuple(x)


def loops(dA, A_prev, size, stride=None):
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    for u in range(k1):
                        for v in range(k2):
                            dA_prev[e, i * s1 + u, j * s2 + v, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def by_offsets(dA, A_prev, size, stride=None):
    # every window at once, one strided slice per offset (u, v)
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    n_H, n_W = dA.shape[1:3]
    dA_prev = np.zeros(A_prev.shape)
    share = dA / (k1 * k2)
    for u in range(k1):
        for v in range(k2):
            dA_prev[:, u : u + s1 * (n_H - 1) + 1 : s1, v : v + s2 * (n_W - 1) + 1 : s2, :] += share
    return dA_prev


def gather(dA, A_prev, size, stride=None):
    # for each pixel, the windows that contain it: 0 <= r - i*s1 < k1, 0 <= q - j*s2 < k2
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for r in range(A_prev.shape[1]):
        for q in range(A_prev.shape[2]):
            rows = [i for i in range(n_H) if 0 <= r - i * s1 < k1]
            cols = [j for j in range(n_W) if 0 <= q - j * s2 < k2]
            for i in rows:
                for j in cols:
                    dA_prev[:, r, q, :] += dA[:, i, j, :] / (k1 * k2)
    return dA_prev


def _windows(dA, size, stride):
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    for e, i, j, c in np.ndindex(dA.shape):
        yield (e, i, j, c), (slice(i * s1, i * s1 + k1), slice(j * s2, j * s2 + k2))


def overwrite(dA, A_prev, size, stride=None):
    k1, k2 = _pair(size)
    dA_prev = np.zeros(A_prev.shape)
    for (e, i, j, c), (rows, cols) in _windows(dA, size, stride):
        dA_prev[e, rows, cols, c] = dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def over_k1(dA, A_prev, size, stride=None):
    k1 = _pair(size)[0]
    dA_prev = np.zeros(A_prev.shape)
    for (e, i, j, c), (rows, cols) in _windows(dA, size, stride):
        dA_prev[e, rows, cols, c] += dA[e, i, j, c] / k1
    return dA_prev


def over_k1_squared(dA, A_prev, size, stride=None):
    k = _pair(size)[0]
    dA_prev = np.zeros(A_prev.shape)
    for (e, i, j, c), (rows, cols) in _windows(dA, size, stride):
        dA_prev[e, rows, cols, c] += dA[e, i, j, c] / k**2
    return dA_prev


def averaged_over_windows(dA, A_prev, size, stride=None):
    total, hits = np.zeros(A_prev.shape), np.zeros(A_prev.shape)
    for (e, i, j, c), (rows, cols) in _windows(dA, size, stride):
        total[e, rows, cols, c] += dA[e, i, j, c]
        hits[e, rows, cols, c] += 1
    return np.divide(total, hits, out=np.zeros(A_prev.shape), where=hits > 0)


def _strided(dA, A_prev, size, s1, s2):
    k1, k2 = _pair(size)
    dA_prev = np.zeros(A_prev.shape)
    for e, i, j, c in np.ndindex(dA.shape):
        dA_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def one_stride(dA, A_prev, size, stride=None):
    s = _pair(size if stride is None else stride)[0]
    return _strided(dA, A_prev, size, s, s)


def stride_backwards(dA, A_prev, size, stride=None):
    s2, s1 = _pair(size if stride is None else stride)
    return _strided(dA, A_prev, size, s1, s2)


def tiles_only(dA, A_prev, size, stride=None):
    k1, k2 = _pair(size)
    return _strided(dA, A_prev, size, k1, k2)


CORRECT = [loops, by_offsets, gather]
WRONG = {
    "avgb_overlap_assigned": overwrite,
    "avgb_divided_by_k1": over_k1,
    "avgb_divided_by_k1_squared": over_k1_squared,
    "avgb_divided_by_coverage": averaged_over_windows,
    "avgb_stride_first_only": one_stride,
    "avgb_stride_swapped": stride_backwards,
    "avgb_stride_is_size": tiles_only,
}
