"""An interactive explorer for the book: sliders for the sizes, boxes for a δ.

In JupyterLab the widgets redraw their figures; in a non-interactive run
(nbconvert, nbval, the static book) the same cell shows the static figures.
"""

from __future__ import annotations

import numpy as np

from .animate import _4d, _figure
from .conv import conv_backward
from .i18n import words
from .plotting import COLORS, draw_array
from .shapes import output_size, pad

__all__ = ["explorer", "static_backward_figure", "static_explorer_figure"]


# The explorer's words, one table per language (cnnlib.set_language chooses; see cnnlib.i18n).
WORDS = {
    "en": {
        "output": "output {n}×{n}",
        "remainder": "remainder {left}: the last {left} row(s)/column(s) are never read",
        "windows caption": "The {f} × {f} windows of stride {s} along the top row and the left column of an "
                           "{n} × {n} input padded by {p} (grey), the output entry each one produces, and the output size.",
        "windows alt": "A padded grid of the numbers 1 to {nn} with coloured windows; the output grid with cells in the "
                       "same colours; below, the output-size formula worked out.",
        "backward caption": "δ sent back through a 3 × 3 input and a 2 × 2 kernel at stride 1: the input gradient "
                            "dA_prev and the weight gradient dW that conv_backward returns.",
        "backward alt": "Five small grids of numbers: delta, W, A_prev, dA_prev and dW.",
        "cannot slide": "cannot slide: {err}",
    },
    "zh": {
        "output": "输出 {n}×{n}",
        "remainder": "余数 {left}：最后 {left} 行/列从未被读取",
        "windows caption": "{n} × {n} 的输入填充 {p}（灰色）后，步幅为 {s} 的 {f} × {f} 窗口沿首行和首列排开，"
                           "每个窗口产生的输出元素，以及输出尺寸。",
        "windows alt": "数字 1 到 {nn} 组成的填充网格，上面画着彩色窗口；输出网格中的格子用相同的颜色标出；"
                       "下方是输出尺寸公式的计算过程。",
        "backward caption": "δ 经过 3 × 3 的输入和 2 × 2 的卷积核（步幅 1）反向传回：conv_backward 返回的输入梯度 "
                            "dA_prev 和权重梯度 dW。",
        "backward alt": "五个小的数字网格：δ、W、A_prev、dA_prev 和 dW。",
        "cannot slide": "无法滑动：{err}",
    },
}  # fmt: skip


def static_explorer_figure(n=5, f=3, p=1, s=2):
    """An ``n x n`` input padded by ``p``, the ``f x f`` windows of stride ``s`` along its top
    row and left column outlined, the output grid, and ``output_size(n, f, p, s)`` worked out."""
    n_out = output_size(n, f, p, s)
    I_pad = pad(_4d(np.arange(1, n * n + 1).reshape(n, n)), p)[0, :, :, 0]
    starts = sorted(
        {(0, j) for j in range(n_out)} | {(i, 0) for i in range(n_out)}
    )
    colors = [COLORS[k % len(COLORS)] for k in range(len(starts))]
    labels = np.array(
        [[f"{i},{j}" for j in range(n_out)] for i in range(n_out)],
        dtype=object,
    )
    fig, axes, fit = _figure([I_pad, labels], cell=0.34, caption=2)
    draw_array(axes[0], I_pad, title=f"n={n}, p={p}, f={f}, s={s}", padding=p, fontsize=8,
               windows=[(i * s, j * s, f, f, col) for (i, j), col in zip(starts, colors)])  # fmt: skip
    w = words(WORDS)
    draw_array(axes[1], labels, title=w["output"].format(n=n_out), fontsize=8,
               windows=[(i, j, 1, 1, col) for (i, j), col in zip(starts, colors)])  # fmt: skip
    fit(axes[1], labels, max(n_out, 3))
    left = (n + 2 * p - f) % s
    note = "\n" + w["remainder"].format(left=left) if left else ""
    fig.text(
        0.5,
        0.02,
        f"⌊(n+2p−f)/s⌋+1 = ⌊({n}+2·{p}−{f})/{s}⌋+1 = {n_out}{note}",
        ha="center",
        fontsize=8,
    )
    return fig


