"""Measure the app the way people use it, against Streamlit's own floor, in ONE run.

    python bench/run.py [--quick] [--sessions 10,20,40] [--think 2]

1. Core: recommend() profiles per second on one core.
2. Server: median AppTest.run() of each page against a bare one-line app (same process).
3. Browser: time-to-interactive of each page against a bare one-slider app, and the Compare
   page's round trip after moving a priority slider against the bare app's slider round trip.
4. Exports: PDF, Markdown and CSV build times.
5. Load: one server, N concurrent sessions each doing the whole journey over the websocket as
   a browser tab does (bench/session_client.py; loopback only, bounded in count and time),
   with pauses between actions and once without: errors, p50/p95 interaction latency,
   memory per session, server CPU per interaction; straight from Streamlit, and the largest
   and stress levels again through deploy/nginx.conf, as deployed.
6. First visit as a phone gets it: the bytes each page's first visit transfers (a fresh
   browser, no cache), straight from Streamlit and through deploy/nginx.conf (gzip on), and
   Lighthouse (desktop and mobile presets) of Start, Compare and Summary through nginx.

Writes bench/RESULTS.md and bench/results.json. Needs Debian's Chromium (/usr/bin/chromium or
$CHROMIUM) and Debian's nginx; it never downloads a browser. Lighthouse is optional: install it
with `npm ci --prefix bench/lighthouse` (bench/README.md). Not part of the test run: figures
depend on the machine, so the targets are ratios against the bare app measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.testing.v1 import AppTest

from advisor.i18n import language
from advisor.money import currency
from bench import core, exports
from bench.session_client import BrowserlessSession
from tests.e2e.conftest import CHROMIUM_ARGS, IDLE, chromium_path, start_server
from tests.e2e.nginx import NGINX, start_proxy

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "start": "",
    "profile": "profile",
    "compare": "compare",
    "learn": "learn",
    "summary": "summary",
}
ANSWERS = "?n=20&ot=rolling&fz=5&dm=1&hsv=1&notes=Wedding%20in%20June"
SPANISH = {"lang": "es", "cur": "EUR"}  # the same answers, in Spanish with euros
SPANISH_QUERY = "&lang=es&cur=EUR"
TARGETS = {
    "worst_page_tti_ratio": 1.5,
    "compare_interaction_ratio": 3.0,
    "core_profiles_per_s": 5000,
    "pdf_s": 1.0,
    "load_p95_s": 1.5,
    "compare_transfer_ratio": 1.6,
    "compare_lighthouse_gap": 10,
    "spanish_ratio": 1.10,  # each page in Spanish against the same page in English
}
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ("start", "compare", "summary")
SCRIPT_FINISHED = "script_finished"
# a whole run, or a fragment's run (the what-if priorities rerun only their fragment)
FINISHED_OK = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def finished_runs(payload: bytes | str) -> bool:
    """Whether a websocket frame from the server says a script run has finished."""
    if isinstance(payload, str):
        return False
    message = ForwardMsg()
    try:
        message.ParseFromString(payload)
    except Exception:  # a frame that is not a ForwardMsg is not a finished run
        return False
    return message.WhichOneof("type") == SCRIPT_FINISHED and message.script_finished in FINISHED_OK


class RunWatcher:
    """Counts finished script runs of one tab, read from the Streamlit websocket."""

    def __init__(self, tab) -> None:
        self.finished: list[float] = []
        tab.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        if finished_runs(payload):
            self.finished.append(time.perf_counter())


def wait_for_run(tab, watcher: RunWatcher, already: int, timeout_s: float = 60) -> float:
    """Until a run after the first `already` has finished and the page has painted."""
    deadline = time.perf_counter() + timeout_s
    while len(watcher.finished) <= already:
        if time.perf_counter() > deadline:
            raise TimeoutError("no finished script run")
        tab.wait_for_timeout(5)
    tab.evaluate(PAINTED)
    return time.perf_counter()


PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


# ----------------------------------------------------------------------------- 2. server


def server_times(rounds: int) -> dict[str, Any]:
    bare = AppTest.from_string("import streamlit as st\nst.write('Hello')", default_timeout=60)
    bare.run()
    bare_times = []
    for _ in range(rounds):
        start = time.perf_counter()
        bare.run()
        bare_times.append(time.perf_counter() - start)
    pages: dict[str, float] = {}
    spanish: dict[str, float] = {}
    for name in PAGES:
        english = page_run_times(name, {}, rounds)
        in_spanish = page_run_times(name, SPANISH, rounds)
        # each round's Spanish run against its English one: drift falls on both alike
        pages[name] = median(english)
        spanish[name] = median([s / e for s, e in zip(in_spanish, english, strict=True)])
    bare_median = median(bare_times)
    return {
        "bare_s": bare_median,
        "pages_s": pages,
        "ratios": {name: seconds / bare_median for name, seconds in pages.items()},
        "spanish_ratios": spanish,
    }


def page_run_times(name: str, extra: dict[str, str], rounds: int) -> list[float]:
    """Seconds of each AppTest.run() of a page with the benchmark's answers (and `extra`).
    AppTest formats choice boxes in this thread, so this thread speaks the page's language."""
    with language(extra.get("lang", "en")), currency(extra.get("cur", "USD")):
        return _page_run_times(name, extra, rounds)


