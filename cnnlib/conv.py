"""The convolution layer, vectorised: im2col, one matrix product, col2im.

Forward (the book's conv-forward formula)::

    Z[e, i, j, c] = sum_{u, v, c'} A_pad[e, i*s1 + u, j*s2 + v, c'] * W[u, v, c', c] + b[c]

Gather every window into a row of a matrix (im2col), and the triple sum is one
matrix product with ``W`` reshaped to ``(k1*k2*n_C_prev, n_C)``. Backward uses
the same matrix: ``dW = cols.T @ dZ`` and ``dcols = dZ @ W.T``, whose rows are
scattered back onto the windows they came from (col2im).

To change how ``dA_prev`` is computed, change :func:`cnnlib.plain.conv_backward`
(with ``plain.col2im``, the general path), then each route that computes it
another way: :func:`input_gradient` (groups and dilation, and the few-channel
layout, through :func:`_col2im_channel_first`), :func:`_dA_prev_full_convolution`
(the stride-1 gather) and :func:`cnnlib.depthwise.depthwise_input_gradient`;
:func:`route` says which runs. ``tests/test_routes.py`` holds each route equal
to the plain path, and the property tests hold all of them equal to the loops
of :mod:`cnnlib.reference`.
"""

from __future__ import annotations

import functools

import numpy as np

from . import plain
from .depthwise import depthwise_forward, depthwise_input_gradient, depthwise_weight_gradient, is_depthwise
from .dtypes import absmax, all_finite, check_exact, check_exact_backward, check_exact_forward, dtype_rule, ieee, matmul
from .scratch import scratch
from .shapes import as_array, as_int, as_pair, check_entries, check_grad, conv_shapes, offset_view, zero_pad

__all__ = ["conv_forward", "conv_backward", "im2col", "col2im"]


# Below IM2COL_BY_OFFSET input channels (that is, for one channel), im2col
# copies one kernel offset at a time (long contiguous runs along the image's
# rows) into a (k1*k2*n_C, N) buffer and hands matmul its transpose; from two
# channels on, one window at a time (runs of n_C channels) is faster. Both are
# the same matrix in a different memory order, and matmul reads either.
IM2COL_BY_OFFSET = 2

# From FEW_CHANNELS input channels on, a stride-1 dA_prev is computed as a full
# convolution (one gather and one product) instead of col2im's k1*k2 passes;
# below it, window gradients are kept channel-first for col2im. The crossover
# also depends on the number of filters (benchmarks/bench_crossover.py).
FEW_CHANNELS = 8


@ieee
def im2col(A_pad, k1, k2, stride, n_H, n_W, dilation=(1, 1), out=None):
    """Every window of ``A_pad`` as a row: a matrix of shape ``(m*n_H*n_W, k1*k2*n_C)``.

    Row ``(e, i, j)`` holds ``A_pad[e, i*s1 + u*d1, j*s2 + v*d2, c]`` at column ``(u, v, c)``.
    ``out``, a function ``(shape, dtype) -> array``, supplies the memory (cnnlib passes scratch).
    """
    A_pad, k1, k2, stride, n_H, n_W, dilation = check_windows(A_pad, k1, k2, stride, n_H, n_W, dilation)
    return _im2col(A_pad, k1, k2, stride, n_H, n_W, dilation, out)


def _im2col(A_pad, k1, k2, stride, n_H, n_W, dilation=(1, 1), out=None):
    """:func:`im2col` for arguments already checked (the library's own calls): :func:`cnnlib.plain.im2col`, or
    for one input channel the same matrix laid out offset by offset (:func:`_im2col_by_offset`)."""
    out = out or (lambda shape, dtype: np.empty(shape, dtype=dtype))
    if A_pad.shape[3] >= IM2COL_BY_OFFSET or A_pad.dtype == object:
        return plain.im2col(A_pad, k1, k2, stride, n_H, n_W, out, dilation)
    return _im2col_by_offset(A_pad, k1, k2, stride, n_H, n_W, dilation, out)


