"""Sphinx extension: the PDF editions (the LaTeX builder; ``python3 dev.py pdf``, see ``_ext/pdf.py``).

The web pages show the notebooks' outputs as HTML, which LaTeX cannot print. For the LaTeX builder only:

- **Figures** (:mod:`cnnlib.figures`: an HTML ``<figure>`` holding SVG) become LaTeX figures. The wide
  SVG is converted to PDF by ``rsvg-convert``, so they print as vectors with their text as text; LaTeX
  numbers them per chapter, "Figure 5.2", "图 5.2", as the web pages do (``reader_ui``).
- **Animations** (:mod:`cnnlib.animate`: a player holding PNG frames) become a still sequence of key
  frames (the first, the last and two evenly between), two to a row, with a caption that says which
  frames they are. They are not numbered: the web numbers only the figures.
- **Tables** fit the text's width, each column as wide as its longest entry; long ones break across
  pages (:class:`PrintableTables`).
- **Widgets** (chapter 03's explorer) are left out; the figures they drew at their first setting stay.
- **Chapters** are numbered as their files: the preface, the glossary and the references have no
  number, so chapter 05 is "Chapter 5" (第 5 章) and its equations read (5.3), as on the web.
- **Words**: the Chinese edition's labels are Chinese (第 5 章, 目录, 图, 表, 参考文献; the running foot "第 2 章　互相关与卷积"); the parts (the web's captions) are unnumbered in both.
- **Fonts**: Latin Modern (fontspec's own); Chinese emphasis in Noto Sans CJK (a Chinese font has no
  italics); DejaVu Sans Mono for code and output (Greek, arrows and box lines
  included), Noto CJK for Chinese in both editions, Latin Modern Math.

The LaTeX class of ``sphinx-jupyterbook-latex`` asks for ``bbm.sty`` (for ``\\mathbbm``, which the book
never uses); Debian ships it only in a 600-MB package, so ``_ext/latex/bbm.sty`` defines ``\\mathbbm`` as
``\\mathbb`` instead.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import escape

HERE = Path(__file__).resolve().parent
_FIGURE = re.compile(
    r'<figure class="cnn-figure"><picture>.*?<img src="data:image/svg\+xml;base64,([^"]+)"'
    r".*?<figcaption>(.*?)</figcaption></figure>",
    re.S,
)
_ANIMATION = re.compile(r'<div class="cnn-anim".*?alt="([^"]*)".*?<script type="application/json">(.*?)</script>', re.S)
WIDGET = "application/vnd.jupyter.widget-view+json"
KEY_FRAMES = 4

WORDS = {
    "en": {"some": "{alt} (frames {which} of {n}; the web edition and the notebook play the whole animation).",
           "all": "{alt} (all {n} frames; the web edition and the notebook play them as an animation).",
           "sep": ", ", "and": " and "},
    "zh": {"some": "{alt}（动画共 {n} 帧，这里印出第 {which} 帧；在网页版或笔记本中可播放完整动画）。",
           "all": "{alt}（动画共 {n} 帧，这里全部印出；在网页版或笔记本中可以播放）。",
           "sep": "、", "and": "、"},
}  # fmt: skip


def lang_of(config):
    return "zh" if (config.language or "en").startswith("zh") else "en"


def key_frames(n, k=KEY_FRAMES):
    """The indices of ``k`` frames of ``n`` evenly spaced from the first to the last."""
    if n <= k:
        return list(range(n))
    return sorted({round(i * (n - 1) / (k - 1)) for i in range(k)})


def _svg_to_pdf(svg_text, folder):
    """Write ``svg_text`` as a PDF in ``folder`` (named by its hash) with rsvg-convert; its file name."""
    name = "fig-" + hashlib.sha1(svg_text.encode("utf-8")).hexdigest()[:16]
    target = folder / f"{name}.pdf"
    if not target.exists():
        source = folder / f"{name}.svg"
        source.write_text(svg_text, encoding="utf-8")
        converter = shutil.which("rsvg-convert")
        if converter is None:
            raise RuntimeError(
                "rsvg-convert is needed to print the figures as vectors (Debian: apt-get install librsvg2-bin)"
            )
        subprocess.run([converter, "--format=pdf", "--output", str(target), str(source)], check=True)
    return target.name


# A still frame's box, as fractions of the line (17.5 cm) and the page (22 cm), two frames to a row or one
FRAME_BOX = {2: (0.45, 0.33), 1: (0.9, 0.2)}
PX_PER_CM = 96 / 2.54  # the frames' sizes are CSS px, 96 to the inch


def _print_scale(frames, per_row):
    """How large a set of frames prints in its box (:data:`FRAME_BOX`), relative to its size on screen."""
    width, height = frames["size"]
    across, down = FRAME_BOX[per_row]
    return min(across * 17.5 * PX_PER_CM / width, down * 22 * PX_PER_CM / height)


class PrintableOutputs(SphinxPostTransform):
    """Figures, animations and widgets in the notebooks' outputs as a printed page can show them."""

    default_priority = 3  # before myst-nb picks one mime type of each output (priority 4)
    formats = ("latex",)

    def run(self, **kwargs):
        folder = Path(self.app.builder.outdir) / "cnnlib-figures"
        folder.mkdir(parents=True, exist_ok=True)
        words = WORDS[lang_of(self.config)]
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("nb_element") != "mime_bundle":
                continue
            kinds = {child.get("mime_type"): child for child in bundle.children}
            if WIDGET in kinds:
                bundle.parent.remove(bundle)
                continue
            page = kinds.get("text/html")
            if page is None:
                continue
            text = page.astext()
            if figure := _FIGURE.search(text):
                svg = base64.b64decode(figure.group(1)).decode("utf-8")
                caption = html.unescape(figure.group(2))
                node = nodes.figure("", classes=["cnn-figure"])
                uri = f"cnnlib-figures/{_svg_to_pdf(svg, folder)}"  # in the LaTeX folder, where xelatex runs
                node += nodes.image(uri=uri, candidates={"*": uri})
                node += nodes.caption(caption, caption)
                bundle.replace_self(node)
            elif animation := _ANIMATION.search(text):
                bundle.replace_self(self._stills(animation, folder, words))

    def _stills(self, match, folder, words):
        """Key frames, with a caption that says which they are.

        Of the wide frames and the phone's (panels stacked, 355 px wide), two to a row or one, the
        choice that prints them largest (:data:`FRAME_BOX`): two to a row, the phone's frames print at
        seven tenths of their size where the wide ones would shrink to a half, their numbers to 5 pt;
        chapter 05's wide frames (982 px) print larger one to a row.
        """
        alt = html.unescape(match.group(1)).strip().rstrip(".。")
        data = json.loads(match.group(2))
        frames, per_row = max(
            ((data[k], n) for k in ("wide", "narrow") if k in data for n in (2, 1)),
            key=lambda c: _print_scale(*c) / (1 if c[1] == 2 else 1.2),  # one to a row takes a page: worth it
        )  # only when the frames print a fifth larger
        frames = frames["frames"]
        chosen = key_frames(len(frames))
        names = []
        for index in chosen:
            png = base64.b64decode(frames[index])
            name = f"anim-{hashlib.sha1(png).hexdigest()[:16]}.png"
            (folder / name).write_bytes(png)
            names.append(name)
        which = [str(i + 1) for i in chosen]
        which = words["sep"].join(which[:-1]) + words["and"] + which[-1] if len(which) > 1 else which[0]
        template = words["all"] if len(chosen) == len(frames) else words["some"]
        caption = template.format(which=which, n=len(frames), alt=alt)
        across, down = FRAME_BOX[per_row]
        size = rf"width={across}\linewidth,height={down}\textheight,keepaspectratio"
        grid = "\n".join(
            rf"\includegraphics[{size}]{{cnnlib-figures/{name}}}"
            + ("\\hspace{0.04\\linewidth}" if per_row == 2 and k % 2 == 0 and k + 1 < len(names) else "\\par\\medskip")
            for k, name in enumerate(names)
        )
        latex = (
            "\n\\begin{center}\\begin{minipage}{\\linewidth}\\centering\n"
            f"{grid}\n\\par\\begin{{minipage}}{{0.9\\linewidth}}\\small\\sphinxAtStartPar {escape(caption)}"
            "\\end{minipage}\n\\end{minipage}\\end{center}\\bigskip\n"
        )
        return nodes.raw("", latex, format="latex")


