"""Spanish is complete: every message, every Learn and catalog entry, every page.

These tests fail when a msgid lacks its Spanish translation, when the compiled catalog or the
extracted template is out of date with the code, when a Learn or catalog entry lacks its
Spanish text, and when a page rendered in Spanish shows an English sentence.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from test_app import PAGES, open_page, shown_text

from advisor.i18n import language
from advisor.money import currency
from advisor.profile import Profile
from advisor.words import money

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
SPANISH_PO = LOCALES / "es" / "LC_MESSAGES" / "messages.po"
SPANISH_MO = LOCALES / "es" / "LC_MESSAGES" / "messages.mo"
FIELD = re.compile(r"\{(\w*)[^{}]*\}")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "NC_": ((1, "c"), 2),
}
CODE = ("advisor", "ui", "pages")


def _key(message: str | tuple[str, ...], context: str | None) -> str:
    """A message as the catalog keys it: its context (if any) and its singular."""
    text = message if isinstance(message, str) else message[0]
    return f"{context}\x04{text}" if context else text


def _spanish() -> dict[str, object]:
    with SPANISH_PO.open("rb") as handle:
        catalog = read_po(handle)
    return {_key(m.id, m.context): m for m in catalog if m.id}


def _code_messages() -> set[str]:
    found: set[str] = set()
    for folder in CODE:
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(_key(message, context))
    for _line, message, _comments, context in _extract_file(ROOT / "app.py"):
        found.add(_key(message, context))
    return found


def _extract_file(path: Path):
    from babel.messages.extract import extract

    with path.open("rb") as handle:
        yield from extract("python", handle, keywords=KEYWORDS)


def test_every_message_in_the_code_has_its_spanish_translation() -> None:
    spanish = _spanish()
    missing = sorted(m for m in _code_messages() if m not in spanish)
    assert missing == [], f"{len(missing)} messages not in messages.po (run make messages)"
    empty = sorted(k for k, m in spanish.items() if not m.string or m.fuzzy)
    assert empty == [], f"{len(empty)} messages without a Spanish translation: {empty[:5]}"


def test_translations_keep_every_field_and_source() -> None:
    for msgid, message in _spanish().items():
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        wanted = sorted(set(FIELD.findall(ids[-1])))
        for text in strings:
            assert sorted(set(FIELD.findall(text))) == wanted, msgid
            assert re.findall(r"\[S\d+", text) == re.findall(r"\[S\d+", ids[0]), msgid


def test_the_compiled_catalog_is_the_translated_one() -> None:
    def text(string: object) -> tuple[str, ...]:
        return (string,) if isinstance(string, str) else tuple(string)  # type: ignore[arg-type]

    with SPANISH_MO.open("rb") as handle:
        compiled = {_key(m.id, m.context): text(m.string) for m in read_mo(handle) if m.id}
    written = {k: text(m.string) for k, m in _spanish().items()}
    assert compiled == written, "messages.mo is older than messages.po: run make messages"


# ----------------------------------------------------------------------------- data


def _walk(english: object, spanish: object, path: str = "") -> list[str]:
    """Where the Spanish data differ in shape from the English, or keep English text."""
    if isinstance(english, dict):
        assert isinstance(spanish, dict), path
        # a glossary entry's other words ("also") are the words of its own language
        keys = [k for k in english if k != "also"]
        problems = [f"{path}.{k}: missing" for k in keys if k not in spanish]
        return problems + [
            p for k in keys if k in spanish for p in _walk(english[k], spanish[k], f"{path}.{k}")
        ]
    if isinstance(english, list):
        if not isinstance(spanish, list) or len(spanish) != len(english):
            return [f"{path}: {len(english)} items in English"]
        return [p for n, (e, s) in enumerate(zip(english, spanish, strict=True))
                for p in _walk(e, s, f"{path}[{n}]")]  # fmt: skip
    if isinstance(english, str) and len(english.split()) > 3 and english == spanish:
        return [f"{path}: still English"]
    return []


@pytest.mark.parametrize("name", ["learn.toml", "plan.toml"])
def test_every_learn_and_plan_entry_has_its_spanish_text(name: str) -> None:
    english = tomllib.loads((ROOT / "data" / name).read_text(encoding="utf-8"))
    spanish = tomllib.loads((ROOT / "data" / "es" / name).read_text(encoding="utf-8"))
    assert _walk(english, spanish) == []


@pytest.mark.parametrize(
    ("name", "columns"),
    [("treatments.csv", ("name", "performed_by")), ("screening_rules.csv", ("message",))],
)
def test_every_catalog_entry_has_its_spanish_words(name: str, columns: tuple[str, ...]) -> None:
    def rows(path: Path) -> dict[str, dict[str, str]]:
        return {r["id"]: r for r in csv.DictReader(io.StringIO(path.read_text("utf-8")))}

    english, spanish = rows(ROOT / "data" / name), rows(ROOT / "data" / "es" / name)
    assert sorted(spanish) == sorted(english)
    for row_id, row in english.items():
        for column in columns:
            assert spanish[row_id][column], f"{name} {row_id} {column}"
            if len(row[column].split()) > 3:
                assert spanish[row_id][column] != row[column], f"{name} {row_id} {column}"


# ----------------------------------------------------------------------------- pages


def _english_sentences() -> list[str]:
    """The English messages a Spanish page must never show: whole phrases of four words or
    more, whose Spanish is different (names such as TCA CROSS are the same in both)."""
    spanish = _spanish()
    out = []
    for msgid, message in spanish.items():
        text = msgid.split("\x04")[-1].split("{")[0].strip()  # the words before any field
        string = message.string if isinstance(message.string, str) else message.string[0]
        if len(text.split()) >= 4 and string and not string.startswith(text):
            out.append(text)
    return out


SPANISH_PROFILE = Profile.model_validate(
    {
        "language": "es",
        "preferences": {"currency": "EUR"},
        "scars": {"count": 20, "other_types": ["rolling"]},
        "skin": {"fitzpatrick": 5, "dark_marks_after_injury": True, "active_acne": True},
        "health": {"cold_sores": True},
        "calendar": {"events": [{"date": "2030-06-12", "name": "Boda"}]},
        "quotes": [
            {"treatment": "laser_ablative", "sessions": 3, "price_usd": 4500,
             "provider": "aesthetician"}
        ],
    }
)  # fmt: skip


@pytest.mark.parametrize("page", PAGES)
def test_a_page_in_spanish_shows_no_english_sentence(page: str) -> None:
    at = open_page(page, SPANISH_PROFILE)
    assert not at.exception
    text = shown_text(at) + " ".join(e.label for e in at.expander)
    text += " ".join(str(getattr(w, "label", "")) for w in (*at.button, *at.radio, *at.checkbox))
    shown = [s for s in _english_sentences() if s in text]
    assert shown == [], f"English on the {page} page in Spanish: {shown[:5]}"


def test_money_is_written_as_each_language_writes_it() -> None:
    with language("es"), currency("EUR"):
        assert money(1234 / 0.92) == "1.234\xa0€"
    with language("en"), currency("USD"):
        assert money(1234) == "$1,234"
