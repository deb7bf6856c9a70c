"""Students of grouped_conv_forward (chapter 12)."""

import numpy as np

NAME = "grouped_conv_forward"


def _pair(x):
    return (x, x) if np.ndim(x) == 0 else tuple(x)


def _prepare(A_prev, W, stride, padding):
    (s1, s2), (p1, p2) = _pair(stride), _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, _ = W.shape
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    return A_pad, (s1, s2), (m, n_H, n_W)


def _loops(A_prev, W, b, stride, padding, first_channel, bias_times=1):
    """The loops of a student, with the input channel block of output channel c starting at first_channel(c)."""
    A_pad, (s1, s2), (m, n_H, n_W) = _prepare(A_prev, W, stride, padding)
    k1, k2, C_g, n_C = W.shape
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    start = first_channel(c)
                    window = A_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, start : start + C_g]
                    Z[e, i, j, c] = np.sum(window * W[:, :, :, c])
                    for _ in range(bias_times):
                        Z[e, i, j, c] += b[c]
    return Z


# -- right ---------------------------------------------------------------------------------------------


def loops(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g, n_C = W.shape[2:]
    per_group = n_C // groups
    return _loops(A_prev, W, b, stride, padding, lambda c: (c // per_group) * C_g)


def group_by_group(A_prev, W, b, stride=1, padding=0, groups=1):
    # each group an ordinary convolution of its own channels, written with a window view and einsum
    A_pad, (s1, s2), (m, n_H, n_W) = _prepare(A_prev, W, stride, padding)
    k1, k2, C_g, n_C = W.shape
    out_g = n_C // groups
    windows = np.lib.stride_tricks.sliding_window_view(A_pad, (k1, k2), axis=(1, 2))
    windows = windows[:, : n_H * s1 : s1, : n_W * s2 : s2]  # (m, n_H, n_W, n_C_prev, k1, k2)
    parts = []
    for g in range(groups):
        mine = windows[:, :, :, g * C_g : (g + 1) * C_g]
        weights = W[:, :, :, g * out_g : (g + 1) * out_g]
        parts.append(np.einsum("eijcuv,uvcd->eijd", mine, weights))
    return np.concatenate(parts, axis=-1) + b


def dense_weights(A_prev, W, b, stride=1, padding=0, groups=1):
    # the block-diagonal dense weight, then an ordinary convolution
    k1, k2, C_g, n_C = W.shape
    out_g = n_C // groups
    W_dense = np.zeros((k1, k2, C_g * groups, n_C), dtype=W.dtype)
    for g in range(groups):
        W_dense[:, :, g * C_g : (g + 1) * C_g, g * out_g : (g + 1) * out_g] = W[:, :, :, g * out_g : (g + 1) * out_g]
    A_pad, (s1, s2), (m, n_H, n_W) = _prepare(A_prev, W, stride, padding)
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for i in range(n_H):
        for j in range(n_W):
            window = A_pad[:, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
            Z[:, i, j, :] = np.tensordot(window, W_dense, axes=3) + b
    return Z


# -- wrong ---------------------------------------------------------------------------------------------


def group_is_c_mod_G(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g = W.shape[2]
    return _loops(A_prev, W, b, stride, padding, lambda c: (c % groups) * C_g)


def every_group_from_zero(A_prev, W, b, stride=1, padding=0, groups=1):
    A_pad, (s1, s2), (m, n_H, n_W) = _prepare(A_prev, W, stride, padding)
    k1, k2, C_g, n_C = W.shape
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for c in range(n_C):
        for i in range(n_H):
            for j in range(n_W):
                window = A_pad[:, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :C_g]
                Z[:, i, j, c] = (window * W[:, :, :, c]).sum(axis=(1, 2, 3)) + b[c]
    return Z


def group_from_C_g(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g = W.shape[2]
    return _loops(A_prev, W, b, stride, padding, lambda c: (c // C_g) * C_g)


def start_from_out_block(A_prev, W, b, stride=1, padding=0, groups=1):
    n_C = W.shape[3]
    out_g = n_C // groups
    return _loops(A_prev, W, b, stride, padding, lambda c: (c // out_g) * out_g)


def bias_in_group_loop(A_prev, W, b, stride=1, padding=0, groups=1):
    A_pad, (s1, s2), (m, n_H, n_W) = _prepare(A_prev, W, stride, padding)
    k1, k2, C_g, n_C = W.shape
    out_g = n_C // groups
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for g in range(groups):
        for c in range(g * out_g, (g + 1) * out_g):
            for i in range(n_H):
                for j in range(n_W):
                    window = A_pad[:, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, g * C_g : (g + 1) * C_g]
                    Z[:, i, j, c] += np.sum(window * W[..., c], axis=(1, 2, 3))
        Z += b  # one level too deep: once per group
    return Z


def ordinary_conv(A_prev, W, b, stride=1, padding=0, groups=1):
    # chapter 03's forward pass, groups left alone
    A_pad, (s1, s2), (m, n_H, n_W) = _prepare(A_prev, W, stride, padding)
    k1, k2, _, n_C = W.shape
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for e, i, j, c in np.ndindex(Z.shape):
        window = A_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
        Z[e, i, j, c] = np.sum(window * W[:, :, :, c]) + b[c]
    return Z


CORRECT = [loops, group_by_group, dense_weights]
WRONG = {
    "grp_interleaved": group_is_c_mod_G,
    "grp_first_block": every_group_from_zero,
    "grp_group_by_input_size": group_from_C_g,
    "grp_offset_by_output_size": start_from_out_block,
    "grp_bias_per_group": bias_in_group_loop,
    "grp_groups_ignored": ordinary_conv,
}
