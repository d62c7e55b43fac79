"""The plan on dates (Summary page): a start date, the person's events, the suggested days,
what clashes, and the calendar file. Event names are the person's text: shown escaped."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from advisor.dates import day_text
from advisor.export import escape_markdown, export_filename
from advisor.i18n import _, ngettext
from advisor.ics import to_ics
from advisor.profile import EVENT_NAME_MAX, MAX_EVENTS
from advisor.summary import PlanSection
from advisor.words import number
from ui.language import in_answers_language
from ui.state import current_profile, set_answer, try_answer, use_answers_language

START_KEY = "cal_start"
EVENT_ERROR = "_event_error"
LATEST_YEARS = 5  # how far ahead a start or an event may be picked


def _latest(today: dt.date) -> dt.date:
    return today.replace(year=today.year + LATEST_YEARS)


def _start_changed() -> None:
    day = st.session_state[START_KEY]
    set_answer("calendar.start_date", day.isoformat() if day else None)


def start_input(today: dt.date) -> None:
    """The plan's first day; empty means from today (and today is never stored)."""
    if START_KEY not in st.session_state:
        st.session_state[START_KEY] = current_profile().calendar.start_date
    st.date_input(
        _("When could you start? (leave empty for today)"),
        min_value=today,
        max_value=_latest(today),
        key=START_KEY,
        on_change=_start_changed,
        format="YYYY-MM-DD",
        help=_("The plan counts from this day. Empty means from today; today's date is not saved."),
    )


def _events_as_data() -> list[dict]:
    return [e.model_dump(mode="json") for e in current_profile().calendar.events]


def event_problem(day: dt.date | None, name: str, today: dt.date) -> str:
    """What is wrong with a date typed into the form, in plain words ("" if nothing)."""
    if day is None:
        return _("Pick the day first (from today on).")
    if day < today:
        return _("That day has passed. Pick a day from today on.")
    if not name:
        return _("Give the day a name, such as wedding or job interview.")
    return ""


def _add_event(today: dt.date) -> None:
    """Form callback: a day and a name checked in plain words first; then the profile's own
    check (which names the field). A refused date changes nothing; the form keeps its text.
    A callback runs before the page sets the language: it sets it itself."""
    use_answers_language()
    day, name = st.session_state["event_date"], st.session_state["event_name"].strip()
    problem = event_problem(day, name, today)
    if problem:
        st.session_state[EVENT_ERROR] = [problem]
        return
    assert day is not None
    events = [*_events_as_data(), {"date": day.isoformat(), "name": name}]
    st.session_state[EVENT_ERROR] = problems = try_answer("calendar.events", events)
    if not problems:
        st.session_state["event_name"] = ""
        st.session_state["event_date"] = None


def _remove_event(index: int) -> None:
    events = _events_as_data()
    del events[index]
    set_answer("calendar.events", events)


def events_input(today: dt.date) -> None:
    """The person's dates, each with a Remove button, and a small form to add one more."""
    events = current_profile().calendar.events
    # shown by date; each Remove button removes its own entry from the saved order
    for n, event in sorted(enumerate(events), key=lambda pair: pair[1].date):
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(f"**{escape_markdown(day_text(event.date))}**: {escape_markdown(event.name)}")
        right.button(
            _("Remove"),
            key=f"remove_event_{n}",
            on_click=_remove_event,
            args=(n,),
            help=_("Remove {name}").format(name=event.name),
            width="stretch",
        )
    if len(events) >= MAX_EVENTS:
        st.caption(
            ngettext(
                "You have {n} date, the most the plan takes. Remove it to add another.",
                "You have {n} dates, the most the plan takes. Remove one to add.",
                MAX_EVENTS,
            ).format(n=number(MAX_EVENTS))
        )
        return
    with st.form("add_event", clear_on_submit=False, border=True, enter_to_submit=False):
        st.date_input(
            _("Date to keep clear"),
            min_value=today,
            max_value=_latest(today),
            value=None,
            key="event_date",
            format="YYYY-MM-DD",
        )
        st.text_input(
            _("What is it? (for example: wedding, job interview, beach holiday)"),
            max_chars=EVENT_NAME_MAX,
            key="event_name",
        )
        st.form_submit_button(
            _("Add this date"), icon=":material/event:", on_click=_add_event, args=(today,)
        )
    for line in st.session_state.get(EVENT_ERROR, []):
        st.error(
            _("That date was not added. {problem}").format(problem=line), icon=":material/error:"
        )


def dates_section(plan: PlanSection, made_on: dt.date) -> None:
    """Suggested days for every session around the person's dates, and the calendar file."""
    st.subheader(_("Plan around your dates"))
    st.markdown(
        _(
            "Add days you want to look your best, such as a wedding or an interview. No session "
            "is put where its healing would still show on those days."
        )
    )
    start_input(made_on)
    count = len(current_profile().calendar.events)
    with st.expander(_("Your dates ({n})").format(n=number(count)), expanded=True):
        events_input(made_on)
    notes = plan.calendar(escape_markdown)
    if notes:  # one box: four boxes in a row were hard to read on a phone
        st.info("\n".join(f"- {line}" for line in notes), icon=":material/event:")
    dates = plan.dates(escape_markdown)
    if not dates:
        return
    st.markdown(plan.dates_intro)
    st.markdown("\n".join(f"- {line}" for line in dates))
    st.download_button(
        _("Add to my calendar (.ics)"),
        data=in_answers_language(lambda: to_ics(plan.dated, made_on)),
        file_name=export_filename("ics", made_on),
        mime="text/calendar",
        on_click="ignore",
        icon=":material/calendar_add_on:",
        key="download_ics",
        help=_(
            "One all-day entry for each suggested session and one for the healing after it. "
            "They are dates to discuss with your clinic, not bookings."
        ),
    )
