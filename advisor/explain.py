"""The sentences behind every number of scoring.py: reasons, limits passed, notes, JSON.

scoring.py works out the numbers and names what applied with short keys; this module turns
them into plain words. Keeping the two apart lets the words change (or be translated) without
touching the arithmetic, and the arithmetic be tested without the words.
"""

from __future__ import annotations

import math

from advisor.i18n import N_, Messages, _, ngettext
from advisor.scoring import (
    FACTORS,
    Caution,
    OptionResult,
    Range,
    Ranking,
    other_scar_types,
    other_type_level,
    tidy,
)
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    ESTIMATE_WORDS,
    EVIDENCE_LABELS,
    FACTOR_LABELS,
    LEVEL_LABELS,
    LEVEL_WORDS,
    YOUR_ANSWERS,
    first_upper,
    money,
    money_range,
    number,
    number_range,
)


def signed(points: int) -> str:
    return f"{'+' if points >= 0 else '-'}{abs(points)}"


def rounded_to_total(values: list[float], total: int) -> list[int]:
    """Whole numbers, each within 1 of its value, that add up to total (largest remainder),
    so the points a reader sees add up to the fit they see."""
    floors = [math.floor(v) for v in values]
    missing = total - sum(floors)
    by_remainder = sorted(range(len(values)), key=lambda i: values[i] - floors[i], reverse=True)
    for i in by_remainder[: max(0, missing)]:
        floors[i] += 1
    return floors


def short_number(x: float) -> str:
    """A number as f"{x:g}" writes it (2.5, 7, 0.3, 2.94212), with the language's decimal
    sign: the English stays as it was, the Spanish writes 2,5."""
    return number(float(f"{x:g}"), "0.######")


def whole(x: float) -> str:
    """A score or a percentage as a whole number ('76')."""
    return f"{x:.0f}"


def priced_per_scar(o: OptionResult) -> bool:
    """Priced per scar: its sentences name the number of scars."""
    return o.treatment.pricing_unit == "scar"


# Messages with a number take ngettext even where the English says "1 days" (as it always
# has: its singular and plural are the same text), so that other languages choose their form.


def plural_n(*values: float) -> int:
    """The n that picks a message's plural form: 1 when every value is exactly one (1 day, a
    range from 1 to 1), else 2 (0 days, 1.5 days, 1-3 days)."""
    return 1 if all(v == 1 for v in values) else 2


def days_text(r: Range) -> str:
    """'1-7 days'."""
    n = plural_n(r.low, r.high)
    return ngettext("{range} days", "{range} days", n).format(range=number_range(r))


def weeks_text(r: Range) -> str:
    """'6-12 weeks'."""
    n = plural_n(r.low, r.high)
    return ngettext("{range} weeks", "{range} weeks", n).format(range=number_range(r))


def months_text(r: Range) -> str:
    """'6-12 months'."""
    n = plural_n(r.low, r.high)
    return ngettext("{range} months", "{range} months", n).format(range=number_range(r))


# ----------------------------------------------------------------------------- facts


def estimated(o: OptionResult, group: str, text: str) -> str:
    """The text with the estimate mark when this field group is our estimate."""
    return f"{text} {_(ESTIMATE_MARK)}" if group in o.estimates else text


def with_estimate_note(text: str, is_estimate: bool) -> str:
    """The text with '(estimate, no published figure)' after it when it is our estimate."""
    return f"{text} ({_(ESTIMATE_NOTE)})" if is_estimate else text


def at_home(o: OptionResult) -> bool:
    """Used at home every day (creams), not done in clinic sessions."""
    return o.treatment.pricing_unit == "month"


def sessions_text(o: OptionResult) -> str:
    """'3-6', or for creams 'daily at home for 6-12 months': they have no sessions."""
    if at_home(o):
        months = Range(round(o.weeks.low / 4), round(o.weeks.high / 4))
        return _("daily at home for {months}").format(months=months_text(months))
    return estimated(o, "sessions", number_range(o.sessions))


def healing_text(o: OptionResult, unit: str = "days") -> str:
    """Days of healing after each session ('none' for creams used at home); with unit "" the
    numbers alone (a column headed in days)."""
    if at_home(o):
        return _("none")
    days = days_text(o.downtime_days) if unit else number_range(o.downtime_days)
    return estimated(o, "downtime", days)


