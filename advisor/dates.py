"""The plan on real dates, around the days a person needs to look their best.

Each session of the plan (advisor/plan.py counts weeks) is put on a calendar day. A session is
never placed so that its visible healing (the days of downtime, or the weeks of redness when
that is longer) covers one of the person's events: it moves to the day after the event. When
moving sessions makes the plan end after the weeks the person has, the dated plan says which
events moved it and what would make it fit: a later start, fewer sessions before the deadline,
or an option that heals faster. Without events the sessions fall exactly on the weeks of the
week plan. Numbers only here; the words are at the end.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from babel.dates import format_date

from advisor.catalog import Treatment
from advisor.i18n import N_, Messages, _, babel_locale, babel_locale_object, ngettext
from advisor.plan import FOCAL_IDS, RESURFACING_IDS, PlanStep
from advisor.profile import CalendarEvent, Profile, Quote
from advisor.recommend import Recommendation
from advisor.scoring import Range
from advisor.words import number

SUN_SENSITIVE_IDS = ("laser_ablative", "laser_nonablative", "chemical_peel")  # [S34]
WEEK = dt.timedelta(weeks=1)
DAY = dt.timedelta(days=1)
ALTERNATIVES = {"focal": FOCAL_IDS, "resurfacing": RESURFACING_IDS}  # by plan role


@dataclass(frozen=True, slots=True)
class DatedSession:
    step: int  # the plan step's number
    option_id: str
    name: str
    number: int  # 1 for the step's first session
    of: int  # the step's number of sessions
    day: dt.date
    heals_by: dt.date  # the last day of visible healing (downtime or redness)
    moved_for: tuple[CalendarEvent, ...] = ()  # the events it was moved after

    def covers(self, day: dt.date) -> bool:
        return self.day <= day <= self.heals_by


@dataclass(frozen=True, slots=True)
class DatedBlock:
    """A step without sessions (getting acne under control): from one day to another."""

    step: int
    name: str
    first: dt.date
    last: dt.date


@dataclass(frozen=True, slots=True)
class SetAside:
    """A date that cannot be used as given (an event in the past or before the start, or a
    start date in the past), with the field it came from."""

    field: str
    kind: str  # past_event, before_start or past_start
    day: dt.date
    name: str = ""


@dataclass(frozen=True, slots=True)
class FasterOption:
    """An advisable option for the same role whose visible healing is shorter."""

    instead_of: str
    name: str
    healing_days: int
    instead_days: int


@dataclass(slots=True)
class DatedPlan:
    start: dt.date
    start_is_today: bool  # no start date was given (and none is stored)
    sessions: list[DatedSession]
    blocks: list[DatedBlock]
    events: list[CalendarEvent]  # the events the plan keeps clear
    ends: dt.date  # when the last step is over, healing included
    deadline: dt.date | None  # start + the weeks the person has (None: no deadline)
    set_aside: list[SetAside] = field(default_factory=list)
    ends_without_events: dt.date | None = None  # the same plan's end with no event to avoid
    too_long_anyway: bool = False  # over the weeks even without any event
    later_start: dt.date | None = None  # a start that moves no session
    later_start_ends: dt.date | None = None
    faster: list[FasterOption] = field(default_factory=list)
    sun_sensitive: list[DatedSession] = field(default_factory=list)
    darker_skin: bool = False

    @property
    def fits(self) -> bool:
        """Every event is clear and the plan ends within the weeks the person has."""
        return not self.overlaps() and (self.deadline is None or self.ends <= self.deadline)

    @property
    def clashes(self) -> list[CalendarEvent]:
        """The events that moved sessions, when the moves take the plan past the deadline."""
        if self.fits or self.too_long_anyway:
            return []
        return _unique_events(e for s in self.sessions for e in s.moved_for)

    @property
    def moved(self) -> list[DatedSession]:
        return [s for s in self.sessions if s.moved_for]

    @property
    def sessions_by_deadline(self) -> int:
        """How many sessions are done and healed by the deadline (all when there is none)."""
        if self.deadline is None:
            return len(self.sessions)
        return sum(1 for s in self.sessions if s.heals_by <= self.deadline)

    def to_json(self) -> dict:
        """The dated plan for the command line's JSON report (notes: calendar_lines)."""
        return {
            "start": self.start.isoformat(),
            "start_is_today": self.start_is_today,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "ends": self.ends.isoformat(),
            "fits": self.fits,
            "sessions": [
                {
                    "step": s.step,
                    "id": s.option_id,
                    "session": s.number,
                    "of": s.of,
                    "day": s.day.isoformat(),
                    "healing_until": s.heals_by.isoformat(),
                    "moved_for": [e.name for e in s.moved_for],
                }
                for s in sorted(self.sessions, key=lambda s: (s.day, s.step))
            ],
            "events_kept_clear": [e.model_dump(mode="json") for e in self.events],
            "clashes": [e.model_dump(mode="json") for e in self.clashes],
        }

    def overlaps(self) -> list[tuple[DatedSession, CalendarEvent]]:
        """Every session whose visible healing covers an event (none, by construction; the
        tests check it from the outside)."""
        return [(s, e) for s in self.sessions for e in self.events if s.covers(e.date)]


