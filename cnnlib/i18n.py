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
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGUAGES))}, got {lang!r}")
    return lang


def set_language(lang):
    """Print and draw cnnlib's words in ``lang`` (``"en"`` or ``"zh"``) from now on."""
    global _current
    _current = _checked(lang)


def language(lang=None):
    """``lang`` checked, or the language set by :func:`set_language` when ``lang`` is None."""
    return _current if lang is None else _checked(lang)


def words(table, lang=None):
    """The entry of ``table`` (``{"en": ..., "zh": ...}``) for ``lang`` or the current language."""
    return table[language(lang)]