def out_of_five(value: int) -> str:
    """'3 of 5' (pain, invasiveness)."""
    return _("{value} of 5").format(value=value)


def option_facts(o: OptionResult, *, catalog_details: bool = False) -> list[tuple[str, str]]:
    """The option's numbers for these answers, labelled, each estimate marked: the one source
    of the facts shown on Compare, Learn, the Summary and in the exports. With catalog_details
    (Learn), also who does it, the unit price, the time between sessions, invasiveness and how
    long results last."""
    facts = [
        (_("Total cost"), estimated(o, "cost", money_range(o.total_cost_usd))),
        (_("How often") if at_home(o) else _("Sessions"), sessions_text(o)),
    ]
    if not at_home(o):
        facts.append((_("Healing per session"), healing_text(o)))
    if o.redness_weeks is not None:
        redness = weeks_text(o.redness_weeks)
        facts.append((_("Pink or red skin after that"), estimated(o, "redness", redness)))
    n = plural_n(o.weeks.low, o.weeks.high)
    weeks = ngettext("about {weeks}", "about {weeks}", n).format(weeks=weeks_text(o.weeks))
    facts += [
        (_("Start to finish"), weeks),
        (_("Pain"), estimated(o, "pain", out_of_five(o.pain))),
        (
            _("Improvement for ice pick scars"),
            estimated(o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]),
        ),
        (_("Evidence"), EVIDENCE_LABELS[o.evidence_level]),
    ]
    if not catalog_details:
        return facts
    return [*_catalog_facts_before(o), *facts, *_catalog_facts_after(o)]


UNIT_WORDS = Messages(
    {
        "session": N_("per session"),
        "scar": N_("per scar, each session"),
        "month": N_("per month"),
    }
)


def _catalog_facts_before(o: OptionResult) -> list[tuple[str, str]]:
    t = o.treatment
    price = _("{prices} {unit}, typically {typical}").format(
        prices=money_range(Range(t.cost_low, t.cost_high)),
        unit=UNIT_WORDS[t.pricing_unit],
        typical=money(t.cost_typical),
    )
    return [(_("Who does it"), t.performed_by), (_("Price"), estimated(o, "cost", price))]


def _catalog_facts_after(o: OptionResult) -> list[tuple[str, str]]:
    t = o.treatment
    facts = []
    if t.interval_weeks_high:
        interval = weeks_text(Range(t.interval_weeks_low, t.interval_weeks_high))
        facts.append((_("Time between sessions"), estimated(o, "sessions", interval)))
    lasting = (
        _("permanent")
        if t.results_last == "permanent"
        else _("about {low}-{high} months").format(
            low=short_number(t.lasting_months_low), high=short_number(t.lasting_months_high)
        )
    )
    return [
        *facts,
        (_("Invasiveness"), out_of_five(t.invasiveness)),
        (_("Results last"), lasting),
    ]


# each limit an option passes even at its low end, in a word or two (the top cards)
LIMIT_SHORT = Messages(
    {
        "budget": N_("cost"),
        "downtime": N_("healing time"),
        "sessions": N_("number of sessions"),
        "invasiveness": N_("how invasive"),
        "pain": N_("pain"),
        "scars": N_("number of scars"),
        "width": N_("scar width"),
        "weeks": N_("time needed"),
    }
)


def to_limits(o: OptionResult) -> list[str]:
    """The person's limits this option passes even at the low end, each in a word or two."""
    return [LIMIT_SHORT[limit] for limit, certain in o.limit_checks if certain]


def to_discuss(o: OptionResult) -> list[str]:
    """Each caution in a few words: the limits it passes, then the skin and health cautions."""
    short = to_limits(o)
    if any(c.effect == "caution" for c in o.rule_cautions):
        short.append(_("your skin or health"))
    return short


def discuss_line(o: OptionResult) -> str:
    """'To discuss: cost, pain.', or empty when there is nothing to discuss."""
    discuss = to_discuss(o)
    return _("To discuss: {items}.").format(items=", ".join(discuss)) if discuss else ""


