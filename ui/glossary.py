"""Hard words explained where they appear: under a block of text, a folded "Words explained"
list of the glossary entries its words have (advisor/glossary.py finds them)."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from advisor.export import escape_markdown
from advisor.glossary import Entry, entries_in

SHOWN_IN_LABEL = 4  # terms named in the folded label; the rest are inside


def entry_lines(entries: list[Entry]) -> str:
    return "\n".join(
        f"- **{escape_markdown(e.term)}**: {escape_markdown(e.meaning)}" for e in entries
    )


def words_explained(texts: Iterable[str], label: str = "Words explained") -> None:
    """A folded list of what the hard words in these texts mean (nothing if there are none).
    The label names the first few words, so a reader knows whether to open it."""
    entries = entries_in(texts)
    if not entries:
        return
    names = ", ".join(e.term for e in entries[:SHOWN_IN_LABEL])
    more = f" and {len(entries) - SHOWN_IN_LABEL} more" if len(entries) > SHOWN_IN_LABEL else ""
    with st.expander(f"{label}: {names}{more}", icon=":material/menu_book:"):
        st.markdown(entry_lines(entries))
