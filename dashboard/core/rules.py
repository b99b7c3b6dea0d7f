"""Context rules that tell a place name from the same word used otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .gazetteer import Entry, Gazetteer

if TYPE_CHECKING:
    from .geoparse import Candidate, Token

OPENERS = " \t\"'“‘([—–-…."
HONORIFICS = frozenset("mr mrs ms miss mx dr sir lord lady dame rev prof".split())
FEATURES_BEFORE = frozenset("lake river mount mt gulf sea bay strait cape".split())
FEATURES_AFTER = frozenset(
    "river delta basin valley mountains mountain hills desert sea ocean gulf lake island "
    "islands peninsula plateau street avenue road boulevard".split()
)
LANGUAGE_VERBS = frozenset("in speak speaks spoke speaking into from translated".split())
LANGUAGE_SUFFIXES = ("-speaking", "-language", "-speakers", " language", " speakers")
PLACE_NAMES = ("country", "official", "alternative", "short", "city", "capital", "admin")
SMALL_CITY = 100_000


def _previous(tokens: list[Token], cand: Candidate) -> Token | None:
    """Return the token before a candidate."""
    return tokens[cand.first - 1] if cand.first > 0 else None


def _next(tokens: list[Token], cand: Candidate) -> Token | None:
    """Return the token after a candidate."""
    return tokens[cand.last + 1] if cand.last + 1 < len(tokens) else None


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Tell whether two tokens are separated by a single space only."""
    return text[left.end:right.start] == " "


def _is_namelike(token: Token, gaz: Gazetteer) -> bool:
    """Tell whether a token reads as part of a person's or organisation's name."""
    if not token.text[:1].isupper() or token.text.isupper():
        return False
    if gaz.is_given_name(token.text):
        return True
    return not gaz.is_common_word(token.text) and not gaz.lookup((token.folded,))


def in_feature_name(text: str, tokens: list[Token], cand: Candidate) -> bool:
    """Tell whether the name is part of a physical feature ('Lake Chad', 'Niger Delta')."""
    before, after = _previous(tokens, cand), _next(tokens, cand)
    if before and before.folded in FEATURES_BEFORE and text[before.end:cand.start] == " ":
        return True
    if before and before.folded == "of" and cand.first >= 2:
        feature = tokens[cand.first - 2]
        if feature.folded in FEATURES_BEFORE and feature.text[:1].isupper():
            return True
    return bool(after and after.folded in FEATURES_AFTER and _adjacent(text, _last(tokens, cand),
                                                                         after))


def _last(tokens: list[Token], cand: Candidate) -> Token:
    """Return a candidate's last token."""
    return tokens[cand.last]


def in_person_name(text: str, tokens: list[Token], cand: Candidate, gaz: Gazetteer) -> bool:
    """Tell whether a one-word name is part of a person's name ('George Washington')."""
    if cand.last != cand.first:
        return False
    token = tokens[cand.first]
    before, after = _previous(tokens, cand), _next(tokens, cand)
    if _hyphenated_name(text, tokens, cand, gaz):
        return True
    if before and before.folded in HONORIFICS and text[before.end:token.start] in (" ", ". "):
        return True
    if before and _adjacent(text, before, token) and _is_namelike(before, gaz):
        return True
    return bool(after and _adjacent(text, token, after) and _is_namelike(after, gaz)
                and text[after.end:after.end + 1] != ",")


def _hyphenated_name(text: str, tokens: list[Token], cand: Candidate, gaz: Gazetteer) -> bool:
    """Tell whether a name is half of a hyphenated proper name ('Yunus-Bek')."""
    before, after = _previous(tokens, cand), _next(tokens, cand)
    token = tokens[cand.first]
    return bool(
        (after and text[token.end:after.start] == "-" and _is_namelike(after, gaz))
        or (before and text[before.end:token.start] == "-" and _is_namelike(before, gaz))
    )


def _takes_the(place_id: str, gaz: Gazetteer) -> bool:
    """Tell whether a country's names use 'the' ('the Gambia', 'Republic of the Congo')."""
    names = gaz.country_names.get(place_id, ())
    return any(" the " in f" {name.lower()} " for name in names)


def after_the(text: str, tokens: list[Token], cand: Candidate, entry: Entry,
              gaz: Gazetteer) -> bool:
    """Tell whether 'the X' names something other than the country or city X ('the Niger')."""
    if cand.last != cand.first or entry.how not in PLACE_NAMES:
        return False
    before, after = _previous(tokens, cand), _next(tokens, cand)
    if not (before and before.folded == "the" and _adjacent(text, before, tokens[cand.first])):
        return False
    if entry.how in ("country", "official", "alternative", "short") and _takes_the(entry.place,
                                                                                   gaz):
        return False
    attributive = after and after.text[:1].islower() and _adjacent(text, tokens[cand.last], after)
    return not attributive


