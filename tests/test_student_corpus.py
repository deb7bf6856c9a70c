"""The checker against real students' code (tests/student_corpus): 55 public implementations of the
deeplearning.ai, Holberton and CS231n assignments, with an analysis of each one's bugs.

Each implementation is checked on the cases its course's interface can state (measure.py). Correct code
passes; buggy code fails; the diagnosis is exactly the one the manifest records, which names only causes
of the analysis (or none, where the checker says what differs instead). Over the corpus, at least 90 %
of the buggy implementations have their cause named and none a wrong one.
"""

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "student_corpus"
sys.path.insert(0, str(HERE))

import measure  # noqa: E402

# the students' code as written: `mode is "avg"` compiles with a SyntaxWarning
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")

ENTRIES = [
    (entry, name, analysis)
    for manifest in sorted(HERE.glob("*.json"))
    for entry in json.loads(manifest.read_text(encoding="utf-8"))
    for name, analysis in entry["exercises"].items()
]


@pytest.mark.parametrize(("entry", "name", "analysis"), ENTRIES, ids=[f"{e['id']}-{n}" for e, n, _ in ENTRIES])
def test_diagnosed_as_the_analysis_says(entry, name, analysis):
    module = measure._load(entry["module"], f"corpus_{entry['id']}")
    report = measure.diagnosis(name, getattr(module, name), entry.get("interface", []) + analysis.get("interface", []))
    if analysis["verdict"] == "correct":
        assert report.passed, str(report)
        return
    assert not report.passed, f"a bug passes: {analysis['causes']}"
    assert set(analysis["diagnosis"]) <= set(analysis["cause_keys"])  # the record names only real causes
    assert list(report.mistakes) == analysis["diagnosis"], str(report)


def test_most_causes_are_named_and_none_wrongly():
    totals, _, _ = measure.measure()
    assert totals["correct_passed"] == totals["correct"]
    assert totals["bugs_failed"] == totals["bugs"] and totals["false_passes"] == 0
    assert totals["named_wrong"] == 0
    assert totals["named_right"] >= 0.9 * totals["bugs"], totals
