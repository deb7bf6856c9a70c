"""Calling a student's function safely, and describing what it returned.

``call`` runs the function on copies of the arguments with a time limit, in a
child process on Linux (else in a worker thread, see ``ISOLATE``), and reports
an exception, a timeout, a crash or a changed input instead of letting any of
them escape. ``compare`` says whether a result equals the
expected one and, when it does not, what kind of difference it is. What they
say is a :class:`.messages.Message`, a key of the language tables (:mod:`.en`,
:mod:`.zh`) and its values, never a sentence.
"""

from __future__ import annotations

import ctypes
import faulthandler
import io
import linecache
import operator
import os
import pickle
import select
import signal
import sys
import threading
import time
import tokenize
import traceback
import warnings
from dataclasses import dataclass

import numpy as np

from .messages import Message

__all__ = [
    "ISOLATE",
    "TOLERANCE",
    "Outcome",
    "Raised",
    "call",
    "compare",
    "differences",
    "focus_of",
    "show",
]


class _TimeUp(BaseException):
    """Raised inside a worker thread that ran past its time limit. A ``BaseException``, so that a function
    that catches ``Exception`` cannot swallow it (a bare ``except:`` still can: then the report says so)."""


@dataclass
class Raised:
    """An exception the function raised: its class's ``name``, the names of the classes it derives
    from (``kinds``), its ``message``, and the ``line`` of code that raised it, when known."""

    name: str
    kinds: tuple
    message: str
    line: str = ""

    @classmethod
    def of(cls, error):
        frames = traceback.extract_tb(error.__traceback__)
        line = ""
        if frames:
            last = frames[-1]
            lines = [
                linecache.getline(last.filename, n)
                for n in range(last.lineno, (last.end_lineno or 0) + 1)
            ]
            line = _without_comments(
                " ".join(part.strip() for part in lines if part.strip())
                or (last.line or "")
            )
        return cls(
            type(error).__name__,
            tuple(k.__name__ for k in type(error).__mro__),
            str(error),
            line or "",
        )

    def __str__(self):
        return self.message


def _without_comments(line):
    """A line of code without its comments (the report shows the code that raised)."""
    try:
        tokens = [
            t
            for t in tokenize.generate_tokens(io.StringIO(line).readline)
            if t.type != tokenize.COMMENT
        ]
        return tokenize.untokenize(tokens).strip() if tokens else line
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return line.split("  #")[0].strip()


@dataclass
class Outcome:
    """What one call did: ``value``, or ``error`` (a :class:`Raised`), ``timeout`` (with ``stopped``
    saying whether the run was really ended), ``crashed`` (the process it ran in died, with this
    signal), ``exited`` (it ended that process itself, with this exit code), or a ``changed`` input."""

    value: object = None
    error: Raised | None = None
    timeout: bool = False
    stopped: bool = True
    crashed: int | None = None
    exited: int | None = None
    changed: str | None = None


# On Linux (Colab and Binder among them) each call runs in a child process, which the checker kills at
# the time limit: nothing the function does (catching every exception, a C loop that never returns)
# outlives its time. Elsewhere it runs in a thread that is asked to stop: Windows cannot fork, and on
# macOS a forked child that calls the system's BLAS (Accelerate, which numpy uses there) may crash.
ISOLATE = sys.platform.startswith("linux") and hasattr(os, "fork")


def call(fn, args, kwargs, names, time_limit, isolate=None):
    """Run ``fn(*args, **kwargs)`` on copies of the arguments, within ``time_limit`` seconds; an
    :class:`Outcome`. What the function prints is printed here, after it returns."""
    isolate = ISOLATE if isolate is None else isolate
    return (_in_child if isolate else _in_thread)(
        fn, args, kwargs, names, time_limit
    )


def _run(fn, args, kwargs, names):
    """Call ``fn`` on copies of ``args``: ``(value, Raised or None, the name of a changed input)``."""
    copies = [np.copy(a) if isinstance(a, np.ndarray) else a for a in args]
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            value = fn(*copies, **kwargs)
    except _TimeUp:
        raise
    except BaseException as error:  # the student's exception is data here, not a failure of the checker
        return None, Raised.of(error), None
    for name, original, copy in zip(names, args, copies):
        if isinstance(original, np.ndarray) and not (
            copy.shape == original.shape and np.array_equal(copy, original)
        ):
            return value, None, name
    return value, None, None


