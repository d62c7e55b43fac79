"""A suggested combination plan on a timeline, built the way a dermatologist would order it.

Order from the evidence [S35, S1, S8]: treat the individual ice pick scars first (TCA CROSS
or a punch technique), release rolling scars with subcision alongside, and resurface the area
4-8 weeks after that. Safety comes first: with a pregnancy the plan holds no procedure; with
active acne its first step is getting the acne under control and no procedure starts before
week 8; raised scars get their own track to discuss. The resurfacing step follows skin type
and goal: a fractional laser for types I-III who want the biggest change and can take the
downtime, needling for darker skin. Costs are the plan's own steps, and every note about the
budget is worked out from the plan it describes (the words are in plan_text below).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from advisor.catalog import Catalog, Treatment, default_catalog
from advisor.content import PlanText, default_plan_text
from advisor.i18n import N_, Messages
from advisor.profile import Profile
from advisor.scoring import CLOSE_CALL_POINTS, OptionResult, Range, Ranking, typical_sessions
from advisor.words import money, number

FOCAL_IDS = ("tca_cross", "punch_excision", "punch_graft")
RESURFACING_IDS = ("laser_ablative", "laser_nonablative", "microneedling", "rf_microneedling")
LASER_IDS = ("laser_ablative", "laser_nonablative")
NEEDLING_IDS = ("microneedling", "rf_microneedling")
GAP_WEEKS = 4  # resurfacing starts 4-8 weeks after the single scars are treated [S35]
ACNE_STEP = "acne_control"
TOP_COUNT = 3  # the "top options" the Summary shows
FEW_SCARS = 10  # a few isolated scars: treating each one is usually enough


@dataclass(slots=True)  # not frozen: the plan numbers its steps and adds why in place
class PlanStep:
    step: int
    id: str  # a treatment id, or acne_control
    name: str
    role: str  # acne, focal, rolling or resurfacing
    start_week: int
    end_week: int
    sessions: int
    interval_weeks: float
    cost_usd: Range
    typical_cost_usd: float
    downtime_days: Range
    why: str = ""  # why this option, when it is not one of the person's top options

    @property
    def is_procedure(self) -> bool:
        return self.role != "acne"

    def to_json(self) -> dict:
        return {
            "step": self.step,
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "start_week": self.start_week,
            "end_week": self.end_week,
            "sessions": self.sessions,
            "cost_usd": self.cost_usd.as_dict(),
            "typical_cost_usd": round(self.typical_cost_usd),
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class PlanNote:
    """One thing the plan says, as a key and the numbers behind it (words: note_text)."""

    kind: str
    name: str = ""
    amount: float = 0
    weeks: int = 0
    limit: float = 0


@dataclass(slots=True)
class Plan:
    steps: list[PlanStep]
    notes: list[PlanNote] = field(default_factory=list)
    on_hold: bool = False  # pregnancy: no procedure now
    tracks: list[str] = field(default_factory=list)  # separate care to discuss (raised scars)
    budget_usd: float = 0

    @property
    def procedures(self) -> list[PlanStep]:
        return [s for s in self.steps if s.is_procedure]

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
        return sum(s.sessions for s in self.procedures)

    @property
    def total_downtime_days(self) -> Range:
        return Range(
            sum(s.downtime_days.low * s.sessions for s in self.procedures),
            sum(s.downtime_days.high * s.sessions for s in self.procedures),
        )

    @property
    def total_weeks(self) -> int:
        return max((s.end_week for s in self.steps), default=0)

    @property
    def over_budget_by(self) -> float:
        return max(0.0, self.typical_cost_usd - self.budget_usd)

    def totals_json(self) -> dict:
        return {
            "cost_usd": self.total_cost_usd.as_dict(),
            "typical_cost_usd": round(self.typical_cost_usd),
            "over_budget_by_usd": round(self.over_budget_by),
            "sessions": self.total_sessions,
            "downtime_days": self.total_downtime_days.as_dict(),
            "weeks": self.total_weeks,
        }


# ----------------------------------------------------------------------------- steps


def step_weeks(t: Treatment, sessions: int) -> int:
    """Weeks from the first of these sessions until the last has healed."""
    interval = (t.interval_weeks_low + t.interval_weeks_high) / 2
    return math.ceil((sessions - 1) * interval + max(1, math.ceil(t.downtime_days_high / 7)))


def step_cost(option: OptionResult, sessions: int) -> float:
    """Typical cost of the step: each scar once for the punch methods, else each session."""
    t = option.treatment
    if t.pricing_unit == "scar":
        return option.typical_cost_usd
    return t.cost_typical * sessions


def make_step(option: OptionResult, role: str, start: int) -> PlanStep:
    t = option.treatment
    sessions = typical_sessions(option.sessions)
    return PlanStep(
        step=0,
        id=option.id,
        name=option.name,
        role=role,
        start_week=start,
        end_week=start + step_weeks(t, sessions),
        sessions=sessions,
        interval_weeks=(t.interval_weeks_low + t.interval_weeks_high) / 2,
        cost_usd=option.total_cost_usd,
        typical_cost_usd=step_cost(option, sessions),
        downtime_days=option.downtime_days,
    )


def acne_step(text: PlanText) -> PlanStep:
    """Getting acne under control with a doctor: no catalog cost (the doctor's care varies)."""
    return PlanStep(
        step=0,
        id=ACNE_STEP,
        name=text.acne_name,
        role="acne",
        start_week=0,
        end_week=text.acne_weeks,
        sessions=0,
        interval_weeks=0,
        cost_usd=Range(0, 0),
        typical_cost_usd=0,
        downtime_days=Range(0, 0),
    )


def _advisable(advisable: list[OptionResult], ids: tuple[str, ...]) -> list[OptionResult]:
    """Advisable options among these ids, in rank order (fit, then how well they work, then
    the evidence; never the catalog order)."""
    return [o for o in advisable if o.id in ids]


# ----------------------------------------------------------------------------- resurfacing


def few_isolated_scars(profile: Profile) -> bool:
    """A handful of isolated ice pick scars and no other kind: no need to resurface the area."""
    scars = profile.scars
    return scars.distribution == "isolated" and scars.count <= FEW_SCARS and not scars.other_types


def darkens_easily(profile: Profile) -> bool:
    return profile.skin.fitzpatrick >= 4 or profile.skin.dark_marks_after_injury


def accepts_laser_risk(profile: Profile) -> bool:
    """Type IV skin without dark marks after injury, wanting the biggest change: answers that
    accept a higher risk of dark patches for a bigger change."""
    skin = profile.skin
    return (
        profile.preferences.goal == "maximal"
        and skin.fitzpatrick == 4
        and not (skin.dark_marks_after_injury)
    )


def resurfacing_pool(
    profile: Profile, advisable: list[OptionResult]
) -> tuple[list[OptionResult], str]:
    """The resurfacing options that suit this skin and goal, best first, and why (a key)."""
    everything = _advisable(advisable, RESURFACING_IDS)
    prefs = profile.preferences
    if darkens_easily(profile) and not accepts_laser_risk(profile):
        needling = [o for o in everything if o.id in NEEDLING_IDS]
        return (needling, "darker_skin") if needling else (everything, "best_fit")
    if profile.skin.fitzpatrick <= 3 and prefs.goal == "maximal":
        lasers = [
            o
            for o in everything
            if o.id in LASER_IDS and o.treatment.downtime_days_low <= prefs.max_downtime_days
        ]
        return (lasers, "large_change") if lasers else (everything, "best_fit")
    return everything, "best_fit"


# ----------------------------------------------------------------------------- the plan


def _numbered(steps: list[PlanStep]) -> list[PlanStep]:
    for n, s in enumerate(steps, start=1):
        s.step = n
    return steps


def _cost(steps: list[PlanStep]) -> float:
    return sum(s.typical_cost_usd for s in steps)


def _why(step: PlanStep, top: set[str], reason: str, profile: Profile) -> PlanStep:
    """Say why a step uses an option that is not one of the person's top options."""
    if step.id in top or not step.is_procedure:
        return step
    key = {"focal": "focal", "rolling": "rolling"}.get(step.role, reason)
    step.why = why_text(key, step, profile)
    return step


def safety_first(profile: Profile, text: PlanText) -> Plan:
    """An empty plan with its separate tracks (raised scars, keloids), on hold in pregnancy,
    and the breastfeeding note."""
    plan = Plan(steps=[], budget_usd=profile.preferences.budget_usd)
    if "hypertrophic" in profile.scars.other_types:
        plan.tracks.append(text.raised_scars_track)
    if profile.skin.keloid_history:
        plan.tracks.append(text.keloid_history)
    if profile.health.pregnant:
        plan.on_hold = True
    elif profile.health.breastfeeding:
        plan.notes.append(PlanNote("breastfeeding"))
    return plan


def build_plan(
    profile: Profile,
    ranking: Ranking,
    catalog: Catalog | None = None,
    text: PlanText | None = None,
) -> Plan:
    """Safety first, then single scars, rolling scars alongside, resurfacing after."""
    catalog = catalog or default_catalog()
    text = text or default_plan_text()
    prefs = profile.preferences
    plan = safety_first(profile, text)
    if plan.on_hold:
        return plan

    steps: list[PlanStep] = []
    start = 0
    if profile.skin.active_acne:
        steps.append(acne_step(text))
        start = text.acne_weeks

    advisable = ranking.advisable
    focal = _advisable(advisable, FOCAL_IDS)
    if focal:
        steps.append(make_step(focal[0], "focal", start))
    else:
        plan.notes.append(PlanNote("no_focal"))
    if "rolling" in profile.scars.other_types:
        subcision = _advisable(advisable, ("subcision",))
        if subcision:
            steps.append(make_step(subcision[0], "rolling", start))

    if len(focal) > 1 and focal[0].fit_exact - focal[1].fit_exact <= CLOSE_CALL_POINTS:
        plan.notes.append(
            PlanNote("close_focal", name=focal[1].name, amount=focal[1].typical_cost_usd)
        )

    reason = ""
    if prefs.goal == "subtle":
        plan.notes.append(PlanNote("subtle"))
    elif few_isolated_scars(profile):
        plan.notes.append(PlanNote("few_isolated"))
    else:
        chosen, reason = resurfacing_step(profile, advisable, steps, start)
        if chosen is not None:
            steps.append(chosen)

    steps = _fit_to_limits(steps, plan, profile)
    top = {o.id for o in [o for o in advisable if not o.is_reference][:TOP_COUNT]}
    plan.steps = _numbered([_why(s, top, reason, profile) for s in steps])
    if not plan.procedures:
        plan.notes.append(PlanNote("nothing_fits"))
        return plan
    if darkens_easily(profile):
        plan.notes.append(PlanNote("pigment_preparation"))
        if profile.health.breastfeeding:
            plan.notes.append(PlanNote("pigment_breastfeeding"))
    _add_limit_notes(plan, profile)
    return plan


def resurfacing_step(
    profile: Profile, advisable: list[OptionResult], steps: list[PlanStep], start: int
) -> tuple[PlanStep | None, str]:
    """The resurfacing step after the earlier ones (the evidence's choice for this skin and
    goal, or the next one that keeps the plan within budget), and why, if not the first."""
    pool, reason = resurfacing_pool(profile, advisable)
    begin = max((s.end_week for s in steps if s.is_procedure), default=start - GAP_WEEKS)
    trials = [make_step(o, "resurfacing", max(start, begin + GAP_WEEKS)) for o in pool]
    if not trials:
        return None, reason
    within = [s for s in trials if _cost([*steps, s]) <= profile.preferences.budget_usd]
    chosen = within[0] if within else min(trials, key=lambda s: s.typical_cost_usd)
    if chosen is not trials[0]:
        reason = "within_budget" if within else "least_costly"
    return chosen, reason


def _fit_to_limits(steps: list[PlanStep], plan: Plan, profile: Profile) -> list[PlanStep]:
    """Leave resurfacing out only when that brings the plan within the budget and the time;
    otherwise keep the plan a dermatologist would write and say plainly where it is over."""
    prefs = profile.preferences
    resurfacing = [s for s in steps if s.role == "resurfacing"]
    if not resurfacing:
        return steps
    rest = [s for s in steps if s.role != "resurfacing"]
    if not any(s.is_procedure for s in rest):
        return steps
    weeks_ok = prefs.weeks_available is None or max(s.end_week for s in steps) <= (
        prefs.weeks_available
    )
    if _cost(steps) <= prefs.budget_usd and weeks_ok:
        return steps
    rest_weeks_ok = prefs.weeks_available is None or max(s.end_week for s in rest) <= (
        prefs.weeks_available
    )
    if _cost(rest) <= prefs.budget_usd and rest_weeks_ok:
        left = resurfacing[0]
        plan.notes.append(
            PlanNote(
                "left_out_budget" if _cost(steps) > prefs.budget_usd else "left_out_weeks",
                name=left.name,
                amount=left.typical_cost_usd,
                weeks=left.end_week - left.start_week,
                limit=prefs.budget_usd,
            )
        )
        return rest
    return steps


def _add_limit_notes(plan: Plan, profile: Profile) -> None:
    prefs = profile.preferences
    high = plan.total_cost_usd.high
    if plan.over_budget_by == 0 and high > prefs.budget_usd:
        plan.notes.append(PlanNote("could_exceed", amount=high, limit=prefs.budget_usd))
    if plan.over_budget_by > 0:
        plan.notes.append(
            PlanNote("over_budget", amount=plan.over_budget_by, limit=prefs.budget_usd)
        )
        affordable = [s for s in plan.procedures if s.typical_cost_usd <= prefs.budget_usd]
        if affordable:
            best = affordable[0]
            plan.notes.append(
                PlanNote("single_step_fits", name=best.name, amount=best.typical_cost_usd)
            )
        else:
            cheapest = min(plan.procedures, key=lambda s: s.typical_cost_usd)
            plan.notes.append(
                PlanNote(
                    "no_step_fits",
                    name=cheapest.name,
                    amount=cheapest.typical_cost_usd,
                    limit=prefs.budget_usd,
                )
            )
    if prefs.weeks_available is not None and plan.total_weeks > prefs.weeks_available:
        plan.notes.append(
            PlanNote("over_weeks", weeks=plan.total_weeks, limit=prefs.weeks_available)
        )
    for s in plan.procedures:
        if s.downtime_days.high > prefs.max_downtime_days:
            plan.notes.append(
                PlanNote(
                    "downtime",
                    name=s.name,
                    amount=s.downtime_days.high,
                    limit=prefs.max_downtime_days,
                )
            )


# ----------------------------------------------------------------------------- words

PURPOSES = Messages(
    {
        "focal": N_("Treat each ice pick scar on its own first."),
        "rolling": N_("Release the rolling scars at the same time."),
        "resurfacing": N_("Smooth the whole area once the single scars have healed."),
    }
)


def step_purpose(step: PlanStep, text: PlanText | None = None) -> str:
    if step.role == "acne":
        return (text or default_plan_text()).acne_purpose
    return PURPOSES[step.role]


# Why the plan uses an option that is not among the top options, by reason; {name} is the
# option. Each is one whole sentence, so that a language can order it its own way.
WHY_WORDS = Messages(
    {
        "rolling": N_(
            "{name} is in the plan for your rolling scars: it frees the bands that pull them "
            "down, which the treatments for single ice pick scars do not do [S1]."
        ),
        "focal": N_(
            "{name} is in the plan because ice pick scars are treated one by one first, and it "
            "is the best-fitting way of doing that for you [S35]."
        ),
        "darker_skin": N_(
            "{name} is in the plan to smooth the whole area once the single scars have healed "
            "[S35]; for skin that darkens easily, needling carries less risk of dark patches "
            "than laser [S20,S16]."
        ),
        "within_budget": N_(
            "{name} is in the plan to smooth the whole area once the single scars have healed "
            "[S35]; of the resurfacing treatments that suit you, it is the one that keeps the "
            "plan within your budget."
        ),
        "least_costly": N_(
            "{name} is in the plan to smooth the whole area once the single scars have healed "
            "[S35]; of the resurfacing treatments that suit you, it costs the least."
        ),
        "large_change": N_(
            "{name} is in the plan to smooth the whole area once the single scars have healed "
            "[S35]; for the biggest change in skin like yours (types I-III), a fractional "
            "laser is the usual choice [S15,S16]."
        ),
        "large_change_gentler": N_(
            "{name} is in the plan to smooth the whole area once the single scars have healed "
            "[S35]; for the biggest change in skin like yours (types I-III), a fractional "
            "laser is the usual choice [S15,S16], and the gentler non-ablative kind fits the "
            "healing time you can take."
        ),
        "best_fit": N_(
            "{name} is in the plan to smooth the whole area once the single scars have healed, "
            "and it is the best-fitting resurfacing treatment for you [S35]."
        ),
    }
)


def why_text(key: str, step: PlanStep, profile: Profile) -> str:
    """One line: why the plan uses an option that is not among the top options."""
    if key == "large_change" and step.id == "laser_nonablative":
        key = "large_change_gentler"
    return WHY_WORDS[key if key in WHY_WORDS else "best_fit"].format(name=step.name)


# The words of each plan note. {amount}, {limit} and {total} are money, {days} and {have} are
# plain numbers (days or weeks), {name} is an option and {weeks} a whole number of weeks.
NOTE_WORDS = Messages(
    {
        "no_focal": N_("None of the treatments for single ice pick scars is advised for you now."),
        "subtle": N_(
            "Your goal is a subtle change, so the plan stops after the single scars. "
            "Resurfacing can be added later."
        ),
        "nothing_fits": N_(
            "No treatment fits your answers right now. Doing nothing is a reasonable "
            "choice; a dermatologist can tell you when that changes."
        ),
        "left_out_budget": N_(
            "{name} was left out to keep the plan within your budget of {limit}. "
            "Adding it later would cost about {amount} and take about {weeks} weeks."
        ),
        "left_out_weeks": N_(
            "{name} was left out to keep the plan within the weeks you have. Adding "
            "it later would cost about {amount} and take about {weeks} weeks."
        ),
        "over_budget": N_(
            "This plan costs about {total}, which is about {amount} more than your "
            "budget of {limit}."
        ),
        "single_step_fits": N_(
            "On its own, {name} fits your budget (about {amount}): you could start "
            "with it and add the rest later."
        ),
        "no_step_fits": N_(
            "No single step fits your budget of {limit}; the least costly is {name}, "
            "at about {amount}."
        ),
        "over_weeks": N_(
            "This plan takes about {weeks} weeks; you have {have}. The first step can "
            "start now and the rest later."
        ),
        "downtime": N_(
            "{name} can need up to {days} days of healing after a session, more than the "
            "{have} you can take. Ask how to plan time off around it."
        ),
        "could_exceed": N_(
            "The typical cost is within your budget, but at the high end the plan "
            "could cost up to {amount}, above your budget of {limit}. Ask for a written total "
            "price."
        ),
        "close_focal": N_(
            "{name} fits you about as well as the first step (about {amount}). Ask "
            "which of the two suits your scars better."
        ),
        "pigment_breastfeeding": N_(
            "While you breastfeed, ask which skin-lightening creams are safe, "
            "as you would for retinoids [S34]."
        ),
        "few_isolated": N_(
            "With a few isolated scars, treating each one is usually enough; smoothing "
            "the whole area can be added later if you want more change [S35]."
        ),
    }
)


def note_text(note: PlanNote, text: PlanText | None = None) -> str:
    """The words of one plan note. Budget notes use the plan's own numbers."""
    text = text or default_plan_text()
    if note.kind == "breastfeeding":
        return text.breastfeeding_note
    if note.kind == "pigment_preparation":
        return text.pigment_preparation
    if note.kind not in NOTE_WORDS:
        raise ValueError(f"unknown plan note {note.kind}")
    return NOTE_WORDS[note.kind].format(
        name=note.name,
        amount=money(note.amount),
        limit=money(note.limit),
        total=money(note.amount + note.limit),
        weeks=number(note.weeks),
        days=number(note.amount),
        have=number(note.limit),
    )


def hold_lines(profile: Profile, text: PlanText | None = None) -> tuple[str, list[str]]:
    """Why a pregnant person's plan has no procedure, and what helps meanwhile."""
    text = text or default_plan_text()
    acne = [text.pregnancy_acne] if profile.skin.active_acne else []
    return text.pregnancy_hold, [*text.pregnancy_meanwhile, *acne]


def plan_notes(plan: Plan) -> list[str]:
    return [note_text(n) for n in plan.notes]
