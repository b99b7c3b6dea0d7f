"""The news desk at scale: ingest throughput (a process pool on every core, and one process),
saved HTML pages through trafilatura, query times, file size and memory, at N articles beside
a one-article desk.

Usage: python benchmarks/desk.py [CORPUS.xml] [--articles 10000] [--pages 1000] [--runs 40]
                                 [--results benchmarks/RESULTS.md] [--profile]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from dashboard.core import store as desks  # noqa: E402
from dashboard.core.documents import load_folder  # noqa: E402
from dashboard.core.geoparse import default_gazetteer  # noqa: E402
from dashboard.core.ingest import ingest, sync_folder  # noqa: E402
from dashboard.core.store import Filter, Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "GeoVirus.xml"
SOURCES = ("Sahel Daily", "Wire Service", "Le Monde", "Reuters", "AFP", "BBC", "Al Jazeera",
           "RFI", "Jeune Afrique", "The Guardian", "AP", "VOA")
FIRST_DAY, DAYS = date(2023, 1, 1), 730  # two years of news
TARGET_RATE = 500  # text articles a second, on both cores
TARGET_SEARCH_MS = 100
# Lines that vary the copies (so their hashes differ) and give search words realistic counts.
EXTRA = ((10, 0, "Officials also discussed uranium exports from Niger."),
         (20, 1, "Wagner fighters were reported near Tillabéri, residents said."))


def corpus_texts(path: Path) -> list[str]:
    """Return the seeds' texts and the corpus's (GeoVirus format: <article><text>)."""
    seeds, _ = load_folder(ROOT / "seeds")
    texts = [doc.text for doc in seeds]
    texts += [node.findtext("text") or "" for node in ET.parse(path).getroot().iter("article")]
    return [text for text in texts if text.strip()]


def variant(texts: list[str], number: int) -> dict[str, str]:
    """Return article number `number`: a corpus text with a line of its own, a date in the two
    years, one of a dozen sources, a title and a URL."""
    text = texts[number % len(texts)].rstrip()
    for every, remainder, line in EXTRA:
        if number % every == remainder:
            text += "\n\n" + line
    text += f"\n\nFiled as item {number}."
    source = SOURCES[number % len(SOURCES)]
    words = text.split()[:8]
    return {"title": " ".join(words).strip(":;,.") or f"Article {number}", "source": source,
            "published": (FIRST_DAY + timedelta(days=number * 7919 % DAYS)).isoformat(),
            "language": "fr" if number % 8 == 7 else "en",
            "url": f"https://{source.lower().replace(' ', '-')}.example/{number}", "text": text}


def write_markdown(folder: Path, articles: list[dict]) -> None:
    """Write articles as .md files with front matter."""
    folder.mkdir(parents=True)
    for number, article in enumerate(articles):
        meta = "".join(f"{key}: {json.dumps(article[key])}\n"  # a JSON string is valid YAML
                       for key in ("title", "source", "published", "language", "url"))
        (folder / f"a{number:05d}.md").write_text(f"---\n{meta}---\n{article['text']}\n",
                                                  encoding="utf-8")


def write_pages(folder: Path, articles: list[dict]) -> None:
    """Write articles as saved web pages: metadata in the head, boilerplate around the text."""
    folder.mkdir(parents=True)
    for number, article in enumerate(articles):
        paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in article["text"].split("\n\n"))
        title = html.escape(article["title"])
        (folder / f"p{number:05d}.html").write_text(
            f'<!DOCTYPE html><html lang="{article["language"]}"><head><title>{title}</title>'
            f'<meta property="og:site_name" content="{html.escape(article["source"])}">'
            f'<meta property="article:published_time" content="{article["published"]}">'
            f'<link rel="canonical" href="{article["url"]}"></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a>'
            f"</nav><article><h1>{title}</h1>\n{paragraphs}</article>"
            "<aside>Most read: nothing here</aside><footer>© Example News</footer></body></html>",
            encoding="utf-8")


@dataclass
class Run:
    """One timed ingest: the desk, what it added, its wall time and the CPU time it took (this
    process and its workers)."""

    store: Store
    added: int
    wall: float
    cpu: float

    @property
    def rate(self) -> float:
        """Return the articles added per second of wall time."""
        return self.added / self.wall

    @property
    def cpu_rate(self) -> float:
        """Return the articles added per CPU second (what contention on the machine hides)."""
        return self.added / self.cpu


def cpu_seconds() -> float:
    """Return the CPU time of this process and of its waited-for children so far."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_ingest(folder: Path, data: Path, workers: int) -> Run:
    """Ingest a folder into a new desk; return the timed run (every file must be read)."""
    store = desks.open_store(data)
    cpu, start = cpu_seconds(), time.perf_counter()
    found = ingest(store, [str(folder)], workers=workers)
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if found.problems or found.duplicates:
        raise RuntimeError(f"the benchmark's articles should all be new and readable: "
                           f"{(found.problems + found.duplicates)[:3]}")
    return Run(store, len(found.added), wall, cpu)


