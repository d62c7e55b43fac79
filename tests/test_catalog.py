from __future__ import annotations

import csv
from pathlib import Path

import pytest

from advisor.catalog import TREATMENT_IDS, CatalogError, default_catalog, load_catalog


def rewrite_cell(path: Path, row_id: str, column: str, value: str) -> int:
    """Change one cell of a CSV; return the file line number of that row."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    line = next(n for n, r in enumerate(rows, start=2) if r["id"] == row_id)
    rows[line - 2][column] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return line


def test_the_shipped_catalog_has_all_14_options_in_product_order() -> None:
    catalog = default_catalog()
    assert tuple(catalog.treatments) == TREATMENT_IDS
    assert len(TREATMENT_IDS) == 14


def test_every_option_except_no_treatment_has_a_known_source() -> None:
    catalog = default_catalog()
    for treatment in catalog.treatments.values():
        if treatment.id != "no_treatment":
            assert treatment.sources, treatment.id
        assert all(s in catalog.sources for s in treatment.sources)


def test_per_scar_options_are_priced_per_scar() -> None:
    catalog = default_catalog()
    per_scar = {t.id for t in catalog.treatments.values() if t.pricing_unit == "scar"}
    assert per_scar == {"punch_excision", "punch_elevation", "punch_graft"}
    assert catalog.treatments["tca_cross"].pricing_unit == "session", "as clinics price it"


def test_the_catalog_carries_a_review_date_and_rules() -> None:
    catalog = default_catalog()
    assert catalog.meta.last_reviewed.year >= 2026
    assert len(catalog.rules) >= 12


BROKEN_CELLS = [
    ("treatments.csv", "tca_cross", "cost_low", "cheap", "cost_low"),
    ("treatments.csv", "tca_cross", "invasiveness", "7", "invasiveness"),
    ("treatments.csv", "subcision", "improvement_ice_pick", "great", "improvement_ice_pick"),
    ("treatments.csv", "microneedling", "sessions_high", "1", "sessions_high"),
    ("treatments.csv", "filler", "sources", "S999", "sources"),
    ("treatments.csv", "filler", "sources", "", "sources"),
    ("treatments.csv", "punch_graft", "pricing_unit", "session", "pricing_unit"),
    ("treatments.csv", "laser_ablative", "treats_area", "perhaps", "treats_area"),
    ("treatments.csv", "topical", "course_weeks_low", "", "course_weeks_low"),
    ("treatments.csv", "dermabrasion", "estimates", "cost;guesswork", "estimates"),
    ("treatments.csv", "laser_ablative", "providers", "dermatologist;barber", "providers"),
    ("treatments.csv", "laser_ablative", "providers", "unknown", "providers"),
    ("treatments.csv", "tca_cross", "providers", "", "providers"),
    ("treatments.csv", "filler", "ice_pick_sources", "S2", "ice_pick_sources"),
    ("treatments.csv", "filler", "ice_pick_sources", "", "ice_pick_sources"),
    (
        "screening_rules.csv",
        None,
        "condition",
        "health.pregnant_or_breastfeeding == true",
        "condition",
    ),
    ("screening_rules.csv", None, "condition", "scars.other_types has keloid", "condition"),
    ("screening_rules.csv", None, "condition", "skin.fitzpatrick has 4", "condition"),
    ("screening_rules.csv", None, "condition", "skin.fitzpatrick is big", "condition"),
    ("screening_rules.csv", None, "condition", "skin.fitzpatrick == true", "condition"),
    ("screening_rules.csv", None, "options", "laser_ablative;botox", "options"),
    ("screening_rules.csv", None, "effect", "forbidden", "effect"),
    ("screening_rules.csv", None, "source", "S404", "source"),
    ("sources.csv", "S2", "year", "last year", "year"),
]


@pytest.mark.parametrize(("file", "row_id", "column", "value", "named"), BROKEN_CELLS)
def test_a_bad_cell_names_the_file_row_and_column(
    data_copy: Path, file: str, row_id: str | None, column: str, value: str, named: str
) -> None:
    path = data_copy / file
    if row_id is None:
        with path.open(newline="", encoding="utf-8") as f:
            row_id = next(csv.DictReader(f))["id"]
    line = rewrite_cell(path, row_id, column, value)
    with pytest.raises(CatalogError) as caught:
        load_catalog(data_copy)
    message = str(caught.value)
    assert message.startswith(f"{file}, row {line}, column {named}:"), message


def test_a_missing_option_is_named(data_copy: Path) -> None:
    path = data_copy / "treatments.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("subcision,")))
    with pytest.raises(CatalogError, match=r"treatments\.csv, column id: missing option"):
        load_catalog(data_copy)


def test_a_repeated_option_is_named(data_copy: Path) -> None:
    path = data_copy / "treatments.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[3])
    with pytest.raises(CatalogError, match="repeated id"):
        load_catalog(data_copy)


def test_a_missing_column_is_named(data_copy: Path) -> None:
    path = data_copy / "treatments.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",pain,", ",ache,", 1))
    with pytest.raises(
        CatalogError, match=r"treatments.csv, row 1 \(header\): missing column\(s\) pain"
    ):
        load_catalog(data_copy)


def test_a_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "sources.csv").unlink()
    with pytest.raises(CatalogError, match=r"sources\.csv: file missing"):
        load_catalog(data_copy)


def test_a_row_with_too_many_cells_is_named(data_copy: Path) -> None:
    path = data_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + "S99,x,y,2000,link,extra\n")
    with pytest.raises(CatalogError, match=r"sources.csv, row \d+: more cells than columns"):
        load_catalog(data_copy)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("last_reviewed = 2026-01-01\n", "meta.toml, key reviewed_by: missing"),
        ("last_reviewed = = \n", "meta.toml: not valid TOML"),
    ],
)
def test_a_bad_meta_file_is_named(data_copy: Path, text: str, message: str) -> None:
    (data_copy / "meta.toml").write_text(text)
    with pytest.raises(CatalogError, match=message):
        load_catalog(data_copy)
