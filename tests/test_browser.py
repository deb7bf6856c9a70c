"""The built book, both editions, opened in a real browser from its offline zip: every page as a reader sees it.

Builds the English and the Chinese edition once, into a temporary folder
(``_ext/editions.py``), unzips the offline copy that the front pages offer
(``cnnlib-book.zip``) and opens every page of it once, through ``file://``, in
headless Chromium (Playwright driving the system's Chromium), with every
request that is not a file blocked and recorded. That one pass collects what
the tests below check: no console errors, nothing requested from the network,
every formula typeset by MathJax (at build time, ``_ext/prerender_math.py``, or
in the page where the build had no Node.js) and its fonts loaded, every image
loaded, every internal link resolving (fragments included), the language switch
of every page leading to the same page in the other edition, the zip holding
the whole site and the front pages stating its size. The search pages are opened on their own to
find "pooling", and in Chinese 池化 and 反向传播; the Chinese one then finds every term of the
glossary and of the titles on every page that holds it. Desktop and phone-width
screenshots of a few pages, taken in the same pass, land in
``_build/screenshots/`` for a person to look at.

Skipped, with instructions, where Chromium or Playwright is missing;
``.ci/run`` installs Chromium so CI never skips it.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest
from book import build
from stray_files import tree_with_stray_files

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ["intro", "chapters/03_conv_forward", "chapters/05_conv_backward", "chapters/06_pool_backward"]
SCREENSHOTS += ["zh/intro", "zh/chapters/05_conv_backward", "zh/chapters/07_source_slips"]
DESKTOP, PHONE = (1280, 900), (390, 844)

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements.txt (playwright)")
pytestmark = pytest.mark.timeout(900)  # two builds of the book, then every page in a browser


def _launch(p):
    """The system's Chromium if there is one, else Playwright's own (``playwright install chromium``)."""
    try:
        return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as err:  # no browser at all: say how to get one (and never skip in CI)
        message = (
            "no Chromium: apt-get install chromium chromium-driver (Debian; .ci/run does this), "
            f"or python -m playwright install chromium ({type(err).__name__})"
        )
        (pytest.fail if os.environ.get("CI") else pytest.skip)(message)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Both editions built from this checkout, with stray files about (``STRAY``); yields (the built html
    folder, its unzipped offline copy)."""
    tree = tree_with_stray_files(tmp_path_factory.mktemp("tree"))
    html_dir = build(tree, tmp_path_factory.mktemp("book"))
    offline = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(html_dir / "cnnlib-book.zip") as z:
        z.extractall(offline)
    return html_dir, offline / "cnnlib-book"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = _launch(p)
        yield b
        b.close()


def pages(html_dir):
    """Every page of the book (the table of contents' files), as paths without ``.html``."""
    return sorted(
        str(p.relative_to(html_dir).with_suffix(""))
        for p in html_dir.rglob("*.html")
        if not any(part.startswith("_") for part in p.relative_to(html_dir).parts)
        and p.name not in {"genindex.html", "search.html", "index.html"}
    )


class Tab:
    """One browser tab that opens page after page (a new tab for each would cost a second a page),
    with every request that is not a file blocked, and the console errors and blocked requests
    of the page opened last.

    Only requests that are not files reach the route handler: the pattern is matched in the
    browser, so a page's hundred-odd files do not each make a round trip to Python.
    """

    def __init__(self, browser, viewport=DESKTOP, allow=None):
        self.allow = ("file://", allow) if allow else ("file://",)  # allow: the local server's base URL
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.errors, self.blocked = [], []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route(re.compile("^(?!" + "|".join(map(re.escape, self.allow)) + ")"), self._block)

    def _block(self, r):
        self.blocked.append(r.request.url)
        return r.abort()

    def open(self, url):
        """Open ``url``, wait for MathJax (where the page still loads it) and for the fonts; returns the page.

        ``blocked`` gets what the route stopped, and any resource the page loaded from elsewhere.
        """
        self.errors.clear()
        self.blocked.clear()
        self.page.goto(url, wait_until="load")
        self.page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
        self.page.evaluate("() => document.fonts.ready.then(() => null)")
        loaded = self.page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
        allowed = (*self.allow, "data:", "blob:")
        self.blocked += [u for u in loaded if not u.startswith(allowed) and u not in self.blocked]
        return self.page


