"""The kernel command of ``python3-warm``: ask the fork server for an ipykernel, and stand in for it.

Jupyter starts this as the kernel process. It hands the server its connection
file, working directory, environment and standard streams; the server forks a
warm process into an ipykernel with them (``tests/jupyter/warm_kernels.py``).
This process forwards the signals Jupyter sends (interrupt, terminate) and
exits with the kernel; if it is killed, the server kills the kernel. Without a
server (``CNNLIB_WARM_KERNELS`` unset, or no answer) it becomes a plain
``python -m ipykernel_launcher``.
"""

import json
import os
import signal
import socket
import struct
import sys


def plain():
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *sys.argv[1:]])


address = os.environ.get("CNNLIB_WARM_KERNELS")
if not address:
    plain()
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    server.connect(address)
except OSError:
    plain()
request = json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
socket.send_fds(server, [struct.pack("!Q", len(request))], [0, 1, 2])
server.sendall(request)
reader = server.makefile("rb")
pid = int(reader.readline())
for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
    signal.signal(signum, lambda n, _frame: os.kill(pid, n))
status = reader.readline()  # the kernel's exit status, when it exits
sys.exit(int(status) if status.strip() else 1)
