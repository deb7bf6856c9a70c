"""Cross-correlation and convolution of plain 1-D and 2-D arrays.

Cross-correlation reads the kernel as it is, convolution turned by 180 degrees;
independently of that, a 'valid' output keeps the positions where the kernel
fits inside the input and a 'full' one every position where they overlap. The
book needs two of the four combinations: ``correlate*`` compute the 'valid'
cross-correlation, ``convolve*`` the 'full' convolution. The identity

    convolve2d(I, K) == correlate2d(pad(I, k - 1), rot180(K))

is how both are computed here, and it is the one the book proves.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .dtypes import all_finite, ieee, matmul
from .shapes import as_array, check_entries, check_pair

__all__ = [
    "rot180",
    "correlate1d",
    "convolve1d",
    "correlate2d",
    "convolve2d",
]


def rot180(K):
    """Turn a kernel by 180 degrees:
    ``out[u, v] == K[k1 - 1 - u, k2 - 1 - v]``.

    Parameters
    ----------
    K : ndarray, shape (k1, k2, ...)
        Only the first two axes turn; a weight tensor
        ``(k1, k2, n_C_prev, n_C)`` has each of its kernels turned.
    """
    K = as_array(K, "K", None)
    if K.ndim < 2:
        got = f"got shape {K.shape}"
        raise ValueError(
            f"K must have at least 2 dimensions (k1, k2, ...), {got}"
        )
    return K[::-1, ::-1].copy()


@ieee
def correlate1d(I, K):
    """'valid' cross-correlation: ``out[i] = sum_u I[i + u] * K[u]``, shape ``(n - k + 1,)``."""
    I, K, result = check_pair(I, K, 1)
    if K.shape[0] > I.shape[0]:
        raise ValueError(
            f"K (length {K.shape[0]}) is longer than I (length {I.shape[0]})"
        )
    return matmul(sliding_window_view(I, K.shape), K[:, None])[:, 0].astype(
        result, copy=False
    )


@ieee
def convolve1d(I, K):
    """'full' convolution: ``out[i] = sum_u I[i - u] * K[u]``, shape ``(n + k - 1,)``.

    Out-of-range ``I[i - u]`` count as zero; equals ``numpy.convolve(I, K)``.
    """
    I, K, result = check_pair(I, K, 1)
    k = K.shape[0]
    check_entries((I.shape[0] + 2 * (k - 1),), f"K's length {k}")
    if not all_finite(K):
        return _stamped(I[:, None], K[:, None])[:, 0].astype(
            result, copy=False
        )
    return correlate1d(np.pad(I, k - 1), K[::-1]).astype(result, copy=False)


@ieee
def correlate2d(I, K):
    """'valid' cross-correlation of 2-D arrays.

    ``out[i, j] = sum_{u=0}^{k1-1} sum_{v=0}^{k2-1} I[i+u, j+v] * K[u, v]``

    Parameters
    ----------
    I : ndarray, shape (h, w)
    K : ndarray, shape (k1, k2), with ``k1 <= h`` and ``k2 <= w``

    Returns
    -------
    ndarray, shape (h - k1 + 1, w - k2 + 1)
    """
    I, K, result = check_pair(I, K, 2)
    if K.shape[0] > I.shape[0] or K.shape[1] > I.shape[1]:
        larger = f"K {K.shape} is larger than I {I.shape}"
        raise ValueError(f"{larger}; 'valid' correlation needs it to fit")
    windows = sliding_window_view(I, K.shape)  # (h-k1+1, w-k2+1, k1, k2)
    # every window times K, summed over (u, v): one matrix product
    out = matmul(windows.reshape(-1, K.size), K.reshape(-1, 1))
    return out.reshape(windows.shape[:2]).astype(result, copy=False)


@ieee
def convolve2d(I, K):
    """'full' convolution of 2-D arrays.

    ``out[i, j] = sum_{u=0}^{k1-1} sum_{v=0}^{k2-1} I[i-u, j-v] * K[u, v]``,
    with out-of-range ``I`` counted as zero (the padding).

    Parameters
    ----------
    I : ndarray, shape (h, w)
    K : ndarray, shape (k1, k2)

    Returns
    -------
    ndarray, shape (h + k1 - 1, w + k2 - 1)
    """
    I, K, result = check_pair(I, K, 2)
    k1, k2 = K.shape
    padded_shape = (I.shape[0] + 2 * (k1 - 1), I.shape[1] + 2 * (k2 - 1))
    check_entries(padded_shape, f"K's shape {K.shape}")
    if not all_finite(K):
        return _stamped(I, K).astype(result, copy=False)
    padded = np.pad(I, ((k1 - 1, k1 - 1), (k2 - 1, k2 - 1)))
    return correlate2d(padded, rot180(K)).astype(result, copy=False)


def _stamped(I, K):
    """The 'full' convolution as a sum of shifted copies of ``I``, one per tap: ``out[u:u+h, v:v+w] += I * K[u, v]``.

    Used when ``K`` holds an inf or NaN: padding ``I`` with zeros would
    multiply them by it (0 * inf is NaN) in entries the definition never
    touches, where this, like ``numpy.convolve``, leaves them alone.
    """
    (h, w), (k1, k2) = I.shape, K.shape
    out = np.zeros((h + k1 - 1, w + k2 - 1), dtype=np.result_type(I, K))
    for u in range(k1):
        for v in range(k2):
            out[u : u + h, v : v + w] += I * K[u, v]
    return out
