"""Summary: the answers in plain words, top options, cautions, plan, questions, notes, save."""

import streamlit as st

from advisor.charts import plan_chart
from advisor.content import default_content
from advisor.export import (
    escape_markdown,
    export_filename,
    render_markdown,
    to_csv,
    to_profile_json,
)
from advisor.i18n import _
from advisor.pdf import render_pdf
from advisor.profile import NOTES_MAX
from advisor.summary import PlanSection, Summary, build_summary
from advisor.words import STATUS_LABELS, money, money_range, number, number_range
from ui import widgets as w
from ui.calendar import dates_section
from ui.decision import decision_section
from ui.glossary import words_explained
from ui.language import conversion_note, in_answers_language
from ui.layout import chart_with_table, disclaimer, example_notice, footer, lazy_section
from ui.nav import ensure_routed
from ui.quotes import quotes_section
from ui.state import chart_image_cache, current_recommendation, share_link, show_state_messages

ensure_routed()


def show_for_the_dermatologist(summary: Summary) -> None:
    """The same facts as page 1 of the PDF; the person's own words shown exactly as typed."""
    st.subheader(_("For your dermatologist"))
    st.caption(_("From your answers; not a diagnosis. Page 1 of the PDF holds the same."))
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(f.label)}:** "
            + (f"“{escape_markdown(f.text)}”" if f.own_words else escape_markdown(f.text))
            for f in summary.clinician
        )
    )


def show_top_options(summary: Summary) -> None:
    st.subheader(_("Your top options"))
    # one text block per option and one for all cautions: fewer elements make the page quicker
    for option, reasons in zip(summary.top, summary.top_reasons, strict=True):
        heading = _("**{rank}. {name}**: fit {fit} of 100, {status}").format(
            rank=option.rank,
            name=escape_markdown(option.name),
            fit=option.fit,
            status=STATUS_LABELS[option.status],
        )
        with st.container(border=True):
            st.markdown(heading + "\n\n" + "\n".join(f"- {escape_markdown(r)}" for r in reasons))
    for warning in summary.urgent:
        st.warning(escape_markdown(warning), icon=":material/emergency:")
    words_explained(
        [*(f.text for f in summary.clinician), *(r for rs in summary.top_reasons for r in rs)],
        _("Words in your top options"),
    )


def show_cautions(summary: Summary) -> None:
    st.subheader(_("Cautions to discuss"))
    lines = [escape_markdown(summary.limits_line)] if summary.limits_line else []
    lines += [
        _("**{label}:** {text}  \n*Applies to:* {options}").format(
            label=group.label,
            text=escape_markdown(group.text),
            options=escape_markdown(", ".join(group.options)),
        )
        for group in summary.cautions
    ]
    st.markdown("\n\n".join(lines) or _("None of your answers raised a caution."))
    words_explained([g.text for g in summary.cautions], _("Words in these cautions"))


def show_plan(section: PlanSection) -> None:
    st.subheader(_("Suggested combination plan"))
    plan = section.plan
    for line in section.limits:  # first: the plan passes one of your own limits
        st.warning(escape_markdown(line), icon=":material/warning:")
    if section.hold:
        st.info(escape_markdown(section.hold), icon=":material/pause_circle:")
        st.markdown(
            _("**What you can do meanwhile**")
            + "\n\n"
            + "\n".join(f"- {escape_markdown(m)}" for m in section.meanwhile)
        )
    if section.steps:
        cols = st.columns(4)
        cols[0].metric(
            _("Typical cost"),
            money(plan.typical_cost_usd),
            help=_("Range {range}").format(range=money_range(plan.total_cost_usd)),
        )
        cols[1].metric(_("Sessions"), number(plan.total_sessions))
        cols[2].metric(_("Healing days"), number_range(plan.total_downtime_days))
        cols[3].metric(_("Weeks"), number(plan.total_weeks))
        st.markdown(
            "\n".join(f"{n}. {escape_markdown(step)}" for n, step in enumerate(section.steps, 1))
        )
        st.caption(escape_markdown(section.totals))
        chart = plan_chart(plan, section.dated)
        if chart is not None:  # drawn at once: the plan is what this section exists to show
            chart_with_table(chart, "plan_table")
    for line in section.other:
        st.info(escape_markdown(line), icon=":material/info:")


rec = current_recommendation()
summary = build_summary(rec)

st.title(_("Your summary"))
show_state_messages()
disclaimer()
example_notice("summary")
st.caption(summary.review_line)
conversion_note()  # before the first cost (the budget, for your dermatologist)
show_for_the_dermatologist(summary)
show_top_options(summary)
show_plan(summary.plan)
dates_section(summary.plan, summary.made_on)
quotes_section(summary)
show_cautions(summary)
st.subheader(_("If you do nothing"))
st.markdown(escape_markdown(summary.doing_nothing))

decision_section(rec)

practitioner = lazy_section(_("Choosing who treats you"), "sum_practitioner", ":material/badge:")
if practitioner is not None:
    with practitioner:
        st.markdown(escape_markdown(default_content().practitioner_intro))
        st.markdown("\n".join(f"- {escape_markdown(i)}" for i in default_content().practitioner))
st.subheader(_("Questions to ask a provider"))
st.markdown(
    "\n".join(f"{n}. {escape_markdown(q)}" for n, q in enumerate(summary.questions, start=1))
)

st.subheader(_("Your notes"))
w.long_text(
    "notes",
    _("My concerns and questions for the doctor"),
    _("Kept with your answers, in the link and in the saved file. Shown as plain text."),
    max_chars=NOTES_MAX,
    placeholder=_("For example: I have a wedding in June."),
)

st.subheader(_("Take it to your dermatologist"))
st.markdown(_("Each file is made when you press its button. Nothing is kept on the server."))
paper = st.radio(
    _("Paper size for the PDF"),
    ["A4", "Letter"],
    horizontal=True,
    key="pdf_paper",
    format_func=lambda size: _("Letter") if size == "Letter" else size,
    help=_("A4 is used in most countries; Letter in the US and Canada."),
)
today = summary.made_on
files = (
    (
        _("PDF summary"),
        "pdf",
        "application/pdf",
        lambda: render_pdf(summary, page_size=paper, image_cache=chart_image_cache()),
    ),
    (_("Markdown summary"), "markdown", "text/markdown", lambda: render_markdown(summary)),
    (_("Table of options (.csv)"), "csv", "text/csv", lambda: to_csv(rec)),
    (_("Save answers (.json)"), "json", "application/json", lambda: to_profile_json(rec)),
)
columns = st.columns(2)
for n, (label, kind, mime, make) in enumerate(files):
    columns[n % 2].download_button(
        label,
        data=in_answers_language(make),
        file_name=export_filename(kind, today),
        mime=mime,
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
        key=f"download_{kind}",
    )
st.markdown(
    _(
        "Open the saved answers file later on the Start page to pick up where you left off. "
        "The address of this page also holds your answers: copy it to come back later or to "
        "share with your dermatologist. Anyone with the link can see your answers."
    )
)
link = share_link()
if link:
    # drawn only once opened: the code box brings a large script the page otherwise skips
    shown = lazy_section(_("Show my share link"), "share_link", ":material/link:")
    if shown is not None:
        with shown:
            st.caption(_("The copy button is at the right of the link."))
            st.code(link, language=None, wrap_lines=True)
footer("summary")
