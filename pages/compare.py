"""Compare: every option in one table and in charts, with "what if" priorities and reasons."""

import streamlit as st

from advisor.charts import breakdown_chart, comparison_charts
from advisor.content import default_content
from advisor.explain import estimated, facts_line, healing_text, sessions_text, why_in_one_line
from advisor.export import escape_markdown
from advisor.i18n import N_, Messages, _, ngettext
from advisor.money import currency_name
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
    number,
)
from ui.decision import expectation_note
from ui.errors import guarded
from ui.glossary import words_explained
from ui.language import conversion_note
from ui.layout import WEIGHT_WORDS, chart_with_table, disclaimer, example_notice, footer, show_table
from ui.nav import ensure_routed, go, open_on_learn
from ui.state import current_recommendation, set_answer, show_state_messages
from ui.tables import html_table

ensure_routed()


CATEGORY_WORDS = Messages(
    {
        "topical": N_("Creams at home"),
        "peel": N_("Peels"),
        "focal": N_("Single-scar treatments"),
        "surgical": N_("Minor surgery"),
        "resurfacing": N_("Resurfacing"),
        "injectable": N_("Injections"),
        "none": N_("No treatment"),
    }
)
WHAT_IF = "whatif:"
WHY = "cmp_why"


def moved_words(places: int) -> str:
    return "" if not places else ("▲ " if places > 0 else "▼ ") + number(abs(places))


# the table's column names (msgids: the table shows them in the language in use)
RANK, OPTION, MOVED, FIT = N_("Rank"), N_("Option"), N_("Moved"), N_("Fit")
STATUS, WORKS, TOTAL_COST = N_("Status"), N_("Works for your scars"), N_("Total cost")
TYPICAL_COST, SESSIONS, HEALING = N_("Typical cost"), N_("Sessions"), N_("Healing per session")
INVASIVENESS, IMPROVEMENT = N_("Invasiveness"), N_("Improvement (ice pick)")
PATCH_RISK, EVIDENCE = N_("Dark/light patch risk for you"), N_("Evidence")
WHY_NOT = N_("Why not for now")


def table_rows(options: list[OptionResult], moved: dict[str, int] | None) -> list[dict]:
    """One row per option; the Moved column only while trying other priorities."""
    rows = []
    for o in options:
        row: dict[str, object] = {_(RANK): o.rank, _(OPTION): o.name.split(" (")[0]}
        if moved is not None:
            row[_(MOVED)] = moved_words(moved[o.id])
        row |= {
            # doing nothing is the reference every option is compared with, not a contender
            _(FIT): _("reference") if o.is_reference else o.fit,
            _(STATUS): STATUS_LABELS[o.status],
            _(WORKS): round(o.works.score),
            _(TOTAL_COST): estimated(o, "cost", money_range(o.total_cost_usd)),
            _(TYPICAL_COST): money(o.typical_cost_usd),
            _(SESSIONS): sessions_text(o),
            _(HEALING): healing_text(o),
            _(INVASIVENESS): _("{level} of 5").format(level=o.invasiveness),
            _(IMPROVEMENT): estimated(o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]),
            _(PATCH_RISK): RISK_LABELS[o.pigment_risk],
            _(EVIDENCE): EVIDENCE_LABELS[o.evidence_level],
        }
        rows.append(row)
    return rows


NUMERIC = (RANK, FIT, WORKS, TYPICAL_COST)
TABLE_CAPTION = N_("Every option for your answers, best fit first")
TABLE_KEY = N_(
    "Best fit first. Fit and Works for your scars run from 0 to 100; the fit can never be "
    "higher than how well an option works for your scars. Options not advised for you are "
    "listed on their own below. Status: ✓ nothing in your answers argues against it; "
    "! something to discuss first. Costs are in {currency} for a whole course."
)


def table_key() -> str:
    """How to read the table, with the currency its costs are in ("US dollars")."""
    return _(TABLE_KEY).format(currency=currency_name())


def fit_words(option: OptionResult) -> str:
    if option.is_reference:
        return _("the reference point")
    return _("fit {fit}").format(fit=option.fit)


def option_label(option: OptionResult) -> str:
    return f"{option.rank}. {option.name} · {fit_words(option)} · {STATUS_LABELS[option.status]}"


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {escape_markdown(item)}" for item in items)