class PrintableTables(SphinxPostTransform):
    """Every table as wide as the text, its columns as wide as their longest entries; long ones break.

    LaTeX's ``tabulary`` (Sphinx's choice for a short table) cannot break across pages, so chapter 01's
    notation table ran off its page; a table of more than :data:`LONG_ROWS` rows is a ``longtable``.
    """

    default_priority = 5
    formats = ("latex",)

    def run(self, **kwargs):
        for table in list(self.document.findall(nodes.table)):
            groups = [g for g in table.children if isinstance(g, nodes.tgroup)]
            if len(groups) != 1:
                continue
            specs = [c for c in groups[0].children if isinstance(c, nodes.colspec)]
            rows = list(groups[0].findall(nodes.row))
            longest, word = [0] * len(specs), [0] * len(specs)
            for row in rows:
                for k, entry in enumerate(row.children[: len(specs)]):
                    length, widest = _printed_length(entry)
                    longest[k], word[k] = max(longest[k], length), max(word[k], widest)
            for spec, share in zip(specs, column_shares(longest, word)):
                spec["colwidth"] = round(1000 * share)
            table["classes"] = [c for c in table["classes"] if c != "colwidths-auto"] + ["colwidths-given"]
            if len(rows) > LONG_ROWS:
                table["classes"].append("longtable")
            # a one-line heading just before the table ("**Chapters 01 to 04.**") stays with it
            index = table.parent.index(table)
            before = table.parent[index - 1] if index else None
            if isinstance(before, nodes.paragraph) and len(before.astext()) < 60:
                at = table.parent.index(before)
                table.parent.insert(at, nodes.raw("", "\\needspace{10\\baselineskip}\n", format="latex"))


