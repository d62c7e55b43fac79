"""The command line: python -m advisor recommend PROFILE.json [--format ...] [-o FILE].

`--format ics` writes the plan's suggested sessions and healing windows as a calendar file.
`--lang` and `--currency` choose the language and the currency of the output and of the
messages (without them, the profile's own); the help texts stay in English.

An unreadable or invalid profile exits with code 2 and one readable line, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from advisor.catalog import CatalogError, default_catalog
from advisor.dates import date_plan, set_aside_lines
from advisor.export import to_csv, to_json_report, to_markdown
from advisor.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, language
from advisor.ics import to_ics
from advisor.money import CURRENCIES, currency
from advisor.pdf import build_pdf
from advisor.profile import (
    FILE_TOO_LARGE,
    MAX_FILE_BYTES,
    Profile,
    ProfileError,
    read_profile_json,
)
from advisor.recommend import Recommendation, recommend

EXIT_BAD_INPUT = 2

# each format from the recommendation and the paper size (which only the PDF uses); dates
# count from today
FORMATS: dict[str, Callable[[Recommendation, str], str | bytes]] = {
    "json": lambda rec, _size: to_json_report(rec),
    "markdown": lambda rec, _size: to_markdown(rec),
    "csv": lambda rec, _size: to_csv(rec),
    "pdf": lambda rec, size: build_pdf(rec, page_size=size),
    "ics": lambda rec, _size: to_ics(date_plan(rec), dt.date.today()),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m advisor",
        description="Compare ice pick scar treatments for a saved profile. Informs; does not "
        "diagnose.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("recommend", help="rank every option for a profile JSON file")
    rec.add_argument("profile", help="a profile JSON file (what 'Save answers' downloads)")
    rec.add_argument("--format", choices=sorted(FORMATS), default="json")
    rec.add_argument("-o", "--output", help="write to this file instead of standard output")
    rec.add_argument(
        "--page-size", choices=["A4", "Letter"], default="A4", help="paper size for --format pdf"
    )
    rec.add_argument(
        "--lang", choices=LANGUAGES, help="language of the output (default: the profile's)"
    )
    rec.add_argument(
        "--currency", choices=CURRENCIES, help="currency of the costs (default: the profile's)"
    )
    commands.add_parser("check-data", help="validate the catalog files in data/")
    return parser


def _fail(message: str) -> int:
    print(_("error: {message}").format(message=message), file=sys.stderr)
    return EXIT_BAD_INPUT


def _read_profile_bytes(path: str) -> bytes:
    file = Path(path)
    if file.is_dir():
        raise ProfileError([_("{path}: is a folder, not a profile file").format(path=path)])
    if file.stat().st_size > MAX_FILE_BYTES:
        raise ProfileError([f"{path}: {_(FILE_TOO_LARGE)}"])
    return file.read_bytes()


def _load_profile(path: str) -> bytes | int:
    """The file's bytes, or the exit code after saying why it cannot be read."""
    try:
        return _read_profile_bytes(path)
    except FileNotFoundError:
        return _fail(_("{path}: no such file").format(path=path))
    except ProfileError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror)
        )


def run_recommend(args: argparse.Namespace) -> int:
    """Read the profile (its problems in --lang, else English: the file's own language is not
    known until it is read), then recommend and write in --lang and --currency, or the
    profile's own."""
    with language(args.lang or DEFAULT_LANGUAGE):
        data = _load_profile(args.profile)
        if isinstance(data, int):
            return data
        try:
            profile = read_profile_json(data)[0]
        except ProfileError as error:
            return _fail(f"{args.profile}: " + "; ".join(error.problems))
    chosen = currency(args.currency or profile.preferences.currency)
    with language(args.lang or profile.language), chosen:
        # read again for its notes in the language in use
        return _recommend_and_write(args, *read_profile_json(data))


def _recommend_and_write(args: argparse.Namespace, profile: Profile, notes: list[str]) -> int:
    rec = recommend(profile)
    # an older file read in a new way, an event or quote left out, a date the plan cannot use:
    # say so, and carry on with everything else
    for note in [*notes, *set_aside_lines(date_plan(rec))]:
        print(_("note: {path}: {note}").format(path=args.profile, note=note), file=sys.stderr)
    output = FORMATS[args.format](rec, args.page_size)
    if args.output:
        return _write(args.output, output)
    if isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _write(path: str, output: str | bytes) -> int:
    try:
        if isinstance(output, bytes):
            Path(path).write_bytes(output)
        else:
            Path(path).write_text(output, encoding="utf-8")
    except OSError as error:
        return _fail(
            _("{path}: cannot be written ({reason})").format(path=path, reason=error.strerror)
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check-data":
            catalog = default_catalog()
            print(
                f"data/ is valid: {len(catalog.treatments)} options, {len(catalog.rules)} "
                f"screening rules, {len(catalog.sources)} sources."
            )
            return 0
        return run_recommend(args)
    except CatalogError as error:
        return _fail(f"the treatment catalog is invalid: {error}")
