"""Shapes, padding and argument checks shared by every layer.

Every public function validates its arguments here, once, so that bad input
fails with a message that names the parameter and what was expected. With
:mod:`cnnlib.dtypes` this is the library's bottom level: it imports nothing
else of cnnlib, and the reference loops (:mod:`cnnlib.reference`), which grade
every other route, import nothing above it.
"""

from __future__ import annotations

import numbers
import operator

import numpy as np

from .dtypes import absmax, check_exact, dtype_rule

__all__ = ["output_size", "pad"]

# No array of cnnlib's may have more entries than this (2**48, far beyond any
# machine's memory): a larger one comes from an argument such as padding=10**30,
# which is refused by name instead of failing deep inside numpy.
MAX_ENTRIES = 2**48


def _is_int(x) -> bool:
    """A Python or numpy integer (or a 0-d integer array), but not a bool."""
    if (
        type(x) is int
    ):  # the common case, first: a layer asks this many times per call
        return True
    if isinstance(x, (bool, np.bool_)):
        return False
    try:
        operator.index(x)
    except TypeError:
        return False
    return True


def as_int(value, name: str, *, minimum: int) -> int:
    """``value`` as a Python int ``>= minimum``, or a TypeError/ValueError naming ``name``."""
    kind = "positive" if minimum == 1 else "non-negative"
    if not _is_int(value):
        raise TypeError(f"{name} must be a {kind} int, got {value!r}")
    if operator.index(value) < minimum:
        raise ValueError(f"{name} must be a {kind} int, got {value!r}")
    return operator.index(value)


def as_real(
    value, name: str, low, high, *, closed_low: bool = False
) -> float:
    """``value`` as a float in ``(low, high)`` (``[low, high)`` if ``closed_low``), or an error naming ``name``.

    A bool is not a number here; NaN lies in no interval.
    """
    interval = f"{'[' if closed_low else '('}{low}, {high})"
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, numbers.Real
    ):
        raise TypeError(
            f"{name} must be a real number in {interval}, got {value!r}"
        )
    if (
        not ((low <= value) if closed_low else (low < value))
        or not value < high
    ):
        raise ValueError(
            f"{name} must be a real number in {interval}, got {value!r}"
        )
    return float(value)


def as_pair(value, name: str, *, minimum: int) -> tuple[int, int]:
    """Return ``value`` as a ``(vertical, horizontal)`` pair of ints >= ``minimum``.

    An int, or two of them in a tuple, list or one-dimensional numpy array.
    """
    if (
        type(value) is int and value >= minimum
    ):  # the common cases, without building the message
        return (value, value)
    if (
        type(value) is tuple
        and len(value) == 2
        and type(value[0]) is type(value[1]) is int
        and min(value) >= minimum
    ):
        return value
    kind = "positive" if minimum == 1 else "non-negative"
    expected = (
        f"{name} must be a {kind} int or a pair of them, got {value!r}"
    )
    if _is_int(value):
        pair = (operator.index(value),) * 2
    elif (
        isinstance(value, (tuple, list, np.ndarray))
        and np.ndim(value) == 1
        and len(value) == 2
    ):
        if not all(map(_is_int, value)):
            raise TypeError(expected)
        pair = tuple(operator.index(v) for v in value)
    else:
        raise TypeError(expected)
    if min(pair) < minimum:
        raise ValueError(expected)
    return pair


def _is_number(x) -> bool:
    """What an object array may hold: real numbers, SymPy expressions, or objects with their own ``*``.

    Complex numbers, Decimals, strings, None and containers are refused: they
    would fail, or mean something else, deep inside a layer.
    """
    if isinstance(x, numbers.Real):
        return True
    if x is None or isinstance(
        x, (numbers.Number, str, bytes, list, tuple, dict, set, np.ndarray)
    ):
        return False
    return hasattr(x, "__mul__") or hasattr(x, "__rmul__")


def as_array(
    x,
    name: str,
    ndim: int | None,
    layout: str = "",
    *,
    allow_object: bool = True,
) -> np.ndarray:
    """Return ``x`` as an ndarray of rank ``ndim`` (any rank for ``None``) holding numbers.

    bool, int, uint and float arrays are numbers; an object array (SymPy
    symbols, Fractions) must hold real numbers or SymPy expressions only.
    """
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as err:  # ragged nested lists
        raise TypeError(
            f"{name} must be an array of numbers, could not convert it: {err}"
        ) from None
    kinds = "biuf" + ("O" if allow_object else "")
    if arr.dtype.kind not in kinds:
        what = "bool, int, float" + (
            " or object (SymPy)" if allow_object else ""
        )
        raise TypeError(
            f"{name} must hold {what} values, got dtype {arr.dtype}"
        )
    if arr.dtype.kind == "O" and not all(map(_is_number, arr.flat)):
        bad = next(v for v in arr.flat if not _is_number(v))
        raise TypeError(
            f"{name} is an object array, so it must hold real numbers or SymPy expressions, got {bad!r}"
        )
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(
            f"{name} must have {ndim} dimensions {layout}, got shape {arr.shape}"
        )
    return arr


