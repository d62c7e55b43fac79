"""The scar profile (format version 2): a pydantic model with a default for every field.

Unknown fields are rejected. Errors are turned into one readable line per problem,
naming the field and the values it allows. Version 1 files still load: their one answer
that version 2 splits in two (pregnant or breastfeeding) is read the safer way, as pregnant.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from advisor.i18n import DEFAULT_LANGUAGE, N_, Language, _, language
from advisor.money import Currency

SCHEMA_VERSION = 2
V1_PREGNANCY = "pregnant_or_breastfeeding"  # version 1's single answer, split in version 2
NOTES_MAX = 2000
HISTORY_MAX = 500  # each history answer: a few sentences for the dermatologist
DEFAULT_WEEKS = 26  # about six months; also what "I have no deadline" goes back to when unticked
# A saved answers file is a few kilobytes; the app's upload and the command line refuse more.
# (.streamlit/config.toml's server.maxUploadSize = 1 is the same limit, in MB, for Streamlit.)
MAX_FILE_BYTES = 1_000_000
# shown with _() where it is used
FILE_TOO_LARGE = N_("larger than 1 MB; a saved answers file is a few kilobytes")

Depth = Literal["shallow", "moderate", "deep"]
Distribution = Literal["isolated", "clustered", "widespread"]
Location = Literal[
    "cheeks", "temples", "jawline", "forehead", "nose", "chin", "neck", "chest", "back"
]
LOCATIONS: tuple[str, ...] = get_args(Location)
OtherType = Literal["rolling", "boxcar", "hypertrophic"]
PainTolerance = Literal["low", "medium", "high"]
Goal = Literal["subtle", "noticeable", "maximal"]
Weight = Annotated[int, Field(ge=0, le=5)]

_STRICT = ConfigDict(extra="forbid", validate_assignment=True)


def _unique(values: list[str]) -> list[str]:
    """Drop repeated entries, keeping the first occurrence's order."""
    return list(dict.fromkeys(values))


def _plain_text(longest: int) -> Any:
    """A free-text answer (the notes, the history): any text of at most `longest` characters,
    kept exactly as typed. It is never markup; whoever shows it escapes it."""
    return Field("", max_length=longest)


ScarCount = Annotated[int, Field(ge=0, le=500)]


class OtherCounts(BaseModel):
    """How many scars of each other type; None when the person has not counted them."""

    model_config = _STRICT

    rolling: ScarCount | None = None
    boxcar: ScarCount | None = None
    hypertrophic: ScarCount | None = None


class Scars(BaseModel):
    model_config = _STRICT

    count: int = Field(12, ge=1, le=500)
    depth: Depth = "deep"
    width_mm: float = Field(1.5, ge=0.3, le=5.0)
    distribution: Distribution = "clustered"
    locations: list[Location] = Field(default_factory=lambda: ["cheeks"])
    other_types: list[OtherType] = Field(default_factory=list)
    other_counts: OtherCounts = Field(default_factory=OtherCounts)
    flattens_when_stretched: bool = False
    visible_at_conversation_distance: bool = True

    @field_validator("locations", "other_types")
    @classmethod
    def drop_repeats(cls, values: list[str]) -> list[str]:
        return _unique(values)


class Skin(BaseModel):
    model_config = _STRICT

    fitzpatrick: int = Field(3, ge=1, le=6)
    sensitive: bool = False
    dark_marks_after_injury: bool = False
    keloid_history: bool = False
    active_acne: bool = False
    recent_tan: bool = False


class Health(BaseModel):
    model_config = _STRICT

    age: int = Field(29, ge=12, le=100)
    isotretinoin_last_6_months: bool = False
    pregnant: bool = False
    breastfeeding: bool = False
    cold_sores: bool = False
    blood_thinners: bool = False
    photosensitising_medication: bool = False
    autoimmune_or_immunosuppressed: bool = False
    vitiligo_or_psoriasis: bool = False
    facial_radiation: bool = False
    diabetes: bool = False
    bovine_collagen_allergy: bool = False
    smoker: bool = False


