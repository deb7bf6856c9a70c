"""The dtype rule: which type every function in cnnlib computes in and returns.

One rule for every layer, forward and backward, vectorised and reference:

- **float32, float64**: numpy's promotion of the array arguments (float32 in,
  float32 out; float32 with float64 gives float64).
- **float16**: computed in float32, rounded to float16 once at the end. A sum
  of many float16 terms would lose its digits, and overflow past 65504, long
  before the result does.
- **integers and bools**: computed exactly in int64, with an int64 result;
  integers too large for that to be exact are refused with a ``ValueError``.
  A **mean** (average pooling, global average pooling and their gradients) is
  float64.
- **object** (SymPy symbols, Fractions, Python numbers): Python arithmetic,
  object result.

Every output of one call has that one dtype, decided by all of the call's
array arguments (``conv_backward``'s ``dA_prev``, ``dW`` and ``db`` alike).
Max pooling's forward pass returns its input's dtype: a maximum is one of the
inputs, so there is nothing to round or overflow. Results are always new
arrays, never an input or a view of one. Infinities and NaN follow IEEE
arithmetic, as in PyTorch, and raise no warning: ``0 * inf`` is NaN even
inside a matrix product (see :func:`matmul`).
"""

from __future__ import annotations

import functools
import math
import threading

import numpy as np

__all__ = [
    "absmax",
    "all_finite",
    "check_exact",
    "dtype_rule",
    "ieee",
    "matmul",
]

_now = threading.local()  # the public call under way: its arguments, and whether they hold inf or NaN

INT64_MAX = int(np.iinfo(np.int64).max)


def dtype_rule(*arrays, mean=False):
    """``(compute, result)``: the dtype to compute in and the dtype to return, for these arrays.

    ``None`` entries (a missing bias) are skipped. ``mean=True`` for a
    function whose result is an average.
    """
    dtypes = [np.asarray(a).dtype for a in arrays if a is not None]
    if any(d.kind == "O" for d in dtypes):
        return np.dtype(object), np.dtype(object)
    if any(d.kind == "f" for d in dtypes):
        result = np.result_type(*dtypes)
        return (
            np.dtype(np.float32) if result == np.float16 else result
        ), result
    if mean:
        return np.dtype(np.float64), np.dtype(np.float64)
    return np.dtype(np.int64), np.dtype(np.int64)


def absmax(a) -> int:
    """The largest ``|entry|`` of an integer or bool array, as a Python int (0 when empty or ``None``)."""
    if a is None or a.size == 0:
        return 0
    if a.dtype.kind == "b":
        return int(a.any())
    return max(abs(int(a.max())), abs(int(a.min())))


def check_exact(names: str, bound: int):
    """Refuse integer inputs whose exact result could exceed int64: ``bound`` bounds its magnitude."""
    if bound > INT64_MAX:
        raise ValueError(
            f"{names} hold integers so large that the exact result could overflow int64 "
            f"(up to about 2**{bound.bit_length()}); pass them as float64 instead"
        )


def all_finite(X) -> bool:
    """No inf or NaN in ``X`` (integers always; SymPy symbols count as finite)."""
    if (
        X.dtype.kind == "f"
    ):  # a finite sum has finite terms (one pass, no temporary); else look closely
        return bool(np.isfinite(np.add.reduce(X, axis=None))) or bool(
            np.isfinite(X).all()
        )
    if X.dtype.kind == "O":
        for v in X.flat:
            try:
                if not math.isfinite(v):
                    return False
            except TypeError:  # a symbol
                pass
    return True


def _nonfinite(x) -> bool:
    """Does ``x``, an argument, hold floats that are inf or NaN?"""
    if isinstance(x, (list, tuple)):
        try:
            x = np.asarray(x)
        except (ValueError, TypeError):
            return False
    return (
        isinstance(x, np.ndarray)
        and x.dtype.kind == "f"
        and not all_finite(x)
    )


