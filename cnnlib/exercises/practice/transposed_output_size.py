"""Chapter 03: the smallest input a convolution maps to a given output size.

``transposed_output_size(n, f, p=0, s=1)``: a convolution with window ``f``, padding ``p`` and stride ``s``
maps every input size from ``(n - 1) s - 2p + f`` to ``(n - 1) s - 2p + f + s - 1`` to ``n`` outputs (the
floor of equation (1.4)); the smallest of them, ``(n - 1) s - 2p + f``, is also the output size of the
transposed convolution that goes back (chapter 11, equation (11.3) with ``d = 1`` and no ``output_padding``).
"""

from __future__ import annotations

from ...shapes import conv_transpose_output_size
from . import Exercise


def cases(rng):
    return [
        ("output 4, f=3: stride 1, no padding", (4, 3), {}),
        ("output 4, f=3, p=1: the size is kept", (4, 3, 1), {}),
        ("output 3, f=3, p=0, s=2", (3, 3, 0, 2), {}),
        (
            "output 4, f=3, p=1, s=2 (inputs 7 and 8 both give 4)",
            (4, 3, 1, 2),
            {},
        ),
        ("output 3, f=1, p=0, s=3 (a 1x1 window, gaps)", (3, 1, 0, 3), {}),
        (
            "output 3, f=2, p=0, s=4 (stride larger than the window)",
            (3, 2, 0, 4),
            {},
        ),
        ("output 1, f=3, p=1, s=2 (one window)", (1, 3, 1, 2), {}),
        ("output 5, f=4, p=2, s=3", (5, 4, 2, 3), {}),
        ("output 6, f=2, p=1, s=3", (6, 2, 1, 3), {}),
    ]


def answer(n, f, p=0, s=1):
    return conv_transpose_output_size(n, f, p, s)


def n_not_minus_one(n, f, p=0, s=1):
    return n * s - 2 * p + f


def padding_added(n, f, p=0, s=1):
    return (n - 1) * s + 2 * p + f


def padding_once(n, f, p=0, s=1):
    return (n - 1) * s - p + f


def largest_input(n, f, p=0, s=1):
    return (n - 1) * s - 2 * p + f + s - 1


def divided_by_s(n, f, p=0, s=1):
    return (n - 1) // s - 2 * p + f


def no_window(n, f, p=0, s=1):
    return (n - 1) * s - 2 * p


def last_row_index(n, f, p=0, s=1):
    return (n - 1) * s - 2 * p + f - 1


SPEC = Exercise(
    name="transposed_output_size",
    chapter="03_conv_forward",
    arg_names=("n", "f", "p", "s"),
    answer=answer,
    cases=cases,
    equations=("eq-notation-size", "eq-tconv-size"),
    mistakes={
        "tsize_n_not_minus_one": n_not_minus_one,
        "tsize_padding_added": padding_added,
        "tsize_padding_once": padding_once,
        "tsize_largest_input": largest_input,
        "tsize_divided_by_s": divided_by_s,
        "tsize_no_window": no_window,
        "tsize_last_row_index": last_row_index,
    },
    en={
        "mistakes": {
            "tsize_n_not_minus_one": "n·s counts one step too many: n windows are n − 1 strides apart, so "
            "the last one starts at (n − 1)s and the input is (n − 1)s + f − 2p.",
            "tsize_padding_added": "The padding is added; the padded input (n − 1)s + f is n_prev + 2p, so "
            "the input itself is 2p smaller: (n − 1)s − 2p + f.",
            "tsize_padding_once": "Only one p is taken off; the padding sits on both sides, so the padded "
            "input is n_prev + 2p and 2p comes off: (n − 1)s − 2p + f.",
            "tsize_largest_input": "This is the largest input that still gives n outputs (one row more and "
            "another window fits); the smallest is s − 1 rows shorter, (n − 1)s − 2p + f, and leaves no row over.",
            "tsize_divided_by_s": "(n − 1) is divided by s; undoing the division of ⌊(n_prev + 2p − f)/s⌋ "
            "multiplies by s: (n − 1)s − 2p + f.",
            "tsize_no_window": "The window is left out: the last window starts at padded row (n − 1)s and "
            "covers f rows, so f is added: (n − 1)s − 2p + f.",
            "tsize_last_row_index": "This is the index of the last row the last window reads, (n − 1)s + f − 1, "
            "minus 2p; the size is one more: (n − 1)s − 2p + f.",
        },
        "section": "chapter 01 (Notation), equation (1.4), solved for the input; the same size is chapter 11 "
        "(Transposed convolution), equation (11.3)",
        "summary": "from stride 1 to strides larger than the window, with padding",
    },
    zh={
        "mistakes": {
            "tsize_n_not_minus_one": (
                "n·s 多算了一步：n 个窗口之间只有 n − 1 个步幅，最后一个窗口从 (n"
                " − 1)s 开始，所以输入是 (n − 1)s + f − 2p。"
            ),
            "tsize_padding_added": (
                "填充被加上了；(n − 1)s + f 是填充后的输入 n_prev + 2p，输入本身要小 2p：(n − 1)s − 2p + f。"
            ),
            "tsize_padding_once": (
                "只减去了一个 p；两侧都有填充，填充后的输入是 n_prev + 2p，所以要减去 2p：(n − 1)s − 2p + f。"
            ),
            "tsize_largest_input": (
                "这是仍能得到 n 个输出的最大输入（再多一行就能多放下一个窗口）；最小的输入比它"
                "少 s − 1 行，即 (n − 1)s − 2p + f，不留剩余的行。"
            ),
            "tsize_divided_by_s": (
                "(n − 1) 被除以了 s；要还原 ⌊(n_prev + 2p − f)/s⌋ 中的除法，应当乘以 s：(n − 1)s − 2p + f。"
            ),
            "tsize_no_window": (
                "漏掉了窗口：最后一个窗口从填充后的第 (n − 1)s 行开始，覆盖 f 行，所以要加上 f：(n − 1)s − 2p + f。"
            ),
            "tsize_last_row_index": (
                "这是最后一个窗口读到的最后一行的下标 (n − 1)s + f − 1 再减去 2p；尺寸比它多 1：(n − 1)s − 2p + f。"
            ),
        },
        "section": (
            "第 1 章（符号约定）的式 (1.4)，反解出输入尺寸；这个尺寸也就是第 11 章（转置卷积）的式 (11.3)"
        ),
        "summary": "从步幅 1 到大于窗口的步幅，以及带填充的情形",
        "labels": {
            "output 4, f=3: stride 1, no padding": "输出 4，f=3：步幅 1，无填充",
            "output 4, f=3, p=1: the size is kept": "输出 4，f=3, p=1：尺寸保持不变",
            "output 3, f=3, p=0, s=2": "输出 3，f=3, p=0, s=2",
            "output 4, f=3, p=1, s=2 (inputs 7 and 8 both give 4)": "输出 4，f=3, p=1, s=2（输入 7 和 8 都得到 4）",
            "output 3, f=1, p=0, s=3 (a 1x1 window, gaps)": "输出 3，f=1, p=0, s=3（1×1 窗口，窗口之间有间隙）",
            "output 3, f=2, p=0, s=4 (stride larger than the window)": "输出 3，f=2, p=0, s=4（步幅大于窗口）",
            "output 1, f=3, p=1, s=2 (one window)": "输出 1，f=3, p=1, s=2（只有一个窗口）",
            "output 5, f=4, p=2, s=3": "输出 5，f=4, p=2, s=3",
            "output 6, f=2, p=1, s=3": "输出 6，f=2, p=1, s=3",
        },
    },
)
