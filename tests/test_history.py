"""AppTest tests of the history answers (issue 16): asked on the profile page, kept in the
profile and the link, and shown nowhere as markup."""

from __future__ import annotations

import re

from factories import make_profile
from test_app import PAGES, markup_shown, open_page

from advisor.urlstate import FIELDS

HEALTH_STEP = 2  # "Your health", where the history is asked
ANSWERS = {
    "history.main_concern": "<b>x</b> [a](b) # h: the pits on my cheeks",
    "history.previous_treatments": "TCA CROSS, 2023, 3 sessions: **a little** better",
    "history.medications": "isotretinoin <i>stopped</i> in March; apixaban",
    "history.allergies": "lidocaine (a rash) <script>alert(1)</script>",
}
KEYS = {path: key for key, path in FIELDS.items()}
# the answers' markup as it stands when a page puts them into Markdown or HTML unescaped
MARKUP = re.compile(r"(?<!\\)<(b|i|script)>|\]\(b\)|\*\*a little\*\*")


def test_the_history_is_asked_in_the_health_step_and_kept_in_profile_and_link() -> None:
    at = open_page("pages/profile.py")
    at.session_state["questionnaire_step"] = HEALTH_STEP
    at.run()
    assert not at.exception
    assert any("For your dermatologist (optional)" in m.value for m in at.markdown)
    for path, text in ANSWERS.items():
        box = at.text_area(key=f"w:{path}")
        assert box.value == "" and box.max_chars == 500
        box.input(text).run()
        assert not at.exception and not at.error, path
    history = at.session_state["profile"].history
    for path, text in ANSWERS.items():
        assert getattr(history, path.removeprefix("history.")) == text, "kept as typed"
        assert at.query_params[KEYS[path]] == text, "in the link"
    # a refresh: the link alone brings the answers back
    again = open_page("pages/profile.py", query={KEYS[p]: t for p, t in ANSWERS.items()})
    assert again.session_state["profile"].history == history
    again.session_state["questionnaire_step"] = HEALTH_STEP
    again.run()
    assert [again.text_area(key=f"w:{p}").value for p in ANSWERS] == list(ANSWERS.values())


def test_the_history_is_never_shown_as_markup() -> None:
    """Every page, the health step included, with history answers full of markup: nothing
    that renders Markdown or HTML carries them unescaped (the text boxes show them as typed)."""
    profile = make_profile(history={p.removeprefix("history."): t for p, t in ANSWERS.items()})
    for page in PAGES:
        at = open_page(page, profile)
        if page == "pages/profile.py":
            at.session_state["questionnaire_step"] = HEALTH_STEP
            at.run()
            assert (
                at.text_area(key="w:history.main_concern").value == ANSWERS["history.main_concern"]
            )
        assert not at.exception, page
        assert markup_shown(at, MARKUP) == [], page
