"""The Chinese edition's interface is Chinese; the English edition's is still English.

Both editions are built once from this checkout into a temporary folder
(``_ext/editions.py``, the committed notebooks). Every Chinese page's interface
strings (``tests/interface_strings.py``: the header, sidebars, menus, footer,
the widgets inside the article, the titles, labels and placeholders) must hold
no English word but names (GitHub, Binder, PDF, …) and code; then a chapter and
the search page are opened in headless Chromium, their menus opened, buttons
hovered and pressed, a search run, so that what the scripts add (toggle hints,
copy buttons, tooltips, search messages) is read too. The words themselves come
from ``locale/interface/zh_CN/LC_MESSAGES/*.po`` (``_ext/interface_zh.py``).

The browser part is skipped, with instructions, where Chromium or Playwright is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from book import build
from interface_strings import CHROMIUM_ARGS, browse, built_pages, english_strings, english_words, interface_strings

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "locale" / "interface" / "zh_CN" / "LC_MESSAGES"
CHAPTER = "chapters/03_conv_forward"  # hidden cells, solutions, formulas, launch and download buttons

pytestmark = pytest.mark.timeout(900)  # two builds of the book


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Both editions built from this checkout; ``(English html folder, Chinese html folder)``."""
    html = build(ROOT, tmp_path_factory.mktemp("book"))
    return html, html / "zh"


def _strings(html):
    return {string for _, string, _ in interface_strings(html)}


# (what the English page says, what the Chinese page says instead): each from a different mechanism
PAIRS = [
    ("Show code cell source", "显示代码"),  # myst-nb's prompt, translated whole
    ("Hide code cell source", "隐藏代码"),
    ("Toggle hidden content", "显示或隐藏内容"),  # myst-nb's aria-label, written into its HTML
    ("Repository", "仓库"),  # sphinx-book-theme's catalog lacks it
    ("Suggest edit", "建议修改"),
    ("Open issue", "提交问题"),
    ("Print to PDF", "打印为 PDF"),  # the theme's catalog says 列印成 PDF (Taiwan); ours comes first
    ("Launch on Binder", "启动 Binder"),
    ("Toggle primary sidebar", "显示或隐藏全书目录"),  # written into the theme's template
    ("Link to this heading", "链接到此标题"),  # Sphinx's own, missing from its Chinese catalog
    ("Color mode", "颜色模式"),  # pydata-sphinx-theme's, empty in its Chinese catalog
    ("Search this book...", "搜索本书…"),  # _config.yml (Jupyter Book's search_bar_text)
    ("By The cnnlib authors", "作者： cnnlib 编写组"),  # _config.yml's author
]


@pytest.mark.parametrize("english, chinese", PAIRS, ids=[p[0] for p in PAIRS])
def test_chinese_edition_says_it_in_chinese_and_english_edition_in_english(editions, english, chinese):
    en, zh = (_strings((folder / f"{CHAPTER}.html").read_text(encoding="utf-8")) for folder in editions)
    assert english in en and chinese not in en, "the English edition changed"
    assert chinese in zh and english not in zh


def test_togglebutton_hint_is_chinese_in_chinese_edition_only(editions):
    en, zh = ((folder / f"{CHAPTER}.html").read_text(encoding="utf-8") for folder in editions)
    assert "let toggleHintShow = 'Click to show';" in en and "let toggleHintHide = 'Click to hide';" in en
    assert "let toggleHintShow = '点击显示';" in zh and "let toggleHintHide = '点击隐藏';" in zh


def test_no_english_in_the_chinese_interface(editions):
    found = english_strings(built_pages(editions[1]))
    left = {key: where for key, where in found.items() if key[0] != "animation"}  # cnnlib.animate's, not the site's
    assert len(built_pages(editions[1])) >= 20
    assert not left, "\n".join(f"{kind} {string!r} on {where[:3]}" for (kind, string), where in sorted(left.items()))