def _im2col_by_offset(A_pad, k1, k2, stride, n_H, n_W, dilation, out):
    """The im2col matrix, built one kernel offset at a time into a ``(k1*k2*n_C, N)`` buffer and returned
    transposed: for one channel, long contiguous runs along the image's rows instead of tiny windows."""
    m, _, _, n_C = A_pad.shape
    colsT = out((k1, k2, n_C, m, n_H, n_W), A_pad.dtype)
    for i in range(k1):
        for j in range(k2):
            colsT[i, j] = np.moveaxis(offset_view(A_pad, i * dilation[0], j * dilation[1], stride, n_H, n_W), 3, 0)
    return colsT.reshape(k1 * k2 * n_C, -1).T


@ieee
def col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """Scatter-add rows of window gradients back onto the (padded) input they read.

    The adjoint of :func:`im2col`: an input pixel covered by several windows
    receives the sum of their gradients.
    """
    dcols, padded_shape, (k1, k2, stride, n_H, n_W, dilation), result = check_dcols(
        dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation
    )
    return _col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation).astype(result, copy=False)


def _col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """:func:`col2im` for arguments already checked, in the dtype ``dcols`` sums in (the library's own calls):
    :func:`cnnlib.plain.col2im`, or for window gradients laid out channel-first (the transposed layout of
    :func:`_im2col_by_offset`) :func:`_col2im_channel_first`."""
    if dcols.flags.c_contiguous or not dcols.T.flags.c_contiguous:
        return plain.col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation)
    return _col2im_channel_first(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation)


def _col2im_channel_first(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation):
    """col2im of a transposed ``dcols``: add channel-first, where its rows are contiguous."""
    m, H, W, n_C = padded_shape
    d = dcols.T.reshape(k1, k2, n_C, m, n_H, n_W)
    dA_T = scratch("col2im", (n_C, m, H, W), dcols.dtype)
    dA_T.fill(0)
    view = dA_T.transpose(1, 2, 3, 0)  # (m, H, W, n_C), sharing dA_T's memory
    for i in range(k1):
        for j in range(k2):
            offset_view(view, i * dilation[0], j * dilation[1], stride, n_H, n_W)[...] += d[i, j].transpose(1, 2, 3, 0)
    return np.array(view, order="C", copy=True)  # always a copy: dA_T is scratch memory


def check_windows(A_pad, k1, k2, stride, n_H, n_W, dilation):
    """Validate :func:`im2col`'s arguments: ``n_H x n_W`` windows of ``k1 x k2`` taps must fit in ``A_pad``."""
    A_pad = as_array(A_pad, "A_pad", 4, "(m, n_H_prev + 2*p1, n_W_prev + 2*p2, n_C)")
    k1, k2 = as_int(k1, "k1", minimum=1), as_int(k2, "k2", minimum=1)
    n_H, n_W = as_int(n_H, "n_H", minimum=1), as_int(n_W, "n_W", minimum=1)
    stride, dilation = as_pair(stride, "stride", minimum=1), as_pair(dilation, "dilation", minimum=1)
    for name, n, k, s, d, side in (
        ("n_H", n_H, k1, stride[0], dilation[0], 1),
        ("n_W", n_W, k2, stride[1], dilation[1], 2),
    ):
        reach = (n - 1) * s + d * (k - 1) + 1
        if reach > A_pad.shape[side]:
            raise ValueError(f"{name}={n} windows of {k} taps reach {reach} pixels, but A_pad has {A_pad.shape[side]}")
    check_entries((A_pad.shape[0] * n_H * n_W, k1 * k2 * A_pad.shape[3]), "n_H, n_W, k1 and k2")
    return A_pad, k1, k2, stride, n_H, n_W, dilation


