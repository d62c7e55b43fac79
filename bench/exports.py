"""How long each export takes to build (median), the PDF with its chart images.

    python bench/exports.py [--rounds 7]

The first PDF pays for starting vl-convert and drawing the charts; later PDFs for the same
answers reuse the chart images from a per-session cache, as the app does. Not a test:
figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.export import to_csv, to_markdown, to_profile_json
from advisor.pdf import build_pdf
from advisor.profile import Profile
from advisor.recommend import recommend


def timed(make: Callable[[], object]) -> float:
    start = time.perf_counter()
    make()
    return time.perf_counter() - start


def measure(rounds: int) -> dict[str, float]:
    rec = recommend(
        Profile.model_validate(
            {"scars": {"other_types": ["rolling"]}, "health": {"cold_sores": True},
             "notes": "Café ✓ 5 €"}
        )
    )  # fmt: skip
    cache: dict[str, bytes] = {}
    first = timed(lambda: build_pdf(rec, image_cache=cache))
    results = {"pdf_first_s": first}
    for name, make in (
        ("pdf_s", lambda: build_pdf(rec, image_cache=cache)),
        ("pdf_letter_s", lambda: build_pdf(rec, page_size="Letter", image_cache=cache)),
        ("markdown_s", lambda: to_markdown(rec)),
        ("csv_s", lambda: to_csv(rec)),
        ("json_s", lambda: to_profile_json(rec)),
    ):
        results[name] = statistics.median(timed(make) for _ in range(rounds))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    for name, seconds in measure(args.rounds).items():
        print(f"{name:14} {seconds * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
