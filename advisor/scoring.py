"""The fit of every option for one profile: numbers only (the sentences are in explain.py).

The model in one sentence: **an option's fit adds up points for your priorities, starting
at 50, but it can never be higher than how well the option works for your scars.**

- *How well it works* (0-100) comes from the evidence rating for ice pick scars. The rating
  sets a band (a large improvement is 70-95, a small one 10-25); how well the option matches
  your scars (depth, width, number, spread) sets the place inside the band. With rolling or
  boxcar scars too, the ice pick part counts 70% and the other types 30%.
- *Points*: each of the five factors has a score from 0 to 1 and your weight from 0 to 5, and
  adds `weight / sum of weights x (score - 0.5) x 100` points to 50.
- *The limit*: the fit is at most how well it works, measured against your goal (for a
  subtle goal, a small improvement is enough). For skin types V-VI or skin that darkens
  after injury, an option with a high risk of dark or light patches keeps only 60% of that
  limit.

So an option that does little for your scars cannot rank high just because it is cheap and
quick: cost, downtime, sessions and invasiveness only separate options that help. The README
shows a worked example; every reason shown to the user is one of these terms.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from advisor.catalog import LEVELS, Catalog, Treatment, default_catalog
from advisor.i18n import _
from advisor.profile import Profile
from advisor.words import ESTIMATE_SOURCE_WORDS

FACTORS: tuple[str, ...] = ("effectiveness", "cost", "downtime", "sessions", "invasiveness")

# how well it works for ice pick scars: the band each evidence rating allows (0-100)
ICE_PICK_BANDS: dict[str, tuple[float, float]] = {
    "none": (0, 0),
    "low": (10, 25),
    "low_moderate": (20, 45),
    "moderate": (35, 60),
    "moderate_high": (50, 80),
    "high": (70, 95),
}
# how well it works for rolling or boxcar scars (one value per rating, no match checks); with
# both types, the mean of the two
OTHER_TYPE_POINTS = {
    "none": 0,
    "low": 20,
    "low_moderate": 35,
    "moderate": 50,
    "moderate_high": 65,
    "high": 80,
}
ICE_PICK_SHARE = 0.7  # with rolling or boxcar scars too, the ice pick part counts 70%
# the improvement (0-100) that fully meets each goal: for a subtle goal a small one is enough
GOAL_TARGET = {"subtle": 50.0, "noticeable": 100.0, "maximal": 100.0}
HIGH_PIGMENT_RISK_SHARE = 0.6  # the share of its limit a high-risk option keeps (V-VI, marks)

# how much each mismatch with the scars moves an option down inside its band
DEPTH_STEP = 0.8  # per level the option reaches less deep than the scars
WIDTH_MISMATCH = 0.35
NOT_DISTENSIBLE = 0.5
WIDESPREAD_FOCAL = 0.85
MAXIMAL_SMALL = 0.8

DEPTH_ORDER = {"shallow": 0, "moderate": 1, "deep": 2}
PAIN_LIMIT = {"low": 2, "medium": 3, "high": 5}  # highest pain score each tolerance accepts
EVIDENCE_ORDER = {"moderate": 0, "low": 1, "very_low": 2, "not_applicable": 3}
WEEKS_PER_MONTH = 52 / 12
REFERENCE_ID = "no_treatment"  # doing nothing: the reference point every option is compared to
CLOSE_CALL_POINTS = 3  # two options this close in fit are about equal choices


@dataclass(slots=True)  # not frozen: frozen instances are slower to make
class Range:
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {"low": tidy(self.low), "high": tidy(self.high)}

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


def tidy(x: float) -> float:
    """Whole numbers as int (for JSON and display), others rounded to one decimal."""
    r = round(x, 1)
    return int(r) if r == int(r) else r


@dataclass(frozen=True, slots=True)
class Caution:
    """A screening rule or a limit that applies to one option. `effect` is caution, not_advised
    or note (a note informs and never changes the status)."""

    text: str
    source: str
    effect: str
    about: str = ""  # the answer a screening rule looked at (empty for the person's limits)

    def __str__(self) -> str:
        return f"{self.text} [{_(self.source)}]"  # "your answers" is a message; citations as is


@dataclass(slots=True)  # not frozen: frozen instances are slower to make
class Works:
    """How well an option works for these scars (0-100) and what moved it inside its band."""

    score: float
    ice_pick: float
    other_types: float | None  # None without rolling or boxcar scars
    checks: tuple[str, ...]  # keys of the mismatches that applied, e.g. ("depth", "width")


@dataclass(slots=True)  # not frozen: frozen instances are slower to make
class Limit:
    """The highest fit an option can have: how well it works, against the goal, and the skin."""

    value: float
    goal_share: float  # how much of the wanted change it gives, 0-1
    high_pigment_risk: bool  # its limit was lowered for the person's skin


@dataclass(slots=True)
class OptionResult:
    """One option scored for one profile. Words are built only when asked for (explain.py)."""

    id: str
    treatment: Treatment
    profile: Profile
    fit: int
    fit_exact: float
    status: str
    works: Works
    limit: Limit
    factor_scores: tuple[float, ...]  # one per FACTORS entry, 0-1
    factor_points: tuple[float, ...]  # signed contribution to the fit
    limit_points: float  # 0, or what the limit takes away (negative)
    weights: dict[str, int]
    limit_checks: tuple[tuple[str, bool], ...]  # (limit, passed even at the low end)
    rule_cautions: Sequence[Caution]
    total_cost_usd: Range
    typical_cost_usd: float
    course: Course
    rank: int = 0

    name = property(lambda self: self.treatment.name)
    category = property(lambda self: self.treatment.category)
    invasiveness = property(lambda self: self.treatment.invasiveness)
    pain = property(lambda self: self.treatment.pain)
    improvement = property(lambda self: self.treatment.improvement_ice_pick)
    evidence_level = property(lambda self: self.treatment.evidence_level)
    sessions = property(lambda self: self.course.sessions)
    downtime_days = property(lambda self: self.course.downtime)
    redness_weeks = property(lambda self: self.course.redness)
    total_downtime_days = property(lambda self: self.course.total_downtime)
    weeks = property(lambda self: self.course.weeks)
    sources = property(lambda self: list(self.course.sources))
    estimates = property(lambda self: list(self.treatment.estimates))

    @property
    def pigment_risk(self) -> str:
        t = self.treatment
        return t.pigment_risk_dark if self.profile.skin.fitzpatrick >= 4 else t.pigment_risk_light

    @property
    def is_reference(self) -> bool:
        return self.id == REFERENCE_ID

    @property
    def points(self) -> float:
        """The fit before the limit: 50 plus the factor points."""
        return 50 + sum(self.factor_points)

    @property
    def notes(self) -> list[str]:
        from advisor.explain import option_notes

        return option_notes(self)

    @property
    def cautions(self) -> list[Caution]:
        from advisor.explain import option_cautions

        return option_cautions(self)

    @property
    def reasons(self) -> list[str]:
        from advisor.explain import option_reasons

        return option_reasons(self)

    def to_json(self) -> dict:
        from advisor.explain import option_json

        return option_json(self)


@dataclass(frozen=True, slots=True)
class Course:
    """An option's sessions, healing and weeks: once per catalog for most options, once per
    profile for the per-scar ones, whose sessions split the person's scars."""

    sessions: Range
    downtime: Range
    redness: Range | None
    total_downtime: Range
    weeks: Range
    sources: tuple[str, ...]
    typical_sessions: int  # see typical_sessions()
    typical_downtime: float  # the middle of the downtime range
    # the course's cost when it does not depend on the scar count (not per-scar pricing)
    cost: tuple[Range, float] | None = None


