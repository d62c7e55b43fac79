from __future__ import annotations

import json

import pytest
from factories import HISTORY_FIELDS, SURE_FIELDS, profiles
from hypothesis import given
from hypothesis import strategies as st

from advisor.profile import (
    HISTORY_MAX,
    NOTES_MAX,
    TREATMENT_IDS,
    Profile,
    ProfileError,
    profile_from_dict,
    profile_from_dict_lenient,
    profile_from_json,
    profile_to_json,
    read_profile_json,
)

PRODUCT_EXAMPLE = {
    "schema_version": 1,
    "scars": {
        "count": 12,
        "depth": "deep",
        "width_mm": 1.5,
        "distribution": "clustered",
        "locations": ["cheeks", "temples"],
        "other_types": ["rolling"],
        "flattens_when_stretched": False,
        "visible_at_conversation_distance": True,
    },
    "skin": {
        "fitzpatrick": 4,
        "sensitive": False,
        "dark_marks_after_injury": True,
        "keloid_history": False,
        "active_acne": False,
        "recent_tan": False,
    },
    "health": {
        "age": 29,
        "isotretinoin_last_6_months": False,
        "pregnant_or_breastfeeding": False,
        "cold_sores": False,
        "blood_thinners": False,
        "photosensitising_medication": False,
        "autoimmune_or_immunosuppressed": False,
        "smoker": False,
    },
    "preferences": {
        "budget_usd": 3000,
        "max_downtime_days": 7,
        "max_sessions": 6,
        "max_invasiveness": 4,
        "pain_tolerance": "medium",
        "goal": "noticeable",
        "weeks_available": 26,
        "weights": {"effectiveness": 5, "cost": 3, "downtime": 3, "sessions": 2, "invasiveness": 2},
    },
    "notes": "",
}


V2_HEALTH = {
    "age": 29,
    "isotretinoin_last_6_months": False,
    "pregnant": False,
    "breastfeeding": True,
    "cold_sores": False,
    "blood_thinners": False,
    "photosensitising_medication": False,
    "autoimmune_or_immunosuppressed": False,
    "vitiligo_or_psoriasis": True,
    "facial_radiation": False,
    "diabetes": True,
    "bovine_collagen_allergy": False,
    "smoker": False,
}


def test_the_version_1_product_example_still_loads_and_becomes_version_2() -> None:
    profile = profile_from_dict(PRODUCT_EXAMPLE)
    dumped = profile.model_dump()
    assert dumped["schema_version"] == 2
    assert dumped["health"]["pregnant"] is False and dumped["health"]["breastfeeding"] is False
    assert "pregnant_or_breastfeeding" not in dumped["health"]
    assert dumped["scars"] == {
        **PRODUCT_EXAMPLE["scars"],
        "other_counts": {"rolling": None, "boxcar": None, "hypertrophic": None},
    }
    assert dumped["skin"] == PRODUCT_EXAMPLE["skin"]
    # version 2 adds the currency (costs were in US dollars before) and the language
    assert dumped["preferences"] == {**PRODUCT_EXAMPLE["preferences"], "currency": "USD"}
    assert dumped["language"] == "en"


def test_a_version_2_profile_is_read_exactly() -> None:
    scars = {
        **PRODUCT_EXAMPLE["scars"],
        "other_counts": {"rolling": 20, "boxcar": None, "hypertrophic": 0},
    }
    history = {
        "previous_treatments": "TCA CROSS in 2023, 3 sessions: a little better",
        "medications": "isotretinoin, stopped March 2024",
        "allergies": "lidocaine",
        "main_concern": "the deep pits on my left cheek",
    }
    example = {
        **PRODUCT_EXAMPLE,
        "schema_version": 2,
        "scars": scars,
        "health": V2_HEALTH,
        "history": history,
    }
    # a version 2 file saved before the decision answers, dates and quotes existed: they load
    # empty
    assert profile_from_dict(example).model_dump() == {
        **example,
        "decision": EMPTY_DECISION,
        "calendar": {"start_date": None, "events": []},
        "quotes": [],
        "language": "en",
        "preferences": {**example["preferences"], "currency": "USD"},
    }
    decided = {
        **example,
        "language": "es",
        "preferences": {**example["preferences"], "currency": "EUR"},
        "decision": DECISION,
        "calendar": {"start_date": None, "events": [{"date": "2027-06-12", "name": "Wedding"}]},
        "quotes": [
            {
                "treatment": "laser_ablative",
                "sessions": 3,
                "price_usd": 4500,
                "provider": "dermatologist",
            }
        ],
    }
    assert profile_from_dict(decided).model_dump(mode="json") == decided


