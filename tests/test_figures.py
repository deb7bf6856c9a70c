"""cnnlib.figures: the wide and the phone layout of a figure, as the book shows them."""

import base64
import itertools
import re

import numpy as np
import pytest

plt = pytest.importorskip("matplotlib.pyplot")

from cnnlib import figures  # noqa: E402
from cnnlib.plotting import arrow, draw_array, panels  # noqa: E402


def _svgs(html):
    return [base64.b64decode(u).decode() for u in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)]


def _width_in(svg):
    return float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg).group(1)) / 72


def _font_sizes_pt(svg):
    # matplotlib writes font sizes in px of a 72-dpi SVG, that is in points
    return [float(s) for s in re.findall(r"font-size: ?([\d.]+)px", svg)]


def _three_panels():
    fig, (a, b, c) = panels(3, width=3.0, height=2.4)
    draw_array(a, np.arange(20).reshape(4, 5), title="input (4×5)")
    draw_array(b, np.ones((2, 3), int), title="kernel (2×3)")
    draw_array(c, np.zeros((3, 3), int), title="output (3×3)")
    return fig, (a, b, c)


def test_a_wide_figure_gets_a_phone_layout_that_fits_and_keeps_its_words():
    fig, _ = _three_panels()
    fig.text(0.5, -0.04, "a line of explanation under the panels", ha="center", fontsize=5)
    fig_ = figures.figure(fig, "Three panels.", "Three grids of numbers.")
    plt.close(fig)
    html = fig_._repr_html_()
    wide, narrow = fig_.wide, fig_.narrow
    assert _width_in(wide) > figures.PHONE_IN
    assert _width_in(narrow) <= figures.PHONE_IN + 0.01
    assert min(_font_sizes_pt(narrow)) >= figures.MIN_PT
    for word in ("input (4×5)", "kernel (2×3)", "output (3×3)", "explanation"):
        assert word in wide and word in narrow
    assert f'media="(max-width: {figures.BREAKPOINT}px)"' in html
    assert _svgs(html) == [narrow, wide]
    assert "<figcaption>Three panels.</figcaption>" in html
    assert 'alt="Three grids of numbers."' in html


def test_a_figure_that_fits_a_phone_is_shown_as_it_is():
    fig, ax = plt.subplots(figsize=(2.5, 2.0))
    draw_array(ax, np.eye(2, dtype=int), title="small")
    fig_ = figures.figure(fig, "Small.", "A 2 by 2 grid.")
    plt.close(fig)
    assert fig_.narrow is None
    assert len(_svgs(fig_._repr_html_())) == 1


def test_caption_and_alt_are_escaped():
    fig, ax = plt.subplots(figsize=(2.0, 2.0))
    fig_ = figures.figure(fig, "a < b & c", 'say "hi"')
    plt.close(fig)
    html = fig_._repr_html_()
    assert "a &lt; b &amp; c" in html and 'alt="say &quot;hi&quot;"' in html


def test_svg_is_deterministic_and_keeps_text_as_text():
    outs = []
    for _ in range(2):
        fig, _ = _three_panels()
        outs.append(figures.svg(fig))
        plt.close(fig)
    assert outs[0] == outs[1]
    assert "<text" in outs[0] and "kernel (2×3)" in outs[0]


def test_narrow_keeps_rows_in_reading_order():
    fig, (a, b, c) = _three_panels()
    figures.narrow(fig)
    boxes = [ax.get_position() for ax in (a, b, c)]
    plt.close(fig)
    # each panel starts no higher than the one before it, and left-to-right within a row
    for first, second in itertools.pairwise(boxes):
        assert second.y1 <= first.y1 + 1e-9
        if abs(second.y1 - first.y1) < 1e-9:
            assert second.x0 >= first.x1


def test_narrow_crops_panels_widened_to_share_a_cell_size():
    # the book's same-scale figures widen a small array's view to the largest array's; stacked on a phone,
    # that padding would only be blank, so the view is cropped to what is drawn and the cell size kept
    fig, (a, b) = panels(2, width=3.0, height=2.4)
    draw_array(a, np.arange(20).reshape(4, 5))
    draw_array(b, np.ones((2, 3), int))
    b.set_xlim(-1.1, 4.1)
    b.set_ylim(3.1, -1.1)
    figures.narrow(fig)
    x0, x1 = sorted(b.get_xlim())
    y0, y1 = sorted(b.get_ylim())
    cell_a = a.get_window_extent().width / abs(np.diff(a.get_xlim())[0])
    cell_b = b.get_window_extent().width / abs(np.diff(b.get_xlim())[0])
    plt.close(fig)
    assert x1 - x0 == pytest.approx(3.2) and y1 - y0 == pytest.approx(2.2)
    assert cell_b == pytest.approx(cell_a, rel=0.05)


def test_arrows_between_panels_stacked_on_a_phone_are_dropped():
    fig, (a, b, c) = _three_panels()
    arrow(fig, a, (5.0, 2.0), b, (0.0, 1.0))
    figures.narrow(fig)
    stacked = b.get_position().y1 <= a.get_position().y0 + 1e-6
    remaining = [x for x in fig.artists if hasattr(x, "cnnlib_axes")]
    plt.close(fig)
    assert stacked == (not remaining)


def test_show_displays_html_and_closes_the_figure(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    fig, _ = _three_panels()
    figures.show(fig, "Caption.", "Alt.")
    assert not plt.fignum_exists(fig.number)
    assert isinstance(shown[0], figures.Figure)
    assert '<figure class="cnn-figure">' in shown[0]._repr_html_()
