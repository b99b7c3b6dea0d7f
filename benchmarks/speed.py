"""Geoparsing speed beside geotext's: throughput, cost growth with the number of articles, memory.

Usage: python benchmarks/speed.py [CORPUS.xml …] [--results benchmarks/RESULTS.md] [--profile]
"""

from __future__ import annotations

import argparse
import gc
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from benchmarks.accuracy import CountryFinder, read_geovirus  # noqa: E402
from dashboard.core import documents  # noqa: E402
from dashboard.core.geoparse import default_gazetteer, find_mentions  # noqa: E402

SEEDS = ROOT / "seeds"
FRENCH = sorted((ROOT / "tests" / "corpora" / "fr").glob("*.md"))
FRENCH_TARGET = 1.2  # French text within 20% of English text's time at the same size
ROUNDS = 3  # English and French passes alternate this many times (the machine is shared)
PASSES = 3
GROWTH = (1, 10, 100, 1000)
LENGTHS = (1, 10, 100, 1000)  # copies of the first article in one document (1,000: ~2.8 MB)
TARGET_RATIO = 5.0  # the issue asks for at least five times geotext's throughput


def first_seed() -> tuple[str, str]:
    """Return the name and text of the first article in seeds/."""
    path = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md"))[0]
    return path.name, documents.load(path).text


def corpus_texts(paths: list[Path]) -> list[tuple[str, str]]:
    """Return (name, text) of the first seed plus every article of the given corpora."""
    texts = [first_seed()]
    if paths:
        finder = CountryFinder()
        for path in paths:
            texts += [(a.name + ".txt", a.text) for a in read_geovirus(path, finder) if a.text]
    return texts


def french_texts(size: int) -> list[tuple[str, str]]:
    """Return the French gold articles' text (without front matter, as the English texts have
    none: the language is detected), cycled until they hold as many bytes as size."""
    articles = [(p.stem + ".txt", body(p.read_text(encoding="utf-8"))) for p in FRENCH]
    texts: list[tuple[str, str]] = []
    for name, text in cycle(articles):
        if sum(len(t.encode("utf-8")) for _, t in texts) >= size:
            return texts
        texts.append((name, text))
    return texts


def body(text: str) -> str:
    """Return an article's text after its front matter."""
    return text[documents.split_front_matter("article.md", text)[1]:]


def language_speed(english: list[tuple[str, str]]) -> list[str]:
    """Time French text beside English text of the same size, passes alternating; return the
    report's lines."""
    size = sum(len(t.encode("utf-8")) for _, t in english)
    french = french_texts(size)
    for name, text in french[:len(FRENCH)]:
        ours(name, text)  # the French view of the gazetteer is made once, not timed
    times: dict[str, float] = {"English": float("inf"), "French": float("inf")}
    for _ in range(ROUNDS):
        for label, texts in (("English", english), ("French", french)):
            times[label] = min(times[label], best_pass(ours, texts))
    megabytes = {"English": size / 1e6,
                 "French": sum(len(t.encode("utf-8")) for _, t in french) / 1e6}
    ratio = (times["French"] / megabytes["French"]) / (times["English"] / megabytes["English"])
    verdict = "met" if ratio <= FRENCH_TARGET else "MISSED"
    found = {"English": sum(ours(n, t) for n, t in english),
             "French": sum(ours(n, t) for n, t in french)}
    per_mention = (times["French"] / found["French"]) / (times["English"] / found["English"])
    return [
        "", f"French beside English, the same size (English: the texts above; French: the "
        f"{len(FRENCH)} French gold articles cycled to {megabytes['French'] * 1000:.1f} kB); "
        f"best of {ROUNDS} alternating rounds of {PASSES} passes:", "",
        "| language | texts | mentions | throughput | time per pass | per mention |",
        "|---|---|---|---|---|---|",
        *(f"| {label} | {megabytes[label] * 1000:.1f} kB | {found[label]:,} | "
          f"{megabytes[label] / t:.3f} MB/s | {t * 1000:.1f} ms | "
          f"{t / found[label] * 1000:.3f} ms |" for label, t in times.items()),
        f"| French/English time per MB | {ratio:.2f} | target ≤ {FRENCH_TARGET:.2f} ({verdict}) "
        "| | | |",
        f"| French/English time per mention | {per_mention:.2f} | | | | |",
        "",
        "The French gold articles name places more densely than the English texts (see the "
        "mentions column); time per mention compares the languages' cost for the same work.",
    ]


