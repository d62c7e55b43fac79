"""Learn: every option explained, the considerations, FAQ, glossary, no treatment, sources."""

import streamlit as st

from advisor.catalog import Treatment, default_catalog
from advisor.content import default_content
from advisor.explain import estimated, option_facts
from advisor.export import escape_markdown
from advisor.scoring import OptionResult, Range
from advisor.summary import consideration_lines
from advisor.words import ESTIMATE_MARK, ESTIMATE_NOTE, money_range
from ui.layout import disclaimer, footer, lazy_section
from ui.nav import ensure_routed
from ui.state import current_recommendation, show_state_messages

ensure_routed()

UNIT_WORDS = {"session": "per session", "scar": "per scar, each session", "month": "per month"}
rec = current_recommendation()
catalog = default_catalog()
content = default_content()


def bullets(items: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"- {escape_markdown(item)}" for item in items)


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
st.markdown(escape_markdown(content.condition["what_they_are"]))


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
                    st.markdown(f"**How it works.** {escape_markdown(text.how_it_works)}")
                    st.markdown("**Benefits**\n" + bullets(text.benefits))
                    st.markdown("**Harms and side effects**\n" + bullets(text.harms))
                    st.markdown(f"**What it is like.** {escape_markdown(text.what_it_is_like)}")
                    st.markdown(
                        "**How well it works on ice pick scars.** "
                        + escape_markdown(text.ice_pick_evidence)
                    )
                    if text.urgent_warning:
                        st.warning(
                            escape_markdown(text.urgent_warning), icon=":material/emergency:"
                        )
                    if text.prp_note:
                        st.markdown(f"**PRP add-on.** {escape_markdown(text.prp_note)}")
                    st.markdown(
                        "**Numbers**\n" + bullets(facts(treatment, rec.ranking.by_id(option_id)))
                    )
                    if treatment.estimates:
                        st.caption(f"{ESTIMATE_MARK} marks our {ESTIMATE_NOTE}.")
                    if treatment.sources:
                        st.caption(
                            "Sources: "
                            + escape_markdown(
                                "; ".join(
                                    f"{catalog.sources[s].short} [{s}]" for s in treatment.sources
                                )
                            )
                        )

    if tabs[1].open:
        with tabs[1]:
            lines = consideration_lines(rec)
            for key, (title, text) in content.considerations.items():
                st.markdown(f"#### {escape_markdown(title)}")
                st.markdown(escape_markdown(text))
                st.info(escape_markdown(lines[key]), icon=":material/person:")

    if tabs[2].open:
        with tabs[2]:
            st.markdown("#### What happens with no treatment")
            st.markdown(escape_markdown(content.no_treatment))

    if tabs[3].open:
        with tabs[3]:
            for n, (question, answer) in enumerate(content.faq):
                section = lazy_section(question, f"faq_{n}")
                if section is not None:
                    section.markdown(escape_markdown(answer))

    if tabs[4].open:
        with tabs[4]:
            glossary = content.glossary
            st.markdown(
                "\n".join(
                    f"- **{escape_markdown(term)}**: {escape_markdown(meaning)}"
                    for term, meaning in glossary
                )
            )

    if tabs[5].open:
        with tabs[5]:
            meta = catalog.meta
            st.markdown(f"**Catalog last reviewed:** {meta.last_reviewed:%d %B %Y}.")
            st.markdown(escape_markdown(f"Reviewed by: {meta.reviewed_by}. {meta.update_policy}"))
            st.markdown(escape_markdown(f"Funding: {meta.funding}"))
            st.markdown(
                f"**How the evidence was chosen.** {escape_markdown(content.evidence_method)}"
            )
            st.markdown(
                "\n".join(
                    f"- **[{s.id}]** {escape_markdown(s.citation)}"
                    + (f" {escape_markdown(s.link)}" if s.link else "")
                    for s in catalog.sources.values()
                )
            )


learn_tabs()
footer("learn")
