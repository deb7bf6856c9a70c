"""Student answers to cnnlib.exercises, for tests/test_exercises.py.

Plain Python and numpy, written the way students write them: loops over
indices, slices, now and then ``einsum``. Nothing here imports
``cnnlib.exercises``; the correct answers also include cnnlib's own functions.

- ``WRONG``: ``{mistake key: (exercise name, function)}``, one function per
  catalogued mistake, each committing that mistake and nothing else;
- ``CORRECT``: ``{exercise name: [functions]}``, right answers written differently;
- ``BAD``: ``{label: (function, words the report may use)}``, conv_forward
  answers that misbehave (raise, return None or junk, change their input,
  never return);
- ``ODD``: ``{label: (exercise name, function, message key)}``, answers that go
  wrong in other ways (a value passed for the function, the wrong type or
  number of results, a loop or an index off), each with a key of the
  checker's messages (``cnnlib/exercises/en.py``) its report must use.
"""

import math
import time

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

import cnnlib

# ---------------------------------------------------------------------------
# small helpers (correct ones) shared by the answers below


def _pair(x):
    """An int or a pair -> a pair of ints."""
    if isinstance(x, (tuple, list)):
        return int(x[0]), int(x[1])
    return int(x), int(x)


def _pad4(A, p1, p2):
    """Zero-pad the two spatial axes of an (m, h, w, c) array."""
    return np.pad(A, ((0, 0), (p1, p1), (p2, p2), (0, 0)))


def _pool_params(size, stride):
    k1, k2 = _pair(size)
    s1, s2 = (k1, k2) if stride is None else _pair(stride)
    return k1, k2, s1, s2


def _fit(X, n1, n2):
    """Zero-extend (or cut) the spatial axes of an (m, a, b, c) array at their end to (m, n1, n2, c)."""
    out = np.zeros((X.shape[0], n1, n2, X.shape[3]), dtype=X.dtype)
    a, b = min(n1, X.shape[1]), min(n2, X.shape[2])
    out[:, :a, :b, :] = X[:, :a, :b, :]
    return out


def _dilate(dZ, s1, s2):
    """Insert s-1 zeros between the rows (columns) of dZ: shape (m, (n_H-1)*s1 + 1, (n_W-1)*s2 + 1, n_C)."""
    m, n_H, n_W, n_C = dZ.shape
    D = np.zeros((m, (n_H - 1) * s1 + 1, (n_W - 1) * s2 + 1, n_C), dtype=dZ.dtype)
    D[:, ::s1, ::s2, :] = dZ
    return D


def _correlate_dZ(D, K, pad1, pad2):
    """out[e, x, y, c'] = sum_{u, v, c} D_pad[e, x+u, y+v, c] K[u, v, c', c], D zero-padded by (pad1, pad2)."""
    a, b = K.shape[:2]
    Dp = _pad4(D, pad1, pad2)
    L1, L2 = max(0, Dp.shape[1] - a + 1), max(0, Dp.shape[2] - b + 1)
    out = np.zeros((D.shape[0], L1, L2, K.shape[2]), dtype=float)
    if L1 == 0 or L2 == 0:
        return out
    for u in range(a):
        for v in range(b):
            out += np.einsum("mxyc,dc->mxyd", Dp[:, u : u + L1, v : v + L2, :], K[u, v])
    return out


def _forward_loops(A_prev, W, b, stride=1, padding=0):
    """A correct conv_forward, used inside some wrong answers for the parts they get right."""
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C), dtype=float)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
                    Z[e, i, j, c] = np.sum(window * W[:, :, :, c]) + b[c]
    return Z


def _backward_loops(dZ, A_prev, W, stride=1, padding=0):
    """A correct conv_backward with loops: (dA_prev, dW, db, dA_pad)."""
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    _, n_H, n_W, _ = dZ.shape
    A_pad = _pad4(A_prev, p1, p2)
    dA_pad = np.zeros(A_pad.shape, dtype=float)
    dW = np.zeros(W.shape, dtype=float)
    db = np.zeros(n_C, dtype=float)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                r, q = i * s1, j * s2
                for c in range(n_C):
                    g = dZ[e, i, j, c]
                    dA_pad[e, r : r + k1, q : q + k2, :] += g * W[:, :, :, c]
                    dW[:, :, :, c] += g * A_pad[e, r : r + k1, q : q + k2, :]
                    db[c] += g
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, db, dA_pad


# ===========================================================================
# A. wrong answers, one mistake each
# ---------------------------------------------------------------------------
# rot180


def rot180_transposed(K):
    return np.array(K).T


def rot180_rows_only(K):
    K = np.asarray(K)
    k1 = K.shape[0]
    return np.array([K[k1 - 1 - u] for u in range(k1)])


def rot180_columns_only(K):
    return np.asarray(K)[:, ::-1]


# ---------------------------------------------------------------------------
# correlate2d


def correlate_turned_kernel(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 1, w - k2 + 1))
    for i in range(h - k1 + 1):
        for j in range(w - k2 + 1):
            for u in range(k1):
                for v in range(k2):
                    out[i, j] += I[i + u, j + v] * K[k1 - 1 - u, k2 - 1 - v]
    return out


def correlate_full_output(I, K):
    k1, k2 = K.shape
    P = np.pad(I, ((k1 - 1, k1 - 1), (k2 - 1, k2 - 1)))
    windows = sliding_window_view(P, (k1, k2))
    return np.einsum("ijuv,uv->ij", windows, K)


def correlate_extra_row(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 2, w - k2 + 2))
    for i in range(h - k1 + 2):  # 0 .. h-k1+1
        for j in range(w - k2 + 2):
            total = 0
            for u in range(k1):
                for v in range(k2):
                    if i + u < h and j + v < w:  # past the image: zero
                        total += I[i + u, j + v] * K[u, v]
            out[i, j] = total
    return out


# ---------------------------------------------------------------------------
# convolve2d


