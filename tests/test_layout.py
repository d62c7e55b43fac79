from __future__ import annotations

import pyarrow as pa
from factories import make_profile

from advisor.charts import comparison_charts
from advisor.recommend import recommend
from ui.layout import arrow_bytes


def test_chart_data_reaches_the_browser_as_the_same_rows() -> None:
    """The Arrow stream built for Streamlit reads back as exactly the chart's rows, numbers
    as floats (int64 would reach Vega as BigInt) and missing values as nulls."""
    for chart in comparison_charts(recommend(make_profile())):
        for name, rows in chart.spec["datasets"].items():
            table = pa.ipc.open_stream(arrow_bytes(rows)).read_all()
            assert table.to_pylist() == rows, (chart.title, name)
            assert not any(pa.types.is_integer(field.type) for field in table.schema), name
    mixed = [{"a": 1.0, "b": None}, {"a": 2.5, "b": "x"}]
    assert pa.ipc.open_stream(arrow_bytes(mixed)).read_all().to_pylist() == mixed