def why_in_one_line(o: OptionResult) -> str:
    """The main reason an option sits where it does, in one short line (the top cards), and
    what to discuss, named, so that a caution is never just a symbol."""
    cost = estimated(o, "cost", _("about {cost}").format(cost=money(o.typical_cost_usd)))
    line = first_upper(
        _("{level} is typical for ice pick scars; {cost} in total.").format(
            level=LEVEL_WORDS[o.improvement], cost=cost
        )
    )
    discuss = discuss_line(o)
    return f"{line} {discuss}" if discuss else line


def plain_reasons(o: OptionResult) -> list[str]:
    """Why an option is among the top ones, in plain words, without the fit arithmetic: how
    well it works for these scars, its numbers, and what to discuss."""
    lines = [f"{first_upper(works_words(o))}.", facts_line(o)]
    discuss = discuss_line(o)
    return [*lines, discuss] if discuss else lines


def facts_line(o: OptionResult) -> str:
    """The facts as one line: 'Total cost: $450-$1,800 (est.); Sessions: 3-6; ...'."""
    return "; ".join(f"{label}: {text}" for label, text in option_facts(o)) + "."


# ----------------------------------------------------------------------------- how well it works

# what moved an option down for scars of each depth (scoring.py's "depth" check)
DEPTH_WORDS = Messages(
    {
        "shallow": N_("it works closer to the surface than your shallow scars go"),
        "moderate": N_("it works closer to the surface than your moderate scars go"),
        "deep": N_("it works closer to the surface than your deep scars go"),
    }
)
# how well an option works for the person's other scar types
OTHER_TYPE_WORDS = Messages(
    {
        "rolling": N_("{level} for your rolling scars"),
        "boxcar": N_("{level} for your boxcar scars"),
    }
)


def check_words(o: OptionResult, key: str) -> str:
    """One of scoring.py's checks that moved this option down, in words."""
    t, scars = o.treatment, o.profile.scars
    if key == "depth":
        return DEPTH_WORDS[scars.depth]
    if key == "width":
        return _("your scars are about {width} mm wide and it suits {low}-{high} mm").format(
            width=short_number(scars.width_mm),
            low=short_number(t.width_min_mm),
            high=short_number(t.width_max_mm),
        )
    if key == "count":
        return _("with {count} scars it gets impractical (it suits up to {most})").format(
            count=scars.count, most=t.max_scars
        )
    if key == "distensible":
        return _("it helps scars that flatten when stretched, and yours do not")
    if key == "widespread":
        return _("your scars are spread widely and it treats one scar at a time")
    return _("you want the biggest change and this usually gives a smaller one")  # maximal


def works_words(o: OptionResult) -> str:
    """What the evidence says for ice pick scars and what moved this option down for these scars."""
    t = o.treatment
    if o.works.score == 0 and t.improvement_ice_pick == "none":
        return _("it leaves the scars as they are")
    typical = _("{level} is typical for ice pick scars").format(
        level=LEVEL_WORDS[t.improvement_ice_pick]
    )
    parts = [with_estimate_note(typical, "improvement_ice_pick" in t.estimates)]
    parts += [check_words(o, key) for key in o.works.checks]
    for scar_type in other_scar_types(o.profile):
        level = LEVEL_WORDS[other_type_level(t, scar_type)]
        words = OTHER_TYPE_WORDS[scar_type].format(level=level)
        parts.append(with_estimate_note(words, f"improvement_{scar_type}" in t.estimates))
    return "; ".join(parts)


def _cost_detail(o: OptionResult) -> str:
    budget, typical = o.profile.preferences.budget_usd, o.typical_cost_usd
    count = o.profile.scars.count
    if priced_per_scar(o):
        text = ngettext(
            "about {cost} in total for your {count} scars",
            "about {cost} in total for your {count} scars",
            plural_n(count),
        ).format(cost=money(typical), count=count)
    else:
        text = _("about {cost} in total").format(cost=money(typical))
    text = with_estimate_note(text, "cost" in o.estimates)
    if not budget:
        return text
    return _("{text}, {share} of your {budget} budget").format(
        text=text, share=f"{typical / budget:.0%}", budget=money(budget)
    )


