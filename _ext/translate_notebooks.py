"""The Chinese notebooks, made from the English ones and the catalogs.

    python _ext/translate_notebooks.py          # -> zh/chapters/*.ipynb (runs those whose code changed)
    python _ext/translate_notebooks.py --run    # runs every one
    python _ext/translate_notebooks.py --run=04_pool_forward,06_pool_backward  # runs these (cnnlib's output changed)

Every markdown cell of ``chapters/X.ipynb`` is rewritten with the
translations in ``locale/zh_CN/LC_MESSAGES/chapters/X.po``: each translatable
piece of the cell (paragraph, heading, list item, table cell, title) is found
by its English text, the ``msgid``, and replaced by its ``msgstr``. Code cells
keep their code, with the comments and prose strings of
``locale/zh_CN/LC_MESSAGES/code/X.po`` (:mod:`code_catalog`), and the setup cell
sets ``cnnlib.set_language("zh")``; the notebook is then run, so what it prints
and draws is its own, in Chinese (``tests/test_translation.py`` checks that
both editions compute the same: the same tokens but for strings and comments,
the same numbers printed). A message with no translation, or a piece of a cell
no message accounts for, is an error, not a fallback.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
import code_catalog
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


def translate_notebook(nb, messages, strict=True, code_messages=None):
    """A copy of notebook ``nb`` (a dict) in Chinese; returns (notebook, msgids used).

    Markdown cells are translated with ``messages``; code cells keep their code and get Chinese comments
    and prose strings from ``code_messages`` (:mod:`code_catalog`); the setup cell (:mod:`setup_cell`)
    sets cnnlib's language to Chinese. Outputs are left as they are: :func:`generate` runs the notebook.
    """
    out, used = copy.deepcopy(nb), set()
    for cell in out["cells"]:
        if setup_cell.is_setup(cell):  # the Colab setup cell, with its comments in Chinese
            cell["source"] = setup_cell.source("zh").splitlines(keepends=True)
        elif cell["cell_type"] == "code":
            source = _text(cell)
            new = code_catalog.translate(source, code_messages or {}, strict)
            cell["source"] = new.splitlines(keepends=True)
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        new, found = translate_markdown(source, messages, strict)
        used |= found
        cell["source"] = new.splitlines(keepends=True)
    return out, used


def _text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _output_text(nb):
    """All text of the code cells' outputs (SymPy's LaTeX, printed Markdown): messages from there stay as they are."""
    parts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            for value in output.get("data", {}).values():
                parts.append("".join(value) if isinstance(value, list) else str(value))
            parts.append("".join(output.get("text", "")))
    return "\n".join(parts)


def _code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _same_code(a, b):
    return [_text(c) for c in _code_cells(a)] == [_text(c) for c in _code_cells(b)]


def _merge_streams(outputs):
    merged = []
    for o in outputs:
        if (
            merged
            and o.get("output_type") == "stream" == merged[-1].get("output_type")
            and o["name"] == merged[-1]["name"]
        ):
            merged[-1]["text"] = ("".join(merged[-1]["text"]) + "".join(o["text"])).splitlines(keepends=True)
        else:
            merged.append(o)
    return merged


def execute(nb, cwd):
    """Run notebook ``nb`` (a dict) in a fresh ``python3`` kernel in ``cwd``; returns it with its outputs."""
    import nbformat
    from nbclient import NotebookClient

    node = nbformat.reads(json.dumps(nb), as_version=4)
    NotebookClient(node, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    done = json.loads(nbformat.writes(node))
    for cell in done["cells"]:
        cell.get("metadata", {}).pop("execution", None)
        if cell["cell_type"] == "code":
            cell["outputs"] = _merge_streams(cell["outputs"])
            for o in cell["outputs"]:
                if "text" in o and isinstance(o["text"], str):
                    o["text"] = o["text"].splitlines(keepends=True)
    return done


def generate(root=ROOT, out=None, strict=True, run=None):
    """Write ``zh/chapters/*.ipynb``; returns the paths. Raises if a message is missing or unused.

    A Chinese notebook computes what its English one does but prints and draws in Chinese, so its
    outputs are its own: they are kept from the committed notebook while its code is unchanged, and
    otherwise the notebook is run (``run=True`` runs every one, a set of stems runs those too, as when
    what cnnlib prints changed; ``run=False`` never runs one and raises instead).
    """
    from concurrent.futures import ThreadPoolExecutor

    root = Path(root)
    out = Path(out) if out else root / "zh" / "chapters"
    out.mkdir(parents=True, exist_ok=True)
    from reader_notebooks import chapter_paths  # the chapters _toc.yml names, not every *.ipynb there

    jobs = []
    for path in chapter_paths(root, "en"):
        messages = catalog(f"chapters/{path.stem}")
        code_messages = code_catalog.catalog(path.stem, root)
        nb = json.loads(path.read_text(encoding="utf-8"))
        zh, used = translate_notebook(nb, messages, strict, code_messages)
        outputs = " ".join(_output_text(nb).split())
        unused = [m for m in messages if m.strip() and m not in used and " ".join(m.split()) not in outputs]
        if unused:
            raise ValueError(f"{path.name}: {len(unused)} messages not found in the notebook, e.g. {unused[0][:80]!r}")
        committed = root / "zh" / "chapters" / path.name
        old = json.loads(committed.read_text(encoding="utf-8")) if committed.exists() else None
        forced = run is True or (isinstance(run, set) and path.stem in run)
        if not forced and old is not None and _same_code(zh, old):
            for new_cell, old_cell in zip(_code_cells(zh), _code_cells(old), strict=True):
                new_cell["outputs"] = old_cell["outputs"]
                new_cell["execution_count"] = old_cell.get("execution_count")
            zh["metadata"] = old["metadata"]
            jobs.append((out / path.name, zh, False))
        elif run is False:
            raise ValueError(f"{committed.name}: its code changed; run python _ext/translate_notebooks.py --run")
        else:
            jobs.append((out / path.name, zh, True))

    def finish(job):
        target, zh, needs_run = job
        if needs_run:
            zh = execute(zh, root / "zh" / "chapters")
        target.write_text(json.dumps(zh, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return target

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(finish, jobs))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--run=")]
    run = set(chosen[0].split(",")) if chosen else True if "--run" in sys.argv else None
    for p in generate(Path(args[0]) if args else ROOT, run=run):
        print("wrote", p.relative_to(ROOT))