class _Unsendable:
    """Stands for a returned object that cannot be sent back from the child process (a generator, say)."""

    def __init__(self, value):
        self.type = type(value).__name__


def _in_child(fn, args, kwargs, names, time_limit):
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore", DeprecationWarning
        )  # "fork() in a multi-threaded process"
        pid = os.fork()
    if (
        pid == 0
    ):  # the child: run, send back what happened, and leave without cleaning up the parent's state
        os.close(read)
        faulthandler.disable()  # a crash is reported as such, not as the parent's traceback on its stderr
        code = 0
        try:
            printed = io.StringIO()
            sys.stdout = sys.stderr = printed
            value, error, changed = _run(fn, args, kwargs, names)
            try:
                data = pickle.dumps(
                    (value, error, changed, printed.getvalue())
                )
            except Exception:
                data = pickle.dumps(
                    (_Unsendable(value), error, changed, printed.getvalue())
                )
            view = memoryview(data)
            while view:
                view = view[os.write(write, view) :]
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    chunks, deadline, done = [], time.monotonic() + time_limit, False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([read], [], [], left)
            if ready:
                chunk = os.read(read, 1 << 16)
                if not chunk:
                    done = True
                    break
                chunks.append(chunk)
    finally:
        os.close(read)
    if not done:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return Outcome(timeout=True, stopped=True)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return Outcome(crashed=os.WTERMSIG(status))
    if not chunks:  # it ended the process itself (sys.exit in a child is os._exit, see above)
        return Outcome(exited=os.WEXITSTATUS(status))
    value, error, changed, printed = pickle.loads(b"".join(chunks))
    if printed:
        print(printed, end="")
    return Outcome(value=value, error=error, changed=changed)


def _stop(thread):
    # Ask a runaway worker to stop: Python raises _TimeUp in it at its next bytecode (a sleep ends first).
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident), ctypes.py_object(_TimeUp)
    )


def _in_thread(fn, args, kwargs, names, time_limit):
    box = {}

    def work():
        try:
            box["result"] = _run(fn, args, kwargs, names)
        except _TimeUp:
            pass

    worker = threading.Thread(
        target=work, name="exercise-check", daemon=True
    )
    worker.start()
    worker.join(time_limit)
    if worker.is_alive():
        _stop(worker)
        worker.join(
            1.0
        )  # did it stop? (not if it caught _TimeUp, or sits in C code that does not return)
        return Outcome(timeout=True, stopped=not worker.is_alive())
    value, error, changed = box["result"]
    return Outcome(value=value, error=error, changed=changed)


def _as_real_array(x):
    """``x`` as a numeric array, or a message saying why it is not one."""
    if x is None:
        return None, Message("returned_none")
    if isinstance(x, _Unsendable):
        return None, Message("not_an_array", type=x.type)
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


TOLERANCE = 1e-9


def compare(got, expected, parts=None, exact=False):
    """``(True, None)`` when ``got`` equals ``expected``; else ``(False, a Message saying what is wrong)``.

    ``expected`` is an int (a size), an array, or a tuple of arrays. With ``exact`` (a case of integer
    inputs whose result is whole numbers) the values must be equal; otherwise they may differ by
    :data:`TOLERANCE`, relative or absolute, as sums taken in another order do. Integer results may come
    back as floats with the same values; an integer result where fractions are expected is a wrong dtype.
    """
    if isinstance(expected, tuple):
        if isinstance(got, _Unsendable) or not isinstance(
            got, (tuple, list)
        ):
            kind = (
                got.type
                if isinstance(got, _Unsendable)
                else type(got).__name__
            )
            return False, Message("not_a_tuple", type=kind, n=len(expected))
        if len(got) != len(expected):
            return False, Message(
                "wrong_count", got=len(got), n=len(expected)
            )
        for k, (g, e) in enumerate(zip(got, expected)):
            same, why = compare(g, e, exact=exact)
            if not same:
                return False, Message(
                    "in_part",
                    part=parts[k] if parts else f"[{k}]",
                    problem=why,
                )
        return True, None
    if isinstance(expected, int):
        if isinstance(got, bool) or not isinstance(got, (int, np.integer)):
            kind = (
                got.type
                if isinstance(got, _Unsendable)
                else type(got).__name__
            )
            return False, Message("not_an_int", value=got, type=kind)
        return (operator.index(got) == expected), Message(
            "wrong_size", got=got, expected=expected
        )
    expected = np.asarray(expected)
    a, why = _as_real_array(got)
    if why:
        return False, why
    if a.shape != expected.shape:
        return False, Message(
            "wrong_shape", got=a.shape, expected=expected.shape
        )
    whole = np.array_equal(expected, np.round(expected))
    if a.dtype.kind in "iu" and expected.dtype.kind == "f" and not whole:
        return False, Message("integers", dtype=a.dtype)
    if exact and whole:
        if not np.array_equal(a, expected):
            return False, Message("wrong_values_exact")
    elif not np.allclose(
        a, expected, rtol=TOLERANCE, atol=TOLERANCE, equal_nan=True
    ):
        return False, Message("wrong_values_close", tolerance=TOLERANCE)
    return True, None


