"""The dated plan as a calendar file (RFC 5545), written by the icalendar package.

One all-day entry per suggested session and one per healing window. Every description says
the dates are to discuss with the clinic, not bookings. Event names are the person's plain
text: icalendar escapes them as the standard requires (commas, semicolons, backslashes, new
lines) and folds long lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import TRANSP, Calendar, Event

from advisor.dates import DAY, DatedPlan, DatedSession, day_text, events_text, moved_text
from advisor.i18n import N_, _
from advisor.recommend import DISCLAIMER

PRODUCT_ID = "-//Ice pick scar decision guide//Plan//EN"
NOT_BOOKINGS = N_(
    "A date to discuss with your clinic, not a booking. The clinic sets the real dates after "
    "examining your skin."
)  # wrap in _() where shown


def _uid(kind: str, s: DatedSession) -> str:
    """The same entry gets the same id in every download, so a calendar updates it."""
    key = f"{kind}|{s.option_id}|{s.number}|{s.day.isoformat()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@icepick-advisor"


def _kept_clear(dated: DatedPlan) -> str:
    if not dated.events:
        return ""
    return "\n" + _("Your dates kept clear: {events}.").format(events=events_text(dated.events))


def _session_entry(s: DatedSession, dated: DatedPlan, stamp: dt.datetime) -> Event:
    moved = "\n" + moved_text(s) if s.moved_for else ""
    return Event.new(
        uid=_uid("session", s),
        stamp=stamp,
        start=s.day,
        end=s.day + DAY,
        summary=_("Suggested, not booked: {name}, session {number} of {of}").format(
            name=s.name, number=s.number, of=s.of
        ),
        description=f"{_(NOT_BOOKINGS)}{moved}{_kept_clear(dated)}\n{_(DISCLAIMER)}",
        transparency=TRANSP.OPAQUE,
    )


def _healing_entry(s: DatedSession, dated: DatedPlan, stamp: dt.datetime) -> Event:
    return Event.new(
        uid=_uid("healing", s),
        stamp=stamp,
        start=s.day,
        end=s.heals_by + DAY,  # all-day entries end the day after their last day
        summary=_("Healing or redness may show: {name}, session {number}").format(
            name=s.name, number=s.number
        ),
        description=(
            _("Redness, crusts or swelling may show until about {day}.").format(
                day=day_text(s.heals_by)
            )
            + f" {_(NOT_BOOKINGS)}{_kept_clear(dated)}"
        ),
        transparency=TRANSP.TRANSPARENT,  # healing does not make the person busy
    )


def to_ics(dated: DatedPlan, made_on: dt.date) -> bytes:
    """The calendar file: every suggested session and its healing window, all day."""
    stamp = dt.datetime.combine(made_on, dt.time(), tzinfo=dt.UTC)
    entries = [
        entry
        for s in sorted(dated.sessions, key=lambda s: (s.day, s.step))
        for entry in (_session_entry(s, dated, stamp), _healing_entry(s, dated, stamp))
    ]
    uids = "|".join(str(e["UID"]) for e in entries)
    calendar = Calendar.new(
        uid=hashlib.sha256(uids.encode()).hexdigest()[:32] + "@icepick-advisor",
        prodid=PRODUCT_ID,
        name=_("My scar treatment plan (to discuss)"),
        description=_(NOT_BOOKINGS),
        subcomponents=entries,
    )
    return calendar.to_ical()
