"""Text → place mentions: match every name the gazetteer knows, then resolve in context."""

from __future__ import annotations

import bisect
import gc
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from . import gazetteer as gazetteer_module
from . import rules
from .gazetteer import Entry, Gazetteer, fold
from .models import Document, Mention, Passage, Place

MAX_NAME_TOKENS = 7
# Readings strong enough, once resolved, to serve as context for the rest.
QUALIFYING = ("country", "official", "alternative", "short", "abbreviation", "admin")
SETTLING = ("country", "official", "alternative", "short", "abbreviation", "capital", "seat")
WORD = re.compile(r"\w+")
# From a word's first letter outside a-z (a capital, in the words that matter) to the word's end:
# every word a name can start in, found in one pass ("Niger", "MoDRussia", "photoNiamey").
CAPITALISED = re.compile(r"[^\W\d_a-z]\w*")
LONG_WORD = re.compile(r"\w{4,}")
# The next two words: read in the reversed text, the two words before an offset.
TWO_WORDS = re.compile(r"(\w+)(?:\W+(\w+))?")
# Some word may be two glued together (see GLUED and CAMEL).
GLUE_HINT = re.compile(r"[A-Za-z][A-Z][a-z]{3}")
# "MoDRussia", "AFPNiamey": an acronym glued to a capitalised word (scraped photo credits).
GLUED = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z]{3,}$)")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{3,}$)")
NAME_GAP = re.compile(r"(?:[ \t]|[ \t]?[-‐–'’.][ \t]?|[ \t]?'[ \t]?)\Z")
REASONS = {
    "country": "name of {name}", "official": "official name of {name}",
    "alternative": "another name of {name}", "short": "short name of {name}",
    "seat": "seat of government in {name}, capital of {country}",
    "abbreviation": "abbreviation of {name}", "demonym": "demonym of {name}",
    "capital": "capital of {country}", "city": "city in {country}", "admin": "region of {country}",
    "grouping": "{name}", "region": "region: {name}",
}
BASE_SCORE = {
    "grouping": 7.5, "country": 7.5, "official": 7.5, "alternative": 7.2, "short": 7.2,
    "abbreviation": 7.2, "region": 6.2, "demonym": 6.0, "capital": 5.5, "seat": 5.5,
    "admin": 4.0, "city": 3.0,
}


class Token(NamedTuple):
    """A word of the text, with its offsets."""

    start: int
    end: int
    text: str
    folded: str


