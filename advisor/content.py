"""The plain-language Learn content in data/learn.toml (data/es/learn.toml in Spanish), and
the plan's own words in data/plan.toml, loaded and checked once per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from advisor.catalog import DATA_DIR, TREATMENT_IDS, CatalogError, read_toml
from advisor.i18n import DEFAULT_LANGUAGE, current_language


@dataclass(frozen=True)
class OptionText:
    id: str
    how_it_works: str
    benefits: tuple[str, ...]
    harms: tuple[str, ...]
    what_it_is_like: str
    ice_pick_evidence: str
    prp_note: str = ""
    urgent_warning: str = ""  # signs that need urgent care, shown wherever the option appears


@dataclass(frozen=True)
class Content:
    condition: dict[str, str]
    options: dict[str, OptionText]
    considerations: dict[str, tuple[str, str]]  # id -> (title, text)
    faq: tuple[tuple[str, str], ...]
    glossary: tuple[tuple[str, str], ...]  # (term, meaning), in the file's order
    glossary_also: dict[str, tuple[str, ...]]  # term -> other words that mean it (plurals too)
    no_treatment: str
    evidence_method: str
    practitioner_intro: str
    practitioner: tuple[str, ...]  # what to check before choosing who treats you


CONSIDERATION_IDS = ("severity", "skin_type", "goals", "budget_downtime", "provider")
CONDITION_KEYS = ("what_they_are", "the_decision", "what_this_tool_does", "privacy")


def load_content(path: Path | None = None) -> Content:
    """Read learn.toml; a missing part stops with a message naming the file and the key."""
    path = path or DATA_DIR / "learn.toml"
    data = read_toml(path)
    try:
        condition = {k: str(data["condition"][k]) for k in CONDITION_KEYS}
        options = {}
        for item in data["option"]:
            options[item["id"]] = OptionText(
                id=item["id"],
                how_it_works=item["how_it_works"],
                benefits=tuple(item["benefits"]),
                harms=tuple(item["harms"]),
                what_it_is_like=item["what_it_is_like"],
                ice_pick_evidence=item["ice_pick_evidence"],
                prp_note=item.get("prp_note", ""),
                urgent_warning=item.get("urgent_warning", ""),
            )
        considerations = {c["id"]: (c["title"], c["text"]) for c in data["consideration"]}
        faq = tuple((f["q"], f["a"]) for f in data["faq"])
        glossary = tuple((g["term"], g["meaning"]) for g in data["glossary"])
        glossary_also = {g["term"]: tuple(g.get("also", ())) for g in data["glossary"]}
        content = Content(
            condition=condition,
            options=options,
            considerations=considerations,
            faq=faq,
            glossary=glossary,
            glossary_also=glossary_also,
            no_treatment=data["no_treatment"]["text"],
            evidence_method=data["evidence_method"]["text"],
            practitioner_intro=data["practitioner"]["intro"],
            practitioner=tuple(data["practitioner"]["checklist"]),
        )
    except (KeyError, TypeError) as error:
        raise CatalogError(f"{path.name}: missing or malformed entry {error}") from None
    missing = [i for i in TREATMENT_IDS if i not in content.options]
    if missing:
        raise CatalogError(f"{path.name}, [[option]]: missing id(s) {', '.join(missing)}")
    absent = [c for c in CONSIDERATION_IDS if c not in content.considerations]
    if absent:
        raise CatalogError(f"{path.name}, [[consideration]]: missing id(s) {', '.join(absent)}")
    return content


def language_file(name: str, language: str) -> Path:
    """data/<name>, or its translation data/<language>/<name> when there is one."""
    translated = DATA_DIR / language / name
    return translated if language != DEFAULT_LANGUAGE and translated.exists() else DATA_DIR / name


@functools.cache
def _content(language: str) -> Content:
    return load_content(language_file("learn.toml", language))


def default_content(language: str | None = None) -> Content:
    """The Learn content in the language in use (data/es/learn.toml for Spanish)."""
    return _content(language or current_language())


@dataclass(frozen=True)
class PlanText:
    """The plan's own words (data/plan.toml): steps and tracks that are not catalog options."""

    acne_name: str
    acne_weeks: int
    acne_purpose: str
    acne_treatments: str
    acne_treatments_breastfeeding: str
    pregnancy_hold: str
    pregnancy_meanwhile: tuple[str, ...]
    pregnancy_acne: str
    breastfeeding_note: str
    raised_scars_track: str
    keloid_history: str
    pigment_preparation: str


def load_plan_text(path: Path | None = None) -> PlanText:
    path = path or DATA_DIR / "plan.toml"
    data = read_toml(path)
    try:
        return PlanText(
            acne_name=str(data["acne_control"]["name"]),
            acne_weeks=int(data["acne_control"]["weeks"]),
            acne_purpose=str(data["acne_control"]["purpose"]),
            acne_treatments=str(data["acne_control"]["treatments"]),
            acne_treatments_breastfeeding=str(data["acne_control"]["treatments_breastfeeding"]),
            pregnancy_hold=str(data["pregnancy"]["hold"]),
            pregnancy_meanwhile=tuple(str(x) for x in data["pregnancy"]["meanwhile"]),
            pregnancy_acne=str(data["pregnancy"]["acne"]),
            breastfeeding_note=str(data["breastfeeding"]["note"]),
            raised_scars_track=str(data["raised_scars"]["track"]),
            keloid_history=str(data["raised_scars"]["history"]),
            pigment_preparation=str(data["pigment_preparation"]["note"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogError(f"{path.name}: missing or malformed entry {error}") from None


@functools.cache
def _plan_text(language: str) -> PlanText:
    return load_plan_text(language_file("plan.toml", language))


def default_plan_text(language: str | None = None) -> PlanText:
    """The plan's own words in the language in use (data/es/plan.toml for Spanish)."""
    return _plan_text(language or current_language())
