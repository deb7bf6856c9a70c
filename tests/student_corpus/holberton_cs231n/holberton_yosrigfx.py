# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: YosriGFX/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: ceae7ada22ef702d77e164f2c96a7eb4c0a204d5
# url: https://github.com/YosriGFX/holbertonschool-machine_learning/blob/ceae7ada22ef702d77e164f2c96a7eb4c0a204d5/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 9a0968500418c99bd5669f7d95c8239e92d8dd9b
# url: https://github.com/YosriGFX/holbertonschool-machine_learning/blob/9a0968500418c99bd5669f7d95c8239e92d8dd9b/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 2acfa6aec2d6ce2fb50c7072d08f0f6bad728c90
# url: https://github.com/YosriGFX/holbertonschool-machine_learning/blob/2acfa6aec2d6ce2fb50c7072d08f0f6bad728c90/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: df31e76087854b4942419fcd59feec4880568ac3
# url: https://github.com/YosriGFX/holbertonschool-machine_learning/blob/df31e76087854b4942419fcd59feec4880568ac3/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
'''Convolutional Forward Props'''
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    '''that performs forward propagation over
    a convolutional layer of a neural network'''
    m, imgh, imgw, c = A_prev.shape
    kh, kw, kc, knc = W.shape
    sh, sw = stride
    imgHP, imgwp = 0, 0
    if padding == 'same':
        imgHP = (
            (
                (imgh - 1) * sh + kh - imgh
            ) // 2
        ) + int(kh % 2 == 0)
        imgwp = (
            (
                (imgw - 1) * sw + kw - imgw
            ) // 2
        ) + int(kw % 2 == 0)
    if type(padding) == tuple:
        imgHP, imgwp = padding
    imgh, imgw = (
        imgh - kh + 2 * imgHP
    ) // sh + 1, (
        imgw - kw + 2 * imgwp
    ) // sw + 1
    out = np.zeros(
        (m, imgh, imgw, knc)
    )
    new = np.pad(
        A_prev,
        (
            (0, 0),
            (imgHP, imgHP),
            (imgwp, imgwp),
            (0, 0)
        ),
        'constant',
        constant_values=0
    )
    for k in range(knc):
        for i in range(imgh):
            for j in range(imgw):
                out[:, i, j, k] = np.sum(
                    new[
                        :, i * sh:i * sh + kh, j * sw:j * sw + kw, :
                    ] * W[..., k],
                    axis=(1, 2, 3)
                )
    return activation(out + b)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
'''Pooling Forward Prop'''
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    '''Function that performs forward
    propagation over a pooling layer
    of a neural network:'''
    m, imgH, imgw, c = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride
    imgH, imgw = (
        imgH-kh
    ) // sh + 1, (
        imgw-kw
    ) // sw + 1
    out = np.zeros(
        (m, imgH, imgw, c)
    )
    for i in range(imgH):
        for j in range(imgw):
            if mode == 'avg':
                out[:, i, j, :] = np.average(
                    A_prev[
                        :,
                        i * sh:i * sh + kh,
                        j * sw:j * sw + kw,
                        :
                    ],
                    axis=(1, 2)
                )
            if mode == 'max':
                out[:, i, j, :] = np.max(
                    A_prev[
                        :,
                        i * sh:i * sh + kh,
                        j * sw:j * sw + kw,
                        :
                    ],
                    axis=(1, 2)
                )
    return out

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
'''Convolutional Back Prop'''
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    '''A Function that performs back
    propagation over a convolutional
    layer of a neural network'''
    m, imgh, imgw, c = dZ.shape
    kh, kw, kc, knc = W.shape
    sh, sw = stride
    imgHP, imgwp = 0, 0
    if padding == 'same':
        imgHP = (
            (
                (imgh * sh) - sh + kh - imgh
            ) // 2
        ) + 1
        imgwp = (
            (
                (imgw * sw) - sw + kw - imgw
            ) // 2
        ) + 1
    if type(padding) == tuple:
        imgHP, imgwp = padding
    new = np.pad(
        A_prev, (
            (0, 0),
            (imgHP, imgHP),
            (imgwp, imgwp),
            (0, 0)
        ),
        'constant',
        constant_values=0
    )
    db = np.sum(
        dZ,
        axis=(0, 1, 2),
        keepdims=True
    )
    newDZero = np.zeros(new.shape)
    dW = np.zeros_like(W)
    for n in range(m):
        for i in range(imgh):
            for j in range(imgw):
                for k in range(knc):
                    newDZero[
                        n,
                        i * sh:i * sh+kh,
                        j * sw:j * sw + kw,
                        :
                    ] += np.multiply(
                        dZ[n, i, j, k],
                        W[..., k]
                    )
                    dW[..., k] += np.multiply(
                        dZ[n, i, j, k],
                        new[
                            n,
                            i * sh:i * sh + kh,
                            j * sw:j * sw + kw,
                            :
                        ]
                    )
    if padding == 'same':
        newDZero = newDZero[
            :,
            imgHP:-imgHP,
            imgwp:-imgwp,
            :
        ]
    return newDZero, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
'''Pooling Back Prop'''
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    '''A function that performs back
    propagation over a pooling layer
    of a neural network'''
    m, imgH, imgw, c = dA.shape
    kh, kw = kernel_shape
    sh, sw = stride
    imghp, imgwp = 0, 0
    newPrev = A_prev
    dA_new = np.zeros_like(A_prev)
    for n in range(m):
        for i in range(imgH):
            for j in range(imgw):
                for k in range(c):
                    if mode == 'max':
                        tmp = newPrev[
                            n,
                            i * sh:i * sh + kh,
                            j * sw:j * sw + kw,
                            k
                        ]
                        mask = tmp == np.max(tmp)
                        dA_new[
                            n,
                            i * sh:i * sh + kh,
                            j * sw:j * sw + kw,
                            k
                        ] += np.multiply(
                            dA[n, i, j, k],
                            mask
                        )
                    if mode == 'avg':
                        dA_new[
                            n,
                            i * sh:i * sh + kh,
                            j * sw:j * sw + kw,
                            k
                        ] += dA[n, i, j, k] / kh / kw
    return dA_new

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
