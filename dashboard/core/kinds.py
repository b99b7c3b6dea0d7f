"""The kinds of name a gazetteer entry can be (Entry.how), and what each means to the geoparser.

One row a kind: its base score in resolution, the reason text a mention shows, the mention kind
it becomes (DESIGN.md), and its traits. Every set of kinds the code needs is a query of this
table (`hows(Trait.SETTLES)`), never a tuple of strings of its own.
"""

from __future__ import annotations

from enum import Flag, auto
from typing import NamedTuple


class Trait(Flag):
    """What a kind of name is, for the code that treats kinds alike."""

    COUNTRY_NAME = auto()  # a country's own name, not an abbreviation ('the Gambia' takes 'the')
    QUALIFIES = auto()  # after 'City, ' it says where the city is ('Moscow, Idaho')
    SETTLES = auto()  # once resolved, it names its country for the second round of resolution
    PLACE_NAME = auto()  # a place's own name, for the context rules ('the Niger', 'Nice, France')
    SETTLEMENT = auto()  # a city: its population counts, and ', Region' after it qualifies it
    LOCAL = auto()  # a place inside a country: a winner of this kind is told from its like
    RIVAL = auto()  # named as passed over when a reading that is not LOCAL wins
    AFTER_CITIES = auto()  # listed after the cities in a lookup (cities come first)
    GOVERNMENT = auto()  # it may stand for its country's government ('Washington said')


class Kind(NamedTuple):
    """One kind of name: how it scores, how it is explained, what mention it makes."""

    how: str
    score: float
    reason: str  # a template: {name} is the place's name, {country} its country's
    mention: str  # the mention kind of DESIGN.md
    traits: Trait


_T = Trait
_COUNTRY = _T.COUNTRY_NAME | _T.QUALIFIES | _T.SETTLES | _T.PLACE_NAME | _T.RIVAL

# Base scores: a city's population adds log10(people)/5 (+0.2 to about +1.5), a country the text
# names adds 3.0 and more (geoparse/resolution.py); the gaps below are set against those,
# and tests/test_resolution.py states the orderings they produce.
KINDS: tuple[Kind, ...] = (
    # a country's own names: the surest reading a word can have
    Kind("country", 7.5, "name of {name}", "country", _COUNTRY),
    Kind("official", 7.5, "official name of {name}", "country", _COUNTRY),
    # other names (registry variants, short forms, abbreviations) are shared more: a little less
    Kind("alternative", 7.2, "another name of {name}", "country", _COUNTRY),
    Kind("short", 7.2, "short name of {name}", "country", _COUNTRY),
    Kind("abbreviation", 7.2, "abbreviation of {name}", "country", _T.QUALIFIES | _T.SETTLES),
    # a demonym ahead of any town, behind a capital of 320 people or more; an independent
    # state's ahead of a dependency's (geoparse/resolution.py: DEPENDENT_DEMONYM)
    Kind("demonym", 6.0, "demonym of {name}", "demonym", _T.RIVAL),
    # a capital ahead of any other city: 2.5 is more than any city's population adds
    Kind("capital", 5.5, "capital of {country}", "capital",
         _T.SETTLES | _T.PLACE_NAME | _T.SETTLEMENT | _T.LOCAL | _T.GOVERNMENT),
    Kind("seat", 5.5, "seat of the {government} government", "capital",
         _T.SETTLES | _T.AFTER_CITIES | _T.GOVERNMENT),
    # a town is the weakest reading: population and context decide between towns
    Kind("city", 3.0, "city in {country}", "city", _T.PLACE_NAME | _T.SETTLEMENT | _T.LOCAL),
    # a region ahead of a town under 100,000 people (+1.0), behind a larger city
    Kind("admin", 4.0, "region of {country}", "admin",
         _T.QUALIFIES | _T.PLACE_NAME | _T.LOCAL | _T.RIVAL),
    # a bloc's name is as sure as a country's ('ECOWAS'); a region's ('Sahel') between
    # country names and demonyms
    Kind("grouping", 7.5, "name of the bloc; {members}", "grouping", _T.AFTER_CITIES),
    Kind("region", 6.2, "name of the region; {members}", "region", _T.AFTER_CITIES),
)
BY_HOW: dict[str, Kind] = {kind.how: kind for kind in KINDS}


def hows(trait: Trait) -> frozenset[str]:
    """Return the kinds of name (Entry.how) that have a trait."""
    return frozenset(kind.how for kind in KINDS if trait in kind.traits)


def mention_kind(how: str) -> str:
    """Return the mention kind (as in DESIGN.md) of a kind of name."""
    return BY_HOW[how].mention