LONG_ROWS = 12
LINE = 78  # characters of code across the text (17.5 cm of DejaVu Sans Mono at 85 % of 11 pt), less padding


def column_shares(longest, word):
    """Each column's share of the width: as its longest entry (10 to 60 characters), but never narrower
    than its longest word (an identifier such as ``forward_output_axes_swapped`` cannot break)."""
    weights = [min(max(length, 10), 60) for length in longest]
    floors = [min((w + 2) / LINE, 0.5) for w in word]
    pinned = set()  # the columns held at their floor; the others share what is left by their weights
    while True:
        free = [k for k in range(len(weights)) if k not in pinned]
        left = 1 - sum(floors[k] for k in pinned)
        shares = [floors[k] if k in pinned else weights[k] / sum(weights[j] for j in free) * left
                  for k in range(len(weights))]  # fmt: skip
        narrow = {k for k in free if shares[k] < floors[k]}
        if not narrow or len(narrow) == len(free):
            return shares
        pinned |= narrow


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _printed_length(entry):
    """About how many characters wide ``entry`` prints, and its widest part that cannot break.

    A formula's LaTeX source is some 2.5 times longer than it prints, and it does not break; a Chinese
    character is two wide, and a line may break after any of them.
    """
    total, widest = 0.0, 0.0
    for text in entry.findall(nodes.Text):
        if isinstance(text.parent, nodes.math):
            total += 0.4 * len(text)
            widest = max(widest, 0.4 * len(text))
            continue
        total += len(text) + len(_CJK.findall(text))
        for word in text.split():
            widest = max(widest, 2 if _CJK.search(word) else len(word))
    return round(total), round(widest)


# The preface, the glossary and the references are not numbered; every chapters/NN_… page is chapter NN.
UNNUMBERED = r"\cnnunnumbered"
NUMBERED = r"\cnnnumbered"


def mark_numbering(app, doctree):
    """A LaTeX switch at the start of the pages whose numbering changes (LaTeX builder only)."""
    if app.builder.format != "latex":
        return
    docname = app.env.docname
    switch = {"chapters/00_preface": UNNUMBERED, "chapters/01_notation": NUMBERED, "glossary": UNNUMBERED}
    if docname in switch:
        doctree.insert(0, nodes.raw("", switch[docname] + "\n", format="latex"))


