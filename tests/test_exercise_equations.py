"""Each exercise's "right formula" names the equations by the numbers the book gives them.

Jupyter Book numbers the labelled equations of the whole book in the order of ``_toc.yml``. The numbers are
counted here from the chapters' sources, so that a new equation in an early chapter, which shifts every
later number, fails this test until the checker's texts follow.
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
    """``{label: (number, chapter)}`` for every labelled equation of the book."""
    found, n = {}, 0
    for doc in re.findall(r"file: (chapters/\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8")):
        nb = json.loads((ROOT / f"{doc}.ipynb").read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                for label in LABEL.findall("".join(cell["source"])):
                    n += 1
                    found[label] = (n, int(Path(doc).name[:2]))
    return found


def test_the_count_matches_the_labels_the_chapters_cite():
    found = numbers()
    assert found["eq-xcorr-corr2d"][0] == 7 and found["eq-gap-backward"][1] == 13
    cited = set()
    for path in (ROOT / "chapters").glob("*.ipynb"):
        cited |= set(re.findall(r"\{eq\}`(eq-[\w-]+)`", path.read_text(encoding="utf-8")))
    assert cited <= set(found)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_right_formula_gives_the_equations_numbers(name):
    found = numbers()
    labels = EQUATIONS[name]
    assert labels, name
    said_en = [int(x) for x in re.findall(r"\((\d+)\)", en.SECTIONS[name])]
    said_zh = [int(x) for x in re.findall(r"\((\d+)\)", zh.SECTIONS[name])]
    want = [found[label][0] for label in labels]
    assert said_en == said_zh, name
    assert said_en in (want, [want[0], want[-1]]), (name, said_en, want)  # every number, or "(a) to (b)"
    chapter = found[labels[0]][1]
    assert f"chapter {chapter:02d}" in en.SECTIONS[name] and f"第 {chapter} 章" in zh.SECTIONS[name]
