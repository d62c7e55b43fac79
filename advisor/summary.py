"""The summary of one recommendation, built once and rendered three ways: the Summary page,
the Markdown export and the PDF. `build_summary` chooses the top options, groups the cautions,
words the plan and sorts the sources; the renderers only lay it out. The plain-words helpers
below it (answers, questions, severity, plan lines) are also used by the Learn and profile pages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date

from advisor.catalog import Meta
from advisor.clinician import (
    DEPTH_WORDS,
    DISTRIBUTION_WORDS,
    GOAL_WORDS,
    OTHER_TYPE_WORDS,
    PAIN_WORDS,
    Fact,
    clinician_facts,
    leaning_words,
    locations_words,
)
from advisor.content import default_content, default_plan_text
from advisor.dates import (
    DatedPlan,
    DatedSession,
    Show,
    calendar_lines,
    date_plan,
    day_text,
    quote_sessions,
    quote_timing,
    session_line,
)
from advisor.decision import SURE_ITEMS, expectation_gap, sure_pointers
from advisor.explain import plain_reasons, to_limits
from advisor.i18n import N_, Messages, _, babel_locale, current_language
from advisor.plan import Plan, PlanStep, hold_lines, note_text, plan_notes, step_purpose
from advisor.profile import Profile
from advisor.quotes import check_quotes, cited, quote_title, within_lines
from advisor.recommend import DISCLAIMER, Recommendation
from advisor.scoring import OptionResult
from advisor.severity import Severity, score_words
from advisor.words import (
    ROMAN,
    STATUS_WORDS,
    YOUR_ANSWERS,
    joined,
    money,
    money_range,
    number,
    number_range,
)

FITZPATRICK_WORDS = Messages(
    {
        1: N_("type I (always burns, never tans)"),
        2: N_("type II (usually burns, tans with difficulty)"),
        3: N_("type III (sometimes burns, tans about average)"),
        4: N_("type IV (rarely burns, tans easily)"),
        5: N_("type V (very rarely burns, tans very easily)"),
        6: N_("type VI (never burns)"),
    }
)
HEALTH_WORDS = Messages(
    {
        "isotretinoin_last_6_months": N_("took isotretinoin in the last 6 months"),
        "pregnant": N_("pregnant"),
        "breastfeeding": N_("breastfeeding"),
        "cold_sores": N_("gets cold sores"),
        "blood_thinners": N_("takes blood thinners"),
        "photosensitising_medication": N_("takes medicine that makes skin sensitive to light"),
        "autoimmune_or_immunosuppressed": N_(
            "has an autoimmune disease or a weakened immune system"
        ),
        "vitiligo_or_psoriasis": N_("has vitiligo or psoriasis"),
        "facial_radiation": N_("has had radiation treatment to the face"),
        "diabetes": N_("has diabetes"),
        "bovine_collagen_allergy": N_("is allergic to bovine (cow) collagen"),
        "smoker": N_("smokes"),
    }
)
SKIN_WORDS = Messages(
    {
        "sensitive": N_("sensitive skin"),
        "dark_marks_after_injury": N_("dark marks after pimples or cuts"),
        "keloid_history": N_("has had raised (keloid) scars"),
        "active_acne": N_("still gets acne"),
        "recent_tan": N_("recent tan or sunburn"),
    }
)


def scars_answer(profile: Profile) -> str:
    """'Scars: about 12, deep, about 1.5 mm wide, clustered, on the cheeks. They ...'"""
    s = profile.scars
    fields = {
        "count": number(s.count),
        "depth": DEPTH_WORDS[s.depth],
        "width": number(s.width_mm),
        "distribution": DISTRIBUTION_WORDS[s.distribution],
        "places": joined(locations_words(s.locations)) or _("face"),
    }
    if s.other_types:
        fields["others"] = joined([OTHER_TYPE_WORDS[kind] for kind in s.other_types])
        where = _(
            "Scars: about {count}, {depth}, about {width} mm wide, {distribution}, on the "
            "{places}; also {others} scars."
        ).format(**fields)
    else:
        where = _(
            "Scars: about {count}, {depth}, about {width} mm wide, {distribution}, on the {places}."
        ).format(**fields)
    return f"{where} {stretch_and_seen(profile)}"


def stretch_and_seen(profile: Profile) -> str:
    """Whether the scars flatten when stretched and are easy to see, in one sentence."""
    s = profile.scars
    sentences = {
        (True, True): N_(
            "They flatten when the skin is stretched and are easy to see at a normal talking "
            "distance."
        ),
        (True, False): N_(
            "They flatten when the skin is stretched and are hard to see at a normal talking "
            "distance."
        ),
        (False, True): N_(
            "They do not flatten when the skin is stretched and are easy to see at a normal "
            "talking distance."
        ),
        (False, False): N_(
            "They do not flatten when the skin is stretched and are hard to see at a normal "
            "talking distance."
        ),
    }
    return _(sentences[(s.flattens_when_stretched, s.visible_at_conversation_distance)])


def skin_answer(profile: Profile) -> str:
    k = profile.skin
    notes = [word for key, word in SKIN_WORDS.items() if getattr(k, key)]
    skin_type = FITZPATRICK_WORDS[k.fitzpatrick]
    if notes:
        return _("Skin: Fitzpatrick {type}; {notes}.").format(type=skin_type, notes=joined(notes))
    return _("Skin: Fitzpatrick {type}; nothing else to note.").format(type=skin_type)


def health_answer(profile: Profile) -> str:
    h = profile.health
    notes = [word for key, word in HEALTH_WORDS.items() if getattr(h, key)]
    if notes:
        return _("Health: age {age}; {notes}.").format(age=h.age, notes=joined(notes))
    return _("Health: age {age}; nothing to note.").format(age=h.age)


def limits_answer(profile: Profile) -> str:
    p = profile.preferences
    weeks = (
        _("{weeks} weeks").format(weeks=number(p.weeks_available))
        if p.weeks_available
        else _("no time limit")
    )
    return _(
        "Limits: budget {budget}, up to {days} days of downtime at a time, up to {sessions} "
        "sessions, invasiveness up to {invasiveness} of 5, {pain} pain tolerance, {weeks}."
    ).format(
        budget=money(p.budget_usd),
        days=number(p.max_downtime_days),
        sessions=number(p.max_sessions),
        invasiveness=p.max_invasiveness,
        pain=PAIN_WORDS[p.pain_tolerance],
        weeks=weeks,
    )


def goal_answer(profile: Profile) -> str:
    p = profile.preferences
    w = p.weights
    return _(
        "Goal: a {goal} change. Priorities (0-5): effectiveness {effectiveness}, cost {cost}, "
        "downtime {downtime}, sessions {sessions}, invasiveness {invasiveness}."
    ).format(
        goal=GOAL_WORDS[p.goal],
        effectiveness=w.effectiveness,
        cost=w.cost,
        downtime=w.downtime,
        sessions=w.sessions,
        invasiveness=w.invasiveness,
    )


def describe_profile(profile: Profile) -> list[str]:
    """The answers as short plain sentences, one per topic."""
    return [
        scars_answer(profile),
        skin_answer(profile),
        health_answer(profile),
        limits_answer(profile),
        goal_answer(profile),
    ]


def provider_questions(rec: Recommendation) -> list[str]:
    """Questions to ask a provider: the ones everyone should ask, then the patient's own."""
    names = joined([o.name for o in top_options(rec)])
    return [
        _("Are my scars ice pick scars, or another type? Which ones would you treat first?"),
        _("I am looking at {names}. Which would you suggest for me, and why?").format(names=names),
        _(
            "How many of these procedures have you done, and can I see before-and-after photos "
            "of skin like mine?"
        ),
        _("What will the whole course cost, including follow-up visits?"),
        _("What result is realistic for me, and how will we measure it?"),
        _("What happens if I decide not to treat my scars?"),
        *(who_question(o) for o in top_options(rec)),
        *personal_questions(rec),
    ]


