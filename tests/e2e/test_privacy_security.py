"""Isolation between users, privacy of what they type, no markup from user text, no network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, start_server, wait_idle
from tests.e2e.helpers import body, goto, nav

NOTES_LABEL = "My concerns and questions for the doctor"


def type_notes(tab, text: str) -> None:
    box = tab.get_by_label(NOTES_LABEL, exact=True)
    box.fill(text)
    box.press("Control+Enter")
    wait_idle(tab)


def test_two_people_at_once_never_see_each_other(browser, server) -> None:
    first, second = browser.new_context(), browser.new_context()
    a, b = first.new_page(), second.new_page()
    goto(a, server.url + "/summary")
    goto(b, server.url + "/summary")
    type_notes(a, "ALPHA-only-for-a")
    type_notes(b, "BRAVO-only-for-b")
    for tab, mine, theirs in ((a, "ALPHA", "BRAVO"), (b, "BRAVO", "ALPHA")):
        nav(tab, "Compare")
        nav(tab, "Summary")
        notes = tab.get_by_label(NOTES_LABEL, exact=True)
        expect(notes).to_have_value(re.compile(f"^{mine}"), timeout=15_000)
        assert theirs not in body(tab) and theirs not in tab.url
        assert theirs not in notes.input_value()
    first.close()
    second.close()


def files_written_since(folder: Path, since: float) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= since:
                found.append(path)
        except OSError:
            continue
    return found


def test_what_a_user_types_reaches_no_file_and_no_log_line(browser, tmp_path: Path) -> None:
    marker = f"PRIVATE-{uuid.uuid4().hex}"
    home = tmp_path / "home"
    home.mkdir()
    since = time.time()
    env = {"HOME": str(home), "TMPDIR": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    private = start_server(extra=["--logger.level", "debug"], env=env)
    try:
        context = browser.new_context(accept_downloads=True)
        tab = context.new_page()
        goto(tab, private.url + "/summary")
        type_notes(tab, marker)
        with tab.expect_download() as info:
            tab.get_by_role("button", name="PDF summary").click()
        info.value.path()  # the PDF was built and sent
        nav(tab, "Compare")
        context.close()
    finally:
        log = private.stop()
    assert marker not in log, "the server log holds no answer"
    written = files_written_since(home, since) + [
        p
        for p in files_written_since(ROOT, since)
        if ".pytest_cache" not in p.parts and "shots" not in p.parts
    ]
    leaks = [p for p in written if marker.encode() in p.read_bytes()]
    assert leaks == []


XSS = (
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    "**bold** [x](javascript:alert(1))"
)


def test_user_text_is_never_run_as_markup(page, server) -> None:
    from urllib.parse import quote

    for path in ("summary", "compare", "learn", ""):
        goto(page, f"{server.url}/{path}?notes={quote(XSS)}&n=7")
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator('img[src="x"]').count() == 0
        assert page.locator('a[href^="javascript"]').count() == 0
    goto(page, f"{server.url}/summary?notes={quote(XSS)}")
    expect(page.get_by_label(NOTES_LABEL, exact=True)).to_have_value(XSS, timeout=15_000)
    assert page.errors == []


def refusal(tab, name: str) -> str:
    """What the page says when it refuses this file: the uploader's error on the file's chip,
    or the app's own message with its reasons; empty when the file was taken."""
    chip = tab.locator(f'[data-testid="stFileChip"][aria-label^="{name},"]')
    expect(chip).to_have_count(1)
    if chip.get_attribute("aria-invalid") == "true":
        return chip.locator('[role="alert"]').inner_text()
    text = body(tab)
    return text[text.index("could not be used") :] if "could not be used" in text else ""


def test_an_oversized_or_non_json_upload_gets_a_clear_message(page, server, tmp_path: Path) -> None:
    goto(page, server.url + "/?n=44")
    big = tmp_path / "big.json"
    big.write_text('{"notes": "' + "x" * 1_200_000 + '"}', encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(big)
    wait_idle(page)
    assert re.search(r"\b1(\.0)? ?MB\b", refusal(page, "big.json")), "names the 1 MB limit"
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello", encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(text_file)
    wait_idle(page)
    assert refusal(page, "notes.txt")
    assert "Your saved answers are back" not in body(page)
    nav(page, "Summary")
    assert "about 44" in body(page), "the answers were kept"


def test_the_app_works_with_no_network_but_loopback(chromium) -> None:
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    if os.geteuid() != 0 or not unshare or not ip:
        message = "needs root, unshare and ip (util-linux, iproute2) for a loopback-only namespace"
        if os.environ.get("REQUIRE_BROWSER") == "1" and os.geteuid() == 0:
            pytest.fail(message)
        pytest.skip(message)
    script = ROOT / "tests" / "e2e" / "offline_journey.py"
    result = subprocess.run(
        [unshare, "--net", "sh", "-c", f"{ip} link set lo up && exec {sys.executable} {script}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "offline journey ok" in result.stdout


def test_a_broken_data_file_stops_the_app_with_a_clear_message(page, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    treatments = data / "treatments.csv"
    treatments.write_text(
        treatments.read_text(encoding="utf-8").replace(",TCA CROSS,focal,", ",TCA CROSS,laser,", 1),
        encoding="utf-8",
    )
    broken = start_server(env={"ADVISOR_DATA_DIR": str(data)})
    try:
        goto(page, broken.url + "/compare?n=5")
        text = body(page)
        assert (
            "The treatment catalog cannot be used: treatments.csv, row 4, column category" in text
        )
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        broken.stop()
