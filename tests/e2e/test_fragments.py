"""Only what changed reruns: the messages the server sends after an interaction name the parts
of the page they redraw (each delta's path), so the test reads them off the websocket. A run
of app.py (the questionnaire state, the URL) would redraw the title and the footer too."""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from advisor.profile import Profile
from advisor.recommend import recommend
from tests.e2e.conftest import wait_idle
from tests.e2e.helpers import goto

pytestmark = pytest.mark.e2e
MAIN = 0  # the main area's delta paths start with 0 (the sidebar's with 1; there is none)


class Deltas:
    """The paths of the page elements the server redraws, read from the websocket."""

    def __init__(self, tab) -> None:
        self.paths: list[tuple[int, ...]] = []
        tab.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "delta":
            self.paths.append(tuple(message.metadata.delta_path))

    def roots(self) -> set[tuple[int, ...]]:
        return {path[:2] for path in self.paths}


def test_a_what_if_slider_reruns_only_the_comparison(page, server) -> None:
    deltas = Deltas(page)
    goto(page, f"{server.url}/compare")
    page.wait_for_timeout(500)
    before = deltas.roots()
    assert len(before) >= 4, "a full run draws the title, the messages, the comparison, the footer"
    page.get_by_text("What if?").first.click()  # folded away at first
    deltas.paths.clear()
    slider = page.get_by_role("slider").nth(1)  # the "Low cost" priority
    slider.focus()
    slider.press("ArrowRight")
    wait_idle(page)
    page.wait_for_timeout(500)
    after = deltas.roots()
    assert after, "the comparison was redrawn"
    assert len(after) == 1 and next(iter(after))[0] == MAIN, after
    assert after < before, "only the comparison block: not the title, the footer or the URL state"
    assert (MAIN, 0) not in after
    assert "You are trying other priorities" in page.inner_text("body")


def test_choosing_another_option_in_why_reruns_only_that_section(page, server) -> None:
    deltas = Deltas(page)
    goto(page, f"{server.url}/compare")
    page.wait_for_timeout(500)
    deltas.paths.clear()
    choose = page.get_by_role("combobox", name="Choose an option")
    choose.scroll_into_view_if_needed()
    choose.click()
    second = recommend(Profile()).ranking.options[1].name  # the page opens with the defaults
    choose.fill(second)
    choose.press("Enter")
    wait_idle(page)
    page.wait_for_timeout(500)
    assert deltas.paths and all(path[0] == MAIN for path in deltas.paths)
    blocks = {path[:3] for path in deltas.paths}
    # one block inside the comparison: the why section, not the table or the charts around it
    assert len(blocks) == 1 and all(len(path) >= 3 for path in deltas.paths), blocks
    assert f"Why {second} is number 2" in page.inner_text("body")
