"""Students of transposed_conv_forward (chapter 11)."""

import numpy as np

import cnnlib

NAME = "transposed_conv_forward"


def _two(x):
    return (x, x) if isinstance(x, int) else tuple(x)


def as_backward(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, _ = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1, (n_W - 1) * s2 - 2 * p2 + k2
    A = np.zeros((m, H, W_out, n_C_out))
    return cnnlib.conv_backward(X, A, W, stride, padding)[0] + b


def loops(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, n_C = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1, (n_W - 1) * s2 - 2 * p2 + k2
    Y_pad = np.zeros((m, H + 2 * p1, W_out + 2 * p2, n_C_out))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    for c_out in range(n_C_out):
                        for u in range(k1):
                            for v in range(k2):
                                Y_pad[e, i * s1 + u, j * s2 + v, c_out] += X[e, i, j, c] * W[u, v, c_out, c]
    return Y_pad[:, p1 : p1 + H, p2 : p2 + W_out, :] + b


def spread_out(X, W, b, stride=1, padding=0):
    # the stride-1 convolution of X with s - 1 zeros between its entries, padded by k - 1 - p
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, n_C = W.shape
    m, n_H, n_W, _ = X.shape
    spread = np.zeros((m, (n_H - 1) * s1 + 1, (n_W - 1) * s2 + 1, n_C))
    spread[:, ::s1, ::s2] = X
    framed = np.pad(spread, ((0, 0), (k1 - 1 - p1,) * 2, (k2 - 1 - p2,) * 2, (0, 0)))
    turned = W[::-1, ::-1].transpose(0, 1, 3, 2)  # (k1, k2, n_C, n_C_out)
    H, W_out = framed.shape[1] - k1 + 1, framed.shape[2] - k2 + 1
    Y = np.zeros((m, H, W_out, n_C_out))
    for u in range(k1):
        for v in range(k2):
            Y += framed[:, u : u + H, v : v + W_out, :] @ turned[u, v]
    return Y + b


def forgets_bias(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, _ = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1, (n_W - 1) * s2 - 2 * p2 + k2
    return cnnlib.conv_backward(X, np.zeros((m, H, W_out, n_C_out)), W, stride, padding)[0]


def _scatter(X, W, s1, s2, rows, cols):
    k1, k2, n_C_out, _ = W.shape
    m, n_H, n_W, _ = X.shape
    Y = np.zeros((m, rows, cols, n_C_out))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                Y[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2] += np.einsum("uvoc,c->uvo", W, X[e, i, j])
    return Y


def keeps_padding(X, W, b, stride=1, padding=0):
    s1, s2 = _two(stride)
    k1, k2 = W.shape[:2]
    n_H, n_W = X.shape[1:3]
    Y = _scatter(X, W, s1, s2, (n_H - 1) * s1 + k1, (n_W - 1) * s2 + k2)
    return Y + b


def crops_the_end(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2 = W.shape[:2]
    n_H, n_W = X.shape[1:3]
    Y = _scatter(X, W, s1, s2, (n_H - 1) * s1 + k1, (n_W - 1) * s2 + k2)
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1, (n_W - 1) * s2 - 2 * p2 + k2
    return Y[:, :H, :W_out] + b


def turns_kernel(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, _ = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1, (n_W - 1) * s2 - 2 * p2 + k2
    A = np.zeros((m, H, W_out, n_C_out))
    return cnnlib.conv_backward(X, A, np.flip(W, (0, 1)), stride, padding)[0] + b


def one_too_many(X, W, b, stride=1, padding=0):
    # the output size with + 1, as the convolution's
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, _ = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1 + 1, (n_W - 1) * s2 - 2 * p2 + k2 + 1
    return cnnlib.conv_backward(X, np.zeros((m, H, W_out, n_C_out)), W, stride, padding)[0] + b


def n_times_s(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2 = W.shape[:2]
    n_H, n_W = X.shape[1:3]
    Y = _scatter(X, W, s1, s2, n_H * s1 + k1, n_W * s2 + k2)
    return Y[:, p1 : Y.shape[1] - p1, p2 : Y.shape[2] - p2] + b


def other_channel_axis(X, W, b, stride=1, padding=0):
    (s1, s2), (p1, p2) = _two(stride), _two(padding)
    k1, k2, n_C_out, n_C = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (n_H - 1) * s1 - 2 * p1 + k1, (n_W - 1) * s2 - 2 * p2 + k2
    Y_pad = np.zeros((m, H + 2 * p1, W_out + 2 * p2, n_C_out))
    for e, i, j, c, c_out, u, v in np.ndindex(m, n_H, n_W, n_C, n_C_out, k1, k2):
        Y_pad[e, i * s1 + u, j * s2 + v, c_out] += X[e, i, j, c] * W[u, v, c, c_out]
    return Y_pad[:, p1 : p1 + H, p2 : p2 + W_out] + b


CORRECT = [as_backward, loops, spread_out]
WRONG = {
    "tconv_no_bias": forgets_bias,
    "tconv_not_cropped": keeps_padding,
    "tconv_cropped_at_the_end": crops_the_end,
    "tconv_kernel_turned": turns_kernel,
    "tconv_size_plus_one": one_too_many,
    "tconv_size_without_minus_one": n_times_s,
    "tconv_channels_swapped": other_channel_axis,
}
