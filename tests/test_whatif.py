from __future__ import annotations

from factories import make_profile

from advisor.profile import Profile
from advisor.recommend import recommend
from advisor.whatif import close_call, moved_places, what_if_recommendation


def test_the_same_priorities_give_back_the_saved_recommendation() -> None:
    saved = recommend(Profile())
    assert what_if_recommendation(saved, saved.profile.preferences.weights.model_dump()) is saved


def test_other_priorities_rank_again_and_say_who_moved() -> None:
    saved = recommend(Profile())
    weights = {"effectiveness": 5, "cost": 0, "downtime": 0, "sessions": 5, "invasiveness": 0}
    trying = what_if_recommendation(saved, weights)
    assert trying.profile.preferences.weights.model_dump() == weights
    assert saved.profile.preferences.weights.cost == 3, "the saved answers are untouched"
    moved = moved_places(saved, trying)
    # By hand, weights 5 and 5 (sum 10): 50 + 50 x (works - 0.5) + 50 x (sessions - 0.5).
    # Punch excision works 0.95, 2 sessions of a limit of 6 (6/8): 50 + 22.5 + 12.5 = 85.
    # Punch grafting works 0.8, 2 sessions: 50 + 15 + 12.5 = 77.5.
    # TCA CROSS works 0.95, 5 sessions (6/11): 50 + 22.5 + 2.3 = 74.8; it was first, now third.
    # The others are held to how well they work, which priorities do not change: they stay.
    order = [o.id for o in trying.ranking.options[:3]]
    assert order == ["punch_excision", "punch_graft", "tca_cross"]
    assert {i: n for i, n in moved.items() if n} == {
        "punch_excision": 1,
        "punch_graft": 1,
        "tca_cross": -2,
    }


def test_a_close_call_names_the_first_two_within_three_points() -> None:
    few = recommend(make_profile(scars={"count": 5, "distribution": "isolated"}))
    first, second = close_call(few.ranking.options)
    assert (first.id, second.id) == ("tca_cross", "punch_excision")
    assert first.fit - second.fit <= 3
    assert close_call(recommend(Profile()).ranking.options) is None
