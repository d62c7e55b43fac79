"""Small pieces of layout shared by the pages."""

from __future__ import annotations

import streamlit as st

from advisor.export import escape_markdown
from advisor.recommend import DISCLAIMER
from ui.state import start_over

WEIGHT_WORDS = {
    0: "0 · not at all",
    1: "1 · a little",
    2: "2 · somewhat",
    3: "3 · quite a lot",
    4: "4 · a lot",
    5: "5 · the most",
}


def safe(text: str) -> str:
    """User or data text made safe to put inside st.markdown: shown literally."""
    return escape_markdown(text)


def disclaimer() -> None:
    st.caption(DISCLAIMER)


def start_over_control(key: str) -> None:
    """A 'Start over' button that asks once before clearing every answer."""
    with st.popover("Start over", icon=":material/restart_alt:"):
        st.write("This clears every answer and your notes in this browser tab.")
        if st.button("Yes, clear everything", key=key, type="primary"):
            start_over()
            st.toast("Every answer was cleared.")
            st.rerun()


def sidebar() -> None:
    with st.sidebar:
        st.markdown("**Ice pick scar treatment advisor**")
        st.caption(DISCLAIMER)
        st.caption(
            "Your answers stay in this browser tab and its address. Nothing is stored "
            "on the server."
        )
        start_over_control("start_over_sidebar")
