"""Measure cnnlib.exercises.check against the corpus of real student implementations.

Every manifest ``tests/student_corpus/*.json`` lists implementations; each entry names its module
(relative to this folder), the ``interface`` of its course (an exercise may add its own), and for each
exercise the analysis:
``verdict`` ("correct" or "bug"), for a bug the ``cause_keys`` of its mistakes, and the
``interface_limits`` of the student's course, which are not mistakes: deeplearning.ai and CS231n take
the stride and padding as one number each (deeplearning.ai's pooling window too), CS231n writes max
pooling only, Holberton's convolutions take 'same' or 'valid' padding, not a number. Each
implementation is checked on the cases its course's interface can state (``INTERFACES``); a
bug whose only cause is such a limit counts as correct code.

This script imports each module, runs its adapter of each listed exercise through
``cnnlib.exercises.check`` (now, not the ``checker_at_b95c304`` the manifest records from before issue 22) and counts, per
exercise and in total:

- correct passed: correct implementations the checker passes (of all correct ones);
- bugs failed: buggy implementations the checker fails (of all buggy ones);
- named right: buggy ones whose diagnosis names only causes of the analysis (one, or two together);
- named wrong: buggy ones whose diagnosis names a cause that is not in the analysis;
- false passes: buggy ones the checker passes.

    python tests/student_corpus/measure.py            # a table
    python tests/student_corpus/measure.py --json     # the numbers as JSON
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository root, for cnnlib

from cnnlib.exercises import check  # noqa: E402
from cnnlib.exercises.cases import CASES  # noqa: E402


# What each course's interface can state, as a test of a case.
def _int_hparameters(case):
    """Stride and padding as one number each: no pair, and no pooling stride left to a non-square window."""
    pairs = any(isinstance(case.kwargs.get(k), tuple) for k in ("stride", "padding"))
    window = case.args[-1] if not hasattr(case.args[-1], "shape") else None
    implied = window is not None and case.kwargs.get("stride") is None and isinstance(window, tuple)
    return not pairs and not (implied and window[0] != window[1])


INTERFACES = {
    "int_hparameters": _int_hparameters,
    "int_window": lambda case: not isinstance(case.args[-1], tuple),
    "max_only": lambda case: case.kwargs.get("mode", "max") == "max",
    "no_explicit_padding": lambda case: case.kwargs.get("padding", 0) in (0, (0, 0)),
}


def cases_for(name, interface):
    """The cases of exercise ``name`` that an interface (a list of ``INTERFACES`` keys) can state."""
    return [case for case in CASES[name] if all(INTERFACES[limit](case) for limit in interface)]


FIELDS = ("correct", "correct_passed", "bugs", "bugs_failed", "named_right", "named_wrong", "false_passes")


def _load(module_path, name):
    spec = importlib.util.spec_from_file_location(name, HERE / module_path)
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # the students' code as written: `mode is "avg"`
        spec.loader.exec_module(module)
    return module


def diagnosis(name, fn, interface):
    """The checker's report on ``fn`` for exercise ``name``, on the cases ``interface`` can state."""
    with contextlib.redirect_stdout(io.StringIO()):  # students' code prints
        return check(name, fn, cases=cases_for(name, interface), lang="en")


def measure(manifests=None):
    """``(totals, per_exercise, rows)``: the counts, and one row per implementation and exercise."""
    manifests = sorted(HERE.glob("*.json")) if manifests is None else manifests
    per_exercise, rows = {}, []
    for manifest in manifests:
        for entry in json.loads(Path(manifest).read_text(encoding="utf-8")):
            try:
                module = _load(entry["module"], f"student_corpus_{Path(manifest).stem}_{entry['id']}")
            except Exception as error:  # a module that does not import is reported, not counted
                rows.append({"id": entry["id"], "exercise": None, "error": f"{type(error).__name__}: {error}"})
                continue
            for name, analysis in entry["exercises"].items():
                fn = getattr(module, name, None)
                report = diagnosis(name, fn, entry.get("interface", []) + analysis.get("interface", []))
                counts = per_exercise.setdefault(name, dict.fromkeys(FIELDS, 0))
                bug = analysis["verdict"] == "bug"
                named = list(report.mistakes)
                if bug:
                    counts["bugs"] += 1
                    counts["bugs_failed"] += not report.passed
                    counts["false_passes"] += report.passed
                    right = bool(named) and all(key in analysis["cause_keys"] for key in named)
                    counts["named_right"] += right
                    counts["named_wrong"] += bool(named) and not right
                else:
                    counts["correct"] += 1
                    counts["correct_passed"] += report.passed
                rows.append(
                    {
                        "id": entry["id"],
                        "exercise": name,
                        "verdict": analysis["verdict"],
                        "passed": report.passed,
                        "named": named,
                        "first_line": str(report).splitlines()[0],
                        "cause_keys": analysis.get("cause_keys", []),
                    }
                )
    totals = {field: sum(c[field] for c in per_exercise.values()) for field in FIELDS}
    return totals, per_exercise, rows


def _table(totals, per_exercise):
    head = f"{'exercise':<15}{'correct passed':>16}{'bugs failed':>13}{'named right':>13}{'named wrong':>13}{'false passes':>14}"
    lines = [head, "-" * len(head)]
    for name, c in [*sorted(per_exercise.items()), ("total", totals)]:
        lines.append(
            f"{name:<15}{c['correct_passed']:>9} of {c['correct']:<4}{c['bugs_failed']:>6} of {c['bugs']:<4}"
            f"{c['named_right']:>13}{c['named_wrong']:>13}{c['false_passes']:>14}"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("manifests", nargs="*", help="manifests to read (default: every tests/student_corpus/*.json)")
    args = parser.parse_args(argv)
    totals, per_exercise, rows = measure(args.manifests or None)
    errors = [row for row in rows if row.get("error")]
    if args.json:
        print(json.dumps({"total": totals, "exercises": per_exercise, "import_errors": errors}, indent=1))
    else:
        print(_table(totals, per_exercise))
        for row in errors:
            print(f"could not import {row['id']}: {row['error']}")


if __name__ == "__main__":
    main()