def who_question(option: OptionResult) -> str:
    """'Who would do my TCA CROSS? It is usually done by: a dermatologist ...'"""
    by = option.treatment.performed_by
    return _("Who would do my {name}? It is usually done by: {who}.").format(
        name=option.name.split(" (")[0], who=by[:1].lower() + by[1:]
    )


# words in the allergies answer that mean a local anaesthetic, which most procedures here use
NUMBING = re.compile(r"lidoca|lignoca|articaine|prilocaine|ana?esthe|numbing|emla", re.IGNORECASE)


def dark_patches_question(breastfeeding: bool) -> str:
    if breastfeeding:
        return _(
            "How do you lower the risk of dark patches for my skin type? Should I use a "
            "skin-lightening cream before treatment, and which are safe while I breastfeed?"
        )
    return _(
        "How do you lower the risk of dark patches for my skin type? Should I use a "
        "skin-lightening cream before treatment?"
    )


def personal_questions(rec: Recommendation) -> list[str]:
    """The questions this person's answers raise (skin, health, scars, limits)."""
    profile = rec.profile
    h = profile.health
    asks = [
        (
            dark_patches_question(h.breastfeeding),
            profile.skin.fitzpatrick >= 4 or profile.skin.dark_marks_after_injury,
        ),
        (
            _("Should I take an antiviral medicine before treatment, because I get cold sores?"),
            h.cold_sores,
        ),
        (
            _(
                "I took isotretinoin in the last 6 months. Which treatments can start now and "
                "which should wait?"
            ),
            h.isotretinoin_last_6_months,
        ),
        (
            _(
                "I take a blood thinner. How do we handle bruising? (I will not stop it without "
                "asking the doctor who prescribed it.)"
            ),
            h.blood_thinners,
        ),
        (
            _("I have had raised (keloid) scars. Which treatments are safe for me?"),
            profile.skin.keloid_history,
        ),
        (
            _("How should we control my active acne first, and how long should I wait after that?"),
            profile.skin.active_acne,
        ),
        (
            _("Which skin products are safe while I am pregnant, and when can we plan?"),
            h.pregnant,
        ),
        (_("Which treatments and creams are safe while I am breastfeeding?"), h.breastfeeding),
        (
            _("Will my healing be slower, and does that change which treatment is best?"),
            h.smoker or h.autoimmune_or_immunosuppressed or h.diabetes or h.vitiligo_or_psoriasis,
        ),
        (
            _("Would subcision help my rolling scars at the same time?"),
            "rolling" in profile.scars.other_types,
        ),
        (
            _("With about {count} scars, how many can be treated in one session?").format(
                count=number(profile.scars.count)
            ),
            profile.scars.count > 20,
        ),
        (
            _("How many days will I look red or have scabs after each session?"),
            profile.preferences.max_downtime_days < 3,
        ),
        (
            _("Some costs here are estimates. What do you charge?"),
            any(o.estimates for o in top_options(rec)),
        ),
        (
            _(
                "I wrote that I am allergic to a numbing medicine. Which anaesthetic is safe for "
                "me, and should I be tested first?"
            ),
            bool(NUMBING.search(profile.history.allergies)),
        ),
    ]
    return list(dict.fromkeys(question for question, applies in asks if applies))


