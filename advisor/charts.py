"""Altair charts of a recommendation, shared by the app and the PDF export.

Status colours come from the Okabe-Ito palette (safe for colour-blind readers), and status
is also shown by the mark's shape and in every tooltip, so colour never carries it alone.
Each chart comes with a one-line text summary for readers who cannot see it.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from advisor.plan import Plan
from advisor.recommend import Recommendation
from advisor.scoring import FACTOR_LABELS, FACTORS, LEVEL_SCORE, OptionResult, money

STATUS_WORDS = {"suitable": "Suitable", "caution": "Caution", "not_advised": "Not advised"}
STATUS_DOMAIN = list(STATUS_WORDS.values())
STATUS_COLOURS = ["#0072B2", "#E69F00", "#D55E00"]  # blue, orange, vermilion
STATUS_SHAPES = ["circle", "triangle-up", "cross"]
FACTOR_COLOURS = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#F0E442"]
IMPROVEMENT_ORDER = ["none", "low", "moderate", "high"]
ROW_HEIGHT = 26


def _sized(chart: alt.TopLevelMixin, height: int) -> alt.TopLevelMixin:
    """Plot area this tall; width follows the container (legends and axes come on top)."""
    return chart.properties(
        height=height, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
    )


@dataclass(frozen=True)
class Chart:
    """An Altair chart and the sentence that says what it shows."""

    title: str
    chart: alt.TopLevelMixin
    summary: str


def chart_label(option: OptionResult) -> str:
    """'3. Skin creams' for 'Skin creams (retinoids, AHA, vitamin C)': short for phone widths."""
    return f"{option.rank}. {option.name.split(' (')[0]}"


def options_frame(options: list[OptionResult]) -> pd.DataFrame:
    """One row per option with the numbers the charts draw."""
    return pd.DataFrame(
        [
            {
                "rank": o.rank,
                "option": o.name,
                "label": chart_label(o),
                "status": STATUS_WORDS[o.status],
                "fit": o.fit,
                "cost_low": round(o.total_cost_usd.low),
                "cost_high": round(o.total_cost_usd.high),
                "cost_typical": round(o.typical_cost_usd),
                "downtime_low": o.downtime_days.low,
                "downtime_high": o.downtime_days.high,
                "sessions_low": o.sessions.low,
                "sessions_high": o.sessions.high,
                "invasiveness": o.invasiveness,
                "improvement": o.improvement,
                "improvement_score": LEVEL_SCORE[o.improvement],
            }
            for o in options
        ]
    )


def _status_colour() -> alt.Color:
    return alt.Color(
        "status:N",
        title="Status",
        scale=alt.Scale(domain=STATUS_DOMAIN, range=STATUS_COLOURS),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )


def _status_shape() -> alt.Shape:
    return alt.Shape(
        "status:N",
        title="Status",
        scale=alt.Scale(domain=STATUS_DOMAIN, range=STATUS_SHAPES),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )


def _option_axis(frame: pd.DataFrame) -> alt.Y:
    return alt.Y("label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=130))


def _range_chart(
    frame: pd.DataFrame, low: str, high: str, title: str, unit_format: str, tooltip_title: str
) -> alt.LayerChart:
    base = alt.Chart(frame).encode(y=_option_axis(frame))
    tooltip = [
        alt.Tooltip("option:N", title="Option"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip(f"{low}:Q", title=f"{tooltip_title}, low", format=unit_format),
        alt.Tooltip(f"{high}:Q", title=f"{tooltip_title}, high", format=unit_format),
    ]
    bar = base.mark_rule(strokeWidth=5, opacity=0.75).encode(
        x=alt.X(f"{low}:Q", title=title), x2=f"{high}:Q", color=_status_colour(), tooltip=tooltip
    )
    ends = base.mark_point(filled=True, size=70).encode(
        x=f"{low}:Q", color=_status_colour(), shape=_status_shape(), tooltip=tooltip
    )
    return alt.layer(bar, ends)


def cost_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = rec.ranking.options if options is None else options
    frame = options_frame(options)
    budget = rec.profile.preferences.budget_usd
    layer = _range_chart(frame, "cost_low", "cost_high", "Total cost (US$)", "$,.0f", "Cost")
    typical = (
        alt.Chart(frame)
        .mark_tick(thickness=2, size=14, color="#444")
        .encode(
            y=_option_axis(frame),
            x="cost_typical:Q",
            tooltip=[
                alt.Tooltip("option:N", title="Option"),
                alt.Tooltip("cost_typical:Q", title="Typical cost", format="$,.0f"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"budget": [budget], "label": [f"Your budget {money(budget)}"]}))
        .mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#444")
        .encode(x="budget:Q", tooltip=alt.Tooltip("label:N", title="Budget"))
    )
    within = frame[frame["cost_low"] <= budget]
    summary = (
        f"Total cost ranges for your answers; the dashed line is your budget of {money(budget)}. "
        f"{len(within)} of {len(frame)} options can cost less than that at the low end; "
        "the dark tick is the typical cost."
    )
    chart = _sized(alt.layer(layer, typical, rule), ROW_HEIGHT * len(frame))
    return Chart("Total cost", chart, summary)


def downtime_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = rec.ranking.options if options is None else options
    frame = options_frame(options)
    limit = rec.profile.preferences.max_downtime_days
    layer = _range_chart(
        frame,
        "downtime_low",
        "downtime_high",
        "Days of visible healing per session",
        ",.0f",
        "Days",
    )
    rule = (
        alt.Chart(pd.DataFrame({"limit": [limit]}))
        .mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#444")
        .encode(x="limit:Q", tooltip=alt.Tooltip("limit:Q", title="Your limit (days)"))
    )
    longest = frame.sort_values("downtime_high").iloc[-1]
    summary = (
        f"Healing days after each session; the dashed line is your limit of {limit} days. "
        f"The longest is {longest['option']} at up to {longest['downtime_high']:g} days."
    )
    return Chart("Downtime", _sized(alt.layer(layer, rule), ROW_HEIGHT * len(frame)), summary)


def sessions_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = rec.ranking.options if options is None else options
    frame = options_frame(options)
    limit = rec.profile.preferences.max_sessions
    layer = _range_chart(
        frame, "sessions_low", "sessions_high", "Clinic sessions", ",.0f", "Sessions"
    )
    rule = (
        alt.Chart(pd.DataFrame({"limit": [limit]}))
        .mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#444")
        .encode(x="limit:Q", tooltip=alt.Tooltip("limit:Q", title="Your limit (sessions)"))
    )
    over = int((frame["sessions_high"] > limit).sum())
    summary = (
        f"Clinic sessions for a full course; the dashed line is your limit of {limit}. "
        f"{over} option(s) can need more."
    )
    return Chart("Sessions", _sized(alt.layer(layer, rule), ROW_HEIGHT * len(frame)), summary)


def invasiveness_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = rec.ranking.options if options is None else options
    frame = options_frame(options)
    cells = (
        frame.groupby(["invasiveness", "improvement", "improvement_score"], as_index=False)
        .agg(names=("option", lambda s: ", ".join(s)), count=("option", "size"))
        .sort_values(["invasiveness", "improvement_score"])
    )
    base = alt.Chart(cells).encode(
        x=alt.X(
            "invasiveness:O",
            title="Invasiveness (1 gentle to 5 most invasive)",
            scale=alt.Scale(domain=[1, 2, 3, 4, 5]),
            axis=alt.Axis(labelAngle=0),
        ),
        y=alt.Y(
            "improvement:O",
            title="Expected improvement for ice pick scars",
            scale=alt.Scale(domain=list(reversed(IMPROVEMENT_ORDER))),
        ),
        tooltip=[
            alt.Tooltip("names:N", title="Options"),
            alt.Tooltip("invasiveness:O", title="Invasiveness"),
            alt.Tooltip("improvement:N", title="Improvement"),
        ],
    )
    dots = base.mark_circle(color="#0072B2", opacity=0.8).encode(
        size=alt.Size("count:Q", title="Options", scale=alt.Scale(range=[200, 1400]), legend=None)
    )
    labels = base.mark_text(fontSize=12, fontWeight="bold", color="white").encode(text="count:Q")
    best = frame[frame["improvement"] == "high"].sort_values("invasiveness")
    gentlest = best.iloc[0] if len(best) else None
    summary = (
        "Each circle shows how many options share an invasiveness level and an expected "
        "improvement (hover or tap for names). "
        + (
            f"The gentlest option with a high expected improvement is {gentlest['option']} "
            f"(invasiveness {gentlest['invasiveness']})."
            if gentlest is not None
            else "No option has a high expected improvement."
        )
    )
    return Chart("Invasiveness and improvement", _sized(alt.layer(dots, labels), 260), summary)


def overview_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = rec.ranking.options if options is None else options
    frame = options_frame(options)
    base = alt.Chart(frame).encode(
        y=_option_axis(frame),
        tooltip=[
            alt.Tooltip("option:N", title="Option"),
            alt.Tooltip("fit:Q", title="Fit (0-100)"),
            alt.Tooltip("status:N", title="Status"),
        ],
    )
    bars = base.mark_bar(height=16).encode(
        x=alt.X("fit:Q", title="Fit for you (0-100)", scale=alt.Scale(domain=[0, 100])),
        color=_status_colour(),
    )
    points = base.mark_point(filled=True, size=60, color="#222").encode(
        x="fit:Q", shape=_status_shape()
    )
    top = options[0]
    summary = (
        f"Fit for every option, best first. {top.name} fits best ({top.fit} of 100). "
        "Colour and shape show the status."
    )
    return Chart("Overview", _sized(alt.layer(bars, points), ROW_HEIGHT * len(frame)), summary)


def breakdown_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = rec.ranking.options if options is None else options
    rows = []
    for o in options:
        for key, points in zip(FACTORS, o.factor_points, strict=True):
            rows.append(
                {
                    "label": chart_label(o),
                    "option": o.name,
                    "factor": FACTOR_LABELS[key].capitalize(),
                    "points": round(points, 1),
                }
            )
    frame = pd.DataFrame(rows)
    order = [chart_label(o) for o in options]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=130)),
            x=alt.X("sum(points):Q", title="Points added to or taken from 50"),
            color=alt.Color(
                "factor:N",
                title="Factor",
                scale=alt.Scale(
                    domain=[FACTOR_LABELS[k].capitalize() for k in FACTORS], range=FACTOR_COLOURS
                ),
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            tooltip=[
                alt.Tooltip("option:N", title="Option"),
                alt.Tooltip("factor:N", title="Factor"),
                alt.Tooltip("points:Q", title="Points", format="+.1f"),
            ],
        )
    )
    chart = _sized(chart, ROW_HEIGHT * len(order))
    top = options[0]
    biggest = max(zip(FACTORS, top.factor_points, strict=True), key=lambda kv: abs(kv[1]))
    summary = (
        "Each bar splits an option's fit into the five factors: right of 0 adds points, left "
        f"takes them away. For {top.name}, {FACTOR_LABELS[biggest[0]]} counts most "
        f"({biggest[1]:+.0f} points)."
    )
    return Chart("Why each option scores as it does", chart, summary)


def plan_chart(plan: Plan) -> Chart | None:
    if not plan.steps:
        return None
    frame = pd.DataFrame(
        [
            {
                "label": f"{s.step}. {s.name}",
                "start": s.start_week,
                "end": s.end_week,
                "sessions": s.sessions,
                "purpose": s.purpose,
                "cost": round(s.typical_cost_usd),
            }
            for s in plan.steps
        ]
    )
    chart = (
        alt.Chart(frame)
        .mark_bar(height=22, color="#0072B2")
        .encode(
            y=alt.Y(
                "label:N", sort=list(frame["label"]), title=None, axis=alt.Axis(labelLimit=130)
            ),
            x=alt.X("start:Q", title="Weeks from the first visit"),
            x2="end:Q",
            tooltip=[
                alt.Tooltip("label:N", title="Step"),
                alt.Tooltip("start:Q", title="Starts in week"),
                alt.Tooltip("end:Q", title="Ends in week"),
                alt.Tooltip("sessions:Q", title="Sessions"),
                alt.Tooltip("cost:Q", title="Typical cost", format="$,.0f"),
                alt.Tooltip("purpose:N", title="Why"),
            ],
        )
    )
    chart = _sized(chart, 40 * len(frame))
    steps = "; ".join(f"{s.name} weeks {s.start_week}-{s.end_week}" for s in plan.steps)
    return Chart("Plan timeline", chart, f"The plan on a timeline: {steps}.")


def comparison_charts(
    rec: Recommendation, options: list[OptionResult] | None = None
) -> list[Chart]:
    """Every chart on the Compare page, in page order, for these options (default: all)."""
    return [
        chart(rec, options)
        for chart in (
            overview_chart,
            breakdown_chart,
            cost_chart,
            downtime_chart,
            sessions_chart,
            invasiveness_chart,
        )
    ]
