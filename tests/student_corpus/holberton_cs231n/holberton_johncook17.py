# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: JohnCook17/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 0e3e79e2f5d9fbe43b8577396ab2b74292d533c9
# url: https://github.com/JohnCook17/holbertonschool-machine_learning/blob/0e3e79e2f5d9fbe43b8577396ab2b74292d533c9/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: f7d9fe4ab82fac842fbea8b573537b10f7789410
# url: https://github.com/JohnCook17/holbertonschool-machine_learning/blob/f7d9fe4ab82fac842fbea8b573537b10f7789410/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 2ef6af5690533a4bfbf962427225a5b740d56bb7
# url: https://github.com/JohnCook17/holbertonschool-machine_learning/blob/2ef6af5690533a4bfbf962427225a5b740d56bb7/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: b1856033c3440e822be5d2558a7181aa196247bb
# url: https://github.com/JohnCook17/holbertonschool-machine_learning/blob/b1856033c3440e822be5d2558a7181aa196247bb/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Forward prop of a convnet"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """A_prev is the prev layer of the net, W is the kernels b is the bias
    activation is the activation function, padding is which padding to use
    and stride is how far to stride in height and width. Height comes first
    """
    img_n = A_prev.shape[0]
    img_h = A_prev.shape[1]
    img_w = A_prev.shape[2]
    img_c_out = W.shape[3]
    ker_h = W.shape[0]
    ker_w = W.shape[1]
    if isinstance(padding, tuple):
        ph, pw = padding
    elif padding == "same":
        ph = int(np.ceil((img_h - 1) * stride[0] + ker_h - img_h) / 2)
        pw = int(np.ceil((img_w - 1) * stride[1] + ker_w - img_w) / 2)
    elif padding == "valid":
        ph, pw = 0, 0
    img_h_out = int((img_h + 2 * ph - ker_h) / stride[0]) + 1
    img_w_out = int((img_w + 2 * pw - ker_w) / stride[1]) + 1
    out_shape = img_n, img_h_out, img_w_out, img_c_out
    r = np.zeros(shape=out_shape)
    con = np.pad(A_prev, pad_width=((0, 0), (ph, ph,), (pw, pw), (0, 0)),
                 mode="constant", constant_values=0)

    for h in range(0, img_h_out):
        for w in range(0, img_w_out):
            for channel in range(0, img_c_out):
                n = con[:, h * stride[0]: h * stride[0] + ker_h,
                        w * stride[1]: w * stride[1] + ker_w, :]
                r[:, h, w, channel] = (np.sum((n * W[:, :, :, channel]),
                                              axis=(1, 2, 3)))
    return activation(r + b)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Pooling layer forward prop"""
import numpy as np


