from __future__ import annotations

import csv
import datetime as dt
import io

from factories import make_profile
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from advisor.export import escape_markdown, export_filename, neutralise_cell, to_csv, to_markdown
from advisor.recommend import recommend


def test_markdown_has_every_section_and_the_disclaimer() -> None:
    text = to_markdown(
        recommend(make_profile(health={"cold_sores": True})), today=dt.date(2026, 11, 30)
    )
    headings = (  # the dermatologist's part first, then the patient's, the table, the sources
        "## For the dermatologist",
        "## My top options",
        "## Suggested combination plan",
        "## Cautions to discuss",
        "## If I do nothing",
        "## Questions to ask a provider",
        "## All options, best fit first",
        "## Sources",
    )
    places = [text.index(heading) for heading in headings]
    assert places == sorted(places)
    assert "points for" not in text, "no fit arithmetic"
    assert "does not diagnose" in text
    assert "antiviral" in text
    assert "Made on 2026-11-30" in text


def notes_section(markdown: str) -> list[Token]:
    """The tokens a Markdown renderer makes for the notes: from the paragraph that names them
    to the next fact (the patient's questions)."""
    tokens = MarkdownIt("commonmark").parse(markdown)  # raw HTML on, as on many renderers
    start = next(
        i
        for i, t in enumerate(tokens)
        if t.type == "inline" and t.content == "**Notes (own words):**"
    )
    end = next(
        i
        for i, t in enumerate(tokens)
        if i > start and t.type == "inline" and t.content.startswith("**Questions:**")
    )
    return tokens[start + 2 : end - 3]  # after the paragraph's close, before the list


def test_notes_read_as_typed_in_a_plain_editor() -> None:
    notes = "Wedding in June (2027). Cost - maybe $2,000!\nAsk about *numbing* #1"
    text = to_markdown(recommend(make_profile(notes=notes)))
    assert notes in text  # not a backslash in sight
    assert "\\(" not in text.split("**Notes (own words):**")[1]


NOTE_TEXT = (
    st.text(
        st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n`~<>[]#*|!\\"),
        min_size=1,
        max_size=300,
    )
    .map(str.strip)
    .filter(bool)
)


@given(notes=NOTE_TEXT)
@settings(max_examples=150, deadline=None)
def test_notes_never_become_markup(notes: str) -> None:
    """Whatever the notes hold (HTML, links, headings, fences), a renderer shows one plain
    code block with exactly that text, and nothing else in the notes section."""
    rec = recommend(make_profile(notes=notes))
    section = notes_section(to_markdown(rec))
    assert [t.type for t in section] == ["fence"]
    assert section[0].content == rec.profile.notes.strip() + "\n"


def test_notes_with_backtick_fences_cannot_close_the_block() -> None:
    notes = "```\n# Heading\n<img src=x onerror=alert(1)>\n````"
    rendered = MarkdownIt("commonmark").render(to_markdown(recommend(make_profile(notes=notes))))
    assert "<h1>Heading</h1>" not in rendered
    assert "<img" not in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered


def test_escape_markdown_shows_text_literally() -> None:
    text = "<b>x</b> **bold** [link](http://x) # h & more"
    rendered = MarkdownIt("commonmark").render(escape_markdown(text))
    assert rendered == "<p>&lt;b&gt;x&lt;/b&gt; **bold** [link](http://x) # h &amp; more</p>\n"


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
