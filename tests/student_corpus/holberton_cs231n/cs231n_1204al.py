# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 1204al/cs231n_2019
# path: assignment2/cs231n/layers.py
# commit: cbab51080f98f23693eb1f5f029284efb8c4a29c
# url: https://github.com/1204al/cs231n_2019/blob/cbab51080f98f23693eb1f5f029284efb8c4a29c/assignment2/cs231n/layers.py

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

    pad=conv_param["pad"]
    stride=conv_param["stride"]
    N,C,H,W=x.shape
    F,C,HH,WW=w.shape
    
    assert (H-HH+2*pad)%stride==0 ,'conv layer. check Height'
    assert (W-WW+2*pad)%stride==0 ,'conv layer. check Width'
    outH=1+(H-HH+2*pad)//stride
    outW=1+(W-WW+2*pad)//stride
    out=np.zeros((N,F,outH,outW))
    
    x_pad=np.pad(x,((0,0),(0,0),(pad,pad),(pad,pad)),'constant')
    H_pad,W_pad=x_pad.shape[2],x_pad.shape[3]
    
    for n in range(N):
        for f in range(F):
            for i in range(0,outH):
                for j in range(0,outW):
                    out[n,f,i,j]=(x_pad[n,:,i*stride:i*stride+HH,j*stride:j*stride+WW]*w[f,:,:,:]).sum()+b[f]
    
    
    

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
    x,w,b,conv_param=cache
    N,C,H,W=x.shape
    F,C,HH,WW=w.shape
    pad=conv_param["pad"]
    stride=conv_param["stride"]
    
    x_pad=np.pad(x,((0,0),(0,0),(pad,pad),(pad,pad)),'constant')
    outH=1+(H-HH+2*pad)//stride
    outW=1+(W-WW+2*pad)//stride
    
    dx_pad=np.zeros_like(x_pad)
    dx=np.zeros_like(x)
    dw=np.zeros_like(w)
    db=np.zeros_like(b)
    
    for n in range(N):
        for f in range(F):
            db[f]+=dout[n,f].sum()
            for i in range(0,outH):
                for j in range(0,outW):
                    dw[f]+=x_pad[n,:,i*stride:i*stride+HH,j*stride:j*stride+WW]*dout[n,f,i,j]
                    dx_pad[n,:,i*stride:i*stride+HH,j*stride:j*stride+WW]+=w[f]*dout[n,f,i,j]
    
    #extract dx from dx_pad
    dx=dx_pad[:,:,pad:pad+H,pad:pad+W]
    


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

    pool_height=pool_param["pool_height"]
    pool_width=pool_param["pool_width"]
    stride=pool_param["stride"]
    N,C,H,W=x.shape
    
    
    assert (H-pool_height)%stride==0 ,'pooling layer. check Height'
    assert (W-pool_width)%stride==0 ,'pooling layer. check Width'
    outH=1+(H-pool_height)//stride
    outW=1+(W-pool_width)//stride
    out=np.zeros((N,C,outH,outW))
    
    for n in range(N):
        for i in range(outH):
            for j in range(outW):
                out[n,:,i,j]=np.max(x[n,:,i*stride:i*stride+pool_height,j*stride:j*stride+pool_width],axis=(-1,-2))
    
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
    x,pool_param=cache
    
    pool_height=pool_param["pool_height"]
    pool_width=pool_param["pool_width"]
    stride=pool_param["stride"]
    N,C,H,W=x.shape
    outH=1+(H-pool_height)//stride
    outW=1+(W-pool_width)//stride
    dx=np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(outH):
                for j in range(outW):
                    #https://stackoverflow.com/questions/9482550/argmax-of-numpy-array-returning-non-flat-indices
                    index=np.argmax(x[n,c,i*stride:i*stride+pool_height,j*stride:j*stride+pool_width])
                    index1,index2=np.unravel_index(index,(pool_height,pool_width))
                    dx[n,c,i*stride:i*stride+pool_height,j*stride:j*stride+pool_width][index1,index2]=dout[n,c,i,j]


    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
