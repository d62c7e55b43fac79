from __future__ import annotations

import re

import pytest
from factories import make_profile

from advisor.catalog import default_catalog
from advisor.profile import Profile
from advisor.scoring import (
    FACTORS,
    OptionResult,
    course_cost,
    course_weeks,
    headroom_score,
    rank_options,
)


@pytest.mark.parametrize(
    ("value", "limit", "score"),
    [
        (0, 10, 1.0),
        (5, 10, 2 / 3),
        (10, 10, 0.5),
        (20, 10, 1 / 3),
        (80, 10, 1 / 9),
        (0, 0, 1.0),
        (1, 0, 1 / 3),
    ],
)
def test_headroom_score_is_half_at_the_limit_and_keeps_falling_beyond_it(
    value: float, limit: float, score: float
) -> None:
    assert headroom_score(value, limit) == pytest.approx(score)


def test_per_scar_costs_scale_with_the_scar_count() -> None:
    punch = default_catalog().treatments["punch_excision"]
    low10, typical10 = course_cost(punch, 10)
    low20, typical20 = course_cost(punch, 20)
    assert low20.low == 2 * low10.low
    assert low20.high == 2 * low10.high
    assert typical20 == 2 * typical10


def test_tca_cross_is_priced_per_session_whatever_the_scar_count() -> None:
    tca = default_catalog().treatments["tca_cross"]
    assert course_cost(tca, 5) == course_cost(tca, 100)
    cost, typical = course_cost(tca, 100)
    # typical: 5 sessions, the middle of 3-6 rounded half up, as the plan books them
    assert (cost.low, cost.high, typical) == (150 * 3, 300 * 6, 200 * 5)


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


def test_the_readme_worked_example_tca_cross_with_the_default_answers() -> None:
    """Worked by hand: weights 5, 3, 3, 2, 2 (sum 15); TCA CROSS rated high, matching the
    default scars fully, so it works 95 of 100; $200 x 5 sessions = $1,000 of a $3,000 budget;
    4 days of healing of 7; 5 sessions of 6; invasiveness 2 of 4. A limit-based score is
    limit / (limit + value)."""
    option = rank_options(Profile()).by_id("tca_cross")
    assert option.works.score == pytest.approx(95)
    scores = dict(zip(FACTORS, option.factor_scores, strict=True))
    assert scores == pytest.approx(
        {
            "effectiveness": 0.95,
            "cost": 3000 / 4000,
            "downtime": 7 / 11,
            "sessions": 6 / 11,
            "invasiveness": 4 / 6,
        }
    )
    points = dict(zip(FACTORS, option.factor_points, strict=True))
    assert points == pytest.approx(
        {
            "effectiveness": 15.0,
            "cost": 5.0,
            "downtime": 2.7273,
            "sessions": 0.6061,
            "invasiveness": 2.2222,
        },
        abs=1e-3,
    )
    assert option.limit.value == pytest.approx(95)
    assert option.limit_points == 0
    assert option.fit_exact == pytest.approx(75.556, abs=1e-3)
    assert option.fit == 76


def test_creams_are_held_to_how_well_they_work_for_deep_scars() -> None:
    """By hand: creams are rated low (band 10-25) and reach two levels less deep than deep
    scars (0.8 x 0.8 = 0.64 of the band): 10 + 15 x 0.64 = 19.6. Their points come to about
    69, but the fit cannot be higher than 19.6."""
    option = rank_options(Profile()).by_id("topical")
    assert option.works.score == pytest.approx(19.6)
    assert option.works.checks == ("depth",)
    assert option.points == pytest.approx(69.0, abs=1e-2)
    assert option.fit_exact == pytest.approx(19.6)
    assert option.limit_points == pytest.approx(19.6 - 69.0, abs=1e-2)
    assert option.fit == 20


def test_for_a_subtle_goal_a_small_improvement_is_enough() -> None:
    option = rank_options(make_profile(preferences={"goal": "subtle"})).by_id("topical")
    assert option.limit.goal_share == pytest.approx(19.6 / 50)
    assert option.limit.value == pytest.approx(100 * 19.6 / 50)


