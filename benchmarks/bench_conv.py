"""How fast is cnnlib? Ratios measured in one run (lower is better).

    python benchmarks/bench_conv.py            # everything, about three minutes
    python benchmarks/bench_conv.py --quick    # fewer repeats

Prints four tables:

1. vectorised cnnlib vs the reference loops (conv forward+backward, LeNet batch);
2. cnnlib conv forward+backward vs torch.nn.functional.conv2d forward+backward;
3. cnnlib max-pool forward+backward vs torch.nn.functional.max_pool2d;
4. cnnlib conv forward+backward vs the GEMM reference: numpy's own matrix products
   of the same sizes (forward, dW and dA_prev), on ready-made contiguous operands;
5. dilated and grouped conv forward+backward vs a plain conv with the same
   number of multiply-adds (same output size and kernel; for groups, the plain
   conv has n_C_prev / groups input channels).

Each time is the best of several repeats, the contenders interleaved, so a
noisy neighbour slows both rather than one. PyTorch is optional
(``pip install -r benchmarks/requirements.txt``); without it tables 2 and 3 are
skipped with a message. Both libraries use the same number of threads.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import time

import numpy as np

import cnnlib
from cnnlib import reference

CONV_SHAPES = [  # (m, n_H, n_W, n_C_prev, n_C, k, padding)
    (64, 28, 28, 1, 6, 5, 2),
    (64, 14, 14, 6, 16, 5, 0),
    (32, 32, 32, 64, 64, 3, 1),
    (8, 56, 56, 128, 128, 3, 1),
]
POOL_SHAPES = [  # (m, n_H, n_W, n_C, size, stride)
    (64, 28, 28, 6, 2, 2),
    (32, 32, 32, 64, 2, 2),
    (8, 56, 56, 128, 2, 2),
    (32, 32, 32, 64, 3, 2),
    (8, 56, 56, 128, 3, 2),
]


def best_times(fns, repeat):
    """Best wall time of each callable, the callables interleaved ``repeat`` times."""
    for fn in fns:  # warm up: first-call allocations, thread pools
        fn()
    best = [math.inf] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def geomean(xs):
    return math.exp(sum(map(math.log, xs)) / len(xs))


def conv_step(A, W, b, padding):
    Z = cnnlib.conv_forward(A, W, b, 1, padding)
    return cnnlib.conv_backward(Z, A, W, 1, padding)


def bench_reference(repeat):
    rng = np.random.default_rng(0)
    m, h, w, c_prev, c, k, p = CONV_SHAPES[0]
    A = rng.standard_normal((m, h, w, c_prev))
    W = rng.standard_normal((k, k, c_prev, c))
    b = rng.standard_normal(c)

    def loops():
        Z = reference.conv_forward(A, W, b, 1, p)
        reference.conv_backward(Z, A, W, 1, p)

    t_ref = best_times([loops], 1)[0]
    t_vec = best_times([lambda: conv_step(A, W, b, p)], repeat)[0]
    print("1. vectorised vs reference loops, conv forward+backward, float64")
    print(
        f"   {m}x{h}x{w}x{c_prev} -> {c} filters {k}x{k}, padding {p}:  reference / vectorised = {t_ref / t_vec:,.0f}x"
    )
    print()


def gemm_reference(A, W, padding):
    """The three matrix products of forward and backward, on contiguous operands of the same sizes."""
    m, h, w, c_prev = A.shape
    k1, k2, _, c = W.shape
    n_H, n_W = h + 2 * padding - k1 + 1, w + 2 * padding - k2 + 1
    rng = np.random.default_rng(1)
    cols = rng.standard_normal((m * n_H * n_W, k1 * k2 * c_prev)).astype(A.dtype)
    W2 = W.reshape(-1, c)
    dZ = rng.standard_normal((m * n_H * n_W, c)).astype(A.dtype)

    def products():
        cols @ W2
        cols.T @ dZ
        dZ @ W2.T

    return products


def bench_conv(torch, repeat):
    rng = np.random.default_rng(0)
    rows = []
    for m, h, w, c_prev, c, k, p in CONV_SHAPES:
        A = rng.standard_normal((m, h, w, c_prev)).astype(np.float32)
        W = (rng.standard_normal((k, k, c_prev, c)) / k).astype(np.float32)
        b = rng.standard_normal(c).astype(np.float32)
        fns = [lambda A=A, W=W, b=b, p=p: conv_step(A, W, b, p), gemm_reference(A, W, p)]
        if torch is not None:
            F = torch.nn.functional
            x = torch.from_numpy(A.transpose(0, 3, 1, 2).copy()).requires_grad_()
            wt = torch.from_numpy(W.transpose(3, 2, 0, 1).copy()).requires_grad_()
            bt = torch.from_numpy(b).requires_grad_()

            def torch_step(x=x, wt=wt, bt=bt, p=p, F=F):
                x.grad = wt.grad = bt.grad = None
                z = F.conv2d(x, wt, bt, padding=p)
                z.backward(z.detach())

            fns.append(torch_step)
        times = best_times(fns, repeat)
        rows.append(((m, h, w, c_prev, c, k, p), times))
    return rows


def bench_pool(torch, repeat):
    rng = np.random.default_rng(0)
    rows = []
    F = torch.nn.functional
    for m, h, w, c, size, stride in POOL_SHAPES:
        A = rng.standard_normal((m, h, w, c)).astype(np.float32)

        def ours(A=A, size=size, stride=stride):
            out = cnnlib.pool_forward(A, size, stride)
            cnnlib.pool_backward(out, A, size, stride)

        x = torch.from_numpy(A.transpose(0, 3, 1, 2).copy()).requires_grad_()

        def theirs(x=x, size=size, stride=stride):
            x.grad = None
            out = F.max_pool2d(x, size, stride)
            out.backward(out.detach())

        rows.append(((m, h, w, c, size, stride), best_times([ours, theirs], repeat)))
    return rows


VARIANTS = [  # (label, (m, n_H, n_W, n_C_prev, n_C, k, padding, dilation, groups), plain conv of equal FLOPs)
    ("dilation 2", (32, 32, 32, 64, 64, 3, 2, 2, 1), (32, 32, 32, 64, 64, 3, 1, 1, 1)),
    ("dilation 3, 1->16 channels", (64, 28, 28, 1, 16, 3, 3, 3, 1), (64, 28, 28, 1, 16, 3, 1, 1, 1)),
    ("groups 4", (32, 32, 32, 64, 64, 3, 1, 1, 4), (32, 32, 32, 16, 64, 3, 1, 1, 1)),
    ("depthwise (groups 64)", (32, 32, 32, 64, 64, 3, 1, 1, 64), (32, 32, 32, 1, 64, 3, 1, 1, 1)),
]


def bench_variants(torch, repeat):
    """Per variant: (cnnlib variant, cnnlib plain conv of equal FLOPs, torch's same variant or None)."""
    rng = np.random.default_rng(0)
    rows = []
    for label, *configs in VARIANTS:
        fns = []
        for m, h, w, c_prev, c, k, p, d, g in configs:
            A = rng.standard_normal((m, h, w, c_prev)).astype(np.float32)
            W = rng.standard_normal((k, k, c_prev // g, c)).astype(np.float32)
            b = np.zeros(c, np.float32)

            def step(A=A, W=W, b=b, p=p, d=d, g=g):
                Z = cnnlib.conv_forward(A, W, b, 1, p, d, g)
                cnnlib.conv_backward(Z, A, W, 1, p, d, g)

            fns.append(step)
            if torch is not None and len(fns) == 1:  # the variant itself, in PyTorch
                x = torch.from_numpy(A.transpose(0, 3, 1, 2).copy()).requires_grad_()
                wt = torch.from_numpy(W.transpose(3, 2, 0, 1).copy()).requires_grad_()

                def torch_step(x=x, wt=wt, p=p, d=d, g=g):
                    x.grad = wt.grad = None
                    z = torch.nn.functional.conv2d(x, wt, padding=p, dilation=d, groups=g)
                    z.backward(z.detach())

        times = best_times(fns + ([torch_step] if torch is not None else []), repeat)
        rows.append((label, (*times, None) if torch is None else tuple(times)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    args = parser.parse_args()
    repeat = 3 if args.quick else 20
    try:
        import torch
    except ImportError:
        torch = None
    threads = os.cpu_count()
    if torch is not None:
        torch.set_num_threads(threads)
    print(f"numpy {np.__version__}, python {platform.python_version()}, {threads} cores", end="")
    print(f", torch {torch.__version__}" if torch is not None else ", torch not installed")
    print()

    bench_reference(repeat)

    rows = bench_conv(torch, repeat)
    if torch is None:
        print("2. skipped: PyTorch is not installed (pip install -r benchmarks/requirements.txt)")
    else:
        print("2. conv forward+backward, float32: cnnlib / torch.nn.functional.conv2d")
        for shape, (ours, _, theirs) in rows:
            print(f"   {fmt_conv(shape):38s} {ours / theirs:5.2f}x")
        print(f"   {'geometric mean':38s} {geomean([t[0] / t[2] for _, t in rows]):5.2f}x   (target <= 1.5x)")
    print()
    if torch is None:
        print("3. skipped: PyTorch is not installed (pip install -r benchmarks/requirements.txt)")
    else:
        print("3. max pool forward+backward, float32: cnnlib / torch.nn.functional.max_pool2d")
        pool_rows = bench_pool(torch, repeat)
        for (m, h, w, c, size, stride), (ours, theirs) in pool_rows:
            label = f"{m}x{h}x{w}x{c}, {size}x{size} window, stride {stride}"
            print(f"   {label:38s} {ours / theirs:5.2f}x")
        worst = max(o / t for _, (o, t) in pool_rows)
        print(f"   {'worst':38s} {worst:5.2f}x   (target <= 2x)")
    print()
    print("4. conv forward+backward, float32: cnnlib / GEMM reference (numpy's matrix products of the same sizes)")
    for shape, (ours, floor, *_) in rows:
        print(f"   {fmt_conv(shape):38s} {ours / floor:5.2f}x")
    print(f"   {'geometric mean':38s} {geomean([t[0] / t[1] for _, t in rows]):5.2f}x")
    print()
    print("5. dilated and grouped conv forward+backward, float32:")
    print(f"   {'':38s} {'/ plain conv, same FLOPs':>24s}  {'/ torch, same variant':>22s}")
    for label, (variant, plain, theirs) in bench_variants(torch, repeat):
        versus_torch = f"{variant / theirs:21.2f}x" if theirs else f"{'(no torch)':>22s}"
        print(f"   {label:38s} {variant / plain:23.2f}x  {versus_torch}")


def fmt_conv(shape):
    m, h, w, c_prev, c, k, p = shape
    return f"{m}x{h}x{w}x{c_prev} -> {c}, {k}x{k}, pad {p}"


if __name__ == "__main__":
    main()
