"""Ready to decide, the whole path in the browser: hope for a complete change, see the kind
note on Compare, take the knowledge check, lean towards an option, answer the SURE test with
one "no", see the right pointer on the Summary and in the downloaded PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader

from advisor.decision import SURE_ITEMS
from advisor.quiz import knowledge_check
from tests.e2e.conftest import wait_idle
from tests.e2e.helpers import nav


def test_expectations_knowledge_leaning_and_sure_reach_the_summary_and_the_pdf(
    page, server
) -> None:
    page.goto(server.url + "/profile")
    wait_idle(page)
    for _ in range(3):
        page.get_by_role("button", name="Next").click()
        wait_idle(page)
    page.get_by_text("The scars gone completely", exact=True).click()
    wait_idle(page)
    page.get_by_role(
        "radiogroup", name="How much do your scars affect your daily life?"
    ).get_by_text("A lot", exact=True).click()
    wait_idle(page)
    page.get_by_role("button", name="See my comparison").click()
    wait_idle(page)
    assert "No treatment makes ice pick scars disappear completely" in page.inner_text("body")

    nav(page, "Learn")
    page.get_by_role("tab", name="Check what you know").click()
    wait_idle(page)
    first = knowledge_check()[0]
    page.get_by_text(first.choices[first.answer], exact=True).first.click()
    wait_idle(page)
    assert "Right." in page.inner_text("body")

    nav(page, "Summary")
    leaning = page.get_by_role("combobox", name="Which option are you leaning towards?")
    leaning.click()
    leaning.fill("TCA CROSS")
    page.keyboard.press("Enter")
    wait_idle(page)
    for key, question in SURE_ITEMS.items():
        answer = "No" if key == "enough_support" else "Yes"
        page.get_by_role("radiogroup", name=question).get_by_text(answer, exact=True).click()
        wait_idle(page)
    text = page.inner_text("body")
    assert "You answered Yes to 3 of 4." in text
    assert "For support and advice" in text
    assert "leaning=tca_cross" in page.url or "tca_cross" in page.url

    with page.expect_download() as download:
        page.get_by_role("button", name="PDF summary").click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    pdf = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Leaning towards TCA CROSS" in pdf and "3 of 4 yes" in pdf
    assert "For support and advice" in pdf
    assert "No treatment makes ice pick scars disappear completely" in pdf
