"""Each exercise's "right formula" names the equations by the numbers the book gives them.

The book numbers the labelled equations of each chapter from 1, after the chapter's number: "(5.3)"
(``_ext/chapter_numbers.py``). The numbers are counted here from the chapters' sources, so that a new
equation, which shifts every later number of its chapter, fails this test until the checker's texts follow.
"""

import json
import re
from pathlib import Path

import pytest

from cnnlib.exercises import en, zh
from cnnlib.exercises.cases import CASES, EQUATIONS

ROOT = Path(__file__).resolve().parent.parent
LABEL = re.compile(r"\$\$\s*\((eq-[\w-]+)\)")


def numbers():
    """``{label: (number, chapter)}`` for every labelled equation of the book, the number as "5.3"."""
    found = {}
    for doc in re.findall(r"file: (chapters/\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8")):
        nb = json.loads((ROOT / f"{doc}.ipynb").read_text(encoding="utf-8"))
        chapter, n = int(Path(doc).name[:2]), 0
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                for label in LABEL.findall("".join(cell["source"])):
                    n += 1
                    found[label] = (f"{chapter}.{n}", chapter)
    return found


def test_the_count_matches_the_labels_the_chapters_cite():
    found = numbers()
    assert found["eq-gap-backward"][1] == 13
    by_chapter = {}
    for number, chapter in found.values():
        by_chapter.setdefault(chapter, []).append(number)
    for chapter, said in by_chapter.items():  # 1, 2, 3, … within each chapter, after its number
        assert said == [f"{chapter}.{k}" for k in range(1, len(said) + 1)], chapter
    cited = set()
    for path in (ROOT / "chapters").glob("*.ipynb"):
        cited |= set(re.findall(r"\{eq\}`(eq-[\w-]+)`", path.read_text(encoding="utf-8")))
    assert cited <= set(found)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_right_formula_gives_the_equations_numbers(name):
    found = numbers()
    labels = EQUATIONS[name]
    assert labels, name
    said_en = re.findall(r"\((\d+\.\d+)\)", en.SECTIONS[name])
    said_zh = re.findall(r"\((\d+\.\d+)\)", zh.SECTIONS[name])
    want = [found[label][0] for label in labels]
    assert said_en == said_zh, name
    assert said_en in (want, [want[0], want[-1]]), (name, said_en, want)  # every number, or "(a) to (b)"
    chapter = found[labels[0]][1]
    assert f"chapter {chapter:02d}" in en.SECTIONS[name] and f"第 {chapter} 章" in zh.SECTIONS[name]
