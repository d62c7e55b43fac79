"""Learn: every option explained, the considerations, FAQ, glossary, no treatment, sources."""

import streamlit as st

from advisor.catalog import Treatment, default_catalog
from advisor.content import default_content
from advisor.explain import option_facts
from advisor.export import escape_markdown
from advisor.summary import consideration_lines, review_line
from advisor.words import ESTIMATE_MARK, ESTIMATE_NOTE
from ui.errors import guarded
from ui.glossary import words_explained
from ui.layout import disclaimer, footer, lazy_section
from ui.nav import LEARN_OPEN, ensure_routed, go
from ui.state import current_recommendation, show_state_messages

ensure_routed()

rec = current_recommendation()
catalog = default_catalog()
content = default_content()


def bullets(items: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"- {escape_markdown(item)}" for item in items)


def option_section(option_id: str, treatment: Treatment) -> None:
    """One option described the same way as every other, drawn only while it is open."""
    section = lazy_section(treatment.name, f"learn_{option_id}")
    if section is None:
        return
    text = content.options[option_id]
    with section:
        st.markdown(f"**How it works.** {escape_markdown(text.how_it_works)}")
        st.markdown("**Benefits**\n" + bullets(text.benefits))
        st.markdown("**Harms and side effects**\n" + bullets(text.harms))
        st.markdown(f"**What it is like.** {escape_markdown(text.what_it_is_like)}")
        st.markdown(
            "**How well it works on ice pick scars.** " + escape_markdown(text.ice_pick_evidence)
        )
        if text.urgent_warning:
            st.warning(escape_markdown(text.urgent_warning), icon=":material/emergency:")
        if text.prp_note:
            st.markdown(f"**PRP add-on.** {escape_markdown(text.prp_note)}")
        facts = option_facts(rec.ranking.by_id(option_id), catalog_details=True)
        st.markdown(
            "**Numbers** (totals for your answers)\n"
            + bullets([f"{label}: {value}" for label, value in facts])
        )
        if treatment.estimates:
            st.caption(f"{ESTIMATE_MARK} marks our {ESTIMATE_NOTE}.")
        if treatment.sources:
            cited = "; ".join(f"{catalog.sources[s].short} [{s}]" for s in treatment.sources)
            st.caption("Sources: " + escape_markdown(cited))
        words_explained(
            [treatment.name, text.how_it_works, *text.benefits, *text.harms,
             text.what_it_is_like, text.ice_pick_evidence],
        )  # fmt: skip


def options_tab() -> None:
    st.markdown(
        "All 14 options, each described the same way. TCA CROSS is included because "
        "studies support it for ice pick scars, though many articles leave it out."
    )
    asked = st.session_state.pop(LEARN_OPEN, None)  # from Compare's "Read about ..."
    order = list(catalog.treatments)
    if asked in catalog.treatments:
        st.session_state[f"learn_{asked}"] = True
        order.remove(asked)
        order.insert(0, asked)  # first, open, so it is on the screen
    for option_id in order:
        option_section(option_id, catalog.treatments[option_id])


def weigh_tab() -> None:
    lines = consideration_lines(rec)
    for key, (title, text) in content.considerations.items():
        st.markdown(f"#### {escape_markdown(title)}")
        st.markdown(escape_markdown(text))
        st.info(escape_markdown(lines[key]), icon=":material/person:")


def no_treatment_tab() -> None:
    st.markdown("#### What happens with no treatment")
    st.markdown(escape_markdown(content.no_treatment))


def questions_tab() -> None:
    for n, (question, answer) in enumerate(content.faq):
        section = lazy_section(question, f"faq_{n}")
        if section is not None:
            section.markdown(escape_markdown(answer))


def glossary_tab() -> None:
    entries = sorted(content.glossary, key=lambda entry: entry[0].lower())
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(term)}**: {escape_markdown(meaning)}"
            for term, meaning in entries
        )
    )


def sources_tab() -> None:
    meta = catalog.meta
    st.markdown(escape_markdown(f"{review_line(meta)} {meta.update_policy}"))
    st.markdown(escape_markdown(f"Funding: {meta.funding}"))
    st.markdown(f"**How the evidence was chosen.** {escape_markdown(content.evidence_method)}")
    st.markdown(
        "\n".join(
            f"- **[{s.id}]** {escape_markdown(s.citation)}"
            + (f" {escape_markdown(s.link)}" if s.link else "")
            for s in catalog.sources.values()
        )
    )


TABS = {
    "Options": options_tab,
    "Things to weigh": weigh_tab,
    "No treatment": no_treatment_tab,
    "Questions": questions_tab,
    "Glossary": glossary_tab,
    "Sources": sources_tab,
}


@st.fragment
@guarded
def learn_tabs() -> None:
    """The tabs and the sections in them draw their content only when open, and opening one
    reruns only this part of the page."""
    if LEARN_OPEN in st.session_state:
        st.session_state["learn_tab"] = "Options"
    tabs = st.tabs(list(TABS), key="learn_tab", on_change="rerun")
    for tab, draw in zip(tabs, TABS.values(), strict=True):
        if tab.open:
            with tab:
                draw()


st.title("Learn about the options")
show_state_messages()
disclaimer()
st.markdown(escape_markdown(content.condition["what_they_are"]))
learn_tabs()
st.subheader("Next steps")
left, right = st.columns(2)
if left.button("Back to my comparison", icon=":material/compare_arrows:", width="stretch"):
    go("compare")
if right.button("Go to my summary", icon=":material/summarize:", width="stretch"):
    go("summary")
footer("learn")
