"""The geodata as a name index: surface forms → candidate places, and places by id."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from . import cityfiles
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

PROMINENT_POPULATION = 100_000
AFTER_CITIES = hows(Trait.AFTER_CITIES)  # kinds of name indexed after the cities
SETTLEMENTS = hows(Trait.SETTLEMENT)
ALL_LEXICONS = forms.ALL_LEXICONS  # one gazetteer for every language: it holds the names of all
CALENDAR_WORDS = frozenset().union(*(lexicon.calendar_words for lexicon in ALL_LEXICONS))


class Entry(NamedTuple):
    """One way of naming a place: the form, what kind of name it is, and its place.

    A named tuple, not a frozen dataclass: the gazetteer makes 85,000 of them at start-up,
    and a frozen dataclass's __init__ costs four times as much.
    """

    place: str
    form: str
    how: str  # the kind of name: a row of kinds.KINDS ("country", "demonym", "city" …)
    exact_case: bool = False


class Places(dict):
    """Places by id; a city becomes a Place the first time it is asked for.

    Start-up then makes 34,000 fewer objects. values() holds only the places made so far.
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}  # city id → its line of gazetteer.cities.tsv

    def __missing__(self, place_id: str) -> Place:
        place = cityfiles.city_place(self.rows[place_id])
        self[place_id] = place
        return place

    def __contains__(self, place_id: object) -> bool:
        return dict.__contains__(self, place_id) or place_id in self.rows

    def get(self, place_id: str, default: Place | None = None) -> Place | None:
        """Return the place with this id, or default."""
        return self[place_id] if place_id in self else default


@dataclass
class Gazetteer:
    """Places by id, and the index of every form that names them.

    The cities' forms are kept as built (city_index: folded form → its lines) and become
    entries the first time a lookup asks for them (merged: their entries with the others').
    """

    places: Places = field(default_factory=Places)
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    city_index: dict[str, str] = field(default_factory=dict)
    merged: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()
    prefixes: frozenset[tuple[str, ...]] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    government_names: dict[str, str] = field(default_factory=dict)  # 'the US government'
    groupings: dict[str, dict] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    dependent: set[str] = field(default_factory=set)
    prominent: set[str] = field(default_factory=set)
    groups: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # a cache
    within: dict[str, str] = field(default_factory=dict)  # a county → its state
    folder: Path = GEODATA  # where the geodata was read (a language's common words are read
    #                         from there when a document in that language first asks)
    lower_forms: dict[str, set[str]] = field(default_factory=dict)  # language → the names it
    #                                  writes in lower case ('nigérienne'), lower-cased
    lower_case: re.Pattern[str] | None = None  # a language's view: where those names start
    views: dict[str, Gazetteer] = field(default_factory=dict)  # by language (geoparse/wording)

    def place(self, place_id: str) -> Place:
        """Return the place with this id (KeyError if unknown)."""
        return self.places[place_id]

    def members_on(self, place_id: str, on: date) -> list[str]:
        """Return a bloc's or region's members on a date (ISO3 codes, the geodata's order); a
        region without dated members (a continent) has its own list."""
        row = self.groupings.get(place_id)
        if row is None:
            return list(self.place(place_id).members)
        day = on.isoformat()
        return [m["iso3"] for m in row.get("members", ())
                if (m.get("from") or "0000") <= day and (m.get("to") or "9999") > day]

    def capital_of(self, iso3: str) -> Place | None:
        """Return a country's capital city, if the geodata has one."""
        city = self.capitals.get(iso3)
        return self.places.get(city) if city else None

    def lookup(self, tokens: tuple[str, ...]) -> list[Entry]:
        """Return the entries whose form folds to these tokens (in the order they were read:
        countries and admin units, then cities, then groupings, regions and seats)."""
        found = self.merged.get(tokens)
        if found is not None:
            return found
        packed = self.city_index.get(" ".join(tokens))
        if packed is None:
            return self.index.get(tokens, [])
        others = self.index.get(tokens, [])
        fields = packed.split("\t")
        cities = [Entry(place, form, how) for place, how, form
                  in zip(fields[::3], fields[1::3], fields[2::3], strict=True)]
        found = ([e for e in others if e.how not in AFTER_CITIES] + cities
                 + [e for e in others if e.how in AFTER_CITIES])
        self.merged[tokens] = found  # the same list whichever thread makes it
        return found

    def knows(self, tokens: tuple[str, ...]) -> bool:
        """Tell whether some form folds to these tokens."""
        return tokens in self.index or " ".join(tokens) in self.city_index

    def is_common_word(self, word: str) -> bool:
        """Tell whether a word is common in lower case (so capitals may mislead)."""
        folded = word.lower()
        return folded in self.common_words or folded in CALENDAR_WORDS

    def is_given_name(self, word: str) -> bool:
        """Tell whether a word is an English first name ("George", "Victoria")."""
        return word.lower() in self.given_names

    def add(self, entry: Entry) -> None:
        """Index one form of a place."""
        key = fold_tokens(entry.form)
        if not key:
            return
        self.merged.pop(key, None)  # a lookup made before this entry would leave it out
        entries = self.index.get(key)
        if entries is None:
            self.index[key] = [entry]
        elif all((e.place, e.how, e.exact_case) != (entry.place, entry.how, entry.exact_case)
               for e in entries):
            entries.append(entry)

    def finish(self) -> None:
        """Record the first tokens of the forms, and the proper prefixes of the longer forms."""
        longer = [key for key in self.index if len(key) > 1]
        longer += [tuple(key.split(" ")) for key in self.city_index if " " in key]
        self.starts = frozenset(key[0] for key in self.index) | frozenset(
            key.partition(" ")[0] for key in self.city_index)
        self.prefixes = frozenset(key[:n] for key in longer for n in range(1, len(key)))


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
    """Read the committed geodata into a Gazetteer (GeodataError names a missing or damaged
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
