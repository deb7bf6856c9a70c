"""Chapter 10: the backward pass of a dilated convolution layer.

``dilated_conv_backward(dZ, A_prev, W, stride=1, padding=0, dilation=1)`` returns ``(dA_prev, dW, db)``:
``w(u, v)`` met the padded input at ``(i*s1 + u*d1, j*s2 + v*d2)`` in output ``(i, j)``, so ``dW`` reads the
input with the kernel's holes (equation (10.7)) and ``δ(i, j)·w(u, v)`` goes back to the same pixel
(equation (10.8)); ``db`` sums ``dZ``.
"""

from __future__ import annotations

import numpy as np

from ... import reference
from . import Exercise, ints, pair


def _out(n, k, p, s, d):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def _layer(rng, m, h, w, c_prev, c, k1, k2, floats=False, **conf):
    """``(dZ, A_prev, W)`` of a layer with ``conf``, dZ of the shape its output has."""
    (s1, s2), (p1, p2), (d1, d2) = (pair(conf.get(key, 1 if key != "padding" else 0))
                                    for key in ("stride", "padding", "dilation"))  # fmt: skip
    shape = (m, _out(h, k1, p1, s1, d1), _out(w, k2, p2, s2, d2), c)
    if floats:
        return (
            rng.standard_normal(shape),
            rng.standard_normal((m, h, w, c_prev)),
            rng.standard_normal((k1, k2, c_prev, c)),
        )
    return (
        ints(rng, shape),
        ints(rng, (m, h, w, c_prev)),
        ints(rng, (k1, k2, c_prev, c)),
    )


def cases(rng):
    specs = [
        ("an ordinary layer: dilation 1", (1, 3, 3, 1, 1, 2, 2), {}),
        ("dilation 1 with stride 2 and padding 1, two channels", (1, 4, 4, 2, 2, 2, 2), {"stride": 2, "padding": 1}),
        ("dilation 2 along one row", (1, 1, 7, 1, 1, 1, 3), {"dilation": (1, 2)}),
        ("dilation 2, a 3x3 kernel on a 6x6 input", (1, 6, 6, 1, 1, 3, 3), {"dilation": 2}),
        ("dilation 3 and padding 3 on a 5x5 input", (1, 5, 5, 1, 1, 3, 3), {"padding": 3, "dilation": 3}),
        ("dilation (2, 1), two channels in and out", (1, 6, 5, 2, 2, 2, 3), {"dilation": (2, 1)}),
        ("dilation 2, stride 2, a leftover row, two filters", (1, 8, 7, 1, 2, 3, 3), {"stride": 2, "dilation": 2}),
        ("a batch of 2, 3 channels in, 2 out, stride (2, 1), padding (1, 2), dilation (2, 3)",
         (2, 8, 6, 3, 2, 3, 2), {"stride": (2, 1), "padding": (1, 2), "dilation": (2, 3)}),
    ]  # fmt: skip
    out = [
        (label, _layer(rng, *shape, **conf), conf)
        for label, shape, conf in specs
    ]
    out.append(
        (
            "float inputs, a batch of 2, dilation 2, padding 2",
            _layer(
                rng, 2, 5, 5, 2, 3, 3, 3, floats=True, padding=2, dilation=2
            ),
            {"padding": 2, "dilation": 2},
        )
    )
    conf = {"stride": 2, "padding": (2, 1), "dilation": (3, 2)}
    out.append(("float inputs, stride 2, padding (2, 1), dilation (3, 2), a leftover row and column",
                _layer(rng, 1, 10, 8, 2, 2, 3, 3, floats=True, **conf), conf))  # fmt: skip
    return out


