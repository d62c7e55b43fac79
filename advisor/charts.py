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
from dataclasses import dataclass, field
from typing import Any

import altair as alt
from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol

from advisor.dates import DatedPlan, day_text
from advisor.i18n import DEFAULT_LANGUAGE, N_, Messages, _, babel_locale, current_language, ngettext
from advisor.money import currency_symbol, current_currency, from_usd
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
    number,
    number_range,
)

STATUS_COLOURS = ["#0072B2", "#E69F00", "#D55E00"]  # blue, orange, vermilion
STATUS_SHAPES = ["circle", "triangle-up", "cross"]
# The grey of points, ticks and limit lines: 4.5:1 against both the light theme's white and the
# dark theme's black, so one chart spec reads in either theme.
INK = "#777777"
FACTOR_COLOURS = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#666666"]
LIMIT_NAME = N_("Limit: how well it works for you")  # wrap in _() where shown
ROW_HEIGHT = 24  # one option's row in the fit chart
PANEL_ROW_HEIGHT = 22  # one option's row in each panel: room for every label
LABEL_LIMIT = 130

Spec = dict[str, Any]
Row = dict[str, Any]


def status_domain() -> list[str]:
    """The status words in the language in use, in the order of the colours and shapes."""
    return list(STATUS_WORDS.values())


def factor_names() -> list[str]:
    """The factors' names in the breakdown chart, then the limit's, in the language in use."""
    return [*(first_upper(FACTOR_LABELS[k]) for k in FACTORS), _(LIMIT_NAME)]


