"""The reader notebooks (``_ext/reader_notebooks.py``): what the project hands a reader, in plain Jupyter Markdown.

Static checks, in seconds, over every notebook a reader gets (``notebooks/en``,
``notebooks/zh`` and both workbooks): no raw MyST and no broken display maths;
the committed copies current; code and outputs exactly the chapters'. The
converter's rules are pinned on small examples. ``tests/test_jupyterlab.py``
opens some of them in a real JupyterLab; ``tests/test_browser.py`` checks their
numbers and links against the built book.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import reader_notebooks as rn  # noqa: E402
import workbook  # noqa: E402

LANGS = ["en", "zh"]


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _md(nb):
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


@pytest.fixture(scope="module")
def books():
    return {lang: rn.index(ROOT, lang) for lang in LANGS}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """{name: notebook} for every notebook a reader is handed: the reader notebooks and both workbooks."""
    out = {}
    for lang in LANGS:
        for path in sorted((ROOT / "notebooks" / lang).glob("*.ipynb")):
            out[f"notebooks/{lang}/{path.name}"] = _load(path)
        folder = workbook.write(ROOT, tmp_path_factory.mktemp(f"wb-{lang}") / "cnn-workbook", lang)
        for path in sorted((folder / "chapters").glob("*.ipynb")):
            out[f"workbook-{lang}/{path.name}"] = _load(path)
    return out


def test_every_served_notebook_reads_in_plain_jupyter(served):
    """No role, directive, target or labelled-equation syntax, no blank line inside $$…$$, no unpaired $$."""
    assert len(served) == 60
    problems = {name: rn.raw_myst(nb) for name, nb in served.items()}
    assert not {k: v for k, v in problems.items() if v}


def test_the_committed_reader_notebooks_are_current(tmp_path):
    rn.generate(ROOT, tmp_path)
    for lang in LANGS:
        made = sorted(p.name for p in (tmp_path / lang).glob("*.ipynb"))
        assert made == sorted(p.name for p in (ROOT / "notebooks" / lang).glob("*.ipynb"))
        for name in made:
            fresh, committed = (tmp_path / lang / name), (ROOT / "notebooks" / lang / name)
            assert fresh.read_bytes() == committed.read_bytes(), (
                f"notebooks/{lang}/{name}: run python _ext/reader_notebooks.py"
            )


@pytest.mark.parametrize("lang", LANGS)
def test_code_and_outputs_are_the_chapters_own(lang):
    """Only Markdown changes: every code cell, its outputs and tags, in order (folding is added metadata)."""
    for path in rn.chapter_paths(ROOT, lang):
        source, reader = _load(path), _load(ROOT / "notebooks" / lang / path.name)
        code = [c for c in source["cells"] if c["cell_type"] == "code"]
        made = [c for c in reader["cells"] if c["cell_type"] == "code"]
        assert [c["source"] for c in made] == [c["source"] for c in code], path.name
        # the same outputs, but for the figures' numbers ("Figure 5.2"), which the book numbers too
        unnumbered = json.dumps([c["outputs"] for c in made], ensure_ascii=False).replace(
            '<span class=\\"caption-number\\">', ""
        )
        unnumbered = re.sub(r"(Figure|图) \d+\.\d+ </span>", "", unnumbered)
        assert unnumbered == json.dumps([c["outputs"] for c in code], ensure_ascii=False), path.name
        assert [c.get("metadata", {}).get("tags") for c in made] == [c.get("metadata", {}).get("tags") for c in code]
        assert reader["metadata"]["kernelspec"] == source["metadata"]["kernelspec"]


def test_no_notebook_of_the_repository_has_a_blank_line_inside_display_maths():
    """The Chinese notebooks had 68 (the generator pasted each translated equation back with its newlines)."""
    broken = []
    for path in [*ROOT.glob("chapters/*.ipynb"), *ROOT.glob("zh/chapters/*.ipynb"), *ROOT.glob("notebooks/*/*.ipynb")]:
        for text in _md(_load(path)):
            broken += [
                path.name for m in re.finditer(r"\$\$(.*?)\$\$", text, re.S) if re.search(r"\n\s*\n", m.group(1))
            ]
    assert broken == []


# --------------------------------------------------------------------------- the rules, on small examples


def _chapter(*cells):
    made = []
    for k, (kind, text, *tags) in enumerate(cells):
        cell = {"cell_type": kind, "id": f"c{k}", "metadata": {"tags": tags} if tags else {}, "source": text}
        if kind == "code":
            cell |= {"execution_count": None, "outputs": []}
        made.append(cell)
    return {"cells": made, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _book(lang="en"):
    """A two-page book: page "chapters/a" has equations 1 and 2 and exercise 1, page "chapters/b" the rest."""
    return rn.Index(
        lang=lang,
        root=ROOT,
        base="https://example.org/book/",
        docs=["chapters/a", "chapters/b"],
        titles={"chapters/a": "Page A", "chapters/b": "Page *B*"},
        equations={"eq-one": ("chapters/a", "1"), "eq-two": ("chapters/a", "2"), "eq-three": ("chapters/b", "3")},
        exercises={"ex-a": ("chapters/a", "1"), "ex-b": ("chapters/b", "2")},
        sections={"sec-x": ("chapters/b", "A [tricky] section")},
        citations={"he2016": ("He et al.", "2016"), "dumoulin2016": ("Dumoulin and Visin", "2016")},
    )


def test_roles_become_numbers_links_and_citations():
    nb = _chapter(
        ("markdown", "(sec-y)=\n## Title\n\nBy {eq}`eq-one` and {eq}`eq-three`, see {doc}`b`, {doc}`that page <b>`,\n"
         "{ref}`sec-x` and {ref}`ex-b`; `{eq}` in code stays. {cite:p}`he2016` and {cite:t}`dumoulin2016`."),
    )  # fmt: skip
    (text,) = _md(rn.convert(nb, "chapters/a", _book()))
    assert text == (
        "## Title\n\nBy (1) and [(3)](https://example.org/book/chapters/b.html#equation-eq-three), see "
        "[Page *B*](https://example.org/book/chapters/b.html), [that page](https://example.org/book/chapters/b.html),\n"
        r"[A \[tricky\] section](https://example.org/book/chapters/b.html#sec-x) and "
        "[Exercise 2](https://example.org/book/chapters/b.html#ex-b); `{eq}` in code stays. "
        r"[\[He et al., 2016\]](https://example.org/book/references.html) and "
        r"Dumoulin and Visin [\[2016\]](https://example.org/book/references.html)."
    )


def test_labelled_equations_carry_their_number_and_lose_blank_lines():
    nb = _chapter(("markdown", "$$\n\na = b\n\n$$ (eq-one)\n\nand $$c$$ (eq-two), $$d$$"))
    (text,) = _md(rn.convert(nb, "chapters/a", _book()))
    assert text == "$$\na = b\n\\tag{1}\n$$\n\nand $$c \\tag{2}$$, $$d$$"


@pytest.mark.parametrize(
    "lang, exercise, solution, check",
    [
        ("en", "### Exercise 1 (Do it)", "#### Solution to Exercise 1", "#### Check your function"),
        ("zh", "### 练习 1（Do it）", "#### 练习 1 的解答", "#### 检查你的函数"),
    ],
)
def test_an_exercise_is_a_heading_and_its_solution_a_folded_heading(lang, exercise, solution, check):
    nb = _chapter(
        ("markdown", "## Your turn"),
        ("markdown", "```{exercise} Do it\n:label: ex-a\n\nWrite `f`.\n```"),
        ("code", "def f(): raise NotImplementedError", "your-turn-stub"),
        ("markdown", "```{solution-start} ex-a\n:class: dropdown\n```"),
        ("code", "def f(): return 1", "your-turn-solution"),
        ("markdown", "Why it works.\n\n```{solution-end}\n```"),
        ("code", "check(f)", "your-turn-check"),
        ("markdown", "## Summary"),
    )
    out = rn.convert(nb, "chapters/a", _book(lang))
    kinds = [(c["cell_type"], "".join(c["source"])) for c in out["cells"]]
    assert kinds == [
        ("markdown", "## Your turn"),
        ("markdown", f"{exercise}\n\nWrite `f`."),
        ("code", "def f(): raise NotImplementedError"),
        ("markdown", solution),
        ("code", "def f(): return 1"),
        ("markdown", "Why it works."),
        ("markdown", check),
        ("code", "check(f)"),
        ("markdown", "## Summary"),
    ]
    folded = out["cells"][3]
    assert folded["metadata"]["jp-MarkdownHeadingCollapsed"] is True
    assert out["metadata"]["colab"]["collapsed_sections"] == [folded["id"]] == [folded["metadata"]["id"]]
    assert len({c["id"] for c in out["cells"]}) == len(out["cells"])
    # the workbook: the solution and its explanation go, all else stays
    bare = rn.convert(nb, "chapters/a", _book(lang), solutions=False)
    assert ["".join(c["source"]) for c in bare["cells"]] == [
        k[1] for k in kinds if k[1] not in (solution, "def f(): return 1", "Why it works.")
    ]


def test_what_follows_a_folded_solution_must_start_a_section():
    nb = _chapter(
        ("markdown", "## Exercises\n\n```{exercise}\n:label: ex-a\n\nDo it.\n```"),
        ("markdown", "```{solution-start} ex-a\n:class: dropdown\n```"),
        ("markdown", "Done.\n\n```{solution-end}\n```\n\nThis paragraph would be folded away."),
    )
    with pytest.raises(rn.Unsupported, match="does not start with a heading"):
        rn.convert(nb, "chapters/a", _book())


def test_admonitions_and_literal_includes():
    nb = _chapter(
        ("markdown", ":::{admonition} Note {eq}`eq-one`\n:class: warning\n- one\n- two\n:::"),
        ("markdown", "::::{admonition} `windows`, a view\n:class: dropdown\n\n```{literalinclude} ../cnnlib/plain.py\n"
         ":pyobject: windows\n:language: python\n```\n::::"),
    )  # fmt: skip
    quote, details = _md(rn.convert(nb, "chapters/a", _book()))
    assert quote == "> **Note (1)**\n>\n> - one\n> - two"
    assert details.startswith("<details>\n<summary><code>windows</code>, a view</summary>\n\n```python\ndef windows(")
    assert details.endswith("```\n\n</details>")


@pytest.mark.parametrize(
    "text, error",
    [
        ("```{note}\nhi\n```", "directive {note}"),
        ("{numref}`fig-1`", "role {numref}"),
        ("{eq}`eq-nowhere`", "no equation labelled"),
        ("{doc}`nowhere`", "no page"),
        ("```{exercise}\nnever closed", "never closed"),
    ],
)
def test_myst_without_a_plain_form_is_an_error_not_raw_text(text, error):
    with pytest.raises(rn.Unsupported, match=re.escape(error)):
        rn.convert(_chapter(("markdown", text)), "chapters/a", _book())


def test_the_book_numbers_equations_and_exercises_per_chapter(books):
    """Chapter 02 holds equations (2.1), (2.2), …, as the built page does (test_browser checks every page)."""
    for book in books.values():
        said = [n for label, (doc, n) in book.equations.items() if doc == "chapters/02_correlation_convolution"]
        assert len(said) >= 5 and said == [f"2.{k}" for k in range(1, len(said) + 1)]
        assert book.exercises["your-turn-conv-backward"] == ("chapters/05_conv_backward", "5.1")
    assert books["en"].base.endswith("/") and books["zh"].base == books["en"].base + "zh/"


def test_the_generators_read_the_chapters_of_the_toc_not_what_tools_leave_about(tmp_path):
    """A JupyterLab ``Untitled.ipynb``, checkpoints and an editor's lock file beside the chapters change nothing."""
    import translate_notebooks
    from stray_files import tree_with_stray_files

    (tmp_path / "tree").mkdir()
    tree = tree_with_stray_files(tmp_path / "tree")
    assert (tree / "chapters" / "Untitled.ipynb").exists() and (
        tree / "chapters" / ".#05_conv_backward.ipynb"
    ).is_symlink()
    chapters = sorted(p.name for p in (ROOT / "chapters").glob("[0-9]*.ipynb"))
    assert [p.name for p in rn.chapter_paths(tree)] == chapters
    made = translate_notebooks.generate(tree, tmp_path / "zh")
    assert sorted(p.name for p in made) == chapters
    rn.generate(tree, tmp_path / "readers")
    for lang in LANGS:
        assert sorted(p.name for p in (tmp_path / "readers" / lang).glob("*.ipynb")) == chapters
