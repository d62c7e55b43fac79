"""The quote checker: clinic quotes set against the catalog and the ranking for the person.

The cases are ones a dermatologist would recognise (a laser-only plan for deep ice pick scars,
TCA CROSS at a usual price, filler for narrow scars, a procedure during pregnancy); the
properties hold for any profile and any valid quotes."""

from __future__ import annotations

import json
import re

import pytest
from factories import make_profile, profiles
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.catalog import ESTIMATE_SOURCE, default_catalog
from advisor.profile import MAX_QUOTES, PROVIDERS, QUOTABLE_IDS, Profile, Quote
from advisor.quotes import QuoteCheck, QuoteReview, check_quotes
from advisor.recommend import recommend

WARNINGS = {
    "rated_low",
    "narrow_scars",
    "depth",
    "pigment",
    "provider_not_listed",
    "not_advised",
    "caution",
}
BLAMING_WORDS = ("scam", "rip-off", "ripoff", "fraud", "bad clinic", "dodgy", "cowboy")


def quote(treatment: str, sessions: int, price: float, provider: str = "dermatologist") -> dict:
    return {"treatment": treatment, "sessions": sessions, "price_usd": price, "provider": provider}


def review(*quotes: dict, **sections: dict) -> QuoteReview:
    return check_quotes(recommend(Profile.model_validate({**sections, "quotes": list(quotes)})))


def only(*quotes: dict, **sections: dict) -> QuoteCheck:
    (check,) = review(*quotes, **sections).checks
    return check


def kinds(check: QuoteCheck) -> list[str]:
    return [f.kind for f in check.flags]


TWENTY_DEEP = {"count": 20, "depth": "deep"}
LASER_QUOTE = quote("laser_ablative", 3, 4500)


# ----------------------------------------------------------------------------- the case


def test_three_ablative_sessions_for_twenty_deep_ice_pick_scars() -> None:
    result = review(LASER_QUOTE, scars=TWENTY_DEEP)
    (check,) = result.checks
    assert check.price_unit == "session"
    assert check.unit_price_usd == 1500
    assert (check.price_range_usd.low, check.price_range_usd.high) == (1200, 3500)
    assert check.price_position == "within"
    assert (check.sessions_range.low, check.sessions_range.high) == (1, 4)
    assert check.sessions_position == "within"
    found = {f.kind: f for f in check.flags}
    assert "rated_low" in found and "small to medium improvement" in found["rated_low"].text
    assert found["rated_low"].sources == ("S15", "S16")  # the studies behind the rating
    assert "depth" in found and "deep scars go deeper" in found["depth"].text
    assert "S1" in found["depth"].sources  # Jacob 2001: ice pick scars reach the deep dermis
    assert not {"provider_not_listed", "provider_unknown"} & set(found), "a dermatologist does it"
    assert not {k for k in found if k.startswith(("price_", "sessions_"))}, "price is usual"
    (device_only,) = result.flags
    assert device_only.kind == "device_only" and device_only.sources == ("S35",)
    assert "one at a time first" in device_only.text and "TCA CROSS" in device_only.text


def test_the_same_laser_quote_from_a_beautician_is_flagged_for_who_does_it() -> None:
    check = only({**LASER_QUOTE, "provider": "aesthetician"}, scars=TWENTY_DEEP)
    (flag,) = [f for f in check.flags if f.kind.startswith("provider")]
    assert flag.kind == "provider_not_listed"
    assert "not by a beautician (aesthetician)" in flag.text
    assert "a dermatologist, a plastic surgeon or another doctor" in flag.text
    assert flag.sources == (ESTIMATE_SOURCE,), "the evidence names no source for who does it"


def test_a_quote_that_does_not_say_who_does_it_gets_the_gentler_question() -> None:
    check = only({**LASER_QUOTE, "provider": "unknown"}, scars=TWENTY_DEEP)
    (flag,) = [f for f in check.flags if f.kind.startswith("provider")]
    assert flag.kind == "provider_unknown"
    assert flag.text.startswith("The quote does not say who will do it.")
    assert "what training they have" in flag.text


