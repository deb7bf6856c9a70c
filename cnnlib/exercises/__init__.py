"""Check a reader's implementation of a layer, and name the mistake if it has one.

    from cnnlib import exercises
    report = exercises.check("conv_backward", my_conv_backward)
    print(report)          # one line on success; on failure the smallest failing
                           # case, expected and got, and the diagnosed mistake
    report.passed, report.mistakes

``check`` tries the function on a sequence of cases (:mod:`.cases`), from one
channel and stride 1 to batches, channels, strides, padding, leftover rows,
ties, overlapping windows and float inputs, against :mod:`cnnlib.reference`
(exactly where the inputs are integers and the result whole numbers, within
:data:`.run.TOLERANCE`, relative or absolute, otherwise), judges every case
and shows the first failure. To diagnose it (:mod:`.diagnose`), it runs the
catalogued mistakes (:mod:`.mistakes`), one and then two at a time, and names
those that reproduce what the function did on the failing case (its values,
or its exception), pass every case the function passes, and take part in
explaining its later wrong values; an exception no mistake reproduces may say
its cause itself (:mod:`.errors`). When nothing fits, it says what differs
(:func:`.run.differences`), and does not guess. It never raises on account of
the function: an exception, a crash, ``None``, a wrong shape or dtype, a
changed input or a run past ``time_limit`` seconds is reported as what it is.
On Linux each call runs in a child process killed at the time limit; elsewhere
in a thread, which a bare ``except:`` or a long C call can keep running, and
then the report says it could not be stopped (:mod:`.run`).

A report says nothing in a sentence of its own: what went wrong is a keyed
message (:mod:`.messages`), said in the report's language from the tables of
:mod:`.en` and :mod:`.zh` (:mod:`.report`).
"""

from __future__ import annotations

import numpy as np

from ..i18n import language
from .cases import ARG_NAMES as _ARG_NAMES
from .cases import CASES
from .cases import PARTS as _PARTS
from .cases import expected as _expected
from .diagnose import diagnose
from .en import SECTIONS
from .errors import as_pairs, explain, has_pairs
from .messages import Message
from .mistakes import MISTAKES
from .report import Report, describe_cases, mistakes_table
from .run import (
    call,
    compare,
    differences,
    focus_of,
    mark_differences,
    show,
)

__all__ = [
    "check",
    "Report",
    "EXERCISES",
    "MISTAKES",
    "SECTIONS",
    "describe_cases",
    "mistakes_table",
]

EXERCISES = tuple(CASES)


