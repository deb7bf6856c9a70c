# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: AhlemKaabi/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 7d03a1459e764293dbfbcaa32b6421f165ea74b4
# url: https://github.com/AhlemKaabi/holbertonschool-machine_learning/blob/7d03a1459e764293dbfbcaa32b6421f165ea74b4/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 7d03a1459e764293dbfbcaa32b6421f165ea74b4
# url: https://github.com/AhlemKaabi/holbertonschool-machine_learning/blob/7d03a1459e764293dbfbcaa32b6421f165ea74b4/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: f34ed9ff31766a57f3f7fb6993d43a3426f607c3
# url: https://github.com/AhlemKaabi/holbertonschool-machine_learning/blob/f34ed9ff31766a57f3f7fb6993d43a3426f607c3/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: e3a82748dd15e45949850d34fd2bd64f5de8b751
# url: https://github.com/AhlemKaabi/holbertonschool-machine_learning/blob/e3a82748dd15e45949850d34fd2bd64f5de8b751/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    CNN - Convolutional Forward Prop
"""
import numpy as np


def conv_forward(A_prev, W, b,
                 activation, padding="same", stride=(1, 1)):
    """
    Method:
         Performs forward propagation over a convolutional
           layer of a neural network:

    Parameters:
        @A_prev(numpy.ndarray), shape (m, h_prev, w_prev, c_prev):
          containing the output of the previous layer
            - m: the number of examples
            - h_prev: the height of the previous layer
            - w_prev: the width of the previous layer
            - c_prev: the number of channels in the previous layer
        @W(numpy.ndarray), shape (kh, kw, c_prev, c_new):
          containing the kernels for the convolution
            - kh: the filter height
            - kw: the filter width
            - c_prev: the number of channels in the previous layer
            - c_new: the number of channels in the output
        @b(numpy.ndarray), shape (1, 1, 1, c_new):
              containing the biases applied to the convolution
        @activation: activation function applied to the convolution
        @padding: string that is either same or valid - type of padding used
        @stride: tuple of (sh, sw) containing the strides for the convolution
            - sh: the stride for the height
            - sw: the stride for the width

    Returns:
        the output of the convolutional layer
    """
    m, h_prev, w_prev, c_prev = A_prev.shape

    # c_previs the depth of the kernel == nb of channels
    # c_new is the numbers of filters
    kh, kw, c_prev, c_new = W.shape

    sh, sw = stride

    if padding == "valid":
        ph = 0
        pw = 0
    elif padding == "same":
        ph = int(np.ceil((h_prev - 1) * sh + kh - h_prev) / 2)
        pw = int(np.ceil((w_prev - 1) * sw + kw - w_prev) / 2)

    A_h = int(((h_prev + 2 * ph - kh) / sh) + 1)
    A_w = int(((w_prev + 2 * pw - kw) / sw) + 1)

    # A is the outputof the convolutional layer
    A = np.zeros((m, A_h, A_w, c_new))

    # Add padding to the input image
    image_padded = np.pad(A_prev,
                          pad_width=((0, 0), (ph, ph), (pw, pw), (0, 0)),
                          mode='constant')

    # Loop over every pixel of the output layer
    for k in range(c_new):
        filter_K = W[:, :, :, k]
        for i in range(A_h):
            for j in range(A_w):
                x = i * sh
                y = j * sw
                # element-wise multiplication of the kernel and the image
                img_slice = image_padded[:, x:x+kh, y:y+kw, :]
                A[:, i, j, k] = np.tensordot(img_slice, filter_K, axes=3)
    A = activation(A + b)
    return A

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    CNN - Pooling Forward Prop
"""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Method:
         Performs forward propagation over a pooling
         layer of a neural network

    Parameters:
        @A_prev(numpy.ndarray), shape (m, h_prev, w_prev, c_prev):
          containing the output of the previous layer
            - m: the number of examples
            - h_prev: the height of the previous layer
            - w_prev: the width of the previous layer
            - c_prev: the number of channels in the previous layer
        @kernel_shape(numpy.ndarray), shape (kh, kw):
          containing the size of the kernel for the pooling
            - kh: the kernel height
            - kw: the kernel width
        @stride: tuple of (sh, sw) containing the strides for the pooling
            - sh: the stride for the height
            - sw: the stride for the width
        @mode: indicates the type of pooling
            - max: indicates max pooling
            - avg: indicates average pooling

    Returns:
        the output of the pooling layer
    """
    m, h_prev, w_prev, c_prev = A_prev.shape

    kh, kw = kernel_shape

    sh, sw = stride

    A_h = int(((h_prev - kh) / sh) + 1)
    A_w = int(((w_prev - kw) / sw) + 1)

    A = np.zeros((m, A_h, A_w, c_prev))

    # why use the average:
    # https://www.cuemath.com/data/difference-between-average-and-mean/

    # Loop over every pixel of the output
    for i in range(A_h):
        for j in range(A_w):
            x = i * sh
            y = j * sw
            img_slice = A_prev[:, x:x+kh, y:y+kw, :]
            if mode == 'max':
                A[:, i, j, :] = np.max(img_slice, axis=(1, 2))
            if mode == 'avg':
                A[:, i, j, :] = np.average(img_slice, axis=(1, 2))
    return A

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    CNN - Convolutional Back Prop
"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """
    Method:
         Performs forward propagation over a convolutional
           layer of a neural network:

    Parameters:
        @dZ(numpy.ndarray), shape (m, h_new, w_new, c_new) containing
          the partial derivatives with respect to the unactivated
          output of the convolutional layer
            - m: the number of examples
            - h_new: the height of the output
            - w_new: the width of the output
            - c_new: the number of channels in the output
        @A_prev(numpy.ndarray), shape (m, h_prev, w_prev, c_prev):
          containing the output of the previous layer
            - h_prev: the height of the previous layer
            - w_prev: the width of the previous layer
            - c_prev: the number of channels in the previous layer
        @W(numpy.ndarray), shape (kh, kw, c_prev, c_new):
          containing the kernels for the convolution
            - kh: the filter height
            - kw: the filter width
        @b(numpy.ndarray), shape (1, 1, 1, c_new):
              containing the biases applied to the convolution
        @padding: string that is either same or valid - type of padding used
        @stride: tuple of (sh, sw) containing the strides for the convolution
            - sh: the stride for the height
            - sw: the stride for the width

    Returns:
        the partial derivatives with respect to the previous
        layer (dA_prev), the kernels (dW), and the biases (db),
        respectively


    """
    m, h_new, w_new, c_new = dZ.shape

    _, h_prev, w_prev, _ = A_prev.shape

    kh, kw, _, _ = W.shape

    sh, sw = stride

    if padding == "valid":
        ph = 0
        pw = 0
    if padding == "same":
        ph = int(np.ceil(((h_prev - 1) * sh + kh - h_prev) / 2))
        pw = int(np.ceil(((w_prev - 1) * sw + kw - w_prev) / 2))

    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)

    A_prev_padded = np.pad(A_prev, ((0, 0), (ph, ph), (pw, pw), (0, 0)),
                           mode='constant')

    # Initializing with the correct shapes
    dA_prev = np.zeros(A_prev.shape)

    dW = np.zeros(W.shape)

    # for c in range(c_new):
    #     for k_h in range(kh):
    #         for k_w in range(kw):
    #             sum_slices = 0
    #             for m in range(m):
    #                 dz_f = dZ[m, :, :, c]
    #                 A_prev_slice = A_prev[:,
    #                                       0 + k_h: h_prev - h_new + k_h,
    #                                    0 + k_w: w_prev - w_new + k_w, :]
    #                 sum_slices += np.tensordot(A_prev_slice, dz_f)
    #             dW[k_h, k_w, :, c] = sum_slices

    for m in range(m):
        for h in range(h_new):
            for w in range(w_new):
                for f in range(c_new):
                    filter_k = W[:, :, :, f]
                    x = h * sh
                    y = w * sw
                    dz = dZ[m, h, w, f]
                    A_prev_slice = A_prev_padded[m, x:x + kh, y:y+kw, :]

                    dW[:, :, :, f] += A_prev_slice * dz

                    dA_prev[m, x:x + kh, y:y+kw, :] += dz * filter_k
    # we have to remove the padding part (ph = ph = 0) 'valid'
    if padding == 'same':
        dA_prev = dA_prev[:, ph:-ph, pw:-pw, :]

    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
    CNN - Pooling Back Prop
"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Method:
        performs back propagation over a pooling layer of
        a neural network:

    Parameters:
       @dA is a numpy.ndarray of shape (m, h_new, w_new, c_new)
         containing the partial derivatives with respect to the
         output of the pooling layer
        - m is the number of examples
        - h_new is the height of the output
        - w_new is the width of the output
        - c is the number of channels

        @A_prev(numpy.ndarray), shape (m, h_prev, w_prev, c)
          containing the output of the previous layer
        - h_prev: the height of the previous layer
        - w_prev: the width of the previous layer

        @kernel_shape: tuple of (kh, kw)
          containing the size of the kernel for the pooling
        - kh: the kernel height
        - kw: the kernel width

        @stride: tuple of (sh, sw)
          containing the strides for the pooling
        - sh: the stride for the height
        - sw: the stride for the width

        @mode: indicates the type of pooling
        - max: indicates max pooling
        - avg: indicates average pooling

    Returns:
        the partial derivatives with respect to
        the previous layer (dA_prev)
    """
    m, h_new, w_new, c_new = dA.shape
    kh, kw = kernel_shape
    sh, sw = stride

    dA_prev = np.zeros(A_prev.shape)

    for m in range(m):
        for h in range(h_new):
            for w in range(w_new):
                for c in range(c_new):
                    x = h * sh
                    y = w * sw
                    if mode == 'max':
                        a_prev_slice = A_prev[m, x:x+kh, y:y+kw, c]

                        mask = (a_prev_slice == np.max(a_prev_slice))
                        # 1 for the cell that contains the max 0 otherwise
                        dA_prev[m, x:x+kh, y:y+kw, c] += mask * dA[m, h, w, c]

                    if mode == 'avg':
                        avg_dA = dA[m, h, w, c]/(kh * kw)

                        dA_prev[m, x:x+kh,
                                y:y+kw, c] += np.ones((kh, kw)) * avg_dA
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
