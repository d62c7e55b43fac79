"""The handout a dermatologist receives: page 1 for the clinician, at most 4 pages for the
default answers, nothing screen-only on paper, and the patient's own words kept as written."""

from __future__ import annotations

import io
import re

import pytest
from factories import make_profile
from markdown_it import MarkdownIt
from pypdf import PdfReader

from advisor.export import to_markdown
from advisor.pdf import build_pdf
from advisor.profile import Profile, profile_from_json, profile_to_json
from advisor.recommend import recommend

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