def _unique_events(events: object) -> list[CalendarEvent]:
    seen: dict[tuple[dt.date, str], CalendarEvent] = {}
    for e in events:  # type: ignore[attr-defined]
        seen.setdefault((e.date, e.name), e)
    return sorted(seen.values(), key=lambda e: e.date)


def healing_days(t: Treatment) -> int:
    """Days of visible healing after one session: the downtime, or the redness if longer."""
    redness = math.ceil((t.redness_weeks_high or 0) * 7)
    return int(max(math.ceil(t.downtime_days_high), redness))


def first_clear_day(earliest: dt.date, heal: int, events: list[CalendarEvent]) -> dt.date:
    """The first day from `earliest` on which a session's healing covers no event."""
    day = earliest
    while True:
        inside = [e.date for e in events if day <= e.date <= day + heal * DAY]
        if not inside:
            return day
        day = max(inside) + DAY


def usable_events(
    profile: Profile, start: dt.date, today: dt.date
) -> tuple[list[CalendarEvent], list[SetAside]]:
    """The events the plan keeps clear, and those it cannot use (past, or before the start)."""
    kept, aside = [], []
    for n, event in enumerate(profile.calendar.events, start=1):
        where = _("{field} (event {n})").format(field="calendar.events.date", n=n)
        if event.date < today:
            aside.append(SetAside(where, "past_event", event.date, event.name))
        elif event.date < start:
            aside.append(SetAside(where, "before_start", event.date, event.name))
        else:
            kept.append(event)
    return sorted(kept, key=lambda e: e.date), aside


def plan_start(profile: Profile, today: dt.date) -> tuple[dt.date, bool, list[SetAside]]:
    """The first day of the plan: the chosen start, or today; a past start becomes today."""
    chosen = profile.calendar.start_date
    if chosen is None:
        return today, True, []
    if chosen < today:
        return today, True, [SetAside("calendar.start_date", "past_start", chosen)]
    return chosen, False, []


def _step_sessions(
    step: PlanStep, first: dt.date, heal: int, events: list[CalendarEvent]
) -> list[DatedSession]:
    """The step's sessions from its earliest first day, each a typical interval after the one
    before and moved past any event its healing would cover."""
    sessions: list[DatedSession] = []
    earliest = first
    gap = round(step.interval_weeks * 7) * DAY
    for nth in range(1, step.sessions + 1):
        day = first_clear_day(earliest, heal, events)
        moved = tuple(e for e in events if earliest <= e.date < day)
        sessions.append(
            DatedSession(
                step.step, step.id, step.name, nth, step.sessions, day, day + heal * DAY, moved
            )
        )
        earliest = day + gap
    return sessions


