"""Chapter 11: the forward pass of a transposed convolution, written as a convolution's backward pass.

``transposed_conv_forward(X, W, b, stride=1, padding=0)``: ``Y_pad[e, i*s1 + u, j*s2 + v, c_out] +=
X[e, i, j, c] W[u, v, c_out, c]``, then the padding cropped and ``b`` added, equation (11.4); the output has
``(n_H - 1)*s1 - 2*p1 + k1`` rows, equation (11.3).
"""

from __future__ import annotations

import numpy as np

from ... import reference
from . import Exercise, ints, pair


def cases(rng):
    return [
        (
            "stamps 2 apart: x = [2, -1], w = [1, 2, 3], stride 2",
            (
                np.array([2, -1]).reshape(1, 1, 2, 1),
                np.array([1, 2, 3]).reshape(1, 3, 1, 1),
                np.zeros(1, dtype=int),
            ),
            {"stride": 2},
        ),
        (
            "a 2x2 input, a 2x2 kernel, stride 1, bias 1",
            (
                np.array([[1, 2], [3, 4]]).reshape(1, 2, 2, 1),
                np.array([[1, -1], [2, 0]]).reshape(2, 2, 1, 1),
                np.array([1]),
            ),
            {},
        ),
        (
            "a 2x2 input, a 2x3 kernel, stride 2, a bias",
            (
                ints(rng, (1, 2, 2, 1)),
                ints(rng, (2, 3, 1, 1)),
                np.array([-2]),
            ),
            {"stride": 2},
        ),
        (
            "a 3x3 kernel, stride 2, padding 1: the padding cropped",
            (
                ints(rng, (1, 3, 3, 1)),
                ints(rng, (3, 3, 1, 1)),
                np.array([2]),
            ),
            {"stride": 2, "padding": 1},
        ),
        (
            "two channels in and two out, stride 2",
            (
                ints(rng, (1, 2, 2, 2)),
                ints(rng, (3, 2, 2, 2)),
                ints(rng, 2),
            ),
            {"stride": 2},
        ),
        (
            "one channel in, three out",
            (
                ints(rng, (1, 2, 3, 1)),
                ints(rng, (2, 2, 3, 1)),
                ints(rng, 3),
            ),
            {"stride": 2},
        ),
        (
            "a batch of 2, 3 channels in, 2 out, stride (2, 1), padding (1, 0)",
            (
                ints(rng, (2, 3, 2, 3)),
                ints(rng, (3, 2, 2, 3)),
                ints(rng, 2),
            ),
            {"stride": (2, 1), "padding": (1, 0)},
        ),
        (
            "float input and kernel, stride 2, padding 1",
            (
                rng.standard_normal((1, 3, 2, 2)),
                rng.standard_normal((4, 3, 2, 2)),
                rng.standard_normal(2),
            ),
            {"stride": 2, "padding": 1},
        ),
        (
            "float, a batch of 2, 2 channels in, 3 out, stride (1, 3), padding (0, 1)",
            (
                rng.standard_normal((2, 3, 2, 2)),
                rng.standard_normal((2, 3, 3, 2)),
                rng.standard_normal(3),
            ),
            {"stride": (1, 3), "padding": (0, 1)},
        ),
    ]


def answer(X, W, b, stride=1, padding=0):
    return reference.conv_transpose_forward(X, W, b, stride, padding)


def _stamps(X, W, b, stride, padding, extra=(0, 0), crop="both", bias=True):
    """The scatter with one thing changed: ``extra`` rows and columns more at the bottom and right, the
    padding cropped from both ends (``"both"``), from the bottom and right only (``"end"``) or not at all
    (``"none"``), the bias left out."""
    (s1, s2), (p1, p2) = pair(stride), pair(padding)
    k1, k2, n_C_out, _ = W.shape
    m, n_H, n_W, _ = X.shape
    H, W_out = (
        (n_H - 1) * s1 - 2 * p1 + k1 + extra[0],
        (n_W - 1) * s2 - 2 * p2 + k2 + extra[1],
    )
    Y_pad = np.zeros(
        (m, H + 2 * p1, W_out + 2 * p2, n_C_out),
        dtype=np.result_type(X, W, b),
    )
    for e, i, j in np.ndindex(m, n_H, n_W):
        # X[e, i, j, c] W[u, v, c_out, c], summed over c: a (k1, k2, n_C_out) stamp
        Y_pad[e, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, :] += (
            W @ X[e, i, j, :]
        )
    Y = {
        "both": Y_pad[:, p1 : p1 + H, p2 : p2 + W_out],
        "end": Y_pad[:, :H, :W_out],
        "none": Y_pad,
    }[crop]
    return Y + b if bias else Y


