# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: cmmolanos1/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 3dff3ba9af6661c65380e22e1265bbb97966febf
# url: https://github.com/cmmolanos1/holbertonschool-machine_learning/blob/3dff3ba9af6661c65380e22e1265bbb97966febf/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 4ca68649b8905629577c15d42e83bd6955ed3bdf
# url: https://github.com/cmmolanos1/holbertonschool-machine_learning/blob/4ca68649b8905629577c15d42e83bd6955ed3bdf/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 0f1ccc767a655412a64aa7f942ecc4c793faf923
# url: https://github.com/cmmolanos1/holbertonschool-machine_learning/blob/0f1ccc767a655412a64aa7f942ecc4c793faf923/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: edfa13ee168baa8586f5e01bee2b62658fc3ed3d
# url: https://github.com/cmmolanos1/holbertonschool-machine_learning/blob/edfa13ee168baa8586f5e01bee2b62658fc3ed3d/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Convolution forward
"""

import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """Performs forward propagation over a convolutional layer of a neural
    network.

    Args:
        A_prev (np.ndarray): matrix of shape (m, h_prev, w_prev, c_prev)
                             containing the output of the previous layer.
        W (np.ndarray): matrix of shape (kh, kw, c_prev, c_new) containing
                        the kernels for the convolution.
        b (np.ndarray): matrix of shape (1, 1, 1, c_new) containing the biases
                        applied to the convolution.
        activation (function): activation function applied to the convolution.
        padding (str): same or valid, indicating the type of padding used.
        stride (tuple): shape (sh, sw) containing the strides for the
                        convolution.

    Returns:

    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, _, c_new = W.shape
    sh, sw = stride

    ph = 0
    pw = 0

    if padding == 'same':
        ph = int(((h_prev - 1) * sh + kh - h_prev) / 2)
        pw = int(((w_prev - 1) * sw + kw - w_prev) / 2)

    if type(padding) == tuple:
        ph, pw = padding

    padded_img = np.pad(A_prev,
                        ((0, 0), (ph, ph), (pw, pw), (0, 0)),
                        'constant')

    ch = int(((h_prev + 2 * ph - kh) / sh) + 1)
    cw = int(((w_prev + 2 * pw - kw) / sw) + 1)

    Aprev_conv_W = np.zeros((m, ch, cw, c_new))

    for j in range(ch):
        for k in range(cw):
            for n in range(c_new):
                images_slide = padded_img[:,
                                          j * sh:j * sh + kh,
                                          k * sw:k * sw + kw]
                kernel = W[:, :, :, n]
                elem_mul = np.multiply(images_slide, kernel)
                Aprev_conv_W[:, j, k, n] = elem_mul.sum(axis=(1, 2, 3))

    Z = Aprev_conv_W + b

    return activation(Z)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Pooling forward
