"""How many profiles per second `recommend` handles on one core.

    python bench/core.py [--profiles 2000] [--rounds 5]

Builds a varied set of valid profiles first (not timed), pins the process to one CPU,
then times recommend() over the set several times and prints the median rate, and the
rate with the JSON report built too (what the command line does). Not a test: figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.catalog import default_catalog
from advisor.profile import Profile
from advisor.recommend import recommend


def varied_profiles(n: int, seed: int = 7) -> list[Profile]:
    rng = random.Random(seed)
    weights = ("effectiveness", "cost", "downtime", "sessions", "invasiveness")
    return [
        Profile.model_validate(
            {
                "scars": {
                    "count": rng.randint(1, 500),
                    "depth": rng.choice(["shallow", "moderate", "deep"]),
                    "width_mm": round(rng.uniform(0.3, 5.0), 1),
                    "distribution": rng.choice(["isolated", "clustered", "widespread"]),
                    "other_types": rng.sample(
                        ["rolling", "boxcar", "hypertrophic"], rng.randint(0, 2)
                    ),
                    "flattens_when_stretched": rng.random() < 0.5,
                    "visible_at_conversation_distance": rng.random() < 0.7,
                },
                "skin": {
                    "fitzpatrick": rng.randint(1, 6),
                    "dark_marks_after_injury": rng.random() < 0.3,
                    "keloid_history": rng.random() < 0.1,
                    "active_acne": rng.random() < 0.2,
                },
                "health": {
                    "age": rng.randint(12, 80),
                    "isotretinoin_last_6_months": rng.random() < 0.1,
                    "cold_sores": rng.random() < 0.2,
                    "smoker": rng.random() < 0.2,
                },
                "preferences": {
                    "budget_usd": rng.choice([0, 500, 1500, 3000, 8000, 20000]),
                    "max_downtime_days": rng.randint(0, 21),
                    "max_sessions": rng.randint(1, 10),
                    "max_invasiveness": rng.randint(1, 5),
                    "goal": rng.choice(["subtle", "noticeable", "maximal"]),
                    "weeks_available": rng.choice([None, 8, 26, 52]),
                    "weights": {w: rng.randint(0, 5) for w in weights},
                },
            }
        )
        for _ in range(n)
    ]


def rate(profiles: list[Profile], with_json: bool) -> float:
    start = time.perf_counter()
    for profile in profiles:
        rec = recommend(profile)
        if with_json:
            json.dumps(rec.to_json())
    return len(profiles) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    default_catalog()
    profiles = varied_profiles(args.profiles)
    rate(profiles[:100], with_json=True)  # warm-up
    core = [rate(profiles, with_json=False) for _ in range(args.rounds)]
    full = [rate(profiles, with_json=True) for _ in range(max(1, args.rounds // 2))]
    print(
        f"recommend(): {statistics.median(core):,.0f} profiles/s on one core "
        f"(median of {args.rounds} rounds of {args.profiles} varied profiles; "
        f"min {min(core):,.0f}, max {max(core):,.0f})"
    )
    print(f"recommend() + JSON report: {statistics.median(full):,.0f} profiles/s")


if __name__ == "__main__":
    main()
