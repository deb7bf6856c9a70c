"""Sphinx extension: put the workbook zip (:mod:`cnnlib.workbook`) next to the HTML pages.

The front page links to ``workbook.zip``; every HTML build writes it, so the
link works in the published site, in a local build and in the offline copy.
"""

from pathlib import Path


def _write(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    from cnnlib.workbook import write_zip

    write_zip(Path(app.srcdir), Path(app.outdir) / "workbook.zip", app.config.language or "en")


def setup(app):
    app.connect("build-finished", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
