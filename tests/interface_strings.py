"""The interface strings of a built edition, and which of them are English.

    .venv/bin/python tests/interface_strings.py _build/html/zh              # every page, as built
    .venv/bin/python tests/interface_strings.py _build/html/zh --browser    # and what the scripts add

An interface string is a word the theme or an extension puts on a page, not the
chapter's own text: the visible text of everything outside the article (header,
sidebars, buttons and their menus, footer, the previous/next links), the
widgets inside it (the code cells' show/hide prompts, the solutions' toggle
buttons, the heading links, the copy buttons, the language switch), and, on
every element, the attributes a reader sees or hears (``title``,
``aria-label``, ``placeholder``, the tooltips' ``data-*``; inside the article
not a figure's ``alt`` nor a link's ``title``, which are the chapter's). Text
marked as another language (``lang="en"``: the language switch) is left out. With ``--browser``
a few pages are also opened in headless Chromium: their menus opened, their
buttons hovered and pressed, a search run, so that what the scripts insert
(copy buttons, toggle hints, tooltips, search messages) is read from the live
page. The sidebars' entries are the chapters' headings; they count too, so a
heading left in English would show.

An English word is a run of two or more Latin letters that is not a name
(:data:`NAMES`: GitHub, Binder, PDF, …), nor part of a code identifier
(``im2col``, ``conv_forward``, ``cnnlib.reference``), nor a term's English
given in Chinese brackets (分散累加（scatter-add）). The animation player's
buttons (``cnnlib.animate``) are listed apart: they are the notebooks' output,
not the site's interface.

``tests/test_interface_zh.py`` uses :func:`english_strings` and
:func:`browse`; run as a script it prints the list and the count.
"""

from __future__ import annotations

import re
import shutil
import sys
import urllib.parse
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

# attributes a reader sees (a tooltip, a placeholder) or hears (a screen reader)
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description", "aria-roledescription", "value")
ATTRIBUTES += ("data-tooltip", "data-bs-title", "data-bs-original-title", "data-toggle-hint", "data-title")
# the widgets that extensions put inside the article
WIDGETS = (
    "details.hide > summary",  # myst-nb: Show code cell source
    ".toggle-button",  # sphinx-togglebutton
    ".toggle-details__summary",
    ".copybtn",  # sphinx-copybutton
    "a.headerlink",  # Sphinx: ¶
    ".language-switch",  # _ext/language_switch.py
    "button",
)
# never read: code, formulas (MathJax keeps the TeX letters as text), scripts
SILENT = ("script", "style", "noscript", "template", "code", "kbd", "samp", "pre", "math", "mjx-container")
ANIMATION = re.compile(r"^cnn-anim")
# names that stay as they are in any language (products, file formats, the language switch's own word)
NAMES = {
    "GitHub", "Binder", "Colab", "PDF", "JupyterLab", "Jupyter", "Notebook", "ipynb", "md", "cnnlib",
    "pdf", "English", "Sphinx", "PyData", "MathJax", "SymPy", "NumPy", "Python", "Matplotlib", "CNN", "CS231n",
    "d2l", "ReLU", "im2col", "col2im", "TeX", "LaTeX", "Chromium", "VS", "Code", "Markdown", "Playwright", "LeNet",
    "softmax",
}  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z0-9_]+(?:[.\-/][A-Za-z0-9_]+)*")
_WORD = re.compile(r"[A-Za-z]{2,}")
_GLOSS = re.compile(r"（[^（）]*）")  # a term's English given in Chinese brackets: 分散累加（scatter-add）
_DATA = re.compile(r"data:[^\"')]{200,}|<script[^>]*>[^<]{5000,}</script>")  # images and animations: not words


def english_words(text):
    """The English words of ``text``: runs of letters that are neither a name nor part of an identifier."""
    words = []
    for token in _TOKEN.findall(_GLOSS.sub("", text)):
        if token in NAMES or "_" in token or "." in token or re.search(r"\d", token):
            continue  # a name, or an identifier (conv_forward, cnnlib.reference, im2col, 3x3)
        words += [w for w in _WORD.findall(token) if w not in NAMES]
    return words