# ----------------------------------------------------------------------------- arithmetic


def course_units(t: Treatment, count: int) -> tuple[float, float, float]:
    """How many priced units (low, typical, high) a full course takes for this scar count:
    months of product, sessions, or scars (each scar is treated, and priced, once)."""
    if t.pricing_unit == "month":
        low = (t.course_weeks_low or 0) / WEEKS_PER_MONTH
        high = (t.course_weeks_high or 0) / WEEKS_PER_MONTH
        return low, (low + high) / 2, high
    if t.pricing_unit == "scar":
        return float(count), float(count), float(count)
    sessions = Range(t.sessions_low, t.sessions_high)
    return float(sessions.low), float(typical_sessions(sessions)), float(sessions.high)


def typical_sessions(sessions: Range) -> int:
    """The typical number of sessions: the middle of the range rounded half up (0 when the
    option needs none). The ranking, the costs and the plan all use this one number."""
    if sessions.high == 0:
        return 0
    return max(1, math.floor(sessions.mid + 0.5))


def course_sessions(t: Treatment, count: int) -> Range:
    """Clinic sessions for a full course. Per-scar options need more sessions for more scars:
    one session treats scars_per_session of them."""
    if t.pricing_unit != "scar":
        return Range(t.sessions_low, t.sessions_high)
    most, fewest = t.scars_per_session_high or 1, t.scars_per_session_low or 1
    return Range(
        max(t.sessions_low, math.ceil(count / most)),
        max(t.sessions_high, math.ceil(count / fewest)),
    )