REPORT = """() => {
  const text = [...document.querySelectorAll('article p, article li, article td, article h1, article h2, article h3, .math')]
    .map(e => e.innerText).join('\\n');
  const zh = document.querySelector('p.language-switch a');
  return {
    mathjax: document.querySelectorAll('mjx-container').length,
    mathSource: document.querySelectorAll('.math, .tex2jax_process').length,
    errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    raw: (text.match(/\\$\\$|\\\\frac|\\\\partial|\\\\sum|\\\\begin\\{/g) || []).slice(0, 3),
    images: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
    images_total: document.images.length,
    fontsFailed: [...document.fonts].filter(f => f.status === 'error').map(f => f.family),
    mathFonts: [...document.fonts].filter(f => f.family.startsWith('MJX') && f.status === 'loaded').length,
    lang: document.documentElement.lang,
    switch: zh ? zh.href : null,
  };
}"""


@pytest.fixture(scope="module")
def visits(site, browser):
    """Every page of the offline copy opened once; ``{page: what the browser saw}``.

    The pages in ``SCREENSHOTS`` are photographed in the same visit, at desktop width and then at
    phone width, where the page's width is measured too.
    """
    _, offline = site
    shots = ROOT / "_build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    tab, seen = Tab(browser), {}
    for name in pages(offline):
        page = tab.open((offline / f"{name}.html").as_uri())
        report = page.evaluate(REPORT)
        report.update(console=list(tab.errors), blocked=list(tab.blocked), mjx_errors=report.pop("errors"))
        if name in SCREENSHOTS:
            widths = {}
            for label, (w, h) in (("desktop", DESKTOP), ("phone", PHONE)):
                page.set_viewport_size({"width": w, "height": h})
                # the sidebars slide to their new places (CSS transitions): photograph where they end
                page.evaluate(
                    "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
                    ".then(() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))))"
                )
                path = shots / f"{name.replace('/', '_')}_{label}.png"
                page.screenshot(path=str(path))
                widths[label] = (page.evaluate("document.documentElement.scrollWidth"), w, path.stat().st_size)
            page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
            report["screens"] = widths
        seen[name] = report
    tab.page.close()
    return seen


def test_every_page_renders_offline_with_typeset_math_and_loaded_images(visits):
    assert "chapters/05_conv_backward" in visits and "zh/chapters/05_conv_backward" in visits, sorted(visits)
    assert len(visits) >= 30
    problems = []
    for name, report in visits.items():
        if report["console"]:
            problems.append(f"{name}: console errors {report['console'][:3]}")
        if report["mathSource"] and not report["mathjax"]:
            problems.append(f"{name}: {report['mathSource']} formulas but MathJax typeset none")
        if report["mjx_errors"]:
            problems.append(f"{name}: {report['mjx_errors']} MathJax error nodes")
        if report["raw"]:
            problems.append(f"{name}: raw TeX left in the text: {report['raw']}")
        if report["images"]:
            problems.append(f"{name}: images that did not load: {report['images'][:3]}")
        if report["fontsFailed"] or (report["mathjax"] and not report["mathFonts"]):
            problems.append(
                f"{name}: fonts that did not load: {report['fontsFailed'][:3]} (MathJax's: {report['mathFonts']})"
            )
    assert not problems, "\n".join(problems)
    assert sum(r["mathjax"] for r in visits.values()) > 1000
    assert sum(r["images_total"] for r in visits.values()) > 50


def test_nothing_is_requested_from_the_network(visits):
    asked = {name: r["blocked"][:3] for name, r in visits.items() if r["blocked"]}
    assert not asked, asked


def test_no_page_names_a_remote_address_or_thebe(site):
    """Pages that ask nothing of the network may still name an address (thebe's unpkg URL, before the book left
    sphinx_thebe out of its extensions); none does, in either edition."""
    html_dir, named = site[0], {}
    for path in html_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        hits = sorted(set(re.findall(r"https?://(?:unpkg|cdn|cdnjs|fonts\.googleapis)[\w./-]*", text)))
        if hits or "thebe" in text.lower():
            named[str(path.relative_to(html_dir))] = hits or ["thebe"]
    assert not named, named


