"""Chapter 02: the 'valid' cross-correlation of a batch of images with one kernel, by im2col.

``correlate_batch(I, K)``: image ``e`` of ``I``, shape ``(m, h, w)``, correlated with ``K``, shape
``(k1, k2)``, by equation (2.3); the result has shape ``(m, h - k1 + 1, w - k2 + 1)``. The chapter teaches it
as im2col: every window of every image is one row of a matrix, and one product with ``K`` flattened gives
every output at once.
"""

from __future__ import annotations

import numpy as np

from ... import reference
from . import Exercise, ints


def cases(rng):
    return [
        (
            "a batch of one 3x3 image, a 2x2 kernel",
            (np.arange(9).reshape(1, 3, 3), np.array([[1, 2], [3, 4]])),
            {},
        ),
        (
            "two 3x3 images, a 2x2 kernel",
            (np.arange(18).reshape(2, 3, 3), np.array([[1, 0], [2, -1]])),
            {},
        ),
        (
            "a batch of 3 4x5 images, a 2x3 kernel",
            (ints(rng, (3, 4, 5)), ints(rng, (2, 3))),
            {},
        ),
        (
            "a 1x1 kernel on a batch of 2 non-square images",
            (ints(rng, (2, 2, 3)), np.array([[3]])),
            {},
        ),
        (
            "a kernel as large as the images: one number each",
            (ints(rng, (3, 2, 3)), ints(rng, (2, 3))),
            {},
        ),
        (
            "a batch of 4 5x4 images, a 3x2 kernel",
            (ints(rng, (4, 5, 4)), ints(rng, (3, 2))),
            {},
        ),
        (
            "a batch of 2 6x3 images, a 4x1 kernel",
            (ints(rng, (2, 6, 3)), ints(rng, (4, 1))),
            {},
        ),
        (
            "a batch of 3 float 5x6 images, a float 3x2 kernel",
            (rng.standard_normal((3, 5, 6)), rng.standard_normal((3, 2))),
            {},
        ),
    ]


def answer(I, K):
    return np.stack([reference.correlate2d(image, K) for image in I])


def turned_kernel(I, K):
    return answer(I, np.asarray(K)[::-1, ::-1])


def flatten_orders_differ(I, K):
    # the windows flattened column by column, the kernel row by row (or the other way round): entry t of a
    # row, window[t % k1, t // k1], meets K.ravel()[t]
    k1, k2 = np.shape(K)
    return answer(I, np.asarray(K).ravel().reshape(k2, k1).T)


def windows_column_order(I, K):
    # rows gathered in the order (e, j, i), read back as (e, i, j)
    out = answer(I, K)
    return out.transpose(0, 2, 1).reshape(out.shape)


def batch_axis_last(I, K):
    # rows gathered in the order (i, j, e), read back as (e, i, j)
    out = answer(I, K)
    return out.transpose(1, 2, 0).reshape(out.shape)


def last_window_missing(I, K):
    return answer(I, K)[:, :-1, :-1]


def last_image_only(I, K):
    return answer(I, K)[-1]


