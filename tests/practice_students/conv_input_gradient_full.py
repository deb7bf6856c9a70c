"""Students of conv_input_gradient_full (chapter 05)."""

import numpy as np

NAME = "conv_input_gradient_full"


def _pair(x):
    return (x, x) if np.ndim(x) == 0 else tuple(x)


def loops(dZ, W, padding=0):
    (p1, p2), (k1, k2) = _pair(padding), W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1 - 1, k1 - 1), (k2 - 1, k2 - 1), (0, 0)))
    K = np.flip(W, axis=(0, 1)).transpose(0, 1, 3, 2)  # (k1, k2, n_C, n_C_prev)
    m, h, w = D.shape[0], D.shape[1] - k1 + 1, D.shape[2] - k2 + 1
    full = np.zeros((m, h, w, W.shape[2]), dtype=np.result_type(dZ, W))
    for e in range(m):
        for r in range(h):
            for q in range(w):
                for c_prev in range(W.shape[2]):
                    full[e, r, q, c_prev] = np.sum(D[e, r : r + k1, q : q + k2, :] * K[:, :, :, c_prev])
    return full[:, p1 : h - p1, p2 : w - p2, :]


def by_offsets(dZ, W, padding=0):
    # one product per kernel offset: the gather of chapter 08's fast route
    p1, p2 = _pair(padding)
    k1, k2, n_C_prev, n_C = W.shape
    m, n_H, n_W, _ = dZ.shape
    D = np.pad(dZ, ((0, 0), (k1 - 1, k1 - 1), (k2 - 1, k2 - 1), (0, 0)))
    turned = W[::-1, ::-1]
    h, w = n_H + k1 - 1, n_W + k2 - 1
    full = np.zeros((m, h, w, n_C_prev), dtype=np.result_type(dZ, W))
    for u in range(k1):
        for v in range(k2):
            full += D[:, u : u + h, v : v + w, :] @ turned[u, v].T
    return full[:, p1 : h - p1, p2 : w - p2, :]


def scatter_then_crop(dZ, W, padding=0):
    # the same numbers by Part 2's scatter (the first Your turn), for comparison
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    m, n_H, n_W, n_C = dZ.shape
    dA_pad = np.zeros((m, n_H + k1 - 1, n_W + k2 - 1, W.shape[2]), dtype=np.result_type(dZ, W))
    for e, i, j, c in np.ndindex(dZ.shape):
        dA_pad[e, i : i + k1, j : j + k2, :] += dZ[e, i, j, c] * W[:, :, :, c]
    h, w = dA_pad.shape[1:3]
    return dA_pad[:, p1 : h - p1, p2 : w - p2, :]


def _windows_sum(D, K, k1, k2):
    m, H, Wd, _ = D.shape
    h, w = H - k1 + 1, Wd - k2 + 1
    out = np.zeros((m, h, w, K.shape[3]), dtype=np.result_type(D, K))
    for r in range(h):
        for q in range(w):
            out[:, r, q, :] = np.tensordot(D[:, r : r + k1, q : q + k2, :], K, axes=3)
    return out


def unturned(dZ, W, padding=0):
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1 - 1, k1 - 1), (k2 - 1, k2 - 1), (0, 0)))
    full = _windows_sum(D, np.swapaxes(W, 2, 3), k1, k2)
    h, w = full.shape[1:3]
    return full[:, p1 : h - p1, p2 : w - p2, :]


def kept_channel_order(dZ, W, padding=0):
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1 - 1, k1 - 1), (k2 - 1, k2 - 1), (0, 0)))
    full = _windows_sum(D, W[::-1, ::-1], k1, k2)  # raises unless n_C_prev == n_C
    h, w = full.shape[1:3]
    return full[:, p1 : h - p1, p2 : w - p2, :]


def padded_top_left(dZ, W, padding=0):
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1 - 1, 0), (k2 - 1, 0), (0, 0)))
    full = _windows_sum(D, np.swapaxes(W[::-1, ::-1], 2, 3), k1, k2)
    h, w = full.shape[1:3]
    return full[:, p1 : h - p1, p2 : w - p2, :]


def padded_by_k(dZ, W, padding=0):
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1, k1), (k2, k2), (0, 0)))
    full = _windows_sum(D, np.swapaxes(W[::-1, ::-1], 2, 3), k1, k2)
    h, w = full.shape[1:3]
    return full[:, p1 : h - p1, p2 : w - p2, :]


def forgot_crop(dZ, W, padding=0):
    k1, k2 = W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1 - 1, k1 - 1), (k2 - 1, k2 - 1), (0, 0)))
    return _windows_sum(D, np.swapaxes(W[::-1, ::-1], 2, 3), k1, k2)


def cropped_top_left(dZ, W, padding=0):
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    D = np.pad(dZ, ((0, 0), (k1 - 1, k1 - 1), (k2 - 1, k2 - 1), (0, 0)))
    full = _windows_sum(D, np.swapaxes(W[::-1, ::-1], 2, 3), k1, k2)
    return full[:, p1:, p2:, :]


CORRECT = [loops, by_offsets, scatter_then_crop]
WRONG = {
    "cig_not_turned": unturned,
    "cig_channels_not_swapped": kept_channel_order,
    "cig_padded_one_side": padded_top_left,
    "cig_padded_by_k": padded_by_k,
    "cig_not_cropped": forgot_crop,
    "cig_cropped_one_side": cropped_top_left,
}
