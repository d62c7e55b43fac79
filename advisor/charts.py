"""Charts of a recommendation, built with Altair, shared by the app and the PDF export.

Each chart is an Altair template over named datasets ("options", "limits", ...). The template
is turned into a Vega-Lite spec once per process (it holds nothing about any user); each call
only fills in the datasets, the row order and the heights. That keeps a rerun fast.

Compare draws two charts at once: the fit of every option, and one chart whose four panels
(cost, downtime, sessions, invasiveness) share a row per option in rank order, each with the
person's limit as a dashed line. Panels stacked in one spec are one element on the page, and
Streamlit stretches a stacked (vconcat) chart to the page's width, phone or desktop.

Status colours come from the Okabe-Ito palette (safe for colour-blind readers), and status is
also shown by the mark's shape and in every tooltip, so colour never carries it alone. Each
chart has a one-line text summary and the same numbers as a table, for readers who cannot
see it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt

from advisor.dates import DatedPlan, day_text
from advisor.plan import Plan, PlanStep
from advisor.recommend import Recommendation
from advisor.scoring import FACTORS, OptionResult
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    FACTOR_LABELS,
    STATUS_WORDS,
    first_upper,
    money,
    money_range,
    number_range,
)

STATUS_DOMAIN = list(STATUS_WORDS.values())
STATUS_COLOURS = ["#0072B2", "#E69F00", "#D55E00"]  # blue, orange, vermilion
STATUS_SHAPES = ["circle", "triangle-up", "cross"]
# The grey of points, ticks and limit lines: 4.5:1 against both the light theme's white and the
# dark theme's black, so one chart spec reads in either theme.
INK = "#777777"
FACTOR_COLOURS = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#666666"]
LIMIT_NAME = "Limit: how well it works for you"
FACTOR_NAMES = [*(first_upper(FACTOR_LABELS[k]) for k in FACTORS), LIMIT_NAME]
ROW_HEIGHT = 24  # one option's row in the fit chart
PANEL_ROW_HEIGHT = 22  # one option's row in each panel: room for every label
LABEL_LIMIT = 130

Spec = dict[str, Any]
Row = dict[str, Any]


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec (built with Altair), the sentence that says what it shows, and the
    same numbers as table rows. The spec and the table are built only when asked for."""

    title: str
    build: Callable[[], Spec]
    summary: str
    rows: Callable[[], list[Row]]
    row_header: str = "Option"  # the table column that names each row

    @functools.cached_property
    def spec(self) -> Spec:
        return self.build()

    @functools.cached_property
    def table(self) -> list[Row]:
        return self.rows()


# ----------------------------------------------------------------------------- data


def chart_label(option: OptionResult) -> str:
    """'3. Skin creams' for 'Skin creams (retinoids, AHA, vitamin C)': short for phone widths."""
    return f"{option.rank}. {option.name.split(' (')[0]}"


def _as_floats(rows: list[Row]) -> list[Row]:
    """Numbers as floats: Streamlit sends datasets as Arrow, where int64 reaches the browser as
    BigInt and Vega then sorts 1, 10, 11, 2 ... like text."""
    return [{k: float(v) if isinstance(v, int) else v for k, v in row.items()} for row in rows]


PANELS = ("cost", "downtime", "sessions", "invasiveness")


def _label(option: OptionResult, group: str) -> str:
    """The row label, with the estimate mark when this panel's figure is our estimate."""
    label = chart_label(option)
    return f"{label} {ESTIMATE_MARK}" if group in option.estimates else label


def option_rows(options: list[OptionResult]) -> list[Row]:
    """One record per option with the numbers the charts draw."""
    return _as_floats(
        [
            {
                "rank": o.rank,
                "option": o.name,
                "label": chart_label(o),
                **{f"label_{group}": _label(o, group) for group in PANELS},
                "status": STATUS_WORDS[o.status],
                "fit": o.fit,
                "works": round(o.works.score),
                "cost_low": round(o.total_cost_usd.low),
                "cost_high": round(o.total_cost_usd.high),
                "cost_typical": round(o.typical_cost_usd),
                "downtime_low": o.downtime_days.low,
                "downtime_high": o.downtime_days.high,
                "sessions_low": o.sessions.low,
                "sessions_high": o.sessions.high,
                "invasiveness_low": o.invasiveness,
                "invasiveness_high": o.invasiveness,
                **{
                    f"{group}_source": ESTIMATE_NOTE if group in o.estimates else "published"
                    for group in ("cost", "downtime", "sessions")
                },
                "invasiveness_source": "catalog scale",
            }
            for o in options
        ]
    )


