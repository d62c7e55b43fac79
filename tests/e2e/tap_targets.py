"""Tap target sizes (WCAG 2.2, 2.5.8: at least 24 x 24 CSS px) of every control on every page.

Run it to see the report: `.venv/bin/python -m tests.e2e.tap_targets` (starts the app on a free
port, measures at phone and desktop width). tests/e2e/test_tap_targets.py checks the controls
the app places; the ones inside Streamlit's own widgets are reported, and listed in the README.

A radio button's or a checkbox's target is its whole label (the input itself is hidden), so the
label is measured. A control is Streamlit's own when it sits inside one of Streamlit's widgets
and the app cannot size it: a help "?", a number box's - and + buttons, a slider's handle, the
top navigation and menus.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

MINIMUM_PX = 24
PAGES = ("", "profile", "compare", "learn", "summary")
ANSWERS = "?n=20&ot=rolling&fz=5&dm=1&bud=1500&dt=3"

# Streamlit's own parts the app cannot size (data-testid of the control or of an ancestor)
STREAMLIT_OWN = {
    "stTooltipIcon": "help icon (?)",
    "stNumberInputStepDown": "number box - button",
    "stNumberInputStepUp": "number box + button",
    "stSliderThumb": "slider handle",
    "stHeader": "top navigation",
    "stToolbar": "menu",
    "stTopNavLink": "top navigation link",
    "stMultiSelectClearButton": "clear all button",
    "stMultiSelectTag": "remove-choice cross",
    "stElementToolbar": "element toolbar",
    "stElementToolbarButton": "element toolbar",
    "stSidebarNavLink": "navigation menu link",
    "stSlider": "slider track",
    "stTabsScrollRight": "tab scroll arrow",
    "stMultiSelectTagsContainer": "remove-choice cross",
    "stSelectArrow": "open-list arrow in a list box",
}
# not controls to tap: the page's scroll area, and the skip link, which shows only on focus
NOT_TARGETS = ("stMain", "stSkipToContent")

MEASURE = """([own, skip]) => {
  const selector = 'button, a[href], summary, input:not([type=hidden]), select, textarea,'
    + ' [role=button], [role=tab], [role=link], [role=switch], [role=slider], [role=option],'
    + ' [tabindex="0"]';
  const seen = new Set();
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    let target = el;
    if (el.tagName === 'INPUT' && ['radio', 'checkbox'].includes(el.type)) {
      target = el.closest('label') || el;
    }
    const select = el.closest('[data-testid="stMultiSelect"], [data-testid="stSelectbox"]');
    if (el.tagName === 'INPUT' && select) {  // the whole box opens the list, not just the text
      target = select.querySelector('[data-baseweb="select"]') || el;
    }
    if (seen.has(target)) continue;
    seen.add(target);
    const rect = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
    if (rect.right <= 0 || rect.left >= innerWidth) continue;  // a closed menu, off screen
    const own_id = target.getAttribute('data-testid');
    if (skip.includes(own_id)) continue;
    if (target.closest('[aria-hidden="true"]')) continue;
    let owner = 'app', part = '';
    for (let node = target; node && node !== document.body; node = node.parentElement) {
      const id = node.getAttribute && node.getAttribute('data-testid');
      if (id && own.includes(id)) { owner = 'streamlit'; part = id; break; }
    }
    const box = select && select.querySelector('[data-baseweb="select"]');
    if (owner === 'app' && box && box.contains(target) && target !== box) {
      owner = 'streamlit'; part = 'stSelectArrow';  // inside a box that opens as a whole
    }
    const testid = (target.closest('[data-testid]') || target).getAttribute('data-testid');
    const name = (target.getAttribute('aria-label') || target.innerText || target.value || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 50);
    out.push({owner, part: part || testid || target.tagName.toLowerCase(), name,
              width: Math.round(rect.width * 10) / 10, height: Math.round(rect.height * 10) / 10});
  }
  return out;
}"""


@dataclass(frozen=True)
class Target:
    page: str
    owner: str  # "app" or "streamlit"
    part: str  # data-testid of the control (or of Streamlit's part it belongs to)
    name: str
    width: float
    height: float

    @property
    def too_small(self) -> bool:
        return self.width < MINIMUM_PX or self.height < MINIMUM_PX


def open_everything(tab) -> None:
    """Open folded sections so that the controls inside them are measured too."""
    from tests.e2e.conftest import wait_idle

    for summary in tab.locator('[data-testid="stMain"] [data-testid="stExpander"] summary').all():
        summary.click()
        wait_idle(tab)


def measure(tab, page: str) -> list[Target]:
    """Every visible control on the page as it is now."""
    rows = tab.evaluate(MEASURE, [list(STREAMLIT_OWN), list(NOT_TARGETS)])
    return [Target(page=page, **row) for row in rows]


def measure_app(browser, url: str, viewport: dict[str, int]) -> list[Target]:
    """Every page of the app at this size, with its folded sections opened."""
    from tests.e2e.conftest import wait_idle

    context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 640,
                                  has_touch=viewport["width"] < 640)  # fmt: skip
    tab = context.new_page()
    found: list[Target] = []
    for page in PAGES:
        tab.goto(f"{url}/{page}{ANSWERS}")
        wait_idle(tab)
        open_everything(tab)
        found += measure(tab, page or "start")
    context.close()
    return found


def report(targets: list[Target]) -> str:
    """One line per kind of control: how many, the smallest size, and whose it is."""
    groups: dict[tuple[str, str], list[Target]] = {}
    for t in targets:
        groups.setdefault((t.owner, STREAMLIT_OWN.get(t.part, t.part)), []).append(t)
    lines = [f"{'owner':<10} {'control':<28} {'count':>5}  smallest (w x h px)  under 24 px"]
    for (owner, part), items in sorted(groups.items()):
        small = min(items, key=lambda t: min(t.width, t.height))
        under = sum(t.too_small for t in items)
        lines.append(
            f"{owner:<10} {part:<28} {len(items):>5}  {small.width:>6} x {small.height:<6}"
            f"        {under}"
        )
    return "\n".join(lines)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, start_server

    chromium = chromium_path()
    if chromium is None:
        sys.exit("Chromium not found: apt-get install -y chromium")
    server = start_server()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for label, viewport in (
                ("phone 390 x 844", {"width": 390, "height": 844}),
                ("desktop 1280 x 900", {"width": 1280, "height": 900}),
            ):
                print(f"\n{label}\n{report(measure_app(browser, server.url, viewport))}")
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
