"""Learn: every option explained, the considerations, FAQ, glossary, no treatment, sources."""

import streamlit as st

from advisor.catalog import Treatment, default_catalog
from advisor.content import default_content
from advisor.explain import estimated, option_facts
from advisor.scoring import OptionResult, Range
from advisor.summary import consideration_lines
from advisor.words import ESTIMATE_MARK, ESTIMATE_NOTE, money_range
from ui.layout import disclaimer, footer, lazy_section, safe
from ui.nav import ensure_routed
from ui.state import current_recommendation, show_state_messages

ensure_routed()

UNIT_WORDS = {"session": "per session", "scar": "per scar, each session", "month": "per month"}
rec = current_recommendation()
catalog = default_catalog()
content = default_content()


def bullets(items: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"- {safe(item)}" for item in items)


def facts(t: Treatment, result: OptionResult) -> list[str]:
    lasting = (
        "permanent"
        if t.results_last == "permanent"
        else f"about {t.lasting_months_low:g}-{t.lasting_months_high:g} months"
    )
    price = estimated(
        result,
        "cost",
        f"{money_range(Range(t.cost_low, t.cost_high))} {UNIT_WORDS[t.pricing_unit]}, "
        f"typically {money_range(Range(t.cost_typical, t.cost_typical))}",
    )
    interval = (
        estimated(result, "sessions", f"{t.interval_weeks_low:g}-{t.interval_weeks_high:g} weeks")
        if t.interval_weeks_high
        else None
    )
    return [
        f"Who does it: {t.performed_by}",
        f"Price: {price}",
        *(f"{label} for your answers: {text}" for label, text in option_facts(result)),
        *([f"Time between sessions: {interval}"] if interval else []),
        f"Invasiveness: {t.invasiveness} of 5",
        f"Results last: {lasting}",
    ]


st.title("Learn about the options")
show_state_messages()
disclaimer()
st.markdown(safe(content.condition["what_they_are"]))


@st.fragment
def learn_tabs() -> None:
    """The tabs and the sections in them draw their content only when open, and opening one
    reruns only this part of the page."""
    tabs = st.tabs(
        ["Options", "Things to weigh", "No treatment", "Questions", "Glossary", "Sources"],
        key="learn_tab",
        on_change="rerun",
    )

    if tabs[0].open:
        with tabs[0]:
            st.markdown(
                "All 14 options, each described the same way. TCA CROSS is included because "
                "studies support it for ice pick scars, though many articles leave it out."
            )
            for option_id, treatment in catalog.treatments.items():
                text = content.options[option_id]
                section = lazy_section(treatment.name, f"learn_{option_id}")
                if section is None:
                    continue
                with section:
                    st.markdown(f"**How it works.** {safe(text.how_it_works)}")
                    st.markdown("**Benefits**\n" + bullets(text.benefits))
                    st.markdown("**Harms and side effects**\n" + bullets(text.harms))
                    st.markdown(f"**What it is like.** {safe(text.what_it_is_like)}")
                    st.markdown(
                        f"**How well it works on ice pick scars.** {safe(text.ice_pick_evidence)}"
                    )
                    if text.urgent_warning:
                        st.warning(safe(text.urgent_warning), icon=":material/emergency:")
                    if text.prp_note:
                        st.markdown(f"**PRP add-on.** {safe(text.prp_note)}")
                    st.markdown(
                        "**Numbers**\n" + bullets(facts(treatment, rec.ranking.by_id(option_id)))
                    )
                    if treatment.estimates:
                        st.caption(f"{ESTIMATE_MARK} marks our {ESTIMATE_NOTE}.")
                    if treatment.sources:
                        st.caption(
                            "Sources: "
                            + safe(
                                "; ".join(
                                    f"{catalog.sources[s].short} [{s}]" for s in treatment.sources
                                )
                            )
                        )

    if tabs[1].open:
        with tabs[1]:
            lines = consideration_lines(rec)
            for key, (title, text) in content.considerations.items():
                st.markdown(f"#### {safe(title)}")
                st.markdown(safe(text))
                st.info(safe(lines[key]), icon=":material/person:")

    if tabs[2].open:
        with tabs[2]:
            st.markdown("#### What happens with no treatment")
            st.markdown(safe(content.no_treatment))

    if tabs[3].open:
        with tabs[3]:
            for n, (question, answer) in enumerate(content.faq):
                section = lazy_section(question, f"faq_{n}")
                if section is not None:
                    section.markdown(safe(answer))

    if tabs[4].open:
        with tabs[4]:
            glossary = content.glossary
            st.markdown(
                "\n".join(f"- **{safe(term)}**: {safe(meaning)}" for term, meaning in glossary)
            )

    if tabs[5].open:
        with tabs[5]:
            meta = catalog.meta
            st.markdown(f"**Catalog last reviewed:** {meta.last_reviewed:%d %B %Y}.")
            st.markdown(safe(f"Reviewed by: {meta.reviewed_by}. {meta.update_policy}"))
            st.markdown(safe(f"Funding: {meta.funding}"))
            st.markdown(f"**How the evidence was chosen.** {safe(content.evidence_method)}")
            st.markdown(
                "\n".join(
                    f"- **[{s.id}]** {safe(s.citation)}" + (f" {safe(s.link)}" if s.link else "")
                    for s in catalog.sources.values()
                )
            )


learn_tabs()
footer("learn")
