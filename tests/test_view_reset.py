"""Start over, and loading a saved file, leave nothing of the old view behind on any page.

Each test sets some view state on one page (what-if priorities, filters, a questionnaire step,
an open section, the paper size, a failed upload), then starts over or loads a file, and
checks that the state is gone, the profile is the new one and the page draws afresh.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest
from test_app import CONTRASTING, button, open_page, shown_text

from advisor.profile import Profile, profile_to_json
from ui.state import KEEP, PROFILE, RESETS

SAVED = CONTRASTING["mild, few scars, large budget"]
TRYING = "You are trying other priorities"
START_TITLE = "Ice pick scar treatment advisor"


def info_text(at: AppTest) -> str:
    return "\n".join(e.value for e in at.info)


# --- view state set on each page, and what the page looks like without it --------------------


def compare_set(at: AppTest) -> None:
    at.select_slider(key="whatif:cost").set_value(5).run()
    at.toggle(key="cmp_hide_not_advised").set_value(True).run()
    at.multiselect(key="cmp_categories").set_value(["focal"]).run()
    at.toggle(key="cmp_why_chart").set_value(True).run()
    at.toggle(key="cmp_chart_table_0").set_value(True).run()
    assert TRYING in info_text(at)


def compare_fresh(at: AppTest) -> None:
    assert TRYING not in info_text(at)
    weights = at.session_state[PROFILE].preferences.weights.model_dump()
    assert {k: at.session_state["whatif:" + k] for k in weights} == weights
    assert at.toggle(key="cmp_hide_not_advised").value is False
    assert at.multiselect(key="cmp_categories").value == []
    assert at.toggle(key="cmp_why_chart").value is False
    assert at.toggle(key="cmp_chart_table_0").value is False


def profile_set(at: AppTest) -> None:
    button(at, "Next").click().run()
    button(at, "Next").click().run()
    assert at.get("progress")[0].proto.text.startswith("Step 3 of 4")


def profile_fresh(at: AppTest) -> None:
    assert at.get("progress")[0].proto.text.startswith("Step 1 of 4")
    assert at.number_input(key="w:scars.count").value == at.session_state[PROFILE].scars.count


def learn_set(at: AppTest) -> None:
    at.session_state["learn_tca_cross"] = True  # an open section
    at.run()
    assert "How it works." in shown_text(at)
    at.session_state["learn_tab"] = "Questions"
    at.run()
    assert "Are ice pick scars permanent?" in [e.label for e in at.expander]


def learn_fresh(at: AppTest) -> None:
    assert at.session_state["learn_tab"] == "Options"
    assert at.session_state["learn_tca_cross"] is False
    assert "How it works." not in shown_text(at)


def summary_set(at: AppTest) -> None:
    at.radio(key="pdf_paper").set_value("Letter").run()
    at.toggle(key="plan_table").set_value(True).run()
    at.text_area(key="w:notes").input("Wedding in June").run()
    assert at.session_state[PROFILE].notes == "Wedding in June"


def summary_fresh(at: AppTest) -> None:
    assert at.radio(key="pdf_paper").value == "A4"
    assert at.toggle(key="plan_table").value is False
    assert at.text_area(key="w:notes").value == at.session_state[PROFILE].notes


def start_set(at: AppTest) -> None:
    at.get("file_uploader")[0].upload("answers.json", b"{not json", "application/json").run()
    assert "current answers were kept" in at.error[0].value


def start_fresh(at: AppTest) -> None:
    assert not at.error
    assert at.get("file_uploader")[0].value is None


VIEWS: dict[str, tuple[Callable[[AppTest], None], Callable[[AppTest], None]]] = {
    "start": (start_set, start_fresh),
    "profile": (profile_set, profile_fresh),
    "compare": (compare_set, compare_fresh),
    "learn": (learn_set, learn_fresh),
    "summary": (summary_set, summary_fresh),
}


# --- the two ways to get a whole new profile -----------------------------------------------


def start_over(at: AppTest, page: str) -> Profile:
    button(at, key=f"start_over_{page}").click().run()
    return Profile()


def load_file(at: AppTest, page: str) -> Profile:
    if page != "start":
        at.switch_page("pages/start.py").run()
    at.get("file_uploader")[0].upload(
        "answers.json", profile_to_json(SAVED).encode(), "application/json"
    ).run()
    assert "Your saved answers are back" in shown_text(at)
    return SAVED


HOW = {"start over": start_over, "load a saved file": load_file}


def start_page_keys(at: AppTest) -> set[str]:
    """What the Start page itself keeps: its Start over and About buttons, its uploader (under
    a new key) and, after a file was loaded, that file's result and its button."""
    return {
        "start_over_start",
        "about_start",
        f"resume_{at.session_state[RESETS]}",
        "after_resume",
    }


@pytest.mark.parametrize("how", list(HOW))
@pytest.mark.parametrize("page", list(VIEWS))
def test_a_new_profile_resets_every_piece_of_view_state(page: str, how: str) -> None:
    set_view, fresh_view = VIEWS[page]
    at = open_page(f"pages/{page}.py", Profile.model_validate({"scars": {"count": 77}}))
    set_view(at)
    before = set(at.session_state.keys())

    expected = HOW[how](at, page)

    assert not at.exception, at.exception
    assert at.title[0].value == START_TITLE, "the user lands on Start"
    assert at.session_state[PROFILE] == expected
    left = set(at.session_state.keys()) - KEEP - {PROFILE} - start_page_keys(at)
    if how == "load a saved file":
        left -= {"_resume_result", "_answered"}  # the file's answers are the person's own
    assert not left, f"view state left behind: {sorted(left)}"
    assert before - KEEP - {PROFILE} - set(at.session_state.keys()), "nothing was reset"
    start_fresh(at)

    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    fresh_view(at)


def test_after_start_over_compare_is_not_trying_other_priorities() -> None:
    """The bug as a user met it: Compare still said they were trying other priorities."""
    at = open_page("pages/compare.py")
    at.select_slider(key="whatif:effectiveness").set_value(0).run()
    assert TRYING in info_text(at)
    start_over(at, "compare")
    assert [t.value for t in at.toast] == ["Every answer was cleared."]
    assert "n" not in at.query_params
    at.switch_page("pages/compare.py").run()
    assert TRYING not in info_text(at)
