"""The convolution layer, vectorised: im2col, one matrix product, col2im.

Forward (the book's conv-forward formula)::

    Z[e, i, j, c] = sum_{u, v, c'} A_pad[e, i*s1 + u, j*s2 + v, c'] * W[u, v, c', c] + b[c]

Gather every window into a row of a matrix (im2col), and the triple sum is one
matrix product with ``W`` reshaped to ``(k1*k2*n_C_prev, n_C)``. Backward uses
the same matrix: ``dW = cols.T @ dZ`` and ``dcols = dZ @ W.T``, whose rows are
scattered back onto the windows they came from (col2im).

This module checks the arguments, applies the dtype rule (:mod:`cnnlib.dtypes`)
and hands the work to :mod:`cnnlib.plain`, the code chapters 03 and 05 show, or
to one of the special routes of :mod:`cnnlib.routes` when :func:`cnnlib.routes.route`
names one. ``dA_prev`` is computed in two places: :func:`cnnlib.plain.conv_backward`
and :func:`cnnlib.routes.input_gradient`; ``tests/test_routes.py`` holds them
equal, and the property tests hold both equal to the loops of :mod:`cnnlib.reference`.
"""

from __future__ import annotations

import numpy as np

from . import plain, routes
from .dtypes import (
    absmax,
    check_exact,
    check_exact_backward,
    check_exact_forward,
    dtype_rule,
    ieee,
    matmul,
)
from .scratch import scratch
from .shapes import (
    as_array,
    as_int,
    as_pair,
    check_entries,
    check_grad,
    conv_shapes,
)

__all__ = ["conv_forward", "conv_backward", "im2col", "col2im"]


@ieee
def im2col(A_pad, k1, k2, stride, n_H, n_W, dilation=(1, 1), out=None):
    """Every window of ``A_pad`` as a row: a matrix of shape ``(m*n_H*n_W, k1*k2*n_C)``.

    Row ``(e, i, j)`` holds ``A_pad[e, i*s1 + u*d1, j*s2 + v*d2, c]`` at column ``(u, v, c)``.
    ``out``, a function ``(shape, dtype) -> array``, supplies the memory (cnnlib passes scratch).
    """
    A_pad, k1, k2, stride, n_H, n_W, dilation = check_windows(
        A_pad, k1, k2, stride, n_H, n_W, dilation
    )
    out = out or (lambda shape, dtype: np.empty(shape, dtype=dtype))
    return plain.im2col(A_pad, k1, k2, stride, n_H, n_W, out, dilation)


@ieee
def col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """Scatter-add rows of window gradients back onto the (padded) input they read.

    The adjoint of :func:`im2col`: an input pixel covered by several windows
    receives the sum of their gradients.
    """
    dcols, padded_shape, (k1, k2, stride, n_H, n_W, dilation), result = (
        check_dcols(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation)
    )
    return plain.col2im(
        dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation
    ).astype(result, copy=False)


def check_windows(A_pad, k1, k2, stride, n_H, n_W, dilation):
    """Validate :func:`im2col`'s arguments: ``n_H x n_W`` windows of ``k1 x k2`` taps must fit in ``A_pad``."""
    A_pad = as_array(
        A_pad, "A_pad", 4, "(m, n_H_prev + 2*p1, n_W_prev + 2*p2, n_C)"
    )
    k1, k2 = as_int(k1, "k1", minimum=1), as_int(k2, "k2", minimum=1)
    n_H, n_W = as_int(n_H, "n_H", minimum=1), as_int(n_W, "n_W", minimum=1)
    stride, dilation = (
        as_pair(stride, "stride", minimum=1),
        as_pair(dilation, "dilation", minimum=1),
    )
    for name, n, k, s, d, side in (
        ("n_H", n_H, k1, stride[0], dilation[0], 1),
        ("n_W", n_W, k2, stride[1], dilation[1], 2),
    ):
        reach = (n - 1) * s + d * (k - 1) + 1
        if reach > A_pad.shape[side]:
            raise ValueError(
                f"{name}={n} windows of {k} taps reach {reach} pixels, but A_pad has {A_pad.shape[side]}"
            )
    check_entries(
        (A_pad.shape[0] * n_H * n_W, k1 * k2 * A_pad.shape[3]),
        "n_H, n_W, k1 and k2",
    )
    return A_pad, k1, k2, stride, n_H, n_W, dilation


def check_dcols(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation):
    """Validate :func:`col2im`'s arguments; return them, with ``dcols`` in the dtype it sums in, and the result dtype."""
    if (
        not isinstance(padded_shape, (tuple, list))
        or len(padded_shape) != 4
    ):
        raise TypeError(
            f"padded_shape must be a tuple (m, H, W, n_C), got {padded_shape!r}"
        )
    padded_shape = tuple(
        as_int(n, "padded_shape", minimum=0) for n in padded_shape
    )
    A = np.broadcast_to(
        np.zeros((), dtype=np.int8), padded_shape
    )  # a stand-in, no memory
    _, k1, k2, stride, n_H, n_W, dilation = check_windows(
        A, k1, k2, stride, n_H, n_W, dilation
    )
    dcols = as_array(dcols, "dcols", 2, "(m*n_H*n_W, k1*k2*n_C)")
    expected = (padded_shape[0] * n_H * n_W, k1 * k2 * padded_shape[3])
    if dcols.shape != expected:
        raise ValueError(
            f"dcols must have shape {expected}, one row per window, got {dcols.shape}"
        )
    compute, result = dtype_rule(dcols)
    if compute == np.int64:  # a pixel gets at most k1*k2 window gradients
        check_exact("dcols", absmax(dcols) * k1 * k2)
    return (
        dcols.astype(compute, copy=False),
        padded_shape,
        (k1, k2, stride, n_H, n_W, dilation),
        result,
    )