class Weights(BaseModel):
    model_config = _STRICT

    effectiveness: Weight = 5
    cost: Weight = 3
    downtime: Weight = 3
    sessions: Weight = 2
    invasiveness: Weight = 2


class Preferences(BaseModel):
    model_config = _STRICT

    # US dollars, to the cent: a budget typed in another currency comes back as typed
    budget_usd: float = Field(3000, ge=0, le=100000)
    max_downtime_days: int = Field(7, ge=0, le=60)
    max_sessions: int = Field(6, ge=1, le=30)
    max_invasiveness: int = Field(4, ge=1, le=5)
    pain_tolerance: PainTolerance = "medium"
    goal: Goal = "noticeable"
    weeks_available: int | None = Field(DEFAULT_WEEKS, ge=1, le=260)
    weights: Weights = Field(default_factory=Weights)
    # the currency costs are shown and entered in; every amount is kept in US dollars
    currency: Currency = "USD"


class History(BaseModel):
    """What the person tells the dermatologist in their own words (all optional)."""

    model_config = _STRICT

    previous_treatments: str = _plain_text(HISTORY_MAX)  # which, when, and how it went
    medications: str = _plain_text(HISTORY_MAX)  # names; when isotretinoin stopped
    allergies: str = _plain_text(HISTORY_MAX)  # for example to lidocaine
    main_concern: str = _plain_text(HISTORY_MAX)


Hope = Literal["small", "medium", "large", "complete"]
DailyLifeImpact = Literal["none", "a_little", "a_lot"]
# every option, in the catalog's order (advisor/catalog.py reads its rows by these ids)
TREATMENT_IDS: tuple[str, ...] = (
    "topical",
    "chemical_peel",
    "tca_cross",
    "microneedling",
    "rf_microneedling",
    "laser_nonablative",
    "laser_ablative",
    "punch_excision",
    "punch_elevation",
    "punch_graft",
    "subcision",
    "filler",
    "dermabrasion",
    "no_treatment",
)
UNSURE = "unsure"
Leaning = Literal[(*TREATMENT_IDS, UNSURE)]  # type: ignore[valid-type]


class Sure(BaseModel):
    """The four yes/no items of the SURE test (Legare 2010); None until answered."""

    model_config = _STRICT

    sure_best_choice: bool | None = None
    know_benefits_risks: bool | None = None
    clear_what_matters: bool | None = None
    enough_support: bool | None = None


class Decision(BaseModel):
    """Where the person stands: the change they hope for, how much the scars affect daily
    life, the option they lean towards and the SURE test. Every answer may stay empty."""

    model_config = _STRICT

    expected_improvement: Hope | None = None
    daily_life_impact: DailyLifeImpact | None = None
    leaning: Leaning | None = None
    sure: Sure = Field(default_factory=Sure)


def _upgraded(data: Any) -> tuple[Any, list[str]]:
    """A version 1 profile as version 2, and a line for each answer that was read differently."""
    if not isinstance(data, dict):
        return data, []
    health = data.get("health")
    version_1 = data.get("schema_version", 1) == 1  # a file without a version is older still
    if not version_1 or not isinstance(health, dict) or V1_PREGNANCY not in health:
        return data, []
    health = dict(health)
    old = health.pop(V1_PREGNANCY)
    notes = []
    if old is True:
        health.setdefault("pregnant", True)
        notes.append(
            _(
                "{path}: the saved answer 'pregnant or breastfeeding' was read as pregnant, the "
                "safer reading. If you are breastfeeding and not pregnant, change it in Your "
                "health."
            ).format(path="health.pregnant")
        )
    elif old is not False:
        health[V1_PREGNANCY] = old  # not a yes or no: let validation name the field
    return {**data, "health": health}, notes


def upgrade_notes(data: Any) -> list[str]:
    """What loading this (version 1) profile changed, in plain words; empty for version 2."""
    return _upgraded(data)[1]


