"""Text → place mentions: match every name the gazetteer knows, then resolve in context."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer as gazetteer_module
from . import rules
from .gazetteer import Entry, Gazetteer, fold
from .models import Document, Mention, Place

MAX_NAME_TOKENS = 7
# Readings strong enough, once resolved, to serve as context for the rest.
QUALIFYING = ("country", "official", "alternative", "short", "abbreviation", "admin")
SETTLING = ("country", "official", "alternative", "short", "abbreviation", "capital", "seat")
WORD = re.compile(r"\w+")
# "MoDRussia", "AFPNiamey": an acronym glued to a capitalised word (scraped photo credits).
GLUED = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z]{3,}$)")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{3,}$)")
NAME_GAP = re.compile(r"(?:[ \t]|[ \t]?[-‐–'’.][ \t]?|[ \t]?'[ \t]?)\Z")
BASE_SCORE = {
    "grouping": 7.5, "country": 7.5, "official": 7.5, "alternative": 7.2, "short": 7.2,
    "abbreviation": 7.2, "region": 6.2, "demonym": 6.0, "capital": 5.5, "seat": 5.5,
    "admin": 4.0, "city": 3.0,
}


@dataclass(frozen=True)
class Token:
    """A word of the text, with its offsets."""

    start: int
    end: int
    text: str
    folded: str
    initial: bool = False


@dataclass
class Candidate:
    """A span that matches one or more gazetteer entries, before resolution."""

    first: int
    last: int
    start: int
    end: int
    text: str
    entries: list[Entry]
    weak: bool = False


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the committed geodata's gazetteer, loaded once per process."""
    return gazetteer_module.load()


def _split_glued(text: str, offset: int, word: str, credit: bool) -> list[tuple[int, str]]:
    """Split a word that is two words glued together by scraping, if it is one."""
    pattern = CAMEL if credit else GLUED
    match = pattern.search(word) or (GLUED.search(word) if credit else None)
    if match is None or match.start() < 2:
        return [(offset, word)]
    cut = match.start()
    return [(offset, word[:cut]), (offset + cut, word[cut:])]


def tokenize(text: str, start: int, end: int, sentence_starts: list[int]) -> list[Token]:
    """Return the word tokens of text[start:end], splitting glued words and marking initials."""
    tokens: list[Token] = []
    for match in WORD.finditer(text, start, end):
        at = bisect.bisect_right(sentence_starts, match.start()) - 1
        sentence = sentence_starts[at] if at >= 0 else start
        initial = not WORD.search(text, sentence, match.start())
        line_start = text.rfind("\n", 0, match.start()) + 1
        credit = "©" in text[line_start:match.start()]
        for offset, word in _split_glued(text, match.start(), match.group(), credit):
            tokens.append(Token(offset, offset + len(word), word, fold(word), initial))
            initial = offset == match.start() and len(word) < len(match.group())
    return tokens


def _gap_ok(text: str, left: Token, right: Token) -> bool:
    """Tell whether two tokens may belong to one multi-word name."""
    gap = text[left.end:right.start]
    return bool(NAME_GAP.match(gap)) or gap == ""


def _case_ok(entry: Entry, surface: str) -> bool:
    """Tell whether the text's capitalisation fits the entry's form."""
    if entry.exact_case:
        return surface == entry.form
    if surface.isupper() and len(surface) > 1 and not entry.form.isupper():
        return False
    form_words, text_words = WORD.findall(entry.form), WORD.findall(surface)
    if len(form_words) != len(text_words):
        return False
    if not text_words[0][:1].isupper():
        return False
    return all(t[:1].isupper() for f, t in zip(form_words, text_words, strict=True)
               if f[:1].isupper())


def match_candidates(text: str, tokens: list[Token], gaz: Gazetteer) -> list[Candidate]:
    """Return the longest gazetteer matches, left to right, that start with a capital letter."""
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        lengths = gaz.starts.get(token.folded) if token.text[:1].isupper() else None
        matched = _longest_at(text, tokens, i, lengths or (), gaz)
        if matched:
            found.append(matched)
            i = matched.last + 1
        else:
            i += 1
    return found