def skin_type_line(rec: Recommendation) -> str:
    """The Learn page's skin type line: the risk of dark patches for this skin type."""
    skin = rec.profile.skin
    risky = [o.name for o in rec.ranking.options if o.pigment_risk == "high"]
    roman = ROMAN[skin.fitzpatrick]
    if skin.fitzpatrick >= 4 or skin.dark_marks_after_injury:
        template = (
            _(
                "You chose skin type {type} and get dark marks after injuries. Options with a "
                "high risk of dark or light patches for you: {options}."
            )
            if skin.dark_marks_after_injury
            else _(
                "You chose skin type {type}. Options with a high risk of dark or light patches "
                "for you: {options}."
            )
        )
        line = template.format(type=roman, options=joined(risky))
    else:
        line = _(
            "You chose skin type {type}, which has a lower risk of dark patches. The highest "
            "risk for you is with {options}."
        ).format(type=roman, options=joined(risky) or _("none of the options"))
    if skin.sensitive:
        line = _("{line} With sensitive skin, start any cream slowly.").format(line=line)
    return line


def budget_downtime_line(rec: Recommendation) -> str:
    """How many treatments fit both the budget and the healing time, at their low end."""
    prefs = rec.profile.preferences
    fits_both = [
        o.name
        for o in rec.ranking.options
        if o.total_cost_usd.low <= prefs.budget_usd
        and o.downtime_days.low <= prefs.max_downtime_days
        and o.id != "no_treatment"
    ]
    fields = {
        "budget": money(prefs.budget_usd),
        "days": number(prefs.max_downtime_days),
        "count": number(len(fits_both)),
        "options": joined(fits_both),
    }
    if fits_both:
        return _(
            "Your budget is {budget} and you can take {days} days of healing per session. "
            "{count} treatments fit both at the low end of their ranges: {options}."
        ).format(**fields)
    return _(
        "Your budget is {budget} and you can take {days} days of healing per session. "
        "{count} treatments fit both at the low end of their ranges."
    ).format(**fields)


