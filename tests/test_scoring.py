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
    rank_options,
)


def cost_score(option_id: str, budget: int) -> float:
    option = rank_options(make_profile(preferences={"budget_usd": budget})).by_id(option_id)
    return option.factor_scores[FACTORS.index("cost")]


@pytest.mark.parametrize(
    ("option", "budget", "score"),
    [
        # TCA CROSS typically costs $200 x 5 sessions = $1,000: budget / (budget + 1000)
        ("tca_cross", 2000, 2 / 3),
        ("tca_cross", 1000, 1 / 2),  # exactly at the limit
        ("tca_cross", 500, 1 / 3),  # twice the limit
        ("tca_cross", 125, 1 / 9),  # eight times the limit
        ("tca_cross", 0, 0.5 / 1000.5),  # a budget of 0 counts as 0.5: never quite 0
        ("no_treatment", 0, 1.0),  # needs nothing: 0.5 / (0.5 + 0)
    ],
)
def test_a_limit_score_is_half_at_the_limit_and_keeps_falling_beyond_it(
    option: str, budget: int, score: float
) -> None:
    assert cost_score(option, budget) == pytest.approx(score)


def test_per_scar_costs_scale_with_the_scar_count() -> None:
    punch = default_catalog().treatments["punch_excision"]
    low10, typical10 = course_cost(punch, 10)
    low20, typical20 = course_cost(punch, 20)
    assert low20.low == 2 * low10.low
    assert low20.high == 2 * low10.high
    assert typical20 == 2 * typical10


def test_many_scars_take_more_sessions_of_a_per_scar_method() -> None:
    # punch excision: 1-2 sessions of 10-15 scars each; 60 scars take 60 / 15 = 4 to
    # 60 / 10 = 6 sessions, typically 5; the price stays $150 a scar: 60 x 150 = $9,000
    option = rank_options(make_profile(scars={"count": 60})).by_id("punch_excision")
    assert (option.sessions.low, option.sessions.high) == (4, 6)
    assert option.typical_cost_usd == 9000


def test_tca_cross_is_priced_per_session_whatever_the_scar_count() -> None:
    tca = default_catalog().treatments["tca_cross"]
    assert course_cost(tca, 5) == course_cost(tca, 100)
    cost, typical = course_cost(tca, 100)
    # typical: 5 sessions, the middle of 3-6 rounded half up, as the plan books them
    assert (cost.low, cost.high, typical) == (150 * 3, 300 * 6, 200 * 5)


def test_per_session_costs_do_not_depend_on_the_scar_count() -> None:
    laser = default_catalog().treatments["laser_nonablative"]
    assert course_cost(laser, 5) == course_cost(laser, 300)
    cost, typical = course_cost(laser, 5)
    # data/treatments.csv: $700-$2,000 (typical $1,228) a session, 4-6 sessions (typically 5)
    assert (cost.low, cost.high, typical) == (700 * 4, 2000 * 6, 1228 * 5)


def test_topical_cost_is_months_of_product() -> None:
    topical = default_catalog().treatments["topical"]
    cost, typical = course_cost(topical, 12)
    # data/treatments.csv: $10-$100 (typical $30) a month for 24-48 weeks; a month is 52/12
    # weeks, so 5.54-11.08 months (typically 36 weeks, 8.31 months)
    assert cost.low == pytest.approx(55.385, abs=1e-3)  # 10 x 24 x 12 / 52
    assert cost.high == pytest.approx(1107.692, abs=1e-3)  # 100 x 48 x 12 / 52
    assert typical == pytest.approx(249.231, abs=1e-3)  # 30 x 36 x 12 / 52


