"""Languages as data: each language's words in one Lexicon, chosen by Document.language."""

from __future__ import annotations

from . import en, fr
from .base import Lexicon

DEFAULT_LANGUAGE = "en"  # the language of a document that names none, and of unknown ones
LEXICONS: dict[str, Lexicon] = {lexicon.language: lexicon for lexicon in (en.LEXICON, fr.LEXICON)}

__all__ = ["DEFAULT_LANGUAGE", "LEXICONS", "Lexicon", "every_lexicon", "lexicon_for"]


def lexicon_for(language: str) -> Lexicon:
    """Return the lexicon of a language code ('en', 'fr-FR'); the default language's if none."""
    primary = language.strip().lower().replace("_", "-").partition("-")[0]
    return LEXICONS.get(primary) or LEXICONS[DEFAULT_LANGUAGE]


def every_lexicon() -> tuple[Lexicon, ...]:
    """Return every language's lexicon (the gazetteer holds the names of all of them)."""
    return tuple(LEXICONS.values())
