"""A page that fails shows a short message, never a traceback; the server log gets one line.

The log line names the exception's type, where it was raised and the page, but never the
exception's message: messages can quote what a user typed (a note, a number, a file name).
Fragments (`guarded`) get the same treatment when they rerun on their own. Errors in a widget
callback fall back on `client.showErrorDetails = "none"` in .streamlit/config.toml: a generic
message in the browser.
"""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec

import streamlit as st
from streamlit.errors import FragmentHandledException

from advisor.i18n import N_, _
from ui.nav import PAGE_FILES, english_title
from ui.state import use_answers_language

ROOT = Path(__file__).resolve().parent.parent
APP_CODE = ("app.py", "pages", "ui", "advisor")  # under ROOT; not the .venv beside them
PAGE_ERROR = N_(  # shown with _(), in the language of the run
    "Something went wrong on this page. Your answers are kept. Try again, or go back to Start."
)

P = ParamSpec("P")
logger = logging.getLogger("icepick")
if not logger.handlers:  # Streamlit sets up only its own loggers; ours needs a place to write
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(_handler)
    logger.setLevel(logging.INFO)


def _in_app(frame: traceback.FrameSummary, root: Path) -> bool:
    path = Path(frame.filename)
    return path.is_relative_to(root) and path.relative_to(root).parts[0] in APP_CODE


def _where(frame: traceback.FrameSummary, root: Path) -> str:
    path = Path(frame.filename)
    return f"{path.relative_to(root) if _in_app(frame, root) else path}:{frame.lineno}"


def error_log_line(page: str, error: BaseException, root: Path = ROOT) -> str:
    """One line about a failed page: its name, the exception's type and where it was raised
    (and, when that is outside the app, the last place in the app's own code). No message."""
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return f"page {page!r} failed: {name} (no traceback)"
    line = f"page {page!r} failed: {name} at {_where(frames[-1], root)}"
    ours = [f for f in frames if _in_app(f, root)]
    if ours and ours[-1] is not frames[-1]:
        line += f" (from {_where(ours[-1], root)})"
    return line


def run_page(page: st.Page) -> None:
    """Run the page; if it fails, say so in plain words and log where, not what."""
    try:
        page.run()
    except FragmentHandledException:
        raise  # a fragment's error, already shown and logged by Streamlit
    except Exception as error:  # Streamlit's rerun and stop are BaseException: they pass
        logger.error(error_log_line(english_title(page), error))
        st.error(_(PAGE_ERROR), icon=":material/error:")
        st.page_link(PAGE_FILES["start"], label=_("Go back to Start"), icon=":material/home:")


def guarded(draw: Callable[P, None]) -> Callable[P, None]:
    """For a fragment (put it under @st.fragment): when the fragment reruns on its own and
    fails, the same short message and log line as a failing page, not Streamlit's."""

    @functools.wraps(draw)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            use_answers_language()  # a fragment's own rerun does not pass through app.py
            draw(*args, **kwargs)
        except Exception as error:  # rerun and stop are BaseException: they pass
            logger.error(error_log_line(draw.__name__, error))
            st.error(_(PAGE_ERROR), icon=":material/error:")

    return run
