"""The trust panel (who wrote the guide, how it was checked, funding, sources) is one tap
from the footer of the Start page, as from every other page."""

from __future__ import annotations

from tests.e2e.conftest import wait_idle


def test_the_start_pages_footer_opens_the_trust_panel(page, server) -> None:
    page.goto(server.url)
    wait_idle(page)
    page.get_by_role("button", name="About this guide").click()
    wait_idle(page)
    assert page.url.split("?")[0].endswith("/learn")
    text = page.inner_text("body")
    assert "Who wrote it" in text and "not yet reviewed by a dermatologist" in text
    assert "Funding" in text and "Last review of each treatment" in text
