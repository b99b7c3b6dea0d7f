"""Text helpers for names: folding for comparison, script checks, order-keeping de-duplication."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in bare).split())


def is_latin(text: str) -> bool:
    """True if every letter is Latin script and none is an IPA or modifier letter."""
    for char in text:
        if 0x0250 <= ord(char) <= 0x02FF:
            return False
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def unique(items: Iterable[str]) -> list[str]:
    """Non-empty items without case-insensitive repeats, first spelling and order kept."""
    seen, result = set(), []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            result.append(item)
    return result


def is_name_form(text: str) -> bool:
    """True for a spelling a news text might use (not a code, inversion or transcription)."""
    return (
        len(text) >= 3
        and text[0].isupper()
        and any(c.islower() for c in text)
        and is_latin(text)
        and "," not in text
        and "(" not in text
    )