def _factor_detail(o: OptionResult, key: str) -> str:
    p = o.profile.preferences
    if key == "effectiveness":
        if p.goal == "subtle":
            return _(
                "{works}; it works {score} of 100 for your scars, and a medium improvement is "
                "enough for the subtle change you want"
            ).format(works=works_words(o), score=whole(o.works.score))
        return works_words(o)
    if key == "cost":
        return _cost_detail(o)
    if key == "downtime" and at_home(o):
        return ngettext(
            "no healing time: it is used at home; you can take {most} days",
            "no healing time: it is used at home; you can take {most} days",
            plural_n(p.max_downtime_days),
        ).format(most=p.max_downtime_days)
    if key == "sessions" and at_home(o):
        return _("no clinic sessions: it is used {how}").format(how=sessions_text(o))
    if key == "downtime":
        return ngettext(
            "about {days} days of healing per session; you can take {most}",
            "about {days} days of healing per session; you can take {most}",
            plural_n(o.downtime_days.mid),
        ).format(days=short_number(o.downtime_days.mid), most=p.max_downtime_days)
    if key == "sessions":
        return ngettext(
            "about {sessions} sessions; your limit is {most}",
            "about {sessions} sessions; your limit is {most}",
            plural_n(o.course.typical_sessions),
        ).format(sessions=o.course.typical_sessions, most=p.max_sessions)
    return _("invasiveness {value} of 5; your limit is {most}").format(
        value=o.invasiveness, most=p.max_invasiveness
    )


def limit_words(o: OptionResult) -> str:
    """Why the fit stops where it does: how well it works against the goal, and the skin."""
    goal = o.profile.preferences.goal
    if o.is_reference:
        text = _(
            "doing nothing leaves the scars as they are, so it gives none of the change you want"
        )
    elif goal == "subtle":
        # the percent sign travels with the number: "{share}% of" reads as a % format to gettext
        text = _("it gives {percent} of the subtle change you want").format(
            percent=f"{round(o.limit.goal_share * 100)}%"
        )
    else:
        text = _("it works {score} of 100 for your scars").format(score=whole(o.works.score))
    if o.limit.high_pigment_risk:
        text = _(
            "{text}; its high risk of dark or light patches on skin like yours lowers that "
            "limit to {limit}"
        ).format(text=text, limit=whole(o.limit.value))
    return text


def option_reasons(o: OptionResult) -> list[str]:
    """Each term of the fit, biggest first, rounded so that 50 plus them is the fit shown;
    then the limit, if it applied; then plain notes."""
    values = [*o.factor_points, o.limit_points]
    shown = rounded_to_total(values, o.fit - 50)
    lines = []
    ordered = sorted(range(len(o.factor_points)), key=lambda i: -abs(o.factor_points[i]))
    for i in ordered:
        key = FACTORS[i]
        # the English says "points" for 1 too (as it always has); other languages choose
        template = ngettext(
            "{points} points for {factor}: {detail} (score {score} of 100, your weight "
            "{weight} of 5)",
            "{points} points for {factor}: {detail} (score {score} of 100, your weight "
            "{weight} of 5)",
            abs(shown[i]),
        )
        lines.append(
            template.format(
                points=signed(shown[i]),
                factor=FACTOR_LABELS[key],
                detail=_factor_detail(o, key),
                score=whole(o.factor_scores[i] * 100),
                weight=o.weights[key],
            )
        )
    if o.limit_points < 0:
        template = ngettext(
            "{points} points: it cannot fit you better than it works for your scars, so its "
            "fit stops at {limit}; {why}",
            "{points} points: it cannot fit you better than it works for your scars, so its "
            "fit stops at {limit}; {why}",
            abs(shown[-1]),
        )
        lines.append(
            template.format(
                points=signed(shown[-1]), limit=whole(o.limit.value), why=limit_words(o)
            )
        )
    return lines + option_notes(o)


# ----------------------------------------------------------------------------- limits and notes

# a pain limit passed, by the person's pain tolerance
PAIN_LIMIT_WORDS = Messages(
    {
        "low": N_(
            "It can hurt ({pain} of 5) more than your low pain tolerance suits; ask about numbing."
        ),
        "medium": N_(
            "It can hurt ({pain} of 5) more than your medium pain tolerance suits; ask about "
            "numbing."
        ),
        "high": N_(
            "It can hurt ({pain} of 5) more than your high pain tolerance suits; ask about numbing."
        ),
    }
)