def _where(tag):
    """A short CSS-like path to ``tag``, to say where a string was found."""
    parts = []
    while isinstance(tag, Tag) and tag.name not in ("html", "body") and len(parts) < 3:
        ident = f"#{tag['id']}" if tag.get("id") else ""
        classes = "".join(f".{c}" for c in (tag.get("class") or [])[:2])
        parts.append(f"{tag.name}{ident or classes}")
        tag = tag.parent
    return " < ".join(parts)


def interface_strings(html):
    """Every interface string of one page (its HTML, as built or as the browser holds it).

    Yields ``(kind, string, where)``: ``kind`` is ``"text"``, ``"attr:<name>"`` or ``"animation"``.
    """
    soup = BeautifulSoup(_DATA.sub("", html), "html.parser")
    if soup.title:
        yield "text", " ".join(soup.title.get_text().split()), "title"
    article = soup.select_one("article.bd-article")
    widgets = {id(w) for w in article.select(", ".join(WIDGETS))} if article else set()
    page_lang = ((soup.html.get("lang") if soup.html else None) or "").split("-")[0]
    yield from _walk(soup.body or soup, article, widgets, page_lang, inside=False, widget=False)


def _walk(tag, article, widgets, page_lang, inside, widget, silent=False, animation=False):
    """The strings of ``tag`` and its descendants; the flags say where ``tag`` stands."""
    if tag.get("lang") and tag["lang"].split("-")[0] != page_lang:
        return  # marked as another language on purpose: the language switch's "English"
    inside = inside or tag is article
    widget = widget or id(tag) in widgets
    silent = silent or tag.name in SILENT
    animation = animation or any(ANIMATION.match(c) for c in tag.get("class") or [])
    kind = (lambda k: "animation") if animation else (lambda k: k)
    for name in ATTRIBUTES:
        value = tag.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        if inside and not widget and name in ("alt", "title"):
            continue  # a figure's alt text, a link's title (the heading it leads to): the chapter's text
        yield kind(f"attr:{name}"), " ".join(value.split()), _where(tag)
    own = " ".join("".join(c for c in tag.children if type(c) is NavigableString).split())
    if own and not silent and (widget or not inside):
        yield kind("text"), own, _where(tag)  # its own text; its children speak for themselves
    for child in tag.children:
        if isinstance(child, Tag):
            yield from _walk(child, article, widgets, page_lang, inside, widget, silent, animation)


def english_strings(pages):
    """``{(kind, string): [page, …]}`` for the interface strings with English words, ``pages`` being
    ``{name: html}`` or ``{name: [html, …]}``; the animation player's kept apart under kind ``"animation"``."""
    found = defaultdict(list)
    for name, states in pages.items():
        for html in [states] if isinstance(states, str) else states:
            for kind, string, _ in interface_strings(html):
                if english_words(string) and name not in found[(kind, string)]:
                    found[(kind, string)].append(name)
    return dict(found)


def built_pages(html_dir):
    """``{page: html}`` for every page of the edition in ``html_dir`` (not those of an edition inside it)."""
    html_dir = Path(html_dir)
    pages = {}
    for path in sorted(html_dir.rglob("*.html")):
        rel = path.relative_to(html_dir)
        if rel.parts[0].startswith("_") or (rel.parts[0] == "zh" and html_dir.name != "zh"):
            continue
        pages[rel.with_suffix("").as_posix()] = path.read_text(encoding="utf-8")
    return pages


