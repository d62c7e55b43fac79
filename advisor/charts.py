"""Charts of a recommendation, built with Altair, shared by the app and the PDF export.

Each chart is an Altair template over named datasets ("options", "limit", ...). The template
is turned into a Vega-Lite spec once per process (it holds nothing about any user); each
call only fills in the datasets and the height. That keeps a rerun of the Compare page fast.

Status colours come from the Okabe-Ito palette (safe for colour-blind readers), and status
is also shown by the mark's shape and in every tooltip, so colour never carries it alone.
Each chart comes with a one-line text summary for readers who cannot see it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt

from advisor.catalog import LEVELS
from advisor.plan import Plan, step_purpose
from advisor.recommend import Recommendation
from advisor.scoring import FACTORS, OptionResult
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    FACTOR_LABELS,
    LEVEL_LABELS,
    STATUS_WORDS,
    money,
)

STATUS_DOMAIN = list(STATUS_WORDS.values())
STATUS_COLOURS = ["#0072B2", "#E69F00", "#D55E00"]  # blue, orange, vermilion
STATUS_SHAPES = ["circle", "triangle-up", "cross"]
FACTOR_COLOURS = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#666666"]
LIMIT_NAME = "Limit: how well it works for you"
FACTOR_NAMES = [*(FACTOR_LABELS[k].capitalize() for k in FACTORS), LIMIT_NAME]
IMPROVEMENT_ORDER = [LEVEL_LABELS[level] for level in LEVELS]
ROW_HEIGHT = 26
LABEL_LIMIT = 130

Spec = dict[str, Any]


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec (built with Altair) and the sentence that says what it shows.

    The spec is built the first time it is asked for: a page can list every chart's title
    and sentence and draw only the one that is open.
    """

    title: str
    build: Callable[[], Spec]
    summary: str

    @functools.cached_property
    def spec(self) -> Spec:
        return self.build()


# ----------------------------------------------------------------------------- data


def chart_label(option: OptionResult) -> str:
    """'3. Skin creams' for 'Skin creams (retinoids, AHA, vitamin C)': short for phone widths."""
    return f"{option.rank}. {option.name.split(' (')[0]}"