def check_entries(shape, what: str):
    """Refuse an array shape with more than :data:`MAX_ENTRIES` entries, naming what made it."""
    n = 1
    for side in shape:
        n *= int(side)
    if n > MAX_ENTRIES or max(shape) > MAX_ENTRIES:
        raise ValueError(
            f"{what} would make an array of shape {tuple(shape)}, {n:.3g} entries: too large"
        )


def check_sizes(**sizes):
    """Each of ``n, f, s, d`` must be a positive int and ``p`` a non-negative one; raise naming the first that is not."""
    for name, value in sizes.items():
        as_int(value, name, minimum=0 if name == "p" else 1)


def output_size(n: int, f: int, p: int = 0, s: int = 1, d: int = 1) -> int:
    """Number of windows of size ``f`` that fit in ``n`` inputs padded by
    ``p``, stride ``s``.

    ``floor((n + 2p - f) / s) + 1``: the largest ``i`` with
    ``i*s + f <= n + 2p``, plus one. With dilation ``d`` the window spans
    ``f + (f - 1)(d - 1)`` inputs, which replaces ``f``.
    """
    check_sizes(n=n, f=f, p=p, s=s, d=d)
    n, f, p, s, d = map(operator.index, (n, f, p, s, d))
    span = f + (f - 1) * (d - 1)
    if span > n + 2 * p:
        what = (
            f"window f={f}"
            if d == 1
            else f"dilated window f + (f-1)(d-1) = {span}"
        )
        raise ValueError(
            f"{what} is larger than the padded input n + 2p = {n + 2 * p}"
        )
    return (n + 2 * p - span) // s + 1


def pad(A, padding) -> np.ndarray:
    """Zero-pad the spatial axes of ``A``, shape ``(m, n_H, n_W, n_C)``, by ``(p1, p2)`` on both sides.

    Always a new array, even for ``padding=0``; ``A``'s dtype is kept.
    """
    padding = as_pair(padding, "padding", minimum=0)
    A = as_array(A, "A", 4, "(m, n_H, n_W, n_C)")
    return zero_pad(A, padding, copy=True)


def zero_pad(A, padding, *, copy=False):
    """:func:`pad` for validated arguments; returns ``A`` itself for zero padding unless ``copy``."""
    (p1, p2), (m, h, w, c) = padding, A.shape
    if p1 == 0 and p2 == 0:
        return A.copy() if copy else A
    check_entries((m, h + 2 * p1, w + 2 * p2, c), f"padding={padding}")
    out = np.zeros((m, h + 2 * p1, w + 2 * p2, c), dtype=A.dtype)
    out[:, p1 : p1 + h, p2 : p2 + w] = A
    return out


def offset_view(A, i, j, stride, n_H, n_W):
    """The pixels at offset ``(i, j)`` of every window, as a view: shape ``(m, n_H, n_W, n_C)``.

    Entry ``[e, r, q, c]`` is ``A[e, r*s1 + i, q*s2 + j, c]``: with it a layer
    becomes ``k1*k2`` whole-array operations instead of loops over windows.
    """
    s1, s2 = stride
    return A[
        :,
        i : i + s1 * (n_H - 1) + 1 : s1,
        j : j + s2 * (n_W - 1) + 1 : s2,
        :,
    ]