PREAMBLE = r"""
% the parts (the web's captions) unnumbered, so that their numbers do not read as the chapters'
\makeatletter\let\cnn@part\part
\renewcommand{\part}[1]{\cleardoublepage\phantomsection\addcontentsline{toc}{part}{#1}\cnn@part*{#1}}
\makeatother
% print_edition: chapters numbered as their files (the preface, glossary and references without one),
% sections unnumbered as on the web
\setcounter{secnumdepth}{0}
\newcommand{\cnnunnumbered}{\setcounter{secnumdepth}{-1}}
\newcommand{\cnnnumbered}{\setcounter{secnumdepth}{0}}
% table cells ragged-right: a narrow justified column spreads its words (and Chinese characters) apart
\makeatletter\newcolumntype{\X}[2]{>{\raggedright\arraybackslash}p{\dimexpr
  (\linewidth-\spx@arrayrulewidth)*#1/#2-\tw@\tabcolsep-\spx@arrayrulewidth\relax}}\makeatother
% a long table starts on a new page rather than with one row at the foot of this one
\makeatletter\let\cnn@longtablestart\sphinxatlongtablestart
\def\sphinxatlongtablestart{\needspace{8\baselineskip}\cnn@longtablestart}\makeatother
% the references' entries under the References chapter (the last), not in a second chapter "Bibliography"
% that Sphinx opens for them at the end of the book
\makeatletter
\renewenvironment{sphinxthebibliography}[1]{\let\chapter\@gobbletwo\let\@mkboth\@gobbletwo\begin{thebibliography}{#1}}%
  {\end{thebibliography}}
\makeatother
"""

FONTS = r"""
\usepackage{fontspec}
\setmonofont{DejaVu Sans Mono}[Scale=0.85]
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}[BoldFont=Noto Sans CJK SC Bold, ItalicFont=Noto Sans CJK SC]
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
"""

# English: the curly quotes are Latin punctuation, not the full-width marks xeCJK takes them for
ENGLISH_QUOTES = r"""
\xeCJKDeclareCharClass{HalfLeft}{"2018, "201C}
\xeCJKDeclareCharClass{HalfRight}{"2019, "201D}
"""

# The characters of the prose that Latin Modern lacks. In a formula each is its maths symbol; in code and
# output, DejaVu Sans Mono's own glyph; in prose, DejaVu's (Serif, or Sans for the check mark).
SYMBOLS = {
    "δ": r"\delta", "κ": r"\kappa", "∂": r"\partial", "≈": r"\approx", "≤": r"\leq", "⊗": r"\otimes",
    "⊙": r"\odot", "⋆": r"\star", "⌈": r"\lceil", "⌉": r"\rceil", "⌊": r"\lfloor", "⌋": r"\rfloor",
    "′": r"{}^{\prime}", "₁": r"{}_{1}", "₂": r"{}_{2}", "ᵀ": r"{}^{\mathsf{T}}", "✓": r"\checkmark",
    "✗": r'\text{\cnnsans\char"2717}',
}  # fmt: skip
SANS = {"✓", "✗"}


def symbols_preamble():
    """``newunicodechar`` definitions for :data:`SYMBOLS`."""
    lines = [
        r"\usepackage{newunicodechar}",
        r"\newfontfamily\cnnserif{DejaVu Serif}[Scale=MatchLowercase]",
        r"\newfontfamily\cnnsans{DejaVu Sans}[Scale=MatchLowercase]",
        r"\makeatletter",
        r"\protected\def\cnnglyph#1#2#3{% #1 in a formula; else the glyph #3 from font #2, except in code",
        r"  \ifmmode#1\else\edef\cnn@family{\f@family}\edef\cnn@tt{\ttdefault}%",
        r"  \ifx\cnn@family\cnn@tt\char#3\relax\else{#2\char#3\relax}\fi\fi}",
        r"\makeatother",
    ]
    # at the start of the document, after unicode-math has made ′ and ₁ its own (in its own AtBeginDocument)
    lines.append(r"\AtBeginDocument{%")
    for char, maths in SYMBOLS.items():
        font = r"\cnnsans" if char in SANS else r"\cnnserif"
        lines.append(rf'  \newunicodechar{{{char}}}{{\cnnglyph{{{maths}}}{{{font}}}{{"{ord(char):04X}}}}}%')
    return "\n".join([*lines, "}"]) + "\n"


