"""An interactive explorer for the book: sliders for the sizes, boxes for a δ.

In JupyterLab the widgets redraw their figures; in a non-interactive run
(nbconvert, nbval, the static book) the same cell shows the static figures.
"""

from __future__ import annotations

import io

import numpy as np

from .animate import _4d, _figure
from .conv import conv_backward
from .plotting import COLORS, draw_array
from .shapes import output_size, pad

__all__ = ["explorer", "static_backward_figure", "static_explorer_figure"]


def static_explorer_figure(n=5, f=3, p=1, s=2):
    """An ``n x n`` input padded by ``p``, the ``f x f`` windows of stride ``s`` along its top
    row and left column outlined, the output grid, and ``output_size(n, f, p, s)`` worked out."""
    n_out = output_size(n, f, p, s)
    I_pad = pad(_4d(np.arange(1, n * n + 1).reshape(n, n)), p)[0, :, :, 0]
    starts = sorted({(0, j) for j in range(n_out)} | {(i, 0) for i in range(n_out)})
    colors = [COLORS[k % len(COLORS)] for k in range(len(starts))]
    labels = np.array([[f"{i},{j}" for j in range(n_out)] for i in range(n_out)], dtype=object)
    fig, axes, fit = _figure([I_pad, labels], cell=0.34, caption=2)
    draw_array(axes[0], I_pad, title=f"n={n}, p={p}, f={f}, s={s}", padding=p, fontsize=8,
               windows=[(i * s, j * s, f, f, col) for (i, j), col in zip(starts, colors)])  # fmt: skip
    draw_array(axes[1], labels, title=f"output {n_out}×{n_out}", fontsize=8,
               windows=[(i, j, 1, 1, col) for (i, j), col in zip(starts, colors)])  # fmt: skip
    fit(axes[1], labels, max(n_out, 3))
    left = (n + 2 * p - f) % s
    note = f"\nremainder {left}: the last {left} row(s)/column(s) are never read" if left else ""
    fig.text(0.5, 0.02, f"⌊(n+2p−f)/s⌋+1 = ⌊({n}+2·{p}−{f})/{s}⌋+1 = {n_out}{note}", ha="center", fontsize=8)
    return fig


def static_backward_figure(dZ=((1, 0), (0, 0)), A_prev=((1, 2, 0), (0, 1, 3), (2, 1, 1)), W=((1, -1), (2, 0))):
    """δ, ``W``, ``A_prev`` and the ``dA_prev``, ``dW`` that ``conv_backward`` sends back (stride 1)."""
    dZ, A_prev, W = np.asarray(dZ), np.asarray(A_prev), np.asarray(W)
    dA_prev, dW, _ = conv_backward(_4d(dZ), _4d(A_prev), W[:, :, None, None])
    arrays = [dZ, W, A_prev, dA_prev[0, :, :, 0], dW[:, :, 0, 0]]
    fig, axes, fit = _figure(arrays, caption=0)
    for ax, X, title in zip(axes, arrays, ["δ = dZ", "W", "A_prev", "dA_prev", "dW"]):
        fit(draw_array(ax, X, title=title), X, max(np.shape(X)[1], 3))
    return fig


def _png(fig):
    """Render and close ``fig``; an IPython Image (PNG at 144 dpi shown at 120 px per inch, no version stamp)."""
    import matplotlib.pyplot as plt
    from IPython.display import Image

    buf = io.BytesIO()
    width = round(float(fig.get_size_inches()[0]) * 120)  # shown at 120 px per inch, drawn at 144
    fig.savefig(buf, format="png", dpi=144, metadata={"Software": None})
    plt.close(fig)
    return Image(data=buf.getvalue(), format="png", width=width)


def explorer(n=5, f=3, p=1, s=2, dZ=((1, 0), (0, 0))):
    """Sliders for ``n, f, p, s`` and boxes for a 2x2 δ, each redrawing its figure; returns None.

    Each figure is an ordinary PNG display updated in place through its display id (no
    ``Output`` widget), so a non-interactive run (nbconvert, nbval, the static book) shows
    the two static figures and the widgets' deterministic text. Without ipywidgets,
    only the static figures are shown.
    """
    from IPython.display import display

    try:
        import ipywidgets as wd
    except ImportError:
        display(_png(static_explorer_figure(n, f, p, s)), _png(static_backward_figure(dZ)))
        return None
    sizes = {k: wd.IntSlider(value=v, min=lo, max=hi, description=k, continuous_update=False)
             for k, v, lo, hi in [("n", n, 2, 8), ("f", f, 1, 5), ("p", p, 0, 3), ("s", s, 1, 4)]}  # fmt: skip
    deltas = [wd.BoundedIntText(value=int(v), min=-9, max=9, layout=wd.Layout(width="4em")) for v in np.ravel(dZ)]

    def redraw_sizes(_=None):
        try:
            first.update(_png(static_explorer_figure(*(w.value for w in sizes.values()))))
        except ValueError as err:
            first.update(f"cannot slide: {err}")

    def redraw_delta(_=None):
        second.update(_png(static_backward_figure(np.reshape([w.value for w in deltas], (2, 2)))))

    for w in sizes.values():
        w.observe(redraw_sizes, names="value")
    for w in deltas:
        w.observe(redraw_delta, names="value")
    display(wd.HBox(list(sizes.values())))
    first = display(_png(static_explorer_figure(n, f, p, s)), display_id=True)
    display(wd.HBox([wd.Label("δ ="), wd.GridBox(deltas, layout=wd.Layout(grid_template_columns="4em 4em"))]))
    second = display(_png(static_backward_figure(dZ)), display_id=True)
    return None
