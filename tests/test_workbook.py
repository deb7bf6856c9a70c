"""The workbook: the chapters without solutions, in plain Markdown, still valid and runnable, with kind check cells."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import reader_notebooks  # noqa: E402
import workbook  # noqa: E402

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
YOUR_TURN = {"02": 2, "03": 2, "04": 2, "05": 2, "06": 2, "08": 1, "10": 1, "11": 1, "12": 1, "13": 1}


@pytest.fixture(scope="module", params=["en", "zh"])
def folder(request, tmp_path_factory):
    return workbook.write(ROOT, tmp_path_factory.mktemp(f"wb-{request.param}") / "cnn-workbook", request.param)


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def test_every_chapter_is_there_valid_and_without_solutions_or_outputs(folder):
    names = sorted(p.name for p in (folder / "chapters").glob("*.ipynb"))
    assert names == [p.name for p in CHAPTERS]
    for path in (folder / "chapters").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        assert reader_notebooks.raw_myst(nb) == [], path.name
        for cell in nb.cells:
            assert "{solution-start}" not in cell.source and "{solution-end}" not in cell.source, path.name
            assert "your-turn-solution" not in _tags(cell), path.name
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


def test_only_the_solutions_are_removed():
    """Every code cell outside a solution stays, in order, and no Markdown outside one is lost.

    Chapters 03 and 04 end a solution and start "What's next" in one cell; that section stays.
    """
    book = reader_notebooks.index(ROOT, "en")
    for path in CHAPTERS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        doc = f"chapters/{path.stem}"
        full = reader_notebooks.convert(nb, doc, book)
        stripped = workbook.strip(nb, doc, book)
        solution_code = {c["id"] for c in nb["cells"] if "your-turn-solution" in _tags(c)}
        inside, kept = False, []
        for cell in nb["cells"]:
            text = "".join(cell["source"])
            if "{solution-start}" in text:
                inside = True
            if not inside and cell["cell_type"] == "code":
                kept.append(cell["id"])
            if "{solution-end}" in text:
                inside = False
        assert [c["id"] for c in stripped["cells"] if c["cell_type"] == "code"] == kept, path.name
        assert not solution_code & set(kept), path.name
        headings = [c for c in full["cells"] if c["cell_type"] == "markdown" and "".join(c["source"]).startswith("#")]
        kept_headings = [c for c in headings if "jp-MarkdownHeadingCollapsed" not in c["metadata"]]
        stripped_md = ["".join(c["source"]) for c in stripped["cells"] if c["cell_type"] == "markdown"]
        for heading in kept_headings:
            assert "".join(heading["source"]) in stripped_md, (path.name, "".join(heading["source"])[:60])


@pytest.mark.parametrize("chapter", sorted(YOUR_TURN))
def test_your_turn_keeps_the_stub_the_hints_and_the_check(folder, chapter):
    (path,) = (folder / "chapters").glob(f"{chapter}_*.ipynb")
    nb = nbformat.read(path, as_version=4)
    stubs = [c for c in nb.cells if "your-turn-stub" in _tags(c)]
    checks = [c for c in nb.cells if "your-turn-check" in _tags(c)]
    assert len(stubs) == len(checks) == YOUR_TURN[chapter]
    assert all("raise NotImplementedError" in c.source for c in stubs)
    assert all("exercises.check(" in c.source for c in checks)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    # the hints stay, folded; nothing speaks of a solution that is not there
    assert sum(m.startswith("<details>\n<summary>") and ("Hint" in m or "提示" in m) for m in markdown) >= len(stubs)
    assert not any("dropdown" in m or "紧接在函数框架之后" in m or "already run" in m for m in markdown)


def test_the_folder_has_what_setup_needs(folder):
    for name in ("README.md", "requirements.txt", "requirements-ch09.txt", "pyproject.toml", "LICENSE"):
        assert (folder / name).is_file(), name
    assert (folder / "cnnlib/exercises/__init__.py").is_file()
    required = (folder / "requirements.txt").read_text()
    assert "-e ." in required and "scikit-learn" not in required and "numpy==" in required
    assert "scikit-learn==" in (folder / "requirements-ch09.txt").read_text()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "exercises.check(" in readme and "requirements-ch09.txt" in readme


def test_zip_has_one_top_folder(tmp_path):
    archive = workbook.write_zip(ROOT, tmp_path / "workbook.zip", "zh")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
    assert {n.split("/")[0] for n in names} == {"cnn-workbook"}
    assert "cnn-workbook/chapters/05_conv_backward.ipynb" in names


def test_a_workbook_chapter_runs_and_its_check_asks_kindly_for_the_function(folder):
    from nbclient import NotebookClient

    path = folder / "chapters" / "05_conv_backward.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    check = next(c for c in nb.cells if "your-turn-check" in _tags(c))
    text = " ".join("".join(o.get("text", "") for o in check.outputs).split())  # undo the line wrapping
    if (folder / "README.md").read_text(encoding="utf-8").startswith("# 练习册"):
        assert "尚未实现（函数抛出了NotImplementedError）" in text.replace(" ", "")
    else:
        assert "not written yet (it raises NotImplementedError)" in text
        assert "write the function above, then run this cell again" in text
    assert not any(o.get("output_type") == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_every_notebook_keeps_the_colab_setup_cell_pinned_to_this_commit(folder):
    import subprocess

    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    for path in sorted((folder / "chapters").glob("*.ipynb")):
        first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
        assert "colab-setup" in _tags(first), path.name
        assert f'/cnnlib@{sha}"' in "".join(first["source"]), path.name
