"""Minimal app while the full multi-page app is built: the ranked options for default answers."""

import pandas as pd
import streamlit as st

from advisor.profile import Profile
from advisor.recommend import DISCLAIMER, recommend

st.set_page_config(page_title="Ice pick scar treatment advisor")
st.title("Ice pick scar treatment advisor")
st.caption(DISCLAIMER)
rec = recommend(Profile())
st.dataframe(
    pd.DataFrame(
        [
            {"Rank": o.rank, "Option": o.name, "Status": o.status, "Fit": o.fit}
            for o in rec.ranking.options
        ]
    ),
    hide_index=True,
)
