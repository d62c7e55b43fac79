"""Transparent scoring: for one profile, each option's status, fit, reasons and totals.

The fit starts at 50. Each of the five factors (effectiveness, cost, downtime, sessions,
invasiveness) has a score from 0 to 1 and the user's weight from 0 to 5. A factor adds
    weight / (sum of weights) * (score - 0.5) * 100
points, so a perfect option scores 100 and the worst possible 0. The README shows the
formula with a worked example; every reason shown to the user is one of these terms.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from advisor.catalog import Catalog, Treatment, default_catalog
from advisor.profile import Profile

FACTORS: tuple[str, ...] = ("effectiveness", "cost", "downtime", "sessions", "invasiveness")
FACTOR_LABELS = {
    "effectiveness": "how well it works for your scars",
    "cost": "cost",
    "downtime": "downtime",
    "sessions": "number of sessions",
    "invasiveness": "how invasive it is",
}
LEVEL_SCORE = {"none": 0.0, "low": 0.3, "moderate": 0.6, "high": 0.9}
LEVEL_WORDS = {
    "none": "no change to the scars",
    "low": "a small improvement",
    "moderate": "a medium improvement",
    "high": "a large improvement",
}
DEPTH_ORDER = {"shallow": 0, "moderate": 1, "deep": 2}
PAIN_LIMIT = {"low": 2, "medium": 3, "high": 5}  # highest pain score each tolerance accepts
STATUS_ORDER = {"suitable": 0, "caution": 1, "not_advised": 2}
STATUS_WORDS = {"suitable": "Suitable", "caution": "Caution", "not_advised": "Not advised"}
# a symbol next to every status word, so colour never carries the status alone
STATUS_SYMBOLS = {"suitable": "✓", "caution": "!", "not_advised": "✗"}
STATUS_LABELS = {key: f"{STATUS_SYMBOLS[key]} {word}" for key, word in STATUS_WORDS.items()}
WEEKS_PER_MONTH = 52 / 12
YOUR_ANSWERS = "your answers"


@dataclass(frozen=True, slots=True)
class Range:
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {"low": _tidy(self.low), "high": _tidy(self.high)}

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


def _tidy(x: float) -> float:
    """Whole numbers as int (for JSON and display), others rounded to one decimal."""
    r = round(x, 1)
    return int(r) if r == int(r) else r


@dataclass(frozen=True, slots=True)
class Factor:
    key: str
    score: float
    weight: int
    points: float
    detail: str

    @property
    def text(self) -> str:
        sign = "+" if self.points >= 0 else "-"
        return (
            f"{sign}{abs(self.points):.0f} points for {FACTOR_LABELS[self.key]}: {self.detail} "
            f"(score {self.score * 100:.0f} of 100, your weight {self.weight} of 5)"
        )


@dataclass(frozen=True, slots=True)
class Caution:
    text: str
    source: str
    effect: str  # "caution" or "not_advised"

    def __str__(self) -> str:
        return f"{self.text} [{self.source}]"


@dataclass(slots=True)
class OptionResult:
    """One option scored for one profile. Words are built only when asked for."""

    treatment: Treatment
    profile: Profile
    fit: int
    fit_exact: float
    status: str
    factor_scores: tuple[float, ...]  # one per FACTORS entry, 0-1
    factor_points: tuple[float, ...]  # signed contribution to the fit
    weights: dict[str, int]
    effectiveness_checks: tuple[str, ...]
    limit_checks: tuple[tuple[str, bool], ...]  # (limit, passed even at the low end)
    rule_cautions: Sequence[Caution]
    total_cost_usd: Range
    typical_cost_usd: float
    fixed: _Fixed
    rank: int = 0

    id = property(lambda self: self.treatment.id)
    name = property(lambda self: self.treatment.name)
    category = property(lambda self: self.treatment.category)
    invasiveness = property(lambda self: self.treatment.invasiveness)
    pain = property(lambda self: self.treatment.pain)
    improvement = property(lambda self: self.treatment.improvement_ice_pick)
    evidence_level = property(lambda self: self.treatment.evidence_level)
    sessions = property(lambda self: self.fixed.sessions)
    downtime_days = property(lambda self: self.fixed.downtime)
    total_downtime_days = property(lambda self: self.fixed.total_downtime)
    weeks = property(lambda self: self.fixed.weeks)
    sources = property(lambda self: list(self.fixed.sources))
    estimates = property(lambda self: list(self.treatment.estimates))

    @property
    def pigment_risk(self) -> str:
        t = self.treatment
        return t.pigment_risk_dark if self.profile.skin.fitzpatrick >= 4 else t.pigment_risk_light

    @property
    def factors(self) -> list[Factor]:
        """Each factor's score, weight, points and words."""
        return [
            Factor(key, score, self.weights[key], points, self._factor_words(key))
            for key, score, points in zip(
                FACTORS, self.factor_scores, self.factor_points, strict=True
            )
        ]

    def _factor_words(self, key: str) -> str:
        t, p = self.treatment, self.profile.preferences
        if key == "effectiveness":
            return effectiveness_words(t, self.profile, self.effectiveness_checks)
        if key == "cost":
            budget, typical = p.budget_usd, self.typical_cost_usd
            share = f", {typical / budget:.0%} of your {money(budget)} budget" if budget else ""
            return f"about {money(typical)} in total{self._for_scars}{share}"
        if key == "downtime":
            return (
                f"about {self.downtime_days.mid:g} days of healing per session; you can "
                f"take {p.max_downtime_days}"
            )
        if key == "sessions":
            return f"about {self.sessions.mid:g} sessions; your limit is {p.max_sessions}"
        return f"invasiveness {t.invasiveness} of 5; your limit is {p.max_invasiveness}"

    @property
    def _for_scars(self) -> str:
        return (
            f" for your {self.profile.scars.count} scars"
            if self.treatment.pricing_unit == "scar"
            else ""
        )

    @property
    def cautions(self) -> list[Caution]:
        """Screening cautions first, then limits passed even at the low end."""
        own = [
            Caution(self._limit_words(limit, True), YOUR_ANSWERS, "caution")
            for limit, certain in self.limit_checks
            if certain
        ]
        return [*self.rule_cautions, *own]

    @property
    def notes(self) -> list[str]:
        """Limits that only the high end of a range passes."""
        return [
            self._limit_words(limit, False) for limit, certain in self.limit_checks if not certain
        ]

    def _limit_words(self, limit: str, certain: bool) -> str:
        t, p = self.treatment, self.profile.preferences
        if limit == "budget":
            if certain:
                return (
                    f"Even the lowest estimate, {money(self.total_cost_usd.low)}{self._for_scars}, "
                    f"is above your budget of {money(p.budget_usd)}."
                )
            return (
                f"It could cost up to {money(self.total_cost_usd.high)}{self._for_scars}, above "
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
                    f"It needs at least {t.sessions_low} sessions; "
                    f"you want at most {p.max_sessions}."
                )
            return (
                f"It can take up to {t.sessions_high} sessions, "
                f"more than your limit of {p.max_sessions}."
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
        if certain:
            return (
                f"Even a short course takes about {self.weeks.low:g} weeks; "
                f"you have {p.weeks_available}."
            )
        return f"A long course can take {self.weeks.high:g} weeks; you have {p.weeks_available}."

    @property
    def reasons(self) -> list[str]:
        """Each factor's signed contribution, biggest first, then plain notes."""
        ordered = sorted(self.factors, key=lambda f: -abs(f.points))
        return [f.text for f in ordered] + self.notes

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "rank": self.rank,
            "fit": self.fit,
            "status": self.status,
            "reasons": self.reasons,
            "cautions": [str(c) for c in self.cautions],
            "total_cost_usd": self.total_cost_usd.as_dict(),
            "typical_cost_usd": _tidy(self.typical_cost_usd),
            "sessions": self.sessions.as_dict(),
            "downtime_days": self.downtime_days.as_dict(),
            "total_downtime_days": self.total_downtime_days.as_dict(),
            "weeks_to_finish": self.weeks.as_dict(),
            "invasiveness": self.invasiveness,
            "pain": self.pain,
            "expected_improvement": self.improvement,
            "pigment_risk_for_your_skin": self.pigment_risk,
            "evidence_level": self.evidence_level,
            "factors": {k: round(v, 1) for k, v in zip(FACTORS, self.factor_points, strict=True)},
            "estimates": self.estimates,
            "sources": self.sources,
        }