# ----------------------------------------------------------------------------- templates

OPTIONS = alt.Data(name="options")
LIMITS = alt.Data(name="limits")


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


def _option_axis(field: str = "label", order: str = "rank") -> alt.Y:
    """Options down the side in rank order. The order comes from a number field in the data,
    not a list in the spec, so a rerun that only reorders the options changes the data alone
    and the browser updates the chart in place instead of drawing it anew."""
    return alt.Y(
        f"{field}:N",
        title=None,
        sort=alt.EncodingSortField(order, op="min", order="ascending"),
        axis=alt.Axis(labelLimit=LABEL_LIMIT),
    )


# what each panel draws: (title, number format, word for the tooltip)
PANEL_TEXT = {
    "cost": ("Total cost (US$)", "$,.0f", "Cost"),
    "downtime": ("Days of healing per session", ",.0f", "Days"),
    "sessions": ("Clinic sessions", ",.0f", "Sessions"),
    "invasiveness": ("Invasiveness (1 creams, 5 sanding)", ",.0f", "Invasiveness"),
}
WHOLE_NUMBERS = {"downtime", "sessions", "invasiveness"}  # no 0.2 steps on these axes


def _panel(group: str) -> alt.LayerChart:
    """One measure: a range per option (a point when low and high are the same), the
    typical cost as a tick, and the person's limit as a dashed line."""
    title, fmt, word = PANEL_TEXT[group]
    low, high = f"{group}_low", f"{group}_high"
    base = alt.Chart(OPTIONS).encode(y=_option_axis(f"label_{group}"))
    tooltip = [
        alt.Tooltip("option:N", title="Option"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip(f"{low}:Q", title=f"{word}, low", format=fmt),
        alt.Tooltip(f"{high}:Q", title=f"{word}, high", format=fmt),
        alt.Tooltip(f"{group}_source:N", title="Figure"),
    ]
    axis = alt.Axis(tickMinStep=1, format="d") if group in WHOLE_NUMBERS else alt.Axis()
    scale = alt.Scale(domain=[0, 5]) if group == "invasiveness" else alt.Scale()
    bar = base.mark_rule(strokeWidth=5, opacity=0.75).encode(
        x=alt.X(f"{low}:Q", title=title, axis=axis, scale=scale),
        x2=f"{high}:Q",
        color=_status_colour(),
        tooltip=tooltip,
    )
    ends = base.mark_point(filled=True, size=55).encode(
        x=f"{low}:Q", color=_status_colour(), shape=_status_shape(), tooltip=tooltip
    )
    limit = (
        alt.Chart(LIMITS)
        .transform_filter(alt.datum.panel == group)
        .mark_rule(strokeDash=[6, 4], strokeWidth=2, color=INK, opacity=1)
        .encode(x="value:Q", tooltip=[alt.Tooltip("text:N", title="Your limit")])
    )
    layers = [bar, ends]
    if group == "cost":
        layers.append(
            base.mark_tick(thickness=2, size=12, color=INK, opacity=1).encode(
                x="cost_typical:Q",
                tooltip=[
                    alt.Tooltip("option:N", title="Option"),
                    alt.Tooltip("cost_typical:Q", title="Typical cost", format="$,.0f"),
                ],
            )
        )
    return alt.layer(*layers, limit)


def _limits_template() -> alt.TopLevelMixin:
    return alt.vconcat(*(_panel(group) for group in PANELS), spacing=18)


def _overview_template() -> alt.TopLevelMixin:
    base = alt.Chart(OPTIONS).encode(
        y=_option_axis(),
        tooltip=[
            alt.Tooltip("option:N", title="Option"),
            alt.Tooltip("fit:Q", title="Fit (0-100)"),
            alt.Tooltip("works:Q", title="How well it works for your scars (0-100)"),
            alt.Tooltip("status:N", title="Status"),
        ],
    )
    bars = base.mark_bar(height=14).encode(
        x=alt.X("fit:Q", title="Fit for you (0-100)", scale=alt.Scale(domain=[0, 100])),
        color=_status_colour(),
    )
    points = base.mark_point(filled=True, size=55, color=INK, opacity=1).encode(
        x="fit:Q", shape=_status_shape()
    )
    works = base.mark_tick(thickness=2, size=18, color=INK, opacity=1).encode(x="works:Q")
    return alt.layer(bars, points, works)


def _breakdown_template() -> alt.TopLevelMixin:
    return (
        alt.Chart(alt.Data(name="factors"))
        .mark_bar()
        .encode(
            y=alt.Y("factor:N", title=None, sort=FACTOR_NAMES, axis=alt.Axis(labelLimit=200)),
            x=alt.X("points:Q", title="Points added to or taken from 50"),
            color=alt.Color(
                "factor:N",
                title=None,
                scale=alt.Scale(domain=FACTOR_NAMES, range=FACTOR_COLOURS),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("factor:N", title="Factor"),
                alt.Tooltip("points:Q", title="Points", format="+.1f"),
            ],
        )
    )


# Each mark's colour travels in the data (no legend: a phone cut the legend off, and it named
# acne care in plans without it). The chart's summary sentence says what each mark is.
PLAN_COLOURS = {"session": "#0072B2", "healing": "#56B4E9", "acne": "#009E73", "date": "#D55E00"}
LABEL_LANES = 2  # event names alternate between two heights, so close dates do not overlap


def _plan_template() -> alt.TopLevelMixin:
    """Sessions as diamonds, the healing after each as a pale bar, acne care as a bar, and the
    person's dates as dashed vertical lines across every row, named at the top, on a date
    axis."""
    x_axis = alt.Axis(format="%b %Y", labelAngle=0, tickCount="month", labelOverlap=True)
    colour = alt.Color("colour:N", scale=None)
    spans = (
        alt.Chart(alt.Data(name="spans"))
        .mark_bar(height=14)
        .encode(
            y=_option_axis(order="step"),
            x=alt.X("first:T", title="Suggested dates", axis=x_axis),
            x2="last:T",
            color=colour,
            tooltip=[
                alt.Tooltip("label:N", title="Step"),
                alt.Tooltip("kind:N", title="What"),
                alt.Tooltip("first_text:N", title="From"),
                alt.Tooltip("last_text:N", title="Until about"),
            ],
        )
    )
    sessions = (
        alt.Chart(alt.Data(name="sessions"))
        .mark_point(shape="diamond", filled=True, size=90, opacity=1)
        .encode(
            y=_option_axis(order="step"),
            x="day:T",
            color=colour,
            tooltip=[
                alt.Tooltip("label:N", title="Step"),
                alt.Tooltip("session:N", title="Session"),
                alt.Tooltip("day_text:N", title="Suggested day"),
            ],
        )
    )
    events = alt.Chart(alt.Data(name="events"))
    # the dates' lines and names are read out in the chart's summary: no graphic of their own
    # for a screen reader (an empty one had no text alternative)
    lines = events.mark_rule(strokeDash=[6, 3], strokeWidth=2, opacity=1, aria=False).encode(
        x="day:T",
        color=colour,
        tooltip=[
            alt.Tooltip("name:N", title="Your date"),
            alt.Tooltip("day_text:N", title="Day"),
        ],
    )
    names = [
        events.transform_filter(alt.datum.lane == lane)
        .mark_text(align="left", baseline="bottom", dx=3, dy=-2 - 13 * lane, limit=110, aria=False)
        .encode(x="day:T", y=alt.value(0), text="name:N", color=alt.value(INK))
        for lane in range(LABEL_LANES)
    ]
    return alt.layer(spans, sessions, lines, *names).properties(padding={"top": 30})


TEMPLATES: dict[str, Callable[[], alt.TopLevelMixin]] = {
    "overview": _overview_template,
    "limits": _limits_template,
    "breakdown": _breakdown_template,
    "plan": _plan_template,
}


@functools.cache
def _template_spec(kind: str) -> Spec:
    """The Vega-Lite spec of a chart kind without data, validated once per process."""
    chart = TEMPLATES[kind]().properties(
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
    )
    return chart.to_dict(validate=True)


def _spec(kind: str, height: int, **datasets: list[Row]) -> Spec:
    """The template with these datasets. Rank and step numbers go out as floats (_as_floats):
    as Arrow int64 they reached the browser as BigInt, and Vega sorted 1, 10, 11, 2 ...

    Only the top level and each panel's height are new; the rest is shared with the cached
    template (a deep copy was a tenth of Compare's run). Nothing downstream writes into a
    spec: Streamlit copies the top level before it takes the datasets out, and the PDF adds
    its width to a copy."""
    template = _template_spec(kind)
    if "vconcat" in template:
        panels = [{**panel, "height": height} for panel in template["vconcat"]]
        return {**template, "vconcat": panels, "datasets": datasets}
    return {**template, "height": height, "datasets": datasets}


def _options(rec: Recommendation, options: list[OptionResult] | None) -> list[OptionResult]:
    return rec.ranking.options if options is None else options


# ----------------------------------------------------------------------------- charts


def overview_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    top = options[0]
    summary = (
        f"Fit for every option, best first: {top.name} fits best ({top.fit} of 100). The dark "
        "tick on each bar is how well the option works for your scars, which the fit can "
        "never pass. Colour and shape show the status."
    )

    def rows() -> list[Row]:
        return [
            {
                "Rank": o.rank,
                "Option": o.name,
                "Fit (0-100)": None if o.is_reference else o.fit,
                "Works for your scars (0-100)": round(o.works.score),
                "Status": STATUS_WORDS[o.status],
            }
            for o in options
        ]

    def data() -> list[Row]:  # only what this chart draws: the page sends every dataset
        keep = ("rank", "label", "option", "status", "fit", "works")
        return [{k: row[k] for k in keep} for row in option_rows(options)]

    return Chart(
        "Fit for you",
        lambda: _spec("overview", ROW_HEIGHT * len(options), options=data()),
        summary,
        rows,
    )


def limits_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    """Cost, downtime, sessions and invasiveness of every option against the person's limits."""
    options = _options(rec, options)
    p = rec.profile.preferences
    limits = [
        {"panel": "cost", "value": float(p.budget_usd), "text": f"budget {money(p.budget_usd)}"},
        {"panel": "downtime", "value": float(p.max_downtime_days), "text": "days you can take"},
        {"panel": "sessions", "value": float(p.max_sessions), "text": "most sessions you want"},
        {
            "panel": "invasiveness",
            "value": float(p.max_invasiveness),
            "text": "how far you would go",
        },
    ]
    within = [o.name for o in options if not any(certain for _, certain in o.limit_checks)]
    over_budget = sum(1 for o in options if o.total_cost_usd.low > p.budget_usd)
    summary = (
        f"Cost, days of healing per session, sessions and invasiveness of each option, in rank "
        f"order, with your limits as dashed lines: a budget of {money(p.budget_usd)}, "
        f"{p.max_downtime_days} days, {p.max_sessions} sessions, invasiveness "
        f"{p.max_invasiveness}. {over_budget} of {len(options)} cost more than your budget even "
        f"at the low end; {len(within)} stay within every limit at the low end."
    )
    if any(group in o.estimates for o in options for group in PANELS):
        summary += f" {ESTIMATE_MARK} marks our {ESTIMATE_NOTE}."

    def rows() -> list[Row]:
        def est(o: OptionResult, group: str, text: str) -> str:
            return f"{text} {ESTIMATE_MARK}" if group in o.estimates else text

        return [
            {
                "Rank": o.rank,
                "Option": o.name,
                "Total cost": est(o, "cost", money_range(o.total_cost_usd)),
                "Healing per session": est(o, "downtime", number_range(o.downtime_days, "days")),
                "Sessions": est(o, "sessions", number_range(o.sessions)),
                "Invasiveness": f"{o.invasiveness} of 5",
            }
            for o in options
        ]

    return Chart(
        "Cost, downtime, sessions and invasiveness",
        lambda: _spec(
            "limits", PANEL_ROW_HEIGHT * len(options), options=option_rows(options), limits=limits
        ),
        summary,
        rows,
    )


def breakdown_chart(option: OptionResult) -> Chart:
    """One option's fit, factor by factor: the points each adds to or takes from 50."""
    values = [*option.factor_points, option.limit_points]
    points = [
        {"factor": name, "points": round(value, 1)}
        for name, value in zip(FACTOR_NAMES, values, strict=True)
        if name != LIMIT_NAME or value
    ]
    biggest = max(points, key=lambda row: abs(row["points"]))
    summary = (
        f"{option.name}: the fit starts at 50, and each factor adds or takes away points; "
        f"{biggest['factor'].lower()} counts most ({biggest['points']:+.0f} points)."
    )
    return Chart(
        f"Why {option.name} scores {option.fit}",
        lambda: _spec("breakdown", 26 * len(points), factors=_as_floats(points)),
        summary,
        lambda: [{"Factor": r["factor"], "Points": r["points"]} for r in points],
        row_header="Factor",
    )


def _local_day(day: dt.date) -> str:
    """A day for Vega: ISO text with a time, which the browser reads as local midnight (a bare
    ISO date is read as UTC and would show as the day before west of Greenwich)."""
    return f"{day.isoformat()}T00:00:00"


def _plan_rows(plan: Plan, dated: DatedPlan) -> dict[str, list[Row]]:
    labels = {s.step: f"{s.step}. {s.name.split(' (')[0]}" for s in plan.steps}
    spans = [
        {
            "step": s.step,
            "label": labels[s.step],
            "kind": "Healing or redness may show",
            "colour": PLAN_COLOURS["healing"],
            "first": _local_day(s.day),
            "last": _local_day(s.heals_by),
            "first_text": day_text(s.day),
            "last_text": day_text(s.heals_by),
        }
        for s in dated.sessions
    ]
    spans += [
        {
            "step": b.step,
            "label": labels[b.step],
            "kind": "Acne care first",
            "colour": PLAN_COLOURS["acne"],
            "first": _local_day(b.first),
            "last": _local_day(b.last),
            "first_text": day_text(b.first),
            "last_text": day_text(b.last),
        }
        for b in dated.blocks
    ]
    sessions = [
        {
            "step": s.step,
            "label": labels[s.step],
            "kind": "Session",
            "colour": PLAN_COLOURS["session"],
            "session": f"{s.number} of {s.of}",
            "day": _local_day(s.day),
            "day_text": day_text(s.day),
        }
        for s in dated.sessions
    ]
    events = [
        {"name": e.name, "day": _local_day(e.date), "day_text": day_text(e.date)}
        | {"lane": float(n % LABEL_LANES), "colour": PLAN_COLOURS["date"]}
        for n, e in enumerate(dated.events)
    ]
    return {"spans": _as_floats(spans), "sessions": _as_floats(sessions), "events": events}


def _step_dates(step: PlanStep, dated: DatedPlan) -> str:
    """'TCA CROSS: 5 sessions, Tue Jan 26, 2027 to Sun Jul 4, 2027' (a step without sessions:
    its first and last day)."""
    days = [d.day for d in dated.sessions if d.step == step.step]
    days += [day for b in dated.blocks if b.step == step.step for day in (b.first, b.last)]
    if not days:
        return step.name
    count = f"{step.sessions} session{'s' if step.sessions != 1 else ''}, " if step.sessions else ""
    return f"{step.name}: {count}{day_text(min(days))} to {day_text(max(days))}"


def plan_chart(plan: Plan, dated: DatedPlan) -> Chart | None:
    """The plan on real dates: each session, the healing after it, and the person's dates."""
    if not plan.steps:
        return None
    steps = "; ".join(_step_dates(s, dated) for s in plan.steps)
    kept = "; ".join(f"{e.name} ({day_text(e.date)})" for e in dated.events)
    key = "Dark blue diamonds are sessions; pale blue bars, the days healing or redness may show"
    key += "; the green bar, acne care first" if dated.blocks else ""
    key += "; orange dashed lines, your dates." if dated.events else "."
    return Chart(
        "Plan on dates",
        lambda: _spec("plan", 40 * len(plan.steps) + 20, **_plan_rows(plan, dated)),
        f"The plan on dates: {steps}." + (f" Your dates: {kept}." if kept else "") + f" {key}",
        lambda: [
            {
                "Step": s.step,
                "Treatment": s.name,
                "Session": f"{s.number} of {s.of}",
                "Suggested day": day_text(s.day),
                "Healing or redness may show until": day_text(s.heals_by),
                "Moved to keep clear": "; ".join(e.name for e in s.moved_for),
            }
            for s in sorted(dated.sessions, key=lambda s: (s.day, s.step))
        ],
        row_header="Treatment",
    )


def comparison_charts(
    rec: Recommendation, options: list[OptionResult] | None = None
) -> list[Chart]:
    """The charts on the Compare page, in page order, for these options (default: all)."""
    return [overview_chart(rec, options), limits_chart(rec, options)]