def schedule(
    rec: Recommendation, start: dt.date, events: list[CalendarEvent]
) -> tuple[list[DatedSession], list[DatedBlock], dt.date]:
    """Every session on a day, the steps without sessions as blocks, and the day the plan
    is over. Resurfacing waits for as long as the earlier steps were moved."""
    sessions: list[DatedSession] = []
    blocks: list[DatedBlock] = []
    ends = start
    delay = dt.timedelta(0)  # how far the single-scar steps were moved, at most
    for step in rec.plan.steps:
        planned = start + step.start_week * WEEK
        step_end = start + step.end_week * WEEK
        if not step.is_procedure:
            blocks.append(DatedBlock(step.step, step.name, planned, step_end))
            ends = max(ends, step_end)
            continue
        begin = planned + (delay if step.id in RESURFACING_IDS else dt.timedelta(0))
        heal = healing_days(rec.catalog.treatments[step.id])
        dated = _step_sessions(step, begin, heal, events)
        last_planned = planned + round((step.sessions - 1) * step.interval_weeks * 7) * DAY
        moved_by = dated[-1].day - last_planned if dated else dt.timedelta(0)
        if step.id not in RESURFACING_IDS:
            delay = max(delay, moved_by)
        sessions += dated
        ends = max(ends, step_end + moved_by)  # the week plan's end, as far as it moved
    return sessions, blocks, ends


def faster_options(rec: Recommendation, moved: list[DatedSession]) -> list[FasterOption]:
    """For each step with a moved session: the advisable option for the same role (single
    scars, or resurfacing) with the shortest visible healing, if it is shorter."""
    roles = {s.id: s.role for s in rec.plan.steps}
    found = []
    for option_id in dict.fromkeys(s.option_id for s in moved):
        group = ALTERNATIVES.get(roles[option_id], ())
        mine = healing_days(rec.catalog.treatments[option_id])
        quicker = sorted(
            (healing_days(o.treatment), o.rank, o.name)
            for o in rec.ranking.advisable
            if o.id in group and o.id != option_id and healing_days(o.treatment) < mine
        )
        if quicker:
            days, _rank, name = quicker[0]
            found.append(FasterOption(rec.catalog.treatments[option_id].name, name, days, mine))
    return found


def quote_sessions(rec: Recommendation, quote: Quote, dated: DatedPlan) -> list[DatedSession]:
    """A clinic quote's sessions on days, as the plan would place them: from the plan's start
    (after acne care, if the plan has it), a typical interval apart, around the same events."""
    t = rec.catalog.treatments[quote.treatment]
    first = max([dated.start, *(b.last for b in dated.blocks)])
    step = PlanStep(
        step=0,
        id=t.id,
        name=t.name,
        role="quote",
        start_week=0,
        end_week=0,
        sessions=quote.sessions,
        interval_weeks=(t.interval_weeks_low + t.interval_weeks_high) / 2,
        cost_usd=Range(0, 0),
        typical_cost_usd=0,
        downtime_days=Range(t.downtime_days_low, t.downtime_days_high),
    )
    return _step_sessions(step, first, healing_days(t), dated.events)


def date_plan(rec: Recommendation, today: dt.date | None = None) -> DatedPlan:
    """The plan on real dates from the profile's start date (or today) around its events."""
    today = today or dt.date.today()
    profile = rec.profile
    start, from_today, aside = plan_start(profile, today)
    events, aside_events = usable_events(profile, start, today)
    sessions, blocks, ends = schedule(rec, start, events)
    weeks = profile.preferences.weeks_available
    deadline = None if weeks is None else start + weeks * WEEK
    plain_end = schedule(rec, start, [])[2]
    dated = DatedPlan(
        start=start,
        start_is_today=from_today,
        sessions=sessions,
        blocks=blocks,
        events=events,
        ends=ends,
        deadline=deadline,
        set_aside=[*aside, *aside_events],
        ends_without_events=plain_end,
        too_long_anyway=deadline is not None and plain_end > deadline,
        sun_sensitive=[s for s in sessions if s.option_id in SUN_SENSITIVE_IDS],
        darker_skin=profile.skin.fitzpatrick >= 4 or profile.skin.dark_marks_after_injury,
    )
    if dated.clashes:
        later = max(e.date for e in dated.clashes) + DAY
        dated.later_start = later
        dated.later_start_ends = schedule(rec, later, [e for e in events if e.date >= later])[2]
        dated.faster = faster_options(rec, dated.moved)
    return dated


# ----------------------------------------------------------------------------- words


DAY_PATTERN = N_("EEE, MMM d, y")  # a Babel date pattern; each translation writes its own


