"""Students of correlate_batch (chapter 02)."""

import numpy as np

NAME = "correlate_batch"


def loops(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    out = np.zeros((m, n_H, n_W), dtype=np.result_type(I, K))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                out[e, i, j] = np.sum(I[e, i : i + k1, j : j + k2] * K)
    return out


def im2col_rows(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    cols = np.empty((m * n_H * n_W, k1 * k2), dtype=I.dtype)
    row = 0
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                cols[row] = I[e, i : i + k1, j : j + k2].ravel()
                row += 1
    return (cols @ K.ravel()).reshape(m, n_H, n_W)


def sliding_view(I, K):
    k1, k2 = K.shape
    windows = np.lib.stride_tricks.sliding_window_view(I, (k1, k2), axis=(1, 2))
    m, n_H, n_W = windows.shape[:3]
    return (windows.reshape(-1, k1 * k2) @ K.reshape(-1)).reshape(m, n_H, n_W)


def einsum_windows(I, K):
    windows = np.lib.stride_tricks.sliding_window_view(I, K.shape, axis=(1, 2))
    return np.einsum("eijuv,uv->eij", windows, K)


def flipped(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    rows = [I[e, i : i + k1, j : j + k2].ravel() for e in range(m) for i in range(n_H) for j in range(n_W)]
    return (np.array(rows) @ np.flip(K).ravel()).reshape(m, n_H, n_W)


def fortran_windows(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    rows = [I[e, i : i + k1, j : j + k2].T.ravel() for e in range(m) for i in range(n_H) for j in range(n_W)]
    return (np.array(rows) @ K.ravel()).reshape(m, n_H, n_W)


def j_outer(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    rows = []
    for e in range(m):
        for j in range(n_W):
            for i in range(n_H):
                rows.append(I[e, i : i + k1, j : j + k2].ravel())
    return (np.array(rows) @ K.ravel()).reshape(m, n_H, n_W)


def offsets_outer(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    blocks = [I[:, i : i + k1, j : j + k2].reshape(m, -1) for i in range(n_H) for j in range(n_W)]
    cols = np.concatenate(blocks, axis=0)
    return (cols @ K.ravel()).reshape(m, n_H, n_W)


def short_range(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    rows = [I[e, i : i + k1, j : j + k2].ravel() for e in range(m) for i in range(h - k1) for j in range(w - k2)]
    return (np.array(rows).reshape(-1, k1 * k2) @ K.ravel()).reshape(m, h - k1, w - k2)


def overwritten(I, K):
    m, h, w = I.shape
    k1, k2 = K.shape
    n_H, n_W = h - k1 + 1, w - k2 + 1
    for e in range(m):
        cols = np.array([I[e, i : i + k1, j : j + k2].ravel() for i in range(n_H) for j in range(n_W)])
        out = (cols @ K.ravel()).reshape(n_H, n_W)
    return out


CORRECT = [loops, im2col_rows, sliding_view, einsum_windows]
WRONG = {
    "cb_turned_kernel": flipped,
    "cb_flatten_orders_differ": fortran_windows,
    "cb_windows_column_order": j_outer,
    "cb_batch_axis_last": offsets_outer,
    "cb_last_window_missing": short_range,
    "cb_last_image_only": overwritten,
}
