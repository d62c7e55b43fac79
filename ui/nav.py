"""The page list and the guard that routes every run through app.py.

With a pages/ folder beside app.py, Streamlit runs a requested page file on its own,
skipping app.py, until app.py has run once on that server process. A shared link or a
refresh right after a server start would then miss the app's set-up. app.py marks each run
it routes; a page run without that mark registers the navigation and reruns, so the run goes
through app.py.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

ROUTED = "_routed_by_app"
PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"

# absolute paths, so the list works whichever script Streamlit started from
PAGE_FILES = {
    name: str(PAGES_DIR / f"{name}.py")
    for name in ("start", "profile", "compare", "learn", "summary")
}


def pages() -> list[st.Page]:
    return [
        st.Page(PAGE_FILES["start"], title="Start", icon=":material/home:", default=True),
        st.Page(
            PAGE_FILES["profile"],
            title="Your profile",
            icon=":material/edit_note:",
            url_path="profile",
        ),
        st.Page(
            PAGE_FILES["compare"],
            title="Compare",
            icon=":material/compare_arrows:",
            url_path="compare",
        ),
        st.Page(PAGE_FILES["learn"], title="Learn", icon=":material/menu_book:", url_path="learn"),
        st.Page(
            PAGE_FILES["summary"], title="Summary", icon=":material/summarize:", url_path="summary"
        ),
    ]


def navigation() -> st.Page:
    return st.navigation(pages(), position="top")


REROUTED = "_rerouted_once"


def ensure_routed() -> None:
    """First line of every page: if app.py did not route this run, route it and rerun.

    Should the rerun still skip app.py, the page sets up the shared state itself rather than
    rerunning forever.
    """
    if st.session_state.get(ROUTED):
        return
    if not st.session_state.get(REROUTED):
        st.session_state[REROUTED] = True
        navigation()
        st.rerun()
    from ui.state import restore_from_url, sync_url

    restore_from_url()
    sync_url()


SCROLL_TO_TOP = "_scroll_to_top"  # ui/layout.py's footer scrolls the new page to its top


def go(page: str) -> None:
    """Switch to one of the pages by its short name, starting at its top."""
    st.session_state[SCROLL_TO_TOP] = True
    st.switch_page(PAGE_FILES[page])


LEARN_TAB = "learn_tab"  # the Learn page's tabs
ABOUT_TAB = "About this guide"  # the trust panel, reached from every page's footer
LEARN_OPEN = "learn_open"  # the option whose section Learn opens on arrival


def open_on_learn(option_id: str) -> None:
    """Go to Learn with this option's section open (Learn reads and clears the request)."""
    st.session_state[LEARN_OPEN] = option_id
    go("learn")
