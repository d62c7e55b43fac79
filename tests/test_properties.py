"""Properties that hold for every valid profile: the ranking puts options that work first,
doing nothing stays the reference, and more money or more weight on results never reverses
what the evidence says."""

from __future__ import annotations

import re

from factories import HEALTH_QUESTIONS, open_profiles, profiles
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from advisor.profile import Profile
from advisor.recommend import recommend
from advisor.scoring import OptionResult, rank_options

STATUS_ORDER = {"suitable": 0, "caution": 1, "not_advised": 2}
LOW = ("none", "low")


def within_limits(o: OptionResult) -> bool:
    """Typical cost, downtime, sessions and invasiveness all within the person's limits."""
    p = o.profile.preferences
    return (
        o.typical_cost_usd <= p.budget_usd
        and o.downtime_days.mid <= p.max_downtime_days
        and o.sessions.mid <= p.max_sessions
        and o.invasiveness <= p.max_invasiveness
    )


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
        assert option.fit <= round(option.limit.value), "never above how well it works"
        assert option.total_cost_usd.low <= option.total_cost_usd.high
        assert option.sessions.low <= option.sessions.high
        assert option.reasons and all(isinstance(r, str) for r in option.reasons)
    statuses = [o.status == "not_advised" for o in options]
    assert statuses == sorted(statuses), "no not_advised option above an advisable one"
    rec.to_json()


@settings(max_examples=300)
@given(profiles)
def test_the_points_a_reader_sees_add_up_to_the_fit_they_see(profile: Profile) -> None:
    for option in rank_options(profile).options:
        shown = [int(m) for m in re.findall(r"^([+-]\d+) points", "\n".join(option.reasons), re.M)]
        assert 50 + sum(shown) == option.fit, option.reasons


@settings(max_examples=500)
@given(open_profiles, st.sampled_from(["noticeable", "maximal"]), st.integers(3, 5))
def test_options_that_work_come_first(profile: Profile, goal: str, weight: int) -> None:
    """Every option rated low or none for ice pick scars ranks below every suitable option
    rated high whose typical cost, downtime, sessions and invasiveness are within limits."""
    profile.preferences.goal = goal
    profile.preferences.weights.effectiveness = weight
    options = rank_options(profile).options
    strong = [
        o
        for o in options
        if o.improvement == "high" and o.status == "suitable" and within_limits(o)
    ]
    assume(strong)
    weak = [o for o in options if o.improvement in LOW]
    for good in strong:
        for poor in weak:
            assert good.rank < poor.rank, (good.id, good.fit, poor.id, poor.fit)


@settings(max_examples=300)
@given(profiles, st.sampled_from(["noticeable", "maximal"]))
def test_doing_nothing_is_never_in_the_top_three_for_a_noticeable_goal(
    profile: Profile, goal: str
) -> None:
    profile.preferences.goal = goal
    ranking = rank_options(profile)
    others = [o for o in ranking.advisable if not o.is_reference]
    reference = ranking.by_id("no_treatment")
    if len(others) >= 3:
        assert reference.rank > 3
    assert all(o.rank < reference.rank for o in others)


@settings(max_examples=400)
@given(profiles, st.integers(0, 4), st.integers(1, 5))
def test_more_weight_on_results_never_lifts_a_small_change_over_a_large_one(
    profile: Profile, low_weight: int, step: int
) -> None:
    high_weight = min(5, low_weight + step)
    assume(high_weight > low_weight)
    before, after = profile.model_copy(deep=True), profile.model_copy(deep=True)
    before.preferences.weights.effectiveness = low_weight
    after.preferences.weights.effectiveness = high_weight
    ranks_before = {o.id: o for o in rank_options(before).options}
    ranks_after = {o.id: o for o in rank_options(after).options}
    for good in (o for o in ranks_before.values() if o.improvement == "high"):
        for poor in (o for o in ranks_before.values() if o.improvement in LOW):
            if good.rank < poor.rank:
                assert ranks_after[good.id].rank < ranks_after[poor.id].rank, (good.id, poor.id)


@given(profiles, st.integers(1, 100000))
def test_a_bigger_budget_never_lowers_a_fit_or_worsens_a_status(
    profile: Profile, extra: int
) -> None:
    bigger = profile.model_copy(deep=True)
    bigger.preferences.budget_usd = min(100000, profile.preferences.budget_usd + extra)
    before = {o.id: o for o in rank_options(profile).options}
    after = {o.id: o for o in rank_options(bigger).options}
    for option_id, option in before.items():
        assert after[option_id].fit_exact >= option.fit_exact - 1e-9
        assert STATUS_ORDER[after[option_id].status] <= STATUS_ORDER[option.status]


@given(profiles, st.sampled_from(HEALTH_QUESTIONS))
def test_answering_yes_to_a_health_question_never_improves_a_status(
    profile: Profile, question: str
) -> None:
    no, yes = profile.model_copy(deep=True), profile.model_copy(deep=True)
    setattr(no.health, question, False)
    setattr(yes.health, question, True)
    before = {o.id: STATUS_ORDER[o.status] for o in rank_options(no).options}
    after = {o.id: STATUS_ORDER[o.status] for o in rank_options(yes).options}
    assert all(after[i] >= before[i] for i in before), question


@given(profiles, st.integers(1, 499))
def test_more_scars_never_make_a_per_scar_option_cheaper(profile: Profile, extra: int) -> None:
    more = profile.model_copy(deep=True)
    more.scars.count = min(500, profile.scars.count + extra)
    before = {o.id: o for o in rank_options(profile).options}
    after = {o.id: o for o in rank_options(more).options}
    for option in ("punch_excision", "punch_elevation", "punch_graft"):
        assert after[option].total_cost_usd.low >= before[option].total_cost_usd.low
        assert after[option].total_cost_usd.high >= before[option].total_cost_usd.high
        assert after[option].typical_cost_usd >= before[option].typical_cost_usd
