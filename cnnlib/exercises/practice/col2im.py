"""Chapter 08: col2im, the adjoint of im2col.

``col2im(dcols, padded_shape, k1, k2, stride)``: entry ``[(e, i, j), (u, v, c)]`` of ``dcols`` is added onto
``A_pad[e, i*s1 + u, j*s2 + v, c]``, equation (8.4); ``n_H`` and ``n_W`` follow from ``padded_shape``, the
kernel and the stride, with the floor.
"""

from __future__ import annotations

import numpy as np

from ... import conv
from . import Exercise, ints, pair


def _windows(padded_shape, k1, k2, stride, size=None):
    """``(s1, s2, n_H, n_W)``: the number of windows by the floor formula, or by ``size(n, k, s)``."""
    (s1, s2), (_, H, W, _) = pair(stride), padded_shape
    size = size or (lambda n, k, s: (n - k) // s + 1)
    return s1, s2, size(H, k1, s1), size(W, k2, s2)


def _numbered(windows, entries):
    """Row ``r`` holds ``10 r + 1, 10 r + 2, ...``: each entry says its window and its place (hand-checkable)."""
    return (
        10 * np.arange(windows)[:, None]
        + np.arange(1, entries + 1)[None, :]
    )


def cases(rng):
    return [
        # window r adds r + 1 onto each of its four pixels; with ones it would count the windows per pixel
        (
            "window r adds r + 1: 2x2 windows on a 3x3 map",
            (
                np.repeat(np.arange(1, 5)[:, None], 4, 1),
                (1, 3, 3, 1),
                2,
                2,
                1,
            ),
            {},
        ),
        (
            "numbered entries: 2x2 windows on a 3x3 map",
            (_numbered(4, 4), (1, 3, 3, 1), 2, 2, 1),
            {},
        ),
        (
            "stride = window: 2x2 tiles of a 4x4 map, no overlap",
            (_numbered(4, 4), (1, 4, 4, 1), 2, 2, 2),
            {},
        ),
        (
            "two channels, 2x2 windows on a 3x3 map",
            (ints(rng, (4, 8)), (1, 3, 3, 2), 2, 2, 1),
            {},
        ),
        (
            "stride (1, 2), 2x2 windows on a 3x4 map",
            (ints(rng, (4, 4)), (1, 3, 4, 1), 2, 2, (1, 2)),
            {},
        ),
        (
            "3x3 windows, stride 2, a 6x6 map: a row and a column left over",
            (ints(rng, (4, 9)), (1, 6, 6, 1), 3, 3, 2),
            {},
        ),
        (
            "a batch of 2, 3 channels, 2x3 windows, stride (2, 1), a 5x4 map",
            (ints(rng, (8, 18)), (2, 5, 4, 3), 2, 3, (2, 1)),
            {},
        ),
        (
            "float gradients, 2 channels, 3x3 windows, stride 1, a 4x5 map",
            (rng.standard_normal((6, 18)), (1, 4, 5, 2), 3, 3, 1),
            {},
        ),
        (
            "float gradients, a batch of 3, 2x2 windows, stride (2, 3), a 5x7 map",
            (rng.standard_normal((12, 8)), (3, 5, 7, 2), 2, 2, (2, 3)),
            {},
        ),
    ]


def answer(dcols, padded_shape, k1, k2, stride):
    s1, s2, n_H, n_W = _windows(padded_shape, k1, k2, stride)
    return conv.col2im(
        dcols, tuple(padded_shape), k1, k2, (s1, s2), n_H, n_W
    )


def _scatter(
    dcols,
    padded_shape,
    k1,
    k2,
    stride,
    windows=None,
    columns="uvc",
    at=None,
    add=True,
):
    """A window-by-window col2im with one thing changed: the windows' order (``windows``: ``(e, i, j)``
    triples in row order), the columns' order, where a window starts (``at(i, j) -> (row, column)``), or
    ``=`` instead of ``+=``."""
    s1, s2, n_H, n_W = _windows(padded_shape, k1, k2, stride)
    m, _, _, n_C = padded_shape
    dA_pad = np.zeros(padded_shape, dtype=np.asarray(dcols).dtype)
    windows = windows or list(np.ndindex(m, n_H, n_W))
    at = at or (lambda i, j: (i * s1, j * s2))
    for row, (e, i, j) in enumerate(windows):
        if columns == "uvc":
            block = dcols[row].reshape(k1, k2, n_C)
        else:
            block = dcols[row].reshape(n_C, k1, k2).transpose(1, 2, 0)
        r, q = at(i, j)
        if add:
            dA_pad[e, r : r + k1, q : q + k2, :] += block
        else:
            dA_pad[e, r : r + k1, q : q + k2, :] = block
    return dA_pad


def overwrite(dcols, padded_shape, k1, k2, stride):
    return _scatter(dcols, padded_shape, k1, k2, stride, add=False)


def overwrite_by_offset(dcols, padded_shape, k1, k2, stride):
    s1, s2, n_H, n_W = _windows(padded_shape, k1, k2, stride)
    m, _, _, n_C = padded_shape
    dA_pad = np.zeros(padded_shape, dtype=np.asarray(dcols).dtype)
    d = dcols.reshape(m, n_H, n_W, k1, k2, n_C)
    for u in range(k1):
        for v in range(k2):
            dA_pad[:, u : u + s1 * n_H : s1, v : v + s2 * n_W : s2, :] = d[
                :, :, :, u, v, :
            ]
    return dA_pad


def channels_first_columns(dcols, padded_shape, k1, k2, stride):
    if padded_shape[3] == 1:
        return None
    return _scatter(dcols, padded_shape, k1, k2, stride, columns="cuv")


def stride_ignored(dcols, padded_shape, k1, k2, stride):
    if pair(stride) == (1, 1):
        return None
    return _scatter(
        dcols, padded_shape, k1, k2, stride, at=lambda i, j: (i, j)
    )


def columns_before_rows(dcols, padded_shape, k1, k2, stride):
    _, _, n_H, n_W = _windows(padded_shape, k1, k2, stride)
    windows = [
        (e, i, j) for e, j, i in np.ndindex(padded_shape[0], n_W, n_H)
    ]
    return _scatter(dcols, padded_shape, k1, k2, stride, windows=windows)


def ceil_windows(dcols, padded_shape, k1, k2, stride):
    # n_H = ceil((H - k1) / s1) + 1: the last window reaches past the map, and its slice is cut short
    s1, s2, n_H, n_W = _windows(
        padded_shape,
        k1,
        k2,
        stride,
        size=lambda n, k, s: -(-(n - k) // s) + 1,
    )
    m, _, _, n_C = padded_shape
    dA_pad = np.zeros(padded_shape, dtype=np.asarray(dcols).dtype)
    row = 0
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                dA_pad[
                    e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :
                ] += dcols[row].reshape(k1, k2, n_C)
                row += 1
    return dA_pad


SPEC = Exercise(
    name="col2im",
    chapter="08_vectorisation",
    arg_names=("dcols", "padded_shape", "k1", "k2", "stride"),
    answer=answer,
    cases=cases,
    equations=("eq-vec-col2im",),
    mistakes={
        "c2i_overwrite": overwrite,
        "c2i_overwrite_by_offset": overwrite_by_offset,
        "c2i_channels_first_columns": channels_first_columns,
        "c2i_stride_ignored": stride_ignored,
        "c2i_columns_before_rows": columns_before_rows,
        "c2i_ceil_windows": ceil_windows,
    },
    en={
        "mistakes": {
            "c2i_overwrite": "Each window's gradient is assigned (=) to the pixels it read, so where windows "
            "overlap only the last window's is kept; a pixel read by several windows gets the sum of their "
            "gradients (+=).",
            "c2i_overwrite_by_offset": "Each kernel offset (u, v) assigns (=) its slice, so where windows "
            "overlap only the last offset's entry is kept; the entries must be added (+=), a pixel read by "
            "several windows gets the sum of their gradients.",
            "c2i_channels_first_columns": "The columns of a row are read in the order (c, u, v); im2col lays "
            "a window out as (u, v, c), the channel running fastest, so a row reshapes to (k1, k2, n_C).",
            "c2i_stride_ignored": "Window (i, j) is added at row i and column j; it starts at row i·s1 and "
            "column j·s2, as in im2col.",
            "c2i_columns_before_rows": "The rows of dcols are taken as the windows in the order (e, j, i); "
            "im2col numbers them row by row, (e, i, j), so row (e·n_H + i)·n_W + j is window (i, j).",
            "c2i_ceil_windows": "n_H and n_W are rounded up, so the last window reaches past the map; the "
            "windows that fit are (H − k1) // s1 + 1 down and (W − k2) // s2 + 1 across, the rows and "
            "columns left over are read by no window.",
        },
        "section": "chapter 08 (From loops to arrays), equation (8.4)",
        "summary": "from overlapping 2x2 windows on one channel to float gradients with strides as pairs",
    },
    zh={
        "mistakes": {
            "c2i_overwrite": (
                "每个窗口的梯度都用赋值（=）写到它读过的像素上，窗口重叠处只留下了最后一个窗口的"
                "值；被几个窗口读过的像素应得到这些梯度之和（+=）。"
            ),
            "c2i_overwrite_by_offset": (
                "每个卷积核偏移 (u, v) 都用赋值（=）写入自己的切片，窗口重叠处只留下了最"
                "后一个偏移的值；这些项应当累加（+=），被几个窗口读过的像素得到它们的梯度之和。"
            ),
            "c2i_channels_first_columns": (
                "一行中的各列按 (c, u, v) 的顺序读取；im2col 按 (u, v, "
                "c) 排列一个窗口，通道变化最快，所以一行应重塑为 (k1, k2, n_C)。"
            ),
            "c2i_stride_ignored": (
                "窗口 (i, j) 被加到了第 i 行、第 j 列；它应从第 i·s1 行、第 j·s2 列开始，与 im2col 相同。"
            ),
            "c2i_columns_before_rows": (
                "dcols 的各行被当作按 (e, j, i) 顺序排列的窗口；im2col 逐"
                "行编号，即 (e, i, j)，所以第 (e·n_H + i)·n_W + j "
                "行是窗口 (i, j)。"
            ),
            "c2i_ceil_windows": (
                "n_H 和 n_W 被向上取整，最后一个窗口伸出了特征图；放得下的窗口竖直方向有"
                " (H − k1) // s1 + 1 个，水平方向有 (W − k2) // "
                "s2 + 1 个，剩余的行和列不被任何窗口读取。"
            ),
        },
        "section": "第 8 章（从循环到数组）的式 (8.4)",
        "summary": "从单个通道上重叠的 2×2 窗口到步幅为二元组的浮点梯度",
        "labels": {
            "window r adds r + 1: 2x2 windows on a 3x3 map": "窗口 r 加上 r + 1：3×3 特征图上的 2×2 窗口",
            "numbered entries: 2x2 windows on a 3x3 map": "编号的元素：3×3 特征图上的 2×2 窗口",
            "stride = window: 2x2 tiles of a 4x4 map, no overlap": "步幅等于窗口：4×4 特征图分成 2×2 小块，互不重叠",
            "two channels, 2x2 windows on a 3x3 map": "两个通道，3×3 特征图上的 2×2 窗口",
            "stride (1, 2), 2x2 windows on a 3x4 map": "步幅 (1, 2)，3×4 特征图上的 2×2 窗口",
            "3x3 windows, stride 2, a 6x6 map: a row and a column left over": "3×3 窗口，步幅 2，6×6 特征图："
            "剩下一行和一列",
            "a batch of 2, 3 channels, 2x3 windows, stride (2, 1), a 5x4 map": "批量为 2，3 个通道，2×3 窗口，"
            "步幅 (2, 1)，5×4 特征图",
            "float gradients, 2 channels, 3x3 windows, stride 1, a 4x5 map": "浮点梯度，2 个通道，3×3 窗口，"
            "步幅 1，4×5 特征图",
            "float gradients, a batch of 3, 2x2 windows, stride (2, 3), a 5x7 map": "浮点梯度，批量为 3，2×2 窗口，"
            "步幅 (2, 3)，5×7 特征图",
        },
    },
)
