"""Hard words explained where they appear: under a block of text, a folded "Words explained"
list of the glossary entries its words have (advisor/glossary.py finds them)."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from advisor.export import escape_markdown
from advisor.glossary import Entry, entries_in
from advisor.i18n import N_, _, ngettext

SHOWN_IN_LABEL = 4  # terms named in the folded label; the rest are inside
WORDS_EXPLAINED = N_("Words explained")


def entry_lines(entries: list[Entry]) -> str:
    return "\n".join(
        f"- **{escape_markdown(e.term)}**: {escape_markdown(e.meaning)}" for e in entries
    )


def folded_label(label: str, entries: list[Entry]) -> str:
    """'Words explained: acne, subcision and 2 more': the first few terms, then how many."""
    names = ", ".join(e.term for e in entries[:SHOWN_IN_LABEL])
    more = len(entries) - SHOWN_IN_LABEL
    if more <= 0:
        return _("{label}: {names}").format(label=label, names=names)
    return ngettext("{label}: {names} and {n} more", "{label}: {names} and {n} more", more).format(
        label=label, names=names, n=more
    )


def words_explained(texts: Iterable[str], label: str = WORDS_EXPLAINED) -> None:
    """A folded list of what the hard words in these texts mean (nothing if there are none).
    The label names the first few words, so a reader knows whether to open it. The label is
    a msgid marked with N_ or a text already translated: either way it is shown translated."""
    entries = entries_in(texts)
    if not entries:
        return
    with st.expander(folded_label(_(label), entries), icon=":material/menu_book:"):
        st.markdown(entry_lines(entries))
