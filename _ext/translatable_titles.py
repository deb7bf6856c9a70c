"""Sphinx extension: what the catalogs hold. Exercise titles in, code outputs out.

sphinx-exercise builds an exercise's title ("Exercise 3 (Keeping the size)")
itself, so its part in parentheses has no source and neither the gettext
builder nor the translation step sees it. This transform, which runs just
before Sphinx applies the catalogs, gives each such title its text as source,
so that it becomes a message of the page's catalog like any heading.

Code outputs (SymPy's formulas, printed lines, the checker's Markdown table) are
not translated: they are the same in both editions, and the Chinese notebooks
compute their few language-dependent outputs themselves
(``_ext/translate_notebooks.py``). So nothing inside a cell's output is a message.

In the Chinese edition an exercise's title reads "练习 5.2（实现 conv_backward）", with
full-width brackets and no space before them, as in the reader notebooks
(``_ext/reader_notebooks.py``), and its solution's "练习 5.2（实现 conv_backward）的解答";
sphinx-exercise writes "练习 5.2 (实现 conv_backward)" and "解答 练习 5.2 (…)".
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.transforms import Transform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_exercise.nodes import exercise_subtitle, is_exercise_node, solution_node, solution_subtitle


class TranslatableExerciseTitles(Transform):
    default_priority = 19  # sphinx.transforms.i18n.Locale is 20

    def apply(self):
        source = self.document["source"]
        for node in self.document.findall(lambda n: isinstance(n, (exercise_subtitle, solution_subtitle))):
            node.rawsource = node.rawsource or node.astext()
            node.source = node.source or source
            node.line = node.line or getattr(node.parent, "line", None) or 1


class UntranslatableOutputs(Transform):
    default_priority = 19

    def apply(self):
        for box in self.document.findall(nodes.container):
            if "cell_output" in box.get("classes", []):
                for node in box.findall(nodes.TextElement):
                    node["translatable"] = False


def _collect(app, doctree):
    """For the gettext builder: sphinx-exercise folds the titles away before the catalogs are written."""
    if app.builder.name != "gettext":
        return
    from sphinx.util.i18n import docname_to_domain

    catalog = app.builder.catalogs[docname_to_domain(app.env.docname, app.config.gettext_compact)]
    for node in doctree.findall(lambda n: isinstance(n, (exercise_subtitle, solution_subtitle))):
        if node.rawsource:
            node.uid = ""  # the catalog only takes nodes with one
            catalog.add(node.rawsource, node)


def _chinese(app):
    return (app.config.language or "").startswith("zh")


def _brackets(title):
    """The " (" and ")" that sphinx-exercise puts around a title's own words, as "（" and "）"."""
    texts = [k for k, child in enumerate(title.children) if isinstance(child, nodes.Text)]
    opening = next((k for k in texts if title[k].astext() == " ("), None)
    closing = next((k for k in reversed(texts) if title[k].astext() == ")"), None)
    if opening is not None and closing is not None and opening < closing:
        title[opening], title[closing] = nodes.Text("（"), nodes.Text("）")


class ChineseExerciseTitles(SphinxPostTransform):
    """The titles "练习 5.2（实现 conv_backward）" and "练习 5.2（实现 conv_backward）的解答", from sphinx-exercise's."""

    default_priority = 23  # sphinx-exercise's ResolveTitlesIn… are 20 to 22

    def run(self):
        if not _chinese(self.app):
            return
        for node in self.document.findall(is_exercise_node):
            if node.children and isinstance(node[0], nodes.title):
                _brackets(node[0])
        for node in self.document.findall(solution_node):
            title = node[0] if node.children and isinstance(node[0], nodes.title) else None
            link = title[-1] if title is not None and len(title) == 2 else None
            if not isinstance(link, nodes.reference) or not isinstance(title[0], nodes.Text):
                continue
            word = title[0].astext().strip()  # 解答, sphinx-exercise's "Solution to"
            _brackets(link)
            if link.children and isinstance(link[0], nodes.Text):
                link[0] = nodes.Text(link[0].astext().lstrip())  # " 练习 5.2": the word before it goes
            ends_in_bracket = link.astext().endswith("）")
            title[:] = [link, nodes.Text(("的" if ends_in_bracket else " 的") + word)]


_NUMBER_SPACE = re.compile(r'(<span class="caption-number">练习 \d+(?:\.\d+)?) (</span>)(?=（)')


def _html(app, pagename, templatename, context, doctree):
    """No space between "练习 5.2" and "（": the HTML writer ends every caption number with one."""
    if _chinese(app) and context.get("body"):
        context["body"] = _NUMBER_SPACE.sub(r"\1\2", context["body"])


def setup(app):
    app.add_transform(TranslatableExerciseTitles)
    app.add_transform(UntranslatableOutputs)
    app.connect("doctree-read", _collect)
    app.add_post_transform(ChineseExerciseTitles)
    app.connect("html-page-context", _html)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