def _longest_at(text: str, tokens: list[Token], i: int, lengths, gaz: Gazetteer):
    """Return the longest candidate starting at token i, or None."""
    for size in lengths:
        last = i + size - 1
        if last >= len(tokens) or size > MAX_NAME_TOKENS:
            continue
        span = tokens[i:last + 1]
        if not all(_gap_ok(text, a, b) for a, b in zip(span, span[1:], strict=False)):
            continue
        surface = text[span[0].start:span[-1].end]
        key = tuple(t.folded for t in span)
        entries = [e for e in gaz.lookup(key) if _case_ok(e, surface)]
        if entries:
            return Candidate(i, last, span[0].start, span[-1].end, surface, entries)
    return None


def country_of(entry: Entry, gaz: Gazetteer) -> str | None:
    """Return the ISO3 code an entry's place lies in (None for groupings and regions)."""
    return gaz.place(entry.place).country


def _score(entry: Entry, gaz: Gazetteer, anchors: dict[str, int], qualifier: str | None) -> float:
    """Score an entry for resolution: kind of name, population, countries the text names."""
    place = gaz.place(entry.place)
    score = BASE_SCORE[entry.how]
    if entry.how in ("city", "capital"):
        score += math.log10(max(place.population, 10)) / 5
    if place.country in gaz.dependent:
        score -= 1.0
    if place.country and anchors.get(place.country):
        score += 3.0 + min(anchors[place.country], 5) / 10
    if qualifier and place.country == qualifier:
        score += 10.0
    return score


def resolve(cand: Candidate, gaz: Gazetteer, anchors: dict[str, int],
            qualifier: str | None) -> tuple[Entry, list[Entry]]:
    """Pick the entry that best fits the context; return it and the places passed over."""
    ranked = sorted(cand.entries, key=lambda e: (-_score(e, gaz, anchors, qualifier), e.place))
    chosen = ranked[0]
    rivals = ("city", "capital", "admin") if chosen.how in ("city", "capital", "admin") else (
        "country", "official", "alternative", "short", "demonym", "admin")
    others = [e for e in ranked[1:] if e.place != chosen.place and e.how in rivals
              and gaz.place(e.place).country != gaz.place(chosen.place).country]
    return chosen, others


def _anchors(cands: list[Candidate], gaz: Gazetteer) -> dict[str, int]:
    """Count the countries named without ambiguity: the context that resolves the rest."""
    counts: dict[str, int] = {}
    for cand in cands:
        countries = {country_of(e, gaz) for e in cand.entries}
        if len(countries) == 1 and not cand.weak:
            (country,) = countries
            if country:
                counts[country] = counts.get(country, 0) + 1
    return counts


def _qualifier(text: str, cand: Candidate, before: Candidate | None, after: Candidate | None,
               gaz: Gazetteer) -> str | None:
    """Return the country that 'City, Region' pairs name ('Moscow, Idaho'; 'Atlanta, Georgia')."""
    if after is not None and text[cand.end:after.start] in (", ", ","):
        countries = {country_of(e, gaz) for e in after.entries if e.how in QUALIFYING}
        if len(countries) == 1:
            return countries.pop()
    if before is not None and text[before.end:cand.start] in (", ", ","):
        countries = {country_of(e, gaz) for e in before.entries if e.how in ("city", "capital")}
        if len(countries) == 1:
            return countries.pop()
    return None


def mention_kind(entry: Entry) -> str:
    """Return the mention kind (as in DESIGN.md) for the way a place was named."""
    if entry.how in ("country", "official", "alternative", "short", "abbreviation"):
        return "country"
    return "capital" if entry.how == "seat" else entry.how


