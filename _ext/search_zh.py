"""Sphinx extension: the Chinese search index, built in linear time, that finds every term of the book.

Speed. Sphinx's ``SearchChinese`` keeps every Latin word it meets in a list and asks
``word in list`` for each word it stems, which is quadratic in the size of the
book (the code names, symbols and numbers of every page); on this book that was
most of the Chinese build's extra time. This subclass keeps the same words in a
set. Sphinx 8.1 made the same fix upstream (python/docsbuild-scripts#209 reports
a zh-TW build going from 1 h 28 min to 5 min 41 s), but jupyter-book 1.0.4.post1,
the last 1.x, requires ``sphinx~=7.0``: this part goes when the book can use
Sphinx 8.1 or later; the terms below stay.

Terms. The browser does not segment a query: ``searchtools.js`` splits it at
spaces and punctuation only and looks 卷积核 up as one word (a query of three
or more characters also matches the index's longer words that contain it; a
query of two, only itself). The index is what jieba's ``cut_for_search`` makes
of the pages with its general dictionary: 卷积核 became 卷积 and 核, and
反向传播 was kept whole on some pages and cut on others, by its neighbours. So:

* the book's terms (:func:`book_terms`: the Chinese terms of ``glossary.md`` and
  of the titles) are written, at every build, into a jieba user dictionary,
  which ``html_search_options["dict"]`` names and Sphinx loads into jieba:
  jieba then cuts them whole, and ``cut_for_search`` adds their two- and
  three-character parts that are words (卷积核: 卷积);
* :meth:`SearchChineseFast.split` adds every term the text holds, wherever jieba
  cut (平均池化 inside 全局平均池化: ``cut_for_search`` looks at parts of two and
  three characters only; *逐点*卷积, across two text nodes), and its
  two-character parts (前向传播: 前向, which jieba's dictionary lacks); a term of
  one character (轮) is kept in the index too.

The English edition does not load the dictionary.
``tests/test_browser.py::test_chinese_search_finds_every_term`` searches every
term in the built site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx import search
from sphinx.search.zh import SearchChinese

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")  # a run of Chinese characters
HAN_AT_END = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]*$")
DICT_NAME = "search-zh-terms.txt"  # in the build's doctree folder


def _catalog(srcdir, language, page):
    """``{msgid: msgstr}`` of ``page``'s catalog (empty if it has none)."""
    from babel.messages.pofile import read_po

    path = Path(srcdir, "locale", language, "LC_MESSAGES", f"{page}.po")
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {m.id: m.string for m in read_po(f) if m.id and m.string}


def _heading(path):
    """The first ``# `` heading of a Markdown page or of a notebook's Markdown cells."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    found = re.search(r"^# (.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else ""


def glossary_terms(srcdir, language="zh_CN"):
    """The Chinese words of the glossary: its 中文 column as the Chinese edition shows it (through the
    catalog), and the alternatives its note column names (d2l-zh: 汇聚; also: 膨胀卷积).

    A cell gives each run of Chinese characters in it, as the browser splits a query: 卷积核，滤波器 gives
    卷积核 and 滤波器; 上游梯度（δ） gives 上游梯度; im2col gives nothing.
    """
    messages = _catalog(srcdir, language, "glossary")
    rows = [line.strip().strip("|").split("|") for line in Path(srcdir, "glossary.md").read_text("utf-8").splitlines()]
    rows = [[cell.strip() for cell in row] for row in rows if len(row) >= 3]
    header, body = rows[0], rows[2:]  # the first table: its header, |---|, its rows
    chinese, note = header.index("中文"), header.index("note")
    terms = []
    for row in body:
        terms += HAN.findall(messages.get(row[chinese], row[chinese])) + HAN.findall(row[note])
    return terms


def title_terms(srcdir, language="zh_CN"):
    """The terms of the Chinese titles: the book's, its parts' and its pages' (``_toc.yml``).

    A title is cut at whatever is not a Chinese character and at 与, 和 and 的 (前向传播：卷积层 gives
    前向传播 and 卷积层); pieces of two to four characters are taken as terms, longer ones are phrases
    (从零开始训练一个小型 CNN), which as dictionary words would hide the words inside them.
    """
    import yaml

    toc = yaml.safe_load(Path(srcdir, "_toc.yml").read_text(encoding="utf-8"))
    captions = [part["caption"] for part in toc.get("parts", []) if part.get("caption")]
    titles = [_catalog(srcdir, language, toc["root"]).get(caption, caption) for caption in captions]
    pages = [toc["root"]] + [chapter["file"] for part in toc.get("parts", []) for chapter in part.get("chapters", [])]
    for page in pages:
        sources = [Path(srcdir, page + suffix) for suffix in (".md", ".ipynb")]
        heading = next((_heading(source) for source in sources if source.exists()), "")
        titles.append(_catalog(srcdir, language, page).get(heading, heading))
    pieces = [piece for title in titles for piece in re.split(r"[^\u3400-\u4dbf\u4e00-\u9fff]+|[与和的]", title)]
    return [piece for piece in pieces if 2 <= len(piece) <= 4]


def book_terms(srcdir, language="zh_CN"):
    """Every term of the glossary and of the titles, once each, in a stable order."""
    return sorted(set(glossary_terms(srcdir, language) + title_terms(srcdir, language)))


class SearchChineseFast(SearchChinese):
    def init(self, options):
        super().init(options)  # loads options["dict"] into jieba
        self.latin_terms = set()
        path = options.get("dict")
        lines = Path(path).read_text(encoding="utf-8").splitlines() if path and Path(path).is_file() else []
        self.terms = [line.split()[0] for line in lines if line.strip()]  # jieba's lines: word [freq [tag]]
        self.short_terms = {term for term in self.terms if len(term) == 1}
        self.keep = max(map(len, self.terms), default=1) - 1  # the most of a term that can end a text
        self.run = ""  # the Chinese characters that end the text split last (up to keep of them)

    def split(self, input):
        chinese = list(search.zh.jieba.cut_for_search(input)) if search.zh.JIEBA else []
        if input.isascii():
            self.run = ""
        else:
            # every term of the text, and those that begin in the text before it (*逐点*卷积: Sphinx's
            # collector calls split once per text node, in the order of the page)
            text = self.run + input
            found = [term for term in self.terms if term in input or (term in text and term not in self.run)]
            chinese += found + [term[i : i + 2] for term in found for i in range(len(term) - 1)]
            self.run = HAN_AT_END.search(text[max(0, len(text) - self.keep) :]).group()
        latin = [term.strip() for term in self.latin1_letters.findall(input)]
        self.latin_terms.update(latin)
        return chinese + latin

    def word_filter(self, stemmed_word):
        return len(stemmed_word) > 1 or stemmed_word in self.short_terms


def write_dictionary(app, config):
    """The Chinese edition's jieba dictionary, made from the sources now, named in ``html_search_options``."""
    if not (config.html_search_language or config.language or "").startswith("zh"):
        return
    options = dict(config.html_search_options or {})
    if "dict" not in options:  # a dictionary of the project's own is left alone
        path = Path(app.doctreedir) / DICT_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"{term}\n" for term in book_terms(app.srcdir, config.language)), encoding="utf-8")
        options["dict"] = str(path)
        config.html_search_options = options


def setup(app):
    search.languages["zh"] = SearchChineseFast
    app.connect("config-inited", write_dictionary)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
