"""Clinical behaviour a dermatologist would recognise: whole patients with the options that
should come first and the statuses their answers call for, each with the clinical reason; and
every screening rule, each on its own."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

import pytest
from factories import make_profile

from advisor.catalog import DATA_DIR, TREATMENT_IDS
from advisor.scoring import rank_options

# every option done by a clinic: all but the creams at home and doing nothing
PROCEDURES = [t for t in TREATMENT_IDS if t not in ("topical", "no_treatment")]
# every procedure that wounds the skin (all but the filler injection)
WOUNDING = [t for t in PROCEDURES if t != "filler"]
FOCAL = {"tca_cross", "punch_excision", "punch_graft"}


@dataclass(frozen=True)
class Case:
    reason: str  # the one line a dermatologist would give
    answers: dict
    top: tuple[str, ...] = ()  # these, in this order, are ranks 1, 2, ...
    top_any_order: frozenset[str] = frozenset()  # these fill the first ranks, any order
    statuses: dict[str, str] = field(default_factory=dict)
    not_in_top: tuple[str, ...] = ()  # none of these in the top 5
    below: tuple[tuple[str, str], ...] = ()  # (a, b): a ranks below b

    def check(self) -> None:
        ranking = rank_options(make_profile(**self.answers))
        order = [o.id for o in ranking.options]
        assert order[: len(self.top)] == list(self.top), (self.reason, order)
        if self.top_any_order:
            assert set(order[: len(self.top_any_order)]) == self.top_any_order, (
                self.reason,
                order,
            )
        for option, status in self.statuses.items():
            assert ranking.by_id(option).status == status, (self.reason, option)
        for option in self.not_in_top:
            assert ranking.by_id(option).rank > 5, (self.reason, option, order)
        for lower, higher in self.below:
            assert ranking.by_id(lower).rank > ranking.by_id(higher).rank, (
                self.reason,
                lower,
                higher,
                order,
            )


def every(options: list[str], status: str) -> dict[str, str]:
    return dict.fromkeys(options, status)


CASES = [
    Case(
        "Deep, narrow ice pick scars: treat each scar first (TCA CROSS, punch); creams and "
        "doing nothing do not change them.",
        {},
        top=("tca_cross",),
        top_any_order=frozenset(FOCAL),
        not_in_top=("topical", "no_treatment", "chemical_peel", "filler"),
    ),
    Case(
        "A few isolated deep scars and a maximal goal: focal treatment, and excision suits "
        "isolated scars well.",
        {"scars": {"count": 6, "distribution": "isolated"}, "preferences": {"goal": "maximal"}},
        top=("tca_cross", "punch_excision"),
        not_in_top=("topical", "no_treatment", "microneedling"),
    ),
    Case(
        "80 widespread scars: TCA CROSS treats every scar in a session; cutting out 80 scars "
        "one by one is impractical.",
        {
            "scars": {"count": 80, "distribution": "widespread"},
            "preferences": {"budget_usd": 10000},
        },
        top=("tca_cross",),
        below=(("punch_excision", "tca_cross"), ("punch_graft", "tca_cross")),
    ),
    Case(
        "Scars about 3 mm wide are too wide for TCA CROSS alone: with results the only "
        "priority, cutting them out comes first.",
        {
            "scars": {"width_mm": 3.0},
            "preferences": {
                "weights": {
                    "effectiveness": 5,
                    "cost": 0,
                    "downtime": 0,
                    "sessions": 0,
                    "invasiveness": 0,
                }
            },
        },
        top=("punch_excision",),
        below=(("tca_cross", "punch_graft"),),
    ),
    Case(
        "Shallow, narrow ice pick scars still need a focal treatment to change much.",
        {"scars": {"depth": "shallow", "width_mm": 0.8}},
        top=("tca_cross",),
        not_in_top=("no_treatment",),
    ),
    Case(
        "Ice pick and rolling scars: focal treatment first, with subcision for the rolling "
        "scars rising above the creams and needling.",
        {"scars": {"other_types": ["rolling"]}},
        top=("tca_cross",),
        below=(("topical", "subcision"), ("microneedling", "subcision")),
        not_in_top=("topical", "no_treatment"),
    ),
    Case(
        "Ice pick and boxcar scars: focal treatment first; resurfacing helps the boxcar scars "
        "more than creams do.",
        {"scars": {"other_types": ["boxcar"]}},
        top=("tca_cross",),
        below=(("topical", "laser_ablative"), ("topical", "microneedling")),
    ),
    Case(
        "Type VI skin that darkens after injury: ablative laser, medium peels and dermabrasion "
        "carry a high risk of lasting patches; TCA CROSS needs pigment preparation.",
        {"skin": {"fitzpatrick": 6, "dark_marks_after_injury": True}},
        statuses={
            "tca_cross": "caution",
            "laser_ablative": "caution",
            "chemical_peel": "caution",
            "dermabrasion": "caution",
            "microneedling": "suitable",
        },
        below=(("laser_ablative", "rf_microneedling"), ("chemical_peel", "microneedling")),
    ),
    Case(
        "Type V skin: the same focal treatments lead; high-risk resurfacing drops.",
        {"skin": {"fitzpatrick": 5}},
        top=("tca_cross",),
        statuses={"laser_ablative": "caution", "tca_cross": "suitable"},
        below=(("laser_ablative", "subcision"),),
    ),
    Case(
        "Type I skin, 80 mixed scars, maximal goal and a large budget: focal treatment, with "
        "fractional laser above the gentler resurfacing.",
        {
            "skin": {"fitzpatrick": 1},
            "scars": {"count": 80, "other_types": ["rolling", "boxcar"]},
            "preferences": {"goal": "maximal", "budget_usd": 15000, "max_downtime_days": 14},
        },
        top=("tca_cross",),
        below=(("microneedling", "laser_ablative"), ("laser_nonablative", "laser_ablative")),
    ),
    Case(
        "Shallow scars, a subtle goal, cost first and little weight on results: creams reach "
        "shallow scars and fit the budget, so the person's own values lift them into the top "
        "three, beside the single-scar treatment that works best but costs more.",
        {
            "scars": {"depth": "shallow", "count": 8},
            "preferences": {
                "goal": "subtle",
                "budget_usd": 300,
                "weights": {
                    "effectiveness": 1,
                    "cost": 5,
                    "downtime": 3,
                    "sessions": 3,
                    "invasiveness": 3,
                },
            },
        },
        top=("tca_cross",),
        top_any_order=frozenset({"tca_cross", "punch_excision", "topical"}),
        statuses={"tca_cross": "caution", "topical": "suitable"},
    ),
    Case(
        "A $200 budget: nothing effective is affordable; the app says so with cautions rather "
        "than ranking creams as a good fit.",
        {"preferences": {"budget_usd": 200}},
        top=("tca_cross",),
        statuses={"tca_cross": "caution", "topical": "suitable"},
        not_in_top=("topical", "no_treatment"),
    ),
    Case(
        "Wants nothing more invasive than acid on the skin and has low pain tolerance: "
        "TCA CROSS is within that; punch methods are not.",
        {"preferences": {"max_invasiveness": 2, "pain_tolerance": "low"}},
        top=("tca_cross",),
        statuses={"tca_cross": "suitable", "punch_excision": "caution"},
    ),
    Case(
        "No time off at all: every procedure needs some healing, so each is a caution.",
        {"preferences": {"max_downtime_days": 0}},
        statuses={"tca_cross": "caution", "topical": "suitable", "no_treatment": "suitable"},
        not_in_top=("no_treatment",),
    ),
    Case(
        "300 widespread shallow scars with rolling scars, maximal goal: resurfacing the area "
        "beats cutting out scars one by one.",
        {
            "scars": {
                "count": 300,
                "depth": "shallow",
                "distribution": "widespread",
                "other_types": ["rolling"],
            },
            "preferences": {"goal": "maximal", "budget_usd": 20000},
        },
        top=("tca_cross",),
        below=(("punch_graft", "laser_ablative"), ("punch_excision", "laser_ablative")),
    ),
    Case(
        "Wide scars that flatten when stretched: filler can lift them, unlike narrow ice "
        "pick scars.",
        {"scars": {"width_mm": 4.0, "flattens_when_stretched": True, "depth": "moderate"}},
        below=(("topical", "filler"), ("chemical_peel", "filler")),
    ),
    Case(
        "Narrow ice pick scars that do not flatten: filler cannot lift them.",
        {"scars": {"width_mm": 1.0}},
        not_in_top=("filler",),
    ),
    Case(
        "Pregnant: elective procedures wait until after the pregnancy; retinoid creams are "
        "avoided and safer creams can be discussed.",
        {"health": {"pregnant": True}},
        top=("topical", "no_treatment"),
        statuses={
            **every(PROCEDURES, "not_advised"),
            "topical": "caution",
            "no_treatment": "suitable",
        },
    ),
    Case(
        "Breastfeeding restricts less than pregnancy: nothing is ruled out, everything is "
        "discussed first.",
        {"health": {"breastfeeding": True}},
        top=("tca_cross",),
        statuses={**every(PROCEDURES, "caution"), "topical": "caution"},
    ),
    Case(
        "Isotretinoin 3 months ago: dermabrasion waits; the fractional laser need not; single-"
        "scar treatments go ahead.",
        {"health": {"isotretinoin_last_6_months": True}, "preferences": {"pain_tolerance": "high"}},
        top=("tca_cross",),
        statuses={
            "dermabrasion": "not_advised",
            "laser_ablative": "suitable",
            "chemical_peel": "caution",
            "tca_cross": "suitable",
            "punch_excision": "suitable",
        },
    ),
    Case(
        "Active acne: control it first; every procedure is a caution, creams are fine.",
        {"skin": {"active_acne": True}},
        statuses={**every(PROCEDURES, "caution"), "topical": "suitable"},
    ),
    Case(
        "History of keloids: no ablative laser; anything that wounds the skin needs a check.",
        {"skin": {"keloid_history": True}},
        statuses={
            "laser_ablative": "not_advised",
            **every([t for t in WOUNDING if t != "laser_ablative"], "caution"),
            "filler": "suitable",
        },
    ),
    Case(
        "Hypertrophic acne scars too: the same rules as keloids.",
        {"scars": {"other_types": ["hypertrophic"]}},
        statuses={
            "laser_ablative": "not_advised",
            **every([t for t in WOUNDING if t != "laser_ablative"], "caution"),
        },
    ),
    Case(
        "Cold sores: antiviral cover before lasers, peels and dermabrasion; focal acid is fine.",
        {"health": {"cold_sores": True}},
        statuses={
            **every(
                ["laser_ablative", "laser_nonablative", "chemical_peel", "dermabrasion"], "caution"
            ),
            "tca_cross": "suitable",
        },
    ),
    Case(
        "On a blood thinner: more bruising with needles and cuts; never stop it alone.",
        {"health": {"blood_thinners": True}},
        statuses={
            **every(["subcision", "punch_excision", "filler", "microneedling"], "caution"),
            "tca_cross": "suitable",
        },
    ),
    Case(
        "Autoimmune disease: no ablative laser; slower healing after other wounds.",
        {"health": {"autoimmune_or_immunosuppressed": True}},
        statuses={"laser_ablative": "not_advised", "tca_cross": "caution"},
    ),
    Case(
        "Vitiligo or psoriasis: new patches can appear in wounds (Koebner); no ablative laser.",
        {"health": {"vitiligo_or_psoriasis": True}},
        statuses={
            "laser_ablative": "not_advised",
            "microneedling": "caution",
            "filler": "suitable",
        },
    ),
    Case(
        "Radiation to the face: ablative laser and dermabrasion are not advised.",
        {"health": {"facial_radiation": True}},
        statuses={"laser_ablative": "not_advised", "dermabrasion": "not_advised"},
    ),
    Case(
        "Smoker and diabetic: slower healing after the deep treatments.",
        {"health": {"smoker": True, "diabetes": True}},
        statuses={"laser_ablative": "caution", "dermabrasion": "caution", "tca_cross": "suitable"},
    ),
    Case(
        "Age 19: the long-lasting PMMA filler is approved from 21.",
        {"health": {"age": 19}},
        statuses={"filler": "caution"},
    ),
    Case(
        "Allergy to bovine collagen: the PMMA-collagen filler is out; hyaluronic acid is not.",
        {"health": {"bovine_collagen_allergy": True}},
        statuses={"filler": "caution"},
    ),
    Case(
        "Sensitive skin: start creams and peels gently.",
        {"skin": {"sensitive": True}},
        statuses={"topical": "caution", "chemical_peel": "caution"},
    ),
    Case(
        "60 scars: cutting out each one is impractical; TCA CROSS is not.",
        {"scars": {"count": 60}},
        top=("tca_cross",),
        below=(("punch_excision", "tca_cross"),),
    ),
    Case(
        "Five hard-to-see scars and a subtle goal: gentle options are reasonable too, but "
        "doing nothing is still the reference, not a treatment.",
        {
            "scars": {"count": 5, "visible_at_conversation_distance": False, "depth": "moderate"},
            "preferences": {"goal": "subtle"},
        },
        top=("tca_cross",),
        below=(("no_treatment", "topical"),),
    ),
    Case(
        "Only 4 weeks to finish: a course of TCA CROSS takes longer, so it is a caution.",
        {"preferences": {"weeks_available": 4}},
        statuses={"tca_cross": "caution"},
    ),
    Case(
        "Recent tan: lasers and peels wait until it fades.",
        {"skin": {"recent_tan": True}},
        statuses=every(["laser_ablative", "laser_nonablative", "chemical_peel"], "caution"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.reason[:60] for c in CASES])
def test_clinical_case(case: Case) -> None:
    case.check()


def test_there_are_at_least_30_clinical_cases() -> None:
    assert len(CASES) >= 30


# ----------------------------------------------------------------------------- each rule

# Generous limits so that only the screening rule can change a status.
OPEN_LIMITS = {
    "budget_usd": 100000,
    "max_downtime_days": 60,
    "max_sessions": 30,
    "max_invasiveness": 5,
    "pain_tolerance": "high",
    "weeks_available": None,
}

# rule id -> (answers, one option it applies to, status, words the message must contain,
# the id in data/sources.csv of the source that backs it, or "estimate" where none does)
RULES = {
    "pregnant_defer": (
        {"health": {"pregnant": True}},
        "tca_cross",
        "not_advised",
        "pregnan",
        "S34",
    ),
    "pregnant_procedures": (
        {"health": {"pregnant": True}},
        "subcision",
        "not_advised",
        "pregnan",
        "S34",
    ),
    "pregnant_creams": ({"health": {"pregnant": True}}, "topical", "caution", "retinoid", "S34"),
    "breastfeeding_creams": (
        {"health": {"breastfeeding": True}},
        "topical",
        "caution",
        "retinoid",
        "S34",
    ),
    "breastfeeding_procedures": (
        {"health": {"breastfeeding": True}},
        "laser_ablative",
        "caution",
        "breastfeeding",
        "S34",
    ),
    "isotretinoin_dermabrasion": (
        {"health": {"isotretinoin_last_6_months": True}},
        "dermabrasion",
        "not_advised",
        "isotretinoin",
        "S13",
    ),
    "isotretinoin_fractional": (
        {"health": {"isotretinoin_last_6_months": True}},
        "laser_ablative",
        "suitable",
        "fractional",
        "S13",
    ),
    "isotretinoin_peels": (
        {"health": {"isotretinoin_last_6_months": True}},
        "chemical_peel",
        "caution",
        "medium",
        "S13",
    ),
    "active_acne": ({"skin": {"active_acne": True}}, "punch_excision", "caution", "acne", "S34"),
    "keloid_ablative": (
        {"skin": {"keloid_history": True}},
        "laser_ablative",
        "not_advised",
        "keloid",
        "S34",
    ),
    "keloid_wounding": (
        {"skin": {"keloid_history": True}},
        "microneedling",
        "caution",
        "keloid",
        "S34",
    ),
    "hypertrophic_ablative": (
        {"scars": {"other_types": ["hypertrophic"]}},
        "laser_ablative",
        "not_advised",
        "hypertrophic",
        "S34",
    ),
    "hypertrophic_wounding": (
        {"scars": {"other_types": ["hypertrophic"]}},
        "tca_cross",
        "caution",
        "hypertrophic",
        "S34",
    ),
    "cold_sores": (
        {"health": {"cold_sores": True}},
        "chemical_peel",
        "caution",
        "antiviral",
        "S34",
    ),
    "blood_thinners": (
        {"health": {"blood_thinners": True}},
        "filler",
        "caution",
        "Never stop",
        "S34",
    ),
    "photosensitising_medication": (
        {"health": {"photosensitising_medication": True}},
        "laser_nonablative",
        "caution",
        "light",
        "S34",
    ),
    "recent_tan": ({"skin": {"recent_tan": True}}, "rf_microneedling", "caution", "tan", "S34"),
    "immune_ablative": (
        {"health": {"autoimmune_or_immunosuppressed": True}},
        "laser_ablative",
        "not_advised",
        "immune",
        "S34",
    ),
    "immune_caution": (
        {"health": {"autoimmune_or_immunosuppressed": True}},
        "subcision",
        "caution",
        "immune",
        "S34",
    ),
    "vitiligo_ablative": (
        {"health": {"vitiligo_or_psoriasis": True}},
        "laser_ablative",
        "not_advised",
        "new patches",
        "S34",
    ),
    "vitiligo_wounding": (
        {"health": {"vitiligo_or_psoriasis": True}},
        "punch_graft",
        "caution",
        "new patches",
        "S34",
    ),
    "radiation": (
        {"health": {"facial_radiation": True}},
        "dermabrasion",
        "not_advised",
        "radiation",
        "S34",
    ),
    "smoker": ({"health": {"smoker": True}}, "dermabrasion", "caution", "smok", "S40"),
    "diabetes": (
        {"health": {"diabetes": True}},
        "laser_ablative",
        "caution",
        "diabetes",
        "estimate",
    ),
    "under_21_filler": ({"health": {"age": 19}}, "filler", "caution", "21", "S28"),
    "bovine_collagen_filler": (
        {"health": {"bovine_collagen_allergy": True}},
        "filler",
        "caution",
        "collagen",
        "S28",
    ),
    "darker_skin_laser": (
        {"skin": {"fitzpatrick": 5}},
        "laser_ablative",
        "caution",
        "dark or light patches",
        "S16",
    ),
    "darker_skin_peel": (
        {"skin": {"fitzpatrick": 4}},
        "chemical_peel",
        "caution",
        "medium-depth peels",
        "S32",
    ),
    "darker_skin_dermabrasion": (
        {"skin": {"fitzpatrick": 6}},
        "dermabrasion",
        "caution",
        "light patches",
        "S34",
    ),
    "dark_marks": (
        {"skin": {"dark_marks_after_injury": True}},
        "tca_cross",
        "caution",
        "dark marks",
        "S34",
    ),
    "type_vi_tca": (
        {"skin": {"fitzpatrick": 6}},
        "tca_cross",
        "suitable",
        "types IV and V",
        "S2",
    ),
    "sensitive_skin": (
        {"skin": {"sensitive": True}},
        "topical",
        "caution",
        "sensitive",
        "S27",
    ),
}


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# read from the files, not through the catalog: the short citation each source id stands for
SOURCES = {row["id"]: row["short"] for row in _csv("sources.csv")}
RULE_SOURCES = {row["id"]: row["source"] for row in _csv("screening_rules.csv")}
ESTIMATE_WORDS = "our estimate"


def _rank(answers: dict) -> dict:
    preferences = {**OPEN_LIMITS, **answers.get("preferences", {})}
    profile = make_profile(**{**answers, "preferences": preferences})
    return {o.id: o for o in rank_options(profile).options}


def test_every_screening_rule_has_a_case() -> None:
    assert set(RULE_SOURCES) == set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_screening_rule_is_backed_by_a_source_in_sources_csv(rule: str) -> None:
    source = RULES[rule][-1]
    assert RULE_SOURCES[rule] == source, "the source a reviewer matched to this rule"
    assert source == "estimate" or source in SOURCES, f"{source} is not in data/sources.csv"


def test_every_source_the_data_cites_is_in_sources_csv() -> None:
    """Treatments, the plan's words and Learn cite sources as ids: [S34] or [S32,S34]."""
    cited = {s for row in _csv("treatments.csv") for s in row["sources"].split(";") if s}
    assert cited, "treatments cite their sources"
    for name in ("plan.toml", "learn.toml"):
        text = (DATA_DIR / name).read_text(encoding="utf-8")
        brackets = re.findall(r"\[(S\d+(?:,\s*S\d+)*)\]", text)
        assert brackets, f"{name} cites its sources"
        cited |= {s.strip() for group in brackets for s in group.split(",")}
    assert cited - set(SOURCES) == set()


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_screening_rule_sets_the_status_and_names_the_reason_and_source(rule: str) -> None:
    answers, option, status, words, source = RULES[rule]
    result = _rank(answers)[option]
    assert result.status == status
    # the whole short citation in brackets; an estimate says so, and why
    named = f"[{SOURCES[source]}]" if source in SOURCES else f"[{ESTIMATE_WORDS}, "
    texts = [str(c) for c in result.rule_cautions]
    assert any(words.lower() in t.lower() and named in t for t in texts), (named, texts)
    baseline = _rank({})[option]
    assert baseline.status == "suitable", "without the answer there is nothing to flag"
    assert not baseline.rule_cautions


