"""A fork server for the notebooks' kernels in the tests: a new ipykernel in milliseconds, not two seconds.

nbval starts a fresh kernel for every notebook, 30 of them (both editions):
each a new Python that imports ipykernel, then numpy, SymPy, matplotlib and
cnnlib, about two seconds of the machine's time before the first cell. This
server imports those once, and forks itself into a kernel for each notebook
(``kernels/python3-warm``, the kernel nbval uses: ``pyproject.toml``).

A forked kernel is a fresh ipykernel: its own process, connection file,
working directory, environment, standard streams and random seeds; only the
modules are already in memory, exactly as a notebook's imports would leave
them (matplotlib's backend chosen the way ipykernel chooses it, and pyplot
itself not imported, so that ipykernel's inline-figure hooks are set up by the
notebook's own import, as in JupyterLab). The server is single-threaded, so
that forking it is safe, and ends with the pytest process that started it.

    python tests/jupyter/warm_kernels.py SOCKET      # started by conftest.py
"""

from __future__ import annotations

import importlib
import json
import os
import selectors
import signal
import socket
import struct
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
PRELOAD = [
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",  # imported by every kernel's start (debugpy: a quarter of a second)
    "numpy",
    "sympy",
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.axes",
    "matplotlib.animation",
    "matplotlib.colors",
    "matplotlib.patches",
    "cnnlib",
    "cnnlib.symbolic",
    "cnnlib.reference",
    "cnnlib.layers",
    "cnnlib.data",
    "cnnlib.plotting",
    "cnnlib.animate",
    "cnnlib.exercises",
    "threadpoolctl",
    "sklearn.datasets",
    "sklearn.model_selection",
]


def _recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the launcher went away")
        data += chunk
    return data


def _become_kernel(request, fds, path):
    """In the forked child: turn into ``python -m ipykernel_launcher -f <connection file>``; never returns."""
    code = 1
    try:
        for target, fd in enumerate(fds[:3]):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD, signal.SIGQUIT):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[:] = path
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *request["argv"]]
        import random

        import numpy

        random.seed()  # a new process would not share its parent's random state
        numpy.random.seed()  # noqa: NPY002  (the legacy global state, which a new process seeds afresh)
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(address):
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as ipykernel sets it
    # debugpy (imported with ipykernel.debugger) warns on import that frozen modules may hide breakpoints;
    # no one debugs this process, and the kernels get their own environment (the request's)
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    path = [p for p in sys.path if os.path.abspath(p or ".") != HERE]  # as `python -m ipykernel_launcher` has it
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(8)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    kernels = {}  # launcher connection -> kernel pid
    while os.getppid() == parent:
        for key, _ in selector.select(timeout=0.5):
            if key.fileobj is listener:
                conn, _ = listener.accept()
                try:
                    header, fds, _, _ = socket.recv_fds(conn, 8, 3)
                    (size,) = struct.unpack("!Q", header)
                    request = json.loads(_recv_exact(conn, size))
                except (OSError, ValueError, struct.error):
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    for other in kernels:
                        other.close()
                    conn.close()
                    _become_kernel(request, fds, path)
                for fd in fds:
                    os.close(fd)
                kernels[conn] = pid
                conn.sendall(f"{pid}\n".encode())
                selector.register(conn, selectors.EVENT_READ)
            elif not key.fileobj.recv(1):  # the launcher is gone (killed): so goes its kernel
                pid = kernels.pop(key.fileobj)
                selector.unregister(key.fileobj)
                key.fileobj.close()
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        while True:  # kernels that exited: tell their launchers
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            for conn, kernel in list(kernels.items()):
                if kernel == pid:
                    try:
                        conn.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
                    except OSError:
                        pass
                    selector.unregister(conn)
                    conn.close()
                    del kernels[conn]
    for pid in kernels.values():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


if __name__ == "__main__":
    serve(sys.argv[1])