def ours(name: str, text: str) -> int:
    """Parse one text with our geoparser (gazetteer already loaded); return the mention count."""
    return len(find_mentions(documents.parse(name, text), default_gazetteer()))


def geotext(name: str, text: str) -> int:
    """Parse one text with geotext 0.4 (index built at import); return the place count."""
    from geotext import GeoText

    found = GeoText(text)
    return len(found.cities) + len(found.countries) + len(found.nationalities)


# The least any Python geoparser must do: look at each word once. Below 1/TARGET_RATIO of
# geotext's time, a 5× target is out of reach for a parser written in Python.
CAPITALISED = re.compile(r"[A-Z]\w+")
FLOORS = (
    ("str.split() of each text (every word, nothing else)", lambda _name, text: len(text.split())),
    ("re.findall(r\"[A-Z]\\w+\") of each text (capitalised words, nothing else)",
     lambda _name, text: len(CAPITALISED.findall(text))),
)


def best_pass(parser: Callable[[str, str], int], texts: list[tuple[str, str]]) -> float:
    """Return the best wall time of PASSES passes of the parser over every text."""
    best = float("inf")
    for _ in range(PASSES):
        gc.collect()
        start = time.perf_counter()
        for name, text in texts:
            parser(name, text)
        best = min(best, time.perf_counter() - start)
    return best


