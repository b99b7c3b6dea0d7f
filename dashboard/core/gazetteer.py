"""The geodata as a name index: load() reads the gazetteer from its prepared file, or builds it
from the geodata files (from_sources) when that file is missing, damaged or out of date."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from . import cityfiles, prepared
from .folding import TOKEN as TOKEN  # re-exported: the geoparser and the build fold here
from .folding import fold as fold
from .folding import fold_tokens
from .geodata import GEODATA as GEODATA  # re-exported: where the page reads from
from .geodata import REBUILD as REBUILD
from .geodata import GeodataError as GeodataError
from .geodata import damaged, read_geodata, read_geodata_json
from .kinds import Trait, hows
from .lexicon import forms
from .models import Place
from .nameindex import Entry as Entry  # re-exported: the geoparser imports the classes here
from .nameindex import Gazetteer as Gazetteer
from .nameindex import Places as Places
from .nameindex import from_state, to_state

PROMINENT_POPULATION = 100_000
SETTLEMENTS = hows(Trait.SETTLEMENT)
ALL_LEXICONS = forms.ALL_LEXICONS  # one gazetteer for every language: it holds the names of all
PREPARED = "gazetteer.prepared"  # the finished gazetteer, written by geodata/build.py
SOURCES = ("gazetteer.json", "gazetteer.cities.tsv", cityfiles.CITY_INDEX, "groupings.json",
           "common_words.txt", "given_names.txt")  # the geodata files from_sources() reads
CORE = Path(__file__).resolve().parent
CODE = (*(CORE / f"{name}.py" for name in ("gazetteer", "nameindex", "cityfiles", "folding",
                                           "geodata", "kinds", "models", "prepared")),
        *sorted((CORE / "lexicon").glob("*.py")))  # every module this one runs (a test checks)


def _add_names(gaz: Gazetteer, iso3: str, names: tuple[str, ...]) -> None:
    """Index a country's other names, with their short forms (unless one of those names)."""
    for name in names:
        gaz.add(Entry(iso3, name, "alternative"))
        for short in forms.short_names(name):
            if short not in names:  # 'République du Chili': 'Chili' is a name already
                gaz.add(Entry(iso3, short, "short"))
        for bare in forms.without_article(name):
            gaz.add(Entry(iso3, bare, "alternative"))


def _add_translations(gaz: Gazetteer, iso3: str, row: dict) -> None:
    """Index a country's names and demonyms in other languages; note the demonyms as names a
    language writes in lower case (every form is in the geodata, plurals included)."""
    for language, words in row.get("translations", {}).items():
        # other names: 'Chili' in English text is a pepper, and a common word drops them
        _add_names(gaz, iso3, tuple(n for n in (words.get("name"), words.get("official"),
                                                *words.get("names", ())) if n))
        _add_demonyms(gaz, iso3, language, words.get("demonyms", ()))
    for lexicon in ALL_LEXICONS:  # demonyms the registries lack ('qataris')
        _add_demonyms(gaz, iso3, lexicon.language, lexicon.demonyms.get(iso3, ()))


def _add_demonyms(gaz: Gazetteer, iso3: str, language: str, demonyms: tuple[str, ...]) -> None:
    """Index demonyms of a language that writes them in lower case too."""
    for demonym in demonyms:
        gaz.add(Entry(iso3, demonym, "demonym"))
        gaz.lower_forms.setdefault(language, set()).add(demonym.lower())