def _page_run_times(name: str, extra: dict[str, str], rounds: int) -> list[float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"n": "20", "ot": "rolling", "fz": "5", "hsv": "1", **extra})
    at.run()
    at.switch_page(f"pages/{name}.py").run()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return times


# ----------------------------------------------------------------------------- 3. browser


def time_to_interactive(browser, targets: dict[str, tuple[str, str]], samples: int) -> dict:
    """Seconds from a fresh tab's navigation until its first script run has finished and the
    main content is visible, per target (url, selector); the first target is the reference.

    Targets are measured round-robin and the first round is a warm-up. Each page's ratio is
    the median of its ratios to the reference in the same round, so that the machine's noise,
    which drifts over a run, falls on the page and the reference alike.
    """
    times: dict[str, list[float]] = {name: [] for name in targets}
    for n in range(samples + 1):
        for name, (url, ready) in targets.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = context.new_page()
            watcher = RunWatcher(tab)
            start = time.perf_counter()
            tab.goto(url, wait_until="commit")
            wait_for_run(tab, watcher, 0)
            tab.wait_for_selector(ready, state="visible", timeout=60_000)
            elapsed = time.perf_counter() - start
            context.close()
            if n:
                times[name].append(elapsed)
    reference = next(iter(targets))
    return {
        "seconds": {name: median(values) for name, values in times.items()},
        "ratios": {
            name: median([t / r for t, r in zip(values, times[reference], strict=True)])
            for name, values in times.items()
            if name != reference
        },
    }


def slider_round_trip(tab, watcher: RunWatcher, slider, key: str) -> float:
    """From the key press until that rerun has finished and painted."""
    tab.wait_for_timeout(300)
    already = len(watcher.finished)
    start = time.perf_counter()
    slider.press(key)
    return wait_for_run(tab, watcher, already) - start


