"""The "Your turn" sections of the chapters: where they are, and the order of their parts.

Chapters 02 to 06 have two each (the first can lean on the chapter's code, the second has to be derived),
chapters 08 and 10 to 13 one. Each is: a title and what to write, the exercise, one to three hints (folded,
opened one at a time), the stub, the book-only note on the solution, the solution (folded), the check, and a
wrong version the checker diagnoses. Every check names an exercise the checker knows, and each chapter's
stubs are checked under their own exercise's name.
"""

import json
import re
from pathlib import Path

import pytest

from cnnlib import exercises

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {"02": 2, "03": 2, "04": 2, "05": 2, "06": 2, "08": 1, "10": 1, "11": 1, "12": 1, "13": 1}
CHECK = re.compile(r'exercises\.check\(\s*"(\w+)",\s*(\w+)\s*\)')


def sections(path):
    """The cells of each Your-turn section of a chapter, from its exercise directive to its demo."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found, current = [], None
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and re.match(r"`{3,}\{exercise\}.*\n:label: your-turn-", text):
            current = [cell]
            found.append(current)
        elif current is not None:
            current.append(cell)
            if "your-turn-demo" in cell["metadata"].get("tags", []):
                current = None
    return found


def kind(cell):
    text, tags = "".join(cell["source"]), cell["metadata"].get("tags", [])
    if "your-turn-stub" in tags:
        return "stub"
    if "your-turn-solution" in tags:
        return "solution"
    if "your-turn-check" in tags:
        return "check"
    if "your-turn-demo" in tags:
        return "demo"
    if "book-only" in tags:
        return "note"
    if re.match(r"`{3,}\{admonition\} Hint \d of \d\n:class: dropdown", text):
        return "hint"
    if "{solution-start}" in text:
        return "solution-start"
    if "{solution-end}" in text:
        return "solution-end"
    if "{exercise}" in text:
        return "exercise"
    return "prose"


@pytest.mark.parametrize("chapter", sorted(EXPECTED))
def test_each_chapter_has_its_your_turns_in_order(chapter):
    path = next((ROOT / "chapters").glob(f"{chapter}_*.ipynb"))
    found = sections(path)
    assert len(found) == EXPECTED[chapter], path.name
    names = []
    for cells in found:
        kinds = [kind(c) for c in cells]
        hints = kinds.count("hint")
        assert 1 <= hints <= 3, (path.name, kinds)
        order = (
            ["exercise"] + ["hint"] * hints + ["stub", "note", "solution-start", "solution", "solution-end", "check"]
        )
        assert kinds[: len(order)] == order, (path.name, kinds)
        assert kinds[-1] == "demo", (path.name, kinds)
        titles = [re.search(r"Hint (\d) of (\d)", "".join(c["source"])).groups() for c in cells if kind(c) == "hint"]
        assert titles == [(str(k), str(hints)) for k in range(1, hints + 1)], titles
        check = "".join(cells[kinds.index("check")]["source"])
        name, fn = CHECK.search(check).groups()
        assert name in exercises.EXERCISES, name
        stub = "".join(cells[kinds.index("stub")]["source"])
        assert f"def {fn}(" in stub and "raise NotImplementedError" in stub, (name, fn)
        names.append(name)
    assert len(set(names)) == len(names)


def test_every_exercise_has_a_your_turn():
    named = set()
    for path in (ROOT / "chapters").glob("*.ipynb"):
        for cells in sections(path):
            for cell in cells:
                named |= {m.group(1) for m in CHECK.finditer("".join(cell["source"]))}
    assert set(exercises.EXERCISES) - {"rot180", "correlate2d", "output_size"} <= named
