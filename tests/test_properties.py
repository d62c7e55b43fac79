"""Properties that hold for every valid profile."""

from __future__ import annotations

from factories import profiles
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.profile import Profile
from advisor.recommend import recommend
from advisor.scoring import STATUS_ORDER, rank_options

PER_SCAR = {"tca_cross", "punch_excision", "punch_elevation", "punch_graft"}


@settings(max_examples=300)
@given(profiles)
def test_every_profile_ranks_all_14_options_consistently(profile: Profile) -> None:
    rec = recommend(profile)
    options = rec.ranking.options
    assert [o.rank for o in options] == list(range(1, 15))
    assert len({o.id for o in options}) == 14
    for option in options:
        assert option.status in STATUS_ORDER
        assert 0 <= option.fit <= 100
        assert option.total_cost_usd.low <= option.total_cost_usd.high
        assert option.sessions.low <= option.sessions.high
        assert option.reasons and all(isinstance(r, str) for r in option.reasons)
    statuses = [o.status == "not_advised" for o in options]
    assert statuses == sorted(statuses), "no not_advised option above an advisable one"
    rec.to_json()


@given(profiles, st.integers(1, 100000))
def test_a_bigger_budget_never_makes_a_status_worse(profile: Profile, extra: int) -> None:
    bigger = profile.model_copy(deep=True)
    bigger.preferences.budget_usd = min(100000, profile.preferences.budget_usd + extra)
    before = {o.id: STATUS_ORDER[o.status] for o in rank_options(profile).options}
    after = {o.id: STATUS_ORDER[o.status] for o in rank_options(bigger).options}
    assert all(after[i] <= before[i] for i in before)


@given(profiles, st.integers(1, 499))
def test_more_scars_never_make_a_per_scar_option_cheaper(profile: Profile, extra: int) -> None:
    more = profile.model_copy(deep=True)
    more.scars.count = min(500, profile.scars.count + extra)
    before = {o.id: o for o in rank_options(profile).options}
    after = {o.id: o for o in rank_options(more).options}
    for option in PER_SCAR:
        assert after[option].total_cost_usd.low >= before[option].total_cost_usd.low
        assert after[option].total_cost_usd.high >= before[option].total_cost_usd.high
        assert after[option].typical_cost_usd >= before[option].typical_cost_usd


@given(profiles)
def test_the_plan_only_uses_advisable_options_in_order(profile: Profile) -> None:
    rec = recommend(profile)
    statuses = {o.id: o.status for o in rec.ranking.options}
    for step in rec.plan.steps:
        assert statuses[step.id] != "not_advised"
        assert 0 <= step.start_week < step.end_week
    assert [s.step for s in rec.plan.steps] == list(range(1, len(rec.plan.steps) + 1))
    assert rec.plan.steps or rec.plan.notes
