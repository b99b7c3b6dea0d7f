"""The core's data: documents, places, mentions and journeys."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from datetime import date
from operator import attrgetter
from typing import Literal

from .lexicon import DEFAULT_LANGUAGE

_START = attrgetter("start")

MentionKind = Literal["country", "demonym", "capital", "city", "admin", "grouping", "region"]
PlaceKind = Literal["country", "city", "admin", "grouping", "region"]


@dataclass(frozen=True)
class Sentence:
    """A sentence, as character offsets into its document's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A paragraph of a document, with its sentences; offsets are into the document's text."""

    index: int
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Document:
    """An article: its text, its passages and its metadata."""

    slug: str
    text: str
    passages: tuple[Passage, ...]
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    language: str = DEFAULT_LANGUAGE
    path: str = ""

    @property
    def reference_date(self) -> date:
        """Return the date memberships are taken at: the article's, else today."""
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return date.today()

    def passage_at(self, offset: int) -> Passage | None:
        """Return the passage holding a character offset (passages are in text order)."""
        at = bisect_right(self.passages, offset, key=_START) - 1
        if at >= 0 and offset < self.passages[at].end:
            return self.passages[at]
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence holding a character offset."""
        passage = self.passage_at(offset)
        if passage is None:
            return None
        for sentence in passage.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


@dataclass(frozen=True)
class Place:
    """Something a mention can resolve to: a country, city, admin unit, grouping or region."""

    id: str
    kind: PlaceKind
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of a document that refers to a place, and why it was resolved so."""

    doc: str
    start: int
    end: int
    text: str
    place: str
    country: str | None
    kind: MentionKind
    name: str
    lat: float | None
    lon: float | None
    reason: str = ""

    def record(self) -> dict:
        """Return the fields printed by the command line and written to exports."""
        row = asdict(self)
        row.pop("reason")
        return row


@dataclass(frozen=True)
class Stop:
    """One stop of a journey: the place named, the city its pin stands on, the sentence, and
    whether the leg to it is planned (still to come) rather than made."""

    journey: int
    order: int
    place: str
    country: str | None
    name: str
    city: str
    city_name: str
    lat: float | None
    lon: float | None
    assumed: bool
    inferred: bool
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    planned: bool = False


@dataclass(frozen=True)
class Journey:
    """An ordered series of stops a traveller makes, as the text tells it."""

    index: int
    traveller: str
    stops: tuple[Stop, ...] = field(default_factory=tuple)


def within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Return the mentions (given in text order) that lie inside text[start:end]."""
    low = bisect_left(mentions, start, key=_START)
    high = bisect_left(mentions, end, key=_START)
    return [m for m in mentions[low:high] if m.end <= end]
