"""Catalogued mistakes of the layer exercises that are not switches of :mod:`.slips`.

Each function has its exercise's signature and computes it with one mistake, the way a student's
loops do, so that numpy raises where the student's code raises. These mistakes do not combine with
the switches (the checker tries them alone); ``None`` where a mistake does not apply to the case.
"""

from __future__ import annotations

import numpy as np

from .. import reference
from ..shapes import as_pair

__all__ = ["CATALOGUE_LAYERS"]


def _hyper(stride, padding):
    return as_pair(stride, "stride", minimum=1), as_pair(
        padding, "padding", minimum=0
    )


def forward_not_padded(
    A_prev, W, b, stride=1, padding=0, dilation=1, groups=1
):
    """The output size counts the padding, but the windows are sliced from ``A_prev``, not the padded input."""
    (s1, s2), (p1, p2) = _hyper(stride, padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros(
        (max(m, 0), max(n_H, 0), max(n_W, 0), n_C),
        dtype=np.result_type(A_prev, W, b, np.float64),
    )
    for e, i, j, c in np.ndindex(Z.shape):
        window = A_prev[
            e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :
        ]  # A_prev where A_pad belongs
        Z[e, i, j, c] = np.sum(window * W[:, :, :, c]) + b[c]
    return Z


def dW_not_padded(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    """``dW`` read from windows of ``A_prev`` at the padded positions; ``dA_prev`` and ``db`` right."""
    (s1, s2), _ = _hyper(stride, padding)
    k1, k2 = W.shape[:2]
    dA_prev, _, db = reference.conv_backward(dZ, A_prev, W, stride, padding)
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev, np.float64))
    for e, i, j, c in np.ndindex(dZ.shape):
        dW[:, :, :, c] += (
            A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
            * dZ[e, i, j, c]
        )
    return dA_prev, dW, db


def dA_channels_not_swapped(
    dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1
):
    """``dA_prev`` with ``W[:, :, c, c']`` where ``W[:, :, c', c]`` belongs (needs as many channels in as out)."""
    if W.shape[2] != W.shape[3]:
        return None
    dA_prev, _, _ = reference.conv_backward(
        dZ, A_prev, W.transpose(0, 1, 3, 2), stride, padding
    )
    _, dW, db = reference.conv_backward(dZ, A_prev, W, stride, padding)
    return dA_prev, dW, db


CATALOGUE_LAYERS = {
    "conv_forward": [("input_not_padded", [forward_not_padded])],
    "conv_backward": [
        ("input_not_padded", [dW_not_padded]),
        ("dA_channels_not_swapped", [dA_channels_not_swapped]),
    ],
}