def times_ms(query: Callable[[int], object], runs: int) -> tuple[float, float]:
    """Return the median and 95th percentile, in ms, of runs of a query (after one warm-up)."""
    query(0)
    found = []
    for run in range(runs):
        start = time.perf_counter()
        query(run)
        found.append((time.perf_counter() - start) * 1000)
    found.sort()
    return statistics.median(found), found[min(len(found) - 1, int(0.95 * len(found)))]


def window(run: int) -> Filter:
    """Return a three-month window that moves by a week each run."""
    start = date(2023, 6, 1) + timedelta(weeks=run % 40)
    return Filter(start, start + timedelta(days=90))


QUERIES: tuple[tuple[str, Callable[[Store, int], object]], ...] = (
    ("country counts in a 3-month window", lambda s, r: desks.place_counts(s, window(r))),
    ("timeline per week, whole desk", lambda s, r: desks.timeline(s, Filter(), "week")),
    ("passages for Niger, first page (20 articles)", lambda s, r: desks.place_passages(s, "NER")),
    ("co-mentions of Niger", lambda s, r: desks.co_mentions(s, "NER")),
    ('search "Wagner" (first 20)', lambda s, r: desks.search(s, Filter(query="Wagner"))),
    ('search "uranium" (first 20)', lambda s, r: desks.search(s, Filter(query="uranium"))),
    ('search "Tillaberi" (first 20)', lambda s, r: desks.search(s, Filter(query="Tillaberi"))),
    ("date-window change: counts + timeline", lambda s, r: (desks.place_counts(s, window(r)),
                                                            desks.timeline(s, window(r), "day"))),
)


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Return the peak resident memory of this process (or of its largest child), in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def desk_size_mb(store: Store) -> float:
    """Return the desk file's size in MB once its write-ahead log is folded in."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path.stat().st_size / 1e6


def profile_ingest(folder: Path, data: Path) -> str:
    """Return pyinstrument's profile of a one-process ingest of a folder."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    store = desks.open_store(data)
    profiler.start()
    ingest(store, [str(folder)], workers=1)
    profiler.stop()
    return profiler.output_text(unicode=True, color=False)


