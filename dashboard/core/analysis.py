"""Document → Analysis: the one pipeline from an article to what the page, the exports, the
command line and the tests need (mentions, journeys, and the counts the layers draw)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .gazetteer import Gazetteer
from .geoparse import default_gazetteer, find_mentions
from .itinerary import extract_journeys
from .models import Document, Journey, Mention


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
