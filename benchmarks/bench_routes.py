"""Does each special route pay? Every route of ``cnnlib.routes`` against the path it replaces, in one run.

    python benchmarks/bench_routes.py            # about three minutes
    python benchmarks/bench_routes.py --quick    # fewer repeats

Five tables, float64 as in the book's chapters (``--float32`` for the precision of ``bench_conv.py``):

1. conv forward+backward as shipped (the route each direction takes is printed) divided by the same layer
   with every route sent to the plain path (``cnnlib.plain``, the code chapters 03 and 05 show, behind the
   same checks). The shapes are the book's own (chapter 09's network on 8x8 digits, batch 32) and the large
   ones of ``bench_conv.py`` (LeNet on MNIST, and two VGG-like layers).
2. depthwise conv forward+backward as shipped divided by the same layer on the general grouped path
   (im2col split by group), which is what it would take without the depthwise route.
3. max-pool backward as shipped divided by the general first-maximum path (offset by offset) of
   ``cnnlib.pool``.
4. the one-channel layout alone: the im2col copy of a one-channel input built offset by offset
   (``routes.im2col``) divided by the same copy window by window (``cnnlib.plain.im2col``), both into
   fresh memory, without the product or the backward pass.
5. scratch buffers: conv forward+backward as shipped divided by the same with every scratch buffer
   replaced by a freshly allocated array (``np.empty`` on every call).

Below 1 the route pays. Each ratio is the median of pairs timed in turn, route then replacement, so that a
noisy neighbour slows both; read it as a direction on a shared machine, not as a constant.
"""

from __future__ import annotations

import argparse
import statistics
import time
from unittest import mock

import numpy as np

import cnnlib
from cnnlib import conv, plain, pool, routes

CONV = [  # (label, m, n, c_in, c_out, k, padding)
    ("book: ch09 conv 1", 32, 8, 1, 16, 3, 1),
    ("book: ch09 conv 2", 32, 4, 16, 32, 3, 1),
    ("MNIST LeNet conv 1", 64, 28, 1, 6, 5, 2),
    ("MNIST LeNet conv 2", 64, 14, 6, 16, 5, 0),
    ("VGG-like 64 channels", 32, 32, 64, 64, 3, 1),
    ("VGG-like 128 channels", 8, 56, 128, 128, 3, 1),
]
DEPTHWISE = [  # (label, m, n, channels, k, padding, stride)
    ("book: ch12 size", 8, 16, 8, 3, 1, 1),
    ("MobileNet-like, stride 1", 32, 32, 64, 3, 1, 1),
    ("MobileNet-like, stride 2", 32, 32, 64, 3, 1, 2),
]
POOL = [  # (label, m, n, channels, size, stride)
    ("book: ch09 pool 1", 32, 8, 16, 2, 2),
    ("MNIST LeNet pool", 64, 28, 6, 2, 2),
    ("VGG-like 2x2", 32, 32, 64, 2, 2),
    ("VGG-like 3x3 stride 2", 32, 32, 64, 3, 2),
]


def paired(routed, replaced, repeat):
    """Median and range of routed/replaced over ``repeat`` pairs timed in turn."""
    routed(), replaced()  # warm up
    ratios = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        routed()
        t1 = time.perf_counter()
        replaced()
        t2 = time.perf_counter()
        ratios.append((t1 - t0) / (t2 - t1))
    return statistics.median(ratios), min(ratios), max(ratios)


def conv_pass(A, W, stride=1, padding=0, groups=1):
    Z = cnnlib.conv_forward(A, W, None, stride, padding, 1, groups)
    cnnlib.conv_backward(np.ones_like(Z), A, W, stride, padding, 1, groups)


def plain_everywhere(fn):
    def run():
        with mock.patch.object(conv.routes, "route", lambda *args: "plain"):
            fn()

    return run


def no_depthwise_route(fn):
    def run():
        with mock.patch.object(routes, "is_depthwise", lambda *args: False):
            fn()

    return run


def general_max_pool(fn):
    def run():
        with (
            mock.patch.object(pool, "max_pool_tiled", lambda *args: False),
            mock.patch.object(pool, "max_pool_untied", lambda *args: False),
        ):
            fn()

    return run


ONE_CHANNEL = [  # (label, m, n, k, padding): im2col of a one-channel input, stride 1
    ("book: ch09 conv 1", 32, 8, 3, 1),
    ("MNIST LeNet conv 1", 64, 28, 5, 2),
]


