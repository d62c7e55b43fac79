"""Every control the app places is at least 24 x 24 CSS px (WCAG 2.2, 2.5.8) on a phone and on
a desktop. Streamlit's own parts (tests/e2e/tap_targets.py lists them) are reported, not
failed: the README gives their sizes."""

from __future__ import annotations

import pytest

from tests.e2e.tap_targets import PAGES, measure_app, report


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}], ids=str
)
def test_every_control_the_app_places_is_at_least_24_px(browser, server, viewport) -> None:
    targets = measure_app(browser, server.url, viewport)
    print(f"\n{viewport['width']} px wide\n{report(targets)}")  # the measurements, with -s
    assert {t.page for t in targets} == {p or "start" for p in PAGES}
    ours = [t for t in targets if t.owner == "app"]
    assert len(ours) > 60, "buttons, choices, tick boxes, sections, tabs on five pages"
    small = [f"{t.page}: {t.part} '{t.name}' {t.width} x {t.height}" for t in ours if t.too_small]
    assert small == [], "\n".join(small)
