"""Chapter 05: the input gradient of a stride-1 convolution layer as a full convolution (a gather).

``conv_input_gradient_full(dZ, W, padding=0)``: pad ``dZ`` by ``k1 - 1`` rows and ``k2 - 1`` columns on
every side, cross-correlate it with ``W`` turned by 180 degrees and its channel axes swapped, then crop the
layer's padding ``p`` from each side: equations (5.4) and (5.8).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ... import reference
from . import Exercise, ints, pair


def cases(rng):
    return [
        ("the hand example: a 2x2 delta, a 2x2 kernel",
         (np.array([[1, 0], [0, 2]]).reshape(1, 2, 2, 1), np.array([[1, 2], [3, 4]]).reshape(2, 2, 1, 1)), {}),
        ("one channel, a 3x3 delta, a 2x3 kernel", (ints(rng, (1, 3, 3, 1)), ints(rng, (2, 3, 1, 1))), {}),
        ("two channels in and two out, a 2x2 kernel", (ints(rng, (1, 2, 3, 2)), ints(rng, (2, 2, 2, 2))), {}),
        ("layer padding 1, a 3x3 kernel", (ints(rng, (1, 3, 3, 1)), ints(rng, (3, 3, 1, 1))), {"padding": 1}),
        ("layer padding 2, a 5x5 kernel, two channels", (ints(rng, (1, 3, 3, 2)), ints(rng, (5, 5, 2, 2))),
         {"padding": 2}),
        ("layer padding (1, 0), a 3x2 kernel, 3 channels in, 2 out",
         (ints(rng, (1, 4, 3, 2)), ints(rng, (3, 2, 3, 2))), {"padding": (1, 0)}),
        ("a batch of 3, a 1x1 kernel mixing 4 channels into 2", (ints(rng, (3, 2, 3, 2)), ints(rng, (1, 1, 4, 2))),
         {}),
        ("a batch of 2, layer padding (0, 2), a 2x5 kernel", (ints(rng, (2, 3, 2, 3)), ints(rng, (2, 5, 2, 3))),
         {"padding": (0, 2)}),
        ("float delta and kernel, a batch of 2, 3 channels in, 4 out, padding 1",
         (rng.standard_normal((2, 4, 5, 4)), rng.standard_normal((3, 3, 3, 4))), {"padding": 1}),
        ("float delta and kernel, padding (2, 1), a 5x3 kernel",
         (rng.standard_normal((1, 3, 4, 2)), rng.standard_normal((5, 3, 2, 2))), {"padding": (2, 1)}),
    ]  # fmt: skip


def answer(dZ, W, padding=0):
    """The input gradient by the reference loops, for an input of the size the layer must have had."""
    (p1, p2), (m, n_H, n_W, _), (k1, k2, n_C_prev, _) = (
        pair(padding),
        np.shape(dZ),
        np.shape(W),
    )
    shape = (m, n_H + k1 - 1 - 2 * p1, n_W + k2 - 1 - 2 * p2, n_C_prev)
    return reference.conv_backward(
        dZ, np.zeros(shape, dtype=np.result_type(dZ, W)), W, 1, padding
    )[0]


def _gather(
    dZ, W, padding=0, before=None, after=None, kernel=None, crop="both"
):
    """Pad ``dZ`` (``before``/``after`` rows and columns, by default k - 1), correlate it with ``kernel``
    (by default ``W`` turned and its channels swapped), crop the layer padding."""
    dZ, W = np.asarray(dZ), np.asarray(W)
    (p1, p2), (k1, k2) = pair(padding), W.shape[:2]
    b1, b2 = before or (k1 - 1, k2 - 1)
    a1, a2 = after or (k1 - 1, k2 - 1)
    K = W[::-1, ::-1].transpose(0, 1, 3, 2) if kernel is None else kernel
    D = np.pad(dZ, ((0, 0), (b1, a1), (b2, a2), (0, 0)))
    windows = sliding_window_view(
        D, (k1, k2), axis=(1, 2)
    )  # (m, h, w, n_C, k1, k2)
    full = np.einsum("ehwcuv,uvcd->ehwd", windows, K)
    h, w = full.shape[1:3]
    if crop == "both":
        return full[:, p1 : h - p1, p2 : w - p2, :]
    if crop == "start":
        return full[:, p1:, p2:, :]
    return full


def not_turned(dZ, W, padding=0):
    return _gather(
        dZ, W, padding, kernel=np.asarray(W).transpose(0, 1, 3, 2)
    )


def channels_not_swapped(dZ, W, padding=0):
    if np.shape(W)[2] != np.shape(W)[3]:
        return None  # the kernel's channels do not even fit dZ's
    return _gather(dZ, W, padding, kernel=np.asarray(W)[::-1, ::-1])


def pad_one_side(dZ, W, padding=0):
    return _gather(dZ, W, padding, after=(0, 0))


def pad_by_k(dZ, W, padding=0):
    k1, k2 = np.shape(W)[:2]
    return _gather(dZ, W, padding, before=(k1, k2), after=(k1, k2))


def not_cropped(dZ, W, padding=0):
    return _gather(dZ, W, padding, crop="none")


def cropped_at_start(dZ, W, padding=0):
    return _gather(dZ, W, padding, crop="start")


SPEC = Exercise(
    name="conv_input_gradient_full",
    chapter="05_conv_backward",
    arg_names=("dZ", "W"),
    answer=answer,
    cases=cases,
    equations=("eq-convbwd-da", "eq-convbwd-da-general"),
    mistakes={
        "cig_not_turned": not_turned,
        "cig_channels_not_swapped": channels_not_swapped,
        "cig_padded_one_side": pad_one_side,
        "cig_padded_by_k": pad_by_k,
        "cig_not_cropped": not_cropped,
        "cig_cropped_one_side": cropped_at_start,
    },
    en={
        "mistakes": {
            "cig_not_turned": "The padded δ was cross-correlated with W as it is; the full convolution δ * W "
            "cross-correlates with the kernel turned by 180 degrees, W[::-1, ::-1].",
            "cig_channels_not_swapped": "The kernel's channel axes were not swapped: channel c' of "
            "dA_prev was built with W[:, :, c, c'] instead of W[:, :, c', c], the kernels that carried "
            "channel c' forward to each output channel c.",
            "cig_padded_one_side": "δ was padded on one side only. The full convolution pads k1 − 1 rows "
            "and k2 − 1 columns of zeros on every side: n_H + k1 − 1 rows before the crop.",
            "cig_padded_by_k": "δ was padded with k1 rows and k2 columns on each side; k1 − 1 and k2 − 1 are "
            "right. One more adds a border of two rows and two columns that no window of the forward pass read.",
            "cig_not_cropped": "The layer's padding was not cropped: the full convolution is the gradient of "
            "the padded input, and dA_prev is that with p1 rows and p2 columns removed from each side.",
            "cig_cropped_one_side": "The layer's padding was cropped at the top and the left only; p1 rows "
            "come off the top and the bottom, p2 columns off the left and the right.",
        },
        "section": "chapter 05 (Backward propagation: the convolution layer), equations (5.4) and (5.8)",
        "summary": "from the hand example to batches with channels and padding as a pair",
    },
    zh={
        "mistakes": {
            "cig_not_turned": (
                "填充后的 δ 直接与 W 做了互相关；全卷积 δ * W 要与旋转 180° 后的卷积核 W[::-1, ::-1] 做互相关。"
            ),
            "cig_channels_not_swapped": (
                "没有交换卷积核的两个通道轴：dA_prev 的通道 c' 用的是 W[:, :,"
                " c, c']，而不是 W[:, :, c', c]，即前向传播时把通道 c' "
                "送往各个输出通道 c 的那些卷积核。"
            ),
            "cig_padded_one_side": (
                "δ 只在一侧补了零。全卷积要在四边都补零（上下各 k1 − 1 行，左右各 k2"
                " − 1 列），裁剪之前结果有 n_H + k1 − 1 行。"
            ),
            "cig_padded_by_k": (
                "δ 在每一侧填充了 k1 行和 k2 列；应为 k1 − 1 行和 k2 − 1"
                " 列。多填的一圈使结果多出两行两列，这些位置前向传播时没有任何窗口读过。"
            ),
            "cig_not_cropped": (
                "没有裁去本层的填充：全卷积得到的是填充后输入的梯度，dA_prev 要从中上下各裁去 p1 行、左右各裁去 p2 列。"
            ),
            "cig_cropped_one_side": "本层的填充只从上边和左边裁去了；应当上下各裁去 p1 行，左右各裁去 p2 列。",
        },
        "section": "第 5 章（反向传播：卷积层）的式 (5.4) 和式 (5.8)",
        "summary": "从手算的例子到带多个通道、填充为二元组的批量",
        "labels": {
            "the hand example: a 2x2 delta, a 2x2 kernel": "手算的例子：2×2 的 δ，2×2 卷积核",
            "one channel, a 3x3 delta, a 2x3 kernel": "单个通道，3×3 的 δ，2×3 卷积核",
            "two channels in and two out, a 2x2 kernel": "两个输入通道、两个输出通道，2×2 卷积核",
            "layer padding 1, a 3x3 kernel": "本层填充 1，3×3 卷积核",
            "layer padding 2, a 5x5 kernel, two channels": "本层填充 2，5×5 卷积核，两个通道",
            "layer padding (1, 0), a 3x2 kernel, 3 channels in, 2 out": "本层填充 (1, 0)，3×2 卷积核，"
            "3 个输入通道、2 个输出通道",
            "a batch of 3, a 1x1 kernel mixing 4 channels into 2": "批量为 3，1×1 卷积核把 4 个通道混合成 2 个",
            "a batch of 2, layer padding (0, 2), a 2x5 kernel": "批量为 2，本层填充 (0, 2)，2×5 卷积核",
            "float delta and kernel, a batch of 2, 3 channels in, 4 out, padding 1": "浮点的 δ 和卷积核，"
            "批量为 2，3 个输入通道、4 个输出通道，填充 1",
            "float delta and kernel, padding (2, 1), a 5x3 kernel": "浮点的 δ 和卷积核，填充 (2, 1)，5×3 卷积核",
        },
    },
)
