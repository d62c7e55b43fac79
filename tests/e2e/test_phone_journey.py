"""The phone journey of a 19-year-old at 390 x 844, with taps only: answer the four steps,
tap every help icon without changing an answer, read the answer first on Compare, open the
glossary entry for a treatment there, and reach the Summary with a button."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from advisor.profile import Profile
from advisor.recommend import recommend
from advisor.summary import top_options
from tests.e2e.conftest import wait_idle

PHONE = {"width": 390, "height": 844}


def tap(tab, locator) -> None:
    locator.tap()
    wait_idle(tab)


def answers(tab) -> dict[str, list[str]]:
    """The answers as the address holds them (every non-default answer is there)."""
    return parse_qs(urlparse(tab.url).query)


def ticks(tab) -> list[bool]:
    boxes = tab.locator('[data-testid="stCheckbox"] input')
    return [boxes.nth(n).is_checked() for n in range(boxes.count())]


def tap_every_help_icon(tab) -> int:
    """Tap each '?' on the step; nothing about the answers may change. Returns how many."""
    before, boxes = answers(tab), ticks(tab)
    icons = tab.locator('[data-testid="stMain"] [data-testid="stTooltipIcon"]')
    count = icons.count()
    for n in range(count):
        icons.nth(n).tap()
        tab.wait_for_timeout(150)
    wait_idle(tab)
    assert answers(tab) == before, "a help icon changed an answer"
    assert ticks(tab) == boxes, "a help icon ticked or unticked a box"
    return count


def step_up(tab, label: str, times: int) -> None:
    number = tab.locator('[data-testid="stNumberInput"]', has_text=label)
    button = number.locator('[data-testid="stNumberInputStepUp"]')
    for _ in range(times):
        tap(tab, button)


def step_down(tab, label: str, times: int) -> None:
    number = tab.locator('[data-testid="stNumberInput"]', has_text=label)
    button = number.locator('[data-testid="stNumberInputStepDown"]')
    for _ in range(times):
        tap(tab, button)


def in_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def next_step(tab, number: int) -> None:
    """Tap Next: the new step opens at its top, its first question in view (it used to open
    where Next was, below the budget and the deadline)."""
    tap(tab, tab.get_by_role("button", name="Next"))
    tab.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop < 5")
    assert in_first_screen(tab.get_by_text(f"Step {number} of 4", exact=False))


def answer_four_steps(tab) -> int:
    """About 20 ice pick scars and some rolling ones, brown skin that darkens easily,
    $1,500. Returns the number of help icons tapped on the way."""
    helps = tap_every_help_icon(tab)
    step_up(tab, "About how many ice pick scars", 8)  # 12 -> 20
    tap(tab, tab.locator('[data-testid="stMultiSelect"]', has_text="other kinds").locator("input"))
    tap(tab, tab.get_by_role("option", name="Rolling"))
    tap(tab, tab.get_by_text("Step 1 of 4"))  # closes the open list
    next_step(tab, 2)

    helps += tap_every_help_icon(tab)
    tap(tab, tab.get_by_text("Brown skin: very rarely burns, tans very easily (type V)"))
    tap(tab, tab.get_by_text("Pimples or cuts often leave dark marks on my skin"))
    next_step(tab, 3)

    helps += tap_every_help_icon(tab)
    next_step(tab, 4)

    helps += tap_every_help_icon(tab)
    step_down(tab, "What is your total budget", 15)  # $3,000 -> $1,500
    return helps


def test_the_phone_journey_with_taps_only(browser, server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(server.url)
    wait_idle(tab)
    tap(tab, tab.get_by_role("button", name="Begin"))
    assert "Step 1 of 4" in tab.inner_text("body")

    helps = answer_four_steps(tab)
    assert helps >= 10, "every question keeps its help"
    got = answers(tab)
    assert got["n"] == ["20"] and got["ot"] == ["rolling"] and got["bud"] == ["1500"]
    assert got["fz"] == ["5"] and got["dm"] == ["1"]
    tap(tab, tab.get_by_role("button", name="See my comparison"))

    # Compare leads with the answer: the sentence and the top three inside the first screen
    profile = Profile.model_validate(
        {"scars": {"count": 20, "other_types": ["rolling"]},
         "skin": {"fitzpatrick": 5, "dark_marks_after_injury": True},
         "preferences": {"budget_usd": 1500}}
    )  # fmt: skip
    top = top_options(recommend(profile))
    main = tab.locator('[data-testid="stMain"]')
    sentence = main.get_by_text(re.compile(r"fits best \(fit \d+ of 100"))
    assert in_first_screen(sentence)
    assert top[0].name in sentence.inner_text()
    cards = main.locator('[data-testid="stMarkdownContainer"]', has_text=re.compile(r"Fit \d+ of"))
    assert cards.count() == 3
    for n, option in enumerate(top):
        assert option.name.split(" (")[0] in cards.nth(n).inner_text()
        assert in_first_screen(cards.nth(n)), f"card {n + 1} is below the first screen"

    # the glossary entry for TCA CROSS, from Compare: under the top three, or under the table
    names = [o.name for o in top]
    label = "What these options are" if "TCA CROSS" in names else "Words in this table"
    tap(tab, main.locator('[data-testid="stExpander"] summary', has_text=label).first)
    assert "strong TCA only inside each scar" in main.inner_text()

    tap(tab, main.get_by_role("button", name="Go to my summary"))
    assert "Your summary" in tab.inner_text("body")
    assert tab.url.split("?")[0].endswith("/summary")
    assert errors == []
    context.close()
