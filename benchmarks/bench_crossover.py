"""Where should the stride-1 input gradient switch from col2im to the gather?

    python benchmarks/bench_crossover.py

``cnnlib.routes.input_gradient`` computes ``dA_prev`` of a stride-1 layer either
by col2im (``k1*k2`` strided scatter-adds of the window gradients) or, from
``cnnlib.routes.FEW_CHANNELS`` input channels per group on, as the full convolution of
``dZ`` (one im2col gather and one matrix product). This script times both
routes on stride-1 layers with a range of input channel counts (see
``LAYERS``), and prints gather / col2im: below 1
the gather is faster. Each time is the best of several interleaved repeats, as
in ``bench_conv.py``; the ratios move from run to run on a busy machine.
"""

from __future__ import annotations

import time

import numpy as np

from cnnlib import routes

# (m, n, n_C_prev, n_C, k, padding): a sweep of 3x3 layers with as many
# filters as input channels, then 5x5 layers with 16 filters, as in the
# second layer of bench_conv.py (64x14x14x6 -> 16 filters 5x5)
LAYERS = [(32, 28, c, c, 3, 1) for c in (1, 2, 4, 6, 8, 12, 16, 32, 64)]
LAYERS += [(64, 14, c, 16, 5, 0) for c in (1, 2, 4, 6, 8, 12, 16)]


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def route_time(dZ, W, A_shape, padding, threshold, repeat):
    saved = routes.FEW_CHANNELS
    routes.FEW_CHANNELS = threshold
    try:
        return best(lambda: routes.input_gradient(dZ, A_shape, W, (1, 1), (padding, padding)), repeat)
    finally:
        routes.FEW_CHANNELS = saved


def main():
    rng = np.random.default_rng(0)
    print(f"FEW_CHANNELS = {routes.FEW_CHANNELS}")
    print("stride-1 layer, float32                  gather / col2im")
    for m, n, c_prev, c, k, p in LAYERS:
        n_out = n + 2 * p - k + 1
        dZ = rng.standard_normal((m, n_out, n_out, c), dtype=np.float32)
        W = rng.standard_normal((k, k, c_prev, c), dtype=np.float32)
        A_shape = (m, n, n, c_prev)
        gather = col2im = float("inf")
        for _ in range(5):  # interleave the two routes
            gather = min(gather, route_time(dZ, W, A_shape, p, 0, 3))
            col2im = min(col2im, route_time(dZ, W, A_shape, p, 10**9, 3))
        layer = f"{m}x{n}x{n}x{c_prev} -> {c}, {k}x{k}, pad {p}"
        print(f"{layer:<40} {gather / col2im:5.2f}")


if __name__ == "__main__":
    main()
