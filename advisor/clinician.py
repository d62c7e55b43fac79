"""The clinician summary: one page a dermatologist reads first, before the patient's part.

Short, structured facts from the answers, with the patient's own words marked as such (they
are shown literally, never as markup), and no fit arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.decision import DAILY_LIFE_CHOICES, HOPE_CHOICES, SURE_ITEMS, sure_score
from advisor.explain import to_limits
from advisor.profile import Profile, answer_at
from advisor.recommend import Recommendation
from advisor.scoring import OptionResult
from advisor.severity import Severity
from advisor.words import FACTOR_LABELS, ROMAN, STATUS_WORDS, money

NOT_GIVEN = "not given"

# yes/no answers a clinician screens for, in the order they are listed
HEALTH_FLAGS = {
    "isotretinoin_last_6_months": "isotretinoin in the last 6 months",
    "pregnant": "pregnant",
    "breastfeeding": "breastfeeding",
    "cold_sores": "recurrent cold sores (HSV)",
    "blood_thinners": "takes an anticoagulant or antiplatelet",
    "photosensitising_medication": "photosensitising medication",
    "autoimmune_or_immunosuppressed": "autoimmune disease or immunosuppressed",
    "vitiligo_or_psoriasis": "vitiligo or psoriasis (Koebner risk)",
    "facial_radiation": "previous facial radiotherapy",
    "diabetes": "diabetes",
    "bovine_collagen_allergy": "bovine collagen allergy",
    "smoker": "smoker",
}
# answers screening rules look at that are not yes/no flags
OTHER_FLAGS = {
    "age": "age under 21",
    "fitzpatrick": "Fitzpatrick type",
    "other_types": "hypertrophic scars",
}
SKIN_FLAGS = {
    "dark_marks_after_injury": "reports dark marks after spots or cuts (PIH)",
    "keloid_history": "keloid or hypertrophic scarring history",
    "active_acne": "active acne",
    "sensitive": "sensitive skin",
    "recent_tan": "recent tan or sunburn",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of the clinician summary. own_words: the patient's text, shown literally."""

    label: str
    text: str
    own_words: bool = False


def own(label: str, text: str) -> Fact:
    text = text.strip()
    return Fact(label, text, own_words=True) if text else Fact(label, NOT_GIVEN)


def scar_facts(profile: Profile, severity: Severity) -> list[Fact]:
    s = profile.scars
    others = [
        f"{kind} (number not given)"
        if getattr(s.other_counts, kind) is None
        else f"{kind} (about {getattr(s.other_counts, kind)})"
        for kind in s.other_types
    ]
    types = (
        f"ice pick (patient-reported), about {s.count}, {s.depth}, about {s.width_mm:g} mm, "
        f"{s.distribution}"
    )
    if s.flattens_when_stretched:
        types += "; reported to flatten when stretched, which ice pick scars usually do not"
    minimum = "at least " if severity.quantitative_is_minimum else ""
    return [
        Fact("Scars", "; ".join([types, *others])),
        Fact("Regions", ", ".join(s.locations) or NOT_GIVEN),
        Fact(
            "Grade (Goodman & Baron)",
            f"estimated: qualitative {severity.grade} of 4 ({severity.label}); quantitative score "
            f"{minimum}{severity.quantitative_score} (from the answers: flatten when "
            f"stretched {'yes' if s.flattens_when_stretched else 'no'}, easy to see at talking "
            f"distance {'yes' if s.visible_at_conversation_distance else 'no'})",
        ),
    ]


