"""Sphinx extension: the launch and download buttons give the reader the notebook of the page, readable anywhere.

- The Binder and Colab buttons open the page's reader notebook
  (``notebooks/en/…`` or, in the Chinese edition, ``notebooks/zh/…``): the
  chapter in plain Jupyter Markdown (:mod:`reader_notebooks`), not the MyST
  source, which JupyterLab, Colab and VS Code would show raw.
- The download button's ``.ipynb`` (``_sources/``) is that reader notebook too,
  with its Colab setup cell pinned to the commit the book was built from
  (:func:`setup_cell.pin`), so a downloaded notebook installs the very cnnlib
  it was written with.
- In the Chinese edition "Suggest edit" opens the page's catalog
  (``locale/zh_CN/LC_MESSAGES/….po``), where the Chinese text lives; the
  notebooks in ``zh/`` are generated from it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import reader_notebooks
import setup_cell


def _buttons(items):
    for item in items:
        yield item
        yield from _buttons(item.get("buttons", []))


def _lang(app):
    return "zh" if (app.config.language or "").startswith("zh") else "en"


def _launch_buttons(app, pagename, templatename, context, doctree):
    if "header_buttons" not in context:
        return
    lang = _lang(app)
    for button in _buttons(context["header_buttons"]):
        url = button.get("url", "")
        if button.get("text") in ("Binder", "Colab") and pagename.startswith("chapters/"):
            reader = f"{reader_notebooks.OUT}/{lang}/{Path(pagename).name}.ipynb"
            button["url"] = url.replace(f"/{pagename}.ipynb", f"/{reader}")
        elif button.get("label") == "source-edit-button" and lang == "zh":
            suffix = context.get("page_source_suffix") or ".md"
            catalog = f"locale/zh_CN/LC_MESSAGES/{pagename}.po"
            button["url"] = url.replace(f"{pagename}{suffix}", catalog)


def _serve_reader_notebooks(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    # the checkout: the Chinese edition's source tree is a folder of links into it
    root = (Path(app.srcdir) / "_config.yml").resolve().parent
    readers = root / reader_notebooks.OUT / _lang(app)
    for served in sorted((Path(app.outdir) / "_sources" / "chapters").glob("*.ipynb")):
        shutil.copyfile(readers / served.name, served)
    setup_cell.pin_tree(Path(app.outdir) / "_sources", setup_cell.commit(root))  # not zh/: the other build's


def setup(app):
    app.connect("html-page-context", _launch_buttons, priority=600)  # after the theme's (501)
    app.connect("build-finished", _serve_reader_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
