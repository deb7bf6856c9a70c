# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: jagrvargen/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: 38d9545313706b3d466ea34bef4a603ea813032e
# url: https://github.com/jagrvargen/holbertonschool-machine_learning/blob/38d9545313706b3d466ea34bef4a603ea813032e/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: b78a28f3c83f575de8e5226f1e6e66360b8ca689
# url: https://github.com/jagrvargen/holbertonschool-machine_learning/blob/b78a28f3c83f575de8e5226f1e6e66360b8ca689/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: c8c73cce4fae53d89c6be586980f14efc5ff5def
# url: https://github.com/jagrvargen/holbertonschool-machine_learning/blob/c8c73cce4fae53d89c6be586980f14efc5ff5def/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: 104e52ca6e5a5e139fce2f303f71388475751a34
# url: https://github.com/jagrvargen/holbertonschool-machine_learning/blob/104e52ca6e5a5e139fce2f303f71388475751a34/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Contains the function def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1))
"""
import numpy as np


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """
    Performs forward propagation over a convolutional layer of a neural
    network.
    A_prev: numpy.ndarray (m, h_prev, w_prev, c_prev) - Contains the output
    of the previous layer.
    W: numpy.ndarray (kh, kw, c_prev, c_new) - Contains the kernels for the
    convolution.
    b: numpy.ndarray (1, 1, 1, c_new) - Contains the biases to be applied to
    the convolution.
    activation: func - The activation function to be applied to the
    convolution.
    padding: str - Indicates the type of padding used.
    stride: tuple (sh, sw) - Contains the strides for the convolution.

    Returns: The output of the convolutional layer.
    """
    # Total samples
    m = A_prev.shape[0]

    # Height, width, and depth of input
    h_prev, w_prev, c_prev = A_prev.shape[1], A_prev.shape[2], A_prev.shape[3]

    # Height and width of kernel
    kh, kw = W.shape[0], W.shape[1]

    # Number of kernels
    c_new = W.shape[3]

    # Apply padding to input (or not)
    s = stride[0]
    if padding == "valid":
        p = (kh + s * (h_prev - 1) - h_prev) // 2
        A_prev = np.pad(A_prev, ((0, 0), (p, p), (p, p), (0,0)), 'constant', constant_values=0)
    else:
        p = 0

    # Calculate the size of the output and create a 4D tensor of 0s
    out_h = (h_prev - kh + 2 * p) // s + 1
    output = np.zeros((m, out_h, out_h, c_new))

    # Forward prop
    for layer in range(c_new):
        for i in range(out_h):
            for j in range(out_h):
                output[:,i,j,layer] = activation(np.sum(A_prev[:, i*s:i*s+kh, j*s:j*s+kw, :] * W[:,:,:,layer], axis=(1,2,3)) + b[:,:,:,layer])

    return output

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Contains the function def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max')
"""
import numpy as np


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs forward propagation over a pooling layer of a neural network.
    A_prev: numpy.ndarray (m, h_prev, w_prev, c_prev) - Contains the output
    of the previous layer.
    kernel_shape: tuple (kh, kw) - Contains the height and width of the
    kernel used for pooling.
    stride: tuple (sh, sw) - Contains the horizontal and vertical stride
    values.
    mode: str - Determines whether to use max or average pooling.

    Returns: The output of the pooling layer.
    """
    # Number of samples
    m = A_prev.shape[0]

    # Height and depth of input
    h_prev, c_prev = A_prev.shape[1], A_prev.shape[3]

    # 1 dimension of kernel
    k = kernel_shape[0]

    # Stride
    s = stride[0]

    # 1 dimension of output
    out_d = (h_prev - k) // s + 1

    output = np.zeros((m, out_d, out_d, c_prev))

    for depth in range(c_prev):
        for height in range(out_d):
            for width in range(out_d):
                if mode == 'max':
                    output[:, height, width, depth] = np.amax(A_prev[:, height*s:height*s+k, width*s:width*s+k, depth], axis=(1, 2))
                elif mode == 'avg':
                    output[:, height, width, depth] = np.sum(A_prev[:, height*s:height*s+k, depth], axis=(1, 2, 3)) / (k ** 2)

    return output

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Contains the function def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1))
"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """
    Performs backward propagation over a convolutional layer of a neural
    network.
    dZ: numpy.ndarray (m, h_new, w_new, c_new) - Contains the partial
    derivatives with respect to the unactivated output of the convolutional
    layer.
    A_prev: numpy.ndarray (m, h_prev, w_prev, c_prev) - Contains the outputs
    of the previous layer.
    W: numpy.ndrray (kh, kw, c_prev, c_new) - Contains the kernels for the
    convolution.
    b: numpy.ndarray (1, 1, 1, c_new) - Contains the biases applied to the
    convolution.
    padding: str - Determines what type of padding is used.
    stride: tuple (sh, sw) - The stride values of the convolution.

    Returns: The partial derivatives with respect to the previous layer,
    kernels, and biases.
    """
    # Number of samples
    m = A_prev.shape[0]
    
    # Create placeholders for derivatives
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)

    # Size of stride from forward prop
    s = stride[0]

    # Retrieve height and width of kernel
    kh, kw = W.shape[0], W.shape[1]

    # Height, width, and depth of dZ
    h_new, w_new, c_new = dZ.shape[1], dZ.shape[2], dZ.shape[3]

    # Retrieve height, width, and depth of previous input layer
    h_prev, w_prev, c_prev = A_prev.shape[1], A_prev.shape[2], A_prev.shape[3]

    # Padding
    p = (kh + s * (h_prev - 1) - h_prev) // 2
    
    if padding == "same":
        p = (h_prev - kh + 2 * p) // s + 1
        dA_prev = np.pad(dA_prev, ((0, 0), (p, p), (p, p), (0, 0)), 'constant', constant_values=0)
        A_prev_pad = np.pad(A_prev, ((0, 0), (p, p), (p, p), (0, 0)), 'constant', constant_values=0)
    else:
       p = 0
       A_prev_pad = A_prev

    for sample in range(m):
        for depth in range(c_new):
            for height in range(h_new):
                for width in range(w_new):
                    dA_prev[sample, height*s:height*s+kh, width*s:width*s+kw, :] += W[:, :, :, depth] * dZ[sample, height, width, depth]
                    dW[:, :, :, depth] += A_prev_pad[sample, height*s:height*s+kh, width*s:width*s+kw, :] * dZ[sample, height, width, depth]
                    db[:, :, :, depth] += dZ[sample, height, width, depth]

    if p:
        return dA_prev[:, p:-p, p:-p, :], dW, db
    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""
Contains the function def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max')
"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs backpropagation over a pooling layer of a neural network.
    dA: numpy.ndarray (m, h_new, w_new, c_new) - Contains the partial
    derivatives with respect to the output of the pooling layer.
    A_prev: numpy.ndarray (m, h_prev, w_prev, c) - Contains the output of the
    previous layer.
    kernel_shape: tuple (kh, kw) - Contains the height and width of the
    kernel used for pooling.
    stride: tuple (sh, sw) - Contains the strides used for pooling.
    mode: str - Indicates whether max or average pooling was used.

    Returns: The partial derivatives with respect to the previous layer.
    """
    # dA shape
    m, h_new, w_new, c_new = dA.shape[0], dA.shape[1], dA.shape[2], dA.shape[3]

    # Kernel height and width
    kh, kw = kernel_shape[0], kernel_shape[1]

    # Stride
    s = stride[0]

    dA_prev = np.zeros(A_prev.shape)

    for sample in range(m):
        for depth in range(c_new):
            for height in range(h_new):
                for width in range(w_new):
                    chunk = A_prev[sample, height*s:height*s+kw, width*s:width*s+kw, depth]
                    if mode == 'max':
                        mask = (chunk == np.max(chunk))
                        dA_prev[sample, height*s:height*s+kh, width*s:width*s+kw, depth] += mask * dA[sample, height, width, depth]
                    elif mode == 'avg':
                        dA_prev[sample, height*s:height*s+kh, width*s:width*s+kw, depth] += dA[sample, height, width, depth] / (kh * kw)

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