def consideration_lines(rec: Recommendation) -> dict[str, str]:
    """One line per consideration on the Learn page, about this user's answers."""
    options, prefs, sev = rec.ranking.options, rec.profile.preferences, rec.severity
    strong = [o.name for o in options if o.improvement == "high" and o.status != "not_advised"]
    top = next((o for o in options if o.id != "no_treatment"), options[0])
    return {
        "severity": _(
            "Your estimate: grade {grade} of 4 ({label}), and a scar score of {score}. "
            "{explanation}"
        ).format(
            grade=sev.grade, label=sev.label, score=score_words(sev), explanation=sev.explanation
        ),
        "skin_type": skin_type_line(rec),
        "goals": _(
            "You want a {goal} change. Options with a large expected improvement for ice pick "
            "scars that are open to you: {options}. No option removes ice pick scars completely."
        ).format(goal=GOAL_WORDS[prefs.goal], options=joined(strong) or _("none right now")),
        "budget_downtime": budget_downtime_line(rec),
        "provider": _("Your best-fitting treatment, {name}, is usually done by: {who}.").format(
            name=top.name, who=top.treatment.performed_by
        ),
    }


def grouped_cautions(rec: Recommendation) -> list[CautionGroup]:
    """Each distinct caution from the skin and health screening once, with the options it
    applies to, not advised first. (Limits the person set are one line: limits_line.)"""
    groups: dict[tuple[str, str], list[str]] = {}
    for option in rec.ranking.options:
        for caution in option.cautions:
            if caution.source not in (YOUR_ANSWERS, _(YOUR_ANSWERS)):
                groups.setdefault((caution.effect, str(caution)), []).append(option.name)
    order = {"not_advised": 0, "caution": 1}
    return [
        CautionGroup(effect, text, tuple(names))
        for (effect, text), names in sorted(groups.items(), key=lambda item: order[item[0][0]])
    ]


def limits_line(rec: Recommendation) -> str:
    """The options that pass the person's own limits even at the low end, in one line, instead
    of one caution per option and limit restating the person's answers."""
    passing = [(o.name, limits) for o in rec.ranking.options if (limits := to_limits(o))]
    if not passing:
        return ""
    return _("Beyond your own limits, even at the low end of their ranges: {options}.").format(
        options="; ".join(f"{name} ({', '.join(limits)})" for name, limits in passing)
    )


def top_options(rec: Recommendation, count: int = 3) -> list[OptionResult]:
    """The best-fitting options that are not advised against, leaving out doing nothing (it is
    the reference point, explained on its own)."""
    return [o for o in rec.ranking.advisable if not o.is_reference][:count]


