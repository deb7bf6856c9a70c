# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: Edigiraldo/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: f3b15808f5fe8e90af70bc766e26ab3a975055e4
# url: https://github.com/Edigiraldo/holbertonschool-machine_learning/blob/f3b15808f5fe8e90af70bc766e26ab3a975055e4/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 530a4718a9d00f005e77678d5926b2d6d765ca8e
# url: https://github.com/Edigiraldo/holbertonschool-machine_learning/blob/530a4718a9d00f005e77678d5926b2d6d765ca8e/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 650fffdbde374e2b6ce2dad46a86a4e44dafc508
# url: https://github.com/Edigiraldo/holbertonschool-machine_learning/blob/650fffdbde374e2b6ce2dad46a86a4e44dafc508/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: b2d433d3a7e39b8150ca9cfe8703fef95639fea0
# url: https://github.com/Edigiraldo/holbertonschool-machine_learning/blob/b2d433d3a7e39b8150ca9cfe8703fef95639fea0/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Function conv_forward."""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """Function that performs forward propagation
    over a convolutional layer of a neural network."""
    m, h, w, c = A_prev.shape
    kh, kw, c, nc = W.shape
    sh, sw = stride

    if padding == "same":
        ph = int(((h - 1) * sh + kh - h) / 2)
        pw = int(((w - 1) * sw + kw - w) / 2)

    else:  # padding == "valid":
        ph, pw = 0, 0

    images_padded = np.pad(A_prev, ((0, 0), (ph, ph), (pw, pw), (0, 0)),
                           'constant')

    out_h = int(((h + (2*ph) - kh) / sh) + 1)
    out_w = int(((w + (2*pw) - kw) / sw) + 1)
    out = np.zeros((m, out_h, out_w, nc))

    for i in range(out_h):
        for j in range(out_w):
            img = images_padded[:, i * sh: i * sh + kh,
                                j * sw: j * sw + kw, :, np.newaxis]
            out[:, i, j] = (W[np.newaxis, :] * img)\
                .sum(axis=1).sum(axis=2).sum(axis=1)

    out = activation(out + b)

    return out

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Function pool_forward."""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Function that performs forward propagation
    over a pooling layer of a neural network."""
    m, h, w, c = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    out_h = int(((h - kh) / sh) + 1)
    out_w = int(((w - kw) / sw) + 1)
    out = np.zeros((m, out_h, out_w, c))

    for i in range(out_h):
        for j in range(out_w):
            img = A_prev[:, i * sh: i * sh + kh, j * sw: j * sw + kw, :]
            if mode == "max":
                out[:, i, j, :] = img.max(axis=(1, 2))
            elif mode == "avg":
                out[:, i, j, :] = img.mean(axis=(1, 2))

    return out

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Function conv_backward."""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """Function that performs back propagation over
    a convolutional layer of a neural network."""
    m_z, h_new, w_new, c_newz = dZ.shape
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape

    sh, sw = stride
    ph, pw = 0, 0

    if padding == 'same':
        ph = int(np.ceil(max((h_prev - 1) * sh + kh - h_prev, 0) / 2))
        pw = int(np.ceil(max((w_prev - 1) * sw + kw - w_prev, 0) / 2))
        A_prev = np.pad(A_prev, pad_width=((0, 0), (ph, ph), (pw, pw), (0, 0)),
                        mode='constant', constant_values=0)

    dW = np.zeros(W.shape)
    dA_prev = np.zeros(A_prev.shape)
    db = np.zeros(b.shape)
    db[:, :, 0, :] = np.sum(dZ, axis=(0, 1, 2))

    for i in range(m):
        for h in range(h_new):
            for w in range(w_new):
                for cn in range(c_new):
                    aux_W = W[:, :, :, cn]
                    aux_dZ = dZ[i, h, w, cn]
                    dA_prev[i,
                            h * sh:kh + (h * sh),
                            w * sw:kw + (w * sw)] += (aux_W * aux_dZ)
                    dW[:, :, :, cn] += (A_prev[i, h * sh:kh + (h * sh),
                                        w * sw:kw + (w * sw)] * aux_dZ)

    _, h_dA, w_dA, _ = dA_prev.shape
    dA_prev = dA_prev[:, ph:h_dA-ph, pw:w_dA-pw, :]

    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Function pool_backward."""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Function that performs back propagation
    over a pooling layer of a neural network."""
    m, h_new, w_new, c_new = dA.shape
    m, h_prev, w_prev, c = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    dx = np.zeros_like(A_prev)
    for i in range(m):
        for h in range(h_new):
            for w in range(w_new):
                for cn in range(c_new):
                    if mode == 'max':
                        aux = A_prev[i,
                                     h*sh:kh+(h*sh),
                                     w*sw:kw+(w*sw),
                                     cn]
                        mask = (aux == np.max(aux))
                        dx[i,
                           h*sh:kh+(h*sh),
                           w*sw:kw+(w*sw),
                           cn] += dA[i, h, w, cn] * mask
                    if mode == 'avg':
                        dx[i,
                           h*sh:kh+(h*sh),
                           w*sw:kw+(w*sw),
                           cn] += (dA[i, h, w, cn])/kh/kw

    return dx

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
