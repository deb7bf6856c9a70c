"""The first cell of every notebook: on Colab, install cnnlib; anywhere else, nothing.

    python _ext/setup_cell.py      # write or refresh the cell in chapters/*.ipynb

Colab starts from a bare Python, so ``import cnnlib`` would fail there. The
cell installs cnnlib from the repository that ``_config.yml`` names
(``repository.url``). In the committed notebooks it names the branch
``repository.branch``, which is where the Colab and Binder buttons open the
notebooks too, so the two always come from the same commit. Every copy of a
notebook that the build serves (the page's download button, the workbook, the
offline zip) is pinned to the exact commit the book was built from
(:func:`pin`). Anywhere but Colab (JupyterLab, Binder, nbval) the ``if`` is
false. The cell then sets the language of the words cnnlib prints and draws
(``cnnlib.set_language``: English here, Chinese in the Chinese notebooks); it
prints nothing. It is tagged ``remove-cell``: the book does
not show it, because it is not part of the lesson.

The Chinese notebooks get the same cell with Chinese comments
(``_ext/translate_notebooks.py`` calls :func:`source`); ``tests/test_launch.py``
checks that every notebook starts with it and runs it with Colab simulated.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TAGS = ["colab-setup", "remove-cell"]

COMMENT = {
    "en": "# On Colab only: install cnnlib, the library of this book, at the\n"
    "# version these notebooks were written with. Elsewhere the install is skipped.\n",
    "zh": "# 仅在 Colab 上生效：安装本书配套的库 cnnlib，版本与编写这些笔记本时所用的相同。\n"
    "# 在其他环境中跳过安装。\n",
}
LANGUAGE = {
    "en": "# The words cnnlib prints and draws (reports, captions, buttons) in English.\n",
    "zh": "# cnnlib 打印和绘制的文字（报告、图注、按钮）使用中文。\n",
}
INSTALL = re.compile(r'(%pip install --quiet "cnnlib\[plot\] @ git\+)([^@"]+)@([^"]+)(")')


def repository(root=ROOT):
    """``(url, branch)`` from ``_config.yml``'s ``repository`` section (read without a YAML library)."""
    text = (Path(root) / "_config.yml").read_text(encoding="utf-8")
    section = re.search(r"^repository:\n((?:[ \t]+.*\n?)+)", text, re.M)
    if not section:
        raise ValueError("_config.yml has no repository: section")
    values = dict(re.findall(r"^[ \t]+(\w+):[ \t]*(\S+)", section.group(1), re.M))
    return values["url"].strip("\"'"), values.get("branch", "main").strip("\"'")


def source(lang="en", root=ROOT, ref=None):
    """The cell's code; ``ref`` (a branch or a commit) defaults to ``repository.branch``."""
    url, branch = repository(root)
    return (
        COMMENT[lang] + "import sys\n\n"
        'if "google.colab" in sys.modules:\n'
        f'    %pip install --quiet "cnnlib[plot] @ git+{url}@{ref or branch}"\n\n'
        + LANGUAGE[lang]
        + f'import cnnlib\n\ncnnlib.set_language("{lang}")'
    )


def cell(lang="en", root=ROOT):
    return {"cell_type": "code", "execution_count": None, "id": "colab-setup", "metadata": {"tags": list(TAGS)},
            "outputs": [], "source": source(lang, root).splitlines(keepends=True)}  # fmt: skip


def is_setup(c):
    return "colab-setup" in c.get("metadata", {}).get("tags", [])


def ensure(nb, lang="en", root=ROOT):
    """Put the setup cell first in notebook ``nb`` (a dict), in place; returns whether it changed.

    A notebook that was just executed keeps consistent execution counts: when the cell is new,
    it takes count 1 and every other count moves up by one, exactly what a fresh run would give
    (the cell prints nothing and changes nothing the other cells use).
    """
    new = cell(lang, root)
    cells = nb["cells"]
    if cells and is_setup(cells[0]):
        old = cells[0]
        if all(old.get(k) == new[k] for k in ("id", "metadata")) and "".join(old["source"]) == "".join(new["source"]):
            return False
        new["execution_count"] = old.get("execution_count")
        cells[0] = new
        return True
    numbered = any(c.get("execution_count") for c in cells if c["cell_type"] == "code")
    if numbered:
        new["execution_count"] = 1
        for c in cells:
            if c["cell_type"] == "code" and c.get("execution_count"):
                c["execution_count"] += 1
                for output in c.get("outputs", []):
                    if output.get("execution_count"):
                        output["execution_count"] += 1
    cells.insert(0, new)
    return True


def commit(root=ROOT):
    """The commit the checkout at ``root`` is on, or None outside a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def pin(nb, sha):
    """Pin the setup cell of notebook ``nb`` (a dict) to commit ``sha``, in place; returns whether it changed."""
    if not sha or not nb.get("cells") or not is_setup(nb["cells"][0]):
        return False
    text = "".join(nb["cells"][0]["source"])
    new = INSTALL.sub(lambda m: f"{m.group(1)}{m.group(2)}@{sha}{m.group(4)}", text)
    nb["cells"][0]["source"] = new.splitlines(keepends=True)
    return new != text


def pin_tree(folder, sha):
    """Pin every notebook under ``folder`` to ``sha``; returns how many were changed."""
    changed = 0
    for path in sorted(Path(folder).rglob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if pin(nb, sha):
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            changed += 1
    return changed


def main(root=ROOT):
    from reader_notebooks import chapter_paths  # the chapters _toc.yml names, not every *.ipynb there

    for path in chapter_paths(root, "en"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if ensure(nb, "en", root):
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print("updated", path.relative_to(root))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
