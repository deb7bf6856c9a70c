"""Keyed messages: what a report says, as a key of the language tables and the values for its placeholders.

The checker never writes a sentence itself: :mod:`.run` and :func:`cnnlib.exercises.check` make a
:class:`Message` (``Message("wrong_shape", got=(1, 2, 2), expected=(1, 2, 2, 1))``), and :func:`say`
formats its template from ``MESSAGES[lang]``. The tables are :mod:`.en` and :mod:`.zh`, one per language.
"""

from __future__ import annotations

from ..i18n import words
from . import en, zh

__all__ = ["LANGUAGES", "MESSAGES", "Message", "say", "texts"]

# One table per language, {"en": ..., "zh": ...}, as cnnlib.i18n has it.
LANGUAGES = {"en": en, "zh": zh}
MESSAGES = {lang: table.MESSAGES for lang, table in LANGUAGES.items()}


class Message:
    """One sentence of a report: ``key`` of ``MESSAGES[lang]`` and the values of its placeholders.

    A value may itself be a :class:`Message` (said in the same language) or a list (joined by the
    language's ``JOIN["items"]``, as "1, 2" or "1、2"). ``str()`` gives the English.
    """

    __slots__ = ("key", "params")

    def __init__(self, key, **params):
        self.key, self.params = key, params

    def __eq__(self, other):
        return isinstance(other, Message) and (self.key, self.params) == (
            other.key,
            other.params,
        )

    __hash__ = None

    def __repr__(self):
        return f"Message({self.key!r}{''.join(f', {k}={v!r}' for k, v in self.params.items())})"

    def __str__(self):
        return say(self, "en")


def texts(lang):
    """The module of language ``lang``'s tables (:mod:`.en` or :mod:`.zh`)."""
    return words(LANGUAGES, lang)


def say(message, lang):
    """``message`` in language ``lang``: a :class:`Message` formatted from its template; a str as it is."""
    if not isinstance(message, Message):
        return message
    table = texts(lang)
    values = {}
    for name, value in message.params.items():
        if isinstance(value, Message):
            value = say(value, lang)
        elif isinstance(value, list):
            value = table.JOIN["items"].join(map(str, value))
        values[name] = value
    return table.MESSAGES[message.key].format(**values)
