"""The app's fixed vocabularies in one place: status, improvement levels, factors, estimates.

Each word list exists once so that every page and export says the same thing, and so that a
second language has one place to translate.
"""

from __future__ import annotations

import functools
from typing import Protocol

from babel import Locale
from babel.numbers import format_decimal

from advisor.i18n import N_, NC_, Messages, _, babel_locale
from advisor.money import format_money


class _Range(Protocol):
    low: float
    high: float


STATUS_WORDS = Messages(
    {"suitable": N_("Suitable"), "caution": N_("Caution"), "not_advised": N_("Not advised")}
)
# a symbol next to every status word, so colour never carries the status alone
STATUS_SYMBOLS = {"suitable": "✓", "caution": "!", "not_advised": "✗"}
STATUS_LABELS = Messages(
    {
        "suitable": N_("✓ Suitable"),
        "caution": N_("! Caution"),
        "not_advised": N_("✗ Not advised"),
    }
)

# expected improvement, as a short label (tables) and as words in a sentence
LEVEL_LABELS = Messages(
    {
        "none": N_("None"),
        "low": N_("Small"),
        "low_moderate": N_("Small to medium"),
        "moderate": N_("Medium"),
        "moderate_high": N_("Medium to large"),
        "high": N_("Large"),
    }
)
LEVEL_WORDS = Messages(
    {
        "none": N_("no change to the scars"),
        "low": N_("a small improvement"),
        "low_moderate": N_("a small to medium improvement"),
        "moderate": N_("a medium improvement"),
        "moderate_high": N_("a medium to large improvement"),
        "high": N_("a large improvement"),
    }
)
EVIDENCE_LABELS = Messages(  # "evidence": the word agrees with it (Spanish: evidencia baja)
    {
        "moderate": NC_("evidence", "Moderate"),
        "low": NC_("evidence", "Low"),
        "very_low": NC_("evidence", "Very low"),
        "not_applicable": NC_("evidence", "Not applicable"),
    },
    context="evidence",
)
RISK_LABELS = Messages({"low": N_("Low"), "moderate": N_("Moderate"), "high": N_("High")})

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}  # Fitzpatrick types

# Skin types as people recognise them: the colour first, then burning and tanning, then the
# Fitzpatrick type as a clinician names it (NCBI Bookshelf NBK481857 [S12]).
SKIN_TYPE_CHOICES = Messages(
    {
        1: N_("Pale white skin: always burns, never tans (type I)"),
        2: N_("Fair skin: usually burns, tans with difficulty (type II)"),
        3: N_("Darker white skin: sometimes burns, tans about average (type III)"),
        4: N_("Light brown skin: rarely burns, tans easily (type IV)"),
        5: N_("Brown skin: very rarely burns, tans very easily (type V)"),
        6: N_("Dark brown or black skin: never burns (type VI)"),
    }
)

# the profile's answers with a fixed set of values, as words in a sentence ("about 12, deep,
# clustered"; "medium pain tolerance"); the questionnaire shows them with a capital letter
DEPTH_WORDS = Messages({"shallow": N_("shallow"), "moderate": N_("moderate"), "deep": N_("deep")})
DISTRIBUTION_WORDS = Messages(
    {"isolated": N_("isolated"), "clustered": N_("clustered"), "widespread": N_("widespread")}
)
LOCATION_WORDS = Messages(
    {
        "cheeks": N_("cheeks"),
        "temples": N_("temples"),
        "jawline": N_("jawline"),
        "forehead": N_("forehead"),
        "nose": N_("nose"),
        "chin": N_("chin"),
        "neck": N_("neck"),
        "chest": N_("chest"),
        "back": N_("back"),
    }
)
OTHER_TYPE_WORDS = Messages(
    {"rolling": N_("rolling"), "boxcar": N_("boxcar"), "hypertrophic": N_("hypertrophic")}
)
PAIN_WORDS = Messages({"low": N_("low"), "medium": N_("medium"), "high": N_("high")})

# the five priorities: a label for sentences ("points for cost") and one for controls
FACTOR_LABELS = Messages(
    {
        "effectiveness": N_("how well it works for your scars"),
        "cost": N_("cost"),
        "downtime": N_("downtime"),
        "sessions": N_("number of sessions"),
        "invasiveness": N_("how invasive it is"),
    }
)
FACTOR_CONTROL_LABELS = Messages(
    {
        "effectiveness": N_("How well it works"),
        "cost": N_("Low cost"),
        "downtime": N_("Little downtime"),
        "sessions": N_("Few sessions"),
        "invasiveness": N_("Less invasive"),
    }
)

ESTIMATE_WORDS = Messages(
    {
        "cost": N_("cost"),
        "sessions": N_("number of sessions and the time between them"),
        "downtime": N_("days of healing"),
        "redness": N_("weeks of redness"),
        "improvement_ice_pick": N_("improvement for ice pick scars"),
        "improvement_rolling": N_("improvement for rolling scars"),
        "improvement_boxcar": N_("improvement for boxcar scars"),
        "pain": N_("pain"),
        "suits": N_("the scar widths and numbers it suits"),
        "providers": N_("who usually does it"),
    }
)
ESTIMATE_MARK = N_("(est.)")  # wrap in _() where shown, as the three below
ESTIMATE_NOTE = N_("estimate, no published figure")
ESTIMATE_SOURCE_WORDS = N_("our estimate, no published source")

YOUR_ANSWERS = N_("your answers")

# who would do a treatment, as a clinic quote names them (the profile's provider ids)
PROVIDER_WORDS = Messages(
    {
        "dermatologist": N_("a dermatologist"),
        "plastic_surgeon": N_("a plastic surgeon"),
        "other_doctor": N_("another doctor"),
        "nurse": N_("a nurse"),
        "aesthetician": N_("a beautician (aesthetician)"),
        "unknown": N_("someone the quote does not name"),
    }
)


def first_upper(text: str) -> str:
    """The text with its first letter upper case and the rest as written (unlike
    str.capitalize, which would turn 'type IV' into 'Type iv')."""
    return text[:1].upper() + text[1:]


AND, OR = N_("and"), N_("or")


def joined(items: list[str], last: str = AND) -> str:
    """'a, b and c' (or 'a, b or c' with last=OR), in the language in use; one item as it
    is."""
    last = _(last)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def money(x: float) -> str:
    """A US amount in the person's currency and language, whole: $1,250 or 1.150 €."""
    return format_money(x)


def number(x: float, pattern: str | None = None) -> str:
    """A number as the language writes it: 1,250.5 or 1.250,5 (with a Babel pattern, if
    given)."""
    return _decimal(x, pattern, babel_locale())


@functools.lru_cache(maxsize=8192)
def _decimal(x: float, pattern: str | None, locale: str) -> str:
    """Babel's number text, kept: the same few numbers recur thousands of times a second."""
    return format_decimal(x, format=pattern, locale=Locale.parse(locale))


def money_range(r: _Range) -> str:
    """$450-$1,800, or one amount when low and high are the same."""
    return money(r.low) if r.low == r.high else f"{money(r.low)}-{money(r.high)}"


def number_range(r: _Range, unit: str = "") -> str:
    """3-6 sessions, or one number when low and high are the same."""
    text = number(r.low) if r.low == r.high else f"{number(r.low)}-{number(r.high)}"
    return f"{text} {unit}".rstrip()
