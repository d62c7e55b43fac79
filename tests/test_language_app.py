"""The language and currency choices in the app: answers kept, amounts kept in US dollars."""

from __future__ import annotations

from factories import make_profile
from test_app import open_page, shown_text

from advisor.profile import Profile


def _step_4(profile: Profile):
    at = open_page("pages/profile.py", profile)
    for _ in range(3):
        next(b for b in at.button if b.label in ("Next", "Siguiente")).click().run()
    return at


def test_a_budget_typed_in_euros_is_kept_in_us_dollars() -> None:
    at = _step_4(make_profile(preferences={"currency": "EUR", "budget_usd": 3000}))
    box = at.number_input(key="money:preferences.budget_usd")
    assert box.value == 2760, "3,000 US dollars at 0.92 (data/currencies.toml)"
    box.set_value(920).run()
    assert at.session_state["profile"].preferences.budget_usd == 1000


def test_switching_language_keeps_every_answer() -> None:
    profile = make_profile(scars={"count": 33}, notes="mis notas", preferences={"currency": "MXN"})
    at = open_page("pages/summary.py", profile)
    at.button(key="language_es").click().run()
    after = at.session_state["profile"]
    assert after.language == "es"
    assert after.model_copy(update={"language": "en"}) == profile
    assert at.title[0].value == "Su resumen"
    # and back (a new AppTest: after a switch, AppTest reruns the page without app.py, where
    # the switch is drawn; the browser test goes there and back in one tab)
    at = open_page("pages/summary.py", after)
    at.button(key="language_en").click().run()
    assert at.session_state["profile"] == profile
    assert at.title[0].value == "Your summary"


def test_each_page_with_costs_says_once_that_they_are_converted() -> None:
    note = "Costs are converted from US prices"
    for page in ("pages/compare.py", "pages/learn.py", "pages/summary.py"):
        euros = shown_text(open_page(page, make_profile(preferences={"currency": "EUR"})))
        assert euros.count(note) == 1, page
        if page != "pages/learn.py":  # Learn's prices are inside its option tabs
            assert "€" in euros and "$" not in euros.split("converted")[1], page
        assert note not in shown_text(open_page(page, make_profile())), page


def test_the_budget_box_keeps_its_value_after_another_page() -> None:
    at = _step_4(make_profile(preferences={"currency": "MXN", "budget_usd": 1000}))
    at.number_input(key="money:preferences.budget_usd").set_value(25000).run()
    at.switch_page("pages/compare.py").run()
    at.switch_page("pages/profile.py").run()
    box = at.number_input(key="money:preferences.budget_usd")
    assert box.value == 25000, "not 0: Streamlit forgets a box on a page left behind"
    budget = at.session_state["profile"].preferences.budget_usd
    assert round(budget * 18.5) == 25000, "kept to the cent, so it comes back as typed"


def test_a_download_is_made_in_the_language_the_page_was_drawn_in() -> None:
    from advisor.i18n import _, current_language, language
    from advisor.money import currency
    from advisor.words import money
    from ui.language import in_answers_language

    with language("es"), currency("EUR"):
        make = in_answers_language(lambda: (current_language(), _("Your summary"), money(1000)))
    # pressed later, outside the page's run, where the defaults are English and dollars
    assert make() == ("es", "Su resumen", "920\xa0€")


def test_spanish_money_follows_the_region_its_currency_says() -> None:
    from advisor.i18n import language
    from advisor.money import currency
    from advisor.words import money

    with language("es"), currency("MXN"):
        assert money(1000) == "$18,500", "Mexico writes 18,500 pesos with a comma"
    with language("es"), currency("EUR"):
        assert money(10000) == "9.200\xa0€", "Spain writes 9.200 €"