def asStride(arr, sub_shape, stride):
    """Get a strided sub-matrices view of an ndarray.
    using stride_tricks"""
    img_s = arr.strides[0]
    s0, s1 = arr.strides[1], arr.strides[2]
    img_n = arr.shape[0]
    m1, n1 = arr.shape[1], arr.shape[2]
    m2, n2 = sub_shape
    view_shape = (img_n, 1 + (m1-m2) // stride[0], 1 + (n1 - n2) //
                  stride[1], m2, n2) + arr.shape[3:]
    strides = (img_s, stride[0] * s0, stride[1] * s1, s0, s1, arr.strides[3])
    subs = np.lib.stride_tricks.as_strided(arr, view_shape, strides=strides)
    return subs


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """A_prev is the previous image in the cnn, kernel_shape is the
    kernel_shape, stride is how far to stride in height and width,
    mode is which mode to use."""
    img_n = A_prev.shape[0]
    img_h = A_prev.shape[1]
    img_w = A_prev.shape[2]
    img_c = A_prev.shape[3]
    ker_h = kernel_shape[0]
    ker_w = kernel_shape[1]

    img_h_out = (img_h - ker_h) // stride[0] * stride[0] + ker_h
    img_w_out = (img_w - ker_w) // stride[1] * stride[1] + ker_w
    pad = A_prev[:, :img_h_out * ker_h, :img_w_out * ker_w, ...]

    output = asStride(pad, kernel_shape, stride)
    if mode == "max":
        r = np.nanmax(output, axis=(3, 4))
    else:
        r = np.nanmean(output, axis=(3, 4))
    return r

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""back prop in a cnn"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """dZ is the derivative of Z, A_prev is the previous layer, W is the kernel
    b is the bias, padding can be a tuple, same or valid, stride is how far to
    stride"""
    img_n = dZ.shape[0]
    img_h = A_prev.shape[1]
    img_w = A_prev.shape[2]
    img_c_in = A_prev.shape[3]
    img_c_out = dZ.shape[3]

    ker_h = W.shape[0]
    ker_w = W.shape[1]

    dZ_h = dZ.shape[1]
    dZ_w = dZ.shape[2]

    if isinstance(padding, tuple):
        ph, pw = padding
    elif padding == "same":
        ph = int(np.ceil((img_h - 1) * stride[0] + ker_h - img_h) / 2)
        pw = int(np.ceil((img_w - 1) * stride[1] + ker_w - img_w) / 2)
    elif padding == "valid":
        ph, pw = 0, 0
    img_h_out = int((img_h + 2 * ph - ker_h) / stride[0]) + 1
    img_w_out = int((img_w + 2 * pw - ker_w) / stride[1]) + 1

    pad = np.pad(A_prev, pad_width=((0, 0), (ph, ph,), (pw, pw), (0, 0)),
                 mode="constant", constant_values=0)
    dW = np.zeros(W.shape)
    dA = np.zeros(pad.shape)
    # print(img_h, img_w)
    # print(img_h_out, img_w_out)
    # print(ker_h, ker_w)
    # print(dZ.shape)

    for i in range(0, img_n):
        for h in range(0, img_h_out):
            for w in range(0, img_w_out):
                for c in range(0, img_c_out):
                    # print("loop")
                    # print(i, h, w, c)
                    dA_slice = dA[i, h * stride[0]: h * stride[0] + ker_h,
                                  w * stride[1]: w * stride[1] + ker_w, :]
                    Ap_s = pad[i, h * stride[0]: h * stride[0] + ker_h,
                               w * stride[1]: w * stride[1] + ker_w, :]
                    dA_slice += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += Ap_s * dZ[i, h, w, c]
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)
    return dA, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""placeholder for 3"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """dZ is the derivative of Z, A_prev is the previous layer, W is the kernel
    b is the bias, padding can be a tuple, same or valid, stride is how far to
    stride"""
    img_n = dZ.shape[0]
    img_h = A_prev.shape[1]
    img_w = A_prev.shape[2]
    img_c_in = A_prev.shape[3]
    img_c_out = dZ.shape[3]

    ker_h = W.shape[0]
    ker_w = W.shape[1]

    dZ_h = dZ.shape[1]
    dZ_w = dZ.shape[2]

    if isinstance(padding, tuple):
        ph, pw = padding
    elif padding == "same":
        ph = int(np.ceil((img_h - 1) * stride[0] + ker_h - img_h) / 2)
        pw = int(np.ceil((img_w - 1) * stride[1] + ker_w - img_w) / 2)
    elif padding == "valid":
        ph, pw = 0, 0
    img_h_out = int((img_h + 2 * ph - ker_h) / stride[0]) + 1
    img_w_out = int((img_w + 2 * pw - ker_w) / stride[1]) + 1

    pad = np.pad(A_prev, pad_width=((0, 0), (ph, ph,), (pw, pw), (0, 0)),
                 mode="constant", constant_values=0)
    dW = np.zeros(W.shape)
    dA = np.zeros(pad.shape)
    # print(img_h, img_w)
    # print(img_h_out, img_w_out)
    # print(ker_h, ker_w)
    # print(dZ.shape)

    for i in range(0, img_n):
        for h in range(0, img_h_out):
            for w in range(0, img_w_out):
                for c in range(0, img_c_out):
                    # print("loop")
                    # print(i, h, w, c)
                    dA_slice = dA[i, h * stride[0]: h * stride[0] + ker_h,
                                  w * stride[1]: w * stride[1] + ker_w, :]
                    Ap_s = pad[i, h * stride[0]: h * stride[0] + ker_h,
                               w * stride[1]: w * stride[1] + ker_w, :]
                    dA_slice += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += Ap_s * dZ[i, h, w, c]
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)
    return dA, dW, db

_student_pool_backward = pool_backward


# ==================== adapters: the checker's signatures -> the student's ====================
import numpy as np

def _pair(x):
    """An int or a pair -> a pair (the checker's convention -> Holberton's tuples)."""
    return tuple(x) if isinstance(x, (tuple, list)) else (x, x)


def _holberton_padding(padding):
    """The checker's explicit padding -> Holberton's argument: 0 -> "valid", else the pair (p1, p2)."""
    return "valid" if _pair(padding) == (0, 0) else _pair(padding)


def _db_flat(db, n_C):
    """Holberton's db of shape (1, 1, 1, n_C) -> the checker's (n_C,); any other shape is left as it is."""
    db = np.asarray(db) if db is not None else db
    return db.reshape(n_C) if db is not None and db.shape == (1, 1, 1, n_C) else db


def conv_forward(A_prev, W, b, stride=1, padding=0):
    """conv_forward(A_prev, W, b, stride=1, padding=0) -> Z, through the student's conv_forward.

    b (n_C,) -> (1, 1, 1, n_C); activation = identity; stride int -> (s, s);
    padding 0 -> "valid", otherwise the pair (p1, p2) (what the student's code does with a tuple is its own).
    """
    return _student_conv_forward(A_prev, W, np.reshape(b, (1, 1, 1, -1)), lambda z: z,
                                 padding=_holberton_padding(padding), stride=_pair(stride))


def pool_forward(A_prev, size, stride=None, mode="max"):
    """pool_forward(A_prev, size, stride=None, mode="max") -> A, through the student's pool_forward.

    size int -> kernel_shape (k, k); stride None -> kernel_shape; stride int -> (s, s).
    """
    kernel_shape = _pair(size)
    return _student_pool_forward(A_prev, kernel_shape, stride=kernel_shape if stride is None else _pair(stride),
                                 mode=mode)


def conv_backward(dZ, A_prev, W, stride=1, padding=0):
    """conv_backward(dZ, A_prev, W, stride=1, padding=0) -> (dA_prev, dW, db), through the student's.

    b = zeros (1, 1, 1, n_C) (the student's code takes b only for its shape); stride int -> (s, s);
    padding 0 -> "valid", otherwise (p1, p2); db of shape (1, 1, 1, n_C) -> (n_C,).
    """
    b = np.zeros((1, 1, 1, W.shape[3]))
    dA_prev, dW, db = _student_conv_backward(dZ, A_prev, W, b, padding=_holberton_padding(padding),
                                             stride=_pair(stride))
    return dA_prev, dW, _db_flat(db, W.shape[3])


def pool_backward(dA, A_prev, size, stride=None, mode="max"):
    """pool_backward(dA, A_prev, size, stride=None, mode="max") -> dA_prev, through the student's.

    size int -> kernel_shape (k, k); stride None -> kernel_shape; stride int -> (s, s).
    """
    kernel_shape = _pair(size)
    return _student_pool_backward(dA, A_prev, kernel_shape, stride=kernel_shape if stride is None else _pair(stride),
                                  mode=mode)
