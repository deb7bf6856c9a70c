"""Build the PDF of each edition: ``_build/pdf/cnnlib-book-en.pdf`` and ``_build/pdf/cnnlib-book-zh.pdf``.

    python _ext/pdf.py [en|zh ...] [--committed-notebooks]     # python3 dev.py pdf

Sphinx's LaTeX builder writes each edition into ``_build/latex/<lang>`` (the Chinese one from the same
tree of links as the web edition, ``_build/zh-src``; see ``editions.py``), with ``print_edition`` turning
the notebooks' HTML outputs into figures and still frames; then ``latexmk`` runs ``xelatex`` until the
cross-references settle. Needs xelatex with xeCJK and latexmk, the Noto CJK and DejaVu fonts, and
``rsvg-convert`` (Debian: ``apt-get install texlive-xetex texlive-latex-extra texlive-lang-chinese
texlive-fonts-recommended tex-gyre latexmk fonts-noto-cjk fonts-dejavu-core librsvg2-bin``; elsewhere,
TeX Live or MiKTeX with the same packages). Each edition's LaTeX log is kept next to its PDF
(``cnnlib-book-en.log``): ``tests/test_pdf.py`` reads it for missing characters.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # editions, next to this file

import editions

ROOT = editions.ROOT
BIN = editions.BIN
TOOLS = ("xelatex", "latexmk", "rsvg-convert")


def missing_tools():
    """The programs the PDFs need that are not on the PATH."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def latex(lang, root=ROOT):
    """Sphinx's LaTeX of edition ``lang`` in ``_build/latex/<lang>``; the return code."""
    out = root / "_build" / "latex" / lang
    doctrees = root / "_build" / f".doctrees-latex-{lang}"
    if lang == "zh":
        source = editions._chinese_tree(root, root / "_build" / "zh-src")
        language = ["-D", "language=zh_CN", "-D", f"html_title={editions.TITLE_ZH}"]
    else:
        editions.write_conf(root)
        source, language = root, []
    cmd = [str(BIN / "python"), "-m", "sphinx", "-b", "latex", *language, *editions.FLAGS, "-q",
           "-d", str(doctrees), str(source), str(out)]  # fmt: skip
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=root).returncode


def typeset(lang, root=ROOT):
    """``latexmk`` on the LaTeX of edition ``lang``; the PDF and its log are copied to ``_build/pdf``."""
    folder = root / "_build" / "latex" / lang
    name = f"cnnlib-book-{lang}"
    cmd = ["latexmk", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error", f"{name}.tex"]
    print("+ (in", folder, ")", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, cwd=folder, env={**os.environ, "LATEXOPTS": ""}, capture_output=True, text=True)
    target = root / "_build" / "pdf"
    target.mkdir(parents=True, exist_ok=True)
    if (folder / f"{name}.log").exists():
        shutil.copyfile(folder / f"{name}.log", target / f"{name}.log")
    if done.returncode or not (folder / f"{name}.pdf").exists():
        print(done.stdout[-3000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
        print(f"xelatex failed on {folder / name}.tex: see {target / name}.log", file=sys.stderr)
        return 1
    shutil.copyfile(folder / f"{name}.pdf", target / f"{name}.pdf")
    print(f"{target / name}.pdf")
    return 0


def build(langs=("en", "zh"), root=ROOT, notebooks=True):
    """The PDFs of ``langs``; 0 when every one was made."""
    if missing := missing_tools():
        print(f"The PDFs need {', '.join(missing)}: see the README (The PDF editions).", file=sys.stderr)
        return 1
    if notebooks:
        from translate_notebooks import generate

        try:
            generate(root)
        except ValueError as error:
            print(f"The Chinese notebooks cannot be made: {error}", file=sys.stderr)
            return 1
    failed = 0
    for lang in langs:
        failed = latex(lang, root) or typeset(lang, root) or failed
    return failed


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(build(tuple(args) or ("en", "zh"), notebooks="--committed-notebooks" not in sys.argv))
