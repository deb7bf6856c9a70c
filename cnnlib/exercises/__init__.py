"""Check a reader's implementation of a layer, and name the mistake if it has one.

    from cnnlib import exercises
    report = exercises.check("conv_backward", my_conv_backward)
    print(report)          # one line on success; on failure the smallest failing
                           # case, expected and got, and the diagnosed mistake
    report.passed, report.mistake

``check`` tries the function on a sequence of cases (:mod:`.cases`), from one
channel and stride 1 to batches, channels, strides, padding, leftover rows,
ties and overlapping windows, against :mod:`cnnlib.reference`, and stops at
the first failure. To diagnose it, it runs the catalogued wrong formulas
(:mod:`.mistakes`) on the failing case and names the one whose output the
function reproduces on every case; when none does, it says what differs,
and does not guess. It never raises on account of the function: an
exception, ``None``, a wrong shape or dtype, a changed input or a run past
``time_limit`` seconds is reported as what it is.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .. import reference
from ..correlate import rot180
from ..shapes import output_size
from .cases import CASES, SUMMARY
from .mistakes import CATALOGUE, MISTAKES, SOURCE_SLIP
from .run import call, compare, differences, focus_of, show

__all__ = ["check", "Report", "EXERCISES", "MISTAKES", "SECTIONS", "describe_cases", "mistakes_table"]

EXERCISES = tuple(CASES)

# Where the book derives the right formula.
SECTIONS = {
    "rot180": "chapter 02 (Cross-correlation and convolution), 'Convolution is correlation with a turned kernel'",
    "correlate2d": "chapter 02 (Cross-correlation and convolution), 'Definitions'",
    "convolve2d": "chapter 02 (Cross-correlation and convolution), 'Definitions' and "
    "'Convolution is correlation with a turned kernel'",
    "output_size": "chapter 01 (Notation), 'How many windows fit? A worked example'",
    "conv_forward": "chapter 03 (Forward propagation: the convolution layer), 'Building up the formula'",
    "pool_forward": "chapter 04 (Forward propagation: pooling), 'The formulas'",
    "conv_backward": "chapter 05 (Backward propagation: the convolution layer), Part 2",
    "pool_backward": "chapter 06 (Backward propagation: pooling)",
}

_ARG_NAMES = {
    "rot180": ("K",),
    "correlate2d": ("I", "K"),
    "convolve2d": ("I", "K"),
    "output_size": ("n", "f", "p", "s"),
    "conv_forward": ("A_prev", "W", "b"),
    "pool_forward": ("A_prev", "size"),
    "conv_backward": ("dZ", "A_prev", "W"),
    "pool_backward": ("dA", "A_prev", "size"),
}
_PARTS = {"conv_backward": ("dA_prev", "dW", "db")}


def _expected(name, case):
    fn = {
        "rot180": rot180,
        "correlate2d": reference.correlate2d,
        "convolve2d": reference.convolve2d,
        "output_size": output_size,
        "conv_forward": reference.conv_forward,
        "pool_forward": reference.pool_forward,
        "conv_backward": reference.conv_backward,
        "pool_backward": reference.pool_backward,
    }[name]
    out = fn(*case.args, **case.kwargs)
    return tuple(np.asarray(x) for x in out) if isinstance(out, tuple) else out


@dataclass
class Report:
    """What ``check`` found. ``str(report)`` is the text a reader sees."""

    exercise: str
    passed: bool
    mistake: str | None = None
    cases_passed: int = 0
    cases_total: int = 0
    case: str | None = None
    problem: str | None = None
    expected: str | None = None
    got: str | None = None
    facts: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    lang: str = "en"

    def __str__(self):
        t = _texts(self.lang)
        if self.passed:
            text = t["passed"].format(name=self.exercise, n=self.cases_total, summary=t["SUMMARY"][self.exercise])
            return t["wrap"](text)
        lines = [t["wrap"](t["problem"].format(name=self.exercise, problem=t["translate"](self.problem)))]
        if self.case:
            label, _, call = self.case.partition(": ")
            case = t["case_call"].format(label=t["LABELS"].get(label, label), call=call)
            lines.append(t["wrap"](t["case"].format(k=self.cases_passed + 1, n=self.cases_total, case=case), "  "))
        if self.expected is not None:
            lines += [t["expected"], _indent(self.expected), t["got"], _indent(self.got)]
        if self.mistake:
            lines.append(t["wrap"](t["diagnosis"].format(text=t["MISTAKES"][self.mistake])))
            if self.mistake in SOURCE_SLIP:
                lines.append(t["wrap"](t["slip"].format(entry=SOURCE_SLIP[self.mistake])))
        elif self.candidates:
            keys = [k for k, v in MISTAKES.items() if v in self.candidates]
            lines.append(t["wrap"](t["several"].format(text=t["sep"].join(t["MISTAKES"][k] for k in keys))))
        elif self.facts:
            lines.append(t["wrap"](t["facts"].format(text=t["sep"].join(t["translate"](f) for f in self.facts))))
        if self.problem and "NotImplementedError" not in self.problem:
            lines.append(t["wrap"](t["formula"].format(text=t["SECTIONS"][self.exercise])))
        return "\n".join(lines)


_PHRASES_EN = {
    "passed": "{name}: {n} cases passed, {summary}",
    "problem": "{name}: {problem}",
    "case": "case {k} of {n}: {case}",
    "case_call": "{label}: {call}",
    "expected": "expected:",
    "got": "got:",
    "diagnosis": "Diagnosis: {text}",
    "slip": "(Chapter 07, entry {entry}, collects the source's version.)",
    "several": "The output matches more than one known mistake: {text}",
    "facts": "No known mistake reproduces this output. What differs: {text}.",
    "formula": "The right formula: {text}.",
    "sep": "; ",
}


def _texts(lang):
    """Everything a report says, in one language: its phrases, the catalogue's texts, how it wraps."""
    if lang == "zh":
        from . import zh
        from .zh_report import PHRASES, translate

        return {**PHRASES, "problem": "{name}：{problem}", "case_call": "{label}：{call}", "sep": "；",
                "SUMMARY": zh.SUMMARY_ZH, "LABELS": zh.LABELS_ZH, "MISTAKES": zh.MISTAKES_ZH,
                "SECTIONS": zh.SECTIONS_ZH, "translate": translate, "wrap": _wrap_zh}  # fmt: skip
    return {**_PHRASES_EN, "SUMMARY": SUMMARY, "LABELS": {}, "MISTAKES": MISTAKES, "SECTIONS": SECTIONS,
            "translate": lambda sentence: sentence, "wrap": _wrap}  # fmt: skip


