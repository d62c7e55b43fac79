from __future__ import annotations

import datetime as dt
import json

from factories import make_profile

from advisor.charts import comparison_charts, limits_chart, plan_chart
from advisor.dates import date_plan
from advisor.i18n import language
from advisor.money import currency
from advisor.recommend import recommend


def y_encodings(node: object) -> list[dict]:
    found = []
    if isinstance(node, dict):
        y = node.get("encoding", {}).get("y")
        if isinstance(y, dict):
            found.append(y)
        for value in node.values():
            found += y_encodings(value)
    elif isinstance(node, list):
        for value in node:
            found += y_encodings(value)
    return found


def test_option_charts_list_options_by_their_rank_number_not_as_text() -> None:
    rec = recommend(make_profile())
    for chart in comparison_charts(rec):
        ys = y_encodings(chart.spec)
        assert ys and all(y["sort"] == {"field": "rank", "op": "min", "order": "ascending"}
                          for y in ys), chart.title  # fmt: skip
        ranks = [row["rank"] for row in chart.spec["datasets"]["options"]]
        assert ranks == [float(n) for n in range(1, 15)], "floats: BigInt sorted 1, 10, 2"


def test_the_spec_does_not_change_when_only_the_order_changes() -> None:
    """Then the browser updates the chart's data in place instead of drawing it anew."""
    saved = recommend(make_profile())
    weights = {"effectiveness": 5, "cost": 0, "downtime": 0, "sessions": 5, "invasiveness": 0}
    other = recommend(make_profile(preferences={"weights": weights}))
    assert [o.id for o in other.ranking.options] != [o.id for o in saved.ranking.options]
    for a, b in zip(comparison_charts(saved), comparison_charts(other), strict=True):
        without_data = [{k: v for k, v in c.spec.items() if k != "datasets"} for c in (a, b)]
        assert without_data[0] == without_data[1], a.title


def test_each_panel_marks_the_options_whose_figures_there_are_estimates() -> None:
    rec = recommend(make_profile())
    chart = limits_chart(rec)
    rows = {row["option"]: row for row in chart.spec["datasets"]["options"]}
    panels = chart.spec["vconcat"]
    for group, panel in zip(("cost", "downtime", "sessions", "invasiveness"), panels, strict=True):
        assert panel["layer"][0]["encoding"]["y"]["field"] == f"label_{group}"
        for option in rec.ranking.options:
            marked = rows[option.name][f"label_{group}"].endswith("(est.)")
            assert marked == (group in option.estimates), (group, option.id)
    assert any(rows[o]["label_cost"].endswith("(est.)") for o in rows), "some costs are estimates"
    assert "(est.) marks our estimate" in chart.summary


def test_every_chart_has_data_tooltips_and_a_summary() -> None:
    rec = recommend(
        make_profile(scars={"other_types": ["rolling"]}, preferences={"budget_usd": 9000})
    )
    charts = [*comparison_charts(rec), plan_chart(rec.plan, date_plan(rec))]
    for chart in charts:
        assert chart is not None and chart.summary.endswith(".")
        assert chart.spec["datasets"] and "tooltip" in json.dumps(chart.spec)
        numbers = [v for rows in chart.spec["datasets"].values() for r in rows for v in r.values()]
        assert not any(isinstance(v, int) for v in numbers), "numbers go out as floats"


def test_the_limits_chart_marks_each_of_the_persons_limits() -> None:
    rec = recommend(
        make_profile(
            preferences={
                "budget_usd": 2500,
                "max_downtime_days": 4,
                "max_sessions": 3,
                "max_invasiveness": 2,
            }
        )
    )
    chart = limits_chart(rec)
    limits = {row["panel"]: row["value"] for row in chart.spec["datasets"]["limits"]}
    assert limits == {"cost": 2500, "downtime": 4, "sessions": 3, "invasiveness": 2}
    assert "$2,500, 4 days, 3 sessions, invasiveness 2" in chart.summary
    panels = chart.spec["vconcat"]
    assert [p["layer"][0]["encoding"]["x"]["field"] for p in panels] == [
        "cost_low",
        "downtime_low",
        "sessions_low",
        "invasiveness_low",
    ]
    assert all(p["layer"][-1]["transform"] for p in panels), "each panel draws its own limit"


def test_every_chart_has_a_table_of_the_same_numbers() -> None:
    rec = recommend(make_profile())
    overview, limits = comparison_charts(rec)
    assert [row["Option"] for row in overview.table] == [o.name for o in rec.ranking.options]
    tca = next(row for row in limits.table if row["Option"] == rec.ranking.by_id("tca_cross").name)
    # by hand from data/treatments.csv: $150 x 3 sessions to $300 x 6, an estimated cost
    assert tca["Total cost"] == "$450-$1,800 (est.)" and tca["Sessions"] == "3-6"
    assert overview.table[-1]["Fit (0-100)"] is None, "no treatment is the reference"
    monday = dt.date(2027, 1, 4)
    sessions = plan_chart(rec.plan, date_plan(rec, monday)).table
    first = rec.plan.steps[0]
    assert sessions[0]["Treatment"] == first.name and sessions[0]["Session"] == "1 of 5"
    # the first session on the first day, the second a typical interval (5 weeks) later
    assert sessions[0]["Suggested day"] == "Mon, Jan 4, 2027"
    assert sessions[1]["Suggested day"] == "Mon, Feb 8, 2027"


def test_filtered_charts_show_only_the_chosen_options() -> None:
    rec = recommend(make_profile())
    chosen = rec.ranking.options[:3]
    overview = comparison_charts(rec, chosen)[0]
    assert len(overview.spec["datasets"]["options"]) == 3


def test_charts_of_different_sizes_do_not_share_what_they_change() -> None:
    """Specs share the cached template below the top level; a chart's height and data must
    still be its own, and building one must leave the template as it was."""
    long = limits_chart(recommend(make_profile())).spec
    few = recommend(make_profile())
    short = limits_chart(few, few.ranking.options[:3]).spec
    assert [p["height"] for p in long["vconcat"]] != [p["height"] for p in short["vconcat"]]
    assert len(long["datasets"]["options"]) == 14 and len(short["datasets"]["options"]) == 3
    again = limits_chart(recommend(make_profile())).spec
    assert json.dumps(again, sort_keys=True) == json.dumps(long, sort_keys=True)


def test_each_language_and_currency_has_its_own_template() -> None:
    """Titles are in the language (cached per language), the cost axis names the currency and
    its numbers are in that currency, and Vega writes Spanish numbers and months."""
    rec = recommend(make_profile(preferences={"budget_usd": 2500}))
    english = limits_chart(rec).spec
    assert english["vconcat"][0]["layer"][0]["encoding"]["x"]["title"] == "Total cost ($)"
    assert "locale" not in english.get("config", {})
    with language("es"), currency("EUR"):
        spanish = plan_chart(rec.plan, date_plan(rec)).spec
        euros = limits_chart(rec).spec
    assert "enero" in spanish["config"]["locale"]["time"]["months"]
    assert spanish["config"]["locale"]["number"]["decimal"] == ","
    assert euros["vconcat"][0]["layer"][0]["encoding"]["x"]["title"].endswith("(€)")
    budget = {row["panel"]: row["value"] for row in euros["datasets"]["limits"]}["cost"]
    assert budget < 2500, "the budget line in euros"
    assert limits_chart(rec).spec == english, "the English template is unchanged"
