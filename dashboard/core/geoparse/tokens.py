"""Words with offsets, and the Reader that tokenises a passage only where a name may be."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from ..gazetteer import fold
from ..models import Passage

WORD = re.compile(r"\w+")
LONG_WORD = re.compile(r"\w{4,}")
# The next two words: read in the reversed text, the two words before an offset.
TWO_WORDS = re.compile(r"(\w+)(?:\W+(\w+))?")
# Some word may be two glued together (see GLUED and CAMEL).
GLUE_HINT = re.compile(r"[A-Za-z][A-Z][a-z]{3}")
# "MoDRussia", "AFPNiamey": an acronym glued to a capitalised word (scraped photo credits).
GLUED = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z]{3,}$)")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{3,}$)")
HEADLINE_WORDS = 6  # a headline has this many words of four letters or more …
HEADLINE_CAPITALS = 0.8  # … and more than this share of them capitalised


class Token(NamedTuple):
    """A word of the text, with its offsets."""

    start: int
    end: int
    text: str
    folded: str


def _split_glued(offset: int, word: str, credit: bool) -> list[tuple[int, str]]:
    """Split a word that is two words glued together by scraping, if it is one."""
    pattern = CAMEL if credit else GLUED
    match = pattern.search(word) or (GLUED.search(word) if credit else None)
    if match is None or match.start() < 2:
        return [(offset, word)]
    cut = match.start()
    return [(offset, word[:cut]), (offset + cut, word[cut:])]


def is_word_char(char: str) -> bool:
    """Tell whether a character is one that WORD's \\w matches."""
    return char.isalnum() or char == "_"


def _has_credit(text: str, start: int) -> bool:
    """Tell whether a '©' comes before an offset on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return "©" in text[line_start:start]


def _title_case(words: list[str]) -> bool:
    """Tell whether a passage's words are a title-case headline (capitals then say nothing)."""
    words = [w for w in words if len(w) > 3]
    return len(words) >= HEADLINE_WORDS and (
        sum(map(str.isupper, map(itemgetter(0), words))) / len(words) > HEADLINE_CAPITALS)


def may_split(word: str) -> bool:
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
        if not may_split(word):
            return [Token(start, start + len(word), word, fold(word))]
        return [Token(at, at + len(piece), piece, fold(piece))
                for at, piece in self.parts(start, word)]

    def parts(self, start: int, word: str) -> list[tuple[int, str]]:
        """Return the (offset, text) of the word at start, or of its halves if it is two glued."""
        if not may_split(word):
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
        while at > self.passage.start and is_word_char(self.text[at - 1]):
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
        if start > self.passage.start and is_word_char(self.text[start - 1]):
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

    def loose_capital(self, start: int) -> bool:
        """Tell whether the capital of a name at start may say nothing: sentence start or
        headline."""
        return self.starts_sentence(start) or self.headline
