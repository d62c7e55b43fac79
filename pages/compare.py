"""Compare: every option in one table and in charts, with "what if" priorities and reasons."""

import pandas as pd
import streamlit as st

from advisor.charts import comparison_charts
from advisor.content import default_content
from advisor.explain import estimated, facts_line
from advisor.recommend import Recommendation, recommend
from advisor.scoring import OptionResult
from advisor.words import (
    EVIDENCE_LABELS,
    LEVEL_LABELS,
    RISK_LABELS,
    STATUS_LABELS,
    money_range,
    number_range,
)
from ui.layout import WEIGHT_WORDS, disclaimer, draw_chart, lazy_section, safe
from ui.nav import ensure_routed
from ui.state import current_profile, current_recommendation, set_answer, show_state_messages

ensure_routed()
st.set_page_config(layout="wide")

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
FACTOR_LABELS = (
    ("effectiveness", "How well it works"),
    ("cost", "Low cost"),
    ("downtime", "Little downtime"),
    ("sessions", "Few sessions"),
    ("invasiveness", "Less invasive"),
)


def moved_words(places: int) -> str:
    return "" if not places else ("▲ " if places > 0 else "▼ ") + str(abs(places))


def table(options: list[OptionResult], moved: dict[str, int] | None) -> pd.DataFrame:
    """One row per option; the Moved column only while trying other priorities."""
    frame = pd.DataFrame(
        [
            {
                "Rank": o.rank,
                "Option": o.name.split(" (")[0],
                # doing nothing is the reference every option is compared with, not a contender
                "Fit": None if o.is_reference else o.fit,
                "Status": STATUS_LABELS[o.status],
                "Works for your scars": round(o.works.score),
                "Total cost": estimated(o, "cost", money_range(o.total_cost_usd)),
                "Typical cost": round(o.typical_cost_usd),
                "Sessions": estimated(o, "sessions", number_range(o.sessions)),
                "Downtime per session": estimated(
                    o, "downtime", number_range(o.downtime_days, "days")
                ),
                "Invasiveness": o.invasiveness,
                "Improvement (ice pick)": estimated(
                    o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]
                ),
                "Dark/light patch risk for you": RISK_LABELS[o.pigment_risk],
                "Evidence": EVIDENCE_LABELS[o.evidence_level],
            }
            for o in options
        ]
    )
    if moved is not None:
        frame.insert(1, "Moved", [moved_words(moved[o.id]) for o in options])
    return frame


COLUMNS = {
    "Rank": st.column_config.NumberColumn(
        "Rank", help="1 is the best fit for your answers", width="small"
    ),
    "Moved": st.column_config.TextColumn(
        "Moved", help="Change of rank after your last change", width="small"
    ),
    "Option": st.column_config.TextColumn("Option", width="medium"),
    "Status": st.column_config.TextColumn(
        "Status",
        help="✓ nothing in your answers argues against it; ! something to discuss first; "
        "✗ advised against for now",
    ),
    "Fit": st.column_config.ProgressColumn(
        "Fit",
        help="0-100: how well it matches your scars and priorities",
        min_value=0,
        max_value=100,
        format="%d",
    ),
    "Works for your scars": st.column_config.NumberColumn(
        "Works for your scars",
        help="0-100: how well it works for your scars, from the evidence and your answers. "
        "The fit can never be higher than this.",
        format="%d",
    ),
    "Total cost": st.column_config.TextColumn(
        "Total cost", help="Low to high, US$, for your answers"
    ),
    "Typical cost": st.column_config.NumberColumn("Typical cost ($)", format="localized"),
    "Invasiveness": st.column_config.NumberColumn(
        "Invasiveness", format="%d of 5", help="1 creams at home to 5 deep sanding"
    ),
    "Evidence": st.column_config.TextColumn(
        "Evidence", help="Quality of the studies for ice pick scars"
    ),
}


def option_label(option: OptionResult) -> str:
    fit = "the reference point" if option.is_reference else f"fit {option.fit}"
    return f"{option.rank}. {option.name} · {fit} · {STATUS_LABELS[option.status]}"


def why_this_rank(option: OptionResult) -> None:
    st.markdown(
        f"**Why {safe(option.name)} is number {option.rank}** (the fit starts at 50; each "
        "factor adds or takes away points, and the fit can never be higher than how well the "
        "option works for your scars)\n\n" + "\n".join(f"- {safe(r)}" for r in option.reasons)
    )
    warning = default_content().options[option.id].urgent_warning
    if warning:
        st.warning(safe(warning), icon=":material/emergency:")
    if option.cautions:
        st.markdown(
            "**Cautions to discuss**\n\n" + "\n".join(f"- {safe(str(c))}" for c in option.cautions)
        )
    st.markdown(safe(facts_line(option)))
    if option.sources:
        st.caption("Sources: " + safe("; ".join(option.sources)))


