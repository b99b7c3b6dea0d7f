"""The questions the desk's page asks, answered from the indexes: counts per place and per
period, a place's passages across articles, what is named beside it, sources, languages and
full-text search. Each takes a Filter; none reads the whole desk where an index can help."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..models import Mention, Passage
from .desk import Store
from .filters import EVERYTHING, Filter, fts_query, period_of, periods
from .rows import MENTION_COLUMNS, passage_from

COUNTED_KINDS = ("country", "grouping", "region")  # the keys of Analysis.counts
ARTICLE_FIELDS = "a.slug, a.title, a.source, a.published, a.day, a.url, a.language"
MAX_PAGE = 200
MARK, UNMARK = "\x02", "\x03"  # around the words found, in a search's snippet


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as lists show it."""

    slug: str
    title: str
    source: str
    published: str
    day: str | None
    url: str
    language: str


class Count(NamedTuple):
    """A place (or source, language, period) and how many articles (or passages) it has."""

    key: str
    count: int
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class PassageHit:
    """A passage (offsets into its article's text) that mentions a place, its text, and those
    mentions, in text order."""

    passage: Passage
    text: str
    mentions: tuple[Mention, ...]

    def spans(self) -> list[tuple[int, int, Mention]]:
        """Return each mention with its offsets into the passage's text (to highlight it)."""
        start = self.passage.start
        return [(m.start - start, m.end - start, m) for m in self.mentions]


