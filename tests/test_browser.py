"""The built book, both editions, opened in a real browser: every page as a reader sees it.

Builds the English and the Chinese edition into a temporary folder, serves it on 127.0.0.1 and opens every
page in headless Chromium (Playwright driving the system's Chromium), with all
traffic off this machine blocked, so the site must be self-contained. Checks:
no console errors, every formula typeset by MathJax, every image loaded,
every internal link resolving (fragments included), the language switch of
every page leading to the same page in the other edition, the search page
finding "pooling" and the Chinese one 池化 and 反向传播. Desktop and phone-width screenshots of a few pages land in
``_build/screenshots/`` for a person to look at.

Skipped, with instructions, where Chromium or Playwright is missing;
``.ci/run`` installs Chromium so CI never skips it.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

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

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements.txt (playwright)")


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
    """Both editions built from this checkout, served on 127.0.0.1; yields (base URL, html folder)."""
    out = tmp_path_factory.mktemp("book")
    build = subprocess.run(
        [sys.executable, str(ROOT / "_ext" / "editions.py"), str(out)], capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    html_dir = out / "_build" / "html"
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", html_dir
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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


def open_page(browser, base, name, viewport=(1280, 900)):
    """Open a page with traffic off 127.0.0.1 blocked; returns (page, console errors, blocked URLs)."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    errors, blocked = [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def route(r):
        if urllib.parse.urlsplit(r.request.url).hostname == "127.0.0.1":
            return r.continue_()
        blocked.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(f"{base}/{name}.html", wait_until="load")
    page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
    return page, errors, blocked


def test_every_page_renders_offline_with_typeset_math_and_loaded_images(site, browser):
    base, html_dir = site
    names = pages(html_dir)
    assert "chapters/05_conv_backward" in names and len(names) >= 9, names
    problems = []
    for name in names:
        page, errors, blocked = open_page(browser, base, name)
        report = page.evaluate(
            """() => {
              const text = [...document.querySelectorAll('article p, article li, article td, article h1, article h2, article h3, .math')]
                .map(e => e.innerText).join('\\n');
              return {
                mathjax: document.querySelectorAll('mjx-container').length,
                mathSource: document.querySelectorAll('.math, .tex2jax_process').length,
                errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
                raw: (text.match(/\\$\\$|\\\\frac|\\\\partial|\\\\sum|\\\\begin\\{/g) || []).slice(0, 3),
                images: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
              };
            }"""
        )
        if errors:
            problems.append(f"{name}: console errors {errors[:3]}")
        if blocked:
            problems.append(f"{name}: requested resources off this machine {blocked[:3]}")
        if report["mathSource"] and not report["mathjax"]:
            problems.append(f"{name}: {report['mathSource']} formulas but MathJax typeset none")
        if report["errors"]:
            problems.append(f"{name}: {report['errors']} MathJax error nodes")
        if report["raw"]:
            problems.append(f"{name}: raw TeX left in the text: {report['raw']}")
        if report["images"]:
            problems.append(f"{name}: images that did not load: {report['images'][:3]}")
        page.close()
    assert not problems, "\n".join(problems)


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


def _parse(path):
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_resolves(site):
    _, html_dir = site
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
            if not target.exists():
                broken.append(f"{page.relative_to(html_dir)} -> {href} (no such file)")
            elif url.fragment and target.suffix == ".html" and url.fragment not in _parse(target).ids:
                broken.append(f"{page.relative_to(html_dir)} -> {href} (no such anchor)")
    assert checked > 100, checked
    assert not broken, "\n".join(broken[:20])


@pytest.mark.parametrize("edition, word", [("", "pooling"), ("zh/", "池化"), ("zh/", "反向传播")])
def test_search_finds(site, browser, edition, word):
    base, _ = site
    page, errors, _ = open_page(browser, base, f"{edition}search")
    page.goto(f"{base}/{edition}search.html?q={urllib.parse.quote(word)}", wait_until="load")
    page.wait_for_selector("#search-results li", timeout=20_000)
    hits = page.eval_on_selector_all("#search-results li", "els => els.map(e => e.textContent)")
    assert any(word in h.lower() for h in hits), hits
    assert not errors, errors
    page.close()


def test_every_page_has_a_language_switch_to_the_same_page(site):
    _, html_dir = site
    names = pages(html_dir)
    english = [n for n in names if not n.startswith("zh/")]
    assert {f"zh/{n}" for n in english} == {n for n in names if n.startswith("zh/")}
    problems = []
    for name in names:
        path = html_dir / f"{name}.html"
        found = re.search(r'<p class="language-switch"><a href="([^"]+)"', path.read_text(encoding="utf-8"))
        other = name[3:] if name.startswith("zh/") else f"zh/{name}"
        if not found:
            problems.append(f"{name}: no language switch")
        elif (path.parent / found.group(1)).resolve() != (html_dir / f"{other}.html").resolve():
            problems.append(f"{name}: the switch leads to {found.group(1)}, not {other}")
    assert not problems, "\n".join(problems)


def test_chinese_pages_are_chinese(site):
    _, html_dir = site
    chinese = [n for n in pages(html_dir) if n.startswith("zh/")]
    assert len(chinese) >= 9
    for name in chinese:
        assert '<html lang="zh-CN"' in (html_dir / f"{name}.html").read_text(encoding="utf-8"), name


def test_screenshots_desktop_and_phone(site, browser):
    """Screenshots for a person to look at (not compared): _build/screenshots/*.png."""
    base, _ = site
    out = ROOT / "_build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for name in SCREENSHOTS:
        for label, viewport in (("desktop", (1280, 900)), ("phone", (390, 844))):
            page, errors, _ = open_page(browser, base, name, viewport)
            path = out / f"{name.replace('/', '_')}_{label}.png"
            page.screenshot(path=str(path))
            width = page.evaluate("document.documentElement.scrollWidth")
            page.close()
            assert path.stat().st_size > 10_000
            assert not errors, errors
            # nothing wider than the phone's screen but scrollable code and math boxes
            assert width <= viewport[0] + 1, f"{name} is {width}px wide on a {viewport[0]}px screen"