EVENT_NAME_MAX = 80
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"  # no control characters: no tabs, no line breaks
MAX_EVENTS = 10
MAX_QUOTES = 10
Provider = Literal[
    "dermatologist", "plastic_surgeon", "other_doctor", "nurse", "aesthetician", "unknown"
]
PROVIDERS: tuple[str, ...] = get_args(Provider)
QUOTABLE_IDS: tuple[str, ...] = tuple(t for t in TREATMENT_IDS if t != "no_treatment")
QuoteTreatment = Literal[QUOTABLE_IDS]  # type: ignore[valid-type]


def _iso_date(value: Any) -> Any:
    """A date as the profile writes it (YYYY-MM-DD text, or a date); a number is refused, not
    read as seconds since 1970."""
    if isinstance(value, dt.date | str) or value is None:
        return value
    raise ValueError("not a date")


class CalendarEvent(BaseModel):
    """A day that must be free of visible healing: a wedding, an interview, a holiday."""

    model_config = _STRICT

    date: dt.date
    # plain text on one line (no tabs or line breaks), never markup
    name: str = Field(min_length=1, max_length=EVENT_NAME_MAX, pattern=ONE_LINE)

    _date_as_text = field_validator("date", mode="before")(lambda cls, v: _iso_date(v))


class Calendar(BaseModel):
    """Real dates for the plan. No start date means "from today", which is never stored."""

    model_config = _STRICT

    start_date: dt.date | None = None
    events: list[CalendarEvent] = Field(default_factory=list, max_length=MAX_EVENTS)

    _date_as_text = field_validator("start_date", mode="before")(lambda cls, v: _iso_date(v))


class Quote(BaseModel):
    """What a clinic offered: a treatment, how many sessions, the total price and who would do
    it. No clinic is named: the app neither asks for nor stores one."""

    model_config = _STRICT

    treatment: QuoteTreatment
    sessions: int = Field(ge=1, le=30)
    price_usd: float = Field(ge=0, le=100000)  # the whole course
    provider: Provider = "unknown"


class Profile(BaseModel):
    model_config = _STRICT

    schema_version: Literal[1, 2] = SCHEMA_VERSION
    scars: Scars = Field(default_factory=Scars)
    skin: Skin = Field(default_factory=Skin)
    health: Health = Field(default_factory=Health)
    preferences: Preferences = Field(default_factory=Preferences)
    notes: str = _plain_text(NOTES_MAX)
    history: History = Field(default_factory=History)
    decision: Decision = Field(default_factory=Decision)
    calendar: Calendar = Field(default_factory=Calendar)
    quotes: list[Quote] = Field(default_factory=list, max_length=MAX_QUOTES)
    language: Language = DEFAULT_LANGUAGE

    @model_validator(mode="before")
    @classmethod
    def read_version_1(cls, data: Any) -> Any:
        return _upgraded(data)[0]

    @model_validator(mode="after")
    def is_version_2(self) -> Profile:
        """Whatever version was read, the profile is kept (and saved) as version 2."""
        object.__setattr__(self, "schema_version", SCHEMA_VERSION)
        return self


class ProfileError(ValueError):
    """A profile that does not follow the profile format. `problems` has one line per field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


SECTIONS: dict[str, type[BaseModel]] = {
    "scars": Scars,
    "scars.other_counts": OtherCounts,
    "skin": Skin,
    "health": Health,
    "preferences": Preferences,
    "preferences.weights": Weights,
    "history": History,
    "decision": Decision,
    "decision.sure": Sure,
    "calendar": Calendar,
    "calendar.events": CalendarEvent,
    "quotes": Quote,
}


def _describe_annotation(annotation: Any, metadata: list[Any]) -> str:
    """Say in words which values a field with this type and these constraints takes."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Literal:
        return _("one of {values}").format(values=", ".join(str(a) for a in args))
    if origin is list:
        return _describe_list(args[0], metadata)
    if annotation is dt.date:
        return _("a date written as YYYY-MM-DD, such as 2027-06-12")
    if origin is typing.Union or (origin is not None and type(None) in args):
        inner = [a for a in args if a is not type(None)]
        return _("{values}, or null").format(values=_describe_annotation(inner[0], metadata))
    if annotation is bool:
        return _("true or false")
    if origin is Annotated:
        return _describe_annotation(args[0], [*metadata, *args[1:]])
    if annotation is str:
        return _describe_text(metadata)
    return _describe_number(annotation, metadata)


