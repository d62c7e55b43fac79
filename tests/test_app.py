"""AppTest tests of every page: the real scripts, run without a browser."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from factories import make_profile
from html_tables import read_tables
from streamlit.testing.v1 import AppTest

from advisor.catalog import default_catalog
from advisor.charts import comparison_charts
from advisor.dates import day_text
from advisor.profile import Profile, profile_to_json
from advisor.recommend import recommend
from advisor.scoring import rank_options
from advisor.urlstate import encode_query
from advisor.whatif import moved_places, what_if_recommendation

PAGES = [
    "pages/start.py",
    "pages/profile.py",
    "pages/compare.py",
    "pages/learn.py",
    "pages/summary.py",
]

CONTRASTING = {
    "default": Profile(),
    "severe, darker skin, many health flags": Profile.model_validate(
        {
            "scars": {"count": 300, "depth": "deep", "width_mm": 3.5, "distribution": "widespread",
                      "other_types": ["rolling", "boxcar"], "locations": ["cheeks", "back"]},
            "skin": {"fitzpatrick": 6, "dark_marks_after_injury": True, "keloid_history": True,
                     "active_acne": True},
            "health": {"age": 17, "isotretinoin_last_6_months": True,
                       "pregnant": True, "breastfeeding": True, "diabetes": True,
                       "cold_sores": True, "blood_thinners": True, "smoker": True},
            "preferences": {"budget_usd": 0, "max_downtime_days": 0, "max_sessions": 1,
                            "max_invasiveness": 1, "pain_tolerance": "low", "goal": "maximal",
                            "weeks_available": 1,
                            "weights": {"effectiveness": 0, "cost": 0, "downtime": 0, "sessions": 0,
                                        "invasiveness": 0}},
            "notes": "<script>alert(1)</script> **not bold** $5 and $6",
        }
    ),
    "mild, few scars, large budget": Profile.model_validate(
        {
            "scars": {"count": 3, "depth": "shallow", "width_mm": 0.5, "distribution": "isolated",
                      "flattens_when_stretched": True, "visible_at_conversation_distance": False},
            "skin": {"fitzpatrick": 1},
            "preferences": {"budget_usd": 100000, "max_downtime_days": 60, "max_sessions": 30,
                            "max_invasiveness": 5, "pain_tolerance": "high", "goal": "subtle",
                            "weeks_available": None},
        }
    ),
}  # fmt: skip


def app() -> AppTest:
    return AppTest.from_file("../app.py", default_timeout=60)


def open_page(page: str, profile: Profile | None = None, query: dict | None = None) -> AppTest:
    at = app()
    if query is not None:
        for key, value in query.items():
            at.query_params[key] = value
    if profile is not None:
        at.session_state["profile"] = profile
    at.run()
    if page != "pages/start.py":
        at.switch_page(page).run()
    return at


def button(at: AppTest, label: str | None = None, key: str | None = None):
    """The first button with this label (or key)."""
    return next(
        b
        for b in at.button
        if (label is None or b.label == label) and (key is None or b.key == key)
    )


def tables(at: AppTest) -> list:
    """The page's HTML tables, in page order, as data frames."""
    markups = [m.value for m in at.markdown if "<table" in m.value]
    return [t for markup in markups for t in read_tables(markup)]