def why_this_rank(option: OptionResult) -> None:
    heading = _(
        "**Why {name} is number {rank}** (the fit starts at 50; each factor adds or takes "
        "away points, and the fit can never be higher than how well the option works for your "
        "scars)"
    ).format(name=escape_markdown(option.name), rank=option.rank)
    st.markdown(heading + "\n\n" + bullets(option.reasons))
    warning = default_content().options[option.id].urgent_warning
    if warning:
        st.warning(escape_markdown(warning), icon=":material/emergency:")
    if option.cautions:
        st.markdown(
            "**" + _("Cautions to discuss") + "**\n\n" + bullets([str(c) for c in option.cautions])
        )
    st.markdown(escape_markdown(facts_line(option)))
    if option.sources:
        sources = escape_markdown("; ".join(option.sources))
        st.caption(_("Sources: {sources}").format(sources=sources))


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
        _("What if? Change what matters most and watch the order change"),
        expanded=False,
        icon=":material/tune:",
    ):
        st.caption(
            _(
                "Try other priorities here. Your saved priorities stay as they are until you "
                "press Keep."
            )
        )
        cols = st.columns(5)
        for col, (key_name, label) in zip(cols, FACTOR_CONTROL_LABELS.items(), strict=True):
            col.select_slider(
                label,
                options=[0, 1, 2, 3, 4, 5],
                key=WHAT_IF + key_name,
                format_func=WEIGHT_WORDS.__getitem__,
                help=_("0 means it does not count at all."),
            )
        weights = {key: st.session_state[WHAT_IF + key] for key in FACTOR_CONTROL_LABELS}
        trying = weights != saved_weights
        keep, reset = st.columns(2)
        keep.button(
            _("Keep these priorities"),
            on_click=keep_what_if,
            disabled=not trying,
            icon=":material/check:",
            width="stretch",
        )
        reset.button(
            _("Back to my saved priorities"),
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
            fit = _("Fit {fit} of 100").format(fit=option.fit)
            st.markdown(
                f"**{option.rank}. {escape_markdown(option.name)}**  \n"
                f"{fit} · {STATUS_LABELS[option.status]}  \n"
                + escape_markdown(why_in_one_line(option))
            )
    words_explained([o.name for o in top], _("What these options are"))


@st.fragment
@guarded
def why_each_rank(shown: list[OptionResult]) -> None:
    """One option's reasons at a time: choosing another reruns only this part."""
    by_id = {o.id: o for o in shown}
    if st.session_state.get(WHY) not in by_id:
        st.session_state.pop(WHY, None)  # the option chosen before is filtered out now
    chosen = st.selectbox(
        _("Choose an option"),
        list(by_id),
        format_func=lambda option_id: option_label(by_id[option_id]),
        key=WHY,
        help=_("Options are listed by rank. The reasons are the points behind the fit."),
    )
    with st.container(border=True):
        why_this_rank(by_id[chosen])
        # the points are in the reasons above; the same as a chart, on request
        if st.toggle(_("Show the points as a chart"), key="cmp_why_chart"):
            chart_with_table(breakdown_chart(by_id[chosen]), "cmp_why_table")


def trying_message(changes: int) -> str:
    return ngettext(
        "You are trying other priorities: {n} option changed place compared with your saved "
        "priorities (see the Moved column). The Summary uses your saved priorities until you "
        "press Keep.",
        "You are trying other priorities: {n} options changed place compared with your saved "
        "priorities (see the Moved column). The Summary uses your saved priorities until you "
        "press Keep.",
        changes,
    ).format(n=number(changes))


def close_call_message(first: OptionResult, second: OptionResult) -> str:
    points = first.fit - second.fit
    return ngettext(
        "Close call: {first} and {second} are within {n} point, so a small change in your "
        "priorities can swap them.",
        "Close call: {first} and {second} are within {n} points, so a small change in your "
        "priorities can swap them.",
        points,
    ).format(first=escape_markdown(first.name), second=escape_markdown(second.name), n=points)


def what_if_messages(rec: Recommendation, moved: dict[str, int], trying: bool) -> None:
    """Messages that come and go, all inside one container, so that the elements after it keep
    their places from run to run and the charts below update their data in place."""
    with st.container():
        if trying:
            changes = sum(1 for v in moved.values() if v)
            st.info(trying_message(changes), icon=":material/science:")
        close = close_call(rec.ranking.options)
        if close:
            st.info(close_call_message(*close), icon=":material/balance:")
        for note in rec.ranking.general_notes:
            st.info(escape_markdown(note))


def filtered(options: list[OptionResult]) -> list[OptionResult]:
    """The filters, and the options they leave, in rank order."""
    filters = st.columns([1, 2])
    hide = filters[0].toggle(_("Hide options not advised"), key="cmp_hide_not_advised")
    categories = filters[1].multiselect(
        _("Show only these kinds"),
        list(CATEGORY_WORDS),
        format_func=CATEGORY_WORDS.__getitem__,
        key="cmp_categories",
        placeholder=_("All kinds"),
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
            _(RANK): o.rank,
            _(OPTION): o.name.split(" (")[0],
            _(WHY_NOT): next(str(c) for c in o.cautions if c.effect == "not_advised"),
        }
        for o in options
    ]


