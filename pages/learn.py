"""Learn: every option explained, the considerations, FAQ, glossary, no treatment, sources."""

import datetime as dt

import streamlit as st
from babel.dates import format_date

from advisor.catalog import Treatment, default_catalog
from advisor.content import OptionText, default_content
from advisor.explain import option_facts
from advisor.export import escape_markdown
from advisor.i18n import LANGUAGES, N_, _, babel_locale, language
from advisor.quiz import knowledge_check
from advisor.summary import consideration_lines, review_line
from advisor.words import ESTIMATE_MARK, ESTIMATE_NOTE
from ui.errors import guarded
from ui.glossary import words_explained
from ui.language import conversion_note
from ui.layout import disclaimer, footer, lazy_section, show_table
from ui.nav import ABOUT_TAB, LEARN_OPEN, LEARN_TAB, ensure_routed, go
from ui.state import current_recommendation, show_state_messages
from ui.tables import html_table

ensure_routed()

rec = current_recommendation()
catalog = default_catalog()
content = default_content()


def bullets(items: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"- {escape_markdown(item)}" for item in items)


def option_text(text: OptionText) -> None:
    """How an option works, its benefits and harms, what it is like, how well it works."""
    st.markdown(_("**How it works.** {text}").format(text=escape_markdown(text.how_it_works)))
    st.markdown(_("**Benefits**") + "\n" + bullets(text.benefits))
    st.markdown(_("**Harms and side effects**") + "\n" + bullets(text.harms))
    st.markdown(_("**What it is like.** {text}").format(text=escape_markdown(text.what_it_is_like)))
    st.markdown(
        _("**How well it works on ice pick scars.** {text}").format(
            text=escape_markdown(text.ice_pick_evidence)
        )
    )
    if text.urgent_warning:
        st.warning(escape_markdown(text.urgent_warning), icon=":material/emergency:")
    if text.prp_note:
        st.markdown(_("**PRP add-on.** {text}").format(text=escape_markdown(text.prp_note)))


def option_section(option_id: str, treatment: Treatment) -> None:
    """One option described the same way as every other, drawn only while it is open."""
    section = lazy_section(treatment.name, f"learn_{option_id}")
    if section is None:
        return
    text = content.options[option_id]
    with section:
        option_text(text)
        facts = option_facts(rec.ranking.by_id(option_id), catalog_details=True)
        st.markdown(
            _("**Numbers** (totals for your answers)")
            + "\n"
            + bullets([f"{label}: {value}" for label, value in facts])
        )
        if treatment.estimates:
            st.caption(
                _("{mark} marks our {note}.").format(mark=_(ESTIMATE_MARK), note=_(ESTIMATE_NOTE))
            )
        if treatment.sources:
            cited = "; ".join(f"{catalog.sources[s].short} [{s}]" for s in treatment.sources)
            st.caption(_("Sources: {sources}").format(sources=escape_markdown(cited)))
        words_explained(
            [treatment.name, text.how_it_works, *text.benefits, *text.harms,
             text.what_it_is_like, text.ice_pick_evidence],
        )  # fmt: skip