def _budget_words(o: OptionResult, certain: bool) -> str:
    """A budget limit passed (certain: even at the low end) or possibly passed."""
    count = o.profile.scars.count
    if certain and priced_per_scar(o):
        template = ngettext(
            "Even the lowest estimate, {cost} for your {count} scars, is above your budget of "
            "{budget}.",
            "Even the lowest estimate, {cost} for your {count} scars, is above your budget of "
            "{budget}.",
            plural_n(count),
        )
    elif certain:
        template = _("Even the lowest estimate, {cost}, is above your budget of {budget}.")
    elif priced_per_scar(o):
        template = ngettext(
            "It could cost up to {cost} for your {count} scars, above your budget of {budget}.",
            "It could cost up to {cost} for your {count} scars, above your budget of {budget}.",
            plural_n(count),
        )
    else:
        template = _("It could cost up to {cost}, above your budget of {budget}.")
    cost = o.total_cost_usd.low if certain else o.total_cost_usd.high
    budget = o.profile.preferences.budget_usd
    return template.format(cost=money(cost), count=count, budget=money(budget))


def _sessions_words(o: OptionResult, certain: bool) -> str:
    """A sessions limit passed (certain: even at the low end) or possibly passed."""
    count = o.profile.scars.count
    if certain and priced_per_scar(o):
        template = ngettext(
            "It needs at least {sessions} sessions for your {count} scars; you want at most "
            "{most}.",
            "It needs at least {sessions} sessions for your {count} scars; you want at most "
            "{most}.",
            plural_n(count),
        )
    elif certain:
        template = _("It needs at least {sessions} sessions; you want at most {most}.")
    elif priced_per_scar(o):
        template = ngettext(
            "It can take up to {sessions} sessions for your {count} scars, more than your "
            "limit of {most}.",
            "It can take up to {sessions} sessions for your {count} scars, more than your "
            "limit of {most}.",
            plural_n(count),
        )
    else:
        template = _("It can take up to {sessions} sessions, more than your limit of {most}.")
    sessions = o.sessions.low if certain else o.sessions.high
    most = o.profile.preferences.max_sessions
    return template.format(sessions=short_number(sessions), count=count, most=most)


def _downtime_words(o: OptionResult, certain: bool) -> str:
    """A healing-time limit passed (certain: even at the low end) or possibly passed."""
    t, most = o.treatment, o.profile.preferences.max_downtime_days
    if certain:
        return ngettext(
            "Healing takes at least {days} days after each session; you can take {most}.",
            "Healing takes at least {days} days after each session; you can take {most}.",
            plural_n(t.downtime_days_low),
        ).format(days=short_number(t.downtime_days_low), most=most)
    return ngettext(
        "Healing can take up to {days} days after a session, more than the {most} you can take.",
        "Healing can take up to {days} days after a session, more than the {most} you can take.",
        plural_n(t.downtime_days_high),
    ).format(days=short_number(t.downtime_days_high), most=most)


def _weeks_words(o: OptionResult, certain: bool) -> str:
    have = o.profile.preferences.weeks_available
    if certain:
        return ngettext(
            "Even a short course takes about {weeks} weeks; you have {have}.",
            "Even a short course takes about {weeks} weeks; you have {have}.",
            plural_n(o.weeks.low),
        ).format(weeks=short_number(o.weeks.low), have=have)
    return ngettext(
        "A long course can take {weeks} weeks; you have {have}.",
        "A long course can take {weeks} weeks; you have {have}.",
        plural_n(o.weeks.high),
    ).format(weeks=short_number(o.weeks.high), have=have)


