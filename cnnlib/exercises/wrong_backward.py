"""The catalogued mistakes of the backward exercises, as code.

Each function has its exercise's signature and computes the exercise with one
mistake (see :data:`cnnlib.exercises.mistakes.MISTAKES`); ``None`` where the
mistake does not apply to the case.
"""

from __future__ import annotations

import numpy as np

from .. import reference
from ..shapes import as_pair

__all__ = ["CATALOGUE_BACKWARD"]


def _turn(K):
    return K[::-1, ::-1]


# -- convolution backward -------------------------------------------------------------


def _right(dZ, A_prev, W, stride, padding):
    return reference.conv_backward(dZ, A_prev, W, stride, padding)


def _scatter(dZ, W, steps, rows, cols):
    """``dA_pad`` of shape (m, rows, cols, n_C_prev): δ(e, i, j, c)·W(:, :, :, c) added at (i·t1, j·t2)."""
    (t1, t2), (k1, k2) = steps, W.shape[:2]
    out = np.zeros((dZ.shape[0], rows, cols, W.shape[2]), dtype=np.result_type(dZ, W))
    for e, i, j, c in np.ndindex(dZ.shape):
        out[e, i * t1 : i * t1 + k1, j * t2 : j * t2 + k2, :] += dZ[e, i, j, c] * W[:, :, :, c]
    return out


def _replace(part, value):
    def wrong(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
        out = list(_right(dZ, A_prev, W, stride, padding))
        new = value(dZ, A_prev, W, stride, padding, out)
        if new is None:
            return None
        out[part] = new
        return tuple(out)

    return wrong


def _dW_from_output(dZ, A_prev, W, stride, padding, right):
    if A_prev.shape[0] != 1 or A_prev.shape[3] != 1 or W.shape[3] != 1:
        return None
    Z = reference.conv_forward(A_prev, W, np.zeros(1, dtype=W.dtype), stride, padding)
    return reference.correlate2d(Z[0, :, :, 0], dZ[0, :, :, 0])[:, :, None, None]


def _dA_with_kernel(kernel):
    def value(dZ, A_prev, W, stride, padding, right):
        K = kernel(W)
        return None if K is None else reference.conv_backward(dZ, A_prev, K, stride, padding)[0]

    return value


def _transposed_kernel(W):
    # the kernel X whose 180° turn is the transpose of W, so that dA uses W.T where rot180(W) belongs
    return None if W.shape[0] != W.shape[1] else W.transpose(1, 0, 2, 3)[::-1, ::-1]


def _dA_valid(dZ, A_prev, W, stride, padding, right):
    (k1, k2), (m, n_H, n_W, n_C) = W.shape[:2], dZ.shape
    if as_pair(stride, "stride", minimum=1) != (1, 1) or n_H < k1 or n_W < k2:
        return None
    out = np.zeros((m, n_H - k1 + 1, n_W - k2 + 1, W.shape[2]), dtype=np.result_type(dZ, W))
    for e, c_prev, c in np.ndindex(m, W.shape[2], n_C):
        out[e, :, :, c_prev] += reference.correlate2d(dZ[e, :, :, c], _turn(W[:, :, c_prev, c]))
    return out


def _mean_db(over_batch):
    def value(dZ, A_prev, W, stride, padding, right):
        m, n_H, n_W, _ = dZ.shape
        return dZ.sum(axis=(0, 1, 2)) / (n_H * n_W * (m if over_batch else 1))

    return value


def _one_output_channel(which):
    def value(dZ, A_prev, W, stride, padding, right):
        keep = slice(-1, None) if which == "last" else slice(0, 1)
        return reference.conv_backward(dZ[..., keep], A_prev, W[..., keep], stride, padding)[0]

    return value


def _one_example(part, which):
    def value(dZ, A_prev, W, stride, padding, right):
        keep = slice(-1, None) if which == "last" else slice(0, 1)
        if part == 1:
            return reference.conv_backward(dZ[keep], A_prev[keep], W, stride, padding)[1]
        return dZ[keep].sum(axis=(0, 1, 2))

    return value


def _dA_stride_ignored(dZ, A_prev, W, stride, padding, right):
    (p1, p2), (_, h, w, _) = as_pair(padding, "padding", minimum=0), A_prev.shape
    dA_pad = _scatter(dZ, W, (1, 1), h + 2 * p1, w + 2 * p2)
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :]


def _dW_stride_ignored(dZ, A_prev, W, stride, padding, right):
    p1, p2 = as_pair(padding, "padding", minimum=0)
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    (k1, k2), (m, n_H, n_W, n_C) = W.shape[:2], dZ.shape
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e, i, j, c in np.ndindex(m, n_H, n_W, n_C):
        dW[:, :, :, c] += A_pad[e, i : i + k1, j : j + k2, :] * dZ[e, i, j, c]
    return dW


def _dA_not_cropped(dZ, A_prev, W, stride, padding, right):
    (p1, p2), (_, h, w, _) = as_pair(padding, "padding", minimum=0), A_prev.shape
    if (p1, p2) == (0, 0):
        return None
    return _scatter(dZ, W, as_pair(stride, "stride", minimum=1), h + 2 * p1, w + 2 * p2)


