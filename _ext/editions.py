"""Build both editions: English into ``<out>/_build/html``, Chinese into ``<out>/_build/html/zh``.

    python _ext/editions.py [OUT] [extra sphinx/jupyter-book options]

The English edition is the ``jupyter-book build`` of ``_config.yml``. The
Chinese one is the same Sphinx project built with ``language = zh_CN``: its
prose comes from ``locale/zh_CN/LC_MESSAGES``, its code and outputs from the
same notebooks. Jupyter Book cannot set the language for one build only, so
the Chinese build runs Sphinx on the ``conf.py`` that ``jupyter-book config
sphinx`` writes (ignored by git). Afterwards the Chinese pages' notebook
downloads are replaced by the Chinese notebooks of ``zh/chapters``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # translate_notebooks, next to this file

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FLAGS = ["-W", "-n", "--keep-going"]
TITLE_ZH = "卷积与池化：前向传播与反向传播"


def write_conf(root=ROOT):
    """``conf.py`` from ``_config.yml``, able to import the book's local extensions."""
    subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", str(root)], check=True, capture_output=True)
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8")
    prefix = "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '_ext'))\n"
    if not text.startswith(prefix):
        conf.write_text(prefix + text, encoding="utf-8")
    return conf


def build_english(root=ROOT, out=None):
    cmd = [str(BIN / "jupyter-book"), "build", str(root), *FLAGS]
    if out is not None:
        cmd += ["--path-output", str(out)]
    return subprocess.run(cmd).returncode


def build_chinese(root=ROOT, out=None):
    out = Path(out) if out is not None else root
    write_conf(root)
    html = out / "_build" / "html" / "zh"
    cmd = [str(BIN / "python"), "-m", "sphinx", "-b", "html", "-D", "language=zh_CN", "-D", f"html_title={TITLE_ZH}", *FLAGS, "-q",
           "-d", str(out / "_build" / ".doctrees-zh"), str(root), str(html)]  # fmt: skip
    code = subprocess.run(cmd).returncode
    if code == 0:
        for nb in sorted((root / "zh" / "chapters").glob("*.ipynb")):
            target = html / "_sources" / "chapters" / nb.name
            if target.exists():
                shutil.copyfile(nb, target)
    return code


def build(root=ROOT, out=None):
    """Both editions (and the Chinese notebooks first); 0 when all built without warnings."""
    from translate_notebooks import generate

    try:
        generate(root)
    except ValueError as error:
        print(f"The Chinese notebooks cannot be made: {error}", file=sys.stderr)
        return 1
    return build_english(root, out) or build_chinese(root, out)


if __name__ == "__main__":
    sys.exit(build(ROOT, Path(sys.argv[1]) if len(sys.argv) > 1 else None))
