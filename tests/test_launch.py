"""The launch buttons: every notebook's Colab setup cell, run with Colab simulated, and Binder's configuration.

Colab starts from a bare Python. The first cell of every notebook (both
editions, and so the workbook's) installs cnnlib there, and anywhere sets the
language of cnnlib's words (``_ext/setup_cell.py``). The test runs that cell in
an IPython shell of an environment with the book's dependencies but without
cnnlib, first as it is (nothing is installed), then with ``google.colab`` imported, as on
Colab, with the repository URL replaced by a local clone: cnnlib must then
import, from that environment, at the commit the cell names.

Binder builds the repository with repo2docker; its dry run (no Docker needed)
prints the Dockerfile it would build, which must use Python 3.11 and install
the book's pinned requirements, cnnlib included.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import setup_cell  # noqa: E402

NOTEBOOKS = sorted(ROOT.glob("chapters/*.ipynb")) + sorted(ROOT.glob("zh/chapters/*.ipynb"))


def _code(text):
    """The cell's code without its comments (the Chinese cell differs from the English one only there)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")).strip()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_every_notebook_starts_with_the_setup_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = nb["cells"][0]
    lang = "zh" if path.parts[-3] == "zh" else "en"
    assert setup_cell.is_setup(first), f"{path.name}: run python _ext/setup_cell.py"
    assert "".join(first["source"]) == setup_cell.source(lang), f"{path.name}: run python _ext/setup_cell.py"
    assert first["metadata"]["tags"] == setup_cell.TAGS  # remove-cell: the book does not show it
    assert first["outputs"] == []
    assert sum(setup_cell.is_setup(c) for c in nb["cells"]) == 1


def test_the_cell_names_the_repository_of_the_config():
    import yaml  # what jupyter-book reads _config.yml with; setup_cell reads it without a YAML library

    repository = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    assert setup_cell.repository() == (repository["url"], repository["branch"])
    assert f'"cnnlib[plot] @ git+{repository["url"]}@{repository["branch"]}"' in setup_cell.source("en")
    # the same code, but for the language it sets
    english = _code(setup_cell.source("en"))
    assert 'cnnlib.set_language("en")' in english
    assert english.replace('set_language("en")', 'set_language("zh")') == _code(setup_cell.source("zh"))


def test_pinning_names_the_commit_and_nothing_else_changes():
    nb = json.loads((ROOT / "chapters" / "03_conv_forward.ipynb").read_text(encoding="utf-8"))
    before = json.dumps(nb["cells"][1:])
    sha = "0123456789abcdef0123456789abcdef01234567"
    assert setup_cell.pin(nb, sha)
    url, branch = setup_cell.repository()
    text = "".join(nb["cells"][0]["source"])
    assert f'git+{url}@{sha}"' in text and f'@{branch}"' not in text
    assert json.dumps(nb["cells"][1:]) == before
    assert not setup_cell.pin(nb, sha)  # already pinned


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


COLAB = textwrap.dedent(
    """
    import contextlib, importlib.util, io, json, sys, types
    from IPython.core.interactiveshell import InteractiveShell

    code = open(sys.argv[1], encoding="utf-8").read()
    shell = InteractiveShell.instance()
    assert importlib.util.find_spec("cnnlib") is None, "cnnlib is there before the setup cell"
    # not on Colab: nothing is installed, so setting the language fails to import cnnlib (a reader's
    # Jupyter has cnnlib installed: README, preface)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        result = shell.run_cell(code)  # (IPython prints the traceback)
    assert isinstance(result.error_in_exec, ModuleNotFoundError), result.error_in_exec
    assert result.error_in_exec.name == "cnnlib", result.error_in_exec
    assert importlib.util.find_spec("cnnlib") is None, "the cell installed cnnlib outside Colab"
    print("NOT-COLAB-DONE", flush=True)
    sys.modules["google.colab"] = types.ModuleType("google.colab")  # what Colab's kernel has imported
    shell.run_cell(code).raise_error()
    import numpy as np
    import cnnlib, cnnlib.exercises, cnnlib.plotting
    A = np.arange(9).reshape(1, 3, 3, 1)
    W = np.arange(4).reshape(2, 2, 1, 1)
    Z = cnnlib.conv_forward(A, W, b=np.zeros(1, dtype=int))
    print(json.dumps({"file": cnnlib.__file__, "Z": Z[0, :, :, 0].tolist(), "lang": cnnlib.language()}))
    """
)


