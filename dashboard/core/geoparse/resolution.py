"""Resolution: choose each candidate's entry in context.

A reading's score is its kind's base score (kinds.KINDS) plus the bonuses below; the highest
wins, and ties go to the lower place id. tests/test_resolution.py states the orderings these
numbers must produce.

What counts as context, nearest first: the qualifier beside a name ('Moscow, Idaho'; 'Edmonton,
north London'), the words that say it is a region ('the state of Victoria'), the passage it
stands in (the countries it names, and the towns and regions it names inside them), then the
document (the countries it names for sure). A country's own name is never passed over on the
document's word alone: a same-named place elsewhere ('Benin' the city in Nigeria, 'Georgia' the
US state) wins only with evidence in its own passage, a town or region of its country there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..gazetteer import Entry, Gazetteer
from ..kinds import KINDS, Trait, hows
from ..lexicon import Lexicon
from ..models import Place
from .matching import Candidate

BASE_SCORE = {kind.how: kind.score for kind in KINDS}
QUALIFYING = hows(Trait.QUALIFIES)
SETTLEMENTS = hows(Trait.SETTLEMENT)
LOCAL = hows(Trait.LOCAL)
RIVALS = hows(Trait.RIVAL)
COUNTRY_NAMES = hows(Trait.COUNTRY_NAME)
INSIDE = frozenset({"city", "admin"})  # a town or region: it says which country a passage is in
PLACES_INSIDE = SETTLEMENTS | {"admin"}  # a capital, a town or a region

# A town's population adds log10(people) / POPULATION_DIVISOR: a tenfold larger town gains 0.2.
# Size decides between towns; it lifts a town over a same-named region (4.0) only above 100,000
# people, and never over a capital (5.5).
POPULATION_DIVISOR = 5
MIN_POPULATION = 10  # a town without a population figure counts as this many people (+0.2)
# "French": France before the French Southern Lands (a dependency shares its state's demonym).
DEPENDENT_DEMONYM = 1.0
# A place in a country the document names without ambiguity beats a same-named town elsewhere,
# but not a capital: less than a capital's lead over a town (2.5) …
NAMED_COUNTRY = 2.0
NAMINGS_COUNTED = 5  # and each naming of that country adds a little more, up to five namings …
NAMING_DIVISOR = 10  # … a tenth each (min(namings, 5) / 10)
# … its passage naming the country, or a town of it, says a little more (the larger of the
# two counts); a region of it there (a state, a county) lifts it over a capital elsewhere.
COUNTRY, TOWN, REGION = 0, 1, 2  # what a mention in the passage names: levels of evidence
NEARBY = {COUNTRY: 2.5, TOWN: 2.5, REGION: 4.0}
# A town or region of its country in the same passage lifts a place over a same-named country
# (7.5 against a region's 4.0 and a town's 3.0 and more), the document's word does not; a town
# of under about 80,000 people never: 'Lebanon' stays the country beside a US state.
INSIDE_NEARBY = 3.55
SAME_SPOT = 2.0  # degrees: a namesake this near a country's point is the country ('Hong Kong')
# 'the state of Victoria', 'Zaire province', 'Niger State': a region, even over a country's name.
ADMIN_CUE = 4.0
# 'Benin and Nigeria' (countries), 'Lagos and Benin' (towns): a name listed beside others is
# read as what they are (a country's name then beats a town of a country named nearby).
SIBLING = 2.0
LIST_GAP = re.compile(r"(?:,\s*|,?\s+(?:and|or)\s+)\Z")
# 'Attapeu, Laos', 'London, in south-western Ontario': after a comma, a name says where
# another is: a country or a region rather than a town.
CONTAINER = 1.0
# 'Clarke County' in a text naming Georgia: the county of the state the document names.
WITHIN_NAMED = 1.0
# 'Athens, Georgia' then 'Athens': a name's other mentions lean to the place words said it was.
ECHO = 3.0
# 'Moscow, Idaho': the place right beside a name says where it is; nothing else weighs as much.
QUALIFIED = 10.0
QUALIFIER_GAP = (", ", ",")
BESIDE = 24  # characters between two names that may say one qualifies or lists the other
LIST_GOES_ON = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)[A-Z]")


@dataclass
class Said:
    """What the text says around one candidate: the context its readings are scored in."""

    named: dict[str, int] = field(default_factory=dict)  # countries the document names for sure
    passage: dict[str, list[int]] = field(default_factory=dict)  # its passage's mentions:
    #                                 country → how many name it, a town of it, a region of it
    own: tuple[str | None, int] = (None, COUNTRY)  # what the candidate itself adds to passage
    qualifier: str | None = None  # the country 'City, Region' says it lies in
    admin: bool = False  # words say it is a region ('the state of Victoria')
    sibling: tuple[str, str | None] | None = None  # what the names listed beside it are
    echo: str | None = None  # the place its name was given where words beside it said which
    container: bool = False  # it stands where a name says where another is ('Attapeu, Laos')
    regions: frozenset[str] = frozenset()  # the regions the document names (a county's state)

    def level(self, country: str) -> int | None:
        """Return the most local mention of a country its passage has besides its own."""
        counts = self.passage.get(country)
        for level in (REGION, TOWN, COUNTRY) if counts else ():
            if counts[level] - (self.own == (country, level)) > 0:
                return level
        return None

    def inside(self, country: str) -> int:
        """Return how many towns and regions of a country its passage names besides itself."""
        counts = self.passage.get(country)
        if not counts:
            return 0
        return counts[TOWN] + counts[REGION] - (self.own[0] == country and self.own[1] > COUNTRY)


def level_of(how: str) -> int:
    """Return what a reading of this kind says of its country: it, a town of it, a region."""
    return REGION if how == "admin" else TOWN if how == "city" else COUNTRY


def country_of(entry: Entry, gaz: Gazetteer) -> str | None:
    """Return the ISO3 code an entry's place lies in (None for groupings and regions)."""
    return gaz.places[entry.place].country


