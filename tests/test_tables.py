from __future__ import annotations

from html_tables import read_tables

from ui.tables import html_table


def test_a_table_escapes_every_piece_of_text_and_labels_each_cell() -> None:
    rows = [{"Option": "<b>TCA</b> & co", "Fit": 76}, {"Option": "x", "Fit": None}]
    markup = html_table(rows, caption="Options <i>", row_header="Option", numeric={"Fit"})
    assert "<b>" not in markup and "<i>" not in markup
    assert "&lt;b&gt;TCA&lt;/b&gt; &amp; co" in markup
    assert '<th scope="row" data-label="Option">' in markup
    assert '<td data-label="Fit" class="num">76</td>' in markup
    assert "@media (max-width:640px)" in markup, "a card per row on a phone"
    # wider than the column: it scrolls in its own box, which a keyboard can reach
    assert (
        '<div class="adv-table-wrap" role="region" aria-label="Options &lt;i&gt;" tabindex="0">'
        in markup
    )
    (table,) = read_tables(markup)
    assert list(table.columns) == ["Option", "Fit"]
    assert table.iloc[0]["Option"] == "<b>TCA</b> & co" and table.iloc[1]["Fit"] == ""


def test_an_empty_table_is_nothing() -> None:
    assert html_table([], caption="none") == ""
