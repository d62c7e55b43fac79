"""The sentences behind every number of scoring.py: reasons, limits passed, notes, JSON.

scoring.py works out the numbers and names what applied with short keys; this module turns
them into plain words. Keeping the two apart lets the words change (or be translated) without
touching the arithmetic, and the arithmetic be tested without the words.
"""

from __future__ import annotations

import math

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


# ----------------------------------------------------------------------------- facts


def estimated(o: OptionResult, group: str, text: str) -> str:
    """The text with the estimate mark when this field group is our estimate."""
    return f"{text} {ESTIMATE_MARK}" if group in o.estimates else text


def at_home(o: OptionResult) -> bool:
    """Used at home every day (creams), not done in clinic sessions."""
    return o.treatment.pricing_unit == "month"


def sessions_text(o: OptionResult) -> str:
    """'3-6', or for creams 'daily at home for 6-12 months': they have no sessions."""
    if at_home(o):
        months = Range(round(o.weeks.low / 4), round(o.weeks.high / 4))
        return f"daily at home for {number_range(months, 'months')}"
    return estimated(o, "sessions", number_range(o.sessions))


def healing_text(o: OptionResult, unit: str = "days") -> str:
    """Days of healing after each session ('none' for creams used at home)."""
    if at_home(o):
        return "none"
    return estimated(o, "downtime", number_range(o.downtime_days, unit))


def option_facts(o: OptionResult, *, catalog_details: bool = False) -> list[tuple[str, str]]:
    """The option's numbers for these answers, labelled, each estimate marked: the one source
    of the facts shown on Compare, Learn, the Summary and in the exports. With catalog_details
    (Learn), also who does it, the unit price, the time between sessions, invasiveness and how
    long results last."""
    facts = [
        ("Total cost", estimated(o, "cost", money_range(o.total_cost_usd))),
        ("How often", sessions_text(o)) if at_home(o) else ("Sessions", sessions_text(o)),
    ]
    if not at_home(o):
        facts.append(("Healing per session", healing_text(o)))
    if o.redness_weeks is not None:
        facts.append(
            (
                "Pink or red skin after that",
                estimated(o, "redness", number_range(o.redness_weeks, "weeks")),
            )
        )
    facts += [
        ("Start to finish", f"about {number_range(o.weeks, 'weeks')}"),
        ("Pain", estimated(o, "pain", f"{o.pain} of 5")),
        (
            "Improvement for ice pick scars",
            estimated(o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]),
        ),
        ("Evidence", EVIDENCE_LABELS[o.evidence_level]),
    ]
    if not catalog_details:
        return facts
    return [*_catalog_facts_before(o), *facts, *_catalog_facts_after(o)]


UNIT_WORDS = {"session": "per session", "scar": "per scar, each session", "month": "per month"}


def _catalog_facts_before(o: OptionResult) -> list[tuple[str, str]]:
    t = o.treatment
    price = (
        f"{money_range(Range(t.cost_low, t.cost_high))} {UNIT_WORDS[t.pricing_unit]}, "
        f"typically {money(t.cost_typical)}"
    )
    return [("Who does it", t.performed_by), ("Price", estimated(o, "cost", price))]


def _catalog_facts_after(o: OptionResult) -> list[tuple[str, str]]:
    t = o.treatment
    facts = []
    if t.interval_weeks_high:
        interval = number_range(Range(t.interval_weeks_low, t.interval_weeks_high), "weeks")
        facts.append(("Time between sessions", estimated(o, "sessions", interval)))
    lasting = (
        "permanent"
        if t.results_last == "permanent"
        else f"about {t.lasting_months_low:g}-{t.lasting_months_high:g} months"
    )
    return [*facts, ("Invasiveness", f"{t.invasiveness} of 5"), ("Results last", lasting)]


# each limit an option passes even at its low end, in a word or two (the top cards)
LIMIT_SHORT = {
    "budget": "cost",
    "downtime": "healing time",
    "sessions": "number of sessions",
    "invasiveness": "how invasive",
    "pain": "pain",
    "scars": "number of scars",
    "width": "scar width",
    "weeks": "time needed",
}


def to_limits(o: OptionResult) -> list[str]:
    """The person's limits this option passes even at the low end, each in a word or two."""
    return [LIMIT_SHORT[limit] for limit, certain in o.limit_checks if certain]


def to_discuss(o: OptionResult) -> list[str]:
    """Each caution in a few words: the limits it passes, then the skin and health cautions."""
    short = to_limits(o)
    if any(c.effect == "caution" for c in o.rule_cautions):
        short.append("your skin or health")
    return short


