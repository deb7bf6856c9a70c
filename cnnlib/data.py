"""The handwritten digits that ship with scikit-learn, shaped for cnnlib, and minibatches."""

from __future__ import annotations

import numpy as np

from .shapes import as_int, as_real

__all__ = ["load_digits", "minibatches"]


def load_digits(test_size=0.25, seed=0, dtype=np.float32):
    """1,797 grey 8x8 digits (no download), scaled to [0, 1], in a stratified train/test split.

    Needs scikit-learn. Returns ``X_train, X_test, y_train, y_test`` with
    ``X`` of shape ``(m, 8, 8, 1)`` and ``y`` integer labels ``0..9``, shape ``(m,)``.
    """
    from sklearn.datasets import load_digits as _load
    from sklearn.model_selection import train_test_split

    test_size = as_real(test_size, "test_size", 0, 1)
    seed = as_int(seed, "seed", minimum=0)
    if np.dtype(dtype).kind != "f":
        raise TypeError(
            f"dtype must be a floating-point type, got {dtype!r}"
        )

    digits = _load()
    X = (digits.images / 16.0).astype(dtype)[
        ..., None
    ]  # pixel values are 0..16
    y = digits.target.astype(np.int64)
    return train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y
    )


def minibatches(m, batch_size, rng):
    """Index arrays that split a shuffled ``range(m)`` into batches of ``batch_size`` (the last may be shorter)."""
    m, batch_size = (
        as_int(m, "m", minimum=0),
        as_int(batch_size, "batch_size", minimum=1),
    )
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator, got {rng!r}"
        )
    order = rng.permutation(m)
    return [order[k : k + batch_size] for k in range(0, m, batch_size)]