@dataclass(frozen=True, slots=True)
class _Fixed:
    """What does not depend on the profile, worked out once per catalog."""

    sessions: Range
    downtime: Range
    total_downtime: Range
    weeks: Range
    sources: tuple[str, ...]


# ----------------------------------------------------------------------------- arithmetic


def course_units(t: Treatment, count: int) -> tuple[float, float, float]:
    """How many priced units (low, typical, high) a full course takes for this scar count."""
    if t.pricing_unit == "month":
        low = (t.course_weeks_low or 0) / WEEKS_PER_MONTH
        high = (t.course_weeks_high or 0) / WEEKS_PER_MONTH
        return low, (low + high) / 2, high
    low, high = float(t.sessions_low), float(t.sessions_high)
    per_session = count if t.pricing_unit == "scar" else 1
    return low * per_session, (low + high) / 2 * per_session, high * per_session


def course_cost(t: Treatment, count: int) -> tuple[Range, float]:
    """Total cost range and typical total in USD for a full course."""
    low, typical, high = course_units(t, count)
    return Range(t.cost_low * low, t.cost_high * high), t.cost_typical * typical


def course_weeks(t: Treatment) -> Range:
    """Weeks from the first session until the last one has healed."""
    if t.pricing_unit == "month":
        return Range(t.course_weeks_low or 0, t.course_weeks_high or 0)
    if t.sessions_high == 0:
        return Range(0, 0)

    def span(sessions: int, interval: float, downtime: float) -> float:
        if sessions == 0:
            return 0
        return (sessions - 1) * interval + max(1, math.ceil(downtime / 7))

    return Range(
        span(t.sessions_low, t.interval_weeks_low, t.downtime_days_low),
        span(t.sessions_high, t.interval_weeks_high, t.downtime_days_high),
    )


