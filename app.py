"""Entry point: navigation over the five pages, the shared state, and the URL mirror."""

from pathlib import Path

import streamlit as st

from ui.layout import sidebar
from ui.nav import ROUTED, navigation
from ui.state import restore_from_url, sync_url

st.set_page_config(
    page_title="Ice pick scar treatment advisor",
    page_icon=str(Path(__file__).resolve().parent / "assets" / "icon.png"),  # local: no fetch
    layout="centered",
)
restore_from_url()
page = navigation()
sync_url()
sidebar()
st.session_state[ROUTED] = True
try:
    page.run()
finally:
    st.session_state[ROUTED] = False
