"""The Lexicon: every word of one language that the core's code reads."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """Return the words of a space-separated list."""
    return frozenset(text.split())


def abbreviation_pattern(abbreviations: str) -> re.Pattern[str]:
    """Return the pattern of a word ending in '.' that does not end a sentence: one of the
    space-separated abbreviations, or initials ('U.S.', 'M.')."""
    return re.compile(r"(?:\b(?:" + "|".join(abbreviations.split()) + r")|\b[A-Z](?:\.[A-Z])*)\.$")


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's words for the sentence splitter, the geoparser, the gazetteer and the
    itinerary. Patterns are compiled in the language's module: their shape is its grammar."""

    language: str  # the code Document.language holds ("en")
    name: str  # what the page calls the language, in English ("English")

    # documents: the commonest words (articles, prepositions, pronouns), which tell a text's
    # language; never a name or part of one, even capitalised ('Selon Moscou', 'La France')
    function_words: frozenset[str]

    # documents: a word ending in '.' that does not end the sentence ('Mr.', 'Jan.', 'U.S.')
    sentence_abbreviation: re.Pattern[str]

    # geoparse, the context rules
    articles: frozenset[str]  # 'the Niger' is the river, unless the country's names take it
    possessives: tuple[str, ...]  # "China's": a capital that says something
    honorifics: frozenset[str]  # 'Mr Chad' is a person
    features_before: frozenset[str]  # 'Lake Chad'
    feature_links: frozenset[str]  # 'Gulf of Guinea': between a feature word and the name
    features_after: frozenset[str]  # 'Niger Delta'
    language_verbs: frozenset[str]  # 'in French', 'speaks French'
    language_suffixes: tuple[str, ...]  # 'French-speaking' (lower case, at most 12 characters)
    person_titles: frozenset[str]  # 'President Taylor', 'Minister Dominique de Villepin'
    name_particles: frozenset[str]  # 'Dominique de Villepin', 'Hassan el Bushra'
    auxiliaries: frozenset[str]  # 'Washington has warned': between a name and its verb
    speech_verbs: frozenset[str]  # 'Washington said it …' (a government); '… said she' (a person)
    person_pronouns: frozenset[str]  # '… said she would stay': the speaker is a person
    organisation_before: frozenset[str]  # 'Air France', 'Radio France Internationale'
    organisation_of: frozenset[str]  # 'University of Georgia', 'Voice of America'
    organisation_after: frozenset[str]  # 'Africa Corps', 'New York Times', 'Kenya Airways'
    admin_words: frozenset[str]  # 'the state of Victoria', 'Zaire province': a region, not a town
    compass_words: frozenset[str]  # 'Edmonton, north London': a neighbourhood of London
    descriptions: Mapping[str, str]  # 'tri-border area' → the region it names (lower case)
    language_markers: frozenset[str]  # before a lower-case demonym, the language ('le russe')
    features_lower_case: bool  # feature words may be in lower case ('golfe de Guinée')
    lower_case_kinds: frozenset[str]  # kinds of name written in lower case ('nigérienne')

    # gazetteer: names news in this language uses that the registries lack
    abbreviations: Mapping[str, tuple[str, ...]]  # ISO3 → case-exact abbreviations ('UK')
    names: Mapping[str, tuple[str, ...]]  # ISO3 → other names ('Burma')
    demonyms: Mapping[str, tuple[str, ...]]  # ISO3 → other demonyms, every form ('qataris')
    metonyms: Mapping[str, str]  # seat of government → its capital ('Kremlin' → 'Moscow')
    compass: Mapping[str, str]  # 'Western Africa' → 'West Africa'
    state_prefix: re.Pattern[str]  # 'Republic of ' in 'Republic of Turkey'
    calendar_words: frozenset[str]  # months and days: capitalised, never places
    plural: Callable[[str], str | None]  # a demonym's plural as a noun ('Nigeriens')

    # itinerary
    movement: re.Pattern[str]  # 'flew', 'visited', 'arrived'
    reception: re.Pattern[str]  # 'received': the person after it travels there
    hosting: re.Pattern[str]  # 'has' in 'Niamey has received': a place that is the host
    complement_links: frozenset[str]  # 'welcomed the decision of the president': no guest
    planned: re.Pattern[str]  # 'will', 'is due to' (or a future verb): the leg is to come
    completed: re.Pattern[str]  # 'has', 'arrived' (ending at the verb): the leg was made
    returning: re.Pattern[str]  # 'returned to': a stop made again, not a retelling
    into_stop: re.Pattern[str]  # what stands between a movement word and a stop ('to the')
    locative: re.Pattern[str]  # 'in', 'at': a stop only after a movement in its clause
    moves_on: re.Pattern[str]  # 'before', 'then': the sentence moves on from a place
    list_gap: re.Pattern[str]  # between two stops of one list (', and then')
    departure: re.Pattern[str]  # 'from': where the journey leaves
    later: re.Pattern[str]  # 'before … to': a stop after the others
    not_moving: re.Pattern[str]  # 'sold', 'tied': after it, 'to France' is no stop
    others: re.Pattern[str]  # 'French troops' opening a clause: a group moves, no traveller
    title: re.Pattern[str]  # 'Prime Minister' after a demonym: a traveller
    title_before: re.Pattern[str]  # 'le Premier ministre' before a demonym, ending at it
    qualifier_gaps: tuple[str, ...]  # 'Sofia, Bulgaria': a country that says where a stop is
