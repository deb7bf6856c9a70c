"""The checker's signatures for deeplearning.ai's functions: one set of adapters for every notebook.

``adapt(globals())`` at the end of a student's module replaces each of the assignment's functions the
student wrote (``conv_forward(A_prev, W, b, hparameters)``, ``pool_forward(A_prev, hparameters,
mode)``, ``conv_backward(dZ, cache)``, ``pool_backward(dA, cache, mode)``) by a function with the
signature ``cnnlib.exercises.check`` calls, which converts the arguments (hparameters dicts, ``b`` as
``(1, 1, 1, n_C)``, the caches the student's forward functions build) and fixes nothing.
"""

import numpy as np

_MODES = {"max": "max", "avg": "average"}


def _conv_forward(student):
    def conv_forward(A_prev, W, b, stride=1, padding=0):
        Z, _cache = student(A_prev, W, np.reshape(b, (1, 1, 1, -1)), {"stride": stride, "pad": padding})
        return Z

    return conv_forward


def _pool_forward(student):
    def pool_forward(A_prev, size, stride=None, mode="max"):
        hparameters = {"f": size, "stride": size if stride is None else stride}
        A, _cache = student(A_prev, hparameters, mode=_MODES[mode])
        return A

    return pool_forward


def _conv_backward(student):
    def conv_backward(dZ, A_prev, W, stride=1, padding=0):
        # the cache conv_forward builds: (A_prev, W, b, hparameters); the checker passes no b
        b = np.zeros((1, 1, 1, W.shape[3]))
        dA_prev, dW, db = student(dZ, (A_prev, W, b, {"stride": stride, "pad": padding}))
        if np.shape(db) == (1, 1, 1, W.shape[3]):
            db = np.reshape(db, W.shape[3])
        return dA_prev, dW, db

    return conv_backward


def _pool_backward(student):
    def pool_backward(dA, A_prev, size, stride=None, mode="max"):
        # the cache pool_forward builds: (A_prev, hparameters)
        hparameters = {"f": size, "stride": size if stride is None else stride}
        return student(dA, (A_prev, hparameters), mode=_MODES[mode])

    return pool_backward


ADAPTERS = {"conv_forward": _conv_forward, "pool_forward": _pool_forward,
            "conv_backward": _conv_backward, "pool_backward": _pool_backward}  # fmt: skip


def adapt(namespace):
    """Replace, in a student's module namespace, each assignment function the student wrote by its adapter."""
    for name, make in ADAPTERS.items():
        if name in namespace:
            namespace[name] = make(namespace[name])