"""

import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Performs forward propagation over a convolutional layer of a neural
    network.

    Args:
        A_prev (np.ndarray): matrix of shape (m, h_prev, w_prev, c_prev)
                             containing the output of the previous layer.
        kernel_shape (tuple): (kh, kw) = kernel hight, kernel weight.
        stride (tuple): shape (sh, sw) containing the strides for the
                        convolution.
        mode (str): 'max' for maxpool, 'avg' for avgpool.

    Returns:
        The output of the pooling layer.

    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    poolh = int((h_prev - kh) / sh) + 1
    poolw = int((w_prev - kw) / sw) + 1

    pooled = np.zeros((m, poolh, poolw, c_prev))

    for j in range(poolh):
        for k in range(poolw):
            images_slide = A_prev[:,
                                  j * sh:j * sh + kh,
                                  k * sw:k * sw + kw]
            if mode == 'max':
                pooled[:, j, k] = np.max(images_slide, axis=(1, 2))
            elif mode == 'avg':
                pooled[:, j, k] = np.mean(images_slide, axis=(1, 2))

    return pooled

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
# This file does not import (see the analysis), so it is kept as text and run by the adapter.
_CONV_BACKWARD_SOURCE = '#!/usr/bin/env python3\n"""\nPooling forward\n"""\n\nimport numpy as np\n\nz\ndef conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):\n    """Performs back propagation over a convolutional layer of a neural\n    network.\n    Args:\n        dZ (np.ndarray): matrix of shape (m, h_new, w_new, c_new) containing\n                         the partial derivatives with respect to the\n                         unactivated output of the convolutional layer.\n        A_prev (np.ndarray): matrix of shape (m, h_prev, w_prev, c_prev)\n                             containing the output of the previous layer.\n        W (np.ndarray): matrix of shape (kh, kw, c_prev, c_new) containing the\n                        kernels for the convolution.\n        b (np.ndarray): matrix of shape (1, 1, 1, c_new) containing the biases\n                        applied to the convolution.\n        padding (str): same or valid, indicating the type of padding used.\n        stride (tuple): (sh, sw) containing the strides for the convolution.\n    Returns:\n        The partial derivatives with respect to the previous layer (dA_prev),\n        the kernels (dW), and the biases (db), respectively.\n    """\n    m, h_prev, w_prev, c_prev = A_prev.shape\n    kh, kw, c_prev, c_new = W.shape\n    sh, sw = stride\n    m, h_new, w_new, c_new = dZ.shape\n\n    dA_prev = np.zeros(A_prev.shape)\n    dW = np.zeros(W.shape)\n    db = np.sum(dZ, axis=(0, 1, 2))\n\n    ph = 0\n    pw = 0\n\n    if padding == \'same\':\n        ph = int(np.ceil(((sh * h_prev) - sh + kh - h_prev) / 2))\n        pw = int(np.ceil(((sw * w_prev) - sw + kw - w_prev) / 2))\n\n    A_prev_pad = np.pad(A_prev,\n                        ((0, 0), (ph, ph), (pw, pw), (0, 0)),\n                        \'constant\')\n\n    dA_prev_pad = np.pad(dA_prev,\n                         ((0, 0), (ph, ph), (pw, pw), (0, 0)),\n                         \'constant\')\n\n    for i in range(m):\n        a_prev_pad = A_prev_pad[i]\n        da_prev_pad = dA_prev_pad[i]\n\n        for h in range(h_new):\n            for w in range(w_new):\n                for c in range(c_new):\n                    vert_start = h * sh\n                    vert_end = h * sh + kh\n                    horiz_start = w * sw\n                    horiz_end = w * sw + kw\n\n                    a_slice = a_prev_pad[vert_start:vert_end,\n                                         horiz_start:horiz_end,\n                                         :]\n\n                    da_prev_pad[vert_start:vert_end,\n                                horiz_start:horiz_end,\n                                :] += W[:, :, :, c] * dZ[i, h, w, c]\n\n                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]\n\n        if padding == "same":\n            dA_prev[i, :, :, :] = da_prev_pad[ph:-ph, pw:-pw, :]\n        else:\n            dA_prev[i, :, :, :] = da_prev_pad[:, :, :]\n\n    return dA_prev, dW, db\n'


def _student_conv_backward(*args, **kwargs):
    namespace = {}
    exec(compile(_CONV_BACKWARD_SOURCE, 'supervised_learning/0x07-cnn/2-conv_backward.py', "exec"), namespace)  # raises as importing the file would
    return namespace['conv_backward'](*args, **kwargs)


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Pooling backward
"""

import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Performs back propagation over a pooling layer of a neural network.

    Args:
        dA (np.ndarray): matrix of shape (m, h_new, w_new, c_new) containing
                         the partial derivatives with respect to the output
                         of the pooling layer
        A_prev (np.ndarray): matrix of shape (m, h_prev, w_prev, c) containing
                             the output of the previous layer.
        kernel_shape (tuple): (kh, kw) containing the size of the kernel for
                              the pooling.
        stride (tuple): (sh, sw) containing the strides for the pooling.
        mode (str): max or avg, indicating whether to perform maximum or
                    average pooling, respectively.

    Returns:
        The partial derivatives with respect to the previous layer (dA_prev).
    """

    m, h_prev, w_prev, _ = A_prev.shape
    m, h_new, w_new, c_new = dA.shape
    kh, kw = kernel_shape
    sh, sw = stride

    dA_prev = np.zeros(A_prev.shape)

    for i in range(m):
        a_prev = A_prev[i]
        for h in range(h_new):
            for w in range(w_new):
                for c in range(c_new):
                    vert_start = h * sh
                    vert_end = h * sh + kh
                    horiz_start = w * sw
                    horiz_end = w * sw + kw

                    if mode == "max":
                        a_prev_slice = a_prev[vert_start:
                                              vert_end, horiz_start:
                                              horiz_end, c]
                        mask = a_prev_slice == np.max(a_prev_slice)
                        dA_prev[i, vert_start: vert_end,
                                horiz_start: horiz_end,
                                c] += np.multiply(mask, dA[i, h, w, c])

                    elif mode == "avg":
                        da = dA[i, h, w, c]
                        average = da / (kh * kw)
                        distribute = np.ones(kernel_shape) * average
                        dA_prev[i,
                                vert_start:vert_end,
                                horiz_start:horiz_end,
                                c] += distribute

    return dA_prev

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
