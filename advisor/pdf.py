"""The summary as a PDF to print or take to a dermatologist (fpdf2, DejaVu Sans).

Readable in black and white: status is written as a word and a symbol, and charts mark
status by shape as well as colour. Fits A4 and US Letter. User text is written as plain
text: nothing from the notes is interpreted as markup.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import MutableMapping
from pathlib import Path

import vl_convert as vlc
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from advisor.charts import Chart, limits_chart, overview_chart, plan_chart
from advisor.explain import estimated
from advisor.recommend import DISCLAIMER, Recommendation
from advisor.summary import (
    describe_profile,
    doing_nothing,
    grouped_cautions,
    plan_hold_lines,
    plan_other_lines,
    plan_totals_line,
    provider_questions,
    severity_lines,
    step_line,
    top_options,
    urgent_warnings,
)
from advisor.words import STATUS_LABELS, STATUS_WORDS, money_range, number_range

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
PAGE_SIZES = ("A4", "Letter")
CHART_WIDTH_PX = 520
INK = (20, 20, 20)
MUTED = (90, 90, 90)

ImageCache = MutableMapping[str, bytes]


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
        self.set_title("Ice pick scar treatment options: my summary")
        self.set_creator("Ice pick scar treatment advisor")
        self.set_lang("en")

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            5,
            f"Made {self.made_on.isoformat()}. Informs; does not diagnose.",
            new_x=XPos.LMARGIN,
            new_y=YPos.TOP,
        )
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

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

    def picture(self, chart: Chart, cache: ImageCache | None) -> None:
        png = chart_png(chart.spec, cache)
        width = self.epw
        from PIL import Image

        with Image.open(io.BytesIO(png)) as img:
            height = width * img.height / img.width
        if self.get_y() + height + 12 > self.page_break_trigger:
            self.add_page()
        self.set_font(FAMILY, "B", 10)
        self.cell(0, 6, chart.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.image(io.BytesIO(png), w=width, h=height, alt_text=chart.summary)
        self.paragraph(chart.summary, size=8, colour=MUTED)
        self.ln(2)


def _ranked_table(pdf: SummaryPDF, rec: Recommendation) -> None:
    pdf.set_font(FAMILY, "", 8)
    pdf.set_text_color(*INK)
    headings = (
        "#",
        "Option",
        "Status",
        "Fit",
        "Total cost",
        "Sessions",
        "Healing days",
        "Invasive",
    )
    with pdf.table(
        col_widths=(6, 44, 22, 9, 28, 14, 16, 13),
        text_align=("RIGHT", "LEFT", "LEFT", "RIGHT", "LEFT", "LEFT", "LEFT", "RIGHT"),
        line_height=4.2,
        padding=1,
        first_row_as_headings=True,
        repeat_headings=1,
        width=pdf.epw,
    ) as table:
        row = table.row()
        for text in headings:
            row.cell(text)
        for o in rec.ranking.options:
            row = table.row()
            for text in (
                str(o.rank),
                o.name,
                STATUS_LABELS[o.status],
                str(o.fit),
                estimated(o, "cost", money_range(o.total_cost_usd)),
                estimated(o, "sessions", number_range(o.sessions)),
                estimated(o, "downtime", number_range(o.downtime_days)),
                f"{o.invasiveness}/5",
            ):
                row.cell(text)


def build_pdf(
    rec: Recommendation,
    *,
    page_size: str = "A4",
    today: dt.date | None = None,
    image_cache: ImageCache | None = None,
) -> bytes:
    """The whole summary as PDF bytes."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}")
    made_on = today or dt.date.today()
    pdf = SummaryPDF(page_size, made_on)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 18)
    pdf.set_text_color(*INK)
    pdf.multi_cell(
        0, 9, "Ice pick scar treatment options: my summary", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.paragraph(
        f"Made on {made_on:%d %B %Y}. Treatment catalog last reviewed "
        f"{rec.catalog.meta.last_reviewed:%d %B %Y}.",
        size=9,
        colour=MUTED,
    )
    pdf.ln(1)
    pdf.paragraph(DISCLAIMER, size=10, style="B")

    pdf.heading("My answers")
    pdf.bullets(describe_profile(rec.profile))
    pdf.heading("How severe my scars look")
    pdf.bullets(severity_lines(rec.severity))

    pdf.heading("All 14 options, best fit first")
    pdf.paragraph(
        "Fit is 0-100 for my answers and priorities. ✓ suitable, ! caution, ✗ not "
        "advised. Costs in US$ for the whole course; (est.) = our estimate, no published "
        "figure. Healing days are per session.",
        size=8,
        colour=MUTED,
    )
    pdf.ln(1)
    _ranked_table(pdf, rec)

    pdf.heading("Why the top options fit")
    top = top_options(rec)
    for o in top:
        pdf.paragraph(
            f"{o.rank}. {o.name}: fit {o.fit}, {STATUS_WORDS[o.status].lower()}", style="B"
        )
        pdf.bullets(o.reasons, size=9)
    for warning in urgent_warnings(top):
        pdf.paragraph(f"Urgent: {warning}", size=9, style="B")

    pdf.heading("If I do nothing")
    pdf.paragraph(doing_nothing())

    pdf.heading("Suggested combination plan")
    plan = rec.plan
    if plan.on_hold:
        hold, meanwhile = plan_hold_lines(rec.profile)
        pdf.paragraph(hold, style="B")
        pdf.paragraph("What I can do meanwhile:")
        pdf.bullets(meanwhile, size=9)
    if plan.procedures:
        pdf.bullets(
            [step_line(s, rec.profile.health.breastfeeding) for s in plan.steps], marker="number"
        )
        pdf.paragraph(plan_totals_line(plan))
    if plan_other_lines(plan):
        pdf.bullets(plan_other_lines(plan), size=9)

    pdf.heading("Cautions to discuss")
    groups = grouped_cautions(rec)
    if groups:
        pdf.bullets(
            [
                f"{STATUS_WORDS[effect]}: {text} Applies to: {', '.join(names)}."
                for effect, text, names in groups
            ],
            size=9,
        )
    else:
        pdf.paragraph("None of my answers raised a caution.")

    pdf.heading("Questions to ask the provider")
    pdf.bullets(provider_questions(rec), marker="number")

    pdf.heading("My notes")
    pdf.paragraph(rec.profile.notes.strip() or "(none)")

    pdf.heading("Charts")
    charts = [overview_chart(rec), limits_chart(rec)]
    timeline = plan_chart(plan)
    if timeline is not None:
        charts.append(timeline)
    for chart in charts:
        pdf.picture(chart, image_cache)

    pdf.heading("Sources cited")
    cited = sorted(
        {s for o in rec.ranking.options for s in o.treatment.sources}, key=lambda i: int(i[1:])
    )
    pdf.bullets(
        [
            f"[{i}] {rec.catalog.sources[i].citation}"
            + (f" {rec.catalog.sources[i].link}" if rec.catalog.sources[i].link else "")
            for i in cited
        ],
        size=8,
    )
    return bytes(pdf.output())
