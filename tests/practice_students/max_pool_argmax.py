"""Students of max_pool_argmax (chapter 04)."""

import numpy as np

NAME = "max_pool_argmax"


def _pair(x):
    return (x, x) if np.ndim(x) == 0 else tuple(x)


def loops(A_prev, size, stride=None):
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    m, h, w, n_C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    where = np.zeros((m, n_H, n_W, n_C, 2), dtype=int)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c]
                    u, v = np.unravel_index(np.argmax(window), window.shape)
                    where[e, i, j, c] = [i * s1 + u, j * s2 + v]
    return where


def by_offsets(A_prev, size, stride=None):
    # one pass per window offset, in row-major order; a strict > keeps the first maximum
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    m, h, w, n_C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    best = A_prev[:, : (n_H - 1) * s1 + 1 : s1, : (n_W - 1) * s2 + 1 : s2, :]
    rows = np.zeros(best.shape, dtype=int) + (np.arange(n_H) * s1)[None, :, None, None]
    cols = np.zeros(best.shape, dtype=int) + (np.arange(n_W) * s2)[None, None, :, None]
    for u in range(k1):
        for v in range(k2):
            x = A_prev[:, u : u + (n_H - 1) * s1 + 1 : s1, v : v + (n_W - 1) * s2 + 1 : s2, :]
            better = x > best
            best = np.where(better, x, best)
            rows = np.where(better, (np.arange(n_H) * s1 + u)[None, :, None, None], rows)
            cols = np.where(better, (np.arange(n_W) * s2 + v)[None, None, :, None], cols)
    return np.stack([rows, cols], axis=-1)


def _windows(A_prev, size, stride):
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    m, h, w, n_C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    yield (e, i, j, c), A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c], (i * s1, j * s2)


def _shape(A_prev, size, stride):
    k1, k2 = _pair(size)
    s1, s2 = _pair(size if stride is None else stride)
    m, h, w, n_C = A_prev.shape
    return (m, (h - k1) // s1 + 1, (w - k2) // s2 + 1, n_C, 2)


def in_window(A_prev, size, stride=None):
    where = np.zeros(_shape(A_prev, size, stride), dtype=int)
    for idx, window, _ in _windows(A_prev, size, stride):
        where[idx] = np.unravel_index(np.argmax(window), window.shape)
    return where


def last_one(A_prev, size, stride=None):
    where = np.zeros(_shape(A_prev, size, stride), dtype=int)
    for idx, window, (r0, q0) in _windows(A_prev, size, stride):
        best = None
        for u in range(window.shape[0]):
            for v in range(window.shape[1]):
                if best is None or window[u, v] >= window[best]:
                    best = (u, v)
        where[idx] = (r0 + best[0], q0 + best[1])
    return where


def divmod_by_rows(A_prev, size, stride=None):
    where = np.zeros(_shape(A_prev, size, stride), dtype=int)
    k1 = _pair(size)[0]
    for idx, window, (r0, q0) in _windows(A_prev, size, stride):
        t = np.argmax(window)
        where[idx] = (r0 + t // k1, q0 + t % k1)
    return where


def column_major(A_prev, size, stride=None):
    where = np.zeros(_shape(A_prev, size, stride), dtype=int)
    for idx, window, (r0, q0) in _windows(A_prev, size, stride):
        u, v = np.unravel_index(np.argmax(window.ravel(order="F")), window.shape, order="F")
        where[idx] = (r0 + u, q0 + v)
    return where


def no_stride(A_prev, size, stride=None):
    k1, k2 = _pair(size)
    m, h, w, n_C = A_prev.shape
    n_H, n_W = (h - k1) // k1 + 1, (w - k2) // k2 + 1
    where = np.zeros((m, n_H, n_W, n_C, 2), dtype=int)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_prev[e, i * k1 : i * k1 + k1, j * k2 : j * k2 + k2, c]
                    u, v = np.unravel_index(np.argmax(window), window.shape)
                    where[e, i, j, c] = [i * k1 + u, j * k2 + v]
    return where


def x_then_y(A_prev, size, stride=None):
    where = np.zeros(_shape(A_prev, size, stride), dtype=int)
    for idx, window, (r0, q0) in _windows(A_prev, size, stride):
        u, v = np.unravel_index(np.argmax(window), window.shape)
        where[idx] = (q0 + v, r0 + u)
    return where


CORRECT = [loops, by_offsets]
WRONG = {
    "argmax_in_window": in_window,
    "argmax_last_tie": last_one,
    "argmax_unravel_by_height": divmod_by_rows,
    "argmax_down_columns": column_major,
    "argmax_stride_is_size": no_stride,
    "argmax_row_column_swapped": x_then_y,
}