def test_a_high_pigment_risk_lowers_the_limit_for_skin_that_darkens() -> None:
    light = rank_options(make_profile(skin={"fitzpatrick": 3})).by_id("laser_ablative")
    dark = rank_options(make_profile(skin={"fitzpatrick": 6})).by_id("laser_ablative")
    marks = rank_options(make_profile(skin={"dark_marks_after_injury": True}))
    assert dark.limit.value == pytest.approx(light.limit.value * 0.6)
    assert marks.by_id("laser_ablative").limit.high_pigment_risk
    assert not light.limit.high_pigment_risk


def test_reasons_give_the_signed_points_and_the_number_behind_them() -> None:
    option = rank_options(Profile()).by_id("tca_cross")
    factor_lines = option.reasons[: len(FACTORS)]
    assert [line.split(" points")[0] for line in factor_lines] == ["+15", "+5", "+3", "+2", "+1"]
    for line in factor_lines:
        assert re.search(r"score \d+ of 100, your weight \d of 5", line)
    cost_line = next(line for line in factor_lines if "points for cost" in line)
    assert "$1,000" in cost_line and "$3,000 budget" in cost_line


def test_a_limited_option_shows_the_limit_as_a_reason_that_makes_the_sum() -> None:
    option = rank_options(Profile()).by_id("topical")
    limit_line = next(r for r in option.reasons if "its fit stops at" in r)
    assert limit_line.startswith("-49 points: it cannot fit you better than it works")
    shown = [int(r.split(" points")[0]) for r in option.reasons if re.match(r"^[+-]\d+ points", r)]
    assert 50 + sum(shown) == option.fit == 20


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
        assert option.factor_points[FACTORS.index("cost")] == 0
    assert ranking.options[0].id in ("tca_cross", "punch_excision", "punch_graft")


def test_all_weights_zero_counts_every_factor_the_same_and_says_so() -> None:
    weights = dict.fromkeys(FACTORS, 0)
    ranking = rank_options(make_profile(preferences={"weights": weights}))
    assert ranking.general_notes and "counts the same" in ranking.general_notes[0]
    assert set(ranking.options[0].weights.values()) == {1}


def test_raising_the_cost_weight_moves_cheaper_options_up_among_those_that_work() -> None:
    def ranking(cost_weight: int) -> dict[str, OptionResult]:
        weights = {
            "effectiveness": 1,
            "cost": cost_weight,
            "downtime": 0,
            "sessions": 0,
            "invasiveness": 0,
        }
        profile = make_profile(preferences={"weights": weights, "budget_usd": 1500})
        return {o.id: o for o in rank_options(profile).options}

    cheap, dear = ranking(5), ranking(0)

    # TCA CROSS ($900) pulls ahead of punch excision ($2,700) once cost counts
    def gap(r: dict[str, OptionResult]) -> float:
        return r["tca_cross"].fit_exact - r["punch_excision"].fit_exact

    assert gap(cheap) > gap(dear) + 5
    assert cheap["laser_ablative"].fit_exact < dear["laser_ablative"].fit_exact
    # ...but cheap creams still cannot rise above what they do for deep scars
    assert cheap["topical"].fit == dear["topical"].fit == round(cheap["topical"].works.score)


def test_going_over_a_limit_at_the_low_end_is_a_caution_naming_your_answers() -> None:
    profile = make_profile(preferences={"budget_usd": 100})
    laser = rank_options(profile).by_id("laser_ablative")
    assert laser.status == "caution"
    assert any("budget of $100" in str(c) and "your answers" in str(c) for c in laser.cautions)


def test_going_over_a_limit_only_at_the_high_end_is_a_note() -> None:
    tca = rank_options(make_profile(preferences={"budget_usd": 1500})).by_id("tca_cross")
    assert tca.total_cost_usd.low <= 1500 < tca.total_cost_usd.high
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
    assert scores["cost"] == pytest.approx(2500 / (2500 + option.typical_cost_usd))
    assert scores["downtime"] == pytest.approx(headroom_score(option.downtime_days.mid, 5))
    assert scores["sessions"] == pytest.approx(headroom_score(5, 6))  # 3-6 sessions: typically 5
    assert scores["invasiveness"] == pytest.approx(headroom_score(option.invasiveness, 4))
