"""Sphinx extension: the formulas are typeset when the book is built, not in the reader's browser.

After the HTML pages are written, every formula in them (Sphinx's ``\\(…\\)`` and
``\\[…\\]`` in elements of class ``math``: the text's math, numbered equations,
and notebook outputs in LaTeX such as SymPy's) is typeset by MathJax running in
Node.js (``prerender_math.js``), the same MathJax the browser would otherwise
load, into the same CommonHTML markup, with assistive MathML for screen readers.
Each distinct formula is typeset once. The pages then link one stylesheet,
``_static/mathjax-chtml.css``, and no longer load MathJax: a page of 280 formulas
shows them at once instead of after a second or more of typesetting, and works
with JavaScript off. Of MathJax's 24 MB only its fonts (400 kB) are kept, so the
offline zip is smaller by that much too.

A formula MathJax cannot parse is a build warning (an error under ``-W``).
Without Node.js, or where a page would keep TeX that the patterns below do not
find (``$$…$$`` in a notebook output, say), the page is left as Sphinx wrote it
and MathJax typesets it in the browser, as before; MathJax's files are then
all kept.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name("prerender_math.js")
STYLESHEET = "mathjax-chtml.css"  # in _static/
CACHE = "prerender_math.json"  # in the doctree directory: every formula typeset so far
FONTS = Path("output", "chtml", "fonts", "woff-v2")  # in _static/mathjax/, all that the pages still need
# In the browser MathJax scales each formula to the x-height of the text around it; with the
# theme's fonts that made 16 px text's math 18.1 px. Here there is no text to measure: the same, fixed.
SCALE = 1.13

# an element whose class list has the word "math", and what it holds up to its closing tag
_ELEMENT = re.compile(r'(<(span|div) class="(?:[^"]*\s)?math(?:\s[^"]*)?"[^>]*>)(.*?)(</\2>)', re.S)
_FORMULA = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)
_MATHJAX_SCRIPTS = re.compile(
    r'<script>window\.MathJax = .*?</script>\s*|<script[^>]*src="[^"]*_static/mathjax/[^"]*"[^>]*></script>\s*', re.S
)


def _key(formula):
    """``(tex, display)`` of a ``_FORMULA`` match."""
    inline, display = formula.groups()
    return (html.unescape(inline), False) if inline is not None else (html.unescape(display), True)


def _formulas(text):
    """``(tex, display)`` of every formula in the math elements of a page."""
    for element in _ELEMENT.finditer(text):
        yield from map(_key, _FORMULA.finditer(element.group(3)))


def typeset(formulas, mathjax_dir, tex_options, font_url):
    """``{(tex, display): markup}`` and the stylesheet, from MathJax in Node.js; None without Node.js."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        return None
    formulas = sorted(set(formulas))
    request = json.dumps({"formulas": formulas, "tex": tex_options, "fontURL": font_url, "scale": SCALE})
    done = subprocess.run([node, str(SCRIPT), str(mathjax_dir)], input=request, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"MathJax in Node.js failed: {done.stderr[-2000:]}")
    answer = json.loads(done.stdout)
    for tex in answer["errors"]:
        logger.warning(f"MathJax cannot typeset {tex!r}", type="prerender_math")
    return dict(zip(map(tuple, formulas), answer["html"])), answer["css"]


# what MathJax never reads (code, scripts, styles) and what it has typeset, then the delimiters it looks for
_NOT_TEXT = re.compile(r"<(pre|script|style|textarea|mjx-container)\b.*?</\1>", re.S)
_DELIMITER = re.compile(r"\\\(|\\\[|\$\$")


def render_page(text, markup, stylesheet_href):
    """The page with its formulas replaced by ``markup`` and without MathJax.

    None if TeX would be left on the page for MathJax (a formula outside the elements
    ``_ELEMENT`` finds, such as ``$$…$$`` in a notebook output): that page keeps MathJax.
    """

    def element(m):
        return m.group(1) + _FORMULA.sub(lambda f: markup[_key(f)], m.group(3)) + m.group(4)

    text = _ELEMENT.sub(element, text)
    if _DELIMITER.search(_NOT_TEXT.sub("", text)):
        return None
    text = _MATHJAX_SCRIPTS.sub("", text)
    link = f'<link rel="stylesheet" type="text/css" href="{stylesheet_href}" />'
    if "<mjx-container" in text and link not in text:
        text = text.replace("</head>", f"{link}\n</head>", 1)
    return text


def remembered(formulas, cache):
    """``formulas`` and those of earlier builds, which ``cache`` (a JSON file) keeps; the union is saved.

    An incremental build rewrites only the pages that changed, and the pages it leaves alone hold markup
    typeset before, no TeX. The stylesheet is written afresh each time, so it must still cover their
    characters: without the formulas remembered, their math would lose its glyphs.
    """
    known = set()
    if cache.is_file():
        known = {(tex, bool(display)) for tex, display in json.loads(cache.read_text(encoding="utf-8"))}
    union = known | set(formulas)
    if union != known:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(sorted(union), ensure_ascii=False), encoding="utf-8")
    return union


def _pages(app):
    for doc in sorted(app.env.all_docs):
        path = Path(app.builder.get_outfilename(doc))
        if path.is_file():
            yield path


def _prerender(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    mathjax = static / "mathjax"
    if not (mathjax / "node-main.js").is_file():
        return  # MathJax not copied this time (an incremental build whose static files stayed): pages as they are
    pages = {path: path.read_text(encoding="utf-8") for path in _pages(app)}
    formulas = remembered({f for text in pages.values() for f in _formulas(text)}, Path(app.doctreedir) / CACHE)
    tex = dict((app.config.mathjax3_config or {}).get("tex", {}))
    result = typeset(formulas, mathjax, tex, f"mathjax/{FONTS.as_posix()}")  # relative to the stylesheet
    if result is None:
        logger.info("prerender_math: no Node.js, so MathJax typesets the formulas in the browser")
        return
    markup, css = result
    (static / STYLESHEET).write_text(css, encoding="utf-8")
    kept = []
    for path, text in pages.items():
        href = os.path.relpath(static / STYLESHEET, path.parent).replace(os.sep, "/")
        new = render_page(text, markup, href)
        if new is None:
            kept.append(path)
        elif new != text:
            path.write_text(new, encoding="utf-8")
    if kept:
        logger.info(f"prerender_math: MathJax still typesets {len(kept)} pages in the browser")
        return
    # nothing loads MathJax any more: keep only its fonts
    fonts = static / "mathjax-fonts.part"
    (mathjax / FONTS).rename(fonts)
    shutil.rmtree(mathjax)
    (mathjax / FONTS).parent.mkdir(parents=True)
    fonts.rename(mathjax / FONTS)


def setup(app):
    app.connect("build-finished", _prerender)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
