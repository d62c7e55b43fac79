"""The server's line about a failed page: type, place and page, never the message."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException
from streamlit.testing.v1 import AppTest

from ui.errors import error_log_line

SECRET = "my note: wedding in June, /home/someone/answers.json"


def raised_in(root: Path, relative: str, code: str) -> BaseException:
    """The exception `code` raises, as if it ran from the file root/relative."""
    try:
        module = relative.removesuffix(".py").replace("/", ".")
        exec(compile(code, str(root / relative), "exec"), {"__name__": module})
    except Exception as error:
        return error
    raise AssertionError("the code did not raise")


def test_the_line_names_type_place_and_page_but_not_the_message(tmp_path: Path) -> None:
    code = "x = 1\nraise ValueError(" + repr(SECRET) + ")\n"
    error = raised_in(tmp_path, "pages/learn.py", code)
    line = error_log_line("Learn", error, root=tmp_path)
    assert line == "page 'Learn' failed: ValueError at pages/learn.py:2"
    assert "wedding" not in line and "/home/someone" not in line


def test_an_error_inside_a_library_also_names_the_last_place_in_the_app(tmp_path: Path) -> None:
    code = "import json\n\njson.loads(" + repr(SECRET) + ")\n"
    error = raised_in(tmp_path, "ui/widgets.py", code)
    line = error_log_line("Compare", error, root=tmp_path)
    assert line.startswith("page 'Compare' failed: json.decoder.JSONDecodeError at ")
    assert "json/decoder.py:" in line
    assert line.endswith("(from ui/widgets.py:3)")
    assert "wedding" not in line


def test_a_class_outside_builtins_is_named_with_its_module(tmp_path: Path) -> None:
    code = "class Oops(Exception):\n    pass\n\nraise Oops(" + repr(SECRET) + ")\n"
    error = raised_in(tmp_path, "advisor/pdf.py", code)
    assert error_log_line("Summary", error, root=tmp_path) == (
        "page 'Summary' failed: advisor.pdf.Oops at advisor/pdf.py:4"
    )


def test_an_error_never_raised_has_no_place() -> None:
    line = error_log_line("Start", KeyError(SECRET))
    assert line == "page 'Start' failed: KeyError (no traceback)"


@pytest.mark.parametrize("control", [RerunException, StopException])
def test_streamlits_rerun_and_stop_pass_through_except_exception(control: type) -> None:
    """run_page catches Exception; st.rerun, st.switch_page and st.stop must not be caught."""
    assert not issubclass(control, Exception)


def test_a_fragment_that_fails_shows_the_short_message_and_logs_no_answer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Compare's and Learn's fragments rerun without the page around them: a failure there gets
    the page's short message and the same log line, not Streamlit's own."""

    def script() -> None:
        import streamlit as st

        from ui.errors import guarded

        @st.fragment
        @guarded
        def fragment_body() -> None:
            raise ValueError("my note: wedding in June")

        fragment_body()
        st.write("the rest of the page still runs")

    at = AppTest.from_function(script, default_timeout=30)
    with caplog.at_level(logging.ERROR, logger="icepick"):
        at.run()
    assert not at.exception
    assert at.error[0].value.startswith("Something went wrong on this page.")
    assert [m.value for m in at.markdown] == ["the rest of the page still runs"]
    (line,) = [r.getMessage() for r in caplog.records if r.name == "icepick"]
    assert "ValueError" in line and "wedding" not in line
