"""A gazetteer as one language reads it: that language's common words, and where the names it
writes in lower case may start ('les soldats nigériens', 'le bassin du lac Tchad').

One gazetteer holds the names of every language; a view shares its index and changes only what
a language changes. Views are made the first time a document in the language is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import TOKEN, Gazetteer, fold
from ..lexicon import Lexicon


def in_language(gaz: Gazetteer, lexicon: Lexicon) -> Gazetteer:
    """Return the gazetteer as a language reads it (the gazetteer itself if nothing changes)."""
    view = gaz.views.get(lexicon.language)
    if view is None:
        view = _view(gaz, lexicon)
        gaz.views[lexicon.language] = view  # two threads may both make it: the same view
    return view


def _view(gaz: Gazetteer, lexicon: Lexicon) -> Gazetteer:
    """Make a language's view: its common words (its function words are no given names), and
    the starts of its lower-case names."""
    path = gaz.folder / f"common_words.{lexicon.language}.txt"
    if not path.exists() and not lexicon.lower_case_kinds:
        return gaz
    words = gaz.common_words
    if path.exists():
        words = frozenset(path.read_text(encoding="utf-8").split()) | lexicon.function_words
    starts = lower_case_starts(gaz, lexicon) if lexicon.lower_case_kinds else set()
    pattern = re.compile(r"(?<!\w)" + trie_pattern(starts) + r"(?!\w)") if starts else None
    # 'La', 'Les' and 'Del' are English given names, and French articles first
    names = gaz.given_names - lexicon.function_words
    return replace(gaz, common_words=words, given_names=names, lower_case=pattern, views={})


def lower_case_starts(gaz: Gazetteer, lexicon: Lexicon) -> set[str]:
    """Return the first words of the names a language writes in lower case, folded: its
    demonyms, and the names whose own first letter is lower case."""
    forms = set(gaz.lower_forms.get(lexicon.language, ()))
    forms |= {e.form for entries in gaz.index.values() for e in entries if e.form[:1].islower()}
    return {fold(TOKEN.match(form).group()) for form in forms if TOKEN.match(form)}


# A folded letter stands for itself with any accent: 'burkinabe' matches 'burkinabè' and 'é'.
ACCENTED = {"a": "àâäáã", "c": "ç", "e": "éèêë", "i": "îïíì", "n": "ñ", "o": "ôöóòõ",
            "u": "ùûüú", "y": "ÿý"}


def _letter(char: str) -> str:
    """Return the pattern of a folded letter: itself or an accented form of it."""
    return f"[{char}{ACCENTED[char]}]" if char in ACCENTED else re.escape(char)


def trie_pattern(words: set[str]) -> str:
    """Return a regular expression that matches any of the folded words, with or without
    accents, as a trie (one branch per letter: the engine tries a handful of letters at a
    position, not every word)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict) -> str:
    """Return the pattern of a trie's node."""
    branches = [_letter(char) + _branches(child) for char, child in sorted(node.items())
                if char]
    if not branches:
        return ""
    inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{inner})?" if "" in node else inner
