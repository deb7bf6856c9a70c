# ruff: noqa
# fmt: off
# Student implementation (Stanford CS231n, assignment 2, layers.py), saved verbatim, bugs included, for the exercise-checker corpus.
# repository: AKSoo/CS231n-2017
# path: assignment2/cs231n/layers.py
# commit: 1cf6afb9ce19229e2a57b9e7ae3f8faba558fd78
# url: https://github.com/AKSoo/CS231n-2017/blob/1cf6afb9ce19229e2a57b9e7ae3f8faba558fd78/assignment2/cs231n/layers.py

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
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    S, pad = conv_param['stride'], conv_param['pad']
    Hc = int(1 + (H + 2 * pad - HH) / S)
    Wc = int(1 + (W + 2 * pad - WW) / S)

    x_pad = np.pad(x, ((0,), (0,), (pad,), (pad,)), 'constant')
    out = np.zeros((N, F, Hc, Wc))

    for n in range(N):
        for f in range(F):
            for i in range(Hc):
                for j in range(Wc):
                    out[n,f,i,j] = np.sum(x_pad[n, :, i*S : i*S + HH, j*S : j*S + WW]
                            * w[f]) + b[f]

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
    x, w, b, conv_param = cache
    N, F, Hc, Wc = dout.shape
    _, _, HH, WW = w.shape
    S, pad = conv_param['stride'], conv_param['pad']
    x_pad = np.pad(x, ((0,), (0,), (pad,), (pad,)), 'constant')

    dx, dw, db = np.zeros(x.shape), np.zeros(w.shape), np.zeros(b.shape)
    dx_pad = np.zeros(x_pad.shape)

    for n in range(N):
        for f in range(F):
            for i in range(Hc):
                for j in range(Wc):
                    db[f] += dout[n,f,i,j]
                    dw[f] += dout[n,f,i,j] * x_pad[n, :, i*S : i*S + HH, j*S : j*S + WW]
                    dx_pad[n, :, i*S : i*S + HH, j*S : j*S + WW] += dout[n,f,i,j] * w[f]
    dx = dx_pad[:, :, pad : -pad, pad : -pad]

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
    N, C, H, W = x.shape
    HH, WW = pool_param['pool_height'], pool_param['pool_width']
    S = pool_param['stride']
    Hp = int(1 + (H - HH) / S)
    Wp = int(1 + (W - WW) / S)

    out = np.zeros((N, C, Hp, Wp))

    for n in range(N):
        for c in range(C):
            for i in range(Hp):
                for j in range(Wp):
                    out[n,c,i,j] = np.max(x[n, c, i*S : i*S + HH, j*S : j*S + WW])

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
    x, pool_param = cache
    HH, WW = pool_param['pool_height'], pool_param['pool_width']
    S = pool_param['stride']
    N, C, Hp, Wp = dout.shape

    dx = np.zeros_like(x)

    for n in range(N):
        for c in range(C):
            for i in range(Hp):
                for j in range(Wp):
                    region = x[n, c, i*S : i*S + HH, j*S : j*S + WW]
                    iM, jM = np.unravel_index(np.argmax(region), region.shape)
                    dx[n, c, i*S + iM, j*S + jM] = dout[n,c,i,j]

    return dx


# ---- adapters: the checker's signatures (tests/student_corpus/holberton_cs231n/_cs231n_adapters.py) ----

from tests.student_corpus.holberton_cs231n._cs231n_adapters import adapt  # noqa: E402

adapt(globals())
