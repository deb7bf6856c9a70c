"""The Chinese notebooks, made from the English ones and the catalogs.

    python _ext/translate_notebooks.py        # -> zh/chapters/*.ipynb

Every markdown cell of ``chapters/X.ipynb`` is rewritten with the
translations in ``locale/zh_CN/LC_MESSAGES/chapters/X.po``: each translatable
piece of the cell (paragraph, heading, list item, table cell, title) is found
by its English text, the ``msgid``, and replaced by its ``msgstr``. Code cells
(but for the Colab setup cell's comments), outputs and metadata are copied unchanged, so the Chinese notebooks compute
and print exactly what the English ones do. A message with no translation,
or a piece of a cell no message accounts for, is an error, not a fallback.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
import setup_cell

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES"

# What may stand before a translatable piece on its line: nothing, a heading or list marker,
# a table bar, an admonition/exercise fence with its name, or emphasis opening the line.
_BEFORE = (
    r"(?P<lead>(?:^|(?<=\n))[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+\.[ \t]+|\|[ \t]*"
    r"|`{3,}\{[\w:-]+\}[ \t]+|:{3,}\{[\w:-]+\}[ \t]+|>[ \t]*)?|(?<=\|)[ \t]*|(?<=\$\$)[ \t]*)"
)
_AFTER = r"(?=[ \t]*(?:\||\$\$|$|\n))"


def catalog(page):
    """``{msgid: msgstr}`` of one page's catalog."""
    with open(LOCALE / f"{page}.po", encoding="utf-8") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def _pattern(msgid):
    words = [re.escape(w) for w in msgid.split()]
    return re.compile(_BEFORE + r"\s+".join(words) + _AFTER)


class Untranslated(ValueError):
    """A message of the page has no translation."""


def translate_markdown(text, messages, strict=True):
    """``text`` with every piece replaced by its translation; returns (new text, msgids used)."""
    used, slots = set(), []
    for msgid in sorted(messages, key=len, reverse=True):
        if not msgid.strip():
            continue
        pattern = _pattern(msgid)

        def swap(m, msgid=msgid):
            if not messages[msgid] and strict:
                raise Untranslated(msgid)
            # the pattern matches from the message's first word to its last, so its translation goes in
            # without the newlines around it (inside $$…$$ they would make a blank line, which ends the
            # maths in JupyterLab and Colab)
            slots.append((messages[msgid] or m.group(0)[len(m.group("lead")) :]).strip())
            used.add(msgid)
            return f"{m.group('lead')}\x00{len(slots) - 1}\x00"

        text = pattern.sub(swap, text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: slots[int(m.group(1))], text)
    return text, used


def translate_notebook(nb, messages, strict=True):
    """A copy of notebook ``nb`` (a dict) with its markdown in Chinese; returns (notebook, msgids used).

    Code cells stay as they are, except the Colab setup cell (:mod:`setup_cell`), whose comments
    are Chinese, and the calls of the exercise checker, which get ``lang="zh"``
    (a student reads its report); those cells' outputs are computed again (:func:`_localise_checks`).
    """
    out, used = copy.deepcopy(nb), set()
    for cell in out["cells"]:
        if setup_cell.is_setup(cell):  # the Colab setup cell, with its comments in Chinese
            cell["source"] = setup_cell.source("zh").splitlines(keepends=True)
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        new, found = translate_markdown(source, messages, strict)
        used |= found
        cell["source"] = new.splitlines(keepends=True)
    _localise_checks(out)
    return out, used


_CHECK = re.compile(r"(exercises\.(?:check|mistakes_table|describe_cases)\()((?:[^()]|\([^()]*\))*)(\))")
_YOUR_TURN = {"your-turn-stub", "your-turn-solution", "your-turn-check", "your-turn-demo"}


def _text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _localise_checks(nb):
    """Give the checker's calls ``lang="zh"`` and recompute their cells' outputs, in this process.

    Chapters with a "Your turn" run only its cells (stub, solution, check, demo: they need nothing
    else); a notebook without one (the checker's own page) runs all its code cells in order.
    """
    import contextlib
    import io

    # the Colab setup cell does nothing here, and its %pip is not Python
    cells = [c for c in nb["cells"] if c["cell_type"] == "code" and not setup_cell.is_setup(c)]
    if not any(_CHECK.search(_text(c)) for c in cells):
        return
    tagged = [c for c in cells if _YOUR_TURN & set(c.get("metadata", {}).get("tags", []))]
    namespace = {"__name__": "__main__"}
    exec("import numpy as np\nimport cnnlib", namespace)
    for cell in tagged or cells:
        source = _text(cell)
        changed = _CHECK.sub(
            lambda m: m.group(1) + (m.group(2) + ', lang="zh"' if m.group(2) else 'lang="zh"') + m.group(3), source
        )
        body, last = _split_last_expression(changed)
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            exec(compile(body, "<cell>", "exec"), namespace)
            value = eval(compile(last, "<cell>", "eval"), namespace) if last else None
        if changed == source:
            continue
        cell["source"] = changed.splitlines(keepends=True)
        outputs = []
        if stdout.getvalue():
            outputs.append(
                {"name": "stdout", "output_type": "stream", "text": stdout.getvalue().splitlines(keepends=True)}
            )
        if value is not None:
            old = [o for o in cell.get("outputs", []) if o.get("output_type") == "execute_result"]
            data = {"text/plain": [repr(value)]}
            if hasattr(value, "_repr_markdown_"):
                data = {"text/markdown": value._repr_markdown_().splitlines(keepends=True), **data}
            outputs.append({"data": data, "execution_count": old[0]["execution_count"] if old else None,
                            "metadata": {}, "output_type": "execute_result"})  # fmt: skip
        cell["outputs"] = outputs


def _split_last_expression(source):
    """``(statements, last expression or "")``: a cell's value is its last line when that is an expression."""
    import ast

    tree = ast.parse(source)
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.get_source_segment(source, tree.body[-1])
        start = tree.body[-1].lineno - 1
        lines = source.splitlines(keepends=True)
        return "".join(lines[:start]), last
    return source, ""


def _output_text(nb):
    """All text of the code cells' outputs (SymPy's LaTeX, printed Markdown): messages from there stay as they are."""
    parts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            for value in output.get("data", {}).values():
                parts.append("".join(value) if isinstance(value, list) else str(value))
            parts.append("".join(output.get("text", "")))
    return "\n".join(parts)


def generate(root=ROOT, out=None, strict=True):
    """Write ``zh/chapters/*.ipynb``; returns the paths. Raises if a message is missing or unused."""
    root = Path(root)
    out = Path(out) if out else root / "zh" / "chapters"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    from reader_notebooks import chapter_paths  # the chapters _toc.yml names, not every *.ipynb there

    for path in chapter_paths(root, "en"):
        messages = catalog(f"chapters/{path.stem}")
        nb = json.loads(path.read_text(encoding="utf-8"))
        zh, used = translate_notebook(nb, messages, strict)
        outputs = " ".join(_output_text(nb).split())
        unused = [m for m in messages if m.strip() and m not in used and " ".join(m.split()) not in outputs]
        if unused:
            raise ValueError(f"{path.name}: {len(unused)} messages not found in the notebook, e.g. {unused[0][:80]!r}")
        target = out / path.name
        target.write_text(json.dumps(zh, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for p in generate(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT):
        print("wrote", p.relative_to(ROOT))
