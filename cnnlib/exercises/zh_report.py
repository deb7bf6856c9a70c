"""The checker's report in Chinese: its fixed phrases, and its problem and fact sentences.

The English sentences are made in one place each (:mod:`.run`, :mod:`.__init__`); here each one has a
pattern and its Chinese form, so that ``check(..., lang="zh")`` says the same thing in Chinese.
"""

from __future__ import annotations

import re

__all__ = ["PHRASES", "translate"]

PHRASES = {
    "passed": "{name}：{n} 个用例全部通过（{summary}）",
    "case": "第 {k} 个用例（共 {n} 个）：{case}",
    "expected": "期望结果：",
    "got": "实际结果：",
    "diagnosis": "诊断：{text}",
    "slip": "（第 07 章第 {entry} 条收录了原文中的这一疏漏。）",
    "several": "这个输出与不止一种已知错误相符：{text}",
    "facts": "没有哪种已知错误会得出这个输出。不同之处：{text}。",
    "formula": "正确的公式见{text}。",
}

# (English pattern, Chinese template) for the problem and fact sentences, tried in order.
_SENTENCES = [
    (
        r"not written yet \(it raises NotImplementedError\): write the function above, then run this cell again",
        "尚未实现（函数抛出了 NotImplementedError）。请先写好上面的函数，再重新运行这个单元格",
    ),
    (
        r"still running after the time limit of (\S+) s, so it was stopped \(an endless loop\?\)",
        r"超过 \1 秒的时间限制仍未结束，已被中止（是不是陷入了死循环？）",
    ),
    (r"raised (\w+): (.*)", r"抛出了 \1：\2"),
    (
        r"changed its input (\w+) in place; a layer must leave its inputs alone",
        r"原地修改了输入 \1；层不应改动自己的输入",
    ),
    (r"returned None \(is the `return` missing\?\)", "返回了 None（是不是漏了 `return`？）"),
    (r"expected a function, got (\w+)", r"应传入一个函数，实际传入的是 \1"),
    (r"returned a (\w+); expected a tuple of (\d+) arrays", r"返回了 \1；应返回由 \2 个数组组成的元组"),
    (r"returned (\d+) values; expected (\d+)", r"返回了 \1 个值；应为 \2 个"),
    (r"returned (.*), a (\w+); a size is a whole number, an int", r"返回了 \1（类型为 \2）；尺寸是整数，应返回 int"),
    (r"returned shape (.*), expected (.*)", r"返回的形状是 \1，应为 \2"),
    (r"returned integers \(dtype (\w+)\) where the result has fractions", r"结果应含有小数，却返回了整数（dtype \1）"),
    (r"returned the right shape but different values", "形状正确，但数值不同"),
    (r"returned an array of booleans \(dtype bool\), not numbers", "返回了布尔数组（dtype bool），而不是数值"),
    (r"returned an array of dtype (\S+), not real numbers", r"返回了 dtype 为 \1 的数组，而不是实数数组"),
    (r"returned an array of (\w+), not numbers", r"返回了元素为 \1 的数组，而不是数值"),
    (r"returned a (\w+) that is not an array", r"返回了一个不是数组的 \1"),
    (r"returned (\S+), expected (\S+)", r"返回了 \1，应为 \2"),
    (r"(\d+) of (\d+) entries differ", r"\2 个元素中有 \1 个不同"),
    (r"only in (examples?|rows?|columns?|channels?) (.*)", None),
    (r"every entry is (\S+) times the expected one", r"每个元素都是期望值的 \1 倍"),
    (r"the total is right, so the values are in the wrong places", "总和正确，说明数值放错了位置"),
    (r"it is the expected array turned by 180°", "它是期望数组旋转 180° 的结果"),
    (r"it is the expected array transposed", "它是期望数组的转置"),
]
_AXES = {"example": "样本", "row": "行", "column": "列", "channel": "通道"}


def translate(sentence):
    """The Chinese form of one of the checker's English sentences (unchanged if it is not one)."""
    prefix = ""
    part = re.match(r"(dA_prev|dW|db): (.*)", sentence)
    if part:
        prefix, sentence = part.group(1) + "：", part.group(2)
    for pattern, template in _SENTENCES:
        m = re.fullmatch(pattern, sentence)
        if not m:
            continue
        if template is None:  # "only in rows 1, 2"
            axis = _AXES[m.group(1).rstrip("s")]
            return f"{prefix}只出现在第 {m.group(2)} {axis}"
        return prefix + m.expand(template)
    return prefix + sentence
