"""How the whole test suite runs (``python3 dev.py test``): on every core, longest files first, warm kernels.

Loaded for every test and notebook, wherever pytest is pointed (it is the root
conftest); the strategies of the property tests are in ``tests/conftest.py``.
"""

import os
import subprocess
import sys
import tempfile
import time
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
    from jupyter_client.blocking.client import BlockingKernelClient

    BlockingKernelClient.wait_for_ready = _wait_for_ready  # the client nbval gets from its KernelManager
    _server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "jupyter" / "warm_kernels.py"), address], cwd=ROOT)
    os.environ["CNNLIB_WARM_KERNELS"] = address


def _wait_for_ready(client, timeout=None):
    """jupyter_client's ``wait_for_ready`` without its fixed pauses, for the notebooks' kernels.

    jupyter_client asks for ``kernel_info`` until the reply comes, takes one IOPub message as the
    sign that IOPub is connected (waiting up to 0.2 s for it), then reads IOPub until it has been
    quiet for 0.2 s: a fifth of a second or more of an idle core for each of the 30 notebooks.
    Here the sign is the ``idle`` status of the very request replied to; IOPub keeps the kernel's
    order, so once it has come nothing of the start-up is left to flush. A kernel whose IOPub is
    not connected yet is asked again every 50 ms. The same guarantee, with no waiting.
    """
    from queue import Empty

    def reply_to(request):
        while True:  # replies to earlier requests come first: skip them
            try:
                msg = client.shell_channel.get_msg(timeout=1)
            except Empty:
                return None
            if msg["parent_header"].get("msg_id") == request and msg["msg_type"] == "kernel_info_reply":
                return msg

    def idle_after(request):
        while True:
            try:
                msg = client.iopub_channel.get_msg(timeout=0.05)
            except Empty:
                return False
            state = msg["content"].get("execution_state") if msg["msg_type"] == "status" else None
            if state == "idle" and msg["parent_header"].get("msg_id") == request:
                return True

    deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
    while True:
        request = client.kernel_info()
        reply = reply_to(request)
        if reply is not None and idle_after(request):
            client._handle_kernel_info_reply(reply)
            return
        if not client.is_alive():
            raise RuntimeError("Kernel died before replying to kernel_info")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


def pytest_unconfigure(config):
    if _server is not None:
        _server.terminate()
        _server.wait(timeout=10)
        address = os.environ.pop("CNNLIB_WARM_KERNELS", "")
        if os.path.exists(address):
            os.unlink(address)
