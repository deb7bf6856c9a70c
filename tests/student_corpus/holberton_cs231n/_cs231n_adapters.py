"""The checker's signatures for CS231n's naive layers: one set of adapters for every student's ``layers.py``.

``adapt(globals())`` at the end of a student's module adds ``conv_forward``, ``pool_forward``,
``conv_backward`` and ``pool_backward`` with the signatures ``cnnlib.exercises.check`` calls. They
convert the layout (the book's ``(m, n_H, n_W, n_C)`` and ``(k1, k2, n_C_prev, n_C)`` to CS231n's
``(N, C, H, W)`` and ``(F, C, HH, WW)``, and back), the hyperparameters (``conv_param``, ``pool_param``)
and the caches, and fix nothing. A student whose forward pass caches something else passes
``conv_cache`` or ``pool_cache``: a function ``(x, w, b, conv_param)`` or ``(x, pool_param)`` that
builds the cache as that student's forward does.
"""

import numpy as np


def _nchw(A):
    """(m, n_H, n_W, n_C) -> CS231n's (N, C, H, W)."""
    return np.ascontiguousarray(np.transpose(A, (0, 3, 1, 2)))


def _nhwc(X):
    """CS231n's (N, C, H, W) -> (m, n_H, n_W, n_C); None stays None."""
    return None if X is None else np.transpose(np.asarray(X), (0, 2, 3, 1))


def _filters(W):
    """(k1, k2, n_C_prev, n_C) -> CS231n's (F, C, HH, WW)."""
    return np.ascontiguousarray(np.transpose(W, (3, 2, 0, 1)))


def _unfilters(dw):
    """CS231n's (F, C, HH, WW) -> (k1, k2, n_C_prev, n_C); None stays None."""
    return None if dw is None else np.transpose(np.asarray(dw), (2, 3, 1, 0))


def _one(x):
    """The checker's int or pair -> CS231n's single int: a pair of equal values becomes that int;
    an unequal pair is passed on as it is (CS231n's code takes one int, and fails on it by itself)."""
    if isinstance(x, (tuple, list)):
        return x[0] if x[0] == x[1] else tuple(x)
    return x


def _pool_param(size, stride):
    """size (int or pair), stride (None = size) -> CS231n's pool_param."""
    k1, k2 = tuple(size) if isinstance(size, (tuple, list)) else (size, size)
    return {"pool_height": k1, "pool_width": k2, "stride": _one((k1, k2) if stride is None else stride)}


def adapt(namespace, conv_cache=None, pool_cache=None):
    """Add the checker's four functions to a student's module ``namespace``, around its naive layers.

    The caches are built as CS231n's forward passes build them, ``(x, w, b, conv_param)`` and
    ``(x, pool_param)``, unless ``conv_cache`` or ``pool_cache`` builds them as this student's does.
    CS231n has max pooling only: ``mode="avg"`` raises NotImplementedError (the checker reports "not
    written"; tests/student_corpus/measure.py checks CS231n code on max pooling only).
    """
    conv_forward_naive, conv_backward_naive = namespace["conv_forward_naive"], namespace["conv_backward_naive"]
    max_pool_forward_naive, max_pool_backward_naive = (
        namespace["max_pool_forward_naive"],
        namespace["max_pool_backward_naive"],
    )
    conv_cache = conv_cache or (lambda x, w, b, conv_param: (x, w, b, conv_param))
    pool_cache = pool_cache or (lambda x, pool_param: (x, pool_param))

    def conv_forward(A_prev, W, b, stride=1, padding=0):
        out, _ = conv_forward_naive(_nchw(A_prev), _filters(W), b, {"stride": _one(stride), "pad": _one(padding)})
        return _nhwc(out)

    def pool_forward(A_prev, size, stride=None, mode="max"):
        if mode != "max":
            raise NotImplementedError("CS231n writes max pooling only")
        out, _ = max_pool_forward_naive(_nchw(A_prev), _pool_param(size, stride))
        return _nhwc(out)

    def conv_backward(dZ, A_prev, W, stride=1, padding=0):
        x, w, b = _nchw(A_prev), _filters(W), np.zeros(W.shape[3])
        conv_param = {"stride": _one(stride), "pad": _one(padding)}
        dx, dw, db = conv_backward_naive(_nchw(dZ), conv_cache(x, w, b, conv_param))
        return _nhwc(dx), _unfilters(dw), db

    def pool_backward(dA, A_prev, size, stride=None, mode="max"):
        if mode != "max":
            raise NotImplementedError("CS231n writes max pooling only")
        x, pool_param = _nchw(A_prev), _pool_param(size, stride)
        return _nhwc(max_pool_backward_naive(_nchw(dA), pool_cache(x, pool_param)))

    namespace.update(conv_forward=conv_forward, pool_forward=pool_forward, conv_backward=conv_backward,
                     pool_backward=pool_backward)  # fmt: skip