def test_the_setup_cell_installs_cnnlib_on_colab_from_a_clone(tmp_path):
    clone = tmp_path / "clone"
    _git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path)
    sha = _git("rev-parse", "HEAD", cwd=clone)
    # a bare environment that has the book's dependencies (this environment's site-packages, added
    # as a plain path: its .pth files, among them cnnlib's editable install, are not processed) but
    # not cnnlib, as Colab has numpy, sympy and matplotlib but not cnnlib
    env_dir = tmp_path / "colab"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(purelib, "book-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    nb = json.loads((ROOT / "chapters" / "05_conv_backward.ipynb").read_text(encoding="utf-8"))
    setup_cell.pin(nb, sha)
    url, _ = setup_cell.repository()
    code = "".join(nb["cells"][0]["source"]).replace(f"git+{url}@", f"git+{clone.as_uri()}@")
    assert f"git+{clone.as_uri()}@{sha}" in code
    (tmp_path / "cell.py").write_text(code, encoding="utf-8")
    (tmp_path / "colab.py").write_text(COLAB, encoding="utf-8")

    # no index: everything but cnnlib is already there, and cnnlib must come from the clone;
    # no build isolation: the build backend is taken from the environment (requirements.txt pins one
    # that pyproject.toml accepts), not downloaded
    import tomllib
    from importlib.metadata import version

    from packaging.requirements import Requirement

    for requirement in tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]:
        req = Requirement(requirement)
        assert req.specifier.contains(version(req.name)), f"{req.name} {version(req.name)} is not {req}"
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    run = subprocess.run(
        [python, "colab.py", "cell.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    before, _, after = run.stdout.partition("NOT-COLAB-DONE\n")
    assert before == "", f"the cell printed {before!r} outside Colab"
    result = json.loads(after.strip().splitlines()[-1])
    assert Path(result["file"]).resolve().is_relative_to(Path(purelib).resolve()), result["file"]
    assert result["Z"] == [[19, 25], [37, 43]]
    assert result["lang"] == "en"
    direct = next(Path(purelib).glob("cnnlib-*.dist-info")) / "direct_url.json"
    vcs = json.loads(direct.read_text())
    assert vcs["url"] == clone.as_uri() and vcs["vcs_info"]["commit_id"] == sha, vcs


def _requirements(path, seen=()):
    """The lines of a requirements file with its ``-r`` includes followed, as pip reads them."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("-r"):
            lines += _requirements((path.parent / line[2:].strip()).resolve(), (*seen, path))
        elif line:
            lines.append(line)
    return lines


def test_binder_builds_python_3_11_with_the_pinned_requirements():
    repo2docker = Path(sys.executable).parent / "repo2docker"
    dry = subprocess.run(
        [repo2docker, "--no-build", "--no-run", "--user-id", "1000", "--user-name", "jovyan", str(ROOT)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert dry.returncode == 0, dry.stderr[-3000:]
    assert "Building conda environment for python=3.11" in dry.stderr, dry.stderr[-2000:]
    dockerfile = dry.stdout
    install = '${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "binder/requirements.txt"'
    assert install in dockerfile, dockerfile[-3000:]
    # installed after the whole repository is copied in, since the requirements install cnnlib from it (-e .)
    copy_all = re.search(r"^COPY .* src/ \$\{REPO_DIR\}/$", dockerfile, re.M)
    assert copy_all and copy_all.start() < dockerfile.index(install)
    # Binder installs what the notebooks need and cnnlib, not the build and test tools
    binder = _requirements(ROOT / "binder" / "requirements.txt")
    assert binder == [*_requirements(ROOT / "requirements-run.txt"), "-e ."]
    assert any(p.startswith("jupyterlab==") for p in binder)
    assert not any(
        p.split("==")[0].lower() in {"pytest", "playwright", "ruff", "sphinx", "jupyter-book"} for p in binder
    )
    pins = _requirements(ROOT / "requirements.txt")
    assert set(binder) <= set(pins), "the full list includes the run-time one"
    assert all("==" in p for p in pins if p != "-e ."), "every requirement pinned"


def test_the_extensions_are_jupyter_books_without_thebe_and_every_local_one():
    """_config.yml replaces Jupyter Book's list of extensions (to leave sphinx_thebe out); every local extension
    must be in it, or it would be put on the path and never loaded."""
    import yaml

    sphinx = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]
    extensions = sphinx["config"]["extensions"]
    assert "sphinx_thebe" not in extensions
    assert set(sphinx["local_extensions"]) <= set(extensions), set(sphinx["local_extensions"]) - set(extensions)
    assert sorted((ROOT / "_ext").glob("*.py")) and all(
        p.stem in extensions or "def setup(" not in p.read_text(encoding="utf-8") for p in (ROOT / "_ext").glob("*.py")
    ), "an extension in _ext/ that the book does not load"
