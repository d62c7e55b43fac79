"""Hostile and broken input at every entry point: a clear error, never an uncaught exception.

The number of examples per property is part of the closing note of the hardening issue.
"""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.catalog import CatalogError, load_catalog
from advisor.cli import main as cli_main
from advisor.profile import (
    Profile,
    ProfileError,
    profile_from_dict,
    profile_from_dict_lenient,
    profile_from_json,
)
from advisor.urlstate import FIELDS, decode_query

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
profile_keys = st.sampled_from(
    ["schema_version", "scars", "skin", "health", "preferences", "notes", "history"]
)
profile_like = st.dictionaries(profile_keys | st.text(max_size=10), json_values, max_size=6)


@settings(max_examples=500)
@given(st.binary(max_size=400))
def test_random_bytes_as_a_saved_file(data: bytes) -> None:
    try:
        assert isinstance(profile_from_json(data), Profile)
    except ProfileError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)


@settings(max_examples=500)
@given(st.one_of(json_values, profile_like))
def test_random_json_as_a_profile(data: object) -> None:
    try:
        assert isinstance(profile_from_json(json.dumps(data)), Profile)
    except ProfileError as error:
        assert error.problems
    with contextlib.suppress(ProfileError):
        profile_from_dict(data)
    profile, problems = profile_from_dict_lenient(data)
    assert isinstance(profile, Profile) and isinstance(problems, list)


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(list(FIELDS)) | st.text(max_size=8), st.text(max_size=60)))
def test_random_query_strings(params: dict[str, str]) -> None:
    profile, problems = decode_query(params)
    assert isinstance(profile, Profile)
    assert all(isinstance(p, str) for p in problems)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_files_on_the_command_line(tmp_path: Path, data: bytes, capsys) -> None:
    path = tmp_path / "profile.json"
    path.write_bytes(data)
    code = cli_main(["recommend", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert captured.err.startswith("error: ") and "Traceback" not in captured.err


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_damage_to_a_data_file(data_copy: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["treatments.csv", "sources.csv", "screening_rules.csv"]))
    path = data_copy / name
    original = path.read_text(encoding="utf-8")
    rows = list(csv.reader(original.splitlines()))
    row = data.draw(st.integers(1, len(rows) - 1))
    column = data.draw(st.integers(0, len(rows[0]) - 1))
    rows[row][column] = data.draw(st.text(max_size=20))
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    try:
        load_catalog(data_copy)
    except CatalogError as error:
        assert str(error).startswith(name), "the message names the file"
    finally:
        path.write_text(original, encoding="utf-8")