def course_cost(t: Treatment, count: int) -> tuple[Range, float]:
    """Total cost range and typical total in USD for a full course."""
    low, typical, high = course_units(t, count)
    return Range(t.cost_low * low, t.cost_high * high), t.cost_typical * typical


def course_weeks(t: Treatment, sessions: Range | None = None) -> Range:
    """Weeks from the first session until the last one has healed."""
    if t.pricing_unit == "month":
        return Range(t.course_weeks_low or 0, t.course_weeks_high or 0)
    sessions = sessions or Range(t.sessions_low, t.sessions_high)
    if sessions.high == 0:
        return Range(0, 0)

    def span(count: float, interval: float, downtime: float) -> float:
        if count == 0:
            return 0
        return (count - 1) * interval + max(1, math.ceil(downtime / 7))

    return Range(
        span(sessions.low, t.interval_weeks_low, t.downtime_days_low),
        span(sessions.high, t.interval_weeks_high, t.downtime_days_high),
    )


def make_course(t: Treatment, sessions: Range, sources: tuple[str, ...]) -> Course:
    redness = (
        Range(t.redness_weeks_low or 0, t.redness_weeks_high)
        if t.redness_weeks_high is not None
        else None
    )
    return Course(
        sessions=sessions,
        downtime=Range(t.downtime_days_low, t.downtime_days_high),
        redness=redness,
        total_downtime=Range(
            t.downtime_days_low * sessions.low, t.downtime_days_high * sessions.high
        ),
        weeks=course_weeks(t, sessions),
        sources=sources,
        typical_sessions=typical_sessions(sessions),
        typical_downtime=(t.downtime_days_low + t.downtime_days_high) / 2,
        cost=None if t.pricing_unit == "scar" else course_cost(t, 0),
    )


def headroom_score(value: float, limit: float) -> float:
    """How well a value sits within the user's limit: 1 when it is 0, 0.5 at the limit, 1/3
    at twice the limit, 1/9 at eight times: limit / (limit + value). Never quite 0, so an
    option far over a limit scores below one just over it."""
    room = max(limit, 0.5)
    return room / (room + value)


# ----------------------------------------------------------------------------- how well it works


def ice_pick_match(t: Treatment, profile: Profile) -> tuple[float, tuple[str, ...]]:
    """Where the option sits inside its band for these scars (1 = top) and which checks moved
    it down."""
    scars = profile.scars
    match = 1.0
    applied: list[str] = []
    gap = DEPTH_ORDER[scars.depth] - DEPTH_ORDER[t.depth_reach]
    if gap > 0:
        match *= DEPTH_STEP**gap
        applied.append("depth")
    if not t.width_min_mm <= scars.width_mm <= t.width_max_mm:
        match *= WIDTH_MISMATCH
        applied.append("width")
    if t.max_scars is not None and scars.count > t.max_scars:
        match *= t.max_scars / scars.count
        applied.append("count")
    if t.needs_distensible and not scars.flattens_when_stretched:
        match *= NOT_DISTENSIBLE
        applied.append("distensible")
    if scars.distribution == "widespread" and not t.treats_area:
        match *= WIDESPREAD_FOCAL
        applied.append("widespread")
    if profile.preferences.goal == "maximal" and t.improvement_ice_pick in ("low", "low_moderate"):
        match *= MAXIMAL_SMALL
        applied.append("maximal")
    return match, tuple(applied)


def other_scar_types(profile: Profile) -> list[str]:
    """The person's rolling and boxcar scar types (hypertrophic scars are not dents)."""
    return [k for k in profile.scars.other_types if k in ("rolling", "boxcar")]


def other_type_level(t: Treatment, scar_type: str) -> str:
    """The evidence rating of an option for rolling or boxcar scars."""
    return t.improvement_rolling if scar_type == "rolling" else t.improvement_boxcar


def how_well_it_works(t: Treatment, profile: Profile) -> Works:
    """0-100 for these scars: the evidence band, the place in it, and the other scar types."""
    low, high = ICE_PICK_BANDS[t.improvement_ice_pick]
    match, checks = ice_pick_match(t, profile)
    ice_pick = low + (high - low) * match
    others = other_scar_types(profile)
    if not others:
        return Works(ice_pick, ice_pick, None, checks)
    other = sum(OTHER_TYPE_POINTS[other_type_level(t, k)] for k in others) / len(others)
    score = ICE_PICK_SHARE * ice_pick + (1 - ICE_PICK_SHARE) * other
    return Works(score, ice_pick, other, checks)


