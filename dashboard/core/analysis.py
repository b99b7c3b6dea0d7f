"""Document → Analysis: the one pipeline from an article to what the page, the exports, the
command line and the tests need (mentions, journeys, and the counts the layers draw)."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from .gazetteer import GEODATA, Gazetteer
from .geoparse import default_gazetteer, find_mentions
from .itinerary import extract_journeys
from .models import Document, Journey, Mention

CORE = Path(__file__).resolve().parent
# What an analysis depends on: the parser's own code (its packages, every module in them)
# and the geodata the gazetteer reads.
PARSER_PACKAGES = ("geoparse", "lexicon")
PARSER_MODULES = ("itinerary.py", "documents.py", "gazetteer.py", "kinds.py", "models.py",
                  "analysis.py")
PARSER_GEODATA = ("gazetteer.json", "gazetteer.cities.tsv", "gazetteer.cities.index.tsv",
                  "groupings.json", "common_words.txt", "given_names.txt")


@dataclass(frozen=True)
class Analysis:
    """What the core found in one document."""

    document: Document
    mentions: tuple[Mention, ...]
    journeys: tuple[Journey, ...]

    @cached_property
    def counts(self) -> Counter:
        """Count mentions per country (names, demonyms, cities) and per grouping or region."""
        return Counter(m.country or m.place for m in self.mentions)

    @property
    def reference_date(self) -> date:
        """Return the date memberships are taken at: the article's, else today."""
        return self.document.reference_date


def analyse(document: Document, gazetteer: Gazetteer | None = None) -> Analysis:
    """Return a document's mentions and journeys, found once, for every use."""
    gaz = gazetteer or default_gazetteer()
    mentions = find_mentions(document, gaz)
    return Analysis(document, tuple(mentions), tuple(extract_journeys(document, mentions, gaz)))


def parser_files() -> list[Path]:
    """Return the files an analysis depends on: the parser's sources and its geodata."""
    packages = sorted(path for name in PARSER_PACKAGES for path in (CORE / name).rglob("*.py"))
    return [*packages, *(CORE / name for name in PARSER_MODULES),
            *(GEODATA / name for name in PARSER_GEODATA)]


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Return a digest of the parser's files, computed once per process: analyses made with
    another version are stale."""
    digest = hashlib.blake2b(digest_size=8)
    for path in parser_files():
        digest.update(f"{path.parent.name}/{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
