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
    # per cell: what it printed (however the kernel split it into messages), and the kinds of data it showed
    return [
        ("".join(o.get("text", "") for o in c.outputs), sorted(k for o in c.outputs for k in o.get("data", {})))
        for c in nb.cells
    ]


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
    assert warm[0] == plain[0] == (f"{tmp_path}\nseen\nTrue\n", [])
    # its random state is its own
    assert warm[1][0] != again[1][0]
    # figures show inline, as in a fresh kernel
    assert warm[2] == plain[2] and "image/png" in warm[2][1], warm[2]
    # and it is a child of the server, not of Jupyter's launcher
    assert warm[3][0] != plain[3][0] and warm[3][0] == again[3][0]
