# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 7forz/CS231n_assignments
# path: assignment2/cs231n/layers.py
# commit: ecd806cfd988de1eb7ffa23aa3f799cadc050a6f
# url: https://github.com/7forz/CS231n_assignments/blob/ecd806cfd988de1eb7ffa23aa3f799cadc050a6f/assignment2/cs231n/layers.py

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
    # init
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape  # the 2 C are same
    stride = conv_param['stride']
    pad = conv_param['pad']

    H_new = int(1 + (H + 2 * pad - HH) / stride)
    W_new = int(1 + (W + 2 * pad - WW) / stride)
    out = np.zeros((N, F, H_new, W_new))
    
    for _n in range(N):  # the nth image
        img_padded = np.pad(x[_n], ((0,0), (pad,pad), (pad,pad)), 'constant', constant_values=0)
        for _f in range(F):  # the fth conv core(filter)
            conv_core_flatten = w[_f].flatten()  # flat the filter to do inner product
            for _h in range(H_new):
                for _w in range(W_new):
                    img_part = img_padded[:,  # all channels
                                          _h*stride : _h*stride+HH,  # height
                                          _w*stride : _w*stride+WW  # width
                                         ]
                    img_part_flatten = img_part.flatten()
                    out[_n, _f, _h, _w] = np.dot(conv_core_flatten, img_part_flatten) + b[_f]
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
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape  # the 2 C are same
    stride = conv_param['stride']
    pad = conv_param['pad']
    H_new = int(1 + (H + 2 * pad - HH) / stride)
    W_new = int(1 + (W + 2 * pad - WW) / stride)

    dx = np.zeros_like(x)
    x_pad = np.pad(x, ((0,), (0,), (pad,), (pad,)), mode='constant', constant_values=0)
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    
    db = np.sum(dout, axis=(0,2,3))  # dimension analysis, trivial

    # ref: https://github.com/lightaime/cs231n/blob/master/assignment2/cs231n/layers.py
    for i in range(H_new):
        for j in range(W_new):
            x_pad_masked = x_pad[:, :, i*stride:i*stride+HH, j*stride:j*stride+WW]
            for k in range(F):  # compute dw
                dw[k ,: ,: ,:] += np.sum(x_pad_masked * (dout[:, k, i, j])[:, None, None, None], axis=0)
            for n in range(N):  # compute dx_pad
                dx_pad[n, :, i*stride:i*stride+HH, j*stride:j*stride+WW] += np.sum((w[:, :, :, :] * 
                                                 (dout[n, :, i, j])[:,None ,None, None]), axis=0)
    dx = dx_pad[:,:,pad:-pad,pad:-pad]
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
    pool_height = pool_param['pool_height']
    pool_width = pool_param['pool_width']
    stride = pool_param['stride']
    H_new = int(1 + (H - pool_height) / stride)
    W_new = int(1 + (W - pool_width) / stride)
    
    out = np.zeros((N, C, H_new, W_new))
#     for _n in range(N):  # the nth image
#         for _c in range(C):
#             img = x[_n][_c]  # img.shape is 2 dimensions
#             for _h in range(H_new):
#                 for _w in range(W_new):
#                     img_part = img[_h*stride: _h*stride+pool_height,
#                                    _w*stride: _w*stride+pool_width]
#                     out[_n, _c, _h, _w] = np.max(img_part)
    # higher efficiency
    for _h in range(H_new):
        for _w in range(W_new):
            img_mask = x[:,  # all images
                         :,  # all channels
                         _h*stride: _h*stride+pool_height,
                         _w*stride: _w*stride+pool_width]
            out[:, :, _h, _w] = np.max(img_mask, axis=(2,3))
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
    pool_height = pool_param['pool_height']
    pool_width = pool_param['pool_width']
    stride = pool_param['stride']
    H_new = int(1 + (H - pool_height) / stride)
    W_new = int(1 + (W - pool_width) / stride)
    dx = np.zeros_like(x)

    for _h in range(H_new):
        for _w in range(W_new):
            img_mask = x[:,  # all images
                         :,  # all channels
                         _h*stride: _h*stride+pool_height,
                         _w*stride: _w*stride+pool_width]  # shape=(N,C,pool_height,pool_width)
            max_x_masked = np.max(img_mask, axis=(2,3))  # shape=(N,C)
            max_x_masked = max_x_masked[:, :, None, None]  # 添加2个维度 使维度对齐 shape=(N,C,1,1)

            is_max = (max_x_masked == img_mask)  # shape=(N,C,pool_height,pool_width)
            # 在原尺寸的dx上分块填入is_max中为True的位置的dout对应值
            dx[:, :, _h*stride: _h*stride+pool_height, 
               _w*stride: _w*stride+pool_width] += (dout[:, :, _h, _w])[:, :, None, None] * is_max
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
