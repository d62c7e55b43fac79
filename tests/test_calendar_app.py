"""The Summary page's dates: adding, refusing and removing events, the start date, the file."""

from __future__ import annotations

import datetime as dt

from factories import make_profile
from test_app import open_page, shown_text

from advisor.profile import Profile

LATER = dt.date.today() + dt.timedelta(days=70)


def _add(at, day: dt.date | None, name: str):
    at.date_input(key="event_date").set_value(day)
    at.text_input(key="event_name").input(name)
    next(b for b in at.button if b.label == "Add this date").click()
    return at.run()


def test_an_event_added_on_the_summary_moves_the_plan_around_it() -> None:
    at = open_page("pages/summary.py", make_profile(notes="keep me"))
    at = _add(at, LATER, "Wedding <b>*big*</b>")
    assert not at.exception
    profile: Profile = at.session_state["profile"]
    assert [(e.date, e.name) for e in profile.calendar.events] == [(LATER, "Wedding <b>*big*</b>")]
    assert profile.notes == "keep me"
    assert at.date_input(key="event_date").value is None, "the form is ready for the next"
    text = shown_text(at)
    # the name is shown as typed: escaped for Markdown, never bold or HTML
    assert "Wedding \\<b\\>\\*big\\*\\</b\\>" in text
    assert "No session's healing or redness covers your dates" in text
    assert at.query_params["ev"], "the link keeps the event"
    assert any(b.label == "Add to my calendar (.ics)" for b in at.get("download_button"))


def test_an_event_without_a_name_or_day_is_refused_by_field_and_nothing_is_lost() -> None:
    at = open_page("pages/summary.py", make_profile(notes="keep me"))
    at = _add(at, LATER, "   ")
    errors = " ".join(e.value for e in at.error)
    assert (
        errors == "That date was not added. Give the day a name, such as wedding or job interview."
    )
    at = _add(at, None, "Interview")
    errors = " ".join(e.value for e in at.error)
    assert errors == "That date was not added. Pick the day first (from today on)."
    assert at.text_input(key="event_name").value == "Interview", "the form keeps what was typed"
    assert at.session_state["profile"].calendar.events == []
    assert at.session_state["profile"].notes == "keep me"


def test_dates_show_in_order_and_remove_takes_the_one_beside_it() -> None:
    days = {"Later": LATER + dt.timedelta(days=9), "Sooner": LATER}
    profile = make_profile(
        calendar={"events": [{"date": d.isoformat(), "name": n} for n, d in days.items()]}
    )
    at = open_page("pages/summary.py", profile)
    text = shown_text(at)
    assert text.index("Sooner") < text.index("Later"), "by date, not in the order added"
    next(b for b in at.button if b.key == "remove_event_0").click()  # beside "Later"
    at.run()
    assert [e.name for e in at.session_state["profile"].calendar.events] == ["Sooner"]
    at.date_input(key="cal_start").set_value(LATER).run()
    assert at.session_state["profile"].calendar.start_date == LATER
    assert f"Starting {LATER:%a, %b} {LATER.day}, {LATER.year}" in shown_text(at)


def test_ten_events_are_the_most_and_the_form_says_so() -> None:
    days = [LATER + dt.timedelta(days=n) for n in range(10)]
    profile = make_profile(
        calendar={
            "events": [{"date": d.isoformat(), "name": f"Day {n}"} for n, d in enumerate(days)]
        }
    )
    at = open_page("pages/summary.py", profile)
    assert not at.exception
    assert not any(b.label == "Add this date" for b in at.button)
    assert "You have 10 dates, the most the plan takes" in shown_text(at)
