"""Which catalogued mistakes reproduce what a function did: one, or two together.

A function failed case ``k``: it returned a wrong value or raised. Its *behaviour* on a case is what
it returned, or the kind of exception it raised (the exception's class, and its message with the
numbers and shapes taken out, so that a broadcast error is a broadcast error whatever the shapes).
A candidate (a catalogued mistake as code, :mod:`.mistakes`) *reproduces* the function when it
behaves the same on case ``k`` and on every case the function passes, before ``k`` or after it: a
mistake that would have failed a case the function passes is vetoed by that case. When no single mistake reproduces the
function, pairs of mistakes of the layer exercises (:mod:`.slips`) are tried together. When more
than one explanation is left, the function is run on the cases after ``k`` too, and only the
explanations that reproduce what it returns there as well are kept.
"""

from __future__ import annotations

import itertools
import re
import warnings

import numpy as np

from . import slips
from .cases import ARG_NAMES, PARTS, expected
from .mistakes import CATALOGUE, slipped
from .run import Raised, call, compare

__all__ = ["diagnose"]

_NA = object()  # a candidate whose mistake does not apply to the case


def _kind(raised):
    """An exception as evidence: its class and what its message says, or None for an exception that says
    too little to tell one mistake from another (an IndexError can come from any index).

    Two kinds are evidence: numpy's broadcast errors (shapes that do not fit, noting whether one of them
    is empty, as a crop ``X[0:-0]`` is), and a cast refused (a float added into an integer array). An
    index past the end of an axis is weak evidence, word for word: a mistake it points at must also
    reproduce everything the function does on the later cases."""
    message = raised.message
    if "broadcast" in message:
        return "broadcast", bool(re.search(r"[(,]\s*0\s*[,)]", message))
    if message.startswith("Cannot cast ufunc"):
        return "cast", re.sub(r"\([^()]*\)", "()", message)
    if "IndexError" in raised.kinds:
        return (
            "index",
            message,
        )  # weak: the same index past the same axis, and shown again later (diagnose)
    return None


def _behaviour(outcome):
    if outcome.error is not None:
        return ("raised", _kind(outcome.error))
    if (
        outcome.timeout
        or outcome.crashed is not None
        or outcome.exited is not None
    ):
        return ("stopped", None)
    return ("returned", _normalised(outcome.value))


def _normalised(value):
    if isinstance(value, (tuple, list)) and not all(
        isinstance(v, (int, float)) for v in value
    ):
        return tuple(_normalised(v) for v in value)
    if value is None or isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        return value
    try:
        return np.asarray(value)
    except Exception:
        return value


def _same(a, b, exact):
    if isinstance(b, tuple) != isinstance(a, tuple):
        return False
    try:
        return compare(a, b, exact=exact)[0]
    except Exception:
        return False


class _Runs:
    """The candidates' behaviour on the cases, each computed once."""

    def __init__(self, cases):
        self.cases, self.memo = cases, {}

    def __call__(self, candidate, j):
        key = (
            candidate,
            j,
        )  # the candidate itself, kept alive by the memo (an id could be reused)
        if key not in self.memo:
            case = self.cases[j]
            try:
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter(
                        "ignore"
                    )  # a mistake's mean of an empty window, say
                    value = candidate(*case.args, **case.kwargs)
                self.memo[key] = (
                    _NA
                    if value is None
                    else ("returned", _normalised(value))
                )
            except Exception as error:
                self.memo[key] = ("raised", _kind(Raised.of(error)))
        return self.memo[key]


def _agrees(theirs, ours, case):
    """Whether a candidate's behaviour ``ours`` is the function's ``theirs`` (None: no evidence)."""
    if ours is _NA:
        return None
    if theirs[0] != ours[0]:
        return False
    if theirs[0] == "raised":
        return theirs[1] is not None and theirs[1] == ours[1]
    return _same(theirs[1], ours[1], case.exact)