def fresh_memory(fn):
    def fresh(name, shape, dtype):
        return np.empty(shape, dtype=dtype)

    def run():
        with mock.patch.object(conv, "scratch", fresh), mock.patch.object(routes, "scratch", fresh):
            fn()

    return run


def measure_layouts(repeat, dtype):
    """Tables 4 and 5: the one-channel layout of im2col alone, and scratch buffers against fresh memory."""
    rng = np.random.default_rng(0)
    layout_rows, memory_rows = [], []
    for label, m, n, k, p in ONE_CHANNEL:
        A_pad = rng.standard_normal((m, n + 2 * p, n + 2 * p, 1)).astype(dtype)
        n_out = n + 2 * p - k + 1
        args = (A_pad, k, k, (1, 1), n_out, n_out)
        by_offset = lambda args=args: routes.im2col(*args)
        by_window = lambda args=args: plain.im2col(*args)
        layout_rows.append((label, *paired(by_offset, by_window, repeat)))
    for label, m, n, c_in, c_out, k, p in CONV:
        A = rng.standard_normal((m, n, n, c_in)).astype(dtype)
        W = rng.standard_normal((k, k, c_in, c_out)).astype(dtype)
        step = lambda A=A, W=W, p=p: conv_pass(A, W, 1, p)
        memory_rows.append((label, *paired(step, fresh_memory(step), repeat)))
    return layout_rows, memory_rows


def measure(repeat, dtype):
    rng = np.random.default_rng(0)
    conv_rows, depthwise_rows, pool_rows = [], [], []
    for label, m, n, c_in, c_out, k, p in CONV:
        A = rng.standard_normal((m, n, n, c_in)).astype(dtype)
        W = rng.standard_normal((k, k, c_in, c_out)).astype(dtype)
        taken = [routes.route(A, W, (1, 1), (1, 1), 1, d) for d in ("forward", "backward")]
        step = lambda A=A, W=W, p=p: conv_pass(A, W, 1, p)
        conv_rows.append((label, *taken, *paired(step, plain_everywhere(step), repeat)))
    for label, m, n, c, k, p, s in DEPTHWISE:
        A = rng.standard_normal((m, n, n, c)).astype(dtype)
        W = rng.standard_normal((k, k, 1, c)).astype(dtype)
        step = lambda A=A, W=W, p=p, s=s, c=c: conv_pass(A, W, s, p, c)
        depthwise_rows.append((label, *paired(step, no_depthwise_route(step), repeat)))
    for label, m, n, c, size, s in POOL:
        A = rng.standard_normal((m, n, n, c)).astype(dtype)
        dA = np.ones_like(cnnlib.pool_forward(A, size, s))
        step = lambda A=A, dA=dA, size=size, s=s: cnnlib.pool_backward(dA, A, size, s)
        pool_rows.append((label, *paired(step, general_max_pool(step), repeat)))
    return conv_rows, depthwise_rows, pool_rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--float32", action="store_true", help="float32 instead of float64")
    args = parser.parse_args()
    dtype = np.float32 if args.float32 else np.float64
    conv_rows, depthwise_rows, pool_rows = measure(7 if args.quick else 31, dtype)
    print(f"{np.dtype(dtype).name}; each ratio: median (min-max) of interleaved pairs")
    print(f"\n1. conv {'':<20}{'forward route':<16}{'backward route':<18}{'routed / plain':>15}")
    for label, fwd, bwd, ratio, low, high in conv_rows:
        print(f"   {label:<24}{fwd:<16}{bwd:<18}{ratio:>15.2f}  ({low:.2f}-{high:.2f})")
    _table("2. depthwise conv", "depthwise / grouped path", depthwise_rows)
    _table("3. max-pool backward", "routed / first-maximum path", pool_rows)
    layout_rows, memory_rows = measure_layouts(7 if args.quick else 31, dtype)
    _table("4. im2col, one channel", "offset by offset / window by window", layout_rows)
    _table("5. conv, scratch memory", "scratch buffers / fresh arrays", memory_rows)


def _table(title, ratio_name, rows):
    """One table of (label, median ratio, min, max) rows under a numbered title."""
    print(f"\n{title:<27}{ratio_name:>40}")
    for label, ratio, low, high in rows:
        print(f"   {label:<24}{ratio:>40.2f}  ({low:.2f}-{high:.2f})")


if __name__ == "__main__":
    main()
