"""Exports of a recommendation as pure functions: Markdown, CSV and JSON.

User text (the notes) sits in a fenced block in the Markdown, so that it reads as typed and
no Markdown or HTML from the user is interpreted. CSV cells that a spreadsheet would run as a
formula are neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from advisor.dates import calendar_lines, date_plan
from advisor.decision import SURE_SOURCE, sure_note, sure_score
from advisor.explain import estimated, healing_text, sessions_text
from advisor.i18n import _
from advisor.profile import profile_to_json
from advisor.quotes import check_quotes, cited, quote_title, within_lines
from advisor.recommend import Recommendation
from advisor.summary import QUOTES_INTRO, Fact, PlanSection, Summary, build_summary
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    EVIDENCE_LABELS,
    LEVEL_LABELS,
    STATUS_LABELS,
    money_range,
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:$])")


def escape_markdown(text: str) -> str:
    """Text shown literally by any Markdown renderer: no markup, no HTML, no links."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return escaped.replace("\r\n", "\n").replace("\r", "\n")


def export_filename(kind: str, today: dt.date | None = None) -> str:
    """A dated file name such as ice-pick-scar-summary-2026-11-30.pdf."""
    day = (today or dt.date.today()).isoformat()
    bases = {"json": _("ice-pick-scar-answers"), "ics": _("ice-pick-scar-plan")}
    base = bases.get(kind, _("ice-pick-scar-summary"))
    return f"{base}-{day}.{'md' if kind == 'markdown' else kind}"


def _table_cell(text: str) -> str:
    return text.replace("|", "\\|")