def is_language(text: str, tokens: list[Token], cand: Candidate) -> bool:
    """Tell whether a demonym names a language ('in French', 'French-speaking')."""
    rest = text[cand.end:cand.end + 12].lower()
    if rest.startswith(LANGUAGE_SUFFIXES):
        return True
    before = _previous(tokens, cand)
    ends_phrase = not rest[:2].strip(" ").replace("'", "")[:1].isalnum()
    return bool(before and before.folded in LANGUAGE_VERBS and ends_phrase)


def _common_word_city(entry: Entry, cand: Candidate, gaz: Gazetteer) -> bool:
    """Tell whether a city or region's one-word name is also a common English word."""
    return (entry.how in ("city", "capital", "admin") and cand.first == cand.last
            and gaz.is_common_word(cand.text))


def _followed_by_its_country(text: str, tokens: list[Token], cand: Candidate, entry: Entry,
                             gaz: Gazetteer) -> bool:
    """Tell whether a city is followed by ', <its country or region>' ('Nice, France')."""
    after = _next(tokens, cand)
    if not after or text[cand.end:after.start] != ", ":
        return False
    country = gaz.place(entry.place).country
    return any(gaz.place(e.place).country == country
               for e in gaz.lookup((after.folded,)) if e.how in PLACE_NAMES)


def keep_entry(text: str, tokens: list[Token], cand: Candidate, entry: Entry,
               gaz: Gazetteer) -> bool:
    """Tell whether one reading of a candidate survives the context rules."""
    if entry.how == "demonym":
        return not is_language(text, tokens, cand)
    if entry.how == "alternative" and cand.first == cand.last and gaz.is_common_word(cand.text):
        return False
    if after_the(text, tokens, cand, entry, gaz):
        return False
    if _common_word_city(entry, cand, gaz):
        return _followed_by_its_country(text, tokens, cand, entry, gaz)
    return True


def person_words(text: str, cands: list[Candidate], gaz: Gazetteer) -> set[str]:
    """Return the one-word names that the text uses as part of a person's name."""
    return {
        c.tokens[c.first].folded for c in cands
        if not any(e.exact_case for e in c.entries) and in_person_name(text, c.tokens, c, gaz)
    }


def _needs_support(entry: Entry, gaz: Gazetteer) -> bool:
    """Tell whether a reading is too slight to stand without its country named elsewhere.

    A town or region named like a person ("Victoria", "Franklin"), a small town, or a region
    that is neither a GeoNames first-level unit nor the namesake of a large city: all are named
    as places mostly in texts that also name their country.
    """
    if entry.how in ("city", "capital", "admin") and gaz.is_given_name(entry.form):
        return True
    if entry.how == "admin":
        return entry.place not in gaz.prominent
    return entry.how == "city" and gaz.place(entry.place).population < SMALL_CITY


def _possessive(text: str, cand: Candidate) -> bool:
    """Tell whether a name is followed by a possessive ('China's')."""
    return text[cand.end:cand.end + 2] in ("'s", "’s")


def filter_candidate(text: str, tokens: list[Token], cand: Candidate, gaz: Gazetteer,
                     loose_capital: Callable[[], bool], people: set[str]) -> Candidate | None:
    """Return the candidate with the readings its context allows, or None if none is left."""
    # loose_capital tells (lazily) whether the capital may say nothing: a sentence's first word
    # or a title-case headline's. people is person_words of the same candidates: it holds the
    # word of every one-word candidate that in_person_name finds in a person's name.
    exact = [e for e in cand.entries if e.exact_case]
    if not exact:
        if in_feature_name(text, tokens, cand):
            return None
        if cand.first == cand.last and tokens[cand.first].folded in people:
            return None
    entries = [e for e in cand.entries if e.exact_case or keep_entry(text, tokens, cand, e, gaz)]
    if not entries:
        return None
    cand.entries = entries
    ambiguous_start = (
        cand.first == cand.last and gaz.is_common_word(cand.text)
        and not _possessive(text, cand) and any(e.how != "demonym" for e in entries)
        and loose_capital()
    )
    cand.weak = not exact and (ambiguous_start or all(_needs_support(e, gaz) for e in entries))
    return cand
