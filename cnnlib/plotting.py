"""Figures for the book, drawn from cnnlib's own arrays with matplotlib.

Two primitives cover most pictures of this book: :func:`draw_array` (a small
matrix as a grid of numbered cells, with padding shaded and windows outlined)
and :func:`arrow` (an arrow from one panel to another). Chapters compose them.
"""

from __future__ import annotations

import numpy as np

__all__ = ["COLORS", "arrow", "draw_array", "panels"]

COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]
PAD_COLOR = "#e8e8e8"


def panels(n, width=2.6, height=2.6, **kwargs):
    """A figure with ``n`` side-by-side axes, each about ``width`` x ``height`` inches."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(
        1, n, figsize=(width * n, height), squeeze=False, **kwargs
    )
    return fig, list(axes[0])


def _fmt(value, fmt):
    if isinstance(value, str):
        return value
    try:
        return fmt.format(value)
    except (TypeError, ValueError):
        return str(value)


def draw_array(
    ax,
    A,
    *,
    title=None,
    padding=0,
    windows=(),
    shade=None,
    fmt="{:g}",
    fontsize=10,
    cmap=None,
):
    """Draw a 2-D array as a grid of cells holding its values.

    Parameters
    ----------
    ax : matplotlib Axes
    A : array-like, shape (h, w)
        Values to write in the cells (numbers, or strings such as symbol names).
    title : str, optional
    padding : int or (int, int)
        Width of a border of ``A`` to shade grey: the zero padding.
    windows : iterable of (row, col, height, width) or (row, col, height, width, color)
        Rectangles to outline, e.g. the kernel's current window.
    shade : ndarray of float in [0, 1], shape (h, w), optional
        Cell background intensity (a heat map under the numbers), drawn with ``cmap``.
    fmt : str
        Format for numeric values.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    A = np.asarray(A, dtype=object)
    h, w = A.shape
    p1, p2 = (padding, padding) if np.isscalar(padding) else padding
    colormap = plt.get_cmap(cmap or "Blues")
    for r in range(h):
        for c in range(w):
            in_pad = r < p1 or r >= h - p1 or c < p2 or c >= w - p2
            face = PAD_COLOR if in_pad else "white"
            if shade is not None and not in_pad:
                face = colormap(0.15 + 0.6 * float(shade[r, c]))
            ax.add_patch(
                Rectangle(
                    (c, r),
                    1,
                    1,
                    facecolor=face,
                    edgecolor="#888888",
                    linewidth=0.8,
                )
            )
            ax.text(
                c + 0.5,
                r + 0.5,
                _fmt(A[r, c], fmt),
                ha="center",
                va="center",
                fontsize=fontsize,
            )
    for k, win in enumerate(windows):
        r, c, hh, ww, *color = win
        edge = color[0] if color else COLORS[k % len(COLORS)]
        ax.add_patch(
            Rectangle(
                (c, r), ww, hh, fill=False, edgecolor=edge, linewidth=2.5
            )
        )
    ax.set_xlim(-0.1, w + 0.1)
    ax.set_ylim(h + 0.1, -0.1)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=fontsize + 1)
    return ax


def arrow(fig, ax_from, xy_from, ax_to, xy_to, color="#444444", text=None):
    """An arrow from data point ``xy_from`` of ``ax_from`` to ``xy_to`` of ``ax_to``."""
    from matplotlib.patches import ConnectionPatch

    con = ConnectionPatch(
        xyA=xy_from,
        coordsA=ax_from.transData,
        xyB=xy_to,
        coordsB=ax_to.transData,
        arrowstyle="->",
        color=color,
        lw=1.5,
    )
    con.cnnlib_axes = (
        ax_from,
        ax_to,
    )  # for cnnlib.figures.narrow, which redraws it when the panels stack
    fig.add_artist(con)
    if text:
        ax_to.annotate(
            text,
            xy_to,
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            color=color,
        )
    return con