def ieee(function):
    """Run a public ``function`` with IEEE arithmetic and no warnings.

    inf and NaN are the IEEE answers for overflowing or undefined entries, and
    the layers return them as PyTorch does; numpy would also print a warning
    (``np.errstate(all="ignore")`` silences it). The call's arguments are kept
    for :func:`matmul`, which asks whether they hold inf or NaN.
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        outermost = getattr(_now, "arguments", None) is None
        if outermost:
            _now.arguments, _now.nonfinite = (*args, *kwargs.values()), None
        try:
            with np.errstate(all="ignore"):
                return function(*args, **kwargs)
        finally:
            if outermost:
                _now.arguments = _now.nonfinite = None

    return wrapper


def _call_is_nonfinite() -> bool:
    """Do the arguments of the public call under way hold inf or NaN? (Looked at once, when first asked.)"""
    if getattr(_now, "nonfinite", None) is None:
        _now.nonfinite = any(
            map(_nonfinite, getattr(_now, "arguments", None) or ())
        )
    return _now.nonfinite


def matmul(a, b, out=None):
    """``a @ b``; by numpy's own loops instead of BLAS when the call's inputs hold inf or NaN.

    BLAS skips the zeros of one operand (the reference BLAS does, and so do
    some OpenBLAS kernels), so ``0 * NaN`` would silently become 0 there. The
    operands are made contiguous first: for a broadcast (zero-stride) operand
    einsum would factor the repeated value out of the sum, ``sum(a) * inf``.
    """
    if np.result_type(a, b).kind == "f" and _call_is_nonfinite():
        return np.einsum(
            "...ij,...jk->...ik",
            np.ascontiguousarray(a),
            np.ascontiguousarray(b),
            out=out,
        )
    return np.matmul(a, b, out=out)


# -- the int64 bounds of each layer, and the maximum with NaN and SymPy: shared by the layers and the loops ----


def check_exact_forward(A_prev, W, b):
    """Integers: refuse values whose exact ``Z`` could overflow int64 (each entry sums ``k1*k2*C_g`` products)."""
    check_exact(
        "A_prev, W and b",
        absmax(A_prev) * absmax(W) * W[:, :, :, 0].size + absmax(b),
    )


def check_exact_backward(dZ, A_prev, W, groups):
    """Integers: refuse values whose exact gradients could overflow int64."""
    k1, k2, _, n_C = W.shape
    windows = dZ.size // n_C  # dW and db sum over every window of the batch
    terms = max(
        absmax(A_prev) * windows,
        absmax(W) * k1 * k2 * (n_C // groups),
        windows,
    )
    check_exact("dZ, A_prev and W", absmax(dZ) * terms)


def check_exact_transpose(X, W, b, dY=None, groups=1):
    """Refuse integers whose exact sums could overflow int64 (see :mod:`cnnlib.dtypes`)."""
    k1, k2, C_g, n_C = W.shape
    if (
        dY is None
    ):  # an output entry sums at most k1*k2 taps of each of a group's n_C/groups channels
        return check_exact(
            "X, W and b",
            absmax(X) * absmax(W) * k1 * k2 * (n_C // groups) + absmax(b),
        )
    m, n_H, n_W, _ = X.shape
    terms = max(
        absmax(W) * k1 * k2 * C_g,
        absmax(X) * m * n_H * n_W,
        dY.size // dY.shape[3],
    )
    return check_exact("dY, X and W", absmax(dY) * terms)


def maximum(A, B):
    """``A`` replaced by the elementwise maximum of ``A`` and ``B``, NaN winning (``np.maximum``).

    In place for numbers; object arrays take :func:`maximum_of` entry by entry.
    """
    if A.dtype.kind == "O":
        return _object_maximum(A, B)
    return np.maximum(A, B, out=A)


def maximum_of(a, b):
    """The larger of two numbers, the NaN if ``a`` or ``b`` (in that order) is one, or a SymPy ``Max``.

    The rule of ``np.maximum`` and ``np.argmax``, for single values of any type:
    folded over a window in row-major order it picks the first maximum, or the
    first NaN.
    """
    if a != a:  # NaN is the only value unequal to itself
        return a
    if b != b:
        return b
    try:
        return b if b > a else a
    except TypeError:  # SymPy symbols cannot be compared
        import sympy

        return sympy.Max(a, b)


_object_maximum = np.frompyfunc(maximum_of, 2, 1)
