"""Shapes, padding and argument checks shared by every layer.

Every public function validates its arguments here, once, so that bad input
fails with a message that names the parameter and what was expected.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["output_size", "pad"]


def _is_int(x) -> bool:
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def as_pair(value, name: str, *, minimum: int) -> tuple[int, int]:
    """Return ``value`` as a ``(vertical, horizontal)`` pair of ints >= ``minimum``."""
    kind = "positive" if minimum == 1 else "non-negative"
    expected = f"{name} must be a {kind} int or a pair of them, got {value!r}"
    if _is_int(value):
        pair = (int(value), int(value))
    elif isinstance(value, (tuple, list)) and len(value) == 2 and all(map(_is_int, value)):
        pair = (int(value[0]), int(value[1]))
    else:
        raise TypeError(expected)
    if min(pair) < minimum:
        raise ValueError(expected)
    return pair


def as_array(x, name: str, ndim: int, layout: str, *, allow_object: bool = True) -> np.ndarray:
    """Return ``x`` as an ndarray of rank ``ndim`` with a numeric (or object) dtype."""
    try:
        arr = np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise TypeError(f"{name} must be an array of numbers, could not convert it: {err}") from None
    kinds = "iuf" + ("O" if allow_object else "")
    if arr.dtype.kind not in kinds:
        raise TypeError(f"{name} must hold int, float{' or object' * allow_object} values, got dtype {arr.dtype}")
    if arr.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimensions {layout}, got shape {arr.shape}")
    return arr


def check_sizes(**sizes):
    """Each of ``n, f, s, d`` must be a positive int and ``p`` a non-negative one; raise naming the first that is not."""
    for name, value in sizes.items():
        minimum = 0 if name == "p" else 1
        if not _is_int(value) or value < minimum:
            kind = "positive" if minimum == 1 else "non-negative"
            raise (TypeError if not _is_int(value) else ValueError)(f"{name} must be a {kind} int, got {value!r}")


def output_size(n: int, f: int, p: int = 0, s: int = 1, d: int = 1) -> int:
    """Number of windows of size ``f`` that fit in ``n`` inputs padded by ``p``, stride ``s``.

    ``floor((n + 2p - f) / s) + 1``: the largest ``i`` with ``i*s + f <= n + 2p``, plus one.
    With dilation ``d`` the window spans ``f + (f - 1)(d - 1)`` inputs, which replaces ``f``.
    """
    check_sizes(n=n, f=f, p=p, s=s, d=d)
    span = f + (f - 1) * (d - 1)
    if span > n + 2 * p:
        what = f"window f={f}" if d == 1 else f"dilated window f + (f-1)(d-1) = {span}"
        raise ValueError(f"{what} is larger than the padded input n + 2p = {n + 2 * p}")
    return (n + 2 * p - span) // s + 1


def pad(A, padding) -> np.ndarray:
    """Zero-pad the spatial axes of ``A``, shape ``(m, n_H, n_W, n_C)``, by ``(p1, p2)`` on both sides."""
    p1, p2 = as_pair(padding, "padding", minimum=0)
    A = as_array(A, "A", 4, "(m, n_H, n_W, n_C)")
    if p1 == 0 and p2 == 0:
        return A
    return np.pad(A, ((0, 0), (p1, p1), (p2, p2), (0, 0)))


def offset_view(A, i, j, stride, n_H, n_W):
    """The pixels at offset ``(i, j)`` of every window, as a view: shape ``(m, n_H, n_W, n_C)``.

    Entry ``[e, r, q, c]`` is ``A[e, r*s1 + i, q*s2 + j, c]``: with it a layer
    becomes ``k1*k2`` whole-array operations instead of loops over windows.
    """
    s1, s2 = stride
    return A[:, i : i + s1 * (n_H - 1) + 1 : s1, j : j + s2 * (n_W - 1) + 1 : s2, :]


def conv_shapes(A_prev, W, b, stride, padding, dilation=1, groups=1, *, allow_object=True):
    """Validate the arguments of a convolution; return them with the output shape."""
    A_prev = as_array(A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C_prev)", allow_object=allow_object)
    W = as_array(W, "W", 4, "(k1, k2, n_C_prev // groups, n_C)", allow_object=allow_object)
    stride = as_pair(stride, "stride", minimum=1)
    padding = as_pair(padding, "padding", minimum=0)
    dilation = as_pair(dilation, "dilation", minimum=1)
    if not _is_int(groups):
        raise TypeError(f"groups must be a positive int, got {groups!r}")
    if groups < 1:
        raise ValueError(f"groups must be a positive int, got {groups!r}")
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    k1, k2, W_C_prev, n_C = W.shape
    if groups == 1 and W_C_prev != n_C_prev:
        raise ValueError(f"W has {W_C_prev} input channels (W.shape[2]) but A_prev has {n_C_prev} (A_prev.shape[3])")
    if groups > 1 and (n_C_prev % groups or n_C % groups):
        raise ValueError(
            f"groups={groups} must divide both A_prev's {n_C_prev} channels and W's {n_C} filters (W.shape[3])"
        )
    if groups > 1 and W_C_prev * groups != n_C_prev:
        raise ValueError(
            f"W has {W_C_prev} input channels per group (W.shape[2]); with groups={groups} "
            f"A_prev needs {W_C_prev * groups}, but has {n_C_prev} (A_prev.shape[3])"
        )
    if min(W.shape) == 0 or min(A_prev.shape) == 0:
        raise ValueError(f"A_prev and W must not be empty, got shapes {A_prev.shape} and {W.shape}")
    padded = (n_H_prev + 2 * padding[0], n_W_prev + 2 * padding[1])
    span = (dilation[0] * (k1 - 1) + 1, dilation[1] * (k2 - 1) + 1)
    if span[0] > padded[0] or span[1] > padded[1]:
        what = f"kernel ({k1}, {k2})" if dilation == (1, 1) else f"dilated kernel, spanning {span},"
        raise ValueError(f"{what} is larger than the padded input {padded}")
    if b is not None:
        b = as_array(b, "b", 1, "(n_C,)", allow_object=allow_object)
        if b.shape != (n_C,):
            raise ValueError(f"b must have shape ({n_C},), one bias per filter, got {b.shape}")
    n_H = (padded[0] - span[0]) // stride[0] + 1
    n_W = (padded[1] - span[1]) // stride[1] + 1
    return A_prev, W, b, stride, padding, dilation, groups, (m, n_H, n_W, n_C)


def pool_shapes(A_prev, size, stride, mode, *, allow_object=True):
    """Validate the arguments of a pooling layer; return them with the output shape."""
    A_prev = as_array(A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C)", allow_object=allow_object)
    size = as_pair(size, "size", minimum=1)
    stride = size if stride is None else as_pair(stride, "stride", minimum=1)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    if min(A_prev.shape) == 0:
        raise ValueError(f"A_prev must not be empty, got shape {A_prev.shape}")
    if size[0] > n_H_prev or size[1] > n_W_prev:
        raise ValueError(f"size {size} is larger than the input {(n_H_prev, n_W_prev)}")
    n_H = (n_H_prev - size[0]) // stride[0] + 1
    n_W = (n_W_prev - size[1]) // stride[1] + 1
    return A_prev, size, stride, (m, n_H, n_W, n_C)


def check_grad(d, name: str, expected: tuple, *, allow_object=True) -> np.ndarray:
    """Check that an upstream gradient has the forward output's shape."""
    d = as_array(d, name, 4, "(m, n_H, n_W, n_C)", allow_object=allow_object)
    if d.shape != tuple(expected):
        raise ValueError(f"{name} must have the forward output's shape {tuple(expected)}, got {d.shape}")
    return d
