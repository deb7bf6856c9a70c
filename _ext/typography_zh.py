"""Sphinx extension: Chinese typography of the Chinese edition; the English edition is left exactly as it was.

- Narrative citations read as Chinese: ``{cite:t}`` gives "Dumoulin 和 Visin [2016]",
  "He 等 [2016]" (d2l-zh's wording), not "Dumoulin and Visin", "He *et al.*". It is
  sphinxcontrib-bibtex's author-year style with its textual citations' name separators
  in Chinese (:class:`ChineseAuthorYear`, the reference style ``author_year_zh``), chosen
  for the Chinese build only. Bracketed ``{cite:p}`` citations keep the works' own
  language, "[He *et al.*, 2016]", as a reference list's label does in Chinese texts too.
  The reader notebooks write the same words (``reader_notebooks.textual_citation``).
- No line starts with the punctuation that follows a formula. A typeset formula is an
  atomic box, and the browser may break the line between it and the "，" or "。" after it
  (or after the "（" before it). Each such formula and the full-width punctuation touching
  it go into one ``<span class="cnn-nobr" style="white-space: nowrap">``. The style is on the
  element, not in ``_static/reader.css``: a changed stylesheet would change every English page too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

# --------------------------------------------------------------------------- citations

# "A 和 B", "A、B 和 C" in full lists, "A 等" for three or more: the words d2l-zh uses around Latin names
PERSON_ZH = {"sep": "、", "sep2": " 和 ", "last_sep": " 和 ", "other": " 等"}


def _chinese_author_year():
    from sphinxcontrib.bibtex.style.referencing import PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
    from sphinxcontrib.bibtex.style.referencing.basic_author_year import BasicAuthorYearTextualReferenceStyle

    @dataclass
    class ChineseAuthorYear(AuthorYearReferenceStyle):
        """``author_year`` with the textual citations (``{cite:t}`` and its variants) in Chinese words."""

        def __post_init__(self):
            super().__post_init__()
            textual = BasicAuthorYearTextualReferenceStyle(
                bracket=self.bracket_textual,
                person=PersonStyle(**PERSON_ZH),
                text_reference_sep=self.text_reference_sep,
                pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep,
            )
            self.role_style.update((name, textual) for name in textual.role_names())

    return ChineseAuthorYear


def _chinese(app):
    return (app.config.language or "").startswith("zh")


def _choose_style(app, config):
    if (config.language or "").startswith("zh") and config.bibtex_reference_style == "author_year":
        config.bibtex_reference_style = "author_year_zh"


# --------------------------------------------------------------------------- formulas and punctuation

# full-width punctuation that must not start a line (after a formula) or end one (before a formula)
CLOSING = "，。、；：？！）》」』】〉”’…"
OPENING = "（《「『【〈“‘"
_AFTER = re.compile(f"^[{CLOSING}]+")
_BEFORE = re.compile(f"[{OPENING}]+$")


class nobr(nodes.inline):
    """What must not be broken across lines."""


def _visit_nobr(self, node):
    self.body.append('<span class="cnn-nobr" style="white-space: nowrap">')


def _depart_nobr(self, node):
    self.body.append("</span>")


class NoBreakAroundMath(SphinxPostTransform):
    """An inline formula and the full-width punctuation right before and after it, in one ``cnn-nobr`` span."""

    default_priority = 900

    def run(self):
        if not _chinese(self.app) or self.app.builder.format != "html":
            return
        for math in list(self.document.findall(nodes.math)):
            parent = math.parent
            if parent is None or isinstance(parent, nobr):
                continue
            # by identity: Text nodes are strings, and equal ones would be taken for each other
            k = next(i for i, child in enumerate(parent.children) if child is math)
            before = parent[k - 1] if k > 0 and isinstance(parent[k - 1], nodes.Text) else None
            after = parent[k + 1] if k + 1 < len(parent) and isinstance(parent[k + 1], nodes.Text) else None
            head = _BEFORE.search(before.astext()) if before is not None else None
            tail = _AFTER.match(after.astext()) if after is not None else None
            if not (head or tail):
                continue
            span = nobr()
            new = []
            if head:
                new += [nodes.Text(before.astext()[: head.start()])] if head.start() else []
                span += nodes.Text(head.group(0))
            span += math
            new.append(span)
            if tail:
                span += nodes.Text(tail.group(0))
                new += [nodes.Text(after.astext()[tail.end() :])] if tail.end() < len(after.astext()) else []
            parent[k - (1 if head else 0) : k + (2 if tail else 1)] = new


def setup(app):
    from sphinxcontrib.bibtex.plugin import register_plugin

    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_zh", _chinese_author_year())
    app.connect("config-inited", _choose_style)
    app.add_node(nobr, html=(_visit_nobr, _depart_nobr))
    app.add_post_transform(NoBreakAroundMath)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
