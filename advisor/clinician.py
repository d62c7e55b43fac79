"""The clinician summary: one page a dermatologist reads first, before the patient's part.

Short, structured facts from the answers, with the patient's own words marked as such (they
are shown literally, never as markup), and no fit arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.decision import DAILY_LIFE_CHOICES, HOPE_CHOICES, SURE_ITEMS, sure_score
from advisor.explain import to_limits
from advisor.i18n import N_, Messages, _
from advisor.profile import Profile, answer_at
from advisor.recommend import Recommendation
from advisor.scoring import OptionResult
from advisor.severity import Severity
from advisor.words import (
    DEPTH_WORDS,
    DISTRIBUTION_WORDS,
    FACTOR_LABELS,
    LOCATION_WORDS,
    OTHER_TYPE_WORDS,
    PAIN_WORDS,
    ROMAN,
    STATUS_WORDS,
    money,
    number,
)

NOT_GIVEN = N_("not given")  # the message id: show it as _(NOT_GIVEN)

# yes/no answers a clinician screens for, in the order they are listed
HEALTH_FLAGS = Messages(
    {
        "isotretinoin_last_6_months": N_("isotretinoin in the last 6 months"),
        "pregnant": N_("pregnant"),
        "breastfeeding": N_("breastfeeding"),
        "cold_sores": N_("recurrent cold sores (HSV)"),
        "blood_thinners": N_("takes an anticoagulant or antiplatelet"),
        "photosensitising_medication": N_("photosensitising medication"),
        "autoimmune_or_immunosuppressed": N_("autoimmune disease or immunosuppressed"),
        "vitiligo_or_psoriasis": N_("vitiligo or psoriasis (Koebner risk)"),
        "facial_radiation": N_("previous facial radiotherapy"),
        "diabetes": N_("diabetes"),
        "bovine_collagen_allergy": N_("bovine collagen allergy"),
        "smoker": N_("smoker"),
    }
)
# answers screening rules look at that are not yes/no flags
OTHER_FLAGS = Messages(
    {
        "age": N_("age under 21"),
        "fitzpatrick": N_("Fitzpatrick type"),
        "other_types": N_("hypertrophic scars"),
    }
)
SKIN_FLAGS = Messages(
    {
        "dark_marks_after_injury": N_("reports dark marks after spots or cuts (PIH)"),
        "keloid_history": N_("keloid or hypertrophic scarring history"),
        "active_acne": N_("active acne"),
        "sensitive": N_("sensitive skin"),
        "recent_tan": N_("recent tan or sunburn"),
    }
)

# the profile's answers with a fixed set of values, as words in a sentence about the scars,
# the limits and the goal ("about 12, deep, ..., clustered"; "medium pain tolerance")
GOAL_WORDS = Messages(
    {"subtle": N_("subtle"), "noticeable": N_("noticeable"), "maximal": N_("maximal")}
)
# the words for each field's values, by the field's path
VALUE_WORDS: dict[str, Messages] = {
    "scars.depth": DEPTH_WORDS,
    "scars.distribution": DISTRIBUTION_WORDS,
    "scars.locations": LOCATION_WORDS,
    "scars.other_types": OTHER_TYPE_WORDS,
    "preferences.pain_tolerance": PAIN_WORDS,
    "preferences.goal": GOAL_WORDS,
}


def locations_words(locations: list[str]) -> list[str]:
    return [LOCATION_WORDS[place] for place in locations]


def yes_no(answer: bool) -> str:
    return _("yes") if answer else _("no")


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of the clinician summary. own_words: the patient's text, shown literally."""

    label: str
    text: str
    own_words: bool = False


def own(label: str, text: str) -> Fact:
    text = text.strip()
    return Fact(label, text, own_words=True) if text else Fact(label, _(NOT_GIVEN))


def other_scar_words(kind: str, count: int | None) -> str:
    """'rolling (about 4)', or 'rolling (number not given)'."""
    if count is None:
        return _("{kind} (number not given)").format(kind=OTHER_TYPE_WORDS[kind])
    return _("{kind} (about {count})").format(kind=OTHER_TYPE_WORDS[kind], count=number(count))


def ice_pick_words(profile: Profile) -> str:
    s = profile.scars
    fields = {
        "count": number(s.count),
        "depth": DEPTH_WORDS[s.depth],
        "width": number(s.width_mm),
        "distribution": DISTRIBUTION_WORDS[s.distribution],
    }
    if s.flattens_when_stretched:
        return _(
            "ice pick (patient-reported), about {count}, {depth}, about {width} mm, "
            "{distribution}; reported to flatten when stretched, which ice pick scars usually "
            "do not"
        ).format(**fields)
    return _(
        "ice pick (patient-reported), about {count}, {depth}, about {width} mm, {distribution}"
    ).format(**fields)