def urgent_warnings(options: list[OptionResult]) -> list[str]:
    """Signs that need urgent care, for each of these options that has them (filler)."""
    content = default_content()
    return [
        f"{o.name}: {content.options[o.id].urgent_warning}"
        for o in options
        if content.options[o.id].urgent_warning
    ]


def doing_nothing() -> str:
    """What choosing no treatment means, in plain words (the Learn page's text)."""
    return default_content().no_treatment


# ----------------------------------------------------------------------------- severity and plan


def severity_lines(sev: Severity) -> list[str]:
    """The qualitative grade and the quantitative score, each in one plain line."""
    return [
        _("Estimated grade {grade} of 4 ({label}). {explanation}").format(
            grade=sev.grade, label=sev.label, explanation=sev.explanation
        ),
        _(
            "Scar score: {score}. It adds points for each kind of scar, more for deeper and "
            "raised scars and for more scars of a kind. Ice pick scars alone score up to 9; the "
            "scale goes to 84 only with every kind of scar in large numbers."
        ).format(score=score_words(sev)),
        _("Both come from {source}; they are estimates from your answers, not a diagnosis.").format(
            source=sev.source
        ),
    ]


def step_line(step: PlanStep, breastfeeding: bool = False) -> str:
    """'Weeks 8-29: TCA CROSS, 5 sessions, about $1,000. Treat each ice pick scar ...'"""
    if step.role == "acne":
        text = default_plan_text()
        treatments = text.acne_treatments_breastfeeding if breastfeeding else text.acne_treatments
        return _("Weeks {start}-{end}: {name}. {purpose} {treatments}").format(
            start=step.start_week,
            end=step.end_week,
            name=step.name,
            purpose=text.acne_purpose,
            treatments=treatments,
        )
    return _("Weeks {start}-{end}: {name}, {sessions} sessions, about {cost}. {purpose}").format(
        start=step.start_week,
        end=step.end_week,
        name=step.name,
        sessions=step.sessions,
        cost=money(step.typical_cost_usd),
        purpose=step_purpose(step),
    )


def plan_totals_line(plan: Plan) -> str:
    totals = _(
        "Totals: about {cost} (range {range}), {sessions} sessions, {days} of healing, about "
        "{weeks} weeks."
    ).format(
        cost=money(plan.typical_cost_usd),
        range=money_range(plan.total_cost_usd),
        sessions=number(plan.total_sessions),
        days=number_range(plan.total_downtime_days, _("days")),
        weeks=number(plan.total_weeks),
    )
    if any(s.role == "acne" for s in plan.steps):
        return _("{totals} The acne care is not counted: its cost depends on your doctor.").format(
            totals=totals
        )
    return totals


def plan_hold_lines(profile: Profile) -> tuple[str, list[str]]:
    """Why a pregnant person's plan has no procedure, and what helps meanwhile."""
    return hold_lines(profile)


def plan_other_lines(plan: Plan) -> list[str]:
    """Why each step outside the top options is there, the plan's notes, separate tracks."""
    return [s.why for s in plan.steps if s.why] + plan_notes(plan) + list(plan.tracks)


# ----------------------------------------------------------------------------- the summary model


