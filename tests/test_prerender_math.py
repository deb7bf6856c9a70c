"""The formulas typeset at build time (``_ext/prerender_math.py``): what a page looks like before and after.

The built book is checked in a browser by ``test_browser.py``; here one small
page shows what the extension does to each kind of formula Sphinx writes, and
what it leaves alone.
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import prerender_math  # noqa: E402

MATHJAX = Path(importlib.import_module("sphinx-mathjax-offline").__file__).parent / "static" / "mathjax"
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js: apt-get install nodejs")

PAGE = r"""<html><head><title>t</title>
<script>window.MathJax = {"tex": {"macros": {"R": "\\mathbb{R}"}}}</script>
<script defer="defer" src="../_static/mathjax/tex-chtml.js"></script>
</head><body>
<p>inline <span class="math notranslate nohighlight">\(a^{[l]} \in \R\)</span> and
<span class="math notranslate nohighlight">\(x &lt; y\)</span>.</p>
<div class="math notranslate nohighlight" id="equation-e">
<span class="eqno">(1)<a class="headerlink" href="#equation-e">#</a></span>\[\frac{\partial E}{\partial w} = \delta\]</div>
<div class="output text_latex math notranslate nohighlight">
\[\begin{split}\displaystyle \left[\begin{matrix}1 &amp; 2\end{matrix}\right]\end{split}\]</div>
<pre>code with \(not math\)</pre>
</body></html>"""


def test_the_formulas_of_a_page_are_found_with_their_entities_decoded():
    assert list(prerender_math._formulas(PAGE)) == [
        (r"a^{[l]} \in \R", False),
        ("x < y", False),
        (r"\frac{\partial E}{\partial w} = \delta", True),
        (r"\begin{split}\displaystyle \left[\begin{matrix}1 & 2\end{matrix}\right]\end{split}", True),
    ]


@needs_node
def test_a_page_is_typeset_and_no_longer_loads_mathjax():
    formulas = list(prerender_math._formulas(PAGE))
    markup, css = prerender_math.typeset(formulas * 2, MATHJAX, {"macros": {"R": r"\mathbb{R}"}}, "fonts")
    assert len(markup) == 4  # each distinct formula once
    page = prerender_math.render_page(PAGE, markup, "../_static/mathjax-chtml.css")
    containers = re.findall(r"<mjx-container[^>]*>", page)
    assert len(containers) == 4 and sum('display="true"' in c for c in containers) == 2
    assert all("font-size: 113%" in c for c in containers)  # as large as MathJax makes it in the browser
    assert "\\(" not in page.split("<pre>")[0] and "\\[" not in page  # no TeX left outside the code block
    assert "<pre>code with \\(not math\\)</pre>" in page  # and the code block untouched
    assert "<mjx-assistive-mml" in page  # MathML for screen readers
    assert "window.MathJax" not in page and "tex-chtml.js" not in page
    assert page.count('href="../_static/mathjax-chtml.css"') == 1
    assert prerender_math.render_page(page, markup, "../_static/mathjax-chtml.css") == page  # idempotent
    assert 'url("fonts/MathJax_Main-Regular.woff")' in css and "mjx-container" in css  # fontURL
    assert "mjx-c.mjx-c1D715::before" in css  # ∂: the characters used are in the stylesheet


@needs_node
def test_a_formula_mathjax_cannot_parse_is_a_build_warning(caplog):
    markup, _ = prerender_math.typeset([(r"\frac{1}{", False)], MATHJAX, {}, "fonts")
    assert "mjx-merror" in markup[(r"\frac{1}{", False)]
    assert "MathJax cannot typeset" in caplog.text


@needs_node
def test_a_page_that_would_keep_tex_for_mathjax_is_left_as_it_is():
    """``$$…$$`` in a notebook output is not in an element of class math: MathJax must stay to typeset it."""
    page = PAGE.replace("</body>", '<div class="output_area"><p>$$E = mc^2$$</p></div></body>')
    markup, _ = prerender_math.typeset(prerender_math._formulas(page), MATHJAX, {}, "fonts")
    assert prerender_math.render_page(page, markup, "x.css") is None
    assert prerender_math.render_page(PAGE, markup, "x.css") is not None


def test_without_node_nothing_is_typeset(monkeypatch):
    monkeypatch.setattr(prerender_math.shutil, "which", lambda name: None)
    assert prerender_math.typeset([("x", False)], MATHJAX, {}, "fonts") is None


@needs_node
def test_an_incremental_build_keeps_the_glyphs_of_the_pages_it_leaves_alone(tmp_path):
    """Build 1 typesets a page with a partial derivative; build 2 rewrites only another page, whose math has no
    partial derivative. The stylesheet that build 2 writes must still hold the glyph of the first page's."""
    cache = tmp_path / "doctrees" / prerender_math.CACHE
    first = prerender_math.remembered(prerender_math._formulas(PAGE), cache)
    assert (r"\frac{\partial E}{\partial w} = \delta", True) in first
    other = '<p><span class="math notranslate nohighlight">\\(x + 1\\)</span></p>'
    second = prerender_math.remembered(prerender_math._formulas(other), cache)
    assert second == first | {("x + 1", False)}
    _, css = prerender_math.typeset(second, MATHJAX, {"macros": {"R": r"\mathbb{R}"}}, "fonts")
    assert "mjx-c.mjx-c1D715::before" in css  # the first page's \u2202 still has its glyph
    _, css_alone = prerender_math.typeset(prerender_math._formulas(other), MATHJAX, {}, "fonts")
    assert "mjx-c.mjx-c1D715::before" not in css_alone  # which the second page alone would have dropped


def test_a_reports_equation_numbers_link_to_their_equations(tmp_path):
    import link_equations

    chapter, other = tmp_path / "chapters" / "05.html", tmp_path / "chapters" / "13.html"
    chapter.parent.mkdir()
    eq = '<div class="math" id="equation-eq-a"><span class="eqno">(23)<a class="headerlink" href="#equation-eq-a">#</a>'
    report = (
        '<div class="cell_output docutils container"><pre>conv_backward: ...\n'
        "The right formula: chapter 05 (Backward propagation: the convolution layer), equations (23) to\n"
        "    (59).\n</pre></div>"
    )
    pages = {
        chapter: eq + report,
        other: '<span class="eqno">(59)<a class="headerlink" href="#equation-eq-gap-backward">#</a>',
    }
    found = link_equations.equations(pages)
    linked = link_equations.link_page(chapter, pages[chapter], found)
    assert '(<a class="reference internal" href="#equation-eq-a">23</a>)' in linked
    assert '(<a class="reference internal" href="13.html#equation-eq-gap-backward">59</a>)' in linked
    assert "(Backward propagation: the convolution layer)" in linked  # words in brackets stay words
    prose = '<p>see (23)</p><div class="cell_output docutils container"><pre>got (23)\n</pre></div>'
    assert link_equations.link_page(chapter, prose, found) == prose  # only the formula line of a report
