"""Languages: every sentence a person reads comes from a gettext message catalog.

The code's English text is the message id. `_("...")` returns it in the language in use, from
`locales/<language>/LC_MESSAGES/messages.mo`, which `make messages` writes with Babel
(`pybabel extract`, `update`, `compile`). Text with values uses named fields, translated
first and filled after: `_("Fit {fit} of 100").format(fit=fit)`. Words kept in constants are
marked with `N_` (found by the extractor, translated where they are shown).

The language in use is a context variable: each Streamlit run sets it from the person's
profile (ui/errors.py), the command line from `--lang` or the profile. Nothing is translated
by machine; a language without a catalog falls back to English.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args, overload

from babel import Locale

Language = Literal["en", "es"]
LANGUAGES: tuple[str, ...] = get_args(Language)
DEFAULT_LANGUAGE = "en"
LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
# the language's own name, for the switch that offers it
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
# Babel's locale for numbers, money and dates in each language
BABEL_LOCALES = {"en": "en_US", "es": "es"}

# where the currency says where the person is: Spanish with pesos is written as in Mexico
# ($18,500; 1.5), with US dollars as in the US, with euros as in Spain (1.234 €)
REGIONAL_LOCALES = {("es", "MXN"): "es_MX", ("es", "USD"): "es_US"}

_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)
_region: ContextVar[str] = ContextVar("region", default="")  # the currency in use


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English, or a missing catalog: the text as is)."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALES, languages=[language], fallback=True)


def current_language() -> str:
    return _language.get()


def set_language(language: str) -> None:
    """Use this language from now on in this run (a Streamlit run, the command line)."""
    _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


@contextmanager
def language(code: str) -> Iterator[None]:
    """Use a language inside a `with` block only (tests, one export in another language)."""
    token = _language.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """The message in the language in use (English, the message itself: no lookup, as the
    ranking calls this thousands of times a second)."""
    language = _language.get()
    if language == DEFAULT_LANGUAGE:
        return message
    return translations(language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for n, in the language in use."""
    language = _language.get()
    if language == DEFAULT_LANGUAGE:
        return singular if n == 1 else plural
    return translations(language).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message in the language in use, where the same English needs a different word
    ("Low" evidence is "Baja" in Spanish, a "Low" risk "Bajo")."""
    language = _language.get()
    if language == DEFAULT_LANGUAGE:
        return message
    return translations(language).pgettext(context, message)


def NC_(context: str, message: str) -> str:
    """Mark a message with its context for the extractor; translate it with pgettext."""
    return message


def N_(message: str) -> str:
    """Mark a message for the extractor only; translate it with `_` where it is shown."""
    return message


def babel_locale() -> str:
    """Babel's locale for numbers, money and dates: the language's, or its region's."""
    language = _language.get()
    return REGIONAL_LOCALES.get((language, _region.get()), BABEL_LOCALES[language])


@cache
def _parsed(identifier: str) -> Locale:
    return Locale.parse(identifier)


def babel_locale_object() -> Locale:
    """babel_locale() parsed once: Babel parses a locale name on every call it is given one
    (5% of the ranking's time went there)."""
    return _parsed(babel_locale())


def set_region(currency_code: str) -> None:
    _region.set(currency_code)


class Messages(Mapping[str, str]):
    """A dict of words kept at import time, read in the language in use: `WORDS[key]` is
    `_(WORDS_TEXT[key])`. Mark each value with N_ so the extractor finds it."""

    def __init__(
        self, messages: Mapping[str, str] | Iterable[tuple[Any, str]], context: str = ""
    ) -> None:
        self._messages = dict(messages)
        self._context = context  # marked with NC_(context, ...) when given

    def __getitem__(self, key: Any) -> str:
        message = self._messages[key]
        return pgettext(self._context, message) if self._context else _(message)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)

    def english(self, key: Any) -> str:
        """The message id itself (for tests and for matching English text)."""
        return self._messages[key]


class MessageList(Sequence[str]):
    """A tuple of words kept at import time, read in the language in use."""

    def __init__(self, messages: Iterable[str]) -> None:
        self._messages = tuple(messages)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [_(m) for m in self._messages[index]]
        return _(self._messages[index])

    def __len__(self) -> int:
        return len(self._messages)