def static_backward_figure(
    dZ=((1, 0), (0, 0)),
    A_prev=((1, 2, 0), (0, 1, 3), (2, 1, 1)),
    W=((1, -1), (2, 0)),
):
    """δ, ``W``, ``A_prev`` and the ``dA_prev``, ``dW`` that ``conv_backward`` sends back (stride 1)."""
    dZ, A_prev, W = np.asarray(dZ), np.asarray(A_prev), np.asarray(W)
    dA_prev, dW, _ = conv_backward(
        _4d(dZ), _4d(A_prev), W[:, :, None, None]
    )
    arrays = [dZ, W, A_prev, dA_prev[0, :, :, 0], dW[:, :, 0, 0]]
    # five panels at 0.32 inch a cell: about 680 px wide, the width of the book's column
    fig, axes, fit = _figure(arrays, cell=0.32, caption=0)
    for ax, X, title in zip(
        axes, arrays, ["δ = dZ", "W", "A_prev", "dA_prev", "dW"]
    ):
        fit(draw_array(ax, X, title=title), X, max(np.shape(X)[1], 3))
    return fig


def _figure_of(fig, which, values):
    """Close ``fig`` and return it as a :class:`cnnlib.figures.Figure` (SVG, a phone layout, caption, alt text)."""
    import matplotlib.pyplot as plt

    from .figures import figure

    w = words(WORDS)
    if which == "windows":
        n, f, p, s = values
        caption = w["windows caption"].format(n=n, f=f, p=p, s=s)
        alt = w["windows alt"].format(nn=n * n)
    else:
        caption, alt = w["backward caption"], w["backward alt"]
    shown = figure(fig, caption, alt)
    plt.close(fig)
    return shown


def explorer(n=5, f=3, p=1, s=2, dZ=((1, 0), (0, 0))):
    """Sliders for ``n, f, p, s`` and boxes for a 2x2 δ, each redrawing its figure; returns None.

    Each figure is an ordinary figure display (:mod:`cnnlib.figures`) updated in place through its display id (no
    ``Output`` widget), so a non-interactive run (nbconvert, nbval, the static book) shows
    the two static figures and the widgets' deterministic text. Without ipywidgets,
    only the static figures are shown.
    """
    from IPython.display import display

    try:
        import ipywidgets as wd
    except ImportError:
        display(_figure_of(static_explorer_figure(n, f, p, s), "windows", (n, f, p, s)),
                _figure_of(static_backward_figure(dZ), "backward", dZ))  # fmt: skip
        return None
    sizes = {k: wd.IntSlider(value=v, min=lo, max=hi, description=k, continuous_update=False)
             for k, v, lo, hi in [("n", n, 2, 8), ("f", f, 1, 5), ("p", p, 0, 3), ("s", s, 1, 4)]}  # fmt: skip
    deltas = [
        wd.BoundedIntText(
            value=int(v), min=-9, max=9, layout=wd.Layout(width="4em")
        )
        for v in np.ravel(dZ)
    ]

    def redraw_sizes(_=None):
        try:
            values = [w.value for w in sizes.values()]
            first.update(
                _figure_of(
                    static_explorer_figure(*values), "windows", values
                )
            )
        except ValueError as err:
            first.update(words(WORDS)["cannot slide"].format(err=err))

    def redraw_delta(_=None):
        dZ_now = np.reshape([w.value for w in deltas], (2, 2))
        second.update(
            _figure_of(static_backward_figure(dZ_now), "backward", dZ_now)
        )

    for w in sizes.values():
        w.observe(redraw_sizes, names="value")
    for w in deltas:
        w.observe(redraw_delta, names="value")
    display(wd.HBox(list(sizes.values())))
    first = display(
        _figure_of(
            static_explorer_figure(n, f, p, s), "windows", (n, f, p, s)
        ),
        display_id=True,
    )
    display(
        wd.HBox(
            [
                wd.Label("δ ="),
                wd.GridBox(
                    deltas,
                    layout=wd.Layout(grid_template_columns="4em 4em"),
                ),
            ]
        )
    )
    second = display(
        _figure_of(static_backward_figure(dZ), "backward", dZ),
        display_id=True,
    )
    return None
