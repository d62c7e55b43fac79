"""The knowledge check is written from data/: its right answers follow the catalog."""

from __future__ import annotations

import dataclasses

from streamlit.testing.v1 import AppTest

from advisor.catalog import default_catalog
from advisor.quiz import knowledge_check, most_healing_time, one_scar_at_a_time


def test_five_questions_each_with_one_right_answer_among_its_choices() -> None:
    questions = knowledge_check()
    assert len(questions) == 5
    for q in questions:
        assert 3 <= len(q.choices) <= 4 and len(set(q.choices)) == len(q.choices)
        assert 0 <= q.answer < len(q.choices)
        assert q.choices[q.answer].split()[0].lower() in q.why.lower()


def test_the_answers_come_from_the_catalog() -> None:
    catalog = default_catalog()
    q = one_scar_at_a_time(catalog)
    by_name = {t.name.split(" (")[0]: t for t in catalog.treatments.values()}
    assert not by_name[q.choices[q.answer]].treats_area
    assert all(by_name[c].treats_area for n, c in enumerate(q.choices) if n != q.answer)
    q = most_healing_time(catalog)
    healing = {c: by_name[c].downtime_days_high for c in q.choices}
    assert max(healing, key=healing.get) == q.choices[q.answer]


def test_a_reviewed_catalog_change_changes_the_answer() -> None:
    catalog = default_catalog()
    slowest = catalog.treatments["dermabrasion"]
    changed = slowest.model_copy(update={"downtime_days_low": 1, "downtime_days_high": 2})
    treatments = {**catalog.treatments, "dermabrasion": changed}
    q = most_healing_time(dataclasses.replace(catalog, treatments=treatments))
    assert q.choices[q.answer] != "Dermabrasion"


def test_learn_shows_the_right_answer_and_why_after_any_answer() -> None:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.switch_page("pages/learn.py").run()
    at.session_state["learn_tab"] = "Check what you know"
    at.run()
    first = knowledge_check()[0]
    wrong = next(c for n, c in enumerate(first.choices) if n != first.answer)
    at.radio(key="quiz_1").set_value(wrong).run()
    shown = " ".join(i.value for i in at.info)
    assert first.choices[first.answer] in shown and "typical" in shown
    at.radio(key="quiz_1").set_value(first.choices[first.answer]).run()
    assert at.success and at.success[0].value.startswith("Right.")
    assert not at.exception
