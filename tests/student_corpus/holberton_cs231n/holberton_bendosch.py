# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: BenDosch/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: b3c179f8dac2b5111b1c999d3984e62cfbe254e1
# url: https://github.com/BenDosch/holbertonschool-machine_learning/blob/b3c179f8dac2b5111b1c999d3984e62cfbe254e1/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: b9873d86e2453c77d834459b29c17ec9bdce4a60
# url: https://github.com/BenDosch/holbertonschool-machine_learning/blob/b9873d86e2453c77d834459b29c17ec9bdce4a60/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 17ff8fed478645684bb7de3341a956aedd737f23
# url: https://github.com/BenDosch/holbertonschool-machine_learning/blob/17ff8fed478645684bb7de3341a956aedd737f23/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: 376a7e98c7cadc02f4d443f9b41f510394e5c6f7
# url: https://github.com/BenDosch/holbertonschool-machine_learning/blob/376a7e98c7cadc02f4d443f9b41f510394e5c6f7/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Module that contains the function conv_forward.
"""

import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """Function that performs forward propagation over a convolutional layer of
    a neural network.

    Args:
        A_prev (numpy.ndarray): A tensor with the shape
            (m, h_prev, w_prev, c_prev) containing the output of the previous
            layer where m is the number of examples, h_prev is the height of
            the previous layer, w_prev is the width of the previous layer, and
            c_prev is the number of channels in the previous layer.
        W (numpy.ndarray): A tensor with the shape (kh, kw, c_prev, c_new)
            containing the kernels for the convolution where kh is the filter
            height, kw is the filter width, c_prev is the number of channels
            in the previous layer, and c_new is the number of channels in the
            output.
        b (numpy.ndarray): A tensor with the shape (1, 1, 1, c_new) containing
            the biases applied to the convolution.
        activation (function): An activation function applied to the
            convolution.
        padding (str, optional): A string that is either same or valid,
            indicating the type of padding used. Defaults to "same".
        stride (tuple, optional): A tuple of (sh, sw) containing the strides
            for the convolution where sh is the stride for the height and sw
            is the stride for the width. Defaults to (1, 1).

    Returns:
        The output of the convolutional layer.
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, nc = W.shape
    sh, sw = stride
    if padding is 'same':
        pad_h = ((((h_prev - 1) * sh) + kh - h_prev) // 2)
        pad_w = ((((w_prev - 1) * sw) + kw - w_prev) // 2)
    elif padding is 'valid':
        pad_h = 0
        pad_w = 0
    else:
        pad_h, pad_w = padding

    A_pad = np.pad(A_prev, ((0, 0), (pad_h, pad_h), (pad_w, pad_w), (0, 0)),
                   'constant', constant_values=0)
    conv_h = ((h_prev + (2 * pad_h) - kh) // sh) + 1
    conv_w = ((w_prev + (2 * pad_w) - kw) // sw) + 1
    convol = np.zeros((m, conv_h, conv_w, nc))

    for z in (range(nc)):
        i = 0
        for x in range(0, (h_prev + (2 * pad_h) - kh + 1), sh):
            j = 0
            for y in range(0, (w_prev + (2 * pad_w) - kw + 1), sw):
                convol[:, i, j, z] = np.sum(
                    (A_pad[:, x: x + kh, y: y + kw, :] *
                     (W[:, :, :, z])),
                    axis=(1, 2, 3)
                ) + b[:, :, :, z]
                j += 1
            i += 1
    return activation(convol)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Module that contains the function pool_forward.
"""

import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Function that performs forward propagation over a pooling layer of a
    neural network.

    Args:
        A_prev (numpy.ndarray): A tensor with the shape
            (m, h_prev, w_prev, c_prev) containing the output of the previous
            layer where m is the number of examples, h_prev is the height of
            the previous layer, w_prev is the width of the previous layer, and
            c_prev is the number of channels in the previous layer.
        kernel_shape (tuple): A tuple of (kh, kw) containing the size of the
            kernel for the pooling where kh is the kernel height and kw is the
            kernel width
        stride (tuple, optional): A tuple of (sh, sw) containing the strides
            for the pooling where sh is the stride for the height and sw is the
            stride for the width. Defaults to (1, 1).
        mode (str, optional): A string containing either max or avg, indicating
            whether to perform maximum or average pooling, respectively.
            Defaults to 'max'.

    Returns:
        The output of the pooling layer.
    """
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride
    output_h = ((h_prev - kh) // sh) + 1
    output_w = ((w_prev - kw) // sw) + 1
    pooled = np.zeros((m, output_h, output_w, c_prev))
    i = 0
    for x in range(0, (h_prev - kh + 1), sh):
        j = 0
        for y in range(0, w_prev - kw + 1, sw):
            if mode == 'max':
                pooled[:, i, j, :] = np.max(A_prev[:, x:x + kh, y:y + kw, :],
                                            axis=(1, 2))
            elif mode == 'avg':
                pooled[:, i, j, :] = np.average(
                    A_prev[:, x:x + kh, y:y + kw, :], axis=(1, 2)
                    )
            j += 1
        i += 1
    return pooled

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Module that contains the function conv_backward.
"""

import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """Function that performs back propagation over a convolutional layer of a
    neural network.

    Args:
        dZ (numpy.ndarray): shape (m, h_new, w_new, c_new) containing the
            partial derivatives with respect to the unactivated output of the
            convolutional layer where m is the number of examples, h_new is
            the height of the output, w_new is the width of the output, and
            c_new is the number of channels in the output.
        A_prev (numpy.ndarray): A tensor with the shape
            (m, h_prev, w_prev, c_prev) containing the output of the previous
            layer where m is the number of examples, h_prev is the height of
            the previous layer, w_prev is the width of the previous layer, and
            c_prev is the number of channels in the previous layer.
        W (numpy.ndarray): A tensor with the shape (kh, kw, c_prev, c_new)
            containing the kernels for the convolution where kh is the filter
            height, kw is the filter width, c_prev is the number of channels
            in the previous layer, and c_new is the number of channels in the
            output.
        b (numpy.ndarray): A tensor with the shape (1, 1, 1, c_new) containing
            the biases applied to the convolution.
        padding (str, optional): A string that is either same or valid,
            indicating the type of padding used. Defaults to "same".
        stride (tuple, optional): A tuple of (sh, sw) containing the strides
            for the convolution where sh is the stride for the height and sw
            is the stride for the width. Defaults to (1, 1).

    Retruns:
        The  partial derivatives with respect to the previous layer (dA_prev),
        the kernels (dW), and the biases (db), respectively.
    """
    # Retrieve diemsions
    m, h_new, w_new, c_new = dZ.shape
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride
    if padding is 'same':
        pad_h = ((((h_prev - 1) * sh) + kh - h_prev) // 2) + 1
        pad_w = ((((w_prev - 1) * sw) + kw - w_prev) // 2) + 1
    elif padding is 'valid':
        pad_h = 0
        pad_w = 0
    else:
        pad_h, pad_w = padding

    # Initialize returns & set db
    dA_prev = np.zeros_like(A_prev)
    dW = np.zeros_like(W)
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)

    # Initialize padded shapes.
    A_pad = np.pad(A_prev, ((0, 0), (pad_h, pad_h), (pad_w, pad_w), (0, 0)),
                   'constant', constant_values=0)
    dA_pad = np.pad(dA_prev, ((0, 0), (pad_h, pad_h), (pad_w, pad_w), (0, 0)),
                    'constant', constant_values=0)

    # Convolve W with dZ for dA and A_prev with dZ for dW
    for e in range(m):  # For the matrix multi c and e must be the same size
        for h in range(h_new):
            i = h * sh
            for w in range(w_new):
                j = w * sw
                for c in range(c_new):
                    dA_pad[e, i:i + kh, j:j + kw, :] += (W[:, :, :, c] *
                                                         dZ[e, h, w, c])
                    dW[:, :, :, c] += (A_pad[e, i:i + kh, j:j + kw, :] *
                                       dZ[e, h, w, c])

    # Adjust for padding
    if padding is 'same':
        dA_prev = dA_pad[:, pad_h: -pad_h, pad_w: -pad_w, :]
    else:
        dA_prev = dA_pad

    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""Module that contains the function pool_backward.
"""

import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """Function that that performs back propagation over a pooling layer of a
    neural network.

    Args:
        dA (numpy.ndarray): A tensor of shape (m, h_new, w_new, c_new)
            containing the partial derivatives with respect to the output of
            the pooling layer where m is the number of examples, h_new is the
            height of the output, w_new is the width of the output, and c is
            the number of channels.
        A_prev (numpy.ndarray): A tensor of shape (m, h_prev, w_prev, c)
            containing the output of the previous layer where h_prev is the
            height of the previous layer and w_prev is the width of the
            previous layer.
        kernel_shape (tuple): A tuple of (kh, kw) containing the size of the
            kernel for the pooling where kh is the kernel height and kw is the
            kernel width.
        stride (tuple, optional): A tuple of (sh, sw) containing the strides
            for the convolution where sh is the stride for the height and sw
            is the stride for the width. Defaults to (1, 1).
        mode (str, optional): A string containing either max or avg,
            indicating whether to perform maximum or average pooling,
            respectively. Defaults to 'max'.

    Returns:
        The partial derivatives with respect to the previous layer (dA_prev).
    """
    # Retrieve dimensions
    m, h_new, w_new, c_new = dA.shape
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    # Initialize dA_prev
    dA_prev = np.zeros_like(A_prev)

    # Back propigate
    for e in range(m):
        for h in range(h_new):
            i = h * sh
            for w in range(w_new):
                j = w * sw
                for c in range(c_new):
                    if mode is "avg":
                        avg_dA = dA[e, h, w, c] / kh / kw
                        dA_prev[e, i: i + kh, j: j + kw, c] += (
                            np.ones((kh, kw)) * avg_dA
                            )
                    elif mode is 'max':
                        A_slice = A_prev[e, i: i + kh, j + kw, c]
                        mask = (A_slice == np.max(A_slice))
                        dA_prev[e, i: i + kh, j: j + kw, c] += (
                            mask * dA[e, h, w, c]
                            )

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