@pytest.mark.parametrize(
    "text, words",
    [
        ("Show code cell source", ["Show", "code", "cell", "source"]),
        ("作者： The cnnlib authors", ["The", "authors"]),
        ("Search this book...", ["Search", "this", "book"]),
        ("显示代码", []),
        ("启动 Binder", []),
        ("打印为 PDF", []),
        ("前向传播：卷积层 conv_forward 与 cnnlib.reference、im2col", []),
        ("反向传播：再做两次乘积和一次分散累加（scatter-add）", []),  # a term's English, in Chinese brackets
        (".ipynb", []),
    ],
)
def test_english_words_finds_words_not_names_or_code(text, words):
    assert english_words(text) == words


def test_english_words_in_the_places_a_reader_meets_them():
    page = """<html lang="zh-CN"><head><title>前言</title></head><body>
      <button title="Toggle primary sidebar"></button><span>Repository</span>
      <article class="bd-article"><p>正文里的 English words 是正文的事</p><img alt="a figure" src="x.png">
        <p class="language-switch"><a lang="en" title="Open this page in the English edition">English</a></p>
        <details class="hide"><summary aria-label="Toggle hidden content"><p>Show code cell source</p></summary>
        </details>
        <div class="cnn-anim-controls"><button title="Play">▶</button></div>
      </article></body></html>"""
    found = english_strings({"page": page})
    assert set(found) == {
        ("attr:title", "Toggle primary sidebar"),
        ("text", "Repository"),
        ("attr:aria-label", "Toggle hidden content"),
        ("text", "Show code cell source"),
        ("animation", "Play"),
    }


@pytest.mark.parametrize("path", sorted(CATALOGS.glob("*.po")), ids=lambda p: p.stem)
def test_interface_catalogs_are_complete_and_well_formed(path):
    with open(path, "rb") as f:
        messages = [m for m in read_po(f) if m.id]
    assert messages and all(m.string for m in messages), [m.id for m in messages if not m.string]
    assert not [m.string for m in messages if english_words(m.string)]
    if shutil.which("msgfmt"):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True)
        assert result.returncode == 0, result.stderr.decode()


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements.txt")
    with playwright_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=shutil.which("chromium") or None, args=CHROMIUM_ARGS)
        except Exception as err:
            message = f"no Chromium: apt-get install chromium, or python -m playwright install chromium ({err})"
            (pytest.fail if os.environ.get("CI") else pytest.skip)(message)
        yield b
        b.close()


def test_what_the_scripts_add_is_chinese_too(editions, browser):
    en, zh = editions
    errors = []
    live = browse(browser, zh, [CHAPTER, "search"], errors=errors)
    assert not errors, errors
    left = {key: where for key, where in english_strings(live).items() if key[0] != "animation"}
    assert not left, sorted(left)
    seen = {
        (kind, string) for states in live.values() for html in states for kind, string, _ in interface_strings(html)
    }
    # what only the scripts write, so that this test cannot pass on a page the browser never changed
    assert ("attr:data-toggle-hint", "点击显示") in seen and ("attr:data-toggle-hint", "点击隐藏") in seen
    assert ("attr:data-tooltip", "复制") in seen  # sphinx-copybutton's own Chinese
    toggles = {s for k, s, where in interface_strings(live[CHAPTER][-1]) if where.startswith("button#button-toggle")}
    assert "显示或隐藏内容" in toggles, toggles  # sphinx-togglebutton's aria-label, set by _ext/interface_zh.py
    assert ("attr:data-bs-original-title", "打印为 PDF") in seen  # a tooltip, as Bootstrap makes it
    assert any(kind == "text" and string.startswith("搜索完成") for kind, string in seen), "no search summary"
    # and the English edition's scripts still speak English
    live_en = browse(browser, en, [CHAPTER])[CHAPTER]
    seen_en = {(k, s) for html in live_en for k, s, _ in interface_strings(html)}
    assert ("attr:data-toggle-hint", "Click to show") in seen_en and ("attr:data-tooltip", "Copy") in seen_en
    toggles_en = {s for k, s, where in interface_strings(live_en[-1]) if where.startswith("button#button-toggle")}
    assert "Toggle hidden content" in toggles_en, toggles_en
