"""cnnlib.exercises.check against student answers (tests/exercise_students.py).

Each catalogued mistake must be recognised by its key, each correct answer
must pass, and misbehaving answers (raising, returning junk, changing their
input, never returning) must fail with a report that says what happened,
without check itself raising or hanging. The report's words are keyed
messages, one table per language: both languages have every key with the
same placeholders, every template is said by some report, and no Chinese
report has English prose in it.
"""

import ast
import contextlib
import dataclasses
import re
import time
import unicodedata
from pathlib import Path
from string import Formatter

import numpy as np
import pytest
from exercise_students import ALSO_WRONG, BAD, CORRECT, ISOLATED_BAD, LAYER_SIZES, ODD, WRONG, size_round

import cnnlib
from cnnlib import exercises
from cnnlib.exercises import en, messages, run, zh
from cnnlib.exercises.cases import CASES
from cnnlib.exercises.mistakes import CATALOGUE, ERRORS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("key", sorted(WRONG))
def test_mistake_is_recognised(key):
    name, fn = WRONG[key]
    r = exercises.check(name, fn)
    text = str(r)
    assert not r.passed, text
    assert r.mistake == key, text
    assert key in exercises.MISTAKES
    assert isinstance(text, str) and text.strip()
    assert name in text


@pytest.mark.parametrize("label", sorted(LAYER_SIZES))
def test_an_output_size_mistake_inside_a_layer_is_named(label):
    name, fn, key = LAYER_SIZES[label]
    r = exercises.check(name, fn)
    assert not r.passed and r.mistake == key, str(r)


@pytest.mark.parametrize("label", sorted(ALSO_WRONG))
def test_another_student_of_a_mistake_is_named(label):
    name, fn, key = ALSO_WRONG[label]
    r = exercises.check(name, fn)
    assert not r.passed and r.mistake == key, str(r)


def test_a_lone_candidate_is_vetoed_by_a_case_the_function_passes(monkeypatch):
    """round() passes case 4 (n=8, s=2: round(2.5) = 2) and fails case 6 (n=10, s=4), where rounding up gives
    the same size. Without the catalogue's own entry for round(), the ceil mistake is the one candidate left
    at case 6, and case 4, which ceil fails, must rule it out: the report then says what differs."""
    assert exercises.check("output_size", size_round).mistake == "size_rounded"
    entries = [(key, fns) for key, fns in CATALOGUE["output_size"] if key != "size_rounded"]
    monkeypatch.setitem(CATALOGUE, "output_size", entries)
    r = exercises.check("output_size", size_round)
    ceil = dict(entries)["size_ceil"][0]
    assert r.cases_passed == 5 and ceil(*CASES["output_size"][5].args) == size_round(*CASES["output_size"][5].args)
    assert ceil(*CASES["output_size"][3].args) != size_round(*CASES["output_size"][3].args)
    assert r.mistake is None and not r.mistakes and not r.candidates, str(r)


def test_every_mistake_has_a_student():
    assert set(exercises.MISTAKES) == set(WRONG)


def test_mistake_descriptions_are_sentences():
    for key, description in exercises.MISTAKES.items():
        assert isinstance(description, str) and description.strip(), key


def test_mistakes_belong_to_exercises():
    assert set(exercises.EXERCISES) == set(CORRECT)
    assert {name for name, _ in WRONG.values()} <= set(exercises.EXERCISES)


CORRECT_CASES = [(name, fn) for name, fns in CORRECT.items() for fn in fns]


@pytest.mark.parametrize(
    ("name", "fn"), CORRECT_CASES, ids=[f"{name}-{fn.__module__}.{fn.__name__}" for name, fn in CORRECT_CASES]
)
def test_correct_answer_passes(name, fn):
    r = exercises.check(name, fn)
    text = str(r)
    assert r.passed, text
    assert r.mistake is None, text
    assert text.startswith(name), text
    assert "cases passed" in text, text


SLOW = {"sleeps", "loops_forever", "catches_every_exception", "sleeps_in_c"}
if run.ISOLATE:
    BAD = {**BAD, **ISOLATED_BAD}


