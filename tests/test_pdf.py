"""The PDF editions (``python3 dev.py pdf``): what a reader who prints the book gets.

``dev.py pdf`` builds ``_build/pdf/cnnlib-book-en.pdf`` and ``-zh.pdf`` and then runs this file with
``CNNLIB_PDF=1``; CI does the same. In the default ``python3 dev.py test`` it skips: building both PDFs
takes minutes and needs TeX. Each check reads the PDF (``pdftotext``, ``pdfimages``) or xelatex's log:

- no character printed as a blank box (xelatex's "Missing character" lines), and nothing wider than
  its column (its "Overfull \\hbox" lines);
- no Python object's repr where a figure, animation or widget was (``<IPython.core.display.HTML …>``);
- a page count in a sane range, and every chapter's title;
- the figures numbered per chapter as the web numbers them, and printed as vectors: the only raster
  images are the animations' still frames;
- in the Chinese edition, LaTeX's labels in Chinese (目录, 第 5 章, 图 5.1), none in English.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import print_edition  # noqa: E402

LANGS = ["en", "zh"]
PDF = ROOT / "_build" / "pdf"
POPPLER = ("pdftotext", "pdfinfo", "pdfimages")

if os.environ.get("CNNLIB_PDF") != "1":
    pytest.skip(
        "the PDFs are built and checked by `python3 dev.py pdf` (CI runs it); "
        "CNNLIB_PDF=1 checks the ones already in _build/pdf",
        allow_module_level=True,
    )
if missing := [tool for tool in ("xelatex", *POPPLER) if shutil.which(tool) is None]:
    pytest.skip(f"{', '.join(missing)} not installed: see the README (The PDF editions)", allow_module_level=True)


def _pdf(lang):
    path = PDF / f"cnnlib-book-{lang}.pdf"
    if not path.exists():
        pytest.fail(f"{path} is missing: run python3 dev.py pdf")
    return path


def _squash(text):
    """``text`` without any whitespace: pdftotext breaks lines and LaTeX spaces labels its own way."""
    return re.sub(r"\s+", "", text)


_TEXT = {}


def text(lang):
    """The PDF's text, every page, as pdftotext reads it."""
    if lang not in _TEXT:
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(_pdf(lang)), "-"], capture_output=True, check=True)
        _TEXT[lang] = done.stdout.decode("utf-8")
    return _TEXT[lang]


def notebooks(lang):
    folder = ROOT / ("zh/chapters" if lang == "zh" else "chapters")
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def _outputs_html(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if "text/html" in output.get("data", {}):
                yield "".join(output["data"]["text/html"])


@pytest.mark.parametrize("lang", LANGS)
def test_no_missing_characters(lang):
    log = (PDF / f"cnnlib-book-{lang}.log").read_text(encoding="utf-8", errors="replace")
    missing = sorted({line.strip() for line in log.splitlines() if "Missing character" in line})
    assert not missing, f"{len(missing)} kinds of missing characters, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_runs_into_the_margin(lang):
    """No line, table cell or code wider than its column by more than 5 pt (a table cell's padding is 6)."""
    log = (PDF / f"cnnlib-book-{lang}.log").read_text(encoding="utf-8", errors="replace")
    wide = [float(w) for w in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)]
    too_wide = [w for w in wide if w > 5]
    assert not too_wide, f"{len(too_wide)} boxes more than 5 pt too wide, the widest {max(too_wide)} pt"


@pytest.mark.parametrize("lang", LANGS)
def test_no_object_reprs(lang):
    printed = text(lang)
    for repr_ in ("IPython.core.display", "<Figure:", "HBox(children", "interactive(children"):
        assert repr_ not in printed, f"{repr_!r} printed in the {lang} PDF"


@pytest.mark.parametrize("lang", LANGS)
def test_page_count(lang):
    info = subprocess.run(["pdfinfo", str(_pdf(lang))], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 200 <= pages <= 500, f"{pages} pages"


def _title(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    return re.match(r"#\s+(.+)", "".join(first["source"])).group(1).replace("`", "")


@pytest.mark.parametrize("lang", LANGS)
def test_every_chapter_title(lang):
    titles = [_title(path) for path in notebooks(lang)]
    titles += ["术语表", "参考文献"] if lang == "zh" else ["Glossary · 术语表", "References"]
    printed = _squash(text(lang))
    missing = [title for title in titles if _squash(title) not in printed]
    assert len(titles) == 17 and not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_figures_numbered_as_on_the_web(lang):
    """Chapter NN's k-th figure (cnnlib.figures) is "Figure NN.k", as ``reader_ui`` numbers it on the web."""
    word = "图" if lang == "zh" else "Figure"
    printed = _squash(text(lang))
    for path in notebooks(lang):
        chapter = int(path.name[:2])
        count = sum('<figure class="cnn-figure">' in html for html in _outputs_html(path))
        for k in range(1, count + 1):
            assert f"{word}{chapter}.{k}" in printed, f"{word} {chapter}.{k} ({path.name}) is not in the PDF"
        assert f"{word}{chapter}.{count + 1}" not in printed, f"{path.name} has {count} figures"


@pytest.mark.parametrize("lang", LANGS)
def test_figures_are_vectors(lang):
    """The only raster images are the animations' key frames and the pixel images inside figures.

    A figure's axes, lines and words are vectors; an image a figure shows (``imshow``: a digit, a
    feature map) is pixels in its SVG already, and stays one raster image in the PDF.
    """
    frames = pictures = 0
    for path in notebooks(lang):
        for html in _outputs_html(path):
            if match := print_edition._FIGURE.search(html):
                pictures += base64.b64decode(match.group(1)).decode("utf-8").count("<image ")
            elif match := print_edition._ANIMATION.search(html):
                frames += len(print_edition.key_frames(len(json.loads(match.group(2))["wide"]["frames"])))
    listing = subprocess.run(["pdfimages", "-list", str(_pdf(lang))], capture_output=True, text=True, check=True)
    rasters = [line for line in listing.stdout.splitlines()[2:] if line.split()[2] == "image"]
    assert frames > 0, "no animation found"
    assert len(rasters) == frames + pictures, (
        f"{len(rasters)} raster images: {frames} still frames, {pictures} in figures"
    )


@pytest.mark.parametrize(
    "lang, phrase", [("en", "the web edition and the notebook play"), ("zh", "在网页版或笔记本中可")]
)
def test_every_animation_printed_as_stills_with_a_caption(lang, phrase):
    animations = sum(
        bool(print_edition._ANIMATION.search(html)) for path in notebooks(lang) for html in _outputs_html(path)
    )
    assert animations == 6 and _squash(text(lang)).count(_squash(phrase)) == animations


def test_chinese_labels():
    """No LaTeX label left in English in the Chinese edition; its own labels are there."""
    printed = text("zh")
    english = re.findall(r"\b(?:CHAPTER|Chapter|CONTENTS|Contents|Figure \d+|Table \d+|Part [IVX]+)\b", printed)
    assert not english, sorted(set(english))
    squashed = _squash(printed)
    for label in ("目录", "第5章", "图5.1", "练习5.1", "参考文献"):
        assert label in squashed, label


def test_english_labels():
    # the references' entries sit under "References", with no second chapter "Bibliography" after it
    assert "Bibliography" not in text("en")
    squashed = _squash(text("en"))
    for label in ("CONTENTS", "CHAPTER", "Figure5.1", "Exercise5.1", "(5.1)", "符号表示"):
        assert label in squashed, label
