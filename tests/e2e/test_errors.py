"""A page that fails shows a short message in the browser and one line in the server's log:
never a traceback, a server path or the exception's message (which can quote an answer)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Server, start_server, wait_idle
from tests.e2e.helpers import body, goto, nav, no_exceptions

pytestmark = pytest.mark.e2e

COPIED = ("app.py", "pages", "ui", "advisor", "data", "assets", ".streamlit")
SECRET = "wedding-in-june-2027"
FRIENDLY = "Something went wrong on this page. Your answers are kept."

# Learn fails while it is drawn; Summary fails in a button's callback, which runs before
# app.py and so reaches Streamlit's own handler (client.showErrorDetails = "none").
BROKEN_LEARN = """
import streamlit as st
from ui.nav import ensure_routed

ensure_routed()
st.title("Learn")
raise RuntimeError("answer {secret} read from {path}")
"""
BROKEN_SUMMARY = """
import streamlit as st
from ui.nav import ensure_routed

ensure_routed()
st.title("Your summary")


def fail():
    raise RuntimeError("answer {secret} read from {path}")


st.button("Break", on_click=fail)
"""


@pytest.fixture(scope="module")
def broken_app(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A copy of the app whose Learn and Summary pages fail, served by `streamlit run`."""
    folder = tmp_path_factory.mktemp("broken_app")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    path = folder / "data" / "answers.json"
    for page, text in (("learn", BROKEN_LEARN), ("summary", BROKEN_SUMMARY)):
        (folder / "pages" / f"{page}.py").write_text(text.format(secret=SECRET, path=path))
    running = start_server(cwd=folder)
    running.folder = folder
    yield running
    running.stop()


@pytest.fixture
def tab(browser, broken_app: Server) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def log_of(server: Server, wanted: str, timeout: float = 10) -> str:
    """The server's log so far, once it contains `wanted` (or after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        text = server.log.read_text(encoding="utf-8", errors="replace")
        if wanted in text or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def assert_nothing_leaks(text: str, folder: Path) -> None:
    for leak in ("Traceback", 'File "', str(folder), str(ROOT), "/tmp/", SECRET, "RuntimeError"):
        assert leak not in text, f"{leak!r} shown to the user:\n{text[:2000]}"


def test_a_failing_page_shows_a_short_message_and_logs_only_type_and_place(
    tab, broken_app: Server
) -> None:
    goto(tab, broken_app.url + "/learn")
    text = body(tab)
    assert FRIENDLY in text
    assert "Try again, or go back to Start." in text
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert_nothing_leaks(text, broken_app.folder)

    log = log_of(broken_app, "failed: RuntimeError")
    assert "page 'Learn' failed: RuntimeError at pages/learn.py:7" in log, log[-3000:]
    assert SECRET not in log and "Traceback" not in log

    # the rest of the app still works: back to Start by the link the message offers
    tab.get_by_role("link", name="Go back to Start").click()
    wait_idle(tab)
    assert "Ice pick scar treatment advisor" in body(tab)
    no_exceptions(tab)
    nav(tab, "Compare")
    assert "Compare the options" in body(tab)
    no_exceptions(tab)


def test_an_error_streamlit_handles_itself_shows_no_details(tab, broken_app: Server) -> None:
    goto(tab, broken_app.url + "/summary")
    tab.get_by_role("button", name="Break").click()
    wait_idle(tab)
    text = body(tab)
    assert tab.locator('[data-testid="stException"]').count() == 1, text[:2000]
    assert_nothing_leaks(text, broken_app.folder)
    nav(tab, "Start")
    assert "Ice pick scar treatment advisor" in body(tab)
    no_exceptions(tab)
