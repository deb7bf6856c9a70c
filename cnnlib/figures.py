"""A matplotlib figure as the book shows it: SVG with its words as text, a layout for phones, a caption, alt text.

:func:`show` displays a figure as HTML: ``<figure>`` holding a ``<picture>``
whose image is the figure as drawn (the *wide* layout) and, for screens up to
``BREAKPOINT`` px wide, the same axes stacked for a 390-px phone (the *narrow*
layout, :func:`narrow`), then a ``<figcaption>``. Both images are SVG with the
text kept as text (``svg.fonttype = "none"``), so a reader can select it, a
test can read every label's size, and the Chinese edition's words need only a
CJK font. In JupyterLab, Colab and VS Code the ``<picture>`` is reduced to its
wide image, which all of them show, trusted or not. The book numbers the
captions ("Figure 5.2") when it is built.

The narrow layout keeps every piece of text at least ``MIN_PT`` points and is
at most ``PHONE_IN`` inches wide, so on the phone it is shown at its natural
size and no label is smaller than 9 CSS px.
"""

from __future__ import annotations

import base64
import html
import io
import math
import re

import numpy as np

__all__ = ["BREAKPOINT", "Figure", "narrow", "show", "svg"]

BREAKPOINT = 599  # px: the narrow layout up to this viewport width (a phone, portrait or landscape)
PHONE_IN = 3.7  # in: a 390-px phone's text column (358 CSS px) at 96 CSS px per inch
MIN_PT = 7.0  # pt: 9.3 CSS px at natural size
_GAP_IN = 0.12  # between axes in the narrow layout


def svg(fig):
    """``fig`` as SVG text: words as text, the same bytes for the same drawing (no date, fixed ids)."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "cnnlib"}):
        fig.savefig(
            buf,
            format="svg",
            bbox_inches="tight",
            pad_inches=0.04,
            metadata={"Date": None},
        )
    return buf.getvalue()


def _width_in(svg_text):
    import re

    return (
        float(
            re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg_text).group(1)
        )
        / 72
    )


def _renderer(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _visible_length(word):
    """About how many characters wide ``word`` is drawn: mathtext's commands and braces take no room."""
    import re

    if "$" not in word:
        return len(word)
    return len(
        re.sub(r"\\[a-zA-Z]+", "x", word).translate(
            str.maketrans("", "", "${}^_")
        )
    )


_OPEN, _CLOSE = "（“‘《【〔", "，。：；！？、）”’》】〕…"
_CJK = "\u2e80-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(
    rf"\s+|[{_OPEN}]*\$[^$]*\$[{_CLOSE}]*|[{_OPEN}]*[{_CJK}][{_CLOSE}]*"
    rf"|[{_OPEN}]*[^\s${_CJK}{_OPEN}{_CLOSE}]+[{_CLOSE}]*|[{_OPEN}{_CLOSE}]+"
)


def _units(token):
    """How wide ``token`` is drawn, in Latin characters: a Chinese character or full-width mark takes about two."""
    wide = sum(
        1
        for ch in token
        if re.match(rf"[{_CJK}{_OPEN}{_CLOSE}\uff00-\uffef]", ch)
    )
    return _visible_length(token) + 0.8 * wide


def _wrap(text_artist, width_in):
    """Break a title or caption into lines that fit ``width_in`` inches (about 0.55 em per Latin character,
    1 em per Chinese one): between words, or between Chinese characters, never inside $…$ maths, and never
    before a closing mark such as ，or ）."""
    text = text_artist.get_text()
    if not text:
        return
    per_line = max(
        8, int(width_in * 72 / (0.55 * text_artist.get_fontsize()))
    )
    lines = []
    for part in text.split("\n"):
        line, used, space = "", 0.0, False
        for token in _TOKEN.findall(part):
            if token.isspace():
                space = bool(line)
                continue
            n = _units(token)
            if line and used + space + n > per_line:
                lines.append(line)
                line, used, space = "", 0.0, False
            line += (" " if space else "") + token
            used += n + space
            space = False
        lines.append(line)
    text_artist.set_text("\n".join(lines))


def _row_and_column(ax):
    """Where a reader meets ``ax`` in the wide figure: its grid row and column. A panel spanning several rows
    is read with its first row when it stands at the left (an input), with its last when further right (a
    result the rows lead to). Axes placed by hand go by their position."""
    spec = ax.get_subplotspec() if hasattr(ax, "get_subplotspec") else None
    if spec is None:
        box = ax.get_position()
        return (-round(box.y1, 1), box.x0)
    rows, cols = spec.rowspan, spec.colspan
    return (rows.start if cols.start == 0 else rows.stop - 1, cols.start)


