"""Many visitors at once: the page beside the floor with its widget types, in the same run.

Usage: python benchmarks/load.py [--visitors 1,4,8,16] [--clicks 10] [--rounds 2]
                                [--browsers own|shared] [--opening 2] [--click-timeout 10]
                                [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402  (the harness reports a failed start with pytest.fail)

from benchmarks import harness, loadreport, report  # noqa: E402
from benchmarks.page import APP, FLOOR_TARGETS, OUR_TARGETS, our_targets  # noqa: E402
from tests.browser import conftest  # noqa: E402  (the real-browser harness)

FLOOR = ROOT / "benchmarks" / "apps" / "floor_widgets_app.py"
# Ours: page.py's countries and two more of the Sahel the first seed's map draws in view.
OUR_CODES = (*OUR_TARGETS, "NGA", "MRT")
EXCEPTION_BOX = '[data-testid="stException"]'
GATE_TIMEOUT = 900  # s: a visitor that never reaches a gate breaks it for all (an error each)


@dataclass
class Job:
    """What every visitor of one round does, and the gates they pass together."""

    url: str
    targets: list[tuple[str, str]]
    selector: str
    clicks: int
    connect: object  # playwright → Browser
    timeout: float = harness.CLICK_TIMEOUT  # ms, per click
    opening: int = 2  # visitors opening the page at a time (0: all at once)
    gates: list[threading.Barrier] = field(default_factory=list)
    turns: threading.Semaphore | None = None


@dataclass
class Visit:
    """One visitor's outcome: click latencies (ms), clicks made, time to the map, errors."""

    latencies: list[float] = field(default_factory=list)
    made: int = 0
    opened: float | None = None
    errors: list[str] = field(default_factory=list)


def gate(job: Job, number: int, visit: Visit) -> None:
    """Wait until every visitor of the round is here (the last one in reads the meters)."""
    try:
        job.gates[number].wait(GATE_TIMEOUT)
    except threading.BrokenBarrierError:
        visit.errors.append(f"gate {number}: another visitor never came (broken barrier)")


def open_page(page, traffic, job: Job, visit: Visit) -> bool:
    """Open the page (when its turn comes) until its map is drawn; note the time or the error."""
    try:
        with job.turns or contextlib.nullcontext():
            page.goto(job.url, wait_until="commit")
            harness.map_frame(page)
            visit.opened = page.evaluate("() => performance.now()")  # ms since the navigation
            traffic.wait_quiet(page)
    except Exception as error:  # noqa: BLE001  (a Playwright error is this visitor's error)
        visit.errors.append(f"page did not open: {str(error).splitlines()[0]}")
        return False
    return True


def click_through(page, traffic, job: Job, offset: int, visit: Visit) -> None:
    """Click the targets in turn, from the visitor's own offset; time each or note why not."""
    for number in range(job.clicks):
        iso3, name = job.targets[(offset + number) % len(job.targets)]
        try:
            aimed = harness.aim(page, iso3, job.selector, name)
            if aimed is None:
                visit.errors.append(f"{iso3}: no clickable point on the map")
                continue
            visit.made += 1
            latency = harness.click_and_time(page, *aimed, job.timeout)
            traffic.wait_quiet(page)  # the click's run has ended (or 5 s have passed)
            boxes = page.locator(EXCEPTION_BOX).count()
        except Exception as error:  # noqa: BLE001  (a Playwright error is this visitor's error)
            visit.errors.append(f"click on {name}: {str(error).splitlines()[0]}")
            continue
        if latency is None:
            visit.errors.append(f"click on {name}: pane not updated in "
                                f"{job.timeout / 1000:.0f} s")
        else:
            visit.latencies.append(latency)
        if boxes:
            visit.errors.append(f"click on {name}: an exception box on the page")


def visitor(job: Job, offset: int) -> Visit:
    """Be one visitor: a browser context of its own; open the page, then click, in step."""
    from playwright.sync_api import sync_playwright

    visit, log, page = Visit(), conftest.PageLog(), None
    with sync_playwright() as playwright:
        try:
            browser = job.connect(playwright)
            context, page, traffic = harness.new_page(browser)
            conftest.record(page, log)
        except Exception as error:  # noqa: BLE001
            visit.errors.append(f"no browser: {str(error).splitlines()[0]}")
        gate(job, 0, visit)
        opened = page is not None and open_page(page, traffic, job, visit)
        gate(job, 1, visit)
        if opened:
            click_through(page, traffic, job, offset, visit)
        gate(job, 2, visit)
        try:
            if opened and page.locator(EXCEPTION_BOX).count():
                visit.errors.append("an exception box on the page at the end")
            if page is not None:
                context.close()
                browser.close()
        except Exception as error:  # noqa: BLE001
            visit.errors.append(f"closing: {str(error).splitlines()[0]}")
    visit.errors += [f"{kind}: {item}" for kind, items in log.problems().items()
                     for item in items if kind != "external_requests"]
    return visit


