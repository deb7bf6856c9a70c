"""SymPy helpers: arrays of symbols, and gradients by ``sympy.diff``.

The symbolic check used throughout the book: give a layer symbolic inputs, form
the scalar ``E = sum(delta * Z)`` whose gradient with respect to ``Z`` is the
arbitrary upstream gradient ``delta``, and let SymPy differentiate ``E`` with
respect to every input. The chain rule then says the result must equal the
layer's backward pass fed with ``delta`` -- exactly, not to rounding.
"""

from __future__ import annotations

import numpy as np
import sympy

__all__ = ["symbol_array", "total", "gradient", "same", "to_numbers"]


def symbol_array(name, shape, **assumptions):
    """Object array of symbols ``name_{i,j,...}``, e.g. ``a_{0,1}`` for entry ``[0, 1]``.

    ``assumptions`` go to :class:`sympy.Symbol` (``real=True``, say).
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {name!r}")
    try:
        shape = tuple(shape)
    except TypeError:
        raise TypeError(
            f"shape must be a tuple of non-negative ints, got {shape!r}"
        ) from None
    if not all(
        isinstance(n, (int, np.integer))
        and not isinstance(n, bool)
        and n >= 0
        for n in shape
    ):
        raise ValueError(
            f"shape must be a tuple of non-negative ints, got {shape!r}"
        )
    out = np.empty(shape, dtype=object)
    for idx in np.ndindex(shape):
        out[idx] = sympy.Symbol(
            f"{name}_{{{','.join(map(str, idx))}}}", **assumptions
        )
    return out


def total(delta, Z):
    """``E = sum(delta * Z)``: the scalar whose gradient with respect to ``Z`` is ``delta``."""
    delta, Z = np.asarray(delta), np.asarray(Z)
    if delta.shape != Z.shape:
        raise ValueError(
            f"delta must have Z's shape {Z.shape}, got {delta.shape}"
        )
    return sympy.Add(*[d * z for d, z in zip(delta.ravel(), Z.ravel())])


def gradient(E, X):
    """``dE/dX`` entry by entry with ``sympy.diff``: an object array shaped like ``X``.

    ``E`` is usually a long sum (:func:`total`), and most of its terms do not contain a given
    entry of ``X``. Differentiation is linear, so each entry is differentiated only in the terms
    that contain it: the same derivatives as ``sympy.diff(E, x)``, without walking all of ``E``
    once for every ``x``.
    """
    X = np.asarray(X)
    out = np.empty(X.shape, dtype=object)
    terms = {}
    for term in sympy.Add.make_args(sympy.sympify(E)):
        for s in term.free_symbols:
            terms.setdefault(s, []).append(term)
    for idx in np.ndindex(X.shape):
        x = X[idx]
        if isinstance(x, sympy.Symbol):
            out[idx] = sympy.Add(
                *[sympy.diff(t, x) for t in terms.get(x, ())]
            )
        else:
            out[idx] = sympy.diff(E, x)
    return out


def same(A, B):
    """True when every entry of ``A - B`` expands to exactly zero."""
    A, B = np.asarray(A), np.asarray(B)
    if A.shape != B.shape:
        return False
    return all(
        sympy.expand(sympy.sympify(a) - sympy.sympify(b)) == 0
        for a, b in zip(A.ravel(), B.ravel())
    )


def to_numbers(A, dtype=np.float64):
    """Convert an object array of SymPy numbers to a numeric array."""
    return np.array(
        [float(x) for x in np.asarray(A).ravel()], dtype=dtype
    ).reshape(np.shape(A))
