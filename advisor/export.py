"""Exports of a recommendation as pure functions: Markdown, CSV and JSON.

User text (the notes) is escaped so that no Markdown or HTML from the user is interpreted,
and CSV cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from advisor.explain import estimated
from advisor.profile import profile_to_json
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
from advisor.words import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    EVIDENCE_LABELS,
    LEVEL_LABELS,
    STATUS_LABELS,
    STATUS_WORDS,
    money_range,
    number_range,
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:$])")


def escape_markdown(text: str) -> str:
    """Text shown literally by any Markdown renderer: no markup, no HTML, no links."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return escaped.replace("\r\n", "\n").replace("\r", "\n")


def export_filename(kind: str, today: dt.date | None = None) -> str:
    """A dated file name such as ice-pick-scar-summary-2026-11-30.pdf."""
    day = (today or dt.date.today()).isoformat()
    base = "ice-pick-scar-answers" if kind == "json" else "ice-pick-scar-summary"
    return f"{base}-{day}.{'md' if kind == 'markdown' else kind}"


def _table_cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(rec: Recommendation, today: dt.date | None = None) -> str:
    """The summary as Markdown: the same content as the PDF, tables as Markdown tables."""
    day = (today or dt.date.today()).isoformat()
    options = rec.ranking.options
    lines = [
        "# Ice pick scar treatment options: my summary",
        "",
        f"Made on {day}. Catalog last reviewed {rec.catalog.meta.last_reviewed.isoformat()}.",
        "",
        f"> {DISCLAIMER}",
        "",
        "## My answers",
        "",
        *[f"- {line}" for line in describe_profile(rec.profile)],
        "",
        "## How severe my scars look",
        "",
        *[f"- {line}" for line in severity_lines(rec.severity)],
        "",
        "## All options, best fit first",
        "",
        "| Rank | Option | Status | Fit | Total cost | Sessions | Downtime per session | "
        "Invasiveness | Improvement (ice pick) | Evidence |",
        "|---:|---|---|---:|---|---|---|---:|---|---|",
    ]
    for o in options:
        lines.append(
            f"| {o.rank} | {_table_cell(o.name)} | {STATUS_LABELS[o.status]} | {o.fit} | "
            f"{estimated(o, 'cost', money_range(o.total_cost_usd))} | "
            f"{estimated(o, 'sessions', number_range(o.sessions))} | "
            f"{estimated(o, 'downtime', number_range(o.downtime_days, 'days'))} | "
            f"{o.invasiveness} of 5 | "
            f"{estimated(o, 'improvement_ice_pick', LEVEL_LABELS[o.improvement])} | "
            f"{EVIDENCE_LABELS[o.evidence_level]} |"
        )
    lines += ["", f"{ESTIMATE_MARK} marks our {ESTIMATE_NOTE}.", ""]
    lines += ["## Why the top options fit", ""]
    top = top_options(rec)
    for o in top:
        lines += [f"### {o.rank}. {o.name} (fit {o.fit})", ""]
        lines += [f"- {reason}" for reason in o.reasons]
        lines.append("")
    lines += [f"> **Urgent:** {warning}" for warning in urgent_warnings(top)]
    lines += ["", "## If I do nothing", "", doing_nothing(), ""]
    lines += ["## Suggested combination plan", ""]
    plan = rec.plan
    if plan.on_hold:
        hold, meanwhile = plan_hold_lines(rec.profile)
        lines += [hold, "", "What I can do meanwhile:", ""]
        lines += [f"- {m}" for m in meanwhile]
        lines.append("")
    if plan.procedures:
        lines += [f"{s.step}. {step_line(s, rec.profile.health.breastfeeding)}" for s in plan.steps]
        lines += ["", plan_totals_line(plan), ""]
    lines += [f"- {line}" for line in plan_other_lines(plan)]
    lines += ["", "## Cautions to discuss", ""]
    groups = grouped_cautions(rec)
    for effect, text, names in groups:
        label = STATUS_WORDS[effect]
        lines.append(f"- **{label}:** {text} Applies to: {', '.join(names)}.")
    if not groups:
        lines.append("- None of your answers raised a caution.")
    lines += ["", "## Questions to ask a provider", ""]
    lines += [f"{n}. {q}" for n, q in enumerate(provider_questions(rec), start=1)]
    lines += ["", "## My notes", ""]
    notes = rec.profile.notes.strip()
    lines += [f"> {escape_markdown(line)}" for line in notes.splitlines()] if notes else ["(none)"]
    lines += ["", "## Sources", ""]
    cited = sorted(
        {s for o in options for s in o.treatment.sources},
        key=lambda i: int(i[1:]),
    )
    for source_id in cited:
        source = rec.catalog.sources[source_id]
        link = f" {source.link}" if source.link else ""
        lines.append(f"- [{source_id}] {source.citation}{link}")
    lines.append("")
    return "\n".join(lines)


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
)


def to_csv(rec: Recommendation) -> str:
    """One row per option; numbers as numbers; formula-like text neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in rec.ranking.options:
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
        )
        writer.writerow([neutralise_cell(v) for v in row])
    return out.getvalue()


def to_json_report(rec: Recommendation) -> str:
    """The command line's JSON report."""
    return json.dumps(rec.to_json(), indent=2, ensure_ascii=False)


def to_profile_json(rec: Recommendation) -> str:
    """The answers, exactly what 'Resume' reads back."""
    return profile_to_json(rec.profile)
