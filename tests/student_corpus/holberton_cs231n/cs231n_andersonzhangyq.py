# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: AndersonZhangyq/cs231n-2017
# path: assignment2/cs231n/layers.py
# commit: f548a2f629d1c663d3f144b9773bae3b404c9034
# url: https://github.com/AndersonZhangyq/cs231n-2017/blob/f548a2f629d1c663d3f144b9773bae3b404c9034/assignment2/cs231n/layers.py

# -------------------- assignment2/cs231n/layers.py: the four naive functions (verbatim) --------------------
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    """
    A naive implementation of the forward pass for a convolutional layer.

    The input consists of N data points, each with C channels, height H and
    width W. We convolve each input with F different filters, where each filter
    spans all C channels and has height HH and width HH.

    Input:
    - x: Input data of shape (N, C, H, W)
    - w: Filter weights of shape (F, C, HH, WW)
    - b: Biases, of shape (F,)
    - conv_param: A dictionary with the following keys:
      - 'stride': The number of pixels between adjacent receptive fields in the
        horizontal and vertical directions.
      - 'pad': The number of pixels that will be used to zero-pad the input.

    Returns a tuple of:
    - out: Output data, of shape (N, F, H', W') where H' and W' are given by
      H' = 1 + (H + 2 * pad - HH) / stride
      W' = 1 + (W + 2 * pad - WW) / stride
    - cache: (x, w, b, conv_param)
    """
    out = None
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    # Hint: you can use the function np.pad for padding.                      #
    ###########################################################################
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_ = 1 + (H + 2 * pad - HH) // stride
    W_ = 1 + (W + 2 * pad - WW) // stride
    out = np.zeros((N, F, H_, W_))
    padded_x = np.pad(
        x,
        pad_width=((0, 0), (0, 0), (pad, pad), (pad, pad)),
        mode="constant",
        constant_values=0,
    )
    for n in range(N):
        sample = padded_x[n, :]
        for f in range(F):
            kernel = w[f, :, :, :]
            for out_i, i_ in enumerate(range(H_)):
                i = i_ * stride
                for out_j, j_ in enumerate(range(W_)):
                    j = j_ * stride
                    out[n][f][out_i][out_j] = (
                        np.sum(kernel * sample[:, i : i + HH, j : j + WW]) + b[f]
                    )
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    """
    A naive implementation of the backward pass for a convolutional layer.

    Inputs:
    - dout: Upstream derivatives.
    - cache: A tuple of (x, w, b, conv_param) as in conv_forward_naive

    Returns a tuple of:
    - dx: Gradient with respect to x
    - dw: Gradient with respect to w
    - db: Gradient with respect to b
    """
    dx, dw, db = None, None, None
    ###########################################################################
    # TODO: Implement the convolutional backward pass.                        #
    ###########################################################################
    x, w, b, conv_param = cache
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_ = 1 + (H + 2 * pad - HH) // stride
    W_ = 1 + (W + 2 * pad - WW) // stride
    padded_x = np.pad(
        x,
        pad_width=((0, 0), (0, 0), (pad, pad), (pad, pad)),
        mode="constant",
        constant_values=0,
    )
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    dw_2 = np.zeros_like(w)
    for n in range(N):
        sample = padded_x[n, :]
        for f in range(F):
            kernel = w[f, :, :, :]
            for out_i, i_ in enumerate(range(H_)):
                i = i_ * stride
                for out_j, j_ in enumerate(range(W_)):
                    j = j_ * stride
                    # print("i", i, "j", j)
                    # print("dx[f,:, i:i+HH, j:j+WW].shape", dx[f,:, i:i+HH, j:j+WW].shape)
                    for kernel_i, i__ in enumerate(range(i, i + HH)):
                        for kernel_j, j__ in enumerate(range(j, j + WW)):
                            target_i = i__ - pad
                            target_j = j__ - pad
                            if (
                                target_i >= 0
                                and target_i < H
                                and target_j >= 0
                                and target_j < W
                            ):
                                dx[n, :, target_i, target_j] += (
                                    kernel[:, kernel_i, kernel_j]
                                    * dout[n, f, out_i, out_j]
                                )
                                dw[f, :, kernel_i, kernel_j] += (
                                    sample[:, i__, j__] * dout[n, f, out_i, out_j]
                                )
    db = np.sum(np.sum(np.sum(dout, axis=0), axis=-1), axis=-1)

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    """
    A naive implementation of the forward pass for a max pooling layer.

    Inputs:
    - x: Input data, of shape (N, C, H, W)
    - pool_param: dictionary with the following keys:
      - 'pool_height': The height of each pooling region
      - 'pool_width': The width of each pooling region
      - 'stride': The distance between adjacent pooling regions

    Returns a tuple of:
    - out: Output data
    - cache: (x, pool_param)
    """
    out = None
    ###########################################################################
    # TODO: Implement the max pooling forward pass                            #
    ###########################################################################
    N, C, H, W = x.shape
    pool_height, pool_width, stride = (
        pool_param["pool_height"],
        pool_param["pool_width"],
        pool_param["stride"],
    )
    H_ = 1 + (H - pool_height) // stride
    W_ = 1 + (W - pool_width) // stride
    out = np.zeros((N, C, H_, W_))
    for out_i, i_ in enumerate(range(H_)):
        i = i_ * stride
        for out_j, j_ in enumerate(range(W_)):
            j = j_ * stride
            out[:, :, out_i, out_j] = np.max(
                np.max(x[:, :, i : i + pool_height, j : j + pool_width], axis=-1),
                axis=-1,
            )
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    """
    A naive implementation of the backward pass for a max pooling layer.

    Inputs:
    - dout: Upstream derivatives
    - cache: A tuple of (x, pool_param) as in the forward pass.

    Returns:
    - dx: Gradient with respect to x
    """
    dx = None
    ###########################################################################
    # TODO: Implement the max pooling backward pass                           #
    ###########################################################################
    x, pool_param = cache
    N, C, H, W = x.shape
    pool_height, pool_width, stride = (
        pool_param["pool_height"],
        pool_param["pool_width"],
        pool_param["stride"],
    )
    dx = np.zeros_like(x)
    dx_2 = np.zeros_like(x)
    H_ = 1 + (H - pool_height) // stride
    W_ = 1 + (W - pool_width) // stride
    for out_i, i_ in enumerate(range(H_)):
        i = i_ * stride
        for out_j, j_ in enumerate(range(W_)):
            j = j_ * stride
            for n in range(N):
                for c in range(C):
                    window = x[n, c, i : i + pool_height, j : j + pool_width]
                    p, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i + p, j + q] += 1 * dout[n, c, out_i, out_j]

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
