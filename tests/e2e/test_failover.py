"""Two replicas behind nginx (deploy/nginx.conf): losing the one holding a tab loses no answer.

Everything runs on loopback: two `streamlit run` replicas, Debian's nginx with a config made
from deploy/nginx.conf (only addresses and file locations changed), and Chromium. Without
nginx the test skips with a message, unless REQUIRE_BROWSER=1 (CI), which makes it fail.
"""

from __future__ import annotations

import gzip
import os
import re
import time
import urllib.request
from contextlib import ExitStack
from email.message import Message
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server, start_server, wait_idle
from tests.e2e.nginx import NGINX, address, start_proxy

SHARE = "/summary?n=42&fz=5&notes=bring%20photos"
NOTES_LABEL = "My concerns and questions for the doctor"
# A line of the access log for a websocket: logged when it closes, with status 101.
STREAM_LINE = re.compile(
    r'"GET /_stcore/stream [^"]*" 101 \d+ upstream=(?P<upstream>.+?) upstream_status='
)


@pytest.fixture(scope="module")
def nginx() -> str:
    if Path(NGINX).exists():
        return NGINX
    message = (f"nginx not found at {NGINX}: install Debian's nginx (apt-get install -y nginx) "
               "or set NGINX=/path/to/nginx to run the failover test")  # fmt: skip
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def stop_replica(server: Server) -> None:
    if server.process.poll() is None:
        server.stop()


def websocket_holders(replicas: list[Server]) -> list[Server]:
    """The replicas with an open connection from nginx: the websocket (nginx keeps no other)."""
    ports = {
        c.laddr.port
        for c in psutil.net_connections(kind="tcp")
        if c.status == psutil.CONN_ESTABLISHED and c.laddr.ip == "127.0.0.1"
    }
    return [r for r in replicas if int(r.url.rsplit(":", 1)[1]) in ports]


def streams_served(log: Path) -> list[str]:
    """For each closed websocket in the access log, the replica that served it."""
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    # $upstream_addr lists every replica tried; the last one answered.
    return [m["upstream"].split(",")[-1].strip() for m in STREAM_LINE.finditer(text)]


def wait_for_stream_log(log: Path, count: int, seconds: float = 15) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        served = streams_served(log)
        if len(served) >= count:
            return served
        time.sleep(0.2)
    raise AssertionError(f"expected {count} closed websockets in the log:\n{log.read_text()}")


def assert_answers(tab) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0, tab.inner_text("body")
    text = tab.inner_text("body")
    assert "about 42" in text, text[:2000]
    assert "Fitzpatrick V" in text, text[:2000]


def fetch(url: str) -> tuple[bytes, Message]:
    """The body as sent (gzip when the server compressed it) and the headers (any case)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.read(), answer.headers


def test_the_proxy_compresses_and_keeps_the_scripts_for_every_replica(
    nginx: str, tmp_path: Path
) -> None:
    with ExitStack() as cleanup:
        replica = start_server()
        cleanup.callback(stop_replica, replica)
        front = start_proxy(cleanup, nginx, tmp_path, [replica, replica])  # both upstreams
        page, headers = fetch(front + SHARE)
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Content-Encoding"] == "gzip"
        page = gzip.decompress(page)
        scripts = re.findall(rb'src="\.?/?(static/js/[^"]+\.js)"', page)
        assert scripts, "the page names its scripts"
        direct, _ = fetch(f"{replica.url}/{scripts[0].decode()}")
        first, headers = fetch(f"{front}/{scripts[0].decode()}")
        assert headers["X-Cache-Status"] == "MISS"
        assert headers["Content-Encoding"] == "gzip" and len(first) < len(direct) / 2
        assert gzip.decompress(first) == direct
        replica.stop()  # once kept, the scripts need no replica at all
        again, headers = fetch(f"{front}/{scripts[0].decode()}")
        assert headers["X-Cache-Status"] == "HIT" and gzip.decompress(again) == direct
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "public, immutable, max-age=31536000"


def test_losing_the_replica_that_holds_a_tab_loses_no_answer(
    browser, nginx: str, tmp_path: Path, record_property
) -> None:
    """How long it takes is measured, not asserted (it depends on the machine): the seconds
    are in the JUnit XML report (record_property) and printed (pytest -s or -rA)."""
    started = time.monotonic()
    with ExitStack() as cleanup:
        replicas = []
        for _ in range(2):
            replica = start_server()
            cleanup.callback(stop_replica, replica)
            replicas.append(replica)

        front = start_proxy(cleanup, nginx, tmp_path, replicas)
        with urllib.request.urlopen(front + SHARE, timeout=10) as answer:
            # so the browser never sends the address (with the answers) on as a Referer
            assert answer.headers["Referrer-Policy"] == "no-referrer"

        context = browser.new_context(viewport={"width": 1280, "height": 900})
        cleanup.callback(context.close)
        context.set_default_timeout(60_000)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))

        tab.goto(front + SHARE)
        wait_idle(tab)
        assert_answers(tab)
        notes = tab.get_by_label(NOTES_LABEL, exact=True)
        # (the text area can take its value a moment after the script has finished)
        expect(notes).to_have_value("bring photos", timeout=15_000)

        # Which replica holds the tab's websocket? nginx logs a websocket only when it closes,
        # so look at the open connections now and confirm with the log once it has closed.
        holders = websocket_holders(replicas)
        assert len(holders) == 1, f"one replica should hold the websocket, not {holders}"
        lost = holders[0]
        survivor = next(r for r in replicas if r is not lost)
        lost.stop()
        lost_at = time.monotonic()
        log = tmp_path / "access.log"
        assert wait_for_stream_log(log, 1)[0] == address(lost)

        # The tab reconnects by itself; a reload must bring back every answer, from the URL.
        for attempt in range(2):
            tab.reload()
            try:
                wait_idle(tab, timeout=60_000)
                tab.get_by_text("about 42").first.wait_for(timeout=15_000)
                break
            except Exception:
                if attempt == 1:
                    raise
        assert_answers(tab)
        expect(notes).to_have_value("bring photos", timeout=15_000)
        recovery = time.monotonic() - lost_at
        assert "n=42" in tab.url
        assert websocket_holders(replicas) == [survivor]

        # Closing the tab closes its websocket, so nginx logs which replica served it (before,
        # the tab may already have reconnected by itself: that one went to the survivor too).
        before = len(streams_served(log))
        context.close()
        served = wait_for_stream_log(log, before + 1)
        assert served[0] == address(lost)
        assert set(served[1:]) == {address(survivor)}, served
        assert errors == []
        # The access log never keeps a person's answers (they are in the query string only).
        assert "bring" not in log.read_text(encoding="utf-8")
        assert "n=42" not in log.read_text(encoding="utf-8")
    total = time.monotonic() - started
    record_property("seconds", round(total, 1))
    record_property("seconds_to_answers_back", round(recovery, 1))
    print(f"failover: {total:.1f} s in all, answers back {recovery:.1f} s after losing a replica")
