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
arithmetic, as in PyTorch, and raise no warning.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["absmax", "check_exact", "dtype_rule", "ieee"]

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
        return (np.dtype(np.float32) if result == np.float16 else result), result
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


def ieee(function):
    """Run ``function`` under ``np.errstate(all="ignore")``.

    inf and NaN are the IEEE answers for overflowing or undefined entries, and
    the layers return them as PyTorch does; numpy would also print a warning.
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)

    return wrapper