def _named(count: int, bonus: float) -> float:
    """Return the bonus of a country named count times (none if never)."""
    return bonus + min(count, NAMINGS_COUNTED) / NAMING_DIVISOR if count else 0.0


def score(entry: Entry, gaz: Gazetteer, said: Said, countries: frozenset[str] = frozenset(),
          lifts: dict[str, float] | None = None) -> float:
    """Score an entry in context; countries: those the candidate's country names name; lifts:
    the context's lift of each country, as worked out so far for the candidate."""
    place = gaz.places[entry.place]
    how, country = entry.how, place.country
    value = BASE_SCORE[how]
    if how in SETTLEMENTS:
        value += _size(place.population)
    if how == "demonym" and country in gaz.dependent:
        value -= DEPENDENT_DEMONYM
    if country and countries and how not in COUNTRY_NAMES:
        # only its own passage may lift a place elsewhere over a country's name
        if country not in countries and said.inside(country) and _elsewhere(place, countries,
                                                                            gaz):
            value += INSIDE_NEARBY
    elif country:
        lift = lifts.get(country) if lifts is not None else None
        if lift is None:
            lift = _lift(said, country)
            if lifts is not None:
                lifts[country] = lift
        value += lift
    return value + _cues(entry, country, said, gaz)


@lru_cache(maxsize=4096)
def _size(population: int) -> float:
    """Return what a town's population adds to its score."""
    return math.log10(max(population, MIN_POPULATION)) / POPULATION_DIVISOR


def _lift(said: Said, country: str) -> float:
    """Return how much the context lifts a country's places: the document naming it, or its
    neighbourhood naming it, a town or a region of it (the larger)."""
    level = said.level(country)
    return max(_named(said.named.get(country, 0), NAMED_COUNTRY),
               0.0 if level is None else NEARBY[level])


def _cues(entry: Entry, country: str | None, said: Said, gaz: Gazetteer) -> float:
    """Return what the words beside a name add to one of its readings."""
    value = 0.0
    if said.admin and entry.how == "admin":
        value += ADMIN_CUE
    if said.sibling and _like(entry, country, said.sibling):
        value += SIBLING
    if said.echo == entry.place:
        value += ECHO
    if said.container and entry.how in QUALIFYING:
        value += CONTAINER
    if said.regions and gaz.within.get(entry.place) in said.regions:
        value += WITHIN_NAMED
    if said.qualifier and country == said.qualifier:
        value += QUALIFIED
    return value


def _elsewhere(place: Place, countries: frozenset[str], gaz: Gazetteer) -> bool:
    """Tell whether a place lies away from the countries a name also names (a namesake on the
    same spot, or one without coordinates, may be the country itself: 'Hong Kong')."""
    if place.lat is None or place.lon is None:
        return False
    for code in countries:
        spot = gaz.places[code]
        if spot.lat is None or (abs(spot.lat - place.lat) < SAME_SPOT
                                and abs(spot.lon - place.lon) < SAME_SPOT):
            return False
    return True


def _like(entry: Entry, country: str | None, sibling: tuple[str, str | None]) -> bool:
    """Tell whether a reading is of the kind of the names listed beside it (for regions,
    of their country too)."""
    kind, where = sibling
    if kind == "country":
        return entry.how in COUNTRY_NAMES
    if kind == "region":
        return entry.how == "admin" and country == where
    return entry.how in PLACES_INSIDE


