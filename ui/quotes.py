"""Check a clinic's quote (Summary page): the person enters what they were offered, and each
quote is compared with the usual price and sessions for their scars, with what to ask."""

from __future__ import annotations

import streamlit as st

from advisor.catalog import default_catalog
from advisor.export import escape_markdown
from advisor.profile import MAX_QUOTES, PROVIDERS, QUOTABLE_IDS
from advisor.summary import QUOTES_INTRO, Summary
from advisor.words import PROVIDER_WORDS, STATUS_LABELS, first_upper
from ui.glossary import words_explained
from ui.state import current_profile, set_answer, try_answer

QUOTE_ERROR = "_quote_error"
MOST_SESSIONS = 30
HIGHEST_PRICE = 100_000


def _quotes_as_data() -> list[dict]:
    return [q.model_dump(mode="json") for q in current_profile().quotes]


QUOTE_FIELDS = {  # form key -> the quote's field
    "quote_treatment": "treatment",
    "quote_sessions": "sessions",
    "quote_price": "price_usd",
    "quote_provider": "provider",
}
MISSING_WORDS = {
    "treatment": "Choose the treatment the clinic offered.",
    "sessions": "Enter how many sessions the price is for (1 to 30).",
    "price_usd": "Enter the total price for all the sessions, in US dollars.",
    "provider": "Choose who would do it (or Not sure).",
}


def _add_quote() -> None:
    """Form callback: anything left empty is named in plain words first; then the profile's
    own check (which names the field). A refused quote changes nothing."""
    new = {field: st.session_state[key] for key, field in QUOTE_FIELDS.items()}
    missing = [MISSING_WORDS[field] for field, value in new.items() if value is None]
    if missing:
        st.session_state[QUOTE_ERROR] = missing
        return
    st.session_state[QUOTE_ERROR] = try_answer("quotes", [*_quotes_as_data(), new])


def _remove_quote(index: int) -> None:
    quotes = _quotes_as_data()
    del quotes[index]
    set_answer("quotes", quotes)


def quote_form() -> None:
    treatments = default_catalog().treatments
    with st.form("add_quote", border=True, enter_to_submit=False):
        st.selectbox(
            "Treatment",
            QUOTABLE_IDS,
            index=None,
            placeholder="Choose the treatment",
            format_func=lambda i: treatments[i].name,
            key="quote_treatment",
        )
        left, right = st.columns(2)
        left.number_input(
            "Sessions",
            min_value=1,
            max_value=MOST_SESSIONS,
            value=None,
            placeholder="For example 3",
            key="quote_sessions",
        )
        right.number_input(
            "Total price (US$)",
            min_value=0,
            max_value=HIGHEST_PRICE,
            value=None,
            step=50,
            placeholder="For example 1500",
            key="quote_price",
            help="The price for all the sessions together.",
        )
        st.selectbox(
            "Who would do it?",
            PROVIDERS,
            index=None,
            placeholder="Choose, or Not sure",
            format_func=lambda p: first_upper(PROVIDER_WORDS[p]) if p != "unknown" else "Not sure",
            key="quote_provider",
        )
        st.form_submit_button("Check this quote", icon=":material/fact_check:", on_click=_add_quote)
    for line in st.session_state.get(QUOTE_ERROR, []):
        st.error(f"That quote was not added. {line}", icon=":material/error:")


def quotes_section(summary: Summary) -> None:
    """Every quote entered, checked, with a Remove button; then the form for one more."""
    st.subheader("Check a clinic's quote")
    st.markdown(
        "Got a price from a clinic? Enter it to compare it with the usual prices and number of "
        "sessions for your scars. No clinic is named or rated, and nothing leaves this page."
    )
    if summary.quotes:
        st.caption(escape_markdown(QUOTES_INTRO))
    for n, quote in enumerate(summary.quotes):
        with st.container(border=True):
            st.markdown(
                f"**{escape_markdown(quote.title)}** ({STATUS_LABELS[quote.status]} for you)\n\n"
                + "\n".join(f"- {escape_markdown(line)}" for line in quote.within)
            )
            if quote.flags:
                st.markdown(
                    "**To ask about:**\n\n"
                    + "\n".join(f"- {escape_markdown(flag)}" for flag in quote.flags)
                )
            timing = quote.timing(escape_markdown)
            if timing:
                st.markdown("**On your dates:**\n\n" + "\n".join(f"- {t}" for t in timing))
            st.button(
                "Remove this quote", key=f"remove_quote_{n}", on_click=_remove_quote, args=(n,)
            )
    for flag in summary.quote_flags:
        st.warning(escape_markdown(flag), icon=":material/help:")
    said = [line for q in summary.quotes for line in (q.title, *q.within, *q.flags)]
    words_explained([*said, *summary.quote_flags], "Words in your quotes")
    if len(summary.quotes) >= MAX_QUOTES:
        st.caption(f"You have {MAX_QUOTES} quotes, the most this page checks. Remove one to add.")
        return
    quote_form()
