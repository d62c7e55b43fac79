"""Phone width, both themes, and screenshots of every page for people to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, wait_idle
from tests.e2e.helpers import body, goto, no_exceptions

PAGES = ["", "profile", "compare", "learn", "summary"]
ANSWERS = "?n=20&ot=rolling&fz=5&dm=1&hsv=1&notes=Wedding%20in%20June"
PHONE = {"width": 390, "height": 844}
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "shots"))


OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const main = document.querySelector('[data-testid="stMain"]');
    const clipped = el => {  // inside a box that scrolls or clips sideways (tables, tab bars)
        for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
    };
    const out = [];
    main.querySelectorAll('*').forEach(el => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return;
        if (el.type === 'file' || r.right <= width + 1 || clipped(el)) return;
        const id = el.getAttribute('data-testid') || '';
        out.push(`${el.tagName}.${id} right=${Math.round(r.right)}`);
    });
    return out.slice(0, 10);
}"""


def overflowing(tab) -> list[str]:
    """Visible elements in the main area that stick out past the right edge of the screen."""
    return tab.evaluate(OVERFLOWING)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_fits_a_phone_without_sideways_scrolling(browser, server, path: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    goto(tab, f"{server.url}/{path}{ANSWERS}")
    no_exceptions(tab)
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert overflowing(tab) == []
    context.close()


def test_on_a_phone_the_questionnaire_table_and_charts_are_usable(browser, server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    goto(tab, f"{server.url}/profile{ANSWERS}")
    next_button = tab.get_by_role("button", name="Next")
    box = next_button.bounding_box()
    assert box and box["width"] >= 150 and box["height"] >= 36, "a thumb-sized Next button"
    next_button.tap()
    wait_idle(tab)
    assert "Step 2 of 4" in body(tab)

    goto(tab, f"{server.url}/compare{ANSWERS}")
    table = tab.locator("table.adv-table").first
    box = table.bounding_box()
    assert box and box["width"] <= PHONE["width"] and box["height"] > 300
    first_row = table.locator("tbody tr").first
    assert first_row.evaluate("r => getComputedStyle(r).display") == "block", "a card per option"
    label = first_row.locator("td").first.evaluate("c => getComputedStyle(c, '::before').content")
    assert label.strip('"') == "Rank", "each value says what it is"
    charts = tab.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == 2, "drawn at once, on a phone too"
    for n in range(charts.count()):
        chart = charts.nth(n)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box and 300 <= box["width"] <= PHONE["width"] and box["height"] > 150, n
    wide = tab.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, "nothing overflows sideways with the charts on screen"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_themes_are_applied_and_charts_follow(browser, server, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    goto(tab, f"{server.url}/compare{ANSWERS}")
    background = tab.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"
    )
    channels = [
        int(c) for c in background[background.index("(") + 1 : background.index(")")].split(",")[:3]
    ]
    dark_background = sum(channels) < 100
    assert dark_background == (scheme == "dark")
    label_fill = tab.evaluate(
        """() => { const t = document.querySelector('[data-testid="stVegaLiteChart"] svg text');
                   return t ? getComputedStyle(t).fill || t.getAttribute('fill') : null; }"""
    )
    assert label_fill, "charts draw their text"
    rgb = [int(c) for c in label_fill[label_fill.index("(") + 1 : label_fill.index(")")].split(",")]
    text_lighter = sum(rgb[:3]) > sum(channels)
    assert text_lighter == (scheme == "dark"), "chart labels follow the theme: light on dark"
    context.close()


def test_screenshots_of_every_page_at_desktop_and_phone_width(browser, server) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in {"desktop": {"width": 1366, "height": 900}, "phone": PHONE}.items():
        context = browser.new_context(viewport=viewport)
        tab = context.new_page()
        for path in PAGES:
            goto(tab, f"{server.url}/{path}{ANSWERS}")
            # Streamlit scrolls inside its own container, so grow the window to the content
            height = tab.evaluate(
                "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
            )
            tab.set_viewport_size({"width": viewport["width"], "height": min(height + 40, 16000)})
            tab.wait_for_timeout(1000)
            file = SHOTS / f"{path or 'start'}-{label}.png"
            tab.screenshot(path=str(file))
            assert file.stat().st_size > 10_000
            tab.set_viewport_size(viewport)
        context.close()
