"""Reusable scratch memory for temporaries that never leave cnnlib.

The im2col columns and window gradients live only inside one call, so they
are written into buffers kept between calls: one per purpose and thread, up
to ``LIMIT`` bytes each. Nothing returned to a caller ever shares this
memory. The reason: a large array that is freed may go back to the
operating system (glibc hands back blocks above its mmap threshold, which
starts at 128 KiB and rises up to 32 MiB on 64-bit systems), and every page
of a fresh one is zeroed again on first touch. Whether that matters is
measured by table 5 of ``benchmarks/bench_routes.py`` (buffers against
fresh arrays); in the run quoted in chapter 08 it made no clear difference.
"""

from __future__ import annotations

import threading

import numpy as np

__all__ = ["LIMIT", "scratch"]

LIMIT = 2**25  # 32 MB per buffer; larger temporaries are allocated afresh
_local = threading.local()


def scratch(name, shape, dtype):
    """An uninitialised array of ``shape`` and ``dtype`` in the buffer ``name`` (valid until its next use)."""
    dtype = np.dtype(dtype)
    nbytes = int(np.prod(shape)) * dtype.itemsize
    if dtype.hasobject or nbytes > LIMIT:
        return np.empty(shape, dtype=dtype)
    buffers = _local.__dict__
    buf = buffers.get(name)
    if buf is None or buf.nbytes < nbytes:
        buf = buffers[name] = np.empty(max(nbytes, 1), dtype=np.uint8)
    return buf[:nbytes].view(dtype).reshape(shape)
