from __future__ import annotations

import re

import pytest
from factories import make_profile

from advisor.catalog import default_catalog
from advisor.profile import Profile
from advisor.scoring import FACTORS, course_cost, course_weeks, headroom_score, rank_options


@pytest.mark.parametrize(
    ("value", "limit", "score"),
    [
        (0, 10, 1.0),
        (5, 10, 0.75),
        (10, 10, 0.5),
        (20, 10, 0.0),
        (50, 10, 0.0),
        (0, 0, 1.0),
        (1, 0, 0.0),
    ],
)
def test_headroom_score_is_half_at_the_limit(value: float, limit: float, score: float) -> None:
    assert headroom_score(value, limit) == pytest.approx(score)


def test_per_scar_costs_scale_with_the_scar_count() -> None:
    tca = default_catalog().treatments["tca_cross"]
    low10, typical10 = course_cost(tca, 10)
    low20, typical20 = course_cost(tca, 20)
    assert low20.low == 2 * low10.low
    assert low20.high == 2 * low10.high
    assert typical20 == 2 * typical10
    assert low10.low == tca.cost_low * 10 * tca.sessions_low


def test_per_session_costs_do_not_depend_on_the_scar_count() -> None:
    laser = default_catalog().treatments["laser_nonablative"]
    assert course_cost(laser, 5) == course_cost(laser, 300)
    cost, _ = course_cost(laser, 5)
    assert (cost.low, cost.high) == (
        laser.cost_low * laser.sessions_low,
        laser.cost_high * laser.sessions_high,
    )


def test_topical_cost_is_months_of_product() -> None:
    topical = default_catalog().treatments["topical"]
    cost, _ = course_cost(topical, 12)
    assert cost.low == pytest.approx(topical.cost_low * topical.course_weeks_low / (52 / 12))


def test_weeks_to_finish_follow_sessions_and_intervals() -> None:
    tca = default_catalog().treatments["tca_cross"]
    weeks = course_weeks(tca)
    assert weeks.low == (tca.sessions_low - 1) * tca.interval_weeks_low + 1
    assert weeks.high == (tca.sessions_high - 1) * tca.interval_weeks_high + 1
    assert course_weeks(default_catalog().treatments["no_treatment"]).high == 0


def test_fit_is_50_plus_the_signed_factor_points() -> None:
    for option in rank_options(Profile()).options:
        assert option.fit_exact == pytest.approx(50 + sum(f.points for f in option.factors))
        assert option.fit == round(option.fit_exact)


def test_each_factor_adds_its_share_of_the_weights() -> None:
    option = rank_options(Profile()).by_id("tca_cross")
    weights = Profile().preferences.weights.model_dump()
    total = sum(weights.values())
    for factor in option.factors:
        assert factor.points == pytest.approx(
            weights[factor.key] / total * (factor.score - 0.5) * 100
        )


def test_reasons_give_the_signed_points_and_the_number_behind_them() -> None:
    option = rank_options(Profile()).by_id("tca_cross")
    factor_lines = option.reasons[: len(FACTORS)]
    for line in factor_lines:
        assert re.match(r"^[+-]\d+ points for ", line), line
        assert re.search(r"score \d+ of 100, your weight \d of 5", line)
    cost_line = next(line for line in factor_lines if "points for cost" in line)
    assert "12 scars" in cost_line and "$3,000 budget" in cost_line
    points = [abs(int(line.split()[0])) for line in factor_lines]
    assert points == sorted(points, reverse=True), "biggest contribution first"


def test_a_zero_weight_removes_a_factor_from_the_fit() -> None:
    profile = make_profile(
        preferences={
            "weights": {
                "effectiveness": 5,
                "cost": 0,
                "downtime": 0,
                "sessions": 0,
                "invasiveness": 0,
            }
        }
    )
    ranking = rank_options(profile)
    for option in ranking.options:
        cost = next(f for f in option.factors if f.key == "cost")
        assert cost.points == 0
    assert ranking.options[0].id in ("tca_cross", "punch_excision", "punch_graft")