def headroom_score(value: float, limit: float) -> float:
    """1 when value is 0, 0.5 at the user's limit, 0 at twice the limit or more."""
    return max(0.0, min(1.0, 1 - value / (2 * max(limit, 0.5))))


def money(x: float) -> str:
    return f"${x:,.0f}"


# ----------------------------------------------------------------------------- effectiveness


def effectiveness(t: Treatment, profile: Profile) -> tuple[float, tuple[str, ...]]:
    """Score 0-1 for how well the option suits this scar profile, and which checks applied."""
    scars = profile.scars
    if t.improvement_ice_pick == "none" and t.improvement_rolling_boxcar == "none":
        return 0.0, ("nothing",)
    score = LEVEL_SCORE[t.improvement_ice_pick]
    applied: list[str] = []
    mixed = [k for k in scars.other_types if k in ("rolling", "boxcar")]
    if mixed:
        score = 0.7 * score + 0.3 * LEVEL_SCORE[t.improvement_rolling_boxcar]
        applied.append("mixed")
    gap = DEPTH_ORDER[scars.depth] - DEPTH_ORDER[t.depth_reach]
    if gap > 0:
        score *= 1 - 0.2 * gap
        applied.append("depth")
    if not t.width_min_mm <= scars.width_mm <= t.width_max_mm:
        score *= 0.6
        applied.append("width")
    if t.max_scars is not None and scars.count > t.max_scars:
        score *= 0.7
        applied.append("count")
    if t.needs_distensible and not scars.flattens_when_stretched:
        score *= 0.5
        applied.append("distensible")
    if scars.distribution == "widespread" and not t.treats_area:
        score *= 0.85
        applied.append("widespread")
    goal = profile.preferences.goal
    if goal == "maximal" and t.improvement_ice_pick in ("none", "low"):
        score *= 0.8
        applied.append("maximal")
    elif goal == "subtle" and t.improvement_ice_pick == "low":
        score = min(1.0, score * 1.2)
        applied.append("subtle")
    return max(0.0, min(1.0, score)), tuple(applied)


