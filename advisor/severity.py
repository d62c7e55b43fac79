"""A severity estimate from two plain questions (Goodman & Baron qualitative grades, 2006).

Grade 1 (macular: colour only, no dent) does not apply to ice pick scars, which are dents.
The estimate is a starting point for the visit, not a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.profile import Scars

SOURCE = "Goodman & Baron 2006"


@dataclass(frozen=True, slots=True)
class Severity:
    grade: int
    label: str
    explanation: str
    source: str = SOURCE


def estimate_severity(scars: Scars) -> Severity:
    """Grade 2-4 from visibility at conversation distance and whether stretching flattens them."""
    if not scars.visible_at_conversation_distance:
        return Severity(
            2,
            "mild",
            "Your scars are hard to see from about half a metre away (a normal talking "
            "distance), and make-up can usually cover them.",
        )
    if scars.flattens_when_stretched:
        return Severity(
            3,
            "moderate",
            "Your scars are easy to see from a normal talking distance, but they flatten when "
            "the skin is stretched.",
        )
    return Severity(
        4,
        "severe",
        "Your scars are easy to see from a normal talking distance and stay dented when the "
        "skin is stretched. This is typical of ice pick scars, which are deep and narrow.",
    )
