"""Gazetteer country records: names, abbreviations, demonyms, capitals, representative points."""

from __future__ import annotations

import shapely
from shapely.geometry import MultiPolygon, Polygon

from geodata.make import french
from geodata.make.cities import City, cities_by_country, most_populous
from geodata.make.names import fold, is_latin, is_name_form, unique
from geodata.make.serialise import clean


def country_names(country: dict) -> list[str]:
    """English names of a world-countries entry, and its other spellings that are names."""
    demonyms = set(country_demonyms(country))
    alternatives = [a for a in country["altSpellings"] if is_name_form(a) and a not in demonyms]
    return unique([country["name"]["common"], country["name"]["official"], *alternatives])


def country_abbreviations(country: dict) -> list[str]:
    """Upper-case alternative spellings (UAE, DRC) other than the ISO alpha-2 code."""
    return unique(a for a in country["altSpellings"]
                  if a.isupper() and a != country["cca2"] and is_latin(a))


def country_demonyms(country: dict) -> list[str]:
    """English demonyms, both genders, split where the source joins two."""
    entry = country.get("demonyms", {}).get("eng", {})
    return unique(part.strip() for gender in ("m", "f")
                  for part in entry.get(gender, "").split(", "))


def find_capital(name: str, local: list[City]) -> City | None:
    """The most populous of these cities named so (name first, then alternate names)."""
    key = fold(name)
    for matches in (
        [c for c in local if fold(c.name) == key],
        [c for c in local if key in {fold(a) for a in c.alt_names}],
    ):
        if matches:
            return most_populous(matches)
    return None


def largest_polygon(geom: Polygon | MultiPolygon) -> Polygon:
    """The polygon of largest (planar) area."""
    if isinstance(geom, Polygon):
        return geom
    return max(geom.geoms, key=lambda p: p.area)


def country_entry(country: dict, capital: City | None, geom: shapely.Geometry | None,
                  cldr: dict[str, list[str]]) -> dict:
    """One gazetteer country record."""
    if geom is not None:
        point = largest_polygon(geom).representative_point()
        lat, lon = point.y, point.x
    else:
        lat, lon = country["latlng"]
    return {
        "iso3": country["cca3"],
        "iso2": country["cca2"],
        "name": country["name"]["common"],
        "official": country["name"]["official"],
        "names": country_names(country),
        "abbreviations": country_abbreviations(country),
        "demonyms": country_demonyms(country),
        "capital": None if capital is None else {
            "id": f"gn:{capital.id}", "name": capital.name,
            "lat": clean(capital.lat, 4), "lon": clean(capital.lon, 4),
        },
        "lat": clean(lat, 4),
        "lon": clean(lon, 4),
        "region": country["region"],
        "subregion": country["subregion"],
        "independent": bool(country["independent"]),
        "translations": {"fr": french.country_translation(country, cldr)},
    }


def country_records(
    countries: dict[str, dict], cities: dict[int, City],
    geoms: dict[str, Polygon | MultiPolygon], cldr: dict[str, list[str]],
) -> tuple[list[dict], dict[int, City]]:
    """Gazetteer records of every country, sorted by iso3, and their capitals by GeoNames id."""
    by_country = cities_by_country(cities.values())
    entries, capitals = [], {}
    for code, country in sorted(countries.items()):
        capital = None
        if country["capital"]:
            capital = find_capital(country["capital"][0], by_country.get(code, []))
        if capital is not None:
            capitals[capital.id] = capital
        entries.append(country_entry(country, capital, geoms.get(code), cldr))
    return entries, capitals
