"""The report a reader sees, assembled from keyed messages in the report's language.

A :class:`Report` holds what ``check`` found as data: the case's label and call, a
:class:`.messages.Message` for the problem, the mistake's key, the facts as messages. ``str(report)``
says each of them with the templates of its language (:mod:`.en`, :mod:`.zh`) and wraps the prose at
the width of the book's output boxes: English at spaces, Chinese at the spaces around Latin text and
after Chinese punctuation, keeping formulas and shape tuples whole where they fit.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass, field

from ..i18n import language
from .cases import CASES, PARTS
from .messages import Message, say, texts
from .mistakes import CATALOGUE, ERRORS, SOURCE_SLIP

__all__ = ["Report", "describe_cases", "mistakes_table"]

WIDTH = 76


@dataclass
class Report:
    """What ``check`` found. ``str(report)`` is the text a reader sees, in language ``lang``.

    ``case`` is the label of the failing case (:mod:`.cases`) and ``call`` the call it made; ``problem``
    is a :class:`.messages.Message`; ``mistakes`` are the keys of the catalogue (:data:`.en.MISTAKES`)
    the diagnosis names, one or two, and ``mistake`` is the key when it names one; ``candidates`` are
    the keys a diagnosis could not choose between; ``facts`` are messages; ``expected`` and ``got`` are
    text, or a message for an array too large to print; ``line`` is the line of code that raised.
    """

    exercise: str
    passed: bool
    mistake: str | None = None
    mistakes: list = field(default_factory=list)
    cases_passed: int = 0
    cases_total: int = 0
    case: str | None = None
    call: str | None = None
    problem: Message | None = None
    expected: str | Message | None = None
    got: str | Message | None = None
    facts: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    line: str | None = None
    lang: str = "en"
    results: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    diff: str | None = None

    def __str__(self):
        t, lang = texts(self.lang), self.lang
        wrap = _wrap_zh if lang == "zh" else _wrap

        def line(key, first="", **params):
            return wrap(say(Message(key, **params), lang), first)

        if self.passed:
            return line(
                "passed",
                name=self.exercise,
                n=self.cases_total,
                summary=t.SUMMARY[self.exercise],
            )
        lines = [line("problem", name=self.exercise, problem=self.problem)]
        if self.case:
            k, n = self.cases_passed + 1, self.cases_total
            lines.append(
                line(
                    "case",
                    "  ",
                    k=k,
                    n=n,
                    label=t.LABELS[self.case],
                    call=self.call,
                )
            )
        if self.line:
            lines.append(line("raised_at", "  ", line=self.line))
        if self.expected is not None:
            lines += [
                say(Message("expected"), lang),
                _indent(say(self.expected, lang)),
            ]
            lines += [
                say(Message("got"), lang),
                _indent(say(self.got, lang)),
            ]
            if self.diff is not None:
                lines += [say(Message("differs"), lang), _indent(self.diff)]
        if len(self.mistakes) == 1:
            lines.append(
                line("diagnosis", mistake=t.MISTAKES[self.mistake])
            )
            if self.mistake in SOURCE_SLIP:
                lines.append(
                    line("source_slip", entry=SOURCE_SLIP[self.mistake])
                )
        elif self.mistakes:
            lines.append(line("diagnosis_two"))
            for k, key in enumerate(self.mistakes, 1):
                lines.append(
                    line("one_of_two", "  ", k=k, mistake=t.MISTAKES[key])
                )
        elif self.candidates:
            mistakes = t.JOIN["mistakes"].join(
                t.MISTAKES[key] for key in self.candidates
            )
            lines.append(line("several_mistakes", mistakes=mistakes))
        elif self.facts:
            facts = t.JOIN["facts"].join(
                say(fact, lang) for fact in self.facts
            )
            lines.append(line("unknown_mistake", facts=facts))
        lines += self._case_list(line, t)
        if self.problem.key != "not_written":
            lines.append(line("formula", section=t.SECTIONS[self.exercise]))
        return "\n".join(lines)

    def _case_list(self, line, t):
        """Every case run, right or wrong (each part of a tuple result judged on its own), then those not run."""
        if not self.results:
            return []
        right = sum(ok for ok, _ in self.results)
        lines = [line("cases_right", right=right, n=self.cases_total)]
        for k, (ok, parts) in enumerate(self.results):
            mark, label = "✓" if ok else "✗", t.LABELS[self.labels[k]]
            if parts is not None and not ok:
                said = t.JOIN["parts"].join(
                    say(
                        Message(
                            "part_mark",
                            part=name,
                            mark="✓" if good else "✗",
                        ),
                        self.lang,
                    )
                    for name, good in zip(PARTS[self.exercise], parts)
                )
                lines.append(
                    line(
                        "case_mark_parts",
                        "  ",
                        mark=mark,
                        k=k + 1,
                        label=label,
                        parts=said,
                    )
                )
            else:
                lines.append(
                    line("case_mark", "  ", mark=mark, k=k + 1, label=label)
                )
        if len(self.results) < self.cases_total:
            lines.append(
                line(
                    "not_run",
                    "  ",
                    start=len(self.results) + 1,
                    last=len(self.results),
                )
            )
        return lines


def mistakes_table(lang=None):
    """The catalogue as Markdown: for each exercise a table of its mistakes (key, the mistake, the source's
    entry in chapter 07), in ``lang`` or the language set by :func:`cnnlib.set_language`."""
    lang = language(lang)
    t = texts(lang)
    head = f"| {say(Message('table_key'), lang)} | {say(Message('table_mistake'), lang)} | "
    head += f"{say(Message('table_source'), lang)} |"
    blocks = []
    groups = [
        (f"`{name}`", [key for key, _ in entries])
        for name, entries in CATALOGUE.items()
    ]
    groups.append(
        (say(Message("table_errors"), lang), [key for key, _ in ERRORS])
    )
    for title, keys in groups:
        rows = [f"**{title}**", "", head, "|---|---|---|"]
        for key in keys:
            where = (
                say(Message("table_entry", entry=SOURCE_SLIP[key]), lang)
                if key in SOURCE_SLIP
                else ""
            )
            rows.append(f"| `{key}` | {t.MISTAKES[key]} | {where} |")
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)


def describe_cases(name, lang=None):
    """The cases of exercise ``name``, one numbered line each, in the order ``check`` tries them, in ``lang``
    or the language set by :func:`cnnlib.set_language`."""
    if name not in CASES:
        raise ValueError(
            f"name must be one of {', '.join(CASES)}, got {name!r}"
        )
    lang = language(lang)
    labels = texts(lang).LABELS
    return "\n".join(
        f"{k}. {labels[c.label]}" for k, c in enumerate(CASES[name], 1)
    )


def _indent(text):
    return "\n".join("    " + line for line in str(text).splitlines())


def _wrap(text, first=""):
    """Wrap prose at the width of the book's output boxes, continuation lines indented."""
    return textwrap.fill(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=first + "    ",
    )