def test_a_nurse_may_do_non_ablative_laser_but_not_ablative_laser() -> None:
    assert "provider_not_listed" not in kinds(only(quote("laser_nonablative", 5, 6000, "nurse")))
    assert "provider_not_listed" in kinds(only(quote("laser_ablative", 2, 5000, "nurse")))
    assert "provider_not_listed" not in kinds(only(quote("microneedling", 4, 1200, "aesthetician")))
    assert "provider_not_listed" in kinds(only(quote("tca_cross", 4, 800, "aesthetician")))


# ----------------------------------------------------------------------------- no warning


def test_tca_cross_at_a_usual_price_by_a_dermatologist_raises_nothing() -> None:
    result = review(quote("tca_cross", 4, 800))
    (check,) = result.checks
    assert check.status == "suitable"
    assert check.unit_price_usd == 200 and check.price_position == "within"
    assert check.sessions_position == "within"
    assert check.flags == [] and result.flags == []


def test_single_scars_first_then_laser_is_not_device_only() -> None:
    result = review(quote("tca_cross", 4, 800), LASER_QUOTE, scars=TWENTY_DEEP)
    assert result.flags == []
    assert [c.quote.treatment for c in result.checks] == ["tca_cross", "laser_ablative"]


@pytest.mark.parametrize("treatment", ["microneedling", "rf_microneedling", "chemical_peel"])
def test_needling_or_a_peel_alone_is_device_only(treatment: str) -> None:
    (flag,) = review(quote(treatment, 3, 900)).flags
    assert flag.kind == "device_only"


def test_subcision_alone_is_not_called_device_only() -> None:
    assert review(quote("subcision", 2, 1200)).flags == []


# ----------------------------------------------------------------------------- filler, depth


def test_filler_for_one_mm_ice_pick_scars_is_flagged_once() -> None:
    check = only(quote("filler", 1, 800, "nurse"), scars={"width_mm": 1.0})
    found = {f.kind: f for f in check.flags}
    narrow = found["narrow_scars"]
    assert "1 mm wide" in narrow.text and "1.5-5 mm wide (est.)" in narrow.text
    assert narrow.sources == ("S28", ESTIMATE_SOURCE)  # Karnik 2014; the widths are ours
    assert "depth" not in found, "the narrow-scars flag already says it"
    assert not any("another way of treating single scars" in f.text for f in check.flags)


def test_filler_for_wide_scars_that_flatten_is_not_called_narrow() -> None:
    scars = {"width_mm": 3.0, "flattens_when_stretched": True, "depth": "moderate"}
    assert "narrow_scars" not in kinds(only(quote("filler", 1, 800), scars=scars))


def test_depth_is_flagged_only_when_the_scars_go_deeper_than_the_treatment() -> None:
    medium = {"depth": "moderate"}
    assert "depth" not in kinds(only(quote("microneedling", 4, 1200), scars=medium))
    assert "depth" in kinds(only(quote("chemical_peel", 4, 1200), scars=medium))
    assert "depth" not in kinds(only(quote("punch_excision", 1, 1800)))


# ----------------------------------------------------------------------------- status


def test_a_pregnant_persons_quote_is_not_advised_first() -> None:
    check = only(quote("tca_cross", 4, 800), health={"pregnant": True})
    assert check.status == "not_advised"
    first = check.flags[0]
    assert first.kind == "not_advised" and first.sources == ("S34",)
    assert "pregnant" in first.text and "ask what else they suggest" in first.text


def test_darker_skin_carries_the_ablative_laser_caution_with_its_source() -> None:
    check = only(LASER_QUOTE, skin={"fitzpatrick": 5})
    (flag,) = [f for f in check.flags if f.kind == "caution" and "skin type" in f.text]
    assert flag.sources == ("S16",)


def test_a_limit_caution_cites_the_figure_it_compares() -> None:
    check = only(quote("dermabrasion", 1, 1500), preferences={"max_downtime_days": 3})
    (flag,) = [f for f in check.flags if "you can take 3" in f.text]
    assert flag.kind == "caution" and flag.sources == ("S29", "S34", "S36", ESTIMATE_SOURCE)
    assert "Ask how many days off you will need." in flag.text