@ieee
def conv_forward(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    """Forward pass of a convolution layer (cross-correlation, as in every
    framework).

    Parameters
    ----------
    A_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C_prev)
    W : ndarray, shape (k1, k2, n_C_prev // groups, n_C)
    b : ndarray, shape (n_C,), or None
        One bias per filter; ``None`` for none (PyTorch's ``bias=False``).
    stride : int or (int, int)
        Step ``(s1, s2)`` between windows, vertically and horizontally.
    padding : int or (int, int)
        Zeros ``(p1, p2)`` added on both sides of each spatial axis.
    dilation : int or (int, int)
        Spacing ``(d1, d2)`` between the kernel's taps; the kernel spans
        ``k + (k - 1)(d - 1)`` pixels.
    groups : int
        Split the channels into this many independent convolutions; both
        ``n_C_prev`` and ``n_C`` must be multiples of it
        (``groups == n_C_prev`` is a depthwise convolution).

    Returns
    -------
    Z : ndarray, shape (m, n_H, n_W, n_C)
        ``n_H = (n_H_prev + 2*p1 - d1*(k1 - 1) - 1) // s1 + 1`` and
        likewise ``n_W``; dtype by the rule of :mod:`cnnlib.dtypes`.
    """
    A_prev, W, b, stride, padding, dilation, groups, out = conv_shapes(
        A_prev, W, b, stride, padding, dilation, groups
    )
    compute, result = dtype_rule(A_prev, W, b)
    if compute == np.int64:
        check_exact_forward(A_prev, W, b)
    if out[0] == 0:  # an empty batch
        return np.zeros(out, dtype=result)
    A_prev, W = (
        A_prev.astype(compute, copy=False),
        W.astype(compute, copy=False),
    )
    b = None if b is None else b.astype(compute, copy=False)
    return forward(
        A_prev, W, b, stride, padding, dilation, groups, out
    ).astype(result, copy=False)


def forward(A_prev, W, b, stride, padding, dilation, groups, out):
    """``Z`` of shape ``out`` for arguments already checked and in the dtype they compute in.

    The work of :func:`conv_forward`, without its checks: the library calls this where it has
    validated the arrays itself (the transposed convolution's backward pass).
    """
    if (
        routes.route(A_prev, W, stride, dilation, groups, "forward")
        == "plain"
    ):
        return plain.conv_forward(
            A_prev, W, b, stride, padding, _scratch_cols
        )
    return routes.forward(
        A_prev, W, b, stride, padding, dilation, groups, out
    )


@ieee
def conv_backward(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    """Backward pass of a convolution layer.

    Parameters
    ----------
    dZ : ndarray, shape (m, n_H, n_W, n_C)
        ``dE/dZ``, the gradient arriving from the layer above (the book's delta).
    A_prev, W, stride, padding, dilation, groups
        As given to :func:`conv_forward`.

    Returns
    -------
    dA_prev : ndarray, shape (m, n_H_prev, n_W_prev, n_C_prev)
    dW : ndarray, shape (k1, k2, n_C_prev // groups, n_C)
    db : ndarray, shape (n_C,)
        All three in the one dtype that :mod:`cnnlib.dtypes` gives ``dZ``, ``A_prev`` and ``W``.
    """
    A_prev, W, _, stride, padding, dilation, groups, out = conv_shapes(
        A_prev, W, None, stride, padding, dilation, groups
    )
    dZ = check_grad(dZ, "dZ", out)
    compute, result = dtype_rule(dZ, A_prev, W)
    if compute == np.int64:
        check_exact_backward(dZ, A_prev, W, groups)
    if out[0] == 0:  # an empty batch
        return (
            np.zeros(A_prev.shape, result),
            np.zeros(W.shape, result),
            np.zeros(out[3], result),
        )
    dZ, A_prev, W = (x.astype(compute, copy=False) for x in (dZ, A_prev, W))
    if (
        routes.route(A_prev, W, stride, dilation, groups, "backward")
        == "plain"
    ):
        grads = plain.conv_backward(
            dZ, A_prev, W, stride, padding, _scratch_cols
        )
        return tuple(g.astype(result, copy=False) for g in grads)
    dA_prev = routes.input_gradient(
        dZ, A_prev.shape, W, stride, padding, dilation, groups
    )
    dW = routes.weight_gradient(
        dZ, A_prev, W, stride, padding, dilation, groups
    )
    db = matmul(
        np.ones((1, out[0] * out[1] * out[2]), dtype=compute),
        dZ.reshape(-1, out[3]),
    )[0]  # column sums
    return tuple(g.astype(result, copy=False) for g in (dA_prev, dW, db))


def _scratch_cols(shape, dtype):
    return scratch("cols", shape, dtype)
