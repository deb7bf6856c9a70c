"""The fast routes: the layers cnnlib computes another way than :mod:`cnnlib.plain`, and why.

:func:`cnnlib.conv_forward`, :func:`cnnlib.conv_backward` and :func:`cnnlib.pool_backward` run the code the
chapters show unless :func:`route` (or, for pooling, :func:`max_pool_tiled` and :func:`max_pool_untied`)
takes one of the routes below. Every route is tested equal to the plain path and to the loops of
:mod:`cnnlib.reference` (``tests/test_routes.py``), and every route pays for itself in
``benchmarks/bench_routes.py`` (the row in brackets):

- **groups and dilation**: the plain path has one group and no dilation. im2col split by group, the taps
  ``d`` apart (:func:`im2col`, :func:`_columns`, :func:`_times`). This is not a speed-up; it is the only code
  for these layers.
- **depthwise** (one input channel per group, one filter per channel): ``k1*k2`` broadcast multiply-adds, a
  few examples at a time, instead of an im2col whose rows hold ``k1*k2`` numbers [depthwise].
- **one channel** (forward): im2col copied one kernel offset at a time, in long runs along the image's rows,
  instead of window by window, where each window row is a run of only ``k2`` numbers (``k2*n_C`` in
  general) [MNIST LeNet conv 1; the copy alone in table 4].
- **few channels** (backward): window gradients kept channel-first, where col2im adds them up in long runs
  [MNIST LeNet conv 1 and 2].
- **stride-1 gather** (backward): ``dA_prev`` as one forward convolution of ``dZ`` instead of col2im's
  ``k1*k2`` scattered passes [VGG-like].
- **max pooling backward**: without ties, "the first maximum" is "the maximum", so ``dA`` goes wherever the
  input equals its window's maximum: one broadcast when the windows tile the input (:func:`max_pool_tiled`),
  one comparison per offset when they overlap (:func:`max_pool_untied`) [``bench_routes.py`` pool rows].

At the book's own sizes (chapter 09's network on 8x8 digits) the conv routes do not pay (one run on a busy
2-core machine: 1.14 and 3.18 of the plain path's time); they are kept for the larger layers, where they
took 0.70 to 0.74 of it. Chapter 08's last section quotes that run.

**Where the conv input gradient lives.** ``dA_prev`` is computed in two places: the teaching function
:func:`cnnlib.plain.conv_backward`, and :func:`input_gradient` here, the one route that every special case
(the gather, the few-channel layout, groups, dilation, depthwise) goes through. To change how ``dA_prev`` is
computed, change those two; ``tests/test_routes.py`` holds them equal.

Everything here takes arguments that :mod:`cnnlib.conv` has already checked, in the dtype they compute in.
"""

from __future__ import annotations

import functools

import numpy as np

from . import plain
from .dtypes import all_finite, matmul
from .scratch import scratch
from .shapes import offset_view, zero_pad

# Below IM2COL_BY_OFFSET input channels (that is, for one channel), im2col copies one kernel offset at a time.
IM2COL_BY_OFFSET = 2

# From FEW_CHANNELS input channels per group on, a stride-1 dA_prev is gathered (one forward convolution);
# below it, window gradients are kept channel-first for col2im. The crossover also depends on the number
# of filters and the kernel, so this one threshold misroutes some layers both ways (benchmarks/bench_crossover.py).
FEW_CHANNELS = 8

BLOCK_BYTES = (
    2**18
)  # depthwise: about this much output per block of examples


def route(A_prev, W, stride, dilation, groups, direction):
    """Which code computes this conv layer's ``direction`` ("forward" or
    "backward"): "plain" or a route's name."""
    if is_depthwise(W, groups, A_prev.dtype):
        return "depthwise"
    if groups > 1 or dilation != (1, 1):
        return "groups and dilation"
    n_C_prev = A_prev.shape[3]
    if direction == "forward":
        return (
            "plain"
            if n_C_prev >= IM2COL_BY_OFFSET or A_prev.dtype == object
            else "one channel"
        )
    if _gathers(W, stride, groups):
        return "stride-1 gather"
    return (
        "plain"
        if n_C_prev >= FEW_CHANNELS or A_prev.dtype == object
        else "few channels"
    )


