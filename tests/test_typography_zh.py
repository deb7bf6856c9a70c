"""Chinese typography of the Chinese edition, on its built pages and in the Chinese reader notebooks.

1. No half-width space between Chinese text and a link whose visible text is Chinese at that end
   (「见前向传播：卷积层一章」, not 「见 前向传播：卷积层 一章」); a space stays next to Latin link text.
   The catalogs write it so: a ``{doc}`` role is spelled with no space where its title is Chinese.
2. Exercise titles with full-width brackets: 「练习 5.1（实现 conv_backward）」, its solution's
   「练习 5.1（实现 conv_backward）的解答」 (``_ext/translatable_titles.py``).
3. Chapter numbers without a leading zero: 「第 2 章」, not 「第 02 章」.
4. No full-width brackets around an equation number, which ``{eq}`` already writes as "(19)": no 「（(19)）」.
5. Narrative citations in Chinese words, 「Dumoulin 和 Visin [2016]」, 「He 等 [2016]」
   (``_ext/typography_zh.py``; ``_ext/reader_notebooks.py`` writes the same in the notebooks).
6. No line starts with the full-width punctuation after an inline formula: the formula and the
   punctuation touching it are one ``white-space: nowrap`` span (``_ext/typography_zh.py``), and at
   390 px and 1100 px in Chromium no such punctuation starts a line.

The Chinese edition is built once, into a temporary folder (about a minute and a half); point
``CNNLIB_ZH_HTML`` at an existing ``_build/html/zh`` to check that instead.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from book import build

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES"
CATALOGS = sorted(
    [*(LOCALE / "chapters").glob("*.po"), *(LOCALE / f"{p}.po" for p in ("intro", "glossary", "references"))]
)
READER = sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
CJK = "\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e"  # Chinese characters and full-width punctuation
CLOSING = "，。、；：？！）》」』】〉”’…"
OPENING = "（《「『【〈“‘"

sys.path.insert(0, str(ROOT / "_ext"))
import reader_notebooks  # noqa: E402

pytestmark = pytest.mark.timeout(900)


# --------------------------------------------------------------------------- the pages and the notebooks


@pytest.fixture(scope="module")
def zh_html(tmp_path_factory):
    """The built Chinese edition's html folder."""
    if os.environ.get("CNNLIB_ZH_HTML"):
        return Path(os.environ["CNNLIB_ZH_HTML"])
    return build(ROOT, tmp_path_factory.mktemp("zh"), chinese_only=True) / "zh"


def _pages(html_dir):
    return sorted(
        p
        for p in html_dir.rglob("*.html")
        if not {"_static", "_sources", "_images"} & set(p.relative_to(html_dir).parts)
        and p.name not in ("search.html", "genindex.html", "index.html")
    )


LINK, END, MATH, NOBR = "\x01", "\x02", "\x03", "\x04"  # markers in a page's text


def article_text(path):
    """The text of a page's article: links between LINK and END, an inline formula as MATH, and NOBR
    where a no-break span begins (display formulas and headings' "#" links left out)."""
    text = Path(path).read_text(encoding="utf-8")
    match = re.search(r'<article class="bd-article"[^>]*>(.*)</article>', text, re.S)
    text = match.group(1) if match else text
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S)
    text = re.sub(r'<span class="math[^"]*"><mjx-container\b.*?</mjx-container></span>', MATH, text, flags=re.S)
    text = re.sub(r"<mjx-container\b.*?</mjx-container>", "", text, flags=re.S)
    text = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", text, flags=re.S)
    text = re.sub(r'<span class="cnn-nobr" style="white-space: nowrap">', NOBR, text)
    text = re.sub(r"<a\b[^>]*>", LINK, text).replace("</a>", END)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _markdown(path, outputs=False):
    """A reader notebook's Markdown cells (and, with ``outputs``, every text of its code cells' outputs)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    parts = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    if outputs:
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                parts.append("".join(output.get("text", "")))
                parts += ["".join(v) if isinstance(v, list) else str(v) for v in output.get("data", {}).values()]
    return "\n\n".join(parts)


def _msgstrs():
    for path in CATALOGS:
        with open(path, encoding="utf-8") as f:
            for message in read_po(f):
                if message.id and message.string:
                    yield path.relative_to(LOCALE).with_suffix("").as_posix(), message.string


def _context(text, m, width=15):
    return text[max(0, m.start() - width) : m.end() + width].replace("\n", " ")


# --------------------------------------------------------------------------- 1. spaces around links


def spaced_links(text):
    """Places in a page's text where a half-width space stands between Chinese and Chinese link text."""
    pattern = rf"[{CJK}][ \t]+{LINK}(?=[{CJK}])|(?<=[{CJK}]){END}[ \t]+[{CJK}]"
    return [_context(text, m) for m in re.finditer(pattern, text)]