def test_weeks_to_finish_follow_sessions_and_intervals() -> None:
    tca = default_catalog().treatments["tca_cross"]
    weeks = course_weeks(tca)
    # 3 sessions 4 weeks apart, then 1 day of healing (rounded up to a week): 2 x 4 + 1 = 9;
    # 6 sessions 6 weeks apart, then 7 days of healing (one week): 5 x 6 + 1 = 31
    assert (weeks.low, weeks.high) == (9, 31)
    # one dermabrasion session, 14-21 days of healing: 2-3 weeks
    weeks = course_weeks(default_catalog().treatments["dermabrasion"])
    assert (weeks.low, weeks.high) == (2, 3)
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
    scars (0.8 x 0.8 = 0.64 of the band): 10 + 15 x 0.64 = 19.6. Weights 5, 3, 3, 2, 2 (sum
    15); their points:
      effectiveness 19.6 / 100 = 0.196:               5/15 x (0.196 - 0.5) x 100 = -10.133
      cost $30 x 36 weeks / (52/12) = $249.23; 3000 / 3249.23 = 0.9233: 3/15 x 42.33 = +8.466
      downtime 0 days: 7 / 7 = 1:                     3/15 x 50 = +10.0
      sessions 0: 6 / 6 = 1:                          2/15 x 50 = +6.667
      invasiveness 1: 4 / 5 = 0.8:                    2/15 x 30 = +4.0
    50 + 19.0 = 69.0, but the fit cannot be higher than 19.6."""
    option = rank_options(Profile()).by_id("topical")
    assert option.works.score == pytest.approx(19.6)
    assert option.works.checks == ("depth",)
    assert option.factor_points == pytest.approx((-10.133, 8.466, 10.0, 6.667, 4.0), abs=1e-3)
    assert option.points == pytest.approx(69.0, abs=1e-2)
    assert option.fit_exact == pytest.approx(19.6)
    assert option.limit_points == pytest.approx(19.6 - 69.0, abs=1e-2)
    assert option.fit == 20


def test_punch_excision_with_the_default_answers_by_hand() -> None:
    """Rated high (band 70-95), reaches deep scars, suits 0.3-3.5 mm (1.5) and up to 15 scars
    (12): it works 95. Weights 5, 3, 3, 2, 2 (sum 15):
      effectiveness 0.95:                            5/15 x 45 = +15.0
      cost $150 a scar x 12 = $1,800: 3000 / 4800 = 0.625:    3/15 x 12.5 = +2.5
      downtime (5 + 7) / 2 = 6 days: 7 / 13 = 0.5385:         3/15 x 3.846 = +0.769
      sessions: 12 scars at 10-15 a session, 1-2 sessions, typically 2: 6 / 8 = 0.75:
                                                     2/15 x 25 = +3.333
      invasiveness 4 at a limit of 4: 0.5:           +0
    50 + 21.603 = 71.603, below its limit of 95: fit 72."""
    option = rank_options(Profile()).by_id("punch_excision")
    assert option.works.score == pytest.approx(95)
    assert option.typical_cost_usd == 1800
    assert option.factor_points == pytest.approx((15.0, 2.5, 0.769, 3.333, 0.0), abs=1e-3)
    assert option.fit_exact == pytest.approx(71.603, abs=1e-3)
    assert option.limit_points == 0
    assert option.fit == 72


# widespread scars of moderate depth, a subtle goal, tight limits and unusual weights
SUBTLE_WIDESPREAD = {
    "scars": {"depth": "moderate", "width_mm": 1.0, "count": 30, "distribution": "widespread"},
    "preferences": {
        "goal": "subtle",
        "budget_usd": 2000,
        "max_sessions": 4,
        "max_invasiveness": 3,
        "weights": {"effectiveness": 2, "cost": 5, "downtime": 0, "sessions": 1, "invasiveness": 4},
    },
}


def test_tca_cross_for_widespread_scars_and_a_subtle_goal_by_hand() -> None:
    """Rated high (70-95); widespread scars and a one-scar-at-a-time method: x0.85, so it works
    70 + 25 x 0.85 = 91.25. A subtle goal needs 50: 91.25 / 50 is more than enough, score 1,
    limit 100. Weights 2, 5, 0, 1, 4 (sum 12):
      effectiveness 1:                                   2/12 x 50 = +8.333
      cost $200 x 5 = $1,000 of $2,000: 2000 / 3000:     5/12 x 16.67 = +6.944
      downtime: weight 0                                 +0
      sessions 5 at a limit of 4: 4 / 9 = 0.444:         1/12 x -5.556 = -0.463
      invasiveness 2 at a limit of 3: 3 / 5 = 0.6:       4/12 x 10 = +3.333
    50 + 18.148 = 68.148: fit 68."""
    option = rank_options(make_profile(**SUBTLE_WIDESPREAD)).by_id("tca_cross")
    assert option.works.score == pytest.approx(91.25)
    assert option.works.checks == ("widespread",)
    assert option.limit.value == pytest.approx(100)
    assert option.factor_points == pytest.approx((8.333, 6.944, 0.0, -0.463, 3.333), abs=1e-3)
    assert option.fit_exact == pytest.approx(68.148, abs=1e-3)
    assert option.fit == 68


def test_microneedling_for_a_subtle_goal_stops_at_half_of_what_is_enough_by_hand() -> None:
    """Rated low (10-25), reaches moderate scars, treats the area: no mismatch, works 25. A
    subtle goal needs 50, so it gives 25 / 50 = 0.5 of it: limit 50. Weights 2, 5, 0, 1, 4:
      effectiveness 0.5:                                   +0
      cost $300 x 5 = $1,500 of $2,000: 2000 / 3500 = 0.5714:  5/12 x 7.143 = +2.976
      sessions 5 at a limit of 4: 4 / 9:                   -0.463
      invasiveness 3 at a limit of 3: 0.5:                 +0
    50 + 2.513 = 52.513, above its limit of 50: fit 50."""
    option = rank_options(make_profile(**SUBTLE_WIDESPREAD)).by_id("microneedling")
    assert option.works.score == pytest.approx(25)
    assert option.limit.value == pytest.approx(50)
    assert option.points == pytest.approx(52.513, abs=1e-3)
    assert option.limit_points == pytest.approx(-2.513, abs=1e-3)
    assert option.fit == 50


def test_ablative_laser_for_type_vi_skin_with_rolling_scars_by_hand() -> None:
    """Rated small to medium for ice pick scars (20-45) and one level less deep: 20 + 25 x 0.8
    = 40; medium for rolling scars (50); ice pick 70%, rolling 30%: 28 + 15 = 43. Type VI
    skin and a high risk of dark patches: its limit keeps 60%, 43 x 0.6 = 25.8.
      effectiveness 0.43:                                       5/15 x -7 = -2.333
      cost $2,169 x 3 = $6,507: 3000 / 9507 = 0.3156:           3/15 x -18.44 = -3.689
      downtime (4 + 7) / 2 = 5.5: 7 / 12.5 = 0.56:              3/15 x 6 = +1.2
      sessions 1-4, typically 3: 6 / 9:                         2/15 x 16.67 = +2.222
      invasiveness 4: 0.5:                                      +0
    50 - 2.6 = 47.4, above its limit of 25.8: fit 26."""
    profile = make_profile(skin={"fitzpatrick": 6}, scars={"other_types": ["rolling"]})
    option = rank_options(profile).by_id("laser_ablative")
    assert (option.works.ice_pick, option.works.other_types) == pytest.approx((40, 50))
    assert option.works.score == pytest.approx(43)
    assert option.limit.high_pigment_risk
    assert option.limit.value == pytest.approx(25.8)
    assert option.factor_points == pytest.approx((-2.333, -3.689, 1.2, 2.222, 0.0), abs=1e-3)
    assert option.points == pytest.approx(47.4, abs=1e-3)
    assert option.fit == 26


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
    # microneedling: $300 x 5 sessions (3-6) = $1,500; 1-3 days (typically 2); invasiveness 3
    assert scores["cost"] == pytest.approx(2500 / 4000)
    assert scores["downtime"] == pytest.approx(5 / 7)
    assert scores["sessions"] == pytest.approx(6 / 11)
    assert scores["invasiveness"] == pytest.approx(4 / 7)
