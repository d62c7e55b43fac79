"""Whole journeys a person makes, in a real browser."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from advisor.catalog import default_catalog
from advisor.profile import Profile, profile_from_json, profile_to_json
from tests.e2e.conftest import wait_idle
from tests.e2e.helpers import (
    body,
    click,
    goto,
    nav,
    no_exceptions,
    open_section,
    tab_until,
    type_number,
)


def download(tab, label: str, folder: Path) -> bytes:
    with tab.expect_download() as info:
        tab.get_by_role("button", name=label).click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def test_a_new_user_goes_from_questions_to_exports(page, server, tmp_path: Path) -> None:
    goto(page, server.url)
    click(page, "button", "Begin")
    assert "Step 1 of 4" in body(page)

    # Step 1 with clicks and typing
    type_number(page, "About how many ice pick scars do you have?", "30")
    page.get_by_text("Moderate", exact=True).first.click()
    wait_idle(page)
    # the width slider with the keyboard alone
    slider = page.get_by_role("slider").first
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    wait_idle(page)
    click(page, "button", "Next")

    # Step 2: skin type and a tick box
    assert "Step 2 of 4" in body(page)
    page.get_by_text("Light brown skin: rarely burns, tans easily (type IV)", exact=True).click()
    wait_idle(page)
    page.get_by_text("Pimples or cuts often leave dark marks on my skin").click()
    wait_idle(page)
    next_button = page.get_by_role("button", name="Next")
    next_button.focus()
    next_button.press("Enter")  # the keyboard works for buttons too
    wait_idle(page)

    # Step 3
    assert "Step 3 of 4" in body(page)
    page.get_by_text("I get cold sores").click()
    wait_idle(page)
    click(page, "button", "Next")

    # Step 4
    assert "Step 4 of 4" in body(page)
    type_number(page, "What is your total budget, in US dollars?", "5000")
    assert "severity estimate" in body(page).lower()
    click(page, "button", "See my comparison")

    # Compare: the what-if priorities re-rank
    assert "Compare the options" in body(page)
    text = body(page)
    assert "fits best" in text
    fit = re.compile(r"For your answers, (.+?) fits best \(fit (\d+) of 100")
    before = fit.search(text)
    assert before
    page.get_by_text("What if?").first.click()  # the priorities start folded away
    effectiveness, cost = page.get_by_role("slider").nth(0), page.get_by_role("slider").nth(1)
    effectiveness.focus()
    effectiveness.press("Home")
    wait_idle(page)
    cost.focus()
    cost.press("End")
    wait_idle(page)
    text = body(page)
    after = fit.search(text)
    assert after and after.groups() != before.groups(), "the fit follows the priorities"
    assert re.search(r"You are trying other priorities: \d+ options? changed place", text)

    nav(page, "Learn")
    assert all(t.name in body(page) for t in default_catalog().treatments.values())
    nav(page, "Summary")
    text = body(page)
    assert "about 30, moderate" in text
    assert "antiviral" in text
    assert page.locator('[data-testid="stCode"]').count() == 0, "the share link waits to be opened"
    open_section(page, "Show my share link")
    link = page.locator('[data-testid="stCode"]').inner_text()
    assert link.startswith(server.url + "/summary?") and "n=30" in link and "hsv=1" in link
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 1, "the plan timeline"

    saved = profile_from_json(download(page, "Save answers (.json)", tmp_path))
    assert saved.scars.count == 30
    assert saved.scars.depth == "moderate"
    assert saved.scars.width_mm > 1.5
    assert saved.skin.fitzpatrick == 4 and saved.skin.dark_marks_after_injury
    assert saved.health.cold_sores
    assert saved.preferences.budget_usd == 5000

    pdf = PdfReader(io.BytesIO(download(page, "PDF summary", tmp_path)))
    pdf_text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "about 30, moderate" in pdf_text and "antiviral" in pdf_text

    markdown = download(page, "Markdown summary", tmp_path).decode()
    assert "## Questions to ask a provider" in markdown and "about 30, moderate" in markdown

    rows = list(
        csv.DictReader(io.StringIO(download(page, "Table of options (.csv)", tmp_path).decode()))
    )
    assert len(rows) == 14
    assert all(float(r["fit"]) >= 0 for r in rows)
    no_exceptions(page)
    assert page.errors == []


def test_the_questionnaire_can_be_finished_with_the_keyboard_alone(page, server) -> None:
    goto(page, server.url + "/profile")
    for step in range(1, 4):
        if step == 1:
            # move the depth choice with arrow keys (once it is drawn: a busy machine is slow)
            page.get_by_role("radiogroup").first.wait_for()
            tab_until(page, "el.type === 'radio' && el.closest('[role=radiogroup]')")
            page.keyboard.press("ArrowLeft")
            wait_idle(page)
        tab_until(page, "el.tagName === 'BUTTON' && el.innerText.includes('Next')")
        page.keyboard.press("Enter")
        wait_idle(page)
        assert f"Step {step + 1} of 4" in body(page)
    tab_until(page, "el.tagName === 'BUTTON' && el.innerText.includes('See my comparison')")
    page.keyboard.press("Enter")
    wait_idle(page)
    assert "Compare the options" in body(page)
    assert "d=moderate" in page.url
    assert page.errors == []


def test_resume_refresh_share_and_start_over(browser, page, server, tmp_path: Path) -> None:
    saved = Profile.model_validate(
        {"scars": {"count": 88, "depth": "shallow", "other_types": ["boxcar"]},
         "skin": {"fitzpatrick": 6}, "health": {"smoker": True}, "notes": "Ask about numbing"}
    )  # fmt: skip
    file = tmp_path / "answers.json"
    file.write_text(profile_to_json(saved), encoding="utf-8")
    goto(page, server.url)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(file)
    wait_idle(page)
    assert "Your saved answers are back" in body(page)

    nav(page, "Summary")
    assert "about 88, shallow" in body(page)
    page.reload()
    wait_idle(page)
    text = body(page)
    assert "about 88, shallow" in text and "Fitzpatrick VI" in text and "smoker" in text
    notes = page.get_by_label("My concerns and questions for the doctor", exact=True)
    expect(notes).to_have_value("Ask about numbing", timeout=15_000)

    share = page.url
    fresh = browser.new_context()
    other = fresh.new_page()
    goto(other, share)
    text = body(other)
    assert "about 88, shallow" in text and "Fitzpatrick VI" in text and "smoker" in text
    fresh.close()

    page.get_by_role("button", name="Start over").last.click()
    page.get_by_role("button", name="Yes, clear everything").click()
    wait_idle(page)
    text = body(page)
    assert "Ice pick scar treatment advisor" in text and "Begin" in text  # back on Start
    assert "Every answer was cleared." in text
    assert "Your saved answers are back" not in text
    assert "n=88" not in page.url
    nav(page, "Summary")
    assert "about 12, deep" in body(page)
    expect(notes).to_have_value("", timeout=15_000)
    assert page.errors == []


def test_a_bad_upload_shows_the_problem_and_keeps_the_answers(page, server, tmp_path: Path) -> None:
    goto(page, server.url + "/?n=55&d=shallow")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"scars": {"count": 9999}, "mood": "happy"}), encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(bad)
    wait_idle(page)
    text = body(page)
    assert "could not be used, so your current answers were kept" in text
    assert "scars.count" in text and "mood: unknown field" in text
    nav(page, "Summary")
    assert "about 55, shallow" in body(page)
    assert page.errors == []


def test_no_page_shows_an_exception_or_a_javascript_error(page, server) -> None:
    console_errors: list[str] = []
    bad_responses: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on(
        "response",
        lambda r: bad_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith((server.url, "data:", "blob:")) else outside.append(r.url)
        ),
    )
    for path in ("", "profile", "compare", "learn", "summary"):
        goto(
            page,
            f"{server.url}/{path}?n=20&ot=rolling&fz=5&notes=%3Cscript%3Ealert(1)%3C/script%3E",
        )
        no_exceptions(page)
    assert page.errors == []
    assert outside == [], "the app asks nothing of any other host"
    # Streamlit's front end probes /<page>/_stcore/... before it finds the base path; those
    # 404s are the framework's, not errors of this app.
    unexpected = [r for r in bad_responses if "/_stcore/" not in r]
    assert unexpected == []
    assert [e for e in console_errors if not e.startswith("Failed to load resource")] == []
