"""The app's fixed vocabularies in one place: status, improvement levels, factors, estimates.

Each word list exists once so that every page and export says the same thing, and so that a
second language has one place to translate.
"""

from __future__ import annotations

from typing import Protocol

from babel.numbers import format_decimal

from advisor.i18n import babel_locale
from advisor.money import format_money


class _Range(Protocol):
    low: float
    high: float


STATUS_WORDS = {"suitable": "Suitable", "caution": "Caution", "not_advised": "Not advised"}
# a symbol next to every status word, so colour never carries the status alone
STATUS_SYMBOLS = {"suitable": "✓", "caution": "!", "not_advised": "✗"}
STATUS_LABELS = {key: f"{STATUS_SYMBOLS[key]} {word}" for key, word in STATUS_WORDS.items()}

# expected improvement, as a short label (tables) and as words in a sentence
LEVEL_LABELS = {
    "none": "None",
    "low": "Small",
    "low_moderate": "Small to medium",
    "moderate": "Medium",
    "moderate_high": "Medium to large",
    "high": "Large",
}
LEVEL_WORDS = {
    "none": "no change to the scars",
    "low": "a small improvement",
    "low_moderate": "a small to medium improvement",
    "moderate": "a medium improvement",
    "moderate_high": "a medium to large improvement",
    "high": "a large improvement",
}
EVIDENCE_LABELS = {
    "moderate": "Moderate",
    "low": "Low",
    "very_low": "Very low",
    "not_applicable": "Not applicable",
}
RISK_LABELS = {"low": "Low", "moderate": "Moderate", "high": "High"}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}  # Fitzpatrick types

# Skin types as people recognise them: the colour first, then burning and tanning, then the
# Fitzpatrick type as a clinician names it (NCBI Bookshelf NBK481857 [S12]).
SKIN_TYPE_CHOICES = {
    1: "Pale white skin: always burns, never tans (type I)",
    2: "Fair skin: usually burns, tans with difficulty (type II)",
    3: "Darker white skin: sometimes burns, tans about average (type III)",
    4: "Light brown skin: rarely burns, tans easily (type IV)",
    5: "Brown skin: very rarely burns, tans very easily (type V)",
    6: "Dark brown or black skin: never burns (type VI)",
}

# the five priorities: a label for sentences ("points for cost") and one for controls
FACTOR_LABELS = {
    "effectiveness": "how well it works for your scars",
    "cost": "cost",
    "downtime": "downtime",
    "sessions": "number of sessions",
    "invasiveness": "how invasive it is",
}
FACTOR_CONTROL_LABELS = {
    "effectiveness": "How well it works",
    "cost": "Low cost",
    "downtime": "Little downtime",
    "sessions": "Few sessions",
    "invasiveness": "Less invasive",
}

ESTIMATE_WORDS = {
    "cost": "cost",
    "sessions": "number of sessions and the time between them",
    "downtime": "days of healing",
    "redness": "weeks of redness",
    "improvement_ice_pick": "improvement for ice pick scars",
    "improvement_rolling": "improvement for rolling scars",
    "improvement_boxcar": "improvement for boxcar scars",
    "pain": "pain",
    "suits": "the scar widths and numbers it suits",
    "providers": "who usually does it",
}
ESTIMATE_MARK = "(est.)"
ESTIMATE_NOTE = "estimate, no published figure"
ESTIMATE_SOURCE_WORDS = "our estimate, no published source"

YOUR_ANSWERS = "your answers"

# who would do a treatment, as a clinic quote names them (the profile's provider ids)
PROVIDER_WORDS = {
    "dermatologist": "a dermatologist",
    "plastic_surgeon": "a plastic surgeon",
    "other_doctor": "another doctor",
    "nurse": "a nurse",
    "aesthetician": "a beautician (aesthetician)",
    "unknown": "someone the quote does not name",
}


def first_upper(text: str) -> str:
    """The text with its first letter upper case and the rest as written (unlike
    str.capitalize, which would turn 'type IV' into 'Type iv')."""
    return text[:1].upper() + text[1:]


def joined(items: list[str], last: str = "and") -> str:
    """'a, b and c' (or 'a, b or c' with last='or'); one item as it is."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def money(x: float) -> str:
    """A US amount in the person's currency and language, whole: $1,250 or 1.150 €."""
    return format_money(x)


def number(x: float) -> str:
    """A number as the language writes it: 1,250.5 or 1.250,5."""
    return format_decimal(x, locale=babel_locale())


def money_range(r: _Range) -> str:
    """$450-$1,800, or one amount when low and high are the same."""
    return money(r.low) if r.low == r.high else f"{money(r.low)}-{money(r.high)}"


def number_range(r: _Range, unit: str = "") -> str:
    """3-6 sessions, or one number when low and high are the same."""
    text = f"{r.low:g}" if r.low == r.high else f"{r.low:g}-{r.high:g}"
    return f"{text} {unit}".rstrip()
