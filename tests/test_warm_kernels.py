"""The warm kernels nbval runs the notebooks in behave as fresh ipykernels (tests/jupyter/warm_kernels.py)."""

from __future__ import annotations

import os
import time

import nbformat
import pytest
from nbclient import NotebookClient

CELLS = [
    "import os, sys\nprint(os.getcwd())\nprint(os.environ.get('WARM_PROBE'))\nprint(sys.path[0] != '')",
    "import numpy as np\nprint(np.random.rand())",
    "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()",
    "print(os.getppid())",
]


def _run(kernel, cwd):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    NotebookClient(nb, timeout=60, kernel_name=kernel, resources={"metadata": {"path": str(cwd)}}).execute()
    return [[o.get("text", "") or sorted(o.get("data", {})) for o in c.outputs] for c in nb.cells]


@pytest.fixture(scope="module")
def server():
    address = os.environ.get("CNNLIB_WARM_KERNELS")
    if not address:
        pytest.skip("no warm-kernel server in this process (CNNLIB_PLAIN_KERNELS=1, or nbval off)")
    for _ in range(100):  # it imports for a few seconds after the session starts
        if os.path.exists(address):
            return address
        time.sleep(0.1)
    pytest.fail(f"the warm-kernel server did not open {address}")


def test_a_warm_kernel_is_forked_and_behaves_as_a_fresh_one(server, tmp_path, monkeypatch):
    monkeypatch.setenv("WARM_PROBE", "seen")
    warm, again, plain = _run("python3-warm", tmp_path), _run("python3-warm", tmp_path), _run("python3", tmp_path)
    # its working directory and environment are the notebook's, not the server's
    assert warm[0] == plain[0] == [f"{tmp_path}\nseen\nTrue\n"]
    # its random state is its own
    assert warm[1] != again[1]
    # figures show inline, as in a fresh kernel
    assert warm[2] == plain[2] and any("image/png" in o for o in warm[2] if isinstance(o, list)), warm[2]
    # and it is a child of the server, not of Jupyter's launcher
    assert warm[3] != plain[3] and warm[3] == again[3]
