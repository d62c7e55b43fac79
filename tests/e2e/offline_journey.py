"""A short journey with the server and the browser in a network namespace with only loopback.

Run by test_privacy_security.py as `unshare --net sh -c 'ip link set lo up && python this'`.
Exits 0 when the app works with no way out to any network.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright

from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, start_server, wait_idle


def main() -> int:
    server = start_server()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            tab = browser.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda e: errors.append(str(e)))
            for path in ("", "profile", "compare", "learn", "summary"):
                tab.goto(f"{server.url}/{path}?n=31&fz=4")
                wait_idle(tab)
                if tab.locator('[data-testid="stException"]').count():
                    print(f"exception on /{path}")
                    return 1
            if "about 31" not in tab.inner_text("body"):
                print("answers missing on the summary")
                return 1
            browser.close()
            if errors:
                print("page errors:", errors)
                return 1
    finally:
        server.stop()
    print("offline journey ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
