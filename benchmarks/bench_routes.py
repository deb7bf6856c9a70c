"""Does each special route pay? cnnlib's routed conv forward+backward against the plain path, in one run.

    python benchmarks/bench_routes.py            # about a minute
    python benchmarks/bench_routes.py --quick    # fewer repeats

For each layer shape, the time of ``cnnlib.conv_forward`` + ``cnnlib.conv_backward`` as shipped (which
route they take is printed) is divided by the time of the same layer with every route sent to the plain
path (``cnnlib.plain``, the code chapters 03 and 05 show, behind the same checks). Below 1 the route pays.
The shapes are the book's own (chapter 09's network on 8x8 digits, batch 32) and the large ones of
``bench_conv.py`` (LeNet on MNIST, and two VGG-like layers). Each ratio is the median of pairs timed in
turn, route then plain, so that a noisy neighbour slows both; read it as a direction on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from unittest import mock

import numpy as np

import cnnlib
from cnnlib import conv

SHAPES = [  # (label, m, n, c_in, c_out, k, padding)
    ("book: ch09 conv 1", 32, 8, 1, 16, 3, 1),
    ("book: ch09 conv 2", 32, 4, 16, 32, 3, 1),
    ("MNIST LeNet conv 1", 64, 28, 1, 6, 5, 2),
    ("MNIST LeNet conv 2", 64, 14, 6, 16, 5, 0),
    ("VGG-like 64 channels", 32, 32, 64, 64, 3, 1),
    ("VGG-like 128 channels", 8, 56, 128, 128, 3, 1),
]


def _pass(A, W, b):
    Z = cnnlib.conv_forward(A, W, b, 1, _pass.padding)
    cnnlib.conv_backward(np.ones_like(Z), A, W, 1, _pass.padding)


def _routes(A, W):
    shape = (1, 1)
    return {d: conv.route(A, W, shape, (1, 1), 1, d) for d in ("forward", "backward")}


def measure(repeat):
    rng = np.random.default_rng(0)
    rows = []
    for label, m, n, c_in, c_out, k, p in SHAPES:
        A = rng.standard_normal((m, n, n, c_in))
        W = rng.standard_normal((k, k, c_in, c_out))
        b = rng.standard_normal(c_out)
        _pass.padding = p
        taken = _routes(A, W)
        ratios = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            _pass(A, W, b)
            t1 = time.perf_counter()
            with mock.patch.object(conv, "route", lambda *args: "plain"):
                _pass(A, W, b)
            t2 = time.perf_counter()
            ratios.append((t1 - t0) / (t2 - t1))
        rows.append((label, taken, statistics.median(ratios), min(ratios), max(ratios)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    rows = measure(7 if args.quick else 31)
    print(f"{'layer':<24}{'forward route':<16}{'backward route':<18}{'routed / plain':>15}  (min-max)")
    for label, taken, ratio, low, high in rows:
        print(f"{label:<24}{taken['forward']:<16}{taken['backward']:<18}{ratio:>15.2f}  ({low:.2f}-{high:.2f})")


if __name__ == "__main__":
    main()
