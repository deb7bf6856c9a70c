"""The notebooks a reader opens: the chapters in plain Jupyter Markdown, in both editions.

    python _ext/reader_notebooks.py        # -> notebooks/en/*.ipynb and notebooks/zh/*.ipynb

The chapters (``chapters/*.ipynb``, and ``zh/chapters/*.ipynb`` made from them)
are the MyST source of the book. Their Markdown holds roles (``{eq}``,
``{doc}``, ``{ref}``, ``{cite:p}``), directives (exercise, solution,
literalinclude, admonition) and targets that only the book's build
understands; JupyterLab, Colab and VS Code show them as raw text. What the
project hands a reader (the notebooks the Binder and Colab buttons open, the
download button's, the workbooks') is made here, in Markdown that every
Jupyter renders without an extension:

- an equation reference is the book's number, "(5.3)", a link when the equation
  is on another page; a labelled equation carries its number (``\\tag{5.3}``);
- ``{doc}`` and ``{ref}`` become links to the published page, with its title;
  citations read as on the page ("[He et al., 2016]"; in the Chinese edition a
  narrative one reads "He 等 [2016]", as ``_ext/typography_zh.py`` makes the page
  say) and link to the references;
- a ``literalinclude`` becomes the code it includes (Sphinx's own reader);
- an exercise becomes a heading ("Exercise 5.2 (Write conv_backward)"), its
  solution a heading below it that JupyterLab and Colab open folded
  (``jp-MarkdownHeadingCollapsed``, ``colab.collapsed_sections``); a dropdown
  admonition becomes ``<details>``, any other a quotation with its title;
- ``(label)=`` targets go, and no display equation has a blank line inside.

Equations and exercises are numbered through the whole book in the order of
``_toc.yml``, as Sphinx numbers them (``tests/test_browser.py`` compares the
numbers with the built pages). Code cells, outputs and tags are copied
unchanged; cells the book folds (``hide-input``, ``hide-cell``) start folded
in JupyterLab too. A construct with no plain form here is an error, not raw
text. The copies live in ``notebooks/``, committed, because Colab opens a path
on GitHub; ``tests/test_reader_notebooks.py`` checks they are current.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from chapter_numbers import number

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {"en": "chapters", "zh": "zh/chapters"}  # each edition's MyST notebooks, relative to the root
OUT = "notebooks"  # notebooks/en, notebooks/zh

WORDS = {
    "en": {
        "exercise": "Exercise {n}",
        "titled": "Exercise {n} ({title})",
        "solution": "Solution to Exercise {n}",
        "check": "Check your function",
    },
    "zh": {
        "exercise": "练习 {n}",
        "titled": "练习 {n}（{title}）",
        "solution": "练习 {n} 的解答",
        "check": "检查你的函数",
    },
}

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})(?:\{(?P<name>[\w:-]+)\})?[ \t]*(?P<arg>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_TARGET = re.compile(r"^\(([\w.:-]+)\)=[ \t]*$")
_DISPLAY = re.compile(r"\$\$(?P<body>.+?)\$\$(?:[ \t]*\((?P<label>[\w.:-]+)\))?", re.S)
_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<text>[^`]*)`")
_ROLE_OR_CODE = re.compile(_ROLE.pattern + r"|`[^`\n]*`")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)


# --------------------------------------------------------------------------- the book's cross-references


@dataclass
class Index:
    """What the roles of one edition point to: numbers, titles, page addresses."""

    lang: str
    root: Path
    base: str  # the published edition's address, ending in "/"
    docs: list = field(default_factory=list)  # docnames in the order of _toc.yml
    titles: dict = field(default_factory=dict)  # docname -> title
    equations: dict = field(default_factory=dict)  # label -> (docname, number)
    exercises: dict = field(default_factory=dict)  # label -> (docname, number)
    sections: dict = field(default_factory=dict)  # label -> (docname, title)
    citations: dict = field(default_factory=dict)  # bibtex key -> (authors, year)
    textual: dict = field(default_factory=dict)  # bibtex key -> authors as {cite:t} names them, where not as above

    def url(self, doc, anchor=""):
        return f"{self.base}{doc}.html" + (f"#{anchor}" if anchor else "")


def toc_docs(root=ROOT):
    """The book's docnames in the order of ``_toc.yml`` (the order Sphinx numbers in)."""
    import yaml

    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    docs = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                docs.append(str(Path(entry["file"]).with_suffix("")) if entry["file"].endswith((".md", ".ipynb"))
                            else entry["file"])  # fmt: skip
            walk(entry.get("sections"))
            for part in entry.get("parts", []):
                walk(part.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return docs


def published_base(root=ROOT):
    """The published book's address: ``html.baseurl`` of ``_config.yml``, else GitHub Pages of ``repository.url``."""
    import yaml

    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    base = (config.get("html") or {}).get("baseurl")
    if not base:
        owner, repo = re.match(r"https://github\.com/([^/]+)/([^/]+?)/?$", config["repository"]["url"]).groups()
        base = f"https://{owner}.github.io/{repo}/"
    return base.rstrip("/") + "/"


def _markdown_of(root, doc, lang):
    """The Markdown of one page of an edition, as one string (a notebook's cells joined)."""
    root = Path(root)
    if doc.startswith("chapters/"):
        path = root / SOURCES[lang] / (Path(doc).name + ".ipynb")
        nb = json.loads(path.read_text(encoding="utf-8"))
        return "\n\n".join(_text(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    text = (root / f"{doc}.md").read_text(encoding="utf-8")
    if lang == "zh":  # the Markdown pages are translated by their catalogs at build time
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from translate_notebooks import catalog, translate_markdown

        text = translate_markdown(text, catalog(doc), strict=False)[0]
    return text


def _outside_code(text):
    """``text`` with the contents of plain code fences blanked; directives' fences and contents stay."""
    out, code, directives = [], None, []
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if code is not None:
            stripped = line.strip()
            if stripped and set(stripped) == {code[0]} and len(stripped) >= len(code):
                code = None
            out.append("")
        elif m and m.group("name"):
            directives.append(m.group("fence"))
            out.append(line)
        elif m and not m.group("arg") and directives and m.group("fence")[0] == directives[-1][0] \
                and len(m.group("fence")) >= len(directives[-1]):  # fmt: skip
            directives.pop()
            out.append(line)
        elif m and m.group("fence")[0] == "`":
            code = m.group("fence")
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


# How a narrative citation ({cite:t}) joins its authors' names: (two, three or more); as the book's pages do
TEXTUAL = {"en": ("{} and {}", "{} et al."), "zh": ("{} 和 {}", "{} 等")}  # zh: _ext/typography_zh.py's PERSON_ZH


def _authors(people, lang="en"):
    two, more = TEXTUAL[lang]
    return people[0] if len(people) == 1 else two.format(*people) if len(people) == 2 else more.format(people[0])


def _citations(root, lang="en"):
    """``{key: (authors, year)}`` as bracketed citations name them, and ``{key: authors}`` as narrative ones do."""
    from pybtex.database import parse_file

    def last(person):
        import codecs

        import latexcodec  # noqa: F401  (registers the "ulatex" codec)

        name = " ".join(person.prelast_names + person.last_names)
        return re.sub(r"[{}]", "", codecs.decode(name, "ulatex"))

    cites, textual = {}, {}
    for key, entry in parse_file(str(Path(root) / "references.bib")).entries.items():
        people = [last(p) for p in entry.persons.get("author", [])]
        cites[key] = (_authors(people), entry.fields["year"])
        textual[key] = _authors(people, lang)
    return cites, textual


def index(root=ROOT, lang="en"):
    """The :class:`Index` of one edition, read from its sources."""
    root = Path(root)
    base = published_base(root) + ("zh/" if lang == "zh" else "")
    citations, textual = _citations(root, lang)
    book = Index(lang=lang, root=root, base=base, docs=toc_docs(root), citations=citations, textual=textual)
    for doc in book.docs:
        n_eq = n_ex = 0  # numbered per chapter, as chapter_numbers numbers the web book: "5.3"
        text = _outside_code(_markdown_of(root, doc, lang))
        lines = text.split("\n")
        for k, line in enumerate(lines):
            heading = _HEADING.match(line)
            if heading and doc not in book.titles and len(heading.group(1)) == 1:
                book.titles[doc] = heading.group(2).strip()
            target = _TARGET.match(line)
            if target:
                after = next((m for m in map(_HEADING.match, lines[k + 1 :]) if m), None)
                book.sections[target.group(1)] = (doc, after.group(2).strip() if after else "")
            fence = _FENCE.match(line)
            if fence and fence.group("name") == "exercise":
                n_ex += 1
                options = dict(m.groups() for m in map(_OPTION.match, lines[k + 1 : k + 6]) if m)
                if "label" in options:
                    book.exercises[options["label"]] = (doc, number(doc, n_ex))
            if fence and fence.group("name") == "math":
                raise ValueError(f"{doc}: a {{math}} directive; write labelled equations as $$ ... $$ (label)")
        for m in _DISPLAY.finditer(text):
            if m.group("label"):
                n_eq += 1
                book.equations[m.group("label")] = (doc, number(doc, n_eq))
    return book


# --------------------------------------------------------------------------- Markdown, one cell at a time


class Unsupported(ValueError):
    """MyST that has no plain-Markdown form here (yet): add one rather than ship raw MyST."""


@dataclass
class _State:
    """What one notebook's conversion carries from cell to cell."""

    doc: str
    book: Index
    level: int = 1  # the level of the last heading of the source
    exercise: int = 0  # how many exercises of the page came so far
    exercise_level: dict = field(default_factory=dict)  # label -> (number, heading level)
    in_solution: str | None = None  # the exercise label while inside a solution
    marks: list = field(default_factory=list)  # where solutions start and end: see _mark


def _escape_link_text(text):
    return text.replace("[", r"\[").replace("]", r"\]")


def _role(m, state):
    role, text = m.group("role"), m.group("text")
    book, lang = state.book, state.book.lang
    explicit = _EXPLICIT.match(text)
    label, shown = (explicit.group("target"), explicit.group("text")) if explicit else (text, None)
    if role == "eq":
        if label not in book.equations:
            raise Unsupported(f"{state.doc}: no equation labelled {label!r}")
        doc, n = book.equations[label]
        return f"({n})" if doc == state.doc else f"[({n})]({book.url(doc, 'equation-' + label)})"
    if role == "doc":
        doc = _resolve(state.doc, label)
        if doc not in book.titles:
            raise Unsupported(f"{state.doc}: no page {label!r}")
        return f"[{_escape_link_text(shown or book.titles[doc])}]({book.url(doc)})"
    if role == "ref" and label in book.exercises:  # Sphinx writes "Exercise 12.4"
        doc, n = book.exercises[label]
        text = shown or WORDS[lang]["exercise"].format(n=n)
        return f"[{_escape_link_text(text)}]({book.url(doc, label)})"
    if role == "ref":
        if label not in book.sections:
            raise Unsupported(f"{state.doc}: no section labelled {label!r}")
        doc, title = book.sections[label]
        return f"[{_escape_link_text(shown or title)}]({book.url(doc, label)})"
    if role in ("cite:p", "cite:t"):
        keys = [k.strip() for k in label.split(",")]
        missing = [k for k in keys if k not in book.citations]
        if missing:
            raise Unsupported(f"{state.doc}: no reference {missing[0]!r} in references.bib")
        refs = book.url("references")
        keys.sort(key=lambda k: (book.citations[k][0].lower(), book.citations[k][1]))  # as the book sorts them
        if role == "cite:p":
            inside = ", ".join(f"{book.citations[k][0]}, {book.citations[k][1]}" for k in keys)
            return f"[\\[{inside}\\]]({refs})"
        names = {k: book.textual.get(k, book.citations[k][0]) for k in keys}
        return ", ".join(f"{names[k]} [\\[{book.citations[k][1]}\\]]({refs})" for k in keys)
    raise Unsupported(f"{state.doc}: the role {{{role}}} has no plain-Markdown form here")


def _resolve(current, target):
    if target.startswith("/"):
        return target.lstrip("/")
    parts = (Path(current).parent / target).as_posix().split("/")
    out = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in (".", ""):
            out.append(part)
    return "/".join(out)


def _display(m, state):
    body = re.sub(r"\n[ \t]*(?=\n)", "", m.group("body"))  # no blank line inside: Jupyter would end the maths there
    label = m.group("label")
    if not label:
        return f"$${body}$$"
    if label not in state.book.equations:
        raise Unsupported(f"{state.doc}: equation label {label!r} is not in the index")
    tag = f"\\tag{{{state.book.equations[label][1]}}}"
    return f"$${body}{tag}\n$$" if body.endswith("\n") else f"$${body} {tag}$$"


def _prose(text, state):
    """Plain Markdown (no fences): targets dropped, equations numbered, roles resolved."""
    lines = [line for line in text.split("\n") if not _TARGET.match(line)]
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            state.level = len(heading.group(1))
    text = "\n".join(lines)
    text = _DISPLAY.sub(lambda m: _display(m, state), text)
    # roles, but not inside inline code (a role's own backticks are not code)
    return _ROLE_OR_CODE.sub(lambda m: _role(m, state) if m.group("role") else m.group(0), text)


def _options(body):
    options, k = {}, 0
    while k < len(body) and _OPTION.match(body[k]):
        m = _OPTION.match(body[k])
        options[m.group("key")] = m.group("value").strip()
        k += 1
    if k < len(body) and not body[k].strip():
        k += 1
    return options, body[k:]


def _heading(level, text):
    return "#" * min(level, 6) + " " + text


def _inline_html(text):
    import html

    parts = re.split(r"`([^`]*)`", text)
    return "".join(
        f"<code>{html.escape(p)}</code>" if k % 2 else html.escape(p, quote=False) for k, p in enumerate(parts)
    )


def _mark(state, what):
    """A placeholder for where a solution starts or ends; :func:`convert` splits the cell there."""
    state.marks.append(what)
    return f"\x00{len(state.marks) - 1}\x00"


def _directive(name, arg, body, state):
    """One directive as plain Markdown (or "" for one that leaves nothing behind)."""
    options, content = _options(body)
    words = WORDS[state.book.lang]
    if name == "literalinclude":
        from sphinx.directives.code import LiteralIncludeReader

        path = state.book.root / _resolve(state.doc, arg.strip())
        allowed = {"pyobject", "language", "lines", "start-after", "end-before", "dedent"}
        if set(options) - allowed:
            raise Unsupported(f"{state.doc}: literalinclude options {sorted(set(options) - allowed)}")
        reader_options = {k: v for k, v in options.items() if k != "language"}
        if "dedent" in reader_options:
            reader_options["dedent"] = int(reader_options["dedent"])
        text, _ = LiteralIncludeReader(str(path), reader_options, SimpleNamespace(source_encoding="utf-8")).read()
        return f"```{options.get('language', '')}\n{text.rstrip()}\n```"
    if name == "exercise":
        state.exercise += 1
        n = number(state.doc, state.exercise)
        title = arg.strip()
        level = state.level + 1
        label = options.get("label")
        if label:
            expected = state.book.exercises.get(label, (None, None))[1]
            if expected != n:
                raise Unsupported(f"{state.doc}: exercise {label!r} counted {n}, indexed {expected}")
            state.exercise_level[label] = (n, level)
        head = words["titled"].format(n=n, title=title) if title else words["exercise"].format(n=n)
        saved = state.level
        inner = _markdown(content, state)
        state.level = saved  # the exercise's heading is ours, not the source's
        return _heading(level, _prose(head, state)) + ("\n\n" + inner if inner.strip() else "")
    if name == "solution-start":
        label = arg.strip()
        if label not in state.exercise_level or state.in_solution is not None:
            raise Unsupported(f"{state.doc}: a solution to {label!r}, which is not an exercise above it")
        n, level = state.exercise_level[label]
        state.in_solution = label
        heading = _heading(level + 1, words["solution"].format(n=n))
        return _mark(state, ("start", heading, options.get("class") == "dropdown"))
    if name == "solution-end":
        if state.in_solution is None:
            raise Unsupported(f"{state.doc}: a solution-end without its start")
        level = state.exercise_level[state.in_solution][1] + 1
        state.in_solution = None
        return _mark(state, ("end", level))
    if name == "admonition":
        title = _prose(arg.strip(), state)
        inner = _markdown(content, state)
        if "dropdown" in options.get("class", "").split():
            return f"<details>\n<summary>{_inline_html(title)}</summary>\n\n{inner}\n\n</details>"
        quoted = "\n".join(("> " + line).rstrip() for line in inner.split("\n"))
        return f"> **{title}**\n>\n{quoted}"
    raise Unsupported(f"{state.doc}: the directive {{{name}}} has no plain-Markdown form here")


def _markdown(lines, state):
    """A list of Markdown lines (a cell, or a directive's content) as plain Markdown."""
    out, prose, k = [], [], 0

    def flush():
        if prose:
            out.append(_prose("\n".join(prose), state))
            prose.clear()

    while k < len(lines):
        m = _FENCE.match(lines[k])
        if not m:
            prose.append(lines[k])
            k += 1
            continue
        char, size = m.group("fence")[0], len(m.group("fence"))
        end = k + 1
        while end < len(lines):
            stripped = lines[end].strip()
            if stripped and set(stripped) == {char} and len(stripped) >= size:
                break
            end += 1
        if end == len(lines):
            raise Unsupported(f"{state.doc}: a fence opened by {lines[k]!r} is never closed")
        flush()
        if m.group("name"):
            out.append(_directive(m.group("name"), m.group("arg"), lines[k + 1 : end], state))
        else:
            out.append("\n".join(lines[k : end + 1]))  # plain code: as it is
        k = end + 1
    flush()
    return "\n".join(part for part in out).strip("\n")


# --------------------------------------------------------------------------- notebooks


def _text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


FIGURE_WORD = {"en": "Figure", "zh": "图"}
_FIGURE = re.compile(r'(<figure class="cnn-figure">.*?<figcaption>)', re.S)


def number_figures(html, chapter, lang, first=1):
    """``html`` with each figure's caption numbered "Figure 5.2" (``chapter`` 5) from ``first``; returns
    ``(html, the next number)``. The book's pages and the reader notebooks number the same figures alike."""
    count = iter(range(first, 10_000))
    word = FIGURE_WORD[lang]
    new = _FIGURE.sub(
        lambda m: f'{m.group(1)}<span class="caption-number">{word} {chapter}.{next(count)} </span>', html
    )
    return new, next(count)


_FOLD = {"hide-input": ("source_hidden",), "hide-cell": ("source_hidden", "outputs_hidden"),
         "hide-output": ("outputs_hidden",)}  # fmt: skip


def convert(nb, doc, book, solutions=True):
    """A copy of notebook ``nb`` (a dict, MyST Markdown) in plain Jupyter Markdown.

    ``doc`` is its docname (``chapters/05_conv_backward``) and ``book`` the :class:`Index` of its
    edition. ``solutions=False`` leaves every solution out (the workbook).
    """
    out = copy.deepcopy(nb)
    state = _State(doc=doc, book=book)
    state.exercise = 0
    cells, collapsed = [], []
    chapter, figure_number = (int(m.group(1)) if (m := re.match(r"chapters/(\d+)_", doc)) else None), 1
    inside, after = False, 0  # inside a solution; the heading level that must come after one (0: none)

    def new_cell(text, like, part):
        cell = {**copy.deepcopy(like), "source": text.splitlines(keepends=True)}
        if part:  # the second and later pieces of a cell that a solution's start or end divided
            cell["id"], cell["metadata"] = f"{like['id']}-{part}"[:64], {}
        cells.append(cell)
        return cell

    for cell in out["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] != "markdown":
            if inside and not solutions:
                continue  # a code cell of a solution
            if after:
                if "your-turn-check" not in tags:
                    raise Unsupported(f"{doc}: a code cell right after a folded solution; give it a heading")
                new_cell(_heading(after, WORDS[book.lang]["check"]), {"cell_type": "markdown", "id": cell["id"],
                         "metadata": {}}, "heading")  # fmt: skip
                after = 0
            folds = [flag for tag in tags for flag in _FOLD.get(tag, ())]
            if folds:
                cell["metadata"]["jupyter"] = {flag: True for flag in folds}
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html")
                if html and chapter is not None:
                    text, figure_number = number_figures("".join(html), chapter, book.lang, figure_number)
                    output["data"]["text/html"] = text.splitlines(keepends=True)
            cells.append(cell)
            continue
        pieces = re.split("\x00(\\d+)\x00", _markdown(_text(cell).split("\n"), state))
        part = 0
        for k, piece in enumerate(pieces):
            if k % 2:  # a solution starts or ends here
                what = state.marks[int(piece)]
                if what[0] == "end":
                    inside, after = False, what[1]
                    continue
                inside, after = True, 0
                if solutions:
                    part += 1
                    head = new_cell(what[1], cell, f"solution{part}")
                    if what[2]:  # a dropdown: folded in JupyterLab and in Colab
                        head["metadata"] = {"jp-MarkdownHeadingCollapsed": True, "id": head["id"]}
                        collapsed.append(head["id"])
                continue
            piece = piece.strip("\n")
            if not piece.strip() or (inside and not solutions):
                continue
            if after:  # what follows a folded solution must start a section of its own, or the fold hides it
                first = _HEADING.match(piece.split("\n")[0])
                if not first or len(first.group(1)) > after:
                    raise Unsupported(f"{doc}: after a solution, {piece[:40]!r} does not start with a heading")
                after = 0
            new_cell(piece, cell, part and f"part{part}")
            part += 1
    out["cells"] = cells
    if collapsed:
        out["metadata"].setdefault("colab", {})["collapsed_sections"] = collapsed
    leftovers = raw_myst(out)
    if leftovers:
        raise Unsupported(f"{doc}: raw MyST left in cell {leftovers[0][0]}: {leftovers[0][1]!r}")
    return out


def raw_myst(nb):
    """``[(cell number, what)]``: every Markdown cell of ``nb`` that would show MyST or broken maths in Jupyter."""
    found = []
    for k, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        text = _outside_code(_text(cell))
        roles = [m.group(0) for m in _ROLE_OR_CODE.finditer(text) if m.group("role")]
        found += [(k, f"role: {role}") for role in roles]
        text = _ROLE_OR_CODE.sub("", text)  # inline code may show anything
        for name, pattern in (
            ("directive", r"^[ \t>]*(`{3,}|:{3,})\{"),
            ("target", r"^[ \t]*\([\w.:-]+\)=[ \t]*$"),
            ("labelled equation", r"\$\$[ \t]*\([\w.:-]+\)"),
        ):
            for m in re.finditer(pattern, text, re.M):
                found.append((k, f"{name}: {text[m.start() : m.end() + 30]}"))
        for m in _DISPLAY.finditer(text):
            if re.search(r"\n[ \t]*\n", m.group("body")):
                found.append((k, f"blank line in display maths: {m.group(0)[:60]}"))
        if text.count("$$") % 2:
            found.append((k, "an unpaired $$"))
    return found


def chapter_paths(root=ROOT, lang="en"):
    """The chapter notebooks of an edition that ``_toc.yml`` names, in order: never a stray copy beside them
    (``Untitled.ipynb``, an editor's lock file)."""
    return [
        Path(root) / SOURCES[lang] / (Path(doc).name + ".ipynb")
        for doc in toc_docs(root)
        if doc.startswith("chapters/")
    ]


def dumps(nb):
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def generate(root=ROOT, out=None):
    """Write ``notebooks/en`` and ``notebooks/zh`` (or under ``out``); returns the paths written."""
    root = Path(root)
    out = Path(out) if out else root / OUT
    written = []
    for lang in SOURCES:
        book = index(root, lang)
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        for path in chapter_paths(root, lang):
            nb = convert(json.loads(path.read_text(encoding="utf-8")), f"chapters/{path.stem}", book)
            target = folder / path.name
            text = dumps(nb)
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


if __name__ == "__main__":
    for p in generate(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT):
        print("wrote", p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
