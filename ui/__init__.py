"""Streamlit-side helpers shared by the pages: state, navigation, bound widgets, layout."""
