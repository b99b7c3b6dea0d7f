"""What the words around a name say: a feature, a language, 'the X', a small town (a person's,
an organisation's and a currency's names are in names.py).

Each predicate reads a Site (a candidate where it stands); the words it looks for come from the
document's lexicon. rules.py turns them into rules.
"""

from __future__ import annotations

from ..gazetteer import Entry, Gazetteer
from ..kinds import Trait, hows
from ..lexicon import Lexicon
from .names import Site, adjacent, following, previous, speaks_as_government, speech_after

COUNTRY_NAMES = hows(Trait.COUNTRY_NAME)
PLACE_NAMES = hows(Trait.PLACE_NAME)
LOCAL = hows(Trait.LOCAL)
GOVERNMENT = hows(Trait.GOVERNMENT)
SMALL_CITY = 100_000  # a town this small is named as a place mostly beside its country's name
COMPOUND_DASHES = ("-", "‐", "–", "—")
SUFFIX_WINDOW = 12  # characters after a demonym read for a language suffix ('-speaking')
DESTINATION_WINDOW = 30  # characters before a name read for a movement word that takes it


def in_feature_name(site: Site) -> bool:
    """Tell whether the name is part of a physical feature ('Lake Chad', 'Niger Delta')."""
    text, tokens, cand, lexicon = site.text, site.tokens, site.cand, site.lexicon
    before, after = previous(tokens, cand), following(tokens, cand)
    if before and before.folded in lexicon.features_before and text[before.end:cand.start] == " ":
        return True
    if before and before.folded in lexicon.feature_links and cand.first >= 2:
        feature = tokens[cand.first - 2]
        if feature.folded in lexicon.features_before and (
                lexicon.features_lower_case or feature.text[:1].isupper()):
            return True  # 'Gulf of Guinea'; 'golfe de Guinée' in French
    return bool(after and after.folded in lexicon.features_after
                and adjacent(text, tokens[cand.last], after))


def names_language(site: Site, entry: Entry) -> bool:
    """Tell whether a demonym names a language ('in French', 'French-speaking')."""
    text, cand = site.text, site.cand
    rest = text[cand.end:cand.end + SUFFIX_WINDOW].lower()
    if rest.startswith(site.lexicon.language_suffixes):
        return True
    before = previous(site.tokens, cand)
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
    before, after = previous(tokens, cand), following(tokens, cand)
    if not (before and before.folded in site.lexicon.articles
            and adjacent(text, before, tokens[cand.first])):
        return False
    if entry.how in COUNTRY_NAMES and _takes_article(entry.place, site.gaz, site.lexicon):
        return False
    attributive = after and after.text[:1].islower() and adjacent(text, tokens[cand.last], after)
    return not attributive and not _in_compound(text, cand.end)


def _in_compound(text: str, end: int) -> bool:
    """Tell whether a name is the first of a dashed pair ('the Kayes–Bamako railway', 'the
    Mali-Niger border'): a modifier, as in 'the Niger government'."""
    return text[end:end + 1] in COMPOUND_DASHES and text[end + 1:end + 2].isupper()


def common_word_alone(site: Site, entry: Entry) -> bool:
    """Tell whether a town's or region's name is a common word not followed by ', <its
    country or region>' ('Nice' alone; 'Nice, France' is a place)."""
    return common_word(site, entry) and not _followed_by_its_country(site, entry)


def _followed_by_its_country(site: Site, entry: Entry) -> bool:
    """Tell whether a city is followed by ', <its country or region>' ('Nice, France')."""
    after, gaz = following(site.tokens, site.cand), site.gaz
    if not after or site.text[site.cand.end:after.start] != ", ":
        return False
    country = gaz.place(entry.place).country
    return any(gaz.place(e.place).country == country
               for e in gaz.lookup((after.folded,)) if e.how in PLACE_NAMES)


def ambiguous_capital(site: Site, readings: list[Entry]) -> bool:
    """Tell whether a one-word common word's capital may say nothing: at a sentence's start
    or in a headline, and neither a possessive nor a speaker ('Turkey is cheap'; "Turkey's
    army" and 'Turkey said' are the country)."""
    text, cand = site.text, site.cand
    return (cand.first == cand.last and site.gaz.is_common_word(cand.text)
            and not text.startswith(site.lexicon.possessives, cand.end)
            and any(e.how != "demonym" for e in readings)
            and site.loose_capital()
            and speech_after(text, cand.end, site.lexicon) is None)  # 'Turkey said': no bird


def needs_support(site: Site, readings: list[Entry]) -> bool:
    """Tell whether every reading left is too slight to stand without its country named
    elsewhere."""
    gaz = site.gaz
    if any(e.how in GOVERNMENT for e in readings) and speaks_as_government(site):
        return False  # 'Washington said it would act': the government, named for sure
    return all(_slight(entry, gaz) for entry in readings) and not _destination(site)


def _destination(site: Site) -> bool:
    """Tell whether a movement word takes the name as where it goes ('travelled to
    Washington', 'arrived in Victoria'): people are not travelled to."""
    start = site.cand.start
    before = site.text[max(start - DESTINATION_WINDOW, 0):start]
    moves = [m.end() for m in site.lexicon.movement.finditer(before)]
    return bool(moves) and bool(site.lexicon.into_stop.search(before, moves[-1]))


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