def _call(name, case):
    """The call a case makes, with its arrays as shapes: ``conv_forward(A_prev (1, 3, 3, 1), W (2, 2, 1, 1), ...)``."""
    parts = []
    for arg_name, value in zip(_ARG_NAMES[name], case.args):
        parts.append(
            f"{arg_name} {value.shape}"
            if isinstance(value, np.ndarray)
            else f"{arg_name}={value!r}"
        )
    parts += [f"{k}={v!r}" for k, v in case.kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _same(a, b):
    return compare(a, b)[0] if a is not None else False


def _show_pair(name, got, expected):
    """Expected and got as text (or a message for a large array), for the part that is wrong, at the first
    entry that differs."""
    if isinstance(expected, tuple):
        for k, (g, e) in enumerate(zip(got, expected)):
            if not compare(g, e)[0]:
                label, weights = _PARTS[name][k], _PARTS[name][k] == "dW"
                if g is None:
                    return (
                        Message(
                            "part_value",
                            part=label,
                            value=show(e, weights=weights),
                        ),
                        f"{label} None",
                        k,
                    )
                at = focus_of(g, e, weights)
                shown = (show(e, at, weights), show(g, at, weights))
                return (
                    *(
                        Message("part_value", part=label, value=v)
                        for v in shown
                    ),
                    k,
                )
        return None, None, None
    if isinstance(expected, int):
        return str(expected), repr(got), None
    at = focus_of(got, expected)
    return show(expected, at), show(np.asarray(got), at), None


def check(name, fn, time_limit=5.0, lang=None, cases=None):
    """Try ``fn`` on the cases of exercise ``name``; a :class:`Report` (never raises on ``fn``'s account).

    The report is in ``lang`` (``"en"`` or ``"zh"``), by default in the language set by
    :func:`cnnlib.set_language`, which the Chinese edition's notebooks set to Chinese. ``cases`` is
    the list of cases to try, in order (by default all of ``CASES[name]``, see :func:`describe_cases`).
    """
    if name not in CASES:
        raise ValueError(
            f"name must be one of {', '.join(EXERCISES)}, got {name!r}"
        )
    lang = language(lang)
    if not callable(fn):
        return Report(
            name,
            False,
            problem=Message("not_a_function", type=type(fn).__name__),
            lang=lang,
        )
    cases = CASES[name] if cases is None else list(cases)
    report = Report(name, False, cases_total=len(cases), lang=lang)
    seen = {}  # the function's outcome on each case tried
    for k, case in enumerate(
        cases
    ):  # every case, so that the report can say what already works
        outcome = seen[k] = call(
            fn, case.args, case.kwargs, _ARG_NAMES[name], time_limit
        )
        if (
            outcome.error is not None
            and "NotImplementedError" in outcome.error.kinds
        ):
            report.problem = Message("not_written")
            return report
        if (
            outcome.timeout
            or outcome.crashed is not None
            or outcome.exited is not None
        ):
            break  # the cases after one that had to be stopped are not run
    report.results = [
        _judge(name, cases[k], outcome) for k, outcome in seen.items()
    ]
    failing = [k for k, (ok, _) in enumerate(report.results) if not ok]
    if not failing:
        report.passed, report.cases_passed, report.results = (
            True,
            len(cases),
            [],
        )
        return report
    k = failing[0]
    case, outcome, expected = cases[k], seen[k], _expected(name, cases[k])
    report.cases_passed, report.case, report.call = (
        k,
        case.label,
        _call(name, case),
    )
    report.labels = [c.label for c in cases]
    if outcome.timeout:
        report.problem = Message(
            "timeout" if outcome.stopped else "timeout_running",
            limit=time_limit,
        )
        return report
    if outcome.crashed is not None or outcome.exited is not None:
        report.problem = (Message("crashed", signal=outcome.crashed) if outcome.crashed is not None
                          else Message("exited", code=outcome.exited))  # fmt: skip
        return report
    if outcome.error is not None:
        error = outcome.error
        report.problem = Message(
            "raised", error=error.name, message=error.message
        )
        report.line = error.line.strip() or None
        _diagnose(report, name, fn, cases, k, seen, time_limit)
        return report
    if outcome.changed:
        report.problem = Message("changed_input", arg=outcome.changed)
        return report
    report.problem = compare(
        outcome.value, expected, _PARTS.get(name), exact=case.exact
    )[1]
    got = _normalised(outcome.value)
    report.expected, report.got, part, report.diff = _shown(
        name, got, expected
    )
    _diagnose(
        report, name, fn, cases, k, seen, time_limit, got, expected, part
    )
    return report


def _judge(name, case, outcome):
    """``(ok, parts)`` of one case: whether ``fn`` got it right and, for a tuple result, each part's verdict."""
    if (
        outcome.timeout
        or outcome.crashed is not None
        or outcome.exited is not None
        or outcome.error is not None
    ):
        return False, None
    if outcome.changed:
        return False, None
    expected = _expected(name, case)
    same = compare(
        outcome.value, expected, _PARTS.get(name), exact=case.exact
    )[0]
    parts = None
    if (
        _PARTS.get(name)
        and isinstance(outcome.value, (tuple, list))
        and len(outcome.value) == len(expected)
    ):
        parts = tuple(
            compare(g, e, exact=case.exact)[0]
            for g, e in zip(_normalised(outcome.value), expected)
        )
    return same, parts


def _normalised(value):
    """The function's output with arrays as numpy arrays, so that it can be compared with the candidates'."""
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


def _shown(name, got, expected):
    """Expected and got as text, the part that differs (for a tuple), and the entries that differ, marked."""
    try:
        e, g, part = _show_pair(name, got, expected)
    except Exception:
        return None, None, None, None
    try:
        if part is not None:
            got, expected = got[part], expected[part]
        diff = mark_differences(
            got,
            expected,
            weights=part is not None and _PARTS[name][part] == "dW",
        )
    except Exception:
        diff = None
    return e, g, part, diff


def _diagnose(
    report,
    name,
    fn,
    cases,
    k,
    seen,
    time_limit,
    got=None,
    expected=None,
    part=None,
):
    """Name the mistake (or the two) that reproduce what ``fn`` did at case ``k``, or say what differs."""
    try:
        found = diagnose(name, fn, cases, k, seen, time_limit)
    except (
        Exception
    ):  # a diagnosis that cannot be made is left out, never raised
        found = None
    error = seen[k].error
    if found and len(found) == 1 and len(found[0]) == 1:
        report.mistakes = list(found[0])
    elif found and len(found) == 1:
        report.mistakes = list(found[0])
    elif found and all(len(keys) == 1 for keys in found):
        report.candidates = [keys[0] for keys in found]
    elif error is not None:
        key = explain(
            error,
            name,
            cases[k],
            lambda: _refuses_pairs(name, fn, cases, k, seen, time_limit),
        )
        report.mistakes = [key] if key else []
    else:
        report.facts = _facts(got, expected, part, name)
    report.mistake = (
        report.mistakes[0] if len(report.mistakes) == 1 else None
    )


def _refuses_pairs(name, fn, cases, k, seen, time_limit):
    """Whether ``fn`` fails a case it passed once that case's stride, padding or window are pairs (s, s)."""
    for j in range(k):
        if has_pairs(cases[j]):
            continue
        probe = as_pairs(cases[j])
        outcome = call(
            fn, probe.args, probe.kwargs, _ARG_NAMES[name], time_limit
        )
        if (
            outcome.error is not None
            or outcome.timeout
            or outcome.crashed is not None
            or outcome.exited is not None
        ):
            return True
        return not compare(
            outcome.value,
            _expected(name, cases[j]),
            _PARTS.get(name),
            exact=cases[j].exact,
        )[0]
    return False


def _facts(got, expected, part, name):
    weights = part is not None and _PARTS[name][part] == "dW"
    try:
        if isinstance(expected, tuple):
            if (
                part is None
                or not isinstance(got, tuple)
                or len(got) != len(expected)
            ):
                return []
            got, expected = got[part], expected[part]
        g = np.asarray(got, dtype=np.float64)
        if isinstance(expected, int) or g.shape != np.shape(expected):
            return []
        return differences(
            g, np.asarray(expected, dtype=np.float64), weights
        )
    except Exception:
        return []