def run_round(job: Job, visitors: int, server, servers: set[int]) -> dict:
    """Run one round of visitors on a server; return its visits, the CPU seconds the server
    and the browsers (this process and its descendants but the servers) used, and the share
    of the machine's CPU that was busy while they clicked."""
    meters: list[tuple[float, float, tuple[int, int]]] = []

    def read() -> None:
        table = harness.process_table()
        meters.append((harness.group_seconds(table, server.process.pid),
                       harness.tree_seconds(table, os.getpid(), servers),
                       loadreport.cpu_times()))

    job.gates = [threading.Barrier(visitors, action=read) for _ in range(3)]
    job.turns = threading.Semaphore(job.opening) if job.opening else None
    with ThreadPoolExecutor(max_workers=visitors) as pool:
        visits = list(pool.map(lambda offset: visitor(job, offset), range(visitors)))
    if len(meters) < 3:  # a gate broke: no CPU figures for this round
        return {"visits": visits, "open_cpu": None, "click_cpu": None, "client_cpu": None,
                "busy": None}
    return {
        "visits": visits,
        "open_cpu": meters[1][0] - meters[0][0],
        "click_cpu": meters[2][0] - meters[1][0],
        "client_cpu": meters[2][1] - meters[1][1],
        "busy": loadreport.busy_share(meters[1][2], meters[2][2]),
    }


@contextlib.contextmanager
def browsers(mode: str) -> Iterator:
    """Yield how a visitor gets its browser: a Chromium launched for it ("own"), or a
    connection to one Chromium shared by all, running meanwhile ("shared")."""
    if mode == "own":
        yield lambda playwright: playwright.chromium.launch(
            executable_path=conftest.CHROMIUM_PATH, args=conftest.CHROMIUM_ARGS, headless=True)
        return
    from playwright.sync_api import sync_playwright

    port = conftest.free_port()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=conftest.CHROMIUM_PATH, headless=True,
            args=[*conftest.CHROMIUM_ARGS, f"--remote-debugging-port={port}"])
        try:
            yield lambda visitor: visitor.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        finally:
            browser.close()


def measure_n(visitors: int, pages: dict, args, connect) -> dict[Path, dict]:
    """Start fresh servers for both apps, warm each with one visit, then run the rounds, the
    apps taking turns (ours first in odd rounds, the floor first in even ones)."""
    servers = {app: conftest.start_streamlit(app) for app in pages}
    try:
        pids = {server.process.pid for server in servers.values()}
        jobs = {app: Job(servers[app].url, targets, selector, args.clicks, connect,
                         args.click_timeout * 1000, args.opening)
                for app, (targets, selector) in pages.items()}
        for app, job in jobs.items():  # untimed: caches filled, first-run imports done
            run_round(replace(job, clicks=2), 1, servers[app], pids)
        rounds: dict[Path, list[dict]] = {app: [] for app in pages}
        order = list(pages)
        for number in range(args.rounds):
            for app in order if number % 2 == 0 else order[::-1]:
                rounds[app].append(run_round(jobs[app], visitors, servers[app], pids))
        return {app: summarise(rounds[app], harness.peak_rss_mb(servers[app].process.pid))
                for app in pages}
    finally:
        for server in servers.values():
            server.stop()


def summarise(rounds: list[dict], memory: float) -> dict:
    """Pool one app's rounds at one number of visitors into its figures."""
    visits = [visit for one in rounds for visit in one["visits"]]
    latencies = [ms for visit in visits for ms in visit.latencies]
    made = sum(visit.made for visit in visits)
    opened = [visit.opened for visit in visits if visit.opened is not None]
    measured = [one for one in rounds if one["click_cpu"] is not None]
    return {
        "latencies": latencies,
        "errors": [error for visit in visits for error in visit.errors],
        "made": made,
        "cpu_click": loadreport.per(sum(one["click_cpu"] for one in measured),
                                    sum(sum(v.made for v in one["visits"]) for one in measured)),
        "cpu_client": loadreport.per(sum(one["client_cpu"] for one in measured),
                                     sum(sum(v.made for v in one["visits"]) for one in measured)),
        "cpu_open": loadreport.per(sum(one["open_cpu"] for one in measured),
                                   sum(len(one["visits"]) for one in measured)),
        "busy": statistics.median(one["busy"] for one in measured) if measured else None,
        "opened": statistics.median(opened) if opened else None,
        "memory": memory,
    }


def main(argv: list[str] | None = None) -> int:
    """Measure both apps under each number of visitors and print (and record) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=loadreport.counts, default=(1, 4, 8, 16),
                        help="numbers of concurrent visitors, comma-separated")
    parser.add_argument("--clicks", type=int, default=10, help="clicks per visitor")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per app and N")
    parser.add_argument("--browsers", choices=("shared", "own"), default="own",
                        help="one Chromium each visitor (faster here), or one for all")
    parser.add_argument("--opening", type=int, default=2,
                        help="visitors opening the page at a time (0: all at once)")
    parser.add_argument("--click-timeout", type=float, default=10,
                        help="seconds a click may take before it counts as an error")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    if not Path(conftest.CHROMIUM_PATH).is_file():
        print(f"error: no Chromium at {conftest.CHROMIUM_PATH} (set CHROMIUM_PATH).",
              file=sys.stderr)
        return 1
    pages = {APP: (our_targets(OUR_CODES), "h1, h2, h3"), FLOOR: (list(FLOOR_TARGETS), "#picked")}
    loads = [os.getloadavg()]
    figures: dict[int, dict[Path, dict]] = {}
    try:
        with browsers(args.browsers) as connect:
            for visitors in args.visitors:
                figures[visitors] = measure_n(visitors, pages, args, connect)
                print(loadreport.progress(visitors, figures[visitors][APP],
                                          figures[visitors][FLOOR]), flush=True)
    except pytest.fail.Exception as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    loads.append(os.getloadavg())
    text = loadreport.table(figures, APP, FLOOR, args, loads, OUR_CODES,
                            [iso3 for iso3, _ in FLOOR_TARGETS])
    print(text)
    report.record(args.results, "Load", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
