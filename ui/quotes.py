"""Check a clinic's quote (Summary page): the person enters what they were offered, and each
quote is compared with the usual price and sessions for their scars, with what to ask."""

from __future__ import annotations

import streamlit as st

from advisor.catalog import default_catalog
from advisor.export import escape_markdown
from advisor.i18n import N_, Messages, _, ngettext
from advisor.money import currency_name, currency_symbol, current_currency, from_usd, to_usd
from advisor.profile import MAX_QUOTES, PROVIDERS, QUOTABLE_IDS
from advisor.summary import QUOTES_INTRO, Summary
from advisor.words import PROVIDER_WORDS, STATUS_LABELS, first_upper, number
from ui.glossary import words_explained
from ui.state import current_profile, set_answer, try_answer, use_answers_language

QUOTE_ERROR = "_quote_error"
PRICE_CURRENCY = "_quote_price_currency"  # the currency the price box was last drawn in
MOST_SESSIONS = 30
HIGHEST_PRICE = 100_000  # US dollars, as the profile keeps a quote's price
EXAMPLE_PRICE = 1500  # US dollars


def _quotes_as_data() -> list[dict]:
    return [q.model_dump(mode="json") for q in current_profile().quotes]


QUOTE_FIELDS = {  # form key -> the quote's field
    "quote_treatment": "treatment",
    "quote_sessions": "sessions",
    "quote_price": "price_usd",
    "quote_provider": "provider",
}
MISSING_WORDS = Messages(
    {
        "treatment": N_("Choose the treatment the clinic offered."),
        "sessions": N_("Enter how many sessions the price is for (1 to 30)."),
        "price_usd": N_("Enter the total price for all the sessions, in {currency}."),
        "provider": N_("Choose who would do it (or Not sure)."),
    }
)


def missing_words(field: str) -> str:
    """What to fill in, in plain words (the price in the currency the person types in)."""
    return MISSING_WORDS[field].format(currency=currency_name())


def price_in_usd(typed: float) -> float:
    """The price typed in the person's currency, kept in US dollars to the cent: shown again
    in that currency, it is the amount typed."""
    return min(HIGHEST_PRICE, round(to_usd(typed), 2))


def _price_label() -> str:
    """'Total price (US$)' in dollars (as before), else the currency's symbol: 'Total price (€)'."""
    code = current_currency()
    return _("Total price ({currency})").format(
        currency="US$" if code == "USD" else currency_symbol(code)
    )


def _add_quote() -> None:
    """Form callback: anything left empty is named in plain words first; then the profile's
    own check (which names the field). A refused quote changes nothing. A callback runs
    before the page sets the language and currency: it sets them itself."""
    use_answers_language()
    new = {field: st.session_state[key] for key, field in QUOTE_FIELDS.items()}
    missing = [missing_words(field) for field, value in new.items() if value is None]
    if missing:
        st.session_state[QUOTE_ERROR] = missing
        return
    new["price_usd"] = price_in_usd(new["price_usd"])
    st.session_state[QUOTE_ERROR] = try_answer("quotes", [*_quotes_as_data(), new])


def _remove_quote(index: int) -> None:
    quotes = _quotes_as_data()
    del quotes[index]
    set_answer("quotes", quotes)


def _provider_choice(provider: str) -> str:
    return first_upper(PROVIDER_WORDS[provider]) if provider != "unknown" else _("Not sure")


def _forget_price_in_another_currency() -> None:
    """A price left in the box was typed in the currency shown then: drop it when the
    currency changes (it would mean another amount, and may pass the new highest price)."""
    code = current_currency()
    if st.session_state.get(PRICE_CURRENCY) != code:
        st.session_state.pop("quote_price", None)
        st.session_state[PRICE_CURRENCY] = code


def quote_form() -> None:
    treatments = default_catalog().treatments
    _forget_price_in_another_currency()
    with st.form("add_quote", border=True, enter_to_submit=False):
        st.selectbox(
            _("Treatment"),
            QUOTABLE_IDS,
            index=None,
            placeholder=_("Choose the treatment"),
            format_func=lambda i: treatments[i].name,
            key="quote_treatment",
        )
        left, right = st.columns(2)
        left.number_input(
            _("Sessions"),
            min_value=1,
            max_value=MOST_SESSIONS,
            value=None,
            placeholder=_("For example {n}").format(n=3),
            key="quote_sessions",
        )
        right.number_input(
            _price_label(),
            min_value=0,
            max_value=int(from_usd(HIGHEST_PRICE)),
            value=None,
            step=int(max(1, round(from_usd(50), -1))),
            placeholder=_("For example {n}").format(n=int(round(from_usd(EXAMPLE_PRICE), -2))),
            key="quote_price",
            help=_("The price for all the sessions together."),
        )
        st.selectbox(
            _("Who would do it?"),
            PROVIDERS,
            index=None,
            placeholder=_("Choose, or Not sure"),
            format_func=_provider_choice,
            key="quote_provider",
        )
        st.form_submit_button(
            _("Check this quote"), icon=":material/fact_check:", on_click=_add_quote
        )
    for line in st.session_state.get(QUOTE_ERROR, []):
        st.error(
            _("That quote was not added. {problem}").format(problem=line), icon=":material/error:"
        )


def quotes_section(summary: Summary) -> None:
    """Every quote entered, checked, with a Remove button; then the form for one more."""
    st.subheader(_("Check a clinic's quote"))
    st.markdown(
        _(
            "Got a price from a clinic? Enter it to compare it with the usual prices and number "
            "of sessions for your scars. No clinic is named or rated, and nothing leaves this page."
        )
    )
    if summary.quotes:
        st.caption(escape_markdown(_(QUOTES_INTRO)))
        if current_currency() != "USD":  # a usual US price, converted, is not a local one
            st.caption(
                _(
                    "The usual prices here are US prices, converted. Clinics where you live "
                    "may charge much less or more, so a price below or above them is a reason "
                    "to ask, not a verdict."
                )
            )
    for n, quote in enumerate(summary.quotes):
        with st.container(border=True):
            heading = _("**{title}** ({status} for you)").format(
                title=escape_markdown(quote.title), status=STATUS_LABELS[quote.status]
            )
            st.markdown(
                heading + "\n\n" + "\n".join(f"- {escape_markdown(line)}" for line in quote.within)
            )
            if quote.flags:
                st.markdown(
                    _("**To ask about:**")
                    + "\n\n"
                    + "\n".join(f"- {escape_markdown(flag)}" for flag in quote.flags)
                )
            timing = quote.timing(escape_markdown)
            if timing:
                st.markdown(_("**On your dates:**") + "\n\n" + "\n".join(f"- {t}" for t in timing))
            st.button(
                _("Remove this quote"), key=f"remove_quote_{n}", on_click=_remove_quote, args=(n,)
            )
    for flag in summary.quote_flags:
        st.warning(escape_markdown(flag), icon=":material/help:")
    said = [line for q in summary.quotes for line in (q.title, *q.within, *q.flags)]
    words_explained([*said, *summary.quote_flags], _("Words in your quotes"))
    if len(summary.quotes) >= MAX_QUOTES:
        st.caption(
            ngettext(
                "You have {n} quote, the most this page checks. Remove it to add another.",
                "You have {n} quotes, the most this page checks. Remove one to add.",
                MAX_QUOTES,
            ).format(n=number(MAX_QUOTES))
        )
        return
    quote_form()
