"""Summary: the answers in plain words, top options, cautions, plan, questions, notes, save."""

import datetime as dt

import streamlit as st

from advisor.charts import plan_chart
from advisor.explain import facts_line
from advisor.export import (
    export_filename,
    money_range,
    number_range,
    to_csv,
    to_markdown,
    to_profile_json,
)
from advisor.pdf import build_pdf
from advisor.profile import NOTES_MAX
from advisor.summary import (
    describe_profile,
    doing_nothing,
    grouped_cautions,
    plan_hold_lines,
    plan_other_lines,
    plan_totals_line,
    provider_questions,
    severity_lines,
    step_line,
    top_options,
    urgent_warnings,
)
from advisor.words import STATUS_LABELS, STATUS_WORDS, money
from ui import widgets as w
from ui.layout import chart_with_table, disclaimer, footer, lazy_section, safe
from ui.nav import ensure_routed
from ui.state import chart_image_cache, current_recommendation, share_link, show_state_messages

ensure_routed()

rec = current_recommendation()
options = rec.ranking.options

st.title("Your summary")
show_state_messages()
disclaimer()

st.subheader("Your answers")
st.markdown("\n".join(f"- {safe(line)}" for line in describe_profile(rec.profile)))
severity = "\n".join(f"- {safe(line)}" for line in severity_lines(rec.severity))
st.markdown(f"**Severity estimate**\n\n{severity}")

st.subheader("Your top options")
# one text block per option and one for all cautions: fewer elements make the page quicker
top = top_options(rec)
for option in top:
    with st.container(border=True):
        st.markdown(
            f"**{option.rank}. {safe(option.name)}**: fit {option.fit} of 100, "
            f"{STATUS_LABELS[option.status]}\n\n{safe(facts_line(option))}\n\n"
            + "\n".join(f"- {safe(r)}" for r in option.reasons[:3])
        )
for warning in urgent_warnings(top):
    st.warning(safe(warning), icon=":material/emergency:")

st.subheader("If you do nothing")
st.markdown(safe(doing_nothing()))

st.subheader("Cautions to discuss")
groups = grouped_cautions(rec)
st.markdown(
    "\n\n".join(
        f"**{STATUS_WORDS[effect]}:** {safe(text)}  \n*Applies to:* {safe(', '.join(names))}"
        for effect, text, names in groups
    )
    or "None of your answers raised a caution."
)

st.subheader("Suggested combination plan")
plan = rec.plan
if plan.on_hold:
    hold, meanwhile = plan_hold_lines(rec.profile)
    st.info(safe(hold), icon=":material/pause_circle:")
    st.markdown("**What you can do meanwhile**\n\n" + "\n".join(f"- {safe(m)}" for m in meanwhile))
if plan.procedures:
    cols = st.columns(4)
    cols[0].metric(
        "Typical cost",
        money(plan.typical_cost_usd),
        help=f"Range {money_range(plan.total_cost_usd)}",
    )
    cols[1].metric("Sessions", plan.total_sessions)
    cols[2].metric("Healing days", number_range(plan.total_downtime_days))
    cols[3].metric("Weeks", plan.total_weeks)
    st.markdown(
        "\n".join(
            f"{step.step}. {safe(step_line(step, rec.profile.health.breastfeeding))}"
            for step in plan.steps
        )
    )
    st.caption(safe(plan_totals_line(plan)))
    chart = plan_chart(plan)
    if chart is not None:  # drawn at once: the plan is what this section exists to show
        chart_with_table(chart, "plan_table")
for line in plan_other_lines(plan):
    st.info(safe(line), icon=":material/info:")

st.subheader("Questions to ask a provider")
st.markdown("\n".join(f"{n}. {safe(q)}" for n, q in enumerate(provider_questions(rec), start=1)))

st.subheader("Your notes")
w.long_text(
    "notes",
    "My concerns and questions for the doctor",
    "Kept with your answers, in the link and in the saved file. Shown as plain text.",
    max_chars=NOTES_MAX,
    placeholder="For example: I have a wedding in June.",
)

st.subheader("Take it to your dermatologist")
st.markdown("Each file is made when you press its button. Nothing is kept on the server.")
paper = st.radio(
    "Paper size for the PDF",
    ["A4", "Letter"],
    horizontal=True,
    key="pdf_paper",
    help="A4 is used in most countries; Letter in the US and Canada.",
)
today = dt.date.today()
files = (
    (
        "PDF summary",
        "pdf",
        "application/pdf",
        lambda: build_pdf(rec, page_size=paper, today=today, image_cache=chart_image_cache()),
    ),
    ("Markdown summary", "markdown", "text/markdown", lambda: to_markdown(rec, today=today)),
    ("Table of options (.csv)", "csv", "text/csv", lambda: to_csv(rec)),
    ("Save answers (.json)", "json", "application/json", lambda: to_profile_json(rec)),
)
columns = st.columns(2)
for n, (label, kind, mime, make) in enumerate(files):
    columns[n % 2].download_button(
        label,
        data=make,
        file_name=export_filename(kind, today),
        mime=mime,
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
        key=f"download_{kind}",
    )
st.markdown(
    "Open the saved answers file later on the Start page to pick up where you left off. The "
    "address of this page also holds your answers: copy it to come back later or to share with "
    "your dermatologist. Anyone with the link can see your answers."
)
link = share_link()
if link:
    # drawn only once opened: the code box brings a large script the page otherwise skips
    shown = lazy_section("Show my share link", "share_link", ":material/link:")
    if shown is not None:
        with shown:
            st.caption("The copy button is at the right of the link.")
            st.code(link, language=None, wrap_lines=True)
footer("summary")
