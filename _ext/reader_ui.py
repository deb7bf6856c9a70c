"""Sphinx extension: the page as a reader meets it, on a phone as on a desktop, and lighter.

- ``_static/reader.js`` makes the visible ☰ and contents buttons work (the themes wire only
  the hidden ones), closes the drawer when a link in it is tapped, and lets a click
  anywhere on a solution's title open the solution.
- ``_static/reader.css`` scales figures and animations with the column, gives the
  animation buttons thumb-sized targets, wraps printed output on phones, shows
  scroll shadows on wide tables, stacks chapter 14's catalogue into cards on
  phones, and shows figures as white cards in dark mode.
- Solution titles are plain text ("Solution to Exercise 5.1 (…)"), not a link back
  to the exercise.
- Figures (``cnnlib.figures``) are numbered per chapter: "Figure 5.2", "图 5.2".
- Chinese headings get break opportunities between phrases (``<wbr>`` after their punctuation and before
  与/和), and reader.css keeps the runs between them whole.
- After the build, what no page needs is deleted: Font Awesome's 1.5-MB script (the
  icons come from its web font, which the theme's CSS loads anyway), source maps,
  and ``jupyter_execute/`` (myst-nb's copies of the notebooks; the download button
  serves ``_sources/``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reader_notebooks import number_figures

_SOLUTION_LINK = re.compile(
    r'(<div class="solution[^"]*"[^>]*>\s*<p class="admonition-title">[^<]*)<a class="reference internal" href="[^"]*">'
    r"(.*?)</a>",
    re.S,
)
_FONTAWESOME = re.compile(r'<script[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*></script>\s*')
_SOURCE_MAP = re.compile(r"\n?/[/*]# sourceMappingURL=\S+?(?: \*/)?\s*$")


# A Chinese heading breaks only between phrases (reader.css keeps each run of characters whole): after
# its punctuation, and before 与 or 和 between two terms, so 「深度卷积与分组卷积」 breaks as 「深度卷积」 /
# 「与分组卷积」, never before a lone last character.
_HEADING = re.compile(r"(<h[1-3][^>]*>)(.*?)(</h[1-3]>)", re.S)
_TEXT = re.compile(r"(?<=>)[^<]+|^[^<]+")
_CJK = "\u4e00-\u9fff"


def _phrases(match):
    text = re.sub(r"([：，、；])(?=\S)", r"\1<wbr>", match.group(0))
    return re.sub(rf"(?<=[{_CJK}])(?=[与和][{_CJK}])", "<wbr>", text)


def _chapter(pagename):
    match = re.match(r"chapters/(\d+)_", pagename)
    return int(match.group(1)) if match else None


def _page(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if not body:
        return
    body = _SOLUTION_LINK.sub(r'\1<span class="solution-of">\2</span>', body)
    lang = "zh" if (app.config.language or "").startswith("zh") else "en"
    if lang == "zh":
        body = _HEADING.sub(lambda m: m.group(1) + _TEXT.sub(_phrases, m.group(2)) + m.group(3), body)
    chapter = _chapter(pagename)
    if chapter is not None:
        body = number_figures(body, chapter, lang)[0]
    context["body"] = body


def _lighten(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        if "zh" in page.relative_to(out).parts[:1] and out.name != "zh":
            continue  # the other edition's pages: its own build does them
        text = page.read_text(encoding="utf-8")
        new = _FONTAWESOME.sub("", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    static = out / "_static"
    # Sphinx copies the static files only when some page was out of date; an edit to reader.css alone must land too
    for source in (Path(app.srcdir) / "_static").glob("reader.*"):
        target = static / source.name
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
    for path in {*static.rglob("*.map"), *static.glob("scripts/fontawesome.js*")}:
        path.unlink(missing_ok=True)
    for path in [*static.rglob("*.js"), *static.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        new = _SOURCE_MAP.sub("\n", text)
        if new != text:
            path.write_text(new, encoding="utf-8", errors="surrogateescape")
    shutil.rmtree(out / "jupyter_execute", ignore_errors=True)


def setup(app):
    # reader.css and reader.js are in _static, and Jupyter Book links every .css and .js there into every page
    app.connect("html-page-context", _page, priority=550)
    app.connect("build-finished", _lighten, priority=900)  # after the others have written their files
    return {"parallel_read_safe": True, "parallel_write_safe": True}
