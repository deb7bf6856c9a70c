# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 0xti4n/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 7f8ff67d81baf96c4d1cd698c2797834870b1fb2
# url: https://github.com/0xti4n/holbertonschool-machine_learning/blob/7f8ff67d81baf96c4d1cd698c2797834870b1fb2/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 72f0ba434e8296dcad6140f3b6dddc5c30435d7f
# url: https://github.com/0xti4n/holbertonschool-machine_learning/blob/72f0ba434e8296dcad6140f3b6dddc5c30435d7f/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 7cc590b7159de0fcbaa09bdbdbeb4b50784bb268
# url: https://github.com/0xti4n/holbertonschool-machine_learning/blob/7cc590b7159de0fcbaa09bdbdbeb4b50784bb268/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: 00fcc1ce1381269468c50aa5967d33fb286d7c75
# url: https://github.com/0xti4n/holbertonschool-machine_learning/blob/00fcc1ce1381269468c50aa5967d33fb286d7c75/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Convolutional Forward Prop"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """performs forward propagation over a convolutional
    layer of a neural network

    -> A_prev is a numpy.ndarray of shape (m, h_prev, w_prev, c_prev)
    containing the output of the previous layer
        * m is the number of examples
        * h_prev is the height of the previous layer
        * w_prev is the width of the previous layer
        * c_prev is the number of channels in the previous layer

    -> W is a numpy.ndarray of shape (kh, kw, c_prev, c_new)
    containing the kernels for the convolution
        * kh is the filter height
        * kw is the filter width
        * c_prev is the number of channels in the previous layer
        * c_new is the number of channels in the output

    -> b is a numpy.ndarray of shape (1, 1, 1, c_new)
    containing the biases applied to the convolution

    -> activation is an activation function applied to the convolution

    -> padding is a string that is either same or valid, indicating
    the type of padding used

    -> stride is a tuple of (sh, sw) containing the strides for the convolution
        * sh is the stride for the height
        * sw is the stride for the width

    -> Returns: the output of the convolutional layer
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride

    if padding == 'valid':
        p_0 = 0
        p_1 = 0

    if padding == 'same':
        p_0 = int(((h_prev - 1) * sh + kh - h_prev) / 2)
        p_1 = int(((w_prev - 1) * sw + kw - w_prev) / 2)

    output_h = int((h_prev + 2 * p_0 - kh) / sh) + 1
    output_w = int((w_prev + 2 * p_1 - kw) / sw) + 1
    output = np.zeros((m, output_h, output_w, c_new))
    img = np.pad(A_prev, ((0, 0), (p_0, p_0), (p_1, p_1), (0, 0)), 'constant')

    for x in range(output_h):
        for y in range(output_w):
            for ch in range(c_new):
                slc = img[:, x * sh:sh * x + kh, y * sw: sw * y + kw]
                r = np.sum(W[..., ch] * slc, axis=(1, 2, 3))
                output[:, x, y, ch] = r

    out = output + b
    return activation(out)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Pooling Forward Prop """
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """perform pool forward prop"""

    m = A_prev.shape[0]
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    output_h = int((h_prev - kh) / sh) + 1
    output_w = int((w_prev - kw) / sw) + 1
    output = np.zeros((m, output_h, output_w, c_prev))

    for x in range(output_h):
        for y in range(output_w):
            slc = A_prev[:, x * sh:sh * x + kh, y * sw: sw * y + kw]
            if mode == 'max':
                output[:, x, y] = slc.max(axis=1).max(axis=1)
            elif mode == 'avg':
                output[:, x, y] = slc.mean(axis=1).mean(axis=1)
    return output

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Convolutional Back Prop """
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """performs back propagation over a convolutional
    layer of a neural network"""
    hk = W.shape[0]
    wk = W.shape[1]
    nc = W.shape[3]
    m = A_prev.shape[0]
    hm = A_prev.shape[1]
    wm = A_prev.shape[2]
    st1 = stride[1]
    st0 = stride[0]

    if padding == "valid":
        pad0 = 0
        pad1 = 0
    else:
        pad0 = int(((hm - 1) * st0 + hk - hm) / 2) + 1
        pad1 = int(((wm - 1) * st1 + wk - wm) / 2) + 1
    out_h = int((hm + 2 * pad0 - hk) / st0) + 1
    out_w = int((wm + 2 * pad1 - wk) / st1) + 1
    x_pad = np.pad(A_prev, ((0, 0), (pad0, pad0), (
                           pad1, pad1), (0, 0)), 'constant')

    dX = np.zeros(x_pad.shape)
    dW = np.zeros(W.shape)
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)
    for i in range(m):
        for h in range(out_h):
            for w in range(out_w):
                for c in range(nc):
                    dX[i, h * st0: h * st0 + hk,
                       w * st1: w * st1 + wk, :] += dZ[
                       i, h, w, c] * W[:, :, :, c]
                    dW[:, :, :, c] += x_pad[i, h * st0: h * st0 + hk,
                                            w * st1: w * st1 + wk,
                                            :] * dZ[i, h, w, c]
    if padding == "same":
        dX = dX[:, pad0:-pad0, pad1:-pad1, :]

    return dX, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Pooling Backward Prop """
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='avg'):
    """performs back propagation over a pooling
    layer of a neural network

    -> dA is a numpy.ndarray of shape (m, h_new, w_new, c_new)
    containing the partial derivatives with respect to the
    output of the pooling layer
        * m is the number of examples
        * h_new is the height of the output
        * w_new is the width of the output
        * c is the number of channels

    -> A_prev is a numpy.ndarray of shape (m, h_prev, w_prev, c)
    containing the output of the previous layer
        * h_prev is the height of the previous layer
        * w_prev is the width of the previous layer

    -> kernel_shape is a tuple of (kh, kw) containing the size of the
    kernel for the pooling
        * kh is the kernel height
        * kw is the kernel width

    -> stride is a tuple of (sh, sw) containing the strides for the pooling
        * sh is the stride for the height
        * sw is the stride for the width

    -> mode is a string containing either max or avg, indicating whether
    to perform maximum or average pooling, respectively

    -> Returns: the partial derivatives with respect to the
    previous layer (dA_prev)
    """
    kh, kw = kernel_shape
    m, h_prev, w_prev, ch = A_prev.shape
    sh, sw = stride

    output_h = int((h_prev - kh) / sh) + 1
    output_w = int((w_prev - kw) / sw) + 1

    pd = np.zeros(A_prev.shape)

    for i in range(m):
        for h in range(output_h):
            for w in range(output_w):
                for k in range(ch):
                    if mode == 'max':
                        tmp = A_prev[i, h * sh:h * sh + kh,
                                     w * sw:w * sw + kw, k]
                        mask = tmp == tmp.max()
                        pd[i, h * sh:h * sh + kh,
                           w * sw:w * sw + kw, k] += dA[i, h, w, k] * mask
                    else:
                        pd[i, h * sh:h * sh + kh,
                           w * sw:w * sw + kw, k] += dA[i, h, w, k] / (kh * kw)
    return pd

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