def browser_times(chromium: str, samples: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    app = start_server()
    bare = start_server("bench/bare_app.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            targets = {"bare": (bare.url, '[data-testid="stSlider"]')}
            targets |= {name: (f"{app.url}/{path}{ANSWERS}", "h1") for name, path in PAGES.items()}
            targets |= {
                f"{name} (es)": (f"{app.url}/{path}{ANSWERS}{SPANISH_QUERY}", "h1")
                for name, path in PAGES.items()
            }
            measured = time_to_interactive(browser, targets, samples)
            tti, ratios = measured["seconds"], measured["ratios"]
            bare_tti = tti.pop("bare")
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = context.new_page()
            watcher = RunWatcher(tab)
            tab.goto(bare.url)
            wait_for_run(tab, watcher, 0)
            slider = tab.get_by_role("slider").first
            keys = ["ArrowRight", "ArrowLeft"] * 4
            bare_rt = [slider_round_trip(tab, watcher, slider, k) for k in keys]
            tab.goto(f"{app.url}/compare{ANSWERS}")
            tab.wait_for_selector("h1")
            tab.wait_for_selector(IDLE)
            tab.wait_for_timeout(1000)
            tab.get_by_text("What if?").first.click()  # the priorities start folded away
            tab.wait_for_timeout(300)
            slider = tab.get_by_role("slider").nth(1)  # the "Low cost" priority
            compare_rt = [slider_round_trip(tab, watcher, slider, k) for k in keys]
            context.close()
            browser.close()
    finally:
        app.stop()
        bare.stop()
    spanish = {name: ratios[f"{name} (es)"] / ratios[name] for name in PAGES}
    worst = max((n for n in ratios if not n.endswith("(es)")), key=ratios.get)
    return {
        "spanish_tti_ratios": spanish,
        "samples": samples,
        "bare_tti_s": bare_tti,
        "tti_s": tti,
        "tti_ratios": ratios,
        "worst_page": worst,
        "worst_page_tti_ratio": ratios[worst],
        "bare_interaction_s": median(bare_rt),
        "compare_interaction_s": median(compare_rt),
        "compare_interaction_ratio": median(compare_rt) / median(bare_rt),
    }


# ----------------------------------------------------------------------------- 6. first visit


def visit_bytes(browser, url: str) -> dict[str, int]:
    """Bytes a first visit transfers: every HTTP response as sent (compressed when the server
    compressed it, headers included) and the websocket frames until the first run ends."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    watcher = RunWatcher(tab)
    finished: list = []
    frames: list[int] = []
    tab.on("requestfinished", lambda request: finished.append(request))
    tab.on("websocket", lambda ws: ws.on("framereceived", lambda p: frames.append(len(p))))
    tab.goto(url, wait_until="commit")
    wait_for_run(tab, watcher, 0)
    tab.wait_for_timeout(1500)  # fonts and late scripts
    http = 0
    for request in finished:
        sizes = request.sizes()
        http += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return {"http": http, "websocket": sum(frames), "total": http + sum(frames)}


def with_proxies(work: Callable[[dict[str, str], dict[str, str]], Any]) -> Any:
    """Run work(direct, proxied) with the app and the bare app each straight and behind nginx
    (deploy/nginx.conf); the dicts map "app" and "bare" to base URLs."""
    app, bare = start_server(), start_server("bench/bare_app.py")
    try:
        with ExitStack() as cleanup:
            folders = [Path(cleanup.enter_context(TemporaryDirectory())) for _ in range(2)]
            proxied = {
                "app": start_proxy(cleanup, NGINX, folders[0], [app, app]),
                "bare": start_proxy(cleanup, NGINX, folders[1], [bare, bare]),
            }
            return work({"app": app.url, "bare": bare.url}, proxied)
    finally:
        app.stop()
        bare.stop()


def transfer_sizes(chromium: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    def work(direct: dict[str, str], proxied: dict[str, str]) -> dict[str, Any]:
        results: dict[str, Any] = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for route, bases in (("direct", direct), ("nginx", proxied)):
                sizes = {"bare": visit_bytes(browser, bases["bare"])}
                for name, path in PAGES.items():
                    sizes[name] = visit_bytes(browser, f"{bases['app']}/{path}{ANSWERS}")
                bare_total = sizes["bare"]["total"]
                results[route] = {
                    "bytes": sizes,
                    "ratios": {n: v["total"] / bare_total for n, v in sizes.items() if n != "bare"},
                }
            browser.close()
        return results

    return with_proxies(work)


def lighthouse_scores(chromium: str, rounds: int) -> dict[str, Any] | None:
    """Lighthouse performance scores through nginx, desktop and mobile presets, median of
    rounds (round-robin, bare app first); None when Lighthouse is not installed."""
    if not LIGHTHOUSE.exists():
        return None
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])

    def score(url: str, preset: str) -> float:
        command = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
                   "--quiet", f"--chrome-flags={flags}"]  # fmt: skip
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chromium}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        report = json.loads(done.stdout)
        return 100 * report["categories"]["performance"]["score"]

    def work(_direct: dict[str, str], proxied: dict[str, str]) -> dict[str, Any]:
        urls = {"bare": proxied["bare"]}
        urls |= {n: f"{proxied['app']}/{PAGES[n]}{ANSWERS}" for n in LIGHTHOUSE_PAGES}
        scores: dict[str, dict[str, list[float]]] = {
            preset: {n: [] for n in urls} for preset in ("desktop", "mobile")
        }
        for _ in range(rounds):
            for preset in scores:
                for name, url in urls.items():
                    scores[preset][name].append(score(url, preset))
        return {
            preset: {name: median(values) for name, values in by_page.items()}
            for preset, by_page in scores.items()
        }

    return with_proxies(work)


# ----------------------------------------------------------------------------- 5. load


def new_record() -> dict[str, list]:
    """What a level's journeys write: action latencies, first-load times, error lines."""
    return {"latencies": [], "opens": [], "errors": []}


async def journey(
    url: str, bare: bool, think_s: float, seed: int, record: dict[str, list], deadline: float
) -> None:
    """One person's whole visit over the websocket; every action that reruns the app is timed.

    Before each action the visitor pauses for a think time drawn from 0.5x to 1.5x think_s,
    and visitors arrive spread over the first think time (all at once when think_s is 0).
    """
    rng = random.Random(seed)
    session = BrowserlessSession(url)

    async def bounded(step: Awaitable[float]) -> float:
        """Every step ends by the deadline, so a level is bounded in time."""
        return await asyncio.wait_for(step, timeout=max(deadline - time.monotonic(), 0.1))

    async def timed(action: Callable[[], Awaitable[float]]) -> None:
        if think_s:
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
        record["latencies"].append(await bounded(action()))

    try:
        await asyncio.sleep(rng.uniform(0, think_s))
        if bare:  # the floor: the one-slider app, moved as many times as the journey acts
            record["opens"].append(await bounded(session.open()))
            for steps in (1, -1) * 3:
                await timed(lambda steps=steps: session.move_slider("Value", steps))
            return
        record["opens"].append(await bounded(session.open("profile", ANSWERS.removeprefix("?"))))
        for _ in range(3):
            await timed(lambda: session.click("Next"))
        await timed(lambda: session.click("See my comparison"))
        await timed(lambda: session.move_slider("Low cost"))
        await timed(lambda: session.go_to("Summary"))
    except Exception as error:  # a failed journey is an error to count, not a crash
        first_line = (str(error).splitlines() or [""])[0][:120]
        record["errors"].append(f"{type(error).__name__}: {first_line}")
    finally:
        await session.close()


async def load_level(
    url: str, pid: int, sessions: int, think_s: float, limit_s: float, bare: bool
) -> dict[str, Any]:
    server = psutil.Process(pid)
    # downloads of the page's scripts run in threads; a browser fetches several at once too
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=32))
    # a server that has served nobody yet still has imports to do: one visit first, untimed
    await journey(url, bare, 0, -1, new_record(), time.monotonic() + limit_s)
    record = new_record()
    before = peak = server.memory_info().rss
    cpu_before = sum(server.cpu_times()[:2])
    started = time.monotonic()
    deadline = started + limit_s
    tasks = asyncio.gather(
        *(journey(url, bare, think_s, n, record, deadline) for n in range(sessions))
    )
    while not tasks.done():  # sample the server's memory while every session is open
        peak = max(peak, server.memory_info().rss)
        await asyncio.wait([tasks], timeout=0.2)
    await tasks
    server_cpu = sum(server.cpu_times()[:2]) - cpu_before
    latencies = record["latencies"]
    return {
        "sessions": sessions,
        "think_s": think_s,
        "errors": len(record["errors"]),
        "error_samples": record["errors"][:5],
        "interactions": len(latencies),
        "p50_s": percentile(latencies, 0.50),
        "p95_s": percentile(latencies, 0.95),
        "open_p95_s": percentile(record["opens"], 0.95),
        "wall_s": time.monotonic() - started,
        "memory_per_session_mb": max(0, peak - before) / sessions / 2**20,
        "server_cpu_ms_per_interaction": 1000 * server_cpu / max(1, len(latencies)),
    }


