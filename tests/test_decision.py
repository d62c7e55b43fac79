"""Ready to decide: the change hoped for against the evidence, and the SURE test, in cases a
clinician would recognise."""

from __future__ import annotations

import re

import pytest
from factories import SURE_FIELDS, make_profile, profiles
from hypothesis import given

from advisor.catalog import default_catalog
from advisor.decision import (
    DAILY_LIFE_LINE,
    HOPE_CHOICES,
    LEVEL_SIZE,
    SURE_DOUBT,
    SURE_ITEMS,
    SURE_POINTERS,
    SURE_SOURCE,
    expectation_gap,
    sure_pointers,
    sure_score,
)
from advisor.profile import Profile
from advisor.scoring import rank_options
from advisor.words import LEVEL_WORDS

DEEP_SCARS = {"scars": {"depth": "deep", "count": 12, "distribution": "clustered"}}
PREGNANT = {"health": {"pregnant": True}}  # every procedure waits until after the pregnancy


def gap(hope: str | None, impact: str | None = None, **answers: dict) -> str | None:
    profile = make_profile(
        **answers, decision={"expected_improvement": hope, "daily_life_impact": impact}
    )
    return expectation_gap(profile, rank_options(profile))


def test_deep_ice_pick_scars_never_disappear_completely() -> None:
    text = gap("complete", **DEEP_SCARS)
    assert text is not None
    assert text.startswith("No treatment makes ice pick scars disappear completely.")
    # the best level open to them, from the catalog, with the options that give it
    assert "the best results in studies with the options open to you" in text
    assert LEVEL_WORDS["high"] in text
    assert "TCA CROSS" in text and "Punch excision" in text
    assert "Studies: Lee 2002;" in text  # TCA CROSS's first study
    assert "RealSelf" not in text, "price pages do not back an improvement level"
    assert DAILY_LIFE_LINE not in text


@pytest.mark.parametrize("hope", ["small", "medium", "large"])
def test_a_hope_the_evidence_reaches_gets_no_message(hope: str) -> None:
    """TCA CROSS and punch excision give a large improvement for deep ice pick scars."""
    assert gap(hope, "a_lot", **DEEP_SCARS) is None


def test_no_hope_given_gets_no_message() -> None:
    assert gap(None, "a_lot") is None


def test_complete_and_a_lot_suggests_talking_it_over_with_a_doctor_too() -> None:
    text = gap("complete", "a_lot", **DEEP_SCARS)
    assert text is not None and text.endswith("\n\n" + DAILY_LIFE_LINE)
    for impact in (None, "none", "a_little"):
        assert DAILY_LIFE_LINE not in (gap("complete", impact, **DEEP_SCARS) or "")


def test_only_creams_while_pregnant_so_a_medium_hope_is_more_than_they_give() -> None:
    text = gap("medium", **PREGNANT)
    assert text is not None
    assert text.startswith("You hope for a medium change.")
    assert f"are {LEVEL_WORDS['low']}, with Skin creams." in text
    assert "Dreno 2018" in text
    assert gap("small", **PREGNANT) is None


def test_the_words_name_no_condition_and_no_label() -> None:
    text = gap("complete", "a_lot", **DEEP_SCARS) or ""
    for word in ("disorder", "dysmorph", "diagnos", "obsess", "unrealistic", "depress"):
        assert word not in text.lower()
    # short sentences, for a reader of about 12 (the sources line is a list, not a sentence)
    prose = text.split(" Sources")[0] + " " + text.split("\n\n")[-1]
    for sentence in re.split(r"(?<=\.)\s+", prose):
        assert len(sentence.split()) <= 30, sentence


@given(profiles)
def test_a_message_only_when_the_hope_is_above_the_best_level_open(profile: Profile) -> None:
    ranking = rank_options(profile)
    text = expectation_gap(profile, ranking)
    hope = profile.decision.expected_improvement
    levels = [LEVEL_SIZE[o.improvement] for o in ranking.advisable if not o.is_reference]
    best = max(levels, default=0)
    sizes = {"small": 1, "medium": 2, "large": 3, "complete": 4}
    assert (text is not None) == (hope is not None and sizes[hope] > best)
    if hope == "complete":
        assert text is not None and "disappear completely" in text


def test_every_catalog_level_has_a_size_and_every_hope_a_label() -> None:
    levels = {t.improvement_ice_pick for t in default_catalog().treatments.values()}
    assert levels <= set(LEVEL_SIZE)
    assert list(HOPE_CHOICES) == ["small", "medium", "large", "complete"]


# ----------------------------------------------------------------------------- SURE


def sure(**answers: bool | None) -> Profile:
    return make_profile(decision={"sure": answers})


def test_the_four_items_are_the_english_sure_test_word_for_word() -> None:
    assert list(SURE_ITEMS) == list(SURE_FIELDS)
    assert list(SURE_ITEMS.values()) == [
        "Do you feel SURE about the best choice for you?",
        "Do you know the benefits and risks of each option?",
        "Are you clear about which benefits and risks matter most to you?",
        "Do you have enough support and advice to make a choice?",
    ]
    assert SURE_SOURCE == (
        "SURE test (Légaré F et al., Can Fam Physician 2010;56:e308-14), used unaltered"
    )


def test_no_score_until_all_four_are_answered() -> None:
    assert sure_score(Profile()) is None
    assert sure_score(sure(sure_best_choice=True, know_benefits_risks=True)) is None
    assert sure_pointers(Profile()) == []


def test_four_yes_is_4_and_needs_no_pointer() -> None:
    profile = sure(**dict.fromkeys(SURE_FIELDS, True))
    assert sure_score(profile) == 4
    assert sure_pointers(profile) == []


def test_one_no_on_support_points_to_the_questions_and_someone_to_talk_to() -> None:
    profile = sure(**dict.fromkeys(SURE_FIELDS, True) | {"enough_support": False})
    assert sure_score(profile) == 3
    pointers = sure_pointers(profile)
    assert pointers == [SURE_DOUBT, SURE_POINTERS["enough_support"]]
    assert "some doubt" in pointers[0] and "normal" in pointers[0]
    assert "questions to ask a provider" in pointers[1]
    assert "talk it over with someone you trust" in pointers[1]


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("know_benefits_risks", ("Learn", "knowledge check")),
        ("clear_what_matters", ("Compare", "priorities")),
        ("enough_support", ("questions to ask", "someone you trust")),
        ("sure_best_choice", ("Learn", "Compare", "questions to ask")),
    ],
)
def test_each_no_points_to_what_helps_with_it(item: str, words: tuple[str, ...]) -> None:
    profile = sure(**dict.fromkeys(SURE_FIELDS, True) | {item: False})
    (_, pointer) = sure_pointers(profile)
    for word in words:
        assert word in pointer


def test_a_no_shows_its_pointer_before_the_other_items_are_answered() -> None:
    profile = sure(know_benefits_risks=False)
    assert sure_score(profile) is None
    assert sure_pointers(profile) == [SURE_DOUBT, SURE_POINTERS["know_benefits_risks"]]


def test_all_no_is_0_with_every_pointer_in_the_test_s_order() -> None:
    profile = sure(**dict.fromkeys(SURE_FIELDS, False))
    assert sure_score(profile) == 0
    assert sure_pointers(profile) == [SURE_DOUBT, *(SURE_POINTERS[k] for k in SURE_FIELDS)]