def _width(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _wrap_zh(text, first="", width=76):
    """Wrap mixed Chinese and Latin text by display width (a Chinese character is two columns)."""
    lines, line, used = [], first, len(first)
    closing = "，。；：、）”！？"
    for token in re.findall(r"[A-Za-z0-9_.,()\[\]=+\-*/'`≤≥−]+|\s+|.", text):
        size = sum(_width(c) for c in token)
        if used + size > width and line.strip() and token not in closing:
            lines.append(line.rstrip())
            line, used = first + "    ", len(first) + 4
            if token.isspace():
                continue
        line += token
        used += size
    lines.append(line.rstrip())
    return "\n".join(lines)


def _wrap(text, first=""):
    """Wrap prose at the width of the book's output boxes, continuation lines indented."""
    return textwrap.fill(text, width=76, initial_indent=first, subsequent_indent=first + "    ")


def _indent(text):
    return "\n".join("    " + line for line in str(text).splitlines())


def _describe(name, case):
    parts = []
    for arg_name, value in zip(_ARG_NAMES[name], case.args):
        parts.append(f"{arg_name} {value.shape}" if isinstance(value, np.ndarray) else f"{arg_name}={value!r}")
    parts += [f"{k}={v!r}" for k, v in case.kwargs.items()]
    return f"{case.label}: {name}({', '.join(parts)})"


def _same(a, b):
    return compare(a, b)[0] if a is not None else False


def _show_pair(name, got, expected):
    """Expected and got as text, for the part that is wrong, at the first entry that differs."""
    if isinstance(expected, tuple):
        for k, (g, e) in enumerate(zip(got, expected)):
            if not compare(g, e)[0]:
                label, weights = _PARTS[name][k], _PARTS[name][k] == "dW"
                if g is None:
                    return f"{label} {show(e, weights=weights)}", f"{label} None", k
                at = focus_of(g, e, weights)
                return f"{label} {show(e, at, weights)}", f"{label} {show(g, at, weights)}", k
        return None, None, None
    if isinstance(expected, int):
        return str(expected), repr(got), None
    at = focus_of(got, expected)
    return show(expected, at), show(np.asarray(got), at), None


def _candidates(name, case):
    out = []
    for key, functions in CATALOGUE[name]:
        values = []
        for fn in functions:
            try:
                with np.errstate(all="ignore"):
                    values.append(fn(*case.args, **case.kwargs))
            except Exception:
                values.append(None)
        out.append((key, values))
    return out


def check(name, fn, time_limit=5.0, lang="en"):
    """Try ``fn`` on the cases of exercise ``name``; a :class:`Report` (never raises on ``fn``'s account).

    ``lang="zh"`` gives the report in Chinese, as the Chinese edition's notebooks ask for it.
    """
    if name not in CASES:
        raise ValueError(f"name must be one of {', '.join(EXERCISES)}, got {name!r}")
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if not callable(fn):
        return Report(name, False, problem=f"expected a function, got {type(fn).__name__}", lang=lang)
    cases = CASES[name]
    report = Report(name, False, cases_total=len(cases), lang=lang)
    results = []
    for k, case in enumerate(cases):
        expected = _expected(name, case)
        outcome = call(fn, case.args, case.kwargs, _ARG_NAMES[name], time_limit)
        report.cases_passed, report.case = k, _describe(name, case)
        if outcome.timeout:
            report.problem = (
                f"still running after the time limit of {time_limit:g} s, so it was stopped (an endless loop?)"
            )
            return report
        if outcome.error is not None:
            error = outcome.error
            if isinstance(error, NotImplementedError):
                report.problem = (
                    "not written yet (it raises NotImplementedError): write the function above, "
                    "then run this cell again"
                )
                report.case = None
            else:
                report.problem = f"raised {type(error).__name__}: {error}"
            return report
        if outcome.changed:
            report.problem = f"changed its input {outcome.changed} in place; a layer must leave its inputs alone"
            return report
        same, why = compare(outcome.value, expected, _PARTS.get(name))
        if same:
            results.append(outcome.value)
            continue
        report.problem = why
        got = _normalised(outcome.value)
        report.expected, report.got, part = _shown(name, got, expected)
        try:
            _diagnose(report, name, fn, k, got, expected, results, time_limit, part)
        except Exception:  # a diagnosis that cannot be made is left out, never raised
            report.mistake, report.candidates, report.facts = None, [], []
        return report
    report.passed, report.cases_passed, report.case = True, len(cases), None
    return report


def _normalised(value):
    """The function's output with arrays as numpy arrays, so that it can be compared with the candidates'."""
    if isinstance(value, (tuple, list)) and not all(isinstance(v, (int, float)) for v in value):
        return tuple(_normalised(v) for v in value)
    if value is None or isinstance(value, (int, float, np.integer, np.floating)):
        return value
    try:
        return np.asarray(value)
    except Exception:
        return value


def _shown(name, got, expected):
    try:
        e, g, part = _show_pair(name, got, expected)
    except Exception:
        return None, None, None
    return e, g, part


def _diagnose(report, name, fn, k, got, expected, results, time_limit, part):
    cases = CASES[name]
    matching = []
    for key, values in _candidates(name, cases[k]):
        if any(_same(v, got) if v is not None else False for v in values):
            matching.append(key)
    if len(matching) > 1:
        # more evidence: a mistake must also reproduce the function's outputs on the other cases
        outputs = {j: results[j] for j in range(k)}
        for j in range(k + 1, len(cases)):
            outcome = call(fn, cases[j].args, cases[j].kwargs, _ARG_NAMES[name], time_limit)
            outputs[j] = outcome.value if outcome.error is None and not outcome.timeout else None
        kept = []
        for key in matching:
            functions = dict(CATALOGUE[name])[key]
            if any(_consistent(name, f, outputs) for f in functions):
                kept.append(key)
        matching = kept or matching
    if len(matching) == 1:
        report.mistake = matching[0]
        return
    if matching:
        report.candidates = [MISTAKES[key] for key in matching]
        return
    report.facts = _facts(got, expected, part)


def _consistent(name, candidate, outputs):
    for j, output in outputs.items():
        if output is None:
            continue
        case = CASES[name][j]
        try:
            with np.errstate(all="ignore"):
                value = candidate(*case.args, **case.kwargs)
        except Exception:
            return False
        if value is not None and not _same(value, output):
            return False
    return True


def _facts(got, expected, part):
    if isinstance(expected, tuple):
        if part is None or not isinstance(got, tuple) or len(got) != len(expected):
            return []
        got, expected = got[part], expected[part]
    try:
        g = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return []
    if isinstance(expected, int) or g.shape != np.shape(expected):
        return []
    return differences(g, np.asarray(expected, dtype=np.float64))


def mistakes_table(lang="en"):
    """The catalogue as Markdown: for each exercise a table of its mistakes (key, the mistake, the source's
    entry in chapter 07)."""
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if lang == "zh":
        from .zh import MISTAKES_ZH as texts

        head, slip = "| 键 | 错误 | 原文 |", "第 {} 条"
    else:
        texts, head, slip = MISTAKES, "| key | the mistake | source |", "entry {}"
    blocks = []
    for name, entries in CATALOGUE.items():
        rows = [f"**`{name}`**", "", head, "|---|---|---|"]
        for key, _ in entries:
            where = slip.format(SOURCE_SLIP[key]) if key in SOURCE_SLIP else ""
            rows.append(f"| `{key}` | {texts[key]} | {where} |")
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)


def describe_cases(name, lang="en"):
    """The cases of exercise ``name``, one numbered line each, in the order ``check`` tries them."""
    if name not in CASES:
        raise ValueError(f"name must be one of {', '.join(EXERCISES)}, got {name!r}")
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if lang == "zh":
        from .zh import LABELS_ZH

        return "\n".join(f"{k}. {LABELS_ZH.get(c.label, c.label)}" for k, c in enumerate(CASES[name], 1))
    return "\n".join(f"{k}. {c.label}" for k, c in enumerate(CASES[name], 1))
