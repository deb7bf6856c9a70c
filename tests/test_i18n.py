"""cnnlib.set_language: the words cnnlib prints and draws, in English or Chinese."""

import re

import numpy as np
import pytest

import cnnlib
from cnnlib import animate, exercises, explore, i18n


@pytest.fixture
def chinese():
    cnnlib.set_language("zh")
    yield
    cnnlib.set_language("en")


def test_language_is_validated():
    assert cnnlib.language() == "en"
    for bad in ("fr", "ZH", None, 1):
        with pytest.raises(ValueError, match="lang must be one of 'en', 'zh'"):
            cnnlib.set_language(bad)
    assert cnnlib.language() == "en"


def test_every_table_has_both_languages_with_the_same_keys_and_fields():
    fields = lambda text: sorted(re.findall(r"\{(\w*)", text))
    for table in (animate.WORDS, animate.CONTROLS, explore.WORDS):
        assert set(table) == set(i18n.LANGUAGES)
        assert table["en"].keys() == table["zh"].keys()
        for key in table["en"]:
            assert fields(table["en"][key]) == fields(table["zh"][key]), key
            assert not re.search(r"[A-Za-z]{3,} [a-z]{3,}", table["zh"][key]), key


def test_checker_reports_in_the_language_set(chinese):
    right = exercises.check("output_size", cnnlib.output_size)
    assert right.passed and re.search(r"[\u4e00-\u9fff]", str(right))
    assert str(exercises.check("output_size", cnnlib.output_size, lang="en")).isascii()
    assert re.search(r"[\u4e00-\u9fff]", exercises.describe_cases("output_size"))


def test_animation_player_speaks_the_language_set(chinese):
    pytest.importorskip("matplotlib")
    anim = animate.pooling(np.arange(16.0).reshape(4, 4), 2)
    page = animate.html(anim)
    assert 'aria-label="下一帧"' in page and 'aria-label="Next frame"' not in page
    assert "池化窗口在输入上移动" in anim.alt


def test_chinese_figures_draw_with_a_cjk_font(chinese):
    matplotlib = pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    family = matplotlib.rcParams["font.family"]
    installed = {f.name for f in font_manager.fontManager.ttflist} & set(i18n.CJK_FONTS)
    if not installed:
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    assert family[0] in i18n.CJK_FONTS
    path = font_manager.findfont(family[0], fallback_to_default=False)
    from matplotlib.ft2font import FT2Font

    assert FT2Font(path).get_char_index(ord("卷")) != 0
