"""The figures of benchmarks/load.py: targets, verdicts, the machine's CPU meter and the tables."""

from __future__ import annotations

import argparse
import math
import statistics
from collections import Counter
from pathlib import Path

from benchmarks import report
from benchmarks.harness import p95

CPU_TARGET = 1.2  # server CPU per click, ours/floor, at every number of visitors
SHOWN_ERRORS = 6  # distinct errors listed per app and number of visitors


def counts(text: str) -> tuple[int, ...]:
    """Parse "1,4,8,16" into visitor counts (an argparse type)."""
    try:
        values = tuple(int(part) for part in text.split(","))
    except ValueError:
        values = ()
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(
            f"Expected positive whole numbers separated by commas, instead got: {text!r}.")
    return values


def median_target(visitors: int) -> float | None:
    """Return the click median's target, ours/floor, at this many visitors (None below 4:
    one visitor's target is benchmarks/page.py's)."""
    if visitors < 4:
        return None
    return 1.15 if visitors < 16 else 1.3


def cpu_fields(text: str) -> tuple[int, int]:
    """Return (busy, total) clock ticks of all CPUs from the text of /proc/stat."""
    for line in text.splitlines():
        if line.startswith("cpu "):
            ticks = [int(value) for value in line.split()[1:9]]  # user … steal
            if len(ticks) < 5:
                break
            return sum(ticks) - ticks[3] - ticks[4], sum(ticks)  # less idle and iowait
    raise ValueError(f"Expected a 'cpu ' line of at least 5 numbers in /proc/stat, got: "
                     f"{text[:200]!r}.")


def cpu_times() -> tuple[int, int]:
    """Return the machine's (busy, total) CPU clock ticks so far."""
    return cpu_fields(Path("/proc/stat").read_text())


def busy_share(before: tuple[int, int], after: tuple[int, int]) -> float | None:
    """Return the share of the machine's CPU time that was busy between two readings."""
    total = after[1] - before[1]
    return (after[0] - before[0]) / total if total > 0 else None


def per(amount: float, count: int) -> float | None:
    """Return amount / count, or None when there is nothing to divide by."""
    return amount / count if count else None


def ratio(ours: float | None, floor: float | None) -> float | None:
    """Return ours / floor, or None when either is missing (or the floor is zero)."""
    if ours is None or floor is None or not floor or math.isnan(ours) or math.isnan(floor):
        return None
    return ours / floor


def verdict(value: float | None, limit: float | None) -> str:
    """Return "met", "MISSED", or "" when there is no target or no figure."""
    if limit is None or value is None:
        return ""
    return "met" if value <= limit else "MISSED"


def ms(value: float | None) -> str:
    """Format milliseconds (or a missing figure)."""
    return "—" if value is None or math.isnan(value) else f"{value:,.0f} ms"


def times(value: float | None) -> str:
    """Format a ratio (or a missing one)."""
    return "—" if value is None else f"{value:.2f}×"


def median(values: list[float]) -> float | None:
    """Return the median, or None for no values."""
    return statistics.median(values) if values else None


def progress(visitors: int, ours: dict, floor: dict) -> str:
    """Return one line of the figures at this many visitors, printed as the run goes."""
    return (f"{visitors} visitors: click median ours {ms(median(ours['latencies']))}, floor "
            f"{ms(median(floor['latencies']))}; errors ours {len(ours['errors'])}, floor "
            f"{len(floor['errors'])}")


def figure_rows(visitors: int, name: str, one: dict) -> str:
    """Return one app's row of the figures table."""
    cpu_click, cpu_open, cpu_client = one["cpu_click"], one["cpu_open"], one["cpu_client"]
    busy = "—" if one["busy"] is None else f"{one['busy']:.0%}"
    return (f"| {visitors} | {name} | {len(one['latencies'])} / {one['made']} "
            f"| {len(one['errors'])} | {ms(median(one['latencies']))} "
            f"| {ms(p95(one['latencies']) if one['latencies'] else None)} "
            f"| {ms(None if cpu_click is None else cpu_click * 1000)} "
            f"| {ms(None if cpu_open is None else cpu_open * 1000)} "
            f"| {ms(one['opened'])} | {one['memory']:,.0f} MB "
            f"| {ms(None if cpu_client is None else cpu_client * 1000)} | {busy} |")


def ratio_row(visitors: int, ours: dict, floor: dict) -> str:
    """Return the ratios ours/floor at this many visitors, with targets and verdicts."""
    click = ratio(median(ours["latencies"]), median(floor["latencies"]))
    spread = "—"
    if ours["latencies"] and floor["latencies"]:
        low, high = report.ratio_interval(ours["latencies"], floor["latencies"])
        spread = f"{low:.2f}–{high:.2f}"
    tail = ratio(p95(ours["latencies"]), p95(floor["latencies"])) if ours["latencies"] and \
        floor["latencies"] else None
    cpu = ratio(ours["cpu_click"], floor["cpu_click"])
    target = median_target(visitors)
    errors = len(ours["errors"])
    return (f"| {visitors} | {times(click)} | {spread} "
            f"| {'—' if target is None else f'≤ {target:.2f}×'} | {verdict(click, target)} "
            f"| {times(tail)} | {times(cpu)} | ≤ {CPU_TARGET:.1f}× | {verdict(cpu, CPU_TARGET)} "
            f"| {times(ratio(ours['memory'], floor['memory']))} "
            f"| {errors} ({len(floor['errors'])}) | 0 | {'met' if errors == 0 else 'MISSED'} |")


