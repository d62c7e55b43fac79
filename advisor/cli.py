"""The command line: python -m advisor recommend PROFILE.json [--format ...] [-o FILE].

`--format ics` writes the plan's suggested sessions and healing windows as a calendar file.

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
from advisor.ics import to_ics
from advisor.pdf import build_pdf
from advisor.profile import FILE_TOO_LARGE, MAX_FILE_BYTES, ProfileError, read_profile_json
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
    commands.add_parser("check-data", help="validate the catalog files in data/")
    return parser


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _read_profile_bytes(path: str) -> bytes:
    file = Path(path)
    if file.is_dir():
        raise ProfileError([f"{path}: is a folder, not a profile file"])
    if file.stat().st_size > MAX_FILE_BYTES:
        raise ProfileError([f"{path}: {FILE_TOO_LARGE}"])
    return file.read_bytes()


def run_recommend(args: argparse.Namespace) -> int:
    try:
        data = _read_profile_bytes(args.profile)
    except FileNotFoundError:
        return _fail(f"{args.profile}: no such file")
    except ProfileError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{args.profile}: cannot be read ({error.strerror})")
    try:
        profile, notes = read_profile_json(data)
    except ProfileError as error:
        return _fail(f"{args.profile}: " + "; ".join(error.problems))
    rec = recommend(profile)
    # an older file read in a new way, an event or quote left out, a date the plan cannot use:
    # say so, and carry on with everything else
    for note in [*notes, *set_aside_lines(date_plan(rec))]:
        print(f"note: {args.profile}: {note}", file=sys.stderr)
    output = FORMATS[args.format](rec, args.page_size)
    if args.output:
        try:
            mode = "wb" if isinstance(output, bytes) else "w"
            with open(args.output, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
                f.write(output)
        except OSError as error:
            return _fail(f"{args.output}: cannot be written ({error.strerror})")
    elif isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
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
