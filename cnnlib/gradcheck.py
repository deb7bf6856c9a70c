"""Central-difference gradient checking: an independent test of every backward pass."""

from __future__ import annotations

import numpy as np

from .shapes import as_array, as_real

__all__ = ["numerical_gradient", "relative_error", "gradcheck"]


def numerical_gradient(f, x, eps=1e-6):
    """Central differences ``(f(x + eps) - f(x - eps)) / (2 eps)``, one entry of ``x`` at a time.

    Parameters
    ----------
    f : callable
        Maps an array shaped like ``x`` to a scalar.
    x : ndarray
        Point at which to differentiate; copied to float64, never modified.
    eps : float
        Step. For the (piecewise) linear layers of this book the central
        difference is exact up to rounding, so the default 1e-6 is safe.

    Returns
    -------
    ndarray, float64, shaped like ``x``
    """
    if not callable(f):
        raise TypeError(f"f must be a function of one array, got {f!r}")
    eps = as_real(eps, "eps", 0, np.inf)
    x = np.array(
        as_array(x, "x", None, allow_object=False), dtype=np.float64
    )
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = _scalar(f(x))
        x[idx] = old - eps
        f_minus = _scalar(f(x))
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad


def _scalar(value):
    """``f``'s value as a float; ``f`` must return one number."""
    if np.ndim(value) != 0 and np.size(value) != 1:
        raise TypeError(
            f"f must return a scalar, got an array of shape {np.shape(value)}"
        )
    try:
        return float(np.asarray(value).reshape(()))
    except (TypeError, ValueError):
        raise TypeError(f"f must return a number, got {value!r}") from None


def relative_error(a, b):
    """``||a - b|| / (||a|| + ||b||)``, and 0 when both are zero."""
    a = np.asarray(
        as_array(a, "a", None, allow_object=False), dtype=np.float64
    )
    b = np.asarray(
        as_array(b, "b", None, allow_object=False), dtype=np.float64
    )
    if a.shape != b.shape:
        raise ValueError(
            f"a and b must have the same shape, got {a.shape} and {b.shape}"
        )
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def gradcheck(f, x, grad, eps=1e-6):
    """Relative error between an analytic gradient ``grad`` of ``f`` at ``x`` and central differences."""
    return relative_error(grad, numerical_gradient(f, x, eps))
