"""The catalogued mistakes of the four layer exercises, as switches of one implementation each.

Each function here computes its exercise the way a student writes it: pad, then for every output
entry slice a window of the input and multiply or compare, with numpy. ``slips`` switches mistakes
on, ``{key: variant}``; with none it computes the right result. Because the switches are independent,
two mistakes combine by switching both on (:func:`cnnlib.exercises.check` searches the pairs when no
single mistake reproduces a function's output). ``VARIANTS[exercise][key]`` lists the ways one
mistake is written (``"last"`` or ``"first"`` for the channel that survives an ``=`` that should be a
``+=``); each sentence is in the language tables (:data:`.en.MISTAKES`, :data:`.zh.MISTAKES`).

A mistake that makes numpy raise raises here too, with the same message: cropping ``X[p:-p]`` at
p = 0, a square f × f window of a k₁ × k₂ kernel. So an exception is diagnosed the way a value is.
"""

from __future__ import annotations

import numpy as np

from ..shapes import as_pair

__all__ = [
    "VARIANTS",
    "conv_forward",
    "pool_forward",
    "conv_backward",
    "pool_backward",
]

ON = (True,)

VARIANTS = {
    "conv_forward": {
        "forward_turned_kernel": ON,
        "forward_no_bias": ON,
        "forward_last_channel_only": ("last", "first"),
        "forward_window_not_strided": ON,
        "forward_square_kernel": ("rows", "columns"),
        "forward_pads_output": ON,
        "forward_bias_every_product": ON,
        "forward_one_filter": ON,
        "forward_first_example_only": ON,
        "forward_output_axes_swapped": ON,
        "forward_int_output": ON,
        "stride_one_number": ON,
        "size_no_plus_one": ON,
        "size_ceil": ON,
        "size_one_p": ON,
        "pad_all_axes": ON,
    },
    "pool_forward": {
        "pool_stride_is_size": ON,
        "avg_pool_no_divide": ON,
        "pool_mode_ignored": ON,
        "pool_window_not_strided": ON,
        "pool_stride_on_output": ON,
        "pool_all_channels": ("mean", "sum"),
        "pool_whole_batch": ("mean", "sum"),
        "pool_size_other_side": ("mean", "sum"),
        "pool_size_one_side": ("rows", "columns"),
        "avg_pool_divided_wrongly": ("rows", "columns", "windows"),
        "pool_int_output": ON,
        "stride_one_number": ON,
        "size_no_plus_one": ON,
        "size_ceil": ON,
    },
    "conv_backward": {
        "dW_from_output": ON,
        "db_missing": ON,
        "dA_not_turned": ON,
        "dA_kernel_transposed": ON,
        "dA_valid_only": ON,
        "dW_turned": ON,
        "db_mean": ("all", "positions"),
        "dA_no_channel_sum": ("last", "first"),
        "dW_no_batch_sum": ("last", "first"),
        "db_no_batch_sum": ("last", "first"),
        "dA_stride_ignored": ON,
        "dW_stride_ignored": ON,
        "dA_padding_not_cropped": ON,
        "dA_cropped_too_early": ON,
        "crop_empty_at_zero_padding": ("assigned", "returned"),
        "backward_square_kernel": ("rows", "columns"),
        "dA_crop_fixed": ON,
        "dA_last_example_only": ON,
        "dW_divided_by_m": ON,
        "db_batch_axis_kept": ON,
        "db_one_number": ON,
        "gradient_int_dtype": ("slice", "entry"),
        "return_order": (
            "dW, dA, db",
            "db, dW, dA",
            "dA, db, dW",
            "dW, db, dA",
            "db, dA, dW",
        ),
        "stride_one_number": ON,
        "pad_all_axes": ON,
    },
    "pool_backward": {
        "max_grad_one": ON,
        "max_grad_empty": ("max", "both"),
        "avg_grad_no_divide": ON,
        "avg_grad_no_delta": ON,
        "ties_split": ON,
        "ties_all_maxima": ON,
        "ties_last": ON,
        "ties_column_major": ON,
        "overlap_assigned": ("max", "both", "entry"),
        "pool_grad_stride_ignored": ON,
        "grad_read_at_input_position": ON,
        "argmax_unravel_wrong_side": ("divmod", "unravel"),
        "avg_grad_divided_wrongly": ("rows", "columns", "times", "shape"),
        "mask_is_max_value": ON,
        "pool_grad_all_channels": ON,
        "gradient_int_dtype": ("slice", "entry"),
        "stride_one_number": ON,
    },
}


