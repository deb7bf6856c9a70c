"""Students of global_avg_pool_backward (chapter 13)."""

import numpy as np

NAME = "global_avg_pool_backward"


def loops(dA, A_prev):
    m, h, w, n_C = A_prev.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for c in range(n_C):
            dA_prev[e, :, :, c] = dA[e, c] / (h * w)
    return dA_prev


def broadcast(dA, A_prev):
    h, w = A_prev.shape[1:3]
    return np.ones_like(A_prev, dtype=float) * (dA / (h * w))[:, None, None, :]


def no_share(dA, A_prev):
    return np.ones(A_prev.shape) * dA[:, None, None, :]


def over_rows(dA, A_prev):
    return np.ones(A_prev.shape) * dA[:, None, None, :] / A_prev.shape[1]


def over_channels(dA, A_prev):
    return np.ones(A_prev.shape) * dA[:, None, None, :] / A_prev.shape[-1]


def over_batch(dA, A_prev):
    return np.ones(A_prev.shape) * dA[:, None, None, :] / len(A_prev)


def like_max(dA, A_prev):
    dA_prev = np.zeros(A_prev.shape)
    for e in range(A_prev.shape[0]):
        dA_prev[e, 0, 0, :] = dA[e]
    return dA_prev


def product_rule(dA, A_prev):
    m, h, w, n_C = A_prev.shape
    return A_prev * dA.reshape(m, 1, 1, n_C) / (h * w)


CORRECT = [loops, broadcast]
WRONG = {
    "gap_not_divided": no_share,
    "gap_divided_by_height": over_rows,
    "gap_divided_by_channels": over_channels,
    "gap_divided_by_batch": over_batch,
    "gap_to_first_pixel": like_max,
    "gap_times_input": product_rule,
}
