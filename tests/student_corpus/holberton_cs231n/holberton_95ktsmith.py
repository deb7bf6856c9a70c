# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 95ktsmith/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: deec92ef551765249602a28e073fd6efb6d03fe3
# url: https://github.com/95ktsmith/holbertonschool-machine_learning/blob/deec92ef551765249602a28e073fd6efb6d03fe3/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 30dfa1b36642ccd97952008405e87569132b562d
# url: https://github.com/95ktsmith/holbertonschool-machine_learning/blob/30dfa1b36642ccd97952008405e87569132b562d/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 2f4bb62fc84efb61880cb04e673fd6f90c7f4727
# url: https://github.com/95ktsmith/holbertonschool-machine_learning/blob/2f4bb62fc84efb61880cb04e673fd6f90c7f4727/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: b119d6e37f0faa8373fa31cb43672aec452b62de
# url: https://github.com/95ktsmith/holbertonschool-machine_learning/blob/b119d6e37f0faa8373fa31cb43672aec452b62de/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
""" Convolution forward propagation """
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """
    Performs forward propagation over a convolutional layer of a neural network
    A_prev is a numpy.ndarray of shape (m, h_prev, w_prev, c_prev) containing
        the output of the previous layer
        m is the number of examples
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer
    W is a numpy.ndarray of shape (kh, kw, c_prev, c_new) containing the
        kernels for the convolution
        kh is the filter height
        kw is the filter width
        c_prev is the number of channels in the previous layer
        c_new is the number of channels in the output
    b is a numpy.ndarray of shape (1, 1, 1, c_new) containing the biases
        applied to the convolution
    activation is an activation function applied to the convolution
    padding is a string that is either same or valid, indicating the type of
        padding used
    stride is a tuple of (sh, sw) containing the strides for the convolution
        sh is the stride for the height
        sw is the stride for the width
    Returns: the output of the convolutional layer
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh = stride[0]
    sw = stride[1]

    if padding == "valid":
        ph = 0
        pw = 0
        ch = int((h_prev - kh) / sh + 1)
        cw = int((w_prev - kw) / sw + 1)
    else:  # padding == "same"
        ch = h_prev
        cw = w_prev
        ph = int((ch * sh - h_prev + kh - 1) / 2)
        pw = int((cw * sw - w_prev + kw - 1) / 2)

    padded = np.pad(A_prev,
                    ((0, 0), (ph, ph), (pw, pw), (0, 0)),
                    'constant',
                    constant_values=0)
    convolved = np.zeros((m, ch, cw, c_new))

    for channel in range(c_new):
        for row in range(ch):
            for col in range(cw):
                mask = padded[:, row*sh:row*sh + kh, col*sw:col*sw + kw, :] *\
                    W[None, :, :, :, channel]
                out = np.sum(mask, axis=(1, 2, 3)) + b[:, :, :, channel]
                convolved[:, row, col, channel] = activation(out)
    return convolved

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
""" Pooling forward propagation """
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs forward propagation over a pooling layer of a neural network
    A_prev is a numpy.ndarray of shape (m, h_prev, w_prev, c_prev) containing
        the output of the previous layer
        m is the number of examples
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer
    kernel_shape is a tuple of (kh, kw) containing the size of the kernel for
        the pooling
        kh is the kernel height
        kw is the kernel width
    stride is a tuple of (sh, sw) containing the strides for the pooling
        sh is the stride for the height
        sw is the stride for the width
    mode is a string containing either max or avg, indicating whether to
        perform maximum or average pooling, respectively
    Returns: the output of the pooling layer
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh = kernel_shape[0]
    kw = kernel_shape[1]
    sh = stride[0]
    sw = stride[1]

    ch = int(((h_prev - kh) / sh) + 1)
    cw = int(((w_prev - kw) / sw) + 1)
    convolved = np.zeros((m, ch, cw, c_prev))

    for row in range(ch):
        for col in range(cw):
            if mode == "avg":
                pooled = np.average(A_prev[:, row*sh:row*sh + kh,
                                    col*sw:col*sw + kw, :],
                                    axis=(1, 2))
            else:  # mode == "max"
                pooled = np.amax(A_prev[:, row*sh:row*sh + kh,
                                 col*sw:col*sw + kw, :],
                                 axis=(1, 2))
            convolved[:, row, col, :] = pooled

    return convolved

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
""" Convolution back propagation """
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """
    Performs back propagation over a convolutional layer of a neural network
    dZ is a numpy.ndarray of shape (m, h_new, w_new, c_new) containing the
        partial derivatives with respect to the unactivated output of the
        convolutional layer
        m is the number of examples
        h_new is the height of the output
        w_new is the width of the output
        c_new is the number of channels in the output
    A_prev is a numpy.ndarray of shape (m, h_prev, w_prev, c_prev) containing
        the output of the previous layer
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer
    W is a numpy.ndarray of shape (kh, kw, c_prev, c_new) containing the
        kernels for the convolution
        kh is the filter height
        kw is the filter width
    b is a numpy.ndarray of shape (1, 1, 1, c_new) containing the biases
        applied to the convolution
    padding is a string that is either same or valid, indicating the type of
        padding used
    stride is a tuple of (sh, sw) containing the strides for the convolution
        sh is the stride for the height
        sw is the stride for the width
    Returns: The partial derivatives with respect to the previous layer, the
        kernels, and the biases, respectively
    """
    m, h_new, w_new, c_new = dZ.shape
    h_prev, w_prev, c_prev = A_prev.shape[1:]
    kh, kw = W.shape[:2]
    sh, sw = stride

    if padding == "valid":
        ph = 0
        pw = 0
    else:  # padding == "same"
        ph = int((h_new * sh - h_prev + kh - 1) / 2)
        pw = int((w_new * sw - w_prev + kw - 1) / 2)

    padded = np.pad(A_prev,
                    ((0, 0), (ph, ph), (pw, pw), (0, 0)),
                    'constant',
                    constant_values=0)
    dA_prev = np.zeros(padded.shape)
    dW = np.zeros(W.shape)
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)

    for img in range(m):
        for channel in range(c_new):
            for row in range(h_new):
                for col in range(w_new):
                    grad = W[:, :, :, channel] * dZ[img, row, col, channel]
                    dA_prev[img,
                            row * sh:row * sh + kh,
                            col * sw:col * sw + kw,
                            :] += grad

                    grad = padded[img,
                                  row * sh:row * sh + kh,
                                  col * sw:col * sw + kw,
                                  :] * dZ[img, row, col, channel]
                    dW[:, :, :, channel] += grad

    dA_prev = dA_prev[:, ph:dA_prev.shape[1] - ph, pw:dA_prev.shape[2] - pw, :]

    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
""" Pool backwards propagation """
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs back propagation over a pooling layer of a neural network
    dA is a numpy.ndarray of shape (m, h_new, w_new, c_new) containing the
        partial derivatives with respect to the output of the pooling layer
        m is the number of examples
        h_new is the height of the output
        w_new is the width of the output
        c is the number of channels
    A_prev is a numpy.ndarray of shape (m, h_prev, w_prev, c) containing the
        output of the previous layer
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
    kernel_shape is a tuple of (kh, kw) containing the size of the kernel for
        the pooling
        kh is the kernel height
        kw is the kernel width
    stride is a tuple of (sh, sw) containing the strides for the pooling
        sh is the stride for the height
        sw is the stride for the width
    mode is a string containing either max or avg, indicating whether to
        perform maximum or average pooling, respectively
    Returns: the partial derivatives with respect to the previous layer
    """
    m, h_new, w_new, c_new = dA.shape
    kh, kw = kernel_shape
    sh, sw = stride

    dA_prev = np.zeros(A_prev.shape)
    for img in range(m):
        for channel in range(c_new):
            for row in range(h_new):
                for col in range(w_new):
                    if mode == "max":
                        pool = A_prev[img,
                                      row * sh:row * sh + kh,
                                      col * sw:col * sw + kw,
                                      channel]
                        mask = pool == np.max(pool)
                        dA_prev[img,
                                row * sh:row * sh + kh,
                                col * sw:col * sw + kw,
                                channel] += dA[img, row, col, channel] * mask
                    else:  # mode == avg
                        d = dA[img, row, col, channel] / (kh * kw)
                        dA_prev[img,
                                row * sh:row * sh + kh,
                                col * sw:col * sw + kw,
                                channel] += d
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
