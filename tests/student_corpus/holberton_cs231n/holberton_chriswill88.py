# ruff: noqa
# fmt: off
# Student implementation (Holberton School, supervised_learning/0x07-cnn), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: chriswill88/holbertonschool-machine_learning
# path: supervised_learning/0x07-cnn/0-conv_forward.py
# commit: c0ffebf504fa9f460bd2ece645edab39a775ca2a
# url: https://github.com/chriswill88/holbertonschool-machine_learning/blob/c0ffebf504fa9f460bd2ece645edab39a775ca2a/supervised_learning/0x07-cnn/0-conv_forward.py
# path: supervised_learning/0x07-cnn/1-pool_forward.py
# commit: 0b88e579badfd0a548a04910e92052886e836c7a
# url: https://github.com/chriswill88/holbertonschool-machine_learning/blob/0b88e579badfd0a548a04910e92052886e836c7a/supervised_learning/0x07-cnn/1-pool_forward.py
# path: supervised_learning/0x07-cnn/2-conv_backward.py
# commit: f13306b209f754291d6e49ebf78f81fb726ecb3f
# url: https://github.com/chriswill88/holbertonschool-machine_learning/blob/f13306b209f754291d6e49ebf78f81fb726ecb3f/supervised_learning/0x07-cnn/2-conv_backward.py
# path: supervised_learning/0x07-cnn/3-pool_backward.py
# commit: 98038f4f21ea0ff409e1c9eaa1241c02b812d97e
# url: https://github.com/chriswill88/holbertonschool-machine_learning/blob/98038f4f21ea0ff409e1c9eaa1241c02b812d97e/supervised_learning/0x07-cnn/3-pool_backward.py

# -------------------- supervised_learning/0x07-cnn/0-conv_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""this modual contains the function for task 0"""
import numpy as np


def convolve(images, kernels, padding='same', stride=(1, 1)):
    """
        performs a convolution on multi channel images:
        @images
            a numpy.ndarray with shape (m, h, w, c) containing multiple images
            m is the number of images
            h is the height in pixels of the images
            w is the width in pixels of the images
            c is the number of channels in the image
        @kernels
            a numpy.ndarray (kh, kw, c, nc) containing kernels for convolution
            kh is the height of a kernel
            kw is the width of a kernel
            nc is the number of kernels
        @padding
            either a tuple of (ph, pw), ‘same’, or ‘valid’
            if ‘same’, performs a same convolution
            if ‘valid’, performs a valid convolution
            if a tuple:
            ph is the padding for the height of the image
            pw is the padding for the width of the image
            the image should be padded with 0’s
        @stride is a tuple of (sh, sw)
            sh is the stride for the height of the image
            sw is the stride for the width of the image
        Returns: a numpy.ndarray containing the convolved images
    """
    # creating relevant variables
    m = images.shape[0]
    h = images.shape[1]
    w = images.shape[2]
    c = images.shape[3]

    kh = kernels.shape[0]
    kw = kernels.shape[1]
    nc = kernels.shape[3]

    sh = stride[0]
    sw = stride[1]

    # finding the padding
    if isinstance(padding, tuple):
        ph = padding[0]
        pw = padding[1]

    elif padding is 'same':
        ph = int(np.ceil((h - 1) * sh + kh - h)/2)
        pw = int(np.ceil((w - 1) * sw + kw - w)/2)

    elif padding == 'valid':
        ph, pw = 0, 0

    # getting the size of the output
    hi = int((h + 2*ph - kh)/sh) + 1
    wi = int((w + 2*pw - kw)/sw) + 1

    # initializing the output
    new = np.zeros((m, hi, wi, nc))

    # applying padding
    newimage = np.pad(images, ((0, 0), (ph, ph), (pw, pw), (0, 0)), 'constant')

    # doing covolutions
    for row in range(hi):
        for col in range(wi):
            for k in range(nc):
                part = newimage[:, row*sh:(row*sh)+kh, col*sw:(col*sw)+kw]
                suma = np.sum(kernels[:, :, :, k] * part, axis=(1, 2, 3))
                new[:, row, col, k] += suma
    return new