def one_place(cand: Candidate) -> bool:
    """Tell whether every reading of a candidate is of one place (then context cannot choose)."""
    place = cand.entries[0].place
    return all(e.place == place for e in cand.entries)


def best_named(cand: Candidate) -> Entry:
    """Return the surest way a one-place candidate names its place ('country' before
    'alternative'), the first listed on a tie."""
    return max(cand.entries, key=lambda e: BASE_SCORE[e.how]) if len(cand.entries) > 1 \
        else cand.entries[0]


def resolve(cand: Candidate, gaz: Gazetteer, said: Said) -> tuple[Entry, list[Entry]]:
    """Pick the entry that best fits the context; return it and the places passed over."""
    if len(cand.entries) == 1:
        return cand.entries[0], []
    countries = frozenset(gaz.places[e.place].country for e in cand.entries
                          if e.how in COUNTRY_NAMES)
    lifts: dict[str, float] = {}
    ranked = sorted(cand.entries, key=lambda e: (-score(e, gaz, said, countries, lifts),
                                                 e.place))
    chosen = ranked[0]
    if chosen.how == "admin" and not said.admin:  # 'in Kidal': the town, not its region
        chosen = _namesake_town(chosen, ranked, gaz)
    rivals = LOCAL if chosen.how in LOCAL else RIVALS
    country = gaz.places[chosen.place].country
    others = [e for e in ranked[1:] if e.place != chosen.place and e.how in rivals
              and gaz.places[e.place].country != country]
    return chosen, others


def _namesake_town(region: Entry, ranked: list[Entry], gaz: Gazetteer) -> Entry:
    """Return the town of a region's country named like it, if the candidate has one (news
    means the town of 'in Kidal', 'near Tillabéri'); else the region."""
    country = gaz.places[region.place].country
    return next((e for e in ranked if e.how in SETTLEMENTS
                 and gaz.places[e.place].country == country), region)


def anchors(sure: Iterable[str | None]) -> dict[str, int]:
    """Count the countries named without ambiguity (sure: each candidate's sure_country): the
    context that resolves the rest."""
    counts: dict[str, int] = {}
    for country in sure:
        if country:
            counts[country] = counts.get(country, 0) + 1
    return counts


def sure_country(cand: Candidate, gaz: Gazetteer) -> str | None:
    """Return the one country every reading of a strong candidate lies in, if there is one."""
    if cand.weak:
        return None
    places = gaz.places
    country = places[cand.entries[0].place].country
    return country if all(places[e.place].country == country for e in cand.entries) else None


def admin_cue(text: str, cand: Candidate, lexicon: Lexicon) -> bool:
    """Tell whether the words around a name say it is a region: 'the state of Victoria',
    'Zaire province', 'Kano State', 'Orleans Parish' (not 'the state of Niger's economy')."""
    tokens, words = cand.tokens, lexicon.admin_words
    if cand.last > cand.first and tokens[cand.last].folded in words:
        return True  # its own name says so: 'Clarke County', 'Orleans Parish'
    after = tokens[cand.last + 1] if cand.last + 1 < len(tokens) else None
    if after is not None and after.folded in words and text[cand.end:after.start] == " ":
        return True
    if cand.first < 2 or text.startswith(lexicon.possessives, cand.end):
        return False
    kind, link = tokens[cand.first - 2], tokens[cand.first - 1]
    return kind.text in words and link.folded in lexicon.feature_links


def qualifier(text: str, cand: Candidate, before: Candidate | None, after: Candidate | None,
              gaz: Gazetteer, lexicon: Lexicon, resolved: dict[int, Entry]) -> str | None:
    """Return the country that 'City, Region' pairs name ('Moscow, Idaho'; 'Atlanta, Georgia';
    'Edmonton, north London'); resolved: the entries a first round chose, by start."""
    if after is not None and not _in_country_list(text, cand, before, after, resolved):
        gap = text[cand.end:after.start]
        if gap in QUALIFIER_GAP or gap in lexicon.qualifier_gaps:  # ', in Tangipahoa Parish'
            return _qualifying(cand, after, gaz, resolved)
        if _neighbourhood_gap(gap, lexicon) and after.start in resolved:
            return country_of(resolved[after.start], gaz)
    if before is not None and text[before.end:cand.start] in QUALIFIER_GAP:
        countries = {country_of(e, gaz) for e in before.entries if e.how in SETTLEMENTS}
        common = countries & _countries(cand, gaz, QUALIFYING)
        if len(countries) == 1 or len(common) == 1:
            return (countries if len(countries) == 1 else common).pop()
        entry = resolved.get(before.start)
        if entry is not None and entry.how in SETTLEMENTS:
            return country_of(entry, gaz)
    return None