def _pad(A, p1, p2):
    return np.pad(A, ((0, 0), (p1, p1), (p2, p2), (0, 0)))


def _sizes(h, w, k1, k2, s1, s2, p1=0, p2=0, slip=None):
    """The output size, or what the output-size mistakes of ``output_size`` make of it."""
    slip = slip or (lambda key: None)

    def size(n, k, s, p):
        padded = n + (p if slip("size_one_p") else 2 * p) - k
        if slip("size_no_plus_one"):
            return padded // s
        return -(-padded // s) + 1 if slip("size_ceil") else padded // s + 1

    return size(h, k1, s1, p1), size(w, k2, s2, p2)


def _pad_input(A, p1, p2, slip):
    """The padded input: its rows and columns, or with ``np.pad(A, p)`` every axis (batch and channels too)."""
    if slip("pad_all_axes"):
        return np.pad(A, p1) if p1 == p2 else None
    return _pad(A, p1, p2)


def _window_shape(k1, k2, square):
    # ``(f, f, n_C_prev, n_C) = W.shape`` keeps the last f, k2 ("columns"); ``f = W.shape[0]`` keeps k1 ("rows")
    if square == "columns":
        return k2, k2
    if square == "rows":
        return k1, k1
    return k1, k2


# -- convolution forward --------------------------------------------------------------------------------


def conv_forward(A_prev, W, b, stride=1, padding=0, slips=None):
    """``Z`` of a convolution layer, with the mistakes ``slips`` (``{key: variant}``) made."""
    slip = (slips or {}).get
    (s1, s2), (p1, p2) = (
        as_pair(stride, "stride", minimum=1),
        as_pair(padding, "padding", minimum=0),
    )
    if slip("stride_one_number"):
        s2 = s1
    m, h, w, n_C_prev = A_prev.shape
    k1, k2, _, n_C = W.shape
    if slip("forward_turned_kernel"):
        W = W[::-1, ::-1]
    square = slip("forward_square_kernel")
    f1, f2 = _window_shape(k1, k2, square)
    if square == "rows":
        W = W[:f1, :f2]  # the kernel read as f x f, cut to what it has
        f2 = W.shape[1]
    if slip("forward_pads_output"):
        q1, q2 = 0, 0
    else:
        q1, q2 = p1, p2
    A_pad = _pad_input(A_prev, q1, q2, slip)
    if A_pad is None:
        return None
    n_H, n_W = _sizes(
        h, w, f1, f1 if square else f2, s1, s2, q1, q2, slip
    )  # f x f: both sizes from f
    if slip("forward_output_axes_swapped"):
        n_H, n_W = n_W, n_H
    dtype = (
        A_prev.dtype
        if slip("forward_int_output")
        else np.result_type(A_prev, W, b, np.float64)
    )
    n_H, n_W = max(n_H, 0), max(n_W, 0)
    Z = np.zeros((m, n_H, n_W, n_C), dtype=dtype)
    examples = 1 if slip("forward_first_example_only") else m
    for e in range(examples):
        for i in range(n_H):
            for j in range(n_W):
                r, q = (
                    (i, j)
                    if slip("forward_window_not_strided")
                    else (i * s1, j * s2)
                )
                for c in range(n_C):
                    kernel = W[
                        :, :, :, 0 if slip("forward_one_filter") else c
                    ]
                    window = A_pad[e, r : r + f1, q : q + f2, :]
                    if slip("forward_last_channel_only"):
                        keep = (
                            n_C_prev - 1
                            if slip("forward_last_channel_only") == "last"
                            else 0
                        )
                        z = np.sum(window[:, :, keep] * kernel[:, :, keep])
                    else:
                        z = np.sum(window * kernel)
                    if slip("forward_bias_every_product"):
                        z = z + kernel.size * b[c]
                    elif not slip("forward_no_bias"):
                        z = z + b[c]
                    Z[e, i, j, c] = z
    if slip("forward_pads_output"):
        Z = _pad(Z, p1, p2)
    return Z


# -- pooling forward ----------------------------------------------------------------------------------


def pool_forward(A_prev, size, stride=None, mode="max", slips=None):
    """The output of a pooling layer, with the mistakes ``slips`` made."""
    slip = (slips or {}).get
    k1, k2 = as_pair(size, "size", minimum=1)
    s1, s2 = as_pair(
        stride if stride is not None else size, "stride", minimum=1
    )
    if slip("pool_stride_is_size"):
        s1, s2 = k1, k2
    if slip("stride_one_number"):
        s2 = s1
    if slip("pool_mode_ignored"):
        mode = "max"
    m, h, w, C = A_prev.shape
    if slip("pool_size_other_side"):
        n_H, n_W = _sizes(h, w, k2, k1, s2, s1)
    else:
        f1, f2 = _window_shape(k1, k2, slip("pool_size_one_side"))
        n_H, n_W = _sizes(h, w, f1, f2, s1, s2, slip=slip)
    dtype = (
        A_prev.dtype
        if slip("pool_int_output")
        else np.result_type(A_prev, np.float64 if mode == "avg" else A_prev)
    )
    A = np.zeros((m, n_H, n_W, C), dtype=dtype)
    # np.sum(window) / (k1 * k2) or np.mean(window): the same for a whole window, not for the windows these take
    summed = (
        slip("pool_all_channels"),
        slip("pool_whole_batch"),
        slip("pool_size_other_side"),
    )
    divide = {
        "rows": k1 * k1,
        "columns": k2 * k2,
        "windows": n_H * n_W,
    }.get(slip("avg_pool_divided_wrongly"), k1 * k2)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                r, q = (
                    (i, j)
                    if slip("pool_window_not_strided")
                    else (i * s1, j * s2)
                )
                for c in range(C):
                    if slip("pool_whole_batch"):
                        window = A_prev[:, r : r + k1, q : q + k2, :]
                    elif slip("pool_all_channels"):
                        window = A_prev[e, r : r + k1, q : q + k2, :]
                    else:
                        window = A_prev[e, r : r + k1, q : q + k2, c]
                    if mode == "max":
                        value = np.max(window)
                    elif slip("avg_pool_no_divide"):
                        value = np.sum(window)
                    elif (
                        slip("avg_pool_divided_wrongly") or "sum" in summed
                    ):
                        value = np.sum(window) / divide
                    else:
                        value = np.mean(
                            window
                        )  # of what the window holds: all channels, if it took them
                    if slip("pool_stride_on_output"):
                        A[e, i * s1, j * s2, c] = value
                    else:
                        A[e, i, j, c] = value
    return A


# -- convolution backward ---------------------------------------------------------------------------


def conv_backward(dZ, A_prev, W, stride=1, padding=0, slips=None):
    """``(dA_prev, dW, db)`` of a convolution layer, with the mistakes ``slips`` made."""
    slip = (slips or {}).get
    (s1, s2), (p1, p2) = (
        as_pair(stride, "stride", minimum=1),
        as_pair(padding, "padding", minimum=0),
    )
    if slip("stride_one_number"):
        s2 = s1
    m, h, w, n_C_prev = A_prev.shape
    k1, k2, _, n_C = W.shape
    _, n_H, n_W, _ = dZ.shape
    f1, f2 = _window_shape(k1, k2, slip("backward_square_kernel"))
    Wf = W[:f1, :f2] if slip("backward_square_kernel") == "rows" else W
    f2 = Wf.shape[1] if slip("backward_square_kernel") == "rows" else f2
    K = Wf
    if slip("dA_not_turned"):
        # correlating with the unturned kernel is scattering the turned one
        K = Wf[::-1, ::-1]
    elif slip("dA_kernel_transposed"):
        if k1 != k2:
            return None
        K = Wf.transpose(1, 0, 2, 3)[::-1, ::-1]
    A_pad = _pad_input(A_prev, p1, p2, slip)
    if A_pad is None:
        return None
    float_type = np.result_type(dZ, A_prev, W, np.float64)
    # np.zeros_like(A_prev) gives dA the input's dtype; dW and db are made like W and b
    dA_pad = np.zeros(
        A_pad.shape,
        dtype=A_prev.dtype if slip("gradient_int_dtype") else float_type,
    )
    dW = np.zeros(W.shape, dtype=float_type)
    db = np.zeros(n_C, dtype=float_type)
    kept_c = {"last": n_C - 1, "first": 0}.get(slip("dA_no_channel_sum"))
    kept_e = {"last": m - 1, "first": 0}
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                r, q = (
                    (i, j)
                    if slip("dA_stride_ignored")
                    else (i * s1, j * s2)
                )
                rw, qw = (
                    (i, j)
                    if slip("dW_stride_ignored")
                    else (i * s1, j * s2)
                )
                for c in range(n_C):
                    d = dZ[e, i, j, c]
                    if slip("gradient_int_dtype") == "entry":
                        _add_entries(
                            dA_pad,
                            (
                                e,
                                slice(r, r + f1),
                                slice(q, q + f2),
                                slice(None),
                            ),
                            K[:, :, :, c] * d,
                        )
                    elif kept_c is None or c == kept_c:
                        dA_pad[e, r : r + f1, q : q + f2, :] += (
                            K[:, :, :, c] * d
                        )
                    if (
                        slip("dW_no_batch_sum") in (None, False)
                        or e == kept_e[slip("dW_no_batch_sum")]
                    ):
                        dW[:, :, :, c] += (
                            A_pad[e, rw : rw + f1, qw : qw + f2, :] * d
                        )
                    if (
                        slip("db_no_batch_sum") in (None, False)
                        or e == kept_e[slip("db_no_batch_sum")]
                    ):
                        db[c] += d
    dA = _crop(dA_pad, dZ, K, A_prev, (s1, s2), (p1, p2), (f1, f2), slip)
    if slip("dW_from_output"):
        if m != 1 or n_C_prev != 1 or n_C != 1:
            return None
        Z = conv_forward(A_prev, W, np.zeros(1), stride, padding)
        dW = np.array([[np.sum(Z[0, :, :, 0] * dZ[0, :, :, 0])]])[
            :, :, None, None
        ]
    if slip("dW_turned"):
        dW = dW[::-1, ::-1]
    if slip("dW_divided_by_m"):
        dW = dW / m
    if slip("db_missing"):
        db = np.zeros_like(db)
    elif slip("db_mean"):
        db = dZ.sum(axis=(0, 1, 2)) / (
            n_H * n_W * (m if slip("db_mean") == "all" else 1)
        )
    elif slip("db_batch_axis_kept"):
        db = dZ.sum(axis=(1, 2))
    elif slip("db_one_number"):
        db = np.sum(dZ)
    if slip("dA_valid_only"):
        dA = _valid(dZ, W, (s1, s2), dA)
        if dA is None:
            return None
    out = {"dA": dA, "dW": dW, "db": db}
    order = slip("return_order") or "dA, dW, db"
    return tuple(out[name] for name in order.split(", "))


def _crop(dA_pad, dZ, K, A_prev, strides, pads, window, slip):
    """``dA_prev`` from the gradient of the padded input, as the mistakes crop it."""
    (s1, s2), (p1, p2), (f1, f2) = strides, pads, window
    m, h, w, n_C_prev = A_prev.shape
    if slip("dA_padding_not_cropped"):
        return dA_pad if (p1, p2) != (0, 0) else dA_pad.copy()
    if slip("dA_crop_fixed"):
        return dA_pad[:, 1:-1, 1:-1, :]
    if slip("crop_empty_at_zero_padding"):
        if slip("crop_empty_at_zero_padding") == "returned":
            return dA_pad[:, p1:-p1, p2:-p2, :]
        dA = np.zeros(A_prev.shape, dtype=dA_pad.dtype)
        for e in range(m):
            dA[e, :, :, :] = dA_pad[e, p1:-p1, p2:-p2, :]
        return dA
    if slip("dA_last_example_only"):
        dA = np.zeros(A_prev.shape, dtype=dA_pad.dtype)
        dA[m - 1] = dA_pad[m - 1, p1 : p1 + h, p2 : p2 + w, :]
        return dA
    if slip("dA_cropped_too_early"):
        _, n_H, n_W, _ = dZ.shape
        L1, L2 = (n_H - 1) * s1 + f1, (n_W - 1) * s2 + f2
        short = dA_pad[:, :L1, :L2, :][:, p1 : L1 - p1, p2 : L2 - p2, :]
        dA = np.zeros(A_prev.shape, dtype=dA_pad.dtype)
        dA[:, : short.shape[1], : short.shape[2], :] = short
        return dA
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :]