def _as_floats(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Numbers as floats: Streamlit sends datasets as Arrow, where int64 reaches the browser as
    BigInt and Vega then sorts 1, 10, 11, 2 ... like text."""
    return [{k: float(v) if isinstance(v, int) else v for k, v in row.items()} for row in rows]


def option_rows(options: list[OptionResult]) -> list[dict[str, Any]]:
    """One record per option with the numbers the charts draw."""
    return _as_floats(
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
                "improvement": LEVEL_LABELS[o.improvement],
                "works": round(o.works.score),
                **{
                    f"{group}_source": ESTIMATE_NOTE if group in o.estimates else "published"
                    for group in ("cost", "downtime", "sessions")
                },
            }
            for o in options
        ]
    )


# ----------------------------------------------------------------------------- templates

OPTIONS = alt.Data(name="options")
LIMIT = alt.Data(name="limit")


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


def _option_axis() -> alt.Y:
    return alt.Y(
        "label:N",
        sort=alt.EncodingSortField("rank", order="ascending"),
        title=None,
        axis=alt.Axis(labelLimit=LABEL_LIMIT),
    )


def _limit_rule(title: str) -> alt.Chart:
    return (
        alt.Chart(LIMIT)
        .mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#888")
        .encode(x="value:Q", tooltip=[alt.Tooltip("text:N", title=title)])
    )


def _range_template(low: str, high: str, title: str, fmt: str, word: str) -> alt.LayerChart:
    base = alt.Chart(OPTIONS).encode(y=_option_axis())
    group = low.removesuffix("_low")
    tooltip = [
        alt.Tooltip("option:N", title="Option"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip(f"{low}:Q", title=f"{word}, low", format=fmt),
        alt.Tooltip(f"{high}:Q", title=f"{word}, high", format=fmt),
        alt.Tooltip(f"{group}_source:N", title="Figure"),
    ]
    bar = base.mark_rule(strokeWidth=5, opacity=0.75).encode(
        x=alt.X(f"{low}:Q", title=title), x2=f"{high}:Q", color=_status_colour(), tooltip=tooltip
    )
    ends = base.mark_point(filled=True, size=70).encode(
        x=f"{low}:Q", color=_status_colour(), shape=_status_shape(), tooltip=tooltip
    )
    return alt.layer(bar, ends)


def _cost_template() -> alt.TopLevelMixin:
    typical = (
        alt.Chart(OPTIONS)
        .mark_tick(thickness=2, size=14, color="#666")
        .encode(
            y=_option_axis(),
            x="cost_typical:Q",
            tooltip=[
                alt.Tooltip("option:N", title="Option"),
                alt.Tooltip("cost_typical:Q", title="Typical cost", format="$,.0f"),
            ],
        )
    )
    ranges = _range_template("cost_low", "cost_high", "Total cost (US$)", "$,.0f", "Cost")
    return alt.layer(ranges, typical, _limit_rule("Budget"))


def _downtime_template() -> alt.TopLevelMixin:
    ranges = _range_template(
        "downtime_low", "downtime_high", "Days of visible healing per session", ",.0f", "Days"
    )
    return alt.layer(ranges, _limit_rule("Your limit"))


def _sessions_template() -> alt.TopLevelMixin:
    ranges = _range_template("sessions_low", "sessions_high", "Clinic sessions", ",.0f", "Sessions")
    return alt.layer(ranges, _limit_rule("Your limit"))


def _invasiveness_template() -> alt.TopLevelMixin:
    base = alt.Chart(alt.Data(name="cells")).encode(
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
        size=alt.Size("count:Q", scale=alt.Scale(range=[200, 1400]), legend=None)
    )
    labels = base.mark_text(fontSize=12, fontWeight="bold", color="white").encode(text="count:Q")
    return alt.layer(dots, labels)


def _overview_template() -> alt.TopLevelMixin:
    base = alt.Chart(OPTIONS).encode(
        y=_option_axis(),
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
    return alt.layer(bars, points)


def _breakdown_template() -> alt.TopLevelMixin:
    return (
        alt.Chart(alt.Data(name="factors"))
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                sort=alt.EncodingSortField("rank", order="ascending"),
                title=None,
                axis=alt.Axis(labelLimit=LABEL_LIMIT),
            ),
            x=alt.X("sum(points):Q", title="Points added to or taken from 50"),
            color=alt.Color(
                "factor:N",
                title="Factor",
                scale=alt.Scale(domain=FACTOR_NAMES, range=FACTOR_COLOURS),
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            tooltip=[
                alt.Tooltip("option:N", title="Option"),
                alt.Tooltip("factor:N", title="Factor"),
                alt.Tooltip("points:Q", title="Points", format="+.1f"),
            ],
        )
    )


def _plan_template() -> alt.TopLevelMixin:
    return (
        alt.Chart(alt.Data(name="steps"))
        .mark_bar(height=22, color="#0072B2")
        .encode(
            y=alt.Y(
                "label:N",
                sort=alt.EncodingSortField("step", order="ascending"),
                title=None,
                axis=alt.Axis(labelLimit=LABEL_LIMIT),
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


TEMPLATES: dict[str, Callable[[], alt.TopLevelMixin]] = {
    "overview": _overview_template,
    "breakdown": _breakdown_template,
    "cost": _cost_template,
    "downtime": _downtime_template,
    "sessions": _sessions_template,
    "invasiveness": _invasiveness_template,
    "plan": _plan_template,
}


@functools.cache
def _template_spec(kind: str) -> Spec:
    """The Vega-Lite spec of a chart kind without data, validated once per process."""
    chart = TEMPLATES[kind]().properties(
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
    )
    return chart.to_dict(validate=True)


def _put_order(node: Any, labels: list[str]) -> None:
    """Give every y axis over "label" the explicit order (sorting by a rank field did not
    survive Streamlit's Arrow datasets in the browser: it came out as 1, 10, 11, 2 ...)."""
    if isinstance(node, dict):
        y = node.get("encoding", {}).get("y")
        if isinstance(y, dict) and y.get("field") == "label":
            y["sort"] = labels
        for value in node.values():
            _put_order(value, labels)
    elif isinstance(node, list):
        for value in node:
            _put_order(value, labels)


def _spec(kind: str, height: int, **datasets: list[dict[str, Any]]) -> Spec:
    spec = copy.deepcopy(_template_spec(kind))
    spec["height"] = height
    spec["datasets"] = datasets
    rows = next(iter(datasets.values()))
    labels = list(dict.fromkeys(row["label"] for row in rows if "label" in row))
    if labels:
        _put_order(spec, labels)
    return spec


def _options(rec: Recommendation, options: list[OptionResult] | None) -> list[OptionResult]:
    return rec.ranking.options if options is None else options


# ----------------------------------------------------------------------------- charts


def _limit_chart(
    title: str, kind: str, options: list[OptionResult], limit: float, label: str, summary: str
) -> Chart:
    """A chart of one range per option with the person's limit as a dashed line; an option
    whose figures here are our estimate carries the estimate mark in its label."""
    line = [{"value": float(limit), "text": label}]

    def rows() -> list[dict[str, Any]]:
        marked = option_rows(options)
        for row, option in zip(marked, options, strict=True):
            if kind in option.estimates:
                row["label"] = f"{row['label']} {ESTIMATE_MARK}"
        return marked

    if any(kind in o.estimates for o in options):
        summary += f" {ESTIMATE_MARK} marks our {ESTIMATE_NOTE}."
    return Chart(
        title, lambda: _spec(kind, ROW_HEIGHT * len(options), options=rows(), limit=line), summary
    )


def overview_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    top = options[0]
    summary = (
        f"Fit for every option, best first. {top.name} fits best ({top.fit} of 100). "
        "Colour and shape show the status."
    )
    return Chart(
        "Overview",
        lambda: _spec("overview", ROW_HEIGHT * len(options), options=option_rows(options)),
        summary,
    )


def breakdown_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    rows = [
        {
            "rank": o.rank,
            "label": chart_label(o),
            "option": o.name,
            "factor": name,
            "points": round(points, 1),
        }
        for o in options
        for name, points in zip(FACTOR_NAMES, (*o.factor_points, o.limit_points), strict=True)
    ]
    top = options[0]
    key, points = max(zip(FACTORS, top.factor_points, strict=True), key=lambda kv: abs(kv[1]))
    summary = (
        "Each bar splits an option's fit into the five factors and the limit of how well it "
        "works for your scars: right of 0 adds points to 50, left takes them away. "
        f"For {top.name}, {FACTOR_LABELS[key]} counts most ({points:+.0f} points)."
    )
    return Chart(
        "Why each option scores as it does",
        lambda: _spec("breakdown", ROW_HEIGHT * len(options), factors=_as_floats(rows)),
        summary,
    )


def cost_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    budget = rec.profile.preferences.budget_usd
    within = sum(1 for o in options if o.total_cost_usd.low <= budget)
    summary = (
        f"Total cost ranges for your answers; the dashed line is your budget of {money(budget)}. "
        f"{within} of {len(options)} options can cost less than that at the low end; "
        "the dark tick is the typical cost."
    )
    return _limit_chart(
        "Total cost", "cost", options, budget, f"Your budget {money(budget)}", summary
    )


def downtime_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    days = rec.profile.preferences.max_downtime_days
    longest = max(options, key=lambda o: o.downtime_days.high)
    summary = (
        f"Healing days after each session; the dashed line is your limit of {days} days. "
        f"The longest is {longest.name} at up to {longest.downtime_days.high:g} days."
    )
    return _limit_chart("Downtime", "downtime", options, days, f"{days} days", summary)


def sessions_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    most = rec.profile.preferences.max_sessions
    over = sum(1 for o in options if o.sessions.high > most)
    summary = (
        f"Clinic sessions for a full course; the dashed line is your limit of {most}. "
        f"{over} option(s) can need more."
    )
    return _limit_chart("Sessions", "sessions", options, most, f"{most} sessions", summary)


def invasiveness_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    options = _options(rec, options)
    strong = sorted((o for o in options if o.improvement == "high"), key=lambda o: o.invasiveness)
    summary = (
        "Each circle shows how many options share an invasiveness level and an expected "
        "improvement (hover or tap for names). "
        + (
            f"The gentlest option with a high expected improvement is {strong[0].name} "
            f"(invasiveness {strong[0].invasiveness})."
            if strong
            else "No option shown has a high expected improvement."
        )
    )
    cells: dict[tuple[int, str], list[str]] = {}
    for o in options:
        cells.setdefault((o.invasiveness, LEVEL_LABELS[o.improvement]), []).append(o.name)
    rows = [
        {"invasiveness": inv, "improvement": level, "count": len(names), "names": ", ".join(names)}
        for (inv, level), names in sorted(cells.items())
    ]
    return Chart(
        "Invasiveness and improvement",
        lambda: _spec("invasiveness", 260, cells=_as_floats(rows)),
        summary,
    )


def plan_chart(plan: Plan) -> Chart | None:
    if not plan.steps:
        return None
    rows = [
        {
            "step": s.step,
            "label": f"{s.step}. {s.name}",
            "start": s.start_week,
            "end": s.end_week,
            "sessions": s.sessions,
            "purpose": step_purpose(s),
            "cost": round(s.typical_cost_usd),
        }
        for s in plan.steps
    ]
    steps = "; ".join(f"{s.name} weeks {s.start_week}-{s.end_week}" for s in plan.steps)
    return Chart(
        "Plan timeline",
        lambda: _spec("plan", 40 * len(rows), steps=_as_floats(rows)),
        f"The plan on a timeline: {steps}.",
    )


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
