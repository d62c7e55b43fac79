from __future__ import annotations

import json

from factories import make_profile

from advisor.charts import comparison_charts, plan_chart
from advisor.recommend import recommend


def y_sorts(node: object) -> list[list[str]]:
    found = []
    if isinstance(node, dict):
        y = node.get("encoding", {}).get("y")
        if isinstance(y, dict) and y.get("field") == "label":
            found.append(y["sort"])
        for value in node.values():
            found += y_sorts(value)
    elif isinstance(node, list):
        for value in node:
            found += y_sorts(value)
    return found


def test_option_charts_list_options_in_rank_order_not_text_order() -> None:
    rec = recommend(make_profile())
    expected = [f"{o.rank}. {o.name.split(' (')[0]}" for o in rec.ranking.options]
    for chart in comparison_charts(rec):
        for order in y_sorts(chart.spec):
            plain = [label.removesuffix(" (est.)") for label in order]
            assert plain == expected, chart.title  # 1, 2, ... 10, not 1, 10, 11, 2


def test_range_charts_mark_the_options_whose_figures_are_estimates() -> None:
    rec = recommend(make_profile())
    for chart in comparison_charts(rec):
        group = {"Total cost": "cost", "Downtime": "downtime", "Sessions": "sessions"}.get(
            chart.title
        )
        if group is None:
            continue
        labels = {row["option"]: row["label"] for row in chart.spec["datasets"]["options"]}
        for option in rec.ranking.options:
            assert labels[option.name].endswith("(est.)") == (group in option.estimates)
        assert "(est.) marks our estimate" in chart.summary


def test_every_chart_has_data_tooltips_and_a_summary() -> None:
    rec = recommend(
        make_profile(scars={"other_types": ["rolling"]}, preferences={"budget_usd": 9000})
    )
    charts = [*comparison_charts(rec), plan_chart(rec.plan)]
    for chart in charts:
        assert chart is not None and chart.summary.endswith(".")
        assert chart.spec["datasets"] and "tooltip" in json.dumps(chart.spec)
        numbers = [v for rows in chart.spec["datasets"].values() for r in rows for v in r.values()]
        assert not any(isinstance(v, int) for v in numbers), "numbers go out as floats"


def test_the_cost_chart_marks_the_budget() -> None:
    rec = recommend(make_profile(preferences={"budget_usd": 2500}))
    cost = next(c for c in comparison_charts(rec) if c.title == "Total cost")
    assert cost.spec["datasets"]["limit"][0]["value"] == 2500
    assert "$2,500" in cost.summary


def test_filtered_charts_show_only_the_chosen_options() -> None:
    rec = recommend(make_profile())
    chosen = rec.ranking.options[:3]
    overview = comparison_charts(rec, chosen)[0]
    assert len(overview.spec["datasets"]["options"]) == 3
