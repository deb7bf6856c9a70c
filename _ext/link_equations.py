"""Sphinx extension: in the checker's reports on a page, each equation number links to its equation.

A report ends with "The right formula: chapter 05 (...), equations (5.3) to (5.5)." ("正确的公式见…的式 (5.3)
至式 (5.5)。"), plain text printed by a cell. After the pages are written, the numbers the book gave its
equations are read off the pages themselves (``<span class="eqno">(5.3)<a … href="#equation-…">``), and in
the output boxes every number of such a sentence becomes a link to its equation, on whichever page it is.
The text stays the same, so a reader who copies it, or runs the notebook, gets the same words.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_EQNO = re.compile(r'<span class="eqno">\((\d+(?:\.\d+)?)\)<a class="headerlink" href="#(equation-[\w-]+)"')
_OUTPUT = re.compile(r'(<div class="cell_output[^"]*">.*?</pre>)', re.S)
_SENTENCE = re.compile(r"(The right formula:|正确的公式见)(.*?)([.。](?:\n|$))", re.S)
_NUMBER = re.compile(r"\((\d+(?:\.\d+)?)\)")


def equations(pages):
    """``{number: (page, anchor)}`` of every numbered equation on ``pages``."""
    found = {}
    for path, text in pages.items():
        for number, anchor in _EQNO.findall(text):
            found[number] = (path, anchor)
    return found


def link_page(path, text, found):
    """``text`` (the page at ``path``) with the equation numbers of its reports' formula lines linked."""

    def number(m):
        n = m.group(1)
        if n not in found:
            return m.group(0)
        page, anchor = found[n]
        href = "" if page == path else os.path.relpath(page, path.parent).replace(os.sep, "/")
        return f'(<a class="reference internal" href="{href}#{anchor}">{n}</a>)'

    def sentence(m):
        return m.group(1) + _NUMBER.sub(number, m.group(2)) + m.group(3)

    def output(m):
        return _SENTENCE.sub(sentence, m.group(1))

    return _OUTPUT.sub(output, text)


def _link(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    paths = [Path(app.builder.get_outfilename(doc)) for doc in sorted(app.env.all_docs)]
    pages = {path: path.read_text(encoding="utf-8") for path in paths if path.is_file()}
    found = equations(pages)
    for path, text in pages.items():
        new = link_page(path, text, found)
        if new != text:
            path.write_text(new, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
