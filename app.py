"""Entry point: navigation over the five pages, the shared state, and the URL mirror."""

import streamlit as st

from ui.layout import sidebar
from ui.nav import ROUTED, navigation
from ui.state import restore_from_url, sync_url

st.set_page_config(
    page_title="Ice pick scar treatment advisor",
    page_icon=":material/healing:",
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