# ----------------------------------------------------------------------------- price, sessions


def test_a_high_session_price_asks_what_it_includes() -> None:
    check = only(quote("laser_ablative", 3, 15000))
    (flag,) = [f for f in check.flags if f.kind.startswith("price")]
    assert flag.kind == "price_above"
    assert flag.text.startswith("$5,000 a session is more than the usual $1,200-$3,500 a session")
    assert "Ask what it includes" in flag.text


def test_a_low_price_asks_what_is_included_without_blaming_anyone() -> None:
    check = only(quote("tca_cross", 4, 200))
    (flag,) = [f for f in check.flags if f.kind.startswith("price")]
    assert flag.kind == "price_below"
    assert "$50 a session is less than the usual $150-$300 a session (est.)" in flag.text
    assert "how strong the acid is" in flag.text
    assert ESTIMATE_SOURCE in flag.sources, "TCA CROSS prices come from a practice page"


def test_punch_excision_compares_the_whole_price_with_the_total_for_the_scar_count() -> None:
    within = only(quote("punch_excision", 2, 2000), scars=TWENTY_DEEP)
    assert within.price_unit == "course" and within.unit_price_usd == 2000
    assert (within.price_range_usd.low, within.price_range_usd.high) == (1000, 6000)
    assert within.price_position == "within"
    below = only(quote("punch_excision", 2, 500), scars=TWENTY_DEEP)
    (flag,) = [f for f in below.flags if f.kind.startswith("price")]
    assert flag.text.startswith("$500 for your 20 scars is less than the usual $1,000-$6,000")
    assert "how many scars it covers" in flag.text


def test_sessions_above_and_below_the_usual_range() -> None:
    many = only(quote("laser_ablative", 10, 20000))
    assert many.sessions_position == "above"
    assert "10 sessions is more than the usual 1-4 sessions" in many.flags[-1].text
    one = only(quote("microneedling", 1, 300))
    assert one.sessions_position == "below"
    assert one.flags[-1].text.startswith("1 session is fewer than the usual 3-6 sessions.")


def test_creams_have_no_sessions_to_compare_and_no_one_to_ask_about() -> None:
    check = only(quote("topical", 1, 200, "unknown"))
    assert check.sessions_range is None and check.sessions_position is None
    assert check.price_unit == "course"
    assert not [k for k in kinds(check) if k.startswith(("provider", "sessions"))]


@pytest.mark.parametrize(
    ("price", "position"), [(450, "within"), (900, "within"), (449, "below"), (901, "above")]
)
def test_both_ends_of_the_range_count_as_within(price: float, position: str) -> None:
    assert only(quote("tca_cross", 3, price)).price_position == position


# ----------------------------------------------------------------------------- many quotes


def test_ten_quotes_are_checked_in_the_order_entered_and_eleven_are_refused() -> None:
    quotes = [quote(QUOTABLE_IDS[n % len(QUOTABLE_IDS)], n + 1, 500 * (n + 1)) for n in range(10)]
    result = review(*quotes)
    assert [c.quote.sessions for c in result.checks] == list(range(1, 11))
    json.dumps(result.to_json())
    with pytest.raises(ValidationError, match="at most 10"):
        Profile.model_validate({"quotes": [*quotes, quotes[0]]})
    assert MAX_QUOTES == 10


def test_the_report_names_each_source() -> None:
    data = review(LASER_QUOTE, scars=TWENTY_DEEP).to_json()
    laser = data["quotes"][0]
    assert laser["quote"]["price_usd"] == 4500
    assert laser["price"] == {
        "unit": "session",
        "quoted_usd": 1500,
        "range_usd": {"low": 1200, "high": 3500},
        "position": "within",
        "sources": ["S15", "S16", "S29", "S35", "S37", "estimate"],
    }
    rated_low = next(f for f in laser["flags"] if f["kind"] == "rated_low")
    assert rated_low["source_names"] == ["Xu 2018", "CO2 laser study 2014"]
    assert data["flags"][0]["source_names"] == ["Practice page (S35)"]