EMPTY_DECISION = {
    "expected_improvement": None,
    "daily_life_impact": None,
    "leaning": None,
    "sure": dict.fromkeys(SURE_FIELDS),
}
DECISION = {
    "expected_improvement": "complete",
    "daily_life_impact": "a_lot",
    "leaning": "tca_cross",
    "sure": {
        "sure_best_choice": True,
        "know_benefits_risks": True,
        "clear_what_matters": None,
        "enough_support": False,
    },
}


def test_a_version_1_file_loads_with_empty_decision_answers() -> None:
    profile, notes = read_profile_json(json.dumps(PRODUCT_EXAMPLE))
    assert profile.decision.model_dump() == EMPTY_DECISION and notes == []
    assert json.loads(profile_to_json(profile))["decision"] == EMPTY_DECISION


def test_decision_answers_survive_the_saved_file() -> None:
    profile = profile_from_dict({"decision": DECISION})
    assert json.loads(profile_to_json(profile))["decision"] == DECISION
    assert profile_from_json(profile_to_json(profile)) == profile


@pytest.mark.parametrize("leaning", [*TREATMENT_IDS, "unsure", None])
def test_the_leaning_is_any_option_or_unsure(leaning: str | None) -> None:
    assert profile_from_dict({"decision": {"leaning": leaning}}).decision.leaning == leaning


@pytest.mark.parametrize(
    ("decision", "line"),
    [
        ({"expected_improvement": "perfect"}, 'decision.expected_improvement: "perfect"'),
        ({"daily_life_impact": "some"}, 'decision.daily_life_impact: "some"'),
        ({"leaning": "botox"}, 'decision.leaning: "botox" is not allowed; use one of topical'),
        ({"sure": {"enough_support": "maybe"}}, 'decision.sure.enough_support: "maybe"'),
        ({"sure": {"confident": True}}, "decision.sure.confident: unknown field"),
        ({"mood": "good"}, "decision.mood: unknown field; allowed fields here are expected"),
    ],
)
def test_decision_answers_are_strict(decision: dict, line: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"decision": decision})
    (problem,) = caught.value.problems
    assert problem.startswith(line)


def test_the_catalog_uses_the_profile_s_treatment_ids() -> None:
    from advisor.catalog import default_catalog

    assert tuple(default_catalog().treatments) == TREATMENT_IDS


def test_version_1_pregnant_or_breastfeeding_is_read_as_pregnant_and_says_so() -> None:
    old = {
        **PRODUCT_EXAMPLE,
        "health": {**PRODUCT_EXAMPLE["health"], "pregnant_or_breastfeeding": True},
    }
    profile, notes = read_profile_json(json.dumps(old))
    assert (profile.health.pregnant, profile.health.breastfeeding) == (True, False)
    assert len(notes) == 1 and "read as pregnant" in notes[0]
    assert json.loads(profile_to_json(profile))["schema_version"] == 2
    _, none = read_profile_json(json.dumps(PRODUCT_EXAMPLE))
    assert none == []


def test_version_2_has_no_pregnant_or_breastfeeding_field() -> None:
    with pytest.raises(ProfileError, match="pregnant_or_breastfeeding: unknown field"):
        profile_from_dict({"schema_version": 2, "health": {"pregnant_or_breastfeeding": True}})


def test_an_empty_object_gives_every_default() -> None:
    profile = profile_from_json("{}")
    assert profile == Profile()
    assert profile.preferences.weights.effectiveness == 5
    assert profile.notes == ""


def test_a_partial_profile_keeps_its_answers_and_defaults_the_rest() -> None:
    profile = profile_from_dict({"scars": {"count": 40}, "skin": {"fitzpatrick": 6}})
    assert profile.scars.count == 40
    assert profile.skin.fitzpatrick == 6
    assert profile.scars.depth == Profile().scars.depth


@given(profiles)
def test_json_round_trip_gives_an_equal_profile(profile: Profile) -> None:
    assert profile_from_json(profile_to_json(profile)) == profile


def test_repeated_locations_are_kept_once() -> None:
    profile = profile_from_dict({"scars": {"locations": ["cheeks", "nose", "cheeks"]}})
    assert profile.scars.locations == ["cheeks", "nose"]


