"""Share links and refreshes must work even as the first request to a new server."""

from __future__ import annotations

from tests.e2e.conftest import start_server, wait_idle


def test_a_share_link_as_the_first_request_after_a_server_start(browser) -> None:
    fresh = start_server()
    try:
        context = browser.new_context()
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(fresh.url + "/summary?n=42&fz=5&notes=bring%20photos")
        wait_idle(tab)
        assert tab.locator('[data-testid="stException"]').count() == 0
        assert tab.locator("h1").first.inner_text() == "Your summary"
        body = tab.inner_text("body")
        assert "about 42" in body
        assert "Fitzpatrick V" in body
        assert tab.locator('[data-testid="stTopNavLink"]').count() == 5, "the navigation is there"
        assert errors == []
        context.close()
    finally:
        fresh.stop()


def test_a_refresh_keeps_every_answer(page, server) -> None:
    page.goto(server.url + "/compare?n=33&d=moderate&wc=5")
    wait_idle(page)
    page.reload()
    wait_idle(page)
    page.get_by_role("link", name="Summary").first.click()
    wait_idle(page)
    body = page.inner_text("body")
    assert "about 33, moderate" in body
    assert "cost 5" in body
    assert "n=33" in page.url
