"""cnnlib.animate: every frame's state is cnnlib's own result, and the players are small and stable."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import cnnlib
from cnnlib import animate, explore

I = np.array([[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 1, 0], [1, 0, 2, 2]])
K = np.array([[1, 0], [-1, 2]])
pytestmark = pytest.mark.filterwarnings("ignore:Animation was deleted without rendering")


def shown(state):
    """The output drawn in a frame as floats, NaN where no value is shown yet."""
    return np.array([[np.nan if v == "" else v for v in row] for row in state["shown"]], dtype=float)


@pytest.mark.parametrize(
    ("mode", "stride", "padding", "expected"),
    [
        ("correlate", 1, None, cnnlib.correlate2d(I, K)),
        ("convolve", 1, None, cnnlib.convolve2d(I, K)),
        (
            "correlate",
            2,
            1,
            cnnlib.conv_forward(I[None, :, :, None], K[:, :, None, None], np.zeros(1), 2, 1)[0, ..., 0],
        ),
        ("convolve", 3, 0, cnnlib.correlate2d(I, cnnlib.rot180(K))[::3, ::3]),
    ],
)
def test_sliding_window_frames_fill_in_cnnlib_result(mode, stride, padding, expected):
    states = animate.frames_sliding_window(I, K, mode, stride, padding)
    assert len(states) == expected.size
    for t, s in enumerate(states):  # frame t shows exactly the first t + 1 cells
        assert np.count_nonzero(~np.isnan(shown(s))) == t + 1
        assert s["pos"] == np.unravel_index(t, expected.shape)
    np.testing.assert_array_equal(shown(states[-1]), expected)
    if mode == "convolve":
        np.testing.assert_array_equal(states[0]["kernel"], K[::-1, ::-1])


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize(("size", "stride"), [(2, None), (2, 1), (3, 1), ((2, 3), (2, 1))])
def test_pooling_frames_fill_in_pool_forward(mode, size, stride):
    A = np.array([[3, 1, 3, 0], [2, 3, 1, 1], [0, 4, 4, 2], [1, 2, 0, 4]])  # ties: first maximum wins
    expected = cnnlib.reference.pool_forward(A[None, :, :, None], size, stride, mode)[0, :, :, 0]
    states = animate.frames_pooling(A, size, stride, mode)
    assert len(states) == expected.size
    np.testing.assert_allclose(shown(states[-1]), expected)
    if mode == "max":  # the highlighted cell is where pool_backward sends the gradient
        for s in states:
            dA = np.zeros((1, *expected.shape, 1))
            dA[(0, *s["pos"], 0)] = 1
            grad = cnnlib.pool_backward(dA, A[None, :, :, None], size, stride, "max")[0, :, :, 0]
            assert np.unravel_index(np.argmax(grad), A.shape) == s["argmax"]
    else:
        assert all(s["argmax"] is None for s in states)


@pytest.mark.parametrize(("stride", "padding"), [(1, 0), (2, 1), (1, (1, 0)), (3, 1)])
def test_backward_frames_accumulate_to_conv_backward(stride, padding):
    n = cnnlib.output_size(4, 2, padding if np.isscalar(padding) else padding[0], stride)
    m = cnnlib.output_size(4, 2, padding if np.isscalar(padding) else padding[1], stride)
    dZ = np.arange(1, n * m + 1).reshape(n, m) * (-1) ** np.arange(n * m).reshape(n, m)
    states = animate.frames_backward_conv(I, K, dZ, stride, padding)
    assert len(states) == dZ.size
    dA_prev, dW, _ = cnnlib.reference.conv_backward(
        dZ[None, :, :, None], I[None, :, :, None], K[:, :, None, None], stride, padding
    )
    p1, p2 = (padding, padding) if np.isscalar(padding) else padding
    np.testing.assert_array_equal(states[-1]["dA_pad"][p1 : p1 + 4, p2 : p2 + 4], dA_prev[0, :, :, 0])
    np.testing.assert_array_equal(states[-1]["dW"], dW[:, :, 0, 0])
    first, (r, c, k1, k2) = states[0], states[0]["window"]  # the first δ alone: δ·W on its window, δ·window in dW
    np.testing.assert_array_equal(first["dA_pad"][r : r + k1, c : c + k2], dZ[0, 0] * K)
    np.testing.assert_array_equal(first["dW"], dZ[0, 0] * first["A_pad"][r : r + k1, c : c + k2])


def test_animations_build_with_one_frame_per_output_cell():
    anims = {
        9: animate.sliding_window(I, K),
        4: animate.pooling(I, 2, mode="max"),
        16: animate.sliding_window(I[:3, :3], K, "convolve"),
        1: animate.backward_conv(I[:2, :2], K, np.array([[2]])),
    }
    for frames, anim in anims.items():
        assert len(anim) == frames
        plt.close(anim.fig)


def _data(text):
    import json
    import re

    return json.loads(re.search(r'<script type="application/json">(.*?)</script>', text, re.S).group(1))


def test_html_is_small_deterministic_and_closes_the_figure():
    make = lambda: animate.pooling(I, 2, 1, "avg")
    anim = make()
    text = animate.html(anim)
    assert not plt.fignum_exists(anim.fig.number)
    data = _data(text)
    assert len(data["wide"]["frames"]) == 9
    # stacked frames exactly when the panels side by side are wider than a phone's column (PHONE_IN inches)
    assert ("narrow" in data) == (data["wide"]["size"][0] > 3.7 * 96)
    small = _data(animate.html(animate.pooling(I[:2, :2], 2)))
    assert small["wide"]["size"][0] <= 3.7 * 96 and "narrow" not in small
    assert len(text) < 1_000_000
    assert text == animate.html(make())  # the player's id is a hash of its frames
    assert 'id="cnn-anim-' in text and text.count("<img") == 1


def test_a_wide_animation_has_stacked_frames_that_fit_a_phone():
    from cnnlib.figures import PHONE_IN

    text = animate.html(animate.backward_conv(np.arange(9).reshape(3, 3), np.array([[1, 2], [3, 4]]),
                                              np.array([[1, 0], [0, 2]]), stride=2, padding=1))  # fmt: skip
    data = _data(text)
    (w, h), (nw, nh) = data["wide"]["size"], data["narrow"]["size"]
    assert len(data["narrow"]["frames"]) == len(data["wide"]["frames"]) == 4
    assert nw <= PHONE_IN * 96 + 1 < w and nh > h  # narrower, taller: the five panels stacked


def test_static_figures_and_explorer_without_frontend(capsys):
    fig = explore.static_explorer_figure(5, 3, 1, 2)
    assert "= 3" in fig.texts[0].get_text()
    plt.close(fig)
    fig = explore.static_backward_figure(((0, 1), (2, 0)))
    assert len(fig.axes) == 5
    plt.close(fig)
    with pytest.raises(ValueError, match="larger than the padded input"):
        explore.static_explorer_figure(2, 5, 0, 1)
    assert explore.explorer() is None  # displays widgets and two figures; leaves no figure open
    assert plt.get_fignums() == []


def test_players_work_offline_with_labelled_buttons():
    """No CDN stylesheet or script; every button has a name a screen reader can say."""
    import re

    text = animate.html(animate.sliding_window(np.eye(3), np.ones((2, 2))))
    assert "http" not in text and "fa fa-" not in text
    buttons = re.findall(r'<button type="button" data-act="(\w+)" aria-label="([^"]+)"', text)
    assert [act for act, _ in buttons] == ["first", "previous", "play", "next", "last"]
    assert all(label for _, label in buttons) and 'aria-label="Frame"' in text
