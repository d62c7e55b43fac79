"""The language switch at the top of every page, and the currency choice.

The switch is written in both languages, so a person finds it whichever language the page is
in. It is two buttons, not a choice box: a button holds no value between runs, so a fragment
rerunning on its own (Compare's what-if) never has to carry it. Both the language and the
currency live in the profile (and so in the link and the saved file); every run uses them
(ui/state.py's `use_answers_language`), fragments included.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from advisor.dates import day_text
from advisor.i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language, language
from advisor.money import CURRENCIES, currency, currency_name, current_currency, rates
from ui.state import current_profile, set_answer

CURRENCY_KEY = "currency_choice"
T = TypeVar("T")


def language_switch() -> None:
    """English / Español in one row (a row that stays a row on a phone, where columns would
    stack): the language in use is the highlighted one."""
    current = current_profile().language
    row = st.container(
        horizontal=True, vertical_alignment="center", gap="small", key="language_row"
    )
    row.caption("Language / Idioma")  # on a phone, the buttons sit in the header (layout.py)
    for code in LANGUAGES:
        row.button(
            LANGUAGE_NAMES[code],
            key=f"language_{code}",
            type="primary" if code == current else "secondary",
            disabled=code == current,
            on_click=set_answer,
            args=("language", code),
        )


def _currency_changed() -> None:
    set_answer("preferences.currency", st.session_state[CURRENCY_KEY])


def currency_choice() -> None:
    """The currency costs are shown and entered in (the budget keeps its value)."""
    st.selectbox(
        _("Currency for costs"),
        CURRENCIES,
        index=CURRENCIES.index(current_profile().preferences.currency),
        format_func=lambda code: f"{code} · {currency_name(code)}",
        key=CURRENCY_KEY,
        on_change=_currency_changed,
        help=_(
            "Prices are converted from US prices with rates from {date}. Prices where you live "
            "can differ. Your budget keeps its value when you change the currency."
        ).format(date=day_text(rates().date)),
    )


def conversion_note() -> None:
    """Said once on each page that shows a cost, when the costs are not in US dollars."""
    if current_profile().preferences.currency == "USD":
        return
    st.caption(
        _(
            "Costs are converted from US prices with rates from {date}; prices where you "
            "live can differ."
        ).format(date=rates().date.isoformat())
    )


def in_answers_language(make: Callable[[], T]) -> Callable[[], T]:
    """A download's maker, run later (when the button is pressed, outside the page's run), in
    the language and currency the page was drawn in: without this the files came out in
    English and US dollars."""
    code, money_code = current_language(), current_currency()

    def run() -> T:
        with language(code), currency(money_code):
            return make()

    return run
