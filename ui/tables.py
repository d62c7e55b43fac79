"""Tables as plain HTML: a table on a wide screen, one card per row on a phone.

Streamlit's interactive data grid brings about 270 kB of scripts (compressed) to the first
visit of a page; a table of 14 options needs none of it. One HTML table, restyled by CSS
below 640 px, reads without sideways scrolling on a phone: each row becomes a card whose
cells carry their column names. Every piece of text is escaped: nothing in a table is markup.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

STYLE = """<style>
.adv-table-wrap{overflow-x:auto;max-width:100%}
.adv-table{border-collapse:collapse;width:100%;font-size:0.92rem;line-height:1.35}
.adv-table caption{caption-side:top;text-align:left;font-size:0.85rem;opacity:0.8;
  padding-bottom:0.4rem}
.adv-table th,.adv-table td{padding:0.4rem 0.55rem;text-align:left;vertical-align:top;
  border-bottom:1px solid rgba(128,128,128,0.35)}
.adv-table thead th{font-weight:600;border-bottom:2px solid rgba(128,128,128,0.55)}
.adv-table tbody th{font-weight:600}
.adv-table .num{text-align:right;white-space:nowrap}
@media (min-width:641px){
  .adv-table .pin{position:sticky;z-index:1;background:#fff}
  .adv-table .pin-1{left:0;min-width:3.6rem;max-width:3.6rem;box-sizing:border-box}
  .adv-table .pin-2{left:3.6rem;box-shadow:2px 0 0 rgba(128,128,128,0.35)}
}
@media (min-width:641px) and (prefers-color-scheme:dark){.adv-table .pin{background:#000}}
@media (max-width:640px){
  .adv-table thead{position:absolute;width:1px;height:1px;overflow:hidden;
    clip:rect(0 0 0 0);white-space:nowrap}
  .adv-table tr{display:block;border:1px solid rgba(128,128,128,0.45);border-radius:0.5rem;
    margin:0 0 0.6rem 0;padding:0.3rem 0.6rem}
  .adv-table th,.adv-table td{display:flex;gap:0.75rem;border:0;padding:0.15rem 0;
    text-align:left}
  .adv-table tbody th{font-size:1rem}
  .adv-table td::before{content:attr(data-label);font-weight:600;flex:0 0 45%}
  .adv-table .num{text-align:left;white-space:normal}
  .adv-table-wrap{overflow-x:visible}
}
</style>"""


def html_table(
    rows: Sequence[Mapping[str, object]],
    *,
    caption: str,
    row_header: str | None = None,
    numeric: frozenset[str] = frozenset(),
    pinned: int = 0,
) -> str:
    """An accessible table of these rows (column names from the first row). The row_header
    column names each row for screen readers (and heads each card on a phone). The first
    `pinned` columns (at most 2) stay in view while a wide table scrolls sideways."""
    if not rows:
        return ""
    columns = list(rows[0])
    pins = [f"pin pin-{n + 1}" if n < pinned else "" for n in range(len(columns))]
    head = "".join(
        f'<th scope="col"{_classes(pin)}>{html.escape(c)}</th>'
        for c, pin in zip(columns, pins, strict=True)
    )
    body = []
    for row in rows:
        cells = []
        for column, pin in zip(columns, pins, strict=True):
            value = row.get(column)
            text = "" if value is None else html.escape(str(value))
            label = html.escape(column, quote=True)
            css = _classes(pin, "num" if column in numeric else "")
            if column == row_header:
                cells.append(f'<th scope="row" data-label="{label}"{css}>{text}</th>')
            else:
                cells.append(f'<td data-label="{label}"{css}>{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    # A table wider than the column scrolls inside its own box (a region a keyboard can reach
    # and scroll), never past the edge of the screen.
    name = html.escape(caption, quote=True)
    return (
        f'{STYLE}<div class="adv-table-wrap" role="region" aria-label="{name}" tabindex="0">'
        f'<table class="adv-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _classes(*names: str) -> str:
    joined = " ".join(n for n in names if n)
    return f' class="{joined}"' if joined else ""
