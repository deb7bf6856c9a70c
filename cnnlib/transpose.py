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

from .conv import conv_forward, input_gradient, weight_gradient
from .dtypes import absmax, check_exact, dtype_rule, ieee
from .shapes import as_array, as_int, as_pair, check_entries, check_grad, check_sizes, conv_shapes

__all__ = ["conv_transpose_backward", "conv_transpose_forward", "conv_transpose_output_size"]


def conv_transpose_output_size(n, f, p=0, s=1, output_padding=0, d=1):
    """``(n - 1) s - 2p + d (f - 1) + 1 + output_padding``: the size a stride-``s`` convolution maps back to ``n``.

    Several input sizes give the same convolution output size when ``s > 1``;
    ``output_padding`` (``< max(s, d)``, as in PyTorch) picks which one. With
    ``d > s`` it may add rows that no input reaches; they hold only the bias.
    """
    check_sizes(n=n, f=f, p=p, s=s, d=d)
    output_padding = as_int(output_padding, "output_padding", minimum=0)
    n, f, p, s, d = (int(v) for v in (n, f, p, s, d))
    if output_padding >= max(s, d):
        raise ValueError(f"output_padding must be an int in [0, max(s, d)) = [0, {max(s, d)}), got {output_padding!r}")
    out = (n - 1) * s - 2 * p + d * (f - 1) + 1 + output_padding
    if out < 1:
        raise ValueError(f"padding p={p} crops the whole output (size {out})")
    return out


def _shapes(X, W, b, stride, padding, output_padding, dilation, groups):
    """Validate; return the arguments, the output shape and the shape of the convolution ``out -> X`` covers.

    The convolution that this layer transposes maps an input of the output's
    size back onto ``X``, except when ``output_padding >= stride`` (possible
    with dilation): then it maps onto ``X`` and ``output_padding // stride``
    more rows (or columns), which :func:`conv_transpose_forward` never reads.
    """
    X = as_array(X, "X", 4, "(m, n_H, n_W, n_C)")
    W = as_array(W, "W", 4, "(k1, k2, n_C_out // groups, n_C)")
    stride, padding = as_pair(stride, "stride", minimum=1), as_pair(padding, "padding", minimum=0)
    dilation = as_pair(dilation, "dilation", minimum=1)
    output_padding = as_pair(output_padding, "output_padding", minimum=0)
    groups = as_int(groups, "groups", minimum=1)
    if min(W.shape) == 0:
        raise ValueError(f"W must not be empty, got shape {W.shape}")
    if min(X.shape[1:]) == 0:
        raise ValueError(f"X must have at least one row, column and channel, got shape {X.shape}")
    if X.shape[3] != W.shape[3]:
        raise ValueError(f"W has {W.shape[3]} filters (W.shape[3]) but X has {X.shape[3]} channels (X.shape[3])")
    if W.shape[3] % groups:
        raise ValueError(f"groups={groups} must divide X's {X.shape[3]} channels (W.shape[3])")
    sizes = tuple(
        conv_transpose_output_size(X.shape[1 + a], W.shape[a], padding[a], stride[a], output_padding[a], dilation[a])
        for a in (0, 1)
    )
    out = (X.shape[0], *sizes, W.shape[2] * groups)
    check_entries(out, f"stride={stride} and output_padding={output_padding}")
    if b is not None:
        b = as_array(b, "b", 1, "(n_C_out,)")
        if b.shape != (out[3],):
            raise ValueError(f"b must have shape ({out[3]},), one bias per output channel, got {b.shape}")
    A = np.broadcast_to(np.zeros((), dtype=X.dtype), out)  # a stand-in of the right shape, no memory
    conv_shapes(A, W, None, stride, padding, dilation, groups, names=("the output", "W", "b"))
    return X, W, b, stride, padding, dilation, groups, out


def uncropped_shape(X, W, stride, dilation, groups):
    """Shape of all that the scatter of ``X`` reaches, before the padding is cropped: ``(n - 1) s + d (k - 1) + 1``."""
    m, n_H, n_W, _ = X.shape
    F = [(n - 1) * s + d * (k - 1) + 1 for n, s, d, k in zip((n_H, n_W), stride, dilation, W.shape[:2])]
    return (m, *F, W.shape[2] * groups)


