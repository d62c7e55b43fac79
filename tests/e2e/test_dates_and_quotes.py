"""Plan around my dates and check a quote, in a real browser: the form, the calendar file,
and the quote's flags in the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from pypdf import PdfReader

from tests.e2e.conftest import wait_idle
from tests.e2e.helpers import body, goto, no_exceptions
from tests.e2e.test_journeys import download

NAME = 'Sam & Alex\'s "wedding"; <b>Paris</b>'


def _pick_date(tab, label: str, day: dt.date) -> None:
    """Type the day into the date field's year, month and day parts, as a keyboard user does."""
    field = tab.get_by_label(label, exact=True)
    field.get_by_role("spinbutton").first.click()
    tab.keyboard.type(day.strftime("%Y%m%d"))
    tab.keyboard.press("Tab")


def test_a_person_adds_a_date_and_a_quote_and_takes_both_home(page, server, tmp_path: Path):
    goto(page, server.url + "/summary?n=20&d=deep")
    wedding = dt.date.today() + dt.timedelta(days=45)
    _pick_date(page, "Date to keep clear", wedding)
    page.get_by_label("What is it? (for example: wedding, job interview, beach holiday)").fill(NAME)
    page.get_by_role("button", name="Add this date").click()
    wait_idle(page)
    no_exceptions(page)
    text = body(page)
    assert NAME in text, "the name is shown exactly as typed, not as markup"
    assert "No session's healing or redness covers your dates" in text
    assert "ev=" in page.url, "the link keeps the date"

    ics = icalendar.Calendar.from_ical(download(page, "Add to my calendar (.ics)", tmp_path))
    sessions = [e for e in ics.events if str(e["SUMMARY"]).startswith("Suggested, not booked")]
    healing = [e for e in ics.events if str(e["SUMMARY"]).startswith("Healing or redness may show")]
    assert len(sessions) == len(healing) == 5  # TCA CROSS, 5 sessions (data/treatments.csv)
    assert all(not (w.DTSTART <= wedding < w.DTEND) for w in healing)
    assert f"{NAME} (" in str(sessions[0]["DESCRIPTION"])

    page.get_by_label("Treatment", exact=True).click()
    page.get_by_role("option", name="Ablative fractional laser (CO2 or erbium)").click()
    for label, value in (("Sessions", "3"), ("Total price (US$)", "4500")):
        box = page.get_by_label(label, exact=True)
        box.fill(value)
    page.get_by_label("Who would do it?", exact=True).click()
    page.get_by_role("option", name="A dermatologist").click()
    page.get_by_role("button", name="Check this quote").click()
    wait_idle(page)
    no_exceptions(page)
    text = body(page)
    assert "3 sessions, $4,500 in all" in text
    assert "Ice pick scars are usually treated one at a time first" in text

    data = download(page, "PDF summary", tmp_path)
    pdf = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(_file(tmp_path, data)).pages
    )
    assert "Quotes I was given" in pdf
    assert "small to medium improvement for ice pick scars" in pdf
    assert "treated one at a time first" in pdf and "[S35]" in pdf
    assert NAME in pdf, "the event name in the plan's dates"


def _file(folder: Path, data: bytes) -> Path:
    path = folder / "summary.pdf"
    path.write_bytes(data)
    return path
