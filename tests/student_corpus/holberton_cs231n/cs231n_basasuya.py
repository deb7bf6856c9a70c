# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: Basasuya/cs231n
# path: assignment2/cs231n/layers.py
# commit: 8ce170f5035c20031f705b81345c045f44c7fa3e
# url: https://github.com/Basasuya/cs231n/blob/8ce170f5035c20031f705b81345c045f44c7fa3e/assignment2/cs231n/layers.py

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
    
    # input shape
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    
    # hyperparameters
    pad = conv_param['pad']
    stride = conv_param['stride']
    
    # pad input with zeros
    X_padded = np.zeros((N, C, H + 2*pad, W + 2*pad))
    X_padded[:,:, pad:H + pad, pad:W + pad] = x
    
    # output shape
    H_out = int((H + 2*pad - HH)/stride) + 1
    W_out = int((W + 2*pad - WW)/stride) + 1
    
    # initialize output
    out = np.zeros((N, F, H_out, W_out))
    
    # loop over output channel
    for c in range(F):
        # corresponding filter
        W_filter = w[c, :,:,:]
        
        # loop over output height
        for i in range(H_out):
            # corresponding input slice
            h_begin = stride*i
            h_end = h_begin + HH
            
            # loop over output width
            for j in range(W_out):
                # corresponding input slice
                w_begin = stride*j
                w_end = w_begin + WW
                # input slice
                X_slice = X_padded[:,:, h_begin:h_end, w_begin:w_end]
                
                # update the output
                out[:, c, i, j] = np.sum(np.reshape(X_slice * W_filter, (N,-1)), axis=1) + b[c]

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

    # unpack cache
    x, w, b, conv_param = cache
    
    # input shape
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    
    # hyperparameters
    pad = conv_param['pad']
    stride = conv_param['stride']
    
    # pad input with zeros
    X_padded = np.zeros((N, C, H + 2*pad, W + 2*pad))
    X_padded[:,:, pad:H + pad, pad:W + pad] = x
    
    # output shape
    _, _, H_out, W_out = dout.shape
    
    # initialize gradients
    dx = np.zeros(X_padded.shape)
    dw = np.zeros(w.shape)
    db = np.zeros(b.shape)
    
    # loop over output channel
    for c in range(F):
        # corresponding filter
        W_filter = np.expand_dims(w[c, :,:,:], axis=0)
        
        # loop over output height
        for i in range(H_out):
            # corresponding input slice
            h_begin = stride*i
            h_end = h_begin + HH
            
            # loop over output width
            for j in range(W_out):             
                # corresponding input slice
                w_begin = stride*j
                w_end = w_begin + WW
                # input slice
                X_slice = X_padded[:,:, h_begin:h_end, w_begin:w_end]

                # corresponding output gradient
                dout_current = np.reshape(dout[:, c, i, j], (-1, 1, 1, 1))
                
                # update the gradient
#                 print(dout_current.shape, W_filter.shape, X_slice.shape)
                dx[:,:, h_begin:h_end, w_begin:w_end] += dout_current * W_filter
                dw[c,:,:,:] += np.sum(dout_current * X_slice, axis=0)
                db[c] += np.sum(dout_current)
    
    # remove padded dimension
    dx = dx[:,:, pad:H + pad, pad:W + pad]
                
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

    # input shape
    N, C, H, W = x.shape
    
    # hyperparameters
    HH = pool_param['pool_height']
    WW = pool_param['pool_width']
    stride = pool_param['stride']
    
    # output shape
    H_out = int((H - HH)/stride) + 1
    W_out = int((W - WW)/stride) + 1
    
    # initialize output
    out = np.zeros((N, C, H_out, W_out))
    
    # loop over output channel
    for c in range(C):
        
        # loop over output height
        for i in range(H_out):
            # corresponding input slice
            h_begin = stride*i
            h_end = h_begin + HH
            
            # loop over output width
            for j in range(W_out):
                # corresponding input slice
                w_begin = stride*j
                w_end = w_begin + WW
                
                # input slice
                X_slice = x[:, c, h_begin:h_end, w_begin:w_end]
                
                # update the output
                out[:, c, i, j] = np.max(np.reshape(X_slice, (N,-1)), axis=1)
                
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
    
    # unpack cache
    x, pool_param = cache
    
    # input shape
    N, C, H, W = x.shape
    
    # hyperparameters
    HH = pool_param['pool_height']
    WW = pool_param['pool_width']
    stride = pool_param['stride']
    
    # output shape
    _, _, H_out, W_out = dout.shape
    
    # initialize gradient
    dx = np.zeros(x.shape)
    
    # loop over output channel
    for c in range(C):
        
        # loop over output height
        for i in range(H_out):
            # corresponding input slice
            h_begin = stride*i
            h_end = h_begin + HH
            
            # loop over output width
            for j in range(W_out):
                # corresponding input slice
                w_begin = stride*j
                w_end = w_begin + WW
                # input slice
                X_slice = x[:, c, h_begin:h_end, w_begin:w_end]
                
                # corresponding output gradient
                dout_current = np.reshape(dout[:, c, i, j], (-1, 1, 1))
                
                # maxpool output
                out_current = np.reshape(np.max(np.reshape(X_slice, (N,-1)), axis=1), (-1, 1, 1))
                                
                # update the gradient
                dx[:, c, h_begin:h_end, w_begin:w_end] += np.where(X_slice == out_current, dout_current, 0)
                
    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
