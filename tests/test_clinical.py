"""Clinical behaviour the evidence supports: each screening rule, each effectiveness difference."""

from __future__ import annotations

import pytest
from factories import make_profile

from advisor.catalog import TREATMENT_IDS
from advisor.scoring import rank_options

# every option done by a clinic: all but the creams at home and doing nothing
PROCEDURES = [t for t in TREATMENT_IDS if t not in ("topical", "no_treatment")]

# (answers, option, expected status, words the message must contain, source it must name)
SCREENING = [
    ({"health": {"pregnant_or_breastfeeding": True}}, "topical", "not_advised", "retinoid", "S34"),
    (
        {"health": {"pregnant_or_breastfeeding": True}},
        "laser_ablative",
        "not_advised",
        "pregnant",
        "S34",
    ),
    (
        {"health": {"pregnant_or_breastfeeding": True}},
        "chemical_peel",
        "not_advised",
        "pregnant",
        "S34",
    ),
    (
        {"health": {"pregnant_or_breastfeeding": True}},
        "laser_nonablative",
        "not_advised",
        "pregnant",
        "S34",
    ),
    (
        {"health": {"isotretinoin_last_6_months": True}},
        "dermabrasion",
        "not_advised",
        "isotretinoin",
        "Waldman 2017",
    ),
    (
        {"health": {"isotretinoin_last_6_months": True}},
        "laser_ablative",
        "caution",
        "isotretinoin",
        "Waldman 2017",
    ),
    ({"skin": {"keloid_history": True}}, "laser_ablative", "not_advised", "keloid", "S34"),
    ({"skin": {"keloid_history": True}}, "punch_excision", "caution", "keloid", "S34"),
    ({"skin": {"keloid_history": True}}, "chemical_peel", "caution", "keloid", "S34"),
    ({"skin": {"keloid_history": True}}, "dermabrasion", "caution", "keloid", "S34"),
    ({"health": {"cold_sores": True}}, "laser_ablative", "caution", "antiviral", "S34"),
    ({"health": {"cold_sores": True}}, "chemical_peel", "caution", "antiviral", "S34"),
    ({"health": {"cold_sores": True}}, "dermabrasion", "caution", "antiviral", "S34"),
    ({"health": {"blood_thinners": True}}, "subcision", "caution", "bruising", "S34"),
    ({"health": {"blood_thinners": True}}, "filler", "caution", "Never stop", "S34"),
    (
        {"health": {"photosensitising_medication": True}},
        "laser_nonablative",
        "caution",
        "light",
        "S34",
    ),
    ({"skin": {"recent_tan": True}}, "chemical_peel", "caution", "tan", "S34"),
    (
        {"health": {"autoimmune_or_immunosuppressed": True}},
        "laser_ablative",
        "not_advised",
        "immune",
        "S34",
    ),
    ({"health": {"smoker": True}}, "dermabrasion", "caution", "smok", "S34"),
    ({"health": {"age": 19}}, "filler", "caution", "21", "Karnik 2014"),
    (
        {"skin": {"fitzpatrick": 5}},
        "laser_ablative",
        "caution",
        "dark or light patches",
        "CO2 laser study 2014",
    ),
    ({"skin": {"fitzpatrick": 4}}, "dermabrasion", "caution", "dark or light patches", ""),
    ({"skin": {"dark_marks_after_injury": True}}, "tca_cross", "caution", "dark marks", "S34"),
    ({"skin": {"sensitive": True}}, "topical", "caution", "sensitive", "Dreno 2018"),
]

# Generous limits so that only the screening rule can change a status.
OPEN_LIMITS = {
    "budget_usd": 100000,
    "max_downtime_days": 60,
    "max_sessions": 30,
    "max_invasiveness": 5,
    "pain_tolerance": "high",
    "weeks_available": None,
}


def _rank(answers: dict) -> dict:
    profile = make_profile(**answers, preferences=OPEN_LIMITS)
    return {o.id: o for o in rank_options(profile).options}


@pytest.mark.parametrize(("answers", "option", "status", "words", "source"), SCREENING)
def test_each_screening_rule_sets_the_status_and_names_the_reason_and_source(
    answers: dict, option: str, status: str, words: str, source: str
) -> None:
    result = _rank(answers)[option]
    assert result.status == status
    texts = [str(c) for c in result.cautions]
    assert any(words.lower() in t.lower() and source in t for t in texts), texts
    baseline = _rank({})[option]
    assert baseline.status == "suitable", "without the answer there is nothing to flag"