def conv_forward(A_prev, W, b, activation, padding="same", stride=(1, 1)):
    """
    performs forward propagation over convolutional layer of a neural network:

    @A_prev
        a numpy.ndarray of (m, h_prev, w_prev, c_prev) output of previous layer
        m is the number of examples
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer

    @W
        numpy.ndarray shape (kh, kw, c_prev, c_new) kernels for the convolution
        kh is the filter height
        kw is the filter width
        c_prev is the number of channels in the previous layer
        c_new is the number of channels in the output

    @b
        a numpy.ndarray of shape (1, 1, 1, c_new) the biases

    @activation
        an activation function applied to the convolution

    @padding
        a string that is either same or valid, indicating the type of padding

    @stride is a tuple of (sh, sw) containing the strides for the convolution
        sh is the stride for the height
        sw is the stride for the width
    """
    # Setting up variables
    m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride

    # Convolving
    z = convolve(A_prev, W, padding, stride)

    # Forward Propogation
    a = activation(z + b)

    return (a)

_student_conv_forward = conv_forward


# -------------------- supervised_learning/0x07-cnn/1-pool_forward.py (verbatim) --------------------
#!/usr/bin/env python3
"""this modual contiains the function for task 1"""
import numpy as np


def pool(images, kernel_shape, stride, mode='max'):
    """
        Performs pooling on images:
        @images
            a numpy.ndarray with shape (m, h, w, c) containing multiple images
            m is the number of images
            h is the height in pixels of the images
            w is the width in pixels of the images
            c is the number of channels in the image
        @kernel_shape
            is a tuple of (kh, kw) containing the kernel shape for the pooling
            kh is the height of the kernel
            kw is the width of the kernel
        @padding
            either a tuple of (ph, pw), ‘same’, or ‘valid’
            if ‘same’, performs a same convolution
            if ‘valid’, performs a valid convolution
            if a tuple:
            ph is the padding for the height of the image
            pw is the padding for the width of the image
            the image should be padded with 0’s
        @stride
            is a tuple of (sh, sw)
            sh is the stride for the height of the image
            sw is the stride for the width of the image
        @mode
            indicates the type of pooling
            max indicates max pooling
            avg indicates average pooling
        Returns: a numpy.ndarray containing the convolved images
    """
    # creating relevant variables
    m = images.shape[0]
    h = images.shape[1]
    w = images.shape[2]
    c = images.shape[3]

    kh = kernel_shape[0]
    kw = kernel_shape[1]

    sh = stride[0]
    sw = stride[1]

    # finding the padding
    ph, pw = 0, 0

    # getting the size of the output
    hi = int((h - kh)/sh) + 1
    wi = int((w - kw)/sw) + 1

    # initializing the output
    new = np.zeros((m, hi, wi, c))

    # doing covolutions
    for row in range(hi):
        for col in range(wi):
            part = images[:, row * sh:(row*sh) + kh, col * sw:(col*sw) + kw]
            if mode == 'max':
                suma = np.max(part, axis=(1, 2))
            elif mode == 'avg':
                suma = part.mean(axis=(1, 2))
            new[:, row, col] = suma
    return new


