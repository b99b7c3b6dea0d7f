"""Candidates: the longest gazetteer matches in a passage, before any context is weighed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from heapq import merge

from ..gazetteer import Entry, Gazetteer, fold
from .tokens import WORD, Reader, Token, is_word_char, may_split

ALL_CAPS_LETTERS = 5  # an all-caps word this long may be a name ('NIGER'); shorter, an acronym
MAX_NAME_TOKENS = 12  # names are read up to this many words ("Communauté économique des États
#                       de l'Afrique de l'Ouest" is ten); longer forms are never matched
# From a word's first letter outside a-z (a capital, in the words that matter) to the word's end:
# every word a name can start in, found in one pass ("Niger", "MoDRussia", "photoNiamey").
# Lower-case accented letters ('é' of 'délégation') are left out: they start no name.
CAPITALISED = re.compile(r"[^\W\d_a-zß-öø-ÿœ]\w*")
NAME_GAP = re.compile(r"(?:[ \t]|[ \t]?[-‐–'’.][ \t]?|[ \t]?'[ \t]?)\Z")


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

    def narrowed(self, entries: list[Entry], weak: bool = False) -> Candidate:
        """Return a copy with only these readings, weak or not (dataclasses.replace, faster)."""
        return Candidate(self.first, self.last, self.start, self.end, self.text, entries,
                         self.tokens, weak)


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
    form_words, text_words = WORD.findall(form), WORD.findall(surface)
    if surface.isupper() and len(surface) > 1 and not form.isupper():
        # 'COTE D'IVOIRE', 'NIGER' in a headline; 'WHO' and 'SARS' are acronyms
        return len(text_words) == len(form_words) and (
            len(text_words) > 1 or len(surface) >= ALL_CAPS_LETTERS)
    if len(form_words) != len(text_words):
        return False
    if not text_words[0][:1].isupper():
        return False
    return all(t[:1].isupper() for f, t in zip(form_words, text_words, strict=True)
               if f[:1].isupper())


@lru_cache(maxsize=10_000)
def _lower_case_fits(form: str, how: str, surface: str, kinds: frozenset[str]) -> bool:
    """Tell whether a lower-case surface fits a form: a kind the language writes in lower case
    ('nigériennes'), or a form whose own words are in lower case ('bassin du lac Tchad')."""
    if how in kinds and surface.islower():
        return len(WORD.findall(form)) == len(WORD.findall(surface))
    form_words, text_words = WORD.findall(form), WORD.findall(surface)
    return form[:1].islower() and len(form_words) == len(text_words) and all(
        f[:1].isupper() == t[:1].isupper() for f, t in zip(form_words, text_words, strict=True))


def candidates(reader: Reader, gaz: Gazetteer,
               lower_kinds: frozenset[str] = frozenset()) -> list[Candidate]:
    """Return the longest gazetteer matches, left to right, that start with a capital letter
    (or, in a language that writes some names in lower case, with one of those names)."""
    if gaz.lower_case is None:
        return _capitalised(reader, gaz)
    found: list[Candidate] = []
    resume = reader.passage.start
    lower_ok = partial(_lower_ok, kinds=lower_kinds)
    for start, word, lower in merge(_capital_starts(reader, gaz), _lower_starts(reader, gaz)):
        if start < resume:
            continue
        token = Token(start, start + len(word), word, fold(word))
        cand = longest_at(reader, token, gaz, lower_ok if lower else _case_ok)
        if cand:
            found.append(cand)
            resume = cand.end
    return found


def _lower_ok(entry: Entry, surface: str, kinds: frozenset[str]) -> bool:
    """Tell whether a lower-case surface fits an entry (see _lower_case_fits)."""
    return not entry.exact_case and _lower_case_fits(entry.form, entry.how, surface, kinds)


def _capital_starts(reader: Reader, gaz: Gazetteer) -> list[tuple[int, str, bool]]:
    """Return (offset, word, False) for each capitalised word a known name may start with."""
    text, low, starts = reader.text, reader.passage.start, gaz.starts
    found = []
    for match in CAPITALISED.finditer(text, low, reader.passage.end):
        start, word = match.start(), match.group()
        if (start > low and is_word_char(text[start - 1])) or may_split(word):
            found += [(at, part, False) for at, part in _split(reader, start, word)
                      if part[0].isupper() and fold(part) in starts]
        elif fold(word) in starts:
            found.append((start, word, False))
    return found


def _lower_starts(reader: Reader, gaz: Gazetteer) -> Iterator[tuple[int, str, bool]]:
    """Yield (offset, word, True) for each word a lower-case name may start with."""
    for match in gaz.lower_case.finditer(reader.text, reader.passage.start, reader.passage.end):
        yield match.start(), match.group(), True


def _capitalised(reader: Reader, gaz: Gazetteer) -> list[Candidate]:
    """Return the longest gazetteer matches, left to right, that start with a capital letter."""
    found: list[Candidate] = []
    resume = reader.passage.start
    for start, word, _ in _capital_starts(reader, gaz):
        if start >= resume:
            cand = longest_at(reader, Token(start, start + len(word), word, fold(word)), gaz)
            if cand:
                found.append(cand)
                resume = cand.end
    return found


def _split(reader: Reader, start: int, word: str) -> list[tuple[int, str]]:
    """Return the (offset, text) tokens of the word a CAPITALISED match ends, maybe mid-word."""
    if start > reader.passage.start and is_word_char(reader.text[start - 1]):
        end, start = start + len(word), reader.word_start(start)  # a tail: "photo|Niamey"
        word = reader.text[start:end]
    return reader.parts(start, word)


def longest_at(reader: Reader, token: Token, gaz: Gazetteer,
               case_ok: Callable[[Entry, str], bool] = _case_ok) -> Candidate | None:
    """Return the longest candidate that starts at a token, or None."""
    tokens, sizes = _walk(reader, token, gaz)
    for size in reversed(sizes):
        span = tokens[:size]
        end = span[-1].end
        surface = reader.text[token.start:end]
        key = tuple(t.folded for t in span)
        entries = [e for e in gaz.lookup(key) if case_ok(e, surface)]
        if not entries and reader.text.startswith(".", end):  # 'U.S.': a form's final stop
            entries = [e for e in gaz.lookup(key) if case_ok(e, surface + ".")]
            end, surface = end + 1, surface + "."
        if len(entries) > 1 and not surface.isascii():
            entries = _same_diacritics(entries, surface)
        if entries:
            if size == len(tokens):
                reader.read_on(tokens)
            before = reader.tokens_before(token.start)
            context = before + tokens[:size + 1]
            return Candidate(len(before), len(before) + size - 1, token.start, end,
                             surface, entries, context)
    return None


def _letters(text: str) -> str:
    """Return a name's letters, case-folded, diacritics kept ('Côte d’Ivoire' → 'côtedivoire')."""
    return "".join(c for c in text.casefold() if c.isalpha())


def _same_diacritics(entries: list[Entry], surface: str) -> list[Entry]:
    """Keep the readings written with the surface's diacritics, if any is: 'Pékin' is Beijing's
    French name, not Pekin, Illinois (a surface without them fits every reading alike)."""
    letters = _letters(surface)
    marked = [e for e in entries if _letters(e.form) == letters]
    return marked or entries


def _walk(reader: Reader, token: Token, gaz: Gazetteer) -> tuple[list[Token], list[int]]:
    """Read on while a name may go on; return the tokens read and the sizes that are forms."""
    tokens, sizes, key = [token], [], (token.folded,)
    while True:
        size = len(key)
        if gaz.knows(key):
            sizes.append(size)
        if size == MAX_NAME_TOKENS or key not in gaz.prefixes:
            return tokens, sizes
        if size == len(tokens) and not reader.read_on(tokens):
            return tokens, sizes
        if not _gap_ok(reader.text, tokens[size - 1], tokens[size]):
            return tokens, sizes
        key += (tokens[size].folded,)