def spaced_markdown_links(text):
    """The same in Markdown: ``见 [前向传播：卷积层](…) 一章``."""
    found = []
    for m in re.finditer(r"(?<!!)\[((?:\\.|[^\]\\])+)\]\([^)\s]+\)", text):
        shown = m.group(1)
        if re.match(rf"[{CJK}]", shown) and re.search(rf"[{CJK}][ \t]+$", text[: m.start()]):
            found.append(_context(text, m))
        if re.search(rf"[{CJK}]$", shown) and re.match(rf"[ \t]+[{CJK}]", text[m.end() :]):
            found.append(_context(text, m))
    return found


def test_no_space_around_chinese_link_text_in_the_catalogs():
    """Where a role's visible text (a page's or a section's Chinese title, an explicit text) is Chinese at
    one end, the catalog writes no space between it and the Chinese beside it."""
    book = reader_notebooks.index(ROOT, "zh")
    role = re.compile(r"\{(?P<role>doc|ref)\}`(?P<text>[^`]*)`|(?<!!)\[(?P<md>(?:\\.|[^\]\\])+)\]\([^)\s]+\)")

    def shown(m, page):
        if m.group("md"):
            return m.group("md")
        explicit = reader_notebooks._EXPLICIT.match(m.group("text"))
        if explicit:
            return explicit.group("text")
        label = m.group("text")
        if m.group("role") == "doc":
            return book.titles[reader_notebooks._resolve(page, label)]
        return f"练习 {book.exercises[label][1]}" if label in book.exercises else book.sections[label][1]

    found = []
    for page, text in _msgstrs():
        for m in role.finditer(text):
            words = shown(m, page)
            before, after = text[: m.start()], text[m.end() :]
            if re.match(rf"[{CJK}]", words) and re.search(rf"[{CJK}][ \t]+$", before):
                found.append(f"{page}: {_context(text, m)}")
            if re.search(rf"[{CJK}]$", words) and re.match(rf"[ \t]+[{CJK}]", after):
                found.append(f"{page}: {_context(text, m)}")
    assert not found, f"{len(found)} spaces around Chinese link text, e.g.\n" + "\n".join(found[:10])


def test_no_space_around_chinese_link_text_on_the_pages(zh_html):
    found = [f"{p.relative_to(zh_html)}: {c!r}" for p in _pages(zh_html) for c in spaced_links(article_text(p))]
    assert not found, f"{len(found)} spaces around Chinese link text, e.g.\n" + "\n".join(found[:10])
    # the measure sees links: Chinese link text right next to Chinese, as the pages have it now
    assert any(re.search(rf"[{CJK}]{LINK}[{CJK}]", article_text(p)) for p in _pages(zh_html))


def test_no_space_around_chinese_link_text_in_the_reader_notebooks():
    found = [f"{p.name}: {c!r}" for p in READER for c in spaced_markdown_links(_markdown(p))]
    assert not found, f"{len(found)} spaces around Chinese link text, e.g.\n" + "\n".join(found[:10])
    # the measure itself: both spaces found; none where the link text, or its neighbour, is Latin
    assert len(spaced_markdown_links("见 [前向传播：卷积层](a.html) 一章")) == 2
    assert not spaced_markdown_links("见[前向传播：卷积层](a.html)一章，见 [im2col](b.html) 一节")


# --------------------------------------------------------------------------- 2. exercise titles