def option_header() -> str:
    return _("Option")


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec (built with Altair), the sentence that says what it shows, and the
    same numbers as table rows. The spec and the table are built only when asked for."""

    title: str
    build: Callable[[], Spec]
    summary: str
    rows: Callable[[], list[Row]]
    row_header: str = field(default_factory=option_header)  # the column that names each row

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
    return f"{label} {_(ESTIMATE_MARK)}" if group in option.estimates else label


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
                "cost_low": round(from_usd(o.total_cost_usd.low)),
                "cost_high": round(from_usd(o.total_cost_usd.high)),
                "cost_typical": round(from_usd(o.typical_cost_usd)),
                "downtime_low": o.downtime_days.low,
                "downtime_high": o.downtime_days.high,
                "sessions_low": o.sessions.low,
                "sessions_high": o.sessions.high,
                "invasiveness_low": o.invasiveness,
                "invasiveness_high": o.invasiveness,
                **{
                    f"{group}_source": _(ESTIMATE_NOTE) if group in o.estimates else _("published")
                    for group in ("cost", "downtime", "sessions")
                },
                "invasiveness_source": _("catalog scale"),
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
        title=_("Status"),
        scale=alt.Scale(domain=status_domain(), range=STATUS_COLOURS),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )


def _status_shape() -> alt.Shape:
    return alt.Shape(
        "status:N",
        title=_("Status"),
        scale=alt.Scale(domain=status_domain(), range=STATUS_SHAPES),
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


# what each panel draws: its axis title (the cost's, with the currency: cost_title), and the
# words for its tooltips
PANEL_TITLES = Messages(
    {
        "downtime": N_("Days of healing per session"),
        "sessions": N_("Clinic sessions"),
        "invasiveness": N_("Invasiveness (1 creams, 5 sanding)"),
    }
)
PANEL_LOW = Messages(
    {
        "cost": N_("Cost, low"),
        "downtime": N_("Days, low"),
        "sessions": N_("Sessions, low"),
        "invasiveness": N_("Invasiveness, low"),
    }
)
PANEL_HIGH = Messages(
    {
        "cost": N_("Cost, high"),
        "downtime": N_("Days, high"),
        "sessions": N_("Sessions, high"),
        "invasiveness": N_("Invasiveness, high"),
    }
)
NUMBER_FORMAT = ",.0f"  # Vega's format; the spec's locale says how the language writes it


def cost_title() -> str:
    return _("Total cost ({currency})").format(currency=currency_symbol())


def panel_title(group: str) -> str:
    return cost_title() if group == "cost" else PANEL_TITLES[group]


WHOLE_NUMBERS = {"downtime", "sessions", "invasiveness"}  # no 0.2 steps on these axes


def _panel(group: str) -> alt.LayerChart:
    """One measure: a range per option (a point when low and high are the same), the
    typical cost as a tick, and the person's limit as a dashed line."""
    low, high = f"{group}_low", f"{group}_high"
    base = alt.Chart(OPTIONS).encode(y=_option_axis(f"label_{group}"))
    tooltip = [
        alt.Tooltip("option:N", title=_("Option")),
        alt.Tooltip("status:N", title=_("Status")),
        alt.Tooltip(f"{low}:Q", title=PANEL_LOW[group], format=NUMBER_FORMAT),
        alt.Tooltip(f"{high}:Q", title=PANEL_HIGH[group], format=NUMBER_FORMAT),
        alt.Tooltip(f"{group}_source:N", title=_("Figure")),
    ]
    axis = alt.Axis(tickMinStep=1, format="d") if group in WHOLE_NUMBERS else alt.Axis()
    scale = alt.Scale(domain=[0, 5]) if group == "invasiveness" else alt.Scale()
    bar = base.mark_rule(strokeWidth=5, opacity=0.75).encode(
        x=alt.X(f"{low}:Q", title=panel_title(group), axis=axis, scale=scale),
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
        .encode(x="value:Q", tooltip=[alt.Tooltip("text:N", title=_("Your limit"))])
    )
    layers = [bar, ends]
    if group == "cost":
        layers.append(
            base.mark_tick(thickness=2, size=12, color=INK, opacity=1).encode(
                x="cost_typical:Q",
                tooltip=[
                    alt.Tooltip("option:N", title=_("Option")),
                    alt.Tooltip("cost_typical:Q", title=_("Typical cost"), format=NUMBER_FORMAT),
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
            alt.Tooltip("option:N", title=_("Option")),
            alt.Tooltip("fit:Q", title=_("Fit (0-100)")),
            alt.Tooltip("works:Q", title=_("How well it works for your scars (0-100)")),
            alt.Tooltip("status:N", title=_("Status")),
        ],
    )
    bars = base.mark_bar(height=14).encode(
        x=alt.X("fit:Q", title=_("Fit for you (0-100)"), scale=alt.Scale(domain=[0, 100])),
        color=_status_colour(),
    )
    points = base.mark_point(filled=True, size=55, color=INK, opacity=1).encode(
        x="fit:Q", shape=_status_shape()
    )
    works = base.mark_tick(thickness=2, size=18, color=INK, opacity=1).encode(x="works:Q")
    return alt.layer(bars, points, works)


def _breakdown_template() -> alt.TopLevelMixin:
    names = factor_names()
    return (
        alt.Chart(alt.Data(name="factors"))
        .mark_bar()
        .encode(
            y=alt.Y("factor:N", title=None, sort=names, axis=alt.Axis(labelLimit=200)),
            x=alt.X("points:Q", title=_("Points added to or taken from 50")),
            color=alt.Color(
                "factor:N",
                title=None,
                scale=alt.Scale(domain=names, range=FACTOR_COLOURS),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("factor:N", title=_("Factor")),
                alt.Tooltip("points:Q", title=_("Points"), format="+.1f"),
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
            x=alt.X("first:T", title=_("Suggested dates"), axis=x_axis),
            x2="last:T",
            color=colour,
            tooltip=[
                alt.Tooltip("label:N", title=_("Step")),
                alt.Tooltip("kind:N", title=_("What")),
                alt.Tooltip("first_text:N", title=_("From")),
                alt.Tooltip("last_text:N", title=_("Until about")),
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
                alt.Tooltip("label:N", title=_("Step")),
                alt.Tooltip("session:N", title=_("Session")),
                alt.Tooltip("day_text:N", title=_("Suggested day")),
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
            alt.Tooltip("name:N", title=_("Your date")),
            alt.Tooltip("day_text:N", title=_("Day")),
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


def vega_locale(locale: str) -> Spec:
    """How Vega writes numbers and dates in this Babel locale: the separators, and the names of
    months and days (the plan's date axis, "%b %Y")."""
    names = Locale.parse(locale)
    months, days = names.months["format"], names.days["format"]
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, Vega from Sunday
    return {
        "number": {
            "decimal": get_decimal_symbol(locale),
            "thousands": get_group_symbol(locale),
            "grouping": [3],
            "currency": ["", ""],
        },
        "time": {
            "dateTime": "%x, %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [days["wide"][d] for d in sunday_first],
            "shortDays": [days["abbreviated"][d] for d in sunday_first],
            "months": [months["wide"][m] for m in range(1, 13)],
            "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
        },
    }


def template_spec(kind: str) -> Spec:
    """The Vega-Lite spec of a chart kind without data, in the language and currency in use."""
    return _template_spec(kind, current_language(), current_currency())


@functools.cache
def _template_spec(kind: str, language: str, currency: str) -> Spec:
    """The spec once per process for each language and currency (its titles and tooltips are
    in the language, the cost axis names the currency), validated. A language other than
    English also tells Vega how it writes numbers and month names."""
    chart = TEMPLATES[kind]().properties(
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
    )
    spec = chart.to_dict(validate=True)
    if language != DEFAULT_LANGUAGE:
        spec["config"] = {**spec.get("config", {}), "locale": vega_locale(babel_locale())}
    return spec


def _spec(kind: str, height: int, **datasets: list[Row]) -> Spec:
    """The template with these datasets. Rank and step numbers go out as floats (_as_floats):
    as Arrow int64 they reached the browser as BigInt, and Vega sorted 1, 10, 11, 2 ...

    Only the top level and each panel's height are new; the rest is shared with the cached
    template (a deep copy was a tenth of Compare's run). Nothing downstream writes into a
    spec: Streamlit copies the top level before it takes the datasets out, and the PDF adds
    its width to a copy."""
    template = template_spec(kind)
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
    summary = _(
        "Fit for every option, best first: {name} fits best ({fit} of 100). The dark tick on "
        "each bar is how well the option works for your scars, which the fit can never pass. "
        "Colour and shape show the status."
    ).format(name=top.name, fit=number(top.fit))

    def rows() -> list[Row]:
        return [
            {
                _("Rank"): o.rank,
                _("Option"): o.name,
                _("Fit (0-100)"): None if o.is_reference else o.fit,
                _("Works for your scars (0-100)"): round(o.works.score),
                _("Status"): STATUS_WORDS[o.status],
            }
            for o in options
        ]

    def data() -> list[Row]:  # only what this chart draws: the page sends every dataset
        keep = ("rank", "label", "option", "status", "fit", "works")
        return [{k: row[k] for k in keep} for row in option_rows(options)]

    return Chart(
        _("Fit for you"),
        lambda: _spec("overview", ROW_HEIGHT * len(options), options=data()),
        summary,
        rows,
    )


def _limit_rows(rec: Recommendation) -> list[Row]:
    """The person's limits as the dashed lines draw them (the budget in their currency)."""
    p = rec.profile.preferences
    budget = _("budget {amount}").format(amount=money(p.budget_usd))
    return [
        {"panel": "cost", "value": float(from_usd(p.budget_usd)), "text": budget},
        {"panel": "downtime", "value": float(p.max_downtime_days), "text": _("days you can take")},
        {"panel": "sessions", "value": float(p.max_sessions), "text": _("most sessions you want")},
        {
            "panel": "invasiveness",
            "value": float(p.max_invasiveness),
            "text": _("how far you would go"),
        },
    ]


def _limits_summary(rec: Recommendation, options: list[OptionResult]) -> str:
    p = rec.profile.preferences
    within = [o.name for o in options if not any(certain for _c, certain in o.limit_checks)]
    over_budget = sum(1 for o in options if o.total_cost_usd.low > p.budget_usd)
    summary = _(
        "Cost, days of healing per session, sessions and invasiveness of each option, in rank "
        "order, with your limits as dashed lines: a budget of {budget}, {days} days, {sessions} "
        "sessions, invasiveness {invasiveness}. {over} of {total} cost more than your budget "
        "even at the low end; {within} stay within every limit at the low end."
    ).format(
        budget=money(p.budget_usd),
        days=number(p.max_downtime_days),
        sessions=number(p.max_sessions),
        invasiveness=number(p.max_invasiveness),
        over=number(over_budget),
        total=number(len(options)),
        within=number(len(within)),
    )
    if any(group in o.estimates for o in options for group in PANELS):
        marks = _("{mark} marks our {note}.").format(mark=_(ESTIMATE_MARK), note=_(ESTIMATE_NOTE))
        summary += f" {marks}"
    return summary


def _limits_table(options: list[OptionResult]) -> list[Row]:
    def est(o: OptionResult, group: str, text: str) -> str:
        return f"{text} {_(ESTIMATE_MARK)}" if group in o.estimates else text

    def days(o: OptionResult) -> str:
        words = ngettext("{range} day", "{range} days", int(o.downtime_days.high))
        return words.format(range=number_range(o.downtime_days))

    return [
        {
            _("Rank"): o.rank,
            _("Option"): o.name,
            _("Total cost"): est(o, "cost", money_range(o.total_cost_usd)),
            _("Healing per session"): est(o, "downtime", days(o)),
            _("Sessions"): est(o, "sessions", number_range(o.sessions)),
            _("Invasiveness"): _("{n} of 5").format(n=number(o.invasiveness)),
        }
        for o in options
    ]


def limits_chart(rec: Recommendation, options: list[OptionResult] | None = None) -> Chart:
    """Cost, downtime, sessions and invasiveness of every option against the person's limits."""
    options = _options(rec, options)
    return Chart(
        _("Cost, downtime, sessions and invasiveness"),
        lambda: _spec(
            "limits",
            PANEL_ROW_HEIGHT * len(options),
            options=option_rows(options),
            limits=_limit_rows(rec),
        ),
        _limits_summary(rec, options),
        lambda: _limits_table(options),
    )


def breakdown_chart(option: OptionResult) -> Chart:
    """One option's fit, factor by factor: the points each adds to or takes from 50."""
    values = [*option.factor_points, option.limit_points]
    limit_name = _(LIMIT_NAME)
    points = [
        {"factor": name, "points": round(value, 1)}
        for name, value in zip(factor_names(), values, strict=True)
        if name != limit_name or value
    ]
    biggest = max(points, key=lambda row: abs(row["points"]))
    summary = _(
        "{name}: the fit starts at 50, and each factor adds or takes away points; {factor} "
        "counts most ({points} points)."
    ).format(name=option.name, factor=biggest["factor"].lower(), points=f"{biggest['points']:+.0f}")
    return Chart(
        _("Why {name} scores {fit}").format(name=option.name, fit=number(option.fit)),
        lambda: _spec("breakdown", 26 * len(points), factors=_as_floats(points)),
        summary,
        lambda: [{_("Factor"): r["factor"], _("Points"): r["points"]} for r in points],
        row_header=_("Factor"),
    )


def _local_day(day: dt.date) -> str:
    """A day for Vega: ISO text with a time, which the browser reads as local midnight (a bare
    ISO date is read as UTC and would show as the day before west of Greenwich)."""
    return f"{day.isoformat()}T00:00:00"


def _session_of(number_: int, of: int) -> str:
    """'1 of 5': which session of the step's sessions."""
    return _("{number} of {of}").format(number=number(number_), of=number(of))


def _plan_rows(plan: Plan, dated: DatedPlan) -> dict[str, list[Row]]:
    labels = {s.step: f"{s.step}. {s.name.split(' (')[0]}" for s in plan.steps}
    spans = [
        {
            "step": s.step,
            "label": labels[s.step],
            "kind": _("Healing or redness may show"),
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
            "kind": _("Acne care first"),
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
            "kind": _("Session"),
            "colour": PLAN_COLOURS["session"],
            "session": _session_of(s.number, s.of),
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
    """'TCA CROSS: 5 sessions, Tue, Jan 26, 2027 to Sun, Jul 4, 2027' (a step without
    sessions: its first and last day)."""
    days = [d.day for d in dated.sessions if d.step == step.step]
    days += [day for b in dated.blocks if b.step == step.step for day in (b.first, b.last)]
    if not days:
        return step.name
    first, last = day_text(min(days)), day_text(max(days))
    if not step.sessions:
        return _("{name}: {first} to {last}").format(name=step.name, first=first, last=last)
    return ngettext(
        "{name}: {n} session, {first} to {last}",
        "{name}: {n} sessions, {first} to {last}",
        step.sessions,
    ).format(name=step.name, n=number(step.sessions), first=first, last=last)


# what the plan chart's marks are: with acne care first or not, with the person's dates or not
PLAN_KEYS = {
    (False, False): N_(
        "Dark blue diamonds are sessions; pale blue bars, the days healing or redness may show."
    ),
    (True, False): N_(
        "Dark blue diamonds are sessions; pale blue bars, the days healing or redness may "
        "show; the green bar, acne care first."
    ),
    (False, True): N_(
        "Dark blue diamonds are sessions; pale blue bars, the days healing or redness may "
        "show; orange dashed lines, your dates."
    ),
    (True, True): N_(
        "Dark blue diamonds are sessions; pale blue bars, the days healing or redness may "
        "show; the green bar, acne care first; orange dashed lines, your dates."
    ),
}


def _plan_summary(plan: Plan, dated: DatedPlan) -> str:
    steps = "; ".join(_step_dates(s, dated) for s in plan.steps)
    lines = [_("The plan on dates: {steps}.").format(steps=steps)]
    if dated.events:
        kept = "; ".join(f"{e.name} ({day_text(e.date)})" for e in dated.events)
        lines.append(_("Your dates: {dates}.").format(dates=kept))
    lines.append(_(PLAN_KEYS[bool(dated.blocks), bool(dated.events)]))
    return " ".join(lines)


def _plan_table(dated: DatedPlan) -> list[Row]:
    return [
        {
            _("Step"): s.step,
            _("Treatment"): s.name,
            _("Session"): _session_of(s.number, s.of),
            _("Suggested day"): day_text(s.day),
            _("Healing or redness may show until"): day_text(s.heals_by),
            _("Moved to keep clear"): "; ".join(e.name for e in s.moved_for),
        }
        for s in sorted(dated.sessions, key=lambda s: (s.day, s.step))
    ]


def plan_chart(plan: Plan, dated: DatedPlan) -> Chart | None:
    """The plan on real dates: each session, the healing after it, and the person's dates."""
    if not plan.steps:
        return None
    return Chart(
        _("Plan on dates"),
        lambda: _spec("plan", 40 * len(plan.steps) + 20, **_plan_rows(plan, dated)),
        _plan_summary(plan, dated),
        lambda: _plan_table(dated),
        row_header=_("Treatment"),
    )


def comparison_charts(
    rec: Recommendation, options: list[OptionResult] | None = None
) -> list[Chart]:
    """The charts on the Compare page, in page order, for these options (default: all)."""
    return [overview_chart(rec, options), limits_chart(rec, options)]