def skin_darkens_easily(profile: Profile) -> bool:
    """Types V-VI, or skin that gets dark marks after spots or cuts: pigment risk counts."""
    return profile.skin.fitzpatrick >= 5 or profile.skin.dark_marks_after_injury


def fit_limit(t: Treatment, works: Works, profile: Profile) -> Limit:
    """The highest fit the option can have for this goal and skin."""
    goal_share = min(1.0, works.score / GOAL_TARGET[profile.preferences.goal])
    risky = skin_darkens_easily(profile) and t.pigment_risk_dark == "high"
    value = 100 * goal_share * (HIGH_PIGMENT_RISK_SHARE if risky else 1.0)
    return Limit(value, goal_share, risky)


# ----------------------------------------------------------------------------- screening


@functools.cache
def _compiled_rules(
    catalog: Catalog,
) -> tuple[tuple[Callable[[Profile], bool], frozenset[str], Caution], ...]:
    def source(rule_source: str) -> str:
        return (
            catalog.sources[rule_source].short
            if rule_source in catalog.sources
            else ESTIMATE_SOURCE_WORDS
        )

    return tuple(
        (
            rule.test(),
            frozenset(rule.options),
            Caution(rule.message, source(rule.source), rule.effect, rule.about),
        )
        for rule in catalog.rules
    )


def screening_cautions(profile: Profile, catalog: Catalog) -> dict[str, list[Caution]]:
    """Cautions and notes from the clinical screening rules, per option id."""
    found: dict[str, list[Caution]] = {}
    for applies, options, caution in _compiled_rules(catalog):
        if applies(profile):
            for option in options:
                found.setdefault(option, []).append(caution)
    return found


def limit_checks(
    t: Treatment, profile: Profile, cost: Range, course: Course
) -> tuple[tuple[str, bool], ...]:
    """The user's limits this option may pass: (limit, True if even the low end passes it).

    Passing at the low end makes the option a caution; passing only at the high end is a note.
    """
    p = profile.preferences
    found: list[tuple[str, bool]] = []  # written out: this runs 14 times per profile
    if cost.high > p.budget_usd:
        found.append(("budget", cost.low > p.budget_usd))
    if t.downtime_days_high > p.max_downtime_days:
        found.append(("downtime", t.downtime_days_low > p.max_downtime_days))
    if course.sessions.high > p.max_sessions:
        found.append(("sessions", course.sessions.low > p.max_sessions))
    if t.invasiveness > p.max_invasiveness:
        found.append(("invasiveness", True))
    if t.pain > PAIN_LIMIT[p.pain_tolerance]:
        found.append(("pain", True))
    weeks = course.weeks
    if p.weeks_available is not None and weeks.high > p.weeks_available:
        found.append(("weeks", weeks.low > p.weeks_available))
    scars = profile.scars
    if t.max_scars is not None and scars.count > t.max_scars:
        found.append(("scars", True))  # treating each scar on its own is not practical
    if not t.treats_area and not t.width_min_mm <= scars.width_mm <= t.width_max_mm:
        found.append(("width", True))  # ask whether another single-scar method suits better
    return tuple(found)


def status_of(rule_cautions: Sequence[Caution], limits: tuple[tuple[str, bool], ...]) -> str:
    """not_advised if a rule says so; caution for any other rule caution or a limit passed
    even at the low end; otherwise suitable. Notes never change the status."""
    status = "suitable"
    for caution in rule_cautions:
        if caution.effect == "not_advised":
            return "not_advised"
        if caution.effect == "caution":
            status = "caution"
    if status == "suitable" and any(certain for _, certain in limits):
        return "caution"
    return status


# ----------------------------------------------------------------------------- one option


@functools.cache
def _courses(catalog: Catalog) -> dict[str, Course]:
    return {
        t.id: make_course(
            t, Range(t.sessions_low, t.sessions_high), tuple(catalog.source_names(t.sources))
        )
        for t in catalog.treatments.values()
    }


def course_for(t: Treatment, count: int, base: Course) -> Course:
    """The course for this scar count: the catalog's, or more sessions for many scars."""
    if t.pricing_unit != "scar":
        return base
    sessions = course_sessions(t, count)
    if sessions.low == base.sessions.low and sessions.high == base.sessions.high:
        return base
    return make_course(t, sessions, base.sources)


