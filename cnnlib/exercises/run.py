"""Calling a student's function safely, and describing what it returned.

``call`` runs the function in a worker thread with a time limit, on copies of
the arguments, and reports an exception, a timeout or a changed input instead
of letting any of them escape. ``compare`` says whether a result equals the
expected one and, when it does not, what kind of difference it is. What they
say is a :class:`.messages.Message`, a key of the language tables (:mod:`.en`,
:mod:`.zh`) and its values, never a sentence.
"""

from __future__ import annotations

import ctypes
import operator
import threading
import warnings
from dataclasses import dataclass

import numpy as np

from .messages import Message

__all__ = ["Outcome", "call", "compare", "differences", "focus_of", "show"]


class _TimeUp(Exception):
    """Raised inside a worker thread that ran past its time limit."""


@dataclass
class Outcome:
    """What one call did: ``value``, or ``error`` (an exception), ``timeout``, or a ``changed`` input."""

    value: object = None
    error: BaseException | None = None
    timeout: bool = False
    changed: str | None = None


def _stop(thread):
    # Ask a runaway worker to stop: Python raises _TimeUp in it at its next bytecode (a sleep ends first).
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(_TimeUp))


def call(fn, args, kwargs, names, time_limit):
    """Run ``fn(*args, **kwargs)`` on copies of the arguments, within ``time_limit`` seconds."""
    copies = [np.copy(a) if isinstance(a, np.ndarray) else a for a in args]
    box = {}

    def work():
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                box["value"] = fn(*copies, **kwargs)
        except _TimeUp:
            pass
        except BaseException as error:  # the student's exception is data here, not a failure of the checker
            box["error"] = error

    worker = threading.Thread(target=work, name="exercise-check", daemon=True)
    worker.start()
    worker.join(time_limit)
    if worker.is_alive():
        _stop(worker)
        return Outcome(timeout=True)
    if "error" in box:
        return Outcome(error=box["error"])
    for name, original, copy in zip(names, args, copies):
        if isinstance(original, np.ndarray) and not (copy.shape == original.shape and np.array_equal(copy, original)):
            return Outcome(value=box.get("value"), changed=name)
    return Outcome(value=box.get("value"))


def _as_real_array(x):
    """``x`` as a numeric array, or a message saying why it is not one."""
    if x is None:
        return None, Message("returned_none")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = np.asarray(x)
    except Exception:  # ragged lists and the like
        return None, Message("not_an_array", type=type(x).__name__)
    if a.dtype == object:
        try:
            a = a.astype(np.float64)
        except (TypeError, ValueError):
            # (an empty object array converts, so there is a first entry)
            return None, Message("array_of", type=type(a.flat[0]).__name__)
    if a.dtype.kind == "b":
        return None, Message("array_of_bools")
    if a.dtype.kind not in "iuf":
        return None, Message("not_real", dtype=a.dtype)
    return a, None


def compare(got, expected, parts=None):
    """``(True, None)`` when ``got`` equals ``expected``; else ``(False, a Message saying what is wrong)``.

    ``expected`` is an int (a size), an array, or a tuple of arrays. Integer
    results may come back as floats with the same values; an integer result
    where fractions are expected is a wrong dtype.
    """
    if isinstance(expected, tuple):
        if not isinstance(got, (tuple, list)):
            return False, Message("not_a_tuple", type=type(got).__name__, n=len(expected))
        if len(got) != len(expected):
            return False, Message("wrong_count", got=len(got), n=len(expected))
        for k, (g, e) in enumerate(zip(got, expected)):
            same, why = compare(g, e)
            if not same:
                return False, Message("in_part", part=parts[k] if parts else f"[{k}]", problem=why)
        return True, None
    if isinstance(expected, int):
        if isinstance(got, bool) or not isinstance(got, (int, np.integer)):
            return False, Message("not_an_int", value=got, type=type(got).__name__)
        return (operator.index(got) == expected), Message("wrong_size", got=got, expected=expected)
    expected = np.asarray(expected)
    a, why = _as_real_array(got)
    if why:
        return False, why
    if a.shape != expected.shape:
        return False, Message("wrong_shape", got=a.shape, expected=expected.shape)
    if a.dtype.kind in "iu" and expected.dtype.kind == "f" and not np.array_equal(expected, np.round(expected)):
        return False, Message("integers", dtype=a.dtype)
    if not np.allclose(a, expected, rtol=1e-9, atol=1e-9, equal_nan=True):
        return False, Message("wrong_values")
    return True, None