def seed_what_if(saved: dict[str, int]) -> None:
    for key, value in saved.items():
        st.session_state.setdefault(WHAT_IF + key, value)


def back_to_saved(saved: dict[str, int]) -> None:
    for key, value in saved.items():
        st.session_state[WHAT_IF + key] = value


def keep_what_if() -> None:
    for key, _ in FACTOR_LABELS:
        set_answer(f"preferences.weights.{key}", st.session_state[WHAT_IF + key])


def what_if_recommendation(saved_rec: Recommendation, weights: dict[str, int]) -> Recommendation:
    """The ranking under the what-if priorities (the saved one when they are the same)."""
    if weights == saved_rec.profile.preferences.weights.model_dump():
        return saved_rec
    profile = saved_rec.profile.model_copy(deep=True)
    profile.preferences.weights = profile.preferences.weights.model_validate(weights)
    return recommend(profile)


saved_rec = current_recommendation()
saved_weights = current_profile().preferences.weights.model_dump()
seed_what_if(saved_weights)

st.title("Compare the options")
show_state_messages()
disclaimer()

with st.expander(
    "What if? Change what matters most and watch the order change",
    expanded=True,
    icon=":material/tune:",
):
    st.caption(
        "Try other priorities here. Your saved priorities stay as they are until you press Keep."
    )
    cols = st.columns(5)
    for col, (key_name, label) in zip(cols, FACTOR_LABELS, strict=True):
        col.select_slider(
            label,
            options=[0, 1, 2, 3, 4, 5],
            key=WHAT_IF + key_name,
            format_func=WEIGHT_WORDS.__getitem__,
            help="0 means it does not count at all.",
        )
    weights = {key: st.session_state[WHAT_IF + key] for key, _ in FACTOR_LABELS}
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

rec = what_if_recommendation(saved_rec, weights)
options = rec.ranking.options
saved_rank = {o.id: o.rank for o in saved_rec.ranking.options}
moved = {o.id: saved_rank[o.id] - o.rank for o in options}
if trying:
    changes = sum(1 for v in moved.values() if v)
    st.info(
        f"You are trying other priorities: {changes} options changed place compared with "
        "your saved priorities (see the Moved column). The Summary uses your saved "
        "priorities until you press Keep.",
        icon=":material/science:",
    )

top = options[0]
st.markdown(
    f"For your answers, **{safe(top.name)}** fits best (fit {top.fit} of 100, "
    f"{STATUS_LABELS[top.status]})."
)
advisable = [o for o in options if o.status != "not_advised"]
if len(advisable) >= 2 and advisable[0].fit - advisable[1].fit <= 3:
    st.info(
        f"Close call: {safe(advisable[0].name)} and {safe(advisable[1].name)} are within "
        f"{advisable[0].fit - advisable[1].fit} points, so a small change in your priorities can "
        "swap them.",
        icon=":material/balance:",
    )
for note in rec.ranking.general_notes:
    st.info(note)

filters = st.columns([1, 2])
hide = filters[0].toggle("Hide options that are not advised", key="cmp_hide_not_advised")
categories = filters[1].multiselect(
    "Show only these kinds",
    list(CATEGORY_WORDS),
    format_func=CATEGORY_WORDS.__getitem__,
    key="cmp_categories",
    placeholder="All kinds",
)
shown = [
    o
    for o in options
    if not (hide and o.status == "not_advised") and (not categories or o.category in categories)
]

if not shown:
    st.warning("No option matches these filters. Clear a filter to see options again.")
    st.stop()

st.subheader("All options side by side")
st.dataframe(
    table(shown, moved if trying else None),
    column_config=COLUMNS,
    hide_index=True,
    width="stretch",
    height=35 * (len(shown) + 1) + 3,
)
st.caption(
    "Ranges run from low to high. (est.) marks a number that is our estimate, not a "
    "published figure. No treatment has no fit: it is the reference point every option is "
    "compared with. The Learn page explains every option."
)

st.subheader("Charts")
charts = comparison_charts(rec, shown)
st.markdown(
    "**What the charts show**\n"
    + "\n".join(f"- {safe(c.title)}: {safe(c.summary)}" for c in charts)
)
# Drawn only once opened, and then only the open tab: the chart library is the largest
# download of the page, and six Vega charts on every rerun made the page slow.
section = lazy_section("Show the charts", "cmp_charts", ":material/bar_chart:")
if section is not None:
    with section:
        tabs = st.tabs([c.title for c in charts], key="cmp_chart_tab", on_change="rerun")
        for tab, chart in zip(tabs, charts, strict=True):
            if tab.open:
                with tab:
                    draw_chart(chart)

st.subheader("Why each option has its rank")
# one option at a time, the best fit first: fourteen sections made the page slow to open
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