def _describe_list(item: Any, metadata: list[Any]) -> str:
    if isinstance(item, type) and issubclass(item, BaseModel):
        longest = next((m.max_length for m in metadata if getattr(m, "max_length", None)), None)
        return _("a list of at most {longest} items, each with {fields}").format(
            longest=longest, fields=", ".join(item.model_fields)
        )
    return _("a list with any of {values}").format(values=", ".join(typing.get_args(item)))


def _describe_text(metadata: list[Any]) -> str:
    longest = next((m.max_length for m in metadata if getattr(m, "max_length", None)), None)
    shortest = next((m.min_length for m in metadata if getattr(m, "min_length", None)), 0)
    one_line = any(getattr(m, "pattern", None) == ONE_LINE for m in metadata)
    if longest and shortest:
        if one_line:
            words = _("text of {shortest} to {longest} characters on one line")
        else:
            words = _("text of {shortest} to {longest} characters")
        return words.format(shortest=shortest, longest=longest)
    if longest:
        return _("text of at most {longest} characters").format(longest=longest)
    return _("text")


def _describe_number(annotation: Any, metadata: list[Any]) -> str:
    low = next((m.ge for m in metadata if getattr(m, "ge", None) is not None), None)
    high = next((m.le for m in metadata if getattr(m, "le", None) is not None), None)
    for m in metadata:
        for inner in getattr(m, "metadata", []):
            low = getattr(inner, "ge", low)
            high = getattr(inner, "le", high)
    whole = annotation is int
    if low is None or high is None:
        return _("a whole number") if whole else _("a number")
    # the bounds as JSON writes them (the file's numbers), in any language
    bounds = {"low": f"{low:g}", "high": f"{high:g}"}
    if whole:
        return _("a whole number from {low} to {high}").format(**bounds)
    return _("a number from {low} to {high}").format(**bounds)


def answer_at(profile: Profile, path: str) -> Any:
    """The answer at a dotted path such as 'scars.depth'."""
    value: Any = profile
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _field(path: str) -> Any:
    """The pydantic field at a dotted path such as 'scars.depth' (None if there is none)."""
    *parents, name = path.split(".")
    model: type[BaseModel] = SECTIONS.get(".".join(parents), Profile) if parents else Profile
    return model.model_fields.get(name)


ValueKind = Literal["bool", "int", "float", "text", "list", "records", "object"]


@dataclass(frozen=True, slots=True)
class FieldType:
    """What JSON type a field holds, read from the model's types (never from the words that
    describe it, so rewording or translating a message cannot change how a value is read)."""

    kind: ValueKind
    nullable: bool = False
    choices: tuple[str, ...] = ()  # the allowed words of a field with a fixed set of them


def field_type(path: str) -> FieldType:
    """The value type of the field at a dotted path; KeyError if there is no such field."""
    field = _field(path)
    if field is None:
        raise KeyError(path)
    annotation, nullable = field.annotation, False
    if type(None) in typing.get_args(annotation):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        nullable = True
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin is list:
        item = typing.get_args(annotation)[0]
        records = isinstance(item, type) and issubclass(item, BaseModel)
        return FieldType("records" if records else "list", nullable)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldType("object", nullable)
    if origin is Literal and all(isinstance(a, str) for a in typing.get_args(annotation)):
        return FieldType("text", nullable, typing.get_args(annotation))
    kinds: dict[Any, ValueKind] = {bool: "bool", int: "int", float: "float"}
    return FieldType(kinds.get(annotation, "text"), nullable)


def allowed_words(path: str) -> str:
    """Words for the values allowed at a dotted field path such as 'scars.depth', in the
    language in use (for messages about a file or a link)."""
    field = _field(path)
    if field is None:
        return _("no such field")
    if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
        fields = ", ".join(field.annotation.model_fields)
        return _("an object with the fields {fields}").format(fields=fields)
    return _describe_annotation(field.annotation, list(field.metadata))


