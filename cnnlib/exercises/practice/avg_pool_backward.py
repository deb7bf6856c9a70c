"""Chapter 06: the backward pass of average pooling, with overlapping windows and strides as pairs.

``avg_pool_backward(dA, A_prev, size, stride=None)``: every window ``(i, j)`` spreads ``dA[e, i, j, c] / (k1*k2)``
over its entries, and a pixel in several windows adds up what each sends it, equation (6.3).
"""

from __future__ import annotations

import numpy as np

from ... import reference
from ...shapes import pool_shapes
from . import Exercise, ints


def _case(rng, label, shape, size, stride=None, scale=1):
    """A case with an integer ``dA`` (times ``scale``, so that the shares are whole) and an input of ``shape``."""
    out = pool_shapes(np.zeros(shape), size, stride, "avg")[3]
    kwargs = {} if stride is None else {"stride": stride}
    return (
        label,
        (ints(rng, out) * scale, ints(rng, shape, 0, 9), size),
        kwargs,
    )


def cases(rng):
    tiles = np.array([[4, 8], [-4, 12]]).reshape(1, 2, 2, 1)
    return [
        (
            "2x2 tiles of a 4x4 input, dA in multiples of 4",
            (tiles, ints(rng, (1, 4, 4, 1), 0, 9), 2),
            {},
        ),
        _case(
            rng,
            "3x3 windows, stride 1, on a 4x4 input: the centre 2x2 is in all 4",
            (1, 4, 4, 1),
            3,
            1,
            9,
        ),
        _case(
            rng,
            "3x3 windows, stride 1, on a 5x5 input: up to 9 windows per pixel",
            (1, 5, 5, 1),
            3,
            1,
            9,
        ),
        _case(
            rng,
            "2x2 windows, stride (2, 1): rows tile, columns overlap",
            (1, 4, 5, 1),
            2,
            (2, 1),
            4,
        ),
        _case(
            rng,
            "(2, 3) windows with stride (1, 2) on a 4x7 input",
            (1, 4, 7, 1),
            (2, 3),
            (1, 2),
            6,
        ),
        _case(
            rng,
            "3x3 windows, stride 2, on a 6x6 input: row 5 and column 5 get nothing",
            (1, 6, 6, 1),
            3,
            2,
            9,
        ),
        _case(
            rng,
            "2x2 windows, stride 3: pixels between the windows get nothing",
            (1, 8, 7, 1),
            2,
            3,
            4,
        ),
        _case(
            rng,
            "a batch of 2 with 3 channels, (3, 2) windows, stride (2, 1)",
            (2, 7, 5, 3),
            (3, 2),
            (2, 1),
        ),
        (
            "float dA, a batch of 2, (2, 3) windows, stride (1, 2), leftover columns",
            (
                rng.standard_normal((2, 4, 3, 2)),
                rng.standard_normal((2, 5, 8, 2)),
                (2, 3),
            ),
            {"stride": (1, 2)},
        ),
    ]


def avg_pool_backward(dA, A_prev, size, stride=None):
    """``dA_prev[e, i*s1+u, j*s2+v, c] += dA[e, i, j, c] / (k1*k2)`` over every window ``(i, j)``."""
    return reference.pool_backward(dA, A_prev, size, stride, mode="avg")


def _spread(
    dA,
    A_prev,
    size,
    stride,
    *,
    by=None,
    strides=None,
    assign=False,
    mean_of_covering=False,
):
    """The backward pass with the mistakes as switches: the divisor ``by(k1, k2)``, the strides used
    ``strides(s1, s2, k1, k2)``, ``=`` for ``+=``, or the mean of the covering windows' dA."""
    A_prev, (k1, k2), (s1, s2), out = pool_shapes(
        A_prev, size, stride, "avg"
    )
    if strides is not None:
        s1, s2 = strides(s1, s2, k1, k2)
    dA = np.asarray(dA, dtype=float)
    share = dA / (k1 * k2 if by is None else by(k1, k2))
    dA_prev, count = np.zeros(A_prev.shape), np.zeros(A_prev.shape)
    for e, i, j, c in np.ndindex(*out):
        rows, cols = slice(i * s1, i * s1 + k1), slice(j * s2, j * s2 + k2)
        if assign:
            dA_prev[e, rows, cols, c] = share[e, i, j, c]
        elif mean_of_covering:
            dA_prev[e, rows, cols, c] += dA[e, i, j, c]
            count[e, rows, cols, c] += 1
        else:
            dA_prev[e, rows, cols, c] += share[e, i, j, c]
    if mean_of_covering:
        dA_prev = dA_prev / np.maximum(count, 1)
    return dA_prev


def assigned(dA, A_prev, size, stride=None):
    return _spread(dA, A_prev, size, stride, assign=True)


def divided_by_height(dA, A_prev, size, stride=None):
    return _spread(dA, A_prev, size, stride, by=lambda k1, k2: k1)


def divided_by_height_squared(dA, A_prev, size, stride=None):
    return _spread(dA, A_prev, size, stride, by=lambda k1, k2: k1 * k1)


def mean_of_covering(dA, A_prev, size, stride=None):
    return _spread(dA, A_prev, size, stride, mean_of_covering=True)


def first_stride_only(dA, A_prev, size, stride=None):
    return _spread(
        dA, A_prev, size, stride, strides=lambda s1, s2, k1, k2: (s1, s1)
    )


def stride_swapped(dA, A_prev, size, stride=None):
    return _spread(
        dA, A_prev, size, stride, strides=lambda s1, s2, k1, k2: (s2, s1)
    )


def stride_is_size(dA, A_prev, size, stride=None):
    return _spread(
        dA, A_prev, size, stride, strides=lambda s1, s2, k1, k2: (k1, k2)
    )


