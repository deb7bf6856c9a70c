# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: KoeusIss/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 28ccaf2f8b353574f32201133faa42644c2cf627
# url: https://github.com/KoeusIss/holbertonschool-machine_learning/blob/28ccaf2f8b353574f32201133faa42644c2cf627/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: fee0f67ef551a8be56cda2f7660d06ac38fd6e04
# url: https://github.com/KoeusIss/holbertonschool-machine_learning/blob/fee0f67ef551a8be56cda2f7660d06ac38fd6e04/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 6ed869b277d3659c8f9b29fcd7ecb4cf820649b3
# url: https://github.com/KoeusIss/holbertonschool-machine_learning/blob/6ed869b277d3659c8f9b29fcd7ecb4cf820649b3/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: 59f8eb2cc3512c4345d1f44c60f7990bfb95d214
# url: https://github.com/KoeusIss/holbertonschool-machine_learning/blob/59f8eb2cc3512c4345d1f44c60f7990bfb95d214/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Convolutional Neural Network module"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """Performs forward propagation over a convolutional layer of a neural
    Network.

    Args:
        A_prev (numpy.ndarray): Is containing the output of the previous layer
            of shape (m, h_prev, w_prev, c_prev) where m is the number of input
            data point, h_prev and w_prev is the height and width in pixel of
            the previous output and c_prev is the number of channel of previous
            output.
        W (numpy.ndarray): Is containing the kernels for the convolution of
            shape (kh, kw, c_prev, c_new) where kh and kw is the height and the
            width of the kernels, c_prev is the of channels of the previous
            layer and c_new is the number of channels in the output.
        b (numpy.ndarray): Is containing the biases of applied to the
            convolution of shape (1, 1, 1, c_new) where c_new is the number
            of channels in the ouput.
        activation (str): Indicates the activation function applied to the
            convolution.
        padding (str): Indicates is either `same` or `valid` used padding.
        stride (tuple): Is containing the strides for the convolution of
            shape (sh, sw) where sh is the stride for the height and sw for
            the width

    Returns:
        numpy.ndarray: The output of the convolutional layer

    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride

    padding_h = 0
    padding_w = 0

    if padding == "same":
        padding_h = int(np.ceil((sh * (h_prev - 1) - h_prev + kh) / 2))
        padding_w = int(np.ceil((sw * (w_prev - 1) - w_prev + kw) / 2))

    A_padded = np.pad(
        array=A_prev,
        pad_width=((0,), (padding_h,), (padding_w,), (0,)),
        mode="constant",
        constant_values=0
    )
    output_h = int((h_prev + 2 * padding_h - kh) / sh + 1)
    output_w = int((w_prev + 2 * padding_w - kw) / sw + 1)

    output = np.zeros((m, output_h, output_w, c_new))

    for i in range(output_h):
        for j in range(output_w):
            for k in range(c_new):
                output[:, i, j, k] = np.sum(
                    W[:, :, :, k] *
                    A_padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw],
                    axis=(1, 2, 3)
                )
    return activation(output + b)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Convolution Neural Network module"""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Performs forward propagation over a pooling layer of a neural network

    Args:
        A_prev (numpy.ndarray): Is containing the output of the previous layer
            of shape (m, h_prev, w_prev, c_prev) where m is the number of input
            data point, h_prev and w_prev is the height and width in pixel of
            the previous output and c_prev is the number of channel of previous
            output.
         kernel_shape (tuple): Is containing the shapes for the convolution of
            shape (kh, kw) where kh and kw is the height of the pooling kernel.
        stride (tuple): Is containing the strides for the convolution of
            shape (sh, sw) where sh is the stride for the height and sw for
            the width
        mode (str): Is indicates either `max` or `avg` pooling.

    Returns:
        numpy.ndarray: The output of the convolutional layer

    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    output_h = int((h_prev - kh) / sh + 1)
    output_w = int((w_prev - kw) / sw + 1)

    if mode == "max":
        pool_operation = np.max
    else:
        pool_operation = np.average

    output = np.zeros((m, output_h, output_w, c_prev))
    for i in range(output_h):
        for j in range(output_w):
            output[:, i, j, :] = pool_operation(
                A_prev[:, i * sh:i * sh + kh, j * sw:j * sw + kw, :],
                axis=(1, 2)
            )
    return output

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Convolution Neural Nerwork module"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """Performs back-propagation over a convolutional layer of a neural network

    Args:
        dZ (numpy.ndarra): Is containing the partial derivatives with respect
            to the unactivatted ouput of the convolutional layer with shape
            (m, h_new, w_new, c_new) where m is the number of input data point,
            h_new and w_new is the height and the width of the output, and
            c_new is the number of channels in the output.
        A_prev (numpy.ndarray): Is containing the output of te previous layer
            with shape (m, h_prev, w_prev, c_prev) where m is the number of
            input data points, h_prev and w_prec is the height and width of the
            previous output, and c_prev the number of cahnnels in previous.
        W (numpy.ndarray): Is containing the kernels for the convolution with
            shape (kh, kw, c_prev, c_new)
        b (numpy.ndarray): Is containing the the biases.
        padding (str): Is idicates either applie a `same` or `valid`
            convolution.
        stride (tuple): Is containg the height and width applied stride.

    Returns:
        numpy.ndarray: The partial derivative with respect to previous layer's
        activation, The kernels and biases

    """
    m, h_new, w_new, c_new = dZ.shape
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride
    padding_h, padding_w = (0, 0)

    if padding == "same":
        padding_h = int(np.ceil((sh * (h_prev - 1) - h_prev + kh) / 2))
        padding_w = int(np.ceil((sw * (w_prev - 1) - w_prev + kw) / 2))

    _A_prev = np.pad(
        array=A_prev,
        pad_width=((0,), (padding_h,), (padding_w,), (0,)),
        mode="constant",
        constant_values=0
    )
    dA_prev = np.zeros_like(_A_prev)
    dW = np.zeros_like(W)
    db = np.zeros_like(b)

    for n in range(m):
        for i in range(h_new):
            for j in range(w_new):
                for c in range(c_new):
                    dA_prev[
                        n, i * sh:i * sh + kh, j * sw:j * sw + kw, :
                    ] += W[:, :, :, c] * dZ[n, i, j, c]
                    dW[:, :, :, c] += _A_prev[
                        n, i * sh:i * sh + kh, j * sw:j * sw + kw, :
                    ] * dZ[n, i, j, c]
                    db[:, :, :, c] += dZ[n, i, j, c]
    if padding_h or padding_w:
        dA_prev = dA_prev[:, padding_h:-padding_h, padding_w:-padding_w, :]
    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Convolution Neural Nerwork module"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Performs back-propagation over a convolutional layer of a neural network

    Args:
        dA (numpy.ndarra): Is containing the partial derivatives with respect
            to the unactivatted ouput of the convolutional layer with shape
            (m, h_new, w_new, c) where m is the number of input data point,
            h_new and w_new is the height and the width of the output, and
            c is the number of channels in the output.
        A_prev (numpy.ndarray): Is containing the output of te previous layer
            with shape (m, h_prev, w_prev, c) where m is the number of
            input data points, h_prev and w_prec is the height and width of the
            previouj output, and c_prev the number of cahnnels in previous.
        kernel_shape (tuple): Is containing the kernels for the convolution of
            shape (kh, kw)
        stride (tuple): Is containg the height and width applied stride.
        mode (str): Is either `max` or `avg`

    Returns:
        numpy.ndarray: The partial derivative with respect to previous layer's
        activation

    """
    m, h_new, w_new, c = dA.shape
    m, h_prev, w_prev, _ = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    dA_prev = np.zeros_like(A_prev)

    for n in range(m):
        for i in range(h_new):
            for j in range(w_new):
                for k in range(c):
                    if mode == "max":
                        tmp = A_prev[
                            n, i * sh:i * sh + kh, j * sw:j * sw + kw, k
                        ]
                        mask = np.where(tmp == np.max(tmp), 1, 0)
                        dA_prev[
                            n, i * sh:i * sh + kh, j * sw:j * sw + kw, k
                        ] += dA[n, i, j, k] * mask
                    else:
                        avg = dA[n, i, j, k] / (kw * kh)
                        dA_prev[
                            n, i * sh:i * sh + kh, j * sw:j * sw + kw, k
                        ] += np.ones(kernel_shape) * avg
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
