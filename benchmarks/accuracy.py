"""Accuracy of the geoparser beside geotext's, on GeoVirus-format corpora and our gold.

Usage: python benchmarks/accuracy.py CORPUS.xml [CORPUS.xml …] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from dashboard.core import documents  # noqa: E402
from dashboard.core.geoparse import default_gazetteer, find_mentions  # noqa: E402

GEOTEXT_CANDIDATE = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")
GOLD = ROOT / "tests" / "gold" / "niger-russia-military-cooperation.json"
FRENCH_GOLD = sorted((ROOT / "tests" / "gold" / "fr").glob("*.json"))
FRENCH_TARGETS = {"P": 0.98, "R": 0.95, "F1": 0.97}


@dataclass(frozen=True)
class Span:
    """A located place name: offsets, and the country it lies in (ISO3 or None)."""

    start: int
    end: int
    country: str | None


@dataclass
class Article:
    """A corpus article: its text and gold locations."""

    name: str
    text: str
    gold: list[Span]


class CountryFinder:
    """Point → ISO3 country on the project's own boundaries."""

    def __init__(self) -> None:
        """Load the committed country polygons."""
        self.frame = gpd.read_file(ROOT / "geodata" / "countries.geojson")
        self.sindex = self.frame.sindex

    def at(self, lat: float, lon: float) -> str | None:
        """Return the country holding a point, or the nearest within ~50 km (coasts)."""
        point = Point(lon, lat)
        hits = self.sindex.query(point, predicate="intersects")
        if len(hits):
            return self.frame.iso3.iloc[hits[0]]
        index, distance = self.sindex.nearest(point, return_distance=True, max_distance=0.5)
        return self.frame.iso3.iloc[index[1][0]] if len(index[1]) else None


def read_geovirus(path: Path, finder: CountryFinder) -> list[Article]:
    """Read a GeoVirus-format XML corpus."""
    articles = []
    for number, node in enumerate(ET.parse(path).getroot().iter("article")):
        text = node.findtext("text") or ""
        gold = [
            Span(int(loc.findtext("start")), int(loc.findtext("end")),
                 finder.at(float(loc.findtext("lat")), float(loc.findtext("lon"))))
            for loc in node.iter("location")
        ]
        articles.append(Article(f"{path.stem}-{number}", text, gold))
    return articles


def ours(article: Article) -> list[Span]:
    """Return our parser's place-name mentions (demonyms included, marked by kind)."""
    doc = documents.parse(article.name + ".txt", article.text)
    return [Span(m.start, m.end, m.country) for m in find_mentions(doc) if m.country]


def ours_names_only(article: Article) -> list[Span]:
    """Return our parser's mentions without demonyms (GeoVirus labels names only)."""
    doc = documents.parse(article.name + ".txt", article.text)
    return [Span(m.start, m.end, m.country) for m in find_mentions(doc)
            if m.country and m.kind != "demonym"]


def geotext_spans(article: Article) -> list[Span]:
    """Return geotext 0.4's matches with offsets (its own regex and index, re-run)."""
    from geotext import GeoText

    index = GeoText.index
    iso3 = {row["iso2"]: row["iso3"] for row in _countries()}
    spans = []
    for match in GEOTEXT_CANDIDATE.finditer(article.text):
        word = match.group().strip()
        key = word.lower()
        code = index.countries.get(key) or index.cities.get(key) or index.nationalities.get(key)
        if code:
            spans.append(Span(match.start(), match.start() + len(word), iso3.get(code)))
    return spans


def _countries() -> list[dict]:
    """Return the gazetteer's country rows."""
    return json.loads((ROOT / "geodata" / "gazetteer.json").read_text())["countries"]


