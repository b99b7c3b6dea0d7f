"""The desk page in a real browser at N articles, beside the one-article page: first map drawn,
a click on a country to its passages, a date window dragged on the timeline to the new map, and
the server's memory.

Usage: python benchmarks/deskpage.py [CORPUS.xml] [--articles 10000] [--visits 7] [--clicks 20]
                                     [--windows 10] [--data DIR] [--results benchmarks/RESULTS.md]

--data keeps the built desk in DIR (and reuses it when it holds the articles already).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from benchmarks.desk import CORPUS, corpus_texts, timed_ingest, variant, write_markdown  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    FIND_POINT,
    LOAD_TIMEOUT,
    VIEWPORT,
    map_frame,
    new_page,
    opened,
    p95,
    peak_rss_mb,
)
from dashboard.core import store as desks  # noqa: E402
from dashboard.core.geoparse import default_gazetteer  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, CHROMIUM_PATH, start_streamlit  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
TARGETS = (("NER", "Niger"), ("MLI", "Mali"), ("NGA", "Nigeria"), ("FRA", "France"),
           ("RUS", "Russia"), ("TCD", "Chad"), ("SEN", "Senegal"), ("CHN", "China"),
           ("BFA", "Burkina Faso"), ("DZA", "Algeria"))
FIRST_MAP_EXTRA = 1.5  # s: the desk's first map within this of the one-article page's
CLICK_MEDIAN, CLICK_P95, WINDOW_MS, MEMORY_MB = 500, 800, 1000, 500
TIMEOUT = 20_000  # ms, for one click or one window change

# The pane shows the clicked place with its passages, and nothing on the page is stale (the
# run that answered the click has finished drawing): then the reader has what they asked for.
PASSAGES_SHOWN = """(name) => {
  const pane = document.querySelector('#reading-pane');
  if (!pane || pane.textContent.trim() !== name) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  return document.querySelector('.passage mark.sel') !== null;
}"""
# In the map's frame: mark every shape drawn so far, so a new one can be told from them.
MARK_SHAPES = "() => document.querySelectorAll('path.leaflet-interactive')" \
              ".forEach(p => { p.__old = true; })"
NEW_SHAPES = "() => [...document.querySelectorAll('path.leaflet-interactive')]" \
             ".some(p => !p.__old)"


def build_desk(data: Path, articles: int, corpus: Path) -> int:
    """Fill a desk at data with the benchmark's articles unless it holds them; return how many
    articles it holds."""
    store = desks.open_store(data)
    held = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    store.close()
    if held >= articles:
        return held
    texts = corpus_texts(corpus)
    with tempfile.TemporaryDirectory(prefix="deskpage-") as temp:
        write_markdown(Path(temp) / "articles", [variant(texts, n) for n in range(articles)])
        default_gazetteer()
        run = timed_ingest(Path(temp) / "articles", data, 2)
        run.store.close()
        return held + run.added


def first_map(browser, url: str) -> float:
    """Open the page in a fresh context; return seconds until its map has drawn its shapes."""
    context, page, _ = new_page(browser)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT)
        map_frame(page)
        return time.perf_counter() - start
    finally:
        context.close()


def visits(browser, urls: dict[str, str], rounds: int) -> dict[str, list[float]]:
    """Open each page in turn, rounds times; return seconds to the first map, per page."""
    found: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(rounds):
        for name, url in urls.items():
            found[name].append(first_map(browser, url))
    return found


def click_times(browser, url: str, count: int) -> tuple[list[float], list[str]]:
    """Click countries on the desk map in turn; return ms from the mousedown to the passages
    shown, and the problems met."""
    times: list[float] = []
    problems: list[str] = []
    with opened(browser, url) as (page, frame):
        page.wait_for_timeout(1000)
        for number in range(count):
            iso3, name = TARGETS[number % len(TARGETS)]
            point = frame.evaluate(FIND_POINT, iso3)
            if point is None:
                problems.append(f"{name}: no clickable point on the map")
                continue
            frame.locator(".leaflet-container").click(position=point)
            try:
                page.wait_for_function(PASSAGES_SHOWN, arg=name, timeout=TIMEOUT, polling=20)
            except Exception:  # noqa: BLE001  (a Playwright timeout: noted as a problem)
                problems.append(f"click {number + 1} on {name}: no passages in {TIMEOUT} ms")
                continue
            now = page.evaluate("() => performance.timeOrigin + performance.now()")
            times.append(now - frame.evaluate("() => window.__clickAt"))
    return times, problems


def drag_window(page, number: int) -> None:
    """Drag a window over the timeline, a different span each time, each begun outside the
    last (a drag inside a window moves it instead)."""
    chart = page.get_by_test_id("stVegaLiteChart").first.bounding_box()
    y = chart["y"] + chart["height"] * 0.4
    left = (0.08, 0.55)[number % 2] + 0.03 * (number // 2 % 4)
    page.mouse.move(chart["x"] + chart["width"] * left, y)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * (left + 0.2), y, steps=6)
    page.mouse.up()


def window_times(browser, url: str, count: int) -> tuple[list[float], list[str]]:
    """Drag date windows on the timeline; return ms from the mouse up to new shapes on the
    same map, and the problems met."""
    times: list[float] = []
    problems: list[str] = []
    with opened(browser, url) as (page, frame):
        page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=LOAD_TIMEOUT)
        page.wait_for_timeout(1500)
        for number in range(count):
            frame.evaluate(MARK_SHAPES)
            drag_window(page, number)
            start = time.perf_counter()
            try:
                frame.wait_for_function(NEW_SHAPES, timeout=TIMEOUT, polling=20)
            except Exception:  # noqa: BLE001
                problems.append(f"window {number + 1}: the map did not change in {TIMEOUT} ms")
                continue
            times.append((time.perf_counter() - start) * 1000)
            page.wait_for_timeout(800)  # the run that drew it finishes
    return times, problems


def measure(data: Path, one: Path, args: argparse.Namespace) -> str:
    """Start both servers, measure in a browser, and return the figures as Markdown."""
    from playwright.sync_api import sync_playwright

    servers = {"desk": start_streamlit(APP, env={"SAHEL_DATA_DIR": str(data)}),
               "one article": start_streamlit(APP, env={"SAHEL_DATA_DIR": str(one)})}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH,
                                                 args=CHROMIUM_ARGS, headless=True)
            urls = {name: server.url for name, server in servers.items()}
            cold = {name: first_map(browser, url) for name, url in urls.items()}
            warm = visits(browser, urls, args.visits)
            clicks, click_problems = click_times(browser, urls["desk"], args.clicks)
            windows, window_problems = window_times(browser, urls["desk"], args.windows)
            browser.close()
        memory = {name: peak_rss_mb(server.process.pid) for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()
    return figures(cold, warm, clicks, windows, memory, click_problems + window_problems, args)


def verdict(met: bool) -> str:
    """Say whether a target was met."""
    return "met" if met else "MISSED"


def figures(cold: dict[str, float], warm: dict[str, list[float]], clicks: list[float],
            windows: list[float], memory: dict[str, float], problems: list[str],
            args: argparse.Namespace) -> str:
    """Return the measurements beside their targets, as Markdown."""
    median = {name: statistics.median(times) for name, times in warm.items()}
    extra = median["desk"] - median["one article"]
    lines = [
        f"A desk of {args.held:,} articles (benchmarks/desk.py's articles) beside a server "
        f"whose desk holds the seed only (the one-article page); Chromium {VIEWPORT['width']}×"
        f"{VIEWPORT['height']}, a fresh context per visit, the two pages taking turns.",
        "",
        "| page | first visit after start | later visits: median | p95 | server peak RSS |",
        "|---|---|---|---|---|",
        *(f"| {name} | {cold[name]:.2f} s | {median[name]:.2f} s | {p95(warm[name]):.2f} s | "
          f"{memory[name]:.0f} MB |" for name in warm),
        "",
        f"- First map: the desk's median is {extra:+.2f} s from the one-article page's (target "
        f"within +{FIRST_MAP_EXTRA} s: {verdict(extra <= FIRST_MAP_EXTRA)}).",
    ]
    if clicks:
        lines.append(
            f"- Click on a country to its passages shown ({len(clicks)} clicks over "
            f"{len(TARGETS)} countries): median {statistics.median(clicks):.0f} ms (target ≤ "
            f"{CLICK_MEDIAN}: {verdict(statistics.median(clicks) <= CLICK_MEDIAN)}), p95 "
            f"{p95(clicks):.0f} ms (target ≤ {CLICK_P95}: {verdict(p95(clicks) <= CLICK_P95)}).")
    if windows:
        lines.append(
            f"- A date window dragged on the timeline to new shapes on the same map "
            f"({len(windows)} windows): median {statistics.median(windows):.0f} ms, slowest "
            f"{max(windows):.0f} ms (target ≤ {WINDOW_MS}: "
            f"{verdict(max(windows) <= WINDOW_MS)}).")
    lines.append(f"- Server memory at {args.held:,} articles: {memory['desk']:.0f} MB peak RSS "
                 f"(target ≤ {MEMORY_MB}: {verdict(memory['desk'] <= MEMORY_MB)}); the "
                 f"one-article server {memory['one article']:.0f} MB.")
    lines += [f"- Problem: {problem}" for problem in problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the desk, measure the page, print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, metavar="CORPUS")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=7)
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--windows", type=int, default=10)
    parser.add_argument("--data", type=Path, help="where the desk is built and kept")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file.", file=sys.stderr)
        return 1
    if min(args.articles, args.visits, args.clicks, args.windows) < 1:
        print("error: --articles, --visits, --clicks and --windows must be 1 or more.",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="deskpage-") as temp:
        data = args.data or Path(temp) / "desk"
        args.held = build_desk(data, args.articles, args.corpus)
        body = measure(data, Path(temp) / "one", args)
    print(body)
    report.record(args.results, "Desk page", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
