"""Small pieces of layout shared by the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa
import streamlit as st

from advisor.i18n import DEFAULT_LANGUAGE, N_, Messages, _, current_language
from ui.nav import ABOUT_TAB, LEARN_TAB, SCROLL_TO_TOP, go
from ui.state import shows_example_answers, start_over
from ui.tables import html_table

if TYPE_CHECKING:  # the pages that draw charts import Altair; the others need not
    from streamlit.delta_generator import DeltaGenerator

    from advisor.charts import Chart

WEIGHT_WORDS = Messages(
    {
        0: N_("0 · not at all"),
        1: N_("1 · a little"),
        2: N_("2 · somewhat"),
        3: N_("3 · quite a lot"),
        4: N_("4 · a lot"),
        5: N_("5 · the most"),
    }
)


def lazy_section(label: str, key: str, icon: str | None = None) -> DeltaGenerator | None:
    """A collapsed section whose content is drawn only once it is opened: the container to
    draw into while it is open, else None. Keeps what it holds off the page's first paint."""
    section = st.expander(label, key=key, on_change="rerun", icon=icon)
    return section if section.open else None


def arrow_bytes(rows: list[dict[str, Any]]) -> bytes:
    """Rows as the Arrow IPC stream Streamlit sends a chart's data in, built straight with
    pyarrow. Given a list of rows, Streamlit would first build a pandas DataFrame per dataset:
    about a third of Compare's server time (bench/RESULTS.md)."""
    table = pa.Table.from_pylist(rows)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def draw_chart(chart: Chart) -> None:
    spec = {
        **chart.spec,
        "datasets": {k: arrow_bytes(v) for k, v in chart.spec["datasets"].items()},
    }
    st.vega_lite_chart(spec, width="stretch", alt=chart.summary)
    st.caption(chart.summary)


def chart_with_table(chart: Chart, key: str) -> None:
    """The chart, its sentence (also its text alternative), and the same numbers as a table
    on request: a screen reader reaches both."""
    draw_chart(chart)
    if st.toggle(_("Show as a table"), key=key):  # no "?": tapping it would flip the toggle
        show_table(html_table(chart.table, caption=chart.title, row_header=chart.row_header))


def show_table(markup: str) -> None:
    """Put a table from ui/tables.py on the page. Every piece of text in it is escaped there,
    so the markup is ours alone. (Through Markdown rather than st.html, which loads its
    sanitiser only after the first paint and then pushes the page down as the table appears.)"""
    st.markdown(markup, unsafe_allow_html=True)


# On a phone: a title on one line where it can be, and less empty space above it, so that the
# answer on Compare fits the first screen. Markdown, not st.html: no sanitiser to load first.
# On a phone the language buttons sit at the right of the header, beside its menu button, so
# they take no line above the page (the answer on Compare has to fit the first screen).
# Every control at least 24 x 24 px (WCAG 2.2, 2.5.8): Streamlit's help "?" is 16 px, its
# choice labels 21-22 px tall and a date's year, month and day parts 20 px; heading anchors
# (16 px, shown on hover) are hidden. Tabs wrap onto a second row instead of hiding behind a
# 20 px scroll arrow (Learn has eight).
PAGE_STYLE = """<style>
[data-testid="stTooltipIcon"] button{min-width:24px;min-height:24px;display:inline-flex;
  align-items:center;justify-content:center}
[data-testid="stCheckbox"] label,[data-testid="stRadio"] [role="radiogroup"] label{
  min-height:24px;align-items:center}
[data-testid="stMultiSelect"] [aria-label="Open"]{min-height:24px}
[data-testid="stDateInputFieldsScroller"] [role="spinbutton"]{min-height:24px;min-width:24px;
  display:inline-flex;align-items:center;justify-content:center}
[data-testid="stDateInputCalendarButton"]{min-height:24px}
[data-testid="stHeaderActionElements"]{display:none}
[data-testid="stTabs"] [role="tablist"]{flex-wrap:wrap;row-gap:0.25rem}
[data-testid="stTabsScrollLeft"],[data-testid="stTabsScrollRight"]{display:none}
@media print{
  [data-testid="stHeader"],[data-testid="stToolbar"],[data-testid="stDecoration"],
  [data-testid="stBaseButton-secondary"],[data-testid="stBaseButton-primary"],
  [data-testid="stDownloadButton"],[data-testid="stPopover"],[data-testid="stRadio"],
  [data-testid="stExpander"],[data-testid="stCheckbox"],hr{display:none !important}
  [data-testid="stMainBlockContainer"]{padding-top:0 !important;max-width:none}
  [data-testid="stMain"]{overflow:visible !important}
}
@media (max-width:640px){
  .st-key-language_row{position:fixed;top:0.6rem;right:0.75rem;width:auto !important;
    z-index:999991}
  .st-key-language_row [data-testid="stCaptionContainer"]{display:none}
  [data-testid="stMainBlockContainer"]{padding-top:4.25rem}
  [data-testid="stMainBlockContainer"] h1{font-size:2rem;line-height:1.2;padding-top:0.5rem}
}
</style>"""
SCROLL_SCRIPT = (
    "<script>document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 0)</script>"
)


