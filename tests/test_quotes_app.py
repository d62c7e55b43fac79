"""Clinic quotes on the Summary page and in every export: the 20 deep scars case."""

from __future__ import annotations

import csv
import io
import json

from factories import make_profile
from markdown_it import MarkdownIt
from pypdf import PdfReader
from test_app import open_page, shown_text

from advisor.cli import main
from advisor.export import to_csv, to_markdown
from advisor.pdf import build_pdf
from advisor.profile import Profile
from advisor.recommend import recommend

LASER_QUOTE = {
    "treatment": "laser_ablative",
    "sessions": 3,
    "price_usd": 4500,
    "provider": "dermatologist",
}
DEEP = {"count": 20, "depth": "deep"}
EXPECTED = (  # what a dermatologist expects said about 3 CO2 sessions for deep ice pick scars
    "small to medium improvement for ice pick scars",  # rated low for ice pick [S15, S16]
    "your deep scars go deeper",  # beyond the laser's reach
    "Ice pick scars are usually treated one at a time first",  # device only [S35]
)


def _profile(**changes: object) -> Profile:
    return make_profile(scars=DEEP, quotes=[{**LASER_QUOTE, **changes}])


def test_a_quote_entered_on_the_summary_is_checked_there() -> None:
    at = open_page("pages/summary.py", make_profile(scars=DEEP, notes="keep me"))
    at.selectbox(key="quote_treatment").set_value("laser_ablative")
    at.number_input(key="quote_sessions").set_value(3)
    at.number_input(key="quote_price").set_value(4500)
    at.selectbox(key="quote_provider").set_value("aesthetician")
    next(b for b in at.button if b.label == "Check this quote").click()
    at.run()
    assert not at.exception
    profile: Profile = at.session_state["profile"]
    assert [q.treatment for q in profile.quotes] == [
        "laser_ablative"
    ] and profile.notes == "keep me"
    text = shown_text(at).replace("\\", "")
    assert "3 sessions, $4,500 in all, by a beautician (aesthetician)" in text
    assert "within the usual $1,200-$3,500 a session" in text
    assert all(words in text for words in EXPECTED)
    assert "not by a beautician (aesthetician)" in text, "the provider flag"
    assert at.query_params["q"], "the link keeps the quote"
    next(b for b in at.button if b.key == "remove_quote_0").click()
    at.run()
    assert at.session_state["profile"].quotes == []


def test_a_quote_with_an_empty_price_is_refused_in_plain_words() -> None:
    at = open_page("pages/summary.py", make_profile(notes="keep me"))
    at.selectbox(key="quote_treatment").set_value("subcision")
    at.number_input(key="quote_sessions").set_value(4)
    next(b for b in at.button if b.label == "Check this quote").click()
    at.run()
    errors = [e.value for e in at.error]
    assert errors == [
        "That quote was not added. Enter the total price for all the sessions, in US dollars.",
        "That quote was not added. Choose who would do it (or Not sure).",
    ]
    assert at.session_state["profile"].quotes == []
    assert at.number_input(key="quote_sessions").value == 4, "what was entered stays"


def test_ten_quotes_are_the_most() -> None:
    at = open_page("pages/summary.py", make_profile(quotes=[LASER_QUOTE] * 10))
    assert not at.exception
    assert not any(b.label == "Check this quote" for b in at.button)
    assert "You have 10 quotes" in shown_text(at)


def test_the_pdf_markdown_csv_and_json_carry_the_flags_with_their_sources(tmp_path) -> None:
    rec = recommend(_profile())
    pdf = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(
            io.BytesIO(build_pdf(rec, image_cache={}))).pages
    )  # fmt: skip
    assert "Quotes I was given" in pdf
    assert all(words in pdf for words in EXPECTED) and "[S35]" in pdf and "[S15, S16]" in pdf
    markdown = to_markdown(rec)
    section = markdown.split("## Quotes I was given")[1].split("## ")[0]
    html = MarkdownIt("commonmark").render(section)
    assert "<strong>Ablative fractional laser (CO2 or erbium): 3 sessions, $4,500 in all" in html
    assert all(words in section for words in EXPECTED)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(to_csv(rec)))}
    assert "3 sessions, $4,500 in all" in rows["laser_ablative"]["quotes"]
    assert all(words in rows["laser_ablative"]["quote_flags"] for words in EXPECTED)
    assert rows["tca_cross"]["quotes"] == ""
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"scars": DEEP, "quotes": [LASER_QUOTE]}))
    out = tmp_path / "r.json"
    assert main(["recommend", str(path), "-o", str(out)]) == 0
    report = json.loads(out.read_text())["quotes"]
    kinds = [f["kind"] for f in report["quotes"][0]["flags"]] + [f["kind"] for f in report["flags"]]
    assert {"rated_low", "depth", "device_only"} <= set(kinds)
    assert report["quotes"][0]["price"]["position"] == "within"


def test_a_single_scar_treatment_alongside_takes_the_device_only_flag_away() -> None:
    tca = {"treatment": "tca_cross", "sessions": 4, "price_usd": 800, "provider": "dermatologist"}
    rec = recommend(make_profile(scars=DEEP, quotes=[LASER_QUOTE, tca]))
    markdown = to_markdown(rec)
    assert "treated one at a time first" not in markdown
    assert "TCA CROSS: 4 sessions, $800 in all, by a dermatologist" in markdown
