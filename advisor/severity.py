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
from advisor.profile import Scars

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
    total = sum(points * factor for _, _, points, factor in parts)
    return total, minimum, tuple(parts)


GRADE_WORDS = {
    2: (
        "mild",
        "On this scale, grade 2 means scars that are hard to see from about half a metre away "
        "(a normal talking distance) and that make-up can usually cover.",
    ),
    3: (
        "moderate",
        "On this scale, grade 3 means scars that are easy to see from a normal talking "
        "distance but flatten when the skin is stretched.",
    ),
    4: (
        "severe",
        "On this scale, grade 4 means scars that are easy to see from a normal talking "
        "distance and stay dented when the skin is stretched, as ice pick scars usually do.",
    ),
}
ABOUT_THE_GRADE = (
    " The grade describes the type of scar and how easy it is to see, not how many scars you "
    "have or how much they matter to you."
)


def estimate_severity(scars: Scars, table: ScoreTable | None = None) -> Severity:
    """The qualitative grade from visibility and stretching, and the quantitative score."""
    if not scars.visible_at_conversation_distance:
        grade = 2
    elif scars.flattens_when_stretched:
        grade = 3
    else:
        grade = 4
    label, words = GRADE_WORDS[grade]
    score, minimum, parts = quantitative_score(scars, table)
    return Severity(grade, label, words + ABOUT_THE_GRADE, score, minimum, parts)


def score_words(severity: Severity) -> str:
    """'at least 8' with how it adds up, in plain words."""
    prefix = "at least " if severity.quantitative_is_minimum else ""
    sums = "; ".join(
        f"{name} scars ({'number not given, counted as 1' if count is None else count}): "
        f"{points} x {factor} = {points * factor}"
        for name, count, points, factor in severity.score_parts
    )
    return f"{prefix}{severity.quantitative_score} ({sums})"