def answer(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    return reference.conv_backward(dZ, A_prev, W, stride, padding, dilation)


def _scatter(
    dZ, A_prev, W, stride, padding, start_dA, gap_dA, start_dW, gap_dW
):
    """The backward pass as a scatter, output ``(i, j)``'s window starting at ``(i*start[0], j*start[1])``
    with its taps ``gap`` apart, for dA_prev and dW each; ``None`` where a window leaves the padded input."""
    dZ, A_prev, W = np.asarray(dZ), np.asarray(A_prev), np.asarray(W)
    (p1, p2), (k1, k2) = pair(padding), W.shape[:2]
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    n_H, n_W = dZ.shape[1:3]
    for (a1, a2), (g1, g2) in ((start_dA, gap_dA), (start_dW, gap_dW)):
        if (n_H - 1) * a1 + (k1 - 1) * g1 >= A_pad.shape[1] or (
            n_W - 1
        ) * a2 + (k2 - 1) * g2 >= A_pad.shape[2]:
            return None
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e, i, j, c in np.ndindex(dZ.shape):
        rows = slice(
            i * start_dA[0],
            i * start_dA[0] + gap_dA[0] * (k1 - 1) + 1,
            gap_dA[0],
        )
        cols = slice(
            j * start_dA[1],
            j * start_dA[1] + gap_dA[1] * (k2 - 1) + 1,
            gap_dA[1],
        )
        dA_pad[e, rows, cols, :] += dZ[e, i, j, c] * W[:, :, :, c]
        rows = slice(
            i * start_dW[0],
            i * start_dW[0] + gap_dW[0] * (k1 - 1) + 1,
            gap_dW[0],
        )
        cols = slice(
            j * start_dW[1],
            j * start_dW[1] + gap_dW[1] * (k2 - 1) + 1,
            gap_dW[1],
        )
        dW[:, :, :, c] += dZ[e, i, j, c] * A_pad[e, rows, cols, :]
    h, w = A_prev.shape[1:3]
    return (
        dA_pad[:, p1 : p1 + h, p2 : p2 + w, :],
        dW,
        dZ.sum(axis=(0, 1, 2)),
    )


def dA_without_dilation(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    s = pair(stride)
    return _scatter(
        dZ, A_prev, W, stride, padding, s, (1, 1), s, pair(dilation)
    )


def dW_without_dilation(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    s = pair(stride)
    return _scatter(
        dZ, A_prev, W, stride, padding, s, pair(dilation), s, (1, 1)
    )


def dilation_in_the_stride(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    (s1, s2), (d1, d2) = pair(stride), pair(dilation)
    return _scatter(
        dZ,
        A_prev,
        W,
        stride,
        padding,
        (s1 * d1, s2 * d2),
        (1, 1),
        (s1 * d1, s2 * d2),
        (1, 1),
    )


def taps_d_plus_one_apart(dZ, A_prev, W, stride=1, padding=0, dilation=1):
    """Taps ``d + 1`` apart, as a scatter by slices does it: a window cut short by the end of the padded
    input cannot take the kernel, and numpy refuses (the first such window raises)."""
    dZ, A_prev, W = np.asarray(dZ), np.asarray(A_prev), np.asarray(W)
    (s1, s2), (p1, p2), (k1, k2) = pair(stride), pair(padding), W.shape[:2]
    g1, g2 = (d + 1 for d in pair(dilation))
    A_pad = np.pad(A_prev, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    dA_pad = np.zeros(A_pad.shape, dtype=np.result_type(dZ, W))
    dW = np.zeros(W.shape, dtype=np.result_type(dZ, A_prev))
    for e, i, j, c in np.ndindex(dZ.shape):
        rows = slice(i * s1, i * s1 + g1 * (k1 - 1) + 1, g1)
        cols = slice(j * s2, j * s2 + g2 * (k2 - 1) + 1, g2)
        dA_pad[e, rows, cols, :] += dZ[e, i, j, c] * W[:, :, :, c]
        dW[:, :, :, c] += dZ[e, i, j, c] * A_pad[e, rows, cols, :]
    h, w = A_prev.shape[1:3]
    return (
        dA_pad[:, p1 : p1 + h, p2 : p2 + w, :],
        dW,
        dZ.sum(axis=(0, 1, 2)),
    )


def outputs_counted_without_dilation(
    dZ, A_prev, W, stride=1, padding=0, dilation=1
):
    """The loops run over ``(n + 2p − k)/s + 1`` outputs, and past the end of ``dZ`` when the dilation is
    more than 1: the IndexError of the first entry read past it."""
    dZ, A_prev, W = np.asarray(dZ), np.asarray(A_prev), np.asarray(W)
    (s1, s2), (p1, p2) = pair(stride), pair(padding)
    m, h, w, _ = A_prev.shape
    k1, k2, _, n_C = W.shape
    n_H, n_W = (h + 2 * p1 - k1) // s1 + 1, (w + 2 * p2 - k2) // s2 + 1
    for e, i, j, c in np.ndindex(m, n_H, n_W, n_C):
        _ = dZ[e, i, j, c]  # raises where the loop leaves dZ
    return answer(dZ, A_prev, W, stride, padding, dilation)


SPEC = Exercise(
    name="dilated_conv_backward",
    chapter="10_dilated_convolution",
    arg_names=("dZ", "A_prev", "W"),
    answer=answer,
    cases=cases,
    parts=("dA_prev", "dW", "db"),
    equations=("eq-dil-dw", "eq-dil-da"),
    mistakes={
        "dcb_dA_without_dilation": dA_without_dilation,
        "dcb_dW_without_dilation": dW_without_dilation,
        "dcb_dilation_in_the_stride": dilation_in_the_stride,
        "dcb_taps_d_plus_one_apart": taps_d_plus_one_apart,
        "dcb_outputs_without_dilation": outputs_counted_without_dilation,
    },
    en={
        "mistakes": {
            "dcb_dA_without_dilation": "dA_prev was computed as if the dilation were 1: δ(i, j)·W went back "
            "onto k1 × k2 neighbouring pixels. The taps are d apart, so δ(i, j)·w(u, v) goes to the padded "
            "pixel (i·s1 + u·d1, j·s2 + v·d2).",
            "dcb_dW_without_dilation": "dW was computed as if the dilation were 1, from k1 × k2 neighbouring "
            "inputs of each window. w(u, v) met the padded input at (i·s1 + u·d1, j·s2 + v·d2): dW reads the "
            "input with the kernel's holes.",
            "dcb_dilation_in_the_stride": "The dilation went into the stride instead of the taps: the windows "
            "started s·d apart and read k1 × k2 neighbouring pixels. A window starts s after the previous one, "
            "and its taps are d apart.",
            "dcb_taps_d_plus_one_apart": "The taps were d + 1 apart, with d holes between them, so even "
            "dilation 1 left a hole. Dilation d puts the taps d apart, with d − 1 holes: dilation 1 is an "
            "ordinary kernel.",
            "dcb_outputs_without_dilation": "The loops ran over (n + 2p − k)/s + 1 outputs, a count without "
            "dilation, and past the end of dZ. The dilated kernel spans d(k − 1) + 1 inputs, which leaves "
            "(n + 2p − d(k − 1) − 1)/s + 1 outputs: dZ's own shape.",
        },
        "section": "chapter 10 (Dilated convolution), equations (10.7) and (10.8)",
        "summary": "from an ordinary layer to a batch with stride, padding and dilation as pairs",
    },
    zh={
        "mistakes": {
            "dcb_dA_without_dilation": (
                "计算 dA_prev 时当作空洞率为 1：δ(i, j)·W 被送回 k1 × "
                "k2 个相邻像素。抽头彼此相隔 d，所以 δ(i, j)·w(u, v) 应送到"
                "填充后的像素 (i·s1 + u·d1, j·s2 + v·d2)。"
            ),
            "dcb_dW_without_dilation": (
                "计算 dW 时当作空洞率为 1，用的是每个窗口中 k1 × k2 个相邻的输入。"
                "w(u, v) 乘的是填充后输入在 (i·s1 + u·d1, j·s2 + v"
                "·d2) 处的值：dW 要带着卷积核的空洞读取输入。"
            ),
            "dcb_dilation_in_the_stride": (
                "空洞率被乘进了步幅，而没有作用在抽头上：窗口的起点相隔 s·d，每个窗口读取 k"
                "1 × k2 个相邻像素。应当是相邻窗口的起点相隔 s，窗口内的抽头相隔 d。"
            ),
            "dcb_taps_d_plus_one_apart": (
                "抽头相隔 d + 1，中间留了 d 个空洞，于是空洞率为 1 时也留了空洞。空洞"
                "率为 d 时抽头相隔 d，中间只有 d − 1 个空洞：空洞率 1 就是普通的卷"
                "积核。"
            ),
            "dcb_outputs_without_dilation": (
                "循环遍历了 (n + 2p − k)/s + 1 个输出，这是不计空洞的个数，于"
                "是越过了 dZ 的末端。空洞卷积核跨越 d(k − 1) + 1 个输入，输出个"
                "数为 (n + 2p − d(k − 1) − 1)/s + 1，也就是 dZ "
                "本身的形状。"
            ),
        },
        "section": "第 10 章（空洞卷积）的式 (10.7) 和式 (10.8)",
        "summary": "从普通的卷积层到步幅、填充和空洞率都是二元组的批量",
        "labels": {
            "an ordinary layer: dilation 1": "普通的卷积层：空洞率 1",
            "dilation 1 with stride 2 and padding 1, two channels": "空洞率 1，步幅 2，填充 1，两个通道",
            "dilation 2 along one row": "沿一行的空洞率 2",
            "dilation 2, a 3x3 kernel on a 6x6 input": "空洞率 2，6×6 输入上的 3×3 卷积核",
            "dilation 3 and padding 3 on a 5x5 input": "5×5 输入，空洞率 3，填充 3",
            "dilation (2, 1), two channels in and out": "空洞率 (2, 1)，两个输入通道、两个输出通道",
            "dilation 2, stride 2, a leftover row, two filters": "空洞率 2，步幅 2，有一行剩余行，两个卷积核",
            "a batch of 2, 3 channels in, 2 out, stride (2, 1), padding (1, 2), dilation (2, 3)": "批量为 2，"
            "3 个输入通道、2 个输出通道，步幅 (2, 1)，填充 (1, 2)，空洞率 (2, 3)",
            "float inputs, a batch of 2, dilation 2, padding 2": "浮点输入，批量为 2，空洞率 2，填充 2",
            "float inputs, stride 2, padding (2, 1), dilation (3, 2), a leftover row and column": "浮点输入，"
            "步幅 2，填充 (2, 1)，空洞率 (3, 2)，各剩余一行一列",
        },
    },
)