def convolve_not_turned(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    P = np.zeros((h + 2 * (k1 - 1), w + 2 * (k2 - 1)))
    P[k1 - 1 : k1 - 1 + h, k2 - 1 : k2 - 1 + w] = I
    out = np.zeros((h + k1 - 1, w + k2 - 1))
    for i in range(h + k1 - 1):
        for j in range(w + k2 - 1):
            out[i, j] = np.sum(P[i : i + k1, j : j + k2] * K)
    return out


def convolve_valid_only(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    R = K[::-1, ::-1]
    out = np.zeros((max(0, h - k1 + 1), max(0, w - k2 + 1)))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(I[i : i + k1, j : j + k2] * R)
    return out


def convolve_kernel_transposed(I, K):
    T = K.T  # meant to be the kernel turned by 180 degrees
    a, b = T.shape
    P = np.pad(I, ((a - 1, a - 1), (b - 1, b - 1)))
    return np.einsum("ijuv,uv->ij", sliding_window_view(P, (a, b)), T)


def convolve_extra_row(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h + k1, w + k2))
    for i in range(h + k1):  # 0 .. h+k1-1
        for j in range(w + k2):
            for u in range(k1):
                for v in range(k2):
                    if 0 <= i - u < h and 0 <= j - v < w:
                        out[i, j] += I[i - u, j - v] * K[u, v]
    return out


# ---------------------------------------------------------------------------
# output_size


def size_no_floor(n, f, p=0, s=1, d=1):
    return (n + 2 * p - f) / s + 1


def size_ceil(n, f, p=0, s=1, d=1):
    return math.ceil((n + 2 * p - f) / s) + 1


def size_no_plus_one(n, f, p=0, s=1, d=1):
    return (n + 2 * p - f) // s


def size_one_p(n, f, p=0, s=1, d=1):
    return (n + p - f) // s + 1


# ---------------------------------------------------------------------------
# conv_forward


def forward_turned_kernel(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    W_turned = W[::-1, ::-1, :, :]  # "convolution means turning the kernel"
    return _forward_loops(A_prev, W_turned, b, stride, padding)


def forward_no_bias(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    windows = sliding_window_view(A_pad, (k1, k2), axis=(1, 2))[:, ::s1, ::s2][:, :n_H, :n_W]
    return np.einsum("mhwcuv,uvcd->mhwd", windows, W)


def forward_last_channel_only(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, C = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    for cp in range(C):
                        window = A_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, cp]
                        Z[e, i, j, c] = np.sum(window * W[:, :, cp, c])  # = instead of +=
                    Z[e, i, j, c] += b[c]
    return Z


def forward_window_not_strided(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                window = A_pad[e, i : i + k1, j : j + k2, :]  # forgot the stride here
                Z[e, i, j, :] = np.tensordot(window, W, axes=([0, 1, 2], [0, 1, 2])) + b
    return Z


def forward_square_kernel(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    f = W.shape[0]  # the book's f x f kernel
    n_C = W.shape[3]
    Wf = W[:f, :f]  # (f, min(f, k2)) when k2 < f
    fw = Wf.shape[1]
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - f) // s1 + 1, max(0, (w + 2 * p2 - f) // s2 + 1)
    Z = np.zeros((m, n_H, n_W, n_C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_pad[e, i * s1 : i * s1 + f, j * s2 : j * s2 + fw, :]
                    Z[e, i, j, c] = np.sum(window * Wf[:, :, :, c]) + b[c]
    return Z


def forward_pads_output(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    n_H, n_W = max(0, (h - k1) // s1 + 1), max(0, (w - k2) // s2 + 1)
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(n_H):
        for j in range(n_W):
            window = A_prev[:, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
            Z[:, i, j, :] = np.einsum("muvc,uvcd->md", window, W) + b
    return np.pad(Z, ((0, 0), (p1, p1), (p2, p2), (0, 0)))  # the padding, on the output


# ---------------------------------------------------------------------------
# pool_forward


def pool_stride_is_size(A_prev, size, stride=None, mode="max"):
    k1, k2 = _pair(size)  # windows side by side: a(i*k1 + u, j*k2 + v)
    m, h, w, C = A_prev.shape
    n_H, n_W = (h - k1) // k1 + 1, (w - k2) // k2 + 1
    A = np.zeros((m, n_H, n_W, C))
    for i in range(n_H):
        for j in range(n_W):
            window = A_prev[:, i * k1 : i * k1 + k1, j * k2 : j * k2 + k2, :]
            A[:, i, j, :] = window.max(axis=(1, 2)) if mode == "max" else window.mean(axis=(1, 2))
    return A


def avg_pool_no_divide(A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, h, w, C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    A = np.zeros((m, n_H, n_W, C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    window = A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c]
                    A[e, i, j, c] = np.max(window) if mode == "max" else np.sum(window)
    return A


def pool_mode_ignored(A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    windows = sliding_window_view(A_prev, (k1, k2), axis=(1, 2))[:, ::s1, ::s2]
    return windows.max(axis=(-2, -1))


# ---------------------------------------------------------------------------
# conv_backward


def dW_from_output(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, _, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    Z = _forward_loops(A_prev, W, np.zeros(W.shape[3]), stride, padding)  # a^[l], no activation
    # dW = correlate2d(a^[l], delta): Z and dZ have the same size, so a 1x1 result per pair of channels
    dW = np.einsum("eijd,eijc->dc", Z, dZ)[None, None]
    return dA_prev, dW, db


def db_missing(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, _, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, dW, np.zeros(W.shape[3])


def _dA_by_correlation(dZ, A_shape, K, stride, padding):
    """dA_prev as the 'full' correlation of the stride-dilated dZ with K, grown to n + 2p, padding cropped."""
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    _, h, w, _ = A_shape
    a, b = K.shape[:2]
    full = _correlate_dZ(_dilate(dZ, s1, s2), K, a - 1, b - 1)
    full = _fit(full, h + 2 * p1, w + 2 * p2)
    return full[:, p1 : p1 + h, p2 : p2 + w, :]


def dA_not_turned(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    _, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    dA_prev = _dA_by_correlation(dZ, A_prev.shape, W, stride, padding)  # should be W turned by 180
    return dA_prev, dW, db


def dA_kernel_transposed(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    _, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    W_T = np.transpose(W, (1, 0, 2, 3))  # meant to be W turned by 180
    dA_prev = _dA_by_correlation(dZ, A_prev.shape, W_T, stride, padding)
    return dA_prev, dW, db


def dA_valid_only(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    _, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    dA_prev = _correlate_dZ(_dilate(dZ, s1, s2), W[::-1, ::-1], 0, 0)  # no padding of dZ: 'valid'
    return dA_prev, dW, db


def dW_turned(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, dW[::-1, ::-1].copy(), db


def db_mean(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, _, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, dW, dZ.mean(axis=(0, 1, 2))


def dA_no_channel_sum(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    _, n_H, n_W, _ = dZ.shape
    _, dW, db, dA_pad = _backward_loops(dZ, A_prev, W, stride, padding)
    for c in range(n_C):
        from_c = np.zeros(dA_pad.shape)
        for e in range(m):
            for i in range(n_H):
                for j in range(n_W):
                    from_c[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :] += dZ[e, i, j, c] * W[:, :, :, c]
        dA_pad = from_c  # = instead of +=: only the last output channel is kept
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, db


def dW_no_batch_sum(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, _, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    _, dW, _, _ = _backward_loops(dZ[:1], A_prev[:1], W, stride, padding)  # example 0 only
    return dA_prev, dW, db


def db_no_batch_sum(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, _, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, dW, dZ[0].sum(axis=(0, 1))


def dA_stride_ignored(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    _, n_H, n_W, _ = dZ.shape
    _, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    dA_pad = np.zeros((m, h + 2 * p1, w + 2 * p2, A_prev.shape[3]))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    dA_pad[e, i : i + k1, j : j + k2, :] += dZ[e, i, j, c] * W[:, :, :, c]  # at (i, j)
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, db


def dW_stride_ignored(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    _, n_H, n_W, _ = dZ.shape
    dA_prev, _, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    A_pad = _pad4(A_prev, p1, p2)
    dW = np.zeros(W.shape)
    for u in range(k1):
        for v in range(k2):
            dW[u, v] = np.einsum("mhwc,mhwd->cd", A_pad[:, u : u + n_H, v : v + n_W, :], dZ)  # no stride
    return dA_prev, dW, db


def dA_padding_not_cropped(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    _, dW, db, dA_pad = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_pad, dW, db


def dA_cropped_too_early(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    _, h, w, _ = A_prev.shape
    k1, k2 = W.shape[:2]
    _, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    full = _correlate_dZ(_dilate(dZ, s1, s2), W[::-1, ::-1], k1 - 1, k2 - 1)  # (n_H-1)*s + k rows
    L1, L2 = full.shape[1:3]
    cropped = full[:, p1 : max(L1 - p1, p1), p2 : max(L2 - p2, p2), :]  # p off both ends of the short result
    return _fit(cropped, h, w), dW, db


# ---------------------------------------------------------------------------
# pool_backward


def _pool_backward_loops(dA, A_prev, size, stride, mode, route):
    """Pool backward with loops; ``route(window, g)`` gives the max-pool gradient of one window."""
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    window = A_prev[e, r : r + k1, q : q + k2, c]
                    if mode == "max":
                        dA_prev[e, r : r + k1, q : q + k2, c] += route(window, dA[e, i, j, c])
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def _first_max(window, g):
    out = np.zeros(window.shape)
    u, v = np.unravel_index(np.argmax(window), window.shape)
    out[u, v] = g
    return out


def max_grad_one(dA, A_prev, size, stride=None, mode="max"):
    return _pool_backward_loops(dA, A_prev, size, stride, mode, lambda window, g: _first_max(window, 1))


def max_grad_empty(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    if mode == "max":
                        window = A_prev[e, r : r + k1, q : q + k2, c]
                        # the source's range: u from r to r - 1, empty
                        for u in range(r, r + k1 - k1):
                            for v in range(q, q + k2):
                                if A_prev[e, u, v, c] == window.max():
                                    dA_prev[e, u, v, c] += dA[e, i, j, c]
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def avg_grad_no_divide(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(n_H):
        for j in range(n_W):
            r, q = i * s1, j * s2
            if mode == "max":
                window = A_prev[:, r : r + k1, q : q + k2, :].reshape(m, k1 * k2, C)
                first = np.argmax(window, axis=1)  # (m, C)
                for e in range(m):
                    for c in range(C):
                        u, v = divmod(int(first[e, c]), k2)
                        dA_prev[e, r + u, q + v, c] += dA[e, i, j, c]
            else:
                dA_prev[:, r : r + k1, q : q + k2, :] += dA[:, i : i + 1, j : j + 1, :]  # no 1/(k1*k2)
    return dA_prev


def avg_grad_no_delta(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    if mode == "max":
                        window = A_prev[e, r : r + k1, q : q + k2, c]
                        dA_prev[e, r : r + k1, q : q + k2, c] += _first_max(window, dA[e, i, j, c])
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += 1 / (k1 * k2)  # forgot dA
    return dA_prev


def _split(window, g):
    mask = window == np.max(window)
    return mask * g / mask.sum()


def ties_split(dA, A_prev, size, stride=None, mode="max"):
    return _pool_backward_loops(dA, A_prev, size, stride, mode, _split)


def ties_all_maxima(dA, A_prev, size, stride=None, mode="max"):
    return _pool_backward_loops(dA, A_prev, size, stride, mode, lambda window, g: (window == window.max()) * g)


def _last_max(window, g):
    flat = window.ravel()
    last = flat.size - 1 - int(np.argmax(flat[::-1]))
    out = np.zeros(flat.size)
    out[last] = g
    return out.reshape(window.shape)


def ties_last(dA, A_prev, size, stride=None, mode="max"):
    return _pool_backward_loops(dA, A_prev, size, stride, mode, _last_max)


def overlap_assigned(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    window = A_prev[e, r : r + k1, q : q + k2, c]
                    if mode == "max":
                        routed = _first_max(window, dA[e, i, j, c])
                    else:
                        routed = np.full((k1, k2), dA[e, i, j, c] / (k1 * k2))
                    dA_prev[e, r : r + k1, q : q + k2, c] = routed  # = instead of +=
    return dA_prev


# ---------------------------------------------------------------------------
# mistakes found in real students' code (issue 22): output_size


def size_rounded(n, f, p=0, s=1, d=1):
    return round((n + 2 * p - f) / s) + 1  # to the nearest, not down


def size_same_padding(n, f, p=0, s=1, d=1):
    return math.ceil(n / s)  # the 'same' formula, whatever f and p


# conv_forward, written as the deeplearning.ai notebooks are: pad, slice a window, multiply


def _forward_student(A_prev, W, b, stride, padding, *, window_at=None, kernel_of=None, bias=None,
                     examples=None, out_dtype=float, swap=False):  # fmt: skip
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    if swap:
        n_H, n_W = n_W, n_H
    Z = np.zeros((m, n_H, n_W, n_C), dtype=out_dtype)
    for e in range(m if examples is None else examples):
        for i in range(n_H):
            for j in range(n_W):
                r, q = (i * s1, j * s2) if window_at is None else window_at(i, j, s1, s2)
                for c in range(n_C):
                    window = A_pad[e, r : r + k1, q : q + k2, :]
                    kernel = W[:, :, :, c] if kernel_of is None else kernel_of(W, c)
                    Z[e, i, j, c] = np.sum(window * kernel) + b[c] if bias is None else bias(window, kernel, b[c])
    return Z


def forward_bias_every_product(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return _forward_student(A_prev, W, b, stride, padding, bias=lambda a, k, bias: np.sum(a * k + bias))


def forward_one_filter(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return _forward_student(A_prev, W, b, stride, padding, kernel_of=lambda W, c: W[:, :, :, 0])


def forward_first_example_only(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return _forward_student(A_prev, W, b, stride, padding, examples=1)  # for e in range(1)


def forward_output_axes_swapped(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return _forward_student(A_prev, W, b, stride, padding, swap=True)  # n_H from the width, n_W from the height


def forward_int_output(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return _forward_student(A_prev, W, b, stride, padding, out_dtype=A_prev.dtype)  # np.zeros_like's dtype


def stride_one_number(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s = stride[0] if isinstance(stride, tuple) else stride  # one number for both axes
    return _forward_student(A_prev, W, b, (s, s), padding)


def float_of_array(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    b4 = b.reshape(1, 1, 1, -1)  # the bias as deeplearning.ai stores it
    return _forward_student(A_prev, W, b, stride, padding,
                            bias=lambda a, k, _: np.sum(a * k) + float(b4[:, :, :, 0:1]))  # fmt: skip


def array_into_scalar_entry(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    b4 = b.reshape(1, 1, 1, -1)
    Z = _forward_student(A_prev, W, b, stride, padding)
    Z[0, 0, 0, 0] = np.sum(A_prev[0, :1, :1, :]) + b4[:, :, :, 0]  # a (1, 1, 1) array into one entry
    return Z


def ragged_array(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    b4 = b.reshape(1, 1, 1, -1)
    return _forward_student(A_prev, W, b, stride, padding, bias=lambda a, k, _: np.sum([np.sum(a * k), b4[..., :1]]))


def pair_hparameters_unsupported(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = np.pad(A_prev, ((0, 0), (padding, padding), (padding, padding), (0, 0)))  # padding as one number
    n_H, n_W = (h + 2 * padding - k1) // stride + 1, (w + 2 * padding - k2) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(n_H):
        for j in range(n_W):
            window = A_pad[:, i * stride : i * stride + k1, j * stride : j * stride + k2, :]
            Z[:, i, j, :] = np.einsum("muvc,uvcd->md", window, W) + b
    return Z


def name_undefined(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    if padding:
        A_pad = _pad4(A_prev, *_pair(padding))
    return _forward_loops(A_pad, W, b, stride, 0)  # A_pad is set only when there is padding


def leftover_rows_refused(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, _ = _pair(stride)
    p1, _ = _pair(padding)
    assert (A_prev.shape[1] + 2 * p1 - W.shape[0]) % s1 == 0, "the windows must fit exactly"
    return _forward_loops(A_prev, W, b, stride, padding)


# pool_forward


def _pool_student(A_prev, size, stride, mode, *, sizes=None, window_at=None, take=None, divide=None,
                  out_dtype=float, out_at=None):  # fmt: skip
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, h, w, C = A_prev.shape
    n_H, n_W = sizes(h, w, k1, k2, s1, s2) if sizes else ((h - k1) // s1 + 1, (w - k2) // s2 + 1)
    A = np.zeros((m, n_H, n_W, C), dtype=out_dtype)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                r, q = (i * s1, j * s2) if window_at is None else (i, j)
                for c in range(C):
                    window = A_prev[e, r : r + k1, q : q + k2, c] if take is None else take(A_prev, e, r, q, k1, k2, c)
                    value = np.max(window) if mode == "max" else np.sum(window) / (divide or (k1 * k2))
                    if out_at:
                        A[e, i * s1, j * s2, c] = value
                    else:
                        A[e, i, j, c] = value
    return A


def pool_window_not_strided(A_prev, size, stride=None, mode="max"):
    return _pool_student(A_prev, size, stride, mode, window_at="(i, j)")


def pool_stride_on_output(A_prev, size, stride=None, mode="max"):
    return _pool_student(A_prev, size, stride, mode, out_at=True)  # A[e, i * s1, j * s2, c] = ...


def pool_all_channels(A_prev, size, stride=None, mode="max"):
    return _pool_student(A_prev, size, stride, mode, take=lambda A, e, r, q, k1, k2, c: A[e, r : r + k1, q : q + k2, :])


def pool_whole_batch(A_prev, size, stride=None, mode="max"):
    return _pool_student(A_prev, size, stride, mode, take=lambda A, e, r, q, k1, k2, c: A[:, r : r + k1, q : q + k2, :])


def pool_size_other_side(A_prev, size, stride=None, mode="max"):
    return _pool_student(
        A_prev, size, stride, mode, sizes=lambda h, w, k1, k2, s1, s2: ((h - k2) // s2 + 1, (w - k1) // s1 + 1)
    )


def pool_size_one_side(A_prev, size, stride=None, mode="max"):
    return _pool_student(
        A_prev, size, stride, mode, sizes=lambda h, w, k1, k2, s1, s2: ((h - k2) // s1 + 1, (w - k2) // s2 + 1)
    )


def avg_pool_divided_wrongly(A_prev, size, stride=None, mode="max"):
    k1, _ = _pair(size)
    return _pool_student(A_prev, size, stride, mode, divide=k1 * k1)  # k1 * k1: a square window assumed


def pool_int_output(A_prev, size, stride=None, mode="max"):
    return _pool_student(A_prev, size, stride, mode, out_dtype=A_prev.dtype)


# conv_backward


def _backward_student(dZ, A_prev, W, stride, padding, *, crop=None, dA_dtype=float, window=None, examples=None):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    f1, f2 = (k1, k2) if window is None else window(k1, k2)
    _, n_H, n_W, _ = dZ.shape
    A_pad = _pad4(A_prev, p1, p2)
    dA_prev = np.zeros(A_prev.shape, dtype=dA_dtype)
    dA_pad = np.zeros(A_pad.shape, dtype=dA_dtype)
    dW = np.zeros(W.shape)
    db = np.zeros(n_C)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                r, q = i * s1, j * s2
                for c in range(n_C):
                    dA_pad[e, r : r + f1, q : q + f2, :] += W[:, :, :, c] * dZ[e, i, j, c]
                    dW[:, :, :, c] += A_pad[e, r : r + f1, q : q + f2, :] * dZ[e, i, j, c]
                    db[c] += dZ[e, i, j, c]
        if crop is None:
            dA_prev[e] = dA_pad[e, p1 : p1 + h, p2 : p2 + w, :]
    if crop is not None:
        dA_prev = crop(dA_pad, dA_prev, p1, p2, h, w)
    return dA_prev, dW, db


def crop_empty_at_zero_padding(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    def crop(dA_pad, dA_prev, p1, p2, h, w):
        for e in range(dA_prev.shape[0]):
            dA_prev[e, :, :, :] = dA_pad[e, p1:-p1, p2:-p2, :]  # empty when p = 0
        return dA_prev

    return _backward_student(dZ, A_prev, W, stride, padding, crop=crop)


def backward_square_kernel(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    return _backward_student(dZ, A_prev, W, stride, padding, window=lambda k1, k2: (k2, k2))  # (f, f, ...) = W.shape


def dA_crop_fixed(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    return _backward_student(
        dZ, A_prev, W, stride, padding, crop=lambda dA_pad, dA, p1, p2, h, w: dA_pad[:, 1:-1, 1:-1, :]
    )


def dA_last_example_only(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    def crop(dA_pad, dA_prev, p1, p2, h, w):
        e = dA_prev.shape[0] - 1  # the loop's last e: the crop sits after the loop
        dA_prev[e] = dA_pad[e, p1 : p1 + h, p2 : p2 + w, :]
        return dA_prev

    return _backward_student(dZ, A_prev, W, stride, padding, crop=crop)


def gradient_int_dtype(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    return _backward_student(dZ, A_prev, W, stride, padding, dA_dtype=A_prev.dtype)  # np.zeros_like(A_prev)


def dW_divided_by_m(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db = _backward_student(dZ, A_prev, W, stride, padding)
    return dA_prev, dW / A_prev.shape[0], db


def db_batch_axis_kept(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, _ = _backward_student(dZ, A_prev, W, stride, padding)
    return dA_prev, dW, np.sum(dZ, axis=(1, 2))


def db_one_number(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, _ = _backward_student(dZ, A_prev, W, stride, padding)
    return dA_prev, dW, np.sum(dZ)


def return_order(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db = _backward_student(dZ, A_prev, W, stride, padding)
    return dW, dA_prev, db


# pool_backward


def ties_column_major(dA, A_prev, size, stride=None, mode="max"):
    def route(window, g):
        out = np.zeros(window.shape)
        v, u = divmod(int(np.argmax(window.T)), window.shape[0])  # the transposed window: down the columns
        out[u, v] = g
        return out

    return _pool_backward_loops(dA, A_prev, size, stride, mode, route)


def pool_grad_stride_ignored(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, _, _ = _pool_params(size, stride)
    return _pool_stride_ignored(dA, A_prev, k1, k2, mode)


def _pool_stride_ignored(dA, A_prev, k1, k2, mode):
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    window = A_prev[e, i : i + k1, j : j + k2, c]  # vert_start = i: the stride forgotten
                    if mode == "max":
                        dA_prev[e, i : i + k1, j : j + k2, c] += _first_max(window, dA[e, i, j, c])
                    else:
                        dA_prev[e, i : i + k1, j : j + k2, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def grad_read_at_input_position(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    if mode == "max":
                        window = A_prev[e, r : r + k1, q : q + k2, c]
                        u, v = np.unravel_index(np.argmax(window), window.shape)
                        dA_prev[e, r + u, q + v, c] += dA[e, r + u, q + v, c]  # dA read where the maximum is
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def argmax_unravel_wrong_side(dA, A_prev, size, stride=None, mode="max"):
    def route(window, g):
        out = np.zeros(window.shape)
        u, v = divmod(int(np.argmax(window)), window.shape[0])  # divmod by k1, where k2 belongs
        out[u, v] = g
        return out

    return _pool_backward_loops(dA, A_prev, size, stride, mode, route)


def avg_grad_divided_wrongly(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    window = A_prev[e, r : r + k1, q : q + k2, c]
                    if mode == "max":
                        dA_prev[e, r : r + k1, q : q + k2, c] += _first_max(window, dA[e, i, j, c])
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += dA[e, i, j, c] / (k1 * k1)  # a square window
    return dA_prev


def mask_is_max_value(dA, A_prev, size, stride=None, mode="max"):
    return _pool_backward_loops(dA, A_prev, size, stride, mode, lambda window, g: np.max(window) * g)


def pool_grad_all_channels(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    r, q = i * s1, j * s2
                    if mode == "max":
                        window = A_prev[e, r : r + k1, q : q + k2, :].max(axis=2)  # the maximum over all channels
                        dA_prev[e, r : r + k1, q : q + k2, c] += _first_max(window, dA[e, i, j, c])
                    else:
                        dA_prev[e, r : r + k1, q : q + k2, c] += dA[e, i, j, c] / (k1 * k2)
    return dA_prev


def pad_all_axes(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p = padding if isinstance(padding, int) else padding[0]
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = np.pad(A_prev, p)  # every axis: the batch and the channels are padded too
    n_H, n_W = (h + 2 * p - k1) // s1 + 1, (w + 2 * p - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
                    Z[e, i, j, c] = np.sum(window * W[:, :, :, c]) + b[c]
    return Z


def _forward_sized(size):
    """A conv_forward whose output size is ``size(n, f, p, s)``, windows as they fall."""

    def conv_forward(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        (s1, s2), (p1, p2) = _pair(stride), _pair(padding)
        m, h, w, _ = A_prev.shape
        k1, k2, _, n_C = W.shape
        A_pad = _pad4(A_prev, p1, p2)
        n_H, n_W = size(h, k1, p1, s1), size(w, k2, p2, s2)
        Z = np.zeros((m, n_H, n_W, n_C))
        for e in range(m):
            for i in range(n_H):
                for j in range(n_W):
                    for c in range(n_C):
                        window = A_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
                        Z[e, i, j, c] = np.sum(window * W[:, :, :, c]) + b[c]
        return Z

    return conv_forward


def _pool_sized(size):
    """A max/avg pool_forward whose output size is ``size(n, f, s)``, windows as they fall."""

    def pool_forward(A_prev, size_, stride=None, mode="max"):
        k1, k2, s1, s2 = _pool_params(size_, stride)
        m, h, w, C = A_prev.shape
        n_H, n_W = size(h, k1, s1), size(w, k2, s2)
        A = np.zeros((m, n_H, n_W, C))
        for i in range(n_H):
            for j in range(n_W):
                window = A_prev[:, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]
                A[:, i, j, :] = window.max(axis=(1, 2)) if mode == "max" else window.mean(axis=(1, 2))
        return A

    return pool_forward


# The output-size mistakes of output_size, made inside a layer: (exercise, function, the mistake it must be named)
LAYER_SIZES = {
    "conv_forward without the +1": ("conv_forward", _forward_sized(lambda n, f, p, s: (n + 2 * p - f) // s), "size_no_plus_one"),
    "conv_forward rounding up": ("conv_forward", _forward_sized(lambda n, f, p, s: math.ceil((n + 2 * p - f) / s) + 1), "size_ceil"),
    "conv_forward padding one side": ("conv_forward", _forward_sized(lambda n, f, p, s: (n + p - f) // s + 1), "size_one_p"),
    "pool_forward without the +1": ("pool_forward", _pool_sized(lambda n, f, s: (n - f) // s), "size_no_plus_one"),
    "pool_forward rounding up": ("pool_forward", _pool_sized(lambda n, f, s: math.ceil((n - f) / s) + 1), "size_ceil"),
}  # fmt: skip

WRONG = {
    "rot180_transposed": ("rot180", rot180_transposed),
    "rot180_rows_only": ("rot180", rot180_rows_only),
    "rot180_columns_only": ("rot180", rot180_columns_only),
    "correlate_turned_kernel": ("correlate2d", correlate_turned_kernel),
    "correlate_full_output": ("correlate2d", correlate_full_output),
    "correlate_extra_row": ("correlate2d", correlate_extra_row),
    "convolve_not_turned": ("convolve2d", convolve_not_turned),
    "convolve_valid_only": ("convolve2d", convolve_valid_only),
    "convolve_kernel_transposed": ("convolve2d", convolve_kernel_transposed),
    "convolve_extra_row": ("convolve2d", convolve_extra_row),
    "size_no_floor": ("output_size", size_no_floor),
    "size_ceil": ("output_size", size_ceil),
    "size_no_plus_one": ("output_size", size_no_plus_one),
    "size_one_p": ("output_size", size_one_p),
    "forward_turned_kernel": ("conv_forward", forward_turned_kernel),
    "forward_no_bias": ("conv_forward", forward_no_bias),
    "forward_last_channel_only": ("conv_forward", forward_last_channel_only),
    "forward_window_not_strided": ("conv_forward", forward_window_not_strided),
    "forward_square_kernel": ("conv_forward", forward_square_kernel),
    "forward_pads_output": ("conv_forward", forward_pads_output),
    "pool_stride_is_size": ("pool_forward", pool_stride_is_size),
    "avg_pool_no_divide": ("pool_forward", avg_pool_no_divide),
    "pool_mode_ignored": ("pool_forward", pool_mode_ignored),
    "dW_from_output": ("conv_backward", dW_from_output),
    "db_missing": ("conv_backward", db_missing),
    "dA_not_turned": ("conv_backward", dA_not_turned),
    "dA_kernel_transposed": ("conv_backward", dA_kernel_transposed),
    "dA_valid_only": ("conv_backward", dA_valid_only),
    "dW_turned": ("conv_backward", dW_turned),
    "db_mean": ("conv_backward", db_mean),
    "dA_no_channel_sum": ("conv_backward", dA_no_channel_sum),
    "dW_no_batch_sum": ("conv_backward", dW_no_batch_sum),
    "db_no_batch_sum": ("conv_backward", db_no_batch_sum),
    "dA_stride_ignored": ("conv_backward", dA_stride_ignored),
    "dW_stride_ignored": ("conv_backward", dW_stride_ignored),
    "dA_padding_not_cropped": ("conv_backward", dA_padding_not_cropped),
    "dA_cropped_too_early": ("conv_backward", dA_cropped_too_early),
    "max_grad_one": ("pool_backward", max_grad_one),
    "max_grad_empty": ("pool_backward", max_grad_empty),
    "avg_grad_no_divide": ("pool_backward", avg_grad_no_divide),
    "avg_grad_no_delta": ("pool_backward", avg_grad_no_delta),
    "ties_split": ("pool_backward", ties_split),
    "ties_all_maxima": ("pool_backward", ties_all_maxima),
    "ties_last": ("pool_backward", ties_last),
    "overlap_assigned": ("pool_backward", overlap_assigned),
    "size_rounded": ("output_size", size_rounded),
    "size_same_padding": ("output_size", size_same_padding),
    "forward_bias_every_product": ("conv_forward", forward_bias_every_product),
    "forward_one_filter": ("conv_forward", forward_one_filter),
    "forward_first_example_only": ("conv_forward", forward_first_example_only),
    "forward_output_axes_swapped": ("conv_forward", forward_output_axes_swapped),
    "forward_int_output": ("conv_forward", forward_int_output),
    "stride_one_number": ("conv_forward", stride_one_number),
    "float_of_array": ("conv_forward", float_of_array),
    "array_into_scalar_entry": ("conv_forward", array_into_scalar_entry),
    "ragged_array": ("conv_forward", ragged_array),
    "pair_hparameters_unsupported": ("conv_forward", pair_hparameters_unsupported),
    "name_undefined": ("conv_forward", name_undefined),
    "leftover_rows_refused": ("conv_forward", leftover_rows_refused),
    "pool_window_not_strided": ("pool_forward", pool_window_not_strided),
    "pool_stride_on_output": ("pool_forward", pool_stride_on_output),
    "pool_all_channels": ("pool_forward", pool_all_channels),
    "pool_whole_batch": ("pool_forward", pool_whole_batch),
    "pool_size_other_side": ("pool_forward", pool_size_other_side),
    "pool_size_one_side": ("pool_forward", pool_size_one_side),
    "avg_pool_divided_wrongly": ("pool_forward", avg_pool_divided_wrongly),
    "pool_int_output": ("pool_forward", pool_int_output),
    "crop_empty_at_zero_padding": ("conv_backward", crop_empty_at_zero_padding),
    "backward_square_kernel": ("conv_backward", backward_square_kernel),
    "dA_crop_fixed": ("conv_backward", dA_crop_fixed),
    "dA_last_example_only": ("conv_backward", dA_last_example_only),
    "gradient_int_dtype": ("conv_backward", gradient_int_dtype),
    "dW_divided_by_m": ("conv_backward", dW_divided_by_m),
    "db_batch_axis_kept": ("conv_backward", db_batch_axis_kept),
    "db_one_number": ("conv_backward", db_one_number),
    "return_order": ("conv_backward", return_order),
    "ties_column_major": ("pool_backward", ties_column_major),
    "pool_grad_stride_ignored": ("pool_backward", pool_grad_stride_ignored),
    "grad_read_at_input_position": ("pool_backward", grad_read_at_input_position),
    "argmax_unravel_wrong_side": ("pool_backward", argmax_unravel_wrong_side),
    "avg_grad_divided_wrongly": ("pool_backward", avg_grad_divided_wrongly),
    "mask_is_max_value": ("pool_backward", mask_is_max_value),
    "pool_grad_all_channels": ("pool_backward", pool_grad_all_channels),
    "pad_all_axes": ("conv_forward", pad_all_axes),
}


# ===========================================================================
# B. correct answers, several ways
# ---------------------------------------------------------------------------
# rot180


def rot180_loops(K):
    k1, k2 = K.shape
    out = np.zeros_like(K)
    for u in range(k1):
        for v in range(k2):
            out[u, v] = K[k1 - 1 - u, k2 - 1 - v]
    return out


def rot180_flip(K):
    return np.flip(K, axis=(0, 1))


def rot180_rot90(K):
    return np.rot90(K, 2)


def rot180_slices(K):
    return K[::-1, ::-1]


# ---------------------------------------------------------------------------
# correlate2d


def correlate_loops(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 1, w - k2 + 1))
    for i in range(h - k1 + 1):
        for j in range(w - k2 + 1):
            total = 0
            for u in range(k1):
                for v in range(k2):
                    total += I[i + u, j + v] * K[u, v]
            out[i, j] = total
    return out


def correlate_windows(I, K):
    return np.einsum("ijuv,uv->ij", sliding_window_view(I, K.shape), K)


def correlate_offsets(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 1, w - k2 + 1), dtype=np.result_type(I, K))
    for u in range(k1):
        for v in range(k2):
            out += K[u, v] * I[u : u + h - k1 + 1, v : v + w - k2 + 1]
    return out


# ---------------------------------------------------------------------------
# convolve2d


def convolve_loops(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h + k1 - 1, w + k2 - 1))
    for i in range(h + k1 - 1):
        for j in range(w + k2 - 1):
            for u in range(k1):
                for v in range(k2):
                    if 0 <= i - u < h and 0 <= j - v < w:
                        out[i, j] += I[i - u, j - v] * K[u, v]
    return out


def convolve_stamps(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h + k1 - 1, w + k2 - 1), dtype=np.result_type(I, K))
    for u in range(k1):
        for v in range(k2):
            out[u : u + h, v : v + w] += K[u, v] * I
    return out


def convolve_windows(I, K):
    k1, k2 = K.shape
    P = np.pad(I, ((k1 - 1, k1 - 1), (k2 - 1, k2 - 1)))
    return np.einsum("ijuv,uv->ij", sliding_window_view(P, (k1, k2)), K[::-1, ::-1])


# ---------------------------------------------------------------------------
# output_size


def size_count(n, f, p=0, s=1, d=1):
    count, start = 0, 0
    while start + f <= n + 2 * p:
        count += 1
        start += s
    return count


def size_floor(n, f, p=0, s=1, d=1):
    return math.floor((n + 2 * p - f) / s) + 1


def size_range(n, f, p=0, s=1, d=1):
    return len(range(0, n + 2 * p - f + 1, s))


# ---------------------------------------------------------------------------
# conv_forward


def forward_loops(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, C = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = np.zeros((m, h + 2 * p1, w + 2 * p2, C), dtype=A_prev.dtype)
    A_pad[:, p1 : p1 + h, p2 : p2 + w, :] = A_prev
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    total = b[c]
                    for u in range(k1):
                        for v in range(k2):
                            for cp in range(C):
                                total += A_pad[e, i * s1 + u, j * s2 + v, cp] * W[u, v, cp, c]
                    Z[e, i, j, c] = total
    return Z


def forward_windows(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    windows = sliding_window_view(_pad4(A_prev, p1, p2), (k1, k2), axis=(1, 2))[:, ::s1, ::s2]
    return np.einsum("mhwcuv,uvcd->mhwd", windows, W) + b


def forward_offsets(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C)) + b
    for u in range(k1):
        for v in range(k2):
            shifted = A_pad[:, u : u + (n_H - 1) * s1 + 1 : s1, v : v + (n_W - 1) * s2 + 1 : s2, :]
            Z += shifted @ W[u, v]
    return Z


# ---------------------------------------------------------------------------
# pool_forward


def pool_loops(A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, h, w, C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    A = np.zeros((m, n_H, n_W, C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(C):
                    window = A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c]
                    A[e, i, j, c] = window.max() if mode == "max" else window.mean()
    return A


def pool_windows(A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    windows = sliding_window_view(A_prev, (k1, k2), axis=(1, 2))[:, ::s1, ::s2]
    return windows.max(axis=(-2, -1)) if mode == "max" else windows.mean(axis=(-2, -1))


def pool_offsets(A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, h, w, C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    parts = [
        A_prev[:, u : u + (n_H - 1) * s1 + 1 : s1, v : v + (n_W - 1) * s2 + 1 : s2, :]
        for u in range(k1)
        for v in range(k2)
    ]
    if mode == "max":
        return np.maximum.reduce(parts)
    return np.add.reduce(parts) / (k1 * k2)


# ---------------------------------------------------------------------------
# conv_backward


def backward_loops(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    m, h, w, C = A_prev.shape
    k1, k2, _, n_C = W.shape
    _, n_H, n_W, _ = dZ.shape
    A_pad = _pad4(A_prev, p1, p2)
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(n_C)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    g = dZ[e, i, j, c]
                    db[c] += g
                    for u in range(k1):
                        for v in range(k2):
                            for cp in range(C):
                                dW[u, v, cp, c] += A_pad[e, i * s1 + u, j * s2 + v, cp] * g
                                dA_pad[e, i * s1 + u, j * s2 + v, cp] += W[u, v, cp, c] * g
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, db


def backward_offsets(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    _, h, w, _ = A_prev.shape
    k1, k2 = W.shape[:2]
    _, n_H, n_W, _ = dZ.shape
    A_pad = _pad4(A_prev, p1, p2)
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    for u in range(k1):
        for v in range(k2):
            rows = slice(u, u + (n_H - 1) * s1 + 1, s1)
            cols = slice(v, v + (n_W - 1) * s2 + 1, s2)
            dW[u, v] = np.einsum("mhwc,mhwd->cd", A_pad[:, rows, cols, :], dZ)
            dA_pad[:, rows, cols, :] += dZ @ W[u, v].T
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, dZ.sum(axis=(0, 1, 2))


def backward_full_convolution(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    s1, s2 = _pair(stride)
    p1, p2 = _pair(padding)
    k1, k2 = W.shape[:2]
    dA_prev = _dA_by_correlation(dZ, A_prev.shape, W[::-1, ::-1], stride, padding)
    windows = sliding_window_view(_pad4(A_prev, p1, p2), (k1, k2), axis=(1, 2))[:, ::s1, ::s2]
    dW = np.einsum("mhwcuv,mhwd->uvcd", windows[:, : dZ.shape[1], : dZ.shape[2]], dZ)
    db = np.einsum("mhwc->c", dZ)
    return dA_prev, dW, db


# ---------------------------------------------------------------------------
# pool_backward


def pool_backward_loops(dA, A_prev, size, stride=None, mode="max"):
    return _pool_backward_loops(dA, A_prev, size, stride, mode, _first_max)


def pool_backward_offsets(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    _, n_H, n_W, _ = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    views = [
        (slice(u, u + (n_H - 1) * s1 + 1, s1), slice(v, v + (n_W - 1) * s2 + 1, s2))
        for u in range(k1)
        for v in range(k2)
    ]  # row-major order
    if mode == "avg":
        for rows, cols in views:
            dA_prev[:, rows, cols, :] += dA / (k1 * k2)
        return dA_prev
    best = np.maximum.reduce([A_prev[:, rows, cols, :] for rows, cols in views])
    found = np.zeros(dA.shape, dtype=bool)
    for rows, cols in views:
        hit = (A_prev[:, rows, cols, :] == best) & ~found  # the first maximum only
        dA_prev[:, rows, cols, :] += dA * hit
        found |= hit
    return dA_prev


def pool_backward_windows(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, n_H, n_W, C = dA.shape
    windows = sliding_window_view(A_prev, (k1, k2), axis=(1, 2))[:, ::s1, ::s2]  # (m, n_H, n_W, C, k1, k2)
    dA_prev = np.zeros(A_prev.shape)
    e, i, j, c = np.meshgrid(np.arange(m), np.arange(n_H), np.arange(n_W), np.arange(C), indexing="ij")
    if mode == "max":
        first = windows.reshape(m, n_H, n_W, C, k1 * k2).argmax(axis=-1)
        u, v = np.divmod(first, k2)
        np.add.at(dA_prev, (e, i * s1 + u, j * s2 + v, c), dA)
    else:
        for u in range(k1):
            for v in range(k2):
                np.add.at(dA_prev, (e, i * s1 + u, j * s2 + v, c), dA / (k1 * k2))
    return dA_prev


CORRECT = {
    "rot180": [rot180_loops, rot180_flip, rot180_rot90, rot180_slices, cnnlib.rot180],
    "correlate2d": [correlate_loops, correlate_windows, correlate_offsets, cnnlib.correlate2d],
    "convolve2d": [convolve_loops, convolve_stamps, convolve_windows, cnnlib.convolve2d],
    "output_size": [size_count, size_floor, size_range, cnnlib.output_size],
    "conv_forward": [forward_loops, forward_windows, forward_offsets, cnnlib.conv_forward],
    "pool_forward": [pool_loops, pool_windows, pool_offsets, cnnlib.pool_forward],
    "conv_backward": [backward_loops, backward_offsets, backward_full_convolution, cnnlib.conv_backward],
    "pool_backward": [pool_backward_loops, pool_backward_offsets, pool_backward_windows, cnnlib.pool_backward],
}


# ===========================================================================
# C. conv_forward answers that misbehave


def bad_raises(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    raise ValueError("not finished yet")


def bad_returns_none(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    Z = forward_windows(A_prev, W, b, stride, padding)  # forgot the return
    Z += 0


def bad_shape(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return forward_windows(A_prev, W, b, stride, padding).sum(axis=3)  # channels summed away


def bad_strings(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return forward_windows(A_prev, W, b, stride, padding).astype(str)


def bad_bools(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    return forward_windows(A_prev, W, b, stride, padding) > 0


def bad_changes_input(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    Z = forward_windows(A_prev, W, b, stride, padding)
    A_prev += 1  # the caller's array, changed
    return Z


def bad_sleeps(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    time.sleep(30)
    return forward_windows(A_prev, W, b, stride, padding)


def bad_loops_forever(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    while True:
        pass


def bad_catches_every_exception(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    while True:  # nothing stops this loop from inside: every Exception is swallowed
        try:
            time.sleep(0.01)
        except Exception:
            pass


def bad_sleeps_in_c(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    import ctypes

    ctypes.CDLL(None).sleep(30)  # libc's sleep: C code that Python cannot interrupt
    return forward_windows(A_prev, W, b, stride, padding)


def bad_exits(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    import os

    os._exit(3)


def bad_crashes(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    import os
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)  # as a C extension that reads a wrong address


# label: (function, words of which the report must contain at least one, lower case)
BAD = {
    "raises": (bad_raises, ("raised",)),
    "returns_none": (bad_returns_none, ("none",)),
    "wrong_shape": (bad_shape, ("shape",)),
    "strings": (bad_strings, ("dtype",)),
    "bools": (bad_bools, ("dtype",)),
    "changes_input": (bad_changes_input, ("changed",)),
    "sleeps": (bad_sleeps, ("time", "still running")),
    "loops_forever": (bad_loops_forever, ("time", "still running")),
}
# Answers that end or hang the process they run in: checked only where each call runs in a process of its
# own (cnnlib.exercises.run.ISOLATE: on Linux); elsewhere they would take the tests along.
ISOLATED_BAD = {
    "catches_every_exception": (bad_catches_every_exception, ("stopped",)),
    "sleeps_in_c": (bad_sleeps_in_c, ("stopped",)),
    "exits": (bad_exits, ("exit code 3",)),
    "crashes": (bad_crashes, ("signal 11",)),
}


# ===========================================================================
# D. answers that go wrong in other ways: what the report must say about each
# (exercise name, function or the value passed instead of one, the message key the report must use)


def _pool_loops(A_prev, size, stride, mode, examples=None, channels=None, dtype=float):
    """Pooling with loops over the examples and channels given (all by default)."""
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, h, w, C = A_prev.shape
    n_H, n_W = (h - k1) // s1 + 1, (w - k2) // s2 + 1
    A = np.zeros((m, n_H, n_W, C), dtype=dtype)
    summary = np.max if mode == "max" else np.mean
    for e in range(m) if examples is None else examples:
        for c in range(C) if channels is None else channels:
            for i in range(n_H):
                for j in range(n_W):
                    A[e, i, j, c] = summary(A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c])
    return A


def stub(K):
    raise NotImplementedError


def size_np_floor(n, f, p=0, s=1, d=1):
    return np.floor((n + 2 * p - f) / s) + 1  # a float64, not an int


def correlate_ragged(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = []
    for i in range(h - k1 + 1):
        # the last row's loop stops one column early
        row_end = w - k2 + 1 if i < h - k1 else w - k2
        out.append([float(np.sum(I[i : i + k1, j : j + k2] * K)) for j in range(row_end)])
    return out


def correlate_sum_one_axis(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.empty((h - k1 + 1, w - k2 + 1), dtype=object)
    for i in range(h - k1 + 1):
        for j in range(w - k2 + 1):
            out[i, j] = np.sum(I[i : i + k1, j : j + k2] * K, axis=0)  # summed over one axis only
    return out


def correlate_rows_stop_early(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 1, w - k2 + 1))
    for i in range(h - k1):  # one row short
        for j in range(w - k2 + 1):
            out[i, j] = np.sum(I[i : i + k1, j : j + k2] * K)
    return out


def correlate_columns_stop_early(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 1, w - k2 + 1))
    for i in range(h - k1 + 1):
        for j in range(w - k2):  # one column short
            out[i, j] = np.sum(I[i : i + k1, j : j + k2] * K)
    return out


def correlate_swapped_indices(I, K):
    h, w = I.shape
    k1, k2 = K.shape
    out = np.zeros((h - k1 + 1, w - k2 + 1))
    for i in range(h - k1 + 1):
        for j in range(w - k2 + 1):
            out[j, i] = np.sum(I[i : i + k1, j : j + k2] * K)  # out[j, i] where out[i, j] belongs
    return out


def forward_examples_copied(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    Z = _forward_loops(A_prev[:1], W, b, stride, padding)
    return np.repeat(Z, A_prev.shape[0], axis=0)  # the first example's output, for every example


def forward_first_filter_only(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    Z = np.zeros(_forward_loops(A_prev, W, b, stride, padding).shape)
    Z[..., :1] = _forward_loops(A_prev, W[..., :1], b[:1], stride, padding)  # the loop over the filters is missing
    return Z


def pool_first_example_only(A_prev, size, stride=None, mode="max"):
    return _pool_loops(A_prev, size, stride, mode, examples=[0])


def pool_first_channel_only(A_prev, size, stride=None, mode="max"):
    return _pool_loops(A_prev, size, stride, mode, channels=[0])


def pool_int_array(A_prev, size, stride=None, mode="max"):
    return _pool_loops(A_prev, size, stride, mode, dtype=A_prev.dtype)  # an int array keeps no fractions


def pool_partial_windows(A_prev, size, stride=None, mode="max"):
    """Keeps the windows that run past the input's edge (as ceil_mode=True would)."""
    k1, k2, s1, s2 = _pool_params(size, stride)
    m, h, w, C = A_prev.shape
    n_H, n_W = -(-(h - k1) // s1) + 1, -(-(w - k2) // s2) + 1
    A = np.zeros((m, n_H, n_W, C))
    summary = np.max if mode == "max" else np.mean
    for e, i, j, c in np.ndindex(A.shape):
        A[e, i, j, c] = summary(A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c])
    return A


def backward_dA_only(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    return _backward_loops(dZ, A_prev, W, stride, padding)[0]


def backward_no_db(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    return _backward_loops(dZ, A_prev, W, stride, padding)[:2]


def backward_dW_doubled(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, 2 * dW, db


def backward_big_dA(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return np.zeros((1, 12, 12, 1)), dW, db  # a placeholder left in


def pool_backward_one_stride(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, s1, _ = _pool_params(size, stride)
    return pool_backward_loops(dA, A_prev, (k1, k2), (s1, s1), mode)  # s1 for the columns too


def pool_backward_first_column_skipped(dA, A_prev, size, stride=None, mode="max"):
    skipped = dA.copy()
    skipped[:, :, 0, :] = 0  # for j in range(1, n_W): the first column of windows sends nothing
    return pool_backward_loops(skipped, A_prev, size, stride, mode)


def backward_crop_then_gives_up(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db, dA_pad = _backward_loops(dZ, A_prev, W, stride, padding)
    if A_prev.shape != (1, 3, 3, 1) or W.shape != (2, 2, 1, 1) or stride != 1 or padding != 0:
        raise ValueError("only the first case so far")
    return dA_pad[:, 1:-1, 1:-1, :], dW, db  # a fixed crop, or the 'valid' convolution? the same here


def backward_two_mistakes(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, dW[::-1, ::-1], dZ.mean(axis=(0, 1, 2))  # dW turned, and db a mean


def pool_backward_other_stride(dA, A_prev, size, stride=None, mode="max"):
    k1, k2, _, s2 = _pool_params(size, stride)
    return pool_backward_loops(dA, A_prev, (k1, k2), (s2, s2), mode)  # s2 for the rows too


def pool_backward_flipped(dA, A_prev, size, stride=None, mode="max"):
    return pool_backward_loops(dA, A_prev, size, stride, mode)[:, ::-1, ::-1, :]


# issue 25: the review's uncatalogued bugs, and "forgot to pad but kept the padded size"


def forward_not_padded(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    (s1, s2), (p1, p2) = _pair(stride), _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1  # the padded size...
    Z = np.zeros((m, n_H, n_W, n_C))
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :]  # ...of an input never padded
                    Z[e, i, j, c] = np.sum(window * W[:, :, :, c]) + b[c]
    return Z


def backward_dW_not_padded(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    (s1, s2), (p1, p2) = _pair(stride), _pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    A_pad = _pad4(A_prev, p1, p2)
    dA_pad, dW, db = np.zeros(A_pad.shape), np.zeros(W.shape), np.zeros(n_C)
    for e, i, j, c in np.ndindex(dZ.shape):
        g, r, q = dZ[e, i, j, c], i * s1, j * s2
        dA_pad[e, r : r + k1, q : q + k2, :] += g * W[:, :, :, c]
        dW[:, :, :, c] += g * A_prev[e, r : r + k1, q : q + k2, :]  # A_prev where A_pad belongs
        db[c] += g
    return dA_pad[:, p1 : p1 + h, p2 : p2 + w, :], dW, db


def dA_channels_not_swapped(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    _, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    (s1, s2), (p1, p2), (k1, k2) = _pair(stride), _pair(padding), W.shape[:2]
    D = _pad4(_dilate(dZ, s1, s2), k1 - 1, k2 - 1)
    K = W[::-1, ::-1]  # turned, but W[u, v, c', c] read as if it were W[u, v, c, c']
    m, h, w = dZ.shape[0], D.shape[1] - k1 + 1, D.shape[2] - k2 + 1
    full = np.zeros((m, h, w, W.shape[2]))
    for r in range(h):
        for q in range(w):
            full[:, r, q, :] = np.tensordot(D[:, r : r + k1, q : q + k2, :], K, axes=3)
    h, w = A_prev.shape[1:3]
    return _fit(full, h + 2 * p1, w + 2 * p2)[:, p1 : p1 + h, p2 : p2 + w, :], dW, db


def forward_padding_top_left(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    p1, p2 = _pair(padding)
    A_pad = np.pad(A_prev, ((0, 0), (2 * p1, 0), (2 * p2, 0), (0, 0)))  # all the padding before the rows
    return _forward_loops(A_pad, W, b, stride, 0)


def forward_padded_with_ones(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    p1, p2 = _pair(padding)
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)), constant_values=1)
    return _forward_loops(A_pad, W, b, stride, 0)


def backward_dW_channels_swapped(dZ, A_prev, W, stride=1, padding=0, dilation=1, groups=1):
    dA_prev, dW, db, _ = _backward_loops(dZ, A_prev, W, stride, padding)
    return dA_prev, dW.transpose(0, 1, 3, 2) if W.shape[2] == W.shape[3] else dW, db


def rot180_off_by_a_little(K):
    return np.rot90(K, 2) + 1e-10  # within 1e-9, but the cases of integers are compared exactly


def size_round(n, f, p=0, s=1, d=1):
    return round((n + 2 * p - f) / s) + 1  # the review's student: passes n=8, s=2 (round(2.5) is 2)


WRONG["input_not_padded"] = ("conv_forward", forward_not_padded)
WRONG["dA_channels_not_swapped"] = ("conv_backward", dA_channels_not_swapped)

# more students of catalogued mistakes: (exercise, function, the mistake it must be named)
ALSO_WRONG = {
    "conv_backward: dW from the unpadded input": ("conv_backward", backward_dW_not_padded, "input_not_padded"),
}


# what a reader passes when they call the function instead of handing it over
_CALLED = forward_loops(np.ones((1, 3, 3, 1)), np.ones((2, 2, 1, 1)), np.zeros(1))

ODD = {
    "a value, not a function": ("conv_forward", _CALLED, "not_a_function"),
    "not written yet": ("rot180", stub, "not_written"),
    "np.floor returns a float": ("output_size", size_np_floor, "not_an_int"),
    "rows of different lengths": ("correlate2d", correlate_ragged, "not_an_array"),
    "entries that are arrays": ("correlate2d", correlate_sum_one_axis, "array_of"),
    "one row short": ("correlate2d", correlate_rows_stop_early, "only_in_row"),
    "one column short": ("correlate2d", correlate_columns_stop_early, "only_in_column"),
    "i and j swapped": ("correlate2d", correlate_swapped_indices, "transposed"),
    "the batch loop missing": ("conv_forward", forward_examples_copied, "only_in_examples"),
    "the filter loop missing": ("conv_forward", forward_first_filter_only, "only_in_channels"),
    "pool: the batch loop missing": ("pool_forward", pool_first_example_only, "only_in_example"),
    "pool: the channel loop missing": ("pool_forward", pool_first_channel_only, "only_in_channel"),
    "pool: an int array": ("pool_forward", pool_int_array, "integers"),
    "pool: partial windows kept": ("pool_forward", pool_partial_windows, "wrong_shape"),
    "only dA_prev returned": ("conv_backward", backward_dA_only, "not_a_tuple"),
    "db not returned": ("conv_backward", backward_no_db, "wrong_count"),
    "dW doubled": ("conv_backward", backward_dW_doubled, "scaled"),
    "a placeholder dA_prev": ("conv_backward", backward_big_dA, "array_of_shape"),
    "pool backward: s1 for both axes": ("pool_backward", pool_backward_one_stride, "diagnosis"),
    "pool backward: the first column skipped": ("pool_backward", pool_backward_first_column_skipped, "only_in_columns"),
    "a fixed crop or a valid convolution": ("conv_backward", backward_crop_then_gives_up, "several_mistakes"),
    "two mistakes at once": ("conv_backward", backward_two_mistakes, "diagnosis_two"),
    "pool backward: s2 for both axes": ("pool_backward", pool_backward_other_stride, "only_in_rows"),
    "dA_prev turned by 180°": ("pool_backward", pool_backward_flipped, "turned"),
    "all the padding at the top and left": ("conv_forward", forward_padding_top_left, "shifted"),
    "padded with ones": ("conv_forward", forward_padded_with_ones, "border_only"),
    "dW with its channel axes swapped": ("conv_backward", backward_dW_channels_swapped, "channels_swapped"),
    "off by 1e-10 in an integer case": ("rot180", rot180_off_by_a_little, "wrong_values_exact"),
}

# the second-round exercises (cnnlib.exercises.practice): their students live in tests/practice_students/
from practice_students import CORRECT as _PRACTICE_CORRECT  # noqa: E402
from practice_students import WRONG as _PRACTICE_WRONG  # noqa: E402

for _name, _fns in _PRACTICE_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_fns)
WRONG.update(_PRACTICE_WRONG)