def _limit_words(o: OptionResult, limit: str, certain: bool) -> str:
    t, p, scars = o.treatment, o.profile.preferences, o.profile.scars
    if limit == "budget":
        return _budget_words(o, certain)
    if limit == "downtime":
        return _downtime_words(o, certain)
    if limit == "sessions":
        return _sessions_words(o, certain)
    if limit == "invasiveness":
        return _("It is more invasive ({value} of 5) than you want (up to {most}).").format(
            value=t.invasiveness, most=p.max_invasiveness
        )
    if limit == "pain":
        return PAIN_LIMIT_WORDS[p.pain_tolerance].format(pain=t.pain)
    if limit == "scars":
        return _(
            "With about {count} scars, treating each one on its own is not practical: it suits "
            "up to about {most} ({estimate}). Ask which scars matter most to you."
        ).format(count=scars.count, most=t.max_scars, estimate=_(ESTIMATE_NOTE))
    if limit == "width":
        return _(
            "Your scars are about {width} mm wide, and it suits scars of {low}-{high} mm. Ask "
            "whether another way of treating single scars suits yours better."
        ).format(
            width=short_number(scars.width_mm),
            low=short_number(t.width_min_mm),
            high=short_number(t.width_max_mm),
        )
    return _weeks_words(o, certain)


def option_cautions(o: OptionResult) -> list[Caution]:
    """Screening cautions first, then limits passed even at the low end (notes excluded). The
    limits' source is the message id YOUR_ANSWERS (a key; translate it where it is shown)."""
    own = [
        Caution(_limit_words(o, limit, True), YOUR_ANSWERS, "caution")
        for limit, certain in o.limit_checks
        if certain
    ]
    return [*(c for c in o.rule_cautions if c.effect != "note"), *own]


def option_notes(o: OptionResult) -> list[str]:
    """Limits only the high end of a range passes, screening notes, and the reference line."""
    notes = [_limit_words(o, limit, False) for limit, certain in o.limit_checks if not certain]
    notes += [str(c) for c in o.rule_cautions if c.effect == "note"]
    if o.is_reference:
        notes.append(
            _(
                "Doing nothing is the reference point for every other option: it costs "
                "nothing, carries no risk and needs no healing, and the scars stay as they are."
            )
        )
    if o.estimates:
        notes.append(
            _("Some numbers are our {estimate}: {fields}.").format(
                estimate=_(ESTIMATE_NOTE),
                fields=", ".join(ESTIMATE_WORDS[e] for e in o.estimates),
            )
        )
    return notes


ICE_PICK_WIDEST_MM = 2.0  # ice pick scars are less than 2 mm across [S1]


def ranking_notes(ranking: Ranking) -> list[str]:
    """Notes about the whole comparison, not one option."""
    notes = []
    if ranking.all_weights_zero:
        notes.append(_("All your priorities are set to 0, so every factor counts the same."))
    scars = ranking.options[0].profile.scars if ranking.options else None
    if scars is not None and scars.width_mm > ICE_PICK_WIDEST_MM:
        notes.append(
            _(
                "Scars wider than about {widest} mm, like yours ({width} mm), are often boxcar "
                "scars rather than ice pick scars [Jacob 2001]. A dermatologist can tell which "
                "you have; this comparison rates options for ice pick scars."
            ).format(widest=short_number(ICE_PICK_WIDEST_MM), width=short_number(scars.width_mm))
        )
    return notes


# ----------------------------------------------------------------------------- JSON


def option_json(o: OptionResult) -> dict:
    return {
        "id": o.id,
        "name": o.name,
        "rank": o.rank,
        "fit": o.fit,
        "status": o.status,
        "reasons": o.reasons,
        "cautions": [str(c) for c in o.cautions],
        "notes": o.notes,
        "how_well_it_works": round(o.works.score),
        "fit_limit": round(o.limit.value),
        "total_cost_usd": o.total_cost_usd.as_dict(),
        "typical_cost_usd": tidy(o.typical_cost_usd),
        "sessions": o.sessions.as_dict(),
        "downtime_days": o.downtime_days.as_dict(),
        "redness_weeks": o.redness_weeks.as_dict() if o.redness_weeks else None,
        "total_downtime_days": o.total_downtime_days.as_dict(),
        "weeks_to_finish": o.weeks.as_dict(),
        "invasiveness": o.invasiveness,
        "pain": o.pain,
        "expected_improvement": o.improvement,
        "pigment_risk_for_your_skin": o.pigment_risk,
        "evidence_level": o.evidence_level,
        "factors": {
            **{k: round(v, 1) for k, v in zip(FACTORS, o.factor_points, strict=True)},
            "limit": round(o.limit_points, 1),
        },
        "estimates": o.estimates,
        "sources": o.sources,
    }
