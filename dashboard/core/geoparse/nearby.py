"""What the text around each candidate names: its neighbourhood, the context it is resolved in.

A name's neighbourhood is its passage, narrowed to the sentences around it: text scraped without
paragraphs is one passage, and a county named five paragraphs' worth of sentences away says
nothing about a name here. A neighbourhood counts, per country, the mentions that name the
country, a town of it, or a region of it (resolution.py's levels of evidence).
"""

from __future__ import annotations

from bisect import bisect_right

from ..gazetteer import Entry, Gazetteer, fold
from ..kinds import Trait, hows
from ..models import Document
from .matching import Candidate
from .resolution import COUNTRY, Said, country_of, level_of, one_place

WINDOW = 2  # sentences either side of a name's own that are its neighbourhood (in its passage)
COUNTRY_NAMES = hows(Trait.COUNTRY_NAME)

Found = list[tuple[str | None, int]]  # per candidate: the country it names (if any), and what


def places_of(doc: Document, cands: list[Candidate]) -> list[tuple[int, int]]:
    """Return, per candidate, its passage and its sentence (counted through the document); a
    headline counts as its lead's passage (it names what the lead tells)."""
    sentences = [(p.index, s.start) for p in doc.passages for s in p.sentences]
    starts = [start for _, start in sentences]
    headline = len(doc.passages) > 1 and doc.title == doc.text[doc.passages[0].start:
                                                                doc.passages[0].end]
    where = []
    for cand in cands:
        at = max(bisect_right(starts, cand.start) - 1, 0)
        passage = sentences[at][0]
        where.append((1 if headline and passage == 0 else passage, at))
    return where


def sure(cands: list[Candidate], countries: list[str | None]) -> Found:
    """Return, per candidate, the one country it names for sure (countries: each one's
    sure_country), and what of it: the country, a town or a region (first round: no reading
    chosen yet)."""
    found = []
    for cand, country in zip(cands, countries, strict=True):
        levels = {level_of(e.how) for e in cand.entries} if country else {COUNTRY}
        found.append((country, levels.pop() if len(levels) == 1 else COUNTRY))
    return found


def found(cands: list[Candidate], resolved: dict[int, Entry], strong: set[str | None],
          settling: set[int], gaz: Gazetteer) -> Found:
    """Return, per candidate, the country a first round chose for it, if it may say so (it
    settles: settling holds its start; a weak one, if its country is named for sure), and
    what of it."""
    rows = []
    for cand in cands:
        entry = resolved.get(cand.start)
        country = None if entry is None else country_of(entry, gaz)
        if entry is None or cand.start not in settling or (cand.weak and country not in strong):
            rows.append((None, COUNTRY))
        else:
            rows.append((country, level_of(entry.how)))
    return rows


def settles(cand: Candidate, gaz: Gazetteer) -> bool:
    """Tell whether a candidate's first-round reading may count as context (if strong, or its
    country is named for sure): it is not a country's name that places elsewhere share
    ('Georgia'), whose reading is the very question (its namesakes would vote for each other)."""
    if len(cand.entries) == 1:
        return True
    countries = {country_of(e, gaz) for e in cand.entries if e.how in COUNTRY_NAMES}
    return not countries or all(country_of(e, gaz) in countries for e in cand.entries)


def echoes(mentions: list[tuple[Candidate, Entry, list[Entry]]], said: dict[int, Said | None]
           ) -> dict[str, tuple[int, str]]:
    """Return where a name was first given a place by the words beside it ('Athens, Georgia';
    'the state of Victoria'), and the place, by the name: its later mentions lean the same way
    (said: each candidate's context, by its start)."""
    chosen: dict[str, tuple[int, str]] = {}
    for cand, entry, _ in mentions:
        context = said[cand.start]
        if context is not None and (context.qualifier or context.admin):
            chosen.setdefault(fold(cand.text), (cand.start, entry.place))
    return chosen


def contexts(named: dict[str, int], rows: Found, where: list[tuple[int, int]],
             cands: list[Candidate], echo: dict[str, tuple[int, str]] | None = None,
             regions: frozenset[str] = frozenset()) -> list[Said | None]:
    """Return each candidate's context: the countries the document names, what of each its
    neighbourhood names (its own mention aside), its name's echo, if any, and the regions the
    document names."""
    by_sentence: dict[int, dict[str, list[int]]] = {}
    passage_of: dict[int, int] = {}
    for (country, level), (passage, sentence) in zip(rows, where, strict=True):
        passage_of[sentence] = passage
        if country:
            by_sentence.setdefault(sentence, {}).setdefault(country, [0, 0, 0])[level] += 1
    windows: dict[int, dict[str, list[int]]] = {}
    said: list[Said | None] = []
    for cand, own, (passage, sentence) in zip(cands, rows, where, strict=True):
        if one_place(cand):  # nothing to choose: no neighbourhood to read
            said.append(None)
            continue
        if sentence not in windows:
            windows[sentence] = _window(by_sentence, passage_of, passage, sentence)
        heard = echo.get(fold(cand.text)) if echo else None
        said.append(Said(named, windows[sentence], own, regions=regions,
                         echo=heard[1] if heard and heard[0] < cand.start else None))
    return said


def _window(by_sentence: dict[int, dict[str, list[int]]], passage_of: dict[int, int],
            passage: int, sentence: int) -> dict[str, list[int]]:
    """Return the counts of the sentences around one, in its passage, added together."""
    total: dict[str, list[int]] = {}
    for other in range(sentence - WINDOW, sentence + WINDOW + 1):
        if passage_of.get(other) != passage:
            continue
        for country, counts in by_sentence.get(other, {}).items():
            into = total.setdefault(country, [0, 0, 0])
            for level, count in enumerate(counts):
                into[level] += count
    return total
