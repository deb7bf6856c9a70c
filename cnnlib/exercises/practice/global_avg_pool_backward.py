"""Chapter 13: the backward pass of global average pooling.

``global_avg_pool_backward(dA, A_prev)``: every pixel of channel ``c`` of example ``e`` receives
``dA[e, c] / (n_H_prev * n_W_prev)``, equation (13.2).
"""

from __future__ import annotations

import numpy as np

from ... import reference
from . import Exercise, ints


def cases(rng):
    return [
        ("one 2x2 channel", (np.array([[8]]), ints(rng, (1, 2, 2, 1))), {}),
        ("one 3x3 channel", (np.array([[9]]), ints(rng, (1, 3, 3, 1))), {}),
        (
            "two channels on a 2x2 map",
            (np.array([[4, -8]]), ints(rng, (1, 2, 2, 2))),
            {},
        ),
        (
            "a non-square 2x4 map",
            (np.array([[8, 16, -24]]), ints(rng, (1, 2, 4, 3))),
            {},
        ),
        (
            "a batch of 3, 2 channels, a 3x2 map",
            (ints(rng, (3, 2)) * 6, ints(rng, (3, 3, 2, 2))),
            {},
        ),
        (
            "a 1x1 map: nothing to spread",
            (ints(rng, (2, 3)), ints(rng, (2, 1, 1, 3))),
            {},
        ),
        (
            "float gradient, a batch of 2, a 3x5 map",
            (
                rng.standard_normal((2, 4)),
                rng.standard_normal((2, 3, 5, 4)),
            ),
            {},
        ),
    ]


def _spread(dA, A_prev, by):
    m, h, w, n_C = np.shape(A_prev)
    return np.broadcast_to(
        np.asarray(dA, dtype=float)[:, None, None, :] / by, (m, h, w, n_C)
    ).copy()


def no_divide(dA, A_prev):
    return _spread(dA, A_prev, 1)


def divide_by_height(dA, A_prev):
    return _spread(dA, A_prev, np.shape(A_prev)[1])


def divide_by_channels(dA, A_prev):
    return _spread(dA, A_prev, np.shape(A_prev)[3])


def divide_by_batch(dA, A_prev):
    return _spread(dA, A_prev, np.shape(A_prev)[0])


def to_first_pixel(dA, A_prev):
    out = np.zeros(np.shape(A_prev))
    out[:, 0, 0, :] = dA
    return out


def times_input(dA, A_prev):
    h, w = np.shape(A_prev)[1:3]
    return _spread(dA, A_prev, h * w) * A_prev


SPEC = Exercise(
    name="global_avg_pool_backward",
    chapter="13_global_average_pooling",
    arg_names=("dA", "A_prev"),
    answer=reference.global_avg_pool_backward,
    cases=cases,
    equations=("eq-gap-backward",),
    mistakes={
        "gap_not_divided": no_divide,
        "gap_divided_by_height": divide_by_height,
        "gap_divided_by_channels": divide_by_channels,
        "gap_divided_by_batch": divide_by_batch,
        "gap_to_first_pixel": to_first_pixel,
        "gap_times_input": times_input,
    },
    en={
        "mistakes": {
            "gap_not_divided": "Every pixel gets all of dA[e, c]; it should get its share, dA[e, c] divided by "
            "the n_H_prev·n_W_prev pixels the mean averaged over.",
            "gap_divided_by_height": "dA is divided by n_H_prev only; the mean is over all n_H_prev·n_W_prev "
            "pixels of the map.",
            "gap_divided_by_channels": "dA is divided by the number of channels; each channel is averaged on "
            "its own, over the n_H_prev·n_W_prev pixels of its map.",
            "gap_divided_by_batch": "dA is divided by the batch size m; the examples are pooled separately, "
            "and the mean is over the pixels of one map.",
            "gap_to_first_pixel": "All of dA goes to the first pixel of each map, as max pooling would send "
            "it to the maximum; a mean depends on every pixel equally.",
            "gap_times_input": "The share of dA is multiplied by the input A_prev; the mean is linear, so "
            "its derivative does not depend on A_prev at all.",
        },
        "section": "chapter 13 (Global average pooling), equation (13.2)",
        "summary": "from one 2x2 channel to a batch of float gradients on non-square maps",
    },
    zh={
        "mistakes": {
            "gap_not_divided": (
                "每个像素都得到了完整的 dA[e, c]；它应得的只是一份，即 dA[e, c]"
                " 除以参与求平均的像素数 n_H_prev·n_W_prev。"
            ),
            "gap_divided_by_height": (
                "dA 只除以了 n_H_prev；平均是对整张特征图的 n_H_prev·n_W_prev 个像素求的。"
            ),
            "gap_divided_by_channels": (
                "dA 除以了通道数；每个通道各自求平均，范围是它自己那张特征图的 n_H_prev·n_W_prev 个像素。"
            ),
            "gap_divided_by_batch": "dA 除以了批量大小 m；各样本分别池化，平均只针对一张特征图的像素。",
            "gap_to_first_pixel": (
                "dA 全部给了每张特征图的第一个像素，就像最大池化把它交给最大值那样；而平均值同等地依赖每一个像素。"
            ),
            "gap_times_input": (
                "dA 的份额又乘上了输入 A_prev；求均值是线性运算，它的导数与 A_prev 完全无关。"
            ),
        },
        "section": "第 13 章（全局平均池化）的式 (13.2)",
        "summary": "从单个 2×2 通道到非方形特征图上的浮点梯度批量",
        "labels": {
            "one 2x2 channel": "单个 2×2 通道",
            "one 3x3 channel": "单个 3×3 通道",
            "two channels on a 2x2 map": "2×2 特征图上的两个通道",
            "a non-square 2x4 map": "非方形的 2×4 特征图",
            "a batch of 3, 2 channels, a 3x2 map": "批量为 3，2 个通道，3×2 特征图",
            "a 1x1 map: nothing to spread": "1×1 特征图：没有什么可分摊的",
            "float gradient, a batch of 2, a 3x5 map": "浮点梯度，批量为 2，3×5 特征图",
        },
    },
)
