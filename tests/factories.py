"""Profiles for tests: one with some answers changed, and a hypothesis strategy for any."""

from __future__ import annotations

from hypothesis import strategies as st

from advisor.profile import HISTORY_MAX, LOCATIONS, TREATMENT_IDS, UNSURE, Profile


def make_profile(**sections: dict) -> Profile:
    """A default profile with some fields changed, e.g. make_profile(skin={"fitzpatrick": 5})."""
    return Profile.model_validate(sections)


HEALTH_QUESTIONS = (
    "isotretinoin_last_6_months",
    "pregnant",
    "breastfeeding",
    "cold_sores",
    "blood_thinners",
    "photosensitising_medication",
    "autoimmune_or_immunosuppressed",
    "vitiligo_or_psoriasis",
    "facial_radiation",
    "diabetes",
    "bovine_collagen_allergy",
    "smoker",
)

HISTORY_FIELDS = ("previous_treatments", "medications", "allergies", "main_concern")
SURE_FIELDS = ("sure_best_choice", "know_benefits_risks", "clear_what_matters", "enough_support")

profiles = st.builds(
    lambda scars, skin, health, prefs, notes, history, decision: Profile.model_validate(
        {
            "scars": scars,
            "skin": skin,
            "health": health,
            "preferences": prefs,
            "notes": notes,
            "history": history,
            "decision": decision,
        }
    ),
    st.fixed_dictionaries(
        {
            "count": st.integers(1, 500),
            "depth": st.sampled_from(["shallow", "moderate", "deep"]),
            "width_mm": st.floats(0.3, 5.0),
            "distribution": st.sampled_from(["isolated", "clustered", "widespread"]),
            "locations": st.lists(st.sampled_from(LOCATIONS), unique=True),
            "other_types": st.lists(
                st.sampled_from(["rolling", "boxcar", "hypertrophic"]), unique=True
            ),
            "flattens_when_stretched": st.booleans(),
            "visible_at_conversation_distance": st.booleans(),
        }
    ),
    st.fixed_dictionaries(
        {
            "fitzpatrick": st.integers(1, 6),
            "sensitive": st.booleans(),
            "dark_marks_after_injury": st.booleans(),
            "keloid_history": st.booleans(),
            "active_acne": st.booleans(),
            "recent_tan": st.booleans(),
        }
    ),
    st.fixed_dictionaries(
        {
            "age": st.integers(12, 100),
            "isotretinoin_last_6_months": st.booleans(),
            "pregnant": st.booleans(),
            "breastfeeding": st.booleans(),
            "cold_sores": st.booleans(),
            "blood_thinners": st.booleans(),
            "photosensitising_medication": st.booleans(),
            "autoimmune_or_immunosuppressed": st.booleans(),
            "vitiligo_or_psoriasis": st.booleans(),
            "facial_radiation": st.booleans(),
            "diabetes": st.booleans(),
            "bovine_collagen_allergy": st.booleans(),
            "smoker": st.booleans(),
        }
    ),
    st.fixed_dictionaries(
        {
            "budget_usd": st.integers(0, 100000),
            "max_downtime_days": st.integers(0, 60),
            "max_sessions": st.integers(1, 30),
            "max_invasiveness": st.integers(1, 5),
            "pain_tolerance": st.sampled_from(["low", "medium", "high"]),
            "goal": st.sampled_from(["subtle", "noticeable", "maximal"]),
            "weeks_available": st.one_of(st.none(), st.integers(1, 260)),
            "weights": st.fixed_dictionaries(
                {
                    k: st.integers(0, 5)
                    for k in ("effectiveness", "cost", "downtime", "sessions", "invasiveness")
                }
            ),
        }
    ),
    st.text(max_size=200),
    st.fixed_dictionaries(  # often empty, as most people leave them
        {k: st.text(max_size=HISTORY_MAX) | st.just("") for k in HISTORY_FIELDS}
    ),
    st.fixed_dictionaries(  # every answer may still be empty (null)
        {
            "expected_improvement": st.none()
            | st.sampled_from(["small", "medium", "large", "complete"]),
            "daily_life_impact": st.none() | st.sampled_from(["none", "a_little", "a_lot"]),
            "leaning": st.none() | st.sampled_from([*TREATMENT_IDS, UNSURE]),
            "sure": st.fixed_dictionaries({k: st.none() | st.booleans() for k in SURE_FIELDS}),
        }
    ),
)


def _without_health_flags(profile: Profile) -> Profile:
    clear = profile.model_copy(deep=True)
    for question in HEALTH_QUESTIONS:
        setattr(clear.health, question, False)
    clear.skin.keloid_history = clear.skin.active_acne = clear.skin.recent_tan = False
    clear.skin.sensitive = False
    return clear


# profiles where at least one strong option is usually open: no health flag, and limits that
# leave room (for properties about how options with and without such flags compare)
open_profiles = st.builds(
    lambda profile, budget, downtime, sessions, invasiveness: _without_health_flags(
        profile.model_copy(
            update={
                "preferences": profile.preferences.model_copy(
                    update={
                        "budget_usd": budget,
                        "max_downtime_days": downtime,
                        "max_sessions": sessions,
                        "max_invasiveness": invasiveness,
                    }
                )
            }
        )
    ),
    profiles,
    st.integers(1500, 100000),
    st.integers(4, 60),
    st.integers(5, 30),
    st.integers(2, 5),
)