@dataclass
class Candidate:
    """A span that matches one or more gazetteer entries, before resolution."""

    first: int  # first and last index the span's own tokens in tokens
    last: int
    start: int
    end: int
    text: str
    entries: list[Entry]
    tokens: list[Token] = field(default_factory=list)  # ≤ 2 tokens before, the span's, ≤ 1 after
    weak: bool = False


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the committed geodata's gazetteer, loaded once per process and kept out of the
    garbage collector's way (a quarter of a million objects that live as long as the process:
    a full collection, which Streamlit runs after every script run, walked them in 0.12 s).

    Collection is paused while they are made: every few hundred new objects would otherwise
    start a collection that walks the growing index (a third of the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gaz = gazetteer_module.load()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return gaz


def _split_glued(offset: int, word: str, credit: bool) -> list[tuple[int, str]]:
    """Split a word that is two words glued together by scraping, if it is one."""
    pattern = CAMEL if credit else GLUED
    match = pattern.search(word) or (GLUED.search(word) if credit else None)
    if match is None or match.start() < 2:
        return [(offset, word)]
    cut = match.start()
    return [(offset, word[:cut]), (offset + cut, word[cut:])]


def _is_word_char(char: str) -> bool:
    """Tell whether a character is one that WORD's \\w matches."""
    return char.isalnum() or char == "_"


def _has_credit(text: str, start: int) -> bool:
    """Tell whether a '©' comes before an offset on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return "©" in text[line_start:start]


def _gap_ok(text: str, left: Token, right: Token) -> bool:
    """Tell whether two tokens may belong to one multi-word name."""
    gap = text[left.end:right.start]
    return gap == " " or gap == "" or bool(NAME_GAP.match(gap))


def _case_ok(entry: Entry, surface: str) -> bool:
    """Tell whether the text's capitalisation fits the entry's form."""
    return _case_fits(entry.form, entry.exact_case, surface)


@lru_cache(maxsize=100_000)
def _case_fits(form: str, exact_case: bool, surface: str) -> bool:
    """Tell whether a surface's capitalisation fits a form's (exactly, if exact_case)."""
    if exact_case:
        return surface == form
    if surface.isupper() and len(surface) > 1 and not form.isupper():
        return False
    form_words, text_words = WORD.findall(form), WORD.findall(surface)
    if len(form_words) != len(text_words):
        return False
    if not text_words[0][:1].isupper():
        return False
    return all(t[:1].isupper() for f, t in zip(form_words, text_words, strict=True)
               if f[:1].isupper())


def _title_case(words: list[str]) -> bool:
    """Tell whether a passage's words are a title-case headline (capitals then say nothing)."""
    words = [w for w in words if len(w) > 3]
    return len(words) >= 6 and sum(map(str.isupper, map(itemgetter(0), words))) / len(words) > 0.8


def _may_split(word: str) -> bool:
    """Tell whether a word may be two glued words (a capital past its start, then a-z)."""
    return len(word) > 5 and word[-3:].islower() and not word[1:].islower()


@dataclass
class Reader:
    """A passage being read, tokenised only where a name may start, and around it."""

    text: str
    backwards: str  # the text reversed, to read the words before an offset
    passage: Passage
    credits: bool  # whether the text has a '©' at all

    def pieces(self, start: int, word: str) -> list[Token]:
        """Return the tokens of the word at start: itself, or the two words scraping glued."""
        if not _may_split(word):
            return [Token(start, start + len(word), word, fold(word))]
        return [Token(at, at + len(piece), piece, fold(piece))
                for at, piece in self.parts(start, word)]

    def parts(self, start: int, word: str) -> list[tuple[int, str]]:
        """Return the (offset, text) of the word at start, or of its halves if it is two glued."""
        if not _may_split(word):
            return [(start, word)]
        credit = self.credits and _has_credit(self.text, start)
        return _split_glued(start, word, credit)

    def tokens_from(self, start: int) -> Iterator[Token]:
        """Yield the tokens from start (a word's start) to the passage's end."""
        for match in WORD.finditer(self.text, start, self.passage.end):
            yield from self.pieces(match.start(), match.group())

    def read_on(self, tokens: list[Token]) -> bool:
        """Append the tokens of the word after the last token; tell whether there was one."""
        # A glued word's second half never splits again, so reading on from a first half's
        # end yields the second half.
        match = WORD.search(self.text, tokens[-1].end, self.passage.end)
        if match is not None:
            tokens += self.pieces(match.start(), match.group())
        return match is not None

    def word_start(self, at: int) -> int:
        """Return the start of the word that holds offset at."""
        while at > self.passage.start and _is_word_char(self.text[at - 1]):
            at -= 1
        return at

    def tokens_before(self, start: int) -> list[Token]:
        """Return the last two tokens (or fewer) of the passage before a token's start."""
        word = self.word_start(start)
        own = []
        if word < start:  # the second half of a glued word: its first half comes before
            whole = WORD.match(self.text, word).group()
            own = [t for t in self.pieces(word, whole) if t.start < start]
        tokens = [t for at, text in self._words_before(word) for t in self.pieces(at, text)]
        return (tokens + own)[-2:]

    def _words_before(self, start: int) -> list[tuple[int, str]]:
        """Return the last two whole words (or fewer) of the passage before a word's start."""
        size = len(self.backwards)
        match = TWO_WORDS.search(self.backwards, size - start, size - self.passage.start)
        if match is None:
            return []
        last, previous = match.groups()
        words = [(size - match.end(1), last[::-1])]
        if previous:
            words.insert(0, (size - match.end(2), previous[::-1]))
        return words

    def starts_sentence(self, start: int) -> bool:
        """Tell whether the token at start begins its sentence (a glued-on half does too)."""
        if start > self.passage.start and _is_word_char(self.text[start - 1]):
            return True
        starts = [s.start for s in self.passage.sentences]
        at = bisect.bisect_right(starts, start) - 1
        sentence = starts[at] if at >= 0 else self.passage.start
        return not WORD.search(self.text, sentence, start)

    @cached_property
    def headline(self) -> bool:
        """Tell whether the passage is a title-case headline."""
        text, start, end = self.text, self.passage.start, self.passage.end
        if GLUE_HINT.search(text, start, end):  # some word may split: tokenise it all
            return _title_case([t.text for t in self.tokens_from(start)])
        return _title_case(LONG_WORD.findall(text, start, end))

    def loose_capital(self, cand: Candidate) -> bool:
        """Tell whether a candidate's capital may say nothing: sentence start or headline."""
        return self.starts_sentence(cand.start) or self.headline

    def candidates(self, gaz: Gazetteer) -> list[Candidate]:
        """Return the longest gazetteer matches, left to right, that start with a capital letter."""
        found: list[Candidate] = []
        text, low = self.text, self.passage.start
        resume = low
        for match in CAPITALISED.finditer(text, low, self.passage.end):
            start, word = match.start(), match.group()
            if (start > low and _is_word_char(text[start - 1])) or _may_split(word):
                parts = self._split(start, word)
            else:
                parts = ((start, word),)
            for start, word in parts:
                if start < resume or not word[0].isupper() or fold(word) not in gaz.starts:
                    continue
                cand = self.longest_at(Token(start, start + len(word), word, fold(word)), gaz)
                if cand:
                    found.append(cand)
                    resume = cand.end
        return found

    def _split(self, start: int, word: str) -> list[tuple[int, str]]:
        """Return the (offset, text) tokens of the word a CAPITALISED match ends, maybe mid-word."""
        if start > self.passage.start and _is_word_char(self.text[start - 1]):
            end, start = start + len(word), self.word_start(start)  # a tail: "photo|Niamey"
            word = self.text[start:end]
        return self.parts(start, word)

    def longest_at(self, token: Token, gaz: Gazetteer) -> Candidate | None:
        """Return the longest candidate that starts at a token, or None."""
        tokens, sizes = self._walk(token, gaz)
        for size in reversed(sizes):
            span = tokens[:size]
            surface = self.text[token.start:span[-1].end]
            key = tuple(t.folded for t in span)
            entries = [e for e in gaz.lookup(key) if _case_ok(e, surface)]
            if entries:
                if size == len(tokens):
                    self.read_on(tokens)
                before = self.tokens_before(token.start)
                context = before + tokens[:size + 1]
                return Candidate(len(before), len(before) + size - 1, token.start, span[-1].end,
                                 surface, entries, context)
        return None

    def _walk(self, token: Token, gaz: Gazetteer) -> tuple[list[Token], list[int]]:
        """Read on while a name may go on; return the tokens read and the sizes that are forms."""
        tokens, sizes, key = [token], [], (token.folded,)
        while True:
            size = len(key)
            if gaz.knows(key):
                sizes.append(size)
            if size == MAX_NAME_TOKENS or key not in gaz.prefixes:
                return tokens, sizes
            if size == len(tokens) and not self.read_on(tokens):
                return tokens, sizes
            if not _gap_ok(self.text, tokens[size - 1], tokens[size]):
                return tokens, sizes
            key += (tokens[size].folded,)


def country_of(entry: Entry, gaz: Gazetteer) -> str | None:
    """Return the ISO3 code an entry's place lies in (None for groupings and regions)."""
    return gaz.place(entry.place).country


def _score(entry: Entry, gaz: Gazetteer, anchors: dict[str, int], qualifier: str | None) -> float:
    """Score an entry for resolution: kind of name, population, countries the text names."""
    place = gaz.places[entry.place]
    score = BASE_SCORE[entry.how]
    if entry.how in ("city", "capital"):
        score += math.log10(max(place.population, 10)) / 5
    if entry.how == "demonym" and place.country in gaz.dependent:
        score -= 1.0  # "French": France before the French Southern Lands
    if place.country and anchors.get(place.country):
        score += 3.0 + min(anchors[place.country], 5) / 10
    if qualifier and place.country == qualifier:
        score += 10.0
    return score


def resolve(cand: Candidate, gaz: Gazetteer, anchors: dict[str, int],
            qualifier: str | None) -> tuple[Entry, list[Entry]]:
    """Pick the entry that best fits the context; return it and the places passed over."""
    if len(cand.entries) == 1:
        return cand.entries[0], []
    ranked = sorted(cand.entries, key=lambda e: (-_score(e, gaz, anchors, qualifier), e.place))
    chosen = ranked[0]
    rivals = ("city", "capital", "admin") if chosen.how in ("city", "capital", "admin") else (
        "country", "official", "alternative", "short", "demonym", "admin")
    country = gaz.places[chosen.place].country
    others = [e for e in ranked[1:] if e.place != chosen.place and e.how in rivals
              and gaz.places[e.place].country != country]
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
    how = "abbreviation" if entry.how == "grouping" and entry.exact_case else entry.how
    reason = REASONS[how].format(name=place.name, country=country)
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


def candidates_in(doc: Document, gaz: Gazetteer) -> list[Candidate]:
    """Return the filtered candidates of every passage, in text order."""
    text, credits = doc.text, "©" in doc.text
    backwards = text[::-1]  # one reversed copy shared by every passage's reader
    readers = [Reader(text, backwards, passage, credits) for passage in doc.passages]
    matched = [(reader, reader.candidates(gaz)) for reader in readers]
    people = rules.person_words(doc.text, [c for _, cands in matched for c in cands], gaz)
    found: list[Candidate] = []
    for reader, cands in matched:
        for cand in cands:
            loose = partial(reader.loose_capital, cand)
            kept = rules.filter_candidate(doc.text, cand.tokens, cand, gaz, loose, people)
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
