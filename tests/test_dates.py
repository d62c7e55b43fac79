"""The plan on real dates: sessions never heal over an event, clashes are named, and the
calendar file holds what the page says."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import icalendar
from factories import make_profile, profiles
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.dates import (
    DatedPlan,
    calendar_lines,
    date_plan,
    day_text,
    fit_lines,
    healing_days,
    month_text,
)
from advisor.i18n import language
from advisor.ics import NOT_BOOKINGS, to_ics
from advisor.profile import Profile
from advisor.recommend import recommend

TODAY = dt.date(2026, 11, 30)  # a Monday
ROOT = Path(__file__).resolve().parents[1]


def _dated(profile: Profile, today: dt.date = TODAY) -> DatedPlan:
    return date_plan(recommend(profile), today)


def _with_dates(events: list[tuple[str, str]], **sections: dict) -> Profile:
    calendar = {"events": [{"date": day, "name": name} for day, name in events]}
    return make_profile(calendar=calendar, **sections)


def test_without_events_each_session_falls_on_the_week_plan_days() -> None:
    rec = recommend(make_profile(scars={"other_types": ["rolling"]}))
    dated = date_plan(rec, TODAY)
    tca = [s.day for s in dated.sessions if s.option_id == "tca_cross"]
    # TCA CROSS every 4-6 weeks: the typical 5, from today, 5 sessions (data/treatments.csv)
    assert tca == [TODAY + dt.timedelta(weeks=5 * n) for n in range(5)]
    assert dated.ends == TODAY + dt.timedelta(weeks=rec.plan.total_weeks)
    assert dated.fits and dated.start_is_today


def test_a_wedding_moves_the_session_whose_redness_would_show() -> None:
    # TCA CROSS sessions on Nov 30, Jan 4, Feb 8...; redness up to 4 weeks after each [S31]
    dated = _dated(_with_dates([("2027-02-20", "Wedding")]))
    third = next(s for s in dated.sessions if s.number == 3)
    assert third.day == dt.date(2027, 2, 21), "the day after the wedding"
    assert [e.name for e in third.moved_for] == ["Wedding"]
    assert not dated.overlaps() and dated.fits
    fourth = next(s for s in dated.sessions if s.number == 4)
    assert fourth.day == third.day + dt.timedelta(weeks=5), "the rest keep their spacing"
    assert fit_lines(dated, 26) == [
        "No session's healing or redness covers your dates: Wedding (Sat, Feb 20, 2027).",
        # Nov 30 and Jan 4, redness up to 4 weeks after each: over by Feb 1
        "By Wedding (Sat, Feb 20, 2027): 2 of the 5 sessions done, with healing and redness over.",
        # week 21 was Mon Apr 26; the third session moved 13 days, from Feb 8 to Feb 21
        "To keep them clear, 1 session was moved, so the plan ends about Sun, May 9, 2027 "
        "instead of Mon, Apr 26, 2027.",
    ]


def test_when_the_moves_pass_the_weeks_available_it_names_the_clash_and_ways_out() -> None:
    profile = _with_dates(
        [("2027-01-20", "Job interview"), ("2027-03-20", "Wedding")],
        preferences={"weeks_available": 22},
    )
    dated = _dated(profile)
    assert not dated.fits and not dated.too_long_anyway
    assert [e.name for e in dated.clashes] == ["Job interview", "Wedding"]
    words = " ".join(fit_lines(dated, 22))
    assert "Job interview (Wed, Jan 20, 2027)" in words and "Wedding" in words
    assert f"after {day_text(TODAY + dt.timedelta(weeks=22))}" in words
    assert "A later start: from Sun, Mar 21, 2027" in words
    assert f"of the {len(dated.sessions)} sessions can be done" in words
    # punch excision heals in about a week, TCA CROSS shows redness up to four weeks
    assert "Another option: Punch excision shows healing for about 7 days" in words


def test_a_plan_too_long_anyway_says_so_and_blames_no_event() -> None:
    dated = _dated(_with_dates([("2027-02-20", "Wedding")], preferences={"weeks_available": 4}))
    assert dated.too_long_anyway and dated.clashes == []
    assert "Even without your dates" in " ".join(fit_lines(dated, 4))


def test_dates_that_cannot_be_used_are_named_and_left_out() -> None:
    profile = make_profile(
        calendar={
            "start_date": "2027-03-01",
            "events": [
                {"date": "2026-06-01", "name": "Last summer"},
                {"date": "2027-02-01", "name": "Party"},
                {"date": "2027-04-01", "name": "Wedding"},
            ],
        }
    )
    dated = _dated(profile)
    assert [e.name for e in dated.events] == ["Wedding"]
    lines = calendar_lines(dated, 26)
    assert lines[0].startswith('calendar.events.date (event 1): "Last summer" on Mon, Jun 1, 2026')
    assert "is in the past" in lines[0]
    assert lines[1].startswith('calendar.events.date (event 2): "Party"')
    assert "before the plan starts (Mon, Mar 1, 2027)" in lines[1]
    past_start = _dated(make_profile(calendar={"start_date": "2026-01-05"}))
    assert past_start.start == TODAY
    assert calendar_lines(past_start, 26)[0] == (
        "calendar.start_date: Mon, Jan 5, 2026 is in the past, so the plan starts today "
        "(Mon, Nov 30, 2026) instead."
    )


def test_days_and_months_are_written_the_way_the_language_writes_them() -> None:
    assert day_text(TODAY) == "Mon, Nov 30, 2026" and month_text(TODAY) == "November"
    with language("es"):
        assert day_text(TODAY) == "lunes 30 de noviembre de 2026"  # "mar" is martes and marzo
        assert month_text(TODAY) == "noviembre"


def test_acne_care_comes_first_and_no_session_starts_before_week_8() -> None:
    dated = _dated(make_profile(skin={"active_acne": True}))
    assert dated.blocks and dated.blocks[0].first == TODAY
    assert min(s.day for s in dated.sessions) >= TODAY + dt.timedelta(weeks=8)


def test_laser_sessions_note_the_sun_and_darker_skin_more_so() -> None:
    light = {"fitzpatrick": 2}
    maximal = {"goal": "maximal", "budget_usd": 20000, "max_downtime_days": 14}
    plan = _dated(make_profile(skin=light, preferences={**maximal, "weeks_available": 60}))
    assert any(s.option_id == "laser_ablative" for s in plan.sessions)
    words = " ".join(calendar_lines(plan, 60))
    assert "raise the risk of dark patches [S34]" in words and "[S37]" not in words
    months = {month_text(s.day) for s in plan.sun_sensitive}
    assert all(m in words for m in months)
    dark = _dated(make_profile(skin={"dark_marks_after_injury": True, "fitzpatrick": 2}))
    no_laser = not dark.sun_sensitive
    assert no_laser or "darkens more easily [S34, S37]" in " ".join(calendar_lines(dark, 26))


def test_a_pregnancy_plan_has_no_dates() -> None:
    dated = _dated(_with_dates([("2027-02-20", "Wedding")], health={"pregnant": True}))
    assert dated.sessions == [] and fit_lines(dated, 26) == []


# ----------------------------------------------------------------------------- properties

days_ahead = st.integers(0, 400).map(lambda n: TODAY + dt.timedelta(days=n))
events = st.lists(
    st.tuples(days_ahead, st.text(min_size=1, max_size=80).filter(str.isprintable)),
    max_size=10,
)


@settings(max_examples=250, deadline=None)
@given(profiles, st.one_of(st.none(), days_ahead), events)
def test_a_plan_that_fits_keeps_every_event_clear_and_one_that_cannot_names_the_clash(
    profile: Profile, start: dt.date | None, chosen: list[tuple[dt.date, str]]
) -> None:
    calendar = {
        "start_date": start,
        "events": [{"date": day, "name": name} for day, name in chosen],
    }
    profile = profile.model_copy(update={"calendar": Profile.model_validate(
        {"calendar": calendar}).calendar})  # fmt: skip
    dated = _dated(profile)
    # never, fitting or not: a session whose healing covers an event the plan keeps clear
    for s in dated.sessions:
        heal = healing_days(recommend(profile).catalog.treatments[s.option_id])
        assert s.heals_by == s.day + dt.timedelta(days=heal)
        assert not any(s.day <= e.date <= s.heals_by for e in dated.events)
    weeks = profile.preferences.weeks_available
    words = " ".join(fit_lines(dated, weeks))
    if dated.fits:
        assert "do not both fit" not in words
    elif not dated.too_long_anyway:
        assert dated.clashes, "a plan that cannot fit because of events names them"
        assert all(f"{e.name} ({day_text(e.date)})" in words for e in dated.clashes)
    if dated.events and not dated.fits:
        assert dated.sessions_by_deadline <= len(dated.sessions)


# ----------------------------------------------------------------------------- the .ics file


def _entries(ics: bytes) -> tuple[list[icalendar.Event], list[icalendar.Event]]:
    calendar = icalendar.Calendar.from_ical(ics)
    sessions = [e for e in calendar.events if str(e["SUMMARY"]).startswith("Suggested, not booked")]
    healing = [
        e for e in calendar.events if str(e["SUMMARY"]).startswith("Healing or redness may show")
    ]
    assert len(sessions) + len(healing) == len(calendar.events)
    return sessions, healing


def test_the_calendar_file_has_every_session_and_healing_window_clear_of_events() -> None:
    name = 'Sam & Alex\'s "wedding"; Paris, 100% \\ back-slash, 🎉 é'
    profile = _with_dates(
        [("2027-02-20", name), ("2027-07-03", "Beach; sun, sea")],
        scars={"other_types": ["rolling"]},
    )
    dated = _dated(profile)
    sessions, healing = _entries(to_ics(dated, TODAY))
    assert len(sessions) == len(dated.sessions) == len(healing) == 8  # 5 TCA CROSS + 3 subcision
    event_days = [dt.date(2027, 2, 20), dt.date(2027, 7, 3)]
    for window in healing:
        first, after = window.DTSTART, window.DTEND  # all day: DTEND is the day after
        assert isinstance(first, dt.date) and not isinstance(first, dt.datetime)
        assert not any(first <= day < after for day in event_days)
        assert str(window["TRANSP"]) == "TRANSPARENT"
    for entry in sessions + healing:
        description = str(entry["DESCRIPTION"])
        assert NOT_BOOKINGS in description
        assert f"{name} (Sat, Feb 20, 2027)" in description, "special characters round-trip"
    assert sorted(s.DTSTART for s in sessions) == sorted(s.day for s in dated.sessions)


def test_the_calendar_file_is_the_same_in_every_download() -> None:
    dated = _dated(_with_dates([("2027-02-20", "Wedding")]))
    assert to_ics(dated, TODAY) == to_ics(dated, TODAY)


def test_the_command_line_writes_the_calendar_file(tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    later = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    events = [(later, "Wedding, big; day"), ("2020-01-01", "Gone"), ("2027-02-30", "Bad")]
    calendar = {"events": [{"date": day, "name": name} for day, name in events]}
    profile.write_text(json.dumps({"calendar": calendar}))
    out = tmp_path / "plan.ics"
    done = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", str(profile), "--format", "ics", "-o", out],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    sessions, _ = _entries(out.read_bytes())
    assert len(sessions) == 5
    assert "Wedding, big; day" in str(sessions[0]["DESCRIPTION"])
    notes = done.stderr.splitlines()
    assert any("calendar.events.date (event 3)" in n and "2027-02-30" in n for n in notes)
    assert any('"Gone" on Wed, Jan 1, 2020 is in the past' in n for n in notes)
