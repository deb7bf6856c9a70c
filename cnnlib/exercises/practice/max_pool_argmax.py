"""Chapter 04: where each window's maximum sits, what max pooling stores for its backward pass.

``max_pool_argmax(A_prev, size, stride=None)``: for every output ``(e, i, j, c)``, the input position
``(i*s1 + u*, j*s2 + v*)`` of the first maximum of window ``(i, j)`` in row-major order (as ``np.argmax``),
equation (4.1); shape ``(m, n_H, n_W, n_C, 2)``.
"""

from __future__ import annotations

import numpy as np

from ...shapes import pool_shapes
from . import Exercise, ints


def cases(rng):
    hand = np.array(
        [[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 3, 2], [2, 6, 1, 1]]
    ).reshape(1, 4, 4, 1)
    # four tied windows: the first, the last and the first down the columns are three different entries
    ties = np.array(
        [[5, 5, 0, 5], [5, 0, 5, 5], [1, 5, 2, 2], [5, 0, 2, 2]]
    ).reshape(1, 4, 4, 1)
    relu = np.maximum(rng.standard_normal((1, 6, 6, 2)) - 0.5, 0.0)
    return [
        ("the 4x4 example, 2x2 windows: one maximum per window", (hand, 2), {}),
        ("tied maxima in 2x2 windows: the first one counts", (ties, 2), {}),
        ("overlapping 3x3 windows, stride 1, a 5x5 input with ties", (ints(rng, (1, 5, 5, 1), 0, 3), 3), {"stride": 1}),
        ("non-square (2, 3) windows on a 4x6 input", (rng.permutation(24).reshape(1, 4, 6, 1), (2, 3)), {}),
        ("(3, 2) windows, stride (1, 2), a 6x7 input with ties", (ints(rng, (1, 6, 7, 1), 0, 3), (3, 2)), {"stride": (1, 2)}),
        ("3x3 windows, stride 2, an 8x8 input: row 7 and column 7 left over", (rng.permutation(64).reshape(1, 8, 8, 1), 3), {"stride": 2}),
        ("a batch of 2 with 3 channels, (2, 3) windows, stride (2, 1)", (ints(rng, (2, 5, 7, 3), 0, 3), (2, 3)), {"stride": (2, 1)}),
        ("float input, a batch of 2, 3x3 windows, stride (2, 1)", (rng.standard_normal((2, 7, 6, 2)), 3), {"stride": (2, 1)}),
        ("float input after a ReLU: windows of zeros tie", (relu, 2), {"stride": 1}),
    ]  # fmt: skip


def _first(window):
    """Row-major flat index of the window's first maximum."""
    return int(np.argmax(window))


def _argmax(
    A_prev,
    size,
    stride,
    pick=_first,
    unravel=None,
    offset=True,
    swap=False,
    by_size=False,
):
    """The positions of the maxima, with the mistakes as switches."""
    A_prev, (k1, k2), (s1, s2), (m, n_H, n_W, n_C) = pool_shapes(
        A_prev, size, stride, "max"
    )
    if by_size:
        (s1, s2), n_H, n_W = (
            (k1, k2),
            (A_prev.shape[1] - k1) // k1 + 1,
            (A_prev.shape[2] - k2) // k2 + 1,
        )
    where = np.zeros((m, n_H, n_W, n_C, 2), dtype=np.int64)
    for e, i, j, c in np.ndindex(m, n_H, n_W, n_C):
        window = A_prev[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c]
        u, v = (unravel or (lambda t: divmod(t, k2)))(pick(window))
        r, q = (i * s1 + u, j * s2 + v) if offset else (u, v)
        where[e, i, j, c] = (q, r) if swap else (r, q)
    return where


def max_pool_argmax(A_prev, size, stride=None):
    """``where[e, i, j, c] = (i*s1 + u, j*s2 + v)``, ``(u, v)`` the first maximum of window ``(i, j)`` (row-major)."""
    A_prev, (k1, k2), (s1, s2), (m, n_H, n_W, n_C) = pool_shapes(
        A_prev, size, stride, "max"
    )
    where = np.zeros((m, n_H, n_W, n_C, 2), dtype=np.int64)
    for e in range(m):
        for i in range(n_H):
            for j in range(n_W):
                for c in range(n_C):
                    window = A_prev[
                        e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, c
                    ]
                    u, v = divmod(int(np.argmax(window)), k2)
                    where[e, i, j, c] = (i * s1 + u, j * s2 + v)
    return where


def relative(A_prev, size, stride=None):
    return _argmax(A_prev, size, stride, offset=False)


def last_maximum(A_prev, size, stride=None):
    return _argmax(
        A_prev,
        size,
        stride,
        pick=lambda w: w.size - 1 - int(np.argmax(w.ravel()[::-1])),
    )


def unravel_by_height(A_prev, size, stride=None):
    k1 = pool_shapes(A_prev, size, stride, "max")[1][0]
    return _argmax(A_prev, size, stride, unravel=lambda t: divmod(t, k1))