def allowed_values(path: str) -> str:
    """allowed_words in English, whatever the language in use: the catalog's checks
    (advisor/catalog.py) read these words, and its errors are for whoever edits data/."""
    with language(DEFAULT_LANGUAGE):
        return allowed_words(path)


def _field_path(loc: tuple[int | str, ...]) -> str:
    """A dotted path of names only (list positions are dropped: they name the list)."""
    return ".".join(str(part) for part in loc if isinstance(part, str))


# lists of objects, by name: which item a problem is in, and the notes about leaving items out
ITEM_LABELS = {"calendar.events": N_("event {n}"), "quotes": N_("quote {n}")}
ITEM_LEFT_OUT = {
    "calendar.events": N_("{problem}. This event was left out; everything else was kept."),
    "quotes": N_("{problem}. This quote was left out; everything else was kept."),
}
ITEMS_TOO_MANY = {
    "calendar.events": N_(
        "{path}: {count} events, but at most {longest} are allowed; the first {longest} were "
        "kept and the rest left out."
    ),
    "quotes": N_(
        "{path}: {count} quotes, but at most {longest} are allowed; the first {longest} were "
        "kept and the rest left out."
    ),
}


def _item(loc: tuple[int | str, ...]) -> str:
    """Which item of a list of events or quotes a problem is in, counting from 1 ("quote 3");
    empty for any other field."""
    for n, part in enumerate(loc):
        if isinstance(part, int) and n > 0:
            label = ITEM_LABELS.get(_field_path(loc[:n]))
            if label:
                return f" ({_(label).format(n=part + 1)})"
    return ""


def _problem_line(error: Any) -> str:
    path = _field_path(error["loc"]) or "profile"
    return _problem_words(error, path).replace(f"{path}:", f"{path}{_item(error['loc'])}:", 1)


def _problem_words(error: Any, path: str) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = path.rsplit(".", 1)[0] if "." in path else ""
        known = SECTIONS[parent].model_fields if parent in SECTIONS else Profile.model_fields
        return _("{path}: unknown field; allowed fields here are {fields}").format(
            path=path, fields=", ".join(known)
        )
    shown = _shown(error.get("input"), kind)
    if kind == "model_type" or kind == "dict_type":
        return _("{path}: expected an object with fields, got {value}").format(
            path=path, value=shown
        )
    if kind == "missing":
        return _("{path}: missing").format(path=path)
    return _("{path}: {value} is not allowed; use {allowed}").format(
        path=path, value=shown, allowed=allowed_words(path)
    )


def _shown(value: Any, kind: str) -> str:
    """A value from the file as a message quotes it: as JSON, or in words when long."""
    if isinstance(value, str) and len(value) > 40:
        return _("text of {n} characters").format(n=len(value))
    if isinstance(value, list) and kind == "too_long":
        return _("a list of {n}").format(n=len(value))
    return json.dumps(value)[:60] if _is_jsonable(value) else repr(value)[:60]


def _is_jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def problems_from(error: ValidationError) -> list[str]:
    """One readable line per validation problem."""
    return [_problem_line(e) for e in error.errors()]


def _not_an_object(data: Any) -> str:
    return _("{path}: expected a JSON object, got {kind}").format(
        path="profile", kind=type(data).__name__
    )


def profile_from_dict(data: Any) -> Profile:
    """Validate a decoded JSON value as a profile, raising ProfileError with readable lines."""
    if not isinstance(data, dict):
        raise ProfileError([_not_an_object(data)])
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        raise ProfileError(problems_from(error)) from None


# lists whose items stand alone: a bad event or quote is left out, and the rest is kept
ITEM_LISTS: tuple[tuple[tuple[str, ...], type[BaseModel], int], ...] = (
    (("calendar", "events"), CalendarEvent, MAX_EVENTS),
    (("quotes",), Quote, MAX_QUOTES),
)