def _add_country(gaz: Gazetteer, row: dict) -> None:
    """Index a country's names, demonyms and capital."""
    iso3 = row["iso3"]
    gaz.places[iso3] = Place(iso3, "country", row["name"], iso3, row.get("lat"), row.get("lon"))
    gaz.country_names[iso3] = tuple(row.get("names", ()))
    gaz.add(Entry(iso3, row["name"], "country"))
    gaz.add(Entry(iso3, row["official"], "official"))
    _add_names(gaz, iso3, (*row.get("names", ()), *forms.lexicon_forms("names", iso3)))
    _add_translations(gaz, iso3, row)
    if not row.get("independent", True):
        gaz.dependent.add(iso3)
    abbreviations = (*forms.lexicon_forms("abbreviations", iso3), *row.get("abbreviations", ()))
    for abbreviation in abbreviations:
        gaz.add(Entry(iso3, abbreviation, "abbreviation", exact_case=True))
    for demonym in row.get("demonyms", ()):
        gaz.add(Entry(iso3, demonym, "demonym"))
        for many in forms.plurals(demonym):
            gaz.add(Entry(iso3, many, "demonym"))
    capital = row.get("capital")
    if capital:
        gaz.capitals[iso3] = capital["id"]
    gaz.government_names[iso3] = forms.government_name(row)


def city_index_tsv(folder: str | Path = GEODATA) -> str:
    """Return the cities' forms as geodata/gazetteer.cities.index.tsv holds them (see
    cityfiles.index_text), common words told by the gazetteer's rule for them."""
    folder = Path(folder)
    words = Gazetteer(common_words=frozenset(read_geodata(folder, "common_words.txt").split()))
    return cityfiles.index_text(folder, words.is_common_word)


def _read_cities(gaz: Gazetteer, folder: Path) -> None:
    """Read the cities and their index of forms (rebuilt here if it is not of these sources)."""
    gaz.places.rows = {line[:line.index("\t")]: line
                       for line in cityfiles.city_rows(folder / "gazetteer.cities.tsv")}
    path = folder / cityfiles.CITY_INDEX
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if not text.startswith(f"# sources {cityfiles.sources_digest(folder)}\n"):
        text = city_index_tsv(folder)
    gaz.city_index = dict(line.split("\t", 1) for line in text.splitlines()[1:])


def _add_admin(gaz: Gazetteer, row: dict) -> None:
    """Index a first-level administrative unit."""
    place = Place(row["id"], "admin", row["name"], row["country"], row.get("lat"), row.get("lon"))
    gaz.places[place.id] = place
    gaz.add(Entry(place.id, place.name, "admin"))


def _add_county(gaz: Gazetteer, row: dict) -> None:
    """Index a US county by its full name ('Clarke County'): a name as sure as a state's."""
    state = gaz.places[row["state"]]
    place = Place(row["id"], "admin", f"{row['name']}, {state.name}", row["country"], None, None)
    gaz.places[place.id] = place
    gaz.within[place.id] = state.id
    gaz.prominent.add(place.id)
    gaz.add(Entry(place.id, row["name"], "admin"))


def _mark_prominent_admins(gaz: Gazetteer) -> None:
    """Note the regions named on their own in news: GeoNames' first-level units (US states,
    UK nations), and regions whose namesake city has 100,000 people or more."""
    for place in [p for p in gaz.places.values() if p.kind == "admin"]:  # lookups add cities
        if place.id.startswith("gn:") or any(
            gaz.places[e.place].population >= PROMINENT_POPULATION
            and gaz.places[e.place].country == place.country
            for e in gaz.lookup(fold_tokens(place.name)) if e.how in SETTLEMENTS
        ):
            gaz.prominent.add(place.id)


def _add_grouping(gaz: Gazetteer, row: dict) -> None:
    """Index a grouping or region by its names and abbreviations."""
    members = tuple(m["iso3"] for m in row.get("members", ()))
    kind = "region" if row.get("kind") == "region" else "grouping"
    gaz.places[row["id"]] = Place(row["id"], kind, row["name"], None, None, None, members=members)
    gaz.groupings[row["id"]] = row
    gaz.add(Entry(row["id"], row["name"], kind))
    for name in row.get("names", ()):
        gaz.add(Entry(row["id"], name, kind))
    for abbreviation in row.get("abbreviations", ()):
        gaz.add(Entry(row["id"], abbreviation, kind, exact_case=True))


