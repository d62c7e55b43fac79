"""Small helpers for driving the real app in Chromium."""

from __future__ import annotations

from tests.e2e.conftest import wait_idle


def goto(tab, url: str) -> None:
    tab.goto(url)
    wait_idle(tab)


def click(tab, role: str, name: str, exact: bool = True) -> None:
    tab.get_by_role(role, name=name, exact=exact).first.click()
    wait_idle(tab)


def nav(tab, title: str) -> None:
    tab.locator('[data-testid="stTopNavLink"]', has_text=title).first.click()
    wait_idle(tab)


def type_number(tab, label: str, value: str) -> None:
    """Type into the number box with this label and press Enter, as a person does."""
    box = tab.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter")
    wait_idle(tab)


def open_section(tab, label: str) -> None:
    """Open a collapsed section (an expander drawn only once opened)."""
    tab.locator('[data-testid="stExpander"] summary', has_text=label).first.click()
    wait_idle(tab)


def body(tab) -> str:
    return tab.inner_text("body")


def no_exceptions(tab) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0, body(tab)[:2000]


def tab_until(tab, script: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JS predicate `script` (on `el`)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"() => {{ const el = document.activeElement; return !!({script}); }}"):
            return
    raise AssertionError(f"Tab never reached an element where {script}")