def differences(got, expected, weights=False):
    """Facts (messages) about how an array ``got`` differs from ``expected`` of the same shape (no guesses).

    Besides where the wrong entries are, three patterns that uncatalogued bugs leave are said when they hold
    exactly: the expected array shifted by up to two rows and two columns, wrong entries only in a frame
    along the edges (right in the interior), and, for weights ``(k1, k2, n_C_prev, n_C)``, the two channel
    axes swapped."""
    a = np.asarray(got, dtype=np.float64)
    wrong = ~np.isclose(a, expected, rtol=TOLERANCE, atol=TOLERANCE)
    if (
        not wrong.any()
    ):  # an exact comparison failed on a difference below the tolerance
        wrong = a != expected
    facts = [
        Message("entries_differ", n=int(wrong.sum()), total=wrong.size)
    ]
    if wrong.ndim == 4:
        axes = ((0, "only_in_example", "only_in_examples"), (1, "only_in_row", "only_in_rows"),
                (2, "only_in_column", "only_in_columns"), (3, "only_in_channel", "only_in_channels"))  # fmt: skip
        for axis, one, several in axes:
            hit = np.flatnonzero(
                wrong.any(axis=tuple(k for k in range(4) if k != axis))
            )
            if 0 < len(hit) < wrong.shape[axis]:
                facts.append(
                    Message(
                        several if len(hit) > 1 else one, which=hit.tolist()
                    )
                )
    elif wrong.ndim == 2:
        for axis, one, several in (
            (0, "only_in_row", "only_in_rows"),
            (1, "only_in_column", "only_in_columns"),
        ):
            hit = np.flatnonzero(wrong.any(axis=1 - axis))
            if 0 < len(hit) < wrong.shape[axis]:
                facts.append(
                    Message(
                        several if len(hit) > 1 else one, which=hit.tolist()
                    )
                )
    nonzero = expected != 0
    if nonzero.any():
        ratio = a[nonzero] / expected[nonzero]
        if (
            np.allclose(ratio, ratio[0])
            and np.allclose(a[~nonzero], 0)
            and not np.isclose(ratio[0], 1)
        ):
            facts.append(Message("scaled", ratio=ratio[0]))
    for axes in (
        ((0, 1),)
        if a.ndim == 2
        else ((1, 2), (0, 1))
        if a.ndim == 4
        else ()
    ):
        if np.allclose(a, np.flip(expected, axes)):
            facts.append(Message("turned"))
        elif a.shape[axes[0]] == a.shape[axes[1]] and np.allclose(
            a, np.swapaxes(expected, *axes)
        ):
            facts.append(Message("transposed"))
    if (
        weights
        and a.ndim == 4
        and a.shape[2] == a.shape[3]
        and np.allclose(a, np.swapaxes(expected, 2, 3))
    ):
        facts.append(Message("channels_swapped"))
    if not weights and a.ndim in (2, 4):
        rows = 0 if a.ndim == 2 else 1
        shift = _shift(a, expected, rows)
        if shift is not None:
            facts.append(
                Message("shifted", rows=shift[0], columns=shift[1])
            )
        else:
            frame = _frame(wrong, rows)
            if frame is not None:
                facts.append(Message("border_only", width=frame))
    if np.allclose(a.sum(), expected.sum()) and wrong.any():
        facts.append(Message("misplaced"))
    return facts


