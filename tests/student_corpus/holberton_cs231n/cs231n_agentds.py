# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: AgentDS/CS-231n
# path: assignment2/cs231n/layers.py
# commit: 6e5c231f36a2ec41952409737153efcd789e7483
# url: https://github.com/AgentDS/CS-231n/blob/6e5c231f36a2ec41952409737153efcd789e7483/assignment2/cs231n/layers.py

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
    pad = conv_param.get('pad')
    stride = conv_param.get('stride')
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    H_ = int(1 + (H + 2 * pad - HH) / stride)
    W_ = int(1 + (W + 2 * pad - WW) / stride)

    out = np.zeros(shape=(N, F, H_, W_))
    # avoid loop on N and C
    for h_ in range(H_):
        for w_ in range(W_):
            x_partial = x_pad[:, :, h_ * stride:h_ * stride + HH, w_ * stride:w_ * stride + WW]
            tmp = np.einsum('njkz,ijkz->ni', x_partial, w)
            out[:, :, h_, w_] = tmp + b

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
    pad = conv_param.get('pad')
    stride = conv_param.get('stride')
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_, W_ = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')

    # using chain rule on computing dx, avoid loops on N and F
    dx = np.zeros(shape=x_pad.shape)
    w_reshape = w.reshape(F, np.prod(w.shape[1:]))
    for h_ in range(H_):
        for w_ in range(W_):
            dx_partial = np.einsum('ij,ki->kj', w_reshape, dout[:, :, h_, w_])
            dx[:, :, h_ * stride:h_ * stride + HH, w_ * stride:w_ * stride + WW] += dx_partial.reshape(N, C, HH, WW)
    dx = dx[:, :, pad:H + pad, pad:W + pad]  # remove padding

    # using chain rule on computing dw, avoid loops on N and F
    dw = np.zeros(shape=w.shape)
    for h_ in range(H_):
        for w_ in range(W_):
            x_partial = x_pad[:, :, h_ * stride:h_ * stride + HH, w_ * stride:w_ * stride + WW]
            x_partial = x_partial.reshape(N, np.prod(w.shape[1:]))
            dw_partial = np.einsum('ij,ik->jk', dout[:, :, h_, w_], x_partial)
            dw[:, :, :, :] += dw_partial.reshape(w.shape)

    # using chain rule on computing db
    db = np.sum(dout, axis=(0, 2, 3))
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
    N, C, H, W = x.shape
    pool_height = pool_param.get('pool_height')
    pool_width = pool_param.get('pool_width')
    stride = pool_param.get('stride')
    H_ = int(1 + (H - pool_height) / stride)
    W_ = int(1 + (W - pool_width) / stride)

    out = np.zeros(shape=(N, C, H_, W_))
    # avoid loop on N and C
    for h_ in range(H_):
        for w_ in range(W_):
            x_partial = x[:, :, h_ * stride:h_ * stride + pool_height, w_ * stride:w_ * stride + pool_width]
            out[:, :, h_, w_] = np.max(x_partial, axis=(2, 3))
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
    pool_height = pool_param.get('pool_height')
    pool_width = pool_param.get('pool_width')
    stride = pool_param.get('stride')
    N, C, H, W = x.shape
    _, _, H_, W_ = dout.shape

    dx = np.zeros(shape=x.shape)
    for n in range(N):
        for c in range(C):
            for h_ in range(H_):
                for w_ in range(W_):
                    x_partial = x[n, c, h_ * stride:h_ * stride + pool_height, w_ * stride:w_ * stride + pool_width]
                    index = np.unravel_index(np.argmax(x_partial), [pool_height, pool_width])
                    dx[n, c, h_ * stride:h_ * stride + pool_height, w_ * stride:w_ * stride + pool_width][index] = dout[n, c, h_, w_]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