def _dA_cropped_early(dZ, A_prev, W, stride, padding, right):
    (s1, s2), (p1, p2) = as_pair(stride, "stride", minimum=1), as_pair(padding, "padding", minimum=0)
    (k1, k2), (_, n_H, n_W, _) = W.shape[:2], dZ.shape
    L1, L2 = (n_H - 1) * s1 + k1, (n_W - 1) * s2 + k2
    short = _scatter(dZ, W, (s1, s2), L1, L2)[:, p1 : L1 - p1, p2 : L2 - p2, :]
    out = np.zeros(A_prev.shape, dtype=short.dtype)
    out[:, : short.shape[1], : short.shape[2], :] = short
    return out


# -- pooling backward -----------------------------------------------------------------


def _windows(dA, A_prev, size, stride):
    (k1, k2) = as_pair(size, "size", minimum=1)
    s1, s2 = as_pair(stride if stride is not None else size, "stride", minimum=1)
    for e, i, j, c in np.ndindex(dA.shape):
        yield (e, slice(i * s1, i * s1 + k1), slice(j * s2, j * s2 + k2), c), dA[e, i, j, c]


def _max_routed(route):
    """Max-pool backward where ``route(window, delta)`` says what each window sends back; avg as the book."""

    def wrong(dA, A_prev, size, stride=None, mode="max"):
        if mode == "avg":
            return reference.pool_backward(dA, A_prev, size, stride, mode)
        out = np.zeros(A_prev.shape, dtype=np.float64)
        for index, delta in _windows(dA, A_prev, size, stride):
            out[index] += route(A_prev[index], delta)
        return out

    return wrong


def _ties(kind):
    def route(window, delta):
        at_max = window == window.max()
        if kind == "split":
            return at_max * (delta / at_max.sum())
        if kind == "all":
            return at_max * delta
        flat = np.flatnonzero(at_max.ravel())[-1]
        sent = np.zeros(window.shape)
        sent.flat[flat] = delta
        return sent

    return route


def _max_grad(value):
    def wrong(dA, A_prev, size, stride=None, mode="max"):
        if mode == "avg":
            return reference.pool_backward(dA, A_prev, size, stride, mode)
        return value(dA, A_prev, size, stride)

    return wrong


def _avg_grad(scale):
    def wrong(dA, A_prev, size, stride=None, mode="max"):
        if mode != "avg":
            return reference.pool_backward(dA, A_prev, size, stride, mode)
        k1, k2 = as_pair(size, "size", minimum=1)
        return reference.pool_backward(scale(dA, k1 * k2), A_prev, size, stride, mode)

    return wrong


def _overlap_assigned(modes):
    def wrong(dA, A_prev, size, stride=None, mode="max"):
        if mode not in modes:
            return reference.pool_backward(dA, A_prev, size, stride, mode)
        out = np.zeros(A_prev.shape, dtype=np.float64)
        for index, delta in _windows(dA, A_prev, size, stride):
            window = A_prev[index]
            sent = np.zeros(window.shape)
            if mode == "avg":
                sent[...] = delta / window.size
            else:
                sent.flat[int(np.argmax(window))] = delta
            out[index] = sent
        return out

    return wrong


CATALOGUE_BACKWARD = {
    "conv_backward": [
        ("dW_from_output", [_replace(1, _dW_from_output)]),
        ("db_missing", [_replace(2, lambda dZ, A, W, s, p, right: np.zeros_like(right[2]))]),
        ("dA_not_turned", [_replace(0, _dA_with_kernel(_turn))]),
        ("dA_kernel_transposed", [_replace(0, _dA_with_kernel(_transposed_kernel))]),
        ("dA_valid_only", [_replace(0, _dA_valid)]),
        ("dW_turned", [_replace(1, lambda dZ, A, W, s, p, right: right[1][::-1, ::-1])]),
        ("db_mean", [_replace(2, _mean_db(True)), _replace(2, _mean_db(False))]),
        ("dA_no_channel_sum", [_replace(0, _one_output_channel("last")), _replace(0, _one_output_channel("first"))]),
        ("dW_no_batch_sum", [_replace(1, _one_example(1, "last")), _replace(1, _one_example(1, "first"))]),
        ("db_no_batch_sum", [_replace(2, _one_example(2, "last")), _replace(2, _one_example(2, "first"))]),
        ("dA_stride_ignored", [_replace(0, _dA_stride_ignored)]),
        ("dW_stride_ignored", [_replace(1, _dW_stride_ignored)]),
        ("dA_padding_not_cropped", [_replace(0, _dA_not_cropped)]),
        ("dA_cropped_too_early", [_replace(0, _dA_cropped_early)]),
    ],
    "pool_backward": [
        (
            "max_grad_one",
            [_max_grad(lambda dA, A, size, stride: reference.pool_backward(np.ones_like(dA), A, size, stride))],
        ),
        (
            "max_grad_empty",
            [
                _max_grad(lambda dA, A, size, stride: np.zeros(A.shape)),
                lambda dA, A, size, stride=None, mode="max": np.zeros(A.shape),
            ],
        ),
        ("avg_grad_no_divide", [_avg_grad(lambda dA, k: dA * k)]),
        ("avg_grad_no_delta", [_avg_grad(lambda dA, k: np.ones_like(dA))]),
        ("ties_split", [_max_routed(_ties("split"))]),
        ("ties_all_maxima", [_max_routed(_ties("all"))]),
        ("ties_last", [_max_routed(_ties("last"))]),
        ("overlap_assigned", [_overlap_assigned({"max"}), _overlap_assigned({"max", "avg"})]),
    ],
}
