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


# Every chart's text and drawn marks, with the colour they are painted in (the fill, or the
# stroke of a line), its opacity, and whether it is grey (ink) or a status colour.
CHART_INK = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
  .map(chart => {
    const rgb = c => (c.match(/\\d+(\\.\\d+)?/g) || []).map(Number);
    const painted = s => (s.fill !== 'none' && !s.fill.startsWith('rgba(0, 0, 0, 0)'))
        ? s.fill : s.stroke;
    const ink = [...chart.querySelectorAll(
        'svg g.mark-text > text, svg g.role-mark > path, svg g.role-mark > line')]
        .map(el => { const s = getComputedStyle(el);
                     return {text: el.tagName === 'text', rgb: rgb(painted(s)),
                             what: el.parentElement.getAttribute('class'),
                             opacity: Number(s.opacity)}; })
        .filter(i => i.opacity > 0 && i.rgb.length >= 3 && (i.rgb.length < 4 || i.rgb[3] > 0));
    const back = chart.querySelector('svg path.background');
    return {svg: chart.querySelectorAll('svg').length, ink,
            background: back ? getComputedStyle(back).fill : 'none'};
})"""


def luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: list[float], opacity: float, background: list[float]) -> float:
    """WCAG contrast ratio of a colour painted at this opacity over the background."""
    seen = [opacity * c + (1 - opacity) * b for c, b in zip(colour, background, strict=False)]
    light, dark = sorted((luminance(seen), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def channels(css: str) -> list[int]:
    return [int(float(c)) for c in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]


@pytest.mark.parametrize(
    "scheme",
    [
        "light",
        "dark",
    ],
)
def test_both_themes_are_applied_and_charts_follow(browser, server, scheme: str) -> None:
    """The page takes the browser's light or dark scheme, and so does every chart: the text
    and every grey mark (the ink; status colours are the same in both themes) stand out from
    the page by at least 3:1, the WCAG minimum for graphics, and no chart paints a background
    of its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    goto(tab, f"{server.url}/compare{ANSWERS}")
    background = channels(
        tab.evaluate(
            "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]'))"
            ".backgroundColor"
        )
    )
    assert (sum(background) < 100) == (scheme == "dark")
    # Vega draws after the page has settled; on a busy machine that can take a while
    tab.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                 .filter(c => c.querySelector('svg g.role-mark')).length >= 2""",
        timeout=30_000,
    )
    charts = tab.evaluate(CHART_INK)
    assert len(charts) == 2, "the fit and the limits charts"
    faint = set()
    for n, chart in enumerate(charts):
        assert chart["svg"] == 1, "drawn as SVG, so its colours can be read"
        assert chart["background"] in ("none", "transparent", "rgba(0, 0, 0, 0)"), n
        texts = [i for i in chart["ink"] if i["text"]]
        greys = [i for i in chart["ink"] if max(i["rgb"][:3]) - min(i["rgb"][:3]) <= 16]
        assert texts, f"chart {n} draws its labels"
        for item in texts + greys:
            ratio = contrast(item["rgb"], item["opacity"], background)
            if ratio < 3:
                faint.add((n, item["what"], tuple(item["rgb"][:3]), round(ratio, 2)))
    assert not faint, f"chart ink that does not stand out from the {scheme} page: {sorted(faint)}"
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