def differences(got, expected):
    """Facts (messages) about how an array ``got`` differs from ``expected`` of the same shape (no guesses)."""
    a = np.asarray(got, dtype=np.float64)
    wrong = ~np.isclose(a, expected, rtol=1e-9, atol=1e-9)
    facts = [Message("entries_differ", n=int(wrong.sum()), total=wrong.size)]
    if wrong.ndim == 4:
        axes = ((0, "only_in_example", "only_in_examples"), (1, "only_in_row", "only_in_rows"),
                (2, "only_in_column", "only_in_columns"), (3, "only_in_channel", "only_in_channels"))  # fmt: skip
        for axis, one, several in axes:
            hit = np.flatnonzero(wrong.any(axis=tuple(k for k in range(4) if k != axis)))
            if 0 < len(hit) < wrong.shape[axis]:
                facts.append(Message(several if len(hit) > 1 else one, which=hit.tolist()))
    elif wrong.ndim == 2:
        for axis, one, several in ((0, "only_in_row", "only_in_rows"), (1, "only_in_column", "only_in_columns")):
            hit = np.flatnonzero(wrong.any(axis=1 - axis))
            if 0 < len(hit) < wrong.shape[axis]:
                facts.append(Message(several if len(hit) > 1 else one, which=hit.tolist()))
    nonzero = expected != 0
    if nonzero.any():
        ratio = a[nonzero] / expected[nonzero]
        if np.allclose(ratio, ratio[0]) and np.allclose(a[~nonzero], 0) and not np.isclose(ratio[0], 1):
            facts.append(Message("scaled", ratio=ratio[0]))
    for axes in ((0, 1),) if a.ndim == 2 else ((1, 2), (0, 1)) if a.ndim == 4 else ():
        if np.allclose(a, np.flip(expected, axes)):
            facts.append(Message("turned"))
        elif a.shape[axes[0]] == a.shape[axes[1]] and np.allclose(a, np.swapaxes(expected, *axes)):
            facts.append(Message("transposed"))
    if np.allclose(a.sum(), expected.sum()) and wrong.any():
        facts.append(Message("misplaced"))
    return facts


def show(x, focus=None, weights=False, limit=10):
    """A small array as text: 2-D as it is; 4-D as one 2-D slice, ``[e, :, :, c]`` (or
    ``[:, :, c', c]`` for weights) at ``focus``, the first entry that differs; a larger one as a message."""
    x = np.asarray(x)
    if x.ndim == 4:
        a, b = focus if focus is not None else (0, 0)
        a, b = min(a, x.shape[2 if weights else 0] - 1), min(b, x.shape[3] - 1)
        block = x[:, :, a, b] if weights else x[a, :, :, b]
        where = f"[:, :, {a}, {b}]" if weights else f"[{a}, :, :, {b}]"
        if block.shape[0] <= limit and block.shape[1] <= limit:
            return f"{where} =\n{_fmt(block)}"
        return Message("array_of_shape", shape=x.shape)
    if x.ndim <= 2 and x.size <= limit * limit:
        return _fmt(x)
    return Message("array_of_shape", shape=x.shape)


def focus_of(got, expected, weights=False):
    """The (e, c) (or (c', c) for weights) of the first entry where two 4-D arrays differ."""
    try:
        g, e = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
        if g.shape != e.shape or g.ndim != 4:
            return None
        first = np.argwhere(~np.isclose(g, e, rtol=1e-9, atol=1e-9))
        if not len(first):
            return None
        idx = first[0]
        return (int(idx[2]), int(idx[3])) if weights else (int(idx[0]), int(idx[3]))
    except (TypeError, ValueError):
        return None


def _fmt(x):
    x = np.asarray(x)
    if x.dtype.kind == "f" and np.array_equal(x, np.round(x)):
        x = x.astype(np.int64)
    return np.array2string(x, precision=4, suppress_small=True, max_line_width=100)