def test_the_tab_blocks_and_reports_what_is_not_a_file(browser, tmp_path):
    """The check above would pass if the tab saw no requests at all: a page that asks the network, to see it does."""
    (tmp_path / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    (tmp_path / "page.html").write_text(
        '<!doctype html><img src="dot.svg"><img src="https://example.com/remote.png">'
        '<script src="http://example.org/remote.js"></script>'
    )
    tab = Tab(browser)
    page = tab.open((tmp_path / "page.html").as_uri())
    assert sorted(tab.blocked) == ["http://example.org/remote.js", "https://example.com/remote.png"]
    assert page.evaluate("document.images[0].complete && document.images[0].naturalWidth") == 4
    page.close()


class _Anchors(html.parser.HTMLParser):
    """Collects ``href`` targets and element ids of one HTML page."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


@functools.cache
def _parse(path):
    """The links and ids of one page, parsed once however many links lead to it."""
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_resolves(site):
    _, html_dir = site  # the unzipped copy
    broken, checked = [], 0
    for page in sorted(html_dir.rglob("*.html")):
        if any(part.startswith("_") for part in page.relative_to(html_dir).parts):
            continue
        for href in _parse(page).hrefs:
            url = urllib.parse.urlsplit(href)
            if url.scheme or url.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / urllib.parse.unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists() and target != (html_dir / "cnnlib-book.zip").resolve():  # the zip is not in itself
                broken.append(f"{page.relative_to(html_dir)} -> {href} (no such file)")
            elif url.fragment and target.suffix == ".html" and url.fragment not in _parse(target).ids:
                broken.append(f"{page.relative_to(html_dir)} -> {href} (no such anchor)")
    assert checked > 100, checked
    assert not broken, "\n".join(broken[:20])


def test_every_page_has_a_language_switch_to_the_same_page(site, visits):
    _, offline = site
    english = [n for n in visits if not n.startswith("zh/")]
    assert {f"zh/{n}" for n in english} == {n for n in visits if n.startswith("zh/")}
    problems = []
    for name, report in visits.items():
        other = name[3:] if name.startswith("zh/") else f"zh/{name}"
        if not report["switch"]:
            problems.append(f"{name}: no language switch")
            continue
        # where the browser resolved the link to, in the unzipped copy
        target = Path(urllib.request.url2pathname(urllib.parse.urlsplit(report["switch"]).path))
        if target.resolve() != (offline / f"{other}.html").resolve():
            problems.append(f"{name}: the switch leads to {report['switch']}, not {other}")
    assert not problems, "\n".join(problems)


def test_launch_and_edit_buttons_point_at_files_of_the_repository(site):
    """Binder and Colab open the page's own reader notebook (plain Markdown, notebooks/en or notebooks/zh),
    at the branch of _config.yml; "Suggest edit" opens the file that holds the page's text (a catalog, in
    the Chinese edition)."""
    _, offline = site
    sys.path.insert(0, str(ROOT / "_ext"))
    import setup_cell

    url, branch = setup_cell.repository()
    colab = re.compile(
        rf'href="https://colab\.research\.google\.com/github/{url.split("github.com/")[1]}/blob/{branch}/([^"]+)"'
    )
    binder = re.compile(r'href="https://mybinder\.org/v2/gh/[^/]+/[^/]+/' + branch + r'\?urlpath=lab/tree/([^"]+)"')
    edit = re.compile(rf'href="{re.escape(url)}/edit/{branch}/([^"]+)"')
    problems, launched = [], 0
    for name in pages(offline):
        text = (offline / f"{name}.html").read_text(encoding="utf-8")
        own = f"notebooks/{'zh' if name.startswith('zh/') else 'en'}/{Path(name).name}.ipynb"
        found = {"colab": colab.findall(text), "binder": binder.findall(text), "edit": edit.findall(text)}
        if name.split("/")[-2:-1] == ["chapters"]:
            launched += 1
            if found["colab"] != [own] or found["binder"] != [own] or not (ROOT / own).is_file():
                problems.append(f"{name}: launch buttons open {found['colab']}, {found['binder']}, not {own}")
        if len(found["edit"]) != 1 or not (ROOT / found["edit"][0]).is_file():
            problems.append(f"{name}: 'Suggest edit' opens {found['edit']}")
        elif name.startswith("zh/") and found["edit"][0] != f"locale/zh_CN/LC_MESSAGES/{name[3:]}.po":
            problems.append(f"{name}: 'Suggest edit' opens {found['edit'][0]}, not the page's catalog")
    assert launched == 30 and not problems, "\n".join(problems)


def test_chinese_pages_are_chinese(visits):
    chinese = [n for n in visits if n.startswith("zh/")]
    assert len(chinese) >= 15
    assert all(visits[n]["lang"] == "zh-CN" for n in chinese), {n: visits[n]["lang"] for n in chinese}
    assert all(visits[n]["lang"] == "en" for n in visits if not n.startswith("zh/"))


def test_every_notebook_the_site_serves_is_the_reader_notebook_pinned_to_the_build(site):
    """The download button's notebooks (both editions) are the reader notebooks of notebooks/ (plain Markdown,
    no MyST), their setup cells naming the build's commit, not the branch."""
    sys.path.insert(0, str(ROOT / "_ext"))
    import reader_notebooks
    import setup_cell

    _, offline = site
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    served = sorted(offline.glob("_sources/chapters/*.ipynb")) + sorted(offline.glob("zh/_sources/chapters/*.ipynb"))
    assert len(served) == 30, served
    for path in served:
        nb = json.loads(path.read_text(encoding="utf-8"))
        first = "".join(nb["cells"][0]["source"])
        assert f'/cnnlib@{sha}"' in first, f"{path.relative_to(offline)}: {first[-120:]}"
        reader = json.loads((ROOT / "notebooks" / ("zh" if path.parts[-4] == "zh" else "en") / path.name).read_text())
        setup_cell.pin(reader, sha)
        assert nb == reader, f"{path.relative_to(offline)} is not the reader notebook"
        assert reader_notebooks.raw_myst(nb) == [], path.relative_to(offline)


