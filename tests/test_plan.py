from __future__ import annotations

from factories import make_profile

from advisor.recommend import recommend


def _plan(**answers: dict):
    return recommend(make_profile(**answers)).plan


def test_focal_treatment_comes_first_and_resurfacing_after_a_gap() -> None:
    plan = _plan(preferences={"budget_usd": 20000, "weeks_available": 104})
    ids = [s.id for s in plan.steps]
    assert ids[0] in ("tca_cross", "punch_excision", "punch_graft")
    resurfacing = plan.steps[-1]
    assert resurfacing.id in (
        "microneedling",
        "rf_microneedling",
        "laser_nonablative",
        "laser_ablative",
    )
    assert resurfacing.start_week >= plan.steps[0].end_week + 4


def test_rolling_scars_add_subcision_alongside_the_first_step() -> None:
    plan = _plan(scars={"other_types": ["rolling"]}, preferences={"budget_usd": 20000})
    subcision = next(s for s in plan.steps if s.id == "subcision")
    assert subcision.start_week == 0


def test_no_subcision_without_rolling_scars() -> None:
    assert "subcision" not in [s.id for s in _plan(preferences={"budget_usd": 20000}).steps]


def test_the_plan_stays_within_budget_when_it_can() -> None:
    plan = _plan(preferences={"budget_usd": 1500, "weeks_available": 104})
    assert plan.typical_cost_usd <= 1500
    assert any("left out" in n for n in plan.notes)


def test_the_plan_says_plainly_when_it_cannot_fit_the_budget() -> None:
    plan = _plan(preferences={"budget_usd": 100})
    assert plan.steps
    assert any("more than your budget of $100" in n for n in plan.notes)


def test_the_plan_says_when_it_takes_longer_than_the_weeks_available() -> None:
    plan = _plan(preferences={"weeks_available": 3})
    assert any("weeks; you have 3" in n for n in plan.notes)


def test_session_intervals_set_the_step_length() -> None:
    plan = _plan()
    first = plan.steps[0]
    assert first.end_week - first.start_week >= (first.sessions - 1) * first.interval_weeks


def test_a_subtle_goal_stops_after_the_focal_step() -> None:
    plan = _plan(preferences={"goal": "subtle", "budget_usd": 20000})
    assert len(plan.steps) == 1
    assert any("subtle" in n for n in plan.notes)


def test_active_acne_and_pregnancy_are_stated_first() -> None:
    plan = _plan(skin={"active_acne": True}, health={"pregnant_or_breastfeeding": True})
    assert "acne" in plan.notes[0]
    assert "pregnancy" in plan.notes[1]


def test_totals_add_up() -> None:
    plan = _plan(scars={"other_types": ["rolling"]}, preferences={"budget_usd": 20000})
    assert plan.typical_cost_usd == sum(s.typical_cost_usd for s in plan.steps)
    assert plan.total_sessions == sum(s.sessions for s in plan.steps)
    assert plan.total_weeks == max(s.end_week for s in plan.steps)