def effectiveness_words(t: Treatment, profile: Profile, applied: tuple[str, ...]) -> str:
    """The effectiveness checks that applied, in plain words."""
    if applied == ("nothing",):
        return "it leaves the scars as they are"
    scars = profile.scars
    mixed = [k for k in scars.other_types if k in ("rolling", "boxcar")]
    words = {
        "mixed": f"{LEVEL_WORDS[t.improvement_rolling_boxcar]} for your "
        f"{' and '.join(mixed)} scars",
        "depth": f"it works closer to the surface than your {scars.depth} scars go",
        "width": f"your scars are about {scars.width_mm:g} mm wide and it suits "
        f"{t.width_min_mm:g}-{t.width_max_mm:g} mm",
        "count": f"with {scars.count} scars it gets impractical (it suits up to {t.max_scars})",
        "distensible": "it helps scars that flatten when stretched, and yours do not",
        "widespread": "your scars are spread widely and it treats one scar at a time",
        "maximal": "you want the biggest change and this usually gives a small one",
        "subtle": "a small change is your goal and this can give one",
    }
    parts = [f"{LEVEL_WORDS[t.improvement_ice_pick]} is typical for ice pick scars"]
    parts += [words[key] for key in applied]
    return "; ".join(parts)


# ----------------------------------------------------------------------------- screening


@functools.cache
def _compiled_rules(
    catalog: Catalog,
) -> tuple[tuple[Callable[[Profile], bool], frozenset, str, str, str], ...]:
    return tuple(
        (
            rule.test(),
            frozenset(rule.options),
            rule.effect,
            rule.message,
            catalog.sources[rule.source].short,
        )
        for rule in catalog.rules
    )


def screening_cautions(profile: Profile, catalog: Catalog) -> dict[str, list[Caution]]:
    """Cautions from the clinical screening rules, per option id."""
    found: dict[str, list[Caution]] = {}
    for applies, options, effect, message, source in _compiled_rules(catalog):
        if applies(profile):
            caution = Caution(message, source, effect)
            for option in options:
                found.setdefault(option, []).append(caution)
    return found


def limit_checks(
    t: Treatment, profile: Profile, cost: Range, weeks: Range
) -> tuple[tuple[str, bool], ...]:
    """The user's limits this option may pass: (limit, True if even the low end passes it).

    Passing at the low end makes the option a caution; passing only at the high end is a note.
    """
    p = profile.preferences
    found: list[tuple[str, bool]] = []
    ranges = (
        ("budget", cost.low, cost.high, p.budget_usd),
        ("downtime", t.downtime_days_low, t.downtime_days_high, p.max_downtime_days),
        ("sessions", t.sessions_low, t.sessions_high, p.max_sessions),
        ("invasiveness", t.invasiveness, t.invasiveness, p.max_invasiveness),
        ("pain", t.pain, t.pain, PAIN_LIMIT[p.pain_tolerance]),
    )
    for name, low, high, limit in ranges:
        if high > limit:
            found.append((name, low > limit))
    if p.weeks_available is not None and weeks.high > p.weeks_available:
        found.append(("weeks", weeks.low > p.weeks_available))
    return tuple(found)


# ----------------------------------------------------------------------------- one option


@functools.cache
def _fixed(catalog: Catalog) -> dict[str, _Fixed]:
    return {
        t.id: _Fixed(
            sessions=Range(t.sessions_low, t.sessions_high),
            downtime=Range(t.downtime_days_low, t.downtime_days_high),
            total_downtime=Range(
                t.downtime_days_low * t.sessions_low, t.downtime_days_high * t.sessions_high
            ),
            weeks=course_weeks(t),
            sources=tuple(catalog.source_names(t.sources)),
        )
        for t in catalog.treatments.values()
    }


def _weights(profile: Profile) -> tuple[dict[str, int], list[str]]:
    weights = profile.preferences.weights.model_dump()
    if sum(weights.values()) == 0:
        return dict.fromkeys(FACTORS, 1), [
            "All your priorities are set to 0, so every factor counts the same."
        ]
    return weights, []


