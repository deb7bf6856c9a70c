"""The catalogued mistakes of the 2-D exercises and of ``output_size``, as code.

Each function has its exercise's signature and computes the exercise with one
mistake (see :data:`cnnlib.exercises.mistakes.MISTAKES`); ``None`` where the
mistake does not apply to the case.
"""

from __future__ import annotations

import numpy as np

from .. import reference

__all__ = ["CATALOGUE_FORWARD"]


def _turn(K):
    return K[::-1, ::-1]


def _pad2(I, r, c, r_end=None, c_end=None):
    return np.pad(
        I,
        (
            (r, r if r_end is None else r_end),
            (c, c if c_end is None else c_end),
        ),
    )


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


def _size_rounded(n, f, p=0, s=1, d=1):
    return round((n + 2 * p - f) / s) + 1


def _size_same(n, f, p=0, s=1, d=1):
    return -(-n // s)


CATALOGUE_FORWARD = {
    "rot180": [
        ("rot180_transposed", [lambda K: K.T]),
        ("rot180_rows_only", [lambda K: K[::-1]]),
        ("rot180_columns_only", [lambda K: K[:, ::-1]]),
    ],
    "correlate2d": [
        (
            "correlate_turned_kernel",
            [lambda I, K: reference.correlate2d(I, _turn(K))],
        ),
        ("correlate_full_output", [_correlate_full]),
        (
            "correlate_extra_row",
            [lambda I, K: reference.correlate2d(_pad2(I, 0, 0, 1, 1), K)],
        ),
    ],
    "convolve2d": [
        ("convolve_not_turned", [_correlate_full]),
        (
            "convolve_valid_only",
            [lambda I, K: reference.correlate2d(I, _turn(K))],
        ),
        ("convolve_kernel_transposed", [_convolve_transposed]),
        (
            "convolve_extra_row",
            [lambda I, K: _pad2(reference.convolve2d(I, K), 0, 0, 1, 1)],
        ),
    ],
    "output_size": [
        ("size_no_floor", [_size_no_floor]),
        ("size_ceil", [_size_ceil]),
        ("size_no_plus_one", [_size_no_plus_one]),
        ("size_one_p", [_size_one_p]),
        ("size_rounded", [_size_rounded]),
        ("size_same_padding", [_size_same]),
    ],
}