def _valid(dZ, W, strides, right):
    # the 'valid' convolution of δ with the kernel: (n_H − k₁ + 1) × (n_W − k₂ + 1) entries
    (k1, k2), (m, n_H, n_W, _) = W.shape[:2], dZ.shape
    if strides != (1, 1) or n_H < k1 or n_W < k2:
        return None
    out = np.zeros(
        (m, n_H - k1 + 1, n_W - k2 + 1, W.shape[2]),
        dtype=np.result_type(dZ, W, np.float64),
    )
    turned = W[::-1, ::-1]
    for e, i, j in np.ndindex(m, n_H - k1 + 1, n_W - k2 + 1):
        out[e, i, j, :] = np.einsum(
            "uvc,uvdc->d", dZ[e, i : i + k1, j : j + k2, :], turned
        )
    return out


# -- pooling backward -------------------------------------------------------------------------------


def pool_backward(dA, A_prev, size, stride=None, mode="max", slips=None):
    """``dA_prev`` of a pooling layer, with the mistakes ``slips`` made."""
    slip = (slips or {}).get
    k1, k2 = as_pair(size, "size", minimum=1)
    s1, s2 = as_pair(
        stride if stride is not None else size, "stride", minimum=1
    )
    if slip("stride_one_number"):
        s2 = s1
    m, n_H, n_W, C = dA.shape
    dtype = (
        A_prev.dtype
        if slip("gradient_int_dtype")
        else np.result_type(dA, np.float64)
    )
    dA_prev = np.zeros(A_prev.shape, dtype=dtype)
    if slip("max_grad_empty") == "both":
        return dA_prev
    assign = slip("overlap_assigned") == "both" or (
        slip("overlap_assigned") == "max" and mode == "max"
    )
    assign_entry = (
        slip("overlap_assigned") == "entry" and mode == "max"
    )  # dx[.., r + u, q + v, ..] = δ
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                r, q = (
                    (i, j)
                    if slip("pool_grad_stride_ignored")
                    else (i * s1, j * s2)
                )
                for c in range(C):
                    d = dA[e, i, j, c]
                    if mode == "avg":
                        sent = _avg_share(d, k1, k2, slip)
                    else:
                        if slip("max_grad_empty"):
                            continue
                        window = (
                            A_prev[e, r : r + k1, q : q + k2, :]
                            if slip("pool_grad_all_channels")
                            else None
                        )
                        window = (
                            A_prev[e, r : r + k1, q : q + k2, c]
                            if window is None
                            else window.max(axis=2)
                        )
                        if slip("grad_read_at_input_position"):
                            u, v = divmod(
                                int(np.argmax(window)), window.shape[1]
                            )
                            d = dA[e, r + u, q + v, c]
                        sent = _route(
                            window, 1 if slip("max_grad_one") else d, slip
                        )
                    if assign_entry:
                        u, v = divmod(
                            int(
                                np.argmax(
                                    A_prev[e, r : r + k1, q : q + k2, c]
                                )
                            ),
                            k2,
                        )
                        dA_prev[e, r + u, q + v, c] = d
                    elif assign:
                        dA_prev[e, r : r + k1, q : q + k2, c] = sent
                    elif slip("gradient_int_dtype") == "entry":
                        _add_entries(
                            dA_prev,
                            (e, slice(r, r + k1), slice(q, q + k2), c),
                            sent,
                        )
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += sent
    return dA_prev


