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
    before = {o.id: o.rank for o in saved.ranking.options}
    for option in trying.ranking.options:
        assert moved[option.id] == before[option.id] - option.rank
    assert trying.ranking.options[0].id == "punch_excision" and moved["punch_excision"] == 1


def test_a_close_call_names_the_first_two_within_three_points() -> None:
    few = recommend(make_profile(scars={"count": 5, "distribution": "isolated"}))
    first, second = close_call(few.ranking.options)
    assert (first.id, second.id) == ("tca_cross", "punch_excision")
    assert first.fit - second.fit <= 3
    assert close_call(recommend(Profile()).ranking.options) is None
