"""The catalogued mistakes of the forward exercises, as code.

Each function has its exercise's signature and computes the exercise with one
mistake (see :data:`cnnlib.exercises.mistakes.MISTAKES`); ``None`` where the
mistake does not apply to the case.
"""

from __future__ import annotations

import numpy as np

from .. import reference
from ..shapes import as_pair

__all__ = ["CATALOGUE_FORWARD"]


def _turn(K):
    return K[::-1, ::-1]


def _pad2(I, r, c, r_end=None, c_end=None):
    return np.pad(I, ((r, r if r_end is None else r_end), (c, c if c_end is None else c_end)))


# -- the 2-D exercises ----------------------------------------------------------------


def _correlate_full(I, K):
    k1, k2 = K.shape
    return reference.correlate2d(_pad2(I, k1 - 1, k2 - 1), K)


def _convolve_transposed(I, K):
    return _correlate_full(I, K.T)


def _size_no_floor(n, f, p=0, s=1, d=1):
    return (n + 2 * p - f) / s + 1


def _size_ceil(n, f, p=0, s=1, d=1):
    return -(-(n + 2 * p - f) // s) + 1


def _size_no_plus_one(n, f, p=0, s=1, d=1):
    return (n + 2 * p - f) // s


def _size_one_p(n, f, p=0, s=1, d=1):
    return (n + p - f) // s + 1


# -- convolution forward --------------------------------------------------------------


def _forward_channel(which):
    def wrong(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        keep = slice(-1, None) if which == "last" else slice(0, 1)
        return reference.conv_forward(A_prev[..., keep], W[:, :, keep, :], b, stride, padding)

    return wrong


def _forward_not_strided(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    p1, p2 = as_pair(padding, "padding", minimum=0)
    n_H, n_W = reference.conv_forward(A_prev, W, b, stride, padding).shape[1:3]
    k1, k2 = W.shape[:2]
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1 + k1 + n_H), (p2, p2 + k2 + n_W), (0, 0)))
    return reference.conv_forward(A_pad, W, b)[:, :n_H, :n_W, :]


def _forward_square(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    k1, k2 = W.shape[:2]
    if k1 >= k2:
        return None
    return reference.conv_forward(A_prev, W[:, :k1], b, stride, padding)


def _forward_pads_output(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    p1, p2 = as_pair(padding, "padding", minimum=0)
    Z = reference.conv_forward(A_prev, W, b, stride, 0)
    return np.pad(Z, ((0, 0), (p1, p1), (p2, p2), (0, 0)))


# -- pooling forward ------------------------------------------------------------------


def _pool_stride_is_size(A_prev, size, stride=None, mode="max"):
    return reference.pool_forward(A_prev, size, None, mode)


def _avg_no_divide(A_prev, size, stride=None, mode="max"):
    k1, k2 = as_pair(size, "size", minimum=1)
    A = reference.pool_forward(A_prev, size, stride, mode)
    return A * (k1 * k2) if mode == "avg" else A


def _pool_mode_ignored(A_prev, size, stride=None, mode="max"):
    return reference.pool_forward(A_prev, size, stride, "max")


CATALOGUE_FORWARD = {
    "rot180": [
        ("rot180_transposed", [lambda K: K.T]),
        ("rot180_rows_only", [lambda K: K[::-1]]),
        ("rot180_columns_only", [lambda K: K[:, ::-1]]),
    ],
    "correlate2d": [
        ("correlate_turned_kernel", [lambda I, K: reference.correlate2d(I, _turn(K))]),
        ("correlate_full_output", [_correlate_full]),
        ("correlate_extra_row", [lambda I, K: reference.correlate2d(_pad2(I, 0, 0, 1, 1), K)]),
    ],
    "convolve2d": [
        ("convolve_not_turned", [_correlate_full]),
        ("convolve_valid_only", [lambda I, K: reference.correlate2d(I, _turn(K))]),
        ("convolve_kernel_transposed", [_convolve_transposed]),
        ("convolve_extra_row", [lambda I, K: _pad2(reference.convolve2d(I, K), 0, 0, 1, 1)]),
    ],
    "output_size": [
        ("size_no_floor", [_size_no_floor]),
        ("size_ceil", [_size_ceil]),
        ("size_no_plus_one", [_size_no_plus_one]),
        ("size_one_p", [_size_one_p]),
    ],
    "conv_forward": [
        (
            "forward_turned_kernel",
            [
                lambda A, W, b, stride=1, padding=0, dilation=1, groups=1: reference.conv_forward(
                    A, W[::-1, ::-1], b, stride, padding
                )
            ],
        ),
        (
            "forward_no_bias",
            [
                lambda A, W, b, stride=1, padding=0, dilation=1, groups=1: reference.conv_forward(
                    A, W, np.zeros_like(b), stride, padding
                )
            ],
        ),
        ("forward_last_channel_only", [_forward_channel("last"), _forward_channel("first")]),
        ("forward_window_not_strided", [_forward_not_strided]),
        ("forward_square_kernel", [_forward_square]),
        ("forward_pads_output", [_forward_pads_output]),
    ],
    "pool_forward": [
        ("pool_stride_is_size", [_pool_stride_is_size]),
        ("avg_pool_no_divide", [_avg_no_divide]),
        ("pool_mode_ignored", [_pool_mode_ignored]),
    ],
}
