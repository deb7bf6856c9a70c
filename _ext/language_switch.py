"""Sphinx extension: a link on every page to the same page in the other edition.

The English edition is built into ``_build/html/``, the Chinese one into
``_build/html/zh/`` (``python3 dev.py book``). The link is relative, so it
works on the web, from disk and from the offline zip alike, where the theme's
JSON version switcher cannot.
"""

from __future__ import annotations

EDITIONS = {"en": ("zh_CN", "中文", "zh-CN"), "zh_CN": ("en", "English", "en")}


def _switch(app, pagename, templatename, context, doctree):
    here = app.config.language or "en"
    if here not in EDITIONS or (doctree is None and pagename not in ("search", "genindex")):
        return
    _, label, lang = EDITIONS[here]
    up = "../" * pagename.count("/")
    target = f"{up}zh/{pagename}.html" if here == "en" else f"{up}../{pagename}.html"
    link = (
        f'<p class="language-switch"><a href="{target}" hreflang="{lang}" lang="{lang}" '
        f'title="{"在中文版中打开本页" if here == "en" else "Open this page in the English edition"}">{label}</a></p>'
    )
    context["body"] = link + context.get("body", "")


def setup(app):
    app.connect("html-page-context", _switch)
    app.add_css_file("language-switch.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
