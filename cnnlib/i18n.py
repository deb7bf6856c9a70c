"""The language of the words cnnlib prints and draws: English (``"en"``) or Chinese (``"zh"``).

The Chinese notebooks call ``cnnlib.set_language("zh")`` in their first cell; after that the
animations' captions and buttons, the explorer's words and the exercise checker's reports are
Chinese. Each module keeps its words in one table per language, ``{"en": {...}, "zh": {...}}``,
and reads them with :func:`words`.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "language", "set_language", "words"]

LANGUAGES = ("en", "zh")
_current = "en"


def _checked(lang):
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(
            f"lang must be one of {', '.join(map(repr, LANGUAGES))}, got {lang!r}"
        )
    return lang


# Fonts for Chinese, the first one installed wins; matplotlib draws every word with it, Latin letters
# and digits included, and maths with its own fonts. Matplotlib reads only the first face of a .ttc, so Debian's
# fonts-noto-cjk shows up as "Noto Sans CJK JP", which carries every simplified character too.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Sans CJK JP", "PingFang SC",
             "Microsoft YaHei", "SimHei", "WenQuanYi Zen Hei")  # fmt: skip


def set_language(lang):
    """Print and draw cnnlib's words in ``lang`` (``"en"`` or ``"zh"``) from now on.

    For Chinese, matplotlib (when installed) draws with the first of :data:`CJK_FONTS` installed. Without that font
    the figures still read right in a browser, since cnnlib's figures keep their words as SVG text
    (:mod:`cnnlib.figures`), and matplotlib's warnings about missing glyphs are silenced; only the
    animations' PNG frames would show empty boxes.
    """
    global _current
    _current = _checked(lang)
    if _current == "zh":
        _cjk_fallback()


def _cjk_fallback():
    try:
        import matplotlib
        from matplotlib import font_manager
    except ImportError:
        return
    names = {font.name for font in font_manager.fontManager.ttflist}
    if not names.intersection(CJK_FONTS):
        # matplotlib's font list is cached when it first runs, perhaps before a CJK font was installed
        known = {font.fname for font in font_manager.fontManager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    pass
        names = {font.name for font in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in names), None)
    if found is None:
        import warnings

        warnings.filterwarnings(
            "ignore",
            message=r"(Glyph \d+ .*|Font .* does not have a glyph .*)",
        )
        return
    families = list(matplotlib.rcParams["font.family"])
    if found not in families:
        if families == ["sans-serif"]:
            families = [matplotlib.rcParams["font.sans-serif"][0]]
        # first, not as a fallback: in a title mixing words and maths ("输入 $I$") the words are drawn
        # with the first family alone; the CJK fonts carry Latin letters and digits too
        matplotlib.rcParams["font.family"] = [found, *families]


def language(lang=None):
    """``lang`` checked, or the language set by :func:`set_language` when ``lang`` is None."""
    return _current if lang is None else _checked(lang)


def words(table, lang=None):
    """The entry of ``table`` (``{"en": ..., "zh": ...}``) for ``lang`` or the current language."""
    return table[language(lang)]
