"""Chapter 12: the forward pass of a grouped convolution.

``grouped_conv_forward(A_prev, W, b, stride=1, padding=0, groups=1)``: output channel ``c`` belongs to group
``g = c // (n_C // G)`` and reads the ``C_g = n_C_prev // G`` input channels ``g*C_g ... (g+1)*C_g - 1``
(PyTorch's order), equation (12.1).
"""

from __future__ import annotations

import numpy as np

from ... import reference
from . import Exercise, ints, pair


def _bias(rng, n):
    # never zero, so that a bias added the wrong number of times shows
    return rng.choice([-3, -2, -1, 1, 2, 3], size=n)


def _layer(rng, a_shape, w_shape, floats=False):
    if floats:
        return (
            rng.standard_normal(a_shape),
            rng.standard_normal(w_shape),
            rng.standard_normal(w_shape[-1]),
        )
    return ints(rng, a_shape), ints(rng, w_shape), _bias(rng, w_shape[-1])


def cases(rng):
    # the chapter's example by hand: group 0 reads channels 0, 1; group 1 reads 2, 3
    a = np.array([1, 2, 3, 4]).reshape(1, 1, 1, 4)
    W = np.array([[1, 0, 1, -1], [0, 1, 1, 2]]).reshape(1, 1, 2, 4)
    return [
        (
            "1 group: an ordinary 2 -> 2 channel layer",
            _layer(rng, (1, 3, 3, 2), (2, 2, 2, 2)),
            {"groups": 1},
        ),
        (
            "4 -> 4 channels in 2 groups, a 1x1 kernel on one pixel",
            (a, W, np.zeros(4, dtype=int)),
            {"groups": 2},
        ),
        (
            "4 -> 2 channels in 2 groups, one filter each",
            _layer(rng, (1, 3, 3, 4), (2, 2, 2, 2)),
            {"groups": 2},
        ),
        (
            "6 -> 6 channels in 3 groups, a 2x2 kernel",
            _layer(rng, (1, 3, 3, 6), (2, 2, 2, 6)),
            {"groups": 3},
        ),
        (
            "depthwise: 3 channels, a 3x3 kernel, padding 1",
            _layer(rng, (1, 4, 4, 3), (3, 3, 1, 3)),
            {"padding": 1, "groups": 3},
        ),
        (
            "two filters per channel: depthwise 3 -> 6",
            _layer(rng, (1, 4, 3, 3), (2, 2, 1, 6)),
            {"groups": 3},
        ),
        (
            "4 -> 6 channels in 2 groups, stride 2, padding 1",
            _layer(rng, (1, 5, 5, 4), (3, 3, 2, 6)),
            {"stride": 2, "padding": 1, "groups": 2},
        ),
        (
            "a batch of 2, 6 -> 4 channels in 2 groups, stride (2, 1), padding (1, 0)",
            _layer(rng, (2, 6, 5, 6), (3, 2, 3, 4)),
            {"stride": (2, 1), "padding": (1, 0), "groups": 2},
        ),
        (
            "float inputs, depthwise 4 channels, stride (1, 2), padding (0, 1)",
            _layer(rng, (1, 4, 5, 4), (2, 3, 1, 4), floats=True),
            {"stride": (1, 2), "padding": (0, 1), "groups": 4},
        ),
        (
            "float inputs, a batch of 2, 6 -> 9 channels in 3 groups, padding 1",
            _layer(rng, (2, 4, 4, 6), (3, 3, 2, 9), floats=True),
            {"padding": 1, "groups": 3},
        ),
    ]


def answer(A_prev, W, b, stride=1, padding=0, groups=1):
    return reference.conv_forward(A_prev, W, b, stride, padding, 1, groups)


def _conv(A_prev, W, b, stride, padding, reads, bias_times=1):
    """The layer with output channel ``c`` reading input channels ``reads(c)`` (a slice); None where they fall
    outside the input."""
    (s1, s2), (p1, p2) = pair(stride), pair(padding)
    m, h, w, n_C_prev = np.shape(A_prev)
    k1, k2, C_g, n_C = np.shape(W)
    A = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for c in range(n_C):
        channels = reads(c)
        if channels.stop is not None and channels.stop > n_C_prev:
            return None
        for i in range(n_H):
            for j in range(n_W):
                window = A[
                    :, i * s1 : i * s1 + k1, j * s2 : j * s2 + k2, channels
                ]
                Z[:, i, j, c] = (
                    np.sum(window * W[:, :, :, c], axis=(1, 2, 3))
                    + bias_times * b[c]
                )
    return Z


def _block(start, C_g):
    return slice(start, start + C_g)


