"""Animations and an interactive explorer for the book, drawn from cnnlib's own arrays.

Each animation is a list of *states* (``frames_*``: plain dicts of arrays that
cnnlib computed, testable without matplotlib) drawn one per frame with
:func:`cnnlib.plotting.draw_array`. :func:`html` turns an :class:`Animation`
into a small JavaScript player with every frame embedded: it plays in the
static book, offline, and in a trusted Jupyter notebook (no ffmpeg, no video).
Its frames scale with the text column, its buttons are big enough for a
thumb, and where the panels side by side would be too small to read on a
phone, a second set of frames stacks them (:func:`cnnlib.figures.narrow`).
The interactive explorer is in :mod:`cnnlib.explore`.
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import io
import json

import numpy as np

from .conv import conv_backward, conv_forward
from .correlate import rot180
from .i18n import words
from .plotting import COLORS, draw_array, panels
from .pool import pool_forward
from .shapes import as_pair, pad

__all__ = ["Animation", "backward_conv", "frames_backward_conv", "frames_pooling", "frames_sliding_window", "html",
           "pooling", "sliding_window"]  # fmt: skip

RED, BLUE, GREEN = COLORS[0], COLORS[1], COLORS[2]


_4d = lambda X: np.asarray(X)[
    None, :, :, None
]  # (h, w) -> (1, h, w, 1): one example, one channel
_num = lambda x: f"({x:g})" if x < 0 else f"{x:g}"


def _positions(n_H, n_W, stride, k1, k2):
    """Output cells in row-major order with their windows ``(row, col, k1, k2)`` in the padded input."""
    return [
        ((i, j), (i * stride[0], j * stride[1], k1, k2))
        for i in range(n_H)
        for j in range(n_W)
    ]


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
        raise ValueError(
            f"mode must be 'correlate' or 'convolve', got {mode!r}"
        )
    kernel = np.asarray(K) if mode == "correlate" else rot180(K)
    (k1, k2), stride = kernel.shape, as_pair(stride, "stride", minimum=1)
    padding = (
        (0 if mode == "correlate" else (k1 - 1, k2 - 1))
        if padding is None
        else padding
    )
    I_pad = pad(_4d(I), padding)[0, :, :, 0]
    out = conv_forward(
        _4d(I),
        kernel[:, :, None, None],
        np.zeros(1, dtype=kernel.dtype),
        stride,
        padding,
    )[0, :, :, 0]
    states = []
    for t, ((i, j), (r, c, _, _)) in enumerate(
        _positions(*out.shape, stride, k1, k2)
    ):
        win = I_pad[r : r + k1, c : c + k2]
        assert np.sum(win * kernel) == out[i, j], (
            "window sum disagrees with conv_forward"
        )
        terms = " + ".join(
            f"{_num(a)}·{_num(b)}" for a, b in zip(win.flat, kernel.flat)
        )
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
    stride, states = (
        (size if stride is None else as_pair(stride, "stride", minimum=1)),
        [],
    )
    for t, ((i, j), (r, c, k1, k2)) in enumerate(
        _positions(*out.shape, stride, *size)
    ):
        win = A[r : r + k1, c : c + k2]
        u, v = np.unravel_index(np.argmax(win), win.shape)
        argmax = (r + int(u), c + int(v)) if mode == "max" else None
        vals = ", ".join(f"{v:g}" for v in win.flat)
        terms = (
            f"max({vals}) = {out[i, j]:g}"
            if mode == "max"
            else f"mean({vals}) = {out[i, j]:.3g}"
        )
        states.append(
            dict(
                pos=(i, j),
                window=(r, c, k1, k2),
                shown=_partial(out, t),
                argmax=argmax,
                terms=terms,
            )
        )
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
    W, dZ, (p1, p2) = (
        np.asarray(W),
        np.asarray(dZ),
        as_pair(padding, "padding", minimum=0),
    )
    A_pad, W4, states = pad(_4d(A_prev), (p1, p2)), W[:, :, None, None], []
    for t, ((i, j), (r, c, k1, k2)) in enumerate(
        _positions(
            *dZ.shape, as_pair(stride, "stride", minimum=1), *W.shape
        )
    ):
        dZ_t = np.where(np.arange(dZ.size).reshape(dZ.shape) <= t, dZ, 0)
        dA_pad, dW, _ = conv_backward(_4d(dZ_t), A_pad, W4, stride, 0)
        win, d, a = (
            f"[{r}:{r + k1}, {c}:{c + k2}]",
            _num(dZ[i, j]),
            "A_pad" if p1 or p2 else "A_prev",
        )
        states.append(dict(pos=(i, j), window=(r, c, k1, k2), A_pad=A_pad[0, :, :, 0], dA_pad=dA_pad[0, :, :, 0],
                           dW=dW[:, :, 0, 0], terms=f"δ[{i},{j}] = {dZ[i, j]:g}:  d{a}{win} += {d}·W,  "
                           f"dW += {d}·{a}{win}"))  # fmt: skip
    dA_prev, dW, _ = conv_backward(
        _4d(dZ), _4d(A_prev), W4, stride, (p1, p2)
    )
    h, w = dA_prev.shape[1:3]
    assert np.allclose(
        states[-1]["dA_pad"][p1 : p1 + h, p2 : p2 + w], dA_prev[0, :, :, 0]
    ), "dA_prev differs"
    assert np.allclose(states[-1]["dW"], dW[:, :, 0, 0]), "dW differs"
    return states


def _figure(arrays, cell=0.42, caption=1):
    """Side-by-side axes sized so that every array's cells come out the same size.

    Returns ``(fig, axes, fit)``: ``fit(ax, X, w)`` sets the limits of the panel showing ``X`` (``w`` cells
    wide). ``fit.own_rows = True`` makes each panel as tall as its own array instead of the tallest one, for
    panels stacked one below the other.
    """
    widths = [
        max(np.shape(X)[1], 3) for X in arrays
    ]  # at least 3 cells wide, room for the title
    height = (
        cell * max(np.shape(X)[0] for X in arrays) + 0.4 + 0.25 * caption
    )
    fig, axes = panels(len(arrays), width=cell * sum(widths) / len(arrays) + 0.45, height=height,
                       gridspec_kw={"width_ratios": widths})  # fmt: skip
    fig.subplots_adjust(
        left=0.02,
        right=0.98,
        bottom=(0.05 + 0.25 * caption) / height,
        top=1 - 0.35 / height,
    )
    rows = max(np.shape(X)[0] for X in arrays)

    def fit(ax, X, w):
        ax.set_xlim(
            (np.shape(X)[1] - w) / 2 - 0.1, (np.shape(X)[1] + w) / 2 + 0.1
        )
        ax.set_ylim(
            (np.shape(X)[0] if fit.own_rows else rows) + 0.1, -0.1
        )  # same cell size in every panel

    fit.own_rows = False
    return fig, axes, fit


class Animation:
    """An animation: ``len(states)`` frames, frame ``t`` drawn on ``fig`` by ``draw(t)``; :func:`html` plays it."""

    def __init__(
        self, fig, draw, n_frames, interval, caption_text, alt, fit=None
    ):
        self.fig, self.draw, self.n_frames, self.interval, self.fit = (
            fig,
            draw,
            n_frames,
            interval,
            fit,
        )
        self.caption_text = caption_text  # the figure text under the panels, rewritten each frame
        self.alt = (
            alt  # what the animation shows, for a reader who cannot see it
        )
        self.narrow = False  # drawn in the phone layout

    def __len__(self):
        return self.n_frames


def _animation(states, panels_of, interval, alt):
    """An :class:`Animation` drawing ``panels_of(state)``, a list of ``(array, draw_array kwargs)``, per frame."""
    arrays = [X for X, _ in panels_of(states[0])]
    fig, axes, fit = _figure(arrays)
    caption = fig.text(0.5, 0.04, "", ha="center", fontsize=11)
    widths = [max(np.shape(X)[1], 3) for X in arrays]

    def draw(t):
        for ax, (X, kwargs), w in zip(axes, panels_of(states[t]), widths):
            for artist in [
                *ax.patches,
                *ax.texts,
            ]:  # what draw_array drew; cheaper than ax.clear()
                artist.remove()
            fit(draw_array(ax, X, **kwargs), X, w)
        caption.set_text(states[t]["terms"])

    return Animation(fig, draw, len(states), interval, caption, alt, fit)


# The animations' words, one table per language (cnnlib.set_language chooses; see cnnlib.i18n).
WORDS = {
    "en": {
        "input": "input", "padded input": "padded input", "output": "output", "pool": "{mode} pool",
        "so far": "{name} (so far)",
        "slide": "The kernel {turned}sliding over the {padded}input, one output entry per frame, with its sum of "
                 "products written out.",
        "turned": "turned by 180 degrees ", "padded": "padded ",
        "pool caption": "The pooling window moving over the input, one output entry per frame, with its {what} "
                        "written out.",
        "maximum": "maximum", "mean": "mean",
        "backward caption": "One entry of delta per frame sending delta times W back onto the window it read, "
                            "adding into the input gradient, and delta times that window into the weight gradient.",
    },
    "zh": {
        "input": "输入", "padded input": "填充后的输入", "output": "输出", "pool": "{mode} 池化",
        "so far": "{name}（累计）",
        "slide": "{turned}卷积核在{padded}输入上滑动，每帧得到一个输出元素，并写出它的乘积之和。",
        "turned": "旋转 180° 后的", "padded": "填充后的",
        "pool caption": "池化窗口在输入上移动，每帧得到一个输出元素，并写出它的{what}。",
        "maximum": "最大值", "mean": "平均值",
        "backward caption": "每帧取 δ 的一个元素：δ 乘以 W 送回它读过的窗口，累加进输入的梯度；δ 乘以该窗口累加进权重的梯度。",
    },
}  # fmt: skip


def sliding_window(
    I, K, mode="correlate", stride=1, padding=None, interval=800
):
    """Animate the window sliding over ``I`` (see :func:`frames_sliding_window`); returns an :class:`Animation`."""
    w = words(WORDS)
    states = frames_sliding_window(I, K, mode, stride, padding)
    p = [
        (a - b) // 2 for a, b in zip(states[0]["I_pad"].shape, np.shape(I))
    ]
    return _animation(states, lambda s: [
        (s["I_pad"], dict(title=w["padded input"] if max(p) else w["input"], padding=p, windows=[(*s["window"], RED)])),
        (s["kernel"], dict(title="K" if mode == "correlate" else "rot180(K)")),
        (s["shown"], dict(title=w["output"], windows=[(*s["pos"], 1, 1, RED)]))], interval,
        w["slide"].format(turned=w["turned"] if mode == "convolve" else "", padded=w["padded"] if max(p) else ""))  # fmt: skip


def pooling(A, size, stride=None, mode="max", interval=800):
    """Animate max or average pooling of ``A`` (see :func:`frames_pooling`); returns an :class:`Animation`."""
    w = words(WORDS)
    return _animation(frames_pooling(A, size, stride, mode), lambda s: [
        (A, dict(title=w["input"], windows=[(*s["window"], RED)] + ([(*s["argmax"], 1, 1, BLUE)] if s["argmax"] else []))),
        (s["shown"], dict(title=w["pool"].format(mode=mode), fmt="{:.3g}", windows=[(*s["pos"], 1, 1, RED)]))], interval,
        w["pool caption"].format(what=w["maximum"] if mode == "max" else w["mean"]))  # fmt: skip


def backward_conv(A_prev, W, dZ, stride=1, padding=0, interval=900):
    """Animate δ flowing back to the input and the weights (see :func:`frames_backward_conv`)."""
    w = words(WORDS)
    p, k = as_pair(padding, "padding", minimum=0), np.shape(W)
    return _animation(frames_backward_conv(A_prev, W, dZ, stride, padding), lambda s: [
        (dZ, dict(title="δ = dZ", windows=[(*s["pos"], 1, 1, RED)])),
        (W, dict(title="W", windows=[(0, 0, *k, BLUE)])),
        (s["A_pad"], dict(title="A_pad" if max(p) else "A_prev", padding=p, windows=[(*s["window"], GREEN)])),
        (s["dA_pad"], dict(title=w["so far"].format(name="dA_pad" if max(p) else "dA_prev"), padding=p,
                           windows=[(*s["window"], BLUE)])),
        (s["dW"], dict(title=w["so far"].format(name="dW"), windows=[(0, 0, *k, GREEN)]))], interval,
        w["backward caption"])  # fmt: skip


# The player's words: button names for screen readers and tooltips.
CONTROLS = {
    "en": {"first": "First frame", "previous": "Previous frame", "play": "Play", "pause": "Pause",
           "next": "Next frame", "last": "Last frame", "frame": "Frame"},
    "zh": {"first": "第一帧", "previous": "上一帧", "play": "播放", "pause": "暂停",
           "next": "下一帧", "last": "最后一帧", "frame": "帧"},
}  # fmt: skip


def _png(fig, dpi):
    """``fig`` as a PNG with at most 64 colours: the grids are flat colours, and the frame is a third the size."""
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    image = (
        Image.open(io.BytesIO(buf.getvalue()))
        .convert("RGB")
        .quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    )
    out = io.BytesIO()
    image.save(out, format="png", optimize=True)
    return out.getvalue()


def _frames(anim, dpi):
    """Every frame of ``anim`` as PNG bytes, and the CSS size in px at 96 px per inch."""
    from .figures import _wrap

    frames = []
    width_in = anim.fig.get_size_inches()[0]
    for t in range(anim.n_frames):
        anim.draw(t)
        if anim.narrow:
            _wrap(anim.caption_text, width_in - 0.1)
        frames.append(_png(anim.fig, dpi))
    w, h = anim.fig.get_size_inches()
    return frames, (round(w * 96), round(h * 96))


def _player_script(uid):
    """The player's code (``player.js``, next to this module), run for the player with id ``uid``."""
    from importlib.resources import files

    code = files("cnnlib").joinpath("player.js").read_text(encoding="utf-8")
    return f"<script>{code.strip()}({json.dumps(uid)});</script>"