class ArticlePassages(NamedTuple):
    """An article and its passages that mention a place."""

    article: ArticleRef
    passages: tuple[PassageHit, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a longer list: its items, and how many there are in all."""

    items: tuple
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        """Return how many pages the whole list takes (at least one)."""
        return max(1, -(-self.total // self.size))


class SearchHit(NamedTuple):
    """An article the words were found in: a snippet as (text, found) runs, and its rank."""

    article: ArticleRef
    snippet: tuple[tuple[str, bool], ...]
    rank: float


def _where(parts: list[str]) -> str:
    """Return a WHERE clause joining conditions (or nothing)."""
    return f" WHERE {' AND '.join(parts)}" if parts else ""


def _check_page(page: int, size: int) -> None:
    """Raise ValueError for a page number or size out of range."""
    if page < 0 or not 1 <= size <= MAX_PAGE:
        raise ValueError(f"page: expected page ≥ 0 and 1 ≤ size ≤ {MAX_PAGE}, got page {page}, "
                         f"size {size}.")


def place_counts(store: Store, flt: Filter = EVERYTHING,
                 kinds: tuple[str, ...] = COUNTED_KINDS) -> list[Count]:
    """Return how many articles in the filter name each place of these kinds (by default the
    countries, groupings and regions Analysis.counts has), most named first."""
    sql, params = flt.conditions("ap.article", "ap.day")
    sql.insert(0, f"ap.kind IN ({', '.join('?' * len(kinds))})")
    rows = store.conn.execute(
        f"SELECT ap.place, count(*), sum(ap.mentions) FROM article_places ap{_where(sql)} "
        "GROUP BY ap.place ORDER BY 2 DESC, 1", [*kinds, *params])
    return [Count(*row) for row in rows]


def timeline(store: Store, flt: Filter = EVERYTHING, by: str = "day") -> list[Count]:
    """Return the number of dated articles in the filter per day, week or month, with every
    period of the window (or of the articles' dates) present, empty ones as 0."""
    sql, params = flt.conditions("a.id", "a.day")
    sql.append("a.day IS NOT NULL")
    rows = store.conn.execute(f"SELECT a.day, count(*) FROM articles a{_where(sql)} "
                              "GROUP BY a.day", params).fetchall()
    return _in_periods(rows, flt, by)


def place_timeline(store: Store, place: str, flt: Filter = EVERYTHING,
                   by: str = "week") -> list[Count]:
    """Return, per period, how many articles in the filter name a place, and how often."""
    sql, params = flt.conditions("ap.article", "ap.day", with_place=False)
    sql[:0] = ["ap.place = ?", "ap.day IS NOT NULL"]
    rows = store.conn.execute(
        f"SELECT ap.day, count(*), sum(ap.mentions) FROM article_places ap{_where(sql)} "
        "GROUP BY ap.day", [place, *params]).fetchall()
    return _in_periods(rows, flt, by)


def _in_periods(rows: list[tuple], flt: Filter, by: str) -> list[Count]:
    """Return (day, count[, mentions]) rows summed per period, every period of the window."""
    days = sorted(row[0] for row in rows)
    first = flt.date_from.isoformat() if flt.date_from else (days[0] if days else "")
    last = flt.date_to.isoformat() if flt.date_to else (days[-1] if days else "")
    if not first or not last:
        periods("2000-01-01", "2000-01-01", by)  # still check `by`
        return []
    sums = {period: [0, 0] for period in periods(first, last, by)}
    for day, count, *mentions in rows:
        total = sums[period_of(day, by)]
        total[0] += count
        total[1] += mentions[0] if mentions else 0
    return [Count(period, count, mentions) for period, (count, mentions) in sums.items()]


def place_passages(store: Store, place: str, flt: Filter = EVERYTHING, page: int = 0,
                   size: int = 20) -> Page:
    """Return a page of the articles in the filter that name a place, newest first (undated
    last), each with its passages that mention the place and those mentions."""
    _check_page(page, size)
    sql, params = flt.conditions("ap.article", "ap.day", with_place=False)
    sql.insert(0, "ap.place = ?")
    conn = store.conn
    total = conn.execute(f"SELECT count(*) FROM article_places ap{_where(sql)}",
                         [place, *params]).fetchone()[0]
    ids = [row[0] for row in conn.execute(
        f"SELECT ap.article FROM article_places ap{_where(sql)} "
        "ORDER BY ap.day DESC, ap.article DESC LIMIT ? OFFSET ?",
        [place, *params, size, page * size])]
    return Page(tuple(_article_passages(store, article, place) for article in ids), total, page,
                size)


def _article_passages(store: Store, article: int, place: str) -> ArticlePassages:
    """Return one article's passages that mention a place, with the mentions."""
    conn = store.conn
    ref = ArticleRef(*conn.execute(f"SELECT {ARTICLE_FIELDS} FROM articles a WHERE a.id = ?",
                                   (article,)).fetchone())
    found: dict[int, list[Mention]] = {}
    for passage, *fields in conn.execute(
            f"SELECT passage, {', '.join(MENTION_COLUMNS[:-1])} FROM mentions "
            "WHERE article = ? AND (place = ? OR country = ?) AND passage IS NOT NULL "
            "ORDER BY start", (article, place, place)):
        found.setdefault(passage, []).append(Mention(ref.slug, *fields))
    marks = ", ".join("?" * len(found))
    rows = conn.execute(
        f'SELECT p.idx, p.start, p."end", p.sentences, '
        f'substr(a.text, p.start + 1, p."end" - p.start) FROM passages p '
        f"JOIN articles a ON a.id = p.article WHERE p.article = ? AND p.idx IN ({marks}) "
        "ORDER BY p.idx", (article, *found))
    hits = (PassageHit(passage_from(row[:4]), row[4], tuple(found[row[0]])) for row in rows)
    return ArticlePassages(ref, tuple(hits))


def co_mentions(store: Store, place: str, flt: Filter = EVERYTHING,
                limit: int = 10) -> list[Count]:
    """Return the countries, groupings and regions most often named in the same passages as a
    place (other mentions than its own), with the number of such passages."""
    sql, params = flt.conditions("ap.article", "ap.day", with_place=False)
    sql.insert(0, "ap.place = ?")
    rows = store.conn.execute(f"""
        WITH hits AS (
            SELECT DISTINCT m.article, m.passage FROM mentions m
            WHERE (m.place = ? OR m.country = ?) AND m.passage IS NOT NULL
              AND m.article IN (SELECT ap.article FROM article_places ap{_where(sql)})
        ), beside AS (
            SELECT DISTINCT h.article, h.passage, coalesce(o.country, o.place) AS key
            FROM hits h JOIN mentions o ON o.article = h.article AND o.passage = h.passage
            WHERE o.place != ? AND o.country IS NOT ?
        )
        SELECT key, count(*) FROM beside WHERE key != ? GROUP BY key
        ORDER BY 2 DESC, 1 LIMIT ?""", [place, place, place, *params, place, place, place,
                                        limit])
    return [Count(*row) for row in rows]


def facet(store: Store, column: str, flt: Filter = EVERYTHING) -> list[Count]:
    """Return each source (column "source") or language ("language") with its article count."""
    if column not in ("source", "language"):
        raise ValueError(f"facet: expected source or language, got {column!r}.")
    sql, params = flt.conditions("a.id", "a.day")
    rows = store.conn.execute(f"SELECT a.{column}, count(*) FROM articles a{_where(sql)} "
                              f"GROUP BY a.{column} ORDER BY 2 DESC, 1", params)
    return [Count(*row) for row in rows]


def articles(store: Store, flt: Filter = EVERYTHING, page: int = 0, size: int = 20) -> Page:
    """Return a page of the articles in the filter, newest first (undated last)."""
    _check_page(page, size)
    sql, params = flt.conditions("a.id", "a.day")
    conn = store.conn
    total = conn.execute(f"SELECT count(*) FROM articles a{_where(sql)}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {ARTICLE_FIELDS} FROM articles a{_where(sql)} "
                        "ORDER BY a.day DESC, a.id DESC LIMIT ? OFFSET ?",
                        [*params, size, page * size])
    return Page(tuple(ArticleRef(*row) for row in rows), total, page, size)


def search(store: Store, flt: Filter, page: int = 0, size: int = 20) -> Page:
    """Return a page of the articles that hold the filter's words, best match first (a word in
    the title weighs four in the text), each with a snippet around the words found."""
    _check_page(page, size)
    if not flt.query:
        raise ValueError("search: no words to look for.")
    sql, params = flt.conditions("a.id", "a.day", with_query=False)
    sql.insert(0, "articles_fts MATCH ?")
    params.insert(0, fts_query(flt.query))
    found = f"FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid{_where(sql)}"
    conn = store.conn
    total = conn.execute(f"SELECT count(*) {found}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {ARTICLE_FIELDS}, snippet(articles_fts, 1, ?, ?, '…', 16), "
        f"bm25(articles_fts, 4.0, 1.0) AS rank {found} ORDER BY rank LIMIT ? OFFSET ?",
        [MARK, UNMARK, *params, size, page * size])
    hits = tuple(SearchHit(ArticleRef(*row[:7]), _runs(row[7]), row[8]) for row in rows)
    return Page(hits, total, page, size)


def _runs(snippet: str) -> tuple[tuple[str, bool], ...]:
    """Return a marked snippet as (text, found) runs."""
    runs = []
    for number, part in enumerate(snippet.replace(UNMARK, MARK).split(MARK)):
        if part:
            runs.append((part, number % 2 == 1))
    return tuple(runs)


def mention_rows(store: Store, flt: Filter = EVERYTHING) -> Iterator[dict]:
    """Yield every mention in the filter's articles with its article's slug, date, source and
    URL, newest article first, each article's mentions in text order."""
    sql, params = flt.conditions("a.id", "a.day")
    columns = ("doc", "published", "source", "url", *MENTION_COLUMNS)
    cursor = store.conn.execute(
        f"SELECT a.slug, a.published, a.source, a.url, "
        f"{', '.join('m.' + c for c in MENTION_COLUMNS)} FROM articles a "
        f"JOIN mentions m ON m.article = a.id{_where(sql)} "
        "ORDER BY a.day DESC, a.id DESC, m.rowid", params)
    names = [c.strip('"') for c in columns]
    for row in cursor:
        yield dict(zip(names, row, strict=True))
