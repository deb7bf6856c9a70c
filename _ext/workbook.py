"""The workbook: the chapters with every solution taken out, to work through offline.

    python _ext/workbook.py        # (python3 dev.py workbook) -> _build/workbook/ and _build/workbook.zip

Each chapter is the reader's notebook of its edition (:mod:`reader_notebooks`:
plain Jupyter Markdown, no MyST) without the solutions of the exercises and of
the "Your turn" sections, and without outputs, so a reader runs everything and
writes the stubs. Each notebook's first cell (which installs cnnlib on Colab
only) names the commit the workbook was made from. The folder also holds
``cnnlib`` (whose checker, ``cnnlib.exercises``, the check cells call), a
``pyproject.toml`` and a ``requirements.txt``, so ``pip install -r
requirements.txt`` inside it is all the setup there is.

As a Sphinx extension it writes ``workbook.zip`` next to the pages of every
HTML build, in the edition's language; the front page links to it.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reader_notebooks
import setup_cell

ROOT = Path(__file__).resolve().parents[1]


def requirements(root=ROOT):
    """The workbook's ``requirements.txt``: the book's run-time pins (``requirements-run.txt``), and cnnlib."""
    run = (Path(root) / "requirements-run.txt").read_text(encoding="utf-8")
    return "# Everything the workbook's notebooks need; then: jupyter lab chapters/\n" + run + "-e .\n"


README = {
    "en": """\
# Workbook: convolution and pooling, forward and backward

The chapters of the book, with every worked solution taken out and no outputs.
Each chapter from 02 to 06 ends with a "Your turn" section: write the function
in the stub cell, then run the check cell below it. The checker tries your
function on cases from the simplest to the general and, when a case fails,
shows it and names the mistake if it knows it.

Setup, once (Python 3.11 or newer):

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/jupyter lab chapters/

The published book, with the solutions, is the place to compare your answers.
""",
    "zh": """\
# 练习册：卷积与池化的前向传播与反向传播

本书各章的笔记本，去掉了所有参考解答和输出。第 2 至 6 章末尾都有“动手实践”一节：在函数框架所在的
单元格中写出函数，再运行下面的检查单元格。练习检查器会从最简单到最一般的用例逐一试运行你的函数；某个用例
失败时，它会给出这个用例，如果认得这种错误，还会说出错误的名称。

安装（只需一次，Python 3.11 或更新版本）：

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/jupyter lab chapters/

对照答案请看已发布的书，其中有全部参考解答。
""",
}


def strip(nb, doc, book):
    """The workbook's copy of chapter ``nb`` (MyST, a dict): plain Markdown, no solutions, no outputs."""
    out = reader_notebooks.convert(nb, doc, book, solutions=False)
    for cell in out["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            cell["metadata"].pop("execution", None)
    out.get("metadata", {}).pop("execution", None)
    return out


def write(root, out_dir, lang="en"):
    """Write the workbook of edition ``lang`` ("en" or "zh") of the book at ``root`` into ``out_dir``."""
    root, out_dir = Path(root).resolve(), Path(out_dir)
    lang = "zh" if lang.startswith("zh") else "en"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "chapters").mkdir(parents=True)
    book = reader_notebooks.index(root, lang)
    sha = setup_cell.commit(root)
    for path in reader_notebooks.chapter_paths(root, lang):
        nb = strip(json.loads(path.read_text(encoding="utf-8")), f"chapters/{path.stem}", book)
        if sha:  # the Colab setup cell installs the cnnlib of this very commit
            setup_cell.pin(nb, sha)
        (out_dir / "chapters" / path.name).write_text(reader_notebooks.dumps(nb), encoding="utf-8")
    shutil.copytree(root / "cnnlib", out_dir / "cnnlib", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copy(root / name, out_dir / name)
    (out_dir / "requirements.txt").write_text(requirements(root), encoding="utf-8")
    (out_dir / "README.md").write_text(README[lang], encoding="utf-8")
    return out_dir


def write_zip(root, zip_path, lang="en"):
    """The workbook as one zip file (a single top-level folder, ``cnn-workbook/``); returns ``zip_path``."""
    zip_path = Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write(root, Path(tmp) / "cnn-workbook", lang)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(folder.parent).as_posix())
    return zip_path


def _write(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    root = (Path(app.srcdir) / "_config.yml").resolve().parent  # the Chinese source tree links into the checkout
    write_zip(root, Path(app.outdir) / "workbook.zip", app.config.language or "en")


def setup(app):
    app.connect("build-finished", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    for lang, suffix in (("en", ""), ("zh", "-zh")):
        folder = write(here, here / "_build" / f"workbook{suffix}", lang)
        archive = write_zip(here, here / "_build" / f"workbook{suffix}.zip", lang)
        print(f"wrote {folder} and {archive}")
