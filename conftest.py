"""How the whole test suite runs (``python3 dev.py test``): on every core, longest files first, warm kernels.

Loaded for every test and notebook, wherever pytest is pointed (it is the root
conftest); the strategies of the property tests are in ``tests/conftest.py``.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# With pytest-xdist every worker, and every notebook kernel it starts (they inherit this environment),
# gets its share of the cores for BLAS: two workers each running a two-thread matrix product on two
# cores made the training cells up to eight times slower. Set before anything imports numpy.
if os.environ.get("PYTEST_XDIST_WORKER_COUNT"):
    _share = str(max(1, (os.cpu_count() or 1) // int(os.environ["PYTEST_XDIST_WORKER_COUNT"])))
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, _share)


# pytest-xdist (-n auto --dist loadfile in pyproject.toml) keeps each file's tests on one worker, in
# order: a notebook's cells share one kernel, and the browser test builds the book once. Workers
# take files one at a time in this order, so the longest files go first and none starts last.
LONGEST_FIRST = [
    "tests/test_browser.py",
    "tests/test_jupyterlab.py",
    "chapters/09_training.ipynb",
    "zh/chapters/09_training.ipynb",
    "tests/test_translation.py",
    "chapters/13_global_average_pooling.ipynb",
    "zh/chapters/13_global_average_pooling.ipynb",
    "chapters/06_pool_backward.ipynb",
    "zh/chapters/06_pool_backward.ipynb",
    "tests/test_launch.py",
    "tests/test_symbolic.py",
    "chapters/02_correlation_convolution.ipynb",
    "zh/chapters/02_correlation_convolution.ipynb",
    "chapters/05_conv_backward.ipynb",
    "zh/chapters/05_conv_backward.ipynb",
    "tests/test_beyond.py",
    "tests/test_workbook.py",
]


def pytest_collection_modifyitems(config, items):
    rank = {name: k for k, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: files stay in order
    items[:] = _with_reruns(items)


# A reader runs all cells, then goes back to the "Your turn" and runs its cells again. What they print
# must not change: a later cell that rebinds a name the exercise uses (chapter 04 once rebound `pair`,
# the helper of the stub) would make the checker blame the reader. So after the last cell of each
# notebook, its Your-turn solution, check and demo cells run once more in the same kernel, and nbval
# compares their outputs with the committed ones, which the first run has already matched.
RERUN = ("your-turn-solution", "your-turn-check", "your-turn-demo")


def _with_reruns(items):
    try:
        from nbval.plugin import IPyNbCell
    except ImportError:
        return items
    out = []
    for k, item in enumerate(items):
        out.append(item)
        last_of_file = k + 1 == len(items) or items[k + 1].parent is not item.parent
        if isinstance(item, IPyNbCell) and last_of_file:
            cells = [i for i in items if i.parent is item.parent and isinstance(i, IPyNbCell)]
            for cell in cells:
                if set(RERUN) & set(cell.cell.metadata.get("tags", [])):
                    again = IPyNbCell.from_parent(item.parent, name=f"{cell.name} again", cell_num=cell.cell_num,
                                                  cell=cell.cell, options=cell.options)  # fmt: skip
                    out.append(again)
    return out


# nbval's kernel for the notebooks is ``python3-warm`` (pyproject.toml): an ipykernel forked from a
# process that has already imported ipykernel, numpy, SymPy, matplotlib and cnnlib, instead of a new
# Python that imports them again for each of the 30 notebooks (tests/jupyter/warm_kernels.py). Each
# process that runs tests (every xdist worker, or pytest itself without workers) has its own server;
# until it is ready, and wherever it cannot start, the kernel is a plain ipykernel, which
# CNNLIB_PLAIN_KERNELS=1 asks for throughout.
_server = None


def pytest_configure(config):
    global _server
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(ROOT / "tests" / "jupyter"), os.environ.get("JUPYTER_PATH")])
    )
    controller = getattr(config.option, "numprocesses", None) and not os.environ.get("PYTEST_XDIST_WORKER")
    if controller or not getattr(config.option, "nbval", False) or os.environ.get("CNNLIB_PLAIN_KERNELS"):
        return  # CNNLIB_PLAIN_KERNELS=1: every notebook in a new Python, as JupyterLab runs it
    address = os.path.join(tempfile.gettempdir(), f"cnnlib-warm-kernels-{os.getpid()}.sock")
    if os.path.exists(address):
        os.unlink(address)
    _server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "jupyter" / "warm_kernels.py"), address], cwd=ROOT)
    os.environ["CNNLIB_WARM_KERNELS"] = address


def pytest_unconfigure(config):
    if _server is not None:
        _server.terminate()
        _server.wait(timeout=10)
        address = os.environ.pop("CNNLIB_WARM_KERNELS", "")
        if os.path.exists(address):
            os.unlink(address)
