"""Document → Analysis: the one pipeline from an article to what the page, the exports, the
command line and the tests need (mentions, journeys, and the counts the layers draw)."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from .gazetteer import GEODATA, Gazetteer
from .geoparse import default_gazetteer, find_mentions
from .itinerary import extract_journeys
from .models import Document, Journey, Mention, Sentence

CORE = Path(__file__).resolve().parent
# The most of one document read for places (a report of some sixty pages; a news article is
# 5,000 to 20,000 characters), and the most mentions kept: a 5 MB upload, or a 3 MB paragraph
# naming 480,000 places, costs about a second, not minutes; the page draws this many at most.
READ_CHARACTERS = 300_000
MAX_MENTIONS = 20_000
# What an analysis depends on: the parser's own code (its packages, every module in them)
# and the geodata the gazetteer reads.
PARSER_PACKAGES = ("geoparse", "lexicon")
PARSER_MODULES = ("itinerary.py", "travellers.py", "documents.py", "gazetteer.py",
                  "nameindex.py", "kinds.py", "models.py", "analysis.py")
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

    @property
    def note(self) -> str:
        """Say what of a very long article was left unread (or "": all of it was read)."""
        size, read = len(self.document.text), bounded(self.document).passages
        unread = size - (read[-1].end if read else 0)
        if unread > 0 and size > READ_CHARACTERS:
            return (f"This article is long ({size:,} characters): its places were read in "
                    f"its first {READ_CHARACTERS:,} characters.")
        if len(self.mentions) >= MAX_MENTIONS:
            return f"This article names places very often: its first {MAX_MENTIONS:,} are shown."
        return ""


def bounded(document: Document) -> Document:
    """Return the document as far as it is read: its passages within READ_CHARACTERS (a
    passage that crosses the limit is cut at it), so one huge upload costs a bounded time."""
    if len(document.text) <= READ_CHARACTERS:
        return document
    kept = []
    for passage in document.passages:
        if passage.start >= READ_CHARACTERS:
            break
        if passage.end > READ_CHARACTERS:
            sentences = tuple(s for s in passage.sentences if s.end <= READ_CHARACTERS)
            passage = replace(passage, end=READ_CHARACTERS, sentences=sentences or (
                Sentence(passage.start, READ_CHARACTERS),))
        kept.append(passage)
    return replace(document, passages=tuple(kept))


def analyse(document: Document, gazetteer: Gazetteer | None = None) -> Analysis:
    """Return a document's mentions and journeys, found once, for every use (in a very long
    document, those of its first READ_CHARACTERS, at most MAX_MENTIONS mentions)."""
    gaz = gazetteer or default_gazetteer()
    mentions = find_mentions(bounded(document), gaz)[:MAX_MENTIONS]
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
