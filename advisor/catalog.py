"""Load and validate the treatment catalog in data/.

A bad value stops loading with a CatalogError naming the file, the row and the column.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import operator
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from advisor.i18n import DEFAULT_LANGUAGE, current_language
from advisor.profile import PROVIDERS, QUOTABLE_IDS, SECTIONS, TREATMENT_IDS, allowed_values

# ADVISOR_DATA_DIR lets a clinician try an edited copy of data/ without touching the original.
DATA_DIR = Path(
    os.environ.get("ADVISOR_DATA_DIR") or Path(__file__).resolve().parent.parent / "data"
)

# TREATMENT_IDS, every option's id in catalog order, lives with the profile (a person's
# leaning is one of them) and is imported from there.
PER_SCAR_IDS = frozenset({"punch_excision", "punch_elevation", "punch_graft"})

# expected improvement, from none to high; a hyphenated level is a range the evidence gives
LEVELS: tuple[str, ...] = ("none", "low", "low_moderate", "moderate", "moderate_high", "high")
Level = Literal["none", "low", "low_moderate", "moderate", "moderate_high", "high"]
Risk = Literal["low", "moderate", "high"]
Reach = Literal["shallow", "moderate", "deep"]
EstimateGroup = Literal[
    "cost",
    "sessions",
    "downtime",
    "redness",
    "improvement_ice_pick",
    "improvement_rolling",
    "improvement_boxcar",
    "pain",
    "suits",
    "providers",
]
# who may do a treatment: every provider a quote can name except "unknown"
KNOWN_PROVIDERS: tuple[str, ...] = tuple(p for p in PROVIDERS if p != "unknown")
Provider = Literal[KNOWN_PROVIDERS]  # type: ignore[valid-type]
ESTIMATE_SOURCE = "estimate"  # a screening rule's source when no published source backs it


class CatalogError(ValueError):
    """A data file that cannot be used; the message names the file, row and column."""


def _split_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def blank_cells_are_missing(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()
            }
        return data


class Treatment(_Row):
    id: Literal[TREATMENT_IDS]  # type: ignore[valid-type]
    name: str = Field(min_length=2)
    category: Literal["topical", "peel", "focal", "surgical", "resurfacing", "injectable", "none"]
    pricing_unit: Literal["session", "scar", "month"]
    cost_low: float = Field(ge=0)
    cost_typical: float = Field(ge=0)
    cost_high: float = Field(ge=0)
    sessions_low: int = Field(ge=0, le=60)
    sessions_high: int = Field(ge=0, le=60)
    scars_per_session_low: int | None = Field(None, ge=1, le=500)
    scars_per_session_high: int | None = Field(None, ge=1, le=500)
    interval_weeks_low: float = Field(ge=0, le=104)
    interval_weeks_high: float = Field(ge=0, le=104)
    course_weeks_low: float | None = Field(None, ge=1, le=260)
    course_weeks_high: float | None = Field(None, ge=1, le=260)
    downtime_days_low: float = Field(ge=0, le=90)
    downtime_days_high: float = Field(ge=0, le=90)
    redness_weeks_low: float | None = Field(None, ge=0, le=52)
    redness_weeks_high: float | None = Field(None, ge=0, le=52)
    invasiveness: int = Field(ge=1, le=5)
    pain: int = Field(ge=0, le=5)
    improvement_ice_pick: Level
    improvement_rolling: Level
    improvement_boxcar: Level
    pigment_risk_light: Risk
    pigment_risk_dark: Risk
    depth_reach: Reach
    width_min_mm: float = Field(ge=0.3, le=5.0)
    width_max_mm: float = Field(ge=0.3, le=5.0)
    max_scars: int | None = Field(None, ge=1, le=500)
    treats_area: bool
    needs_distensible: bool
    performed_by: str = Field(min_length=2)
    providers: list[Provider] = Field(default_factory=list)
    results_last: Literal["permanent", "temporary"]
    lasting_months_low: float | None = Field(None, ge=0)
    lasting_months_high: float | None = Field(None, ge=0)
    evidence_level: Literal["moderate", "low", "very_low", "not_applicable"]
    sources: list[str] = Field(default_factory=list)
    ice_pick_sources: list[str] = Field(default_factory=list)  # behind improvement_ice_pick
    estimates: list[EstimateGroup] = Field(default_factory=list)

    @field_validator("providers", "sources", "ice_pick_sources", "estimates", mode="before")
    @classmethod
    def split_lists(cls, value: Any) -> Any:
        return _split_list(value)

    @model_validator(mode="after")
    def ranges_are_ordered(self) -> Treatment:
        pairs = [
            ("cost_low", "cost_typical"),
            ("cost_typical", "cost_high"),
            ("sessions_low", "sessions_high"),
            ("scars_per_session_low", "scars_per_session_high"),
            ("interval_weeks_low", "interval_weeks_high"),
            ("course_weeks_low", "course_weeks_high"),
            ("downtime_days_low", "downtime_days_high"),
            ("redness_weeks_low", "redness_weeks_high"),
            ("width_min_mm", "width_max_mm"),
            ("lasting_months_low", "lasting_months_high"),
        ]
        for low, high in pairs:
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                raise _ColumnProblem(high, f"{b:g} is below {low} ({a:g}); use a value >= {a:g}")
        if self.pricing_unit == "month" and self.course_weeks_low is None:
            raise _ColumnProblem("course_weeks_low", "is required when pricing_unit is month")
        if self.pricing_unit == "scar" and self.scars_per_session_low is None:
            raise _ColumnProblem("scars_per_session_low", "is required when pricing_unit is scar")
        if self.results_last == "temporary" and self.lasting_months_low is None:
            raise _ColumnProblem("lasting_months_low", "is required when results_last is temporary")
        if self.id != "no_treatment" and not self.sources:
            raise _ColumnProblem("sources", "is empty; every option except no_treatment needs one")
        self._check_providers_and_rating_sources()
        per_scar = self.id in PER_SCAR_IDS
        if per_scar != (self.pricing_unit == "scar"):
            want = "scar" if per_scar else "session or month"
            raise _ColumnProblem("pricing_unit", f"must be {want} for {self.id}")
        return self

    def _check_providers_and_rating_sources(self) -> None:
        """Who may do it; and the ice pick rating names its sources, or is our estimate."""
        if self.id in QUOTABLE_IDS and not self.providers:
            raise _ColumnProblem(
                "providers", "is empty; every option a clinic can quote for needs at least one"
            )
        estimated = "improvement_ice_pick" in self.estimates
        if self.id != "no_treatment" and not self.ice_pick_sources and not estimated:
            raise _ColumnProblem(
                "ice_pick_sources",
                "is empty; name the sources of improvement_ice_pick, or list it in estimates",
            )


class Source(_Row):
    id: str = Field(pattern=r"^S\d+$")
    short: str = Field(min_length=2)
    citation: str = Field(min_length=5)
    year: int | None = Field(None, ge=1900, le=2100)
    link: str | None = None


_CONDITION = re.compile(
    r"^\s*(?P<field>[a-z_]+\.[a-z_0-9]+)\s*(?P<op>==|!=|>=|<=|>|<|has)\s*"
    r"(?P<value>true|false|-?\d+(?:\.\d+)?|[a-z_]+)\s*$"
)
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "has": operator.contains,
}


class Rule(_Row):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    condition: str
    options: list[Literal[TREATMENT_IDS]]  # type: ignore[valid-type]
    effect: Literal["caution", "not_advised", "note"]
    message: str = Field(min_length=10)
    source: str

    @field_validator("options", mode="before")
    @classmethod
    def split_lists(cls, value: Any) -> Any:
        return _split_list(value)

    @field_validator("condition")
    @classmethod
    def condition_names_a_profile_field(cls, text: str) -> str:
        match = _CONDITION.match(text)
        if not match:
            raise ValueError(
                "must look like 'section.field OP value' with OP one of == != >= <= > < "
                "and value true, false or a number, or 'section.list has item'"
            )
        section, name = match["field"].split(".")
        if section not in SECTIONS or name not in SECTIONS[section].model_fields:
            raise ValueError(f"names {match['field']}, which is not a profile field")
        allowed = allowed_values(match["field"])
        value = match["value"]
        if match["op"] == "has":
            items = allowed.removeprefix("a list with any of ").split(", ")
            if not allowed.startswith("a list") or value not in items:
                raise ValueError(f"{match['field']} ({allowed}) cannot hold {value}")
            return text
        is_bool = value in ("true", "false")
        is_number = not is_bool and re.fullmatch(r"-?\d+(?:\.\d+)?", value) is not None
        if is_bool != (allowed == "true or false") or not (is_bool or is_number):
            raise ValueError(f"compares {match['field']} ({allowed}) with {value}")
        return text

    @property
    def about(self) -> str:
        """The answer the rule looks at, e.g. 'blood_thinners' or 'fitzpatrick'."""
        match = _CONDITION.match(self.condition)
        assert match is not None  # checked when loaded
        return match["field"].split(".")[1]

    def test(self) -> Callable[[Any], bool]:
        """A function of a Profile that says whether this rule applies to it."""
        match = _CONDITION.match(self.condition)
        assert match is not None  # checked when loaded
        section, name = match["field"].split(".")
        raw = match["value"]
        value: Any
        if match["op"] == "has":
            value = raw
        elif raw in ("true", "false"):
            value = raw == "true"
        else:
            value = float(raw)
        compare = _OPS[match["op"]]
        return lambda profile: compare(getattr(getattr(profile, section), name), value)


class _ColumnProblem(ValueError):
    def __init__(self, column: str, text: str) -> None:
        self.column = column
        super().__init__(text)


@dataclass(frozen=True)
class Meta:
    last_reviewed: dt.date
    reviewed_by: str
    update_policy: str
    funding: str


@dataclass(frozen=True, eq=False)
class Catalog:
    treatments: dict[str, Treatment]
    sources: dict[str, Source]
    rules: tuple[Rule, ...]
    meta: Meta

    def source_names(self, ids: list[str]) -> list[str]:
        """Short citations ('Lee 2002') for source ids."""
        return [self.sources[i].short for i in ids]


def _row_problem(path: Path, line: int, error: ValidationError, row: dict) -> str:
    first = error.errors()[0]
    column = ".".join(str(p) for p in first["loc"] if isinstance(p, str)) or "(row)"
    inner = first.get("ctx", {}).get("error")
    if isinstance(inner, _ColumnProblem):
        return f"{path.name}, row {line}, column {inner.column}: {inner}"
    if first["type"] == "extra_forbidden":
        return f"{path.name}, row {line}, column {column}: unknown column"
    value = row.get(column.split(".")[0], "")
    message = first["msg"].removeprefix("Value error, ")
    return f"{path.name}, row {line}, column {column}: {value!r} is not valid: {message}"


def _read_csv(path: Path, model: type[_Row]) -> list[Any]:
    if not path.exists():
        raise CatalogError(f"{path.name}: file missing (expected at {path})")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        expected = [name for name in model.model_fields]
        header = reader.fieldnames or []
        missing = [c for c in expected if c not in header and model.model_fields[c].is_required()]
        if missing:
            raise CatalogError(
                f"{path.name}, row 1 (header): missing column(s) {', '.join(missing)}"
            )
        rows = []
        for row in reader:
            line = reader.line_num
            if None in row:
                raise CatalogError(f"{path.name}, row {line}: more cells than columns")
            try:
                rows.append(model.model_validate(row))
            except ValidationError as error:
                raise CatalogError(_row_problem(path, line, error, row)) from None
        return rows


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML data file; a missing or malformed file is a CatalogError naming it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"{path.name}: file missing (expected at {path})") from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(f"{path.name}: not valid TOML ({error})") from None


def _read_meta(path: Path) -> Meta:
    data = read_toml(path)
    for key in ("last_reviewed", "reviewed_by", "update_policy", "funding"):
        if key not in data:
            raise CatalogError(f"{path.name}, key {key}: missing")
    if not isinstance(data["last_reviewed"], dt.date):
        raise CatalogError(f"{path.name}, key last_reviewed: must be a date like 2026-11-30")
    return Meta(
        **{k: data[k] for k in ("last_reviewed", "reviewed_by", "update_policy", "funding")}
    )


def _check_references(
    treatments: list[Treatment], sources: dict[str, Source], rules: list[Rule]
) -> None:
    ids = [t.id for t in treatments]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"treatments.csv, column id: repeated id(s) {', '.join(duplicates)}")
    missing = [i for i in TREATMENT_IDS if i not in ids]
    if missing:
        raise CatalogError(f"treatments.csv, column id: missing option(s) {', '.join(missing)}")
    for line, treatment in enumerate(treatments, start=2):
        for source in treatment.sources:
            if source not in sources:
                raise CatalogError(
                    f"treatments.csv, row {line}, column sources: {source} is not in sources.csv"
                )
        outside = [s for s in treatment.ice_pick_sources if s not in treatment.sources]
        if outside:
            raise CatalogError(
                f"treatments.csv, row {line}, column ice_pick_sources: {', '.join(outside)} "
                "must also be in the sources column"
            )
    seen: set[str] = set()
    for line, rule in enumerate(rules, start=2):
        if rule.id in seen:
            raise CatalogError(f"screening_rules.csv, row {line}, column id: repeated {rule.id}")
        seen.add(rule.id)
        if rule.source not in sources and rule.source != ESTIMATE_SOURCE:
            raise CatalogError(
                f"screening_rules.csv, row {line}, column source: "
                f"{rule.source} is not in sources.csv (or write {ESTIMATE_SOURCE})"
            )


def load_catalog(data_dir: Path | str = DATA_DIR) -> Catalog:
    """Read and validate every catalog file in data_dir."""
    data_dir = Path(data_dir)
    sources_list: list[Source] = _read_csv(data_dir / "sources.csv", Source)
    sources = {s.id: s for s in sources_list}
    if len(sources) != len(sources_list):
        raise CatalogError("sources.csv, column id: repeated source id")
    treatments: list[Treatment] = _read_csv(data_dir / "treatments.csv", Treatment)
    rules: list[Rule] = _read_csv(data_dir / "screening_rules.csv", Rule)
    _check_references(treatments, sources, rules)
    order = {t.id: t for t in treatments}
    return Catalog(
        treatments={i: order[i] for i in TREATMENT_IDS},
        sources=sources,
        rules=tuple(rules),
        meta=_read_meta(data_dir / "meta.toml"),
    )


# The words of the catalog in another language, in data/<language>/: the text columns only,
# by id. Numbers, ids and sources stay in the English files.
TEXT_COLUMNS = {
    "treatments.csv": ("name", "performed_by"),
    "screening_rules.csv": ("message",),
    "sources.csv": ("short", "citation"),
}
META_TEXT = ("reviewed_by", "update_policy", "funding")


def read_text_columns(path: Path, columns: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """id -> {column: text} from a translated CSV (empty when the file is missing)."""
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            row["id"]: {c: row[c] for c in columns if row.get(c)} for row in csv.DictReader(handle)
        }


def translated(catalog: Catalog, folder: Path) -> Catalog:
    """The catalog with the words of `folder` (data/es/...) where they exist, English else."""
    texts = {name: read_text_columns(folder / name, cols) for name, cols in TEXT_COLUMNS.items()}
    meta_path = folder / "meta.toml"
    meta_text = read_toml(meta_path) if meta_path.exists() else {}
    return Catalog(
        treatments={
            i: t.model_copy(update=texts["treatments.csv"].get(i, {}))
            for i, t in catalog.treatments.items()
        },
        sources={
            i: s.model_copy(update=texts["sources.csv"].get(i, {}))
            for i, s in catalog.sources.items()
        },
        rules=tuple(
            r.model_copy(update=texts["screening_rules.csv"].get(r.id, {})) for r in catalog.rules
        ),
        meta=dataclasses.replace(
            catalog.meta, **{k: str(meta_text[k]) for k in META_TEXT if k in meta_text}
        ),
    )


@functools.cache
def _catalog(language: str) -> Catalog:
    english = load_catalog(DATA_DIR)
    return english if language == DEFAULT_LANGUAGE else translated(english, DATA_DIR / language)


def default_catalog(language: str | None = None) -> Catalog:
    """The catalog shipped in data/, in the language in use (loaded once per language)."""
    return _catalog(language or current_language())