def _add_entries(target, index, values):
    """``target[index] += values`` one entry at a time, as ``dx[n, c, i, j] += g`` does: an integer ``target``
    keeps each sum's whole part, where the slice's ``+=`` raises."""
    view = target[index]
    values = np.broadcast_to(values, view.shape)
    for at in np.ndindex(view.shape):
        view[at] = view[at] + values[at]


def _avg_share(d, k1, k2, slip):
    """What one average-pooling window sends back to its entries."""
    how = slip("avg_grad_divided_wrongly")
    if how == "shape":
        return np.multiply(
            d, (k1, k2)
        )  # δ times the window's shape: [δk₁, δk₂], broadcast along the rows
    if slip("avg_grad_no_divide"):
        share = d
    elif slip("avg_grad_no_delta"):
        share = 1 / (k1 * k2)
    elif how == "times":
        share = d * (k1 * k2)
    else:
        share = d / {"rows": k1 * k1, "columns": k2 * k2}.get(how, k1 * k2)
    return np.full((k1, k2), share)


def _route(window, d, slip):
    """What one max-pooling window sends back to its entries."""
    at_max = window == window.max()
    if slip("mask_is_max_value"):
        return np.full(window.shape, window.max()) * d
    if slip("ties_all_maxima"):
        return at_max * d
    if slip("ties_split"):
        return at_max * (d / at_max.sum())
    sent = np.zeros(
        window.shape, dtype=np.result_type(d)
    )  # as mask * d: an integer δ stays an integer
    if slip("ties_last"):
        sent.flat[np.flatnonzero(at_max)[-1]] = d
    elif slip("ties_column_major"):
        v, u = divmod(int(np.argmax(at_max.T)), window.shape[0])
        sent[u, v] = d
    elif slip("argmax_unravel_wrong_side"):
        k = int(np.argmax(window))
        u, v = divmod(
            k, window.shape[0]
        )  # k1 where the row length k2 belongs
        if slip("argmax_unravel_wrong_side") == "unravel":
            u, v = np.unravel_index(k, window.shape[::-1])
        sent[u, v] = d
    else:
        sent.flat[int(np.argmax(window))] = d
    return sent
