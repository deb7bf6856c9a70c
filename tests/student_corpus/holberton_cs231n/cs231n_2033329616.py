# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: 2033329616/cs231n
# path: assignment2/cs231n/layers.py
# commit: 3a26d97634eb3ae81fe7d0c851cc0426e6ef716a
# url: https://github.com/2033329616/cs231n/blob/3a26d97634eb3ae81fe7d0c851cc0426e6ef716a/assignment2/cs231n/layers.py

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
    N, C, H, W = x.shape                                       # 将数据的维度表示为变量
    F, C, HH, WW = w.shape
    stride = conv_param.get('stride', 1)                       # 获取步长，如果不存在则返回1
    pad = conv_param.get('pad', 0)                             # 获取padding，如果不存在则返回0
    # 如果需要进行padding操作,只对(N, C, H, W)的后两维度进行padding操作
    if pad != 0:                                                         
        x_pad = np.pad(x, ((0,0),(0,0),(pad,pad),(pad,pad)), 'constant', constant_values=0)
    H_new = int((H + 2 * pad - HH) / stride + 1)                              # 计算卷积后的尺寸大小
    W_new = int((W + 2 * pad - WW) / stride + 1)

    # 卷积过程              
    out = np.zeros((N, F, H_new, W_new))                                      # 创建输出维度的零矩阵
    for num in range(N):
        for filter in range(F):                                               # 卷积核数
            for height in range(H_new):                                       # 新feature map的高
                for width in range(W_new):                                    # 新feature map的宽
                    start_h = stride * height
                    start_w = stride * width 
                    neural_prod = np.sum(x_pad[num, :, start_h:start_h+HH, start_w:start_w+WW] * w[filter, :, :, :])
                    out[num,filter,height, width] = neural_prod + b[filter]   # 切记加偏置
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
    (x, w, b, conv_param) = cache                              
    dx = np.zeros(x.shape)                                     # (N,C,H,W)
    dw = np.zeros(w.shape)                                     # (F,C,H,W)
    db = np.zeros(b.shape)                                     # (F, )
    N, C, H, W = x.shape                                       # 将数据的维度表示为变量
    F, C, HH, WW = w.shape
    stride = conv_param.get('stride', 1)                       # 获取步长，如果不存在则返回1
    pad = conv_param.get('pad', 0)                             # 获取padding，如果不存在则返回0
    # 如果需要进行padding操作,只对(N, C, H, W)的后两维度进行padding操作
    if pad != 0:                                                         
        x_pad = np.pad(x, ((0,0),(0,0),(pad,pad),(pad,pad)), 'constant', constant_values=0)
    dx_pad = np.zeros(x_pad.shape)                            # (N,C,H',W')
    H_new = int((H + 2 * pad- HH) / stride + 1)               # 计算卷积后的尺寸大小
    W_new = int((W + 2 * pad- WW) / stride + 1)   

    # print('H W:', H, W)
    # print('H_new W_new', H_new, W_new)
    # dout (N,F,H,W) 维度
    # mask = np.ones(*w)                                         # 定义一个与滤波器同维度的矩阵
    for num in range(N):
        for filter in range(F):                                               # 卷积核数
            for height in range(H_new):                                       # 新feature map的高
                for width in range(W_new):                                    # 新feature map的宽
                    start_h = stride * height
                    start_w = stride * width
                    # (1,C,HH,WW)
                    # print('1',w[filter,:,:,:].shape)
                    # # print(dout[num,filter,height,width])
                    # print('2',(w[filter,:,:,:] * dout[num,filter,height,width]).shape)
                    # print('3',dx[num, :, start_h:start_h+HH, start_w:start_w+WW].shape)
                    # print('---------------')
                    dx_pad[num, :, start_h:start_h+HH, start_w:start_w+WW] += w[filter,:,:,:] * dout[num,filter,height,width]
                    dw[filter,:,:,:] +=  x_pad[num, :, start_h:start_h+HH, start_w:start_w+WW] * dout[num,filter,height,width]
                    db[filter] += dout[num,filter,height,width]
    dx = dx_pad[:,:,pad:-pad,pad:-pad]
    # print(dx.shape)
    # print(dw.shape)
    # print(db.shape)
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
    pool_height, pool_width = pool_param['pool_height'], pool_param['pool_width']
    stride = pool_param['stride']
    H_new = int((H - pool_height) / stride + 1)             # 计算输出的尺寸
    W_new = int((W - pool_width) / stride + 1)

    out = np.zeros((N, C, H_new, W_new))                    # 创建输出为0的矩阵
    for height in range(H_new):
        for width in range(W_new):
            start_h = stride * height                       # 计算pool的起始位置
            start_w = stride * width
            x_masked = x[:,:,start_h:start_h+pool_height,start_w:start_w+pool_width]   # (N,C,H',W')
            # print('1',x_masked.shape)
            # print('2',out.shape)
            # print('----')
            out[:, :, height, width] = np.max(x_masked, axis=(2,3))                    # 在H与W维度中找最大值
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
    N, C, H, W = x.shape
    pool_height, pool_width = pool_param['pool_height'], pool_param['pool_width']
    stride = pool_param['stride']
    H_new = int((H - pool_height) / stride + 1)                    # 计算输出的尺寸
    W_new = int((W - pool_width) / stride + 1)

    #----------------------------------方法一---------------------------------------
    # dout (N,C,H',W')
    # dx = np.zeros_like(x)                                        # 创建与x同维度的零矩阵
    # for num in range(N):
    #     for channel in range(C):
    #         for height in range(H_new):
    #             for width in range(W_new):
    #                 start_h = stride * height                    # 计算pool的起始位置
    #                 start_w = stride * width
    #                 x_masked = x[num,channel,start_h:start_h+pool_height,start_w:start_w+pool_width]   # (1,1,H',W') 
    #                 # print('1',x_masked.shape)
    #                 # print('--------')
    #                 # ------------------方法一---------------------
    #                 # 使用max与where找出最大值索引
    #                 max_value = np.max(x_masked)                # 在H与W维度中找最大值
    #                 max_index = np.where(x==max_value)          # 找到最大值的索引
    #                 # print(max_index)
    #                 dx[max_index] += dout[num,channel,height,width]    # (N,C)

    #                 # ------------------方法二---------------------
    #                 # 使用argmax找到索引
    #                 # 获取当前x区块的索引，需要叠加start_h/start_w获取x的最终索引
    #                 # local_ind_h, local_ind_w = np.unravel_index(np.argmax(x_masked, axis=None), x_masked.shape)  
    #                 # dx[num,channel,start_h+local_ind_h,start_w+local_ind_w] +=  dout[num,channel,height,width]            
    
    #---------------------------------方法二(更佳)------------------------------------
    dx = np.zeros_like(x)
    for height in range(H_new):
        for width in range(W_new):
            start_h = stride * height                                                  # 计算pool的起始位置
            start_w = stride * width
            x_masked = x[:,:,start_h:start_h+pool_height,start_w:start_w+pool_width]   # (N,C,H',W')
            max_x_masked = np.max(x_masked, axis=(2,3))                                # 在H和W维度上取最大值  (N,C)
            # 使用None来扩展维度，时 (N,C) 和 (N,C,H',W')数据可以做运算
            max_index_mask = (x_masked == max_x_masked[:,:,None,None])                 # (N,C,H',W')
            # print(max_index_mask.shape)
            dx[:,:,start_h:start_h+pool_height,start_w:start_w+pool_width] += max_index_mask * dout[:,:,height,width][:,:,None,None]

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
