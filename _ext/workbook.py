"""The workbook: the chapters with every solution taken out, to work through offline.

    python _ext/workbook.py        # (python3 dev.py workbook) -> _build/workbook/ and _build/workbook.zip

Each chapter is the reader's notebook of its edition (:mod:`reader_notebooks`:
plain Jupyter Markdown, no MyST) without the solutions of the exercises and of
the "Your turn" sections, and without outputs, so a reader runs everything and
writes the stubs. Cells tagged ``book-only`` (a sentence about the solution
that has already run on the page) are left out too; the hints stay, folded. Each notebook's first cell (which installs cnnlib on Colab
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


OPTIONAL = ("scikit-learn", "threadpoolctl")  # chapter 09's digits and its one-thread timings only


def requirements(root=ROOT):
    """The workbook's ``requirements.txt``: the book's run-time pins (``requirements-run.txt``) without what only
    chapter 09 needs (``requirements-ch09.txt``), and cnnlib."""
    lines = (Path(root) / "requirements-run.txt").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(OPTIONAL)]
    return (
        "# Everything the workbook's notebooks need but chapter 09; then: jupyter lab chapters/\n"
        + "\n".join(kept)
        + "\n-e .\n"
    )


def requirements_ch09(root=ROOT):
    """``requirements-ch09.txt``: the pins only chapter 09 needs (the digits of scikit-learn, threadpoolctl)."""
    lines = (Path(root) / "requirements-run.txt").read_text(encoding="utf-8").splitlines()
    needed = [line for line in lines if line.startswith(OPTIONAL)]
    return (
        "# Chapter 09 only (training on handwritten digits): pip install -r requirements-ch09.txt\n"
        + "\n".join(needed)
        + "\n"
    )


README = {
    "en": """\
# Workbook: convolution and pooling, forward and backward

The chapters of the book with every worked solution taken out, and no outputs.

Chapters 02 to 06 and 08 to 13 have "Your turn" sections. Each one has the same parts:

- a stub cell: write the function there;
- hints above it, folded: open them one at a time, from a nudge to the formula;
- a check cell below it.

The checker tries your function on cases from the simplest to the general. It lists every case, right or
wrong, and judges each part of a result on its own (dA_prev, dW and db, for instance). For the first case
that fails, it shows what was expected and what came back, marks the entries that differ, and names the
mistake if it knows it. The solutions are not in this folder; the published book has them, folded under
each exercise.

## Setup, once (Python 3.11 or newer)

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/jupyter lab chapters/

Chapter 09 trains a network on scikit-learn's handwritten digits. Only that chapter needs more:

    .venv/bin/pip install -r requirements-ch09.txt

## Checking an answer from a script

The checker is a function, so any editor will do:

    # my_answers.py
    import numpy as np
    from cnnlib import exercises

    def my_conv_forward(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        ...

    print(exercises.check("conv_forward", my_conv_forward))

Run it with `.venv/bin/python my_answers.py`. `exercises.EXERCISES` lists the names. `report.passed`
says whether every case passed, and `report.mistakes` gives the keys of the mistakes it named. Add
`lang="zh"` for the report in Chinese.
""",
    "zh": """\
# 练习册：卷积与池化的前向传播与反向传播

本书各章的笔记本，去掉了所有参考解答和输出。

第 2 至 6 章和第 8 至 13 章都有“动手实践”一节，每一节都由三部分组成：

- 函数框架所在的单元格：在这里写出函数；
- 它上方折叠着的提示：一次打开一条，从点拨思路到给出公式；
- 它下方的检查单元格。

练习检查器会从最简单到最一般的用例逐一试运行你的函数。它列出每个用例的对错，并对结果的每一部分分别评判
（例如 dA_prev、dW 和 db）。对第一个失败的用例，它会给出期望结果和实际结果，标出与期望不同的元素；如果认得这种
错误，还会说出错误的名称。参考解答不在这个文件夹里；已发布的书中有，折叠在每道练习下面。

## 安装（只需一次，Python 3.11 或更新版本）

    python3 -m venv .venv
    .venv/bin/pip install -r requirements.txt
    .venv/bin/jupyter lab chapters/

第 9 章用 scikit-learn 自带的手写数字训练网络，只有这一章需要额外安装：

    .venv/bin/pip install -r requirements-ch09.txt

## 在脚本中检查答案

检查器就是一个函数，所以用什么编辑器都可以：

    # my_answers.py
    import numpy as np
    from cnnlib import exercises

    def my_conv_forward(A_prev, W, b, stride=1, padding=0, dilation=1, groups=1):
        ...

    print(exercises.check("conv_forward", my_conv_forward, lang="zh"))

用 `.venv/bin/python my_answers.py` 运行。`exercises.EXERCISES` 列出所有练习的名称；`report.passed`
表示是否通过了全部用例，`report.mistakes` 是检查器说出的错误的键。
""",
}


def strip(nb, doc, book):
    """The workbook's copy of chapter ``nb`` (MyST, a dict): plain Markdown, no solutions, no outputs."""
    nb = dict(nb, cells=[c for c in nb["cells"] if "book-only" not in c.get("metadata", {}).get("tags", [])])
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
    (out_dir / "requirements-ch09.txt").write_text(requirements_ch09(root), encoding="utf-8")
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
