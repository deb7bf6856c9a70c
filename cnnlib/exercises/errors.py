"""Exceptions whose message says its cause: each rule reads what a function raised, and the case.

These explain an exception that no catalogued mistake (:mod:`.slips`, :mod:`.wrong_forward`)
reproduces. Each rule is certain from what it reads: numpy says ``only 0-dimensional arrays can be
converted`` only for ``float()`` or ``int()`` of an array that has dimensions. One rule runs the
function again: a function that fails at a case whose stride, padding or window is a pair, and also
fails a case it passed once that case's numbers are written as pairs (2 as (2, 2)), cannot take pairs. The rules'
sentences are in the language tables, :data:`.en.MISTAKES` and :data:`.zh.MISTAKES`, by key.
"""

from __future__ import annotations

__all__ = ["ERRORS", "as_pairs", "explain", "has_pairs"]

_HPARAMETERS = ("stride", "padding")


def _float_of_array(raised, case):
    return "TypeError" in raised.kinds and any(
        text in raised.message
        for text in (
            "only 0-dimensional arrays can be converted",
            "only length-1 arrays can be converted",
            "only size-1 arrays can be converted",
        )
    )


def _array_into_entry(raised, case):
    return "ValueError" in raised.kinds and raised.message.startswith(
        "setting an array element with a sequence"
    )


def _ragged(raised, case):
    return (
        _array_into_entry(raised, case)
        and "inhomogeneous" in raised.message
    )


def has_pairs(case):
    """Whether a case gives a stride, a padding or a pooling window as a pair."""
    pairs = [
        v
        for k, v in case.kwargs.items()
        if k in _HPARAMETERS and isinstance(v, tuple)
    ]
    if len(case.args) > 1 and isinstance(
        case.args[-1], tuple
    ):  # a pooling window (k1, k2)
        pairs.append(case.args[-1])
    return bool(pairs)


def as_pairs(case):
    """The same case with its stride, padding and pooling window written as pairs of equal numbers, (s, s)."""
    from .cases import Case

    args = list(case.args)
    if (len(args) == 3 and not hasattr(args[-1], "shape")) or (
        len(args) == 2 and not hasattr(args[-1], "shape")
    ):
        args[-1] = (
            (args[-1], args[-1]) if isinstance(args[-1], int) else args[-1]
        )
    kwargs = {
        k: (v, v) if isinstance(v, int) and k in _HPARAMETERS else v
        for k, v in case.kwargs.items()
    }
    if len(args) == 3 and hasattr(
        args[-1], "shape"
    ):  # a convolution: say the defaults as pairs too
        kwargs.setdefault("stride", (1, 1))
        kwargs.setdefault("padding", (0, 0))
    return Case(case.label, tuple(args), kwargs)


def _pairs_refused(raised, name, case, refuses_pairs):
    return has_pairs(case) and refuses_pairs()


def _leftover(name, case):
    """Whether the windows of a layer case leave rows or columns over (s does not divide n + 2p − f)."""
    from ..shapes import as_pair

    args, kw = case.args, case.kwargs
    if name in ("conv_forward", "conv_backward"):
        A, W = (
            (args[0], args[1])
            if name == "conv_forward"
            else (args[1], args[2])
        )
        (k1, k2), default = W.shape[:2], 1
    elif name in ("pool_forward", "pool_backward"):
        A, size = args[-2], args[-1]
        (k1, k2) = default = as_pair(size, "size", minimum=1)
    else:
        return False
    s1, s2 = as_pair(
        kw.get("stride") if kw.get("stride") is not None else default,
        "stride",
        minimum=1,
    )
    p1, p2 = as_pair(kw.get("padding", 0), "padding", minimum=0)
    return (A.shape[1] + 2 * p1 - k1) % s1 != 0 or (
        A.shape[2] + 2 * p2 - k2
    ) % s2 != 0


def _leftover_refused(raised, name, case, refuses_pairs):
    return "AssertionError" in raised.kinds and _leftover(name, case)


def _name_undefined(raised, name, case, refuses_pairs):
    return "NameError" in raised.kinds


# Order matters: the first rule that holds names the cause. ``refuses_pairs()`` runs the function on a case
# it passed with that case's stride, padding or window written as pairs (s, s): whether it then fails.
ERRORS = [
    ("pair_hparameters_unsupported", _pairs_refused),
    # what a pair does in arithmetic meant for numbers can end in these errors too: not at such cases
    (
        "ragged_array",
        lambda raised, name, case, _: (
            not has_pairs(case) and _ragged(raised, case)
        ),
    ),
    (
        "array_into_scalar_entry",
        lambda raised, name, case, _: (
            not has_pairs(case) and _array_into_entry(raised, case)
        ),
    ),
    (
        "float_of_array",
        lambda raised, name, case, _: (
            not has_pairs(case) and _float_of_array(raised, case)
        ),
    ),
    ("name_undefined", _name_undefined),
    ("leftover_rows_refused", _leftover_refused),
]


def explain(raised, name, case, refuses_pairs=lambda: False):
    """The key of the first rule of :data:`ERRORS` that explains exception ``raised`` of exercise ``name``
    at ``case``, or None."""
    for key, rule in ERRORS:
        if rule(raised, name, case, refuses_pairs):
            return key
    return None
