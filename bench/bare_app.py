"""The floor to compare against: a bare Streamlit app with one slider."""

import streamlit as st

value = st.slider("Value", 0, 10, 5, key="value")
st.write(f"Value: {value}")
