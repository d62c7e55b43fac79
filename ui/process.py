"""Set-up done once per server process, not once per visitor."""

from __future__ import annotations

import gc
import importlib

import streamlit as st

# What the pages import between them: loaded once, before the first page needs it.
HEAVY_MODULES = ("pandas", "altair", "advisor.charts", "advisor.pdf")


@st.cache_resource(show_spinner=False)
def settle_imports() -> None:
    """Import the heavy modules and take their objects out of the garbage collector's sight.

    Python's full collection walks every object that is still alive: with pandas, Altair and
    fpdf2 loaded that is about 130,000 objects and 75 ms with the interpreter lock held, and
    under load it came every few seconds, pausing every session at once. Objects made at
    import time live as long as the process, so gc.freeze() moves them where collections no
    longer look; what sessions create is still collected as usual. Measured by the load
    levels of bench/run.py.
    """
    for name in HEAVY_MODULES:
        importlib.import_module(name)
    gc.collect()
    gc.freeze()
