# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: MansourKef/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: f568be91e709bc6a10c407cb3d7e22fb0141bc92
# url: https://github.com/MansourKef/holbertonschool-machine_learning/blob/f568be91e709bc6a10c407cb3d7e22fb0141bc92/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: d01cceacceabd064ba2c433165bb15474f783715
# url: https://github.com/MansourKef/holbertonschool-machine_learning/blob/d01cceacceabd064ba2c433165bb15474f783715/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 50f27e31c45c9953999970a5d6d1dd67d6a83af5
# url: https://github.com/MansourKef/holbertonschool-machine_learning/blob/50f27e31c45c9953999970a5d6d1dd67d6a83af5/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: e1b001ffc94a05aa2f7084e2603c020c9018f3a1
# url: https://github.com/MansourKef/holbertonschool-machine_learning/blob/e1b001ffc94a05aa2f7084e2603c020c9018f3a1/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""module"""


import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same",
                 stride=(1, 1)):
    """function"""
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = W.shape[0], W.shape[1]
    c_new = W.shape[3]
    sh, sw = stride
    if padding == 'valid':
        h_new = int(np.ceil((h_prev - kh + 1)/sh))
        w_new = int(np.ceil((w_prev - kw + 1)/sw))
        A_padded = A_prev[:, :, :, :]
    elif padding == 'same':
        ph = int(np.ceil(((h_prev - 1)*sh + kh - h_prev)/2))
        pw = int(np.ceil(((w_prev - 1)*sw + kw - w_prev)/2))
        h_new = int(np.ceil(((h_prev + 2*ph - kh + 1)/sh)))
        w_new = int(np.ceil(((w_prev + 2*pw - kw + 1)/sw)))
        A_padded = np.pad(A_prev, ((0, 0), (ph, ph), (pw, pw), (0, 0)))
    output = np.zeros((m, h_new, w_new, c_new))
    for k in range(c_new):
        for i in range(h_new):
            for j in range(w_new):
                sliced = A_padded[:, i*sh: i*sh + kh, j*sw: j*sw + kw, :]
                output[:, i, j, k] = np.sum(sliced*W[:, :, :, k],
                                            axis=(1, 2, 3))
    output = activation(output + b)
    return output

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""module"""


import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """function"""
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride
    h_new = int(np.ceil((h_prev - kh + 1) / sh))
    w_new = int(np.ceil((w_prev - kw + 1) / sw))
    output = np.zeros((m, h_new, w_new, c_prev))
    for i in range(h_new):
        for j in range(w_new):
            sliced = A_prev[:, i * sh: i * sh + kh, j * sw: j * sw + kw, :]
            if mode == 'max':
                output[:, i, j, :] = np.max(sliced, axis=(1, 2))
            else:
                output[:, i, j, :] = np.mean(sliced, axis=(1, 2))
    return output

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""module"""


import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """function"""
    m, h_new, w_new, c_new = dZ.shape
    h_prev, w_prev, c_prev = A_prev.shape[1:]
    kh, kw = W.shape[0:2]
    sh, sw = stride
    if padding == 'same':
        ph = int(np.ceil(((h_prev - 1)*sh + kh - h_prev)/2))
        pw = int(np.ceil(((w_prev - 1) * sw + kw - w_prev)/2))
        A_padded = np.pad(A_prev, ((0, 0), (ph, ph), (pw, pw), (0, 0)))
    else:
        A_padded = A_prev[:, :, :, :]
        dA_prev = np.zeros(A_padded.shape)
        dW = np.zeros(W.shape)
        db = np.zeros(b.shape)
    for k in range(c_new):
        for i in range(h_new):
            for j in range(w_new):
                reshZ = dZ[:, i, j, k].reshape(10, 1, 1, 1)
                dA_prev[:, i*sh: i*sh + kh, j*sw: j*sw + kw, :] += \
                    W[:, :, :, k]*reshZ
                A = A_prev[:, i*sh: i*sh + kh, j*sw: j*sw + kw, :]
                dW[:, :, :, k] += np.sum(A*reshZ, axis=0)
                db[:, :, :, k] += dZ[:, i, j, k]
    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""module"""


import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """function"""
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride
    h_new, w_new, c_new = dA.shape[1:]
    dA_prev = np.zeros(A_prev.shape)
    for n in range(m):
        for k in range(c_new):
            for i in range(h_new):
                for j in range(w_new):
                    if mode == 'max':
                        A_prev_sliced = A_prev[n, i*sh: i*sh + kh,
                                               j*sw: j*sw + kw, k]
                        position = (A_prev_sliced == np.max(A_prev_sliced))
                        dA_prev[n, i*sh: i*sh + kh, j*sw: j*sw + kw, k] = \
                            position*dA[n, i, j, k]
                    else:
                        dA_prev[n, i*sh: i*sh + kh, j*sw: j*sw + kw, k] = \
                            dA[n, i, j, k]/(kh*kw)
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