def test_a_note_informs_without_changing_the_status() -> None:
    laser = _rank({"health": {"isotretinoin_last_6_months": True}})["laser_ablative"]
    assert laser.status == "suitable"
    assert not any("isotretinoin" in str(c) for c in laser.cautions)
    assert any("need not wait" in n for n in laser.notes)


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
            "pregnant": True,
            "breastfeeding": True,
            "cold_sores": True,
            "blood_thinners": True,
            "photosensitising_medication": True,
            "autoimmune_or_immunosuppressed": True,
            "vitiligo_or_psoriasis": True,
            "facial_radiation": True,
            "diabetes": True,
            "bovine_collagen_allergy": True,
            "smoker": True,
        },
    }
    assert _rank(everything)["no_treatment"].status == "suitable"


def _works(option: str, **scars: object) -> float:
    return rank_options(make_profile(scars=scars)).by_id(option).works.score


def test_peels_and_dermabrasion_reach_ice_pick_scars_worse_than_focal_treatments() -> None:
    for weak in ("chemical_peel", "dermabrasion", "laser_nonablative", "topical"):
        assert _works(weak) < _works("tca_cross")
        assert _works(weak) < _works("punch_excision")


def test_wide_scars_favour_punch_grafting_over_tca_cross() -> None:
    assert _works("punch_graft", width_mm=3.0) > _works("tca_cross", width_mm=3.0)
    assert _works("tca_cross", width_mm=1.0) > _works("punch_graft", width_mm=1.0)