def html(anim, lang=None, dpi=144, alt=None):
    """A JavaScript player for ``anim`` with every frame embedded, as an HTML string; closes its figure.

    Show it with ``IPython.display.HTML(html(anim))``. The frames are PNG at ``dpi`` shown at 96 px per
    inch (sharp on high-density screens), scaled down with the text column. When the panels side by side
    are wider than a phone's column, a second set of frames stacks them, and the player shows that set on
    screens up to :data:`cnnlib.figures.BREAKPOINT` px. The same frames give the same bytes (the player's
    id is a hash of them), so notebook outputs are stable.
    """
    import matplotlib.pyplot as plt

    from .figures import BREAKPOINT, PHONE_IN, narrow

    controls = words(CONTROLS, lang)
    wide, wide_size = _frames(anim, dpi)
    data = {"wide": {"frames": [base64.b64encode(f).decode("ascii") for f in wide], "size": wide_size},
            "interval": anim.interval, "breakpoint": BREAKPOINT, "words": controls}  # fmt: skip
    if anim.fig.get_size_inches()[0] > PHONE_IN:
        if anim.fit is not None:
            anim.fit.own_rows = (
                True  # stacked, each panel only as tall as its array
            )
        anim.draw(0)
        narrow(anim.fig)
        anim.narrow = True
        phone, phone_size = _frames(anim, dpi)
        data["narrow"] = {
            "frames": [base64.b64encode(f).decode("ascii") for f in phone],
            "size": phone_size,
        }
    plt.close(anim.fig)
    uid = (
        "cnn-anim-"
        + hashlib.sha1(
            json.dumps(data, sort_keys=True).encode()
        ).hexdigest()[:16]
    )
    # symbols that common fonts (DejaVu, Noto, the system UI fonts) all carry
    symbols = {
        "first": "\u21e4",
        "previous": "\u2039",
        "play": "\u25b6",
        "next": "\u203a",
        "last": "\u21e5",
    }
    buttons = "".join(
        f'<button type="button" data-act="{act}" aria-label="{_html.escape(controls[act])}" '
        f'title="{_html.escape(controls[act])}">{symbol}</button>'
        for act, symbol in symbols.items()
    )
    first = data["wide"]
    label = _html.escape(alt or anim.alt)
    return (
        f'<div class="cnn-anim" id="{uid}">'
        f'<img src="data:image/png;base64,{first["frames"][0]}" width="{first["size"][0]}" height="{first["size"][1]}" '
        f'alt="{label}">'
        f'<div class="cnn-anim-controls">{buttons}'
        f'<input type="range" min="0" max="{anim.n_frames - 1}" value="0" step="1" '
        f'aria-label="{_html.escape(controls["frame"])}"><output>1 / {anim.n_frames}</output></div>'
        f'<script type="application/json">{json.dumps(data)}</script>'
        f"{_player_script(uid)}</div>"
    )