def test_isotretinoin_does_not_delay_superficial_peels_nonablative_lasers_or_focal_procedures() -> (
    None
):
    results = _rank({"health": {"isotretinoin_last_6_months": True}})
    for option in (
        "chemical_peel",
        "laser_nonablative",
        "tca_cross",
        "punch_excision",
        "subcision",
    ):
        assert results[option].status == "suitable", option
    message = str(results["laser_ablative"].cautions[0])
    assert "do not need to wait" in message


def test_active_acne_puts_every_procedure_on_hold_but_not_creams_or_doing_nothing() -> None:
    results = _rank({"skin": {"active_acne": True}})
    for option in PROCEDURES:
        assert results[option].status == "caution", option
        assert any("acne" in str(c) for c in results[option].cautions)
    assert results["topical"].status == "suitable"
    assert results["no_treatment"].status == "suitable"


def test_doing_nothing_is_never_flagged() -> None:
    everything = {
        "skin": {
            "fitzpatrick": 6,
            "sensitive": True,
            "dark_marks_after_injury": True,
            "keloid_history": True,
            "active_acne": True,
            "recent_tan": True,
        },
        "health": {
            "age": 15,
            "isotretinoin_last_6_months": True,
            "pregnant_or_breastfeeding": True,
            "cold_sores": True,
            "blood_thinners": True,
            "photosensitising_medication": True,
            "autoimmune_or_immunosuppressed": True,
            "smoker": True,
        },
    }
    assert _rank(everything)["no_treatment"].status == "suitable"


def _effectiveness(option: str, **scars: object) -> float:
    profile = make_profile(scars=scars)
    return rank_options(profile).by_id(option).factor_scores[0]


def test_tca_cross_fits_deep_isolated_ice_pick_scars_better_than_microneedling() -> None:
    scars = {"depth": "deep", "distribution": "isolated", "count": 8, "width_mm": 1.2}
    assert _effectiveness("tca_cross", **scars) > _effectiveness("microneedling", **scars)
    ranking = rank_options(make_profile(scars=scars))
    assert ranking.by_id("tca_cross").rank < ranking.by_id("microneedling").rank


def test_peels_and_dermabrasion_reach_ice_pick_scars_worse_than_focal_treatments() -> None:
    for weak in ("chemical_peel", "dermabrasion", "laser_nonablative"):
        assert _effectiveness(weak) < _effectiveness("tca_cross")
        assert _effectiveness(weak) < _effectiveness("punch_excision")


def test_wide_scars_favour_punch_grafting_over_tca_cross() -> None:
    wide = {"width_mm": 3.0, "depth": "deep"}
    assert _effectiveness("punch_graft", **wide) > _effectiveness("tca_cross", **wide)
    narrow = {"width_mm": 1.0, "depth": "deep"}
    assert _effectiveness("tca_cross", **narrow) >= _effectiveness("punch_graft", **narrow)


def test_many_scars_make_punch_excision_less_practical() -> None:
    assert _effectiveness("punch_excision", count=60) < _effectiveness("punch_excision", count=5)
    reasons = rank_options(make_profile(scars={"count": 60})).by_id("punch_excision").reasons
    assert any("60 scars" in r and "impractical" in r for r in reasons)


def test_rolling_scars_raise_subcision_and_the_reason_says_so() -> None:
    plain = _effectiveness("subcision")
    mixed = _effectiveness("subcision", other_types=["rolling"])
    assert mixed > plain
    reasons = (
        rank_options(make_profile(scars={"other_types": ["rolling"]})).by_id("subcision").reasons
    )
    assert any("rolling" in r for r in reasons)


def test_filler_helps_only_scars_that_flatten_when_stretched() -> None:
    assert _effectiveness("filler", flattens_when_stretched=True) > _effectiveness(
        "filler", flattens_when_stretched=False
    )


def test_a_maximal_goal_lowers_options_that_give_a_small_change() -> None:
    def eff(goal: str) -> float:
        return (
            rank_options(make_profile(preferences={"goal": goal}))
            .by_id("microneedling")
            .factor_scores[0]
        )

    assert eff("maximal") < eff("noticeable") < eff("subtle")


def test_darker_skin_reports_the_higher_pigment_risk() -> None:
    light = rank_options(make_profile(skin={"fitzpatrick": 2})).by_id("laser_ablative")
    dark = rank_options(make_profile(skin={"fitzpatrick": 5})).by_id("laser_ablative")
    assert (light.pigment_risk, dark.pigment_risk) == ("moderate", "high")
