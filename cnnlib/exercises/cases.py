"""The test cases of each exercise, from the simplest to the general.

A case is the arguments of one call, small integer arrays a reader can check
by hand at first, then batches, channels, strides, padding, non-square
kernels, leftover rows, ties and overlapping windows; each exercise ends with
float inputs. The expected value comes from ``cnnlib.reference`` (the loops of
the book's formulas).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .practice import SPECS

__all__ = ["ARG_NAMES", "CASES", "EQUATIONS", "PARTS", "Case", "expected"]


@dataclass
class Case:
    """One call: ``fn(*args, **kwargs)``, and what it shows (``label``)."""

    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)

    @property
    def exact(self):
        """Whether the inputs are all integers, so that a whole-number result is compared exactly."""
        return all(
            np.asarray(a).dtype.kind in "iu"
            for a in self.args
            if isinstance(a, np.ndarray)
        )


def _ints(rng, shape, low=-3, high=3):
    return rng.integers(low, high + 1, size=shape)


def _rot180_cases(rng):
    return [
        Case("a 2x2 kernel", (np.array([[1, 2], [3, 4]]),)),
        Case("a 3x3 kernel", (np.arange(1, 10).reshape(3, 3),)),
        Case("a non-square 2x3 kernel", (np.arange(1, 7).reshape(2, 3),)),
        Case("a 1x4 kernel", (np.array([[1, 2, 3, 4]]),)),
        Case("a 4x1 kernel", (np.array([[1], [2], [3], [4]]),)),
        Case("a 3x2 kernel with negative entries", (_ints(rng, (3, 2)),)),
    ]


def _image_cases(rng):
    return [
        Case(
            "a 3x3 image, a 2x2 kernel",
            (np.arange(1, 10).reshape(3, 3), np.array([[1, 2], [3, 4]])),
        ),
        Case(
            "a 4x5 image, a 2x3 kernel",
            (
                np.arange(20).reshape(4, 5),
                np.array([[1, 0, 2], [-1, 3, 1]]),
            ),
        ),
        Case("a 1x1 kernel", (np.arange(6).reshape(2, 3), np.array([[3]]))),
        Case(
            "a kernel as large as the image",
            (np.array([[1, 2], [3, 4]]), np.array([[2, -1], [0, 1]])),
        ),
        Case(
            "random 5x4 image, 3x2 kernel",
            (_ints(rng, (5, 4)), _ints(rng, (3, 2))),
        ),
    ]


def _floats(rng, shape):
    return rng.standard_normal(shape)


def _size_cases(rng):
    return [
        Case("n=5, f=3", (5, 3)),
        Case("n=5, f=3, p=1", (5, 3, 1)),
        Case("n=7, f=3, p=0, s=2 (s divides n + 2p - f)", (7, 3, 0, 2)),
        Case("n=8, f=3, p=0, s=2 (a leftover row)", (8, 3, 0, 2)),
        Case("n=6, f=2, p=1, s=3", (6, 2, 1, 3)),
        Case("n=10, f=3, p=0, s=4 (gaps between windows)", (10, 3, 0, 4)),
        Case("n=7, f=7 (one window)", (7, 7)),
        Case("n=4, f=1, p=0, s=3", (4, 1, 0, 3)),
        Case("n=9, f=4, p=2, s=3", (9, 4, 2, 3)),
    ]


def _conv(rng, m, h, w, c_prev, c, k1, k2, bias=True):
    A = _ints(rng, (m, h, w, c_prev))
    W = _ints(rng, (k1, k2, c_prev, c))
    b = _ints(rng, (c,)) if bias else np.zeros(c, dtype=np.int64)
    return A, W, b


def _forward_cases(rng):
    A1 = np.arange(9).reshape(1, 3, 3, 1)
    W1 = np.array([[1, 2], [3, 4]]).reshape(2, 2, 1, 1)
    cases = [
        Case(
            "one 3x3 channel, a 2x2 kernel, no bias",
            (A1, W1, np.zeros(1, dtype=np.int64)),
        ),
        Case(
            "the same with a bias of 1",
            (A1, W1, np.ones(1, dtype=np.int64)),
        ),
        Case(
            "two input channels, one filter",
            _conv(rng, 1, 3, 3, 2, 1, 2, 2),
        ),
        Case(
            "two input channels, three filters",
            _conv(rng, 1, 4, 4, 2, 3, 2, 2),
        ),
        Case("stride 2", _conv(rng, 1, 5, 5, 1, 1, 3, 3), {"stride": 2}),
        Case("padding 1", _conv(rng, 1, 4, 4, 1, 2, 3, 3), {"padding": 1}),
        Case(
            "stride 2, padding 1, a leftover row",
            _conv(rng, 1, 6, 6, 2, 2, 3, 3),
            {"stride": 2, "padding": 1},
        ),
        Case(
            "a non-square 2x3 kernel on a 5x6 input",
            _conv(rng, 1, 5, 6, 1, 2, 2, 3),
        ),
        Case(
            "a non-square 3x2 kernel, padding 1",
            _conv(rng, 1, 5, 4, 2, 1, 3, 2),
            {"padding": 1},
        ),
        Case(
            "a batch of 3, stride (2, 1), padding (1, 0)",
            _conv(rng, 3, 6, 5, 3, 2, 3, 2),
            {"stride": (2, 1), "padding": (1, 0)},
        ),
    ]
    return cases


def _pool_cases(rng):
    hand = np.array(
        [[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 3, 2], [2, 6, 1, 1]]
    ).reshape(1, 4, 4, 1)
    distinct = rng.permutation(49).reshape(1, 7, 7, 1)
    return [
        Case("one 4x4 channel, 2x2 windows, max", (hand, 2)),
        Case(
            "one 4x4 channel, 2x2 windows, avg", (hand, 2), {"mode": "avg"}
        ),
        Case(
            "a batch of 2, 2 channels, max",
            (_ints(rng, (2, 4, 4, 2), 0, 9), 2),
        ),
        Case(
            "overlapping 3x3 windows, stride 1, max",
            (hand, 3),
            {"stride": 1},
        ),
        Case(
            "a 5x5 input: a leftover row and column",
            (_ints(rng, (1, 5, 5, 1), 0, 9), 2),
        ),
        Case(
            "non-square (2, 3) windows, stride (2, 1), avg",
            (_ints(rng, (2, 5, 6, 1), 0, 9), (2, 3)),
            {"stride": (2, 1), "mode": "avg"},
        ),
        Case(
            "3x3 windows, stride 2 (as in AlexNet), max",
            (distinct, 3),
            {"stride": 2},
        ),
        Case(
            "3x3 windows, stride 2, avg",
            (distinct, 3),
            {"stride": 2, "mode": "avg"},
        ),
    ]


def _backward(rng, m, h, w, c_prev, c, k1, k2, stride=1, padding=0):
    from ..shapes import as_pair, output_size

    (s1, s2), (p1, p2) = (
        as_pair(stride, "stride", minimum=1),
        as_pair(padding, "padding", minimum=0),
    )
    n_H, n_W = output_size(h, k1, p1, s1), output_size(w, k2, p2, s2)
    A = _ints(rng, (m, h, w, c_prev))
    W = _ints(rng, (k1, k2, c_prev, c))
    dZ = _ints(rng, (m, n_H, n_W, c))
    kwargs = {}
    if stride != 1:
        kwargs["stride"] = stride
    if padding != 0:
        kwargs["padding"] = padding
    return (dZ, A, W), kwargs


def _backward_cases(rng):
    A1 = np.array([[1, 2, 0], [0, 1, 3], [2, 1, 1]]).reshape(1, 3, 3, 1)
    W1 = np.array([[1, 2], [3, 4]]).reshape(2, 2, 1, 1)
    dZ1 = np.array([[1, 0], [2, -1]]).reshape(1, 2, 2, 1)
    specs = [
        ("two input channels, two filters", (1, 3, 3, 2, 2, 2, 2)),
        ("a batch of 2", (2, 3, 3, 1, 1, 2, 2)),
        ("stride 2", (1, 5, 5, 1, 1, 3, 3, 2)),
        ("padding 1", (1, 3, 3, 1, 1, 2, 2, 1, 1)),
        (
            "stride 2, padding 1, a leftover row",
            (1, 6, 6, 1, 1, 3, 3, 2, 1),
        ),
        ("a non-square 2x3 kernel on a 4x5 input", (1, 4, 5, 1, 2, 2, 3)),
        (
            "a batch of 2, 3 -> 2 channels, stride (2, 1), padding (1, 0)",
            (2, 6, 5, 3, 2, 3, 2, (2, 1), (1, 0)),
        ),
    ]
    cases = [Case("one 3x3 channel, a 2x2 kernel", (dZ1, A1, W1))]
    for label, spec in specs:
        args, kwargs = _backward(rng, *spec)
        cases.append(Case(label, args, kwargs))
    return cases


def _pool_backward_cases(rng):
    distinct = np.array(
        [[1, 3, 2, 0], [4, 2, 1, 5], [0, 7, 3, 8], [6, 9, 10, 11]]
    ).reshape(1, 4, 4, 1)
    d2 = np.array([[1, 2], [3, -1]]).reshape(1, 2, 2, 1)
    ties = np.array(
        [[2, 2, 1, 3], [0, 2, 3, 3], [1, 1, 0, 0], [1, 0, 0, 0]]
    ).reshape(1, 4, 4, 1)
    over = np.array(
        [[1, 5, 2, 0], [4, 2, 6, 3], [0, 7, 3, 1], [8, 1, 2, 9]]
    ).reshape(1, 4, 4, 1)
    tied7 = rng.integers(0, 3, size=(2, 7, 7, 2))
    many = _ints(rng, (2, 4, 4, 2), 0, 20)
    return [
        Case("4x4, 2x2 windows, max, distinct values", (d2, distinct, 2)),
        Case("4x4, 2x2 windows, avg", (d2, distinct, 2), {"mode": "avg"}),
        Case(
            "a batch of 2, 2 channels, max",
            (
                _ints(rng, (2, 2, 2, 2)),
                many + 100 * np.arange(64).reshape(many.shape),
                2,
            ),
        ),
        Case("ties inside the 2x2 windows, max", (d2, ties, 2)),
        Case(
            "overlapping 3x3 windows, stride 1, max",
            (d2, over, 3),
            {"stride": 1},
        ),
        Case(
            "overlapping 3x3 windows, stride 1, avg",
            (d2, over, 3),
            {"stride": 1, "mode": "avg"},
        ),
        Case(
            "a 5x5 input: a leftover row and column",
            (
                d2,
                _ints(rng, (1, 5, 5, 1), 0, 30) * 7
                + np.arange(25).reshape(1, 5, 5, 1),
                2,
            ),
        ),
        Case(
            "3x3 windows, stride 2, ties, batch and channels",
            (_ints(rng, (2, 3, 3, 2)), tied7, 3),
            {"stride": 2},
        ),
        Case(
            "non-square (2, 3) windows, stride (1, 2), avg",
            (_ints(rng, (2, 3, 2, 1)), _ints(rng, (2, 4, 5, 1)), (2, 3)),
            {"stride": (1, 2), "mode": "avg"},
        ),
    ]


def _later_cases(rng):
    """The cases added to each exercise after the first edition (their own random stream, so that the
    arrays of the cases before them stay as they were)."""
    window32 = rng.permutation(40).reshape(1, 8, 5, 1)
    # two channels whose maxima sit in different places: channel 1 is channel 0 turned by 180°
    turned = np.concatenate([window32, window32[:, ::-1, ::-1]], axis=3)
    # integer inputs with float weights: the result needs floats, whatever the input's dtype
    A_f, W_f, b_f = (
        _ints(rng, (2, 6, 4, 2)),
        _floats(rng, (3, 2, 2, 3)),
        _floats(rng, (3,)),
    )
    dZ_f = _floats(rng, (2, 6, 5, 3))
    return {
        "correlate2d": [
            Case(
                "float image and kernel",
                (_floats(rng, (4, 5)), _floats(rng, (2, 3))),
            )
        ],
        "convolve2d": [
            Case(
                "float image and kernel",
                (_floats(rng, (4, 5)), _floats(rng, (2, 3))),
            )
        ],
        "conv_forward": [
            Case(
                "stride (1, 2), no padding",
                _conv(rng, 1, 4, 7, 1, 2, 2, 3),
                {"stride": (1, 2)},
            ),
            Case(
                "integer input, float weights, padding 1",
                (A_f, W_f, b_f),
                {"padding": 1},
            ),
        ],
        "pool_forward": [
            Case(
                "non-square (3, 2) windows, stride 1, max, maxima in different places per channel",
                (turned, (3, 2)),
                {"stride": 1},
            ),
            Case(
                "a 6x4 input, 2x2 windows: more rows of windows than columns, max",
                (rng.permutation(48).reshape(1, 6, 4, 2), 2),
            ),
            Case(
                "float inputs, overlapping 3x3 windows, stride 1, avg",
                (_floats(rng, (1, 6, 5, 2)), 3),
                {"stride": 1, "mode": "avg"},
            ),
        ],
        "conv_backward": [
            Case(
                "stride (1, 2), no padding",
                *_backward(rng, 1, 4, 7, 1, 2, 2, 3, (1, 2)),
            ),
            Case(
                "integer input, float weights and gradient, padding 1",
                (dZ_f, A_f, W_f),
                {"padding": 1},
            ),
        ],
        "pool_backward": [
            Case(
                "non-square (3, 2) windows, stride 1, max, maxima in different places per channel",
                (_ints(rng, (1, 6, 4, 2)), turned, (3, 2)),
                {"stride": 1},
            ),
            Case(
                "float upstream gradient, overlapping 3x3 windows, stride 1, max",
                (_floats(rng, (1, 4, 3, 2)), turned[:, :6, :5], 3),
                {"stride": 1},
            ),
        ],
    }


def _build():
    rng = np.random.default_rng(2026)
    cases = {
        "rot180": _rot180_cases(rng),
        "correlate2d": _image_cases(rng),
        "convolve2d": _image_cases(rng),
        "output_size": _size_cases(rng),
        "conv_forward": _forward_cases(rng),
        "pool_forward": _pool_cases(rng),
        "conv_backward": _backward_cases(rng),
        "pool_backward": _pool_backward_cases(rng),
    }
    for name, later in _later_cases(np.random.default_rng(2027)).items():
        cases[name] += later
    for name, spec in SPECS.items():
        cases[name] = [
            Case(label, tuple(args), dict(kwargs))
            for label, args, kwargs in spec.cases(
                np.random.default_rng(spec.seed)
            )
        ]
    return cases


CASES = _build()


# The names of each exercise's positional arguments (a report shows a call by them), and the names of the
# parts of a result that is a tuple.
ARG_NAMES = {
    "rot180": ("K",),
    "correlate2d": ("I", "K"),
    "convolve2d": ("I", "K"),
    "output_size": ("n", "f", "p", "s"),
    "conv_forward": ("A_prev", "W", "b"),
    "pool_forward": ("A_prev", "size"),
    "conv_backward": ("dZ", "A_prev", "W"),
    "pool_backward": ("dA", "A_prev", "size"),
}
PARTS = {"conv_backward": ("dA_prev", "dW", "db")}
ARG_NAMES.update({name: spec.arg_names for name, spec in SPECS.items()})

# The labels of the equations that give each exercise's right formula (the report names them by number,
# and the web book links the numbers to them).
EQUATIONS = {
    "rot180": ("eq-xcorr-relation",),
    "correlate2d": ("eq-xcorr-corr2d",),
    "convolve2d": ("eq-xcorr-conv2d", "eq-xcorr-relation"),
    "output_size": ("eq-notation-size",),
    "conv_forward": ("eq-convfwd-batch",),
    "pool_forward": ("eq-poolfwd-max", "eq-poolfwd-avg"),
    "conv_backward": (
        "eq-convbwd-dw-general",
        "eq-convbwd-db-general",
        "eq-convbwd-da-general",
    ),
    "pool_backward": ("eq-poolbwd-max", "eq-poolbwd-avg"),
    **{name: spec.equations for name, spec in SPECS.items()},
}
PARTS.update(
    {name: spec.parts for name, spec in SPECS.items() if spec.parts}
)


def expected(name, case):
    """What exercise ``name`` returns on ``case``, from the reference loops (a tuple of arrays for a tuple)."""
    from .. import reference
    from ..correlate import rot180
    from ..shapes import output_size

    fn = (
        SPECS[name].answer
        if name in SPECS
        else (
            {"rot180": rot180, "output_size": output_size}.get(name)
            or getattr(reference, name)
        )
    )
    out = fn(*case.args, **case.kwargs)
    return (
        tuple(np.asarray(x) for x in out) if isinstance(out, tuple) else out
    )
