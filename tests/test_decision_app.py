"""AppTest of the path to a decision: hope and daily life on the questionnaire, the kind note
on Compare, the leaning and the SURE test on the Summary, all kept in the profile and the URL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from streamlit.testing.v1 import AppTest
from test_app import button, open_page, shown_text

from advisor.decision import DAILY_LIFE_LINE, SURE_DOUBT, SURE_POINTERS, SURE_SOURCE
from advisor.profile import Profile
from advisor.urlstate import decode_query

GAP = "No treatment makes ice pick scars disappear completely."


def in_order(node: Any) -> Iterator[Any]:
    """Every element of the page, in the order it is drawn."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for key in sorted(children):
        yield from in_order(children[key])


def plain(text: str) -> str:
    """Markdown-escaped text as the reader sees it."""
    return text.replace("\\", "")


def info_texts(at: AppTest) -> list[str]:
    return [plain(str(e.value)) for e in at.info]


def priorities_step(at: AppTest) -> AppTest:
    for _ in range(3):
        button(at, "Next").click().run()
    return at


def hope_for(at: AppTest, hope: str, impact: str) -> AppTest:
    at.radio(key="w:decision.expected_improvement").set_value(hope).run()
    at.radio(key="w:decision.daily_life_impact").set_value(impact).run()
    return at


def test_the_full_path_from_the_questionnaire_to_the_sure_pointer() -> None:
    at = priorities_step(open_page("pages/profile.py"))
    hope_for(at, "complete", "a_lot")
    assert not at.exception
    decision = at.session_state["profile"].decision
    assert (decision.expected_improvement, decision.daily_life_impact) == ("complete", "a_lot")

    at.switch_page("pages/compare.py").run()
    (note,) = [t for t in info_texts(at) if GAP in t]
    assert DAILY_LIFE_LINE in note
    assert "TCA CROSS" in note and "Lee 2002" in note
    # right after the answer and the top cards, before the table and its details
    drawn = list(in_order(at.main))
    where = next(n for n, e in enumerate(drawn) if GAP in plain(str(getattr(e, "value", ""))))
    first_card = next(n for n, e in enumerate(drawn) if "Fit " in str(getattr(e, "value", "")))
    table = next(n for n, e in enumerate(drawn) if e.type == "subheader")
    assert first_card < where < table

    at.switch_page("pages/summary.py").run()
    assert any(GAP in t for t in info_texts(at)), "the note again in the Summary"
    at.selectbox(key="w:decision.leaning").set_value("tca_cross").run()
    for item in ("sure_best_choice", "know_benefits_risks", "clear_what_matters"):
        at.radio(key=f"w:decision.sure.{item}").set_value(True).run()
    assert not any(SURE_DOUBT in t for t in info_texts(at)), "no pointer while all are yes"
    at.radio(key="w:decision.sure.enough_support").set_value(False).run()
    assert not at.exception
    (pointers,) = [t for t in info_texts(at) if "some doubt" in t]
    assert "questions to ask a provider" in pointers and "someone you trust" in pointers
    for item in ("know_benefits_risks", "clear_what_matters", "sure_best_choice"):
        assert SURE_POINTERS[item].split(":")[0] not in pointers
    text = plain(shown_text(at))
    assert "You answered Yes to 3 of 4." in text
    assert SURE_SOURCE in text

    decision = at.session_state["profile"].decision
    assert decision.leaning == "tca_cross"
    assert decision.sure.model_dump() == {
        "sure_best_choice": True,
        "know_benefits_risks": True,
        "clear_what_matters": True,
        "enough_support": False,
    }
    query = {k: (v[0] if isinstance(v, list) else v) for k, v in dict(at.query_params).items()}
    assert query == {
        "hope": "complete",
        "life": "a_lot",
        "lean": "tca_cross",
        "sure": "1",
        "know": "1",
        "clear": "1",
        "support": "0",
    }
    assert decode_query(query) == (at.session_state["profile"], [])


def test_a_link_brings_the_answers_back_into_the_widgets() -> None:
    query = {"hope": "large", "life": "none", "lean": "unsure", "support": "0"}
    at = priorities_step(open_page("pages/profile.py", query=query))
    assert at.radio(key="w:decision.expected_improvement").value == "large"
    assert at.radio(key="w:decision.daily_life_impact").value == "none"
    at.switch_page("pages/summary.py").run()
    assert at.selectbox(key="w:decision.leaning").value == "unsure"
    assert at.radio(key="w:decision.sure.enough_support").value is False
    assert at.radio(key="w:decision.sure.sure_best_choice").value is None, "not answered yet"
    assert any(SURE_POINTERS["enough_support"] in t for t in info_texts(at))


def test_not_sure_empties_the_answer_and_the_link() -> None:
    at = priorities_step(open_page("pages/profile.py"))
    hope_for(at, "complete", "a_little")
    hope_for(at, "not_sure", "not_sure")
    assert at.session_state["profile"] == Profile()
    assert "hope" not in at.query_params and "life" not in at.query_params


def test_no_note_when_the_hope_is_within_reach_or_not_given() -> None:
    at = open_page("pages/compare.py")
    assert not any(GAP in t for t in info_texts(at))
    at = priorities_step(open_page("pages/profile.py"))
    hope_for(at, "large", "a_lot")
    at.switch_page("pages/compare.py").run()
    assert not any("change" in t and "studies" in t for t in info_texts(at))


def test_the_summary_starts_with_nothing_chosen() -> None:
    at = open_page("pages/summary.py")
    assert not at.exception
    assert at.selectbox(key="w:decision.leaning").value is None
    for item in ("sure_best_choice", "know_benefits_risks", "clear_what_matters", "enough_support"):
        assert at.radio(key=f"w:decision.sure.{item}").value is None
    assert "some doubt" not in "\n".join(info_texts(at))
