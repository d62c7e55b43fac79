"""Compare: every option in one table and in charts, with "what if" priorities and reasons."""

import streamlit as st

from advisor.charts import breakdown_chart, comparison_charts
from advisor.content import default_content
from advisor.explain import estimated, facts_line, healing_text, sessions_text, why_in_one_line
from advisor.export import escape_markdown
from advisor.recommend import Recommendation
from advisor.scoring import OptionResult
from advisor.summary import top_options
from advisor.whatif import close_call, moved_places, what_if_recommendation
from advisor.words import (
    EVIDENCE_LABELS,
    FACTOR_CONTROL_LABELS,
    LEVEL_LABELS,
    RISK_LABELS,
    STATUS_LABELS,
    money,
    money_range,
)
from ui.decision import expectation_note
from ui.errors import guarded
from ui.glossary import words_explained
from ui.layout import WEIGHT_WORDS, chart_with_table, disclaimer, example_notice, footer, show_table
from ui.nav import ensure_routed, go, open_on_learn
from ui.state import current_recommendation, set_answer, show_state_messages
from ui.tables import html_table

ensure_routed()


CATEGORY_WORDS = {
    "topical": "Creams at home",
    "peel": "Peels",
    "focal": "Single-scar treatments",
    "surgical": "Minor surgery",
    "resurfacing": "Resurfacing",
    "injectable": "Injections",
    "none": "No treatment",
}
WHAT_IF = "whatif:"
WHY = "cmp_why"


def moved_words(places: int) -> str:
    return "" if not places else ("▲ " if places > 0 else "▼ ") + str(abs(places))


def table_rows(options: list[OptionResult], moved: dict[str, int] | None) -> list[dict]:
    """One row per option; the Moved column only while trying other priorities."""
    rows = []
    for o in options:
        row: dict[str, object] = {"Rank": o.rank, "Option": o.name.split(" (")[0]}
        if moved is not None:
            row["Moved"] = moved_words(moved[o.id])
        row |= {
            # doing nothing is the reference every option is compared with, not a contender
            "Fit": "reference" if o.is_reference else o.fit,
            "Status": STATUS_LABELS[o.status],
            "Works for your scars": round(o.works.score),
            "Total cost": estimated(o, "cost", money_range(o.total_cost_usd)),
            "Typical cost": money(o.typical_cost_usd),
            "Sessions": sessions_text(o),
            "Healing per session": healing_text(o),
            "Invasiveness": f"{o.invasiveness} of 5",
            "Improvement (ice pick)": estimated(
                o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]
            ),
            "Dark/light patch risk for you": RISK_LABELS[o.pigment_risk],
            "Evidence": EVIDENCE_LABELS[o.evidence_level],
        }
        rows.append(row)
    return rows


NUMERIC = frozenset({"Rank", "Fit", "Works for your scars", "Typical cost"})
TABLE_CAPTION = "Every option for your answers, best fit first"
TABLE_KEY = (
    "Best fit first. Fit and Works for your scars run from 0 to 100; the fit can never be "
    "higher than how well an option works for your scars. Options not advised for you are "
    "listed on their own below. Status: ✓ nothing in your answers argues against it; "
    "! something to discuss first. Costs are in US dollars for a whole course."
)


def option_label(option: OptionResult) -> str:
    fit = "the reference point" if option.is_reference else f"fit {option.fit}"
    return f"{option.rank}. {option.name} · {fit} · {STATUS_LABELS[option.status]}"


def why_this_rank(option: OptionResult) -> None:
    st.markdown(
        f"**Why {escape_markdown(option.name)} is number {option.rank}** (the fit starts at "
        "50; each factor adds or takes away points, and the fit can never be higher than how "
        "well the option works for your scars)\n\n"
        + "\n".join(f"- {escape_markdown(r)}" for r in option.reasons)
    )
    warning = default_content().options[option.id].urgent_warning
    if warning:
        st.warning(escape_markdown(warning), icon=":material/emergency:")
    if option.cautions:
        st.markdown(
            "**Cautions to discuss**\n\n"
            + "\n".join(f"- {escape_markdown(str(c))}" for c in option.cautions)
        )
    st.markdown(escape_markdown(facts_line(option)))
    if option.sources:
        st.caption("Sources: " + escape_markdown("; ".join(option.sources)))