def test_exercise_and_solution_titles_have_full_width_brackets(zh_html):
    exercises = solutions = 0
    problems = []
    for page in _pages(zh_html):
        text = page.read_text(encoding="utf-8")
        for title in re.findall(r'<p class="admonition-title">(.*?)</p>', text, re.S):
            words = re.sub(r"<[^>]+>", "", title)
            if not re.match(r"练习 \d+\.\d+|.*的解答$", words):
                continue
            exercises += words.startswith("练习") and not words.endswith("的解答")
            solutions += words.endswith("的解答")
            if not re.fullmatch(r"练习 \d+\.\d+(（.+）)?|练习 \d+\.\d+(（.+）| )的解答", words):
                problems.append(f"{page.name}: {words!r}")
    assert exercises > 40 and solutions > 40 and not problems, "\n".join(problems[:10])


def test_exercise_titles_in_the_reader_notebooks_have_full_width_brackets():
    headings = [h for p in READER for h in re.findall(r"^#+ (练习 \d+.*)$", _markdown(p), re.M)]
    bad = [h for h in headings if not re.fullmatch(r"练习 \d+\.\d+(（.+）| 的解答)?", h)]
    assert len(headings) > 40 and not bad, bad[:10]


# --------------------------------------------------------------------------- 3. chapter numbers

ZERO_PADDED = re.compile(r"第 0\d|至 0\d 章|0\d 至 \d+ 章")


def test_chapter_numbers_without_a_leading_zero():
    catalogs = [f"{page}: {_context(t, m)}" for page, t in _msgstrs() for m in ZERO_PADDED.finditer(t)]
    notebooks = [f"{p.name}: {_context(t, m)}" for p in READER for t in [_markdown(p, True)] for m in
                 ZERO_PADDED.finditer(t)]  # fmt: skip
    assert not catalogs + notebooks, (catalogs + notebooks)[:10]


def test_chapter_numbers_without_a_leading_zero_on_the_pages(zh_html):
    found = []
    for page in _pages(zh_html):  # the whole page: prose, and the checker's reports in the outputs
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        found += [f"{page.name}: {_context(text, m)}" for m in ZERO_PADDED.finditer(text)]
    assert not found, f"{found[:10]} (the checker's reports say the chapter as cnnlib/exercises/zh.py writes it)"


# --------------------------------------------------------------------------- 4. equation numbers in brackets


def test_no_full_width_brackets_around_an_equation_reference_in_the_catalogs():
    found = [f"{page}: {_context(t, m)}" for page, t in _msgstrs() for m in re.finditer(r"（\{eq\}|\{eq\}`[^`]*`）", t)]
    assert not found, found[:10]


NUMBER = r"\d+\.\d+"  # an equation's number, "(5.3)": the chapter's, then its own (_ext/chapter_numbers.py)


def test_no_doubled_brackets_around_equation_numbers(zh_html):
    pattern = rf"（\s*{LINK}?\({NUMBER}\){END}?|\({NUMBER}\){END}?\s*）"
    found = [f"{p.name}: {_context(t, m)!r}" for p in _pages(zh_html) for t in [article_text(p)]
             for m in re.finditer(pattern, t)]  # fmt: skip
    found += [f"{p.name}: {_context(t, m)!r}" for p in READER for t in [_markdown(p)]
              for m in re.finditer(rf"（\[?\({NUMBER}\)|\({NUMBER}\)(?:\]\([^)]*\))?）", t)]  # fmt: skip
    assert not found, found[:10]
    # equation numbers are there to be found
    assert sum(len(re.findall(rf"{LINK}\({NUMBER}\){END}", article_text(p))) for p in _pages(zh_html)) > 100


# --------------------------------------------------------------------------- 5. citations


