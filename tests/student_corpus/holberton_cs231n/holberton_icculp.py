# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: icculp/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 67e84c0da5cdbf8a80ce7ee95962f6134c839ff1
# url: https://github.com/icculp/holbertonschool-machine_learning/blob/67e84c0da5cdbf8a80ce7ee95962f6134c839ff1/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 574a9cc4a2ae58af18422d1e5873961aa70624b3
# url: https://github.com/icculp/holbertonschool-machine_learning/blob/574a9cc4a2ae58af18422d1e5873961aa70624b3/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 24cea6541372b03e67d6227a96ed34922a627326
# url: https://github.com/icculp/holbertonschool-machine_learning/blob/24cea6541372b03e67d6227a96ed34922a627326/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: f13b2d54cb12fbbffcd14cc90a424b5d37e3f54b
# url: https://github.com/icculp/holbertonschool-machine_learning/blob/f13b2d54cb12fbbffcd14cc90a424b5d37e3f54b/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    Convolutional Neural Networks
"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """ Forward prop over a convolutional layer
        A_prev contains output of previous layer (m, h_prev, w_prev, c_prev)
        W contains kernels (kh, kw, c_prev, c_new)
            c_prev is number of channels in previous layer
            c_new is # of channels in output
        b contains biases (1, 1, 1, c_new)
        activation to be applied to convolution
        padding is same or vlid
        stride contains strides
        Returns: output of convolutional layer
    """
    '''
    w = W
    a = A_prev
    b = b
    aw_ = np.matmul(w,
                    a + b)
    '''
    kh = W.shape[0]
    kw = W.shape[1]
    kc = W.shape[2]
    nc = W.shape[3]
    input_h = A_prev.shape[1]
    input_w = A_prev.shape[2]
    input_c = A_prev.shape[3]
    m = A_prev.shape[0]
    if padding == 'same':
        """ Account for even kernels by adding 1, when k is even """
        padh = int(((input_h - 1) * stride[0] + kh -
                   input_h) / 2) + int(kh % 2 == 0)
        padw = int(((input_w - 1) * stride[1] + kw -
                   input_w) / 2) + int(kh % 2 == 0)
    elif padding == 'valid':
        padh = 0
        padw = 0
        image_padded = A_prev
    elif type(padding) == tuple:
        padh, padw = padding
    image_padded = np.pad(A_prev, ((0, 0), (padh, padh),
                          (padw, padw), (0, 0)), 'constant',
                          constant_values=0)
    out_h = int(np.floor(A_prev.shape[1] + 2 * padh - kh) / stride[0]) + 1
    out_w = int(np.floor(A_prev.shape[2] + 2 * padw - kw) / stride[1]) + 1
    output = np.zeros((m, out_h, out_w, nc))
    '''print(b)'''
    for w in range(nc):
        for x in range(out_w):
            for y in range(out_h):
                ys = stride[0] * y
                xs = stride[1] * x
                output[:, y, x, w] = np.sum(np.multiply(W[:, :, :, w],
                                            image_padded[:, ys:ys +
                                            kh, xs:xs + kw, :]),
                                            axis=(1, 2, 3))

    act = activation(output + b)
    return act

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    Convolutional Neural Networks
"""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """ Forward prop over a pooling layer
        A_prev contains output of previous layer (m, h_prev, w_prev, c_prev)
        W contains kernels (kh, kw, c_prev, c_new)
            c_prev is number of channels in previous layer
            c_new is # of channels in output
        kernel_shape (kh, kw)
        stride (sh, sw)
        mode 'max' or 'avg'
        Returns: output of pooling layer
    """
    kh = kernel_shape[0]
    kw = kernel_shape[1]
    input_h = A_prev.shape[1]
    input_w = A_prev.shape[2]
    input_c = A_prev.shape[3]
    m = A_prev.shape[0]

    out_h = int(np.floor(input_h - kh) / stride[0]) + int(kw % 2 == 0)
    out_w = int(np.floor(input_w - kw) / stride[1]) + int(kh % 2 == 0)
    output = np.zeros((m, out_h, out_w, input_c))
    for x in range(out_w):
        for y in range(out_h):
            ys = stride[0] * y
            xs = stride[1] * x
            if mode == 'max':
                output[:, y, x, :] = np.amax(A_prev[:, ys:ys +
                                             kh, xs:xs + kw, :],
                                             axis=(1, 2))
            if mode == 'avg':
                output[:, y, x, :] = np.average(A_prev[:, ys:ys +
                                                kh, xs:xs + kw, :],
                                                axis=(1, 2))
    return output

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    Convolutional Neural Networks
"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding='same', stride=(1, 1)):
    """ Back prop over convolutional layer
        dZ contains partial derivative w/ respect to unactivated output
            (m, h_new, w_new, c_new)
        A_prev (m, h_prev, w_prev, c_prev) output of prev layer
        W contains kernels (kh, kw, c_prev, c_new)
            c_prev is number of channels in previous layer
            c_new is # of channels in output
        b (1, 1, 1, c_new)
        padding 'same' or 'valid'
        stride (sh, sw)
        Returns: partial der w/ respect to previous layer,
                kernels, and biases respectively
                (dAprev, dW, db)
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, _, _ = W.shape
    m, h_new, w_new, c_new = dZ.shape
    '''print(dZ.shape)
    print(A_prev.shape)'''
    dA = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    if padding == 'same':
        """ Account for even kernels by adding 1, when k is even """
        padh = int(((h_prev - 1) * stride[0] + kh -
                   h_prev) / 2) + 1
        padw = int(((w_prev - 1) * stride[1] + kw -
                   w_prev) / 2) + 1
        A_prev_pad = np.pad(A_prev, ((0, 0), (padh, padh),
                            (padw, padw), (0, 0)), 'constant',
                            constant_values=0)
        dA_prev_pad = np.pad(dA, ((0, 0), (padh, padh),
                             (padw, padw), (0, 0)), 'constant',
                             constant_values=0)
    elif padding == 'valid':
        padh = 0
        padw = 0
        A_prev_pad = A_prev
        dA_prev_pad = dA
    for i in range(m):
        for x in range(h_new):
            for y in range(w_new):
                for c in range(c_new):
                    ys = stride[1] * y
                    xs = stride[0] * x
                    dA_prev_pad[i, xs:xs + kh, ys:ys +
                                kw, :] += W[:, :, :, c] *\
                        dZ[i, x, y, c]
                    dW[:, :, :, c] += A_prev_pad[i, xs:xs +
                                                 kh, ys:ys + kw, :] *\
                        dZ[i, x, y, c]
                    db[:, :, :, c] += dZ[i, x, y, c]
        if padding == 'valid':
            dA[i, :, :, :] = dA_prev_pad[i, :, :, :]
        else:
            dA[i, :, :, :] = dA_prev_pad[i, padh:-padh, padw:-padw, :]
    return dA, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    Convolutional Neural Networks
"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """ Back prop over convolutional layer
        dA contains partial derivative w/ respect to output of pooling layer
            (m, h_new, w_new, c_new)
        A_prev (m, h_prev, w_prev, c_prev) output of prev layer
        kernel_shape (kh, kw)
        padding 'same' or 'valid'
        stride (sh, sw)
        mode 'max' or 'avg'
        Returns: partial der w/ respect to previous layer (dA_prev)
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    m, h_new, w_new, c_new = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    kh, kw = kernel_shape
    for i in range(m):
        for x in range(h_new):
            for y in range(w_new):
                for c in range(c_new):
                    ys = stride[1] * y
                    xs = stride[0] * x
                    if mode == 'max':
                        A = A_prev[i, xs:xs + kh, ys:ys + kw, c]
                        mask = A == np.max(A)
                        dA_prev[i, xs:xs + kh,
                                ys:ys + kw, c] += mask * dA[i, x, y, c]
                    elif mode == 'avg':
                        average = dA[i, x, y, c] / (kh * kw)
                        average = average * np.ones(kernel_shape)
                        dA_prev[i, xs:xs + kh, ys:ys + kw, c] += average
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