def _crop_to_content(ax, margin=0.1):
    """An equal-aspect panel whose view was widened beyond what it draws (to give panels side by side one cell
    size) is cropped to its content, keeping the cell size; stacked on a phone, the padding is only blank.
    Returns the factors by which its width and height shrink."""
    if (
        ax.get_aspect() != 1.0
        or not np.isfinite(ax.dataLim.get_points()).all()
        or ax.dataLim.width <= 0
        or ax.dataLim.height <= 0
    ):
        return 1.0, 1.0
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    d = ax.dataLim
    new_x = (
        (d.x0 - margin, d.x1 + margin)
        if x0 < x1
        else (d.x1 + margin, d.x0 - margin)
    )
    new_y = (
        (d.y0 - margin, d.y1 + margin)
        if y0 < y1
        else (d.y1 + margin, d.y0 - margin)
    )
    fx = abs(new_x[1] - new_x[0]) / abs(x1 - x0)
    fy = abs(new_y[1] - new_y[0]) / abs(y1 - y0)
    if fx >= 0.97 and fy >= 0.97:
        return 1.0, 1.0
    fx, fy = min(fx, 1.0), min(fy, 1.0)
    if fx < 1.0:
        ax.set_xlim(*new_x)
    if fy < 1.0:
        ax.set_ylim(*new_y)
    return fx, fy


def narrow(fig, width_in=PHONE_IN):
    """Rearrange ``fig`` in place for a phone: its axes in reading order, each row of the figure kept together
    and wrapped, scaled to ``width_in`` inches when wider; every text at least ``MIN_PT``; arrows drawn by
    :func:`cnnlib.plotting.arrow` between panels that end up one below the other are left out. Returns ``fig``."""
    from matplotlib.patches import ConnectionPatch
    from matplotlib.text import Text

    for t in fig.findobj(Text):
        if t.get_text() and t.get_fontsize() < MIN_PT:
            t.set_fontsize(MIN_PT)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    renderer = _renderer(fig)
    dpi = fig.dpi
    shrink = {ax: _crop_to_content(ax) for ax in axes}
    # decorations (titles, tick labels) around each axes, in inches, and the axes' own size
    boxes = {}
    for ax in axes:
        inner = ax.get_window_extent(renderer)
        w, h = (
            inner.width / dpi * shrink[ax][0],
            inner.height / dpi * shrink[ax][1],
        )
        scale = min(1.0, (width_in - 0.15) / max(w, 1e-9))
        if ax.title.get_text():
            _wrap(ax.title, max(w * scale, 1.2))
        boxes[ax] = (w * scale, h * scale)
    renderer = _renderer(fig)
    extra = {}
    for ax in axes:
        inner, outer = (
            ax.get_window_extent(renderer),
            ax.get_tightbbox(renderer),
        )
        extra[ax] = [max(0.0, v) / dpi for v in (inner.x0 - outer.x0, outer.x1 - inner.x1, inner.y0 - outer.y0,
                                                 outer.y1 - inner.y1)]  # fmt: skip
    # rows of the wide figure, in reading order (see _row_and_column), each kept together
    order = sorted(axes, key=_row_and_column)
    groups = []
    for ax in order:
        if (
            groups
            and _row_and_column(groups[-1][0])[0] == _row_and_column(ax)[0]
        ):
            groups[-1].append(ax)
        else:
            groups.append([ax])
    # wrap each group into rows that fit the width
    rows = []
    for group in groups:
        row, used = [], 0.0
        for ax in group:
            need = boxes[ax][0] + extra[ax][0] + extra[ax][1]
            if row and used + _GAP_IN + need > width_in:
                rows.append(row)
                row, used = [], 0.0
            row.append(ax)
            used += need + (_GAP_IN if len(row) > 1 else 0)
        rows.append(row)
    # figure-level texts (suptitle, captions drawn with fig.text) go below the panels, wrapped
    fig_texts = [t for t in fig.texts if t.get_text()]
    for t in fig_texts:
        _wrap(t, width_in - 0.1)
    heights = [
        max(boxes[ax][1] + extra[ax][2] + extra[ax][3] for ax in row)
        for row in rows
    ]
    text_h = sum(
        (t.get_fontsize() / 72) * 1.35 * (t.get_text().count("\n") + 1)
        + 0.08
        for t in fig_texts
    )
    total_h = sum(heights) + _GAP_IN * (len(rows) - 1) + text_h + 0.1
    fig.set_size_inches(width_in, total_h)
    top = total_h
    for row, row_h in zip(rows, heights):
        widths = [boxes[ax][0] + extra[ax][0] + extra[ax][1] for ax in row]
        x = max(
            0.0, (width_in - sum(widths) - _GAP_IN * (len(row) - 1)) / 2
        )
        for ax, wd in zip(row, widths):
            w, h = boxes[ax]
            left, bottom = x + extra[ax][0], top - extra[ax][3] - h
            ax.set_position(
                [
                    left / width_in,
                    bottom / total_h,
                    w / width_in,
                    h / total_h,
                ]
            )
            x += wd + _GAP_IN
        top -= row_h + _GAP_IN
    y = top + _GAP_IN - 0.05
    for t in fig_texts:
        lines = t.get_text().count("\n") + 1
        t.set_position((0.5, y / total_h))
        t.set_horizontalalignment("center")
        t.set_verticalalignment("top")
        y -= (t.get_fontsize() / 72) * 1.35 * lines + 0.08
    # arrows between panels that now sit one below the other would cross the titles; the order of the stack
    # says the same
    for con in [
        a
        for a in fig.artists
        if isinstance(a, ConnectionPatch) and hasattr(a, "cnnlib_axes")
    ]:
        ax_from, ax_to = con.cnnlib_axes
        if ax_to.get_position().y1 <= ax_from.get_position().y0 + 1e-6:
            con.remove()
    return fig


