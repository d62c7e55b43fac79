"""Trying other priorities on Compare: the ranking under them, how far each option moved, and
whether the top two are a close call. Kept here, not in the page, so it is tested on its own."""

from __future__ import annotations

from advisor.recommend import Recommendation, recommend
from advisor.scoring import CLOSE_CALL_POINTS, OptionResult


def what_if_recommendation(saved: Recommendation, weights: dict[str, int]) -> Recommendation:
    """The recommendation under these priorities (the saved one when they are the same)."""
    if weights == saved.profile.preferences.weights.model_dump():
        return saved
    profile = saved.profile.model_copy(deep=True)
    profile.preferences.weights = profile.preferences.weights.model_validate(weights)
    return recommend(profile)


def moved_places(saved: Recommendation, trying: Recommendation) -> dict[str, int]:
    """Places each option moved up (positive) or down (negative) under the tried priorities."""
    before = {o.id: o.rank for o in saved.ranking.options}
    return {o.id: before[o.id] - o.rank for o in trying.ranking.options}


def close_call(options: list[OptionResult]) -> tuple[OptionResult, OptionResult] | None:
    """The first two advisable options when their fits are within CLOSE_CALL_POINTS."""
    advisable = [o for o in options if o.status != "not_advised" and not o.is_reference]
    if len(advisable) >= 2 and advisable[0].fit - advisable[1].fit <= CLOSE_CALL_POINTS:
        return advisable[0], advisable[1]
    return None
