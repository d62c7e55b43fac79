"""Two severity estimates from the answers, both by Goodman & Baron (2006), neither a diagnosis.

- The qualitative grade (2-4) comes from two plain questions: can the scars be seen easily at
  a talking distance, and do they flatten when the skin is stretched. It describes the scar
  type and how easy it is to see, not how many scars there are. Grade 1 (colour only, no dent)
  does not apply to ice pick scars, which are dents.
- The quantitative score adds points per scar type times a factor for how many scars of that
  type there are (data/severity.toml). Where a count or a detail the paper needs is missing,
  the score is a minimum ("at least").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from advisor.catalog import DATA_DIR, CatalogError, read_toml
from advisor.i18n import N_, Messages, _
from advisor.profile import Scars
from advisor.words import number

SOURCE = "Goodman & Baron 2006"
POINT_KEYS = ("ice_pick_deep", "ice_pick_shallow", "rolling", "boxcar", "hypertrophic")
FACTOR_KEYS = ("up_to_10", "up_to_20", "more")


@dataclass(frozen=True, slots=True)
class Severity:
    grade: int
    label: str
    explanation: str
    quantitative_score: int
    quantitative_is_minimum: bool
    # (scar type, count or None when not counted, points per scar category, count factor)
    score_parts: tuple[tuple[str, int | None, int, int], ...]
    source: str = SOURCE


@dataclass(frozen=True, slots=True)
class ScoreTable:
    points: dict[str, int]
    factors: tuple[int, int, int]
    source: str


def load_score_table(path: Path | None = None) -> ScoreTable:
    path = path or DATA_DIR / "severity.toml"
    data = read_toml(path)
    try:
        points = {key: int(data["points"][key]) for key in POINT_KEYS}
        factors = tuple(int(data["count_factor"][key]) for key in FACTOR_KEYS)
        source = str(data["source"])
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogError(f"{path.name}: missing or malformed entry {error}") from None
    return ScoreTable(points, factors, source)  # type: ignore[arg-type]


@functools.cache
def default_score_table() -> ScoreTable:
    return load_score_table()


def count_factor(count: int, table: ScoreTable) -> int:
    """The paper's multiplier for the number of scars of one type: 1-10, 11-20, more."""
    if count <= 10:
        return table.factors[0]
    return table.factors[1] if count <= 20 else table.factors[2]


def quantitative_score(
    scars: Scars, table: ScoreTable | None = None
) -> tuple[int, bool, tuple[tuple[str, int | None, int, int], ...]]:
    """The score, whether it is a minimum, and the parts it adds up."""
    table = table or default_score_table()
    minimum = False
    ice_key = "ice_pick_shallow" if scars.depth == "shallow" else "ice_pick_deep"
    parts: list[tuple[str, int | None, int, int]] = [
        ("ice pick", scars.count, table.points[ice_key], count_factor(scars.count, table))
    ]
    for scar_type in scars.other_types:
        counted = getattr(scars.other_counts, scar_type)
        if counted == 0:
            continue
        # not counted: at least one scar, the lowest factor; and the questions do not ask what
        # sets the higher points (deeper rolling or boxcar scars, larger raised scars)
        minimum = True
        factor = 1 if scar_type == "hypertrophic" else count_factor(counted or 1, table)
        parts.append((scar_type, counted, table.points[scar_type], factor))
    total = sum(points * factor for *_names, points, factor in parts)
    return total, minimum, tuple(parts)


GRADE_WORDS = {
    2: (
        N_("mild"),
        N_(
            "On this scale, grade 2 means scars that are hard to see from about half a metre "
            "away (a normal talking distance) and that make-up can usually cover."
        ),
    ),
    3: (
        N_("moderate"),
        N_(
            "On this scale, grade 3 means scars that are easy to see from a normal talking "
            "distance but flatten when the skin is stretched."
        ),
    ),
    4: (
        N_("severe"),
        N_(
            "On this scale, grade 4 means scars that are easy to see from a normal talking "
            "distance and stay dented when the skin is stretched, as ice pick scars usually do."
        ),
    ),
}
ABOUT_THE_GRADE = N_(
    "The grade describes the type of scar and how easy it is to see, not how many scars you "
    "have or how much they matter to you."
)
# the scar types of the score's parts, as score_words names them
SCORE_PART_NAMES = Messages(
    {
        "ice pick": N_("ice pick scars"),
        "rolling": N_("rolling scars"),
        "boxcar": N_("boxcar scars"),
        "hypertrophic": N_("hypertrophic scars"),
    }
)


def estimate_severity(scars: Scars, table: ScoreTable | None = None) -> Severity:
    """The qualitative grade from visibility and stretching, and the quantitative score, in
    the language in use."""
    if not scars.visible_at_conversation_distance:
        grade = 2
    elif scars.flattens_when_stretched:
        grade = 3
    else:
        grade = 4
    label, words = GRADE_WORDS[grade]
    score, minimum, parts = quantitative_score(scars, table)
    explanation = f"{_(words)} {_(ABOUT_THE_GRADE)}"
    return Severity(grade, _(label), explanation, score, minimum, parts)


def part_words(name: str, count: int | None, points: int, factor: int) -> str:
    """'rolling scars (3): 1 x 1 = 1'."""
    counted = _("number not given, counted as 1") if count is None else number(count)
    return _("{scars} ({count}): {points} x {factor} = {total}").format(
        scars=SCORE_PART_NAMES[name],
        count=counted,
        points=points,
        factor=factor,
        total=points * factor,
    )


def score_words(severity: Severity) -> str:
    """'at least 8' with how it adds up, in plain words."""
    sums = "; ".join(part_words(*part) for part in severity.score_parts)
    if severity.quantitative_is_minimum:
        return _("at least {score} ({sums})").format(score=severity.quantitative_score, sums=sums)
    return f"{severity.quantitative_score} ({sums})"
