# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: Ella711/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 19e5eed686d97c7dd4db82ac7df5bcce13fd0bb7
# url: https://github.com/Ella711/holbertonschool-machine_learning/blob/19e5eed686d97c7dd4db82ac7df5bcce13fd0bb7/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: aea714eb9cbc806582cf4a5ebde4b75054812720
# url: https://github.com/Ella711/holbertonschool-machine_learning/blob/aea714eb9cbc806582cf4a5ebde4b75054812720/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: 890ef0b2a0e7fc6c396f3ad0fefd980f96b8354b
# url: https://github.com/Ella711/holbertonschool-machine_learning/blob/890ef0b2a0e7fc6c396f3ad0fefd980f96b8354b/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: d80f81d33ee7764125f2ecdc6aa8401648a57e93
# url: https://github.com/Ella711/holbertonschool-machine_learning/blob/d80f81d33ee7764125f2ecdc6aa8401648a57e93/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
0. Convolutional Forward Prop
"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """
    Performs forward propagation over a convolutional layer of a neural network

    A_prev: np.ndarray - shape (m, h_prev, w_prev, c_prev) -
    output of previous layer
        m: number of examples
        h_prev: height of previous layer
        w_prev: width of previous layer
        c_prev: number of channels in previous layer
    W: np.ndarray - shape (kh, kw, c_prev, c_new): kernels for the convolution
        kh: filter height
        kw: filter width
        c_prev: number of channels in previous layer
        c_new: number of channels in output
    b: np.ndarray - shape (1, 1, 1, c_new): biases applied to the convolution
    activation: activation function applied to the convolution
    padding: string (same or valid) indicates type of padding used
    stride - tuple (sh, sw): strides for the convolution
        sh: stride for the height
        sw: stride for the width

    Returns: output of the convolutional layer
    """
    # Grab dimensions of images and the kernel
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, kc_prev, c_new = W.shape
    sh, sw = stride

    # Pad dimensions
    if padding == "same":
        pad_h = ((h_prev - 1) * sh + kh - h_prev) // 2
        pad_w = ((w_prev - 1) * sw + kw - w_prev) // 2
    else:
        pad_h = 0
        pad_w = 0

    pad_image = np.pad(A_prev,
                       ((0, 0), (pad_h, pad_h), (pad_w, pad_w), (0, 0)),
                       "constant")

    # Set up what our output convoluted image will be shaped like
    output_h = (h_prev + 2 * pad_h - kh) // sh + 1
    output_w = (w_prev + 2 * pad_w - kw) // sw + 1
    conv_image = np.zeros((m, output_h, output_w, c_new))

    # Convolve
    for z in range(c_new):
        for x in range(output_h):
            for y in range(output_w):
                x0 = x * sh
                x1 = x0 + kh
                y0 = y * sw
                y1 = y0 + kw
                conv_image[:, x, y, z] = np.sum(pad_image[:, x0:x1, y0:y1, :]
                                                * W[..., z],
                                                axis=(1, 2, 3))
    Z = conv_image + b
    return activation(Z)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
1. Pooling Forward Prop
"""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs pooling on images

    A_prev: np.ndarray - shape (m, h_prev, w_prev, c_prev) -
    multiple grayscale images
        - m: number of images
        - h_prev: height in pixels of previous layer
        - w_prev: width in pixels of previous layer
        - c_prev: number of channels of previous layer
    kernel_shape: tuple - shape (kh, kw) - kernel for the convolution
        - kh: height
        - kw: width
    stride: tuple of (sh, sw)
        - sh: stride for the height of image
        - sw: stride for the width of image
    mode: type of pooling
        - max: max pooling
        - avg: average pooling

    Returns: a np.ndarray - pooled images
    """
    # Grab dimensions of images and the kernel
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    # Set up what our output convoluted image will be shaped like
    output_h = (h_prev - kw) // sh + 1
    output_w = (w_prev - kw) // sw + 1
    pooled_image = np.zeros((m, output_h, output_w, c_prev))

    if mode == "max":
        pool_func = np.max
    else:
        pool_func = np.average

    # Convolve
    for x in range(output_h):
        for y in range(output_w):
            # start = height * stride
            x0 = x * sh
            # end = start + kernel/filter size
            x1 = x0 + kh
            y0 = y * sw
            y1 = y0 + kw
            pooled_image[:, x, y, :] = pool_func(
                A_prev[:, x0:x1, y0:y1, :], axis=(1, 2)
            )
    return pooled_image

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
2. Convolutional Back Prop
"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """
    Performs back propagation over a convolutional layer of a neural network

    dZ: np.ndarray - shape (m, h_new, w_new, c_new) - partial derivatives with
    respect to the unactivated output of the convolutional layer
        m: number of examples
        h_new: height of the output
        w_new: width of the output
        c_new: number of channels in the output
    A_prev: np.ndarray - shape (m, h_prev, w_prev, c_prev) -
    output of previous layer
        m: number of examples
        h_prev: height of previous layer
        w_prev: width of previous layer
        c_prev: number of channels in previous layer
    W: np.ndarray - shape (kh, kw, c_prev, c_new): kernels for the convolution
        kh: filter height
        kw: filter width
        c_prev: number of channels in previous layer
        c_new: number of channels in output
    b: np.ndarray - shape (1, 1, 1, c_new): biases applied to the convolution
    activation: activation function applied to the convolution
    padding: string (same or valid) indicates type of padding used
    stride - tuple (sh, sw): strides for the convolution
        sh: stride for the height
        sw: stride for the width

    Returns: partial derivatives with respect to the previous layer (dA_prev),
    the kernels (dW), and the biases (db), respectively
    """
    m, h_new, w_new, c_new = dZ.shape
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride

    if padding == "same":
        pad_h = (((h_prev - 1) * sh + kh - h_prev) // 2) + 1
        pad_w = (((w_prev - 1) * sw + kw - w_prev) // 2) + 1
    else:
        pad_h = 0
        pad_w = 0

    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)

    A_pad = np.pad(A_prev, ((0, 0), (pad_h, pad_h), (pad_w, pad_w), (0, 0)),
                   'constant')
    dA_pad = np.pad(dA_prev, ((0, 0), (pad_h, pad_h), (pad_w, pad_w), (0, 0)),
                    'constant')

    for ex in range(m):
        for h in range(h_new):
            x0 = h * sh
            for w in range(w_new):
                y0 = w * sw
                for c in range(c_new):
                    x1 = x0 + kh
                    y1 = y0 + kw
                    dZ_slice = dZ[ex, h, w, c]
                    dA_pad[ex, x0:x1, y0:y1, :] += W[:, :, :, c] * dZ_slice
                    dW[:, :, :, c] += A_pad[ex, x0:x1, y0:y1, :] * dZ_slice
    if padding == "same":
        dA_prev = dA_pad[:, pad_h: -pad_h, pad_w: -pad_w, :]
    else:
        dA_prev = dA_pad
    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
3. Pooling Back Prop
"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs back propagation over a pooling layer of a neural network

    dA - np.ndarray - shape (m, h_new, w_new, c_new) - partial derivatives with
    respect to the output of the pooling layer
        - m: number of examples
        - h_new: height of the output
        - w_new: width of the output
        - c: number of channels
    A_prev: np.ndarray - shape (m, h_prev, w_prev, c) -
    multiple grayscale images
        - h_prev: height in pixels of previous layer
        - w_prev: width in pixels of previous layer
    kernel_shape: tuple - shape (kh, kw) - kernel for the convolution
        - kh: height
        - kw: width
    stride: tuple of (sh, sw)
        - sh: stride for the height of image
        - sw: stride for the width of image
    mode: type of pooling
        - max: max pooling
        - avg: average pooling

    Returns: partial derivatives with respect to the previous layer (dA_prev)
    """
    # Grab dimensions of images and the kernel
    m, h_new, w_new, c_new = dA.shape
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    # Initialize dA_prev
    dA_prev = np.zeros(A_prev.shape)

    # Back propagate
    for ex in range(m):
        for h in range(h_new):
            x0 = h * sh
            for w in range(w_new):
                y0 = w * sw
                for c in range(c_new):
                    x1 = x0 + kh
                    y1 = y0 + kw
                    if mode == "avg":
                        avg_dA = dA[ex, h, w, c] / kh / kw
                        dA_prev[ex, x0:x1, y0:y1, c] += (
                                np.ones((kh, kw)) * avg_dA)
                    elif mode == "max":
                        A_prev_slice = A_prev[ex, x0:x1, y0:y1, c]
                        mask = (A_prev_slice == np.max(A_prev_slice))
                        dA_prev[ex, x0:x1, y0:y1, c] += mask * dA[ex, h, w, c]
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