def _list_at(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    node: Any = data
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def keep_valid_items(data: Any) -> tuple[Any, list[str]]:
    """The profile data with each event or quote that cannot be used left out, and the lists
    cut to their longest; one line per item left out, naming the field and what is allowed."""
    if not isinstance(data, dict):
        return data, []
    data = json.loads(json.dumps(data, default=str))
    notes: list[str] = []
    for keys, model, longest in ITEM_LISTS:
        items = _list_at(data, keys)
        if not isinstance(items, list):
            continue  # not a list at all: validation names the field
        path = ".".join(keys)
        kept = []
        for n, item in enumerate(items):
            try:
                model.model_validate(item)
            except ValidationError as error:
                for e in error.errors():
                    where = (*keys, n, *e["loc"])
                    line = _problem_line({**e, "loc": where})
                    notes.append(_(ITEM_LEFT_OUT[path]).format(problem=line))
                continue
            kept.append(item)
        if len(kept) > longest:
            notes.append(
                _(ITEMS_TOO_MANY[path]).format(path=path, count=len(kept), longest=longest)
            )
            kept = kept[:longest]
        items[:] = kept
    return data, notes


FILE = "file"  # the name messages about the file as a whole start with


def _invalid_json(error: json.JSONDecodeError) -> str:
    """Where the JSON breaks; the parser's own words (error.msg) stay as Python writes them."""
    return _("{path}: not valid JSON (line {line}, column {column}: {msg})").format(
        path=FILE, line=error.lineno, column=error.colno, msg=error.msg
    )


def read_profile_json(text: str | bytes) -> tuple[Profile, list[str]]:
    """Parse and validate profile JSON text (what 'Save answers' writes); also one line for
    each answer of an older file that was read in a new way (see upgrade_notes), and for each
    event or quote that had to be left out (see keep_valid_items)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ProfileError(
                [_("{path}: not UTF-8 text; a saved profile is a JSON text file").format(path=FILE)]
            ) from None
    if not text.strip():
        raise ProfileError([_("{path}: empty; a saved profile is a JSON object").format(path=FILE)])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProfileError([_invalid_json(error)]) from None
    except RecursionError:
        raise ProfileError([_("{path}: JSON nested too deeply").format(path=FILE)]) from None
    data, left_out = keep_valid_items(data)
    return profile_from_dict(data), upgrade_notes(data) + left_out


def profile_from_json(text: str | bytes) -> Profile:
    """Parse and validate profile JSON text (what 'Save answers' writes)."""
    return read_profile_json(text)[0]


def profile_to_json(profile: Profile) -> str:
    """The profile as indented JSON, exactly what profile_from_json reads back."""
    return profile.model_dump_json(indent=2)


def _drop_path(data: dict[str, Any], loc: tuple[int | str, ...]) -> bool:
    """Remove the item at loc from nested dicts/lists; True if something was removed."""
    node: Any = data
    for part in loc[:-1]:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
        else:
            return False
    last = loc[-1] if loc else None
    if isinstance(node, dict) and last in node:
        del node[last]
        return True
    if isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
        del node[last]
        return True
    return False


def profile_from_dict_lenient(data: Any) -> tuple[Profile, list[str]]:
    """Keep every valid answer and fall back to the default for each bad one.

    Returns the profile and one readable line per field that was reset. Used for the URL,
    which a person may have edited or cut short.
    """
    if not isinstance(data, dict):
        return Profile(), [_not_an_object(data)]
    work, problems = keep_valid_items(data)
    for _attempt in range(64):
        try:
            return Profile.model_validate(work), problems
        except ValidationError as error:
            removed = False
            for e in error.errors():
                ignored = e["type"] == "extra_forbidden"
                line = (
                    _("{problem} (ignored)") if ignored else _("{problem} (reset to the default)")
                )
                problems.append(line.format(problem=_problem_line(e)))
                loc = e["loc"]
                # a bad list item resets the whole list; a bad object resets that object
                if len(loc) >= 2 and isinstance(loc[-1], int):
                    loc = loc[:-1]
                removed = _drop_path(work, tuple(loc)) or removed
            if not removed:
                break
    unrepaired = _("{path}: could not be repaired; every answer reset").format(path="profile")
    return Profile(), [*problems, unrepaired]