INVALID_VALUES = [
    ("scars", "count", 0, "1 to 500"),
    ("scars", "count", 501, "1 to 500"),
    ("scars", "count", "many", "1 to 500"),
    ("scars", "depth", "very deep", "shallow, moderate, deep"),
    ("scars", "width_mm", 0.1, "0.3 to 5"),
    ("scars", "width_mm", 6, "0.3 to 5"),
    ("scars", "distribution", "everywhere", "isolated, clustered, widespread"),
    ("scars", "locations", ["cheeks", "feet"], "cheeks, temples, jawline"),
    ("scars", "locations", "cheeks", "cheeks, temples, jawline"),
    ("scars", "other_types", ["keloid"], "rolling, boxcar, hypertrophic"),
    ("scars", "flattens_when_stretched", "sometimes", "true or false"),
    ("scars", "visible_at_conversation_distance", None, "true or false"),
    ("skin", "fitzpatrick", 0, "1 to 6"),
    ("skin", "fitzpatrick", 7, "1 to 6"),
    ("skin", "sensitive", "maybe", "true or false"),
    ("skin", "keloid_history", [], "true or false"),
    ("health", "age", 11, "12 to 100"),
    ("health", "age", 101, "12 to 100"),
    ("health", "smoker", "often", "true or false"),
    ("preferences", "budget_usd", -1, "0 to 100000"),
    ("preferences", "budget_usd", 100001, "0 to 100000"),
    ("preferences", "max_downtime_days", 61, "0 to 60"),
    ("preferences", "max_sessions", 0, "1 to 30"),
    ("preferences", "max_invasiveness", 6, "1 to 5"),
    ("preferences", "pain_tolerance", "none", "low, medium, high"),
    ("preferences", "goal", "perfect", "subtle, noticeable, maximal"),
    ("preferences", "weeks_available", 0, "1 to 260, or null"),
    ("preferences", "weeks_available", 261, "1 to 260, or null"),
]


@pytest.mark.parametrize(("section", "field", "value", "allowed"), INVALID_VALUES)
def test_each_invalid_value_is_named_with_the_allowed_values(
    section: str, field: str, value: object, allowed: str
) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({section: {field: value}})
    (line,) = caught.value.problems
    assert line.startswith(f"{section}.{field}:")
    assert allowed in line


@pytest.mark.parametrize(
    "weight", ["effectiveness", "cost", "downtime", "sessions", "invasiveness"]
)
@pytest.mark.parametrize("value", [-1, 6, "high"])
def test_each_weight_is_limited_to_0_to_5(weight: str, value: object) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"preferences": {"weights": {weight: value}}})
    assert caught.value.problems == [
        f"preferences.weights.{weight}: {json.dumps(value)} is not allowed; "
        "use a whole number from 0 to 5"
    ]


def test_notes_longer_than_2000_characters_are_refused() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"notes": "x" * 2001})
    assert "notes: text of 2001 characters is not allowed; use text of at most 2000" in str(
        caught.value
    )
    assert profile_from_dict({"notes": "x" * 2000}).notes == "x" * 2000


HISTORY = {
    "previous_treatments": "Microneedling, 2022, 4 sessions: little change.\nThen TCA CROSS.",
    "medications": "Isotretinoin 20 mg (stopped in May); apixaban",
    "allergies": "Lidocaine — a rash",
    "main_concern": "<b>x</b> [a](b) # h: the pits on my cheeks 😞",
}


def test_history_answers_survive_the_saved_file() -> None:
    profile = profile_from_dict({"history": HISTORY})
    again, upgrade = read_profile_json(profile_to_json(profile))
    assert again.history.model_dump() == HISTORY and upgrade == []
    assert json.loads(profile_to_json(profile))["history"] == HISTORY


def test_a_version_1_file_loads_with_an_empty_history() -> None:
    profile, _ = read_profile_json(json.dumps(PRODUCT_EXAMPLE))
    assert "history" not in PRODUCT_EXAMPLE
    assert profile.history.model_dump() == dict.fromkeys(HISTORY_FIELDS, "")
    assert json.loads(profile_to_json(profile))["history"] == dict.fromkeys(HISTORY_FIELDS, "")


@pytest.mark.parametrize("field", HISTORY_FIELDS)
def test_history_longer_than_500_characters_is_refused_by_name(field: str) -> None:
    assert HISTORY_MAX == 500
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"history": {field: "x" * 501}})
    assert caught.value.problems == [
        f"history.{field}: text of 501 characters is not allowed; use text of at most 500 "
        "characters"
    ]
    assert getattr(profile_from_dict({"history": {field: "x" * 500}}).history, field) == "x" * 500
    # where a bad answer is reset (a link), only that answer goes; the others stay
    others = {**HISTORY, field: "x" * 501}
    profile, problems = profile_from_dict_lenient({"notes": "mine", "history": others})
    assert profile.history.model_dump() == {**HISTORY, field: ""}
    assert profile.notes == "mine"
    assert problems == [
        f"history.{field}: text of 501 characters is not allowed; use text of at most 500 "
        "characters (reset to the default)"
    ]


