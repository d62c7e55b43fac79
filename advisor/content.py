"""The plain-language Learn content in data/learn.toml, loaded and checked once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from advisor.catalog import DATA_DIR, TREATMENT_IDS, CatalogError, read_toml


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
    glossary: tuple[tuple[str, str], ...]
    no_treatment: str
    evidence_method: str


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
        content = Content(
            condition=condition,
            options=options,
            considerations=considerations,
            faq=faq,
            glossary=glossary,
            no_treatment=data["no_treatment"]["text"],
            evidence_method=data["evidence_method"]["text"],
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


@functools.cache
def default_content() -> Content:
    return load_content()
