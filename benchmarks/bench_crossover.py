"""Where should the stride-1 input gradient switch from col2im to the gather?

    python benchmarks/bench_crossover.py

``cnnlib.routes.input_gradient`` computes ``dA_prev`` of a stride-1 layer either
by col2im (``k1*k2`` strided scatter-adds of the window gradients) or, from
``cnnlib.routes.FEW_CHANNELS`` input channels per group on, as the full convolution of
``dZ`` (one im2col gather and one matrix product). This script times both
routes on stride-1 layers with a range of input channel counts (see
``LAYERS``), and prints gather / col2im: below 1 the gather is faster. Each
ratio is the median of pairs timed in turn, gather then col2im, so that a noisy
neighbour slows both (as in ``bench_routes.py``), with the lowest and highest
pair in brackets; the ratios still move from run to run on a busy machine.

It also prints, per layer, what the two routes count (see chapter 08): the
multiply-adds of each route's matrix product, and the numbers each route moves
outside it (the gather's im2col copy of the padded ``dZ``, col2im's additions).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from cnnlib import routes

# (m, n, n_C_prev, n_C, k, padding): a sweep of 3x3 layers with as many
# filters as input channels, then 5x5 layers with 16 filters, as in the
# second layer of bench_conv.py (64x14x14x6 -> 16 filters 5x5)
LAYERS = [(32, 28, c, c, 3, 1) for c in (1, 2, 4, 6, 8, 12, 16, 32, 64)]
LAYERS += [(64, 14, c, 16, 5, 0) for c in (1, 2, 4, 6, 8, 12, 16)]


def route_time(dZ, W, A_shape, padding, threshold):
    """Seconds for one ``input_gradient`` with ``FEW_CHANNELS`` set to ``threshold``."""
    saved = routes.FEW_CHANNELS
    routes.FEW_CHANNELS = threshold
    try:
        t0 = time.perf_counter()
        routes.input_gradient(dZ, A_shape, W, (1, 1), (padding, padding))
        return time.perf_counter() - t0
    finally:
        routes.FEW_CHANNELS = saved


def counts(m, n, c_prev, c, k, p):
    """(gather / col2im multiply-adds, gather / col2im numbers moved) of one stride-1 layer."""
    n_out = n + 2 * p - k + 1
    windows, pixels = m * n_out * n_out, m * n * n  # rows of col2im's dcols, of the gather's cols
    macs_col2im = windows * c * k * k * c_prev  # dcols = dZ2 @ W2.T
    macs_gather = pixels * k * k * c * c_prev  # cols(dZ_full) @ W_turned
    moved_col2im = windows * k * k * c_prev  # col2im adds every entry of dcols once
    moved_gather = pixels * k * k * c  # im2col copies every entry of cols(dZ_full) once
    return macs_gather / macs_col2im, moved_gather / moved_col2im


def main():
    rng = np.random.default_rng(0)
    print(f"FEW_CHANNELS = {routes.FEW_CHANNELS}")
    print("stride-1 layer, float32          gather / col2im: time (min-max)   multiply-adds  numbers moved")
    for m, n, c_prev, c, k, p in LAYERS:
        n_out = n + 2 * p - k + 1
        dZ = rng.standard_normal((m, n_out, n_out, c), dtype=np.float32)
        W = rng.standard_normal((k, k, c_prev, c), dtype=np.float32)
        A_shape = (m, n, n, c_prev)
        route_time(dZ, W, A_shape, p, 0), route_time(dZ, W, A_shape, p, 10**9)  # warm up
        ratios = []
        for _ in range(15):  # pairs timed in turn
            gather = route_time(dZ, W, A_shape, p, 0)
            ratios.append(gather / route_time(dZ, W, A_shape, p, 10**9))
        time_ratio = f"{statistics.median(ratios):5.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
        layer = f"{m}x{n}x{n}x{c_prev} -> {c}, {k}x{k}, pad {p}"
        macs, moved = counts(m, n, c_prev, c, k, p)
        print(f"{layer:<40} {time_ratio:>23}   {macs:12.2f}  {moved:13.2f}")


if __name__ == "__main__":
    main()
