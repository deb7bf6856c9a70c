# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: BenJaEGo/cs231n_2017_spring
# path: assignment2/cs231n/layers.py
# commit: 5bf6b10cc6e7c207bebe7979525ebb8dd0c0af5a
# url: https://github.com/BenJaEGo/cs231n_2017_spring/blob/5bf6b10cc6e7c207bebe7979525ebb8dd0c0af5a/assignment2/cs231n/layers.py

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
    # pass
    
    def im2col(x, hh, ww, stride):
        # x shape [C, H, W]
        C, H, W = x.shape
        out_h = (H - hh) // stride + 1
        out_w = (W - ww) // stride + 1
        out = np.zeros([out_h*out_w, hh*ww*C])
        for h_idx in range(out_h):
            for w_idx in range(out_w):
                out[h_idx*out_h+w_idx, :] = x[:,h_idx*stride:(h_idx*stride+hh),w_idx*stride:(w_idx*stride+ww)].ravel()
        return out
            
    def col2im(x, out_h, out_w):
        # x shape [out_h*out_w, F]
        _, F = x.shape
        out = np.zeros([F, out_h, out_w])
        for idx in range(F):
            out[idx, :, :] = x[:, idx].reshape([out_h, out_w])
        return out
    
    x_padded = np.pad(x, 
                      ((0, 0), (0, 0), 
                      (conv_param['pad'], conv_param['pad']), 
                      (conv_param['pad'], conv_param['pad'])), 
                      mode='constant')
    
    N, C, H, W = x_padded.shape
    F, _, HH, WW = w.shape
    
    w = w.reshape([F, C*HH*WW])
    
    out_h = (H - HH) // conv_param['stride'] + 1
    out_w = (W - WW) // conv_param['stride'] + 1
    
    out = np.zeros([N, F, out_h, out_w])
       
    sample_cols = []
    for sample_idx in range(N):
        # sample_col [out_h*out_w, HH*WW*C]
        x_padded_sample = x_padded[sample_idx]
        sample_col = im2col(x_padded_sample, HH, WW, conv_param['stride'])
        # conv_out [out_h*out_w, F]
        sample_conv_out = sample_col.dot(w.T) + b
        sample_image = col2im(sample_conv_out, out_h, out_w)
        out[sample_idx] = sample_image
        sample_cols.append(sample_col)
        
        
    w = w.reshape([F, C, HH, WW])
        
        
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b, sample_cols, conv_param)
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
    # pass
    
    def col2im_backward(dout):
        # dout shape [F, out_h, out_w]
        F, out_h, out_w = dout.shape
        dx = dout.reshape([F, out_h*out_w])
        return dx
    
    def im2col_backward(dout, C, H, W, HH, WW, stride):
        # dout [out_h*out_w, HH*WW*C]
        out_h = (H - HH) // stride + 1
        out_w = (W - WW) // stride + 1
        
        #out [C, H, W]
        dx = np.zeros([C, H, W])
        for idx in range(out_h*out_w):
            h_idx = (idx // out_h) * stride
            w_idx = (idx % out_w) * stride
            dpatch = dout[idx].reshape([C, HH, WW])
            dx[:, h_idx:(h_idx+HH), w_idx:(w_idx+WW)] += dpatch
        return dx
            
        
    
    x, w, b, sample_cols, conv_param = cache
    
    x_padded = np.pad(x, 
                      ((0, 0), (0, 0), 
                      (conv_param['pad'], conv_param['pad']), 
                      (conv_param['pad'], conv_param['pad'])), 
                      mode='constant')
    
    N, C, H, W = x_padded.shape
    F, _, HH, WW = w.shape
    
    w = w.reshape([F, C*HH*WW])
    
    out_h = (H - HH) // conv_param['stride'] + 1
    out_w = (W - WW) // conv_param['stride'] + 1
    dx = np.zeros(x.shape)
    dw = np.zeros(w.shape)
    for sample_idx in range(N):
        sample_col = sample_cols[sample_idx]
        dsample_image = dout[sample_idx]
        dsample_conv_out = col2im_backward(dout[sample_idx])       
        dsample_col = dsample_conv_out.T.dot(w)
        dw_sample = dsample_conv_out.dot(sample_col)
        dx_padded_sample = im2col_backward(dsample_col, C, H, W, HH, WW, conv_param['stride'])
        dx[sample_idx] = dx_padded_sample[:, conv_param['pad']:H-conv_param['pad'], conv_param['pad']:W-conv_param['pad']]
        dw += dw_sample
    dw = dw.reshape([F, C, HH, WW])
    db = np.sum(dout, axis=(0, 2, 3))
        
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
    #pass
    
    def im2col(x, hh, ww, stride):
        # x shape [C, H, W]
        C, H, W = x.shape
        out_h = (H - hh) // stride + 1
        out_w = (W - ww) // stride + 1
        out = np.zeros([out_h*out_w, C*hh*ww])
        for h_idx in range(out_h):
            for w_idx in range(out_w):
                out[h_idx*out_h+w_idx, :] = x[:,h_idx*stride:(h_idx*stride+hh),w_idx*stride:(w_idx*stride+ww)].ravel()
        out = out.reshape([out_h*out_w, C, hh*ww])
        max_value = np.max(out, axis=2)
        max_index = np.argmax(out, axis=2)
        # max_value [C, out_h, out_w]
        max_value = max_value.reshape([out_h, out_w, C]).transpose(2, 0, 1)
        #print(max_index.shape)
        return max_value, max_index
    N, C, H, W = x.shape
    out_h = (H - pool_param['pool_height']) // pool_param['stride'] + 1
    out_w = (W - pool_param['pool_width']) // pool_param['stride'] + 1
    out = np.zeros([N, C, out_h, out_w])
    max_indexs = []
    for sample_idx in range(N):
        sample = x[sample_idx]
        sample_max_value, sample_max_index = im2col(sample, 
                                                    pool_param['pool_height'], 
                                                    pool_param['pool_width'], 
                                                    pool_param['stride'])
        out[sample_idx] = sample_max_value
        max_indexs.append(sample_max_index)
    
    
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, max_indexs, pool_param)
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
    # pass
    
    def im2col_backward(dout, max_index, out_h, out_w, C, HH, WW, stride):
        # dout [C, out_h, out_w]
        # max_index [out_h*out_w, C]
        # dout now [out_h*out_w, C]
        dout = dout.transpose(1, 2, 0).reshape([out_h*out_w, C])
        dout_reshape = np.zeros([out_h*out_w, C, HH*WW])
        for idx in range(out_h*out_w):
            for c_idx in range(C):
                dout_reshape[idx, c_idx, max_index[idx, c_idx]] = dout[idx, c_idx]
        dout_reshape = dout_reshape.reshape([out_h*out_w, C, HH, WW])
        #out [C, H, W]
        dx = np.zeros([C, H, W])
        for idx in range(out_h*out_w):
            h_idx = (idx // out_h) * stride
            w_idx = (idx % out_w) * stride
            dpatch = dout_reshape[idx]
            dx[:, h_idx:(h_idx+HH), w_idx:(w_idx+WW)] += dpatch
        
        return dx
    
    x, max_indexs, pool_param = cache
    N, C, H, W = x.shape
    out_h = (H - pool_param['pool_height']) // pool_param['stride'] + 1
    out_w = (W - pool_param['pool_width']) // pool_param['stride'] + 1
    dx = np.zeros(x.shape)
    for sample_idx in range(N):
        sample_max_idx = max_indexs[sample_idx]
        dout_sample = dout[sample_idx]
        dsample = im2col_backward(dout_sample, sample_max_idx, 
                                  out_h, out_w, C, 
                                  pool_param['pool_height'], pool_param['pool_width'], pool_param['stride'])
        dx[sample_idx] = dsample
    
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py); its forward caches the im2col columns and the pooling argmax indices, so its forward builds the caches ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(
    globals(),
    conv_cache=lambda x, w, b, conv_param: conv_forward_naive(x, w, b, conv_param)[1],
    pool_cache=lambda x, pool_param: max_pool_forward_naive(x, pool_param)[1],
)