def test_the_zip_is_the_whole_site_and_the_front_pages_say_its_size(site):
    html_dir, offline = site
    built = {p.relative_to(html_dir) for p in html_dir.rglob("*") if p.is_file()} - {Path("cnnlib-book.zip")}
    assert {p.relative_to(offline) for p in offline.rglob("*") if p.is_file()} == built
    # the same bytes, but for the search's excerpts, which browsers cannot fetch from disk
    changed = sorted(str(p) for p in built if (offline / p).read_bytes() != (html_dir / p).read_bytes())
    assert changed == ["_static/documentation_options.js", "zh/_static/documentation_options.js"], changed
    assert "SHOW_SEARCH_SUMMARY: false" in (offline / changed[0]).read_text(encoding="utf-8")
    size = f"{(html_dir / 'cnnlib-book.zip').stat().st_size / 1e6:.0f} MB"
    for front, href in (("intro.html", "cnnlib-book.zip"), ("zh/intro.html", "../cnnlib-book.zip")):
        text = (html_dir / front).read_text(encoding="utf-8")
        assert f'<a href="{href}" download>' in text, front
        assert re.search(r'<span class="offline-size">([^<]*)</span>', text).group(1) == size, front


@pytest.fixture(scope="module")
def served(site):
    """The built site (not the offline copy) on 127.0.0.1, as the web serves it; yields its base URL."""
    html_dir, _ = site
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.parametrize("copy", ["offline", "web"])
@pytest.mark.parametrize("edition, word", [("", "pooling"), ("zh/", "池化"), ("zh/", "反向传播")])
def test_search_finds(site, served, browser, copy, edition, word):
    """On the web the results carry excerpts, fetched from the pages; offline (file://) they do not."""
    base = site[1].as_uri() + "/" if copy == "offline" else served
    tab = Tab(browser, allow=served)
    page = tab.open(f"{base}{edition}search.html?q={urllib.parse.quote(word)}")
    page.wait_for_selector("#search-results li", timeout=20_000)
    page.wait_for_load_state("networkidle")
    hits = page.eval_on_selector_all("#search-results li", "els => els.map(e => e.textContent)")
    assert any(word in h.lower() for h in hits), hits
    excerpts = page.eval_on_selector_all("#search-results li p.context", "els => els.length")
    assert (excerpts > 0) == (copy == "web"), excerpts
    assert not tab.errors and not tab.blocked, (tab.errors, tab.blocked)
    page.close()


