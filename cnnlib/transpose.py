"""Transposed convolution: the backward pass of a convolution, run forwards.

A convolution's input gradient is linear in ``dZ``: ``dA_prev = M^T dZ`` with
``M`` the convolution's matrix (``Z = M A_prev``). The transposed convolution is
that map, used as a layer of its own to go from a small map to a large one::

    conv_transpose_forward(X, W, b, ...) == conv_backward(X, A, W, ...)[0] + b

for any ``A`` of the output's shape. Its weights are those of the convolution
it transposes, so ``W`` maps the *output's* channels to ``X``'s channels.
"""

from __future__ import annotations

import numpy as np

from .conv import forward
from .dtypes import check_exact_transpose, dtype_rule, ieee
from .routes import input_gradient, weight_gradient
from .shapes import (
    check_grad,
    conv_transpose_output_size,
    crop,
    transpose_shapes,
    uncrop,
    uncropped_shape,
)

__all__ = [
    "conv_transpose_backward",
    "conv_transpose_forward",
    "conv_transpose_output_size",
]


@ieee
def conv_transpose_forward(
    X, W, b, stride=1, padding=0, output_padding=0, dilation=1, groups=1
):
    """Forward pass of a transposed convolution (PyTorch's
    ``ConvTranspose2d``).

    Parameters
    ----------
    X : ndarray, shape (m, n_H, n_W, n_C)
    W : ndarray, shape (k1, k2, n_C_out // groups, n_C)
        The weights of the convolution from ``n_C_out`` to ``n_C`` channels
        that this layer transposes.
    b : ndarray, shape (n_C_out,)
    stride, padding, dilation, groups
        Those of the convolution being transposed.
    output_padding : int or (int, int)
        Extra rows/columns at the bottom/right, each
        ``< max(stride, dilation)``; rows that no input pixel reaches
        (``output_padding >= stride``) get only the bias.

    Returns
    -------
    Y : ndarray, shape (m, H_out, W_out, n_C_out)
        ``H_out = (n_H - 1)*s1 - 2*p1 + d1*(k1 - 1) + 1 + output_padding1``,
        and likewise.
    """
    X, W, b, stride, padding, dilation, groups, out = transpose_shapes(
        X, W, b, stride, padding, output_padding, dilation, groups
    )
    compute, result = dtype_rule(X, W, b)
    if compute == np.int64:
        check_exact_transpose(X, W, b, groups=groups)
    if out[0] == 0:  # an empty batch
        return np.zeros(out, dtype=result)
    X, W = X.astype(compute, copy=False), W.astype(compute, copy=False)
    full = input_gradient(
        X,
        uncropped_shape(X, W, stride, dilation, groups),
        W,
        stride,
        (0, 0),
        dilation,
        groups,
    )
    Y = crop(full, out, padding)
    if b is not None:
        Y = Y + b.astype(compute, copy=False)
    return Y.astype(result, copy=False)


@ieee
def conv_transpose_backward(
    dY, X, W, stride=1, padding=0, output_padding=0, dilation=1, groups=1
):
    """Backward pass of a transposed convolution.

    Transposing twice gives back the convolution: ``dX`` is the ordinary
    convolution of ``dY``, and ``dW`` is the convolution's weight gradient
    with the roles of input and upstream gradient swapped.

    Returns
    -------
    dX : ndarray, shape (m, n_H, n_W, n_C)
    dW : ndarray, shape (k1, k2, n_C_out // groups, n_C)
    db : ndarray, shape (n_C_out,)
    """
    X, W, _, stride, padding, dilation, groups, out = transpose_shapes(
        X, W, None, stride, padding, output_padding, dilation, groups
    )
    dY = check_grad(dY, "dY", out)
    compute, result = dtype_rule(dY, X, W)
    if compute == np.int64:
        check_exact_transpose(X, W, None, dY, groups)
    if out[0] == 0:  # an empty batch
        return (
            np.zeros(X.shape, result),
            np.zeros(W.shape, result),
            np.zeros(out[3], result),
        )
    dY, X, W = (a.astype(compute, copy=False) for a in (dY, X, W))
    dY_full = uncrop(
        dY, uncropped_shape(X, W, stride, dilation, groups), padding
    )
    dX = forward(
        dY_full, W, None, stride, (0, 0), dilation, groups, X.shape
    )  # checked above: no second check
    dW = weight_gradient(X, dY_full, W, stride, (0, 0), dilation, groups)
    db = dY.reshape(-1, out[3]).sum(axis=0)
    return tuple(g.astype(result, copy=False) for g in (dX, dW, db))