def grade_words(profile: Profile, severity: Severity) -> str:
    s = profile.scars
    score = number(severity.quantitative_score)
    if severity.quantitative_is_minimum:
        score = _("at least {score}").format(score=score)
    return _(
        "estimated: qualitative {grade} of 4 ({label}); quantitative score {score} (from the "
        "answers: flatten when stretched {flattens}, easy to see at talking distance {seen})"
    ).format(
        grade=severity.grade,
        label=severity.label,
        score=score,
        flattens=yes_no(s.flattens_when_stretched),
        seen=yes_no(s.visible_at_conversation_distance),
    )


def scar_facts(profile: Profile, severity: Severity) -> list[Fact]:
    s = profile.scars
    others = [other_scar_words(kind, getattr(s.other_counts, kind)) for kind in s.other_types]
    return [
        Fact(_("Scars"), "; ".join([ice_pick_words(profile), *others])),
        Fact(_("Regions"), ", ".join(locations_words(s.locations)) or _(NOT_GIVEN)),
        Fact(_("Grade (Goodman & Baron)"), grade_words(profile, severity)),
    ]


def health_facts(profile: Profile) -> list[Fact]:
    k, h = profile.skin, profile.health
    skin = [words for key, words in SKIN_FLAGS.items() if getattr(k, key)]
    flags = [words for key, words in HEALTH_FLAGS.items() if getattr(h, key)]
    fitzpatrick = _("Fitzpatrick {type}").format(type=ROMAN[k.fitzpatrick])
    conditions = "; ".join(flags) if flags else _("none of the screened conditions")
    return [
        Fact(_("Skin"), "; ".join([fitzpatrick, *skin])),
        Fact(_("Health"), _("age {age}; {conditions}").format(age=h.age, conditions=conditions)),
        own(_("Medicines"), profile.history.medications),
        own(_("Allergies"), profile.history.allergies),
        own(_("Previous treatments"), profile.history.previous_treatments),
    ]


def flags_of(o: OptionResult) -> list[str]:
    """The screening answers behind an option's cautions, named (each once)."""
    names = {**HEALTH_FLAGS, **SKIN_FLAGS, **OTHER_FLAGS}
    flags = [names.get(c.about, c.about) for c in o.rule_cautions if c.effect == "caution"]
    return list(dict.fromkeys(flags))


def option_line(o: OptionResult) -> str:
    """'TCA CROSS (caution: Fitzpatrick type; beyond the patient's limits: cost)'."""
    parts = flags_of(o)
    limits = to_limits(o)
    if limits:
        parts.append(_("beyond the patient's limits: {limits}").format(limits=", ".join(limits)))
    status = STATUS_WORDS[o.status].lower()
    if parts:
        return _("{name} ({status}: {reasons})").format(
            name=o.name, status=status, reasons="; ".join(parts)
        )
    return _("{name} ({status})").format(name=o.name, status=status)


def options_facts(rec: Recommendation, top: list[OptionResult]) -> list[Fact]:
    against = [o for o in rec.ranking.options if o.status == "not_advised"]
    facts = [Fact(_("Top options for these answers"), "; ".join(option_line(o) for o in top))]
    if against:
        facts.append(Fact(_("Advised against for now"), ", ".join(o.name for o in against)))
    return facts


def limits_fact(profile: Profile) -> Fact:
    p = profile.preferences
    weeks = (
        _("within {weeks} weeks").format(weeks=number(p.weeks_available))
        if p.weeks_available
        else _("no deadline")
    )
    priorities = ", ".join(f"{FACTOR_LABELS[k]} {v}" for k, v in p.weights.model_dump().items())
    return Fact(
        _("Limits and goal"),
        _(
            "budget {budget} for the course; up to {days} days of healing per session; up to "
            "{sessions} sessions; invasiveness up to {invasiveness} of 5; {pain} pain "
            "tolerance; {weeks}; wants a {goal} change; priorities (0-5): {priorities}"
        ).format(
            budget=money(p.budget_usd),
            days=number(p.max_downtime_days),
            sessions=number(p.max_sessions),
            invasiveness=p.max_invasiveness,
            pain=PAIN_WORDS[p.pain_tolerance],
            weeks=weeks,
            goal=GOAL_WORDS[p.goal],
            priorities=priorities,
        ),
    )


