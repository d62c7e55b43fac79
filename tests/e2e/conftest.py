"""Real-browser tests: the app started with `streamlit run`, driven by Debian's Chromium.

Chromium is never downloaded here. Without it these tests skip with a message, unless
REQUIRE_BROWSER=1 (set by CI), which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is an e2e test (the marker pyproject.toml declares), so that
    `pytest -m "not e2e"` runs only the fast unit tests."""
    for item in items:
        if HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.e2e)


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> str:
        """Stop the server; return everything it printed (its log)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        text = self.log.read_text(encoding="utf-8", errors="replace")
        self.log.unlink(missing_ok=True)
        return text


def start_server(
    app: str = "app.py",
    extra: list[str] | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> Server:
    """`streamlit run` on a free loopback port; returns once /_stcore/health answers.
    `cwd` is the app's folder (its .streamlit/config.toml is read from there)."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", app,
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", *(extra or []),
    ]  # fmt: skip
    # the log goes to a file, not a pipe: a chatty server must never block on a full pipe
    handle, name = tempfile.mkstemp(prefix="streamlit-", suffix=".log")
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=handle,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    os.close(handle)
    log = Path(name)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                return Server(url, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("streamlit did not answer /_stcore/health within 60 s")


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = ("Chromium not found: install Debian's chromium (apt-get install -y chromium) "
                   "or set CHROMIUM=/path/to/chromium to run the browser tests")  # fmt: skip
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def server(chromium: str) -> Iterator[Server]:
    running = start_server()
    yield running
    running.stop()


@pytest.fixture
def page(browser, server: Server) -> Iterator:
    """A fresh browser context (no shared cookies or storage) that records page errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def wait_idle(tab, timeout: float = 60_000) -> None:
    """Until the script has finished running and the page has settled."""
    tab.wait_for_selector(IDLE, timeout=timeout)
    tab.wait_for_timeout(400)
    tab.wait_for_selector(IDLE, timeout=timeout)
