# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: Abhijeet8901/CS231n
# path: assignment2/cs231n/layers.py
# commit: 1a2189b60d3bdc3aafef144c02859aa457f88cdb
# url: https://github.com/Abhijeet8901/CS231n/blob/1a2189b60d3bdc3aafef144c02859aa457f88cdb/assignment2/cs231n/layers.py

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
    pad=conv_param['pad']
    stride=conv_param['stride']
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    # Hint: you can use the function np.pad for padding.                      #
    ###########################################################################
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    new_h=1+int((x.shape[2]+2*pad-w.shape[2])/stride)
    new_w=1+int((x.shape[3]+2*pad-w.shape[3])/stride)
    x1=np.pad(x, ((0,0), (0,0),(pad,pad),(pad,pad)), 'constant')
    out=np.zeros((x.shape[0],w.shape[0],new_h,new_w))
    for i in range(x.shape[0]):
        for j in range(w.shape[0]):
            for k in range(new_h):
                for l in range(new_w):
                    val=0.0
                    h1=stride*k
                    w1=stride*l
                    for a in range(w.shape[2]):
                      for b1 in range(w.shape[3]):
                        for c in range(w.shape[1]):
                          val+=x1[i][c][h1+a][w1+b1]*w[j][c][a][b1]
                    out[i][j][k][l]=val+b[j]

    pass

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
    x,w,b,conv_param=cache
    pad=conv_param['pad']
    stride=conv_param['stride']
    x1=np.pad(x, ((0,0), (0,0),(pad,pad),(pad,pad)), 'constant')
    ###########################################################################
    # TODO: Implement the convolutional backward pass.                        #
    ###########################################################################
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    db=np.sum(dout,axis=(0,2,3))
    dw=np.zeros_like(w)
    dx=np.zeros_like(x)
    dx1=np.zeros_like(x1)
    for f in range(w.shape[0]):
        for c in range(w.shape[1]):
            for hh in range(w.shape[2]):
                for ww in range(w.shape[3]):

                    for i in range(dout.shape[0]):
                      for j in range(dout.shape[2]):
                        for k in range(dout.shape[3]):
                            dw[f][c][hh][ww]+=dout[i][f][j][k]*x1[i][c][stride*j+hh][stride*k+ww]
    for n in range(x1.shape[0]):
      for c in range(x1.shape[1]):
          for h1 in range(dout.shape[2]):
              for w1 in range(dout.shape[3]):
                  
                  for f in range(w.shape[0]):
                    for hh in range(w.shape[2]):
                      for ww in range(w.shape[3]):
                        dx1[n][c][h1*stride+hh][w1*stride+ww]+=dout[n][f][h1][w1]*w[f][c][hh][ww]
    dx=dx1[:,:,1:-1,1:-1] 
    pass

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
    n,c,h,w=x.shape
    stride=pool_param['stride']
    pool_h=pool_param['pool_height']
    pool_w=pool_param['pool_width']
    h1=1+int((h-pool_h)/stride)
    w1=1+int((w-pool_w)/stride)
    out=np.zeros((n,c,h1,w1))

    for i in range(n):
      for j in range(c):
        for k in range(h1):
          for l in range(w1):
            max1=-100000
            for a in range(pool_h):
              for b in range(pool_w):
                max1=max(max1,x[i][j][stride*k+a][stride*l+b])
            out[i][j][k][l]=max1
    pass

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
    pool_h=pool_param['pool_height']
    pool_w=pool_param['pool_width']
    stride=pool_param['stride']
    n,c,h1,w1=dout.shape
    dx=np.zeros_like(x)
    for i in range(n):
      for j in range(c):
        for k in range(h1):
          for l in range(w1):
            max1,ind=-100000,(-1,-1)
            for a in range(pool_h):
              for b in range(pool_w):
                if(x[i][j][stride*k+a][stride*l+b]>max1):
                  max1=x[i][j][stride*k+a][stride*l+b]
                  ind=(a,b)
            dx[i][j][stride*k+ind[0]][stride*l+ind[1]]=dout[i][j][k][l]
    pass

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
