#!/usr/bin/env python3
"""Set up the environment, then build the book or run the tests.

    python3 dev.py book        # both editions -> _build/html/index.html, _build/html/zh/index.html
    python3 dev.py test        # unit tests + every chapter notebook through nbval
    python3 dev.py workbook    # -> _build/workbook{,-zh}/ and _build/workbook{,-zh}.zip (no solutions)
    python3 dev.py other-cpu   # the training notebooks again, on other floating-point code paths (CI runs it)
    python3 dev.py pdf         # -> _build/pdf/cnnlib-book-en.pdf, cnnlib-book-zh.pdf, then checks them (needs TeX)

The first run creates ``.venv`` and installs ``requirements.txt`` into it (a few
minutes); later runs reuse it and reinstall only when the requirements change.
Extra arguments go to the underlying command: ``python3 dev.py test -k pool``.
Needs only Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".requirements-installed"


def run(*cmd):
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.run(list(map(str, cmd)), cwd=ROOT).returncode


def setup():
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    digest = hashlib.sha256(
        b"".join((ROOT / f).read_bytes() for f in ("requirements.txt", "requirements-run.txt", "pyproject.toml"))
    ).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    if not PYTHON.exists():
        print(f"Creating {VENV.name}/ ...", flush=True)
        venv.create(VENV, with_pip=True)
    if run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip") or run(
        PYTHON, "-m", "pip", "install", "--quiet", "-r", "requirements.txt"
    ):
        sys.exit("Installing the requirements failed (see above).")
    STAMP.write_text(digest)


# The training notebooks, whose results pass through thousands of floating-point sums, run once more with
# numpy's AVX2/AVX-512 kernels switched off and OpenBLAS on a generic x86-64 core: what they print and
# assert must not depend on the CPU's floating-point path (the lr = 0.2 run of chapter 09 does, and says so).
OTHER_CPU = {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4", "OPENBLAS_CORETYPE": "Prescott"}
TRAINING = ["chapters/09_training.ipynb", "chapters/13_global_average_pooling.ipynb"]
TRAINING += [f"zh/{name}" for name in TRAINING]


def other_cpu(*args):
    env = {**os.environ, **OTHER_CPU}
    show = "import numpy; numpy.show_runtime()  # what is switched off, and OpenBLAS's core"
    print("+", " ".join(f"{k}={v!r}" for k, v in OTHER_CPU.items()), flush=True)
    subprocess.run([str(PYTHON), "-c", show], cwd=ROOT, env=env, check=True)
    return subprocess.run([str(PYTHON), "-m", "pytest", *TRAINING, *args], cwd=ROOT, env=env).returncode


def pdf(*args):
    """Both PDFs (``_ext/pdf.py``; ``en`` or ``zh`` for one), then ``tests/test_pdf.py`` on them."""
    langs = [a for a in args if a in ("en", "zh")]
    built = subprocess.run([str(PYTHON), str(ROOT / "_ext" / "pdf.py"), *langs], cwd=ROOT).returncode
    if built:
        return built
    env = {**os.environ, "CNNLIB_PDF": "1"}
    rest = [a for a in args if a not in ("en", "zh")]
    return subprocess.run(
        [str(PYTHON), "-m", "pytest", "tests/test_pdf.py", "-n", "0", *rest], cwd=ROOT, env=env
    ).returncode


def main():
    tasks = {
        "book": [PYTHON, ROOT / "_ext" / "editions.py"],
        "test": [PYTHON, "-m", "pytest"],
        "workbook": [PYTHON, ROOT / "_ext" / "workbook.py", ROOT],
        "other-cpu": other_cpu,
        "pdf": pdf,
        "setup": None,
    }
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        sys.exit(__doc__)
    setup()
    cmd = tasks[sys.argv[1]]
    if callable(cmd):
        sys.exit(cmd(*sys.argv[2:]))
    if cmd is not None:
        sys.exit(run(*cmd, *sys.argv[2:]))


if __name__ == "__main__":
    main()
