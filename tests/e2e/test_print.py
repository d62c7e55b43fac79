"""Printing the Summary page from the browser gives the handout's order, without navigation,
buttons or other controls."""

from __future__ import annotations

from tests.e2e.conftest import wait_idle

ANSWERS = "?n=20&ot=rolling&fz=5&dm=1&hsv=1&concern=Pits%20in%20photos"


def test_the_printed_summary_has_the_handouts_order_and_no_controls(page, server) -> None:
    page.goto(f"{server.url}/summary{ANSWERS}")
    wait_idle(page)
    page.emulate_media(media="print")
    text = page.inner_text('[data-testid="stMain"]')
    order = [
        "For your dermatologist",
        "Pits in photos",
        "Your top options",
        "Suggested combination plan",
        "Cautions to discuss",
        "Questions to ask a provider",
    ]
    places = [text.index(heading) for heading in order]
    assert places == sorted(places)
    for testid in ("stHeader", "stDownloadButton", "stBaseButton-secondary", "stPopover"):
        hidden = f'[data-testid="{testid}"]'
        for n in range(page.locator(hidden).count()):
            assert not page.locator(hidden).nth(n).is_visible(), hidden
    page.emulate_media(media="screen")
    assert page.locator('[data-testid="stDownloadButton"]').first.is_visible()
