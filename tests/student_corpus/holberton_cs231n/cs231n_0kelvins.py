# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 0Kelvins/cs231n-assignment
# path: assignment2/cs231n/layers.py
# commit: 92ca7c2fa485bb184bcb696eb702a31044047d92
# url: https://github.com/0Kelvins/cs231n-assignment/blob/92ca7c2fa485bb184bcb696eb702a31044047d92/assignment2/cs231n/layers.py

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
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    stride = conv_param.get('stride', 1)
    pad = conv_param.get('pad', 0)

    N, C, H, W = x.shape
    F, C_prime, HH, WW = w.shape
    # assert C == C_prime, f'C, C_prime: {C}, {C_prime}'
    H_prime = int(1 + (H + 2 * pad - HH) / stride)
    W_prime = int(1 + (W + 2 * pad - WW) / stride)
    out = np.zeros((N, F, H_prime, W_prime),dtype = np.float64)

    x_paded = np.pad(x,((0,0),(0,0),(pad,pad),(pad,pad)),'constant',constant_values = (0,0))

    h_now = 0
    w_now = 0
    for i in range(N):
        x_i = x_paded[i]
        for j in range(F):
            w_j = w[j]
            for h_now in range(H_prime):
                for w_now in range(W_prime):
                    x_i_slice = x_i[:, h_now*stride:h_now*stride+HH, w_now*stride:w_now*stride+WW]
                    out[i,j,h_now,w_now] = np.sum(x_i_slice*w_j)+b[j]

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
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
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    x, w, b, conv_param = cache
    stride = conv_param.get('stride', 1)
    pad = conv_param.get('pad', 0)

    dx = np.zeros(x.shape, dtype = np.float64)
    dw = np.zeros(w.shape, dtype = np.float64)
    db = np.zeros(b.shape, dtype = np.float64)

    N, C, H, W = x.shape
    F, C_prime, HH, WW = w.shape
    H_prime = int(1 + (H + 2 * pad - HH) / stride)
    W_prime = int(1 + (W + 2 * pad - WW) / stride)

    dx_paded = np.pad(dx,((0,0),(0,0),(pad,pad),(pad,pad)),'constant',constant_values = (0,0))
    x_paded = np.pad(x,((0,0),(0,0),(pad,pad),(pad,pad)),'constant',constant_values = (0,0))

    for i in range(N):
        x_i = x_paded[i]
        for j in range(F):
            w_j = w[j]
            for h_now in range(H_prime):
                for w_now in range(W_prime):
                    db[j] += dout[i,j,h_now,w_now]
                    dx_paded[i, :, h_now*stride:h_now*stride+HH, w_now*stride:w_now*stride+WW] += dout[i,j,h_now,w_now]*w_j
                    dw[j] += dout[i,j,h_now,w_now] * x_i[:, h_now*stride:h_now*stride+HH, w_now*stride:w_now*stride+WW]

    dx = dx_paded[:, :, pad:-pad, pad:-pad]

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
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
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    stride = pool_param.get('stride', 1)
    pool_height = pool_param.get('pool_height', 1)
    pool_width = pool_param.get('pool_width', 1)

    N, C, H, W = x.shape
    H_prime = int(1 + (H - pool_height) / stride)
    W_prime = int(1 + (W - pool_width) / stride)

    out = np.zeros((N, C, H_prime, W_prime),dtype = np.float64)
    h_now = 0
    w_now = 0
    for i in range(N):
        x_i = x[i]
        for h_now in range(H_prime):
            for w_now in range(W_prime):
                x_i_slice = x_i[:, h_now*stride:h_now*stride+pool_height, w_now*stride:w_now*stride+pool_width]
                out[i,:,h_now,w_now] = np.max(np.max(x_i_slice,axis = 2),axis = 1) # max on w and h flat


    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
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
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****


    x, pool_param = cache
    stride = pool_param.get('stride', 1)
    pool_height = pool_param.get('pool_height', 1)
    pool_width = pool_param.get('pool_width', 1)

    N, C, H, W = x.shape
    H_prime = int(1 + (H - pool_height) / stride)
    W_prime = int(1 + (W - pool_width) / stride)

    # dout = np.zeros((N, C, H_prime, W_prime),dtype = np.float64)
    dx = np.zeros(x.shape,dtype = np.float64)
    h_now = 0
    w_now = 0
    for i in range(N):
        x_i = x[i]
        for h_now in range(H_prime):
            for w_now in range(W_prime):
                x_i_slice = x_i[:, h_now*stride:h_now*stride+pool_height, w_now*stride:w_now*stride+pool_width]
                for c in range(C):
                    x_i_c = x_i_slice[c]
                    mask = np.zeros(x_i_c.shape, dtype = np.float64)
                    mask[x_i_c == np.max(x_i_c)] = 1
                    mask /= np.sum(mask) # to devide the gradient to several same max values
                    dx[i, c, h_now*stride:h_now*stride+pool_height, w_now*stride:w_now*stride+pool_width] += mask * dout[i,c,h_now,w_now]


    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