@dataclass(frozen=True, slots=True)
class _PerProfile:
    """Numbers every option's score needs, worked out once per profile."""

    shares: tuple[float, ...]  # weight / sum of weights * 100, in FACTORS order
    budget_span: float  # twice each limit (the value where a headroom score reaches 0)
    downtime_span: float
    sessions_span: float
    invasiveness_span: float

    @classmethod
    def of(cls, profile: Profile, weights: dict[str, int]) -> _PerProfile:
        p = profile.preferences
        total = sum(weights.values())
        return cls(
            shares=tuple(weights[k] / total * 100 for k in FACTORS),
            budget_span=2 * max(p.budget_usd, 0.5),
            downtime_span=2 * max(p.max_downtime_days, 0.5),
            sessions_span=2 * max(p.max_sessions, 0.5),
            invasiveness_span=2 * max(p.max_invasiveness, 0.5),
        )


def _clip_low(x: float) -> float:
    return x if x > 0.0 else 0.0


def score_option(
    t: Treatment,
    profile: Profile,
    fixed: _Fixed,
    rule_cautions: Sequence[Caution],
    weights: dict[str, int],
    per_profile: _PerProfile,
) -> OptionResult:
    """Status, fit and totals for one option (headroom scores as in headroom_score)."""
    cost, typical = course_cost(t, profile.scars.count)
    eff_score, eff_checks = effectiveness(t, profile)
    pp = per_profile
    scores = (
        eff_score,
        _clip_low(1 - typical / pp.budget_span),
        _clip_low(1 - fixed.downtime.mid / pp.downtime_span),
        _clip_low(1 - fixed.sessions.mid / pp.sessions_span),
        _clip_low(1 - t.invasiveness / pp.invasiveness_span),
    )
    sh = pp.shares
    points = (
        sh[0] * (scores[0] - 0.5),
        sh[1] * (scores[1] - 0.5),
        sh[2] * (scores[2] - 0.5),
        sh[3] * (scores[3] - 0.5),
        sh[4] * (scores[4] - 0.5),
    )
    fit_exact = 50 + points[0] + points[1] + points[2] + points[3] + points[4]
    limits = limit_checks(t, profile, cost, fixed.weeks)
    if rule_cautions and any(c.effect == "not_advised" for c in rule_cautions):
        status = "not_advised"
    elif rule_cautions or any(certain for _, certain in limits):
        status = "caution"
    else:
        status = "suitable"
    return OptionResult(
        treatment=t,
        profile=profile,
        fit=max(0, min(100, round(fit_exact))),
        fit_exact=fit_exact,
        status=status,
        factor_scores=scores,
        factor_points=points,
        weights=weights,
        effectiveness_checks=eff_checks,
        limit_checks=limits,
        rule_cautions=rule_cautions,
        total_cost_usd=cost,
        typical_cost_usd=typical,
        fixed=fixed,
    )


# ----------------------------------------------------------------------------- all options


@dataclass(slots=True)
class Ranking:
    options: list[OptionResult]
    general_notes: list[str] = field(default_factory=list)

    def by_id(self, option_id: str) -> OptionResult:
        return next(o for o in self.options if o.id == option_id)


def rank_options(profile: Profile, catalog: Catalog | None = None) -> Ranking:
    """Score every option and rank them: by fit, with every not_advised option last."""
    catalog = catalog or default_catalog()
    weights, general = _weights(profile)
    rules = screening_cautions(profile, catalog)
    fixed = _fixed(catalog)
    per_profile = _PerProfile.of(profile, weights)
    results = [
        score_option(t, profile, fixed[i], rules.get(i, ()), weights, per_profile)
        for i, t in catalog.treatments.items()
    ]
    order = {i: n for n, i in enumerate(catalog.treatments)}
    results.sort(key=lambda o: (o.status == "not_advised", -o.fit_exact, order[o.id]))
    for rank, option in enumerate(results, start=1):
        option.rank = rank
    return Ranking(results, general)