def check_dcols(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation):
    """Validate :func:`col2im`'s arguments; return them, with ``dcols`` in the dtype it sums in, and the result dtype."""
    if not isinstance(padded_shape, (tuple, list)) or len(padded_shape) != 4:
        raise TypeError(f"padded_shape must be a tuple (m, H, W, n_C), got {padded_shape!r}")
    padded_shape = tuple(as_int(n, "padded_shape", minimum=0) for n in padded_shape)
    A = np.broadcast_to(np.zeros((), dtype=np.int8), padded_shape)  # a stand-in, no memory
    _, k1, k2, stride, n_H, n_W, dilation = check_windows(A, k1, k2, stride, n_H, n_W, dilation)
    dcols = as_array(dcols, "dcols", 2, "(m*n_H*n_W, k1*k2*n_C)")
    expected = (padded_shape[0] * n_H * n_W, k1 * k2 * padded_shape[3])
    if dcols.shape != expected:
        raise ValueError(f"dcols must have shape {expected}, one row per window, got {dcols.shape}")
    compute, result = dtype_rule(dcols)
    if compute == np.int64:  # a pixel gets at most k1*k2 window gradients
        check_exact("dcols", absmax(dcols) * k1 * k2)
    return dcols.astype(compute, copy=False), padded_shape, (k1, k2, stride, n_H, n_W, dilation), result


def _columns(A_pad, k1, k2, stride, n_H, n_W, dilation, groups):
    """im2col, split by group when ``groups > 1``: shape (N, k1*k2*n_C) or (G, N, k1*k2*C_g).

    Group g sees input channels ``g*C_g ... (g+1)*C_g - 1``; the split is made
    on the window view, so the columns are still copied only once, into
    scratch memory (they never leave this module).
    """
    buffer = functools.partial(scratch, "cols")
    if groups == 1:
        return _im2col(A_pad, k1, k2, stride, n_H, n_W, dilation, out=buffer)
    m, C_g = A_pad.shape[0], A_pad.shape[3] // groups
    cols = buffer((groups, m, n_H, n_W, k1, k2, C_g), A_pad.dtype)
    windows = plain.windows(A_pad, k1, k2, stride, n_H, n_W, dilation).reshape(m, n_H, n_W, k1, k2, groups, C_g)
    np.copyto(cols, windows.transpose(5, 0, 1, 2, 3, 4, 6))
    return cols.reshape(groups, m * n_H * n_W, -1)


