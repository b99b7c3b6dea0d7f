"""The page in a real browser beside the floor (a one-layer map on the same stack).

Usage: python benchmarks/page.py [--clicks 20] [--visits 20] [--fresh 9]
                                [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402  (the harness reports a failed start with pytest.fail)

from benchmarks import report  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    CLICK_TIMEOUT,
    LOAD_TIMEOUT,
    VIEWPORT,
    aim,
    click_and_time,
    map_frame,
    new_page,
    p95,
    peak_rss_mb,
)
from tests.browser.conftest import CHROMIUM_ARGS, CHROMIUM_PATH, start_streamlit  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
FLOOR = ROOT / "benchmarks" / "apps" / "floor_app.py"
OUR_TARGETS = ("NER", "MLI", "BFA", "RUS", "FRA", "SRB", "TUR", "IRN")
FLOOR_TARGETS = (("NER", "Niger"), ("MLI", "Mali"), ("BFA", "Burkina Faso"))
MAP_MARK = b"L.map("  # folium's map constructor: the frame carrying the map's script

def visit(browser, url: str) -> tuple[float, int, int]:
    """Load the page in a fresh context; return seconds to the map drawn and the map's bytes."""
    context, page, traffic = new_page(browser)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT)
        map_frame(page)
        elapsed = time.perf_counter() - start
        traffic.wait_quiet(page)
        carrying = sum(len(f) for f in traffic.frames if MAP_MARK in f)
        return elapsed, carrying, traffic.received
    finally:
        context.close()


def clicks(
    browser, url: str, targets: list[tuple[str, str]], selector: str, count: int
) -> tuple[list[float], list[int], list[int], list[str]]:
    """Click countries in turn; return latencies (ms), bytes and map sends per click, problems."""
    context, page, traffic = new_page(browser)
    latencies: list[float] = []
    sizes: list[int] = []
    maps: list[int] = []
    problems: list[str] = []
    try:
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT)
        map_frame(page)
        traffic.wait_quiet(page)
        for number in range(count):
            iso3, name = targets[number % len(targets)]
            aimed = aim(page, iso3, selector, name)
            if aimed is None:
                problems.append(f"{iso3}: no clickable point on the map")
                continue
            before, frames = traffic.total(), len(traffic.frames)
            latency = click_and_time(page, *aimed)
            if latency is None:
                problems.append(
                    f"click {number + 1} on {name}: pane not updated in "
                    f"{CLICK_TIMEOUT / 1000:.0f} s"
                )
                traffic.wait_quiet(page)
                continue
            latencies.append(latency)
            traffic.wait_quiet(page)
            sizes.append(traffic.total() - before)
            maps.append(sum(MAP_MARK in f for f in traffic.frames[frames:]))
    finally:
        context.close()
    return latencies, sizes, maps, problems


def fresh_first_visit(browser, app: Path) -> float:
    """Start a fresh server for app, open the page once, and return seconds to the map drawn."""
    server = start_streamlit(app)
    try:
        return visit(browser, server.url)[0]
    finally:
        server.stop()


def first_visits(browser, apps: tuple[Path, ...], rounds: int) -> dict[Path, list[float]]:
    """Time first visits on fresh servers, the apps taking turns (so drift hits both alike)."""
    times: dict[Path, list[float]] = {app: [] for app in apps}
    for _ in range(rounds):
        for app in apps:
            times[app].append(fresh_first_visit(browser, app))
    return times


def later_visits(browser, urls: dict[Path, str], visits: int) -> dict[Path, list[float]]:
    """Time later visits (ms), the apps taking turns (so drift hits both alike)."""
    times: dict[Path, list[float]] = {app: [] for app in urls}
    for _ in range(visits):
        for app, url in urls.items():
            times[app].append(visit(browser, url)[0] * 1000)
    return times


def measure(
    browser, pages: dict[Path, tuple[list[tuple[str, str]], str]], visits: int, count: int
) -> dict[Path, dict]:
    """Start a fresh server for each app (targets and pane selector) and take every figure."""
    servers = {app: start_streamlit(app) for app in pages}
    try:
        firsts = {app: visit(browser, server.url) for app, server in servers.items()}
        later = later_visits(browser, {app: s.url for app, s in servers.items()}, visits)
        figures = {}
        for app, (targets, selector) in pages.items():
            latencies, sizes, maps, problems = clicks(browser, servers[app].url, targets,
                                                      selector, count)
            _, payload, first_bytes = firsts[app]
            figures[app] = {
                "later": statistics.median(later[app]),
                "laters": later[app],
                "click_median": statistics.median(latencies) if latencies else float("nan"),
                "click_p95": p95(latencies),
                "clicks": len(latencies),
                "click_bytes": statistics.median(sizes) / 1000 if sizes else float("nan"),
                "click_maps": statistics.median(maps) if maps else float("nan"),
                "payload": payload / 1000,
                "first_bytes": first_bytes / 1000,
                "problems": problems,
            }
        for app, server in servers.items():
            figures[app]["memory"] = peak_rss_mb(server.process.pid)
    finally:
        for server in servers.values():
            server.stop()
    return figures