def main(argv: list[str] | None = None) -> int:
    """Build the desks, measure, print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, metavar="CORPUS")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=1000, help="saved HTML pages to ingest")
    parser.add_argument("--runs", type=int, default=40, help="runs of each query")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--profile", action="store_true", help="profile a one-process ingest")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file.", file=sys.stderr)
        return 1
    if args.articles < 1 or args.pages < 0 or args.runs < 1:
        print("error: --articles and --runs must be 1 or more, --pages 0 or more.",
              file=sys.stderr)
        return 2
    texts = corpus_texts(args.corpus)
    made = [variant(texts, n) for n in range(args.articles)]
    default_gazetteer()  # loaded once, before the timings (and shared by forked workers)
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as temp:
        body = measure(Path(temp), made, texts, args)
    print(body)
    report.record(args.results, "Desk", body)
    return 0


def measure(temp: Path, made: list[dict], texts: list[str], args: argparse.Namespace) -> str:
    """Run every measurement in a temporary folder; return the figures as Markdown."""
    write_markdown(temp / "articles", made)
    write_markdown(temp / "one", made[:1])
    write_pages(temp / "pages", made[:args.pages])
    workers = os.cpu_count() or 1
    load = os.getloadavg()[0]
    pool = timed_ingest(temp / "articles", temp / "pool", workers)
    rss_built = max_rss_mb()
    single = timed_ingest(temp / "articles", temp / "single", 1)
    one = timed_ingest(temp / "one", temp / "one-desk", 1)
    pages = [timed_ingest(temp / "pages", temp / name, count)
             for name, count in (("pages-pool", workers), ("pages-single", 1))]
    sync_folder(one.store, ROOT / "seeds")
    sync_ms = times_ms(lambda _: sync_folder(one.store, ROOT / "seeds"), args.runs)
    big = pool.store
    rows = [(label, times_ms(lambda r, q=query: q(big, r), args.runs),
             times_ms(lambda r, q=query: q(one.store, r), args.runs)) for label, query in QUERIES]
    size = desk_size_mb(big)
    rate = pool.rate
    searches_ok = all(big_ms[1] < TARGET_SEARCH_MS for label, big_ms, _ in rows
                      if label.startswith("search"))
    lines = [
        f"Articles: {args.articles:,} made from the seeds and {args.corpus.name} "
        f"({len(texts)} texts), each with a line of its own, dated over two years "
        f"({FIRST_DAY} + {DAYS} days), from {len(SOURCES)} sources, as .md files with front "
        "matter; one in ten names uranium in Niger, one in twenty Wagner near Tillabéri. "
        f"Queries: median and 95th percentile of {args.runs} runs after a warm-up. "
        f"Load average when the ingests began: {load:.2f} on {workers} cores (other work on the "
        "machine slows the wall times; the CPU columns do not depend on it).",
        "",
        "| ingest (read, analyse, write) | articles | wall time | articles/s | CPU time | "
        "articles per CPU-s |",
        "|---|---|---|---|---|---|",
        *(f"| {label} | {run.added:,} | {run.wall:.2f} s | {run.rate:,.0f} | {run.cpu:.2f} s | "
          f"{run.cpu_rate:,.0f} |" for label, run in (
              (f"text, process pool ({workers} workers)", pool), ("text, one process", single),
              (f"saved HTML pages (trafilatura), pool ({workers} workers)", pages[0]),
              ("saved HTML pages (trafilatura), one process", pages[1]),
              ("one-article desk, one process", one))),
        "",
        f"Text articles through the pool: {rate:,.0f}/s (target ≥ {TARGET_RATE}: "
        f"{'met' if rate >= TARGET_RATE else 'MISSED'}); the pool is {rate / single.rate:.2f}× "
        f"one process (the issue's probe: 1.75×).",
        "",
        f"| query | {args.articles:,} articles: median | p95 | 1 article: median | p95 |",
        "|---|---|---|---|---|",
        *(f"| {label} | {big_ms[0]:.2f} ms | {big_ms[1]:.2f} ms | {one_ms[0]:.2f} ms | "
          f"{one_ms[1]:.2f} ms |" for label, big_ms, one_ms in rows),
        f"| sync_folder(seeds/) with nothing changed | | | {sync_ms[0]:.2f} ms | "
        f"{sync_ms[1]:.2f} ms |",
        "",
        f"Full-text search at {args.articles:,} articles, 95th percentile under "
        f"{TARGET_SEARCH_MS} ms: {'met' if searches_ok else 'MISSED'}.",
        f"Desk file: {size:.1f} MB for {pool.added:,} articles, "
        f"{size / pool.added * 1000:.1f} MB per 1,000 articles (text, analyses, indexes and the "
        "full-text index).",
        f"Memory (max RSS): {rss_built:.0f} MB in this process after building the "
        f"{args.articles:,}-article desk with the pool, {max_rss_mb():.0f} MB after everything "
        f"(queries included); the largest worker process {max_rss_mb(resource.RUSAGE_CHILDREN):.0f}"
        " MB.",
    ]
    if args.profile or rate < TARGET_RATE:
        subset = temp / "profiled"
        write_markdown(subset, made[:1000])
        lines += ["", "Profile of a one-process ingest of 1,000 articles (pyinstrument):", "",
                  "```", profile_ingest(subset, temp / "profile-desk").strip(), "```"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