def health_facts(profile: Profile) -> list[Fact]:
    k, h = profile.skin, profile.health
    skin = [words for key, words in SKIN_FLAGS.items() if getattr(k, key)]
    flags = [words for key, words in HEALTH_FLAGS.items() if getattr(h, key)]
    return [
        Fact(
            "Skin",
            f"Fitzpatrick {ROMAN[k.fitzpatrick]}" + (f"; {'; '.join(skin)}" if skin else ""),
        ),
        Fact(
            "Health",
            f"age {h.age}; " + ("; ".join(flags) if flags else "none of the screened conditions"),
        ),
        own("Medicines", profile.history.medications),
        own("Allergies", profile.history.allergies),
        own("Previous treatments", profile.history.previous_treatments),
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
        parts.append(f"beyond the patient's limits: {', '.join(limits)}")
    status = STATUS_WORDS[o.status].lower()
    return f"{o.name} ({status}: {'; '.join(parts)})" if parts else f"{o.name} ({status})"


def options_facts(rec: Recommendation, top: list[OptionResult]) -> list[Fact]:
    against = [o for o in rec.ranking.options if o.status == "not_advised"]
    facts = [Fact("Top options for these answers", "; ".join(option_line(o) for o in top))]
    if against:
        facts.append(Fact("Advised against for now", ", ".join(o.name for o in against)))
    return facts


def limits_fact(profile: Profile) -> Fact:
    p = profile.preferences
    weeks = f"within {p.weeks_available} weeks" if p.weeks_available else "no deadline"
    return Fact(
        "Limits and goal",
        f"budget {money(p.budget_usd)} for the course; up to {p.max_downtime_days} days of "
        f"healing per session; up to {p.max_sessions} sessions; invasiveness up to "
        f"{p.max_invasiveness} of 5; {p.pain_tolerance} pain tolerance; {weeks}; wants a "
        f"{p.goal} change; priorities (0-5): "
        + ", ".join(f"{FACTOR_LABELS[k]} {v}" for k, v in p.weights.model_dump().items()),
    )


# answers the questionnaire starts with an example value for (tick boxes start unticked)
EXAMPLE_VALUED = {
    "scars.count": "scar count",
    "scars.depth": "depth",
    "scars.width_mm": "width (mm)",
    "scars.distribution": "spread",
    "scars.locations": "regions",
    "skin.fitzpatrick": "skin type",
    "health.age": "age",
    "preferences.budget_usd": "budget",
    "preferences.max_downtime_days": "healing days",
    "preferences.max_sessions": "sessions",
    "preferences.max_invasiveness": "invasiveness",
    "preferences.pain_tolerance": "pain tolerance",
    "preferences.goal": "goal",
    "preferences.weeks_available": "weeks",
}


def example_answers(profile: Profile) -> list[str]:
    """The answers still at the value the questionnaire starts with, e.g. 'age 29': they may
    be the person's own, or never changed."""
    start = Profile()
    return [
        f"{words} {_shown(path, value)}"
        for path, words in EXAMPLE_VALUED.items()
        if (value := answer_at(profile, path)) == answer_at(start, path)
    ]


def _shown(path: str, value: object) -> str:
    if path == "skin.fitzpatrick":
        return ROMAN[int(str(value))]
    if path == "preferences.budget_usd":
        return money(float(str(value)))
    return ", ".join(value) if isinstance(value, list) else str(value)


def leaning_words(rec: Recommendation) -> str:
    """The option the person leans towards, by name; 'not sure yet'; or 'not answered'."""
    leaning = rec.profile.decision.leaning
    if leaning is None:
        return "not answered"
    if leaning == "unsure":
        return "not sure yet"
    return rec.catalog.treatments[leaning].name


def decision_facts(rec: Recommendation) -> list[Fact]:
    """Where the patient stands: leaning, hoped-for change, and the SURE test."""
    d = rec.profile.decision
    hope = HOPE_CHOICES[d.expected_improvement].lower() if d.expected_improvement else "not given"
    daily = DAILY_LIFE_CHOICES[d.daily_life_impact].lower() if d.daily_life_impact else "not given"
    score = sure_score(rec.profile)
    answers = d.sure.model_dump()
    noes = [SURE_ITEMS[k] for k, v in answers.items() if v is False]
    sure = "not answered" if score is None else f"{score} of 4 yes"
    if noes:
        sure += "; no to: " + " ".join(noes)
    return [
        Fact("Leaning towards", leaning_words(rec)),
        Fact("Hopes for", f"{hope}; scars affect daily life: {daily}"),
        Fact("SURE test (Légaré 2010)", sure),
    ]


def example_fact(profile: Profile) -> Fact:
    examples = example_answers(profile)
    if not examples:
        return Fact("At the app's example value", "none")
    return Fact(
        "At the app's example value",
        "; ".join(examples)
        + " (the questionnaire starts with these values; worth checking they are right)",
    )


def clinician_facts(
    rec: Recommendation, top: list[OptionResult], questions: list[str]
) -> tuple[Fact, ...]:
    """Page 1: where the patient stands, their concern, scars, grade, skin, health, options,
    limits, notes and questions."""
    profile = rec.profile
    return (
        *decision_facts(rec),
        own("Main concern (own words)", profile.history.main_concern),
        *scar_facts(profile, rec.severity),
        *health_facts(profile),
        *options_facts(rec, top),
        limits_fact(profile),
        own("Notes (own words)", profile.notes),
        Fact("Questions", " ".join(f"({n}) {q}" for n, q in enumerate(questions, 1)) or "none"),
        example_fact(profile),
    )