def conv_shapes(
    A_prev,
    W,
    b,
    stride,
    padding,
    dilation=1,
    groups=1,
    *,
    names=("A_prev", "W", "b"),
):
    """Validate the arguments of a convolution; return them with the output shape.

    ``names`` are the caller's names for the input, weights and bias, so that
    the transposed convolution's errors speak of ``X``.
    """
    a, w, bn = names
    A_prev = as_array(A_prev, a, 4, "(m, n_H_prev, n_W_prev, n_C_prev)")
    W = as_array(W, w, 4, "(k1, k2, n_C_prev // groups, n_C)")
    stride = as_pair(stride, "stride", minimum=1)
    padding = as_pair(padding, "padding", minimum=0)
    dilation = as_pair(dilation, "dilation", minimum=1)
    groups = as_int(groups, "groups", minimum=1)
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    k1, k2, W_C_prev, n_C = W.shape
    if min(W.shape) == 0:
        raise ValueError(f"{w} must not be empty, got shape {W.shape}")
    if min(A_prev.shape[1:]) == 0:
        raise ValueError(
            f"{a} must have at least one row, column and channel, got shape {A_prev.shape}"
        )
    if groups == 1 and W_C_prev != n_C_prev:
        raise ValueError(
            f"{w} has {W_C_prev} input channels ({w}.shape[2]) but {a} has {n_C_prev} ({a}.shape[3])"
        )
    if groups > 1 and (n_C_prev % groups or n_C % groups):
        raise ValueError(
            f"groups={groups} must divide both {a}'s {n_C_prev} channels and {w}'s {n_C} filters ({w}.shape[3])"
        )
    if groups > 1 and W_C_prev * groups != n_C_prev:
        raise ValueError(
            f"{w} has {W_C_prev} input channels per group ({w}.shape[2]); with groups={groups} "
            f"{a} needs {W_C_prev * groups}, but has {n_C_prev} ({a}.shape[3])"
        )
    padded = (n_H_prev + 2 * padding[0], n_W_prev + 2 * padding[1])
    span = (dilation[0] * (k1 - 1) + 1, dilation[1] * (k2 - 1) + 1)
    if span[0] > padded[0] or span[1] > padded[1]:
        what = (
            f"kernel ({k1}, {k2})"
            if dilation == (1, 1)
            else f"dilated kernel, spanning {span},"
        )
        raise ValueError(f"{what} is larger than the padded input {padded}")
    if b is not None:
        b = as_array(b, bn, 1, "(n_C,)")
        if b.shape != (n_C,):
            raise ValueError(
                f"{bn} must have shape ({n_C},), one bias per filter, got {b.shape}"
            )
    n_H = (padded[0] - span[0]) // stride[0] + 1
    n_W = (padded[1] - span[1]) // stride[1] + 1
    check_entries((m, *padded, n_C_prev), f"padding={padding}")
    check_entries(
        (m, n_H, n_W, n_C), f"padding={padding} and dilation={dilation}"
    )
    check_entries(
        (m * n_H * n_W, k1 * k2 * W_C_prev),
        f"{w}'s shape {W.shape} and padding={padding}",
    )
    return (
        A_prev,
        W,
        b,
        stride,
        padding,
        dilation,
        groups,
        (m, n_H, n_W, n_C),
    )


def pool_shapes(A_prev, size, stride, mode):
    """Validate the arguments of a pooling layer; return them with the output shape."""
    A_prev = as_array(A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C)")
    size = as_pair(size, "size", minimum=1)
    stride = (
        size if stride is None else as_pair(stride, "stride", minimum=1)
    )
    if not isinstance(mode, str) or mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    if min(A_prev.shape[1:]) == 0:
        raise ValueError(
            f"A_prev must have at least one row, column and channel, got shape {A_prev.shape}"
        )
    if size[0] > n_H_prev or size[1] > n_W_prev:
        raise ValueError(
            f"size {size} is larger than the input {(n_H_prev, n_W_prev)}"
        )
    n_H = (n_H_prev - size[0]) // stride[0] + 1
    n_W = (n_W_prev - size[1]) // stride[1] + 1
    return A_prev, size, stride, (m, n_H, n_W, n_C)


def check_grad(d, name: str, expected: tuple) -> np.ndarray:
    """Check that an upstream gradient has the forward output's shape."""
    d = as_array(
        d,
        name,
        len(expected),
        "(m, n_H, n_W, n_C)" if len(expected) == 4 else "(m, n_C)",
    )
    if d.shape != tuple(expected):
        raise ValueError(
            f"{name} must have the forward output's shape {tuple(expected)}, got {d.shape}"
        )
    return d


# -- the checks of correlate2d, global pooling and the transposed convolution, and its crop, which the layers
# and the reference loops share: reference.py imports nothing above this module and dtypes.py


def check_pair(I, K, ndim):
    """Validate ``I`` and ``K`` and bring them to the dtype they compute in (see :mod:`cnnlib.dtypes`)."""
    layout = "(h, w)" if ndim == 2 else "(n,)"
    klayout = "(k1, k2)" if ndim == 2 else "(k,)"
    I, K = as_array(I, "I", ndim, layout), as_array(K, "K", ndim, klayout)
    for name, X in (("I", I), ("K", K)):
        if X.size == 0:
            raise ValueError(
                f"{name} must not be empty, got shape {X.shape}"
            )
    compute, result = dtype_rule(I, K)
    if compute == np.int64:
        check_exact("I and K", absmax(I) * absmax(K) * K.size)
    return (
        I.astype(compute, copy=False),
        K.astype(compute, copy=False),
        result,
    )