CHINESE = r"""
% print_edition: the Chinese edition's labels in Chinese
\AtBeginDocument{%
  \renewcommand{\contentsname}{目录}%
  \renewcommand{\figurename}{图~}%
  \renewcommand{\tablename}{表~}%
  \renewcommand{\bibname}{参考文献}%
  \renewcommand{\indexname}{索引}%
}
\titleformat{\chapter}[display]{\normalfont\huge\bfseries}{第\,\thechapter\,章}{16pt}{\Huge}
\titleformat{name=\chapter,numberless}[display]{\normalfont\huge\bfseries}{}{0pt}{\Huge}
\titlespacing*{\chapter}{0pt}{0pt}{36pt}
% emphasis in the sans face, Latin and digits too (a Chinese font has no italics)
\renewcommand{\sphinxstyleemphasis}[1]{{\sffamily #1}}
% a cross-reference is a link (and coloured), not set in italics, which a Chinese font does not have
\renewcommand{\sphinxcrossref}[1]{#1}
% a continued code block or table says （续下页） and （接上页） alike, in full-width brackets
\renewcommand*\sphinxstylecodecontinued[1]{{\footnotesize（#1）}}
\renewcommand*\sphinxstylecodecontinues[1]{{\footnotesize（#1）}}
\protected\def\sphinxtablecontinued#1{{\footnotesize（#1）}}
\makeatletter
% "图 1.1　caption", not "图 1.1: caption"
\long\def\@makecaption#1#2{\vskip\abovecaptionskip\sbox\@tempboxa{#1\quad #2}%
  \ifdim\wd\@tempboxa>\hsize #1\quad #2\par\else\global\@minipagefalse\hb@xt@\hsize{\hfil\box\@tempboxa\hfil}\fi
  \vskip\belowcaptionskip}
% the running foot "第 2 章　互相关与卷积" (Sphinx's page style, with the chapter's mark in Chinese)
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyfoot[RO]{{\py@HeaderFamily\thepage}}%
  \fancyfoot[LO]{{\py@HeaderFamily\nouppercase{\rightmark}}}%
  \fancyhead[RO]{{\py@HeaderFamily\@title}}%
  \fancyfoot[LE]{{\py@HeaderFamily\thepage}}%
  \fancyfoot[RE]{{\py@HeaderFamily\nouppercase{\leftmark}}}%
  \fancyhead[LE]{{\py@HeaderFamily\@title}}%
  \renewcommand{\headrulewidth}{0.4pt}%
  \renewcommand{\footrulewidth}{0.4pt}%
  \def\chaptermark##1{\markboth{\ifnum\c@secnumdepth>\m@ne 第\,\thechapter\,章\quad\fi ##1}{}}%
}
\makeatother
"""


def configure(app, config):
    lang = lang_of(config)
    name = f"cnnlib-book-{lang}"
    title = config.html_title  # _config.yml's title; the Chinese one from editions.py
    config.latex_documents = [(config.master_doc, f"{name}.tex", title, config.author, "jupyterBook")]
    config.latex_engine = "xelatex"
    config.latex_additional_files = [str(HERE / "latex" / "bbm.sty")]
    # _ext/latex/longtable.tex.jinja: a continued table's head without a table number the web does not show
    config.templates_path = [*config.templates_path, str(HERE / "latex")]
    config.numfig_format = {
        **config.numfig_format,
        **({"figure": "图 %s", "table": "表 %s"} if lang == "zh" else {"figure": "Figure %s", "table": "Table %s"}),
    }
    elements = dict(config.latex_elements or {})
    elements.update(
        {
            "papersize": "a4paper",
            "pointsize": "11pt",
            "fontenc": "",
            "fontpkg": FONTS + ("" if lang == "zh" else ENGLISH_QUOTES),
            "babel": r"\usepackage[english]{babel}",  # sphinx-jupyterbook-latex's preamble needs it
            "polyglossia": "",
            "printindex": "",
            # long lines of code and output wrap, anywhere if they must, rather than run off the page
            "sphinxsetup": "verbatimwrapslines=true, verbatimforcewraps=true",
            "release": "",
            "releasename": "",
            # after sphinx-jupyterbook-latex's part, so after unicode-math, which would take ₁ and ᵀ back
            "preamble": elements.get("preamble", "")
            + PREAMBLE
            + symbols_preamble()
            + (CHINESE if lang == "zh" else ""),
            "fvset": r"\fvset{fontsize=\small" + (r",formatcom=\xeCJKVerbAddon}" if lang == "zh" else "}"),
        }
    )
    today = datetime.date.today()  # the title page's date (Sphinx's LaTeX writer takes config.today)
    config.today = f"{today.year} 年 {today.month} 月 {today.day} 日" if lang == "zh" else f"{today:%-d %B %Y}"
    if lang == "zh":
        elements["fncychap"] = ""
    config.latex_elements = elements


def setup(app):
    app.connect("config-inited", configure, priority=950)  # after sphinx-external-toc (900) sets the root
    app.connect("doctree-read", mark_numbering)
    app.add_post_transform(PrintableOutputs)
    app.add_post_transform(PrintableTables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
