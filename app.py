"""Entry point: navigation over the five pages, the shared state, and the URL mirror."""

from pathlib import Path

import streamlit as st

from advisor.catalog import CatalogError, default_catalog
from advisor.content import default_content
from advisor.i18n import _
from ui.errors import run_page
from ui.language import language_switch
from ui.layout import page_style
from ui.nav import ROUTED, navigation
from ui.process import settle_imports
from ui.state import restore_from_url, sync_url, use_answers_language

# the answers (from the session, or the link on a first run) set this run's language first, so
# the title, a catalog error and the navigation are all in it
restore_from_url()
use_answers_language()
st.set_page_config(
    page_title=_("Ice pick scar treatment advisor"),
    page_icon=str(Path(__file__).resolve().parent / "assets" / "icon.png"),  # local: no fetch
    layout="centered",
)
try:  # a broken data file stops the app with a message naming the file, row and column
    default_catalog()
    default_content()
except CatalogError as error:
    st.error(
        _(
            "The treatment catalog cannot be used: {error}. Nothing you entered is affected. "
            "Whoever maintains this app can run `python -m advisor check-data` to see the "
            "problem."
        ).format(error=error),
        icon=":material/error:",
    )
    st.stop()
settle_imports()
page_style()
language_switch()
page = navigation()
sync_url()
st.session_state[ROUTED] = True
try:
    run_page(page)  # a failing page shows a short message; the server log says where
finally:
    st.session_state[ROUTED] = False