def interleaved(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g, n_C = np.shape(W)[2:]
    return _conv(
        A_prev,
        W,
        b,
        stride,
        padding,
        lambda c: _block(c % groups * C_g, C_g),
    )


def first_block(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g = np.shape(W)[2]
    return _conv(A_prev, W, b, stride, padding, lambda c: _block(0, C_g))


def group_by_input_size(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g = np.shape(W)[2]
    return _conv(
        A_prev, W, b, stride, padding, lambda c: _block(c // C_g * C_g, C_g)
    )


def offset_by_output_size(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g, n_C = np.shape(W)[2:]
    per_group = n_C // groups
    return _conv(
        A_prev,
        W,
        b,
        stride,
        padding,
        lambda c: _block(c // per_group * per_group, C_g),
    )


def bias_per_group(A_prev, W, b, stride=1, padding=0, groups=1):
    C_g, n_C = np.shape(W)[2:]
    per_group = n_C // groups
    return _conv(
        A_prev,
        W,
        b,
        stride,
        padding,
        lambda c: _block(c // per_group * C_g, C_g),
        bias_times=groups,
    )


def groups_ignored(A_prev, W, b, stride=1, padding=0, groups=1):
    # every window with all n_C_prev channels: raises (shapes that do not broadcast) when C_g < n_C_prev,
    # as the student's code does
    return _conv(A_prev, W, b, stride, padding, lambda c: slice(None))


SPEC = Exercise(
    name="grouped_conv_forward",
    chapter="12_grouped_convolution",
    arg_names=("A_prev", "W", "b"),
    answer=answer,
    cases=cases,
    equations=("eq-grp-forward",),
    mistakes={
        "grp_interleaved": interleaved,
        "grp_first_block": first_block,
        "grp_group_by_input_size": group_by_input_size,
        "grp_offset_by_output_size": offset_by_output_size,
        "grp_bias_per_group": bias_per_group,
        "grp_groups_ignored": groups_ignored,
    },
    en={
        "mistakes": {
            "grp_interleaved": "Output channel c was put in group c % G, as if the channels were dealt out "
            "to the groups in turn; the groups are consecutive blocks, g = c // (n_C/G).",
            "grp_first_block": "Every group read input channels 0 to C_g − 1; group g reads its own block, "
            "channels g·C_g to (g+1)·C_g − 1.",
            "grp_group_by_input_size": "The group of output channel c was taken as c // C_g, with the input "
            "block size; output channels come n_C/G to a group, so g = c // (n_C/G).",
            "grp_offset_by_output_size": "Group g's input channels were taken from g·(n_C/G), the output block "
            "size; its first input channel is g·C_g, with C_g = n_C_prev/G.",
            "grp_bias_per_group": "The bias was added once for every group, G times in all; each output "
            "channel c gets its own b[c] once.",
            "grp_groups_ignored": "The groups were ignored: each window took all n_C_prev input channels, but "
            "W has only C_g = n_C_prev/G of them, the channels of one group.",
        },
        "section": "chapter 12 (Depthwise and grouped convolution), equation (12.1)",
        "summary": "from one group to depthwise layers, strides and a batch of floats",
    },
    zh={
        "mistakes": {
            "grp_interleaved": (
                "输出通道 c 被分到了第 c % G 组，就像把各通道轮流发给各组；而各组是连续的块，g = c // (n_C/G)。"
            ),
            "grp_first_block": (
                "每一组读取的都是输入通道 0 到 C_g − 1；第 g 组应读取自己的那一块，即通道 g·C_g 到 (g+1)·C_g − 1。"
            ),
            "grp_group_by_input_size": (
                "输出通道 c 的组号按输入一侧的块大小算成了 c // C_g；每组有 n_C/G 个输出通道，所以 g = c // (n_C/G)。"
            ),
            "grp_offset_by_output_size": (
                "第 g 组的输入通道从 g·(n_C/G) 开始，用的是输出一侧的块大小；它的第"
                "一个输入通道是 g·C_g，其中 C_g = n_C_prev/G。"
            ),
            "grp_bias_per_group": "偏置每组加了一次，总共加了 G 次；每个输出通道 c 只加一次自己的 b[c]。",
            "grp_groups_ignored": (
                "代码忽略了分组：每个窗口取了全部 n_C_prev 个输入通道，而 W 只有 C_g = n_C_prev/G 个，即一组的通道。"
            ),
        },
        "section": "第 12 章（深度卷积与分组卷积）的式 (12.1)",
        "summary": "从只有一组到深度卷积、步幅和浮点输入的批量",
        "labels": {
            "1 group: an ordinary 2 -> 2 channel layer": "只有 1 组：通道数从 2 变为 2 的普通卷积层",
            "4 -> 4 channels in 2 groups, a 1x1 kernel on one pixel": "通道数从 4 变为 4，分 2 组，1×1 卷积核"
            "作用于单个像素",
            "4 -> 2 channels in 2 groups, one filter each": "通道数从 4 变为 2，分 2 组，每组一个滤波器",
            "6 -> 6 channels in 3 groups, a 2x2 kernel": "通道数从 6 变为 6，分 3 组，2×2 卷积核",
            "depthwise: 3 channels, a 3x3 kernel, padding 1": "深度卷积：3 个通道，3×3 卷积核，填充 1",
            "two filters per channel: depthwise 3 -> 6": "每个通道两个滤波器：通道数从 3 变为 6 的深度卷积",
            "4 -> 6 channels in 2 groups, stride 2, padding 1": "通道数从 4 变为 6，分 2 组，步幅 2，填充 1",
            "a batch of 2, 6 -> 4 channels in 2 groups, stride (2, 1), padding (1, 0)": "2 个样本的批量，通道数"
            "从 6 变为 4，分 2 组，步幅 (2, 1)，填充 (1, 0)",
            "float inputs, depthwise 4 channels, stride (1, 2), padding (0, 1)": "浮点输入，4 个通道的深度卷积，"
            "步幅 (1, 2)，填充 (0, 1)",
            "float inputs, a batch of 2, 6 -> 9 channels in 3 groups, padding 1": "浮点输入，2 个样本的批量，"
            "通道数从 6 变为 9，分 3 组，填充 1",
        },
    },
)