def why_in_one_line(o: OptionResult) -> str:
    """The main reason an option sits where it does, in one short line (the top cards), and
    what to discuss, named, so that a caution is never just a symbol."""
    level = LEVEL_WORDS[o.improvement]
    cost = estimated(o, "cost", f"about {money(o.typical_cost_usd)}")
    line = f"{first_upper(level)} is typical for ice pick scars; {cost} in total."
    discuss = to_discuss(o)
    if discuss:
        line += f" To discuss: {', '.join(discuss)}."
    return line


def plain_reasons(o: OptionResult) -> list[str]:
    """Why an option is among the top ones, in plain words, without the fit arithmetic: how
    well it works for these scars, its numbers, and what to discuss."""
    lines = [f"{first_upper(works_words(o))}.", facts_line(o)]
    discuss = to_discuss(o)
    if discuss:
        lines.append(f"To discuss: {', '.join(discuss)}.")
    return lines


def facts_line(o: OptionResult) -> str:
    """The facts as one line: 'Total cost: $450-$1,800 (est.); Sessions: 3-6; ...'."""
    return "; ".join(f"{label}: {text}" for label, text in option_facts(o)) + "."


# ----------------------------------------------------------------------------- how well it works


def works_words(o: OptionResult) -> str:
    """What the evidence says for ice pick scars and what moved this option down for these scars."""
    t, scars = o.treatment, o.profile.scars
    if o.works.score == 0 and t.improvement_ice_pick == "none":
        return "it leaves the scars as they are"
    others = other_scar_types(o.profile)
    words = {
        "depth": f"it works closer to the surface than your {scars.depth} scars go",
        "width": f"your scars are about {scars.width_mm:g} mm wide and it suits "
        f"{t.width_min_mm:g}-{t.width_max_mm:g} mm",
        "count": f"with {scars.count} scars it gets impractical (it suits up to {t.max_scars})",
        "distensible": "it helps scars that flatten when stretched, and yours do not",
        "widespread": "your scars are spread widely and it treats one scar at a time",
        "maximal": "you want the biggest change and this usually gives a smaller one",
    }
    parts = [f"{LEVEL_WORDS[t.improvement_ice_pick]} is typical for ice pick scars"]
    if "improvement_ice_pick" in t.estimates:
        parts[0] += f" ({ESTIMATE_NOTE})"
    parts += [words[key] for key in o.works.checks]
    for scar_type in others:
        level = other_type_level(t, scar_type)
        estimate = f" ({ESTIMATE_NOTE})" if f"improvement_{scar_type}" in t.estimates else ""
        parts.append(f"{LEVEL_WORDS[level]} for your {scar_type} scars{estimate}")
    return "; ".join(parts)


def _factor_detail(o: OptionResult, key: str) -> str:
    p = o.profile.preferences
    if key == "effectiveness":
        if p.goal == "subtle":
            return (
                f"{works_words(o)}; it works {o.works.score:.0f} of 100 for your scars, and a "
                "medium improvement is enough for the subtle change you want"
            )
        return works_words(o)
    if key == "cost":
        budget, typical = p.budget_usd, o.typical_cost_usd
        share = f", {typical / budget:.0%} of your {money(budget)} budget" if budget else ""
        estimate = f" ({ESTIMATE_NOTE})" if "cost" in o.estimates else ""
        return f"about {money(typical)} in total{_for_scars(o)}{estimate}{share}"
    if key == "downtime" and at_home(o):
        return f"no healing time: it is used at home; you can take {p.max_downtime_days} days"
    if key == "sessions" and at_home(o):
        return f"no clinic sessions: it is used {sessions_text(o)}"
    if key == "downtime":
        return (
            f"about {o.downtime_days.mid:g} days of healing per session; you can take "
            f"{p.max_downtime_days}"
        )
    if key == "sessions":
        return f"about {o.course.typical_sessions} sessions; your limit is {p.max_sessions}"
    return f"invasiveness {o.invasiveness} of 5; your limit is {p.max_invasiveness}"


def _for_scars(o: OptionResult) -> str:
    return f" for your {o.profile.scars.count} scars" if o.treatment.pricing_unit == "scar" else ""


