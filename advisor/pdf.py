"""The summary as a PDF to print or take to a dermatologist (fpdf2, DejaVu Sans).

Readable in black and white: status is written as a word and a symbol, and charts mark
status by shape as well as colour. Fits A4 and US Letter. User text is written as plain
text: nothing from the notes is interpreted as markup.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import MutableMapping
from pathlib import Path

import vl_convert as vlc
from babel.dates import format_date
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from advisor.charts import Chart, overview_chart, plan_chart
from advisor.decision import SURE_SOURCE, sure_note
from advisor.explain import estimated, healing_text, sessions_text
from advisor.i18n import N_, _, babel_locale, current_language
from advisor.money import currency_symbol, current_currency
from advisor.recommend import Recommendation
from advisor.scoring import OptionResult
from advisor.summary import QUOTES_INTRO, PlanSection, Summary, build_summary, step_dates
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    EVIDENCE_LABELS,
    LEVEL_LABELS,
    STATUS_LABELS,
    STATUS_WORDS,
    money_range,
)

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
PAGE_SIZES = ("A4", "Letter")
CHART_WIDTH_PX = 520
INK = (20, 20, 20)
MUTED = (90, 90, 90)

ImageCache = MutableMapping[str, bytes]
log = logging.getLogger(__name__)


def chart_png(spec: dict, cache: ImageCache | None = None) -> bytes:
    """A PNG of the chart (vl-convert, offline), reused from cache when the spec is the same."""
    key = json.dumps(spec, sort_keys=True)
    if cache is not None and key in cache:
        return cache[key]
    printable = {**spec, "width": CHART_WIDTH_PX, "autosize": {"type": "pad"}}
    png = vlc.vegalite_to_png(printable, scale=2)
    if cache is not None:
        cache[key] = png
    return png


TITLE = N_("Ice pick scar treatment options: my summary")


def long_date(day: dt.date) -> str:
    """A day in full as the language writes it (Babel): 30 November 2026, 30 de noviembre de
    2026. The pattern is a message, so the English stays as it was (en_US's "long" would be
    November 30, 2026) and each language writes its own."""
    # a Babel (CLDR) date pattern: d day, MMMM month name, y year; words in 'quotes'
    return format_date(day, _("d MMMM y"), locale=babel_locale())


class SummaryPDF(FPDF):
    """An FPDF page with our header line and 'page X of Y' footer."""

    def __init__(self, page_size: str, made_on: dt.date) -> None:
        super().__init__(orientation="portrait", unit="mm", format=page_size)
        self.made_on = made_on
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(auto=True, margin=18)
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.add_font(FAMILY, "I", FONTS / "DejaVuSans-Oblique.ttf")
        self.set_title(_(TITLE))
        self.set_creator(_("Ice pick scar treatment advisor"))
        self.set_lang(current_language())

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            5,
            _("Made {date}. Informs; does not diagnose.").format(date=self.made_on.isoformat()),
            new_x=XPos.LMARGIN,
            new_y=YPos.TOP,
        )
        # {nb}: fpdf2 writes the number of pages there when the file is done
        page = _("Page {n} of {total}").format(n=self.page_no(), total="{nb}")
        self.cell(0, 5, page, align="R")

    # -- building blocks

    def heading(self, text: str, size: int = 13) -> None:
        if self.get_y() > self.page_break_trigger - 30:
            self.add_page()
        self.ln(3)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*INK)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def paragraph(self, text: str, size: float = 10, style: str = "", colour=INK) -> None:
        self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def bullets(self, items: list[str], size: float = 10, marker: str = "•") -> None:
        self.set_font(FAMILY, "", size)
        self.set_text_color(*INK)
        indent = 5
        for n, item in enumerate(items, start=1):
            mark = f"{n}." if marker == "number" else marker
            self.cell(indent, size * 0.5, mark)
            self.multi_cell(0, size * 0.5, item, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
            self.ln(0.8)

    def picture(self, chart: Chart, png: bytes) -> None:
        """The chart with its title and sentence, at most half a page tall (two to a page)."""
        from PIL import Image

        with Image.open(io.BytesIO(png)) as img:
            ratio = img.height / img.width
        tallest = (self.page_break_trigger - self.t_margin) / 2 - 24
        width = min(self.epw, tallest / ratio)
        height = width * ratio
        if self.get_y() + height + 12 > self.page_break_trigger:
            self.add_page()
        self.set_font(FAMILY, "B", 10)
        self.cell(0, 6, chart.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        x = self.l_margin + (self.epw - width) / 2
        self.image(io.BytesIO(png), x=x, w=width, h=height, alt_text=chart.summary)
        self.paragraph(chart.summary, size=8, colour=MUTED)
        self.ln(2)


def _ranked_table(pdf: SummaryPDF, options: tuple[OptionResult, ...]) -> None:
    pdf.set_font(FAMILY, "", 7)
    pdf.set_text_color(*INK)
    columns = (  # heading, width in mm, alignment
        ("#", 5, "RIGHT"),
        (_("Option"), 30, "LEFT"),
        (_("Status"), 17, "LEFT"),
        (_("Fit"), 11, "RIGHT"),  # room for a longer word: Ajuste
        (_("Total cost"), 24, "LEFT"),
        (_("Sessions"), 19, "LEFT"),
        (_("Healing days"), 13, "LEFT"),
        (_("Invasive"), 13, "RIGHT"),
        (_("Improvement (ice pick)"), 21, "LEFT"),
        (_("Evidence"), 15, "LEFT"),
    )
    with pdf.table(
        col_widths=tuple(column[1] for column in columns),
        text_align=tuple(column[2] for column in columns),
        line_height=3.5,
        padding=0.8,
        first_row_as_headings=True,
        repeat_headings=1,
        width=pdf.epw,
    ) as table:
        row = table.row()
        for column in columns:
            row.cell(column[0])
        for o in options:
            row = table.row()
            for text in (
                str(o.rank),
                o.name,
                STATUS_LABELS[o.status],
                _("ref.") if o.is_reference else str(o.fit),
                estimated(o, "cost", money_range(o.total_cost_usd)),
                sessions_text(o),
                healing_text(o, ""),
                f"{o.invasiveness}/5",
                estimated(o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]),
                EVIDENCE_LABELS[o.evidence_level],
            ):
                row.cell(text)


def build_pdf(
    rec: Recommendation,
    *,
    page_size: str = "A4",
    today: dt.date | None = None,
    image_cache: ImageCache | None = None,
) -> bytes:
    """The whole summary as PDF bytes. If the charts cannot be drawn, the PDF still comes,
    without them and with a line saying so."""
    return render_pdf(build_summary(rec, today), page_size=page_size, image_cache=image_cache)


def render_pdf(
    summary: Summary, *, page_size: str = "A4", image_cache: ImageCache | None = None
) -> bytes:
    """The Summary as PDF bytes (build_pdf's work, for a summary already built). Page 1 is for
    the dermatologist; the patient's part follows; the charts close it, two to a page."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}")
    pdf = SummaryPDF(page_size, summary.made_on)
    pdf.add_page()
    _head(pdf, summary)
    _clinician(pdf, summary)
    pdf.add_page()
    _top_options(pdf, summary)
    _plan(pdf, summary.plan)
    _quotes(pdf, summary)
    _cautions_and_questions(pdf, summary)
    _options_table(pdf, summary)
    pdf.heading(_("Sources cited"))
    pdf.bullets([str(source) for source in summary.sources], size=7.5)
    _charts(pdf, summary, image_cache)
    return bytes(pdf.output())


def _head(pdf: SummaryPDF, summary: Summary) -> None:
    pdf.set_font(FAMILY, "B", 16)
    pdf.set_text_color(*INK)
    # left-aligned: a title on two lines (a longer language) is not stretched to the margin
    pdf.multi_cell(0, 8, _(TITLE), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    made = _("Made on {date}. {review}").format(
        date=long_date(summary.made_on), review=summary.review_line
    )
    pdf.paragraph(made, 8, colour=MUTED)
    pdf.paragraph(summary.disclaimer, size=8.5, style="B")


def _clinician(pdf: SummaryPDF, summary: Summary) -> None:
    """Page 1: the facts a dermatologist needs first, as a two-column table. The patient's own
    words are set in italics and quoted, as written."""
    pdf.heading(_("For the dermatologist"), size=12)
    pdf.paragraph(_("From the patient's answers; not a diagnosis."), size=8, colour=MUTED)
    pdf.ln(1)
    pdf.set_text_color(*INK)
    with pdf.table(
        col_widths=(38, 140),
        text_align=("LEFT", "LEFT"),
        line_height=4.1,
        padding=1.1,
        first_row_as_headings=False,
        width=pdf.epw,
    ) as table:
        for fact in summary.clinician:
            row = table.row()
            pdf.set_font(FAMILY, "B", 8.5)
            row.cell(fact.label)
            pdf.set_font(FAMILY, "I" if fact.own_words else "", 8.5)
            row.cell(f"“{fact.text}”" if fact.own_words else fact.text)


def _top_options(pdf: SummaryPDF, summary: Summary) -> None:
    pdf.heading(_("My top options"))
    for o, reasons in zip(summary.top, summary.top_reasons, strict=True):
        title = _("{rank}. {name}: fit {fit} of 100, {status}").format(
            rank=o.rank, name=o.name, fit=o.fit, status=STATUS_WORDS[o.status].lower()
        )
        pdf.paragraph(title, size=10, style="B")
        pdf.bullets(list(reasons), size=8.5)
    for warning in summary.urgent:
        pdf.paragraph(_("Urgent: {warning}").format(warning=warning), size=9, style="B")


def _plan(pdf: SummaryPDF, plan: PlanSection) -> None:
    pdf.heading(_("Suggested combination plan"))
    for line in plan.limits:
        pdf.paragraph(line, size=9, style="B")
    if plan.hold:
        pdf.paragraph(plan.hold, size=9, style="B")
        pdf.paragraph(_("What I can do meanwhile:"), size=9)
        pdf.bullets(list(plan.meanwhile), size=8.5)
    if plan.steps:
        pdf.bullets(list(plan.steps), size=9, marker="number")
        pdf.paragraph(plan.totals, size=9)
    if plan.other:
        pdf.bullets(list(plan.other), size=8.5)
    dates, notes = step_dates(plan), plan.calendar()
    if dates or notes:
        pdf.heading(_("On dates"), size=11)
        if plan.dates_intro:
            pdf.paragraph(plan.dates_intro, size=9)
        pdf.bullets(dates, size=8.5)  # one line per step: the handout stays short
        pdf.bullets(notes, size=8.5)


def _quotes(pdf: SummaryPDF, summary: Summary) -> None:
    """The clinic quotes the person entered, each against the usual ranges for their scars."""
    if not summary.quotes:
        return
    pdf.heading(_("Quotes I was given"))
    pdf.paragraph(_(QUOTES_INTRO), size=9)
    for quote in summary.quotes:
        pdf.paragraph(quote.title, size=9.5, style="B")
        pdf.bullets([*quote.within, *quote.flags, *quote.timing()], size=8.5)
    for flag in summary.quote_flags:
        pdf.paragraph(flag, size=9, style="B")


def _cautions_and_questions(pdf: SummaryPDF, summary: Summary) -> None:
    pdf.heading(_("Cautions to discuss"))
    lines = [summary.limits_line] if summary.limits_line else []
    lines += [group.line() for group in summary.cautions]
    if lines:
        pdf.bullets(lines, size=8.5)
    else:
        pdf.paragraph(_("None of my answers raised a caution."), size=9)
    pdf.heading(_("If I do nothing"))
    pdf.paragraph(summary.doing_nothing, size=9)
    pdf.heading(_("Questions to ask the provider"))
    pdf.bullets(list(summary.questions), size=8.5, marker="number")
    pdf.heading(_("Ready to decide?"))
    if summary.expectation:
        pdf.paragraph(summary.expectation, size=9)
        pdf.ln(1)
    pdf.bullets([f"{item} {answer}" for item, answer in summary.sure], size=8.5)
    if summary.sure_pointers:
        doubt, *helps = summary.sure_pointers
        pdf.paragraph(doubt, size=8.5)
        pdf.bullets(helps, size=8.5)
    source = _("Source: {source}.").format(source=_(SURE_SOURCE))
    pdf.paragraph(" ".join(filter(None, (source, sure_note()))), size=7.5, colour=MUTED)


def _options_table(pdf: SummaryPDF, summary: Summary) -> None:
    pdf.heading(_("All {n} options, best fit first").format(n=len(summary.options)))
    key = _(
        "Fit 0-100 for my answers and priorities. ✓ suitable, ! caution, ✗ not advised. "
        "Costs in {currency} for the whole course; {mark} = our {note}. Healing days are per "
        "session."
    ).format(currency=_currency_label(), mark=_(ESTIMATE_MARK), note=_(ESTIMATE_NOTE))
    pdf.paragraph(key, size=7.5, colour=MUTED)
    pdf.ln(1)
    _ranked_table(pdf, summary.options)


def _currency_label() -> str:
    """US$, €, £ ...: the currency of the costs, never a bare $ (which dollars?)."""
    return "US$" if current_currency() == "USD" else currency_symbol()


CHARTS_MISSING = N_(
    "The charts could not be drawn for this file. Everything they show is in the table and "
    "the plan above, and the app draws them on the Compare and Summary pages."
)


def _charts(pdf: SummaryPDF, summary: Summary, image_cache: ImageCache | None) -> None:
    """The charts as pictures; a line saying they are missing if the renderer fails."""
    pdf.add_page()  # the charts close the file, on pages of their own, two to a page at most
    pdf.heading(_("Charts"))
    # the fit and the plan on one page; cost, downtime, sessions and invasiveness are in the
    # table above (their four-panel chart, 14 rows tall, would be unreadable at half a page)
    charts = [overview_chart(summary.rec)]
    timeline = plan_chart(summary.plan.plan, summary.plan.dated)
    if timeline is not None:
        charts.append(timeline)
    try:
        pictures = [(chart, chart_png(chart.spec, image_cache)) for chart in charts]
    except Exception as error:  # vl-convert failing must not cost the person their summary
        log.warning("PDF charts could not be drawn: %s", type(error).__name__)
        pdf.paragraph(_(CHARTS_MISSING), style="I")
        return
    for chart, png in pictures:
        pdf.picture(chart, png)
