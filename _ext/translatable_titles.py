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
"""

from __future__ import annotations

from docutils import nodes
from docutils.transforms import Transform
from sphinx_exercise.nodes import exercise_subtitle, solution_subtitle


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


def setup(app):
    app.add_transform(TranslatableExerciseTitles)
    app.add_transform(UntranslatableOutputs)
    app.connect("doctree-read", _collect)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
