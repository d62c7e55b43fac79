"""Costs in the person's currency: US catalog prices converted with the rates in
data/currencies.toml and written the way the language writes money ($1,234; 1.234 €).

Amounts are kept in US dollars everywhere (the catalog, the profile's budget, the plan); only
what a person sees or types is converted, so a budget keeps its meaning when the currency
changes. The currency in use is a context variable, set with the language for each run.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from babel import Locale
from babel.numbers import format_currency, get_currency_name, get_currency_symbol

from advisor.i18n import babel_locale, set_region

Currency = Literal["USD", "EUR", "GBP", "CAD", "AUD", "MXN"]
CURRENCIES: tuple[str, ...] = get_args(Currency)
RATES_FILE = Path(__file__).resolve().parent.parent / "data" / "currencies.toml"

_currency: ContextVar[str] = ContextVar("currency", default="USD")


@dataclass(frozen=True, slots=True)
class Rates:
    per_usd: dict[str, float]
    date: dt.date
    source: str


@cache
def rates() -> Rates:
    """The rates in data/currencies.toml, checked: one positive rate for every currency."""
    data = tomllib.loads(RATES_FILE.read_text(encoding="utf-8"))
    per_usd = {code: float(rate) for code, rate in data["per_usd"].items()}
    missing = [c for c in CURRENCIES if c not in per_usd]
    if missing or any(rate <= 0 for rate in per_usd.values()) or per_usd.get("USD") != 1.0:
        raise ValueError(f"{RATES_FILE.name}: every currency needs a positive rate: {missing}")
    return Rates(per_usd, data["date"], data["source"])


def current_currency() -> str:
    return _currency.get()


def set_currency(code: str) -> None:
    code = code if code in CURRENCIES else "USD"
    _currency.set(code)
    set_region(code)


@contextmanager
def currency(code: str) -> Iterator[None]:
    code = code if code in CURRENCIES else "USD"
    token, region = _currency.set(code), _region_token(code)
    try:
        yield
    finally:
        _currency.reset(token)
        region()


def _region_token(code: str) -> Callable[[], None]:
    """Set the region for a `with` block; the function puts the previous one back."""
    from advisor.i18n import _region

    token = _region.set(code)
    return lambda: _region.reset(token)


def from_usd(amount: float, code: str | None = None) -> float:
    return amount * rates().per_usd[code or _currency.get()]


def to_usd(amount: float, code: str | None = None) -> float:
    return amount / rates().per_usd[code or _currency.get()]


@cache
def _whole_pattern(locale: str) -> str:
    """The locale's money pattern without decimals: '¤#,##0' (en), '#,##0 ¤' (es)."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return pattern.split(";")[0].replace(".00", "")


def format_money(amount_usd: float, code: str | None = None) -> str:
    """A US amount in the currency in use, whole, as the language writes it."""
    code = code or _currency.get()
    return _written(round(from_usd(amount_usd, code)), code, babel_locale())


@functools.lru_cache(maxsize=8192)
def _written(amount: int, code: str, locale: str) -> str:
    """Babel's money text, kept: the same amounts recur (a page writes hundreds, and Babel
    takes tens of microseconds for each; the JSON report had become three times slower)."""
    parsed = Locale.parse(locale)
    return format_currency(
        amount, code, format=_whole_pattern(parsed), locale=parsed, currency_digits=False
    )


def currency_symbol(code: str | None = None) -> str:
    """'$', '€', 'US$' ... as the language writes it, for labels such as 'Budget (€)'."""
    return get_currency_symbol(code or _currency.get(), locale=babel_locale())


def currency_name(code: str | None = None) -> str:
    """'US dollars', 'euros', 'dólares estadounidenses': the currency in a sentence."""
    return get_currency_name(code or _currency.get(), count=2, locale=babel_locale())
