"""The library code a chapter shows (``literalinclude``) fits the page's code column on a desktop.

At 1280 px the book's code column is 686 px wide and a character of its 14-px monospace font 8.4 px, so
77 characters fit; a longer line made the reader scroll sideways to read the end of a listing. The
chapters' own cells are held to 76 by ruff (``chapters/ruff.toml``); the library is formatted at 120, so
the functions the book shows are kept short by hand, between ``# fmt: off`` and ``# fmt: on`` where ruff
would join their lines again.
"""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.directives.code import LiteralIncludeReader

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 77
_INCLUDE = re.compile(r"```\{literalinclude\}\s+(\S+)\n((?::[\w-]+:[^\n]*\n)*)")


def listings():
    found = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            for target, options in _INCLUDE.findall("".join(cell["source"])):
                opts = dict(re.findall(r":([\w-]+):\s*([^\n]*)", options))
                found.append((path.stem, (path.parent / target).resolve(), opts))
    return found


@pytest.mark.parametrize("chapter, target, options", listings(), ids=lambda x: getattr(x, "name", str(x)))
def test_a_listing_fits_the_code_column(chapter, target, options):
    reader_options = {k: v for k, v in options.items() if k != "language"}
    text, _ = LiteralIncludeReader(str(target), reader_options, SimpleNamespace(source_encoding="utf-8")).read()
    long = [line for line in text.splitlines() if len(line) > WIDTH]
    assert not long, f"{chapter}: {options.get('pyobject', target.name)} has {len(long)} lines over {WIDTH}: {long[:3]}"