def seed_what_if(saved: dict[str, int]) -> None:
    for key, value in saved.items():
        st.session_state.setdefault(WHAT_IF + key, value)


def back_to_saved(saved: dict[str, int]) -> None:
    for key, value in saved.items():
        st.session_state[WHAT_IF + key] = value


def keep_what_if() -> None:
    for key in FACTOR_CONTROL_LABELS:
        set_answer(f"preferences.weights.{key}", st.session_state[WHAT_IF + key])


def what_if_controls(saved_weights: dict[str, int]) -> None:
    """The five what-if priority sliders and Keep / Back buttons (folded away at first)."""
    with st.expander(
        "What if? Change what matters most and watch the order change",
        expanded=False,
        icon=":material/tune:",
    ):
        st.caption(
            "Try other priorities here. Your saved priorities stay as they are until you "
            "press Keep."
        )
        cols = st.columns(5)
        for col, (key_name, label) in zip(cols, FACTOR_CONTROL_LABELS.items(), strict=True):
            col.select_slider(
                label,
                options=[0, 1, 2, 3, 4, 5],
                key=WHAT_IF + key_name,
                format_func=WEIGHT_WORDS.__getitem__,
                help="0 means it does not count at all.",
            )
        weights = {key: st.session_state[WHAT_IF + key] for key in FACTOR_CONTROL_LABELS}
        trying = weights != saved_weights
        keep, reset = st.columns(2)
        keep.button(
            "Keep these priorities",
            on_click=keep_what_if,
            disabled=not trying,
            icon=":material/check:",
            width="stretch",
        )
        reset.button(
            "Back to my saved priorities",
            on_click=back_to_saved,
            args=(saved_weights,),
            disabled=not trying,
            icon=":material/undo:",
            width="stretch",
        )


def top_cards(top: list[OptionResult]) -> None:
    """The answer first: a card for each of the top three (side by side on a wide screen), short
    enough that all three fit a phone's first screen, then what the three are."""
    for column, option in zip(st.columns(len(top) or 1), top, strict=False):
        with column.container(border=True):
            st.markdown(
                f"**{option.rank}. {escape_markdown(option.name)}**  \n"
                f"Fit {option.fit} of 100 · {STATUS_LABELS[option.status]}  \n"
                + escape_markdown(why_in_one_line(option))
            )
    words_explained([o.name for o in top], "What these options are")


@st.fragment
@guarded
def why_each_rank(shown: list[OptionResult]) -> None:
    """One option's reasons at a time: choosing another reruns only this part."""
    by_id = {o.id: o for o in shown}
    if st.session_state.get(WHY) not in by_id:
        st.session_state.pop(WHY, None)  # the option chosen before is filtered out now
    chosen = st.selectbox(
        "Choose an option",
        list(by_id),
        format_func=lambda option_id: option_label(by_id[option_id]),
        key=WHY,
        help="Options are listed by rank. The reasons are the points behind the fit.",
    )
    with st.container(border=True):
        why_this_rank(by_id[chosen])
        # the points are in the reasons above; the same as a chart, on request
        if st.toggle("Show the points as a chart", key="cmp_why_chart"):
            chart_with_table(breakdown_chart(by_id[chosen]), "cmp_why_table")


def what_if_messages(rec: Recommendation, moved: dict[str, int], trying: bool) -> None:
    """Messages that come and go, all inside one container, so that the elements after it keep
    their places from run to run and the charts below update their data in place."""
    with st.container():
        if trying:
            changes = sum(1 for v in moved.values() if v)
            st.info(
                f"You are trying other priorities: {changes} options changed place compared "
                "with your saved priorities (see the Moved column). The Summary uses your saved "
                "priorities until you press Keep.",
                icon=":material/science:",
            )
        close = close_call(rec.ranking.options)
        if close:
            first, second = close
            st.info(
                f"Close call: {escape_markdown(first.name)} and {escape_markdown(second.name)} "
                f"are within {first.fit - second.fit} points, so a small change in your "
                "priorities can swap them.",
                icon=":material/balance:",
            )
        for note in rec.ranking.general_notes:
            st.info(escape_markdown(note))


