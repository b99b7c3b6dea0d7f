"""What the words around a name say: a feature, a person, a language, 'the X', a small town.

Each predicate reads a Site (a candidate where it stands); the words it looks for come from the
document's lexicon. rules.py turns them into rules.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import NamedTuple

from ..gazetteer import Entry, Gazetteer
from ..kinds import Trait, hows
from ..lexicon import Lexicon
from .matching import Candidate
from .tokens import Token

COUNTRY_NAMES = hows(Trait.COUNTRY_NAME)
PLACE_NAMES = hows(Trait.PLACE_NAME)
LOCAL = hows(Trait.LOCAL)
SMALL_CITY = 100_000  # a town this small is named as a place mostly beside its country's name
SUFFIX_WINDOW = 12  # characters after a demonym read for a language suffix ('-speaking')


class Site(NamedTuple):
    """A candidate where it stands: its text, its tokens, the gazetteer and the lexicon."""

    text: str
    tokens: list[Token]  # ≤ 2 tokens before the candidate's own, its own, ≤ 1 after
    cand: Candidate
    gaz: Gazetteer
    lexicon: Lexicon
    people: Collection[str]  # the one-word names the text uses in a person's name
    loose_capital: Callable[[], bool]  # whether its capital may say nothing (asked lazily)


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


def in_feature_name(site: Site) -> bool:
    """Tell whether the name is part of a physical feature ('Lake Chad', 'Niger Delta')."""
    text, tokens, cand, lexicon = site.text, site.tokens, site.cand, site.lexicon
    before, after = _previous(tokens, cand), _next(tokens, cand)
    if before and before.folded in lexicon.features_before and text[before.end:cand.start] == " ":
        return True
    if before and before.folded in lexicon.feature_links and cand.first >= 2:
        feature = tokens[cand.first - 2]
        if feature.folded in lexicon.features_before and (
                lexicon.features_lower_case or feature.text[:1].isupper()):
            return True  # 'Gulf of Guinea'; 'golfe de Guinée' in French
    return bool(after and after.folded in lexicon.features_after
                and _adjacent(text, tokens[cand.last], after))


def in_person_name(text: str, tokens: list[Token], cand: Candidate, gaz: Gazetteer,
                   lexicon: Lexicon) -> bool:
    """Tell whether a one-word name is part of a person's name ('George Washington')."""
    token = tokens[cand.first]
    if cand.last != cand.first or token.text[:1].islower():  # 'le président nigérien Tiani'
        return False
    before, after = _previous(tokens, cand), _next(tokens, cand)
    honorific = before and before.folded in lexicon.honorifics
    if honorific and text[before.end:token.start] in (" ", ". "):
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


def in_hyphenated_name(site: Site) -> bool:
    """Tell whether a one-word name is half of a hyphenated proper name here ('Wapco-Niger',
    'Yunus-Bek'): the name itself may still be a place elsewhere in the text."""
    cand = site.cand
    return cand.first == cand.last and _hyphenated_name(site.text, site.tokens, cand, site.gaz)


def named_as_person(site: Site) -> bool:
    """Tell whether a one-word name is one the text uses in a person's name anywhere."""
    cand = site.cand
    return cand.first == cand.last and site.tokens[cand.first].folded in site.people


def names_language(site: Site, entry: Entry) -> bool:
    """Tell whether a demonym names a language ('in French', 'French-speaking')."""
    text, cand = site.text, site.cand
    rest = text[cand.end:cand.end + SUFFIX_WINDOW].lower()
    if rest.startswith(site.lexicon.language_suffixes):
        return True
    before = _previous(site.tokens, cand)
    if before and before.folded in site.lexicon.language_markers and cand.text.islower():
        return True  # 'le français', 'cours de russe': a lower-case demonym as a noun
    ends_phrase = not rest[:2].strip(" ").replace("'", "")[:1].isalnum()
    return bool(before and before.folded in site.lexicon.language_verbs and ends_phrase)


def common_word(site: Site, entry: Entry) -> bool:
    """Tell whether a one-word name is also a common word in lower case."""
    cand = site.cand
    return cand.first == cand.last and site.gaz.is_common_word(cand.text)


def _takes_article(place_id: str, gaz: Gazetteer, lexicon: Lexicon) -> bool:
    """Tell whether a country's names use the article ('the Gambia', 'Republic of the Congo')."""
    names = gaz.country_names.get(place_id, ())
    return any(f" {article} " in f" {name.lower()} " for name in names
               for article in lexicon.articles)


def after_article(site: Site, entry: Entry) -> bool:
    """Tell whether 'the X' names something other than the country or city X ('the Niger')."""
    text, tokens, cand = site.text, site.tokens, site.cand
    if cand.first != cand.last:
        return False
    before, after = _previous(tokens, cand), _next(tokens, cand)
    if not (before and before.folded in site.lexicon.articles
            and _adjacent(text, before, tokens[cand.first])):
        return False
    if entry.how in COUNTRY_NAMES and _takes_article(entry.place, site.gaz, site.lexicon):
        return False
    attributive = after and after.text[:1].islower() and _adjacent(text, tokens[cand.last], after)
    return not attributive


def common_word_alone(site: Site, entry: Entry) -> bool:
    """Tell whether a town's or region's name is a common word not followed by ', <its
    country or region>' ('Nice' alone; 'Nice, France' is a place)."""
    return common_word(site, entry) and not _followed_by_its_country(site, entry)


def _followed_by_its_country(site: Site, entry: Entry) -> bool:
    """Tell whether a city is followed by ', <its country or region>' ('Nice, France')."""
    after, gaz = _next(site.tokens, site.cand), site.gaz
    if not after or site.text[site.cand.end:after.start] != ", ":
        return False
    country = gaz.place(entry.place).country
    return any(gaz.place(e.place).country == country
               for e in gaz.lookup((after.folded,)) if e.how in PLACE_NAMES)


def ambiguous_capital(site: Site, readings: list[Entry]) -> bool:
    """Tell whether a one-word common word's capital may say nothing: at a sentence's start
    or in a headline, and not a possessive ('Turkey is cheap'; "Turkey's army" is a place)."""
    text, cand = site.text, site.cand
    return (cand.first == cand.last and site.gaz.is_common_word(cand.text)
            and not text.startswith(site.lexicon.possessives, cand.end)
            and any(e.how != "demonym" for e in readings)
            and site.loose_capital())


def needs_support(site: Site, readings: list[Entry]) -> bool:
    """Tell whether every reading left is too slight to stand without its country named
    elsewhere."""
    gaz = site.gaz
    return all(_slight(entry, gaz) for entry in readings)


def _slight(entry: Entry, gaz: Gazetteer) -> bool:
    """Tell whether a reading is too slight to stand without its country named elsewhere.

    A town or region named like a person ("Victoria", "Franklin"), a small town, or a region
    that is neither a GeoNames first-level unit nor the namesake of a large city: all are named
    as places mostly in texts that also name their country.
    """
    if entry.how in LOCAL and gaz.is_given_name(entry.form):
        return True
    if entry.how == "admin":
        return entry.place not in gaz.prominent
    return entry.how == "city" and gaz.place(entry.place).population < SMALL_CITY
