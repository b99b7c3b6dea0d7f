"""The server's memory under uploads, in a real browser: hostile files, then visitors who each
add a 4.9 MB article and leave.

Usage: python benchmarks/memory.py [--sessions 20] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from benchmarks.harness import (  # noqa: E402
    LOAD_TIMEOUT,
    group_memory_mb,
    map_frame,
    opened,
    peak_rss_mb,
)
from tests.browser.conftest import CHROMIUM_ARGS, CHROMIUM_PATH, start_streamlit  # noqa: E402
from tests.browser.test_upload import upload  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
HOSTILE_TARGET_MB, SESSIONS_TARGET_MB = 20, 600
BIG_BYTES = 4_900_000  # under the 5 MB upload limit
SETTLE = 3.0  # s after a visitor leaves, before memory is read
SESSION_TTL = 120  # s Streamlit keeps a session whose browser left (server.disconnectedSessionTTL)
DROPPED = SESSION_TTL + 10  # s after a visitor left, when its session has surely been dropped


def hostile_files() -> list[tuple[str, bytes]]:
    """Return files a careless or hostile visitor might add: each must be refused or read
    within its bounds."""
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    return [
        ("laughs.md", f"---\n{laughs}title: Laughs\n---\nNiger and Mali.\n".encode()),
        ("nested.md", ("---\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n---\nChad.\n").encode()),
        ("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4000),
        ("one-paragraph.txt", ("Niger, Mali and Burkina Faso met in Niamey. " * 110_000)
         .encode()[:BIG_BYTES]),
        ("script.md", b"---\ntitle: <script>alert(1)</script>\n---\n<img src=x onerror=alert(1)> "
                      b"Niger `x` ${x} {{ 7*7 }}\n"),
    ]


def big_article(number: int) -> tuple[str, bytes]:
    """Return a 4.9 MB article of news paragraphs naming places (its own, by number)."""
    paragraph = (f"Report {number}: the Nigerien Prime Minister travelled to Moscow, then to "
                 "Belgrade; officials in Bamako and Ouagadougou welcomed the Alliance of Sahel "
                 "States' plans, while ECOWAS and the European Union said little.\n\n")
    text = f"---\ntitle: Long report {number}\nsource: Benchmark\n---\n" + paragraph * (
        BIG_BYTES // len(paragraph))
    return f"long-report-{number}.md", text.encode()[:BIG_BYTES]


class Peak:
    """The highest memory a server and its workers held together, sampled in the background."""

    def __init__(self, pgid: int, every: float = 0.2) -> None:
        self.pgid, self.every, self.highest = pgid, every, 0.0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.stopped.wait(self.every):
            self.highest = max(self.highest, group_memory_mb(self.pgid))

    def stop(self) -> float:
        """Stop sampling; return the highest figure seen (MB)."""
        self.stopped.set()
        self.thread.join()
        return self.highest


def visit(browser, url: str, files: list[tuple[str, bytes]]) -> list[str]:
    """Open the page, add each file in turn (waiting for the page to answer), leave; return
    what the page said of each (an error's text, or 'read')."""
    said = []
    with opened(browser, url) as (page, _):
        for name, data in files:
            before = page.url
            upload(page, name, data)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                alerts = page.get_by_test_id("stPopoverBody").get_by_test_id("stAlert")
                if alerts.count():
                    said.append(f"{name}: {alerts.first.inner_text()[:90]}")
                    break
                if page.url != before:  # the article's view has begun: wait for its end
                    page.get_by_test_id("stStatusWidget").wait_for(state="detached",
                                                                   timeout=LOAD_TIMEOUT)
                    map_frame(page)
                    said.append(f"{name}: read")
                    break
                page.wait_for_timeout(200)
            else:
                said.append(f"{name}: no answer in 60 s")
            page.keyboard.press("Escape")
            page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT)
            map_frame(page)
    return said