def is_depthwise(W, groups, dtype):
    """One input channel per group and one filter per channel (numbers, not objects)."""
    return (
        groups > 1
        and W.shape[2] == 1
        and W.shape[3] == groups
        and np.dtype(dtype).kind != "O"
    )


def _gathers(W, stride, groups):
    """Is a stride-1 ``dA_prev`` gathered? With ``FEW_CHANNELS`` or more channels per group, or depthwise.

    Not with an inf in ``W``: the gather multiplies the zeros around ``dZ`` by ``W`` too, and ``0 * inf`` is NaN.
    """
    enough = W.shape[2] >= FEW_CHANNELS or is_depthwise(W, groups, W.dtype)
    return stride == (1, 1) and enough and all_finite(W)


# ---------------------------------------------------------------------------------------------- forward


def forward(A_prev, W, b, stride, padding, dilation, groups, out):
    """``Z`` of shape ``out`` by the routes: depthwise multiply-adds, or
    im2col (by group) and products."""
    k1, k2 = W.shape[:2]
    A_pad = zero_pad(A_prev, padding)
    if is_depthwise(W, groups, A_prev.dtype):
        Z = _depthwise_forward(A_pad, W, stride, dilation, out)
    else:
        Z = _times(
            _columns(
                A_pad, k1, k2, stride, out[1], out[2], dilation, groups
            ),
            W,
            groups,
        ).reshape(out)
    if b is not None:
        Z += b
    return Z


def im2col(A_pad, k1, k2, stride, n_H, n_W, dilation=(1, 1), out=None):
    """:func:`cnnlib.plain.im2col`, or for one input channel the same matrix laid out offset by offset."""
    out = out or (lambda shape, dtype: np.empty(shape, dtype=dtype))
    if A_pad.shape[3] >= IM2COL_BY_OFFSET or A_pad.dtype == object:
        return plain.im2col(A_pad, k1, k2, stride, n_H, n_W, out, dilation)
    return _im2col_by_offset(A_pad, k1, k2, stride, n_H, n_W, dilation, out)


def _im2col_by_offset(A_pad, k1, k2, stride, n_H, n_W, dilation, out):
    """The im2col matrix, built one kernel offset at a time into a
    ``(k1*k2*n_C, N)`` buffer and returned transposed: for one channel,
    long contiguous runs along the image's rows instead of window rows of
    ``k2``."""
    m, _, _, n_C = A_pad.shape
    colsT = out((k1, k2, n_C, m, n_H, n_W), A_pad.dtype)
    for i in range(k1):
        for j in range(k2):
            colsT[i, j] = np.moveaxis(
                offset_view(
                    A_pad,
                    i * dilation[0],
                    j * dilation[1],
                    stride,
                    n_H,
                    n_W,
                ),
                3,
                0,
            )
    return colsT.reshape(k1 * k2 * n_C, -1).T


def _columns(A_pad, k1, k2, stride, n_H, n_W, dilation, groups):
    """im2col, split by group when ``groups > 1``: shape (N, k1*k2*n_C) or
    (G, N, k1*k2*C_g).

    Group g sees input channels ``g*C_g ... (g+1)*C_g - 1``; the split is
    made on the window view, so the columns are still copied only once,
    into scratch memory (they never leave this module).
    """
    buffer = functools.partial(scratch, "cols")
    if groups == 1:
        return im2col(A_pad, k1, k2, stride, n_H, n_W, dilation, out=buffer)
    m, C_g = A_pad.shape[0], A_pad.shape[3] // groups
    cols = buffer((groups, m, n_H, n_W, k1, k2, C_g), A_pad.dtype)
    windows = plain.windows(
        A_pad, k1, k2, stride, n_H, n_W, dilation
    ).reshape(m, n_H, n_W, k1, k2, groups, C_g)
    np.copyto(cols, windows.transpose(5, 0, 1, 2, 3, 4, 6))
    return cols.reshape(groups, m * n_H * n_W, -1)