def test_no_quotes_no_checks() -> None:
    result = check_quotes(recommend(Profile()))
    assert result.checks == [] and result.flags == []
    assert result.to_json() == {"quotes": [], "flags": []}


# ----------------------------------------------------------------------------- properties

quotes = st.builds(
    Quote,
    treatment=st.sampled_from(QUOTABLE_IDS),
    sessions=st.integers(1, 30),
    price_usd=st.floats(0, 100000, allow_nan=False) | st.integers(0, 20000).map(float),
    provider=st.sampled_from(PROVIDERS),
)
with_quotes = st.builds(
    lambda profile, qs: profile.model_copy(update={"quotes": qs}),
    profiles,
    st.lists(quotes, min_size=1, max_size=MAX_QUOTES),
)
MARKUP = re.compile(r"[<>*`#|_\[\]]|\]\(")


@settings(max_examples=300, deadline=None)
@given(with_quotes)
def test_every_flag_says_something_and_names_a_real_source(profile: Profile) -> None:
    result = check_quotes(recommend(profile))
    known = set(default_catalog().sources) | {ESTIMATE_SOURCE}
    assert [c.quote for c in result.checks] == profile.quotes
    flags = [*result.flags, *(f for c in result.checks for f in c.flags)]
    for flag in flags:
        assert flag.text.strip() and flag.text.endswith(".")
        assert flag.sources and set(flag.sources) <= known, flag
        assert not MARKUP.search(flag.text), flag.text  # fixed ids never leak as markup
        assert not any(word in flag.text.lower() for word in BLAMING_WORDS)
    json.dumps(result.to_json())


@settings(max_examples=300, deadline=None)
@given(with_quotes)
def test_positions_follow_the_numbers(profile: Profile) -> None:
    for check in check_quotes(recommend(profile)).checks:
        q, span = check.quote, check.price_range_usd
        per_session = check.price_unit == "session"
        assert check.unit_price_usd == (q.price_usd / q.sessions if per_session else q.price_usd)
        inside = span.low <= check.unit_price_usd <= span.high
        assert (check.price_position == "within") == inside
        has_price_flag = any(f.kind.startswith("price_") for f in check.flags)
        assert has_price_flag == (not inside)
        if check.sessions_range is not None:
            inside = check.sessions_range.low <= q.sessions <= check.sessions_range.high
            assert (check.sessions_position == "within") == inside


@settings(max_examples=300, deadline=None)
@given(with_quotes)
def test_who_does_it_is_flagged_exactly_when_the_catalog_does_not_list_them(
    profile: Profile,
) -> None:
    catalog = default_catalog()
    for check in check_quotes(recommend(profile)).checks:
        q = check.quote
        listed = q.provider in catalog.treatments[q.treatment].providers
        assert ("provider_not_listed" in kinds(check)) == (q.provider != "unknown" and not listed)
        if check.status != "suitable":  # the narrow-scars flag says the width caution
            explained = {"not_advised", "caution", "narrow_scars"} & set(kinds(check))
            assert explained, "the status is explained"
        if check.status == "not_advised":
            assert kinds(check)[0] == "not_advised", "said first"
        assert set(kinds(check)) <= WARNINGS | {
            "provider_unknown",
            "price_above",
            "price_below",
            "sessions_above",
            "sessions_below",
        }


def test_a_moderate_or_high_patch_risk_for_the_skin_is_a_question_to_ask() -> None:
    laser = quote("laser_ablative", 3, 4500)
    light = check_quotes(recommend(make_profile(skin={"fitzpatrick": 3}, quotes=[laser])))
    dark = check_quotes(recommend(make_profile(skin={"fitzpatrick": 5}, quotes=[laser])))
    tca = check_quotes(recommend(make_profile(quotes=[quote("tca_cross", 4, 800)])))
    # ablative laser: moderate in types I-III, high in IV-VI (data/treatments.csv [S16, S37])
    assert "pigment" in kinds(light.checks[0]) and "is moderate for your skin" in " ".join(
        f.text for f in light.checks[0].flags
    )
    assert "is high for your skin" in " ".join(f.text for f in dark.checks[0].flags)
    assert "pigment" not in kinds(tca.checks[0])
