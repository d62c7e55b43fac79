"""axe-core on every page, in the light and the dark theme: no serious or critical WCAG 2.1 A/AA
violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import wait_idle

PAGES = ["", "profile", "compare", "learn", "summary"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
ANSWERS = "?n=20&ot=rolling&fz=5&dm=1&hsv=1&notes=Wedding%20in%20June"


def serious_violations(tab) -> list[str]:
    results = Axe().run(tab, options=WCAG)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(
    browser, server, path: str, scheme: str, size: str
) -> None:
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{server.url}/{path}{ANSWERS}")
    wait_idle(tab)
    for expander in tab.locator('[data-testid="stExpander"] summary').all()[:3]:
        expander.click()  # some sections are drawn only once opened: charts, share link
        wait_idle(tab)
    problems = serious_violations(tab)
    context.close()
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_questionnaire_step_is_accessible(browser, server, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{server.url}/profile{ANSWERS}")
    wait_idle(tab)
    problems = []
    for step in range(4):
        problems += [f"step {step + 1}: {p}" for p in serious_violations(tab)]
        if step < 3:
            tab.get_by_role("button", name="Next").click()
            wait_idle(tab)
    context.close()
    assert problems == []


def test_every_input_has_a_label_and_every_chart_a_text_alternative(page, server) -> None:
    for path in ("profile", "compare", "summary"):
        page.goto(f"{server.url}/{path}{ANSWERS}")
        wait_idle(page)
        unlabeled = page.evaluate(
            """() => [...document.querySelectorAll('input, textarea, select, [role=slider]')]
                .filter(el => el.type !== 'file' && el.type !== 'hidden')
                // a date field's native twin for forms, never focused or seen: people use
                // its labelled year, month and day parts
                .filter(el => !(el.type === 'date' && el.tabIndex < 0))
                .filter(el => !(el.getAttribute('aria-label') || el.labels?.length
                                || el.getAttribute('aria-labelledby')))
                .map(el => el.outerHTML.slice(0, 80))"""
        )
        assert unlabeled == [], path
    page.goto(f"{server.url}/compare{ANSWERS}")
    wait_idle(page)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == 2, "the fit and the four panels, at once"
    labels = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(
            c => (c.querySelector('[aria-label]') || c).getAttribute('aria-label') || '')"""
    )
    assert all(len(label) > 40 for label in labels), labels
    text = page.inner_text("body")
    for summary_start in (
        "Fit for every option, best first",
        "Cost, days of healing per session, sessions and invasiveness of each option",
    ):
        assert summary_start in text, "each chart has its sentence in plain text"
    page.get_by_text("Show as a table").first.click()
    wait_idle(page)
    assert page.locator("table.adv-table").count() == 2, "the chart as a table"
    headers = page.locator("table.adv-table").first.locator('th[scope="col"]').count()
    assert headers >= 10, "the options table has column headers for screen readers"
