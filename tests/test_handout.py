"""The handout a dermatologist receives: page 1 for the clinician, at most 4 pages for the
default answers, nothing screen-only on paper, and the patient's own words kept as written."""

from __future__ import annotations

import csv
import io
import re

import pytest
from factories import make_profile
from markdown_it import MarkdownIt
from pypdf import PdfReader

from advisor.export import render_markdown, to_csv, to_markdown
from advisor.pdf import build_pdf
from advisor.profile import Profile, profile_from_json, profile_to_json
from advisor.recommend import recommend
from advisor.summary import build_summary

HISTORY = {
    "main_concern": "The pits on my left cheek show in photos <b>every</b> time",
    "medications": "Apixaban 5 mg; isotretinoin stopped August 2026",
    "allergies": "Lidocaine [rash](http://x) # not a heading",
    "previous_treatments": "Microneedling x3 (2024): little change",
}

PAGE_ONE = (
    "For the dermatologist",
    "Main concern",
    "Scars",
    "Regions",
    "Grade (Goodman & Baron)",
    "Skin",
    "Health",
    "Medicines",
    "Allergies",
    "Previous treatments",
    "Top options",
    "Limits and goal",
    "Questions",
)


def pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_default_handout_is_at_most_four_pages_with_the_clinician_page_first(size) -> None:
    text = pages(build_pdf(recommend(Profile()), page_size=size, image_cache={}))
    assert len(text) <= 4
    first = text[0]
    for label in PAGE_ONE:
        assert label in first, label
    assert not re.search(r"[+-]\d+ points|of 100", first), "no fit arithmetic on page 1"
    assert "My top options" not in first, "the patient's part starts on page 2"


def test_nothing_screen_only_on_paper_and_the_table_keeps_improvement_and_evidence() -> None:
    rec = recommend(make_profile(scars={"other_types": ["rolling"]}, health={"cold_sores": True}))
    pdf = " ".join(pages(build_pdf(rec, image_cache={})))
    markdown = to_markdown(rec)
    for paper in (pdf, markdown):
        assert not re.search(r"\bhover|\btap\b|click", paper, re.IGNORECASE)
        assert "Improvement (ice pick)" in paper and "Evidence" in paper
    assert "not yet reviewed by a dermatologist" in pdf and "not yet reviewed" in markdown


def test_the_history_answers_reach_both_files_as_written_and_never_as_markup() -> None:
    profile = make_profile(history=HISTORY)
    again = profile_from_json(profile_to_json(profile))  # the saved file
    assert again.history == profile.history
    rec = recommend(again)
    first = pages(build_pdf(rec, image_cache={}))[0]
    for text in HISTORY.values():
        assert text in first
    tokens = MarkdownIt("commonmark").parse(to_markdown(rec))
    fences = [t.content.strip() for t in tokens if t.type == "fence"]
    for text in HISTORY.values():
        assert text in fences, "each in a block of its own, exactly as typed"
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open"}, "no HTML or link from the user"
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "not a heading" not in " ".join(headings)


def test_an_allergy_to_numbing_medicine_becomes_a_question() -> None:
    allergic = build_summary(recommend(make_profile(history={"allergies": "Lidocaine (hives)"})))
    assert any("allergic to a numbing medicine" in q for q in allergic.questions)
    other = build_summary(recommend(make_profile(history={"allergies": "penicillin"})))
    assert not any("numbing medicine" in q for q in other.questions)


def test_plan_steps_and_page_one_name_the_cautions_behind_them() -> None:
    profile = make_profile(  # the reviewing dermatologist's case: rolling scars, on apixaban
        scars={"other_types": ["rolling"]}, health={"blood_thinners": True}
    )
    summary = build_summary(recommend(profile))
    subcision = [step for step in summary.plan.steps if "Subcision" in step]
    assert subcision and "To discuss first: you take blood thinners" in subcision[0]
    top = next(f for f in summary.clinician if f.label.startswith("Top options")).text
    assert "anticoagulant" in top and "your skin or health" not in top


def test_every_source_the_handout_names_is_listed() -> None:
    profile = make_profile(health={"isotretinoin_last_6_months": True})
    summary = build_summary(recommend(profile))
    listed = {source.id for source in summary.sources}
    markdown = render_markdown(summary)
    body = markdown.split("## Sources")[0]
    for source_id in set(re.findall(r"\bS\d+\b", body)):
        assert source_id in listed, source_id
    shorts = {s.short: i for i, s in summary.rec.catalog.sources.items()}
    for short, source_id in shorts.items():
        if f"[{short}]" in body:
            assert source_id in listed, short


def test_answers_still_at_the_example_value_are_marked_in_both_files() -> None:
    rec = recommend(make_profile(scars={"count": 20}, health={"age": 19}))
    first = pages(build_pdf(rec, image_cache={}))[0]
    assert "At the app's example value" in first
    marked = first.split("At the app's example value")[1]
    assert "budget $3,000" in marked and "skin type III" in marked
    assert "scar count" not in marked and "age 29" not in marked, "changed answers are not"
    assert "At the app's example value" in to_markdown(rec)


DECIDING = {
    "expected_improvement": "complete",
    "daily_life_impact": "a_lot",
    "leaning": "tca_cross",
    "sure": {"sure_best_choice": True, "know_benefits_risks": True,
             "clear_what_matters": True, "enough_support": False},
}  # fmt: skip


def test_where_the_person_stands_is_in_every_export() -> None:
    rec = recommend(make_profile(decision=DECIDING))
    pdf = pages(build_pdf(rec, image_cache={}))
    assert "Leaning towards TCA CROSS" in pdf[0] and "3 of 4 yes" in pdf[0]
    rest = " ".join(pdf[1:])
    assert "No treatment makes ice pick scars disappear completely" in rest
    assert "talk it over with someone you trust" in rest, "the pointer for support"
    markdown = to_markdown(rec)
    assert "- **Leaning towards:** TCA CROSS" in markdown
    assert markdown.index("Leaning towards") < markdown.index("## My top options")
    assert "## Ready to decide?" in markdown and "Légaré" in markdown
    ready = markdown.split("## Ready to decide?")[1]
    assert ready.index("disappear completely") < ready.index("SURE about the best choice")
    rows = list(csv.DictReader(io.StringIO(to_csv(rec))))
    assert [r["id"] for r in rows if r["leaning"] == "yes"] == ["tca_cross"]
    assert {(r["hoped_for_change"], r["sure_score"]) for r in rows} == {("complete", "3")}
    report = rec.to_json()["decision"]
    assert report["leaning"] == "tca_cross" and report["sure_score"] == 3
    assert report["expectation_gap"] and len(report["sure_pointers"]) == 2


def test_page_one_health_line_lists_only_the_flags_that_are_set() -> None:
    rec = recommend(make_profile(health={"age": 34, "smoker": True}))
    health = next(f for f in build_summary(rec).clinician if f.label == "Health").text
    assert health == "age 34; smoker"


def test_skin_lightening_advice_asks_what_is_safe_while_breastfeeding() -> None:
    nursing = make_profile(skin={"fitzpatrick": 5}, health={"breastfeeding": True})
    summary = build_summary(recommend(nursing))
    assert any("safe while I breastfeed" in q for q in summary.questions)
    assert any("skin-lightening creams are safe" in line for line in summary.plan.other)
    other = build_summary(recommend(make_profile(skin={"fitzpatrick": 5})))
    assert not any("breastfeed" in q for q in other.questions)