def pool_forward(A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    Performs forward propagation over a pooling layer of a neural network:

    @A_prev
        a numpy.ndarray (m, h_prev, w_prev, c_prev) output of previous layer
        m is the number of examples
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer
    @kernel_shape
        a tuple of (kh, kw) size of the kernel for the pooling
        kh is the kernel height
        kw is the kernel width
    @stride
        is a tuple of (sh, sw) containing the strides for the pooling
        sh is the stride for the height
        sw is the stride for the width
    @mode
        a string containing either max or avg | indicating the type of pooling
    """
    return pool(A_prev, kernel_shape, stride, mode)

_student_pool_forward = pool_forward


# -------------------- supervised_learning/0x07-cnn/2-conv_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""This modual contains the function used in task 2"""
import numpy as np


def conv_backward(dZ, A_prev, W, b, padding="same", stride=(1, 1)):
    """
    Performs back propagation over a convolutional layer:

    @dZ
        a numpy.ndarray of shape (m, h_new, w_new, c_new) containing
            the partial derivatives with respect to the unactivated output
            of the convolutional layer
        m is the number of examples
        h_new is the height of the output
        w_new is the width of the output
        c_new is the number of channels in the output`

    @A_prev
        a numpy.ndarray of shape (m, h_prev, w_prev, c_prev) the output of
            the previous layer
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer

    @W
        a numpy.ndarray of shape (kh, kw, c_prev, c_new) containing the kernels
        kh is the filter height
        kw is the filter width

    @b
        a numpy.ndarray of shape (1, 1, 1, c_new) containing the biases

    @padding
        a string that is either same or valid, indicatin type of padding used

    @stride
        a tuple of (sh, sw) containing the strides for the convolution
        sh is the stride for the height
        sw is the stride for the width

    """
    # Retrieving information
    m, h_new, w_new, c_new = dZ.shape
    h_m, h_prev, w_prev, c_prev = A_prev.shape
    kh, kw, c_prev, c_new = W.shape
    sh, sw = stride

    # setting padding
    ph, pw = 0, 0

    if padding == 'same':
        ph = int(np.ceil(((h_prev - 1) * sh + kh - h_prev)/2))
        pw = int(np.ceil(((w_prev - 1) * sw + kw - w_prev)/2))

    # applying padding
    A_prev = np.pad(A_prev, ((0, 0), (ph, ph), (pw, pw), (0, 0)), 'constant')

    # initializing the output
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)

    # doing covolutions
    for i in range(m):
        for r in range(h_new):
            for c in range(w_new):
                for k in range(c_new):
                    # iterate through all the values in the derivative of z
                    dZ_cust = dZ[i, r, c, k]
                    W_cust = W[:, :, :, k]
                    # to get the derivative of A we have to multiply the value
                    # of dZ to the channel of W
                    dA_prev[i, r*sh:r*sh+kh, c*sw:c*sw+kw] += W_cust*dZ_cust

                    # To get the derivative of W we have to multiply to
                    # value of dz by value a_prev accross all channels
                    dW[:, :, :, k] += A_prev[i, r*sh:r*sh+kh, c*sw:c*sw+kw]\
                        * dZ_cust

    # getting derivative of b is taking the sum of dZ
    db = np.sum(dZ, axis=(0, 1, 2), keepdims=True)

    # remove padding
    dA_prev = dA_prev[:, ph:dA_prev.shape[1]-ph, pw:dA_prev.shape[2]-pw]

    return dA_prev, dW, db

_student_conv_backward = conv_backward


# -------------------- supervised_learning/0x07-cnn/3-pool_backward.py (verbatim) --------------------
#!/usr/bin/env python3
"""This modual contains the function used in task 3"""
import numpy as np


def pool_backward(dA, A_prev, kernel_shape, stride=(1, 1), mode='max'):
    """
    performs back propagation over a pooling layer of a neural network:

    @dA
        a numpy.ndarray of shape
            (m, h_new, w_new, c_new) containing
            the partial derivatives with respect
            to the output of the pooling layer
        m is the number of examples
        h_new is the height of the output
        w_new is the width of the output
        c_new is the number of channels in the output`

    @A_prev
        a numpy.ndarray of shape (m, h_prev, w_prev, c_prev) the output of
            the previous layer
        h_prev is the height of the previous layer
        w_prev is the width of the previous layer
        c_prev is the number of channels in the previous layer
    @kernel_shape
        a tuple of (kh, kw) size of the kernel for the pooling
        kh is the kernel height
        kw is the kernel width
    @stride
        is a tuple of (sh, sw) containing the strides for the pooling
        sh is the stride for the height
        sw is the stride for the width
    @mode
        a string containing either max or avg | indicating the type of pooling
    """
    m, h_new, w_new, c_n = dA.shape
    _, h_prev, w_prev, _ = A_prev.shape
    kh, kw = kernel_shape
    sh, sw = stride

    # initializing the output
    new = np.zeros(A_prev.shape)

    # doing pooling
    for i in range(m):
        for r in range(h_new):
            for c in range(w_new):
                for k in range(c_n):
                    # iterate through all the values in the derivative of z
                    dA_cust = dA[i, r, c, k]
                    aP_cust = A_prev[i, r*sh: r*sh + kh, c*sw:c*sw + kw, k]
                    # to get the derivative of A we have to multiply the value
                    # of dA to the channel of W
                    if mode == 'max':
                        mask = np.zeros(kernel_shape)
                        ma_ap = np.max(aP_cust)
                        mask = np.where(aP_cust == ma_ap, 1, 0)
                        new[i, r*sh: r*sh + kh, c*sw:c*sw + kw, k] += \
                            dA_cust * mask

                    elif mode == 'avg':
                        mask = np.ones(kernel_shape)/(kh * kw)
                        mask *= dA_cust
                        new[i, r*sh: r*sh + kh, c*sw:c*sw + kw, k] += mask
    return new

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