def test_history_refuses_unknown_answers_by_name() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"history": {"allergy": "lidocaine"}})
    assert caught.value.problems == [
        "history.allergy: unknown field; allowed fields here are previous_treatments, "
        "medications, allergies, main_concern"
    ]


# anything a file or a form could send: text of every kind and length (with control and
# format characters, which the notes keep, and lone surrogates, which they refuse), and values
# that are not text at all
ANY_VALUE = st.one_of(
    st.text(max_size=HISTORY_MAX),
    st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zs", "L"]), max_size=20),
    st.text(st.characters(codec="utf-8"), min_size=HISTORY_MAX - 2, max_size=HISTORY_MAX),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=2),
)


def _accepted(data: dict) -> Profile | None:
    try:
        return profile_from_dict(data)
    except ProfileError:
        return None


@given(st.sampled_from(HISTORY_FIELDS), ANY_VALUE)
def test_history_accepts_what_the_notes_accept_and_keeps_it_as_typed(
    field: str, value: object
) -> None:
    """Up to 500 characters the history answers follow the notes' rules exactly."""
    as_notes = _accepted({"notes": value})
    as_history = _accepted({"history": {field: value}})
    assert (as_notes is None) == (as_history is None), repr(value)[:80]
    if as_notes is not None and as_history is not None:
        kept = getattr(as_history.history, field)
        assert kept == as_notes.notes
        if isinstance(value, str):
            assert kept == value
            assert getattr(profile_from_json(profile_to_json(as_history)).history, field) == value


def test_only_the_length_limit_differs_from_the_notes() -> None:
    assert NOTES_MAX > HISTORY_MAX
    text = "y" * (HISTORY_MAX + 1)
    assert profile_from_dict({"notes": text}).notes == text
    with pytest.raises(ProfileError):
        profile_from_dict({"history": {"main_concern": text}})


def test_schema_version_other_than_1_or_2_is_refused() -> None:
    with pytest.raises(ProfileError, match="schema_version: 3 is not allowed; use one of 1, 2"):
        profile_from_dict({"schema_version": 3})


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"colour": "red"}, "colour"),
        ({"scars": {"count": 3, "colour": "red"}}, "scars.colour"),
        ({"preferences": {"weights": {"price": 3}}}, "preferences.weights.price"),
    ],
)
def test_unknown_fields_are_refused_by_name(data: dict, path: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    (line,) = caught.value.problems
    assert line.startswith(f"{path}: unknown field; allowed fields here are ")


def test_every_problem_is_listed_not_only_the_first() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"scars": {"count": 0, "depth": "x"}, "skin": {"fitzpatrick": 9}})
    assert len(caught.value.problems) == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("{", "not valid JSON (line 1, column 2"),
        ('{"scars": }', "not valid JSON"),
        ("[1, 2]", "expected a JSON object, got list"),
        ('"hello"', "expected a JSON object, got str"),
        ("null", "expected a JSON object, got NoneType"),
        ('{"scars": [1]}', "scars: expected an object with fields"),
        (b"\xff\xfe\x00bad", "not UTF-8 text"),
        ("[" * 100000, "JSON nested too deeply"),
    ],
)
def test_malformed_files_give_one_clear_message(text: str | bytes, message: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_json(text)
    assert message in str(caught.value)


def test_a_byte_order_mark_is_accepted() -> None:
    assert profile_from_json("\ufeff{}".encode()) == Profile()


def test_lenient_reading_keeps_good_answers_and_resets_bad_ones() -> None:
    profile, problems = profile_from_dict_lenient(
        {
            "scars": {"count": 40, "depth": "bottomless", "locations": ["nose", "elbow"]},
            "skin": {"fitzpatrick": 5},
            "mystery": 1,
        }
    )
    assert profile.scars.count == 40
    assert profile.skin.fitzpatrick == 5
    assert profile.scars.depth == Profile().scars.depth
    assert profile.scars.locations == Profile().scars.locations
    assert len(problems) == 3
    assert any(p.startswith("scars.depth:") and "reset to the default" in p for p in problems)
    assert any(p.startswith("mystery: unknown field") and "(ignored)" in p for p in problems)


@pytest.mark.parametrize(
    "data", [None, 3, "text", [1], {"scars": "deep"}, {"scars": {"count": []}}]
)
def test_lenient_reading_never_raises(data: object) -> None:
    profile, problems = profile_from_dict_lenient(data)
    assert isinstance(profile, Profile)
    assert problems