SPEC = Exercise(
    name="avg_pool_backward",
    chapter="06_pool_backward",
    arg_names=("dA", "A_prev", "size"),
    answer=avg_pool_backward,
    cases=cases,
    equations=("eq-poolbwd-avg",),
    mistakes={
        "avgb_overlap_assigned": assigned,
        "avgb_divided_by_k1": divided_by_height,
        "avgb_divided_by_k1_squared": divided_by_height_squared,
        "avgb_divided_by_coverage": mean_of_covering,
        "avgb_stride_first_only": first_stride_only,
        "avgb_stride_swapped": stride_swapped,
        "avgb_stride_is_size": stride_is_size,
    },
    en={
        "mistakes": {
            "avgb_overlap_assigned": "Each window assigns (=) its share, so where windows overlap the last "
            "one overwrites the others; a pixel in several windows receives the sum (+=) of their shares.",
            "avgb_divided_by_k1": "The share is dA(i, j)/k₁; the mean is over all k₁k₂ entries of the "
            "window, so each gets dA(i, j)/(k₁k₂).",
            "avgb_divided_by_k1_squared": "The share is dA(i, j)/k₁², right only for square windows; a "
            "k₁ × k₂ window has k₁k₂ entries, so each gets dA(i, j)/(k₁k₂).",
            "avgb_divided_by_coverage": "Each pixel gets the mean of the dA of the windows covering it; it "
            "gets their sum, each term divided by the window's k₁k₂ entries, not by the number of windows.",
            "avgb_stride_first_only": "Only the first number of the stride is used: a stride (s₁, s₂) moves "
            "the windows s₁ rows down and s₂ columns across.",
            "avgb_stride_swapped": "The two numbers of the stride are swapped: window (i, j) starts at row "
            "i·s₁ and column j·s₂.",
            "avgb_stride_is_size": "The stride is ignored: window (i, j) is taken to start at (i·k₁, j·k₂); it "
            "starts at (i·s₁, j·s₂), so with s < k the windows overlap.",
        },
        "section": "chapter 06 (Backward propagation: pooling), equation (6.3)",
        "summary": "from 2x2 tiles to overlapping windows, strides as pairs and float batches",
    },
    zh={
        "mistakes": {
            "avgb_overlap_assigned": (
                "每个窗口用赋值（=）写入它的份额，窗口重叠处后一个窗口会覆盖前面的；位于多个窗口"
                "中的像素应得到它们份额之和（+=）。"
            ),
            "avgb_divided_by_k1": (
                "份额是 dA(i, j)/k₁；平均是对窗口的全部 k₁k₂ 个元素求的，所以每个元素得到 dA(i, j)/(k₁k₂)。"
            ),
            "avgb_divided_by_k1_squared": (
                "份额是 dA(i, j)/k₁²，只对方形窗口成立；k₁ × k₂ 窗口有 k₁k₂ 个元素，所以每个元素得到 dA(i, j)/(k₁k₂)。"
            ),
            "avgb_divided_by_coverage": (
                "每个像素得到的是覆盖它的那些窗口的 dA 的平均值；它应得到这些 dA 之和，每"
                "一项除以窗口的元素个数 k₁k₂，而不是除以窗口的个数。"
            ),
            "avgb_stride_first_only": (
                "只用了步幅的第一个数：步幅 (s₁, s₂) 让窗口向下移动 s₁ 行、向右移动 s₂ 列。"
            ),
            "avgb_stride_swapped": (
                "步幅的两个数对调了：窗口 (i, j) 从第 i·s₁ 行、第 j·s₂ 列开始。"
            ),
            "avgb_stride_is_size": (
                "忽略了步幅：把窗口 (i, j) 当成从 (i·k₁, j·k₂) 开始；它实际从 (i·s₁, j·s₂) 开始，s < k 时窗口相互重叠。"
            ),
        },
        "section": "第 6 章（反向传播：池化层）的式 (6.3)",
        "summary": "从铺满输入的 2×2 窗口到重叠窗口、成对的步幅和浮点批量",
        "labels": {
            "2x2 tiles of a 4x4 input, dA in multiples of 4": "4×4 输入被 2×2 窗口铺满，dA 都是 4 的倍数",
            "3x3 windows, stride 1, on a 4x4 input: the centre 2x2 is in all 4": "4×4 输入上的 3×3 窗口，"
            "步幅 1：中心的 2×2 块属于全部 4 个窗口",
            "3x3 windows, stride 1, on a 5x5 input: up to 9 windows per pixel": "5×5 输入上的 3×3 窗口，"
            "步幅 1：一个像素最多位于 9 个窗口中",
            "2x2 windows, stride (2, 1): rows tile, columns overlap": "2×2 窗口，步幅 (2, 1)：行方向铺满，列方向重叠",
            "(2, 3) windows with stride (1, 2) on a 4x7 input": "4×7 输入上的 (2, 3) 窗口，步幅 (1, 2)",
            "3x3 windows, stride 2, on a 6x6 input: row 5 and column 5 get nothing": "6×6 输入上的 3×3 窗口，"
            "步幅 2：第 5 行和第 5 列什么也得不到",
            "2x2 windows, stride 3: pixels between the windows get nothing": "2×2 窗口，步幅 3：窗口之间的像素"
            "什么也得不到",
            "a batch of 2 with 3 channels, (3, 2) windows, stride (2, 1)": "批量为 2，3 个通道，(3, 2) 窗口，"
            "步幅 (2, 1)",
            "float dA, a batch of 2, (2, 3) windows, stride (1, 2), leftover columns": "浮点 dA，批量为 2，"
            "(2, 3) 窗口，步幅 (1, 2)，有剩余的列",
        },
    },
)
