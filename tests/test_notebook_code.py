"""The chapters' code reads as a person wrote it: no comment left dangling behind a lone bracket by the formatter.

ruff wraps a statement whose trailing comment makes the line too long, which
leaves ``)  # comment`` on a line of its own (or a lone value in brackets);
the comment belongs on its own line above the statement.
"""

import json
import re
from pathlib import Path

import pytest

CHAPTERS = sorted((Path(__file__).resolve().parent.parent / "chapters").glob("*.ipynb"))
LONE_BRACKET = re.compile(r"^\s*[\)\]\}]+:?,?\s+#")


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_no_comment_behind_a_lone_bracket(path):
    bad = []
    for k, cell in enumerate(json.loads(path.read_text())["cells"]):
        if cell["cell_type"] != "code":
            continue
        lines = "".join(cell["source"]).splitlines()
        for i, line in enumerate(lines):
            wrapped = line.rstrip().endswith("(") and i + 2 < len(lines) and lines[i + 2].strip() in (")", "),")
            if LONE_BRACKET.match(line) or (wrapped and re.search(r"\s#\s", lines[i + 1])):
                bad.append(f"cell {k}: {line.strip()}")
    assert not bad, "comments to put on their own line:\n" + "\n".join(bad)