def explain(entry: Entry, others: list[Entry], gaz: Gazetteer) -> str:
    """Say in words why a span counts for its place."""
    place = gaz.place(entry.place)
    country = gaz.place(place.country).name if place.country in gaz.places else ""
    reason = {
        "country": f"name of {place.name}",
        "official": f"official name of {place.name}",
        "alternative": f"another name of {place.name}",
        "short": f"short name of {place.name}",
        "seat": f"seat of government in {place.name}, capital of {country}",
        "abbreviation": f"abbreviation of {place.name}",
        "demonym": f"demonym of {place.name}",
        "capital": f"capital of {country}",
        "city": f"city in {country}",
        "admin": f"region of {country}",
        "grouping": place.name,
        "region": f"region: {place.name}",
    }[entry.how]
    if entry.how == "grouping" and entry.exact_case:
        reason = f"abbreviation of {place.name}"
    if others:
        reason += f"; not {_describe(others[0], gaz)}" + (
            f" or {len(others) - 1} other places" if len(others) > 1 else "")
    return reason


def _describe(entry: Entry, gaz: Gazetteer) -> str:
    """Name a passed-over place briefly ('Moscow, United States')."""
    place: Place = gaz.place(entry.place)
    if place.kind == "admin" and place.country in gaz.places:
        return f"{place.name}, a region of {gaz.place(place.country).name}"
    if place.country and place.country != place.id and place.country in gaz.places:
        return f"{place.name}, {gaz.place(place.country).name}"
    return place.name


def _title_case(text: str, tokens: list[Token]) -> bool:
    """Tell whether a passage is a title-case headline (capitals then say nothing)."""
    words = [t for t in tokens if len(t.text) > 3]
    return len(words) >= 6 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.8


def candidates_in(doc: Document, gaz: Gazetteer) -> list[Candidate]:
    """Return the filtered candidates of every passage, in text order."""
    starts = sorted(s.start for p in doc.passages for s in p.sentences)
    matched = []
    people: set[str] = set()
    for passage in doc.passages:
        tokens = tokenize(doc.text, passage.start, passage.end, starts)
        cands = match_candidates(doc.text, tokens, gaz)
        people |= rules.person_words(doc.text, tokens, cands, gaz)
        matched.append((tokens, _title_case(doc.text, tokens), cands))
    found: list[Candidate] = []
    for tokens, headline, cands in matched:
        for cand in cands:
            kept = rules.filter_candidate(doc.text, tokens, cand, gaz, headline, people)
            if kept is not None:
                found.append(kept)
    return found


def find_mentions(document: Document, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Return every place mention in a document, resolved in context, in text order."""
    gaz = gazetteer or default_gazetteer()
    cands = candidates_in(document, gaz)
    anchors = _anchors(cands, gaz)
    mentions = _resolve_all(document.text, cands, gaz, anchors)
    settled = _count_countries((e for c, e, _ in mentions if not c.weak and e.how in SETTLING), gaz)
    mentions = _resolve_all(document.text, cands, gaz, {**settled, **anchors})
    strong = {country_of(e, gaz) or e.place for c, e, _ in mentions if not c.weak}
    return [
        _mention(document, cand, entry, others, gaz)
        for cand, entry, others in mentions
        if not cand.weak or (country_of(entry, gaz) or entry.place) in strong
    ]


def _resolve_all(text: str, cands: list[Candidate], gaz: Gazetteer, anchors: dict[str, int]):
    """Resolve every candidate against the same context; return (candidate, entry, others)."""
    resolved = []
    for i, cand in enumerate(cands):
        before = cands[i - 1] if i else None
        after = cands[i + 1] if i + 1 < len(cands) else None
        entry, others = resolve(cand, gaz, anchors, _qualifier(text, cand, before, after, gaz))
        resolved.append((cand, entry, others))
    return resolved


def _count_countries(pairs, gaz: Gazetteer) -> dict[str, int]:
    """Count the countries of resolved mentions."""
    counts: dict[str, int] = {}
    for entry in pairs:
        country = country_of(entry, gaz)
        if country:
            counts[country] = counts.get(country, 0) + 1
    return counts


def _mention(doc: Document, cand: Candidate, entry: Entry, others: list[Entry],
             gaz: Gazetteer) -> Mention:
    """Build the Mention for a resolved candidate."""
    place = gaz.place(entry.place)
    return Mention(
        doc=doc.slug, start=cand.start, end=cand.end, text=cand.text, place=place.id,
        country=place.country, kind=mention_kind(entry), name=place.name,
        lat=place.lat, lon=place.lon, reason=explain(entry, others, gaz),
    )
