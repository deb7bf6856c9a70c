"""Sphinx extension: the launch and download buttons give the notebook the reader is looking at.

- Every notebook the site serves (``_sources/``, the download button's files)
  has its Colab setup cell pinned to the commit the book was built from
  (:func:`setup_cell.pin`), so a downloaded notebook installs the very cnnlib
  it was written with.
- In the Chinese edition the Binder and Colab buttons open the Chinese
  notebook (``zh/chapters/…``) instead of the English one, and "Suggest edit"
  opens the page's catalog (``locale/zh_CN/LC_MESSAGES/….po``), where the
  Chinese text lives; the notebooks in ``zh/`` are generated from it.
"""

from __future__ import annotations

from pathlib import Path

import setup_cell


def _buttons(items):
    for item in items:
        yield item
        yield from _buttons(item.get("buttons", []))


def _chinese_buttons(app, pagename, templatename, context, doctree):
    if not (app.config.language or "").startswith("zh") or "header_buttons" not in context:
        return
    for button in _buttons(context["header_buttons"]):
        url = button.get("url", "")
        if button.get("text") in ("Binder", "Colab"):
            button["url"] = url.replace(f"/{pagename}.ipynb", f"/zh/{pagename}.ipynb")
        elif button.get("label") == "source-edit-button":
            suffix = context.get("page_source_suffix") or ".md"
            catalog = f"locale/zh_CN/LC_MESSAGES/{pagename}.po"
            button["url"] = url.replace(f"{pagename}{suffix}", catalog)


def _pin(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    # the checkout: the Chinese edition's source tree is a folder of links into it
    sha = setup_cell.commit((Path(app.srcdir) / "_config.yml").resolve().parent)
    for folder in ("_sources", "jupyter_execute"):  # not zh/: that is the other build's
        setup_cell.pin_tree(Path(app.outdir) / folder, sha)


def setup(app):
    app.connect("html-page-context", _chinese_buttons, priority=600)  # after the theme's (501)
    app.connect("build-finished", _pin)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
