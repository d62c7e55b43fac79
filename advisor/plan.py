"""A suggested combination plan on a timeline.

Order from the evidence [S35, S1, S8]: treat the individual ice pick scars first (TCA CROSS
or a punch technique), resurface the area 4-8 weeks after that, and release rolling scars
with subcision alongside. The plan respects the budget, downtime and weeks available where
it can, and says plainly where it cannot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from advisor.catalog import Catalog, Treatment, default_catalog
from advisor.profile import Profile
from advisor.scoring import OptionResult, Range, Ranking
from advisor.words import money

FOCAL_IDS = ("tca_cross", "punch_excision", "punch_graft")
RESURFACING_CATEGORY = "resurfacing"
GAP_WEEKS = 4  # resurfacing starts 4-8 weeks after the focal step [S35]


@dataclass(frozen=True, slots=True)
class PlanStep:
    step: int
    id: str
    name: str
    purpose: str
    start_week: int
    end_week: int
    sessions: int
    interval_weeks: float
    cost_usd: Range
    typical_cost_usd: float
    downtime_days: Range

    def to_json(self) -> dict:
        return {
            "step": self.step,
            "id": self.id,
            "name": self.name,
            "purpose": self.purpose,
            "start_week": self.start_week,
            "end_week": self.end_week,
            "sessions": self.sessions,
            "cost_usd": self.cost_usd.as_dict(),
            "typical_cost_usd": round(self.typical_cost_usd),
        }


@dataclass(slots=True)
class Plan:
    steps: list[PlanStep]
    notes: list[str] = field(default_factory=list)

    @property
    def total_cost_usd(self) -> Range:
        return Range(
            sum(s.cost_usd.low for s in self.steps), sum(s.cost_usd.high for s in self.steps)
        )

    @property
    def typical_cost_usd(self) -> float:
        return sum(s.typical_cost_usd for s in self.steps)

    @property
    def total_sessions(self) -> int:
        return sum(s.sessions for s in self.steps)

    @property
    def total_downtime_days(self) -> Range:
        return Range(
            sum(s.downtime_days.low * s.sessions for s in self.steps),
            sum(s.downtime_days.high * s.sessions for s in self.steps),
        )

    @property
    def total_weeks(self) -> int:
        return max((s.end_week for s in self.steps), default=0)

    def totals_json(self) -> dict:
        return {
            "cost_usd": self.total_cost_usd.as_dict(),
            "typical_cost_usd": round(self.typical_cost_usd),
            "sessions": self.total_sessions,
            "downtime_days": self.total_downtime_days.as_dict(),
            "weeks": self.total_weeks,
        }


def typical_sessions(t: Treatment) -> int:
    """The middle of the session range, rounded half up, at least 1."""
    return max(1, math.floor((t.sessions_low + t.sessions_high) / 2 + 0.5))


def step_weeks(t: Treatment, sessions: int) -> int:
    """Weeks from the first of these sessions until the last has healed."""
    interval = (t.interval_weeks_low + t.interval_weeks_high) / 2
    return math.ceil((sessions - 1) * interval + max(1, math.ceil(t.downtime_days_high / 7)))


def _step_cost(t: Treatment, sessions: int, count: int) -> float:
    """Typical cost of this many sessions (plan steps are priced per session or per scar)."""
    return t.cost_typical * (count if t.pricing_unit == "scar" else 1) * sessions


def make_step(
    number: int, option: OptionResult, t: Treatment, start: int, purpose: str, count: int
) -> PlanStep:
    sessions = typical_sessions(t)
    return PlanStep(
        step=number,
        id=option.id,
        name=option.name,
        purpose=purpose,
        start_week=start,
        end_week=start + step_weeks(t, sessions),
        sessions=sessions,
        interval_weeks=(t.interval_weeks_low + t.interval_weeks_high) / 2,
        cost_usd=option.total_cost_usd,
        typical_cost_usd=_step_cost(t, sessions, count),
        downtime_days=option.downtime_days,
    )


def _candidates(
    ranking: Ranking, wanted: set[str] | None, category: str | None
) -> list[OptionResult]:
    """Advisable options of a kind, best fit first."""
    return [
        o
        for o in ranking.options
        if o.status != "not_advised"
        and (wanted is None or o.id in wanted)
        and (category is None or o.category == category)
    ]


def _first_that_fits(
    trials: list[PlanStep], earlier: list[PlanStep], profile: Profile
) -> PlanStep | None:
    """The best-fitting step that keeps the plan within budget and time, if any."""
    return next((s for s in trials if _fits([*earlier, s], profile)), None)


def _fits(steps: list[PlanStep], profile: Profile) -> bool:
    p = profile.preferences
    cost_ok = sum(s.typical_cost_usd for s in steps) <= p.budget_usd
    weeks_ok = p.weeks_available is None or max(s.end_week for s in steps) <= p.weeks_available
    return cost_ok and weeks_ok


def build_plan(profile: Profile, ranking: Ranking, catalog: Catalog | None = None) -> Plan:
    """Focal treatment first, resurfacing after, subcision alongside rolling scars."""
    catalog = catalog or default_catalog()
    count = profile.scars.count
    prefs = profile.preferences
    steps: list[PlanStep] = []
    notes: list[str] = []
    if profile.skin.active_acne:
        notes.append("Get active acne under control first. Week 0 of this plan starts after that.")
    if profile.health.pregnant or profile.health.breastfeeding:
        notes.append(
            "Most of these steps are usually put off until after pregnancy and breastfeeding."
        )

    focal = _candidates(ranking, set(FOCAL_IDS), None)
    if focal:
        best = focal[0]
        steps.append(
            make_step(
                1,
                best,
                catalog.treatments[best.id],
                0,
                "Treat each ice pick scar on its own first.",
                count,
            )
        )
    else:
        notes.append("None of the treatments for single ice pick scars is advised for you now.")

    if "rolling" in profile.scars.other_types:
        subcision = _candidates(ranking, {"subcision"}, None)
        if subcision:
            steps.append(
                make_step(
                    len(steps) + 1,
                    subcision[0],
                    catalog.treatments["subcision"],
                    0,
                    "Release the rolling scars at the same time.",
                    count,
                )
            )

    resurfacing = _candidates(ranking, None, RESURFACING_CATEGORY)
    if prefs.goal == "subtle":
        notes.append(
            "Your goal is a subtle change, so the plan stops after the first step. "
            "Resurfacing can be added later."
        )
    elif resurfacing:
        start = max((s.end_week for s in steps), default=-GAP_WEEKS) + GAP_WEEKS
        trials = [
            make_step(
                len(steps) + 1,
                o,
                catalog.treatments[o.id],
                start,
                "Smooth the whole area once the single scars have healed.",
                count,
            )
            for o in resurfacing
        ]
        fitting = _first_that_fits(trials, steps, profile)
        if fitting:
            steps.append(fitting)
        elif not steps:
            steps.append(trials[0])
        else:
            left_out = trials[0]
            reasons = []
            if sum(s.typical_cost_usd for s in [*steps, left_out]) > prefs.budget_usd:
                reasons.append(f"your budget of {money(prefs.budget_usd)}")
            if prefs.weeks_available is not None and left_out.end_week > prefs.weeks_available:
                reasons.append(f"your {prefs.weeks_available} weeks")
            notes.append(
                f"{left_out.name} was left out to stay within {' and '.join(reasons)}. Adding it "
                f"later would cost about {money(left_out.typical_cost_usd)} and take about "
                f"{left_out.end_week - left_out.start_week} weeks."
            )

    if not steps:
        notes.append(
            "No treatment fits your answers right now. Doing nothing is a reasonable "
            "choice; a dermatologist can tell you when that changes."
        )
        return Plan(steps, notes)

    plan = Plan(steps, notes)
    if plan.typical_cost_usd > prefs.budget_usd:
        notes.append(
            f"This plan costs about {money(plan.typical_cost_usd)}, more than your budget "
            f"of {money(prefs.budget_usd)}. You could treat fewer scars, or spread the "
            "steps over a longer time."
        )
    if prefs.weeks_available is not None and plan.total_weeks > prefs.weeks_available:
        notes.append(
            f"This plan takes about {plan.total_weeks} weeks; you have "
            f"{prefs.weeks_available}. The first step can start now and the rest later."
        )
    for s in steps:
        if s.downtime_days.high > prefs.max_downtime_days:
            notes.append(
                f"{s.name} can need up to {s.downtime_days.high:g} days of healing after "
                f"a session, more than the {prefs.max_downtime_days} you can take. "
                "Booking it before a weekend or a holiday helps."
            )
    return plan
