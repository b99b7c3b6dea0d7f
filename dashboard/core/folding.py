"""Folding names for comparison: case and accents set aside ('Côte' and 'COTE' alike)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Return a word case-folded and stripped of accents."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_tokens(text: str) -> tuple[str, ...]:
    """Return the folded word tokens of a name."""
    if text.isalpha() and text.isascii():  # most names: one plain word
        return (text.lower(),)
    if text.isascii():
        return tuple(TOKEN.findall(text.lower()))
    return tuple(map(fold, TOKEN.findall(text)))