def test_many_scars_make_punch_excision_less_practical_and_the_reason_says_so() -> None:
    assert _works("punch_excision", count=60) < _works("punch_excision", count=5)
    reasons = rank_options(make_profile(scars={"count": 60})).by_id("punch_excision").reasons
    assert any("60 scars" in r and "impractical" in r for r in reasons)


def test_rolling_scars_raise_subcision_and_the_reason_says_so() -> None:
    assert _works("subcision", other_types=["rolling"]) > _works("subcision")
    option = rank_options(make_profile(scars={"other_types": ["rolling"]})).by_id("subcision")
    assert any("rolling" in r for r in option.reasons)


def test_a_maximal_goal_lowers_options_that_give_a_small_change() -> None:
    def works(goal: str) -> float:
        profile = make_profile(preferences={"goal": goal})
        return rank_options(profile).by_id("microneedling").works.score

    assert works("maximal") < works("noticeable")


def test_skin_types_iii_and_vi_rank_the_high_risk_options_differently() -> None:
    def ranks(fitzpatrick: int) -> dict[str, int]:
        ranking = rank_options(make_profile(skin={"fitzpatrick": fitzpatrick}))
        return {o.id: o.rank for o in ranking.options}

    light, dark = ranks(3), ranks(6)
    for option in ("laser_ablative", "chemical_peel", "dermabrasion"):
        assert dark[option] > light[option], option
    vi = rank_options(make_profile(skin={"fitzpatrick": 6})).by_id("laser_ablative")
    assert any("dark or light patches on skin like yours" in r for r in vi.reasons)


def test_a_low_rated_option_for_a_subtle_goal_says_what_is_enough() -> None:
    profile = make_profile(preferences={"goal": "subtle"})
    creams = rank_options(profile).by_id("topical")
    assert any(
        "a medium improvement is enough for the subtle change you want" in r for r in creams.reasons
    )
