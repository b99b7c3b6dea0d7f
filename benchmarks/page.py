"""The page in a real browser beside the floor (a one-layer map on the same stack).

Usage: python benchmarks/page.py [--clicks 20] [--visits 20] [--fresh 9]
                                [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402  (the harness reports a failed start with pytest.fail)

from benchmarks import report  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    FOLIUM_IFRAME,
    is_local,
    start_streamlit,
)

APP = ROOT / "dashboard" / "app.py"
FLOOR = ROOT / "benchmarks" / "apps" / "floor_app.py"
OUR_TARGETS = ("NER", "MLI", "BFA", "RUS", "FRA", "SRB", "TUR", "IRN")
FLOOR_TARGETS = (("NER", "Niger"), ("MLI", "Mali"), ("BFA", "Burkina Faso"))
VIEWPORT = {"width": 1280, "height": 900}
LOAD_TIMEOUT = 60_000  # ms, per page load
CLICK_TIMEOUT = 10_000  # ms, per click
QUIET = 0.5  # s without websocket traffic that ends a click's exchange
QUIET_MAX = 5.0  # s, at most, waiting for that quiet
MAP_MARK = b"L.map("  # folium's map constructor: the frame carrying the map's script

# In the st_folium iframe: a point of the country's own polygon that a click would reach
# (not under a marker, the legend or the layer control), nearest the middle of its bounds.
FIND_POINT = """(iso3) => {
  const map = window.map, size = map.getSize();
  const box = map.getContainer().getBoundingClientRect();
  let best = null;
  map.eachLayer((layer) => {
    const props = layer.feature && layer.feature.properties;
    if (!layer._path || !props || props.select !== iso3) return;
    const b = layer.getBounds(), mid = map.latLngToContainerPoint(b.getCenter());
    for (let i = 1; i < 16; i++) for (let j = 1; j < 16; j++) {
      const lat = b.getSouth() + (b.getNorth() - b.getSouth()) * i / 16;
      const lng = b.getWest() + (b.getEast() - b.getWest()) * j / 16;
      const p = map.latLngToContainerPoint([lat, lng]);
      if (p.x < 12 || p.y < 12 || p.x > size.x - 12 || p.y > size.y - 12) continue;
      if (document.elementFromPoint(box.left + p.x, box.top + p.y) !== layer._path) continue;
      const d = Math.hypot(p.x - mid.x, p.y - mid.y);
      if (!best || d < best.d) best = {x: p.x, y: p.y, d: d};
    }
  });
  if (!window.__benchClicks) {
    window.__benchClicks = true;
    document.addEventListener("mousedown", () => {
      window.__clickAt = performance.timeOrigin + performance.now();
    }, true);
  }
  return best && {x: best.x, y: best.y};
}"""

# In the page: note the time the pane first shows the name (an element matching selector).
WATCH = """([selector, name]) => {
  window.__seenAt = null;
  const check = () => [...document.querySelectorAll(selector)]
    .some((e) => e.textContent.trim() === name);
  const seen = () => { window.__seenAt = performance.timeOrigin + performance.now(); };
  if (check()) { seen(); return; }
  const observer = new MutationObserver(() => {
    if (check()) { seen(); observer.disconnect(); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  window.__benchObserver = observer;
}"""


@dataclass
class Traffic:
    """Websocket frames of one page: running byte counts and the frames received."""

    sent: int = 0
    received: int = 0
    last: float = field(default_factory=time.monotonic)
    frames: list[bytes] = field(default_factory=list)

    def total(self) -> int:
        """Return the bytes sent plus received so far."""
        return self.sent + self.received

    def watch(self, page) -> None:
        """Count every websocket frame of the page."""

        def on_socket(ws) -> None:
            ws.on("framesent", lambda payload: self._count(payload, False))
            ws.on("framereceived", lambda payload: self._count(payload, True))

        page.on("websocket", on_socket)

    def _count(self, payload: str | bytes, received: bool) -> None:
        """Add one frame."""
        data = payload.encode("utf-8") if isinstance(payload, str) else payload
        if received:
            self.received += len(data)
            self.frames.append(data)
        else:
            self.sent += len(data)
        self.last = time.monotonic()

    def wait_quiet(self, page) -> None:
        """Wait (bounded) until no frame has come or gone for QUIET seconds."""
        deadline = time.monotonic() + QUIET_MAX
        while time.monotonic() - self.last < QUIET and time.monotonic() < deadline:
            page.wait_for_timeout(50)


def new_page(browser):
    """Return a fresh context's page (nothing cached), with requests off this machine aborted."""
    context = browser.new_context(viewport=VIEWPORT)
    context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    traffic = Traffic()
    traffic.watch(page)
    return context, page, traffic


def map_frame(page):
    """Wait until the st_folium map has drawn its shapes, and return its iframe's Frame."""
    iframe = page.locator(FOLIUM_IFRAME).first
    iframe.wait_for(state="attached", timeout=LOAD_TIMEOUT)
    frame = iframe.element_handle(timeout=LOAD_TIMEOUT).content_frame()
    frame.wait_for_selector(".leaflet-container", state="visible", timeout=LOAD_TIMEOUT)
    frame.wait_for_selector("path.leaflet-interactive", state="visible", timeout=LOAD_TIMEOUT)
    return frame


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
            frame = map_frame(page)
            point = frame.evaluate(FIND_POINT, iso3)
            if point is None:
                problems.append(f"{iso3}: no clickable point on the map")
                continue
            page.evaluate(WATCH, [selector, name])
            before, frames = traffic.total(), len(traffic.frames)
            frame.locator(".leaflet-container").click(position=point)
            try:
                page.wait_for_function(
                    "() => window.__seenAt !== null", timeout=CLICK_TIMEOUT, polling=50
                )
            except Exception:  # noqa: BLE001  (a Playwright timeout: note it, go on)
                page.evaluate("() => window.__benchObserver && window.__benchObserver.disconnect()")
                problems.append(
                    f"click {number + 1} on {name}: pane not updated in "
                    f"{CLICK_TIMEOUT / 1000:.0f} s"
                )
                traffic.wait_quiet(page)
                continue
            latencies.append(
                page.evaluate("() => window.__seenAt") - frame.evaluate("() => window.__clickAt")
            )
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


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def p95(values: list[float]) -> float:
    """Return the 95th percentile (interpolated)."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


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


def our_targets() -> list[tuple[str, str]]:
    """Return (ISO3, name shown in the reading pane) of the countries clicked on our page."""
    from dashboard.core.geoparse import default_gazetteer

    gaz = default_gazetteer()
    return [(iso3, gaz.place(iso3).name) for iso3 in OUR_TARGETS]


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
