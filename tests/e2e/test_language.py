"""Switching language keeps every answer; a Spanish link opens in Spanish."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import wait_idle
from tests.e2e.helpers import body, goto, no_exceptions

ANSWERS = "?n=20&ot=rolling&fz=5&dm=1&bud=2000&notes=Boda%20en%20junio&cur=EUR"


def answers(tab) -> dict[str, list[str]]:
    """The answers in the address, without the language (which is what changes)."""
    query = parse_qs(urlparse(tab.url).query)
    query.pop("lang", None)
    return query


def switch(tab, name: str) -> None:
    tab.get_by_role("button", name=name, exact=True).click()
    wait_idle(tab)
    no_exceptions(tab)


def test_a_filled_in_profile_switches_to_spanish_and_back_keeping_every_answer(
    browser, page, server
) -> None:
    goto(page, f"{server.url}/summary{ANSWERS}")
    before = answers(page)
    assert page.locator("h1").first.inner_text() == "Your summary"
    switch(page, "Español")
    assert page.locator("h1").first.inner_text() == "Su resumen"
    text = body(page)
    assert "Boda en junio" in text, "the notes are kept as typed"
    assert "€" in text and "$" not in text.split("Idioma")[1], "costs in euros"
    assert answers(page) == before, "every answer kept"
    assert parse_qs(urlparse(page.url).query)["lang"] == ["es"]
    spanish_link = page.url

    switch(page, "English")
    assert page.locator("h1").first.inner_text() == "Your summary"
    assert answers(page) == before

    context = browser.new_context()  # a fresh tab, as the person the link was sent to
    tab = context.new_page()
    goto(tab, spanish_link)
    no_exceptions(tab)
    assert tab.locator("h1").first.inner_text() == "Su resumen"
    assert "Boda en junio" in body(tab)
    context.close()


def test_a_spanish_browser_gets_spanish_on_a_first_visit(browser, server) -> None:
    context = browser.new_context(locale="es-MX")
    tab = context.new_page()
    goto(tab, server.url)
    no_exceptions(tab)
    assert "lang=es" in tab.url and "cur=MXN" in tab.url, "Spanish, and pesos for Mexico"
    assert tab.get_by_role("button", name="Español", exact=True).is_disabled()
    context.close()
