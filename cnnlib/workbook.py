"""The workbook: the chapters with every solution taken out, to work through offline.

    python3 dev.py workbook      # -> _build/workbook/ and _build/workbook.zip

Each chapter notebook is copied without the cells between a
``{solution-start}`` and its ``{solution-end}`` (the worked solutions of the
exercises and of the "Your turn" sections) and without outputs, so a reader
runs everything and writes the stubs. Each notebook's first cell (which
installs cnnlib on Colab only) names the commit the workbook was made from. The
folder also holds ``cnnlib`` (whose
checker, :mod:`cnnlib.exercises`, the check cells call), a ``pyproject.toml``
and a ``requirements.txt``, so ``pip install -r requirements.txt`` inside it
is all the setup there is. The book's build puts the zip next to its pages
(``_ext/workbook.py``), and the front page links to it.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

__all__ = ["strip", "write", "write_zip"]

START, END = "```{solution-start}", "```{solution-end}"

REQUIREMENTS = """\
# Everything the workbook's notebooks need; then: jupyter lab chapters/
numpy==2.4.6
sympy==1.14.0
matplotlib==3.11.2
scikit-learn==1.9.1
threadpoolctl
jupyterlab==4.6.6
ipykernel==7.4.0
ipywidgets==8.1.9
-e .
"""

README = """\
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
"""


README_ZH = """\
# 练习册：卷积与池化的前向传播与反向传播

本书各章的笔记本，去掉了所有参考解答和输出。第 02 至 06 章末尾都有“动手实践”一节：在函数框架所在的
单元格中写出函数，再运行下面的检查单元格。练习检查器会从最简单到最一般的用例逐一试运行你的函数；某个用例
失败时，它会给出这个用例，如果认得这种错误，还会说出错误的名称。

安装（只需一次，Python 3.11 或更新版本）：

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/jupyter lab chapters/

对照答案请看已发布的书，其中有全部参考解答。
"""


def _source(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def strip(nb):
    """A copy of notebook ``nb`` (a dict) without solutions, outputs or execution counts."""
    out = copy.deepcopy(nb)
    kept, inside = [], False
    for cell in out["cells"]:
        text = _source(cell).lstrip()
        if cell["cell_type"] == "markdown" and text.startswith(START):
            inside = True
            continue
        if inside:
            if cell["cell_type"] == "markdown" and text.startswith(END):
                inside = False
            continue
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            cell["metadata"].pop("execution", None)
        kept.append(cell)
    if inside:
        raise ValueError("a {solution-start} cell has no matching {solution-end}")
    out["cells"] = kept
    out.get("metadata", {}).pop("execution", None)
    return out


def _setup_cell(root):
    """The book's ``_ext/setup_cell.py`` (the Colab setup cell), or None outside the book's repository."""
    import importlib.util

    path = (Path(root) / "_config.yml").resolve().parent / "_ext" / "setup_cell.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("_book_setup_cell", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write(root, out_dir, lang="en"):
    """Write the workbook for the book at ``root`` into the folder ``out_dir``; returns ``out_dir``.

    ``lang="zh_CN"`` (the Chinese edition's source tree, whose chapters are the Chinese notebooks) gives
    the README in Chinese.
    """
    root, out_dir = Path(root), Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "chapters").mkdir(parents=True)
    setup_cell = _setup_cell(root)
    sha = setup_cell.commit((root / "_config.yml").resolve().parent) if setup_cell else None
    for path in sorted((root / "chapters").glob("*.ipynb")):
        nb = strip(json.loads(path.read_text(encoding="utf-8")))
        if sha:  # the Colab setup cell installs the cnnlib of this very commit
            setup_cell.pin(nb, sha)
        text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        (out_dir / "chapters" / path.name).write_text(text, encoding="utf-8")
    shutil.copytree(root / "cnnlib", out_dir / "cnnlib", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copy(root / name, out_dir / name)
    (out_dir / "requirements.txt").write_text(REQUIREMENTS, encoding="utf-8")
    (out_dir / "README.md").write_text(README_ZH if lang.startswith("zh") else README, encoding="utf-8")
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


if __name__ == "__main__":
    import sys

    here = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    folder = write(here, here / "_build" / "workbook")
    archive = write_zip(here, here / "_build" / "workbook.zip")
    print(f"wrote {folder} and {archive}")