SEARCH = """async (word) => {
  const out = document.getElementById('search-results');
  out.replaceChildren();
  Search.performSearch(word);  // what the page does with search.html?q=word
  while (!Search.status.textContent) await new Promise(r => setTimeout(r, 5));  // written when the list is done
  return [...out.querySelectorAll('li > a')].map(a => a.getAttribute('href').split('#')[0].replace(/\\.html$/, ''));
}"""
_BLOCK_TAG = re.compile(r"</?(?:p|li|h\d|div|t[dhr]|pre|d[dlt]|br|figcaption|section|table|[uo]l|blockquote)\b[^>]*>")


def _article_text(page):
    """The text of a built page's article, as a reader sees it: blocks apart, inline markup (*逐点*卷积) joined."""
    text = page.read_text(encoding="utf-8")
    text = text[text.index('<article class="bd-article">') : text.index("</article>")]
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", _BLOCK_TAG.sub("\n", text)))


def test_chinese_search_finds_every_term(site, browser):
    """Every Chinese term of the glossary finds a page in the Chinese search, and every term of the glossary
    and of the titles (``_ext/search_zh.py``) finds every page whose text holds it: the browser looks a
    query up whole, so the index must hold each term whole on each page, however jieba cut the sentence."""
    sys.path.insert(0, str(ROOT / "_ext"))
    import search_zh

    html_dir, offline = site
    terms, glossary = search_zh.book_terms(ROOT), set(search_zh.glossary_terms(ROOT))
    assert len(glossary) >= 70 and {"卷积核", "特征图", "感受野", "反向传播"} <= glossary
    texts = {name[3:]: _article_text(html_dir / f"{name}.html") for name in pages(html_dir) if name.startswith("zh/")}
    tab = Tab(browser)
    page = tab.open((offline / "zh" / "search.html").as_uri())
    page.wait_for_function("() => Search.hasIndex()")
    missing = {}
    for term in terms:
        found, holding = set(page.evaluate(SEARCH, term)), {name for name, text in texts.items() if term in text}
        if holding - found or (not found and term in glossary):  # a part's caption may be on no page (附录)
            missing[term] = f"{len(found)} results, not {sorted(holding - found)}" if found else "no result"
    assert not missing, f"{len(missing)} of {len(terms)} terms: {missing}"
    assert len([name for name, text in texts.items() if "反向传播" in text]) >= 10  # the bound is not empty
    assert not tab.errors and not tab.blocked, (tab.errors, tab.blocked)
    page.close()


def test_screenshots_desktop_and_phone(visits):
    """Screenshots for a person to look at (not compared): _build/screenshots/*.png."""
    for name in SCREENSHOTS:
        for label, (width, screen, size) in visits[name]["screens"].items():
            assert size > 10_000, (name, label)
            # nothing wider than the screen but scrollable code and math boxes
            assert width <= screen + 1, f"{name} is {width}px wide on a {screen}px screen ({label})"