def test_narrative_citations_read_in_chinese(zh_html):
    textual, problems = set(), []
    for page in _pages(zh_html):
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<span class="bibtex-citation"[^>]*>(.*?)</span>', text, re.S):
            words = html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))
            if words.startswith("["):
                continue  # bracketed, "[He et al., 2016]": the works' own language, as a reference list's label
            textual.add(words)
            if re.search(r"\bet al\b|\band\b", words) or not re.fullmatch(r"[^\[\]]+ \[\d{4}\]", words):
                problems.append(f"{page.name}: {words!r}")
    assert not problems, problems
    assert any(" 和 " in t for t in textual) and any(" 等 [" in t for t in textual), textual
    # the reader notebooks write each one as the page does
    pattern = r"([A-Z][\w'-]*(?: [a-z]+ [A-Z][\w'-]*)?(?: 和 [A-Z][\w'-]*| 等)?) \[\\\[(\d{4})\\\]\]"
    written = {f"{a} [{y}]" for p in READER for a, y in re.findall(pattern, _markdown(p))}
    assert written == textual
    assert not [p.name for p in READER if re.search(r"(et al\.|\band [A-Z]\w*) \[\\\[", _markdown(p))]


def test_english_citations_are_as_they_were():
    book = reader_notebooks.index(ROOT, "en")
    assert book.textual["he2016"] == book.citations["he2016"][0] == "He et al."
    assert book.textual["dumoulin2016"] == "Dumoulin and Visin"
    assert reader_notebooks.index(ROOT, "zh").textual["dumoulin2016"] == "Dumoulin 和 Visin"


# --------------------------------------------------------------------------- 6. punctuation after a formula


def test_a_formula_and_the_punctuation_touching_it_do_not_break(zh_html):
    glued = loose = 0
    problems = []
    for page in _pages(zh_html):
        text = article_text(page)
        for m in re.finditer(rf"[{OPENING}]*{MATH}[{CLOSING}]?", text):
            if len(m.group(0)) == 1:
                continue
            if text[m.start() - 1 : m.start()] == NOBR:
                glued += 1
            else:
                loose += 1
                problems.append(f"{page.name}: {_context(text, m)!r}")
    assert glued > 500 and not loose, problems[:10]


LINE_STARTS = r"""() => {
  const CL = /^[CLOSING]/, OP = /[OPENING]$/, art = document.querySelector('article.bd-article');
  function neighbour(el, forward) {  // the first non-empty text node after (before) el, outside any formula
    let node = el;
    for (;;) {
      while (!(forward ? node.nextSibling : node.previousSibling)) { node = node.parentNode; if (node === art) return null; }
      node = forward ? node.nextSibling : node.previousSibling;
      while (node.nodeType === 1 && node.childNodes.length && node.tagName !== 'MJX-CONTAINER')
        node = forward ? node.firstChild : node.lastChild;
      if (node.nodeType === 1 && node.tagName === 'MJX-CONTAINER') return null;
      if (node.nodeType === 3 && node.data.length) return node;
    }
  }
  const out = {seen: 0, broken: []};
  for (const m of art.querySelectorAll('span.math')) {
    const box = m.getBoundingClientRect();
    if (!box.width || m.querySelector('mjx-container[display="true"]')) continue;
    for (const forward of [true, false]) {
      const t = neighbour(m, forward);
      if (!t || !(forward ? CL : OP).test(t.data)) continue;
      out.seen++;
      const r = document.createRange(), k = forward ? 0 : t.data.length - 1;
      r.setStart(t, k); r.setEnd(t, k + 1);
      const c = r.getBoundingClientRect();
      if (forward ? c.left < box.left && c.top > box.top + 2 : c.left > box.left && c.top < box.top - 2)
        out.broken.push(t.data.slice(0, 12));
    }
  }
  return out;
}""".replace("CLOSING", CLOSING).replace("OPENING", OPENING)


@pytest.mark.parametrize("width", [390, 1100])
def test_no_line_starts_with_the_punctuation_after_a_formula_in_chromium(zh_html, width):
    api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements.txt (playwright)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("no Chromium: apt-get install chromium")
    seen, broken = 0, []
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": width, "height": 844})
        for path in sorted((zh_html / "chapters").glob("*.html")):
            page.goto(path.as_uri())
            result = page.evaluate(LINE_STARTS)
            seen += result["seen"]
            broken += [f"{path.stem}: {b!r}" for b in result["broken"]]
        browser.close()
    assert seen > 500 and not broken, f"{len(broken)} lines start with punctuation at {width} px: {broken[:10]}"
