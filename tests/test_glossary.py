"""Hard words are explained where they appear: the glossary finds them in any text."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from advisor.catalog import default_catalog
from advisor.glossary import entries_in

# the words a 19-year-old met unexplained on a phone (issue 15), and the glossary entry for each
JARGON = {
    "dermis": "Dermis",
    "isotretinoin": "Isotretinoin",
    "autoimmune": "Autoimmune disease",
    "subcision": "Subcision",
    "ablative": "Ablative",
    "sedation": "Sedation",
    "AHA": "AHA",
    "retinoids": "Retinoid",
    "PIH": "Hyperpigmentation (PIH)",
    "collagen": "Collagen",
    "fit": "Fit",
    "(est.)": "Estimate (est.)",
    "Evidence: Very low": "Evidence",
}


@pytest.mark.parametrize(("word", "term"), JARGON.items())
def test_every_hard_word_has_an_entry(word: str, term: str) -> None:
    found = entries_in([f"Some text with {word} in it."], with_meanings=False)
    assert [e.term for e in found] == [term]


def test_every_treatment_name_is_explained() -> None:
    for treatment in default_catalog().treatments.values():
        if treatment.id == "no_treatment":
            continue
        assert entries_in([treatment.name]), treatment.name


def terms(text: str, with_meanings: bool = False) -> list[str]:
    return [e.term for e in entries_in([text], with_meanings=with_meanings)]


def test_a_longer_term_wins_and_words_inside_other_words_do_not_count() -> None:
    assert terms("TCA CROSS") == ["TCA CROSS"]
    assert terms("Non-ablative fractional laser") == ["Fractional laser", "Non-ablative"]
    assert terms("a profitable outfit and a potato peeler") == []


def test_abbreviations_match_in_capitals_only() -> None:
    assert terms("She has had a peel") == ["Chemical peel"], "'has' is not 'HA'"
    assert terms("ha ha, aha") == []
    assert terms("dark patches (PIH)") == ["Hyperpigmentation (PIH)"]


def test_the_words_an_explanation_uses_are_explained_too() -> None:
    assert terms("TCA CROSS", with_meanings=True) == ["TCA", "TCA CROSS"]


def test_entries_come_once_each_in_alphabetical_order() -> None:
    found = entries_in(["subcision, AHA and subcision again", "Collagen"], with_meanings=False)
    assert [e.term for e in found] == ["AHA", "Collagen", "Subcision"]


def expander_text(at: AppTest, label: str) -> str:
    found = [e for e in at.expander if e.label.startswith(label)]
    assert found, f"no '{label}' section; sections: {[e.label for e in at.expander]}"
    return " ".join(m.value for m in found[0].markdown)


def test_compare_explains_its_top_options_and_the_profile_its_questions() -> None:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.switch_page("pages/compare.py").run()
    top = expander_text(at, "What these options are")
    assert "strong TCA only inside each scar" in top  # TCA CROSS, the best fit by default
    at.switch_page("pages/profile.py").run()
    at.session_state["questionnaire_step"] = 2
    at.run()
    health = expander_text(at, "Words in these questions")
    assert "Isotretinoin" in health and "Autoimmune disease" in health
    at.session_state["questionnaire_step"] = 3
    at.run()
    limits = expander_text(at, "Words in these questions")
    for term in ("Subcision", "Ablative", "Sedation"):
        assert term in limits
