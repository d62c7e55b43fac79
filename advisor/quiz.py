"""A short knowledge check, written from the catalog and the Learn content, so that a reviewed
change to data/ changes its questions and answers too. It never blocks anything: each answer
shows the right one and why."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.catalog import Catalog, Treatment, default_catalog
from advisor.content import Content, default_content
from advisor.i18n import _
from advisor.words import LEVEL_WORDS, first_upper, number

LEVEL_ORDER = tuple(LEVEL_WORDS)  # none, low, low_moderate, moderate, moderate_high, high
CHOICES = 4


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    choices: tuple[str, ...]
    answer: int  # index into choices
    why: str


def _name(t: Treatment) -> str:
    return t.name.split(" (")[0]


def _spread(items: list[Treatment], count: int = CHOICES) -> list[Treatment]:
    """Up to `count` items spread evenly over a sorted list (first and last included)."""
    if len(items) <= count:
        return items
    step = (len(items) - 1) / (count - 1)
    return [items[round(n * step)] for n in range(count)]


def _question(
    catalog: Catalog, text: str, right: Treatment, others: list[Treatment], why: str
) -> Question:
    """The right answer among others, in catalog order, so the place of the answer varies."""
    chosen = {right.id, *(o.id for o in others)}
    picked = [t for tid, t in catalog.treatments.items() if tid in chosen]
    return Question(text, tuple(_name(t) for t in picked), picked.index(right), why)


def one_scar_at_a_time(catalog: Catalog) -> Question:
    treatments = [t for t in catalog.treatments.values() if t.id != "no_treatment"]
    focal = [t for t in treatments if not t.treats_area]
    area = [t for t in treatments if t.treats_area]
    right = focal[0]
    return _question(
        catalog,
        _("Which of these treats one scar at a time?"),
        right,
        _spread(area, CHOICES - 1),
        _("{name} treats each scar on its own; the others treat a whole area of skin.").format(
            name=_name(right)
        ),
    )


def most_healing_time(catalog: Catalog) -> Question:
    clinic = [
        t for t in catalog.treatments.values() if t.pricing_unit != "month" and t.downtime_days_high
    ]
    by_healing = sorted(clinic, key=lambda t: t.downtime_days_low + t.downtime_days_high)
    right = by_healing[-1]
    return _question(
        catalog,
        _("Which of these usually needs the most healing time after a session?"),
        right,
        _spread(by_healing[:-1], CHOICES - 1),
        _(
            "{name} usually needs {low}-{high} days of healing after a session, the most of these."
        ).format(
            name=_name(right),
            low=number(right.downtime_days_low),
            high=number(right.downtime_days_high),
        ),
    )


def works_best(catalog: Catalog) -> Question:
    rank = {level: n for n, level in enumerate(LEVEL_ORDER)}
    treatments = [t for t in catalog.treatments.values() if t.id != "no_treatment"]
    evidence = ("not_applicable", "very_low", "low", "moderate")
    ordered = sorted(
        treatments, key=lambda t: (rank[t.improvement_ice_pick], evidence.index(t.evidence_level))
    )
    right = ordered[-1]
    best = rank[right.improvement_ice_pick]
    weaker = [t for t in ordered if rank[t.improvement_ice_pick] < best]
    return _question(
        catalog,
        _("In studies, which of these usually does the most for ice pick scars?"),
        right,
        _spread(weaker, CHOICES - 1),
        _(
            "{improvement} is typical with {name}, and the evidence for it is the strongest "
            "here; the others usually do less for ice pick scars."
        ).format(
            improvement=first_upper(LEVEL_WORDS[right.improvement_ice_pick]), name=_name(right)
        ),
    )


def at_home(catalog: Catalog) -> Question:
    treatments = [t for t in catalog.treatments.values() if t.id != "no_treatment"]
    right = next(t for t in treatments if t.pricing_unit == "month")
    others = [t for t in treatments if t.pricing_unit != "month"]
    return _question(
        catalog,
        _("Which of these do you use yourself, at home?"),
        right,
        _spread(others, CHOICES - 1),
        _(
            "You use {name} yourself, at home, every day for months; the others are done in a "
            "clinic."
        ).format(name=_name(right).lower()),
    )


def doing_nothing(content: Content) -> Question:
    first = content.no_treatment.split(". ")[0].rstrip(".") + "."
    return Question(
        _("What happens to ice pick scars with no treatment?"),
        (
            _("They slowly fade away on their own"),
            _("They stay, and do not get worse over time"),
            _("They get deeper every year"),
        ),
        1,
        _(
            "{first} Choosing no treatment is a fair choice, and you can change your mind later."
        ).format(first=first),
    )


def knowledge_check(
    catalog: Catalog | None = None, content: Content | None = None
) -> tuple[Question, ...]:
    """Five questions, each with its right answer and why, from data/."""
    catalog = catalog or default_catalog()
    content = content or default_content()
    return (
        works_best(catalog),
        one_scar_at_a_time(catalog),
        most_healing_time(catalog),
        at_home(catalog),
        doing_nothing(content),
    )
