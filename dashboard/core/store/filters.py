"""What the desk is narrowed to (dates, sources, languages, words, a place), checked where it
comes in, and as SQL conditions on an article id and its day."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("day", "week", "month")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_PLACE = re.compile(r"[A-Z][A-Z0-9-]{1,40}|gn:\d+|[A-Za-z0-9:._-]{2,60}")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def parse_day(value: str, what: str) -> date | None:
    """Return a YYYY-MM-DD date ("" gives None), or raise ValueError naming the option."""
    if not value:
        return None
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError(f"{what}: expected a date as YYYY-MM-DD, got {value!r}.")


def fts_query(text: str) -> str:
    """Return what someone typed as an FTS5 query: every word (or "quoted phrase") must occur;
    a trailing * matches any word it starts; FTS5's own syntax is taken literally."""
    terms = []
    for phrase, word in _TERM.findall(text):
        prefix = word.endswith("*")
        term = phrase if phrase else word.rstrip("*")
        if any(char.isalnum() for char in term):
            terms.append('"' + term.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not terms:
        raise ValueError(f"search: no word to look for in {text!r}.")
    return " ".join(terms)


@dataclass(frozen=True)
class Filter:
    """The part of the desk a question is about; empty fields do not narrow it. A date bound
    leaves out the articles without a date."""

    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    query: str = ""
    place: str = ""

    def __post_init__(self) -> None:
        """Check the fields; raise ValueError saying which is wrong."""
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"dates: the window starts ({self.date_from}) after it ends "
                             f"({self.date_to}).")
        for language in self.languages:
            if not _LANGUAGE.fullmatch(language):
                raise ValueError(f"language: expected a code such as 'en' or 'fr', got "
                                 f"{language!r}.")
        if self.place and not _PLACE.fullmatch(self.place):
            raise ValueError(f"place: expected an id such as NER, AES or gn:2440485, got "
                             f"{self.place!r}.")
        if self.query:
            fts_query(self.query)

    @classmethod
    def parse(cls, date_from: str = "", date_to: str = "", sources: Iterable[str] = (),
              languages: Iterable[str] = (), query: str = "", place: str = "") -> Filter:
        """Return the filter that strings (a URL, the command line) describe, or raise
        ValueError naming the bad value."""
        return cls(parse_day(date_from.strip(), "from"), parse_day(date_to.strip(), "to"),
                   tuple(s.strip() for s in sources if s.strip()),
                   tuple(s.strip().lower() for s in languages if s.strip()),
                   query.strip(), place.strip())

    def conditions(self, article: str, day: str | None = None, with_place: bool = True,
                   with_query: bool = True) -> tuple[list[str], list]:
        """Return SQL conditions (and their parameters) on an article id column and, when the
        table has one, its day column; else the dates are asked of the articles table."""
        sql, params, on_articles = [], [], []
        where = (sql, params) if day else (on_articles, params)
        column = day or "day"
        if self.date_from:
            where[0].append(f"{column} >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            where[0].append(f"{column} <= ?")
            params.append(self.date_to.isoformat())
        for values, name in ((self.sources, "source"), (self.languages, "language")):
            if values:
                on_articles.append(f"{name} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if on_articles:
            sql.append(f"{article} IN (SELECT id FROM articles WHERE {' AND '.join(on_articles)})")
        if self.query and with_query:
            sql.append(f"{article} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(self.query))
        if self.place and with_place:
            sql.append(f"{article} IN (SELECT article FROM article_places WHERE place = ?)")
            params.append(self.place)
        return sql, params


EVERYTHING = Filter()  # the whole desk


def period_of(day: str, by: str) -> str:
    """Return the first day of the day, week (Monday) or month a YYYY-MM-DD day is in."""
    when = date.fromisoformat(day)
    if by == "week":
        when -= timedelta(days=when.weekday())
    elif by == "month":
        when = when.replace(day=1)
    return when.isoformat()


def periods(first: str, last: str, by: str) -> list[str]:
    """Return every period from the one holding first to the one holding last."""
    if by not in PERIODS:
        raise ValueError(f"period: expected one of {', '.join(PERIODS)}, got {by!r}.")
    found, when, end = [], date.fromisoformat(period_of(first, by)), date.fromisoformat(last)
    while when <= end:
        found.append(when.isoformat())
        if by == "month":
            when = (when.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            when += timedelta(days=7 if by == "week" else 1)
    return found