@pytest.mark.parametrize("label", sorted(BAD))
def test_bad_behaviour_is_reported(label):
    fn, words = BAD[label]
    kwargs = {"time_limit": 0.5} if label in SLOW else {}
    start = time.perf_counter()
    r = exercises.check("conv_forward", fn, **kwargs)  # must not raise
    elapsed = time.perf_counter() - start
    text = str(r)
    assert not r.passed, text
    assert any(word in text.lower() for word in words), text
    if label in SLOW:
        assert "0.5" in text, text  # the limit it ran into
        assert elapsed < 3.0, f"check took {elapsed:.1f} s with time_limit=0.5"


@pytest.mark.skipif(not run.ISOLATE, reason="each call runs in a child process only on Linux")
def test_a_stopped_function_is_really_stopped():
    """A function that swallows every exception, or waits in C code, is killed with its process: when the
    report says it was stopped, no process of it is left."""

    def children():  # this process's children, zombies included (Linux: /proc)
        return {
            int(pid) for task in Path("/proc/self/task").iterdir() for pid in (task / "children").read_text().split()
        }

    for label in ("catches_every_exception", "sleeps_in_c"):
        before = children()
        r = exercises.check("conv_forward", ISOLATED_BAD[label][0], time_limit=0.3)
        assert r.problem.key == "timeout", str(r)
        assert not children() - before, f"{label}: a child process was left"  # the checker killed and reaped it