def load_times(
    levels: list[tuple[int, float]], limit_s: float, route: str = "direct"
) -> list[dict[str, Any]]:
    """Each level on a fresh server, then the bare app under the same sessions and pauses.

    route "direct": the sessions talk to `streamlit run` itself, which then serves its own
    scripts. route "nginx": they go through deploy/nginx.conf in front of it, as deployed,
    where nginx keeps the scripts after the first visit and compresses them.
    """
    results = []
    for sessions, think_s in levels:
        row: dict[str, Any] = {}
        for name, app in (("app", "app.py"), ("bare", "bench/bare_app.py")):
            server = start_server(app)
            try:
                with ExitStack() as cleanup:
                    url = server.url
                    if route == "nginx":
                        folder = Path(cleanup.enter_context(TemporaryDirectory()))
                        url = start_proxy(cleanup, NGINX, folder, [server, server])
                    level = load_level(
                        url, server.process.pid, sessions, think_s, limit_s, name == "bare"
                    )
                    row[name] = asyncio.run(level)
            finally:
                server.stop()
        results.append(
            {
                **row["app"],
                "route": route,
                "bare_p50_s": row["bare"]["p50_s"],
                "bare_p95_s": row["bare"]["p95_s"],
                "bare_errors": row["bare"]["errors"],
                "bare_open_p95_s": row["bare"]["open_p95_s"],
                "bare_server_cpu_ms_per_interaction": row["bare"]["server_cpu_ms_per_interaction"],
            }
        )
    return results