def day_text(day: dt.date) -> str:
    """A day as people write it, in the language in use: Sun, Feb 21, 2027 or
    dom, 21 feb 2027."""
    # the date's shape is the translator's: Spanish spells the weekday and month out, because
    # "mar, 30 mar" reads as either martes or marzo
    return format_date(day, _(DAY_PATTERN), locale=babel_locale_object())


def month_text(day: dt.date) -> str:
    """The day's month, as a sentence names it: February, febrero."""
    return format_date(day, "MMMM", locale=babel_locale())


Show = Callable[[str], str]  # how an event name (the person's text) is shown: as is, or escaped


def _as_is(text: str) -> str:
    return text


def event_text(event: CalendarEvent, show: Show = _as_is) -> str:
    return f"{show(event.name)} ({day_text(event.date)})"


def events_text(events: Iterable[CalendarEvent], show: Show = _as_is) -> str:
    return "; ".join(event_text(e, show) for e in events)


def moved_text(s: DatedSession, show: Show = _as_is) -> str:
    """'Moved to keep clear: Wedding (Sat, Feb 20, 2027).' ('' when the session did not move)."""
    if not s.moved_for:
        return ""
    return _("Moved to keep clear: {events}.").format(events=events_text(s.moved_for, show))


def session_line(s: DatedSession, show: Show = _as_is) -> str:
    """One suggested session: the day, the treatment, and how long healing shows."""
    line = _(
        "{day}: {name}, session {number} of {of}. Healing or redness may show until about "
        "{heals_by}."
    ).format(
        day=day_text(s.day),
        name=s.name,
        number=number(s.number),
        of=number(s.of),
        heals_by=day_text(s.heals_by),
    )
    moved = moved_text(s, show)
    return f"{line} {moved}" if moved else line


SET_ASIDE_WORDS = Messages(
    {
        "past_event": N_(
            '{field}: "{name}" on {day} is in the past, so the plan leaves it out. An event '
            "must be today or later."
        ),
        "before_start": N_(
            '{field}: "{name}" on {day} is before the plan starts ({start}), so no session can '
            "touch it; the plan leaves it out."
        ),
        "past_start": N_(
            "{field}: {day} is in the past, so the plan starts today ({start}) instead."
        ),
    }
)


def set_aside_lines(dated: DatedPlan, show: Show = _as_is) -> list[str]:
    return [
        SET_ASIDE_WORDS[a.kind].format(
            field=a.field, name=show(a.name), day=day_text(a.day), start=day_text(dated.start)
        )
        for a in dated.set_aside
    ]


def moved_line(dated: DatedPlan) -> str:
    """How many sessions moved to keep the dates clear, and how much later the plan ends."""
    assert dated.ends_without_events is not None
    moved = len(dated.moved)
    return ngettext(
        "To keep them clear, {n} session was moved, so the plan ends about {ends} instead of "
        "{plain_end}.",
        "To keep them clear, {n} sessions were moved, so the plan ends about {ends} instead of "
        "{plain_end}.",
        moved,
    ).format(
        n=number(moved), ends=day_text(dated.ends), plain_end=day_text(dated.ends_without_events)
    )


def too_long_line(dated: DatedPlan, weeks: int | None) -> str:
    assert dated.deadline is not None and dated.ends_without_events is not None
    return _(
        "Even without your dates, this plan takes longer than your {weeks} weeks: it would end "
        "about {ends}, after {deadline}."
    ).format(
        weeks=number(weeks or 0),
        ends=day_text(dated.ends_without_events),
        deadline=day_text(dated.deadline),
    )


def fit_lines(dated: DatedPlan, weeks: int | None, show: Show = _as_is) -> list[str]:
    """Whether the dates work: every event kept clear, or which clash and what would help."""
    if not dated.sessions:
        return []
    lines = []
    if dated.events and not dated.overlaps():
        lines.append(
            _("No session's healing or redness covers your dates: {events}.").format(
                events=events_text(dated.events, show)
            )
        )
    lines += [by_event_line(dated.sessions, e, show) for e in dated.events]
    if dated.moved and dated.ends_without_events and dated.ends > dated.ends_without_events:
        lines.append(moved_line(dated))
    if dated.too_long_anyway and dated.deadline and dated.ends_without_events:
        lines.append(too_long_line(dated, weeks))
    if dated.clashes and dated.deadline is not None:
        lines += clash_lines(dated, weeks, show)
    return lines


