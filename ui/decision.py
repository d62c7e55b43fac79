"""Ready to decide, on Compare and the Summary: the change hoped for against the evidence, the
option the person leans towards, and the SURE test, each answer kept in the profile."""

from __future__ import annotations

import streamlit as st

from advisor.decision import (
    SURE_ITEMS,
    SURE_SOURCE,
    expectation_gap,
    sure_note,
    sure_pointers,
    sure_score,
)
from advisor.export import escape_markdown
from advisor.i18n import _
from advisor.profile import UNSURE
from advisor.recommend import Recommendation
from ui import widgets as w


def expectation_note(rec: Recommendation) -> None:
    """Kindly, when the change hoped for is more than studies show; nothing otherwise."""
    text = expectation_gap(rec.profile, rec.ranking)
    if text:
        st.info(escape_markdown(text), icon=":material/lightbulb:")


def decision_section(rec: Recommendation) -> None:
    """Which way the person leans and whether they feel ready (the SURE test), with what
    helps for each "no"."""
    st.subheader(_("Ready to decide?"))
    expectation_note(rec)
    names = {o.id: o.name for o in rec.ranking.options}
    w.pick(
        "decision.leaning",
        _("Which option are you leaning towards?"),
        _(
            "Any option, or not sure yet. You can change it at any time; your summary and "
            "files show it to your dermatologist."
        ),
        [UNSURE, *names],
        lambda option: _("Not sure yet") if option == UNSURE else names[option],
        placeholder=_("Choose an option or Not sure yet"),
    )
    st.markdown(_("**Are you ready to choose?** Answer Yes or No to each question."))
    for item, question in SURE_ITEMS.items():
        w.yes_no(f"decision.sure.{item}", question, None)
    st.caption(
        _("These four questions are the {source}.").format(source=escape_markdown(_(SURE_SOURCE)))
        + (f" {sure_note()}" if sure_note() else "")
    )
    score = sure_score(rec.profile)
    pointers = sure_pointers(rec.profile)
    if score is not None:
        st.markdown(_("You answered Yes to {score} of 4.").format(score=score))
    if pointers:
        first, *rest = pointers
        st.info(
            escape_markdown(first) + "\n" + "\n".join(f"- {escape_markdown(p)}" for p in rest),
            icon=":material/signpost:",
        )
