from __future__ import annotations

import csv
import datetime as dt
import io

from factories import make_profile

from advisor.export import escape_markdown, export_filename, neutralise_cell, to_csv, to_markdown
from advisor.recommend import recommend


def test_markdown_has_every_section_and_the_disclaimer() -> None:
    text = to_markdown(
        recommend(make_profile(health={"cold_sores": True})), today=dt.date(2026, 11, 30)
    )
    headings = (
        "## My answers",
        "## How severe my scars look",
        "## All options, best fit first",
        "## Why the top options fit",
        "## Suggested combination plan",
        "## Cautions to discuss",
        "## Questions to ask a provider",
        "## My notes",
        "## Sources",
    )
    for heading in headings:
        assert heading in text
    assert "does not diagnose" in text
    assert "antiviral" in text
    assert "Made on 2026-11-30" in text


def test_user_notes_are_shown_literally_in_markdown() -> None:
    notes = "<script>alert(1)</script> **bold** [link](http://x) # heading"
    text = to_markdown(recommend(make_profile(notes=notes)))
    assert "<script>" not in text
    assert "\\*\\*bold\\*\\*" in text
    assert "\\[link\\]\\(http\\:" in text
    assert escape_markdown("a & b") == "a &amp; b"


def test_csv_has_14_rows_with_numbers_and_no_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(recommend(make_profile())))))
    assert len(rows) == 14
    for row in rows:
        float(row["fit"]), float(row["total_cost_low_usd"]), float(row["sessions_high"])
        for value in row.values():
            assert (
                not value.startswith(("=", "+", "-", "@"))
                or value.lstrip("+-").replace(".", "").isdigit()
            )


def test_neutralise_cell() -> None:
    assert neutralise_cell("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise_cell("+13 points") == "'+13 points"
    assert neutralise_cell("@cmd") == "'@cmd"
    assert neutralise_cell("-5") == "-5"
    assert neutralise_cell(-5) == -5
    assert neutralise_cell("plain") == "plain"


def test_export_file_names_are_dated() -> None:
    day = dt.date(2026, 11, 30)
    assert export_filename("pdf", day) == "ice-pick-scar-summary-2026-11-30.pdf"
    assert export_filename("markdown", day) == "ice-pick-scar-summary-2026-11-30.md"
    assert export_filename("json", day) == "ice-pick-scar-answers-2026-11-30.json"


def test_the_json_export_reads_back_as_the_same_profile() -> None:
    from advisor.export import to_profile_json
    from advisor.profile import profile_from_json

    profile = make_profile(scars={"count": 77, "other_types": ["boxcar"]}, notes="Café ✓ 😀")
    assert profile_from_json(to_profile_json(recommend(profile))) == profile


def test_markdown_keeps_accents_and_symbols_in_notes() -> None:
    text = to_markdown(recommend(make_profile(notes="Café 5 € ✓ 😀")))
    assert "Café 5 € ✓ 😀" in text