def by_event_line(sessions: list[DatedSession], event: CalendarEvent, show: Show = _as_is) -> str:
    """What is done by one of the person's days: how many sessions, healing and redness over."""
    done = sum(1 for s in sessions if s.heals_by < event.date)
    return _(
        "By {event}: {done} of the {total} sessions done, with healing and redness over."
    ).format(event=event_text(event, show), done=number(done), total=number(len(sessions)))


def faster_line(f: FasterOption) -> str:
    return _(
        "Another option: {name} shows healing for about {days} days after a session, against "
        "about {instead_days} for {instead_of}. Ask whether it suits your scars."
    ).format(
        name=f.name,
        days=number(f.healing_days),
        instead_days=number(f.instead_days),
        instead_of=f.instead_of,
    )


def clash_lines(dated: DatedPlan, weeks: int | None, show: Show = _as_is) -> list[str]:
    """Which events push the plan past the weeks the person has, and what would make it fit."""
    assert dated.deadline is not None
    deadline = day_text(dated.deadline)
    lines = [
        _(
            "Your dates and your {weeks} weeks do not both fit. Moving sessions away from "
            "{events} makes the plan end about {ends}, after {deadline}. What would make it fit:"
        ).format(
            weeks=number(weeks or 0),
            events=events_text(dated.clashes, show),
            ends=day_text(dated.ends),
            deadline=deadline,
        )
    ]
    if dated.later_start and dated.later_start_ends:
        lines.append(
            _(
                "A later start: from {start} no session needs to move, and the plan would end "
                "about {ends}."
            ).format(start=day_text(dated.later_start), ends=day_text(dated.later_start_ends))
        )
    lines.append(
        _(
            "Fewer sessions for now: {done} of the {total} sessions can be done, and healed, by "
            "{deadline}; the rest can come after."
        ).format(
            done=number(dated.sessions_by_deadline),
            total=number(len(dated.sessions)),
            deadline=deadline,
        )
    )
    return [*lines, *(faster_line(f) for f in dated.faster)]


def sun_lines(dated: DatedPlan) -> list[str]:
    """Sun and a tan around a laser or peel raise the risk of dark patches [S34]; more so in
    skin that darkens easily [S34, S37]. Which months those sessions fall in."""
    if not dated.sun_sensitive:
        return []
    risk = (
        _(
            "Sun and a tan before or after a laser or peel session raise the risk of dark "
            "patches, and skin like yours darkens more easily [S34, S37]."
        )
        if dated.darker_skin
        else _(
            "Sun and a tan before or after a laser or peel session raise the risk of dark "
            "patches [S34]."
        )
    )
    months = ", ".join(dict.fromkeys(month_text(s.day) for s in dated.sun_sensitive))
    names = ", ".join(dict.fromkeys(s.name for s in dated.sun_sensitive))
    when = _(
        "Your {names} sessions fall in {months}. If that is a sunny time where you live, ask "
        "whether to plan them for the months with the least sun, and avoid tanning before and "
        "after."
    ).format(names=names, months=months)
    return [risk, when]


def calendar_lines(dated: DatedPlan, weeks: int | None, show: Show = _as_is) -> list[str]:
    """Everything the dated plan says besides the sessions, in the order to read it. `show`
    turns each event name into what the output needs (escape_markdown for Markdown)."""
    return [*set_aside_lines(dated, show), *fit_lines(dated, weeks, show), *sun_lines(dated)]


def quote_timing(sessions: list[DatedSession], dated: DatedPlan, show: Show = _as_is) -> list[str]:
    """When a quoted course could fall, and what is done by each of the person's days."""
    if not sessions:
        return []
    days = ", ".join(day_text(s.day) for s in sessions)
    healed = day_text(sessions[-1].heals_by)
    if dated.start_is_today:
        line = _(
            "If you start today, the sessions could fall on {days}, with healing or redness "
            "over by about {healed}."
        ).format(days=days, healed=healed)
    else:
        line = _(
            "If you start on {start}, the sessions could fall on {days}, with healing or "
            "redness over by about {healed}."
        ).format(start=day_text(dated.start), days=days, healed=healed)
    return [line, *(by_event_line(sessions, e, show) for e in dated.events)]