def effective_weights(profile: Profile) -> dict[str, int]:
    """The user's weights; when all five are 0, every factor counts the same (1 each)."""
    weights = profile.preferences.weights.model_dump()
    return weights if sum(weights.values()) else dict.fromkeys(FACTORS, 1)


@dataclass(frozen=True, slots=True)
class Scale:
    """Numbers every option's score needs, worked out once per profile."""

    shares: tuple[float, ...]  # weight / sum of weights * 100, in FACTORS order
    budget: float  # the person's limits, as headroom_score takes them
    downtime: float
    sessions: float
    invasiveness: float

    @classmethod
    def of(cls, profile: Profile, weights: dict[str, int]) -> Scale:
        p = profile.preferences
        total = sum(weights.values())
        return cls(
            shares=tuple(weights[k] / total * 100 for k in FACTORS),
            budget=p.budget_usd,
            downtime=p.max_downtime_days,
            sessions=p.max_sessions,
            invasiveness=p.max_invasiveness,
        )


def score_option(
    t: Treatment,
    profile: Profile,
    course: Course,
    rule_cautions: Sequence[Caution],
    weights: dict[str, int],
    scale: Scale,
) -> OptionResult:
    """Status, fit and totals for one option: 50, plus each factor's share of 100 points times
    how far its score is from 0.5, at most the option's limit."""
    cost, typical = course.cost or course_cost(t, profile.scars.count)
    course = course_for(t, profile.scars.count, course)
    works = how_well_it_works(t, profile)
    limit = fit_limit(t, works, profile)
    scores = (
        limit.goal_share,
        headroom_score(typical, scale.budget),
        headroom_score(course.typical_downtime, scale.downtime),
        headroom_score(course.typical_sessions, scale.sessions),
        headroom_score(t.invasiveness, scale.invasiveness),
    )
    points = tuple(share * (score - 0.5) for share, score in zip(scale.shares, scores, strict=True))
    before = 50 + sum(points)
    fit_exact = min(before, limit.value)
    limits = limit_checks(t, profile, cost, course)
    return OptionResult(
        id=t.id,
        treatment=t,
        profile=profile,
        fit=max(0, min(100, round(fit_exact))),
        fit_exact=fit_exact,
        status=status_of(rule_cautions, limits),
        works=works,
        limit=limit,
        factor_scores=scores,
        factor_points=points,
        limit_points=fit_exact - before,
        weights=weights,
        limit_checks=limits,
        rule_cautions=rule_cautions,
        total_cost_usd=cost,
        typical_cost_usd=typical,
        course=course,
    )


# ----------------------------------------------------------------------------- all options


@dataclass(slots=True)
class Ranking:
    options: list[OptionResult]
    all_weights_zero: bool = False
    general_notes: list[str] = field(default_factory=list)

    def by_id(self, option_id: str) -> OptionResult:
        return next(o for o in self.options if o.id == option_id)

    @property
    def advisable(self) -> list[OptionResult]:
        """Options not advised against, best fit first."""
        return [o for o in self.options if o.status != "not_advised"]


def rank_key(option: OptionResult, order: dict[str, int]) -> tuple:
    """Not-advised options last; then by fit; doing nothing after every option with the same
    fit; ties by how well it works, then the evidence, then the catalog order."""
    return (
        option.status == "not_advised",
        -round(option.fit_exact, 9),  # equal fits tie, whatever the floating-point noise
        option.is_reference,
        -option.works.score,
        EVIDENCE_ORDER[option.evidence_level],
        order[option.id],
    )


def rank_options(profile: Profile, catalog: Catalog | None = None) -> Ranking:
    """Score every option and rank them (rank_key)."""
    catalog = catalog or default_catalog()
    weights = effective_weights(profile)
    rules = screening_cautions(profile, catalog)
    courses = _courses(catalog)
    scale = Scale.of(profile, weights)
    results = [
        score_option(t, profile, courses[i], rules.get(i, ()), weights, scale)
        for i, t in catalog.treatments.items()
    ]
    order = {i: n for n, i in enumerate(catalog.treatments)}
    results.sort(key=lambda o: rank_key(o, order))
    for rank, option in enumerate(results, start=1):
        option.rank = rank
    all_zero = sum(profile.preferences.weights.model_dump().values()) == 0
    from advisor.explain import ranking_notes

    ranking = Ranking(results, all_zero)
    ranking.general_notes = ranking_notes(ranking)
    return ranking


if not set(ICE_PICK_BANDS) == set(LEVELS) == set(OTHER_TYPE_POINTS):
    raise RuntimeError("every improvement level needs a band and a value for other scar types")