def first_down_the_columns(A_prev, size, stride=None):
    k1 = pool_shapes(A_prev, size, stride, "max")[1][0]
    return _argmax(
        A_prev,
        size,
        stride,
        pick=lambda w: int(np.argmax(w.T)),
        unravel=lambda t: (t % k1, t // k1),
    )


def stride_is_size(A_prev, size, stride=None):
    return _argmax(A_prev, size, stride, by_size=True)


def row_column_swapped(A_prev, size, stride=None):
    return _argmax(A_prev, size, stride, swap=True)


SPEC = Exercise(
    name="max_pool_argmax",
    chapter="04_pool_forward",
    arg_names=("A_prev", "size"),
    answer=max_pool_argmax,
    cases=cases,
    equations=("eq-poolfwd-max",),
    mistakes={
        "argmax_in_window": relative,
        "argmax_last_tie": last_maximum,
        "argmax_unravel_by_height": unravel_by_height,
        "argmax_down_columns": first_down_the_columns,
        "argmax_stride_is_size": stride_is_size,
        "argmax_row_column_swapped": row_column_swapped,
    },
    en={
        "mistakes": {
            "argmax_in_window": "The positions are the offsets (u, v) inside the window; in A_prev's "
            "coordinates window (i, j) starts at row i·s₁ and column j·s₂, so add them: (i·s₁ + u, j·s₂ + v).",
            "argmax_last_tie": "At a tie this picks the last maximum; the rule is the first one in row-major "
            "order, as np.argmax of the window.",
            "argmax_unravel_by_height": "The flat index t of the maximum is unravelled with the window's height "
            "k₁; a k₁ × k₂ window is read row by row, so it is row t // k₂, column t % k₂.",
            "argmax_down_columns": "At a tie this picks the first maximum down the columns (column-major); the "
            "rule is the first in row-major order, as np.argmax of the window.",
            "argmax_stride_is_size": "The stride is ignored: the windows step by their own size k₁, k₂. Window "
            "(i, j) starts at (i·s₁, j·s₂), and there are ⌊(n_H_prev − k₁)/s₁⌋ + 1 rows of windows.",
            "argmax_row_column_swapped": "The pair is (column, row); where[..., 0] is the row of the maximum "
            "and where[..., 1] its column.",
        },
        "section": "chapter 04 (Forward propagation: pooling), equation (4.1)",
        "summary": "from one maximum per 2x2 tile to ties, strides as pairs and float batches",
    },
    zh={
        "mistakes": {
            "argmax_in_window": (
                "得到的位置是窗口内的偏移 (u, v)；在 A_prev 的坐标中，窗口 (i,"
                " j) 从第 i·s₁ 行、第 j·s₂ 列开始，所以要加上它们：(i·s₁ +"
                " u, j·s₂ + v)。"
            ),
            "argmax_last_tie": (
                "出现并列时取了最后一个最大值；规则是按行优先顺序取第一个，与对窗口做 np.argmax 相同。"
            ),
            "argmax_unravel_by_height": (
                "最大值的扁平下标 t 是按窗口的高度 k₁ 拆开的；k₁ × k₂ 窗口按行展开"
                "，所以它在第 t // k₂ 行、第 t % k₂ 列。"
            ),
            "argmax_down_columns": (
                "出现并列时取了按列优先顺序的第一个最大值；规则是按行优先顺序取第一个，与对窗口做 np.argmax 相同。"
            ),
            "argmax_stride_is_size": (
                "忽略了步幅：窗口每次移动自身的大小 k₁、k₂。窗口 (i, j) 从 (i·s"
                "₁, j·s₂) 开始，窗口共有 ⌊(n_H_prev − k₁)/s₁⌋ + "
                "1 行。"
            ),
            "argmax_row_column_swapped": "这一对数写成了（列，行）；每一对数应当先是最大值所在的行，再是它所在的列。",
        },
        "section": "第 4 章（前向传播：池化层）的式 (4.1)",
        "summary": "从每个 2×2 窗口只有一个最大值到并列最大值、成对的步幅和浮点批量",
        "labels": {
            "the 4x4 example, 2x2 windows: one maximum per window": "4×4 的例子，2×2 窗口：每个窗口只有一个最大值",
            "tied maxima in 2x2 windows: the first one counts": "2×2 窗口内的并列最大值：以第一个为准",
            "overlapping 3x3 windows, stride 1, a 5x5 input with ties": "重叠的 3×3 窗口，步幅 1，有并列的 5×5 输入",
            "non-square (2, 3) windows on a 4x6 input": "4×6 输入上的非方形 (2, 3) 窗口",
            "(3, 2) windows, stride (1, 2), a 6x7 input with ties": "(3, 2) 窗口，步幅 (1, 2)，有并列的 6×7 输入",
            "3x3 windows, stride 2, an 8x8 input: row 7 and column 7 left over": "3×3 窗口，步幅 2，8×8 输入："
            "剩下第 7 行和第 7 列",
            "a batch of 2 with 3 channels, (2, 3) windows, stride (2, 1)": "批量为 2，3 个通道，(2, 3) 窗口，"
            "步幅 (2, 1)",
            "float input, a batch of 2, 3x3 windows, stride (2, 1)": "浮点输入，批量为 2，3×3 窗口，步幅 (2, 1)",
            "float input after a ReLU: windows of zeros tie": "经过 ReLU 的浮点输入：全零的窗口出现并列",
        },
    },
)
