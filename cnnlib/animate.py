"""Animations and an interactive explorer for the book, drawn from cnnlib's own arrays.

Each animation is a list of *states* (``frames_*``: plain dicts of arrays that
cnnlib computed, testable without matplotlib) drawn one per frame with
:func:`cnnlib.plotting.draw_array`. :func:`html` turns an animation into a
JavaScript player that plays in the static book (no ffmpeg, no video).
The interactive explorer is in :mod:`cnnlib.explore`.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

import numpy as np

from .conv import conv_backward, conv_forward
from .correlate import rot180
from .plotting import COLORS, draw_array, panels
from .pool import pool_forward
from .shapes import as_pair, pad

__all__ = ["backward_conv", "frames_backward_conv", "frames_pooling", "frames_sliding_window", "html", "pooling",
           "sliding_window"]  # fmt: skip

RED, BLUE, GREEN = COLORS[0], COLORS[1], COLORS[2]


_4d = lambda X: np.asarray(X)[None, :, :, None]  # (h, w) -> (1, h, w, 1): one example, one channel
_num = lambda x: f"({x:g})" if x < 0 else f"{x:g}"


def _positions(n_H, n_W, stride, k1, k2):
    """Output cells in row-major order with their windows ``(row, col, k1, k2)`` in the padded input."""
    return [((i, j), (i * stride[0], j * stride[1], k1, k2)) for i in range(n_H) for j in range(n_W)]


def _partial(full, t):
    """``full`` with only its first ``t + 1`` cells (row-major) kept, the rest blank."""
    part = np.full(full.shape, "", dtype=object)
    part.flat[: t + 1] = full.flat[: t + 1]
    return part


def frames_sliding_window(I, K, mode="correlate", stride=1, padding=None):
    """States of the sliding-window animation, one per output cell.

    Parameters
    ----------
    I : ndarray, shape (h, w)
    K : ndarray, shape (k1, k2)
    mode : {"correlate", "convolve"}
        ``"convolve"`` slides ``rot180(K)`` instead of ``K``.
    stride, padding : int or (int, int)
        ``padding=None``: 0 to correlate, ``k - 1`` ('full') to convolve, so that the last
        state shows ``correlate2d(I, K)`` or ``convolve2d(I, K)``.

    Returns
    -------
    list of dict
        ``pos`` (i, j); ``window`` (row, col, k1, k2) in ``I_pad``; ``kernel`` (the one that
        slides); ``shown`` (``conv_forward``'s output, cells not reached yet blank); ``terms``.
    """
    if mode not in ("correlate", "convolve"):
        raise ValueError(f"mode must be 'correlate' or 'convolve', got {mode!r}")
    kernel = np.asarray(K) if mode == "correlate" else rot180(K)
    (k1, k2), stride = kernel.shape, as_pair(stride, "stride", minimum=1)
    padding = (0 if mode == "correlate" else (k1 - 1, k2 - 1)) if padding is None else padding
    I_pad = pad(_4d(I), padding)[0, :, :, 0]
    out = conv_forward(_4d(I), kernel[:, :, None, None], np.zeros(1, dtype=kernel.dtype), stride, padding)[0, :, :, 0]
    states = []
    for t, ((i, j), (r, c, _, _)) in enumerate(_positions(*out.shape, stride, k1, k2)):
        win = I_pad[r : r + k1, c : c + k2]
        assert np.sum(win * kernel) == out[i, j], "window sum disagrees with conv_forward"
        terms = " + ".join(f"{_num(a)}·{_num(b)}" for a, b in zip(win.flat, kernel.flat))
        states.append(dict(pos=(i, j), window=(r, c, k1, k2), I_pad=I_pad, kernel=kernel, shown=_partial(out, t),
                           terms=f"out[{i},{j}] = {terms} = {out[i, j]:g}"))  # fmt: skip
    return states


def frames_pooling(A, size, stride=None, mode="max"):
    """States of the pooling animation, one per output cell.

    Parameters
    ----------
    A : ndarray, shape (h, w)
    size, stride : int or (int, int)
        As for :func:`cnnlib.pool_forward`; ``stride`` defaults to ``size``.
    mode : {"max", "avg"}

    Returns
    -------
    list of dict
        As :func:`frames_sliding_window` (``shown`` from ``pool_forward``), and ``argmax``: the
        window's first maximum (row-major, as ``pool_backward`` takes it), ``None`` for "avg".
    """
    A, size = np.asarray(A), as_pair(size, "size", minimum=1)
    out = pool_forward(_4d(A), size, stride, mode)[0, :, :, 0]
    stride, states = (size if stride is None else as_pair(stride, "stride", minimum=1)), []
    for t, ((i, j), (r, c, k1, k2)) in enumerate(_positions(*out.shape, stride, *size)):
        win = A[r : r + k1, c : c + k2]
        u, v = np.unravel_index(np.argmax(win), win.shape)
        argmax = (r + int(u), c + int(v)) if mode == "max" else None
        vals = ", ".join(f"{v:g}" for v in win.flat)
        terms = f"max({vals}) = {out[i, j]:g}" if mode == "max" else f"mean({vals}) = {out[i, j]:.3g}"
        states.append(dict(pos=(i, j), window=(r, c, k1, k2), shown=_partial(out, t), argmax=argmax, terms=terms))
    return states


def frames_backward_conv(A_prev, W, dZ, stride=1, padding=0):
    """States of the backward animation: the gradients after each δ has been sent back.

    State ``t`` is ``conv_backward`` of ``dZ`` with only its first ``t + 1`` entries
    (row-major) kept: by linearity, the running sum of each δ's contribution. It is
    computed on the padded input, so contributions that land on the padding show.

    Parameters
    ----------
    A_prev : ndarray, shape (h, w)
    W : ndarray, shape (k1, k2)
    dZ : ndarray, shape (n_H, n_W)
    stride, padding : int or (int, int)

    Returns
    -------
    list of dict
        ``pos``, ``window``, ``A_pad``, ``dA_pad`` (the gradient of ``A_pad``), ``dW``, ``terms``.
        The last ``dA_pad`` without its padding, and ``dW``, are ``conv_backward``'s results.
    """
    W, dZ, (p1, p2) = np.asarray(W), np.asarray(dZ), as_pair(padding, "padding", minimum=0)
    A_pad, W4, states = pad(_4d(A_prev), (p1, p2)), W[:, :, None, None], []
    for t, ((i, j), (r, c, k1, k2)) in enumerate(_positions(*dZ.shape, as_pair(stride, "stride", minimum=1), *W.shape)):
        dZ_t = np.where(np.arange(dZ.size).reshape(dZ.shape) <= t, dZ, 0)
        dA_pad, dW, _ = conv_backward(_4d(dZ_t), A_pad, W4, stride, 0)
        win, d, a = f"[{r}:{r + k1}, {c}:{c + k2}]", _num(dZ[i, j]), "A_pad" if p1 or p2 else "A_prev"
        states.append(dict(pos=(i, j), window=(r, c, k1, k2), A_pad=A_pad[0, :, :, 0], dA_pad=dA_pad[0, :, :, 0],
                           dW=dW[:, :, 0, 0], terms=f"δ[{i},{j}] = {dZ[i, j]:g}:  d{a}{win} += {d}·W,  "
                           f"dW += {d}·{a}{win}"))  # fmt: skip
    dA_prev, dW, _ = conv_backward(_4d(dZ), _4d(A_prev), W4, stride, (p1, p2))
    h, w = dA_prev.shape[1:3]
    assert np.allclose(states[-1]["dA_pad"][p1 : p1 + h, p2 : p2 + w], dA_prev[0, :, :, 0]), "dA_prev differs"
    assert np.allclose(states[-1]["dW"], dW[:, :, 0, 0]), "dW differs"
    return states


def _figure(arrays, cell=0.42, caption=1):
    """Side-by-side axes sized so that every array's cells come out the same size."""
    widths = [max(np.shape(X)[1], 3) for X in arrays]  # at least 3 cells wide, room for the title
    height = cell * max(np.shape(X)[0] for X in arrays) + 0.4 + 0.2 * caption
    fig, axes = panels(len(arrays), width=cell * sum(widths) / len(arrays) + 0.45, height=height,
                       gridspec_kw={"width_ratios": widths})  # fmt: skip
    fig.subplots_adjust(left=0.02, right=0.98, bottom=(0.05 + 0.2 * caption) / height, top=1 - 0.35 / height)
    rows = max(np.shape(X)[0] for X in arrays)
    return fig, axes, lambda ax, X, w: (ax.set_xlim((np.shape(X)[1] - w) / 2 - 0.1, (np.shape(X)[1] + w) / 2 + 0.1),
                                        ax.set_ylim(rows + 0.1, -0.1))  # same cell size in every panel  # fmt: skip


def _animation(states, panels_of, interval):
    """A FuncAnimation drawing ``panels_of(state)``, a list of ``(array, draw_array kwargs)``, per frame."""
    from matplotlib.animation import FuncAnimation

    arrays = [X for X, _ in panels_of(states[0])]
    fig, axes, fit = _figure(arrays)

    def draw(t):
        for ax, (X, kwargs), w in zip(axes, panels_of(states[t]), [max(np.shape(X)[1], 3) for X in arrays]):
            for artist in [*ax.patches, *ax.texts]:  # what draw_array drew; cheaper than ax.clear()
                artist.remove()
            fit(draw_array(ax, X, **kwargs), X, w)
        for text in list(fig.texts):
            text.remove()
        fig.text(0.5, 0.04, states[t]["terms"], ha="center", fontsize=9)

    return FuncAnimation(fig, draw, frames=len(states), init_func=lambda: draw(0), interval=interval, repeat=False)


def sliding_window(I, K, mode="correlate", stride=1, padding=None, interval=800):
    """Animate the window sliding over ``I`` (see :func:`frames_sliding_window`); returns a FuncAnimation."""
    states = frames_sliding_window(I, K, mode, stride, padding)
    p = [(a - b) // 2 for a, b in zip(states[0]["I_pad"].shape, np.shape(I))]
    return _animation(states, lambda s: [
        (s["I_pad"], dict(title="padded input" if max(p) else "input", padding=p, windows=[(*s["window"], RED)])),
        (s["kernel"], dict(title="K" if mode == "correlate" else "rot180(K)")),
        (s["shown"], dict(title="output", windows=[(*s["pos"], 1, 1, RED)]))], interval)  # fmt: skip


def pooling(A, size, stride=None, mode="max", interval=800):
    """Animate max or average pooling of ``A`` (see :func:`frames_pooling`); returns a FuncAnimation."""
    return _animation(frames_pooling(A, size, stride, mode), lambda s: [
        (A, dict(title="input", windows=[(*s["window"], RED)] + ([(*s["argmax"], 1, 1, BLUE)] if s["argmax"] else []))),
        (s["shown"], dict(title=f"{mode} pool", fmt="{:.3g}", windows=[(*s["pos"], 1, 1, RED)]))], interval)  # fmt: skip


def backward_conv(A_prev, W, dZ, stride=1, padding=0, interval=900):
    """Animate δ flowing back to the input and the weights (see :func:`frames_backward_conv`)."""
    p, k = as_pair(padding, "padding", minimum=0), np.shape(W)
    return _animation(frames_backward_conv(A_prev, W, dZ, stride, padding), lambda s: [
        (dZ, dict(title="δ = dZ", windows=[(*s["pos"], 1, 1, RED)])),
        (W, dict(title="W", windows=[(0, 0, *k, BLUE)])),
        (s["A_pad"], dict(title="A_pad" if max(p) else "A_prev", padding=p, windows=[(*s["window"], GREEN)])),
        (s["dA_pad"], dict(title=("dA_pad" if max(p) else "dA_prev") + " (so far)", padding=p, windows=[(*s["window"], BLUE)])),
        (s["dW"], dict(title="dW (so far)", windows=[(0, 0, *k, GREEN)]))], interval)  # fmt: skip


def html(anim, default_mode="once", dpi=72, fps=None):
    """A JavaScript player for ``anim`` with every frame embedded, as an HTML string.

    Show it with ``IPython.display.HTML(html(anim))``. The figure is closed, so no static
    copy is displayed. matplotlib gives each player a random id; it is replaced by a
    hash of the frames, so the same frames give byte-identical HTML (nbval-friendly).
    """
    import matplotlib.pyplot as plt
    from matplotlib.animation import HTMLWriter

    fps = fps or 1000 / anim._interval
    # Saving, matplotlib draws each frame twice: once for a screen (draw_idle) and once into the PNG.
    # There is no screen here, so only the second; the frames come out the same, in half the time.
    anim._fig.canvas.draw_idle = lambda *args, **kwargs: None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "anim.html")
        anim.save(path, writer=HTMLWriter(fps=fps, embed_frames=True, default_mode=default_mode), dpi=dpi,
                  savefig_kwargs={"metadata": {"Software": None}})  # fmt: skip
        text = path.read_text()
    plt.close(anim._fig)
    uid = re.search(r'id="_anim_img(\w+)"', text).group(1)
    digest = hashlib.sha1(text.replace(uid, "").encode()).hexdigest()[:16]
    return _offline(text.replace(uid, digest))


# The player's buttons are Font Awesome icons from a CDN; plain symbols work offline.
# Glyphs from blocks that common fonts (DejaVu, Noto, system UI fonts) all carry.
_ICONS = {"minus": "−", "fast-backward": "⇤", "step-backward": "‹", "play fa-flip-horizontal": "◀",
          "pause": "❚❚", "play": "▶", "step-forward": "›", "fast-forward": "⇥", "plus": "+"}  # fmt: skip


def _offline(text):
    """Drop the player's remote stylesheet and draw its buttons with Unicode symbols."""
    text = re.sub(r"<link[^>]*font-awesome[^>]*>", "", text)
    return re.sub(r'<i class="fa fa-([\w -]+)"></i>', lambda m: _ICONS.get(m.group(1), "?"), text)