def our_targets(codes: tuple[str, ...] = OUR_TARGETS) -> list[tuple[str, str]]:
    """Return (ISO3, name shown in the reading pane) of the countries clicked on our page."""
    from dashboard.core.geoparse import default_gazetteer

    gaz = default_gazetteer()
    return [(iso3, gaz.place(iso3).name) for iso3 in codes]


def table(ours: dict, floor: dict, visits: int, count: int, fresh: int) -> str:
    """Return the figures, side by side, with the ratio and the target."""
    rows = [
        (
            f"first visit on a fresh server: goto → map drawn (median of {fresh} servers)",
            "first",
            "ms",
            lambda o, f: o <= 1.25 * f,
            "within 25% of the floor",
        ),
        (
            f"later visits (median of {visits}, new contexts)",
            "later",
            "ms",
            lambda o, f: o <= 1.25 * f,
            "within 25% of the floor",
        ),
        (
            f"click → pane shows the name, median ({count} clicks)",
            "click_median",
            "ms",
            lambda o, f: o <= 1.15 * f,
            "within 15% of the floor",
        ),
        (
            "click → pane shows the name, 95th percentile",
            "click_p95",
            "ms",
            lambda o, f: o < 700,
            "< 700 ms",
        ),
        ("websocket bytes per click, median (sent + received)", "click_bytes", "kB", None, ""),
        ("frames carrying the map script per click, median", "click_maps", "", None, ""),
        (
            "map payload: received frames carrying the map script",
            "payload",
            "kB",
            lambda o, f: o < 600,
            "< 600 KB",
        ),
        ("all websocket bytes received on the first visit", "first_bytes", "kB", None, ""),
        ("server peak memory (VmHWM)", "memory", "MB", lambda o, f: o < 400, "< 400 MB"),
    ]
    lines = ["| figure | ours | floor | ours/floor | target | |", "|---|---|---|---|---|---|"]
    for label, key, unit, check, target in rows:
        o, f = ours[key], floor[key]
        ratio = f"{o / f:.2f}" if f else "—"
        verdict = "" if check is None else "met" if check(o, f) else "MISSED"
        lines.append(
            f"| {label} | {o:,.0f} {unit} | {f:,.0f} {unit} | {ratio} | {target} "
            f"| {verdict} |".replace("  |", " |")
        )
    spread = {name: report.ratio_interval(ours[key], floor[key])
              for name, key in (("first visits", "firsts"), ("later visits", "laters"))}
    lines.append("\nHow sure the visit ratios are (95% bootstrap interval of the ratio of "
                 "medians, each page's times resampled): "
                 + "; ".join(f"{name} {low:.2f}–{high:.2f}" for name, (low, high) in spread.items())
                 + ".")
    for name, figures in (("ours", ours), ("floor", floor)):
        for problem in figures["problems"]:
            lines.append(f"\n{name}: {problem}")
    lines.append(
        f"\nOurs: dashboard/app.py on its first seed, default view; floor: "
        f"benchmarks/apps/floor_app.py (one GeoJson layer, 3 countries). First visits: "
        f"{fresh} fresh servers per app, the apps taking turns (ours "
        f"{', '.join(f'{t:,.0f}' for t in ours['firsts'])} ms; floor "
        f"{', '.join(f'{t:,.0f}' for t in floor['firsts'])} ms). The other figures: one "
        f"more fresh server per app, both running, later visits taking turns as first visits "
        f"do; Chromium headless, "
        f"{VIEWPORT['width']}×{VIEWPORT['height']}. "
        f"Clicks: ours {ours['clicks']} over {', '.join(OUR_TARGETS)}; floor {floor['clicks']} "
        f"over {', '.join(i for i, _ in FLOOR_TARGETS)}; timed in the browser from the "
        f"mousedown in the map's iframe to the pane's heading (ours) or #picked (floor) showing "
        f"the name (includes st_folium's 250 ms debounce). The map payload is measured on the "
        f"wire: the websocket frames received on the first visit that contain the map script "
        f"({MAP_MARK.decode()})."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure both pages and print (and record) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--visits", type=int, default=20)
    parser.add_argument("--fresh", type=int, default=9, help="fresh servers for first visits")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM_PATH).is_file():
        print(f"error: no Chromium at {CHROMIUM_PATH} (set CHROMIUM_PATH).", file=sys.stderr)
        return 1
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
            )
            try:
                pages = {APP: (our_targets(), "h1, h2, h3"),
                         FLOOR: (list(FLOOR_TARGETS), "#picked")}
                figures = measure(browser, pages, args.visits, args.clicks)
                ours, floor = figures[APP], figures[FLOOR]
                firsts = first_visits(browser, (APP, FLOOR), max(args.fresh, 1))
            finally:
                browser.close()
    except pytest.fail.Exception as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for figures, app in ((ours, APP), (floor, FLOOR)):
        figures["firsts"] = [t * 1000 for t in firsts[app]]
        figures["first"] = statistics.median(figures["firsts"])
    text = table(ours, floor, args.visits, args.clicks, args.fresh)
    print(text)
    report.record(args.results, "Page", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
