"""Sphinx extension: the Chinese edition's interface (buttons, menus, tooltips, prompts) in Chinese.

The words are in gettext catalogs, ``locale/interface/zh_CN/LC_MESSAGES/<domain>.po``, one per
message domain; this extension makes each one answer first, the extension's own catalog after it:

- ``sphinx.po``: Sphinx's and pydata-sphinx-theme's words (domain ``sphinx``). Sphinx itself
  asks a ``sphinx.mo`` in ``locale_dirs`` first (``_config.yml`` lists ``locale/interface/``).
- ``booktheme.po``: sphinx-book-theme's (domain ``booktheme``). The theme registers its catalog
  in its ``setup``, before ours could be, and Sphinx keeps the first catalog of a domain and asks
  later ones only for what it lacks; so ours is put in front of the theme's (:func:`_ours_first`).
  That is how "列印成 PDF" (Taiwan) becomes "打印为 PDF", and "Repository", which the theme's
  catalog lacks, "仓库".
- ``togglebutton.po``: sphinx-togglebutton's hint beside a hidden solution. The extension ships
  Chinese as ``zh-cn``, which Sphinx never looks for, and reads its hint once, in its ``setup``;
  so ``togglebutton_hint`` and ``togglebutton_hint_hide`` are set from ours.
- ``interface.po`` (ours): what no extension passes through a catalog. Config values
  (``author``, Jupyter Book's ``search_bar_text``), myst-nb's "Show code cell source" (its
  ``{type}`` is filled in with an English word, so the prompts are translated whole, after
  myst-nb has made them: :class:`CellPrompts`), attributes written as they are into templates
  (sphinx-book-theme's "Toggle primary sidebar", ``aria-label="Main"``) or into a node's HTML
  (myst-nb's "Toggle hidden content"), translated as each page is rendered (:class:`Templates`),
  and the one sphinx-togglebutton's script writes (:data:`SCRIPT`).

Nothing happens in the English edition: every step first asks :func:`_chinese`.
``tests/test_interface_zh.py`` checks that no English is left in the Chinese interface.
"""

from __future__ import annotations

import gettext
import io
import json
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.transforms.post_transforms import SphinxPostTransform

CATALOGS = Path("locale") / "interface"  # relative to the book's source folder, like locale_dirs
DOMAINS = ("booktheme", "togglebutton", "interface")  # "sphinx" is Sphinx's to load
_ = locale.get_translation("interface")


def _chinese(config):
    return (config.language or "").startswith("zh")


def _ours_first(domain, path):
    """Our catalog ``path`` answers first for ``domain``; the one the extension registered, after it."""
    with open(path, "rb") as f:
        catalog = read_po(f)
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    ours = gettext.GNUTranslations(mo)
    theirs = locale.translators.get(("general", domain))
    if theirs is not None:
        ours.add_fallback(theirs)
    # sphinx.locale keeps one translator per domain and offers no way to put a catalog before it
    locale.translators["general", domain] = ours


def _configure(app, config):
    """Our catalogs first, and the config values that carry words translated with them."""
    if not _chinese(config):
        return
    folder = Path(app.srcdir) / CATALOGS / config.language / "LC_MESSAGES"
    for domain in DOMAINS:
        _ours_first(domain, folder / f"{domain}.po")
    toggle = locale.get_translation("togglebutton")
    config.togglebutton_hint = toggle("Click to show")  # before sphinx-togglebutton writes them into the page
    config.togglebutton_hint_hide = toggle("Click to hide")
    config.author = _(config.author)
    options = dict(config.html_theme_options)
    if "search_bar_text" in options:
        options["search_bar_text"] = _(options["search_bar_text"])
    config.html_theme_options = options
    config.template_bridge = f"{__name__}.Templates"


class CellPrompts(SphinxPostTransform):
    """myst-nb's prompts of a hidden cell ("Show code cell source"), translated whole."""

    default_priority = 200  # after myst-nb's HideInputCells (199) has made them
    formats = ("html",)

    def run(self, **kwargs):
        if not _chinese(self.config):
            return
        from myst_nb.sphinx_ import HideCodeCellNode

        for node in self.document.findall(HideCodeCellNode):
            for key in ("prompt_show", "prompt_hide"):
                node[key] = _(node[key])


_ATTRIBUTE = re.compile(r'(?<=\s)(title|aria-label)="([^"<>]+)"')


class Templates(BuiltinTemplateLoader):
    """Sphinx's template loader, whose pages have the English attributes written into the themes'
    templates (and into myst-nb's HTML) translated: ``title="Toggle primary sidebar"``,
    ``aria-label="Main"``. Only a ``title`` or ``aria-label`` whose whole value is a message of
    ``interface.po`` changes; the chapters' text never is one."""

    def render(self, template, context):
        html = super().render(template, context)
        return _ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{_(m.group(2))}"', html)


# sphinx-togglebutton's script writes aria-label="Toggle hidden content" on every toggle it adds
SCRIPT = """document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".toggle-button").forEach(function (button) {
    button.setAttribute("aria-label", %s);
  });
});"""


def _scripts(app):
    if _chinese(app.config) and app.builder.format == "html":
        # after togglebutton.js (priority 500), so that this listener runs after the one that adds the toggles
        app.add_js_file(None, body=SCRIPT % json.dumps(_("Toggle hidden content"), ensure_ascii=False), priority=600)


def setup(app):
    app.connect("config-inited", _configure, priority=400)  # before sphinx-togglebutton's (500) reads its hint
    app.connect("builder-inited", _scripts)
    app.add_post_transform(CellPrompts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