# answers the questionnaire starts with an example value for (tick boxes start unticked)
EXAMPLE_VALUED = Messages(
    {
        "scars.count": N_("scar count"),
        "scars.depth": N_("depth"),
        "scars.width_mm": N_("width (mm)"),
        "scars.distribution": N_("spread"),
        "scars.locations": N_("regions"),
        "skin.fitzpatrick": N_("skin type"),
        "health.age": N_("age"),
        "preferences.budget_usd": N_("budget"),
        "preferences.max_downtime_days": N_("healing days"),
        "preferences.max_sessions": N_("sessions"),
        "preferences.max_invasiveness": N_("invasiveness"),
        "preferences.pain_tolerance": N_("pain tolerance"),
        "preferences.goal": N_("goal"),
        "preferences.weeks_available": N_("weeks"),
    }
)


def example_answers(profile: Profile) -> list[str]:
    """The answers still at the value the questionnaire starts with, e.g. 'age 29': they may
    be the person's own, or never changed."""
    start = Profile()
    return [
        _("{answer} {value}").format(answer=words, value=_shown(path, value))
        for path, words in EXAMPLE_VALUED.items()
        if (value := answer_at(profile, path)) == answer_at(start, path)
    ]


def _shown(path: str, value: object) -> str:
    if path == "skin.fitzpatrick":
        return ROMAN[int(str(value))]
    if path == "preferences.budget_usd":
        return money(float(str(value)))
    if path in VALUE_WORDS:
        words = VALUE_WORDS[path]
        values = value if isinstance(value, list) else [value]
        return ", ".join(words.get(str(v), str(v)) for v in values)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return str(value)


def leaning_words(rec: Recommendation) -> str:
    """The option the person leans towards, by name; 'not sure yet'; or 'not answered'."""
    leaning = rec.profile.decision.leaning
    if leaning is None:
        return _("not answered")
    if leaning == "unsure":
        return _("not sure yet")
    return rec.catalog.treatments[leaning].name


def sure_words(rec: Recommendation) -> str:
    """'3 of 4 yes; no to: ...' or 'not answered'."""
    score = sure_score(rec.profile)
    answers = rec.profile.decision.sure.model_dump()
    noes = [SURE_ITEMS[k] for k, v in answers.items() if v is False]
    sure = _("not answered") if score is None else _("{score} of 4 yes").format(score=score)
    if noes:
        return _("{sure}; no to: {items}").format(sure=sure, items=" ".join(noes))
    return sure


def decision_facts(rec: Recommendation) -> list[Fact]:
    """Where the patient stands: leaning, hoped-for change, and the SURE test."""
    d = rec.profile.decision
    hope = HOPE_CHOICES[d.expected_improvement].lower() if d.expected_improvement else _(NOT_GIVEN)
    daily = DAILY_LIFE_CHOICES[d.daily_life_impact].lower() if d.daily_life_impact else _(NOT_GIVEN)
    return [
        Fact(_("Leaning towards"), leaning_words(rec)),
        Fact(
            _("Hopes for"),
            _("{hope}; scars affect daily life: {daily}").format(hope=hope, daily=daily),
        ),
        Fact(_("SURE test (Légaré 2010)"), sure_words(rec)),
    ]


def example_fact(profile: Profile) -> Fact:
    examples = example_answers(profile)
    label = _("At the app's example value")
    if not examples:
        return Fact(label, _("none"))
    return Fact(
        label,
        _(
            "{answers} (the questionnaire starts with these values; worth checking they are right)"
        ).format(answers="; ".join(examples)),
    )


def numbered_questions(questions: list[str]) -> str:
    return " ".join(f"({n}) {q}" for n, q in enumerate(questions, 1)) or _("none")


def clinician_facts(
    rec: Recommendation, top: list[OptionResult], questions: list[str]
) -> tuple[Fact, ...]:
    """Page 1: where the patient stands, their concern, scars, grade, skin, health, options,
    limits, notes and questions."""
    profile = rec.profile
    return (
        *decision_facts(rec),
        own(_("Main concern (own words)"), profile.history.main_concern),
        *scar_facts(profile, rec.severity),
        *health_facts(profile),
        *options_facts(rec, top),
        limits_fact(profile),
        own(_("Notes (own words)"), profile.notes),
        Fact(_("Questions"), numbered_questions(questions)),
        example_fact(profile),
    )