def crop(full, out, padding):
    """Rows and columns ``p ... p + H_out - 1`` of ``full``, zeros past its end (``output_padding > padding``)."""
    (p1, p2), (_, H, W_, _) = padding, out
    if full.shape[1] >= p1 + H and full.shape[2] >= p2 + W_:
        return full[:, p1 : p1 + H, p2 : p2 + W_]
    Y = np.zeros(out, dtype=full.dtype)
    r, c = max(0, min(H, full.shape[1] - p1)), max(0, min(W_, full.shape[2] - p2))
    Y[:, :r, :c] = full[:, p1 : p1 + r, p2 : p2 + c]
    return Y


def uncrop(dY, full_shape, padding):
    """The adjoint of :func:`crop`: ``dY`` put back at offset ``padding`` in zeros of ``full_shape``."""
    (p1, p2), (_, F1, F2, _) = padding, full_shape
    full = np.zeros((dY.shape[0], F1, F2, dY.shape[3]), dtype=dY.dtype)
    r, c = max(0, min(dY.shape[1], F1 - p1)), max(0, min(dY.shape[2], F2 - p2))  # rows past F: bias only
    full[:, p1 : p1 + r, p2 : p2 + c] = dY[:, :r, :c]
    return full


def _check_exact(X, W, b, dY=None, groups=1):
    """Refuse integers whose exact sums could overflow int64 (see :mod:`cnnlib.dtypes`)."""
    k1, k2, C_g, n_C = W.shape
    if dY is None:  # an output entry sums at most k1*k2 taps of each of a group's n_C/groups channels
        return check_exact("X, W and b", absmax(X) * absmax(W) * k1 * k2 * (n_C // groups) + absmax(b))
    m, n_H, n_W, _ = X.shape
    terms = max(absmax(W) * k1 * k2 * C_g, absmax(X) * m * n_H * n_W, dY.size // dY.shape[3])
    return check_exact("dY, X and W", absmax(dY) * terms)


@ieee
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
        Extra rows/columns at the bottom/right, each ``< max(stride, dilation)``;
        rows that no input pixel reaches (``output_padding >= stride``) get only the bias.

    Returns
    -------
    Y : ndarray, shape (m, H_out, W_out, n_C_out)
        ``H_out = (n_H - 1)*s1 - 2*p1 + d1*(k1 - 1) + 1 + output_padding1``, and likewise.
    """
    X, W, b, stride, padding, dilation, groups, out = _shapes(
        X, W, b, stride, padding, output_padding, dilation, groups
    )
    compute, result = dtype_rule(X, W, b)
    if compute == np.int64:
        _check_exact(X, W, b, groups=groups)
    if out[0] == 0:  # an empty batch
        return np.zeros(out, dtype=result)
    X, W = X.astype(compute, copy=False), W.astype(compute, copy=False)
    full = input_gradient(X, uncropped_shape(X, W, stride, dilation, groups), W, stride, (0, 0), dilation, groups)
    Y = crop(full, out, padding)
    if b is not None:
        Y = Y + b.astype(compute, copy=False)
    return Y.astype(result, copy=False)


@ieee
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
    X, W, _, stride, padding, dilation, groups, out = _shapes(
        X, W, None, stride, padding, output_padding, dilation, groups
    )
    dY = check_grad(dY, "dY", out)
    compute, result = dtype_rule(dY, X, W)
    if compute == np.int64:
        _check_exact(X, W, None, dY, groups)
    if out[0] == 0:  # an empty batch
        return np.zeros(X.shape, result), np.zeros(W.shape, result), np.zeros(out[3], result)
    dY, X, W = (a.astype(compute, copy=False) for a in (dY, X, W))
    dY_full = uncrop(dY, uncropped_shape(X, W, stride, dilation, groups), padding)
    dX = conv_forward(dY_full, W, None, stride, 0, dilation, groups)
    dW = weight_gradient(X, dY_full, W, stride, (0, 0), dilation, groups)
    db = dY.reshape(-1, out[3]).sum(axis=0)
    return tuple(g.astype(result, copy=False) for g in (dX, dW, db))
