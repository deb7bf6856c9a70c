"""The parts of the PDF editions that need no TeX, in the default suite (``tests/test_pdf.py`` checks the PDFs).

``_ext/print_edition.py`` finds the figures and animations in the notebooks' HTML outputs with two
patterns: if cnnlib's HTML changed and they stopped matching, the PDFs would silently print the
objects' reprs again. ``_ext/editions.py`` links each edition's PDF from its front page only when it
has been built.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import editions  # noqa: E402
import print_edition  # noqa: E402


def _html_outputs(folder):
    for path in sorted((ROOT / folder).glob("[0-9][0-9]_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                if "text/html" in output.get("data", {}):
                    yield path.name, "".join(output["data"]["text/html"])


@pytest.mark.parametrize("folder", ["chapters", "zh/chapters"])
def test_every_figure_and_animation_is_found(folder):
    figures = animations = 0
    for name, html in _html_outputs(folder):
        if 'class="cnn-figure"' in html:
            match = print_edition._FIGURE.search(html)
            assert match, f"{name}: a figure the PDF would not find"
            assert base64.b64decode(match.group(1)).startswith(b"<?xml"), name
            assert match.group(2).strip(), f"{name}: a figure without a caption"
            figures += 1
        elif 'class="cnn-anim"' in html:
            match = print_edition._ANIMATION.search(html)
            assert match and match.group(1).strip(), f"{name}: an animation without its frames or alt text"
            assert len(json.loads(match.group(2))["wide"]["frames"]) >= 2, name
            animations += 1
        else:
            pytest.fail(f"{name}: an HTML output the PDF cannot print: {html[:80]!r}")
    assert figures == 33 and animations == 6, (figures, animations)


@pytest.mark.parametrize(
    "n, frames",
    [(1, [0]), (3, [0, 1, 2]), (4, [0, 1, 2, 3]), (9, [0, 3, 5, 8]), (12, [0, 4, 7, 11]), (16, [0, 5, 10, 15])],
)
def test_key_frames_run_from_the_first_to_the_last(n, frames):
    assert print_edition.key_frames(n) == frames


def test_the_symbols_preamble_defines_each_character_once():
    preamble = print_edition.symbols_preamble()
    for char in print_edition.SYMBOLS:
        assert preamble.count(f"\\newunicodechar{{{char}}}") == 1, char
    # each glyph by its code point, never the (active) character itself, which would call itself
    assert all(preamble.count(char) == 1 for char in print_edition.SYMBOLS)


def _site(tmp_path):
    for folder in (tmp_path / "html", tmp_path / "html" / "zh"):
        folder.mkdir(parents=True)
        lang = "zh" if folder.name == "zh" else "en"
        (folder / "intro.html").write_text(
            f'<p><span class="pdf-offer">Take <a href="cnnlib-book-{lang}.pdf" download>the PDF</a>.</span></p>',
            encoding="utf-8",
        )
    return tmp_path / "html"


def test_a_built_pdf_is_copied_next_to_its_front_page(tmp_path):
    html = _site(tmp_path)
    (tmp_path / "_build" / "pdf").mkdir(parents=True)
    (tmp_path / "_build" / "pdf" / "cnnlib-book-zh.pdf").write_bytes(b"%PDF-1.5 zh")
    copied = editions.offer_pdfs(html, tmp_path)
    assert copied == [html / "zh" / "cnnlib-book-zh.pdf"]
    assert (html / "zh" / "cnnlib-book-zh.pdf").read_bytes() == b"%PDF-1.5 zh"
    assert 'href="cnnlib-book-zh.pdf"' in (html / "zh" / "intro.html").read_text(encoding="utf-8")
    # the English one was not built: its front page says how to make it, and links nothing
    english = (html / "intro.html").read_text(encoding="utf-8")
    assert "cnnlib-book-en.pdf" not in english and "python3 dev.py pdf" in english


@pytest.mark.parametrize(
    "longest, word",
    [([5, 60, 40, 21], [5, 12, 10, 11]), ([28, 200, 30], [28, 15, 10]), ([3, 3], [3, 3]), ([80], [80])],
)
def test_columns_share_the_width_and_fit_their_longest_word(longest, word):
    shares = print_edition.column_shares(longest, word)
    assert sum(shares) == pytest.approx(1)
    for share, unbreakable in zip(shares, word):
        assert share >= min((unbreakable + 2) / print_edition.LINE, 0.5) - 1e-9 or len(shares) == 1
    # otherwise as their longest entries: a column of longer entries is never the narrower
    free = [k for k, w in enumerate(word) if shares[k] > (w + 2) / print_edition.LINE + 1e-9]
    for a in free:
        for b in free:
            if longest[a] > longest[b]:
                assert shares[a] >= shares[b]


def test_no_equation_number_in_a_second_pair_of_brackets():
    """{eq} prints "(5.2)" on the web and in the PDF (LaTeX's \\eqref), so "({eq}`…`)" printed "((5.2))"."""
    doubled = []
    for path in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                doubled += [f"{path.name}: {m}" for m in re.findall(r"\(\{eq\}`[^`]+`\)", "".join(cell["source"]))]
    assert not doubled, doubled