def test_reader_notebooks_number_and_link_as_the_book_does(site):
    """The reader notebooks (_ext/reader_notebooks.py) give every labelled equation and exercise the number
    the built page gives it, and every link they make leads to a page and an anchor of the built site."""
    sys.path.insert(0, str(ROOT / "_ext"))
    import reader_notebooks

    html_dir, _ = site
    problems = []
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        book = reader_notebooks.index(ROOT, lang)
        equations, exercises, ids = {}, {}, {}
        for doc in book.docs:
            text = (html_dir / f"{prefix}{doc}.html").read_text(encoding="utf-8")
            ids[doc] = set(re.findall(r'\bid="([^"]+)"', text))
            for n, label in re.findall(
                r'<span class="eqno">\((\d+(?:\.\d+)?)\)<a class="headerlink" href="#equation-([^"]+)"', text
            ):
                equations[label] = (doc, n)
            for label, n in re.findall(
                r'<div class="exercise[^"]*" id="([^"]+)">\s*<p class="admonition-title"><span class="caption-number">'
                r"[^<\d]*(\d+(?:\.\d+)?)",
                text,
            ):
                exercises[label] = (doc, n)
        if equations != book.equations:
            problems.append(f"{lang}: equation numbers differ: {set(equations.items()) ^ set(book.equations.items())}")
        if exercises != book.exercises:
            problems.append(f"{lang}: exercise numbers differ: {set(exercises.items()) ^ set(book.exercises.items())}")
        for path in sorted((ROOT / "notebooks" / lang).glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
            for doc, anchor in re.findall(re.escape(book.base) + r"([\w/]+)\.html(?:#([\w-]+))?\)", markdown):
                if doc not in ids:
                    problems.append(f"{path.name}: a link to {doc}, which is not a page")
                elif anchor and anchor not in ids[doc]:
                    problems.append(f"{path.name}: a link to {doc}#{anchor}, which is not on that page")
    assert equations and exercises and not problems, "\n".join(problems)


# --------------------------------------------------------------------------- a phone, as a reader holds it

PHONE_VISIT = """async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = {scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth};
  const column = document.querySelector('article.bd-article').getBoundingClientRect();
  out.column = [column.left, column.right];
  out.figures = [...document.querySelectorAll('figure.cnn-figure img')].map(img => {
    const r = img.getBoundingClientRect();
    return {src: img.currentSrc, left: r.left, right: r.right, width: r.width,
            caption: (img.closest('figure').querySelector('figcaption') || {}).textContent || '', alt: img.alt};
  });
  out.animations = [...document.querySelectorAll('.cnn-anim')].map(a => {
    const r = a.getBoundingClientRect(), img = a.querySelector('img').getBoundingClientRect();
    const buttons = [...a.querySelectorAll('button')].map(b => b.getBoundingClientRect()).map(b => [b.width, b.height]);
    return {left: Math.min(r.left, img.left), right: Math.max(r.right, img.right), buttons};
  });
  // the site navigation: tap the visible ☰, the drawer opens; Escape closes it
  const nav = {};
  for (const kind of ['primary', 'secondary']) {
    const visible = [...document.querySelectorAll('.' + kind + '-toggle')].filter(b => b.offsetParent !== null);
    const drawer = document.getElementById('pst-' + kind + '-sidebar-modal');
    if (!visible.length || !drawer) { nav[kind] = 'no button'; continue; }
    visible[0].click();
    await frame();
    nav[kind] = drawer.open ? 'opens' : 'stays closed';
    const link = kind === 'secondary' && drawer.open ? drawer.querySelector('a[href^="#"]') : null;
    if (link) { link.click(); await frame(); nav.closesOnLink = !drawer.open; }
    if (drawer.open) drawer.close();
    await frame();
  }
  out.nav = nav;
  // a solution: tap the words of its title, it opens
  const title = document.querySelector('.solution.dropdown > .admonition-title');
  if (title) {
    const words = title.querySelector('.solution-of') || title.firstChild;
    const target = words.nodeType === 1 ? words : title;
    target.click();
    await sleep(50);
    out.solution = title.querySelector('.toggle-button').getAttribute('aria-expanded');
  }
  return out;
}"""


def _smallest_label_px(src, shown_width):
    """The smallest text of an SVG figure in CSS px as shown ``shown_width`` px wide (None: no text)."""
    import base64

    svg = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    view_width = float(re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ', svg).group(1))
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    return min(sizes) * shown_width / view_width if sizes else None


@pytest.fixture(scope="module")
def phone(site, browser):
    """Every page of the offline copy on a 390×844 touch screen: what a reader's taps and eyes meet."""
    _, offline = site
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, is_mobile=True, has_touch=True)
    context.route(re.compile("^(?!file://)"), lambda r: r.abort())
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    seen = {}
    for name in pages(offline):
        errors.clear()
        page.goto((offline / f"{name}.html").as_uri(), wait_until="load")
        report = page.evaluate(PHONE_VISIT)
        report["console"] = list(errors)
        seen[name] = report
    context.close()
    return seen


def test_phone_navigation_opens_and_closes(phone):
    problems = [f"{name}: {r['nav']}" for name, r in phone.items() if r["nav"].get("primary") != "opens"]
    problems += [f"{name}: contents {r['nav']}" for name, r in phone.items()
                 if r["nav"].get("secondary") not in ("opens", "no button")]  # fmt: skip
    problems += [f"{name}: a link tapped in the contents left the drawer open" for name, r in phone.items()
                 if r["nav"].get("closesOnLink") is False]  # fmt: skip
    assert sum(r["nav"].get("secondary") == "opens" for r in phone.values()) >= 30
    assert not problems, "\n".join(problems)


def test_tablet_navigation_opens(site, browser):
    """At 800 px (a tablet, or a phone held sideways) the sidebar is a drawer too, and ☰ opens it."""
    _, offline = site
    context = browser.new_context(viewport={"width": 800, "height": 1100}, is_mobile=True, has_touch=True)
    context.route(re.compile("^(?!file://)"), lambda r: r.abort())
    page = context.new_page()
    seen = {}
    for name in ("intro", "chapters/05_conv_backward", "zh/intro", "zh/chapters/05_conv_backward"):
        page.goto((offline / f"{name}.html").as_uri(), wait_until="load")
        seen[name] = page.evaluate(PHONE_VISIT)["nav"]
    context.close()
    assert all(nav.get("primary") == "opens" for nav in seen.values()), seen


def test_phone_pages_do_not_scroll_sideways(phone):
    wide = {name: r["scrollWidth"] for name, r in phone.items() if r["scrollWidth"] > r["width"]}
    assert not wide, wide


def test_phone_figures_and_animations_stay_in_the_column(phone):
    problems = []
    for name, r in phone.items():
        left, right = r["column"]
        for k, f in enumerate(r["figures"]):
            if f["left"] < left - 1 or f["right"] > right + 1:
                problems.append(
                    f"{name}: figure {k + 1} spans {f['left']:.0f}-{f['right']:.0f}, column {left:.0f}-{right:.0f}"
                )
        for k, a in enumerate(r["animations"]):
            if a["left"] < left - 1 or a["right"] > right + 1:
                problems.append(f"{name}: animation {k + 1} spans {a['left']:.0f}-{a['right']:.0f}")
            small = [b for b in a["buttons"] if min(b) < 40]
            if small:
                problems.append(f"{name}: animation {k + 1} has buttons smaller than 40 px: {small}")
    assert sum(len(r["figures"]) for r in phone.values()) >= 60  # both editions
    assert sum(len(r["animations"]) for r in phone.values()) == 12  # six per edition
    assert not problems, "\n".join(problems)


def test_phone_figure_labels_are_at_least_9_px_and_figures_have_captions_and_alt_text(phone):
    problems = []
    for name, r in phone.items():
        for k, f in enumerate(r["figures"]):
            smallest = _smallest_label_px(f["src"], f["width"])
            if smallest is not None and smallest < 9:
                problems.append(f"{name}: figure {k + 1} has text {smallest:.1f} px high")
            number = "图" if name.startswith("zh/") else "Figure"
            shortest = 10 if name.startswith("zh/") else 20  # characters: Chinese says as much in half as many
            if not re.match(rf"{number} \d+\.{k + 1} \S", f["caption"]) or len(f["alt"]) < shortest:
                problems.append(f"{name}: figure {k + 1} caption {f['caption'][:40]!r}, alt {f['alt'][:40]!r}")
    assert not problems, "\n".join(problems)


def test_phone_solution_titles_open_their_solution_without_errors(phone):
    tapped = {name: r for name, r in phone.items() if "solution" in r}
    assert len(tapped) >= 26  # every chapter with exercises, both editions
    problems = [f"{name}: aria-expanded {r['solution']}" for name, r in tapped.items() if r["solution"] != "true"]
    problems += [f"{name}: {r['console'][:2]}" for name, r in phone.items() if r["console"]]
    assert not problems, "\n".join(problems)


def test_desktop_menu_button_folds_the_sidebar_and_dark_mode_follows_the_system(site, browser):
    _, offline = site
    context = browser.new_context(viewport={"width": DESKTOP[0], "height": DESKTOP[1]}, color_scheme="dark")
    context.route(re.compile("^(?!file://)"), lambda r: r.abort())
    page = context.new_page()
    page.goto((offline / "chapters" / "05_conv_backward.html").as_uri())
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    shown = "getComputedStyle(document.getElementById('pst-primary-sidebar')).visibility"
    article = "document.querySelector('article.bd-article').getBoundingClientRect().width"
    before = page.evaluate(shown), page.evaluate(article)
    page.locator(".bd-header-article .primary-toggle").click()
    page.wait_for_timeout(600)  # the theme animates the fold
    after = page.evaluate(shown), page.evaluate(article)
    assert before[0] == "visible" and after[0] == "hidden" and after[1] > before[1] + 100, (before, after)
    page.locator(".bd-header-article .primary-toggle").click()
    page.wait_for_timeout(600)
    assert page.evaluate(shown) == "visible"
    context.close()