def _shift(a, expected, rows, most=2):
    """``(dr, dc)`` when ``a[.., r, q, ..]`` is ``expected[.., r − dr, q − dc, ..]`` wherever both exist, over at
    least half of the rows and of the columns, for the smallest such shift of at most ``most`` (None if none).
    The part compared must hold at least two different values: a constant matches every shift."""
    n1, n2 = a.shape[rows], a.shape[rows + 1]
    shifts = sorted(
        (
            (dr, dc)
            for dr in range(-most, most + 1)
            for dc in range(-most, most + 1)
            if (dr, dc) != (0, 0)
        ),
        key=lambda d: (abs(d[0]) + abs(d[1]), d),
    )
    for dr, dc in shifts:
        if (
            2 * (n1 - abs(dr)) < n1
            or 2 * (n2 - abs(dc)) < n2
            or (n1 - abs(dr) < 2 and n2 - abs(dc) < 2)
        ):
            continue
        got = a.take(range(max(dr, 0), n1 + min(dr, 0)), rows).take(
            range(max(dc, 0), n2 + min(dc, 0)), rows + 1
        )
        exp = expected.take(range(max(-dr, 0), n1 + min(-dr, 0)), rows)
        exp = exp.take(range(max(-dc, 0), n2 + min(-dc, 0)), rows + 1)
        if np.ptp(exp) > 0 and np.allclose(
            got, exp, rtol=TOLERANCE, atol=TOLERANCE
        ):
            return dr, dc
    return None


def _frame(wrong, rows, most=2):
    """The width ``w`` (at most ``most``) of the narrowest frame along the edges of the rows and columns that
    holds every wrong entry, when the interior inside it is not empty and has no wrong entry; else None."""
    n1, n2 = wrong.shape[rows], wrong.shape[rows + 1]
    spatial = wrong.any(
        axis=tuple(
            k for k in range(wrong.ndim) if k not in (rows, rows + 1)
        )
    )
    for w in range(1, most + 1):
        if n1 - 2 * w < 1 or n2 - 2 * w < 1:
            return None
        if not spatial[w : n1 - w, w : n2 - w].any():
            return w
    return None


def show(x, focus=None, weights=False, limit=10):
    """A small array as text: 2-D as it is; 4-D as one 2-D slice, ``[e, :, :, c]`` (or
    ``[:, :, c', c]`` for weights) at ``focus``, the first entry that differs; a larger one as a message."""
    x = np.asarray(x)
    if x.ndim == 4:
        a, b = focus if focus is not None else (0, 0)
        a, b = (
            min(a, x.shape[2 if weights else 0] - 1),
            min(b, x.shape[3] - 1),
        )
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
        g, e = (
            np.asarray(got, dtype=np.float64),
            np.asarray(expected, dtype=np.float64),
        )
        if g.shape != e.shape or g.ndim != 4:
            return None
        first = np.argwhere(~np.isclose(g, e, rtol=1e-9, atol=1e-9))
        if not len(first):
            return None
        idx = first[0]
        return (
            (int(idx[2]), int(idx[3]))
            if weights
            else (int(idx[0]), int(idx[3]))
        )
    except (TypeError, ValueError):
        return None


def _fmt(x):
    x = np.asarray(x)
    if x.dtype.kind == "f" and np.array_equal(x, np.round(x)):
        x = x.astype(np.int64)
    return np.array2string(
        x, precision=4, suppress_small=True, max_line_width=100
    )


def mark_differences(got, expected, weights=False, limit=10):
    """The slice that :func:`show` prints, with ``x`` at each entry that differs and ``·`` where it agrees
    (None when the two are not arrays of one shape, or the slice is too large to print)."""
    g, e = np.asarray(got), np.asarray(expected)
    if (
        g.shape != e.shape
        or g.dtype.kind not in "biuf"
        or e.dtype.kind not in "biuf"
        or g.ndim not in (2, 4)
    ):
        return None
    wrong = ~np.isclose(
        g.astype(np.float64),
        e.astype(np.float64),
        rtol=TOLERANCE,
        atol=TOLERANCE,
    )
    if not wrong.any():
        return None
    if g.ndim == 4:
        a, b = focus_of(g, e, weights) or (0, 0)
        wrong = wrong[:, :, a, b] if weights else wrong[a, :, :, b]
    if wrong.shape[0] > limit or wrong.shape[1] > limit:
        return None
    rows = [
        "[" + " ".join("x" if w else "·" for w in row) + "]"
        for row in wrong
    ]
    return "[" + ("\n ".join(rows)) + "]"