# -- Chinese: wrap by display width, at the seams of the text -------------------------------------------

_AFTER = "，。；：、？！）》”"  # a line may end after these (and never start with them)
_BEFORE = "（《“"  # a line may start with these (and never end with them)


def _width(text):
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def _chinese(ch):
    return (
        unicodedata.east_asian_width(ch) in "WF" or ch in _AFTER + _BEFORE
    )


def _seams(text):
    """Where a Chinese line may break: the spaces between Chinese and Latin text, after Chinese
    punctuation, before an opening bracket; each piece keeps the space before it."""
    cuts = [0]
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if b == " " and a != " ":
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            if _chinese(a) or (j < len(text) and _chinese(text[j])):
                cuts.append(i)
        elif (a in _AFTER and b != " " and b not in _AFTER) or (
            b in _BEFORE and a != " " and a not in _BEFORE
        ):
            cuts.append(i)
    return [
        text[i:j] for i, j in zip(cuts, [*cuts[1:], len(text)]) if i < j
    ]


def _split(piece, room):
    """A piece too wide for a line, split at its spaces: first those outside brackets, then after the
    commas one bracket in (a call's arguments), then any; Chinese characters last, one by one."""
    depth, scores = 0, {}
    for i, ch in enumerate(piece):
        depth += (ch in "([") - (ch in ")]")
        if ch == " " and i and piece[i - 1] != " ":
            scores[i] = 2 * depth + (piece[i - 1] != ",")
    for level in sorted(set(scores.values())):
        cuts = [0, *(i for i, s in scores.items() if s <= level)]
        parts = [piece[i:j] for i, j in zip(cuts, [*cuts[1:], len(piece)])]
        if all(_width(p.strip()) <= room for p in parts):
            return parts
    return re.findall(r"[A-Za-z0-9_.,()\[\]=+\-*/'`]+|.", piece)


def _wrap_zh(text, first=""):
    """Wrap mixed Chinese and Latin text by display width (a Chinese character is two columns)."""
    text = re.sub(r"\s", " ", text)
    room = WIDTH - len(first) - 4
    pieces = [
        part
        for piece in _seams(text)
        for part in (
            _split(piece, room) if _width(piece) > room else [piece]
        )
    ]
    lines, line = [], first
    for piece in pieces:
        fresh = not line.strip()
        if not fresh and _width(line) + _width(piece) > WIDTH:
            lines.append(line.rstrip())
            line, fresh = first + "    ", True
        line += piece.lstrip() if fresh else piece
    lines.append(line.rstrip())
    return "\n".join(lines)