def sibling(text: str, cand: Candidate, before: Candidate | None, after: Candidate | None,
            gaz: Gazetteer, resolved: dict[int, Entry]) -> tuple[str, str | None] | None:
    """Return what the names listed right beside a name are: ('country', None) for countries,
    ('region', ISO3) for regions of one country, ('town', None) for towns; None if it stands
    in no list."""
    for other, gap in ((before, text[before.end:cand.start] if before else ""),
                       (after, text[cand.end:after.start] if after else "")):
        if other is None or not LIST_GAP.match(gap):
            continue
        entry = resolved.get(other.start)
        readings = [entry] if entry is not None else other.entries
        if all(e.how in COUNTRY_NAMES for e in readings):
            return "country", None
        countries = {country_of(e, gaz) for e in readings}
        if all(e.how == "admin" for e in readings) and len(countries) == 1:
            return "region", countries.pop()
        if all(e.how in PLACES_INSIDE for e in readings):
            return "town", None
    return None


def _in_country_list(text: str, cand: Candidate, before: Candidate | None,
                     after: Candidate, resolved: dict[int, Entry]) -> bool:
    """Tell whether a name stands between two countries' names in a list ('Guinea-Bissau,
    Niger, Nigeria and Togo'): the name after its comma is the list's next, not where it lies
    ('In Canada, London, Ontario' is no list: Ontario is no country)."""
    if before is None or not LIST_GAP.match(text, before.end, cand.start):
        return False
    return _all_countries(before, resolved) and _all_countries(after, resolved)


def _all_countries(cand: Candidate, resolved: dict[int, Entry]) -> bool:
    """Tell whether a name is a country's, as a first round resolved it or in every reading."""
    entry = resolved.get(cand.start)
    return all(e.how in COUNTRY_NAMES for e in ([entry] if entry else cand.entries))


def _countries(cand: Candidate, gaz: Gazetteer, kinds: frozenset[str]) -> set[str | None]:
    """Return the countries of a candidate's readings of some kinds."""
    return {country_of(e, gaz) for e in cand.entries if e.how in kinds}


def _qualifying(cand: Candidate, after: Candidate, gaz: Gazetteer,
                resolved: dict[int, Entry]) -> str | None:
    """Return the one country a qualifying name after a comma says: read alone, or as the one
    country it shares with the name it qualifies ('Athens, Georgia'), or as resolved."""
    countries = _countries(after, gaz, QUALIFYING)
    common = countries & {country_of(e, gaz) for e in cand.entries}
    if len(countries) == 1 or len(common) == 1:
        return (countries if len(countries) == 1 else common).pop()
    entry = resolved.get(after.start)
    return country_of(entry, gaz) if entry is not None and entry.how in QUALIFYING else None


def container(text: str, cand: Candidate, lexicon: Lexicon) -> bool:
    """Tell whether a name stands where a qualifier does: after a word and a comma ('Attapeu,
    Laos'), or after ', in north' ('London, in south-western Ontario')."""
    before = text[max(cand.start - BESIDE, 0):cand.start]
    comma = before.rfind(",")
    if comma < 1 or not before[comma - 1].isalpha():
        return False
    gap = before[comma:]
    return gap in QUALIFIER_GAP or _neighbourhood_gap(gap, lexicon)


def _neighbourhood_gap(gap: str, lexicon: Lexicon) -> bool:
    """Tell whether the words between two names make the first a part of the second: ',
    north ', ' in north ', ', in central '."""
    words = gap.replace(",", " ").split()
    return (len(words) in (1, 2) and words[-1].lower() in lexicon.compass_words
            and words[:-1] in ([], ["in"]))


def contradicted(text: str, cand: Candidate, after: Candidate | None, country: str | None,
                 gaz: Gazetteer) -> bool:
    """Tell whether 'Town, Region' places a town or region where none of its readings lies
    ('Surrey, UK' when only Surrey in Canada is known): the span is some other place."""
    if country is None or after is None or text[cand.end:after.start] not in QUALIFIER_GAP:
        return False
    if LIST_GOES_ON.match(text, after.end):  # 'Lagos, Ghana and Kenya': a list, not a pair
        return False
    return all(e.how in INSIDE and country_of(e, gaz) != country for e in cand.entries)


def count_countries(entries: Iterable[Entry], gaz: Gazetteer) -> dict[str, int]:
    """Count the countries of resolved mentions."""
    counts: dict[str, int] = {}
    for entry in entries:
        country = country_of(entry, gaz)
        if country:
            counts[country] = counts.get(country, 0) + 1
    return counts