def check_map(A_prev):
    """A feature map ``(m, n_H_prev, n_W_prev, n_C)`` with at least one row, column and channel (global pooling)."""
    A_prev = as_array(A_prev, "A_prev", 4, "(m, n_H_prev, n_W_prev, n_C)")
    if min(A_prev.shape[1:]) == 0:
        raise ValueError(
            f"A_prev must have at least one row, column and channel, got shape {A_prev.shape}"
        )
    return A_prev


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
        raise ValueError(
            f"output_padding must be an int in [0, max(s, d)) = [0, {max(s, d)}), got {output_padding!r}"
        )
    out = (n - 1) * s - 2 * p + d * (f - 1) + 1 + output_padding
    if out < 1:
        raise ValueError(
            f"padding p={p} crops the whole output (size {out})"
        )
    return out


def transpose_shapes(
    X, W, b, stride, padding, output_padding, dilation, groups
):
    """Validate; return the arguments, the output shape and the shape of the convolution ``out -> X`` covers.

    The convolution that this layer transposes maps an input of the output's
    size back onto ``X``, except when ``output_padding >= stride`` (possible
    with dilation): then it maps onto ``X`` and ``output_padding // stride``
    more rows (or columns), which :func:`conv_transpose_forward` never reads.
    """
    X = as_array(X, "X", 4, "(m, n_H, n_W, n_C)")
    W = as_array(W, "W", 4, "(k1, k2, n_C_out // groups, n_C)")
    stride, padding = (
        as_pair(stride, "stride", minimum=1),
        as_pair(padding, "padding", minimum=0),
    )
    dilation = as_pair(dilation, "dilation", minimum=1)
    output_padding = as_pair(output_padding, "output_padding", minimum=0)
    groups = as_int(groups, "groups", minimum=1)
    if min(W.shape) == 0:
        raise ValueError(f"W must not be empty, got shape {W.shape}")
    if min(X.shape[1:]) == 0:
        raise ValueError(
            f"X must have at least one row, column and channel, got shape {X.shape}"
        )
    if X.shape[3] != W.shape[3]:
        raise ValueError(
            f"W has {W.shape[3]} filters (W.shape[3]) but X has {X.shape[3]} channels (X.shape[3])"
        )
    if W.shape[3] % groups:
        raise ValueError(
            f"groups={groups} must divide X's {X.shape[3]} channels (W.shape[3])"
        )
    sizes = tuple(
        conv_transpose_output_size(
            X.shape[1 + a],
            W.shape[a],
            padding[a],
            stride[a],
            output_padding[a],
            dilation[a],
        )
        for a in (0, 1)
    )
    out = (X.shape[0], *sizes, W.shape[2] * groups)
    check_entries(
        out, f"stride={stride} and output_padding={output_padding}"
    )
    if b is not None:
        b = as_array(b, "b", 1, "(n_C_out,)")
        if b.shape != (out[3],):
            raise ValueError(
                f"b must have shape ({out[3]},), one bias per output channel, got {b.shape}"
            )
    A = np.broadcast_to(
        np.zeros((), dtype=X.dtype), out
    )  # a stand-in of the right shape, no memory
    conv_shapes(
        A,
        W,
        None,
        stride,
        padding,
        dilation,
        groups,
        names=("the output", "W", "b"),
    )
    return X, W, b, stride, padding, dilation, groups, out


def uncropped_shape(X, W, stride, dilation, groups):
    """Shape of all that the scatter of ``X`` reaches, before the padding is cropped: ``(n - 1) s + d (k - 1) + 1``."""
    m, n_H, n_W, _ = X.shape
    F = [
        (n - 1) * s + d * (k - 1) + 1
        for n, s, d, k in zip((n_H, n_W), stride, dilation, W.shape[:2])
    ]
    return (m, *F, W.shape[2] * groups)


def crop(full, out, padding):
    """Rows and columns ``p ... p + H_out - 1`` of ``full``, zeros past its end (``output_padding > padding``)."""
    (p1, p2), (_, H, W_, _) = padding, out
    if full.shape[1] >= p1 + H and full.shape[2] >= p2 + W_:
        return full[:, p1 : p1 + H, p2 : p2 + W_]
    Y = np.zeros(out, dtype=full.dtype)
    r, c = (
        max(0, min(H, full.shape[1] - p1)),
        max(0, min(W_, full.shape[2] - p2)),
    )
    Y[:, :r, :c] = full[:, p1 : p1 + r, p2 : p2 + c]
    return Y


def uncrop(dY, full_shape, padding):
    """The adjoint of :func:`crop`: ``dY`` put back at offset ``padding`` in zeros of ``full_shape``."""
    (p1, p2), (_, F1, F2, _) = padding, full_shape
    full = np.zeros((dY.shape[0], F1, F2, dY.shape[3]), dtype=dY.dtype)
    r, c = (
        max(0, min(dY.shape[1], F1 - p1)),
        max(0, min(dY.shape[2], F2 - p2)),
    )  # rows past F: bias only
    full[:, p1 : p1 + r, p2 : p2 + c] = dY[:, :r, :c]
    return full