def _group_weights(W, groups):
    """Weights by group, shape (G, k1*k2*C_g, n_C/G): group g makes output channels g*n_C/G ... (PyTorch's order)."""
    k1, k2, C_g, n_C = W.shape
    return W.reshape(k1 * k2, C_g, groups, n_C // groups).transpose(2, 0, 1, 3).reshape(groups, k1 * k2 * C_g, -1)


def _times(cols, W, groups):
    """The columns times the weights, one matrix product per group: shape (N, n_C)."""
    n_C = W.shape[3]
    if groups == 1:
        return matmul(cols, W.reshape(-1, n_C))
    return matmul(cols, _group_weights(W, groups)).transpose(1, 0, 2).reshape(-1, n_C)


@ieee
def conv_forward(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    """Forward pass of a convolution layer (cross-correlation, as in every framework).

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
        ``n_C_prev`` and ``n_C`` must be multiples of it (``groups == n_C_prev``
        is a depthwise convolution).

    Returns
    -------
    Z : ndarray, shape (m, n_H, n_W, n_C)
        ``n_H = (n_H_prev + 2*p1 - d1*(k1 - 1) - 1) // s1 + 1`` and likewise ``n_W``;
        dtype by the rule of :mod:`cnnlib.dtypes`.
    """
    A_prev, W, b, stride, padding, dilation, groups, out = conv_shapes(A_prev, W, b, stride, padding, dilation, groups)
    compute, result = dtype_rule(A_prev, W, b)
    if compute == np.int64:
        check_exact_forward(A_prev, W, b)
    if out[0] == 0:  # an empty batch
        return np.zeros(out, dtype=result)
    A_prev, W = A_prev.astype(compute, copy=False), W.astype(compute, copy=False)
    b = None if b is None else b.astype(compute, copy=False)
    return forward(A_prev, W, b, stride, padding, dilation, groups, out).astype(result, copy=False)


def forward(A_prev, W, b, stride, padding, dilation, groups, out):
    """``Z`` of shape ``out`` for arguments already checked and in the dtype they compute in.

    The work of :func:`conv_forward`, without its checks: the library calls this where it has
    validated the arrays itself (the transposed convolution's backward pass).
    """
    if route(A_prev, W, stride, dilation, groups, "forward") == "plain":
        return plain.conv_forward(A_prev, W, b, stride, padding, _scratch_cols)
    k1, k2 = W.shape[:2]
    A_pad = zero_pad(A_prev, padding)
    if is_depthwise(W, groups, A_prev.dtype):
        Z = depthwise_forward(A_pad, W, stride, dilation, out)
    else:
        Z = _times(_columns(A_pad, k1, k2, stride, out[1], out[2], dilation, groups), W, groups).reshape(out)
    if b is not None:
        Z += b
    return Z


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
        return np.zeros(A_prev.shape, result), np.zeros(W.shape, result), np.zeros(out[3], result)
    dZ, A_prev, W = (x.astype(compute, copy=False) for x in (dZ, A_prev, W))
    if route(A_prev, W, stride, dilation, groups, "backward") == "plain":
        grads = plain.conv_backward(dZ, A_prev, W, stride, padding, _scratch_cols)
        return tuple(g.astype(result, copy=False) for g in grads)
    dA_prev = input_gradient(dZ, A_prev.shape, W, stride, padding, dilation, groups)
    dW = weight_gradient(dZ, A_prev, W, stride, padding, dilation, groups)
    db = matmul(np.ones((1, out[0] * out[1] * out[2]), dtype=compute), dZ.reshape(-1, out[3]))[0]  # column sums
    return tuple(g.astype(result, copy=False) for g in (dA_prev, dW, db))


def _scratch_cols(shape, dtype):
    return scratch("cols", shape, dtype)


def route(A_prev, W, stride, dilation, groups, direction):
    """Which code computes this layer: ``"plain"`` or a special route.

    ``"plain"`` is :mod:`cnnlib.plain`, the general path. The special
    routes, each tested equal to it (tests/test_routes.py):

    - groups and dilation, depthwise among them: im2col split by group,
      taps ``d`` apart (:func:`_columns`, :func:`_times`), or for one input
      channel per group ``k1*k2`` broadcast multiply-adds (:mod:`.depthwise`);
    - one input channel, forward: im2col copied offset by offset, in long
      contiguous runs (:func:`im2col`);
    - stride 1, ``FEW_CHANNELS`` or more channels, backward: ``dA_prev`` as
      a gather, the full convolution of ``dZ``, instead of col2im's scatter
      (:func:`_dA_prev_full_convolution`; not with an inf in ``W``);
    - fewer channels, backward: window gradients kept channel-first, which
      col2im adds up fastest.
    """
    if groups > 1 or dilation != (1, 1):
        return "groups and dilation"
    n_C_prev = A_prev.shape[3]
    if direction == "forward":
        return "plain" if n_C_prev >= IM2COL_BY_OFFSET or A_prev.dtype == object else "one channel"
    if stride == (1, 1) and n_C_prev >= FEW_CHANNELS and all_finite(W):
        return "stride-1 gather"
    return "plain" if n_C_prev >= FEW_CHANNELS or A_prev.dtype == object else "few channels"


def weight_gradient(dZ, A_prev, W, stride, padding, dilation=(1, 1), groups=1):
    """``dE/dW`` of a convolution, given ``dZ``: shape ``W.shape`` (arguments validated, as for :func:`input_gradient`)."""
    _, n_H, n_W, n_C = dZ.shape
    k1, k2 = W.shape[:2]
    dZ2 = dZ.reshape(-1, n_C)
    A_pad = zero_pad(A_prev, padding)
    if is_depthwise(W, groups, A_prev.dtype):
        return depthwise_weight_gradient(dZ, A_pad, W, stride, dilation)
    if groups == 1:
        return matmul(_columns(A_pad, k1, k2, stride, n_H, n_W, dilation, 1).T, dZ2).reshape(W.shape)
    # per group (k1*k2*C_g, N) @ (N, n_C/G), then back to W's layout
    cols = _columns(A_pad, k1, k2, stride, n_H, n_W, dilation, groups)
    dZ_g = dZ2.reshape(-1, groups, n_C // groups).transpose(1, 0, 2)
    dW = matmul(cols.transpose(0, 2, 1), dZ_g).reshape(groups, k1, k2, -1, n_C // groups)
    return dW.transpose(1, 2, 3, 0, 4).reshape(W.shape)


def input_gradient(dZ, A_shape, W, stride, padding, dilation=(1, 1), groups=1):
    """``dE/dA_prev`` of a convolution, given ``dZ``: shape ``A_shape``.

    The arguments are already validated (see :func:`conv_backward`). This is
    also the forward pass of the transposed convolution.
    """
    m, n_H, n_W, n_C = dZ.shape
    k1, k2 = W.shape[:2]
    if is_depthwise(W, groups, dZ.dtype):
        return depthwise_input_gradient(dZ, W, stride, padding, dilation, A_shape)
    if stride == (1, 1) and A_shape[3] >= FEW_CHANNELS and all_finite(W):
        # (the gather multiplies the zeros around dZ by W too: with an inf in W that would make NaN)
        return _dA_prev_full_convolution(dZ, W, A_shape, padding, dilation, groups)
    dZ2 = dZ.reshape(-1, n_C)
    if groups == 1:
        W2 = W.reshape(-1, n_C)
        dtype = np.result_type(dZ2, W2)
        if W.shape[2] >= FEW_CHANNELS or dtype.hasobject:
            dcols = matmul(dZ2, W2.T, out=scratch("dcols", (len(dZ2), len(W2)), dtype))
        else:  # few channels: window gradients channel-first, as col2im adds them up fastest
            dcols = matmul(W2, dZ2.T, out=scratch("dcols", (len(W2), len(dZ2)), dtype)).T
    else:
        dZ_g = dZ2.reshape(-1, groups, n_C // groups).transpose(1, 0, 2)
        dcols = matmul(dZ_g, _group_weights(W, groups).transpose(0, 2, 1)).reshape(groups, -1, k1, k2, W.shape[2])
        dcols = dcols.transpose(1, 2, 3, 0, 4).reshape(len(dZ2), -1)
    p1, p2 = padding
    padded = (A_shape[0], A_shape[1] + 2 * p1, A_shape[2] + 2 * p2, A_shape[3])
    dA_pad = _col2im(dcols, padded, k1, k2, stride, n_H, n_W, dilation)
    return dA_pad[:, p1 : p1 + A_shape[1], p2 : p2 + A_shape[2], :]


def _dA_prev_full_convolution(dZ, W, A_shape, padding, dilation=(1, 1), groups=1):
    """``dA_prev`` for stride 1 as the 'full' convolution of ``dZ`` with ``W``.

    Equivalently, the 'valid' cross-correlation of ``dZ`` zero-padded by the
    kernel's span minus one with the kernel turned by 180 degrees and its
    channel axes swapped (within each group); only the rows and columns of the
    unpadded input are computed. With many channels this gather beats
    col2im's scatter: one im2col copy and one matrix product instead of
    ``k1*k2`` passes over ``dA_prev``.
    """
    k1, k2, C_g, n_C = W.shape
    _, n_H_prev, n_W_prev, _ = A_shape
    (p1, p2), (d1, d2) = padding, dilation
    e1, e2 = d1 * (k1 - 1), d2 * (k2 - 1)
    dZ_full = zero_pad(dZ, (e1, e2))[:, p1 : p1 + n_H_prev + e1, p2 : p2 + n_W_prev + e2, :]
    # turned kernel: maps dZ's n_C channels onto A_prev's, group by group
    W_turned = W[::-1, ::-1].reshape(k1, k2, C_g, groups, n_C // groups).transpose(0, 1, 4, 3, 2)
    W_turned = W_turned.reshape(k1, k2, n_C // groups, groups * C_g)
    cols = _columns(dZ_full, k1, k2, (1, 1), n_H_prev, n_W_prev, dilation, groups)
    return _times(cols, W_turned, groups).reshape(A_shape)