@dataclass(frozen=True, slots=True)
class CautionGroup:
    """One distinct caution and every option it applies to."""

    effect: str  # "not_advised" or "caution"
    text: str  # the message with its source, e.g. "... [S12]"
    options: tuple[str, ...]

    @property
    def label(self) -> str:
        return STATUS_WORDS[self.effect]

    def line(self) -> str:
        return _("{label}: {text} Applies to: {options}.").format(
            label=self.label, text=self.text, options=", ".join(self.options)
        )


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A cited source: '[S2] Lee JB et al. ... PMID 12000000'."""

    id: str
    citation: str
    link: str

    def __str__(self) -> str:
        return f"[{self.id}] {self.citation}" + (f" {self.link}" if self.link else "")


@dataclass(frozen=True, slots=True)
class PlanSection:
    """The combination plan in words: why it waits (if it does), its steps, totals, notes."""

    plan: Plan
    hold: str  # empty unless the plan holds every procedure (pregnancy)
    meanwhile: tuple[str, ...]
    steps: tuple[str, ...]  # one line per step, in order, without the step number
    totals: str  # empty when the plan has no procedure
    limits: tuple[str, ...]  # where the plan passes the budget, the weeks or the healing time
    other: tuple[str, ...]  # why steps outside the top options are there, other notes, tracks
    dated: DatedPlan  # the plan on real dates, around the person's events
    weeks: int | None  # the weeks the person has
    dates_intro: str  # where the dates start, and that they are not bookings ("" without)

    def dates(self, show: Show = str) -> list[str]:
        """One line per suggested session, by day (none without sessions). `show` is how
        event names, the person's own text, are shown: escape_markdown for Markdown."""
        return [session_line(d, show) for d in sorted(self.dated.sessions, key=lambda d: d.day)]

    def calendar(self, show: Show = str) -> list[str]:
        """Dates set aside, events kept clear or clashing and what would help, the sun."""
        return calendar_lines(self.dated, self.weeks, show)


# the message id: show it as _(QUOTES_INTRO)
QUOTES_INTRO = N_(
    "Each quote compared with the usual prices and sessions for my scars. It says nothing "
    "about any clinic."
)


@dataclass(frozen=True, slots=True)
class QuoteSection:
    """One clinic quote in words: what was quoted, what is within the usual ranges, and what
    to ask about, each flag with its sources. Built from fixed ids only: no clinic, no text
    typed by the person."""

    title: str
    within: tuple[str, ...]
    flags: tuple[str, ...]
    status: str  # the option's status for this person
    sessions: tuple[DatedSession, ...]  # the quoted sessions on days, around the person's
    dated: DatedPlan  # the plan's start and events

    def timing(self, show: Show = str) -> list[str]:
        """When the quoted sessions could fall, and what is done by each of the person's days
        (event names are their text: `show` escapes them for Markdown)."""
        return quote_timing(list(self.sessions), self.dated, show)


