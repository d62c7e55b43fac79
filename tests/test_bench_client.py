"""The load test's browserless visitor really does the journey a person does in a browser."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bench.run import ANSWERS, journey, new_record
from bench.session_client import BrowserlessSession, SessionError
from tests.e2e.conftest import start_server

# starts a real `streamlit run` server: slow, so not part of `pytest -m "not e2e"`
pytestmark = pytest.mark.e2e


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """asyncio.run in its own thread: the browser tests keep an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def server():
    running = start_server()
    yield running
    running.stop()


def test_one_visit_runs_the_whole_journey_without_errors(server) -> None:
    record = new_record()
    run(journey(server.url, False, 0, 1, record, deadline=float("inf")))
    assert record["errors"] == []
    assert len(record["opens"]) == 1 and len(record["latencies"]) == 6
    assert all(0 < t < 30 for t in record["latencies"])


def test_the_client_reads_pages_widgets_and_the_url_like_a_browser(server) -> None:
    async def visit() -> None:
        session = BrowserlessSession(server.url)
        await session.open("compare", ANSWERS.removeprefix("?"))
        try:
            assert "Compare the options" in session.texts
            assert session.widgets["Low cost"].options[int(session.widgets["Low cost"].value)] == (
                "3 · quite a lot"
            ), "the saved priority, read from the element"
            await session.move_slider("Low cost")
            assert session.widgets["Low cost"].value == 4
            await session.move_slider("Low cost", -1)
            assert session.widgets["Low cost"].value == 3
            await session.move_slider("Low cost")
            await session.click("Keep these priorities")
            assert "wc=4" in session.query, "the answer reached the address, as in a browser"
            await session.go_to("Summary")
            assert "Your summary" in session.texts
            with pytest.raises(SessionError, match="no button labelled"):
                await session.click("No such button")
        finally:
            await session.close()

    run(visit())