def not_advised_table(against: list[OptionResult]) -> None:
    st.subheader(_("Not advised for you"))
    st.caption(
        _(
            "These come last, whatever their fit: something in your answers argues against "
            "them for now. A dermatologist can tell you whether that changes."
        )
    )
    show_table(
        html_table(
            not_advised_rows(against),
            caption=_("Options advised against for now, and why"),
            row_header=_(OPTION),
            numeric=frozenset({_(RANK)}),
        )
    )


def table_and_charts(
    rec: Recommendation, shown: list[OptionResult], moved: dict[str, int] | None
) -> None:
    advised = [o for o in shown if o.status != "not_advised"]
    against = [o for o in shown if o.status == "not_advised"]
    st.subheader(_("All options side by side"))
    st.caption(table_key())
    if advised:
        rows = table_rows(advised, moved)
        numeric = frozenset(_(column) for column in NUMERIC)
        show_table(
            html_table(
                rows, caption=_(TABLE_CAPTION), row_header=_(OPTION), numeric=numeric, pinned=2
            )
        )
    st.caption(
        _(
            "Ranges run from low to high. (est.) marks a number that is our estimate, not a "
            "published figure. Doing nothing is not given a fit: it is the reference point "
            "every option is compared with. The Learn page explains every option."
        )
    )
    words_explained(
        [table_key(), *(o.name for o in shown), *(str(c) for o in shown for c in o.cautions)],
        _("Words in this table"),
    )
    if against:
        not_advised_table(against)
    st.subheader(_("Charts"))
    for n, chart in enumerate(comparison_charts(rec, shown)):
        st.markdown(f"**{escape_markdown(chart.title)}**")
        chart_with_table(chart, f"cmp_chart_table_{n}")


def ways_forward(top: OptionResult | None) -> None:
    """Where to go next: read about the best fit, or the summary to take to a dermatologist."""
    st.subheader(_("Next steps"))
    left, right = st.columns(2)
    if top is not None and left.button(
        _("Read about {name}").format(name=top.name.split(" (")[0]),
        icon=":material/menu_book:",
        width="stretch",
        key="cmp_read_top",
    ):
        open_on_learn(top.id)
    if right.button(
        _("Go to my summary"), icon=":material/summarize:", type="primary", width="stretch"
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
        _("For your answers, **{name}** fits best (fit {fit} of 100, {status}).").format(
            name=escape_markdown(top.name), fit=top.fit, status=STATUS_LABELS[top.status]
        )
    )
    top_cards(top_options(rec))
    expectation_note(rec)  # only when the change hoped for is more than studies show
    what_if_controls(saved_weights)  # above the messages, so a slider never jumps as they come
    what_if_messages(rec, moved, trying)
    shown = filtered(rec.ranking.options)
    if not shown:
        st.warning(_("No option matches these filters. Clear a filter to see options again."))
        return
    table_and_charts(rec, shown, moved if trying else None)
    st.subheader(_("Why each option has its rank"))
    why_each_rank(shown)
    tops = top_options(rec)
    ways_forward(tops[0] if tops else None)


st.title(_("Compare the options"))
show_state_messages()
disclaimer()
example_notice("compare")
conversion_note()  # the costs below are converted from US prices
comparison()
footer("compare")
