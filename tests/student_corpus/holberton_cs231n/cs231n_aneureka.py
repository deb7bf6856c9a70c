# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: Aneureka/cs231n-assignments-2018
# path: assignment2/cs231n/layers.py
# commit: 4fe02aecd91308071052bc71db939aad5667bf0b
# url: https://github.com/Aneureka/cs231n-assignments-2018/blob/4fe02aecd91308071052bc71db939aad5667bf0b/assignment2/cs231n/layers.py

# -------------------- assignment2/cs231n/layers.py: the four naive functions (verbatim) --------------------
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    """
    A naive implementation of the forward pass for a convolutional layer.

    The input consists of N data points, each with C channels, height H and
    width W. We convolve each input with F different filters, where each filter
    spans all C channels and has height HH and width WW.

    Input:
    - x: Input data of shape (N, C, H, W)
    - w: Filter weights of shape (F, C, HH, WW)
    - b: Biases, of shape (F,)
    - conv_param: A dictionary with the following keys:
      - 'stride': The number of pixels between adjacent receptive fields in the
        horizontal and vertical directions.
      - 'pad': The number of pixels that will be used to zero-pad the input. 
        

    During padding, 'pad' zeros should be placed symmetrically (i.e equally on both sides)
    along the height and width axes of the input. Be careful not to modfiy the original
    input x directly.

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
    stride, pad = conv_param['stride'], conv_param['pad']
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant', constant_values=0)
    N, C, H_pad, W_pad = x_pad.shape
    F, C, HH, WW = w.shape
    H_out = 1 + (H_pad - HH) // stride
    W_out = 1 + (W_pad - WW) // stride
    out = np.zeros((N, F, H_out, W_out))
    # For the shift operation is the same on each sample(N) and each filter(F), so we just need two loops
    for i in range(0, H_out):
      for j in range(0, W_out):
        out[:, :, i, j] = x_pad[:, :, i*stride:i*stride+HH, j*stride:j*stride+WW].reshape(N, -1).dot(w.reshape(F, -1).T) + b
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
    stride, pad = conv_param['stride'], conv_param['pad']
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant', constant_values=0)
    N, F, H_out, W_out = dout.shape
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    dxpad, dw, db = np.zeros_like(x_pad), np.zeros_like(w), np.zeros_like(b)
    for i in range(0, H_out):
      for j in range(0, W_out):
        dxpad[:, :, i*stride:i*stride+HH, j*stride:j*stride+WW] += dout[:, :, i, j].dot(w.reshape(F, -1)).reshape(N, C, HH, WW)
        dw += dout[:, :, i, j].T.dot(x_pad[:, :, i*stride:i*stride+HH, j*stride:j*stride+WW].reshape(N, -1)).reshape(F, C, HH, WW)
        db += np.sum(dout[:, :, i, j], axis=0)
    dx = dxpad[:, :, pad:H+pad, pad:W+pad]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    """
    A naive implementation of the forward pass for a max-pooling layer.

    Inputs:
    - x: Input data, of shape (N, C, H, W)
    - pool_param: dictionary with the following keys:
      - 'pool_height': The height of each pooling region
      - 'pool_width': The width of each pooling region
      - 'stride': The distance between adjacent pooling regions

    No padding is necessary here. Output size is given by 

    Returns a tuple of:
    - out: Output data, of shape (N, C, H', W') where H' and W' are given by
      H' = 1 + (H - pool_height) / stride
      W' = 1 + (W - pool_width) / stride
    - cache: (x, pool_param)
    """
    out = None
    ###########################################################################
    # TODO: Implement the max-pooling forward pass                            #
    ###########################################################################
    pool_height, pool_width, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    N, C, H, W = x.shape
    H_out, W_out = 1 + (H - pool_height) // stride, 1 + (W - pool_height) // stride
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
      for j in range(W_out):
        out[:, :, i, j] = np.max(x[:, :, i*stride:i*stride+pool_height, j*stride:j*stride+pool_width], axis=(-2, -1))
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    """
    A naive implementation of the backward pass for a max-pooling layer.

    Inputs:
    - dout: Upstream derivatives
    - cache: A tuple of (x, pool_param) as in the forward pass.

    Returns:
    - dx: Gradient with respect to x
    """
    dx = None
    ###########################################################################
    # TODO: Implement the max-pooling backward pass                           #
    ###########################################################################
    x, pool_param = cache
    pool_height, pool_width, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    N, C, H_out, W_out = dout.shape
    N, C, H, W = x.shape
    dx = np.zeros_like(x)
    for i in range(0, H_out):
      for j in range(0, W_out):
        for p in range(0, N):
          for q in range(0, C):
            pool_block = x[p, q, i*stride:i*stride+pool_height, j*stride:j*stride+pool_width]
            h_max, w_max = np.unravel_index(np.argmax(pool_block), pool_block.shape)
            dx[p, q, h_max+i*stride, w_max+j*stride] += np.sum(dout[p, q, i, j])
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
