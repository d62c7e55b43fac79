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

from advisor.i18n import N_, Messages

ROUTED = "_routed_by_app"
PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"

# absolute paths, so the list works whichever script Streamlit started from
PAGE_FILES = {
    name: str(PAGES_DIR / f"{name}.py")
    for name in ("start", "profile", "compare", "learn", "summary")
}


# the navigation's names, read in the language of the run that builds the navigation
PAGE_TITLES = Messages(
    {
        "start": N_("Start"),
        "profile": N_("Your profile"),
        "compare": N_("Compare"),
        "learn": N_("Learn"),
        "summary": N_("Summary"),
    }
)
PAGE_ICONS = {
    "start": ":material/home:",
    "profile": ":material/edit_note:",
    "compare": ":material/compare_arrows:",
    "learn": ":material/menu_book:",
    "summary": ":material/summarize:",
}


def pages() -> list[st.Page]:
    """The five pages, titled in the language in use. Start is the default page, at the
    app's root; each other page's address is its short name, whatever the language."""
    return [
        st.Page(
            PAGE_FILES[name],
            title=PAGE_TITLES[name],
            icon=PAGE_ICONS[name],
            **({"default": True} if name == "start" else {"url_path": name}),
        )
        for name in PAGE_FILES
    ]


def english_title(page: st.Page) -> str:
    """The page's English name (for the server log, which stays in English)."""
    name = page.url_path or "start"
    return PAGE_TITLES.english(name) if name in PAGE_TITLES else page.title


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
    from ui.state import restore_from_url, sync_url, use_answers_language

    restore_from_url()
    use_answers_language()
    sync_url()


SCROLL_TO_TOP = "_scroll_to_top"  # ui/layout.py's footer scrolls the new page to its top


def go(page: str) -> None:
    """Switch to one of the pages by its short name, starting at its top."""
    st.session_state[SCROLL_TO_TOP] = True
    st.switch_page(PAGE_FILES[page])


LEARN_TAB = "learn_tab"  # the Learn page's tabs
# the trust panel's tab, reached from every page's footer: the English label (a msgid); Learn
# shows the tab in the language in use
ABOUT_TAB = N_("About this guide")
LEARN_OPEN = "learn_open"  # the option whose section Learn opens on arrival


def open_on_learn(option_id: str) -> None:
    """Go to Learn with this option's section open (Learn reads and clears the request)."""
    st.session_state[LEARN_OPEN] = option_id
    go("learn")