def error_lines(figures: dict[int, dict[Path, dict]], names: dict[Path, str]) -> list[str]:
    """Return the distinct errors, counted, per number of visitors and app."""
    lines = []
    for visitors, apps in figures.items():
        for app, one in apps.items():
            counted = Counter(one["errors"]).most_common()
            for error, count in counted[:SHOWN_ERRORS]:
                lines.append(f"- {visitors} visitors, {names[app]}: {error} (×{count})")
            if len(counted) > SHOWN_ERRORS:
                lines.append(f"- {visitors} visitors, {names[app]}: "
                             f"{len(counted) - SHOWN_ERRORS} more kinds of error")
    return lines


def table(figures: dict[int, dict[Path, dict]], app: Path, floor: Path,
          args: argparse.Namespace, loads: list[tuple[float, float, float]],
          our_codes: tuple[str, ...], floor_codes: list[str]) -> str:
    """Return the figures and the ratios ours/floor for every number of visitors."""
    names = {app: "ours", floor: "floor"}
    lines = [
        "| visitors | app | clicks timed / made | errors | click → pane, median | p95 "
        "| server CPU per click | server CPU per page opened | page opened → map drawn, "
        "median | server peak memory | browsers' CPU per click | machine CPU busy during "
        "clicks |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for visitors, apps in figures.items():
        lines += [figure_rows(visitors, names[one], apps[one]) for one in (app, floor)]
    lines += [
        "",
        "| visitors | click median ours/floor | 95% interval | target | | p95 ours/floor "
        "| server CPU per click ours/floor | target | | peak memory ours/floor "
        "| errors ours (floor) | target | |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [ratio_row(visitors, apps[app], apps[floor]) for visitors, apps in figures.items()]
    errors = error_lines(figures, names)
    if errors:
        lines += ["", "Errors:", *errors]
    before, after = loads
    lines += ["", notes(args, floor, our_codes, floor_codes, loads)]
    return "\n".join(lines)


def notes(args: argparse.Namespace, floor: Path, our_codes: tuple[str, ...],
          floor_codes: list[str], loads: list[tuple[float, float, float]]) -> str:
    """Return how the figures were taken, and the machine's load average before and after."""
    before, after = loads
    browsers = "one Chromium each" if args.browsers == "own" else "one Chromium shared by all"
    opening = (f"{args.opening} at a time" if args.opening else "all at once")
    return (
        f"Ours: dashboard/app.py on its first seed, default view, clicks over "
        f"{', '.join(our_codes)}; floor: benchmarks/apps/{floor.name} (floor_app.py's one "
        f"GeoJson layer of {', '.join(floor_codes)}, plus one checkbox, one radio and one "
        f"button), clicks over its three countries. For each number of visitors N: a fresh "
        f"server for each app, both running, each warmed by one untimed visitor with 2 clicks; "
        f"then {args.rounds} rounds per app, the apps taking turns (ours first in odd rounds, "
        f"the floor in even ones). A round: N visitors, each its own browser context "
        f"({browsers}, headless, 1280×900), open the page ({opening}); once all have the map "
        f"drawn, all click at once, each {args.clicks} countries in turn from its own "
        f"starting point, waiting after each click until its page's websocket is quiet for "
        f"0.5 s. A click is timed in the browser from the mousedown in the map's iframe to the "
        f"pane showing the country's name (st_folium's 250 ms debounce included); the "
        f"interval is a 95% bootstrap interval of the ratio of medians, each app's clicks "
        f"resampled. Errors: a page that did not open (map drawn within 60 s), a click whose "
        f"pane did not show the name within {args.click_timeout:.0f} s, an exception box, a "
        f"console or page error, a failed request or an HTTP error. Server CPU: utime + stime "
        f"of the server's process group (with the children it reaped) from /proc, between "
        f"the moment all visitors had the map drawn and the moment all had clicked, divided "
        f"by the clicks made; per page opened likewise, from before the first visitor opened "
        f"the page. Browsers' CPU: the same for this process and its descendants but the "
        f"servers (Playwright's drivers and Chromium). Peak memory: the server's VmHWM after "
        f"all rounds at that N. Machine CPU busy: the share of all cores' time not idle while "
        f"the visitors clicked (at 100% the times measure the machine's queue as much as the "
        f"page). Load average (1, 5, 15 min) before the run: "
        f"{before[0]:.2f}, {before[1]:.2f}, {before[2]:.2f}; after it: "
        f"{after[0]:.2f}, {after[1]:.2f}, {after[2]:.2f}."
    )
