"""Sphinx extension: equations, exercises and every other numbered thing count per chapter, "5.3".

Without a numbered table of contents Sphinx counts each kind of numbered node (``displaymath``,
``exercise``, …) through the whole book in ``_toc.yml`` order, so chapter 3 opened on "(9)" and
"Exercise 7". Textbooks number within the chapter, and so do this book's figures (``reader_ui``).
After Sphinx has assigned its numbers, this renumbers each chapter's (``chapters/NN_…``) from 1, with
the chapter's number in front: ``(5.3)``, "Exercise 5.2", "练习 5.2". Cross-references ({eq}, {ref},
{numref}) read the same table, so they follow. ``_ext/reader_notebooks.py`` numbers the downloaded
notebooks the same way (:func:`number`).
"""

from __future__ import annotations

import re

_CHAPTER = re.compile(r"chapters/(\d+)_")


def chapter_of(docname):
    """The chapter number of ``chapters/05_conv_backward`` (5), or None for other pages."""
    match = _CHAPTER.match(docname)
    return int(match.group(1)) if match else None


def number(docname, k):
    """The book's number of the ``k``-th (from 1) equation or exercise of page ``docname``: "5.3"."""
    chapter = chapter_of(docname)
    return f"{chapter}.{k}" if chapter is not None else str(k)


def _renumber(app, env):
    changed = []
    for docname, kinds in env.toc_fignumbers.items():
        chapter = chapter_of(docname)
        if chapter is None:
            continue
        for figtype, numbers in kinds.items():
            in_order = sorted(numbers, key=lambda node_id: numbers[node_id])
            renumbered = {node_id: (chapter, k) for k, node_id in enumerate(in_order, 1)}
            if renumbered != numbers:
                kinds[figtype] = renumbered
                changed.append(docname)
    return sorted(set(changed))


def setup(app):
    # after Sphinx's own TocTreeCollector (priority 500), which assigns the book-wide numbers
    app.connect("env-get-updated", _renumber, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