def plain_text_block(text: str) -> list[str]:
    """Text inside a fenced block: shown exactly as typed, nothing in it is markup (no HTML,
    links or headings), and it reads the same in a plain editor. The fence is longer than any
    run of backticks in the text, so the text cannot close it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *lines, fence]


def to_markdown(rec: Recommendation, today: dt.date | None = None) -> str:
    """The summary as Markdown: the same content as the PDF, tables as Markdown tables."""
    return render_markdown(build_summary(rec, today))


def render_markdown(summary: Summary) -> str:
    """The Summary as Markdown (to_markdown's work, for a summary already built): first a
    part for the dermatologist, then the patient's part, the table, the sources."""
    lines = [
        *_markdown_head(summary),
        *_markdown_clinician(summary.clinician),
        *_markdown_top(summary),
        *_markdown_plan(summary.plan),
        *_markdown_quotes(summary),
        *_markdown_cautions(summary),
        "## " + _("If I do nothing"),
        "",
        summary.doing_nothing,
        "",
        "## " + _("Questions to ask a provider"),
        "",
        *[f"{n}. {q}" for n, q in enumerate(summary.questions, start=1)],
        "",
        *_markdown_sure(summary),
        *_markdown_table(summary),
        "## " + _("Sources"),
        "",
        *[f"- {source}" for source in summary.sources],
        "",
    ]
    return "\n".join(lines)


def _markdown_head(summary: Summary) -> list[str]:
    return [
        "# " + _("Ice pick scar treatment options: my summary"),
        "",
        _("Made on {date}. {review}").format(
            date=summary.made_on.isoformat(), review=summary.review_line
        ),
        "",
        f"> {summary.disclaimer}",
        "",
    ]


def _markdown_expectation(text: str) -> list[str]:
    """The hope-versus-evidence note as a quote, before the options (nothing when no gap)."""
    return [*(f"> {line}" if line else ">" for line in text.split("\n")), ""] if text else []


def _markdown_sure(summary: Summary) -> list[str]:
    lines = ["## " + _("Ready to decide?"), "", *_markdown_expectation(summary.expectation)]
    lines += [f"- {item} **{answer}**" for item, answer in summary.sure]
    if summary.sure_pointers:
        doubt, *helps = summary.sure_pointers
        lines += ["", doubt, "", *(f"- {pointer}" for pointer in helps)]
    source = _("Source: {source}.").format(source=_(SURE_SOURCE))
    return [*lines, "", " ".join(filter(None, (source, sure_note()))), ""]


def _markdown_clinician(facts: tuple[Fact, ...]) -> list[str]:
    """For the dermatologist: one line per fact; the patient's own words each in a block of
    their own, shown exactly as typed (never as markup)."""
    lines = [
        "## " + _("For the dermatologist"),
        "",
        _("From the patient's answers; not a diagnosis."),
        "",
    ]
    for fact in facts:
        if fact.own_words:
            lines += [f"**{fact.label}:**", "", *plain_text_block(fact.text), ""]
        else:
            lines += [f"- **{fact.label}:** {fact.text}", ""]
    return lines


def _markdown_table(summary: Summary) -> list[str]:
    lines = [
        "## " + _("All options, best fit first"),
        "",
        _(
            "| Rank | Option | Status | Fit | Total cost | Sessions | Downtime per session | "
            "Invasiveness | Improvement (ice pick) | Evidence |"
        ),
        "|---:|---|---|---:|---|---|---|---:|---|---|",
    ]
    for o in summary.options:
        cells = (
            str(o.rank),
            _table_cell(o.name),
            STATUS_LABELS[o.status],
            _("reference") if o.is_reference else str(o.fit),
            estimated(o, "cost", money_range(o.total_cost_usd)),
            sessions_text(o),
            healing_text(o),
            _("{n} of 5").format(n=o.invasiveness),
            estimated(o, "improvement_ice_pick", LEVEL_LABELS[o.improvement]),
            EVIDENCE_LABELS[o.evidence_level],
        )
        lines.append(f"| {' | '.join(cells)} |")
    mark = _("{mark} marks our {note}.").format(mark=_(ESTIMATE_MARK), note=_(ESTIMATE_NOTE))
    return [*lines, "", mark, ""]


def _markdown_top(summary: Summary) -> list[str]:
    lines = ["## " + _("My top options"), ""]
    for o, reasons in zip(summary.top, summary.top_reasons, strict=True):
        title = _("{rank}. {name}: fit {fit} of 100, {status}").format(
            rank=o.rank, name=o.name, fit=o.fit, status=STATUS_LABELS[o.status]
        )
        lines += [f"### {title}", "", *(f"- {reason}" for reason in reasons), ""]
    lines += ["> " + _("**Urgent:** {warning}").format(warning=w) for w in summary.urgent]
    return [*lines, ""]


def _markdown_plan(plan: PlanSection) -> list[str]:
    lines = ["## " + _("Suggested combination plan"), ""]
    lines += [*(f"> {line}" for line in plan.limits), *([""] if plan.limits else [])]
    if plan.hold:
        lines += [plan.hold, "", _("What I can do meanwhile:"), ""]
        lines += [*(f"- {m}" for m in plan.meanwhile), ""]
    if plan.steps:
        lines += [f"{n}. {step}" for n, step in enumerate(plan.steps, start=1)]
        lines += ["", plan.totals, ""]
    return [*lines, *(f"- {line}" for line in plan.other), "", *_markdown_dates(plan)]


def _markdown_dates(plan: PlanSection) -> list[str]:
    """The plan on dates. Event names are the person's text: every line is escaped."""
    dates, notes = plan.dates(escape_markdown), plan.calendar(escape_markdown)
    if not dates and not notes:
        return []
    lines = ["### " + _("On dates"), ""]
    if plan.dates_intro:
        lines += [plan.dates_intro, ""]
    lines += [f"- {line}" for line in dates]
    return [*lines, "", *(f"- {line}" for line in notes), ""]


def _markdown_quotes(summary: Summary) -> list[str]:
    if not summary.quotes:
        return []
    lines = ["## " + _("Quotes I was given"), "", _(QUOTES_INTRO), ""]
    for quote in summary.quotes:
        lines += [f"**{quote.title}**", ""]
        lines += [*(f"- {line}" for line in quote.within), *(f"- {f}" for f in quote.flags)]
        lines += [*(f"- {line}" for line in quote.timing(escape_markdown)), ""]
    return [*lines, *(f"> {flag}" for flag in summary.quote_flags), ""]


def _markdown_cautions(summary: Summary) -> list[str]:
    lines = ["## " + _("Cautions to discuss"), ""]
    if summary.limits_line:
        lines.append(f"- {summary.limits_line}")
    lines += [
        "- "
        + _("**{label}:** {text} Applies to: {options}.").format(
            label=group.label, text=group.text, options=", ".join(group.options)
        )
        for group in summary.cautions
    ]
    if not summary.cautions and not summary.limits_line:
        lines.append("- " + _("None of your answers raised a caution."))
    return [*lines, ""]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Numbers pass; text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


CSV_COLUMNS = (
    "rank",
    "id",
    "name",
    "status",
    "fit",
    "total_cost_low_usd",
    "total_cost_high_usd",
    "typical_cost_usd",
    "sessions_low",
    "sessions_high",
    "downtime_days_low",
    "downtime_days_high",
    "weeks_low",
    "weeks_high",
    "invasiveness",
    "pain",
    "expected_improvement",
    "pigment_risk_for_your_skin",
    "evidence_level",
    "estimates",
    "top_reasons",
    "cautions",
    "sources",
    # where the person stands: the option they lean towards (yes on its row), and, the same
    # on every row, the change they hope for and their SURE test score (0-4, empty until all
    # four items are answered)
    "leaning",
    "hoped_for_change",
    "sure_score",
    # the clinic quotes for this option (entered on the Summary), each with what to ask
    "quotes",
    "quote_flags",
)


def _quotes_by_option(rec: Recommendation) -> dict[str, tuple[list[str], list[str]]]:
    """For each option with a quote: what was quoted (and what is within the usual ranges),
    and the flags, the quotes-together flags on every quoted option."""
    review = check_quotes(rec)
    together = [cited(f) for f in review.flags]
    found: dict[str, tuple[list[str], list[str]]] = {}
    for check in review.checks:
        quoted, flags = found.setdefault(check.quote.treatment, ([], []))
        quoted.append(" ".join([quote_title(check) + ".", *within_lines(check, rec)]))
        flags += [cited(f) for f in check.flags]
    for _quoted, flags in found.values():
        flags += together
    return found


def to_csv(rec: Recommendation) -> str:
    """One row per option; numbers as numbers; formula-like text neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    score = sure_score(rec.profile)
    quotes = _quotes_by_option(rec)
    for o in rec.ranking.options:
        quoted, flags = quotes.get(o.id, ([], []))
        row = (
            o.rank,
            o.id,
            o.name,
            o.status,
            o.fit,
            round(o.total_cost_usd.low),
            round(o.total_cost_usd.high),
            round(o.typical_cost_usd),
            o.sessions.low,
            o.sessions.high,
            o.downtime_days.low,
            o.downtime_days.high,
            o.weeks.low,
            o.weeks.high,
            o.invasiveness,
            o.pain,
            o.improvement,
            o.pigment_risk,
            o.evidence_level,
            "; ".join(o.estimates),
            " | ".join(o.reasons[:3]),
            " | ".join(str(c) for c in o.cautions),
            "; ".join(o.sources),
            _("yes") if rec.profile.decision.leaning == o.id else "",
            rec.profile.decision.expected_improvement or "",
            "" if score is None else score,
            " | ".join(quoted),
            " | ".join(flags),
        )
        writer.writerow([neutralise_cell(v) for v in row])
    return out.getvalue()


def to_json_report(rec: Recommendation, today: dt.date | None = None) -> str:
    """The command line's JSON report, with the plan on dates from `today`."""
    dated = date_plan(rec, today)
    weeks = rec.profile.preferences.weeks_available
    calendar = {**dated.to_json(), "notes": calendar_lines(dated, weeks)}
    report = {**rec.to_json(), "calendar": calendar, "quotes": check_quotes(rec).to_json()}
    return json.dumps(report, indent=2, ensure_ascii=False)


def to_profile_json(rec: Recommendation) -> str:
    """The answers, exactly what 'Resume' reads back."""
    return profile_to_json(rec.profile)
