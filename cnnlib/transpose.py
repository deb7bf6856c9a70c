"""Transposed convolution: the backward pass of a convolution, run forwards.

A convolution's input gradient is linear in ``dZ``: ``dA_prev = M^T dZ`` with
``M`` the convolution's matrix (``Z = M A_prev``). The transposed convolution is
that map, used as a layer of its own to go from a small map to a large one::

    conv_transpose_forward(X, W, b, ...) == conv_backward(X, A, W, ...)[0] + b

for any ``A`` of the output's shape. Its weights are those of the convolution
it transposes, so ``W`` maps the *output's* channels to ``X``'s channels.
"""

from __future__ import annotations

import numpy as np

from .conv import conv_backward, conv_forward, input_gradient
from .shapes import _is_int, as_array, as_pair, check_grad, check_sizes, conv_shapes

__all__ = ["conv_transpose_backward", "conv_transpose_forward", "conv_transpose_output_size"]


def conv_transpose_output_size(n, f, p=0, s=1, output_padding=0, d=1):
    """``(n - 1) s - 2p + d (f - 1) + 1 + output_padding``: the size a stride-``s`` convolution maps back to ``n``.

    Several input sizes give the same convolution output size when ``s > 1``;
    ``output_padding`` (``< s``) picks which one.
    """
    check_sizes(n=n, f=f, p=p, s=s, d=d)
    out = (n - 1) * s - 2 * p + d * (f - 1) + 1 + output_padding
    if not _is_int(output_padding) or not 0 <= output_padding < max(s, d):
        raise ValueError(f"output_padding must be an int in [0, max(s, d)) = [0, {max(s, d)}), got {output_padding!r}")
    if out < 1:
        raise ValueError(f"padding p={p} crops the whole output (size {out})")
    return out


def _shapes(X, W, b, stride, padding, output_padding, dilation, groups):
    """Validate; return the arguments and the output shape (that of the transposed convolution's input ``A``)."""
    X = as_array(X, "X", 4, "(m, n_H, n_W, n_C)")
    W = as_array(W, "W", 4, "(k1, k2, n_C_out // groups, n_C)")
    stride, padding = as_pair(stride, "stride", minimum=1), as_pair(padding, "padding", minimum=0)
    dilation = as_pair(dilation, "dilation", minimum=1)
    output_padding = as_pair(output_padding, "output_padding", minimum=0)
    if X.shape[3] != W.shape[3]:
        raise ValueError(f"W has {W.shape[3]} filters (W.shape[3]) but X has {X.shape[3]} channels (X.shape[3])")
    if not _is_int(groups) or groups < 1:
        raise (TypeError if not _is_int(groups) else ValueError)(f"groups must be a positive int, got {groups!r}")
    sizes = tuple(
        conv_transpose_output_size(X.shape[1 + a], W.shape[a], padding[a], stride[a], output_padding[a], dilation[a])
        for a in (0, 1)
    )
    out = (X.shape[0], *sizes, W.shape[2] * groups)
    A = np.broadcast_to(np.zeros((), dtype=X.dtype), out)  # a stand-in of the right shape, no memory
    *_, conv_out = conv_shapes(A, W, None, stride, padding, dilation, groups)
    assert conv_out == X.shape, (conv_out, X.shape)  # the convolution maps the output back onto X
    if b is not None:
        b = as_array(b, "b", 1, "(n_C_out,)")
        if b.shape != (out[3],):
            raise ValueError(f"b must have shape ({out[3]},), one bias per output channel, got {b.shape}")
    return X, W, b, stride, padding, dilation, out


def conv_transpose_forward(X, W, b, stride=1, padding=0, output_padding=0, dilation=1, groups=1):
    """Forward pass of a transposed convolution (PyTorch's ``ConvTranspose2d``).

    Parameters
    ----------
    X : ndarray, shape (m, n_H, n_W, n_C)
    W : ndarray, shape (k1, k2, n_C_out // groups, n_C)
        The weights of the convolution from ``n_C_out`` to ``n_C`` channels
        that this layer transposes.
    b : ndarray, shape (n_C_out,)
    stride, padding, dilation, groups
        Those of the convolution being transposed.
    output_padding : int or (int, int)
        Extra rows/columns at the bottom/right, each ``< max(stride, dilation)``.

    Returns
    -------
    Y : ndarray, shape (m, H_out, W_out, n_C_out)
        ``H_out = (n_H - 1)*s1 - 2*p1 + d1*(k1 - 1) + 1 + output_padding1``, and likewise.
    """
    X, W, b, stride, padding, dilation, out = _shapes(X, W, b, stride, padding, output_padding, dilation, groups)
    return input_gradient(X, out, W, stride, padding, dilation, groups) + b


def conv_transpose_backward(dY, X, W, stride=1, padding=0, output_padding=0, dilation=1, groups=1):
    """Backward pass of a transposed convolution.

    Transposing twice gives back the convolution: ``dX`` is the ordinary
    convolution of ``dY``, and ``dW`` is the convolution's weight gradient with
    the roles of input and upstream gradient swapped.

    Returns
    -------
    dX : ndarray, shape (m, n_H, n_W, n_C)
    dW : ndarray, shape (k1, k2, n_C_out // groups, n_C)
    db : ndarray, shape (n_C_out,)
    """
    X, W, _, stride, padding, dilation, out = _shapes(X, W, None, stride, padding, output_padding, dilation, groups)
    dY = check_grad(dY, "dY", out)
    zero_bias = np.zeros(W.shape[3], dtype=np.result_type(dY, W))
    dX = conv_forward(dY, W, zero_bias, stride, padding, dilation, groups)
    dW = conv_backward(X, dY, W, stride, padding, dilation, groups)[1]
    db = dY.reshape(-1, out[3]).sum(axis=0)
    return dX, dW, db