# what is hovered (its tooltip) and, if a menu, opened, one after another
MENUS = (".article-header-buttons .dropdown-toggle", ".article-header-buttons .btn:not(.dropdown-toggle)")
MENUS += (".theme-switch-button", ".search-button__button", ".prev-next-area a")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def browse(browser, html_dir, names, query="池化", errors=None):
    """``{page: [html, …]}``: the live DOM of each page of ``names``, in each state a reader puts it in.

    On each page: every dropdown menu opened, every header button and the first copy button hovered,
    a copy button and a solution's toggle pressed (their tooltips and hints change), the theme switch
    pressed, the search dialog opened; on ``search``, ``query`` searched for and a word with no result.
    Requests that are not files are refused. Tooltips are added to ``<body>`` only while shown, so
    each state is read before the next. The pages' script errors are added to ``errors``, if given,
    but for the search page's: on ``file://`` its fetches of the excerpts fail, as browsers refuse them.
    """
    html_dir = Path(html_dir)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda error: "/search.html" in page.url or errors.append(f"{page.url}: {error}"))
    live = {}

    def snapshot():  # the live DOM, without its images (a page is mostly base64)
        return page.evaluate("document.documentElement.outerHTML.replace(/data:[^\"')]{200,}/g, '')")

    for name in names:
        url = (html_dir / f"{name}.html").as_uri()
        states = []
        if name == "search":
            for q in (query, "xyzzyx"):
                page.goto(f"{url}?q={urllib.parse.quote(q)}")
                page.wait_for_selector("#search-results .search-summary", state="attached", timeout=30_000)
                summary, last = None, page.inner_text("#search-results .search-summary")
                while summary != last:  # settled: "Searching…" has become the number of pages found
                    page.wait_for_timeout(500)
                    summary, last = last, page.inner_text("#search-results .search-summary")
                states.append(snapshot())
            live[name] = states
            continue
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        states.append(snapshot())
        for selector in MENUS:
            for element in page.query_selector_all(selector):
                if element.is_visible():
                    element.hover()
                    page.wait_for_timeout(250)
                    if "dropdown-toggle" in (element.get_attribute("class") or ""):
                        element.click()
                        page.wait_for_timeout(150)
                    states.append(snapshot())
                    page.mouse.move(0, 0)
                    page.keyboard.press("Escape")
        code = page.query_selector("div.highlight")
        if code:
            code.hover()
            button = page.query_selector("div.highlight .copybtn")
            if button:
                button.hover()
                states.append(snapshot())
                button.click()
                page.wait_for_timeout(100)
                states.append(snapshot())  # "Copied!"
        for selector in (".toggle-button", "details.hide > summary"):
            widget = page.locator(f"{selector}:visible").first
            if widget.count():
                widget.click()  # the hint for hiding, "Hide code cell source"
                page.wait_for_timeout(100)
                states.append(snapshot())
        page.keyboard.press("Control+k")  # the search dialog
        page.wait_for_timeout(200)
        states.append(snapshot())
        live[name] = states
    context.close()
    return live


def report(found, pages):
    """The English strings, one a line, grouped by kind, and how many; returns how many (the animation's apart)."""
    ours = {k: v for k, v in found.items() if k[0] != "animation"}
    for (kind, string), where in sorted(ours.items(), key=lambda kv: (kv[0][0], kv[0][1].lower())):
        print(f"{kind:24} {string!r}  ({len(where)} page{'s' * (len(where) != 1)}, e.g. {where[0]})")
    animation = sorted({s for (k, s) in found if k == "animation"})
    if animation:
        print(f"\nthe animation player's own (cnnlib.animate, not counted): {animation}")
    print(
        f"\n{len(ours)} interface strings with English words ({len({s for _, s in ours})} different texts), "
        f"{sum(map(len, ours.values()))} times over the {pages}"
    )
    return len(ours)


def main(argv):
    html_dir = Path(argv[0])
    pages = built_pages(html_dir)
    found = english_strings(pages)
    if "--browser" in argv:
        from playwright.sync_api import sync_playwright

        names = ["intro", "chapters/03_conv_forward", "chapters/05_conv_backward", "glossary", "search"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            context_pages = browse(browser, html_dir, [n for n in names if n in pages])
            browser.close()
        for key, where in english_strings(context_pages).items():
            listed = found.setdefault(key, [])
            listed += [f"{w} (live)" for w in where if w not in listed]
    return report(found, f"{len(pages)} pages of {html_dir}")


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1:]) else 0)
