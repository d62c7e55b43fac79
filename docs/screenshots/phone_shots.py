"""Whole-page phone screenshots (390 x 844) of the four questionnaire steps and Compare.

    .venv/bin/python docs/screenshots/phone_shots.py CHECKOUT OUT_DIR

CHECKOUT is the folder of the app to shoot (this repo, or a `git worktree` of an older
commit, for a before-and-after); the app is started from there with `streamlit run`.
"""

import sys
from pathlib import Path

root = Path(sys.argv[1]).resolve()
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
sys.path.insert(0, str(root))
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.conftest import CHROMIUM_ARGS, start_server, wait_idle  # noqa: E402

Q = "?n=20&ot=rolling&fz=5&dm=1&bud=1500&dt=3"


def whole(tab, path):
    h = tab.evaluate(
        "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    tab.set_viewport_size({"width": 390, "height": min(h + 40, 16000)})
    tab.wait_for_timeout(800)
    tab.screenshot(path=str(path))
    tab.set_viewport_size({"width": 390, "height": 844})
    wait_idle(tab)


srv = start_server(cwd=root)
try:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        c = b.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        t = c.new_page()
        t.goto(srv.url + "/profile" + Q)
        wait_idle(t)
        for step in range(1, 5):
            whole(t, out / f"profile-step{step}.png")
            if step < 4:
                t.get_by_role("button", name="Next").tap()
                wait_idle(t)
        t.goto(srv.url + "/compare" + Q)
        wait_idle(t)
        t.screenshot(path=str(out / "compare-first-screen.png"))
        whole(t, out / "compare-whole.png")
        b.close()
finally:
    srv.stop()