def shown_text(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += (
        [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.error]
    )
    parts += [e.value for e in at.success]
    parts += [e.value for e in at.text]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("name", list(CONTRASTING))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_for_contrasting_profiles(page: str, name: str) -> None:
    at = open_page(page, CONTRASTING[name])
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_a_page_run_on_its_own_still_works() -> None:
    """Streamlit may run a page file without app.py; the guard sets up the state itself."""
    at = AppTest.from_file("../pages/summary.py", default_timeout=60).run()
    assert not at.exception


def test_start_page_explains_the_tool_and_offers_begin_and_resume() -> None:
    at = open_page("pages/start.py")
    text = shown_text(at)
    assert "does not diagnose" in text
    assert "not saved on our server" in text
    own = [b for b in at.button if not (b.key or "").startswith("language_")]
    assert own[0].label == "Begin", "the first of the page's own buttons"
    assert at.get("file_uploader")


def answer_first_step(at: AppTest) -> AppTest:
    at.number_input(key="w:scars.count").set_value(60).run()
    at.radio(key="w:scars.depth").set_value("moderate").run()
    at.multiselect(key="w:scars.other_types").set_value(["rolling"]).run()
    return at


def test_answers_on_the_profile_page_reach_compare_and_summary() -> None:
    at = answer_first_step(open_page("pages/profile.py"))
    assert not at.exception
    profile = at.session_state["profile"]
    assert (profile.scars.count, profile.scars.depth) == (60, "moderate")
    at.switch_page("pages/compare.py").run()
    table = tables(at)[0]
    assert len(table) == 14
    at.selectbox(key="cmp_why").set_value("punch_excision").run()
    assert "for your 60 scars" in shown_text(at)  # punch excision is priced per scar
    at.switch_page("pages/summary.py").run()
    text = shown_text(at)
    assert "about 60, moderate" in text
    assert "rolling" in text


def test_the_questionnaire_has_four_steps_with_back_and_next() -> None:
    at = open_page("pages/profile.py")
    seen = []
    for _ in range(4):
        seen.append(at.get("progress")[0].proto.text)
        if any(b.label == "Next" for b in at.button):
            button(at, "Next").click().run()
    assert seen == ["Step 1 of 4: Your scars", "Step 2 of 4: Your skin", "Step 3 of 4: Your health",
                    "Step 4 of 4: Your priorities"]  # fmt: skip
    assert "severity estimate" in shown_text(at).lower()
    assert any(b.label == "See my comparison" for b in at.button)
    button(at, "Back").click().run()
    assert at.get("progress")[0].proto.text == "Step 3 of 4: Your health"


def test_every_question_has_help_text() -> None:
    at = open_page("pages/profile.py")
    for step in range(4):
        widgets = [*at.number_input, *at.radio, *at.multiselect, *at.slider, *at.select_slider]
        for widget in widgets:
            assert widget.help, f"step {step + 1}: {widget.label} has no help"
        # a checkbox's help is a line below it: a "?" in its label would tick it when tapped
        for box in at.checkbox:
            assert not box.help, f"step {step + 1}: {box.label} has help inside its label"
        assert len(at.caption) >= len(at.checkbox), f"step {step + 1}: a tick box has no help"
        if step < 3:
            button(at, "Next").click().run()


def test_answers_survive_switching_pages() -> None:
    at = answer_first_step(open_page("pages/profile.py"))
    at.switch_page("pages/learn.py").run()
    at.switch_page("pages/profile.py").run()
    assert at.number_input(key="w:scars.count").value == 60
    assert at.radio(key="w:scars.depth").value == "moderate"


def top_option(at: AppTest) -> str:
    return tables(at)[0].iloc[0]["Option"]


def test_changing_a_weight_re_ranks_the_table_and_charts() -> None:
    at = open_page("pages/compare.py")
    before = list(tables(at)[0]["Option"])
    weights = {"effectiveness": 5, "cost": 0, "downtime": 0, "sessions": 5, "invasiveness": 0}
    for key, value in weights.items():
        at.select_slider(key=f"whatif:{key}").set_value(value).run()
    saved = recommend(Profile())
    trying = what_if_recommendation(saved, weights)
    options = trying.ranking.options
    table = tables(at)[0]
    assert list(table["Option"]) == [o.name.split(" (")[0] for o in options] != before
    moved = table.set_index("Option")["Moved"]
    places = moved_places(saved, trying)
    assert any(places.values()), "some options move under these priorities"
    for option in options:
        n = places[option.id]
        expected = "" if not n else ("▲ " if n > 0 else "▼ ") + str(abs(n))
        assert moved[option.name.split(" (")[0]] == expected
    assert "changed place" in shown_text(at)
    top = options[0].name
    assert f"{top} fits best" in at.get("vega_lite_chart")[0].proto.alt, "the overview follows"
    # trying priorities does not change the saved answers...
    assert at.session_state["profile"].preferences.weights.cost == 3


def test_keep_saves_the_what_if_priorities_and_back_restores_them() -> None:
    at = open_page("pages/compare.py")
    at.select_slider(key="whatif:cost").set_value(5).run()
    button(at, "Back to my saved priorities").click().run()
    assert at.select_slider(key="whatif:cost").value == 3
    at.select_slider(key="whatif:cost").set_value(5).run()
    button(at, "Keep these priorities").click().run()
    assert at.session_state["profile"].preferences.weights.cost == 5
    assert at.query_params["wc"] == "5"
    assert "Moved" not in tables(at)[0].columns, "no longer trying other priorities"


def test_filters_hide_not_advised_and_pick_kinds() -> None:
    profile = Profile.model_validate({"skin": {"keloid_history": True}})
    ranking = rank_options(profile).options
    shown_as = {o.id: o.name.split(" (")[0] for o in ranking}  # the table's short names
    not_advised = [shown_as[o.id] for o in ranking if o.status == "not_advised"]
    assert not_advised, "a keloid history rules something out"
    at = open_page("pages/compare.py", profile)
    advised, against = tables(at)[:2]
    assert not set(not_advised) & set(advised["Option"])
    assert list(against["Option"]) == not_advised, "their own group, in rank order"
    assert all(against["Why not for now"]), "each with its reason"
    at.toggle(key="cmp_hide_not_advised").set_value(True).run()
    assert not any(set(not_advised) & set(t.get("Option", [])) for t in tables(at))
    at.multiselect(key="cmp_categories").set_value(["focal"]).run()
    focal = [shown_as[o.id] for o in ranking if o.category == "focal"]
    assert list(tables(at)[0]["Option"]) == [n for n in focal if n not in not_advised]


def test_compare_draws_its_charts_at_once_each_with_a_sentence_and_a_table() -> None:
    at = open_page("pages/compare.py")
    charts = at.get("vega_lite_chart")
    # the fit and the four-panel cost / downtime / sessions / invasiveness chart, without a
    # click; the chosen option's breakdown is in its reasons, and as a chart on request
    assert len(charts) == 2
    rec = recommend(Profile())
    expected = comparison_charts(rec)
    text = shown_text(at).replace("\\", "")
    for chart, built in zip(charts, expected, strict=True):
        assert chart.proto.alt == built.summary, "every chart has its sentence as text alternative"
        assert built.summary in text, "and shown under it"
        assert "tooltip" in chart.proto.spec
    panels = json.loads(charts[1].proto.spec)["vconcat"]
    assert len(panels) == 4, "cost, downtime, sessions, invasiveness"
    assert len(tables(at)) == 1, "the chart tables wait for 'Show as a table'"
    keys = [toggle.key for toggle in at.toggle if toggle.label == "Show as a table"]
    for key in keys:  # each from the latest run (an element of an older run is stale)
        at.toggle(key=key).set_value(True).run()
    at.toggle(key="cmp_why_chart").set_value(True).run()
    assert len(at.get("vega_lite_chart")) == 3, "the chosen option's breakdown as a chart"
    at.toggle(key="cmp_why_table").set_value(True).run()
    shown = tables(at)[1:]
    assert len(shown) == 3
    assert list(shown[1]["Option"]) == [o.name for o in rec.ranking.options]
    assert shown[1].iloc[0]["Total cost"] == expected[1].table[0]["Total cost"]
    top, second = rec.ranking.options[:2]
    why = at.selectbox(key="cmp_why")
    assert why.value == top.id, "the best fit's reasons are shown first"
    assert len(why.options) == 14 and why.options[0].startswith(f"1. {top.name} · fit ")
    assert f"Why {top.name} is number 1" in shown_text(at).replace("\\", "")
    why.set_value(second.id).run()
    text = shown_text(at).replace("\\", "")  # names are escaped for Markdown
    assert f"Why {second.name}" in text and "is number 2" in text
    assert "points for how well it works" in text
    at.multiselect(key="cmp_categories").set_value([second.category]).run()
    assert at.selectbox(key="cmp_why").value == second.id, "kept while still shown"
    at.multiselect(key="cmp_categories").set_value(["topical"]).run()
    assert not at.exception
    assert at.selectbox(key="cmp_why").value == "topical", "a filtered-out choice falls back"


def test_the_url_restores_a_profile() -> None:
    saved = Profile.model_validate(
        {"scars": {"count": 42, "other_types": ["boxcar"]}, "skin": {"fitzpatrick": 5},
         "notes": "bring photos"}
    )  # fmt: skip
    at = open_page("pages/summary.py", query=encode_query(saved))
    assert at.session_state["profile"] == saved
    assert not [w for w in at.warning if "could not be used" in w.value], "no link problem"


def test_the_profile_is_mirrored_into_the_url() -> None:
    at = answer_first_step(open_page("pages/profile.py"))
    assert at.query_params["n"] == "60"
    assert at.query_params["d"] == "moderate"


def test_a_tampered_url_keeps_good_answers_and_says_what_was_reset() -> None:
    at = open_page(
        "pages/compare.py", query={"n": "40", "d": "bottomless", "fz": "nine", "bud": "-5"}
    )
    assert not at.exception
    profile = at.session_state["profile"]
    assert profile.scars.count == 40
    assert profile.scars.depth == Profile().scars.depth
    assert profile.skin.fitzpatrick == Profile().skin.fitzpatrick
    text = shown_text(at)
    assert "could not be used" in text
    assert "scars.depth" in text and "skin.fitzpatrick" in text and "preferences.budget_usd" in text


def test_resume_from_a_saved_file_restores_every_answer() -> None:
    saved = CONTRASTING["mild, few scars, large budget"]
    at = open_page("pages/start.py")
    at.get("file_uploader")[0].upload(
        "answers.json", profile_to_json(saved).encode(), "application/json"
    )
    at.run()
    assert at.session_state["profile"] == saved
    assert "Your saved answers are back" in shown_text(at)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"scars": {"count": 0}}', "scars.count"),
        (b'{"colour": "red"}', "colour: unknown field"),
        (b"", "empty"),
    ],
)
def test_a_bad_upload_shows_what_is_wrong_and_keeps_the_answers(
    content: bytes, message: str
) -> None:
    kept = Profile.model_validate({"scars": {"count": 77}})
    at = open_page("pages/start.py", kept)
    at.get("file_uploader")[0].upload("answers.json", content, "application/json")
    at.run()
    assert not at.exception
    assert at.session_state["profile"] == kept
    assert at.error and "current answers were kept" in at.error[0].value
    assert message in shown_text(at)