def measure(args: argparse.Namespace) -> str:
    """Start a server, add the files, and return the figures as Markdown."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="memory-") as data:
        server = start_streamlit(APP, env={"SAHEL_DATA_DIR": data})
        pid = server.process.pid  # the server leads a process group: its workers are in it
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH,
                                                     args=CHROMIUM_ARGS, headless=True)
                visit(browser, server.url, [big_article(0)])  # warm: one of each path
                time.sleep(DROPPED)  # the warm-up visitor's session dropped
                start = group_memory_mb(pid)
                peak = Peak(pid)
                said = visit(browser, server.url, hostile_files())
                time.sleep(SETTLE)
                hostile_live = group_memory_mb(pid)
                hostile_peak = peak.stop()
                time.sleep(DROPPED)  # what the hostile visitor's files left behind
                hostile = group_memory_mb(pid)
                peak = Peak(pid)
                times = []
                for number in range(1, args.sessions + 1):
                    began = time.monotonic()
                    visit(browser, server.url, [big_article(number)])
                    times.append(time.monotonic() - began)
                time.sleep(SETTLE)
                after = group_memory_mb(pid)
                highest, server_peak = peak.stop(), peak_rss_mb(pid)
                browser.close()
                time.sleep(DROPPED)  # every session that left is dropped by now
                expired = group_memory_mb(pid)
        finally:
            server.stop()
    gc.collect()
    return table(args.sessions, start, (hostile_live, hostile), after,
                 (hostile_peak, highest), server_peak, expired, times, said)


def table(sessions: int, start: float, hostile: tuple[float, float], after: float,
          peaks: tuple[float, float], server_peak: float, expired: float, times: list[float],
          said: list[str]) -> str:
    """Return the figures as Markdown (hostile: as its visitor left, and once dropped)."""
    hostile_live, hostile_left = hostile
    hostile_peak, sessions_peak = peaks
    extra = hostile_left - start
    return "\n".join([
        "One server (a fresh desk holding the seed), Chromium headless; each visitor opens the "
        "page, adds its files through the sidebar's Add articles, waits for the page's answer "
        "(the article's map drawn) and leaves. Memory is what the server and the processes it "
        "started (a heavy article is analysed in one of its own) hold together: the sum of "
        "their proportional set sizes (Pss), so the pages a worker shares with the server "
        f"while it starts count once. Read {SETTLE:.0f} s after the visitors left (and, where "
        f"said, once Streamlit dropped their sessions, read {DROPPED} s after they left: what "
        "a visit leaves behind); each peak is sampled every 0.2 s.",
        "",
        "| moment | server and its workers |", "|---|---|",
        f"| after one warm-up visitor with a 4.9 MB article, its session dropped | "
        f"{start:.0f} MB |",
        f"| peak while the hostile files were added | {hostile_peak:.0f} MB |",
        f"| after the hostile files, {SETTLE:.0f} s after that visitor left | "
        f"{hostile_live:.0f} MB |",
        f"| after the hostile files, that visitor's session dropped | {hostile_left:.0f} MB |",
        f"| peak while {sessions} more visitors each added a 4.9 MB article | "
        f"{sessions_peak:.0f} MB |",
        f"| after those {sessions} visitors, {SETTLE:.0f} s after the last left | {after:.0f} MB |",
        f"| {DROPPED} s later, every session dropped | {expired:.0f} MB |",
        f"| the server alone, its peak resident set (VmHWM) | {server_peak:.0f} MB |",
        "",
        f"- Hostile files, once their visitor's session was dropped: {extra:+.0f} MB (target "
        f"within {HOSTILE_TARGET_MB} MB: "
        f"{'met' if abs(extra) <= HOSTILE_TARGET_MB else 'MISSED'}).",
        f"- {sessions} sessions of 4.9 MB uploads: {after:.0f} MB, peak "
        f"{max(peaks):.0f} MB (target under {SESSIONS_TARGET_MB} MB: "
        f"{'met' if max(after, *peaks) < SESSIONS_TARGET_MB else 'MISSED'}).",
        f"- A visitor's upload of 4.9 MB, from choosing the file to its map drawn: median "
        f"{statistics.median(times):.1f} s (slowest {max(times):.1f} s).",
        "",
        "What the page said of each hostile file:", "",
        *(f"- {line}" for line in said),
    ])


def main(argv: list[str] | None = None) -> int:
    """Measure, print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.sessions < 1:
        print("error: --sessions must be 1 or more.", file=sys.stderr)
        return 2
    body = measure(args)
    print(body)
    report.record(args.results, "Memory", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
