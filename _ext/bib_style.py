"""The reference list's labels in the book's author–year style: "[He et al., 2016]", as the citations read.

sphinxcontrib-bibtex's list takes its labels from the pybtex formatting style (``bibtex_default_style``);
the built-in ones give alpha labels ("[CPS06]", mangled by a name with a diacritic) or numbers. This
registers ``authoryear``: pybtex's ``unsrt`` formatting, sorted by author, year and title, with labels of
the last names as the reader sees them (LaTeX accents resolved: "Radenović", "Huszár") and the year, a
letter after the year where two works would share a label.
"""

from __future__ import annotations

from collections import Counter

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting.author_year_title import SortingStyle
from pybtex.style.template import field, first_of, join, optional, optional_field, sentence, tag, words


def _last_name(person):
    return " ".join(str(Text.from_latex(part)) for part in person.prelast_names + person.last_names)


def label_of(entry):
    """``Chollet, 2017``, ``Dumoulin and Visin, 2016``, ``He et al., 2016``: the label without its brackets."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_last_name(person) for person in people]
    if len(names) > 2:
        who = f"{names[0]} et al."
    else:
        who = " and ".join(names) or entry.fields.get("key", entry.key)
    return f"{who}, {entry.fields.get('year', 'n.d.')}"


class AuthorYearLabelStyle(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels = [label_of(entry) for entry in entries]
        shared, seen = Counter(labels), Counter()
        for label in labels:
            if shared[label] > 1:  # two works of one label: 2016a, 2016b, in the list's order
                seen[label] += 1
                label += "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1]
            yield label


class AuthorYearStyle(UnsrtStyle):
    default_label_style = AuthorYearLabelStyle
    default_sorting_style = SortingStyle

    def get_article_template(self, e):
        """``unsrt``'s article, which also gives a volume (and issue) that has no pages: "Distill, 1(10), 2016"."""
        volume = join[field("volume"), optional["(", field("number"), ")"]]
        volume_and_pages = first_of[optional[join[volume, ":", pages]], optional[volume], words["pages", pages]]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[field("journal")], optional[volume_and_pages], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
