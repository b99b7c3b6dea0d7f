"""An analysed article as the desk's rows, and back: plain tuples that cross process boundaries
cheaply, and the Document and Analysis rebuilt from them exactly."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit, urlunsplit

from ..analysis import Analysis, parser_version
from ..models import Document, Journey, Mention, Passage, Sentence, Stop

ARTICLE_COLUMNS = ("slug", "title", "source", "url", "url_key", "published", "day", "language",
                   "text", "body", "content_hash", "origin", "parser_version")
MENTION_COLUMNS = ("start", '"end"', "text", "place", "country", "kind", "name", "lat", "lon",
                   "reason", "passage")
STOP_COLUMNS = ("journey", '"order"', "place", "country", "name", "city", "city_name", "lat",
                "lon", "assumed", "inferred", "start", '"end"', "sentence_start", "sentence_end",
                "planned")


@dataclass(frozen=True)
class Seen:
    """An article found already in the desk before it was analysed: only what tells which."""

    name: str
    content_hash: str
    url_key: str | None


@dataclass(frozen=True)
class Prepared:
    """One analysed article as rows without the article's id (the writer adds it)."""

    name: str  # how messages name it: the file, URL or feed entry it came from
    article: dict[str, object]
    passages: list[tuple]
    mentions: list[tuple]
    journeys: list[tuple]
    stops: list[tuple]
    places: list[tuple]  # (place, kind, mentions): what the article names, and how often

    @property
    def content_hash(self) -> str:
        """Return the digest of the article's normalised body."""
        return str(self.article["content_hash"])

    @property
    def url_key(self) -> str | None:
        """Return the normalised URL duplicates are recognised by."""
        return self.article["url_key"]  # type: ignore[return-value]


def body_start(doc: Document) -> int:
    """Return where a document's body starts: its first passage (after any front matter)."""
    return doc.passages[0].start if doc.passages else 0


def content_hash(doc: Document) -> str:
    """Return a digest of a document's body with Unicode and white space normalised."""
    body = doc.text[body_start(doc):]
    if not unicodedata.is_normalized("NFC", body):
        body = unicodedata.normalize("NFC", body)
    return hashlib.blake2b(" ".join(body.split()).encode(), digest_size=16).hexdigest()


def url_key(url: str) -> str | None:
    """Return a URL as duplicates are compared: scheme and host lower-case, no fragment, no
    trailing slash; None for an empty URL."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def day_of(published: str) -> str | None:
    """Return a published date as YYYY-MM-DD (ISO 8601 or RFC 2822), None when unknown."""
    text = published.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def sentence_pairs(passage: Passage) -> str:
    """Return a passage's sentences as "start end" pairs."""
    return ",".join(f"{s.start} {s.end}" for s in passage.sentences)


def _passage_of(doc: Document, mention: Mention) -> int | None:
    """Return the index of the passage holding a mention."""
    passage = doc.passage_at(mention.start)
    return None if passage is None else passage.index


def place_rows(mentions: tuple[Mention, ...]) -> list[tuple]:
    """Return (place, kind, mentions) for every place the mentions count for: the country (or
    grouping, region) each counts for, as Analysis.counts has it, and the city or region named;
    kind is the place's (country, grouping, region, city, admin)."""
    places: dict[str, list] = {}
    for mention in mentions:
        key = mention.country or mention.place
        places.setdefault(key, ["country" if mention.country else mention.kind, 0])[1] += 1
        if mention.place != key:
            kind = "admin" if mention.kind == "admin" else "city"
            places.setdefault(mention.place, [kind, 0])[1] += 1
    return [(place, kind, n) for place, (kind, n) in places.items()]


def prepare(analysis: Analysis, name: str, digest: str = "") -> Prepared:
    """Return an analysis as the desk's rows (digest: its content_hash, if known already)."""
    doc = analysis.document
    article = {"slug": doc.slug, "title": doc.title, "source": doc.source, "url": doc.url,
               "url_key": url_key(doc.url), "published": doc.published,
               "day": day_of(doc.published), "language": doc.language, "text": doc.text,
               "body": body_start(doc), "content_hash": digest or content_hash(doc),
               "origin": doc.path, "parser_version": parser_version()}
    return Prepared(
        name=name, article=article,
        passages=[(p.index, p.start, p.end, sentence_pairs(p)) for p in doc.passages],
        mentions=[(m.start, m.end, m.text, m.place, m.country, m.kind, m.name, m.lat, m.lon,
                   m.reason, _passage_of(doc, m)) for m in analysis.mentions],
        journeys=[(j.index, j.traveller) for j in analysis.journeys],
        stops=[(s.journey, s.order, s.place, s.country, s.name, s.city, s.city_name, s.lat, s.lon,
                s.assumed, s.inferred, s.start, s.end, s.sentence_start, s.sentence_end,
                s.planned)
               for j in analysis.journeys for s in j.stops],
        places=place_rows(analysis.mentions))


def passage_from(row: tuple) -> Passage:
    """Return a Passage from its row (idx, start, end, sentences)."""
    idx, start, end, sentences = row
    pairs = (pair.split(" ") for pair in sentences.split(",")) if sentences else ()
    return Passage(idx, start, end, tuple(Sentence(int(a), int(b)) for a, b in pairs))


def document_from(article: dict, passages: list[tuple]) -> Document:
    """Return the Document an article row and its passage rows describe."""
    return Document(slug=article["slug"], text=article["text"],
                    passages=tuple(passage_from(row) for row in passages),
                    title=article["title"], source=article["source"], url=article["url"],
                    published=article["published"], language=article["language"],
                    path=article["origin"])


def analysis_from(doc: Document, mentions: list[tuple], journeys: list[tuple],
                  stops: list[tuple]) -> Analysis:
    """Return the Analysis a document's stored rows describe (rows in MENTION_COLUMNS' and
    STOP_COLUMNS' order, journeys as (idx, traveller))."""
    found = tuple(Mention(doc.slug, *row[:10]) for row in mentions)
    by_journey: dict[int, list[Stop]] = {}
    for row in stops:
        journey, order, *rest = row
        stop = Stop(journey, order, *rest[:7], bool(rest[7]), bool(rest[8]), *rest[9:13],
                    planned=bool(rest[13]))
        by_journey.setdefault(journey, []).append(stop)
    trips = tuple(Journey(idx, traveller, tuple(by_journey.get(idx, ())))
                  for idx, traveller in journeys)
    return Analysis(doc, found, trips)