def options_tab() -> None:
    st.markdown(
        _(
            "All 14 options, each described the same way. TCA CROSS is included because "
            "studies support it for ice pick scars, though many articles leave it out."
        )
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
    st.markdown("#### " + _("What happens with no treatment"))
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


def review_day(day: dt.date) -> str:
    """'01 March 2026' in English; the translation gives the pattern of each language."""
    # Translators: a Unicode (CLDR) date pattern; the day, month name and year of a review
    return format_date(day, _("dd MMMM yyyy"), locale=babel_locale())


def review_table(last_reviewed: dt.date) -> None:
    treatment, reviewed, sources = _("Treatment"), _("Last reviewed"), _("Sources")
    rows = [
        {treatment: t.name, reviewed: review_day(last_reviewed), sources: ", ".join(t.sources)}
        for t in catalog.treatments.values()
    ]
    caption = _("Each treatment's facts: when they were last checked, and against what")
    show_table(html_table(rows, caption=caption, row_header=treatment))


def about_tab() -> None:
    """The trust panel: who wrote this, how it was checked, funding, the evidence, sources."""
    meta = catalog.meta
    st.subheader(_(ABOUT_TAB))
    st.markdown(
        _(
            "**Who wrote it.** The project team wrote every text here from the published "
            "sources listed below. No dermatologist has reviewed it yet; until one has, this "
            "page says so."
        )
    )
    st.markdown(escape_markdown(f"{review_line(meta)} {meta.update_policy}"))
    st.markdown(escape_markdown(_("Funding: {funding}").format(funding=meta.funding)))
    st.markdown(
        _("**How the evidence was chosen.** {text}").format(
            text=escape_markdown(content.evidence_method)
        )
    )
    st.markdown("**" + _("Last review of each treatment") + "**")
    review_table(meta.last_reviewed)
    st.markdown("**" + _("Sources") + "**")
    st.markdown(
        "\n".join(
            f"- **[{s.id}]** {escape_markdown(s.citation)}"
            + (f" {escape_markdown(s.link)}" if s.link else "")
            for s in catalog.sources.values()
        )
    )


def knowledge_tab() -> None:
    """Five questions from the catalog; each answer shows the right one and why. Nothing here
    is kept or blocks anything."""
    st.markdown(_("Check what you know. Nothing here is saved, and it never stops you going on."))
    for n, question in enumerate(knowledge_check(), start=1):
        chosen = st.radio(f"{n}. {question.text}", question.choices, index=None, key=f"quiz_{n}")
        if chosen is None:
            continue
        right = question.choices[question.answer]
        why = escape_markdown(question.why)
        if chosen == right:
            st.success(_("Right. {why}").format(why=why), icon=":material/check:")
        else:
            st.info(
                _("The answer is “{answer}”. {why}").format(answer=escape_markdown(right), why=why),
                icon=":material/lightbulb:",
            )


def practitioner_tab() -> None:
    st.markdown(escape_markdown(content.practitioner_intro))
    st.markdown(bullets(content.practitioner))
    st.markdown("**" + _("Who usually does each treatment") + "**")
    st.markdown(
        bullets(
            [
                f"{t.name}: {t.performed_by}"
                for t in catalog.treatments.values()
                if t.id != "no_treatment"
            ]
        )
    )


# each tab's English label (a msgid) and what it draws; the tabs show the labels translated
OPTIONS_TAB = N_("Options")
TABS = {
    OPTIONS_TAB: options_tab,
    N_("Things to weigh"): weigh_tab,
    N_("No treatment"): no_treatment_tab,
    N_("Check what you know"): knowledge_tab,
    N_("Choosing who treats you"): practitioner_tab,
    N_("Questions"): questions_tab,
    N_("Glossary"): glossary_tab,
    ABOUT_TAB: about_tab,
}


def tab_in_use_language(chosen: object) -> str | None:
    """The label, in the language in use, of the tab chosen under any language's label (the
    footer's link asks for the English one; a language switch leaves the other's)."""
    for msgid in TABS:
        if chosen in labels_in_every_language(msgid):
            return _(msgid)
    return None


def labels_in_every_language(msgid: str) -> set[str]:
    labels = set()
    for code in LANGUAGES:
        with language(code):
            labels.add(_(msgid))
    return labels


@st.fragment
@guarded
def learn_tabs() -> None:
    """The tabs and the sections in them draw their content only when open, and opening one
    reruns only this part of the page."""
    if LEARN_OPEN in st.session_state:
        st.session_state[LEARN_TAB] = OPTIONS_TAB
    label = tab_in_use_language(st.session_state.get(LEARN_TAB))
    if label is not None and label != st.session_state[LEARN_TAB]:
        st.session_state[LEARN_TAB] = label
    tabs = st.tabs([_(msgid) for msgid in TABS], key=LEARN_TAB, on_change="rerun")
    for tab, draw in zip(tabs, TABS.values(), strict=True):
        if tab.open:
            with tab:
                draw()


st.title(_("Learn about the options"))
show_state_messages()
disclaimer()
conversion_note()  # the costs below are converted from US prices
st.markdown(escape_markdown(content.condition["what_they_are"]))
learn_tabs()
st.subheader(_("Next steps"))
left, right = st.columns(2)
if left.button(_("Back to my comparison"), icon=":material/compare_arrows:", width="stretch"):
    go("compare")
if right.button(_("Go to my summary"), icon=":material/summarize:", width="stretch"):
    go("summary")
footer("learn")
