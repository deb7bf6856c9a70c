"""Sphinx extension: the Chinese search index, built in linear time.

Sphinx's ``SearchChinese`` keeps every Latin word it meets in a list and asks
``word in list`` for each word it stems, which is quadratic in the size of the
book (the code names, symbols and numbers of every page); on this book that was
most of the Chinese build's extra time. This subclass keeps the same words in a
set, so the index it writes is the same.
"""

from __future__ import annotations

from sphinx import search
from sphinx.search.zh import SearchChinese


class SearchChineseFast(SearchChinese):
    def init(self, options):
        super().init(options)
        self.latin_terms = set()

    def split(self, input):
        chinese = list(search.zh.jieba.cut_for_search(input)) if search.zh.JIEBA else []
        latin = [term.strip() for term in self.latin1_letters.findall(input)]
        self.latin_terms.update(latin)
        return chinese + latin


def setup(app):
    search.languages["zh"] = SearchChineseFast
    return {"parallel_read_safe": True, "parallel_write_safe": True}