def max_rss_mb() -> float:
    """Return this process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_articles(texts: list[tuple[str, str]], n: int) -> float:
    """Parse n articles (the texts cycled) and return the wall time."""
    batch = list(islice(cycle(texts), n))
    gc.collect()
    start = time.perf_counter()
    for name, text in batch:
        ours(name, text)
    return time.perf_counter() - start


def run_long(text: str, copies: int) -> tuple[float, float]:
    """Parse one document of `copies` copies of a text; return (seconds, Python peak MB)."""
    long = "\n\n".join([text] * copies)
    gc.collect()
    start = time.perf_counter()
    ours("long", long)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    ours("long", long)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1e6


def profile(texts: list[tuple[str, str]], n: int, top: int = 15) -> str:
    """Profile the n-article run with pyinstrument; return the call tree and the top self times."""
    from pyinstrument import Profiler

    batch = list(islice(cycle(texts), n))
    gc.collect()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for name, text in batch:
        ours(name, text)
    profiler.stop()
    session = profiler.last_session
    own: dict[str, float] = {}
    frames = [session.root_frame()]
    while frames:
        frame = frames.pop()
        if frame is None or frame.is_synthetic:
            continue  # "[self]" leaves: their time is already the parent's own time
        where = f"{frame.function}  {frame.file_path_short}:{frame.line_no}"
        own[where] = own.get(where, 0.0) + frame.total_self_time
        frames.extend(frame.children)
    total = sum(own.values()) or 1.0
    flat = [
        f"{seconds:7.3f} s {seconds / total:5.1%}  {where}"
        for where, seconds in sorted(own.items(), key=lambda kv: -kv[1])[:top]
    ]
    tree = profiler.output_text(unicode=True, color=False, show_all=False)
    return tree + f"\nTop {top} by own time:\n" + "\n".join(flat)


def main(argv: list[str] | None = None) -> int:
    """Measure and print (and record) the speed figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, metavar="CORPUS")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the 1,000-article run even if the target is met",
    )
    args = parser.parse_args(argv)
    for path in args.corpora:
        if not path.is_file():
            print(f"error: {path}: no such corpus file.", file=sys.stderr)
            return 1
    texts = corpus_texts(args.corpora)
    megabytes = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6

    rss_start = max_rss_mb()
    start = time.perf_counter()
    default_gazetteer()
    load_time = time.perf_counter() - start
    rss_loaded = max_rss_mb()
    start = time.perf_counter()
    import geotext as _geotext  # noqa: F401  (builds its index at import)

    geotext_import = time.perf_counter() - start
    ours(*texts[0])  # first call: lazy module state, excluded like geotext's import
    geotext(*texts[0])

    ours_time = best_pass(ours, texts)
    geotext_time = best_pass(geotext, texts)
    ours_mbs, geotext_mbs = megabytes / ours_time, megabytes / geotext_time
    ratio = ours_mbs / geotext_mbs
    floors = [(label, best_pass(scan, texts)) for label, scan in FLOORS]
    budget = geotext_time / TARGET_RATIO

    growth = [(n, run_articles(texts, n)) for n in GROWTH]
    total = growth[-1][1]
    seed_text = texts[0][1]
    lengths = [(n, len(seed_text.encode("utf-8")) * n / 1e6, *run_long(seed_text, n))
               for n in LENGTHS]
    rss_after = max_rss_mb()
    # A second, untimed run under tracemalloc (it slows allocation several-fold).
    tracemalloc.start()
    run_articles(texts, GROWTH[-1])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    source = "first seed" + (
        f" + {', '.join(p.name for p in args.corpora)}" if args.corpora else ""
    )
    lines = [
        f"Texts: {source} — {len(texts)} articles, {megabytes * 1000:.1f} kB of UTF-8 text. "
        f"Best of {PASSES} passes; gazetteer load ({load_time:.2f} s) and geotext's import "
        f"({geotext_import:.2f} s, builds its index) excluded.",
        "",
        "| parser | throughput | time per pass |",
        "|---|---|---|",
        f"| ours (documents.parse + find_mentions) | {ours_mbs:.3f} MB/s | "
        f"{ours_time * 1000:.1f} ms |",
        f"| geotext 0.4 (GeoText(text)) | {geotext_mbs:.3f} MB/s | {geotext_time * 1000:.1f} ms |",
        f"| ratio ours/geotext | {ratio:.2f} | target ≥ {TARGET_RATIO:.2f} "
        f"({'met' if ratio >= TARGET_RATIO else 'MISSED'}) |",
        "",
        f"The target's budget: {TARGET_RATIO:.0f}× geotext is {budget * 1000:.2f} ms per pass over "
        "these texts. What a bare pass over the words costs in this Python, with no lookup, "
        "resolution or output at all (best of the same passes):",
        "",
        "| pass | time per pass | share of the 5× budget |",
        "|---|---|---|",
        *(f"| {label} | {t * 1000:.2f} ms | {t / budget:.0%} |" for label, t in floors),
        "",
        "Cost growth (ours; articles cycled from the texts above):",
        "",
        "| articles | wall time | per article |",
        "|---|---|---|",
        *(f"| {n:,} | {t:.3f} s | {t / n * 1000:.2f} ms |" for n, t in growth),
        "",
        f"1,000 articles: {total:.2f} s. Memory: tracemalloc peak of Python allocations during a "
        f"(separate, untimed) 1,000-article run {peak / 1e6:.1f} MB; max RSS "
        f"{rss_start:.0f} MB before loading the gazetteer (imports, corpora read), "
        f"{rss_loaded:.0f} MB after loading the gazetteer, {rss_after:.0f} MB after the runs.",
        "",
        "Document length (ours; one document made of copies of the first article, timed once; "
        "peak of Python allocations in a second, traced run):",
        "",
        "| copies | size | wall time | per MB | peak allocations |",
        "|---|---|---|---|---|",
        *(f"| {n:,} | {mb:.2f} MB | {t:.3f} s | {t / mb:.2f} s | {peak:.0f} MB |"
          for n, mb, t, peak in lengths),
    ]
    lines += language_speed(texts)
    text = "\n".join(lines)
    print(text)
    report.record(args.results, "Speed", text)
    if ratio < TARGET_RATIO or args.profile:
        print("\nProfile of the 1,000-article run (pyinstrument):\n")
        print(profile(texts, GROWTH[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
