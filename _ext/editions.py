"""Build both editions: English into ``<out>/_build/html``, Chinese into ``<out>/_build/html/zh``.

    python _ext/editions.py [OUT] [--committed-notebooks]     # OUT defaults to the repository itself

First the Chinese notebooks are made (``translate_notebooks.generate``: a
message without a translation stops the build), then the reader notebooks of
both editions (``reader_notebooks.generate``: the chapters in plain Jupyter
Markdown, which the download and launch buttons serve). Then two builds run side by
side. The English edition is the ``jupyter-book build`` of ``_config.yml``.
The Chinese one is the same Sphinx project with ``language = zh_CN``: Jupyter
Book cannot set the language for one build only, so it runs Sphinx on the
``conf.py`` that ``jupyter-book config sphinx`` writes (ignored by git), in a
tree of links to the book's files (``_build/zh-src``) whose ``chapters`` are
the Chinese notebooks of ``zh/chapters``. Its pages, notebook downloads and
workbook are therefore Chinese; the catalogs translate the other pages, and the
part captions of ``_toc.yml`` are translated in the tree. Last, the whole site
(both editions) is zipped into ``_build/html/cnnlib-book.zip`` for reading
offline (:func:`offline_zip`); both front pages link to it. Each front page also
offers its edition's PDF when ``python3 dev.py pdf`` has built it (:func:`offer_pdfs`;
the deploy workflow builds the PDFs first), and says how to make it when not.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # translate_notebooks, next to this file

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FLAGS = ["-W", "-n", "--keep-going"]
TITLE_ZH = "卷积与池化：前向传播与反向传播"


def write_conf(root=ROOT):
    """``conf.py`` from ``_config.yml``, able to import the book's local extensions."""
    subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", str(root)], check=True, capture_output=True)
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8")
    prefix = "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '_ext'))\n"
    if not text.startswith(prefix):
        conf.write_text(prefix + text, encoding="utf-8")
    return conf


def _english_cmd(root, out):
    cmd = [str(BIN / "jupyter-book"), "build", str(root), *FLAGS]
    return [*cmd, "--path-output", str(out)] if out is not None else cmd


def build_english(root=ROOT, out=None):
    return subprocess.run(_english_cmd(root, out)).returncode


KEEP_OUT = {"_build", "chapters", "zh", "notebooks", "conf.py", "tests", "benchmarks"}  # and every dot-entry


def _chinese_tree(root, tree):
    """A source tree for the Chinese edition: the book's files, with ``chapters`` the Chinese notebooks."""
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    for entry in root.iterdir():
        if entry.name not in KEEP_OUT and not entry.name.startswith(".") and not entry.name.endswith(".egg-info"):
            (tree / entry.name).symlink_to(entry)
    (tree / "chapters").symlink_to(root / "zh" / "chapters")
    # the table of contents' part captions, which sphinx-external-toc does not pass through the catalogs
    from translate_notebooks import catalog

    captions = catalog("intro")
    toc = (tree / "_toc.yml").read_text(encoding="utf-8")
    (tree / "_toc.yml").unlink()
    (tree / "_toc.yml").write_text(
        re.sub(r"(caption: )(.+)", lambda m: m.group(1) + (captions.get(m.group(2).strip()) or m.group(2)), toc),
        encoding="utf-8",
    )
    conf = write_conf(root)
    shutil.copyfile(conf, tree / "conf.py")
    return tree


def _chinese_cmd(root, out):
    out = Path(out) if out is not None else root
    tree = _chinese_tree(root, out / "_build" / "zh-src")
    html = out / "_build" / "html" / "zh"
    return [str(BIN / "python"), "-m", "sphinx", "-b", "html", "-D", "language=zh_CN", "-D", f"html_title={TITLE_ZH}",
            *FLAGS, "-q", "-E", "-d", str(out / "_build" / ".doctrees-zh"), str(tree), str(html)]  # fmt: skip


def build_chinese(root=ROOT, out=None):
    return subprocess.run(_chinese_cmd(root, out)).returncode


ZIP_NAME = "cnnlib-book.zip"
_SIZE = re.compile(r'(<span class="offline-size">)[^<]*(</span>)')