def _bare_except_loop(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    end = time.monotonic() + 2.0  # ends by itself, so that it does not outlive the test by long
    while time.monotonic() < end:
        try:
            time.sleep(0.01)
        except:  # noqa: E722 -- a bare except: it swallows the checker's request to stop, too
            pass


def _swallows_exceptions(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
    while True:
        try:
            time.sleep(0.01)
        except Exception:
            pass


def test_without_a_process_the_report_says_only_what_happened(monkeypatch):
    """In a thread (Windows): a function that catches Exception is still stopped, by an exception it does not
    catch; one with a bare except cannot be, and the report says so instead of calling it stopped."""
    monkeypatch.setattr(run, "ISOLATE", False)
    r = exercises.check("conv_forward", _swallows_exceptions, time_limit=0.3)
    assert r.problem.key == "timeout", str(r)
    r = exercises.check("conv_forward", _bare_except_loop, time_limit=0.3)
    text = " ".join(str(r).split())
    assert r.problem.key == "timeout_running" and "stopped" not in text.replace("could not be stopped", ""), text


def test_exact_and_tolerant_comparisons_say_which():
    """Integer cases are compared exactly, float ones within the tolerance the report names."""

    def off_by_a_little(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        return cnnlib.conv_forward(A_prev, W, b, stride, padding) + 1e-6

    r = exercises.check("conv_forward", off_by_a_little)
    assert r.problem.key == "wrong_values_exact" and "exactly" in str(r), str(r)

    def rounds_floats(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        Z = cnnlib.conv_forward(A_prev, W, b, stride, padding)
        return Z if A_prev.dtype.kind in "iu" and W.dtype.kind in "iu" else np.round(Z, 3)

    r = exercises.check("conv_forward", rounds_floats)
    assert r.problem.key == "wrong_values_close" and "1e-09" in str(r), str(r)

    def sums_in_another_order(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        Z = cnnlib.conv_forward(A_prev, W, b, stride, padding)
        return Z if Z.dtype.kind in "iu" else Z * (1 + 1e-13)

    assert exercises.check("conv_forward", sums_in_another_order).passed


def test_changed_input_does_not_leak_into_later_cases():
    """After an answer that changes its input, a correct answer still passes (the cases are not shared)."""
    fn, _ = BAD["changes_input"]
    exercises.check("conv_forward", fn)
    r = exercises.check("conv_forward", CORRECT["conv_forward"][0])
    assert r.passed, str(r)


def test_unknown_exercise_raises():
    with pytest.raises(ValueError) as info:
        exercises.check("no_such_exercise", CORRECT["conv_forward"][0])
    message = str(info.value)
    for name in exercises.EXERCISES:
        assert name in message, message


# -- the keyed messages: one table per language (cnnlib/exercises/en.py, zh.py) --------------------------

TABLES = ("MESSAGES", "MISTAKES", "SECTIONS", "SUMMARY", "LABELS", "JOIN")


def test_every_text_has_both_languages():
    for table in TABLES:
        english, chinese = getattr(en, table), getattr(zh, table)
        assert english.keys() == chinese.keys(), f"{table}: {set(english) ^ set(chinese)}"
        for key in english:
            assert isinstance(english[key], str) and isinstance(chinese[key], str), (table, key)
            assert chinese[key].strip() or table == "JOIN", (table, key)
    assert set(en.MISTAKES) == {key for entries in CATALOGUE.values() for key, _ in entries} | {k for k, _ in ERRORS}
    assert set(en.SECTIONS) == set(en.SUMMARY) == set(exercises.EXERCISES)
    assert set(en.LABELS) == {case.label for cases in CASES.values() for case in cases}


def _placeholders(template):
    return sorted((name, conversion or "", spec or "") for _, name, spec, conversion in Formatter().parse(template) if name is not None)  # fmt: skip


def test_the_two_languages_fill_the_same_placeholders():
    for key, template in en.MESSAGES.items():
        assert _placeholders(template) == _placeholders(zh.MESSAGES[key]), key
    for table in ("MISTAKES", "SECTIONS", "SUMMARY", "LABELS"):  # values put into templates, not templates
        for lang in (en, zh):
            assert not any("{" in text or "}" in text for text in getattr(lang, table).values()), table


def _said_in_source():
    """The message keys the checker's code names (string constants), and those it says (``Message("key", ...)``,
    ``line("key", ...)`` in report.py)."""
    names, made = set(), set()
    for module in ("__init__", "report", "run", "diagnose"):
        tree = ast.parse((ROOT / "cnnlib" / "exercises" / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.add(node.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Message", "line"):
                if isinstance(node.args[0], ast.Constant):  # else a name, one of two constants (run.differences)
                    made.add(node.args[0].value)
    return names, made


def test_no_message_is_dead_or_missing():
    names, made = _said_in_source()
    assert not set(en.MESSAGES) - names, f"templates no code says: {sorted(set(en.MESSAGES) - names)}"
    assert made <= set(en.MESSAGES), f"messages without a template: {sorted(made - set(en.MESSAGES))}"


def _students():
    out = {f"wrong:{key}": (name, fn, {}) for key, (name, fn) in WRONG.items()}
    out |= {f"correct:{name}": (name, fns[0], {}) for name, fns in CORRECT.items()}
    out |= {f"bad:{label}": ("conv_forward", fn, {"time_limit": 0.5} if label in SLOW else {}) for label, (fn, _) in BAD.items()}  # fmt: skip
    out |= {f"odd:{label}": (name, fn, {}) for label, (name, fn, _) in ODD.items()}
    return out


STUDENTS = _students()


@pytest.fixture(scope="module")
def reports():
    """Each student's report (checked once; a report is data, said in either language), and one made in a
    thread, as on Windows: a function that could not be stopped."""
    out = {label: exercises.check(name, fn, **kwargs) for label, (name, fn, kwargs) in STUDENTS.items()}
    isolate, run.ISOLATE = run.ISOLATE, False
    try:
        out["thread:bare except"] = exercises.check("conv_forward", _bare_except_loop, time_limit=0.3)
    finally:
        run.ISOLATE = isolate
    return out


@contextlib.contextmanager
def recording(lang):
    """The keys of the messages said in ``lang`` inside the block, as a set filled as they are said."""
    table, used = messages.texts(lang), set()

    class Recording(dict):
        def __getitem__(self, key):
            used.add(key)
            return super().__getitem__(key)

    original, table.MESSAGES = table.MESSAGES, Recording(table.MESSAGES)
    try:
        yield used
    finally:
        table.MESSAGES = original


def _say(report, lang):
    """The text of ``report`` in ``lang``, and the keys of the messages it used."""
    with recording(lang) as used:
        return str(dataclasses.replace(report, lang=lang)), used


def test_every_message_is_said_by_some_report(reports):
    with recording("en") as used:
        for report in reports.values():
            str(report)
        exercises.mistakes_table()
    assert used == set(en.MESSAGES), f"no student's report says {sorted(set(en.MESSAGES) - used)}"


@pytest.mark.parametrize("label", sorted(ODD))
def test_odd_answer_is_reported(label, reports):
    name, _, key = ODD[label]
    report = reports[f"odd:{label}"]
    assert not report.passed
    for lang in ("en", "zh"):
        text, used = _say(report, lang)
        assert key in used, f"{lang}: {key} not said\n{text}"
        assert text == str(exercises.check(name, ODD[label][1], lang=lang))
    if key == "several_mistakes":
        assert len(report.candidates) > 1 and set(report.candidates) <= set(exercises.MISTAKES)


# Latin words a Chinese report may show: code (names, types, keywords), the glossary's "full" and "valid".
CODE_WORDS = {
    *exercises.EXERCISES, *exercises.MISTAKES, "dZ", "dA", "dW", "db", "np", "None", "True", "False",
    "return", "dtype", "bool", "int", "float", "str", "list", "tuple", "dict", "ndarray", "NoneType",
    "mode", "avg", "max", "size", "stride", "padding", "full", "valid", "numpy", "argmax", "PyTorch", "AlexNet",
    "NumPy", "item", "os", "pad", "assert", "if", "else", "same", "sum", "unravel_index", "zeros_like", "A_prev", "W", "shape",
    "deeplearning", "ai",  # the course deeplearning.ai, by its name (its mask, in ties_all_maxima)
    # the arguments of the second-round exercises, as a report's call shows them
    "groups", "dilation", "output_padding", "padded_shape", "dcols", "X", "dA_prev", "dY", "ReLU",
}  # fmt: skip


def _english_words(text, exclude=()):
    """Latin words of ``text`` that are prose: not code, not a symbol (one letter), not an exception's name."""
    for part in exclude:
        text = text.replace(" ".join(part.split()), "")
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)
    return [w for w in words if w.isalpha() and len(w) > 1 and w not in CODE_WORDS and not w.endswith("Error")]


def _prose(text):
    """The lines of a report that are prose: not the expected and got arrays; wrapped lines joined."""
    lines, block = [], False
    for line in text.splitlines():
        if line in (
            "期望结果：",
            "实际结果：",
            "expected:",
            "got:",
            "与期望不同的元素（标为 x）：",
            "entries that differ (x):",
        ):
            block = True
        elif not (block and line.startswith("    ")):
            block = False
            lines.append(line)
    return lines


@pytest.mark.parametrize("label", sorted(STUDENTS))
def test_chinese_report_has_no_english_prose(label, reports):
    report = reports[label]
    text = _say(report, "zh")[0]
    # a student's own exception text stays as Python wrote it
    own = [report.line] if report.line else []  # the student's line of code
    own += [report.problem.params["message"]] if report.problem is not None and report.problem.key == "raised" else []
    prose = " ".join(line.strip() for line in _prose(text))
    assert not _english_words(prose, own), f"English in the Chinese report: {_english_words(prose, own)}\n{text}"


def test_chinese_tables_have_no_english_prose():
    for name in exercises.EXERCISES:
        text = exercises.describe_cases(name, lang="zh")
        assert not _english_words(text), (name, _english_words(text))
    table = re.sub(r"`[^`]*`", "", exercises.mistakes_table(lang="zh"))
    assert not _english_words(table), _english_words(table)


def _width(line):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_chinese_lines_break_at_spaces_and_punctuation(reports):
    """Never between two Chinese characters, inside a shape tuple or before a closing mark; within 76 columns."""
    han = re.compile(r"[\u4e00-\u9fff]")
    for label, report in reports.items():
        text = _say(report, "zh")[0]
        lines, opened = _prose(text), []
        for line, following in zip(lines, [*lines[1:], ""]):
            assert _width(line) <= 76 or " " not in line.strip(), (label, line)
            assert line.lstrip()[:1] not in "，。；：、）”！？", (label, line)
            continued = following.startswith("    ")
            if continued:
                assert not (han.match(line[-1]) and han.match(following.lstrip()[:1])), (label, line, following)
            for i, ch in enumerate(line):
                if ch in "([":
                    opened.append(line[i - 1 : i] if i else " ")
                elif ch in ")]" and opened:
                    opened.pop()
            if continued and opened:
                # only a call's argument list (after a name) may go on to the next line, never a tuple
                assert len(opened) == 1 and re.match(r"\w", opened[0]), (label, line, following)
            if not continued:
                opened = []


def test_report_in_an_unknown_language_raises():
    with pytest.raises(ValueError):
        exercises.check("rot180", CORRECT["rot180"][0], lang="fr")