SPEC = Exercise(
    name="correlate_batch",
    chapter="02_correlation_convolution",
    arg_names=("I", "K"),
    answer=answer,
    cases=cases,
    equations=("eq-xcorr-corr2d",),
    mistakes={
        "cb_turned_kernel": turned_kernel,
        "cb_flatten_orders_differ": flatten_orders_differ,
        "cb_windows_column_order": windows_column_order,
        "cb_batch_axis_last": batch_axis_last,
        "cb_last_window_missing": last_window_missing,
        "cb_last_image_only": last_image_only,
    },
    en={
        "mistakes": {
            "cb_turned_kernel": "The kernel is turned by 180° before it is flattened: that is a convolution. "
            "Cross-correlation multiplies window entry (u, v) by K(u, v) as it is.",
            "cb_flatten_orders_differ": "The windows and the kernel are flattened in different orders (one "
            "row by row, the other column by column), so window entry (u, v) meets another kernel entry; "
            "flatten both the same way, e.g. window.ravel() and K.ravel().",
            "cb_windows_column_order": "The windows are gathered column by column, j before i, but the "
            "product is reshaped to (m, n_H, n_W), which reads them row by row; gather window (i, j) of "
            "image e into row (e·n_H + i)·n_W + j.",
            "cb_batch_axis_last": "The rows are gathered window position first and image last, in the order "
            "(i, j, e), but read back as (m, n_H, n_W); reshape to (n_H, n_W, m) and move the batch axis "
            "to the front, or gather image by image.",
            "cb_last_window_missing": "The last row and column of windows are missing: window i runs from 0 "
            "to h − k₁ inclusive, so there are h − k₁ + 1 of them (range(h - k1 + 1)).",
            "cb_last_image_only": "Only the last image's output is returned, shape (n_H, n_W): the result of "
            "each image overwrites the one before; every image needs its own slot, out[e].",
        },
        "section": "chapter 02 (Cross-correlation and convolution), equation (2.3)",
        "summary": "from one 3x3 image to batches of non-square images and kernels",
    },
    zh={
        "mistakes": {
            "cb_turned_kernel": (
                "卷积核在展平之前被旋转了 180°，这算的是卷积。互相关让窗口中的元素 (u, v) 与原样的 K(u, v) 相乘。"
            ),
            "cb_flatten_orders_differ": "窗口和卷积核按不同的顺序展平（一个逐行，另一个逐列），于是窗口中的元素 (u, v) 遇上了卷积核的另一个元素；两者要按同一种顺序展平，比如都逐行展平。",
            "cb_windows_column_order": (
                "窗口是逐列收集的（先 j 后 i），乘积却重塑为 (m, n_H, n_W)，按"
                "逐行的顺序读回；图像 e 的窗口 (i, j) 应放在第 (e·n_H + i)"
                "·n_W + j 行。"
            ),
            "cb_batch_axis_last": (
                "各行按 (i, j, e) 的顺序收集，即先排窗口位置、最后排图像，读回时却当作"
                " (m, n_H, n_W)；应先重塑为 (n_H, n_W, m)，再把批量轴"
                "移到最前面，或者逐个图像收集。"
            ),
            "cb_last_window_missing": "缺了最后一行和最后一列窗口：窗口下标 i 从 0 取到 h − k₁（含），共 h − k₁ + 1 个。",
            "cb_last_image_only": "只返回了最后一个图像的输出，形状为 (n_H, n_W)：每个图像的结果都覆盖了前一个；每个图像的结果都要存在批量轴上它自己的位置 e。",
        },
        "section": "第 2 章（互相关与卷积）的式 (2.3)",
        "summary": "从单个 3×3 图像到由非方形图像和非方形卷积核组成的批量",
        "labels": {
            "a batch of one 3x3 image, a 2x2 kernel": "只含一个 3×3 图像的批量，2×2 卷积核",
            "two 3x3 images, a 2x2 kernel": "两个 3×3 图像，2×2 卷积核",
            "a batch of 3 4x5 images, a 2x3 kernel": "3 个 4×5 图像的批量，2×3 卷积核",
            "a 1x1 kernel on a batch of 2 non-square images": "由 2 个非方形图像组成的批量，1×1 卷积核",
            "a kernel as large as the images: one number each": "卷积核与图像一样大：每个图像只得到一个数",
            "a batch of 4 5x4 images, a 3x2 kernel": "4 个 5×4 图像的批量，3×2 卷积核",
            "a batch of 2 6x3 images, a 4x1 kernel": "2 个 6×3 图像的批量，4×1 卷积核",
            "a batch of 3 float 5x6 images, a float 3x2 kernel": "3 个浮点 5×6 图像的批量，浮点 3×2 卷积核",
        },
    },
)