def _zip_site(html, target):
    """Every file of the site under one folder ``cnnlib-book/`` in the zip ``target`` (itself left out)."""
    import zipfile

    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in sorted(html.rglob("*")):
            if not path.is_file() or path in (target, partial):
                continue
            name = f"cnnlib-book/{path.relative_to(html).as_posix()}"
            if path.name == "documentation_options.js":
                # the search's excerpts are read from the result pages with fetch(), which browsers refuse
                # on file:// pages; offline, the search lists the pages without them
                text = path.read_text(encoding="utf-8")
                z.writestr(name, text.replace("SHOW_SEARCH_SUMMARY: true", "SHOW_SEARCH_SUMMARY: false"))
            else:
                z.write(path, name)
    partial.replace(target)


def offline_zip(html):
    """The whole site, both editions, as ``html/cnnlib-book.zip``; its size is written on both front pages.

    The front pages say the size in ``<span class="offline-size">``; they are inside the zip too, so it
    is zipped again until the size it states is the size it has (twice, unless a digit changes).
    """
    html = Path(html)
    target, stated = html / ZIP_NAME, None
    fronts = [page for page in (html / "intro.html", html / "zh" / "intro.html") if page.exists()]
    for _ in range(4):
        _zip_site(html, target)
        size = f"{target.stat().st_size / 1e6:.0f} MB"
        if size == stated:
            return target
        for page in fronts:
            page.write_text(_SIZE.sub(rf"\g<1>{size}\g<2>", page.read_text(encoding="utf-8")), encoding="utf-8")
        stated = size
    raise RuntimeError(f"the size of {target} does not settle")


PDF_OFFER = re.compile(r'<span class="pdf-offer">.*?</span>', re.S)
NO_PDF = {
    "en": "This copy of the site was built without its PDFs: <code>python3 dev.py pdf</code> makes them.",
    "zh": "本站构建时没有生成 PDF，运行 <code>python3 dev.py pdf</code> 即可生成。",
}


def offer_pdfs(html, root=ROOT):
    """Each edition's PDF (``_build/pdf``, ``python3 dev.py pdf``) next to its front page, which links it.

    Where a PDF has not been built, its front page says so instead of linking a file that is not there.
    Returns the PDFs copied.
    """
    html, copied = Path(html), []
    for lang, folder in (("en", html), ("zh", html / "zh")):
        front, name = folder / "intro.html", f"cnnlib-book-{lang}.pdf"
        if not front.exists():
            continue
        built = root / "_build" / "pdf" / name
        if built.exists():
            shutil.copyfile(built, folder / name)
            copied.append(folder / name)
        else:
            (folder / name).unlink(missing_ok=True)
            page = front.read_text(encoding="utf-8")
            front.write_text(PDF_OFFER.sub(f'<span class="pdf-offer">{NO_PDF[lang]}</span>', page), encoding="utf-8")
    return copied


def build(root=ROOT, out=None, notebooks=True):
    """Both editions (and the Chinese notebooks first), then the offline zip; 0 when all built without warnings.

    ``notebooks=False`` (``--committed-notebooks``) builds from the notebooks as committed in
    ``zh/chapters`` and ``notebooks/`` instead of making them again: the browser test does, since
    ``tests/test_translation.py`` and ``tests/test_reader_notebooks.py`` check that they are what the
    catalogs and the chapters make, and a test must not rewrite files that other tests read.
    """
    import reader_notebooks
    from translate_notebooks import generate

    try:
        if notebooks:
            generate(root)
            reader_notebooks.generate(root)
    except ValueError as error:
        print(f"The Chinese or the reader notebooks cannot be made: {error}", file=sys.stderr)
        return 1
    # the two builds are independent (the Chinese one writes only into html/zh): run them side by side
    english = subprocess.Popen(_english_cmd(root, out))
    chinese = subprocess.run(_chinese_cmd(root, out)).returncode
    failed = english.wait() or chinese
    if not failed:
        html = (Path(out) if out is not None else root) / "_build" / "html"
        pdfs = offer_pdfs(html, root)
        print(f"The PDFs on the front pages: {', '.join(p.name for p in pdfs) or 'none built (python3 dev.py pdf)'}")
        zipped = offline_zip((Path(out) if out is not None else root) / "_build" / "html")
        print(f"The whole site, offline: {zipped} ({zipped.stat().st_size / 1e6:.1f} MB)")
    return failed


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--committed-notebooks"]
    sys.exit(build(ROOT, Path(args[0]) if args else None, notebooks="--committed-notebooks" not in sys.argv))
