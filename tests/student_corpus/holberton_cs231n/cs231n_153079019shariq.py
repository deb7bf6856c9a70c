# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 153079019shariq/cs231_spring2017
# path: assignment2/cs231n/layers.py
# commit: 93049cc0e4c69e93501ec9f010fd375429fc9cc3
# url: https://github.com/153079019shariq/cs231_spring2017/blob/93049cc0e4c69e93501ec9f010fd375429fc9cc3/assignment2/cs231n/layers.py

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
    
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    # Hint: you can use the function np.pad for padding.                      #
    ###########################################################################
    field_height = w.shape[2]
    field_width  = w.shape[3]
    no_of_filter = w.shape[0]
    pad          = conv_param['pad']
    stride       = conv_param['stride']
    N            = x.shape[0]
    H            = x.shape[2]
    W            = x.shape[3]
    x_pad = np.pad(x,((0,),(0,),(pad,),(pad,)),'constant',constant_values=0);
    #print(x_pad.shape)
    #print("Input height width no_of_channel batch_size",x.shape[2],x.shape[3],x.shape[1],x.shape[0])
    #print("Filer height width no_f_filter",field_height,field_width,no_of_filter)
    #print("padding stride",conv_param['pad'] ,conv_param['stride'] )
    #print("out_shape Height Width",H,W)
    #print("X",x.shape)
    H_out  = (H+ 2*pad - field_height)//(stride) +1
    W_out  = (W+ 2*pad - field_width)//(stride) +1
    out    =np.zeros((N,no_of_filter,H_out,W_out))
    for i in range(H_out):
      for j in range(W_out):
        for filter_no  in range(no_of_filter):
          #Here we have already done paddinhg on the x and get x_pad so that why we do not substract 2*p whileslicing x_pad
          out[:,filter_no,i,j]  = np.sum(x_pad[:,:,i*stride:i*stride+field_height,j*stride:j*stride+field_width]*w[filter_no,:,:,:],axis=(1,2,3)) +b[filter_no]
    
    
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x_pad, w, b, conv_param)
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
    x,w,b,conv_param= cache
    H_out         = dout.shape[2]
    W_out         = dout.shape[3]
    no_of_fil     = dout.shape[1]
    no_of_channel = x.shape[1]
    field_height  = w.shape[2]
    field_width   = w.shape[3]
    stride        = conv_param['stride']
    pad           = conv_param['pad']
    H             = x.shape[2]
    W             = x.shape[3]
    print("filter height width",field_height,field_width);
    print("H_out W_out",H_out,W_out)
    print("dout_shape",dout.shape)
    print("x_shape",x.shape)
    print(no_of_fil,no_of_channel)
    #Already padding was done(conv_forward_naive) so we do not consider it here
    dw =np.zeros((no_of_fil,no_of_channel,field_height,field_width))       
    for filter_no in range(no_of_fil):
     for channel_no in range(no_of_channel):
      for i in range(field_height):
       for j in range(field_width):
           #print(np.sum(x[:,channel_no,i*stride:i*stride+H_out,j*stride:j*stride+W_out] * dout[:,filter_no,:,:]))
           dw[filter_no,channel_no,i,j] = np.sum(x[:,channel_no,i*stride:i*stride+H_out,j*stride:j*stride+W_out] * dout[:,filter_no,:,:])
    
    
    db =np.zeros((no_of_fil))
    for filter_no in range(no_of_fil):
      db[filter_no] = np.sum(dout[:,filter_no,:,:])


#    - x: Input data of shape (N, C, H, W)
#    - w: Filter weights of shape (F, C, HH, WW)
#    - out: Output data, of shape (N, F, H, W) where H' and W' are given by
       

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
    pool_height = pool_param['pool_height']
    pool_width  = pool_param['pool_width']
    stride      = pool_param['stride']
    N,C,H,W     = x.shape
    #print("N C H W",N,C,H,W)
    out = None
    ###########################################################################
    # TODO: Implement the max pooling forward pass                            #
    ###########################################################################
    #There is no padding in max pool layer
    H_out  = (H  - pool_height)//(stride) +1
    W_out  = (W - pool_width)//(stride) +1
    out    =np.zeros((N,C,H_out,W_out))
    for i in range(H_out):
      for j in range(W_out):
          out[:,:,i,j]  = np.max(x[:,:,i*stride:i*stride+pool_height,j*stride:j*stride+pool_width],axis=(2,3)) 
          #print(out[:,:,i,j])


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
    x,pool_param= cache
    pool_height = pool_param['pool_height']
    pool_width  = pool_param['pool_width']
    stride      = pool_param['stride']
    N,C,H,W     = x.shape
    H_out       = dout.shape[2]
    W_out       = dout.shape[3]
    out         = np.zeros((dout.shape))
    dx          = np.zeros((x.shape))
    print("N C H W",N,C,H,W)
    print("H_out W_out",H_out,W_out)
    ###########################################################################
    # TODO: Implement the max pooling backward pass                           #
    ###########################################################################
    for no in range(N): 
      for no_of_channel in range(C):
        for i in range(H_out):
          for j in range(W_out):
            temp = x[no,no_of_channel,i*stride:i*stride+pool_height,j*stride:j*stride+pool_width]
            h,w = np.unravel_index(temp.argmax(), temp.shape)
            dx[no,no_of_channel,i*stride+h,j*stride+w]  = dout[no,no_of_channel,i,j]

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py); its forward caches the padded input (np.pad with conv_param['pad']) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(
    globals(),
    conv_cache=lambda x, w, b, conv_param: (
        np.pad(x, ((0,), (0,), (conv_param['pad'],), (conv_param['pad'],)), 'constant', constant_values=0), w, b, conv_param
    ),
)
