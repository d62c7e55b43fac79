"""The profile in the address bar: one short, readable query parameter per answer.

Only answers that differ from the defaults are written (`?n=40&d=moderate&ro=1`), so a
link stays short. Decoding never raises: a tampered, cut-short or stale link keeps every
answer it can read and falls back to the default for each one it cannot, saying which.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from advisor.i18n import _
from advisor.profile import Profile, field_type, profile_from_dict_lenient
from advisor.profile import allowed_words as allowed_values  # in the language in use

# query key -> dotted profile path
FIELDS: dict[str, str] = {
    "n": "scars.count",
    "d": "scars.depth",
    "wd": "scars.width_mm",
    "ds": "scars.distribution",
    "loc": "scars.locations",
    "ot": "scars.other_types",
    "cro": "scars.other_counts.rolling",
    "cbx": "scars.other_counts.boxcar",
    "chy": "scars.other_counts.hypertrophic",
    "fl": "scars.flattens_when_stretched",
    "vis": "scars.visible_at_conversation_distance",
    "fz": "skin.fitzpatrick",
    "sen": "skin.sensitive",
    "dm": "skin.dark_marks_after_injury",
    "kel": "skin.keloid_history",
    "acne": "skin.active_acne",
    "tan": "skin.recent_tan",
    "age": "health.age",
    "iso": "health.isotretinoin_last_6_months",
    "preg": "health.pregnant",  # in version 1 links: pregnant or breastfeeding (safer reading)
    "bf": "health.breastfeeding",
    "hsv": "health.cold_sores",
    "bt": "health.blood_thinners",
    "ps": "health.photosensitising_medication",
    "imm": "health.autoimmune_or_immunosuppressed",
    "vit": "health.vitiligo_or_psoriasis",
    "rad": "health.facial_radiation",
    "dia": "health.diabetes",
    "bov": "health.bovine_collagen_allergy",
    "smk": "health.smoker",
    "bud": "preferences.budget_usd",
    "dt": "preferences.max_downtime_days",
    "ses": "preferences.max_sessions",
    "inv": "preferences.max_invasiveness",
    "pain": "preferences.pain_tolerance",
    "goal": "preferences.goal",
    "wk": "preferences.weeks_available",
    "we": "preferences.weights.effectiveness",
    "wc": "preferences.weights.cost",
    "wdt": "preferences.weights.downtime",
    "ws": "preferences.weights.sessions",
    "wi": "preferences.weights.invasiveness",
    "notes": "notes",
    "tried": "history.previous_treatments",
    "meds": "history.medications",
    "allergy": "history.allergies",
    "concern": "history.main_concern",
    "hope": "decision.expected_improvement",
    "life": "decision.daily_life_impact",
    "lean": "decision.leaning",
    "sure": "decision.sure.sure_best_choice",
    "know": "decision.sure.know_benefits_risks",
    "clear": "decision.sure.clear_what_matters",
    "support": "decision.sure.enough_support",
    "start": "calendar.start_date",
    "ev": "calendar.events",  # as compact JSON: [{"date":"2027-06-12","name":"Wedding"}]
    "q": "quotes",
    "lang": "language",  # a shared link opens in the sender's language
    "cur": "preferences.currency",
}
MAX_VALUE_CHARS = 4000
NO_LIMIT = "none"


def _get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        data = data[part]
    return data


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _text(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ",".join(value)
    if value is None:
        return NO_LIMIT
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def encode_query(profile: Profile) -> dict[str, str]:
    """Query parameters for every answer that differs from the default."""
    values = profile.model_dump(mode="json")
    defaults = Profile().model_dump(mode="json")
    return {
        key: _text(_get(values, path))
        for key, path in FIELDS.items()
        if _get(values, path) != _get(defaults, path)
    }


def _parse(path: str, text: str) -> Any:
    """A query value as the JSON type the profile expects; a ValueError if it cannot be."""
    kind = field_type(path)
    if kind.kind == "records":
        records = json.loads(text)  # a JSONDecodeError is a ValueError
        if not isinstance(records, list):
            raise ValueError
        return records
    if kind.kind == "list":
        return [part for part in text.split(",") if part]
    if kind.nullable and text == NO_LIMIT and NO_LIMIT not in kind.choices:
        return None  # (daily_life_impact's "none" is an answer: not affected at all)
    if kind.kind == "bool":
        if text not in ("1", "0", "true", "false"):
            raise ValueError
        return text in ("1", "true")
    if kind.kind == "int":
        return int(text)
    if kind.kind == "float":
        return float(text)
    return text


def decode_query(params: Mapping[str, str]) -> tuple[Profile, list[str]]:
    """The profile held in query parameters, and one line per answer that was reset."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    for key, path in FIELDS.items():
        if key not in params:
            continue
        text = str(params[key])
        if len(text) > MAX_VALUE_CHARS:
            problems.append(
                _("{path}: too long in the link (reset to the default)").format(path=path)
            )
            continue
        try:
            _put(data, path, _parse(path, text))
        except ValueError:
            shown = text if len(text) <= 40 else text[:40] + "..."
            problems.append(
                _(
                    "{path}: {value} in the link is not allowed; use {allowed} (reset to the "
                    "default)"
                ).format(path=path, value=repr(shown), allowed=allowed_values(path))
            )
    profile, more = profile_from_dict_lenient(data)
    return profile, problems + more


def has_profile(params: Mapping[str, str]) -> bool:
    """Whether the query string carries any answer."""
    return any(key in params for key in FIELDS)
