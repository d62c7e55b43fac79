"""One Summary, three renderings: the page, the Markdown and the PDF show the same choices."""

from __future__ import annotations

import io
import re

from factories import make_profile
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from advisor.export import render_markdown
from advisor.pdf import render_pdf
from advisor.profile import profile_to_json
from advisor.recommend import recommend
from advisor.summary import build_summary
from advisor.words import YOUR_ANSWERS

# pregnant, cold sores, darker skin: cautions of both kinds and a plan on hold
CAREFUL = make_profile(
    skin={"fitzpatrick": 5, "dark_marks_after_injury": True},
    health={"cold_sores": True, "pregnant": True},
    scars={"other_types": ["rolling"]},
)


def test_top_options_leave_out_doing_nothing_and_options_advised_against() -> None:
    summary = build_summary(recommend(CAREFUL))
    assert summary.top, "someone with ice pick scars always has an option to discuss"
    assert all(o.status != "not_advised" and not o.is_reference for o in summary.top)
    advisable = [o for o in summary.options if o.status != "not_advised" and not o.is_reference]
    assert list(summary.top) == advisable[:3]


def test_cautions_are_grouped_once_each_with_not_advised_first() -> None:
    summary = build_summary(recommend(CAREFUL))
    texts = [group.text for group in summary.cautions]
    assert len(texts) == len(set(texts))
    effects = [group.effect for group in summary.cautions]
    assert "not_advised" in effects and "caution" in effects
    assert effects == sorted(effects, key=["not_advised", "caution"].index)
    every = {
        (str(c), o.name) for o in summary.options for c in o.cautions if c.source != YOUR_ANSWERS
    }
    grouped = {(group.text, name) for group in summary.cautions for name in group.options}
    assert grouped == every, "each screening caution keeps every option it applies to"


def test_the_persons_own_limits_are_one_line_not_a_caution_each() -> None:
    summary = build_summary(recommend(make_profile(preferences={"max_downtime_days": 1})))
    own = [(o, c) for o in summary.options for c in o.cautions if c.source == YOUR_ANSWERS]
    assert len(own) >= 5, "a one-day limit is passed by many options"
    assert not any(YOUR_ANSWERS in group.text for group in summary.cautions)
    for option, _ in own:
        assert option.name in summary.limits_line


def test_sources_are_each_cited_once_in_number_order() -> None:
    summary = build_summary(recommend(CAREFUL))
    numbers = [int(source.id[1:]) for source in summary.sources]
    assert numbers == sorted(set(numbers))
    ids = {s.id for s in summary.sources}
    assert {s for o in summary.top for s in o.treatment.sources} <= ids, "the top options'"
    for group in summary.cautions:  # every [S12] a caution names is listed
        assert set(re.findall(r"\bS\d+\b", group.text)) <= ids


def test_a_pregnant_persons_plan_waits_and_says_what_helps_meanwhile() -> None:
    plan = build_summary(recommend(CAREFUL)).plan
    assert plan.hold and plan.meanwhile
    assert not plan.steps and not plan.totals


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_page_the_markdown_and_the_pdf_show_the_same_summary() -> None:
    summary = build_summary(recommend(CAREFUL))
    markdown = " ".join(render_markdown(summary).split())
    pdf = pdf_text(render_pdf(summary, image_cache={}))
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["profile"] = CAREFUL
    at.switch_page("pages/summary.py").run()
    shown = [m.value for m in at.markdown] + [i.value for i in at.info]
    page = " ".join(" ".join(shown).replace("\\", "").split())  # as read: escapes removed
    for option in summary.top:
        for rendering in (markdown, pdf, page):
            assert f"{option.rank}. {option.name}" in rendering
    for group in summary.cautions:
        words = " ".join(group.text.split()[:8])
        assert words in markdown and words in pdf
        assert words in page
    hold = " ".join(summary.plan.hold.split()[:8])
    assert hold in markdown and hold in pdf and hold in page
    assert profile_to_json(summary.rec.profile)  # the saved answers are the same profile


def test_a_plan_over_the_budget_says_so_before_its_steps_everywhere() -> None:
    tight = make_profile(  # the phone reviewer's case: a $4,300 plan for a $1,500 budget
        preferences={"budget_usd": 1500},
        scars={"count": 20, "other_types": ["rolling"]},
        skin={"fitzpatrick": 5, "dark_marks_after_injury": True},
    )
    summary = build_summary(recommend(tight))
    over = [line for line in summary.plan.limits if "more than your budget" in line]
    assert over, summary.plan.limits
    assert not set(summary.plan.limits) & set(summary.plan.other), "said once"
    markdown = render_markdown(summary)
    assert markdown.index(over[0]) < markdown.index(summary.plan.steps[0])
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["profile"] = tight
    at.switch_page("pages/summary.py").run()
    assert any("more than your budget" in w.value for w in at.warning)