def test_all_weights_zero_counts_every_factor_the_same_and_says_so() -> None:
    weights = dict.fromkeys(FACTORS, 0)
    ranking = rank_options(make_profile(preferences={"weights": weights}))
    assert ranking.general_notes and "counts the same" in ranking.general_notes[0]
    assert {f.weight for f in ranking.options[0].factors} == {1}


def test_raising_the_cost_weight_moves_cheaper_options_up() -> None:
    def rank_of(option: str, cost_weight: int) -> int:
        weights = {
            "effectiveness": 1,
            "cost": cost_weight,
            "downtime": 0,
            "sessions": 0,
            "invasiveness": 0,
        }
        return rank_options(make_profile(preferences={"weights": weights})).by_id(option).rank

    assert rank_of("laser_ablative", 5) > rank_of("laser_ablative", 0)
    assert rank_of("no_treatment", 5) < rank_of("no_treatment", 0)


def test_going_over_a_limit_at_the_low_end_is_a_caution_naming_your_answers() -> None:
    profile = make_profile(preferences={"budget_usd": 100})
    laser = rank_options(profile).by_id("laser_ablative")
    assert laser.status == "caution"
    assert any("budget of $100" in str(c) and "your answers" in str(c) for c in laser.cautions)


def test_going_over_a_limit_only_at_the_high_end_is_a_note() -> None:
    tca = rank_options(make_profile(preferences={"budget_usd": 2000})).by_id("tca_cross")
    assert tca.total_cost_usd.low <= 2000 < tca.total_cost_usd.high
    assert tca.status == "suitable"
    assert any("could cost up to" in n for n in tca.notes)


@pytest.mark.parametrize(
    ("preferences", "option", "words"),
    [
        ({"max_invasiveness": 2}, "punch_excision", "more invasive"),
        ({"pain_tolerance": "low"}, "laser_nonablative", "hurt"),
        ({"max_sessions": 2}, "microneedling", "at least 3 sessions"),
        ({"max_downtime_days": 2}, "punch_excision", "Healing takes at least"),
        ({"weeks_available": 4}, "tca_cross", "weeks"),
    ],
)
def test_each_limit_can_make_a_caution(preferences: dict, option: str, words: str) -> None:
    result = rank_options(make_profile(preferences=preferences)).by_id(option)
    assert result.status == "caution"
    assert any(words in str(c) for c in result.cautions)


def test_ranks_put_not_advised_last() -> None:
    ranking = rank_options(make_profile(skin={"keloid_history": True}))
    assert ranking.options[-1].id == "laser_ablative"
    assert [o.rank for o in ranking.options] == list(range(1, 15))


def test_the_json_output_follows_the_contract() -> None:
    option = rank_options(Profile()).options[0].to_json()
    for key in (
        "id",
        "name",
        "rank",
        "fit",
        "status",
        "reasons",
        "cautions",
        "total_cost_usd",
        "sessions",
        "downtime_days",
        "invasiveness",
        "sources",
    ):
        assert key in option
    assert set(option["total_cost_usd"]) == {"low", "high"}
    assert option["sources"] and all(isinstance(s, str) for s in option["sources"])


def test_factor_scores_are_the_documented_headroom_scores() -> None:
    profile = make_profile(preferences={"budget_usd": 2500, "max_downtime_days": 5})
    option = rank_options(profile).by_id("microneedling")
    scores = dict(zip(FACTORS, option.factor_scores, strict=True))
    assert scores["cost"] == pytest.approx(headroom_score(option.typical_cost_usd, 2500))
    assert scores["downtime"] == pytest.approx(headroom_score(option.downtime_days.mid, 5))
    assert scores["sessions"] == pytest.approx(headroom_score(option.sessions.mid, 6))
    assert scores["invasiveness"] == pytest.approx(headroom_score(option.invasiveness, 4))
