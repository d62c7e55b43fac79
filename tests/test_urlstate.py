from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest
from factories import HISTORY_FIELDS, profiles
from hypothesis import given
from hypothesis import strategies as st

from advisor.profile import FieldType, Profile, field_type
from advisor.urlstate import FIELDS, decode_query, encode_query, has_profile


@given(profiles)
def test_every_profile_survives_the_url(profile: Profile) -> None:
    params = encode_query(profile)
    restored, problems = decode_query(params)
    assert problems == []
    assert restored == profile


def test_default_answers_leave_the_url_empty() -> None:
    assert encode_query(Profile()) == {}
    assert not has_profile({"utm_source": "x"})


def test_every_profile_field_has_a_url_key() -> None:
    leaves = []

    def walk(data: dict, prefix: str) -> None:
        for key, value in data.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            elif key != "schema_version":
                leaves.append(prefix + key)

    walk(Profile().model_dump(), "")
    assert sorted(leaves) == sorted(FIELDS.values())


def test_a_tampered_link_keeps_the_good_answers() -> None:
    profile, problems = decode_query({"n": "40", "d": "bottomless", "fl": "maybe", "age": "1e9"})
    assert profile.scars.count == 40
    assert profile.scars.depth == Profile().scars.depth
    assert len(problems) == 3
    assert all("reset to the default" in p for p in problems)


def test_a_cut_short_link_keeps_what_arrived() -> None:
    full = encode_query(Profile.model_validate({"scars": {"count": 9}, "skin": {"fitzpatrick": 6}}))
    cut = dict(list(full.items())[:1])
    profile, problems = decode_query(cut)
    assert profile.scars.count == 9
    assert problems == []


@given(st.dictionaries(st.sampled_from([*FIELDS, "zz"]), st.text(max_size=50)))
def test_random_query_strings_never_raise(params: dict[str, str]) -> None:
    profile, problems = decode_query(params)
    assert isinstance(profile, Profile)
    assert all(isinstance(p, str) for p in problems)


def test_links_are_read_from_the_field_types_not_from_the_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rewording (or translating) the messages must not change how a link is read."""
    monkeypatch.setattr("advisor.urlstate.allowed_values", lambda path: "un número entero")
    profile, problems = decode_query({"n": "40", "wk": "none", "fl": "1", "wd": "2.5"})
    assert problems == []
    assert profile.scars.count == 40 and profile.preferences.weeks_available is None
    assert profile.scars.flattens_when_stretched is True and profile.scars.width_mm == 2.5


def test_every_field_in_a_link_has_a_type() -> None:
    kinds = {path: field_type(path) for path in FIELDS.values()}
    assert kinds["scars.locations"] == FieldType("list")
    assert kinds["preferences.weeks_available"] == FieldType("int", nullable=True)
    assert kinds["skin.sensitive"] == FieldType("bool")
    assert kinds["notes"] == FieldType("text")
    for field in HISTORY_FIELDS:
        assert kinds[f"history.{field}"] == FieldType("text")


MARKUP_LIKE = "<b>x</b> [a](b) # h"


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("tried", "previous_treatments"),
        ("meds", "medications"),
        ("allergy", "allergies"),
        ("concern", "main_concern"),
    ],
)
def test_history_answers_with_markup_survive_the_link_unchanged(key: str, field: str) -> None:
    profile = Profile.model_validate({"history": {field: MARKUP_LIKE}})
    params = encode_query(profile)
    assert params == {key: MARKUP_LIKE}, "one readable key, the text as typed"
    link = urlencode(params)  # as in the share link
    restored, problems = decode_query(dict(parse_qsl(link)))
    assert problems == []
    assert getattr(restored.history, field) == MARKUP_LIKE
    assert restored == profile


DECISION_KEYS = {
    "hope": ("expected_improvement", "complete"),
    "life": ("daily_life_impact", "a_lot"),
    "lean": ("leaning", "punch_excision"),
}


@pytest.mark.parametrize(("key", "answer"), list(DECISION_KEYS.items()))
def test_each_decision_answer_has_a_short_readable_key(key: str, answer: tuple) -> None:
    field, value = answer
    profile = Profile.model_validate({"decision": {field: value}})
    assert encode_query(profile) == {key: value}
    assert decode_query({key: value}) == (profile, [])


def test_the_sure_answers_are_read_as_yes_no_or_not_answered() -> None:
    profile = Profile.model_validate(
        {"decision": {"sure": {"sure_best_choice": True, "enough_support": False}}}
    )
    assert encode_query(profile) == {"sure": "1", "support": "0"}
    assert decode_query({"sure": "1", "support": "0"}) == (profile, [])
    assert decode_query({"know": "none"}) == (Profile(), [])
    assert field_type("decision.sure.know_benefits_risks") == FieldType("bool", nullable=True)


def test_not_affected_at_all_is_an_answer_not_an_empty_one() -> None:
    """daily_life_impact allows the word "none" (not at all), so in its key "none" is that
    answer, not the empty answer the same word means in weeks_available."""
    profile, problems = decode_query({"life": "none", "wk": "none"})
    assert problems == []
    assert profile.decision.daily_life_impact == "none"
    assert profile.preferences.weeks_available is None
    assert field_type("decision.daily_life_impact").choices == ("none", "a_little", "a_lot")


def test_a_bad_decision_answer_in_a_link_is_reset_and_named() -> None:
    profile, problems = decode_query({"hope": "perfect", "lean": "tca_cross", "clear": "maybe"})
    assert profile.decision.expected_improvement is None
    assert profile.decision.leaning == "tca_cross"
    assert profile.decision.sure.clear_what_matters is None
    assert len(problems) == 2 and all("reset to the default" in p for p in problems)