class Figure:
    """A figure ready to display: wide and narrow SVG, caption and alt text (see :func:`show`)."""

    def __init__(self, wide, narrow_svg, caption, alt):
        self.wide, self.narrow, self.caption, self.alt = (
            wide,
            narrow_svg,
            caption,
            alt,
        )

    @staticmethod
    def _uri(svg_text):
        return "data:image/svg+xml;base64," + base64.b64encode(
            svg_text.encode("utf-8")
        ).decode("ascii")

    @staticmethod
    def _size(svg_text):
        """``width="…" height="…"`` in CSS px (96 per inch), for the browser to reserve the space."""
        import re

        w, h = (
            float(v) * 4 / 3
            for v in re.search(
                r'width="([\d.]+)pt" height="([\d.]+)pt"', svg_text
            ).groups()
        )
        return f'width="{math.ceil(w)}" height="{math.ceil(h)}"'

    def _repr_html_(self):
        source = ""
        if self.narrow:
            source = f'<source media="(max-width: {BREAKPOINT}px)" srcset="{self._uri(self.narrow)}" {self._size(self.narrow)}>'
        return (
            f'<figure class="cnn-figure"><picture>{source}<img src="{self._uri(self.wide)}" '
            f'alt="{html.escape(self.alt)}" {self._size(self.wide)}></picture>'
            f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
        )

    def __repr__(self):
        return f"<Figure: {self.caption}>"


def show(fig, caption, alt, *, layout=None):
    """Display ``fig`` with ``caption`` and ``alt`` text for every screen, and close it.

    ``layout`` draws the narrow (phone) version itself, as a function ``layout(fig)`` that rearranges
    ``fig`` in place; by default :func:`narrow` stacks the axes. A figure that already fits a phone
    (at most ``PHONE_IN`` inches wide, no text under ``MIN_PT``) is shown as it is on every screen.
    """
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(figure(fig, caption, alt, layout=layout))
    plt.close(fig)


def figure(fig, caption, alt, *, layout=None):
    """The :class:`Figure` that :func:`show` displays (``fig`` is left open)."""
    from matplotlib.text import Text

    wide = svg(fig)
    small = any(
        t.get_text() and t.get_fontsize() < MIN_PT
        for t in fig.findobj(Text)
    )
    if _width_in(wide) <= PHONE_IN and not small:
        return Figure(wide, None, caption, alt)
    (layout or narrow)(fig)
    phone = svg(fig)
    for _ in range(
        3
    ):  # tight bounding boxes can come out a little wider than planned: shrink until it fits
        if _width_in(phone) <= PHONE_IN + 0.01:
            break
        factor = PHONE_IN / _width_in(phone) * 0.98
        for ax in fig.axes:
            box = ax.get_position()
            ax.set_position(
                [
                    box.x0 + box.width * (1 - factor) / 2,
                    box.y0,
                    box.width * factor,
                    box.height * factor,
                ]
            )
        phone = svg(fig)
    return Figure(wide, phone, caption, alt)