def limit_words(o: OptionResult) -> str:
    """Why the fit stops where it does: how well it works against the goal, and the skin."""
    goal = o.profile.preferences.goal
    share = round(o.limit.goal_share * 100)
    if o.is_reference:
        text = "doing nothing leaves the scars as they are, so it gives none of the change you want"
    elif goal == "subtle":
        text = f"it gives {share}% of the subtle change you want"
    else:
        text = f"it works {o.works.score:.0f} of 100 for your scars"
    if o.limit.high_pigment_risk:
        text += (
            "; its high risk of dark or light patches on skin like yours lowers that limit "
            f"to {o.limit.value:.0f}"
        )
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
        lines.append(
            f"{signed(shown[i])} points for {FACTOR_LABELS[key]}: {_factor_detail(o, key)} "
            f"(score {o.factor_scores[i] * 100:.0f} of 100, your weight {o.weights[key]} of 5)"
        )
    if o.limit_points < 0:
        lines.append(
            f"{signed(shown[-1])} points: it cannot fit you better than it works for your scars, "
            f"so its fit stops at {o.limit.value:.0f}; {limit_words(o)}"
        )
    return lines + option_notes(o)


# ----------------------------------------------------------------------------- limits and notes


def _limit_words(o: OptionResult, limit: str, certain: bool) -> str:
    t, p = o.treatment, o.profile.preferences
    if limit == "budget":
        if certain:
            return (
                f"Even the lowest estimate, {money(o.total_cost_usd.low)}{_for_scars(o)}, "
                f"is above your budget of {money(p.budget_usd)}."
            )
        return (
            f"It could cost up to {money(o.total_cost_usd.high)}{_for_scars(o)}, above "
            f"your budget of {money(p.budget_usd)}."
        )
    if limit == "downtime":
        if certain:
            return (
                f"Healing takes at least {t.downtime_days_low:g} days after each session; "
                f"you can take {p.max_downtime_days}."
            )
        return (
            f"Healing can take up to {t.downtime_days_high:g} days after a session, more "
            f"than the {p.max_downtime_days} you can take."
        )
    if limit == "sessions":
        if certain:
            return (
                f"It needs at least {o.sessions.low:g} sessions{_for_scars(o)}; you want at "
                f"most {p.max_sessions}."
            )
        return (
            f"It can take up to {o.sessions.high:g} sessions{_for_scars(o)}, more than your "
            f"limit of {p.max_sessions}."
        )
    if limit == "invasiveness":
        return (
            f"It is more invasive ({t.invasiveness} of 5) than you want (up to "
            f"{p.max_invasiveness})."
        )
    if limit == "pain":
        return (
            f"It can hurt ({t.pain} of 5) more than your {p.pain_tolerance} pain tolerance "
            "suits; ask about numbing."
        )
    if limit == "scars":
        return (
            f"With about {o.profile.scars.count} scars, treating each one on its own is not "
            f"practical: it suits up to about {t.max_scars} ({ESTIMATE_NOTE}). Ask which scars "
            "matter most to you."
        )
    if limit == "width":
        return (
            f"Your scars are about {o.profile.scars.width_mm:g} mm wide, and it suits scars of "
            f"{t.width_min_mm:g}-{t.width_max_mm:g} mm. Ask whether another way of treating "
            "single scars suits yours better."
        )
    if certain:
        return (
            f"Even a short course takes about {o.weeks.low:g} weeks; you have {p.weeks_available}."
        )
    return f"A long course can take {o.weeks.high:g} weeks; you have {p.weeks_available}."


def option_cautions(o: OptionResult) -> list[Caution]:
    """Screening cautions first, then limits passed even at the low end (notes excluded)."""
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
            "Doing nothing is the reference point for every other option: it costs nothing, "
            "carries no risk and needs no healing, and the scars stay as they are."
        )
    if o.estimates:
        notes.append(
            f"Some numbers are our {ESTIMATE_NOTE}: "
            + ", ".join(ESTIMATE_WORDS[e] for e in o.estimates)
            + "."
        )
    return notes


ICE_PICK_WIDEST_MM = 2.0  # ice pick scars are less than 2 mm across [S1]


def ranking_notes(ranking: Ranking) -> list[str]:
    """Notes about the whole comparison, not one option."""
    notes = []
    if ranking.all_weights_zero:
        notes.append("All your priorities are set to 0, so every factor counts the same.")
    scars = ranking.options[0].profile.scars if ranking.options else None
    if scars is not None and scars.width_mm > ICE_PICK_WIDEST_MM:
        notes.append(
            f"Scars wider than about {ICE_PICK_WIDEST_MM:g} mm, like yours ({scars.width_mm:g} "
            "mm), are often boxcar scars rather than ice pick scars [Jacob 2001]. A dermatologist "
            "can tell which you have; this comparison rates options for ice pick scars."
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