def _group_weights(W, groups):
    """Weights by group, shape (G, k1*k2*C_g, n_C/G): group g makes output
    channels g*n_C/G ... (PyTorch's order)."""
    k1, k2, C_g, n_C = W.shape
    return (
        W.reshape(k1 * k2, C_g, groups, n_C // groups)
        .transpose(2, 0, 1, 3)
        .reshape(groups, k1 * k2 * C_g, -1)
    )


def _times(cols, W, groups):
    """The columns times the weights, one matrix product per group:
    shape (N, n_C)."""
    n_C = W.shape[3]
    if groups == 1:
        return matmul(cols, W.reshape(-1, n_C))
    return (
        matmul(cols, _group_weights(W, groups))
        .transpose(1, 0, 2)
        .reshape(-1, n_C)
    )


# ---------------------------------------------------------------------------------------------- backward


def weight_gradient(
    dZ, A_prev, W, stride, padding, dilation=(1, 1), groups=1
):
    """``dE/dW`` given ``dZ``: shape ``W.shape``, by group (``cols.T @ dZ`` per group), or depthwise by offset."""
    _, n_H, n_W, n_C = dZ.shape
    k1, k2 = W.shape[:2]
    dZ2 = dZ.reshape(-1, n_C)
    A_pad = zero_pad(A_prev, padding)
    if is_depthwise(W, groups, A_prev.dtype):
        return _depthwise_weight_gradient(dZ, A_pad, W, stride, dilation)
    if groups == 1:
        return matmul(
            _columns(A_pad, k1, k2, stride, n_H, n_W, dilation, 1).T, dZ2
        ).reshape(W.shape)
    # per group (k1*k2*C_g, N) @ (N, n_C/G), then back to W's layout
    cols = _columns(A_pad, k1, k2, stride, n_H, n_W, dilation, groups)
    dZ_g = dZ2.reshape(-1, groups, n_C // groups).transpose(1, 0, 2)
    dW = matmul(cols.transpose(0, 2, 1), dZ_g).reshape(
        groups, k1, k2, -1, n_C // groups
    )
    return dW.transpose(1, 2, 3, 0, 4).reshape(W.shape)


def input_gradient(
    dZ, A_shape, W, stride, padding, dilation=(1, 1), groups=1
):
    """``dE/dA_prev`` given ``dZ``: shape ``A_shape``. The one route of the conv input gradient.

    For stride 1 with enough channels per group it is *gathered*: chapter 05's identity, the
    'full' convolution of ``dZ`` with the kernel turned by 180 degrees and its channel axes swapped (within
    each group), computed as one forward convolution over the unpadded input's rows and columns. Otherwise
    it is the plain path's scatter, by group: window gradients ``dZ @ W.T``, added back by :func:`col2im`
    (channel-first when there are few channels). This is also the transposed convolution's forward pass.
    """
    if _gathers(W, stride, groups):
        return _gather(dZ, A_shape, W, padding, dilation, groups)
    m, n_H, n_W, n_C = dZ.shape
    k1, k2, C_g, _ = W.shape
    dZ2 = dZ.reshape(-1, n_C)
    if groups == 1:
        W2 = W.reshape(-1, n_C)
        dtype = np.result_type(dZ2, W2)
        if C_g >= FEW_CHANNELS or dtype.hasobject:
            dcols = matmul(
                dZ2, W2.T, out=scratch("dcols", (len(dZ2), len(W2)), dtype)
            )
        else:  # few channels: window gradients channel-first, as col2im adds them up fastest
            dcols = matmul(
                W2, dZ2.T, out=scratch("dcols", (len(W2), len(dZ2)), dtype)
            ).T
    elif is_depthwise(
        W, groups, dZ.dtype
    ):  # each tap times its own channel of dZ: no product to sum
        dcols = (dZ2[:, None, :] * W.reshape(-1, n_C)).reshape(len(dZ2), -1)
    else:
        dZ_g = dZ2.reshape(-1, groups, n_C // groups).transpose(1, 0, 2)
        dcols = matmul(
            dZ_g, _group_weights(W, groups).transpose(0, 2, 1)
        ).reshape(groups, -1, k1, k2, C_g)
        dcols = dcols.transpose(1, 2, 3, 0, 4).reshape(len(dZ2), -1)
    p1, p2 = padding
    padded = (
        A_shape[0],
        A_shape[1] + 2 * p1,
        A_shape[2] + 2 * p2,
        A_shape[3],
    )
    dA_pad = col2im(dcols, padded, k1, k2, stride, n_H, n_W, dilation)
    return dA_pad[:, p1 : p1 + A_shape[1], p2 : p2 + A_shape[2], :]


def _gather(dZ, A_shape, W, padding, dilation, groups):
    """Stride-1 ``dA_prev`` as a forward convolution of ``dZ`` padded by the kernel's span minus one.

    Only the rows and columns of the unpadded input are computed. Its product does as many multiply-adds as
    col2im's when the padding keeps the size (without padding more: it also multiplies the zero frame of
    ``dZ_full``); what differs is the data moved: its im2col copies ``k1*k2*n_C`` numbers per input pixel,
    col2im adds ``k1*k2*n_C_prev`` per window in ``k1*k2`` strided passes. With many input channels the
    gather measured faster (``benchmarks/bench_crossover.py``).
    """
    k1, k2, C_g, n_C = W.shape
    _, n_H_prev, n_W_prev, _ = A_shape
    (p1, p2), (d1, d2) = padding, dilation
    e1, e2 = d1 * (k1 - 1), d2 * (k2 - 1)
    dZ_full = zero_pad(dZ, (e1, e2))[
        :, p1 : p1 + n_H_prev + e1, p2 : p2 + n_W_prev + e2, :
    ]
    # turned kernel: maps dZ's n_C channels onto A_prev's, group by group
    W_turned = (
        W[::-1, ::-1]
        .reshape(k1, k2, C_g, groups, n_C // groups)
        .transpose(0, 1, 4, 3, 2)
    )
    W_turned = W_turned.reshape(k1, k2, n_C // groups, groups * C_g)
    return forward(
        dZ_full, W_turned, None, (1, 1), (0, 0), dilation, groups, A_shape
    )


def col2im(dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation=(1, 1)):
    """:func:`cnnlib.plain.col2im`, or for window gradients laid out channel-first :func:`_col2im_channel_first`."""
    if dcols.flags.c_contiguous or not dcols.T.flags.c_contiguous:
        return plain.col2im(
            dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation
        )
    return _col2im_channel_first(
        dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation
    )


def _col2im_channel_first(
    dcols, padded_shape, k1, k2, stride, n_H, n_W, dilation
):
    """col2im of a transposed ``dcols``: add channel-first, where its rows are contiguous."""
    m, H, W, n_C = padded_shape
    d = dcols.T.reshape(k1, k2, n_C, m, n_H, n_W)
    dA_T = scratch("col2im", (n_C, m, H, W), dcols.dtype)
    dA_T.fill(0)
    view = dA_T.transpose(
        1, 2, 3, 0
    )  # (m, H, W, n_C), sharing dA_T's memory
    for i in range(k1):
        for j in range(k2):
            offset_view(
                view, i * dilation[0], j * dilation[1], stride, n_H, n_W
            )[...] += d[i, j].transpose(1, 2, 3, 0)
    return np.array(
        view, order="C", copy=True
    )  # always a copy: dA_T is scratch memory


# ---------------------------------------------------------------------------------------------- depthwise


def _blocks(m, per_example):
    """Slices of the batch, each about BLOCK_BYTES of output: the k1*k2 passes over a block stay in cache."""
    step = max(1, BLOCK_BYTES // max(per_example, 1))
    return [slice(e, min(e + step, m)) for e in range(0, m, step)]


def _depthwise_forward(A_pad, W, stride, dilation, out):
    """``Z[..., c] = sum_{u,v} A_pad at offset (u*d1, v*d2)[..., c] * W[u, v, 0, c]``, a block of examples at a time."""
    k1, k2 = W.shape[:2]
    taps = W[:, :, 0, :]
    Z = np.zeros(out, dtype=np.result_type(A_pad, W))
    for block in _blocks(out[0], Z[:1].nbytes):
        Z_b, A_b = Z[block], A_pad[block]
        term = np.empty_like(Z_b)
        for i in range(k1):
            for j in range(k2):
                window = offset_view(
                    A_b,
                    i * dilation[0],
                    j * dilation[1],
                    stride,
                    out[1],
                    out[2],
                )
                np.multiply(window, taps[i, j], out=term)
                Z_b += term
    return Z


def _depthwise_weight_gradient(dZ, A_pad, W, stride, dilation):
    """``dW[u, v, 0, c]``: the input read at offset ``(u, v)`` times ``dZ``, summed per channel."""
    k1, k2 = W.shape[:2]
    n_H, n_W = dZ.shape[1:3]
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_pad))
    for block in _blocks(dZ.shape[0], dZ[:1].nbytes):
        dZ_b, A_b = dZ[block], A_pad[block]
        for i in range(k1):
            for j in range(k2):
                window = offset_view(
                    A_b, i * dilation[0], j * dilation[1], stride, n_H, n_W
                )
                dW[i, j, 0] += np.einsum("ehwc,ehwc->c", window, dZ_b)
    return dW


# ---------------------------------------------------------------------------------------------- max pooling


def tiles(X, out, size):
    """``X`` cut into its windows when they tile it (stride == size): shape (m, n_H, k1, n_W, k2, n_C), a view."""
    m, n_H, n_W, n_C = out
    k1, k2 = size
    return X[:, : n_H * k1, : n_W * k2].reshape(m, n_H, k1, n_W, k2, n_C)


def _comparable(A):
    """True when the pooling routes may try: numbers without NaN (NaN and symbols take the general path)."""
    return A.dtype.kind != "O" and (
        all_finite(A) or not (A.dtype.kind == "f" and np.isnan(A).any())
    )


def max_pool_tiled(dA, A_prev, A, dA_prev, size):
    """Max-pool routing in one broadcast when the windows tile the input; False if a window has a tie or NaN.

    Without ties, "the first maximum" is simply "the maximum": ``dA`` goes wherever ``A_prev`` equals its
    window's maximum. Ties (and NaN) are left to the general offset-by-offset path, which picks the first one.
    """
    if not _comparable(A):
        return False
    at_max = tiles(A_prev, A.shape, size) == A[:, :, None, :, None, :]
    if (
        np.count_nonzero(at_max) != A.size
    ):  # every window has >= 1 maximum; more means a tie
        return False
    target, routed = (
        tiles(dA_prev, A.shape, size),
        dA[:, :, None, :, None, :],
    )
    if all_finite(dA):
        np.multiply(at_max, routed, out=target)
    else:  # a product would put 0 * NaN = NaN where dA does not go
        np.copyto(target, routed, where=at_max)
    return True


def max_pool_untied(dA, A_prev, A, dA_prev, size, stride):
    """Max-pool routing offset by offset, assuming no window has a tie; False (and dA_prev zeroed) if one has."""
    if not _comparable(A):
        return False
    at_max, routed, found = (
        np.empty(A.shape, dtype=bool),
        np.empty_like(dA_prev, shape=A.shape),
        0,
    )
    finite = all_finite(dA)
    for u in range(size[0]):
        for v in range(size[1]):
            np.equal(
                offset_view(A_prev, u, v, stride, A.shape[1], A.shape[2]),
                A,
                out=at_max,
            )
            found += np.count_nonzero(at_max)
            if finite:
                np.multiply(at_max, dA, out=routed)
            else:  # a product would put 0 * NaN = NaN where dA does not go
                routed.fill(0)
                np.copyto(routed, dA, where=at_max)
            offset_view(dA_prev, u, v, stride, A.shape[1], A.shape[2])[
                ...
            ] += routed
    if found == A.size:  # one maximum per window
        return True
    dA_prev[...] = 0
    return False