# ----------------------------------------------------------------------------- report


def machine() -> dict[str, Any]:
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "processor": platform.processor() or platform.machine(),
    }


def top_load_rows(load: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per route, the most sessions with pauses and the most sessions without (stress)."""
    rows = []
    for route in dict.fromkeys(r.get("route", "direct") for r in load):
        for paused in (True, False):
            level = [
                r for r in load
                if r.get("route", "direct") == route and bool(r["think_s"]) == paused
            ]  # fmt: skip
            if level:
                rows.append(max(level, key=lambda r: r["sessions"]))
    return rows


ROUTE_WORDS = {"direct": "straight from Streamlit", "nginx": "through nginx, as deployed"}


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def write_report(results: dict[str, Any]) -> str:
    m, c, s, b, e = (results[k] for k in ("machine", "core", "server", "browser", "exports"))
    load = results["load"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {m['date']} on {m['cpus']} CPUs, {m['memory_gb']} GB, {m['platform']}, "
        f"Python {m['python']}, in one run of `python bench/run.py`. Ratios compare with a bare "
        "Streamlit app measured in the same run.",
        "",
        "| what | measured | target | |",
        "|---|---|---|---|",
        f"| core: recommend() | {c['profiles_per_s']:,.0f} profiles/s on one core | "
        f">= {TARGETS['core_profiles_per_s']:,} | "
        f"{verdict(c['profiles_per_s'] >= TARGETS['core_profiles_per_s'])} |",
        f"| worst page time-to-interactive ({b['worst_page']}) | "
        f"{b['tti_s'][b['worst_page']]:.2f} s, "
        f"{b['worst_page_tti_ratio']:.2f}x bare ({b['bare_tti_s']:.2f} s) | <= 1.5x | "
        f"{verdict(b['worst_page_tti_ratio'] <= TARGETS['worst_page_tti_ratio'])} |",
        f"| Compare: priority slider round trip | {b['compare_interaction_s']:.3f} s, "
        f"{b['compare_interaction_ratio']:.2f}x bare ({b['bare_interaction_s']:.3f} s) | "
        f"<= {TARGETS['compare_interaction_ratio']:g}x | "
        f"{verdict(b['compare_interaction_ratio'] <= TARGETS['compare_interaction_ratio'])} |",
        f"| PDF with charts (after the first) | {e['pdf_s']:.2f} s "
        f"(first {e['pdf_first_s']:.2f} s) | "
        f"< 1 s | {verdict(e['pdf_s'] < TARGETS['pdf_s'])} |",
    ]
    t = results.get("transfer")
    if t:
        ratio = t["nginx"]["ratios"]["compare"]
        kb = t["nginx"]["bytes"]
        lines.append(
            f"| Compare: first visit through nginx | {kb['compare']['total'] / 1000:,.0f} kB, "
            f"{ratio:.2f}x bare ({kb['bare']['total'] / 1000:,.0f} kB) | <= 1.6x | "
            f"{verdict(ratio <= TARGETS['compare_transfer_ratio'])} |"
        )
    lh = results.get("lighthouse")
    if lh:
        gap = lh["desktop"]["bare"] - lh["desktop"]["compare"]
        lines.append(
            f"| Compare: Lighthouse desktop performance (through nginx) | "
            f"{lh['desktop']['compare']:.0f}, {gap:.0f} points below bare "
            f"({lh['desktop']['bare']:.0f}) | within 10 points | "
            f"{verdict(gap <= TARGETS['compare_lighthouse_gap'])} |"
        )
    for row in top_load_rows(load):
        pauses = f"pauses of {row['think_s']:g} s" if row["think_s"] else "no pauses (stress)"
        route = ROUTE_WORDS[row.get("route", "direct")]
        lines.append(
            f"| load: {row['sessions']} concurrent sessions, {pauses}, {route} | "
            f"{row['errors']} errors, "
            f"p95 {row['p95_s']:.2f} s (bare app {row['bare_p95_s']:.2f} s) | "
            f"0 errors, p95 < 1.5 s | "
            f"{verdict(row['errors'] == 0 and row['p95_s'] < TARGETS['load_p95_s'])} |"
        )
    spanish = b.get("spanish_tti_ratios", {})
    if spanish:
        slowest = max(spanish, key=spanish.get)
        lines.append(
            f"| Spanish pages against English (time-to-interactive) | worst {slowest}: "
            f"{spanish[slowest]:.2f}x; server run, worst "
            f"{max(s['spanish_ratios'].values()):.2f}x | <= 1.10x | "
            f"{verdict(spanish[slowest] <= TARGETS['spanish_ratio'])} |"
        )
    lines += [
        "",
        "## Spanish against English, per page",
        "",
        "The same answers with `lang=es&cur=EUR`. Server: the median of each round's Spanish "
        "AppTest.run() over its English one. Browser: the page's ratio to the bare app in "
        "Spanish over the same in English.",
        "",
        "| page | server x English | browser x English |",
        "|---|---:|---:|",
        *(
            f"| {p} | {s['spanish_ratios'][p]:.2f} | {spanish.get(p, float('nan')):.2f} |"
            for p in PAGES
        ),
    ]
    lines += [
        "",
        "## Server: median AppTest.run() per page",
        "",
        f"Bare one-line app: {s['bare_s'] * 1000:.1f} ms.",
        "",
        "| page | ms | x bare |",
        "|---|---:|---:|",
    ]
    lines += [f"| {p} | {t * 1000:.1f} | {s['ratios'][p]:.1f} |" for p, t in s["pages_s"].items()]
    lines += [
        "",
        f"## Browser: time-to-interactive (fresh tab, median of {b['samples']} after a warm-up)",
        "",
        f"Bare one-slider app: {b['bare_tti_s']:.2f} s. Pages and the bare app are measured",
        "round-robin; x bare is the median of each round's ratio to the bare app.",
        "",
        "| page | s | x bare |",
        "|---|---:|---:|",
    ]
    lines += [f"| {p} | {t:.2f} | {b['tti_ratios'][p]:.2f} |" for p, t in b["tti_s"].items()]
    if t:
        lines += [
            "",
            "## First visit: bytes transferred (fresh browser, no cache)",
            "",
            "Every HTTP response as sent (headers included; compressed when nginx compressed "
            "it) and the websocket frames until the first run has finished. Straight: from",
            "`streamlit run`, which sends its scripts uncompressed. nginx: through",
            "`deploy/nginx.conf` (gzip on), which is how a phone gets it in production.",
            "",
            "| page | straight kB | x bare | nginx kB | x bare |",
            "|---|---:|---:|---:|---:|",
        ]
        for name in ["bare", *PAGES]:
            d, n = t["direct"], t["nginx"]
            rd = f"{d['ratios'][name]:.2f}" if name != "bare" else "1"
            rn = f"{n['ratios'][name]:.2f}" if name != "bare" else "1"
            lines.append(
                f"| {name} | {d['bytes'][name]['total'] / 1000:,.0f} | {rd} | "
                f"{n['bytes'][name]['total'] / 1000:,.0f} | {rn} |"
            )
    if lh:
        lines += [
            "",
            "## Lighthouse 12.2.3 performance score (through nginx, median of rounds)",
            "",
            "| page | desktop | mobile |",
            "|---|---:|---:|",
        ]
        lines += [
            f"| {name} | {lh['desktop'][name]:.0f} | {lh['mobile'][name]:.0f} |"
            for name in lh["desktop"]
        ]
    lines += ["", "## Exports (median)", "", "| export | ms |", "|---|---:|"]
    lines += [f"| {k.removesuffix('_s')} | {v * 1000:.1f} |" for k, v in e.items()]
    if load:
        lines += [
            "",
            "## Load: one server, N concurrent sessions, whole journey",
            "",
            "Each session is one visitor's tab as the server sees it: it downloads the page and",
            "the scripts its HTML names, opens the websocket and does the whole journey (three",
            "Next, See my comparison, one priority step, Summary) with the messages a browser",
            "sends (`bench/session_client.py`). A Chromium tab per visitor would put 40 browsers",
            "on the server's two cores. Visitors pause before each action (think time, drawn",
            "from half to one and a half times the pause) and arrive spread over the first",
            "pause; the stress row has no pauses at all. The bare columns: the one-slider app",
            "under the same sessions and pauses, moved as many times, on its own fresh server.",
            "Each server serves one untimed visit first. First load: from the page request,",
            "through its scripts, to the end of the first run. Straight: the sessions talk to",
            "`streamlit run` itself, which also serves every visitor its scripts (about 2.8 MB",
            "each, uncompressed). nginx: through `deploy/nginx.conf` in front of the same single",
            "server, as deployed: nginx keeps the scripts after the first visit and compresses",
            "them, so the server only runs the app. Server CPU is the Streamlit process's alone.",
            "",
            "| route | sessions | pause s | errors | interactions | p50 s | p95 s | bare p50 s "
            "| bare p95 s | first load p95 s (bare) | wall s | MB per session "
            "| server CPU ms per interaction (bare) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
        ]
        lines += [
            f"| {r.get('route', 'direct')} | {r['sessions']} | {r['think_s']:g} | {r['errors']} | "
            f"{r['interactions']} | "
            f"{r['p50_s']:.2f} | {r['p95_s']:.2f} | {r['bare_p50_s']:.2f} | "
            f"{r['bare_p95_s']:.2f} | {r['open_p95_s']:.2f} ({r['bare_open_p95_s']:.2f}) | "
            f"{r['wall_s']:.0f} | "
            f"{r['memory_per_session_mb']:.2f} | {r['server_cpu_ms_per_interaction']:.0f} "
            f"({r['bare_server_cpu_ms_per_interaction']:.0f}) |"
            for r in load
        ]
        samples = [
            f"- {r.get('route', 'direct')}, {r['sessions']} sessions: {e}"
            for r in load
            for e in r["error_samples"]
        ]
        if samples:
            lines += ["", "Errors (first five per level):", "", *samples]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, load at 10 only")
    parser.add_argument(
        "--sessions", default="10,40,100", help="load levels with pauses, comma-separated"
    )
    parser.add_argument(
        "--stress", type=int, default=40, help="sessions of the level with no pauses at all"
    )
    parser.add_argument("--lighthouse-rounds", type=int, default=3, help="0 to skip Lighthouse")
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean pause before each action, seconds"
    )
    parser.add_argument("--out", default=str(ROOT / "bench"), help="folder for the results")
    args = parser.parse_args()
    chromium = chromium_path()
    if chromium is None:
        sys.exit("Chromium not found: apt-get install -y chromium, or set CHROMIUM")
    counts = [10] if args.quick else [int(n) for n in args.sessions.split(",")]
    levels = [(n, args.think) for n in counts] + [(10 if args.quick else args.stress, 0.0)]
    rounds = 5 if args.quick else 15
    results: dict[str, Any] = {"machine": machine(), "targets": TARGETS}
    print("core ...", flush=True)
    profiles = core.varied_profiles(1000 if args.quick else 2000)
    core.rate(profiles[:100], with_json=False)
    results["core"] = {"profiles_per_s": median([core.rate(profiles, False) for _ in range(3)])}
    print("exports ...", flush=True)
    results["exports"] = exports.measure(rounds=5)
    print("server ...", flush=True)
    results["server"] = server_times(rounds)
    print("browser ...", flush=True)
    results["browser"] = browser_times(chromium, samples=5 if args.quick else 15)
    print("first visit ...", flush=True)
    results["transfer"] = transfer_sizes(chromium)
    print("lighthouse ...", flush=True)
    rounds_lh = min(1, args.lighthouse_rounds) if args.quick else args.lighthouse_rounds
    results["lighthouse"] = lighthouse_scores(chromium, rounds_lh) if rounds_lh else None
    print("load ...", flush=True)
    results["load"] = load_times(levels, limit_s=240)
    if not args.quick:  # as deployed: the largest level and the stress level through nginx
        deployed = [(max(counts), args.think), (args.stress, 0.0)]
        results["load"] += load_times(deployed, limit_s=240, route="nginx")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report = write_report(results)
    (out / "RESULTS.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