def diagnose(name, fn, cases, k, seen, time_limit):
    """The explanations of ``fn``'s failure at ``cases[k]``: a list of tuples of mistake keys, one tuple
    per explanation left (one key, or two for a pair). ``seen`` holds ``fn``'s outcomes on the cases
    tried so far, and gains those of the cases after ``k`` when they are needed."""
    runs = _Runs(cases)
    behaviour = {j: _behaviour(outcome) for j, outcome in seen.items()}

    def reproduces(candidate, js):
        return all(
            _agrees(behaviour[j], runs(candidate, j), cases[j]) is not False
            for j in js
        )

    def fits(candidate):
        return _agrees(
            behaviour[k], runs(candidate, k), cases[k]
        ) is True and reproduces(candidate, range(k))

    found = {}
    for key, candidates in CATALOGUE[name]:
        kept = [c for c in candidates if fits(c)]
        if kept:
            found[(key,)] = kept
    if not found and name in slips.VARIANTS:
        for (a, va), (b, vb) in _pairs(slips.VARIANTS[name]):
            candidate = slipped(name, {a: va, b: vb})
            if fits(candidate):
                found.setdefault((a, b), []).append(candidate)
    if not found:
        return []
    for j in range(k + 1, len(cases)):
        if (
            j not in seen
        ):  # check runs every case it can; a case after a stopped one is run here
            case = cases[j]
            seen[j] = call(
                fn, case.args, case.kwargs, ARG_NAMES[name], time_limit
            )
        behaviour[j] = _behaviour(seen[j])
    # A later case the function passes vetoes, as an earlier one does, every mistake that would fail it.
    passed = [
        j
        for j in range(k + 1, len(cases))
        if _passes(name, seen[j], cases[j])
    ]
    found = _keep(found, lambda c: reproduces(c, passed))
    # A mistake must also take part in explaining every wrong value the function returns later, alone or
    # with one more mistake: else its match at k is a coincidence (a window of the wrong size can give a
    # 1 x 1 output that happens to match; np.floor(...) + 1 returns the float that (n + 2p − f)/s + 1 does
    # whenever s divides n + 2p − f). An exception that a mistake reproduces, an empty crop or a refused
    # cast, says enough by itself.
    failed = [
        j
        for j in range(k + 1, len(cases))
        if behaviour[j][0] == "returned" and j not in passed
    ]
    if (
        behaviour[k][0] == "raised"
        and behaviour[k][1]
        and behaviour[k][1][0] == "index"
    ):
        found = _keep(
            found, lambda c: reproduces(c, range(k + 1, len(cases)))
        )
    specific = (
        behaviour[k][0] == "raised"
        and behaviour[k][1] is not None
        and behaviour[k][1][0] != "index"
    )
    if failed and not specific:
        found = {
            keys: kept
            for keys, kept in found.items()
            if _explains(name, keys, kept, failed, runs, behaviour, cases)
        }
    if len(found) > 1:
        # A later case the function fails by raising tells nothing about a candidate that returns there: the
        # exception may come from a mistake that the case is the first to show.
        later = [
            j
            for j in range(k + 1, len(cases))
            if behaviour[j][0] == "returned"
        ]
        found = _keep(found, lambda c: reproduces(c, later)) or found
    if len(found) > 1 and failed:
        # one explanation reproduces every later wrong value another one does, and more: it is the better
        shown = {keys: {j for j in failed for c in kept if _agrees(behaviour[j], runs(c, j), cases[j]) is True}
                 for keys, kept in found.items()}  # fmt: skip
        best = [
            keys
            for keys in found
            if all(
                shown[keys] > shown[other]
                for other in found
                if other != keys
            )
        ]
        if best:
            found = {best[0]: found[best[0]]}
    return list(found)


def _keep(found, test):
    """The explanations of ``found`` that keep a candidate passing ``test``, each with those candidates."""
    kept = {
        keys: [c for c in candidates if test(c)]
        for keys, candidates in found.items()
    }
    return {
        keys: candidates for keys, candidates in kept.items() if candidates
    }


def _explains(name, keys, kept, failed, runs, behaviour, cases):
    """Whether mistakes ``keys`` take part in explaining every later wrong value: each of the ``failed``
    cases is reproduced by them, or by them and one more mistake (a student may make two)."""
    for c in kept:
        if all(
            _explained(name, keys, c, j, runs, behaviour, cases)
            for j in failed
        ):
            return True
    return False


def _explained(name, keys, candidate, j, runs, behaviour, cases):
    if _agrees(behaviour[j], runs(candidate, j), cases[j]) is not False:
        return True
    if (
        len(keys) > 1
        or name not in slips.VARIANTS
        or not hasattr(candidate, "slips")
    ):
        return False  # a pair, or a mistake that is no switch (wrong_layers): no third mistake joins it
    for other, variants in slips.VARIANTS[name].items():
        if other == keys[0]:
            continue
        for variant in variants:
            if (
                _agrees(
                    behaviour[j],
                    runs(
                        _pair_of(name, candidate.slips, other, variant), j
                    ),
                    cases[j],
                )
                is True
            ):
                return True
    return False


_PAIRS = {}


def _pair_of(name, mistakes, other, variant):
    # one candidate per pair, kept, so that the memo of _Runs serves it again
    key = (name, tuple(mistakes.items()), other, variant)
    if key not in _PAIRS:
        _PAIRS[key] = slipped(name, {**mistakes, other: variant})
    return _PAIRS[key]


def _passes(name, outcome, case):
    if (
        outcome.error is not None
        or outcome.timeout
        or outcome.crashed is not None
        or outcome.exited is not None
    ):
        return False
    if outcome.changed:
        return False
    return compare(
        outcome.value,
        expected(name, case),
        PARTS.get(name),
        exact=case.exact,
    )[0]


def _pairs(table):
    """Every two different mistakes of one exercise, each in each of its variants."""
    keys = list(table)
    for a, b in itertools.combinations(keys, 2):
        for va, vb in itertools.product(table[a], table[b]):
            yield (a, va), (b, vb)
