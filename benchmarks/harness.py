"""What the page benchmarks share: a fresh browser context, the drawn map, one timed click on
a country, and a server process's figures from /proc."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.conftest import FOLIUM_IFRAME, is_local

VIEWPORT = {"width": 1280, "height": 900}
LOAD_TIMEOUT = 60_000  # ms, per page load
CLICK_TIMEOUT = 10_000  # ms, per click
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")  # of the CPU times in /proc/<pid>/stat
QUIET = 0.5  # s without websocket traffic that ends a click's exchange
QUIET_MAX = 5.0  # s, at most, waiting for that quiet

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


@contextmanager
def opened(browser, url: str) -> Iterator[tuple]:
    """Open url in a fresh context, wait until its map has drawn, and yield (page, frame); the
    context is closed after."""
    context, page, _ = new_page(browser)
    try:
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT)
        yield page, map_frame(page)
    finally:
        context.close()


def map_frame(page, attempts: int = 3):
    """Wait until the st_folium map has drawn its shapes, and return its iframe's Frame (found
    again if the page replaced the iframe meanwhile, as a rerun that redraws the map does)."""
    from playwright.sync_api import Error

    for _ in range(attempts - 1):
        try:
            return _drawn_frame(page)
        except Error as error:
            if "detached" not in str(error):
                raise
    return _drawn_frame(page)


def _drawn_frame(page):
    """Wait until the page's first st_folium iframe has drawn its shapes; return its Frame."""
    iframe = page.locator(FOLIUM_IFRAME).first
    iframe.wait_for(state="attached", timeout=LOAD_TIMEOUT)
    frame = iframe.element_handle(timeout=LOAD_TIMEOUT).content_frame()
    frame.wait_for_selector(".leaflet-container", state="visible", timeout=LOAD_TIMEOUT)
    frame.wait_for_selector("path.leaflet-interactive", state="visible", timeout=LOAD_TIMEOUT)
    return frame


def aim(page, iso3: str, selector: str, name: str):
    """Find where a click reaches the country on the drawn map, and start watching the pane
    (elements matching selector) for its name; return (frame, point), or None if no point."""
    frame = map_frame(page)
    point = frame.evaluate(FIND_POINT, iso3)
    if point is None:
        return None
    page.evaluate(WATCH, [selector, name])
    return frame, point


def click_and_time(page, frame, point: dict, timeout: float = CLICK_TIMEOUT) -> float | None:
    """Click the map at point; return ms from the mousedown to the pane showing the watched
    name (timed in the browser), or None if it did not within timeout ms."""
    frame.locator(".leaflet-container").click(position=point)
    try:
        page.wait_for_function("() => window.__seenAt !== null", timeout=timeout, polling=50)
    except Exception:  # noqa: BLE001  (a Playwright timeout: the caller notes it)
        page.evaluate("() => window.__benchObserver && window.__benchObserver.disconnect()")
        return None
    return page.evaluate("() => window.__seenAt") - frame.evaluate("() => window.__clickAt")


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def group_memory_mb(pgid: int) -> float:
    """Return the memory every process in a process group (a server started in a session of its
    own, with the workers it spawned) holds together, in MB: their proportional set sizes (Pss),
    so pages they share (a worker just forked shares all its parent's) count once."""
    total = 0
    for pid, (_, group, _) in process_table().items():
        if group == pgid:
            try:
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:  # it ended meanwhile
                continue
            total += next((int(line.split()[1]) for line in rollup.splitlines()
                           if line.startswith("Pss:")), 0)
    return total / 1024


def stat_fields(text: str) -> tuple[int, int, int]:
    """Return (parent, process group, CPU clock ticks of the process and of the children it
    reaped: utime + stime + cutime + cstime) from the text of /proc/<pid>/stat."""
    rest = text[text.rindex(")") + 2:].split()  # the name, in parentheses, may hold anything
    if len(rest) < 15:
        raise ValueError(f"Expected at least 17 fields in /proc/<pid>/stat, got: {text!r}.")
    return int(rest[1]), int(rest[2]), sum(int(value) for value in rest[11:15])


def process_table() -> dict[int, tuple[int, int, int]]:
    """Return (parent, process group, CPU ticks) of every process now, by process id."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                table[int(entry.name)] = stat_fields((entry / "stat").read_text())
            except (OSError, ValueError):  # the process ended meanwhile
                continue
    return table


def group_seconds(table: dict[int, tuple[int, int, int]], pgid: int) -> float:
    """Return the CPU seconds so far of every process in a process group (a server started in
    a session of its own), with the children they reaped."""
    return sum(ticks for _, group, ticks in table.values() if group == pgid) / CLOCK_TICKS


def tree_seconds(table: dict[int, tuple[int, int, int]], root: int,
                 leave_out: set[int] = frozenset()) -> float:
    """Return the CPU seconds so far of a process and all its descendants (with the children
    they reaped), less those in the process groups left out and below them."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in table.items():
        children.setdefault(parent, []).append(pid)
    ticks, waiting = 0, [root]
    while waiting:
        pid = waiting.pop()
        if pid not in table or table[pid][1] in leave_out:
            continue
        ticks += table[pid][2]
        waiting += children.get(pid, [])
    return ticks / CLOCK_TICKS


def p95(values: list[float]) -> float:
    """Return the 95th percentile (interpolated)."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[-1]
