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


# --------------------------------------------------------------------------- re-running a check after Run All


def _parse(cell):
    """A code cell's module, its IPython magics and shell lines left out."""
    import ast

    lines = "".join(cell["source"]).splitlines()
    return ast.parse("\n".join(line for line in lines if not line.lstrip().startswith(("%", "!"))))


def _needs(tree, stub):
    """The names a cell reads from the notebook (and, for a stub, the functions it defines)."""
    import ast
    import builtins

    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
    loads = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)} if stub else set()
    return (loads - bound - set(dir(builtins))) | defined


def _rebinds(tree):
    """The names a cell binds at the top level (not inside its functions)."""
    import ast

    out = set()
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.ClassDef):
            out.add(statement.name)
            continue
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                out.add(node.id)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                out |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return out


@pytest.mark.parametrize("chapter", sorted(EXPECTED))
def test_a_check_rerun_after_run_all_sees_the_readers_names(chapter):
    """A reader runs the whole notebook, then goes back, edits a Your-turn stub and runs its check again.

    Nothing a stub, solution or check reads from the notebook may be rebound by a later cell outside the
    exercise, or the check would test the book's later variable instead of the reader's (chapter 04 once
    rebound ``pair``, and the check then blamed the reader's formula for a ``TypeError``).
    """
    (path,) = (ROOT / "chapters").glob(f"{chapter}_*.ipynb")
    code = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    problems = []
    for k, cell in enumerate(code):
        tags = cell["metadata"].get("tags", [])
        if not {"your-turn-stub", "your-turn-solution", "your-turn-check"} & set(tags):
            continue
        needed = _needs(_parse(cell), "your-turn-stub" in tags)
        for later in code[k + 1 :]:
            if any(t.startswith("your-turn") for t in later["metadata"].get("tags", [])):
                continue  # the exercise's own cells redefine its functions on purpose
            clash = needed & _rebinds(_parse(later))
            if clash:
                problems.append(f"cell {cell['id']} needs {sorted(clash)}, rebound in cell {later['id']}")
    assert not problems, problems