def _add_continents(gaz: Gazetteer, rows: list[dict], names: dict[str, list[str]]) -> None:
    """Add continents and subregions (world-countries' region fields) as regions, with their
    names in other languages (names: English name → others)."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for name in (row.get("region"), row.get("subregion")):
            if name and " and " not in name and not gaz.knows(fold_tokens(name)):
                members[name].append(row["iso3"])
    for name, isos in sorted(members.items()):
        region_id = re.sub(r"[^A-Z]+", "-", name.upper()).strip("-")
        gaz.places[region_id] = Place(region_id, "region", name, None, None, None,
                                      members=tuple(isos))
        for form in (name, *names.get(name, ())):
            gaz.add(Entry(region_id, form, "region"))
            for compass in forms.compass_forms(form):
                gaz.add(Entry(region_id, compass, "region"))


def _add_metonyms(gaz: Gazetteer) -> None:
    """Index the seats of government as names of their capitals."""
    for form, capital in (item for lexicon in ALL_LEXICONS for item in lexicon.metonyms.items()):
        for entry in gaz.lookup(fold_tokens(capital)):
            if entry.how == "capital":
                gaz.add(Entry(entry.place, form, "seat"))


def load(folder: str | Path = GEODATA) -> Gazetteer:
    """Return the gazetteer of a geodata folder: its prepared file if that is of the folder's
    files and of this code, else built from the files (GeodataError names a missing or damaged
    file and what to run)."""
    folder = Path(folder)
    try:
        with prepared.uncollected():
            return from_state(prepared.read(folder / PREPARED, sources_digest(folder)), folder)
    except prepared.Unusable as error:
        why = str(error)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        why = f"is damaged ({type(error).__name__})"
    gaz = from_sources(folder)  # said after: a GeodataError of the sources is the one to say
    prepared.unused(folder / PREPARED, why)
    return gaz


def sources_digest(folder: Path) -> str | None:
    """Return the digest of what a prepared gazetteer is built from: the geodata files and the
    code that reads them (None if a file cannot be read)."""
    return prepared.digest([*(folder / name for name in SOURCES), *CODE])


def prepare(folder: Path) -> Path:
    """Build the gazetteer from a geodata folder's files and write it there as its prepared
    file (geodata/build.py)."""
    digest = sources_digest(folder)
    if digest is None:
        raise GeodataError(f"{folder.name}/ lacks a file of {', '.join(SOURCES)}: {REBUILD}.")
    path = folder / PREPARED
    prepared.write(path, digest, to_state(from_sources(folder)))
    return path


def from_sources(folder: str | Path = GEODATA) -> Gazetteer:
    """Read a geodata folder's files into a Gazetteer (GeodataError names a missing or damaged
    file and what to run)."""
    folder = Path(folder)
    gaz = Gazetteer(folder=folder)
    gaz.common_words = frozenset(read_geodata(folder, "common_words.txt").split())
    names = read_geodata(folder, "given_names.txt").split()
    gaz.given_names = frozenset(name.lower() for name in names)
    data = read_geodata_json(folder, "gazetteer.json")
    with damaged(folder / "gazetteer.json"):
        for row in data["countries"]:
            _add_country(gaz, row)
        for row in data.get("admins", ()):
            _add_admin(gaz, row)
        for row in data.get("counties", ()):
            _add_county(gaz, row)
    with damaged(folder / "gazetteer.cities.tsv"):
        _read_cities(gaz, folder)
    groupings = read_geodata_json(folder, "groupings.json")
    with damaged(folder / "groupings.json"):
        for row in groupings["groupings"]:
            _add_grouping(gaz, row)
        _add_continents(gaz, data["countries"],
                        {row["name"]: row["names"] for row in data.get("regions", ())})
    _mark_prominent_admins(gaz)
    _add_metonyms(gaz)
    gaz.finish()
    return gaz