def no_bias(X, W, b, stride=1, padding=0):
    return _stamps(X, W, b, stride, padding, bias=False)


def not_cropped(X, W, b, stride=1, padding=0):
    if pair(padding) == (0, 0):
        return None
    return _stamps(X, W, b, stride, padding, crop="none")


def cropped_at_the_end(X, W, b, stride=1, padding=0):
    if pair(padding) == (0, 0):
        return None
    return _stamps(X, W, b, stride, padding, crop="end")


def kernel_turned(X, W, b, stride=1, padding=0):
    return _stamps(X, W[::-1, ::-1], b, stride, padding)


def size_plus_one(X, W, b, stride=1, padding=0):
    return _stamps(X, W, b, stride, padding, extra=(1, 1))


def size_without_minus_one(X, W, b, stride=1, padding=0):
    return _stamps(X, W, b, stride, padding, extra=pair(stride))


def channels_swapped(X, W, b, stride=1, padding=0):
    if W.shape[2] != W.shape[3]:
        return None
    return _stamps(X, W.transpose(0, 1, 3, 2), b, stride, padding)


SPEC = Exercise(
    name="transposed_conv_forward",
    chapter="11_transposed_convolution",
    arg_names=("X", "W", "b"),
    answer=answer,
    cases=cases,
    equations=("eq-tconv-size", "eq-tconv-forward"),
    mistakes={
        "tconv_no_bias": no_bias,
        "tconv_not_cropped": not_cropped,
        "tconv_cropped_at_the_end": cropped_at_the_end,
        "tconv_kernel_turned": kernel_turned,
        "tconv_size_plus_one": size_plus_one,
        "tconv_size_without_minus_one": size_without_minus_one,
        "tconv_channels_swapped": channels_swapped,
    },
    en={
        "mistakes": {
            "tconv_no_bias": "The bias is left out; b(c_out) is added to every output pixel of channel c_out, "
            "after the stamps are summed.",
            "tconv_not_cropped": "The padding is not cropped, so the output has 2·p1 rows and 2·p2 columns "
            "too many; the stamps land on Y_pad, and Y is Y_pad without p1 rows and p2 columns on each side.",
            "tconv_cropped_at_the_end": "The output is the first rows and columns of Y_pad, so all of the "
            "cropping is taken from the bottom and the right; p1 rows and p2 columns go from each side, "
            "Y(r, q) = Y_pad(r + p1, q + p2).",
            "tconv_kernel_turned": "The kernel is turned by 180°; the scatter stamps W as it is, "
            "W(u, v, c_out, c) onto Y_pad(i·s1 + u, j·s2 + v). Only the stride-1 convolution of the "
            "spread-out X uses the turned kernel.",
            "tconv_size_plus_one": "The output has one row and one column too many, (n_H − 1)·s1 − 2·p1 + k1 "
            "+ 1; the last stamp starts at row (n_H − 1)·s1 and covers k1 rows, so there are "
            "(n_H − 1)·s1 − 2·p1 + k1.",
            "tconv_size_without_minus_one": "The output size is n_H·s1 − 2·p1 + k1, s1 rows too many: the "
            "last of the n_H stamps starts at row (n_H − 1)·s1, so there are (n_H − 1)·s1 − 2·p1 + k1.",
            "tconv_channels_swapped": "The weights' channel axes are used the other way round, "
            "W(u, v, c, c_out); W has the shape (k1, k2, n_C_out, n_C) of the convolution it transposes, so "
            "input channel c stamps W(:, :, c_out, c) onto output channel c_out.",
        },
        "section": "chapter 11 (Transposed convolution), equations (11.3) and (11.4)",
        "summary": "from a 1-D stamp at stride 2 to float batches with strides and paddings as pairs",
    },
    zh={
        "mistakes": {
            "tconv_no_bias": (
                "漏掉了偏置；各个印章求和之后，通道 c_out 的每个输出像素都要加上 b(c_out)。"
            ),
            "tconv_not_cropped": (
                "没有裁掉填充，输出多了 2·p1 行和 2·p2 列；印章落在 Y_pad 上，"
                "Y 是 Y_pad 在每一侧去掉 p1 行和 p2 列之后的部分。"
            ),
            "tconv_cropped_at_the_end": (
                "输出取的是 Y_pad 最前面的行和列，整个裁剪都从下边和右边去掉了；应当从每一"
                "侧各去掉 p1 行和 p2 列，即 Y(r, q) = Y_pad(r + p1"
                ", q + p2)。"
            ),
            "tconv_kernel_turned": (
                "卷积核被旋转了 180°；分散累加时按原样盖下 W，把 W(u, v, c_ou"
                "t, c) 加到 Y_pad(i·s1 + u, j·s2 + v) 上。只有对"
                "拉开后的 X 做步幅为 1 的卷积时，才用旋转后的卷积核。"
            ),
            "tconv_size_plus_one": (
                "输出多了一行和一列，成了 (n_H − 1)·s1 − 2·p1 + k1 + "
                "1；最后一个印章从第 (n_H − 1)·s1 行开始，覆盖 k1 行，所以输出"
                "有 (n_H − 1)·s1 − 2·p1 + k1 行。"
            ),
            "tconv_size_without_minus_one": (
                "输出尺寸算成了 n_H·s1 − 2·p1 + k1，多了 s1 行：n_H 个"
                "印章中的最后一个从第 (n_H − 1)·s1 行开始，所以输出有 (n_H −"
                " 1)·s1 − 2·p1 + k1 行。"
            ),
            "tconv_channels_swapped": (
                "权重的两个通道轴用反了，成了 W(u, v, c, c_out)；W 的形状是被"
                "转置的那个卷积的 (k1, k2, n_C_out, n_C)，所以输入通道 c"
                " 把 W(:, :, c_out, c) 盖到输出通道 c_out 上。"
            ),
        },
        "section": "第 11 章（转置卷积）的式 (11.3) 和式 (11.4)",
        "summary": "从步幅为 2 的一维印章到步幅和填充为二元组的浮点批量",
        "labels": {
            "stamps 2 apart: x = [2, -1], w = [1, 2, 3], stride 2": "相隔 2 的印章：x = [2, -1]，w = [1, 2, 3]，步幅 2",
            "a 2x2 input, a 2x2 kernel, stride 1, bias 1": "2×2 输入，2×2 卷积核，步幅 1，偏置为 1",
            "a 2x2 input, a 2x3 kernel, stride 2, a bias": "2×2 输入，2×3 卷积核，步幅 2，带偏置",
            "a 3x3 kernel, stride 2, padding 1: the padding cropped": "3×3 卷积核，步幅 2，填充 1：裁掉填充",
            "one channel in, three out": "输入一个通道，输出三个通道",
            "two channels in and two out, stride 2": "输入两个通道，输出两个通道，步幅 2",
            "a batch of 2, 3 channels in, 2 out, stride (2, 1), padding (1, 0)": "批量为 2，输入 3 个通道，输出 2 个，"
            "步幅 (2, 1)，填充 (1, 0)",
            "float input and kernel, stride 2, padding 1": "浮点输入和卷积核，步幅 2，填充 1",
            "float, a batch of 2, 2 channels in, 3 out, stride (1, 3), padding (0, 1)": "浮点数，批量为 2，"
            "输入 2 个通道，输出 3 个，步幅 (1, 3)，填充 (0, 1)",
        },
    },
)
