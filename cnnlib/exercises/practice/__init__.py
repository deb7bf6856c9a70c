"""The second round of exercises: those whose answers are not on the page, one module each.

Each module defines ``SPEC``, an :class:`Exercise`: the exercise's name and signature, the function that
computes the right answer, its cases from the simplest to the general, its catalogue of mistakes (each a
function with the exercise's signature that makes that one mistake), and its texts in English and Chinese.
The checker (:func:`cnnlib.exercises.check`) treats them like the first-round exercises: the cases join
:data:`cnnlib.exercises.cases.CASES`, the mistakes the catalogue, the texts the tables of :mod:`..en` and
:mod:`..zh`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["Exercise", "SPECS", "ints", "pair"]


def ints(rng, shape, low=-3, high=3):
    """Small random integers for a case, ``low`` to ``high`` inclusive: results a reader can check by hand."""
    return rng.integers(low, high + 1, size=shape)


def pair(x):
    """An int or a pair ``(vertical, horizontal)`` -> a pair of ints (the mistakes' own argument handling)."""
    return (x, x) if np.ndim(x) == 0 else tuple(int(v) for v in x)


@dataclass
class Exercise:
    """One exercise of the second round.

    ``cases(rng)`` returns ``(label, args, kwargs)`` triples, from the simplest to the general; ``answer``
    computes the right result for ``(*args, **kwargs)``; ``mistakes`` maps a key to a function with the
    exercise's signature that makes that one mistake (returning ``None`` where it does not apply). ``en`` and
    ``zh`` hold ``mistakes`` (key -> sentence), ``section`` (where the book derives the right formula, with
    the equation's number), ``summary`` (the success line's "from ... to ...") and, in ``zh``, ``labels``
    (each case label in Chinese).
    """

    name: str
    chapter: str
    arg_names: tuple
    answer: object
    cases: object
    mistakes: dict
    en: dict
    zh: dict
    parts: tuple | None = None
    seed: int = 2028
    equations: tuple = field(default_factory=tuple)


# in the order of the chapters
NAMES = (
    "correlate_batch",
    "transposed_output_size",
    "max_pool_argmax",
    "conv_input_gradient_full",
    "avg_pool_backward",
    "col2im",
    "dilated_conv_backward",
    "transposed_conv_forward",
    "grouped_conv_forward",
    "global_avg_pool_backward",
)


def _load():
    import importlib

    modules = [
        importlib.import_module(f".{name}", __name__) for name in NAMES
    ]
    return {module.SPEC.name: module.SPEC for module in modules}


SPECS = _load()
