"""cnnlib: convolution and pooling layers, forward and backward, in plain numpy.

The top-level functions are vectorised; :mod:`cnnlib.reference` holds the same
layers as loops that read like the book's formulas, and the two are tested
equal. :mod:`cnnlib.symbolic` (SymPy) is imported when first used. Layout: activations ``(m, n_H, n_W, n_C)``, weights
``(k1, k2, n_C_prev, n_C)``, bias ``(n_C,)``.
"""

from . import (
    layers,
    reference,
)  # plotting, animate, explore and data import matplotlib/sklearn on demand
from .activations import (
    ACTIVATIONS,
    identity,
    identity_derivative,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)
from .conv import col2im, conv_backward, conv_forward, im2col
from .correlate import (
    convolve1d,
    convolve2d,
    correlate1d,
    correlate2d,
    rot180,
)
from .gradcheck import gradcheck, numerical_gradient, relative_error
from .i18n import language, set_language
from .pool import (
    global_avg_pool_backward,
    global_avg_pool_forward,
    pool_backward,
    pool_forward,
)
from .shapes import output_size, pad
from .transpose import (
    conv_transpose_backward,
    conv_transpose_forward,
    conv_transpose_output_size,
)

__version__ = "0.1.0"


def __getattr__(name):
    # PEP 562: cnnlib.symbolic, and SymPy with it (most of the import time), is imported on first use
    if name == "symbolic":
        import importlib

        return importlib.import_module(".symbolic", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), "symbolic"])


__all__ = [
    "ACTIVATIONS",
    "col2im",
    "conv_backward",
    "conv_forward",
    "conv_transpose_backward",
    "conv_transpose_forward",
    "conv_transpose_output_size",
    "convolve1d",
    "convolve2d",
    "correlate1d",
    "correlate2d",
    "global_avg_pool_backward",
    "global_avg_pool_forward",
    "gradcheck",
    "identity",
    "identity_derivative",
    "im2col",
    "language",
    "layers",
    "numerical_gradient",
    "output_size",
    "pad",
    "pool_backward",
    "pool_forward",
    "reference",
    "relative_error",
    "relu",
    "relu_derivative",
    "rot180",
    "set_language",
    "sigmoid",
    "sigmoid_derivative",
    "symbolic",
    "tanh",
    "tanh_derivative",
]