def quote_sections(
    rec: Recommendation, dated: DatedPlan
) -> tuple[tuple[QuoteSection, ...], tuple[str, ...]]:
    """Each quote's section, and the flags about the quotes taken together."""
    review = check_quotes(rec)
    sections = tuple(
        QuoteSection(
            quote_title(c),
            tuple(within_lines(c, rec)),
            tuple(cited(f) for f in c.flags),
            c.status,
            tuple(quote_sessions(rec, c.quote, dated)),
            dated,
        )
        for c in review.checks
    )
    return sections, tuple(cited(f) for f in review.flags)


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything the Summary page and both summary files show, in the order they show it."""

    rec: Recommendation
    made_on: dt.date
    catalog_reviewed: dt.date
    review_line: str  # what was reviewed, when, by whom (and that no dermatologist has yet)
    disclaimer: str
    clinician: tuple[Fact, ...]  # page 1: for the dermatologist, no fit arithmetic
    leaning: str  # the option leaned towards, "not sure yet" or "not answered"
    expectation: str  # when the change hoped for is more than studies show (else "")
    sure: tuple[tuple[str, str], ...]  # each SURE item and the answer: yes, no, not answered
    sure_pointers: tuple[str, ...]  # what helps with each "no"
    answers: tuple[str, ...]
    severity: tuple[str, ...]
    options: tuple[OptionResult, ...]  # every option, best fit first
    top: tuple[OptionResult, ...]
    top_reasons: tuple[tuple[str, ...], ...]  # for each top option, why, in plain words
    urgent: tuple[str, ...]
    doing_nothing: str
    plan: PlanSection
    limits_line: str  # options beyond the person's own limits, in one line (or "")
    cautions: tuple[CautionGroup, ...]  # skin and health screening, not advised first
    questions: tuple[str, ...]
    notes: str  # the person's own text, stripped; shown literally
    sources: tuple[SourceLine, ...]  # the sources this summary cites, in id order
    quotes: tuple[QuoteSection, ...] = ()  # the clinic quotes the person entered, checked
    quote_flags: tuple[str, ...] = ()  # about the quotes together (no single-scar treatment)


def sure_answers(rec: Recommendation) -> tuple[tuple[str, str], ...]:
    answers = rec.profile.decision.sure.model_dump()
    words = {True: _("yes"), False: _("no"), None: _("not answered")}
    return tuple((item, words[answers[key]]) for key, item in SURE_ITEMS.items())


def review_line(meta: Meta) -> str:
    """What was reviewed, when and by whom: shown wherever the review date is (the meta file
    says that no dermatologist has reviewed the facts yet, until one has)."""
    return _("Treatment facts last reviewed {day}. Reviewed by: {who}.").format(
        day=long_day(meta.last_reviewed), who=meta.reviewed_by
    )


# a day written out in full ("05 March 2026"): English keeps its two-digit day, other
# languages their own long form ("5 de marzo de 2026")
LONG_DAY_FORMATS = {"en": "dd MMMM y"}


def long_day(day: dt.date) -> str:
    pattern = LONG_DAY_FORMATS.get(current_language(), "long")
    return format_date(day, pattern, locale=babel_locale())


def short_day(day: dt.date) -> str:
    """'Nov 30, 2026' in English, '30 nov 2026' in Spanish."""
    return format_date(day, "medium", locale=babel_locale())


def build_summary(rec: Recommendation, today: dt.date | None = None) -> Summary:
    """The one summary of this recommendation that every rendering shows."""
    top = top_options(rec)
    meta = rec.catalog.meta
    cautions = tuple(grouped_cautions(rec))
    made_on = today or dt.date.today()
    plan = plan_section(rec, made_on)
    reasons = tuple(tuple(plain_reasons(o)) for o in top)
    urgent = tuple(urgent_warnings(top))
    nothing = doing_nothing()
    quotes, quote_flags = quote_sections(rec, plan.dated)
    said = [*(g.text for g in cautions), *urgent, nothing, *(r for rs in reasons for r in rs)]
    said += [*quote_flags, *(line for q in quotes for line in (*q.within, *q.flags))]
    return Summary(
        rec=rec,
        made_on=made_on,
        catalog_reviewed=meta.last_reviewed,
        review_line=review_line(meta),
        disclaimer=_(DISCLAIMER),
        clinician=clinician_facts(rec, top, personal_questions(rec)),
        leaning=leaning_words(rec),
        expectation=expectation_gap(rec.profile, rec.ranking) or "",
        sure=sure_answers(rec),
        sure_pointers=tuple(sure_pointers(rec.profile)),
        answers=tuple(describe_profile(rec.profile)),
        severity=tuple(severity_lines(rec.severity)),
        options=tuple(rec.ranking.options),
        top=tuple(top),
        top_reasons=reasons,
        urgent=urgent,
        doing_nothing=nothing,
        plan=plan,
        limits_line=limits_line(rec),
        cautions=cautions,
        questions=tuple(provider_questions(rec)),
        notes=rec.profile.notes.strip(),
        sources=cited_sources(rec, top, plan, said),
        quotes=quotes,
        quote_flags=quote_flags,
    )


# plan notes about the person's own limits: shown first, before the plan's totals
LIMIT_NOTES = frozenset(
    {
        "over_budget",
        "could_exceed",
        "single_step_fits",
        "no_step_fits",
        "left_out_budget",
        "left_out_weeks",
        "over_weeks",
        "downtime",
    }
)


def plan_section(rec: Recommendation, today: dt.date | None = None) -> PlanSection:
    """The plan's words: the hold and what helps meanwhile, the steps, totals and notes, and
    the plan on dates from `today` (default: the real today)."""
    plan = rec.plan
    dated = date_plan(rec, today)
    weeks = rec.profile.preferences.weeks_available
    hold, meanwhile = plan_hold_lines(rec.profile) if plan.on_hold else ("", [])
    breastfeeding = rec.profile.health.breastfeeding
    return PlanSection(
        plan=plan,
        hold=hold,
        meanwhile=tuple(meanwhile),
        steps=tuple(step_line(s, breastfeeding) + step_cautions(rec, s.id) for s in plan.steps)
        if plan.procedures
        else (),
        totals=plan_totals_line(plan) if plan.procedures else "",
        limits=tuple(note_text(n) for n in plan.notes if n.kind in LIMIT_NOTES),
        other=tuple(
            [s.why for s in plan.steps if s.why]
            + [note_text(n) for n in plan.notes if n.kind not in LIMIT_NOTES]
            + list(plan.tracks)
        ),
        dated=dated,
        weeks=weeks,
        dates_intro=dates_intro(dated),
    )


def step_dates(plan: PlanSection) -> list[str]:
    """One line per step with its suggested days (for the handout, where a line per session
    would not fit): 'TCA CROSS: Nov 30, 2026; Jan 4, 2027 (moved for Wedding); ...'."""
    lines = []
    for step in plan.plan.procedures:
        days = [
            dated_day(d)
            for d in sorted(plan.dated.sessions, key=lambda d: d.day)
            if d.step == step.step
        ]
        if days:
            lines.append(f"{step.name}: {'; '.join(days)}")
    return lines


def dated_day(session: DatedSession) -> str:
    """'Jan 4, 2027', or 'Jan 4, 2027 (moved for Wedding)'."""
    if not session.moved_for:
        return short_day(session.day)
    return _("{day} (moved for {events})").format(
        day=short_day(session.day), events=", ".join(e.name for e in session.moved_for)
    )


def dates_intro(dated: DatedPlan) -> str:
    if not dated.sessions:
        return ""
    if dated.start_is_today:
        return _(
            "From today ({day}), the sessions could fall on these days. They are dates to "
            "discuss with your clinic, not bookings."
        ).format(day=day_text(dated.start))
    return _(
        "Starting {day}, the sessions could fall on these days. They are dates to discuss "
        "with your clinic, not bookings."
    ).format(day=day_text(dated.start))


def step_cautions(rec: Recommendation, option_id: str) -> str:
    """' To discuss first: you take blood thinners; you get cold sores.' for a plan step whose
    treatment has cautions from the skin and health answers."""
    if option_id not in {o.id for o in rec.ranking.options}:
        return ""  # acne care, not a catalog option
    cautions = [c for c in rec.ranking.by_id(option_id).rule_cautions if c.effect == "caution"]
    firsts = list(dict.fromkeys(c.text.split(":")[0] for c in cautions))
    if not firsts:
        return ""
    items = "; ".join(f[:1].lower() + f[1:] for f in firsts)
    return " " + _("To discuss first: {items}.").format(items=items)


def cited_sources(
    rec: Recommendation, top: list[OptionResult], plan: PlanSection, said: list[str]
) -> tuple[SourceLine, ...]:
    """The sources this summary cites: the top options', the plan steps', the sources of the
    cautions it shows and every [S12] in what it says (`said`: cautions, warnings, reasons)
    or in the plan's words, once each, in id order (S2 before S10)."""
    named = [
        *said,
        plan.hold,
        *plan.meanwhile,
        *plan.steps,
        *plan.limits,
        *plan.other,
        *plan.calendar(),
    ]
    ids = {s for o in top for s in o.treatment.sources}
    by_short = {source.short: i for i, source in rec.catalog.sources.items()}
    shown = set(said)
    ids |= {
        by_short[c.source]
        for o in rec.ranking.options
        for c in o.cautions
        if str(c) in shown and c.source in by_short
    }
    treatments = rec.catalog.treatments
    ids |= {
        s for step in plan.plan.steps if step.id in treatments for s in treatments[step.id].sources
    }
    ids |= {i for text in named for i in re.findall(r"\bS\d+\b", text)}
    sources = rec.catalog.sources
    ordered = sorted((i for i in ids if i in sources), key=_source_order)
    return tuple(SourceLine(i, sources[i].citation, sources[i].link) for i in ordered)


def _source_order(source_id: str) -> int:
    return int(source_id[1:])