def filtered(options: list[OptionResult]) -> list[OptionResult]:
    """The filters, and the options they leave, in rank order."""
    filters = st.columns([1, 2])
    hide = filters[0].toggle("Hide options not advised", key="cmp_hide_not_advised")
    categories = filters[1].multiselect(
        "Show only these kinds",
        list(CATEGORY_WORDS),
        format_func=CATEGORY_WORDS.__getitem__,
        key="cmp_categories",
        placeholder="All kinds",
    )
    return [
        o
        for o in options
        if not (hide and o.status == "not_advised") and (not categories or o.category in categories)
    ]


def not_advised_rows(options: list[OptionResult]) -> list[dict]:
    """The options advised against, each with the first reason from the answers."""
    return [
        {
            "Rank": o.rank,
            "Option": o.name.split(" (")[0],
            "Why not for now": next(str(c) for c in o.cautions if c.effect == "not_advised"),
        }
        for o in options
    ]


def table_and_charts(
    rec: Recommendation, shown: list[OptionResult], moved: dict[str, int] | None
) -> None:
    advised = [o for o in shown if o.status != "not_advised"]
    against = [o for o in shown if o.status == "not_advised"]
    st.subheader("All options side by side")
    st.caption(TABLE_KEY)
    if advised:
        rows = table_rows(advised, moved)
        show_table(
            html_table(rows, caption=TABLE_CAPTION, row_header="Option", numeric=NUMERIC, pinned=2)
        )
    st.caption(
        "Ranges run from low to high. (est.) marks a number that is our estimate, not a "
        "published figure. Doing nothing is not given a fit: it is the reference point every "
        "option is compared with. The Learn page explains every option."
    )
    words_explained(
        [TABLE_KEY, *(o.name for o in shown), *(str(c) for o in shown for c in o.cautions)],
        "Words in this table",
    )
    if against:
        st.subheader("Not advised for you")
        st.caption(
            "These come last, whatever their fit: something in your answers argues against "
            "them for now. A dermatologist can tell you whether that changes."
        )
        show_table(
            html_table(
                not_advised_rows(against),
                caption="Options advised against for now, and why",
                row_header="Option",
                numeric=frozenset({"Rank"}),
            )
        )
    st.subheader("Charts")
    for n, chart in enumerate(comparison_charts(rec, shown)):
        st.markdown(f"**{escape_markdown(chart.title)}**")
        chart_with_table(chart, f"cmp_chart_table_{n}")


def ways_forward(top: OptionResult | None) -> None:
    """Where to go next: read about the best fit, or the summary to take to a dermatologist."""
    st.subheader("Next steps")
    left, right = st.columns(2)
    if top is not None and left.button(
        f"Read about {top.name.split(' (')[0]}",
        icon=":material/menu_book:",
        width="stretch",
        key="cmp_read_top",
    ):
        open_on_learn(top.id)
    if right.button(
        "Go to my summary", icon=":material/summarize:", type="primary", width="stretch"
    ):
        go("summary")


@st.fragment
@guarded
def comparison() -> None:
    """The what-if priorities and everything they change: moving a slider reruns only this,
    not the questionnaire state, the sidebar or anything else on the page."""
    saved_rec = current_recommendation()
    saved_weights = saved_rec.profile.preferences.weights.model_dump()
    seed_what_if(saved_weights)
    weights = {key: st.session_state[WHAT_IF + key] for key in FACTOR_CONTROL_LABELS}
    trying = weights != saved_weights
    rec = what_if_recommendation(saved_rec, weights)
    moved = moved_places(saved_rec, rec)

    top = rec.ranking.options[0]  # the answer first
    st.markdown(
        f"For your answers, **{escape_markdown(top.name)}** fits best (fit {top.fit} of 100, "
        f"{STATUS_LABELS[top.status]})."
    )
    top_cards(top_options(rec))
    expectation_note(rec)  # only when the change hoped for is more than studies show
    what_if_controls(saved_weights)  # above the messages, so a slider never jumps as they come
    what_if_messages(rec, moved, trying)
    shown = filtered(rec.ranking.options)
    if not shown:
        st.warning("No option matches these filters. Clear a filter to see options again.")
        return
    table_and_charts(rec, shown, moved if trying else None)
    st.subheader("Why each option has its rank")
    why_each_rank(shown)
    tops = top_options(rec)
    ways_forward(tops[0] if tops else None)


st.title("Compare the options")
show_state_messages()
disclaimer()
example_notice("compare")
comparison()
footer("compare")