def score(articles: list[Article], parser: Callable[[Article], list[Span]]) -> dict:
    """Document-level country P/R/F1 (micro) and mention precision."""
    tp = fp = fn = right = predicted = 0
    for article in articles:
        found = parser(article)
        gold_countries = {s.country for s in article.gold if s.country}
        found_countries = {s.country for s in found if s.country}
        tp += len(gold_countries & found_countries)
        fp += len(found_countries - gold_countries)
        fn += len(gold_countries - found_countries)
        for span in found:
            predicted += 1
            right += any(g.country == span.country and g.start < span.end and span.start < g.end
                         for g in article.gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R": recall, "F1": f1,
            "mention_P": right / predicted if predicted else 0.0, "mentions": predicted}


def gold_scores() -> dict:
    """Precision and recall of our mentions against the hand-made gold of the first article."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc = documents.load(ROOT / gold["file"])
    found = {(m.start, m.end, m.place) for m in find_mentions(doc)}
    wanted = {(g["start"], g["end"], g["place"]) for g in gold["mentions"]}
    hits = len(found & wanted)
    return {"P": hits / len(found) if found else 0.0, "R": hits / len(wanted), "n": len(wanted)}


def french_scores() -> dict:
    """Mention precision and recall on the French gold articles, and their document-level
    country F1 (micro: the countries of the places each article names, demonyms included)."""
    gaz = default_gazetteer()
    hits = found_n = wanted_n = tp = fp = fn = 0
    for path in FRENCH_GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        mentions = find_mentions(documents.load(ROOT / gold["file"]), gaz)
        found = {(m.start, m.end, m.place) for m in mentions}
        wanted = {(g["start"], g["end"], g["place"]) for g in gold["mentions"]}
        hits, found_n, wanted_n = hits + len(found & wanted), found_n + len(found), \
            wanted_n + len(wanted)
        got = {m.country for m in mentions if m.country}
        want = {gaz.place(g["place"]).country for g in gold["mentions"]} - {None}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {"P": hits / found_n, "R": hits / wanted_n, "n": wanted_n, "docs": len(FRENCH_GOLD),
            "F1": 2 * precision * recall / (precision + recall)}


def french_lines() -> list[str]:
    """The French gold's figures beside their targets, as lines of the report."""
    fr = french_scores()
    met = {key: "met" if fr[key] >= target else "MISSED" for key, target in FRENCH_TARGETS.items()}
    return [
        "",
        f"French gold ({fr['docs']} articles, {fr['n']} mentions): mention precision "
        f"{fr['P']:.3f} (target ≥ {FRENCH_TARGETS['P']}, {met['P']}), recall {fr['R']:.3f} "
        f"(target ≥ {FRENCH_TARGETS['R']}, {met['R']}); document-level country F1 "
        f"{fr['F1']:.3f} (target ≥ {FRENCH_TARGETS['F1']}, {met['F1']}).",
    ]


def main(argv: list[str] | None = None) -> int:
    """Score both parsers on each corpus and print (and record) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, metavar="CORPUS")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    finder = CountryFinder()
    default_gazetteer()
    lines = ["| corpus | parser | country P | country R | country F1 | mention P | mentions |",
             "|---|---|---|---|---|---|---|"]
    for path in args.corpora:
        if not path.is_file():
            print(f"error: {path}: no such corpus file.", file=sys.stderr)
            return 1
        articles = read_geovirus(path, finder)
        for label, fn in (("ours", ours), ("ours, names only", ours_names_only),
                          ("geotext 0.4", geotext_spans)):
            s = score(articles, fn)
            lines.append(f"| {path.name} ({len(articles)} articles) | {label} | {s['P']:.3f} | "
                         f"{s['R']:.3f} | {s['F1']:.3f} | {s['mention_P']:.3f} | {s['mentions']} |")
    gold = gold_scores()
    lines.append("")
    lines.append(f"First article against the hand-made gold ({gold['n']} mentions): "
                 f"precision {gold['P']:.3f}, recall {gold['R']:.3f}.")
    lines += french_lines()
    text = "\n".join(lines)
    print(text)
    report.record(args.results, "Accuracy", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