def page_style() -> None:
    st.markdown(PAGE_STYLE, unsafe_allow_html=True)
    if current_language() != DEFAULT_LANGUAGE:
        # the page's language for screen readers and the browser's translate offer (Streamlit
        # writes lang="en"); our own fixed script, the code from a fixed list
        st.html(
            f"<script>document.documentElement.lang = '{current_language()}'</script>",
            unsafe_allow_javascript=True,
        )


def scroll_to_top_after_a_button() -> None:
    """A page reached with a button (st.switch_page) opens where the last one was scrolled to;
    start it at the top, as a link does. Our own fixed script, nothing from the user."""
    if st.session_state.pop(SCROLL_TO_TOP, False):
        st.html(SCROLL_SCRIPT, unsafe_allow_javascript=True)


PAGE_DISCLAIMER = N_(
    "This app informs; it does not diagnose or prescribe. A dermatologist who examines your "
    "skin makes the decision with you."
)


def example_notice(page: str) -> None:
    """Until the person has answered, say plainly that the results are for example answers."""
    if not shows_example_answers():
        return
    with st.container(border=True):
        st.markdown(
            _(
                "**These results are for example answers, not yours yet.** The questions "
                "start filled in with an example. Answer them to see what fits you."
            )
        )
        if st.button(_("Answer the questions"), key=f"example_{page}", icon=":material/edit_note:"):
            go("profile")


def disclaimer() -> None:
    st.caption(_(PAGE_DISCLAIMER))


def start_over_control(key: str) -> None:
    """A 'Start over' button that asks once before clearing every answer."""
    with st.popover(_("Start over"), icon=":material/restart_alt:"):
        st.write(_("This clears every answer and your notes in this browser tab."))
        if st.button(_("Yes, clear everything"), key=key, type="primary"):
            start_over()  # goes to Start, which says that every answer was cleared


def footer(page: str) -> None:
    """The end of every page: privacy in one line and Start over. (No sidebar: a sidebar that
    appears after the first paint pushes the whole page sideways, and on a phone it hides
    behind a menu.)"""
    scroll_to_top_after_a_button()
    st.divider()
    st.caption(
        _(
            "Your answers stay in this browser tab and its address. Nothing is stored on the "
            "server. A number in square brackets, such as [S1], names a source: the Learn page "
            "lists them under Sources."
        )
    )
    left, right = st.columns(2)
    with left:
        start_over_control(f"start_over_{page}")
    if (
        right.button(
            _(ABOUT_TAB),
            key=f"about_{page}",
            icon=":material/verified_user:",
            type="tertiary",
            on_click=open_about,
        )
        and page != "learn"
    ):  # who wrote it, how it was checked, funding, sources: one place on Learn
        go("learn")


def open_about() -> None:
    """Before the page runs (a callback): the Learn page opens on its trust panel (Learn turns
    the English label into the tab's label in the language in use)."""
    st.session_state[LEARN_TAB] = ABOUT_TAB
    st.session_state[SCROLL_TO_TOP] = True