def test_start_over_clears_everything() -> None:
    at = answer_first_step(open_page("pages/profile.py"))
    at.switch_page("pages/summary.py").run()
    at.text_area(key="w:notes").input("my notes").run()
    assert at.session_state["profile"].notes == "my notes"
    button(at, key="start_over_summary").click().run()
    assert at.session_state["profile"] == Profile()
    assert "n" not in at.query_params
    assert any("Every answer was cleared" in t.value for t in at.toast), "lands on Start"
    at.switch_page("pages/summary.py").run()
    assert at.text_area(key="w:notes").value == ""


MARKUP_NOTES = "<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))"
# the notes' markup as it stands when a page puts them into Markdown unescaped (escaped, each
# special character has a backslash before it)
MARKUP = re.compile(r"(?<!\\)<img|\*\*bold\*\*|\]\(javascript:")
LITERAL = ("text_area", "text", "code")  # elements that show their text as it is


def elements(node: Any) -> Iterator[Any]:
    """Every element below an AppTest block."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from elements(child)


def markup_shown(at: AppTest, markup: re.Pattern[str]) -> list[tuple[str, str]]:
    """(type, start of its content) of each element that renders Markdown or HTML and
    carries this markup: empty when text was escaped or shown only literally."""
    found = []
    for element in (e for block in (at.main, at.sidebar) for e in elements(block)):
        if element.type in LITERAL or element.proto is None:
            continue
        shown = str(element.proto)
        if markup.search(shown):
            found.append((element.type, shown[:300]))
    return found


def test_notes_are_kept_in_the_profile_and_never_rendered_as_markup() -> None:
    """Every page, with notes full of markup: the notes are shown only as plain text (the
    text box), and nothing that renders Markdown or HTML carries them unescaped."""
    at = open_page("pages/summary.py")
    at.text_area(key="w:notes").input(MARKUP_NOTES).run()
    assert at.session_state["profile"].notes == MARKUP_NOTES
    assert at.query_params["notes"] == MARKUP_NOTES
    assert at.text_area(key="w:notes").value == MARKUP_NOTES, "shown literally"
    for page in PAGES:
        at = open_page(page, make_profile(notes=MARKUP_NOTES))
        assert not at.exception, page
        assert markup_shown(at, MARKUP) == [], page


def test_learn_explains_all_14_options_and_the_rest() -> None:
    at = open_page("pages/learn.py")
    titles = [e.label for e in at.expander]
    names = [t.name for t in default_catalog().treatments.values()]
    assert len(titles) == len(names) == 14
    assert set(names) <= set(titles), "one section per option in the catalog"
    at.session_state["learn_tca_cross"] = True
    at.run()
    text = shown_text(at)
    for part in ("How it works", "Benefits", "Harms and side effects", "What it is like",
                 "How well it works on ice pick scars", "Who does it"):  # fmt: skip
        assert part in text
    assert [t.label for t in at.tabs] == ["Options", "Things to weigh", "No treatment",
                                          "Check what you know", "Choosing who treats you",
                                          "Questions", "Glossary", "About this guide"]  # fmt: skip
    for tab, words in (("Things to weigh", "Your estimate"), ("No treatment", "no treatment"),
                       ("Check what you know", "nothing here is saved"),
                       ("Choosing who treats you", "written total price"),
                       ("Questions", "permanent"), ("Glossary", "Fitzpatrick"),
                       ("About this guide", "not yet reviewed by a dermatologist")):  # fmt: skip
        at.session_state["learn_tab"] = tab
        at.run()
        assert not at.exception
        text = shown_text(at) + " ".join(e.label for e in at.expander)
        assert words.lower() in text.lower(), tab


def test_summary_shows_plan_questions_and_save() -> None:
    profile = Profile.model_validate(
        {"health": {"cold_sores": True}, "scars": {"other_types": ["rolling"]},
         "preferences": {"budget_usd": 20000}}
    )  # fmt: skip
    at = open_page("pages/summary.py", profile)
    text = shown_text(at).replace("\\", "")  # the page escapes text for Markdown
    assert "antiviral" in text
    steps = recommend(profile).plan.steps
    assert next(s.name for s in steps if s.role == "rolling") in text, "subcision for rolling"
    (timeline,) = at.get("vega_lite_chart")  # drawn at once
    first = f"{steps[0].name}: {steps[0].sessions} sessions, {day_text(dt.date.today())} to"
    assert timeline.proto.alt.startswith(f"The plan on dates: {first}")
    assert [m.label for m in at.metric] == ["Typical cost", "Sessions", "Healing days", "Weeks"]
    assert at.get("download_button")


def test_other_scar_types_ask_for_an_optional_count_that_reaches_the_score() -> None:
    at = open_page("pages/profile.py")
    assert not any("rolling scars" in n.label for n in at.number_input)
    at.multiselect(key="w:scars.other_types").set_value(["rolling"]).run()
    count = at.number_input(key="w:scars.other_counts.rolling")
    assert count.value is None, "empty until the person counts them"
    count.set_value(25).run()
    assert at.session_state["profile"].scars.other_counts.rolling == 25
    at.switch_page("pages/summary.py").run()
    text = shown_text(at).replace("\\", "")  # the page escapes text for Markdown
    score = recommend(at.session_state["profile"]).severity.quantitative_score
    assert "rolling (about 25)" in text
    assert re.search(rf"quantitative score (at least )?{score}\b", text)


def test_every_page_links_to_the_trust_panel() -> None:
    # (Start is the default page, where AppTest loses a switch_page from its footer;
    # tests/e2e/test_trust.py taps it in the browser; Learn opens the tab in place)
    for page in PAGES[1:]:
        at = open_page(page)
        name = page.split("/")[1].removesuffix(".py")
        button(at, key=f"about_{name}").click().run()
        assert not at.exception
        assert at.session_state["learn_tab"] == "About this guide"
        text = shown_text(at)
        assert "Who wrote it" in text and "not yet reviewed by a dermatologist" in text, page


def test_example_answers_are_never_shown_as_the_persons_own() -> None:
    at = open_page("pages/compare.py")
    notice = "These results are for example answers, not yours yet"
    assert notice in shown_text(at)
    at.switch_page("pages/summary.py").run()
    assert notice in shown_text(at)
    button(at, key="example_summary").click().run()
    assert at.title[0].value == "Your profile", "the notice leads back to the questions"
    at.switch_page("pages/profile.py")  # AppTest's next run goes back to its own page
    for _ in range(3):
        button(at, "Next").click().run()
    button(at, "See my comparison").click().run()
    assert notice not in shown_text(at), "gone through the questionnaire: their own now"
    linked = open_page("pages/summary.py", query={"n": "30"})
    assert notice not in shown_text(linked), "a link holds the person's answers"
