# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: GuzhiRegem/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 99d342a20a26cd8eda51adfdc7125e777d1fc90a
# url: https://github.com/GuzhiRegem/holbertonschool-machine_learning/blob/99d342a20a26cd8eda51adfdc7125e777d1fc90a/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 99d342a20a26cd8eda51adfdc7125e777d1fc90a
# url: https://github.com/GuzhiRegem/holbertonschool-machine_learning/blob/99d342a20a26cd8eda51adfdc7125e777d1fc90a/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 7d5a162ab180585a50a7e1ed8734afa98831934e
# url: https://github.com/GuzhiRegem/holbertonschool-machine_learning/blob/7d5a162ab180585a50a7e1ed8734afa98831934e/supervised_learning/0x07-cnn/2-conv_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    module
"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """ conv forward """
    ks = np.array(W.shape[:2])
    nc = W.shape[3]
    siz = np.array(A_prev.shape[1:3])
    st = np.array(stride)

    if padding == "valid":
        ph, pw = (0, 0)
    elif padding == "same":
        ph, pw = ((((siz - 1) * st) + ks[:2] - siz) // 2) + 1
    else:
        ph, pw = padding
    img = np.pad(A_prev, ((0, 0), (ph, ph), (pw, pw), (0, 0)),
                 'constant', constant_values=0)
    pad = np.array((ph, pw))
    sh = ((siz + (2 * pad) - ks[:2]) // st) + 1
    out = np.zeros(shape=(A_prev.shape[0], sh[0], sh[1], nc))
    ite = (siz + (2 * pad) - ks[:2] + 1)
    for k_idx in range(nc):
        kernel = W[:, :, :, k_idx]
        for i, x in enumerate(list(range(0, ite[0], st[0]))):
            for j, y in enumerate(list(range(0, ite[1], st[1]))):
                sp = img[:, x: x + ks[0], y: y + ks[1], :]
                out[:, i, j, k_idx] = np.sum(sp * kernel, axis=(1, 2, 3))
    return activation(out + b)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    module
"""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """ conv forward """
    ks = np.array(kernel_shape)
    siz = np.array(A_prev.shape[1:3])
    st = np.array(stride)
    sh = ((siz - ks) // st) + 1
    out = np.zeros((A_prev.shape[0], sh[0], sh[1], A_prev.shape[3]))
    ite = (siz - ks + 1)
    for i, x in enumerate(list(range(0, ite[0], st[0]))):
        for j, y in enumerate(list(range(0, ite[1], st[1]))):
            sp = A_prev[:, x: x + ks[0], y: y + ks[1], :]
            if mode == "max":
                res = np.max(sp, axis=(1, 2))
            if mode == "avg":
                res = np.average(sp, axis=(1, 2))
            out[:, i, j, :] = res
    return out

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    module
"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """ conv forward """
    dA_prev = np.zeros(shape=A_prev.shape)
    dW = np.zeros(shape=W.shape)
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)
    return dA_prev, dW, db

_student_conv_backward = conv_backward


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
