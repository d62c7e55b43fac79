"""The profile's dates and quotes (version 2): what is kept, and what a bad one is told."""

from __future__ import annotations

import json

import pytest

from advisor.profile import Profile, ProfileError, profile_from_dict, read_profile_json
from advisor.urlstate import decode_query, encode_query

QUOTE = {"treatment": "laser_ablative", "sessions": 3, "price_usd": 4500, "provider": "nurse"}
EVENT = {"date": "2027-06-12", "name": "Wedding"}


def _read(data: dict) -> tuple[Profile, list[str]]:
    return read_profile_json(json.dumps(data))


def test_a_file_with_dates_and_quotes_reads_back_exactly() -> None:
    data = {
        "notes": "keep me",
        "calendar": {"start_date": "2027-01-04", "events": [EVENT]},
        "quotes": [QUOTE],
    }
    profile, notes = _read(data)
    assert notes == []
    assert profile.model_dump(mode="json")["calendar"] == data["calendar"]
    assert profile.quotes[0].provider == "nurse"
    assert Profile().calendar.start_date is None  # "from today" is never stored


@pytest.mark.parametrize(
    ("bad", "field", "allowed"),
    [
        ({"date": "2027-02-30", "name": "x"}, "calendar.events.date (event 2)", "YYYY-MM-DD"),
        ({"date": 20270212, "name": "x"}, "calendar.events.date (event 2)", "YYYY-MM-DD"),
        ({"date": "2027-02-03", "name": "x" * 5000}, "calendar.events.name (event 2)", "1 to 80"),
        ({"date": "2027-02-03", "name": ""}, "calendar.events.name (event 2)", "1 to 80"),
    ],
)
def test_a_bad_event_is_left_out_naming_its_field_and_the_rest_is_kept(
    bad: dict, field: str, allowed: str
) -> None:
    data = {"notes": "keep me", "calendar": {"events": [EVENT, bad]}, "quotes": [QUOTE]}
    profile, notes = _read(data)
    assert [e.name for e in profile.calendar.events] == ["Wedding"]
    assert profile.notes == "keep me" and len(profile.quotes) == 1
    assert len(notes) == 1 and notes[0].startswith(field + ":")
    assert allowed in notes[0] and "left out" in notes[0]


@pytest.mark.parametrize(
    ("change", "field", "allowed"),
    [
        ({"treatment": "laser_magic"}, "quotes.treatment (quote 2)", "tca_cross"),
        ({"treatment": "no_treatment"}, "quotes.treatment (quote 2)", "dermabrasion"),
        ({"price_usd": -10}, "quotes.price_usd (quote 2)", "from 0 to 100000"),
        ({"sessions": 31}, "quotes.sessions (quote 2)", "from 1 to 30"),
        ({"provider": "barber"}, "quotes.provider (quote 2)", "aesthetician"),
    ],
)
def test_a_bad_quote_is_left_out_naming_its_field(change: dict, field: str, allowed: str) -> None:
    profile, notes = _read({"quotes": [QUOTE, {**QUOTE, **change}, QUOTE]})
    assert len(profile.quotes) == 2
    assert len(notes) == 1 and notes[0].startswith(field + ":") and allowed in notes[0]


def test_eleven_quotes_keep_the_first_ten_and_say_so() -> None:
    quotes = [{**QUOTE, "sessions": n} for n in range(1, 12)]
    profile, notes = _read({"quotes": quotes})
    assert [q.sessions for q in profile.quotes] == list(range(1, 11))
    assert notes == [
        "quotes: 11 quotes, but at most 10 are allowed; the first 10 were kept and the rest "
        "left out."
    ]


def test_the_strict_model_still_names_the_list_limit() -> None:
    with pytest.raises(ProfileError) as error:
        profile_from_dict({"calendar": {"events": [EVENT] * 11}})
    assert error.value.problems[0].startswith("calendar.events: a list of 11 is not allowed")


def test_dates_and_quotes_survive_the_link_with_any_characters() -> None:
    name = 'Sam & Alex\'s "wedding", <b>Paris</b>; 100% 🎉'
    profile = profile_from_dict(
        {
            "calendar": {"start_date": "2027-01-04", "events": [{**EVENT, "name": name}]},
            "quotes": [QUOTE],
        }
    )
    back, problems = decode_query(encode_query(profile))
    assert problems == [] and back == profile


def test_a_broken_link_keeps_every_other_answer() -> None:
    back, problems = decode_query({"n": "40", "ev": "[{not json", "q": json.dumps([QUOTE])})
    assert back.scars.count == 40 and len(back.quotes) == 1 and back.calendar.events == []
    assert problems and problems[0].startswith("calendar.events:")
